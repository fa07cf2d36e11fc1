"""Contextual embeddings: what the contextual page and the guided lesson read off a masked LM.

Usage:
    >>> data = sense_data("en")                    # the English sense corpus, held-out split
    >>> model = build_model(data, MLMConfig())
    >>> start = model.init_state()
    >>> state, _snap = model.train_steps(start, 200)
    >>> view = occurrence_map(model, state, data, "bank", layer=2)
    >>> view.xy.shape, view.senses[:2], view.separation   # (n, 2), ['money', 'river'], 0.9..
    >>> separation_by_layer(model, start, data, "bank")   # [0.5, 0.76, 0.77]: mixing alone
    >>> s = analyse_sentence(model, state, ["don't", "trouble", "trouble"])
    >>> s.pair, s.pair_cosines[0], s.attention.shape       # (1, 2), 1.0, (2, 2, 3, 3)
    >>> fill_mask(model, state, "She put money in the [MASK].")[:1]  # [('bank', 0.9)]
    >>> probe = separation_probe(model, data, "bank")      # for LiveRun(probes={...})

Layer 0 is the token embedding alone (no position), so every occurrence of a word is the
same vector there: word2vec's situation, scored exactly at chance. Higher layers mix in the
neighbours through attention. Even an untrained model mixes different neighbours into
different vectors, so the page always shows the untrained score beside the trained one;
the lesson is the gap between the two.

Why one module of about 570 lines: one lesson's five views of one model (one word in many
contexts, one sentence, static against contextual, the export, the guided step) share
its data, its cached layers and its notion of an occurrence; each view is a section.
"""

from __future__ import annotations

import math
import re
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache

import numpy as np

from explorer.i18n import N_
from explorer.maps.pca import pca_coords
from explorer.models.mlm import (
    MASK_TOKEN,
    SPECIALS,
    MaskedLM,
    MLMConfig,
    MLMState,
    forward,
    one_blas_thread,
    pad,
    sense_separation,
)
from explorer.models.sense_data import (
    FIRST_WORD,
    SENSE_FILES,
    Occurrence,
    heldout_split,
    load_senses,
)
from explorer.models.vectors import Vectors
from explorer.player.run import LiveRun
from explorer.text.tokenize import tokenize_sentence

#: The proverb of seed article 001: the same written word, a verb then a noun.
PROVERB = "Don't trouble trouble."
#: Sense labels of the sense corpora, for translation at the edge (``_(SENSE_LABELS[s])``).
SENSE_LABELS = {
    "money": N_("money"), "river": N_("river"), "verb": N_("verb"), "noun": N_("noun"),
    "weight": N_("not heavy"), "lamp": N_("lamp"), "water": N_("water"), "ball": N_("ball"),
    "call": N_("call"), "thing": N_("thing"), "direction": N_("direction"),
    "hair": N_("hair"), "paper": N_("paper"), "bridge": N_("bridge"),
    "chopsticks": N_("chopsticks"),
}  # fmt: skip
#: An example sentence with a blank, and one with a word twice in two senses, per language.
MASK_EXAMPLES = {"en": "She put money in the [MASK].", "zh": "爸爸去河里[MASK]水。",
                 "ja": "父は赤い[MASK]に字を書いた。"}  # fmt: skip
TWICE_EXAMPLES = {"en": PROVERB, "zh": "爸爸去河里打水，我去打篮球。",
                  "ja": "父ははしを渡って、はしを買った。"}  # fmt: skip
CHUNK = 4  # batches per live tick at the page's defaults (python -m bench.mlm: ticks a second)
SEPARATED = 0.9  # "separated": nearest-centroid accuracy at the top layer at least this
MAX_POINTS = 80  # occurrences of a word on the map and in the probe: enough to see, and
# quick each tick (measured: 80 occurrences of each of 3 words through the model in 33 ms)


