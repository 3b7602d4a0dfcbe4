"""What ``procesmap serve`` knows of its maps: the last good analysis of each, its problems, scenarios.

No web here: :class:`Workspace` reads the file or folder with :func:`procesmap.api.check_paths` (the
configuration and suppression comments as ``check`` and ``analyse`` apply them), keeps for every map the
last version that loaded, and the problems of the current one when it does not load. A what-if
scenario is the same check with ``--set`` assignments (:mod:`procesmap.whatif`), on the file as it is on
disk; the file itself is only written by :meth:`Workspace.write_scenario`, when the room asks.

Thread safety: the web layer calls these methods from worker threads; one lock guards the maps.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from procesmap.errors import LoadError, Problem, ProcessmapError, UsageError
from procesmap.reasons import os_reason
from procesmap.diagrams import render_swimlane
from procesmap.api import across_processes, check_paths, report_language
from procesmap.settings import Settings
from procesmap.diagrams.sample import synthetic_map
from procesmap._io import writable_problem, write_atomic

if TYPE_CHECKING:
    from procesmap.suppress import CheckResult

__all__ = ["Workspace", "MapEntry", "Snapshot", "CONTROL_PATH", "check_control_assignments"]

#: The assignments the page may send: people and fte of a role, the probability of a branch.
CONTROL_PATH = re.compile(r"^(roles\.[^.=\s]+\.(people|fte)|steps\.[^.=\s]+\.next\.[^.=\s]+\.p)=[0-9.]{0,12}$")
MAX_ASSIGNMENTS = 400
SCENARIO_CACHE = 48
#: Cases of the quick analysis after a save: its figures are on the page within a second (a 40-step map:
#: about 0.3 s of analysis), the analysis with every case follows and replaces them (docs/serve.md).
QUICK_CASES = 500


def check_control_assignments(assignments: Sequence[str]) -> None:
    """Refuse what the page's controls cannot have sent (the server is no general ``--set`` endpoint)."""
    if len(assignments) > MAX_ASSIGNMENTS:
        raise UsageError("serve.bad_assignment", None, assignment=f"{len(assignments)} > {MAX_ASSIGNMENTS}")
    for assignment in assignments:
        if len(assignment) > 300 or not CONTROL_PATH.match(assignment):
            raise UsageError("serve.bad_assignment", None, assignment=assignment[:80])


