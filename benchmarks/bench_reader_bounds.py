"""Every reader in bounded time and memory on inputs just under 100 MB (issue #19).

A plain script, not a test. For each reader (YAML maps, TOML configuration, roles files, BPMN, XES, CSV,
Parquet, gzip, zaaktype JSON and ZIP, xlsx) it writes, one at a time in a temporary folder, inputs of just
under 100 MB (or, where the reader refuses that size at once, just under the reader's own size limit):
big-but-valid files and hostile shapes (deep nesting, many columns, one long line, many elements,
gzip and ZIP bombs). It runs the real command line on each in a child process, as a user does, and
measures the wall time and the child's own peak memory (``os.wait4``: the RSS of that process, not of this
one). A case behaves when the command ends within 10 s and 1 GB with exit code 0, 1 or 2 and no traceback.

    .venv/bin/python benchmarks/bench_reader_bounds.py              # every case, about 5-10 minutes
    .venv/bin/python benchmarks/bench_reader_bounds.py --only xes   # the cases whose name contains 'xes'
    .venv/bin/python benchmarks/bench_reader_bounds.py --list       # the cases, without running them
    .venv/bin/python benchmarks/bench_reader_bounds.py --only writer  # the writing commands on the largest maps

The ``writer`` cases run every command that writes (check, SARIF, analyse json/markdown/html/pdf, diagram
png/svg/pdf/drawio/mermaid, export bpmn, advise) on each of the largest maps the loader accepts (a 20,000-step
chain, 2,000 steps x 1,000 roles, a decision of 9,990 branches): each finishes, or refuses with exit code 2 and
a message naming its work limit (docs/format.md, "Limits of every reader, and of the work").

It prints one line per case (the input's size on disk and what the reader sees after unpacking, exit code,
seconds, peak MB, the verdict and the first line of the message) and a summary; exit code 1 when a case
misbehaved. The baseline of the same run is ``python -c pass`` (the floor of any command) and ``procesmap
check`` of a bundled map. The limits are documented in docs/format.md, "Limits of every reader".
Run it alone: it measures time, and the machine has two cores.
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Callable, Iterator

# Cold figures: every run simulates (caches off: the simulation cache of procesmap/analysis/simcache.py).
os.environ.setdefault("PROCESMAP_CACHE_DIR", "")
# A user's Python keeps compiled bytecode: children run with it (some shells set PYTHONDONTWRITEBYTECODE).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

ROOT = Path(__file__).resolve().parent.parent
SIZE = 99_000_000  # just under 100 MB
SECONDS, MEGABYTES = 10.0, 1024.0
TIMEOUT = 120.0
MAP = ROOT / "processes" / "omgevingsvergunning.yaml"


# -- writing big files without holding them in memory ------------------------------------------------


def stream(path: Path, head: bytes, body: Callable[[int], bytes], tail: bytes, size: int = SIZE) -> Path:
    """``head`` + ``body(0)`` + ``body(1)`` + ... + ``tail``, stopping before ``size`` bytes."""
    with open(path, "wb") as out:
        out.write(head)
        written, i = len(head) + len(tail), 0
        buffer: list[bytes] = []
        pending = 0
        while True:
            piece = body(i)
            if written + len(piece) > size:
                break
            buffer.append(piece)
            pending += len(piece)
            written += len(piece)
            i += 1
            if pending > 1 << 22:
                out.write(b"".join(buffer))
                buffer, pending = [], 0
        out.write(b"".join(buffer))
        out.write(tail)
    return path


def repeat(path: Path, head: bytes, unit: bytes, tail: bytes, size: int = SIZE) -> Path:
    count = max((size - len(head) - len(tail)) // len(unit), 0)
    with open(path, "wb") as out:
        out.write(head)
        block = unit * max(1, (1 << 22) // len(unit))
        left = count
        while left > 0:
            n = min(left, len(block) // len(unit))
            out.write(block[: n * len(unit)])
            left -= n
        out.write(tail)
    return path


def gzip_stream(path: Path, pieces: Iterator[bytes]) -> Path:
    with gzip.open(path, "wb", compresslevel=6) as out:
        for piece in pieces:
            out.write(piece)
    return path


def chunks_of(head: bytes, unit: bytes, tail: bytes, unpacked: int) -> Iterator[bytes]:
    yield head
    block = unit * max(1, (1 << 22) // len(unit))
    left = max((unpacked - len(head) - len(tail)) // len(unit), 0)
    while left > 0:
        n = min(left, len(block) // len(unit))
        yield block[: n * len(unit)]
        left -= n
    yield tail


# -- the inputs ---------------------------------------------------------------------------------------

MAP_HEAD = (
    b"procesmap: 1\nid: groot\nowner: r0\nterm: 8w\nvolume: 100/year\nroles:\n"
    + b"".join(f"  r{i}: {{people: 2}}\n".encode() for i in range(20))
    + b"steps:\n"
    + b"  - {id: s0, type: start, role: r0, work: 1h, next: s1}\n"
)


def map_steps(n: int) -> bytes:
    body = b"".join(f"  - {{id: s{i}, role: r{i % 20}, work: 1h, next: s{i + 1}}}\n".encode() for i in range(1, n - 1))
    return MAP_HEAD + body + f"  - {{id: s{n - 1}, type: end, role: r0, work: 1h}}\n".encode()


def xes_event(i: int) -> bytes:
    return (
        f'<event><string key="concept:name" value="Stap {i % 11}"/><string key="org:resource" value="m{i % 97}"/>'
        f'<date key="time:timestamp" value="2024-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00+01:00"/>'
        f'<string key="lifecycle:transition" value="complete"/></event>\n'
    ).encode()


XES_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0" xmlns="http://www.xes-standard.org/">\n'


def xes_trace(i: int) -> bytes:
    return (
        f'<trace><string key="concept:name" value="zaak-{i}"/>\n'.encode()
        + b"".join(xes_event(i * 4 + k) for k in range(4))
        + b"</trace>\n"
    )


CSV_HEAD = b"case,activity,timestamp,resource,role\n"


def csv_row(i: int) -> bytes:
    return (
        f"zaak-{i // 6},Stap {i % 6},2024-{1 + (i // 6) % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00+01:00,"
        f"m{i % 97},team{i % 7}\n"
    ).encode()


BPMN_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/'
    b'20100524/MODEL" id="d"><bpmn:process id="p"><bpmn:startEvent id="st"/>\n'
)


def bpmn_chain(count: int, label: str = "Behandelen") -> bytes:
    nodes = b"".join(f'<bpmn:task id="n{i}" name="{label} {i}"/>\n'.encode() for i in range(count))
    order = ["st"] + [f"n{i}" for i in range(count)] + ["e"]
    flows = b"".join(
        f'<bpmn:sequenceFlow id="f{i}" sourceRef="{a}" targetRef="{b}"/>\n'.encode()
        for i, (a, b) in enumerate(zip(order, order[1:]))
    )
    return BPMN_HEAD + nodes + b'<bpmn:endEvent id="e"/>\n' + flows + b"</bpmn:process></bpmn:definitions>\n"


def parquet(path: Path, rows: int, columns: int = 0, long_value: int = 0, constant: bool = False) -> Path:
    """A Parquet log written in a child process (this process stays small for the memory figures); ``constant``:
    every row the same (run-length encoded to almost nothing: a bomb)."""
    code = f"""
