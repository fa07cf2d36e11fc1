"""Classroom mode in the page tests: languages, the presenter view, the guided lesson."""

import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from explorer.i18n import use_language
from explorer.lessons.guided import STEPS
from tests import pagetest
from tests.test_pages import PAGES

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    use_language("en")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_in_chinese(page):
    at = pagetest.open_app(page, **{"app.lang": "zh"})
    title = at.title[0].value if at.title else ""
    assert CJK.search(title), title
    assert not any("Traceback" in e.value for e in at.error)


def test_switching_language_keeps_the_settings_and_the_model():
    at = pagetest.open_app("pages/train.py")
    at.radio(key="train.sg").set_value(1).run()
    at.button(key="train.step").click().run()
    run = at.session_state["train.run"]
    # AppTest reads widgets through their format_func in this thread: it must speak the
    # language the page was last drawn in.
    at.radio(key="app.lang").set_value("zh").run()
    use_language("zh")
    assert CJK.search(at.title[0].value)
    assert at.session_state["train.sg"] == 1
    assert at.session_state["train.run"] is run and run.step > 0
    at.radio(key="app.lang").set_value("en").run()
    use_language("en")
    assert at.title[0].value == "🏋️ Train live"
    assert at.session_state["train.run"] is run


def test_the_language_is_part_of_a_shared_link():
    at = pagetest.open_app("pages/train.py", **{"app.lang": "zh"})
    code = next(c.value for c in at.code if "app.lang=" in c.value)
    params = dict(parse_qsl(urlsplit(code).query))
    assert params["app.lang"] == "zh"
    assert "app.presenter" not in params

    use_language("zh")
    other = AppTest.from_file(str(pagetest.ROOT / "streamlit_app.py"), default_timeout=90)
    other.query_params.update(params)
    other.run()
    assert other.session_state["app.lang"] == "zh"
    assert CJK.search(other.title[0].value)


def test_the_presenter_view_hides_advanced_controls_until_asked():
    at = pagetest.open_app("pages/train.py", **{"app.presenter": True})
    keys = {b.key for b in at.button}
    assert {"train.play", "train.pause", "train.step", "train.reset"} <= keys
    assert "train.stepn" not in keys
    assert not at.expander  # no settings form, no export panel
    assert not [t for t in at.toggle if t.key in ("upload.open", "train.scope")]
    assert at.session_state["train.run"].config.epochs == 10  # trains at the defaults
    at.toggle(key="app.advanced").set_value(True).run()
    assert "train.stepn" in {b.key for b in at.button}
    assert at.expander


def test_a_link_can_open_the_presenter_view():
    at = AppTest.from_file(str(pagetest.ROOT / "streamlit_app.py"), default_timeout=90)
    at.query_params["app.presenter"] = "1"
    at.run()
    assert at.session_state["app.presenter"] is True
    # The first run brings the larger type alone (the browser presses on by itself), so
    # no text is ever drawn at the normal size; then the page.
    assert not at.title
    at.button(key="presenter_go").click().run()
    assert at.title and not at.exception
    assert "presenter_go" not in {b.key for b in at.button}


def test_the_lesson_predicts_opens_the_page_and_reveals():
    at = pagetest.open_app("pages/lesson.py")
    at.button(key="lesson.goto.2").click().run()
    assert "closest to “cat”" in at.markdown[1].value
    at.radio(key="lesson.guess.train").set_value(1).run()  # dog
    at.toggle(key="lesson.revealed.train").set_value(True).run()
    assert "**Answer:** kitten. You predicted dog." in [w.value for w in at.warning]
    at.button(key="lesson.open_page").click().run()
    assert not at.exception
    assert at.session_state["app.sample"] == "english"
    assert at.session_state["train.track"].startswith("cat, kitten")
    banner = at.markdown[0].value
    assert f"Lesson, step 3 of {len(STEPS)}" in banner and "closest to “cat”" in banner


def test_the_lessons_classifier_step_reveals_and_opens_the_sentiment_page():
    at = pagetest.open_app("pages/lesson.py")
    at.button(key="lesson.goto.6").click().run()
    assert "closest to “good”" in at.markdown[1].value
    at.radio(key="lesson.guess.classifier").set_value(0).run()  # bad
    at.toggle(key="lesson.revealed.classifier").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    answers = [w.value for w in at.warning] + [s.value for s in at.success]
    assert any(a.startswith("**Answer:**") and "You predicted bad" in a for a in answers)
    assert any("word2vec" in m.value for m in at.markdown)  # the comparison, computed
    at.button(key="lesson.open_page").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["clf.data"] == "pang_lee"
    assert f"Lesson, step 7 of {len(STEPS)}" in at.markdown[0].value


def test_the_lesson_step_comes_from_the_link():
    use_language("zh")
    at = pagetest.open_link({"lesson": "6", "app.lang": "zh"}, "pages/lesson.py")
    assert at.session_state["lesson.step"] == 5
    assert "国王 − 男人 + 女人" in at.markdown[1].value
    assert at.code[0].value.endswith("/lesson?lesson=6&app.lang=zh")


def test_the_chosen_vectors_survive_more_training_and_a_language_switch():
    at = pagetest.open_app("pages/train.py")
    at.button(key="train.step").click().run()
    at.switch_page("pages/similarity.py")
    at.run()
    at.radio(key="sim.source").set_value("live").run()
    at.switch_page("pages/train.py")
    at.run()
    at.button(key="train.step").click().run()  # the live run's label names a new step
    at.switch_page("pages/similarity.py")
    at.run()
    at.radio(key="app.lang").set_value("zh").run()
    use_language("zh")
    assert at.radio(key="sim.source").value == "live"
    assert "40" in at.radio(key="sim.source").options[1]


def test_a_chinese_interface_starts_on_the_chinese_corpus_unless_the_link_names_one():
    use_language("zh")
    at = AppTest.from_file(str(pagetest.ROOT / "streamlit_app.py"), default_timeout=90)
    at.query_params["app.lang"] = "zh"
    at.run()
    assert at.session_state["app.sample"] == "chinese"
    other = AppTest.from_file(str(pagetest.ROOT / "streamlit_app.py"), default_timeout=90)
    other.query_params.update({"app.lang": "zh", "app.sample": "English demo corpus"})
    other.run()
    assert other.session_state["app.sample"] == "english"


def test_the_presenter_view_enlarges_chart_text():
    import json

    plain = pagetest.open_app("pages/projections.py")
    big = pagetest.open_app("pages/projections.py", **{"app.presenter": True})

    def font_size(at):
        layout = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]
        return layout.get("font", {}).get("size", 12)  # Plotly's default

    assert font_size(big) > font_size(plain)
