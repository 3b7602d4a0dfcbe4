"""The figures every term rule (PM301, PM302) gives: both shares and the late cases per year."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from procesmap.i18n import Count, Message

if TYPE_CHECKING:
    from procesmap.analysis import TimeFigures

__all__ = ["term_parts", "late_figure", "whole"]


def whole(value: float) -> Any:
    """A whole number of days (or percent) written without decimals: 56.0 -> 56, 56.5 stays."""
    return Count(int(value)) if float(value).is_integer() else value


def late_figure(value: float) -> float | int:
    """Late cases per year as the messages write them: whole cases from 10 up, one decimal below."""
    return int(round(value)) if value >= 10 else round(value, 1)


def term_parts(time: "TimeFigures") -> dict[str, Any]:
    """Message arguments ``over_term``, ``over_extended`` and ``late`` (catalogue messages in the reader's language)."""
    assert time.term is not None and time.share_over_term is not None
    extended = time.term + time.term_extension if time.term_extension is not None else None
    if time.deferral_modelled and extended is not None:
        over_term = Message(
            "legal.part.over_term_deferral",
            share=time.share_over_term * 100.0,
            term=whole(time.term),
            extended=whole(extended),
        )
    else:
        over_term = Message("legal.part.over_term", share=time.share_over_term * 100.0, term=whole(time.term))
    over_extended: Any = ""
    if extended is not None and time.share_over_extended_term is not None:
        key = "legal.part.over_extended" if time.deferral_modelled else "legal.part.over_extended_all"
        over_extended = Message(key, share=time.share_over_extended_term * 100.0, extended=whole(extended))
    late_term, late_extended = time.late_per_year.get("term"), time.late_per_year.get("extended_term")

    def cases(value: float) -> Any:
        shown = late_figure(value)
        return Count(shown) if isinstance(shown, int) else shown

    if late_term is None:
        late: Any = Message("legal.part.late_no_volume")
    elif late_extended is None:
        late = Message("legal.part.late", term=cases(late_term))
    else:
        late = Message("legal.part.late_extended", term=cases(late_term), extended=cases(late_extended))
    return {"over_term": over_term, "over_extended": over_extended, "late": late, "share": time.share_over_term * 100.0}
