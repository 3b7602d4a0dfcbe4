"""The problems found while one file is read, collected so that a file reports all of them at once."""

from __future__ import annotations

from typing import Any

from procesmap.errors import LoadError, Problem

__all__ = ["Collector"]


class Collector:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, mark: tuple[int, int], key: str, hint_key: str | None = None, /, **args: Any) -> None:
        # positional-only: a message argument may itself be called ``key`` (duplicate keys)
        hint_args = dict(args)
        self.problems.append(Problem(self.file, mark[0], mark[1], key, args, hint_key, hint_args))

    def fail(self) -> LoadError:
        return LoadError(self.problems)
