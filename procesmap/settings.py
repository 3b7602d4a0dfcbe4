"""How to analyse: the simulation's size and seed, and per rule its severity (or ``off``) and options.

A low layer (it imports only :mod:`procesmap.errors`): the configuration builds :class:`Settings`,
the analysis and the rules read them. :mod:`procesmap.analysis` re-exports these names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from procesmap.errors import UsageError

__all__ = ["Settings", "MAX_CASES", "check_simulation"]

#: The most simulated cases one analysis runs: 10 million cases of a 20-step map take about 20 s
#: and 2 GB; more only cost memory (a MemoryError), and 10,000 already give stable percentiles.
MAX_CASES = 10_000_000


def check_simulation(
    cases: Any = None, seed: Any = None, *, cases_name: str = "cases", seed_name: str = "seed"
) -> None:
    """Refuse simulation settings that cannot run: ``cases`` outside 0..:data:`MAX_CASES`, a negative ``seed``,
    or either not a whole number. ``None`` means "not given" and passes. Raises :class:`UsageError`; the
    names (``--cases`` on the command line) go into the message.
    """
    for name, value, hint in ((cases_name, cases, "hint.settings.cases"), (seed_name, seed, "hint.settings.seed")):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise UsageError("settings.not_integer", hint, name=name, value=repr(value), limit=MAX_CASES)
        if value < 0:
            raise UsageError("settings.negative", hint, name=name, value=value, limit=MAX_CASES)
    if cases is not None and cases > MAX_CASES:
        raise UsageError(
            "settings.too_many_cases", "hint.settings.cases", name=cases_name, value=cases, limit=MAX_CASES
        )


@dataclass
class Settings:
    """How to analyse: simulation size and seed, and per-rule severity (or ``off``) and options."""

    cases: int = 10_000
    seed: int = 0
    severities: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: zaaktypen of the zaaksysteem (:class:`procesmap.zgw.Catalogue`): the PM7xx rules check the map against them
    catalogue: Any = None
    #: queues from capacity (docs/queueing.md); False: every step keeps its declared wait (FORMAT.md's model)
    queueing: bool = True

    def __post_init__(self) -> None:
        """``cases`` 0..:data:`MAX_CASES` and ``seed`` 0 or more, else :class:`~procesmap.errors.UsageError`
        (exit code 2 on the command line), before numpy would fail with a ValueError or MemoryError."""
        check_simulation(self.cases, self.seed)
