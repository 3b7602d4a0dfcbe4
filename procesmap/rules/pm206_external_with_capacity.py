"""An external role has ``people``, ``fte``, ``team`` or ``backup``: those keys are ignored.

An external party (``external: true``: the applicant, a partner whose work is
not ours to plan) has no capacity, no team and no back-up in procesmap's
figures: it is left out of utilisation, single points of failure and team or
organisation handovers. A role that is external *and* has ``people: 1`` looks
modelled while every finding about it is silently dropped. When the partner's
capacity matters (the omgevingsdienst's adviser, the secretary of the
bezwaarcommissie), model it as an organisation with a team; when it does not,
leave the keys out.

Why this matters
----------------
Modelling the omgevingsdienst's adviser as ``{external: true, people: 1, team:
odr-milieu}`` hides the single point of failure, both organisation handovers,
the bottleneck and the red lines in the diagram, and nothing says so. The
workshop then never discusses the seam it came for.

Waarom dit ertoe doet
---------------------
Wie de adviseur van de omgevingsdienst modelleert als ``{external: true,
people: 1, team: odr-milieu}``, verbergt de kwetsbare rol (één persoon), beide
overdrachten tussen organisaties, de bottleneck en de rode lijnen in het
diagram, zonder dat iets het meldt. De workshop bespreekt dan nooit de naad
waarvoor hij bijeenkwam.

Example
-------
```yaml
procesmap: 1
id: vergunning
owner: behandelaar
roles:
  behandelaar: {people: 3}
  adviseur-odr: {external: true, people: 1}
steps:
  - {id: aanvraag, type: start, role: behandelaar, next: advies}
  - {id: advies, role: adviseur-odr, work: 4h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 1h}
```

Use instead
-----------
```yaml
procesmap: 1
id: vergunning
owner: behandelaar
organisations:
  gemeente: {name: Gemeente}
  odr: {name: Omgevingsdienst}
teams:
  vth: {organisation: gemeente}
  odr-milieu: {organisation: odr}
roles:
  behandelaar: {team: vth, people: 3}
  adviseur-odr: {team: odr-milieu, people: 1, backup: behandelaar}
steps:
  - {id: aanvraag, type: start, role: behandelaar, next: advies}
  - {id: advies, role: adviseur-odr, work: 4h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 1h}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM206"
NAME = "external-with-capacity"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {}

#: The keys of a role that mean nothing for an external party.
IGNORED = ("people", "fte", "team", "backup")


def check(ctx: RuleContext) -> Iterator[Finding]:
    for role_id, role in ctx.process.roles.items():
        if not role.external:
            continue
        keys = [key for key in IGNORED if getattr(role, key) not in (None, [], ())]
        if keys:
            yield ctx.on_role(role_id, keys=", ".join(f"`{key}`" for key in keys))
