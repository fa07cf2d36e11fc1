"""The masked language model's speed and what it learns on the English sense corpus.

Usage:
    python -m bench.mlm [--seeds 0] [--chunk 4] [--causal]

Prints, at the defaults of ``MLMConfig`` (issue 15's budgets in brackets; never asserted):
1. seconds per epoch over the English sense corpus's training sentences [<= 2 s];
2. milliseconds per ``train_steps`` call of ``--chunk`` batches, as a live page would make
   them, and the updates per second that allows [>= 5];
3. seconds of training until the senses of *bank* separate (leave-one-out nearest-centroid
   accuracy >= 0.9 at the top layer, scored after every epoch; scoring time not counted),
   beside the same score for the untrained model (step 0: random attention already mixes
   different neighbours into different vectors; the honest figure is the gap), and the
   score at every layer at step 0 and at the end, for bank, trouble and light [<= 60 s];
4. held-out [MASK] accuracy at the end against a bigram baseline (the word that most often
   follows the left neighbour) on the same masked positions [the model wins].

5. the live page's tick at its defaults (``explorer.lessons.contextual.CHUNK`` batches, then
   the separation probes of bank, trouble and light and the occurrence map of bank at the
   top layer, as the page computes them
   on each tick of Play): milliseconds a tick, ticks a second, and the seconds of Play until
   *bank* separates (>= 0.9), with the untrained model's score beside it [>= 5 updates/s,
   <= 60 s].

``--causal`` repeats 3 and 4 with the GPT-style mask (left context only), whose vectors
cannot tell "walked to the bank to ..." apart by what comes after.

PyTorch is not used: at this size (d 64, 2 layers, about 30 tokens a sentence, batches of
32) a step is a few dozen small matrix products, so numpy's per-call overhead is what
costs, and torch's eager CPU mode has a similar overhead per operation; an install of
several hundred MB would not buy a visible gain (not measured here: torch is not installed).
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace

import numpy as np

from explorer.lessons import contextual
from explorer.models.mlm import MaskedLM, MLMConfig, sense_separation
from explorer.models.sense_data import heldout_split, load_senses

WORDS = ["bank", "trouble", "light"]
TARGET = 0.9


def build(config: MLMConfig):
    corpus = load_senses("en")
    train, held = heldout_split(len(corpus.sentences), fraction=0.1, seed=0)
    model = MaskedLM([corpus.sentences[i] for i in train], config,
                     heldout=[corpus.sentences[i] for i in held])
    return corpus, model


def scores(model: MaskedLM, corpus, state, word: str) -> list[float]:
    """The nearest-centroid accuracy of ``word``'s senses at every layer."""
    occ = corpus.occurrences(word)
    senses = [o.sense for o in occ]
    return [sense_separation(model.occurrence_vectors(state, corpus.sentences, occ, layer),
                             senses)[0]
            for layer in range(model.config.n_layers + 1)]


def speed(config: MLMConfig, chunk: int) -> None:
    corpus, model = build(config)
    state = model.init_state()
    state, _ = model.train_steps(state, 2)  # warm up
    epochs = []
    for _ in range(2):
        t0 = time.perf_counter()
        state, _ = model.train_steps(state, model.batches_per_epoch)
        epochs.append(time.perf_counter() - t0)
    calls = []
    for _ in range(20):
        t0 = time.perf_counter()
        state, _ = model.train_steps(state, chunk)
        calls.append(time.perf_counter() - t0)
    ms = 1000 * float(np.median(calls))
    n_train = len(model.train_ids)
    print(f"corpus: {n_train} training + {len(model.heldout_ids)} held-out sentences, "
          f"vocabulary {len(model.words)}, {model.batches_per_epoch} batches an epoch")
    print(f"seconds per epoch: {min(epochs):.2f} (best of 2) [budget <= 2 s]")
    print(f"train_steps({chunk}) with the held-out figures: {ms:.1f} ms median "
          f"-> {1000 / ms:.1f} updates/s at most [budget >= 5]")


