"""The layout of a process workbook: sheets, columns, their Dutch and English names, and how a value is
written in a cell (docs/spreadsheet.md). One place for both the writer and the reader."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Column",
    "SHEETS",
    "COLUMNS",
    "PROCESS_FIELDS",
    "normalise",
    "header_index",
    "sheet_kind",
    "duration_text",
    "parse_next",
    "next_text",
    "list_text",
    "split_list",
    "split_lines",
    "as_bool",
    "OUTPUT_SHEETS",
]


@dataclass(frozen=True)
class Column:
    key: str  # the field in the map (``R``/``A``/``C``/``I`` for the step's raci, ``team``/``organisation``
    # of a step: its role's)
    en: str
    nl: str
    kind: str = "text"  # text, id, ids, lines, duration, number, integer, bool, next
    aliases: tuple[str, ...] = ()
    width: int = 14

    def header(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


#: sheet kind -> (English name, Dutch name); the reader knows a sheet by either name
SHEETS: dict[str, tuple[str, str]] = {
    "process": ("Process", "Proces"),
    "steps": ("Steps", "Stappen"),
    "roles": ("Roles", "Rollen"),
    "teams": ("Teams", "Teams"),
    "organisations": ("Organisations", "Organisaties"),
    "systems": ("Systems", "Systemen"),
    "issues": ("Issues", "Knelpunten"),
    "raci": ("RACI", "RACI"),
    "findings": ("Findings", "Bevindingen"),
    "figures": ("Key figures", "Kengetallen"),
}
#: written by the export for reading and printing, never read back
OUTPUT_SHEETS = ("raci", "findings", "figures")

COLUMNS: dict[str, tuple[Column, ...]] = {
    "steps": (
        Column("id", "id", "id", "id", ("stap id", "step id", "code", "nr")),
        Column("name", "name", "naam", "text", ("stap", "step", "activiteit", "activity", "stapnaam", "step name"), 28),
        Column("type", "type", "type", "text", ("soort", "kind", "stap type", "step type"), 10),
        Column("role", "role", "rol", "text", ("wie", "who", "uitvoerder", "actor", "functie"), 18),
        Column("team", "team", "team", "text", ("afdeling", "department", "team van rol"), 16),
        Column("organisation", "organisation", "organisatie", "text", ("organization", "organisatie van rol"), 16),
        Column(
            "next",
            "next",
            "volgende",
            "next",
            ("volgende stap", "volgende stappen", "next step", "next steps", "naar", "to", "dan"),
            30,
        ),
        Column("wait", "wait", "wachttijd", "duration", ("wachten", "wait time", "waiting time", "wacht"), 10),
        Column(
            "work",
            "work",
            "werk",
            "duration",
            ("werktijd", "bewerkingstijd", "effort", "work time", "behandeltijd"),
            10,
        ),
        Column("lead", "lead", "looptijd", "duration", ("lead time", "duur", "duration", "doorlooptijd stap"), 10),
        Column("system", "system", "systeem", "text", ("applicatie", "application", "tool"), 14),
        Column("via", "via", "via", "text", ("medium", "kanaal", "channel", "overdracht via"), 12),
        Column("R", "R", "R", "text", ("responsible", "verantwoordelijk", "uitvoerend"), 14),
        Column("A", "A", "A", "text", ("accountable", "eindverantwoordelijk", "aanspreekbaar"), 14),
        Column("C", "C", "C", "ids", ("consulted", "geraadpleegd", "consult"), 14),
        Column("I", "I", "I", "ids", ("informed", "geinformeerd", "informeren"), 14),
        Column(
            "suspends_term",
            "suspends term",
            "schort termijn op",
            "bool",
            ("suspends_term", "opschorting", "opschorten"),
            10,
        ),
        Column(
            "extends_term", "extends term", "verlengt termijn", "bool", ("extends_term", "verdaging", "verlenging"), 10
        ),
        Column("status", "status", "status", "text", ("statustype", "zaakstatus"), 16),
        Column("log", "log", "log", "lines", ("log activity", "activiteit in log", "log activiteit", "event log"), 18),
        Column("subprocess", "subprocess", "deelproces", "text", ("subproces", "sub process"), 14),
        Column(
            "description",
            "description",
            "omschrijving",
            "text",
            ("toelichting", "beschrijving", "notes", "opmerking"),
            40,
        ),
    ),
    "roles": (
        Column("id", "id", "id", "id"),
        Column("name", "name", "naam", "text", (), 24),
        Column("team", "team", "team", "id"),
        Column("organisation", "organisation", "organisatie", "id", ("organization",)),
        Column("people", "people", "mensen", "integer", ("personen", "aantal", "fte personen"), 8),
        Column("fte", "fte", "fte", "number", (), 8),
        Column("backup", "backup", "vervanger", "ids", ("vervangers", "back-up"), 16),
        Column("external", "external", "extern", "bool", (), 8),
        Column("description", "description", "omschrijving", "text", ("toelichting",), 40),
    ),
    "teams": (
        Column("id", "id", "id", "id"),
        Column("name", "name", "naam", "text", (), 24),
        Column("organisation", "organisation", "organisatie", "id", ("organization",)),
        Column("description", "description", "omschrijving", "text", ("toelichting",), 40),
    ),
    "organisations": (
        Column("id", "id", "id", "id"),
        Column("name", "name", "naam", "text", (), 24),
        Column("description", "description", "omschrijving", "text", ("toelichting",), 40),
    ),
    "systems": (
        Column("id", "id", "id", "id"),
        Column("name", "name", "naam", "text", (), 24),
        Column("kind", "kind", "soort", "text", ("type",), 10),
        Column("description", "description", "omschrijving", "text", ("toelichting",), 40),
    ),
    "issues": (
        Column("id", "id", "id", "text"),
        Column("step", "step", "stap", "id"),
        Column("text", "text", "tekst", "text", ("knelpunt", "issue"), 40),
        Column("level", "level", "niveau", "text", (), 12),
        Column("solution", "solution", "oplossing", "text", (), 30),
        Column("action", "action", "actie", "text", (), 10),
        Column("owner", "owner", "eigenaar", "id", (), 14),
    ),
}

#: rows of the process sheet: (field path, English label, Dutch label, kind)
PROCESS_FIELDS: tuple[tuple[str, str, str, str], ...] = (
    ("id", "id", "id", "id"),
    ("name", "name", "naam", "text"),
    ("owner", "owner", "eigenaar", "id"),
    ("language", "language", "taal", "text"),
    ("description", "description", "omschrijving", "text"),
    ("zaaktype", "zaaktype", "zaaktype", "text"),
    ("term", "term", "termijn", "duration"),
    ("term_extension", "term extension", "verdaging", "duration"),
    ("service_norm", "service norm", "servicenorm", "duration"),
    ("volume", "volume", "volume", "text"),
    ("calendar.hours_per_day", "hours per day", "uren per dag", "number"),
    ("calendar.days_per_week", "days per week", "dagen per week", "number"),
    ("calendar.weeks_per_year", "weeks per year", "weken per jaar", "number"),
)


def normalise(text: Any) -> str:
    """A header as compared: lower case, accents, spaces, ``_`` and ``-`` and punctuation left out."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "", plain)


