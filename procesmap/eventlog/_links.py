"""Suggested links between a map's steps and a log's activities, and writing them as ``log:`` names.

``log compare`` links a step to the activities its ``log:`` names (else its name or id) spell exactly; a real
log names activities otherwise ("Fase Aanvraag ontvangen" for a step "Aanvraag ontvangen en registreren").
:func:`suggest_links` scores every unlinked step against every activity that is linked to no step:

- name similarity (``name_score``, 0-1): the words of the step's name, id and ``log:`` names against the
  activity's, common Dutch and English words left out; two words match when equal, or when one is at least
  4 letters and they share a stem (``ontvangst``/``ontvangen``: 5 letters) or are close (difflib ratio 0.8); a shared stem needs words of similar length (the
  shorter at least 0.6 of the longer, so a compound such as ``ontvangstbevestiging`` is no ``ontvangen``);
  the score is the Dice coefficient of matched words;
- position in the flow (``position_score``, 0-1): one minus the distance between the step's place (its
  shortest distance from the start, divided by the longest) and the activity's mean place in its cases
  (0 first, 1 last);
- ``score = 0.8 name_score + 0.2 position_score``; a pair counts when ``name_score >= MIN_NAME`` and
  ``score >= min_score``. Pairs are taken best first, each activity for one step, each step one activity.

:func:`write_links` adds the chosen activities to the steps' ``log:`` with the comment-keeping writer of
``procesmap fmt`` (ruamel round trip), checks that nothing else changed, and writes atomically.
"""

from __future__ import annotations

import difflib
import io
import os
import pathlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any

from procesmap._io import writable_problem, write_atomic
from procesmap.errors import LoadError, UsageError
from procesmap.reasons import os_reason
from procesmap.eventlog._engine import connect, rows, scalar

__all__ = ["LinkSuggestion", "suggest_links", "write_links", "MIN_NAME", "MIN_SCORE"]

MIN_NAME = 0.5
MIN_SCORE = 0.5
_STOP = {
    "de",
    "het",
    "een",
    "en",
    "van",
    "op",
    "aan",
    "in",
    "met",
    "voor",
    "of",
    "naar",
    "uit",
    "te",
    "bij",
    "zijn",
    "is",
    "door",
    "om",
    "als",
    "the",
    "a",
    "an",
    "and",
    "to",
    "for",
    "on",
    "with",
    "by",
}


@dataclass(frozen=True)
class LinkSuggestion:
    step: str
    activity: str
    score: float
    name_score: float
    position_score: float
    cases: int


def _words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return [w for w in re.split(r"[^a-z0-9]+", plain) if w and w not in _STOP and not w.isdigit()]


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((len(a), len(b)))
    if short >= 5 and a[:5] == b[:5] and short / long_ >= 0.6:  # one stem: ontvangst / ontvangen
        return True
    return min(len(a), len(b)) >= 4 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def name_similarity(step_texts: list[str], activity: str) -> float:
    """The best Dice coefficient of matched words between one of ``step_texts`` and ``activity``."""
    theirs = _words(activity)
    best = 0.0
    for text in step_texts:
        ours = _words(text)
        if not ours or not theirs:
            continue
        matched_ours = sum(1 for w in ours if any(_same(w, u) for u in theirs))
        matched_theirs = sum(1 for u in theirs if any(_same(w, u) for w in ours))
        best = max(best, (matched_ours + matched_theirs) / (len(ours) + len(theirs)))
    return best


def _step_places(process: Any) -> dict[str, float]:
    """Each step's shortest distance from a start step, divided by the longest such distance (0-1)."""
    starts = [s.id for s in process.steps if s.type == "start"] or [process.steps[0].id]
    distance = {s: 0 for s in starts}
    queue = list(starts)
    while queue:
        current = queue.pop(0)
        for branch in process.step(current).next:
            if branch.to not in distance and branch.to in process.steps_by_id:
                distance[branch.to] = distance[current] + 1
                queue.append(branch.to)
    longest = max(distance.values()) or 1
    return {s.id: distance.get(s.id, longest) / longest for s in process.steps}


def suggest_links(
    process: Any, log: Any, *, min_score: float = MIN_SCORE, min_cases: float = 0.01
) -> list[LinkSuggestion]:
    """Suggested (step, activity) links for the steps ``log compare`` links to no activity (see the module docs).
    Activities in fewer than ``min_cases`` of the cases are not suggested."""
    from procesmap.eventlog._compare import link_steps  # lazy: the comparison loads only when links are suggested

    con = connect(log)
    try:
        total = int(scalar(con, "SELECT count(DISTINCT c) FROM inst") or 0)
        stats = rows(
            con,
            """
            WITH p AS (SELECT c, a, (i - 1) / greatest(count(*) OVER (PARTITION BY c) - 1, 1) AS place FROM inst)
            SELECT a, count(DISTINCT c), avg(place) FROM p GROUP BY a ORDER BY a""",
        )
    finally:
        con.close()
    activities = [a for a, _, _ in stats]
    links = link_steps(process, activities)
    taken = {a for names in links.values() for a in names}
    places = _step_places(process)
    candidates: list[LinkSuggestion] = []
    for step in process.steps:
        if links.get(step.id):
            continue
        texts = [t for t in (step.name, step.id.replace("-", " ").replace("_", " "), *step.log) if t]
        for activity, cases, place in stats:
            if activity in taken or cases < min_cases * total:
                continue
            name = name_similarity(texts, activity)
            if name < MIN_NAME:
                continue
            position = 1.0 - abs(places[step.id] - float(place or 0.0))
            score = 0.8 * name + 0.2 * position
            if score >= min_score:
                candidates.append(
                    LinkSuggestion(step.id, activity, round(score, 4), round(name, 4), round(position, 4), int(cases))
                )
    candidates.sort(key=lambda s: (-s.score, -s.cases, s.step, s.activity))
    chosen: list[LinkSuggestion] = []
    used_steps: set[str] = set()
    used_activities: set[str] = set()
    for suggestion in candidates:
        if suggestion.step in used_steps or suggestion.activity in used_activities:
            continue
        chosen.append(suggestion)
        used_steps.add(suggestion.step)
        used_activities.add(suggestion.activity)
    order = {s.id: i for i, s in enumerate(process.steps)}
    return sorted(chosen, key=lambda s: order[s.step])


