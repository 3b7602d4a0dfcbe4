"""A step suspends the legal term, but the zaaktype does not allow opschorting.

Why this matters
----------------
A step with `suspends_term: true` stops the clock of the beslistermijn (Awb 4:15, for
instance while the applicant completes the application). The zaaksysteem only lets a
behandelaar suspend a case when the zaaktype says `opschortingEnAanhoudingMogelijk: true`.
If it does not, the suspension the map counts on cannot be registered, and the term runs on.

Waarom dit ertoe doet
---------------------
Een stap met `suspends_term: true` zet de klok van de beslistermijn stil (Awb 4:15,
bijvoorbeeld terwijl de aanvrager de aanvraag aanvult). Het zaaksysteem laat een behandelaar
een zaak alleen opschorten als het zaaktype `opschortingEnAanhoudingMogelijk: true` zegt.
Zo niet, dan kan de opschorting waar de kaart op rekent niet geregistreerd worden, en loopt
de termijn door.

Zaaktype
--------
The examples are checked against this zaaktype (`procesmap check MAP --zaaktype zaaktype.json`):

```json
{"url": "https://zaken.example/catalogi/api/v1/zaaktypen/2", "identificatie": "MELDING",
 "omschrijving": "Melding", "doorlooptijd": "P14D", "servicenorm": null,
 "opschortingEnAanhoudingMogelijk": false, "verlengingMogelijk": false, "verlengingstermijn": null}
```

Example
-------
```yaml
procesmap: 1
id: melding
owner: behandelaar
zaaktype: MELDING
term: 14d
roles:
  behandelaar: {people: 2}
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, next: aanvullen}
  - {id: aanvullen, type: wait, wait: 5d, suspends_term: true, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 1h}
```

Use instead
-----------
```yaml
procesmap: 1
id: melding
owner: behandelaar
zaaktype: MELDING
term: 14d
roles:
  behandelaar: {people: 2}
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, next: aanvullen}
  - {id: aanvullen, type: wait, wait: 5d, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 1h}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM702"
NAME = "suspension-not-allowed"
DEFAULT_SEVERITY = Severity.ERROR
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    zaaktype = ctx.zaaktype
    if zaaktype is None or zaaktype.opschorting is not False:
        return
    for step in ctx.process.steps:
        if step.suspends_term:
            yield ctx.on_step(step.id, zaaktype=zaaktype.identificatie)
