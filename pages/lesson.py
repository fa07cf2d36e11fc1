"""Guided lesson: about ten minutes through the app, each step "predict, then reveal"."""

import streamlit as st

from explorer.app import lesson_nav, sentiment, view
from explorer.i18n import _
from explorer.lessons.guided import MINUTES_PER_STEP, STEPS

view.page_setup()
lesson_nav.follow_lesson_link()
st.title(_("🧑‍🏫 Guided lesson"))
words = lesson_nav.lesson_words()
st.markdown(
    _(
        "About {minutes:.0f} minutes, {n} steps, in the order the ideas build on each other. "
        "For each step: **predict** (everyone picks an answer), **open the page** and look, "
        "then **reveal** what the numbers say. The lesson uses the {corpus}."
    ).format(minutes=MINUTES_PER_STEP * len(STEPS), n=len(STEPS), corpus=_(words.sample.title))
)

i = lesson_nav.lesson_step()
step = STEPS[i]
st.progress((i + 1) / len(STEPS), text=_("Step {n} of {total}").format(n=i + 1, total=len(STEPS)))
cols = st.columns(len(STEPS))
for j, s in enumerate(STEPS):
    cols[j].button(f"{s.icon} {j + 1}", key=f"lesson.goto.{j}",
                   type="primary" if j == i else "secondary", use_container_width=True,
                   on_click=lesson_nav.go_to_lesson_step, args=(j,), help=_(s.title))  # fmt: skip

st.header(f"{step.icon} {_(step.title)}")
question = step.ask(words)
st.markdown(_("**Predict:** {question}").format(question=question.text))
guess = st.radio(
    _("Your prediction"),
    range(len(question.options)),
    format_func=question.options.__getitem__,
    index=None,
    key=f"lesson.guess.{step.key}",
    persist_state="session",  # kept while the class looks at the step's page
    horizontal=True,
    help=_("Pick before you look: a guess you wrote down teaches more than one you didn't."),
)

left, right = st.columns(2)
left.button(
    _("Open the page: {page} →").format(page=_(step.title)),
    key="lesson.open_page",
    on_click=lesson_nav.open_lesson_step,
    args=(i,),
    use_container_width=True,
    help=_("Opens the page with the lesson's corpus and settings; a box there leads back."),
)
left.caption(_("On the page: {task}").format(task=_(step.task).format(**words.by_role)))
revealed_key = f"lesson.revealed.{step.key}"
right.toggle(_("👀 Reveal the answer"), key=revealed_key, persist_state="session",
             help=_("Computed now from the same model the pages show."))  # fmt: skip

if st.session_state.get(revealed_key):
    if step.model == "classifier":  # a sentiment classifier's table, and word2vec beside it
        vectors = sentiment.lesson_task_vectors()
    else:
        vectors = lesson_nav.lesson_model(words).wv if step.needs_model else None
    with st.spinner(_("Computing the answer…")):  # the last step trains a model once
        reveal = step.reveal(vectors, words)
    answer = question.options[reveal.answer] if reveal.answer >= 0 else None
    if answer is None:
        st.info(_("None of the options: this corpus orders them differently."))
    elif guess is None:
        st.info(_("**Answer:** {answer}").format(answer=answer))
    elif guess == reveal.answer:
        st.success(_("**Answer:** {answer}. You predicted it.").format(answer=answer))
    else:
        st.warning(_("**Answer:** {answer}. You predicted {guess}.").format(
            answer=answer, guess=question.options[guess]))  # fmt: skip
    for line in reveal.lines:
        st.markdown(f"- {line}")

nav = st.columns([1, 1, 3])
nav[0].button(_("◀ Previous"), key="lesson.prev", disabled=i == 0, use_container_width=True,
              on_click=lesson_nav.go_to_lesson_step, args=(i - 1,))  # fmt: skip
nav[1].button(_("Next ▶"), key="lesson.next", disabled=i == len(STEPS) - 1,
              use_container_width=True, on_click=lesson_nav.go_to_lesson_step, args=(i + 1,),
              type="primary")  # fmt: skip
nav[2].caption(_("Send your class this link: it opens the same step, in the same language."))
nav[2].code(lesson_nav.lesson_link(i), language=None)
