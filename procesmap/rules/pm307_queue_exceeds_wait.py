"""The queueing a role's capacity explains is well above the wait the map declares (default: more than 1.5 times it, and more than 1 day).

Why this matters
----------------
The map's volume, the work per case and the people of the role do not fit
together: with that many cases and that much work, the role's queue alone
makes cases wait longer than the workshop said they wait. One of the figures
is wrong (the volume, the hours of work, the people or fte), or the role
works faster in practice than the map says. Every figure computed from the
map (cycle time, share over the term, what helps most) is only as good as
these numbers: check them with the team before acting on them.

Waarom dit ertoe doet
---------------------
Het volume, het werk per zaak en de mensen van de rol passen niet bij elkaar:
met zoveel zaken en zoveel werk zorgt de wachtrij van de rol er al voor dat
zaken langer wachten dan de werksessie opgaf. Een van de cijfers klopt niet
(het volume, de uren werk, de mensen of de fte), of de rol werkt in de
praktijk sneller dan de kaart zegt. Elk cijfer dat uit de kaart volgt
(doorlooptijd, aandeel over de termijn, wat het meest helpt) is maar zo goed
als deze getallen: controleer ze met het team voordat je erop stuurt.

Options
-------
``factor``: how many times the declared wait the queue must be (default 1.5).
``days``: and how many days at least (default 1).

Example
-------
```yaml
procesmap: 1
id: melding
owner: behandelaar
volume: 1500/year
calendar: {hours_per_day: 8, days_per_week: 5, weeks_per_year: 46}
roles:
  behandelaar: {people: 1}
steps:
  - {id: ontvangst, type: start, next: beoordelen}
  - {id: beoordelen, role: behandelaar, wait: 1d, work: {mean: 70m, cv: 1}, next: klaar}
  - {id: klaar, type: end}
```

Use instead
-----------
```yaml
procesmap: 1
id: melding
owner: behandelaar
volume: 1500/year
calendar: {hours_per_day: 8, days_per_week: 5, weeks_per_year: 46}
roles:
  behandelaar: {people: 2}
steps:
  - {id: ontvangst, type: start, next: beoordelen}
  - {id: beoordelen, role: behandelaar, wait: 1d, work: {mean: 70m, cv: 1}, next: klaar}
  - {id: klaar, type: end}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM307"
NAME = "queue-exceeds-wait"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {"factor": 1.5, "days": 1.0}


def check(ctx: RuleContext) -> Iterator[Finding]:
    factor = float(ctx.options["factor"])  # type: ignore[arg-type]
    days = float(ctx.options["days"])  # type: ignore[arg-type]
    for step_id, step in ctx.analysis.queueing.steps.items():
        if step.queue_mean is None or step.declared_wait <= 0:
            continue  # no steady state (PM304 says so), or no declared wait: the wait is the queue
        if step.queue_mean > factor * step.declared_wait and step.queue_mean > days:
            yield ctx.on_step(
                step_id,
                role=step.role,
                queue=step.queue_mean,
                declared=step.declared_wait,
                ratio=step.queue_mean / step.declared_wait,
            )
