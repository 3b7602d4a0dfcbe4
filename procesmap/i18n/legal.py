"""Messages of the legal clock (term, verdaging, late cases per year), external parties and the bottleneck marks.

Merged into :data:`procesmap.i18n.messages.MESSAGES` like the other areas.
"""

from __future__ import annotations

MESSAGES_LEGAL: dict[str, dict[str, str]] = {
    # -- the term rules (PM301, PM302) ------------------------------------------------------------
    "PM301.title": {"en": "Term exceeded", "nl": "Termijn overschreden"},
    "PM301.summary": {
        "en": "more than half of the cases exceed the term that applies to them",
        "nl": "meer dan de helft van de zaken overschrijdt de termijn die voor hen geldt",
    },
    "PM301.message": {
        "en": "more than half of the cases exceed the term that applies to them: {over_term}{over_extended}{late}",
        "nl": "meer dan de helft van de zaken overschrijdt de termijn die voor hen geldt: "
        "{over_term}{over_extended}{late}",
    },
    "PM301.detail": {
        "en": "The term that applies to a case is the term; only a case that passed a step with `extends_term: true` "
        "(the verdagingsbesluit) before its term ended has term + extension. The message gives the share over "
        "the term, the share over term + extension and the late cases per year (volume x share).",
        "nl": "De termijn die voor een zaak geldt is de termijn; alleen een zaak die een stap met `extends_term: true` "
        "(het verdagingsbesluit) passeerde voordat de termijn afliep, heeft termijn + verdaging. De melding geeft "
        "het aandeel over de termijn, het aandeel over termijn + verdaging en de te late zaken per jaar "
        "(volume x aandeel).",
    },
    "PM301.hint": {
        "en": "shorten the longest waits (see 'where cases wait') or start steps in parallel",
        "nl": "verkort de langste wachttijden (zie 'waar zaken wachten') of start stappen parallel",
    },
    "PM302.title": {"en": "Term at risk", "nl": "Termijn in gevaar"},
    "PM302.summary": {
        "en": "more than 5% (configurable) of the cases exceed the term that applies to them",
        "nl": "meer dan 5% (instelbaar) van de zaken overschrijdt de termijn die voor hen geldt",
    },
    "PM302.message": {
        "en": "more than {limit}% of the cases exceed the term that applies to them: {over_term}{over_extended}{late}",
        "nl": "meer dan {limit}% van de zaken overschrijdt de termijn die voor hen geldt: "
        "{over_term}{over_extended}{late}",
    },
    "PM302.detail": {
        "en": "The term that applies to a case is the term; only a case that passed a step with `extends_term: true` "
        "(the verdagingsbesluit) before its term ended has term + extension. From more than half of the cases "
        "PM301 reports instead. The message gives the share over the term, the share over term + extension and "
        "the late cases per year (volume x share).",
        "nl": "De termijn die voor een zaak geldt is de termijn; alleen een zaak die een stap met `extends_term: true` "
        "(het verdagingsbesluit) passeerde voordat de termijn afliep, heeft termijn + verdaging. Vanaf meer dan "
        "de helft van de zaken meldt PM301 het. De melding geeft het aandeel over de termijn, het aandeel over "
        "termijn + verdaging en de te late zaken per jaar (volume x aandeel).",
    },
    "PM302.hint": {
        "en": "look at the longest and most variable waits; monitor cases that approach the term",
        "nl": "kijk naar de langste en meest wisselende wachttijden; bewaak zaken die de termijn naderen",
    },
    "PM308.title": {"en": "Verdaging after the term", "nl": "Verdaging na de termijn"},
    "PM308.summary": {
        "en": "cases reach the verdaging step (`extends_term`) after their term has ended",
        "nl": "zaken bereiken de verdagingsstap (`extends_term`) pas na afloop van hun termijn",
    },
    "PM308.message": {
        "en": "for {share}% of the cases the verdaging at step {step} comes after the term of "
        "{term:plural:# day|# days} has ended: it is void and they are late{late}",
        "nl": "bij {share}% van de zaken komt de verdaging bij stap {step} na afloop van de termijn van "
        "{term:plural:# dag|# dagen}: die is ongeldig en de zaken zijn te laat{late}",
    },
    "PM308.per_year": {"en": " ({count} cases a year)", "nl": " ({count} zaken per jaar)"},
    "PM308.hint": {
        "en": "decide on the verdaging early, before the long waits, and send it to the applicant "
        "within the term (Awb 4:14)",
        "nl": "besluit vroeg over verdaging, vóór de lange wachttijden, en stuur het besluit binnen de "
        "termijn naar de aanvrager (Awb 4:14)",
    },
    "PM206.title": {"en": "External party with capacity", "nl": "Externe partij met capaciteit"},
    "PM206.summary": {
        "en": "an external role has people, fte, team or backup, which are ignored for external parties",
        "nl": "een externe rol heeft people, fte, team of backup, die voor externe partijen genegeerd worden",
    },
    "PM206.message": {
        "en": "role {role} is external, so its {keys} are ignored: no utilisation, single point of failure "
        "or team and organisation handover is computed for it",
        "nl": "rol {role} is extern, dus {keys} worden genegeerd: er wordt geen bezetting, kwetsbare rol "
        "of overdracht tussen teams en organisaties voor berekend",
    },
    "PM206.hint": {
        "en": "when the partner's capacity matters, model it as an organisation with a team (and drop "
        "`external`); when it does not, remove these keys",
        "nl": "als de capaciteit van de partner ertoe doet, modelleer die als organisatie met een team (en "
        "laat `external` weg); anders: haal deze sleutels weg",
    },
    # -- load marks: only where PM303/PM304 found them; "knelpunt" is the workshop's word, never used here
    "load.mark.bottleneck": {"en": "bottleneck", "nl": "bottleneck"},
    "load.mark.overloaded": {"en": "overloaded", "nl": "overbelast"},
    "load.highest": {"en": "Highest utilisation", "nl": "Hoogste bezetting"},
    "diagram.badge.overloaded": {
        "en": "overloaded: utilisation {utilisation}",
        "nl": "overbelast: bezetting {utilisation}",
    },
    "diagram.badge.highest": {"en": "highest utilisation: {utilisation}", "nl": "hoogste bezetting: {utilisation}"},
    "diagram.legend.overloaded": {"en": "overloaded (PM304)", "nl": "overbelast (PM304)"},
    "diagram.legend.external": {
        "en": "handover to or from an external party",
        "nl": "overdracht van of naar een externe partij",
    },
    "diagram.mermaid.overloaded": {"en": "overloaded {utilisation}", "nl": "overbelast {utilisation}"},
    "diagram.mermaid.highest": {"en": "highest utilisation {utilisation}", "nl": "hoogste bezetting {utilisation}"},
    # parts of the PM301/PM302 messages
    "legal.part.over_term": {
        "en": "{share}% over the term of {term:plural:# day|# days}",
        "nl": "{share}% over de termijn van {term:plural:# dag|# dagen}",
    },
    "legal.part.over_term_deferral": {
        "en": "{share}% over the term that applies ({term:plural:# day|# days}, {extended:plural:# day|# days} "
        "after a verdagingsbesluit within the term)",
        "nl": "{share}% over de termijn die geldt ({term:plural:# dag|# dagen}, {extended:plural:# dag|# dagen} "
        "na een verdagingsbesluit binnen de termijn)",
    },
    "legal.part.over_extended": {
        "en": ", {share}% over term + extension ({extended:plural:# day|# days})",
        "nl": ", {share}% over termijn + verdaging ({extended:plural:# dag|# dagen})",
    },
    "legal.part.over_extended_all": {
        "en": ", {share}% over term + extension ({extended:plural:# day|# days}) even if every case were deferred",
        "nl": ", {share}% over termijn + verdaging ({extended:plural:# dag|# dagen}), ook als elke zaak verdaagd "
        "zou worden",
    },
    "legal.part.late": {
        "en": "; {term} late cases a year over the term",
        "nl": "; {term} te late zaken per jaar over de termijn",
    },
    "legal.part.late_extended": {
        "en": "; late cases a year: {term} over the term, {extended} over term + extension",
        "nl": "; te late zaken per jaar: {term} over de termijn, {extended} over termijn + verdaging",
    },
    "legal.part.late_no_volume": {
        "en": "; late cases a year unknown (the process has no `volume`)",
        "nl": "; te late zaken per jaar onbekend (het proces heeft geen `volume`)",
    },
    # -- the report rows --------------------------------------------------------------------------
    "legal.row.over_term": {"en": "Cases over the term", "nl": "Zaken over de termijn"},
    "legal.row.over_term_deferral": {
        "en": "Cases over the term that applies (+ extension after a verdagingsbesluit)",
        "nl": "Zaken over de termijn die geldt (+ verdaging na een verdagingsbesluit)",
    },
    "legal.row.over_extended": {"en": "Cases over term + extension", "nl": "Zaken over termijn + verdaging"},
    "legal.row.over_extended_all": {
        "en": "Cases over term + extension, if every case were deferred",
        "nl": "Zaken over termijn + verdaging, als elke zaak verdaagd zou worden",
    },
    "legal.row.deferred": {
        "en": "Cases deferred (verdaging within the term)",
        "nl": "Verdaagde zaken (verdaging binnen de termijn)",
    },
    "legal.row.deferred_after_term": {
        "en": "Cases with a verdaging after the term ended",
        "nl": "Zaken met een verdaging na afloop van de termijn",
    },
    "legal.row.late_term": {
        "en": "Late cases per year, over the term",
        "nl": "Te late zaken per jaar, over de termijn",
    },
    "legal.row.late_extended": {
        "en": "Late cases per year, over term + extension",
        "nl": "Te late zaken per jaar, over termijn + verdaging",
    },
    "legal.late_short": {
        "en": "Late cases per year (term / term + extension)",
        "nl": "Te late zaken per jaar (termijn / termijn + verdaging)",
    },
    "legal.no_volume": {"en": "unknown (no volume)", "nl": "onbekend (geen volume)"},
    "missing.extends_term_no_extension": {
        "en": "verdaging: step(s) {steps} have `extends_term` but the process has no `term_extension`",
        "nl": "verdaging: stap(pen) {steps} hebben `extends_term`, maar het proces heeft geen `term_extension`",
    },
    "missing.late_per_year": {
        "en": "late cases per year: the process has no `volume`",
        "nl": "te late zaken per jaar: het proces heeft geen `volume`",
    },
    "versions.diff.late_per_year_term": {
        "en": "Late cases per year, over the term",
        "nl": "Te late zaken per jaar, over de termijn",
    },
    "versions.diff.late_per_year_extended_term": {
        "en": "Late cases per year, over term + extension",
        "nl": "Te late zaken per jaar, over termijn + verdaging",
    },
}
