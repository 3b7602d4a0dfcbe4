"""Plain data of one YAML text -> a :class:`~procesmap.model.Process` (or a shared ``kind: organisation``
file): the version and kind, ``x-`` keys left out, shared organisations merged in, the pydantic model
(:mod:`procesmap._model_problems`), work read with the map's calendar and the references between ids
(:mod:`procesmap._references`). Every problem is reported, not only the first. The fourth step of
:mod:`procesmap.loading`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Sequence

from pydantic import ValidationError

from procesmap._collect import Collector as _Collector
from procesmap._compose import Path_, _compose_marked
from procesmap._decode import _lines, _text_position
from procesmap._model_problems import _describe, _report_pydantic, _validate
from procesmap._references import _check_references
from procesmap.durations import Fixed, Gamma, Samples, Triangular, format_amount, max_work_hours, ordered_effort
from procesmap.errors import LoadError
from procesmap.i18n import Count, Key
from procesmap.model import SHARED_SECTIONS, OrganisationFile, Process, SourceMap

__all__ = ["loads"]


def loads(
    text: str, file: str = "<string>", *, repository: Path | None = None, shared: Sequence[OrganisationFile] = ()
) -> Process:
    """Load a process from YAML text. Raises :class:`LoadError` with every problem found.

    ``shared`` are organisation files (``kind: organisation``) whose organisations, teams,
    roles and systems this process may use; ``repository`` is the folder in which
    ``subprocess:`` ids must exist as files.
    """
    result = _load_text(text, file, repository=repository, shared=shared)
    if isinstance(result, OrganisationFile):
        raise LoadError.single(file, 1, 1, "load.organisation_file", {}, "hint.load.organisation_file", {})
    return result


def _load_text(
    text: str, file: str, *, repository: Path | None = None, shared: Sequence[OrganisationFile] = ()
) -> "Process | OrganisationFile":
    """A process or, for ``kind: organisation``, a shared organisation file."""
    out = _Collector(file)
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:  # a lone surrogate: no file can hold it as UTF-8
        out.add(
            _text_position(text, err.start), "load.encoding", "hint.load.encoding", byte=f"U+{ord(text[err.start]):04X}"
        )
        raise out.fail() from None
    data, source, extensions = _compose_marked(text, out)
    if not isinstance(data, dict):
        kind = Key("kind.list" if isinstance(data, list) else "kind.scalar")
        out.add((1, 1), "load.not_mapping", "hint.load.not_mapping", kind=kind)
        raise out.fail()
    version = data.get("procesmap")
    if "procesmap" not in data:
        out.add((1, 1), "load.no_version", "hint.load.no_version")
    elif version != 1 or isinstance(version, bool):
        out.add(source.locate(("procesmap",)), "load.version", "hint.load.version", version=_describe(version))
        raise out.fail()
    _check_people(data, source, text, out)
    _check_clock(data, source, text, out)
    if data.get("kind") == "organisation":
        return _organisation_file(_strip_extensions(data) if extensions else data, source, out)
    if "steps" not in data:
        out.add((1, 1), "load.no_steps", "hint.load.no_steps")
    if extensions:  # keys the user keeps for themselves (x-...): read past them
        data = _strip_extensions(data)
    origins = _merge_shared(data, shared, source, out)
    process = _validate(data, source, out)
    if process is not None:
        _check_work(process, data, source, out)
    _check_references(data, source, out, repository)
    if out.problems or process is None:
        raise out.fail()
    process._source = source
    process._origins = origins
    return process


#: a number with Dutch thousands points (`1.000`, `12.000`, `1.250.000`), as in `volume` (procesmap.model)
_THOUSANDS = re.compile(r"[1-9][0-9]{0,2}(?:\.[0-9]{3})+")
_PLAIN_NUMBER = re.compile(r"[-+]?[0-9][0-9._]*")


def _check_people(data: dict[Any, Any], source: SourceMap, text: str, out: _Collector) -> None:
    """``people: 1.000`` is a thousand persons to a Dutch writer, the float 1.0 to YAML (and ``1.500`` 1.5): a
    ``people`` written with thousands points is an error with the number meant, read from the text of the file
    at the value's place (YAML's float has lost it). The value is taken out, so that the model says no more
    about it (``1.5`` is no whole number)."""
    roles = data.get("roles")
    if not isinstance(roles, dict):
        return
    lines: list[str] | None = None
    for role_id, role in roles.items():
        if not isinstance(role, dict):
            continue
        value = role.get("people")
        if isinstance(value, str):
            written = value.strip()
        elif isinstance(value, float):
            line, column = source.values.get(("roles", role_id, "people"), (0, 0))
            lines = lines if lines is not None else _lines(text)
            found = _PLAIN_NUMBER.match(lines[line - 1], column - 1) if 1 <= line <= len(lines) else None
            written = found.group() if found else ""
        else:
            continue
        if not _THOUSANDS.fullmatch(written):
            continue
        out.add(
            source.locate(("roles", role_id, "people")),
            "value.people_thousands",
            "hint.value.people_thousands",
            value=written,
            count=written.replace(".", ""),
        )
        del role["people"]


#: a time of the clock as YAML 1.1 reads it, a number in base 60: `1:30` is 90, `1:30:00` is 5400
_CLOCK = re.compile(r"[0-9]+(?::[0-5]?[0-9])+")
_DURATIONS = ("work", "wait", "lead")


def _check_clock(data: dict[Any, Any], source: SourceMap, text: str, out: _Collector) -> None:
    """``work: 1:30`` is an hour and a half to the writer, the number 90 to YAML (base 60), and the hint for a
    number without a unit was ``90d``: a duration written as a time of the clock, read from the file's text at
    the value's place, is an error with its minutes as hint (``90m``). The value becomes what was meant, so that
    nothing else is said about it."""
    steps = data.get("steps")
    if not isinstance(steps, list):
        return
    lines: list[str] | None = None
    for index, step in enumerate(steps):
        if not isinstance(step, dict):
            continue
        for field in _DURATIONS:
            if field not in step:
                continue
            value = step[field]
            places: list[tuple[Any, Any, Path_]] = []  # (container, key, path) of each amount
            if isinstance(value, dict):
                for key, item in value.items():
                    if key == "samples" and isinstance(item, list):
                        places += [(item, i, ("steps", index, field, key, i)) for i in range(len(item))]
                    else:
                        places.append((value, key, ("steps", index, field, key)))
            else:
                places.append((step, field, ("steps", index, field)))
            for container, key, path in places:
                number = container[key]
                if type(number) is not int or path not in source.values:
                    continue
                line, column = source.values[path]
                lines = lines if lines is not None else _lines(text)
                found = _CLOCK.match(lines[line - 1], column - 1) if 1 <= line <= len(lines) else None
                if found is None:
                    continue
                written = found.group()
                minutes = number / 60 ** (written.count(":") - 1)  # h:mm is minutes; h:mm:ss is seconds
                example = f"{minutes:.10g}m"
                out.add(source.locate(path), "duration.clock", "hint.duration.clock", value=written, example=example)
                container[key] = example


def _check_work(process: Process, data: dict[Any, Any], source: SourceMap, out: _Collector) -> None:
    """``work`` read with the process's calendar: a triangular ``work`` must be ordered in working hours
    too (``{min: 4h, mode: 6h, max: 1d}`` is out of order with 8-hour days, though fine as elapsed
    time), and no amount may be more than 10 years of working time (:func:`~procesmap.durations.max_work_hours`)."""

    calendar = process.calendar.calendar()
    limit = max_work_hours(calendar)
    for index, step in enumerate(process.steps):
        work = step.work
        if work is None:
            continue
        base: Path_ = ("steps", index, "work")
        if isinstance(work, Triangular):
            places: list[tuple[Any, Path_]] = [(work.min, ("min",)), (work.mode, ("mode",)), (work.max, ("max",))]
        elif isinstance(work, Samples):
            places = [(amount, ("samples", i)) for i, amount in enumerate(work.values)]
        elif isinstance(work, Gamma):
            places = [(work.mean, ("mean",))]
        else:
            places = [(work.value, ())] if isinstance(work, Fixed) else []
        too_long = next(((a, at) for a, at in places if a.effort_hours(calendar) > limit + 1e-9), None)
        if too_long is not None:
            amount, at = too_long
            out.add(
                source.locate(base + at),
                "duration.work_too_long",
                "hint.duration.work_too_long",
                value=_raw_text(data, base + at, format_amount(amount)),
                limit=Count(round(limit)),
            )
        elif not ordered_effort(work, calendar):
            out.add(source.locate(base), "duration.triangle_order", "hint.duration.triangle_order")


def _raw_text(data: Any, path: Path_, fallback: str) -> str:
    """The value at ``path`` as the file wrote it (a string there), else ``fallback``."""
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return fallback
    return data.strip() if isinstance(data, str) else fallback


def _organisation_file(data: dict[Any, Any], source: SourceMap, out: _Collector) -> OrganisationFile:
    try:
        shared = OrganisationFile.model_validate(data, strict=True)  # as a map (procesmap._model_problems._validate)
    except ValidationError as err:
        for error in err.errors(include_url=False):
            _report_pydantic(error, data, source, out, model=OrganisationFile)
        raise out.fail() from None
    _check_references(data, source, out, None)
    if out.problems:
        raise out.fail()
    shared._source = source
    return shared


def _merge_shared(
    data: dict[Any, Any], shared: Sequence[OrganisationFile], source: SourceMap, out: _Collector
) -> dict[tuple[str, str], tuple[str, int, int]]:
    """Add the shared definitions to the process's own; an id defined in both places is an error."""
    origins: dict[tuple[str, str], tuple[str, int, int]] = {}
    for organisation_file in shared:
        for section in SHARED_SECTIONS:
            items = getattr(organisation_file, section)
            if not items:
                continue
            own = data.get(section)
            if own is None:
                own = data[section] = {}
            if not isinstance(own, dict):
                continue
            for item_id, item in items.items():
                line, column = organisation_file.source.locate((section, item_id), key=True)
                if item_id in own:
                    if (section, item_id) not in origins:
                        out.add(
                            source.locate((section, item_id), key=True),
                            "ref.shared_conflict",
                            "hint.ref.shared_conflict",
                            id=item_id,
                            other=organisation_file.file,
                            line=line,
                        )
                    continue
                own[item_id] = item.model_dump(mode="json", exclude_defaults=True)
                origins[(section, item_id)] = (organisation_file.file, line, column)
    return origins


def _strip_extensions(data: dict[Any, Any]) -> Any:
    """Keys starting with ``x-`` are the user's own (like OpenAPI): kept in the file, ignored here."""
    if isinstance(data, dict):
        return {k: _strip_extensions(v) for k, v in data.items() if not (isinstance(k, str) and k.startswith("x-"))}
    if isinstance(data, list):
        return [_strip_extensions(v) for v in data]
    return data
