"""A repository of processes: subprocesses, shared organisation files, and the load across processes."""

from __future__ import annotations

from pathlib import Path

import pytest

import procesmap
from procesmap.analysis import Settings
from procesmap.errors import LoadError
from procesmap.repository import expand_subprocesses, overview

PARENT = """\
procesmap: 1
id: vergunning
owner: behandelaar
volume: 100/year
roles:
  behandelaar: {people: 3}
steps:
  - {id: aanvraag, type: start, role: behandelaar, work: 1h, next: advies}
  - {id: advies, role: behandelaar, wait: 1d, subprocess: advies-welstand, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 2h}
"""

SUB = """\
procesmap: 1
id: advies-welstand
owner: secretaris
roles:
  secretaris: {people: 2}
  commissie: {external: true}
steps:
  - {id: ontvangen, type: start, role: secretaris, work: 30m, next: vergadering}
  - id: vergadering
    type: decision
    role: commissie
    wait: 2w
    next:
      - {to: aanhouden, p: 0.2}
      - {to: advies-klaar, p: 0.8}
  - {id: aanhouden, role: secretaris, work: 15m, next: vergadering}
  - {id: advies-klaar, type: end, role: secretaris, work: 1h}
"""


def _lookup(*texts: str):  # type: ignore[no-untyped-def]
    processes = {p.id: p for p in (procesmap.loads(t, f"{i}.yaml") for i, t in enumerate(texts))}
    return processes.get


def test_subprocess_steps_are_expanded_and_visited() -> None:
    parent = procesmap.loads(PARENT, "vergunning.yaml")
    expanded = expand_subprocesses(parent, _lookup(SUB))
    ids = [s.id for s in expanded.steps]
    assert ids == [
        "aanvraag",
        "advies",
        "advies--ontvangen",
        "advies--vergadering",
        "advies--aanhouden",
        "advies--advies-klaar",
        "besluit",
    ]
    analysis = procesmap.analyse(expanded, Settings(cases=500, queueing=False))  # declared waits: exact means
    visits = analysis.visits
    assert visits is not None
    assert visits["advies--vergadering"] == pytest.approx(1 / 0.8)
    assert visits["besluit"] == pytest.approx(1.0)
    # cycle time: 1h + 1d + 30m + 1.25 x 2w + 0.25 x 15m + 1h + 2h
    expected = (1 + 0.5 + 0.25 * 0.25 + 1 + 2) / 24 + 1 + 1.25 * 14
    assert analysis.time.cycle_time["mean"] == pytest.approx(expected)
    # the sub's roles come along; findings on them point into the sub's file
    assert "secretaris" in expanded.roles
    assert expanded.where_step("advies--vergadering")[0] == "0.yaml"
    assert not [f for f in analysis.findings if f.code in ("PM401", "PM402", "PM404", "PM202")]


def test_subprocess_cycle_is_a_load_error() -> None:
    parent = procesmap.loads(PARENT, "vergunning.yaml")
    sub = SUB.replace(
        "- {id: aanhouden, role: secretaris, work: 15m, next: vergadering}",
        "- {id: aanhouden, role: secretaris, work: 15m, subprocess: vergunning, next: vergadering}",
    )
    processes = {"vergunning": parent, "advies-welstand": procesmap.loads(sub, "advies-welstand.yaml")}
    with pytest.raises(LoadError) as err:
        expand_subprocesses(parent, processes.get)
    assert any(p.key == "ref.subprocess_cycle" for p in err.value.problems)
    assert "vergunning -> advies-welstand -> vergunning" in err.value.format("en")


def test_conflicting_role_definitions_are_a_load_error() -> None:
    parent = procesmap.loads(
        PARENT.replace("behandelaar: {people: 3}", "behandelaar: {people: 3}\n  secretaris: {people: 9}"),
        "vergunning.yaml",
    )
    with pytest.raises(LoadError) as err:
        expand_subprocesses(parent, _lookup(SUB))
    problem = err.value.problems[0]
    assert problem.key == "ref.subprocess_conflict" and (problem.line, problem.column) == (10, 59)


