"""The map has a term extension that its zaaktype does not allow, or a longer one than it allows.

Why this matters
----------------
`term_extension` (verdaging, Awb 4:14) gives the organisation more time once. The zaaksysteem
only lets a behandelaar extend a case when the zaaktype says `verlengingMogelijk: true`, and
then by at most its `verlengingstermijn`. Figures over "term + extension" (PM301) that count on
an extension the zaaksysteem does not allow are too rosy.

Waarom dit ertoe doet
---------------------
`term_extension` (verdaging, Awb 4:14) geeft de organisatie één keer meer tijd. Het
zaaksysteem laat een behandelaar een zaak alleen verlengen als het zaaktype
`verlengingMogelijk: true` zegt, en dan met hoogstens de `verlengingstermijn`. Cijfers over
"termijn + verdaging" (PM301) die rekenen op een verlenging die het zaaksysteem niet toestaat,
zijn te rooskleurig.

Zaaktype
--------
The examples are checked against this zaaktype (`procesmap check MAP --zaaktype zaaktype.json`):

```json
{"url": "https://zaken.example/catalogi/api/v1/zaaktypen/3", "identificatie": "EVENEMENT",
 "omschrijving": "Evenementenvergunning", "doorlooptijd": "P56D", "servicenorm": null,
 "opschortingEnAanhoudingMogelijk": true, "verlengingMogelijk": false, "verlengingstermijn": null}
```

Example
-------
```yaml
procesmap: 1
id: evenement
owner: behandelaar
zaaktype: EVENEMENT
term: 8w
term_extension: 6w
roles:
  behandelaar: {people: 2}
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 4h}
```

Use instead
-----------
```yaml
procesmap: 1
id: evenement
owner: behandelaar
zaaktype: EVENEMENT
term: 8w
roles:
  behandelaar: {people: 2}
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 4h}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.durations import iso_days, mean_elapsed_days
from procesmap.rules._base import RuleContext

CODE = "PM703"
NAME = "extension-not-allowed"
DEFAULT_SEVERITY = Severity.ERROR
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    zaaktype = ctx.zaaktype
    process = ctx.process
    if zaaktype is None or process.term_extension is None:
        return
    from procesmap.zgw._read import zgw_days  # lazy: the zaaksysteem's reader loads only when a catalogue is checked

    if zaaktype.verlenging is False:
        yield ctx.on_process(
            ("term_extension",), zaaktype=zaaktype.identificatie, extension=iso_days(process.term_extension)
        )
        return
    allowed = zgw_days(zaaktype.verlengingstermijn) if zaaktype.verlenging else None
    if allowed is not None and mean_elapsed_days(process.term_extension) > allowed.high + 1e-9:
        yield ctx.on_process(
            ("term_extension",),
            f"{CODE}.too_long",
            zaaktype=zaaktype.identificatie,
            extension=iso_days(process.term_extension),
            allowed=zaaktype.verlengingstermijn,
        )
