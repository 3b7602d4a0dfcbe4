"""Terse output of ``procesmap check`` for the tools of CI: plain lines, GitHub, GitLab and SARIF.

Each formatter is a function of ``(results, problems, lang)`` -> text (after yamllint's
``Format.*``): ``results`` are :class:`~procesmap.suppress.CheckResult` (findings that count
and the suppressed ones), ``problems`` the load errors and configuration errors.
Formatters compute nothing: counts and severities come with the data.

- ``plain``: ``file:line:col: CODE message``; a load error ``file:line:col: error message``
  with its hint; a last line with the counts (suppressed included).
- ``github``: GitHub Actions workflow commands (``::warning file=...,line=...::message``),
  info as ``notice``; then the counts line.
- ``gitlab``: GitLab Code Quality (Code Climate) JSON; load errors are issues of
  ``PM000`` with severity ``blocker``; suppressed findings are left out (GitLab has no
  suppressions).
- ``sarif``: SARIF 2.1.0; load errors are results of rule ``PM000 invalid-input``;
  suppressed findings are results with ``suppressions: [{kind: inSource, justification}]``.

Paths in ``plain`` are relative to the current folder (humans in a terminal), with ``/``. ``github``,
``gitlab`` and SARIF write them relative to the top of the git repository the current folder is in (GitHub
annotations, GitLab's merge-request widget and GitHub code scanning read paths from the repository's root),
else the current folder (:func:`sarif_root`); a file outside it is an absolute path (SARIF: a ``file://`` URI).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from procesmap._version import __version__
from procesmap.render.json import finding_dict
from urllib.parse import quote

if TYPE_CHECKING:
    from procesmap.analysis import Finding
    from procesmap.errors import Problem
    from procesmap.suppress import CheckResult

__all__ = [
    "CHECK_FORMATS",
    "render_check",
    "render_plain",
    "render_github",
    "render_gitlab",
    "render_sarif",
    "summary",
    "finding_dict",
    "SARIF_SCHEMA_URI",
    "sarif_root",
    "artifact_location",
    "repository_path",
]

SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
#: SARIF wants absolute URIs for rule help: this base + the registry's docs path of the code
#: (:func:`procesmap.findings.docs_path`). The same host as the JSON Schema's ``$id`` (procesmap.nl).
DOCS_BASE_URI = "https://procesmap.nl/"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note", "off": "none"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_GITLAB_SEVERITY = {"error": "critical", "warning": "major", "info": "info"}


def path_for_ci(file: str) -> str:
    """``file`` relative to the current folder where it lies below it, with ``/`` separators."""
    path = Path(file)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            pass
    text = path.as_posix()
    return text[2:] if text.startswith("./") else text


def _sorted_findings(results: "Sequence[CheckResult]", root: Path | None = None) -> list["Finding"]:
    """The findings in the order of their written path (relative to ``root`` if given, else :func:`path_for_ci`)."""
    findings = [f for r in results for f in r.findings]

    def path(file: str) -> str:
        return repository_path(file, root) if root is not None else path_for_ci(file)

    return sorted(findings, key=lambda f: (path(f.file), f.line, f.column, f.code, f.subject))


def summary(results: "Sequence[CheckResult]", problems: "Sequence[Problem]", lang: str) -> str:
    """One line: files, findings per severity, suppressed, invalid files."""
    from procesmap.i18n import t  # lazy: the catalogue loads when a message is made

    findings = [f for r in results for f in r.findings]
    counts = {level: sum(1 for f in findings if f.severity.value == level) for level in ("error", "warning", "info")}
    suppressed = sum(len(r.suppressed) for r in results)
    invalid = len({p.file for p in problems})
    text = t(
        "check.summary",
        lang,
        # a file both analysed and invalid (the second map with a process id already used) counts once
        files=len({r.file for r in results} | {p.file for p in problems}),
        findings=len(findings),
        errors=counts["error"],
        warnings=counts["warning"],
        infos=counts["info"],
        suppressed=suppressed,
    )
    if invalid:
        text += t("check.summary_invalid", lang, invalid=invalid, problems=len(problems))
    return text


# -- plain ---------------------------------------------------------------------------------------


def render_plain(results: "Sequence[CheckResult]", problems: "Sequence[Problem]", lang: str) -> str:
    from procesmap.i18n import t  # lazy: the catalogue loads when a message is made

    lines = []
    for problem in sorted(problems, key=lambda p: (path_for_ci(p.file), p.line, p.column)):
        lines.append(
            f"{path_for_ci(problem.file)}:{problem.line}:{problem.column}: {t('label.error', lang)} "
            f"{_one_line(problem.message(lang))}"
        )
        hint = problem.hint(lang)
        if hint:
            lines.append(f"  {t('label.hint', lang)}: {_one_line(hint)}")
    for finding in _sorted_findings(results):
        lines.append(
            f"{path_for_ci(finding.file)}:{finding.line}:{finding.column}: {finding.code} "
            f"{_one_line(finding.message(lang))}"
        )
    lines.append(summary(results, problems, lang))
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


# -- GitHub Actions ------------------------------------------------------------------------------


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(results: "Sequence[CheckResult]", problems: "Sequence[Problem]", lang: str) -> str:
    from procesmap.i18n import t  # lazy: the catalogue loads when a message is made

    root = sarif_root()
    lines = []
    for problem in sorted(problems, key=lambda p: (repository_path(p.file, root), p.line, p.column)):
        message = problem.message(lang)
        hint = problem.hint(lang)
        if hint:
            message += f"\n{t('label.hint', lang)}: {hint}"
        title = f"PM000 {t('PM000.title', lang)}"  # the load error's code: the registry's PM000 invalid-input
        lines.append(
            f"::error file={_gh_property(repository_path(problem.file, root))},line={problem.line},"
            f"col={problem.column},title={_gh_property(title)}::{_gh_data(message)}"
        )
    for finding in _sorted_findings(results, root):
        level = _GITHUB_LEVEL[finding.severity.value]
        message = f"{finding.message(lang)}\n{t('label.hint', lang)}: {finding.hint(lang)}"
        title = f"{finding.code} {finding.rule}"
        lines.append(
            f"::{level} file={_gh_property(repository_path(finding.file, root))},line={finding.line},"
            f"col={finding.column},title={_gh_property(title)}::{_gh_data(message)}"
        )
    lines.append(summary(results, problems, lang))
    return "\n".join(lines) + "\n"


# -- GitLab Code Quality -------------------------------------------------------------------------


def render_gitlab(results: "Sequence[CheckResult]", problems: "Sequence[Problem]", lang: str) -> str:
    issues: list[dict[str, Any]] = []
    seen: dict[str, int] = {}

    def fingerprint(*parts: Any) -> str:
        base = "\x1f".join(str(p) for p in parts)
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:  # the same code, file and subject twice: keep fingerprints unique, stably
            base += f"\x1f{seen[base]}"
        return hashlib.sha256(base.encode("utf-8")).hexdigest()

    root = sarif_root()
    for problem in sorted(problems, key=lambda p: (repository_path(p.file, root), p.line, p.column)):
        path = repository_path(problem.file, root)
        message = problem.message(lang)
        hint = problem.hint(lang)
        issues.append(
            {
                "type": "issue",
                "check_name": "PM000",
                "description": f"{message} ({hint})" if hint else message,
                "fingerprint": fingerprint("PM000", path, problem.line, problem.column, problem.key),
                "severity": "blocker",
                "location": {"path": path, "lines": {"begin": problem.line}},
            }
        )
    for finding in _sorted_findings(results, root):
        path = repository_path(finding.file, root)
        issues.append(
            {
                "type": "issue",
                "check_name": finding.code,
                "description": f"{finding.code} {finding.message(lang)} ({finding.hint(lang)})",
                "fingerprint": fingerprint(finding.code, path, finding.subject),
                "severity": _GITLAB_SEVERITY[finding.severity.value],
                "location": {"path": path, "lines": {"begin": finding.line}},
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


# -- SARIF 2.1.0 ---------------------------------------------------------------------------------


def _rules(lang: str) -> list[dict[str, Any]]:
    """SARIF ``rules``: every code ``check`` can report, from the registry (PM6xx come from ``log compare``)."""
    from procesmap.i18n import t  # lazy: the catalogue loads when a message is made
    from procesmap.rules.registry import specs  # lazy: the rule registry loads only when rules run

    return [
        {
            "id": spec.code,
            "name": spec.name,
            "shortDescription": {"text": t(f"{spec.code}.title", lang)},
            "fullDescription": {"text": t(f"{spec.code}.summary", lang)},
            "helpUri": DOCS_BASE_URI + spec.docs,
            "help": {"text": t(f"{spec.code}.hint", lang)},
            "defaultConfiguration": {"level": _SARIF_LEVEL[spec.default_severity.value]},
        }
        for spec in specs("meta", "map", "zaaktype")
    ]


def sarif_root(folder: Path | None = None) -> Path:
    """What SARIF's ``%SRCROOT%`` stands for: the top of the git repository ``folder`` (default: the current
    folder) is in, else ``folder`` itself. GitHub code scanning reads a result's path from the repository's root,
    so ``procesmap check .`` in ``processen/`` must write ``processen/x.yaml``, not ``x.yaml``."""
    start = folder if folder is not None else Path.cwd()
    for current in (start, *start.parents):
        if (current / ".git").exists():  # a folder, or a file in a worktree or submodule
            return current
    return start


def _relative(file: str, root: Path) -> str | None:
    """``file`` relative to ``root`` with ``/`` separators (``..`` resolved, also through a link), or None when it
    lies outside it."""
    path = Path(os.path.abspath(file))
    for candidate in (path, path.resolve()):
        try:
            return candidate.relative_to(root).as_posix()
        except ValueError:
            continue
    return None


def artifact_location(file: str, root: Path) -> dict[str, Any]:
    """SARIF's ``artifactLocation`` of ``file``: a URI relative to ``%SRCROOT%`` (``root``) where the file lies in
    it (``..`` resolved; percent-encoded, ``/`` separators), else an absolute ``file://`` URI without a base."""
    relative = _relative(file, root)
    if relative is None:
        return {"uri": Path(os.path.abspath(file)).as_uri()}
    return {"uri": quote(relative, safe="/"), "uriBaseId": "%SRCROOT%"}


