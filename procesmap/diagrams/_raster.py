"""A PNG of an SVG picture drawn by resvg, in two bands at once on a machine of two cores or more.

Why: resvg draws and encodes about 20 ns of CPU a pixel and holds the GIL meanwhile (its Python binding's trees
may not even be passed to another thread); a picture asked for at print resolution is 30-80 million pixels (up to
1.6 s). Two processes draw the top and the bottom half at the same time and :mod:`procesmap.diagrams._bands` joins them
into one PNG. The pixels are identical to the picture drawn at once (the tests compare every pixel), because:

* Both bands and the whole are drawn from the same SVG body with one explicit matrix, ``matrix(sx 0 0 sy 0 -top)``
  (``sx``, ``sy`` single-precision floats, as resvg computes), on a canvas of one unit a pixel: a band's point is
  the whole picture's point moved by a whole number of pixels, and that subtraction is exact in single precision.
  Turned text is written with an exact quarter turn, ``matrix(0 -1 1 0 0 0)`` (``rotate(-90)`` has a cosine of
  -4e-8 in single precision, whose rounding would depend on the band).
* resvg clips a shape that crosses a band's edge: a clipped straight vertical edge is the same edge, but a clipped
  slanted line, curve or letter is computed anew and may cover a pixel by one level more or less. So the seam is
  put where only vertical edges cross it (:func:`seam`, from the places each picture says its shapes need,
  ``blockers``); a picture without such a place near its middle is drawn in one piece.

Anything that fails in the two-band way (the child process cannot start, a PNG of another format) draws the picture
in one piece: the same pixels, later.
"""

from __future__ import annotations

import math
import os
import struct
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from procesmap.diagrams import _bands
from procesmap.diagrams._png import set_resolution

BAND_PIXELS = 32_000_000
"""Pictures of at least this many pixels are drawn in two bands at once, a smaller one in one piece. resvg draws
and encodes about 20 ns a pixel; two bands save half of that, while the child's start with its import of resvg
(about 90 ms) and the bottom band's first-row fix (about 100 ms) lie on the critical path: the two break even
at about 18 million pixels on a quiet machine, and lose on a busy one (the 40-step map's 16 million pixels at
load 3: 0.64 s against 0.36 s in one piece). So bands are for the big pictures an asked ``--dpi`` makes. (Was
4 million with resvg-py, whose 60-110 ns a pixel made halving pay sooner.)"""
TOP_SHARE = 0.52
"""Where the seam is aimed at, from the top: the child process starts about 20 ms later than the parent draws."""
SEAM_RANGE = (0.3, 0.7)
"""The seam is put within this share of the height, else the picture is drawn in one piece (one band would take
nearly as long as the whole)."""
SEAM_ROOM = 2
"""Pixels on either side of the seam that no blocker may reach."""


def f32(value: float) -> float:
    """``value`` rounded to single precision (resvg's transforms are single-precision floats)."""
    return float(struct.unpack("<f", struct.pack("<f", value))[0])


@dataclass(frozen=True)
class Canvas:
    """A picture of ``width`` x ``height`` points drawn as ``pixels_wide`` x ``pixels_high`` pixels: x times ``sx``
    and y times ``sy`` (single precision)."""

    pixels_wide: int
    pixels_high: int
    sx: float
    sy: float


def canvas(width: float, height: float, dpi: float) -> Canvas:
    """The canvas of a picture of ``width`` x ``height`` points at ``dpi``: the size and scale resvg gives an SVG of
    that size (written with two decimals) at a zoom of ``dpi / 72``. resvg rounds the SVG's size to whole units, then
    that times the zoom (single precision) to whole pixels, halves away from zero, and scales each axis by pixels
    over units."""
    zoom = f32(dpi / 72.0)
    units = [max(1, _round(f32(float(f"{side:.2f}")))) for side in (width, height)]
    wide, high = (max(1, _round(f32(unit * zoom))) for unit in units)
    return Canvas(wide, high, f32(wide / units[0]), f32(high / units[1]))


def _round(value: float) -> int:
    """Rounded to the nearest whole number, halves away from zero (Rust's ``round``)."""
    return int(math.floor(value + 0.5)) if value >= 0 else -int(math.floor(-value + 0.5))


def band_svg(body: str, area: Canvas, top: int, bottom: int) -> str:
    """The SVG document of the rows ``top`` to ``bottom`` (excluded) of the picture whose SVG ``body`` (the elements
    inside the root, in points) is drawn on ``area``; one unit a pixel."""
    wide, high = area.pixels_wide, bottom - top
    return (
        '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{wide}" height="{high}" viewBox="0 0 {wide} {high}" '
        'version="1.1" xml:space="preserve">\n'
        f'<g transform="matrix({area.sx!r} 0 0 {area.sy!r} 0 {-top})">\n{body}\n</g>\n</svg>\n'
    )


