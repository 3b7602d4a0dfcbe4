"""Work limits of the commands that draw, export and report huge maps, and bounded lists in messages
(issue #19). Maps are generated at test time and small: the limits are monkeypatched down, so no test
measures time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import procesmap
from procesmap import findings as _listing

from .conftest import invoke_cli as invoke


def one_person_map(steps: int, language: str = "en") -> str:
    """A chain of ``steps`` steps, every one done by the same role of one person without a backup (PM204)."""
    lines = [
        "procesmap: 1",
        "id: keten",
        f"language: {language}",
        "owner: baas",
        "term: 8w",
        "roles:",
        "  baas: {people: 3}",
        "  solo: {people: 1}",
        "steps:",
        "  - {id: s0, type: start, role: baas, next: t1}",
    ]
    lines += [f"  - {{id: t{i}, role: solo, work: 1h, next: t{i + 1}}}" for i in range(1, steps)]
    lines.append(f"  - {{id: t{steps}, role: solo, work: 1h, next: e}}")
    lines.append("  - {id: e, type: end, role: baas}")
    return "\n".join(lines) + "\n"


def endless_map(steps: int) -> str:
    """A start, then a ring of ``steps`` steps with no way out (PM404), and an end no case reaches."""
    lines = ["procesmap: 1", "id: ring", "language: en", "owner: mw", "roles:", "  mw: {people: 3}", "steps:"]
    lines.append("  - {id: start, type: start, role: mw, next: r0}")
    lines += [f"  - {{id: r{i}, role: mw, work: 1h, next: r{(i + 1) % steps}}}" for i in range(steps)]
    lines.append("  - {id: e, type: end, role: mw}")
    return "\n".join(lines) + "\n"


# -- lists in messages: the first ten and "and N more" ---------------------------------------------------


def test_listing_names_the_first_ten_and_counts_the_rest_in_both_languages() -> None:
    ids = [f"s{i}" for i in range(20_000)]
    text = _listing.listing(ids)
    expected_head = ", ".join(f"s{i}" for i in range(10))
    assert text == f"{expected_head} and 19,990 more"  # the English text of the message
    from procesmap.i18n import t

    assert t("PM404.message", "nl", steps=text) == f"zaken in {expected_head} en nog 19.990 komen nooit bij een eind"
    assert t("PM404.message", "en", steps=text) == f"cases in {expected_head} and 19,990 more can never reach an end"
    assert _listing.listing(ids[:10]) == expected_head  # ten or fewer: the whole list, no "more"
    assert _listing.listing(ids[:11]) == f"{expected_head} and 1 more"
    assert _listing.listed_in_full("steps", ids[:10]) == {}
    assert _listing.listed_in_full("steps", ids[:11]) == {"steps": ids[:11]}


def test_pm204_on_a_role_doing_25_steps_lists_ten_in_every_format(tmp_path: Path) -> None:
    path = tmp_path / "keten.yaml"
    path.write_text(one_person_map(25))
    head = ", ".join(f"t{i}" for i in range(1, 11))
    process = procesmap.load(path)
    analysis = procesmap.analyse(process, procesmap.Settings(cases=200))
    (pm204,) = [f for f in analysis.findings if f.code == "PM204"]
    assert pm204.message("en") == f"role solo is one person without a backup, and does: {head} and 15 more"
    assert pm204.message("nl") == f"rol solo is één persoon zonder vervanger, en doet: {head} en nog 15"
    # JSON: the same message, and the whole list of 25 steps in `data`
    report = json.loads(invoke("analyse", str(path), "-f", "json", "--cases", "200").output)  # type: ignore[attr-defined]
    (item,) = [f for f in report["findings"] if f["code"] == "PM204"]
    assert item["message"] == pm204.message("en")
    assert item["data"] == {"steps": [f"t{i}" for i in range(1, 26)]}
    # check (plain and SARIF), Markdown and HTML carry the same cut message
    for args in (("check", str(path)), ("check", str(path), "-f", "sarif"), ("analyse", str(path), "-f", "markdown")):
        out = invoke(*args, "--cases", "200").output  # type: ignore[attr-defined]
        assert f"{head} and 15 more" in out, args
    html = tmp_path / "r.html"
    invoke("analyse", str(path), "-f", "html", "-o", str(html), "--cases", "200")
    assert f"{head} and 15 more" in html.read_text()


def test_pm204_with_ten_steps_or_fewer_is_unchanged_and_has_no_data(tmp_path: Path) -> None:
    path = tmp_path / "keten.yaml"
    path.write_text(one_person_map(10))
    report = json.loads(invoke("analyse", str(path), "-f", "json", "--cases", "200").output)  # type: ignore[attr-defined]
    (item,) = [f for f in report["findings"] if f["code"] == "PM204"]
    assert item["message"].endswith("does: " + ", ".join(f"t{i}" for i in range(1, 11)))
    assert "data" not in item


def test_pm404_and_the_missing_visits_of_a_ring_of_30_steps(tmp_path: Path) -> None:
    path = tmp_path / "ring.yaml"
    path.write_text(endless_map(30))
    report = json.loads(invoke("analyse", str(path), "-f", "json", "--cases", "200").output)  # type: ignore[attr-defined]
    (item,) = [f for f in report["findings"] if f["code"] == "PM404"]
    assert item["message"].endswith("and 20 more can never reach an end")
    assert sorted(item["data"]["steps"]) == sorted(f"r{i}" for i in range(30))
    (visits,) = [m for m in report["missing"] if "never reach an end" in m]
    assert "and 20 more" in visits and len(visits) < 200


def test_drawio_of_a_map_without_a_name(tmp_path: Path) -> None:
    """A map without `name` (the name defaults to the id) ended draw.io output in a TypeError traceback."""
    path = tmp_path / "klein.yaml"
    path.write_text(
        "procesmap: 1\nid: klein\nowner: r0\nroles:\n  r0: {people: 2}\nsteps:\n"
        "  - {id: a, type: start, role: r0, next: e}\n  - {id: e, type: end, role: r0}\n"
    )
    result = invoke("diagram", str(path), "-f", "drawio")
    assert result.exit_code == 0  # type: ignore[attr-defined]
    assert 'name="klein"' in result.output  # type: ignore[attr-defined]


def wide_map(branches: int) -> str:
    """A decision of ``branches`` branches of two steps each (no `p`: they share), every case visits four steps."""
    lines = ["procesmap: 1", "id: breed", "language: en", "owner: r0", "term: 8w", "volume: 1000/year", "roles:"]
    lines += [f"  r{i}: {{people: 5}}" for i in range(5)]
    lines += ["steps:", "  - {id: s, type: start, role: r0, work: 1h, next: d}"]
    lines.append(
        "  - {id: d, type: decision, role: r0, work: 1h, next: ["
        + ", ".join(f"{{to: b{i}}}" for i in range(branches))
        + "]}"
    )
    for i in range(branches):
        lines.append(f"  - {{id: b{i}, role: r{i % 5}, work: 1h, next: c{i}}}")
        lines.append(f"  - {{id: c{i}, role: r{(i + 1) % 5}, work: 1h, next: e}}")
    lines.append("  - {id: e, type: end, role: r0, work: 1h}")
    return "\n".join(lines) + "\n"


def test_a_queueing_simulation_of_many_steps_each_drawing_for_every_case_is_skipped_up_front(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every step draws its times for every case in advance, visited or not: a decision of 10,000 branches drew
    240 million values (5.5 GB) although each case visits four steps. The draws are bounded before the pass."""
    from procesmap.analysis import queueing

    process = procesmap.loads(wide_map(40), "breed.yaml")  # 83 steps
    steps = len(process.steps)
    assert steps == 83
    # 83 steps x 3 values x (300 cases + warm-up and cool-down) is more than 50,000: too costly
    monkeypatch.setattr(queueing, "MAX_QUEUE_DRAWS", 50_000)
    analysis = procesmap.analyse(process, procesmap.Settings(cases=1000))
    texts = [m.text("en") for m in analysis.missing]
    (line,) = [x for x in texts if "values in advance" in x]
    assert "1,000 cases over 83 steps would draw more than 50,000 values in advance" in line
    fits = int(50_000 / (83 * 3) / 3)  # the warm-up and cool-down are as many as the measured cases below 1,000
    assert f"at most about {fits} cases fit" in line
    assert analysis.queueing.model != "simulation"
    assert analysis.time.cycle_time["mean"] is not None  # the time figures are still there (declared waits)
    nl = [m.text("nl") for m in analysis.missing if m.key == "bounds.queue_too_many_steps"]
    assert nl and "1.000 zaken over 83 stappen" in nl[0]


