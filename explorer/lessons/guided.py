"""The guided lesson: seven steps, each a "predict, then reveal" question on one page.

Usage:
    >>> from explorer.lessons.guided import STEPS, lesson_words
    >>> words = lesson_words("en")  # the English corpus's cat, kitten, king, ...
    >>> q = STEPS[2].ask(words)           # "Which word will end up closest to 'cat'?"
    >>> r = STEPS[2].reveal(model.wv, words)
    >>> q.options[r.answer], r.lines      # ('kitten', ['Closest to cat: kitten 0.99, ...'])

The order is the order a teacher would teach in: a lookup, windows, training live, a map,
similarity, an analogy, then an embedding trained for a task (a sentiment classifier).
Each step names the page it opens and the settings it opens it
with; its question is asked before anything is shown, and the answer is computed from the
same model the page shows (never written down in advance), so a different corpus or seed
gives an honest answer too. Text is English marked for translation; the words come from
the lesson's corpus (English for the English interface, Chinese for the Chinese one).

Why one module of over 400 lines: the lesson is one sequence of steps, each a question
and its reveal, read in order like the lesson itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from explorer.i18n import N_, _, current_language
from explorer.lessons.embedding_layer import EmbeddingLayer
from explorer.lessons.sentiment import DEFAULT_DATA, POLES, TaskVectors, compare_neighbours
from explorer.models.sense_data import SENSE_FILES
from explorer.models.vectors import Vectors
from explorer.models.word2vec.trainer import Word2VecConfig
from explorer.text.samples import Sample
from explorer.text.windows import cbow_examples, skipgram_pairs

#: The lesson's corpus for each interface language.
LESSON_SAMPLES = {"en": "english", "zh": "chinese"}
#: The sample's tracked words, by role (the demo corpora list them in this order).
ROLES = ("cat", "kitten", "dog", "puppy", "house", "king", "queen", "man", "woman")
WINDOW = 2
MAP_WORDS = 300  # the projection page's default: the 300 most frequent words (+ the groups')


@dataclass(frozen=True)
class LessonWords:
    """The lesson's words in its corpus's language (``words.cat`` is 猫 in Chinese)."""

    sample: Sample
    by_role: dict[str, str]
    sentence_index: int  # the windows step's sentence, in ``load_lesson_sentences()``
    sentence: str
    sentence_tokens: list[str]

    def __getattr__(self, role: str) -> str:
        try:
            return self.__dict__["by_role"][role]
        except KeyError:
            raise AttributeError(role) from None


def lesson_words(language: str) -> LessonWords:
    """The lesson's corpus, words and sentence for an interface language ("en" or "zh")."""
    from explorer.text.samples import get_sample, load_lesson_sentences
    from explorer.text.tokenize import tokenize

    sample = get_sample(LESSON_SAMPLES.get(language, "english"))
    if len(sample.track) < len(ROLES):
        raise ValueError(f"the {sample.key} sample does not name the lesson's nine words")
    sentences = load_lesson_sentences()
    index = next(i for i, s in enumerate(sentences)
                 if any("\u4e00" <= ch <= "\u9fff" for ch in s) == (sample.language == "zh"))
    tokens = [t for s in tokenize(sentences[index]) for t in s]
    return LessonWords(sample, dict(zip(ROLES, sample.track, strict=False)), index,
                       sentences[index], tokens)  # fmt: skip


@dataclass(frozen=True)
class Question:
    text: str
    options: list[str]


@dataclass(frozen=True)
class Reveal:
    answer: int  # index into the question's options
    lines: list[str] = field(default_factory=list)  # the numbers behind it, in words


@dataclass(frozen=True)
class Step:
    key: str
    page: str  # the page file it opens ("pages/train.py"; its address is "train")
    icon: str
    title: str  # N_-marked English
    task: str  # what to do on the page (N_-marked, with {word} fields)
    ask: Callable[[LessonWords], Question]
    reveal: Callable[[Any, LessonWords], Reveal]  # Vectors, or TaskVectors (model below)
    settings: Callable[[LessonWords], dict] = lambda words: {}
    needs_model: bool = True  # False: the reveal computes its own small example
    config: Word2VecConfig | None = None  # the training settings the page opens with
    # "word2vec": the reveal reads the lesson's word2vec vectors; "classifier": a
    # sentiment classifier's table and word2vec on the same sentences (TaskVectors)
    model: str = "word2vec"

    @property
    def url_path(self) -> str:
        """The page's address in the app ("pages/embedding_layer.py" -> "embedding-layer")."""
        return self.page.rsplit("/", 1)[-1].removesuffix(".py").replace("_", "-")


