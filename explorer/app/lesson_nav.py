"""The guided lesson's navigation: its step, its words and model, links and banner.

Usage (on the lesson page):
    >>> from explorer.app import lesson_nav
    >>> words, step = lesson_nav.lesson_words(), lesson_nav.lesson_step()
"""

from __future__ import annotations

import streamlit as st

from explorer import i18n
from explorer.app.link import link_to
from explorer.app.settings_form import DRAWING_DEFAULTS, form_from_config
from explorer.app.state import LANG_KEY, SAMPLE_KEY
from explorer.app.training import trained
from explorer.i18n import _

LESSON_STEP = "lesson.step"  # the guided lesson's current step (0-based)


def lesson_words():  # noqa: ANN201 (LessonWords)
    """The guided lesson's corpus and words for the interface language now chosen."""
    return _lesson_words(i18n.current_language())


@st.cache_resource(show_spinner=False)
def _lesson_words(language: str):  # noqa: ANN202 (LessonWords): tokenized once per server
    from explorer.lessons.guided import lesson_words as words_for

    return words_for(language)


def lesson_model(words):  # noqa: ANN001, ANN201 (Word2Vec)
    """The model the lesson's reveals read: its corpus at the default settings (cached).

    The same settings the lesson opens the Train page with, so the reveal is what the
    live run reaches at its end.
    """
    from explorer.models.word2vec.trainer import Word2VecConfig

    with st.spinner(_("Training word2vec on this corpus…")):
        sample = words.sample
        return trained(sample.key, sample.path.stat().st_mtime, Word2VecConfig())[0]


def lesson_step() -> int:
    """The lesson's step: from the link (``?lesson=3``) once, then the session's."""
    from explorer.lessons.guided import STEPS

    if LESSON_STEP not in st.session_state:
        try:
            st.session_state[LESSON_STEP] = int(st.query_params.get("lesson", 1)) - 1
        except ValueError:
            st.session_state[LESSON_STEP] = 0
    step = min(max(int(st.session_state[LESSON_STEP]), 0), len(STEPS) - 1)
    st.session_state[LESSON_STEP] = step
    st.query_params["lesson"] = str(step + 1)  # the address names the step and language
    st.query_params[LANG_KEY] = st.session_state.get(LANG_KEY, "en")
    return step


def lesson_link(step: int) -> str:
    """The address of the lesson's ``step`` (0-based) in this session's language."""
    return link_to("lesson", {"lesson": step + 1, LANG_KEY: st.session_state.get(LANG_KEY, "en")})


def go_to_lesson_step(step: int) -> None:
    """Callback: show another step of the lesson."""
    st.session_state[LESSON_STEP] = step


def open_lesson_step(step: int) -> None:
    """Callback: the step's page gets the lesson's corpus and settings, then opens."""
    from explorer.lessons.guided import STEPS

    words, opened = lesson_words(), STEPS[step]
    st.session_state[SAMPLE_KEY] = words.sample.key
    st.session_state["train.track_for"] = words.sample.key
    if opened.config is not None:  # the training settings it opens the page with
        st.session_state.update(form_from_config(opened.config) | DRAWING_DEFAULTS)
    st.session_state.update(opened.settings(words))
    st.session_state[LESSON_STEP] = step
    st.session_state["lesson.open"] = STEPS[step].page


def follow_lesson_link() -> None:
    """After ``open_lesson_step``: switch to the page (not allowed inside a callback)."""
    if page := st.session_state.pop("lesson.open", None):
        st.switch_page(page)


def lesson_banner(url_path: str) -> None:
    """On a page the lesson opened: its question, and the way back to reveal the answer."""
    if LESSON_STEP not in st.session_state or url_path == "lesson":
        return  # (before importing the lesson: it loads numpy, and the home page must not)
    from explorer.lessons.guided import STEPS

    step = STEPS[st.session_state[LESSON_STEP]]
    if step.url_path != url_path:
        return
    words = lesson_words()
    with st.container(border=True):
        left, right = st.columns([4, 1])
        left.markdown(_("🧑‍🏫 **Lesson, step {n} of {total}:** {question}").format(
            n=STEPS.index(step) + 1, total=len(STEPS), question=step.ask(words).text))  # fmt: skip
        left.caption(_(step.task).format(**words.by_role))
        right.page_link(page="pages/lesson.py", label=_("Back to reveal →"), icon="🧑‍🏫",
                        query_params={"lesson": STEPS.index(step) + 1})  # fmt: skip
