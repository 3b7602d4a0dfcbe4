"""The simulation cache gives exactly the run the simulation gives, and never a run of other inputs."""

from __future__ import annotations

import dataclasses
import os
import random
import struct
import zlib
from pathlib import Path
from typing import Callable

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from procesmap.analysis import simcache
from procesmap.analysis.sampling import Spec
from procesmap.analysis.simulation import NetworkPlan, QueuePlan, StepPlan, simulate_network
from procesmap.analysis.worktime import WorkClock
from procesmap.model import Calendar


def _plan(work_mode: float = 2.0) -> NetworkPlan:
    clock = WorkClock.of(Calendar())
    steps = [
        StepPlan("intake", [1], [1.0], wait=Spec("tri", (1.0, 2.0, 4.0))),
        StepPlan("check", [2, 0], [0.8, 0.2], queue=0, work=Spec("tri", (1.0, work_mode, 3.0)), looped=True),
        StepPlan("decide", [], [], queue=0, work=Spec("gamma", (1.5, 0.5))),
    ]
    steps[0].looped = True
    return NetworkPlan(steps, 0, [QueuePlan("team", 2, 0.8)], clock, 0.05)


def _equal(x: object, y: object) -> bool:
    """Equal to the last bit, NaN equal to NaN, and of the same type (a list stays a list of float/None)."""
    if isinstance(x, list) or isinstance(y, list):
        return type(x) is type(y) and x == y  # type: ignore[comparison-overlap]
    a, b = np.asarray(x), np.asarray(y)
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    return a.tobytes() == b.tobytes()  # bit for bit (NaN payloads included)


def _same(a: object, b: object) -> None:
    for field in dataclasses.fields(a):  # type: ignore[arg-type]
        x, y = getattr(a, field.name), getattr(b, field.name)
        if isinstance(x, dict):
            assert sorted(x) == sorted(y), field.name
            for k in x:
                assert _equal(x[k], y[k]), (field.name, k)
        else:
            assert _equal(x, y), field.name


def test_a_cached_run_is_bit_for_bit_the_simulated_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROCESMAP_CACHE_DIR", str(tmp_path))
    fresh = simulate_network(_plan(), 500, 7)
    first = simcache.simulate_cached(_plan(), 500, 7)  # simulated and written
    assert len(list((tmp_path / "simulation").glob("*" + simcache.SUFFIX))) == 1
    second = simcache.simulate_cached(_plan(), 500, 7)  # read back
    _same(fresh, first)
    _same(fresh, second)
    assert second.queue_mean[0] is not None and isinstance(second.step_wait[1], float)


def test_every_input_is_in_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROCESMAP_CACHE_DIR", str(tmp_path))
    simcache.simulate_cached(_plan(), 300, 1)
    with simcache.cached_only():
        simcache.simulate_cached(_plan(), 300, 1)  # the same inputs: found
        for plan, cases, seed in ((_plan(2.5), 300, 1), (_plan(), 301, 1), (_plan(), 300, 2)):
            with pytest.raises(simcache.NotCached):
                simcache.simulate_cached(plan, cases, seed)
    changed = _plan()
    changed.queues[0].servers = 3
    with simcache.cached_only(), pytest.raises(simcache.NotCached):
        simcache.simulate_cached(changed, 300, 1)


def test_a_damaged_entry_is_simulated_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROCESMAP_CACHE_DIR", str(tmp_path))
    simcache.simulate_cached(_plan(), 300, 1)
    (entry,) = (tmp_path / "simulation").glob("*" + simcache.SUFFIX)
    entry.write_bytes(b"PK\x03\x04 not a zip")
    again = simcache.simulate_cached(_plan(), 300, 1)
    _same(simulate_network(_plan(), 300, 1), again)


def test_off_and_unwritable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROCESMAP_CACHE_DIR", "")
    assert simcache.cache_dir() is None
    with simcache.cached_only(), pytest.raises(simcache.NotCached):
        simcache.simulate_cached(_plan(), 300, 1)
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("PROCESMAP_CACHE_DIR", str(blocked / "cache"))
    _same(simulate_network(_plan(), 300, 1), simcache.simulate_cached(_plan(), 300, 1))


