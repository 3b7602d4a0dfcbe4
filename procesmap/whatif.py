"""What-if scenarios: change a map with ``--set PATH=VALUE`` without editing its file.

A path names a field of the map the way a person reads it:

- ``volume``, ``term``, ``owner`` ... : a field of the process;
- ``calendar.hours_per_day``: a field of a nested mapping;
- ``roles.<id>.people``, ``teams.<id>.organisation``, ``systems.<id>.kind``,
  ``organisations.<id>.name``: a field of an entry of a section, by id;
- ``steps.<step-id>.via``, ``steps.<step-id>.raci.A``, ``issues.<id>.owner``: by id too;
- ``steps.<step-id>.next.<to-step>.p``: one branch of a step, by the step it goes to.

The value is read as a YAML scalar or flow collection (``2`` is a number, ``true`` a
boolean, ``15m`` a duration, ``[a, b]`` a list, ``{min: 1d, mode: 2d, max: 5d}`` a
triangular duration). An empty value (``--set roles.x.fte=``) removes the field, so its
default applies.

Each assignment is applied to a plain-data copy of the map and the result is validated by
the same model and the same reference checks as the loader, one assignment at a time, so an
error names the assignment that caused it. The input process is never changed; the new one
keeps the original file's positions (a finding on a step still points at that step's line).
"""

from __future__ import annotations

import copy
import difflib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from procesmap._language import with_decimal_point
from procesmap.errors import Problem, ProcessmapError, UsageError

if TYPE_CHECKING:
    from procesmap.model import Process

__all__ = ["apply_overrides", "parse_assignment", "valid_paths", "OverrideError"]


# Mappings whose entries are addressed by id (section -> model class name).
_SECTIONS = {"organisations": "Organisation", "teams": "Team", "roles": "Role", "systems": "System"}
# Lists whose items are addressed by a key field.
_LISTS = {
    ("Process", "steps"): ("Step", "id"),
    ("Process", "issues"): ("Knelpunt", "id"),
    ("Step", "next"): ("Branch", "to"),
}
# Fields that hold one nested model.
_NESTED = {("Process", "calendar"): "CalendarModel", ("Step", "raci"): "Raci"}


class OverrideError(UsageError):
    """An assignment whose result does not validate: shows the loader's message and hint."""

    def __init__(self, file: str, assignment: str, problem: Problem):
        self.problem = problem
        super().__init__("versions.set.invalid", None, file=file, assignment=assignment, problem="")

    def format(self, lang: str = "en") -> str:
        from procesmap.i18n import t  # lazy: the catalogue loads when a message is made

        text = t(
            "versions.set.invalid",
            lang,
            file=self.args_["file"],
            assignment=self.args_["assignment"],
            problem=self.problem.message(lang),
        )
        better = _typing_hint(self.args_["assignment"], self.problem.key)
        hint = t(better[0], lang, **better[1]) if better else self.problem.hint(lang)
        if hint:
            text += f"\n  {t('label.hint', lang)}: {hint}"
        return text


def _typing_hint(assignment: str, problem_key: str) -> tuple[str, dict[str, str]] | None:
    """A hint for what a consultant typed, where the loader's own hint is only "see the schema": a Dutch
    decimal comma (``fte=0,8``: write ``0.8``), or a text that YAML reads as a mapping or list
    (``name=Team: BRP``: quote it)."""
    import yaml  # lazy: PyYAML loads only when YAML is parsed

    path, _, raw = (part.strip() for part in assignment.partition("="))
    number = with_decimal_point(raw) if problem_key == "value.expected_number" else None
    if number is not None:
        return "versions.hint.set.decimal", {"path": path, "value": number}
    if problem_key == "value.expected_text":
        try:
            value = yaml.safe_load(raw)
        except yaml.YAMLError:
            return None
        if isinstance(value, (dict, list)):
            return "versions.hint.set.quote_text", {"path": path, "text": raw.replace('"', '\\"')}
    return None


