"""The mean term time exceeds the legal decision ``term``.

Why this matters
----------------
When the average case already breaks the beslistermijn, most applicants get
a late decision: under the Awb (4:17) they can claim a penalty
(dwangsom), and under the Omgevingswet a permit can be granted by
operation of law (van rechtswege). Term time leaves out the time in steps
with ``suspends_term: true`` (Awb 4:15).

Waarom dit ertoe doet
---------------------
Als de gemiddelde zaak de beslistermijn al overschrijdt, krijgen de meeste
aanvragers een te laat besluit: op grond van de Awb (4:17) kunnen zij een
dwangsom eisen, en onder de Omgevingswet kan een vergunning van rechtswege
verleend worden. De termijntijd telt de tijd in stappen met
``suspends_term: true`` niet mee (opschorting, Awb 4:15).

Example
-------
```yaml
procesmap: 1
id: vergunning
owner: behandelaar
term: 8w
roles:
  behandelaar: {people: 3}
steps:
  - {id: aanvraag, type: start, role: behandelaar, next: beoordelen}
  - {id: beoordelen, role: behandelaar, wait: 7w, work: 4h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, wait: 2w}
```

Use instead
-----------
```yaml
procesmap: 1
id: vergunning
owner: behandelaar
term: 8w
roles:
  behandelaar: {people: 3}
steps:
  - {id: aanvraag, type: start, role: behandelaar, next: beoordelen}
  - {id: beoordelen, role: behandelaar, wait: 3w, work: 4h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, wait: 1w}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.analysis.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM301"
NAME = "term-exceeded"
DEFAULT_SEVERITY = Severity.ERROR
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    time = ctx.analysis.time
    mean = time.term_time.get("mean")
    if time.term is not None and mean is not None and mean > time.term:
        yield ctx.on_process(("term",), mean=mean, term=time.term)
