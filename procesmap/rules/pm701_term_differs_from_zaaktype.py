"""The map's legal term is not the ``doorlooptijd`` of its zaaktype in the zaaksysteem.

Why this matters
----------------
The zaaksysteem enforces the zaaktype's doorlooptijd: it sets the deadline of every case and
warns the behandelaar. When the map works with another term, the figures about cases over the
term (PM301, PM302) describe a deadline nobody is held to, and the workshop plans for the wrong
date. Either the map or the catalogue is out of date: settle which, and correct it.

Waarom dit ertoe doet
---------------------
Het zaaksysteem bewaakt de doorlooptijd van het zaaktype: die bepaalt de uiterste datum van
elke zaak en waarschuwt de behandelaar. Rekent de kaart met een andere termijn, dan gaan de
cijfers over zaken buiten de termijn (PM301, PM302) over een datum waar niemand aan gehouden
wordt, en plant de werksessie voor de verkeerde datum. De kaart of de catalogus is verouderd:
spreek af welke, en verbeter die.

Zaaktype
--------
The examples are checked against this zaaktype (`procesmap check MAP --zaaktype zaaktype.json`):

```json
[
  {"url": "https://zaken.example/catalogi/api/v1/zaaktypen/1", "identificatie": "VTH-OMGEVING",
   "omschrijving": "Omgevingsvergunning", "doorlooptijd": "P56D", "servicenorm": null,
   "opschortingEnAanhoudingMogelijk": true, "verlengingMogelijk": true, "verlengingstermijn": "P42D"},
  {"url": "https://zaken.example/catalogi/api/v1/statustypen/1", "omschrijving": "Ontvangen", "volgnummer": 1,
   "zaaktype": "https://zaken.example/catalogi/api/v1/zaaktypen/1"},
  {"url": "https://zaken.example/catalogi/api/v1/statustypen/2", "omschrijving": "Besloten", "volgnummer": 2,
   "zaaktype": "https://zaken.example/catalogi/api/v1/zaaktypen/1"}
]
```

Example
-------
```yaml
procesmap: 1
id: omgevingsvergunning
owner: behandelaar
zaaktype: VTH-OMGEVING
term: 6w
roles:
  behandelaar: {people: 3}
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, status: Ontvangen, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 4h, status: Besloten}
```

Use instead
-----------
```yaml
procesmap: 1
id: omgevingsvergunning
owner: behandelaar
zaaktype: VTH-OMGEVING
term: 8w
roles:
  behandelaar: {people: 3}
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, status: Ontvangen, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 4h, status: Besloten}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.durations import iso_days, mean_elapsed_days
from procesmap.rules._base import RuleContext

CODE = "PM701"
NAME = "term-differs-from-zaaktype"
DEFAULT_SEVERITY = Severity.ERROR
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    zaaktype = ctx.zaaktype
    if zaaktype is None or zaaktype.doorlooptijd is None:
        return
    from procesmap.zgw._read import zgw_days  # lazy: the zaaksysteem's reader loads only when a catalogue is checked

    allowed = zgw_days(zaaktype.doorlooptijd)
    if allowed is None:
        return
    process = ctx.process
    if process.term is None:
        yield ctx.on_process(
            ("id",), f"{CODE}.no_term", zaaktype=zaaktype.identificatie, doorlooptijd=zaaktype.doorlooptijd
        )
        return
    days = mean_elapsed_days(process.term)
    if allowed.low - 1e-9 <= days <= allowed.high + 1e-9:
        return
    yield ctx.on_process(
        ("term",),
        zaaktype=zaaktype.identificatie,
        doorlooptijd=zaaktype.doorlooptijd,
        term=iso_days(process.term),
        days=int(days) if float(days).is_integer() else round(days, 2),
    )
