"""The projection explorer page, control by control (Streamlit's AppTest)."""

import json
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from streamlit.testing.v1 import AppTest

from explorer.charts.maps import OTHER
from explorer.text.function_words import is_function_word
from explorer.text.samples import load_sample_text
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


# --- the first view: the corpus's example groups --------------------------------------------


def the_map(at: AppTest) -> dict:
    """The main map's figure, as the page sent it (the first Plotly chart)."""
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def labels(fig: dict) -> dict[str, list[str]]:
    """Each trace's labelled words, bold (an example) marked with a star."""
    out = {}
    for t in fig["data"]:
        shown = [x for x in t.get("texttemplate", []) if x]
        out[t["name"]] = [x[3:-4] + "*" if x.startswith("<b>") else x for x in shown]
    return out


def all_labels(fig: dict) -> set[str]:
    return {w.rstrip("*") for ws in labels(fig).values() for w in ws}


def test_the_map_opens_on_the_example_groups_labelled_and_coloured():
    at = open_page()
    fig = the_map(at)
    shown = labels(fig)
    assert list(shown) == ["other words", "animals", "people", "royalty", "countries", "capitals"]
    assert sorted(shown["animals"]) == ["cat*", "dog*", "kitten*", "puppy*"]  # bold: examples
    assert sorted(shown["royalty"]) == ["king*", "prince*", "princess*", "queen*"]
    assert {"man*", "woman*"} <= set(shown["people"])
    colours = [t["marker"]["color"] for t in fig["data"]]
    assert len(set(colours)) == len(colours) and colours[0] == OTHER  # the rest is grey
    # frequent words are labelled too, but never a function word (the, in, of, is, to...)
    assert shown["other words"] and not any(map(is_function_word, all_labels(fig)))
    animals = next(t for t in fig["data"] if t["name"] == "animals")
    assert animals["marker"]["size"] == [13] * 4  # drawn larger than the others (8)
    assert at.session_state["proj.colour"] == "my groups"


def test_a_users_choices_win_and_survive_a_visit_elsewhere():
    at = open_page()
    at.radio(key="proj.colour").set_value("none").run()
    fig = the_map(at)
    assert [t["name"] for t in fig["data"]] == ["words"]  # no colours...
    assert "cat*" in labels(fig)["words"]  # ...but the examples are still labelled
    at.text_input(key="proj.groups").input("pets: cat, puppy").run()
    at.radio(key="proj.colour").set_value("my groups").run()
    at.slider(key="proj.labels").set_value(0).run()
    shown = labels(the_map(at))
    assert shown == {"other words": [], "pets": ["cat*", "puppy*"]}  # only what was asked
    at.switch_page("pages/train.py").run()
    at.switch_page("pages/projections.py").run()
    assert not at.exception
    assert at.session_state["proj.groups"] == "pets: cat, puppy"
    assert labels(the_map(at))["pets"] == ["cat*", "puppy*"]
    # another corpus brings its own groups; the colouring chosen stays
    at.radio(key="proj.colour").set_value("none").run()
    at.sidebar.selectbox(key="app.sample").set_value("chinese").run()
    assert at.session_state["proj.groups"].startswith("animals: 猫, 小猫, 狗, 小狗")
    assert at.session_state["proj.colour"] == "none"


def test_examples_beyond_the_most_frequent_words_are_on_the_map_too():
    at = open_page()
    at.number_input(key="proj.n").set_value(20).run()
    fig = the_map(at)
    points = sum(len(t["x"]) for t in fig["data"])
    extra = next(c.value for c in at.caption if "Also on the map" in c.value)
    assert "puppy" in extra and "princess" in extra
    assert points == 20 + len(extra.split(":", 1)[1].split(","))  # the number still counts
    assert {"cat", "puppy", "princess", "paris"} <= all_labels(fig)


def test_the_map_speaks_chinese_with_the_chinese_corpus():
    at = pagetest.open_app("pages/projections.py", **{"app.lang": "zh"})
    shown = labels(the_map(at))
    assert sorted(shown["动物"]) == sorted(["猫*", "小猫*", "狗*", "小狗*"])
    assert "其他词" in shown and not any(map(is_function_word, all_labels(the_map(at))))


def test_a_link_gives_the_same_map():
    at = open_page()
    at.text_input(key="proj.groups").input("pets: cat, puppy; royals: king, queen").run()
    at.slider(key="proj.labels").set_value(3).run()
    at.multiselect(key="proj.find").set_value(["house"]).run()
    at.radio(key="proj.colour").set_value("k-means").run()
    at.slider(key="proj.k").set_value(5).run()
    link = next(c.value for c in at.code if "/projections?" in c.value)
    params = dict(parse_qsl(urlsplit(link).query))
    assert params["proj.groups"] == "pets: cat, puppy; royals: king, queen"
    assert params["proj.find"] == "house" and params["proj.k"] == "5"

    other = pagetest.open_link(params, "pages/projections.py")
    for key in ("proj.groups", "proj.labels", "proj.find", "proj.colour", "proj.k"):
        assert other.session_state[key] == at.session_state[key], key
    assert labels(the_map(other)) == labels(the_map(at))


def test_an_upload_without_example_groups_is_coloured_by_k_means():
    from tests.test_upload_pages import upload

    at = open_page()
    text = "\n".join(load_sample_text("english").splitlines()[:1500])
    upload(at, "upload.corpus_files", "mine.txt", text.encode())
    at.switch_page("pages/projections.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["proj.groups"] == "" and at.session_state["proj.colour"] == "k-means"
    fig = the_map(at)
    assert all(t["name"].startswith("cluster") for t in fig["data"])
    found = all_labels(fig)
    assert len(found) == 10 and not any(map(is_function_word, found))  # the top content words


def test_the_lessons_map_step_opens_this_map_and_reads_its_distances():
    import re

    import numpy as np

    at = pagetest.open_app("pages/lesson.py")
    at.button(key="lesson.goto.3").click().run()  # step 4: a map
    at.toggle(key="lesson.revealed.map").set_value(True).run()
    line = next(m.value for m in at.markdown if "Distances on the map" in m.value)
    revealed = {pair: float(d) for pair, d in re.findall(r"(\S+ & \S+) (\d+\.\d+)", line)}
    at.button(key="lesson.open_page").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["proj.colour"] == "my groups"
    assert {"cat*", "kitten*"} <= set(labels(the_map(at))["animals"])
    words, coords = at.session_state["proj.prev"]
    for pair, d in revealed.items():
        a, b = pair.split(" & ")
        drawn = np.linalg.norm(coords[words.index(a)] - coords[words.index(b)])
        assert round(float(drawn), 2) == d, pair  # the answer measures the map on the page