def _models() -> dict[str, Any]:
    from procesmap import model  # lazy: the model loads only when a map is built

    names = ("Process", "Step", "Branch", "Raci", "Role", "Team", "Organisation", "System", "Knelpunt", "CalendarModel")
    return {name: getattr(model, name) for name in names}


def parse_assignment(assignment: str) -> tuple[list[str], Any]:
    """``"roles.x.people=2"`` -> ``(["roles", "x", "people"], 2)``; the value read as YAML."""
    import yaml  # lazy: PyYAML loads only when YAML is parsed

    path, sep, raw = assignment.partition("=")
    if not sep or not path.strip():
        raise UsageError("versions.set.no_equals", "versions.hint.set.form", assignment=assignment)
    try:
        value = yaml.safe_load(raw) if raw.strip() else None
    except yaml.YAMLError as err:
        detail = " ".join(str(getattr(err, "problem", None) or err).split())
        if raw.strip().startswith("{"):  # a mapping with a brace or comma missing
            raise UsageError(
                "versions.set.bad_value", "versions.hint.set.quote", assignment=assignment, detail=detail
            ) from None
        text = raw.strip().replace('"', '\\"')  # a text with `[`, `: ` or `#` in it, meant as text
        raise UsageError(
            "versions.set.bad_value",
            "versions.hint.set.quote_text",
            assignment=assignment,
            detail=detail,
            path=path.strip(),
            text=text,
        ) from None
    if isinstance(value, (dict, list)) or value is None or isinstance(value, (str, int, float, bool)):
        pass
    else:  # a date or other YAML type: keep the text, as the loader does
        value = raw.strip()
    return [part.strip() for part in path.strip().split(".")], value


def valid_paths(data: dict[str, Any]) -> list[str]:
    """Every path ``--set`` accepts for this map (plain data of the process), for hints."""
    models = _models()
    paths: list[str] = []

    def walk(kind: str, node: Any, prefix: str) -> None:
        for name in models[kind].model_fields:
            path = f"{prefix}{name}"
            paths.append(path)
            if (kind, name) in _NESTED:
                walk(_NESTED[(kind, name)], (node or {}).get(name), path + ".")
            elif (kind, name) in _LISTS:
                item_kind, key = _LISTS[(kind, name)]
                for item in (node or {}).get(name) or []:
                    if isinstance(item, dict) and item.get(key) is not None:
                        walk(item_kind, item, f"{path}.{item[key]}.")
            elif kind == "Process" and name in _SECTIONS:
                for entry_id, entry in ((node or {}).get(name) or {}).items():
                    walk(_SECTIONS[name], entry, f"{path}.{entry_id}.")

    walk("Process", data, "")
    return paths


def _locate(data: dict[str, Any], segments: list[str]) -> tuple[dict[str, Any], str] | None:
    """The mapping and key that ``segments`` name in ``data``, or ``None`` when the path names nothing."""
    models = _models()
    kind, node = "Process", data
    index = 0
    while True:
        name = segments[index]
        if name not in models[kind].model_fields:
            return None
        if index == len(segments) - 1:
            return node, name
        if (kind, name) in _NESTED:
            child = node.get(name)
            if not isinstance(child, dict):
                child = node[name] = {}
            kind, node = _NESTED[(kind, name)], child
            index += 1
        elif (kind, name) in _LISTS:
            item_kind, key = _LISTS[(kind, name)]
            wanted = segments[index + 1]
            listed = node.get(name)
            items: list[Any] = listed if isinstance(listed, list) else []
            match = next((i for i in items if isinstance(i, dict) and str(i.get(key)) == wanted), None)
            if match is None or index + 2 >= len(segments):
                return None
            kind, node = item_kind, match
            index += 2
        elif kind == "Process" and name in _SECTIONS:
            found = node.get(name)
            entries: dict[Any, Any] = found if isinstance(found, dict) else {}
            wanted = segments[index + 1]
            if wanted not in entries or index + 2 >= len(segments):
                return None
            if not isinstance(entries[wanted], dict):
                entries[wanted] = {}
            kind, node = _SECTIONS[name], entries[wanted]
            index += 2
        else:
            return None  # a leaf with more segments after it


