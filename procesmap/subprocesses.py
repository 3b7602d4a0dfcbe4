"""``subprocess: other-id``: a step that stands for the whole of another process (part of loading a folder).

The step hands the case to the other process's start, and that process's ends hand it back
to the step's ``next``. The loader expands every such step when it reads a folder
(:class:`procesmap.loading`), so the analysis sees one process; :mod:`procesmap.repository`
re-exports :func:`expand_subprocesses` for the code that imports it from there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from procesmap.errors import LoadError, Problem

if TYPE_CHECKING:
    from procesmap.model import Branch, Process, Step

__all__ = ["SEPARATOR", "expand_subprocesses"]

SEPARATOR = "--"
_EVENT = ("start", "end")


def _event_type(step: "Step") -> str:
    """An expanded start or end becomes an ordinary step: a task where work is done, else a wait."""
    return "task" if (step.role or step.raci.R or step.work is not None) else "wait"


def expand_subprocesses(
    process: "Process", lookup: Callable[[str], "Process | None"], _stack: tuple[str, ...] = ()
) -> "Process":
    """A copy of ``process`` in which every ``subprocess:`` step leads through the other process's steps.

    The subprocess step itself stays (its own wait, work and RACI); its ``next`` goes to the
    other process's start, and that process's end steps continue with the step's original
    ``next``. Expanded steps are named ``<step>--<sub-step>``. Cycles between subprocesses
    and roles defined differently in both files are load errors.
    """
    if not any(step.subprocess for step in process.steps):
        return process
    stack = _stack + (process.id,)
    steps: list[Step] = []
    sections = {name: dict(getattr(process, name)) for name in ("organisations", "teams", "roles", "systems")}
    origins = dict(process._origins)
    problems: list[Problem] = []
    for index, step in enumerate(process.steps):
        if not step.subprocess:
            steps.append(step)
            continue
        line, column = process.source.locate(("steps", index, "subprocess"))
        if step.subprocess in stack:
            chain = " -> ".join(stack[stack.index(step.subprocess) :] + (step.subprocess,))
            problems.append(
                Problem(
                    process.file,
                    line,
                    column,
                    "ref.subprocess_cycle",
                    {"chain": chain},
                    "hint.ref.subprocess_cycle",
                    {},
                )
            )
            continue
        sub = lookup(step.subprocess)
        if sub is None:
            problems.append(
                Problem(
                    process.file,
                    line,
                    column,
                    "ref.unknown",
                    {"kind": "process", "id": step.subprocess},
                    "hint.ref.subprocess_missing",
                    {"id": step.subprocess, "folder": "."},
                )
            )
            continue
        try:
            sub = expand_subprocesses(sub, lookup, stack)
        except LoadError as err:
            problems.extend(err.problems)
            continue
        prefix = step.id + SEPARATOR
        start = next((s.id for s in sub.steps if s.type == "start"), sub.steps[0].id)
        steps.append(step.model_copy(update={"next": [_branch(prefix + start)], "subprocess": step.subprocess}))
        for sub_step in sub.steps:
            update: dict[str, object] = {
                "id": prefix + sub_step.id,
                "next": [b.model_copy(update={"to": prefix + b.to}) for b in sub_step.next],
            }
            if sub_step.type in _EVENT:
                update["type"] = _event_type(sub_step)
            if not sub_step.next:
                update["next"] = [b.model_copy() for b in step.next]
            steps.append(sub_step.model_copy(update=update))
            origins[("steps", prefix + sub_step.id)] = sub.where_step(sub_step.id)
        for name in sections:
            for item_id, item in getattr(sub, name).items():
                mine = sections[name].get(item_id)
                if mine is None:
                    sections[name][item_id] = item
                    origin = sub.origin(name, item_id)
                    if origin is None:
                        origin = (sub.file, *sub.source.locate((name, item_id), key=True))
                    origins[(name, item_id)] = origin
                elif mine != item:
                    problems.append(
                        Problem(
                            process.file,
                            line,
                            column,
                            "ref.subprocess_conflict",
                            {"kind": name, "id": item_id, "other": sub.file},
                            "hint.ref.subprocess_conflict",
                            {},
                        )
                    )
    if problems:
        raise LoadError(problems)
    expanded = process.model_copy(update={"steps": steps, **sections})
    expanded._source = process.source
    expanded._origins = origins
    return expanded


def _branch(target: str) -> "Branch":
    from procesmap.model import Branch  # lazy: the model (pydantic) loads with the first map, not with this module

    return Branch(to=target)
