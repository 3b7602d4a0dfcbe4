"""An Excel process table -> a map (YAML text). Problems are ``file!sheet!cell: message`` with a hint.

The workbook is untrusted: it is a ZIP, read within the limits of :mod:`procesmap.zgw._safe` (no bomb, no
entry leaving the folder); a macro workbook is refused; formulas are never evaluated and links to other
files never fetched (a cell with a formula, and a workbook with external links, are refused with the place).
At most :data:`MAX_ROWS` rows and :data:`MAX_COLUMNS` columns a sheet are read.
"""

from __future__ import annotations

import datetime
import io
import os
import re
import warnings
from dataclasses import dataclass, field
from typing import Any

from procesmap._collect import Collector as _Collector
from procesmap.errors import LoadError, Problem
from procesmap.fmt import ORDERS
from procesmap.i18n import t
from procesmap._compose import _compose
from procesmap.loading import loads
from procesmap.model import SLUG, slugify
from procesmap.sheet._layout import (
    COLUMNS,
    OUTPUT_SHEETS,
    PROCESS_FIELDS,
    SHEETS,
    Column,
    as_bool,
    duration_value,
    header_index,
    normalise,
    parse_next,
    sheet_kind,
    split_lines,
    split_list,
)

__all__ = ["CellProblem", "SheetImport", "import_xlsx", "workbook_language", "MAX_ROWS", "MAX_COLUMNS"]

MAX_ROWS = 5000
MAX_COLUMNS = 200


@dataclass(frozen=True)
class CellProblem(Problem):
    """A problem at a cell of a workbook: ``file!sheet!cell: message`` and the hint."""

    sheet: str = ""
    cell: str = ""

    def format(self, lang: str = "en") -> str:
        place = f"{self.file}!{self.sheet}!{self.cell}" if self.sheet else self.file
        text = f"{place}: {self.message(lang)}"
        hint = self.hint(lang)
        if hint:
            text += f"\n  {t('label.hint', lang)}: {hint}"
        return text


@dataclass
class SheetImport:
    yaml_text: str
    data: dict[str, Any]
    notes: list[str] = field(default_factory=list)


