"""A transition crosses organisations.

Why this matters
----------------
Where a case passes from the gemeente to the omgevingsdienst (or back), it
leaves one organisation's queue, case system and management. Waits grow at
these seams, nobody sees the whole case, and the legal decision term keeps
running. Every organisation handover is a place to agree on who watches the
case, how it travels and how fast it comes back.

Waarom dit ertoe doet
---------------------
Waar een zaak van de gemeente naar de omgevingsdienst gaat (of terug),
verlaat die de wachtrij, het zaaksysteem en de aansturing van de ene
organisatie. Op deze naden lopen de wachttijden op, niemand overziet de hele
zaak, en de wettelijke beslistermijn loopt gewoon door. Elke overdracht
tussen organisaties is een moment om af te spreken wie de zaak bewaakt, hoe
die wordt overgedragen en hoe snel die terugkomt.

Example
-------
```yaml
procesmap: 1
id: advies
owner: teamleider
organisations: {gemeente: {name: Gemeente}, odr: {name: Omgevingsdienst}}
teams:
  vth: {organisation: gemeente}
  milieu: {organisation: odr}
roles:
  teamleider: {team: vth, people: 2}
  adviseur: {team: milieu, people: 2}
steps:
  - {id: aanvraag, type: start, role: teamleider, next: advies}
  - {id: advies, role: adviseur, work: 4h, next: besluit}
  - {id: besluit, type: end, role: teamleider}
```

Use instead
-----------
```yaml
procesmap: 1
id: advies
owner: teamleider
organisations: {gemeente: {name: Gemeente}}
teams:
  vth: {organisation: gemeente}
roles:
  teamleider: {team: vth, people: 2}
  adviseur: {team: vth, people: 2}
steps:
  - {id: aanvraag, type: start, role: teamleider, next: advies}
  - {id: advies, role: adviseur, work: 4h, next: besluit}
  - {id: besluit, type: end, role: teamleider}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM101"
NAME = "organisation-handover"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    process = ctx.process
    for handover in ctx.analysis.handovers.handovers:
        if "organisation" in handover.levels:
            u, v = process.step(handover.source), process.step(handover.target)
            yield ctx.on_transition(
                handover.source,
                handover.target,
                from_org=process.organisation_of(u.role),
                to_org=process.organisation_of(v.role),
                per_case=handover.per_case if handover.per_case is not None else "-",
            )
