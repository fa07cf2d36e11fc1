"""The Google analogy test: reading it, and scoring exactly as gensim does, only faster."""

import math
from pathlib import Path

import numpy as np
import pytest

from explorer.lessons.analogy_eval import (
    AnalogySection,
    default_path,
    evaluate,
    load_analogies,
)
from explorer.models.vectors import Vectors
from explorer.text.samples import gensim_test_data_dir

TOY_TEXT = """\
: family
boy girl brother sister
boy girl king queen
brother sister Man Woman
a line with five words here
: capital-common-countries
paris france rome italy
rome italy xyzzy plugh
: gram8-plural
cat cats dog dogs
"""


@pytest.fixture(scope="module")
def sections():
    return load_analogies()


@pytest.fixture(scope="module")
def structured(sections):
    """Vectors in which the test's relations hold, up to noise (about 80% answered right).

    Each section gets an offset; a word's partner is placed at word + offset, so that
    ``b - a + c`` lands near ``d``. Filler words make up the rest of the vocabulary, and a
    few capitalised variants ("Athens" next to "athens") test gensim's case handling: five of
    them come before their lowercase form, so they are the ones a question's word stands for.
    """
    rng = np.random.default_rng(0)
    d, vec = 32, {}
    for section in sections:
        offset = rng.normal(size=d)
        for a, b, c, e in section.questions:
            for x, y in ((a, b), (c, e)):
                if x not in vec and y not in vec:
                    vec[x] = rng.normal(size=d)
                if y not in vec:
                    vec[y] = vec[x] + offset
                elif x not in vec:
                    vec[x] = vec[y] - offset
    words = list(vec)
    rng.shuffle(words)
    X = np.array([vec[w] for w in words]) + 0.6 * rng.normal(size=(len(words), d))
    picks = rng.choice(len(words), 30, replace=False)
    caps = [words[i].capitalize() for i in picks]
    caps_x = X[picks] + 0.01 * rng.normal(size=(30, d))
    filler = [f"filler{i}" for i in range(2000)]
    keys = caps[:5] + words + filler + caps[5:]
    X = np.vstack([caps_x[:5], X, rng.normal(size=(2000, d)) * np.sqrt(2), caps_x[5:]])
    return Vectors(keys, X.astype(np.float32))


def _gensim_sections(gensim_sections):
    return [(len(s["correct"]), len(s["correct"]) + len(s["incorrect"])) for s in gensim_sections]


# --- reading ---------------------------------------------------------------------------------


def test_default_file_is_gensims_copy(sections):
    assert default_path() == gensim_test_data_dir() / "questions-words.txt"
    assert len(sections) == 14
    assert sum(len(s) for s in sections) == 19_544
    first = sections[0]
    assert first.name == "capital-common-countries" and first.kind == "semantic"
    assert first.questions[0] == ("athens", "greece", "baghdad", "iraq")  # lowercased
    assert [s.kind for s in sections].count("syntactic") == 9


def test_load_from_text_or_path(tmp_path):
    sections = load_analogies(TOY_TEXT)
    assert [(s.name, len(s)) for s in sections] == [
        ("family", 3),  # the five-word line is ignored, as gensim does
        ("capital-common-countries", 2),
        ("gram8-plural", 1),
    ]
    assert sections[0].questions[2] == ("brother", "sister", "man", "woman")
    assert load_analogies(TOY_TEXT, lowercase=False)[0].questions[2][2] == "Man"
    path = tmp_path / "q.txt"
    path.write_text(TOY_TEXT, encoding="utf-8")
    assert load_analogies(path) == sections == load_analogies(str(path))
    with pytest.raises(ValueError, match="header"):
        load_analogies("boy girl brother sister\n: family\n")
    with pytest.raises(FileNotFoundError):
        load_analogies(str(tmp_path / "missing.txt"))


# --- the same answers as gensim --------------------------------------------------------------


def test_equals_gensim_per_section_on_structured_vectors(structured, sections, tmp_path):
    # every third question of each section (gensim's loop is slow), in a file for gensim
    subset = [AnalogySection(s.name, s.questions[::3]) for s in sections]
    path = tmp_path / "subset.txt"
    path.write_text(
        "".join(f": {s.name}\n" + "".join(" ".join(q) + "\n" for q in s.questions) for s in subset)
    )
    ours = evaluate(structured, subset)
    score, theirs = structured.to_gensim().evaluate_word_analogies(str(path))
    assert [(s.correct, s.asked) for s in ours.sections] == _gensim_sections(theirs[:-1])
    assert [s.name for s in ours.sections] == [s["section"] for s in theirs[:-1]]
    assert ours.accuracy == pytest.approx(score)
    assert 0.5 < ours.accuracy < 0.95  # a real mix of right and wrong answers
    assert ours.skipped == 0 and ours.asked == sum(len(s) for s in subset)


