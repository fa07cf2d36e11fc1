"""The context-window HTML: the right words lit, everything escaped."""

from explorer.charts.highlight import window_html

TOKENS = ["we", "are", "about", "to", "study", "the", "idea", "of", "deep", "learning"]


def _classes(html: str) -> list[str]:
    return [part.split('"')[0] for part in html.split('class="')[2:]]


def test_window_one_lights_to_and_the():
    html = window_html(TOKENS, position=4, window=1)
    assert html.count('class="ctx-context"') == 2
    assert '">to</span>' in html and '">the</span>' in html
    assert html.count('class="ctx-target"') == 1


def test_window_two_and_the_sentence_edges():
    assert window_html(TOKENS, 4, 2).count('class="ctx-context"') == 4
    assert window_html(TOKENS, 0, 2).count('class="ctx-context"') == 2
    assert window_html(TOKENS, 9, 5).count('class="ctx-context"') == 5


def test_tokens_are_escaped():
    html = window_html(["<script>", "x&y"], 0, 1, label="<b>")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "x&amp;y" in html and "<b>" not in html