@dataclass
class Snapshot:
    """One analysed version of a map (the file's, or a scenario on it) and its swimlane SVG, drawn once."""

    result: "CheckResult"
    lang: str
    digest: str
    generation: int
    preliminary: bool = False  # the quick analysis after a save: the one with every case follows
    _svg: bytes | None = field(default=None, repr=False)
    _svg_reason: str | None = field(default=None, repr=False)
    _drawn: bool = field(default=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def analysis(self) -> Any:
        return self.result.analysis

    def svg(self) -> tuple[bytes | None, str | None]:
        """The swimlane as ``diagram --format svg`` draws it (the public diagram API), or why there is none."""
        with self._lock:
            if not self._drawn:
                self._svg, self._svg_reason = _draw(self.analysis, self.lang)
                self._drawn = True
            return self._svg, self._svg_reason

    def drawing_problem(self) -> str | None:
        """Why there is no swimlane, where that is known without drawing it: the drawing failed or passed a
        limit already, or the map has more steps or branches than a layout places (the limits of
        :mod:`procesmap.diagrams.bounds`, checked in a moment). ``None``: the picture is (or may be) drawn."""
        with self._lock:
            if self._drawn:
                return None if self._svg is not None else self._svg_reason
        from procesmap.diagrams.bounds import (  # lazy: the limits load only when a picture is asked for
            DrawingTooLarge,
            check_layout,
        )

        try:
            check_layout(self.analysis)
        except DrawingTooLarge as err:
            return _over_limit(err, self.lang)
        return None


def _over_limit(err: "UsageError", lang: str) -> str:
    """A drawing limit's message as a report and the command line give it (the limit, and how to lower the
    work), in the page's language."""
    from procesmap.i18n import t  # lazy: the catalogue loads when a message is made

    text = t("bounds.report_picture_left_out", lang, reason=t(err.key, lang, **err.args_))
    if err.hint_key:
        text += f" {t('label.hint', lang).capitalize()}: {t(err.hint_key, lang, **err.args_)}"
    return text


def _draw(analysis: Any, lang: str) -> tuple[bytes | None, str | None]:
    """The swimlane SVG through the public diagram API; a drawing that fails costs the picture, not the page."""
    from procesmap.diagrams.bounds import DrawingTooLarge  # lazy: the limits load only when a picture is drawn
    from procesmap.i18n import t  # lazy: the catalogue loads when a message is made

    try:
        return render_swimlane(analysis, "svg", lang), None
    except DrawingTooLarge as err:  # a work limit: said as the CLI says it, in the page's language
        return None, _over_limit(err, lang)
    except Exception as err:  # noqa: BLE001 - the figures and findings are still worth showing
        return None, t("report.swimlane_failed", lang, reason=f"{type(err).__name__}: {err}")


@dataclass
class MapEntry:
    """One map of the workspace: its URL key, file, last good snapshot and current problems."""

    key: str
    path: Path
    display: str
    good: Snapshot | None = None
    problems: list[Problem] = field(default_factory=list)
    digest: str = ""

    @property
    def broken(self) -> bool:
        return bool(self.problems)


class Workspace:
    """The file or folder that ``procesmap serve`` shows, re-read on :meth:`refresh`."""

    def __init__(
        self,
        path: str | Path,
        *,
        lang: str | None = None,
        config: str | Path | None = None,
        cases: int | None = None,
        seed: int | None = None,
    ):
        self.path = Path(path)
        self.display = str(path)
        self.folder = self.path.is_dir()
        self.lang = lang
        self.config = config
        self.cases = cases
        self.seed = seed
        self.generation = 0
        self.entries: dict[str, MapEntry] = {}
        self.general_problems: list[Problem] = []  # problems of no map (a configuration file, an empty folder)
        self.overview: Any = None
        self._lock = threading.RLock()
        self._reads = 0  # reads started
        self._installed = 0  # the newest read installed
        self.preliminary = False  # the maps shown are the quick analysis; the full one follows
        self._scenarios: OrderedDict[tuple[int, str, tuple[str, ...]], Snapshot | ProcessmapError] = OrderedDict()

    # -- reading -------------------------------------------------------------------------------------

    def key_of(self, file: str | Path) -> str | None:
        """The URL key of a map file: its path below the folder (``sub/x.yaml``), or its name for one file."""
        path = Path(file)
        if not self.folder:
            try:
                same = path.resolve() == self.path.resolve()
            except OSError:
                same = False
            return path.name if same or str(path) == self.display else None
        try:
            relative = path.resolve().relative_to(self.path.resolve())
        except (ValueError, OSError):
            return None
        return relative.as_posix()

    def quick_cases(self) -> int | None:
        """The cases of the quick analysis after a save, or ``None`` when it would not be quicker (``--cases``
        at most :data:`QUICK_CASES`)."""
        if self.cases is not None and self.cases <= QUICK_CASES:
            return None
        return QUICK_CASES

    def refresh(self, cases: int | None = None) -> int:
        """Read everything again; returns the new generation (unchanged when a newer read has been installed
        meanwhile: this one is dropped). A map that no longer loads keeps its last good snapshot and gets the
        problems; one that loads again drops them.

        ``cases`` (the quick analysis after a save, :meth:`quick_cases`) analyses with that many cases and
        marks the snapshots ``preliminary``; ``None``: with the configured cases. The reading and analysing
        happen outside the lock, so the page keeps being served meanwhile."""

        with self._lock:
            self._reads += 1
            read = self._reads
        preliminary = cases is not None
        try:
            results, problems = check_paths(
                [self.display], config=self.config, cases=cases if preliminary else self.cases, seed=self.seed
            )
        except LoadError as err:
            results, problems = [], list(err.problems)
        except UsageError as err:  # a configuration that does not fit
            results, problems = [], [Problem(self.display, 1, 1, err.key, err.args_, err.hint_key, err.args_)]
        overview = across_processes(results, self.config) if self.folder and len(results) > 1 else None
        with self._lock:
            if read < self._installed:  # a newer read is on the page already
                return self.generation
            self._installed = read
            self.generation += 1
            generation = self.generation
            seen: set[str] = set()
            for result in results:
                key = self.key_of(result.analysis.process.file)
                if key is None:
                    continue
                entry = self._entry(key, result.analysis.process.file)
                entry.digest = _digest(entry.path)
                lang = self._language(result)
                entry.good = Snapshot(result, lang, entry.digest, generation, preliminary)
                entry.problems = []
                seen.add(key)
            general: list[Problem] = []
            by_key: dict[str, list[Problem]] = {}
            for problem in problems:
                key = self.key_of(problem.file)
                if key is not None and (self.folder and key.endswith((".yaml", ".yml")) or not self.folder):
                    by_key.setdefault(key, []).append(problem)
                else:
                    general.append(problem)
            if not self.folder and general:  # a configuration error breaks the one map
                by_key.setdefault(self.path.name, []).extend(general)
                general = []
            for key, found in by_key.items():
                entry = self._entry(key, found[0].file if self.folder else self.display)
                entry.digest = _digest(entry.path)
                entry.problems = sorted(found, key=lambda p: (p.line, p.column))
                seen.add(key)
            for key in list(self.entries):
                if key not in seen:  # the file is gone
                    del self.entries[key]
            self.general_problems = general
            self.entries = dict(sorted(self.entries.items()))
            self.overview = overview
            self.preliminary = preliminary and bool(results)
            self._scenarios.clear()
            return generation

    def current(self, generation: int) -> bool:
        """Is ``generation`` still the newest read (no save since)?"""
        with self._lock:
            return self.generation == generation and self._reads == self._installed

    def warm(self) -> None:
        """Draw every map's swimlane once (and import the drawing code): the first redraw after a save,
        also of a map that was broken at start, then takes no import time."""
        with self._lock:
            snapshots = [entry.good for entry in self.entries.values() if entry.good is not None]
        for snapshot in snapshots:
            snapshot.svg()
        if not snapshots:  # nothing loads yet: draw a small built-in map once, for the font caches
            from procesmap.pipeline import analyse  # lazy: the analysis loads only when a map is analysed
            from procesmap.loading import loads  # lazy: the loader loads only when a file is read

            _draw(analyse(loads(synthetic_map(6, 0), "<warm-up>"), Settings(cases=100)), "en")

    def _entry(self, key: str, file: str) -> MapEntry:
        entry = self.entries.get(key)
        if entry is None:
            path = self.path if not self.folder else Path(file)
            entry = self.entries[key] = MapEntry(key, path, str(file) if self.folder else self.display)
        return entry

    def _language(self, result: "CheckResult") -> str:
        return report_language(self.lang, [result], "en", [result.analysis.process.file])

    def language(self) -> str:
        """The language of the folder index: ``--lang``, else the first map's (as ``overview``), else English."""
        with self._lock:
            for entry in self.entries.values():
                if entry.good is not None:
                    return entry.good.lang

        return report_language(self.lang, [], "en", [self.display])

    def entry(self, key: str) -> MapEntry | None:
        with self._lock:
            return self.entries.get(key)

    # -- what-if -------------------------------------------------------------------------------------

    def scenario(self, key: str, assignments: Sequence[str]) -> Snapshot:
        """The map with the page's assignments, analysed as ``analyse FILE --set ...`` would; cached per
        generation. Raises :class:`UsageError` (or :class:`LoadError`) when the scenario does not fit."""

        check_control_assignments(assignments)
        with self._lock:
            entry = self.entries.get(key)
            if entry is None:
                raise KeyError(key)
            if not assignments:
                if entry.good is None:
                    raise LoadError(entry.problems)
                return entry.good
            if entry.broken:
                raise LoadError(entry.problems)
            cache_key = (self.generation, key, tuple(assignments))
            cached = self._scenarios.get(cache_key)
            generation, path, lang, digest = (
                self.generation,
                entry.display,
                entry.good.lang if entry.good else "en",
                entry.digest,
            )
        if cached is None:
            try:
                results, problems = check_paths(
                    [path], config=self.config, cases=self.cases, seed=self.seed, assignments=list(assignments)
                )
                if problems or not results:
                    cached = LoadError(problems or [Problem(path, 1, 1, "serve.bad_request", {}, None, {})])
                else:
                    cached = Snapshot(results[0], lang, digest, generation)
            except ProcessmapError as err:
                cached = err
            with self._lock:
                self._scenarios[cache_key] = cached
                while len(self._scenarios) > SCENARIO_CACHE:
                    self._scenarios.popitem(last=False)
        if isinstance(cached, ProcessmapError):
            raise cached
        return cached

    def write_scenario(self, key: str, assignments: Sequence[str], digest: str) -> str:
        """Write the scenario into the map's file with ``fmt``'s comment-keeping writer, atomically.

        ``digest`` is the file's version the page showed: when the file changed since (a second person
        saved it), nothing is written (:class:`UsageError` ``serve.write_conflict``). Returns the file name.
        """
        from procesmap.fmt import (  # lazy: the formatter (ruamel.yaml) loads only when a map is written
            apply_assignments,
        )
        from procesmap.i18n import Message  # lazy: the catalogue loads when a message is made
        from procesmap._decode import _read_text  # lazy: the loader loads only when a file is read

        check_control_assignments(assignments)
        with self._lock:
            entry = self.entries.get(key)
            if entry is None:
                raise KeyError(key)
            if _digest(entry.path) != digest or not digest:
                raise UsageError("serve.write_conflict", "serve.hint.write_conflict", file=entry.display)
            reason = writable_problem(entry.path)  # as fmt: a read-only file is refused, also for root
            if reason is not None:
                raise UsageError(
                    "versions.fmt.write_failed",
                    "limits.hint.fmt_not_writable",
                    path=entry.display,
                    reason=Message(reason),
                )
            text = _read_text(entry.path, entry.display)
            new = apply_assignments(text, list(assignments), entry.display)
            try:
                write_atomic(entry.path, new)
            except OSError as err:
                raise UsageError("serve.write_failed", None, file=entry.display, reason=os_reason(err)) from None
            return entry.display


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:32]
    except OSError:
        return ""