def seam(area: Canvas, blockers: Iterable[tuple[float, float]], share: float = TOP_SHARE) -> int | None:
    """The pixel row to cut the picture at (the first row of the bottom band), nearest to ``share`` of the height
    within :data:`SEAM_RANGE`, such that no blocker (a range of y in points where a slanted edge, a curve or a
    letter is) comes within :data:`SEAM_ROOM` pixels of it; None when there is none."""
    high = area.pixels_high
    low, up = math.ceil(high * SEAM_RANGE[0]), math.floor(high * SEAM_RANGE[1])
    if high < 2 or low > up:
        return None
    taken = sorted((a * area.sy - SEAM_ROOM, b * area.sy + SEAM_ROOM) for a, b in blockers)
    free: list[tuple[float, float]] = []  # open ranges of rows between the blocked ones
    reach = float(low - 1)
    for a, b in taken:
        if a > reach:
            free.append((reach, a))
        reach = max(reach, b)
    free.append((reach, float(up + 1)))
    target = round(high * share)
    best: int | None = None
    for a, b in free:
        first, last = max(math.floor(a) + 1, low), min(math.ceil(b) - 1, up)
        if first > last:
            continue
        row = min(max(target, first), last)
        if best is None or abs(row - target) < abs(best - target):
            best = row
    return best


def render_png(
    body: str,
    area: Canvas,
    dpi: float,
    fonts: list[str],
    blockers: Iterable[tuple[float, float]] = (),
    text: dict[str, str] | None = None,
    band_pixels: int = BAND_PIXELS,
) -> bytes:
    """The PNG of the SVG ``body`` on ``area``, its resolution recorded as ``dpi`` with the ``text`` entries: in two
    bands at once when it has at least ``band_pixels`` pixels, two cores and a seam (:func:`seam`), else in one
    piece."""
    row = None
    if area.pixels_wide * area.pixels_high >= band_pixels and _cores() >= 2:
        row = seam(area, blockers)
    data = None
    if row is not None:
        data = _two_bands(body, area, row, fonts)
    if data is None:
        data = _bands.draw(band_svg(body, area, 0, area.pixels_high), fonts)
    return set_resolution(data, dpi, text)


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


WORKER = Path(_bands.__file__)
CHILD = "import sys; sys.path.append(sys.argv.pop(1)); import _bands; sys.exit(_bands._main(sys.argv[1:]))"
"""The child: ``_bands`` imported as a module of its own (so Python keeps its compiled code, and none of procesmap
is imported) in an isolated interpreter (``-I``: no current folder or user site on its path)."""
TIMEOUT_S = 120.0


