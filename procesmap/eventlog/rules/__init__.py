"""PM6xx: findings from holding a map against an event log (``procesmap log compare``).

The registry is explicit, like :mod:`procesmap.rules`; a test checks it against the
modules in this folder and the generated pages in ``docs/rules/log/``. Each module's
docstring has the sections *Why this matters*, *Waarom dit ertoe doet*, *Example* (a map
in a ``yaml`` block and a log in a ``csv`` block that give the finding) and *Use
instead* (a map and log that do not); a test runs both.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import TYPE_CHECKING, Any

from procesmap.eventlog.rules import (
    pm601_low_fitness,
    pm602_transition_not_on_map,
    pm603_map_transition_never_observed,
    pm604_activity_not_on_map,
    pm605_rework_missed,
    pm606_wait_underestimated,
    pm607_term_exceeded_in_practice,
)

if TYPE_CHECKING:
    from procesmap.analysis import Finding, Settings

__all__ = ["LOG_RULES", "run_log_rules", "get_log_rule", "example_blocks", "run_example", "docs_path", "DOCS_FOLDER"]

DOCS_FOLDER = "docs/rules/log"

LOG_RULES: dict[str, ModuleType] = {
    module.CODE: module
    for module in (
        pm601_low_fitness,
        pm602_transition_not_on_map,
        pm603_map_transition_never_observed,
        pm604_activity_not_on_map,
        pm605_rework_missed,
        pm606_wait_underestimated,
        pm607_term_exceeded_in_practice,
    )
}


def docs_path(code: str) -> str:
    module = LOG_RULES[code]
    return f"{DOCS_FOLDER}/{module.CODE}-{module.NAME}.md"


def get_log_rule(code_or_name: str) -> ModuleType | None:
    key = code_or_name.strip()
    if key.upper() in LOG_RULES:
        return LOG_RULES[key.upper()]
    return next((m for m in LOG_RULES.values() if m.NAME == key.lower()), None)


def run_log_rules(comparison: Any, settings: "Settings") -> list["Finding"]:
    """Every enabled PM6xx rule over one comparison; severities and options from ``settings`` as for PM1xx-PM5xx."""
    from procesmap.analysis import Severity
    from procesmap.eventlog.rules._base import LogRuleContext

    findings: list[Finding] = []
    for code, module in LOG_RULES.items():
        level = settings.severities.get(code, module.DEFAULT_SEVERITY.value)
        if level == "off":
            continue
        options = dict(module.OPTIONS)
        options.update(settings.options.get(code, {}))
        ctx = LogRuleContext(comparison.analysis, code, module.NAME, Severity(level), options, comparison=comparison)
        findings.extend(module.check(ctx))
    findings.sort(key=lambda f: (f.line, f.column, f.code, f.subject))
    return findings


def example_blocks(module: ModuleType, section: str) -> tuple[str, str]:
    """The ``yaml`` map and the ``csv`` log of a docs section (``Example`` or ``Use instead``)."""
    from procesmap.rules import rule_doc

    body = rule_doc(module).get(section, "")
    yaml_block = re.search(r"```yaml\n(.*?)```", body, re.DOTALL)
    csv_block = re.search(r"```csv\n(.*?)```", body, re.DOTALL)
    return (yaml_block.group(1) if yaml_block else "", csv_block.group(1) if csv_block else "")


def run_example(module: ModuleType, section: str) -> Any:
    """Compare the documented map with the documented log (used by the tests and the docs)."""
    import tempfile
    from pathlib import Path

    import procesmap
    from procesmap.analysis import Settings
    from procesmap.eventlog import compare, read_log

    map_text, log_text = example_blocks(module, section)
    process = procesmap.loads(map_text, f"{module.CODE}-{'example' if section == 'Example' else 'fixed'}.yaml")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.csv"
        path.write_text(log_text, encoding="utf-8")
        log = read_log(path)
    return compare(process, log, Settings(cases=1000))
