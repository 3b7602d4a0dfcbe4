"""Benchmark of the HTML and PDF reports (a script, not a test).

Run from the repository root with the project's virtualenv::

    .venv/bin/python benchmarks/bench_reports.py            # HTML of all bundled maps, and PDF
    .venv/bin/python benchmarks/bench_reports.py --no-pdf   # HTML only

Targets (issue 18): the HTML report of all bundled maps at most 3x the terminal report of the
same folder (measured in the same run, alternating) and under 1.5 s on a quiet machine; the PDF
of all maps under 5 s. Measured as a user runs it: ``procesmap analyse processes/ --format html
--output FILE`` (a fresh process: imports, loading, analysis, charts, swimlane and template),
with wall and CPU time (user + system of the child: less sensitive to other work on a shared
machine). It also shows where the time goes, per map: analysis, swimlane diagram
(procesmap.diagrams), the report's own charts and page, and the PDF. Prints figures; exits 0
when the measurements ran (a missed target is a figure, marked MISSED).
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import shutil
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

TARGET_S = 1.5
TARGET_RATIO = 3.0
TARGET_PDF_S = 5.0


def _cli_both(fmt: str, out: Path | None, cache: Path, simulated: bool = False) -> tuple[float, float]:
    """Wall and CPU seconds of ``procesmap analyse processes/`` as ``fmt`` (terminal: to a pipe); every map
    simulated, unless ``simulated`` (the maps unchanged since the last run: their runs read from the cache)."""
    args = [sys.executable, "-m", "procesmap", "analyse", str(ROOT / "processes")]
    if out is not None:
        args += ["--format", fmt, "--output", str(out)]
    if not simulated:
        shutil.rmtree(cache / "simulation", ignore_errors=True)  # the font subsets warm, every map simulated
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        args,
        cwd=ROOT,
        capture_output=True,
        check=False,
        env={**os.environ, "PROCESMAP_CACHE_DIR": str(cache), "COLUMNS": "120"},
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _cli(fmt: str, out: Path, cache: Path) -> float:
    return _cli_both(fmt, out, cache)[0]


def _again(fmt: str, out: Path, cache: Path, repeat: int, target: float, note: str = "", where: str = "") -> None:
    """The report of the unchanged maps, after one run that fills the simulation cache: median wall and CPU."""
    _cli_both(fmt, out, cache)  # fills the simulation cache
    runs = [_cli_both(fmt, out, cache, simulated=True) for _ in range(max(repeat, 1))]
    wall = statistics.median(w for w, _ in runs)
    print(
        f"procesmap analyse processes/ --format {fmt} again, the maps unchanged ({note + ', ' if note else ''}median "
        f"of {len(runs)}): {wall:.2f} s wall, {statistics.median(c for _, c in runs):.2f} s CPU"
        f"  (target < {target:g} s{where}){'' if wall < target else '  MISSED'}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF measurements")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the end-to-end command (median shown)")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # fontTools' subsetting notes are not figures

    print(f"load average before: {' '.join(f'{v:.2f}' for v in os.getloadavg())} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "all.html"
        cache = Path(folder) / "cache"  # a new, empty cache: the first run is a first run ever
        cold = _cli("html", out, cache)
        print(f"procesmap analyse processes/ --format html, first run (empty font cache): {cold:.2f} s")
        html_runs: list[tuple[float, float]] = []
        terminal_runs: list[tuple[float, float]] = []
        for _ in range(max(args.repeat, 1)):  # alternating, so that both see the same machine
            html_runs.append(_cli_both("html", out, cache))
            terminal_runs.append(_cli_both("terminal", None, cache))
        html_wall = statistics.median(w for w, _ in html_runs)
        html_cpu = statistics.median(c for _, c in html_runs)
        term_wall = statistics.median(w for w, _ in terminal_runs)
        term_cpu = statistics.median(c for _, c in terminal_runs)
        n = len(html_runs)
        print(
            f"procesmap analyse processes/ --format html (median of {n}): {html_wall:.2f} s wall, {html_cpu:.2f} s CPU"
            f"  (target < {TARGET_S:g} s on a quiet machine){'' if html_wall < TARGET_S else '  MISSED'}"
        )
        print(
            f"procesmap analyse processes/ (terminal, the baseline, median of {n}): {term_wall:.2f} s wall, "
            f"{term_cpu:.2f} s CPU"
        )
        ratio_wall, ratio_cpu = html_wall / term_wall, html_cpu / term_cpu
        print(
            f"  html / terminal: {ratio_wall:.2f}x wall, {ratio_cpu:.2f}x CPU (target at most {TARGET_RATIO:g}x)"
            + ("" if min(ratio_wall, ratio_cpu) <= TARGET_RATIO else "  MISSED")
        )
        print(f"  report size: {os.path.getsize(out) / 1024:.0f} KiB")
        _again("html", out, cache, args.repeat, TARGET_S, "simulation cache filled", " on a quiet machine")
        if not args.no_pdf:
            pdf = Path(folder) / "all.pdf"
            pdf_runs = [_cli_both("pdf", pdf, cache) for _ in range(max(args.repeat, 1))]
            pdf_wall = statistics.median(w for w, _ in pdf_runs)
            pdf_cpu = statistics.median(c for _, c in pdf_runs)
            print(
                f"procesmap analyse processes/ --format pdf (median of {len(pdf_runs)}): {pdf_wall:.2f} s wall, "
                f"{pdf_cpu:.2f} s CPU, {os.path.getsize(pdf) / 1024:.0f} KiB  (target < {TARGET_PDF_S:g} s; "
                f"{pdf_wall / term_wall:.2f}x the terminal report){'' if pdf_wall < TARGET_PDF_S else '  MISSED'}"
            )
            _again("pdf", pdf, cache, args.repeat, TARGET_PDF_S)

    sys.path.insert(0, str(ROOT))
    import procesmap
    from procesmap.render import charts
    from procesmap.render._document import swimlane
    from procesmap.render.html import render_html

    print("where the time goes, per map (in one process, warm imports):")
    totals = {"analyse": 0.0, "swimlane": 0.0, "charts": 0.0, "html": 0.0, "pdf": 0.0}
    procesmap.analyse(procesmap.load(ROOT / "processes" / "kcc-vraag-doorzetten.yaml"))  # warm up imports
    for path in sorted((ROOT / "processes").glob("*.yaml")):
        t = time.perf_counter()
        analysis = procesmap.analyse(procesmap.load(path))
        a = time.perf_counter() - t
        t = time.perf_counter()
        swimlane(analysis, "nl", "svg")
        s = time.perf_counter() - t
        t = time.perf_counter()
        for name in charts.CHARTS:
            charts.chart_svg(name, analysis, "nl")
        c = time.perf_counter() - t
        t = time.perf_counter()
        render_html([analysis], "nl")
        h = time.perf_counter() - t
        line = f"  {path.stem:34} analyse {a:5.2f} s  swimlane {s:5.2f} s  charts {c:5.2f} s  html (all) {h:5.2f} s"
        totals["analyse"] += a
        totals["swimlane"] += s
        totals["charts"] += c
        totals["html"] += h
        if not args.no_pdf:
            from procesmap.render.pdf import render_pdf

            t = time.perf_counter()
            render_pdf([analysis], "nl")
            p = time.perf_counter() - t
            totals["pdf"] += p
            line += f"  pdf {p:5.2f} s"
        print(line)
    print("  total: " + ", ".join(f"{k} {v:.2f} s" for k, v in totals.items() if v))
    print(f"load average after: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
