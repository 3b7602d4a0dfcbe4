"""More than ``share`` (default 5%) of the simulated cases exceed the term that applies to them.

The term that applies to a case is the ``term``; only a case that passed a step with
``extends_term: true`` (the verdagingsbesluit) before its term ended has ``term +
term_extension``. Without such a step no case gets the extension, whatever
``term_extension`` says: a verdaging is a decision, not a given. From more than half
of the cases, PM301 reports instead (unless PM301 is off). The message gives both
shares (over the term, over term + extension) and the late cases per year
(``volume`` x share).

Why this matters
----------------
The mean can look fine while one case in ten is late: applicants do not
experience averages. Each late case risks a dwangsom or a permit by
operation of law, and costs a complaint and a phone call to the KCC.

Waarom dit ertoe doet
---------------------
Het gemiddelde kan er goed uitzien terwijl één op de tien zaken te laat is:
aanvragers ervaren geen gemiddelden. Elke zaak die te laat is, loopt het
risico op een dwangsom of een van rechtswege verleende vergunning, en kost
een klacht en een telefoontje naar het KCC.

Options
-------
``share``: the share of cases over the term that is accepted (default 0.05).

Example
-------
```yaml
procesmap: 1
id: vergunning
owner: behandelaar
term: 8w
roles:
  behandelaar: {people: 3}
steps:
  - {id: aanvraag, type: start, role: behandelaar, next: beoordelen}
  - {id: beoordelen, role: behandelaar, wait: {min: 1w, mode: 3w, max: 12w}, work: 4h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, wait: 1w}
```

Use instead
-----------
```yaml
procesmap: 1
id: vergunning
owner: behandelaar
term: 8w
roles:
  behandelaar: {people: 3}
steps:
  - {id: aanvraag, type: start, role: behandelaar, next: beoordelen}
  - {id: beoordelen, role: behandelaar, wait: {min: 1w, mode: 2w, max: 4w}, work: 4h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, wait: 1w}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules import pm301_term_exceeded
from procesmap.rules._base import RuleContext
from procesmap.rules._legal import term_parts, whole

CODE = "PM302"
NAME = "term-at-risk"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {"share": 0.05}


def check(ctx: RuleContext) -> Iterator[Finding]:
    time = ctx.analysis.time
    share = time.share_over_term
    limit = float(ctx.options["share"])  # type: ignore[arg-type]
    if share is None or time.term is None or share <= limit:
        return
    if ctx.rule_options("PM301") is not None and share > pm301_term_exceeded.SHARE:
        return  # PM301 reports it
    yield ctx.on_process(("term",), limit=whole(limit * 100.0), **term_parts(time))
