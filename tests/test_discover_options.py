"""`procesmap log discover`'s options: a value that means nothing is refused before the log is read, with the
option, the value and an example (exit 2, never a traceback); --activities and --min-activity-share together are
refused (one was ignored); the draft says when no activity passes --min-activity-share and when cases drop out."""

from __future__ import annotations

from pathlib import Path

import pytest

from procesmap.errors import UsageError

from .conftest import SHARED, need_shared, run_procesmap

RUNNING = SHARED / "data" / "event-logs" / "running-example.csv"


def _csv(folder: Path, name: str, cases: dict[int, list[str]]) -> Path:
    """A log: each case's activities one day apart, from 1 January 2024."""
    lines = ["case,activity,timestamp"]
    for case, activities in cases.items():
        lines += [f"{case},{a},2024-01-{1 + i:02d}T09:00:00" for i, a in enumerate(activities)]
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("option", "value", "message", "hint"),
    [
        ("--min-activity-share", "-0.1", "--min-activity-share is a share from 0 to 1, not -0.1", "0.05: leave out"),
        (
            "--min-activity-share",
            "5",
            "--min-activity-share is a share from 0 to 1, not 5",
            "--min-activity-share 0.05",
        ),
        ("--min-activity-share", "1.5", "--min-activity-share is a share from 0 to 1, not 1.5", "0.05: leave out"),
        ("--coverage", "0", "--coverage is a share more than 0 and at most 1, not 0", "--coverage 0.8: the most"),
        ("--coverage", "80", "--coverage is a share more than 0 and at most 1, not 80", "percentage: --coverage 0.8"),
        ("--coverage", "nan", "--coverage is a share more than 0 and at most 1, not nan", "--coverage 0.8: the most"),
        ("--activities", "70", "--activities is a share more than 0 and at most 1, not 70", "--activities 0.7"),
        ("--paths", "-0.5", "--paths is a share more than 0 and at most 1, not -0.5", "--paths 0.5: the most"),
    ],
)
def test_a_value_that_means_nothing_is_refused_before_the_log_is_read(
    tmp_path: Path, option: str, value: str, message: str, hint: str
) -> None:
    missing = tmp_path / "not-there.csv"  # the option is refused first: the log is never opened
    done = run_procesmap("log", "discover", str(missing), option, value, env={"PROCESMAP_LANG": "en"})
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert lines[0] == message
    assert hint in lines[1]
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_dutch(tmp_path: Path) -> None:
    done = run_procesmap(
        "log", "discover", str(tmp_path / "x.csv"), "--min-activity-share", "5", env={"PROCESMAP_LANG": "nl"}
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "--min-activity-share is een aandeel van 0 tot en met 1, niet 5",
        "  tip: een aandeel, geen percentage: --min-activity-share 0.05",
    ]


def test_the_edges_are_accepted(tmp_path: Path) -> None:
    log = _csv(tmp_path, "log.csv", {1: ["a", "b"], 2: ["a", "c"]})
    for args in (["--coverage", "1"], ["--min-activity-share", "0"], ["--min-activity-share", "1"], ["--paths", "1"]):
        done = run_procesmap("log", "discover", str(log), *args, env={"PROCESMAP_LANG": "en"})
        assert done.returncode == 0, (args, done.stderr)


def test_activities_and_min_activity_share_together_are_refused(tmp_path: Path) -> None:
    log = _csv(tmp_path, "log.csv", {1: ["a", "b"]})
    done = run_procesmap(
        "log", "discover", str(log), "--activities", "0.5", "--min-activity-share", "0.2", env={"PROCESMAP_LANG": "en"}
    )
    assert done.returncode == 2
    assert done.stderr.startswith("--activities and --min-activity-share both choose the activities")
    alone = run_procesmap("log", "discover", str(log), "--activities", "0.5", env={"PROCESMAP_LANG": "en"})
    assert alone.returncode == 0, alone.stderr  # the default of --min-activity-share is no clash


def test_the_library_refuses_the_same_values() -> None:
    from procesmap.eventlog import LogMapping, check_discover_options, discover, read_log

    check_discover_options(0.8, 0.0, None, 1.0)  # the edges
    for kwargs in ({"min_activity_share": 2.0}, {"min_activity_share": -0.1}, {"coverage": 0.0}, {"paths": 1.5}):
        with pytest.raises(UsageError):
            check_discover_options(**kwargs)  # type: ignore[arg-type]
    log = read_log(need_shared(RUNNING), LogMapping())
    with pytest.raises(UsageError) as caught:
        discover(log, min_activity_share=2.0)  # left out every activity but one, without a word
    assert caught.value.key == "discover.share_from_zero"


def test_when_no_activity_passes_and_cases_drop_out_the_draft_says_so(tmp_path: Path) -> None:
    """Case 1 does a, b; case 2 c, d: no activity is in every case, so the draft keeps the most frequent (a, by
    name among equals) and case 2, which has no a, is in no variant of it."""
    from procesmap.eventlog import LogMapping, discover, read_log
    from procesmap.loading import loads

    log = read_log(_csv(tmp_path, "twee.csv", {1: ["a", "b"], 2: ["c", "d"]}), LogMapping())
    text = discover(log, min_activity_share=1.0, lang="en")
    assert [step.id for step in loads(text, "twee.yaml").steps] == ["a", "end"]
    comments = [line for line in text.splitlines() if line.startswith("#")]
    assert "# No activity is in at least 100.0% of the cases: the draft keeps the most frequent, a" in comments
    assert "# 1 of the 2 cases in the log has none of the activities kept: it is not in this draft" in comments


def test_one_activity_kept_by_activities_reads_in_the_singular(tmp_path: Path) -> None:
    from procesmap.eventlog import LogMapping, discover, read_log

    log = read_log(_csv(tmp_path, "een.csv", {1: ["a", "b"], 2: ["a", "b"], 3: ["a"]}), LogMapping())
    text = discover(log, activities=1.0, lang="en")
    assert "# Left out (--activities): all but the activity in the most cases: b" in text.splitlines()
    nl = discover(log, activities=1.0, lang="nl")
    assert "# Weggelaten (--activities): alles behalve de activiteit in de meeste zaken: b" in nl.splitlines()


def test_help_says_the_range_and_the_default() -> None:
    done = run_procesmap("log", "discover", "--help", env={"PROCESMAP_LANG": "en"})
    text = " ".join(done.stdout.split())  # as wrapped to the terminal
    assert "Leave out activities in fewer than this share of the cases (0-1; default 0.05 = 5%)." in text
    assert "most frequent first (0-1; 0.8 = 80%)." in text