def repository_path(file: str, root: Path) -> str:
    """``file`` relative to ``root`` (:func:`sarif_root`) with ``/`` separators where it lies in it (``..``
    resolved), else its absolute path: the path GitHub annotations and GitLab Code Quality read from the
    repository's root. A ``../x.yaml`` would name a file outside the repository they cannot show either."""
    relative = _relative(file, root)
    return relative if relative is not None else Path(os.path.abspath(file)).as_posix()


def _folder_uri(folder: Path) -> str:
    """A folder's ``file://`` URI with the final ``/`` SARIF requires of a base (``file:///`` for ``/``)."""
    uri = folder.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _location(file: str, line: int, column: int, root: Path) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": artifact_location(file, root),
            "region": {"startLine": max(line, 1), "startColumn": max(column, 1)},
        }
    }


def render_sarif(results: "Sequence[CheckResult]", problems: "Sequence[Problem]", lang: str) -> str:
    rules = _rules(lang)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    root = sarif_root()
    out: list[dict[str, Any]] = []
    for problem in sorted(problems, key=lambda p: (path_for_ci(p.file), p.line, p.column)):
        hint = problem.hint(lang)
        text = problem.message(lang) + (f" ({hint})" if hint else "")
        out.append(
            {
                "ruleId": "PM000",
                "ruleIndex": index["PM000"],
                "level": "error",
                "message": {"text": text},
                "locations": [_location(problem.file, problem.line, problem.column, root)],
            }
        )

    def result(finding: "Finding") -> dict[str, Any]:
        return {
            "ruleId": finding.code,
            "ruleIndex": index[finding.code],
            "level": _SARIF_LEVEL[finding.severity.value],
            "message": {"text": f"{finding.message(lang)} ({finding.hint(lang)})"},
            "locations": [_location(finding.file, finding.line, finding.column, root)],
            "partialFingerprints": {
                "procesmap/v1": hashlib.sha256(
                    f"{finding.code}\x1f{artifact_location(finding.file, root)['uri']}\x1f{finding.subject}".encode(
                        "utf-8"
                    )
                ).hexdigest()
            },
            "properties": {"subject": finding.subject},
        }

    for finding in _sorted_findings(results):
        out.append(result(finding))
    suppressed = sorted(
        ((r, s) for r in results for s in r.suppressed),
        key=lambda rs: (path_for_ci(rs[1].finding.file), rs[1].finding.line, rs[1].finding.code),
    )
    for _, item in suppressed:
        entry = result(item.finding)
        suppression: dict[str, Any] = {
            "kind": "inSource",
            "status": "accepted",
            "location": _location(item.finding.file, item.line, item.column, root),
        }
        if item.reason:
            suppression["justification"] = item.reason
        entry["suppressions"] = [suppression]
        out.append(entry)
    document = {
        "$schema": SARIF_SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "procesmap",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": _folder_uri(root)}},
                "columnKind": "unicodeCodePoints",
                "results": out,
                "invocations": [{"executionSuccessful": True}],
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


CHECK_FORMATS = {"plain": render_plain, "github": render_github, "gitlab": render_gitlab, "sarif": render_sarif}


def render_check(results: "Sequence[CheckResult]", problems: "Sequence[Problem]", fmt: str, lang: str) -> str:
    """``check`` output in ``fmt`` (see :data:`CHECK_FORMATS`)."""
    return CHECK_FORMATS[fmt](results, problems, lang)


# -- the suppressed list in reports (until the report renderers show it themselves) ----------------


def suppressed_dicts(result: "CheckResult", lang: str) -> list[dict[str, Any]]:
    """The JSON report's ``suppressed`` list: each finding with the reason and place of its comment."""
    return [
        {"finding": finding_dict(s.finding, lang), "reason": s.reason, "comment": {"line": s.line, "column": s.column}}
        for s in result.suppressed
    ]


def suppressed_text(results: "Sequence[CheckResult]", lang: str, markdown: bool = False) -> str:
    """A count and a list of suppressed findings, for the terminal and Markdown reports ('' if none)."""
    from procesmap.i18n import t  # lazy: the catalogue loads when a message is made

    items = [(r, s) for r in results for s in r.suppressed]
    if not items:
        return ""
    title = t("check.suppressed_title", lang, count=len(items))
    lines = [f"## {title}" if markdown else title, ""]
    for _, item in items:
        f = item.finding
        reason = item.reason or t("check.no_reason", lang)
        place = f"{f.file}:{f.line}:{f.column}"
        if markdown:
            from procesmap.render.markdown import (  # lazy: the Markdown renderer loads only when Markdown is asked for
                md,
            )

            lines.append(f"- `{place}` **{f.code}** {md(f.message(lang))} — {t('check.reason', lang)}: {md(reason)}")
        else:
            lines.append(f"  {place} {f.code} {_one_line(f.message(lang))} ({t('check.reason', lang)}: {reason})")
    return "\n".join(lines) + "\n"
