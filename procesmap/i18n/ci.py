"""Catalogue entries of the ci commands (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_CI: dict[str, dict[str, str]] = {}
