"""Benchmarks of procesmap's performance targets (a script, not a test).

Run from the repository root with the project's virtualenv::

    .venv/bin/python benchmarks/bench_analyse.py           # everything (well under 2 minutes)
    .venv/bin/python benchmarks/bench_analyse.py --quick   # smoke run: smaller sizes, fewer repeats

It prints one line per measurement, the figure and its ratio to the target,
with ``MISSED`` next to every missed target. It always exits 0 when the
measurements ran (a missed target is a figure, not a crash); it exits 1 only
when the generated map is broken (see ``check_generated``), because then the
figures mean nothing.

Targets (see benchmarks/README.md):

1. ``procesmap --help`` imports none of pandas, numpy, matplotlib; its wall
   time is shown against ``python -c pass``.
2. ``analyse()`` of each bundled map with 10,000 cases takes < 0.5 s.
3. ``analyse()`` of a generated 2,000-step map with 10,000 cases takes < 5 s;
   growth ratios for 100 -> 500 -> 2,000 steps and 10k -> 100k cases, and the
   peak memory of the 2,000-step run.
"""

from __future__ import annotations

import argparse
import gc
import glob
import os
import random
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Callable

# Cold figures: every run simulates (caches off: the simulation cache of procesmap/analysis/simcache.py).
os.environ.setdefault("PROCESMAP_CACHE_DIR", "")
# A user's Python keeps compiled bytecode: children run with it (some shells set PYTHONDONTWRITEBYTECODE).
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

ROOT = Path(__file__).resolve().parent.parent
PROCESSES = ROOT / "processes"
HEAVY = ("pandas", "numpy", "matplotlib")
# Not part of target 1, shown for information: what else `--help` pays for.
OTHER = ("networkx", "yaml", "pydantic", "jinja2", "babel", "rich", "click", "typer")

BUNDLED_TARGET_S = 0.5
LARGE_TARGET_S = 5.0
LARGE_STEPS = 2000
HUGE_STEPS = 10_000  # issues #11 and #18: a 10,000-step map with rework loops
HUGE_ANALYSE_S = 30.0
HUGE_LOAD_S = 3.0
HUGE_REPORT_S = 15.0
MAX_STEPS = 20_000  # procesmap.loading.MAX_STEPS: the biggest map the loader takes (issue #19)
MAX_JSON_S = 10.0  # issue #19: every command under 10 s on any input under 100 MB; here `analyse -f json`
MAX_TERM_DAYS = 3650  # procesmap.durations.MAX_ELAPSED_DAYS: the generator stays inside the loader's limits
BROKEN_CODES = {"PM401", "PM402", "PM404"}  # the brief: a generated map must not have these
ALSO_UNEXPECTED = {"PM403", "PM405"}  # a generator bug too (p sums, parallels): checked as well


# --------------------------------------------------------------------------- output


def line(label: str, seconds: float, target: float | None = None, extra: str = "") -> None:
    text = f"{label}: {seconds:.3f} s"
    if target is not None:
        ratio = seconds / target
        text += f"  (target < {target:g} s: {ratio:.2f}x)"
        if seconds >= target:
            text += "  MISSED"
    if extra:
        text += f"  {extra}"
    print(text, flush=True)


def header(title: str) -> None:
    print(f"\n== {title}", flush=True)


# --------------------------------------------------------------------------- timing helpers


CPU_TIMES: list[float] = []  # process CPU seconds of the runs of the last run_times call


def run_times(fn: Callable[[], object], runs: int) -> list[float]:
    """Wall times of ``runs`` calls; their CPU times go to CPU_TIMES (less skewed by other work on the machine)."""
    times = []
    CPU_TIMES.clear()
    for _ in range(runs):
        gc.collect()
        cpu = time.process_time()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
        CPU_TIMES.append(time.process_time() - cpu)
    return times


def median_time(fn: Callable[[], object], runs: int) -> float:
    return statistics.median(run_times(fn, runs))


def yaml_floor(text: str) -> object:
    """The floor of a load: PyYAML's fastest reader (libyaml) of the same text, without places or checks."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def median_subprocess(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# --------------------------------------------------------------------------- 1. --help


_HELP_PROBE = r"""
import atexit, sys
def _report():
    names = sorted({m.split('.')[0] for m in sys.modules})
    sys.stderr.write('\nMODULES ' + ' '.join(names) + '\n')
