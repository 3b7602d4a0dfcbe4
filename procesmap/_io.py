"""Files the safe way: bounded reads of regular files only, atomic writes, and never an output onto an input.

- :func:`write_atomic`: a temporary file in the same folder, then an atomic rename.
- :func:`read_limited`: the bytes of a *regular* file, at most ``limit`` of them; a FIFO, a device
  (``/dev/zero``) or a socket is refused without blocking, and every file read is noted in the
  run's record of reads (:func:`track_reads`).
- :func:`output_clash`: the one decision whether an ``--output`` would replace a file the run reads
  (named inputs, files found in a folder, shared organisation files, ``subprocess:`` maps, the
  configuration in force, a roles file, a catalogue, ...), by any spelling, symbolic or hard link.

A reader that opens a file itself (DuckDB, Arrow, lxml on a path) calls :func:`note_read` with it,
so that the guard knows it too. New commands that write call :func:`output_clash` (the CLI's
``_guard_output`` and ``_write`` do) and new readers read through :func:`read_limited`.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import re
import stat as _stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable, Iterable, Iterator
from procesmap.errors import Problem

if TYPE_CHECKING:
    from procesmap.errors import Problem

__all__ = [
    "write_atomic",
    "read_limited",
    "NotRegularFile",
    "TooLarge",
    "note_read",
    "track_reads",
    "begin_reads",
    "files_read",
    "output_clash",
    "ReadRecord",
    "check_regular",
    "open_regular",
    "not_regular_problem",
    "writable_problem",
    "NotWritable",
]


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old file or the new one, never half.

    Replacing an existing file keeps what a user owns as it was, as writing into it would: its mode,
    and its owner and group (when they cannot be kept, :class:`PermissionError` and the file is left
    alone); a symbolic link is followed (the target gets the new text, the link stays); a file that
    is read-only (no write permission bit) or that this user may not write is refused with
    :class:`PermissionError`, and so is a path that is not a regular file (a FIFO, a device).

    With ``overwrite=False`` an existing ``path`` is never replaced, not even one created a moment
    ago: the file is hard-linked into place, which fails with :class:`FileExistsError` when the
    name exists (on a file system without hard links, an existence check and a rename).
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    existing: os.stat_result | None = None
    if overwrite:
        if target.is_symlink():
            target = Path(os.path.realpath(target))  # write the file the link names; the link stays
        try:
            existing = os.stat(target)
        except FileNotFoundError:
            existing = None
        if existing is not None:
            reason = writable_problem(target, existing)
            if reason is not None:
                raise NotWritable(reason, str(target))
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or Path("."))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if existing is not None:
            _keep_owner(temp, existing, target)
            os.chmod(temp, existing.st_mode & 0o7777)
        else:
            os.chmod(temp, 0o644)
        if overwrite:
            os.replace(temp, target)
        else:
            _link_new(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def _keep_owner(temp: str, existing: os.stat_result, target: Path) -> None:
    """Give ``temp`` the owner and group of the file it replaces, or refuse (:class:`PermissionError`)."""
    mine = os.stat(temp)
    if (mine.st_uid, mine.st_gid) == (existing.st_uid, existing.st_gid) or not hasattr(os, "chown"):
        return
    try:
        os.chown(temp, existing.st_uid, existing.st_gid)
    except OSError:
        raise NotWritable("limits.reason.owner", str(target)) from None


class NotWritable(PermissionError):
    """A file procesmap will not replace; ``message_key`` says why (a catalogue key, see
    :func:`procesmap.reasons.os_reason`): read-only, not writable by this user, owned by another user
    or group that could not be kept, or not a regular file."""

    def __init__(self, message_key: str, path: str):
        super().__init__(13, _REASONS.get(message_key, message_key), path)
        self.message_key = message_key


_REASONS = {
    "limits.reason.read_only": "the file is read-only",
    "limits.reason.no_permission": "no permission to write the file",
    "limits.reason.owner": "the file belongs to another user or group, and replacing it would change that",
    "limits.reason.not_regular": "not a regular file",
    "limits.reason.is_folder": "it is a folder; --output names the file to write, e.g. FOLDER/report.html",
}


def writable_problem(path: str | os.PathLike[str], info: os.stat_result | None = None) -> str | None:
    """Why ``path`` (an existing file, links followed) may not be rewritten, as a catalogue key of
    :class:`NotWritable`, or ``None``: it is not a regular file, it is read-only (no write permission
    bit: refused even for root), or this user may not write it."""
    try:
        info = info or os.stat(path)
    except FileNotFoundError:
        return None
    except OSError:
        return "limits.reason.no_permission"
    if _stat.S_ISDIR(info.st_mode):  # `--output rapporten`: the user meant a file in it
        return "limits.reason.is_folder"
    if not _stat.S_ISREG(info.st_mode):
        return "limits.reason.not_regular"
    if not info.st_mode & 0o222:
        return "limits.reason.read_only"
    if hasattr(os, "access") and not os.access(path, os.W_OK):
        return "limits.reason.no_permission"
    return None


def _link_new(temp: str, target: Path) -> None:
    """Put ``temp`` at ``target`` unless ``target`` exists (:class:`FileExistsError`); ``temp`` is removed."""
    if target.exists() or target.is_symlink():
        raise FileExistsError(17, os.strerror(17), str(target))
    try:
        os.link(temp, target)  # atomic, and fails when the name exists
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if target.exists() or target.is_symlink():
            raise FileExistsError(17, os.strerror(17), str(target)) from None
        os.replace(temp, target)
        return
    os.unlink(temp)


# -- reading: regular files only, bounded, and recorded --------------------------------------------


class NotRegularFile(OSError):
    """A path that is not a regular file (a FIFO, a character or block device, a socket): never read,
    since reading could block forever (a FIFO) or never end (``/dev/zero``). ``kind`` names it."""

    def __init__(self, path: str, kind: str):
        super().__init__(f"{path}: not a regular file ({kind})")
        self.path = path
        self.kind = kind


class TooLarge(OSError):
    """A file with more than ``limit`` bytes (``size`` is ``None`` when only "more than" is known)."""

    def __init__(self, path: str, size: int | None, limit: int):
        super().__init__(f"{path}: more than {limit} bytes")
        self.path = path
        self.size = size
        self.limit = limit


def _kind_of(mode: int) -> str:
    if _stat.S_ISFIFO(mode):
        return "fifo"
    if _stat.S_ISCHR(mode):
        return "character-device"
    if _stat.S_ISBLK(mode):
        return "block-device"
    if _stat.S_ISSOCK(mode):
        return "socket"
    if _stat.S_ISDIR(mode):
        return "directory"
    return "special"


def check_regular(path: str | os.PathLike[str]) -> os.stat_result:
    """The ``stat`` of ``path`` (links followed) if it is a regular file, else :class:`NotRegularFile`;
    for readers that hand the path to a library (DuckDB, Arrow). Records the read (:func:`note_read`)."""
    info = os.stat(path)
    if not _stat.S_ISREG(info.st_mode):
        raise NotRegularFile(os.fspath(path), _kind_of(info.st_mode))
    note_read(path, info)
    return info


def read_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file ``path``, or :class:`TooLarge` beyond ``limit`` bytes.

    The file is opened without blocking (``O_NONBLOCK``: a FIFO without a writer does not hang the
    open) and checked on the open descriptor, so a FIFO, a device or a socket is refused
    (:class:`NotRegularFile`) before a byte is read. At most ``limit + 1`` bytes are ever read,
    whatever size the file system reports. Other problems are the :class:`OSError` of the system.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if _stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, os.strerror(21), os.fspath(path))
        if not _stat.S_ISREG(info.st_mode):
            raise NotRegularFile(os.fspath(path), _kind_of(info.st_mode))
        if info.st_size > limit:
            raise TooLarge(os.fspath(path), info.st_size, limit)
        note_read(path, info)
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise TooLarge(os.fspath(path), None, limit)
    return data


def open_regular(path: str | os.PathLike[str], *, record: bool = True) -> "BinaryIO":
    """``open(path, "rb")`` for a regular file only: opened without blocking and checked on the descriptor
    (:class:`NotRegularFile` for a FIFO, device or socket). For readers that stream a file themselves;
    the caller bounds what it reads. Records the read (:func:`note_read`) unless ``record`` is false (a
    look at a file's head to decide whether it is an input at all)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if _stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, os.strerror(21), os.fspath(path))
        if not _stat.S_ISREG(info.st_mode):
            raise NotRegularFile(os.fspath(path), _kind_of(info.st_mode))
    except BaseException:
        os.close(fd)
        raise
    if record:
        note_read(path, info)
    return os.fdopen(fd, "rb")


class ReadRecord:
    """The files one run has read: their identity (device, inode) and the path as it was given."""

    def __init__(self) -> None:
        self.files: dict[tuple[int, int], str] = {}

    def add(self, path: str | os.PathLike[str], info: os.stat_result | None = None) -> None:
        try:
            info = info or os.stat(path)
        except (OSError, ValueError):
            return
        self.files.setdefault((info.st_dev, info.st_ino), os.fspath(path))


_READS: contextvars.ContextVar[ReadRecord | None] = contextvars.ContextVar("procesmap_reads", default=None)


def note_read(path: str | os.PathLike[str], info: os.stat_result | None = None) -> None:
    """Record that this run reads ``path`` (a no-op outside :func:`track_reads`/:func:`begin_reads`)."""
    record = _READS.get()
    if record is not None:
        record.add(path, info)


def begin_reads() -> "Callable[[], None]":
    """Start a new record of the files read in this context (the CLI does this once per command);
    returns the function that ends it (restores the record before)."""
    token = _READS.set(ReadRecord())

    def end() -> None:
        try:
            _READS.reset(token)
        except ValueError:  # ended in another context: nothing to restore
            pass

    return end


@contextlib.contextmanager
def track_reads() -> Iterator[ReadRecord]:
    """``with track_reads() as reads:`` records every file read inside the block (for a server or a
    notebook that writes after reading: ``output_clash(path, reads=reads)``)."""
    record = ReadRecord()
    token = _READS.set(record)
    try:
        yield record
    finally:
        _READS.reset(token)


def files_read() -> list[str]:
    """The files read so far in this context (as they were named), in the order first read."""
    record = _READS.get()
    return list(record.files.values()) if record is not None else []


def output_clash(
    output: str | os.PathLike[str],
    inputs: Iterable[str | os.PathLike[str] | None] = (),
    reads: ReadRecord | None = None,
) -> str | None:
    """The input that writing ``output`` would replace, or ``None``: THE decision for every command that writes.

    Inputs are ``inputs`` (files and folders named on the command line; a folder stands for every
    ``*.yaml``/``*.yml`` below it; ``None`` entries are skipped) and every file recorded as read in this
    context (``reads``, default: the current :func:`track_reads`/:func:`begin_reads` record): shared
    organisation files, ``subprocess:`` maps, the configuration in force, a roles file, a catalogue.
    "The same file" is the same device and inode with links followed, so another spelling of the path,
    a symbolic link or a hard link count too. An ``output`` that does not exist replaces nothing.
    """
    try:
        target = os.stat(output)
    except (OSError, ValueError):
        return None
    identity = (target.st_dev, target.st_ino)
    for raw in inputs:
        if raw is None:
            continue
        path = Path(raw)
        try:
            if path.is_dir():
                candidates = [p for p in path.rglob("*") if p.suffix.lower() in (".yaml", ".yml")]
            else:
                candidates = [path]
        except (OSError, ValueError):
            continue
        for candidate in candidates:
            try:
                info = os.stat(candidate)
            except (OSError, ValueError):
                continue
            if (info.st_dev, info.st_ino) == identity:
                return str(raw) if candidate == path else str(candidate)
    record = reads if reads is not None else _READS.get()
    if record is not None and identity in record.files:
        return record.files[identity]
    return None


def not_regular_problem(err: NotRegularFile, display: str) -> "Problem":
    """The message for a special file any reader refuses: ``file:1:1: ... is not a regular file but a FIFO``."""
    from procesmap.i18n import Key  # lazy: the catalogue loads when a message is made

    return Problem(
        display,
        1,
        1,
        "limits.not_regular",
        {"path": display, "kind": Key("limits.kind." + err.kind)},
        "limits.hint.not_regular",
        {},
    )


_MAP_MARKER = re.compile(rb"^procesmap[ \t]*:", re.MULTILINE)
_TOP_ID = re.compile(rb"^id[ \t]*:", re.MULTILINE)
_TOP_STEPS = re.compile(rb"^steps[ \t]*:", re.MULTILINE)


def looks_like_map(head: bytes) -> bool:
    """Whether a file that starts with ``head`` is a process map: a top-level ``procesmap:`` key, or a top-level
    ``id:`` and ``steps:`` (a map whose ``procesmap:`` line is missing or mistyped, ``procesmpa: 1``; an Azure
    pipeline has top-level steps but no id, a GitHub workflow has them only inside a job)."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    return bool(_MAP_MARKER.search(head) or (_TOP_ID.search(head) and _TOP_STEPS.search(head)))


def is_process_map(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a regular file that :func:`looks_like_map` (its first MiB); False for anything that
    cannot be read (a FIFO is never waited on)."""
    try:
        with open_regular(path, record=False) as handle:
            return looks_like_map(handle.read(1 << 20))
    except OSError:
        return False
