"""The lesson pages reproduce their worked examples (Streamlit's AppTest)."""

import json
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from tests import pagetest

ROOT = Path(__file__).resolve().parent.parent


def open_page(page: str, **state) -> AppTest:
    return pagetest.open_app(page, **state)


def test_embedding_layer_page_numbers():
    at = open_page("pages/embedding_layer.py")
    metrics = {m.label: m.value for m in at.metric}
    # 我喜欢学习数学 -> 我 / 喜欢 / 学习 / 数学 with V = 5,000 and d = 128
    assert metrics["One-hot matrix"] == "4 × 5,000"
    assert metrics["W"] == "5,000 × 128"
    assert metrics["Result"] == "4 × 128"
    assert any("identical ✓" in m.value for m in at.markdown)
    # the article's example and the out-of-range id
    assert any("Id 5 is outside the vocabulary" in e.value for e in at.error)
    at.number_input(key="emb.probe").set_value(2).run()
    assert any("[10, 11, 12, 13, 14]" in s.value for s in at.success)


def test_embedding_layer_padding_rows_do_not_change():
    at = open_page("pages/embedding_layer.py")
    table = next(df.value for df in at.dataframe if "masked" in getattr(df.value, "columns", []))
    assert table["id"].tolist() == [0, 0, 1, 2, 3, 4]
    assert table["masked"].tolist() == [True, True, False, False, False, False]
    assert table["changed by one step"].tolist() == [False, False, True, True, True, True]


def test_embedding_layer_bad_ids_are_explained():
    at = open_page("pages/embedding_layer.py")
    at.text_input(key="emb.pad").input("0 1 99").run()
    assert not at.exception
    assert any("Id 99 is outside the vocabulary" in e.value for e in at.error)


def test_similarity_page_ranks_cat_kitten_dog_house():
    at = open_page("pages/similarity.py")
    ranking = next(m.value for m in at.markdown if "Closest to cat" in m.value)
    # the order the lesson promises on the English sample, with the default settings
    assert ranking.index("kitten") < ranking.index("dog") < ranking.index("house")


def test_similarity_page_solves_the_presets():
    at = open_page("pages/similarity.py")
    at.selectbox(key="sim.preset").set_value("king − man + woman").run()
    answers = next(df.value for df in at.dataframe if "answer" in df.value.columns)
    assert answers["answer"].iloc[0] == "queen"
    for preset in at.selectbox(key="sim.preset").options:
        at.selectbox(key="sim.preset").set_value(preset).run()
        assert not at.exception, preset


def test_similarity_page_names_unknown_words():
    at = open_page("pages/similarity.py")
    at.selectbox(key="sim.preset").set_value("(type your own)").run()
    at.text_input(key="sim.a.(type your own)").input("king").run()
    at.text_input(key="sim.b.(type your own)").input("xyzzy").run()
    at.text_input(key="sim.c.(type your own)").input("woman").run()
    assert any("xyzzy" in w.value for w in at.warning)


def test_similarity_page_in_chinese():
    at = open_page("pages/similarity.py", **{"app.sample": "chinese"})
    at.selectbox(key="sim.preset").set_value("国王 − 男人 + 女人").run()
    answers = next(df.value for df in at.dataframe if "answer" in df.value.columns)
    assert answers["answer"].iloc[0] == "王后"


def test_cbow_vs_skipgram_pairs_for_the_lesson_sentence():
    at = open_page("pages/cbow_vs_skipgram.py")
    tables = [df.value for df in at.dataframe]
    cbow1, sg1, cbow2, sg2 = tables[:4]
    assert len(cbow1) == 10 and len(sg1) == 18  # 10 words; window 1: 2 x 9 pairs
    assert len(cbow2) == 10 and len(sg2) == 34  # window 2: 2 x (9 + 8) pairs
    study = cbow1[cbow1["→ predicts"] == "study"]["context"].tolist()
    assert study == ["to, the"]
    assert cbow2[cbow2["→ predicts"] == "study"]["context"].tolist() == ["about, to, the, idea"]
    assert sg1[sg1["centre"] == "study"]["→ predicts"].tolist() == ["to", "the"]
    metrics = [m.label for m in at.metric]
    assert metrics.count("Training time") == 2


