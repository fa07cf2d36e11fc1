"""The live training page, driven by AppTest: Step, Step x N, Reset, settings, scrubbing."""

import json
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from tests import pagetest

ROOT = Path(__file__).resolve().parent.parent


def open_train(**state) -> AppTest:
    return pagetest.open_app("pages/train.py", **state)


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def run_of(at: AppTest):
    return at.session_state["train.run"]


def test_step_advances_the_step_metric_and_changes_w():
    at = open_train()
    assert metric(at, "Step") == "0"
    W0 = run_of(at).state.W.copy()
    at.button(key="train.step").click().run()
    assert not at.exception
    chunk = at.session_state["train.chunk"]
    assert metric(at, "Step") == str(chunk)
    assert not np.array_equal(run_of(at).state.W, W0)
    assert metric(at, "Loss (last chunk)") != "–"


def test_step_x_n_and_reset_to_the_seeds_initial_matrix():
    at = open_train()
    W0 = run_of(at).state.W.copy()
    at.number_input(key="train.n").set_value(3).run()
    at.button(key="train.stepn").click().run()
    assert metric(at, "Step") == str(3 * at.session_state["train.chunk"])
    at.button(key="train.reset").click().run()
    assert metric(at, "Step") == "0"
    np.testing.assert_array_equal(run_of(at).state.W, W0)


def test_same_seed_same_matrix_in_two_sessions():
    a, b = open_train(), open_train()
    for at in (a, b):
        at.button(key="train.step").click().run()
    np.testing.assert_array_equal(run_of(a).state.W, run_of(b).state.W)


def test_changing_a_setting_resets_visibly():
    at = open_train()
    at.button(key="train.step").click().run()
    assert metric(at, "Step") != "0"
    at.slider(key="train.window").set_value(3).run()
    assert metric(at, "Step") == "0"
    assert any("restarted from step 0" in i.value for i in at.info)
    assert run_of(at).config.window == 3


def test_tracked_words_change_without_resetting():
    at = open_train()
    at.button(key="train.step").click().run()
    at.text_input(key="train.track").input("cat, kitten, zzzunknown").run()
    assert metric(at, "Step") != "0"
    assert run_of(at).track == ["cat", "kitten"]
    assert any("zzzunknown" in w.value for w in at.warning)


def test_full_softmax_and_skipgram_run():
    at = open_train()
    at.radio(key="train.objective").set_value("softmax").run()
    at.radio(key="train.sg").set_value(1).run()
    at.button(key="train.step").click().run()
    assert not at.exception
    assert run_of(at).config.negative == 0 and run_of(at).config.sg == 1


def test_every_sample_trains_a_step():
    for sample in ("chinese", "japanese", "lee"):
        at = open_train(**{"app.sample": sample})
        at.button(key="train.step").click().run()
        assert not at.exception, sample
        assert metric(at, "Step") != "0"


def test_frequent_words_join_the_map_without_a_reset():
    at = open_train()
    at.button(key="train.step").click().run()
    at.slider(key="train.map_top").set_value(20).run()
    assert not at.exception
    assert metric(at, "Step") != "0"
    assert len(run_of(at).map_words) >= 20


def test_looking_back_in_time_shows_an_earlier_step():
    at = open_train()
    at.number_input(key="train.n").set_value(3).run()
    at.button(key="train.stepn").click().run()
    chunk = at.session_state["train.chunk"]
    scrub = next(s for s in at.select_slider if s.label == "Look back to step")
    scrub.set_value(chunk).run()
    assert not at.exception
    assert metric(at, "Step") == str(chunk)


def test_settings_and_model_survive_a_visit_to_another_page():
    at = open_train()
    at.slider(key="train.window").set_value(3).run()
    at.button(key="train.step").click().run()
    run = at.session_state["train.run"]
    at.switch_page("pages/corpus.py")
    at.run()
    at.switch_page("pages/train.py")
    at.run()
    assert not at.exception
    assert at.session_state["train.window"] == 3
    assert at.session_state["train.run"] is run and metric(at, "Step") != "0"


def test_hierarchical_softmax_is_the_third_output_layer():
    at = open_train()
    at.radio(key="train.objective").set_value("hs").run()
    assert at.session_state["train.objective"] == "hs"  # a value; the label is the widget's
    assert at.slider(key="train.negative").disabled  # no negatives to draw
    at.button(key="train.step").click().run()
    assert not at.exception
    config = run_of(at).config
    assert (config.hs, config.negative) == (1, 0) and metric(at, "Step") != "0"
    # W_out has a row per inner node of the tree: the tracked words' path nodes are shown
    titles = [json.loads(c.proto.spec).get("title") for c in at.get("vega_lite_chart")]
    assert "W_out: the tree's nodes on these words' paths" in str(titles)
    # the microscope follows the target down its path, turn by turn
    at.toggle(key="train.scope").set_value(True).run()
    path = next(df.value for df in at.dataframe if "turn" in df.value.columns)
    run = run_of(at)
    target = run.track[1]
    code = run.state.tree.code(run.state.vocab.key_to_index[target])
    assert path["turn"].tolist()[:-1] == ["left (0)" if c == 0 else "right (1)" for c in code]
    p = path["probability"].tolist()
    assert p[-1] == pytest.approx(np.prod(p[:-1]), rel=1e-3)
    # and back: the form shows what a config says
    at.radio(key="train.objective").set_value("ns").run()
    assert run_of(at).config.hs == 0 and run_of(at).config.negative > 0
