"""``procesmap check``: suppression comments, the four CI formats (golden files, schemas), exit codes,
and the pre-commit hook run by the real ``pre-commit`` tool.

Regenerate the golden files after an intended change with
``PROCESMAP_UPDATE_GOLDEN=1 pytest tests/test_check.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import procesmap
from procesmap.api import check_paths, exit_code, report_results
from procesmap.cli import app
from procesmap.render.ci import _gh_data, _gh_property
from procesmap.suppress import apply_suppressions, parse_suppressions

from .conftest import GOLDEN, ROOT, SHARED, bundled, check_golden, need_shared, need_tool

CI = GOLDEN / "ci"
SARIF_SCHEMA = SHARED / "data" / "sarif" / "sarif-schema-2.1.0.json"
SARIF_SCHEMASTORE = SHARED / "data" / "sarif" / "schemastore-sarif-2.1.0.json"
CODEQUALITY_SCHEMA = SHARED / "data" / "gitlab-codequality" / "codeclimate.json"


def _golden(name: str, text: str) -> None:
    check_golden(CI / name, text)


def _check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", *args], env={"PROCESMAP_LANG": ""})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


@pytest.fixture
def in_ci(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(CI)
    return CI


@pytest.fixture
def in_ci_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the CI folder as the top of a git repository: SARIF's %SRCROOT% (wherever the tests run)."""
    shutil.copytree(CI / "maps", tmp_path / "maps")
    shutil.copy(CI / "procesmap.toml", tmp_path / "procesmap.toml")
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- suppression comments ------------------------------------------------------------------------


def test_suppression_comments_are_read_exactly() -> None:
    text = (CI / "maps" / "klein.yaml").read_text(encoding="utf-8")
    suppressions, bad = parse_suppressions(text, "klein.yaml")
    assert [(s.line, s.column, s.codes, s.reason, s.target) for s in suppressions] == [
        (1, 1, ("PM102",), "teams delen één zaaksysteem", 0),
        (9, 3, ("PM204",), "wethouder wil geen tweede teamleider", 10),
        (11, 58, ("PM303", "PM204"), "tijdelijk", 11),
        (12, 33, ("PM204",), "stale", 12),
        (20, 72, ("PM999",), "typo", 20),
    ]  # the `#` inside the quoted team name on line 15 is text, not a comment
    assert [(b.line, b.column, b.key) for b in bad] == [(22, 1, "PM001.malformed")]


def test_stacked_comments_and_trailing_ignore_file() -> None:
    text = (
        "a: 1\n# procesmap: ignore[PM204] x\n\n# procesmap: ignore[ping-pong]\nb: 2  # procesmap: ignore-file[PM102]\n"
    )
    suppressions, bad = parse_suppressions(text, "f.yaml")
    assert [(s.line, s.codes, s.reason, s.target) for s in suppressions] == [
        (2, ("PM204",), "x", 5),
        (4, ("PM104",), "", 5),
    ]
    assert [(b.line, b.column, b.key) for b in bad] == [(5, 7, "PM001.file_trailing")]


def test_apply_suppressions_is_pure_and_reports_stale_comments() -> None:
    process = procesmap.load(CI / "maps" / "klein.yaml")
    analysis = procesmap.analyse(process, cases=200)
    before = list(analysis.findings)
    result = apply_suppressions(analysis, (CI / "maps" / "klein.yaml").read_text(encoding="utf-8"))
    assert analysis.findings == before
    assert [(s.finding.code, s.finding.subject, s.reason) for s in result.suppressed] == [
        ("PM204", "teamleider", "wethouder wil geen tweede teamleider"),
        ("PM204", "behandelaar", "tijdelijk"),
        ("PM102", "start -> werk", "teams delen één zaaksysteem"),
        ("PM102", "werk -> einde", "teams delen één zaaksysteem"),
    ]  # PM303 is below its default threshold here, so ignore[PM303] is stale
    assert [(f.code, f.line, f.column, f.message_key, f.subject) for f in result.findings] == [
        ("PM001", 11, 58, "PM001.message", "ignore[PM303]"),
        ("PM001", 12, 33, "PM001.message", "ignore[PM204]"),
        # the teamleider's queue: a case that arrives after hours waits for the next working morning
        ("PM305", 19, 5, "PM305.message", "start"),
        ("PM103", 19, 65, "PM103.message", "start -> werk"),
        ("PM001", 20, 72, "PM001.unknown_code", "ignore[PM999]"),
        ("PM001", 22, 1, "PM001.malformed", "comment"),
    ]
    assert result.findings[0].docs_url == "docs/ci.md#pm001-unused-suppression"


