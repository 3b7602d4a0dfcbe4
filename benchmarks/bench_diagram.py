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
its work is the same as before. It also prints the SVG, PDF and Mermaid times, the 60-step PNG, where the CPU
time of one in-process PNG goes (load + analyse, resvg import, layout + paint, SVG, resvg, and a blank canvas
of as many pixels), and the machine's load average, because other work on a 2-core machine changes every
figure.
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


def _line(label: str, times: list[float], target: float | None = None) -> str:
    median = statistics.median(times)
    text = f"{label:<48} median {median:6.2f} s   best {min(times):6.2f} s"
    if id(times) in CPU and CPU[id(times)][0] is times:
        text += f"   CPU median {statistics.median(CPU[id(times)][1]):5.2f} s"
    if target is not None:
        text += f"   ratio to {target:.0f} s target {median / target:5.2f}" + ("   MISSED" if median > target else "")
    return text


def _breakdown(path: Path) -> str:
    """Where one in-process 40-step PNG goes (CPU seconds, one run, warm file cache): load + analyse, the resvg
    import, layout + painting, writing the SVG, resvg (parse, text, rasterise and its own PNG encoding), and the
    same number of pixels of a blank picture (what allocating, filling and encoding the canvas costs alone)."""
    code = f"""
import time
c = time.process_time
t0 = c()
import procesmap
analysis = procesmap.analyse(procesmap.load({str(path)!r}))
t1 = c()
import resvg_py
t2 = c()
from procesmap.diagrams import swimlane
picture = swimlane._paint(analysis, "nl")
t3 = c()
svg = swimlane._svg(picture, embed_fonts=False, unit="")
t4 = c()
data = swimlane._png(picture)
t5 = c()
dpi = swimlane.png_dpi(picture.width, picture.height)
blank = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{{picture.width}}" height="{{picture.height}}">'
         f'<rect width="{{picture.width}}" height="{{picture.height}}" fill="#ffffff"/></svg>')
t6 = c()
resvg_py.svg_to_bytes(svg_string=blank, zoom=dpi / 72)
t7 = c()
import struct
width, height = struct.unpack(">II", data[16:24])  # the PNG's IHDR
print(f"load + analyse {{t1 - t0:.2f}} s, resvg import {{t2 - t1:.3f}} s, layout + paint {{t3 - t2:.3f}} s, "
      f"SVG {{t4 - t3:.3f}} s ({{len(svg) / 1e3:.0f}} kB), resvg {{t5 - t4 - (t4 - t3):.2f}} s "
      f"({{(t5 - t4 - (t4 - t3)) / (width * height) * 1e9:.0f}} ns a pixel; a blank canvas of as many pixels "
      f"{{t7 - t6:.2f}} s): {{len(data) / 1e6:.2f}} MB, {{width}} x {{height}} px ({{width * height / 1e6:.1f}} "
      f"megapixels) at {{dpi:.0f}} dpi")
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() or result.stderr.strip()


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
        print(
            _line(
                "diagram, 40 steps, one PNG (target < 1 s)",
                _time_command(["diagram", str(maps[40]), "--single", "--output", f"{out}.png"], runs),
                TARGET_S,
            )
        )
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
        pages = _time_command(["diagram", str(maps[40]), "--output", f"{out}p.png"], runs)
        print(_line("diagram, 40 steps, PNG pages (the default, 144 dpi)", pages))
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
