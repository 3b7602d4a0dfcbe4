"""Messages as a user reads them, after a user-acceptance review.

1. No English text of a library or of the operating system inside a Dutch message: PyYAML's
   problems (libyaml and the pure-Python parser), OS errors by errno, a log file that is not UTF-8.
2. A configuration file that is binary gets a message about configuration files.
3. A count and its noun agree ("1 waarschuwing", "14 waarschuwingen") in every language.
4. Values that mean nothing are load errors: ``fte`` above ``people``, durations over 10 years.
"""

from __future__ import annotations

import errno
import gzip
import os
import re
import string
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from procesmap.durations import (
    MAX_ELAPSED_DAYS,
    Amount,
    DurationError,
    bounded,
    format_amount,
    parse_amount,
    parse_duration,
)
from procesmap.errors import LoadError, Problem, UsageError
from procesmap.reasons import os_reason, utf8_error_at, yaml_detail
from procesmap.i18n import OS_ERRORS, translate_strerror
from procesmap.i18n import MESSAGES, Count, Message, number, plural, plural_forms, t
from procesmap.loading import decode, load, loads

from .conftest import run_procesmap
from .test_loading_hostile import BASE, change, only_problem, where

# -- 1. YAML problems in the user's language --------------------------------------------------------

#: the mistakes workshop users make, each with the place the message must point at (a piece of the text)
YAML_MISTAKES: dict[str, tuple[str, str | None]] = {
    "list-item-indented-too-far": ("steps:\n  - id: a\n    x: 1\n   - id: b\n", "- id: b"),
    "key-in-a-list": ("steps:\n  - id: a\n  x: 1\n", "x: 1"),
    "key-indented-too-little": ("a:\n  b: 1\n c: 2\n", "c: 2"),
    "list-item-in-a-mapping": ("a: 1\n- b\n", "- b"),
    "colon-in-text": ("a: 1\nname: Advies: milieu\n", ": milieu"),
    "line-indented-too-far": ("a: b\n  c: d\n", ": d"),
    "key-without-colon": ("a: 1\nb\nc: 2\n", "b\nc"),
    "unclosed-double-quote": ('id: x\nname: "Basis\nowner: tl\n', '"Basis'),
    "unclosed-single-quote": ("id: x\nname: 'Basis\nowner: tl\n", "'Basis"),
    "at-sign": ("a: 1\nb: @foo\n", "@foo"),
    "backtick": ("a: 1\nb: `foo`\n", "`foo`"),
    "percent": ("a: 1\nb: %foo\n", "%foo"),
    "undefined-alias": ("a: 1\nb: *nope\n", "*nope"),
    "duplicate-anchor": ("a: &x 1\nb: &x 2\n", "&x 2"),
    "unclosed-flow-mapping": ("a: {b: 1, c: 2\nd: 3\n", ": 3"),
    "unclosed-flow-sequence": ("a: [1, 2\nd: 3\n", ": 3"),
    "unknown-escape": ('a: 1\nb: "x\\qy"\n', None),  # the two parsers differ by one column
    "document-marker-in-quote": ('a: "foo\n---\n"\n', None),
    "bad-anchor-name": ("a: &\n", None),
    "unknown-tag-handle": ("a: !x!foo 1\n", None),
    "yaml-2": ("%YAML 2.0\n---\na: 1\n", None),
    "block-indicator-0": ("a: |0\n  x\n", None),
    "control-character": ("a: b\x07\n", "\x07"),
}
LOADERS = [pytest.param(yaml.SafeLoader, id="python")]
if getattr(yaml, "CSafeLoader", None) is not None:
    LOADERS.append(pytest.param(yaml.CSafeLoader, id="libyaml"))


def _yaml_error(text: str, loader: Any) -> yaml.YAMLError:
    with pytest.raises(yaml.YAMLError) as caught:
        for _ in yaml.parse(text, Loader=loader):
            pass
        yaml.compose(text, Loader=loader)
    return caught.value