import pyarrow as pa, pyarrow.parquet as pq, numpy as np
rows, columns, long_value, constant = {rows}, {columns}, {long_value}, {constant}
writer = None
step = 2_000_000
table = None
for start in range(0, rows, step):
    n = min(step, rows - start)
    if table is not None and n == step:  # the same rows again (case ids repeat): fast to write, and a bomb for RLE
        writer.write_table(table)
        continue
    i = np.zeros(n, dtype=np.int64) if constant else np.arange(start, start + n)
    cases = pa.array(np.char.add("zaak-", (i // 6).astype(str)))
    activity = pa.DictionaryArray.from_arrays(pa.array(i % 6, pa.int32()), pa.array([f"Stap {{k}}" for k in range(6)]))
    ts = pa.array((np.int64(1_704_067_200_000_000) + i * 3_600_000_000).astype("datetime64[us]"), pa.timestamp("us", tz="UTC"))
    data = {{"case:concept:name": cases, "concept:name": activity.cast(pa.string()), "time:timestamp": ts,
             "org:resource": pa.array(np.char.add("m", (i % 97).astype(str)))}}
    for c in range(columns):
        data[f"extra{{c}}"] = pa.array(np.full(n, c % 10), pa.int8())
    if long_value:
        data["note"] = pa.array(["x" * long_value] + [None] * (n - 1), pa.string())
    table = pa.table(data)
    if writer is None:
        writer = pq.ParquetWriter({str(path)!r}, table.schema, compression="zstd")
    writer.write_table(table)
writer.close()
"""
    subprocess.run([sys.executable, "-c", code], check=True)
    return path


def xlsx_bomb(path: Path) -> Path:
    """A workbook whose sheet unpacks to 512 MiB (of one repeated cell row) in a few hundred kB."""
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b"<worksheet><sheetData>")
            block = row * 20000
            for _ in range((512 << 20) // len(block)):
                sheet.write(block)
            sheet.write(b"</sheetData></worksheet>")
    return path


def zip_of(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def small_csv(folder: Path) -> Path:
    path = folder / "klein.csv"
    if not path.exists():
        path.write_bytes(CSV_HEAD + b"".join(csv_row(i) for i in range(60)))
    return path


def small_map(folder: Path) -> Path:
    path = folder / "klein.yaml"
    if not path.exists():
        path.write_bytes(map_steps(5))
    return path


class Case:
    def __init__(
        self,
        name: str,
        reader: str,
        make: Callable[[Path], Path],
        args: Callable[[Path, Path], list[str]],
        note: str = "",
    ):
        self.name, self.reader, self.make, self.args, self.note = name, reader, make, args, note


def _check(f: Path, _d: Path) -> list[str]:
    return ["check", str(f)]


def _analyse(f: Path, _d: Path) -> list[str]:
    return ["analyse", str(f), "-f", "json", "--cases", "1000"]


def _config(f: Path, d: Path) -> list[str]:
    return ["check", "--config", str(f), str(small_map(d))]


def _roles(f: Path, d: Path) -> list[str]:
    return ["log", "stats", str(small_csv(d)), "--roles", str(f), "-f", "json"]


def _bpmn(f: Path, _d: Path) -> list[str]:
    return ["import", "bpmn", str(f)]


def _stats(f: Path, _d: Path) -> list[str]:
    return ["log", "stats", str(f), "-f", "json"]


def _zaaktype(f: Path, _d: Path) -> list[str]:
    return ["import", "zaaktype", str(f)]


def _xlsx(f: Path, _d: Path) -> list[str]:
    return ["import", "xlsx", str(f)]


def cases() -> list[Case]:
    rnd = random.Random(19)
    out = [
        # -- YAML maps (32 MiB, 40 levels, 1,000,000 values) --
        Case(
            "map 99 MB of steps",
            "yaml",
            lambda d: stream(
                d / "m.yaml",
                MAP_HEAD,
                lambda i: f"  - {{id: s{i + 1}, role: r{i % 20}, work: 1h, next: s{i + 2}}}\n".encode(),
                b"",
            ),
            _check,
        ),
        Case(
            "map 31 MB, 100,000 steps (values limit)",
            "yaml",
            lambda d: _write(d / "m.yaml", map_steps(100_000)),
            _check,
        ),
        Case("map 20,000 steps, check", "yaml", lambda d: _write(d / "m.yaml", map_steps(20_000)), _check),
        Case("map 20,000 steps, analyse json", "yaml", lambda d: _write(d / "m.yaml", map_steps(20_000)), _analyse),
        Case(
            "map one 31 MB description line",
            "yaml",
            lambda d: repeat(
                d / "m.yaml",
                b"procesmap: 1\nid: groot\ndescription: ",
                b"tekst ",
                b"\n" + map_steps(3)[len(b"procesmap: 1\nid: groot\n") :],
                31 * 1024 * 1024,
            ),
            _check,
        ),
        Case(
            "map nested [[[ 31 MB",
            "yaml",
            lambda d: repeat(d / "m.yaml", b"procesmap: 1\nid: x\nsteps: ", b"[", b"", 31 * 1024 * 1024),
            _check,
        ),
        Case(
            "map nested mappings 39 deep x many",
            "yaml",
            lambda d: stream(
                d / "m.yaml",
                b"procesmap: 1\nid: x\nextra:\n",
                lambda i: (
                    b"".join(b"  " * (k + 1) + f"k{i}_{k}:\n".encode() for k in range(38)) + b"  " * 39 + b"v: 1\n"
                ),
                b"",
                31 * 1024 * 1024,
            ),
            _check,
        ),
        Case(
            "map alias bomb",
            "yaml",
            lambda d: _write(
                d / "m.yaml",
                b"procesmap: 1\nid: x\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
                + b"".join(
                    f"a{i}: &a{i} [".encode() + b", ".join([f"*a{i - 1}".encode()] * 10) + b"]\n" for i in range(1, 12)
                ),
            ),
            _check,
        ),
        Case(
            "map 31 MB of comments",
            "yaml",
            lambda d: repeat(
                d / "m.yaml", b"", b"# " + b"commentaar " * 20 + b"\n", b"\n" + map_steps(5), 31 * 1024 * 1024
            ),
            _check,
        ),
        Case(
            "map 31 MB, one mapping of 900,000 keys",
            "yaml",
            lambda d: stream(
                d / "m.yaml", map_steps(5) + b"extra:\n", lambda i: f"  k{i}: {i}\n".encode(), b"", 31 * 1024 * 1024
            ),
            _check,
        ),
        # -- TOML configuration (1 MiB, 20 levels) --
        Case(
            "config 99 MB",
            "toml",
            lambda d: repeat(d / "procesmap.toml", b"[rules]\n", b'PM102 = "off"\n', b""),
            _config,
        ),
        Case(
            "config 1 MiB nested arrays",
            "toml",
            lambda d: repeat(d / "procesmap.toml", b"x = ", b"[", b"", 1024 * 1024 - 10),
            _config,
        ),
        Case(
            "config 1 MiB unknown rule codes",
            "toml",
            lambda d: stream(
                d / "procesmap.toml", b"[rules]\n", lambda i: f'PX{i} = "off"\n'.encode(), b"", 1024 * 1024 - 10
            ),
            _config,
        ),
        Case(
            "config 1 MiB one long string",
            "toml",
            lambda d: repeat(d / "procesmap.toml", b'language = "', b"n", b'"\n', 1024 * 1024 - 10),
            _config,
        ),
        # -- roles files (5 MiB) --
        Case(
            "roles 99 MB YAML",
            "roles",
            lambda d: stream(d / "roles.yaml", b"", lambda i: f"m{i}: team{i % 7}\n".encode(), b""),
            _roles,
        ),
        Case(
            "roles 5 MiB CSV, 300,000 rows",
            "roles",
            lambda d: stream(
                d / "roles.csv", b"resource,role\n", lambda i: f"m{i},team{i % 7}\n".encode(), b"", 5 * 1024 * 1024 - 10
            ),
            _roles,
        ),
        Case(
            "roles 5 MiB YAML, 300,000 keys",
            "roles",
            lambda d: stream(
                d / "roles.yaml", b"", lambda i: f"m{i}: team{i % 7}\n".encode(), b"", 5 * 1024 * 1024 - 10
            ),
            _roles,
        ),
        Case(
            "roles billion laughs",
            "roles",
            lambda d: _write(
                d / "roles.yaml",
                b"a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
                + b"".join(
                    f"a{i}: &a{i} [".encode() + b", ".join([f"*a{i - 1}".encode()] * 10) + b"]\n" for i in range(1, 12)
                ),
            ),
            _roles,
        ),
        # -- BPMN (20 MiB, 500,000 elements, 15,000 flow nodes) --
        Case(
            "bpmn 99 MB",
            "bpmn",
            lambda d: stream(
                d / "m.bpmn",
                BPMN_HEAD,
                lambda i: f'<bpmn:task id="n{i}" name="Taak {i}"/>\n'.encode(),
                b"</bpmn:process></bpmn:definitions>\n",
            ),
            _bpmn,
        ),
        Case("bpmn 14,000 tasks (flow nodes limit)", "bpmn", lambda d: _write(d / "m.bpmn", bpmn_chain(14_000)), _bpmn),
        Case(
            "bpmn 14,000 same-named tasks",
            "bpmn",
            lambda d: _write(d / "m.bpmn", bpmn_chain(14_000, "Behandelen").replace(b'name="Behandelen ', b'x="')),
            _bpmn,
        ),
        Case(
            "bpmn 490,000 elements",
            "bpmn",
            lambda d: stream(
                d / "m.bpmn",
                BPMN_HEAD + b"<bpmn:extensionElements>",
                lambda i: b"<x/>",
                b"</bpmn:extensionElements>" + bpmn_chain(3)[len(BPMN_HEAD) :],
                490_000 * 4,
            ),
            _bpmn,
        ),
        Case(
            "bpmn nested 5,000 deep",
            "bpmn",
            lambda d: _write(
                d / "m.bpmn", BPMN_HEAD + b"<x>" * 5000 + b"</x>" * 5000 + bpmn_chain(3)[len(BPMN_HEAD) :]
            ),
            _bpmn,
        ),
        Case(
            "bpmn one 19 MiB attribute",
            "bpmn",
            lambda d: _write(
                d / "m.bpmn", bpmn_chain(3).replace(b'name="Behandelen 0"', b'name="' + b"a" * (19 << 20) + b'"')
            ),
            _bpmn,
        ),
        # -- XES --
        Case("xes 99 MB valid", "xes", lambda d: stream(d / "log.xes", XES_HEAD, xes_trace, b"</log>\n"), _stats),
        Case(
            "xes 99 MB, events with 3,000 distinct keys",
            "xes",
            lambda d: stream(d / "log.xes", XES_HEAD, lambda i: _keyed_trace(i, 3000), b"</log>\n"),
            _stats,
        ),
        Case(
            "xes 99 MB, events with 190 distinct keys",
            "xes",
            lambda d: stream(d / "log.xes", XES_HEAD, lambda i: _keyed_trace(i, 190), b"</log>\n"),
            _stats,
        ),
        Case(
            "xes 99 MB, one event with 95 MB value",
            "xes",
            lambda d: repeat(
                d / "log.xes",
                XES_HEAD + b'<trace><string key="concept:name" value="z"/><event><string key="concept:name" value="',
                b"a",
                b'"/><date key="time:timestamp" value="2024-01-01T00:00:00Z"/></event></trace></log>\n',
            ),
            _stats,
        ),
        Case(
            "xes 99 MB, nested attributes 2,000 deep",
            "xes",
            lambda d: _write(
                d / "log.xes",
                XES_HEAD
                + xes_trace(0)[:-9]
                + b'<string key="a" value="b">' * 2000
                + b"</string>" * 2000
                + b"</trace></log>\n",
            ),
            _stats,
        ),
        Case(
            "xes 99 MB, 1.4 million empty traces",
            "xes",
            lambda d: stream(
                d / "log.xes",
                XES_HEAD,
                lambda i: f'<trace><string key="concept:name" value="z{i}"/></trace>\n'.encode(),
                xes_trace(0) + b"</log>\n",
            ),
            _stats,
        ),
        Case(
            "xes 99 MB, one line",
            "xes",
            lambda d: stream(d / "log.xes", XES_HEAD, lambda i: xes_trace(i).replace(b"\n", b""), b"</log>\n"),
            _stats,
        ),
        Case(
            "xes.gz bomb (zeros)",
            "gzip",
            lambda d: gzip_stream(d / "log.xes.gz", chunks_of(b"", b"\0" * 65536, b"", 4 << 30)),
            _stats,
        ),
        Case(
            "xes.gz of valid events unpacking near the limit",
            "gzip",
            lambda d: gzip_stream(
                d / "log.xes.gz",
                chunks_of(XES_HEAD, xes_trace(0).replace(b"zaak-0", b"zaak-x"), b"</log>\n", _unpacked_limit() - 1024),
            ),
            _stats,
        ),
        # -- CSV --
        Case(
            "csv 99 MB valid (1.2 million events)",
            "csv",
            lambda d: stream(d / "log.csv", CSV_HEAD, csv_row, b""),
            _stats,
        ),
        Case(
            "csv 99 MB, 999 columns",
            "csv",
            lambda d: stream(
                d / "log.csv",
                CSV_HEAD[:-1] + b"".join(f",c{k}".encode() for k in range(994)) + b"\n",
                lambda i: csv_row(i)[:-1] + b",1" * 994 + b"\n",
                b"",
            ),
            _stats,
        ),
        Case(
            "csv 99 MB, one value of 99 MB",
            "csv",
            lambda d: repeat(d / "log.csv", CSV_HEAD + b"z,Stap,2024-01-01T00:00:00Z,m,", b"a", b"\n"),
            _stats,
        ),
        Case(
            "csv 99 MB, an unclosed quote",
            "csv",
            lambda d: stream(d / "log.csv", CSV_HEAD + b'z,"Stap\n', csv_row, b""),
            _stats,
        ),
        Case(
            "csv 99 MB header of one line",
            "csv",
            lambda d: repeat(d / "log.csv", b"case,activity,timestamp", b",x", b"\n"),
            _stats,
        ),
        Case(
            "csv 99 MB, 5.5 million short rows",
            "csv",
            lambda d: stream(
                d / "log.csv", b"case,activity,timestamp\n", lambda i: f"{i % 9999},{i % 7},2024-01-01\n".encode(), b""
            ),
            _stats,
        ),
        Case(
            "csv 2.9 million short rows (text events limit)",
            "csv",
            lambda d: stream(
                d / "log.csv",
                b"case,activity,timestamp\n",
                lambda i: f"{i % 9999},{i % 7},2024-01-01\n".encode(),
                b"",
                2_900_000 * 17,
            ),
            _stats,
        ),
        Case("csv 99 MB random bytes", "csv", lambda d: _write_random(d / "log.csv", rnd), _stats),
        Case(
            "csv.gz bomb (zeros)",
            "gzip",
            lambda d: gzip_stream(d / "log.csv.gz", chunks_of(b"", b"\0" * 65536, b"", 4 << 30)),
            _stats,
        ),
        Case(
            "csv.gz of valid rows unpacking near the limit",
            "gzip",
            lambda d: gzip_stream(d / "log.csv.gz", (_gz_csv_rows(_unpacked_limit() - 1024))),
            _stats,
        ),
        # -- Parquet --
        Case("parquet 3 million events", "parquet", lambda d: parquet(d / "log.parquet", 3_000_000), _stats),
        Case(
            "parquet near the events limit",
            "parquet",
            lambda d: parquet(d / "log.parquet", _events_limit() - 10),
            _stats,
        ),
        Case(
            "parquet 200 million equal events (RLE bomb)",
            "parquet",
            lambda d: parquet(d / "log.parquet", 200_000_000, constant=True),
            _stats,
        ),
        Case("parquet 3,000 columns", "parquet", lambda d: parquet(d / "log.parquet", 20_000, columns=3000), _stats),
        Case(
            "parquet one 90 MB value",
            "parquet",
            lambda d: parquet(d / "log.parquet", 1000, long_value=90_000_000),
            _stats,
        ),
        # -- zaaktype JSON and ZIP, xlsx (docs/zaaksysteem.md) --
        Case(
            "zaaktype JSON 99 MB",
            "json",
            lambda d: stream(
                d / "zt.json", b"[", lambda i: b'{"identificatie": "ZT-%d", "omschrijving": "x"},' % i, b"{}]"
            ),
            _zaaktype,
        ),
        Case(
            "zaaktype JSON nested 19 MiB", "json", lambda d: repeat(d / "zt.json", b"", b"[", b"", 19 << 20), _zaaktype
        ),
        Case(
            "zaaktype JSON 19 MiB list",
            "json",
            lambda d: stream(
                d / "zt.json",
                b"[",
                lambda i: b'{"identificatie": "ZT-%d", "omschrijving": "x", "doorlooptijd": "P56D"},' % i,
                b"{}]",
                19 << 20,
            ),
            _zaaktype,
        ),
        Case("zaaktype ZIP bomb (4 GiB of zeros)", "zip", lambda d: _zip_bomb(d / "export.zip"), _zaaktype),
        Case("xlsx bomb (512 MiB sheet)", "xlsx", lambda d: xlsx_bomb(d / "boek.xlsx"), _xlsx),
        Case("xlsx 99 MB of random bytes", "xlsx", lambda d: _write_random(d / "boek.xlsx", rnd), _xlsx),
    ]
    return out + writer_cases()


# -- the writing commands on the largest maps the loader accepts (docs/format.md, limits of the work) -----------


def map_roles(steps: int, roles: int) -> bytes:
    """A chain of ``steps`` steps over ``roles`` roles of one person each (2,000 x 1,000: the widest RACI)."""
    head = (
        b"procesmap: 1\nid: groot\nowner: r0\nterm: 8w\nvolume: 100/year\nroles:\n"
        + b"".join(f"  r{i}: {{people: 1}}\n".encode() for i in range(roles))
        + b"steps:\n  - {id: s0, type: start, role: r0, work: 1h, next: s1}\n"
    )
    body = b"".join(
        f"  - {{id: s{i}, role: r{i % roles}, work: 1h, next: s{i + 1}}}\n".encode() for i in range(1, steps - 1)
    )
    return head + body + f"  - {{id: s{steps - 1}, type: end, role: r0, work: 1h}}\n".encode()


def map_wide(branches: int) -> bytes:
    """A decision of ``branches`` branches of two steps each (2 x 9,990 + 3 steps, under the 20,000 of a map)."""
    head = b"procesmap: 1\nid: breed\nowner: r0\nterm: 8w\nvolume: 100/year\nroles:\n" + b"".join(
        f"  r{i}: {{people: 1}}\n".encode() for i in range(10)
    )
    decision = ", ".join(f"{{to: b{i}}}" for i in range(branches))
    lines = [
        "steps:",
        "  - {id: s, type: start, role: r0, work: 1h, next: d}",
        f"  - {{id: d, type: decision, role: r0, work: 1h, next: [{decision}]}}",
    ]
    for i in range(branches):
        lines.append(f"  - {{id: b{i}, role: r{i % 10}, work: 1h, next: c{i}}}")
        lines.append(f"  - {{id: c{i}, role: r{(i + 1) % 10}, work: 1h, next: e}}")
    lines.append("  - {id: e, type: end, role: r0, work: 1h}")
    return head + ("\n".join(lines) + "\n").encode()


WRITERS: list[tuple[str, list[str]]] = [
    ("check", ["check", "{m}"]),
    ("check sarif", ["check", "{m}", "-f", "sarif", "-o", "{d}/c.sarif"]),
    ("analyse json", ["analyse", "{m}", "-f", "json", "-o", "{d}/r.json"]),
    ("analyse markdown", ["analyse", "{m}", "-f", "markdown", "-o", "{d}/r.md"]),
    ("analyse html", ["analyse", "{m}", "-f", "html", "-o", "{d}/r.html"]),
    ("analyse pdf", ["analyse", "{m}", "-f", "pdf", "-o", "{d}/r.pdf"]),
    ("diagram png", ["diagram", "{m}", "-f", "png", "-o", "{d}/d.png"]),
    ("diagram svg", ["diagram", "{m}", "-f", "svg", "-o", "{d}/d.svg"]),
    ("diagram pdf", ["diagram", "{m}", "-f", "pdf", "-o", "{d}/d.pdf"]),
    ("diagram drawio", ["diagram", "{m}", "-f", "drawio", "-o", "{d}/d.drawio"]),
    ("diagram mermaid", ["diagram", "{m}", "-f", "mermaid", "-o", "{d}/d.mmd"]),
    ("export bpmn", ["export", "bpmn", "{m}", "-o", "{d}/e.bpmn"]),
    ("advise", ["advise", "{m}", "-f", "json", "-o", "{d}/a.json"]),
]


def writer_cases() -> list[Case]:
    """Every command that writes, on each of the largest accepted maps: a 20,000-step chain (the loader's
    MAX_STEPS), 2,000 steps x 1,000 roles, and a decision of 9,990 branches (19,983 steps); and the pictures of a
    200-step chain drawn as pages. A command either finishes or refuses with exit code 2 and a message naming its
    work limit."""
    maps: list[tuple[str, Callable[[], bytes]]] = [
        ("20,000-step chain", lambda: map_steps(20_000)),
        ("2,000 steps x 1,000 roles", lambda: map_roles(2_000, 1_000)),
        ("9,990 branches", lambda: map_wide(9_990)),
    ]
    out = []
    for label, data in maps:
        for name, template in WRITERS:

            def make(d: Path, data: Callable[[], bytes] = data) -> Path:
                return _write(d / "m.yaml", data())

            def args(f: Path, _d: Path, template: list[str] = template) -> list[str]:
                return [a.format(m=str(f), d=str(f.parent)) for a in template]

            out.append(Case(f"{label}: {name}", "writer", make, args))
    # a map well inside every loader limit that `diagram` draws as pages by default (one picture would be
    # unreadable): its PNG pages (MAX_PNG_PIXELS), SVG pages and PDF
    for fmt in ("png", "svg", "pdf"):

        def make_pages(d: Path) -> Path:
            return _write(d / "m.yaml", map_steps(200))

        def args_pages(f: Path, _d: Path, fmt: str = fmt) -> list[str]:
            return ["diagram", str(f), "-f", fmt, "-o", str(f.parent / f"d.{fmt}")]

        out.append(Case(f"200-step chain as pages: diagram {fmt}", "writer", make_pages, args_pages))
    return out


def _keyed_trace(i: int, keys: int) -> bytes:
    """A trace of one event that carries, besides the usual attributes, one of ``keys`` different keys."""
    return (
        f'<trace><string key="concept:name" value="z{i}"/>'.encode()
        + xes_event(i)[:-9]
        + f'<string key="k{i % keys}" value="v"/></event></trace>\n'.encode()
    )


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _write_random(path: Path, rnd: random.Random) -> Path:
    with open(path, "wb") as out:
        for _ in range(SIZE // (1 << 20)):
            out.write(rnd.randbytes(1 << 20))
    return path


def _zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for k in range(4):
            with z.open(f"zaaktypen/{k}.json", "w", force_zip64=True) as member:
                zeros = b"\0" * (1 << 22)
                for _ in range(256):
                    member.write(zeros)
    return path


def _gz_csv_rows(unpacked: int) -> Iterator[bytes]:
    yield CSV_HEAD
    done, i = len(CSV_HEAD), 0
    while done < unpacked:
        block = b"".join(csv_row(i + k) for k in range(50_000))
        if done + len(block) > unpacked:
            break
        yield block
        done += len(block)
        i += 50_000


def _unpacked_limit() -> int:
    sys.path.insert(0, str(ROOT))
    from procesmap.eventlog import _gzip

    return int(_gzip.MAX_LOG_UNPACKED)


def _events_limit() -> int:
    sys.path.insert(0, str(ROOT))
    from procesmap.eventlog import _common

    return int(getattr(_common, "MAX_LOG_EVENTS", 6_000_000))


# -- running ------------------------------------------------------------------------------------------


def run_measured(command: list[str], timeout: float = TIMEOUT, cwd: Path | None = None) -> dict[str, object]:
    """Run ``command`` in a child process: wall seconds, the child's own peak RSS (``wait4``), its exit code
    (``timeout`` when killed after ``timeout`` seconds), whether it printed a traceback, the first line it printed."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(
            command, stdout=out, stderr=err, cwd=cwd, start_new_session=True, env={**os.environ, "COLUMNS": "200"}
        )
        deadline = started + timeout
        killed = False
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(child.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(child.pid, 0)
                killed = True
                break
            time.sleep(0.02)
        child.returncode = 0  # reaped here
        seconds = time.perf_counter() - started
        err.seek(0)
        text = err.read(200_000).decode("utf-8", "replace")
        out.seek(0)
        head = out.read(2000).decode("utf-8", "replace")
    code = "timeout" if killed else str(os.waitstatus_to_exitcode(status))
    lines = [line.strip() for line in (text or head).splitlines() if line.strip()]
    return {
        "seconds": seconds,
        "peak_mb": usage.ru_maxrss / 1024,
        "exit": code,
        "traceback": "Traceback" in text,
        "first": lines[0][:110] if lines else "",
    }


def unpacked_size(path: Path) -> int:
    if path.name.endswith(".gz"):
        total = 0
        import zlib

        with open(path, "rb") as handle:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            while chunk := handle.read(1 << 20):
                while chunk:
                    total += len(inflater.decompress(chunk, 1 << 24))
                    chunk = inflater.unconsumed_tail
                if total > 8 << 30:
                    break
        return total
    return path.stat().st_size


def human(n: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return str(n)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", help="only cases whose name or reader contains this (repeatable)")
    parser.add_argument("--list", action="store_true")
    options = parser.parse_args()
    chosen = [
        c
        for c in cases()
        if not options.only or any(word.lower() in (c.name + " " + c.reader).lower() for word in options.only)
    ]
    if options.list:
        for case in chosen:
            print(f"{case.reader:8} {case.name}")
        return 0
    procesmap = [sys.executable, "-m", "procesmap"]
    print(f"limits: {SECONDS:.0f} s wall and {MEGABYTES:.0f} MB peak memory per command; exit 0, 1 or 2, no traceback")
    print(f"CPUs: {os.cpu_count()}; load {os.getloadavg()[0]:.2f} at the start")
    floor = run_measured([sys.executable, "-c", "pass"])
    bundled = run_measured(procesmap + ["check", str(MAP)])
    print(
        f"baseline: python -c pass {floor['seconds']:.2f} s, {floor['peak_mb']:.0f} MB; "
        f"procesmap check {MAP.name} {bundled['seconds']:.2f} s, {bundled['peak_mb']:.0f} MB\n"
    )
    header = f"{'case':52} {'reader':7} {'on disk':>9} {'unpacked':>9} {'exit':>7} {'s':>6} {'MB':>6}  verdict"
    print(header)
    print("-" * len(header))
    bad = 0
    with tempfile.TemporaryDirectory(prefix="pm-bounds-") as folder:
        base = Path(folder)
        for case in chosen:
            work = base / "case"
            work.mkdir()
            try:
                made = case.make(work)
                disk = made.stat().st_size
                unpacked = unpacked_size(made) if made.name.endswith(".gz") else disk
                outcome = run_measured(procesmap + case.args(made, base), cwd=work)
            finally:
                for item in work.iterdir():
                    item.unlink()
                work.rmdir()
            seconds, peak = float(outcome["seconds"]), float(outcome["peak_mb"])  # type: ignore[arg-type]
            problems = []
            if outcome["exit"] not in ("0", "1", "2"):
                problems.append(f"exit {outcome['exit']}")
            if outcome["traceback"]:
                problems.append("traceback")
            if seconds > SECONDS:
                problems.append("slow")
            if peak > MEGABYTES:
                problems.append("memory")
            bad += bool(problems)
            verdict = "ok" if not problems else "MISSED: " + ", ".join(problems)
            print(
                f"{case.name[:52]:52} {case.reader:7} {human(disk):>9} {human(unpacked):>9} {outcome['exit']:>7} "
                f"{seconds:6.1f} {peak:6.0f}  {verdict}",
                flush=True,
            )
            print(f"{'':52}   {outcome['first']}", flush=True)
    print(
        f"\n{len(chosen)} cases, {len(chosen) - bad} behaved (within {SECONDS:.0f} s and {MEGABYTES:.0f} MB, "
        f"exit 0/1/2, no traceback); load {os.getloadavg()[0]:.2f} at the end"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
