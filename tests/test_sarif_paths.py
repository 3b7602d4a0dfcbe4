"""SARIF of `procesmap check`: every artifactLocation is a URI relative to %SRCROOT%, the top of the git repository
the check runs in (GitHub code scanning reads paths from the repository's root), or, for a file outside it, an
absolute file:// URI without a base; valid against both SARIF 2.1.0 schemas (docs/ci.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse
from urllib.request import url2pathname

from .conftest import ROOT, SHARED, invoke_cli, need, need_shared

MAP = ROOT / "processes" / "wmo-melding.yaml"


def _copy(target: Path, process_id: str) -> None:
    """The bundled WMO map under another process id (ids are unique among the maps of one check)."""
    text = MAP.read_text(encoding="utf-8")
    assert "\nid: wmo-melding\n" in text
    target.write_text(text.replace("\nid: wmo-melding\n", f"\nid: {process_id}\n"), encoding="utf-8")


def _sarif(*args: str, cwd: Path) -> dict[str, Any]:
    result = invoke_cli("check", *args, "--format", "sarif", "--lang", "en", cwd=cwd)
    assert result.exit_code in (0, 1), result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def _valid(document: dict[str, Any]) -> None:
    import jsonschema

    schema = json.loads(need_shared(SHARED / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER).validate(document)
    store = json.loads(
        need_shared(SHARED / "data" / "sarif" / "schemastore-sarif-2.1.0.json").read_text(encoding="utf-8")
    )
    jsonschema.Draft7Validator(store, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER).validate(document)


def _locations(document: dict[str, Any]) -> set[tuple[str, str | None]]:
    run = document["runs"][0]
    return {
        (
            location["physicalLocation"]["artifactLocation"]["uri"],
            location["physicalLocation"]["artifactLocation"].get("uriBaseId"),
        )
        for result in run["results"]
        for location in result["locations"]
    }


def _file_of(uri: str, base_id: str | None, document: dict[str, Any]) -> Path:
    """The file a location names, by RFC 3986 resolution against its base (as a SARIF viewer does)."""
    if base_id is not None:
        uri = urljoin(document["runs"][0]["originalUriBaseIds"][base_id]["uri"], uri)
    parsed = urlparse(uri)
    assert parsed.scheme == "file", uri
    return Path(url2pathname(parsed.path))


def test_in_a_subfolder_of_a_repository_paths_start_at_its_top(tmp_path: Path) -> None:
    """`cd processen && procesmap check . ../elders/x.yaml /outside/y.yaml`: the first two relative to the
    repository's top, the third an absolute file:// URI (was `x.yaml`, `../elders/x.yaml`, `/outside/y.yaml`)."""
    repository = tmp_path / "repo"
    (repository / ".git").mkdir(parents=True)
    (repository / "processen").mkdir()
    (repository / "elders met spatie").mkdir()
    _copy(repository / "processen" / "wmo.yaml", "wmo")
    _copy(repository / "elders met spatie" / "wmo-één.yaml", "wmo-een")
    outside = tmp_path / "buiten"
    outside.mkdir()
    _copy(outside / "wmo.yaml", "wmo-buiten")
    document = _sarif(
        "wmo.yaml", "../elders met spatie/wmo-één.yaml", str(outside / "wmo.yaml"), cwd=repository / "processen"
    )
    _valid(document)
    assert document["runs"][0]["originalUriBaseIds"] == {"%SRCROOT%": {"uri": repository.resolve().as_uri() + "/"}}
    assert _locations(document) == {
        ("processen/wmo.yaml", "%SRCROOT%"),
        ("elders%20met%20spatie/wmo-%C3%A9%C3%A9n.yaml", "%SRCROOT%"),
        ((outside / "wmo.yaml").resolve().as_uri(), None),
    }
    files = {_file_of(uri, base, document).resolve() for uri, base in _locations(document)}
    assert files == {
        (repository / "processen" / "wmo.yaml").resolve(),
        (repository / "elders met spatie" / "wmo-één.yaml").resolve(),
        (outside / "wmo.yaml").resolve(),
    }


def test_a_worktree_or_submodule_has_a_git_file(tmp_path: Path) -> None:
    (tmp_path / ".git").write_text("gitdir: /elders/.git/worktrees/x\n", encoding="utf-8")
    (tmp_path / "kaarten").mkdir()
    shutil.copy(MAP, tmp_path / "kaarten" / "wmo.yaml")
    document = _sarif("wmo.yaml", cwd=tmp_path / "kaarten")
    assert _locations(document) == {("kaarten/wmo.yaml", "%SRCROOT%")}


def test_outside_any_repository_the_current_folder_is_the_root(tmp_path: Path) -> None:
    here = tmp_path / "hier"
    here.mkdir()
    _copy(here / "wmo.yaml", "wmo")
    _copy(tmp_path / "naast.yaml", "naast")
    need(
        not any((folder / ".git").exists() for folder in (tmp_path, *tmp_path.parents)),
        f"the temporary folder {tmp_path} lies in a git repository",
    )
    document = _sarif("wmo.yaml", "../naast.yaml", cwd=here)
    _valid(document)
    assert document["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == here.resolve().as_uri() + "/"
    assert _locations(document) == {
        ("wmo.yaml", "%SRCROOT%"),
        ((tmp_path / "naast.yaml").resolve().as_uri(), None),
    }


def test_a_load_error_outside_the_root_is_located_too(tmp_path: Path) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    broken = tmp_path / "kapot.yaml"
    broken.write_text("procesmap: 1\nid: kapot\nsteps:\n  - {id: a, next: [b, b]}\n  - {id: b}\n", encoding="utf-8")
    result = invoke_cli("check", str(broken), "--format", "sarif", cwd=tmp_path / "repo")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    _valid(document)
    errors = [r for r in document["runs"][0]["results"] if r["ruleId"] == "PM000"]
    assert [e["locations"][0]["physicalLocation"]["artifactLocation"] for e in errors] == [
        {"uri": broken.resolve().as_uri()}
    ]
