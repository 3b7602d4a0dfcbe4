"""``discover``: a draft map (format 1) from an event log, for the workshop to correct.

1. Activities in fewer than ``min_activity_share`` of the cases are left out (named in a comment).
2. Each case becomes a sequence of activities; consecutive repeats of one activity are one visit.
3. The most frequent sequences (variants) are kept until they cover ``coverage`` of the cases.
4. From those cases: one step per activity; its successors with observed probabilities (a
   ``decision`` where there are several; loops where the data loops); a closing step
   ``einde``/``end``; the median wait before each step (time from the previous visit's
   complete to this visit's start) as ``wait``; the median service time as ``lead`` where the
   log has start events; the most frequent role (``org:group`` or ``--roles``) as ``role``.

The text is checked by loading it before it is returned: a draft is always a valid map.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from procesmap.errors import UsageError
from procesmap.eventlog._engine import US_PER_DAY, connect, rows, scalar
from procesmap.eventlog._read import EventLog
from procesmap.i18n import Count, number, percent, t

__all__ = ["discover", "format_days", "split_probabilities", "parallel_blocks", "ParallelBlock", "PARALLEL_SHARE"]


def format_days(days: float) -> str | None:
    """``2.25`` -> ``2.2d``, ``0.1`` -> ``2.4h``, ``0.001`` -> ``1m``; ``None`` below half a minute."""
    if days is None or days * 1440 < 0.5:
        return None
    if days >= 1:
        text = f"{days:.1f}".rstrip("0").rstrip(".")
        return f"{text}d"
    hours = days * 24
    if hours >= 1:
        return f"{hours:.1f}".rstrip("0").rstrip(".") + "h"
    return f"{max(round(days * 1440), 1)}m"


def split_probabilities(counts: list[int]) -> list[float]:
    """Counts -> probabilities in thousandths that sum to exactly 1, none below 0.001 (largest remainder)."""
    total = sum(counts)
    raw = [c * 1000 / total for c in counts]
    units = [max(int(math.floor(r)), 1) for r in raw]
    order = sorted(range(len(counts)), key=lambda i: -(raw[i] - math.floor(raw[i])))
    i = 0
    while sum(units) < 1000:
        units[order[i % len(order)]] += 1
        i += 1
    while sum(units) > 1000:
        j = max(range(len(units)), key=lambda k: units[k])
        units[j] -= 1
    return [u / 1000 for u in units]


#: what YAML reads as itself in a double-quoted scalar; the rest (controls, DEL, C1, line breaks NEL, LS, PS) is escaped
_NOT_YAML_PRINTABLE = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _q(text: str) -> str:
    """A double-quoted YAML scalar; characters YAML does not allow in a file (DEL, C1 controls, ...) escaped."""
    return _NOT_YAML_PRINTABLE.sub(
        lambda m: "\\u%04x" % ord(m.group()) if ord(m.group()) < 0x10000 else "\\U%08x" % ord(m.group()),
        json.dumps(text, ensure_ascii=False),
    )


def _one_line(text: str) -> str:
    """An activity or file name as a step name or in a comment: a tab or line break in it (``Aanvraag\\tontvangen``
    from a log, ``&#10;`` in XES) read as a space, so that a comment stays one line and a name reads as it shows."""
    return " ".join(text.split())


def _not_extension(slug: str) -> str:
    """A key starting with ``x-`` is the user's own extension, which the loader ignores: ``x-2`` -> ``x_2``."""
    return "x_" + slug[2:] if slug.startswith("x-") else slug


def _id(text: str) -> str:
    """An id as YAML reads it back: plain where YAML reads it as that text, else quoted (``on``, ``no``, ``1``,
    ``0x10``, ``1e3``, ``1:20``, ``null`` would be read as a boolean, a number or nothing)."""
    import yaml  # lazy: PyYAML loads only when YAML is read or written

    try:
        value = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        value = None
    return text if isinstance(value, str) and value == text else _q(text)


#: Two activities are parallel when each directly follows the other in at least this share of the cases with both.
PARALLEL_SHARE = 0.1


@dataclass(frozen=True)
class ParallelBlock:
    """Activities done in parallel: every pair follows each other directly in both orders."""

    activities: tuple[str, ...]  # sorted by name
    cases: int  # cases (of the chosen ones) that have every activity of the block
    orders: int  # distinct orders in which those cases did them


def parallel_blocks(
    con: Any, pairs: list[tuple[str, str, int]], starts: list[tuple[str, int]], share: float = PARALLEL_SHARE
) -> list[ParallelBlock]:
    """Blocks of parallel activities in the visits table ``sr`` (alpha-style concurrency, with short loops ruled out).

    Activities ``a`` and ``b`` are *parallel* when, among the cases that have both,

    - ``a`` is directly followed by ``b`` in at least ``share`` of them, and ``b`` by ``a`` in at least ``share``;
    - a short loop (``a b a`` or ``b a b`` in a row) shows in fewer than ``share`` of them: going back and
      forth is rework, not parallel work;
    - they share a predecessor or a successor outside the pair (or both start or both end cases).

    A block is a group of activities that are pairwise parallel (a clique: with three advices that may
    come in any order, each pair is parallel); a group that is connected but not pairwise parallel
    (sequences inside branches) is left as it is. Every branch of a block is one activity.
    """
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read

    direct = {(a, b): n for a, b, n in pairs if b}
    candidates = sorted({(min(a, b), max(a, b)) for (a, b) in direct if (b, a) in direct and a != b})
    if not candidates:
        return []
    con.register(
        "candidates",
        pa.table(
            {
                "x": pa.array([c[0] for c in candidates], pa.string()),
                "y": pa.array([c[1] for c in candidates], pa.string()),
            }
        ),
    )
    figures = {
        (x, y): (both, xy, yx, loops)
        for x, y, both, xy, yx, loops in rows(
            con,
            """
        WITH seq AS (SELECT c, a, lead(a) OVER w AS na, lead(a, 2) OVER w AS nna FROM sr WINDOW w AS (PARTITION BY c ORDER BY j)),
             has AS (SELECT DISTINCT c, a FROM sr),
             together AS (SELECT k.x, k.y, count(*) AS n FROM candidates k
                      JOIN has hx ON hx.a = k.x JOIN has hy ON hy.a = k.y AND hy.c = hx.c GROUP BY 1, 2),
             steps AS (SELECT k.x, k.y,
                              count(DISTINCT s.c) FILTER (WHERE s.a = k.x) AS xy,
                              count(DISTINCT s.c) FILTER (WHERE s.a = k.y) AS yx,
                              count(DISTINCT s.c) FILTER (WHERE s.nna = s.a) AS loops
                       FROM candidates k JOIN seq s ON least(s.a, s.na) = k.x AND greatest(s.a, s.na) = k.y
                       GROUP BY 1, 2)
        SELECT together.x, together.y, together.n, steps.xy, steps.yx, steps.loops FROM together JOIN steps USING (x, y)""",
        )
    }
    con.unregister("candidates")
    before: dict[str, set[str]] = {}
    after: dict[str, set[str]] = {}
    for a, b, _n in pairs:
        after.setdefault(a, set()).add(b or "\x00end")
        if b:
            before.setdefault(b, set()).add(a)
    for a, _n in starts:
        before.setdefault(a, set()).add("\x00start")
    parallel: dict[str, set[str]] = {}
    for (x, y), (both, xy, yx, loops) in figures.items():
        if not both or xy < share * both or yx < share * both or loops >= share * both:
            continue
        shared = ((before.get(x, set()) & before.get(y, set())) - {x, y}) or (
            (after.get(x, set()) & after.get(y, set())) - {x, y}
        )
        if shared:
            parallel.setdefault(x, set()).add(y)
            parallel.setdefault(y, set()).add(x)
    blocks: list[ParallelBlock] = []
    seen: set[str] = set()
    for activity in sorted(parallel):
        if activity in seen:
            continue
        group, todo = set(), [activity]
        while todo:
            item = todo.pop()
            if item not in group:
                group.add(item)
                todo.extend(parallel[item] - group)
        seen |= group
        if all(parallel[a] >= group - {a} for a in group):
            blocks.append(_block(con, tuple(sorted(group))))
    return blocks


def _block(con: Any, activities: tuple[str, ...]) -> ParallelBlock:
    """How many cases do all of ``activities``, and in how many distinct orders."""
    placeholders = ", ".join("?" for _ in activities)
    cases, orders = rows(
        con,
        f"""
        WITH m AS (SELECT c, list(a ORDER BY j) AS o, count(DISTINCT a) AS k FROM sr WHERE a IN ({placeholders}) GROUP BY c)
        SELECT count(*), count(DISTINCT o) FROM m WHERE k = {len(activities)}""",
        *activities,
    )[0]
    return ParallelBlock(activities, int(cases), int(orders))


def keep_paths(pairs: list[tuple[str, str, int]], share: float) -> list[tuple[str, str, int]]:
    """The most frequent transitions ``(a, b, n)`` until they hold ``share`` of all, and for every activity its most
    frequent transition out and in (so that no step is cut off); the order of ``pairs`` is kept."""
    total = sum(int(n) for _, _, n in pairs)
    ranked = sorted(pairs, key=lambda p: (-int(p[2]), p[0], p[1]))
    kept: set[tuple[str, str]] = set()
    running = 0
    for a, b, n in ranked:
        if running >= share * total - 1e-9:
            break
        kept.add((a, b))
        running += int(n)
    out_best: dict[str, tuple[str, str]] = {}
    in_best: dict[str, tuple[str, str]] = {}
    for a, b, _n in ranked:
        out_best.setdefault(a, (a, b))
        if b:
            in_best.setdefault(b, (a, b))
    kept |= set(out_best.values()) | set(in_best.values())
    return [p for p in pairs if (p[0], p[1]) in kept]


#: the example each option of :func:`check_discover_options` gives with a value out of its range
_OPTION_HINTS = {
    "--coverage": "hint.discover__coverage",
    "--activities": "hint.discover__activities",
    "--paths": "hint.discover__paths",
    "--min-activity-share": "hint.discover__min_activity_share",
}


def check_discover_options(
    coverage: float = 0.8,
    min_activity_share: float | None = None,
    activities: float | None = None,
    paths: float | None = None,
) -> None:
    """Refuse values of :func:`discover`'s options that mean nothing, before a log is read (docs/eventlog.md).

    ``coverage``, ``activities`` and ``paths`` are shares more than 0 and at most 1; ``min_activity_share`` one
    from 0 to 1 (above 1 it left out every activity, below 0 nothing, without a word). ``activities`` replaces
    ``min_activity_share``: both given is refused (one of them was ignored). A value from 1 to 100 gets the
    hint that a share is not a percentage (``--coverage 80`` -> ``--coverage 0.8``; from 2 up to 100). Raises :class:`UsageError`.
    """
    if activities is not None and min_activity_share is not None:
        raise UsageError("discover.both", "hint.discover.both")
    checks = [("--coverage", coverage, False), ("--activities", activities, False), ("--paths", paths, False)]
    checks.append(("--min-activity-share", min_activity_share, True))
    for option, value, zero in checks:
        if value is None or (math.isfinite(value) and (0.0 <= value if zero else 0.0 < value) and value <= 1.0):
            continue
        shown = format(value, "g")
        if math.isfinite(value) and 2.0 <= value <= 100.0:  # 80 for 80%
            hint, example = "hint.discover.percent", format(value / 100.0, "g")
        else:
            hint, example = _OPTION_HINTS[option], ""
        key = "discover.share_from_zero" if zero else "discover.share"
        raise UsageError(key, hint, option=option, value=shown, example=example)


def discover(
    log: EventLog,
    coverage: float = 0.8,
    min_activity_share: float = 0.05,
    process_id: str | None = None,
    lang: str = "nl",
    parallel_share: float = PARALLEL_SHARE,
    activities: float | None = None,
    paths: float | None = None,
) -> str:
    """A draft map as YAML text (format 1), valid and commented.

    Disco-style simplification (docs/eventlog.md): ``activities`` (0-1] keeps the activities that are in at least
    that share of the cases the most frequent activity is in (instead of the ``min_activity_share`` rule);
    ``paths`` (0-1] keeps the most frequent transitions until they hold that share of all transitions, and for
    every step its most frequent way in and out.

    ``parallel_share``: two activities are parallel when each directly follows the other in at least
    this share of the cases that have both (and they do not loop); see :func:`parallel_blocks`."""
    import pyarrow as pa  # lazy: pyarrow loads only when a log is read

    import procesmap  # lazy: the package's lazy names, only when a draft map is written
    from procesmap.model import slugify  # lazy: the map model loads only when a draft map is written

    check_discover_options(coverage, min_activity_share if activities is None else None, activities, paths)
    fallback: str | None = None  # the activity kept when no activity is in min_activity_share of the cases
    con = connect(log)
    try:
        total = int(scalar(con, "SELECT count(DISTINCT c) FROM inst") or 0)
        if total == 0:
            raise UsageError("log.no_instances", "hint.log.no_instances", path=log.source)
        shares = rows(con, "SELECT a, count(DISTINCT c) FROM inst GROUP BY a ORDER BY a")
        if activities is not None:  # Disco's activity slider as a share of cases: relative to the most frequent
            most = max(k for _, k in shares)
            keep = [a for a, k in shares if k >= activities * most - 1e-9]
        else:
            keep = [a for a, k in shares if k / total >= min_activity_share]
            if not keep:
                fallback = max(shares, key=lambda x: x[1])[0]
                keep = [fallback]
        dropped = [a for a, k in shares if a not in keep]
        con.register("keep", pa.table({"a": pa.array(keep, pa.string())}))
        con.execute("""
            CREATE TEMP TABLE runs AS
            WITH k AS (SELECT * FROM inst WHERE a IN (SELECT a FROM keep)),
                 f AS (SELECT *, CASE WHEN lag(a) OVER (PARTITION BY c ORDER BY i) = a THEN 0 ELSE 1 END AS new FROM k),
                 g2 AS (SELECT *, sum(new) OVER (PARTITION BY c ORDER BY i ROWS UNBOUNDED PRECEDING) AS j FROM f)
            SELECT c, j, any_value(a) AS a, min(ts) AS ts, max(te) AS te, mode(g) AS g, bool_or(timed) AS timed,
                   count(*) AS n
            FROM g2 GROUP BY c, j
        """)
        con.execute("CREATE TEMP TABLE var AS SELECT c, string_agg(a, chr(31) ORDER BY j) AS v FROM runs GROUP BY c")
        base = int(scalar(con, "SELECT count(*) FROM var") or 0)
        chosen, covered = [], 0
        for v, n in rows(con, "SELECT v, count(*) AS n FROM var GROUP BY v ORDER BY n DESC, v"):
            if covered >= coverage * base - 1e-9:
                break
            chosen.append(v)
            covered += int(n)
        con.register("chosen", pa.table({"v": pa.array(chosen, pa.string())}))
        con.execute("""
            CREATE TEMP TABLE sr AS
            SELECT runs.*, lead(a) OVER w AS na, lag(te) OVER w AS pte
            FROM runs WHERE c IN (SELECT c FROM var WHERE v IN (SELECT v FROM chosen))
            WINDOW w AS (PARTITION BY c ORDER BY j)
        """)
        pairs = rows(con, "SELECT a, coalesce(na, ''), count(*) FROM sr GROUP BY 1, 2 ORDER BY 1, count(*) DESC, 2")
        if paths is not None:
            pairs = keep_paths(pairs, paths)
        starts = rows(con, "SELECT a, count(*) FROM sr WHERE j = 1 GROUP BY a ORDER BY count(*) DESC, a")
        blocks = parallel_blocks(con, pairs, starts, parallel_share)
        block_of = {a: k for k, block in enumerate(blocks) for a in block.activities}
        # the wait before a step in a parallel block runs from the block's start (the visit before its first step)
        con.register(
            "block_of",
            pa.table({"a": pa.array(list(block_of), pa.string()), "b": pa.array(list(block_of.values()), pa.int32())}),
        )
        con.execute("""
            CREATE TEMP TABLE srw AS
            WITH x AS (SELECT sr.*, block_of.b AS blk FROM sr LEFT JOIN block_of USING (a)),
                 y AS (SELECT *, lag(blk) OVER (PARTITION BY c ORDER BY j) AS pblk FROM x),
                 z AS (SELECT *, sum(CASE WHEN blk IS NOT NULL AND blk IS NOT DISTINCT FROM pblk THEN 0 ELSE 1 END)
                                 OVER (PARTITION BY c ORDER BY j ROWS UNBOUNDED PRECEDING) AS grp FROM y)
            SELECT *, CASE WHEN blk IS NULL THEN pte
                           ELSE first_value(pte) OVER (PARTITION BY c, grp ORDER BY j) END AS ref
            FROM z
        """)
        per_step = {
            a: (n, k, wm, wd, lead, role, pos)
            for a, n, k, wm, wd, lead, role, pos in rows(
                con,
                f"""
            SELECT a, sum(n), count(DISTINCT c), avg(greatest(ts - ref, 0)) / {US_PER_DAY},
                   quantile_cont(greatest(ts - ref, 0), 0.5) / {US_PER_DAY},
                   quantile_cont(te - ts, 0.5) FILTER (WHERE timed) / {US_PER_DAY}, mode(g), avg(j)
            FROM srw GROUP BY a""",
            )
        }
        people = dict(rows(con, "SELECT g, count(DISTINCT r) FROM inst WHERE g IS NOT NULL GROUP BY g"))
        role_work = rows(con, "SELECT g, count(*) FROM sr WHERE g IS NOT NULL GROUP BY g ORDER BY count(*) DESC, g")
        span = scalar(con, "SELECT (max(te) - min(ts)) / 86400000000.0 FROM inst") or 0.0
    finally:
        con.close()

    ids: dict[str, str] = {}
    used = {"start", "einde", "end"}
    for activity in sorted(per_step, key=lambda a: (per_step[a][6], a)):
        slug = slugify(activity)[:60].strip("-_") or "stap"
        candidate, n = _not_extension(slug), 2
        while candidate in used:
            candidate, n = _not_extension(f"{slug}-{n}"), n + 1
        used.add(candidate)
        ids[activity] = candidate
    end_id = "einde" if lang == "nl" else "end"

    def fresh(slug: str) -> str:
        candidate, n = slug, 2
        while candidate in used:
            candidate, n = f"{slug}-{n}", n + 1
        used.add(candidate)
        return candidate

    split_ids = [fresh("splitsen" if lang == "nl" else "split") for _ in blocks]
    join_ids = [fresh("samenvoegen" if lang == "nl" else "join") for _ in blocks]

    def target(activity: str) -> str:
        """Where a transition into ``activity`` goes: its step, or the split of its parallel block."""
        if not activity:
            return end_id
        return split_ids[block_of[activity]] if activity in block_of else ids[activity]

    # successors by source: a step id, or a join id (a block's exits leave from its join)
    successors: dict[str, list[tuple[str, int]]] = {}
    for a, b, n in pairs:
        if a in block_of and block_of.get(b) == block_of[a]:
            continue  # one branch after another inside the block: the interleaving of parallel work
        source = join_ids[block_of[a]] if a in block_of else ids[a]
        successors.setdefault(source, []).append((target(b), int(n)))
    role_ids: dict[str, str] = {}
    taken_roles: set[str] = set()
    for g, _ in role_work:  # unique: two names may slugify alike ("Team A" and "team-a")
        slug, n = slugify(g)[:60].strip("-_") or "rol", 2
        candidate = _not_extension(slug)
        while candidate in taken_roles:
            candidate, n = _not_extension(f"{slug}-{n}"), n + 1
        taken_roles.add(candidate)
        role_ids[g] = candidate
    stem = Path(log.source).name.split(".")[0]
    pid = process_id or slugify(stem)
    lines = [
        f"# {t('logdraft.header', lang, file=_one_line(Path(log.source).name), cases=number(covered, lang), total=number(base, lang), share=percent(covered / base if base else 0, lang, 1), variants=number(len(chosen), lang))}",
        f"# {t('logdraft.correct', lang)}",
    ]
    if dropped:
        listed = ", ".join(_one_line(a) for a in dropped[:15]) + (" ..." if len(dropped) > 15 else "")
        if activities is not None:
            lines.append(f"# {t('discover.draft.dropped_top', lang, count=len(keep), activities=listed)}")
        elif fallback is not None:
            share = percent(min_activity_share, lang, 1)
            lines.append(f"# {t('discover.draft.kept_most', lang, share=share, activity=_one_line(fallback))}")
            lines.append(f"# {t('logdraft.dropped', lang, share=share, activities=listed)}")
        else:
            lines.append(
                f"# {t('logdraft.dropped', lang, share=percent(min_activity_share, lang, 1), activities=listed)}"
            )
    if base < total:  # cases with none of the kept activities: not in the draft, nor in its count of cases
        lines.append(f"# {t('discover.draft.cases_left_out', lang, count=Count(total - base), total=Count(total))}")
    lines += ["procesmap: 1", f"id: {_id(pid)}", f"name: {_q(_one_line(stem))}"]  # `procesmap fmt`'s key order
    if role_work:
        lines.append(f"owner: {_id(role_ids[role_work[0][0]])}  # {t('logdraft.owner', lang)}")
        lines.append(f"language: {lang}")
    else:
        lines += [f"language: {lang}", f"# {t('logdraft.no_roles', lang)}"]
    lines.append(f"# {t('logdraft.term', lang)}")
    if span > 0:
        per_year = base / span * 365.0
        if per_year >= 1:
            lines.append(
                f"volume: {round(per_year)}/year  # {t('logdraft.volume', lang, cases=number(base, lang), days=number(span, lang, 0))}"
            )
    if role_work:
        lines.append("roles:")
        for g, _ in role_work:
            count = int(people.get(g, 0))
            extra = f", people: {count}" if count else ""
            lines.append(
                f"  {_id(role_ids[g])}: {{name: {_q(_one_line(g))}{extra}}}  # {t('logdraft.role_people', lang, people=count)}"
            )
    lines.append("steps:")

    def branches(items: list[tuple[str, int]]) -> list[str]:
        merged: dict[str, int] = {}
        for target, n in items:
            merged[target] = merged.get(target, 0) + n
        targets = sorted(merged.items(), key=lambda x: (-x[1], x[0]))
        if len(targets) == 1:
            return [f"    next: {_id(targets[0][0])}"]
        probabilities = split_probabilities([n for _, n in targets])
        return ["    next:"] + [
            f"      - {{to: {_id(target)}, p: {p:g}}}" for (target, _), p in zip(targets, probabilities)
        ]

    start_targets: dict[str, int] = {}
    for a, n in starts:
        start_targets[target(a)] = start_targets.get(target(a), 0) + int(n)
    first = next(iter(start_targets)) if len(start_targets) == 1 and starts[0][0] not in block_of else None
    first_activity = starts[0][0] if first is not None else None
    if first is None:
        lines += ["  - id: start", f"    name: {_q('Start')}", "    type: start", f"    # {t('logdraft.start', lang)}"]
        lines += branches(sorted(start_targets.items(), key=lambda x: (-x[1], x[0])))
    # the steps in order of their mean place in the cases; a block's split just before its steps, its join just after
    entries: list[tuple[bool, float, str, str, Any]] = []
    for activity, figures in per_step.items():
        entries.append((activity != first_activity, figures[6], activity, "step", activity))
    for k, block in enumerate(blocks):
        places = [per_step[a][6] for a in block.activities]
        entries.append((True, min(places) - 0.5, split_ids[k], "split", k))
        entries.append((True, max(places) + 0.5, join_ids[k], "join", k))
    for _first, _place, _name, what, key in sorted(entries, key=lambda e: (e[0], e[1], e[2])):
        if what == "split":
            block = blocks[key]
            listed = ", ".join(_one_line(a) for a in block.activities)
            lines.append(f"  - id: {_id(split_ids[key])}")
            lines.append(f"    name: {_q(t('logdraft.parallel_name', lang, activities=listed))}")
            lines.append(
                f"    # {t('logdraft.parallel', lang, cases=number(block.cases, lang), orders=number(block.orders, lang))}"
            )
            lines.append("    type: parallel")
            lines.append("    next: [" + ", ".join(_id(ids[a]) for a in block.activities) + "]")
            continue
        if what == "join":
            lines.append(f"  - id: {_id(join_ids[key])}")
            joined = ", ".join(map(_one_line, blocks[key].activities))
            lines.append(f"    name: {_q(t('logdraft.join_name', lang, activities=joined))}")
            lines.append(f"    # {t('logdraft.join', lang)}")
            lines.append("    type: join")
            lines += branches(successors.get(join_ids[key], []) or [(end_id, 1)])
            continue
        activity = key
        n, k, wait_mean, wait_median, lead, role, _pos = per_step[activity]
        in_block = activity in block_of
        outgoing = [(join_ids[block_of[activity]], 1)] if in_block else successors.get(ids[activity], [])
        kind = "start" if activity == first_activity else ("decision" if len({x for x, _ in outgoing}) > 1 else "task")
        lines.append(f"  - id: {_id(ids[activity])}")
        lines.append(f"    name: {_q(_one_line(activity))}")  # the log: entry keeps the activity as the log has it
        step_key = "logdraft.step_parallel" if in_block else "logdraft.step"
        lines.append(
            f"    # {t(step_key, lang, instances=number(int(n), lang), cases=number(int(k), lang), wait=number(wait_median, lang, 2), wait_mean=number(wait_mean, lang, 2))}"
        )
        lines.append(f"    type: {kind}")
        if role is not None and role in role_ids:
            lines.append(f"    role: {_id(role_ids[role])}")
        wait = format_days(wait_median) if kind != "start" and wait_median is not None else None
        if wait:
            lines.append(f"    wait: {wait}")
        lead_text = format_days(lead) if lead is not None else None
        if lead_text:
            lines.append(f"    lead: {lead_text}")
        lines += branches(outgoing)
        lines.append(f"    log: [{_q(activity)}]")  # after `next:`, as `procesmap fmt` orders a step
    lines += [f"  - id: {end_id}", f"    name: {_q(t('logdraft.end', lang))}", "    type: end", ""]
    text = "\n".join(lines)
    procesmap.loads(text, f"{pid}.yaml")  # a draft is always a valid map
    return text
