"""Word vectors and the questions asked of them, like gensim's ``KeyedVectors``.

Usage:
    >>> wv = Vectors(["king", "queen", "man", "woman"],
    ...              np.array([[1, 1, 0], [1, 0, 1], [0, 1, 0], [0, 0, 1]], dtype=np.float32))
    >>> wv["queen"].shape, "king" in wv, len(wv)
    ((3,), True, 4)
    >>> wv.analogy("king", "man", "woman")[0][0]     # king - man + woman
    'queen'
    >>> [(w, round(s, 3)) for w, s in wv.most_similar("king", topn=2)]  # not king itself
    [('man', 0.707), ('queen', 0.5)]

Similarities are cosines. A zero vector (a word that never moved) has cosine 0 with
everything, never NaN. Unknown words raise ``KeyError("'xyzzy' is not in the vocabulary")``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import Any, Literal

import numpy as np

from explorer.i18n import M_


class NotInVocabulary(KeyError):
    """A word the vectors do not have; ``str(error)`` is its message (translated when shown).

    A plain ``KeyError`` would show the ``repr`` of its message.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else super().__str__()


def unit_rows(X: np.ndarray) -> np.ndarray:
    """``X``'s rows scaled to length 1; zero rows stay zero. The one normalising helper
    (cosines, cosine t-SNE and k-means, analogies and sense separation all use it)."""
    norms = np.linalg.norm(X, axis=-1, keepdims=True)
    return X / np.where(norms > 0, norms, 1)

Query = str | np.ndarray


