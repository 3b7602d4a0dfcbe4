"""Configuration: ``procesmap.toml`` or ``[tool.procesmap]`` in ``pyproject.toml``.

The shape (documented in ``docs/ci.md``)::

    extends = "recommended"        # or "all"
    language = "nl"
    fail_on = "error"              # error | warning | info
    zaaktypen = "catalogus.zip"    # the zaaksysteem's zaaktypen (PM7xx), relative to this file
    [simulation]
    cases = 10000
    seed = 0
    [rules]
    PM102 = "off"
    PM204 = "error"
    PM303 = { severity = "warning", threshold = 0.9 }
    PM302 = { share = 0.1 }

How a configuration is found: from the folder of each analysed file upwards
to the repository root (the first folder with ``.git``) or the filesystem
root; the nearest wins, and in one folder ``procesmap.toml`` beats a
``pyproject.toml`` that has a ``[tool.procesmap]`` table (a ``pyproject.toml``
without one is passed over). Precedence: command-line option > configuration
> the rules' defaults.

Every problem in a configuration is a :class:`~procesmap.errors.Problem` with
``file:line:column`` and a hint, like a problem in a process file (exit 2).
:mod:`tomllib` gives no positions, so :class:`procesmap._toml.KeyIndex` finds the line of a
key in the text itself: headers, dotted keys and inline tables, which is what
people write in these files.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from procesmap._toml import KeyIndex, too_deep, toml_position, toml_reason
from procesmap.errors import LoadError, Problem
from procesmap.reasons import os_reason
from procesmap._io import NotRegularFile, TooLarge, not_regular_problem, note_read, open_regular, read_limited
from procesmap.rules.registry import REGISTRY, SEVERITIES, OptionSpec, get_spec, specs
from procesmap.settings import MAX_CASES, Settings
from procesmap.i18n import Count, Key
import tomllib

__all__ = [
    "Config",
    "PRESETS",
    "META_RULES",
    "SEVERITIES",
    "find_config",
    "load_config",
    "parse_config",
    "config_for",
    "CONFIG_NAMES",
]

CONFIG_NAMES = ("procesmap.toml", "pyproject.toml")
#: Limits of a configuration file (docs/limits.md): its size, the nesting of arrays and inline tables
#: (``tomllib`` recurses per level), and how many unknown keys get a "did you mean" suggestion.
MAX_CONFIG_BYTES = 1024 * 1024
MAX_CONFIG_DEPTH = 20
MAX_SUGGESTIONS = 50
FAIL_ON = ("error", "warning", "info")
PRESETS = ("recommended", "all")
#: PM000/PM001, the findings about procesmap's own input: code -> (name, default severity). A view of the
#: registry (:mod:`procesmap.rules.registry`), where every code, these included, is configured from.
META_RULES: dict[str, tuple[str, str]] = {s.code: (s.name, s.default_severity.value) for s in specs("meta")}
_TOP_KEYS = ("extends", "language", "fail_on", "zaaktypen", "simulation", "rules")
_SIMULATION_KEYS = ("cases", "seed")


@dataclass(frozen=True)
class Config:
    """A configuration as read (or the defaults, with ``file=None``).

    ``severities`` and ``options`` are complete for the rules they mention and empty for the
    rest (the rules' defaults apply); :meth:`settings` turns them into analysis settings.
    """

    file: str | None = None
    extends: str = "recommended"
    language: str | None = None
    fail_on: str | None = None
    cases: int | None = None
    seed: int | None = None
    severities: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: the catalogue of zaaktypen (``zaaktypen = "..."``), as a path relative to the working directory
    zaaktypen: str | None = None

    def severity_of(self, code: str) -> str:
        """The severity (or ``off``) of a rule code under this configuration."""
        if code in self.severities:
            return self.severities[code]
        return preset_severities(self.extends).get(code, "off")

    def settings(self, cases: int | None = None, seed: int | None = None) -> Any:
        """:class:`~procesmap.analysis.Settings`; ``cases``/``seed`` given here (the command line) win."""
        codes = [s.code for s in specs("map", "zaaktype", "log")]
        return Settings(
            cases=cases if cases is not None else (self.cases if self.cases is not None else 10_000),
            seed=seed if seed is not None else (self.seed if self.seed is not None else 0),
            severities={code: self.severity_of(code) for code in codes},
            options={code: dict(values) for code, values in self.options.items() if code in codes},
        )


def preset_severities(name: str) -> dict[str, str]:
    """``recommended``: every rule at its default severity. ``all``: every rule on, none below warning."""
    levels = {code: spec.default_severity.value for code, spec in REGISTRY.items()}
    if name == "all":
        levels = {code: ("warning" if level == "info" else level) for code, level in levels.items()}
    return levels


# -- finding a configuration ---------------------------------------------------------------------


def _has_tool_table(path: Path) -> bool:
    try:
        with open_regular(path, record=False) as handle:  # never blocks on a FIFO; bounded
            text = handle.read(MAX_CONFIG_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return False
    return (
        re.search(r"^\s*\[\s*tool\s*\.\s*procesmap\s*[.\]]", text, re.MULTILINE) is not None
        or re.search(r"^\s*tool\s*\.\s*procesmap\s*[.=]", text, re.MULTILINE) is not None
    )


def find_config(start: str | os.PathLike[str]) -> Path | None:
    """The configuration file for ``start`` (a file or folder), or ``None``: see the module docs."""
    folder = Path(start).absolute()
    if not folder.is_dir():
        folder = folder.parent
    for current in (folder, *folder.parents):
        own = current / "procesmap.toml"
        if own.is_file():
            return own
        pyproject = current / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
        if (current / ".git").exists():
            return None
    return None


_CACHE: dict[tuple[str, float, int], Config] = {}


def config_for(file: str | os.PathLike[str], explicit: str | os.PathLike[str] | None = None) -> Config:
    """The configuration that applies to ``file`` (``explicit`` when given). Raises :class:`LoadError`."""
    path = Path(explicit) if explicit is not None else find_config(file)
    if path is None:
        return Config()
    return load_config(path)


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read and validate one configuration file. Raises :class:`LoadError` with every problem found."""
    from procesmap.loading import (  # lazy: the loader (pydantic's model) loads with the first file, not with this module
        decode,
    )

    file = Path(path)
    display = _display(file)
    try:
        stat = file.stat()
        key = (str(file.absolute()), stat.st_mtime, stat.st_size)
        if key in _CACHE:
            note_read(file)
            return _CACHE[key]
        if file.is_dir():
            raise LoadError.single(display, 1, 1, "load.is_directory", {"path": display}, "config.hint.name_file", {})
        data = read_limited(file, MAX_CONFIG_BYTES)  # a FIFO or /dev/zero is refused without blocking
    except FileNotFoundError:
        raise LoadError.single(display, 1, 1, "load.missing", {"path": display}, "config.hint.missing", {}) from None
    except NotRegularFile as err:
        raise LoadError([not_regular_problem(err, display)]) from None
    except TooLarge:
        raise LoadError.single(
            display,
            1,
            1,
            "limits.too_large",
            {"limit": Count(MAX_CONFIG_BYTES), "what": Key("limits.what.config")},
            "limits.hint.too_large",
            {},
        ) from None
    except OSError as err:
        raise LoadError.single(
            display, 1, 1, "load.unreadable", {"reason": os_reason(err)}, "hint.load.unreadable", {}
        ) from None
    text = decode(data, display, kind="config")  # a binary or non-UTF-8 file gets configuration hints
    table = ("tool", "procesmap") if file.name == "pyproject.toml" else ()
    config = parse_config(text, display, table)
    _CACHE[key] = config
    return config


def _display(file: Path) -> str:
    try:
        return os.path.relpath(file)
    except ValueError:  # another drive (Windows)
        return str(file)


def parse_config(text: str, file: str = "procesmap.toml", table: tuple[str, ...] = ()) -> Config:
    """Validate configuration text; ``table`` is where the settings live (``("tool", "procesmap")``)."""

    text = text.removeprefix("\ufeff")
    deep = too_deep(text, MAX_CONFIG_DEPTH)
    if deep is not None:
        raise LoadError.single(
            file, deep[0], deep[1], "load.too_deep", {"limit": MAX_CONFIG_DEPTH}, "limits.hint.config_depth", {}
        )
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line, column, reason = toml_position(str(err), text)
        raise LoadError.single(
            file, line, column, "config.syntax", {"reason": toml_reason(reason)}, "config.hint.syntax", {}
        ) from None
    except RecursionError:  # bounded above; kept so that no input ends in a traceback
        raise LoadError.single(
            file, 1, 1, "load.too_deep", {"limit": MAX_CONFIG_DEPTH}, "limits.hint.config_depth", {}
        ) from None
    data: Any = document
    for part in table:
        data = data.get(part, {}) if isinstance(data, dict) else {}
    return _Validator(file, text, table).run(data)


# -- validation ----------------------------------------------------------------------------------


def _suggest(value: str, choices: list[str]) -> str | None:
    found = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    if not found:
        found = difflib.get_close_matches(value.upper(), choices, n=1, cutoff=0.6)
    return found[0] if found else None


def _type_name(value: Any) -> str:
    """The TOML type of ``value`` in the message's language (``string`` is "tekst" in Dutch)."""
    if isinstance(value, bool):
        return _type_key("boolean")
    if isinstance(value, int):
        return _type_key("integer")
    if isinstance(value, float):
        return _type_key("number")
    if isinstance(value, str):
        return _type_key("string")
    if isinstance(value, dict):
        return _type_key("table")
    if isinstance(value, list):
        return _type_key("array")
    return type(value).__name__


def _type_key(name: str) -> str:
    """A TOML type's name as a catalogue key (``config.type.string``), shown in the message's language."""
    return Key(f"config.type.{name}") if name in TOML_TYPES else name


#: The TOML types a configuration message names (procesmap/i18n/ci.py has their names in Dutch and English)
TOML_TYPES = ("boolean", "integer", "number", "string", "table", "array")


class _Validator:
    def __init__(self, file: str, text: str, table: tuple[str, ...]):
        self.file = file
        self.table = table
        self.index = KeyIndex(text)
        self.problems: list[Problem] = []
        self.suggested = 0  # difflib per unknown key is slow: only the first MAX_SUGGESTIONS get one

    def suggest(self, value: str, choices: list[str]) -> str | None:
        self.suggested += 1
        return _suggest(value, choices) if self.suggested <= MAX_SUGGESTIONS else None

    def add(
        self, path: tuple[str, ...], message_key: str, hint_key: str | None, /, *, at_value: bool = False, **args: Any
    ) -> None:
        line, column = self.index.locate(self.table + path, value=at_value)
        self.problems.append(Problem(self.file, line, column, message_key, args, hint_key, dict(args)))

    def unknown(self, path: tuple[str, ...], name: str, choices: list[str], section: str | None) -> None:
        suggestion = self.suggest(name, choices)
        key = "config.unknown_key" if section else "config.unknown_top_key"
        if suggestion:
            self.add(path, key, "config.hint.did_you_mean", name=name, section=section, suggestion=suggestion)
        else:
            self.add(path, key, "config.hint.allowed_keys", name=name, section=section, allowed=", ".join(choices))

    def run(self, data: dict[str, Any]) -> Config:
        section = ".".join(self.table) or None
        if not isinstance(data, dict):
            self.add(
                (),
                "config.wrong_type",
                "config.hint.table",
                at_value=True,
                name=section,
                expected=_type_key("table"),
                found=_type_name(data),
            )
            raise LoadError(self.problems)
        extends = data.get("extends", "recommended")
        language = data.get("language")
        fail_on = data.get("fail_on")
        cases = seed = None
        severities: dict[str, str] = {}
        options: dict[str, dict[str, Any]] = {}
        for key in data:
            if key not in _TOP_KEYS:
                self.unknown((key,), key, list(_TOP_KEYS), section)
        if not isinstance(extends, str):
            self.add(
                ("extends",),
                "config.wrong_type",
                "config.hint.preset",
                at_value=True,
                name="extends",
                expected=_type_key("string"),
                found=_type_name(extends),
                allowed=", ".join(PRESETS),
            )
            extends = "recommended"
        elif extends not in PRESETS:
            self.choice(("extends",), "config.bad_preset", extends, list(PRESETS))
            extends = "recommended"
        if language is not None and language not in ("nl", "en"):
            self.choice(("language",), "config.bad_language", language, ["nl", "en"])
            language = None
        if fail_on is not None and fail_on not in FAIL_ON:
            self.choice(("fail_on",), "config.bad_fail_on", fail_on, list(FAIL_ON))
            fail_on = None
        simulation = data.get("simulation", {})
        if not isinstance(simulation, dict):
            self.add(
                ("simulation",),
                "config.wrong_type",
                "config.hint.table",
                at_value=True,
                name="simulation",
                expected=_type_key("table"),
                found=_type_name(simulation),
            )
        else:
            for key, value in simulation.items():
                if key not in _SIMULATION_KEYS:
                    self.unknown(("simulation", key), key, list(_SIMULATION_KEYS), "simulation")
                elif isinstance(value, bool) or not isinstance(value, int):
                    self.add(
                        ("simulation", key),
                        "config.wrong_type",
                        "config.hint.integer",
                        at_value=True,
                        name=f"simulation.{key}",
                        expected=_type_key("integer"),
                        found=_type_name(value),
                    )
                elif value < 0:
                    self.add(
                        ("simulation", key),
                        "config.negative",
                        "config.hint.integer",
                        at_value=True,
                        name=f"simulation.{key}",
                        found=repr(value),
                    )
                elif key == "cases" and value > MAX_CASES:
                    self.add(
                        ("simulation", key),
                        "config.too_many_cases",
                        "hint.settings.cases",
                        at_value=True,
                        name="simulation.cases",
                        found=repr(value),
                        limit=MAX_CASES,
                    )
                elif key == "cases":
                    cases = value
                else:
                    seed = value
        rules = data.get("rules", {})
        if not isinstance(rules, dict):
            self.add(
                ("rules",),
                "config.wrong_type",
                "config.hint.table",
                at_value=True,
                name="rules",
                expected=_type_key("table"),
                found=_type_name(rules),
            )
            rules = {}
        known = list(REGISTRY)
        names = [spec.name for spec in REGISTRY.values()]
        for key, value in self.once(rules).items():
            spec = get_spec(key)
            if spec is None:
                suggestion = self.suggest(key, known) or self.suggest(key, names)
                if suggestion:
                    self.add(
                        ("rules", key),
                        "config.unknown_rule",
                        "config.hint.did_you_mean",
                        name=key,
                        section="rules",
                        suggestion=suggestion,
                    )
                else:
                    self.add(("rules", key), "config.unknown_rule", "config.hint.rules_list", name=key)
                continue
            code = spec.code
            allowed = {o.name: o for o in spec.options}
            if isinstance(value, str):
                if self.severity(("rules", key), value):
                    severities[code] = value
            elif isinstance(value, dict):
                chosen: dict[str, Any] = {}
                for option, given in value.items():
                    path = ("rules", key, option)
                    if option == "severity":
                        if isinstance(given, str) and self.severity(path, given):
                            severities[code] = given
                        elif not isinstance(given, str):
                            self.add(
                                path,
                                "config.wrong_type",
                                "config.hint.severity",
                                at_value=True,
                                name=f"{key}.severity",
                                expected=_type_key("string"),
                                found=_type_name(given),
                            )
                    elif option not in allowed:
                        if allowed:
                            self.unknown(path, option, ["severity", *allowed], f"rules.{key}")
                        else:
                            self.add(path, "config.no_options", "config.hint.no_options", code=code, name=option)
                    elif self.option(path, f"{key}.{option}", given, allowed[option]):
                        chosen[option] = given
                if chosen:
                    options[code] = chosen
            else:
                self.add(
                    ("rules", key),
                    "config.wrong_type",
                    "config.hint.severity",
                    at_value=True,
                    name=key,
                    expected=_type_key("string"),
                    found=_type_name(value),
                )
        zaaktypen = data.get("zaaktypen")
        if zaaktypen is not None and (not isinstance(zaaktypen, str) or not zaaktypen.strip()):
            self.add(
                ("zaaktypen",),
                "config.wrong_type",
                "config.hint.zaaktypen",
                at_value=True,
                name="zaaktypen",
                expected=_type_key("string"),
                found=_type_name(zaaktypen),
            )
            zaaktypen = None
        elif zaaktypen is not None:
            zaaktypen = (
                os.path.join(os.path.dirname(self.file), zaaktypen) if not os.path.isabs(zaaktypen) else zaaktypen
            )
        if self.problems:
            raise LoadError(self.problems)
        return Config(self.file, extends, language, fail_on, cases, seed, severities, options, zaaktypen)

    def once(self, rules: dict[str, Any]) -> dict[str, Any]:
        """``rules`` without the entries that configure a rule a second time (``PM204`` and
        ``single-point-of-failure``, or ``PM204`` and ``pm204``): each of those is a problem at its place, with
        a hint naming the first. Which one "wins" would otherwise be the order of the file, silently."""
        first: dict[str, tuple[tuple[int, int], str]] = {}  # code -> (place, key) of its first entry
        for key in rules:
            spec = get_spec(key)
            if spec is None:
                continue
            place = self.index.locate(self.table + ("rules", key))
            if spec.code not in first or place < first[spec.code][0]:
                first[spec.code] = (place, key)
        kept: dict[str, Any] = {}
        for key, value in rules.items():
            spec = get_spec(key)
            if spec is not None and first[spec.code][1] != key:
                (line, column), earlier = first[spec.code]
                self.add(
                    ("rules", key),
                    "config.rule_twice",
                    "hint.config.rule_twice",
                    name=key,
                    code=spec.code,
                    first=earlier,
                    line=line,
                    column=column,
                )
                continue
            kept[key] = value
        return kept

    def choice(self, path: tuple[str, ...], key: str, value: Any, allowed: list[str]) -> None:
        suggestion = self.suggest(str(value), allowed) if isinstance(value, str) else None
        if suggestion:
            self.add(
                path,
                key,
                "config.hint.did_you_mean_value",
                at_value=True,
                found=repr(value),
                suggestion=suggestion,
                allowed=", ".join(allowed),
            )
        else:
            self.add(
                path, key, "config.hint.allowed_values", at_value=True, found=repr(value), allowed=", ".join(allowed)
            )

    def severity(self, path: tuple[str, ...], value: str) -> bool:
        if value in SEVERITIES:
            return True
        self.choice(path, "config.bad_severity", value, list(SEVERITIES))
        return False

    def option(self, path: tuple[str, ...], name: str, value: Any, spec: OptionSpec) -> bool:
        """``value`` against the option's schema (the registry's :class:`OptionSpec`)."""
        if not spec.accepts(value):
            self.add(
                path,
                "config.wrong_type",
                "config.hint.option_default",
                at_value=True,
                name=name,
                expected=_type_key(spec.kind),
                found=_type_name(value),
                default=repr(spec.default),
            )
            return False
        if not spec.in_range(value):
            self.add(
                path,
                "config.bad_number",
                "config.hint.option_default",
                at_value=True,
                name=name,
                found=repr(value),
                default=repr(spec.default),
            )
            return False
        return True
