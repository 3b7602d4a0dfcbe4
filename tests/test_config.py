"""Configuration (procesmap.toml, [tool.procesmap]): shape, presets, discovery, precedence, bad config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from procesmap.api import check_paths
from procesmap.config import Config, find_config, load_config, parse_config, preset_severities
from procesmap.errors import LoadError
from procesmap.eventlog.rules import LOG_RULES
from procesmap.rules import RULES

from .conftest import ROOT, run_procesmap

SMALL = """\
procesmap: 1
id: klein
owner: a
language: en
volume: 100/week
roles:
  a: {people: 1, team: t1}
  b: {people: 2, team: t2}
teams:
  t1: {name: T1}
  t2: {name: T2}
steps:
  - {id: s, type: start, role: a, work: 10m, next: w}
  - {id: w, role: b, work: 15m, next: e}
  - {id: e, type: end, role: a}
"""


def problems(text: str, table: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    with pytest.raises(LoadError) as err:
        parse_config(text, "procesmap.toml", table)
    return [(p.line, p.column, p.key) for p in err.value.problems]


def test_full_example_is_read() -> None:
    config = parse_config("""\
extends = "recommended"        # or "all"
language = "nl"
fail_on = "warning"
[simulation]
cases = 500
seed = 7
[rules]
PM102 = "off"
PM204 = "error"
PM303 = { severity = "warning", threshold = 0.9 }
PM302 = { share = 0.1 }
long-wait = { share = 0.3 }
""")
    assert (config.extends, config.language, config.fail_on, config.cases, config.seed) == (
        "recommended",
        "nl",
        "warning",
        500,
        7,
    )
    assert config.severities == {"PM102": "off", "PM204": "error", "PM303": "warning"}
    assert config.options == {"PM303": {"threshold": 0.9}, "PM302": {"share": 0.1}, "PM305": {"share": 0.3}}
    settings = config.settings()
    assert (settings.cases, settings.seed) == (500, 7)
    assert settings.severities["PM102"] == "off" and settings.severities["PM101"] == "warning"
    assert settings.options["PM303"] == {"threshold": 0.9}
    assert config.settings(cases=10, seed=1).cases == 10  # the command line wins


def test_presets() -> None:
    recommended = preset_severities("recommended")
    assert {code: recommended[code] for code in RULES} == {c: m.DEFAULT_SEVERITY.value for c, m in RULES.items()}
    everything = preset_severities("all")
    assert everything["PM102"] == "warning" and everything["PM205"] == "warning" and everything["PM001"] == "warning"
    assert everything["PM201"] == "error" and everything["PM204"] == "warning"
    assert set(everything) == set(RULES) | set(LOG_RULES) | {"PM000", "PM001"}
    assert Config().severity_of("PM001") == "info"
    assert parse_config('extends = "all"\n[rules]\nPM102 = "info"\n').severity_of("PM102") == "info"


def test_every_kind_of_bad_config_has_a_place_and_a_hint() -> None:
    text = """\
