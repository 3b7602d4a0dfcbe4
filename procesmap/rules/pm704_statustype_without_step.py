"""A statustype of the zaaktype that no step of the map stands for.

Why this matters
----------------
The statustypen are the milestones the zaaksysteem shows the resident ("In behandeling",
"Besluit genomen"). A step says which one it sets with `status:`. A statustype that no step
sets is either a milestone the process skips (the resident never sees it) or a step the map
forgot; and the time between statuses can then not be compared with the map.

Waarom dit ertoe doet
---------------------
De statustypen zijn de mijlpalen die het zaaksysteem de inwoner laat zien ("In behandeling",
"Besluit genomen"). Een stap zegt met `status:` welke hij zet. Een statustype dat geen stap
zet, is een mijlpaal die het proces overslaat (de inwoner ziet die nooit) of een stap die de
kaart vergeten is; en de tijd tussen statussen valt dan niet met de kaart te vergelijken.

Zaaktype
--------
The examples are checked against this zaaktype (`procesmap check MAP --zaaktype zaaktype.json`):

```json
[
  {"url": "https://zaken.example/catalogi/api/v1/zaaktypen/4", "identificatie": "BEZWAAR",
   "omschrijving": "Bezwaarschrift", "doorlooptijd": "P84D", "servicenorm": null,
   "opschortingEnAanhoudingMogelijk": false, "verlengingMogelijk": false, "verlengingstermijn": null},
  {"url": "https://zaken.example/catalogi/api/v1/statustypen/41", "omschrijving": "Ontvangen", "volgnummer": 1,
   "zaaktype": "https://zaken.example/catalogi/api/v1/zaaktypen/4"},
  {"url": "https://zaken.example/catalogi/api/v1/statustypen/42", "omschrijving": "Hoorzitting gehouden",
   "volgnummer": 2, "zaaktype": "https://zaken.example/catalogi/api/v1/zaaktypen/4"},
  {"url": "https://zaken.example/catalogi/api/v1/statustypen/43", "omschrijving": "Beslist", "volgnummer": 3,
   "zaaktype": "https://zaken.example/catalogi/api/v1/zaaktypen/4"}
]
```

Example
-------
```yaml
procesmap: 1
id: bezwaar
owner: jurist
zaaktype: BEZWAAR
term: 12w
roles:
  jurist: {people: 2}
steps:
  - {id: ontvangst, type: start, role: jurist, work: 1h, status: Ontvangen, next: besluit}
  - {id: besluit, type: end, role: jurist, work: 4h, status: Beslist}
```

Use instead
-----------
```yaml
procesmap: 1
id: bezwaar
owner: jurist
zaaktype: BEZWAAR
term: 12w
roles:
  jurist: {people: 2}
steps:
  - {id: ontvangst, type: start, role: jurist, work: 1h, status: Ontvangen, next: hoorzitting}
  - {id: hoorzitting, role: jurist, work: 2h, status: Hoorzitting gehouden, next: besluit}
  - {id: besluit, type: end, role: jurist, work: 4h, status: Beslist}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM704"
NAME = "statustype-without-step"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {}


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def check(ctx: RuleContext) -> Iterator[Finding]:
    zaaktype = ctx.zaaktype
    if zaaktype is None:
        return
    named = {_key(step.status) for step in ctx.process.steps if step.status}
    for status in zaaktype.statustypen:
        if _key(status.omschrijving) not in named:
            yield ctx.finding(
                status.omschrijving,
                ctx.process.source.locate(("zaaktype",)),
                zaaktype=zaaktype.identificatie,
                status=status.omschrijving,
                number=status.volgnummer,
            )
