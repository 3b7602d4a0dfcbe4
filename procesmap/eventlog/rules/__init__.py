"""PM6xx: findings from holding a map against an event log (``procesmap log compare``).

The rules are entries of the registry (:mod:`procesmap.rules.registry`); a test checks them against the
modules in this folder and the generated pages in ``docs/rules/log/``. Each module's
docstring has the sections *Why this matters*, *Waarom dit ertoe doet*, *Example* (a map
in a ``yaml`` block and a log in a ``csv`` block that give the finding) and *Use
instead* (a map and log that do not); a test runs both
(:func:`procesmap.eventlog.rules_docs.run_example`).
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from procesmap.findings import Finding
    from procesmap.settings import Settings

__all__ = ["LOG_RULES", "run_log_rules", "get_log_rule", "example_blocks", "docs_path", "DOCS_FOLDER"]

DOCS_FOLDER = "docs/rules/log"


def __getattr__(name: str) -> Any:
    # LOG_RULES is a view of the registry, made when first asked for: the registry imports this package's
    # modules, so this package cannot import the registry while it loads.
    if name == "LOG_RULES":
        from procesmap.rules.registry import specs  # lazy: the registry imports this package: imported when called

        return {s.code: s.module for s in specs("log")}
    raise AttributeError(name)


def docs_path(code: str) -> str:
    """The docs page of a PM6xx code (:func:`procesmap.findings.docs_path`)."""
    from procesmap.rules.registry import REGISTRY  # lazy: the registry imports this package: imported when called

    return REGISTRY[code].docs


def get_log_rule(code_or_name: str) -> ModuleType | None:
    from procesmap.rules.registry import get_spec  # lazy: the registry imports this package: imported when called

    spec = get_spec(code_or_name)
    return spec.module if spec is not None and spec.family == "log" else None


def run_log_rules(comparison: Any, settings: "Settings") -> list["Finding"]:
    """Every enabled PM6xx rule over one comparison; severities and options from ``settings`` as for every rule."""
    from procesmap.eventlog.rules._base import (  # lazy: cycle: _base imports procesmap.rules, whose registry imports this package
        LogRuleContext,
    )
    from procesmap.rules import run_checks  # lazy: procesmap.rules imports the registry, which imports this package

    def ctx_for(spec: Any, level: Any, enabled: dict[str, dict[str, Any]]) -> LogRuleContext:
        return LogRuleContext(
            comparison.analysis, spec.code, spec.name, level, enabled[spec.code], comparison=comparison
        )

    return run_checks(ctx_for, settings, "log")


def example_blocks(module: ModuleType, section: str) -> tuple[str, str]:
    """The ``yaml`` map and the ``csv`` log of a docs section (``Example`` or ``Use instead``)."""
    from procesmap.rules import rule_doc  # lazy: procesmap.rules imports the registry, which imports this package

    body = rule_doc(module).get(section, "")
    yaml_block = re.search(r"```yaml\n(.*?)```", body, re.DOTALL)
    csv_block = re.search(r"```csv\n(.*?)```", body, re.DOTALL)
    return (yaml_block.group(1) if yaml_block else "", csv_block.group(1) if csv_block else "")