def test_unused_suppression_can_be_turned_off(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    shutil.copy(CI / "maps" / "klein.yaml", tmp_path / "klein.yaml")
    (tmp_path / "procesmap.toml").write_text('[simulation]\ncases = 200\n[rules]\nunused-suppression = "off"\n')
    results, _ = check_paths([tmp_path / "klein.yaml"])
    assert [f.code for f in results[0].findings] == ["PM305", "PM103"]  # PM305: the queue before start


# -- the four formats ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["plain", "github", "gitlab", "sarif"])
def test_formats_golden(in_ci: Path, fmt: str, request: pytest.FixtureRequest) -> None:
    if fmt != "plain":  # paths from the top of the git repository: the same wherever the tests run
        request.getfixturevalue("in_ci_repository")
    code, out = _check("maps", "--format", fmt, "--lang", "en")
    assert code == 2  # kapot.yaml does not load
    if fmt == "sarif":
        out = out.replace(Path.cwd().as_uri() + "/", "file:///CWD/")
    _golden(f"check.{fmt}", out)


def test_plain_lines_and_dutch(in_ci: Path) -> None:
    code, out = _check("maps/klein.yaml", "--lang", "nl")
    assert code == 1  # PM303 is an error in this folder's procesmap.toml
    assert out.splitlines() == [
        "maps/klein.yaml:12:3: PM303 rol jurist is voor 70,7% bezet (vanaf 50,0% lopen wachttijden snel op)",
        "maps/klein.yaml:12:33: PM001 ignore[PM204] onderdrukt niets op deze regel of de volgende",
        # the teamleider's queue (no declared wait): cases that arrive after hours wait for the morning
        "maps/klein.yaml:19:5: PM305 zaken wachten 0,7 dagen voor stap start: 72,6% van de doorlooptijd",
        "maps/klein.yaml:19:65: PM103 start -> werk loopt via E-mail: 100%, comma, buiten het zaaksysteem om",
        "maps/klein.yaml:20:72: PM001 `PM999` in een onderdrukkingscommentaar is geen regelcode",
        "maps/klein.yaml:22:1: PM001 procesmap begrijpt het commentaar `# procesmap: ignore PM204` niet",
        "procesmap: bestanden: 1, bevindingen: 6 (fout: 1, waarschuwing: 1, info: 4), onderdrukt: 5",
    ]


def test_github_escaping() -> None:
    assert _gh_data("50% klaar\r\nnu") == "50%25 klaar%0D%0Anu"
    assert _gh_property("E-mail: a, b") == "E-mail%3A a%2C b"


def test_sarif_is_valid_against_the_schemas(in_ci_repository: Path) -> None:
    import jsonschema

    _, out = _check("maps", "--format", "sarif", "--lang", "nl")
    document = json.loads(out)
    schema = json.loads(need_shared(SARIF_SCHEMA).read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER).validate(document)
    store = json.loads(need_shared(SARIF_SCHEMASTORE).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(store, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER).validate(document)
    run = document["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["PM204"]["helpUri"].endswith("docs/rules/PM204-single-point-of-failure.md")
    assert rules["PM204"]["defaultConfiguration"] == {"level": "warning"}
    assert rules["PM102"]["defaultConfiguration"] == {"level": "note"}
    for rule in run["tool"]["driver"]["rules"]:  # every docs page the rules point to exists
        assert (ROOT / rule["helpUri"].split("procesmap.nl/")[1].split("#")[0]).is_file()
    suppressed = [r for r in run["results"] if "suppressions" in r]
    assert [(r["ruleId"], r["suppressions"][0]["justification"]) for r in suppressed] == [
        ("PM204", "wethouder wil geen tweede teamleider"),
        ("PM204", "tijdelijk"),
        ("PM303", "tijdelijk"),
        ("PM102", "teams delen één zaaksysteem"),
        ("PM102", "teams delen één zaaksysteem"),
    ]
    errors = [r for r in run["results"] if r["ruleId"] == "PM000"]
    assert [
        (
            e["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            e["locations"][0]["physicalLocation"]["region"],
        )
        for e in errors
    ] == [
        ("maps/kapot.yaml", {"startLine": 5, "startColumn": 36}),
        ("maps/kapot.yaml", {"startLine": 6, "startColumn": 34}),
    ]


def test_sarif_of_the_bundled_maps_is_valid(in_root: Path) -> None:
    import jsonschema

    _, out = _check("processes", "--format", "sarif")
    schema = json.loads(need_shared(SARIF_SCHEMA).read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads(out))


def test_gitlab_issues_match_the_code_quality_schema(in_root: Path) -> None:
    import jsonschema

    _, out = _check("processes", "--format", "gitlab", "--lang", "en")
    issues = json.loads(out)
    schema = json.loads(need_shared(CODEQUALITY_SCHEMA).read_text(encoding="utf-8"))
    for issue in issues:
        jsonschema.Draft7Validator(schema).validate(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    results, _ = check_paths(bundled())
    assert len(issues) == sum(len(r.findings) for r in results)
    assert _check("processes", "--format", "gitlab", "--lang", "en")[1] == out  # stable fingerprints


# -- exit codes, load errors, options ------------------------------------------------------------


def test_exit_codes(in_ci: Path, tmp_path: Path) -> None:
    assert _check("maps/klein.yaml")[0] == 1
    assert _check("maps/klein.yaml", "--config", str(tmp_path / "none.toml"))[0] == 2
    (tmp_path / "loose.toml").write_text('[rules]\nPM303 = "warning"\nPM001 = "off"\n')
    assert _check("maps/klein.yaml", "--config", str(tmp_path / "loose.toml"))[0] == 0
    assert _check("maps/klein.yaml", "--config", str(tmp_path / "loose.toml"), "--fail-on", "warning")[0] == 1
    (tmp_path / "strict.toml").write_text('fail_on = "info"\n[simulation]\ncases = 100\n')
    assert _check("maps/klein.yaml", "--config", str(tmp_path / "strict.toml"))[0] == 1
    assert _check("maps/klein.yaml", "--config", str(tmp_path / "strict.toml"), "--fail-on", "error")[0] == 0
    results, errors = check_paths([CI / "maps" / "klein.yaml"])
    assert exit_code(results, errors) == 1 and exit_code(results, errors, "error") == 1
    assert exit_code(results, [object()]) == 2  # type: ignore[list-item]


def test_suppressed_findings_do_not_count(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    text = (CI / "maps" / "klein.yaml").read_text(encoding="utf-8")
    (tmp_path / "klein.yaml").write_text(
        text.replace(
            "  jurist: {people: 2, team: a}  # procesmap: ignore[PM204] stale",
            "  jurist: {people: 2, team: a}  # procesmap: ignore[PM303] ok",
        )
    )
    (tmp_path / "procesmap.toml").write_text(
        '[simulation]\ncases = 100\n[rules]\nPM303 = { severity = "error", threshold = 0.5 }\n'
    )
    results, errors = check_paths([tmp_path / "klein.yaml"])
    assert [f.code for f in results[0].findings if f.severity.value == "error"] == []
    assert exit_code(results, errors) == 0


def test_only_maps_skips_other_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "docker-compose.yml").write_text("services: {}\n")
    shutil.copy(CI / "maps" / "klein.yaml", tmp_path / "klein.yaml")
    (tmp_path / "procesmap.toml").write_text("[simulation]\ncases = 100\n")
    assert _check("docker-compose.yml", "klein.yaml")[0] == 2
    code, out = _check("docker-compose.yml", "klein.yaml", "--only-maps", "--lang", "en")
    assert code == 0 and out.splitlines()[-1].startswith("procesmap: files: 1,")


def test_usage_errors_and_output_file(in_ci: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "procesmap", "check", "maps", "--format", "xml", "--lang", "en"],
        cwd=CI,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and "unknown check format `xml`" in result.stderr
    assert "Traceback" not in result.stderr
    target = tmp_path / "gl-code-quality-report.json"
    code, out = _check("maps/klein.yaml", "--format", "gitlab", "--output", str(target), "--lang", "en")
    assert code == 1 and out == ""
    assert [i["check_name"] for i in json.loads(target.read_text(encoding="utf-8"))] == [
        "PM303",
        "PM001",
        "PM305",
        "PM103",
        "PM001",
        "PM001",
    ]


def test_analyse_reports_suppressed(in_ci: Path) -> None:
    results, _ = check_paths([Path("maps/klein.yaml")])
    data = json.loads(report_results(results, "json", "en"))  # type: ignore[arg-type]
    assert [(s["finding"]["code"], s["finding"]["subject"], s["reason"], s["comment"]) for s in data["suppressed"]] == [
        ("PM204", "teamleider", "wethouder wil geen tweede teamleider", {"line": 9, "column": 3}),
        ("PM204", "behandelaar", "tijdelijk", {"line": 11, "column": 58}),
        ("PM303", "behandelaar", "tijdelijk", {"line": 11, "column": 58}),
        ("PM102", "start -> werk", "teams delen één zaaksysteem", {"line": 1, "column": 1}),
        ("PM102", "werk -> einde", "teams delen één zaaksysteem", {"line": 1, "column": 1}),
    ]
    markdown = report_results(results, "markdown", "nl")
    assert isinstance(markdown, str)
    _golden("klein.suppressed.nl.md", markdown.split("## Onderdrukte bevindingen")[1])
    result = CliRunner().invoke(app, ["analyse", "maps/klein.yaml", "--lang", "en"], env={"PROCESMAP_LANG": ""})
    assert result.exit_code == 1
    assert "Suppressed findings (5)" in result.stdout
    assert (
        "maps/klein.yaml:10:3 PM204 role teamleider is one person without a backup, and does: start "
        "(reason: wethouder wil geen tweede teamleider)" in result.stdout
    )


# -- pre-commit ----------------------------------------------------------------------------------


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["git", "-c", "user.email=test@example.org", "-c", "user.name=test", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        timeout=60,
    )


def test_pre_commit_hook_in_a_temporary_repository(tmp_path: Path) -> None:
    """The real pre-commit installs this project (a copy, committed) from .pre-commit-hooks.yaml and runs it."""
    need_tool("git", "pre-commit needs git: apt-get install git")
    hook_repo = tmp_path / "procesmap-copy"
    ignore = shutil.ignore_patterns(
        ".venv", ".git", ".hypothesis", "*.egg-info", "__pycache__", "tests", "benchmarks", ".pytest_cache"
    )
    shutil.copytree(ROOT, hook_repo, ignore=ignore)
    _git("init", "-q", cwd=hook_repo)
    _git("add", "-A", cwd=hook_repo)
    _git("commit", "-q", "-m", "hook", cwd=hook_repo)
    rev = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=hook_repo, capture_output=True, text=True, check=True
    ).stdout.strip()
    work = tmp_path / "gemeente"
    (work / "processen").mkdir(parents=True)
    shutil.copy(CI / "maps" / "klein.yaml", work / "processen" / "klein.yaml")
    (work / "docker-compose.yml").write_text("services: {}\n")
    (work / "procesmap.toml").write_text('language = "en"\n[simulation]\ncases = 200\n')
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n      - id: procesmap\n"
        f"        files: ^processen/\n"
    )
    _git("init", "-q", cwd=work)
    _git("add", "-A", cwd=work)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PROCESMAP_LANG": "", "LANG": "nl_NL.UTF-8"}
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]
    result = subprocess.run(command, cwd=work, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr  # only info findings: passes
    assert "procesmap check" in result.stdout and "Passed" in result.stdout
    text = (work / "processen" / "klein.yaml").read_text(encoding="utf-8")
    (work / "processen" / "klein.yaml").write_text(
        text.replace(
            "teamleider: {name: Teamleider, team: a, people: 1}",
            "teamleider: {name: Teamleider, team: a, people: 1, x: 1}",
        )
    )
    result = subprocess.run(command, cwd=work, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout and "exit code: 2" in result.stdout
    assert "processen/klein.yaml:10:54: error unknown key `x`" in result.stdout  # the configuration's language
