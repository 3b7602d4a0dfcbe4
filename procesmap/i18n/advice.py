"""Catalogue entries of "what helps most" (``procesmap advise`` and the report section).

Every key starts with ``advise.``. :mod:`procesmap.i18n.messages` merges them into the one catalogue.
"""

from __future__ import annotations

__all__ = ["MESSAGES_ADVICE"]

MESSAGES_ADVICE: dict[str, dict[str, str]] = {
    # -- the candidates ---------------------------------------------------------------------------
    "advise.kind.add_person": {
        "en": "+1 person for {role} ({people} → {after} people)",
        "nl": "+1 persoon voor {role} ({people} → {after} personen)",
    },
    "advise.kind.add_fte": {
        "en": "+0.2 fte for {role} ({fte} → {after} fte)",
        "nl": "+0,2 fte voor {role} ({fte} → {after} fte)",
    },
    "advise.kind.add_fte_person": {
        "en": "+0.2 fte for {role}: one more person, part-time ({fte} → {after} fte, {people} → {people_after} people)",
        "nl": "+0,2 fte voor {role}: een persoon erbij, in deeltijd ({fte} → {after} fte, {people} → {people_after} personen)",
    },
    "advise.kind.backup": {
        "en": "A back-up for {role}: {backup}, sharing its capacity",
        "nl": "Een vervanger voor {role}: {backup}, uit diens capaciteit",
    },
    "advise.kind.halve_rework": {
        "en": "Half the rework: from “{step}” back to “{target}” {before}% → {after}% of the cases",
        "nl": "Half zoveel herstelwerk: van “{step}” terug naar “{target}” {before}% → {after}% van de zaken",
    },
    "advise.kind.digital_handover": {
        "en": "Handover into “{step}” in {system} instead of {via}",
        "nl": "Overdracht naar “{step}” in {system} in plaats van {via}",
    },
    "advise.kind.halve_external_wait": {
        "en": "Turnaround agreement with {role}: wait before “{step}” halved (mean {before} → {after} days)",
        "nl": "Doorlooptijdafspraak met {role}: wachttijd voor “{step}” gehalveerd (gemiddeld {before} → {after} dagen)",
    },
    # -- report and command output ----------------------------------------------------------------------
    "advise.title": {"en": "What helps most", "nl": "Wat helpt het meest"},
    "advise.rank": {"en": "#", "nl": "#"},
    "advise.intervention": {"en": "Intervention", "nl": "Maatregel"},
    "advise.fte": {"en": "fte", "nl": "fte"},
    "advise.over_term": {"en": "Over term", "nl": "Over termijn"},
    "advise.over_extended": {"en": "Over term + ext.", "nl": "Over termijn + verdaging"},
    "advise.p85": {"en": "Cycle p85 (d)", "nl": "Doorlooptijd p85 (d)"},
    "advise.mean": {"en": "Cycle mean (d)", "nl": "Doorlooptijd gem. (d)"},
    "advise.change": {"en": "{before} → {after}", "nl": "{before} → {after}"},
    "advise.set": {"en": "Reproduce", "nl": "Naspelen"},
    "advise.before_line": {
        "en": "Now: {over_term} over the term, {over_extended} over term + extension, cycle time p85 {p85} d, mean {mean} d.",
        "nl": "Nu: {over_term} over de termijn, {over_extended} over termijn + verdaging, doorlooptijd p85 {p85} d, "
        "gemiddeld {mean} d.",
    },
    "advise.method": {
        "en": "{candidates:plural:# candidate|# candidates} generated from the map, each screened with a short simulation "
        "({screen:plural:# case|# cases}); of the best, {simulated:plural:# needed|# needed} a full simulation "
        "({cases:plural:# case|# cases}, seed {seed}, the same random numbers before and after; a change that "
        "touches no time keeps the figures as they are). Ranked by the share over the term, then over "
        "term + extension, p85 and mean cycle time (steps of 0.1 percentage point and 0.1 day); ties go to the "
        "lower fte. Each row is reproduced by procesmap analyse FILE with its --set assignments.",
        "nl": "{candidates:plural:# kandidaat|# kandidaten} uit de kaart afgeleid, elk eerst getoetst met een korte simulatie "
        "({screen:plural:# zaak|# zaken}); van de beste {simulated:plural:# vroeg|# vroegen} een volledige simulatie "
        "({cases:plural:# zaak|# zaken}, seed {seed}, dezelfde toevalsgetallen voor en na; een wijziging die geen "
        "tijd raakt houdt de cijfers zoals ze zijn). Gerangschikt op het "
        "aandeel over de termijn, dan over termijn + verdaging, p85 en gemiddelde doorlooptijd (stappen van "
        "0,1 procentpunt en 0,1 dag); bij gelijkspel gaat de goedkoopste in fte voor. Elke regel is na te spelen "
        "met procesmap analyse BESTAND en de --set-toewijzingen ervan.",
    },
    "advise.method_analytic": {
        "en": "{candidates:plural:# candidate|# candidates} generated from the map, each screened with the analytic queueing "
        "model (Erlang C / Allen-Cunneen per role); the best {simulated:plural:# needed|# needed} a full simulation "
        "({cases:plural:# case|# cases}, seed {seed}, the same random numbers before and after; a change that touches "
        "no time keeps the figures as they are). Ranked by the share over the term, then over term + extension, "
        "p85 and mean cycle time (steps of 0.1 percentage point and 0.1 day); ties go to the lower fte. Each row "
        "is reproduced by procesmap analyse FILE with its --set assignments.",
        "nl": "{candidates:plural:# kandidaat|# kandidaten} uit de kaart afgeleid, elk eerst getoetst met het analytische "
        "wachtrijmodel (Erlang C / Allen-Cunneen per rol); van de beste {simulated:plural:# vroeg|# vroegen} een "
        "volledige simulatie ({cases:plural:# zaak|# zaken}, seed {seed}, dezelfde toevalsgetallen voor en na; een "
        "wijziging die geen tijd raakt houdt de cijfers zoals ze zijn). Gerangschikt op het aandeel over de "
        "termijn, dan over termijn + verdaging, p85 en gemiddelde doorlooptijd (stappen van 0,1 procentpunt en "
        "0,1 dag); bij gelijkspel gaat de goedkoopste in fte voor. Elke regel is na te spelen met procesmap "
        "analyse BESTAND en de --set-toewijzingen ervan.",
    },
    "advise.none": {
        "en": "No candidate interventions: the map has no role with people, no single point of failure, no rework "
        "loop, no manual handover and no external wait.",
        "nl": "Geen kandidaat-maatregelen: de kaart heeft geen rol met people, geen single point of failure, geen "
        "herstellus, geen handmatige overdracht en geen externe wachttijd.",
    },
    "advise.nothing_helps": {
        "en": "None of the candidates improves a figure by 0.1 percentage point or 0.1 day in this model.",
        "nl": "Geen van de kandidaten verbetert een cijfer met 0,1 procentpunt of 0,1 dag in dit model.",
    },
    "advise.no_term": {
        "en": "The map has no term: the shares over the term are not computed, the ranking uses the cycle time.",
        "nl": "De kaart heeft geen termijn: de aandelen over de termijn ontbreken, de rangorde gebruikt de doorlooptijd.",
    },
    "advise.chart_title": {
        "en": "Cycle time before and after: {intervention}",
        "nl": "Doorlooptijd voor en na: {intervention}",
    },
    "advise.chart.before": {"en": "Now", "nl": "Nu"},
    "advise.chart.after": {"en": "After the best intervention", "nl": "Na de beste maatregel"},
}
