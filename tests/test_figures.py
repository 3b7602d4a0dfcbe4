"""The figures of docs/format.md, checked by hand on small maps (every value worked out in the comments)."""

from __future__ import annotations

import math

import pytest

import procesmap
from procesmap.analysis import Settings
from procesmap.graph import build_graph

from .conftest import format_example


@pytest.fixture(scope="module")
def example() -> procesmap.Analysis:
    # FORMAT.md's figures: every step keeps its declared wait (no queues from capacity; see test_queueing.py)
    return procesmap.analyse(procesmap.loads(format_example(), "omgevingsvergunning.yaml"), Settings(queueing=False))


def test_visits_of_the_format_example(example: procesmap.Analysis) -> None:
    # volledigheid is entered once, and again after each aanvullen (p 0.3): v = 1 + 0.3 v -> v = 1/0.7
    visits = example.visits
    assert visits is not None
    assert visits["ontvangst"] == pytest.approx(1.0)
    assert visits["volledigheid"] == pytest.approx(1 / 0.7)
    assert visits["aanvullen"] == pytest.approx(0.3 / 0.7)
    assert visits["advies"] == pytest.approx(1.0)
    assert visits["besluit"] == pytest.approx(1.0)


def test_handovers_of_the_format_example(example: procesmap.Analysis) -> None:
    h = example.handovers
    # ontvangst->volledigheid (kcc->vth), volledigheid<->aanvullen (external), volledigheid->advies (gemeente->odr,
    # via mail), advies->besluit (odr->gemeente)
    assert h.transitions == {"role": 5, "team": 3, "organisation": 2, "external": 2, "manual": 1}
    v = 1 / 0.7
    assert h.expected_per_case["role"] == pytest.approx(1 + 0.3 * v + 0.7 * v + 0.3 * v + 1)
    assert h.expected_per_case["team"] == pytest.approx(1 + 0.7 * v + 1)
    assert h.expected_per_case["organisation"] == pytest.approx(2.0)
    assert h.expected_per_case["external"] == pytest.approx(2 * 0.3 * v)
    assert h.expected_per_case["manual"] == pytest.approx(1.0)
    levels = {(x.source, x.target): x.levels for x in h.handovers}
    assert levels[("volledigheid", "advies")] == ("role", "team", "organisation", "manual")


def test_time_of_the_format_example(example: procesmap.Analysis) -> None:
    v = 1 / 0.7
    # ontvangst: lead = 15m work = 0.25 h; volledigheid: wait 3d + lead 1d; aanvullen: wait mean (2+5+14)/3 = 7d
    # advies: wait 5d + lead = mean work (2+4+12)/3 = 6 h; besluit: 30m
    cycle = 0.25 / 24 + v * 4 + (0.3 * v) * 7 + 5 + 6 / 24 + 0.5 / 24
    term = cycle - (0.3 * v) * 7  # aanvullen suspends the term
    t = example.time
    assert t.means_exact
    assert t.cycle_time["mean"] == pytest.approx(cycle)
    assert t.term_time["mean"] == pytest.approx(term)
    assert t.term == 56.0 and t.term_extension == 42.0 and t.service_norm == 42.0
    lead = 0.25 / 24 + v * 1 + 6 / 24 + 0.5 / 24
    assert t.flow_efficiency == pytest.approx(lead / cycle)
    # work per case: internal roles only (aanvrager is external and has no work)
    assert t.work_per_case_hours == pytest.approx(0.25 + v * 0.5 + 6 + 0.5)
    arrivals = 1200 / 365
    assert t.wip_total == pytest.approx(arrivals * cycle)
    assert t.wip is not None and t.wip["advies"] == pytest.approx(arrivals * (5 + 0.25))
    waits = {w.step: w for w in t.waits}
    assert waits["advies"].per_case == pytest.approx(5.0)
    assert waits["advies"].share_of_cycle_time == pytest.approx(5.0 / cycle)
    assert [w.step for w in t.waits] == ["advies", "volledigheid", "aanvullen"]
    # percentiles come from the simulation: ordered and near the exact mean
    assert t.cycle_time["p50"] <= t.cycle_time["p85"] <= t.cycle_time["p95"]
    assert t.share_over_term == 0.0


