"""The files of one run: a map with the shared organisation files of its folder (``kind: organisation``,
read once per folder) and the maps its ``subprocess:`` steps name; a folder searched for maps; every
map under some paths with every problem. The public functions are :func:`procesmap.loading.load`,
:func:`~procesmap.loading.load_many` and :func:`~procesmap.loading.discover`."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable

from procesmap._decode import MAX_BYTES, _read_text
from procesmap._io import open_regular, read_limited
from procesmap._map_text import _load_text
from procesmap.errors import LoadError, Problem
from procesmap.i18n import Key
from procesmap.model import OrganisationFile, Process
from procesmap.reasons import os_reason
from procesmap.subprocesses import expand_subprocesses

__all__ = ["load", "load_many", "discover"]


def load(path: str | os.PathLike[str]) -> Process:
    """Load one process file. Raises :class:`LoadError` (file:line:column, message, hint).

    Shared organisation files (``kind: organisation``) in the same folder are merged in,
    and ``subprocess:`` steps are expanded with the other process files of that folder.
    """
    repository = _Repository()
    process = repository.load_process(Path(path), str(path))
    if repository.problems:
        raise LoadError(repository.problems)
    if process is None:
        raise LoadError.single(str(path), 1, 1, "load.organisation_file", {}, "hint.load.organisation_file", {})
    return repository.expand(process)


_KIND_ORGANISATION = re.compile(r"^kind:[ \t]*['\"]?organisation['\"]?[ \t]*(#.*)?$", re.MULTILINE)


def _is_organisation_file(path: Path) -> bool:
    """A cheap look at the head of a file: is it a shared organisation file?"""

    try:
        with open_regular(path, record=False) as handle:  # never blocks on a FIFO
            head = handle.read(16384).decode("utf-8", "replace")
    except OSError:
        return False
    return bool(_KIND_ORGANISATION.search(head))


class _Repository:
    """The files of one run: shared organisation files per folder (read once), processes by id."""

    def __init__(self) -> None:
        self.shared: dict[str, list[OrganisationFile]] = {}
        self.broken: dict[str, list[Problem]] = {}  # folder -> problems of its shared files
        self.by_id: dict[str, Process] = {}
        self.problems: list[Problem] = []

    def shared_for(self, folder: Path) -> list[OrganisationFile]:
        key = str(folder)
        if key not in self.shared:
            loaded: list[OrganisationFile] = []
            candidates = sorted(p for p in folder.glob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
            for candidate in candidates:
                if not _is_organisation_file(candidate):
                    continue
                display = str(candidate) if str(folder) != "." else candidate.name
                try:
                    result = _load_text(_read_text(candidate, display), display)
                except LoadError as err:
                    self.problems.extend(err.problems)
                    self.broken.setdefault(key, []).extend(err.problems)
                    continue
                if isinstance(result, OrganisationFile):
                    loaded.append(result)
            self.shared[key] = loaded
        return self.shared[key]

    def load_process(self, file: Path, display: str) -> Process | None:
        """A process, or ``None`` for a shared organisation file."""
        try:
            return self._load_process(file, display)
        except LoadError as err:
            raise _foreign(file, display, err) from None

    def _load_process(self, file: Path, display: str) -> Process | None:
        text = _read_text(file, display)
        folder = file.parent
        shared = [] if _is_organisation_file(file) else self.shared_for(folder)
        if str(folder) in self.broken and not _is_organisation_file(file):
            # the maps of this folder lean on a shared file that does not load: its errors say why
            raise LoadError(self.broken[str(folder)])
        result = _load_text(text, display, repository=folder, shared=shared)
        if isinstance(result, OrganisationFile):
            return None
        self.by_id.setdefault(result.id, result)
        return result

    def expand(self, process: Process) -> Process:
        if not any(step.subprocess for step in process.steps):
            return process
        folder = Path(process.file).parent

        def lookup(process_id: str) -> Process | None:
            if process_id in self.by_id:
                return self.by_id[process_id]
            for suffix in (".yaml", ".yml"):
                candidate = folder / f"{process_id}{suffix}"
                if candidate.is_file():
                    return self.load_process(candidate, str(candidate))
            return None

        return expand_subprocesses(process, lookup)


#: what a file of another tool is, by its suffix: (kind, the command that reads it)
_FOREIGN = {
    ".bpmn": ("bpmn", "procesmap import bpmn {path} -o {stem}.yaml"),
    ".xml": ("bpmn", "procesmap import bpmn {path} -o {stem}.yaml"),
    ".xlsx": ("xlsx", "procesmap import xlsx {path} -o {stem}.yaml"),
    ".xlsm": ("xlsx", "procesmap import xlsx {path} -o {stem}.yaml"),
    ".json": ("zaaktype", "procesmap import zaaktype {path} -o {stem}.yaml"),
    ".zip": ("zaaktype", "procesmap import zaaktype {path} -o {stem}.yaml"),
    ".csv": ("log", "procesmap log discover {path} -o {stem}.yaml"),
    ".xes": ("log", "procesmap log discover {path} -o {stem}.yaml"),
    ".parquet": ("log", "procesmap log discover {path} -o {stem}.yaml"),
    ".gz": ("log", "procesmap log discover {path} -o {stem}.yaml"),
}

#: problems that say the file is no map at all (as opposed to a map with a mistake in it)
_NOT_A_MAP = {"load.binary", "load.encoding", "load.yaml", "load.tab", "load.not_mapping", "load.no_version"}


def _foreign(file: Path, display: str, err: LoadError) -> LoadError:
    """A BPMN model, a workbook, a zaaktype or an event log given where a map is expected (``analyse model.bpmn``):
    one problem that says what it is and the command that imports it, instead of "not valid YAML" or "holds a
    single value". A map written in JSON that loads, or has a mistake of its own, keeps its own problems."""
    known = _FOREIGN.get(file.suffix.lower())
    if known is None or not err.problems or not any(p.key in _NOT_A_MAP for p in err.problems):
        return err
    kind, command = known
    stem = file.name[: -len(".xes.gz")] if file.name.lower().endswith(".xes.gz") else file.stem
    args = {"kind": Key(f"load.foreign.{kind}"), "command": command.format(path=display, stem=stem)}
    return LoadError.single(display, 1, 1, "load.foreign", args, "hint.load.foreign", args)


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The process files named by ``paths``: files as given, folders searched for ``*.yaml``/``*.yml``; a file
    named twice (also through its folder) once."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                os.scandir(path).close()  # rglob passes over a folder it may not read: say so instead
            except OSError as err:
                raise LoadError.single(
                    str(path),
                    1,
                    1,
                    "load.unreadable_folder",
                    {"reason": os_reason(err)},
                    "hint.load.unreadable_folder",
                    {},
                ) from None
            children = sorted(
                p
                for p in path.rglob("*")
                if p.suffix in (".yaml", ".yml")
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not children:
                raise LoadError.single(
                    str(path), 1, 1, "load.empty_folder", {"path": str(path)}, "hint.load.empty_folder", {}
                )
            found.extend(children)
        else:
            found.append(path)
    return _once(found)


def _once(paths: list[Path]) -> list[Path]:
    """Each file once, as first named: ``check processen processen/x.yaml`` (a pre-commit hook with
    ``args: [processen/]`` appends the changed files) would read x.yaml twice, count its findings twice and call
    it a second map with its own process id. The same file is the same real path (``./x.yaml``, a symlink)."""
    seen: set[str] = set()
    unique: list[Path] = []
    for path in paths:
        try:
            key = os.path.normcase(os.path.realpath(path))
        except (OSError, ValueError):  # a path the system cannot resolve: the loader says what is wrong with it
            key = str(path)
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def load_many(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Process], list[Problem]]:
    """Load every process file under ``paths``; returns the processes and every problem found.

    Files with ``kind: organisation`` are shared definitions, not processes; subprocesses
    are expanded once every file has been read.
    """
    repository = _Repository()
    loaded: list[Process] = []
    problems: list[Problem] = []
    try:
        files = discover(paths)
    except LoadError as err:
        return [], err.problems
    for file in files:
        try:
            process = repository.load_process(file, str(file))
        except LoadError as err:
            problems.extend(err.problems)
            continue
        if process is not None:
            loaded.append(process)
    seen: dict[str, Process] = {}
    for process in loaded:
        if process.id in seen:
            line, column = process.source.locate(("id",))
            problems.append(
                Problem(
                    process.file,
                    line,
                    column,
                    "load.duplicate_process",
                    {"id": process.id, "other": seen[process.id].file},
                    "hint.load.duplicate_process",
                    {},
                )
            )
        seen[process.id] = process
    processes: list[Process] = []
    for process in loaded:
        try:
            processes.append(repository.expand(process))
        except LoadError as err:
            problems.extend(err.problems)
    unique = {(p.file, p.line, p.column, p.key): p for p in repository.problems + problems}
    return processes, list(unique.values())


