"""Seeded mutation fuzzers for every reader (issue #19), and the big-map timings of docs/format.md.

A plain script, not a pytest test. For each reader it takes valid inputs, mutates them at random
(seeded: the same ``--seed`` gives the same cases) and runs the reader in this process. A case has
*behaved* when the reader returned a result or raised procesmap's own error (``LoadError`` /
``UsageError``: ``file:line:column: message`` + hint, exit 2 in the CLI) within ``--limit`` seconds;
anything else (another exception, a run over the limit) is listed with its seed and mutation, so that
it can be replayed. It prints per reader the cases tried and behaved, and exits 1 when one misbehaved.

    .venv/bin/python benchmarks/hostile_fuzz.py                 # 200 cases per reader, about 2-4 minutes
    .venv/bin/python benchmarks/hostile_fuzz.py --cases 30      # a quick run
    .venv/bin/python benchmarks/hostile_fuzz.py --reader bpmn --seed 7
    .venv/bin/python benchmarks/hostile_fuzz.py --big           # the timings of huge maps (docs/format.md)

Readers: ``map`` (YAML maps), ``config`` (TOML), ``roles`` (YAML/CSV roles files), ``bpmn``, ``csv`` and
``xes`` event logs (read and ``log stats``), ``gzip`` (compressed CSV logs); ``xes-paths`` compares the XES fast
path with the full lxml reader on each mutant (same table or same error).
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Callable

# Cold figures: every run simulates (caches off: the simulation cache of procesmap/analysis/simcache.py).
os.environ.setdefault("PROCESMAP_CACHE_DIR", "")
# A user's Python keeps compiled bytecode: children run with it (some shells set PYTHONDONTWRITEBYTECODE).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOKENS = [
    b"\t",
    b"\x00",
    b"\xff",
    b"\xef\xbb\xbf",
    b"\x1b[2J",
    b"&a",
    b"*a",
    b"<<: *a",
    b"!!python/object:os.system",
    b"---",
    b"...",
    b"{",
    b"}",
    b"[",
    b"]",
    b":",
    b"- ",
    b"#",
    b"'",
    b'"',
    b"\\",
    b"\n",
    b"\r\n",
    b"~",
    b"null",
    b"1e999",
    b"-1",
    b"0x10",
    b"On",
    b"9" * 40,
    b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
    b"&a;",
    b"<a>",
    b"</a>",
    b"]]>",
    b"<![CDATA[",
    b"=",
    b"[[x]]",
    b'"""',
    b"inf",
    b"nan",
    b"\xc3",
    b"\xe2\x80\xae",
]


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, str]:
    """One to three random edits: flip a byte, insert a token, delete or duplicate a span, repeat a line."""
    out = bytearray(data)
    edits = []
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(["flip", "insert", "delete", "duplicate", "line", "truncate", "nest"])
        at = rng.randrange(len(out) + 1) if out else 0
        if kind == "flip" and out:
            at = min(at, len(out) - 1)
            out[at] = rng.randrange(256)
        elif kind == "insert":
            out[at:at] = rng.choice(TOKENS)
        elif kind == "delete" and out:
            out[at : at + rng.randint(1, 40)] = b""
        elif kind == "duplicate" and out:
            span = bytes(out[at : at + rng.randint(1, 200)])
            out[at:at] = span * rng.randint(1, 20)
        elif kind == "line":
            lines = bytes(out).split(b"\n")
            line = rng.choice(lines) if lines else b""
            position = rng.randrange(len(lines) + 1)
            lines[position:position] = [line] * rng.randint(1, 50)
            out = bytearray(b"\n".join(lines))
        elif kind == "truncate":
            out = out[:at]
        elif kind == "nest":
            depth = rng.choice([10, 100, 1000, 5000])
            opener, closer = rng.choice([(b"[", b"]"), (b"{", b"}"), (b"<a>", b"</a>")])
            out[at:at] = opener * depth + closer * depth
        edits.append(f"{kind}@{at}")
    return bytes(out), ",".join(edits)