class _Reader:
    def __init__(self, file: str, lang: str):
        self.file = file
        self.lang = lang
        self.problems: list[CellProblem] = []
        self.where: dict[tuple[Any, ...], tuple[str, str, int, int]] = {}  # data path -> (sheet, cell, row, col)

    def problem(self, sheet: str, row: int, col: int, key: str, hint: str | None = None, **args: Any) -> None:
        from openpyxl.utils import get_column_letter  # lazy: openpyxl loads only when a workbook is read or written

        cell = f"{get_column_letter(col)}{row}" if col else f"{row}:{row}"
        self.problems.append(CellProblem(self.file, row, col, key, args, hint, dict(args), sheet=sheet, cell=cell))

    # -- cells ----------------------------------------------------------------------------------------------
    def rows(self, sheet: Any) -> list[list[Any]]:
        """The values of a sheet (formulas refused), at most MAX_ROWS x MAX_COLUMNS."""
        out: list[list[Any]] = []
        rows = enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1)
        while True:
            try:  # openpyxl parses the sheet's XML as it goes: a damaged part fails here, at its first bad row
                r, row = next(rows)
            except StopIteration:
                break
            except Exception as err:  # ParseError, ValueError, TypeError, KeyError ...: the file, not a bug
                reason = (str(err).strip().splitlines() or [type(err).__name__])[0][:200]
                self.problem(
                    sheet.title, len(out) + 1, 0, "sheet.damaged", "hint.sheet.damaged", last=len(out), reason=reason
                )
                raise LoadError(list(self.problems)) from None
            if r > MAX_ROWS:
                self.problem(sheet.title, r, 1, "sheet.too_many_rows", "hint.sheet.too_many_rows", limit=MAX_ROWS)
                break
            values = []
            for c, cell in enumerate(row, start=1):
                value = getattr(cell, "value", None)
                kind = getattr(cell, "data_type", None)
                if kind == "f" or (  # a text cell ('=> doorsturen, or export xlsx's =...) is text, not a formula
                    kind != "s"
                    and isinstance(value, str)
                    and value.startswith("=")
                    and len(value) > 1
                    and not value.startswith("==")
                ):
                    self.problem(sheet.title, r, c, "sheet.formula", "hint.sheet.formula", formula=str(value)[:60])
                    value = None
                elif type(value).__name__ in ("ArrayFormula", "DataTableFormula"):
                    self.problem(sheet.title, r, c, "sheet.formula", "hint.sheet.formula", formula="{...}")
                    value = None
                values.append(value)
            out.append(values)
        return out

    def text(self, value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, datetime.datetime) and value.time() == datetime.time():
            value = value.date()  # `1-3` that Excel made a date: 2024-03-01, not 2024-03-01 00:00:00
        text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
        return text or None

    # -- a table sheet --------------------------------------------------------------------------------------
    def table(self, sheet: Any, kind: str) -> list[tuple[int, dict[str, tuple[Any, int]]]]:
        """The rows of a table as {column key: (value, column number)}, with the row number."""
        rows = self.rows(sheet)
        index = header_index(kind)
        header_row = next((i for i, row in enumerate(rows) if any(v is not None for v in row)), None)
        if header_row is None:
            return []
        columns: dict[int, Column] = {}
        seen: dict[str, int] = {}
        for c, value in enumerate(rows[header_row], start=1):
            if value is None:
                continue
            column = index.get(normalise(value))
            if column is None:
                self.problem(
                    sheet.title,
                    header_row + 1,
                    c,
                    "sheet.unknown_column",
                    "hint.sheet.columns",
                    name=str(value),
                    columns=", ".join(col.header(self.lang) for col in COLUMNS[kind]),
                )
                continue
            if column.key in seen:
                self.problem(
                    sheet.title,
                    header_row + 1,
                    c,
                    "sheet.duplicate_column",
                    "hint.sheet.columns",
                    name=str(value),
                    columns=", ".join(col.header(self.lang) for col in COLUMNS[kind]),
                )
                continue
            seen[column.key] = c
            columns[c] = column
        out = []
        for r, row in enumerate(rows[header_row + 1 :], start=header_row + 2):
            values = {
                columns[c].key: (row[c - 1], c)
                for c in columns
                if c - 1 < len(row) and row[c - 1] is not None and self.text(row[c - 1]) is not None
            }
            if values:
                out.append((r, values))
        return out

    def value(self, sheet: str, row: int, col: int, column_kind: str, raw: Any, path: tuple[Any, ...]) -> Any:
        """One cell as the map's value; a problem (and ``None``) when it cannot be read."""
        self.where[path] = (sheet, "", row, col)
        if column_kind == "duration" and isinstance(raw, (datetime.time, datetime.timedelta)):
            raw = _minutes(raw)  # `1:30` that Excel made a time (h:mm, [h]:mm): an hour and a half
        text = self.text(raw)
        if text is None:
            return None
        if column_kind == "duration":
            return duration_value(text)
        if column_kind == "bool":
            flag = as_bool(raw)
            if flag is None:
                self.problem(sheet, row, col, "sheet.bad_bool", "hint.sheet.bad_bool", value=text)
            return flag or None
        if column_kind in ("number", "integer"):
            if isinstance(raw, bool):
                self.problem(sheet, row, col, "sheet.bad_number", "hint.sheet.bad_number", value=text)
                return None
            try:
                number = float(text.replace(",", ".")) if not isinstance(raw, (int, float)) else float(raw)
            except ValueError:
                self.problem(sheet, row, col, "sheet.bad_number", "hint.sheet.bad_number", value=text)
                return None
            if column_kind == "integer" and number.is_integer():
                return int(number)
            return int(number) if number.is_integer() and column_kind != "number" else number
        if column_kind == "ids":
            return [slugify(part) if not _is_id(part) else part for part in split_list(text)]
        if column_kind == "lines":
            return split_lines(text)
        if column_kind == "id":
            return text if _is_id(text) else slugify(text)
        return text


