"""A set of steps has no way to an end: cases that enter it never leave.

Why this matters
----------------
A rework loop without an exit ("terug naar de aanvrager, en weer terug")
means the map says cases circle forever. Usually an exit branch is missing,
or its probability is 0. Visits, times and capacity cannot be computed and
are left empty until the loop has a way out.

Waarom dit ertoe doet
---------------------
Een herstellus zonder uitgang ("terug naar de aanvrager, en weer terug")
betekent dat zaken volgens de kaart eeuwig rondjes draaien. Meestal
ontbreekt een uitgaande tak, of is de kans daarop 0. Doorgangen, tijden en
capaciteit zijn dan niet te berekenen en blijven leeg totdat de lus een
uitweg heeft.

Example
-------
```yaml
procesmap: 1
id: aanvraag
owner: behandelaar
roles:
  behandelaar: {people: 3}
steps:
  - {id: aanvraag, type: start, role: behandelaar, next: toetsen}
  - {id: toetsen, role: behandelaar, work: 1h, next: aanvullen}
  - {id: aanvullen, role: behandelaar, work: 1h, next: toetsen}
  - {id: besluit, type: end, role: behandelaar}
```

Use instead
-----------
```yaml
procesmap: 1
id: aanvraag
owner: behandelaar
roles:
  behandelaar: {people: 3}
steps:
  - {id: aanvraag, type: start, role: behandelaar, next: toetsen}
  - id: toetsen
    type: decision
    role: behandelaar
    work: 1h
    next:
      - {to: aanvullen, p: 0.2}
      - {to: besluit, p: 0.8}
  - {id: aanvullen, role: behandelaar, work: 1h, next: toetsen}
  - {id: besluit, type: end, role: behandelaar}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity, listed_in_full, listing
from procesmap.rules._base import RuleContext

CODE = "PM404"
NAME = "endless-loop"
DEFAULT_SEVERITY = Severity.ERROR
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for loop in ctx.graph.endless:
        yield ctx.on_step(loop[0], data=listed_in_full("steps", list(loop)), steps=listing(loop))
