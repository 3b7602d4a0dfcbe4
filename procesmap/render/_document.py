"""The report as a document: sections, tables and texts in one language, shared by HTML and PDF.

Why a separate model: the HTML and the PDF report must show the same sections
with the same (formatted) figures. Building them once here, from the Analysis
and the catalogue, keeps both renderers thin and equal. Nothing is computed:
values are taken from the Analysis and formatted (numbers, names, RACI cells);
rows are only grouped and ordered.

Text in this model is plain, unescaped user text: each renderer escapes it for
its own output (Jinja2 autoescape for HTML, XML escape for ReportLab).
"""

from __future__ import annotations

import os
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence, Union

from procesmap.colours import handover_kind
from procesmap.render._labels import SEVERITY_ORDER, Labels
from procesmap.i18n import Count, t, number, percent
from procesmap import __version__ as version
from procesmap.render import bounds as report_bounds  # its limits read at use: tests lower them
from procesmap.render.queueing import queueing_view
from procesmap.render.advice import advice_section

if TYPE_CHECKING:
    from procesmap.analysis import Analysis
    from procesmap.analysis.capacity import RoleLoad

__all__ = [
    "Table",
    "Text",
    "Bullets",
    "Facts",
    "Chart",
    "Diagram",
    "Section",
    "ProcessDoc",
    "ReportDoc",
    "FileVersion",
    "file_version",
    "build_document",
]

ISSUE_LEVELS = ("operational", "tactical", "strategic")
ISSUE_ACTIONS = ("start", "stop", "continue")


@dataclass
class Table:
    """A table of formatted strings. ``numeric`` columns are right-aligned; ``row_kinds`` style rows."""

    header: list[str]
    rows: list[list[str]]
    numeric: frozenset[int] = frozenset()
    row_kinds: list[str] | None = None
    kind: str = ""  # "raci": centred letter cells; "findings": one finding a row (code, where, message, hint)
    #: a shorter header for narrow layouts (the terminal), same columns
    short_header: list[str] | None = None
    #: abbreviations used in the header and what they stand for (the RACI matrix's role initials), shown as a key
    key: list[tuple[str, str]] = field(default_factory=list)
    #: the catalogue key of the line that says how many rows a shortened table (terminal) leaves out
    more_key: str = ""
    #: the first column's cells in a narrow layout (the terminal): ids for long names
    short_labels: list[str] | None = None
    #: columns a narrow layout (the terminal) leaves out, their figures being in another table
    optional: frozenset[int] = frozenset()
    #: a figure per row the terminal draws as a bar beside the row (the utilisation: 1.0 = 10 blocks)
    bars: list[float | None] | None = None
    #: which rows a shortened table keeps first (indices, most important first); None: the first rows
    order: list[int] | None = None
    #: rows the document itself left out (over :data:`procesmap.render.bounds.MAX_REPORT_TABLE_ROWS`), said in
    #: a note after the table
    left_out: int = 0


@dataclass
class Text:
    text: str
    kind: str = "p"  # p | note


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Facts:
    """Label: value lines."""

    items: list[tuple[str, str]]


@dataclass
class Chart:
    """A chart drawn by :mod:`procesmap.render.charts` (``name`` is its function's name there)."""

    name: str
    title: str


@dataclass
class Diagram:
    """A diagram of the process: ``swimlane`` (:mod:`procesmap.diagrams.swimlane`) or ``organisations``, one box per
    organisation with the handovers between them (:mod:`procesmap.diagrams.overview`; its figures are the
    analysis's handovers per case)."""

    title: str
    name: str = "swimlane"


Block = Union[Table, Text, Bullets, Facts, Chart, Diagram, "Section"]


@dataclass
class Section:
    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    kind: str = ""  # e.g. "severity-error" for styling


@dataclass
class FileVersion:
    """Where a map comes from: its last git commit, else its modification date."""

    commit: str | None
    date: str | None

    def text(self, lang: str) -> str:
        if self.commit and self.date:
            return t("report.version_git", lang, commit=self.commit, date=self.date)
        if self.date:
            return t("report.version_mtime", lang, date=self.date)
        return t("report.version_unknown", lang)


@dataclass
class ProcessDoc:
    analysis: "Analysis"
    labels: Labels
    anchor: str
    title: str
    subtitle: str
    facts: Facts
    counts: dict[str, int]
    sections: list[Section]
    version: FileVersion = field(default_factory=lambda: FileVersion(None, None))


@dataclass
class ReportDoc:
    lang: str
    title: str
    processes: list[ProcessDoc]
    overview: Table | None
    version: str
    #: the folder report's first screen: all maps on the summary's figures, the load of the roles they share
    overview_sections: list[Section] = field(default_factory=list)
    #: findings on the maps together (PM303/PM304 on the load of the roles they share)
    across_findings: list[Any] = field(default_factory=list)


_COMMIT = re.compile(r"^([0-9a-f]{4,40}) (\d{4}-\d{2}-\d{2})$")


