"""The speed-ups: where negative sampling's negatives come from, what one training step costs.

Usage:
    >>> counts = np.array([1000, 100, 10, 1])
    >>> raw_distribution(counts).round(3)          # how often each word occurs
    array([0.9  , 0.09 , 0.009, 0.001])
    >>> noise_distribution(counts).round(3)        # counts ** 0.75: rare words get more
    array([0.823, 0.146, 0.026, 0.005])
    >>> draw_negatives(counts, k=5, seed=0)        # word ids, drawn by the trainer's sampler
    >>> measure_step_cost()                        # a pandas DataFrame, in 2-4 s
    >>> method_label("negative sampling, k=5")     # its method, in the interface's language

:func:`measure_step_cost` times the trainer's own batch update
(``train_batch`` of :mod:`explorer.models.word2vec.trainer`, the code behind every step of
the live page) on
synthetic data: Zipf-like counts, random ``W`` and ``W_out``, CBOW contexts and targets
drawn by frequency. With the full softmax every step scores all ``V`` words for each of the
``B`` examples (``B * V * d`` multiply-adds just for the scores, as much again for each
gradient); with ``k`` negatives it scores ``k + 1`` words (``B * (k + 1) * d``); with the
hierarchical softmax the nodes on the target's path in the Huffman tree, about ``log2 V``
(``B * L * d``, ``L`` the mean path length weighted by frequency). The last two do not grow
with the vocabulary (the tree's paths barely: one more node each time ``V`` doubles).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from explorer.i18n import N_, _
from explorer.models.word2vec.config import Word2VecConfig
from explorer.models.word2vec.huffman import HuffmanTree
from explorer.models.word2vec.plan import NS_EXPONENT, UnigramSampler, build_epoch_plan
from explorer.models.word2vec.trainer import train_batch

if TYPE_CHECKING:  # pandas is imported where it is used: importing this module stays light
    import pandas as pd

DEFAULT_VOCAB_SIZES = (1_000, 5_000, 20_000, 50_000)
#: :func:`measure_step_cost`'s method names (English: it is cached across sessions).
FULL_SOFTMAX = N_("full softmax")
NEGATIVE_SAMPLING = N_("negative sampling, k={k}")
HIERARCHICAL_SOFTMAX = N_("hierarchical softmax")


def _counts(counts: Sequence[float] | np.ndarray) -> np.ndarray:
    counts = np.asarray(counts, dtype=np.float64)
    if counts.ndim != 1 or len(counts) == 0 or np.any(counts < 0) or counts.sum() <= 0:
        raise ValueError("counts must be a non-empty 1-D array of non-negative numbers, not all 0")
    return counts


def raw_distribution(counts: Sequence[float] | np.ndarray) -> np.ndarray:
    """``counts / sum``: how often each word occurs in the corpus."""
    counts = _counts(counts)
    return counts / counts.sum()


def noise_distribution(
    counts: Sequence[float] | np.ndarray, power: float = NS_EXPONENT
) -> np.ndarray:
    """``counts ** power / sum``: where negatives are drawn from (word2vec's ``power = 0.75``).

    A power below 1 flattens the raw distribution: the most frequent words are drawn less
    often than they occur, rare words more often (``power = 0`` would be uniform).
    """
    weights = _counts(counts) ** power
    return weights / weights.sum()


def draw_negatives(
    counts: Sequence[float] | np.ndarray,
    k: int,
    seed: int = 0,
    power: float = NS_EXPONENT,
) -> np.ndarray:
    """``k`` word ids drawn from :func:`noise_distribution`, by the trainer's own sampler.

    :class:`~explorer.models.word2vec.plan.UnigramSampler` (Walker's alias method) is what
    ``train_steps`` uses; its randomness here comes from ``default_rng(seed)``.
    """
    if k < 0:
        raise ValueError("k must be 0 or more")
    sampler = UnigramSampler.from_counts(_counts(counts), exponent=power)
    return sampler.draw(np.random.default_rng(seed), (k, 1))[:, 0]


def scored_outputs(vocab_size: int, negative: int, path_length: float | None = None) -> float:
    """Rows of ``W_out`` scored per example: ``V`` (full softmax, ``negative=0``), ``k + 1``
    (``k`` negatives), or the mean path length (hierarchical softmax: ``path_length``)."""
    if path_length is not None:
        return float(path_length)
    return float(vocab_size if negative == 0 else negative + 1)


def multiply_adds(
    vocab_size: int,
    batch_size: int,
    vector_size: int,
    negative: int,
    path_length: float | None = None,
) -> int:
    """Multiply-adds for the output scores of one batch: ``B * outputs * d``, with the
    outputs of :func:`scored_outputs`. The backward pass costs about twice that again."""
    outputs = scored_outputs(vocab_size, negative, path_length)
    return round(batch_size * outputs * vector_size)


def _time_steps(
    params: np.ndarray,
    tokens: np.ndarray,
    counts: np.ndarray,
    sampler: UnigramSampler,
    tree: HuffmanTree,
    config: Word2VecConfig,
    repeats: int,
) -> float:
    """Median milliseconds of ``train_batch`` over ``repeats`` batches (after a warm-up)."""
    sentence_ids = np.zeros(len(tokens), dtype=np.int32)  # one long sentence: full windows
    plan = build_epoch_plan(tokens, sentence_ids, counts, config, 0, sampler, tree)
    n_words = len(counts)
    train_batch(params, n_words, plan, 0, 0.025, config)  # warm-up (caches, allocations)
    times = []
    for b in range(1, min(repeats + 1, plan.n_batches)):
        start = time.perf_counter()
        train_batch(params, n_words, plan, b, 0.025, config)
        times.append(time.perf_counter() - start)
    return 1000 * float(np.median(times))


def measure_step_cost(
    vocab_sizes: Sequence[int] = DEFAULT_VOCAB_SIZES,
    batch_size: int = 32,
    vector_size: int = 50,
    negative: int = 5,
    repeats: int = 9,
    seed: int = 0,
) -> pd.DataFrame:
    """Time one training step with the full softmax, negative sampling and the hierarchical
    softmax, per ``V``.

    Returns one row per (vocabulary size, method): ``vocab_size``, ``method`` (``"full
    softmax"``, ``"negative sampling, k=5"`` or ``"hierarchical softmax"``), ``ms_per_step``
    (the median of ``repeats`` steps of the trainer's batch update, CBOW, ``window=2``),
    ``outputs_per_example`` (rows of ``W_out`` scored, see :func:`scored_outputs`; for the
    tree, its mean path length weighted by the counts) and ``multiply_adds`` (of the output
    scores). Real timings: they vary from run to run and machine to machine; the other
    columns do not. With the defaults it takes 2-4 s.
    """
    import pandas as pd

    if negative < 1:
        raise ValueError("negative must be at least 1 (it is compared with the full softmax)")
    rng = np.random.default_rng(seed)
    methods = [
        (FULL_SOFTMAX, 0, 0),
        (NEGATIVE_SAMPLING.format(k=negative), negative, 0),
        (HIERARCHICAL_SOFTMAX, 0, 1),
    ]
    rows = []
    for vocab_size in map(int, vocab_sizes):
        # synthetic data: Zipf-like counts, tokens drawn by them, random W on top of W_out
        counts = np.sort(rng.zipf(1.5, vocab_size).clip(max=10**6))[::-1].astype(np.int64)
        n_tokens = batch_size * (repeats + 1)
        tokens = rng.choice(vocab_size, n_tokens, p=counts / counts.sum()).astype(np.int32)
        params = rng.standard_normal((2 * vocab_size, vector_size), dtype=np.float32)
        params *= np.float32(0.1)
        sampler, tree = UnigramSampler.from_counts(counts), HuffmanTree.from_counts(counts)
        for name, k, hs in methods:
            config = Word2VecConfig(
                vector_size=vector_size,
                window=2,
                negative=k,
                hs=hs,
                batch_size=batch_size,
                seed=seed,
            )
            ms = _time_steps(params, tokens, counts, sampler, tree, config, repeats)
            path = tree.mean_code_length() if hs else None
            outputs = scored_outputs(vocab_size, k, path)
            ops = multiply_adds(vocab_size, batch_size, vector_size, k, path)
            rows.append((vocab_size, name, ms, outputs, ops))
    columns = ["vocab_size", "method", "ms_per_step", "outputs_per_example", "multiply_adds"]
    return pd.DataFrame(rows, columns=columns)


def method_label(method: str) -> str:
    """A ``method`` of :func:`measure_step_cost`'s table, in the interface's language."""
    if method in (FULL_SOFTMAX, HIERARCHICAL_SOFTMAX):
        return _(method)
    return _(NEGATIVE_SAMPLING).format(k=method.rpartition("=")[2])