def _plain(process: "Process") -> dict[str, Any]:
    """The process as the plain data a file would hold: unset fields left out."""
    data: dict[str, Any] = process.model_dump(mode="json", exclude_none=True)
    return data


def apply_overrides(process: "Process", assignments: Sequence[str]) -> "Process":
    """A new, validated process with every ``PATH=VALUE`` assignment applied; ``process`` is not changed.

    Raises :class:`~procesmap.errors.UsageError` for a path that names nothing (with the
    nearest valid path as hint) or a value that is not YAML, and :class:`OverrideError` when
    the changed map would not load (a bad value, an id that does not resolve).
    """
    if not assignments:
        return process
    try:
        return _apply_overrides(process, assignments)
    except ProcessmapError as err:
        # a --set that does not fit this map is told in the map's language (docs/format.md, 'Messages and
        # language'), unless --lang, PROCESMAP_LANG or the configuration say otherwise; a malformed one
        # (no `=`) is a problem of the command line itself
        if getattr(err, "key", "") != "versions.set.no_equals":
            err.language = process.language  # type: ignore[attr-defined]
        raise


def _apply_overrides(process: "Process", assignments: Sequence[str]) -> "Process":
    from procesmap._collect import Collector as _Collector  # lazy: the loader's parts load only when a file is checked
    from procesmap._model_problems import _validate  # lazy: the loader's parts load only when a file is checked
    from procesmap._references import _check_references  # lazy: the loader's parts load only when a file is checked
    from procesmap._map_text import _check_work  # lazy: the loader loads only when a file is read

    data = _plain(process)
    source = process.source
    repository = None if process.file.startswith("<") else Path(process.file).parent
    steps: list[dict[str, Any]] = []  # the data after each assignment, to find the one that broke it
    for assignment in assignments:
        segments, value = parse_assignment(assignment)
        target = _locate(data, segments) if all(segments) else None
        if target is None:
            raise _unknown_path(process.file, ".".join(segments), data)
        node, key = target
        if value is None:
            node.pop(key, None)
        else:
            node[key] = value
        steps.append(copy.deepcopy(data))

    def validate(candidate: dict[str, Any]) -> tuple["Process | None", list[Problem]]:
        out = _Collector(process.file)
        validated = _validate(candidate, source, out)
        if validated is not None:
            _check_work(validated, candidate, source, out)  # the same checks as loading a file
        _check_references(candidate, source, out, repository)
        return (None if out.problems else validated), out.problems

    # validated once, after all assignments: `--set roles.x.fte=1.6 --set roles.x.people=2` works in
    # either order. When the result does not load, the culprit is the assignment after the last
    # prefix of them that still loads.
    result, problems = validate(data)
    if result is None:
        culprit = 0
        for index in range(len(steps) - 2, -1, -1):
            if validate(steps[index])[0] is not None:
                culprit = index + 1
                break
        raise OverrideError(
            process.file, assignments[culprit], problems[0] if problems else validate(steps[culprit])[1][0]
        )
    result._source = source
    result._baseline = process.baseline if process.baseline is not None else process
    return result


def _unknown_path(file: str, path: str, data: dict[str, Any]) -> UsageError:
    candidates = valid_paths(data)
    close = difflib.get_close_matches(path, candidates, n=1, cutoff=0.5)
    if close:
        return UsageError(
            "versions.set.unknown_path", "versions.hint.set.nearest", file=file, path=path, suggestion=close[0]
        )
    segments = path.split(".")
    for size in range(len(segments) - 1, -1, -1):
        parent = ".".join(segments[:size]) + "." if size else ""
        here = [c for c in candidates if c.startswith(parent) and "." not in c[len(parent) :]]
        if here:
            break
    shown = ", ".join(here[:12]) + (", ..." if len(here) > 12 else "")
    return UsageError("versions.set.unknown_path", "versions.hint.set.valid", file=file, path=path, valid=shown or "-")
