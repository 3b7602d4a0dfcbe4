"""Hostile inputs of issue #19, generated at test time (small and fast): every reader and every command stays
bounded, refuses with ``file:line:column: message`` + hint and exit code 2, and never shows a traceback.

The fuzzers that mutate valid inputs at random are in ``benchmarks/hostile_fuzz.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import procesmap
from procesmap.analysis import Settings
from procesmap.analysis.limits import MAX_SIMULATION_WORK

from .conftest import invoke_cli as invoke


# -- the simulation: a work limit checked before the work starts ---------------------------------------------


def loop_map(exit_p: str, stay_p: str) -> str:
    return f"""\
procesmap: 1
id: lus
owner: mw
term: 8w
roles:
  mw: {{people: 2}}
steps:
  - {{id: a, type: start, role: mw, work: 1h, next: b}}
  - id: b
    type: decision
    role: mw
    work: 10m
    next:
      - {{to: b, p: {stay_p}}}
      - {{to: e, p: {exit_p}}}
  - {{id: e, type: end, role: mw, work: 1h}}
"""


def test_a_near_endless_loop_skips_the_simulation_and_keeps_the_exact_figures() -> None:
    process = procesmap.loads(loop_map("0.000000001", "0.999999999"), "lus.yaml")
    analysis = procesmap.analyse(process, Settings(cases=10_000))
    # a geometric number of visits: 1 / P(exit) = 1e9 expected visits of b (within float rounding of 1 - p)
    assert analysis.visits is not None and analysis.visits["b"] == pytest.approx(1e9, rel=1e-6)
    [skipped] = [m for m in analysis.missing if m.key.startswith("limits.simulation_work")]
    assert skipped.key == "limits.simulation_work_loop"
    assert "MAX_SIMULATION_WORK" in skipped.text("en") and "loop" in skipped.text("en")
    assert analysis.time.cycle_time["p50"] is None and analysis.time.share_over_term is None
    assert analysis.time.cycle_time["mean"] is not None  # exact: visits x mean durations, no simulation needed


def test_the_limit_names_the_cases_that_fit() -> None:
    process = procesmap.loads(loop_map("0.001", "0.999"), "lus.yaml")
    per_case = 1 + 1 / 0.001 + 1  # a, b (geometric), e
    cases = int(MAX_SIMULATION_WORK / per_case) + 1000
    analysis = procesmap.analyse(process, Settings(cases=cases))
    [skipped] = [m for m in analysis.missing if m.key == "limits.simulation_work"]
    assert int(skipped.args["fits"]) == int(MAX_SIMULATION_WORK // per_case)
    assert int(skipped.args["cases"]) == cases
    below = procesmap.analyse(process, Settings(cases=2_000))  # 2,000 x 1,002 visits: simulated
    assert below.time.cycle_time["p50"] is not None
    assert not [m for m in below.missing if m.key.startswith("limits.")]


def test_check_and_analyse_of_the_endless_loop_finish(tmp_path: Path) -> None:
    path = tmp_path / "lus.yaml"
    path.write_text(loop_map("0.000000001", "0.999999999"), encoding="utf-8")
    result = invoke("analyse", str(path), "--lang", "en", "-f", "markdown")
    assert result.exit_code in (0, 1) and "MAX\\_SIMULATION\\_WORK" in result.output
    result = invoke("check", str(path), "--lang", "en")
    assert result.exit_code in (0, 1)


# -- BPMN: bad pm: values, deep nesting, many elements ---------------------------------------------------------

BPMN_NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"'


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> str:
    from procesmap.bpmn import export_bpmn
    from procesmap.loading import load

    from .conftest import PROCESSES

    return export_bpmn(load(PROCESSES / "omgevingsvergunning.yaml")).decode("utf-8")


@pytest.mark.parametrize(
    "old, new, key",
    [
        ('people="8"', 'people="oops"', "value.expected_int"),
        ('service_norm="6w"', 'service_norm="banana"', "duration.invalid"),
        ('work="15m"', 'work="lots"', "duration.invalid"),
        ('type="start"', 'type="bogus"', "value.not_allowed"),
    ],
)
def test_a_bad_pm_value_is_a_problem_at_its_line(tmp_path: Path, exported: str, old: str, new: str, key: str) -> None:
    from procesmap.bpmn import import_bpmn
    from procesmap.errors import LoadError

    assert old in exported
    text = exported.replace(old, new, 1)
    path = tmp_path / "model.bpmn"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        import_bpmn(path)
    problem = caught.value.problems[0]
    assert problem.key.startswith(key.split(".")[0]) or problem.key == key, problem.format()
    line = next(i for i, row in enumerate(text.splitlines(), start=1) if new in row)
    assert problem.line == line, problem.format()  # the line of the pm: element that holds the value
    result = invoke("import", "bpmn", str(path), "--lang", "en")
    assert result.exit_code == 2 and f"model.bpmn:{line}:1:" in result.output


def test_a_pm_branch_probability_above_one_and_nested_pm_elements(tmp_path: Path, exported: str) -> None:
    for old, new in (
        ('<pm:branch order="0"/>', '<pm:branch order="0" p="2"/>'),
        ("<pm:log>Zaak toegewezen</pm:log>", "<pm:log><pm:step><pm:step><pm:raci A='x'/></pm:step></pm:step></pm:log>"),
    ):
        path = tmp_path / "model.bpmn"
        path.write_text(exported.replace(old, new, 1), encoding="utf-8")
        result = invoke("import", "bpmn", str(path), "--lang", "en")
        assert result.exit_code == 2, result.output
        assert result.output.startswith(f"{path}:")


def _chain(kind: str, count: int, name: str = "") -> str:
    nodes = ['<bpmn:startEvent id="st"/>']
    flows = []
    previous = "st"
    for i in range(count):
        nodes.append(f'<bpmn:{kind} id="n{i}" name="{name}"/>' if name else f'<bpmn:{kind} id="n{i}"/>')
        flows.append(f'<bpmn:sequenceFlow id="f{i}" sourceRef="{previous}" targetRef="n{i}"/>')
        previous = f"n{i}"
    nodes.append('<bpmn:endEvent id="e"/>')
    flows.append(f'<bpmn:sequenceFlow id="fe" sourceRef="{previous}" targetRef="e"/>')
    return (
        f'<?xml version="1.0"?><bpmn:definitions {BPMN_NS} id="d"><bpmn:process id="p">'
        + "".join(nodes)
        + "".join(flows)
        + "</bpmn:process></bpmn:definitions>"
    )


def test_many_same_named_tasks_get_short_unique_ids() -> None:
    from procesmap.bpmn import import_bpmn

    result = import_bpmn(_chain("task", 1200, "Een heel lange naam van een taak die steeds terugkomt in het model"))
    process = procesmap.loads(result.yaml_text, "draft.yaml")
    ids = [s.id for s in process.steps]
    assert len(ids) == len(set(ids)) == 1202 and max(len(i) for i in ids) <= 48


def test_parallel_gateways_in_a_chain_are_each_one_step() -> None:
    from procesmap.bpmn import import_bpmn

    result = import_bpmn(_chain("parallelGateway", 300))
    process = procesmap.loads(result.yaml_text, "draft.yaml")
    # every gateway has one incoming and one outgoing flow: a split of one branch, never a join
    assert [s.type for s in process.steps].count("parallel") == 300


def test_sub_processes_nested_past_the_parser_limit_are_refused(tmp_path: Path) -> None:
    inner = '<bpmn:task id="t" name="T"/>'
    for i in range(300):
        inner = f'<bpmn:subProcess id="s{i}" name="S{i}">{inner}</bpmn:subProcess>'
    path = tmp_path / "deep.bpmn"
    path.write_text(
        f'<?xml version="1.0"?><bpmn:definitions {BPMN_NS} id="d"><bpmn:process id="p">'
        f'<bpmn:startEvent id="st"/>{inner}</bpmn:process></bpmn:definitions>',
        encoding="utf-8",
    )
    result = invoke("import", "bpmn", str(path), "--lang", "en")
    assert result.exit_code == 2 and result.output.startswith(f"{path}:1:")


# -- event logs -------------------------------------------------------------------------------------------------

LOG_CSV = "case,activity,timestamp,resource\n1,a,2024-01-01T09:00:00,x\n1,b,2024-01-02T09:00:00,y\n"


def _parquet(path: Path, **columns: object) -> Path:
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    data: dict[str, object] = {
        "case": ["1", "1", "2", "2"],
        "activity": ["a", "b", "a", "b"],
        "timestamp": pa.array([datetime.datetime(2024, 1, d, 9) for d in (1, 2, 1, 3)], pa.timestamp("us")),
    }
    data.update(columns)
    pq.write_table(pa.table(data), path)
    return path


def _log_refused(*args: str, expect: str) -> None:
    result = invoke("log", *args, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert expect in result.output, result.output


def test_parquet_columns_of_unusual_types(tmp_path: Path) -> None:
    import datetime

    import pyarrow as pa

    _log_refused(
        "stats",
        str(_parquet(tmp_path / "l.parquet", activity=pa.array([["a"], ["b"], ["a"], []]))),
        expect="column `activity` holds list<",
    )
    _log_refused(
        "stats",
        str(_parquet(tmp_path / "s.parquet", activity=pa.array([{"x": 1}] * 4))),
        expect="column `activity` holds struct<",
    )
    _log_refused(
        "stats",
        str(_parquet(tmp_path / "b.parquet", activity=pa.array([b"a", b"b", b"\xff", b"b"]))),
        expect="column `activity` (binary) holds a value that is no text",
    )
    _log_refused(
        "stats",
        str(_parquet(tmp_path / "t.parquet", timestamp=pa.array([{"x": 1}] * 4))),
        expect="column `timestamp` holds struct<",
    )
    far = [
        datetime.datetime(9999, 12, 31, 23),
        datetime.datetime(2024, 1, 2),
        datetime.datetime(1, 1, 1),
        datetime.datetime(2024, 1, 3),
    ]
    result = invoke(
        "log", "stats", str(_parquet(tmp_path / "f.parquet", timestamp=pa.array(far, pa.timestamp("us")))), "-f", "json"
    )
    assert result.exit_code == 0, result.output


def test_top_below_zero_and_a_csv_header_of_many_columns(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(LOG_CSV, encoding="utf-8")
    _log_refused("stats", str(log), "--top", "-1", expect="--top must be 0 or more")
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(f"c{i}" for i in range(5000)) + "\n" + ",".join("x" * 5000) + "\n", encoding="utf-8")
    _log_refused("stats", str(wide), expect="more than 1,000 columns")


def test_a_gzip_bomb_is_refused_after_the_unpacked_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gzip

    from procesmap.eventlog import _gzip

    monkeypatch.setattr(_gzip, "MAX_LOG_UNPACKED", 1_000_000)
    bomb = tmp_path / "bomb.csv.gz"
    with gzip.open(bomb, "wb") as handle:
        handle.write(LOG_CSV.encode())
        handle.write(b"1,a,2024-01-01T09:00:00,x\n" * 100_000)  # 2.6 MB unpacked, a few KB packed
    assert bomb.stat().st_size < 50_000
    _log_refused("stats", str(bomb), expect="unpacks to more than 1,000,000 bytes")
    small = tmp_path / "small.csv.gz"
    with gzip.open(small, "wb") as handle:
        handle.write(LOG_CSV.encode())
    assert invoke("log", "stats", str(small)).exit_code == 0


def test_roles_files_nested_deep_or_expanding_are_refused(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(LOG_CSV, encoding="utf-8")
    deep = tmp_path / "deep.yaml"
    deep.write_text("x: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    _log_refused("stats", str(log), "--roles", str(deep), expect=f"{deep}:1:")
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8)
    )
    bomb = tmp_path / "laughs.yaml"
    bomb.write_text(laughs, encoding="utf-8")
    _log_refused("stats", str(log), "--roles", str(bomb), expect="alias")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_roles_file_naming_more_resources_than_the_limit_is_refused_at_the_first_past_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """300,000 names took 11.9 s to build (4.4 s CPU): the resources are counted before the mapping is built."""
    from procesmap.eventlog import _read

    monkeypatch.setattr(_read, "MAX_ROLES_ENTRIES", 5)
    log = tmp_path / "log.csv"
    log.write_text(LOG_CSV, encoding="utf-8")
    message = {
        "en": "the roles file names more than 5 resources (MAX_ROLES_ENTRIES)",
        "nl": "het rollenbestand noemt meer dan 5 medewerkers (MAX_ROLES_ENTRIES)",
    }[lang]
    # block style with a nested value and a comment: the sixth key is on line 8
    block = tmp_path / "roles.yaml"
    block.write_text("# roles\na: x\nb: [y, z]\nc:\n  d: e\nf: g\ng: h\nh: i\n", encoding="utf-8")
    # flow style, one line: the sixth key at column 37
    flow = tmp_path / "flow.yaml"
    flow.write_text("{a: x, b: x, c: {k: v}, d: x, e: x, f: x}\n", encoding="utf-8")
    table = tmp_path / "roles.csv"
    table.write_text("resource,role\n" + "".join(f"m{i},team\n" for i in range(6)), encoding="utf-8")
    for path, place in ((block, ":8:1:"), (flow, ":1:37:"), (table, ":7:1:")):
        result = invoke("log", "stats", str(log), "--roles", str(path), "--lang", lang)
        assert result.exit_code == 2, result.output
        assert f"{path}{place} {message}" in result.output, result.output
        assert "--role" in result.output and "Traceback" not in result.output
    # five resources: read
    table.write_text("resource,role\n" + "".join(f"m{i},team\n" for i in range(5)), encoding="utf-8")
    block.write_text(
        "a: x\nb: y\nc:\n  z\nf: g\ng: h\n", encoding="utf-8"
    )  # a role is one name (tests/test_log_workshop_input.py)
    for path in (table, block):
        assert invoke("log", "stats", str(log), "--roles", str(path)).exit_code == 0


@pytest.mark.parametrize("reader", ["map", "config", "bpmn", "csv", "xes", "roles", "fmt"])
def test_special_files_are_refused_without_blocking(tmp_path: Path, reader: str) -> None:
    fifo = (
        tmp_path
        / {
            "map": "p.yaml",
            "config": "procesmap.toml",
            "bpmn": "m.bpmn",
            "csv": "l.csv",
            "xes": "l.xes",
            "roles": "r.yaml",
            "fmt": "f.yaml",
        }[reader]
    )
    os.mkfifo(fifo)
    log = tmp_path / "log.csv"
    log.write_text(LOG_CSV, encoding="utf-8")
    from .test_output_guard import PARENT  # noqa: F401 (a map is only needed for the config case)

    args = {
        "map": ("check", str(fifo)),
        "config": ("check", str(tmp_path / "m.yaml"), "--config", str(fifo)),
        "bpmn": ("import", "bpmn", str(fifo)),
        "csv": ("log", "stats", str(fifo)),
        "xes": ("log", "stats", str(fifo)),
        "roles": ("log", "stats", str(log), "--roles", str(fifo)),
        "fmt": ("fmt", str(fifo)),
    }[reader]
    if reader == "config":
        (tmp_path / "m.yaml").write_text(loop_map("0.5", "0.5"), encoding="utf-8")
    import threading

    outcome: list[object] = []
    worker = threading.Thread(
        target=lambda: outcome.append(invoke(*args, "--lang", "en") if reader != "fmt" else invoke(*args)), daemon=True
    )
    worker.start()
    worker.join(20)
    if worker.is_alive():
        with open(fifo, "wb"):
            pass
        pytest.fail(f"{reader}: blocked on a FIFO")
    [result] = outcome
    assert result.exit_code == 2, result.output  # type: ignore[attr-defined]
    assert "not a regular file" in result.output or "is geen gewoon bestand" in result.output  # type: ignore[attr-defined]
    for device in ("/dev/zero",):
        device_args = tuple(device if a == str(fifo) else a for a in args)
        done = invoke(*device_args, "--lang", "en") if reader != "fmt" else invoke(*device_args)
        assert done.exit_code == 2 and "not a regular file" in done.output, done.output


# -- drafts that load back: log discover and BPMN import ---------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

#: words YAML 1.1 reads as booleans, numbers, dates or nothing when they stand unquoted
TRICKY = [
    "On",
    "No",
    "yes",
    "off",
    "Y",
    "n",
    "1",
    "0x10",
    "0o17",
    "1e3",
    "1_000",
    ".inf",
    "-.nan",
    "1:20",
    "null",
    "~",
    "true",
    "2024-01-01",
    "0",
    "-1",
    "+1",
    "010",
    "=",
    "<<",
    "*a",
    "&b",
    "!x",
    "%y",
    "@z",
    "#",
    "a: b",
    "- c",
    "Team A",
    "team-a",
    "team_a_",
    "_x_",
    "é",
    "日本",
    "!x",
    "X 2",
    "x-y",
]


def _discovered(activities: list[str], roles: list[str]) -> str:
    import csv
    import io
    import tempfile

    from procesmap.eventlog import LogMapping, discover, read_log

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["case", "activity", "timestamp", "resource", "role"])
    for case in range(6):
        for position, activity in enumerate(activities):
            writer.writerow(
                [
                    f"c{case}",
                    activity,
                    f"2024-03-{position + 1:02d}T09:{case:02d}:00+00:00",
                    "x",
                    roles[position % len(roles)],
                ]
            )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "On.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        return discover(read_log(path, LogMapping()), lang="en")


def test_log_discover_quotes_ids_yaml_would_read_as_something_else() -> None:
    text = _discovered(["On", "No", "1", "0x10", "true", "2024-01-01"], ["yes", "1", "Team A", "team-a"])
    process = procesmap.loads(text, "draft.yaml")  # would fail: "next must be a list, not True"
    assert {"on", "no", "1", "0x10", "true", "2024-01-01"} <= {s.id for s in process.steps}
    assert len(process.roles) == 4 and {"yes", "1"} <= set(process.roles)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(st.sampled_from(TRICKY), st.text(min_size=1, max_size=12).filter(str.strip)),
        min_size=2,
        max_size=6,
        unique_by=lambda a: a.strip(),
    ),
    st.lists(st.sampled_from(TRICKY), min_size=1, max_size=3),
)
def test_property_every_discovered_draft_loads_back(activities: list[str], roles: list[str]) -> None:
    activities = [a for a in activities if "\x00" not in a and a.strip() == a]
    if len({a for a in activities}) < 2:
        return
    procesmap.loads(_discovered(activities, roles), "draft.yaml")


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(TRICKY), min_size=1, max_size=6))
def test_property_bpmn_import_writes_ids_that_load_back(names: list[str]) -> None:
    from procesmap.bpmn import import_bpmn

    nodes = ['<bpmn:startEvent id="st"/>'] + [f'<bpmn:task id="t{i}" name="{_xml(n)}"/>' for i, n in enumerate(names)]
    order = ["st"] + [f"t{i}" for i in range(len(names))] + ["e"]
    flows = [
        f'<bpmn:sequenceFlow id="f{i}" sourceRef="{a}" targetRef="{b}"/>'
        for i, (a, b) in enumerate(zip(order, order[1:]))
    ]
    lanes = "".join(
        f'<bpmn:lane id="L{i}" name="{_xml(n)}"><bpmn:flowNodeRef>t{i}</bpmn:flowNodeRef></bpmn:lane>'
        for i, n in enumerate(names)
    )
    text = (
        f'<?xml version="1.0"?><bpmn:definitions {BPMN_NS} id="d"><bpmn:process id="p" name="{_xml(names[0])}">'
        f'<bpmn:laneSet id="ls">{lanes}</bpmn:laneSet>'
        + "".join(nodes)
        + '<bpmn:endEvent id="e"/>'
        + "".join(flows)
        + "</bpmn:process></bpmn:definitions>"
    )
    procesmap.loads(import_bpmn(text, process_id=names[0]).yaml_text, "draft.yaml")


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


# -- terminal and Markdown never carry escape sequences from user text ---------------------------------------------

ESCAPES = r"""procesmap: 1
id: esc
name: "Titel \e]0;PWNED\a en \e[2J gewist"
owner: mw
term: 1d
roles:
  mw: {name: "Mede\e[31mwerker", people: 1}
