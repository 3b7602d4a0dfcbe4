"""Catalogue entries of the diagrams commands (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_DIAGRAMS: dict[str, dict[str, str]] = {
    # -- the swimlane picture ------------------------------------------------------------------
    "diagram.subtitle.steps": {"en": "{steps} steps, {roles} roles", "nl": "{steps} stappen, {roles} rollen"},
    "diagram.subtitle.term": {"en": "legal term {term} days", "nl": "wettelijke termijn {term} dagen"},
    "diagram.subtitle.cycle": {"en": "mean cycle time {days} days", "nl": "gemiddelde doorlooptijd {days} dagen"},
    "diagram.subtitle.org_handovers": {"en": "{count} handovers between organisations per case",
                                       "nl": "{count} overdrachten tussen organisaties per zaak"},
    "diagram.external": {"en": "External parties", "nl": "Externe partijen"},
    "diagram.no_organisation": {"en": "No organisation", "nl": "Geen organisatie"},
    "diagram.no_role": {"en": "(no role)", "nl": "(geen rol)"},
    "diagram.badge.spof": {"en": "single point of failure: one person, no backup",
                           "nl": "kwetsbaar: één persoon, geen vervanger"},
    "diagram.badge.bottleneck": {"en": "bottleneck: utilisation {utilisation}",
                                 "nl": "knelpunt: bezetting {utilisation}"},
    "diagram.wait": {"en": "waits {days} d ({share})", "nl": "wacht {days} d ({share})"},
    "diagram.wait_hours": {"en": "waits {hours} h ({share})", "nl": "wacht {hours} u ({share})"},
    "diagram.legend.start": {"en": "start", "nl": "start"},
    "diagram.legend.task": {"en": "task", "nl": "taak"},
    "diagram.legend.decision": {"en": "decision", "nl": "beslissing"},
    "diagram.legend.parallel": {"en": "parallel / join", "nl": "parallel / samenvoegen"},
    "diagram.legend.wait": {"en": "wait", "nl": "wachten"},
    "diagram.legend.end": {"en": "end", "nl": "einde"},
    "diagram.legend.flow": {"en": "flow (branch: probability · condition)",
                            "nl": "stroom (tak: kans · voorwaarde)"},
    "diagram.legend.team": {"en": "handover to another team", "nl": "overdracht naar ander team"},
    "diagram.legend.organisation": {"en": "handover to another organisation (\u201cover the wall\u201d)",
                                    "nl": "overdracht naar andere organisatie (\u201cover de schutting\u201d)"},
    "diagram.legend.manual": {"en": "handover outside the case system", "nl": "overdracht buiten het zaaksysteem"},
    "diagram.legend.rework": {"en": "rework loop", "nl": "herstellus (terug in het proces)"},
    "diagram.legend.wait_bar": {"en": "wait per case in days (share of cycle time)",
                                "nl": "wachttijd per zaak in dagen (aandeel in doorlooptijd)"},
    "diagram.legend.spof": {"en": "single point of failure", "nl": "kwetsbare rol (één persoon, geen vervanger)"},
    "diagram.legend.bottleneck": {"en": "bottleneck (highest utilisation)", "nl": "knelpunt (hoogste bezetting)"},
    # -- mermaid -----------------------------------------------------------------------------
    "diagram.mermaid.wait": {"en": "waits {days} d", "nl": "wacht {days} d"},
    "diagram.mermaid.wait_hours": {"en": "waits {hours} h", "nl": "wacht {hours} u"},
    "diagram.mermaid.spof": {"en": "single point of failure", "nl": "kwetsbaar"},
    "diagram.mermaid.bottleneck": {"en": "bottleneck {utilisation}", "nl": "knelpunt {utilisation}"},
    # -- the command -------------------------------------------------------------------------
    "cli.diagram.suffix_mismatch": {"en": "--format {format} does not match the suffix of {path}",
                                    "nl": "--format {format} past niet bij de extensie van {path}"},
    "hint.cli.diagram.suffix_mismatch": {"en": "leave out --format to take it from the suffix, or change the file name",
                                         "nl": "laat --format weg om het uit de extensie te halen, of pas de bestandsnaam aan"},
    "cli.diagram.written": {"en": "diagram written to {path}", "nl": "diagram geschreven naar {path}"},
}