def _minutes(value: "datetime.time | datetime.timedelta") -> str:
    """A time of day or a time span from a duration cell as a duration: ``1:30`` -> ``90m``, ``26:00`` -> ``26h``."""
    if isinstance(value, datetime.time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
    else:
        seconds = int(value.total_seconds())
    minutes = round(seconds / 60)
    return f"{minutes // 60}h" if minutes % 60 == 0 and minutes else f"{minutes}m"


def _is_id(text: str) -> bool:
    return bool(SLUG.match(text))


def _p(text: str | None) -> Any:
    if text is None or not text.strip():
        return None
    raw = text.strip().replace(",", ".")
    try:
        if raw.endswith("%"):
            return float(raw[:-1]) / 100
        return float(raw)
    except ValueError:
        return text


def _read_workbook(data: bytes, file: str) -> Any:
    """openpyxl's workbook of checked bytes: never a macro, never a bomb, no external links."""

    from procesmap.zgw._safe import fail, zip_members  # lazy: loads only for this part of a workbook

    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise fail(file, "sheet.old_format", "hint.sheet.old_format")
    if data[:4] != b"PK\x03\x04":
        raise fail(file, "sheet.not_xlsx", "hint.sheet.not_xlsx")
    members = zip_members(data, file)  # every name checked, every entry unpacked within the limits
    names = {name.replace("\\", "/").lower(): name for name in members}
    if any(name.endswith("vbaproject.bin") for name in names) or b"macroEnabled" in members.get(
        names.get("[content_types].xml", ""), b""
    ):
        raise fail(file, "sheet.macros", "hint.sheet.macros")
    if "xl/workbook.xml" not in names:
        raise fail(file, "sheet.not_xlsx", "hint.sheet.not_xlsx")
    for name, original in names.items():
        if name.endswith(".xml") or name.endswith(".rels"):
            head = members[original][:4096].lower()
            if b"<!doctype" in head or b"<!entity" in head:
                raise fail(file, "sheet.doctype", "hint.sheet.not_xlsx", name=original)
    links = sorted(
        original for name, original in names.items() if name.startswith("xl/externallinks/") and name.endswith(".xml")
    )
    if links:
        raise fail(file, "sheet.external_links", "hint.sheet.external_links", count=len(links))
    from openpyxl import load_workbook  # lazy: openpyxl loads only when a workbook is read or written

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False, keep_vba=False)
    except Exception:  # openpyxl raises many kinds for a broken file
        raise fail(file, "sheet.not_xlsx", "hint.sheet.not_xlsx") from None


def import_xlsx(
    source: str | os.PathLike[str] | bytes,
    *,
    lang: str | None = None,
    display: str | None = None,
    process_id: str | None = None,
) -> SheetImport:
    """Read a process workbook (a row per step; Dutch or English column names) into a map.

    ``lang`` is the language of the problems and of the map; without it, the workbook's own
    (:func:`workbook_language`), else Dutch.

    Raises :class:`LoadError` whose problems are :class:`CellProblem` (``file!sheet!cell``) for a table that
    cannot become a valid map, and for an unsafe or unreadable file.
    """
    file, book = _open(source, display)
    try:
        language = lang if lang in ("nl", "en") else (_book_language(book) or "nl")
        reader = _Reader(file, language)
        result = _Build(reader, book, process_id or _stem(file)).run()
    finally:
        book.close()
    return result


def _open(source: str | os.PathLike[str] | bytes, display: str | None) -> tuple[str, Any]:
    """The name a workbook is shown by in messages, and its openpyxl workbook (checked: :func:`_read_workbook`)."""
    from procesmap.zgw._safe import MAX_ZIP_BYTES, read_bytes  # lazy: loads only for this part of a workbook

    if isinstance(source, (bytes, bytearray)):
        file = display or "<xlsx>"
        data = bytes(source)
    else:
        file = display or str(source)
        data = read_bytes(source, file, MAX_ZIP_BYTES)
    return file, _read_workbook(data, file)


def workbook_language(source: str | os.PathLike[str] | bytes) -> str | None:
    """The language a process workbook is written in, ``"nl"`` or ``"en"``: the ``taal``/``language`` its process
    sheet gives (as a map's own ``language:`` line), else the language most of its sheet names, the process
    sheet's field names and the steps table's column names are in (``Stappen``/``Steps``, ``naam``/``name``; a
    name alike in both, ``id``, ``Teams``, ``RACI``, does not count); None when that is even, or the file cannot
    be read (:func:`import_xlsx` then says why)."""
    try:
        _, book = _open(source, None)
    except LoadError:
        return None
    try:
        return _book_language(book)
    finally:
        book.close()


