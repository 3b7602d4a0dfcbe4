"""Rule documentation for people: ``procesmap rules`` and the generated ``docs/rules/*.md`` pages."""

from __future__ import annotations

from types import ModuleType
import re
import textwrap
from typing import TYPE_CHECKING

from procesmap.errors import UsageError
from procesmap.i18n import MESSAGES, t
from procesmap._io import write_atomic
from procesmap.rules import example_yaml, example_zaaktype, rule_doc
from procesmap.rules.registry import COMMANDS, REGISTRY, get_spec, specs
from procesmap.eventlog.rules import example_blocks
from pathlib import Path

if TYPE_CHECKING:
    from rich.console import Console
    from rich.syntax import Syntax

__all__ = ["list_rules", "explain_rule", "rule_markdown", "docs_filename", "find_code", "all_codes", "META_EXAMPLES"]

_WHY = {"en": "Why this matters", "nl": "Waarom dit ertoe doet"}


def docs_filename(module: ModuleType) -> str:
    """The file name of a rule's page: the last part of its registry docs path."""
    return REGISTRY[module.CODE].docs.rsplit("/", 1)[1]


#: The examples of PM000 and PM001, which are no rule module: a map that gets the code, and the same map fixed.
META_EXAMPLES: dict[str, tuple[str, str]] = {
    "PM000": (
        """\
procesmap: 1
id: melding
owner: behandelaar
roles:
  behandelaar: {people: 2}
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1 uur, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 1h}
""",
        """\
procesmap: 1
id: melding
owner: behandelaar
roles:
  behandelaar: {people: 2}
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 1h}
""",
    ),
    "PM001": (
        """\
procesmap: 1
id: melding
owner: behandelaar
roles:
  behandelaar: {people: 2}   # procesmap: ignore[PM204] until the second person starts
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 1h}
""",
        """\
procesmap: 1
id: melding
owner: behandelaar
roles:
  behandelaar: {people: 2}
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 1h}
""",
    ),
}


def find_code(code: str) -> tuple[str, ModuleType | None] | None:
    """Any code procesmap reports, by code or name: ``("rule", module)`` for PM1xx-PM5xx and PM70x, ``("log",
    module)`` for PM6xx (``procesmap log compare``), ``("meta", None)`` for PM000/PM001; ``None`` if unknown."""
    spec = get_spec(code)
    if spec is None:
        return None
    return {"meta": "meta", "log": "log"}.get(spec.family, "rule"), spec.module


def all_codes() -> list[tuple[str, str, str, str]]:
    """Every code procesmap reports, sorted: ``(code, name, default severity, family)``; family is ``meta``,
    ``rule`` (a map rule, PM70x included) or ``log``."""
    return [
        (s.code, s.name, s.default_severity.value, {"meta": "meta", "log": "log"}.get(s.family, "rule"))
        for s in REGISTRY.values()
    ]


#: The narrowest description column of ``procesmap rules``'s table; on a narrower terminal each rule is a heading
#: line and its description below it (at COLUMNS=60 the column was 3 characters: "a pr…", every word cut).
_MIN_DESCRIPTION = 24


def list_rules(console: "Console", lang: str) -> None:
    from rich.table import Table  # lazy: rich loads only for terminal output
    from rich.text import Text  # lazy: rich loads only for terminal output

    rows = [(code, name, t(f"label.{level}", lang), t(f"{code}.summary", lang)) for code, name, level, _ in all_codes()]
    headers = (t("report.code", lang), t("cli.name", lang), t("cli.severity", lang))
    fixed = sum(max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers))
    if console.width - fixed - 3 * 3 < _MIN_DESCRIPTION:  # three columns and their separators (` │ `)
        console.print(Text(t("cli.rules_title", lang), style="italic"))
        for code, name, severity, summary in rows:
            console.print(Text(f"{code}  {name} · {severity}", style="bold"))
            indent = " " * (len(code) + 2)
            wrapped = textwrap.fill(summary, max(console.width, 20), initial_indent=indent, subsequent_indent=indent)
            console.print(Text(wrapped), soft_wrap=True)
        console.print()
        console.print(t("cli.rules_footnote", lang), markup=False)
        return
    table = Table(title=t("cli.rules_title", lang), title_justify="left", show_edge=False)
    table.add_column(t("report.code", lang), no_wrap=True)
    table.add_column(t("cli.name", lang), no_wrap=True)
    table.add_column(t("cli.severity", lang), no_wrap=True)
    table.add_column(t("cli.description", lang))
    for code, name, severity, summary in rows:
        table.add_row(code, name, severity, Text(summary))
    console.print(table)
    console.print()
    console.print(t("cli.rules_footnote", lang), markup=False)