def _process(pid: str, volume: str, work: str) -> procesmap.Process:
    return procesmap.loads(
        f"""\
procesmap: 1
id: {pid}
owner: medewerker
volume: {volume}
roles:
  medewerker: {{people: 1, fte: 1.0, backup: teamleider}}
  teamleider: {{people: 1}}
steps:
  - {{id: start, type: start, role: medewerker, work: {work}, next: klaar}}
  - {{id: klaar, type: end, role: teamleider}}
""",
        f"{pid}.yaml",
    )


def test_overload_across_processes_is_found() -> None:
    # each process: 1000 cases x 1 h = 1000 h of 1840 h (54%); together 2000 h: 109% -> PM304
    analyses = [procesmap.analyse(_process(pid, "1000/year", "1h"), Settings(cases=10)) for pid in ("a", "b")]
    assert all(not [f for f in a.findings if f.code in ("PM303", "PM304")] for a in analyses)
    result = overview(analyses)
    role = next(r for r in result.roles if r.role == "medewerker")
    assert role.demand_hours == pytest.approx(2000) and role.capacity_hours == pytest.approx(1840)
    assert role.utilisation == pytest.approx(2000 / 1840)
    assert role.per_process == {"a": pytest.approx(1000), "b": pytest.approx(1000)}
    assert [(f.code, f.subject) for f in result.findings] == [("PM304", "medewerker")]
    assert "2 processes" in result.findings[0].message("en")
    assert [s.id for s in result.processes] == ["a", "b"]


def test_bottleneck_across_processes() -> None:
    # 900 h + 800 h = 1700 h of 1840 h: 92% -> PM303, not PM304
    analyses = [
        procesmap.analyse(_process("a", "900/year", "1h"), Settings(cases=10)),
        procesmap.analyse(_process("b", "800/year", "1h"), Settings(cases=10)),
    ]
    assert [f.code for f in overview(analyses).findings] == ["PM303"]


ORGANISATIE = """\
procesmap: 1
kind: organisation
organisations:
  gemeente: {name: Gemeente Voorbeeld}
teams:
  vth: {name: Vergunningen, organisation: gemeente}
roles:
  behandelaar: {name: Behandelaar, team: vth, people: 1}
  secretaris: {name: Secretaris, team: vth, people: 2}
"""


def _repo(tmp_path: Path) -> Path:
    (tmp_path / "organisatie.yaml").write_text(ORGANISATIE, encoding="utf-8")
    parent = PARENT.replace("roles:\n  behandelaar: {people: 3}\n", "")
    (tmp_path / "vergunning.yaml").write_text(parent, encoding="utf-8")
    sub = SUB.replace("  secretaris: {people: 2}\n", "")
    (tmp_path / "advies-welstand.yaml").write_text(sub, encoding="utf-8")
    return tmp_path


