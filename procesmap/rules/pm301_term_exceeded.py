"""More than half of the simulated cases exceed the term that applies to them.

The term that applies to a case is the ``term``; a case that passed a step with
``extends_term: true`` (the verdagingsbesluit) before its term ended has
``term + term_extension``. A verdaging is not automatic: without such a step no
case gets the extension. The rule judges the distribution, as a gemeente is
judged, not the mean: a process whose mean is within the term can still decide
most cases late. The message gives both shares (over the term, over term +
extension) and the late cases per year (``volume`` x share). Term time leaves
out the time in steps with ``suspends_term: true`` (opschorting, Awb 4:15).

Why this matters
----------------
When most cases break the beslistermijn, most applicants get a late
decision: under the Awb (4:17) they can claim a penalty (dwangsom), and
under the Omgevingswet a permit can be granted by operation of law (van
rechtswege).

Waarom dit ertoe doet
---------------------
Als de meeste zaken de beslistermijn overschrijden, krijgen de meeste
aanvragers een te laat besluit: op grond van de Awb (4:17) kunnen zij een
dwangsom eisen, en onder de Omgevingswet kan een vergunning van rechtswege
verleend worden. De termijn die geldt is de ``term``, of ``term +
term_extension`` voor een zaak die een stap met ``extends_term: true`` (het
verdagingsbesluit) binnen de termijn passeerde. De termijntijd telt de tijd in
stappen met ``suspends_term: true`` niet mee (opschorting, Awb 4:15).

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

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext
from procesmap.rules._legal import term_parts

CODE = "PM301"
NAME = "term-exceeded"
DEFAULT_SEVERITY = Severity.ERROR
OPTIONS: dict[str, object] = {}


#: PM301 fires when more than this share of the cases exceed the term that applies to them.
SHARE = 0.5


def check(ctx: RuleContext) -> Iterator[Finding]:
    time = ctx.analysis.time
    if time.term is None or time.share_over_term is None or time.share_over_term <= SHARE:
        return
    yield ctx.on_process(("term",), **term_parts(time))
