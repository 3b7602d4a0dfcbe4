"""The mean cycle time exceeds the organisation's own ``service_norm``.

Why this matters
----------------
The service norm is what the gemeente promises its residents ("binnen twee
werkdagen teruggebeld"). Missing it on average means the promise is broken
for most people, and it shows in complaints and repeat calls.

Waarom dit ertoe doet
---------------------
De servicenorm is wat de gemeente haar inwoners belooft ("binnen twee
werkdagen teruggebeld"). Wordt die gemiddeld niet gehaald, dan wordt de
belofte voor de meeste mensen gebroken, en dat zie je terug in klachten en
herhaalde telefoontjes.

Example
-------
```yaml
procesmap: 1
id: terugbellen
owner: kcc
service_norm: 2d
roles:
  kcc: {people: 5}
steps:
  - {id: vraag, type: start, role: kcc, work: 5m, next: terugbellen}
  - {id: terugbellen, type: end, role: kcc, wait: 3d, work: 10m}
```

Use instead
-----------
```yaml
procesmap: 1
id: terugbellen
owner: kcc
service_norm: 2d
roles:
  kcc: {people: 5}
steps:
  - {id: vraag, type: start, role: kcc, work: 5m, next: terugbellen}
  - {id: terugbellen, type: end, role: kcc, wait: 1d, work: 10m}
```
"""

from __future__ import annotations

from typing import Iterator

from procesmap.findings import Finding, Severity
from procesmap.rules._base import RuleContext

CODE = "PM306"
NAME = "service-norm-missed"
DEFAULT_SEVERITY = Severity.WARNING
OPTIONS: dict[str, object] = {}


def check(ctx: RuleContext) -> Iterator[Finding]:
    time = ctx.analysis.time
    mean = time.cycle_time.get("mean")
    if time.service_norm is not None and mean is not None and mean > time.service_norm:
        yield ctx.on_process(("service_norm",), mean=mean, norm=time.service_norm)
