"""The legal clock: term rules over the distribution, verdaging (extends_term), late cases per year.

Every expected figure is worked out by hand from fixed durations in the comments; where a
branch probability makes the share random, the check allows four standard deviations of
the binomial share over the simulated cases.
"""

from __future__ import annotations

import json
import math

import pytest

import procesmap
from procesmap.analysis import Settings

CASES = 10_000


def _sigma(p: float, n: int = CASES) -> float:
    return 4 * math.sqrt(p * (1 - p) / n) + 1e-9


def _analyse(text: str, **settings: object) -> procesmap.Analysis:
    return procesmap.analyse(procesmap.loads(text, "map.yaml"), Settings(cases=CASES, seed=3, **settings))  # type: ignore[arg-type]


def _codes(analysis: procesmap.Analysis) -> list[str]:
    return [f.code for f in analysis.findings]


# 30% of the cases take the slow branch: 60 days of waiting against a term of 56 (8w);
# the fast branch waits 10 days. Term + extension = 56 + 42 = 98 days: nobody is over it.
BRANCHED = """\
procesmap: 1
id: vergunning
owner: behandelaar
term: 8w
term_extension: 6w
volume: 1000/year
roles:
  behandelaar: {people: 3}
steps:
  - {id: aanvraag, type: start, role: behandelaar, next: toets}
  - id: toets
    type: decision
    role: behandelaar
    next:
      - {to: lang, p: 0.3}
      - {to: kort, p: 0.7}
  - {id: lang, role: behandelaar, wait: 60d, next: besluit}
  - {id: kort, role: behandelaar, wait: 10d, next: besluit}
  - {id: besluit, type: end, role: behandelaar}
"""


def test_share_and_late_cases_per_year_without_a_verdaging_step() -> None:
    a = _analyse(BRANCHED)
    t = a.time
    # no step has extends_term: the term that applies is 56 days for every case
    assert not t.deferral_modelled
    assert t.share_over_term == pytest.approx(0.3, abs=_sigma(0.3))
    assert t.share_over_extended_term == 0.0
    # late cases per year = volume x share: 1000 x 0.3 = 300 (within the binomial spread), and 0 over 98 days
    assert t.late_per_year["term"] == pytest.approx(300, abs=1000 * _sigma(0.3))
    assert t.late_per_year["term"] == pytest.approx(1000 * t.share_over_term)
    assert t.late_per_year["extended_term"] == 0.0
    # 30% > 5%: PM302; not more than half: no PM301. The extension does not hide it (issue #13)
    assert "PM302" in _codes(a) and "PM301" not in _codes(a)
    finding = next(f for f in a.findings if f.code == "PM302")
    share = t.share_over_term * 100
    late = round(1000 * t.share_over_term)
    assert finding.message("en") == (
        f"more than 5% of the cases exceed the term that applies to them: {share:.1f}% over the term of 56 days, "
        f"0.0% over term + extension (98 days) even if every case were deferred; late cases a year: {late} over the "
        f"term, 0.0 over term + extension"
    )
    data = json.loads(procesmap.report(a, "json", lang="en"))
    assert data["time"]["late_per_year"] == {"term": round(1000 * t.share_over_term, 4), "extended_term": 0.0}


def test_more_than_half_late_is_pm301_alone() -> None:
    # the slow branch takes 70% now: more than half the cases are over 56 days
    a = _analyse(BRANCHED.replace("p: 0.3", "p: 0.7", 1).replace("{to: kort, p: 0.7}", "{to: kort, p: 0.3}"))
    assert a.time.share_over_term == pytest.approx(0.7, abs=_sigma(0.7))
    codes = _codes(a)
    assert "PM301" in codes and "PM302" not in codes
    # with PM301 off, PM302 reports it
    b = _analyse(
        BRANCHED.replace("p: 0.3", "p: 0.7", 1).replace("{to: kort, p: 0.7}", "{to: kort, p: 0.3}"),
        severities={"PM301": "off"},
    )
    assert "PM302" in _codes(b) and "PM301" not in _codes(b)


