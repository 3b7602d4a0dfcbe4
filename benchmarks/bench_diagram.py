"""Benchmark of ``procesmap diagram`` (a script, not a test).

Run from the repository root with the project's virtualenv::

    .venv/bin/python benchmarks/bench_diagram.py            # 5 runs per measurement
    .venv/bin/python benchmarks/bench_diagram.py --runs 1   # quick

Target (issue 18; was 2 s in issue 4): the PNG diagram of a 40-step map in under 1 s, imports included, so
it is measured as a user feels it: ``procesmap diagram FILE --single --output x.png`` in a new process, cold
(the simulation cache off) and again with the map unchanged (its simulation read from the cache). A map
this wide is drawn as pages by default (docs/diagrams.md): that run is printed too, and again at 200 dpi, the
default before issue 18 (PNGs are 144 dpi since: docs/diagrams.md, 'PNG resolution'), as a baseline of the
same run. The 40-step map as one picture is over the 16-million-pixel cap at either resolution (117 dpi), so
its work is the same as before. The one-PNG line alternates with the same command drawing the PNG in two bands at
once (docs/diagrams.md, 'How the PNG is drawn'; since resvg's faster binding a picture of this size is drawn in one
piece), the check of the same run. The default pages alternate with the same pages drawn one after the other in one
process. It also prints the SVG, PDF and Mermaid times, the 60-step PNG, where the time of one in-process PNG goes
(load + analyse, layout + paint, SVG, choosing the seam, the PNG as drawn by default in wall and CPU seconds of both
processes, and for comparison one piece, each band alone, the block scan and first-row fix of a join, and a blank
canvas of as many pixels: the floor of allocating, filling and encoding that resvg gives), and the machine's load
average, because other work on a 2-core machine changes every figure (with no core free, two bands are slower
than one piece).
Prints the median, the best run and the ratio to the target; ``MISSED`` when the median
is over it. Exits 0 whenever the measurements ran.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Cold figures: every run simulates (caches off: the simulation cache of procesmap/analysis/simcache.py).
os.environ.setdefault("PROCESMAP_CACHE_DIR", "")
# A user's Python keeps compiled bytecode: children run with it (some shells set PYTHONDONTWRITEBYTECODE).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_S = 1.0


CPU: dict[int, tuple[list[float], list[float]]] = {}


FORMER_DPI = (
    "import sys; import procesmap.diagrams.swimlane as s; s.DPI = 200; from procesmap.cli import main; "
    "sys.argv = ['procesmap', *sys.argv[1:]]; main()"
)
"""``procesmap`` as it drew PNGs before issue 18: 200 dpi, at most 16 million pixels a picture."""


def _time_command(
    args: list[str], runs: int, env: dict[str, str] | None = None, program: list[str] | None = None
) -> list[float]:
    """Wall seconds of each run; the CPU seconds (user + system of the child) go to ``CPU[id(result)]``.
    ``program``: what runs instead of ``python -m procesmap`` (the arguments follow it)."""
    import resource

    times: list[float] = []
    cpu: list[float] = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(
            [*(program or [sys.executable, "-m", "procesmap"]), *args],
            cwd=ROOT,
            capture_output=True,
            env={**os.environ, **(env or {})},
        )
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if result.returncode != 0:
            raise SystemExit(f"procesmap {' '.join(args)} failed:\n{result.stderr.decode()}")
    CPU[id(times)] = (times, cpu)  # the list is kept, so its id is not reused
    return times


def _alternating(runs: int, *commands: tuple[list[str], list[str] | None]) -> list[list[float]]:
    """Wall seconds of each command (arguments, program), run in turn ``runs`` times so that all see the same load;
    their CPU seconds go to ``CPU`` as with :func:`_time_command`."""
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for i, (args, program) in enumerate(commands):
            times = _time_command(args, 1, program=program)
            walls[i] += times
            cpus[i] += CPU[id(times)][1]
    for times, cpu in zip(walls, cpus):
        CPU[id(times)] = (times, cpu)
    return walls


def _line(label: str, times: list[float], target: float | None = None) -> str:
    median = statistics.median(times)
    text = f"{label:<48} median {median:6.2f} s   best {min(times):6.2f} s"
    if id(times) in CPU and CPU[id(times)][0] is times:
        text += f"   CPU median {statistics.median(CPU[id(times)][1]):5.2f} s"
    if target is not None:
        text += f"   ratio to {target:.0f} s target {median / target:5.2f}" + ("   MISSED" if median > target else "")
    return text


def _breakdown(path: Path) -> str:
    """Where one in-process 40-step PNG goes (CPU seconds of this process, one run, warm file cache): load + analyse,
    layout + painting, writing the SVG body, the PNG as drawn today (two bands at once: wall seconds, and the CPU of
    this process; the child's CPU is on its own line), and, for comparison, one piece (resvg's whole picture), each
    band alone, joining them, and a blank canvas of as many pixels (what allocating, filling and encoding costs)."""
    code = f"""
