"""Bad values in a BPMN file's ``pm:`` extension as problems in the BPMN file, never a traceback (issue #19).

The ``pm:`` elements that ``procesmap export bpmn`` writes carry a map's own values (``people``, ``work``,
``p``, ...). A file edited by hand or by another tool may hold anything there; the draft is validated with
the map's model, and every validation error is reported at the line of the ``pm:`` element it comes from,
with the map's own messages (:func:`procesmap._model_problems._report_pydantic`).
"""

from __future__ import annotations

from typing import Any

from procesmap._collect import Collector as _Collector
from procesmap._model_problems import _report_pydantic
from procesmap.bpmn._xml import PM
from procesmap.errors import LoadError, Problem
from procesmap.i18n import Count
from procesmap.model import Process

__all__ = ["validate_draft", "extension_problem", "check_steps", "MAX_IMPORT_STEPS"]

#: The most flow nodes (tasks, events, gateways, sub-processes) a BPMN import maps to steps: a draft of more
#: would come near the map loader's limit of values (``procesmap.loading.MAX_NODES``) and take long to load, so
#: the import refuses before it starts (docs/format.md, limits of every reader).
MAX_IMPORT_STEPS = 15_000


class _Places:
    """``locate(path)`` for a draft built from a BPMN file: the line of the ``pm:`` element behind ``path``."""

    def __init__(self, root: Any, data: dict[str, Any]):
        self.data = data
        self.by_id: dict[tuple[str, str], int] = {}
        self.process_line = 1
        for element in root.iter():
            tag = element.tag
            if not isinstance(tag, str) or not tag.startswith("{" + PM + "}"):
                continue
            local = tag.split("}", 1)[1]
            line = element.sourceline or 1
            if local == "process" and self.process_line == 1:
                self.process_line = line
            element_id = element.get("id")
            if element_id is not None:
                self.by_id.setdefault((local, element_id), line)

    def locate(self, path: tuple[Any, ...], key: bool = False) -> tuple[int, int]:
        if len(path) >= 2 and path[0] in ("organisations", "teams", "roles", "systems"):
            line = self.by_id.get((str(path[0])[:-1], str(path[1])))
            if line is not None:
                return (line, 1)
        if len(path) >= 2 and path[0] == "steps" and isinstance(path[1], int):
            steps = self.data.get("steps")
            if isinstance(steps, list) and 0 <= path[1] < len(steps) and isinstance(steps[path[1]], dict):
                line = self.by_id.get(("step", str(steps[path[1]].get("id"))))
                if line is not None:
                    return (line, 1)
        return (self.process_line, 1)


def validate_draft(data: dict[str, Any], root: Any, file: str) -> None:
    """Validate the draft map ``data`` built from the BPMN ``root``; :class:`LoadError` with every problem,
    each at the line of its ``pm:`` element in ``file``."""
    from pydantic import ValidationError  # lazy: pydantic loads only when a draft is validated

    try:
        Process.model_validate(data)
    except ValidationError as err:
        out = _Collector(file)
        places = _Places(root, data)
        for error in err.errors(include_url=False):
            try:
                _report_pydantic(error, data, places, out)  # type: ignore[arg-type]
            except Exception:  # a shape the map's reporter does not know: still a problem of the file
                out.add(
                    places.locate(tuple(error.get("loc", ()))),
                    "limits.bpmn_pm_invalid",
                    "limits.hint.bpmn_pm_invalid",
                    detail=str(error.get("msg", ""))[:200],
                )
        raise out.fail() from None
    except (RecursionError, ValueError, TypeError) as err:
        raise LoadError([extension_problem(file, " ".join(str(err).split())[:200] or type(err).__name__)]) from None


def extension_problem(file: str, detail: str, line: int = 1) -> Problem:
    """A draft from a file with ``pm:`` values that does not load: the file's fault, not procesmap's."""
    return Problem(file, line, 1, "limits.bpmn_pm_invalid", {"detail": detail}, "limits.hint.bpmn_pm_invalid", {})


def has_extension(root: Any) -> bool:
    """Whether the file holds any ``pm:`` element (a map exported by procesmap, perhaps edited since)."""
    return any(isinstance(e.tag, str) and e.tag.startswith("{" + PM + "}") for e in root.iter())


def check_steps(root: Any, file: str) -> None:
    """Refuse a model with more than :data:`MAX_IMPORT_STEPS` flow nodes before any mapping work starts."""
    from procesmap.bpmn._xml import BPMN  # lazy: loads only for this step of a BPMN import or export

    prefix = "{" + BPMN + "}"
    count = 0
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str) or not tag.startswith(prefix):
            continue
        local = tag[len(prefix) :]
        if local.endswith(("Task", "Event", "Gateway")) or local in (
            "task",
            "subProcess",
            "callActivity",
            "transaction",
            "adHocSubProcess",
        ):
            count += 1
            if count > MAX_IMPORT_STEPS:
                raise LoadError.single(
                    file,
                    element.sourceline or 1,
                    1,
                    "limits.bpmn_too_many_steps",
                    {"limit": Count(MAX_IMPORT_STEPS)},
                    "limits.hint.bpmn_too_many_steps",
                    {},
                )


def check_unique_ids(root: Any, file: str) -> None:
    """Refuse two BPMN elements with one ``id`` (a hand-edited or merged file): the importer finds elements by
    id, so the second would silently take the first's place and its step and flows would be lost. The problem
    is at the second element's line and names the first's (BPMN 2.0 makes every id an ``xs:ID``: unique)."""
    from procesmap.bpmn._xml import BPMN  # lazy: loads only for this step of a BPMN import or export

    prefix = "{" + BPMN + "}"
    first_line: dict[str, int] = {}
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str) or not tag.startswith(prefix):
            continue
        identifier = element.get("id")
        if identifier is None:
            continue
        if identifier in first_line:
            args = {"id": identifier, "line": first_line[identifier], "element": tag[len(prefix) :]}
            raise LoadError.single(
                file,
                element.sourceline or 1,
                1,
                "bpmn.duplicate_id",
                args,
                "hint.bpmn.duplicate_id",
                args,
            )
        first_line[identifier] = element.sourceline or 1
