"""Turn raw text into sentences of tokens, the input word2vec learns from.

Usage:
    >>> text = "The cat's well-known. 我喜欢 deep learning！私はPythonが好きです。"
    >>> tokenize(text)  # doctest: +NORMALIZE_WHITESPACE
    [['the', "cat's", 'well-known'], ['我', '喜欢', 'deep', 'learning'],
     ['私', 'は', 'python', 'が', '好き', 'です']]

Sentences (:func:`split_sentences`):
    A line break always ends a sentence (like gensim's ``LineSentence``), and so do
    ``. ! ? ;`` and their CJK forms ``。！？；``, along with Hindi, Arabic, Myanmar... stops.
    An ASCII mark followed by a letter or digit doesn't ("3.14", "example.com"), an
    ellipsis doesn't, and a full stop after a common abbreviation ("Dr.", "e.g.") or an
    initial ("J. K. Rowling") doesn't. Closing quotes and brackets stay with their sentence.

Words (:func:`tokenize_sentence`), for space-separated scripts (Latin, Cyrillic, Greek,
Hangul, Arabic, Devanagari...):
    - Unicode NFKC first (full-width "Ｗｏｒｄ２" becomes "Word2"), then lowercase.
    - Punctuation and symbols are dropped, underscores too.
    - Curly apostrophes become ``'``. An apostrophe inside a word keeps it whole
      ("don't", "cat's", "o'clock"); one at either end is a quote and is dropped
      ("students'" gives "students").
    - A hyphen inside a word keeps it whole ("well-known", "covid-19"); dashes ("--",
      "–", "—") separate words.
    - Numbers are tokens: "3.14" stays, thousands separators go ("1,000" gives "1000").
    - Dotted abbreviations are one token without the last dot ("U.S." gives "u.s").

Scripts written without spaces: each sentence is cut into runs of one script, and
every run goes to its own tokenizer (see :mod:`explorer.text.segment`), so "我喜欢 deep
learning" mixes jieba's words with English ones. Han characters go to jieba (Chinese),
unless the sentence contains hiragana or katakana: then Han and kana go to janome
(Japanese). Thai, Lao, Khmer, Myanmar and Tibetan fall back to one token per character.
jieba and janome are imported only when a sentence needs them.
"""

from __future__ import annotations

import re
import unicodedata

# Ideographs (with the iteration mark 々 and ideographic zero 〇), kana (without the
# middle dot ・, which is punctuation), and scripts that need the character fallback.
_HAN = "\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff" + (
    "\U00020000-\U0003134f"
)
_KANA = "\u3041-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_UNSPACED_OTHER = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u0f00-\u0fff"  # Tibetan
    "\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f"  # Myanmar
    "\u1780-\u17ff\u19e0-\u19ff"  # Khmer
    "\u1950-\u19df\u1a20-\u1aaf\uaa80-\uaadf"  # Tai Le, New Tai Lue, Tai Tham, Tai Viet
)
# Python's \w has letters but not the combining marks that Indic, Arabic and Hebrew
# words are full of, nor the zero-width joiners Persian needs; without these "हिन्दी"
# would fall apart. The Indic blocks go in whole, minus the dandas (full stops).
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0963\u0966-\u0dff\u1ab0-\u1aff\u1dc0-\u1dff\u200c\u200d\u20d0-\u20ff"
    "\ufe20-\ufe2f"
)
_W = rf"[\w{_MARKS}]"

_LATIN_TOKEN = re.compile(
    rf"""
    \d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?!{_W})   # 1,000 and 12,345.6
    | \d+(?:\.\d+)+(?!{_W})                   # 3.14
    | [^\W\d_](?:\.[^\W\d_])+\.?(?!{_W})      # u.s. and e.g.
    | {_W}+(?:['\-]{_W}+)*                    # words: don't, well-known
    """,
    re.VERBOSE,
)
_CHAR_FIXES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u2010": "-",  # NFKC turns the non-breaking hyphen into this one
        "_": " ",
        "\u00ad": None,  # soft hyphen: invisible, only a line-breaking hint
        "\u200b": " ",  # zero-width space: a word break in Thai and Khmer text
    }
)
_NEEDS_SEGMENTER = re.compile(f"[{_HAN}{_KANA}{_UNSPACED_OTHER}]")
_HAS_KANA = re.compile(f"[{_KANA}]")
_RUNS = re.compile(
    f"(?P<cjk>[{_HAN}{_KANA}]+)|(?P<other>[{_UNSPACED_OTHER}]+)"
    f"|(?P<spaced>[^{_HAN}{_KANA}{_UNSPACED_OTHER}]+)"
)

