"""What a library or the operating system said in English, put into a message in the user's language.

- :func:`os_reason` for an :class:`OSError` (``reason=os_reason(err)``, not ``err.strerror``);
  the catalogue itself translates a bare ``err.strerror`` (:func:`procesmap.i18n.translate_strerror`);
- :func:`yaml_detail` for a PyYAML error (its ``problem`` and ``context``);
- :func:`not_utf8` for a text file that is not UTF-8 (``UnicodeDecodeError``).

Split from :mod:`procesmap.errors` (the exceptions): this module builds messages, that one carries them.
"""

from __future__ import annotations

import ast
import errno as _errno
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from procesmap.errors import UsageError
import codecs

__all__ = ["os_reason", "YamlDetail", "yaml_detail", "not_utf8", "utf8_error_at"]


# -- what the operating system said -------------------------------------------------------------


def os_reason(err: BaseException) -> Any:
    """The reason of an :class:`OSError` as a message in the user's language: ``reason=os_reason(err)``.

    The common errors (:data:`OS_ERRORS`) have a Dutch and an English text; any other keeps the
    system's own (English) text, in Dutch marked as such.
    """
    from procesmap.i18n import (  # lazy: the catalogue loads when a message is made, not with `procesmap --help`
        OS_ERRORS,
        Message,
    )

    key = getattr(err, "message_key", None)  # procesmap._io.NotWritable: our own reason
    if isinstance(key, str):
        return Message(key)
    code = getattr(err, "errno", None)
    name = _errno.errorcode.get(code) if isinstance(code, int) else None
    if name in OS_ERRORS:
        return Message("os.error." + name)
    text = getattr(err, "strerror", None) or str(err) or type(err).__name__
    return Message("os.error.other", text=text)


# -- what PyYAML said ------------------------------------------------------------------------------


@dataclass(frozen=True)
class YamlDetail:
    """A PyYAML error as a message: ``detail`` for ``load.yaml``, its hint and its 1-based position."""

    detail: Any
    hint_key: str
    hint_args: dict[str, Any]
    position: tuple[int, int]


# (pattern over the problem text of libyaml or of the pure-Python parser, catalogue key, hint)
_YAML_PROBLEMS: tuple[tuple[str, str, str], ...] = (
    (r"did not find expected '-' indicator", "list_item", "hint.yaml.indent"),
    (r"did not find expected key", "key", "hint.yaml.indent"),
    (r"expected <block end>", "block_end", "hint.yaml.indent"),
    (r"mapping values are not allowed", "mapping_values", "hint.yaml.colon"),
    (r"mapping keys are not allowed", "mapping_keys", "hint.yaml.indent"),
    (r"sequence entries are not allowed", "list_not_allowed", "hint.yaml.indent"),
    (r"could not find expected ':'", "no_colon", "hint.yaml.indent"),
    (r"found character .*that cannot start any token", "bad_start", "hint.yaml.start_character"),
    (r"found a tab character", "tab", "hint.load.tab"),
    (r"found unexpected end of stream", "end_in_quote", "hint.yaml.quote"),
    (r"found unexpected document (separator|indicator)", "document_in_quote", "hint.yaml.quote"),
    (r"found undefined alias", "undefined_alias", "hint.yaml.alias"),
    (r"second occurrence", "duplicate_anchor", "hint.yaml.anchor"),
    (r"expected ',' or '\}'", "flow_mapping", "hint.yaml.quote"),
    (r"expected ',' or '\]'", "flow_sequence", "hint.yaml.quote"),
    (r"found unknown escape character", "escape", "hint.yaml.escape"),
    (r"node content", "node_content", "hint.yaml.generic"),
    (r"alphabetic or numeric character", "anchor_name", "hint.yaml.alias"),
    (r"undefined tag handle", "tag_handle", "hint.load.tag"),
    (r"indentation indicator", "block_indicator", "hint.yaml.generic"),
    (r"expected a comment or a line break", "comment_or_break", "hint.yaml.generic"),
    (r"incompatible YAML document", "version", "hint.yaml.generic"),
    (r"<document start>", "document_start", "hint.load.many_documents"),
)
# (pattern over the context text, catalogue key); a context without a key is left out
_YAML_CONTEXTS: tuple[tuple[str, str], ...] = (
    (r"block collection|block sequence", "list"),
    (r"block mapping", "mapping"),
    (r"flow mapping", "flow_mapping"),
    (r"flow sequence", "flow_sequence"),
    (r"quoted scalar", "quoted"),
    (r"simple key", "key"),
    (r"plain scalar", "text"),
    (r"block scalar", "block_text"),
)
#: problems found at the start of what they are about: the place to report is the context's
_AT_CONTEXT = {"no_colon", "end_in_quote"}
_NAME = re.compile(r"[^\s,\[\]{}]+")


def _at(text: str, line: int, column: int) -> str:
    """The text from 1-based ``line``/``column`` to the end of that line."""
    lines = re.split(r"\r\n|[\r\n\x85\u2028\u2029]", text)
    if not 1 <= line <= len(lines):
        return ""
    return lines[line - 1][max(column - 1, 0) :]


def _show(character: str) -> str:
    """A character as a message shows it: ``'@'``, or ``U+0009`` where it cannot be seen."""
    if character.isprintable() and not character.isspace():
        return repr(character)
    return f"U+{ord(character):04X}"