def _code(text: str, lexer: str) -> "Syntax":
    """An example, coloured. Print it with ``soft_wrap=True``: a line wider than the terminal then goes out
    whole (the terminal shows it on two rows, and copying it gives the line as written) instead of cut off
    at the terminal's width, which made a copied example invalid YAML."""
    from rich.syntax import Syntax  # lazy: rich loads only for terminal output

    return Syntax(text.rstrip(), lexer, theme="ansi_dark", background_color="default")


def _reflowed(text: str) -> str:
    """A rule's "why" as the terminal should wrap it: each paragraph one line. The rule's docstring breaks its lines
    at about 90 characters, so an 80-column terminal showed every line of PM701's text as a long row and a short
    one ("every case and")."""
    return "\n\n".join(" ".join(part.split()) for part in re.split(r"\n\s*\n", text.strip()))


def explain_rule(console: "Console", code: str, lang: str) -> None:
    from rich.text import Text  # lazy: rich loads only for terminal output

    found = find_code(code)
    if found is None:
        raise UsageError("cli.unknown_rule", "hint.cli.unknown_rule", code=code)
    family, module = found
    if module is None:
        _explain_meta(console, get_spec(code).code, lang)  # type: ignore[union-attr]
        return
    doc = rule_doc(module)
    console.print(Text(f"{t(module.CODE + '.title', lang)} ({module.CODE}, {module.NAME})", style="bold"))
    console.print(f"{t('cli.severity', lang)}: {t('label.' + module.DEFAULT_SEVERITY.value, lang)}")
    if family == "log":
        console.print(t("cli.rules_found_by", lang, command=COMMANDS["log"]), markup=False)
    console.print(t(f"{module.CODE}.summary", lang))
    if f"{module.CODE}.detail" in MESSAGES:  # how the rule decides, where one line cannot say it
        console.print(t(f"{module.CODE}.detail", lang), markup=False)
    console.print()
    console.print(Text(_WHY[lang], style="bold"))
    console.print(_reflowed(doc.get(_WHY[lang]) or doc.get(_WHY["en"], "")), markup=False)
    if module.OPTIONS:
        console.print()
        console.print(Text(t("cli.options", lang), style="bold"))
        for name, default in module.OPTIONS.items():
            console.print(f"  {name} = {default}")
    for section, key in (("Example", "cli.example"), ("Use instead", "cli.use_instead")):
        console.print()
        console.print(Text(t(key, lang), style="bold"))
        if family == "rule" and section == "Example":
            zaaktype = example_zaaktype(module)
            if zaaktype is not None:
                console.print(Text(t("cli.rules_zaaktype_example", lang), style="italic"))
                console.print(_code(zaaktype, "json"), soft_wrap=True)
        if family == "log":
            map_text, log_text = example_blocks(module, section)
            console.print(_code(map_text, "yaml"), soft_wrap=True)
            console.print(Text(t("cli.rules_log_example", lang), style="italic"))
            console.print(Text(log_text.rstrip()), soft_wrap=True)
        else:
            console.print(_code(example_yaml(module, section), "yaml"), soft_wrap=True)


