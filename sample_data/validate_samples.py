"""Train gensim Word2Vec on the sample corpora and print whether the lessons' examples hold.

Usage:
    python sample_data/validate_samples.py [english|chinese|japanese ...] [--seeds 0-4]
        [--settings main,size20,window3,slow,sample] [--ranks] [--backend gensim|explorer]
    python sample_data/validate_samples.py senses   # the sense corpora (make_senses.py)

For every corpus, setting and seed it trains a CBOW model (the app's live defaults, roughly)
and checks nearest neighbours, analogy ranks (3CosAdd, the query words excluded) and
similarity orderings. The table shows, per check, on how many seeds it passed; ``--ranks``
adds the rank of the expected answer for every seed. Sentences are tokenized with
``explorer.text.tokenize.tokenize`` when it can be imported, else with a stand-in that cuts the text
the same way (lowercased words for English, jieba for Chinese, janome for Japanese).
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

MAIN = {
    "sg": 0, "vector_size": 16, "window": 2, "min_count": 2, "negative": 5, "alpha": 0.05,
    "min_alpha": 0.0001, "epochs": 10, "sample": 0, "workers": 1,
}
SETTINGS = {
    "main": {},
    "size20": {"vector_size": 20},
    "window3": {"window": 3},
    "slow": {"alpha": 0.025, "epochs": 20},
    "sample": {"sample": 1e-3},
}


# ------------------------------------------------------------------------------ tokenizing

def _is_punct(token: str) -> bool:
    return all(unicodedata.category(ch)[0] in "PZSC" for ch in token)


def _standin_tokenize(text: str, language: str) -> list[list[str]]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if language == "english":
        pattern = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
        return [pattern.findall(line.lower()) for line in lines]
    if language == "chinese":
        import jieba

        jieba.setLogLevel(logging.WARNING)
        return [[t for t in jieba.lcut(line) if not _is_punct(t)] for line in lines]
    from janome.tokenizer import Tokenizer

    tok = Tokenizer(wakati=True)
    return [[t for t in tok.tokenize(line) if not _is_punct(t)] for line in lines]


def tokenize(text: str, language: str) -> tuple[list[list[str]], str]:
    """The sentences of ``text`` and which tokenizer cut them."""
    try:
        from explorer.text.tokenize import tokenize as app_tokenize
    except ImportError:
        return _standin_tokenize(text, language), "stand-in"
    return app_tokenize(text), "explorer.text.tokenize"


# ---------------------------------------------------------------------------------- checks

Check = Callable[[object], tuple[bool, str]]


def rank_in_neighbours(kv, word: str, expected: str) -> int:
    """1-based rank of ``expected`` among ``word``'s nearest neighbours (99 if far)."""
    names = [w for w, _ in kv.most_similar(word, topn=50)]
    return names.index(expected) + 1 if expected in names else 99


def analogy_rank(kv, a: str, b: str, c: str, expected: str) -> int:
    """Rank of ``expected`` for a - b + c (3CosAdd, the three query words excluded)."""
    names = [w for w, _ in kv.most_similar(positive=[a, c], negative=[b], topn=50)]
    return names.index(expected) + 1 if expected in names else 99


def neighbour(word: str, expected: str, top: int = 1) -> tuple[str, Check]:
    def check(kv) -> tuple[bool, str]:
        rank = rank_in_neighbours(kv, word, expected)
        return rank <= top, str(rank)

    label = f"{word}->{expected}" if top == 1 else f"{expected} in top{top}({word})"
    return label, check


def analogy(a: str, b: str, c: str, expected: str) -> tuple[str, Check]:
    def check(kv) -> tuple[bool, str]:
        rank = analogy_rank(kv, a, b, c, expected)
        return rank == 1, str(rank)

    return f"{a}-{b}+{c}={expected}", check


def ordering(word: str, *others: str) -> tuple[str, Check]:
    def check(kv) -> tuple[bool, str]:
        sims = [kv.similarity(word, o) for o in others]
        ok = all(x > y for x, y in zip(sims, sims[1:], strict=False))
        return ok, "/".join(f"{s:.2f}" for s in sims)

    return f"{word}:" + ">".join(others), check