def test_the_oldest_entries_go_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROCESMAP_CACHE_DIR", str(tmp_path))
    simcache.simulate_cached(_plan(), 300, 1)
    (old,) = (tmp_path / "simulation").glob("*" + simcache.SUFFIX)
    os.utime(old, (1, 1))
    monkeypatch.setattr(simcache, "MAX_CACHE_BYTES", old.stat().st_size + 10)
    simcache.simulate_cached(_plan(), 300, 2)
    assert not old.exists() and len(list((tmp_path / "simulation").glob("*" + simcache.SUFFIX))) == 1


def test_default_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROCESMAP_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert simcache.cache_dir() == tmp_path / "procesmap" / "simulation"


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["<f8", "<i8", "|b1", "<f4", "<u2"]),
            st.lists(st.integers(min_value=0, max_value=4), max_size=3),
        ),
        max_size=6,
    ),
    st.randoms(use_true_random=False),
)
def test_an_entry_holds_its_arrays_bit_for_bit(specs: list[tuple[str, list[int]]], rng: random.Random) -> None:
    arrays = {}
    for number, (dtype, shape) in enumerate(specs):
        size = int(np.prod(shape)) if shape else 1
        if dtype == "|b1":
            array = np.array([rng.random() < 0.5 for _ in range(size)], dtype=bool).reshape(shape)
        else:
            raw = bytes(rng.getrandbits(8) for _ in range(size * np.dtype(dtype).itemsize))
            array = np.frombuffer(raw, dtype=dtype).reshape(shape)
        arrays[f"a{number}"] = array
    data = simcache.pack(arrays)
    back = simcache.unpack(bytearray(data))
    assert list(back) == list(arrays)
    for name, array in arrays.items():
        assert back[name].dtype == array.dtype and back[name].shape == array.shape
        assert back[name].tobytes() == array.tobytes()  # NaN payloads too
        back[name].flags.writeable or pytest.fail("a read-only array: a caller may change it in place")


DAMAGES: dict[str, Callable[[bytes], bytes]] = {
    "cut-short": lambda data: data[: len(data) // 2],  # a full disk
    "inside-the-header": lambda data: data[:20],
    "not-ours": lambda data: b"PK\x03\x04" + data[4:],
    "objects": lambda data: data.replace(b'"<f8"', b'"|O8"', 1),
    "misaligned": lambda data: data.replace(b'"offset":0', b'"offset":9', 1),
    "too-big": lambda data: data.replace(b'"shape":[', b'"shape":[99999999,', 1),  # more than the file holds
    "no-dtype": lambda data: data.replace(b'"dtype"', b'"dtypo"', 1),
    "bit-rot": lambda data: data[:-9] + bytes([data[-9] ^ 1]) + data[-8:],  # one bit of a figure flipped
}


@pytest.mark.parametrize(
    ("damage", "resealed"),
    [(name, False) for name in DAMAGES] + [(name, True) for name in DAMAGES if name not in ("bit-rot", "not-ours")],
)
def test_a_damaged_entry_of_any_kind_is_simulated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str, resealed: bool
) -> None:
    """Damage is found by the CRC; with a CRC made for the damaged bytes (a bug that writes a wrong header), by
    the header's checks. (A flipped bit of a figure only the CRC can find.)"""
    monkeypatch.setenv("PROCESMAP_CACHE_DIR", str(tmp_path))
    simcache.simulate_cached(_plan(), 300, 1)
    (entry,) = (tmp_path / "simulation").glob("*" + simcache.SUFFIX)
    data = bytearray(DAMAGES[damage](entry.read_bytes()))
    fixed = simcache._FIXED
    if resealed and len(data) >= fixed:
        struct.pack_into("<I", data, fixed - 4, zlib.crc32(bytes(data[fixed:])))
    entry.write_bytes(bytes(data))
    assert simcache._read(entry) is None
    _same(simulate_network(_plan(), 300, 1), simcache.simulate_cached(_plan(), 300, 1))


def test_entries_of_the_former_format_go_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROCESMAP_CACHE_DIR", str(tmp_path))
    folder = tmp_path / "simulation"
    folder.mkdir()
    old = folder / ("0" * 64 + ".npz")  # format 1 (np.savez): never read again, removed when over the limit
    old.write_bytes(b"PK\x03\x04" + bytes(200_000))
    os.utime(old, (1, 1))
    monkeypatch.setattr(simcache, "MAX_CACHE_BYTES", 100_000)  # the new entry of 300 cases is about 20 kB
    simcache.simulate_cached(_plan(), 300, 1)
    assert not old.exists() and len(list(folder.glob("*" + simcache.SUFFIX))) == 1