@dataclass(frozen=True)
class ContextData:
    """The sentences a contextual model trains on, their texts, and senses where known."""

    language: str
    sentences: list[list[str]]
    texts: list[str]
    senses: list[list[str | None]] | None  # None for an upload: no sense colours
    train: list[int]
    heldout: list[int]

    def occurrences(self, word: str, limit: int | None = MAX_POINTS) -> list[Occurrence]:
        """Occurrences of ``word`` (evenly spread over the corpus when more than ``limit``)."""
        found = [
            Occurrence(i, j, self.senses[i][j] if self.senses else None)
            for i, tokens in enumerate(self.sentences)
            for j, token in enumerate(tokens)
            if token == word
        ]
        if limit is not None and len(found) > limit:
            keep = np.linspace(0, len(found) - 1, limit).round().astype(int)
            found = [found[k] for k in keep]
        return found

    def sense_words(self) -> dict[str, list[str]]:
        """Each word with known senses and its senses (``{}`` for an upload)."""
        words: dict[str, list[str]] = {}
        for tokens, senses in zip(self.sentences, self.senses or [], strict=False):
            for token, sense in zip(tokens, senses, strict=True):
                if sense is not None and sense not in words.setdefault(token, []):
                    words[token].append(sense)
        return words


def sense_data(language: str) -> ContextData:
    """The sense corpus of ``language`` (English when there is none), 10% held out."""
    corpus = load_senses(language if language in SENSE_FILES else "en")
    train, held = heldout_split(len(corpus.sentences), fraction=0.1, seed=0)
    return ContextData(corpus.language, corpus.sentences, corpus.texts, corpus.senses,
                       train, held)  # fmt: skip


def upload_data(sentences: Sequence[Sequence[str]], script: str = "latin") -> ContextData:
    """Any tokenized corpus (an upload): no senses; texts are the tokens joined again."""
    joiner = "" if script in ("zh", "ja") else " "
    sentences = [list(s) for s in sentences if s]
    train, held = heldout_split(len(sentences), fraction=0.1, seed=0)
    return ContextData(script, sentences, [joiner.join(s) for s in sentences], None, train,
                       held)  # fmt: skip


def build_model(data: ContextData, config: MLMConfig | None = None) -> MaskedLM:
    """The masked LM over ``data``'s training sentences, scored on its held-out ones."""
    return MaskedLM([data.sentences[i] for i in data.train], config,
                    heldout=[data.sentences[i] for i in data.heldout])  # fmt: skip


def word_choices(data: ContextData, model: MaskedLM, n: int = 30) -> list[str]:
    """Words to pick: those with known senses first, then the most frequent real words."""
    known = [w for w in data.sense_words() if w in model.index]
    first = FIRST_WORD.get(data.language)
    if first in known:
        known.remove(first)
        known.insert(0, first)
    frequent = [w for w in model.words[len(SPECIALS):] if w not in known]
    return (known + frequent)[: max(n, len(known))]


# --------------------------------------------------------------------- one word, many contexts


@dataclass(frozen=True)
class OccurrenceMap:
    """One word's occurrences at one layer: 2-D positions, senses, sentences, a score."""

    word: str
    layer: int
    xy: np.ndarray  # (n, 2): PCA of the occurrences' vectors at this layer
    vectors: np.ndarray  # (n, d)
    senses: list[str | None]
    sentences: list[str]
    separation: float | None  # nearest-centroid accuracy (None without two known senses)
    chance: float | None


@dataclass(frozen=True)
class WordGroup:
    """The occurrences of a few words, run through the model together (one pass a tick)."""

    occurrences: tuple[Occurrence, ...]
    spans: dict[str, slice]


def word_group(data: ContextData, words: Sequence[str], limit: int = MAX_POINTS) -> WordGroup:
    """The occurrences of ``words`` (at most ``limit`` each), one after the other."""
    occurrences: list[Occurrence] = []
    spans = {}
    for word in dict.fromkeys(words):
        found = data.occurrences(word, limit)
        spans[word] = slice(len(occurrences), len(occurrences) + len(found))
        occurrences += found
    return WordGroup(tuple(occurrences), spans)


