"""The first screen of every report: the summary's figures, worked out by hand for a map of fixed durations,
the same in the terminal, Markdown, HTML and PDF reports (one section model), and first in each of them.

The map: 1,000 cases a year, a legal term of 20 days. Every case waits 1 day, then 10 days; 30% then go to
another organisation for 15 more days and come back. So by hand: 70% of cases take 11 days, 30% take 26 days;
30% are over the term (300 cases a year); 85% of cases are done within 26 days (the 85th percentile falls in
the slow 30%); 0.3 x 2 = 0.6 handovers between organisations per case, 0.3 of them (the way out) by mail.
Waits are fixed, queueing is off: the simulation can only draw the branch, so the share is 30% within the
sampling error of 10,000 cases (a standard error of 0.46 percentage points).
"""

from __future__ import annotations

import math
import re
import subprocess
from pathlib import Path

import pytest

import procesmap
from procesmap.analysis import Settings
from procesmap.render._document import summary_section
from procesmap.render._labels import Labels

MAP = """procesmap: 1
id: vast
name: Vaste doorlooptijd
owner: behandelaar
volume: 1000/year
term: 20d
organisations:
  gemeente: {name: Gemeente}
  odr: {name: Omgevingsdienst}
teams:
  vth: {name: VTH, organisation: gemeente}
  advies: {name: Advies, organisation: odr}
roles:
  behandelaar: {name: Behandelaar, team: vth, people: 3}
  adviseur: {name: Adviseur, team: advies, people: 2}
systems:
  mail: {name: E-mail, kind: manual}
steps:
  - {id: ontvangst, type: start, role: behandelaar, wait: 1d, next: beoordelen}
  - id: beoordelen
    type: decision
    role: behandelaar
    wait: 10d
    next:
      - {to: klaar, p: 0.7}
      - {to: advies, p: 0.3}
  - {id: advies, type: task, role: adviseur, wait: 15d, via: mail, next: klaar}
  - {id: klaar, type: end, role: behandelaar}
"""


@pytest.fixture(scope="module")
def analysis(tmp_path_factory: pytest.TempPathFactory) -> "procesmap.Analysis":
    path = tmp_path_factory.mktemp("summary") / "vast.yaml"
    path.write_text(MAP, encoding="utf-8")
    return procesmap.analyse(procesmap.load(path), Settings(queueing=False))


def test_the_figures_are_those_worked_out_by_hand(analysis: "procesmap.Analysis") -> None:
    time = analysis.time
    assert abs(time.share_over_term - 0.3) < 4 * math.sqrt(0.3 * 0.7 / 10_000)
    assert time.term_time["p85"] == pytest.approx(26.0)
    assert time.late_per_year["term"] == pytest.approx(1000 * time.share_over_term)
    assert analysis.handovers.expected_per_case["organisation"] == pytest.approx(0.6)
    assert analysis.handovers.expected_per_case["manual"] == pytest.approx(0.3)


def test_summary_says_them_in_dutch(analysis: "procesmap.Analysis") -> None:
    facts = dict(summary_section(analysis, Labels(analysis, "nl")).blocks[0].items)
    share = f"{analysis.time.share_over_term * 100:.1f}".replace(".", ",")
    assert facts["Zaken"] == "1.000 zaken per jaar"
    assert facts["Zaken over de termijn"] == f"{share}% (termijn 20 dagen)"
    assert facts["Te late zaken per jaar"] == f"{round(1000 * analysis.time.share_over_term)} over de termijn"
    assert facts["85% van de zaken klaar binnen"] == "26,0 dagen op de termijnklok (termijn 20 dagen)"
    assert facts["Overdrachten per zaak"].startswith(
        "0,60 tussen organisaties, 0,00 met externe partijen, 0,30 buiten het zaaksysteem"
    )
    assert facts["Rollen zonder vervanging"] == "geen"


def test_summary_comes_first_in_every_format(analysis: "procesmap.Analysis", tmp_path: Path) -> None:
    from .conftest import need_tool

    share = procesmap.i18n.percent(analysis.time.share_over_term, "nl", 1)
    terminal = procesmap.report(analysis, "terminal", "nl")
    assert terminal.startswith("╭─ Vaste doorlooptijd (vast)") and terminal.index(share) < terminal.index("Bevindingen")
    markdown = procesmap.report(analysis, "markdown", "nl")
    assert re.match(r"# Vaste doorlooptijd \(`vast`\)\n\n## Samenvatting\n", markdown)
    html = procesmap.report(analysis, "html", "nl")
    main = html.split("<main>", 1)[1]
    assert main.lstrip().startswith('<section class="summary"') and main.index(share) < main.index('<nav class="toc"')
    need_tool("pdftotext", "apt-get install poppler-utils; .ci/run installs it")
    pdf = tmp_path / "vast.pdf"
    pdf.write_bytes(procesmap.render.render([analysis], "pdf", "nl"))  # type: ignore[arg-type]
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Samenvatting" in first and share in first and "26,0 dagen op de termijnklok" in first


