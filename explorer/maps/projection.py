"""Maps of many vectors in 2D or 3D: PCA, axes defined by words, and a cache for them all.

Usage:
    >>> proj = pca(wv.vectors, n_components=2)
    >>> proj.coords.shape, proj.explained_variance       # share of the variance per axis
    ((1000, 2), array([0.12, 0.07]))
    >>> proj = word_axes(wv, x="woman - man", y="queen - king")
    >>> proj.axis_labels
    ['woman - man', 'queen - king']
    >>> proj = project(wv.vectors, "tsne", perplexity=30)  # cached by the vectors' content
    >>> rows = map_rows(wv.key_to_index, 300, extra=["puppy", "princess"])  # + rare examples
    >>> map_labels(wv.index_to_key[:300], 10, examples=["cat", "kitten"])  # no "the", "of"
    ['cat', 'kitten', 'people', 'old', 'dog', ...]

A ``Projection`` is what every method returns: the coordinates, the method and its
parameters, the explained variance (PCA only) and notes to show next to the map (such as
"perplexity lowered from 30 to 9: only 28 points").

Word axes: ``x = "woman - man"`` is the direction from *man* to *woman*; each word's
coordinate is its vector's projection on that direction, normalised to length 1
(``v . a / |a|``). The axes are **not** orthogonalised by default: then each coordinate
means exactly what was typed ("how far along woman - man"), which is what a learner reads
off the map. The price is that two similar directions (woman - man and queen - king are
both "female minus male") give an oblique picture squeezed along the diagonal; a note gives
the cosine between the axes when it is large. ``orthogonalise=True`` removes from y its
component along x (Gram-Schmidt), so that y shows what queen - king adds beyond
woman - man and the map is a true orthogonal projection onto the plane of the two axes.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from explorer.i18n import M_
from explorer.maps.pca import Projection, pca
from explorer.models.vectors import NotInVocabulary

if TYPE_CHECKING:
    from explorer.models.vectors import Vectors


# --- which words a map shows, and labels ----------------------------------------------------


def map_rows(key_to_index: Mapping[str, int], n: int, extra: Iterable[str] = ()) -> np.ndarray:
    """The rows of a map: the ``n`` most frequent words, then the ``extra`` words beyond them.

    Rows are numbered in frequency order (``Vectors.key_to_index``), so rows ``0..n-1`` are
    the ``n`` most frequent words; an ``extra`` word (a corpus's example, such as *puppy* at
    rank 400) that the vocabulary has but that is not among them is added after them, once,
    in the order given. Unknown extra words are left out.
    """
    n = max(0, min(int(n), len(key_to_index)))
    beyond = [i for w in dict.fromkeys(extra) if (i := key_to_index.get(w, -1)) >= n]
    return np.concatenate([np.arange(n), np.array(beyond, dtype=np.int64)]).astype(np.int64)


def map_labels(
    words: Sequence[str], n_top: int, examples: Iterable[str] = (), chosen: Iterable[str] = ()
) -> list[str]:
    """The words a map labels: its example and chosen words, and its ``n_top`` most frequent
    content words (``words`` in frequency order; function words such as *the* or 的 skipped:
    see ``explorer.text.function_words``). Each word once, examples first.
    """
    from explorer.text.function_words import content_words

    on_map = set(words)
    first = [w for w in [*examples, *chosen] if w in on_map]
    return list(dict.fromkeys([*first, *content_words(words, max(0, int(n_top)))]))


# --- PCA ------------------------------------------------------------------------------------


# --- axes defined by words -----------------------------------------------------------------


def parse_axis(spec: str) -> list[tuple[float, str]]:
    """``"woman - man"`` -> ``[(1, "woman"), (-1, "man")]``.

    Words are joined by ``+`` or ``-`` with spaces around them, so hyphenated words
    ("well-known") stay whole. A leading sign is allowed (``"- man"``).
    """
    terms: list[tuple[float, str]] = []
    sign: float | None = None
    for token in spec.split():
        if token in ("+", "-"):
            if sign is not None:
                break  # two operators in a row
            sign = 1.0 if token == "+" else -1.0
        elif terms and sign is None:
            break  # two words with no operator between them
        else:
            terms.append((1.0 if sign is None else sign, token))
            sign = None
    else:
        if terms and sign is None:
            return terms
    raise ValueError(
        M_("cannot read the axis {spec!r}: write words joined by ' + ' or ' - '").format(spec=spec)
    )


def axis_vector(vectors: Vectors, spec: str) -> np.ndarray:
    """The direction ``spec`` names (``"woman - man"``), of length 1.

    Raises ``KeyError`` for an unknown word and ``ValueError`` for a zero direction
    (``"man - man"``, or two words with the same vector), with messages to show a learner.
    """
    terms = parse_axis(spec)
    a = np.zeros(vectors.vector_size, dtype=np.float64)
    for sign, word in terms:
        if word not in vectors:
            raise NotInVocabulary(M_("{word!r} is not in the vocabulary", word=word))
        a += sign * vectors.get_vector(word)
    norm = np.linalg.norm(a)
    if norm == 0:
        raise ValueError(
            M_("the axis {spec!r} has no direction: its vectors cancel out").format(spec=spec)
        )
    return a / norm


def word_axes(
    vectors: Vectors,
    x: str,
    y: str,
    z: str | None = None,
    words: Sequence[str] | None = None,
    orthogonalise: bool = False,
) -> Projection:
    """Each word's coordinates on axes named by words: ``x="woman - man"`` and so on.

    ``words`` are the points of the map (default: every word). See the module docstring
    for what ``orthogonalise`` changes.
    """
    specs = [s for s in (x, y, z) if s is not None]
    axes = np.stack([axis_vector(vectors, s) for s in specs])
    notes = []
    for i in range(1, len(axes)):
        for j in range(i):
            cos = float(axes[i] @ axes[j])
            if abs(cos) >= 0.5 and not orthogonalise:
                note = M_("the axes {x!r} and {y!r} point in similar directions (cosine "
                         "{cos:.2f}): the map is squeezed along a diagonal")  # fmt: skip
                notes.append(note.format(x=specs[j], y=specs[i], cos=cos))
    if orthogonalise:
        axes = _gram_schmidt(axes, specs)
    rows = vectors.vectors if words is None else vectors[list(words)]
    coords = (np.asarray(rows, dtype=np.float64) @ axes.T).astype(np.float32)
    params = {"x": x, "y": y, "z": z, "orthogonalise": orthogonalise}
    return Projection(coords, "axes", params, None, notes, specs)


def _gram_schmidt(axes: np.ndarray, specs: list[str]) -> np.ndarray:
    out = []
    for a, spec in zip(axes, specs, strict=True):
        for b in out:
            a = a - (a @ b) * b
        norm = np.linalg.norm(a)
        if norm < 1e-6:
            raise ValueError(
                M_("the axis {spec!r} adds no new direction to the axes before it", spec=spec)
            )
        out.append(a / norm)
    return np.stack(out)


# --- one entry point, cached by content -------------------------------------------------------


def cache_key(X: np.ndarray, **params: Any) -> str:
    """A key for a projection of ``X``: a hash of its bytes, shape and dtype, and the params.

    The same content gives the same key whatever the array object; a single changed value
    gives another. Parameters that are arrays (a t-SNE ``init``) are hashed by content too.
    """
    h = hashlib.blake2b(digest_size=16)
    _hash_array(h, X)
    for name in sorted(params):
        value = params[name]
        h.update(name.encode())
        if isinstance(value, np.ndarray):
            _hash_array(h, value)
        else:
            h.update(repr(value).encode())
    return h.hexdigest()


def _hash_array(h: Any, a: np.ndarray) -> None:
    a = np.ascontiguousarray(a)
    h.update(f"{a.dtype.str}{a.shape}".encode())
    h.update(a.data)


_CACHE: OrderedDict[str, Projection] = OrderedDict()
CACHE_SIZE = 32


def project(X: np.ndarray, method: str = "pca", n_components: int = 2, **params: Any) -> Projection:
    """``pca`` or ``tsne`` of ``X``, remembered by content (the last ``CACHE_SIZE`` results).

    Returned coordinates are read-only, since they are shared with the cache. The texts of a
    result (axis titles, notes) are messages, translated when shown (``str``), so one result
    serves every language. (A small LRU of our own: ``functools.lru_cache`` cannot key a
    numpy array, and Streamlit's caches belong to ``app/``; the key is the array's content.)
    """
    key = cache_key(X, method=method, n_components=n_components, **params)
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    if method == "pca":
        result = pca(X, n_components, **params)
    elif method == "tsne":
        from explorer.maps.tsne import tsne

        result = tsne(X, n_components=n_components, **params)
    else:
        raise ValueError(f"method must be 'pca' or 'tsne', got {method!r}")
    result.coords.flags.writeable = False
    _CACHE[key] = result
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)
    return result


def clear_cache() -> None:
    _CACHE.clear()