def _word_layers(model: MaskedLM, state: MLMState, data: ContextData, word: str,
                 group: WordGroup | None) -> tuple[list[Occurrence], np.ndarray]:
    if group is None or word not in group.spans:
        group = word_group(data, [word])
    span = group.spans[word]
    occ = list(group.occurrences[span])
    if not occ:
        return occ, np.zeros((model.config.n_layers + 1, 0, model.config.d_model))
    return occ, occurrence_layers(model, state, data, group.occurrences)[:, span]


_MEMO: list[tuple[tuple, MLMState, np.ndarray]] = []  # the last few states' vectors
_MEMO_SIZE = 6


def occurrence_layers(model: MaskedLM, state: MLMState, data: ContextData,
                      occurrences: Sequence[Occurrence]) -> np.ndarray:
    """The occurrences' vectors at every layer, ``(n_layers + 1, n, d)``, in one pass.

    Layer 0 is the token embedding alone (as :meth:`MaskedLM.contextual_vectors`). The
    last few results are kept (keyed by the state object, which never changes), so the
    live probe, the map and the bars of one tick run the model once, not once each.
    """
    key = (id(model), id(data), tuple(occurrences))
    for i, (k, kept_state, layers) in enumerate(_MEMO):
        if kept_state is state and k == key:
            _MEMO.append(_MEMO.pop(i))  # used last, dropped last (step 0 stays for the bars)
            return layers
    used = sorted({o.sentence for o in occurrences})
    where = {sentence: i for i, sentence in enumerate(used)}
    ids, lengths = pad([model.encode(data.sentences[i]) for i in used])
    rows = np.array([where[o.sentence] for o in occurrences], dtype=int)
    cols = np.array([o.position for o in occurrences], dtype=int)
    with one_blas_thread():
        outputs, _caches = forward(state.params, model.config, ids, lengths)
    layers = np.stack([state.params["E"][ids[rows, cols]]]
                      + [h[rows, cols] for h in outputs])  # fmt: skip
    _MEMO.append((key, state, layers))
    del _MEMO[:-_MEMO_SIZE]
    return layers


def occurrence_map(model: MaskedLM, state: MLMState, data: ContextData, word: str,
                   layer: int, group: WordGroup | None = None) -> OccurrenceMap:
    """The occurrences of ``word`` at ``layer`` on their own first two principal axes.

    At layer 0 every occurrence has the same vector, so they all sit at (0, 0). With a
    ``group`` holding ``word``, its pass through the model is shared with the probes.
    """
    occ, layers = _word_layers(model, state, data, word, group)
    if not occ:
        raise KeyError(f"{word!r} does not occur in the corpus")
    vecs = layers[layer]
    senses = [o.sense for o in occ]
    score, chance = _separation(vecs, senses)
    return OccurrenceMap(word, layer, pca_coords(vecs.astype(np.float64)), vecs, senses,
                         [data.texts[o.sentence] for o in occ], score, chance)  # fmt: skip


def _separation(vecs: np.ndarray, senses: Sequence[str | None]):
    known = [i for i, s in enumerate(senses) if s is not None]
    if len({senses[i] for i in known}) < 2:
        return None, None
    return sense_separation(vecs[known], [senses[i] for i in known])


def separation_by_layer(model: MaskedLM, state: MLMState, data: ContextData, word: str,
                        group: WordGroup | None = None) -> list[float | None]:
    """Nearest-centroid accuracy of ``word``'s senses at each layer 0..n_layers."""
    occ, layers = _word_layers(model, state, data, word, group)
    senses = [o.sense for o in occ]
    return [_separation(vecs, senses)[0] if occ else None for vecs in layers]


@dataclass(frozen=True)
class LayerScores:
    """Sense separation per layer now and at step 0 (the untrained model), and chance."""

    layers: list[int]
    now: list[float | None]
    start: list[float | None]
    chance: float | None


def layer_scores(model: MaskedLM, state: MLMState, start: MLMState, data: ContextData,
                 word: str, group: WordGroup | None = None) -> LayerScores:
    """Both sides of the honest comparison: what mixing alone does, what training adds."""
    senses = {o.sense for o in data.occurrences(word)} - {None}
    chance = 1 / len(senses) if len(senses) >= 2 else None
    return LayerScores(list(range(model.config.n_layers + 1)),
                       separation_by_layer(model, state, data, word, group),
                       separation_by_layer(model, start, data, word, group), chance)


