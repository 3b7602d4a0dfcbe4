"""Rule documentation for people: ``procesmap rules`` and the generated ``docs/rules/*.md`` pages."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from procesmap.errors import UsageError
from procesmap.i18n import MESSAGES, t
from procesmap.rules import RULES, example_yaml, get_rule, rule_doc

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["list_rules", "explain_rule", "rule_markdown", "docs_filename", "find_code", "all_codes", "META_EXAMPLES"]

_WHY = {"en": "Why this matters", "nl": "Waarom dit ertoe doet"}


def docs_filename(module: ModuleType) -> str:
    return f"{module.CODE}-{module.NAME}.md"


#: Where each family of codes comes from: ``procesmap rules`` shows it with the rule.
_COMMANDS = {"meta": "procesmap check, procesmap analyse", "log": "procesmap log compare MAP LOG"}

#: The examples of PM000 and PM001, which are no rule module: a map that gets the code, and the same map fixed.
META_EXAMPLES: dict[str, tuple[str, str]] = {
    "PM000": ("""\
procesmap: 1
id: melding
owner: behandelaar
roles:
  behandelaar: {people: 2}
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1 uur, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 1h}
""", """\
procesmap: 1
id: melding
owner: behandelaar
roles:
  behandelaar: {people: 2}
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 1h}
"""),
    "PM001": ("""\
