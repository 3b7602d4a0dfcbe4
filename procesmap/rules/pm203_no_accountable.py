"""A step has no accountable role (``raci.A``), and there is no process owner to fall back on.

Why this matters
----------------
The accountable role answers for the result of a step: the decision, the
advice, the letter. A step's ``A`` defaults to the process owner; with
neither, nobody answers for it when it goes wrong or takes too long.

Waarom dit ertoe doet
---------------------
De eindverantwoordelijke rol legt verantwoording af over het resultaat van
een stap: het besluit, het advies, de brief. De ``A`` van een stap is
standaard de proceseigenaar; ontbreken beide, dan legt niemand er
verantwoording over af als het misgaat of te lang duurt.

Example
-------
```yaml
procesmap: 1
id: melding
roles:
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
roles:
  medewerker: {people: 3}
  teamleider: {people: 1, backup: medewerker}
steps:
  - {id: melding, type: start, role: medewerker, next: afhandelen, raci: {A: teamleider}}
  - {id: afhandelen, type: end, role: medewerker, work: 1h, raci: {A: teamleider}}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM203"
NAME = "no-accountable"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.analysis.ownership.owner_resolves:
        return
    for step in ctx.process.steps:
        if (step.role or step.raci.R) and not step.raci.A:
            yield ctx.on_step(step.id)
