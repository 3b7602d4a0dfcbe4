"""The command line and its documentation agree: every command and option the docs name exists with that
spelling, every value they list for an option is one it takes, and every option of every command is
documented where a user looks for that command (README.md, docs/*.md).

Where the docs show a command line (a fenced block, or `procesmap ...` in backticks), the words after
`procesmap` up to the next `procesmap` are read as one use of that command: the command must exist, each
`--option` must be one of its options, and `--option a|b|c` must list values the option takes.
An option counts as documented for a command when it stands in such a use of the command, in a paragraph
that names `procesmap <command>`, or in a comment line of a fenced block that shows the command (the block's
`# every command also takes: ...`).
"""

from __future__ import annotations

import enum
import re
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^(```|~~~)[^\n]*\n(.*?)^\1", re.MULTILINE | re.DOTALL)
INLINE = re.compile(r"``?([^`\n]+)``?")
USE = re.compile(r"(?<![\w./-])procesmap((?:[ \t]+[a-z][a-z-]*)+)")
OPTION = re.compile(r"(?<![\w-])(--?[a-zA-Z][\w-]*)")
VALUES = re.compile(r"(?<![\w-])(--[a-z][\w-]*)[ =]([a-z0-9][\w.-]*(?:\|[a-z0-9][\w.-]*)+)")


def _commands() -> dict[str, Any]:
    """Every command of the command line by its path ("analyse", "log stats"), from the tree typer builds."""
    from typer.main import get_command

    from procesmap.cli import app

    found: dict[str, Any] = {}

    def walk(command: Any, path: list[str]) -> None:
        subs = getattr(command, "commands", None)
        if subs:
            for name, sub in subs.items():
                walk(sub, [*path, name])
        else:
            found[" ".join(path)] = command

    walk(get_command(app), [])
    return found


COMMANDS = _commands()
GROUPS = {path.split()[0] for path in COMMANDS if " " in path}


def _spellings(option: Any) -> list[str]:
    return [*option.opts, *option.secondary_opts]


def _options(command: Any) -> dict[str, Any]:
    return {s: p for p in command.params if p.param_type_name == "option" for s in _spellings(p)}


def _format_values(path: str) -> set[str] | None:
    """The values `--format` takes, where the command checks them itself (a plain text option)."""
    # lazy: these modules load pandas and numpy; only the commands whose --format is read here
    if path in {"analyse"}:
        from procesmap.render import FORMATS

        return set(FORMATS)
    if path == "advise":
        from procesmap.render.advice import ADVICE_FORMATS

        return set(ADVICE_FORMATS)
    if path == "check":
        from procesmap.render.ci import CHECK_FORMATS

        return set(CHECK_FORMATS)
    if path == "diff":
        from procesmap.render.diff import DIFF_FORMATS

        return set(DIFF_FORMATS)
    if path == "overview":
        from procesmap.commands.overview import OVERVIEW_FORMATS

        return set(OVERVIEW_FORMATS)
    if path in {"log stats", "log compare"}:
        from procesmap.eventlog._render import FORMATS as LOG_FORMATS

        return set(LOG_FORMATS)
    return None


def _values(path: str, option: Any) -> set[str] | None:
    """The values an option takes: an enum's (`--lang nl|en`), a command's formats, else None (any value)."""
    annotation = getattr(getattr(option, "type_descriptor", None), "annotation", None)
    for kind in [a for a in typing.get_args(annotation) if a is not type(None)] or [annotation]:
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return {str(member.value) for member in kind}
    if "--format" in _spellings(option):
        return _format_values(path)
    return None


@dataclass(frozen=True)
class Use:
    """One use of a command the docs show: the page, its line, the command's words as written, the text."""

    page: Path
    line: int
    words: str
    text: str

    def where(self) -> str:
        return f"{self.page.relative_to(ROOT).as_posix()}:{self.line}: `{self.text.strip()[:100]}`"


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _uses_in(page: Path, code: str, start: int, text: str) -> list[Use]:
    """The uses of `procesmap <command>` in one piece of code, each up to the next `procesmap`; comments off."""
    code = "\n".join(re.sub(r"(^|\s)#\s.*$", "", line) for line in code.split("\n"))
    found = list(USE.finditer(code))
    uses = []
    for i, match in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(code)
        uses.append(Use(page, _line_of(text, start + match.start()), match.group(1), code[match.start() : end]))
    return uses


def _uses(page: Path, text: str | None = None) -> list[Use]:
    text = page.read_text(encoding="utf-8") if text is None else text
    uses = []
    for fence in FENCE.finditer(text):
        uses += _uses_in(page, fence.group(2), fence.start(2), text)
    prose = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    for span in INLINE.finditer(prose):
        uses += _uses_in(page, span.group(1), span.start(1), text)
    return uses


def _command_of(words: str) -> str | None:
    """The command path a use names ("log stats" of "log stats LOG"), None when it names none."""
    parts = words.split()
    if len(parts) >= 2 and " ".join(parts[:2]) in COMMANDS:
        return " ".join(parts[:2])
    if parts and parts[0] in COMMANDS:
        return parts[0]
    return None


def _problems(uses: list[Use]) -> list[str]:
    problems = []
    for use in uses:
        first = use.words.split()[0]
        path = _command_of(use.words)
        if path is None:
            if first not in GROUPS:  # `procesmap log` alone names the group
                problems.append(f"{use.where()}: no command `procesmap {first}`")
            continue
        options = _options(COMMANDS[path])
        for match in OPTION.finditer(use.text):
            spelling = match.group(1)
            if spelling not in options and spelling not in {"--help", "-h"}:
                problems.append(f"{use.where()}: `procesmap {path}` has no option {spelling}")
        for match in VALUES.finditer(use.text):
            option = options.get(match.group(1))
            allowed = _values(path, option) if option is not None else None
            if allowed is None:
                continue
            wrong = [v for v in match.group(2).split("|") if v not in allowed]
            if wrong:
                problems.append(
                    f"{use.where()}: {match.group(1)} of `procesmap {path}` takes {sorted(allowed)}, not {wrong}"
                )
    return problems


