"""Catalogue entries of issue 17 outside the zaaksysteem: BPMN from other modellers, spreadsheets and logs linked
to maps (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_TOOLS: dict[str, dict[str, str]] = {
    # BPMN import
    "bpmn.unmapped.team_lane_only": {"en": "in team lane {team} but in none of its lanes: given role {role}",
                                     "nl": "staat in teambaan {team} maar in geen van de banen daarin: kreeg rol {role}"},
}
