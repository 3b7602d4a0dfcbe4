"""Compare two analyses of a map: what changed in the map, and what that did to the figures.

:func:`compare` returns a :class:`MapDiff`, plain data: renderers
(:mod:`procesmap.render.diff`) format it as terminal text, Markdown or JSON.
:func:`read_revision` reads a file at a git revision (``git show REV:path``), so that
``procesmap diff FILE --from HEAD~3`` needs no git library.

Both analyses should use the same :class:`~procesmap.analysis.Settings` (seed and number
of cases), so that simulation noise does not show as change. Figures count as changed
when they differ after rounding to the JSON report's four decimals.
"""

from __future__ import annotations

import os
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from procesmap.errors import UsageError
from procesmap.errors import LoadError
from procesmap._version import __version__

if TYPE_CHECKING:
    from procesmap.analysis import Analysis, Finding, Settings, Severity
    from procesmap.model import Process

__all__ = [
    "MapDiff",
    "Side",
    "FieldChange",
    "EntityChange",
    "TransitionChange",
    "RaciChange",
    "FigureChange",
    "compare",
    "read_revision",
    "load_revision",
    "SECTIONS",
    "DiffResult",
    "diff_paths",
]


SECTIONS = ("organisations", "teams", "roles", "systems", "steps", "issues")
_STEP_FIELDS_ELSEWHERE = ("id", "next", "raci")  # transitions and RACI are compared on their own
_DIGITS = 4


@dataclass(frozen=True)
class Side:
    """One side of the comparison: a label (file, ``file@REV``, scenario), the file and the process id."""

    label: str
    file: str
    process: str


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class EntityChange:
    """A process field, organisation, team, role, system, step or knelpunt added, removed or changed."""

    kind: str  # "process" or one of SECTIONS
    id: str
    change: str  # added | removed | changed
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class TransitionChange:
    source: str
    target: str
    change: str  # added | removed | changed
    fields: tuple[FieldChange, ...] = ()  # p and when


@dataclass(frozen=True)
class RaciChange:
    """One letter of one step's RACI as the report shows it (defaults applied)."""

    step: str
    letter: str  # R | A | C | I
    before: Any
    after: Any


@dataclass(frozen=True)
class FigureChange:
    """One figure before and after. ``unit``: days, hours, share, count, utilisation or id."""

    id: str
    unit: str
    before: Any
    after: Any
    delta: float | None
    changed: bool
    args: dict[str, Any] = field(default_factory=dict)  # e.g. the role or level the figure is about


