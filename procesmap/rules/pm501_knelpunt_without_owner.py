"""A workshop knelpunt (``issues:``) has no ``owner``.

Why this matters
----------------
Knelpunten named in a workshop without someone to act on them are
forgotten by the next workshop. Each needs a role that owns the action
(start, stop or continue).

Waarom dit ertoe doet
---------------------
Knelpunten die in een workshop worden benoemd zonder dat iemand ermee aan de
slag gaat, zijn bij de volgende workshop vergeten. Elk knelpunt heeft een
rol nodig die eigenaar is van de actie (starten, stoppen of doorgaan).

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
  - {id: klaar, type: end, role: medewerker}
issues:
  - {id: K1, step: melding, text: Meldingen komen ook per mail binnen., level: operational}
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
  - {id: melding, type: start, role: medewerker, next: klaar}
  - {id: klaar, type: end, role: medewerker}
issues:
  - {id: K1, step: melding, text: Meldingen komen ook per mail binnen., level: operational, owner: medewerker}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM501"
NAME = "knelpunt-without-owner"
DEFAULT_SEVERITY = Severity.INFO
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for index, issue in enumerate(ctx.process.issues):
        if not issue.owner:
            where = ctx.process.source.locate(("issues", index))
            yield ctx.finding(issue.id, where, issue=issue.id, text=issue.text)