steps:
  - {id: a, name: "Start \e[1;1H\e[2J", type: start, role: mw, work: 1h, next: b}
  - {id: b, name: "Behandelen \x9b31m \x7f", role: mw, work: 30h, wait: 3d, next: e}
  - {id: e, name: "Einde", type: end, role: mw, work: 1h}
issues:
  - {id: k1, step: b, text: "Knelpunt \e]8;;http://evil\e\\link\e]8;;\e\\"}
"""

CONTROL_BYTES = ("\x1b", "\x07", "\x9b", "\x7f")


@pytest.mark.parametrize(
    "args",
    [
        ("analyse",),
        ("analyse", "-f", "markdown"),
        ("analyse", "-f", "json"),
        ("check",),
        ("check", "-f", "github"),
        ("overview",),
        ("diff", "--set", "roles.mw.people=2"),
        ("diff", "--set", "roles.mw.people=2", "-f", "markdown"),
        ("diagram", "-f", "mermaid"),
    ],
)
def test_a_map_with_escape_sequences_in_its_names(tmp_path: Path, args: tuple[str, ...]) -> None:
    path = tmp_path / "esc.yaml"
    path.write_text(ESCAPES, encoding="utf-8")
    result = invoke(args[0], str(path), *args[1:], "--lang", "en")
    assert result.exit_code in (0, 1), result.output
    assert "PWNED" in result.output or args[0] in ("diagram", "check", "overview", "diff")  # the text itself is kept
    assert not [c for c in CONTROL_BYTES if c in result.output], repr(result.output[:2000])


def test_the_loader_replaces_control_characters_and_an_id_with_one_is_refused() -> None:
    process = procesmap.loads(ESCAPES, "esc.yaml")
    assert process.name == "Titel \ufffd]0;PWNED\ufffd en \ufffd[2J gewist"
    from procesmap.errors import LoadError

    with pytest.raises(LoadError):
        procesmap.loads(ESCAPES.replace("id: esc", 'id: "es\\ec"'), "esc.yaml")


def test_an_event_log_with_escape_sequences(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(
        "case,activity,timestamp,resource\n1,\x1b]0;PWNED\x07a,2024-01-01T09:00:00,\x1b[2Jx\n"
        "1,b\x9b,2024-01-02T09:00:00,y\n",
        encoding="utf-8",
    )
    roles = tmp_path / "roles.yaml"
    roles.write_text('"\\e[2Jx": "\\e[31mrol"\n', encoding="utf-8")
    for fmt in ("terminal", "markdown", "json"):
        result = invoke("log", "stats", str(log), "--roles", str(roles), "-f", fmt, "--lang", "en")
        assert result.exit_code == 0, result.output
        assert not [c for c in CONTROL_BYTES if c in result.output], repr(result.output[:2000])


# -- configuration and plain large maps ----------------------------------------------------------------------------


def test_a_configuration_nested_500_deep_or_with_20000_unknown_codes(tmp_path: Path) -> None:
    from procesmap.config import MAX_CONFIG_DEPTH, MAX_SUGGESTIONS, load_config
    from procesmap.errors import LoadError

    deep = tmp_path / "deep.toml"
    deep.write_text("x = " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_config(deep)
    [problem] = caught.value.problems
    # the first bracket that passes the limit: column 5 is the first "[" after "x = "
    assert (problem.key, problem.line, problem.column) == ("load.too_deep", 1, 5 + MAX_CONFIG_DEPTH)
    codes = tmp_path / "codes.toml"
    codes.write_text("[rules]\n" + "".join(f'PMX{i} = "off"\n' for i in range(20_000)), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_config(codes)
    problems = caught.value.problems
    assert len(problems) == 20_000 and problems[-1].line == 20_001
    suggested = [p for p in problems if p.hint_key == "config.hint.did_you_mean"]
    assert len(suggested) <= MAX_SUGGESTIONS
    strings = tmp_path / "strings.toml"  # brackets inside strings and comments are no nesting
    strings.write_text(
        'language = "nl"  # [[[[[[[[[[[[[[[[[[[[[[[[\n[rules]\nPM102 = { severity = "off" }\nx = "' + "[" * 30 + '"\n',
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as caught:
        load_config(strings)
    assert [p.key for p in caught.value.problems] == ["config.unknown_rule"]
    big = tmp_path / "big.toml"
    big.write_text("# " + "x" * (1024 * 1024) + "\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_config(big)
    assert caught.value.problems[0].key == "limits.too_large"


def test_a_plain_large_map_is_not_called_an_alias_bomb() -> None:
    from procesmap.errors import LoadError
    from procesmap.loading import MAX_NODES

    rows = MAX_NODES // 3 + 10  # each row is three values (a mapping, its key, its value): > MAX_NODES in all
    text = "procesmap: 1\nid: groot\nx-data:\n" + "".join(f"  - {{k: {i}}}\n" for i in range(rows))
    with pytest.raises(LoadError) as caught:
        procesmap.loads(text, "groot.yaml")
    [problem] = caught.value.problems
    assert problem.key == "limits.too_many_values", problem.format()
    assert "alias" not in problem.format("en")
    laughs = "procesmap: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8)
    )
    with pytest.raises(LoadError) as caught:
        procesmap.loads(laughs, "bom.yaml")
    assert caught.value.problems[0].key == "load.too_many_nodes"


def test_a_model_with_more_flow_nodes_than_one_map_holds_is_refused_up_front(monkeypatch: pytest.MonkeyPatch) -> None:
    from procesmap.bpmn import _safety, import_bpmn
    from procesmap.errors import LoadError

    monkeypatch.setattr(_safety, "MAX_IMPORT_STEPS", 100)
    with pytest.raises(LoadError) as caught:
        import_bpmn(_chain("task", 150, "Taak"))
    [problem] = caught.value.problems
    assert problem.key == "limits.bpmn_too_many_steps" and problem.line == 1
    assert "more than 100 flow nodes" in problem.format("en")
    assert len(import_bpmn(_chain("task", 90, "Taak")).yaml_text) > 0  # 92 flow nodes with start and end: fine


# -- limits measured by benchmarks/bench_reader_bounds.py ----------------------------------------------------


def test_a_map_of_more_steps_than_the_limit_is_refused_at_the_first_step_past_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from procesmap import _compose
    from procesmap.errors import LoadError

    monkeypatch.setattr(_compose, "MAX_STEPS", 30)  # the limit where the loader reads it

    def chain(n: int, before: str = "") -> str:
        lines = [
            "procesmap: 1",
            "id: keten",
            "owner: mw",
            before,
            "roles:",
            "  mw: {people: 1}",
            "steps:",
            "  - {id: s0, type: start, role: mw, next: s1}",
        ]
        lines += [f"  - {{id: s{i}, role: mw, work: 1h, next: s{i + 1}}}" for i in range(1, n - 1)]
        return "\n".join(lines + [f"  - {{id: s{n - 1}, type: end, role: mw}}"]) + "\n"

    with pytest.raises(LoadError) as caught:
        procesmap.loads(chain(31), "keten.yaml")
    [problem] = caught.value.problems
    assert problem.key == "limits.too_many_steps"
    assert problem.line == 8 + 30, problem.format("en")  # the 31st step: the first past the limit
    assert "more than 30 steps" in problem.format("en")
    assert len(procesmap.loads(chain(30), "keten.yaml").steps) == 30
    # lists called `steps` elsewhere (a nested key, a complex key) are not the map's steps
    nested = "x-notes: {steps: [" + ", ".join(["1"] * 40) + "]}\n? [steps]\n: 1"
    with pytest.raises(LoadError) as caught:
        procesmap.loads(chain(30, nested), "keten.yaml")
    assert all(p.key != "limits.too_many_steps" for p in caught.value.problems)


def test_a_log_of_more_events_than_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from procesmap.eventlog import _common

    monkeypatch.setattr(_common, "MAX_LOG_EVENTS", 3)
    parquet = _parquet(tmp_path / "vier.parquet")  # four events: one past the limit
    _log_refused("stats", str(parquet), expect="holds 4 events, more than the limit of 3 (MAX_LOG_EVENTS)")
    monkeypatch.setattr(_common, "MAX_LOG_EVENTS", 4)
    assert invoke("log", "stats", str(parquet), "-f", "json").exit_code == 0
    monkeypatch.setattr(_common, "MAX_TEXT_LOG_EVENTS", 3)  # logs read as text first: their own limit
    _log_refused(
        "stats",
        str(_parquet(tmp_path / "tekst.parquet", timestamp=["2024-01-01"] * 4)),
        expect="holds 4 events, more than the limit of 3 (MAX_TEXT_LOG_EVENTS)",
    )
    csv = tmp_path / "log.csv"
    csv.write_text(LOG_CSV + "2,a,2024-01-01T09:00:00,x\n2,b,2024-01-02T09:00:00,y\n", encoding="utf-8")
    _log_refused("stats", str(csv), expect=f"{csv}:1:1: ")
    monkeypatch.setattr(_common, "MAX_TEXT_LOG_EVENTS", 4)
    assert invoke("log", "stats", str(csv), "-f", "json").exit_code == 0


def _xes(events: list[str]) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n<trace><string key="concept:name" '
        'value="z1"/>\n'
        + "".join(
            f'<event><string key="concept:name" value="a"/><date key="time:timestamp" '
            f'value="2024-01-0{i + 1}T09:00:00Z"/>{extra}</event>\n'
            for i, extra in enumerate(events)
        )
        + "</trace>\n</log>\n"
    )


def test_an_xes_log_of_too_many_attribute_keys_or_a_huge_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from procesmap.eventlog import _xes as xes_reader

    monkeypatch.setattr(xes_reader, "MAX_XES_KEYS", 4)
    log = tmp_path / "sleutels.xes"
    log.write_text(
        _xes(['<string key="k1" value="v"/>', '<string key="k2" value="v"/>', '<string key="k3" value="v"/>']),
        encoding="utf-8",
    )
    # concept:name, time:timestamp and k1 (line 4), k2 (line 5), k3 (line 6): the fifth key, refused at its line
    _log_refused("stats", str(log), expect=f"{log}:6:1: ")
    result = invoke("log", "stats", str(log), "--lang", "en")
    assert "more than 4 different attribute keys" in result.output and "(MAX_XES_KEYS)" in result.output
    assert "hint: every attribute key is a column" in result.output
    monkeypatch.setattr(xes_reader, "MAX_XES_KEYS", 5)  # the trace's name (line 3, read when the trace ends) the sixth
    _log_refused("stats", str(log), expect=f"{log}:3:1: ")
    monkeypatch.setattr(xes_reader, "MAX_XES_KEYS", 6)
    assert invoke("log", "stats", str(log), "-f", "json").exit_code == 0
    huge = tmp_path / "waarde.xes"  # a value over libxml2's 10 MB: refused at its place, not held in memory five times
    huge.write_text(_xes([f'<string key="note" value="{"x" * 10_000_001}"/>']), encoding="utf-8")
    _log_refused("stats", str(huge), expect="a value longer than 10,000,000 characters")
    deep = tmp_path / "diep.xes"
    deep.write_text(_xes(['<string key="a" value="b">' * 300 + "</string>" * 300]), encoding="utf-8")
    _log_refused("stats", str(deep), expect=f"{deep}:4:")


def test_a_pdf_table_cell_taller_than_a_page_is_cut_not_a_layout_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A finding that names many steps (PM204: a role without backup doing 60 steps with long ids) made a table
    cell taller than a page: ReportLab ended the report in a LayoutError traceback. (Messages list only the first
    10 steps now, ``procesmap.findings.MAX_LISTED``; raised here, a long message still makes a tall cell.)"""
    from procesmap import findings
    from procesmap.render.pdf import _fits_a_page

    monkeypatch.setattr(findings, "MAX_LISTED", 1000)

    n, stem = 60, "stap-met-een-heel-lange-naam-die-de-werkgroep-zo-heeft-opgeschreven-en-niet-wil-inkorten-"
    lines = [
        "procesmap: 1",
        "id: lang",
        "owner: mw",
        "term: 8w",
        "volume: 100/year",
        "roles:",
        "  mw: {people: 1}",
        "steps:",
        f"  - {{id: {stem}0, type: start, role: mw, work: 1h, next: {stem}1}}",
    ]
    lines += [f"  - {{id: {stem}{i}, role: mw, work: 1h, next: {stem}{i + 1}}}" for i in range(1, n - 1)]
    lines.append(f"  - {{id: {stem}{n - 1}, type: end, role: mw, work: 1h}}")
    path = tmp_path / "lang.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    analysis = procesmap.analyse(procesmap.load(path), Settings(cases=200))
    message = next(f.message("nl") for f in analysis.findings if f.code == "PM204")
    assert len(message) > 5000  # about 110 lines in the findings table's message column: taller than a page
    out = tmp_path / "lang.pdf"
    result = invoke("analyse", str(path), "-f", "pdf", "-o", str(out), "--cases", "200")
    assert result.exit_code in (0, 1), result.output
    assert out.read_bytes().startswith(b"%PDF")
    cut = _fits_a_page(message, 250.0, 722.0)
    assert cut.endswith(" …") and len(cut) < len(message) and message.startswith(cut[:-2])
    assert _fits_a_page("kort", 250.0, 722.0) == "kort"


