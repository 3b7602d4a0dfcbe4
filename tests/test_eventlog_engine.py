"""The engine under `log stats`: the direct Parquet reader against the general reader, case codes, variant order,
parallel work in `log discover`, and Dutch numbers in the PM6xx messages."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import procesmap
from procesmap.eventlog import LogMapping, compare, discover, log_stats, read_log
from procesmap.eventlog import _parquet, _read
from procesmap.eventlog._engine import WHITESPACE, arrow_store, connect
from procesmap.eventlog._read import EventLog

from .conftest import SHARED, need_shared

LOGS = SHARED / "data" / "event-logs"


def general(path: Path, mapping: LogMapping | None = None) -> EventLog:
    """The same Parquet file through the general reader (the whole Arrow table first), as before the direct path."""
    mapping = mapping or LogMapping()
    table, chosen, quality = _read._standardise(_read._read_parquet(path), path, "parquet", mapping)
    return EventLog(str(path), "parquet", chosen, quality, arrow_store(table), table.num_rows, table=table)


def as_parquet(name: str, folder: Path) -> Path:
    """A real log written as Parquet with its usual column names and a typed timestamp."""
    table = read_log(LOGS / name).table
    path = folder / (name.split(".")[0] + ".parquet")
    pq.write_table(
        pa.table(
            {
                "case:concept:name": table["case"],
                "concept:name": table["activity"],
                "time:timestamp": table["timestamp"],
                "org:resource": table["resource"],
                "org:group": table["role"],
                "lifecycle:transition": table["lifecycle"],
            }
        ),
        path,
    )
    return path


def messy(folder: Path) -> Path:
    """Untrimmed and empty texts, cases without id, a missing timestamp, naive timestamps, mixed-case lifecycle."""
    n = 60
    rng = random.Random(3)
    cases = [(" " if i % 3 == 0 else "") + f"zaak-{i % 9}" + ("\u00a0" if i % 4 == 0 else "") for i in range(n)]
    cases[5], cases[17] = None, "  "
    activities = ["Aanvraag", " Aanvraag", "Advies\u3000", "", None, "Besluit", "besluit", "Ä-stap\t"]
    resources = ["Jörg", " Zoë", None, "", "piet", "piet ", "Zoë"]
    lifecycle = ["Complete", "START", None, "complete", "schedule", "start", "COMPLETE"]
    start = dt.datetime(2024, 3, 1, 8)
    stamps = [start + dt.timedelta(hours=rng.randrange(0, 400)) for _ in range(n)]
    stamps[11] = None
    path = folder / "messy.parquet"
    pq.write_table(
        pa.table(
            {
                "case:concept:name": cases,
                "concept:name": [rng.choice(activities) for _ in range(n)],
                "time:timestamp": pa.array(stamps, pa.timestamp("ms")),
                "org:resource": [rng.choice(resources) for _ in range(n)],
                "lifecycle:transition": [rng.choice(lifecycle) for _ in range(n)],
                "extra": list(range(n)),
            }
        ),
        path,
    )
    return path


REAL = [
    "running-example.xes",
    "receipt.xes",
    "repairExample.xes.gz",
    "BPIC15_1.xes.gz",
    "CoSeLoG_WABO_1.xes.gz",
    "roadtraffic100traces.xes",
]


@pytest.mark.parametrize("name", REAL)
def test_direct_parquet_reader_gives_the_same_figures(name: str, tmp_path: Path) -> None:
    need_shared(LOGS)
    path = as_parquet(name, tmp_path)
    direct = read_log(path)
    assert direct._table is None  # the direct path did not build the Arrow table
    assert log_stats(direct, top_variants=1000).to_dict() == log_stats(general(path), top_variants=1000).to_dict()


def test_direct_parquet_reader_on_messy_data(tmp_path: Path) -> None:
    path = messy(tmp_path)
    direct, slow = read_log(path), general(path)
    assert direct.quality == slow.quality
    assert direct.quality["without_case"] == 2 and direct.quality["naive_timestamps"] == 59
    assert log_stats(direct).to_dict() == log_stats(slow).to_dict()
    assert direct.table.equals(slow.table)  # built on first use, the same as the general reader's
    roles = LogMapping(roles={"Jörg": "kcc", "Zoë": "backoffice", "piet": "backoffice"})
    assert log_stats(read_log(path, roles)).to_dict() == log_stats(general(path, roles)).to_dict()
    assert log_stats(read_log(path, roles)).to_dict()["counts"]["roles"] == 2


@pytest.mark.parametrize("unit", ["s", "ms", "us", "ns"])
@pytest.mark.parametrize("zone", [None, "UTC", "Europe/Amsterdam"])
def test_direct_parquet_reader_timestamp_units_zones_and_integer_cases(
    unit: str, zone: str | None, tmp_path: Path
) -> None:
    stamps = [dt.datetime(2024, 3, 30, 23) + dt.timedelta(hours=7 * i, seconds=i) for i in range(12)]  # across DST
    column = pa.array(stamps, pa.timestamp(unit))
    path = tmp_path / "typed.parquet"
    pq.write_table(
        pa.table(
            {
                "case_id": pa.array([i % 3 for i in range(12)], pa.int64()),
                "activity": ["a", "b", "c", "d"] * 3,
                "timestamp": column.cast(pa.timestamp(unit, tz=zone)) if zone else column,
            }
        ),
        path,
    )
    direct, slow = read_log(path), general(path)
    assert direct._table is None and direct.quality == slow.quality
    assert direct.quality["naive_timestamps"] == (12 if zone is None else 0)
    assert log_stats(direct).to_dict() == log_stats(slow).to_dict()


def test_parquet_with_text_timestamps_takes_the_general_reader(tmp_path: Path) -> None:
    path = tmp_path / "text.parquet"
    pq.write_table(
        pa.table(
            {
                "case": ["1", "1", "2"],
                "activity": ["a", "b", "a"],
                "timestamp": ["2024-01-01T10:00:00+01:00", "2024-01-02", "geen datum"],
            }
        ),
        path,
    )
    log = read_log(path)
    assert log._table is not None  # read whole, as before
    assert (log.quality["bad_timestamp"], log.quality["utc_offsets"]) == (1, ["+01:00"])
    assert log_stats(log).to_dict()["counts"]["instances"] == 2


def test_whitespace_is_the_same_set_as_pyarrows() -> None:
    import pyarrow.compute as pc

    everything = [chr(c) for c in range(1, 0x3100) if not 0xD800 <= c <= 0xDFFF]
    trimmed = pc.utf8_trim_whitespace(pa.array(everything)).to_pylist()
    assert "".join(ch for ch, out in zip(everything, trimmed) if out == "") == WHITESPACE


def test_colliding_case_codes_fall_back_to_dense_codes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = messy(tmp_path)
    expected = log_stats(general(path)).to_dict()
    monkeypatch.setattr(_parquet, "CASE_CODE", "hash(s.cc) % 2")  # every case id collides with half the others
    log = read_log(path)
    assert log.store.db.execute("SELECT count(DISTINCT c) FROM base").fetchall()[0][0] == log.store.cases == 9
    assert log_stats(log).to_dict() == expected


def test_variants_ordered_by_their_names_even_with_control_characters(tmp_path: Path) -> None:
    """Ties between variants go by the names joined with U+001F; a name with a tab sorts before that separator."""
    sequences = [["a", "b"], ["a\tb"], ["a", "c"], ["a\tb", "a"], ["b"], ["a"]]
    rows = []
    for case, sequence in enumerate(sequences * 2):
        for k, activity in enumerate(sequence):
            rows.append(f"z{case};{activity};2024-01-0{k + 1}T10:00:00Z")
    path = tmp_path / "tabs.csv"
    path.write_text("case;activity;timestamp\n" + "\n".join(rows) + "\n", encoding="utf-8")
    got = [v["activities"] for v in log_stats(read_log(path)).to_dict()["variants"]]
    assert got == sorted(sequences, key=lambda s: "\x1f".join(s))
    assert got[0] == ["a"] and got[1] == ["a\tb"]  # "a" + tab sorts before "a" + separator + "b"


def test_connect_gives_names_or_codes(tmp_path: Path) -> None:
    path = messy(tmp_path)
    log = read_log(path)
    named = connect(log)
    coded = connect(log, coded=True)
    try:
        names = named.execute("SELECT a, na, r FROM inst ORDER BY c, i").fetchall()
        codes = coded.execute("SELECT a, na, r FROM inst ORDER BY c, i").fetchall()
    finally:
        named.close()
        coded.close()
    lookup = {"a": log.store.names["a"], "r": log.store.names["r"]}
    decoded = [tuple(None if x is None else lookup[k][x - 1] for k, x in zip("aar", row)) for row in codes]
    assert names == decoded and any(isinstance(a, str) for a, _, _ in names)


# -- parallel work in `log discover` -------------------------------------------------------------------


def parallel_log(folder: Path, advices: list[str], cases: int = 60, seed: int = 1) -> Path:
    """Aanvraag, then the advices in every order (each starts a day after the previous step), then Besluit."""
    rng = random.Random(seed)
    lines = ["case:concept:name,concept:name,time:timestamp,org:resource,org:group"]
    for case in range(cases):
        when = dt.datetime(2024, 1, 1, 9) + dt.timedelta(days=case)
        lines.append(f"z{case},Aanvraag,{when.isoformat()}Z,kees,kcc")
        order = advices[:]
        rng.shuffle(order)
        if case < 2 * len(advices):  # every advice comes first in some cases, whatever the shuffle does
            order = order[case % len(order) :] + order[: case % len(order)]
        for advice in order:
            when += dt.timedelta(days=1)
            lines.append(f"z{case},{advice},{when.isoformat()}Z,anna,advies")
        when += dt.timedelta(days=2)
        lines.append(f"z{case},Besluit,{when.isoformat()}Z,kees,kcc")
    path = folder / "parallel.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def steps_of(text: str) -> dict[str, object]:
    process = procesmap.loads(text, "draft.yaml")
    return {s.id: s for s in process.steps}


def test_discover_finds_two_activities_in_parallel(tmp_path: Path) -> None:
    log = read_log(parallel_log(tmp_path, ["Advies milieu", "Advies brandweer"]))
    text = discover(log, coverage=1.0, lang="nl")
    steps = steps_of(text)
    split = [s for s in steps.values() if s.type == "parallel"]
    join = [s for s in steps.values() if s.type == "join"]
    assert len(split) == 1 and len(join) == 1
    split, join = split[0], join[0]
    assert sorted(b.to for b in split.next) == ["advies-brandweer", "advies-milieu"]
    assert all(b.p is None for b in split.next)
    for branch in ("advies-brandweer", "advies-milieu"):
        assert [b.to for b in steps[branch].next] == [join.id]
        assert steps[branch].wait is not None
    assert [b.to for b in join.next] == ["besluit"]
    assert [b.to for b in steps["aanvraag"].next] == [split.id] and steps["aanvraag"].type == "start"
    assert "type: parallel" in text and "type: join" in text and "Tegelijk: Advies brandweer, Advies milieu" in text
    process = procesmap.loads(text, "draft.yaml")
    analysis = procesmap.analyse(process, cases=500)
    assert analysis.visits is not None
    assert not [f for f in analysis.findings if f.code in ("PM401", "PM402", "PM403", "PM404", "PM405")]
    assert analysis.visits["advies-milieu"] == pytest.approx(1.0) and analysis.visits[join.id] == pytest.approx(1.0)
    back = compare(process, log).to_dict()
    assert back["fitness"]["cases"] == 1.0 and back["transitions_not_on_map"] == []


def test_parallel_waits_run_from_the_start_of_the_block(tmp_path: Path) -> None:
    """Each advice starts 1 or 2 days after Aanvraag (by its place in the order): its wait is from Aanvraag."""
    log = read_log(parallel_log(tmp_path, ["Advies milieu", "Advies brandweer"]))
    text = discover(log, coverage=1.0, lang="en")
    steps = steps_of(text)
    from procesmap.durations import mean_elapsed_days

    for branch in ("advies-brandweer", "advies-milieu"):
        assert 1.0 <= mean_elapsed_days(steps[branch].wait) <= 2.0  # the median of 1 and 2 days
    assert mean_elapsed_days(steps["besluit"].wait) == pytest.approx(2.0)  # from the last advice


def test_discover_finds_three_advices_in_any_order(tmp_path: Path) -> None:
    advices = ["Advies milieu", "Advies brandweer", "Advies welstand"]
    log = read_log(parallel_log(tmp_path, advices, cases=90))
    text = discover(log, coverage=1.0, lang="en")
    steps = steps_of(text)
    split = [s for s in steps.values() if s.type == "parallel"]
    assert len(split) == 1 and sorted(b.to for b in split[0].next) == [
        "advies-brandweer",
        "advies-milieu",
        "advies-welstand",
    ]
    assert "In parallel: Advies brandweer, Advies milieu, Advies welstand" in text
    analysis = procesmap.analyse(procesmap.loads(text, "draft.yaml"), cases=500)
    assert not [f for f in analysis.findings if f.code in ("PM401", "PM403", "PM404", "PM405")]


def test_rework_back_and_forth_is_not_parallel(tmp_path: Path) -> None:
    lines = ["case,activity,timestamp"]
    for case in range(30):
        sequence = (
            ["Registreren", "Volledigheid toetsen"] + ["Aanvullen", "Volledigheid toetsen"] * (case % 3) + ["Besluit"]
        )
        for k, activity in enumerate(sequence):
            lines.append(f"z{case},{activity},2024-02-{k + 1:02d}T10:00:00Z")
    path = tmp_path / "rework.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = discover(read_log(path), coverage=1.0, lang="nl")
    assert "type: parallel" not in text and "type: join" not in text
    steps = steps_of(text)
    assert "aanvullen" in {b.to for b in steps["volledigheid-toetsen"].next}


# -- whole numbers in the PM6xx messages ------------------------------------------------------------------


def test_whole_numbers_in_pm6xx_messages_are_written_per_language() -> None:
    from procesmap.i18n import t

    args = {"share": 52.6, "fitting": 12345, "cases": 23456, "limit": 80.0}
    assert "(12.345 van 23.456)" in t("PM601.message", "nl", **args)
    assert "(12,345 of 23,456)" in t("PM601.message", "en", **args)
    assert t("PM602.message", "nl", cases=1500, share=7.5, step="a", target="b").startswith("1.500 zaken (7,5%)")
    assert t("PM604.message", "en", activity="x", cases=2000, share=5.0).endswith(
        "in 2,000 cases (5.0%) but no step of the map stands for it"
    )
    assert "{cases}" in t("PM604.message", "nl")  # the docs pages show the placeholders


def test_pm6xx_finding_counts_are_dutch_in_a_comparison(tmp_path: Path) -> None:
    lines = ["case,activity,timestamp"]
    for case in range(1500):
        lines += [f"z{case},Melding ontvangen,2024-01-01T09:00:00Z", f"z{case},Iets anders,2024-01-02T09:00:00Z"]
    path = tmp_path / "many.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    process = procesmap.loads(
        """procesmap: 1
id: melding
owner: behandelaar
roles:
  behandelaar: {people: 2}
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, next: klaar, log: [Melding ontvangen]}
  - {id: klaar, type: end, role: behandelaar, work: 1h, log: [Afgehandeld]}
""",
        "melding.yaml",
    )
    findings = {f.code: f for f in compare(process, read_log(path)).findings}
    assert "1.500 zaken" in findings["PM604"].message("nl") and "1,500 cases" in findings["PM604"].message("en")
    assert "(0 van 1.500)" in findings["PM601"].message("nl")
