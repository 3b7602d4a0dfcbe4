"""A case goes A -> B -> A between two roles: rework across a boundary.

Only a return that lies on a loop counts (the case goes *back*): a case that
moves on from B to a later step of A, such as the join after parallel
advice, is a normal flow, not ping-pong. A return the law prescribes is no
ping-pong either: mark the branch that comes back with ``return: expected``
(e.g. the zienswijze on a voornemen tot weigeren, Awb 4:7/4:8:
``next: [{to: zienswijze-verwerken, return: expected}]``).

Why this matters
----------------
When the backoffice sends a question back to the KCC, or the omgevingsdienst
sends a dossier back for more information, the case crosses the same seam
twice and waits twice. Ping-pong usually means the first handover lacked
information: agree what a complete handover holds.

Waarom dit ertoe doet
---------------------
Als de backoffice een vraag terugstuurt naar het KCC, of de omgevingsdienst
een dossier terugstuurt voor aanvullende informatie, passeert de zaak twee
keer dezelfde naad en wacht die twee keer. Pingpong betekent meestal dat er
bij de eerste overdracht informatie ontbrak: spreek af wat een volledige
overdracht bevat.

Example
-------
```yaml
procesmap: 1
id: vraag
owner: kcc
roles:
  kcc: {people: 5}
  backoffice: {people: 3}
steps:
  - {id: vraag, type: start, role: kcc, work: 5m, next: uitzoeken}
  - id: uitzoeken
    type: decision
    role: backoffice
    work: 30m
    next:
      - {to: navragen, p: 0.3, when: informatie ontbreekt}
      - {to: antwoorden, p: 0.7}
  - {id: navragen, role: kcc, work: 10m, next: uitzoeken}
  - {id: antwoorden, type: end, role: backoffice, work: 10m}
```

Use instead
-----------
```yaml
procesmap: 1
id: vraag
owner: kcc
roles:
  kcc: {people: 5}
  backoffice: {people: 3}
steps:
  - {id: vraag, type: start, role: kcc, work: 10m, next: uitzoeken}
  - {id: uitzoeken, role: backoffice, work: 30m, next: antwoorden}
  - {id: antwoorden, type: end, role: backoffice, work: 10m}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM104"
NAME = "ping-pong"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    process = ctx.process
    pg = ctx.graph
    from procesmap.graph import (  # lazy: the graph module (pydantic's model) loads with the analysis, not with `procesmap rules`
        strongly_connected_components,
    )

    component = {}
    for number, members in enumerate(strongly_connected_components(pg.succ)):
        for member in members:
            component[member] = number
    reported: set[tuple[frozenset[str], int]] = set()
    for first in pg.transitions:
        a, b = process.step(first.source).role, process.step(first.target).role
        if not a or not b or a == b or first.p <= 0:
            continue
        for second in pg.outgoing(first.target):
            if second.p <= 0 or process.step(second.target).role != a:
                continue
            if component[second.source] != component[second.target]:
                continue  # moving on, not going back
            if _expected(process, second) or _expected(process, first):
                continue  # a return the law prescribes (return: expected), and the way on after it
            key = (frozenset((a, b)), component[second.target])  # one finding per pair of roles per loop
            if key in reported:
                continue
            reported.add(key)
            yield ctx.on_transition(second.source, second.target, role_a=a, role_b=b, first=first.source)


def _expected(process, transition) -> bool:  # type: ignore[no-untyped-def]
    """The branch of ``transition`` says ``return: expected``."""
    branches = process.step(transition.source).next
    expected: bool = transition.index < len(branches) and branches[transition.index].return_ == "expected"
    return expected
