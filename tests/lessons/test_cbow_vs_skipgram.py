"""The CBOW vs skip-gram lesson: two settings that differ only in ``sg``, and what it compares."""

import dataclasses

import numpy as np

from explorer.lessons.cbow_vs_skipgram import (
    both_configs,
    neighbours_table,
    tracked_groups,
    tracked_map,
    tracked_words,
)
from explorer.models.vectors import Vectors
from explorer.text.samples import SAMPLES_BY_KEY

WV = Vectors(["cat", "kitten", "dog", "the"], np.array([[1, 0], [0.9, 0.1], [0, 1], [-1, 0.2]]))


def test_the_two_configs_differ_only_in_sg():
    configs = both_configs()
    assert list(configs) == ["CBOW", "Skip-gram"]
    assert (configs["CBOW"].sg, configs["Skip-gram"].sg) == (0, 1)
    assert dataclasses.replace(configs["Skip-gram"], sg=0) == configs["CBOW"]


def test_the_tracked_words_that_have_vectors_and_their_groups():
    sample = SAMPLES_BY_KEY["english"]
    words = tracked_words(sample, WV)
    assert words == ["cat", "kitten", "dog"]
    groups = tracked_groups(sample, words)
    assert groups is None or set(groups) <= set(words)
    assert tracked_groups(sample, ["the"]) is None


def test_the_map_and_the_neighbours():
    xy = tracked_map(WV, ["cat", "kitten", "dog"])
    assert xy.shape == (3, 2)
    near = neighbours_table(WV, "cat", topn=2)
    assert list(near.columns) == ["word", "cosine"]
    assert near["word"].tolist() == ["kitten", "dog"]
    assert near["cosine"].iloc[0] == round(0.9 / np.hypot(0.9, 0.1), 3)