def _book_language(book: Any) -> str | None:
    """:func:`workbook_language` of an open workbook."""
    votes = {"nl": 0, "en": 0}

    def vote(text: Any, english: str, dutch: str) -> None:
        if text is None or normalise(english) == normalise(dutch):
            return
        if normalise(text) == normalise(dutch):
            votes["nl"] += 1
        elif normalise(text) == normalise(english):
            votes["en"] += 1

    kinds = [(sheet, sheet_kind(sheet.title)) for sheet in book.worksheets]
    for sheet, kind in kinds:
        if kind is not None:
            vote(sheet.title, *SHEETS[kind])
    # the steps table as the import finds it: its own name, else the first sheet of another name
    steps = next((s for s, k in kinds if k == "steps"), None) or next((s for s, k in kinds if k is None), None)
    try:  # a damaged sheet says nothing about the language here; the import reports it at its place
        process = next((s for s, k in kinds if k == "process"), None)
        if process is not None:
            for row in process.iter_rows(max_row=len(PROCESS_FIELDS) + 5, max_col=2, values_only=True):
                label = row[0] if row else None
                for path, english, dutch, _ in PROCESS_FIELDS:
                    if label is not None and normalise(label) in (normalise(english), normalise(dutch)):
                        vote(label, english, dutch)
                        value = row[1] if len(row) > 1 else None
                        if path == "language" and isinstance(value, str) and value.strip().lower() in ("nl", "en"):
                            return value.strip().lower()  # the language the workbook says it is in
        if steps is not None:
            for row in steps.iter_rows(max_row=1, max_col=MAX_COLUMNS, values_only=True):
                for header in row:
                    for column in COLUMNS["steps"]:
                        vote(header, column.en, column.nl)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged part: the import says which
        pass
    if votes["nl"] == votes["en"]:
        return None
    return "nl" if votes["nl"] > votes["en"] else "en"


def _stem(file: str) -> str:
    return slugify(os.path.splitext(os.path.basename(file))[0]) if not file.startswith("<") else "proces"


