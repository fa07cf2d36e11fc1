"""Embedding Explorer: the library behind the app.

Everything here is plain Python, numpy and friends, usable from a notebook:

    >>> from explorer import Word2Vec
    >>> from explorer.text.tokenize import tokenize
    >>> model = Word2Vec(vector_size=16, min_count=1, epochs=5).fit(tokenize(text))
    >>> model.wv.most_similar("cat", topn=3)

Names are resolved lazily so that importing :mod:`explorer` stays cheap (the app must
start quickly; heavy libraries load where they are used).
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {
    "Word2Vec": "explorer.models.word2vec.model",
    "Vectors": "explorer.models.vectors",
    "Vocabulary": "explorer.text.vocab",
    "tokenize": "explorer.text.tokenize",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'explorer' has no attribute {name!r}")