def _english_of(err: Any) -> list[str]:
    return [part for part in (getattr(err, "problem", None), getattr(err, "context", None)) if part]


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize("name", sorted(YAML_MISTAKES))
def test_every_common_yaml_problem_is_translated(name: str, loader: Any) -> None:
    text, _ = YAML_MISTAKES[name]
    err = _yaml_error(text, loader)
    found = yaml_detail(err, text)
    assert isinstance(found.detail, Message)
    assert found.detail.key != "yaml.problem.other", (name, _english_of(err))
    dutch = found.detail.text("nl")
    for english in _english_of(err):
        assert english not in dutch
    assert not re.search(r"\b(found|expected|while|scanning|parsing|could not|did not)\b", dutch), dutch
    assert found.hint_key in MESSAGES


@pytest.mark.parametrize("name", sorted(k for k, (_, at) in YAML_MISTAKES.items() if at is not None))
def test_yaml_problem_is_located_where_the_fix_goes(name: str) -> None:
    text, at = YAML_MISTAKES[name]
    with pytest.raises(LoadError) as caught:
        loads(text)
    problem = caught.value.problems[0]
    assert problem.key == "load.yaml"
    assert (problem.line, problem.column) == where(text, text, at)
    message = problem.format("nl")
    assert message.startswith(f"<string>:{problem.line}:{problem.column}: geen geldige YAML: ")
    assert "\n  tip: " in message


def test_the_reported_indentation_case_reads_in_dutch(tmp_path: Path) -> None:
    new = "   - id: behandelen\n"
    text = change("  - id: besluit\n", new)
    problem = only_problem(text)
    assert (problem.line, problem.column) == where(text, new, "- id: behandelen")
    dutch = problem.message("nl")
    assert "did not find" not in dutch and "expected" not in dutch
    assert "lijst" in dutch and f"begint op regel {where(text, '  - id: ontvangst')[0]}" in dutch
    assert problem.hint_key == "hint.yaml.indent"


def test_unclosed_quote_points_at_the_opening_quote() -> None:
    new = 'name: "Testproces\n'
    text = change("name: Testproces\n", new)
    problem = only_problem(text)
    assert (problem.line, problem.column) == where(text, new, '"Testproces')
    assert "aanhalingsteken ontbreekt" in problem.message("nl")
    assert "closing quote is missing" in problem.message("en")
    assert "end of stream" not in problem.format("nl") + problem.format("en")


def test_names_libyaml_leaves_out_are_read_from_the_text() -> None:
    text = "a: &eerste 1\nb: &eerste 2\nc: *tweede\n"
    with pytest.raises(LoadError) as caught:
        loads(text)
    message = caught.value.problems[0].message("nl")
    assert "anker &eerste is twee keer gedefinieerd (eerst op regel 1)" in message
    text = "a: 1\nc: *tweede\n"
    with pytest.raises(LoadError) as caught:
        loads(text)
    assert "alias *tweede verwijst naar geen anker &tweede" in caught.value.problems[0].message("nl")
    assert "alias *tweede refers to no anchor" in caught.value.problems[0].message("en")


def test_character_that_cannot_start_a_value_is_named_in_message_and_hint() -> None:
    new = "name: @gemeente\n"
    text = change("name: Testproces\n", new)
    problem = only_problem(text)
    assert problem.message("nl").endswith("een waarde kan niet beginnen met het teken '@'")
    assert problem.hint("nl") == "zet een tekst die begint met '@' tussen aanhalingstekens, bijvoorbeeld name: \"@...\""


def test_control_character_reads_in_dutch() -> None:
    new = "name: Café\x07\n"
    text = change("name: Testproces\n", new)
    problem = only_problem(text)
    assert problem.message("nl") == "geen geldige YAML: het onzichtbare stuurteken U+0007 is niet toegestaan in YAML"
    assert problem.hint_key == "hint.yaml.control"


def test_a_problem_without_translation_keeps_the_english_in_parentheses() -> None:
    class Odd(yaml.YAMLError):
        problem = "found something nobody has seen before"
        context = "while doing something"
        problem_mark = None
        context_mark = None

    found = yaml_detail(Odd(), "")
    assert found.detail.text("en") == "found something nobody has seen before"
    assert found.detail.text("nl") == "onvertaalde melding van de YAML-lezer (found something nobody has seen before)"
    assert t("load.yaml", "nl", detail=found.detail).startswith("geen geldige YAML: onvertaalde melding")


