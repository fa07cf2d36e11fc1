"""``Word2Vec``: the whole training behind one call, gensim's names, scikit-learn's manners.

Usage:
    >>> from explorer import Word2Vec
    >>> model = Word2Vec(vector_size=50, window=5, min_count=5, negative=5, epochs=10, seed=0)
    >>> model.fit(sentences)                 # sentences: list of token lists
    >>> model.wv.most_similar("cat", topn=3)
    >>> model.loss_history_[-1], model.state_.step
    >>> model.save("model.npz"); same = Word2Vec.load("model.npz")
    >>> hs = Word2Vec(hs=1, negative=0).fit(sentences)   # hierarchical softmax, as in gensim
    >>> hs.state_.tree.code(hs.wv.key_to_index["cat"])   # its path in the Huffman tree

The constructor only stores the settings (see :class:`.Word2VecConfig` for their meaning
and defaults); :meth:`fit` does the work. Learned attributes end in ``_`` (``vocab_``,
``state_``, ``loss_history_``), except ``wv``, named as in gensim. For step-by-step
training, see :mod:`.trainer` (``init_state``, ``train_steps``) and wrap the result with
:meth:`Word2Vec.from_state`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from typing import IO, Any

from explorer.models.vectors import Vectors
from explorer.models.word2vec.storage import load_state, save_state, state_to_bytes
from explorer.models.word2vec.trainer import (
    TrainState,
    Word2VecConfig,
    init_state,
    train_to_end,
)
from explorer.text.vocab import Vocabulary

__all__ = ["Word2Vec", "Word2VecConfig"]


class Word2Vec:
    """word2vec (CBOW or skip-gram; negative sampling, hierarchical or full softmax) in numpy.

    Args:
        **settings: any field of :class:`.Word2VecConfig` (``vector_size``,
            ``window``, ``min_count``, ``sg``, ``negative``, ``hs``, ``alpha``, ``min_alpha``,
            ``epochs``, ``batch_size``, ``sample``, ``max_vocab``, ``shrink_windows``, ``seed``).
            As in gensim, ``hs=1, negative=0`` trains with the hierarchical softmax.

    Attributes (after :meth:`fit`):
        wv: the learned input vectors, a :class:`~explorer.models.vectors.Vectors`.
        vocab_: the :class:`~explorer.text.vocab.Vocabulary`.
        state_: the final :class:`.TrainState` (``W``, ``W_out``, and
            with ``hs=1`` the Huffman ``tree``, ...).
        loss_history_: mean loss per prediction, one value per chunk (a tenth of an epoch).
    """

    def __init__(self, **settings: Any) -> None:
        self.config = Word2VecConfig(**settings)  # validates; unknown names are a TypeError

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The settings, as a dict (scikit-learn's convention)."""
        return asdict(self.config)

    def set_params(self, **settings: Any) -> Word2Vec:
        """Change settings (takes effect at the next :meth:`fit`)."""
        self.config = replace(self.config, **settings)
        return self

    def __repr__(self) -> str:
        defaults = asdict(Word2VecConfig())
        changed = {k: v for k, v in self.get_params().items() if defaults[k] != v}
        return f"Word2Vec({', '.join(f'{k}={v!r}' for k, v in changed.items())})"

    def fit(
        self,
        sentences: Sequence[Sequence[str]],
        progress: Callable[[float, str], None] | None = None,
    ) -> Word2Vec:
        """Build the vocabulary, train all epochs, and return ``self``.

        ``sentences`` is a list of token lists (see ``explorer.text.tokenize.tokenize``).
        ``progress(fraction, message)`` is called about ten times per epoch. Raises
        ``ValueError`` if fewer than two distinct words reach ``min_count``.
        """
        state = init_state(sentences, self.config)
        state, history = train_to_end(state, progress=progress)
        return self._set_learned(state, history)

    @classmethod
    def from_state(cls, state: TrainState, loss_history: Sequence[float] = ()) -> Word2Vec:
        """A model around a training state (finished or not), e.g. from ``train_steps``."""
        model = cls(**asdict(state.config))
        return model._set_learned(state, list(loss_history))

    def _set_learned(self, state: TrainState, history: list[float]) -> Word2Vec:
        self.config = state.config
        self.state_ = state
        self.vocab_: Vocabulary = state.vocab
        self.loss_history_ = history
        self.wv = Vectors(state.vocab.index_to_key, state.W, state.vocab.counts)
        return self

    def save(self, file: str | IO[bytes]) -> None:
        """Save to one ``.npz`` file (a path or a binary file object); see :mod:`.storage`."""
        save_state(self._fitted_state(), file, loss_history=self.loss_history_)

    def to_bytes(self) -> bytes:
        """The saved file's bytes (for a download button)."""
        return state_to_bytes(self._fitted_state(), loss_history=self.loss_history_)

    @classmethod
    def load(cls, file: str | bytes | IO[bytes]) -> Word2Vec:
        """Load a model saved by :meth:`save` (path, bytes or file object); training can go on."""
        state, history = load_state(file)
        return cls.from_state(state, history)

    def _fitted_state(self) -> TrainState:
        state = getattr(self, "state_", None)
        if state is None:
            raise ValueError("this model has not been trained yet: call fit() first")
        return state