def _explain_meta(console: "Console", code: str, lang: str) -> None:
    """PM000 and PM001: codes about the input and the suppression comments, described in docs/ci.md."""
    from rich.text import Text  # lazy: rich loads only for terminal output

    spec = REGISTRY[code]
    name, level = spec.name, spec.default_severity.value
    console.print(Text(f"{t(code + '.title', lang)} ({code}, {name})", style="bold"))
    console.print(f"{t('cli.severity', lang)}: {t('label.' + level, lang)}")
    console.print(t("cli.rules_found_by", lang, command=COMMANDS["meta"]), markup=False)
    console.print(t(f"{code}.summary", lang), markup=False)
    console.print()
    console.print(Text(_WHY[lang], style="bold"))
    console.print(t(f"{code}.why", lang), markup=False)
    example, fixed = META_EXAMPLES[code]
    for key, text in (("cli.example", example), ("cli.use_instead", fixed)):
        console.print()
        console.print(Text(t(key, lang), style="bold"))
        console.print(_code(text, "yaml"), soft_wrap=True)


def page_head(module: ModuleType, facts: tuple[str, ...] = ()) -> list[str]:
    """The top of a rule's docs page (title, code, name, severity, Dutch title, ``facts``, why), for map and log rules."""
    doc = rule_doc(module)
    return [
        f"# {t(module.CODE + '.title', 'en')} ({module.CODE})",
        "",
        f"- Code: `{module.CODE}`",
        f"- Name: `{module.NAME}`",
        f"- Default severity: `{module.DEFAULT_SEVERITY.value}`",
        f"- Dutch: {t(module.CODE + '.title', 'nl')}",
        *facts,
        "",
        doc["summary"],
        "",
        "## Why this matters",
        "",
        doc.get("Why this matters", ""),
        "",
        "## Waarom dit ertoe doet",
        "",
        doc.get("Waarom dit ertoe doet", ""),
        "",
    ]


def page_messages(module: ModuleType) -> list[str]:
    """The end of a rule's docs page: its message and hint in both languages."""
    return [
        "## Message",
        "",
        f"- en: {t(module.CODE + '.message', 'en')}",
        f"- nl: {t(module.CODE + '.message', 'nl')}",
        f"- hint (en): {t(module.CODE + '.hint', 'en')}",
        f"- hint (nl): {t(module.CODE + '.hint', 'nl')}",
        "",
    ]


def rule_markdown(module: ModuleType) -> str:
    """The docs page of one rule (generated, never edited by hand)."""
    lines = page_head(module)
    if module.OPTIONS:
        lines += ["## Options", "", "| option | default |", "|---|---|"]
        lines += [f"| `{name}` | `{default}` |" for name, default in module.OPTIONS.items()]
        lines += [""]
    zaaktype = example_zaaktype(module)
    if zaaktype is not None:
        lines += [
            "## Zaaktype",
            "",
            "Found by `procesmap check MAP --zaaktype FILE` (or the configuration's `zaaktypen`, "
            "see [docs/zaaksysteem.md](../zaaksysteem.md)); the examples are checked against this zaaktype:",
            "",
            "```json",
            zaaktype.rstrip(),
            "```",
            "",
        ]
    lines += [
        "## Example",
        "",
        "This map gets the finding:",
        "",
        "```yaml",
        example_yaml(module, "Example").rstrip(),
        "```",
        "",
    ]
    lines += ["## Use instead", "", "```yaml", example_yaml(module, "Use instead").rstrip(), "```", ""]
    lines += page_messages(module)
    return "\n".join(lines)


def write_docs(folder: str) -> list[str]:
    """Write ``docs/rules/<CODE>-<name>.md`` for every rule and an index; returns the files written."""

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    index = [
        "# Rules",
        "",
        "Generated from the rule modules (`python -m procesmap.rules_docs docs/rules`); do not edit.",
        "",
        "| code | name | default severity | when |",
        "|---|---|---|---|",
    ]
    for spec in specs("map", "zaaktype"):
        module = spec.module
        assert module is not None
        path = target / docs_filename(module)
        write_atomic(path, rule_markdown(module))
        written.append(str(path))
        index.append(
            f"| [{module.CODE}]({docs_filename(module)}) | `{module.NAME}` | {module.DEFAULT_SEVERITY.value} | "
            f"{t(module.CODE + '.summary', 'en')} |"
        )
    write_atomic(target / "README.md", "\n".join(index) + "\n")
    return written


if __name__ == "__main__":
    import sys

    for name in write_docs(sys.argv[1] if len(sys.argv) > 1 else "docs/rules"):
        print(name)
