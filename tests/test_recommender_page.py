"""The recommender page, driven by AppTest: Step, Reset, the presenter view, an uploaded
table, and the two tables as vector sources of the exploring pages."""

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from explorer.lessons.recommender import ratings_upload
from tests import pagetest


def open_page(**state) -> AppTest:
    return pagetest.open_app("pages/recommender.py", **state)


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_step_trains_and_reset_goes_back():
    at = open_page()
    assert metric(at, "Step") == "0" and metric(at, "Test RMSE") == "–"
    items0 = at.session_state["rec.run"].state.params["items"].copy()
    at.button(key="rec.step").click().run()
    assert not at.exception
    assert metric(at, "Step") == str(at.session_state["rec.chunk"])
    assert float(metric(at, "Test RMSE")) > 0
    assert float(metric(at, "Item-mean baseline")) == pytest.approx(1.156, abs=1e-3)
    assert "Model: \"model\"" in at.code[0].value and "Total params: 4,509" in at.code[0].value
    at.button(key="rec.reset").click().run()
    assert metric(at, "Step") == "0"
    np.testing.assert_array_equal(at.session_state["rec.run"].state.params["items"], items0)


def test_enough_steps_beat_the_item_mean_baseline_and_show_predictions():
    at = open_page()
    at.number_input(key="rec.n").set_value(30).run()  # 30 chunks of 10: about two epochs
    at.button(key="rec.stepn").click().run()
    assert float(metric(at, "Test RMSE")) < float(metric(at, "Item-mean baseline"))
    predictions = at.dataframe[0].value
    assert len(predictions) == 8 and "loved" in set(predictions["taste"])
    assert any("Hidden taste" in m.value for m in at.markdown)


def test_presenter_view_shows_the_player_only():
    at = open_page(**{"app.presenter": True})
    assert {b.key for b in at.button} >= {"rec.play", "rec.pause", "rec.step", "rec.reset"}
    assert "rec.stepn" not in {b.key for b in at.button}
    assert len(at.expander) == 0 and len(at.dataframe) == 0 and len(at.code) == 0


def test_an_uploaded_table_trains_and_a_setting_restarts():
    rows = "".join(f"u{i % 7},i{i % 5},{1 + (i * 3) % 5}\n" for i in range(60))
    mine = ratings_upload("mine.csv", ("user,item,rating\n" + rows).encode())
    at = open_page(**{"rec.upload": ("mine.csv", mine), "rec.data": "upload"})
    assert at.session_state["rec.run"].model.data is mine
    at.button(key="rec.step").click().run()
    assert not at.exception and metric(at, "Step") != "0"
    at.slider(key="rec.output_dim").set_value(4).run()
    assert metric(at, "Step") == "0" and at.info  # restarted, and says so
    assert at.session_state["rec.run"].model.config.output_dim == 4


@pytest.mark.parametrize("page", ["pages/similarity.py", "pages/projections.py"])
def test_both_tables_are_vector_sources(page):
    at = open_page()
    at.button(key="rec.step").click().run()
    at.switch_page(page).run()
    assert not at.exception
    key = "sim.source" if "similarity" in page else "proj.source"
    picker = at.radio(key=key) if "similarity" in page else at.selectbox(key=key)
    assert any("the user table" in o for o in picker.options)
    assert any("the item table" in o for o in picker.options)
    picker.set_value("rec.items").run()
    assert not at.exception


def test_a_link_carries_the_recommenders_settings():
    from explorer.app.link import read_link

    values = read_link({"rec.output_dim": "4", "rec.use_bias": "false", "rec.epochs": "999",
                        "rec.learning_rate": "0.02", "rec.chunk": "5"})  # fmt: skip
    assert values == {"rec.output_dim": 4, "rec.use_bias": False, "rec.learning_rate": 0.02,
                      "rec.chunk": 5}  # 999 epochs: not offered, dropped  # fmt: skip


def test_opening_a_link_replays_to_its_step_with_its_settings():
    pagetest.use_language("en")
    at = pagetest.open_link({"rec.output_dim": "4", "step": "30"}, "pages/recommender.py")
    run = at.session_state["rec.run"]
    assert run.model.config.output_dim == 4 and run.step == 30


def test_the_shared_link_reads_the_settings_without_loading_the_model():
    from tests.test_architecture import heavy_modules_after

    heavy = {"explorer.lessons.recommender", "explorer.models.recommender", "sklearn"}
    assert heavy_modules_after("import explorer.app.link", heavy) == []


def test_switching_the_data_forgets_the_chosen_user():
    rows = "".join(f"u{i % 7},i{i % 5},{1 + (i * 3) % 5}\n" for i in range(60))
    at = open_page(**{"rec.upload": ("mine.csv", ratings_upload(
        "mine.csv", ("user,item,rating\n" + rows).encode()))})  # fmt: skip
    at.selectbox(key="rec.user").set_value("user005").run()
    at.radio(key="rec.data").set_value("upload").run()
    assert not at.exception and at.selectbox(key="rec.user").value == "u0"
    at.radio(key="rec.data").set_value("shop").run()
    assert not at.exception and at.selectbox(key="rec.user").value == "user001"