@contextmanager
def _child(arguments: list[str], stdout: int) -> Iterator["subprocess.Popen[bytes]"]:
    """The worker (:data:`CHILD`) started with ``arguments``; killed if it still runs when the block ends."""
    child = subprocess.Popen(
        [sys.executable, "-I", "-c", CHILD, str(WORKER.parent), *arguments],
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield child
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.stdout is not None:
            child.stdout.close()


def _two_bands(body: str, area: Canvas, row: int, fonts: list[str]) -> bytes | None:
    """The PNG joined from the top band (drawn here) and the bottom band (drawn by a child process at the same time);
    None when something failed (then the caller draws it in one piece)."""
    try:
        _bands._libz()  # before the work: without a zlib library to call, the bands cannot be joined
        with tempfile.TemporaryDirectory(prefix="procesmap-band-", ignore_cleanup_errors=True) as folder:
            bottom = os.path.join(folder, "bottom.svg")
            with open(bottom, "w", encoding="utf-8") as handle:
                handle.write(band_svg(body, area, row, area.pixels_high))
            with _child([bottom, *fonts], subprocess.PIPE) as child:
                width, top = _bands.top_piece(_bands.draw(band_svg(body, area, 0, row), fonts))
                out, _ = child.communicate(timeout=TIMEOUT_S)
        if child.returncode != 0 or len(out) < 20:
            return None
        bottom_width, adler, length, height = struct.unpack(">IIQI", out[:20])
        if (width, bottom_width, top[2], height) != (area.pixels_wide, width, row, area.pixels_high - row):
            return None
        return _bands.join_pieces(width, top, (out[20:], adler, length, height))
    except (OSError, ValueError, subprocess.SubprocessError, struct.error):
        return None


@dataclass(frozen=True)
class PngJob:
    """One picture of several to draw (:func:`render_pngs`): the arguments of :func:`render_png` that differ."""

    body: str
    area: Canvas
    dpi: float
    blockers: Iterable[tuple[float, float]] = ()
    """Where a band's seam may not go (:func:`seam`): read only when the picture is drawn in two bands."""


SHARE_PIXELS = 12_000_000
"""Pictures (a map's pages) are shared between two processes when they have at least this many pixels together:
the child's start (about 90 ms) must be won back by the half of the drawing it takes (about 10 ns a pixel)."""
MAX_SHARE = 0.6
"""Pictures shared whole between two processes when neither gets more than this share of the pixels; else (one
picture much bigger than the rest) each is drawn as :func:`render_png` draws it, a big one in two bands."""


def render_pngs(
    jobs: list[PngJob], fonts: list[str], text: dict[str, str] | None = None, band_pixels: int = BAND_PIXELS
) -> list[bytes]:
    """The PNGs of several pictures (a map's pages), each with the pixels of :func:`render_png`'s.

    Why whole pictures: on two cores, two bands of every page cost a child process, a scan of the top band's
    stream and a new start of the bottom band's each (about 40 ms a page for a 40-step map's); a child that draws
    whole pages while this process draws the others needs none of that. The pictures go largest first to whichever
    side has fewer pixels so far (this process on a tie: the child starts later)."""
    sizes = [j.area.pixels_wide * j.area.pixels_high for j in jobs]
    mine, theirs = share(sizes)
    heaviest = max(sum(sizes[i] for i in side) for side in (mine, theirs))
    total = sum(sizes)
    if len(jobs) < 2 or _cores() < 2 or total < SHARE_PIXELS or heaviest > MAX_SHARE * total:
        return [render_png(j.body, j.area, j.dpi, fonts, j.blockers, text, band_pixels) for j in jobs]
    pngs = []
    for job, data in zip(jobs, _whole_pictures(jobs, mine, theirs, fonts)):
        pngs.append(set_resolution(data if data is not None else _bands.draw(_whole(job), fonts), job.dpi, text))
    return pngs


def share(sizes: list[int]) -> tuple[list[int], list[int]]:
    """The pictures (their indexes) this process draws and those the child draws: largest first to the side with
    fewer pixels so far, this process on a tie."""
    mine: list[int] = []
    theirs: list[int] = []
    loads = [0, 0]
    for i in sorted(range(len(sizes)), key=lambda i: (-sizes[i], i)):
        side = 0 if loads[0] <= loads[1] else 1
        (mine, theirs)[side].append(i)
        loads[side] += sizes[i]
    return sorted(mine), sorted(theirs)


def _whole(job: PngJob) -> str:
    return band_svg(job.body, job.area, 0, job.area.pixels_high)


def _whole_pictures(jobs: list[PngJob], mine: list[int], theirs: list[int], fonts: list[str]) -> list[bytes | None]:
    """The pictures ``mine`` drawn here while a child process draws ``theirs``; a picture the child did not give
    (it could not start, it failed, a PNG of another size) is None (the caller draws it here)."""
    drawn: list[bytes | None] = [None] * len(jobs)
    try:
        with tempfile.TemporaryDirectory(prefix="procesmap-pages-", ignore_cleanup_errors=True) as folder:
            files = [os.path.join(folder, f"{i}.svg") for i in theirs]
            for i, name in zip(theirs, files):
                with open(name, "w", encoding="utf-8") as handle:
                    handle.write(_whole(jobs[i]))
            with ExitStack() as stack:
                try:
                    child = stack.enter_context(
                        _child([_bands.WHOLE, str(len(files)), *files, *fonts], subprocess.DEVNULL)
                    )
                except OSError:
                    child = None  # this process draws them all
                for i in mine:
                    drawn[i] = _bands.draw(_whole(jobs[i]), fonts)
                if child is not None:
                    child.wait(timeout=TIMEOUT_S)
                    for i, name in zip(theirs, files):
                        drawn[i] = _read_png(name.removesuffix(".svg") + ".png", jobs[i].area)
    except (OSError, subprocess.SubprocessError):
        pass
    return drawn


def _read_png(name: str, area: Canvas) -> bytes | None:
    """The child's PNG of ``area``'s size, or None (missing, not a PNG, another size)."""
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    if data[:8] != _bands.SIGNATURE or len(data) < 33 or data[12:16] != b"IHDR":
        return None
    if struct.unpack(">II", data[16:24]) != (area.pixels_wide, area.pixels_high):
        return None
    return data
