"""A ``parallel`` has no matching ``join``, or a ``join`` no ``parallel``.

Why this matters
----------------
Work done in parallel (advice from the omgevingsdienst and the brandweer at
the same time) must come together before the decision: the ``join`` is the
moment someone checks that all advice is in. Without it the map cannot say
when the case may go on, and cycle times cannot be computed.

Waarom dit ertoe doet
---------------------
Werk dat parallel gebeurt (advies van de omgevingsdienst en de brandweer
tegelijk) moet vóór het besluit weer samenkomen: de ``join`` is het moment
waarop iemand controleert of alle adviezen binnen zijn. Zonder ``join`` kan
de kaart niet zeggen wanneer de zaak verder mag, en zijn doorlooptijden niet
te berekenen.

Example
-------
```yaml
procesmap: 1
id: adviezen
owner: behandelaar
roles:
  behandelaar: {people: 3}
steps:
  - {id: aanvraag, type: start, role: behandelaar, next: uitzetten}
  - {id: uitzetten, type: parallel, next: [milieu, brandveilig]}
  - {id: milieu, role: behandelaar, work: 2h, next: besluit}
  - {id: brandveilig, role: behandelaar, work: 2h, next: besluit}
  - {id: besluit, type: end, role: behandelaar}
```

Use instead
-----------
```yaml
procesmap: 1
id: adviezen
owner: behandelaar
roles:
  behandelaar: {people: 3}
steps:
  - {id: aanvraag, type: start, role: behandelaar, next: uitzetten}
  - {id: uitzetten, type: parallel, next: [milieu, brandveilig]}
  - {id: milieu, role: behandelaar, work: 2h, next: samenvoegen}
  - {id: brandveilig, role: behandelaar, work: 2h, next: samenvoegen}
  - {id: samenvoegen, type: join, next: besluit}
  - {id: besluit, type: end, role: behandelaar}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM405"
NAME = "unmatched-parallel"
DEFAULT_SEVERITY = Severity.ERROR
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for step_id in ctx.graph.unmatched:
        kind = ctx.process.step(step_id).type
        yield ctx.on_step(step_id, "PM405.message_join" if kind == "join" else None)
