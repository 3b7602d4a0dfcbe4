"""Are the stored pm4py reference files (tests/golden/eventlog/pm4py-*.json) really pm4py's output?

tests/test_eventlog_pm4py.py compares procesmap's event-log figures with these files. This script
proves their provenance: it runs tests/golden/eventlog/pm4py_reference.py with pm4py in a throwaway
venv (pm4py is AGPL: never a dependency, never imported by procesmap or its tests), writes every
reference again into a temporary folder and compares it with the stored one.

    python benchmarks/check_pm4py_references.py

The venv is ``PROCESMAP_PM4PY_PYTHON`` if set, else /tmp/pm4py-venv (built with ``pip install pm4py``
when missing). Needs the shared event logs (../shared/data/event-logs or PROCESMAP_SHARED).
Prints one line per reference and exits 1 when any differs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "eventlog"
PM4PY = Path(os.environ.get("PROCESMAP_PM4PY_PYTHON", "/tmp/pm4py-venv/bin/python"))


def ensure_venv() -> Path:
    if PM4PY.exists():
        return PM4PY
    venv = PM4PY.parent.parent
    print(f"building the throwaway pm4py venv in {venv} ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(PM4PY), "-m", "pip", "install", "-q", "pm4py"], check=True)
    return PM4PY


def main() -> int:
    python = ensure_venv()
    version = subprocess.run(
        [str(python), "-c", "import pm4py; print(pm4py.__version__)"], check=True, capture_output=True, text=True
    ).stdout.strip()
    print(f"pm4py {version} at {python}")
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        subprocess.run(
            [str(python), str(GOLDEN / "pm4py_reference.py"), out],
            check=True,
            cwd=ROOT,
            env={**os.environ, "TQDM_DISABLE": "1"},
        )  # no progress bars in the output
        print(f"references written again in {time.perf_counter() - started:.1f} s")
        differ = 0
        stored = sorted(GOLDEN.glob("pm4py-*.json"))
        for path in stored:
            fresh_path = Path(out) / path.name
            if not fresh_path.exists():
                print(f"  {path.name}: not written by pm4py_reference.py")
                differ += 1
                continue
            same = json.loads(fresh_path.read_text(encoding="utf-8")) == json.loads(path.read_text(encoding="utf-8"))
            differ += not same
            print(f"  {path.name}: {'identical' if same else 'DIFFERS'}")
    print(f"{len(stored) - differ} of {len(stored)} stored references are pm4py's output")
    return 1 if differ or not stored else 0


if __name__ == "__main__":
    sys.exit(main())
