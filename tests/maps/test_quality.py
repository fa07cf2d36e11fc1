"""Neighbours in the original space, trustworthiness (as scikit-learn's), kNN preservation."""

import numpy as np
import pytest

from explorer.maps.quality import knn_preservation, map_quality, neighbours, trustworthiness


@pytest.mark.parametrize("metric", ["euclidean", "cosine"])
@pytest.mark.parametrize("k", [1, 5, 12])
def test_trustworthiness_equals_scikit_learns(metric, k):
    from sklearn.manifold import trustworthiness as sklearn_trustworthiness

    rng = np.random.default_rng(k)
    X = rng.standard_normal((300, 20))
    Y = X[:, :2] + 0.5 * rng.standard_normal((300, 2))  # a lossy map
    ours = trustworthiness(X, Y, k=k, metric=metric)
    assert ours == pytest.approx(sklearn_trustworthiness(X, Y, n_neighbors=k, metric=metric))
    assert 0.5 < ours < 1


def test_a_map_that_keeps_every_distance_scores_one():
    X = np.random.default_rng(0).standard_normal((100, 3))
    rotated = X @ np.linalg.qr(np.random.default_rng(1).standard_normal((3, 3)))[0]
    assert trustworthiness(X, rotated, k=10) == pytest.approx(1.0)
    assert knn_preservation(X, rotated, k=10) == 1.0


def test_knn_preservation_on_a_line_with_a_known_answer():
    # Points on a line at 0, 1, 3, 7: each one's nearest is 1, 0, 1, 3 (by index: 1, 0, 1, 2).
    # The map moves them to 0, 3, 4, 9: nearest 1, 2, 1, 2. Point 1 lost its neighbour: 3 / 4.
    X = np.array([[0.0], [1.0], [3.0], [7.0]])
    Y = np.array([[0.0], [3.0], [4.0], [9.0]])
    assert knn_preservation(X, Y, k=1) == 0.75
    # Trustworthiness: point 1's map neighbour (index 2) is its 2nd nearest originally:
    # penalty 2 - 1 = 1, scaled by 2 / (n k (2n - 3k - 1)) = 2 / 16.
    assert trustworthiness(X, Y, k=1) == pytest.approx(1 - 1 / 8)


def test_map_quality_gives_both_and_lowers_k_for_small_maps():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((200, 10))
    Y = X[:, :2]
    q = map_quality(X, Y, k=10)
    assert q.k == 10 and q.notes == ()
    assert q.trustworthiness == pytest.approx(trustworthiness(X, Y, 10))
    assert q.knn_preservation == knn_preservation(X, Y, 10)
    small = map_quality(X[:9], Y[:9], k=10)
    assert small.k == 4 and small.notes == ("k lowered from 10 to 4: only 9 points",)
    assert np.isnan(map_quality(X[:2], Y[:2]).trustworthiness)
    with pytest.raises(ValueError, match="below n / 2"):
        trustworthiness(X[:9], Y[:9], k=5)


def test_neighbours_in_the_original_space_by_cosine_or_distance():
    X = np.array([[1, 0], [2, 0.1], [0, 1], [-1, 0], [10, 1], [0, 0]], dtype=np.float32)
    by_cosine = neighbours(X, 0, k=3, metric="cosine")
    assert [j for j, _ in by_cosine] == [1, 4, 2]  # direction counts, not length
    assert by_cosine[0][1] == pytest.approx(2 / np.sqrt(4.01))
    by_distance = neighbours(X, 0, k=3, metric="euclidean")
    assert [j for j, _ in by_distance] == [5, 1, 2]
    assert by_distance[0][1] == pytest.approx(1.0)
    ties = neighbours(X, 5, k=3, metric="euclidean")  # rows 0, 2, 3 are all at distance 1
    assert [j for j, _ in ties] == [0, 2, 3]
    assert len(neighbours(X, 0, k=50)) == 5  # never the word itself
    with pytest.raises(ValueError, match="metric"):
        neighbours(X, 0, metric="manhattan")


def test_a_chosen_words_neighbourhood_lists_its_nearest_and_the_rows_to_draw():
    from explorer.maps.quality import neighbourhood

    X = np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.8, 0.3]])
    words = ["cat", "kitten", "house", "dog"]
    near, rows = neighbourhood(X, words, "cat", k=2)
    assert [w for w, _s in near] == ["kitten", "dog"]
    assert rows.tolist() == [0, 1, 3]
    assert neighbourhood(X, words, None)[0] == []
