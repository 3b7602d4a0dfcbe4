"""Loading, references: every id a map names (roles, teams, organisations, systems, steps, subprocesses) exists."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, Iterable

from procesmap.i18n import Key
from procesmap.model import SLUG, SourceMap

from procesmap._collect import Collector as _Collector

Path_ = tuple[Any, ...]


# -- references between ids -------------------------------------------------------------------


def _check_references(data: dict[Any, Any], source: SourceMap, out: _Collector, repository: Path | None) -> None:
    def ids(section: str) -> list[str]:
        value = data.get(section)
        return [k for k in value if isinstance(k, str)] if isinstance(value, dict) else []

    organisations, teams, roles, systems = ids("organisations"), ids("teams"), ids("roles"), ids("systems")
    listed = data.get("steps")
    steps_raw: list[Any] = listed if isinstance(listed, list) else []
    step_ids: list[str] = []
    first_at: dict[str, tuple[int, int]] = {}
    for index, step in enumerate(steps_raw):
        if isinstance(step, dict) and isinstance(step.get("id"), str):
            step_id = step["id"]
            where = source.locate(("steps", index, "id"))
            if step_id in first_at:
                out.add(where, "ref.duplicate_step", "hint.ref.duplicate_step", id=step_id, line=first_at[step_id][0])
            else:
                first_at[step_id] = where
                step_ids.append(step_id)

    members: dict[int, set[str]] = {}  # id(valid) -> set(valid): membership in O(1), however many steps

    def check(value: Any, valid: list[str], path: Path_, kind_id: str) -> None:
        if not isinstance(value, str):
            return
        known = members.get(id(valid))
        if known is None:
            known = members[id(valid)] = set(valid)
        if value in known:
            return
        kind = Key("kind." + kind_id)
        close = difflib.get_close_matches(value, valid, n=1, cutoff=0.5)
        if close:
            out.add(
                source.locate(path), "ref.unknown", "hint.did_you_mean_id", kind=kind, id=value, suggestion=close[0]
            )
        elif valid:
            shown = ", ".join(valid[:8]) + (", ..." if len(valid) > 8 else "")
            out.add(source.locate(path), "ref.unknown", "hint.ref.valid_ids", kind=kind, id=value, valid=shown)
        else:
            out.add(
                source.locate(path), "ref.unknown", "hint.ref.none_defined", kind=kind, id=value, section=kind_id + "s"
            )

    def each_list(value: Any, path: Path_) -> Iterable[tuple[Any, Path_]]:
        if isinstance(value, str):
            yield value, path
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield item, path + (index,)

    for team_id, team in (data.get("teams") or {}).items() if isinstance(data.get("teams"), dict) else []:
        if isinstance(team, dict):
            check(team.get("organisation"), organisations, ("teams", team_id, "organisation"), "organisation")
    for role_id, role in (data.get("roles") or {}).items() if isinstance(data.get("roles"), dict) else []:
        if isinstance(role, dict):
            check(role.get("team"), teams, ("roles", role_id, "team"), "team")
            check(role.get("organisation"), organisations, ("roles", role_id, "organisation"), "organisation")
            for item, path in each_list(role.get("backup"), ("roles", role_id, "backup")):
                check(item, roles, path, "role")
    for index, step in enumerate(steps_raw):
        if not isinstance(step, dict):
            continue
        base: Path_ = ("steps", index)
        check(step.get("role"), roles, base + ("role",), "role")
        check(step.get("system"), systems, base + ("system",), "system")
        check(step.get("via"), systems, base + ("via",), "system")
        raci = step.get("raci")
        if isinstance(raci, dict):
            for letter in ("R", "A"):
                check(raci.get(letter), roles, base + ("raci", letter), "role")
            for letter in ("C", "I"):
                for item, path in each_list(raci.get(letter), base + ("raci", letter)):
                    check(item, roles, path, "role")
        nxt = step.get("next")
        for item, path in each_list(nxt, base + ("next",)):
            if isinstance(item, dict):
                check(item.get("to"), step_ids, path + ("to",), "step")
            else:
                check(item, step_ids, path, "step")
        _check_next_twice(step, base, source, out)
        sub = step.get("subprocess")
        if isinstance(sub, str):
            _check_subprocess(sub, base + ("subprocess",), data.get("id"), source, out, repository)
    for index, issue in enumerate(data.get("issues") or [] if isinstance(data.get("issues"), list) else []):
        if isinstance(issue, dict):
            check(issue.get("step"), step_ids, ("issues", index, "step"), "step")
            check(issue.get("owner"), roles, ("issues", index, "owner"), "role")


def repeated_next(entries: list[Any], *, parallel: bool) -> list[tuple[int, int]]:
    """The entries of a raw ``next`` list that name a step an earlier entry names already without saying why:
    ``(index, index of the earlier entry)`` pairs (docs/format.md, 'Steps').

    ``next: [e, e]`` says nothing the first ``e`` did not, yet it made a branch more: the shares of branches
    without ``p`` are split over one more (``[e, e, f]`` sent two thirds of the cases to ``e``) and, on a
    ``parallel``, ``e`` ran twice at the same time. Two branches of a task or decision that each have a ``p``
    or a ``when`` may lead to the same step (two reasons, or two shares, for one way; their ``p`` values add
    up), but not with the same ``when``. An entry is a step id or a branch mapping ``{to, p, when}``.
    """
    seen: dict[str, list[tuple[int, bool, str | None]]] = {}
    repeated: list[tuple[int, int]] = []
    for index, item in enumerate(entries):
        if isinstance(item, dict):
            target, when, has_p = item.get("to"), item.get("when"), item.get("p") is not None
        else:
            target, when, has_p = item, None, False
        if not isinstance(target, str):
            continue
        reason = " ".join(when.split()) if isinstance(when, str) and when.strip() else None
        says_why = has_p or reason is not None
        earlier = seen.setdefault(target, [])
        clash = next(
            (
                at
                for at, why, other in earlier
                if parallel or not says_why or not why or (reason is not None and reason == other)
            ),
            None,
        )
        if clash is not None:
            repeated.append((index, clash))
        earlier.append((index, says_why, reason))
    return repeated


def _check_next_twice(step: dict[Any, Any], base: Path_, source: SourceMap, out: _Collector) -> None:
    """A load error at each entry of ``next`` that :func:`repeated_next` finds (at the repeat)."""
    nxt = step.get("next")
    if not isinstance(nxt, list):
        return
    parallel = step.get("type") == "parallel"

    def place(index: int) -> tuple[int, int]:
        at = base + ("next", index) + (("to",) if isinstance(nxt[index], dict) else ())
        return source.locate(at)

    for index, _first in repeated_next(nxt, parallel=parallel):
        item = nxt[index]
        out.add(  # at the repeat; no place of the first in the text: a sheet's cell is not a line of YAML
            place(index),
            "ref.next_twice",
            "hint.ref.next_twice_parallel" if parallel else "hint.ref.next_twice",
            step=step.get("id") if isinstance(step.get("id"), str) else "?",
            to=item.get("to") if isinstance(item, dict) else item,
        )


def _check_subprocess(
    value: str, path: Path_, own_id: Any, source: SourceMap, out: _Collector, repository: Path | None
) -> None:
    """``subprocess:`` names another process of the same repository by id, never a path."""
    where = source.locate(path)
    if not SLUG.match(value):
        if "/" in value or "\\" in value or ".." in value:
            out.add(where, "ref.subprocess_path", "hint.ref.subprocess_path", id=value)
        return  # a non-slug is reported by the model already
    if value == own_id:
        out.add(where, "ref.subprocess_self", "hint.ref.subprocess_self", id=value)
        return
    if repository is None:
        return
    candidates = sorted(p.stem for p in repository.glob("*.y*ml"))
    if value not in candidates:
        close = difflib.get_close_matches(value, candidates, n=1, cutoff=0.5)
        if close:
            out.add(
                where, "ref.unknown", "hint.did_you_mean_id", kind=Key("kind.process"), id=value, suggestion=close[0]
            )
        else:
            out.add(
                where,
                "ref.unknown",
                "hint.ref.subprocess_missing",
                kind=Key("kind.process"),
                id=value,
                folder=str(repository),
            )
