"""``procesmap diff``: map changes, figure changes and findings; two files, git revisions, what-if."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from procesmap.pipeline import analyse
from procesmap.settings import Settings
from procesmap.diff import compare, diff_paths, read_revision
from procesmap.errors import LoadError, UsageError
from procesmap.loading import load
from procesmap.render.diff import render_diff
from procesmap.whatif import apply_overrides

from tests.conftest import GOLDEN, ROOT, check_golden, git, run_procesmap

OMGEVING = ROOT / "processes" / "omgevingsvergunning.yaml"
FAST = Settings(cases=1000, seed=0)
SCENARIO = [
    "roles.adviseur-milieu-odvr.people=2",
    "steps.intake-odvr.via=squit",
    "volume=1500/year",
    "steps.volledigheid.next.aanvullen.p=0.1",
    "steps.volledigheid.next.inhoudelijke-toets.p=0.85",
]


run = run_procesmap


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A real git repository: commit 1 the bundled map, commit 2 a second adviser, working tree via squit."""
    root = tmp_path / "repo"
    (root / "processes").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    target = root / "processes" / "omgevingsvergunning.yaml"
    shutil.copy(OMGEVING, target)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "eerste kaart")
    text = target.read_text(encoding="utf-8")
    target.write_text(
        text.replace("team: odvr-milieu, people: 1, fte: 0.8}", "team: odvr-milieu, people: 2, fte: 1.6}"),
        encoding="utf-8",
    )
    git(root, "commit", "-q", "-am", "tweede adviseur")
    target.write_text(
        target.read_text(encoding="utf-8").replace(
            "    via: mail                      # stukken per e-mail",
            "    via: squit                     # stukken per e-mail",
        ),
        encoding="utf-8",
    )
    return root


def _scenario_diff():  # type: ignore[no-untyped-def]
    process = load(OMGEVING)
    return compare(
        analyse(process, FAST),
        analyse(apply_overrides(process, SCENARIO), FAST),
        "omgevingsvergunning.yaml",
        "scenario",
    )


def test_identical_maps_have_no_changes() -> None:
    process = load(OMGEVING)
    difference = compare(analyse(process, FAST), analyse(load(OMGEVING), FAST))
    assert not difference.changed and not difference.map_changed
    assert not difference.new_findings and not difference.resolved_findings
    assert len(difference.unchanged_findings) == len(analyse(process, FAST).findings)
    assert all(f.delta in (0.0, None) for f in difference.figures)


def test_map_changes_exact() -> None:
    difference = _scenario_diff()
    entities = [(e.kind, e.id, e.change, [(f.field, f.before, f.after) for f in e.fields]) for e in difference.entities]
    assert entities == [
        ("process", "omgevingsvergunning", "changed", [("volume", "1200/year", "1500/year")]),
        ("roles", "adviseur-milieu-odvr", "changed", [("people", 1, 2)]),
        ("steps", "intake-odvr", "changed", [("via", "mail", "squit")]),
    ]
    transitions = [
        (t.source, t.target, t.change, [(f.field, f.before, f.after) for f in t.fields]) for t in difference.transitions
    ]
    assert transitions == [
        ("volledigheid", "aanvullen", "changed", [("p", 0.3, 0.1)]),
        ("volledigheid", "inhoudelijke-toets", "changed", [("p", 0.65, 0.85)]),
    ]
    assert difference.raci == []


def _by_hand(aanvullen: float, inhoudelijk: float) -> dict[str, float]:
    """Figures of processes/omgevingsvergunning.yaml worked out by hand from its routing.

    volledigheid is visited 1 / (1 - p_aanvullen) times (the rework loop), inhoudelijke-toets
    I = p_inhoudelijk / (1 - p_aanvullen) times; 45% of those go to the parallel adviezen-uitzetten,
    whose branches intake-odvr (via mail), advies-welstand (via mail) and advies-milieu are each
    visited 0.45 I times; conceptbesluit is reached from inhoudelijke-toets (0.55 I), from the join
    (0.45 I) and back from zienswijze-verwerken (0.12 x 0.35 of its own visits): C = I / (1 - 0.042).
    voornemen-weigeren (0.12 C) hands over to zienswijze-aanvrager via mail.
    """
    visits_inhoudelijk = inhoudelijk / (1 - aanvullen)
    visits_concept = visits_inhoudelijk / (1 - 0.12 * 0.35)
    return {
        "advies-milieu": 0.45 * visits_inhoudelijk,
        "manual_with_intake_by_mail": 0.45 * visits_inhoudelijk * 2 + 0.12 * visits_concept,
        "manual_with_intake_via_squit": 0.45 * visits_inhoudelijk + 0.12 * visits_concept,
    }


