"""A cache of queueing simulation runs on disk, so that an unchanged map is not simulated again.

Why: the queueing simulation is most of the time `procesmap analyse` takes (about 0.3 s a map); in a
workshop the same maps are analysed again and again while only a few change, and a change of a
name, a description or a role's contact changes no figure. A run is a pure function of its plan
(:class:`~procesmap.analysis.simulation.NetworkPlan`: every duration, probability, queue, calendar
and background load), the number of cases, the seed and the code that simulates; the key is a
SHA-256 over exactly those, so a cached run is the run the simulation would give, to the last bit
(tests compare both). Caches are how linters and type checkers (ruff, mypy) stay fast on the second
run; this is the same idea.

Where: the folder ``simulation`` in the user's cache folder (:func:`procesmap._cache.cache_folder`:
``$PROCESMAP_CACHE_DIR``, else ``$XDG_CACHE_HOME/procesmap``, else ``~/.cache/procesmap``; never next
to a user's maps). ``PROCESMAP_CACHE_DIR=`` (empty) turns every cache off. Entries are written
atomically; a missing, unreadable or damaged entry is simulated again; a cache that cannot be written
is skipped silently (a read-only home, a full disk); the least recently used entries go when the
folder passes :data:`MAX_CACHE_BYTES`.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from procesmap._cache import cache_folder, write_quietly
from procesmap.analysis.simulation import NetworkPlan, SimulationResult, simulate_network

__all__ = ["cache_dir", "simulate_cached", "MAX_CACHE_BYTES", "CACHE_FORMAT", "cached_only", "NotCached"]

#: The most the cache holds; above it the least recently used entries are removed.
MAX_CACHE_BYTES = 200 * 1024 * 1024
#: Raised with every change to what an entry holds, so old entries are never read as new ones.
CACHE_FORMAT = 2
#: An entry's file name ends with this (format 1 wrote ``.npz`` files; they go as the oldest when over the limit).
SUFFIX = ".sim"
_MAGIC = b"procesmap-sim\x00\x02\n"
_FIXED = len(_MAGIC) + 8  # the magic line, the header's length and the CRC-32
_ALIGN = 8
_SOURCES = ("simulation.py", "sampling.py", "worktime.py", "simcache.py")
_fingerprint: str | None = None
_only_cached = False


class NotCached(Exception):
    """Raised inside :func:`cached_only` when a run is not in the cache."""


def cache_dir() -> Path | None:
    """The folder of the simulation runs, or ``None`` when caching is off (``PROCESMAP_CACHE_DIR=``)."""
    folder = cache_folder()
    return folder / "simulation" if folder is not None else None


@contextmanager
def cached_only() -> Iterator[None]:
    """Within this block :func:`simulate_cached` raises :class:`NotCached` instead of simulating (to find
    out cheaply which maps still need a simulation)."""
    global _only_cached
    previous, _only_cached = _only_cached, True
    try:
        yield
    finally:
        _only_cached = previous


def _code_fingerprint() -> str:
    """What else decides a run: the simulating code, numpy's random streams and the entry format."""
    global _fingerprint
    if _fingerprint is None:
        digest = hashlib.sha256(f"{CACHE_FORMAT}/{np.__version__}".encode())
        here = Path(__file__).parent
        for name in _SOURCES:
            digest.update((here / name).read_bytes())
        _fingerprint = digest.hexdigest()
    return _fingerprint


def _key(plan: "NetworkPlan", cases: int, seed: int) -> str:
    """SHA-256 over the plan's complete ``repr`` (dataclasses of str, int, float tuples: exact and stable)."""
    text = f"{_code_fingerprint()}\n{cases}\n{seed}\n{plan!r}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def simulate_cached(plan: "NetworkPlan", cases: int, seed: int) -> "SimulationResult":
    """:func:`~procesmap.analysis.simulation.simulate_network`, taken from the cache when this run was made before."""

    folder = cache_dir()
    if folder is None:
        if _only_cached:
            raise NotCached
        return simulate_network(plan, cases, seed)
    path = folder / f"{_key(plan, cases, seed)}{SUFFIX}"
    result = _read(path)
    if result is not None:
        return result
    if _only_cached:
        raise NotCached
    result = simulate_network(plan, cases, seed)
    _write(folder, path, result)
    return result


def pack(arrays: dict[str, "np.ndarray"]) -> bytes:
    """Named numeric arrays as one entry: a magic line, the header's length, a CRC-32 of all that follows it, the
    header (JSON: each array's name, dtype, shape and offset), then each array's bytes, 8-byte aligned.

    Why not ``np.savez``: a zip of 14 members costs about 2 ms to open and read per entry, 12 entries for the
    bundled maps; one read, one CRC and one ``np.frombuffer`` per array cost a fraction of that. The CRC finds a
    damaged entry as the zip's did."""
    named = {name: np.asarray(array) for name, array in arrays.items()}
    header: list[dict[str, Any]] = []
    offset = 0
    for name, array in named.items():
        if array.dtype.hasobject:
            raise ValueError(f"{name}: an array of objects cannot be cached")
        header.append({"name": name, "dtype": array.dtype.str, "shape": list(array.shape), "offset": offset})
        offset += _aligned(array.nbytes)
    text = json.dumps(header, separators=(",", ":")).encode("ascii")
    start = _aligned(_FIXED + len(text))
    out = bytearray(start + offset)
    out[: len(_MAGIC)] = _MAGIC
    out[_FIXED : _FIXED + len(text)] = text
    for item, array in zip(header, named.values()):
        data = array.tobytes()  # C order, whatever the array's layout
        out[start + item["offset"] : start + item["offset"] + len(data)] = data
    struct.pack_into("<II", out, len(_MAGIC), len(text), zlib.crc32(memoryview(out)[_FIXED:]))
    return bytes(out)


