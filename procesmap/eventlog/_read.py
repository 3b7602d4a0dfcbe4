"""Reading event logs (XES, CSV, Parquet) into one columnar table: the entry point, :func:`read_log`.

Each format has its own module (:mod:`._xes`, :mod:`._csv`, :mod:`._parquet`, gzip in :mod:`._gzip`); what they
share (the mapping, :class:`EventLog`, the limits, the error mapping, the standard table) is in :mod:`._common`.

The table (a ``pyarrow.Table``) has one row per event and these columns:

- ``case`` (string), ``activity`` (string), ``timestamp`` (timestamp[us, UTC]),
  ``resource`` (string), ``role`` (string: ``org:group`` or the ``--role`` column),
  ``lifecycle`` (string, lower case), ``pos`` (int64: the event's place in the file);
- every other attribute as a string column (XES trace attributes get the prefix ``case:``).

XES of the usual regular shape is cut up with one regular-expression check and numpy per chunk of whole
traces, anything else is streamed with ``lxml.etree.iterparse`` (:mod:`._xes`); both give the same table.
Timestamps are parsed by DuckDB (``TRY_CAST(... AS TIMESTAMPTZ)``) into UTC; values
that do not parse are counted and left empty.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any, Callable

from procesmap._io import NotRegularFile, TooLarge, not_regular_problem, read_limited
from procesmap._safe_text import strip_control
from procesmap.errors import LoadError, Problem, ProcessmapError, UsageError
from procesmap.eventlog._common import (
    _CORRUPT_HINTS,
    DEFAULT_COLUMNS,
    LOG_SUFFIXES,
    EventLog,
    LogMapping,
    _check_events,
    _check_file,
    _reason,
    _standardise,
    engine_error,
)
from procesmap.eventlog._csv import _read_csv
from procesmap.eventlog._parquet import _read_parquet, _read_parquet_direct, check_parquet_layout
from procesmap.eventlog._xes import _read_xes, xes_syntax_error
from procesmap.i18n import Count, Key, Message
from procesmap.reasons import not_utf8, os_reason, yaml_detail

__all__ = ["LogMapping", "EventLog", "read_log", "read_roles", "engine_error", "DEFAULT_COLUMNS", "LOG_SUFFIXES"]

#: The largest ``--roles`` file read (docs/format.md, limits); its YAML has the nesting and size limits of a map.
MAX_ROLES_BYTES = 5 * 1024 * 1024
#: The most resources one ``--roles`` file maps (docs/format.md, limits), counted before the mapping is built:
#: building 300,000 YAML names took 4.4 s of CPU (11.9 s on the shared machine), 100,000 about 1.3 s.
MAX_ROLES_ENTRIES = 100_000


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".xes", ".xes.gz")):
        return "xes"
    if name.endswith((".csv", ".csv.gz", ".txt")):
        return "csv"
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    raise UsageError("log.unknown_format", "hint.log.unknown_format", path=str(path))


def read_log(
    path: str | os.PathLike[str], mapping: LogMapping | None = None, progress: Callable[[int, int], None] | None = None
) -> EventLog:
    """Read an XES, CSV or Parquet event log. ``progress(done, total)`` is called with bytes read.

    Raises :class:`~procesmap.errors.UsageError` (exit 2 in the CLI) when the file cannot
    be read, is corrupt, or lacks a case, activity or timestamp column.
    """
    mapping = mapping or LogMapping()
    file = Path(path)
    if not file.exists():
        raise UsageError("log.missing", "hint.log.missing", path=str(file))
    if file.is_dir():
        raise UsageError("log.is_directory", "hint.log.is_directory", path=str(file))
    # a FIFO or a device: refused before its name is even looked at; XES counts the unpacked bytes as it reads
    _check_file(file, unpacked=not file.name.lower().endswith(".xes.gz"))
    kind = _kind(file)
    try:
        if kind == "parquet":
            check_parquet_layout(file)  # footer, columns and column chunks, before a row is read
            fast = _read_parquet_direct(file, mapping)
            if fast is not None:
                return fast
        if kind == "xes":
            raw = _read_xes(file, progress)
        elif kind == "csv":
            raw = _read_csv(file)
        else:
            raw = _read_parquet(file)
    except ProcessmapError:  # our own message (a limit, a missing column): as it is
        raise
    except UnicodeDecodeError as err:  # a CSV saved as Windows-1252 (Excel): say where, and how to save it
        raise not_utf8(file, err) from None
    except PermissionError as err:
        raise UsageError("log.unreadable", "hint.log.unreadable", path=str(file), reason=os_reason(err)) from None
    except Exception as err:  # OSError, EOFError, gzip/lxml/pyarrow/DuckDB errors: a corrupt or truncated file
        if kind == "xes" and type(err).__name__ == "XMLSyntaxError":
            raise xes_syntax_error(file, err) from None
        raise UsageError("log.corrupt", _CORRUPT_HINTS[kind], path=str(file), reason=_reason(err)) from None
    _check_events(file, raw.num_rows, text=True)
    try:
        table, chosen, quality = _standardise(raw, file, kind, mapping)
    except UsageError:
        raise
    except Exception as err:  # an Arrow or DuckDB error on an unusual column: a message, never a traceback
        translated = engine_error(err, file)
        if translated is None:
            raise
        raise translated from None
    del raw
    from procesmap.eventlog._engine import arrow_store  # lazy: the DuckDB engine loads only when a log is read

    return EventLog(str(file), kind, chosen, quality, arrow_store(table), table.num_rows, table=table)


def read_roles(path: str | os.PathLike[str]) -> dict[str, str]:
    """A resource -> role mapping from YAML/JSON (``{resource: role}``) or CSV (two columns, header)."""

    file = Path(path)
    try:
        text = read_limited(file, MAX_ROLES_BYTES).decode("utf-8-sig")  # a FIFO or /dev/zero: refused, not read
    except UnicodeDecodeError as err:
        raise not_utf8(file, err) from None
    except NotRegularFile as err:
        raise LoadError([not_regular_problem(err, str(file))]) from None
    except TooLarge:
        raise LoadError.single(
            str(file),
            1,
            1,
            "limits.too_large",
            {"limit": Count(MAX_ROLES_BYTES), "what": Key("limits.what.roles")},
            "limits.hint.too_large",
            {},
        ) from None
    except OSError as err:
        raise UsageError(
            "log.roles_unreadable", "hint.log.roles_unreadable", path=str(file), reason=os_reason(err)
        ) from None
    if file.suffix.lower() == ".csv":
        reader = csv.reader(text.splitlines(), delimiter=";" if text.count(";") > text.count(",") else ",")
        pairs: dict[str, str] = {}
        lines: dict[str, int] = {}
        entries = 0
        header: list[str] = []
        for r in reader:
            if reader.line_num == 1:
                header = [strip_control(cell.strip()) for cell in r]
                continue
            if len(r) < 2 or not r[0].strip():
                continue  # a row without a resource
            entries += 1
            if entries > MAX_ROLES_ENTRIES:
                raise _too_many_roles(file, reader.line_num, 1)
            resource, role = strip_control(r[0].strip()), strip_control(r[1].strip())
            if resource in pairs and pairs[resource] != role:  # two roles for one resource: which one counts?
                raise _named_twice(file, reader.line_num, 1, resource, lines[resource], pairs[resource])
            pairs[resource] = role
            lines.setdefault(resource, reader.line_num)
        _check_header(header, pairs, lines, file)
    else:
        import yaml  # lazy: PyYAML loads only when YAML is read or written

        from procesmap._decode import _loader_class  # lazy: the map loader loads only when a map file is read
        from procesmap.loading import (  # lazy: the map loader loads only when a map file is read
            scan_limits,
        )

        scan_limits(text, str(file))  # nesting and expanded size (aliases) bounded before anything is built
        places = _count_roles(yaml, _loader_class(), text, file)  # and the resources it names, before they are built
        try:  # libyaml where installed, as for maps: PyYAML's pure-Python loader took 44 s for 300,000 names
            data = yaml.load(text, Loader=_loader_class())  # noqa: S506 (a safe loader: CSafeLoader or SafeLoader)
        except yaml.YAMLError as err:
            found = yaml_detail(err, text)
            raise UsageError(
                "log.roles_yaml",
                found.hint_key,
                path=str(file),
                line=found.position[0],
                column=found.position[1],
                detail=found.detail,
                **found.hint_args,
            ) from None
        if not isinstance(data, dict):
            raise UsageError(
                "log.roles_unreadable",
                "hint.log.roles",
                path=str(file),
                reason=Message("log.roles_empty" if data is None else "log.roles_not_mapping"),
            )
        problems = _role_problems(data, places, file)
        if problems:
            raise LoadError(problems)
        pairs = {strip_control(str(k)): strip_control(str(v)) for k, v in data.items()}
    if not pairs:
        raise UsageError("log.roles_unreadable", "hint.log.roles", path=str(file), reason=Message("log.roles_empty"))
    return pairs


#: Words that make a first line a header, whatever follows (``medewerker;rol`` above a role named "rol")
_HEADER_WORDS = frozenset(
    {"resource", "role", "rol", "rollen", "roles", "medewerker", "naam", "name", "team", "functie", "afdeling", "group"}
    | {"org:resource", "org:role", "org:group", "user", "gebruiker"}
)


def _check_header(header: list[str], pairs: dict[str, str], lines: dict[str, int], file: Path) -> None:
    """A roles CSV without its header line lost its first resource without a word: the first line is a header
    and is never read. When that line's second cell is a role another line gives too (``piet,jurist`` above
    ``anna,jurist``), it is a resource and its role, not a header (``resource,role``, ``medewerker;rol``): a
    :class:`LoadError` at line 1 that says to add the header."""
    if len(header) < 2 or not header[0] or not header[1]:
        return
    if {cell.lower() for cell in header[:2]} & _HEADER_WORDS:
        return  # a header, whatever the roles are called
    same = [resource for resource, role in pairs.items() if role == header[1]]
    if not same:
        return
    raise LoadError.single(
        str(file),
        1,
        1,
        "log.roles.no_header",
        {"first": ",".join(header[:2])},
        "hint.log.roles.no_header",
        {"role": header[1], "line": lines[same[0]]},
    )


def _named_twice(file: Path, line: int, column: int, resource: str, first_line: int, first_role: str) -> LoadError:
    """A resource a roles file gives a role a second time (CSV: another role), at the second place."""
    return LoadError.single(
        str(file),
        line,
        column,
        "log.roles.resource_twice",
        {"resource": resource},
        "hint.log.roles.resource_twice",
        {"resource": resource, "line": first_line, "role": first_role},
    )


def _too_many_roles(file: Path, line: int, column: int) -> LoadError:
    """The problem of a roles file naming more than :data:`MAX_ROLES_ENTRIES` resources, at the first one past it."""
    return LoadError.single(
        str(file),
        line,
        column,
        "bounds.roles_too_many",
        {"limit": Count(MAX_ROLES_ENTRIES)},
        "bounds.hint.roles_too_many",
        {},
    )


def _count_roles(yaml: Any, loader: Any, text: str, file: Path) -> dict[str, tuple[int, int, int, int]]:
    """Raise :func:`_too_many_roles` at the first key of the top mapping past :data:`MAX_ROLES_ENTRIES`: one
    streaming pass over the parser's events (0.4 s for 5 MiB), nothing built. Anything else (a list, a scalar)
    is left to the reader's own message.

    In the same pass, a resource named twice is a :class:`LoadError` at the second (which role would count?),
    and the place of every resource and of its role is returned: ``{resource: (line, column, role line, role
    column)}``, 1-based, for the messages about a role that is not one name."""
    depth = 0
    expect_key = False  # in the top mapping: whether the next node at depth 1 is a key
    entries = 0
    places: dict[str, tuple[int, int, int, int]] = {}
    roles: dict[str, str] = {}
    key: tuple[str, int, int] | None = None
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.ScalarEvent, yaml.AliasEvent)):
            if depth == 1:
                line, column = event.start_mark.line + 1, event.start_mark.column + 1
                if expect_key:
                    entries += 1
                    if entries > MAX_ROLES_ENTRIES:
                        raise _too_many_roles(file, line, column)
                    key = (event.value, line, column) if isinstance(event, yaml.ScalarEvent) else None
                    if key is not None and key[0] in places:
                        raise _named_twice(file, line, column, key[0], places[key[0]][0], roles.get(key[0], "?"))
                elif key is not None:
                    places[key[0]] = (key[1], key[2], line, column)
                    if isinstance(event, yaml.ScalarEvent):
                        roles[key[0]] = event.value
                expect_key = not expect_key
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth == 1:
                    expect_key = isinstance(event, yaml.MappingStartEvent)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return places


def _role_problems(data: dict[Any, Any], places: dict[str, tuple[int, int, int, int]], file: Path) -> list[Problem]:
    """A role that is empty (``piet:``) or not one name (``piet: [jurist, team-b]``) at its place; it was read
    as the role ``None`` or ``['jurist', 'team-b']``."""
    problems = []
    for resource, role in data.items():
        line, column, role_line, role_column = places.get(str(resource), (1, 1, 1, 1))
        if role is None:
            problems.append(
                Problem(
                    str(file),
                    line,
                    column,
                    "log.roles.no_role",
                    {"resource": str(resource)},
                    "hint.log.roles.one_name",
                    {"resource": str(resource)},
                )
            )
        elif isinstance(role, (list, dict)):
            found = Message("log.roles.a_list" if isinstance(role, list) else "log.roles.a_mapping")
            problems.append(
                Problem(
                    str(file),
                    role_line,
                    role_column,
                    "log.roles.not_one_name",
                    {"resource": str(resource), "found": found},
                    "hint.log.roles.one_name",
                    {"resource": str(resource)},
                )
            )
    return problems
