"""Context windows, CBOW examples and skip-gram pairs."""

from __future__ import annotations

import pytest

from explorer.text.tokenize import tokenize
from explorer.text.windows import cbow_examples, context_span, skipgram_pairs

SENTENCE = tokenize("We are about to study the idea of deep learning")[0]
STUDY = SENTENCE.index("study")


def test_the_sentence() -> None:
    assert " ".join(SENTENCE) == "we are about to study the idea of deep learning"


@pytest.mark.parametrize(
    ("window", "context"), [(1, ("to", "the")), (2, ("about", "to", "the", "idea"))]
)
def test_cbow_context_of_study(window: int, context: tuple[str, ...]) -> None:
    examples = dict((centre, ctx) for ctx, centre in cbow_examples(SENTENCE, window))
    assert examples["study"] == context


@pytest.mark.parametrize(("window", "span"), [(1, (3, 6)), (2, (2, 7))])
def test_context_span_of_study(window: int, span: tuple[int, int]) -> None:
    assert context_span(len(SENTENCE), STUDY, window) == span
    start, stop = span
    assert "study" in SENTENCE[start:stop]


def test_context_span_is_clipped_to_the_sentence() -> None:
    assert context_span(10, 0, 3) == (0, 4)
    assert context_span(10, 9, 3) == (6, 10)
    assert context_span(1, 0, 5) == (0, 1)


def test_first_cbow_example() -> None:
    assert cbow_examples(SENTENCE, 1)[0] == (("are",), "we")


def test_one_cbow_example_per_position() -> None:
    examples = cbow_examples(SENTENCE, 2)
    assert [centre for _, centre in examples] == SENTENCE
    assert examples[-1] == (("of", "deep"), "learning")


def test_skipgram_pairs_for_study() -> None:
    pairs = [p for p in skipgram_pairs(SENTENCE, 2) if p[0] == "study"]
    assert pairs == [("study", "about"), ("study", "to"), ("study", "the"), ("study", "idea")]


def test_skipgram_pairs_match_cbow_examples() -> None:
    for window in (1, 2, 5):
        expected = [(centre, c) for ctx, centre in cbow_examples(SENTENCE, window) for c in ctx]
        assert skipgram_pairs(SENTENCE, window) == expected


def test_a_single_word_has_no_examples() -> None:
    assert cbow_examples(["alone"], 2) == []
    assert skipgram_pairs(["alone"], 2) == []
    assert cbow_examples([], 2) == []
    assert skipgram_pairs([], 2) == []


def test_works_on_ids_too() -> None:
    assert cbow_examples([7, 8, 9], 1) == [((8,), 7), ((7, 9), 8), ((8,), 9)]
    assert skipgram_pairs((7, 8), 3) == [(7, 8), (8, 7)]


@pytest.mark.parametrize("window", [0, -1])
def test_window_must_be_positive(window: int) -> None:
    message = "window must be at least 1"
    with pytest.raises(ValueError, match=message):
        cbow_examples(SENTENCE, window)
    with pytest.raises(ValueError, match=message):
        skipgram_pairs(SENTENCE, window)
    with pytest.raises(ValueError, match=message):
        context_span(len(SENTENCE), 0, window)


def test_position_must_be_in_the_sentence() -> None:
    with pytest.raises(IndexError, match="outside a sentence of 10 tokens"):
        context_span(10, 10, 2)