def test_equals_gensim_with_restrict_vocab(structured, sections):
    ours = evaluate(structured, sections, restrict_vocab=500)
    score, theirs = structured.to_gensim().evaluate_word_analogies(
        str(default_path()), restrict_vocab=500
    )
    assert [(s.correct, s.asked) for s in ours.sections] == _gensim_sections(theirs[:-1])
    assert ours.accuracy == pytest.approx(score)
    assert ours.skipped > 10_000 and ours.restrict_vocab == 500
    found = {w for s in ours.sections for w in s.predicted if w is not None}
    assert all(structured.get_index(w) < 500 for w in found)


def test_equals_gensim_on_a_model_trained_on_lee(sections):
    from gensim.models import Word2Vec as GensimWord2Vec
    from gensim.utils import simple_preprocess

    text = (gensim_test_data_dir() / "lee_background.cor").read_text(encoding="utf-8")
    lines = [simple_preprocess(line) for line in text.splitlines()]
    model = GensimWord2Vec(lines, vector_size=50, min_count=2, epochs=10, workers=1, seed=0)
    score, theirs = model.wv.evaluate_word_analogies(str(default_path()))
    ours = evaluate(Vectors.from_gensim(model), sections)
    assert [(s.correct, s.asked) for s in ours.sections] == _gensim_sections(theirs[:-1])
    assert ours.accuracy == pytest.approx(score)
    # a small real vocabulary: most questions have an unknown word
    assert ours.asked + ours.skipped == 19_544 and ours.skipped > 15_000


@pytest.mark.parametrize("method", ["3cosadd", "3cosmul"])
def test_equals_a_loop_of_vectors_analogy(structured, sections, method):
    # an independent reference: one Vectors.analogy call per question (no case variants
    # here: Vectors.analogy leaves out only the query words themselves)
    rng = np.random.default_rng(1)
    lowercase = [w for w in structured.index_to_key if w.islower()]
    plain = Vectors(lowercase, structured[lowercase])
    pool = [q for s in sections for q in s.questions]
    sample = [pool[i] for i in rng.choice(len(pool), 300, replace=False)]
    result = evaluate(plain, [AnalogySection("sample", sample)], method=method)
    expected = [plain.analogy(b, a, c, topn=1, method=method)[0][0] for a, b, c, _ in sample]
    assert result.sections[0].predicted == expected
    assert result.correct == sum(e == q[3] for e, q in zip(expected, sample, strict=True))


# --- skipped questions and the result's tables -----------------------------------------------


@pytest.fixture
def toy_vectors():
    words = ["boy", "girl", "brother", "sister", "king", "queen", "man", "woman", "cat", "cats"]
    rng = np.random.default_rng(0)
    gender = rng.normal(size=8)
    base = {w: rng.normal(size=8) for w in ["boy", "brother", "king", "man", "cat"]}
    vec = {**base, "girl": base["boy"] + gender, "sister": base["brother"] + gender}
    vec |= {"queen": base["king"] + gender, "woman": base["man"] + gender}
    vec["cats"] = base["cat"] + rng.normal(size=8)
    return Vectors(words, np.array([vec[w] for w in words], dtype=np.float32))


def test_unknown_words_are_skipped_and_counted(toy_vectors):
    result = evaluate(toy_vectors, load_analogies(TOY_TEXT))
    family, capitals, plural = result.sections
    assert (family.correct, family.asked, family.skipped) == (3, 3, 0)
    assert (capitals.correct, capitals.asked, capitals.skipped) == (0, 0, 2)
    assert math.isnan(capitals.accuracy)
    assert capitals.predicted == [None, None]
    assert (plural.asked, plural.skipped) == (0, 1)  # dog and dogs are unknown
    assert (result.correct, result.asked, result.skipped) == (3, 3, 3)
    assert result.accuracy == 1.0


def test_result_tables(toy_vectors):
    result = evaluate(toy_vectors, load_analogies(TOY_TEXT))
    table = result.table()
    assert list(table.columns) == ["section", "kind", "correct", "asked", "skipped", "accuracy"]
    assert table["section"].tolist() == ["family", "capital-common-countries", "gram8-plural"]
    assert table["asked"].tolist() == [3, 0, 0] and table["skipped"].tolist() == [0, 2, 1]
    kinds = result.by_kind().set_index("kind")
    assert kinds.loc["semantic", "correct"] == 3 and kinds.loc["semantic", "skipped"] == 2
    assert math.isnan(kinds.loc["syntactic", "accuracy"])
    examples = result.examples("family", n=2)
    assert examples[["expected", "found", "correct"]].values.tolist() == [
        ["sister", "sister", True],
        ["queen", "queen", True],
    ]
    with pytest.raises(KeyError):
        result.examples("nope")


def test_nothing_answerable_and_bad_method(toy_vectors):
    result = evaluate(toy_vectors, [AnalogySection("empty", [("x", "y", "z", "w")])])
    assert result.asked == 0 and result.skipped == 1 and math.isnan(result.accuracy)
    with pytest.raises(ValueError, match="method"):
        evaluate(toy_vectors, [], method="3cosavg")


def test_reads_a_path_object(tmp_path, toy_vectors):
    path = Path(tmp_path / "q.txt")
    path.write_text(": family\nboy girl king queen\n", encoding="utf-8")
    assert evaluate(toy_vectors, load_analogies(path)).correct == 1
