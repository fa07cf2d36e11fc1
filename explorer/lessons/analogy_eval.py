"""The Google analogy test (``questions-words.txt``), scored like gensim, fast enough to be live.

Usage:
    >>> from explorer.lessons.analogy_eval import load_analogies, evaluate
    >>> sections = load_analogies()              # gensim's copy: 14 sections, 19,544 questions
    >>> result = evaluate(model.wv, sections)    # 3CosAdd, like gensim
    >>> result.accuracy, result.asked, result.skipped
    >>> result.table()                           # one row per section (a pandas DataFrame)
    >>> result.shown_table()                     # the same, headed in the interface's language
    >>> evaluate(model.wv, sections, method="3cosmul").accuracy

Each line ``a b c d`` of the file asks: ``a`` is to ``b`` as ``c`` is to what? The answer is
the word closest to ``b - a + c`` (gensim's ``most_similar(positive=[b, c], negative=[a])``;
in :meth:`Vectors.analogy <explorer.models.vectors.Vectors.analogy>`'s terms ``analogy(b, a, c)``),
the three question words left out, searched among the first ``restrict_vocab`` words. The
question counts as correct when that word is ``d``. A question with a word outside those
first ``restrict_vocab`` words is *skipped*: counted, but not asked (gensim's default,
``dummy4unknown=False``). Accuracy is correct / asked, per section and overall.

Differences from ``KeyedVectors.evaluate_word_analogies``: ``restrict_vocab=None`` means the
whole vocabulary (gensim's default is 300,000 words, the same thing for the models here);
``method="3cosmul"`` is offered (Levy & Goldberg, 2014); and the questions are answered all
at once instead of one ``most_similar`` call each: one matrix product gives the cosines of the
question words with every word, and each question's scores combine three of its rows.
The 19,544 questions on a 30,000 x 300 vocabulary take 0.6 s on 2 cores (gensim: 38 s).
Words are matched case-insensitively as gensim does: a word of the questions stands for the
first (most frequent) vocabulary word of the same lowercase form; the other variants of the
three question words are left out of the answers, and any variant of ``d`` counts as right.

The file is read from gensim's installed test data, found without importing gensim.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np

from explorer.i18n import N_, _
from explorer.models.vectors import Vectors
from explorer.text.samples import gensim_test_data_dir

if TYPE_CHECKING:  # pandas is imported where it is used: importing this module stays light
    import pandas as pd

QUESTIONS_FILE = "questions-words.txt"

Question = tuple[str, str, str, str]
# Scores are computed for BATCH_QUESTIONS questions x BLOCK_COLUMNS words at a time: 2 MB,
# small enough to stay in the cache. Measured on 2 cores for the whole test on 30,000 x 300
# random vectors: 0.6 s (3CosMul too); one matrix product per batch of questions took 5 s.
BLOCK_COLUMNS = 2048
BATCH_QUESTIONS = 256
#: What :meth:`EvalResult.shown_table` calls the columns of ``table()`` and the two kinds.
SHOWN_NAMES = {
    "section": N_("section"),
    "kind": N_("kind"),
    "correct": N_("correct"),
    "asked": N_("asked"),
    "skipped": N_("skipped"),
    "accuracy": N_("accuracy"),
    "semantic": N_("semantic"),
    "syntactic": N_("syntactic"),
}


def default_path() -> Path:
    """gensim's copy of the Google analogy questions (``gensim/test/test_data``)."""
    return gensim_test_data_dir() / QUESTIONS_FILE


@dataclass(frozen=True)
class AnalogySection:
    """One section of the test, e.g. ``capital-common-countries``, with its questions."""

    name: str
    questions: list[Question] = field(default_factory=list)

    @property
    def kind(self) -> str:
        """``"syntactic"`` for the grammar sections (``gram1-...``), else ``"semantic"``."""
        return "syntactic" if self.name.startswith("gram") else "semantic"

    def __len__(self) -> int:
        return len(self.questions)


def load_analogies(
    path_or_text: str | Path | None = None, lowercase: bool = True
) -> list[AnalogySection]:
    """Read an analogy file: ``: section`` header lines, then ``a b c d`` lines.

    ``path_or_text``: a path, the file's text (anything with a line break or starting with
    ``": "``), or None for gensim's ``questions-words.txt``. Lines without exactly four words
    are ignored, as gensim does; a question before the first header is a ``ValueError``.
    Words are lowercased unless ``lowercase=False``.

    >>> [(s.name, s.questions) for s in load_analogies(": family\\nboy girl Man Woman\\n")]
    [('family', [('boy', 'girl', 'man', 'woman')])]
    """
    if path_or_text is None:
        path_or_text = default_path()
    if isinstance(path_or_text, Path) or not (
        "\n" in path_or_text or path_or_text.startswith(": ")
    ):
        text = Path(path_or_text).read_text(encoding="utf-8")
    else:
        text = path_or_text
    sections: list[AnalogySection] = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        if line.startswith(": "):
            sections.append(AnalogySection(line.lstrip(": ").strip()))
            continue
        words = line.split()
        if len(words) != 4:
            continue
        if not sections:
            raise ValueError(f"line {line_no}: a question before the first ': section' header")
        if lowercase:
            words = [w.lower() for w in words]
        sections[-1].questions.append(tuple(words))
    return sections