def separation(config: MLMConfig) -> None:
    corpus, model = build(config)
    state = model.init_state()
    start = {w: scores(model, corpus, state, w) for w in WORDS}
    trained, reached, snap = 0.0, None, None
    history = []
    while snap is None or not snap.finished:
        t0 = time.perf_counter()
        state, snap = model.train_steps(state, model.batches_per_epoch)
        trained += time.perf_counter() - t0
        top = scores(model, corpus, state, "bank")[-1]
        history.append(top)
        if reached is None and top >= TARGET:
            reached = (snap.epoch, trained)
    label = "causal (GPT-style)" if config.causal else "bidirectional (BERT-style)"
    print(f"\n{label}, seed {config.seed}: {config.epochs} epochs in {trained:.1f} s of training")
    if reached:
        print(f"bank separates (top layer >= {TARGET}) after epoch {reached[0]}, "
              f"{reached[1]:.1f} s of training [budget <= 60 s]")
    else:
        print(f"bank never reached {TARGET} at the top layer (best {max(history):.3f})")
    print("bank, top layer, after each epoch: " + " ".join(f"{s:.2f}" for s in history))
    end = {w: scores(model, corpus, state, w) for w in WORDS}
    for w in WORDS:
        row = " | ".join(f"layer {i}: {a:.3f} -> {b:.3f}"
                         for i, (a, b) in enumerate(zip(start[w], end[w], strict=True)))
        chance = 1 / len(corpus.sense_words()[w])
        print(f"  {w:8s} step 0 -> end: {row}  (chance {chance:.2f})")
    print(f"held-out [MASK] accuracy {snap.metrics['test_accuracy']:.3f} vs bigram baseline "
          f"{model.bigram_accuracy():.3f} (same masked positions)")


def play(config: MLMConfig, word: str = "bank", limit: float = 120.0) -> None:
    """Ticks as the page's Play makes them: the page's LiveRun trains a chunk and records its
    probes, then the draw's figures (map, bars, [MASK]); until ``word`` separates."""
    data = contextual.sense_data("en")
    run = contextual.live_run(data, config)
    group = contextual.probe_group(run, data)
    untrained = run.latest(word)
    top = config.n_layers
    played, seconds = 0.0, []
    while played < limit and not run.finished:
        t0 = time.perf_counter()
        run.tick(contextual.CHUNK)
        contextual.occurrence_map(run.model, run.state, data, word, top, group)
        contextual.layer_scores(run.model, run.state, run.initial, data, word, group)
        contextual.fill_mask(run.model, run.state, contextual.MASK_EXAMPLES["en"])
        seconds.append(time.perf_counter() - t0)
        played += seconds[-1]
        if run.latest(word) >= contextual.SEPARATED:
            break
    ms = 1000 * float(np.median(seconds))
    print(f"\nlive tick at the page's defaults ({contextual.CHUNK} batches, probes of "
          f"{', '.join(run.probes)}, map, bars and [MASK] of {word}; drawing not counted): "
          f"{ms:.0f} ms median -> {1000 / ms:.1f} updates/s [budget >= 5]")
    reached = contextual.first_reached(*run.series(word))
    if reached:
        print(f"{word} separates (top layer >= {contextual.SEPARATED}) after {played:.1f} s "
              f"of Play ({len(seconds)} ticks, step {reached}, score {run.latest(word):.3f}); "
              f"untrained model: {untrained:.3f} [budget <= 60 s]")
    else:
        print(f"{word} did not reach {contextual.SEPARATED} in {played:.0f} s of Play "
              f"(untrained {untrained:.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="0", help="comma-separated seeds for part 3-4")
    parser.add_argument("--chunk", type=int, default=4, help="batches per live update")
    parser.add_argument("--causal", action="store_true", help="also train the GPT-style mask")
    args = parser.parse_args()
    config = MLMConfig()
    print(f"MLMConfig defaults: {config}")
    speed(config, args.chunk)
    play(config)
    for seed in map(int, args.seeds.split(",")):
        separation(replace(config, seed=seed))
        if args.causal:
            separation(replace(config, seed=seed, causal=True))


if __name__ == "__main__":
    main()