import os, resource, struct, time
c = time.process_time
t0 = c()
import procesmap
analysis = procesmap.analyse(procesmap.load({str(path)!r}))
t1 = c()
from procesmap.diagrams import swimlane, _raster, _bands
picture = swimlane._ringed(swimlane._paint(analysis, "nl"))
t2 = c()
body = swimlane._svg_body(picture, embed_fonts=False, exact_turn=True)
t3 = c()
dpi = swimlane.png_dpi(picture.width, picture.height)
area = _raster.canvas(picture.width, picture.height, dpi)
fonts = [swimlane.font_file("regular"), swimlane.font_file("bold")]
row = _raster.seam(area, swimlane._blockers(picture, max(area.sx, area.sy)))
t4 = c()
children = resource.getrusage(resource.RUSAGE_CHILDREN)
w = time.perf_counter()
data = swimlane._png(picture)
wall = time.perf_counter() - w
t5 = c()
after = resource.getrusage(resource.RUSAGE_CHILDREN)
child = after.ru_utime - children.ru_utime + after.ru_stime - children.ru_stime
w = time.perf_counter()
whole = _bands.draw(_raster.band_svg(body, area, 0, area.pixels_high), fonts)
one_wall = time.perf_counter() - w
t6 = c()
top = _bands.draw(_raster.band_svg(body, area, 0, row), fonts) if row else b""
t7 = c()
bottom = _bands.draw(_raster.band_svg(body, area, row, area.pixels_high), fonts) if row else b""
t8 = c()
upper = _bands.top_piece(top)[1] if row else None
t9 = c()
lower = _bands.bottom_piece(bottom)[1] if row else None
t10 = c()
blank = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{{area.pixels_wide}}" height="{{area.pixels_high}}">'
         f'<rect width="{{area.pixels_wide}}" height="{{area.pixels_high}}" fill="#ffffff"/></svg>')
_bands.draw(blank, fonts)
t11 = c()
width, height = struct.unpack(">II", data[16:24])
print(f"load + analyse {{t1 - t0:.2f}} s, layout + paint {{t2 - t1:.3f}} s, SVG {{t3 - t2:.3f}} s "
      f"({{len(body) / 1e3:.0f}} kB), seam {{t4 - t3:.3f}} s (row {{row}} of {{area.pixels_high}}); "
      f"the PNG: {{wall:.2f}} s wall, CPU {{t5 - t4:.2f}} s here + {{child:.2f}} s in the child; "
      f"one piece for comparison {{one_wall:.2f}} s wall, {{t6 - t5:.2f}} s CPU; top band {{t7 - t6:.2f}} s + its "
      f"block scan {{t9 - t8:.3f}} s, bottom band {{t8 - t7:.2f}} s + its first-row fix {{t10 - t9:.3f}} s; a blank "
      f"canvas of as many pixels {{t11 - t10:.2f}} s: {{len(data) / 1e6:.2f}} MB (one piece {{len(whole) / 1e6:.2f}} MB), "
      f"{{width}} x {{height}} px ({{width * height / 1e6:.1f}} megapixels) at {{dpi:.0f}} dpi")
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() or result.stderr.strip()


TWO_BANDS = (
    "import sys; import procesmap.diagrams._raster as r; r.BAND_PIXELS = 0; from procesmap.cli import main; "
    "sys.argv = ['procesmap', *sys.argv[1:]]; main()"
)
"""``procesmap`` drawing every PNG of two cores in two bands at once (what a 16-million-pixel picture got while
``BAND_PIXELS`` was 4 million, with resvg-py): the check of the same run that one piece is now the faster."""


