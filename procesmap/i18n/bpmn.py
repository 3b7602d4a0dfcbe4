"""Catalogue entries of the bpmn commands (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_BPMN: dict[str, dict[str, str]] = {}