ALL_USES = [use for page in PAGES for use in _uses(page)]


def test_the_docs_show_many_command_lines() -> None:
    assert len(ALL_USES) > 100
    shown = {_command_of(use.words) for use in ALL_USES}
    assert set(COMMANDS) <= shown, f"commands never shown as a command line: {set(COMMANDS) - shown}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_command_option_and_value_the_docs_name_exists(page: Path) -> None:
    assert _problems(_uses(page)) == []


def _documented(path: str, spellings: list[str]) -> bool:
    names = re.compile("|".join(re.escape(s) + r"(?![\w-])" for s in spellings))
    for use in ALL_USES:
        if _command_of(use.words) == path and names.search(use.text):
            return True
    command = re.compile(r"procesmap " + re.escape(path) + r"(?![\w-])")
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for fence in FENCE.finditer(text):
            block = fence.group(2)
            comments = [line for line in block.split("\n") if line.lstrip().startswith("#")]
            if command.search(block) and any(names.search(line) for line in comments):
                return True
        prose = FENCE.sub("", text)
        for paragraph in re.split(r"\n\s*\n", prose):
            if command.search(paragraph) and any(names.search(code) for code in INLINE.findall(paragraph)):
                return True
    return False


@pytest.mark.parametrize("path", sorted(COMMANDS))
def test_every_option_of_every_command_is_documented(path: str) -> None:
    options = [p for p in COMMANDS[path].params if p.param_type_name == "option" and not p.hidden]
    missing = [p.opts[0] for p in options if not _documented(path, _spellings(p))]
    assert missing == [], f"`procesmap {path}`: options in no page of README.md or docs/: {missing}"


def test_the_checks_can_fail() -> None:
    """A made-up command, option and value are caught, and an option shown nowhere is not documented."""
    page = ROOT / "docs" / "format.md"
    text = (
        "```sh\nprocesmap analyse FILE --fromat json [--lang nl|de]   # a comment --not-read\n"
        "procesmap analyze FILE\nprocesmap log stats LOG --top 5 | procesmap log discover LOG --top 5\n```\n"
        "Run `procesmap diagram FILE --format png|gif` or `procesmap check . --only-maps`.\n"
    )
    problems = _problems(_uses(page, text))
    assert len(problems) == 5, problems
    assert "no option --fromat" in problems[0] and "not ['de']" in problems[1]
    assert "no command `procesmap analyze`" in problems[2]
    assert "`procesmap log discover` has no option --top" in problems[3]
    assert "not ['gif']" in problems[4]
    assert not _documented("analyse", ["--no-such-option"])
    assert _documented("log stats", ["--case"])  # from the comment line of docs/eventlog.md's block


def _rule_rows(text: str) -> dict[str, tuple[str, str]]:
    """{code: (name, severity)} of a table whose rows start `| PM101 | organisation-handover | warning |`."""
    rows = re.findall(r"^\| (PM\d{3}) \| ([a-z-]+) \| (error|warning|info) \|", text, re.MULTILINE)
    return {code: (name, severity) for code, name, severity in rows}


def _registry() -> dict[str, tuple[str, str]]:
    from procesmap.rules.registry import specs

    return {
        spec.code: (spec.name, str(getattr(spec.default_severity, "value", spec.default_severity))) for spec in specs()
    }


@pytest.mark.parametrize("page", ["README.md", "docs/format.md"])
def test_the_rule_tables_are_the_registry(page: str) -> None:
    """Code, name and default severity of every map rule, as `procesmap rules` lists them; PM000, PM001 and
    PM601-PM607 (other commands' codes) are in the text beside the table."""
    table = _rule_rows((ROOT / page).read_text(encoding="utf-8"))
    registry = {code: row for code, row in _registry().items() if code[2] not in "06"}
    assert table == registry
    assert _rule_rows("| PM101 | organisation-handover | warning |\n| PM204 | spof | warning |") != registry


def _documented_values(uses: list[Use]) -> dict[tuple[str, str], set[str]]:
    """{(command, option): the values the uses list for it} from `--option a|b|c`, both spellings of an option."""
    found: dict[tuple[str, str], set[str]] = {}
    for use in uses:
        path = _command_of(use.words)
        if path is None:
            continue
        options = _options(COMMANDS[path])
        for match in VALUES.finditer(use.text):
            option = options.get(match.group(1))
            if option is not None:
                found.setdefault((path, option.opts[0]), set()).update(match.group(2).split("|"))
    return found


def test_every_value_of_every_option_is_documented() -> None:
    """An option with fixed values (`--format`, `--lang`, `--fail-on`, `--paper`, `--pools`, ...) has all of them
    listed in a command line of the docs (`[--format terminal|markdown|json]`), or refers to another listing."""
    documented = _documented_values(ALL_USES)
    missing = {}
    for path, command in COMMANDS.items():
        for option in command.params:
            if option.param_type_name != "option":
                continue
            allowed = _values(path, option)
            if allowed and documented.get((path, option.opts[0]), set()) != allowed:
                missing[f"procesmap {path} {option.opts[0]}"] = sorted(
                    allowed - documented.get((path, option.opts[0]), set())
                )
    assert missing == {}
