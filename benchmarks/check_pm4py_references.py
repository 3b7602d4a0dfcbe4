"""Does the test oracle of the event-log figures (tests/_eventlog_oracle.py) give pm4py's own figures?

tests/test_eventlog_oracle.py holds procesmap's event-log figures equal to a plain computation of pm4py's
definitions from each shared log. This script holds that computation equal to pm4py itself: it runs
benchmarks/pm4py_reference.py with pm4py in a throwaway venv (pm4py is AGPL: never a dependency, never
imported by procesmap or its tests), which writes pm4py's figures into a temporary folder, and compares
each with the oracle's (case durations to 1 ms, everything else exactly). Nothing is stored: the figures
are derived from third-party logs.

    python benchmarks/check_pm4py_references.py

The venv is ``PROCESMAP_PM4PY_PYTHON`` if set, else /tmp/pm4py-venv (built with ``pip install pm4py``
when missing). Needs the shared event logs (../shared/data/event-logs or PROCESMAP_SHARED).
Prints one line per log and exits 1 when any differs.
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
sys.path.insert(0, str(ROOT))
LOGS = Path(os.environ.get("PROCESMAP_SHARED", ROOT.parent / "shared")) / "data" / "event-logs"
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
    from tests._eventlog_oracle import ORACLE_LOGS, reference

    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        subprocess.run(
            [str(python), str(ROOT / "benchmarks" / "pm4py_reference.py"), out, *ORACLE_LOGS],
            check=True,
            cwd=ROOT,
            env={**os.environ, "TQDM_DISABLE": "1"},
        )  # no progress bars in the output
        print(f"pm4py's figures written in {time.perf_counter() - started:.1f} s")
        written = sorted(Path(out).glob("pm4py-*.json"))
        differ = 0
        for path in written:
            theirs = json.loads(path.read_text(encoding="utf-8"))
            ours = reference(LOGS / theirs["log"])
            durations_ours = ours.pop("case_durations_seconds")
            durations_theirs = theirs.pop("case_durations_seconds")
            same = (
                ours == theirs
                and len(durations_ours) == len(durations_theirs)
                and all(abs(a - b) <= 1e-3 for a, b in zip(durations_ours, durations_theirs))
            )
            differ += not same
            print(f"  {theirs['log']}: {'identical' if same else 'DIFFERS'}")
    print(f"{len(written) - differ} of {len(written)} logs: the oracle gives pm4py's figures")
    return 1 if differ or not written else 0


if __name__ == "__main__":
    sys.exit(main())