def header_index(kind: str) -> dict[str, Column]:
    """Every name a column of ``kind`` may have (normalised) -> the column."""
    index: dict[str, Column] = {}
    for column in COLUMNS[kind]:
        for name in (column.key, column.en, column.nl, *column.aliases):
            index.setdefault(normalise(name), column)
    return index


def sheet_kind(title: str) -> str | None:
    wanted = normalise(title)
    for kind, names in SHEETS.items():
        if wanted in (normalise(names[0]), normalise(names[1])):
            return kind
    return None


# -- values in cells ------------------------------------------------------------------------------------------


def duration_text(value: Any) -> str | None:
    """A duration as the map dumps it (``2h``, ``{min, mode, max}``, ``{samples}``) as cell text:
    ``2h``, ``1d / 2d / 5d`` (min / mode / max), ``[1d, 2d, 3d]`` (samples)."""
    if value is None:
        return None
    if isinstance(value, dict) and "samples" in value:
        return "[" + ", ".join(str(v) for v in value["samples"]) + "]"
    if isinstance(value, dict):
        return f"{value['min']} / {value['mode']} / {value['max']}"
    return str(value)


def duration_value(text: str) -> Any:
    """Cell text -> the duration as a map writes it (the model reads and checks it)."""
    text = text.strip()
    if text.startswith("[") and text.endswith("]"):
        return {"samples": [part.strip() for part in text[1:-1].split(",") if part.strip()]}
    parts = [part.strip() for part in text.split("/")]
    if len(parts) == 3 and all(parts):
        return {"min": parts[0], "mode": parts[1], "max": parts[2]}
    return text


def _p_text(p: float) -> str:
    return repr(float(p)).removesuffix(".0") if float(p) != int(p) else str(int(p))


def next_text(branches: list[dict[str, Any]]) -> str | None:
    """``next`` as cell text: one branch a line, ``target (p): condition``; ``target (p, return: expected)``
    for a return the law prescribes."""
    if not branches:
        return None
    lines = []
    for branch in branches:
        line = str(branch["to"])
        inside = [_p_text(branch["p"])] if branch.get("p") is not None else []
        if branch.get("return") is not None:  # a return the law prescribes: `target (30%, return: expected)`
            inside.append(f"return: {branch['return']}")
        if inside:
            line += f" ({', '.join(inside)})"
        if branch.get("when") is not None:
            line += f": {branch['when']}"
        lines.append(line)
    return "\n".join(lines)


_BRANCH = re.compile(r"^(?P<to>[^\s():;]+)\s*(?:\((?P<p>[^()]*)\))?\s*(?::\s?(?P<when>.*))?$", re.S)


def parse_next(text: str) -> list[tuple[str, str | None, str | None]] | None:
    """Cell text -> ``[(target, p text, when)]``; one branch a line (or ``;`` between them on one line).
    ``None`` when a branch cannot be read."""
    lines = text.splitlines() if "\n" in text.strip() else text.split(";")
    branches = []
    for line in lines:
        if not line.strip():
            continue
        match = _BRANCH.match(line.strip())
        if not match:
            return None
        branches.append((match["to"], match["p"], match["when"]))
    return branches


def list_text(values: list[Any] | None) -> str | None:
    return ", ".join(str(v) for v in values) if values else None


def split_list(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]


def split_lines(text: str) -> list[str]:
    parts = text.splitlines() if "\n" in text else text.split(";")
    return [part.strip() for part in parts if part.strip()]


_TRUE = {"ja", "yes", "true", "waar", "x", "1", "j", "y"}
_FALSE = {"nee", "no", "false", "onwaar", "0", "n", "-"}


def as_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = normalise(value) if value is not None else ""
    if text in _TRUE:
        return True
    if text in _FALSE or text == "":
        return False
    return None