class _Build:
    def __init__(self, reader: _Reader, book: Any, default_id: str):
        self.r = reader
        self.book = book
        self.default_id = default_id

    def run(self) -> SheetImport:
        sheets: dict[str, Any] = {}
        for sheet in self.book.worksheets:
            kind = sheet_kind(sheet.title)
            if kind is not None and kind not in OUTPUT_SHEETS and kind not in sheets:
                sheets[kind] = sheet
        if "steps" not in sheets:
            first = next((s for s in self.book.worksheets if sheet_kind(s.title) is None), None)
            if first is None:
                raise LoadError([CellProblem(self.r.file, 1, 1, "sheet.no_steps", {}, "hint.sheet.no_steps", {})])
            sheets["steps"] = first
        data: dict[str, Any] = {"procesmap": 1}
        if "process" in sheets:
            self.process(sheets["process"], data)
        data.setdefault("id", self.default_id)
        data.setdefault("language", self.r.lang)
        for kind in ("organisations", "teams", "roles", "systems"):
            if kind in sheets:
                data[kind] = self.section(sheets[kind], kind)
        steps = self.steps(sheets["steps"], data)
        if "issues" in sheets:
            issues = self.issues(sheets["issues"])
            if issues:
                data["issues"] = issues
        for kind in ("organisations", "teams", "roles", "systems"):
            if kind in data and not data[kind]:
                del data[kind]
        data["steps"] = steps
        order = ORDERS["process"]  # the canonical order `procesmap fmt` writes
        data = {k: data[k] for k in order if k in data}
        text = self.yaml(data)
        problems: list[Problem] = list(self.r.problems)
        try:
            self.check(text)
        except LoadError as err:  # also reported with the table's own problems: all of them at once
            places = {(p.sheet, p.cell) for p in problems if isinstance(p, CellProblem)}
            problems += [p for p in err.problems if not isinstance(p, CellProblem) or (p.sheet, p.cell) not in places]
        if problems:
            raise LoadError(problems)
        _ = slugify
        return SheetImport(text, data)

    def yaml(self, data: dict[str, Any]) -> str:
        import yaml  # lazy: PyYAML loads only when a draft map is written

        header = f"# {t('sheet.yaml.header', self.r.lang, source=os.path.basename(self.r.file))}\n"
        body: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
        return header + body

    def check(self, text: str) -> None:
        """Load the map; a problem goes back to the cell its value came from."""

        try:
            loads(text, file=self.r.file)
        except LoadError as err:
            _, source = _compose(text, _Collector(self.r.file))
            at = {place: path for path, place in source.values.items()}
            problems: list[Problem] = []
            for problem in err.problems:
                path = at.get((problem.line, problem.column))
                if path is None:  # the nearest value before the place
                    before = [(place, p) for place, p in at.items() if place <= (problem.line, problem.column)]
                    path = max(before)[1] if before else ()
                cell = None
                while True:
                    if tuple(path) in self.r.where:
                        cell = self.r.where[tuple(path)]
                        break
                    if not path:
                        break
                    path = path[:-1]
                if cell is None:
                    problems.append(
                        CellProblem(self.r.file, 0, 0, problem.key, problem.args, problem.hint_key, problem.hint_args)
                    )
                    continue
                sheet, _, row, col = cell
                from openpyxl.utils import (  # lazy: openpyxl loads only when a workbook is read or written
                    get_column_letter,
                )

                problems.append(
                    CellProblem(
                        self.r.file,
                        row,
                        col,
                        problem.key,
                        problem.args,
                        problem.hint_key,
                        problem.hint_args,
                        sheet=sheet,
                        cell=f"{get_column_letter(col)}{row}" if col else f"{row}:{row}",
                    )
                )
            raise LoadError(problems) from None

    # -- the sheets -----------------------------------------------------------------------------------------
    def process(self, sheet: Any, data: dict[str, Any]) -> None:
        labels = {}
        for path, en, nl, kind in PROCESS_FIELDS:
            for name in (path, en, nl):
                labels[normalise(name)] = (path, kind)
        for r, row in enumerate(self.r.rows(sheet), start=1):
            if not row or row[0] is None:
                continue
            found = labels.get(normalise(row[0]))
            value = row[1] if len(row) > 1 else None
            if found is None:
                if r > 1 and self.r.text(value) is not None:
                    self.r.problem(
                        sheet.title,
                        r,
                        1,
                        "sheet.unknown_field",
                        "hint.sheet.fields",
                        name=str(row[0]),
                        fields=", ".join(nl if self.r.lang == "nl" else en for _, en, nl, _ in PROCESS_FIELDS),
                    )
                continue
            path, kind = found
            parts = tuple(path.split("."))
            parsed = self.r.value(sheet.title, r, 2, kind, value, parts)
            if parsed is None:
                continue
            target = data
            for part in parts[:-1]:
                target = target.setdefault(part, {})
            target[parts[-1]] = parsed

    def section(self, sheet: Any, kind: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for r, values in self.r.table(sheet, kind):
            raw_id = values.get("id") or values.get("name")
            if raw_id is None:
                continue
            item_id = self.r.value(sheet.title, r, raw_id[1], "id", raw_id[0], (kind,))
            if item_id in out:
                self.r.problem(sheet.title, r, raw_id[1], "sheet.duplicate_id", "hint.sheet.duplicate_id", id=item_id)
                continue
            item: dict[str, Any] = {}
            for column in COLUMNS[kind]:
                if column.key == "id" or column.key not in values:
                    continue
                raw, c = values[column.key]
                parsed = self.r.value(sheet.title, r, c, column.kind, raw, (kind, item_id, column.key))
                if parsed is not None:
                    item[column.key] = parsed
            if "id" not in values and "name" in values:
                item.setdefault("name", self.r.text(values["name"][0]))
            self.r.where[(kind, item_id)] = (sheet.title, "", r, raw_id[1])
            out[item_id] = item
        return out

    def steps(self, sheet: Any, data: dict[str, Any]) -> list[dict[str, Any]]:
        from procesmap.bpmn._import import _Ids  # lazy: loads only for this part of a workbook

        rows = self.r.table(sheet, "steps")
        ids = _Ids()
        by_name: dict[str, str] = {}
        built: list[tuple[int, dict[str, Any], dict[str, tuple[Any, int]]]] = []
        for index, (r, values) in enumerate(rows):
            if "id" in values:
                step_id = self.r.value(sheet.title, r, values["id"][1], "id", values["id"][0], ("steps", index, "id"))
                if step_id in ids.taken:
                    self.r.problem(
                        sheet.title, r, values["id"][1], "sheet.duplicate_id", "hint.sheet.duplicate_id", id=step_id
                    )
                ids.taken.add(step_id)
            elif "name" in values:
                step_id = ids.new(self.r.text(values["name"][0]))
            else:
                self.r.problem(sheet.title, r, 1, "sheet.no_id", "hint.sheet.no_id")
                continue
            self.r.where[("steps", index)] = (sheet.title, "", r, values.get("id", values.get("name", (None, 1)))[1])
            if "name" in values:
                by_name[" ".join(str(values["name"][0]).split()).casefold()] = step_id
            built.append((r, {"id": step_id}, values))
        roles = data.setdefault("roles", {})
        teams = data.setdefault("teams", {})
        organisations = data.setdefault("organisations", {})
        steps = []
        for index, (r, step, values) in enumerate(built):
            raci: dict[str, Any] = {}
            for column in COLUMNS["steps"]:
                if column.key in ("id", "team", "organisation") or column.key not in values:
                    continue
                raw, c = values[column.key]
                path = ("steps", index, "raci", column.key) if column.key in "RACI" else ("steps", index, column.key)
                if column.key == "next":
                    step["next"] = self.next(sheet.title, r, c, raw, index, ids.taken, by_name)
                    continue
                if column.key in ("role", "R", "A"):
                    parsed = self.role(sheet.title, r, c, raw, path, roles, values)
                elif column.key in ("C", "I"):
                    names = split_list(self.r.text(raw) or "")
                    parsed = [self.role(sheet.title, r, c, name, path, roles, values) for name in names] or None  # type: ignore[assignment]  # a list for C and I
                elif column.key in ("system", "via"):
                    parsed = self.role(sheet.title, r, c, raw, path, data.setdefault("systems", {}), values)
                else:
                    parsed = self.r.value(sheet.title, r, c, column.kind, raw, path)
                if parsed is None:
                    continue
                if column.key in "RACI":
                    raci[column.key] = parsed
                elif column.key == "type":
                    step["type"] = str(parsed).strip().lower()
                else:
                    step[column.key] = parsed
            if raci:
                step["raci"] = {k: raci[k] for k in "RACI" if k in raci}
            for key in ("team", "organisation"):
                if key in values and step.get("role"):
                    self.role_place(
                        sheet.title, r, values[key][1], key, values[key][0], step["role"], roles, teams, organisations
                    )
            ordered: dict[str, Any] = {
                k: step[k]
                for k in (
                    "id",
                    "name",
                    "type",
                    "role",
                    "raci",
                    "work",
                    "wait",
                    "lead",
                    "system",
                    "via",
                    "next",
                    "suspends_term",
                    "extends_term",
                    "log",
                    "status",
                    "subprocess",
                    "description",
                )
                if k in step
            }
            steps.append(ordered)
        if not steps:
            raise LoadError(
                [
                    CellProblem(
                        self.r.file,
                        1,
                        1,
                        "sheet.no_step_rows",
                        {"sheet": sheet.title},
                        "hint.sheet.no_steps",
                        {},
                        sheet=sheet.title,
                        cell="A2",
                    )
                ]
            )
        return steps

    def role(
        self,
        sheet: str,
        row: int,
        col: int,
        raw: Any,
        path: tuple[Any, ...],
        roles: dict[str, Any],
        values: dict[str, Any],
    ) -> str | None:
        """A role by id or by name; a name that is no role yet becomes one."""
        text = self.r.text(raw)
        self.r.where[path] = (sheet, "", row, col)
        if text is None:
            return None
        if text in roles:
            return text
        for role_id, role in roles.items():
            if (
                isinstance(role, dict)
                and " ".join(str(role.get("name", "")).split()).casefold() == " ".join(text.split()).casefold()
            ):
                return role_id
        role_id = text if _is_id(text) else slugify(text)
        if role_id not in roles:
            roles[role_id] = {} if _is_id(text) else {"name": text}
            self.r.where[("roles", role_id)] = (sheet, "", row, col)
        return role_id

    def role_place(
        self,
        sheet: str,
        row: int,
        col: int,
        key: str,
        raw: Any,
        role_id: str,
        roles: dict[str, Any],
        teams: dict[str, Any],
        organisations: dict[str, Any],
    ) -> None:
        """The team / organisation column of a step: its role's (created when new; a conflict is a problem)."""
        text = self.r.text(raw)
        if text is None:
            return
        table = teams if key == "team" else organisations
        item_id = next(
            (
                i
                for i, v in table.items()
                if i == text
                or (
                    isinstance(v, dict)
                    and " ".join(str(v.get("name", "")).split()).casefold() == " ".join(text.split()).casefold()
                )
            ),
            None,
        )
        if item_id is None:
            item_id = text if _is_id(text) else slugify(text)
            table[item_id] = {} if _is_id(text) else {"name": text}
            self.r.where[("teams" if key == "team" else "organisations", item_id)] = (sheet, "", row, col)
        role = roles.setdefault(role_id, {})
        if key == "team":
            current = role.get("team")
            if current is None:
                role["team"] = item_id
            elif current != item_id:
                self.r.problem(
                    sheet,
                    row,
                    col,
                    "sheet.role_elsewhere",
                    "hint.sheet.role_elsewhere",
                    role=role_id,
                    found=item_id,
                    before=current,
                )
        else:
            team = role.get("team")
            current = teams.get(team, {}).get("organisation") if team else role.get("organisation")
            if current is None:
                if team:
                    teams[team]["organisation"] = item_id
                else:
                    role["organisation"] = item_id
            elif current != item_id:
                self.r.problem(
                    sheet,
                    row,
                    col,
                    "sheet.role_elsewhere",
                    "hint.sheet.role_elsewhere",
                    role=role_id,
                    found=item_id,
                    before=current,
                )

    def next(
        self, sheet: str, row: int, col: int, raw: Any, index: int, ids: set[str], by_name: dict[str, str]
    ) -> list[dict[str, Any]]:
        text = self.r.text(raw)
        self.r.where[("steps", index, "next")] = (sheet, "", row, col)
        if text is None:
            return []
        lines = text.splitlines() if "\n" in text else text.split(";")
        parsed: list[tuple[str, str | None, str | None]] = []
        for line in (part.strip() for part in lines):
            if not line:
                continue
            if " ".join(line.split()).casefold() in by_name and line not in ids:
                parsed.append((line, None, None))  # a step's name, spaces and all
                continue
            one = parse_next(line)
            if not one:
                self.r.problem(sheet, row, col, "sheet.bad_next", "hint.sheet.next", value=line[:80])
                return []
            parsed.extend(one)
        branches = []
        for number, (target, p_text, when) in enumerate(parsed):
            if target not in ids:
                named = by_name.get(" ".join(target.split()).casefold()) or next(
                    (i for n, i in by_name.items() if slugify(n) == slugify(target)), None
                )
                if named is None:
                    self.r.problem(
                        sheet,
                        row,
                        col,
                        "sheet.unknown_step",
                        "hint.sheet.unknown_step",
                        step=target,
                        steps=", ".join(sorted(ids))[:200],
                    )
                    continue
                target = named
            branch: dict[str, Any] = {"to": target}
            if p_text is not None and re.search(r"(^|,)\s*return:\s*expected\s*$", p_text):
                branch["return"] = "expected"  # `target (30%, return: expected)`
                p_text = re.sub(r"(^|,)\s*return:\s*expected\s*$", "", p_text).strip() or None
            p = _p(p_text)
            if isinstance(p, str):
                self.r.problem(sheet, row, col, "sheet.bad_p", "hint.sheet.next", value=p)
            elif p is not None:
                branch["p"] = p
            if when is not None:
                branch["when"] = when
            self.r.where[("steps", index, "next", number)] = (sheet, "", row, col)
            branches.append(branch)
        return branches

    def issues(self, sheet: Any) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for r, values in self.r.table(sheet, "issues"):
            index = len(out)
            issue: dict[str, Any] = {}
            for column in COLUMNS["issues"]:
                if column.key in values:
                    raw, c = values[column.key]
                    parsed = self.r.value(sheet.title, r, c, column.kind, raw, ("issues", index, column.key))
                    if parsed is not None:
                        issue[column.key] = parsed
            self.r.where[("issues", index)] = (sheet.title, "", r, 1)
            out.append(issue)
        return out