def test_figure_changes_exact() -> None:
    difference = _scenario_diff()
    figures = {f.id: f for f in difference.figures}
    before, after = _by_hand(0.3, 0.65), _by_hand(0.1, 0.85)
    manual = figures["handovers.per_case.manual"]  # one mail handover less (squit), fewer rework loops
    assert manual.before == pytest.approx(before["manual_with_intake_by_mail"], abs=5e-5)  # 0.9520
    assert manual.after == pytest.approx(after["manual_with_intake_via_squit"], abs=5e-5)  # 0.5433
    assert manual.delta == pytest.approx(
        after["manual_with_intake_via_squit"] - before["manual_with_intake_by_mail"], abs=1e-4
    )
    # utilisation = volume x visits x mean work / capacity: volume 1200 -> 1500, the same 0.8 fte (people: 2
    # adds no fte: fte is given), advies-milieu visited as often as the hand computation says
    utilisation = figures["capacity.utilisation.adviseur-milieu-odvr"]
    work = (1 + 2.5 + 4.5) / 3  # hours, triangular mean
    capacity = 0.8 * 8 * 5 * 46
    assert utilisation.before == pytest.approx(1200 * before["advies-milieu"] * work / capacity, abs=5e-5)
    assert utilisation.after == pytest.approx(1500 * after["advies-milieu"] * work / capacity, abs=5e-5)
    assert figures["capacity.bottleneck"].before == "adviseur-milieu-odvr"
    assert figures["time.share_over_term"].unit == "share"


def test_findings_new_resolved_unchanged() -> None:
    difference = _scenario_diff()
    assert sorted((f.code, f.subject) for f in difference.new_findings) == [
        ("PM303", "vergunningverlener"),
        ("PM304", "adviseur-milieu-odvr"),
    ]
    assert sorted((f.code, f.subject) for f in difference.resolved_findings) == [
        ("PM103", "adviezen-uitzetten -> intake-odvr"),
        ("PM204", "adviseur-milieu-odvr"),
        ("PM303", "adviseur-milieu-odvr"),
    ]
    from procesmap.analysis import Severity

    assert [f.code for f in difference.new_findings_at_or_above(Severity.ERROR)] == ["PM304"]