@dataclass(frozen=True)
class SectionResult:
    """How one section went.

    Attributes:
        name, kind: the section's name and ``"semantic"`` / ``"syntactic"``.
        correct: questions answered with ``d``; asked: questions answered at all.
        skipped: questions with a word outside the (restricted) vocabulary.
        questions: the section's questions; predicted: per question, the word found (None
            for a skipped one).
    """

    name: str
    kind: str
    correct: int
    asked: int
    skipped: int
    questions: list[Question] = field(repr=False)
    predicted: list[str | None] = field(repr=False)

    @property
    def accuracy(self) -> float:
        """correct / asked (NaN when nothing was asked)."""
        return self.correct / self.asked if self.asked else math.nan


@dataclass(frozen=True)
class EvalResult:
    """The sections' results; overall figures sum them (``accuracy`` is gensim's total)."""

    sections: list[SectionResult]
    method: str
    restrict_vocab: int

    @property
    def correct(self) -> int:
        return sum(s.correct for s in self.sections)

    @property
    def asked(self) -> int:
        return sum(s.asked for s in self.sections)

    @property
    def skipped(self) -> int:
        return sum(s.skipped for s in self.sections)

    @property
    def accuracy(self) -> float:
        """All correct answers / all questions asked (NaN when nothing was asked)."""
        return self.correct / self.asked if self.asked else math.nan

    def table(self) -> pd.DataFrame:
        """One row per section: section, kind, correct, asked, skipped, accuracy."""
        import pandas as pd

        return pd.DataFrame(
            [(s.name, s.kind, s.correct, s.asked, s.skipped, s.accuracy) for s in self.sections],
            columns=["section", "kind", "correct", "asked", "skipped", "accuracy"],
        )

    def shown_table(self) -> pd.DataFrame:
        """:meth:`table` for a reader: its headers and kinds in the interface's language."""
        frame = self.table()
        frame["kind"] = frame["kind"].map(lambda kind: _(SHOWN_NAMES[kind]))
        return frame.rename(columns={c: _(SHOWN_NAMES[c]) for c in frame.columns})

    def by_kind(self) -> pd.DataFrame:
        """Semantic and syntactic sections pooled: kind, correct, asked, skipped, accuracy."""
        frame = self.table().groupby("kind", sort=False)[["correct", "asked", "skipped"]].sum()
        frame["accuracy"] = frame["correct"] / frame["asked"].where(frame["asked"] > 0)
        return frame.reset_index()

    def examples(self, section: str, n: int = 10) -> pd.DataFrame:
        """The first ``n`` asked questions of ``section`` with the word found for each."""
        import pandas as pd

        result = next((s for s in self.sections if s.name == section), None)
        if result is None:
            raise KeyError(f"no section called {section!r}")
        rows = [
            (*q, p, p == q[3])
            for q, p in zip(result.questions, result.predicted, strict=True)
            if p is not None
        ]
        return pd.DataFrame(rows[:n], columns=["a", "b", "c", "expected", "found", "correct"])


def _lookup(
    wv: Vectors, restrict: int, case_insensitive: bool
) -> tuple[dict[str, int], np.ndarray, list[list[int]]]:
    """How words map to rows, among the first ``restrict`` rows.

    Returns ``lookup`` (word -> row), ``canon`` (row -> the row standing for its form) and
    ``variants`` (row -> the other rows of its form, usually none). Case-insensitive, a
    lowercase form stands for its first (most frequent) variant, as in gensim, and finding
    any variant of ``d`` counts as correct (gensim compares uppercased words).
    """
    keys = wv.index_to_key[:restrict]
    forms = [k.lower() for k in keys] if case_insensitive else keys
    lookup: dict[str, int] = {}
    for row, form in enumerate(forms):
        lookup.setdefault(form, row)
    canon = np.array([lookup[form] for form in forms], dtype=np.int64)
    variants: list[list[int]] = [[] for _key in keys]
    for row in np.flatnonzero(canon != np.arange(len(keys))):
        variants[canon[row]].append(int(row))
    return lookup, canon, variants


