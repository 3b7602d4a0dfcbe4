"""Defects from the user-acceptance review, each as a user meets it on the command line.

1. --output never replaces an input (also one found in a folder argument), in every command.
2. ``log discover -o`` refuses an existing file unless --force, like ``import bpmn`` and ``new``.
3. ``overview -o`` writes through the shared path: a missing folder or a folder is a message.
4/5. --seed below 0 and --cases above MAX_CASES: exit 2 with a hint, in the library too.
6. An unreadable input: our own "cannot read" in the chosen language, PM000 in every check format.
7. ``overview`` takes the Language and FailOn enums of analyse; the --output suffix picks the format.
8. ``overview``: the findings that make exit code 1 are in the output.
9. ``analyse --set`` errors in the chosen language.
10. ``procesmap rules`` knows PM000, PM001 and PM601-PM607.
11. ``new``: the id rule, the hint and its example agree (no underscores).
12. Load errors in one language order for ``check`` and ``analyse``.
13. ``--roles``, an unreadable folder and an unreadable .bpmn file: our own message, place and fitting hint.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import procesmap

from .conftest import ROOT, need, need_tool

BASE = """\
procesmap: 1
id: base
name: Basis
owner: tl
language: nl
term: 8w
volume: 100/year
roles:
  tl: {name: Teamleider, people: 2}
  mw: {name: Medewerker, people: 3}
steps:
  - {id: start, type: start, role: mw, work: 15m, next: behandelen}
  - {id: behandelen, role: mw, work: 2h, wait: 2d, next: besluit}
  - {id: besluit, type: end, role: tl, work: 30m}
"""

LOG = """\
case,activity,timestamp,resource
1,Start,2024-03-04T09:00:00+01:00,Anna
1,Behandelen,2024-03-05T09:00:00+01:00,Bram
1,Besluit,2024-03-06T09:00:00+01:00,Anna
2,Start,2024-03-04T09:00:00+01:00,Anna
2,Behandelen,2024-03-06T09:00:00+01:00,Bram
2,Besluit,2024-03-07T09:00:00+01:00,Anna
"""


def run(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None, prefix: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "PROCESMAP_LANG": "",
        "LANG": "C.UTF-8",
        "LC_ALL": "",
        "LC_MESSAGES": "",
        "COLUMNS": "120",
        **(env or {}),
    }
    return subprocess.run(
        [*prefix, sys.executable, "-m", "procesmap", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
    )


def clean(result: subprocess.CompletedProcess[str]) -> None:
    """Never a traceback, never typer's generic English usage error."""
    assert "Traceback" not in result.stderr, result.stderr
    assert "Usage:" not in result.stderr and "Invalid value" not in result.stderr, result.stderr


@pytest.fixture
def base(tmp_path: Path) -> Path:
    path = tmp_path / "base.yaml"
    path.write_text(BASE, encoding="utf-8")
    return path


# -- 1. --output is never one of the inputs --------------------------------------------------------------------


def _refused(result: subprocess.CompletedProcess[str], lang: str = "en") -> None:
    assert result.returncode == 2, (result.args, result.stdout, result.stderr)
    clean(result)
    assert ("choose another --output" if lang == "en" else "kies een andere --output") in result.stderr