def separation_probe(model: MaskedLM, data: ContextData, word: str,
                     group: WordGroup | None = None) -> Callable[[MLMState], float]:
    """``probe(state)``: the top layer's sense separation of ``word`` (NaN without senses).

    For the live player's probes, so the figure is a curve that moves while training plays.
    Probes of one ``group`` share one pass through the model per state.
    """

    def probe(state: MLMState) -> float:
        score = separation_by_layer(model, state, data, word, group)[-1]
        return float("nan") if score is None else score

    return probe


def probe_words(data: ContextData, model: MaskedLM, most: int = 3) -> list[str]:
    """The words whose separation the live run follows: those with known senses, first first."""
    return word_choices(data, model)[: min(most, len(data.sense_words()))]


def first_reached(steps: Sequence[int], values: Sequence[float], target: float = SEPARATED
                  ) -> int | None:
    """The first step at which a probe's curve reached ``target`` (None if it has not).

    Step 0 counts: a word the untrained model already separates is reached at 0, and the
    page says so instead of crediting training.
    """
    for step, value in zip(steps, values, strict=True):
        if value >= target:
            return int(step)
    return None


def seconds_of_play(step: int, chunk: int, tick_seconds: Sequence[float]) -> float | None:
    """About how long Play took to reach ``step``: its ticks times the median tick measured
    (None before any tick was timed)."""
    if not len(tick_seconds):
        return None
    return math.ceil(step / chunk) * float(np.median(np.asarray(tick_seconds)))


def page_config(causal: bool = False) -> MLMConfig:
    """The page's model: the defaults of :class:`MLMConfig`, BERT-style or GPT-style."""
    return MLMConfig(causal=causal)


def live_run(data: ContextData, config: MLMConfig) -> LiveRun:
    """The page's run: the masked LM over ``data``, the sense words' separation as probes
    (one pass through the model per tick for all of them), their rows tracked."""
    model = build_model(data, config)
    words = probe_words(data, model)
    group = word_group(data, words)
    probes = {w: separation_probe(model, data, w, group) for w in words}
    track = word_choices(data, model, n=12)
    return LiveRun(model, track, map_table="token_embedding", probes=probes)


_BIGRAM: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def bigram_baseline(model: MaskedLM) -> float:
    """The held-out [MASK] accuracy of guessing from the left neighbour (once per model)."""
    if model not in _BIGRAM:
        _BIGRAM[model] = model.bigram_accuracy()
    return _BIGRAM[model]


def chance(data: ContextData, words: Sequence[str]) -> float | None:
    """The chance level shared by ``words``' sense separation (None if they differ)."""
    levels = {1 / len(senses) for w, senses in data.sense_words().items() if w in words}
    return levels.pop() if len(levels) == 1 else None


def probe_group(run: LiveRun, data: ContextData) -> WordGroup:
    """The word group the run's probes share (so the map reuses their pass)."""
    return word_group(data, list(run.probes))


# ------------------------------------------------------------------------------ one sentence


@dataclass(frozen=True)
class SentenceView:
    """One sentence through the model: its tokens' vectors at every layer and the attention."""

    tokens: list[str]
    known: list[bool]  # False: the word is not in the vocabulary (read as [UNK])
    layers: list[np.ndarray]  # layer 0..L, each (n, d)
    attention: np.ndarray  # (L, heads, n, n); row i: what token i attends to
    pair: tuple[int, int] | None  # two positions of the same word, if any
    pair_cosines: list[float]  # their cosine at each layer
    no_position_cosines: list[float]  # the same with the position embeddings set to zero


