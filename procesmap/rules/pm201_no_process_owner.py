"""The process has no ``owner``, or it does not resolve to an internal role.

Why this matters
----------------
Without a process owner nobody is responsible for the whole process: each
team optimises its own part, and knelpunten between teams stay unsolved.
"Nobody responsible for the whole" is the most common finding in
zaakgericht werken workshops. The owner must be a role of the organisation,
not an external party.

Waarom dit ertoe doet
---------------------
Zonder proceseigenaar is niemand verantwoordelijk voor het proces als
geheel: elk team optimaliseert zijn eigen deel, en knelpunten tussen teams
worden niet opgelost. "Niemand is verantwoordelijk voor het geheel" is de
meest gehoorde bevinding in workshops over zaakgericht werken. De
proceseigenaar moet een rol van de eigen organisatie zijn, geen externe
partij.

Example
-------
```yaml
procesmap: 1
id: melding
roles:
  medewerker: {people: 3}
steps:
  - {id: melding, type: start, role: medewerker, next: afhandelen}
  - {id: afhandelen, type: end, role: medewerker, work: 1h}
```

Use instead
-----------
```yaml
procesmap: 1
id: melding
owner: teamleider
roles:
  medewerker: {people: 3}
  teamleider: {people: 1, backup: medewerker}
steps:
  - {id: melding, type: start, role: medewerker, next: afhandelen}
  - {id: afhandelen, type: end, role: medewerker, work: 1h, raci: {A: teamleider}}
```
"""

from __future__ import annotations

import difflib
from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM201"
NAME = "no-process-owner"
DEFAULT_SEVERITY = Severity.ERROR
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    process = ctx.process
    owner = process.owner
    if owner is None:
        yield ctx.on_process(("id",))
    elif owner not in process.roles:
        close = difflib.get_close_matches(owner, list(process.roles), n=1, cutoff=0.5)
        yield ctx.on_process(("owner",), "PM201.message_unknown", owner=owner, suggestion=close[0] if close else "-")
    elif process.is_external(owner):
        yield ctx.on_process(("owner",), "PM201.message_external", owner=owner)
