"""A role's utilisation is at least ``threshold`` (default 0.85): the bottleneck.

Why this matters
----------------
Queueing theory is unforgiving: above about 85% utilisation, waiting times
grow steeply with every extra case, holidays and illness included. The
role with the highest load sets the pace of the whole process. Roles at or
above PM304's threshold (1.0) are reported by PM304 instead, unless PM304 is off.

Waarom dit ertoe doet
---------------------
De wachtrijtheorie is onverbiddelijk: boven een bezetting van ongeveer 85%
nemen de wachttijden met elke extra zaak sterk toe, vakantie en ziekte
inbegrepen. De rol met de hoogste belasting bepaalt het tempo van het hele
proces. Rollen vanaf de drempel van PM304 (1,0) meldt PM304, tenzij PM304 uit staat.

Options
-------
``threshold``: the utilisation from which a role is a bottleneck (default 0.85).

Example
-------
```yaml
procesmap: 1
id: paspoort
owner: baliemedewerker
volume: 65/week
roles:
  baliemedewerker: {people: 1, fte: 1.0, backup: teamleider}
  teamleider: {people: 1}
steps:
  - {id: aanvraag, type: start, role: baliemedewerker, work: 20m, next: uitgifte}
  - {id: uitgifte, type: end, role: baliemedewerker, work: 10m}
```

Use instead
-----------
```yaml
procesmap: 1
id: paspoort
owner: baliemedewerker
volume: 65/week
roles:
  baliemedewerker: {people: 2, fte: 1.6}
steps:
  - {id: aanvraag, type: start, role: baliemedewerker, work: 20m, next: uitgifte}
  - {id: uitgifte, type: end, role: baliemedewerker, work: 10m}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM303"
NAME = "bottleneck"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {"threshold": 0.85}


def check(ctx: RuleContext) -> Iterator[Finding]:
    threshold = float(ctx.options["threshold"])  # type: ignore[arg-type]
    pm304 = ctx.rule_options("PM304")  # from PM304's threshold up, PM304 reports instead; if it is off, we do
    overloaded = float(pm304["threshold"]) if pm304 is not None else float("inf")
    for role_id, load in ctx.analysis.capacity.roles.items():
        if load.utilisation is not None and threshold <= load.utilisation < overloaded:
            yield ctx.on_role(role_id, utilisation=load.utilisation * 100.0, threshold=threshold * 100.0)
