"""Cases wait before a step far longer in the log than the map's ``wait`` says.

Why this matters
----------------
Waits are where the lead time goes. When the log shows cases lying in a queue
twice as long as the workshop thought, the map's cycle time and its share of
cases over the legal term are too optimistic, and the real bottleneck may lie
elsewhere.

Waarom dit ertoe doet
---------------------
In wachttijd zit de doorlooptijd. Laat het log zien dat zaken twee keer zo
lang in een werkvoorraad liggen als de workshop dacht, dan zijn de doorlooptijd
en het aandeel zaken over de beslistermijn op de kaart te rooskleurig, en ligt
de echte bottleneck misschien ergens anders.

Options
-------
``ratio``: the observed mean wait is at least this many times the modelled one (default 2.0); ``min_extra_days``: and at least this many days longer (default 1.0).

Example
-------
```yaml
procesmap: 1
id: melding
owner: behandelaar
term: 8w
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
1,Melding beoordelen,2024-03-09T09:00:00+01:00,Bram
1,Besluit verzonden,2024-03-10T09:00:00+01:00,Anna
2,Melding ontvangen,2024-03-11T09:00:00+01:00,Anna
2,Melding beoordelen,2024-03-16T09:00:00+01:00,Bram
2,Besluit verzonden,2024-03-17T09:00:00+01:00,Anna
```

Use instead
-----------
```yaml
procesmap: 1
id: melding
owner: behandelaar
term: 8w
roles:
  behandelaar: {people: 2}
steps:
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, next: beoordelen, log: [Melding ontvangen]}
  - {id: beoordelen, role: behandelaar, wait: 5d, work: 1h, next: besluit, log: [Melding beoordelen]}
  - {id: besluit, type: end, role: behandelaar, wait: 1d, work: 1h, log: [Besluit verzonden]}
```

```csv
case,activity,timestamp,resource
1,Melding ontvangen,2024-03-04T09:00:00+01:00,Anna
1,Melding beoordelen,2024-03-09T09:00:00+01:00,Bram
1,Besluit verzonden,2024-03-10T09:00:00+01:00,Anna
2,Melding ontvangen,2024-03-11T09:00:00+01:00,Anna
2,Melding beoordelen,2024-03-16T09:00:00+01:00,Bram
2,Besluit verzonden,2024-03-17T09:00:00+01:00,Anna
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.eventlog.rules._base import LogRuleContext

CODE = "PM606"
NAME = "wait-underestimated"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {"ratio": 2.0, "min_extra_days": 1.0}


def check(ctx: LogRuleContext) -> Iterator[Finding]:
    ratio = float(ctx.options["ratio"])  # type: ignore[arg-type]
    extra = float(ctx.options["min_extra_days"])  # type: ignore[arg-type]
    for item in ctx.comparison.waits:
        observed, modelled = item["observed_mean"], item["modelled"]
        if observed is None or not item["measured"]:
            continue
        if observed >= modelled * ratio and observed - modelled >= extra:
            yield ctx.on_step(item["step"], observed=observed, modelled=modelled)
