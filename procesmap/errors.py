"""Errors a user can see, and the one shape they all have.

::

    ProcessmapError            anything procesmap reports to a user (exit code 2)
    └── LoadError              a file could not be read or is invalid; holds Problems
    └── UsageError             a command line or API call that cannot be carried out

Every problem carries ``file:line:column``, a message and a hint, so that the
person who wrote the YAML in a workshop can fix it without reading Python.
Messages are catalogue keys with arguments; :meth:`Problem.format` and
:meth:`UsageError.format` turn them into Dutch or English (:mod:`procesmap.i18n`,
loaded when a message is formatted, not when the CLI starts). What a library or the
operating system said is put into a message by :mod:`procesmap.reasons`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Problem", "ProcessmapError", "LoadError", "UsageError"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, at a place in it (1-based line and column)."""

    file: str
    line: int
    column: int
    key: str
    args: dict[str, Any] = field(default_factory=dict)
    hint_key: str | None = None
    hint_args: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        from procesmap.i18n import t  # lazy: the catalogue loads when a message is made

        return t(self.key, lang, **self.args)

    def hint(self, lang: str = "en") -> str | None:
        from procesmap.i18n import t  # lazy: the catalogue loads when a message is made

        if self.hint_key is None:
            return None
        return t(self.hint_key, lang, **self.hint_args)

    def format(self, lang: str = "en") -> str:
        """``file:line:column: message`` and, on the next line, the hint."""
        from procesmap.i18n import t  # lazy: the catalogue loads when a message is made

        # one line each, as `check` prints them: a quoted key or value with a line break or tab in it
        # (`"Regel een\r\nregel twee": 1`) must not split the `file:line:column: message` line
        text = f"{self.file}:{self.line}:{self.column}: {' '.join(self.message(lang).split())}"
        hint = self.hint(lang)
        if hint:
            text += f"\n  {t('label.hint', lang)}: {' '.join(hint.split())}"
        return text


class ProcessmapError(Exception):
    """Base of every error procesmap reports to a user."""

    exit_code = 2


class LoadError(ProcessmapError):
    """A process file could not be read or is invalid. ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column))
        super().__init__(self.format("en"))

    @classmethod
    def single(
        cls,
        file: str,
        line: int,
        column: int,
        key: str,
        args: dict[str, Any] | None = None,
        hint_key: str | None = None,
        hint_args: dict[str, Any] | None = None,
    ) -> "LoadError":
        """A LoadError of one :class:`Problem`, with the same arguments:
        ``LoadError.single(file, 1, 1, "load.missing", {"path": file}, "config.hint.missing")``."""
        return cls(
            [
                Problem(
                    file,
                    line,
                    column,
                    key,
                    {} if args is None else args,
                    hint_key,
                    {} if hint_args is None else hint_args,
                )
            ]
        )

    def format(self, lang: str = "en") -> str:
        return "\n".join(p.format(lang) for p in self.problems)


class UsageError(ProcessmapError):
    """A request that cannot be carried out (a bad option, a missing rule code)."""

    def __init__(self, key: str, hint_key: str | None = None, **args: Any):
        self.key = key
        self.hint_key = hint_key
        self.args_ = args
        super().__init__(self.format("en"))

    def format(self, lang: str = "en") -> str:
        from procesmap.i18n import t  # lazy: the catalogue loads when a message is made

        text = t(self.key, lang, **self.args_)
        if self.hint_key:
            text += f"\n  {t('label.hint', lang)}: {t(self.hint_key, lang, **self.args_)}"
        return text
