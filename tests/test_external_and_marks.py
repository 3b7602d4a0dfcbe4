"""External parties (PM206, handovers drawn over the wall), load marks only where PM303/PM304 fire, and
``return: expected`` for a return the law prescribes (PM104)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import procesmap
from procesmap.analysis import Settings
from procesmap.diagrams.layout import swimlane_layout

ROOT = Path(__file__).resolve().parent.parent


def _analyse(text: str, **settings: object) -> procesmap.Analysis:
    return procesmap.analyse(procesmap.loads(text, "map.yaml"), Settings(cases=500, seed=0, **settings))  # type: ignore[arg-type]


def _codes(analysis: procesmap.Analysis) -> list[tuple[str, str]]:
    return [(f.code, f.subject) for f in analysis.findings]


ADVICE = """\
procesmap: 1
id: vergunning
owner: behandelaar
volume: 460/year
organisations:
  gemeente: {name: Gemeente}
teams:
  vth: {organisation: gemeente}
roles:
  behandelaar: {team: vth, people: 3}
  adviseur-odr: ADVISEUR
steps:
  - {id: aanvraag, type: start, role: behandelaar, work: 1h, next: advies}
  - {id: advies, role: adviseur-odr, work: 4h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 1h}
"""


@pytest.mark.parametrize(
    "role, keys",
    [
        ("{external: true, people: 1, team: vth}", "`people`, `team`"),
        ("{external: true, fte: 0.5}", "`fte`"),
        ("{external: true, backup: behandelaar}", "`backup`"),
    ],
)
def test_an_external_role_with_capacity_keys_is_a_finding_on_the_role(role: str, keys: str) -> None:
    a = _analyse(ADVICE.replace("ADVISEUR", role))
    pm206 = [f for f in a.findings if f.code == "PM206"]
    assert [f.subject for f in pm206] == ["adviseur-odr"]
    assert pm206[0].severity.value == "warning"
    assert pm206[0].line == 11  # the role's line
    assert pm206[0].message("en") == (
        f"role adviseur-odr is external, so its {keys} are ignored: no utilisation, "
        "single point of failure or team and organisation handover is computed for it"
    )
    assert "organisation with a team" in pm206[0].hint("en")


def test_a_plain_external_role_and_an_organisation_are_no_finding() -> None:
    assert "PM206" not in [c for c, _ in _codes(_analyse(ADVICE.replace("ADVISEUR", "{external: true}")))]
    assert "PM206" not in [c for c, _ in _codes(_analyse(ADVICE.replace("ADVISEUR", "{people: 1}")))]


def test_handovers_with_an_external_party_are_marked_like_organisation_handovers() -> None:
    a = _analyse(ADVICE.replace("ADVISEUR", "{external: true}"))
    levels = {(h.source, h.target): h.levels for h in a.handovers.handovers}
    assert levels == {("aanvraag", "advies"): ("role", "external"), ("advies", "besluit"): ("role", "external")}
    layout = swimlane_layout(a)
    assert {(e.source, e.target): e.boundary for e in layout.edges} == {
        ("aanvraag", "advies"): "external",
        ("advies", "besluit"): "external",
    }
    html = procesmap.report(a, "json", lang="en")  # the tables: level external on both
    assert [h["levels"] for h in json.loads(html)["handovers"]["list"]] == [["role", "external"]] * 2
    from procesmap.render._document import build_document

    doc = build_document([a], "en")
    handovers = next(s for s in doc.processes[0].sections if s.key == "handovers")
    # by its key: the section may open with the organisations' picture first
    listed = next(b for b in handovers.blocks if getattr(b, "key", "") == "handovers-list")
    table = listed.blocks[0]  # type: ignore[union-attr]
    assert table.row_kinds == ["external", "external"]


def test_rework_through_an_external_party_is_drawn_as_a_loop() -> None:
    text = """\
procesmap: 1
id: vergunning
owner: behandelaar
roles:
  behandelaar: {people: 3}
  aanvrager: {external: true}
systems:
  mail: {kind: manual}
steps:
  - {id: aanvraag, type: start, role: behandelaar, next: toets}
  - id: toets
    type: decision
    role: behandelaar
    next:
      - {to: aanvullen, p: 0.3}
      - {to: besluit, p: 0.7}
  - {id: aanvullen, role: aanvrager, via: mail, wait: 2w, next: toets}
  - {id: besluit, type: end, role: behandelaar}
"""
    layout = swimlane_layout(_analyse(text))
    edges = {(e.source, e.target): e for e in layout.edges}
    back = edges[("aanvullen", "toets")]
    assert back.back and back.boundary == "external"
    assert edges[("toets", "aanvullen")].manual and edges[("toets", "aanvullen")].boundary == "external"
    from procesmap.diagrams.swimlane import render_swimlane

    svg = render_swimlane(_analyse(text), fmt="svg", lang="en").decode()
    start = svg.index('id="edge-aanvullen--toets"')
    path = svg[start : svg.index("</g>", start)]
    assert "#00838f" in path and "stroke-dasharray" in path


# one role doing 2 h per case: demand = volume x 2 h; capacity = fte x 8 x 5 x 46 = 1,840 h per fte
LOAD = """\
procesmap: 1
id: paspoort
owner: baliemedewerker
volume: VOLUME
roles:
  baliemedewerker: {people: 2, fte: 2.0}
  teamleider: {people: 2}
