"""Catalogue entries of the eventlog commands (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_EVENTLOG: dict[str, dict[str, str]] = {}