def tokens_of(text: str, keep: Sequence[str] = ()) -> list[str]:
    """The tokens the model reads for a typed sentence.

    ``[MASK]`` (any case) and each word of ``keep`` (the words with senses) stay one token
    each, as in the sense corpora, where a segmenter would glue 打 to 电话.

    >>> tokens_of("他打电话叫我去打球", keep=["打"])
    ['他', '打', '电话', '叫', '我', '去', '打', '球']
    """
    kept = sorted({MASK_TOKEN.lower(), *keep}, key=len, reverse=True)
    pattern = "(" + "|".join(re.escape(w) for w in kept) + ")"
    tokens: list[str] = []
    for k, piece in enumerate(re.split(pattern, text, flags=re.IGNORECASE)):
        if k % 2:
            tokens.append(MASK_TOKEN if piece.lower() == MASK_TOKEN.lower() else piece)
        else:
            tokens += tokenize_sentence(piece)
    return tokens


def repeated_pair(tokens: Sequence[str], prefer: Sequence[str] = ()) -> tuple[int, int] | None:
    """The first two positions of a repeated word of ``prefer``, else of any repeated word.

    >>> repeated_pair(["爸爸", "去", "打", "水", "我", "去", "打", "篮球"], prefer=["打"])
    (2, 6)
    """
    for candidates in ([t for t in tokens if t in set(prefer)], list(tokens)):
        seen: dict[str, int] = {}
        for j, t in enumerate(tokens):
            if t in candidates and t in seen:
                return seen[t], j
            seen.setdefault(t, j)
    return None


def without_positions(state: MLMState) -> MLMState:
    """The same model with its position embedding set to zero (to show what it is for)."""
    params = dict(state.params)
    params["P"] = np.zeros_like(params["P"])
    return replace(state, params=params)


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return float(a @ b / max(np.linalg.norm(a) * np.linalg.norm(b), 1e-12))


def analyse_sentence(model: MaskedLM, state: MLMState, tokens: Sequence[str],
                     prefer: Sequence[str] = ()) -> SentenceView:
    """Every layer's vectors and the attention of ``tokens``; the cosine of a repeated word.

    Without position embeddings a bidirectional model gives two copies of a word in one
    sentence the same vector at every layer (attention does not know the order), which
    ``no_position_cosines`` shows; with them the copies can differ.
    """
    tokens = list(tokens)[: model.config.max_len]
    if not tokens:
        raise ValueError("the sentence has no words")
    ids = model.encode(tokens)
    layers = [model.contextual_vectors(state, [ids], layer)[0]
              for layer in range(model.config.n_layers + 1)]  # fmt: skip
    pair = repeated_pair(tokens, prefer)
    cosines, flat = [], []
    if pair is not None:
        i, j = pair
        cosines = [_cosine(h[i], h[j]) for h in layers]
        bare = without_positions(state)
        flat = [_cosine(h[i], h[j]) for h in (
            model.contextual_vectors(bare, [ids], layer)[0]
            for layer in range(model.config.n_layers + 1))]  # fmt: skip
    return SentenceView(tokens, [t in model.index for t in tokens], layers,
                        model.attention(state, ids), pair, cosines, flat)  # fmt: skip


def fill_mask(model: MaskedLM, state: MLMState, text: str, keep: Sequence[str] = (),
              topk: int = 5) -> list[tuple[str, float]]:
    """The ``topk`` words for the first ``[MASK]`` of a typed sentence, with probabilities.

    Raises ``ValueError`` when the sentence has no ``[MASK]``.
    """
    return model.fill_mask(state, tokens_of(text, keep), topk=topk)


# -------------------------------------------------------------------- static vs contextual


def static_vectors(data: ContextData, seed: int = 0) -> Vectors:
    """word2vec (CBOW, seeded) on the sentences the masked LM trains on (about 0.4 s here).

    One vector per word, whatever the sentence: the static side of the comparison.
    """
    from explorer.models.word2vec.model import Word2Vec

    return Word2Vec(vector_size=32, window=3, min_count=1, epochs=20, seed=seed).fit(
        [data.sentences[i] for i in data.train]).wv


@dataclass(frozen=True)
class Neighbour:
    """A nearest occurrence: its sentence, sense (None if unknown) and cosine."""

    sentence: str
    sense: str | None
    cosine: float