def test_problems_with_message_arguments_survive_pickling() -> None:
    import pickle

    with pytest.raises(LoadError) as caught:
        loads("a: 1\nb: *nope\n")
    problem = pickle.loads(pickle.dumps(caught.value.problems[0]))
    assert problem.message("nl") == caught.value.problems[0].message("nl")


# -- 1. operating-system errors, by errno ---------------------------------------------------------------

OS_DUTCH = {
    "ENOENT": "bestand of map bestaat niet",
    "EACCES": "geen toegang (onvoldoende rechten)",
    "EPERM": "handeling niet toegestaan (onvoldoende rechten)",
    "EISDIR": "het is een map, geen bestand",
    "ENOTDIR": "een deel van het pad is geen map",
    "ENOSPC": "de schijf is vol",
    "EROFS": "de schijf of map is alleen-lezen",
    "EEXIST": "het bestand bestaat al",
}


@pytest.mark.parametrize("name", sorted(OS_DUTCH))
def test_common_os_errors_are_translated(name: str) -> None:
    code = getattr(errno, name)
    err = OSError(code, os.strerror(code), "x/y.json")
    reason = os_reason(err)
    assert reason.text("nl") == OS_DUTCH[name]
    assert (
        t("cli.write_failed", "nl", path="x/y.json", reason=reason) == f"kan x/y.json niet schrijven: {OS_DUTCH[name]}"
    )
    # callers that still pass err.strerror get the same text (one place: the catalogue)
    assert (
        t("cli.write_failed", "nl", path="x/y.json", reason=err.strerror)
        == f"kan x/y.json niet schrijven: {OS_DUTCH[name]}"
    )
    assert translate_strerror(os.strerror(code), "en") == reason.text("en")


def test_an_unknown_os_error_keeps_its_own_text_marked_in_dutch() -> None:
    err = OSError(errno.EIO, os.strerror(errno.EIO))
    assert os_reason(err).text("nl") == f"fout van het besturingssysteem ({os.strerror(errno.EIO)})"
    assert os_reason(err).text("en") == os.strerror(errno.EIO)
    assert os_reason(ValueError("embedded null byte")).text("en") == "embedded null byte"
    assert translate_strerror("not a mapping", "nl") == "not a mapping"  # other reasons stay as they are


def test_unreadable_process_file_reason_is_dutch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "proces.yaml"
    file.write_text(BASE, encoding="utf-8")

    real_open = os.open

    def refuse(path: Any, *args: Any, **kwargs: Any) -> Any:
        if str(path) == str(file):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)  # the loader opens through procesmap._io.read_limited
    with pytest.raises(LoadError) as caught:
        load(file)
    text = caught.value.format("nl")
    assert "bestand kan niet gelezen worden: geen toegang (onvoldoende rechten)" in text
    assert "Permission denied" not in text


_run = run_procesmap


def test_writing_into_a_missing_folder_says_so_in_dutch(tmp_path: Path) -> None:
    result = _run(
        "analyse",
        "processes/wmo-melding.yaml",
        "--lang",
        "nl",
        "--cases",
        "0",
        "-o",
        str(tmp_path / "nodir" / "x.json"),
    )
    assert result.returncode == 2
    assert "bestand of map bestaat niet" in result.stderr
    assert "No such file" not in result.stderr and "Traceback" not in result.stderr


# -- 1. an event log that is not UTF-8 -----------------------------------------------------------------


def _latin1_log(tmp_path: Path, name: str = "latin1.csv") -> Path:
    data = "case,activity,timestamp\n1,Ontvangst,2024-01-01T10:00:00\n2,Ontvangst café,2024-01-02T10:00:00\n"
    file = tmp_path / name
    raw = data.encode("latin-1")
    file.write_bytes(gzip.compress(raw) if name.endswith(".gz") else raw)
    return file


@pytest.mark.parametrize("name", ["latin1.csv", "latin1.csv.gz"])
def test_log_that_is_not_utf8_names_line_column_and_byte(tmp_path: Path, name: str) -> None:
    from procesmap.eventlog import read_log

    file = _latin1_log(tmp_path, name)
    with pytest.raises(UsageError) as caught:
        read_log(file)
    nl, en = caught.value.format("nl"), caught.value.format("en")
    assert nl.startswith(f"{file}:3:16: het bestand is geen UTF-8-tekst: byte 0xe9 (byte-positie 71)")
    assert en.startswith(f"{file}:3:16: the file is not UTF-8 text: byte 0xe9 (byte offset 71)")
    assert "sla het bestand op als UTF-8" in nl
    assert "codec" not in nl + en


