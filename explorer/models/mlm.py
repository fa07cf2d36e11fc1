"""A tiny BERT-style masked language model in numpy, small enough to train live on two cores.

Usage:
    >>> from explorer.models.mlm import MaskedLM, MLMConfig, sense_separation
    >>> from explorer.models.sense_data import load_senses, heldout_split
    >>> corpus = load_senses("en")
    >>> train, held = heldout_split(len(corpus.sentences))
    >>> model = MaskedLM([corpus.sentences[i] for i in train], MLMConfig(),
    ...                  heldout=[corpus.sentences[i] for i in held])
    >>> state = model.init_state()
    >>> state, snap = model.train_steps(state, 20)       # pure: the old state is unchanged
    >>> snap.loss, snap.metrics["test_accuracy"]         # masked-token loss, held-out accuracy
    (4.29, 0.21)
    >>> state, snap = model.train_steps(state, 10**6)    # to the end: 30 epochs, 1,020 steps
    >>> model.fill_mask(state, ["she", "put", "money", "in", "the", "[MASK]"], topk=3)
    [('bank', 0.88), ('light', 0.09), ('safe', 0.005)]
    >>> occ = corpus.occurrences("bank")
    >>> vecs = model.occurrence_vectors(state, corpus.sentences, occ, layer=2)
    >>> sense_separation(vecs, [o.sense for o in occ])   # (accuracy, chance); 0.77 at step 0
    (0.96, 0.5)

The model, in the order the data flows (names from BERT, Devlin et al. 2019):

1. **Masking** (:func:`mask_tokens`): in each sentence 15% of the tokens (at least one) are
   chosen; of those 80% become ``[MASK]``, 10% a random word, 10% stay as they were. The
   model must predict the original word at every chosen position.
2. **Embeddings**: token embedding ``E`` plus learned position embedding ``P``, then a layer
   norm.
3. **Blocks** (:mod:`.transformer`): ``n_layers`` encoder blocks, each multi-head
   self-attention and a GELU feed-forward with post-LN residuals. With ``causal=True`` each
   token sees only itself and its left (GPT-style); padding is never seen.
4. **Output**: tied to the input embedding, ``logits = h E^T + b_out`` over the vocabulary;
   cross-entropy on the chosen positions only; Adam, its step size falling linearly to 0.

Everything random comes from the seed and the position in training: the order of epoch
``e`` from ``default_rng([seed, e])``, the masking of batch ``b`` of that epoch from
``default_rng([seed, e, b])``. So ``train_steps`` is pure, and 10 + 10 steps equal 20 bit for
bit. Training runs in float32; the gradient checks (tests) run the same code in float64.

What a page reads off a state (all pure): :meth:`MaskedLM.contextual_vectors` per layer, where
**layer 0 is the token embedding alone (no position)**, so every occurrence of a word is the
same point, exactly word2vec's situation, and layer ``l >= 1`` is the output of block ``l``;
:meth:`MaskedLM.attention`; :meth:`MaskedLM.fill_mask`; :func:`sense_separation`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from explorer.models.protocol import Snapshot, Table
from explorer.models.sense_data import Occurrence
from explorer.models.transformer import (
    Params,
    attention_mask,
    block,
    block_backward,
    embed,
    embed_backward,
    init_block,
    layer_norm,
    layer_norm_backward,
)
from explorer.models.vectors import unit_rows

SPECIALS = ["[PAD]", "[MASK]", "[UNK]"]
PAD, MASK, UNK = 0, 1, 2
MASK_TOKEN = "[MASK]"
_HELDOUT_SEED = 999_983  # the fixed masking of the held-out sentences: [seed, this]


@dataclass(frozen=True)
class MLMConfig:
    """The model and its training. The defaults train an epoch of the English sense corpus
    in well under a second on two cores (``python -m bench.mlm``)."""

    d_model: int = 64  # width of every token vector (BERT-base: 768)
    n_heads: int = 2  # attention heads per layer; d_model must divide by it
    n_layers: int = 2  # transformer blocks
    d_ff: int = 128  # hidden width of the feed-forward (BERT: 4 x d_model)
    max_len: int = 32  # sentences are cut to this many tokens (rows of the position table)
    max_vocab: int = 2000  # the most frequent words, specials included; the rest are [UNK]
    mask_prob: float = 0.15  # share of each sentence's tokens the model must predict
    lr: float = 5e-3  # Adam's step size at the start; it falls linearly to 0 at the end
    beta1: float = 0.9  # Adam's decay of the mean gradient
    beta2: float = 0.98  # Adam's decay of the mean squared gradient
    batch_size: int = 32  # sentences per step
    epochs: int = 30  # passes over the training sentences
    seed: int = 0  # every random draw comes from this and the position in training
    causal: bool = False  # GPT-style: each token sees only its left context


@dataclass(frozen=True)
class MLMState:
    """The parameters, Adam's two running means, and the number of steps done."""

    params: Params
    m: Params
    v: Params
    step: int = 0