def _seeds() -> dict[str, list[bytes]]:
    from procesmap.bpmn import export_bpmn
    from procesmap.loading import load

    maps = sorted((ROOT / "processes").glob("*.yaml"))
    csv_log = b"case,activity,timestamp,resource,role\n" + b"".join(
        f"c{c},{a},2024-03-{d + 1:02d}T09:{c:02d}:00+01:00,r{d % 3},team{d % 2}\n".encode()
        for c in range(8)
        for d, a in enumerate(["Ontvangen", "Beoordelen", "Besluiten"])
    )
    xes_log = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0" xmlns="http://www.xes-standard.org/">\n'
        + b"".join(
            f'<trace><string key="concept:name" value="c{c}"/>'.encode()
            + b"".join(
                f'<event><string key="concept:name" value="{a}"/><date key="time:timestamp" '
                f'value="2024-03-{d + 1:02d}T09:00:00+01:00"/><string key="org:resource" value="r{d}"/>'
                f"</event>\n".encode()
                for d, a in enumerate(["Ontvangen", "Beoordelen", "Besluiten"])
            )
            + b"</trace>\n"
            for c in range(6)
        )
        + b"</log>\n"
    )
    return {
        "map": [m.read_bytes() for m in maps],
        "config": [
            b'extends = "recommended"\nlanguage = "nl"\nfail_on = "warning"\n[simulation]\ncases = 500\nseed = 3\n'
            b'[rules]\nPM102 = "off"\nPM303 = { severity = "warning", threshold = 0.9 }\n'
        ],
        "roles": [
            b"Anna: behandelaar\nBram: {x: 1}\nCor: teamleider\n",
            b"resource,role\nAnna,behandelaar\nBram,team\n",
        ],
        "bpmn": [export_bpmn(load(maps[0])), export_bpmn(load(maps[-1]))],
        "csv": [csv_log],
        "xes": [xes_log],
        # the XES fast path against the full reader (the OpenXES layout: one tag a line, nested attributes)
        "xes-paths": [
            xes_log,
            xes_log.replace(b"<event>", b"\n\t\t<event>\n\t\t\t")
            .replace(b"/><", b"/>\n\t\t\t<")
            .replace(b'value="r1"/>', b'value="r1">\n\t\t\t\t<string key="n" value="m"/>\n\t\t\t</string>'),
        ],
        "gzip": [gzip.compress(csv_log)],
    }


def _runner(reader: str, folder: Path) -> Callable[[bytes, int], object]:
    from procesmap.config import parse_config
    from procesmap.loading import loads

    def run_map(data: bytes, n: int) -> object:
        from procesmap.pipeline import analyse
        from procesmap.settings import Settings
        from procesmap.loading import decode

        process = loads(decode(data, "fuzz.yaml"), "fuzz.yaml")
        return analyse(process, Settings(cases=200))

    def run_config(data: bytes, n: int) -> object:
        from procesmap.loading import decode

        return parse_config(decode(data, "procesmap.toml", kind="config"), "procesmap.toml")

    def run_roles(data: bytes, n: int) -> object:
        from procesmap.eventlog import read_roles

        path = folder / f"roles{n}{'.csv' if data.startswith(b'resource') else '.yaml'}"
        path.write_bytes(data)
        return read_roles(path)

    def run_bpmn(data: bytes, n: int) -> object:
        from procesmap.bpmn import import_bpmn

        return import_bpmn(data, display="fuzz.bpmn")

    def run_log(suffix: str) -> Callable[[bytes, int], object]:
        def run(data: bytes, n: int) -> object:
            from procesmap.eventlog import LogMapping, log_stats, read_log

            path = folder / f"log{n}{suffix}"
            path.write_bytes(data)
            return log_stats(read_log(path, LogMapping()))

        return run

    def run_xes_paths(data: bytes, n: int) -> object:
        """The fast path (with its fallback) and the full reader must give the same table or the same error."""
        from procesmap.eventlog import _xes

        path = folder / f"paths{n}.xes"
        path.write_bytes(data)
        outcomes = []
        for read in (_xes._read_xes, _xes._read_xes_full):
            try:
                table = read(path, None)
                outcomes.append(("table", table.column_names, table.to_pydict()))
            except Exception as err:  # compared, not judged: the reader's errors are judged by the "xes" fuzzer
                outcomes.append(("error", type(err).__name__, str(err)))
        if outcomes[0] != outcomes[1]:
            raise AssertionError(f"fast path {outcomes[0]!r:.200} != full reader {outcomes[1]!r:.200}")
        return outcomes[0]

    return {
        "xes-paths": run_xes_paths,
        "map": run_map,
        "config": run_config,
        "roles": run_roles,
        "bpmn": run_bpmn,
        "csv": run_log(".csv"),
        "xes": run_log(".xes"),
        "gzip": run_log(".csv.gz"),
    }[reader]


