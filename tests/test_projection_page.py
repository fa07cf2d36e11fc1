"""The projection explorer page, control by control (Streamlit's AppTest)."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests import pagetest

ROOT = Path(__file__).resolve().parent.parent


def open_page(**state) -> AppTest:
    return pagetest.open_app("pages/projections.py", **state)


def metric(at: AppTest, label: str) -> float:
    return float(next(m.value for m in at.metric if m.label == label).strip("%"))


def test_pca_shows_explained_variance_and_a_distortion_score():
    at = open_page()
    assert any("Share of the variance" in c.value for c in at.caption)
    assert 0 < metric(at, "Trustworthiness") <= 1


def test_tsne_with_a_clamped_perplexity_note():
    at = open_page()
    at.number_input(key="proj.n").set_value(20).run()
    at.radio(key="proj.method").set_value("t-SNE").run()
    assert not at.exception
    assert any("perplexity lowered" in i.value for i in at.info)
    assert metric(at, "Trustworthiness") > 0.5


def test_find_a_word_lists_its_neighbours_in_the_original_space():
    at = open_page()
    at.multiselect(key="proj.find").set_value(["cat"]).run()
    near = next(df.value for df in at.dataframe if "word" in df.value.columns)
    assert "kitten" in near["word"].tolist()[:3]
    at.radio(key="proj.metric").set_value("euclidean").run()
    at.toggle(key="proj.isolate").set_value(True).run()
    assert not at.exception


def test_word_axes_and_3d_and_colours():
    at = open_page()
    at.radio(key="proj.method").set_value("Word axes").run()
    assert not at.exception
    at.text_input(key="proj.x").input("woman - xyzzy").run()
    assert any("xyzzy" in w.value for w in at.warning)
    at.text_input(key="proj.x").input("woman - man").run()
    at.radio(key="proj.dims").set_value(3).run()
    at.text_input(key="proj.z").input("kitten - cat").run()
    assert not at.exception
    at.radio(key="proj.method").set_value("PCA").run()
    at.radio(key="proj.colour").set_value("k-means").run()
    at.radio(key="proj.colour").set_value("my groups").run()
    assert not at.exception


def test_side_by_side_and_a_warm_start():
    at = open_page()
    at.number_input(key="proj.n").set_value(100).run()
    at.toggle(key="proj.both").set_value(True).run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == 3
    at.radio(key="proj.method").set_value("t-SNE").run()
    at.toggle(key="proj.warm").set_value(True).run()  # starts from the t-SNE map just drawn
    assert not at.exception


def test_live_tsne_can_be_stopped_and_keeps_its_map():
    at = open_page()
    at.number_input(key="proj.n").set_value(60).run()
    at.radio(key="proj.method").set_value("t-SNE").run()
    at.toggle(key="proj.live").set_value(True).run()
    assert not at.exception
    assert at.session_state["proj.live_state"].iteration < 500  # drawn as it goes
    at.button(key="proj.stop").click().run()
    assert not at.exception
    assert any(m.label == "Trustworthiness" for m in at.metric)  # the stopped map is scored
