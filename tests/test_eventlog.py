"""Event logs: readers, `log stats` figures cross-checked against plain pandas on the real logs, the CLI."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from procesmap.errors import UsageError
from procesmap.eventlog import LogMapping, log_stats, read_log

from .conftest import ROOT, SHARED, need_shared, run_procesmap

LOGS = SHARED / "data" / "event-logs"
SMALL = [
    "running-example.csv",
    "running-example.xes",
    "receipt.csv",
    "receipt.xes",
    "repairExample.xes.gz",
    "BPIC15_1.xes.gz",
    "CoSeLoG_WABO_1.xes.gz",
    "roadtraffic100traces.xes",
]


@pytest.fixture(autouse=True)
def _event_logs() -> None:
    """Every test here reads the shared event logs: skip (fail under PROCESMAP_STRICT=1) without them."""
    need_shared(LOGS)


_cache: dict[str, object] = {}


def load(name: str):  # type: ignore[no-untyped-def]
    if name not in _cache:
        _cache[name] = read_log(LOGS / name)
    return _cache[name]


def stats(name: str) -> dict:  # type: ignore[type-arg]
    key = "stats:" + name
    if key not in _cache:
        _cache[key] = log_stats(load(name)).to_dict()  # type: ignore[arg-type]
    return _cache[key]  # type: ignore[return-value]


# -- an independent implementation in plain pandas -------------------------------------------------


def pandas_instances(frame: pd.DataFrame) -> pd.DataFrame:
    """Activity instances the plain way: pair the k-th start with the k-th complete per case and activity."""
    df = frame[frame["activity"].notna() & frame["timestamp"].notna()].copy()
    life = df["lifecycle"].fillna("complete").str.lower()
    df["kind"] = life.map(
        lambda v: "s" if v in ("start", "begin", "started") else ("c" if v in ("complete", "completed", "end") else "o")
    )
    df = df[df["kind"] != "o"].sort_values(["timestamp", "pos"])
    df["k"] = df.groupby(["case", "activity", "kind"]).cumcount()
    comp = df[df["kind"] == "c"]
    start = df[df["kind"] == "s"][["case", "activity", "k", "timestamp", "resource", "pos"]].rename(
        columns={"timestamp": "start", "resource": "resource_s", "pos": "pos_s"}
    )
    merged = comp.merge(start, on=["case", "activity", "k"], how="outer")
    merged["resource"] = merged["resource"].fillna(merged["resource_s"])  # a start never completed keeps its own
    merged["pos"] = merged["pos"].fillna(merged["pos_s"])
    merged["end"] = merged["timestamp"].fillna(merged["start"])
    merged["begin"] = merged["start"].where(merged["start"].notna() & (merged["start"] <= merged["end"]), merged["end"])
    return merged.sort_values(["case", "end", "pos"]).reset_index(drop=True)


def pandas_figures(log) -> dict:  # type: ignore[no-untyped-def,type-arg]
    frame = log.table.select(["case", "activity", "timestamp", "resource", "role", "lifecycle", "pos"]).to_pandas()
    usable = frame[frame["activity"].notna() & frame["timestamp"].notna()]
    durations = usable.groupby("case")["timestamp"].agg(lambda s: (s.max() - s.min()).total_seconds() / 86400)
    inst = pandas_instances(frame)
    inst["next_activity"] = inst.groupby("case")["activity"].shift(-1)
    inst["next_begin"] = inst.groupby("case")["begin"].shift(-1)
    inst["next_resource"] = inst.groupby("case")["resource"].shift(-1)
    pairs = inst[inst["next_activity"].notna()].copy()
    pairs["wait"] = ((pairs["next_begin"] - pairs["end"]).dt.total_seconds() / 86400).clip(lower=0)
    dfg = pairs.groupby(["activity", "next_activity"])["wait"].agg(["count", "mean", "median"])
    known = pairs[pairs["resource"].notna() & pairs["next_resource"].notna()]
    handovers = known[known["resource"] != known["next_resource"]].groupby(["resource", "next_resource"]).size()
    self_count = int((known["resource"] == known["next_resource"]).sum())
    variants = inst.groupby("case")["activity"].agg(tuple).value_counts()
    return {
        "durations": durations,
        "dfg": dfg,
        "handovers": handovers,
        "self": self_count,
        "variants": variants,
        "cases": frame["case"].nunique(),
        "activities": frame["activity"].nunique(),
        "resources": frame["resource"].nunique(),
        "unknown": int(len(pairs) - len(known)),
    }


@pytest.mark.parametrize("name", SMALL)
def test_stats_match_plain_pandas(name: str) -> None:
    log = load(name)
    mine = stats(name)
    ref = pandas_figures(log)
    assert mine["counts"]["cases"] == ref["cases"]
    assert mine["counts"]["activities"] == ref["activities"]
    assert mine["counts"]["resources"] == ref["resources"]
    assert mine["counts"]["variants"] == len(ref["variants"])
    durations = ref["durations"]
    d = mine["case_duration"]
    assert d["mean"] == pytest.approx(durations.mean(), rel=1e-9, abs=1e-9)
    assert d["p50"] == pytest.approx(durations.quantile(0.5), rel=1e-9, abs=1e-9)
    assert d["p85"] == pytest.approx(durations.quantile(0.85), rel=1e-9, abs=1e-9)
    assert d["p95"] == pytest.approx(durations.quantile(0.95), rel=1e-9, abs=1e-9)
    assert d["max"] == pytest.approx(durations.max(), rel=1e-9, abs=1e-9)
    dfg = {(x["from"], x["to"]): x for x in mine["directly_follows"]}
    assert len(dfg) == len(ref["dfg"])
    for (a, b), row in ref["dfg"].iterrows():
        got = dfg[(a, b)]
        assert got["count"] == row["count"], (a, b)
        assert got["wait_mean"] == pytest.approx(row["mean"], rel=1e-9, abs=1e-9)
        assert got["wait_median"] == pytest.approx(row["median"], rel=1e-9, abs=1e-9)
    h = mine["handovers"]["resources"]
    assert {(p["from"], p["to"]): p["count"] for p in h["pairs"]} == {k: int(v) for k, v in ref["handovers"].items()}
    assert h["self_handovers"] == ref["self"]
    assert h["unknown"] == ref["unknown"]
    top = mine["variants"][0]
    assert top["cases"] == ref["variants"].iloc[0]


def test_readers_agree_xes_and_csv() -> None:
    for base in ("running-example", "receipt"):
        x, c = stats(base + ".xes"), stats(base + ".csv")
        for key in ("counts", "case_duration", "directly_follows", "variants", "handovers"):
            assert x[key] == c[key], (base, key)


def test_receipt_against_the_csv_module_counts() -> None:
    raw = pd.read_csv(LOGS / "receipt.csv", dtype=str)
    s = stats("receipt.csv")
    assert s["counts"]["events"] == len(raw) == 8577
    assert s["counts"]["cases"] == raw["case:concept:name"].nunique() == 1434
    assert s["counts"]["roles"] == raw["org:group"].nunique()
    assert s["handovers"]["roles"] is not None and s["handovers"]["roles"]["handovers"] > 0


def test_messy_logs_are_counted() -> None:
    coselog = stats("CoSeLoG_WABO_1.xes.gz")["quality"]
    assert coselog["without_activity"] == 1 and coselog["events"] == 38944
    assert stats("receipt.xes")["quality"]["utc_offsets"] == ["+01:00", "+02:00"]
    road = stats("roadtraffic100traces.xes")
    assert road["quality"]["without_resource"] == 290 and road["handovers"]["resources"]["unknown"] > 0
    running = stats("running-example.xes")["quality"]
    assert running["lifecycle"] == {"none": 42}
    repair = stats("repairExample.xes.gz")
    assert repair["quality"]["lifecycle"] == {"complete": 7733, "start": 4122}
    assert repair["quality"]["timed_instances"] + repair["quality"]["unclosed_starts"] == 4122
    assert repair["counts"]["instances"] == 7733 + repair["quality"]["unclosed_starts"]
    service = {a["activity"]: a for a in repair["activities"]}
    assert service["Analyze Defect"]["service_time_mean"] > 0


def test_non_ascii_names_and_mixed_offsets(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text(
        "zaak;activiteit;tijdstip;medewerker\n"
        "Z-1;Aanvraag ontvangen;2024-03-04T09:00:00+01:00;Jörg\n"
        "Z-1;Besluit – verzonden ‘snel’;2024-04-02T09:00:00+02:00;Zoë\n"
        "Z-2;Aanvraag ontvangen;2024-03-05 10:00:00Z;\n"
        "Z-2;;2024-03-06T10:00:00+01:00;Zoë\n"
        "Z-2;Besluit – verzonden ‘snel’;niet-een-datum;Zoë\n"
        "Z-2;Besluit – verzonden ‘snel’;2024-03-07T10:00:00;Zoë\n",
        encoding="utf-8",
    )
    log = read_log(path)
    q = log.quality
    assert (q["without_activity"], q["bad_timestamp"], q["naive_timestamps"], q["without_resource"]) == (1, 1, 1, 1)
    assert q["utc_offsets"] == ["+01:00", "+02:00", "Z"]
    s = log_stats(log).to_dict()
    assert s["case_duration"]["max"] == pytest.approx(
        29 - 1 / 24
    )  # 4 March 9:00+01:00 to 2 April 9:00+02:00: 29 days less an hour
    assert {a["activity"] for a in s["activities"]} == {"Aanvraag ontvangen", "Besluit – verzonden ‘snel’"}


def test_parquet_and_column_options(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "Zaak": ["1", "1", "2"],
            "Stap": ["a", "b", "a"],
            "Wanneer": pa.array(pd.to_datetime(["2024-01-01T00:00Z", "2024-01-03T00:00Z", "2024-01-02T00:00Z"])),
            "Wie": ["x", "y", "x"],
        }
    )
    pq.write_table(table, tmp_path / "log.parquet")
    log = read_log(
        tmp_path / "log.parquet", LogMapping(case="Zaak", activity="Stap", timestamp="Wanneer", resource="Wie")
    )
    s = log_stats(log).to_dict()
    assert s["counts"]["cases"] == 2 and s["case_duration"]["max"] == pytest.approx(2.0)
    with pytest.raises(UsageError) as err:
        read_log(tmp_path / "log.parquet")
    assert "--activity" in err.value.format("en")


def test_role_mapping(tmp_path: Path) -> None:
    roles = tmp_path / "roles.yaml"
    roles.write_text("Pete: kcc\nMike: kcc\nEllen: backoffice\nSara: backoffice\nSue: backoffice\nSean: backoffice\n")
    from procesmap.eventlog import read_roles

    log = read_log(LOGS / "running-example.xes", LogMapping(roles=read_roles(roles)))
    s = log_stats(log).to_dict()
    assert s["handovers"]["roles"]["handovers"] > 0
    assert {p["from"] for p in s["handovers"]["roles"]["pairs"]} <= {"kcc", "backoffice"}


@pytest.mark.parametrize(
    "content,name",
    [
        (b"<log><trace><event><string key='concept:name' value='a'/>", "broken.xes"),
        (b"not gzip at all", "broken.xes.gz"),
        (b"\x00\x01\x02", "broken.parquet"),
        (b"a,b\n1,2\n", "columns.csv"),
        (b"", "empty.csv"),
        (b"x", "log.docx"),
    ],
)
def test_bad_logs_give_clear_errors(tmp_path: Path, content: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UsageError) as err:
        read_log(path)
    text = err.value.format("nl")
    assert name in text and "tip" in text


run = run_procesmap


def test_cli_stats_formats(tmp_path: Path) -> None:
    log = str(LOGS / "running-example.xes")
    terminal = run("log", "stats", log, "--lang", "nl")
    assert terminal.returncode == 0, terminal.stderr
    assert "Doorlooptijd" in terminal.stdout and "11,19" in terminal.stdout
    data = json.loads(run("log", "stats", log, "--format", "json").stdout)
    assert data["format"] == 1 and data["report"] == "log-stats" and data["counts"]["cases"] == 6
    for key in ("log", "quality", "counts", "case_duration", "activities", "directly_follows", "handovers", "variants"):
        assert key in data
    assert run("log", "stats", log, "-o", str(tmp_path / "r.html")).returncode == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page
    assert run("log", "stats", log, "-o", str(tmp_path / "r.md"), "--lang", "en").returncode == 0
    assert "| check ticket | decide | 6 |" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_cli_bad_log_exit_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.xes.gz"
    bad.write_bytes(gzip.compress(b"<log><trace><event>"))
    for args in (
        ("log", "stats", str(bad)),
        ("log", "stats", str(tmp_path / "missing.csv")),
        ("log", "discover", str(LOGS / "running-example.xes"), "--coverage", "2"),
        ("log", "compare", "processes/wmo-melding.yaml", str(bad)),
    ):
        result = run(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr and result.stderr.strip()


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys, procesmap.cli; "
        "print(sorted(m for m in ('pyarrow', 'duckdb', 'lxml', 'numpy', 'pandas', 'polars') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout.strip() == "[]", result.stdout


def test_cli_log_reports_follow_the_configured_language(tmp_path: Path) -> None:
    """A Dutch team's procesmap.toml makes its log reports Dutch too; --lang and PROCESMAP_LANG still win."""
    (tmp_path / ".git").mkdir()  # the configuration search stops at the repository root
    (tmp_path / "procesmap.toml").write_text('language = "nl"\n', encoding="utf-8")
    log = tmp_path / "log.csv"
    log.write_bytes((LOGS / "running-example.csv").read_bytes())
    assert run("log", "stats", str(log)).stdout.startswith("Eventlog")
    assert run("log", "stats", str(log), "--lang", "en").stdout.startswith("Event log")
    env_run = subprocess.run(
        [sys.executable, "-m", "procesmap", "log", "stats", str(log)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PROCESMAP_LANG": "en", "COLUMNS": "120"},
        timeout=120,
    )
    assert env_run.stdout.startswith("Event log")
    draft = run("log", "discover", str(log))
    assert draft.returncode == 0 and draft.stdout.startswith("# Conceptkaart") and "language: nl" in draft.stdout


def test_cli_compare_shows_the_figures_of_analyse() -> None:
    """`log compare` on a bundled map gives the map's figures of `procesmap analyse --format json` (4 decimals there)."""
    compared = run(
        "log", "compare", "processes/omgevingsvergunning.yaml", str(LOGS / "running-example.csv"), "--format", "json"
    )
    analysed = run("analyse", "processes/omgevingsvergunning.yaml", "--format", "json")
    assert compared.stdout and analysed.stdout, compared.stderr + analysed.stderr
    data, time = json.loads(compared.stdout), json.loads(analysed.stdout)["time"]
    assert round(data["term"]["modelled_share_over_extended_term"], 4) == time["share_over_extended_term"]
    assert {k: round(v, 4) for k, v in data["term"]["modelled_term_time"].items()} == time["term_time"]
    assert round(data["term"]["modelled_share_over_term"], 4) == time["share_over_term"]
    assert {k: round(v, 4) for k, v in data["cycle_time"]["modelled"].items()} == time["cycle_time"]
    from procesmap.i18n import number, percent

    for lang, word in (("nl", "verdaging"), ("en", "extension")):
        words = (percent(time["share_over_extended_term"], lang, 1), number(time["term_time"]["mean"], lang, 2), word)
        report = run(
            "log",
            "compare",
            "processes/omgevingsvergunning.yaml",
            str(LOGS / "running-example.csv"),
            "--format",
            "markdown",
            "--lang",
            lang,
        ).stdout
        assert all(word in report for word in words), (lang, report)
        assert "verlenging" not in report