def test_steps_roles_transitions_added_and_removed(tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_text(
        """\
procesmap: 1
id: klein
owner: a
volume: 100/year
roles: {a: {people: 2}, b: {people: 1}}
steps:
  - {id: s, type: start, role: a, work: 1h, next: t}
  - {id: t, role: b, work: 1h, raci: {C: [a]}, next: e}
  - {id: e, type: end, role: a, work: 1h}
""",
        encoding="utf-8",
    )
    new = tmp_path / "new.yaml"
    new.write_text(
        """\
procesmap: 1
id: klein
owner: a
volume: 100/year
roles: {a: {people: 2}, c: {people: 3}}
steps:
  - {id: s, type: start, role: a, work: 1h, next: u}
  - {id: u, role: c, work: 2h, next: e}
  - {id: e, type: end, role: a, work: 1h, raci: {A: c}}
""",
        encoding="utf-8",
    )
    difference = diff_paths([str(old), str(new)], settings=FAST).diff
    assert [(e.kind, e.id, e.change) for e in difference.entities] == [
        ("roles", "b", "removed"),
        ("roles", "c", "added"),
        ("steps", "t", "removed"),
        ("steps", "u", "added"),
    ]
    assert [(t.source, t.target, t.change) for t in difference.transitions] == [
        ("s", "t", "removed"),
        ("t", "e", "removed"),
        ("s", "u", "added"),
        ("u", "e", "added"),
    ]
    assert [(r.step, r.letter, r.before, r.after) for r in difference.raci] == [("e", "A", "a", "c")]
    assert {f.id for f in difference.figures if f.id.startswith("capacity.utilisation.")} == {
        "capacity.utilisation.a",
        "capacity.utilisation.b",
        "capacity.utilisation.c",
    }
    gone = next(f for f in difference.figures if f.id == "capacity.utilisation.b")
    assert gone.after is None and gone.delta is None and gone.changed


# one JSON golden is enough: between languages only the finding messages differ
@pytest.mark.parametrize(("fmt", "lang"), [("markdown", "nl"), ("markdown", "en"), ("json", "en")])
def test_golden(fmt: str, lang: str) -> None:
    # the golden file must not depend on where the checkout lives
    text = render_diff(_scenario_diff(), fmt, lang).replace(str(ROOT) + "/", "")
    path = GOLDEN / "versions" / f"omgevingsvergunning-scenario.{lang}.{'md' if fmt == 'markdown' else 'json'}"
    check_golden(path, text)


def test_markdown_starts_with_summary_table_and_uses_decimal_comma() -> None:
    text = render_diff(_scenario_diff(), "markdown", "nl")
    lines = text.splitlines()
    assert lines[0] == "## Wijzigingen in omgevingsvergunning"
    assert lines[4] == "| Cijfer | Voor | Na | Verschil |"
    assert "| Overdrachten per zaak, handmatig | 0,95 | 0,54 | −0,41 |" in lines


def test_json_shape() -> None:
    data = json.loads(render_diff(_scenario_diff(), "json", "en"))
    assert set(data) == {"format", "kind", "tool", "old", "new", "changed", "map", "figures", "findings"}
    assert data["kind"] == "diff" and data["changed"] is True
    assert set(data["map"]) == {"changed", "entities", "transitions", "raci"}
    assert set(data["findings"]) == {"new", "resolved", "unchanged"}
    assert {f["id"] for f in data["figures"]} >= {
        "handovers.per_case.role",
        "time.cycle_time.p85",
        "time.term_time.mean",
        "time.share_over_extended_term",
        "capacity.bottleneck",
    }


def test_terminal_unchanged() -> None:
    process = load(OMGEVING)
    text = render_diff(compare(analyse(process, FAST), analyse(process, FAST)), "terminal", "en")
    assert "No changes: the map and every figure are the same." in text


# -- git ------------------------------------------------------------------------------------------


def test_from_to_revisions(repo: Path) -> None:
    file = str(repo / "processes" / "omgevingsvergunning.yaml")
    difference = diff_paths([file], "HEAD~1", "HEAD", settings=FAST).diff
    assert difference.old.label == f"{file}@HEAD~1" and difference.new.label == f"{file}@HEAD"
    assert [(e.kind, e.id, [(f.field, f.before, f.after) for f in e.fields]) for e in difference.entities] == [
        ("roles", "adviseur-milieu-odvr", [("people", 1, 2), ("fte", 0.8, 1.6)])
    ]
    assert sorted(f.code for f in difference.resolved_findings) == ["PM204", "PM303"]
    # --from without --to: against the working tree
    working = diff_paths([file], "HEAD", settings=FAST).diff
    assert [(e.kind, e.id) for e in working.entities] == [("steps", "intake-odvr")]
    assert working.new.label == file


def test_from_a_branch_and_from_a_subfolder(repo: Path) -> None:
    git(repo, "checkout", "-q", "-b", "voorstel")
    result = run(
        "diff", "omgevingsvergunning.yaml", "--from", "main", "-f", "json", "--cases", "500", cwd=repo / "processes"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["old"]["label"] == "omgevingsvergunning.yaml@main"
    assert [e["id"] for e in data["map"]["entities"]] == ["intake-odvr"]
    assert read_revision(repo / "processes" / "omgevingsvergunning.yaml", "main^") == OMGEVING.read_bytes()


def test_git_errors(repo: Path, tmp_path: Path) -> None:
    file = str(repo / "processes" / "omgevingsvergunning.yaml")
    with pytest.raises(UsageError, match="unknown revision `nope`"):
        diff_paths([file], "nope")
    with pytest.raises(UsageError, match="unknown revision"):
        diff_paths([file], "--output=/tmp/x")
    new_file = repo / "processes" / "nieuw.yaml"
    shutil.copy(OMGEVING, new_file)
    with pytest.raises(UsageError, match="processes/nieuw.yaml does not exist in revision `HEAD`"):
        diff_paths([str(new_file)], "HEAD")
    outside = tmp_path / "los" / "x.yaml"
    outside.parent.mkdir()
    shutil.copy(OMGEVING, outside)
    with pytest.raises(UsageError, match="is not in a git repository"):
        diff_paths([str(outside)], "HEAD")


def test_broken_map_at_a_revision_is_a_load_error_naming_it(repo: Path) -> None:
    target = repo / "processes" / "omgevingsvergunning.yaml"
    good = target.read_text(encoding="utf-8")
    target.write_text(good.replace("role: vergunningverlener", "role: vergunningverlenerr", 1), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "kapot")
    target.write_text(good, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        diff_paths([str(target)], "HEAD")
    assert f"{target}@HEAD:" in caught.value.format("en")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["processes/omgevingsvergunning.yaml"], "diff needs two maps"),
        (["processes/omgevingsvergunning.yaml", "--to", "HEAD"], "--to needs --from"),
        (["a.yaml", "b.yaml", "c.yaml"], "got 3 paths"),
        (
            ["processes/omgevingsvergunning.yaml", "processes/wmo-melding.yaml", "--from", "HEAD"],
            "do not name a second",
        ),
        (["processes/omgevingsvergunning.yaml", "--set", "x=1", "-f", "html"], "unknown format `html`"),
        # a --set that fits no path of the (Dutch) map is told in the map's language (docs/format.md)
        (["processes/omgevingsvergunning.yaml", "--set", "roles.adviseur-milieu.people=2"], "bedoel je"),
        # a missing map next to a Dutch one: in the language that map declares (docs/format.md)
        (["processes/nope.yaml", "processes/wmo-melding.yaml"], "bestand of map bestaat niet"),
        (["processes/nope.yaml", "processes/wmo-melding.yaml", "--lang", "en"], "no such file"),
    ],
)
def test_cli_usage_errors_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    result = run("diff", *args)
    assert result.returncode == 2, result.stdout
    assert message in result.stderr and "Traceback" not in result.stderr