PAGES_ONE_BY_ONE = (
    "import sys; import procesmap.diagrams._raster as r; r.MAX_SHARE = 0.0; from procesmap.cli import main; "
    "sys.argv = ['procesmap', *sys.argv[1:]]; main()"
)
"""``procesmap`` drawing a map's PNG pages one after the other in one process (each in two bands if it had
``BAND_PIXELS``; before the pages were shared whole between two processes): the baseline of the same run."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    from procesmap.diagrams.sample import synthetic_map

    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        maps = {}
        for steps in (40, 60):
            maps[steps] = Path(folder) / f"synthetisch-{steps}.yaml"
            maps[steps].write_text(synthetic_map(steps, 0), encoding="utf-8")
        out = Path(folder) / "out"
        _time_command(["diagram", str(maps[40]), "--single", "--output", f"{out}.png"], 1)  # warm the file cache
        single = ["diagram", str(maps[40]), "--single", "--output", f"{out}.png"]
        drawn, banded = _alternating(runs, (single, None), (single, [sys.executable, "-c", TWO_BANDS]))
        print(_line("diagram, 40 steps, one PNG (target < 1 s)", drawn, TARGET_S))
        print(_line("  the same PNG in two bands at once", banded))
        with tempfile.TemporaryDirectory() as cache:  # the same map again: its simulation read from the cache
            warm = {"PROCESMAP_CACHE_DIR": cache}
            _time_command(["diagram", str(maps[40]), "--single", "--output", f"{out}.png"], 1, warm)
            print(
                _line(
                    "diagram, 40 steps, one PNG again (map unchanged)",
                    _time_command(["diagram", str(maps[40]), "--single", "--output", f"{out}.png"], runs, warm),
                    TARGET_S,
                )
            )
        # by default a map too small to read as one picture is drawn as pages (docs/diagrams.md, 'Big maps')
        pages, banded_pages = _alternating(
            runs,
            (["diagram", str(maps[40]), "--output", f"{out}p.png"], None),
            (["diagram", str(maps[40]), "--output", f"{out}r.png"], [sys.executable, "-c", PAGES_ONE_BY_ONE]),
        )
        print(_line("diagram, 40 steps, PNG pages (the default, 144 dpi)", pages))
        print(_line("  PNG pages one after the other", banded_pages))
        print(
            f"{'  pages side by side / one after the other':<48} wall "
            f"{statistics.median(pages) / statistics.median(banded_pages):5.2f}"
            f"   CPU {statistics.median(CPU[id(pages)][1]) / statistics.median(CPU[id(banded_pages)][1]):5.2f}"
        )
        before = _time_command(
            ["diagram", str(maps[40]), "--output", f"{out}q.png"], runs, program=[sys.executable, "-c", FORMER_DPI]
        )
        print(_line("diagram, 40 steps, PNG pages at 200 dpi (before #18)", before))
        print(
            f"{'  pages at 144 dpi / at 200 dpi':<48} wall {statistics.median(pages) / statistics.median(before):5.2f}"
            f"   CPU {statistics.median(CPU[id(pages)][1]) / statistics.median(CPU[id(before)][1]):5.2f}"
            f"   pixels {_pixels(Path(folder), 'p'):.1f} / {_pixels(Path(folder), 'q'):.1f} million"
        )
        for fmt in ("svg", "pdf", "mermaid"):
            print(
                _line(
                    f"diagram, 40 steps, {fmt}",
                    _time_command(["diagram", str(maps[40]), "--format", fmt, "--output", f"{out}.{fmt}"], runs),
                )
            )
        print(
            _line(
                "diagram, 60 steps, one PNG",
                _time_command(["diagram", str(maps[60]), "--single", "--output", f"{out}60.png"], runs),
            )
        )
        print(_line("python -c pass (interpreter start)", [_python_start() for _ in range(runs)]))
        print("where one 40-step PNG goes:", _breakdown(maps[40]))
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")


def _pixels(folder: Path, stem: str) -> float:
    """Millions of pixels of the PNG files ``out<stem>*.png`` (read from each file's IHDR)."""
    import struct

    total = 0
    for path in folder.glob(f"out{stem}*.png"):
        width, height = struct.unpack(">II", path.read_bytes()[16:24])
        total += width * height
    return total / 1e6


def _python_start() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
