"""The registry: every code procesmap reports, PM000-PM7xx, in one table.

Each entry (:class:`RuleSpec`) holds a code's name, its default severity, its options with
their schema (:class:`OptionSpec`), its family, where its documentation lives
(:func:`procesmap.findings.docs_path`, the one place docs links are built) and its check
(the rule module's ``check(ctx)``). Everything that needs to know about rules reads this
table and nothing else: the configuration (``[rules]``, presets), suppression comments,
``procesmap rules``, the docs generators, the SARIF ``rules``/``helpUri`` and GitHub/GitLab
output of ``check``, ``log compare`` (PM6xx) and the cross-process overview (which runs
PM303's and PM304's own check on the summed load, :func:`procesmap.repository.overview`).

Families:

- ``meta``: PM000 ``invalid-input`` and PM001 ``unused-suppression``, findings about
  procesmap's own input; no rule module (``check`` is ``None``), documented in docs/ci.md;
- ``map``: PM1xx-PM5xx, the rules of docs/format.md over one analysed map;
- ``zaaktype``: PM70x, the map against its zaaktype in the zaaksysteem's catalogue;
- ``log``: PM6xx, the map against an event log (``procesmap log compare``).

Thresholds a rule uses are read here too, by the renderers that mark what a rule marks
(``thresholds(settings)``/:func:`option`): a renderer never keeps a threshold of its own.

"Bottleneck" means one thing in procesmap: a role whose utilisation is at least PM303's
``threshold`` (and below PM304's, where PM304 ``overloaded`` reports it); the role with the
highest utilisation is the "highest utilisation", and a workshop's named problem is a
"knelpunt" (``issues:``). See docs/format.md, 'Load marks and the bottleneck'.

Layering: this module imports the rule modules and :mod:`procesmap.findings` only; it never
imports the analysis (rules read the figures they are given, through :class:`RuleContext`).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping

from procesmap.eventlog.rules import (
    pm601_low_fitness,
    pm602_transition_not_on_map,
    pm603_map_transition_never_observed,
    pm604_activity_not_on_map,
    pm605_rework_missed,
    pm606_wait_underestimated,
    pm607_term_exceeded_in_practice,
)
from procesmap.findings import Finding, Severity, docs_path
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
import math

if TYPE_CHECKING:
    from procesmap.rules._base import RuleContext
    from procesmap.settings import Settings

__all__ = [
    "OptionSpec",
    "RuleSpec",
    "REGISTRY",
    "FAMILIES",
    "SEVERITIES",
    "get_spec",
    "specs",
    "severity_of",
    "options_of",
    "enabled_rules",
    "option",
    "COMMANDS",
]

SEVERITIES = ("off", "info", "warning", "error")
FAMILIES = ("meta", "map", "zaaktype", "log")
#: Where each family's findings come from (``procesmap rules`` shows it with the rule).
COMMANDS = {
    "meta": "procesmap check, procesmap analyse",
    "map": "procesmap analyse, procesmap check",
    "zaaktype": "procesmap check MAP --zaaktype FILE",
    "log": "procesmap log compare MAP LOG",
}


@dataclass(frozen=True)
class OptionSpec:
    """One option of a rule: its name, default and schema (the configuration checks values against it)."""

    name: str
    default: Any
    #: ``number`` (int or float, finite), ``boolean``, ``string``
    kind: str
    #: the smallest allowed number (options are shares, factors, days and thresholds: never negative)
    minimum: float | None = 0.0

    def accepts(self, value: Any) -> bool:
        """Whether ``value`` has this option's type (ranges are checked by :meth:`in_range`)."""
        if self.kind == "boolean":
            return isinstance(value, bool)
        if self.kind == "number":
            return isinstance(value, (int, float)) and not isinstance(value, bool)
        return isinstance(value, str)

    def in_range(self, value: Any) -> bool:
        if self.kind != "number":
            return True
        return math.isfinite(value) and (self.minimum is None or value >= self.minimum)

    def schema(self) -> dict[str, Any]:
        """The option as JSON Schema (for editors and docs)."""
        if self.kind == "number":
            out: dict[str, Any] = {"type": "number", "default": self.default}
            if self.minimum is not None:
                out["minimum"] = self.minimum
            return out
        return {"type": self.kind, "default": self.default}


