"""Reading untrusted JSON and ZIP files within fixed limits (shared by the zaaktype and spreadsheet readers).

Limits (docs/zaaksysteem.md, "Limits"):

- a JSON file is at most :data:`MAX_JSON_BYTES`; a larger one is refused from its size, before it is read;
- a ZIP file is at most :data:`MAX_ZIP_BYTES`, holds at most :data:`MAX_ENTRIES` entries and unpacks to at
  most :data:`MAX_UNPACKED_BYTES` in all (counted while unpacking, never from the sizes the ZIP claims), and
  one entry to at most :data:`MAX_ENTRY_BYTES`;
- an entry whose name leaves the folder (``../x``, ``/etc/x``, ``C:\\x``) or is encrypted is refused; nothing is
  ever written to disk.

Every refusal is a :class:`~procesmap.errors.LoadError` with ``file:line:column``, a message and a hint.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from typing import Any

from procesmap._io import NotRegularFile, TooLarge, not_regular_problem, read_limited
from procesmap.errors import LoadError
from procesmap.reasons import os_reason

__all__ = [
    "MAX_JSON_BYTES",
    "MAX_ZIP_BYTES",
    "MAX_ENTRIES",
    "MAX_UNPACKED_BYTES",
    "MAX_ENTRY_BYTES",
    "read_bytes",
    "zip_members",
    "parse_json",
    "fail",
    "unsafe_name",
]

MAX_JSON_BYTES = 20 * 1024 * 1024
MAX_ZIP_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ENTRY_BYTES = 20 * 1024 * 1024
_CHUNK = 1 << 16


def fail(file: str, key: str, hint_key: str | None = None, line: int = 1, column: int = 1, **args: Any) -> LoadError:
    return LoadError.single(file, line, column, key, args, hint_key, dict(args))


def read_bytes(path: str | os.PathLike[str], display: str, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refused from its size (before reading) when larger than ``limit``;
    a FIFO or device is refused without blocking (:func:`procesmap._io.read_limited`)."""
    try:
        return read_limited(path, limit)
    except TooLarge as err:
        raise fail(
            display,
            "zgw.too_large",
            "hint.zgw.too_large",
            size=err.size if err.size is not None else limit + 1,
            limit=limit,
        ) from None
    except NotRegularFile as err:
        raise LoadError([not_regular_problem(err, display)]) from None
    except IsADirectoryError:
        raise fail(display, "zgw.is_directory", "hint.zgw.name_file", path=display) from None
    except FileNotFoundError:
        raise fail(display, "zgw.missing", "hint.zgw.name_file", path=display) from None
    except OSError as err:
        raise fail(display, "zgw.unreadable", "hint.zgw.unreadable", reason=os_reason(err)) from None


def unsafe_name(name: str) -> bool:
    """An entry name that would leave the folder it is unpacked into (or names a device/drive)."""
    normal = name.replace("\\", "/")
    if normal.startswith("/") or (len(normal) > 1 and normal[1] == ":"):
        return True
    return any(part == ".." for part in normal.split("/")) or "\x00" in name


def zip_members(data: bytes, display: str, wanted: Any = None) -> dict[str, bytes]:
    """The entries of a ZIP file (name -> bytes), within the limits; ``wanted(name)`` picks the entries read.

    Every entry name is checked (also those not read): a name that leaves the folder refuses the whole file.
    """

    if len(data) > MAX_ZIP_BYTES:
        raise fail(display, "zgw.too_large", "hint.zgw.too_large", size=len(data), limit=MAX_ZIP_BYTES)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError):
        raise fail(display, "zgw.bad_zip", "hint.zgw.bad_zip") from None
    if len(infos) > MAX_ENTRIES:
        raise fail(display, "zgw.zip_entries", "hint.zgw.zip_bomb", count=len(infos), limit=MAX_ENTRIES)
    for info in infos:
        if unsafe_name(info.filename):
            raise fail(display, "zgw.zip_slip", "hint.zgw.zip_slip", name=info.filename)
    members: dict[str, bytes] = {}
    total = 0
    for info in infos:
        if info.is_dir() or (wanted is not None and not wanted(info.filename)):
            continue
        if info.flag_bits & 0x1:
            raise fail(display, "zgw.zip_encrypted", "hint.zgw.bad_zip", name=info.filename)
        chunks: list[bytes] = []
        size = 0
        try:
            with archive.open(info) as handle:
                while True:
                    chunk = handle.read(_CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    total += len(chunk)
                    if size > MAX_ENTRY_BYTES or total > MAX_UNPACKED_BYTES:
                        raise fail(
                            display,
                            "zgw.zip_bomb",
                            "hint.zgw.zip_bomb",
                            name=info.filename,
                            limit=MAX_ENTRY_BYTES if size > MAX_ENTRY_BYTES else MAX_UNPACKED_BYTES,
                        )
                    chunks.append(chunk)
        except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, RuntimeError, OSError):
            raise fail(display, "zgw.bad_zip_entry", "hint.zgw.bad_zip", name=info.filename) from None
        except Exception as err:  # zlib.error and friends
            if isinstance(err, LoadError):
                raise
            raise fail(display, "zgw.bad_zip_entry", "hint.zgw.bad_zip", name=info.filename) from None
        members[info.filename] = b"".join(chunks)
    return members


def parse_json(data: bytes, display: str) -> Any:
    """JSON text (UTF-8, a BOM allowed); a syntax error at its line and column."""
    if len(data) > MAX_JSON_BYTES:
        raise fail(display, "zgw.too_large", "hint.zgw.too_large", size=len(data), limit=MAX_JSON_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise fail(
            display, "zgw.not_utf8", "hint.zgw.not_utf8", byte=f"0x{data[err.start]:02x}", offset=err.start
        ) from None
    if not text.strip():
        raise fail(display, "zgw.empty", "hint.zgw.not_json")
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise fail(display, "zgw.bad_json", "hint.zgw.not_json", line=err.lineno, column=err.colno) from None
    except RecursionError:
        raise fail(display, "zgw.too_deep", "hint.zgw.not_json") from None