def test_log_stats_on_a_latin1_csv_from_the_command_line(tmp_path: Path) -> None:
    file = _latin1_log(tmp_path)
    result = _run("log", "stats", str(file), "--lang", "nl")
    assert result.returncode == 2
    assert "het bestand is geen UTF-8-tekst" in result.stderr and "codec" not in result.stderr


def test_utf8_error_across_a_block_boundary(tmp_path: Path) -> None:
    file = tmp_path / "big.csv"
    head = b"a" * ((1 << 20) - 1) + "é".encode() + b"\nab"  # 'é' is split over the first two blocks
    file.write_bytes(b"\xef\xbb\xbf" + head + b"\xe9")
    assert utf8_error_at(file) == (3 + len(head), 2, 3, 0xE9)
    file.write_bytes(b"ok\n")
    assert utf8_error_at(file) is None


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=64))
def test_utf8_error_at_agrees_with_python(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "x.csv"
        file.write_bytes(data)
        found = utf8_error_at(file)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        assert found is not None
        offset, line, column, byte = found
        assert offset == err.start and byte == data[err.start]
        assert line == data.count(b"\n", 0, offset) + 1
        start = data.rfind(b"\n", 0, offset) + 1
        prefix = data[start:offset].decode("utf-8")
        if line == 1 and prefix.startswith("\ufeff"):
            prefix = prefix[1:]
        assert column == len(prefix) + 1
    else:
        assert found is None


# -- 2. a configuration file that is binary ----------------------------------------------------------------


def test_binary_configuration_gets_a_configuration_message() -> None:
    with pytest.raises(LoadError) as caught:
        decode(b"\x00garbage", "procesmap.toml", kind="config")
    problem = caught.value.problems[0]
    assert (problem.key, problem.hint_key) == ("config.binary", "config.hint.binary")
    assert problem.format("nl") == (
        "procesmap.toml:1:1: dit is een binair bestand, geen TOML-configuratie\n"
        "  tip: procesmap.toml is tekst met regels `sleutel = waarde` en [secties], bijvoorbeeld "
        '`language = "nl"` en `[rules]` met `PM102 = "off"`; zie docs/ci.md'
    )
    assert "YAML" not in problem.format("en") and "process map" not in problem.format("en")


def test_configuration_that_is_not_utf8_gets_a_configuration_hint() -> None:
    with pytest.raises(LoadError) as caught:
        decode(b'language = "nl"\n# caf\xe9\n', "procesmap.toml", kind="config")
    problem = caught.value.problems[0]
    assert (problem.line, problem.column, problem.key, problem.hint_key) == (
        2,
        6,
        "load.encoding",
        "config.hint.encoding",
    )


def test_process_files_keep_their_own_binary_message() -> None:
    with pytest.raises(LoadError) as caught:
        decode(b"\x00garbage", "proces.yaml")
    assert caught.value.problems[0].key == "load.binary"


def test_check_with_a_binary_procesmap_toml(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "procesmap.toml").write_bytes(b"\x00garbage")
    (tmp_path / "base.yaml").write_text(BASE, encoding="utf-8")
    result = _run("check", "base.yaml", cwd=tmp_path)
    assert result.returncode == 2
    assert "not a TOML configuration" in result.stdout + result.stderr
    assert "process map" not in result.stdout + result.stderr


# -- 3. plurals -----------------------------------------------------------------------------------------

_PLURAL_FIELD = re.compile(r"\{(\w+):plural:([^{}]*)\}")


def _plural_keys() -> list[str]:
    return sorted(k for k, entry in MESSAGES.items() if any(":plural:" in text for text in entry.values()))


def test_the_catalogue_has_plural_fields() -> None:
    assert {
        "report.counts",
        "report.summary",
        "report.count.warning",
        "PM305.message",
        "diagram.subtitle.steps",
        "versions.fmt.summary",
        "bpmn.cli.unmapped",
    } <= set(_plural_keys())


@pytest.mark.parametrize("key", _plural_keys())
def test_every_plural_field_has_a_form_per_category(key: str) -> None:
    for lang, text in MESSAGES[key].items():
        fields = _PLURAL_FIELD.findall(text)  # none where the noun does not change ("keer")
        assert text.count(":plural:") == len(fields), (key, lang)  # no field the pattern cannot read
        if not fields:
            continue
        for _, forms in fields:
            assert len(forms.split("|")) == len(plural_forms(lang)), (key, lang, forms)
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        one = t(key, lang, **{name: 1 for name in names})
        many = t(key, lang, **{name: 7 for name in names})
        assert ":plural:" not in one + many and "#" not in one + many
        assert one != many


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_plural_selection_for_any_count(count: int) -> None:
    expected = {"nl": ("waarschuwing", "waarschuwingen"), "en": ("warning", "warnings")}
    for lang, (one, other) in expected.items():
        assert plural(count, lang) == ("one" if count == 1 else "other")
        assert t("report.count.warning", lang, count=count) == f"{count} {one if count == 1 else other}"
        # a number written the language's way first (1.200) is read back before choosing
        written = number(count, lang)
        assert t("report.per_year", lang, value=written).startswith(written + " ")
        assert plural(written, lang) == plural(count, lang)


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=0, max_value=1e9, allow_nan=False))
def test_plural_of_a_decimal_follows_what_is_written(value: float) -> None:
    # floats are written with one decimal ("1,0"): CLDR makes that "other" in Dutch and English
    assert plural(value, "nl") == "other" and plural(value, "en") == "other"
    assert t("PM305.message", "nl", days=value, step="x", share=10.0).startswith(
        f"zaken wachten {number(value, 'nl')} dagen"
    )