def evaluate(
    wv: Vectors,
    sections: list[AnalogySection] | None = None,
    method: Literal["3cosadd", "3cosmul"] = "3cosadd",
    restrict_vocab: int | None = None,
    case_insensitive: bool = True,
) -> EvalResult:
    """Answer every question of ``sections`` (default: gensim's file) with ``wv``.

    ``method``: ``"3cosadd"`` ranks by ``cos(x, b) - cos(x, a) + cos(x, c)`` (up to scale,
    what gensim's ``most_similar`` does), ``"3cosmul"`` by ``cos'(x, b) cos'(x, c) /
    (cos'(x, a) + 1e-6)`` with ``cos' = (1 + cos) / 2``, as :meth:`Vectors.most_similar_cosmul`.
    ``restrict_vocab``: only the first (most frequent) words count, as questions and answers.
    """
    if method not in ("3cosadd", "3cosmul"):
        raise ValueError(f"method must be '3cosadd' or '3cosmul', got {method!r}")
    if sections is None:
        sections = load_analogies()
    restrict = len(wv) if restrict_vocab is None else min(int(restrict_vocab), len(wv))
    lookup, canon, variants = _lookup(wv, restrict, case_insensitive)
    ids, where = [], []  # the asked questions as rows of wv, and (section, question) of each
    for s, section in enumerate(sections):
        for q, question in enumerate(section.questions):
            words = [w.lower() for w in question] if case_insensitive else question
            rows = [lookup.get(w) for w in words]
            if None not in rows:
                ids.append(rows)
                where.append((s, q))
    ids_array = np.array(ids, dtype=np.int64).reshape(-1, 4)
    found = _answer(wv.unit_vectors[:restrict], ids_array, variants, method)
    predicted: list[list[str | None]] = [[None] * len(s.questions) for s in sections]
    correct = [0] * len(sections)
    for (s, q), row, answer in zip(where, ids_array, found, strict=True):
        predicted[s][q] = wv.index_to_key[answer]
        correct[s] += int(canon[answer] == row[3])
    results = [
        SectionResult(
            name=section.name,
            kind=section.kind,
            correct=correct[s],
            asked=sum(p is not None for p in predicted[s]),
            skipped=sum(p is None for p in predicted[s]),
            questions=section.questions,
            predicted=predicted[s],
        )
        for s, section in enumerate(sections)
    ]
    return EvalResult(results, method, restrict)


def _answer(
    units: np.ndarray, ids: np.ndarray, variants: list[list[int]], method: str
) -> np.ndarray:
    """The best row for each question ``ids[i] = (a, b, c, d)``; ``a``, ``b``, ``c`` and their
    case variants are left out.

    The questions use few distinct words (905 in gensim's file), so their cosines with the
    whole vocabulary are one matrix product, done a block of columns at a time; each
    question's scores are then sums (3CosAdd) or products (3CosMul) of three of its rows.
    Four times faster than one product per batch of questions, and the same ranking.
    """
    n_words, n_questions = len(units), len(ids)
    out = np.zeros(n_questions, dtype=np.int64)
    if n_questions == 0:
        return out
    distinct, local = np.unique(ids[:, :3], return_inverse=True)
    local = local.reshape(n_questions, 3)
    queries = units[distinct]
    # (question, row) pairs to leave out, sorted by question
    left_out = [(q, int(r)) for q, abc in enumerate(ids[:, :3]) for r in abc]
    left_out += [(q, v) for q, abc in enumerate(ids[:, :3]) for r in abc for v in variants[r]]
    left_out.sort()
    out_q, out_row = np.array(left_out, dtype=np.int64).T
    best = np.full(n_questions, -np.inf, dtype=np.float32)
    block, batch = BLOCK_COLUMNS, BATCH_QUESTIONS
    for c0 in range(0, n_words, block):
        sims = queries @ units[c0 : c0 + block].T  # (distinct words, block)
        if method == "3cosmul":
            sims += 1
            sims *= 0.5
        width = sims.shape[1]
        for q0 in range(0, n_questions, batch):
            a, b, c = local[q0 : q0 + batch].T
            if method == "3cosadd":
                # the normalised mean of gensim gives the same ranking as this plain sum
                scores = sims[b]
                scores -= sims[a]
                scores += sims[c]
            else:
                scores = sims[b]
                scores *= sims[c]
                scores /= sims[a] + 1e-6
            lo, hi = np.searchsorted(out_q, [q0, q0 + batch])
            cols = out_row[lo:hi] - c0
            inside = (cols >= 0) & (cols < width)
            scores[out_q[lo:hi][inside] - q0, cols[inside]] = -np.inf
            pick = scores.argmax(axis=1)
            value = scores[np.arange(len(pick)), pick]
            better = value > best[q0 : q0 + batch]  # strictly: ties keep the earlier row
            best[q0 : q0 + batch][better] = value[better]
            out[q0 : q0 + batch][better] = pick[better] + c0
    return out