def _best(scores: list[float]) -> int:
    return int(np.argmax(scores))


# --- 1. the embedding layer is a lookup ----------------------------------------------------

LOOKUP_OPTIONS = (
    N_("row 2 of W"), N_("column 2 of W"), N_("the sum of all the rows of W"), N_("one number")
)  # fmt: skip


def _ask_lookup(words: LessonWords) -> Question:
    return Question(
        _("W has one row per word (5 words, 3 numbers each). Multiply the one-hot row of "
          "word id 2 by W: what comes out?"),  # fmt: skip
        [_(o) for o in LOOKUP_OPTIONS],
    )


def _reveal_lookup(wv: Vectors | None, words: LessonWords) -> Reveal:
    layer = EmbeddingLayer(np.arange(15, dtype=float).reshape(5, 3))
    product = layer.via_one_hot([2])[0]
    W = layer.W
    candidates = [W[2], W[:, 2], W.sum(axis=0), np.array([product.sum()])]
    answer = next(i for i, c in enumerate(candidates) if np.array_equal(c, product))
    shown = lambda v: "[" + ", ".join(f"{x:g}" for x in v) + "]"  # noqa: E731
    return Reveal(answer, [
        _("one-hot(2) · W = {product}; row 2 of W = {row}: the same numbers.").format(
            product=shown(product), row=shown(W[2])),
        _("A lookup reads the row directly: 0 multiplications instead of {n} (5 × 3).").format(
            n=W.size),
    ])  # fmt: skip


# --- 2. windows: what training reads -------------------------------------------------------


def _window_counts(words: LessonWords) -> tuple[int, int]:
    tokens = words.sentence_tokens
    return len(cbow_examples(tokens, WINDOW)), len(skipgram_pairs(tokens, WINDOW))


def _ask_windows(words: LessonWords) -> Question:
    n = len(words.sentence_tokens)
    _cbow, pairs = _window_counts(words)
    options = sorted({n, 2 * n, pairs, 4 * n, n * n})[:4]
    if pairs not in options:
        options[-1] = pairs
    return Question(
        _("“{sentence}” has {n} words. With window {window}, how many (centre word, context "
          "word) pairs does skip-gram train on?").format(
            sentence=words.sentence, n=n, window=WINDOW),
        [str(o) for o in sorted(options)],
    )  # fmt: skip


def _reveal_windows(wv: Vectors | None, words: LessonWords) -> Reveal:
    cbow, pairs = _window_counts(words)
    options = _ask_windows(words).options
    return Reveal(options.index(str(pairs)), [
        _("Skip-gram: {pairs} pairs, each centre word with each of its context words (fewer "
          "at the ends of the sentence).").format(pairs=pairs),
        _("CBOW: {cbow} examples, one per centre word: its context is averaged into one "
          "input.").format(cbow=cbow),
    ])  # fmt: skip


# --- 3. training live ------------------------------------------------------------------------


def _closest_options(words: LessonWords) -> list[str]:
    return [words.kitten, words.dog, words.house, words.king]


def _ask_train(words: LessonWords) -> Question:
    return Question(
        _("Press ▶ Play and watch. Which word will end up closest to “{word}”?").format(
            word=words.cat),
        _closest_options(words),
    )  # fmt: skip


def _reveal_train(wv: Vectors, words: LessonWords) -> Reveal:
    options = _closest_options(words)
    scores = [wv.similarity(words.cat, w) for w in options]
    top = ", ".join(f"{w} {s:.2f}" for w, s in wv.most_similar(words.cat, topn=3))
    return Reveal(_best(scores), [
        _("Nearest neighbours of {word} after training: {top}.").format(word=words.cat, top=top),
        _("Cosine with {word}: {scores}.").format(
            word=words.cat, scores=", ".join(f"{w} {s:.2f}" for w, s in zip(options, scores,
                                                                         strict=True))),
        _("Words that appear in the same contexts get similar rows of W."),
    ])  # fmt: skip


