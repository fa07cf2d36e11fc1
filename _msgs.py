import ast, json, sys
from pathlib import Path
from tests.test_i18n import _marked
for f in sys.argv[1:]:
    tree = ast.parse(Path(f).read_text())
    name = f.replace("/", "_").removesuffix(".py") + ".json"
    p = Path("explorer/locales/zh") / name
    have = json.loads(p.read_text()) if p.exists() else {}
    msgs = list(dict.fromkeys(m for _l, m in _marked(tree)))
    print(name, json.dumps({m: have.get(m, "") for m in msgs if m not in have}, ensure_ascii=False, indent=1))
    print("unused:", [k for k in have if k not in msgs])
