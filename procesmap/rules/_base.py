"""The rule contract (after yamllint and bpmnlint): one small module per rule.

A rule module declares ``CODE`` (``PMnnn``), ``NAME`` (kebab-case),
``DEFAULT_SEVERITY``, ``OPTIONS`` (name -> default value) and
``check(ctx) -> Iterator[Finding]``. Its docstring is its documentation, with
the sections ``Why this matters``, ``Example`` (a YAML process that fails)
and ``Use instead`` (one that passes); a test runs both examples.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from procesmap.findings import Finding, Severity

if TYPE_CHECKING:
    from procesmap.analysis import Analysis

__all__ = ["RuleContext"]


@dataclass
class RuleContext:
    """What a rule sees: the analysis (figures computed once), its severity and its options."""

    analysis: "Analysis"
    code: str
    name: str
    severity: Severity
    options: dict[str, Any]
    enabled: dict[str, dict[str, Any]] | None = None  # options of every enabled rule, by code
    zaaktype: Any = None  # the map's zaaktype in the catalogue (procesmap.zgw.ZaakType), for PM7xx
    catalogue: Any = None  # the catalogue itself (procesmap.zgw.Catalogue), when one is given

    def rule_options(self, code: str) -> dict[str, Any] | None:
        """The options of another rule, or ``None`` when that rule is off (rules that share a boundary)."""
        if self.enabled is None:
            return None
        return self.enabled.get(code)

    @property
    def process(self):  # type: ignore[no-untyped-def]
        return self.analysis.process

    @property
    def graph(self):  # type: ignore[no-untyped-def]
        return self.analysis.graph

    def finding(
        self,
        subject: str,
        where: tuple[int, int] | tuple[str, int, int],
        key: str | None = None,
        data: dict[str, Any] | None = None,
        **args: Any,
    ) -> Finding:
        """A finding at ``where``: (line, column) in the process file, or (file, line, column) elsewhere."""
        file, line, column = where if len(where) == 3 else (self.process.file, *where)  # type: ignore[misc]
        return Finding(
            code=self.code,
            rule=self.name,
            severity=self.severity,
            subject=subject,
            file=file,
            line=line,
            column=column,
            message_key=key or f"{self.code}.message",
            args=args,
            hint_key=f"{self.code}.hint",
            data=data or {},
        )

    def on_step(self, step_id: str, key: str | None = None, data: dict[str, Any] | None = None, **args: Any) -> Finding:
        return self.finding(step_id, self.process.where_step(step_id), key, data, step=step_id, **args)

    def on_role(self, role_id: str, key: str | None = None, data: dict[str, Any] | None = None, **args: Any) -> Finding:
        where = self.process.where_role(role_id) if role_id in self.process.roles else (1, 1)
        return self.finding(role_id, where, key, data, role=role_id, **args)

    def on_transition(self, source: str, target: str, key: str | None = None, **args: Any) -> Finding:
        where = self.process.where_transition(source, target)
        return self.finding(f"{source} -> {target}", where, key, source=source, target=target, **args)

    def on_process(self, path: tuple[Any, ...] = ("id",), key: str | None = None, **args: Any) -> Finding:
        where = self.process.source.locate(path)
        return self.finding(self.process.id, where, key, process=self.process.id, **args)
