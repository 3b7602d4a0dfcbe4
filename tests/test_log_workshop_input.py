"""Event-log reports with workshop text in the log: names print as the log writes them."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import lxml.html
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent

ACTIVITIES = [
    "Ontvangst <concept> [/]",
    "Toets & beoordeel *snel* _nu_",
    "Advies [zie](http://example.org) `code`",
    "Besluit | nemen \\ #1",
]
RESOURCES = ["<Jan>", "Piet [x](y)", "Klaas *&* Co"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PROCESMAP_LANG": "", "LANG": "C.UTF-8", "COLUMNS": "120"}
    return subprocess.run(
        [sys.executable, "-m", "procesmap", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120
    )


def _log(folder: Path) -> Path:
    path = folder / "log.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["case", "activity", "timestamp", "resource"])
        for case in range(4):
            for i, activity in enumerate(ACTIVITIES):
                stamp = f"2024-01-{case + 1:02d}T{10 + i:02d}:00:00+01:00"
                writer.writerow([f"Z-{case}", activity, stamp, RESOURCES[(case + i) % len(RESOURCES)]])
    return path


def _cells(markdown: str) -> set[str]:
    """The text of every table cell as a CommonMark + GFM-tables reader shows it (markdown-it-py, not procesmap)."""
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    tree = lxml.html.fromstring(f"<div>{html}</div>")
    return {cell.text_content() for cell in tree.iter("td", "th")}


def test_log_stats_markdown_shows_names_as_written(tmp_path: Path) -> None:
    log = _log(tmp_path)
    result = run("log", "stats", str(log), "--format", "markdown", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    cells = _cells(result.stdout)
    for name in ACTIVITIES + RESOURCES:
        assert name in cells, (name, sorted(cells))
    tree = lxml.html.fromstring(f"<div>{MarkdownIt('commonmark').enable('table').render(result.stdout)}</div>")
    assert not list(tree.iter("a", "em", "code", "concept", "jan")), "log text became markup"


def test_log_compare_markdown_shows_names_as_written(tmp_path: Path) -> None:
    log = _log(tmp_path)
    # a map whose two steps stand for none of the log's activities: every activity is "not on the map"
    (tmp_path / "map.yaml").write_text(
        "procesmap: 1\nid: m\nname: M\nowner: r\nvolume: 10/year\nroles:\n  r: {people: 2}\nsteps:\n"
        "  - {id: a, type: start, role: r, work: 1h, next: b}\n  - {id: b, type: end, role: r, work: 1h}\n",
        encoding="utf-8",
    )
    result = run("log", "compare", "map.yaml", str(log), "--format", "markdown", "--cases", "200", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    cells = _cells(result.stdout)
    for name in ACTIVITIES:
        assert name in cells, (name, sorted(cells))


def test_quality_counts_offsets_and_naive_times_of_readable_timestamps_only(tmp_path: Path) -> None:
    # Dutch dates (15-01-2024) are not ISO 8601: unreadable, and their "-2024" is no UTC offset
    from procesmap.eventlog import LogMapping, log_stats, read_log

    path = tmp_path / "gemengd.csv"
    path.write_text(
        "case,activity,timestamp\n"
        "Z1,A,2024-01-01T10:00:00\n"  # naive
        "Z1,B,2024-01-02T10:00:00\n"  # naive
        "Z2,A,2024-01-03 09:00\n"  # naive
        "Z2,B,2024-01-04T10:00:00+02:00\n"  # offset +02:00
        "Z3,A,15-01-2024\n"  # unreadable
        "Z3,B,16-01-2024 10:00\n",  # unreadable
        encoding="utf-8",
    )
    quality = log_stats(read_log(path, LogMapping())).to_dict()["quality"]
    assert quality["bad_timestamp"] == 2
    assert quality["naive_timestamps"] == 3
    assert quality["utc_offsets"] == ["+02:00"]


def test_xes_quality_offsets_of_readable_timestamps_only(tmp_path: Path) -> None:
    from procesmap.eventlog import LogMapping, log_stats, read_log

    def event(name: str, stamp: str) -> str:
        return f'<event><string key="concept:name" value="{name}"/><date key="time:timestamp" value="{stamp}"/></event>'

    path = tmp_path / "gemengd.xes"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">'
        '<trace><string key="concept:name" value="c1"/>'
        + event("A", "2024-01-01T10:00:00+01:00")
        + event("B", "31-01-2024")
        + event("C", "2024-01-02T10:00:00")
        + "</trace></log>\n",
        encoding="utf-8",
    )
    quality = log_stats(read_log(path, LogMapping())).to_dict()["quality"]
    assert (quality["bad_timestamp"], quality["naive_timestamps"], quality["utc_offsets"]) == (1, 1, ["+01:00"])


def _roles_problem(tmp_path: Path, text: str, name: str = "rollen.yaml") -> str:
    log = _log(tmp_path)
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = run("log", "stats", str(log), "--roles", name, "--lang", "en", cwd=tmp_path)
    assert result.returncode == 2, result.stdout[:300]
    assert "Traceback" not in result.stderr
    return result.stderr


def test_roles_file_with_a_resource_twice_is_an_error_at_the_second(tmp_path: Path) -> None:
    # a workshop's resource -> role list: Jan is named twice, with two roles; which one counts?
    err = _roles_problem(tmp_path, "jan: behandelaar\npiet: jurist\njan: teamleider\n")
    assert err.startswith("rollen.yaml:3:1: ") and "jan" in err.splitlines()[0], err
    assert "line 1" in err


def test_roles_file_role_that_is_a_list_or_empty_is_an_error_at_its_place(tmp_path: Path) -> None:
    err = _roles_problem(tmp_path, "jan: behandelaar\npiet: [jurist, team-b]\n")
    assert err.startswith("rollen.yaml:2:7: ") and "piet" in err.splitlines()[0], err
    err = _roles_problem(tmp_path, "jan: behandelaar\npiet:\nklaas: jurist\n")
    assert err.startswith("rollen.yaml:2:1: ") and "piet" in err.splitlines()[0], err
    assert len(err.splitlines()) == 2 and err.splitlines()[1].startswith("  hint: "), err


def test_roles_csv_with_a_resource_twice_with_two_roles_is_an_error(tmp_path: Path) -> None:
    err = _roles_problem(tmp_path, "resource,role\njan,behandelaar\npiet,jurist\njan,teamleider\n", "rollen.csv")
    assert err.startswith("rollen.csv:4:1: ") and "jan" in err.splitlines()[0], err


def test_discover_with_a_bad_id_names_the_option_not_a_draft_file(tmp_path: Path) -> None:
    log = _log(tmp_path)
    result = run("log", "discover", str(log), "--id", "Mijn Proces", "-o", "draft.yaml", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    # the same message and hint as `procesmap new "Mijn Proces"` (docs/versions.md: the id rule, e.g. mijn-proces)
    assert lines[0] == "`Mijn Proces` is not a valid process id", lines
    assert "mijn-proces" in lines[1] and lines[1].startswith("  hint: "), lines
    assert not (tmp_path / "draft.yaml").exists()


def test_write_links_to_a_read_only_map_says_how_to_make_it_writable(tmp_path: Path) -> None:
    import stat

    log = _log(tmp_path)
    # one step per activity, named alike, so that --write-links has links to write
    steps = "".join(
        f"  - {{id: s{i}, name: {['Ontvangst', 'Toets beoordeel', 'Advies', 'Besluit nemen'][i]}, role: r, work: 1h"
        + (", type: start" if i == 0 else "")
        + (f", next: s{i + 1}}}\n" if i < len(ACTIVITIES) - 1 else ", type: end}\n")
        for i in range(len(ACTIVITIES))
    )
    path = tmp_path / "map.yaml"
    text = "procesmap: 1\nid: m\nname: M\nowner: r\nvolume: 10/year\nroles:\n  r: {people: 2}\nsteps:\n" + steps
    path.write_text(text, encoding="utf-8")
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    result = run(
        "log", "compare", "map.yaml", str(log), "--write-links", "--min-score", "0.01", "--lang", "en", cwd=tmp_path
    )
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert "cannot write map.yaml: the file is read-only" in lines, lines
    hint = lines[lines.index("cannot write map.yaml: the file is read-only") + 1]
    assert "chmod u+w" in hint and "--write-links" in hint, hint
    assert path.read_text(encoding="utf-8") == text


def test_csv_missing_markers_count_as_no_value_as_documented(tmp_path: Path) -> None:
    # docs/eventlog.md, messy data: Arrow's missing-value markers are no value (a name like None is a name)
    from procesmap.eventlog import LogMapping, log_stats, read_log

    path = tmp_path / "leeg.csv"
    path.write_text(
        "case,activity,timestamp,resource\n"
        "Z1,NA,2024-01-01T10:00,NULL\n"
        "Z1,B,2024-01-02T10:00,N/A\n"
        "Z2,#N/A,2024-01-01T10:00,None\n"
        "Z2,B,2024-01-02T10:00,nan\n",
        encoding="utf-8",
    )
    quality = log_stats(read_log(path, LogMapping())).to_dict()["quality"]
    assert quality["without_activity"] == 2
    assert quality["without_resource"] == 3
