"""A step where work is done has no ``role``: nobody is responsible for doing it.

Why this matters
----------------
A task without a role is work that "somebody" does, which means nobody is
asked about it, nobody plans capacity for it, and it is the first thing to
stall. Steps of type ``start``, ``end``, ``parallel``, ``join`` and ``wait``
may go without a role when they hold no ``work``: they are events and
gateways.

Waarom dit ertoe doet
---------------------
Een taak zonder rol is werk dat "iemand" doet, en dat betekent dat niemand
erop wordt aangesproken, niemand er capaciteit voor inplant, en dat het als
eerste stil komt te liggen. Stappen van het type ``start``, ``end``,
``parallel``, ``join`` en ``wait`` mogen zonder rol als ze geen ``work``
bevatten: het zijn gebeurtenissen en gateways.

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
  - {id: beoordelen, work: 1h, next: klaar}
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
  - {id: melding, type: start, role: medewerker, next: beoordelen}
  - {id: beoordelen, role: medewerker, work: 1h, next: klaar}
  - {id: klaar, type: end}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM202"
NAME = "no-responsible"
DEFAULT_SEVERITY = Severity.ERROR
OPTIONS: dict[str, object] = {}
EVENT_TYPES = ("start", "end", "parallel", "join", "wait")


def check(ctx: RuleContext) -> Iterator[Finding]:
    for step in ctx.process.steps:
        if step.role or step.raci.R:
            continue
        if step.type in EVENT_TYPES and step.work is None:
            continue
        yield ctx.on_step(step.id)