def test_cli_not_a_repository(tmp_path: Path) -> None:
    shutil.copy(OMGEVING, tmp_path / "x.yaml")
    result = run("diff", "x.yaml", "--from", "HEAD", cwd=tmp_path)
    assert result.returncode == 2 and "is not in a git repository" in result.stderr


def test_cli_set_markdown_and_fail_on(tmp_path: Path) -> None:
    out = tmp_path / "mr-comment.md"
    args = ["diff", "processes/omgevingsvergunning.yaml", "--cases", "500", "--lang", "en"]
    for assignment in SCENARIO:
        args += ["--set", assignment]
    result = run(*args, "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("## Changes in omgevingsvergunning")
    assert run(*args, "--fail-on", "error").returncode == 1  # PM304 is new
    relieved = [
        "diff",
        "processes/omgevingsvergunning.yaml",
        "--cases",
        "500",
        "--set",
        "roles.adviseur-milieu-odvr.people=2",
    ]
    assert run(*relieved, "--fail-on", "info").returncode == 0  # only resolved findings
    terminal = run(*relieved, "--lang", "en")
    assert "Resolved" in terminal.stdout and "PM204" in terminal.stdout


def test_cli_two_files(tmp_path: Path) -> None:
    new = tmp_path / "omgevingsvergunning.yaml"
    new.write_text(
        OMGEVING.read_text(encoding="utf-8").replace("service_norm: 6w", "service_norm: 20w"), encoding="utf-8"
    )
    result = run("diff", str(OMGEVING), str(new), "-f", "json", "--cases", "500")
    data = json.loads(result.stdout)
    assert data["map"]["entities"] == [
        {
            "kind": "process",
            "id": "omgevingsvergunning",
            "change": "changed",
            "fields": [{"field": "service_norm", "before": "6w", "after": "20w"}],
        }
    ]
    time_figures = [f for f in data["figures"] if f["id"].startswith("time.")]
    assert not any(f["changed"] for f in time_figures)  # same seed: no simulation noise
    # late cases per year = volume x share (a change of volume changes the queues, so the share too)
    figures = {f["id"]: f for f in data["figures"]}
    assert figures["time.late_per_year_term"]["after"] == pytest.approx(
        1200 * figures["time.share_over_term"]["after"], abs=0.01
    )
