"""The map names a zaaktype that the catalogue does not hold.

Why this matters
----------------
`zaaktype:` ties the map to its zaaktype in the zaaksysteem, so that PM701-PM704 can hold the map
against it. When the catalogue has no zaaktype with that identificatie (a typo, a renamed or a new
zaaktype, or the wrong catalogue), none of those checks runs, and the map silently goes unchecked.

Waarom dit ertoe doet
---------------------
`zaaktype:` koppelt de kaart aan het zaaktype in het zaaksysteem, zodat PM701-PM704 de kaart
ertegen kunnen houden. Heeft de catalogus geen zaaktype met die identificatie (een typfout, een
hernoemd of nieuw zaaktype, of de verkeerde catalogus), dan draait geen van die controles, en blijft
de kaart ongemerkt ongecontroleerd.

Zaaktype
--------
The examples are checked against this zaaktype (`procesmap check MAP --zaaktype zaaktype.json`):

```json
{"url": "https://zaken.example/catalogi/api/v1/zaaktypen/5", "identificatie": "VTH-OMGEVING",
 "omschrijving": "Omgevingsvergunning", "doorlooptijd": "P56D", "servicenorm": null,
 "opschortingEnAanhoudingMogelijk": true, "verlengingMogelijk": true, "verlengingstermijn": "P42D"}
```

Example
-------
```yaml
procesmap: 1
id: omgevingsvergunning
owner: behandelaar
zaaktype: VTH-OMGEVNG
term: 8w
roles:
  behandelaar: {people: 3}
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 4h}
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
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 4h}
```
"""

from __future__ import annotations

import difflib
from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM705"
NAME = "zaaktype-not-in-catalogue"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    catalogue = ctx.catalogue
    named = ctx.process.zaaktype
    if catalogue is None or not named or ctx.zaaktype is not None:
        return
    known = catalogue.identificaties()
    close = difflib.get_close_matches(named, known, n=1, cutoff=0.6)
    yield ctx.on_process(
        ("zaaktype",), zaaktype=named, catalogue=catalogue.file, suggestion=close[0] if close else ", ".join(known[:10])
    )
