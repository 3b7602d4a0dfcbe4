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
from pathlib import Path
from typing import Any

from procesmap.errors import UsageError
from procesmap.eventlog._engine import US_PER_DAY, connect, rows, scalar
from procesmap.eventlog._read import EventLog

__all__ = ["discover", "format_days", "split_probabilities"]


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


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def discover(log: EventLog, coverage: float = 0.8, min_activity_share: float = 0.05, process_id: str | None = None,
             lang: str = "nl") -> str:
    """A draft map as YAML text (format 1), valid and commented."""
    import pyarrow as pa

    import procesmap
    from procesmap.i18n import number, percent, t
    from procesmap.model import slugify

    con = connect(log)
    try:
        total = int(scalar(con, "SELECT count(DISTINCT c) FROM inst") or 0)
        if total == 0:
            raise UsageError("log.no_instances", "hint.log.no_instances", path=log.source)
        shares = rows(con, "SELECT a, count(DISTINCT c) FROM inst GROUP BY a ORDER BY a")
        keep = [a for a, k in shares if k / total >= min_activity_share] or [max(shares, key=lambda x: x[1])[0]]
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
        starts = rows(con, "SELECT a, count(*) FROM sr WHERE j = 1 GROUP BY a ORDER BY count(*) DESC, a")
        per_step = {a: (n, k, wm, wd, lead, role, pos) for a, n, k, wm, wd, lead, role, pos in rows(con, f"""
            SELECT a, sum(n), count(DISTINCT c), avg(greatest(ts - pte, 0)) / {US_PER_DAY},
                   quantile_cont(greatest(ts - pte, 0), 0.5) / {US_PER_DAY},
                   quantile_cont(te - ts, 0.5) FILTER (WHERE timed) / {US_PER_DAY}, mode(g), avg(j)
            FROM sr GROUP BY a""")}
        people = dict(rows(con, "SELECT g, count(DISTINCT r) FROM inst WHERE g IS NOT NULL GROUP BY g"))
        role_work = rows(con, "SELECT g, count(*) FROM sr WHERE g IS NOT NULL GROUP BY g ORDER BY count(*) DESC, g")
        span = scalar(con, "SELECT (max(te) - min(ts)) / 86400000000.0 FROM inst") or 0.0
    finally:
        con.close()

    ids: dict[str, str] = {}
    used = {"start", "einde", "end"}
    for activity in sorted(per_step, key=lambda a: (per_step[a][6], a)):
        slug = slugify(activity)[:60].strip("-") or "stap"
        candidate, n = slug, 2
        while candidate in used:
            candidate, n = f"{slug}-{n}", n + 1
        used.add(candidate)
        ids[activity] = candidate
    end_id = "einde" if lang == "nl" else "end"
    successors: dict[str, list[tuple[str, int]]] = {}
    for a, b, n in pairs:
        successors.setdefault(a, []).append((ids[b] if b else end_id, int(n)))
    role_ids = {g: slugify(g) for g, _ in role_work}
    stem = Path(log.source).name.split(".")[0]
    pid = process_id or slugify(stem)
    lines = [f"# {t('logdraft.header', lang, file=Path(log.source).name, cases=number(covered, lang), total=number(base, lang), share=percent(covered / base if base else 0, lang, 1), variants=number(len(chosen), lang))}",
             f"# {t('logdraft.correct', lang)}"]
    if dropped:
        listed = ", ".join(dropped[:15]) + (" ..." if len(dropped) > 15 else "")
        lines.append(f"# {t('logdraft.dropped', lang, share=percent(min_activity_share, lang, 1), activities=listed)}")
    lines += ["procesmap: 1", f"id: {pid}", f"name: {_q(stem)}", f"language: {lang}"]
    if role_work:
        lines.append(f"owner: {role_ids[role_work[0][0]]}  # {t('logdraft.owner', lang)}")
    else:
        lines.append(f"# {t('logdraft.no_roles', lang)}")
    lines.append(f"# {t('logdraft.term', lang)}")
    if span > 0:
        per_year = base / span * 365.0
        if per_year >= 1:
            lines.append(f"volume: {round(per_year)}/year  # {t('logdraft.volume', lang, cases=number(base, lang), days=number(span, lang, 0))}")
    if role_work:
        lines.append("roles:")
        for g, _ in role_work:
            count = int(people.get(g, 0))
            extra = f", people: {count}" if count else ""
            lines.append(f"  {role_ids[g]}: {{name: {_q(g)}{extra}}}  # {t('logdraft.role_people', lang, people=count)}")
    lines.append("steps:")

    def branches(items: list[tuple[str, int]]) -> list[str]:
        merged: dict[str, int] = {}
        for target, n in items:
            merged[target] = merged.get(target, 0) + n
        targets = sorted(merged.items(), key=lambda x: (-x[1], x[0]))
        if len(targets) == 1:
            return [f"    next: {targets[0][0]}"]
        probabilities = split_probabilities([n for _, n in targets])
        return ["    next:"] + [f"      - {{to: {target}, p: {p:g}}}" for (target, _), p in zip(targets, probabilities)]

    if len(starts) == 1:
        first = starts[0][0]
    else:
        first = None
        lines += [f"  - id: start", f"    name: {_q('Start')}", "    type: start", f"    # {t('logdraft.start', lang)}"]
        lines += branches([(ids[a], int(n)) for a, n in starts])
    order = sorted(per_step, key=lambda a: (a != first, per_step[a][6], a))
    for activity in order:
        n, k, wait_mean, wait_median, lead, role, _pos = per_step[activity]
        outgoing = successors.get(activity, [])
        kind = "start" if activity == first else ("decision" if len({x for x, _ in outgoing}) > 1 else "task")
        lines.append(f"  - id: {ids[activity]}")
        lines.append(f"    name: {_q(activity)}")
        lines.append(f"    # {t('logdraft.step', lang, instances=number(int(n), lang), cases=number(int(k), lang), wait=number(wait_median, lang, 2), wait_mean=number(wait_mean, lang, 2))}")
        lines.append(f"    type: {kind}")
        if role is not None and role in role_ids:
            lines.append(f"    role: {role_ids[role]}")
        wait = format_days(wait_median) if kind != "start" and wait_median is not None else None
        if wait:
            lines.append(f"    wait: {wait}")
        lead_text = format_days(lead) if lead is not None else None
        if lead_text:
            lines.append(f"    lead: {lead_text}")
        lines.append(f"    log: [{_q(activity)}]")
        lines += branches(outgoing)
    lines += [f"  - id: {end_id}", f"    name: {_q(t('logdraft.end', lang))}", "    type: end", ""]
    text = "\n".join(lines)
    procesmap.loads(text, f"{pid}.yaml")  # a draft is always a valid map
    return text