# --------------------------------------------------------------------------------- masking

def choose_positions(lengths: np.ndarray, rng: np.random.Generator, prob: float):
    """``(rows, cols)`` of the chosen tokens: ``max(1, round(prob * length))`` per sentence."""
    T = int(lengths.max())
    keys = rng.random((len(lengths), T))
    keys[np.arange(T)[None, :] >= lengths[:, None]] = np.inf  # never choose padding
    rank = np.argsort(np.argsort(keys, axis=1), axis=1)
    k = np.maximum(1, np.rint(prob * lengths)).astype(int)
    return np.nonzero(rank < k[:, None])


def mask_tokens(ids: np.ndarray, lengths: np.ndarray, rng: np.random.Generator,
                prob: float, vocab_size: int):
    """BERT's rule: of the chosen tokens 80% -> ``[MASK]``, 10% -> a random word, 10% kept.

    Returns ``(inputs, rows, cols, targets)``: the corrupted batch, the chosen positions and
    the words that were there.
    """
    rows, cols = choose_positions(lengths, rng, prob)
    targets = ids[rows, cols]
    inputs = ids.copy()
    r = rng.random(len(rows))
    random_words = rng.integers(len(SPECIALS), vocab_size, size=len(rows))
    inputs[rows, cols] = np.where(r < 0.8, MASK, np.where(r < 0.9, random_words, targets))
    return inputs, rows, cols, targets


# --------------------------------------------------------------------------------- the model

def init_params(cfg: MLMConfig, vocab_size: int, dtype=np.float32) -> Params:
    """Embeddings N(0, 0.02) as BERT, blocks from :func:`.transformer.init_block`."""
    rng = np.random.default_rng(cfg.seed)
    p = {
        "E": rng.normal(0, 0.02, (vocab_size, cfg.d_model)),
        "P": rng.normal(0, 0.02, (cfg.max_len, cfg.d_model)),
        "ln_e.g": np.ones(cfg.d_model),
        "ln_e.b": np.zeros(cfg.d_model),
    }
    for layer in range(cfg.n_layers):
        for name, value in init_block(rng, cfg.d_model, cfg.d_ff).items():
            p[f"block{layer}.{name}"] = value
    p["b_out"] = np.zeros(vocab_size)
    return {k: v.astype(dtype) for k, v in p.items()}


def _block_params(params: Params, layer: int) -> Params:
    prefix = f"block{layer}."
    return {k[len(prefix):]: v for k, v in params.items() if k.startswith(prefix)}


def forward(params: Params, cfg: MLMConfig, ids: np.ndarray, lengths: np.ndarray):
    """The output of every block, ``[h_1, ..., h_L]`` each (B, T, d), and the caches."""
    mask = attention_mask(lengths, cfg.causal, dtype=params["E"].dtype)
    x = embed(params["E"], params["P"], ids)
    h, c_emb = layer_norm(x, params["ln_e.g"], params["ln_e.b"])
    outputs, caches = [], []
    for layer in range(cfg.n_layers):
        h, cache = block(h, _block_params(params, layer), cfg.n_heads, mask)
        outputs.append(h)
        caches.append(cache)
    return outputs, (c_emb, caches)


