"""Steady maps: fixed PCA axes and Procrustes alignment."""

import numpy as np

from explorer.maps.align import procrustes_align
from explorer.maps.pca import PCABasis, pca_coords


def test_pca_basis_matches_scikit_learn():
    from sklearn.decomposition import PCA

    X = np.random.default_rng(0).normal(size=(40, 6)) * [5, 3, 1, 1, 1, 1]
    ours = PCABasis.fit(X)
    ref = PCA(n_components=2).fit(X)
    np.testing.assert_allclose(np.abs(ours.transform(X)), np.abs(ref.transform(X)), atol=1e-9)
    np.testing.assert_allclose(ours.explained_variance_ratio, ref.explained_variance_ratio_)


def test_basis_is_reused_for_later_frames():
    X = np.random.default_rng(1).normal(size=(10, 4))
    basis = PCABasis.fit(X)
    np.testing.assert_allclose(
        basis.transform(X + 1.0),
        basis.transform(X)
        + basis.transform(basis.mean + 1.0)[None, :]
        - basis.transform(basis.mean)[None, :],
    )


def test_procrustes_undoes_a_rotation_and_reflection():
    rng = np.random.default_rng(2)
    prev = rng.normal(size=(12, 2))
    theta = 1.1
    rot = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    flipped = (prev @ rot) * [1, -1] * 3.0 + 5.0
    np.testing.assert_allclose(procrustes_align(flipped, prev), prev, atol=1e-9)


def test_few_points_and_degenerate_cases():
    assert PCABasis.fit(np.ones((1, 3))).transform(np.ones((1, 3))).shape == (1, 2)
    assert pca_coords(np.zeros((3, 1))).shape == (3, 2)
    single = np.array([[1.0, 2.0]])
    np.testing.assert_array_equal(procrustes_align(single, single * 2), single)
