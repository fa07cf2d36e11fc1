"""One-hot codes as seed 003 tells them: ten characters, a sentence, and a whole article.

Usage:
    >>> vocab = CharacterVocab(TEN_CHARACTERS)          # 小普喜欢星海湾的朋友 -> ids 0..9
    >>> vocab.key_to_index["星"]
    4
    >>> sentence = vocab.encode("小普的朋友喜欢星海湾")
    >>> sentence.ids                                     # the sentence as a list of ids
    [0, 1, 7, 8, 9, 2, 3, 4, 5, 6]
    >>> vocab.one_hot(sentence.ids).shape               # one row per character, 10 columns
    (10, 10)
    >>> vocab.encode("小普爱大海").unknown               # no id: not one of the ten
    ['爱', '大']
    >>> cost = OneHotCost()                               # 100万 characters x 10万 columns
    >>> cost.cells, cost.gigabytes, cost.shrink_factor
    (100000000000, 400.0, 5000.0)

The seed pretends Chinese has only ten characters, numbers them 0-9 and writes a sentence
first as a list of ids, then as a one-hot matrix: one row per character, a single 1 in the
column of its id. For a real text (an article of 100万 characters over 10万 possible ones)
that matrix has 10^11 cells, all but one per row zero; an embedding layer reads the row of W
for each id instead, which is the same result without the matrix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from explorer.i18n import _
from explorer.lessons.embedding_layer import lookup_cost

#: Seed 003's whole "language": ten characters, numbered 0-9 in this order.
TEN_CHARACTERS = "小普喜欢星海湾的朋友"
#: A sentence made of the ten (小普's friends like 星海湾), all ten in a new order.
TEN_CHARACTER_SENTENCE = "小普的朋友喜欢星海湾"


@dataclass(frozen=True)
class Encoded:
    """A text cut into characters: those with an id, their ids, and the ones without."""

    chars: list[str]
    ids: list[int]
    unknown: list[str]

    def unknown_note(self) -> str:
        """Why the ``unknown`` characters are missing from the ids, said for a reader."""
        return _(
            "Not in the vocabulary, so no id and no one-hot row: {chars}. A real vocabulary "
            "gives every character its own id, or the id of <unk> for the ones it never saw."
        ).format(chars=" ".join(self.unknown))


@dataclass(frozen=True)
class CharacterVocab:
    """A vocabulary of single characters, numbered in the order given (0, 1, 2, ...)."""

    chars: str

    @property
    def key_to_index(self) -> dict[str, int]:
        return {c: i for i, c in enumerate(self.chars)}

    def __len__(self) -> int:
        return len(self.chars)

    def encode(self, text: str) -> Encoded:
        """The characters of ``text`` that have an id, with their ids; spaces are skipped.

        Any other character is listed once in ``unknown``: it has no id, so no one-hot row.
        """
        index = self.key_to_index
        kept = [c for c in text if c in index]
        unknown = [c for c in dict.fromkeys(text) if c not in index and not c.isspace()]
        return Encoded(kept, [index[c] for c in kept], unknown)

    def one_hot(self, ids: Sequence[int]) -> np.ndarray:
        """``len(ids) x V`` zeros with a 1 in column ``id`` of each row."""
        return (np.asarray(ids, dtype=np.int64)[:, None] == np.arange(len(self))).astype(int)

    def ids_table(self) -> pd.DataFrame:
        """One row, ``id``: each character's id under it."""
        return pd.DataFrame([range(len(self))], columns=list(self.chars), index=["id"])

    def one_hot_table(self, text: str) -> pd.DataFrame:
        """The one-hot matrix of ``text`` with its characters as rows, "id char" as columns."""
        sentence = self.encode(text)
        rows = [f"{i + 1} · {c}" for i, c in enumerate(sentence.chars)]
        columns = [f"{i} {c}" for i, c in enumerate(self.chars)]
        return pd.DataFrame(self.one_hot(sentence.ids), index=rows, columns=columns)


def wan(n: int) -> str:
    """``n`` counted in 万 (10,000) as the seed writes it: 1,000,000 -> "100万"."""
    return f"{n // 10_000:,}万" if n % 10_000 == 0 and n >= 10_000 else f"{n:,}"