def test_the_reported_counts() -> None:
    assert (
        t("report.counts", "nl", steps=17, roles=7, teams=3, organisations=1, transitions=19)
        == "17 stappen, 7 rollen, 3 teams, 1 organisatie, 19 overgangen"
    )
    assert (
        t("report.counts", "en", steps=1, roles=1, teams=0, organisations=1, transitions=1)
        == "1 step, 1 role, 0 teams, 1 organisation, 1 transition"
    )
    assert (
        t("report.summary", "nl", processes=6, errors=1, warnings=14, infos=1)
        == "6 processen: 1 fout, 14 waarschuwingen, 1 info"
    )
    assert (
        t("report.summary", "en", processes=1, errors=2, warnings=1, infos=0)
        == "1 process: 2 errors, 1 warning, 0 info"
    )
    assert t("report.term_value", "nl", term=number(1.0, "nl", 0)) == "1 dag"
    assert t("report.term_value", "nl", term=number(56.0, "nl", 0)) == "56 dagen"
    assert t("report.per_year", "nl", value=number(1200.0, "nl", 0)) == "1.200 zaken per jaar"
    assert t("versions.fmt.summary_check", "nl", changed=1, total=3) == "1 van 3 bestanden zou opnieuw opgemaakt worden"
    assert (
        t("versions.fmt.summary_check", "nl", changed=2, total=1) == "2 van 1 bestand zouden opnieuw opgemaakt worden"
    )
    assert t("bpmn.cli.unmapped", "en", count=1).startswith("1 BPMN element was not mapped; it is listed")


def test_terminal_report_counts_findings_with_the_right_noun(tmp_path: Path) -> None:
    from io import StringIO

    from rich.console import Console

    import procesmap
    from procesmap.render.terminal import print_terminal

    file = tmp_path / "proces.yaml"
    file.write_text(BASE.replace("people: 3}", "people: 1}"), encoding="utf-8")
    analysis = procesmap.analyse(procesmap.load(file), cases=0)
    levels = [f.severity.value for f in analysis.findings]
    for lang in ("nl", "en"):
        out = StringIO()
        print_terminal([analysis], lang, Console(file=out, width=120, color_system=None))
        for level in ("error", "warning"):
            if levels.count(level):
                assert t("report.count." + level, lang, count=levels.count(level)) in out.getvalue()
        assert not re.search(r"\b1 (waarschuwingen|fouten|warnings|errors)\b", out.getvalue())
        assert not re.search(r"\b([02-9]|\d\d+) (waarschuwing|fout|warning|error)\b", out.getvalue())


