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


def test_lit_rows_and_cells():
    import pandas as pd

    from explorer.charts.highlight import LIT_STYLE, lit_cells, lit_rows

    table = pd.DataFrame([[0.1234, 1.0], [0.5, 0.25]], index=["cat", "sat"])
    html = lit_rows(table, ["sat"]).to_html()
    style = html.split("</style>")[0]  # the lit cells' selectors, then the lit style
    assert LIT_STYLE.split(";")[0] in style
    assert "row1_col0" in style and "row1_col1" in style and "row0_col" not in style
    assert "0.123" in html and "0.1234" not in html
    style = lit_cells(pd.DataFrame([[0, 1, 0], [1, 0, 0]])).to_html().split("</style>")[0]
    assert "row0_col1" in style and "row1_col0" in style and "row0_col0" not in style
