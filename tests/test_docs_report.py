"""docs/format.md and the JSON report and file format agree.

- The JSON example of docs/format.md is the report of the map "in one look" on the same page: every key it shows
  is in a fresh report of that map, every key of a real report (that map and the bundled maps) is in the example,
  its exact figures are the fresh report's (the simulated ones within 10%), and a few are worked out here by hand
  from the definitions.
- Every top-level key of the report has its row in the page's key table.
- Every field the loader accepts (`procesmap schema`, the JSON Schema of format 1) and every value of a field with
  fixed values is named on the page.
- The key order of `procesmap fmt` in docs/versions.md is fmt's own (`procesmap.fmt.ORDERS`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

import pytest

import procesmap
from procesmap.fmt import ORDERS

from .conftest import PROCESSES, ROOT, format_example, run_procesmap

FORMAT = ROOT / "docs" / "format.md"
# per-id mappings: their keys are ids of the map, not names of the format
BY_ID = {"visits", "capacity.marks", "capacity.roles", "ownership.raci", "time.wip", "queueing.steps", "queueing.roles"}
# simulated figures: the example holds them as one run gave them; a later engine may differ a little
SIMULATED = ("time.cycle_time", "time.term_time", "time.flow_efficiency", "time.wip", "time.waits", "queueing")
# keys a report holds only in some runs, each defined in the key table: `data` of a finding whose list was cut,
# `advice` with --advise, and the entries of `suppressed`
OCCASIONAL = {"findings[].data", "advice", "suppressed[]"}


def _example(text: str) -> dict[str, Any]:
    block = re.search(r"^```json\n(\{\n  \"format\": 1,.*?)^```", text, re.MULTILINE | re.DOTALL)
    assert block, "docs/format.md has no JSON example of the report"
    data = json.loads(block.group(1))
    assert isinstance(data, dict)
    return data


def _keys(data: Any, path: str = "") -> Iterator[str]:
    """Key paths (`time.waits[].per_visit`); the ids of per-id mappings as `*`."""
    if isinstance(data, dict):
        for key, value in data.items():
            name = "*" if path in BY_ID else key
            inner = f"{path}.{name}" if path else name
            yield inner
            yield from _keys(value, inner)
    elif isinstance(data, list):
        for item in data:
            yield from _keys(item, f"{path}[]")


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """`procesmap analyse omgevingsvergunning.yaml --format json --lang en` on the map in one look."""
    folder = tmp_path_factory.mktemp("in-one-look")
    (folder / "omgevingsvergunning.yaml").write_text(format_example(), encoding="utf-8")
    result = run_procesmap("analyse", "omgevingsvergunning.yaml", "--format", "json", "--lang", "en", cwd=folder)
    assert result.returncode == 1, result.stderr  # its findings include an error (PM304), as the page says
    report = json.loads(result.stdout)
    assert isinstance(report, dict)
    return report


@pytest.fixture(scope="module")
def bundled() -> list[dict[str, Any]]:
    result = run_procesmap("analyse", str(PROCESSES), "--format", "json", "--lang", "en")
    assert result.returncode == 1, result.stderr
    reports = json.loads(result.stdout)
    assert isinstance(reports, list) and len(reports) == len(list(PROCESSES.glob("*.yaml")))
    return reports


def test_the_quick_start_exits_1_for_an_overloaded_role(bundled: list[dict[str, Any]]) -> None:
    """README: `procesmap analyse processes/` exits with code 1 (the fixture checks it) because the bundled maps
    hold error findings on purpose, an overloaded role."""
    errors = {f["code"] for report in bundled for f in report["findings"] if f["severity"] == "error"}
    assert errors == {"PM304"}
    assert "It exits with code 1" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_key_of_the_example_is_in_the_report(fresh: dict[str, Any]) -> None:
    example = set(_keys(_example(FORMAT.read_text(encoding="utf-8"))))
    assert example - set(_keys(fresh)) == set()


def test_every_key_of_a_report_is_in_the_example(fresh: dict[str, Any], bundled: list[dict[str, Any]]) -> None:
    example = set(_keys(_example(FORMAT.read_text(encoding="utf-8"))))
    real = set(_keys(fresh)) | {key for report in bundled for key in _keys(report)}
    extra = {key for key in real - example if not any(key.startswith(o) for o in OCCASIONAL)}
    assert extra == set(), "keys of the JSON report that docs/format.md's example does not show"


IDENTITY = ("step", "from", "to", "code", "subject")


def _differences(example: Any, fresh: Any, path: str = "") -> list[str]:
    """Where the example's values are not the report's: a mapping key by key; a list item against the report's
    item with the same identity (`step`, `from` and `to`, `code` and `subject`), since the example shows a few."""
    if isinstance(example, dict):
        if not isinstance(fresh, dict):
            return [f"{path}: a mapping in the example, {fresh!r} in the report"]
        differences = []
        for key, value in example.items():
            inner = f"{path}.{key}" if path else key
            if key not in fresh:
                differences.append(f"{inner}: in the example, not in the report")
            else:
                differences += _differences(value, fresh[key], inner)
        return differences
    if isinstance(example, list) and example and all(isinstance(item, dict) for item in example):
        differences = []
        for item in example:
            same = [
                other
                for other in fresh or []
                if isinstance(other, dict) and all(other.get(k) == item.get(k) for k in IDENTITY if k in item)
            ]
            if not same:
                differences.append(f"{path}[]: {item} in the example, in no entry of the report")
            else:
                differences += _differences(item, same[0], f"{path}[]")
        return differences
    if path == "missing" and isinstance(example, list) and isinstance(fresh, list):  # the example shows a few
        return [f"{path}: {item!r} in the example, not in the report" for item in example if item not in fresh]
    if example == "...":
        return []  # a text left out
    simulated = path.startswith(SIMULATED)
    if simulated and isinstance(example, float) and isinstance(fresh, (int, float)) and not isinstance(fresh, bool):
        if abs(fresh - example) > 0.1 * max(abs(example), 0.01):
            return [f"{path}: {example} in the example, {fresh} in the report (simulated, 10%)"]
        return []
    if example != fresh:
        return [f"{path}: {example!r} in the example, {fresh!r} in the report"]
    return []


def test_the_example_gives_the_figures_of_the_map_in_one_look(fresh: dict[str, Any]) -> None:
    assert _differences(_example(FORMAT.read_text(encoding="utf-8")), fresh) == []


def test_the_example_figures_by_hand() -> None:
    """The example's exact figures from the definitions of docs/format.md and the map in one look."""
    example = _example(FORMAT.read_text(encoding="utf-8"))
    again = 0.3 / 0.7  # volledigheid -> aanvullen (p 0.3) -> volledigheid: 1 / (1 - 0.3) visits in all
    assert example["visits"] == {"ontvangst": 1.0, "volledigheid": round(1 / 0.7, 4), "aanvullen": round(again, 4)}
    # the five transitions: ontvangst->volledigheid (kcc -> vth), volledigheid->aanvullen and back (external),
    # volledigheid->advies (gemeente -> odr, via mail: manual), advies->besluit (odr -> gemeente)
    assert example["handovers"]["transitions"] == {"role": 5, "team": 3, "organisation": 2, "external": 2, "manual": 1}
    per_case = example["handovers"]["expected_per_case"]
    assert per_case["role"] == pytest.approx(1 + again + 1 + again + 1, abs=1e-4)
    assert per_case["team"] == pytest.approx(3.0) and per_case["organisation"] == pytest.approx(2.0)
    assert per_case["external"] == pytest.approx(2 * again, abs=1e-4) and per_case["manual"] == pytest.approx(1.0)
    adviser = example["capacity"]["roles"]["adviseur-odr"]
    assert adviser["demand_hours"] == pytest.approx(1200 * (2 + 4 + 12) / 3)  # volume x visits x mean work
    assert adviser["capacity_hours"] == pytest.approx(1 * 8 * 5 * 46)  # people x hours x days x weeks
    assert adviser["utilisation"] == pytest.approx(7200 / 1840, abs=1e-4)
    time = example["time"]
    # internal work: ontvangst 15m, volledigheid 30m a visit, advies mean 6h, besluit 30m
    assert time["work_per_case_hours"] == pytest.approx(0.25 + 0.5 / 0.7 + 6 + 0.5, abs=1e-4)
    assert (time["term"], time["term_extension"], time["service_norm"]) == (56.0, 42.0, 42.0)
    arrivals = 1200 / 365  # cases a calendar day
    assert time["wip_total"] == pytest.approx(arrivals * time["cycle_time"]["mean"], abs=1e-3)
    # advies: its role is overloaded, so it keeps its declared wait of 5d; its lead is its mean work, 6 hours
    assert time["wip"]["advies"] == pytest.approx(arrivals * 1 * (5 + 6 / 24), abs=1e-3)
    leads = 0.25 / 24 + (1 / 0.7) * 1.0 + 6 / 24 + 0.5 / 24  # volledigheid's lead is 1d
    assert time["flow_efficiency"] == pytest.approx(leads / time["cycle_time"]["mean"], abs=1e-4)
    for wait in time["waits"]:
        assert wait["per_case"] == pytest.approx(wait["per_visit"] * wait["visits"], abs=1e-3)
        assert wait["share_of_cycle_time"] == pytest.approx(wait["per_case"] / time["cycle_time"]["mean"], abs=1e-4)


