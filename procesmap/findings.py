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
from typing import Any, Iterable

__all__ = ["Severity", "Finding", "Missing", "docs_path", "META_DOCS", "MAX_LISTED", "listing", "listed_in_full"]

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
    #: Plain data beside the message, in JSON as ``data`` when not empty: the whole list of ids where the
    #: message names only the first ones (:func:`listing`)
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def docs_url(self) -> str:
        return docs_path(self.code, self.rule)

    def message(self, lang: str = "en") -> str:
        from procesmap.i18n import t  # lazy: the catalogue loads when a message is made: this leaf imports nothing

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
            **({"data": self.data} if self.data else {}),
        }

    def hint(self, lang: str = "en") -> str:
        from procesmap.i18n import t  # lazy: the catalogue loads when a message is made: this leaf imports nothing

        return t(self.hint_key or f"{self.code}.hint", lang, **self.args)


@dataclass(frozen=True)
class Missing:
    """A figure that could not be computed, and why (a catalogue key with arguments)."""

    key: str
    args: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        from procesmap.i18n import t  # lazy: the catalogue loads when a message is made: this leaf imports nothing

        return t(self.key, lang, **self.args)


# -- lists of ids in a message, bounded (issue #19) ------------------------------------------------------
#
# A finding or a "could not be computed" line that names every step of a 20,000-step chain is a message of
# 200 kB in every output (terminal, Markdown, HTML, PDF, SARIF). ``listing`` writes the first MAX_LISTED ids,
# then "and N more" ("en nog N") in the language of the text around it (a procesmap.i18n.Message);
# ``listed_in_full`` gives the whole list for the JSON ``data`` of a finding, only when the message was cut
# (so the JSON of a map with short lists stays as it was).

#: How many ids a message lists before "and N more" (docs/format.md, limits of the work).
MAX_LISTED = 10


def listing(items: Iterable[str], limit: int | None = None) -> str:
    """``"a, b, c"``, or the first ``limit`` ids and "and N more" as a message in the reader's language."""
    from procesmap.i18n import (  # lazy: the catalogue loads when a message is made: this leaf imports nothing
        Count,
        Message,
    )

    cap = MAX_LISTED if limit is None else limit
    shown: list[str] = []
    more = 0
    for item in items:
        if len(shown) < cap:
            shown.append(item)
        else:
            more += 1
    text = ", ".join(shown)
    if not more:
        return text
    return Message("bounds.list_more", items=text, more=Count(more))


def listed_in_full(name: str, items: list[str], limit: int | None = None) -> dict[str, list[str]]:
    """``{name: items}`` when :func:`listing` cuts ``items``, else ``{}`` (for a finding's JSON ``data``)."""
    cap = MAX_LISTED if limit is None else limit
    return {name: list(items)} if len(items) > cap else {}
