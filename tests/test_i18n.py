"""Every piece of interface text is translated, and the translations keep their placeholders.

The checks read the code (``ast``): each ``_("...")``/``N_("...")`` must have a Chinese
translation with the same ``{fields}``; text handed to a Streamlit element, a chart title or
an upload refusal must go through ``_`` (a lint that catches text added in English only).
"""

import ast
import string
from pathlib import Path

import pytest

from explorer import i18n
from explorer.i18n import _, catalog, translated, use_language

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(
    [ROOT / "streamlit_app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "explorer").rglob("*.py")]
)
MARKERS = {"_", "N_", "gettext", "M_"}

#: Streamlit calls whose positional text is shown to the user.
SHOWN = {
    "title", "header", "subheader", "markdown", "caption", "write", "text", "info", "warning",
    "error", "success", "toast", "metric", "button", "toggle", "checkbox", "slider",
    "select_slider", "selectbox", "multiselect", "radio", "number_input", "text_input",
    "text_area", "file_uploader", "download_button", "expander", "page_link", "link_button",
    "segmented_control", "pills", "spinner", "popover", "form_submit_button", "status",
    "set_page_config", "Page", "UploadError", "progress", "tabs",
}  # fmt: skip
#: Keyword arguments whose text is shown (labels, help, chart titles).
SHOWN_KEYWORDS = {"label", "help", "placeholder", "title", "page_title", "text", "caption"}


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _marked(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, message id) of every literal given to ``_``/``N_``/``M_`` (``pgettext``, ``pM_``)."""
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", "") in {"pgettext", "pM_"}
            and len(node.args) >= 2
            and all(isinstance(a, ast.Constant) for a in node.args[:2])
        ):
            found.append((node.lineno, f"{node.args[0].value}|{node.args[1].value}"))
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in MARKERS
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def _is_text(node: ast.AST) -> bool:
    """English words a person reads: a literal or f-string with a run of three letters."""
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
        return _is_text(ast.Constant("".join(parts)))
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        run = 0
        for ch in node.value:
            run = run + 1 if ch.isascii() and ch.isalpha() else 0
            if run >= 3:
                return True
    if isinstance(node, ast.BinOp):  # "..." + "..."
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.List | ast.Tuple):  # st.tabs(["One", "Two"])
        return any(_is_text(e) for e in node.elts)
    return False


def _untranslated(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, text) of English handed to the interface without ``_``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            shown = list(node.args[:1]) if name in SHOWN else []
            shown += [k.value for k in node.keywords if k.arg in SHOWN_KEYWORDS]
            found += [(node.lineno, ast.unparse(a)[:60]) for a in shown if _is_text(a)]
        elif isinstance(node, ast.Dict):  # Vega-Lite and Plotly titles: {"title": "..."}
            for k, v in zip(node.keys, node.values, strict=True):
                if isinstance(k, ast.Constant) and k.value in {"title", "text"} and _is_text(v):
                    found.append((node.lineno, ast.unparse(v)[:60]))
    return found


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


@pytest.mark.parametrize("path", SOURCES, ids=_rel)
def test_every_message_has_a_chinese_translation_with_the_same_fields(path):
    zh = catalog("zh")
    problems = []
    for line, msg in _marked(ast.parse(path.read_text(encoding="utf-8"))):
        if msg not in zh:
            problems.append(f"{_rel(path)}:{line}: no translation for {msg!r}")
        elif _fields(msg) != _fields(zh[msg]):
            problems.append(f"{_rel(path)}:{line}: fields differ in {zh[msg]!r}")
    assert problems == []


@pytest.mark.parametrize("path", SOURCES, ids=_rel)
def test_no_interface_text_is_left_in_english_only(path):
    found = _untranslated(ast.parse(path.read_text(encoding="utf-8")))
    assert [f"{_rel(path)}:{line}: {text}" for line, text in found] == []


def test_the_catalog_holds_only_messages_the_code_uses():
    used = {msg for p in SOURCES for _, msg in _marked(ast.parse(p.read_text(encoding="utf-8")))}
    assert sorted(set(catalog("zh")) - used) == []


def test_no_module_that_translates_also_uses_underscore_as_a_name():
    # ``for _ in range(n)`` would shadow the translation function for the rest of the scope.
    offenders = []
    for p in SOURCES:
        tree = ast.parse(p.read_text(encoding="utf-8"))
        if not any(line for line, _ in _marked(tree)):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store):
                offenders.append(f"{_rel(p)}:{node.lineno}")
    assert offenders == []


def test_language_switches_and_falls_back_to_english():
    use_language("zh")
    try:
        assert _("Train live") == "实时训练"
        assert _("a sentence nobody translated") == "a sentence nobody translated"
    finally:
        use_language("en")
    assert _("Train live") == "Train live"
    assert translated("zh", "Train live") == "实时训练"
    use_language("zh")
    try:
        assert i18n.pgettext("button", "Step") == "单步" and _("Step") == "步数"
    finally:
        use_language("en")
    assert i18n.pgettext("button", "Step") == "Step"
    use_language("xx")  # unknown codes mean English
    assert i18n.current_language() == "en"


def test_a_language_source_wins_over_the_thread_default():
    # Put back the source there was (explorer.app.view's, once imported): page tests that run
    # later read each session's language through it.
    before = i18n._source
    i18n.set_language_source(lambda: "zh")
    try:
        assert _("Train live") == "实时训练"
        i18n.set_language_source(None)
        assert _("Train live") == "Train live"
    finally:
        i18n.set_language_source(before)


def test_chinese_bold_text_renders():
    # Markdown ignores a closing ** after punctuation when a letter follows ("**答案：**猫"
    # shows the asterisks): Chinese punctuation goes outside the bold ("**答案**：猫").
    import re
    import unicodedata

    broken = []
    for english, text in catalog("zh").items():
        for m in re.finditer(r"\*\*([^*\n]+?)\*\*", text):
            after = text[m.end() : m.end() + 1]
            last = m.group(1)[-1]
            if unicodedata.category(last).startswith("P") and after and (
                after.isalnum() or after == "{"
            ):
                broken.append(english)
    assert broken == []


# --- translation at the edge: results are messages, translated when shown ----------------


@pytest.fixture
def chinese():
    """Show text in Chinese for the test's second half, then English again."""

    def switch() -> None:
        use_language("zh")

    yield switch
    use_language("en")


def test_a_message_is_translated_each_time_it_is_shown():
    from explorer.i18n import M_, Joined, Lowered, message_of, pM_

    note = M_("{n:,} words", n=1200)
    assert str(note) == "1,200 words" and f"{note}" == "1,200 words"
    assert note == M_("{n:,} words", n=1200) and hash(note) == hash(M_("{n:,} words", n=1200))
    assert note != M_("{n:,} words", n=3) and len({note, M_("{n:,} words", n=1200)}) == 1
    assert M_("{a} {b}", a=1).format(b=2) == M_("{a} {b}", b=2, a=1)  # fields in any order
    import pickle  # Streamlit's cache_data pickles what it keeps

    assert pickle.loads(pickle.dumps(note)) == note
    listed = M_("{items} and {last}", items=Joined(", ", (M_("root"), "cat")), last=note)
    nested = M_("{name}: {problem}", name="a.txt", problem=Lowered(M_("The file is empty.")))
    step = pM_("button", "Step")
    error = ValueError(M_("The file is empty."))
    assert str(listed) == "root, cat and 1,200 words" and str(step) == "Step"
    assert str(nested) == "a.txt: the file is empty." and str(error) == "The file is empty."
    assert message_of(error) == M_("The file is empty.") and message_of(KeyError("x")) == "'x'"
    use_language("zh")
    try:
        assert str(note) == "1,200 个词" and str(step) == "单步"
        both = _("{items} and {last}").format(items=_("root") + ", cat", last="1,200 个词")
        assert str(listed) == both and _chinese(both)
        assert str(error) == _("The file is empty.") != "The file is empty."
    finally:
        use_language("en")
    assert note.in_language("zh") == "1,200 个词" and str(note) == "1,200 words"


def _chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_an_encoding_note_made_in_english_shows_in_chinese(chinese):
    from explorer.text.encoding import decode_bytes

    notes = decode_bytes("Ça coûte 2 € à la fête".encode("cp1252")).notes()
    english = [str(n) for n in notes]
    assert english[0].startswith("Read as Windows-1252")
    chinese()
    shown = [str(n) for n in notes]
    assert all(_chinese(t) for t in shown) and shown != english
    assert "Windows-1252" in shown[0]  # the label inside is translated too, keeping the name


def test_an_upload_refusal_raised_in_english_shows_in_chinese(chinese):
    from explorer.io.uploads import UploadError, read_corpus_files

    with pytest.raises(UploadError) as caught:
        read_corpus_files([("empty.txt", b"")])
    english = str(caught.value)
    assert english.startswith("empty.txt: the file is empty")
    chinese()
    assert _chinese(str(caught.value)) and str(caught.value).startswith("empty.txt")


def test_a_cached_clustering_and_projection_serve_every_language(chinese):
    import numpy as np

    from explorer.maps.clusters import kmeans
    from explorer.maps.projection import clear_cache, project

    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(0, 0.1, (10, 4)), rng.normal(3, 0.1, (10, 4))]).astype(np.float32)
    clear_cache()
    found, proj = kmeans(X, 2), project(X, "pca")
    names, label = found.label_names(), proj.axis_labels[0]
    assert str(names[0]) == "cluster 1" and str(label).startswith("PC1 (")
    chinese()
    assert str(names[0]) == "聚类 1" and str(label).startswith("PC1（")
    assert project(X, "pca") is proj  # the same cached result: no language in its key
    clear_cache()


