"""Every page runs without an exception, on every sample corpus (Streamlit's AppTest)."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from explorer.text.samples import available_samples
from tests import pagetest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))
SAMPLE_KEYS = [s.key for s in available_samples()]


def open_app(page: str | None = None, sample: str | None = None) -> AppTest:
    return pagetest.open_app(page, **({"app.sample": sample} if sample else {}))


def test_there_are_pages():
    assert "pages/home.py" in PAGES and "pages/corpus.py" in PAGES


@pytest.mark.parametrize("page", PAGES)
def test_page_runs(page):
    open_app(page)


@pytest.mark.parametrize("sample", SAMPLE_KEYS)
def test_corpus_page_on_every_sample(sample):
    at = open_app("pages/corpus.py", sample)
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Sentences"].replace(",", "")) > 0
    assert int(metrics["Tokens"].replace(",", "")) > int(metrics["Vocabulary"].replace(",", ""))


def test_sidebar_offers_every_sample():
    at = open_app()
    box = at.sidebar.selectbox(key="app.sample")
    assert box.options == [s.title for s in available_samples()]
    assert box.value == "english"


def _context_words(at: AppTest) -> int:
    focus = next(m.value for m in at.markdown if 'class="ctx-focus"' in m.value)
    return focus.count('class="ctx-context"')


def test_window_slider_changes_the_highlighted_context():
    at = open_app("pages/corpus.py")
    # The first sentence is the lesson's: "we are about to study the idea of deep learning".
    assert at.select_slider(key="corpus.target").value == 4  # "study"
    at.slider(key="corpus.window").set_value(1).run()
    assert _context_words(at) == 2
    assert any("(to, the) → **study**" in m.value for m in at.markdown)
    at.slider(key="corpus.window").set_value(2).run()
    assert _context_words(at) == 4
    assert any("(about, to, the, idea) → **study**" in m.value for m in at.markdown)


def test_skipgram_mode_lists_pairs():
    at = open_app("pages/corpus.py")
    at.slider(key="corpus.window").set_value(1).run()
    at.radio(key="corpus.mode").set_value("Skip-gram").run()
    assert any("(study → to), (study → the)" in m.value for m in at.markdown)


def test_custom_sentence_in_chinese():
    at = open_app("pages/corpus.py")
    at.text_input(key="corpus.custom").input("我喜欢学习数学").run()
    assert not at.exception
    focus = next(m.value for m in at.markdown if 'class="ctx-focus"' in m.value)
    for word in ["我", "喜欢", "学习", "数学"]:
        assert f">{word}</span>" in focus


def test_html_in_a_sentence_is_shown_as_text():
    at = open_app("pages/corpus.py")
    at.text_input(key="corpus.custom").input("the <script>alert(1)</script> cat").run()
    focus = next(m.value for m in at.markdown if 'class="ctx-focus"' in m.value)
    assert "<script>" not in focus


def test_gensim_training_in_the_background_from_the_corpus_page():
    at = open_app("pages/corpus.py")
    at.button(key="gensim.start").click().run()
    job = at.session_state["gensim.job"]
    assert job.wait(60) and job.error is None
    at.run()
    assert not at.exception
    name, wv = at.session_state["gensim.vectors"]
    assert "English" in name and "kitten" in wv
    assert any("Done:" in s.value for s in at.success)
