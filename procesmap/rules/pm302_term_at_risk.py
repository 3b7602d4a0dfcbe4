"""More than ``share`` (default 5%) of the simulated cases exceed the term (plus extension, where set).

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

from procesmap.analysis.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM302"
NAME = "term-at-risk"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {"share": 0.05}


def check(ctx: RuleContext) -> Iterator[Finding]:
    time = ctx.analysis.time
    extended = time.term_extension is not None
    share = time.share_over_extended_term if extended else time.share_over_term
    limit = float(ctx.options["share"])  # type: ignore[arg-type]
    if share is None or time.term is None or share <= limit:
        return
    term = time.term + (time.term_extension or 0.0)
    key = "PM302.message_extended" if extended else None
    yield ctx.on_process(("term",), key, share=share * 100.0, limit=limit * 100.0, term=term)