steps:
  - {id: aanvraag, type: start, role: baliemedewerker, work: 90m, next: uitgifte}
  - {id: uitgifte, type: end, role: teamleider, work: 30m}
"""


def test_no_mark_below_the_thresholds_only_the_highest_plain_figure() -> None:
    # baliemedewerker: 920 x 1.5 h = 1,380 h of 3,680 h = 37.5%; teamleider 920 x 0.5 = 460 of 3,680 = 12.5%
    a = _analyse(LOAD.replace("VOLUME", "920/year"))
    cap = a.capacity
    assert cap.roles["baliemedewerker"].utilisation == pytest.approx(1380 / 3680)
    assert cap.marks == {} and cap.bottleneck is None and cap.highest == "baliemedewerker"
    lanes = {lane.role: lane for lane in swimlane_layout(a).lanes}
    assert lanes["baliemedewerker"].load_mark == "highest" and lanes["teamleider"].load_mark is None
    assert lanes["baliemedewerker"].utilisation == pytest.approx(1380 / 3680)
    for lang in ("nl", "en"):
        for fmt in ("markdown", "terminal"):
            text = procesmap.report(a, fmt, lang=lang).lower()
            assert "bottleneck" not in text and "knelpunt (" not in text and "overbelast" not in text
    from procesmap.diagrams.swimlane import render_swimlane

    svg = render_swimlane(a, fmt="svg", lang="nl").decode()
    assert "hoogste bezetting: 38%" in svg and "knelpunt" not in svg
    assert 'id="badge-bottleneck-' not in svg
    data = json.loads(procesmap.report(a, "json", lang="en"))
    assert data["capacity"]["bottleneck"] is None and data["capacity"]["highest"] == "baliemedewerker"
    assert data["capacity"]["marks"] == {}


def test_pm303_and_pm304_each_give_their_own_mark() -> None:
    # 2,300 a year: baliemedewerker 3,450 h of 3,680 = 93.75% (PM303), teamleider 1,150 of 3,680
    a = _analyse(LOAD.replace("VOLUME", "2300/year"))
    assert a.capacity.roles["baliemedewerker"].utilisation == pytest.approx(3450 / 3680)
    assert a.capacity.marks == {"baliemedewerker": "bottleneck"} and a.capacity.bottleneck == "baliemedewerker"
    # 2,780 a year: 4,170 h of 3,680 = 113.3% (PM304)
    b = _analyse(LOAD.replace("VOLUME", "2780/year"))
    assert b.capacity.roles["baliemedewerker"].utilisation == pytest.approx(4170 / 3680)
    assert b.capacity.marks == {"baliemedewerker": "overloaded"}
    md = procesmap.report(b, "markdown", lang="nl")
    assert "| Baliemedewerker (overbelast) |" in md.replace("baliemedewerker", "Baliemedewerker")
    from procesmap.diagrams.swimlane import render_swimlane

    svg = render_swimlane(b, fmt="svg", lang="nl").decode()
    import re

    texts = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    assert "▲▲ overbelast: bezetting 113%" in texts and "knelpunt" not in svg
    svg = render_swimlane(a, fmt="svg", lang="nl").decode()
    assert "bottleneck: bezetting 94%" in " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))  # may wrap
    # the mark follows the configured threshold: PM303 from 30% marks 37.5%
    c = _analyse(LOAD.replace("VOLUME", "920/year"), options={"PM303": {"threshold": 0.3}})
    assert c.capacity.marks == {"baliemedewerker": "bottleneck"}
    # and with PM303 off, nothing is marked at 93.75%
    d = _analyse(LOAD.replace("VOLUME", "2300/year"), severities={"PM303": "off"})
    assert d.capacity.marks == {} and d.capacity.bottleneck is None


PINGPONG = """\
procesmap: 1
id: vraag
owner: kcc
roles:
  kcc: {people: 5}
  backoffice: {people: 3}
steps:
  - {id: vraag, type: start, role: kcc, work: 5m, next: uitzoeken}
  - id: uitzoeken
    type: decision
    role: backoffice
    work: 30m
    next:
      - RETURN
      - {to: antwoorden, p: 0.7}
  - {id: navragen, role: kcc, work: 10m, next: uitzoeken}
  - {id: antwoorden, type: end, role: backoffice, work: 10m}
"""


def test_a_return_the_law_prescribes_is_no_ping_pong() -> None:
    # the branch that brings the case back to the kcc is the return
    plain = "{to: navragen, p: 0.3, when: informatie ontbreekt}"
    assert ("PM104", "uitzoeken -> navragen") in _codes(_analyse(PINGPONG.replace("RETURN", plain)))
    expected = _analyse(PINGPONG.replace("RETURN", "{to: navragen, p: 0.3, return: expected}"))
    assert "PM104" not in [c for c, _ in _codes(expected)]
    with pytest.raises(procesmap.LoadError):
        _analyse(PINGPONG.replace("RETURN", "{to: navragen, p: 0.3, return: sometimes}"))


def test_the_bundled_zienswijze_is_an_expected_return() -> None:
    a = procesmap.analyse(procesmap.load(ROOT / "processes" / "omgevingsvergunning.yaml"), Settings(cases=200))
    subjects = [f.subject for f in a.findings if f.code == "PM104"]
    assert "zienswijze-aanvrager -> zienswijze-verwerken" not in subjects
    branch = a.process.step("zienswijze-aanvrager").next[0]
    assert branch.return_ == "expected"