@dataclass(frozen=True)
class OneHotCost:
    """The seed's arithmetic for one-hot coding a whole article (defaults: the seed's sizes).

    ``n_tokens`` characters of text (100万), ``vocab_size`` possible characters (10万),
    ``distinct`` characters that really occur (1万), ``dim`` columns of the embedding matrix
    (the seed's 10万 x 20), numbers stored as float32 (``bytes_per_number`` = 4).
    """

    n_tokens: int = 1_000_000
    vocab_size: int = 100_000
    dim: int = 20
    distinct: int = 10_000
    bytes_per_number: int = 4

    @property
    def cells(self) -> int:
        """Numbers in the one-hot matrix: 100万 x 10万 = 10^11."""
        return self.n_tokens * self.vocab_size

    @property
    def zeros(self) -> int:
        """All of them but one 1 per row."""
        return self.cells - self.n_tokens

    @property
    def repeated_rows_cells(self) -> int:
        """What the seed calls wasted: the rows of repeated characters, 99万 x 10万."""
        return (self.n_tokens - self.distinct) * self.vocab_size

    @property
    def bytes(self) -> int:
        return self.cells * self.bytes_per_number

    @property
    def gigabytes(self) -> float:
        """Decimal gigabytes (10^9 bytes): 400 GB for the seed's matrix."""
        return self.bytes / 1e9

    @property
    def gibibytes(self) -> float:
        """Binary gigabytes (2^30 bytes), as an operating system reports memory."""
        return self.bytes / 2**30

    @property
    def shrink_factor(self) -> float:
        """(100万 x 10万) / (100万 x 20) = 10万 / 20 = 5,000, the seed's "5000倍"."""
        return self.vocab_size / self.dim

    @property
    def multiplications(self) -> int:
        """One-hot (n x V) times W (V x d): n V d multiplications; the lookup needs none."""
        return lookup_cost(self.n_tokens, self.vocab_size, self.dim)["one_hot_multiplications"]

    def describe(self) -> str:
        """The explosion in one paragraph, with the seed's numbers (also in 万)."""
        n, V = self.n_tokens, self.vocab_size
        return _(
            "For a real text it explodes: an article of {n:,} characters ({n_wan}) over {V:,} "
            "possible ones ({V_wan}) is a {n:,} × {V:,} one-hot matrix: {cells:,} numbers, "
            "{gb:,.0f} GB as float32 ({gib:,.1f} GiB), of which {zeros:,} are zeros. The article "
            "counts the rows of repeated characters as the waste ({wasted:,} numbers, {r_wan} × "
            "{V_wan}); the zeros are more still. A lookup stores the ids instead."
        ).format(
            n=n, n_wan=wan(n), V=V, V_wan=wan(V), cells=self.cells, gb=self.gigabytes,
            gib=self.gibibytes, zeros=self.zeros, wasted=self.repeated_rows_cells,
            r_wan=wan(n - self.distinct),
        )  # fmt: skip

    def describe_shrink(self) -> str:
        """The seed's "降了10W/20=5000倍": one-hot times W shrinks n x V to n x d."""
        n, V, d = wan(self.n_tokens), wan(self.vocab_size), self.dim
        return _(
            "At the article's scale, {n} × {V} times {V} × {d} gives {n} × {d}: "
            "{factor:,.0f} times fewer numbers ({V} / {d})."
        ).format(n=n, V=V, d=d, factor=self.shrink_factor)

    def table(self) -> pd.DataFrame:
        """One-hot x W against a row lookup, the seed's sizes written out, ready to show."""
        c = lookup_cost(self.n_tokens, self.vocab_size, self.dim, self.bytes_per_number)
        n, V, d = self.n_tokens, self.vocab_size, self.dim
        ids_bytes = n * 4  # int32 ids
        return pd.DataFrame(
            {
                _("one-hot × W"): [
                    f"{n:,} × {V:,}",
                    _("{n:,} ({gb:,.0f} GB)").format(n=self.cells, gb=self.gigabytes),
                    f"{c['one_hot_multiplications']:,}",
                    _("{n:,} × {d} ({mb:,.0f} MB)").format(n=n, d=d, mb=c["result_bytes"] / 1e6),
                ],
                _("row lookup"): [
                    _("{n:,} ids").format(n=n),
                    _("{n:,} ids ({mb:,.0f} MB) + W {V:,} × {d} ({wmb:,.0f} MB)").format(
                        n=n, mb=ids_bytes / 1e6, V=V, d=d, wmb=c["W_bytes"] / 1e6
                    ),
                    "0",
                    _("the same {n:,} × {d}").format(n=n, d=d),
                ],
            },
            index=[
                _("what goes in"),
                _("numbers stored (float32)"),
                _("multiplications"),
                _("what comes out"),
            ],
        )