def test_plural_fields_keep_a_template_subclass(monkeypatch: pytest.MonkeyPatch) -> None:
    from procesmap.i18n.eventlog import WholeNumbers

    monkeypatch.setitem(
        MESSAGES,
        "test.cases",
        {"en": WholeNumbers("{count:plural:# case|# cases}"), "nl": WholeNumbers("{count:plural:# zaak|# zaken}")},
    )
    assert t("test.cases", "nl", count=12345) == "12.345 zaken"  # WholeNumbers still groups the int
    assert t("test.cases", "en", count=1) == "1 case"


@pytest.mark.parametrize(
    ("key", "args", "one", "other"),
    [
        (
            "PM602.message",
            {"share": 5.0, "step": "a", "target": "b"},
            {"en": "1 case (5.0%) goes from", "nl": "1 zaak (5,0%) gaat van"},
            {"en": "2 cases (5.0%) go from", "nl": "2 zaken (5,0%) gaan van"},
        ),
        (
            "PM604.message",
            {"activity": "x", "share": 5.0},
            {"en": "occurs in 1 case (5.0%)", "nl": "komt voor in 1 zaak (5,0%)"},
            {"en": "occurs in 2 cases (5.0%)", "nl": "komt voor in 2 zaken (5,0%)"},
        ),
        (
            "PM607.message",
            {"share": 3.0, "limit": 5.0},
            {"en": "the term of 1 day (at most", "nl": "de termijn van 1 dag (hoogstens"},
            {"en": "the term of 2 days (at most", "nl": "de termijn van 2 dagen (hoogstens"},
        ),
        (
            "logreport.more_rows",
            {},
            {"en": "... 1 more row (all", "nl": "... nog 1 regel (alle"},
            {"en": "... 2 more rows (all", "nl": "... nog 2 regels (alle"},
        ),
        (
            "logdraft.role_people",
            {},
            {"en": "1 person in the log", "nl": "1 persoon in het log"},
            {"en": "2 people in the log", "nl": "2 mensen in het log"},
        ),
        (
            "logdraft.parallel",
            {},
            {"en": "1 case does each of these, in 1 order", "nl": "1 zaak doet elk van deze, in 1 volgorde"},
            {
                "en": "2 cases do each of these, in 2 different orders",
                "nl": "2 zaken doen elk van deze, in 2 verschillende volgordes",
            },
        ),
        (
            "logdraft.volume",
            {},
            {"en": "volume: 1 case in 1 day of log", "nl": "volume: 1 zaak in 1 dag log"},
            {"en": "volume: 2 cases in 2 days of log", "nl": "volume: 2 zaken in 2 dagen log"},
        ),
    ],
)
def test_eventlog_counts_agree_with_their_nouns_and_verbs(
    key: str, args: dict[str, object], one: dict[str, str], other: dict[str, str]
) -> None:
    names = {
        "PM602.message": ("cases",),
        "PM604.message": ("cases",),
        "PM607.message": ("term",),
        "logreport.more_rows": ("count",),
        "logdraft.role_people": ("people",),
        "logdraft.parallel": ("cases", "orders"),
        "logdraft.volume": ("cases", "days"),
    }[key]
    for lang in ("en", "nl"):
        for n, expected in ((1, one[lang]), (2, other[lang])):
            assert expected in t(key, lang, **args, **{name: n for name in names}), (key, lang, n)
            # the callers of logdraft.* pass counts already written with number(): the same forms
            written = t(key, lang, **args, **{name: number(n, lang) for name in names})
            assert expected in written, (key, lang, n, written)
    assert t("logreport.more_rows", "nl", count=12345) == "... nog 12.345 regels (alle in --format json)"
    assert t("logdraft.header", "en", file="log.csv", cases="1", total="1", share="100.0%", variants="1").endswith(
        "1 of 1 case (100.0%) in 1 variant."
    )
    assert t("logdraft.step", "nl", instances="2", cases="1", wait="0,50", wait_mean="0,50").startswith(
        "2 keer in 1 zaak;"
    )