atexit.register(_report)
sys.argv = ['procesmap', '--help']
from procesmap.cli import main
main()
"""


def bench_help(runs: int) -> None:
    header("1. procesmap --help")
    env = dict(os.environ)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    probe = subprocess.run([sys.executable, "-c", _HELP_PROBE], capture_output=True, text=True, env=env, cwd=ROOT)
    modules: set[str] = set()
    for text in probe.stderr.splitlines():
        if text.startswith("MODULES "):
            modules = set(text.split()[1:])
    if not modules:
        print(f"could not probe --help (exit {probe.returncode}): {probe.stderr.strip()[-500:]}  MISSED")
    else:
        heavy = [m for m in HEAVY if m in modules]
        other = [m for m in OTHER if m in modules]
        status = "ok" if not heavy else "MISSED"
        print(
            f"heavy modules imported by --help (target: none of {', '.join(HEAVY)}): "
            f"{', '.join(heavy) if heavy else 'none'}  {status}"
        )
        print(f"other notable modules imported by --help (info): {', '.join(other) if other else 'none'}")

    # Where the import time of --help goes (top-level packages, cumulative microseconds).
    imp = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", _HELP_PROBE], capture_output=True, text=True, env=env, cwd=ROOT
    )
    tops: list[tuple[int, str]] = []
    for text in imp.stderr.splitlines():
        if not text.startswith("import time:") or "|" not in text:
            continue
        parts = [p.strip() for p in text[len("import time:") :].split("|")]
        if len(parts) == 3 and parts[1].isdigit():
            if parts[2] in ("procesmap.cli", "procesmap", "procesmap.loading", "procesmap.model", "pydantic", "typer"):
                tops.append((int(parts[1]), parts[2]))
    if tops:
        seen: dict[str, int] = {}
        for us, name in tops:
            seen[name] = max(seen.get(name, 0), us)
        print(
            "import time under --help (cumulative, info): "
            + ", ".join(f"{n} {us / 1000:.0f} ms" for n, us in sorted(seen.items(), key=lambda kv: -kv[1]))
        )

    script = Path(sys.executable).parent / "procesmap"
    cmd = [str(script), "--help"] if script.exists() else [sys.executable, "-m", "procesmap", "--help"]
    # one warm-up each, for the OS file cache
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    subprocess.run([sys.executable, "-c", "pass"], check=False, env=env)
    t_help = median_subprocess(cmd, runs, env)
    t_pass = median_subprocess([sys.executable, "-c", "pass"], runs, env)
    line(f"procesmap --help wall time (median of {runs})", t_help)
    line(f"python -c pass wall time (median of {runs})", t_pass)
    print(
        f"ratio --help / python -c pass: {t_help / t_pass:.1f}x  (--help costs {1000 * (t_help - t_pass):.0f} ms "
        f"over bare interpreter start)",
        flush=True,
    )


# --------------------------------------------------------------------------- 3. generator


_VERBS = [
    "beoordelen",
    "registreren",
    "controleren",
    "toetsen",
    "opstellen",
    "aanvullen",
    "afstemmen",
    "vastleggen",
    "versturen",
    "inplannen",
    "adviseren",
    "archiveren",
    "bespreken",
    "berekenen",
    "verifieren",
    "ondertekenen",
    "publiceren",
    "wegen",
    "nabellen",
    "samenvatten",
]
_OBJECTS = [
    "aanvraag",
    "dossier",
    "advies",
    "besluit",
    "brief",
    "zienswijze",
    "rapport",
    "tekening",
    "legesnota",
    "planning",
    "checklist",
    "conceptbesluit",
    "gegevens",
    "bijlagen",
    "zaak",
]

# role id: (team, people, fte or None, backup or None, lane weight ~ capacity); the applicant has no team.
_ROLES = {
    "kcc-medewerker": ("kcc", 6, 4.8, None, 10),
    "kcc-coordinator": ("kcc", 2, None, None, 4),
    "behandelaar": ("backoffice", 8, 6.4, None, 13),
    "senior-behandelaar": ("backoffice", 3, 2.6, None, 5),
    "jurist": ("backoffice", 2, 1.6, None, 3),
    "administratief-medewerker": ("backoffice", 3, 2.4, None, 5),
    "teamleider": ("backoffice", 1, None, None, 2),
    "adviseur": ("advies", 3, 2.4, None, 5),
    "specialist": ("advies", 1, 0.8, "adviseur", 2),
}
_TEAM_ORG = {"kcc": "gemeente", "backoffice": "gemeente", "advies": "omgevingsdienst"}


def _duration_text(minutes: float) -> str:
    """A duration in the nicest short unit (elapsed: d = 24 h; used for waits and leads)."""
    if minutes >= 24 * 60 and minutes % (24 * 60) == 0:
        return f"{minutes // (24 * 60):.0f}d"
    if minutes >= 60 and minutes % 60 == 0:
        return f"{minutes // 60:.0f}h"
    return f"{minutes:.0f}m"


def _triangle_text(low: float, mode: float, high: float) -> str:
    """A triangular duration in one unit (procesmap rejects a triangle whose order depends on the day length)."""
    for size, unit in ((24 * 60, "d"), (60, "h"), (1, "m")):
        if all(v % size == 0 for v in (low, mode, high)):
            return f"{{min: {low // size:.0f}{unit}, mode: {mode // size:.0f}{unit}, max: {high // size:.0f}{unit}}}"
    raise ValueError((low, mode, high))


def generate_map(n_steps: int, seed: int = 0) -> str:
    """A large, realistic process map in format 1, as YAML text (deterministic for ``seed``).

    ``n_steps`` steps in lanes of 10 roles (9 internal over 3 teams in 2
    organisations, plus the external applicant). Mostly sequential: a case
    stays with a role for a few steps, then is handed over. Every 4-8 steps a
    decision sends it on (most of the probability), back to an earlier step of
    the same stretch (rework; the decision itself is the way out), sometimes a
    few steps ahead (skip) and rarely to a second end (buiten behandeling).
    Waits are triangular or fixed, work fixed or triangular, some steps have a
    lead, applicant steps suspend the term. A volume and a term scaled to the
    size of the map keep utilisation and the share over the term plausible.
    """
    if n_steps < 4:
        raise ValueError("generate_map needs at least 4 steps")
    rng = random.Random(seed)
    n_main = n_steps - 1  # the last step of the list is the second end, 'buiten-behandeling'
    ids = []
    for i in range(n_main):
        ids.append(f"s{i + 1:04d}-{rng.choice(_OBJECTS)}-{rng.choice(_VERBS)}")
    off_ramp = "buiten-behandeling"
    role_ids = list(_ROLES)
    weights = [_ROLES[r][4] for r in role_ids]

    out: list[str] = []
    w = out.append
    w(f"# Generated by benchmarks/bench_analyse.py: generate_map({n_steps}, seed={seed}).")
    w("procesmap: 1")
    w(f"id: generated-{n_steps}")
    w(f"name: Gegenereerd proces met {n_steps} stappen")
    w("owner: teamleider")
    w("language: nl")
    w("description: Synthetische kaart voor benchmarks, lang en grotendeels sequentieel, met herstelrondes.")
    w("calendar: {hours_per_day: 8, days_per_week: 5, weeks_per_year: 46}")
    w("")
    w("organisations:")
    w("  gemeente: {name: Gemeente Benchdorp}")
    w("  omgevingsdienst: {name: Omgevingsdienst Benchregio}")
    w("teams:")
    w("  kcc: {name: Klantcontactcentrum, organisation: gemeente}")
    w("  backoffice: {name: Backoffice vergunningen, organisation: gemeente}")
    w("  advies: {name: Team advies, organisation: omgevingsdienst}")
    w("roles:")
    for rid, (team, people, fte, backup, _) in _ROLES.items():
        extra = (f", fte: {fte}" if fte is not None else "") + (f", backup: {backup}" if backup else "")
        w(f"  {rid}: {{name: {rid.replace('-', ' ').capitalize()}, team: {team}, people: {people}{extra}}}")
    w("  aanvrager: {name: Aanvrager, external: true}")
    w("systems:")
    w("  zaaksysteem: {name: Zaaksysteem}")
    w("  portaal: {name: Omgevingsloket}")
    w("  mail: {name: E-mail met bijlagen, kind: manual}")
    w("")
    w("steps:")

    mean_days = 0.0  # rough mean cycle time (days), to set a plausible term
    work_hours = 0.0  # rough work per case (hours), to set a plausible volume
    role = "kcc-medewerker"
    stay = 0
    last_decision = 0
    next_decision = min(rng.randint(4, 8), n_main - 2)  # at least one decision, even in a tiny map
    prev_role = None
    for i, sid in enumerate(ids):
        first, last = i == 0, i == n_main - 1
        is_decision = not first and not last and i >= next_decision and i + 1 < n_main
        # lanes: stay with a role for 1-4 steps, then hand over; now and then the applicant
        if not first:
            if stay <= 0:
                role = "aanvrager" if rng.random() < 0.06 else rng.choices(role_ids, weights)[0]
                stay = rng.randint(1, 4) if role != "aanvrager" else 1
            stay -= 1
        if is_decision and role == "aanvrager":
            role = rng.choices(role_ids, weights)[0]
        external = role == "aanvrager"
        kind = "start" if first else "end" if last else "decision" if is_decision else "task"
        w(f"  - id: {sid}")
        w(f"    name: {sid.split('-', 1)[1].replace('-', ' ').capitalize()} ({i + 1})")
        w(f"    type: {kind}")
        w(f"    role: {role}")
        if not external and rng.random() < 0.3:
            informed = ", I: [aanvrager]" if rng.random() < 0.3 else ""
            w(f"    raci: {{A: teamleider{informed}}}")
        # waits: mostly triangular, some fixed, some none; the applicant waits longest
        if external:
            lo, mode, hi = rng.choice([(1, 3, 10), (2, 5, 14), (1, 2, 7)])
            w(f"    wait: {{min: {lo}d, mode: {mode}d, max: {hi}d}}")
            w("    suspends_term: true")
            mean_days += (lo + mode + hi) / 3
        elif not first:
            r = rng.random()
            if r < 0.55:
                lo = rng.choice([60, 240, 24 * 60])
                mode = lo * rng.choice([2, 3])
                hi = mode * rng.choice([2, 3, 4])
                w(f"    wait: {_triangle_text(lo, mode, hi)}")
                mean_days += (lo + mode + hi) / 3 / (24 * 60)
            elif r < 0.85:
                minutes = rng.choice([120, 24 * 60, 2 * 24 * 60])
                w(f"    wait: {_duration_text(minutes)}")
                mean_days += minutes / (24 * 60)
        # work (effort) of internal steps, a lead now and then
        if not external:
            if rng.random() < 0.6:
                minutes = rng.choice([10, 15, 30, 45, 60, 90, 120])
                w(f"    work: {_duration_text(minutes)}")
                hours = minutes / 60
            else:
                lo = rng.choice([15, 30, 60])
                mode, hi = lo * 2, lo * rng.choice([4, 6, 8])
                w(f"    work: {_triangle_text(lo, mode, hi)}")
                hours = (lo + mode + hi) / 3 / 60
            work_hours += hours
            if rng.random() < 0.1:
                lead = rng.choice([1, 2, 3])
                w(f"    lead: {lead}d")
                mean_days += lead
            else:
                mean_days += hours / 24
            w(f"    system: {rng.choice(['zaaksysteem', 'zaaksysteem', 'portaal'])}")
        if prev_role and prev_role != role and not external and not first:
            prev_org = _TEAM_ORG.get(_ROLES[prev_role][0]) if prev_role in _ROLES else None
            if prev_org and prev_org != _TEAM_ORG[_ROLES[role][0]]:
                w(f"    via: {'mail' if rng.random() < 0.5 else 'zaaksysteem'}")
        if rng.random() < 0.05:
            w(f"    log: [{sid.split('-', 1)[1].replace('-', ' ').capitalize()} gereed]")
        # routing
        if last:
            pass
        elif is_decision:
            branches: list[tuple[str, int, str]] = []  # (target, percent, when)
            if i - 1 > last_decision:
                back = rng.randint(last_decision + 1, i - 1)
                branches.append((ids[back], rng.choice([10, 15, 20, 25, 30]), '"afgekeurd, herstel nodig"'))
            if rng.random() < 0.3 and i + 2 < n_main:
                ahead = min(i + rng.randint(2, 5), n_main - 1)
                branches.append((ids[ahead], rng.choice([5, 10, 15]), '"eenvoudig geval, stappen overslaan"'))
            if last_decision == 0 or rng.random() < 0.1:  # the first decision always reaches the second end
                branches.append((off_ramp, rng.choice([1, 2, 3]), '"aanvraag ingetrokken"'))
            forward = 100 - sum(pct for _, pct, _ in branches)
            branches.insert(0, (ids[i + 1], forward, "akkoord"))
            w("    next:")
            for target, pct, when in branches:
                w(f"      - {{to: {target}, p: {pct / 100:.2f}, when: {when}}}")
            last_decision = i
            next_decision = i + rng.randint(4, 8)
        else:
            w(f"    next: {ids[i + 1]}")
        prev_role = role
        w("")
    w(f"  - id: {off_ramp}")
    w("    name: Aanvraag buiten behandeling gesteld")
    w("    type: end")
    w("    role: administratief-medewerker")
    w("    work: 20m")
    w("")
    # a term with some margin over the rough mean, and a volume for ~50 % utilisation overall
    # inside the loader's limit (docs/format.md, 'Limits of the loader'): no duration over 3,650 days
    term_days = min(MAX_TERM_DAYS, max(14, round(mean_days * 1.3)))
    extension_days = min(MAX_TERM_DAYS, max(7, term_days // 2))
    internal_fte = sum((fte if fte is not None else people) for _, people, fte, _, _ in _ROLES.values())
    capacity = internal_fte * 8 * 5 * 46
    volume = max(1, round(0.5 * capacity / max(work_hours, 0.1)))
    w(f"term: {term_days}d")
    w(f"term_extension: {extension_days}d")
    w(f"volume: {volume}/year")
    w("")
    w("issues:")
    w(
        f"  - {{id: K1, step: {ids[min(5, n_main - 1)]}, text: Dossier gaat per mail naar de omgevingsdienst., "
        "level: operational, solution: Via het zaaksysteem., action: start, owner: teamleider}"
    )
    w(
        f"  - {{id: K2, step: {ids[n_main // 2]}, text: Herstelrondes door onvolledige aanvragen., "
        "level: tactical, action: stop}"
    )
    return "\n".join(out) + "\n"


def check_generated(analysis, n_steps: int) -> None:
    """Fail loudly (exit 1) when a generated map is not a sound map: the benchmark would be meaningless."""
    codes = {f.code for f in analysis.findings}
    bad = sorted(codes & (BROKEN_CODES | ALSO_UNEXPECTED))
    problems = []
    if bad:
        detail = "; ".join(f"{f.code} {f.subject}" for f in analysis.findings if f.code in bad)[:800]
        problems.append(f"findings {', '.join(bad)}: {detail}")
    if analysis.visits is None:
        problems.append("visits could not be computed")
    if analysis.time.cycle_time.get("p50") is None:
        problems.append("the simulation produced no percentiles")
    if len(analysis.process.steps) != n_steps:
        problems.append(f"{len(analysis.process.steps)} steps instead of {n_steps}")
    if problems:
        print(f"FATAL: generated map with {n_steps} steps is broken: " + " | ".join(problems), file=sys.stderr)
        sys.exit(1)


# --------------------------------------------------------------------------- 2 and 3: analyse timings


def bench_bundled(procesmap, runs: int) -> None:
    header(f"2. analyse() of the bundled maps, 10k cases (median of {runs})")
    for path in sorted(glob.glob(str(PROCESSES / "*.yaml"))):
        process = procesmap.load(path)
        name = Path(path).stem
        t = median_time(lambda process=process: procesmap.analyse(process, cases=10_000, seed=0), runs)
        line(f"analyse {name} (10k cases)", t, BUNDLED_TARGET_S)


def bench_large(procesmap, sizes: list[int], runs: int, big_cases: bool) -> None:
    header("3. scaling: generated maps and more cases")
    times: dict[int, float] = {}
    loads: dict[int, float] = {}
    for n in sizes:
        text = generate_map(n, seed=n)
        repeat = 1 if n >= HUGE_STEPS else runs
        floor_times = run_times(lambda text=text: yaml_floor(text), repeat)
        floor, floor_cpu = statistics.median(floor_times), statistics.median(CPU_TIMES)
        load_times = run_times(lambda text=text, n=n: procesmap.loads(text, f"generated-{n}.yaml"), repeat)
        load_cpu = statistics.median(CPU_TIMES)
        process = procesmap.loads(text, f"generated-{n}.yaml")
        loads[n] = statistics.median(load_times)
        first = procesmap.analyse(process, cases=10_000, seed=0)
        check_generated(first, n)
        all_times = run_times(lambda process=process: procesmap.analyse(process, cases=10_000, seed=0), repeat)
        t = statistics.median(all_times)
        analyse_cpu = statistics.median(CPU_TIMES)
        times[n] = t
        visits = first.visits or {}
        info = (
            f"[median of {repeat}, min {min(all_times):.3f} s, CPU {analyse_cpu:.3f} s; "
            f"{len(text) / 2**20:.1f} MB, {len(first.graph.transitions)} transitions, "
            f"{sum(visits.values()):.0f} step visits/case; queueing {first.queueing.model}, "
            f"{first.time.cases} cases simulated]"
        )
        target = LARGE_TARGET_S if n == LARGE_STEPS else HUGE_ANALYSE_S if n == HUGE_STEPS else None
        line(f"analyse generated {n} steps (10k cases)", t, target, info)
        line(
            f"load generated {n} steps",
            loads[n],
            HUGE_LOAD_S if n >= HUGE_STEPS else None,
            f"[CPU {load_cpu:.3f} s; floor yaml.load (CSafeLoader, no places, no checks) {floor:.3f} s, "
            f"CPU {floor_cpu:.3f} s: load/floor {loads[n] / floor:.2f}x wall, {load_cpu / max(floor_cpu, 1e-9):.2f}x CPU]",
        )
        report_times = run_times(lambda first=first: procesmap.report(first, "terminal", lang="nl"), repeat)
        report_cpu = statistics.median(CPU_TIMES)
        both = t + statistics.median(report_times)
        line(
            f"analyse + terminal report generated {n} steps",
            both,
            HUGE_REPORT_S if n == HUGE_STEPS else None,
            f"[report alone {statistics.median(report_times):.3f} s, CPU analyse + report {analyse_cpu + report_cpu:.3f} s; "
            f"{both / floor:.1f}x the yaml.load floor]",
        )
    if LARGE_STEPS not in times:
        print(f"analyse generated {LARGE_STEPS} steps (10k cases): skipped (--quick)", flush=True)
    ordered = sorted(times)
    for a, b in zip(ordered, ordered[1:]):
        print(
            f"growth time({b})/time({a}): analyse {times[b] / times[a]:.1f}x, load {loads[b] / loads[a]:.1f}x  "
            f"(steps x{b / a:g})",
            flush=True,
        )
    if len(ordered) > 1:
        a, b = ordered[0], ordered[-1]
        print(
            f"growth from {a} to {b} steps: analyse {times[b] / times[a]:.1f}x, load {loads[b] / loads[a]:.1f}x  "
            f"(steps x{b / a:g}; linear would be x{b / a:g})",
            flush=True,
        )

    process = procesmap.load(PROCESSES / "omgevingsvergunning.yaml")
    t10 = median_time(lambda: procesmap.analyse(process, cases=10_000, seed=0), runs)
    line("analyse omgevingsvergunning (10k cases)", t10, BUNDLED_TARGET_S)
    if big_cases:
        t100 = median_time(lambda: procesmap.analyse(process, cases=100_000, seed=0), runs)
        line("analyse omgevingsvergunning (100k cases)", t100)
        print(f"growth time(100k)/time(10k): {t100 / t10:.1f}x  (cases x10)", flush=True)
    else:
        print("analyse omgevingsvergunning (100k cases): skipped (--quick)", flush=True)

    largest = max(sizes)
    process = procesmap.loads(generate_map(largest, seed=largest), f"generated-{largest}.yaml")
    gc.collect()
    tracemalloc.start()
    procesmap.analyse(process, cases=10_000, seed=0)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(
        f"peak memory analyse generated {largest} steps (10k cases): {peak / 2**20:.1f} MiB traced "
        f"(tracemalloc, Python + numpy allocations); process max RSS so far {maxrss_kb / 1024:.0f} MiB",
        flush=True,
    )


#: `procesmap ARGS` in this process, then its own peak memory on stderr: VmHWM of /proc/self/status, the peak
#: of this program's memory alone (getrusage's maxrss of a child starts from its parent's, which forked it)
_MAX_RSS_PROBE = r"""
import atexit, resource, sys
def _peak():
    try:
        for text in open("/proc/self/status"):
            if text.startswith("VmHWM:"):
                return int(text.split()[1]) // 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