def links_text(text: str, file: str, suggestions: list[LinkSuggestion]) -> str:
    """The map's text with the suggested activities added to the steps' ``log:``, comments and layout kept."""
    from ruamel.yaml.comments import CommentedSeq  # lazy: ruamel.yaml loads only when links are written

    from procesmap.fmt import _plain_data, _ruamel, comments  # lazy: the formatter loads only when links are written
    from procesmap.loading import loads  # lazy: the map loader loads only when a map file is read

    yaml = _ruamel()
    document = yaml.load(text)
    wanted: dict[str, list[str]] = {}
    for suggestion in suggestions:
        wanted.setdefault(suggestion.step, []).append(suggestion.activity)
    for step in document.get("steps", []):
        names = wanted.get(str(step.get("id")))
        if not names:
            continue
        current = step.get("log")
        values = [current] if isinstance(current, str) else list(current or [])
        values += [n for n in names if n not in values]
        seq = CommentedSeq(values)
        if not isinstance(current, CommentedSeq) or current.fa.flow_style():
            seq.fa.set_flow_style()  # log: [a, b] on one line, as maps write it
        if current is None:
            _append(step, "log", seq)
        else:
            step["log"] = seq
    buffer = io.StringIO()
    yaml.dump(document, buffer)
    result = buffer.getvalue()
    before, after = _plain_data(text, file), _plain_data(result, file)
    for data in (before, after):
        for step in data.get("steps", []):
            step.pop("log", None)
    if before != after or Counter(comments(text)) - Counter(comments(result)):
        raise UsageError("loglinks.changed", "hint.loglinks.changed", path=file)
    loads(result, file=file)
    return result


def _append(mapping: Any, key: str, value: Any) -> None:
    """Add ``key`` to a mapping after its last key, keeping the blank lines that end the mapping below it; after a
    block list or mapping (whose end holds those lines), the key goes just before that last key instead."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq  # lazy: ruamel.yaml loads only when links are written

    last = list(mapping.keys())[-1] if len(mapping) else None
    if last is None or mapping.fa.flow_style():
        mapping.insert(len(mapping), key, value)
        return
    last_value = mapping[last]
    if isinstance(last_value, (CommentedMap, CommentedSeq)) and not last_value.fa.flow_style():
        mapping.insert(len(mapping) - 1, key, value)
        return
    slot = mapping.ca.items.get(last)
    mapping.insert(len(mapping), key, value)
    token = slot[2] if slot and len(slot) > 2 else None
    if token is None:
        return
    head, newline, tail = token.value.partition("\n")
    if not tail:
        return
    from ruamel.yaml.error import CommentMark  # lazy: ruamel.yaml loads only when links are written
    from ruamel.yaml.tokens import CommentToken  # lazy: ruamel.yaml loads only when links are written

    token.value = head + newline
    mapping.ca.items[key] = [None, None, CommentToken(newline + tail, CommentMark(0), None), None]


def _keep_canonical(file: str, text: str, result: str) -> str:
    """``result`` in ``procesmap fmt``'s layout when the map ``text`` was in it (a new ``log:`` after ``next:``, as
    fmt orders a step), so that ``fmt --check`` in CI still passes after ``--write-links``; else ``result`` as it is
    (the author's layout is kept)."""
    from procesmap.fmt import MeaningError, canonical_text  # lazy: the formatter loads only when links are written

    try:
        if canonical_text(pathlib.Path(file), text, file) != text:
            return result
        return canonical_text(pathlib.Path(file), result, file)
    except (LoadError, MeaningError):  # fmt would not format the map either: the links go in the author's layout
        return result


def write_links(path: str | os.PathLike[str], suggestions: list[LinkSuggestion]) -> str:
    """Add the suggested activities to the ``log:`` of their steps in the map file, atomically; returns the text."""
    from procesmap._decode import _read_text  # lazy: the map loader loads only when a map file is read

    from procesmap.i18n import Message  # lazy: the catalogue loads when a message is made

    file = os.fspath(path)
    text = _read_text(__import__("pathlib").Path(file), file)
    reason = writable_problem(file)  # a read-only map: say how to make it writable, as fmt does
    if reason is not None:
        raise UsageError("cli.write_failed", "hint.loglinks.not_writable", path=file, reason=Message(reason))
    text = text.removeprefix("\ufeff")
    result = links_text(text, file, suggestions)
    result = _keep_canonical(file, text, result)
    try:
        write_atomic(file, result)
    except OSError as err:
        raise UsageError("cli.write_failed", "hint.cli.write_failed", path=file, reason=os_reason(err)) from None
    return result
