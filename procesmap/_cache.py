"""The user's cache folder: what procesmap can make again (font subsets, simulation runs), kept to save time.

One place decides where it is and how it is written, so every cache follows the same rules:
``$PROCESMAP_CACHE_DIR``, else ``$XDG_CACHE_HOME/procesmap``, else ``~/.cache/procesmap`` (never next
to a user's maps); ``PROCESMAP_CACHE_DIR=`` with an empty value turns every cache off. Entries are
written atomically; a cache that cannot be read or written is made again, never an error.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_folder", "write_quietly"]


def cache_folder() -> Path | None:
    """Where procesmap keeps what it can make again, or ``None`` when caching is off."""
    configured = os.environ.get("PROCESMAP_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "procesmap"


def write_quietly(path: Path, data: bytes) -> bool:
    """Write a cache entry atomically (:func:`procesmap._io.write_atomic`); False when it cannot be written."""
    from procesmap._io import write_atomic  # lazy: _io is only needed when an entry is written

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    except OSError:
        return False
    return True
