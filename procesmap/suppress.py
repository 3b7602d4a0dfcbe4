"""Suppression comments in a process file, applied as a pure step after the analysis.

::

    roles:
      # procesmap: ignore[PM204] wethouder wil geen tweede behandelaar
      jurist: {people: 1}
      teamleider: {people: 1}   # procesmap: ignore[PM204, PM303] tijdelijk, tot 1 juli
    # procesmap: ignore-file[PM102] teams werken in één zaaksysteem

- ``ignore[CODES] reason`` at the end of a line suppresses findings with those codes on
  that line; on a line of its own, on the next line that is not blank or a comment.
- ``ignore-file[CODES] reason`` on a line of its own (put it at the top) suppresses those
  codes in the whole file.
- Codes are rule codes (``PM204``) or names (``single-point-of-failure``), comma-separated.

Suppressed findings are kept, with their reason, in :attr:`CheckResult.suppressed`: they
are reported as suppressed and do not count for the exit code. A suppression that
suppresses nothing (stale, a typo in the code, a rule that is off) and a ``procesmap:``
comment that is not understood are findings themselves: **PM001 unused-suppression**
(info by default), so that stale comments get cleaned up. Only real YAML comments count:
a ``#`` inside a quoted or block scalar is text, not a comment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from procesmap.config import Config
from procesmap.findings import Finding, Severity
from procesmap.rules.registry import REGISTRY, get_spec, specs
import difflib

if TYPE_CHECKING:
    from procesmap.analysis import Analysis

__all__ = ["Suppression", "SuppressedFinding", "CheckResult", "parse_suppressions", "apply_suppressions"]

_BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # the line breaks of YAML, as the loader counts lines
_DIRECTIVE = re.compile(r"#\s*procesmap\s*:\s*(?P<rest>.*)$")
_ANY_DIRECTIVE = re.compile(r"#\s*procesmap\s*:")  # a text without it has no directive on any line
_IGNORE = re.compile(r"(?P<kind>ignore-file|ignore)\s*\[(?P<codes>[^\]]*)\]\s*[-:\u2013\u2014]?\s*(?P<reason>.*)$")


@dataclass(frozen=True)
class Suppression:
    """One ``# procesmap: ignore[...]`` comment. ``target`` is the line it applies to (0: whole file)."""

    file: str
    line: int
    column: int
    codes: tuple[str, ...]
    reason: str
    target: int
    raw_codes: tuple[str, ...] = ()

    @property
    def whole_file(self) -> bool:
        return self.target == 0


@dataclass(frozen=True)
class SuppressedFinding:
    """A finding a comment suppressed, with the comment's reason and place."""

    finding: Finding
    reason: str
    line: int
    column: int


@dataclass
class CheckResult:
    """An analysis after configuration and suppression comments.

    ``analysis.findings`` holds the findings that count (PM001 included); ``suppressed`` the
    ones a comment suppressed. ``fail_on`` is the configured threshold (``None``: default).
    """

    analysis: "Analysis"
    suppressed: list[SuppressedFinding] = field(default_factory=list)
    fail_on: str | None = None
    language: str | None = None

    @property
    def findings(self) -> list[Finding]:
        return self.analysis.findings

    @property
    def file(self) -> str:
        return self.analysis.process.file


@dataclass(frozen=True)
class _Bad:
    line: int
    column: int
    key: str
    args: dict[str, Any]
    hint_key: str


def _comment_spans(text: str) -> list[tuple[int, int, int, str, bool]]:
    """``(line, column, index, comment text, alone on its line)`` of every ``procesmap:`` comment."""
    if _ANY_DIRECTIVE.search(text) is None:  # the usual case: no YAML scan of the whole file
        return []
    scalars = _scalar_spans(text)
    found = []
    offset = 0
    lines = _BREAKS.split(text)
    breaks = [m.group() for m in _BREAKS.finditer(text)]
    for number, line in enumerate(lines, start=1):
        for match in _DIRECTIVE.finditer(line):
            start = match.start()
            if start > 0 and line[start - 1] not in " \t":
                continue
            index = offset + start
            if any(a <= index < b for a, b in scalars):
                continue
            found.append((number, start + 1, index, match.group(), line[:start].strip() == ""))
            break
        offset += len(line) + (len(breaks[number - 1]) if number - 1 < len(breaks) else 0)
    return found