def test_the_simulation_of_a_wide_decision_picks_every_branch_as_often_as_its_share() -> None:
    """The branches of a step are kept one after the other (not in a steps x widest-branching matrix); a case
    still takes branch i with its probability: 40 equal branches, 40,000 cases, each about 1,000 times."""
    import numpy as np

    from procesmap.analysis.timing import _Engine
    from procesmap.graph import build_graph

    pg = build_graph(procesmap.loads(wide_map(40), "breed.yaml"))
    engine = _Engine(pg, np.random.default_rng(7))
    d = engine.index["d"]
    u = engine.rng.random(40_000)
    chosen = engine.targets[np.searchsorted(engine.keys, 4.0 * d + u, side="right")]
    names = [engine.ids[i] for i in chosen]
    counts = {f"b{i}": names.count(f"b{i}") for i in range(40)}
    assert set(names) == set(counts)  # only the branches of d
    # binomial(40,000, 1/40): mean 1,000, sd about 31; 6 sd either way
    assert all(810 < c < 1190 for c in counts.values()), counts
    s = engine.index["s"]  # one branch: always d
    assert set(engine.targets[np.searchsorted(engine.keys, 4.0 * s + u[:100], side="right")]) == {d}


# -- drawings: work limits checked before the work, exit 2 for a command, a note in a report -------------