CHECKS = {
    "english": [
        neighbour("cat", "kitten"), neighbour("kitten", "cat"),
        neighbour("dog", "puppy"), neighbour("puppy", "dog"),
        ordering("cat", "kitten", "dog", "house"),
        analogy("king", "man", "woman", "queen"),
        analogy("walked", "walking", "swimming", "swam"),
        analogy("paris", "france", "china", "beijing"),
    ],
    "chinese": [
        neighbour("猫", "小猫", top=2), neighbour("狗", "小狗", top=2),
        analogy("国王", "男人", "女人", "王后"),
        analogy("巴黎", "法国", "中国", "北京"),
    ],
    "japanese": [
        neighbour("猫", "子猫", top=3), neighbour("犬", "子犬", top=3),
        analogy("王", "男", "女", "女王"),
    ],
}


# Words the lessons point at, which the segmenter must keep whole. Any other token that
# contains one of them (狗摇着, say) means a sentence was glued together and should be rephrased.
KEY_WORDS = {
    "chinese": ["猫", "小猫", "狗", "小狗", "国王", "王后", "男人", "女人", "王子", "公主"],
    "japanese": ["猫", "子猫", "犬", "子犬", "王", "女王", "男", "女"],
}
# Longer words that may rightly contain a key word.
ALLOWED = {
    "chinese": {"猫粮", "狗粮", "大熊猫"},
    "japanese": {
        "王子", "王女", "王様", "女王", "女の子", "男の子", "王国", "王冠", "王座", "彼女",
    },
}


def segmentation_report(language: str, sentences: list[list[str]]) -> str:
    from collections import Counter

    counts = Counter(t for s in sentences for t in s)
    keys = KEY_WORDS[language]
    allowed = ALLOWED[language] | set(keys)
    parts, glued = [], Counter()
    for key in keys:
        parts.append(f"{key} {counts[key]}")
        for token, n in counts.items():
            if key in token and token not in allowed:
                glued[token] += n
    bad = ", ".join(f"{t} x{n}" for t, n in glued.most_common()) or "none"
    return f"key words: {', '.join(parts)}; glued tokens: {bad}"


# ------------------------------------------------------------------------- sense corpora

# The least occurrences of each sense, and the largest share of the commonest sense.
MIN_PER_SENSE, MAX_SHARE = 80, 0.7


def check_senses(language: str) -> list[str]:
    """What is wrong with a sense corpus (``senses_<language>.txt``); empty when it is fine.

    Every marked word must stay one token, have at least two senses, each with at least
    MIN_PER_SENSE occurrences and none above MAX_SHARE of them; the written word never
    appears unmarked (its sense would be unknown); no sentence is repeated.
    """
    from collections import Counter

    from explorer.models.sense_data import SENSE_FILES, parse_line

    lines = (HERE / SENSE_FILES[language]).read_text(encoding="utf-8").splitlines()
    problems = []
    if len(set(lines)) != len(lines):
        problems.append(f"{len(lines) - len(set(lines))} repeated sentences")
    counts: dict[str, Counter] = {}
    unmarked: Counter = Counter()
    for line in lines:
        for match in re.finditer(r"\{([^{}|]+)\|([^{}|]+)\}", line):
            word, sense = match.groups()
            if len(parse_line(word)[1]) != 1:
                problems.append(f"{word!r} is not one token")
            counts.setdefault(word, Counter())[sense] += 1
    for line in lines:
        _, tokens, senses = parse_line(line)
        unmarked.update(t for t, s in zip(tokens, senses, strict=True) if t in counts and s is None)
    for word, senses in counts.items():
        total = sum(senses.values())
        if len(senses) < 2:
            problems.append(f"{word} has one sense")
        for sense, n in senses.items():
            if n < MIN_PER_SENSE or n / total > MAX_SHARE:
                problems.append(f"{word}#{sense}: {n} of {total} occurrences")
        if unmarked[word]:
            problems.append(f"{word} appears {unmarked[word]} times without a sense")
    return problems