def fuzz(reader: str, seeds: list[bytes], cases: int, seed: int, limit: float) -> tuple[int, int, list[str]]:
    from procesmap.errors import ProcessmapError

    rng = random.Random(f"{seed}-{reader}")
    bad: list[str] = []
    behaved = 0
    with tempfile.TemporaryDirectory() as folder:
        run = _runner(reader, Path(folder))
        for n in range(cases):
            data, edits = mutate(rng.choice(seeds), rng)
            started = time.perf_counter()
            outcome = "ok"
            try:
                run(data, n)
            except ProcessmapError:
                outcome = "refused"
            except Exception as err:  # anything else is a defect: a traceback for the user
                outcome = f"{type(err).__name__}: {str(err)[:120]}"
                frame = traceback.extract_tb(err.__traceback__)[-1]
                outcome += f" ({Path(frame.filename).name}:{frame.lineno})"
            elapsed = time.perf_counter() - started
            if outcome in ("ok", "refused") and elapsed <= limit:
                behaved += 1
            else:
                bad.append(f"  case {n} [{edits}] {elapsed:.1f} s: {outcome}")
    return cases, behaved, bad


def big() -> None:
    """The timings of huge maps quoted in docs/format.md (subprocesses, as a user runs them)."""
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)

        def write(name: str, steps: int, roles: int) -> Path:
            lines = ["procesmap: 1", f"id: {name}", "owner: r0", "term: 8w", "volume: 100/year", "roles:"]
            lines += [f"  r{i}: {{people: 1}}" for i in range(roles)]
            lines += ["steps:", "  - {id: s0, type: start, role: r0, work: 1h, next: s1}"]
            lines += [f"  - {{id: s{i}, role: r{i % roles}, work: 1h, next: s{i + 1}}}" for i in range(1, steps - 1)]
            lines.append(f"  - {{id: s{steps - 1}, type: end, role: r0, work: 1h}}")
            path = base / f"{name}.yaml"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            return path

        loop = base / "loop.yaml"
        loop.write_text(
            "procesmap: 1\nid: loop\nowner: mw\nterm: 8w\nroles:\n  mw: {people: 2}\nsteps:\n"
            "  - {id: a, type: start, role: mw, work: 1h, next: b}\n"
            "  - {id: b, type: decision, role: mw, work: 10m, next: [{to: b, p: 0.999999999}, "
            "{to: e, p: 0.000000001}]}\n  - {id: e, type: end, role: mw, work: 1h}\n",
            encoding="utf-8",
        )
        huge, chain = write("huge", 2000, 1000), write("chain", 20000, 10)
        ns = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"'

        def bpmn_chain(name: str, kind: str, count: int, label: str = "") -> Path:
            nodes = ['<bpmn:startEvent id="st"/>'] + [
                f'<bpmn:{kind} id="n{i}"{" name=" + chr(34) + label + chr(34) if label else ""}/>' for i in range(count)
            ]
            order = ["st"] + [f"n{i}" for i in range(count)] + ["e"]
            flows = [
                f'<bpmn:sequenceFlow id="f{i}" sourceRef="{a}" targetRef="{b}"/>'
                for i, (a, b) in enumerate(zip(order, order[1:]))
            ]
            path = base / f"{name}.bpmn"
            path.write_text(
                f'<?xml version="1.0"?><bpmn:definitions {ns} id="d"><bpmn:process id="p">'
                + "".join(nodes)
                + '<bpmn:endEvent id="e"/>'
                + "".join(flows)
                + "</bpmn:process></bpmn:definitions>",
                encoding="utf-8",
            )
            return path

        gateways = bpmn_chain("gateways", "parallelGateway", 4000)
        same = bpmn_chain("same", "task", 4000, "Behandelen")
        runs = [
            ("analyse loop (p = 0.999999999)", ["analyse", str(loop)]),
            ("check loop", ["check", str(loop)]),
            ("analyse 2,000 steps x 1,000 roles, json", ["analyse", str(huge), "-f", "json"]),
            ("analyse 2,000 steps x 1,000 roles, terminal", ["analyse", str(huge)]),
            ("diagram 2,000 x 1,000, svg", ["diagram", str(huge), "-f", "svg"]),
            ("export bpmn 2,000 x 1,000", ["export", "bpmn", str(huge)]),
            ("analyse 2,000 x 1,000, html", ["analyse", str(huge), "-f", "html"]),
            ("import bpmn 4,000 parallel gateways", ["import", "bpmn", str(gateways)]),
            ("import bpmn 4,000 same-named tasks", ["import", "bpmn", str(same)]),
            ("check 2,000 x 1,000", ["check", str(huge)]),
            ("analyse 20,000-step chain, json", ["analyse", str(chain), "-f", "json"]),
            ("analyse 20,000-step chain, terminal", ["analyse", str(chain)]),
            ("analyse 20,000-step chain, html", ["analyse", str(chain), "-f", "html"]),
            ("diagram 20,000-step chain, svg", ["diagram", str(chain), "-f", "svg"]),
            ("export bpmn 20,000-step chain", ["export", "bpmn", str(chain)]),
            ("check 20,000-step chain", ["check", str(chain)]),
        ]
        only = [word.lower() for word in (os.environ.get("PROCESMAP_BIG_ONLY") or "").split(",") if word]
        for label, args in runs:
            if only and not any(word in label.lower() for word in only):
                continue
            outcome = run_measured([sys.executable, "-m", "procesmap", *args], timeout=600, cwd=base)
            print(
                f"{label}: {outcome['seconds']:.1f} s, peak {outcome['peak_mb']:.0f} MB (exit {outcome['exit']})"
                + (f"  {outcome['last']}" if outcome["traceback"] or outcome["exit"] not in ("0", "1") else ""),
                flush=True,
            )


