"""A decision's branch probabilities ``p`` are missing or do not sum to 1 (within 0.001).

Why this matters
----------------
Every figure of the map (visits, handovers per case, cycle time, capacity)
depends on how often cases take each branch. Branches without ``p`` share
what is left equally, which is a guess the workshop should replace with a
number; probabilities that do not add up make the figures impossible, and
they are left empty (``null``) until they are fixed.

Waarom dit ertoe doet
---------------------
Elk cijfer van de kaart (doorgangen per stap, overdrachten per zaak,
doorlooptijd, capaciteit) hangt af van hoe vaak zaken elke tak volgen.
Takken zonder ``p`` verdelen wat overblijft gelijk onder elkaar; dat is een
schatting die de workshop door een echt getal moet vervangen. Kansen die
niet optellen tot 1 maken de cijfers onmogelijk; die blijven leeg (``null``)
totdat de kansen zijn gecorrigeerd.

Example
-------
```yaml
procesmap: 1
id: melding
owner: medewerker
roles:
  medewerker: {people: 3}
steps:
  - id: melding
    type: decision
    role: medewerker
    next:
      - {to: afwijzen, p: 0.3}
      - {to: toekennen, p: 0.6}
  - {id: afwijzen, type: end, role: medewerker}
  - {id: toekennen, type: end, role: medewerker}
```

Use instead
-----------
```yaml
procesmap: 1
id: melding
owner: medewerker
roles:
  medewerker: {people: 3}
steps:
  - id: melding
    type: decision
    role: medewerker
    next:
      - {to: afwijzen, p: 0.3}
      - {to: toekennen, p: 0.7}
  - {id: afwijzen, type: end, role: medewerker}
  - {id: toekennen, type: end, role: medewerker}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM403"
NAME = "branch-probabilities"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    pg = ctx.graph
    for step in ctx.process.steps:
        if step.id in pg.probability_problems:
            yield ctx.on_step(step.id, total=round(pg.probability_problems[step.id], 4))
        elif step.id in pg.defaulted_probabilities:
            yield ctx.on_step(step.id, "PM403.message_missing")
