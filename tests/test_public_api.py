"""`procesmap.__all__` is a literal list of the public API, and nothing else is public in `procesmap`."""

from __future__ import annotations

import ast
import json
import subprocess
import sys

from .conftest import ROOT


def _literal_all() -> list[str]:
    tree = ast.parse((ROOT / "procesmap" / "__init__.py").read_text(encoding="utf-8"))
    found = [
        node
        for node in tree.body
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    ]
    assert len(found) == 1, "one assignment to __all__"
    value = found[0].value
    assert isinstance(value, ast.List) and all(
        isinstance(e, ast.Constant) and isinstance(e.value, str) for e in value.elts
    ), "__all__ is a literal list of strings"
    return [e.value for e in value.elts]  # type: ignore[attr-defined]


def test_all_is_a_literal_list_of_what_the_package_offers() -> None:
    names = _literal_all()
    assert len(names) == len(set(names))
    # a fresh interpreter: only `import procesmap`, as a user starts
    code = (
        "import json, procesmap\n"
        "public = sorted(n for n in vars(procesmap) if not n.startswith('_'))\n"
        "resolved = {n: type(getattr(procesmap, n)).__name__ for n in procesmap.__all__}\n"
        "print(json.dumps({'all': procesmap.__all__, 'public': public, 'dir': dir(procesmap),"
        " 'resolved': resolved}))\n"
    )
    out = json.loads(
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    )
    assert out["all"] == names
    # nothing public leaks: no Any, TYPE_CHECKING, annotations, os, subpackages (errors, ...)
    assert set(out["public"]) <= set(names), set(out["public"]) - set(names)
    assert out["dir"] == sorted(names)
    assert out["resolved"]["Analysis"] == "type" and out["resolved"]["Severity"] == "EnumType"
    assert out["resolved"]["analyse"] == "function" and out["resolved"]["__version__"] == "str"


def test_report_is_typed_as_it_behaves() -> None:
    """`report(..., "pdf")` gives bytes and the text formats str; the annotations say so (mypy reads the overloads)."""
    import procesmap

    source = (ROOT / "procesmap" / "__init__.py").read_text(encoding="utf-8")
    assert 'fmt: _Literal["pdf"], lang: str | None = None) -> bytes' in source
    assert procesmap.report.__annotations__["return"] == str | bytes
    analysis = procesmap.analyse(procesmap.load(ROOT / "processes" / "wmo-melding.yaml"), cases=200)
    assert isinstance(procesmap.report(analysis, "markdown"), str)
    assert isinstance(procesmap.report([analysis], "json"), str)
    assert isinstance(procesmap.report(analysis, "pdf"), bytes)
    processes, problems = procesmap.load_many([ROOT / "processes" / "wmo-melding.yaml"])
    assert [p.id for p in processes] == [analysis.process.id] and problems == []
    analyses, problems = procesmap.analyse_paths(
        [ROOT / "processes" / "wmo-melding.yaml"], procesmap.Settings(cases=200)
    )
    assert isinstance(analyses[0], procesmap.Analysis) and problems == []
