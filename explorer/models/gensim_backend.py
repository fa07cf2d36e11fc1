"""gensim, for comparison and for corpora too big to train live: same settings, our ``Vectors``.

Usage:
    >>> from explorer.models.word2vec.trainer import TrainState, Word2VecConfig
    >>> wv = train_gensim(sentences, Word2VecConfig(vector_size=50, min_count=5))
    >>> wv.most_similar("cat", topn=3)
    >>> kv = to_gensim(wv)                # and back: from_gensim(kv)

gensim is imported inside the functions only: importing this module stays cheap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from explorer.i18n import M_
from explorer.models.vectors import Vectors
from explorer.models.word2vec.trainer import TrainState, Word2VecConfig


def gensim_params(config: Word2VecConfig, workers: int = 1) -> dict[str, Any]:
    """gensim ``Word2Vec`` keyword arguments for ``config``.

    ``hs=1, negative=0`` (hierarchical softmax) is gensim's own. Our full softmax
    (``negative=0, hs=0``) is not in gensim: its closest relative, the hierarchical softmax,
    stands in. ``max_vocab`` becomes ``max_final_vocab`` (gensim then raises ``min_count``
    until the vocabulary fits). ``batch_size`` has no counterpart (gensim updates after every
    example). ``workers=1`` keeps runs reproducible.
    """
    return dict(
        vector_size=config.vector_size,
        window=config.window,
        min_count=config.min_count,
        sg=config.sg,
        hs=1 if config.hs or not config.negative else 0,
        negative=config.negative,
        cbow_mean=1,
        alpha=config.alpha,
        min_alpha=config.min_alpha,
        epochs=config.epochs,
        sample=config.sample,
        max_final_vocab=config.max_vocab,
        shrink_windows=config.shrink_windows,
        seed=config.seed,
        workers=workers,
    )


def train_gensim(
    sentences: Sequence[Sequence[str]],
    config: Word2VecConfig | None = None,
    progress: Callable[[float, str], None] | None = None,
    workers: int = 1,
) -> Vectors:
    """Train ``gensim.models.Word2Vec`` with our settings and return its vectors.

    ``progress(fraction, message)`` is called at the end of each epoch.
    """
    from gensim.models import Word2Vec
    from gensim.models.callbacks import CallbackAny2Vec

    config = config or Word2VecConfig()

    class _EpochProgress(CallbackAny2Vec):
        def __init__(self) -> None:
            self.epoch = 0

        def on_epoch_end(self, model: Any) -> None:
            self.epoch += 1
            if progress is not None:
                message = M_("epoch {epoch}/{epochs}", epoch=self.epoch, epochs=config.epochs)
                progress(self.epoch / config.epochs, message)

    sentences = [list(s) for s in sentences]
    distinct = len({w for s in sentences for w in s})
    model = Word2Vec(**gensim_params(config, workers))
    model.build_vocab(sentences)
    if len(model.wv) < 2:
        message = (
            M_(
                "no word appears at least min_count={min_count} times (of {distinct} distinct); "
                "lower min_count or add text"
            )
            if len(model.wv) == 0
            else M_(
                "only 1 distinct word appears at least min_count={min_count} times "
                "(of {distinct} distinct); lower min_count or add text"
            )
        )
        raise ValueError(message.format(min_count=config.min_count, distinct=distinct))
    model.train(
        sentences,
        total_examples=model.corpus_count,
        epochs=config.epochs,
        callbacks=[_EpochProgress()],
    )
    return from_gensim(model)


def to_gensim_model(state: TrainState) -> Any:
    """A gensim ``Word2Vec`` holding our model: vocabulary and counts (in our order), ``W``,
    and ``W_out`` as ``syn1neg`` (negative sampling) or ``syn1`` (hierarchical softmax, whose
    Huffman tree gensim rebuilds from the same counts: the same tree).

    gensim can then go on training it, or score sentences with ``score()`` (which gensim
    computes for the hierarchical softmax only).
    """
    from gensim.models import Word2Vec

    # min_count 1 and no sorting: the vocabulary stays ours, word for word and in our order
    params = gensim_params(state.config) | dict(min_count=1, max_final_vocab=None, sorted_vocab=0)
    model = Word2Vec(**params)
    counts = {w: int(c) for w, c in zip(state.vocab.index_to_key, state.vocab.counts, strict=True)}
    model.build_vocab_from_freq(counts, corpus_count=int(state.sentence_ids.max(initial=-1)) + 1)
    model.wv.vectors[:] = state.W
    (model.syn1 if model.hs else model.syn1neg)[:] = state.W_out
    return model


def to_gensim(wv: Vectors) -> Any:
    """A ``gensim.models.KeyedVectors`` holding the same words and values."""
    return wv.to_gensim()


def from_gensim(kv: Any) -> Vectors:
    """Our ``Vectors`` from gensim ``KeyedVectors`` (or a model with ``.wv``); values copied."""
    return Vectors.from_gensim(kv)
