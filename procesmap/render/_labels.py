"""Shared formatting helpers for the text renderers: names, numbers, places. No figures are computed here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from procesmap.i18n import number, percent, t
import re

if TYPE_CHECKING:
    from procesmap.analysis import Analysis, Finding

__all__ = ["Labels", "SEVERITY_ORDER"]

SEVERITY_ORDER = ("error", "warning", "info")
_SMALL_WORDS = frozenset(
    {"en", "van", "de", "het", "der", "den", "voor", "op", "in", "of", "and", "the", "for", "a", "an"}
)


class Labels:
    """Names and formatted values of one analysis in one language."""

    def __init__(self, analysis: "Analysis", lang: str):
        self.analysis = analysis
        self.process = analysis.process
        self.lang = lang

    def t(self, key: str, **args: object) -> str:
        return t(key, self.lang, **args)

    def num(self, value: float | None, digits: int = 1) -> str:
        return number(value, self.lang, digits)

    def pct(self, value: float | None, digits: int = 0) -> str:
        return percent(value, self.lang, digits)

    def step(self, step_id: str) -> str:
        step = self.process.steps_by_id.get(step_id)
        return step.label if step else step_id

    def role(self, role_id: str | None) -> str:
        return self.process.role_name(role_id)

    def levels(self, levels: "tuple[str, ...] | list[str]") -> str:
        return ", ".join(self.t(f"report.level_short.{level}") for level in levels)

    def where(self, finding: "Finding") -> str:
        return f"{finding.file}:{finding.line}:{finding.column}"

    def findings_by_severity(self) -> list[tuple[str, list["Finding"]]]:
        groups = []
        for level in SEVERITY_ORDER:
            items = [f for f in self.analysis.findings if f.severity.value == level]
            if items:
                groups.append((level, items))
        return groups

    def raci_roles(self) -> list[str]:
        """Roles in the RACI matrix, in the order of the file."""
        used: set[str] = set()
        for row in self.analysis.ownership.raci.values():
            used.update(r for r in (row.R, row.A, *row.C, *row.I) if r)
        ordered = [r for r in self.process.roles if r in used]
        return ordered + sorted(used - set(ordered))

    def role_abbreviations(self, roles: "list[str]") -> dict[str, str]:
        """Short, distinct initials of role names for a matrix header (``Teamleider Juridische Zaken`` -> ``TJZ``),
        to be shown with a key. Words in brackets are left out; a clash gets a number."""

        result: dict[str, str] = {}
        used: set[str] = set()
        for role_id in roles:
            name = re.sub(r"\([^)]*\)", " ", self.role(role_id))
            words = [w for w in re.split(r"[\s\-_/&]+", name) if w and w[0].isalnum() and w.lower() not in _SMALL_WORDS]
            initials = "".join(w[0] for w in words).upper()[:4] or role_id[:3].upper()
            if len(initials) == 1:
                initials = (words[0][:3] if words else role_id[:3]).capitalize()
            candidate, number = initials, 2
            while candidate in used:
                candidate, number = f"{initials}{number}", number + 1
            used.add(candidate)
            result[role_id] = candidate
        return result

    def raci_cell(self, step_id: str, role_id: str) -> str:
        row = self.analysis.ownership.raci.get(step_id)
        if row is None:
            return ""
        letters = []
        if row.R == role_id:
            letters.append("R")
        if row.A == role_id:
            letters.append("A*" if row.A_defaulted else "A")
        if role_id in row.C:
            letters.append("C")
        if role_id in row.I:
            letters.append("I")
        return "/".join(letters)

    def mark(self, role_id: str | None) -> str:
        """The word for a role's load mark (``bottleneck`` from PM303, ``overloaded`` from PM304), or ``""``."""
        mark = self.analysis.capacity.marks.get(role_id or "")
        return self.t(f"load.mark.{mark}") if mark else ""

    def highest_load(self) -> str:
        """The highest utilisation as a plain figure, with its mark only where a finding gave one: ``Role 87% (bottleneck)``."""
        cap = self.analysis.capacity
        role = cap.bottleneck or cap.highest
        if role is None:
            return ""
        load = cap.roles.get(role)
        text = f"{self.role(role)} {self.pct(load.utilisation if load else None)}"
        return f"{text} ({self.mark(role)})" if self.mark(role) else text

    def term_rows(self) -> list[tuple[str, str]]:
        """The legal clock as label/value rows: the shares over the term (that applies) and over term +
        extension, the verdaging where the map models it, and the late cases per year (docs/format.md, 'The legal term')."""
        time = self.analysis.time
        if time.term is None:
            return []
        deferral = time.deferral_modelled
        extension = time.term_extension is not None
        rows = [
            (
                self.t("legal.row.over_term_deferral" if deferral and extension else "legal.row.over_term"),
                self.pct(time.share_over_term, 1),
            )
        ]
        if extension:
            rows.append(
                (
                    self.t("legal.row.over_extended" if deferral else "legal.row.over_extended_all"),
                    self.pct(time.share_over_extended_term, 1),
                )
            )
        if deferral:
            rows.append((self.t("legal.row.deferred"), self.pct(time.share_deferred, 1)))
            rows.append((self.t("legal.row.deferred_after_term"), self.pct(time.share_deferred_after_term, 1)))
        for key, label in (("term", "legal.row.late_term"), ("extended_term", "legal.row.late_extended")):
            if key == "extended_term" and not extension:
                continue
            rows.append((self.t(label), self.late(time.late_per_year.get(key))))
        return rows

    def late(self, value: float | None) -> str:
        """Late cases per year: whole cases from 10 up, one decimal below; a reason when there is no volume."""
        if value is None:
            return self.t("legal.no_volume") if self.analysis.volume_per_year is None else "-"
        return self.num(value, 0 if value >= 10 else 1)

    def volume(self) -> str | None:
        """The map's volume the language's way: ``1.200 zaken per jaar``, ``65 per week = 3.380 zaken per jaar``."""
        volume, per_year = self.process.volume, self.analysis.volume_per_year
        if volume is None or per_year is None:
            return None
        yearly = self.t("report.per_year", value=self.num(per_year, 0))
        if volume.unit == "year":
            return yearly
        amount = self.num(volume.amount, 0 if volume.amount == int(volume.amount) else 1)
        return self.t(
            "summary.volume_other_unit", amount=amount, unit=self.t(f"summary.unit.{volume.unit}"), per_year=yearly
        )

    def term_line(self) -> str | None:
        time = self.analysis.time
        if time.term is None:
            return None
        if time.term_extension is not None:
            return self.t(
                "report.term_with_extension", term=self.num(time.term, 0), extension=self.num(time.term_extension, 0)
            )
        return self.t("report.term_value", term=self.num(time.term, 0))