class Vectors:
    """``len(index_to_key)`` word vectors: ``vectors[i]`` is the vector of ``index_to_key[i]``.

    Args:
        index_to_key: the words, in row order.
        vectors: a ``(len(index_to_key), d)`` array (kept as float32, not copied if already).
        counts: optional word counts, aligned with ``index_to_key``.
    """

    def __init__(
        self,
        index_to_key: Sequence[str],
        vectors: np.ndarray,
        counts: np.ndarray | None = None,
    ) -> None:
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or len(vectors) != len(index_to_key):
            raise ValueError(
                f"need one vector per word: {len(index_to_key)} words, vectors {vectors.shape}"
            )
        self.index_to_key: list[str] = list(index_to_key)
        self.key_to_index: dict[str, int] = {w: i for i, w in enumerate(self.index_to_key)}
        if len(self.key_to_index) != len(self.index_to_key):
            raise ValueError("the words must be distinct")
        self.vectors = vectors
        self.counts = None if counts is None else np.asarray(counts, dtype=np.int64)

    # --- the mapping ---------------------------------------------------------------------

    @property
    def vector_size(self) -> int:
        return self.vectors.shape[1]

    def __len__(self) -> int:
        return len(self.index_to_key)

    def __contains__(self, word: object) -> bool:
        return word in self.key_to_index

    def __iter__(self):
        return iter(self.index_to_key)

    def __repr__(self) -> str:
        return f"Vectors({len(self)} words, vector_size={self.vector_size})"

    def get_index(self, word: str) -> int:
        """The row of ``word``; ``KeyError`` with a readable message if it is unknown."""
        try:
            return self.key_to_index[word]
        except KeyError:
            raise NotInVocabulary(M_("{word!r} is not in the vocabulary", word=word)) from None

    def get_vector(self, word: str, norm: bool = False) -> np.ndarray:
        """The vector of ``word`` (unit length if ``norm``; a zero vector stays zero)."""
        i = self.get_index(word)
        return self.unit_vectors[i] if norm else self.vectors[i]

    def __getitem__(self, words: str | Iterable[str]) -> np.ndarray:
        """``wv["cat"]`` is a vector, ``wv[["cat", "dog"]]`` a 2D array of them."""
        if isinstance(words, str):
            return self.get_vector(words)
        return np.stack([self.get_vector(w) for w in words])

    @cached_property
    def norms(self) -> np.ndarray:
        return np.linalg.norm(self.vectors, axis=1)

    @cached_property
    def unit_vectors(self) -> np.ndarray:
        """The vectors scaled to length 1 (zero vectors stay zero)."""
        return unit_rows(self.vectors)

    # --- similarities --------------------------------------------------------------------

    def similarity(self, w1: str, w2: str) -> float:
        """Cosine similarity of two words."""
        return float(self.get_vector(w1, norm=True) @ self.get_vector(w2, norm=True))

    def cosines(self, query: Query) -> np.ndarray:
        """Cosine of ``query`` (a word or a vector) with every word."""
        return self.unit_vectors @ self._unit(query)

    def most_similar(
        self,
        positive: Query | Sequence[Query] = (),
        negative: Query | Sequence[Query] = (),
        topn: int = 10,
    ) -> list[tuple[str, float]]:
        """The ``topn`` words closest to the mean of the ``positive`` minus ``negative`` words.

        As gensim: each query word's unit vector counts +1 (positive) or -1 (negative), the
        mean is normalised, words are ranked by cosine with it, and the query words are left
        out. A single word (or vector) may be given instead of a list.
        """
        positive, negative = _as_list(positive), _as_list(negative)
        if not positive and not negative:
            raise ValueError("most_similar needs at least one word")
        mean = np.sum([self._unit(q) for q in positive], axis=0) - np.sum(
            [self._unit(q) for q in negative], axis=0
        )
        return self._top(self.unit_vectors @ _normalise(mean), positive + negative, topn)

    def most_similar_cosmul(
        self,
        positive: Query | Sequence[Query] = (),
        negative: Query | Sequence[Query] = (),
        topn: int = 10,
    ) -> list[tuple[str, float]]:
        """3CosMul (Levy & Goldberg, 2014): ``prod(pos sims) / (prod(neg sims) + 1e-6)``.

        Cosines are first shifted to ``[0, 1]`` with ``(1 + cos) / 2``, as gensim does.
        """
        positive, negative = _as_list(positive), _as_list(negative)
        if not positive:
            raise ValueError("most_similar_cosmul needs at least one positive word")
        pos = [(1 + self.cosines(q)) / 2 for q in positive]
        neg = [(1 + self.cosines(q)) / 2 for q in negative]
        scores = np.prod(pos, axis=0) / (np.prod(neg, axis=0) + 1e-6)
        return self._top(scores, positive + negative, topn)

    def analogy(
        self,
        a: str,
        b: str,
        c: str,
        topn: int = 5,
        method: Literal["3cosadd", "3cosmul"] = "3cosadd",
    ) -> list[tuple[str, float]]:
        """``a - b + c``: "``b`` is to ``a`` as ``c`` is to ?" (``king - man + woman -> queen``)."""
        if method == "3cosadd":
            return self.most_similar(positive=[a, c], negative=[b], topn=topn)
        if method == "3cosmul":
            return self.most_similar_cosmul(positive=[a, c], negative=[b], topn=topn)
        raise ValueError(f"method must be '3cosadd' or '3cosmul', got {method!r}")

    def doesnt_match(self, words: Sequence[str]) -> str:
        """The word furthest from the mean of ``words`` (gensim's odd-one-out)."""
        words = list(words)
        if not words:
            raise ValueError("doesnt_match needs at least one word")
        units = np.stack([self.get_vector(w, norm=True) for w in words])
        return words[int(np.argmin(units @ _normalise(units.mean(axis=0))))]

    def rank(self, word1: str, word2: str) -> int:
        """Where ``word2`` comes among the neighbours of ``word1`` (1 = the closest).

        As gensim's ``rank``: 1 + the number of other words strictly closer to ``word1``.
        """
        cos = self.cosines(word1)
        i, j = self.get_index(word1), self.get_index(word2)
        closer = cos > cos[j]
        closer[i] = False
        return int(closer.sum()) + 1

    # --- gensim --------------------------------------------------------------------------

    def to_gensim(self) -> Any:
        """The same vectors as a ``gensim.models.KeyedVectors`` (counts kept as ``count``)."""
        from gensim.models import KeyedVectors  # gensim loads slowly: only when asked

        kv = KeyedVectors(self.vector_size, count=0, dtype=np.float32)
        kv.add_vectors(self.index_to_key, self.vectors)
        if self.counts is not None:
            # (add_vectors' own ``extras`` argument is broken in gensim 4.4: it iterates a dict)
            kv.allocate_vecattrs(attrs=["count"], types=[np.int64])
            kv.expandos["count"][:] = self.counts
        return kv

    @classmethod
    def from_gensim(cls, kv: Any) -> Vectors:
        """Vectors from a gensim ``KeyedVectors`` (or a model with ``.wv``); values copied."""
        kv = getattr(kv, "wv", kv)
        counts = kv.expandos.get("count") if hasattr(kv, "expandos") else None
        return cls(list(kv.index_to_key), np.array(kv.vectors, dtype=np.float32), counts)

    # --- helpers -------------------------------------------------------------------------

    def _unit(self, query: Query) -> np.ndarray:
        if isinstance(query, str):
            return self.get_vector(query, norm=True)
        query = np.asarray(query, dtype=np.float32)
        if query.shape != (self.vector_size,):
            raise ValueError(f"a query vector needs shape ({self.vector_size},)")
        return _normalise(query)

    def _top(self, scores: np.ndarray, queries: list[Query], topn: int) -> list[tuple[str, float]]:
        """The ``topn`` best-scored words, the query words left out."""
        if topn < 1:
            return []
        excluded = {self.key_to_index[q] for q in queries if isinstance(q, str)}
        k = min(len(scores), topn + len(excluded))
        best = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        # argpartition does not sort; a stable sort on the few keeps ties in row order
        best = best[np.lexsort((best, -scores[best]))]
        picked = [i for i in best if i not in excluded][:topn]
        return [(self.index_to_key[i], float(scores[i])) for i in picked]


def _as_list(queries: Query | Sequence[Query]) -> list[Query]:
    if isinstance(queries, (str, np.ndarray)):
        return [queries]
    return list(queries)


def _normalise(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v
