"""Rule documentation for people: ``procesmap rules`` and the generated ``docs/rules/*.md`` pages."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from procesmap.errors import UsageError
from procesmap.i18n import t
from procesmap.rules import RULES, example_yaml, get_rule, rule_doc

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["list_rules", "explain_rule", "rule_markdown", "docs_filename"]

_WHY = {"en": "Why this matters", "nl": "Waarom dit ertoe doet"}


def docs_filename(module: ModuleType) -> str:
    return f"{module.CODE}-{module.NAME}.md"


def list_rules(console: "Console", lang: str) -> None:
    from rich.table import Table

    table = Table(title=t("cli.rules_title", lang), title_justify="left", show_edge=False)
    table.add_column(t("report.code", lang), no_wrap=True)
    table.add_column(t("cli.name", lang), no_wrap=True)
    table.add_column(t("cli.severity", lang), no_wrap=True)
    table.add_column(t("cli.description", lang))
    for code, module in RULES.items():
        table.add_row(code, module.NAME, t(f"label.{module.DEFAULT_SEVERITY.value}", lang), t(f"{code}.summary", lang))
    console.print(table)


def explain_rule(console: "Console", code: str, lang: str) -> None:
    from rich.syntax import Syntax
    from rich.text import Text

    module = get_rule(code)
    if module is None:
        raise UsageError("cli.unknown_rule", "hint.cli.unknown_rule", code=code)
    doc = rule_doc(module)
    console.print(Text(f"{t(module.CODE + '.title', lang)} ({module.CODE}, {module.NAME})", style="bold"))
    console.print(f"{t('cli.severity', lang)}: {t('label.' + module.DEFAULT_SEVERITY.value, lang)}")
    console.print(t(f"{module.CODE}.summary", lang))
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
        console.print(Syntax(example_yaml(module, section).rstrip(), "yaml", theme="ansi_dark", background_color="default"))


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
