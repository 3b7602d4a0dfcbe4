"""The finding rules of docs/format.md, one module each, and how they run.

Which rules exist, with their names, severities, options, docs and checks, is
:mod:`procesmap.rules.registry` (an explicit list, as yamllint's ``_RULES``): a test
checks it against the modules in this folder and the pages in ``docs/rules/``.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any, Callable, Iterable

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext
from procesmap.rules.registry import REGISTRY, RuleSpec, enabled_rules, get_spec, options_of, severity_of, specs

from procesmap.settings import Settings

__all__ = [
    "RULES",
    "get_rule",
    "run_rules",
    "run_checks",
    "enabled_options",
    "RuleContext",
    "rule_doc",
    "example_zaaktype",
    "example_settings",
    "example_yaml",
    "REGISTRY",
    "RuleSpec",
    "get_spec",
]

#: The rule modules of one map (PM1xx-PM5xx, PM70x) by code: a view of :data:`REGISTRY`.
RULES: dict[str, ModuleType] = {s.code: s.module for s in specs("map", "zaaktype") if s.module is not None}


def get_rule(code_or_name: str) -> ModuleType | None:
    """A map rule's module by code (``PM204``, any case) or by name (``single-point-of-failure``)."""
    spec = get_spec(code_or_name)
    return spec.module if spec is not None and spec.family in ("map", "zaaktype") else None


def enabled_options(settings: "Settings", code: str) -> dict[str, Any] | None:
    """The options rule ``code`` runs with under ``settings`` (its defaults, then the configured ones), or ``None``
    when it is off. Reports read thresholds here (and from the findings), never from a constant of their own."""
    spec = REGISTRY.get(code)
    if spec is None or severity_of(spec, settings) == "off":
        return None
    return options_of(spec, settings)


def run_checks(
    ctx_for: "Callable[[RuleSpec, Severity, dict[str, dict[str, Any]]], RuleContext]",
    settings: "Settings | None",
    *families: str,
    only: "Iterable[str] | None" = None,
) -> list[Finding]:
    """Run every enabled rule of ``families`` (or just the codes in ``only``) with the context ``ctx_for`` makes;
    findings sorted by file position. The one loop over the registry that ``analyse``, ``log compare`` and the
    cross-process overview share."""
    enabled = enabled_rules(settings, *families)
    findings: list[Finding] = []
    for spec in specs(*families):
        if spec.code not in enabled or spec.check is None or (only is not None and spec.code not in only):
            continue
        ctx = ctx_for(spec, Severity(severity_of(spec, settings)), enabled)
        findings.extend(spec.check(ctx))
    findings.sort(key=lambda f: (f.line, f.column, f.code, f.subject))
    return findings


def run_rules(analysis: Any, settings: "Settings") -> list[Finding]:
    """Every enabled map rule (PM1xx-PM5xx, PM70x) over one analysis; findings sorted by file position."""
    catalogue = getattr(settings, "catalogue", None)
    zaaktype = catalogue.match(analysis.process) if catalogue is not None else None

    def ctx_for(spec: RuleSpec, level: Severity, enabled: dict[str, dict[str, Any]]) -> RuleContext:
        return RuleContext(analysis, spec.code, spec.name, level, enabled[spec.code], enabled, zaaktype, catalogue)

    return run_checks(ctx_for, settings, "map", "zaaktype")


_SECTION = re.compile(r"^(?P<title>[A-Z][A-Za-z ]+)\n-+\n", re.MULTILINE)


def rule_doc(module: ModuleType) -> dict[str, str]:
    """The docstring of a rule split into sections: summary, Why this matters, Options, Example, Use instead."""
    text = (module.__doc__ or "").strip()
    parts = _SECTION.split(text)
    sections = {"summary": parts[0].strip()}
    for index in range(1, len(parts) - 1, 2):
        sections[parts[index].strip()] = parts[index + 1].strip()
    return sections


def example_zaaktype(module: ModuleType) -> str | None:
    """The zaaktype (Catalogi API JSON) of a PM7xx rule's examples: its ``Zaaktype`` docs section, or ``None``."""
    body = rule_doc(module).get("Zaaktype", "")
    match = re.search(r"```json\n(.*?)```", body, re.DOTALL)
    return match.group(1) if match else None


def example_settings(module: ModuleType, cases: int = 2000) -> "Settings":
    """Settings to run a rule's documented examples with: the zaaktype of its docs, if it has one."""
    text = example_zaaktype(module)
    if text is None:
        return Settings(cases=cases)
    from procesmap.zgw._read import read_catalogue  # lazy: the zaaksysteem's reader loads only for a PM7xx example

    return Settings(cases=cases, catalogue=read_catalogue(text.encode("utf-8"), f"{module.CODE}-zaaktype.json"))


def example_yaml(module: ModuleType, section: str) -> str:
    """The YAML block of a docs section (``Example`` or ``Use instead``)."""
    body = rule_doc(module).get(section, "")
    match = re.search(r"```yaml\n(.*?)```", body, re.DOTALL)
    return match.group(1) if match else ""
