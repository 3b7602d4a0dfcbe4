"""More than ``max_share`` (default 5%) of the cases in the log took longer than the legal term.

Why this matters
----------------
A decision after the legal term (beslistermijn) is a broken promise to the
applicant and, for a permit, can mean a decision by law (van rechtswege) or a
penalty (dwangsom bij niet tijdig beslissen). The log shows how often it really
happens, whatever the map predicts.

Waarom dit ertoe doet
---------------------
Een besluit na de beslistermijn is een gebroken belofte aan de aanvrager en
kan bij een vergunning een vergunning van rechtswege of een dwangsom bij niet
tijdig beslissen betekenen. Het log laat zien hoe vaak het echt gebeurt, wat
de kaart ook voorspelt.

Options
-------
``max_share``: the share of cases over the term that is still accepted (default 0.05).

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
1,Melding beoordelen,2024-03-08T09:00:00+01:00,Bram
1,Besluit verzonden,2024-03-14T09:00:00+01:00,Anna
2,Melding ontvangen,2024-03-05T09:00:00+01:00,Anna
2,Melding beoordelen,2024-03-09T09:00:00+01:00,Bram
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
  - {id: beoordelen, role: behandelaar, wait: 1d, work: 1h, next: besluit, log: [Melding beoordelen]}
  - {id: besluit, type: end, role: behandelaar, wait: 1d, work: 1h, log: [Besluit verzonden]}
```

```csv
case,activity,timestamp,resource
1,Melding ontvangen,2024-03-04T09:00:00+01:00,Anna
1,Melding beoordelen,2024-03-05T09:00:00+01:00,Bram
1,Besluit verzonden,2024-03-06T09:00:00+01:00,Anna
2,Melding ontvangen,2024-03-05T09:00:00+01:00,Anna
2,Melding beoordelen,2024-03-06T09:00:00+01:00,Bram
2,Besluit verzonden,2024-03-07T09:00:00+01:00,Anna
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.eventlog.rules._base import LogRuleContext

CODE = "PM607"
NAME = "term-exceeded-in-practice"
DEFAULT_SEVERITY = Severity.ERROR
OPTIONS: dict[str, object] = {"max_share": 0.05}


def check(ctx: LogRuleContext) -> Iterator[Finding]:
    share = ctx.comparison.term["observed_share_over_term"]
    limit = float(ctx.options["max_share"])  # type: ignore[arg-type]
    if share is not None and share > limit:
        term = ctx.comparison.term["term"]
        # whole days as in the report's heading ("56 dagen"), not "56,0"
        term = int(term) if float(term).is_integer() else term
        yield ctx.on_process(("term",), share=share * 100.0, limit=limit * 100.0, term=term)
