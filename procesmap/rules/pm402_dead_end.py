"""A step that is not of ``type: end`` has no ``next``: cases stop there without an outcome.

Why this matters
----------------
A case that stops at a task never gets a decision or an answer on the map:
either the arrow was forgotten in the workshop, or this is where cases
really get stuck ("blijven liggen").

Waarom dit ertoe doet
---------------------
Een zaak die bij een taak stopt, krijgt volgens de kaart nooit een besluit
of antwoord: ofwel is de pijl in de workshop vergeten, ofwel is dit de plek
waar zaken in de praktijk echt "blijven liggen".

Example
-------
```yaml
procesmap: 1
id: melding
owner: medewerker
roles:
  medewerker: {people: 3}
steps:
  - {id: melding, type: start, role: medewerker, next: beoordelen}
  - {id: beoordelen, role: medewerker, work: 1h}
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
  - {id: melding, type: start, role: medewerker, next: beoordelen}
  - {id: beoordelen, type: end, role: medewerker, work: 1h}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM402"
NAME = "dead-end"
DEFAULT_SEVERITY = Severity.ERROR
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for step in ctx.process.steps:
        if step.type != "end" and not step.next:
            yield ctx.on_step(step.id)
