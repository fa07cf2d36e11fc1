"""Train live: press Play and watch a CBOW word2vec model learn."""

import streamlit as st

from explorer.app import (
    corpus,
    draw,
    exports,
    link,
    microscope,
    player,
    settings_form,
    training,
    view,
)
from explorer.charts.training import matrix_heatmap
from explorer.i18n import _
from explorer.lessons import train_live as lesson

view.page_setup()
st.title(_("🏋️ Train live"))
st.markdown(_(
    "A tiny **CBOW** model reads the corpus a batch of windows at a time: the context words' "
    "rows of **W** are averaged and must predict the centre word. Press **Play** and watch "
    "the matrix change, the loss fall and related words drift together."
))  # fmt: skip
config, track, chunk, map_top = settings_form.training_settings()
run, was_reset = training.live_run(config, track, map_top)
link.replay_to_url_step(run, chunk)  # a shared link names a step: train to it
if was_reset:
    st.info(_("The settings changed, so the model restarted from step 0 with the new settings."))
if run.missing:
    st.warning(_("Not in the vocabulary (too rare?), so not tracked: {words}").format(
        words=", ".join(run.missing)))  # fmt: skip

advanced = view.show_advanced()  # the presenter view keeps Play, Pause, Step, Reset
playing = player.controls(run, "train", chunk)
back = player.look_back(run, "train", playing)


def frame_view(shown, looking_back: bool) -> None:
    """Ten times a second while playing: the figures, the matrices and the map."""
    lr, seen = run.state.learning_rate, run.state.examples_seen
    loss = shown.info.get("loss", float("nan"))
    player.metrics("train", [
        (_("Step"), f"{shown.step:,}", _("Batches trained so far")),
        (_("Epoch"), f"{min(run.state.epoch + 1, config.epochs)} / {config.epochs}", None),
        (_("Learning rate"), f"{lr:.4f}", None), (_("Examples seen"), f"{seen:,}", None),
        (_("Loss (last chunk)"), lesson.loss_text(loss), None),
    ])  # fmt: skip
    left, right = st.columns(2)
    player.heatmap(run, "W", shown, looking_back, _("W: input vectors"), "tW", left)
    ids, rows = run.heatmap_rows("W")
    out, names, title = lesson.output_heatmap(run.state.tree, ids, rows, shown.arrays["W_out"])
    draw.vega(matrix_heatmap(out, names, None, title), "tO", right)  # hs: the paths' nodes
    st.caption(_("Outlined rows: changed by the last chunk. Red is positive, blue negative."))
    left, right = st.columns([3, 2])
    group_of = corpus.current_sample().group_of  # the corpus's example groups, by colour
    groups = {w: _(group_of(w)) or _("tracked") for w in run.track}
    player.steady_map(run, shown, looking_back, "tM", groups, left)
    with right:
        player.neighbours(run, shown, "train")


def under_the_microscope() -> None:
    if not advanced:
        return
    scope = st.toggle(_("🔬 One example under the microscope"), key="train.scope",
                      help=_("Follow one training example through the network."))  # fmt: skip
    if scope and run.track:
        microscope.microscope_panel(run, run.track[1 % len(run.track)])


player.live(run, chunk, playing, frame_view, back, key="train")
rank = []
if run.analogy is not None:
    title = _("Rank of '{expected}' for {a} − {b} + {c}").format(**vars(run.analogy))
    rank = [player.Curve({lesson.ANALOGY_RANK: ""}, title, rank=True)]
player.curves(run, "train", playing, rank, after=under_the_microscope)
if advanced and not playing:
    link = link.share_link("train", run.step)
    exports.export_panel(run.vectors(), run.state, run.losses, "train.export", link)
st.caption(_("What to notice: the loss falls fastest at first; words that share contexts "
             "(cat and kitten, king and queen) end up near each other on the map."))  # fmt: skip
