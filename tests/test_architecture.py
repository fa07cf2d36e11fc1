"""The shape the code keeps: a plain library, one Streamlit glue module, a light import."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GLUE = {"session.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_only_the_glue_module_imports_streamlit():
    offenders = [
        p.name
        for p in (ROOT / "explorer").glob("*.py")
        if p.name not in GLUE and "streamlit" in _imports(p)
    ]
    assert offenders == []


def test_library_modules_have_docstrings_with_usage():
    missing = []
    for p in (ROOT / "explorer").glob("*.py"):
        doc = ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) or ""
        if "Usage" not in doc and p.name != "__init__.py":
            missing.append(p.name)
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
        "import explorer.models.word2vec.model, explorer.models.word2vec.trainer, explorer.models.vectors, explorer.io.model_files;"
        "from explorer import Word2Vec, Vectors"
    )
    heavy = {"gensim", "sklearn", "plotly", "jieba", "janome", "pandas", "streamlit"}
    assert heavy_modules_after(imports, heavy) == []


def test_pages_are_thin():
    # A page reads like a lesson (30-120 lines); the live training page, with its controls,
    # two refresh rates, the microscope and the presenter view, is allowed a little more.
    limits = {"train.py": 180}
    long_pages = {
        p.name: n
        for p in (ROOT / "pages").glob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > limits.get(p.name, 140)
    }
    assert long_pages == {}


def test_every_page_starts_with_page_setup():
    # A page run before the app's navigation would miss the sidebar (see session.page_setup).
    missing = [
        p.name
        for p in (ROOT / "pages").glob("*.py")
        if "session.page_setup()" not in p.read_text(encoding="utf-8")
    ]
    assert missing == []


def test_the_app_shell_imports_nothing_heavy():
    # The first page must draw fast: streamlit_app.py and the home page need only the glue.
    # (plotly is left out: Streamlit 1.67 imports it itself.)
    heavy = {"numpy", "pandas", "scipy", "gensim", "sklearn", "jieba", "janome"}
    assert heavy_modules_after("import streamlit, explorer.app.session", heavy) == []


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
