"""One step's waits take at least ``share`` (default 25%) of the mean cycle time.

Why this matters
----------------
Cases spend most of their life waiting, not being worked on. A single queue
that takes a quarter of the whole lead time is the first place to look:
shorten it (werkvoorraad, planning, a fixed slot for advice) and the whole
process gets faster without anyone working harder.

Waarom dit ertoe doet
---------------------
Zaken zijn het grootste deel van hun doorlooptijd aan het wachten, niet in
behandeling. Eén wachtrij die een kwart van de hele doorlooptijd inneemt, is
de eerste plek om te kijken: verkort die (werkvoorraad, planning, een vast
adviesmoment) en het hele proces wordt sneller zonder dat iemand harder
hoeft te werken.

Options
-------
``share``: the share of the mean cycle time from which a wait is long (default 0.25).

Example
-------
```yaml
procesmap: 1
id: advies
owner: behandelaar
roles:
  behandelaar: {people: 3}
steps:
  - {id: aanvraag, type: start, role: behandelaar, work: 1h, next: advies}
  - {id: advies, role: behandelaar, wait: 10d, work: 4h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, wait: 2d, work: 1h}
```

Use instead
-----------
```yaml
procesmap: 1
id: advies
owner: behandelaar
roles:
  behandelaar: {people: 3}
steps:
  - {id: aanvraag, type: start, role: behandelaar, lead: 2d, next: advies}
  - {id: advies, role: behandelaar, wait: 1d, lead: 3d, next: besluit}
  - {id: besluit, type: end, role: behandelaar, wait: 1d, lead: 2d}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM305"
NAME = "long-wait"
DEFAULT_SEVERITY = Severity.INFO
OPTIONS: dict[str, object] = {"share": 0.25}


def check(ctx: RuleContext) -> Iterator[Finding]:
    limit = float(ctx.options["share"])  # type: ignore[arg-type]
    for wait in ctx.analysis.time.waits:
        if wait.share_of_cycle_time is not None and wait.share_of_cycle_time >= limit:
            yield ctx.on_step(wait.step, share=wait.share_of_cycle_time * 100.0, days=wait.per_case)