def _train_settings(words: LessonWords) -> dict:
    # with Step.config (the default settings): the lesson's corpus's words tracked, paused
    return {"train.track": ", ".join(words.sample.track), "train.playing": False}


# --- 4. a map ------------------------------------------------------------------------------


def _pairs(words: LessonWords) -> list[tuple[str, str]]:
    return [(words.cat, words.kitten), (words.cat, words.king), (words.dog, words.queen),
            (words.house, words.woman)]  # fmt: skip


def _ask_map(words: LessonWords) -> Question:
    return Question(
        _("On the PCA map of the {n} most frequent words, which pair will sit closest "
          "together?").format(n=MAP_WORDS),
        [f"{a} & {b}" for a, b in _pairs(words)],
    )  # fmt: skip


def _reveal_map(wv: Vectors, words: LessonWords) -> Reveal:
    from explorer.maps.pca import pca
    from explorer.maps.projection import map_rows

    rows = map_rows(wv.key_to_index, MAP_WORDS, _group_words(words))  # as the page draws it
    index = {wv.index_to_key[r]: i for i, r in enumerate(rows)}
    coords = pca(wv.vectors[rows]).coords
    pairs = _pairs(words)
    far = float("inf")
    dist = [float(np.linalg.norm(coords[index[a]] - coords[index[b]]))
            if a in index and b in index else far for a, b in pairs]  # fmt: skip
    shown = ", ".join(f"{a} & {b} {d:.2f}" for (a, b), d in zip(pairs, dist, strict=True))
    cosines = ", ".join(f"{a} & {b} {wv.similarity(a, b):.2f}" for a, b in pairs)
    return Reveal(int(np.argmin(dist)), [
        _("Distances on the map: {pairs}.").format(pairs=shown),
        _("Cosine similarity in the full vectors: {pairs}.").format(pairs=cosines),
        _("PCA keeps the directions of largest spread; pairs close in all {d} dimensions "
          "usually stay close on the map, but a flat picture can also squeeze far words "
          "together.").format(d=wv.vector_size),
    ])  # fmt: skip


def _group_words(words: LessonWords) -> list[str]:
    return [w for _name, group in words.sample.groups for w in group]


def _map_settings(words: LessonWords) -> dict:
    from explorer.maps.clusters import format_groups

    # the page's defaults: the corpus's example groups on the map, labelled and coloured
    groups = format_groups(words.sample.groups, current_language())
    return {"proj.method": "PCA", "proj.dims": 2, "proj.n": MAP_WORDS, "proj.colour": "my groups",
            "proj.groups": groups, "proj.groups_for": words.sample.key}  # fmt: skip


# --- 5. similarity ------------------------------------------------------------------------------


def _orderings(words: LessonWords) -> list[tuple[str, str, str]]:
    k, d, h = words.kitten, words.dog, words.house
    return [(k, d, h), (d, k, h), (h, d, k), (k, h, d)]


def _ask_similarity(words: LessonWords) -> Question:
    return Question(
        _("Order these words from most to least similar to “{word}”.").format(word=words.cat),
        [" > ".join(o) for o in _orderings(words)],
    )


def _reveal_similarity(wv: Vectors, words: LessonWords) -> Reveal:
    options = _orderings(words)
    scores = {w: wv.similarity(words.cat, w) for w in options[0]}
    actual = tuple(sorted(scores, key=scores.get, reverse=True))
    answer = options.index(actual) if actual in options else -1
    return Reveal(answer, [
        _("Cosine similarity with {word}: {scores}.").format(
            word=words.cat, scores=", ".join(f"{w} {scores[w]:.2f}" for w in actual)),
        _("1 means the same direction, 0 unrelated, −1 opposite."),
    ])  # fmt: skip


def _similarity_settings(words: LessonWords) -> dict:
    return {"sim.words": [words.cat, words.kitten, words.dog, words.house]}


