"""The shape the code keeps: layer packages with an import rule, one package on Streamlit.

``explorer/`` is a few packages, each one concept, stacked in layers (see
docs/ARCHITECTURE.md): a module may import its own package and the layers below it, never
one above, and no two modules import each other in a circle (a function-level import that
hides a circle is still a circle: every ``import`` in a module counts, wherever it stands).
"""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPLORER = ROOT / "explorer"
#: Bottom to top. ``i18n`` and ``jobs`` are small utilities every layer may use.
LAYERS = ["i18n", "jobs", "text", "models", "maps", "io", "player", "lessons", "charts", "app"]
STREAMLIT_PACKAGE = "app"


def _modules() -> dict[str, Path]:
    """Every module of the library by dotted name (``explorer.text.vocab``)."""
    return {
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p
        for p in EXPLORER.rglob("*.py")
    }


def _imports(path: Path) -> set[str]:
    """The modules ``path`` imports, anywhere in it (top of the file or inside a function)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def _layer(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def test_the_library_is_a_few_layer_packages():
    top = {p.stem for p in EXPLORER.glob("*.py")} - {"__init__"}
    packages = {p.name for p in EXPLORER.iterdir() if (p / "__init__.py").exists()}
    assert top <= {"i18n", "jobs"}, f"modules at the top level: {sorted(top)}"
    assert packages == set(LAYERS) - {"i18n", "jobs"}


def test_no_layer_imports_a_layer_above_it():
    rank = {name: i for i, name in enumerate(LAYERS)}
    modules = _modules()
    wrong = []
    for name, path in modules.items():
        mine = _layer(name)
        for other in _imports(path):
            theirs = _layer(other) if other.startswith("explorer.") else ""
            if theirs in rank and mine in rank and rank[theirs] > rank[mine]:
                wrong.append(f"{name} imports {other}")
    assert wrong == []


def test_no_import_cycles():
    modules = _modules()
    graph = {
        name: {m for m in _imports(path) if m in modules and m != name}
        for name, path in modules.items()
    }
    # packages' __init__ files import nothing of their own; a cycle is a path back home
    cycles = []
    for start in graph:
        stack, seen = [(start, [start])], set()
        while stack:
            node, trail = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    cycles.append(" -> ".join([*trail, start]))
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*trail, nxt]))
    assert cycles == []


def test_only_the_app_package_imports_streamlit():
    offenders = [
        name
        for name, path in _modules().items()
        if _layer(name) != STREAMLIT_PACKAGE
        and any(m.split(".")[0] == "streamlit" for m in _imports(path))
    ]
    assert offenders == []


def test_library_modules_have_docstrings_with_usage():
    missing = []
    for name, path in _modules().items():
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        if "Usage" not in doc and path.name != "__init__.py":
            missing.append(name)
    assert missing == []


def heavy_modules_after(imports: str, heavy: set[str]) -> list[str]:
    """Which of ``heavy`` a fresh interpreter has loaded after running ``imports``."""
    code = f"import sys; {imports}; print(sorted(set({sorted(heavy)!r}) & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return eval(out.stdout)  # noqa: S307 - our own printed list


def test_importing_the_library_stays_light():
    imports = (
        "import explorer, explorer.text.samples, explorer.text.tokenize, explorer.text.vocab;"
        "import explorer.models.word2vec.model, explorer.models.word2vec.trainer;"
        "import explorer.models.vectors, explorer.models.word2vec.storage;"
        "from explorer import Word2Vec, Vectors"
    )
    heavy = {"gensim", "sklearn", "plotly", "jieba", "janome", "pandas", "streamlit"}
    assert heavy_modules_after(imports, heavy) == []


#: What a page (and the app's entry) may import from the library: the Streamlit glue, the
#: lessons' computations, the charts and the translation function; nothing below them.
PAGE_LAYERS = {"app", "lessons", "charts", "i18n"}
#: A page reads like a lesson: 30-120 lines.
PAGE_LINES = 120


def _page_files() -> list[Path]:
    return [ROOT / "streamlit_app.py", *sorted((ROOT / "pages").glob("*.py"))]


def test_pages_import_only_app_lessons_charts_and_i18n():
    # A page reads widgets, calls the library and draws what it returns: the math is in
    # lessons/ (with tests), so a page never reaches text/, models/, maps/, io/ or player/.
    wrong = [
        f"{p.relative_to(ROOT)} imports {name}"
        for p in _page_files()
        for name in sorted(_imports(p))
        if name.startswith("explorer.") and _layer(name) not in PAGE_LAYERS
    ]
    assert wrong == []


def test_pages_are_thin():
    long_pages = {
        p.name: n
        for p in (ROOT / "pages").glob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > PAGE_LINES
    }
    assert long_pages == {}


def test_every_page_starts_with_page_setup():
    # A page run before the app's navigation would miss the sidebar (see view.page_setup).
    missing = [
        p.name
        for p in (ROOT / "pages").glob("*.py")
        if "view.page_setup()" not in p.read_text(encoding="utf-8")
    ]
    assert missing == []


def test_the_app_shell_imports_nothing_heavy():
    # The first page must draw fast: streamlit_app.py and the home page need only the glue.
    # (plotly is left out: Streamlit 1.67 imports it itself.)
    heavy = {"numpy", "pandas", "scipy", "gensim", "sklearn", "jieba", "janome"}
    shell = "import streamlit, explorer.app.corpus, explorer.app.lesson_nav, explorer.app.uploads"
    assert heavy_modules_after(shell, heavy) == []


def test_the_home_page_runs_without_loading_anything_heavy():
    # Running it, not just importing the glue: the sidebar and the lesson's banner run on
    # every page, and an import placed before their early return would cost the start-up.
    heavy = {"numpy", "pandas", "scipy", "gensim", "sklearn", "jieba", "janome"}
    run_home = (
        "from streamlit.testing.v1 import AppTest;"
        "at = AppTest.from_file('streamlit_app.py', default_timeout=60); at.run();"
        "assert not at.exception, at.exception"
    )
    assert heavy_modules_after(run_home, heavy) == []


def test_no_module_imports_another_modules_private_names():
    # A leading underscore says "only this module uses it"; another module that needs it
    # gets a public name (the issue that made the packages found ``encoding._MAGIC`` read
    # from two other modules).
    private = []
    for path in [*(ROOT / "explorer").rglob("*.py"), *(ROOT / "pages").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("explorer"):
                names = [a.name for a in node.names if a.name.startswith("_") and a.name != "_"]
                private += [f"{path.relative_to(ROOT)}: {node.module}.{n}" for n in names]
    assert private == []
