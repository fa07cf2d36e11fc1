"""Contextual embeddings: train a tiny masked language model, watch one word's uses split."""

import streamlit as st

from explorer.app import contextual as ctx
from explorer.app import draw, link, player, view
from explorer.charts.contextual import occurrence_chart, separation_chart
from explorer.i18n import _
from explorer.lessons import contextual as lesson

view.page_setup()
st.title(_("🏦 Contextual embeddings"))
st.markdown(_(
    "word2vec gives **bank** one vector, whatever the sentence. A contextual model gives each "
    "occurrence its own vector, computed from its neighbours. Press **Play** to train a tiny "
    "BERT-style masked language model, then move the layer slider: layer 0 is the static "
    "embedding, the top layer is the word in its context."))  # fmt: skip
data, identity = ctx.context_data()
advanced = view.show_advanced()  # the presenter view: the player and the charts only
left, right = st.columns([2, 3])
causal = left.toggle(_("GPT-style: left context only"), key="ctx.causal", help=_(
    "BERT reads both sides of each word; GPT only what comes before it (a causal mask)."))
right.caption(_(
    "**BERT** fills in blanks ([MASK]) from both sides. **GPT** predicts each word from the "
    "words before it. **ELMo** came first (2018): two LSTM language models, one reading left "
    "to right and one right to left, their layers mixed into one vector per occurrence."))
config = lesson.page_config(causal)
run, was_reset = player.session_run("ctx", (identity, causal), lambda: lesson.live_run(
    data, config))
link.replay_to_url_step(run, lesson.CHUNK)  # a shared link names a step: train to it
if was_reset:
    st.info(_("The settings changed, so the model restarted from step 0 with the new settings."))
if not data.senses:
    st.info(_("Your corpus has no known senses: the points are not coloured, the layers work."))
playing = player.controls(run, "ctx", lesson.CHUNK)
words = lesson.word_choices(data, run.model)
ctx.start_on(words[0], config.n_layers, words)
mask = lesson.MASK_EXAMPLES.get(data.language, "")
if advanced:
    left, middle, right = st.columns([2, 2, 3])
    word = left.selectbox(_("Word"), words, key="ctx.word", help=_(
        "Every occurrence of this word in the corpus becomes a point."))
    mask = ctx.mask_input(data, right)
    layer = middle.slider(_("Layer"), 0, config.n_layers, key="ctx.layer", help=_(
        "0: the token embedding alone, the same point for every occurrence (word2vec's "
        "situation). Higher: after each transformer block."))
else:
    word, layer = st.session_state["ctx.word"], st.session_state["ctx.layer"]
group = lesson.probe_group(run, data)
ctx.remember_source(run, data, word)


def draw_live(frame, looking_back: bool) -> None:
    """Ten times a second while playing: the occurrences, the bars, the table, the blank."""
    occ = lesson.occurrence_map(run.model, run.state, data, word, layer, group)
    scores = lesson.layer_scores(run.model, run.state, run.initial, data, word, group)
    senses = data.sense_words().get(word, [])
    held = frame.info.get("test_accuracy")  # (none at step 0: nothing trained yet)
    player.metrics("ctx", [
        (_("Step"), f"{frame.step:,}", _("Batches trained so far")),
        (_("Held-out [MASK] accuracy"), "–" if held is None else f"{held:.3f}",
         _("Masked words guessed right in sentences the model never trains on")),
        (_("Senses apart (layer {layer})").format(layer=layer), "–" if occ.separation is None
         else f"{occ.separation:.2f}", _("Nearest-centroid accuracy of the senses")),
    ])  # fmt: skip
    title = _("“{word}” at layer {layer}: {n} occurrences").format(
        word=word, layer=layer, n=len(occ.xy))
    left, right = st.columns([3, 2])
    draw.vega(occurrence_chart(occ.xy, [ctx.sense_label(s) for s in occ.senses],
                                  occ.sentences, title, [ctx.sense_label(s) for s in senses]),
                 "ctx.map", left)  # fmt: skip
    draw.vega(separation_chart(scores.layers, scores.now, scores.start, scores.chance),
                 "ctx.bars", right)  # fmt: skip
    if occ.separation is not None:
        right.caption(_("At layer {layer}: {now:.2f} now, {start:.2f} untrained, chance "
                        "{chance:.2f}. Random attention already mixes neighbours in; training "
                        "adds the gap.").format(layer=layer, now=occ.separation,
                                                start=scores.start[layer], chance=occ.chance))
    reached = lesson.first_reached(*run.series(word)) if word in run.probes else None
    if reached == 0:
        st.info(_("“{word}” is ≥ {target} even untrained: mixing alone separates it. Watch "
                  "the gap in the bars.").format(word=word, target=lesson.SEPARATED))
    elif reached is not None:
        seconds = lesson.seconds_of_play(reached, lesson.CHUNK, run.tick_seconds)
        st.success(_("“{word}” separated (≥ {target}) at step {step:,}").format(
            word=word, target=lesson.SEPARATED, step=reached) + (_(
                ", about {s:.0f} s of Play.").format(s=seconds) if seconds else "."))
    if looking_back:
        st.caption(_("Looking back: the table and the figures show step {step:,}; the "
                     "occurrences need the whole model, so they show the newest step.").format(
                         step=frame.step))  # fmt: skip
    left, right = st.columns([3, 2])
    player.heatmap(run, "token_embedding", frame, looking_back, _("Token embedding (tracked "
                   "rows)"), "ctx.E", left)  # fmt: skip
    with right:
        ctx.mask_result(run.model, run.state, data, mask)


player.live(run, lesson.CHUNK, playing, draw_live, player.look_back(run, "ctx", playing), key="ctx")
curves = [player.Curve({"accuracy": _("training batches"), "test_accuracy": _(
    "held-out sentences")}, _("Masked-word accuracy"), _("accuracy"), (_(
        "bigram baseline"), lesson.bigram_baseline(run.model)))]
if run.probes:
    curves.append(player.Curve({w: w for w in run.probes}, _(
        "Senses apart at the top layer"), _("accuracy"), (_("chance"), c)
        if (c := lesson.chance(data, list(run.probes))) else None))  # fmt: skip
player.curves(run, "ctx", playing, curves)
if advanced:
    occ = lesson.occurrence_map(run.model, run.state, data, word, layer, group)
    tabs = st.tabs([_("Don't trouble trouble"), _("Static vs contextual"), _("Export")])
    with tabs[0]:
        ctx.sentence_panel(run.model, run.state, data, layer)
    with tabs[1]:
        ctx.static_panel(occ, data, identity)
    with tabs[2]:
        ctx.export_buttons(occ)
        st.code(link.share_link("contextual", run.step), language=None, wrap_lines=True)
st.caption(_("What to notice: at layer 0 every occurrence is one point; at the top layer the "
             "senses pull apart, a little even untrained, much more after training."))
