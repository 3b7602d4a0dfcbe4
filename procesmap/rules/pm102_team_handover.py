"""A transition crosses teams within one organisation.

Why this matters
----------------
Each handover between teams is a queue and a moment where information can
get lost ("over de schutting"). One handover is normal; many in a row mean
the case waits in several in-trays. Transitions that also cross
organisations are reported by PM101 instead, not twice.

Waarom dit ertoe doet
---------------------
Elke overdracht tussen teams is een wachtrij en een moment waarop informatie
verloren kan gaan ("over de schutting"). Eén overdracht is normaal; veel
overdrachten achter elkaar betekenen dat de zaak in meerdere postvakken ligt
te wachten. Overgangen die ook de grens tussen organisaties passeren, meldt
PM101; ze worden niet dubbel gemeld.

Example
-------
```yaml
procesmap: 1
id: melding
owner: coordinator
organisations: {gemeente: {name: Gemeente}}
teams:
  kcc: {organisation: gemeente}
  wijk: {organisation: gemeente}
roles:
  coordinator: {team: wijk, people: 2}
  kcc-medewerker: {team: kcc, people: 4}
steps:
  - {id: melding, type: start, role: kcc-medewerker, work: 10m, next: oppakken}
  - {id: oppakken, type: end, role: coordinator, work: 30m}
```

Use instead
-----------
```yaml
procesmap: 1
id: melding
owner: coordinator
organisations: {gemeente: {name: Gemeente}}
teams:
  wijk: {organisation: gemeente}
roles:
  coordinator: {team: wijk, people: 2}
  wijkmedewerker: {team: wijk, people: 4}
steps:
  - {id: melding, type: start, role: wijkmedewerker, work: 10m, next: oppakken}
  - {id: oppakken, type: end, role: coordinator, work: 30m}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM102"
NAME = "team-handover"
DEFAULT_SEVERITY = Severity.INFO
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    process = ctx.process
    for handover in ctx.analysis.handovers.handovers:
        if "team" in handover.levels and "organisation" not in handover.levels:
            u, v = process.step(handover.source), process.step(handover.target)
            yield ctx.on_transition(
                handover.source, handover.target, from_team=process.team_of(u.role), to_team=process.team_of(v.role)
            )
