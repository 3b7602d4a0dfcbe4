"""The context a PM6xx rule sees: the map's analysis (as for every rule) plus the comparison with the log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from procesmap.rules._base import RuleContext

__all__ = ["LogRuleContext"]


@dataclass
class LogRuleContext(RuleContext):
    """A :class:`~procesmap.rules._base.RuleContext` with ``comparison`` (a :class:`Comparison`)."""

    comparison: Any = None
