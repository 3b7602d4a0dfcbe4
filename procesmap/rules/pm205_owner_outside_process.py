"""The process owner does no step and is explicitly accountable (``raci.A``) for none.

Why this matters
----------------
An owner on paper only: the role is named as owner, but appears nowhere in
the work. Such an owner rarely sees the cases, the waits or the knelpunten.
Make the owner accountable for the decisive steps, or name the role that
really steers the process.

Waarom dit ertoe doet
---------------------
Een proceseigenaar die alleen op papier bestaat: de rol staat als eigenaar
genoemd, maar komt nergens in het werk voor. Zo'n eigenaar ziet zelden de
zaken, de wachttijden of de knelpunten. Maak de proceseigenaar
eindverantwoordelijk voor de beslissende stappen, of benoem de rol die het
proces echt aanstuurt.

Example
-------
```yaml
procesmap: 1
id: melding
owner: directeur
roles:
  directeur: {people: 1}
  medewerker: {people: 3}
steps:
  - {id: melding, type: start, role: medewerker, next: afhandelen}
  - {id: afhandelen, type: end, role: medewerker, work: 1h}
```

Use instead
-----------
```yaml
procesmap: 1
id: melding
owner: directeur
roles:
  directeur: {people: 1}
  medewerker: {people: 3}
steps:
  - {id: melding, type: start, role: medewerker, next: afhandelen}
  - {id: afhandelen, type: end, role: medewerker, work: 1h, raci: {A: directeur}}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM205"
NAME = "owner-outside-process"
DEFAULT_SEVERITY = Severity.INFO
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    process = ctx.process
    owner = process.owner
    if not ctx.analysis.ownership.owner_resolves or owner is None:
        return
    for step in process.steps:
        if owner in (step.role, step.raci.R, step.raci.A):
            return
    yield ctx.on_role(owner)
