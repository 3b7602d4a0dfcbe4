"""Bounded time and memory for untrusted zaaktype and spreadsheet files (issue 17).

A plain script, not a test. Run from the repository root:

    .venv/bin/python benchmarks/bench_untrusted_files.py

It builds, in a temporary folder, a real Open Zaak-style catalogue export and a workbook (the baselines), and the
hostile files: a 100 MB JSON file, a ZIP bomb (1 GiB of zeros in about 1 MB), a workbook with a bomb inside, a
ZIP whose entry leaves the folder. Each is read with the public functions; the script prints the time and the
peak memory (tracemalloc) of each, and its ratio to the baseline measured in the same run. Targets: every
refusal within 2 s and 100 MB of peak memory (``MISSED`` is printed otherwise).
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

# Cold figures: every run simulates (caches off: the simulation cache of procesmap/analysis/simcache.py).
os.environ.setdefault("PROCESMAP_CACHE_DIR", "")
# A user's Python keeps compiled bytecode: children run with it (some shells set PYTHONDONTWRITEBYTECODE).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from procesmap.errors import LoadError  # noqa: E402


def _measure(label: str, action, baseline: tuple[float, float] | None = None) -> tuple[float, float]:
    tracemalloc.start()
    started = time.perf_counter()
    outcome = "read"
    try:
        action()
    except LoadError as err:
        outcome = "refused: " + err.problems[0].key
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    megabytes = peak / 1e6
    ratio = (
        f"  ({seconds / baseline[0]:.1f}x time, {megabytes / max(baseline[1], 0.01):.1f}x memory of the baseline)"
        if baseline
        else ""
    )
    missed = "  MISSED" if baseline and (seconds > 2 or megabytes > 100) else ""
    print(f"{label}: {outcome}; {seconds:.3f} s, peak {megabytes:.1f} MB{ratio}{missed}")
    return seconds, megabytes


def main() -> None:
    import procesmap
    from procesmap.sheet import export_xlsx, import_xlsx
    from procesmap.zgw import read_catalogue

    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        zaaktypen = [
            {
                "url": f"https://x.example/zaaktypen/{i}",
                "identificatie": f"ZT-{i}",
                "omschrijving": f"Zaaktype {i}",
                "doorlooptijd": "P56D",
                "opschortingEnAanhoudingMogelijk": True,
                "verlengingMogelijk": False,
            }
            for i in range(200)
        ]
        statustypen = [
            {
                "url": f"https://x.example/statustypen/{i}-{k}",
                "omschrijving": f"Status {k}",
                "volgnummer": k,
                "zaaktype": f"https://x.example/zaaktypen/{i}",
            }
            for i in range(200)
            for k in range(1, 6)
        ]
        normal = tmp / "export.zip"
        with zipfile.ZipFile(normal, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("ZaakType.json", json.dumps(zaaktypen))
            archive.writestr("StatusType.json", json.dumps(statustypen))
        base = _measure(
            f"baseline: catalogue export, 200 zaaktypen ({normal.stat().st_size:,} bytes)",
            lambda: read_catalogue(normal),
        )
        big = tmp / "big.json"
        with open(big, "wb") as handle:
            handle.truncate(100 * 1024 * 1024)
        _measure("100 MB JSON", lambda: read_catalogue(big), base)
        bomb = tmp / "bomb.zip"
        with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
            with archive.open("ZaakType.json", "w", force_zip64=True) as entry:
                block = b"\0" * (1 << 20)
                for _ in range(1024):
                    entry.write(block)
        _measure(f"ZIP bomb, 1 GiB of zeros in {bomb.stat().st_size:,} bytes", lambda: read_catalogue(bomb), base)
        slip = tmp / "slip.zip"
        with zipfile.ZipFile(slip, "w") as archive:
            archive.writestr("../../etc/evil.json", "{}")
        _measure("ZIP entry leaving the folder", lambda: read_catalogue(slip), base)

        workbook = export_xlsx(
            procesmap.analyse(procesmap.load(root / "processes" / "omgevingsvergunning.yaml"), cases=1000), "nl"
        )
        sheet_base = _measure(
            f"baseline: workbook of omgevingsvergunning ({len(workbook):,} bytes)",
            lambda: import_xlsx(workbook, display="map.xlsx"),
        )
        source = zipfile.ZipFile(io.BytesIO(workbook))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                target.writestr(info.filename, source.read(info.filename))
            with target.open("xl/media/padding.bin", "w", force_zip64=True) as entry:
                for _ in range(512):
                    entry.write(b"\0" * (1 << 20))
        _measure(
            f"workbook with a 512 MiB bomb ({len(buffer.getvalue()):,} bytes)",
            lambda: import_xlsx(buffer.getvalue(), display="bomb.xlsx"),
            sheet_base,
        )


if __name__ == "__main__":
    main()
