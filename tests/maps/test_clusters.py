"""k-means labels and groups of words typed by a learner."""

import numpy as np
import pytest

from explorer.maps.clusters import format_groups, kmeans, parse_groups, word_groups


def _blobs(sizes=(40, 25, 10), seed=0):
    rng = np.random.default_rng(seed)
    centres = np.array([[0, 0, 0], [10, 0, 0], [0, 10, 0]], dtype=float)
    X = np.concatenate(
        [c + rng.standard_normal((n, 3)) for c, n in zip(centres, sizes, strict=True)]
    )
    return X, np.repeat(np.arange(len(sizes)), sizes)


def test_kmeans_finds_separated_blobs_numbered_from_the_largest():
    X, truth = _blobs()
    found = kmeans(X, n_clusters=3, seed=0)
    assert np.array_equal(found.labels, truth)  # the largest blob is cluster 0, and so on
    assert [str(n) for n in found.names] == ["cluster 1", "cluster 2", "cluster 3"]
    assert found.notes == [] and found.unknown == []


def test_kmeans_is_deterministic_for_a_seed():
    X = np.random.default_rng(3).standard_normal((200, 5))
    a, b = kmeans(X, 6, seed=7), kmeans(X, 6, seed=7)
    assert np.array_equal(a.labels, b.labels)


def test_kmeans_by_cosine_ignores_lengths():
    X, truth = _blobs()
    X = X + np.array([0, 0, 30.0])  # move away from the origin so directions differ
    scaled = X * np.random.default_rng(1).uniform(0.5, 5, (len(X), 1))
    assert np.array_equal(kmeans(scaled, 3, metric="cosine").labels, truth)


def test_kmeans_with_more_clusters_than_points_says_so():
    X = np.array([[0.0, 0], [1, 1], [1, 1]])
    found = kmeans(X, n_clusters=5)
    assert [str(n) for n in found.notes] == ["5 clusters asked, but only 2 distinct points"]
    assert len(set(found.labels)) == 2
    with pytest.raises(ValueError, match="n_clusters"):
        kmeans(X, 0)


def test_parse_groups_reads_names_commas_spaces_semicolons_and_lines():
    text = "animals: cat, dog; royalty: king,queen\nfruit: apple pear ;; tea, coffee"
    assert {str(name): words for name, words in parse_groups(text).items()} == {
        "animals": ["cat", "dog"],
        "royalty": ["king", "queen"],
        "fruit": ["apple", "pear"],
        "group 4": ["tea", "coffee"],
    }
    assert parse_groups("") == {}
    assert parse_groups("a: x; a: y") == {"a": ["x", "y"]}


def test_word_groups_label_the_points_and_report_unknown_words():
    words = ["king", "queen", "cat", "dog", "the"]
    found = word_groups(words, "animals: cat, dog, unicorn; royalty: king, queen, cat")
    assert found.labels.tolist() == [1, 1, 0, 0, -1]
    assert found.names == ["animals", "royalty"]
    assert found.unknown == ["unicorn"]
    notes = [str(n) for n in found.notes]
    assert notes == ["“cat” is in “animals” and “royalty”: kept in the first"]
    assert found.label_names() == ["royalty", "royalty", "animals", "animals", ""]
    same = word_groups(words, {"animals": ["cat", "dog", "unicorn"], "royalty": ["king", "queen"]})
    assert same.labels.tolist() == [1, 1, 0, 0, -1]


def test_groups_written_out_read_back_the_same():
    groups = {"animals": ["cat", "kitten"], "royalty": ["king", "queen"]}
    text = format_groups(groups)
    assert text == "animals: cat, kitten; royalty: king, queen"
    assert parse_groups(text) == groups


def test_a_corpus_groups_are_written_in_the_interface_language():
    from explorer.text.samples import get_sample

    sample = get_sample("chinese")
    zh, en = format_groups(sample.groups, "zh"), format_groups(sample.groups, "en")
    assert zh.startswith("动物: 猫, 小猫, 狗, 小狗; 王室: 国王")
    assert en.startswith("animals: 猫, 小猫, 狗, 小狗; royalty: 国王")
    assert list(parse_groups(zh).values()) == [list(w) for _n, w in sample.groups]
