"""The exported files, parsed by the real bpmn-moddle (the parser of bpmn-js and Camunda Modeler).

Needs node. bpmn-moddle is taken from ``BPMN_MODDLE_DIR`` (a folder with node_modules/bpmn-moddle,
as .ci/run installs it), else installed with npm into a temporary folder; without node, or
when npm cannot install it, the test is skipped (it fails instead under PROCESMAP_STRICT=1, as in CI).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

import procesmap
from procesmap.bpmn import ExportOptions, export_bpmn

from .conftest import bundled, need, need_tool

SCRIPT = r"""
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(process.env.BPMN_MODDLE_DIR + '/');
const mod = await import(require.resolve('bpmn-moddle'));
const BpmnModdle = mod.BpmnModdle || mod.default;
const out = {};
for (const file of process.argv.slice(2)) {
  try {
    const { rootElement, warnings } = await new BpmnModdle().fromXML(fs.readFileSync(file, 'utf8'));
    const names = [];
    for (const root of rootElement.rootElements) {
      for (const element of root.flowElements || []) names.push(element.$type);
    }
    out[file] = { type: rootElement.$type, warnings: warnings.map(w => w.message), flowElements: names.length };
  } catch (e) { out[file] = { error: String(e.message || e) }; }
}
console.log(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def moddle_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_tool("node", "bpmn-moddle runs in node: apt-get install nodejs npm; .ci/run installs them")
    given = os.environ.get("BPMN_MODDLE_DIR")
    if given and (Path(given) / "node_modules" / "bpmn-moddle").is_dir():
        return Path(given)
    need_tool("npm", "and BPMN_MODDLE_DIR is not set: apt-get install npm; .ci/run installs bpmn-moddle")
    folder = tmp_path_factory.mktemp("bpmn-moddle")
    (folder / "package.json").write_text('{"name": "x", "private": true}', encoding="utf-8")
    try:
        done = subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "bpmn-moddle@10"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=120,
        )
    except subprocess.TimeoutExpired:
        need(False, "npm install bpmn-moddle timed out (.ci/run installs it into BPMN_MODDLE_DIR)")
    need(done.returncode == 0, f"npm install bpmn-moddle failed: {done.stderr[-300:]}")
    return folder


def test_exported_files_parse_with_bpmn_moddle(moddle_dir: Path, tmp_path: Path) -> None:
    files = []
    for path in bundled():
        process = procesmap.load(path)
        for options in [ExportOptions(p, e) for p in ("organisation", "single") for e in ("pool", "lane")]:
            file = tmp_path / f"{path.stem}-{options.pools}-{options.external}.bpmn"
            file.write_bytes(export_bpmn(process, options))
            files.append(file)
    script = tmp_path / "check.mjs"
    script.write_text(SCRIPT, encoding="utf-8")
    done = subprocess.run(
        ["node", str(script), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "BPMN_MODDLE_DIR": str(moddle_dir)},
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    for file in files:
        result = results[str(file)]
        assert result.get("type") == "bpmn:Definitions", result
        assert result["warnings"] == [], (file.name, result["warnings"])
        assert result["flowElements"] > 0
