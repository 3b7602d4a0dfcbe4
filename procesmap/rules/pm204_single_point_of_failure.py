"""A role with ``people: 1`` and no ``backup`` does a step: a single point of failure.

Why this matters
----------------
When the one adviseur or the one functioneel beheerder is ill or on holiday,
every case that needs them stops, and the legal term runs on. Name a backup
(``backup: other-role``), train a second person, or make the step
independent of one person.

Waarom dit ertoe doet
---------------------
Als de enige adviseur of de enige functioneel beheerder ziek of op vakantie
is, ligt elke zaak die op die persoon wacht stil, en de wettelijke
beslistermijn loopt door. Wijs een vervanger aan (``backup: other-role``),
leid een tweede persoon op, of maak de stap onafhankelijk van één persoon.

Example
-------
```yaml
procesmap: 1
id: advies
owner: vergunningverlener
roles:
  vergunningverlener: {people: 3}
  adviseur: {people: 1}
steps:
  - {id: aanvraag, type: start, role: vergunningverlener, next: advies}
  - {id: advies, role: adviseur, work: 4h, next: besluit}
  - {id: besluit, type: end, role: vergunningverlener}
```

Use instead
-----------
```yaml
procesmap: 1
id: advies
owner: vergunningverlener
roles:
  vergunningverlener: {people: 3}
  adviseur: {people: 1, backup: vergunningverlener}
steps:
  - {id: aanvraag, type: start, role: vergunningverlener, next: advies}
  - {id: advies, role: adviseur, work: 4h, next: besluit}
  - {id: besluit, type: end, role: vergunningverlener}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity, listed_in_full, listing
from procesmap.rules._base import RuleContext

CODE = "PM204"
NAME = "single-point-of-failure"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    single = ctx.analysis.ownership.single_points_of_failure
    if not single:
        return
    by_role: dict[object, list[str]] = {}
    for step in ctx.process.steps:  # one pass over the steps, not one per role (2,000 steps x 1,000 roles)
        by_role.setdefault(step.role or step.raci.R, []).append(step.id)
    for role_id in single:
        steps = by_role.get(role_id, [])
        yield ctx.on_role(role_id, data=listed_in_full("steps", steps), steps=listing(steps))
