"""Catalogue entries of the work limits of drawing and exporting huge maps, and of lists in messages that
are cut to their first items (issue #19). Every key starts with ``bounds.``."""

from __future__ import annotations

__all__ = ["MESSAGES_BOUNDS"]

MESSAGES_BOUNDS: dict[str, dict[str, str]] = {
    # -- a list in a message, cut to its first items (procesmap.findings.listing) ------------------------------
    "bounds.list_more": {
        "en": "{items} and {more:plural:# more|# more}",
        "nl": "{items} en nog {more}",
    },
    # -- the queueing simulation of a map of many steps (procesmap.analysis.queueing.MAX_QUEUE_DRAWS) ------
    "bounds.queue_too_many_steps": {
        "en": "queueing simulation: {cases} cases over {steps:plural:# step|# steps} would draw more than {limit} "
        "values in advance (every step draws its times for every case); the queues are computed by formula only "
        "and the time figures keep the declared waits (at most about {fits} cases fit; fewer steps, e.g. "
        "branches as `subprocess:` maps, let more fit)",
        "nl": "simulatie van wachtrijen: {cases} zaken over {steps:plural:# stap|# stappen} zouden vooraf meer dan "
        "{limit} waarden trekken (elke stap trekt zijn tijden voor elke zaak); de wachtrijen zijn alleen met de "
        "formule berekend en de tijdcijfers houden de opgegeven wachttijden (hoogstens ongeveer {fits} zaken "
        "passen; minder stappen, bijvoorbeeld takken als `subprocess:`-kaarten, laten er meer passen)",
    },
}
