"""An activity in the log that no step of the map stands for, in at least ``min_share`` of the cases.

Why this matters
----------------
Work that the case system records but the map does not show is work the
workshop forgot: a phone call, an extra check, a registration. It takes time
and people that the map's figures leave out. Add a step, or name the activity
in an existing step's ``log:`` list.

Waarom dit ertoe doet
---------------------
Werk dat het zaaksysteem vastlegt maar dat niet op de kaart staat, is werk
dat de workshop vergat: een telefoontje, een extra controle, een registratie.
Het kost tijd en mensen die de cijfers van de kaart weglaten. Voeg een stap
toe, of noem de activiteit in de `log:`-lijst van een bestaande stap.

Options
-------
``min_share``: the share of cases from which an activity is reported (default 0.05).

Example
-------
```yaml
procesmap: 1
id: melding
owner: behandelaar
term: 5d
roles:
  behandelaar: {people: 2}
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, next: beoordelen, log: [Melding ontvangen]}
  - {id: beoordelen, role: behandelaar, wait: 1d, work: 1h, next: besluit, log: [Melding beoordelen]}
  - {id: besluit, type: end, role: behandelaar, wait: 1d, work: 1h, log: [Besluit verzonden]}
```

```csv
case,activity,timestamp,resource
1,Melding ontvangen,2024-03-04T09:00:00+01:00,Anna
1,Telefoonnotitie,2024-03-04T11:00:00+01:00,Bram
1,Melding beoordelen,2024-03-05T09:00:00+01:00,Bram
1,Besluit verzonden,2024-03-06T09:00:00+01:00,Anna
2,Melding ontvangen,2024-03-11T09:00:00+01:00,Anna
2,Melding beoordelen,2024-03-12T09:00:00+01:00,Bram
2,Besluit verzonden,2024-03-13T09:00:00+01:00,Anna
```

Use instead
-----------
```yaml
procesmap: 1
id: melding
owner: behandelaar
term: 5d
roles:
  behandelaar: {people: 2}
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, next: beoordelen, log: [Melding ontvangen, Telefoonnotitie]}
  - {id: beoordelen, role: behandelaar, wait: 1d, work: 1h, next: besluit, log: [Melding beoordelen]}
  - {id: besluit, type: end, role: behandelaar, wait: 1d, work: 1h, log: [Besluit verzonden]}
```

```csv
case,activity,timestamp,resource
1,Melding ontvangen,2024-03-04T09:00:00+01:00,Anna
1,Telefoonnotitie,2024-03-04T11:00:00+01:00,Bram
1,Melding beoordelen,2024-03-05T09:00:00+01:00,Bram
1,Besluit verzonden,2024-03-06T09:00:00+01:00,Anna
2,Melding ontvangen,2024-03-11T09:00:00+01:00,Anna
2,Melding beoordelen,2024-03-12T09:00:00+01:00,Bram
2,Besluit verzonden,2024-03-13T09:00:00+01:00,Anna
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.eventlog.rules._base import LogRuleContext

CODE = "PM604"
NAME = "activity-not-on-map"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {"min_share": 0.05}


def check(ctx: LogRuleContext) -> Iterator[Finding]:
    limit = float(ctx.options["min_share"])  # type: ignore[arg-type]
    for item in ctx.comparison.unmapped_activities:
        if item["share_of_cases"] is not None and item["share_of_cases"] >= limit:
            yield ctx.finding(
                item["activity"],
                ctx.process.source.locate(("steps",)),
                activity=item["activity"],
                cases=item["cases"],
                share=item["share_of_cases"] * 100.0,
            )
