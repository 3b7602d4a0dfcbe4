"""The docs pages of the PM6xx rules, generated from their modules (never edited by hand).

python -m procesmap.eventlog.rules_docs docs/rules/log
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from procesmap.eventlog.rules import example_blocks
from procesmap.i18n import t
from procesmap.rules import rule_doc
from procesmap.rules.registry import REGISTRY, specs
from pathlib import Path
from procesmap._io import write_atomic
from procesmap.eventlog import compare, read_log
from procesmap.settings import Settings
import tempfile
import procesmap
from procesmap.rules_docs import page_head, page_messages

__all__ = ["log_rule_markdown", "write_log_docs", "docs_filename", "index_markdown", "run_example"]


def docs_filename(module: ModuleType) -> str:
    """The file name of a PM6xx page: the last part of its registry docs path."""
    return REGISTRY[module.CODE].docs.rsplit("/", 1)[1]


def log_rule_markdown(module: ModuleType) -> str:
    doc = rule_doc(module)
    lines = page_head(module, (f"- Command: `{REGISTRY[module.CODE].command}`",))
    if module.OPTIONS:
        lines += ["## Options", "", doc.get("Options", ""), "", "| option | default |", "|---|---|"]
        lines += [f"| `{name}` | `{default}` |" for name, default in module.OPTIONS.items()]
        lines += [""]
    for section, intro in (
        ("Example", "This map and log give the finding:"),
        ("Use instead", "This map and log do not:"),
    ):
        map_text, log_text = example_blocks(module, section)
        lines += [
            f"## {section}",
            "",
            intro,
            "",
            "```yaml",
            map_text.rstrip(),
            "```",
            "",
            "```csv",
            log_text.rstrip(),
            "```",
            "",
        ]
    lines += page_messages(module)
    return "\n".join(lines)


def index_markdown() -> str:
    lines = [
        "# Rules PM6xx: the map against the event log",
        "",
        "Generated from `procesmap/eventlog/rules/` (`python -m procesmap.eventlog.rules_docs docs/rules/log`); do not edit.",
        "These findings come from `procesmap log compare MAP LOG`; see [docs/eventlog.md](../../eventlog.md).",
        "",
        "| code | name | default severity | when |",
        "|---|---|---|---|",
    ]
    for module in (s.module for s in specs("log")):
        assert module is not None
        lines.append(
            f"| [{module.CODE}]({docs_filename(module)}) | `{module.NAME}` | {module.DEFAULT_SEVERITY.value} | "
            f"{t(module.CODE + '.summary', 'en')} |"
        )
    return "\n".join(lines) + "\n"


def write_log_docs(folder: str) -> list[str]:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for module in (s.module for s in specs("log")):
        assert module is not None
        path = target / docs_filename(module)
        write_atomic(path, log_rule_markdown(module))
        written.append(str(path))
    write_atomic(target / "README.md", index_markdown())
    return written


def run_example(module: ModuleType, section: str) -> Any:
    """Compare the documented map with the documented log (used by the tests and the docs)."""

    map_text, log_text = example_blocks(module, section)
    process = procesmap.loads(map_text, f"{module.CODE}-{'example' if section == 'Example' else 'fixed'}.yaml")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.csv"
        path.write_text(log_text, encoding="utf-8")
        log = read_log(path)
    return compare(process, log, Settings(cases=1000))


if __name__ == "__main__":
    import sys

    for name in write_log_docs(sys.argv[1] if len(sys.argv) > 1 else "docs/rules/log"):
        print(name)
