"""A handover goes via a ``kind: manual`` system: outside the case system.

Why this matters
----------------
A dossier sent by e-mail or on paper leaves the zaaksysteem: its status is
invisible, documents get lost or are copied, and the case cannot be found by
the next person. Management information stops at that point.

Waarom dit ertoe doet
---------------------
Een dossier dat per e-mail of op papier wordt verstuurd, verlaat het
zaaksysteem: de status is onzichtbaar, documenten raken zoek of worden
gekopieerd, en de volgende medewerker kan de zaak niet terugvinden. Op dat
punt houdt de managementinformatie op.

Example
-------
```yaml
procesmap: 1
id: advies
owner: vergunningverlener
roles:
  vergunningverlener: {people: 3}
  adviseur: {people: 2}
systems:
  mail: {name: E-mail, kind: manual}
steps:
  - {id: aanvraag, type: start, role: vergunningverlener, next: advies}
  - {id: advies, role: adviseur, via: mail, work: 4h, next: besluit}
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
  adviseur: {people: 2}
systems:
  zaaksysteem: {name: Zaaksysteem}
steps:
  - {id: aanvraag, type: start, role: vergunningverlener, next: advies}
  - {id: advies, role: adviseur, via: zaaksysteem, work: 4h, next: besluit}
  - {id: besluit, type: end, role: vergunningverlener}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM103"
NAME = "manual-handover"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    for handover in ctx.analysis.handovers.handovers:
        if "manual" in handover.levels:
            system = ctx.process.systems[handover.via]  # type: ignore[index]
            yield ctx.on_transition(handover.source, handover.target, system=system.name or handover.via)
