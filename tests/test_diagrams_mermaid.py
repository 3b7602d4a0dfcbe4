"""Mermaid output: golden files per bundled map, Mermaid's own parser, its grammar, and hostile names.

The parser check runs Mermaid (npm ``mermaid``, the package GitLab and GitHub use) under
node with jsdom. It looks for the packages in ``$PROCESMAP_MERMAID_DIR/node_modules``
(default ``~/.cache/procesmap/mermaid``) and installs them there with npm when missing.
It is skipped, with the reason, only when node or npm is missing or the install fails (and fails
instead under PROCESMAP_STRICT=1, as in CI).

Regenerate the golden files after an intended change with
``PROCESMAP_UPDATE_GOLDEN=1 pytest tests/test_diagrams_mermaid.py`` and read the diff.
"""

from __future__ import annotations

import os
import re
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest

import procesmap
from procesmap.diagrams import render_mermaid
from procesmap.diagrams.mermaid import mermaid_id, mermaid_text
from procesmap.diagrams.sample import synthetic_map
from tests.conftest import ROOT, bundled, check_golden, need, need_tool

GOLDEN = ROOT / "tests" / "golden" / "diagrams"
MERMAID_VERSION = "11.17.2"
JSDOM_VERSION = "29.1.1"
PARSER = ROOT / "tests" / "test_diagrams_mermaid_parse.mjs"

HOSTILE = """\
procesmap: 1
id: vijandig
name: "Kaart met <b>html</b> & \\"quotes\\""
owner: a
roles:
  a: {name: "Rol <img src=x onerror=alert(1)>", people: 2}
  end: {name: "end", people: 1}
steps:
  - {id: start, type: start, role: a, name: "<script>alert(1)</script>", next: graph}
  - id: graph
    type: decision
    role: end
    name: "Besluit: ja/nee? #1 `code` [haken] {accolades} |pijp| ; puntkomma"
    next:
      - {to: end, p: 0.5, when: "a --> b; c -.-> d"}
      - {to: subgraph, p: 0.5, when: "\\"quoted\\" & <tag>"}
  - {id: subgraph, role: a, name: "%% geen commentaar", next: end}
  - {id: end, type: end, role: a, name: "click end call alert()"}
"""


@lru_cache(maxsize=None)
def mermaid_of(name: str, lang: str = "nl") -> str:
    if name == "hostile":
        return render_mermaid(procesmap.analyse(procesmap.loads(HOSTILE), cases=100), lang)
    if name.startswith("generated-"):
        _, steps, seed = name.split("-")
        return render_mermaid(procesmap.analyse(procesmap.loads(synthetic_map(int(steps), int(seed))), cases=200), lang)
    return render_mermaid(procesmap.analyse(procesmap.load(ROOT / "processes" / f"{name}.yaml")), lang)


@pytest.mark.parametrize("file", bundled(), ids=lambda p: p.stem)
def test_golden_mermaid(file: Path) -> None:
    text = mermaid_of(file.stem)
    path = GOLDEN / f"{file.stem}.mmd"
    check_golden(path, text)


# -- the grammar we use, checked line by line ------------------------------------------------------

_ID = r"[A-Za-z][A-Za-z0-9_]*"
_LABEL = r'"[^"<>`]*"'
_SHAPES = [
    r"\(\[" + _LABEL + r"\]\)",
    r"\(\(\(" + _LABEL + r"\)\)\)",
    r"\[" + _LABEL + r"\]",
    r"\{" + _LABEL + r"\}",
    r"\{\{" + _LABEL + r"\}\}",
    r"\[/" + _LABEL + r"/\]",
]
GRAMMAR = [
    re.compile(r"%% [^{}\n]*"),
    re.compile(r"flowchart LR"),
    re.compile(rf" *subgraph {_ID}\[{_LABEL}\]"),
    re.compile(r" *end"),
    re.compile(rf" *{_ID}(?:{'|'.join(_SHAPES)})"),
    re.compile(rf" *{_ID} (?:-->|==>|-\.->)(?:\|{_LABEL}\|)? {_ID}"),
    re.compile(r" *linkStyle \d+ stroke:#[0-9a-f]{6}(?:,stroke-width:\dpx)?"),
    re.compile(rf" *style {_ID} fill:#[0-9a-f]{{6}},stroke:#[0-9a-f]{{6}},stroke-width:\dpx"),
]
KEYWORDS = {"end", "subgraph", "graph", "flowchart", "click", "style", "classDef", "class", "linkStyle", "direction"}


def check_grammar(text: str) -> None:
    lines = text.splitlines()
    assert lines[1] == "flowchart LR"
    depth = 0
    ids: list[str] = []
    for line in lines:
        assert any(rule.fullmatch(line) for rule in GRAMMAR), f"not in the grammar: {line!r}"
        stripped = line.strip()
        if stripped.startswith("subgraph "):
            depth += 1
            ids.append(stripped.split()[1].split("[")[0])
        elif stripped == "end":
            depth -= 1
            assert depth >= 0
        elif re.fullmatch(rf"{_ID}(?:\(|\[|\{{).*", stripped) and not stripped.startswith(("linkStyle", "style")):
            ids.append(re.match(_ID, stripped).group(0))  # type: ignore[union-attr]
    assert depth == 0
    assert len(ids) == len(set(ids)), "ids must be unique"
    assert not (set(ids) & KEYWORDS)
    edges = [line for line in lines if re.search(r" (?:-->|==>|-\.->)", line)]
    for match in re.finditer(r"linkStyle (\d+)", text):
        assert int(match.group(1)) < len(edges)