def _kind(default: Any) -> str:
    if isinstance(default, bool):
        return "boolean"
    if isinstance(default, (int, float)):
        return "number"
    return "string"


@dataclass(frozen=True)
class RuleSpec:
    """One code: name, default severity, options, family, docs and check."""

    code: str
    name: str
    default_severity: Severity
    family: str
    options: tuple[OptionSpec, ...] = ()
    #: the rule module (its docstring is its documentation), ``None`` for PM000/PM001
    module: ModuleType | None = None

    @property
    def docs(self) -> str:
        """The docs page, relative to the repository root (``docs/rules/...``, ``docs/rules/log/...``, ``docs/ci.md#...``)."""
        return docs_path(self.code, self.name)

    @property
    def check(self) -> "Callable[[RuleContext], Iterable[Finding]] | None":
        return getattr(self.module, "check", None) if self.module is not None else None

    @property
    def defaults(self) -> dict[str, Any]:
        """Option name -> default value."""
        return {o.name: o.default for o in self.options}

    @property
    def command(self) -> str:
        return COMMANDS[self.family]

    def option_spec(self, name: str) -> OptionSpec | None:
        return next((o for o in self.options if o.name == name), None)


def _spec(module: ModuleType, family: str) -> RuleSpec:
    options = tuple(OptionSpec(name, default, _kind(default)) for name, default in module.OPTIONS.items())
    return RuleSpec(module.CODE, module.NAME, module.DEFAULT_SEVERITY, family, options, module)


_META = (
    RuleSpec("PM000", "invalid-input", Severity.ERROR, "meta"),
    RuleSpec("PM001", "unused-suppression", Severity.INFO, "meta"),
)
_MAP = (
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
)
_ZAAKTYPE = (
    pm701_term_differs_from_zaaktype,
    pm702_suspension_not_allowed,
    pm703_extension_not_allowed,
    pm704_statustype_without_step,
    pm705_zaaktype_not_in_catalogue,
)
_LOG = (
    pm601_low_fitness,
    pm602_transition_not_on_map,
    pm603_map_transition_never_observed,
    pm604_activity_not_on_map,
    pm605_rework_missed,
    pm606_wait_underestimated,
    pm607_term_exceeded_in_practice,
)

#: Every code, in code order.
REGISTRY: dict[str, RuleSpec] = {
    spec.code: spec
    for spec in sorted(
        [
            *_META,
            *(_spec(m, "map") for m in _MAP),
            *(_spec(m, "zaaktype") for m in _ZAAKTYPE),
            *(_spec(m, "log") for m in _LOG),
        ],
        key=lambda s: s.code,
    )
}


def get_spec(code_or_name: str) -> RuleSpec | None:
    """A code's entry by code (``PM204``, any case) or name (``single-point-of-failure``), else ``None``."""
    key = code_or_name.strip()
    if key.upper() in REGISTRY:
        return REGISTRY[key.upper()]
    return next((s for s in REGISTRY.values() if s.name == key.lower()), None)


def specs(*families: str) -> Iterator[RuleSpec]:
    """The entries of these families (all when none is given), in code order."""
    return (s for s in REGISTRY.values() if not families or s.family in families)


def severity_of(spec: RuleSpec, settings: "Settings | None") -> str:
    """A code's severity (or ``off``) under ``settings``; its default where they say nothing."""
    severities: Mapping[str, str] = settings.severities if settings is not None else {}
    return severities.get(spec.code, spec.default_severity.value)


def options_of(spec: RuleSpec, settings: "Settings | None") -> dict[str, Any]:
    """A rule's options: its defaults, overridden by ``settings``."""
    given: Mapping[str, Any] = settings.options.get(spec.code, {}) if settings is not None else {}
    return {**spec.defaults, **given}


def enabled_rules(settings: "Settings | None", *families: str) -> dict[str, dict[str, Any]]:
    """Code -> options of every rule (of these families) that is not ``off`` under ``settings``."""
    return {s.code: options_of(s, settings) for s in specs(*families) if severity_of(s, settings) != "off"}


def option(code: str, name: str, settings: "Settings | None" = None) -> Any:
    """The value of one option of one rule under ``settings`` (its default where they say nothing).

    What renderers read to mark what a rule marks, e.g. ``option("PM303", "threshold", settings)``.
    """
    return options_of(REGISTRY[code], settings)[name]
