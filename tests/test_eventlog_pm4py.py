"""Figures that share pm4py's definitions must equal pm4py's exactly.

The reference files ``tests/golden/eventlog/pm4py-*.json`` were written by
``tests/golden/eventlog/pm4py_reference.py`` run in a throwaway venv (pm4py is AGPL and never
a dependency). That the stored files are really pm4py's output is checked outside the test suite,
by ``python benchmarks/check_pm4py_references.py``, which builds that throwaway venv and writes
every reference again (pm4py is a reference implementation: it belongs in benchmarks/, not in a
test run that must not depend on a network install).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from procesmap.eventlog import log_stats, read_log

from .conftest import GOLDEN, SHARED, need_shared

LOGS = SHARED / "data" / "event-logs"
REFS = sorted((GOLDEN / "eventlog").glob("pm4py-*.json"))


@pytest.fixture(autouse=True)
def _event_logs() -> None:
    """Every test here reads the shared event logs: skip (fail under PROCESMAP_STRICT=1) without them."""
    need_shared(LOGS)


@pytest.mark.parametrize("ref_path", REFS, ids=[p.stem for p in REFS])
def test_matches_pm4py(ref_path: Path) -> None:
    ref = json.loads(ref_path.read_text(encoding="utf-8"))
    log = read_log(LOGS / ref["log"])
    mine = log_stats(log).to_dict()
    assert mine["counts"]["cases"] == ref["cases"]
    # case durations: pm4py.get_all_case_durations, in seconds
    import duckdb  # noqa: F401  (the figures below come from the same connection as the report)
    from procesmap.eventlog._engine import connect

    con = connect(log)
    durations = sorted(x for (x,) in con.execute("SELECT (max(t) - min(t)) / 1e6 FROM ev GROUP BY c").fetchall())
    # pm4py's directly-follows of a start/complete log is taken on its complete events: leave out starts never completed
    closed = con.execute("""SELECT a, na, count(*) FROM (SELECT a, lead(a) OVER (PARTITION BY c ORDER BY te, pos) AS na
                            FROM inst WHERE NOT unclosed) WHERE na IS NOT NULL GROUP BY a, na""").fetchall()
    con.close()
    assert durations == pytest.approx(ref["case_durations_seconds"], abs=1e-3)
    if mine["quality"]["unclosed_starts"]:
        assert sorted([a, b, n] for a, b, n in closed) == ref["directly_follows"]
    else:
        assert sorted([d["from"], d["to"], d["count"]] for d in mine["directly_follows"]) == ref["directly_follows"]
    if "handover_of_work" in ref:
        h = mine["handovers"]["resources"]
        counts = {(p["from"], p["to"]): p["count"] for p in h["pairs"]}
        counts.update({(p["resource"], p["resource"]): p["count"] for p in h["self"]})
        assert sorted([a, b, n] for (a, b), n in counts.items()) == ref["handover_of_work"]
        assert h["handovers"] + h["self_handovers"] == ref["handover_pairs_total"]
