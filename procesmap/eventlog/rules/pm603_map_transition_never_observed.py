"""A route on the map between two steps that the log shows is never taken by any case.

Why this matters
----------------
A branch that no case takes may be a rare exception, or a route that the
workshop remembered from years ago. Either way its probability on the map is
too high, and the map's figures count work that does not happen.

Waarom dit ertoe doet
---------------------
Een tak die geen enkele zaak neemt is misschien een zeldzame uitzondering,
of een route die de workshop zich van jaren geleden herinnerde. Hoe dan ook is
de kans op de kaart te hoog, en tellen de cijfers van de kaart werk mee dat
niet gebeurt.

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
2,Melding ontvangen,2024-03-11T09:00:00+01:00,Anna
2,Melding beoordelen,2024-03-12T09:00:00+01:00,Bram
2,Besluit verzonden,2024-03-13T09:00:00+01:00,Anna
3,Melding ontvangen,2024-03-18T09:00:00+01:00,Anna
3,Melding beoordelen,2024-03-19T09:00:00+01:00,Bram
3,Besluit verzonden,2024-03-20T09:00:00+01:00,Anna
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
  - {id: beoordelen, role: behandelaar, wait: 1d, work: 1h, next: besluit, log: [Melding beoordelen]}
  - {id: besluit, type: end, role: behandelaar, wait: 1d, work: 1h, log: [Besluit verzonden]}
```

```csv
case,activity,timestamp,resource
1,Melding ontvangen,2024-03-04T09:00:00+01:00,Anna
1,Melding beoordelen,2024-03-05T09:00:00+01:00,Bram
1,Besluit verzonden,2024-03-06T09:00:00+01:00,Anna
2,Melding ontvangen,2024-03-11T09:00:00+01:00,Anna
2,Melding beoordelen,2024-03-12T09:00:00+01:00,Bram
2,Besluit verzonden,2024-03-13T09:00:00+01:00,Anna
3,Melding ontvangen,2024-03-18T09:00:00+01:00,Anna
3,Melding beoordelen,2024-03-19T09:00:00+01:00,Bram
3,Besluit verzonden,2024-03-20T09:00:00+01:00,Anna
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.eventlog.rules._base import LogRuleContext

CODE = "PM603"
NAME = "map-transition-never-observed"
DEFAULT_SEVERITY = Severity.INFO
OPTIONS: dict[str, object] = {}


def check(ctx: LogRuleContext) -> Iterator[Finding]:
    for item in ctx.comparison.map_transitions_not_observed:
        source, target = item["from"], item["to"]
        if any(b.to == target for b in ctx.process.step(source).next):
            yield ctx.on_transition(source, target)
        else:
            # a succession through steps the log does not show (a gateway, a step never logged): on its first step
            yield ctx.on_step(source, source=source, target=target)