def test_negative_sampling_page():
    at = open_page("pages/negative_sampling.py")
    assert at.title[0].value.endswith("Speed-ups: negative sampling and hierarchical softmax")
    table = next(df.value for df in at.dataframe if "role" in df.value.columns)
    assert table["role"].tolist() == ["target"] + ["negative"] * 5
    at.slider(key="ns.k").set_value(8).run()
    table = next(df.value for df in at.dataframe if "role" in df.value.columns)
    assert (table["role"] == "negative").sum() == 8
    assert (table["loss"] >= 0).all()
    ms, outputs = [df.value for df in at.dataframe if "vocab_size" in df.value.index.names]
    assert list(ms.index) == [1_000, 5_000, 20_000, 50_000]
    methods = ["full softmax", "hierarchical softmax", "negative sampling, k=5"]
    assert sorted(ms.columns) == methods and (ms.to_numpy() > 0).all()
    # rows of W_out scored per example: V, k + 1, and the tree's mean path (about log2 V)
    assert outputs["full softmax"].tolist() == [1_000, 5_000, 20_000, 50_000]
    assert outputs["negative sampling, k=5"].tolist() == [6] * 4
    path = outputs["hierarchical softmax"]
    assert ((path > 1) & (path < np.log2(path.index) + 1)).all()


def _speed_up_tree():
    """The English demo corpus's Huffman tree (it depends on the counts only)."""
    from explorer.models.word2vec.huffman import HuffmanTree
    from explorer.text.samples import load_sample_text
    from explorer.text.tokenize import tokenize
    from explorer.text.vocab import Vocabulary

    vocab = Vocabulary.build(tokenize(load_sample_text("english")), min_count=2)
    return vocab, HuffmanTree.from_counts(vocab.counts)


def test_speed_ups_page_draws_the_huffman_tree_and_a_path():
    at = open_page("pages/negative_sampling.py")
    vocab, tree = _speed_up_tree()
    metrics = {m.label: m.value for m in at.metric}
    V = len(vocab)
    assert metrics["Words (leaves)"] == f"{V:,}"
    assert metrics["Inner nodes (rows of W_out)"] == f"{V - 1:,}"
    assert metrics["Questions per token, on average"] == f"{tree.mean_code_length():.2f}"
    assert metrics["log2 V"] == f"{np.log2(V):.2f}"
    # the picture: the 20 most frequent words as leaves, the chosen word's path in red
    word = at.session_state["hs.word"]
    target = vocab.key_to_index[word]
    charts = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    figure = next(c for c in charts if len(c.get("layer", [])) == 4)
    nodes, edges = figure["layer"][2]["data"]["values"], figure["layer"][0]["data"]["values"]
    leaves = {n["label"] for n in nodes if n["kind"] == "word"}
    assert set(vocab.index_to_key[:20]) | {word} <= leaves
    assert sum(e["on_path"] for e in edges) == tree.lengths[target]
    # the path: one turn per inner node, as the tree's code says; its product is p(word)
    path = next(df.value for df in at.dataframe if "turn" in df.value.columns)
    turns = ["left (0)" if c == 0 else "right (1)" for c in tree.code(target)]
    assert path["turn"].tolist()[:-1] == turns
    assert path["node"].tolist()[:-1] == [str(n) for n in tree.point(target)]
    p = path["probability"].tolist()
    assert p[-1] == pytest.approx(np.prod(p[:-1]), rel=1e-3)
    said = next(m.value for m in at.markdown if m.value.startswith(f"p({word} | context)"))
    assert f"**{p[-1]:.4f}**" in said and f"{tree.lengths[target]} dot products" in said
    # another word, a deeper path
    at.selectbox(key="hs.word").set_value("kitten").run()
    path = next(df.value for df in at.dataframe if "turn" in df.value.columns)
    assert len(path) == tree.lengths[vocab.key_to_index["kitten"]] + 1


def test_beyond_words_page():
    at = open_page("pages/beyond_words.py")
    assert any("are identical: **True**" in m.value for m in at.markdown)
    trouble = next(df.value for df in at.dataframe if "token" in df.value.columns)
    assert trouble["token"].tolist() == ["don't", "trouble", "trouble"]
    assert trouble["id"].iloc[1] == trouble["id"].iloc[2]
    scores = next(df.value for df in at.dataframe if df.value.shape[0] == 7)  # users x items
    assert scores.shape[1] > 50


def test_google_analogy_evaluation_on_the_page():
    at = open_page("pages/similarity.py")
    at.toggle(key="sim.google").set_value(True).run()
    assert not at.exception
    table = next(df.value for df in at.dataframe if "section" in df.value.columns)
    assert len(table) == 14
    assert table["asked"].sum() + table["skipped"].sum() == 19_544