@pytest.mark.parametrize("name", [p.stem for p in bundled()] + ["generated-60-2", "hostile"])
def test_mermaid_follows_the_grammar(name: str) -> None:
    check_grammar(mermaid_of(name))


def test_mermaid_structure_of_omgevingsvergunning() -> None:
    text = mermaid_of("omgevingsvergunning", "en")
    analysis = procesmap.analyse(procesmap.load(ROOT / "processes" / "omgevingsvergunning.yaml"))
    for step in analysis.process.steps:
        assert f"s_{step.id.replace('-', '_')}" in text
    assert 'subgraph g_org_odvr["Omgevingsdienst Veen en Rivieren"]' in text
    assert 'subgraph g_org_external["External parties"]' in text
    # to the applicant (external): thick like an organisation handover, in its own colour (teal)
    assert 's_volledigheid ==>|"30% · aanvraag onvolledig (tekeningen, berekeningen)"| s_aanvullen' in text
    links = [line for line in text.splitlines() if "-->" in line or "==>" in line or "-.->" in line]
    external = links.index(next(line for line in links if line.strip().startswith("s_volledigheid ==>")))
    assert f"  linkStyle {external} stroke:#00838f,stroke-width:3px" in text
    assert "s_advies_brandveiligheid ==> s_adviezen_bundelen" in text  # across organisations
    assert "s_adviezen_uitzetten -.-> s_intake_odvr" in text  # by e-mail: outside the case system
    assert "(single point of failure, bottleneck 91%)" in text
    wait = next(w for w in analysis.time.waits if w.step == "advies-milieu").per_case
    assert (
        f's_advies_milieu["Advies milieu en bouwfysica (geluid, bodem, energie) · waits {wait:.1f} d per case"]' in text
    )


def test_hostile_names_stay_text() -> None:
    text = mermaid_of("hostile")
    assert "<" not in text and ">" not in text.replace("-->", "").replace("==>", "").replace("-.->", "")
    assert "#60;script#62;alert(1)#60;/script#62;" in text
    assert "#34;quotes#34;" in text and "#38;" in text
    assert "#96;code#96;" in text and "#35;1" in text
    assert mermaid_text('a"b<c>d&e#f`g') == "a#34;b#60;c#62;d#38;e#35;f#96;g"
    taken: set[str] = set()
    assert [mermaid_id("s_", v, taken) for v in ("a-b", "a_b", "a.b")] == ["s_a_b", "s_a_b_2", "s_a_b_3"]


# -- Mermaid's own parser ----------------------------------------------------------------------------


def _mermaid_modules() -> Path:
    need_tool("node", "Mermaid's own parser runs in node: apt-get install nodejs npm; .ci/run installs them")
    npm = need_tool("npm", "Mermaid's own parser is installed with npm: apt-get install npm; .ci/run installs it")
    home = Path(os.environ.get("PROCESMAP_MERMAID_DIR", Path.home() / ".cache" / "procesmap" / "mermaid"))
    modules = home / "node_modules"
    if not (modules / "mermaid" / "dist" / "mermaid.core.mjs").exists() or not (modules / "jsdom").exists():
        home.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [
                npm,
                "install",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                "--prefix",
                str(home),
                f"mermaid@{MERMAID_VERSION}",
                f"jsdom@{JSDOM_VERSION}",
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
        need(
            result.returncode == 0,
            f"npm could not install mermaid (.ci/run installs it into "
            f"PROCESMAP_MERMAID_DIR): {result.stderr.strip()[-300:]}",
        )
    return modules


def test_mermaid_parser_accepts_every_diagram(tmp_path: Path) -> None:
    modules = _mermaid_modules()
    files = []
    for name in [p.stem for p in bundled()] + ["generated-60-2", "hostile"]:
        path = tmp_path / f"{name}.mmd"
        path.write_text(mermaid_of(name), encoding="utf-8")
        files.append(str(path))
    broken = tmp_path / "broken.mmd"
    broken.write_text("flowchart LR\n  a --> --> b\n", encoding="utf-8")
    result = subprocess.run(
        ["node", str(PARSER), *files, str(broken)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "MERMAID_NODE_MODULES": str(modules)},
    )
    lines = result.stdout.splitlines()
    assert len(lines) == len(files) + 1, result.stdout + result.stderr
    for line in lines[:-1]:
        assert line.startswith("OK ") and line.endswith("flowchart-v2"), line
    assert lines[-1].startswith("ERR "), "the parser must reject a broken diagram"
    assert result.returncode == 1
