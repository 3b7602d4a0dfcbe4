"""Fewer than ``min_fitness`` (default 80%) of the cases in the log follow the map from start to end.

Why this matters
----------------
The map is what the workshop agreed happens; the log is what the case system
recorded. When most cases take a route the map does not have, every figure the
map gives (cycle time, handovers, capacity) describes a process that hardly
exists. Correct the map before anyone decides on it.

Waarom dit ertoe doet
---------------------
De kaart is wat de workshop afsprak; het log is wat het zaaksysteem vastlegde.
Volgen de meeste zaken een route die niet op de kaart staat, dan beschrijft
elk cijfer van de kaart (doorlooptijd, overdrachten, capaciteit) een proces
dat nauwelijks bestaat. Corrigeer eerst de kaart.

Options
-------
``min_fitness``: the share of cases that must fit (default 0.8).

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
1,Besluit verzonden,2024-03-06T09:00:00+01:00,Anna
2,Melding ontvangen,2024-03-04T09:00:00+01:00,Anna
2,Besluit verzonden,2024-03-05T09:00:00+01:00,Anna
3,Melding ontvangen,2024-03-07T09:00:00+01:00,Anna
3,Besluit verzonden,2024-03-08T09:00:00+01:00,Anna
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
  - {id: ontvangst, type: start, role: behandelaar, work: 1h, log: [Melding ontvangen],
     next: [{to: beoordelen, p: 0.4}, {to: besluit, p: 0.6}]}
  - {id: beoordelen, role: behandelaar, wait: 1d, work: 1h, next: besluit, log: [Melding beoordelen]}
  - {id: besluit, type: end, role: behandelaar, wait: 1d, work: 1h, log: [Besluit verzonden]}
```

```csv
case,activity,timestamp,resource
1,Melding ontvangen,2024-03-04T09:00:00+01:00,Anna
1,Melding beoordelen,2024-03-05T09:00:00+01:00,Bram
1,Besluit verzonden,2024-03-06T09:00:00+01:00,Anna
2,Melding ontvangen,2024-03-04T09:00:00+01:00,Anna
2,Besluit verzonden,2024-03-05T09:00:00+01:00,Anna
3,Melding ontvangen,2024-03-07T09:00:00+01:00,Anna
3,Besluit verzonden,2024-03-08T09:00:00+01:00,Anna
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.eventlog.rules._base import LogRuleContext

CODE = "PM601"
NAME = "low-fitness"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {"min_fitness": 0.8}


def check(ctx: LogRuleContext) -> Iterator[Finding]:
    fitness = ctx.comparison.fitness
    share = fitness["cases"]
    if share is not None and share < float(ctx.options["min_fitness"]):  # type: ignore[arg-type]
        yield ctx.on_process(
            share=share * 100.0,
            fitting=fitness["cases_fitting"],
            cases=fitness["cases_total"],
            limit=float(ctx.options["min_fitness"]) * 100.0,
        )  # type: ignore[arg-type]
