"""One training example under the microscope: lookup, average, scores, one update.

Usage:
    >>> ex = pick_example(state, "kitten")
    >>> view = inspect_example(state, ex)
    >>> view.context_words, view.h.shape, view.top_words[:3]
    >>> view.p_target_before, view.p_target_after   # the update raises p(target | context)
    >>> view.path_nodes, view.path_codes, view.path_probs   # hierarchical softmax: the path

With the hierarchical softmax (``hs=1``) the probabilities come from the Huffman tree: the
target's path of left/right turns, each with its probability ``s(±u_node . h)``, whose
product is ``p(target | context)``.

Everything is computed from the current matrices with the same objective functions the
trainer runs (:mod:`.objectives`) and its update convention: each context row
receives the full ``-lr * dL/dh`` (gensim's, for ``cbow_mean=1``); output rows receive
``-lr * dL/dscore * h``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.special import expit, log_softmax

from explorer.i18n import M_
from explorer.models.vectors import NotInVocabulary
from explorer.models.word2vec.objectives import (
    binary_from_h,
    negative_sampling_from_h,
    softmax_from_h,
)
from explorer.models.word2vec.trainer import TrainState


@dataclass(frozen=True)
class Example:
    """A centre word and its context words (ids), cut from the corpus with the full window."""

    context: np.ndarray
    target: int
    position: int  # where the centre word stands in the corpus's token array


@dataclass(frozen=True)
class ExampleView:
    """Everything the page shows about one example."""

    context_words: list[str]
    target_word: str
    context_ids: np.ndarray
    rows: np.ndarray  # W[context_ids]: the rows the one-hot vectors select, (n, d)
    h: np.ndarray  # their average, (d,)
    top_words: list[str]  # softmax over the whole vocabulary: the 10 most probable words
    top_probs: np.ndarray
    p_target_before: float
    p_target_after: float
    negative_words: list[str]  # negative sampling only (empty for the full softmax)
    scores: np.ndarray  # sigma(u . h) for [target, negatives...] (negative sampling)
    losses: np.ndarray  # each term's loss: -log s(u_t.h), -log s(-u_k.h)
    learning_rate: float
    # hierarchical softmax only (empty otherwise): the target's path from the root
    path_nodes: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    path_codes: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    path_probs: np.ndarray = field(default_factory=lambda: np.zeros(0))  # of the turn taken


def pick_example(state: TrainState, word: str, window: int | None = None) -> Example:
    """The first place in the corpus where ``word`` is the centre with a full window."""
    index = state.vocab.key_to_index
    if word not in index:
        raise NotInVocabulary(M_("{word!r} is not in the vocabulary", word=word))
    window = window or state.config.window
    tokens, sent = state.tokens, state.sentence_ids
    best = None
    for pos in np.flatnonzero(tokens == index[word]):
        lo, hi = max(0, pos - window), min(len(tokens), pos + window + 1)
        ctx = [i for i in range(lo, hi) if i != pos and sent[i] == sent[pos]]
        if best is None or len(ctx) > len(best[1]):
            best = (int(pos), ctx)
        if len(ctx) == 2 * window:
            break
    if best is None or not best[1]:
        raise ValueError(M_("{word!r} never has a neighbour in its sentence", word=word))
    pos, ctx = best
    return Example(tokens[ctx].astype(np.int64), int(tokens[pos]), pos)


def inspect_example(
    state: TrainState,
    example: Example,
    topn: int = 10,
    negative: int | None = None,
    draw: int = 0,
) -> ExampleView:
    """The forward pass, the scores and one SGD update on a copy (the state is untouched).

    ``negative`` overrides the state's number of negatives (0: the full softmax); ``draw``
    picks another, equally seeded, set of negatives. A state trained with ``hs=1`` shows the
    target's path instead (``negative`` and ``draw`` are then not used).
    """
    words = state.vocab.index_to_key
    W = state.W.astype(np.float64)
    W_out = state.W_out.astype(np.float64)
    ctx, t = example.context, example.target
    lr = state.learning_rate
    rows = W[ctx]
    h = rows.mean(axis=0)

    tree = state.tree if state.config.hs else None

    def p_target(W_: np.ndarray, W_out_: np.ndarray) -> tuple[float, np.ndarray]:
        h_ = W_[ctx].mean(axis=0)
        if tree is not None:  # the product of the turns' probabilities on each word's path
            logp = tree.word_log_probabilities(W_out_[: len(words) - 1] @ h_)
        else:
            logp = log_softmax(W_out_ @ h_)
        return float(np.exp(logp[t])), np.exp(logp)

    p_before, probs = p_target(W, W_out)
    top = np.argsort(-probs, kind="stable")[:topn]

    negative_words: list[str] = []
    scores = losses = np.zeros(0)
    path = {}
    k = state.config.negative if negative is None else negative
    if tree is not None:
        out_rows, labels = tree.points[[t]], tree.labels(np.float64)[[t]]
        _loss, d_h, d_scores = binary_from_h(h[None, :], W_out, out_rows, labels)
        nodes = tree.point(t)
        turn = expit((W_out[nodes] @ h) * labels[0, : len(nodes)])
        path = dict(path_nodes=nodes.astype(np.int64), path_codes=tree.code(t).astype(np.int64),
                    path_probs=turn)  # fmt: skip
        rows_out, d_out = out_rows[0], d_scores[0]
    elif k:
        from explorer.models.word2vec.plan import UnigramSampler

        sampler = state.sampler or UnigramSampler.from_counts(state.vocab.counts)
        rng = np.random.default_rng([state.config.seed, state.step, 7, draw])
        negs = sampler.draw(rng, (1, k))[0].astype(np.int64)
        out_rows = np.concatenate([[t], negs])[None, :]
        _loss, d_h, d_scores = negative_sampling_from_h(h[None, :], W_out, out_rows)
        raw = W_out[out_rows[0]] @ h
        scores = expit(raw)
        losses = np.logaddexp(0, np.concatenate([[-raw[0]], raw[1:]]))
        negative_words = [words[i] for i in negs]
        rows_out, d_out = out_rows[0], d_scores[0]
    else:
        _loss, d_h, d_scores = softmax_from_h(h[None, :], W_out, np.array([t]))
        rows_out, d_out = np.arange(len(words)), d_scores[0]

    W_new, W_out_new = W.copy(), W_out.copy()
    np.add.at(W_new, ctx, -lr * d_h[0])
    np.add.at(W_out_new, rows_out, -lr * d_out[:, None] * h[None, :])
    p_after, _probs = p_target(W_new, W_out_new)
    return ExampleView(
        context_words=[words[i] for i in ctx],
        target_word=words[t],
        context_ids=ctx,
        rows=rows,
        h=h,
        top_words=[words[i] for i in top],
        top_probs=probs[top],
        p_target_before=p_before,
        p_target_after=p_after,
        negative_words=negative_words,
        scores=scores,
        losses=losses,
        learning_rate=lr,
        **path,
    )
