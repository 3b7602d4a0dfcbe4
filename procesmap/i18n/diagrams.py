"""Catalogue entries of the diagrams commands (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_DIAGRAMS: dict[str, dict[str, str]] = {}