def report_senses() -> bool:
    """Print each sense corpus's words and sense counts; True when all pass."""
    from collections import Counter

    from explorer.models.sense_data import SENSE_FILES, load_senses

    ok = True
    for language in SENSE_FILES:
        corpus = load_senses(language)
        parts = []
        for word in corpus.sense_words():
            counts = Counter(o.sense for o in corpus.occurrences(word))
            parts.append(f"{word} (" + ", ".join(f"{s} {n}" for s, n in counts.items()) + ")")
        problems = check_senses(language)
        ok = ok and not problems
        print(f"## senses_{language}: {len(corpus.sentences)} sentences; " + "; ".join(parts))
        print("problems: " + ("; ".join(problems) if problems else "none"))
    return ok


# ------------------------------------------------------------------------------------ main

def train(sentences: list[list[str]], seed: int, params: dict, backend: str):
    """The word vectors of a CBOW model (anything with most_similar and similarity)."""
    if backend == "explorer":
        from explorer import Word2Vec as AppWord2Vec

        settings = {k: v for k, v in params.items() if k != "workers"}
        return AppWord2Vec(seed=seed, **settings).fit(sentences).wv
    from gensim.models import Word2Vec

    return Word2Vec(sentences, seed=seed, **params).wv


def parse_seeds(text: str) -> list[int]:
    if "-" in text:
        lo, hi = text.split("-")
        return list(range(int(lo), int(hi) + 1))
    return [int(s) for s in text.split(",")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", metavar="corpus",
                        help=f"any of {', '.join(CHECKS)}, senses (default: all but senses)")
    parser.add_argument("--seeds", default="0-4")
    parser.add_argument("--settings", default=",".join(SETTINGS))
    parser.add_argument("--ranks", action="store_true", help="show each seed's rank or value")
    parser.add_argument("--backend", choices=["gensim", "explorer"], default="gensim",
                        help="train with gensim (default) or with the app's own numpy word2vec")
    args = parser.parse_args()
    if "senses" in args.corpora:
        if not report_senses():
            sys.exit("a sense corpus has problems")
        args.corpora.remove("senses")
        if not args.corpora:
            return

    unknown = set(args.corpora) - set(CHECKS)
    if unknown:
        known = ", ".join(CHECKS)
        parser.error(f"unknown corpus {', '.join(sorted(unknown))}; choose from {known}")
    seeds = parse_seeds(args.seeds)
    for language in args.corpora or list(CHECKS):
        text = (HERE / f"{language}.txt").read_text(encoding="utf-8")
        sentences, how = tokenize(text, language)
        n_tokens = sum(len(s) for s in sentences)
        vocab = {w for s in sentences for w in s}
        print(f"\n## {language}: {len(sentences)} sentences, {n_tokens} tokens, "
              f"{len(vocab)} distinct words (tokenizer: {how}; trainer: {args.backend})")
        if language in KEY_WORDS:
            print(segmentation_report(language, sentences))
        checks = CHECKS[language]
        print("| setting | " + " | ".join(label for label, _ in checks) + " |")
        print("|---" * (len(checks) + 1) + "|")
        for name in args.settings.split(","):
            params = {**MAIN, **SETTINGS[name]}
            passes = [0] * len(checks)
            details: list[list[str]] = [[] for _ in checks]
            start = time.perf_counter()
            for seed in seeds:
                kv = train(sentences, seed, params, args.backend)
                for i, (_, check) in enumerate(checks):
                    ok, detail = check(kv)
                    passes[i] += ok
                    details[i].append(detail)
            seconds = (time.perf_counter() - start) / len(seeds)
            cells = [f"{p}/{len(seeds)}" + (f" ({','.join(d)})" if args.ranks else "")
                     for p, d in zip(passes, details, strict=True)]
            print(f"| {name} ({seconds:.1f}s) | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