def test_a_swimlane_of_more_pdf_pages_than_the_limit_is_left_out_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every page of a swimlane split over pages once drew the whole picture: a 1,000-step chain's PDF took 76 s (9 s
    with the limit), a 20,000-step chain's hours; now each page draws its part, and beyond MAX_SWIMLANE_PAGES the
    report still says so, before drawing."""
    import subprocess

    from procesmap.render import pdf

    from .conftest import need_tool

    need_tool("pdftotext", "apt-get install poppler-utils; .ci/run installs it")
    analysis = procesmap.analyse(
        procesmap.load(Path(procesmap.__file__).parent.parent / "processes" / "omgevingsvergunning.yaml"),
        Settings(cases=500),
    )

    def text(limit: int) -> str:
        monkeypatch.setattr(pdf, "MAX_SWIMLANE_PAGES", limit)
        path = tmp_path / f"r{limit}.pdf"
        path.write_bytes(pdf.render_pdf([analysis], "en"))
        return " ".join(
            subprocess.run(
                ["pdftotext", str(path), "-"], capture_output=True, text=True, timeout=60, check=True
            ).stdout.split()
        )

    assert "MAX_SWIMLANE_PAGES" not in text(24)
    assert "The swimlane is left out of this PDF: it would take" in text(0)
    assert "more than the limit of 0 (MAX_SWIMLANE_PAGES" in text(0)