def yaml_detail(err: Any, text: str = "") -> YamlDetail:
    """What a :class:`yaml.YAMLError` means, in the user's language, and where (1-based).

    ``text`` is the YAML that was read: it gives names and characters libyaml leaves out of its
    messages. A problem without a translation keeps PyYAML's English text (in Dutch marked as such).
    """
    from procesmap.i18n import Message  # lazy: the catalogue loads when a message is made

    problem_mark = getattr(err, "problem_mark", None)
    context_mark = getattr(err, "context_mark", None)
    mark = problem_mark or context_mark
    position = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    character = getattr(err, "character", None)
    if type(err).__name__ == "ReaderError" and isinstance(character, int):
        return YamlDetail(Message("yaml.problem.control", code=f"U+{character:04X}"), "hint.yaml.control", {}, position)
    problem = " ".join(str(getattr(err, "problem", None) or err).split())
    context = " ".join(str(getattr(err, "context", None) or "").split())
    found = next(((key, hint) for pattern, key, hint in _YAML_PROBLEMS if re.search(pattern, problem)), None)
    if found is None:
        return YamlDetail(Message("yaml.problem.other", text=problem), "hint.yaml.generic", {}, position)
    key, hint = found
    args: dict[str, Any] = {}
    raw = ""
    if key == "bad_start":
        quoted = re.search(r"found character (.+) that cannot start", problem)
        here = _at(text, *position)[:1]
        if not here and quoted:
            try:
                here = ast.literal_eval(quoted.group(1))  # the pure-Python parser writes repr(character)
            except (ValueError, SyntaxError):
                here = ""
            here = here[:1] if isinstance(here, str) else ""
        raw = here if here.isprintable() else ""
        args["character"] = _show(here) if here else "?"
        if here == "\t":
            key, hint = "tab", "hint.load.tab"
            args = {}
    elif key == "undefined_alias":
        name = _NAME.match(_at(text, *position).lstrip("*"))
        quoted = re.search(r"found undefined alias '(.+)'", problem)
        args["alias"] = name.group(0) if name else (quoted.group(1) if quoted else "?")
    elif key == "duplicate_anchor":
        name = _NAME.match(_at(text, *position).lstrip("&"))
        quoted = re.search(r"duplicate anchor '(.+)'", context)
        args["anchor"] = name.group(0) if name else (quoted.group(1) if quoted else "?")
        args["line"] = context_mark.line + 1 if context_mark is not None else "?"
        context = ""
    detail: Any = Message("yaml.problem." + key, **args)
    if key in _AT_CONTEXT and context_mark is not None:
        position = (context_mark.line + 1, context_mark.column + 1)
    elif context_mark is not None and context_mark.line + 1 != position[0]:
        where = next((name for pattern, name in _YAML_CONTEXTS if re.search(pattern, context)), None)
        if where is not None:
            detail = Message(
                "yaml.with_context",
                problem=detail,
                context=Message("yaml.context." + where, line=context_mark.line + 1, column=context_mark.column + 1),
            )
    hint_args = {"character": args["character"], "raw": raw} if "character" in args else {}
    return YamlDetail(detail, hint, hint_args, position)


# -- text that is not UTF-8 -------------------------------------------------------------------------


def utf8_error_at(path: Path, limit: int = 1 << 30) -> tuple[int, int, int, int] | None:
    """Where the first byte that is not UTF-8 is in a file: (offset, line, column, byte), or ``None``.

    Offset is 0-based, line and column 1-based (the column counts characters). A ``.gz`` file is
    read decompressed. Reads at most ``limit`` bytes, in blocks.
    """
    import gzip  # lazy: keeps `procesmap --help` fast
    import zlib  # lazy: keeps `procesmap --help` fast

    opener: Any = gzip.open if path.name.lower().endswith(".gz") else open
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset, line, column = 0, 1, 1

    def advance(text: str) -> None:
        nonlocal line, column
        if line == 1 and column == 1 and text.startswith("\ufeff"):  # a BOM is no column
            text = text[1:]
        breaks = text.count("\n")
        if breaks:
            line += breaks
            column = len(text) - text.rfind("\n")
        else:
            column += len(text)

    try:
        with opener(path, "rb") as handle:
            while offset < limit:
                block = handle.read(1 << 20)
                try:
                    advance(decoder.decode(block, final=not block))
                except UnicodeDecodeError as err:
                    # err.object is the bytes the decoder held back from the last block, then this block
                    held = len(err.object) - len(block)
                    advance(err.object[: err.start].decode("utf-8", "replace"))  # held bytes were not counted yet
                    return (offset - held + err.start, line, column, err.object[err.start])
                if not block:
                    return None
                offset += len(block)
    except (OSError, EOFError, ValueError, zlib.error):  # a damaged .gz past the bad byte: no place, still a message
        return None
    return None


def not_utf8(path: str | os.PathLike[str], err: UnicodeDecodeError | None = None) -> UsageError:
    """The error for a text file (an event log) that is not UTF-8: file, line, column, byte and offset.

    The place is found in the file itself (the decoder's own position may count from the start of a
    block); ``err`` is the fallback.
    """
    file = Path(path)
    found = utf8_error_at(file)
    if found is None and err is not None:
        bad = err.object[err.start] if err.start < len(err.object) else 0
        found = (err.start, 1, 1, bad)
    offset, line, column, byte = found if found is not None else (0, 1, 1, 0)
    return UsageError(
        "text.not_utf8",
        "hint.text.not_utf8",
        path=str(path),
        line=line,
        column=column,
        byte=f"0x{byte:02x}",
        offset=offset,
    )
