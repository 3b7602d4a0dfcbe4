"""The command line: the application, the helpers its commands share, and their registration.

Each command is a few lines over the public API (:mod:`procesmap`, :mod:`procesmap.api`) in a module of
:mod:`procesmap.commands` (``analyse`` in ``commands/analyse.py``, ...), registered the same way.

Heavy libraries (numpy, pandas, networkx, matplotlib) are imported inside the
commands that need them, so ``procesmap --help`` starts fast.
"""

from __future__ import annotations

import gc
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence
import importlib
import pkgutil

import typer

from procesmap._language import default_language, with_decimal_point
from procesmap.errors import ProcessmapError, UsageError
from procesmap.reasons import os_reason
from procesmap._version import __version__
import procesmap.commands as package

app = typer.Typer(
    name="procesmap",
    help="Turn process maps from workshops into findings: handovers, ownership, waits and capacity.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Language(str, Enum):
    nl = "nl"
    en = "en"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class Paper(str, Enum):
    a3 = "a3"
    a4 = "a4"


def _lang(explicit: Optional[Language]) -> str:
    return default_language(explicit.value if explicit else None)


def _fail(error: ProcessmapError, lang: str) -> "typer.Exit":
    message = error.format(lang) if hasattr(error, "format") else str(error)
    typer.echo(message, err=True)
    return typer.Exit(code=2)


def _run_lang(
    explicit: Optional[Language],
    results: Sequence[object] = (),
    paths: Sequence[object] = (),
    config: Optional[Path] = None,
) -> str:
    """The language of a run's messages once files are read (load errors, reports, write errors): ``--lang``,
    ``PROCESMAP_LANG``, the configuration's ``language`` (``config``, a command's ``--config``, else the one
    found for the first path), the first loaded process's ``language``, the locale, English (docs/format.md,
    'Messages and language'). Before any file is read, :func:`_lang` (no configuration)."""
    from procesmap.api import report_language  # lazy: keeps `procesmap --help` fast

    return report_language(explicit.value if explicit else None, results, _lang(None), paths, config=config)  # type: ignore[arg-type]


def _check_simulation(cases: Optional[int], seed: Optional[int], lang: str) -> None:
    """``--cases`` 0..MAX_CASES and ``--seed`` 0 or more (the library's check, with the option names), and the
    simulation loop asked for in ``PROCESMAP_SIMULATION_KERNEL``."""
    from procesmap.analysis import check_simulation  # lazy: keeps `procesmap --help` fast
    from procesmap.analysis.simulation import check_kernel_setting  # lazy: keeps `procesmap --help` fast

    try:
        check_simulation(cases, seed, cases_name="--cases", seed_name="--seed")
        check_kernel_setting()
    except UsageError as err:
        raise _fail(err, lang) from None


class _FolderMeant(type(Path())):  # type: ignore[misc]
    """An ``--output`` typed with a final ``/``: a folder was meant. ``Path`` drops that ``/``, and the report
    became a file of the folder's name (``diagram -f drawio x.yaml -o kaarten/`` wrote the file ``kaarten``)."""


def output_path(raw: str) -> Path:
    """The parser of ``--output``: the path, remembering a final ``/`` (:class:`_FolderMeant`) for
    :func:`_guard_output`, which refuses it when no such folder exists."""
    if len(raw) > 1 and raw.endswith(("/", os.sep)):
        return _FolderMeant(raw)
    return Path(raw)


def _guard_output(output: Optional[Path], inputs: Iterable[object], lang: str) -> None:
    """Refuse an ``--output`` that is one of the inputs (also a file found in an input folder, and every file
    read so far: :func:`procesmap._io.output_clash`): the report would replace the map. Every command with
    inputs and ``--output`` calls this before it reads anything, and :func:`_write` again before it writes,
    when the files read indirectly (shared organisation files, subprocess maps, configuration, roles) are known."""
    if output is None:
        return
    if isinstance(output, _FolderMeant) and not output.is_dir():  # `-o rapporten/`: a folder that is not there
        raise _fail(
            UsageError(
                "cli.output_no_folder",
                "hint.cli.output_no_folder",
                path=os.path.join(output, ""),
            ),
            lang,
        )
    from procesmap._io import output_clash  # lazy: keeps `procesmap --help` fast

    clash = output_clash(output, [p for p in inputs if p is not None])  # type: ignore[misc]
    if clash is not None:
        raise _fail(UsageError("cli.output_is_input", "hint.cli.output_is_input", path=str(output), input=clash), lang)


def _refuse_existing(output: Optional[Path], force: bool, lang: str) -> None:
    """Commands that write a draft (``import bpmn``, ``log discover``): an existing ``--output`` needs ``--force``;
    ``--force`` without ``--output`` has nothing to overwrite (the draft goes to the screen): a usage error, not
    silently ignored."""
    if force and output is None:
        raise _fail(UsageError("cli.force_without_output", "hint.cli.force_without_output"), lang)
    if output is not None and not force and (output.exists() or output.is_symlink()):
        raise _fail(UsageError("cli.output_exists", "hint.cli.output_exists", path=str(output)), lang)


def _output_format(output: Optional[Path], supported: Sequence[str], default: str = "terminal") -> str:
    """The format an ``--output`` suffix names (``.md`` markdown, ``.json`` json, ``.html`` html, ...) when the
    command supports it, else ``default``."""
    from procesmap.render import SUFFIXES  # lazy: keeps `procesmap --help` fast

    if output is None:
        return default
    chosen = SUFFIXES.get(output.suffix.lower())
    return chosen if chosen is not None and chosen in supported else default


def _write(path: Path, text: str | bytes, lang: str, *, overwrite: bool = True, writes_map: bool = False) -> None:
    """The one way commands write ``--output``: atomically; a missing folder, a folder as target or no
    permission is a message with a hint (exit 2). ``overwrite=False`` never replaces an existing file. A process
    map is replaced only by a map (``writes_map``: a draft of ``import`` or ``log discover`` with ``--force``):
    ``analyse a.yaml -o b.yaml`` would put a report where the map ``b.yaml`` was."""
    from procesmap._io import is_process_map, write_atomic  # lazy: keeps `procesmap --help` fast

    _guard_output(path, (), lang)  # every file this run has read, however it was found
    if not writes_map and is_process_map(path):
        raise _fail(UsageError("cli.output_is_map", "hint.cli.output_is_map", path=str(path)), lang)
    try:
        write_atomic(path, text, overwrite=overwrite)
    except FileExistsError:
        raise _fail(UsageError("cli.output_exists", "hint.cli.output_exists", path=str(path)), lang) from None
    except OSError as err:
        hint = "hint.cli.output_folder" if path.is_dir() else "hint.cli.write_failed"  # a folder exists: name a file
        raise _fail(UsageError("cli.write_failed", hint, path=str(path), reason=os_reason(err)), lang) from None


@app.callback(invoke_without_command=True)
def _main(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", help="Show the version and exit.", is_eager=True),
) -> None:
    """procesmap: process maps from workshops, turned into findings."""
    from procesmap._io import begin_reads  # lazy: keeps `procesmap --help` fast

    end_reads = begin_reads()  # a fresh record of the files this command reads: --output is never one of them
    ctx.call_on_close(end_reads)
    if version:
        typer.echo(f"procesmap {__version__}")
        raise typer.Exit()


#: Command modules listed first (``procesmap --help`` shows the commands in the order they register);
#: every other module of procesmap/commands/ follows in name order.
_FIRST = ("analyse", "rules", "schema")


def _register_commands() -> None:
    """Import every command module of ``procesmap/commands/``: each registers its commands on ``app`` (or on a
    group of :mod:`procesmap.commands`) with ``@app.command("name")``, the one way commands are registered."""

    names = [info.name for info in pkgutil.iter_modules(package.__path__) if not info.name.startswith("_")]
    for name in [*_FIRST, *sorted(n for n in names if n not in _FIRST)]:
        importlib.import_module(f"procesmap.commands.{name}")


#: What ``--help`` shows after an option that takes a value, by the option's name (typer would show the Python
#: type: ``--set <list[str]>``, ``--seed <int>``); options with a fixed set of values keep the list (``<nl|en>``).
OPTION_METAVARS = {
    "--format": "FORMAT",
    "--output": "FILE",
    "--config": "FILE",
    "--zaaktype": "FILE",
    "--roles": "FILE",
    "--seed": "N",
    "--cases": "N",
    "--top": "N",
    "--dpi": "DPI",
    "--port": "PORT",
    "--host": "ADDRESS",
    "--set": "KEY=VALUE",
    "--from": "REV",
    "--to": "REV",
    "--catalogus": "URL",
    "--date": "YYYY-MM-DD",
    "--id": "ID",
    "--min-score": "SCORE",
    **{f"--{share}": "SHARE" for share in ("coverage", "min-activity-share", "activities", "paths")},
    **{f"--{column}": "COLUMN" for column in ("case", "activity", "timestamp", "resource", "role", "lifecycle")},
}
#: The same by the Python type, for an option not named above.
_TYPE_METAVARS = {int: "N", float: "NUMBER", str: "TEXT", Path: "PATH"}


def _groups(
    group: "typer.Typer", registered: Optional["typer.models.TyperInfo"] = None
) -> Iterator[tuple["typer.Typer", Optional["typer.models.TyperInfo"]]]:
    """The one walk over the command tree: ``group`` and every group under it (``log``, ``export``, ``import``), each
    with the entry its parent registered it by (``add_typer``'s name and help; None for ``group`` itself), a group
    before its sub-groups. :func:`_name_metavars` and :func:`_translate_help` both walk with it."""
    yield group, registered
    for sub in group.registered_groups:
        if sub.typer_instance is not None:
            yield from _groups(sub.typer_instance, sub)


def _name_metavars(root: "typer.Typer") -> None:
    """Give every option of every command a metavar a user reads (``--seed N``, ``--set KEY=VALUE``)."""
    import inspect  # lazy: only at start-up, once
    import typing  # lazy: only at start-up, once

    for group, _ in _groups(root):
        for command in group.registered_commands:
            callback = command.callback
            if callback is None:
                continue
            hints = typing.get_type_hints(callback)
            for name, parameter in inspect.signature(callback).parameters.items():
                info = parameter.default
                if isinstance(info, typer.models.ArgumentInfo) and info.metavar is None:
                    info.metavar = name.upper()  # the usage line: procesmap analyse [OPTIONS] {PATHS}...
                    continue
                if not isinstance(info, typer.models.OptionInfo) or info.metavar is not None:
                    continue
                kind = hints.get(name)
                for inner in typing.get_args(kind) or (kind,):  # Optional[X], List[X]
                    if inner is not type(None):
                        kind = inner
                        break
                if isinstance(kind, type) and issubclass(kind, (Enum, bool)):
                    continue  # the choices (<nl|en>), or a flag without a value
                declared = [d for d in info.param_decls or () if d.startswith("--")]
                metavar = OPTION_METAVARS.get(declared[0]) if declared else None
                info.metavar = metavar or _TYPE_METAVARS.get(kind, "VALUE")  # type: ignore[arg-type]


def _label(text: str) -> str:
    """A label typer or click writes itself ("Usage: ", "Options", "required", ...) in Dutch."""
    from procesmap.i18n.cli_help import HELP_LABELS_NL  # lazy: only when help is printed in Dutch

    return HELP_LABELS_NL.get(text, text)


class _DutchFormatter(typer.Context.formatter_class):  # type: ignore[misc,valid-type]
    """click's help formatter with the labels typer and click write themselves in Dutch, through the formatter's
    public methods: the usage line, the section headings, the notes after an option's help (``[default: a3]``)."""

    def write_usage(self, prog: str, args: str = "", prefix: Optional[str] = None) -> None:
        super().write_usage(prog, args, _label("Usage: ") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(_label(heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, _dutch_notes(text)) for term, text in rows], col_max, col_spacing)


#: The notes typer writes after an option's help, in brackets: ``  [default: a3; required]``.
_NOTES = r"(?:\A|(?<=  ))\[(?P<notes>[^\[\]\n]*)\]\Z"


def _dutch_notes(text: str) -> str:
    """``Paper.  [default: a3]`` -> ``Paper.  [standaard: a3]``, ``[required]`` -> ``[verplicht]``; a value stays."""
    match = re.search(_NOTES, text)
    if match is None:
        return text
    notes = []
    for note in match["notes"].split("; "):
        if note == "required":
            note = _label(note)
        elif note.startswith("default: "):
            note = _label("default: ") + note[len("default: ") :]
        notes.append(note)
    return text[: match.start("notes")] + "; ".join(notes) + text[match.end("notes") :]


class _DutchContext(typer.Context):
    formatter_class = _DutchFormatter


class _DutchCommand(typer.core.TyperCommand):
    """A command whose help shows typer's labels in Dutch (its context's formatter, the ``--help`` option's help)."""

    context_class = _DutchContext

    def get_help_option(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        return _dutch_help_option(super().get_help_option(ctx))


class _DutchGroup(typer.core.TyperGroup):
    """A group (``procesmap``, ``log``, ``export``, ``import``) whose help shows typer's labels in Dutch."""

    context_class = _DutchContext

    def get_help_option(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        return _dutch_help_option(super().get_help_option(ctx))


def _dutch_help_option(option: Any) -> Any:
    """``--help``'s own help ("Show this message and exit.") in Dutch."""
    if option is not None and isinstance(option.help, str):
        option.help = _label(option.help)
    return option


def _default_group_class(cls: Any) -> bool:
    """Whether a group's ``cls`` is typer's default (not set, or :class:`typer.core.TyperGroup`)."""
    if isinstance(cls, typer.models.DefaultPlaceholder):
        cls = cls.value
    return cls in (None, typer.core.TyperGroup)


def _translate_help(root: "typer.Typer", texts: dict[str, str]) -> None:
    """Replace every help text of ``root`` by its entry in ``texts`` (English -> Dutch: procesmap/i18n/cli_help.py):
    the group's help, each command's help or docstring, each option's and argument's ``help=``, in its sub-groups
    too (``log``, ``export``, ``import``: the help they were registered with, and their own); and show typer's
    labels in Dutch (:class:`_DutchCommand`, :class:`_DutchGroup`). A text without an entry stays English (a test
    sees that none is missing)."""
    import inspect  # lazy: only at start-up, once

    def translate(info: Any, *fields: str) -> None:
        for field in fields:
            text = getattr(info, field, None)
            if isinstance(text, str):
                setattr(info, field, texts.get(inspect.cleandoc(text), text))

    def translate_parameters(callback: Any) -> None:
        for parameter in inspect.signature(callback).parameters.values():
            if isinstance(parameter.default, typer.models.ParameterInfo):
                translate(parameter.default, "help")

    for group, registered in _groups(root):
        if registered is not None:
            # what typer shows: add_typer's help=, else the group's, else a docstring
            registered.help = typer.main.solve_typer_info_help(registered)
            translate(registered, "help", "short_help", "epilog")
            if _default_group_class(registered.cls) and _default_group_class(group.info.cls):
                registered.cls = _DutchGroup
        translate(group.info, "help", "short_help", "epilog")
        if _default_group_class(group.info.cls):
            group.info.cls = _DutchGroup
        if group.registered_callback is not None:
            translate(group.registered_callback, "help", "short_help", "epilog")
            if group.registered_callback.callback is not None:
                translate_parameters(group.registered_callback.callback)
        for command in group.registered_commands:
            if command.callback is None:
                continue
            if command.help is None:  # typer's help is then the docstring
                command.help = inspect.getdoc(command.callback)
            translate(command, "help", "short_help", "epilog")
            if command.cls in (None, typer.core.TyperCommand):  # typer's default; a command's own class stays
                command.cls = _DutchCommand
            translate_parameters(command.callback)


def _help_in_language() -> None:
    """``--help`` in Dutch when the environment asks for Dutch (``PROCESMAP_LANG``, else the locale): help is
    printed before ``--lang`` is read, so the environment decides."""
    if _lang(None) != "nl":
        return
    from procesmap.i18n.cli_help import HELP_NL  # lazy: only for Dutch

    _translate_help(app, HELP_NL)


_register_commands()
_name_metavars(app)
_help_in_language()


def main() -> None:
    """Entry point: never a traceback for a user's input, and a command line typer cannot read is a message in
    the user's language with a hint (:func:`usage_error`), exit 2, as a bad file is.

    The command runs without Python's cyclic garbage collector (:func:`collector_off`; ``serve``, which runs for
    hours, turns it on again)."""
    with collector_off():
        _run()


def _run() -> None:
    from typer._click.exceptions import NoArgsIsHelpError  # lazy: the entry point only
    from typer._click.exceptions import UsageError as CommandLineError  # lazy: the entry point only

    try:
        code = app(standalone_mode=False, prog_name="procesmap")
    except NoArgsIsHelpError as err:  # `procesmap` or a group alone: its help, as typer does
        err.show()
        sys.exit(err.exit_code)
    except CommandLineError as err:
        typer.echo(usage_error(err, sys.argv[1:]).format(_lang(None)), err=True)
        sys.exit(2)
    except typer.Abort:
        typer.echo("Aborted!", err=True)
        sys.exit(1)
    except ProcessmapError as err:
        typer.echo(err.format(_lang(None)) if hasattr(err, "format") else str(err), err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)


@contextmanager
def collector_off() -> Iterator[None]:
    """Python's cyclic garbage collector off for one command, on again after it (if it was on).

    Why: a command is a short process that frees its memory at exit, and the collector, which walks every object
    the imports (pydantic, typer, numpy) and the analysis made, took 0.09 s of the 0.79 s of CPU of ``procesmap
    analyse processes/`` (measured, benchmarks/bench_startup.py). Reference counting still frees all but cycles:
    the largest inputs measured (a 2,000-step map, the Road Traffic Fines log) peak at 0-9% more memory."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def usage_error(err: Any, args: Sequence[str]) -> UsageError:
    """typer's error about the command line (``err``, a click ``UsageError``) as procesmap's own message: what was
    wrong, in the catalogue's words, and the command's ``--help`` as the hint (or a spelling it meant)."""
    import difflib  # lazy: only for a command line typer could not read

    context = getattr(err, "ctx", None)
    command = context.command_path if context is not None else _command_path(args)
    helped = {"hint_key": "hint.usage.help", "command": command}
    kind = type(err).__name__
    message = str(getattr(err, "message", "") or "")
    param = getattr(err, "param", None)
    if kind == "NoSuchOption":
        option = str(err.option_name)
        params = context.command.params if context is not None else []
        choices = [o for p in params for o in p.opts if o[:1] == "-"]
        close = difflib.get_close_matches(option, choices, n=1, cutoff=0.6)
        if close:
            return UsageError(
                "usage.unknown_option", "hint.usage.did_you_mean", command=command, option=option, suggestion=close[0]
            )
        return UsageError("usage.unknown_option", option=option, **helped)
    if kind == "MissingParameter" and param is not None:
        name = param.metavar or param.name.upper() if param.param_type_name == "argument" else param.opts[0]
        return UsageError("usage.missing_argument", name=name, **helped)
    if kind == "BadOptionUsage" and "requires an argument" in message:
        return UsageError("usage.needs_value", option=str(err.option_name), **helped)
    if kind == "BadParameter" and param is not None and param.param_type_name == "option":
        option = str(param.opts[0])
        value = _given(args, param.opts)
        kind_of = _value_type(param)
        if isinstance(kind_of, type) and issubclass(kind_of, Enum):
            allowed = ", ".join(str(member.value) for member in kind_of)
            return UsageError("usage.choice", option=option, value=value, choices=allowed, **helped)
        if kind_of is int:
            return UsageError("usage.whole_number", option=option, value=value, **helped)
        if kind_of is float:
            example = with_decimal_point(value)
            if example is not None:
                return UsageError(
                    "usage.number",
                    "hint.usage.decimal_point",
                    command=command,
                    option=option,
                    value=value,
                    example=example,
                )
            return UsageError("usage.number", option=option, value=value, **helped)
    unknown = re.fullmatch(r"No such command '(.+?)'\.(?: Did you mean '(.+?)'\?)?", message)
    if unknown:
        if unknown.group(2):
            return UsageError(
                "usage.unknown_command",
                "hint.usage.did_you_mean",
                command=command,
                name=unknown.group(1),
                suggestion=unknown.group(2),
            )
        return UsageError("usage.unknown_command", name=unknown.group(1), **helped)
    extra = re.fullmatch(r"Got unexpected extra arguments?(?:\(s\))? \((.+)\)", message)
    if extra:
        return UsageError("usage.extra_argument", value=extra.group(1), **helped)
    return UsageError("usage.other", detail=message or kind, **helped)


def _command_path(args: Sequence[str]) -> str:
    """``procesmap log discover`` from the words of the command line that name a command or group."""
    from typer.main import get_command  # lazy: only for a command line typer could not read

    path, group = ["procesmap"], get_command(app)
    for arg in args:
        commands = getattr(group, "commands", None)
        if not commands or arg not in commands:
            break
        path.append(arg)
        group = commands[arg]
    return " ".join(path)


def _value_type(param: Any) -> Any:
    """The type an option's value has in its command (``int`` for ``Optional[int]``), or None when unknown."""
    import typing  # lazy: only for a command line typer could not read

    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    inner = [a for a in typing.get_args(annotation) if a is not type(None)]
    return inner[0] if len(inner) == 1 else annotation


def _given(args: Sequence[str], options: Sequence[str]) -> str:
    """The value typed after one of ``options`` (``--cases veel`` or ``--cases=veel``), the last one given."""
    value = ""
    for index, arg in enumerate(args):
        for option in options:
            if arg == option and index + 1 < len(args):
                value = args[index + 1]
            elif arg.startswith(option + "="):
                value = arg[len(option) + 1 :]
    return value