def run_measured(command: list[str], timeout: float, cwd: Path | None = None) -> dict[str, object]:
    """Run ``command`` in a child process: wall seconds, the child's own peak RSS (``wait4``), its exit code
    (``timeout`` when it was killed after ``timeout`` seconds), whether it printed a traceback, its last line."""
    import signal

    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd, start_new_session=True)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(child.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(child.pid, 0)
                status = -1
                break
            time.sleep(0.05)
        child.returncode = 0  # reaped here: keep Popen from waiting again
        seconds = time.perf_counter() - started
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    code = "timeout" if status == -1 else str(os.waitstatus_to_exitcode(status))
    lines = [line for line in text.splitlines() if line.strip()]
    return {
        "seconds": seconds,
        "peak_mb": usage.ru_maxrss / 1024,
        "exit": code,
        "traceback": "Traceback" in text,
        "last": lines[-1][:160] if lines else "",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=200, help="mutated cases per reader")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=float, default=10.0, help="seconds a case may take")
    parser.add_argument("--reader", action="append", help="only this reader (repeatable)")
    parser.add_argument("--big", action="store_true", help="time huge maps instead of fuzzing")
    options = parser.parse_args()
    if options.big:
        big()
        return 0
    seeds = _seeds()
    failed = False
    for reader in options.reader or list(seeds):
        started = time.perf_counter()
        tried, behaved, bad = fuzz(reader, seeds[reader], options.cases, options.seed, options.limit)
        print(f"{reader}: {tried} cases tried, {behaved} behaved ({time.perf_counter() - started:.1f} s)", flush=True)
        for line in bad[:20]:
            print(line)
        failed = failed or behaved < tried
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