def test_mean_within_the_term_does_not_hide_most_cases_late() -> None:
    # 60% wait 60 days (late), 40% wait 1 day: mean 36.4 days is well within 56, yet 60% are late
    text = BRANCHED.replace("{to: lang, p: 0.3}", "{to: lang, p: 0.6}").replace(
        "{to: kort, p: 0.7}", "{to: kort, p: 0.4}"
    )
    a = _analyse(text.replace("wait: 10d", "wait: 1d"))
    assert a.time.term_time["mean"] == pytest.approx(0.6 * 60 + 0.4 * 1)
    assert a.time.term_time["mean"] < 56
    assert "PM301" in _codes(a)


def test_late_per_year_is_null_without_volume_or_extension() -> None:
    a = _analyse(BRANCHED.replace("volume: 1000/year\n", ""))
    assert a.time.late_per_year == {"term": None, "extended_term": None}
    message = next(f for f in a.findings if f.code == "PM302").message("en")
    assert message.endswith("; late cases a year unknown (the process has no `volume`)")
    b = _analyse(BRANCHED.replace("term_extension: 6w\n", ""))
    assert b.time.late_per_year["extended_term"] is None
    assert b.time.late_per_year["term"] == pytest.approx(1000 * b.time.share_over_term)
    data = json.loads(procesmap.report(a, "json", lang="en"))
    assert data["time"]["late_per_year"] == {"term": None, "extended_term": None}


# 40% of the cases get a verdagingsbesluit 5 days in; every case then waits 70 days.
# Term time: 75 days with the verdaging (within 56 + 42 = 98), 70 days without (over 56).
DEFERRED = """\
procesmap: 1
id: vergunning
owner: behandelaar
term: 8w
term_extension: 6w
volume: 500/year
roles:
  behandelaar: {people: 3}
steps:
  - {id: aanvraag, type: start, role: behandelaar, next: toets}
  - id: toets
    type: decision
    role: behandelaar
    next:
      - {to: verdagen, p: 0.4}
      - {to: behandelen, p: 0.6}
  - {id: verdagen, role: behandelaar, wait: 5d, extends_term: true, next: behandelen}
  - {id: behandelen, role: behandelaar, wait: 70d, next: besluit}
  - {id: besluit, type: end, role: behandelaar}
"""


def test_only_cases_that_pass_the_verdaging_get_the_extension() -> None:
    a = _analyse(DEFERRED)
    t = a.time
    assert t.deferral_modelled
    assert t.share_deferred == pytest.approx(0.4, abs=_sigma(0.4))
    assert t.share_deferred_after_term == 0.0
    # the 60% without a verdaging are late (70 > 56); the deferred ones are not (75 <= 98)
    assert t.share_over_term == pytest.approx(1 - t.share_deferred)
    assert t.share_over_extended_term == 0.0
    assert t.late_per_year["term"] == pytest.approx(500 * 0.6, abs=500 * _sigma(0.6))
    assert "PM301" in _codes(a) and "PM308" not in _codes(a)
    message = next(f for f in a.findings if f.code == "PM301").message("en")
    assert "over the term that applies (56 days, 98 days after a verdagingsbesluit within the term)" in message
    assert "even if every case were deferred" not in message


def test_a_verdaging_after_the_term_is_void_and_a_finding() -> None:
    # the verdaging now comes after 60 days of waiting: past the 56-day term, so it is void
    text = DEFERRED.replace(
        "- {id: verdagen, role: behandelaar, wait: 5d, extends_term: true, next: behandelen}",
        "- {id: verdagen, role: behandelaar, wait: 60d, extends_term: true, next: behandelen}",
    )
    a = _analyse(text)
    t = a.time
    assert t.share_deferred == 0.0
    assert t.share_deferred_after_term == pytest.approx(0.4, abs=_sigma(0.4))
    assert t.share_over_term == 1.0  # every case is over 56 days and none has a valid verdaging
    pm308 = [f for f in a.findings if f.code == "PM308"]
    assert [f.subject for f in pm308] == ["verdagen"]
    share = t.share_deferred_after_term
    assert pm308[0].message("en") == (
        f"for {share * 100:.1f}% of the cases the verdaging at step verdagen comes after the term of 56 days has "
        f"ended: it is void and they are late ({round(500 * share)} cases a year)"
    )


