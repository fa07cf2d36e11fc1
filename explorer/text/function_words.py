"""Function words (the, of, 的, の…): the most frequent words, and the least telling labels.

Usage:
    >>> from explorer.text.function_words import content_words, is_function_word
    >>> is_function_word("the"), is_function_word("的"), is_function_word("の")
    (True, True, True)
    >>> is_function_word("cat"), is_function_word("猫")
    (False, False)
    >>> content_words(["the", "cat", "of", "的", "kitten", "の"], 2)
    ['cat', 'kitten']

A map of the most frequent words is mostly a map of *the, in, of, 的, 了, は, を*: they carry
grammar rather than meaning, so a map labels the most frequent *content* words instead
(the points stay: only their labels are left out).

Where the lists come from:

- **English**: scikit-learn's ``sklearn.feature_extraction.text.ENGLISH_STOP_WORDS`` (318
  words, from the Glasgow Information Retrieval Group's stop list), a public constant,
  read on first use because importing scikit-learn takes a second and the app must start
  quickly. It is a search engine's list, so it also holds a few words with some meaning
  (*fire*, *bill*, *two*); that costs a label, never a point.
- **Chinese**: written for this app from the closed word classes of Chinese grammar (虚词
  and pronouns): structural and aspect particles (的 地 得 了 着 过), modal particles (吗 呢
  吧 啊), prepositions (在 从 给 对 把 被), conjunctions (和 与 而 但是), adverbs of degree,
  scope and time (很 最 都 也 就 还 又 然后), pronouns (我 你 他 她 它 这 那, with 们),
  the copula 是 and 有, and a demonstrative or numeral with a measure word (这位, 一只),
  as jieba segments them.
- **Japanese**: written for this app from the closed classes of Japanese grammar, as janome
  splits a sentence: particles (助詞: は が を に で と へ の も や から まで…), auxiliary verbs
  and their inflected pieces (助動詞: た だ です ます て ない れ られ…), the light verbs
  する/いる/ある/なる and their stems (し い あっ なっ), pronouns (私 彼 彼女, with たち),
  demonstratives (この その あの これ それ), and formal nouns (こと もの ため).

The lists are joined: one set serves every corpus (an English stop word is never a Chinese
or Japanese content word, and the few characters the two CJK lists share are function
words in both), so vectors of unknown language need no guess.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache


def _words(*classes: str) -> frozenset[str]:
    return frozenset(w for words in classes for w in words.split())


CHINESE = _words(
    "的 地 得 之 了 着 过 吗 呢 吧 啊 呀 嘛 哦 啦 么 所",  # particles: structural, aspect, modal
    "在 从 自 向 往 对 给 把 被 让 比 跟 和 与 及 或 而 但 但是 可是 因为 所以 如果 虽然 于 为"
    " 为了 以 由 关于 或者 还是 并 并且 而且 然后 然而 于是 就是",  # prepositions, conjunctions
    "很 太 最 更 非常 都 也 就 才 还 又 再 只 已经 正在 一起 一直 不 没 没有 别",  # adverbs
    "我 你 您 他 她 它 我们 你们 他们 她们 它们 咱们 大家 自己 们 这 那 这里 那里 这些 那些"
    " 这个 那个 这样 那样 什么 谁 哪 哪里 怎么 每",  # pronouns, demonstratives, plural suffix
    "是 有 上 下 里 中",  # the copula, 'have', localisers that follow a noun
    "一个 一位 一只 一条 一匹 一头 一张 一些 这位 那位 这只 那只 这条 那条 这匹 那匹 这头"
    " 那头 这座 那座 这家 那家",  # a demonstrative or numeral and a measure word (jieba's tokens)
)

JAPANESE = _words(
    "は が を に で と へ の も や か から まで より ね よ な ので のに けど けれど ながら だけ"
    " ばかり など って とか し ぞ わ さ",  # particles (助詞)
    "た だ です ます ませ まし でし でしょ だろ だっ て で ない なかっ ぬ ん う よう れ られ せ"
    " させ たい そう らしい みたい",  # auxiliary verbs (助動詞), in janome's pieces
    "する し さ いる い ある あっ あり なる なっ なり くる き こ",  # light verbs and their stems
    "私 僕 彼 彼女 たち みんな",  # pronouns and the plural suffix
    "この その あの どの これ それ あれ どれ ここ そこ あそこ",  # demonstratives
    "こと もの ため とき",  # formal nouns
)


@cache
def english() -> frozenset[str]:
    """scikit-learn's English stop words (imported here, on first use: it is slow)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


@cache
def function_words() -> frozenset[str]:
    """Every function word this app knows: English, Chinese and Japanese."""
    return english() | CHINESE | JAPANESE


def is_function_word(word: str) -> bool:
    """Whether ``word`` is a function word (English words are compared in lower case)."""
    return word in function_words() or word.lower() in english()


def content_words(words: Iterable[str], n: int | None = None) -> list[str]:
    """The first ``n`` words of ``words`` (all of them if ``n`` is None) that carry meaning.

    ``words`` in frequency order give the most frequent content words: a map's labels.
    """
    out: list[str] = []
    for word in words:
        if n is not None and len(out) >= n:
            break
        if not is_function_word(word):
            out.append(word)
    return out