def _scalar_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of every scalar (a ``#`` in them is text). The file loaded, so it scans."""
    import yaml  # lazy: PyYAML loads only when YAML is read

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    spans = []
    try:
        for token in yaml.scan(text, Loader=loader):
            if isinstance(token, yaml.ScalarToken):
                spans.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        pass
    return spans


def parse_suppressions(text: str, file: str) -> tuple[list[Suppression], list[_Bad]]:
    """Every suppression comment in ``text``, and every ``procesmap:`` comment not understood."""
    lines = _BREAKS.split(text)
    suppressions: list[Suppression] = []
    bad: list[_Bad] = []
    for line, column, _, comment, alone in _comment_spans(text):
        rest = _DIRECTIVE.match(comment)["rest"]  # type: ignore[index]
        match = _IGNORE.match(rest)
        if match is None or not match["codes"].strip():
            bad.append(_Bad(line, column, "PM001.malformed", {"comment": comment.strip()}, "PM001.hint_malformed"))
            continue
        whole = match["kind"] == "ignore-file"
        if whole and not alone:
            bad.append(
                _Bad(line, column, "PM001.file_trailing", {"comment": comment.strip()}, "PM001.hint_file_trailing")
            )
            continue
        raw = tuple(c.strip() for c in match["codes"].split(",") if c.strip())
        codes = []
        for item in raw:
            spec = get_spec(item)
            codes.append(spec.code if spec else item.upper() if re.fullmatch(r"(?i)pm\d{3}", item) else item)
        target = 0 if whole else (_next_content_line(lines, line) if alone else line)
        suppressions.append(Suppression(file, line, column, tuple(codes), match["reason"].strip(), target, raw))
    return suppressions, bad


def _next_content_line(lines: list[str], line: int) -> int:
    for number in range(line + 1, len(lines) + 1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return line


def apply_suppressions(analysis: "Analysis", text: str, config: "Config | None" = None) -> CheckResult:
    """Split ``analysis.findings`` into the ones that count and the ones a comment suppressed.

    Pure: ``analysis`` is not changed; the result holds a copy whose ``findings`` are the ones
    that count, followed by a PM001 finding for every suppression that suppressed nothing.
    """
    config = config or Config()
    file = analysis.process.file
    suppressions, bad = parse_suppressions(text, file)
    used: set[tuple[int, str]] = set()
    kept: list[Finding] = []
    suppressed: list[SuppressedFinding] = []
    for finding in analysis.findings:
        hit = _matching(suppressions, finding)
        if hit is None:
            kept.append(finding)
        else:
            used.add((id(hit), finding.code))
            suppressed.append(SuppressedFinding(finding, hit.reason, hit.line, hit.column))
    level = config.severity_of("PM001")
    if level != "off":
        severity = Severity(level)
        for item in bad:
            kept.append(_meta(severity, file, item.line, item.column, item.key, item.args, item.hint_key))
        for suppression in suppressions:
            for code, raw in zip(suppression.codes, suppression.raw_codes):
                if (id(suppression), code) in used:
                    continue
                if not _known(code):
                    args = {"code": raw, "suggestion": _suggest_code(raw)}
                    key, hint = "PM001.unknown_code", "PM001.hint_unknown_code"
                else:
                    args = {"code": code}
                    key, hint = (
                        ("PM001.message_file", "PM001.hint")
                        if suppression.whole_file
                        else ("PM001.message", "PM001.hint")
                    )
                kept.append(_meta(severity, file, suppression.line, suppression.column, key, args, hint))
        kept.sort(key=lambda f: (f.line, f.column, f.code, f.subject))
    return CheckResult(replace(analysis, findings=kept), suppressed, config.fail_on, config.language)


def _matching(suppressions: list[Suppression], finding: Finding) -> Suppression | None:
    for suppression in suppressions:
        if finding.code in suppression.codes and (suppression.whole_file or suppression.target == finding.line):
            return suppression
    return None


def _known(code: str) -> bool:
    return code in REGISTRY


def _suggest_code(raw: str) -> str:
    rules = list(specs("map", "zaaktype"))
    choices = [s.code for s in rules] + [s.name for s in rules]
    found = difflib.get_close_matches(raw, choices, n=1, cutoff=0.5) or difflib.get_close_matches(
        raw.upper(), choices, n=1, cutoff=0.5
    )
    return found[0] if found else "PM204"


def _meta(
    severity: Severity, file: str, line: int, column: int, key: str, args: dict[str, Any], hint_key: str
) -> Finding:
    subject = f"ignore[{args['code']}]" if "code" in args else "comment"
    if key == "PM001.message_file":
        subject = f"ignore-file[{args['code']}]"
    return Finding("PM001", REGISTRY["PM001"].name, severity, subject, file, line, column, key, args, hint_key)
