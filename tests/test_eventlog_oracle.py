"""Figures that share pm4py's definitions must equal those definitions computed plainly from the log.

The oracle is ``tests/_eventlog_oracle.py``: the shared log read with the standard library (ElementTree,
csv) and each figure computed per case in plain Python, independent of procesmap's readers and its DuckDB
engine. That the oracle gives pm4py's own figures on every log here is checked outside the test suite by
``python benchmarks/check_pm4py_references.py``, which runs pm4py in a throwaway venv (pm4py is AGPL: never a
dependency) and compares its output with the oracle's. No figure derived from the third-party logs is
stored in the repository: every reference is computed from ../shared/data when the test runs.
"""

from __future__ import annotations

import pytest

from procesmap.eventlog import log_stats, read_log

from ._eventlog_oracle import ORACLE_LOGS as NAMES
from ._eventlog_oracle import reference
from .conftest import SHARED, need_shared

LOGS = SHARED / "data" / "event-logs"


@pytest.fixture(autouse=True)
def _event_logs() -> None:
    """Every test here reads the shared event logs: skip (fail under PROCESMAP_STRICT=1) without them."""
    need_shared(LOGS)


@pytest.mark.parametrize("name", NAMES)
def test_matches_the_definitions(name: str) -> None:
    ref = reference(LOGS / name)
    assert ref["cases"] > 0 and ref["directly_follows"], "the oracle read the log"
    log = read_log(LOGS / name)
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