#: A map's own top-level ``language: nl`` line (quoted or not, a comment after it), read from the text so that a
#: map whose YAML or model is broken still says which language its author speaks
_DECLARED = re.compile(r"^language:[ \t]*(['\"]?)((?i:nl|en))\1[ \t]*(?:#.*)?$", re.MULTILINE)
"""A top-level ``language:`` line; ``NL`` too (an error in the map, with the hint ``nl``, told in the language meant)."""


def declared_language(paths: "list[object] | tuple[object, ...]") -> str | None:
    """The ``language`` the first process file among ``paths`` declares on a top-level line of its own (files as
    given, folders searched as :func:`discover` does), also when the file does not load; None
    when none does, or a path cannot be read. Only ``.yaml``/``.yml`` files are read, each at most as far as a
    map may be long."""
    files: list[Path] = []
    for path in paths:  # one path at a time: an empty or unreadable folder among them hides no map's language
        try:
            files.extend(discover([Path(path)]))  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 - a folder that cannot be read: the loader says so, in this language
            continue
    for file in files:
        if file.suffix.lower() not in (".yaml", ".yml"):
            continue
        try:
            text = read_limited(file, MAX_BYTES).decode("utf-8", errors="replace").lstrip("\ufeff")
        except (OSError, ValueError):
            continue
        match = _DECLARED.search(text)
        if match:
            return match.group(2).lower()
    return None