def test_load_limits_agree_with_their_nouns() -> None:
    assert t("load.too_deep", "en", limit=1) == "nesting deeper than 1 level"
    assert t("load.too_deep", "nl", limit=64) == "nesting dieper dan 64 niveaus"
    assert "(1 byte; hoogstens 2.000.000)" in t("load.too_large", "nl", size=Count(1), limit=Count(2_000_000))
    assert "more than 100,000 values" in t("load.too_many_nodes", "en", limit=Count(100_000))


def test_count_arguments_are_written_the_language_way() -> None:
    assert (
        t("duration.too_long", "nl", value="5000d", limit=Count(3650))
        == "de duur `5000d` is langer dan 10 jaar (3.650 dagen)"
    )
    assert t("duration.too_long", "en", value="5000d", limit=Count(3650)).endswith("(3,650 days)")


# -- 4. values that mean nothing --------------------------------------------------------------------------


def test_fte_above_people_is_a_load_error_at_fte() -> None:
    new = "  behandelaar: {name: Behandelaar, team: vth, people: 1, fte: 5}\n"
    text = change("  behandelaar: {name: Behandelaar, team: vth, people: 3}\n", new)
    problem = only_problem(text)
    assert (problem.key, problem.hint_key) == ("value.fte_over_people", "hint.value.fte_over_people")
    assert (problem.line, problem.column) == where(text, new, "5}")
    assert problem.message("nl") == "`fte: 5` is meer dan `people: 1`"
    assert "omgewisseld" in problem.hint("nl")


@pytest.mark.parametrize("people, fte", [(3, 3), (3, 2.4), (1, 0.1), (100_000, 100_000)])
def test_fte_up_to_people_is_fine(people: int, fte: float) -> None:
    text = change("people: 3}", f"people: {people}, fte: {fte}}}")
    assert loads(text).roles["behandelaar"].fte == fte


def test_fte_above_people_in_a_shared_organisation_file(tmp_path: Path) -> None:
    (tmp_path / "organisatie.yaml").write_text(
        "procesmap: 1\nkind: organisation\nroles:\n  x: {name: X, people: 2, fte: 2.5}\n", encoding="utf-8"
    )
    with pytest.raises(LoadError) as caught:
        load(tmp_path / "organisatie.yaml")
    assert [(p.key, p.line) for p in caught.value.problems] == [("value.fte_over_people", 4)]


@pytest.mark.parametrize(
    "old, new, at",
    [
        pytest.param("wait: 2d\n", "wait: 99999999999999999999h\n", "99999999999999999999h", id="wait-hours"),
        pytest.param("wait: 2d\n", "wait: 3651d\n", "3651d", id="wait-just-over"),
        pytest.param("wait: 2d\n", "wait: P600W\n", "P600W", id="wait-iso"),
        pytest.param(
            "wait: {min: 1d, mode: 3d, max: 10d}", "wait: {min: 1d, mode: 3d, max: 600w}", "600w", id="triangle-max"
        ),
        pytest.param(
            "wait: {min: 1d, mode: 3d, max: 10d}", "wait: {samples: [1d, 6000000m]}", "6000000m", id="samples"
        ),
        pytest.param("procesmap: 1\n", "procesmap: 1\nterm: 9999w\n", "9999w", id="term"),
    ],
)
def test_durations_over_ten_years_are_load_errors(old: str, new: str, at: str) -> None:
    text = change(old, new)
    problem = only_problem(text)
    assert (problem.key, problem.hint_key) == ("duration.too_long", "hint.duration.too_long")
    assert (problem.line, problem.column) == where(text, new, at)
    assert problem.message("nl") == f"de duur `{at}` is langer dan 10 jaar (3.650 dagen)"


def test_work_over_ten_years_of_working_time_is_a_load_error() -> None:
    new = "    work: 3000d\n"
    text = change("    work: 1h\n", new)
    problem = only_problem(text)
    assert (problem.key, problem.hint_key) == ("duration.work_too_long", "hint.duration.work_too_long")
    assert (problem.line, problem.column) == where(text, new, "3000d")
    assert problem.message("nl") == "`work: 3000d` is meer dan 10 jaar werktijd (18.400 uur met deze kalender)"
    # the limit is the process's own calendar: 10 years of 46 weeks of 2 days of 4 hours
    calendar = "calendar: {hours_per_day: 4, days_per_week: 2}\n"
    text = change(
        "    work: 1h\n", "    work: {min: 1h, mode: 2h, max: 3681h}\n", "procesmap: 1\n", "procesmap: 1\n" + calendar
    )
    problem = only_problem(text)
    assert problem.key == "duration.work_too_long" and "3,680 hours" in problem.message("en")
    assert loads(change("    work: 1h\n", "    work: 3680h\n", "procesmap: 1\n", "procesmap: 1\n" + calendar))


