"""A seeded generator of event logs for the benchmarks: N cases, about 12 events each, written as Parquet.

    python benchmarks/gen_eventlog.py 100000 /tmp/log-100k.parquet [--seed 0]

The process: registration, a completeness check with rework (aanvullen, p 0.3 each time),
three advices in random order, a decision, and sending it; 40 resources in 5 groups,
exponential waits. Vectorised with numpy: no Python loop per event.
"""

from __future__ import annotations

import sys

ACTIVITIES = [
    "Registreren",
    "Volledigheid toetsen",
    "Aanvullen",
    "Advies milieu",
    "Advies welstand",
    "Advies brandveiligheid",
    "Inhoudelijk toetsen",
    "Besluit opstellen",
    "Besluit paraferen",
    "Besluit verzenden",
    "Archiveren",
]


def generate(cases: int, seed: int = 0):  # type: ignore[no-untyped-def]
    import numpy as np
    import pyarrow as pa

    rng = np.random.default_rng(seed)
    rework = np.minimum(rng.geometric(0.7, cases) - 1, 3)  # 0..3 extra rounds of Aanvullen + Volledigheid
    length = 10 + 2 * rework  # ~12 events per case on average with the below
    extra = rng.random(cases) < 0.6  # a second Inhoudelijk toetsen in 60% of cases
    length = length + extra
    total = int(length.sum())
    case_index = np.repeat(np.arange(cases), length)
    first = np.cumsum(length) - length
    step = np.arange(total) - np.repeat(first, length)
    reps = np.repeat(rework, length)
    # position -> activity: 0 Registreren, 1 Volledigheid, then (Aanvullen, Volledigheid) x rework, then the rest
    act = np.empty(total, dtype=np.int8)
    act[step == 0] = 0
    loop = (step >= 1) & (step <= 2 * reps + 1)
    act[loop] = np.where((step[loop] % 2) == 1, 1, 2)
    tail = step - (2 * reps + 2)
    advices = np.argsort(rng.random((cases, 3)), axis=1) + 3  # random order of the three advices
    has_extra = np.repeat(extra, length)
    rest = [None] * 0
    for k in range(3):
        sel = tail == k
        act[sel] = advices[case_index[sel], k]
    base = np.array([6, 7, 8, 9, 10])
    after = tail - 3
    sel = after >= 0
    shifted = np.where(has_extra[sel] & (after[sel] >= 1), after[sel] - 1, after[sel])
    act[sel] = base[np.minimum(shifted, 4)]
    act[sel & (has_extra & (after == 1))] = 6
    _ = rest
    start = np.datetime64("2023-01-01T08:00:00") + (rng.random(cases) * 365 * 86400).astype("timedelta64[s]")
    gaps = (rng.exponential(1.5, total) * 86400).astype("timedelta64[s]")
    gaps[step == 0] = np.timedelta64(0, "s")
    offsets = np.cumsum(gaps.astype(np.int64))
    offsets -= np.repeat(offsets[first], length)
    stamps = np.repeat(start, length) + offsets.astype("timedelta64[s]")
    resource = rng.integers(0, 40, total)
    names = np.array(ACTIVITIES)
    return pa.table(
        {
            "case:concept:name": pa.array(np.char.add("zaak-", case_index.astype(str))),
            "concept:name": pa.array(names[act]),
            "time:timestamp": pa.array(stamps.astype("datetime64[us]")).cast(pa.timestamp("us", tz="UTC")),
            "org:resource": pa.array(np.char.add("mdw-", resource.astype(str))),
            "org:group": pa.array(np.char.add("team-", (resource // 8).astype(str))),
        }
    )


if __name__ == "__main__":
    import pyarrow.parquet as pq

    n, out = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 0
    table = generate(n, seed)
    pq.write_table(table, out)
    print(f"{out}: {n} cases, {table.num_rows} events ({table.num_rows / n:.1f} per case)")
