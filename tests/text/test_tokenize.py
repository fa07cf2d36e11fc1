"""Sentence splitting and tokenization, for English, Chinese, Japanese and the rest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.text.tokenize import detect_script, split_sentences, tokenize, tokenize_sentence

ROOT = Path(__file__).resolve().parents[2]


# --- empty and degenerate input -------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["", "   ", "\n\n\t\n", "!!! ... --- ???", "。、！「」", "—— * # @"]
)
def test_text_without_words_gives_no_sentences(text: str) -> None:
    assert tokenize(text) == []


@pytest.mark.parametrize(("text", "word"), [("hello", "hello"), ("Hello!", "hello"), ("猫", "猫")])
def test_a_single_word(text: str, word: str) -> None:
    assert tokenize(text) == [[word]]


def test_empty_sentences_are_dropped() -> None:
    assert tokenize("One.\n\n... !\nTwo.") == [["one"], ["two"]]


# --- sentences -------------------------------------------------------------------------


def test_split_on_newlines_and_sentence_punctuation() -> None:
    text = "First line\nIt ends. Does it? Yes! Semi; colon\n你好。再见！真的？是的；好\n"
    assert split_sentences(text) == [
        "First line",
        "It ends.",
        "Does it?",
        "Yes!",
        "Semi;",
        "colon",
        "你好。",
        "再见！",
        "真的？",
        "是的；",
        "好",
    ]


def test_decimal_points_and_dotted_names_do_not_split() -> None:
    assert split_sentences("Pi is 3.14 today. See example.com now.") == [
        "Pi is 3.14 today.",
        "See example.com now.",
    ]


def test_abbreviations_and_initials_do_not_split() -> None:
    text = "Mr. Smith met Dr. Jones. J. K. Rowling wrote it, e.g. this. The U.S. is big."
    assert split_sentences(text) == [
        "Mr. Smith met Dr. Jones.",
        "J. K. Rowling wrote it, e.g. this.",
        "The U.S. is big.",
    ]


def test_ellipsis_does_not_split_and_closing_quotes_stay() -> None:
    assert split_sentences('Well... maybe. "Go!" he said. 他说：“好！”我们走。') == [
        "Well... maybe.",
        '"Go!"',
        "he said.",
        "他说：“好！”",
        "我们走。",
    ]


# --- space-separated scripts ------------------------------------------------------------


def test_lowercase_and_punctuation_stripped() -> None:
    assert tokenize("Hello, World! (The END)") == [["hello", "world"], ["the", "end"]]


def test_nfkc_turns_full_width_into_ascii() -> None:
    tokens = tokenize_sentence("Ｆｕｌｌ ｗｉｄｔｈ ＡＢＣ １２３ ﬁsh")
    assert tokens == ["full", "width", "abc", "123", "fish"]


@pytest.mark.parametrize(
    ("sentence", "tokens"),
    [
        ("Don't stop", ["don't", "stop"]),
        ("Don’t stop", ["don't", "stop"]),
        ("the cat's toy", ["the", "cat's", "toy"]),
        ("the cat’s toy", ["the", "cat's", "toy"]),
        ("at 5 o'clock", ["at", "5", "o'clock"]),
        ("'Quoted' and ‘curly’", ["quoted", "and", "curly"]),
        ("the students' books", ["the", "students", "books"]),
        ("“Double” quotes", ["double", "quotes"]),
    ],
)
def test_apostrophes(sentence: str, tokens: list[str]) -> None:
    assert tokenize_sentence(sentence) == tokens


@pytest.mark.parametrize(
    ("sentence", "tokens"),
    [
        ("a well-known fact", ["a", "well-known", "fact"]),
        ("covid-19 cases", ["covid-19", "cases"]),
        ("word -- word", ["word", "word"]),
        ("word--word", ["word", "word"]),
        ("word—word", ["word", "word"]),
        ("word – word", ["word", "word"]),
        ("pre- and post-war", ["pre", "and", "post-war"]),
        ("snake_case", ["snake", "case"]),
    ],
)
def test_hyphens_dashes_and_underscores(sentence: str, tokens: list[str]) -> None:
    assert tokenize_sentence(sentence) == tokens


@pytest.mark.parametrize(
    ("sentence", "tokens"),
    [
        ("pi is 3.14", ["pi", "is", "3.14"]),
        ("1,000 people", ["1000", "people"]),
        ("12,345.67 dollars", ["12345.67", "dollars"]),
        ("in 2026", ["in", "2026"]),
        ("1,2,3", ["1", "2", "3"]),
        ("version 1.2.3", ["version", "1.2.3"]),
        ("the 1990s and mp3", ["the", "1990s", "and", "mp3"]),
        ("the U.S. and e.g. this", ["the", "u.s", "and", "e.g", "this"]),
    ],
)
def test_numbers_and_abbreviations(sentence: str, tokens: list[str]) -> None:
    assert tokenize_sentence(sentence) == tokens


def test_the_window_example_sentence() -> None:
    assert tokenize("We are about to study the idea of deep learning.") == [
        ["we", "are", "about", "to", "study", "the", "idea", "of", "deep", "learning"]
    ]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Привет, мир!", ["привет", "мир"]),
        ("Γειά σου κόσμε", ["γειά", "σου", "κόσμε"]),
        ("안녕하세요 세계", ["안녕하세요", "세계"]),
        ("हिन्दी भाषा सुंदर है", ["हिन्दी", "भाषा", "सुंदर", "है"]),
    ],
)
def test_other_space_separated_scripts_keep_their_marks(text: str, tokens: list[str]) -> None:
    assert tokenize(text) == [tokens]


# --- Chinese, Japanese, fallback, mixed -------------------------------------------------------


def test_chinese_with_jieba() -> None:
    assert tokenize("我喜欢学习数学") == [["我", "喜欢", "学习", "数学"]]


def test_chinese_punctuation_and_spaces_removed() -> None:
    assert tokenize("今天天气很好，我们去公园散步吧！ 好的。") == [
        ["今天天气", "很", "好", "我们", "去", "公园", "散步", "吧"],
        ["好", "的"],
    ]


def test_japanese_with_janome() -> None:
    assert tokenize("私は猫が好きです。") == [["私", "は", "猫", "が", "好き", "です"]]


def test_japanese_half_width_katakana_is_normalised() -> None:
    assert tokenize("ｶﾀｶﾅです") == [["カタカナ", "です"]]


def test_han_only_is_chinese_and_kana_makes_japanese(monkeypatch: pytest.MonkeyPatch) -> None:
    from explorer.text import segment

    monkeypatch.setattr(segment, "segment_chinese", lambda run: [f"zh:{run}"])
    monkeypatch.setattr(segment, "segment_japanese", lambda run: [f"ja:{run}"])
    assert tokenize("東京大学") == [["zh:東京大学"]]
    assert tokenize("東京大学です") == [["ja:東京大学です"]]
    assert tokenize("人々はPythonを学ぶ") == [["ja:人々は", "python", "ja:を学ぶ"]]


def test_japanese_iteration_mark_stays_in_the_word() -> None:
    assert tokenize("人々は東京に住んでいます") == [
        ["人々", "は", "東京", "に", "住ん", "で", "い", "ます"]
    ]


def test_thai_falls_back_to_characters_with_their_marks() -> None:
    assert tokenize("สวัสดีครับ") == [["ส", "วั", "ส", "ดี", "ค", "รั", "บ"]]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("我喜欢 deep learning", ["我", "喜欢", "deep", "learning"]),
        ("I visited 北京 last year.", ["i", "visited", "北京", "last", "year"]),
        ("私はPythonが好きです。", ["私", "は", "python", "が", "好き", "です"]),
        ("2026年我有3个苹果", ["2026", "年", "我", "有", "3", "个", "苹果"]),
    ],
)
def test_mixed_scripts(text: str, tokens: list[str]) -> None:
    assert tokenize(text) == [tokens]


def test_each_sentence_picks_its_own_segmenter() -> None:
    assert tokenize("我喜欢学习数学。私は猫が好きです。") == [
        ["我", "喜欢", "学习", "数学"],
        ["私", "は", "猫", "が", "好き", "です"],
    ]


# --- detect_script ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("The cat sat on the mat.", "latin"),
        ("Привет, мир! 안녕하세요 세계", "latin"),
        ("我喜欢学习数学。今天天气很好。", "zh"),
        ("私は猫が好きです。今日はいい天気ですね。", "ja"),
        ("我喜欢 deep learning", "mixed"),
        ("สวัสดีครับ", "other"),
        ("", "other"),
        ("123 !!!", "other"),
    ],
)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


# --- speed and lazy imports ------------------------------------------------------------------


def _run(code: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env=env, timeout=60)


def test_importing_and_english_do_not_load_jieba_or_janome() -> None:
    _run(
        "import sys, explorer.text.tokenize, explorer.text.segment\n"
        "import explorer.text.encoding, explorer.text.windows\n"
        "from explorer.text.tokenize import tokenize, detect_script\n"
        "assert tokenize('Hello, world. Привет!') == [['hello', 'world'], ['привет']]\n"
        "detect_script('我喜欢 deep learning')\n"
        "loaded = {'jieba', 'janome'} & {m.split('.')[0] for m in sys.modules}\n"
        "assert not loaded, loaded\n"
    )


def test_lee_corpus_tokenizes() -> None:
    # Speed is measured by bench/, never asserted here.
    gensim = pytest.importorskip("gensim")
    path = Path(gensim.__file__).parent / "test" / "test_data" / "lee_background.cor"
    sentences = tokenize(path.read_text(encoding="utf-8"))
    assert sum(map(len, sentences)) > 55_000
