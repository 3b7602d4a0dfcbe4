"""User text made safe to show: control characters replaced (issue #19).

A map's YAML may write any character with an escape (``"\\e]0;title\\a"``), and an event log may hold
anything. In a terminal an ESC sequence sets the window title, clears the screen or forges a link;
in Markdown it survives into whatever shows the file. Text is cleaned where it enters procesmap (the map
loader, the event-log readers, the roles file), so every output (terminal, Markdown, JSON, HTML, PDF,
diagrams, BPMN) shows it the same way: each C0 control character but tab, line feed and carriage
return, DEL and each C1 control character becomes U+FFFD (an id with one is then refused as an id).
"""

from __future__ import annotations

import re

__all__ = ["CONTROL", "CONTROL_PATTERN", "REPLACEMENT", "strip_control"]

#: the characters replaced: C0 controls except TAB, LF, CR; DEL; C1 controls (0x80-0x9f, e.g. CSI 0x9b)
CONTROL_PATTERN = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]"
CONTROL = re.compile(CONTROL_PATTERN)
REPLACEMENT = "\ufffd"


def strip_control(text: str) -> str:
    """``text`` with every control character (see the module) replaced by U+FFFD."""
    return CONTROL.sub(REPLACEMENT, text) if CONTROL.search(text) else text
