"""Writing files the safe way: a temporary file in the same folder, then an atomic rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old file or the new one, never half.

    With ``overwrite=False`` an existing ``path`` is never replaced, not even one created a moment
    ago: the file is hard-linked into place, which fails with :class:`FileExistsError` when the
    name exists (on a file system without hard links, an existence check and a rename).
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or Path("."))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite and target.exists():
            os.chmod(temp, target.stat().st_mode & 0o7777)
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
