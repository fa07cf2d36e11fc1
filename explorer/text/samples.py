"""The corpora that ship with the app, and gensim's real Lee news corpus.

Usage:
    >>> from explorer.text.samples import SAMPLES, load_sample_text
    >>> [s.key for s in SAMPLES]
    ['english', 'chinese', 'japanese', 'lee']
    >>> text = load_sample_text("english")

The Lee corpus is read from gensim's installed test data, not copied into the repository.
Finding it does not import gensim (that import is slow and the app must start quickly).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from explorer.i18n import N_

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "sample_data"

# The example groups' names (shown through ``_``).
ANIMALS, ROYALTY, PEOPLE = N_("animals"), N_("royalty"), N_("people")
CAPITALS, COUNTRIES = N_("capitals"), N_("countries")
NUMBERS, TIME_SPANS, POLITICS = N_("numbers"), N_("time spans"), N_("politics")
CITIES, MIDDLE_EAST, BIN_LADEN = N_("cities"), N_("Middle East"), N_("bin Laden")


@dataclass(frozen=True)
class Sample:
    """A corpus the app offers in its sidebar.

    ``title`` and ``description`` are English, marked with ``N_``: show them through ``_``.
    The English title also names the corpus in shared links.
    """

    key: str
    title: str
    language: str
    description: str
    filename: str
    #: "bundled" files live in sample_data/; "gensim" ones in gensim's test data.
    source: str = "bundled"
    #: Words the live training page follows by default.
    track: tuple[str, ...] = ()
    #: An analogy a - b + c = d whose answer's rank the live page follows, if any.
    analogy: tuple[str, str, str, str] | None = None
    #: Groups of words this corpus teaches to end up together, ``(name, words)``, names
    #: ``N_``-marked: maps open on them (labelled, coloured by group).
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def example_words(self) -> tuple[str, ...]:
        """The groups' words, then the tracked words in no group: what a map shows first."""
        grouped = [w for _name, words in self.groups for w in words]
        return tuple(dict.fromkeys([*grouped, *self.track]))

    def group_of(self, word: str) -> str:
        """The (English, ``N_``-marked) name of ``word``'s group, or "" if it is in none."""
        return next((name for name, words in self.groups if word in words), "")

    @property
    def path(self) -> Path:
        if self.source == "gensim":
            return gensim_test_data_dir() / self.filename
        return SAMPLE_DIR / self.filename


SAMPLES: tuple[Sample, ...] = (
    Sample(
        "english",
        N_("English demo corpus"),
        "en",
        N_(
            "A few thousand sentences written for this app: animals and their young, kings "
            "and queens, verbs in three tenses, countries and capitals."
        ),
        "english.txt",
        track=("cat", "kitten", "dog", "puppy", "house", "king", "queen", "man", "woman"),
        analogy=("king", "man", "woman", "queen"),
        groups=(
            (ANIMALS, ("cat", "kitten", "dog", "puppy")),
            (ROYALTY, ("king", "queen", "prince", "princess")),
            (PEOPLE, ("man", "woman", "boy", "girl")),
            (CAPITALS, ("paris", "berlin", "tokyo", "rome")),
            (COUNTRIES, ("france", "germany", "japan", "china")),
        ),
    ),
    Sample(
        "chinese",
        N_("中文示例语料 (Chinese demo corpus)"),
        "zh",
        N_(
            "Sentences in the same spirit: 猫/小猫, 狗/小狗, 国王/王后, 男人/女人, "
            "countries and capitals. Segmented with jieba."
        ),
        "chinese.txt",
        track=("猫", "小猫", "狗", "小狗", "房子", "国王", "王后", "男人", "女人"),
        analogy=("国王", "男人", "女人", "王后"),
        groups=(
            (ANIMALS, ("猫", "小猫", "狗", "小狗")),
            (ROYALTY, ("国王", "王后", "王子", "公主")),
            (PEOPLE, ("男人", "女人", "男孩", "女孩")),
            (CAPITALS, ("北京", "巴黎", "东京", "柏林")),
            (COUNTRIES, ("中国", "法国", "日本", "德国")),
        ),
    ),
    Sample(
        "japanese",
        N_("日本語サンプル (Japanese demo corpus)"),
        "ja",
        N_("A smaller Japanese corpus: 猫/子猫, 犬/子犬, 王/女王. Segmented with janome."),
        "japanese.txt",
        track=("猫", "子猫", "犬", "子犬", "家", "王", "女王", "男", "女"),
        analogy=("王", "男", "女", "女王"),
        groups=(
            (ANIMALS, ("猫", "子猫", "犬", "子犬")),
            (ROYALTY, ("王", "女王", "王子", "王女")),
            (PEOPLE, ("男", "女", "男の子", "女の子")),
            (CAPITALS, ("パリ", "北京", "東京", "ローマ")),
            (COUNTRIES, ("フランス", "中国", "日本", "イタリア")),
        ),
    ),
    Sample(
        "lee",
        N_("Lee news corpus (real text)"),
        "en",
        N_(
            "About 300 real news articles from the Lee corpus, as shipped with gensim's test "
            "data. Real text: noisier and slower to learn than the demo corpus."
        ),
        "lee_background.cor",
        source="gensim",
        track=(
            "police",
            "government",
            "minister",
            "president",
            "australia",
            "israeli",
            "palestinian",
            "people",
            "world",
        ),
        # what the default model of this corpus really groups (checked by tests/test_samples)
        groups=(
            (NUMBERS, ("two", "three", "four", "eight", "10")),
            (TIME_SPANS, ("hours", "days", "weeks", "months", "years")),
            (POLITICS, ("prime", "minister", "foreign", "defence", "president")),
            (CITIES, ("sydney", "melbourne", "adelaide", "perth")),
            (MIDDLE_EAST, ("israeli", "palestinian")),
            (BIN_LADEN, ("osama", "bin", "laden")),
        ),
    ),
)

SAMPLES_BY_KEY = {s.key: s for s in SAMPLES}
DEFAULT_SAMPLE = "english"


def gensim_test_data_dir() -> Path:
    """Where gensim keeps its test corpora, found without importing gensim."""
    spec = importlib.util.find_spec("gensim")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("gensim is not installed, so its test corpora are unavailable.")
    return Path(next(iter(spec.submodule_search_locations))) / "test" / "test_data"


def get_sample(key: str) -> Sample:
    """The sample called ``key``; a KeyError names the ones that exist."""
    try:
        return SAMPLES_BY_KEY[key]
    except KeyError:
        known = ", ".join(SAMPLES_BY_KEY)
        raise KeyError(f"No sample corpus called {key!r}; choose one of: {known}.") from None


def available_samples() -> list[Sample]:
    """The samples whose file is present on this machine."""
    out = []
    for s in SAMPLES:
        try:
            if s.path.is_file():
                out.append(s)
        except FileNotFoundError:
            continue
    return out


def load_sample_text(key: str) -> str:
    """The text of a sample corpus (UTF-8)."""
    return get_sample(key).path.read_text(encoding="utf-8")


def load_lesson_sentences() -> list[str]:
    """The short example sentences the lessons use, one per line of ``lessons.txt``."""
    text = (SAMPLE_DIR / "lessons.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]