def loss_and_grads(params: Params, cfg: MLMConfig, inputs: np.ndarray, lengths: np.ndarray,
                   rows: np.ndarray, cols: np.ndarray, targets: np.ndarray):
    """Mean cross-entropy over the chosen positions, how many were right, and the gradients."""
    outputs, (c_emb, caches) = forward(params, cfg, inputs, lengths)
    top = outputs[-1]
    E = params["E"]
    hm = top[rows, cols]  # (M, d): the vectors of the chosen positions
    logits = hm @ E.T + params["b_out"]  # tied output
    logits -= logits.max(axis=1, keepdims=True)
    probs = np.exp(logits)
    probs /= probs.sum(axis=1, keepdims=True)
    M = len(targets)
    loss = float(-np.log(probs[np.arange(M), targets] + 1e-30).mean())
    correct = int((probs.argmax(axis=1) == targets).sum())

    dlogits = probs
    dlogits[np.arange(M), targets] -= 1
    dlogits /= M
    grads = {"E": dlogits.T @ hm, "b_out": dlogits.sum(axis=0)}
    dh = np.zeros_like(top)
    dh[rows, cols] = dlogits @ E  # each position is chosen at most once
    for layer in reversed(range(cfg.n_layers)):
        dh, g = block_backward(dh, caches[layer])
        grads.update({f"block{layer}.{k}": v for k, v in g.items()})
    dx, g_ln = layer_norm_backward(dh, c_emb)
    grads["ln_e.g"], grads["ln_e.b"] = g_ln["g"], g_ln["b"]
    g_emb = embed_backward(dx, inputs, E, params["P"])
    grads["E"] += g_emb["E"]
    grads["P"] = g_emb["P"]
    return loss, correct, grads


def adam_step(params: Params, grads: Params, m: Params, v: Params, t: int,
              cfg: MLMConfig, lr: float, eps: float = 1e-8) -> None:
    """One Adam update (Kingma and Ba 2015) of ``params``, ``m`` and ``v`` in place; ``t`` >= 1.

    Kept here, small and private to this model, rather than shared, so the file reads alone.
    """
    b1, b2 = cfg.beta1, cfg.beta2
    step = lr * math.sqrt(1 - b2**t) / (1 - b1**t)  # bias corrections folded into the step
    for k, g in grads.items():
        m[k] *= b1
        m[k] += (1 - b1) * g
        v[k] *= b2
        v[k] += (1 - b2) * g * g
        params[k] -= step * m[k] / (np.sqrt(v[k]) + eps)


_CONTROLLER: list = []


def one_blas_thread():
    """A context in which BLAS uses one thread (threadpoolctl, as :mod:`explorer.maps.tsne`).

    The products here are small (d 64, a few hundred rows): one thread does them at once,
    while threads that wait for each other on a busy two-core machine took 8 times longer
    (measured: 0.3 s against 2.5 s an epoch while other processes ran).
    """
    if not _CONTROLLER:
        from threadpoolctl import ThreadpoolController

        _CONTROLLER.append(ThreadpoolController())
    return _CONTROLLER[0].limit(limits=1, user_api="blas")


