"""Findings are data: a code, a rule name, a severity, a subject, a place and a message key.

Rules never write sentences; renderers turn ``message_key``/``args`` into
Dutch or English through the catalogue.

The lowest layer of the package (a leaf): every other module may import it, it imports
no module of procesmap at load time. Only :meth:`Finding.message`, :meth:`Finding.hint` and
:meth:`Missing.text` reach the message catalogue (:mod:`procesmap.i18n`, itself a leaf), when called.
Where a code's documentation lives is decided here, once: :func:`docs_path`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Severity", "Finding", "Missing", "docs_path", "META_DOCS"]

#: The codes about procesmap's own input (no rule module): their docs are sections of docs/ci.md.
META_DOCS = "docs/ci.md"


def docs_path(code: str, name: str) -> str:
    """The docs page of a code, relative to the repository root: the one place docs links are built.

    ``PM000``/``PM001`` (about the input): a section of ``docs/ci.md``; ``PM6xx`` (``log compare``):
    ``docs/rules/log/<CODE>-<name>.md``; every other rule: ``docs/rules/<CODE>-<name>.md``.
    """
    if code in ("PM000", "PM001"):
        return f"{META_DOCS}#{code.lower()}-{name}"
    if code.startswith("PM6"):
        return f"docs/rules/log/{code}-{name}.md"
    return f"docs/rules/{code}-{name}.md"


class Severity(str, enum.Enum):
    """Ordered: ``info`` < ``warning`` < ``error``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]

    def __ge__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank

    def __gt__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __le__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __lt__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank


@dataclass(frozen=True)
class Finding:
    """One finding of one rule about one subject (a step, role, transition, knelpunt or the process)."""

    code: str
    rule: str
    severity: Severity
    subject: str
    file: str
    line: int
    column: int
    message_key: str
    args: dict[str, Any] = field(default_factory=dict)
    hint_key: str | None = None

    @property
    def docs_url(self) -> str:
        return docs_path(self.code, self.rule)

    def message(self, lang: str = "en") -> str:
        from procesmap.i18n import t  # the catalogue loads when a message is made: this leaf imports nothing

        return t(self.message_key, lang, **self.args)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The finding as in every JSON output's ``findings`` list (report, check, diff, overview)."""
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "subject": self.subject,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message(lang),
            "hint": self.hint(lang),
            "docs": self.docs_url,
        }

    def hint(self, lang: str = "en") -> str:
        from procesmap.i18n import t  # the catalogue loads when a message is made: this leaf imports nothing

        return t(self.hint_key or f"{self.code}.hint", lang, **self.args)


@dataclass(frozen=True)
class Missing:
    """A figure that could not be computed, and why (a catalogue key with arguments)."""

    key: str
    args: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        from procesmap.i18n import t  # the catalogue loads when a message is made: this leaf imports nothing

        return t(self.key, lang, **self.args)
