"""The rule registry: every finding rule of docs/format.md, one module each.

The list below is explicit (as yamllint's ``_RULES``): a test checks that it
matches the modules in this folder and the pages in ``docs/rules/``.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import TYPE_CHECKING

from procesmap.analysis.findings import Finding, Severity
from procesmap.rules import (
    pm101_organisation_handover,
    pm102_team_handover,
    pm103_manual_handover,
    pm104_ping_pong,
    pm201_no_process_owner,
    pm202_no_responsible,
    pm203_no_accountable,
    pm204_single_point_of_failure,
    pm205_owner_outside_process,
    pm206_external_with_capacity,
    pm301_term_exceeded,
    pm302_term_at_risk,
    pm303_bottleneck,
    pm304_overloaded,
    pm305_long_wait,
    pm306_service_norm_missed,
    pm307_queue_exceeds_wait,
    pm308_deferral_after_term,
    pm401_unreachable_step,
    pm402_dead_end,
    pm403_branch_probabilities,
    pm404_endless_loop,
    pm405_unmatched_parallel,
    pm501_knelpunt_without_owner,
    pm701_term_differs_from_zaaktype,
    pm702_suspension_not_allowed,
    pm703_extension_not_allowed,
    pm704_statustype_without_step,
    pm705_zaaktype_not_in_catalogue,
)
from procesmap.rules._base import RuleContext

if TYPE_CHECKING:
    from procesmap.analysis import Analysis, Settings

__all__ = ["RULES", "get_rule", "run_rules", "RuleContext", "rule_doc", "example_zaaktype", "example_settings"]

RULES: dict[str, ModuleType] = {
    module.CODE: module
    for module in (
        pm101_organisation_handover,
        pm102_team_handover,
        pm103_manual_handover,
        pm104_ping_pong,
        pm201_no_process_owner,
        pm202_no_responsible,
        pm203_no_accountable,
        pm204_single_point_of_failure,
        pm205_owner_outside_process,
    pm206_external_with_capacity,
        pm301_term_exceeded,
        pm302_term_at_risk,
        pm303_bottleneck,
        pm304_overloaded,
        pm305_long_wait,
        pm306_service_norm_missed,
        pm307_queue_exceeds_wait,
    pm307_queue_exceeds_wait,
    pm308_deferral_after_term,
        pm401_unreachable_step,
        pm402_dead_end,
        pm403_branch_probabilities,
        pm404_endless_loop,
        pm405_unmatched_parallel,
        pm501_knelpunt_without_owner,
        pm701_term_differs_from_zaaktype,
        pm702_suspension_not_allowed,
        pm703_extension_not_allowed,
        pm704_statustype_without_step,
        pm705_zaaktype_not_in_catalogue,
    )
}


def get_rule(code_or_name: str) -> ModuleType | None:
    """A rule by code (``PM204``, any case) or by name (``single-point-of-failure``)."""
    key = code_or_name.strip()
    if key.upper() in RULES:
        return RULES[key.upper()]
    for module in RULES.values():
        if module.NAME == key.lower():
            return module
    return None


def enabled_options(settings: "Settings", code: str) -> dict[str, object] | None:
    """The options rule ``code`` runs with under ``settings`` (its defaults, then the configured ones), or ``None``
    when it is off. Reports read thresholds here (and from the findings), never from a constant of their own."""
    module = RULES.get(code)
    if module is None or settings.severities.get(code, module.DEFAULT_SEVERITY.value) == "off":
        return None
    return {**module.OPTIONS, **settings.options.get(code, {})}


def run_rules(analysis: "Analysis", settings: "Settings") -> list[Finding]:
    """Every enabled rule over one analysis; findings sorted by file position."""
    findings: list[Finding] = []
    enabled: dict[str, dict[str, object]] = {}
    for code, module in RULES.items():
        if settings.severities.get(code, module.DEFAULT_SEVERITY.value) != "off":
            enabled[code] = {**module.OPTIONS, **settings.options.get(code, {})}
    catalogue = getattr(settings, "catalogue", None)
    zaaktype = catalogue.match(analysis.process) if catalogue is not None else None
    for code, module in RULES.items():
        if code not in enabled:
            continue
        level = settings.severities.get(code, module.DEFAULT_SEVERITY.value)
        ctx = RuleContext(analysis, code, module.NAME, Severity(level), enabled[code], enabled, zaaktype, catalogue)
        findings.extend(module.check(ctx))
    findings.sort(key=lambda f: (f.line, f.column, f.code, f.subject))
    return findings


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
    from procesmap.analysis import Settings

    text = example_zaaktype(module)
    if text is None:
        return Settings(cases=cases)
    from procesmap.zgw import read_catalogue

    return Settings(cases=cases, catalogue=read_catalogue(text.encode("utf-8"), f"{module.CODE}-zaaktype.json"))


def example_yaml(module: ModuleType, section: str) -> str:
    """The YAML block of a docs section (``Example`` or ``Use instead``)."""
    body = rule_doc(module).get(section, "")
    match = re.search(r"```yaml\n(.*?)```", body, re.DOTALL)
    return match.group(1) if match else ""