def test_the_reported_work_no_longer_overflows() -> None:
    with pytest.raises(LoadError) as caught:
        loads(change("    work: 1h\n", "    work: 99999999999999999999h\n"))
    assert "181.159" not in caught.value.format("nl")


@settings(max_examples=300, deadline=None)
@given(
    st.floats(min_value=0, max_value=2 * MAX_ELAPSED_DAYS, allow_nan=False).map(lambda d: round(d, 3)),
    st.sampled_from(["m", "h", "d", "w"]),
)
def test_duration_bound_for_any_amount(days: float, unit: str) -> None:
    per_day = {"m": 1440.0, "h": 24.0, "d": 1.0, "w": 1 / 7}[unit]
    text = f"{days * per_day:.6f}{unit}"
    value = float(text[:-1])
    amount = {
        "m": Amount(minutes=value),
        "h": Amount(minutes=value * 60.0),
        "d": Amount(days=value),
        "w": Amount(weeks=value),
    }[unit]
    elapsed = amount.elapsed_days()
    assert parse_amount(text) == amount  # the parser reads any amount (format/parse round trip)
    if elapsed <= MAX_ELAPSED_DAYS:
        assert bounded(parse_duration(text), text) == parse_duration(text)
    else:
        with pytest.raises(DurationError) as caught:
            bounded(parse_duration(text), text)
        assert (caught.value.key, caught.value.args_["value"]) == ("duration.too_long", text)
    triangle = {"min": "0m", "mode": "0m", "max": text}
    if elapsed > MAX_ELAPSED_DAYS:
        with pytest.raises(DurationError) as caught:
            bounded(parse_duration(triangle), triangle)
        assert caught.value.args_["at"] == ("max",)
    assert format_amount(amount)  # and it can still be written


def test_problem_dataclass_is_unchanged_for_callers() -> None:
    # a Problem built by other code (config, check) still formats as before
    problem = Problem("x.yaml", 3, 4, "load.unreadable", {"reason": os.strerror(errno.ENOENT)}, "hint.load.unreadable")
    assert problem.format("nl") == (
        "x.yaml:3:4: bestand kan niet gelezen worden: bestand of map bestaat niet\n"
        "  tip: controleer de rechten op het bestand"
    )


def test_limits_in_load_errors_are_written_the_language_way() -> None:
    problem = only_problem(change("people: 3}", "people: 999999}"))
    assert problem.message("nl") == "`people` mag hoogstens 100.000 zijn, niet 999999"
    assert problem.message("en") == "`people` must be at most 100,000, not 999999"
    problem = only_problem(change("{to: besluit, p: 0.8}", "{to: besluit, p: 1.5}"))
    assert problem.message("nl") == "`p` mag hoogstens 1 zijn, niet 1.5"  # not "1,0"


def test_size_of_a_large_file_is_a_number_the_language_way(tmp_path: Path) -> None:
    big = tmp_path / "groot.yaml"
    big.write_bytes(b"#" * (32 * 1024 * 1024 + 1))
    with pytest.raises(LoadError) as caught:
        load(big)
    assert "(33.554.433 bytes; hoogstens 33.554.432)" in caught.value.format("nl")
    assert "(33,554,433 bytes; at most 33,554,432)" in caught.value.format("en")


def test_every_translation_table_entry_has_a_catalogue_text() -> None:
    from procesmap import reasons

    keys = ["yaml.problem." + key for _, key, _ in reasons._YAML_PROBLEMS]
    keys += [hint for _, _, hint in reasons._YAML_PROBLEMS]
    keys += ["yaml.context." + key for _, key in reasons._YAML_CONTEXTS]
    keys += ["os.error." + name for name in OS_ERRORS] + ["os.error.other", "yaml.problem.other"]
    assert [key for key in keys if key not in MESSAGES] == []
    for name in OS_ERRORS:
        assert hasattr(errno, name)
