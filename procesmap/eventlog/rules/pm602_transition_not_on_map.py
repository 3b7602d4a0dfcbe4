"""Cases in the log go from one step to another where the map has no route (in at least ``min_share`` of the cases).

Why this matters
----------------
A route that the map does not show is work nobody planned for: a shortcut,
a step skipped, or a return that the workshop did not name. It changes who
gets the case next and how long it takes.

Waarom dit ertoe doet
---------------------
Een route die niet op de kaart staat is werk waar niemand op rekent: een
kortere weg, een overgeslagen stap of een terugkoppeling die de workshop niet
noemde. Het verandert wie de zaak daarna krijgt en hoe lang die duurt.

Options
-------
``min_share``: the share of cases from which a route is reported (default 0.05).

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

CODE = "PM602"
NAME = "transition-not-on-map"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {"min_share": 0.05}


def check(ctx: LogRuleContext) -> Iterator[Finding]:
    limit = float(ctx.options["min_share"])  # type: ignore[arg-type]
    for item in ctx.comparison.transitions_not_on_map:
        if item["share_of_cases"] is not None and item["share_of_cases"] >= limit:
            yield ctx.on_step(
                item["from"], target=item["to"], cases=item["cases"], share=item["share_of_cases"] * 100.0
            )
