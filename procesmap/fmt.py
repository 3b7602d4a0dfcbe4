"""``procesmap fmt``: one canonical layout for process files, with every comment kept.

The layout (docs/versions.md):

- keys in the order of docs/format.md per kind of mapping (process, step, role, team, organisation,
  system, RACI, branch, knelpunt, calendar, duration); unknown and ``x-`` keys last, in the
  author's order; sections keyed by id (``roles:``, ``teams:`` ...) and lists (``steps:``)
  keep the author's order;
- two spaces per level, list items indented under their key (``  - id: ...``);
- flow mappings and lists (``{name: X, team: y}``, ``[a, b]``) stay flow, block stays block;
- quotes stay as the author wrote them (adding or removing quotes could change what a YAML 1.1
  reader makes of ``no``, ``on`` or ``1:30``); ruamel.yaml adds quotes only where a value needs them;
- no line is wrapped; line ends are LF, no BOM; one newline at the end.

A comment moves with the key it belongs to: an end-of-line comment with its key, comment lines
above a key with that key, comments after the last key of a mapping stay at its end.

Never changing meaning is checked, not hoped for: the text is loaded with procesmap's own loader
before (a file that does not load is never rewritten) and after formatting, the plain data of both
must be equal, and every comment of the old text must be in the new one; otherwise nothing is written.
Files are written with :func:`procesmap._io.write_atomic` (temporary file in the same folder, rename).
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from procesmap.errors import LoadError, UsageError
from procesmap.reasons import os_reason
from procesmap._io import writable_problem, write_atomic
from procesmap._io import open_regular
from procesmap.whatif import _locate, _plain, apply_overrides, parse_assignment

__all__ = [
    "format_text",
    "format_file",
    "format_paths",
    "FormatResult",
    "comments",
    "ORDERS",
    "MeaningError",
    "apply_assignments",
]


_BLOCK_SCALAR = re.compile(r"(?:^|[:\-]\s+)[|>][-+1-9]{0,2}$")
_DURATION = ("min", "mode", "max", "samples", "mean", "cv")
ORDERS: dict[str, tuple[str, ...]] = {
    "process": (
        "procesmap",
        "kind",
        "id",
        "name",
        "owner",
        "language",
        "description",
        "zaaktype",
        "term",
        "term_extension",
        "service_norm",
        "volume",
        "calendar",
        "organisations",
        "teams",
        "roles",
        "systems",
        "steps",
        "issues",
    ),
    "step": (
        "id",
        "name",
        "type",
        "role",
        "raci",
        "wait",
        "work",
        "lead",
        "suspends_term",
        "extends_term",
        "system",
        "via",
        "next",
        "log",
        "status",
        "subprocess",
        "description",
    ),
    "role": ("name", "team", "organisation", "people", "fte", "backup", "external", "description"),
    "team": ("name", "organisation", "description"),
    "organisation": ("name", "description"),
    "system": ("name", "kind", "description"),
    "raci": ("R", "A", "C", "I"),
    "branch": ("to", "p", "when", "return"),
    "issue": ("id", "step", "text", "level", "solution", "action", "owner"),
    "calendar": ("hours_per_day", "days_per_week", "weeks_per_year"),
    "duration": _DURATION,
}
_SECTION_KIND = {"organisations": "organisation", "teams": "team", "roles": "role", "systems": "system"}


class MeaningError(UsageError):
    """The canonical layout would read differently: nothing is written (a bug to report, never silent)."""


@dataclass(frozen=True)
class FormatResult:
    path: str
    changed: bool
    written: bool


# -- comments (for the guard and the tests) -----------------------------------------------------------


def comments(text: str) -> list[str]:
    """Every comment in YAML ``text`` (``# ...`` up to the end of the line), in order; block scalars skipped."""
    found: list[str] = []
    block_indent: int | None = None
    for raw in text.replace("\r\n", "\n").split("\n"):
        stripped = raw.lstrip(" ")
        indent = len(raw) - len(stripped)
        if block_indent is not None:
            if not stripped or indent > block_indent:
                continue
            block_indent = None
        comment, content = _split_comment(raw)
        if comment is not None:
            found.append(comment.rstrip())
        if _BLOCK_SCALAR.search(content.strip()):
            block_indent = indent
    return found


def _split_comment(line: str) -> tuple[str | None, str]:
    """(comment or None, the line before it): a ``#`` at the start or after a space, outside quotes."""
    quote: str | None = None
    index = 0
    while index < len(line):
        char = line[index]
        if quote:
            if char == quote:
                if quote == "'" and line[index + 1 : index + 2] == "'":
                    index += 2
                    continue
                quote = None
            elif char == "\\" and quote == '"':
                index += 2
                continue
        elif char in "\"'" and (index == 0 or line[index - 1] in " \t[{,:-"):
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return line[index:], line[:index]
        index += 1
    return None, line


# -- reordering with comments kept ------------------------------------------------------------


def _is_block(value: Any) -> bool:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq  # lazy: ruamel.yaml loads only when a file is formatted

    return isinstance(value, (CommentedMap, CommentedSeq)) and len(value) > 0 and not value.fa.flow_style()


def _tail(collection: Any) -> tuple[list[Any], int]:
    """The comment slot right after a block collection's last value: (slot list, index)."""
    from ruamel.yaml.comments import CommentedMap  # lazy: ruamel.yaml loads only when a file is formatted

    if isinstance(collection, CommentedMap):
        last = list(collection.keys())[-1]
        value = collection[last]
        if _is_block(value):
            return _tail(value)
        return collection.ca.items.setdefault(last, [None, None, None, None]), 2
    last_index = len(collection) - 1
    value = collection[last_index]
    if _is_block(value):
        return _tail(value)
    end = collection.ca.end
    if end and isinstance(value, CommentedMap) and len(value) and not any(collection.ca.items.get(last_index) or ()):
        # after a last item written `- {...}`, ruamel keeps the lines that follow (the blank line before the next
        # step) at the list's end, where they stayed with `next:` when `log:` moved after it; put them where a
        # comment after `{...}` hangs, on its last key, so that they move as every other comment does
        slot = value.ca.items.setdefault(list(value.keys())[-1], [None, None, None, None])
        if slot[2] is None:
            from ruamel.yaml.error import CommentMark  # lazy: ruamel.yaml loads only when a file is formatted
            from ruamel.yaml.tokens import CommentToken  # lazy: ruamel.yaml loads only when a file is formatted

            slot[2] = CommentToken("\n" + "".join(token.value for token in end), CommentMark(0), None)
            collection.ca.end = []
            return slot, 2
    return collection.ca.items.setdefault(last_index, [None, None, None, None]), 0


def _lines(token: Any) -> tuple[str, list[str]]:
    """A comment token's text as (end-of-line comment or "", the full lines after it)."""
    if token is None:
        return "", []
    parts = token.value.split("\n")
    # the text ends with a newline: drop the empty part after it
    if parts and parts[-1] == "":
        parts = parts[:-1]
    if not parts:
        return "", []
    return parts[0], parts[1:]


def _set_token(slot: list[Any], index: int, text: str, column: int) -> None:
    from ruamel.yaml.error import CommentMark  # lazy: ruamel.yaml loads only when a file is formatted
    from ruamel.yaml.tokens import CommentToken  # lazy: ruamel.yaml loads only when a file is formatted

    if not text.strip("\n") and not text.startswith("#"):
        if slot[index] is not None and text:
            slot[index].value = text
        elif slot[index] is not None:
            slot[index] = None
        elif text:
            slot[index] = CommentToken(text, CommentMark(column), None)
        return
    if slot[index] is not None:
        slot[index].value = text
    else:
        slot[index] = CommentToken(text, CommentMark(column), None)


def _join(first: str, after: list[str]) -> str:
    if not first and not after:
        return ""
    return first + "\n" + "".join(line + "\n" for line in after)


def _reorder(mapping: Any, order: tuple[str, ...]) -> None:
    """Put ``mapping``'s keys in ``order`` (others last, as they were), moving comments with their keys."""
    keys = list(mapping.keys())
    known = [k for k in order if k in mapping]
    wanted = known + [k for k in keys if k not in order]
    if wanted == keys or getattr(mapping, "merge", None):
        return  # already canonical, or has merge keys (<<): the author's order is part of its meaning
    if not mapping.fa.flow_style() and any(_flow_with_comments(mapping[k]) for k in keys):
        return  # a comment inside or after a flow value of a block mapping: ruamel keeps it there, so do not move
    if mapping.fa.flow_style():
        # what follows a flow mapping (a comment after `- {...}`) hangs on its last key: keep it last
        old_slot = mapping.ca.items.get(keys[-1])
        if keys[-1] != wanted[-1] and old_slot is not None and old_slot[2] is not None:
            new_slot = mapping.ca.items.setdefault(wanted[-1], [None, None, None, None])
            if new_slot[2] is None:
                new_slot[2] = old_slot[2]
            else:
                new_slot[2].value = new_slot[2].value.rstrip("\n") + "\n" + old_slot[2].value.lstrip("\n")
            old_slot[2] = None
        for key in wanted:
            mapping.move_to_end(key)
        return
    column = mapping.lc.col or 0
    slots: dict[Any, tuple[list[Any], int, str, int]] = {}  # key -> (slot, index, kept text, column)
    leading: dict[Any, list[str]] = {}
    trailing: list[str] = []
    for position, key in enumerate(keys):
        value = mapping[key]
        if _is_block(value):
            slot, index = _tail(value)
            first, rest = _lines(slot[index])
            cut = next((i for i, line in enumerate(rest) if line.strip() and _indent(line) <= column), len(rest))
            while cut > 0 and not rest[cut - 1].strip():
                cut -= 1
            kept, after = _join(first, rest[:cut]), rest[cut:]
        else:
            slot, index = mapping.ca.items.setdefault(key, [None, None, None, None]), 2
            first, after = _lines(slot[index])
            kept = first + "\n" if first else ""
        token_column = slot[index].column if slot[index] is not None else column
        slots[key] = (slot, index, kept, token_column)
        if position + 1 < len(keys):
            leading[keys[position + 1]] = after
        else:
            trailing = after
    orphan = leading.pop(wanted[0], [])  # comments above a key that moves to the top: after its line
    for position, key in enumerate(wanted):
        after = leading.get(wanted[position + 1], []) if position + 1 < len(wanted) else trailing
        if position == 0 and orphan:
            after = orphan + after
        slot, index, kept, token_column = slots[key]
        text = kept if not after else (kept or "\n") + "".join(line + "\n" for line in after)
        _set_token(slot, index, text, token_column)
    for key in wanted:
        mapping.move_to_end(key)


def _flow_with_comments(value: Any) -> bool:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq  # lazy: ruamel.yaml loads only when a file is formatted

    if not isinstance(value, (CommentedMap, CommentedSeq)) or not value.fa.flow_style():
        return False
    ca = value.ca
    return bool(ca.items or ca.end or (ca.comment and any(ca.comment)))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _canonical(node: Any, kind: str) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq  # lazy: ruamel.yaml loads only when a file is formatted

    if isinstance(node, CommentedMap):
        for key in list(node.keys()):
            value = node[key]
            child = _child_kind(kind, key)
            if child is not None:
                if child.endswith("[]"):
                    if isinstance(value, CommentedSeq):
                        for item in value:
                            _canonical(item, child[:-2])
                elif child.endswith("{}"):
                    if isinstance(value, CommentedMap):
                        for entry in value.values():
                            _canonical(entry, child[:-2])
                else:
                    _canonical(value, child)
        if kind in ORDERS:
            _reorder(node, ORDERS[kind])


def _child_kind(kind: str, key: Any) -> str | None:
    """The kind of mapping under ``key`` of a mapping of ``kind``; ``[]`` a list of, ``{}`` a map by id of."""
    if kind == "process":
        if key in _SECTION_KIND:
            return _SECTION_KIND[key] + "{}"
        return {"steps": "step[]", "issues": "issue[]", "calendar": "calendar"}.get(key)
    if kind == "step":
        if key in ("work", "wait", "lead"):
            return "duration"
        return {"raci": "raci", "next": "branch[]"}.get(key)
    return None


# -- the formatter -----------------------------------------------------------------------------


#: Characters nobody sees in an editor: a double-quoted text keeps them as escapes (``\u200B``, ``\_``).
_UNSEEN = frozenset(("Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"))
_ESCAPE = re.compile(r"\\(?:x([0-9A-F]{2})|u([0-9A-F]{4})|U([0-9A-F]{8}))")


def _seen(escape: "re.Match[str]") -> str:
    """An escape ruamel wrote for a non-ASCII character, as the character where an editor shows it."""
    char = chr(int(next(group for group in escape.groups() if group), 16))
    if char.isascii() or (char != "\u200d" and unicodedata.category(char) in _UNSEEN):  # ZWJ joins emoji: kept
        return escape.group(0)
    return char


class _SeenStream:
    r"""The output stream while a double-quoted scalar is written with every non-ASCII character escaped:
    each escape of a visible character (``\xE9``) is written as the character (``é``); ruamel writes each
    escape in a write of its own, and a literal backslash as ``\\\\``, so an escape is never misread."""

    def __init__(self, stream: Any):
        self.stream = stream

    def write(self, data: Any) -> None:
        self.stream.write(_ESCAPE.sub(_seen, data) if isinstance(data, str) and data.startswith("\\") else data)


def _emitter() -> type:
    from ruamel.yaml.emitter import RoundTripEmitter  # lazy: ruamel.yaml loads only when a file is formatted

    class Emitter(RoundTripEmitter):  # type: ignore[misc]
        r"""ruamel's round-trip emitter, except that a double-quoted text keeps (or gets) an escape for a
        character one cannot see (zero-width space ``\u200B``, right-to-left mark ``\u200F``, no-break space
        ``\_``), where ruamel wrote every printable character as itself: ``"zw\u200bsp"`` became ``"zwsp"``
        with the zero-width space in it, unseen."""

        def write_double_quoted(self, text: Any, split: Any = True) -> None:
            stream, unicode = self.stream, self.allow_unicode
            self.stream, self.allow_unicode = _SeenStream(stream), False
            try:
                super().write_double_quoted(text, split)
            finally:
                self.stream, self.allow_unicode = stream, unicode

    return Emitter


def _ruamel() -> Any:
    from ruamel.yaml import YAML  # lazy: ruamel.yaml loads only when a file is formatted

    yaml = YAML(typ="rt")
    yaml.Emitter = _emitter()
    yaml.preserve_quotes = True
    yaml.width = 1 << 16
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _plain_data(text: str, file: str) -> Any:
    from procesmap._collect import Collector as _Collector  # lazy: the loader's parts load only when a file is checked
    from procesmap._compose import _compose  # lazy: the loader loads only when a file is read

    data, _ = _compose(text, _Collector(file))
    return data


def format_text(
    text: str, file: str = "<string>", *, repository: Path | None = None, shared: Sequence[Any] = ()
) -> str:
    """The canonical layout of a process file's text (or of a shared ``kind: organisation`` file).

    ``repository`` and ``shared`` are what :func:`procesmap.loading.loads` takes: the folder whose maps
    ``subprocess:`` names, and the shared organisation files whose roles, teams and systems the map uses
    (:func:`format_file` passes those of the file's folder, as ``analyse`` reads them).
    Raises :class:`~procesmap.errors.LoadError` when the text does not load (nothing to format), and
    :class:`MeaningError` when the layout would read differently or lose a comment.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    _load(text, file, repository, shared)  # a file that does not load is never formatted
    yaml = _ruamel()
    try:
        document = yaml.load(text)
    except Exception as err:  # ruamel reads YAML 1.2; refuse what it cannot read rather than guess
        raise MeaningError(
            "versions.fmt.meaning", "versions.hint.fmt.meaning", path=file, detail=" ".join(str(err).split())[:200]
        ) from None
    _canonical(document, "process")
    buffer = io.StringIO()
    yaml.dump(document, buffer)
    result = buffer.getvalue()
    # no blank lines at the top: ruamel keeps all but one of those before a first comment, so each run took one
    result = result.lstrip("\n").rstrip("\n") + "\n"
    _check_same(text, result, file, repository, shared)
    return result


def _load(text: str, file: str, repository: Path | None, shared: Sequence[Any]) -> Any:
    """Load as ``analyse`` does: a process with its folder's shared definitions, or an organisation file."""
    from procesmap._map_text import _load_text  # lazy: the loader loads only when a file is read

    return _load_text(text, file, repository=repository, shared=shared)


def _check_same(before: str, after: str, file: str, repository: Path | None = None, shared: Sequence[Any] = ()) -> None:
    try:
        _load(after, file, repository, shared)
        same = _plain_data(before, file) == _plain_data(after, file)
    except LoadError as err:
        raise MeaningError(
            "versions.fmt.meaning", "versions.hint.fmt.meaning", path=file, detail=err.problems[0].message("en")
        ) from None
    if not same:
        raise MeaningError("versions.fmt.meaning", "versions.hint.fmt.meaning", path=file, detail="data differs")
    lost = Counter(comments(before)) - Counter(comments(after))
    if lost:
        raise MeaningError(
            "versions.fmt.meaning", "versions.hint.fmt.meaning", path=file, detail="comment lost: " + next(iter(lost))
        )


def canonical_text(path: Path, text: str, display: str, *, _repository: Any = None) -> str:
    """:func:`format_text` of ``text`` as the file ``path`` is read (with the shared organisation files of its
    folder, as ``analyse`` reads them). Raises as :func:`format_text` does."""
    from procesmap._files import _is_organisation_file, _Repository  # lazy: the loader loads only when a file is read

    repository = _repository if _repository is not None else _Repository()
    folder = path.parent
    shared: list[Any] = []
    if not _is_organisation_file(path):
        shared = repository.shared_for(folder)
        if str(folder) in repository.broken:  # the shared file does not load: its own problems say why
            raise LoadError(repository.broken[str(folder)])
    return format_text(text, display, repository=folder, shared=shared)


def format_file(path: str | os.PathLike[str], *, check: bool = False, _repository: Any = None) -> FormatResult:
    """Format one file in place (atomically); with ``check`` only report whether it would change.

    The file is read as ``analyse`` reads it (with the shared organisation files of its folder). A
    symbolic link is followed: its target is formatted and the link stays. The file keeps its owner,
    group and mode; a file that is read-only, or that this user may not write, is refused before
    anything is formatted, and so is anything but a regular file (a FIFO, a device: never read).
    Raises :class:`~procesmap.errors.LoadError` (file not loadable: left untouched),
    :class:`MeaningError`, or :class:`~procesmap.errors.UsageError` when writing fails or is not allowed.
    """
    from procesmap.i18n import Message  # lazy: the catalogue loads when a message is made
    from procesmap._decode import _read_text  # lazy: the loader loads only when a file is read

    file = Path(path)
    display = str(path)
    text = _read_text(file, display)  # first: a FIFO, a device or an unreadable file is a LoadError with a hint
    if not check:
        reason = writable_problem(file)
        if reason is not None:
            raise UsageError(
                "versions.fmt.write_failed", "limits.hint.fmt_not_writable", path=display, reason=Message(reason)
            )
    formatted = canonical_text(file, text, display, _repository=_repository)
    changed = text != formatted or _has_bom(file)
    if not changed or check:
        return FormatResult(display, changed, False)
    try:
        write_atomic(file, formatted)
    except OSError as err:
        raise UsageError(
            "versions.fmt.write_failed", "versions.hint.fmt.write_failed", path=display, reason=os_reason(err)
        ) from None
    return FormatResult(display, True, True)


def _has_bom(file: Path) -> bool:
    try:
        with open_regular(file) as handle:
            return handle.read(3) == b"\xef\xbb\xbf"
    except OSError:
        return False


def format_paths(
    paths: Iterable[str | os.PathLike[str]], *, check: bool = False
) -> tuple[list[FormatResult], list[Any]]:
    """Format every process file under ``paths``; returns the results and every problem (per file)."""
    from procesmap._files import _Repository, discover  # lazy: the loader loads only when a file is read

    results: list[FormatResult] = []
    problems: list[Any] = []
    try:
        files = discover(paths)
    except LoadError as err:
        return [], list(err.problems)
    repository = _Repository()  # the shared organisation files of each folder, read once
    reported: set[tuple[str, int, int, str]] = set()
    for file in files:
        try:
            results.append(format_file(file, check=check, _repository=repository))
        except LoadError as err:
            fresh = [p for p in err.problems if (p.file, p.line, p.column, p.key) not in reported]
            reported.update((p.file, p.line, p.column, p.key) for p in err.problems)
            problems.extend(fresh)
        except UsageError as err:
            problems.append(err)
    return results, problems


# -- writing a what-if scenario into the file -------------------------------------------------------


def apply_assignments(text: str, assignments: "list[str] | tuple[str, ...]", file: str = "<string>") -> str:
    """The text of a process file with ``--set PATH=VALUE`` assignments written into it, every comment kept.

    What ``procesmap serve`` writes when the room asks to keep a what-if scenario. The scenario is first
    validated as :func:`procesmap.whatif.apply_overrides` validates ``--set`` (an assignment that does not fit
    the map is a :class:`~procesmap.errors.UsageError`); then each value is set in the round-trip document
    and the whole is written in the canonical layout of :func:`format_text`. A path that names a field
    defined in another file (a role of a shared organisation file) is refused
    (``serve.write.not_in_file``). The result must read as exactly the scenario and keep every comment of
    ``text``, else :class:`MeaningError` and nothing is to be written.
    """

    if text.startswith("\ufeff"):
        text = text[1:]
    expected = apply_overrides(_load_in_folder(text, file), list(assignments))
    yaml = _ruamel()
    try:
        document = yaml.load(text)
    except Exception as err:  # ruamel reads YAML 1.2; refuse what it cannot read rather than guess
        raise MeaningError(
            "versions.fmt.meaning", "versions.hint.fmt.meaning", path=file, detail=" ".join(str(err).split())[:200]
        ) from None
    for assignment in assignments:
        segments, value = parse_assignment(assignment)
        target = _locate(document, segments) if all(segments) else None
        if target is None:
            raise UsageError(
                "serve.write.not_in_file", "serve.hint.write.not_in_file", file=file, path=".".join(segments)
            )
        node, key = target
        if value is None:
            node.pop(key, None)
        else:
            node[key] = value
    _canonical(document, "process")
    buffer = io.StringIO()
    yaml.dump(document, buffer)
    result = buffer.getvalue().rstrip("\n") + "\n"
    try:
        written = _load_in_folder(result, file)
    except LoadError as err:
        raise MeaningError(
            "versions.fmt.meaning", "versions.hint.fmt.meaning", path=file, detail=err.problems[0].message("en")
        ) from None
    if _plain(written) != _plain(expected):
        raise MeaningError(
            "versions.fmt.meaning",
            "versions.hint.fmt.meaning",
            path=file,
            detail="the file would not read as the scenario",
        )
    lost = Counter(comments(text)) - Counter(comments(result))
    if lost:
        raise MeaningError(
            "versions.fmt.meaning", "versions.hint.fmt.meaning", path=file, detail="comment lost: " + next(iter(lost))
        )
    return result


def _load_in_folder(text: str, file: str) -> Any:
    """``text`` loaded as the file ``file`` loads: with the shared organisation files of its folder."""
    from procesmap._files import _Repository  # lazy: the loader loads only when a file is read
    from procesmap.loading import loads  # lazy: the loader loads only when a file is read

    folder = Path(file).parent
    if file.startswith("<") or not folder.is_dir():
        return loads(text, file)
    repository = _Repository()
    shared = repository.shared_for(folder)
    if repository.problems:
        raise LoadError(repository.problems)
    return loads(text, file, repository=folder, shared=shared)