# --- 6. an analogy -------------------------------------------------------------------------------


def _analogy_options(words: LessonWords) -> list[str]:
    return [words.queen, words.house, words.puppy, words.kitten]


def _ask_analogy(words: LessonWords) -> Question:
    return Question(
        _("{a} − {b} + {c} = ?").format(a=words.king, b=words.man, c=words.woman),
        _analogy_options(words),
    )


def _reveal_analogy(wv: Vectors, words: LessonWords) -> Reveal:
    options = _analogy_options(words)
    ranked = wv.analogy(words.king, words.man, words.woman, topn=len(wv))  # 3CosAdd
    score = dict(ranked)
    scores = [score.get(w, -1.0) for w in options]
    top = ranked[:3]
    return Reveal(_best(scores), [
        _("Closest to {a} − {b} + {c} (the three words themselves left out): {top}.").format(
            a=words.king, b=words.man, c=words.woman,
            top=", ".join(f"{w} {s:.2f}" for w, s in top)),
        _("The step from {b} to {a} is roughly the step from {c} to {d}.").format(
            a=words.king, b=words.man, c=words.woman, d=words.queen),
    ])  # fmt: skip


# --- 7. an embedding inside a classifier --------------------------------------------------


def _classifier_options(words: LessonWords) -> list[str]:
    return list(CLASSIFIER_OPTIONS.get(words.sample.language, CLASSIFIER_OPTIONS["en"]))


def _poles(words: LessonWords) -> tuple[str, str]:
    return POLES.get(words.sample.language, POLES["en"])


def _ask_classifier(words: LessonWords) -> Question:
    return Question(
        _("A classifier learns its own embedding table while it learns to tell positive "
          "reviews from negative ones. Which word ends up closest to “{word}” in its "
          "table?").format(word=_poles(words)[0]),
        _classifier_options(words),
    )  # fmt: skip


def _reveal_classifier(tv: TaskVectors, words: LessonWords) -> Reveal:
    good, bad = _poles(words)
    options = [w for w in _classifier_options(words) if w in tv.classifier]
    scores = [tv.classifier.similarity(good, w) if w in tv.classifier else -2.0
              for w in _classifier_options(words)]  # fmt: skip
    cmp = compare_neighbours(tv.classifier, tv.word2vec, good, bad, topn=3)
    top = lambda pairs: ", ".join(f"{w} {s:.2f}" for w, s in pairs)  # noqa: E731
    lines = [_("Cosine with {word} in the classifier's table: {scores}.").format(
        word=good, scores=", ".join(f"{w} {tv.classifier.similarity(good, w):.2f}"
                                    for w in options))]  # fmt: skip
    if cmp is not None and cmp.rank_classifier is not None:
        lines += [
            _("Closest to {word} in the classifier: {top}; {other} comes {rank} of {n} "
              "(cosine {cos:.2f}).").format(word=good, top=top(cmp.classifier), other=bad,
                                            rank=cmp.rank_classifier, n=cmp.n_words - 1,
                                            cos=cmp.cosine_classifier),
            _("In word2vec on the same sentences: {top}; {other} comes {rank} (cosine "
              "{cos:.2f}).").format(top=top(cmp.word2vec), other=bad,
                                    rank=cmp.rank_word2vec, cos=cmp.cosine_word2vec),
        ]  # fmt: skip
    lines.append(_("An embedding learns what its task rewards: word2vec puts words of the "
                   "same contexts together, the classifier puts words of the same verdict "
                   "together."))  # fmt: skip
    return Reveal(_best(scores), lines)


def _classifier_settings(words: LessonWords) -> dict:
    return {"clf.data": DEFAULT_DATA.get(words.sample.language, "pang_lee"),
            "clf.playing": False}  # fmt: skip
# --- 8. contextual embeddings ----------------------------------------------------------------

BANK_OPTIONS = (N_("closer"), N_("just as close: the same vector"), N_("farther"))


def _sense_language(words: LessonWords) -> str:
    return words.sample.language if words.sample.language in SENSE_FILES else "en"