atexit.register(lambda: sys.stderr.write(f"\nMAXRSS {_peak()}\n"))
sys.argv = ["procesmap"] + sys.argv[1:]
from procesmap.cli import main
main()
"""


def bench_max(procesmap) -> None:
    """The biggest map the loader takes (MAX_STEPS): load against the floor, and `procesmap analyse -f json`
    end to end in a fresh process (issue #19: under 10 s), with its CPU time and peak memory."""
    import tempfile

    n = MAX_STEPS
    header(f"3b. the biggest map the loader takes: {n:,} steps")
    text = generate_map(n, seed=n)
    floor_times = run_times(lambda: yaml_floor(text), 1)
    floor, floor_cpu = floor_times[0], CPU_TIMES[0]
    load_times = run_times(lambda: procesmap.loads(text, f"generated-{n}.yaml"), 1)
    line(
        f"load generated {n} steps",
        load_times[0],
        None,
        f"[CPU {CPU_TIMES[0]:.3f} s; {len(text) / 2**20:.1f} MB; floor yaml.load (CSafeLoader) {floor:.3f} s, "
        f"CPU {floor_cpu:.3f} s: load/floor {load_times[0] / floor:.2f}x wall, {CPU_TIMES[0] / max(floor_cpu, 1e-9):.2f}x CPU]",
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"generated-{n}.yaml"
        path.write_text(text, encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _MAX_RSS_PROBE, "analyse", str(path), "-f", "json"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            check=False,
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    errors = done.stderr.decode("utf-8", "replace")
    peak = next((text.split()[1] for text in errors.splitlines() if text.startswith("MAXRSS ")), "?")
    line(
        f"procesmap analyse generated {n} steps -f json (fresh process)",
        wall,
        MAX_JSON_S,
        f"[exit {done.returncode}, CPU {cpu:.3f} s (target: {cpu / MAX_JSON_S:.2f}x), max RSS {peak} MiB, "
        f"{len(done.stdout) / 2**20:.1f} MB of JSON; {cpu / max(floor_cpu, 1e-9):.1f}x the yaml.load floor's CPU]",
    )
    if done.returncode not in (0, 1):
        print(f"  stderr: {done.stderr.decode('utf-8', 'replace').strip()[-500:]}", flush=True)


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: no 2,000- and 10,000-step maps, no 100k cases, fewer repeats"
    )
    parser.add_argument(
        "--scaling",
        action="store_true",
        help="only section 3's generated maps, 100 to 10,000 steps, one run each (load against the yaml.load "
        "floor, analyse, terminal report and the growth), and the 20,000-step map's `analyse -f json`",
    )
    args = parser.parse_args(argv)
    if args.scaling:
        sys.path.insert(0, str(ROOT))
        import procesmap

        print(
            f"procesmap scaling benchmark; load average {os.getloadavg()[0]:.2f} (other work on the machine "
            "skews wall times; CPU times are shown too)",
            flush=True,
        )
        procesmap.analyse(procesmap.loads(generate_map(20, seed=1), "generated-20.yaml"), cases=1000, seed=0)
        bench_large(procesmap, [100, 1000, LARGE_STEPS, HUGE_STEPS], runs=1, big_cases=False)
        bench_max(procesmap)
        print(f"load average now {os.getloadavg()[0]:.2f}", flush=True)
        return 0

    started = time.perf_counter()
    print(
        f"procesmap benchmarks ({'quick' if args.quick else 'full'} run); python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} (other work on the machine skews timings)",
        flush=True,
    )
    bench_help(runs=3 if args.quick else 7)

    sys.path.insert(0, str(ROOT))
    import procesmap

    # Warm the imports (numpy, networkx, rules, ...) so that only analyse() is timed.
    procesmap.analyse(procesmap.loads(generate_map(20, seed=1), "generated-20.yaml"), cases=1000, seed=0)
    bench_bundled(procesmap, runs=3 if args.quick else 5)
    sizes = [100, 500] if args.quick else [100, 500, LARGE_STEPS, HUGE_STEPS]
    bench_large(procesmap, sizes, runs=2 if args.quick else 3, big_cases=not args.quick)
    print(
        f"\ntotal benchmark time: {time.perf_counter() - started:.1f} s; load average now {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
