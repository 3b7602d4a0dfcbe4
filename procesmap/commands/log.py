"""``procesmap log stats|compare|discover``: event logs from the case system, held against the map.

Each command is a few lines over :mod:`procesmap.eventlog`; pyarrow, DuckDB and lxml are
imported inside the commands only.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional
import io
import json

import typer

from procesmap.cli import (
    FailOn,
    Language,
    _check_simulation,
    _fail,
    _guard_output,
    _lang,
    _output_format,
    _refuse_existing,
    _run_lang,
    _write,
    app,
    output_path,
)
from procesmap.errors import ProcessmapError, UsageError
import procesmap

log_app = typer.Typer(
    name="log",
    help="Event logs (XES, CSV, Parquet): statistics, the map against the log, a draft map.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.add_typer(log_app, name="log")

_CASE = typer.Option(None, "--case", help="Column with the case id (default: case:concept:name, case_id, ...).")
_ACTIVITY = typer.Option(None, "--activity", help="Column with the activity (default: concept:name, activity, ...).")
_TIMESTAMP = typer.Option(
    None, "--timestamp", help="Column with the timestamp, ISO 8601 (default: time:timestamp, timestamp, ...)."
)
_RESOURCE = typer.Option(None, "--resource", help="Column with the resource (default: org:resource, resource, ...).")
_ROLE = typer.Option(None, "--role", help="Column with the role or team (default: org:group, role, ...).")
_LIFECYCLE = typer.Option(None, "--lifecycle", help="Column with start/complete (default: lifecycle:transition).")
_ROLES = typer.Option(
    None, "--roles", help="A resource -> role mapping: YAML {resource: role} or CSV resource,role.", readable=False
)
_FORMAT = typer.Option(
    None, "--format", "-f", help="terminal, markdown, json or html (default: from --output's suffix, else terminal)."
)
_OUTPUT = typer.Option(
    None,
    "--output",
    "-o",
    help="Write the report to this file (atomically); never one of the inputs.",
    parser=output_path,
)
_LANG = typer.Option(None, "--lang", help="Report language (nl or en).")


def _read(
    path: Path,
    case: Optional[str],
    activity: Optional[str],
    timestamp: Optional[str],
    resource: Optional[str],
    role: Optional[str],
    lifecycle: Optional[str],
    roles: Optional[Path],
) -> Any:
    from procesmap.eventlog import LogMapping, read_log, read_roles  # lazy: keeps `procesmap --help` fast

    mapping = LogMapping(
        case=case,
        activity=activity,
        timestamp=timestamp,
        resource=resource,
        role=role,
        lifecycle=lifecycle,
        roles=read_roles(roles) if roles else None,
    )
    big = path.exists() and path.is_file() and path.stat().st_size > 8_000_000
    if not (big and sys.stderr.isatty()):
        return read_log(path, mapping)
    from rich.progress import (  # lazy: keeps `procesmap --help` fast
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from procesmap.render._console import make_console  # lazy: keeps `procesmap --help` fast

    from procesmap.i18n import t  # lazy: keeps `procesmap --help` fast

    with Progress(
        TextColumn("{task.description}", style="progress.description", markup=False),  # the file's name as it is
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=make_console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(t("logreport.reading", _lang(None), path=path.name), total=path.stat().st_size)
        return read_log(path, mapping, progress=lambda done, total: bar.update(task, completed=done))


def _engine_failure(err: Exception, log: Path, language: str) -> "typer.Exit":
    """An error of DuckDB or Arrow as a message (exit 2); any other error is raised as it is (a bug)."""
    from procesmap.eventlog._read import engine_error  # lazy: keeps `procesmap --help` fast

    translated = engine_error(err, log)
    if translated is None:
        raise err
    return _fail(translated, language)


def _emit(data: dict[str, Any], fmt: Optional[str], output: Optional[Path], lang: str) -> None:
    from procesmap.eventlog._render import (  # lazy: keeps `procesmap --help` fast
        FORMATS,
        compare_sections,
        print_terminal,
        render,
        stats_sections,
    )

    if fmt is not None and fmt not in FORMATS:
        raise UsageError("cli.bad_format", "hint.cli.bad_format", value=fmt, allowed=", ".join(FORMATS))
    # an --output suffix that names no format gives the default, terminal text, as `analyse -o report.txt`
    chosen = fmt or _output_format(output, FORMATS, "terminal")
    if chosen == "terminal":
        from procesmap.render._console import make_console  # lazy: keeps `procesmap --help` fast

        build = stats_sections if data["report"] == "log-stats" else compare_sections
        title, sections = build(data, lang)
        if output is None:
            print_terminal(title, sections, lang, make_console())
            return
        buffer = io.StringIO()  # plain text, as the screen shows it at 120 columns
        print_terminal(title, sections, lang, make_console(buffer))
        text = buffer.getvalue()
    else:
        text = render(data, chosen, lang)
    if output is not None:
        _write(output, text, lang)
    else:
        sys.stdout.write(text)


@log_app.command("stats")
def stats(
    log: Path = typer.Argument(
        ..., help="The event log: .xes, .xes.gz, .csv or .parquet.", show_default=False, readable=False
    ),
    fmt: Optional[str] = _FORMAT,
    output: Optional[Path] = _OUTPUT,
    lang: Optional[Language] = _LANG,
    case: Optional[str] = _CASE,
    activity: Optional[str] = _ACTIVITY,
    timestamp: Optional[str] = _TIMESTAMP,
    resource: Optional[str] = _RESOURCE,
    role: Optional[str] = _ROLE,
    lifecycle: Optional[str] = _LIFECYCLE,
    roles: Optional[Path] = _ROLES,
    top: int = typer.Option(20, "--top", help="Number of variants listed."),
) -> None:
    """Cases, events, variants, case durations, directly-follows with waits, and handovers of one log."""
    from procesmap.eventlog import log_stats  # lazy: keeps `procesmap --help` fast

    _guard_output(output, [log, roles], _lang(lang))
    language = _run_lang(lang, [], [log])
    try:
        data = log_stats(
            _read(log, case, activity, timestamp, resource, role, lifecycle, roles), top_variants=top
        ).to_dict()
        _emit(data, fmt, output, language)
    except ProcessmapError as err:
        raise _fail(err, language) from None
    except Exception as err:  # DuckDB or Arrow (out of memory, an unusual type): our message, never a traceback
        raise _engine_failure(err, log, language) from None


@log_app.command("compare")
def compare_command(
    process_file: Path = typer.Argument(
        ..., metavar="MAP", help="The process map (.yaml).", show_default=False, readable=False
    ),
    log: Path = typer.Argument(
        ..., help="The event log: .xes, .xes.gz, .csv or .parquet.", show_default=False, readable=False
    ),
    fmt: Optional[str] = _FORMAT,
    output: Optional[Path] = _OUTPUT,
    lang: Optional[Language] = _LANG,
    fail_on: Optional[FailOn] = typer.Option(
        None,
        "--fail-on",
        help="Exit 1 when a finding is at or above this severity (default: the configuration's fail_on, else error).",
    ),
    config: Optional[Path] = typer.Option(
        None,
        "--config",
        help='Use this procesmap.toml or pyproject.toml instead of searching upwards from MAP ([rules] PM601 = "off", options of PM6xx).',
        readable=False,
    ),
    case: Optional[str] = _CASE,
    activity: Optional[str] = _ACTIVITY,
    timestamp: Optional[str] = _TIMESTAMP,
    resource: Optional[str] = _RESOURCE,
    role: Optional[str] = _ROLE,
    lifecycle: Optional[str] = _LIFECYCLE,
    roles: Optional[Path] = _ROLES,
    seed: Optional[int] = typer.Option(
        None, "--seed", help="Seed of the map's simulation (default: configuration, else 0)."
    ),
    cases: Optional[int] = typer.Option(
        None, "--cases", help="Simulated cases for the map's percentiles (default: configuration, else 10000)."
    ),
    suggest: bool = typer.Option(
        False,
        "--suggest-links",
        help="Instead of the comparison: suggest links from the steps no activity is linked to, to log activities (name similarity and place in the flow), for you to confirm.",
    ),
    write: bool = typer.Option(
        False,
        "--write-links",
        help="Write the suggested links into the map as `log:` names (comments kept, atomically), after showing them.",
    ),
    min_score: Optional[float] = typer.Option(
        None,
        "--min-score",
        help="Suggest links scoring at least this (0-1; default 0.5); with --suggest-links or --write-links.",
    ),
) -> None:
    """Hold a map against a log: fitness, routes the map lacks, rework, waits, cycle time, term, handovers (PM6xx)."""
    from procesmap.config import config_for  # lazy: keeps `procesmap --help` fast
    from procesmap.eventlog import compare  # lazy: keeps `procesmap --help` fast
    from procesmap.findings import Severity  # lazy: keeps `procesmap --help` fast

    _check_simulation(cases, seed, _lang(lang))
    _guard_output(output, [process_file, log, roles, config], _lang(lang))
    _check_links_options(suggest, write, min_score, output, fmt, fail_on, _lang(lang))
    from procesmap.api import report_language  # lazy: keeps `procesmap --help` fast

    language = _run_lang(lang, [], [process_file])
    try:
        process = procesmap.load(process_file)
        settings_of = config_for(process_file, config)  # severities and options of PM6xx as of every rule
    except ProcessmapError as err:
        raise _fail(err, language) from None
    # once the map is read, every message (a log that cannot be read too) is in the report's language
    language = report_language(
        lang.value if lang else None,
        [],
        fallback=settings_of.language or process.language or language,
        paths=[process_file],
    )
    if suggest or write:
        _links(
            process,
            process_file,
            log,
            language,
            write,
            0.5 if min_score is None else min_score,
            lambda: _read(log, case, activity, timestamp, resource, role, lifecycle, roles),
        )
        return
    try:
        result = compare(
            process,
            _read(log, case, activity, timestamp, resource, role, lifecycle, roles),
            settings_of.settings(cases=cases, seed=seed),
        )
        _emit(result.to_dict(), fmt, output, language)
    except ProcessmapError as err:
        raise _fail(err, language) from None
    except Exception as err:  # DuckDB or Arrow: our message, never a traceback
        raise _engine_failure(err, log, language) from None
    threshold = Severity(fail_on.value if fail_on else (settings_of.fail_on or "error"))
    if any(f.severity >= threshold for f in result.findings):
        raise typer.Exit(code=1)


def _check_links_options(
    suggest: bool,
    write: bool,
    min_score: Optional[float],
    output: Optional[Path],
    fmt: Optional[str],
    fail_on: Any,
    lang: str,
) -> None:
    """Options that would do nothing are refused (exit 2), not dropped without a word: ``--min-score`` without
    ``--suggest-links``/``--write-links``, and the report's ``--output``, ``--format`` and ``--fail-on`` with them
    (``--suggest-links -o links.md`` wrote no file, and said so nowhere)."""
    links = "--write-links" if write else "--suggest-links"
    if not (suggest or write):
        if min_score is not None:
            raise _fail(UsageError("loglinks.min_score_alone", "hint.loglinks.min_score_alone"), lang)
        return
    for option, value in (("--output", output), ("--format", fmt), ("--fail-on", fail_on)):
        if value is not None:
            raise _fail(UsageError("loglinks.no_report", "hint.loglinks.no_report", option=option, links=links), lang)


def _links(
    process: Any, process_file: Path, log: Path, language: str, write: bool, min_score: float, read: Any
) -> None:
    """``log compare --suggest-links`` / ``--write-links``: the suggestions shown, and written when asked."""
    from procesmap.eventlog import suggest_links, write_links  # lazy: keeps `procesmap --help` fast
    from procesmap.i18n import number, t  # lazy: keeps `procesmap --help` fast

    if not 0.0 <= min_score <= 1.0:
        raise _fail(UsageError("loglinks.bad_score", "hint.loglinks.bad_score", value=min_score), language)
    try:
        suggestions = suggest_links(process, read(), min_score=min_score)
    except ProcessmapError as err:
        raise _fail(err, language) from None
    except Exception as err:  # DuckDB or Arrow: our message, never a traceback
        raise _engine_failure(err, log, language) from None
    typer.echo(t("loglinks.title", language, count=len(suggestions), steps=len(process.steps)))
    for item in suggestions:
        typer.echo(
            t(
                "loglinks.line",
                language,
                step=item.step,
                activity=json.dumps(item.activity, ensure_ascii=False)[1:-1],  # as log: will hold it (a tab: \t)
                score=number(item.score, language, 2),
                name=number(item.name_score, language, 2),
                place=number(item.position_score, language, 2),
                cases=item.cases,
            )
        )
    if not write:
        if suggestions:
            typer.echo(t("loglinks.confirm", language, path=str(process_file)))
        return
    if not suggestions:
        return
    try:
        write_links(process_file, suggestions)
    except ProcessmapError as err:
        raise _fail(err, language) from None
    typer.echo(t("loglinks.written", language, count=len(suggestions), path=str(process_file)), err=True)


@log_app.command("discover")
def discover_command(
    log: Path = typer.Argument(
        ..., help="The event log: .xes, .xes.gz, .csv or .parquet.", show_default=False, readable=False
    ),
    output: Optional[Path] = typer.Option(
        None,
        "--output",
        "-o",
        help="Write the draft map here (atomically); else to the screen. An existing file needs --force.",
        parser=output_path,
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite --output if it exists."),
    coverage: float = typer.Option(
        0.8,
        "--coverage",
        help="Share of the cases the draft covers, by their variants, the most frequent first (0-1; 0.8 = 80%).",
    ),
    min_share: Optional[float] = typer.Option(
        None,
        "--min-activity-share",
        help="Leave out activities in fewer than this share of the cases (0-1; default 0.05 = 5%).",
        show_default=False,
    ),
    process_id: Optional[str] = typer.Option(
        None, "--id", help="The draft's process id (default: from the file name)."
    ),
    activities: Optional[float] = typer.Option(
        None,
        "--activities",
        help="Disco-style: keep the activities that are in at least this share of the cases the most frequent activity is in (0-1; e.g. 0.7); replaces --min-activity-share.",
    ),
    paths: Optional[float] = typer.Option(
        None,
        "--paths",
        help="Disco-style: keep the most frequent transitions until they hold this share of all (0-1; e.g. 0.5), and each step's main way in and out.",
    ),
    lang: Optional[Language] = _LANG,
    case: Optional[str] = _CASE,
    activity: Optional[str] = _ACTIVITY,
    timestamp: Optional[str] = _TIMESTAMP,
    resource: Optional[str] = _RESOURCE,
    role: Optional[str] = _ROLE,
    lifecycle: Optional[str] = _LIFECYCLE,
    roles: Optional[Path] = _ROLES,
) -> None:
    """Write a draft map (format 1) from a log: the most frequent behaviour, decisions, loops, waits and roles."""
    from procesmap.eventlog import check_discover_options, discover  # lazy: keeps `procesmap --help` fast
    from procesmap.i18n import t  # lazy: keeps `procesmap --help` fast

    _guard_output(output, [log, roles], _lang(lang))
    language = _run_lang(lang, [], [log])
    _refuse_existing(output, force, language)
    try:
        if (
            process_id is not None
        ):  # the id rule of `procesmap new`, before the log is read (was a problem in the draft)
            from procesmap.starter import _check_id  # lazy: keeps `procesmap --help` fast

            _check_id(process_id)
        check_discover_options(coverage, min_share, activities, paths)  # before the log is read
        text = discover(
            _read(log, case, activity, timestamp, resource, role, lifecycle, roles),
            coverage=coverage,
            min_activity_share=0.05 if min_share is None else min_share,
            process_id=process_id,
            lang=language,
            activities=activities,
            paths=paths,
        )
    except ProcessmapError as err:
        raise _fail(err, language) from None
    except Exception as err:  # DuckDB or Arrow: our message, never a traceback
        raise _engine_failure(err, log, language) from None
    if output is None:
        sys.stdout.write(text)
        return
    _write(output, text, language, overwrite=force, writes_map=True)
    typer.echo(t("logreport.written", language, path=str(output)), err=True)