_STRONG_STOPS = "。！？；｡．।॥؟۔։።။។"
_CLOSERS = "\"'”’」』）)]》〉»›"
_SENTENCE_END = re.compile(f"[.!?;{_STRONG_STOPS}]+[{re.escape(_CLOSERS)}]*")
_WORD_BEFORE = re.compile(r"(\w+(?:\.\w+)*)$")
# Left out on purpose: "no" and "etc", which end sentences as often as not.
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "mt", "inc", "ltd", "co", "corp"}
    | {"dept", "gen", "gov", "sen", "rep", "rev", "capt", "lt", "col", "sgt", "fig", "approx"}
    | {"jan", "feb", "aug", "sep", "sept", "oct", "nov", "dec"}
)


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences, stripped, empty ones dropped.

    >>> split_sentences("Pi is 3.14. Dr. Smith agrees!\\n你好。再见")
    ['Pi is 3.14.', 'Dr. Smith agrees!', '你好。', '再见']
    """
    sentences: list[str] = []
    for line in text.splitlines():
        start = 0
        for m in _SENTENCE_END.finditer(line):
            if _ends_sentence(line, m):
                sentences.append(line[start : m.end()])
                start = m.end()
        sentences.append(line[start:])
    return [s for s in (s.strip() for s in sentences) if s]


def _ends_sentence(line: str, m: re.Match[str]) -> bool:
    marks = m.group().rstrip(_CLOSERS)
    if any(ch in _STRONG_STOPS for ch in marks):
        return True
    after = line[m.end() : m.end() + 1]
    if after.isascii() and after.isalnum():
        return False  # 3.14, example.com
    if marks.count(".") > 1:
        return False  # an ellipsis trails off; the line break decides
    if marks != ".":
        return True
    # A short look back is enough for any abbreviation and keeps long lines linear.
    word = _WORD_BEFORE.search(line, max(0, m.start() - 20), m.start())
    if word is None:
        return True
    word_text = word.group()
    if "." in word_text and all(len(p) == 1 and p.isalpha() for p in word_text.split(".")):
        return False  # U.S. and e.g.
    if len(word_text) == 1 and word_text.isupper():
        return False  # an initial
    return word_text.lower() not in _ABBREVIATIONS


def tokenize_sentence(sentence: str) -> list[str]:
    """The tokens of one sentence (rules in the module docstring).

    >>> tokenize_sentence("Don’t split well-known words -- or 1,000 of them.")
    ["don't", 'split', 'well-known', 'words', 'or', '1000', 'of', 'them']
    """
    if sentence.isascii():
        # The fast path for English: NFKC and the character fixes change nothing here.
        return _spaced_tokens(sentence.lower().replace("_", " "))
    text = unicodedata.normalize("NFKC", sentence).lower().translate(_CHAR_FIXES)
    if not _NEEDS_SEGMENTER.search(text):
        return _spaced_tokens(text)

    from explorer.text import segment

    japanese = _HAS_KANA.search(text) is not None
    tokens: list[str] = []
    for run in _RUNS.finditer(text):
        if run.lastgroup == "cjk":
            if japanese:
                tokens += segment.segment_japanese(run.group())
            else:
                tokens += segment.segment_chinese(run.group())
        elif run.lastgroup == "other":
            tokens += segment.segment_characters(run.group())
        else:
            tokens += _spaced_tokens(run.group())
    return tokens


def _spaced_tokens(text: str) -> list[str]:
    return [
        tok.replace(",", "").rstrip(".") if "," in tok or "." in tok else tok
        for tok in _LATIN_TOKEN.findall(text)
    ]


def tokenize(text: str) -> list[list[str]]:
    """Split ``text`` into sentences of tokens; sentences without a word are dropped.

    >>> tokenize("Hello, world! ... ")
    [['hello', 'world']]
    """
    return [tokens for tokens in map(tokenize_sentence, split_sentences(text)) if tokens]


_SPACED_WORD = re.compile(rf"[^\W\d_{_HAN}{_KANA}{_UNSPACED_OTHER}]+")
_COUNT_HAN = re.compile(f"[{_HAN}]+")
_COUNT_KANA = re.compile(f"[{_KANA}]+")
_COUNT_OTHER = re.compile(f"[{_UNSPACED_OTHER}]+")
# A dominant script needs this share of the words; below it the text is "mixed".
_DOMINANT = 0.8


def detect_script(text: str) -> str:
    """What kind of writing ``text`` is, for display.

    One of ``"latin"`` (space-separated scripts: Latin, Cyrillic, Greek, Hangul...),
    ``"zh"``, ``"ja"``, ``"mixed"`` or ``"other"`` (Thai and other scripts tokenized
    character by character, or no letters at all). Words are estimated: a run of letters
    in a spaced script, or a Chinese or Japanese character, counts as one.

    >>> detect_script("我喜欢学习数学"), detect_script("私は猫が好きです"), detect_script("Hi")
    ('zh', 'ja', 'latin')
    """
    text = unicodedata.normalize("NFKC", text)
    spaced = len(_SPACED_WORD.findall(text))
    han = sum(map(len, _COUNT_HAN.findall(text)))
    kana = sum(map(len, _COUNT_KANA.findall(text)))
    other = sum(map(len, _COUNT_OTHER.findall(text)))
    total = spaced + han + kana + other
    if total == 0:
        return "other"
    # Japanese always writes its particles in kana; a few kana in Chinese text are quotes.
    cjk = "ja" if kana >= 0.1 * (han + kana) else "zh"
    for script, count in (("latin", spaced), (cjk, han + kana), ("other", other)):
        if count >= _DOMINANT * total:
            return script
    return "mixed"