def test_output_that_is_the_input_map_is_refused_by_every_command(tmp_path: Path, base: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(LOG, encoding="utf-8")
    before = base.read_bytes()
    commands = [
        ("analyse", str(base), "-o", str(base)),
        ("check", str(base), "-o", str(base)),
        ("diagram", str(base), "-o", str(base)),
        ("diagram", str(base), "--format", "svg", "-o", str(base)),
        ("export", "bpmn", str(base), "-o", str(base)),
        ("overview", str(base), "-o", str(base)),
        ("diff", str(base), "--set", "roles.mw.people=4", "-o", str(base)),
        ("log", "compare", str(base), str(log), "-o", str(base)),
    ]
    for command in commands:
        _refused(run(*command, "--lang", "en"))
        assert base.read_bytes() == before, command
    for command in (
        ("log", "stats", str(log), "-o", str(log)),
        ("log", "discover", str(log), "-o", str(log), "--force"),
    ):
        _refused(run(*command, "--lang", "en"))
        assert log.read_text(encoding="utf-8") == LOG, command


def test_output_inside_a_folder_argument_another_spelling_or_a_link_is_refused(tmp_path: Path, base: Path) -> None:
    before = base.read_bytes()
    _refused(run("analyse", str(tmp_path), "-o", str(base), "--lang", "nl"), "nl")  # found in the folder
    _refused(run("check", ".", "-o", "base.yaml", "--lang", "en", cwd=tmp_path))
    _refused(run("analyse", "base.yaml", "-o", str(tmp_path / "." / "base.yaml"), "--lang", "en", cwd=tmp_path))
    link = tmp_path / "link.yaml"
    os.link(base, link)  # a hard link: the same file under another name
    _refused(run("analyse", str(base), "-o", str(link), "--lang", "en"))
    config = tmp_path / "procesmap.toml"
    config.write_text("[simulation]\ncases = 100\n", encoding="utf-8")
    _refused(run("analyse", str(base), "--config", str(config), "-o", str(config), "--lang", "en"))
    assert base.read_bytes() == before and config.read_text() == "[simulation]\ncases = 100\n"


def _bpmn_file(tmp_path: Path) -> Path:
    """A BPMN file of our own (the export of a bundled map), so that these tests need no third-party data."""
    from procesmap.bpmn import export_bpmn

    folder = tmp_path / "source"
    folder.mkdir()
    path = folder / "omgevingsvergunning.bpmn"
    path.write_bytes(export_bpmn(procesmap.load(ROOT / "processes" / "omgevingsvergunning.yaml")))
    return path


def test_output_that_is_the_input_bpmn_is_refused_even_with_force(tmp_path: Path) -> None:
    source = _bpmn_file(tmp_path)
    model = tmp_path / "model.bpmn"
    shutil.copy(source, model)
    before = model.read_bytes()
    _refused(run("import", "bpmn", str(model), "-o", str(model), "--force", "--lang", "en"))
    assert model.read_bytes() == before


def test_output_elsewhere_still_works(tmp_path: Path, base: Path) -> None:
    result = run("analyse", str(base), "-o", str(tmp_path / "rapport.md"), "--cases", "200")
    assert result.returncode in (0, 1), result.stderr
    assert (tmp_path / "rapport.md").read_text(encoding="utf-8").startswith("# ")


def test_output_clash_library() -> None:
    from procesmap.api import output_clash

    folder = ROOT / "processes"
    assert output_clash(folder / "wmo-melding.yaml", [folder]) == str(folder / "wmo-melding.yaml")
    assert output_clash(folder / "wmo-melding.yaml", [folder / "bezwaarschrift.yaml"]) is None
    assert output_clash(folder / "bestaat-niet.json", [folder]) is None


# -- 2. log discover: an existing file needs --force -------------------------------------------------------------


def test_log_discover_refuses_an_existing_file_unless_force(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(LOG, encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    mine.write_text("mijn werk\n", encoding="utf-8")
    refused = run("log", "discover", str(log), "-o", str(mine), "--lang", "nl")
    assert refused.returncode == 2, refused.stderr
    clean(refused)
    assert "bestaat al" in refused.stderr and "--force" in refused.stderr
    assert mine.read_text(encoding="utf-8") == "mijn werk\n"
    forced = run("log", "discover", str(log), "-o", str(mine), "--force", "--lang", "en")
    assert forced.returncode == 0, forced.stderr
    assert "procesmap: 1" in mine.read_text(encoding="utf-8")
    fresh = run("log", "discover", str(log), "-o", str(tmp_path / "new.yaml"))
    assert fresh.returncode == 0 and (tmp_path / "new.yaml").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.csv", "mine.yaml", "new.yaml"]  # no temporary files left


def test_import_bpmn_uses_the_same_refusal(tmp_path: Path) -> None:
    source = _bpmn_file(tmp_path)
    mine = tmp_path / "mine.yaml"
    mine.write_text("mijn werk\n", encoding="utf-8")
    result = run("import", "bpmn", str(source), "-o", str(mine), "--lang", "en")
    assert result.returncode == 2 and "already exists" in result.stderr and "--force" in result.stderr
    assert mine.read_text(encoding="utf-8") == "mijn werk\n"


def test_write_atomic_without_overwrite(tmp_path: Path) -> None:
    from procesmap._io import write_atomic

    target = tmp_path / "a.txt"
    write_atomic(target, "een", overwrite=False)
    with pytest.raises(FileExistsError):
        write_atomic(target, "twee", overwrite=False)
    assert target.read_text() == "een" and [p.name for p in tmp_path.iterdir()] == ["a.txt"]


# -- 3. overview writes through the shared path ------------------------------------------------------------------


def test_overview_output_to_a_missing_folder_or_a_folder(tmp_path: Path, base: Path) -> None:
    missing = run("overview", str(base), "-o", str(tmp_path / "nodir" / "x.out"), "--lang", "nl", "--cases", "100")
    assert missing.returncode == 2 and "niet schrijven" in missing.stderr
    clean(missing)
    folder = tmp_path / "somedir"
    folder.mkdir()
    directory = run("overview", str(base), "-o", str(folder), "--lang", "en", "--cases", "100")
    assert directory.returncode == 2 and "cannot write" in directory.stderr
    clean(directory)


# -- 4/5. --seed and --cases -----------------------------------------------------------------------------------


def test_negative_seed_is_a_usage_error_in_every_command(tmp_path: Path, base: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text(LOG, encoding="utf-8")
    for command in (
        ("analyse", str(base)),
        ("check", str(base)),
        ("diff", str(base), str(base)),
        ("overview", str(base)),
        ("log", "compare", str(base), str(log)),
    ):
        result = run(*command, "--seed", "-1", "--lang", "en")
        assert result.returncode == 2, (command, result.stderr)
        clean(result)
        assert "--seed must be 0 or more, not -1" in result.stderr and "hint:" in result.stderr


def test_too_many_cases_is_a_usage_error(base: Path) -> None:
    for command in ("analyse", "check", "overview"):
        result = run(command, str(base), "--cases", "99999999999", "--lang", "nl")
        assert result.returncode == 2, result.stderr
        clean(result)
        assert "--cases mag hoogstens 10000000 zijn" in result.stderr and "tip:" in result.stderr
    negative = run("diff", str(base), str(base), "--cases", "-5", "--lang", "en")
    assert negative.returncode == 2 and "--cases must be 0 or more" in negative.stderr


def test_settings_validate_for_notebook_users(base: Path) -> None:
    import procesmap
    from procesmap.analysis import MAX_CASES, Settings
    from procesmap.errors import UsageError

    process = procesmap.load(base)
    for bad in ({"seed": -1}, {"cases": -1}, {"cases": MAX_CASES + 1}, {"cases": 2.5}):
        with pytest.raises(UsageError) as caught:
            Settings(**bad)  # type: ignore[arg-type]
        assert "hint" in caught.value.format("en")
        with pytest.raises(UsageError):
            procesmap.analyse(process, **bad)
    assert Settings(cases=MAX_CASES, seed=0).cases == MAX_CASES
    assert "at most 10000000" in UsageError(
        "settings.too_many_cases", "hint.settings.cases", name="cases", value=MAX_CASES + 1, limit=MAX_CASES
    ).format("en")


def test_configuration_with_too_many_cases_or_a_negative_seed(tmp_path: Path, base: Path) -> None:
    config = tmp_path / "procesmap.toml"
    config.write_text("[simulation]\ncases = 100000000\nseed = -1\n", encoding="utf-8")
    result = run("check", str(base), "--lang", "en")
    assert result.returncode == 2
    clean(result)
    assert "procesmap.toml:2:9:" in result.stdout and "at most 10000000" in result.stdout
    assert "procesmap.toml:3:8:" in result.stdout and "`simulation.seed` must be 0 or more" in result.stdout


# -- 6. unreadable inputs ----------------------------------------------------------------------------------------


def _without_read_permission() -> tuple[str, ...]:
    """A prefix that runs procesmap without the right to read a chmod 000 file (root: drop the capabilities)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return ()
    setpriv = need_tool("setpriv", "as root, chmod 000 does not stop reading without it; apt-get install util-linux")
    probe = subprocess.run(
        [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--", "true"], capture_output=True
    )
    need(probe.returncode == 0, "setpriv cannot drop capabilities here, and as root chmod 000 does not stop reading")
    return (setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--")


@pytest.fixture
def unreadable(tmp_path: Path) -> dict[str, Path]:
    files = {"map": tmp_path / "f.yaml", "log": tmp_path / "log.csv", "bpmn": tmp_path / "m.bpmn"}
    files["map"].write_text(BASE, encoding="utf-8")
    files["log"].write_text(LOG, encoding="utf-8")
    files["bpmn"].write_text("<definitions/>", encoding="utf-8")
    for path in files.values():
        path.chmod(0)
    yield files
    for path in files.values():
        path.chmod(0o644)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_unreadable_input_is_our_own_message_in_the_chosen_language(unreadable: dict[str, Path], lang: str) -> None:
    prefix = _without_read_permission()
    expected = "kan niet gelezen worden" if lang == "nl" else "cannot read"
    hint = "tip:" if lang == "nl" else "hint:"
    path = str(unreadable["map"])
    commands = [
        ("analyse", path),
        ("check", path),
        ("fmt", path),
        ("diagram", path, "--format", "svg"),
        ("export", "bpmn", path),
        ("overview", path),
        ("diff", path, path),
        ("log", "stats", str(unreadable["log"])),
        ("import", "bpmn", str(unreadable["bpmn"])),
    ]
    for command in commands:
        result = run(*command, "--lang", lang, prefix=prefix)
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        clean(result)
        output = result.stdout + result.stderr
        assert expected in output or ("niet lezen" if lang == "nl" else "cannot read") in output, (command, output)
        assert hint in output, (command, output)


def test_check_reports_an_unreadable_file_as_pm000_in_every_format(unreadable: dict[str, Path]) -> None:
    prefix = _without_read_permission()
    path = str(unreadable["map"])
    plain = run("check", path, "--lang", "en", prefix=prefix)
    assert plain.returncode == 2
    assert f"{path}:1:1: error cannot read the file" in plain.stdout and "hint:" in plain.stdout
    github = run("check", path, "--format", "github", "--lang", "en", prefix=prefix)
    assert github.returncode == 2 and "::error file=" in github.stdout and "title=PM000 Invalid input" in github.stdout
    gitlab = run("check", path, "--format", "gitlab", "--lang", "en", prefix=prefix)
    issues = json.loads(gitlab.stdout)
    assert gitlab.returncode == 2 and [i["check_name"] for i in issues] == ["PM000"]
    assert issues[0]["severity"] == "blocker"
    sarif = run("check", path, "--format", "sarif", "--lang", "nl", prefix=prefix)
    results = json.loads(sarif.stdout)["runs"][0]["results"]
    assert sarif.returncode == 2 and [r["ruleId"] for r in results] == ["PM000"]
    assert "kan niet gelezen worden" in results[0]["message"]["text"]


# -- 7. overview options as in analyse -------------------------------------------------------------------------


def test_overview_rejects_an_unknown_language_and_fail_on(base: Path) -> None:
    french = run("overview", str(base), "--lang", "fr")
    assert french.returncode == 2 and "Traceback" not in french.stderr and "--lang" in french.stderr
    bogus = run("overview", str(base), "--fail-on", "bogus")
    assert bogus.returncode == 2 and "--fail-on" in bogus.stderr and "format" not in bogus.stderr
    bad_format = run("overview", str(base), "--format", "pdf", "--lang", "en")
    assert bad_format.returncode == 2 and "unknown format `pdf`" in bad_format.stderr


def test_overview_output_suffix_chooses_the_format(tmp_path: Path, base: Path) -> None:
    for name, check in (
        ("ov.md", lambda text: text.startswith("# ") and "|---|" in text),
        ("ov.json", lambda text: json.loads(text)["format"] == 1),
        ("ov.txt", lambda text: "┃" in text or "│" in text),
    ):
        out = tmp_path / name
        result = run("overview", str(base), "-o", str(out), "--cases", "200")
        assert result.returncode in (0, 1), result.stderr
        assert check(out.read_text(encoding="utf-8")), name
    forced = tmp_path / "forced.md"
    run("overview", str(base), "-o", str(forced), "--format", "json", "--cases", "200")
    assert json.loads(forced.read_text(encoding="utf-8"))["format"] == 1  # --format wins over the suffix


# -- 8. overview: exit code and output agree -------------------------------------------------------------------


def test_overview_shows_the_findings_that_make_it_exit_1() -> None:
    result = run("overview", "processes", "--lang", "nl", "--cases", "500")
    assert result.returncode == 1, result.stderr
    findings = result.stdout.split("Bevindingen\n")[-1]
    assert "PM304" in findings and "team-dienstverlening-geen-backup.yaml" in findings
    assert "Geen bevindingen" not in findings
    markdown = run("overview", "processes", "--format", "markdown", "--lang", "en", "--cases", "500")
    assert markdown.returncode == 1 and "**PM304**" in markdown.stdout.split("## Findings")[-1]
    relaxed = run("overview", "processes", "--fail-on", "error", "--format", "json", "--cases", "500")
    data = json.loads(relaxed.stdout)
    assert relaxed.returncode == 1 and sum(p["findings"]["error"] for p in data["processes"]) >= 1


def test_overview_without_findings_at_the_threshold_exits_0(base: Path) -> None:
    result = run("overview", str(base), "--lang", "en", "--cases", "200")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout.split("Findings\n")[-1]
    strict = run("overview", str(base), "--lang", "en", "--cases", "200", "--fail-on", "info")
    assert strict.returncode == 1 and "PM305" in strict.stdout.split("Findings\n")[-1]


def test_overview_honours_suppressions_like_analyse(tmp_path: Path) -> None:
    """The same map with and without a suppression: overview counts, lists and exits as analyse reports."""

    def both(text: str) -> tuple[dict[str, int], dict[str, int], list[tuple[str, str]], str, int, int]:
        path = tmp_path / "base.yaml"
        path.write_text(text, encoding="utf-8")
        analysed = run("analyse", str(path), "--format", "json", "--cases", "200", "--fail-on", "info")
        findings = [(f["code"], f["subject"]) for f in json.loads(analysed.stdout)["findings"]]
        by_severity = {level: 0 for level in ("error", "warning", "info")}
        for finding in json.loads(analysed.stdout)["findings"]:
            by_severity[finding["severity"]] += 1
        data = run("overview", str(path), "--format", "json", "--cases", "200", "--lang", "en")
        [process] = json.loads(data.stdout)["processes"]
        terminal = run(
            "overview", str(path), "--fail-on", "info", "--cases", "200", "--lang", "en", env={"COLUMNS": "200"}
        )
        return process["findings"], by_severity, findings, terminal.stdout, analysed.returncode, terminal.returncode

    counts, expected, findings, text, analyse_code, overview_code = both(BASE)
    assert findings == [("PM305", "behandelen")]  # 2 of 2.1 days wait: PM305 (info)
    assert counts == expected == {"error": 0, "warning": 0, "info": 1}
    assert "PM305" in text and analyse_code == overview_code == 1

    suppressed = BASE.replace(
        "  - {id: behandelen, role: mw, work: 2h, wait: 2d, next: besluit}",
        "  # procesmap: ignore[PM305] wachten op de post\n"
        "  - {id: behandelen, role: mw, work: 2h, wait: 2d, next: besluit}",
    )
    counts, expected, findings, text, analyse_code, overview_code = both(suppressed)
    assert findings == []
    assert counts == expected == {"error": 0, "warning": 0, "info": 0}
    assert "PM305" not in text and analyse_code == overview_code == 0


# -- 9. --set errors in the chosen language --------------------------------------------------------------------


def test_set_error_in_the_chosen_language(base: Path) -> None:
    dutch = run("analyse", str(base), "--lang", "nl", "--set", "roles.mw.peple=2")
    assert dutch.returncode == 2 and "verwijst naar niets" in dutch.stderr and "tip:" in dutch.stderr
    clean(dutch)
    english = run("analyse", str(base), "--lang", "en", "--set", "roles.mw.peple=2")
    assert english.returncode == 2 and "names nothing" in english.stderr and "hint:" in english.stderr


# -- 10. procesmap rules: every code the tool reports -------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_rules_lists_meta_and_log_codes(lang: str) -> None:
    listing = run("rules", "--lang", lang, env={"COLUMNS": "200"})
    assert listing.returncode == 0
    for code in ("PM000", "PM001", "PM101", "PM501", *(f"PM60{i}" for i in range(1, 8))):
        assert code in listing.stdout, code
    assert ("log compare" in listing.stdout) and ("docs/ci.md" in listing.stdout)


@pytest.mark.parametrize(
    "code,words",
    [
        ("PM601", ("low-fitness", "log compare", "Melding ontvangen")),
        ("pm607", ("term-exceeded-in-practice", "log compare")),
        ("low-fitness", ("PM601",)),
        ("PM001", ("unused-suppression", "ignore[PM204]")),
        ("unused-suppression", ("PM001",)),
        ("PM000", ("invalid-input", "1 uur")),
    ],
)
def test_rules_explains_meta_and_log_codes(code: str, words: tuple[str, ...]) -> None:
    for lang, why in (("en", "Why this matters"), ("nl", "Waarom dit ertoe doet")):
        result = run("rules", code, "--lang", lang)
        assert result.returncode == 0, result.stderr
        assert why in result.stdout
        for word in words:
            assert word in result.stdout, (code, lang, word)
    unknown = run("rules", "PM699")
    assert unknown.returncode == 2 and "PM699" in unknown.stderr


def test_meta_examples_do_what_they_say(tmp_path: Path) -> None:
    from procesmap.api import check_paths
    from procesmap.rules_docs import META_EXAMPLES

    for code, (example, fixed) in META_EXAMPLES.items():
        for name, text, expect in (("example", example, True), ("fixed", fixed, False)):
            folder = tmp_path / f"{code}-{name}"
            folder.mkdir()
            (folder / "melding.yaml").write_text(text, encoding="utf-8")
            results, problems = check_paths([folder / "melding.yaml"], cases=100)
            codes = {f.code for r in results for f in r.findings}
            got = bool(problems) if code == "PM000" else code in codes
            assert got is expect, (code, name, problems, codes)


# -- 11. new: id rule, hint and example agree -------------------------------------------------------------------


def test_new_id_follows_the_map_id_rule_and_the_hint_example_passes_it(tmp_path: Path) -> None:
    bad = run("new", "Bad_ID", "--lang", "en", cwd=tmp_path)
    assert bad.returncode == 2 and "e.g. `bad_id`" in bad.stderr and "underscores" in bad.stderr
    spaced = run("new", "KCC vraag", "--lang", "nl", cwd=tmp_path)
    assert spaced.returncode == 2 and "`kcc-vraag`" in spaced.stderr
    assert list(tmp_path.iterdir()) == []
    for good in ("bad_id", "bad-id"):  # the same rule as an id inside a map: both load
        made = run("new", good, cwd=tmp_path)
        assert made.returncode == 0 and (tmp_path / f"{good}.yaml").is_file()


def test_new_hint_example_always_passes_the_rule() -> None:
    from procesmap.errors import UsageError
    from procesmap.model import SLUG
    from procesmap.starter import _check_id

    for text in ("Bad_ID", "KCC Vraag", "__", "a" * 150, "Één_proces--2", "-x-", "Omgevings_vergunning_2"):
        try:
            _check_id(text)
        except UsageError as err:
            example = err.format("en").rsplit("`", 2)[-2]
            assert SLUG.match(example) and len(example) <= 100, (text, example)
            _check_id(example)


# -- 12. one language order for load errors ----------------------------------------------------------------------


def test_check_and_analyse_print_load_errors_in_the_same_language(tmp_path: Path, base: Path) -> None:
    (tmp_path / "kapot.yaml").write_text("procesmap: 1\nid: kapot\nsteps:\n\t- {id: a}\n", encoding="utf-8")
    check = run("check", str(tmp_path))
    analyse = run("analyse", str(tmp_path), "--cases", "100")
    # no --lang, LANG=C.UTF-8: the language of the map that loads (nl) for both
    assert "tab in de inspringing" in check.stdout and "tab in de inspringing" in analyse.stderr
    english = run("check", str(tmp_path), env={"PROCESMAP_LANG": "en"})
    analyse_en = run("analyse", str(tmp_path), "--cases", "100", env={"PROCESMAP_LANG": "en"})
    assert "a tab in the indentation" in english.stdout and "a tab in the indentation" in analyse_en.stderr
    base.unlink()  # nothing loads: the locale (C: English) for both
    check = run("check", str(tmp_path))
    analyse = run("analyse", str(tmp_path))
    assert "a tab in the indentation" in check.stdout and "a tab in the indentation" in analyse.stderr
    dutch_locale = run("analyse", str(tmp_path), env={"LANG": "nl_NL.UTF-8"})
    assert "tab in de inspringing" in dutch_locale.stderr


# -- 13. --roles, unreadable folders and .bpmn files ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_roles_file_errors_are_our_own_with_place_and_hint(tmp_path: Path, lang: str) -> None:
    log = tmp_path / "log.csv"
    log.write_text(LOG, encoding="utf-8")
    hint = "tip:" if lang == "nl" else "hint:"
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("Anna: behandelaar\nM\u00fcller: teamleider\n".encode("latin-1"))
    result = run("log", "stats", str(log), "--roles", str(latin1), "--lang", lang)
    clean(result)
    assert result.returncode == 2 and f"{latin1}:2:2: " in result.stderr and "0xfc" in result.stderr, result.stderr
    assert ("geen UTF-8-tekst" if lang == "nl" else "not UTF-8 text") in result.stderr and hint in result.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("Anna: behandelaar\nBram: [teamleider\n", encoding="utf-8")
    result = run("log", "stats", str(log), "--roles", str(broken), "--lang", lang)
    clean(result)
    assert result.returncode == 2 and f"{broken}:3:1: " in result.stderr, result.stderr
    assert ("geen geldige YAML" if lang == "nl" else "not valid YAML") in result.stderr
    assert ("haakje is niet gesloten" if lang == "nl" else "bracket is not closed") in result.stderr
    assert "flow sequence" not in result.stderr and hint in result.stderr
    missing = run("log", "stats", str(log), "--roles", str(tmp_path / "nowhere.yaml"), "--lang", lang)
    clean(missing)
    assert missing.returncode == 2 and ("bestaat niet" if lang == "nl" else "no such file") in missing.stderr
    assert "No such file" not in missing.stderr
    prefix = _without_read_permission()
    unreadable = tmp_path / "roles.yaml"
    unreadable.write_text("Anna: behandelaar\n", encoding="utf-8")
    unreadable.chmod(0)
    try:
        result = run("log", "stats", str(log), "--roles", str(unreadable), "--lang", lang, prefix=prefix)
    finally:
        unreadable.chmod(0o644)
    clean(result)
    assert result.returncode == 2, result.stderr
    assert ("geen toegang" if lang == "nl" else "permission denied") in result.stderr and hint in result.stderr
    assert ("rechten op het bestand" if lang == "nl" else "the file's permissions") in result.stderr
    assert "Permission denied" not in result.stderr


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_unreadable_folder_is_not_called_empty(tmp_path: Path, lang: str) -> None:
    prefix = _without_read_permission()
    folder = tmp_path / "kaarten"
    folder.mkdir()
    (folder / "base.yaml").write_text(BASE, encoding="utf-8")
    folder.chmod(0)
    try:
        check = run("check", str(folder), "--lang", lang, prefix=prefix)
        analyse = run("analyse", str(folder), "--lang", lang, prefix=prefix)
    finally:
        folder.chmod(0o755)
    for result in (check, analyse):
        clean(result)
        output = result.stdout + result.stderr
        assert result.returncode == 2, output
        assert (
            "map kan niet gelezen worden: geen toegang" if lang == "nl" else "cannot read the folder: permission denied"
        ) in output, output
        assert ("rechten op de map" if lang == "nl" else "the folder's permissions") in output
        assert "*.yaml, *.yml" not in output


def test_an_unreadable_bpmn_file_gets_a_permissions_hint(unreadable: dict[str, Path]) -> None:
    prefix = _without_read_permission()
    for lang, reason, hint in (
        ("nl", "geen toegang", "controleer de rechten op het bestand"),
        ("en", "permission denied", "check the file's permissions"),
    ):
        result = run("import", "bpmn", str(unreadable["bpmn"]), "--lang", lang, prefix=prefix)
        clean(result)
        output = result.stdout + result.stderr
        assert result.returncode == 2 and reason in output and hint in output, output
        assert ".bpmn-bestand" not in output and "one .bpmn file" not in output