def test_shared_organisation_file_resolves_ids_across_files(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    process = procesmap.load(repo / "vergunning.yaml")
    assert process.roles["behandelaar"].team == "vth"
    # a finding on a shared role points into the organisation file
    analysis = procesmap.analyse(process, Settings(cases=100))
    spof = next(f for f in analysis.findings if f.code == "PM204")
    assert spof.file.endswith("organisatie.yaml") and (spof.line, spof.column) == (8, 3)
    processes, problems = procesmap.load_many([repo])
    assert not problems
    assert sorted(p.id for p in processes) == ["advies-welstand", "vergunning"]  # organisatie.yaml is no process


def test_subprocess_from_the_folder_is_expanded_on_load(tmp_path: Path) -> None:
    process = procesmap.load(_repo(tmp_path) / "vergunning.yaml")
    assert "advies--vergadering" in process.steps_by_id
    assert process.where_step("advies--vergadering")[0].endswith("advies-welstand.yaml")


def test_id_defined_in_both_places_is_a_load_error(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    text = (repo / "vergunning.yaml").read_text(encoding="utf-8")
    (repo / "vergunning.yaml").write_text(
        text.replace("steps:", "roles:\n  behandelaar: {people: 4}\nsteps:"), encoding="utf-8"
    )
    with pytest.raises(LoadError) as err:
        procesmap.load(repo / "vergunning.yaml")
    problem = err.value.problems[0]
    assert problem.key == "ref.shared_conflict" and problem.args["line"] == 8


def test_bad_organisation_file_is_reported_once(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "organisatie.yaml").write_text(ORGANISATIE.replace("people: 2", "people: twee"), encoding="utf-8")
    processes, problems = procesmap.load_many([repo])
    assert [(Path(p.file).name, p.line, p.key) for p in problems] == [("organisatie.yaml", 9, "value.expected_int")]


def test_loading_an_organisation_file_as_a_process_says_so(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    with pytest.raises(LoadError) as err:
        procesmap.load(repo / "organisatie.yaml")
    assert err.value.problems[0].key == "load.organisation_file"


def test_overview_command(tmp_path: Path) -> None:
    import json
    import subprocess
    import sys

    for pid in ("a", "b"):
        (tmp_path / f"{pid}.yaml").write_text(
            f"""\
procesmap: 1
id: {pid}
owner: medewerker
volume: 1000/year
roles:
  medewerker: {{people: 1, fte: 1.0, backup: teamleider}}
  teamleider: {{people: 1}}
steps:
  - {{id: start, type: start, role: medewerker, work: 1h, next: klaar}}
  - {{id: klaar, type: end, role: teamleider}}
""",
            encoding="utf-8",
        )
    result = subprocess.run(
        [sys.executable, "-m", "procesmap", "overview", str(tmp_path), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert [p["id"] for p in data["processes"]] == ["a", "b"]
    role = next(r for r in data["roles"] if r["role"] == "medewerker")
    assert role["demand_hours"] == pytest.approx(2000) and role["utilisation"] == pytest.approx(1.087, abs=0.001)
    assert [(f["code"], f["subject"]) for f in data["findings"]] == [("PM304", "medewerker")]
    text = subprocess.run(
        [sys.executable, "-m", "procesmap", "overview", str(tmp_path), "--lang", "nl"],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert "medewerker" in text and "109%" in text


def test_analyse_of_several_maps_shows_the_load_across_them(tmp_path: Path) -> None:
    import subprocess
    import sys

    for pid in ("a", "b"):
        (tmp_path / f"{pid}.yaml").write_text(
            f"""\
procesmap: 1
id: {pid}
owner: medewerker
volume: 1000/year
roles:
  medewerker: {{people: 2, fte: 1.0}}
steps:
  - {{id: start, type: start, role: medewerker, work: 1h, next: klaar}}
  - {{id: klaar, type: end, role: medewerker}}
""",
            encoding="utf-8",
        )
    result = subprocess.run(
        [sys.executable, "-m", "procesmap", "analyse", str(tmp_path), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    # the report of several maps opens with them all and the load of the roles they share
    assert result.stdout.index("Load of the roles the maps share") < result.stdout.index("╭─ a (a)")
    assert "109%" in result.stdout  # 2 x 1,000 h of 1,840 h
    assert "PM304" in result.stdout and result.returncode == 1  # fine in each map, overloaded across both
    assert result.stdout.rstrip().endswith("2 processes: 1 error, 0 warnings, 0 info")  # the exit code's reason counted
    markdown = subprocess.run(
        [sys.executable, "-m", "procesmap", "analyse", str(tmp_path), "-f", "markdown"],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert "## Bezetting van de rollen die de kaarten delen" in markdown and "PM304" in markdown
    assert markdown.rstrip().endswith("2 processen: 1 fout, 0 waarschuwingen, 0 info")