def occurrence_neighbours(view: OccurrenceMap, index: int, topn: int = 8) -> list[Neighbour]:
    """The occurrences nearest (by cosine) to occurrence ``index`` of a map, itself left out."""
    X = view.vectors.astype(np.float64)
    X = X / np.maximum(np.linalg.norm(X, axis=1, keepdims=True), 1e-12)
    scores = X @ X[index]
    scores[index] = -np.inf
    best = np.argsort(-scores, kind="stable")[:topn]
    return [Neighbour(view.sentences[k], view.senses[k], float(scores[k])) for k in best]


# ------------------------------------------------------------------------------------ export


def projector_tsv(view: OccurrenceMap) -> tuple[bytes, bytes]:
    """``(vectors.tsv, metadata.tsv)`` of a map's occurrences, for projector.tensorflow.org.

    The metadata has a header (``label, word, sense, sentence``): the projector colours by
    any column and shows the sentence on hover.
    """
    clean = lambda s: " ".join(str(s).split())  # noqa: E731 (tabs and line breaks)
    vectors = "".join("\t".join(f"{x:.6g}" for x in row) + "\n" for row in view.vectors.tolist())
    rows = ["label\tword\tsense\tsentence"] + [
        f"{label}\t{clean(view.word)}\t{clean(sense or '')}\t{clean(sentence)}"
        for label, sense, sentence in zip(occurrence_labels(view), view.senses,
                                          view.sentences, strict=True)]  # fmt: skip
    return vectors.encode("utf-8"), ("\n".join(rows) + "\n").encode("utf-8")


def occurrence_labels(view: OccurrenceMap) -> list[str]:
    """Distinct labels of a map's occurrences: ``bank#1 (money)``, ``bank#2 (river)``, ..."""
    return [f"{view.word}#{i + 1}" + (f" ({s})" if s else "") for i, s in enumerate(view.senses)]


def occurrence_vectors(view: OccurrenceMap) -> Vectors:
    """A map's occurrences as :class:`Vectors` (one key per occurrence), for other pages."""
    return Vectors(occurrence_labels(view), view.vectors)


# ----------------------------------------------------------------------- the guided lesson


@dataclass(frozen=True)
class TwoSenses:
    """Two occurrences of one word in different senses, and their cosine at each layer."""

    word: str
    sentences: tuple[str, str]
    senses: tuple[str, str]
    trained: list[float]  # cosine per layer after training
    untrained: list[float]  # the same at step 0


@cache
def trained_to_end(language: str, config: MLMConfig | None = None
                   ) -> tuple[MaskedLM, MLMState]:
    """The masked LM at ``config`` (the defaults) trained to its end on the sense corpus.

    Cached per process: about 10 s the first time (``python -m bench.mlm``).
    """
    model = build_model(sense_data(language), config or MLMConfig())
    state, _snap = model.train_steps(model.init_state(), model.total_steps)
    return model, state


def _first_of_two_senses(data: ContextData, word: str | None) -> tuple[str, list[Occurrence]]:
    word = word or FIRST_WORD.get(data.language, "bank")
    occ = data.occurrences(word, limit=None)
    senses = data.sense_words()[word]
    return word, [next(o for o in occ if o.sense == s) for s in senses[:2]]


def two_senses_text(data: ContextData, word: str | None = None
                    ) -> tuple[tuple[str, str], tuple[str, str]]:
    """``((word, sentence), (word, sentence))``: the pair :func:`two_senses` compares."""
    word, pair = _first_of_two_senses(data, word)
    return (word, data.texts[pair[0].sentence]), (word, data.texts[pair[1].sentence])


def two_senses(model: MaskedLM, state: MLMState, data: ContextData,
               word: str | None = None) -> TwoSenses:
    """The first occurrence of each of ``word``'s first two senses, compared layer by layer."""
    word, pair = _first_of_two_senses(data, word)
    senses = [o.sense for o in pair]

    def cosines(s: MLMState) -> list[float]:
        return [_cosine(*model.occurrence_vectors(s, data.sentences, pair, layer))
                for layer in range(model.config.n_layers + 1)]  # fmt: skip

    return TwoSenses(word, (data.texts[pair[0].sentence], data.texts[pair[1].sentence]),
                     (senses[0], senses[1]), cosines(state), cosines(model.init_state()))