def unpack(data: bytearray) -> dict[str, "np.ndarray"]:
    """The arrays of an entry (:func:`pack`), as writable views of ``data``; ValueError when it is not one or it
    is damaged."""
    if not data.startswith(_MAGIC) or len(data) < _FIXED:
        raise ValueError("not a simulation cache entry")
    length, crc = struct.unpack_from("<II", data, len(_MAGIC))
    if zlib.crc32(memoryview(data)[_FIXED:]) != crc:
        raise ValueError("a damaged entry")
    header = json.loads(bytes(data[_FIXED : _FIXED + length]).decode("ascii"))
    start = _aligned(_FIXED + length)
    arrays = {}
    for item in header:
        dtype = np.dtype(item["dtype"])
        if dtype.hasobject:
            raise ValueError("an array of objects")
        shape = tuple(int(n) for n in item["shape"])
        count = int(np.prod(shape, dtype=np.int64)) if shape else 1
        offset = start + int(item["offset"])
        if count < 0 or offset < start or offset % _ALIGN or offset + count * dtype.itemsize > len(data):
            raise ValueError("an array outside the entry")
        arrays[str(item["name"])] = np.frombuffer(data, dtype=dtype, count=count, offset=offset).reshape(shape)
    return arrays


def _aligned(size: int) -> int:
    return -(-size // _ALIGN) * _ALIGN


def _read(path: Path) -> "SimulationResult | None":

    try:
        with open(path, "rb") as handle:
            data = bytearray(os.fstat(handle.fileno()).st_size)
            if handle.readinto(data) != len(data):
                return None
        arrays = unpack(data)
        os.utime(path)  # least recently used goes first
    except (OSError, ValueError, TypeError, KeyError, UnicodeDecodeError, struct.error):
        return None
    try:
        steps = arrays["queue_steps"].tolist()
        bounds = arrays["queue_bounds"].tolist()
        values = arrays["queue_values"]
        step_queue = {int(i): values[bounds[k] : bounds[k + 1]] for k, i in enumerate(steps)}
        step_wait = dict(zip(arrays["wait_steps"].tolist(), arrays["wait_means"].tolist()))

        def optional(name: str) -> list[float | None]:
            return [None if v != v else float(v) for v in arrays[name].tolist()]  # NaN stands for None

        return SimulationResult(
            int(arrays["cases"]),
            arrays["cycle"],
            arrays["term"],
            step_queue,
            {int(k): float(v) for k, v in step_wait.items()},
            [float(v) for v in arrays["queue_utilisation"].tolist()],
            optional("queue_mean"),
            optional("queue_p85"),
            arrays["extended"],
            arrays["decided"],
            arrays["where"],
        )
    except (KeyError, IndexError, ValueError, TypeError):
        return None


def _write(folder: Path, path: Path, result: "SimulationResult") -> None:

    steps = sorted(result.step_queue)
    parts = [np.asarray(result.step_queue[i], dtype=float) for i in steps]
    bounds = np.cumsum([0] + [len(p) for p in parts])
    nan = float("nan")
    arrays = dict(
        cases=np.asarray(result.cases),
        cycle=np.asarray(result.cycle, dtype=float),
        term=np.asarray(result.term, dtype=float),
        queue_steps=np.asarray(steps, dtype=np.int64),
        queue_bounds=bounds.astype(np.int64),
        queue_values=np.concatenate(parts) if parts else np.zeros(0),
        wait_steps=np.asarray(sorted(result.step_wait), dtype=np.int64),
        wait_means=np.asarray([result.step_wait[i] for i in sorted(result.step_wait)], dtype=float),
        queue_utilisation=np.asarray(result.queue_utilisation, dtype=float),
        queue_mean=np.asarray([nan if v is None else v for v in result.queue_mean], dtype=float),
        queue_p85=np.asarray([nan if v is None else v for v in result.queue_p85], dtype=float),
        extended=np.asarray(result.extended if result.extended is not None else np.zeros(0, dtype=bool)),
        decided=np.asarray(result.decided if result.decided is not None else np.zeros(0)),
        where=np.asarray(result.where if result.where is not None else np.zeros(0, dtype=np.int64)),
    )
    if write_quietly(path, pack(arrays)):  # a cache that cannot be written only costs time
        try:
            _prune(folder)
        except OSError:
            pass


def _prune(folder: Path) -> None:
    """Remove the least recently used entries while the cache is over :data:`MAX_CACHE_BYTES`."""
    entries = []
    for entry in os.scandir(folder):
        if entry.name.endswith((SUFFIX, ".npz")) and entry.is_file(follow_symlinks=False):
            stat = entry.stat(follow_symlinks=False)
            entries.append((stat.st_mtime, stat.st_size, entry.path))
    total = sum(size for _, size, _ in entries)
    for _, size, name in sorted(entries):
        if total <= MAX_CACHE_BYTES:
            break
        try:
            os.unlink(name)
            total -= size
        except OSError:
            pass