def _git_env() -> dict[str, str]:
    """git without prompts, in English, and with file names taken as names (``:x.yaml`` is no pathspec magic)."""
    return {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_LITERAL_PATHSPECS": "1"}


def file_version(path: str | os.PathLike[str]) -> FileVersion:
    """The file's last git commit (what ``git log -1 --format=%h %cs FILE`` says); outside a repo, its
    modification date.

    Tolerant by design: no git, a file outside a repository, an untracked file or a slow
    disk all fall back to the modification time; a file that does not exist has neither.
    """
    return file_versions([path])[0]


def _modified(target: Path) -> FileVersion:
    """The version of a file git does not know: its modification date (neither for a file that is not there)."""
    try:
        return FileVersion(None, date.fromtimestamp(target.stat().st_mtime).isoformat())
    except (OSError, ValueError, OverflowError):
        return FileVersion(None, None)


def file_versions(paths: "Sequence[str | os.PathLike[str]]") -> list[FileVersion]:
    """The last git commit (else the modification date) of every path, with one ``git log`` per folder instead of
    one per file.

    A report of a folder of maps waited for six git processes, each a start and a walk of the history (80 ms
    of a 0.5 s report). Here git walks the history once for the folder's files together, newest first, and
    stops as soon as each has its commit (:func:`_last_commits`). Merges count as for ``git log -1 FILE``: a
    merge is a file's last commit when it changed the file against every parent (``-c``).
    """
    folders: dict[Path, list[int]] = {}
    for index, path in enumerate(paths):
        target = Path(path)
        folders.setdefault(target.parent if str(target.parent) else Path("."), []).append(index)
    versions: list[FileVersion | None] = [None] * len(paths)
    for folder, indexes in folders.items():
        found = _last_commits(folder, sorted({Path(paths[i]).name for i in indexes}))
        for i in indexes:
            versions[i] = found.get(Path(paths[i]).name) or _modified(Path(paths[i]))
    return [v if v is not None else FileVersion(None, None) for v in versions]


def _last_commits(folder: Path, names: list[str], timeout: float = 10.0) -> dict[str, FileVersion]:
    """Each of ``names`` (files in ``folder``) that git knows: its last commit, from one history walk.

    ``git log -c --name-only -z`` lists, newest first, each commit that changed one of the files and which
    of them it changed; the walk is read as it comes and stopped once every name has its commit. Anything
    unexpected (no git, not a repository, a timeout) leaves the names out: the caller falls back to the
    modification date, as :func:`file_version` does.
    """
    import threading  # lazy: only folder reports read git's output as it comes

    wanted = set(names)
    found: dict[str, FileVersion] = {}
    # the names are pathspecs in ``folder``: git prints only those files, by their path from the repository's top
    # (a merge's too), so the part after the last "/" is the name
    command = ["git", "log", "-c", "--name-only", "-z", "--format=%x01%h %cs", "--", *names]
    try:
        process = subprocess.Popen(
            command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_git_env()
        )
    except (OSError, ValueError):
        return found
    assert process.stdout is not None  # stdout=PIPE
    late = threading.Event()

    def stop() -> None:  # a thread, not select(): pipes cannot be selected on Windows
        late.set()
        process.kill()

    timer = threading.Timer(timeout, stop)
    timer.start()
    pending = b""
    current: FileVersion | None = None
    try:
        while wanted - found.keys():
            chunk = os.read(process.stdout.fileno(), 65536)  # what git has written so far; b"" at its end or kill
            fields = (pending + chunk + (b"" if chunk else b"\x00")).split(b"\x00")
            pending = fields.pop()
            for field in fields:
                text = field.decode("utf-8", "surrogateescape").lstrip("\n")
                if text.startswith("\x01"):
                    match = _COMMIT.match(text[1:])
                    current = FileVersion(match.group(1), match.group(2)) if match else None
                    continue
                name = text.rsplit("/", 1)[-1]
                if current is not None and name in wanted and name not in found:
                    found[name] = current
            if not chunk:
                break
    except (OSError, ValueError):
        return {}
    finally:
        timer.cancel()
        if process.poll() is None:
            process.kill()
        process.wait()
        process.stdout.close()
    return {} if late.is_set() else found  # too slow: every file falls back alike


def _anchor(process_id: str, index: int) -> str:
    slug = re.sub(r"[^a-z0-9-]+", "-", process_id.lower()).strip("-") or "process"
    return f"p{index}-{slug}"


def build_document(analyses: "Sequence[Analysis]", lang: str) -> ReportDoc:
    """The whole report: one :class:`ProcessDoc` per analysis, plus an overview table when there are several."""

    versions = file_versions([a.process.file for a in analyses])
    processes = [_process(a, Labels(a, lang), index, versions[index - 1]) for index, a in enumerate(analyses, 1)]
    overview, sections = None, []
    across: list[Any] = []
    if len(processes) > 1:
        overview = _overview(processes, lang)
        sections = [
            Section("maps", t("summary.maps", lang), [overview], kind="overview"),
            _shared_roles(analyses, lang, across),
        ]
        for section in sections:
            _bound_tables(section, lang)
    title = processes[0].title if len(processes) == 1 else t("report.title", lang)
    return ReportDoc(
        lang=lang,
        title=title,
        processes=processes,
        overview=overview,
        version=str(version),
        overview_sections=sections,
        across_findings=across,
    )


def _overview(processes: list[ProcessDoc], lang: str) -> Table:
    """All maps on the summary's figures, one row each."""

    header = [
        t(f"summary.col.{key}", lang)
        for key in (
            "map",
            "over_term",
            "over_extended",
            "late",
            "p85",
            "term",
            "organisation",
            "manual",
            "highest",
            "findings",
        )
    ]
    rows, kinds = [], []
    for doc in processes:
        a, lb = doc.analysis, doc.labels
        time, per_case = a.time, a.handovers.expected_per_case
        has_term = time.term is not None
        rows.append(
            [
                doc.title,
                lb.pct(time.share_over_term, 1) if has_term else "",
                lb.pct(time.share_over_extended_term, 1) if has_term and time.term_extension is not None else "",
                _late_cell(a, lb) if has_term else "",
                lb.num(time.term_time.get("p85") if has_term else time.cycle_time.get("p85")),
                lb.num(time.term, 0) if has_term else "",
                lb.num(per_case.get("organisation"), 2),
                lb.num(per_case.get("manual"), 2),
                lb.highest_load(),
                f"{doc.counts['error']}/{doc.counts['warning']}/{doc.counts['info']}",
            ]
        )
        kinds.append("error" if doc.counts["error"] else "warning" if doc.counts["warning"] else "")
    short = [
        t(f"summary.short.{key}", lang)
        for key in (
            "map",
            "over_term",
            "over_extended",
            "late",
            "p85",
            "term",
            "organisation",
            "manual",
            "highest",
            "findings",
        )
    ]
    return Table(
        header,
        rows,
        numeric=frozenset({1, 2, 3, 4, 5, 6, 7, 9}),
        row_kinds=kinds,
        short_header=short,
        short_labels=[doc.subtitle for doc in processes],
        optional=frozenset({8}),
    )


def _shared_roles(analyses: "Sequence[Analysis]", lang: str, across: list[Any]) -> Section:
    """The roles two or more maps give work, with their load summed across the maps (``procesmap overview``'s
    figures, :func:`procesmap.repository.overview`), marked where PM303/PM304 find them across the maps."""
    from procesmap.analysis import Settings  # lazy: the analysis loads only when a map is analysed
    from procesmap.repository import overview  # lazy: the folder overview loads only when a folder is analysed

    # the thresholds the maps were analysed with (a rule that is off has none), and the rules' severities
    thresholds = analyses[0].capacity.thresholds
    codes = (("PM303", "bottleneck"), ("PM304", "overloaded"))
    severities = {code: "off" for code, mark in codes if mark not in thresholds}
    for a in analyses:
        severities.update({f.code: f.severity.value for f in a.findings if f.code in ("PM303", "PM304")})
    settings = Settings(
        cases=0,
        severities=severities,
        options={code: {"threshold": thresholds[mark]} for code, mark in codes if mark in thresholds},
    )
    result = overview(analyses, settings)
    marked = {f.subject: "error" if f.code == "PM304" else "warning" for f in result.findings}
    across.extend(result.findings)
    names = {a.process.id: a.process.name or a.process.id for a in analyses}
    section = Section("shared-roles", t("summary.shared_roles", lang))
    shared = [r for r in result.roles if sum(1 for v in r.per_process.values() if v) >= 2]
    if not shared:
        section.blocks.append(Text(t("summary.no_shared_roles", lang)))
        return section
    rows = [
        [
            r.name,
            number(r.demand_hours, lang, 0),
            number(r.capacity_hours, lang, 0),
            percent(r.utilisation, lang),
            ", ".join(f"{names.get(pid, pid)} {number(v, lang, 0)}" for pid, v in r.per_process.items() if v),
        ]
        for r in shared
    ]
    section.blocks.append(
        Table(
            [
                t("report.role", lang),
                t("report.demand", lang),
                t("report.capacity_hours", lang),
                t("report.utilisation", lang),
                t("summary.col.processes", lang),
            ],
            rows,
            numeric=frozenset({1, 2, 3}),
            row_kinds=[marked.get(r.role, "") for r in shared],
        )
    )
    if result.findings:  # PM303/PM304 on the load summed across the maps
        header = [
            t("report.code", lang),
            t("report.where", lang),
            t("report.message", lang),
            t("label.hint", lang).capitalize(),
        ]
        section.blocks.append(
            Table(
                header,
                [
                    [f"{f.code} {f.rule}", f"{f.file}:{f.line}:{f.column}", f.message(lang), f.hint(lang)]
                    for f in result.findings
                ],
                row_kinds=[f.severity.value for f in result.findings],
                kind="findings",
                more_key="scale.more_findings",
            )
        )
    return section


def _late_cell(a: "Analysis", lb: Labels) -> str:
    """Late cases per year over the term, and over term + extension where the process has one."""
    late = a.time.late_per_year
    if a.time.term_extension is None:
        return lb.late(late.get("term"))
    return f"{lb.late(late.get('term'))} / {lb.late(late.get('extended_term'))}"


def _process(a: "Analysis", lb: Labels, index: int, version: FileVersion) -> ProcessDoc:
    p = a.process
    facts: list[tuple[str, str]] = [
        (lb.t("report.file"), p.file),
        (lb.t("report.version"), version.text(lb.lang)),
        (lb.t("report.owner"), lb.role(p.owner) if p.owner else lb.t("report.none")),
        (
            lb.t("report.overview"),
            lb.t(
                "report.counts",
                steps=len(p.steps),
                roles=len(p.roles),
                teams=len(p.teams),
                organisations=len(p.organisations),
                transitions=len(a.graph.transitions),
            ),
        ),
    ]
    if a.volume_per_year is not None:
        facts.append((lb.t("report.volume"), lb.volume() or ""))
    term = lb.term_line()
    if term:
        facts.append((lb.t("report.term"), term))
    if a.time.service_norm is not None:
        facts.append((lb.t("report.service_norm"), lb.t("report.term_value", term=lb.num(a.time.service_norm, 0))))
    counts = {level: 0 for level in SEVERITY_ORDER}
    for finding in a.findings:
        counts[finding.severity.value] += 1
    sections: list[Section] = [
        summary_section(a, lb),
        Section("swimlane", lb.t("report.swimlane"), [Diagram(lb.t("report.swimlane"))]),
        _findings(a, lb),
        _steps(a, lb),
        _handovers(a, lb),
        _ownership(a, lb),
        _time(a, lb),
        _waits(a, lb),
        _capacity(a, lb),
        _queueing(a, lb),
        *_advice(a, lb),
        _knelpunten(a, lb),
        _missing(a, lb),
        Section("about", lb.t("summary.about"), [Facts(facts)]),
    ]
    for section in sections:
        _bound_tables(section, lb.lang)
    return ProcessDoc(
        analysis=a,
        labels=lb,
        anchor=_anchor(p.id, index),
        title=p.name or p.id,
        subtitle=p.id,
        facts=Facts(facts),
        counts=counts,
        sections=sections,
        version=version,
    )


#: How many findings and interventions the summary names.
SUMMARY_ITEMS = 3


def summary_facts(a: "Analysis", lb: Labels) -> list[tuple[str, str]]:
    """The figures a director reads first, as label/value lines (each taken from the analysis, only formatted)."""
    time = a.time
    facts: list[tuple[str, str]] = []
    if a.volume_per_year is not None:
        facts.append((lb.t("summary.volume"), lb.volume() or ""))
    if time.term is None:
        facts.append((lb.t("summary.over_term"), lb.t("summary.no_term")))
    else:
        facts.append(
            (
                lb.t("summary.over_term"),
                lb.t("summary.over_term_value", share=lb.pct(time.share_over_term, 1), term=lb.num(time.term, 0)),
            )
        )
        if time.term_extension is not None:
            facts.append(
                (
                    lb.t("summary.over_extended"),
                    lb.t(
                        "summary.over_extended_value",
                        share=lb.pct(time.share_over_extended_term, 1),
                        days=lb.num(time.term + time.term_extension, 0),
                    ),
                )
            )
        late = time.late_per_year
        if time.term_extension is None:
            facts.append(
                (
                    lb.t("summary.late"),
                    lb.t("summary.late_value", term=lb.late(late.get("term")))
                    if late.get("term") is not None
                    else lb.late(None),
                )
            )
        else:
            facts.append(
                (
                    lb.t("summary.late"),
                    lb.t(
                        "summary.late_value_extended",
                        term=lb.late(late.get("term")),
                        extended=lb.late(late.get("extended_term")),
                    )
                    if late.get("term") is not None
                    else lb.late(None),
                )
            )
    if time.term is not None and time.term_time.get("p85") is not None:
        facts.append(
            (
                lb.t("summary.p85"),
                lb.t("summary.p85_term", days=lb.num(time.term_time.get("p85")), term=lb.num(time.term, 0)),
            )
        )
    elif time.cycle_time.get("p85") is not None:
        facts.append((lb.t("summary.p85"), lb.t("summary.p85_cycle", days=lb.num(time.cycle_time.get("p85")))))
    per_case = a.handovers.expected_per_case
    facts.append(
        (
            lb.t("summary.handovers"),
            lb.t(
                "summary.handovers_value",
                organisation=lb.num(per_case.get("organisation"), 2),
                external=lb.num(per_case.get("external"), 2),
                manual=lb.num(per_case.get("manual"), 2),
            ),
        )
    )
    cap = a.capacity
    if cap.bottleneck or cap.highest:
        facts.append((lb.t("summary.bottleneck" if cap.bottleneck else "summary.highest"), lb.highest_load()))
    spofs = a.ownership.single_points_of_failure
    facts.append((lb.t("summary.spof"), ", ".join(lb.role(r) for r in spofs) if spofs else lb.t("summary.none")))
    return facts


def summary_findings(a: "Analysis", lb: Labels) -> list[str]:
    """The most important findings: errors first, then warnings, then info, each group in file order."""
    ordered = [f for _, group in lb.findings_by_severity() for f in group]
    # one bullet a rule: a draft from `log discover` has 130 times "step .. has no role", which would fill the
    # three bullets with one finding; the bullet says how often the same rule found something else
    firsts: dict[tuple[str, str], Any] = {}  # (severity, code) -> its first finding, in the order above
    found: Counter[tuple[str, str]] = Counter()
    for f in ordered:
        firsts.setdefault((f.severity.value, f.code), f)
        found[(f.severity.value, f.code)] += 1
    items, shown = [], 0
    for rule, f in list(firsts.items())[:SUMMARY_ITEMS]:
        more = found[rule] - 1
        text = f"{lb.t('label.' + f.severity.value)} {f.code} {f.rule}: {f.message(lb.lang)}"
        items.append(text + (" " + lb.t("summary.findings_same", count=Count(more)) if more else ""))
        shown += 1 + more
    if len(ordered) > shown:
        items.append(lb.t("summary.findings_more", count=len(ordered) - shown))
    return items


def summary_advice(a: "Analysis", lb: Labels) -> list[str] | None:
    """The interventions that help most (``analyse --advise``), best first; ``None`` when advice was not asked."""
    advice = getattr(a, "advice", None)
    if advice is None:
        return None
    helping = [item for item in advice.interventions if item.helps][:SUMMARY_ITEMS]
    items = []
    for item in helping:
        name = item.candidate.description(lb.lang)
        if item.before.share_over_term is not None and item.after.share_over_term is not None:
            items.append(
                lb.t(
                    "summary.advice_item",
                    intervention=name,
                    before=lb.pct(item.before.share_over_term, 1),
                    after=lb.pct(item.after.share_over_term, 1),
                )
            )
        else:
            items.append(
                lb.t(
                    "summary.advice_item_p85",
                    intervention=name,
                    before=lb.num(item.before.cycle_p85),
                    after=lb.num(item.after.cycle_p85),
                )
            )
    return items or [lb.t("summary.advice_none")]


def summary_section(a: "Analysis", lb: Labels) -> Section:
    """The first screen: key figures, the three most important findings, and what helps most (when advised)."""
    findings = summary_findings(a, lb)
    blocks: list[Block] = [
        Facts(summary_facts(a, lb)),
        Section(
            "summary-findings",
            lb.t("summary.findings"),
            [Bullets(findings) if findings else Text(lb.t("summary.no_findings"))],
        ),
    ]
    advice = summary_advice(a, lb)
    if advice is not None:
        blocks.append(Section("summary-advice", lb.t("summary.advice"), [Bullets(advice)]))
    return Section("summary", lb.t("summary.title"), blocks, kind="summary")


def _findings(a: "Analysis", lb: Labels) -> Section:
    section = Section("findings", lb.t("report.findings"))
    groups = lb.findings_by_severity()
    if not groups:
        section.blocks.append(Text(lb.t("report.no_findings")))
    header = [lb.t("report.code"), lb.t("report.where"), lb.t("report.message"), lb.t("label.hint").capitalize()]
    for level, findings in groups:
        rows = [[f"{f.code} {f.rule}", lb.where(f), f.message(lb.lang), f.hint(lb.lang)] for f in findings]
        section.blocks.append(
            Section(
                f"findings-{level}",
                f"{lb.t('report.severity.' + level)} ({len(findings)})",
                [Table(header, rows, row_kinds=[level] * len(rows), kind="findings", more_key="scale.more_findings")],
                kind=f"severity-{level}",
            )
        )
    return section


def _steps(a: "Analysis", lb: Labels) -> Section:
    visits = a.graph.visits
    wip = a.time.wip
    header = [lb.t("report.step"), lb.t("report.type"), lb.t("report.role"), lb.t("report.visits"), lb.t("report.wip")]
    rows = [
        [
            step.label,
            lb.t(f"report.step_type.{step.type}"),
            lb.role(step.role or step.raci.R) if (step.role or step.raci.R) else "",
            lb.num(visits.get(step.id) if visits is not None else None, 2),
            lb.num(wip.get(step.id) if wip is not None else None),
        ]
        for step in a.process.steps
    ]
    return Section("steps", lb.t("report.steps"), [Table(header, rows, numeric=frozenset({3, 4}))])


def _handovers(a: "Analysis", lb: Labels) -> Section:
    h = a.handovers
    section = Section("handovers", lb.t("report.handovers"))
    if not h.handovers:
        section.blocks.append(Text(lb.t("report.no_handovers")))
        return section
    levels = Table(
        [lb.t("report.level"), lb.t("report.transitions"), lb.t("report.per_case")],
        [
            [lb.t(f"report.level.{level}"), str(count), lb.num(h.expected_per_case[level], 2)]
            for level, count in h.transitions.items()
        ],
        numeric=frozenset({1, 2}),
    )
    systems = a.process.systems
    rows = [
        [
            lb.step(x.source),
            lb.step(x.target),
            lb.levels(x.levels),
            (systems[x.via].name or x.via) if x.via and x.via in systems else (x.via or ""),
            lb.num(x.per_case, 2),
        ]
        for x in h.handovers
    ]
    # an organisation handover and one to or from an external party are both marked (each its own colour)
    # (the colours are procesmap.colours.HANDOVER_COLOURS, the same as the swimlane's arrows)
    kinds = [handover_kind(x.levels, ("organisation", "external", "manual")) or "" for x in h.handovers]
    transitions = Table(
        [lb.t("report.from"), lb.t("report.to"), lb.t("report.levels"), lb.t("report.via"), lb.t("report.per_case")],
        rows,
        numeric=frozenset({4}),
        row_kinds=kinds,
        more_key="scale.more_handovers",
        kind="handovers",
        order=sorted(range(len(h.handovers)), key=lambda i: -(h.handovers[i].per_case or 0.0)),
    )
    if any(level in ("organisation", "external") for x in h.handovers for level in x.levels):
        # who hands the case to whom, one box per organisation: where a director looks for the handovers, before
        # their tables (a map of one organisation draws none)
        section.blocks.append(Diagram(lb.t("report.organisations_picture"), "organisations"))
    section.blocks += [
        Section("handovers-levels", lb.t("report.per_level"), [levels]),
        Section("handovers-list", lb.t("report.per_transition"), [transitions]),
    ]
    return section


def _bound_tables(section: Section, lang: str) -> None:
    """Cut every table of ``section`` (and of the sections in it) longer than
    :data:`procesmap.render.bounds.MAX_REPORT_TABLE_ROWS` to its most important rows (its ``order``, else its
    first), in their own order, with a note after it that says how many rows are left out and where every one is."""
    blocks: list[Block] = []
    for block in section.blocks:
        if isinstance(block, Section):
            _bound_tables(block, lang)
        blocks.append(block)
        if not isinstance(block, Table) or len(block.rows) <= report_bounds.MAX_REPORT_TABLE_ROWS:
            continue
        total = len(block.rows)
        keep = sorted((block.order or range(total))[: report_bounds.MAX_REPORT_TABLE_ROWS])
        at = {row: index for index, row in enumerate(keep)}

        def cut(values: list[Any] | None, keep: list[int] = keep) -> list[Any] | None:
            return None if values is None else [values[row] for row in keep]

        block.rows = [block.rows[row] for row in keep]
        block.row_kinds, block.bars, block.short_labels = cut(block.row_kinds), cut(block.bars), cut(block.short_labels)
        block.order = [at[row] for row in block.order if row in at] if block.order is not None else None
        block.left_out = total - len(keep)
        blocks.append(
            Text(
                t(
                    "bounds.report_rows_left_out",
                    lang,
                    shown=Count(len(keep)),
                    rows=Count(total),
                    table=section.title,
                    limit=Count(report_bounds.MAX_REPORT_TABLE_ROWS),
                    more=Count(block.left_out),
                    order=t("bounds.report_rows_first" if block.order is None else "bounds.report_rows_most", lang),
                ),
                "note",
            )
        )
    section.blocks = blocks


def _raci_list(a: "Analysis", lb: Labels, roles: list[str]) -> list[Block]:
    """The RACI as one row per step naming its roles: a matrix over
    :data:`procesmap.render.bounds.MAX_REPORT_RACI_CELLS` cells (2,000 steps x 1,000 roles: 2 million) is more
    than a report shows; the list has every role of every step, in as many cells as the map has RACI entries."""
    raci = a.ownership.raci
    rows = [
        [
            lb.step(step_id),
            lb.role(row.R) if row.R else "",
            (lb.role(row.A) + ("*" if row.A_defaulted else "")) if row.A else "",
            ", ".join(lb.role(r) for r in row.C),
            ", ".join(lb.role(r) for r in row.I),
        ]
        for step_id, row in raci.items()
    ]
    note = t(
        "bounds.raci_as_list",
        lb.lang,
        steps=Count(len(raci)),
        roles=Count(len(roles)),
        cells=Count(len(raci) * len(roles)),
        limit=Count(report_bounds.MAX_REPORT_RACI_CELLS),
    )
    return [
        Text(note, "note"),
        Table([lb.t("report.step"), "R", "A", "C", "I"], rows, kind="raci-list", more_key="bounds.more_raci_steps"),
        Text(lb.t("report.raci_legend"), "note"),
    ]


def _ownership(a: "Analysis", lb: Labels) -> Section:
    o = a.ownership
    section = Section("ownership", lb.t("report.ownership"))
    roles = lb.raci_roles()
    if o.raci and len(o.raci) * len(roles) > report_bounds.MAX_REPORT_RACI_CELLS:
        section.blocks.append(Section("raci", lb.t("report.raci_matrix"), _raci_list(a, lb, roles)))
    elif o.raci:
        rows = [[lb.step(step_id)] + [lb.raci_cell(step_id, r) for r in roles] for step_id in o.raci]
        short = lb.role_abbreviations(roles)
        # role initials in the header, keyed below: a matrix of many roles fits a page and a terminal
        section.blocks.append(
            Section(
                "raci",
                lb.t("report.raci_matrix"),
                [
                    Table(
                        [lb.t("report.step")] + [short[r] for r in roles],
                        rows,
                        kind="raci",
                        key=[(short[r], lb.role(r)) for r in roles],
                    ),
                    Text(lb.t("report.raci_legend"), "note"),
                ],
            )
        )
    else:
        section.blocks.append(Text(lb.t("report.no_raci")))
    spof = ", ".join(lb.role(r) for r in o.single_points_of_failure) or lb.t("report.spof_none")
    section.blocks.append(Facts([(lb.t("report.spof"), spof)]))
    return section


def _time(a: "Analysis", lb: Labels) -> Section:
    time = a.time
    section = Section("time", lb.t("report.time"))
    stats = Table(
        ["", lb.t("report.mean"), "p50", "p85", "p95"],
        [
            [f"{lb.t('report.cycle_time')} ({lb.t('report.days')})"]
            + [lb.num(time.cycle_time.get(k)) for k in ("mean", "p50", "p85", "p95")],
            [f"{lb.t('report.term_time')} ({lb.t('report.days')})"]
            + [lb.num(time.term_time.get(k)) for k in ("mean", "p50", "p85", "p95")],
        ],
        numeric=frozenset({1, 2, 3, 4}),
    )
    facts: list[tuple[str, str]] = lb.term_rows()
    facts.append((lb.t("report.flow_efficiency"), lb.pct(time.flow_efficiency, 1)))
    facts.append((lb.t("report.work_per_case"), f"{lb.num(time.work_per_case_hours)} {lb.t('report.hours')}"))
    if time.wip_total is not None:
        facts.append((lb.t("report.wip_total"), lb.num(time.wip_total)))
    means = lb.t("report.means." + time.means_source)
    section.blocks += [
        stats,
        Facts(facts),
        Text(lb.t("report.simulation", cases=lb.num(time.cases, 0), seed=time.seed, means=means), "note"),
    ]
    if time.cycle_samples is not None and len(time.cycle_samples):
        section.blocks.append(Chart("cycle_time_chart", lb.t("report.cycle_distribution")))
        if time.term is not None and any(s.suspends_term for s in a.process.steps):
            section.blocks.append(Text(lb.t("report.cycle_note"), "note"))
    return section


def _waits(a: "Analysis", lb: Labels) -> Section:
    time = a.time
    section = Section("waits", lb.t("report.waits"))
    if not time.waits:
        section.blocks.append(Text(lb.t("report.no_waits")))
        return section
    section.blocks.append(Chart("waits_chart", lb.t("report.waits")))
    rows = [
        [
            lb.step(w.step),
            lb.num(w.per_case),
            lb.pct(w.share_of_cycle_time),
            lb.num(time.wip.get(w.step) if time.wip else None),
        ]
        for w in time.waits
    ]
    section.blocks.append(
        Table(
            [lb.t("report.step"), lb.t("report.wait_per_case"), lb.t("report.share_of_cycle"), lb.t("report.wip")],
            rows,
            numeric=frozenset({1, 2, 3}),
            short_header=[
                lb.t("report.step"),
                lb.t("summary.short.wait"),
                lb.t("summary.short.share"),
                lb.t("summary.short.wip"),
            ],
        )
    )
    return section


def _capacity(a: "Analysis", lb: Labels) -> Section:
    cap = a.capacity
    section = Section("capacity", lb.t("report.capacity"))
    roles = utilisation_order(a)
    if not roles:
        section.blocks.append(Text(lb.t("report.no_capacity")))
        return section
    section.blocks.append(Chart("utilisation_chart", lb.t("report.capacity")))
    rows, kinds = [], []
    for role_id, load in roles:
        name = lb.role(role_id) + (f" ({lb.mark(role_id)})" if lb.mark(role_id) else "")
        rows.append([name, lb.num(load.demand_hours, 0), lb.num(load.capacity_hours, 0), lb.pct(load.utilisation)])
        kinds.append({"overloaded": "error", "bottleneck": "warning"}.get(cap.marks.get(role_id, ""), ""))
    section.blocks.append(
        Table(
            [lb.t("report.role"), lb.t("report.demand"), lb.t("report.capacity_hours"), lb.t("report.utilisation")],
            rows,
            numeric=frozenset({1, 2, 3}),
            row_kinds=kinds,
            bars=[load.utilisation for _, load in roles],  # type: ignore[attr-defined]
            short_header=[
                lb.t("report.role"),
                lb.t("summary.short.demand"),
                lb.t("summary.short.capacity"),
                lb.t("summary.short.utilisation"),
            ],
        )
    )
    return section


def _queueing(a: "Analysis", lb: Labels) -> Section:
    """Queueing (docs/queueing.md): per role its queue beside the analytic figure, per step the declared wait split."""

    view = queueing_view(a, lb)
    section = Section("queueing", view.title, [Text(view.note, "note")])
    if view.empty:
        return section
    section.blocks.append(
        Table(
            view.role_header,
            view.role_rows,
            numeric=frozenset({1, 2, 3, 4, 5, 6}),
            row_kinds=view.role_kinds,
            short_header=view.role_header_short,
        )
    )
    section.blocks.append(
        Table(
            view.step_header,
            view.step_rows,
            numeric=frozenset({2, 3, 4, 5}),
            row_kinds=view.step_kinds,
            short_header=view.step_header_short,
            optional=frozenset({1}),
        )
    )
    if view.summary:
        section.blocks.append(Bullets(view.summary))
    return section


def _advice(a: "Analysis", lb: Labels) -> list[Section]:
    """ "What helps most", when the analysis carries advice (``analyse --advise``, ``advise --format html``)."""
    if getattr(a, "advice", None) is None:
        return []

    return [advice_section(a.advice, lb)]


def utilisation_order(a: "Analysis") -> list[tuple[str, "RoleLoad"]]:
    """Roles with a utilisation, highest first (the order of the Markdown report)."""
    return sorted(
        ((r, load) for r, load in a.capacity.roles.items() if load.utilisation is not None),
        key=lambda kv: -(kv[1].utilisation or 0.0),
    )


def _knelpunten(a: "Analysis", lb: Labels) -> Section:
    """Knelpunten grouped by level (operational, tactical, strategic) and, within a level, by action."""
    section = Section("knelpunten", lb.t("report.knelpunten"))
    issues = a.process.issues
    if not issues:
        section.blocks.append(Text(lb.t("report.knelpunten_none")))
        return section
    action_rank = {action: i for i, action in enumerate(ISSUE_ACTIONS)}
    header = [
        lb.t("report.action"),
        lb.t("report.code"),
        lb.t("report.step"),
        lb.t("report.message"),
        lb.t("report.solution"),
        lb.t("report.issue_owner"),
    ]
    for level in (*ISSUE_LEVELS, None):
        group = [i for i in issues if i.level == level]
        if not group:
            continue
        group.sort(key=lambda i: action_rank.get(i.action or "", len(ISSUE_ACTIONS)))
        rows = [
            [
                lb.t(f"report.issue.{i.action}") if i.action else lb.t("report.knelpunten_action_none"),
                i.id,
                lb.step(i.step) if i.step else "",
                i.text,
                i.solution or "",
                lb.role(i.owner) if i.owner else "",
            ]
            for i in group
        ]
        title = lb.t(f"report.issue.{level}").capitalize() if level else lb.t("report.knelpunten_level_none")
        section.blocks.append(
            Section(
                f"knelpunten-{level or 'none'}",
                f"{title} ({len(group)})",
                [Table(header, rows, row_kinds=[f"action-{i.action or 'none'}" for i in group], kind="knelpunten")],
            )
        )
    return section


def _missing(a: "Analysis", lb: Labels) -> Section:
    section = Section("missing", lb.t("report.missing"))
    if a.missing:
        section.blocks.append(Bullets([m.text(lb.lang) for m in a.missing]))
    else:
        section.blocks.append(Text(lb.t("report.no_missing")))
    return section


def organisations(analysis: "Analysis", lang: str, fmt: str = "svg", fit_width: float | None = None) -> Any:
    """The per-organisation picture as ``svg`` bytes or a ReportLab ``drawing``, or None (one organisation, or a
    drawing that failed: the handover tables beside it carry every figure)."""
    try:
        from procesmap.diagrams.overview import overview_in_report  # lazy: the diagram code loads only when drawn

        return overview_in_report(analysis, lang, fmt, fit_width)
    except Exception:  # noqa: BLE001 - a picture beside the tables must not cost the report
        return None


def swimlane_drawing(analysis: "Analysis", lang: str) -> tuple[Any, str | None]:
    """The swimlane diagram as a ReportLab ``Drawing``, or ``None`` and the reason, as :func:`swimlane`."""

    try:
        from procesmap.diagrams.swimlane import (  # lazy: the diagram code loads only when a diagram is drawn
            swimlane_drawing as draw,
        )
    except ImportError:
        return None, t("report.swimlane_missing", lang)
    from procesmap.diagrams.bounds import DrawingTooLarge  # lazy: the diagrams load only when a report draws

    try:
        return draw(analysis, lang), None
    except DrawingTooLarge as err:  # a work limit: the picture is left out, every figure stays
        return None, t("bounds.report_picture_left_out", lang, reason=t(err.key, lang, **err.args_))
    except Exception as err:  # noqa: BLE001 - one failed drawing must not cost the whole report
        return None, t("report.swimlane_failed", lang, reason=f"{type(err).__name__}: {err}")


def swimlane_pages(analysis: "Analysis", lang: str) -> tuple[list[bytes], str | None]:
    """The swimlane as SVG pictures for a screen, as ``procesmap diagram`` draws it: one picture, or, when one picture
    would be unreadable fitted to a screen (:data:`procesmap.diagrams.swimlane.READABLE_PX`), the whole map with its
    cuts numbered and then its parts; or no picture and the reason, as :func:`swimlane`."""
    try:
        from procesmap.diagrams.swimlane import (  # lazy: the diagram code loads only when a diagram is drawn
            READABLE_PX,
            readable,
            render_swimlane_pages,
        )
    except ImportError:
        return [], t("report.swimlane_missing", lang)
    from procesmap.diagrams.bounds import DrawingTooLarge  # lazy: the diagrams load only when a report draws

    try:
        if readable(analysis, lang) >= READABLE_PX:
            data, reason = swimlane(analysis, lang, "svg")
            return ([data] if data is not None else []), reason
        return render_swimlane_pages(analysis, "svg", lang), None
    except DrawingTooLarge as err:  # a work limit: the picture is left out, every figure stays
        return [], t("bounds.report_picture_left_out", lang, reason=t(err.key, lang, **err.args_))
    except Exception as err:  # noqa: BLE001 - one failed drawing must not cost the whole report
        return [], t("report.swimlane_failed", lang, reason=f"{type(err).__name__}: {err}")


def swimlane(analysis: "Analysis", lang: str, fmt: str = "svg") -> tuple[bytes | None, str | None]:
    """The swimlane diagram as ``fmt`` bytes, or ``None`` and the reason (a sentence) when there is none.

    The diagram belongs to :mod:`procesmap.diagrams.swimlane`; a report without it still
    renders every other section, and says why the diagram is missing instead of faking one.
    """

    try:
        from procesmap.diagrams.swimlane import (  # lazy: the diagram code loads only when a diagram is drawn
            render_swimlane,
        )
    except ImportError:
        return None, t("report.swimlane_missing", lang)
    from procesmap.diagrams.bounds import DrawingTooLarge  # lazy: the diagrams load only when a report draws

    try:
        return render_swimlane(analysis, fmt=fmt, lang=lang), None
    except DrawingTooLarge as err:  # a work limit: the picture is left out, every figure stays
        return None, t("bounds.report_picture_left_out", lang, reason=t(err.key, lang, **err.args_))
    except Exception as err:  # noqa: BLE001 - one failed drawing must not cost the whole report
        return None, t("report.swimlane_failed", lang, reason=f"{type(err).__name__}: {err}")