def test_capacity_of_the_format_example(example: procesmap.Analysis) -> None:
    roles = example.capacity.roles
    # adviseur-odr: 1200 cases x 6 h = 7200 h against 1 x 8 x 5 x 46 = 1840 h
    assert roles["adviseur-odr"].demand_hours == pytest.approx(7200)
    assert roles["adviseur-odr"].capacity_hours == pytest.approx(1840)
    assert roles["adviseur-odr"].utilisation == pytest.approx(7200 / 1840)
    # kcc-medewerker: fte 4.8 counts, not people 6
    assert roles["kcc-medewerker"].capacity_hours == pytest.approx(4.8 * 1840)
    assert roles["vergunningverlener"].demand_hours == pytest.approx(1200 * (1 / 0.7) * 0.5)
    assert "aanvrager" not in roles
    assert example.capacity.bottleneck == "adviseur-odr"
    assert any("aanvrager" in m.text() for m in example.missing)


def test_ownership_of_the_format_example(example: procesmap.Analysis) -> None:
    o = example.ownership
    assert o.single_points_of_failure == ["teamleider-vth"]  # adviseur-odr has a backup
    assert o.raci["ontvangst"].R == "kcc-medewerker" and o.raci["ontvangst"].I == ("aanvrager",)
    assert o.raci["advies"].A == "teamleider-vth" and o.raci["advies"].A_defaulted


MAP = """\
procesmap: 1
id: p
owner: a
volume: {volume}
calendar: {{hours_per_day: 8, days_per_week: 4, weeks_per_year: 40}}
term: 10d
roles:
  a: {{people: 2}}
  b: {{people: 1, fte: 0.5, backup: a}}
steps:
  - {{id: s, type: start, role: a, work: 1d, next: split}}
  - {{id: split, type: parallel, next: [x, y]}}
  - {{id: x, role: a, wait: 2d, lead: 1d, next: j}}
  - {{id: y, role: b, wait: 5d, work: 2h, next: j}}
  - {{id: j, type: join, next: e}}
  - {{id: e, type: end, role: a, work: 0.5d}}
"""


def test_parallel_join_visits_and_time() -> None:
    analysis = procesmap.analyse(procesmap.loads(MAP.format(volume="10/week"), "p.yaml"), Settings(cases=2000))
    assert analysis.visits == {"s": 1.0, "split": 1.0, "x": 1.0, "y": 1.0, "j": 1.0, "e": 1.0}
    t = analysis.time
    assert not t.means_exact
    # s lead = 1 effort day = 8 h elapsed; branch x = 3 d, branch y = 5 d + 2 h; e = 4 h
    expected = 8 / 24 + max(3.0, 5 + 2 / 24) + 4 / 24
    assert t.cycle_time["mean"] == pytest.approx(expected)
    assert t.cycle_time["p50"] == pytest.approx(expected) and t.cycle_time["p95"] == pytest.approx(expected)
    assert t.share_over_term == 0.0


def test_volume_units_and_calendar() -> None:
    per_year = {"10/week": 520.0, "50/month": 600.0, "2/day": 2 * 4 * 52.0, "700/year": 700.0}
    for text, yearly in per_year.items():
        analysis = procesmap.analyse(procesmap.loads(MAP.format(volume=text), "p.yaml"), Settings(cases=10))
        assert analysis.volume_per_year == pytest.approx(yearly)
        b = analysis.capacity.roles["b"]
        assert b.capacity_hours == pytest.approx(0.5 * 8 * 4 * 40)
        assert b.demand_hours == pytest.approx(yearly * 2)
        # work 1d = 8 effort hours with this calendar; e: 0.5d = 4 h
        assert analysis.capacity.roles["a"].demand_hours == pytest.approx(yearly * (8 + 4))


