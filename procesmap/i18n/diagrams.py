"""Catalogue entries of the diagrams commands (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_DIAGRAMS: dict[str, dict[str, str]] = {
    # -- the swimlane picture ------------------------------------------------------------------
    "diagram.subtitle.steps": {
        "en": "{steps:plural:# step|# steps}, {roles:plural:# role|# roles}",
        "nl": "{steps:plural:# stap|# stappen}, {roles:plural:# rol|# rollen}",
    },
    "diagram.subtitle.term": {
        "en": "legal term {term:plural:# day|# days}",
        "nl": "wettelijke termijn {term:plural:# dag|# dagen}",
    },
    "diagram.subtitle.cycle": {
        "en": "mean cycle time {days:plural:# day|# days}",
        "nl": "gemiddelde doorlooptijd {days:plural:# dag|# dagen}",
    },
    "diagram.subtitle.org_handovers": {
        "en": "{count:plural:# handover|# handovers} between organisations per case",
        "nl": "{count:plural:# overdracht|# overdrachten} tussen organisaties per zaak",
    },
    "diagram.external": {"en": "External parties", "nl": "Externe partijen"},
    "diagram.no_organisation": {"en": "No organisation", "nl": "Geen organisatie"},
    "diagram.no_role": {"en": "(no role)", "nl": "(geen rol)"},
    "diagram.badge.spof": {
        "en": "single point of failure: one person, no backup",
        "nl": "kwetsbaar: één persoon, geen vervanger",
    },
    "diagram.badge.bottleneck": {
        "en": "bottleneck: utilisation {utilisation}",
        "nl": "bottleneck: bezetting {utilisation}",
    },
    "diagram.amount_days": {"en": "{days} d", "nl": "{days} d"},
    "diagram.amount_hours": {"en": "{hours} h", "nl": "{hours} u"},
    "diagram.wait_per_visit": {"en": "waits {amount} a time", "nl": "wacht {amount} per keer"},
    "diagram.wait_visits": {"en": "waits {amount}/time · {visits}×/case", "nl": "wacht {amount}/keer · {visits}×/zaak"},
    "diagram.legend.start": {"en": "start", "nl": "start"},
    "diagram.legend.task": {"en": "task", "nl": "taak"},
    "diagram.legend.decision": {"en": "decision", "nl": "beslissing"},
    "diagram.legend.parallel": {"en": "parallel / join", "nl": "parallel / samenvoegen"},
    "diagram.legend.wait": {"en": "wait", "nl": "wachten"},
    "diagram.legend.end": {"en": "end", "nl": "einde"},
    "diagram.legend.flow": {"en": "flow (branch: probability · condition)", "nl": "stroom (tak: kans · voorwaarde)"},
    "diagram.legend.team": {"en": "handover to another team", "nl": "overdracht naar ander team"},
    "diagram.legend.organisation": {
        "en": "handover to another organisation (\u201cover the wall\u201d)",
        "nl": "overdracht naar andere organisatie (\u201cover de schutting\u201d)",
    },
    "diagram.legend.manual": {"en": "handover outside the case system", "nl": "overdracht buiten het zaaksysteem"},
    "diagram.legend.rework": {"en": "rework loop", "nl": "herstellus (terug in het proces)"},
    "diagram.legend.wait_bar": {
        "en": "bar: wait per case (longest full); text: wait each time a case comes, times per case",
        "nl": "balk: wachttijd per zaak (langste vol); tekst: wachttijd per keer, keren per zaak",
    },
    "diagram.legend.badge_finding": {
        "en": "finding about a step or role (numbered, see the key)",
        "nl": "bevinding bij een stap of rol (genummerd, zie de lijst)",
    },
    "diagram.legend.badge_issue": {
        "en": "issue (knelpunt) from the workshop (see the key)",
        "nl": "knelpunt uit de workshop (zie de lijst)",
    },
    "diagram.page": {"en": "page {number} of {count}", "nl": "deel {number} van {count}"},
    "diagram.html.zoom_in": {"en": "Enlarge (scroll sideways)", "nl": "Vergroten (schuif opzij)"},
    "diagram.html.zoom_out": {"en": "Fit to the page", "nl": "Passend maken"},
    "diagram.key.findings": {"en": "Findings about steps", "nl": "Bevindingen bij stappen"},
    "diagram.key.group": {"en": "{text}, at {count} steps: {steps}", "nl": "{text}, bij {count} stappen: {steps}"},
    "diagram.key.more": {"en": "and {count} more", "nl": "en {count} meer"},
    "diagram.subtitle.thinned": {
        "en": "{shown} of {total} arrows drawn, the most frequent; {hidden} rare ones left out ({share} of the flow)",
        "nl": "{shown} van {total} pijlen getekend, de vaakste; {hidden} zeldzame weggelaten ({share} van de doorstroom)",
    },
    "diagram.overview.subtitle": {
        "en": "per organisation · {per_case} handovers per case between the organisations and external parties",
        "nl": "per organisatie · {per_case} overdrachten per zaak tussen de organisaties en externe partijen",
    },
    "diagram.overview.box": {
        "en": "{steps:plural:# step|# steps} · {roles:plural:# role|# roles}",
        "nl": "{steps:plural:# stap|# stappen} · {roles:plural:# rol|# rollen}",
    },
    "diagram.overview.arrow": {
        "en": "{per_case}× per case · {transitions:plural:# transition|# transitions}",
        "nl": "{per_case}× per zaak · {transitions:plural:# overgang|# overgangen}",
    },
    "diagram.overview.note": {
        "en": "Each box is an organisation (or the external parties) with its steps and roles; an arrow says how often a "
        "case goes from one to the other on average (per case) and over how many transitions of the map. Forward "
        "above the row, back below it.",
        "nl": "Elk blok is een organisatie (of de externe partijen) met haar stappen en rollen; een pijl zegt hoe vaak "
        "een zaak gemiddeld van de ene naar de andere gaat (per zaak) en via hoeveel overgangen in de kaart. Vooruit "
        "boven de rij, terug eronder.",
    },
    "cli.diagram.organisations_format": {
        "en": "--organisations draws a picture (png, svg, pdf), not {format}",
        "nl": "--organisations tekent een plaat (png, svg, pdf), geen {format}",
    },
    "hint.cli.diagram.organisations_format": {
        "en": "use --format png, svg or pdf with --organisations",
        "nl": "gebruik --format png, svg of pdf met --organisations",
    },
    "cli.diagram.one_organisation": {
        "en": "{path} has one organisation: --organisations draws two or more as boxes",
        "nl": "{path} heeft één organisatie: --organisations tekent er twee of meer als blokken",
    },
    "hint.cli.diagram.one_organisation": {
        "en": "draw the swimlane without --organisations",
        "nl": "teken de zwembaanplaat zonder --organisations",
    },
    "diagram.key.roles": {
        "en": "Findings about roles (marks on the lanes)",
        "nl": "Bevindingen bij rollen (op de zwembanen)",
    },
    "diagram.key.issues": {"en": "Issues from the workshop (knelpunten)", "nl": "Knelpunten uit de workshop"},
    "diagram.legend.spof": {"en": "single point of failure", "nl": "kwetsbare rol (één persoon, geen vervanger)"},
    "diagram.legend.bottleneck": {"en": "bottleneck (PM303)", "nl": "bottleneck (PM303)"},
    # -- mermaid -----------------------------------------------------------------------------
    "diagram.mermaid.wait": {"en": "waits {days} d per case", "nl": "wacht {days} d per zaak"},
    "diagram.mermaid.wait_hours": {"en": "waits {hours} h per case", "nl": "wacht {hours} u per zaak"},
    "diagram.mermaid.spof": {"en": "single point of failure", "nl": "kwetsbaar"},
    "diagram.mermaid.bottleneck": {"en": "bottleneck {utilisation}", "nl": "bottleneck {utilisation}"},
    # -- the command -------------------------------------------------------------------------
    "cli.diagram.suffix_mismatch": {
        "en": "--format {format} does not match the suffix of {path}",
        "nl": "--format {format} past niet bij de extensie van {path}",
    },
    "hint.cli.diagram.suffix_mismatch": {
        "en": "leave out --format to take it from the suffix, or change the file name",
        "nl": "laat --format weg om het uit de extensie te halen, of pas de bestandsnaam aan",
    },
    "cli.diagram.pages_format": {
        "en": "--pages splits a swimlane picture (png, svg, pdf), not {format}",
        "nl": "--pages deelt een zwembaanplaat op (png, svg, pdf), geen {format}",
    },
    "hint.cli.diagram.pages_format": {
        "en": "use --format png, svg or pdf with --pages",
        "nl": "gebruik --format png, svg of pdf met --pages",
    },
    "cli.diagram.written": {"en": "diagram written to {path}", "nl": "diagram geschreven naar {path}"},
}
