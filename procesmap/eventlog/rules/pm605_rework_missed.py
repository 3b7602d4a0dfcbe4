"""A step is visited far more often per case in the log than on the map: rework the workshop missed.

Why this matters
----------------
Rework is the most expensive kind of work: the case comes back, someone reads
it again, and the applicant waits again. A map that models one visit where the
log shows two understates the workload and the lead time of that step.

Waarom dit ertoe doet
---------------------
Herstelwerk is het duurste werk: de zaak komt terug, iemand leest hem
opnieuw en de aanvrager wacht opnieuw. Een kaart met één bezoek waar het log
er twee laat zien, onderschat het werk en de doorlooptijd van die stap.

Options
-------
``ratio``: observed visits per case at least this many times the modelled ones (default 1.5); ``min_extra``: and at least this many more visits per case (default 0.2).

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
1,Melding beoordelen,2024-03-05T09:00:00+01:00,Bram
1,Aanvulling gevraagd,2024-03-06T09:00:00+01:00,Bram
1,Melding beoordelen,2024-03-07T09:00:00+01:00,Bram
1,Besluit verzonden,2024-03-08T09:00:00+01:00,Anna
2,Melding ontvangen,2024-03-11T09:00:00+01:00,Anna
2,Melding beoordelen,2024-03-12T09:00:00+01:00,Bram
2,Aanvulling gevraagd,2024-03-13T09:00:00+01:00,Bram
2,Melding beoordelen,2024-03-14T09:00:00+01:00,Bram
2,Besluit verzonden,2024-03-15T09:00:00+01:00,Anna
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
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, next: beoordelen, log: [Melding ontvangen]}
  - {id: beoordelen, role: behandelaar, wait: 1d, work: 1h, log: [Melding beoordelen],
     next: [{to: aanvullen, p: 0.5}, {to: besluit, p: 0.5}]}
  - {id: aanvullen, role: behandelaar, wait: 1d, work: 1h, next: beoordelen, log: [Aanvulling gevraagd]}
  - {id: besluit, type: end, role: behandelaar, wait: 1d, work: 1h, log: [Besluit verzonden]}
```

```csv
case,activity,timestamp,resource
1,Melding ontvangen,2024-03-04T09:00:00+01:00,Anna
1,Melding beoordelen,2024-03-05T09:00:00+01:00,Bram
1,Aanvulling gevraagd,2024-03-06T09:00:00+01:00,Bram
1,Melding beoordelen,2024-03-07T09:00:00+01:00,Bram
1,Besluit verzonden,2024-03-08T09:00:00+01:00,Anna
2,Melding ontvangen,2024-03-11T09:00:00+01:00,Anna
2,Melding beoordelen,2024-03-12T09:00:00+01:00,Bram
2,Aanvulling gevraagd,2024-03-13T09:00:00+01:00,Bram
2,Melding beoordelen,2024-03-14T09:00:00+01:00,Bram
2,Besluit verzonden,2024-03-15T09:00:00+01:00,Anna
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.eventlog.rules._base import LogRuleContext

CODE = "PM605"
NAME = "rework-missed"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {"ratio": 1.5, "min_extra": 0.2}


def check(ctx: LogRuleContext) -> Iterator[Finding]:
    ratio = float(ctx.options["ratio"])  # type: ignore[arg-type]
    extra = float(ctx.options["min_extra"])  # type: ignore[arg-type]
    for item in ctx.comparison.visits:
        observed, modelled = item["observed"], item["modelled"]
        if observed is None or modelled is None:
            continue
        if observed >= modelled * ratio and observed - modelled >= extra:
            yield ctx.on_step(item["step"], observed=observed, modelled=modelled)