def test_waits_per_visit_without_queues() -> None:
    """Without people there are no queues: `per_visit` is the declared mean wait, `visits` the visits."""
    text = re.sub(r", people: \d+(, fte: [\d.]+)?", "", format_example())
    report = procesmap.analyse(procesmap.loads(text, "o.yaml")).to_dict()
    assert report["queueing"]["model"] == "none"
    waits = {w["step"]: w for w in report["time"]["waits"]}
    assert waits["volledigheid"]["per_visit"] == pytest.approx(3.0)  # wait: 3d
    assert waits["volledigheid"]["visits"] == pytest.approx(1 / 0.7, abs=1e-4)
    assert waits["aanvullen"]["per_visit"] == pytest.approx((2 + 5 + 14) / 3, abs=1e-4)  # triangular mean
    assert waits["aanvullen"]["per_case"] == pytest.approx(7 * 0.3 / 0.7, abs=1e-3)


def _table_keys(text: str) -> set[str]:
    """The keys the rows of the key table of "The JSON report" name in their first cell."""
    section = text.split("## The JSON report", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| ([^|]+) \|", section, re.MULTILINE)
    return {key.split(".")[0] for row in rows for key in re.findall(r"`([^`]+)`", row)}


def test_every_top_level_key_has_a_row(fresh: dict[str, Any], bundled: list[dict[str, Any]]) -> None:
    keys = set(fresh) | {key for report in bundled for key in report} | {"advice"}
    assert keys - _table_keys(FORMAT.read_text(encoding="utf-8")) == set()


def _schema_names(schema: Any) -> Iterator[str]:
    """Every property name and every fixed value (enum, const) in a JSON Schema."""
    if isinstance(schema, dict):
        for name in schema.get("properties", {}):
            yield name
        for value in schema.get("enum", []):
            if isinstance(value, str):
                yield value
        if isinstance(schema.get("const"), str):
            yield schema["const"]
        for value in schema.values():
            yield from _schema_names(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _schema_names(item)


def _unnamed(names: set[str], text: str) -> set[str]:
    quoted = set(re.findall(r"`([^`\n]+)`", text))
    words = {word for code in quoted for word in re.findall(r"[\w-]+", code)}
    return {name for name in names if name not in quoted and name not in words}


def test_every_field_and_value_of_the_schema_is_on_the_page() -> None:
    names = set(_schema_names(procesmap.schema()))
    assert {"procesmap", "steps", "suspends_term", "to", "when", "samples", "cv", "manual", "join"} <= names
    assert _unnamed(names, FORMAT.read_text(encoding="utf-8")) == set()


def test_fmt_key_order_is_documented() -> None:
    text = (ROOT / "docs" / "versions.md").read_text(encoding="utf-8")
    section = text.split("Key order per kind of mapping:", 1)[1].split("Unknown and `x-` keys", 1)[0]
    documented = {
        kind: tuple(k.strip() for k in keys.split(","))
        for kind, keys in re.findall(r"(\w+) `([^`]+)`", section.replace("\n  ", " "))
    }
    names = {"issue": "knelpunt", "raci": "RACI"}
    for kind, order in ORDERS.items():
        assert documented.get(names.get(kind, kind)) == order, kind


def test_the_checks_can_fail(fresh: dict[str, Any]) -> None:
    """A key the example lacks or invents, a wrong figure, a missing table row and an unnamed field are caught."""
    text = FORMAT.read_text(encoding="utf-8")
    example = _example(text)
    example["counts"]["transitions"] = 6
    example["time"]["cycle_time"]["mean"] = 21.3
    example["time"]["work_per_case_hours"] = 7.4643  # right: not reported
    assert [d.split(":")[0] for d in _differences(example, fresh)] == ["counts.transitions", "time.cycle_time.mean"]
    without = text.replace('"per_visit": 5.0, ', "")
    assert "time.waits[].per_visit" in set(_keys(fresh)) - set(_keys(_example(without)))
    assert "suppressed" not in _table_keys(text.replace("| `suppressed` |", "| suppressed |"))
    assert _unnamed({"suspends_term", "extends_term"}, text.replace("extends_term", "extends")) == {"extends_term"}


def _figure_ids(text: str) -> set[str]:
    """The figure ids docs/versions.md lists for `diff --format json` (`<level>`, `<stat>`, `<role>` as written)."""
    section = text.split("Figure ids:", 1)[1].split("`unit` is", 1)[0]
    return set(re.findall(r"`([a-z_]+(?:\.[a-z_<>]+)+)`", section))


def test_every_figure_id_of_diff_is_documented(tmp_path: Path) -> None:
    (tmp_path / "omgevingsvergunning.yaml").write_text(format_example(), encoding="utf-8")
    result = run_procesmap(
        "diff", "omgevingsvergunning.yaml", "--set", "roles.adviseur-odr.people=2", "--format", "json",
        "--cases", "200", cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode in (0, 1), result.stderr
    ids = {figure["id"] for figure in json.loads(result.stdout)["figures"]}
    stats, levels = "mean|p50|p85|p95", "role|team|organisation|external|manual"
    general = {
        re.sub(rf"\.({stats})$", ".<stat>", re.sub(rf"\.({levels})$", ".<level>", re.sub(r"^(capacity\.utilisation)\..+", r"\1.<role>", i)))
        for i in ids
    }  # fmt: skip
    documented = _figure_ids((ROOT / "docs" / "versions.md").read_text(encoding="utf-8"))
    assert "time.share_over_term" in documented and "capacity.utilisation.<role>" in documented
    assert general - documented == set()
    assert documented - general == set()


def _names(data: Any, by_id: tuple[str, ...] = ()) -> set[str]:
    """Every key in a JSON document, the keys under `by_id` (mappings keyed by ids or values) left out."""
    if isinstance(data, dict):
        return {k for k in data} | {n for k, v in data.items() if k not in by_id for n in _names(v, by_id)}
    if isinstance(data, list):
        return {n for item in data for n in _names(item, by_id)}
    return set()


def test_every_key_of_the_event_log_reports_is_documented(tmp_path: Path) -> None:
    """docs/eventlog.md, "The JSON reports": every key `log stats` and `log compare` write is named there."""
    rows = ["case,activity,timestamp,resource,lifecycle"]
    for case in range(6):
        steps = ["ontvangst", "volledigheid", *(["aanvullen", "volledigheid"] if case % 3 == 0 else []), "advies"]
        for hour, step in enumerate([*steps, "Besluit verzonden"]):
            rows.append(f"z{case},{step},2024-01-{case + 1:02d}T{8 + hour:02d}:00:00,{step[:3]}1,complete")
    (tmp_path / "log.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "omgevingsvergunning.yaml").write_text(format_example(), encoding="utf-8")
    stats = run_procesmap("log", "stats", "log.csv", "--format", "json", cwd=tmp_path)
    compare = run_procesmap(
        "log", "compare", "omgevingsvergunning.yaml", "log.csv", "--format", "json", "--cases", "200", cwd=tmp_path
    )
    assert stats.returncode == 0 and compare.returncode in (0, 1), stats.stderr + compare.stderr
    text = (ROOT / "docs" / "eventlog.md").read_text(encoding="utf-8")
    section = text.split("## The JSON reports, format 1", 1)[1].split("\n## ", 1)[0]
    stats_text, compare_text = section.split("`log compare`:", 1)
    quality = text.split("**Messy data, counted in `quality`**", 1)[1].split("\n## ", 1)[0]
    words = lambda part: set(re.findall(r"\w+", part))  # noqa: E731
    assert _names(json.loads(stats.stdout), ("quality",)) - words(stats_text) == set()
    assert _names(json.loads(stats.stdout)["quality"], ("lifecycle",)) - words(quality) == set()
    assert _names(json.loads(compare.stdout), ("links",)) - words(compare_text) == set()


def test_every_key_of_the_overview_is_documented() -> None:
    """docs/repository.md names every key `procesmap overview --format json` writes (ids as keys left out)."""
    result = run_procesmap("overview", str(PROCESSES), "--format", "json")
    assert result.returncode == 1, result.stderr  # the bundled maps hold an overloaded role
    overview = json.loads(result.stdout)
    assert overview["roles"] and overview["teams"]
    text = (ROOT / "docs" / "repository.md").read_text(encoding="utf-8")
    section = text.split("## The load across processes", 1)[1]
    assert _names(overview, ("per_process", "teams")) - set(re.findall(r"\w+", section)) == set()
    assert _names(list(overview["teams"].values())) - set(re.findall(r"\w+", section)) == set()


def test_the_bundled_maps_show_what_the_readme_says(bundled: list[dict[str, Any]]) -> None:
    """README.md, "Bundled maps": every map of processes/ is listed, and shows what its row says."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([\w-]+)\.yaml` \|", readme, re.MULTILINE))
    assert listed == {path.stem for path in PROCESSES.glob("*.yaml")}
    codes = {report["process"]["id"]: {f["code"] for f in report["findings"]} for report in bundled}
    maps = {path.stem: procesmap.load(path) for path in PROCESSES.glob("*.yaml")}
    assert "PM104" in codes["kcc-vraag-doorzetten"]  # ping-pong
    assert "PM304" in codes["team-dienstverlening-geen-backup"]  # an overloaded specialist
    assert maps["team-dienstverlening-geen-backup"].calendar.days_per_week == 4  # a 4-day week
    assert "PM307" in codes["evenementenvergunning"]  # a wait the GHOR adviser's 0.1 fte cannot meet
    assert any(step.extends_term for step in maps["bezwaarschrift"].steps)  # a verdaging step
    assert "samples" in (PROCESSES / "wmo-melding.yaml").read_text(encoding="utf-8")  # observed waits
    permit = next(report for report in bundled if report["process"]["id"] == "omgevingsvergunning")
    assert (permit["time"]["term"], permit["time"]["term_extension"]) == (56.0, 42.0)  # 8 + 6 weeks
    assert any(s.suspends_term for s in maps["omgevingsvergunning"].steps)  # aanvullen with the term suspended