def test_a_background_job_keeps_its_error_and_progress_untranslated(chinese):
    from explorer.io.uploads import UploadError
    from explorer.jobs import Job

    def work(report):
        report(0.5, i18n.M_("epoch {epoch}/{epochs}", epoch=1, epochs=2))
        raise UploadError(i18n.M_("The file is empty."))

    job = Job(work).start()
    assert job.wait(30) and str(job.error) == "The file is empty."
    chinese()
    assert str(job.error) == _("The file is empty.") and _chinese(str(job.error))


#: Library modules below ``lessons`` that still translate, and why. Each builds a table
#: meant to be shown at once (its headers are words), not a result that is kept or cached.
TRANSLATE_WHEN_BUILT: dict[str, str] = {}  # none left: tables to show are built in lessons/


def test_the_library_below_lessons_returns_messages_instead_of_translating():
    below = [ROOT / "explorer" / "jobs.py"]
    for package in ("text", "models", "maps", "io"):
        below += (ROOT / "explorer" / package).rglob("*.py")
    offenders = []
    for path in sorted(below):
        if _rel(path) in TRANSLATE_WHEN_BUILT:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {
                "_", "gettext", "pgettext", "current_language",
            }:  # fmt: skip
                offenders.append(f"{_rel(path)}:{node.lineno}")
    assert offenders == []
