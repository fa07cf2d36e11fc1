"""CSV export: a header, proper quoting, and a round trip through the csv module."""

import csv
import io

import numpy as np
import pytest

from explorer.io.export import to_csv
from explorer.maps.clusters import word_groups

AWKWARD = ["king", "a,b", 'say "hi"', "line\nbreak", "naïve", " spaced ", "=1+1"]


def _read(text):
    return list(csv.reader(io.StringIO(text, newline="")))


def test_round_trip_keeps_words_and_float32_coordinates_exactly():
    rng = np.random.default_rng(0)
    coords = (rng.standard_normal((len(AWKWARD), 2)) * 100).astype(np.float32)
    rows = _read(to_csv(AWKWARD, coords, clusters=list(range(len(AWKWARD)))))
    assert rows[0] == ["word", "x", "y", "cluster"]
    assert [r[0] for r in rows[1:]] == AWKWARD
    back = np.array([[float(v) for v in r[1:3]] for r in rows[1:]], dtype=np.float32)
    assert np.array_equal(back, coords)
    assert [r[3] for r in rows[1:]] == [str(i) for i in range(len(AWKWARD))]


def test_3d_maps_get_a_z_column_and_no_clusters_an_empty_one():
    coords = np.arange(9, dtype=np.float64).reshape(3, 3) / 7
    rows = _read(to_csv(["a", "b", "c"], coords))
    assert rows[0] == ["word", "x", "y", "z", "cluster"]
    assert rows[2] == ["b", repr(3 / 7), repr(4 / 7), repr(5 / 7), ""]


def test_clusters_object_gives_group_names():
    words = ["cat", "dog", "king"]
    groups = word_groups(words, "animals: cat, dog")
    rows = _read(to_csv(words, np.zeros((3, 2)), clusters=groups))
    assert [r[-1] for r in rows[1:]] == ["animals", "animals", ""]


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError, match="2 words but 3"):
        to_csv(["a", "b"], np.zeros((3, 2)))
    with pytest.raises(ValueError, match="cluster values"):
        to_csv(["a", "b"], np.zeros((2, 2)), clusters=[1])
    with pytest.raises(ValueError, match=r"\(n, 2\) or \(n, 3\)"):
        to_csv(["a"], np.zeros((1, 4)))
