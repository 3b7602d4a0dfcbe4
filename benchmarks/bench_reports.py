"""Benchmark of the HTML and PDF reports (a script, not a test).

Run from the repository root with the project's virtualenv::

    .venv/bin/python benchmarks/bench_reports.py            # HTML of all bundled maps, and PDF
    .venv/bin/python benchmarks/bench_reports.py --no-pdf   # HTML only

Target (issue 4): the HTML report of all bundled maps in under 3 s, measured as a user runs
it: ``procesmap analyse processes/ --format html --output FILE`` (a fresh process: imports,
loading, analysis, charts, swimlane and template). It also shows where the time goes, per
map: analysis, swimlane diagram (procesmap.diagrams), the report's own charts and page, and
the PDF. Prints figures; exits 0 when the measurements ran (a missed target is a figure).
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 3.0


def _cli(fmt: str, out: Path, cache: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "procesmap", "analyse", str(ROOT / "processes"), "--format", fmt,
                    "--output", str(out)], cwd=ROOT, capture_output=True, check=False,
                   env={**os.environ, "PROCESMAP_CACHE_DIR": str(cache)})
    return time.perf_counter() - start


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
        print(f"procesmap analyse processes/ --format html, first run (empty font cache): {cold:.2f} s  "
              f"(target < {TARGET_S:.0f} s: {cold / TARGET_S:.2f}x){'' if cold < TARGET_S else '  MISSED'}")
        runs = [_cli("html", out, cache) for _ in range(max(args.repeat, 1))]
        median = statistics.median(runs)
        flag = "" if median < TARGET_S else "  MISSED"
        print(f"procesmap analyse processes/ --format html (end to end, median of {len(runs)}): {median:.2f} s  "
              f"(target < {TARGET_S:.0f} s: {median / TARGET_S:.2f}x){flag}")
        print(f"  report size: {os.path.getsize(out) / 1024:.0f} KiB")
        if not args.no_pdf:
            pdf = Path(folder) / "all.pdf"
            print(f"procesmap analyse processes/ --format pdf (end to end): {_cli('pdf', pdf, cache):.2f} s, "
                  f"{os.path.getsize(pdf) / 1024:.0f} KiB")

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