def test_simulation_is_seeded() -> None:
    process = procesmap.loads(format_example(), "o.yaml")
    one = procesmap.analyse(process, Settings(cases=3000, seed=7)).time
    two = procesmap.analyse(process, Settings(cases=3000, seed=7)).time
    other = procesmap.analyse(process, Settings(cases=3000, seed=8)).time
    assert one.cycle_time == two.cycle_time
    assert one.cycle_time["p85"] != other.cycle_time["p85"]


def test_simulated_mean_agrees_with_exact_mean() -> None:
    process = procesmap.loads(format_example(), "o.yaml")
    analysis = procesmap.analyse(process, Settings(cases=50_000, seed=1))
    assert float(analysis.time.cycle_samples.mean()) == pytest.approx(analysis.time.cycle_time["mean"], rel=0.02)


def test_branch_probabilities_that_do_not_add_up_give_null_figures() -> None:
    text = format_example().replace("p: 0.7", "p: 0.6")
    analysis = procesmap.analyse(procesmap.loads(text, "o.yaml"), Settings(cases=100))
    assert analysis.visits is None
    assert analysis.time.cycle_time["mean"] is None
    assert all(load.utilisation is None for load in analysis.capacity.roles.values())
    assert analysis.handovers.expected_per_case["role"] is None
    assert any("volledigheid" in m.text() for m in analysis.missing)
    data = analysis.to_dict("en")
    assert data["visits"] is None and data["time"]["cycle_time"]["mean"] is None
    assert [f["code"] for f in data["findings"]].count("PM403") == 1


def test_branches_without_p_share_what_is_left() -> None:
    text = format_example().replace("{to: aanvullen, p: 0.3, when: aanvraag onvolledig}", "{to: aanvullen, when: x}")
    text = text.replace("{to: advies, p: 0.7, when: volledig}", "{to: advies, when: y}")
    analysis = procesmap.analyse(procesmap.loads(text, "o.yaml"), Settings(cases=100))
    assert analysis.visits is not None and analysis.visits["volledigheid"] == pytest.approx(2.0)
    assert [f.code for f in analysis.findings].count("PM403") == 1


def test_endless_loop_is_found_and_figures_are_null() -> None:
    text = """\
procesmap: 1
id: lus
owner: a
roles: {a: {people: 2}}
steps:
  - {id: s, type: start, role: a, next: x}
  - {id: x, role: a, next: y}
  - {id: y, role: a, next: x}
  - {id: e, type: end, role: a}
"""
    analysis = procesmap.analyse(procesmap.loads(text, "l.yaml"), Settings(cases=100))
    assert analysis.visits is None
    codes = [f.code for f in analysis.findings]
    assert "PM404" in codes and "PM401" in codes
    assert build_graph(analysis.process).endless == [["x", "y"]]


def test_missing_term_and_volume_are_listed() -> None:
    text = format_example().replace("term: 8w", "").replace("volume: 1200/year", "")
    text = text.replace("term_extension: 6w", "")
    analysis = procesmap.analyse(procesmap.loads(text, "o.yaml"), Settings(cases=100))
    assert analysis.time.share_over_term is None and analysis.time.wip_total is None
    keys = [m.key for m in analysis.missing]
    assert "missing.term" in keys and "missing.volume" in keys and "missing.wip_volume" in keys
    assert all(load.utilisation is None for load in analysis.capacity.roles.values())
    assert not math.isnan(analysis.time.cycle_time["mean"] or 0.0)


def test_dense_and_sparse_visits_agree() -> None:
    import procesmap.graph as graph

    process = procesmap.loads(format_example(), "o.yaml")
    dense = build_graph(process).visits
    limit = graph.DENSE_LIMIT
    graph.DENSE_LIMIT = 0
    try:
        sparse = build_graph(process).visits
    finally:
        graph.DENSE_LIMIT = limit
    assert dense is not None and sparse is not None
    assert dense == pytest.approx(sparse)
