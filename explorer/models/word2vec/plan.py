"""One epoch of word2vec's training, planned at its start from ``(seed, epoch)`` alone.

Usage:
    >>> plan = build_epoch_plan(tokens, sentence_ids, vocab.counts, config, epoch=0)
    >>> plan.n_examples, plan.n_batches, plan.inputs.shape     # examples, batches, (E, 2w)
    >>> sampler = UnigramSampler.from_counts(vocab.counts)      # counts ** 0.75
    >>> keep_probabilities(vocab.counts, sample=1e-3)           # word2vec.c's downsampling

Downsampling, the reduced windows, the examples and the negatives of a whole epoch are
drawn with numpy in one go (as word2vec.c and gensim draw them word by word); the trainer
(:mod:`.trainer`) then walks the plan a batch at a time, so any chunking of the steps gives
the same bits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np

from explorer.models.word2vec.config import Word2VecConfig
from explorer.models.word2vec.huffman import HuffmanTree
from explorer.models.word2vec.objectives import negative_sampling_labels

NS_EXPONENT = 0.75  # negatives are drawn from unigram counts ** 0.75 (word2vec's choice)


@dataclass(frozen=True, eq=False)
class EpochPlan:
    """Everything one epoch needs, drawn from ``(seed, epoch)`` and built with numpy.

    Examples ``e`` (centre words with their context): ``inputs[e]``, the rows of ``W`` the
    example reads, padded (CBOW: the context words; skip-gram: the centre word alone);
    ``mask[e]`` (float32, 1 for a real input, 0 for padding) and the averaging
    ``weights[e] = mask[e] / n_inputs``. Predictions ``p`` (CBOW: one per example;
    skip-gram: one per centre-context pair): ``targets[p]``, the word to predict;
    ``outputs[p]``, the rows of ``W_out`` it scores: the target, then the negatives
    (negative sampling), the inner nodes on the target's path, padded (hierarchical
    softmax, ``hs``), or the target alone (the full softmax, which scores every row);
    ``labels[p]``, the answer each of them should give (see
    :func:`explorer.models.word2vec.objectives.binary_loss`; None for the full softmax);
    ``pred_example[p]``, its example's place in the batch. Batch ``b`` holds the examples
    ``b * batch_size ...`` and the predictions ``pred_bounds[b]:pred_bounds[b + 1]``.
    """

    epoch: int
    n_examples: int
    batch_size: int
    inputs: np.ndarray
    mask: np.ndarray
    weights: np.ndarray
    targets: np.ndarray
    outputs: np.ndarray
    labels: np.ndarray | None
    pred_example: np.ndarray
    pred_bounds: np.ndarray
    hs: bool = False
    cbow_columns: np.ndarray | None = None  # see _cbow_columns
    asked: np.ndarray | None = None  # labels ** 2: 1 where a question is asked
    bounds: list[int] = field(init=False, repr=False)  # pred_bounds as Python ints (faster)

    def __post_init__(self) -> None:
        object.__setattr__(self, "bounds", self.pred_bounds.tolist())

    @property
    def negatives(self) -> np.ndarray | None:
        return None if self.hs or self.outputs.shape[1] < 2 else self.outputs[:, 1:]

    @property
    def n_batches(self) -> int:
        return len(self.pred_bounds) - 1

    def examples(self, b: int) -> slice:
        """The examples of batch ``b`` (a slice of ``inputs``, ``mask``, ``weights``)."""
        return slice(b * self.batch_size, min((b + 1) * self.batch_size, self.n_examples))


def keep_probabilities(counts: np.ndarray, sample: float) -> np.ndarray:
    """gensim's downsampling: keep a word seen ``c`` times with ``(sqrt(c/t) + 1) t/c``.

    ``t = sample * total`` (capped at 1); ``sample = 0`` keeps everything.
    """
    counts = np.asarray(counts, dtype=np.float64)
    if not sample:
        return np.ones_like(counts)
    threshold = sample * counts.sum()
    return np.minimum(1.0, (np.sqrt(counts / threshold) + 1) * threshold / counts)


@dataclass(frozen=True, eq=False)
class UnigramSampler:
    """Draws word ids with probability ``counts ** 0.75 / sum`` (exactly, in O(1) per draw).

    Walker's alias method: pick a word uniformly, keep it with probability ``accept[i]``,
    else take ``alias[i]``. (``np.searchsorted`` on a cumulative table, gensim's way, is
    5x slower in numpy: its random accesses defeat the branch predictor.)
    """

    accept: np.ndarray
    alias: np.ndarray
    BLOCK: ClassVar[int] = 1 << 15  # rows drawn at a time

    @classmethod
    def from_counts(cls, counts: np.ndarray, exponent: float = NS_EXPONENT) -> UnigramSampler:
        weights = np.asarray(counts, dtype=np.float64) ** exponent
        scaled = weights * (len(weights) / weights.sum())
        accept = np.ones(len(weights))
        alias = np.arange(len(weights), dtype=np.int32)
        small = [i for i, p in enumerate(scaled) if p < 1.0]
        large = [i for i, p in enumerate(scaled) if p >= 1.0]
        while small and large:  # Vose's construction, O(V)
            s, g = small.pop(), large.pop()
            accept[s], alias[s] = scaled[s], g
            scaled[g] += scaled[s] - 1.0
            (small if scaled[g] < 1.0 else large).append(g)
        return cls(accept=accept, alias=alias)

    def draw(
        self,
        rng: np.random.Generator,
        shape: tuple[int, ...] | None = None,
        out: np.ndarray | None = None,
    ) -> np.ndarray:
        """An int32 array of word ids (``shape``, or written into ``out``), drawn block by
        block (small temporaries are faster)."""
        if out is None:
            out = np.empty(shape, dtype=np.int32)
        for start in range(0, out.shape[0], self.BLOCK):
            rows = out[start : start + self.BLOCK]
            pick = rng.integers(0, len(self.accept), size=rows.shape, dtype=np.int32)
            keep = rng.random(rows.shape) < self.accept.take(pick)
            np.copyto(rows, np.where(keep, pick, self.alias.take(pick)))
        return out


def build_epoch_plan(
    tokens: np.ndarray,
    sentence_ids: np.ndarray,
    counts: np.ndarray,
    config: Word2VecConfig,
    epoch: int,
    sampler: UnigramSampler | None = None,
    tree: HuffmanTree | None = None,
) -> EpochPlan:
    """Downsample, draw the windows, cut the examples and draw the negatives of one epoch.

    ``sampler`` and ``tree`` (made from ``counts`` when not given) serve negative sampling
    and the hierarchical softmax.
    """
    rng = np.random.default_rng([config.seed, epoch])
    if config.sample:
        kept = rng.random(len(tokens)) < keep_probabilities(counts, config.sample)[tokens]
        tokens, sentence_ids = tokens[kept], sentence_ids[kept]
    n, w = len(tokens), config.window
    # gensim draws reduced_windows[i] in 0..window-1 and uses window - that: 1..window.
    if config.shrink_windows:
        reach = rng.integers(1, w + 1, size=n, dtype=np.int32)
    else:
        reach = np.full(n, w, dtype=np.int32)
    # How far each token may look left and right without leaving its sentence.
    new_sentence = np.ones(n, dtype=bool)
    np.not_equal(sentence_ids[1:], sentence_ids[:-1], out=new_sentence[1:])
    starts = np.flatnonzero(new_sentence).astype(np.int32)
    ends = np.append(starts[1:], np.int32(n))
    which = np.cumsum(new_sentence, dtype=np.int32) - 1
    positions = np.arange(n, dtype=np.int32)
    left = np.minimum(reach, positions - starts[which])
    right = np.minimum(reach, ends[which] - 1 - positions)
    # Context slots, in the order -w..-1, +1..+w; a slot is real if within reach. The mask
    # depends only on (left, right): each token takes its row of a small table (a gather is
    # 4x faster than comparing per token).
    reach_grid = np.arange(w + 1)
    slot_distance = np.concatenate([np.arange(w, 0, -1), np.arange(1, w + 1)])
    slot_reach = np.where(  # table[l, r, s]: how far slot s's side reaches
        np.arange(2 * w) < w, reach_grid[:, None, None], reach_grid[None, :, None]
    )
    table = (slot_distance <= slot_reach).reshape(-1, 2 * w)
    kind = left * (w + 1) + right
    mask = table.take(kind, axis=0)
    offsets = np.concatenate([np.arange(0, w), np.arange(w + 1, 2 * w + 1)]).astype(np.int32)
    padded = np.concatenate([np.zeros(w, np.int32), tokens, np.zeros(w, np.int32)])
    if n:  # row i of the sliding view is padded[i : i + 2w + 1], the window around token i
        contexts = np.lib.stride_tricks.sliding_window_view(padded, 2 * w + 1)[:, offsets]
    else:
        contexts = np.zeros((0, 2 * w), dtype=np.int32)
    contexts *= mask  # padding: word 0 (any id would do: its weight is 0)
    n_ctx = left + right
    centres = tokens
    if not n_ctx.all():  # a word alone in its (downsampled) sentence predicts nothing
        useful = n_ctx > 0
        centres, contexts, mask, n_ctx, kind = (
            tokens[useful],
            contexts[useful],
            mask[useful],
            n_ctx[useful],
            kind[useful],
        )
    n_examples = len(centres)
    batch_starts = np.arange(0, n_examples, config.batch_size)
    local = np.arange(n_examples, dtype=np.int32) % np.int32(config.batch_size)  # in its batch
    if config.sg:
        # one prediction per (centre, context word) pair; the centre's row is the only input
        targets = contexts[mask]
        pred_example = np.repeat(local, n_ctx)
        inputs = centres[:, None]
        mask = np.ones(inputs.shape, dtype=np.float32)
        weights = mask
        pair_ends = np.concatenate([[0], np.cumsum(n_ctx)])
        pred_bounds = np.append(pair_ends[batch_starts], len(targets))
    else:
        targets, inputs, pred_example = centres, contexts, local
        table = table.astype(np.float32)
        n_real = np.maximum(table.sum(axis=1, keepdims=True), 1)  # (0, 0) is never an example
        mask, weights = table.take(kind, axis=0), (table / n_real).take(kind, axis=0)
        pred_bounds = np.append(batch_starts, n_examples)
    targets = targets.astype(np.int32)
    if config.hs:  # the inner nodes on each target's path, and the turns to take
        tree = tree or HuffmanTree.from_counts(counts)
        outputs, labels = tree.points.take(targets, axis=0), tree.labels().take(targets, axis=0)
    else:
        outputs = np.empty((len(targets), 1 + config.negative), dtype=np.int32)
        outputs[:, 0] = targets
        labels = None
        if config.negative:
            sampler = sampler or UnigramSampler.from_counts(counts)
            sampler.draw(rng, out=outputs[:, 1:])
            labels = negative_sampling_labels(outputs)
    asked = None if labels is None else labels * labels
    cbow_columns = None
    if not config.sg:  # each entry's example in a full batch: its inputs, then its outputs
        ex = np.arange(config.batch_size)
        n_outputs = outputs.shape[1] if labels is not None else 0
        cbow_columns = np.concatenate([ex.repeat(inputs.shape[1]), ex.repeat(n_outputs)])
    return EpochPlan(
        epoch=epoch,
        n_examples=n_examples,
        batch_size=config.batch_size,
        inputs=inputs,
        mask=mask,
        weights=weights,
        targets=targets,
        outputs=outputs,
        labels=labels,
        pred_example=pred_example,
        pred_bounds=pred_bounds.astype(np.int64),
        hs=bool(config.hs),
        cbow_columns=cbow_columns,
        asked=asked,
    )

