"""Cases pass a verdaging step (``extends_term: true``) after their term has ended.

A verdaging (Awb 4:14; under the Omgevingswet once, by at most 6 weeks) is a
decision the bestuursorgaan must take and send to the applicant *before* the
term ends. procesmap reads the term clock (term time, without the steps with
``suspends_term``) when a case leaves the verdaging step; a case that leaves it
after the term keeps the plain term and is late. The finding's subject is the
verdaging step, with the share of all cases for which it came too late and the
number per year (``volume`` x share).

Why this matters
----------------
A verdaging after the term is void: the decision is late, the applicant can
claim a dwangsom, and a permit may be granted by operation of law. A map that
puts the verdaging after the long wait gives its cases an extension they do
not legally have.

Waarom dit ertoe doet
---------------------
Een verdaging na afloop van de termijn is ongeldig: het besluit is te laat,
de aanvrager kan een dwangsom eisen en een vergunning kan van rechtswege
verleend worden. Een kaart die de verdaging na de lange wachttijd zet, geeft
zaken een verlenging die zij wettelijk niet hebben.

Options
-------
``share``: the share of cases with a verdaging after the term that is accepted (default 0).

Example
-------
```yaml
procesmap: 1
id: vergunning
owner: behandelaar
term: 8w
term_extension: 6w
roles:
  behandelaar: {people: 3}
steps:
  - {id: aanvraag, type: start, role: behandelaar, next: beoordelen}
  - {id: beoordelen, role: behandelaar, wait: 9w, work: 4h, next: verdagen}
  - {id: verdagen, role: behandelaar, work: 30m, extends_term: true, next: besluit}
  - {id: besluit, type: end, role: behandelaar, wait: 1w}
```

Use instead
-----------
```yaml
procesmap: 1
id: vergunning
owner: behandelaar
term: 8w
term_extension: 6w
roles:
  behandelaar: {people: 3}
steps:
  - {id: aanvraag, type: start, role: behandelaar, next: verdagen}
  - {id: verdagen, role: behandelaar, wait: 1w, work: 30m, extends_term: true, next: beoordelen}
  - {id: beoordelen, role: behandelaar, wait: 9w, work: 4h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, wait: 1w}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.i18n import Count, Message
from procesmap.rules._base import RuleContext
from procesmap.rules._legal import late_figure, whole

CODE = "PM308"
NAME = "deferral-after-term"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {"share": 0.0}


def check(ctx: RuleContext) -> Iterator[Finding]:
    time = ctx.analysis.time
    limit = float(ctx.options["share"])  # type: ignore[arg-type]
    if time.term is None:
        return
    volume = ctx.analysis.volume_per_year
    for step_id, share in time.deferred_after_term.items():
        if share <= limit:
            continue
        if volume is None:
            late = Message("legal.part.late_no_volume")
        else:
            shown = late_figure(volume * share)
            late = Message("PM308.per_year", count=Count(shown) if isinstance(shown, int) else shown)
        yield ctx.on_step(step_id, share=share * 100.0, term=whole(time.term), late=late)
