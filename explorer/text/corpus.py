"""A corpus ready to explore: its sentences of tokens, vocabulary and summary figures.

Usage:
    >>> corpus = Corpus.from_text("The cat sat. The dog ran.", name="tiny")
    >>> corpus.n_sentences, corpus.n_tokens, len(corpus.vocab)
    (2, 6, 5)
    >>> corpus.frequency_table().head(1)  # rank, word, count, share
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from explorer.i18n import M_, N_, Message
from explorer.text.tokenize import detect_script, tokenize
from explorer.text.vocab import Vocabulary

if TYPE_CHECKING:
    import pandas as pd

#: How the text is cut into words, by script (English: show them through ``_``).
SCRIPT_NAMES = {
    "latin": N_("Spaced words"),  # English and every script written with spaces
    "zh": N_("Chinese"),
    "ja": N_("Japanese"),
    "mixed": N_("mixed scripts"),
    "other": N_("other script"),
}


@dataclass(frozen=True)
class Corpus:
    """Tokenized text plus what the app shows about it. Read-only once built."""

    name: str | Message  # a message for several uploaded files ("a.txt + 2 more")
    sentences: list[list[str]]
    vocab: Vocabulary
    script: str
    encoding: str = "utf-8"

    @classmethod
    def from_text(cls, text: str, name: str, encoding: str = "utf-8") -> Corpus:
        """Tokenize ``text`` and count every word (``min_count=1``: nothing hidden here)."""
        sentences = tokenize(text)
        return cls(
            name=name,
            sentences=sentences,
            vocab=Vocabulary.build(sentences, min_count=1),
            script=detect_script(text[:20000]),
            encoding=encoding,
        )

    @property
    def n_sentences(self) -> int:
        return len(self.sentences)

    @property
    def n_tokens(self) -> int:
        return int(self.vocab.counts.sum())

    @property
    def script_name(self) -> Message:
        """The script's name, translated when shown (``str``)."""
        return M_(SCRIPT_NAMES.get(self.script, self.script))

    def frequency_table(self) -> pd.DataFrame:
        """One row a word, most frequent first: rank, word, count, share of all tokens."""
        import pandas as pd

        counts = self.vocab.counts
        total = max(int(counts.sum()), 1)
        return pd.DataFrame(
            {
                "rank": np.arange(1, len(counts) + 1),
                "word": self.vocab.index_to_key,
                "count": counts,
                "share": counts / total,
            }
        )