@dataclass
class MapDiff:
    """What changed between two versions of a map, and in its figures. Plain data."""

    old: Side
    new: Side
    entities: list[EntityChange] = field(default_factory=list)
    transitions: list[TransitionChange] = field(default_factory=list)
    raci: list[RaciChange] = field(default_factory=list)
    figures: list[FigureChange] = field(default_factory=list)
    new_findings: list["Finding"] = field(default_factory=list)
    resolved_findings: list["Finding"] = field(default_factory=list)
    unchanged_findings: list["Finding"] = field(default_factory=list)

    @property
    def map_changed(self) -> bool:
        return bool(self.entities or self.transitions or self.raci)

    @property
    def changed_figures(self) -> list[FigureChange]:
        return [f for f in self.figures if f.changed]

    @property
    def changed(self) -> bool:
        return self.map_changed or bool(self.changed_figures or self.new_findings or self.resolved_findings)

    def new_findings_at_or_above(self, severity: "Severity") -> list["Finding"]:
        return [f for f in self.new_findings if f.severity >= severity]

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON shape documented in docs/versions.md."""
        return diff_dict(self, lang)


# -- comparing -----------------------------------------------------------------------------------


def _round(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, _DIGITS) + 0.0
    return value


def _plain(process: "Process") -> dict[str, Any]:
    data: dict[str, Any] = process.model_dump(mode="json", exclude_none=True)
    return data


def _field_changes(
    before: dict[str, Any], after: dict[str, Any], skip: tuple[str, ...] = ()
) -> tuple[FieldChange, ...]:
    keys = list(before) + [k for k in after if k not in before]
    return tuple(
        FieldChange(k, before.get(k), after.get(k)) for k in keys if k not in skip and before.get(k) != after.get(k)
    )


def _process_fields(data: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for key, value in data.items():
        if key in SECTIONS:
            continue
        if key == "calendar" and isinstance(value, dict):
            fields.update({f"calendar.{k}": v for k, v in value.items()})
        else:
            fields[key] = value
    return fields


def _entities(old: dict[str, Any], new: dict[str, Any]) -> list[EntityChange]:
    changes: list[EntityChange] = []
    fields = _field_changes(_process_fields(old), _process_fields(new))
    if fields:
        changes.append(EntityChange("process", str(new.get("id")), "changed", fields))
    for section in SECTIONS:
        if section in ("steps", "issues"):
            before = {str(item["id"]): item for item in old.get(section, [])}
            after = {str(item["id"]): item for item in new.get(section, [])}
        else:
            before, after = old.get(section, {}), new.get(section, {})
        skip = _STEP_FIELDS_ELSEWHERE if section == "steps" else ("id",)
        for key in before:
            if key not in after:
                changes.append(EntityChange(section, key, "removed"))
            else:
                diffs = _field_changes(before[key], after[key], skip)
                if diffs:
                    changes.append(EntityChange(section, key, "changed", diffs))
        changes.extend(EntityChange(section, key, "added") for key in after if key not in before)
    return changes


def _branches(data: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    result: dict[tuple[str, str], dict[str, Any]] = {}
    for step in data.get("steps", []):
        for branch in step.get("next", []):
            result.setdefault((step["id"], branch["to"]), {k: v for k, v in branch.items() if k != "to"})
    return result


def _transitions(old: dict[str, Any], new: dict[str, Any]) -> list[TransitionChange]:
    before, after = _branches(old), _branches(new)
    changes: list[TransitionChange] = []
    for key, branch in before.items():
        if key not in after:
            changes.append(TransitionChange(key[0], key[1], "removed"))
        else:
            diffs = _field_changes(branch, after[key])
            if diffs:
                changes.append(TransitionChange(key[0], key[1], "changed", diffs))
    changes.extend(TransitionChange(k[0], k[1], "added") for k in after if k not in before)
    return changes


def _raci(old: "Analysis", new: "Analysis") -> list[RaciChange]:
    changes: list[RaciChange] = []
    old_ids = {s.id for s in old.process.steps}
    for step in new.process.steps:
        if step.id not in old_ids:
            continue
        a, b = old.ownership.raci.get(step.id), new.ownership.raci.get(step.id)
        for letter in ("R", "A", "C", "I"):
            before = getattr(a, letter) if a else (None if letter in "RA" else ())
            after = getattr(b, letter) if b else (None if letter in "RA" else ())
            if isinstance(before, tuple) or isinstance(after, tuple):
                before, after = list(before or ()), list(after or ())
            if before != after:
                changes.append(RaciChange(step.id, letter, before, after))
    return changes


def _figure(figure_id: str, unit: str, before: Any, after: Any, **args: Any) -> FigureChange:
    before, after = _round(before), _round(after)
    numeric = (
        isinstance(before, (int, float))
        and isinstance(after, (int, float))
        and not isinstance(before, bool)
        and not isinstance(after, bool)
    )
    delta = _round(float(after) - float(before)) if numeric else None
    return FigureChange(figure_id, unit, before, after, delta, before != after, dict(args))


def _figures(old: "Analysis", new: "Analysis") -> list[FigureChange]:
    from procesmap.analysis import LEVELS  # lazy: the analysis loads only when a map is analysed

    figures: list[FigureChange] = []
    for level in LEVELS:
        figures.append(
            _figure(
                f"handovers.per_case.{level}",
                "count",
                old.handovers.expected_per_case.get(level),
                new.handovers.expected_per_case.get(level),
                level=level,
            )
        )
    for kind in ("cycle_time", "term_time"):
        for stat in ("mean", "p50", "p85", "p95"):
            figures.append(
                _figure(
                    f"time.{kind}.{stat}",
                    "days",
                    getattr(old.time, kind).get(stat),
                    getattr(new.time, kind).get(stat),
                    stat=stat,
                )
            )
    for name, unit in (
        ("share_over_term", "share"),
        ("share_over_extended_term", "share"),
        ("flow_efficiency", "share"),
        ("work_per_case_hours", "hours"),
        ("wip_total", "count"),
    ):
        figures.append(_figure(f"time.{name}", unit, getattr(old.time, name), getattr(new.time, name)))
    for key in ("term", "extended_term"):
        figures.append(
            _figure(
                f"time.late_per_year_{key}", "count", old.time.late_per_year.get(key), new.time.late_per_year.get(key)
            )
        )
    roles = list(old.capacity.roles) + [r for r in new.capacity.roles if r not in old.capacity.roles]
    for role in roles:
        before, after = old.capacity.roles.get(role), new.capacity.roles.get(role)
        figures.append(
            _figure(
                f"capacity.utilisation.{role}",
                "utilisation",
                before.utilisation if before else None,
                after.utilisation if after else None,
                role=role,
            )
        )
    figures.append(_figure("capacity.bottleneck", "id", old.capacity.bottleneck, new.capacity.bottleneck))
    return figures


def _match_findings(
    old: list["Finding"], new: list["Finding"]
) -> tuple[list["Finding"], list["Finding"], list["Finding"]]:
    """Findings matched by code and subject (a multiset): new, resolved, unchanged (the new ones)."""
    waiting: dict[tuple[str, str], list["Finding"]] = defaultdict(list)
    for finding in old:
        waiting[(finding.code, finding.subject)].append(finding)
    added: list["Finding"] = []
    unchanged: list["Finding"] = []
    for finding in new:
        bucket = waiting.get((finding.code, finding.subject))
        if bucket:
            bucket.pop(0)
            unchanged.append(finding)
        else:
            added.append(finding)
    matched = {id(f) for bucket in waiting.values() for f in bucket}
    resolved = [f for f in old if id(f) in matched]
    return added, resolved, unchanged


def compare(old: "Analysis", new: "Analysis", old_label: str | None = None, new_label: str | None = None) -> MapDiff:
    """What changed from ``old`` to ``new``: in the map, in the figures, in the findings."""
    old_data, new_data = _plain(old.process), _plain(new.process)
    added, resolved, unchanged = _match_findings(old.findings, new.findings)
    return MapDiff(
        old=Side(old_label or old.process.file, old.process.file, old.process.id),
        new=Side(new_label or new.process.file, new.process.file, new.process.id),
        entities=_entities(old_data, new_data),
        transitions=_transitions(old_data, new_data),
        raci=_raci(old, new),
        figures=_figures(old, new),
        new_findings=added,
        resolved_findings=resolved,
        unchanged_findings=unchanged,
    )


# -- git -----------------------------------------------------------------------------------------


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, env=env, timeout=60)
    except FileNotFoundError:
        raise UsageError("versions.git.missing", "versions.hint.git.missing") from None
    except (OSError, subprocess.TimeoutExpired) as err:
        raise UsageError("versions.git.failed", "versions.hint.git.failed", detail=str(err)) from None


def _repository_path(path: Path) -> tuple[Path, str]:
    """The repository root and ``path`` relative to it, in git's spelling (forward slashes)."""
    folder = path.parent if path.parent != Path("") else Path(".")
    while not folder.is_dir() and folder != folder.parent:  # a map deleted or moved with its folder: git
        folder = folder.parent  # still has it, so ask git from the nearest folder that is there
    if not folder.is_dir():
        raise UsageError("versions.git.not_repo", "versions.hint.git.not_repo", path=str(path))
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top.returncode != 0:
        raise UsageError("versions.git.not_repo", "versions.hint.git.not_repo", path=str(path))
    root = Path(os.fsdecode(top.stdout.strip()))
    # -z: the name as it is (git otherwise quotes `beëindiging.yaml` as "be\303\253indiging.yaml");
    # literal pathspec: `kaart?.yaml` or `[concept].yaml` names that file, not a pattern that matches others
    listed = _git(["--literal-pathspecs", "ls-files", "-z", "--full-name", "--", os.path.relpath(path, folder)], folder)
    names = [item for item in os.fsdecode(listed.stdout).split("\0") if item] if listed.returncode == 0 else []
    name = names[0] if names else ""
    if not name:  # not tracked in the working tree (deleted, or not added yet): from the paths themselves
        name = Path(os.path.relpath(os.path.realpath(path), os.path.realpath(root))).as_posix()
    return root, name


