"""Word segmenters for scripts written without spaces between words.

Usage:
    >>> segment_chinese("我喜欢学习数学")
    ['我', '喜欢', '学习', '数学']
    >>> segment_japanese("私は猫が好きです")
    ['私', 'は', '猫', 'が', '好き', 'です']
    >>> segment_characters("สวัสดี")
    ['ส', 'วั', 'ส', 'ดี']

- Chinese: jieba's default (accurate) mode with its HMM for unknown words.
- Japanese: janome, a pure-Python morphological analyser, in ``wakati`` (surface forms
  only) mode.
- Anything else (Thai, Lao, Khmer, Myanmar, Tibetan...): no dictionary ships for these,
  so each user-perceived character is a token, approximated as a base character plus
  the combining marks after it (vowel signs, tone marks). Embeddings then describe
  characters rather than words, which the app says next to the result.

jieba and janome take most of a second to import and load their dictionaries, so each
loads on first use only, once per process. Tokens that are only punctuation or spaces
are dropped by every segmenter.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable
from typing import Any

# Streamlit runs sessions in threads: without the lock two first uploads at once would
# both pay for loading the same dictionary.
_LOCK = threading.Lock()
_LOADED: dict[str, Any] = {}


def _load(name: str, loader: Callable[[], Any]) -> Any:
    if name not in _LOADED:
        with _LOCK:
            if name not in _LOADED:
                _LOADED[name] = loader()
    return _LOADED[name]


def _load_jieba() -> Any:
    import jieba

    # jieba announces its dictionary loading on stderr; that is noise in the app's log.
    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba


def _load_janome() -> Any:
    from janome.tokenizer import Tokenizer

    return Tokenizer(wakati=True)


def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def segment_chinese(text: str) -> list[str]:
    """Split Chinese ``text`` into words with jieba.

    >>> segment_chinese("深度学习，很有趣")
    ['深度', '学习', '很', '有趣']
    """
    jieba = _load("jieba", _load_jieba)
    return [w for w in jieba.lcut(text) if _is_word(w)]


def segment_japanese(text: str) -> list[str]:
    """Split Japanese ``text`` into words with janome.

    >>> segment_japanese("今日はいい天気ですね。")
    ['今日', 'は', 'いい', '天気', 'です', 'ね']
    """
    tokenizer = _load("janome", _load_janome)
    return [w for w in tokenizer.tokenize(text) if _is_word(w)]


def segment_characters(text: str) -> list[str]:
    """Split ``text`` into characters, each with its combining marks (the fallback).

    >>> segment_characters("ภาษาไทย")
    ['ภ', 'า', 'ษ', 'า', 'ไ', 'ท', 'ย']
    """
    clusters: list[str] = []
    for ch in text:
        if clusters and unicodedata.category(ch)[0] == "M":
            clusters[-1] += ch
        else:
            clusters.append(ch)
    return [c for c in clusters if _is_word(c)]
