"""A step cannot be reached from the start.

Why this matters
----------------
A step no case can reach is either a forgotten arrow or work that happens
outside the process as drawn: both make every figure of the map wrong.
Usually a `next` is missing, or points at the wrong step.

Waarom dit ertoe doet
---------------------
Een stap die geen enkele zaak kan bereiken, is ofwel een vergeten pijl,
ofwel werk dat buiten het getekende proces gebeurt: in beide gevallen klopt
geen enkel cijfer van de kaart. Meestal ontbreekt een `next`, of wijst die
naar de verkeerde stap.

Example
-------
```yaml
procesmap: 1
id: melding
owner: medewerker
roles:
  medewerker: {people: 3}
steps:
  - {id: melding, type: start, role: medewerker, next: klaar}
  - {id: controleren, role: medewerker, work: 1h, next: klaar}
  - {id: klaar, type: end}
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
  - {id: melding, type: start, role: medewerker, next: controleren}
  - {id: controleren, role: medewerker, work: 1h, next: klaar}
  - {id: klaar, type: end}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM401"
NAME = "unreachable-step"
DEFAULT_SEVERITY = Severity.ERROR
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    reachable = ctx.graph.reachable
    for step in ctx.process.steps:
        if step.id not in reachable:
            yield ctx.on_step(step.id, start=ctx.graph.start)