def read_revision(path: str | os.PathLike[str], revision: str) -> bytes:
    """The bytes of ``path`` (a file in a git working tree) at ``revision``, read with ``git show``."""
    file = Path(path)
    if not revision or revision.startswith("-"):
        raise UsageError("versions.git.bad_revision", "versions.hint.git.bad_revision", revision=revision)
    root, name = _repository_path(file)
    commit = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], root)
    if commit.returncode != 0:
        raise UsageError("versions.git.bad_revision", "versions.hint.git.bad_revision", revision=revision)
    sha = commit.stdout.decode().strip()
    exists = _git(["cat-file", "-e", f"{sha}:{name}"], root)
    if exists.returncode != 0:
        raise UsageError(
            "versions.git.not_in_revision", "versions.hint.git.not_in_revision", path=name, revision=revision
        )
    shown = _git(["show", f"{sha}:{name}"], root)
    if shown.returncode != 0:
        raise UsageError(
            "versions.git.failed",
            "versions.hint.git.failed",
            detail=" ".join(shown.stderr.decode(errors="replace").split()),
        )
    return shown.stdout


def load_revision(path: str | os.PathLike[str], revision: str) -> "Process":
    """Load ``path`` as it was at ``revision``; problems name the file as ``path@revision``."""
    from procesmap.loading import MAX_BYTES, decode, loads  # lazy: the loader loads only when a file is read

    display = f"{path}@{revision}"
    data = read_revision(path, revision)
    if len(data) > MAX_BYTES:
        raise LoadError.single(
            display, 1, 1, "load.too_large", {"size": len(data), "limit": MAX_BYTES}, "hint.load.too_large", {}
        )
    return loads(decode(data, display), display, repository=Path(path).parent)


