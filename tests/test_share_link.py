"""Shareable runs: state -> URL -> state reproduces the same run, step and matrix."""

from urllib.parse import parse_qsl, urlsplit

import numpy as np
from streamlit.testing.v1 import AppTest

from tests import pagetest


def test_a_link_round_trip_reproduces_the_run():
    at = pagetest.open_app("pages/train.py")
    at.slider(key="train.window").set_value(3).run()
    at.number_input(key="train.seed").set_value(7).run()
    at.text_input(key="train.track").input("cat, kitten, king, queen").run()
    at.number_input(key="train.n").set_value(3).run()
    at.button(key="train.stepn").click().run()
    run = at.session_state["train.run"]
    code = next(c.value for c in at.code if "step=" in c.value)
    url = urlsplit(code)
    params = dict(parse_qsl(url.query))
    assert url.path == "/train" and params["step"] == str(run.step)
    assert params["train.window"] == "3" and params["train.seed"] == "7"
    assert params["app.sample"] == "English demo corpus"

    other = pagetest.open_link(params, "pages/train.py")
    copy = other.session_state["train.run"]
    assert copy.config == run.config
    assert copy.step == run.step
    np.testing.assert_array_equal(copy.state.W, run.state.W)
    assert copy.track == ["cat", "kitten", "king", "queen"]


def test_the_corpus_comes_from_the_link():
    at = AppTest.from_file(str(pagetest.ROOT / "streamlit_app.py"), default_timeout=90)
    at.query_params["app.sample"] = "中文示例语料 (Chinese demo corpus)"  # as a link has it
    at.run()
    assert at.session_state["app.sample"] == "chinese"


def test_a_link_to_a_bad_step_is_ignored():
    at = pagetest.open_link({"step": "lots"}, "pages/train.py")
    assert at.session_state["train.run"].step == 0


def test_a_link_carries_the_hierarchical_softmax():
    at = pagetest.open_app("pages/train.py")
    at.radio(key="train.objective").set_value("hs").run()
    at.button(key="train.step").click().run()
    code = next(c.value for c in at.code if "step=" in c.value)
    params = dict(parse_qsl(urlsplit(code).query))
    assert params["train.objective"] == "hs"

    other = pagetest.open_link(params, "pages/train.py")
    copy, run = other.session_state["train.run"], at.session_state["train.run"]
    assert copy.config == run.config and copy.config.hs == 1
    np.testing.assert_array_equal(copy.state.W_out, run.state.W_out)
