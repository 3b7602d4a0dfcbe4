"""The work limit of ``advise`` and ``analyse --advise`` (issue #19), checked before a candidate is screened.

Advice analyses the map once per candidate intervention (a screening) and again in full for the best
:data:`procesmap.advice.SIMULATE`; each analysis grows with the steps. A map of 2,000 steps and 1,000 roles
(a candidate per role) ran past 150 s; a 100-step map with 30 candidates took 42 s, a 50-step one 18 s, the
bundled omgevingsvergunning (20 steps, 23 candidates: 660) 7 s, on the shared machine at load 6.
:data:`MAX_ADVICE_WORK` bounds (candidates + full analyses) x steps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from procesmap.errors import UsageError

if TYPE_CHECKING:
    from procesmap.model import Process

__all__ = ["MAX_ADVICE_WORK", "AdviceTooCostly", "check_advice"]

#: The most (candidates + full analyses) x steps one map's advice analyses.
MAX_ADVICE_WORK = 2_000


class AdviceTooCostly(UsageError):
    """Advice over :data:`MAX_ADVICE_WORK`: exit code 2, nothing written."""


def check_advice(process: "Process", candidates: int, simulate: int) -> None:
    """Raise :class:`AdviceTooCostly` when ``candidates`` screenings and ``simulate`` full analyses of ``process``
    would pass :data:`MAX_ADVICE_WORK`."""
    from procesmap.i18n import Count  # lazy: the catalogue loads when a message is made

    steps = len(process.steps)
    analyses = candidates + min(simulate, candidates)
    if analyses * steps > MAX_ADVICE_WORK:
        raise AdviceTooCostly(
            "bounds.advice_work",
            "bounds.hint.advice_work",
            process=process.id,
            analyses=Count(analyses),
            steps=Count(steps),
            work=Count(analyses * steps),
            limit=Count(MAX_ADVICE_WORK),
        )
