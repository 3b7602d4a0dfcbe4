"""A role's utilisation is at least ``threshold`` (default 1.0): queues grow without end.

Why this matters
----------------
A role that gets more work per year than it has hours can never catch up:
the werkvoorraad grows every week until cases are dropped, done in overtime
or decided late. Add capacity, move work to another role, or take work out
of the process.

Waarom dit ertoe doet
---------------------
Een rol die per jaar meer werk krijgt dan er uren zijn, kan de achterstand
nooit inhalen: de werkvoorraad groeit elke week, totdat zaken blijven
liggen, in overwerk worden afgehandeld of te laat een besluit krijgen. Breid
de capaciteit uit, verschuif werk naar een andere rol, of haal werk uit het
proces.

Options
-------
``threshold``: the utilisation from which a role is overloaded (default 1.0).

Example
-------
```yaml
procesmap: 1
id: paspoort
owner: baliemedewerker
volume: 150/week
roles:
  baliemedewerker: {people: 1, fte: 0.8, backup: teamleider}
  teamleider: {people: 1}
steps:
  - {id: aanvraag, type: start, role: baliemedewerker, work: 20m, next: uitgifte}
  - {id: uitgifte, type: end, role: baliemedewerker, work: 10m}
```

Use instead
-----------
```yaml
procesmap: 1
id: paspoort
owner: baliemedewerker
volume: 150/week
roles:
  baliemedewerker: {people: 3}
steps:
  - {id: aanvraag, type: start, role: baliemedewerker, work: 20m, next: uitgifte}
  - {id: uitgifte, type: end, role: baliemedewerker, work: 10m}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM304"
NAME = "overloaded"
DEFAULT_SEVERITY = Severity.ERROR
OPTIONS: dict[str, object] = {"threshold": 1.0}


def check(ctx: RuleContext) -> Iterator[Finding]:
    threshold = float(ctx.options["threshold"])  # type: ignore[arg-type]
    for role_id, load in ctx.analysis.capacity.roles.items():
        if load.utilisation is not None and load.utilisation >= threshold:
            yield ctx.on_role(
                role_id,
                utilisation=load.utilisation * 100.0,
                demand=load.demand_hours or 0.0,
                capacity=load.capacity_hours or 0.0,
            )