def test_the_verdaging_clock_is_term_time_and_skips_suspension() -> None:
    # 40 days aanvullen (suspends the term), then the verdaging at term day 10 (elapsed day 50): valid
    text = """\
procesmap: 1
id: vergunning
owner: behandelaar
term: 8w
term_extension: 6w
roles:
  behandelaar: {people: 3}
  aanvrager: {external: true}
steps:
  - {id: aanvraag, type: start, role: behandelaar, wait: 5d, next: aanvullen}
  - {id: aanvullen, role: aanvrager, wait: 40d, suspends_term: true, next: verdagen}
  - {id: verdagen, role: behandelaar, wait: 5d, extends_term: true, next: behandelen}
  - {id: behandelen, role: behandelaar, wait: 60d, next: besluit}
  - {id: besluit, type: end, role: behandelaar}
"""
    a = _analyse(text)
    # term time 5 + 5 + 60 = 70 days: over 56, within 98, and the verdaging came at term day 10
    assert a.time.term_time["mean"] == pytest.approx(70.0)
    assert a.time.share_deferred == 1.0 and a.time.share_over_term == 0.0
    # without the suspension the verdaging comes at day 50, still within 56: valid; at 60 (wait 55d) it is not
    late = _analyse(text.replace("wait: 40d, suspends_term: true", "wait: 50d"))
    assert late.time.share_deferred_after_term == 1.0 and late.time.share_over_term == 1.0
    assert [f.subject for f in late.findings if f.code == "PM308"] == ["verdagen"]


def test_a_verdaging_inside_a_parallel_branch_counts_for_the_case() -> None:
    text = """\
procesmap: 1
id: vergunning
owner: behandelaar
term: 8w
term_extension: 6w
roles:
  behandelaar: {people: 3}
  adviseur: {people: 2}
steps:
  - {id: aanvraag, type: start, role: behandelaar, next: splits}
  - {id: splits, type: parallel, role: behandelaar, next: [verdagen, advies]}
  - {id: verdagen, role: behandelaar, wait: VERDAGEN, extends_term: true, next: samen}
  - {id: advies, role: adviseur, wait: 70d, next: samen}
  - {id: samen, type: join, role: behandelaar, next: besluit}
  - {id: besluit, type: end, role: behandelaar, wait: 2d}
"""
    a = _analyse(text.replace("VERDAGEN", "3d"))
    # term time max(3, 70) + 2 = 72 days: over 56, within 98, verdaging at day 3
    assert a.time.term_time["mean"] == pytest.approx(72.0)
    assert a.time.share_deferred == 1.0 and a.time.share_over_term == 0.0
    b = _analyse(text.replace("VERDAGEN", "57d"))  # the verdaging branch ends at day 57: after the term
    assert b.time.share_deferred_after_term == 1.0 and b.time.share_over_term == 1.0
    assert [f.subject for f in b.findings if f.code == "PM308"] == ["verdagen"]


def test_extends_term_without_term_extension_is_listed_as_missing() -> None:
    a = _analyse(DEFERRED.replace("term_extension: 6w\n", ""))
    assert any(m.key == "missing.extends_term_no_extension" for m in a.missing)
    # no extension to give: every case is judged against 56 days (all of them take 70+)
    assert a.time.share_over_term == 1.0


def test_reports_show_the_late_cases_per_year() -> None:
    a = _analyse(DEFERRED)
    late = round(500 * a.time.share_over_term)
    for fmt in ("terminal", "markdown"):
        text = procesmap.report(a, fmt, lang="en").replace("**", "")  # Markdown: bold labels
        assert "Late cases per year, over term + extension: 0.0" in text
        assert "Cases over the term that applies (+ extension after a verdagingsbesluit)" in text
    nl = procesmap.report(a, "markdown", lang="nl").replace("**", "")
    assert f"Te late zaken per jaar, over de termijn: {late}" in nl
    b = _analyse(BRANCHED)
    assert "Cases over term + extension, if every case were deferred: 0.0%" in procesmap.report(
        b, "markdown", lang="en"
    ).replace("**", "")
