"""The layers run one way: a module never imports a module of a higher layer (tests over the source's AST).

Every ``import`` counts, at module level or inside a function; imports under ``if TYPE_CHECKING:`` are
annotations only (they never run) and do not count. The layers, lowest first, are :data:`LAYERS`:
the data flow of the README (file -> model -> graph -> analysis -> rules -> report) and what each
step needs below it. A module belongs to the layer of the longest prefix that names it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "procesmap"

#: Lowest first. Within a layer, modules may import each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    # leaves: version, the language asked for, text safety, the message catalogue, findings
    (
        "procesmap._version",
        "procesmap._language",
        "procesmap._safe_text",
        "procesmap.i18n",
        "procesmap.findings",
        "procesmap.colours",
    ),
    # errors (which may translate through the catalogue), what libraries said as messages, settings, durations,
    # file access, the cache folder, places in TOML text
    (
        "procesmap.errors",
        "procesmap.reasons",
        "procesmap.settings",
        "procesmap.durations",
        "procesmap._io",
        "procesmap._cache",
        "procesmap._toml",
    ),
    # the model of a map and its graph
    ("procesmap.model", "procesmap.graph"),
    # reading files: YAML maps, organisation files and subprocesses
    (
        "procesmap.loading",
        "procesmap._decode",
        "procesmap._scan",
        "procesmap._compose",
        "procesmap._map_text",
        "procesmap._files",
        "procesmap._collect",
        "procesmap._model_problems",
        "procesmap._references",
        "procesmap.subprocesses",
        "procesmap.zgw._read",
        "procesmap.zgw._safe",
    ),
    # figures
    ("procesmap.analysis",),
    # rules over the figures (they read them, never import them), and the configuration of rules
    ("procesmap.rules", "procesmap.eventlog.rules", "procesmap.config", "procesmap.suppress"),
)
# Every other module (procesmap.pipeline, which runs the rules over the figures and gives the analysis its
# JSON and DataFrames; render, diagrams, the importers and exporters, api, serve, cli, commands) is above
# these layers: it may import any of them, and none of them may import it.

#: Pairs the issue named, checked one by one (both directions where the text says "between ... in both").
FORBIDDEN = (
    ("procesmap.analysis", "procesmap.render"),
    ("procesmap.analysis", "procesmap.rules"),
    ("procesmap.rules", "procesmap.analysis"),
    ("procesmap.diff", "procesmap.render.diff"),
    ("procesmap.i18n", "procesmap.errors"),
    ("procesmap.i18n.versions", "procesmap.i18n.messages"),
)


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports() -> list[tuple[str, str, int]]:
    """(importing module, imported module, line) for every procesmap import that runs."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        me = _module(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        annotation_only = {
            id(n)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and _type_checking(node)
            for sub in node.body
            for n in ast.walk(sub)
        }
        for node in ast.walk(tree):
            if id(node) in annotation_only:
                continue
            if isinstance(node, ast.Import):
                found += [(me, alias.name, node.lineno) for alias in node.names if alias.name.startswith("procesmap")]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = me.split(".") if path.name == "__init__.py" else me.split(".")[:-1]
                    base = base[: len(base) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if target.startswith("procesmap"):
                    found.append((me, target, node.lineno))
                    # ``from procesmap import analysis`` imports the submodule procesmap.analysis
                    found += [
                        (me, f"{target}.{a.name}", node.lineno)
                        for a in node.names
                        if (PACKAGE.parent / f"{target}.{a.name}".replace(".", "/")).exists()
                        or (PACKAGE.parent / (f"{target}.{a.name}".replace(".", "/") + ".py")).exists()
                    ]
    return found


def _within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def layer_of(module: str) -> int | None:
    best: tuple[int, int] | None = None
    for index, layer in enumerate(LAYERS):
        for prefix in layer:
            if _within(module, prefix) and (best is None or len(prefix) > best[1]):
                best = (index, len(prefix))
    return best[0] if best else None


def test_the_layers_name_modules_that_exist() -> None:
    modules = {_module(p) for p in PACKAGE.rglob("*.py")}
    for layer in LAYERS:
        for prefix in layer:
            assert any(_within(m, prefix) for m in modules), prefix


def test_no_layer_imports_a_higher_one() -> None:
    wrong = []
    for me, target, line in imports():
        mine, theirs = layer_of(me), layer_of(target)
        if mine is None:
            continue  # above every listed layer: may import anything below
        if theirs is None or theirs > mine:
            wrong.append(f"{me}:{line} imports {target}")
    assert wrong == []


@pytest.mark.parametrize("low,high", FORBIDDEN)
def test_named_imports_are_gone(low: str, high: str) -> None:
    wrong = [
        f"{me}:{line} imports {target}" for me, target, line in imports() if _within(me, low) and _within(target, high)
    ]
    assert wrong == []


def test_the_check_finds_an_upward_import(tmp_path: Path) -> None:
    """The AST walk sees a function-level import and skips one under TYPE_CHECKING."""
    source = (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from procesmap.render import x\n"
        "def f():\n    from procesmap.render.json import report_dict\n"
    )
    tree = ast.parse(source)
    skipped = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and _type_checking(node)
        for sub in node.body
        for n in ast.walk(sub)
    }
    seen = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and id(n) not in skipped]
    assert seen == ["typing", "procesmap.render.json"]
    assert layer_of("procesmap.analysis.capacity") == 4 and layer_of("procesmap.render.json") is None
    assert layer_of("procesmap.eventlog.rules.pm601_low_fitness") == 5 and layer_of("procesmap.eventlog._read") is None


def lazy_imports_without_reason(source: str) -> list[int]:
    """Lines of the imports inside a function (or lambda) whose first line has no ``# lazy:`` comment."""
    lines = source.splitlines()
    missing: list[int] = []

    def walk(node: ast.AST, inside: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if inside and isinstance(child, (ast.Import, ast.ImportFrom)) and "# lazy:" not in lines[child.lineno - 1]:
                missing.append(child.lineno)
            walk(child, inside or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))

    walk(ast.parse(source), False)
    return missing


def test_every_function_level_import_says_why_it_is_lazy() -> None:
    """Function-level imports stay only where they keep the CLI start fast (or break a cycle), and say so
    on their first line (``from x import (  # lazy: ...`` for one over several lines)."""
    missing = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in lazy_imports_without_reason(path.read_text(encoding="utf-8"))
    ]
    assert missing == []


def test_the_lazy_check_finds_an_import_without_a_reason() -> None:
    source = (
        "import os\n"
        "def f():\n"
        "    import json  # lazy: a reason\n"
        "    import re\n"
        "    from a import (  # lazy: a reason\n        b,\n    )\n"
        "    from c import (\n        d,\n    )  # lazy: on the wrong line\n"
        "    class C:\n        def g(self):\n            import csv\n"
        "    return lambda: __import__('x')\n"
    )
    assert lazy_imports_without_reason(source) == [4, 8, 13]


def test_an_analysis_without_a_catalogue_loads_no_zaaksysteem_reader() -> None:
    """The PM7xx rules compare a map with a zaaktype; without a catalogue they return before loading it."""
    import subprocess
    import sys

    code = (
        "import sys, pathlib, procesmap\n"
        "for path in sorted(pathlib.Path(sys.argv[1]).glob('*.yaml')):\n"
        "    procesmap.analyse(procesmap.load(path), cases=50)\n"
        "print(sorted(m for m in sys.modules if m.startswith('procesmap.zgw')))"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", code, str(root / "processes")], capture_output=True, text=True, timeout=300, cwd=root
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