# -- the command's work, as a function ------------------------------------------------------------


@dataclass
class DiffResult:
    """A diff and the language of the new map (the default report language)."""

    diff: MapDiff
    language: str


def diff_paths(
    paths: list[str],
    rev_from: str | None = None,
    rev_to: str | None = None,
    assignments: list[str] | tuple[str, ...] = (),
    settings: "Settings | None" = None,
) -> DiffResult:
    """Load and compare what ``procesmap diff`` names (see docs/versions.md):

    - ``[OLD, NEW]``: two files (``assignments`` change NEW);
    - ``[FILE]`` with ``rev_from`` (and ``rev_to``, default the working tree): one file at two revisions;
    - ``[FILE]`` with ``assignments`` only: the file against a what-if scenario of itself.

    Both sides are analysed with the same ``settings`` (seed, cases). Raises
    :class:`~procesmap.errors.UsageError` or :class:`~procesmap.errors.LoadError`.
    """
    from procesmap.pipeline import analyse  # lazy: the analysis loads only when a map is analysed
    from procesmap.settings import Settings  # lazy: the analysis loads only when a map is analysed
    from procesmap.loading import load  # lazy: the loader loads only when a file is read
    from procesmap.whatif import apply_overrides  # lazy: what-if overrides load only when given

    settings = settings or Settings()
    if rev_to is not None and rev_from is None:
        raise UsageError("versions.diff.to_without_from", "versions.hint.diff.to_without_from")
    if len(paths) > 2:
        raise UsageError("versions.diff.too_many", "versions.hint.diff.usage", count=len(paths))
    if rev_from is not None and len(paths) != 1:
        raise UsageError("versions.diff.from_and_new", "versions.hint.diff.usage")
    if len(paths) == 1 and rev_from is None and not assignments:
        raise UsageError("versions.diff.need_two", "versions.hint.diff.usage")
    if not paths:
        raise UsageError("versions.diff.need_two", "versions.hint.diff.usage")
    if rev_from is not None:
        file = paths[0]
        old = load_revision(file, rev_from)
        old_label = f"{file}@{rev_from}"
        if rev_to is None:
            new, new_label = load(file), file
        else:
            new, new_label = load_revision(file, rev_to), f"{file}@{rev_to}"
    elif len(paths) == 1:
        old = new = load(paths[0])
        old_label = new_label = paths[0]
    else:
        old, new = load(paths[0]), load(paths[1])
        old_label, new_label = paths[0], paths[1]
    if assignments:
        new = apply_overrides(new, list(assignments))
        new_label = new_label + "".join(f" --set {a}" for a in assignments)
    result = compare(analyse(old, settings), analyse(new, settings), old_label, new_label)
    return DiffResult(result, new.language)


# -- JSON ----------------------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return value


def diff_dict(diff: "MapDiff", lang: str) -> dict[str, Any]:
    """The diff as plain data (shape in docs/versions.md)."""

    def fields(items: Any) -> list[dict[str, Any]]:
        return [{"field": f.field, "before": _jsonable(f.before), "after": _jsonable(f.after)} for f in items]

    return {
        "format": 1,
        "kind": "diff",
        "tool": {"name": "procesmap", "version": __version__},
        "old": {"label": diff.old.label, "file": diff.old.file, "process": diff.old.process},
        "new": {"label": diff.new.label, "file": diff.new.file, "process": diff.new.process},
        "changed": diff.changed,
        "map": {
            "changed": diff.map_changed,
            "entities": [
                {"kind": e.kind, "id": e.id, "change": e.change, "fields": fields(e.fields)} for e in diff.entities
            ],
            "transitions": [
                {"from": c.source, "to": c.target, "change": c.change, "fields": fields(c.fields)}
                for c in diff.transitions
            ],
            "raci": [
                {"step": c.step, "letter": c.letter, "before": _jsonable(c.before), "after": _jsonable(c.after)}
                for c in diff.raci
            ],
        },
        "figures": [
            {"id": f.id, "unit": f.unit, "before": f.before, "after": f.after, "delta": f.delta, "changed": f.changed}
            for f in diff.figures
        ],
        "findings": {
            "new": [f.to_dict(lang) for f in diff.new_findings],
            "resolved": [f.to_dict(lang) for f in diff.resolved_findings],
            "unchanged": [f.to_dict(lang) for f in diff.unchanged_findings],
        },
    }
