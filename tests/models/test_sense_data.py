"""The sense corpora: made by their generator, checked by its validator, loaded with senses."""

import importlib
import sys

import pytest

from explorer.models.sense_data import (
    SENSE_FILES,
    heldout_split,
    load_senses,
    parse_line,
)
from explorer.text.samples import SAMPLE_DIR

EXPECTED = {
    "en": {"bank": {"river", "money"}, "trouble": {"verb", "noun"}, "light": {"weight", "lamp"}},
    "zh": {"打": {"call", "ball", "water"}, "东西": {"direction", "thing"}},
    "ja": {"はし": {"bridge", "chopsticks"}, "かみ": {"paper", "hair"}},
}


def _script(name):
    sys.path.insert(0, str(SAMPLE_DIR))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(SAMPLE_DIR))


def test_parse_line_keeps_the_marked_word_whole_and_its_sense():
    text, tokens, senses = parse_line("他给妈妈{打|call}电话。")
    assert text == "他给妈妈打电话。"
    assert "打" in tokens and senses[tokens.index("打")] == "call"  # jieba alone: 打电话
    assert parse_line("Don't {trouble|verb} {trouble|noun}.")[2] == [None, "verb", "noun"]


@pytest.mark.parametrize("language", list(SENSE_FILES))
def test_each_corpus_has_its_words_and_senses(language):
    corpus = load_senses(language)
    words = corpus.sense_words()
    assert {w: set(s) for w, s in words.items()} == EXPECTED[language]
    for word in words:
        assert all(o.sense is not None for o in corpus.occurrences(word))
    assert len(corpus.texts) == len(corpus.sentences) == len(corpus.senses)


@pytest.mark.parametrize("language", list(SENSE_FILES))
def test_the_validator_finds_no_problem(language):
    assert _script("validate_samples").check_senses(language) == []


def test_the_generator_rewrites_the_files_byte_for_byte(tmp_path, monkeypatch):
    make_senses = _script("make_senses")
    monkeypatch.setattr(make_senses, "HERE", tmp_path)
    make_senses.main()
    for filename in SENSE_FILES.values():
        assert (tmp_path / filename).read_bytes() == (SAMPLE_DIR / filename).read_bytes()


def test_dont_trouble_trouble_is_in_the_english_corpus():
    corpus = load_senses("en")
    i = corpus.texts.index("Don't trouble trouble.")
    assert corpus.senses[i] == [None, "verb", "noun"]


def test_heldout_split_is_seeded_disjoint_and_complete():
    train, held = heldout_split(100, 0.1, seed=3)
    assert len(held) == 10 and set(train) | set(held) == set(range(100))
    assert not set(train) & set(held)
    assert heldout_split(100, 0.1, seed=3) == (train, held)