def _ask_banks(words: LessonWords) -> Question:
    from explorer.lessons.contextual import sense_data, two_senses_text

    first, second = two_senses_text(sense_data(_sense_language(words)))
    return Question(
        _("A masked language model reads “{a}” and “{b}”. At its top layer, will the two "
          "“{word}” vectors be closer or farther than at layer 0 (the static embedding)?").format(
            a=first[1], b=second[1], word=first[0]),
        [_(o) for o in BANK_OPTIONS],
    )  # fmt: skip


def _reveal_banks(wv: Vectors | None, words: LessonWords) -> Reveal:
    from explorer.lessons.contextual import sense_data, trained_to_end, two_senses

    language = _sense_language(words)
    model, state = trained_to_end(language)
    pair = two_senses(model, state, sense_data(language))
    bottom, top = pair.trained[0], pair.trained[-1]
    answer = 0 if top > bottom + 1e-6 else 2 if top < bottom - 1e-6 else 1
    return Reveal(answer, [
        _("Cosine of the two “{word}” vectors: {bottom:.3f} at layer 0 (one vector per word, as "
          "word2vec), {top:.3f} at the top layer after training.").format(
            word=pair.word, bottom=bottom, top=top),
        _("The untrained model already gives {top0:.3f} at its top layer: random attention "
          "mixes different neighbours in. What training adds is the page's bar chart: how "
          "well all the occurrences split by sense.").format(top0=pair.untrained[-1]),
    ])  # fmt: skip


def _contextual_settings(words: LessonWords) -> dict:
    from explorer.lessons.contextual import sense_data, two_senses_text

    return {"ctx.word": two_senses_text(sense_data(_sense_language(words)))[0][0],
            "ctx.playing": False}


STEPS: tuple[Step, ...] = (
    Step("lookup", "pages/embedding_layer.py", "🔎", N_("An embedding is a lookup"),
         N_("Scroll to “one-hot × W”: the product and the lookup give the same rows."),
         _ask_lookup, _reveal_lookup, needs_model=False),
    Step("windows", "pages/corpus.py", "🪟", N_("Windows: what training reads"),
         N_("Under “Context windows”, move the target word along the sentence."),
         _ask_windows, _reveal_windows,
         lambda w: {"corpus.sentence": w.sentence_index, "corpus.window": WINDOW,
                    "corpus.mode": "Skip-gram", "corpus.custom": ""},
         needs_model=False),
    Step("train", "pages/train.py", "🏋️", N_("Training live"),
         N_("Press ▶ Play. Watch the loss fall and {cat} drift on the map."),
         _ask_train, _reveal_train, _train_settings, config=Word2VecConfig()),
    Step("map", "pages/projections.py", "🗺️", N_("Maps of the vectors"),
         N_("The example words are labelled and coloured by group; type any other word in "
            "“Find words”."),
         _ask_map, _reveal_map, _map_settings),
    Step("similarity", "pages/similarity.py", "📐", N_("Similarity"),
         N_("Read the heatmap and the ranking under it."),
         _ask_similarity, _reveal_similarity, _similarity_settings),
    Step("analogy", "pages/similarity.py", "🧮", N_("Analogies"),
         N_("Under “Analogies”, try the preset and the parallelogram."),
         _ask_analogy, _reveal_analogy, _similarity_settings),
    Step("classifier", "pages/sentiment.py", "👍", N_("An embedding inside a classifier"),
         N_("Press ▶ Play; then, under “The same words, two tasks”, compare the two "
            "tables' neighbours."),
         _ask_classifier, _reveal_classifier, _classifier_settings, model="classifier"),
    Step("contextual", "pages/contextual.py", "🏦", N_("Contextual embeddings"),
         N_("Press ▶ Play, then move the layer slider from 0 to the top."),
         _ask_banks, _reveal_banks, _contextual_settings, needs_model=False),
)  # fmt: skip
#: The classifier step's options: its good word's opposite, another positive word, a noun
#: of the reviews, a function word (all frequent enough in the lesson's data).
CLASSIFIER_OPTIONS = {"en": ("bad", "funny", "film", "the"), "zh": ("差", "不错", "酒店", "的")}
MINUTES_PER_STEP = 1.5
