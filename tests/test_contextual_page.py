"""The contextual page, driven by AppTest: Step trains, the switch restarts, both languages."""

import numpy as np
from streamlit.testing.v1 import AppTest

from tests import pagetest


def open_page(**state) -> AppTest:
    return pagetest.open_app("pages/contextual.py", **state)


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label.startswith(label))


def test_step_trains_and_the_probes_follow_the_sense_words():
    at = open_page()
    run = at.session_state["ctx.run"]
    assert metric(at, "Step") == "0"
    assert at.session_state["ctx.word"] == "bank" and at.session_state["ctx.layer"] == 2
    assert set(run.probes) == {"bank", "trouble", "light"}
    E0 = run.state.params["E"].copy()
    at.button(key="ctx.step").click().run()
    assert not at.exception
    assert metric(at, "Step") == "4"
    assert not np.array_equal(run.state.params["E"], E0)
    steps, values = run.series("bank")
    assert steps == [0, 4] and all(0.5 <= v <= 1 for v in values)
    # the sentence box shows the proverb's two vectors: one at layer 0, two after
    table = at.table[0].value
    assert list(table.iloc[0])[1] == "1.000"


def test_layer_0_is_one_point_and_scores_chance():
    at = open_page()
    at.slider(key="ctx.layer").set_value(0).run()
    assert not at.exception
    assert metric(at, "Senses apart (layer 0)") == "0.50"


def test_the_gpt_switch_restarts_with_a_causal_model():
    at = open_page()
    at.button(key="ctx.step").click().run()
    at.toggle(key="ctx.causal").set_value(True).run()
    assert not at.exception
    run = at.session_state["ctx.run"]
    assert run.model.config.causal and run.step == 0
    assert any("restarted" in str(i.value) for i in at.info)


def test_the_chinese_page_starts_with_da():
    at = open_page(**{"app.lang": "zh"})
    assert at.session_state["ctx.word"] == "打"
    assert set(at.session_state["ctx.run"].probes) == {"打", "东西"}
    assert at.title[0].value == "🏦 上下文嵌入"


def test_an_uploaded_corpus_trains_without_senses():
    at = pagetest.open_app("pages/corpus.py")
    at.sidebar.toggle(key="upload.open").set_value(True).run()
    text = "\n".join(f"the cat sat on the mat number {i}. the dog ran." for i in range(40))
    at.sidebar.file_uploader(key="upload.corpus_files").set_value(
        ("mine.txt", text.encode(), "text/plain")).run()
    at.switch_page("pages/contextual.py").run()
    assert not at.exception, [e.value for e in at.exception]
    run = at.session_state["ctx.run"]
    assert run.probes == {}
    assert any("no known senses" in str(i.value) for i in at.info)
    at.button(key="ctx.step").click().run()
    assert not at.exception and metric(at, "Senses apart") == "–"


def test_the_presenter_view_keeps_the_player_and_the_charts():
    at = open_page(**{"app.presenter": True})
    keys = {b.key for b in at.button}
    assert {"ctx.play", "ctx.pause", "ctx.step", "ctx.reset"} <= keys
    assert not [s for s in at.selectbox if s.key == "ctx.word"]
    assert not at.text_input


def test_the_occurrences_are_a_source_on_the_projections_page():
    at = open_page()
    at.button(key="ctx.step").click().run()
    at.switch_page("pages/projections.py").run()
    assert not at.exception, [e.value for e in at.exception]
    box = at.selectbox(key="proj.source")
    assert box.options[-1].startswith("Contextual vectors of “bank” (masked LM, step 4")
    box.select_index(len(box.options) - 1).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["proj.source"] == "contextual"


def test_a_link_carries_the_page_and_its_step():
    from explorer.app.link import read_link

    assert read_link({"ctx.causal": "True", "ctx.layer": "1", "ctx.word": "light",
                      "ctx.corpus": "ja"}) == {
        "ctx.causal": True, "ctx.layer": 1, "ctx.word": "light", "ctx.corpus": "ja"}
    assert read_link({"ctx.causal": "maybe", "ctx.layer": "9", "ctx.corpus": "fr"}) == {}
    at = open_page()
    at.button(key="ctx.step").click().run()
    shared = at.code[-1].value
    assert "/contextual?" in shared and "ctx.word=bank" in shared and "step=4" in shared


def test_the_lessons_last_step_predicts_opens_the_page_and_reveals():
    at = pagetest.open_app("pages/lesson.py")
    last = len([b for b in at.button if b.key and b.key.startswith("lesson.goto.")]) - 1
    at.button(key=f"lesson.goto.{last}").click().run()
    assert "two “bank” vectors be closer or farther" in at.markdown[1].value
    at.radio(key="lesson.guess.contextual").set_value(2).run()  # "farther"
    at.toggle(key="lesson.revealed.contextual").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "**Answer:** farther. You predicted it." in [s.value for s in at.success]
    at.button(key="lesson.open_page").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["ctx.word"] == "bank"
    assert at.title[0].value == "🏦 Contextual embeddings"