procesmap: 1
id: melding
owner: behandelaar
roles:
  behandelaar: {people: 2}   # procesmap: ignore[PM204] until the second person starts
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 1h}
""", """\
procesmap: 1
id: melding
owner: behandelaar
roles:
  behandelaar: {people: 2}
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 1h}
"""),
}


def find_code(code: str) -> tuple[str, ModuleType | None] | None:
    """Any code procesmap reports, by code or name: ``("rule", module)`` for PM101-PM501, ``("log", module)``
    for PM601-PM607 (``procesmap log compare``), ``("meta", None)`` for PM000/PM001; ``None`` if unknown."""
    from procesmap.config import META_RULES
    from procesmap.eventlog.rules import get_log_rule

    module = get_rule(code)
    if module is not None:
        return "rule", module
    module = get_log_rule(code)
    if module is not None:
        return "log", module
    key = code.strip()
    if key.upper() in META_RULES:
        return "meta", None
    if any(name == key.lower() for name, _ in META_RULES.values()):
        return "meta", None
    return None


def _meta_code(code: str) -> str:
    from procesmap.config import META_RULES

    key = code.strip()
    if key.upper() in META_RULES:
        return key.upper()
    return next(c for c, (name, _) in META_RULES.items() if name == key.lower())


def all_codes() -> list[tuple[str, str, str, str]]:
    """Every code procesmap reports, sorted: ``(code, name, default severity, family)``."""
    from procesmap.config import META_RULES
    from procesmap.eventlog.rules import LOG_RULES

    rows = [(code, name, level, "meta") for code, (name, level) in META_RULES.items()]
    rows += [(code, m.NAME, m.DEFAULT_SEVERITY.value, "rule") for code, m in RULES.items()]
    rows += [(code, m.NAME, m.DEFAULT_SEVERITY.value, "log") for code, m in LOG_RULES.items()]
    return sorted(rows)


def list_rules(console: "Console", lang: str) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=t("cli.rules_title", lang), title_justify="left", show_edge=False)
    table.add_column(t("report.code", lang), no_wrap=True)
    table.add_column(t("cli.name", lang), no_wrap=True)
    table.add_column(t("cli.severity", lang), no_wrap=True)
    table.add_column(t("cli.description", lang))
    for code, name, level, _ in all_codes():
        table.add_row(code, name, t(f"label.{level}", lang), Text(t(f"{code}.summary", lang)))
    console.print(table)
    console.print()
    console.print(t("cli.rules_footnote", lang), markup=False)


def explain_rule(console: "Console", code: str, lang: str) -> None:
    from rich.syntax import Syntax
    from rich.text import Text

    found = find_code(code)
    if found is None:
        raise UsageError("cli.unknown_rule", "hint.cli.unknown_rule", code=code)
    family, module = found
    if module is None:
        _explain_meta(console, _meta_code(code), lang)
        return
    doc = rule_doc(module)
    console.print(Text(f"{t(module.CODE + '.title', lang)} ({module.CODE}, {module.NAME})", style="bold"))
    console.print(f"{t('cli.severity', lang)}: {t('label.' + module.DEFAULT_SEVERITY.value, lang)}")
    if family == "log":
        console.print(t("cli.rules_found_by", lang, command=_COMMANDS["log"]), markup=False)
    console.print(t(f"{module.CODE}.summary", lang))
    if f"{module.CODE}.detail" in MESSAGES:  # how the rule decides, where one line cannot say it
        console.print(t(f"{module.CODE}.detail", lang), markup=False)
    console.print()
    console.print(Text(_WHY[lang], style="bold"))
    console.print(doc.get(_WHY[lang]) or doc.get(_WHY["en"], ""))
    if module.OPTIONS:
        console.print()
        console.print(Text(t("cli.options", lang), style="bold"))
        for name, default in module.OPTIONS.items():
            console.print(f"  {name} = {default}")
    for section, key in (("Example", "cli.example"), ("Use instead", "cli.use_instead")):
        console.print()
        console.print(Text(t(key, lang), style="bold"))
        if family == "rule" and section == "Example":
            from procesmap.rules import example_zaaktype

            zaaktype = example_zaaktype(module)
            if zaaktype is not None:
                console.print(Text(t("cli.rules_zaaktype_example", lang), style="italic"))
                console.print(Syntax(zaaktype.rstrip(), "json", theme="ansi_dark", background_color="default"))
        if family == "log":
            from procesmap.eventlog.rules import example_blocks

            map_text, log_text = example_blocks(module, section)
            console.print(Syntax(map_text.rstrip(), "yaml", theme="ansi_dark", background_color="default"))
            console.print(Text(t("cli.rules_log_example", lang), style="italic"))
            console.print(Text(log_text.rstrip()))
        else:
            console.print(Syntax(example_yaml(module, section).rstrip(), "yaml", theme="ansi_dark",
                                 background_color="default"))


def _explain_meta(console: "Console", code: str, lang: str) -> None:
    """PM000 and PM001: codes about the input and the suppression comments, described in docs/ci.md."""
    from rich.syntax import Syntax
    from rich.text import Text

    from procesmap.config import META_RULES

    name, level = META_RULES[code]
    console.print(Text(f"{t(code + '.title', lang)} ({code}, {name})", style="bold"))
    console.print(f"{t('cli.severity', lang)}: {t('label.' + level, lang)}")
    console.print(t("cli.rules_found_by", lang, command=_COMMANDS["meta"]), markup=False)
    console.print(t(f"{code}.summary", lang), markup=False)
    console.print()
    console.print(Text(_WHY[lang], style="bold"))
    console.print(t(f"{code}.why", lang), markup=False)
    example, fixed = META_EXAMPLES[code]
    for key, text in (("cli.example", example), ("cli.use_instead", fixed)):
        console.print()
        console.print(Text(t(key, lang), style="bold"))
        console.print(Syntax(text.rstrip(), "yaml", theme="ansi_dark", background_color="default"))


def rule_markdown(module: ModuleType) -> str:
    """The docs page of one rule (generated, never edited by hand)."""
    doc = rule_doc(module)
    lines = [
        f"# {t(module.CODE + '.title', 'en')} ({module.CODE})",
        "",
        f"- Code: `{module.CODE}`",
        f"- Name: `{module.NAME}`",
        f"- Default severity: `{module.DEFAULT_SEVERITY.value}`",
        f"- Dutch: {t(module.CODE + '.title', 'nl')}",
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
    if module.OPTIONS:
        lines += ["## Options", "", "| option | default |", "|---|---|"]
        lines += [f"| `{name}` | `{default}` |" for name, default in module.OPTIONS.items()]
        lines += [""]
    from procesmap.rules import example_zaaktype

    zaaktype = example_zaaktype(module)
    if zaaktype is not None:
        lines += ["## Zaaktype", "", "Found by `procesmap check MAP --zaaktype FILE` (or the configuration's `zaaktypen`, "
                  "see [docs/zaaksysteem.md](../zaaksysteem.md)); the examples are checked against this zaaktype:", "",
                  "```json", zaaktype.rstrip(), "```", ""]
    lines += ["## Example", "", "This map gets the finding:", "", "```yaml", example_yaml(module, "Example").rstrip(), "```", ""]
    lines += ["## Use instead", "", "```yaml", example_yaml(module, "Use instead").rstrip(), "```", ""]
    lines += ["## Message", "", f"- en: {t(module.CODE + '.message', 'en')}", f"- nl: {t(module.CODE + '.message', 'nl')}",
              f"- hint (en): {t(module.CODE + '.hint', 'en')}", f"- hint (nl): {t(module.CODE + '.hint', 'nl')}", ""]
    return "\n".join(lines)


def write_docs(folder: str) -> list[str]:
    """Write ``docs/rules/<CODE>-<name>.md`` for every rule and an index; returns the files written."""
    from pathlib import Path

    from procesmap._io import write_atomic

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    index = ["# Rules", "", "Generated from the rule modules (`python -m procesmap.rules_docs docs/rules`); do not edit.", "",
             "| code | name | default severity | when |", "|---|---|---|---|"]
    for module in RULES.values():
        path = target / docs_filename(module)
        write_atomic(path, rule_markdown(module))
        written.append(str(path))
        index.append(f"| [{module.CODE}]({docs_filename(module)}) | `{module.NAME}` | {module.DEFAULT_SEVERITY.value} | "
                     f"{t(module.CODE + '.summary', 'en')} |")
    write_atomic(target / "README.md", "\n".join(index) + "\n")
    return written


if __name__ == "__main__":
    import sys

    for name in write_docs(sys.argv[1] if len(sys.argv) > 1 else "docs/rules"):
        print(name)