extends = "recomended"
language = "fr"
fail_on = "warnin"
colour = true
[simulation]
cases = "1000"
seeds = 3
[rules]
PM102 = "of"
PM303 = { severity = "warning", treshold = 0.9 }
PM302 = { share = -0.1 }
PM305 = { share = "x" }
PM999 = "off"
single-point-of-failur = "off"
PM101 = { threshold = 1 }
PM204 = 3
[rules.PM304]
threshold = true
"""
    assert problems(text) == [
        (1, 11, "config.bad_preset"),
        (2, 12, "config.bad_language"),
        (3, 11, "config.bad_fail_on"),
        (4, 1, "config.unknown_top_key"),
        (6, 9, "config.wrong_type"),
        (7, 1, "config.unknown_key"),
        (9, 9, "config.bad_severity"),
        (10, 33, "config.unknown_key"),
        (11, 19, "config.bad_number"),
        (12, 19, "config.wrong_type"),
        (13, 1, "config.unknown_rule"),
        (14, 1, "config.unknown_rule"),
        (15, 11, "config.no_options"),
        (16, 9, "config.wrong_type"),
        (18, 13, "config.wrong_type"),
    ]
    with pytest.raises(LoadError) as err:
        parse_config(text)
    text_en = err.value.format("en")
    assert (
        "procesmap.toml:1:11: unknown preset 'recomended' in `extends`\n  hint: did you mean \"recommended\"?"
        in text_en
    )
    assert (
        "procesmap.toml:10:33: unknown setting `treshold` in [rules.PM303]\n  hint: did you mean `threshold`?"
        in text_en
    )
    assert (
        "procesmap.toml:14:1: `single-point-of-failur` in [rules] is no rule code or name\n"
        "  hint: did you mean `single-point-of-failure`?" in text_en
    )
    assert (
        "procesmap.toml:12:19: `PM305.share` must be of type number, not string\n  hint: the default is 0.25" in text_en
    )
    assert (
        "procesmap.toml:11:19: `PM302.share` moet een eindig getal van 0 of meer zijn, niet -0.1\n"
        "  tip: de standaardwaarde is 0.05" in err.value.format("nl")
    )


def test_positions_in_pyproject_and_dotted_keys() -> None:
    text = (
        '[project]\nname = "x"\n\n[tool.procesmap]\nrules.PM204 = "eror"\n\n[tool.procesmap.simulation]\nseed = 1.5\n'
    )
    assert problems(text, ("tool", "procesmap")) == [(5, 15, "config.bad_severity"), (8, 8, "config.wrong_type")]
    assert parse_config('[project]\nname = "x"\n', "pyproject.toml", ("tool", "procesmap")) == Config("pyproject.toml")


def test_toml_syntax_error_has_its_position() -> None:
    assert problems('extends = "all"\n[rules\nPM102 = "off"\n') == [(2, 7, "config.syntax")]
    assert problems('language = "nl\n') == [(1, 15, "config.syntax")]


@pytest.mark.parametrize(
    "data, key", [(b'extends = "all"\x00', "config.binary"), (b'language = "\xff"', "load.encoding")]
)
def test_hostile_config_files(tmp_path: Path, data: bytes, key: str) -> None:
    path = tmp_path / "procesmap.toml"
    path.write_bytes(data)
    with pytest.raises(LoadError) as err:
        load_config(path)
    assert [p.key for p in err.value.problems] == [key]


def test_discovery_nearest_wins_and_stops_at_the_repository(tmp_path: Path) -> None:
    outer = tmp_path / "outer"
    repo = outer / "repo"
    deep = repo / "a" / "b"
    deep.mkdir(parents=True)
    (outer / "procesmap.toml").write_text('language = "en"\n')
    (repo / ".git").mkdir()
    assert find_config(deep / "x.yaml") is None  # the repository root stops the walk
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(deep / "x.yaml") is None  # a pyproject.toml without [tool.procesmap] is passed over
    (repo / "pyproject.toml").write_text('[tool.procesmap]\nlanguage = "nl"\n')
    assert find_config(deep / "x.yaml") == (repo / "pyproject.toml").absolute()
    (repo / "procesmap.toml").write_text('language = "en"\n')
    assert find_config(deep / "x.yaml") == (repo / "procesmap.toml").absolute()  # beats pyproject.toml
    (deep / "procesmap.toml").write_text("")
    assert find_config(deep / "x.yaml") == (deep / "procesmap.toml").absolute()  # nearest wins
    (repo / ".git").rmdir()
    (repo / "procesmap.toml").unlink()
    (repo / "pyproject.toml").unlink()
    assert find_config(repo / "x.yaml") == (outer / "procesmap.toml").absolute()


def test_config_drives_the_analysis_and_the_command_line_wins(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "klein.yaml").write_text(SMALL)
    (tmp_path / "procesmap.toml").write_text(
        '[simulation]\ncases = 300\nseed = 4\n[rules]\nPM102 = "off"\nPM204 = "error"\nPM303 = {threshold = 0.4}\n'
    )
    results, errors = check_paths([tmp_path / "klein.yaml"])
    assert errors == []
    analysis = results[0].analysis
    assert (analysis.time.cases, analysis.time.seed) == (300, 4)
    # a: 47% utilised, b: 35%; with queueing from capacity the start step s waits for the next
    # working hour (a Poisson arrival in a 40-hour week: 2,560/168 = 15.24 h on average) plus a's
    # queue, most of this short cycle, so PM305 (info) reports it
    assert [(f.code, f.severity.value, f.subject) for f in analysis.findings] == [
        ("PM204", "error", "a"),
        ("PM303", "warning", "a"),
        ("PM305", "info", "s"),
    ]
    results, _ = check_paths([tmp_path / "klein.yaml"], cases=100, seed=9)
    assert (results[0].analysis.time.cases, results[0].analysis.time.seed) == (100, 9)
    other = tmp_path / "other.toml"
    other.write_text('extends = "all"\n')
    results, _ = check_paths([tmp_path / "klein.yaml"], config=other)
    assert [(f.code, f.severity.value) for f in results[0].analysis.findings] == [
        ("PM204", "warning"),
        ("PM305", "warning"),
        ("PM102", "warning"),
        ("PM102", "warning"),
    ]


_run = run_procesmap


def test_bad_config_exits_2_like_bad_yaml(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "klein.yaml").write_text(SMALL)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.procesmap]\nextends = "all"\n[tool.procesmap.rules]\nPM204 = "eror"\n'
    )
    for command in ("analyse", "check"):
        result = _run(command, "klein.yaml", "--lang", "en", cwd=tmp_path)
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr + result.stdout
        assert "pyproject.toml:4:9: " in result.stderr + result.stdout
        assert 'did you mean "error"?' in result.stderr + result.stdout


def test_language_and_fail_on_from_config(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "klein.yaml").write_text(SMALL)
    (tmp_path / "procesmap.toml").write_text('language = "nl"\nfail_on = "warning"\n[simulation]\ncases = 200\n')
    result = _run("analyse", "klein.yaml", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1  # PM204 is a warning, and the configuration fails on warnings
    data = json.loads(result.stdout)
    assert data["findings"][0]["message"].startswith("rol a is één persoon")
    assert data["suppressed"] == []
    assert _run("analyse", "klein.yaml", "--fail-on", "error", "--format", "json", cwd=tmp_path).returncode == 0
    english = _run("check", "klein.yaml", "--lang", "en", cwd=tmp_path)
    assert english.stdout.startswith("klein.yaml:7:3: PM204 role a is one person")
    assert english.returncode == 1


def test_project_root_has_no_procesmap_config() -> None:
    """The bundled maps are analysed with the defaults (the golden files rely on it)."""
    assert find_config(ROOT / "processes" / "wmo-melding.yaml") is None


def test_a_wrong_type_is_named_in_the_message_language() -> None:
    """Dutch says "geheel getal" and "tekst" where English says TOML's "integer" and "string" (the Dutch message
    named the English types: "moet van het type integer zijn, niet string")."""
    with pytest.raises(LoadError) as err:
        parse_config('[simulation]\ncases = "veel"\n[rules]\nPM305 = { share = "x" }\n')
    dutch = err.value.format("nl")
    assert "`simulation.cases` moet een geheel getal zijn, geen tekst" in dutch
    assert "moet een getal zijn, geen tekst" in dutch  # PM305's share, a number option
    english = err.value.format("en")
    assert "`simulation.cases` must be of type integer, not string" in english
    assert "integer" not in dutch and "string" not in dutch
