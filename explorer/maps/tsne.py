"""t-SNE (van der Maaten & Hinton, 2008) in numpy, steppable so that a page can watch it unfold.

Usage:
    >>> proj = tsne(X, perplexity=30, seed=0)          # one call: a Projection
    >>> proj.coords.shape, proj.notes
    ((1000, 2), [])
    >>> state = tsne_init(X, perplexity=30)            # or live, a chunk at a time
    >>> while not state.done:
    ...     state = tsne_steps(state, 50)              # draw state.coords after each chunk
    >>> warm = tsne_init(X_changed, init=state.coords) # start from the previous map

How it works, with the paper's names:

1. **Affinities, once.** Each point's ``k = 3 * perplexity + 1`` nearest neighbours (exact,
   scikit-learn's ``NearestNeighbors``) get Gaussian weights ``p(j|i)``, whose width is
   searched per point so that their perplexity (``exp(entropy)``) is the one asked for;
   then ``P = (p(j|i) + p(i|j)) / 2N``, a sparse symmetric matrix that sums to 1.
2. **The map.** Points ``y`` start from PCA (scaled to a standard deviation of 1e-4, as
   scikit-learn and openTSNE do), at random (from the seed), or from a previous map.
   Their similarities are Student-t: ``q_ij = w_ij / Z``, ``w_ij = 1 / (1 + |y_i - y_j|^2)``,
   ``Z`` the sum of all ``w``.
3. **Gradient descent on KL(P || Q)**:
   ``dC/dy_i = 4 sum_j (p_ij - q_ij) w_ij (y_i - y_j)``, an attraction along the sparse
   ``P`` (the neighbours) and a repulsion from every point. Early exaggeration (``P`` x 12
   for the first 250 iterations) lets clusters form before they spread; momentum 0.5, then
   0.8; a gain per coordinate (+0.2 when the gradient changes sign, x0.8 when it does not,
   at least 0.01). The learning rate "auto" is ``N / (4 * exaggeration)``, at least 50:
   ``N / 48`` while exaggerating (as scikit-learn), then ``N / 4`` (as openTSNE, whose
   gradient leaves out the 4; Belkina et al., 2019). The larger second rate lets the map
   unfold in 250 iterations instead of 750: 250 + 250 iterations score the same
   trustworthiness as scikit-learn's 250 + 750 (see ``python -m bench.projection``). Two
   guards from openTSNE: no step is longer than 5, and the map is re-centred each time.

The repulsion sums every pair exactly, ``O(N^2)`` per iteration, in float32 blocks on two
threads: an iteration takes about 1 ms for 1,000 points, 5 ms for 3,000 and 40 ms for
10,000 (a whole run: 0.7 s, 2.6 s, 20 s). Approximations (Barnes-Hut, FIt-SNE's FFT
interpolation) pay off in compiled code; tried in numpy, an interpolation grid fine enough
to be accurate cost more than the exact sums at 3,000 points.

Everything is deterministic: the same inputs and seed give the same map, and the schedule
depends on the global iteration, so 100 + 100 steps give exactly the map of 200.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Literal

import numpy as np

from explorer.i18n import M_, Message
from explorer.maps.pca import Projection, pca_basis
from explorer.models.vectors import unit_rows

Init = Literal["pca", "random"] | np.ndarray


@dataclass(frozen=True)
class TSNEParams:
    """The settings of one run (names as scikit-learn's ``TSNE`` where it has them)."""

    perplexity: float = 30.0  # after clamping to what the number of points allows
    n_iter: int = 500  # in all, early exaggeration included
    early_exaggeration: float = 12.0
    early_exaggeration_iter: int = 250
    learning_rate: float | str = "auto"  # N / (4 * exaggeration), at least 50
    initial_momentum: float = 0.5  # during early exaggeration
    final_momentum: float = 0.8
    max_step: float = 5.0  # a point moves at most this far in one iteration
    n_components: int = 2
    metric: str = "euclidean"
    seed: int = 0


@dataclass(frozen=True)
class TSNEState:
    """Where an optimisation stands: the map, the optimiser's memory, the iteration.

    Treat it as immutable: ``tsne_steps`` returns a new state and leaves this one alone,
    so a page can keep earlier states for scrubbing back.
    """

    params: TSNEParams
    P: object  # scipy.sparse.csr_matrix (N, N), symmetric, sums to 1; shared between states
    coords: np.ndarray  # (N, n_components) float32
    update: np.ndarray  # the last step (momentum)
    gains: np.ndarray
    iteration: int = 0
    perplexity_asked: float | None = None  # before clamping: see ``notes``
    _edges: _Edges | None = field(default=None, repr=False, compare=False)

    @property
    def notes(self) -> tuple[str, ...]:
        """What was changed and why (a lowered perplexity), as messages (show them with ``str``)."""
        asked = self.perplexity_asked
        if asked is None or asked == self.params.perplexity:
            return ()
        return (_perplexity_note(asked, self.params.perplexity, len(self.coords)),)

    @property
    def done(self) -> bool:
        return self.iteration >= self.params.n_iter

    @property
    def exaggerating(self) -> bool:
        return self.iteration < self.params.early_exaggeration_iter

    def projection(self) -> Projection:
        """The map as it stands, as a ``Projection`` (what ``tsne`` returns at the end)."""
        prm = self.params
        params = {
            "perplexity": prm.perplexity,
            "n_iter": prm.n_iter,
            "iteration": self.iteration,
            "learning_rate": prm.learning_rate,
            "seed": prm.seed,
            "metric": prm.metric,
        }
        labels = [f"t-SNE {i + 1}" for i in range(prm.n_components)]
        return Projection(self.coords, "tsne", params, None, list(self.notes), labels)


# --- 1. affinities --------------------------------------------------------------------


def clamp_perplexity(perplexity: float, n_points: int) -> tuple[float, list[Message]]:
    """The perplexity ``n_points`` allows (at most ``(n - 1) / 3``), and a note if lowered.

    Each point needs ``3 * perplexity`` neighbours to weigh; with few points there are not
    that many.
    """
    if perplexity <= 0:
        raise ValueError(f"perplexity must be positive, got {perplexity}")
    allowed = max((n_points - 1) / 3, 1.0)
    if perplexity <= allowed:
        return float(perplexity), []
    new = float(np.floor(allowed)) if allowed >= 2 else allowed
    return new, [_perplexity_note(perplexity, new, n_points)]


def _perplexity_note(asked: float, new: float, n_points: int) -> Message:
    return M_("perplexity lowered from {asked:g} to {new:g}: only {n} points").format(
        asked=asked, new=new, n=n_points
    )


def affinities(X: np.ndarray, perplexity: float = 30.0, metric: str = "euclidean"):
    """The symmetric joint probabilities ``P`` (sparse CSR, float32) of t-SNE.

    ``metric="cosine"`` measures distances between unit-length vectors, whose squared
    euclidean distance is ``2 (1 - cos)``.
    """
    import scipy.sparse as sp
    from sklearn.neighbors import NearestNeighbors

    X = _as_points(X, metric)
    n = len(X)
    k = min(n - 1, int(3 * perplexity + 1))
    dist, ind = NearestNeighbors(n_neighbors=k, algorithm="brute").fit(X).kneighbors()
    cond = _conditional_probabilities(dist.astype(np.float64) ** 2, perplexity)
    P = sp.csr_matrix((cond.ravel(), ind.ravel(), np.arange(0, n * k + 1, k)), shape=(n, n))
    P = (P + P.T).tocsr()
    P.data /= P.data.sum()
    P.sort_indices()
    return P.astype(np.float32)


def _conditional_probabilities(d2: np.ndarray, perplexity: float) -> np.ndarray:
    """Rows ``p(j|i) ~ exp(-beta_i d2_ij)`` with entropy ``log(perplexity)``, for every i.

    Safeguarded Newton on each ``beta_i`` at once: the entropy falls as beta grows, so a
    bracket ``[lo, hi]`` is kept and a step that leaves it is replaced by bisection.
    """
    d2 = d2 - d2[:, :1]  # the nearest at 0: no underflow; the shift cancels in p(j|i)
    target = np.log(perplexity)
    n = len(d2)
    beta = 1.0 / np.maximum(d2.mean(axis=1), 1e-12)
    lo, hi = np.zeros(n), np.full(n, np.inf)
    for _i in range(100):
        p = np.exp(-d2 * beta[:, None])
        s = p.sum(axis=1)
        mean = (p * d2).sum(axis=1) / s
        entropy = np.log(s) + beta * mean
        err = entropy - target
        if np.abs(err).max() < 1e-5:
            break
        high = err > 0  # too flat: narrow the Gaussian (raise beta)
        lo = np.where(high, beta, lo)
        hi = np.where(high, hi, beta)
        var = (p * d2**2).sum(axis=1) / s - mean**2
        with np.errstate(divide="ignore", invalid="ignore"):
            newton = beta + err / (beta * var)  # dH/dbeta = -beta var
        bisect = np.where(np.isinf(hi), beta * 2, (lo + hi) / 2)
        ok = np.isfinite(newton) & (newton > lo) & (newton < hi)
        beta = np.where(ok, newton, bisect)
    return p / s[:, None]


def _as_points(X: np.ndarray, metric: str) -> np.ndarray:
    X = np.asarray(X, dtype=np.float32)
    if metric == "cosine":
        return unit_rows(X)
    if metric != "euclidean":
        raise ValueError(f"metric must be 'euclidean' or 'cosine', got {metric!r}")
    return X


# --- 2. the starting map ----------------------------------------------------------------


def initial_coords(X: np.ndarray, init: Init = "pca", n_components: int = 2, seed: int = 0):
    """PCA or random starting coordinates, scaled to a standard deviation of 1e-4.

    A small start matters: t-SNE's gradients assume points begin close together.
    """
    n = len(X)
    if isinstance(init, str) and init == "pca":
        Y = pca_basis(X, n_components).transform(X)
        std = Y[:, 0].std()
        if std > 0:
            return (Y / std * 1e-4).astype(np.float32)
        init = "random"  # every point the same: PCA has nothing to show
    if isinstance(init, str) and init == "random":
        rng = np.random.default_rng(seed)
        return (1e-4 * rng.standard_normal((n, n_components))).astype(np.float32)
    raise ValueError(f"init must be 'pca', 'random' or an array, got {init!r}")


# --- 3. gradient descent -------------------------------------------------------------------


def tsne_init(
    X: np.ndarray,
    perplexity: float = 30.0,
    n_iter: int = 500,
    learning_rate: float | Literal["auto"] = "auto",
    seed: int = 0,
    init: Init = "pca",
    n_components: int = 2,
    early_exaggeration: float = 12.0,
    early_exaggeration_iter: int | None = None,
    metric: str = "euclidean",
) -> TSNEState:
    """Affinities and a starting map: a state ready for ``tsne_steps``.

    ``init`` may be a previous map, ``(N, n_components)``: the new run starts there (a warm
    start for vectors that changed a little). A previous map is already unfolded, so early
    exaggeration then defaults to 0 iterations (it would crush it); otherwise to 250.
    """
    X = np.asarray(X, dtype=np.float32)
    if X.ndim != 2 or len(X) < 2:
        raise ValueError(f"t-SNE needs at least 2 points as an (N, d) array, got {X.shape}")
    if n_components not in (2, 3):
        raise ValueError(f"n_components must be 2 or 3, got {n_components}")
    n = len(X)
    asked = float(perplexity)
    perplexity, _notes = clamp_perplexity(perplexity, n)
    warm = not isinstance(init, str)
    if warm:
        Y = np.array(init, dtype=np.float32)
        if Y.shape != (n, n_components):
            raise ValueError(f"init has shape {Y.shape}, expected {(n, n_components)}")
        Y -= Y.mean(axis=0)
    else:
        Y = initial_coords(X, init, n_components, seed)
    if early_exaggeration_iter is None:
        early_exaggeration_iter = 0 if warm else 250
    params = TSNEParams(
        perplexity=perplexity,
        n_iter=int(n_iter),
        early_exaggeration=float(early_exaggeration),
        early_exaggeration_iter=int(early_exaggeration_iter),
        learning_rate=learning_rate if learning_rate == "auto" else float(learning_rate),
        n_components=n_components,
        metric=metric,
        seed=seed,
    )
    P = affinities(X, perplexity, metric)
    return TSNEState(
        params=params,
        P=P,
        coords=Y,
        update=np.zeros_like(Y),
        gains=np.ones_like(Y),
        perplexity_asked=asked,
        _edges=_Edges.from_matrix(P),
    )


def tsne_steps(state: TSNEState, n_iter: int) -> TSNEState:
    """``n_iter`` more iterations (fewer if the run ends first); ``state`` is left as it was."""
    prm = state.params
    Y, update, gains = state.coords.copy(), state.update.copy(), state.gains.copy()
    it = state.iteration
    stop = min(prm.n_iter, it + max(int(n_iter), 0))
    # The products here are skinny (k = 4): one BLAS thread does them in microseconds, while
    # threads that must wait for each other on a busy machine take a thousand times longer.
    with _blas_controller().limit(limits=1, user_api="blas"):
        Y, update, gains, it = _descend(state, Y, update, gains, it, stop)
    return replace(state, coords=Y, update=update, gains=gains, iteration=it)


_CONTROLLER: list = []


def _blas_controller():
    """A threadpoolctl controller, made once (making one scans the loaded libraries)."""
    if not _CONTROLLER:
        from threadpoolctl import ThreadpoolController

        _CONTROLLER.append(ThreadpoolController())
    return _CONTROLLER[0]


def _descend(state: TSNEState, Y, update, gains, it: int, stop: int):
    prm = state.params
    while it < stop:
        early = it < prm.early_exaggeration_iter
        grad = gradient(state, Y, prm.early_exaggeration if early else 1.0)
        momentum = prm.initial_momentum if early else prm.final_momentum
        flipped = np.sign(grad) != np.sign(update)
        gains = np.where(flipped, gains + 0.2, gains * 0.8)
        np.maximum(gains, 0.01, out=gains)
        update *= momentum
        update -= _learning_rate(prm, len(Y), early) * gains * grad
        lengths = np.sqrt((update * update).sum(axis=1))
        too_long = lengths > prm.max_step
        if too_long.any():
            update[too_long] *= (prm.max_step / lengths[too_long])[:, None]
        Y += update
        Y -= Y.mean(axis=0)
        it += 1
    return Y, update, gains, it


def _learning_rate(prm: TSNEParams, n: int, early: bool) -> float:
    if prm.learning_rate != "auto":
        return float(prm.learning_rate)
    return max(n / (4 * (prm.early_exaggeration if early else 1.0)), 50.0)


def gradient(state: TSNEState, Y: np.ndarray, exaggeration: float = 1.0) -> np.ndarray:
    """``dKL/dy`` at ``Y`` (float32), with ``P`` multiplied by ``exaggeration``."""
    repulsion, Z = _repulsion(Y)
    return 4 * (exaggeration * _attraction(state._edges, Y) - repulsion / Z)


def kl_divergence(state: TSNEState) -> float:
    """KL(P || Q) of the current map: the loss t-SNE lowers (in nats)."""
    edges = state._edges
    Y = state.coords.astype(np.float64)
    d2 = ((Y[edges.i] - Y[edges.j]) ** 2).sum(axis=1)
    Z = _repulsion(state.coords)[1]
    p = edges.p.astype(np.float64)  # each pair once: p_ij = p_ji, q_ij = q_ji
    q = 1 / (1 + d2) / Z
    keep = p > 0
    return 2 * float((p[keep] * np.log(p[keep] / q[keep])).sum())


@dataclass(frozen=True)
class _Edges:
    """The pairs ``i < j`` with ``p_ij > 0``, sorted by i, and how to sum them by i and by j."""

    i: np.ndarray
    j: np.ndarray
    p: np.ndarray  # float32
    i_rows: np.ndarray  # the distinct i, and where their runs start
    i_starts: np.ndarray
    by_j: np.ndarray  # the order that sorts the pairs by j
    j_rows: np.ndarray
    j_starts: np.ndarray

    @classmethod
    def from_matrix(cls, P) -> _Edges:
        import scipy.sparse as sp

        upper = sp.triu(P, k=1, format="coo")
        i, j = upper.row.astype(np.intp), upper.col.astype(np.intp)
        order = np.lexsort((j, i))
        i, j, p = i[order], j[order], upper.data[order].astype(np.float32)
        by_j = np.argsort(j, kind="stable")
        i_rows, i_starts = np.unique(i, return_index=True)
        j_rows, j_starts = np.unique(j[by_j], return_index=True)
        return cls(i, j, p, i_rows, i_starts, by_j, j_rows, j_starts)


def _attraction(edges: _Edges, Y: np.ndarray) -> np.ndarray:
    """``sum_j p_ij w_ij (y_i - y_j)``: each pair computed once, added to i, taken from j."""
    n, d = Y.shape
    if d == 2:  # as complex numbers, gathering a 2D point is one fast 1D gather
        Y = np.ascontiguousarray(Y, dtype=np.float32)
        z = Y.view(np.complex64)[:, 0]
        dz = z[edges.i] - z[edges.j]
        w = dz.real * dz.real
        w += dz.imag * dz.imag
    else:
        dz = Y[edges.i] - Y[edges.j]
        w = (dz * dz).sum(axis=1)
    w += 1
    np.reciprocal(w, out=w)
    w *= edges.p
    f = (w * dz) if d == 2 else dz * w[:, None]
    out = np.zeros((n,) if d == 2 else (n, d), dtype=f.dtype)
    # reduceat over runs of equal i (or j): every run is non-empty, so each sum is right
    out[edges.i_rows] += np.add.reduceat(f, edges.i_starts)
    out[edges.j_rows] -= np.add.reduceat(f[edges.by_j], edges.j_starts)
    return out.view(np.float32).reshape(n, 2) if d == 2 else out


def _repulsion(Y: np.ndarray, block: int = 256) -> tuple[np.ndarray, float]:
    """``(sum_j w_ij^2 (y_i - y_j), Z)``, ``Z = sum_{i != j} w_ij``, over every pair.

    In blocks of rows, on the upper triangle only (``w`` is symmetric): a block's
    ``1 + |y_i - y_j|^2`` comes from one skinny matrix product,
    ``[y_i, 1, |y_i|^2 + 1] . [-2 y_j, |y_j|^2, 1]``, and each pair feeds both its points.
    Per point, ``S = sum_j w_ij^2 [1, y_j, |y_j|^2]``. ``Z`` follows from the same sums, since
    ``w = w^2 (1 + |y_i|^2 - 2 y_i.y_j + |y_j|^2)`` (as FIt-SNE; float32 sums give it to
    about 1e-4, a uniform scaling of the repulsion). Blocks run on ``THREADS`` threads
    (numpy lets go of the GIL); their results are added up in block order, so the answer
    does not depend on the number of threads.
    """
    n, d = Y.shape
    Y = np.asarray(Y, dtype=np.float32)
    sq = (Y * Y).sum(axis=1)
    ones = np.ones((n, 1), np.float32)
    left = np.hstack([Y, ones, (sq + 1)[:, None]])
    right = np.hstack([-2 * Y, sq[:, None], ones])
    charges = np.hstack([ones, Y, sq[:, None]])

    def one_block(start: int):
        stop = min(start + block, n)
        W = left[start:stop] @ right[start:].T  # 1 + d^2: rows start:stop, columns start:
        np.reciprocal(W, out=W)
        W *= W  # w^2
        return W @ charges[start:], W[:, stop - start :].T @ charges[start:stop]

    starts = range(0, n, block)
    pool = _pool() if n >= 1000 else None
    results = pool.map(one_block, starts) if pool else map(one_block, starts)
    sums = np.zeros((n, d + 2))
    for start, (rows, columns) in zip(starts, results, strict=True):
        stop = min(start + block, n)
        sums[start:stop] += rows
        sums[stop:] += columns
    Z = (1 + sq) * sums[:, 0] - 2 * (Y * sums[:, 1 : d + 1]).sum(axis=1) + sums[:, d + 1]
    Z = float(Z.sum()) - n  # the n self-pairs have w = 1
    force = Y * sums[:, :1] - sums[:, 1 : d + 1]
    return force.astype(np.float32), max(Z, 1e-12)


#: Threads for the repulsion (at most 2: the machines this runs on have few cores).
THREADS = min(2, os.cpu_count() or 1)
_POOL: list = []


def _pool():
    if THREADS < 2:
        return None
    if not _POOL:
        from concurrent.futures import ThreadPoolExecutor

        _POOL.append(ThreadPoolExecutor(THREADS, thread_name_prefix="tsne"))
    return _POOL[0]


# --- one call -----------------------------------------------------------------------------


def tsne(
    X: np.ndarray,
    perplexity: float = 30.0,
    n_iter: int = 500,
    learning_rate: float | Literal["auto"] = "auto",
    seed: int = 0,
    init: Init = "pca",
    n_components: int = 2,
    early_exaggeration_iter: int | None = None,
    metric: str = "euclidean",
) -> Projection:
    """A whole t-SNE run, ``tsne_init`` then ``n_iter`` iterations, as a ``Projection``.

    Its ``params`` hold the values used (the perplexity after clamping); its ``notes`` say
    what was changed and why.
    """
    X = np.asarray(X, dtype=np.float32)
    if len(X) < 2:
        coords = np.zeros((len(X), n_components), dtype=np.float32)
        return Projection(coords, "tsne", {}, notes=["t-SNE needs at least 2 points"])
    state = tsne_init(
        X, perplexity, n_iter, learning_rate, seed, init, n_components,
        early_exaggeration_iter=early_exaggeration_iter, metric=metric,
    )  # fmt: skip
    return tsne_steps(state, n_iter).projection()