def pad(sentences: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Ids (B, T) padded with ``[PAD]`` to the longest sentence, and the lengths."""
    lengths = np.array([len(s) for s in sentences])
    ids = np.full((len(sentences), int(lengths.max())), PAD, dtype=np.int64)
    for i, s in enumerate(sentences):
        ids[i, : len(s)] = s
    return ids, lengths


# -------------------------------------------------------------------------- the trainer

class MaskedLM:
    """A masked language model over ``sentences`` (lists of tokens), the live player's way.

    The vocabulary (``words``, specials first, then by frequency) is fixed at construction;
    ``heldout`` sentences are masked once (seeded) for the ``test_accuracy`` metric.
    """

    def __init__(self, sentences: Sequence[Sequence[str]], config: MLMConfig | None = None,
                 heldout: Sequence[Sequence[str]] = ()) -> None:
        self.config = cfg = config or MLMConfig()
        counts = Counter(w for s in sentences for w in s)
        ranked = sorted(counts, key=lambda w: (-counts[w], w))
        self.words: list[str] = SPECIALS + ranked[: cfg.max_vocab - len(SPECIALS)]
        self.index = {w: i for i, w in enumerate(self.words)}
        self.train_ids = [self.encode(s) for s in sentences if s]
        self.batches_per_epoch = math.ceil(len(self.train_ids) / cfg.batch_size)
        self.total_steps = self.batches_per_epoch * cfg.epochs
        self.heldout_ids = [self.encode(s) for s in heldout if s]
        self._heldout = None
        if self.heldout_ids:
            ids, lengths = pad(self.heldout_ids)
            rows, cols = choose_positions(
                lengths, np.random.default_rng([cfg.seed, _HELDOUT_SEED]), cfg.mask_prob)
            inputs = ids.copy()
            inputs[rows, cols] = MASK
            self._heldout = (inputs, lengths, rows, cols, ids[rows, cols])

    # ---------------------------------------------------------------------- the protocol

    def encode(self, tokens: Sequence[str]) -> list[int]:
        """Token ids (``[MASK]`` kept, unknown words -> ``[UNK]``), cut to ``max_len``."""
        return [self.index.get(t, UNK) for t in tokens][: self.config.max_len]

    def init_state(self) -> MLMState:
        params = init_params(self.config, len(self.words))
        zeros = {k: np.zeros_like(v) for k, v in params.items()}
        return MLMState(params, zeros, {k: np.zeros_like(v) for k, v in params.items()})

    def batch(self, step: int):
        """The masked batch of training step ``step``: ``(inputs, lengths, rows, cols,
        targets)``, drawn from ``(seed, epoch, batch)`` alone."""
        cfg = self.config
        epoch, b = divmod(step, self.batches_per_epoch)
        order = np.random.default_rng([cfg.seed, epoch]).permutation(len(self.train_ids))
        chosen = order[b * cfg.batch_size: (b + 1) * cfg.batch_size]
        ids, lengths = pad([self.train_ids[i] for i in chosen])
        rng = np.random.default_rng([cfg.seed, epoch, b])
        inputs, rows, cols, targets = mask_tokens(ids, lengths, rng, cfg.mask_prob,
                                                  len(self.words))
        return inputs, lengths, rows, cols, targets

    def train_steps(self, state: MLMState, n_batches: int) -> tuple[MLMState, Snapshot]:
        """Run ``n_batches`` steps (fewer at the end); ``state`` is left unchanged.

        ``loss`` and ``metrics["accuracy"]`` are over the masked tokens of this call's
        batches; ``metrics["test_accuracy"]`` and ``["test_loss"]`` over the held-out
        sentences' fixed masking, after the call. ``touched`` lists the rows that moved:
        with a tied output and Adam's momentum that is soon every row of the token table.
        """
        with one_blas_thread():
            return self._train_steps(state, n_batches)

    def _train_steps(self, state: MLMState, n_batches: int) -> tuple[MLMState, Snapshot]:
        params = {k: v.copy() for k, v in state.params.items()}
        m = {k: v.copy() for k, v in state.m.items()}
        v = {k: x.copy() for k, x in state.v.items()}
        step, total_loss, correct, count, ran = state.step, 0.0, 0, 0, 0
        while ran < n_batches and step < self.total_steps:
            inputs, lengths, rows, cols, targets = self.batch(step)
            loss, right, grads = loss_and_grads(
                params, self.config, inputs, lengths, rows, cols, targets)
            # A linear decay, as word2vec's alpha: the last epochs settle instead of jitter.
            lr = self.config.lr * (1 - step / self.total_steps)
            step += 1
            adam_step(params, grads, m, v, step, self.config, lr)
            total_loss += loss * len(targets)
            correct += right
            count += len(targets)
            ran += 1
        new = MLMState(params, m, v, step)
        metrics = {"accuracy": correct / count if count else float("nan")}
        metrics.update(self.heldout_metrics(new))
        touched = {
            name: np.flatnonzero(np.any(params[key] != state.params[key], axis=1))
            for name, key in (("token_embedding", "E"), ("position_embedding", "P"))
        }
        snap = Snapshot(
            step=step,
            epoch=min(step // self.batches_per_epoch, self.config.epochs),
            batches=ran,
            loss=total_loss / count if count else float("nan"),
            metrics=metrics,
            touched=touched,
            finished=step >= self.total_steps,
        )
        return new, snap

    def tables(self, state: MLMState) -> dict[str, Table]:
        """The token embedding (a row per word) and the position embedding (a row per slot)."""
        P = state.params["P"]
        return {
            "token_embedding": Table(
                "token_embedding", state.params["E"], list(self.words), len(SPECIALS)),
            "position_embedding": Table(
                "position_embedding", P, [str(i) for i in range(len(P))]),
        }

    # ------------------------------------------------------------------- what a page reads

    def heldout_metrics(self, state: MLMState) -> dict[str, float]:
        """Masked-word accuracy and loss on the held-out sentences (``{}`` without them)."""
        if self._heldout is None:
            return {}
        inputs, lengths, rows, cols, targets = self._heldout
        probs = self._probabilities(state, inputs, lengths, rows, cols)
        return {
            "test_accuracy": float((probs.argmax(axis=1) == targets).mean()),
            "test_loss": float(-np.log(probs[np.arange(len(targets)), targets] + 1e-30).mean()),
        }

    def bigram_accuracy(self) -> float:
        """The held-out masked-word accuracy of guessing from the left neighbour alone.

        The guess is the word that most often follows the visible left neighbour in the
        training sentences (the commonest word when there is none, or it is masked).
        """
        if self._heldout is None:
            return float("nan")
        follows: dict[int, Counter] = {}
        unigram: Counter = Counter()
        for s in self.train_ids:
            unigram.update(s)
            for a, b in zip(s, s[1:], strict=False):
                follows.setdefault(a, Counter())[b] += 1
        commonest = unigram.most_common(1)[0][0]
        inputs, _, rows, cols, targets = self._heldout
        right = 0
        for r, c, t in zip(rows, cols, targets, strict=True):
            left = inputs[r, c - 1] if c > 0 else MASK
            counter = follows.get(int(left)) if left != MASK else None
            guess = counter.most_common(1)[0][0] if counter else commonest
            right += guess == t
        return right / len(targets)

    def _probabilities(self, state, inputs, lengths, rows, cols) -> np.ndarray:
        with one_blas_thread():
            outputs, _ = forward(state.params, self.config, inputs, lengths)
        logits = outputs[-1][rows, cols] @ state.params["E"].T + state.params["b_out"]
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        return probs / probs.sum(axis=1, keepdims=True)

    def contextual_vectors(self, state: MLMState, sentence_ids: Sequence[Sequence[int]],
                           layer: int) -> list[np.ndarray]:
        """Each sentence's token vectors (n_i, d) at ``layer``.

        Layer 0 is the token embedding alone, without position: every occurrence of a word
        is the same point. Layer ``l`` in 1..n_layers is the output of block ``l``.
        """
        if not 0 <= layer <= self.config.n_layers:
            raise ValueError(f"layer must be in 0..{self.config.n_layers}")
        ids, lengths = pad(sentence_ids)
        if layer == 0:
            h = state.params["E"][ids]
        else:
            with one_blas_thread():
                h = forward(state.params, self.config, ids, lengths)[0][layer - 1]
        return [h[i, :n] for i, n in enumerate(lengths)]

    def occurrence_vectors(self, state: MLMState, sentences: Sequence[Sequence[str]],
                           occurrences: Sequence[Occurrence], layer: int) -> np.ndarray:
        """The vector (one row each) of every occurrence of a word, at ``layer``."""
        used = sorted({o.sentence for o in occurrences})
        where = {s: i for i, s in enumerate(used)}
        vecs = self.contextual_vectors(state, [self.encode(sentences[s]) for s in used], layer)
        return np.array([vecs[where[o.sentence]][o.position] for o in occurrences])

    def attention(self, state: MLMState, sentence_ids: Sequence[int]) -> np.ndarray:
        """Attention weights of one sentence, (n_layers, n_heads, n, n); row i: query token i."""
        ids, lengths = pad([sentence_ids])
        with one_blas_thread():
            outputs, (_, caches) = forward(state.params, self.config, ids, lengths)
        return np.stack([cache[0][4][0] for cache in caches])

    def fill_mask(self, state: MLMState, tokens: Sequence[str], topk: int = 5
                  ) -> list[tuple[str, float]]:
        """The ``topk`` words for the first ``[MASK]`` of ``tokens``, with probabilities.

        Special tokens are left out and the probabilities renormalised over real words.
        """
        ids = self.encode(tokens)
        if MASK not in ids:
            raise ValueError(f"no {MASK_TOKEN} in the sentence")
        pos = ids.index(MASK)
        inp, lengths = pad([ids])
        probs = self._probabilities(state, inp, lengths, np.array([0]), np.array([pos]))[0]
        probs[: len(SPECIALS)] = 0
        probs /= probs.sum()
        best = np.argsort(-probs, kind="stable")[:topk]
        return [(self.words[i], float(probs[i])) for i in best]


def split_mask(text: str, tokenize) -> list[str]:
    """Tokens of ``text`` with each ``[MASK]`` (any case) kept as one ``[MASK]`` token.

    >>> from explorer.text.tokenize import tokenize_sentence
    >>> split_mask("She put money in the [mask].", tokenize_sentence)
    ['she', 'put', 'money', 'in', 'the', '[MASK]']
    """
    pieces = re.split(r"\[mask\]", text, flags=re.IGNORECASE)
    tokens: list[str] = []
    for i, piece in enumerate(pieces):
        if i:
            tokens.append(MASK_TOKEN)
        tokens += tokenize(piece)
    return tokens


# ------------------------------------------------------------------- how well senses split

def sense_separation(vectors: np.ndarray, senses: Sequence[str]) -> tuple[float, float]:
    """Leave-one-out nearest-centroid accuracy of the senses, and chance (1 / senses).

    Vectors are scaled to length 1; each one is given the sense whose centroid (of the
    *other* occurrences) is nearest. Ties count as a fair guess among the tied senses, so
    identical vectors (layer 0) score exactly chance.

    >>> sense_separation(np.array([[1, 0], [1, 0.1], [0, 1], [0.1, 1]]), "aabb")
    (1.0, 0.5)
    """
    X = np.asarray(vectors, dtype=np.float64)
    X = unit_rows(X)
    labels = sorted(set(senses))
    y = np.array([labels.index(s) for s in senses])
    onehot = np.eye(len(labels))[y]  # (n, k)
    sums, counts = onehot.T @ X, onehot.sum(axis=0)  # (k, d), (k,)
    # Leave each vector out of its own sense's centroid.
    own_sums = sums[y] - X
    own_counts = counts[y] - 1
    centroids = np.repeat(sums[None], len(X), axis=0)
    centroids[np.arange(len(X)), y] = own_sums
    n = np.repeat(counts[None], len(X), axis=0)
    n[np.arange(len(X)), y] = own_counts
    centroids = centroids / np.maximum(n, 1)[:, :, None]
    dist = np.linalg.norm(centroids - X[:, None, :], axis=2)  # (n, k)
    dist[n == 0] = np.inf
    tied = dist <= dist.min(axis=1, keepdims=True) + 1e-9
    credit = tied[np.arange(len(X)), y] / tied.sum(axis=1)
    return float(credit.mean()), 1.0 / len(labels)
