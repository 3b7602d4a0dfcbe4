"""README.md and every page under docs/ link only to files inside the repository, and every link resolves.

A clone alone (without ../shared beside it) must have everything its documentation points to:
a relative link that leaves the repository, or names a file or heading that is not there, fails.
Web addresses (https://...) are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest

from .conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
# [text](target) and ![alt](target); a target may be wrapped in <...>; an optional "title" follows
LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*$", re.MULTILINE)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
CODE = re.compile(r"`[^`\n]*`")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _links(text: str) -> list[str]:
    prose = CODE.sub("", FENCE.sub("", text))
    return LINK.findall(prose) + REFERENCE.findall(prose)


def _slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, markup and punctuation dropped, spaces to hyphens."""
    text = re.sub(r"`|\*\*|__", "", heading.strip()).lower()
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    kept = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN")
    return kept.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = FENCE.sub("", page.read_text(encoding="utf-8"))
    seen: dict[str, int] = {}
    anchors = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*\s*$", text, re.MULTILINE):
        slug = _slug(heading)
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.add(slug if count == 0 else f"{slug}-{count}")
    return anchors


def _problems(page: Path, text: str | None = None) -> list[str]:
    problems = []
    for target in _links(page.read_text(encoding="utf-8") if text is None else text):
        if SCHEME.match(target):
            continue  # a web address, not a file
        path_part, _, fragment = target.partition("#")
        resolved = (page.parent / unquote(path_part)).resolve() if path_part else page.resolve()
        if resolved != ROOT.resolve() and ROOT.resolve() not in resolved.parents:
            problems.append(f"{target}: outside the repository ({resolved})")
            continue
        if not resolved.exists():
            problems.append(f"{target}: no such file ({resolved.relative_to(ROOT.resolve())})")
            continue
        if fragment and resolved.suffix == ".md" and fragment not in _anchors(resolved):
            problems.append(f"{target}: no heading #{fragment} in {resolved.name}")
    return problems


def test_pages_are_found() -> None:
    names = {p.relative_to(ROOT).as_posix() for p in PAGES}
    assert {"README.md", "docs/format.md", "docs/rules/README.md"} <= names


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_resolves_inside_the_repository(page: Path) -> None:
    assert _problems(page) == []


def test_the_checker_catches_bad_links() -> None:
    """The check itself can fail: a link out of the repository, a missing file and a missing heading."""
    text = (
        "[a](../../shared/FORMAT.md) [b](nope.md) [c](format.md#no-such-heading) [d](rules/README.md) "
        "[e](https://example.org/x.md) `[f](ignored.md)` [g](#the-figures) ![h](../examples/)\n"
        "```\n[i](fenced.md)\n```\n"
    )
    problems = _problems(ROOT / "docs" / "format.md", text)
    assert len(problems) == 3, problems
    assert "outside the repository" in problems[0] and "no such file" in problems[1]
    assert "no heading #no-such-heading" in problems[2]


def test_slugs_follow_github() -> None:
    assert _slug("Knelpunten (`issues`)") == "knelpunten-issues"
    assert _slug("Calendar, volume and capacity") == "calendar-volume-and-capacity"
    assert _slug("## `procesmap fmt PATH... [--check]`".lstrip("# ")) == "procesmap-fmt-path---check"
