"""YAML text from a file and the places in it: bytes -> text (UTF-8 only), 1-based line and column
of a byte or a character as YAML counts them, and a PyYAML error as a problem at its place (a tab
where it is the cause). The first step of :mod:`procesmap.loading`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from procesmap._collect import Collector as _Collector
from procesmap._io import NotRegularFile, TooLarge, not_regular_problem, read_limited
from procesmap.errors import Problem
from procesmap.i18n import Count, Message
from procesmap.reasons import os_reason, yaml_detail

__all__ = ["MAX_BYTES", "decode"]

#: The largest YAML file procesmap reads (docs/format.md, 'Limits of the loader'): bounds the memory of one
#: load; a generated 10,000-step map is 2.6 MB.
MAX_BYTES = 32 * 1024 * 1024


def _yaml() -> Any:
    import yaml  # lazy: PyYAML loads with the first file read, not with the CLI

    return yaml


def _loader_class() -> Any:
    yaml = _yaml()
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _mark(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def _read_text(path: Path, display: str) -> str:
    out = _Collector(display)
    try:
        exists = path.exists()
    except (OSError, ValueError) as err:  # a NUL byte or an over-long name in the path
        out.add((1, 1), "load.unreadable", "hint.load.unreadable", reason=os_reason(err))
        raise out.fail() from None
    if not exists:
        out.add((1, 1), "load.missing", "hint.load.missing", path=display)
        raise out.fail()
    if path.is_dir():
        out.add((1, 1), "load.is_directory", "hint.load.is_directory", path=display)
        raise out.fail()

    try:
        data = read_limited(path, MAX_BYTES)  # a FIFO or a device (/dev/zero) is refused without blocking
    except NotRegularFile as err:
        out.problems.append(not_regular_problem(err, display))
        raise out.fail() from None
    except TooLarge as err:
        size = Count(err.size) if err.size is not None else Message("text.more_than", count=Count(MAX_BYTES))
        out.add((1, 1), "load.too_large", "hint.load.too_large", size=size, limit=Count(MAX_BYTES))
        raise out.fail() from None
    except OSError as err:
        out.add((1, 1), "load.unreadable", "hint.load.unreadable", reason=os_reason(err))
        raise out.fail() from None
    return decode(data, display)


#: the messages of :func:`decode` per kind of file: (binary, its hint, not UTF-8, its hint)
_DECODE_KEYS = {
    "process": ("load.binary", "hint.load.binary", "load.encoding", "hint.load.encoding"),
    "config": ("config.binary", "config.hint.binary", "load.encoding", "config.hint.encoding"),
}


def decode(data: bytes, display: str, kind: str = "process") -> str:
    """Bytes -> text; UTF-8 (with or without BOM) only.

    ``kind`` names what the file should be, for the message: ``"process"`` (a process map or a
    shared organisation file) or ``"config"`` (``procesmap.toml``, ``pyproject.toml``).
    """
    binary, binary_hint, encoding, encoding_hint = _DECODE_KEYS.get(kind, _DECODE_KEYS["process"])
    out = _Collector(display)
    if b"\x00" in data:
        offset = data.index(b"\x00")
        out.add(_byte_position(data, offset), binary, binary_hint)
        raise out.fail()
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as err:  # err.start counts from after the BOM
        offset = bom + err.start
        out.add(_byte_position(data, offset), encoding, encoding_hint, byte=f"0x{data[offset]:02x}")
        raise out.fail() from None
    return text


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, as editors and YAML marks count) of byte ``offset``.

    Everything before ``offset`` is valid UTF-8 (it is the first bad byte, or the first NUL).
    A BOM is not counted: the loader drops it before YAML sees the text.
    """
    start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    if start == 0 and data.startswith(b"\xef\xbb\xbf") and offset >= 3:
        start = 3
    column = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return (line, column)


_BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # the line breaks of YAML (and of its marks)


def _lines(text: str) -> list[str]:
    return _BREAKS.split(text)


def _text_position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of character ``index``, counting lines the way YAML does."""
    line, start = 1, 0
    for match in _BREAKS.finditer(text, 0, max(index, 0)):
        if match.end() > index:
            break
        line, start = line + 1, match.end()
    return (line, index - start + 1)


def _tab_at(text: str, line: int, column: int) -> tuple[int, int] | None:
    """Where a YAML error is caused by a tab: one in the indentation of its line, or right at it."""
    lines = _lines(text)
    if not 1 <= line <= len(lines):
        return None
    current = lines[line - 1]
    indent = current[: len(current) - len(current.lstrip(" \t"))]
    if "\t" in indent:
        return (line, indent.index("\t") + 1)
    if current[column - 1 : column] == "\t":
        return (line, column)
    return None


def _yaml_problem(err: Any, text: str, out: _Collector) -> None:
    """A PyYAML error as a problem: a tab where it is the cause, else what PyYAML found, translated."""

    yaml = _yaml()
    found = yaml_detail(err, text)
    position = found.position
    if isinstance(err, yaml.reader.ReaderError):
        # no mark; ``position`` counts bytes in libyaml and characters in the Python reader,
        # so find the first occurrence of the refused character itself
        character = err.character if isinstance(err.character, int) else None
        index = text.find(chr(character)) if character is not None and 0 <= character < 0x110000 else -1
        if index < 0 and isinstance(err.position, int):
            index = min(err.position, len(text))
        position = _text_position(text, max(index, 0))
    else:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        tab = _tab_at(text, *(_mark(mark) if mark is not None else position))
        if tab is not None:
            out.add(tab, "load.tab", "hint.load.tab")
            return
    hint_args = dict(found.hint_args)
    out.problems.append(
        Problem(out.file, position[0], position[1], "load.yaml", {"detail": found.detail}, found.hint_key, hint_args)
    )