def test_the_three_most_important_findings_errors_first(analysis: "procesmap.Analysis") -> None:
    from procesmap.render._document import SUMMARY_ITEMS, summary_findings

    items = summary_findings(analysis, Labels(analysis, "en"))
    order = {"error": 0, "warning": 1, "info": 2}
    ordered = sorted(analysis.findings, key=lambda f: order[f.severity.value])  # stable: file order
    # one bullet a rule (and severity), saying how often the same rule found something else
    expected, seen = [], set()
    for f in ordered:
        if (f.severity, f.code) not in seen:
            seen.add((f.severity, f.code))
            expected.append(f)
    expected = expected[:SUMMARY_ITEMS]
    assert [item.split(":")[0] for item in items[: len(expected)]] == [
        f"{f.severity.value} {f.code} {f.rule}" for f in expected
    ]
    shown = 0
    for item, f in zip(items, expected):
        others = sum(1 for g in analysis.findings if (g.severity, g.code) == (f.severity, f.code)) - 1
        shown += 1 + others
        assert item.startswith(f"{f.severity.value} {f.code} {f.rule}: {f.message('en')}")
        if others == 0:
            assert "same kind of finding" not in item
        elif others == 1:
            assert item.endswith("(and the same kind of finding once more, see below)")
        else:
            assert item.endswith(f"(and the same kind of finding {others} more times, see below)")
    more = len(analysis.findings) - shown
    if more > 0:
        assert items[-1] == f"({more} more finding{'s' if more > 1 else ''} below)"
    else:
        assert len(items) == len(expected)


def test_a_draft_without_roles_gets_one_bullet_for_its_steps_without_a_role() -> None:
    """A draft from `log discover` has PM202 at every step: one bullet says so, the other bullets are other rules."""
    from procesmap.render._document import summary_findings

    steps = ["  - {id: begin, type: start, next: t1}"]
    steps += [f"  - {{id: t{i}, name: Taak {i}, work: 1h, next: t{i + 1}}}" for i in range(1, 6)]
    steps += ["  - {id: t6, name: Taak 6, work: 1h, next: klaar}", "  - {id: klaar, type: end}"]
    text = "procesmap: 1\nid: draft\nname: Concept\nlanguage: nl\nsteps:\n" + "\n".join(steps) + "\n"
    analysis = procesmap.analyse(procesmap.loads(text), cases=200)
    pm202 = [f for f in analysis.findings if f.code == "PM202"]
    assert len(pm202) == 6
    items = summary_findings(analysis, Labels(analysis, "nl"))
    assert sum(1 for item in items if " PM202 " in item) == 1
    assert [item for item in items if " PM202 " in item][0].endswith(
        "(en nog 5 keer dezelfde soort bevinding, zie hieronder)"
    )


def test_the_summary_names_the_interventions_that_help_most() -> None:
    from procesmap.advice import advise

    root = Path(__file__).resolve().parent.parent
    settings = Settings(cases=1000)
    process = procesmap.load(root / "processes" / "wmo-melding.yaml")
    analysis = procesmap.analyse(process, settings)
    analysis.advice = advise(process, settings, analysis=analysis)
    helping = [item for item in analysis.advice.interventions if item.helps][:3]
    assert helping
    section = summary_section(analysis, Labels(analysis, "en"))
    advice = next(b for b in section.blocks if getattr(b, "key", "") == "summary-advice")
    lines = advice.blocks[0].items
    assert len(lines) == len(helping)
    for line, item in zip(lines, helping):
        assert line.startswith(item.candidate.description("en"))
        assert line.endswith(
            f"{procesmap.i18n.percent(item.before.share_over_term, 'en', 1)} → "
            f"{procesmap.i18n.percent(item.after.share_over_term, 'en', 1)}"
        )
    # and the advice table is printed once in the terminal report
    text = procesmap.report(analysis, "terminal", "en")
    assert text.count("What helps most: ") == 1