def chain_map(steps: int, roles: int = 2, language: str = "en") -> str:
    lines = ["procesmap: 1", "id: keten", f"language: {language}", "owner: r0", "term: 8w", "roles:"]
    lines += [f"  r{i}: {{people: 2}}" for i in range(roles)]
    lines += ["steps:", "  - {id: s0, type: start, role: r0, work: 1h, next: s1}"]
    lines += [f"  - {{id: s{i}, role: r{i % roles}, work: 1h, next: s{i + 1}}}" for i in range(1, steps - 1)]
    lines.append(f"  - {{id: s{steps - 1}, type: end, role: r0, work: 1h}}")
    return "\n".join(lines) + "\n"


def _never(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("the work started although a limit was passed")


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf", "drawio"])
def test_diagram_of_more_steps_than_a_drawing_holds_is_refused_before_the_layout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    from procesmap.diagrams import bounds, layout

    monkeypatch.setattr(bounds, "MAX_DRAWN_STEPS", 20)
    monkeypatch.setattr(layout._Builder, "build", _never)  # the layout never starts
    path = tmp_path / "keten.yaml"
    path.write_text(chain_map(21))
    out = tmp_path / f"keten.{fmt}"
    result = invoke("diagram", str(path), "-f", fmt, "-o", str(out))
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert "the map has 21 steps: more than a swimlane drawing holds (20, MAX_DRAWN_STEPS)" in result.output  # type: ignore[attr-defined]
    assert "`subprocess:` maps" in result.output and "-f mermaid" in result.output  # type: ignore[attr-defined]
    assert not out.exists()
    # Mermaid is text without a layout: no limit of its own
    mermaid = invoke("diagram", str(path), "-f", "mermaid")
    assert mermaid.exit_code == 0 and "s20" in mermaid.output  # type: ignore[attr-defined]
    # --pages lays out the same map: the same limit; in Dutch with --lang nl
    pages = invoke("diagram", str(path), "-f", "svg", "--pages", "-o", str(tmp_path / "p.svg"), "--lang", "nl")
    assert pages.exit_code == 2  # type: ignore[attr-defined]
    assert "de kaart heeft 21 stappen: meer dan een swimlanetekening bevat (20, MAX_DRAWN_STEPS)" in pages.output  # type: ignore[attr-defined]


def test_a_step_with_more_branches_than_a_drawing_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from procesmap.diagrams import bounds, layout

    monkeypatch.setattr(bounds, "MAX_DRAWN_BRANCHES", 30)
    monkeypatch.setattr(layout._Builder, "build", _never)
    path = tmp_path / "breed.yaml"
    path.write_text(wide_map(31))
    result = invoke("diagram", str(path), "-f", "svg")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert "step d has 31 branches: more than a swimlane drawing holds for one step (30, MAX_DRAWN_BRANCHES)" in (
        result.output  # type: ignore[attr-defined]
    )
    export = invoke("export", "bpmn", str(path), "-o", str(tmp_path / "breed.bpmn"))
    assert export.exit_code == 2 and "MAX_DRAWN_BRANCHES" in export.output  # type: ignore[attr-defined]
    assert not (tmp_path / "breed.bpmn").exists()


def test_a_picture_larger_than_the_area_limit_is_not_painted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from procesmap.diagrams import bounds, swimlane

    process = procesmap.loads(chain_map(12), "keten.yaml")
    analysis = procesmap.analyse(process, procesmap.Settings(cases=100))
    from procesmap.diagrams.layout import swimlane_layout

    laid = swimlane_layout(analysis, "en")
    area = laid.width * laid.height
    monkeypatch.setattr(bounds, "MAX_PICTURE_AREA", int(area) - 1)
    monkeypatch.setattr(swimlane._Painter, "paint", _never)  # no shape is painted
    path = tmp_path / "keten.yaml"
    path.write_text(chain_map(12))
    result = invoke("diagram", str(path), "-f", "png", "-o", str(tmp_path / "k.png"))
    assert result.exit_code == 2  # type: ignore[attr-defined]
    metres = f"{laid.width / 72 * 0.0254:.1f} x {laid.height / 72 * 0.0254:.1f} m"
    assert f"the swimlane picture would be {metres}" in result.output  # type: ignore[attr-defined]
    assert "MAX_PICTURE_AREA" in result.output and not (tmp_path / "k.png").exists()  # type: ignore[attr-defined]
    # at the limit it is drawn
    monkeypatch.setattr(bounds, "MAX_PICTURE_AREA", int(area) + 1)
    monkeypatch.undo()
    assert invoke("diagram", str(path), "-f", "svg").exit_code == 0  # type: ignore[attr-defined]


@pytest.mark.parametrize("fmt", ["html", "pdf", "markdown"])
def test_a_report_leaves_out_only_the_picture_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    from procesmap.diagrams import bounds, layout

    monkeypatch.setattr(bounds, "MAX_DRAWN_STEPS", 20)
    monkeypatch.setattr(layout._Builder, "build", _never)
    path = tmp_path / "keten.yaml"
    path.write_text(chain_map(21))
    out = tmp_path / f"r.{fmt}"
    result = invoke("analyse", str(path), "-f", fmt, "-o", str(out), "--cases", "200")
    assert result.exit_code in (0, 1), result.output  # type: ignore[attr-defined]
    if fmt == "pdf":
        import subprocess

        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        text = " ".join(text.split())
    else:
        text = " ".join(out.read_text().split())
    if fmt != "markdown":  # the Markdown report has no picture to leave out
        assert "The swimlane picture is left out: the map has 21 steps" in text
        assert "Every figure of this report is complete without it" in text
    # every figure is still there: the steps table names the last step, the cycle time is reported
    assert "s20" in text


def test_the_json_report_and_check_of_a_map_over_the_drawing_limits_are_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from procesmap.diagrams import bounds

    path = tmp_path / "keten.yaml"
    path.write_text(chain_map(21))
    before = invoke("analyse", str(path), "-f", "json", "--cases", "200").output  # type: ignore[attr-defined]
    monkeypatch.setattr(bounds, "MAX_DRAWN_STEPS", 20)
    monkeypatch.setattr(bounds, "MAX_PICTURE_AREA", 1)
    assert invoke("analyse", str(path), "-f", "json", "--cases", "200").output == before  # type: ignore[attr-defined]
    assert invoke("check", str(path)).exit_code in (0, 1)  # type: ignore[attr-defined]


# -- the PDF report: its tables, checked before any page work ---------------------------------------------


def test_a_pdf_report_with_a_table_longer_than_the_limit_is_refused_before_any_page_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from procesmap.render import _document, bounds

    monkeypatch.setattr(bounds, "MAX_PDF_TABLE_ROWS", 20)
    monkeypatch.setattr(_document, "build_document", _never)  # no page work starts
    path = tmp_path / "keten.yaml"
    path.write_text(chain_map(21))
    out = tmp_path / "keten.pdf"
    result = invoke("analyse", str(path), "-f", "pdf", "-o", str(out), "--cases", "200")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert (
        "the PDF report of keten would have a table of 21 rows (steps): more than a PDF report holds "
        "(20, MAX_PDF_TABLE_ROWS); nothing is written" in " ".join(result.output.split())  # type: ignore[attr-defined]
    )
    assert "-f html" in result.output and not out.exists()  # type: ignore[attr-defined]
    nl = invoke("analyse", str(path), "-f", "pdf", "-o", str(out), "--cases", "200", "--lang", "nl")
    assert nl.exit_code == 2 and "tabel van 21 rijen (stappen)" in " ".join(nl.output.split())  # type: ignore[attr-defined]
    # the other formats hold every figure of the same map
    assert invoke("analyse", str(path), "-f", "html", "-o", str(tmp_path / "k.html"), "--cases", "200").exit_code in (
        0,
        1,
    )


def test_a_pdf_report_with_more_raci_roles_than_a_page_holds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """1,000 roles in the RACI matrix ended the PDF in a ReportLab error (no width left for a column)."""
    from procesmap.render import bounds

    monkeypatch.setattr(bounds, "MAX_PDF_RACI_ROLES", 5)
    path = tmp_path / "rollen.yaml"
    path.write_text(chain_map(12, roles=6))
    result = invoke("analyse", str(path), "-f", "pdf", "-o", str(tmp_path / "r.pdf"), "--cases", "200")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert "a RACI matrix of 6 roles: more than a PDF page holds (5, MAX_PDF_RACI_ROLES)" in " ".join(
        result.output.split()  # type: ignore[attr-defined]
    )
    monkeypatch.setattr(bounds, "MAX_PDF_RACI_ROLES", 6)  # at the limit: written
    ok = invoke("analyse", str(path), "-f", "pdf", "-o", str(tmp_path / "r.pdf"), "--cases", "200")
    assert ok.exit_code in (0, 1) and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")  # type: ignore[attr-defined]


# -- advice: (candidates + full analyses) x steps, checked before a candidate is screened --------------------


def test_advice_over_its_work_limit_is_refused_before_a_candidate_is_screened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from procesmap import advice, advice_bounds
    from procesmap.advice import candidates

    path = tmp_path / "keten.yaml"
    path.write_text(chain_map(12, roles=3))
    process = procesmap.load(path)
    found = len(candidates(process, procesmap.analyse(process, procesmap.Settings(cases=200))))
    work = (found + min(advice.SIMULATE, found)) * 12
    monkeypatch.setattr(advice_bounds, "MAX_ADVICE_WORK", work - 1)
    monkeypatch.setattr(advice, "screen", _never)  # no candidate is screened
    result = invoke("advise", str(path), "--cases", "200")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    text = " ".join(result.output.split())  # type: ignore[attr-defined]
    analyses = found + min(advice.SIMULATE, found)
    assert f"would analyse the map {analyses} times over 12 steps ({work:,} step analyses)" in text
    assert f"({work - 1:,}, MAX_ADVICE_WORK)" in text and "--set" in text
    again = invoke("analyse", str(path), "--advise", "--cases", "200", "-f", "json")
    assert again.exit_code == 2 and "MAX_ADVICE_WORK" in again.output  # type: ignore[attr-defined]


def test_advice_far_over_its_limit_is_refused_before_the_baseline_analysis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """2,000 steps x 1,000 roles was refused only after its baseline analysis and candidate list (14 s): the
    two candidates each role with a queue gives are counted from the map alone, before any analysis."""
    from procesmap import advice, advice_bounds

    path = tmp_path / "keten.yaml"
    path.write_text(chain_map(12, roles=3))
    # three roles of two people, each doing steps: two capacity candidates each, at least 6 + 6 analyses
    monkeypatch.setattr(advice_bounds, "MAX_ADVICE_WORK", 12 * 12 - 1)
    monkeypatch.setattr(advice, "_analyse", _never)  # no baseline analysis
    monkeypatch.setattr(advice, "candidates", _never)  # no candidate list
    result = invoke("advise", str(path), "--cases", "200")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    text = " ".join(result.output.split())  # type: ignore[attr-defined]
    assert "would analyse the map 12 times over 12 steps (144 step analyses)" in text
    assert "(143, MAX_ADVICE_WORK)" in text
    nl = invoke("advise", str(path), "--cases", "200", "--lang", "nl")
    assert nl.exit_code == 2 and "zou de kaart 12 keer analyseren over 12 stappen" in " ".join(nl.output.split())  # type: ignore[attr-defined]


def backup_map(roles: int) -> str:
    """``roles`` roles of one person (single points of failure), in teams of two organisations, some teamless,
    with different work so that their spare hours differ."""
    lines = ["procesmap: 1", "id: backups", "language: en", "owner: r0", "term: 8w", "volume: 200/year"]
    lines += ["organisations:", "  o1: {name: Een}", "  o2: {name: Twee}", "teams:"]
    lines += [f"  t{i}: {{name: Team {i}, organisation: o{1 + i % 2}}}" for i in range(4)]
    lines.append("roles:")
    for i in range(roles):
        home = f"team: t{i % 5}" if i % 5 < 4 else ("organisation: o1" if i % 10 == 4 else "")
        lines.append(f"  r{i}: {{people: 1{', ' + home if home else ''}}}")
    lines += ["steps:", "  - {id: s0, type: start, role: r0, work: 1h, next: s1}"]
    lines += [
        f"  - {{id: s{i}, role: r{i % roles}, work: {1 + (i * 7) % 13}h, next: s{i + 1}}}" for i in range(1, 2 * roles)
    ]
    lines.append(f"  - {{id: s{2 * roles}, type: end, role: r0, work: 1h}}")
    return "\n".join(lines) + "\n"


def test_backup_candidates_follow_the_rule_with_a_few_looks_per_role(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each single point of failure gets as backup the role of its own team, else of its own organisation, else
    any role, with the most spare hours (then file order): checked against the rule written out here, role by
    role. The old search compared every role with every other (1,000 roles: 999,000 comparisons, 12 s)."""
    from procesmap import advice
    from procesmap.analysis.capacity import yearly_capacity_hours
    from procesmap.model import Process

    process = procesmap.loads(backup_map(40), "backups.yaml")
    analysis = procesmap.analyse(process, procesmap.Settings(cases=0))
    spofs = analysis.ownership.single_points_of_failure
    assert len(spofs) == 40
    spare = {}
    for role_id in process.roles:
        load = analysis.capacity.roles.get(role_id)
        demand = load.demand_hours if load is not None and load.demand_hours is not None else 0.0
        spare[role_id] = (yearly_capacity_hours(analysis.graph, role_id) or 0.0) - demand
    assert len(set(spare.values())) > 5  # the spare hours differ: the ranking matters
    names = list(process.roles)
    expected = {}
    for role_id in spofs:
        team, organisation = process.roles[role_id].team, process.organisation_of(role_id)
        others = [r for r in names if r != role_id]
        same_team = [r for r in others if team is not None and process.roles[r].team == team]
        same_org = [r for r in others if organisation is not None and process.organisation_of(r) == organisation]
        group = same_team or same_org or others
        expected[role_id] = max(group, key=lambda r: (spare[r], -names.index(r)))
    calls = {"n": 0}
    original = Process.team_of

    def counted(self: Process, role_id: str | None) -> str | None:
        calls["n"] += 1
        return original(self, role_id)

    monkeypatch.setattr(Process, "team_of", counted)
    found = {c.subject: c.set[0] for c in advice._backup_candidates(analysis)}
    assert found == {r: f"roles.{r}.backup={expected[r]}" for r in spofs}
    assert calls["n"] <= 2 * len(names) + 2 * len(spofs)  # linear: the old search called it 40 x 39 times


# -- the HTML, Markdown and terminal reports: long tables cut, a huge RACI matrix as a list -------------------


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_raci_matrix_over_its_cells_limit_is_a_list_of_each_steps_roles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """2,000 steps x 1,000 roles made a matrix of 2 million cells (HTML 11.6 s): over the limit each step's
    roles are listed, with a note in the report's language."""
    from procesmap.render import bounds

    monkeypatch.setattr(bounds, "MAX_REPORT_RACI_CELLS", 12 * 6 - 1)
    path = tmp_path / "rollen.yaml"
    path.write_text(chain_map(12, roles=6, language=lang))
    html = tmp_path / "r.html"
    md = tmp_path / "r.md"
    for out, fmt in ((html, "html"), (md, "markdown")):
        result = invoke("analyse", str(path), "-f", fmt, "-o", str(out), "--cases", "200", "--lang", lang)
        assert result.exit_code in (0, 1)  # type: ignore[attr-defined]
    page, text = html.read_text(), " ".join(md.read_text().split())
    note = {
        "en": "The RACI matrix would have 12 steps x 6 roles (72 cells): more than a report shows as a matrix (71, "
        "MAX_REPORT_RACI_CELLS). Each step's roles are listed instead",
        "nl": "De RACI-matrix zou 12 stappen x 6 rollen krijgen (72 cellen): meer dan een rapport als matrix toont "
        "(71, MAX_REPORT_RACI_CELLS). De rollen van elke stap staan hieronder als lijst",
    }[lang]
    assert note.replace("'", "&#39;") in " ".join(page.split())
    assert note.replace("_", "\\_").replace("'", "'") in text
    assert 'class="data raci"' not in page and 'class="data raci-list"' in page
    # one row a step: its doer (r{i % 6}, the map's rule) and the owner r0 accountable by default (A*)
    for i in range(1, 11):
        assert f"| s{i} | r{i % 6} | r0\\* | | |" in text
    # at the limit the matrix stays
    monkeypatch.setattr(bounds, "MAX_REPORT_RACI_CELLS", 12 * 6)
    invoke("analyse", str(path), "-f", "html", "-o", str(html), "--cases", "200")
    assert 'class="data raci"' in html.read_text() and "MAX_REPORT_RACI_CELLS" not in html.read_text()


def test_a_table_longer_than_a_report_shows_keeps_its_weightiest_rows_with_a_note(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from procesmap.render import _document, bounds

    monkeypatch.setattr(bounds, "MAX_REPORT_TABLE_ROWS", 10)
    text = chain_map(21, roles=3).replace(
        "work: 1h, next: s7}", "work: 1h, next: [{to: s8, p: 0.5}, {to: s2, p: 0.5}]}"
    )
    process = procesmap.loads(text, "keten.yaml")
    analysis = procesmap.analyse(process, procesmap.Settings(cases=200))
    doc = _document.build_document([analysis], "en")

    def section(key: str, sections: list[_document.Section]) -> _document.Section:
        for s in sections:
            if s.key == key:
                return s
            inner = [b for b in s.blocks if isinstance(b, _document.Section)]
            if inner:
                try:
                    return section(key, inner)
                except LookupError:
                    pass
        raise LookupError(key)

    steps = section("steps", doc.processes[0].sections)
    table, note = steps.blocks[0], steps.blocks[1]
    assert isinstance(table, _document.Table) and isinstance(note, _document.Text)
    assert [row[0] for row in table.rows] == [f"s{i}" for i in range(10)]  # no order: the first rows
    assert table.left_out == 11
    assert note.text == (
        "Steps: this table shows 10 of its 21 rows, the first ones; a report shows at most 10 rows in one table "
        "(MAX_REPORT_TABLE_ROWS). The 11 rows left out are all in the JSON report (`-f json`)."
    )
    # the handovers keep those with the most per case (the rework loop's run more than once), in their order
    handovers = analysis.handovers.handovers
    assert len(handovers) > 10
    listed = section("handovers-list", doc.processes[0].sections)
    kept = listed.blocks[0]
    assert isinstance(kept, _document.Table) and len(kept.rows) == 10 and kept.left_out == len(handovers) - 10
    names = [(h.source, h.target) for h in handovers]
    kept_pairs = [(row[0], row[1]) for row in kept.rows]
    assert kept_pairs == [pair for pair in names if pair in set(kept_pairs)]  # the map's order
    kept_per_case = [h.per_case or 0.0 for h in handovers if (h.source, h.target) in set(kept_pairs)]
    left_per_case = [h.per_case or 0.0 for h in handovers if (h.source, h.target) not in set(kept_pairs)]
    assert min(kept_per_case) >= max(left_per_case) and max(kept_per_case) > 1.5  # the loop's, visited ~2x
    assert "the ones that weigh most" in listed.blocks[1].text  # type: ignore[union-attr]


def test_the_terminal_counts_the_rows_the_document_left_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from procesmap.render import bounds

    monkeypatch.setattr(bounds, "MAX_REPORT_TABLE_ROWS", 60)
    path = tmp_path / "keten.yaml"
    path.write_text(chain_map(81, roles=2))  # 80 handovers between r0 and r1 (s0 -> s1 is r0 -> r1, ...)
    result = invoke("analyse", str(path), "--cases", "200", "--lang", "en")
    text = " ".join(result.output.split())  # type: ignore[attr-defined]
    assert "… and 30 more handovers with fewer per case" in text  # 80 - the 50 the terminal shows
    assert "this table shows 60 of its 80 rows" in text
    out = tmp_path / "r.json"
    invoke("analyse", str(path), "--cases", "200", "-f", "json", "-o", str(out))
    data = json.loads(out.read_text())
    assert len(data["handovers"]["list"]) == 80  # the JSON report holds every one


# -- serve: a map over a drawing limit says which, in the page's language, as the command line does ----------


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_serve_names_the_drawing_limit_a_map_passes_in_the_pages_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """The page showed a broken picture, and the drawing's reason was "DrawingTooLarge: ..." in English."""
    from procesmap.diagrams import bounds, layout
    from procesmap.serve.page import map_page, map_view
    from procesmap.serve.state import Workspace

    path = tmp_path / "keten.yaml"
    path.write_text(chain_map(21, language=lang))
    monkeypatch.setattr(bounds, "MAX_DRAWN_STEPS", 20)
    monkeypatch.setattr(layout._Builder, "build", _never)  # known from the steps: no layout
    ws = Workspace(path, cases=200)
    ws.refresh()
    entry = ws.entry("keten.yaml")
    assert entry is not None and entry.good is not None
    view = map_view(ws, entry)
    cli = invoke("diagram", str(path), "-f", "svg", "--lang", lang).output  # type: ignore[attr-defined]
    message, hint = (line.strip() for line in cli.strip().splitlines())
    label = {"en": "hint: ", "nl": "tip: "}[lang]
    assert hint.startswith(label)
    note = str(view["diagram_note"])
    assert message in note and hint[len(label) :] in note  # the command line's message and hint
    assert {"en": "The swimlane picture is left out", "nl": "De swimlaneplaat is weggelaten"}[lang] in note
    assert view["diagram"] == "" and "DrawingTooLarge" not in note
    assert note in map_page(ws, entry, "token")  # the first page holds it too
    # a limit found only by the layout (the picture's area): said once the picture was tried
    monkeypatch.undo()
    monkeypatch.setattr(bounds, "MAX_PICTURE_AREA", 1)
    ws = Workspace(path, cases=200)
    ws.refresh()
    entry = ws.entry("keten.yaml")
    assert entry is not None and entry.good is not None
    assert map_view(ws, entry)["diagram"]  # not known before the layout
    svg, reason = entry.good.svg()
    assert svg is None and reason is not None and "MAX_PICTURE_AREA" in reason and "DrawingTooLarge" not in reason
    assert {"en": "the swimlane picture would be", "nl": "de swimlaneplaat zou"}[lang] in reason
    later = map_view(ws, entry)
    assert later["diagram"] == "" and reason in str(later["diagram_note"])


# -- diagram: one layout, whether one picture or pages ----------------------------------------------------


@pytest.mark.parametrize("steps", [6, 120])
def test_diagram_lays_the_map_out_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, steps: int) -> None:
    """``diagram`` asked whether one picture is readable (a layout) and then drew it (a second layout of the same
    map): a 2,000-step map paid its layout twice. 6 steps: one picture; 120 steps: pages."""
    from procesmap.diagrams import layout

    built = []
    original = layout._Builder.build

    def counted(self: object, *args: object, **kwargs: object) -> object:
        built.append(1)
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(layout._Builder, "build", counted)
    path = tmp_path / "keten.yaml"
    path.write_text(chain_map(steps))
    out = tmp_path / "keten.svg"
    result = invoke("diagram", str(path), "-f", "svg", "-o", str(out))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    pages = sorted(tmp_path.glob("keten-*.svg"))
    assert out.read_text().startswith("<?xml") or out.read_text().startswith("<svg")
    assert (len(pages) > 1) == (steps == 120)  # the long chain is drawn as pages, the short one as one picture
    assert len(built) == 1


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_png_pages_over_the_pixel_limit_are_refused_before_one_is_rasterised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """A 200-step chain drawn as pages (the default when one picture is unreadable) made 27 PNG files of up to
    10 million pixels each in 29 s, 800 steps 101 files in 96 s."""
    from procesmap.diagrams import bounds, swimlane

    path = tmp_path / "keten.yaml"
    path.write_text(chain_map(120))
    # every picture as _png would rasterise it: 200 dpi, at most MAX_PIXELS each
    process = procesmap.loads(chain_map(120), "keten.yaml")
    analysis = procesmap.analyse(process, procesmap.Settings(cases=10_000))
    from procesmap.diagrams.layout import swimlane_layout
    from procesmap.diagrams.pages import split_layout

    layout = swimlane_layout(analysis, lang, True)
    parts = split_layout(layout)
    assert len(parts) > 1
    monkeypatch.setattr(bounds, "MAX_PNG_PIXELS", 1_000_000)
    monkeypatch.setattr(swimlane, "_png", _never)  # nothing is rasterised
    out = tmp_path / "keten.png"
    result = invoke("diagram", str(path), "-f", "png", "-o", str(out), "--lang", lang)
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    text = " ".join(result.output.split())  # type: ignore[attr-defined]
    pictures = len(parts) + 1  # the whole map with its cuts, then each part
    expected = {
        "en": f"the map would be drawn as {pictures} PNG pictures of ",
        "nl": f"de kaart zou getekend worden als {pictures} PNG-platen van samen ",
    }[lang]
    limit = {"en": "(1 million, MAX_PNG_PIXELS)", "nl": "(1 miljoen, MAX_PNG_PIXELS)"}[lang]
    assert expected in text and limit in text and "-f pdf" in text and "--single" in text
    assert not out.exists() and not list(tmp_path.glob("keten-*.png"))
    # SVG pages are cheap: drawn
    assert invoke("diagram", str(path), "-f", "svg", "-o", str(tmp_path / "k.svg")).exit_code == 0  # type: ignore[attr-defined]
    assert len(list(tmp_path.glob("k-*.svg"))) == len(parts)
