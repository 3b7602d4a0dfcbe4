"""The HTML report: golden files, structure, escaping of hostile names, self-containment, the CLI.

The browser checks (console, requests, dialogs, printing) are in test_reports_html_browser.py.
Golden files under tests/golden/reports/ hold the page with every inline SVG replaced by a
marker (the pictures' own bytes depend on the diagram module), and with the
file version fixed (it depends on git).
"""

from __future__ import annotations

import functools
import os
import re
from html import escape as html_escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

import procesmap
from procesmap.render import _document
from procesmap.render._document import FileVersion, file_version, file_versions
from procesmap.render.html import inline_svg, render_html

from .conftest import GOLDEN, ROOT, bundled, check_golden, git

HOSTILE_TEXTS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg onload=alert(1)>",
    "</td></tr></table><script>alert(2)</script>",
    "{{ 7*7 }} {% raw %}",
    "&amp; ë é € ĳ",
]

HOSTILE_MAP = """\
procesmap: 1
id: hostile
name: "<script>alert(1)</script>"
owner: chef
language: nl
term: 2w
volume: 100/year
organisations:
  org: {name: "\\"><img src=x onerror=alert(1)>"}
teams:
  t1: {name: "<svg onload=alert(1)>", organisation: org}
roles:
  chef: {name: "<svg onload=alert(1)>", team: t1, people: 1}
  doer: {name: "\\"><img src=x onerror=alert(1)>", team: t1, people: 2}
  klant: {name: "</td></tr></table><script>alert(2)</script>", external: true}
systems:
  mail: {name: "<a href=http://example.com>mail</a>", kind: manual}
steps:
  - id: start
    name: "<script>alert(1)</script>"
    type: start
    role: doer
    work: 1h
    wait: 1d
    next: check
  - id: check
    name: "\\"><img src=x onerror=alert(1)>"
    type: decision
    role: chef
    work: 30m
    wait: 2d
    via: mail
    next:
      - {to: klant-vult-aan, p: 0.4, when: "<b>onvolledig</b>"}
      - {to: klaar, p: 0.6}
  - id: klant-vult-aan
    name: "{{ 7*7 }} {% raw %}"
    role: klant
    wait: {min: 1d, mode: 3d, max: 9d}
    suspends_term: true
    next: check
  - id: klaar
    name: "&amp; ë é € ĳ"
    type: end
    role: chef
    work: 15m
issues:
  - id: k1
    step: start
    text: "</td></tr></table><script>alert(2)</script>"
    level: operational
    action: stop
    solution: "<iframe src=http://example.com></iframe>"
  - id: k2
    text: "<script>alert(1)</script>"
    level: strategic
    action: start
  - id: k3
    text: "geen niveau"
"""


def hostile_analysis(tmp_path: Path) -> "procesmap.Analysis":
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE_MAP, encoding="utf-8")
    return procesmap.analyse(procesmap.load(path))


@pytest.fixture
def fixed_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_document, "file_versions", lambda paths: [FileVersion("0000000", "2024-01-31") for _ in paths])


@functools.lru_cache(maxsize=None)
def bundled_report(stem: str, lang: str) -> tuple["procesmap.Analysis", str]:
    """The analysis and HTML report of a bundled map (file version fixed), made once for all tests."""
    analysis = procesmap.analyse(procesmap.load(ROOT / "processes" / f"{stem}.yaml"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_document, "file_versions", lambda paths: [FileVersion("0000000", "2024-01-31") for _ in paths])
        return analysis, render_html([analysis], lang)


def _skeleton(html: str) -> str:
    """The page without the bytes of its pictures: every inline SVG (and the swimlane slot) as a marker."""
    html = re.sub(r"<svg\b.*?</svg>", "<svg/>", html, flags=re.S)
    return re.sub(
        r'<figure class="diagram wide">.*?</figure>|<p class="note missing-picture">.*?</p>',
        "<!-- swimlane -->",
        html,
        flags=re.S,
    )


class _Collector(HTMLParser):
    """Tags, attributes and text of a page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.ids += [v for k, v in attrs if k == "id" and v]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("file", bundled(), ids=lambda p: p.stem)
def test_html_golden(file: Path, lang: str, in_root: Path) -> None:
    text = _skeleton(bundled_report(file.stem, lang)[1].replace(str(ROOT / "processes"), "processes"))
    path = GOLDEN / "reports" / f"{file.stem}.{lang}.html"
    check_golden(path, text)


@pytest.mark.parametrize("file", bundled(), ids=lambda p: p.stem)
def test_html_structure(file: Path, in_root: Path) -> None:
    analysis, html = bundled_report(file.stem, "nl")
    page = _parse(html)
    text = " ".join(" ".join(page.text).split())
    tags = [tag for tag, _ in page.tags]
    # self-contained: no script, no external resource of any kind
    assert "script" not in tags and "link" not in tags and "iframe" not in tags and "img" not in tags
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "xlink:href", "src"):
                assert value and value.startswith("#"), (tag, name, value)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert len(page.ids) == len(set(page.ids)), "ids must be unique across the page and its pictures"
    # every section, with its heading from the catalogue
    for key in (
        "report.findings",
        "report.steps",
        "report.handovers",
        "report.ownership",
        "report.time",
        "report.waits",
        "report.capacity",
        "report.knelpunten",
        "report.missing",
        "report.swimlane",
    ):
        assert procesmap.i18n.t(key, "nl") in text, key
    # every step name, every finding code, the RACI legend
    for step in analysis.process.steps:
        assert " ".join(step.label.split()) in text
    for finding in analysis.findings:
        assert finding.code in text
    assert procesmap.i18n.t("report.raci_legend", "nl") in text
    # charts, inline: waits, utilisation and cycle time where there are figures
    charts = html.count('<figure class="chart">')
    expected = (
        (1 if analysis.time.waits else 0)
        + (1 if any(l.utilisation is not None for l in analysis.capacity.roles.values()) else 0)
        + (1 if analysis.time.cycle_samples is not None else 0)
    )
    assert charts == expected


def test_html_raci_matrix_cells(in_root: Path) -> None:
    analysis = procesmap.analyse(procesmap.load("processes/omgevingsvergunning.yaml"))
    html = render_html([analysis], "en")
    table = re.search(r'<table class="data raci">(.*?)</table>', html, re.S)
    assert table is not None
    rows = re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)
    assert len(rows) == 1 + len(analysis.ownership.raci)  # header + one row per step with a RACI
    first_step = next(iter(analysis.ownership.raci))
    cells = re.findall(r"<td[^>]*>(.*?)</td>", rows[1], re.S)
    from procesmap.render._labels import Labels

    lb = Labels(analysis, "en")
    assert cells == [lb.raci_cell(first_step, r) for r in lb.raci_roles()]


def test_html_knelpunten_grouped_by_level_and_action(tmp_path: Path) -> None:
    analysis = hostile_analysis(tmp_path)
    html = render_html([analysis], "en")
    order = [m.group(1) for m in re.finditer(r'<section class="" aria-labelledby="[^"]*-knelpunten-(\w+)"', html)]
    assert order == ["operational", "strategic", "none"]
    assert "Operational (1)" in html and "Strategic (1)" in html and "Level not given (1)" in html
    ops = html.split('id="p1-hostile-knelpunten-operational"')[1].split("</table>")[0]
    assert '<th scope="row">stop</th>' in ops


def test_html_escapes_hostile_names(tmp_path: Path) -> None:
    analysis = hostile_analysis(tmp_path)
    for lang in ("nl", "en"):
        html = render_html([analysis], lang)
        page = _parse(html)
        tags = [tag for tag, _ in page.tags]
        assert "script" not in tags and "img" not in tags and "iframe" not in tags and "b" not in tags
        assert all(not name.startswith("on") for _, attrs in page.tags for name in attrs)
        assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        text = " ".join(page.text)
        for hostile in HOSTILE_TEXTS:
            assert hostile in text, hostile  # shown as text, exactly as typed
        assert "49" not in text.split("{{ 7*7 }}")[0][-5:]  # no template evaluation of user text


def test_html_in_english_and_dutch_numbers(in_root: Path) -> None:
    analysis = procesmap.analyse(procesmap.load("processes/omgevingsvergunning.yaml"))
    nl = render_html([analysis], "nl")
    en = render_html([analysis], "en")
    assert '<html lang="nl">' in nl and '<html lang="en">' in en
    mean = analysis.time.cycle_time["mean"]
    assert procesmap.i18n.number(mean, "nl") in nl and "," in procesmap.i18n.number(mean, "nl")
    assert procesmap.i18n.number(mean, "en") in en
    assert "Bevindingen" in nl and "Findings" in en


def test_html_several_processes_have_an_overview(in_root: Path) -> None:
    analyses = [procesmap.analyse(procesmap.load(p)) for p in bundled()]
    html = render_html(analyses, "nl")
    page = _parse(html)
    assert len(page.ids) == len(set(page.ids))
    overview = html.split('<section class="overview"')[1].split("</section>")[0]
    rows = re.findall(r"<tr[^>]*>", overview.split("<tbody>")[1])
    assert len(rows) == len(analyses)
    body = overview.split("<tbody>")[1]
    for analysis in analyses:
        name = html_escape(analysis.process.name or analysis.process.id)
        row = next(r for r in body.split("</tr>") if f'<th scope="row">{name}</th>' in r)
        counts = [int(c) for c in re.findall(r'<td class="num">(\d+)/(\d+)/(\d+)</td>', row)[0]]
        expected = [sum(f.severity.value == level for f in analysis.findings) for level in ("error", "warning", "info")]
        assert counts == expected, (name, counts, expected)  # errors, warnings, informational findings
        if analysis.time.term is not None:  # the share over the term, as the analysis has it
            assert f'<td class="num">{procesmap.i18n.percent(analysis.time.share_over_term, "nl", 1)}</td>' in row
    assert html.count('<section class="process"') == len(analyses)
    assert "Alle processen" in html


def test_html_embeds_each_font_once_and_declares_every_family_used(in_root: Path) -> None:
    html = render_html([procesmap.analyse(procesmap.load(p)) for p in bundled()], "nl")
    faces = re.findall(r"@font-face\s*\{[^}]*\}", html)
    assert faces and len(faces) == len(set(faces))  # six swimlanes, one copy of each face
    declared = {re.search(r"font-family:\s*'([^']+)'", face).group(1) for face in faces}  # type: ignore[union-attr]
    used = set(re.findall(r"'(pm-font-[0-9a-f]+)'", html))
    assert used == declared


def test_inline_svg_keeps_different_fonts_apart() -> None:
    def picture(glyphs: str) -> str:
        return (
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><defs><style>@font-face{font-family:'Sans';"
            f"src:url(data:font/woff;base64,{glyphs}) format('woff');}}</style></defs>"
            "<text style=\"font-family: 'Sans', Verdana\">x</text></svg>"
        )

    seen: set[str] = set()
    first = str(inline_svg(picture("AAAA"), "a", "a", seen_faces=seen))
    again = str(inline_svg(picture("AAAA"), "b", "b", seen_faces=seen))
    other = str(inline_svg(picture("BBBB"), "c", "c", seen_faces=seen))
    family = re.findall(r"pm-font-[0-9a-f]+", first)[0]
    assert "@font-face" in first and "@font-face" not in again and family in again
    assert "@font-face" in other and family not in other


def test_inline_svg_is_cleaned_and_ids_prefixed() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)" '
        'viewBox="0 0 10 10"><script>alert(1)</script><defs><clipPath id="c"><rect width="1" height="1"/></clipPath>'
        '</defs><a href="http://example.com"><text onclick="x()">&lt;b&gt;</text></a>'
        '<use xlink:href="#c"/><rect clip-path="url(#c)" fill="url(http://evil/x)"/>'
        '<image href="http://example.com/x.png"/><foreignObject><div>x</div></foreignObject></svg>'
    )
    out = str(inline_svg(svg, "p1-g1", "a < b"))
    assert "script" not in out and "onload" not in out and "onclick" not in out and "example.com" not in out
    assert "foreignObject" not in out and "<image" not in out and "evil" not in out
    assert 'id="p1-g1-c"' in out and "url(#p1-g1-c)" in out and 'href="#p1-g1-c"' in out
    assert "&lt;b&gt;" in out and 'aria-label="a &lt; b"' in out


def test_file_version_outside_a_repository(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("x", encoding="utf-8")
    import datetime as dt
    import os

    os.utime(path, (1_700_000_000, 1_700_000_000))
    version = file_version(path)
    assert version.commit is None
    assert version.date == dt.date.fromtimestamp(1_700_000_000).isoformat()
    assert "niet in git" in version.text("nl")
    missing = file_version(tmp_path / "nope.yaml")
    assert missing == FileVersion(None, None) and missing.text("en") == "unknown"


def test_file_version_from_git_and_without_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil
    import subprocess

    from tests.conftest import git

    if shutil.which("git") is None:
        pytest.skip("needs git")
    git(tmp_path, "init", "-q")
    path = tmp_path / "map.yaml"
    path.write_text("x", encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "a", env={"GIT_COMMITTER_DATE": "2024-05-01T12:00:00+00:00"})
    expected = git(tmp_path, "log", "-1", "--format=%h %cs", "--", "map.yaml").split()  # git's own answer
    assert file_version(path) == FileVersion(expected[0], "2024-05-01")
    assert FileVersion("1a2b3c4", "2024-05-01").text("nl") == "commit 1a2b3c4 van 2024-05-01"

    def no_git(args: list[str], **kwargs: object) -> None:
        raise FileNotFoundError("git")

    monkeypatch.setattr(subprocess, "Popen", no_git)
    assert file_version(path).commit is None and file_version(path).date is not None


def test_cli_writes_html_by_suffix_and_by_format(tmp_path: Path, in_root: Path) -> None:
    from procesmap.cli import app

    runner = CliRunner()
    out = tmp_path / "rapport.html"
    result = runner.invoke(
        app, ["analyse", "processes/kcc-vraag-doorzetten.yaml", "--output", str(out), "--lang", "en"]
    )
    assert result.exit_code in (0, 1), result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "</html>" in html and "Findings" in html
    htm = tmp_path / "rapport.htm"
    runner.invoke(app, ["analyse", "processes/kcc-vraag-doorzetten.yaml", "-o", str(htm)])
    assert htm.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = runner.invoke(app, ["analyse", "processes/", "--format", "html"])
    assert result.stdout.startswith("<!DOCTYPE html>") and result.stdout.count('<section class="process"') == len(
        bundled()
    )


def test_cli_html_bad_input_exits_2_without_traceback(tmp_path: Path) -> None:
    from procesmap.cli import app

    bad = tmp_path / "bad.yaml"
    bad.write_text("procesmap: 1\nid: x\nsteps: []\n", encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["analyse", str(bad), "--format", "html", "-o", str(out)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert not out.exists()


def test_template_is_packaged(tmp_path: Path) -> None:
    """The built wheel holds the templates, the serve page's static files and py.typed, and the installed wheel renders a report with them."""
    import shutil
    import subprocess
    import sys
    import zipfile

    source = tmp_path / "source"
    shutil.copytree(ROOT / "procesmap", source / "procesmap", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    # the test extra pins setuptools: no download, no isolated build environment
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path / "dist"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = (tmp_path / "dist").glob("procesmap-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    packaged = {
        p.relative_to(ROOT).as_posix()
        for folder in ("templates", "serve/static")
        for p in (ROOT / "procesmap" / folder).iterdir()
        if p.is_file()
    }
    assert {"procesmap/templates/report.html.j2", "procesmap/templates/report.md.j2"} <= packaged
    assert sorted(packaged - names) == [] and "procesmap/py.typed" in names  # package-data took every file
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    code = (
        "import procesmap, sys; assert procesmap.__file__.startswith(sys.argv[1]), procesmap.__file__\n"
        "from procesmap.render.html import render_html\n"
        "a = procesmap.analyse(procesmap.load(sys.argv[2]), cases=100)\n"
        "print(render_html([a], 'nl')[:200])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(target), str(ROOT / "processes" / "wmo-melding.yaml")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(target)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("<!DOCTYPE html>") or "<html" in done.stdout


def _git(folder: Path, *args: str) -> str:
    return git(
        folder, *args, env={"GIT_AUTHOR_DATE": "2024-05-01T12:00:00", "GIT_COMMITTER_DATE": "2024-05-01T12:00:00"}
    )


def test_file_versions_of_a_folder_equal_git_log_of_each_file(tmp_path: Path) -> None:
    """One walk of the history for a folder's maps gives what ``git log -1 FILE`` gives for each: after branches,
    a clean merge, a merge that changed a file against both parents, a rename, names with spaces and accents, a
    file in another folder, an untracked and a missing file."""
    import shutil

    if shutil.which("git") is None:
        pytest.skip("needs git")
    repo = tmp_path / "repo"
    (repo / "maps" / "sub").mkdir(parents=True)
    maps = repo / "maps"
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.email", "t@example.org")
    _git(repo, "config", "user.name", "t")

    def commit(message: str, **files: str) -> None:
        for name, text in files.items():
            (maps / name.replace("__", " ")).write_text(text, encoding="utf-8")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", message)

    commit("one", **{"a.yaml": "1", "b.yaml": "1", "één__twee.yaml": "1", "c.yaml": "1"})
    (maps / "sub" / "d.yaml").write_text("1", encoding="utf-8")
    commit("two", **{"a.yaml": "2"})
    _git(repo, "checkout", "-q", "-b", "side")
    commit("side", **{"één__twee.yaml": "2", "b.yaml": "2"})
    _git(repo, "checkout", "-q", "main")
    commit("three", **{"a.yaml": "3"})
    _git(repo, "merge", "-q", "--no-edit", "side")
    _git(repo, "checkout", "-q", "-b", "evil", "HEAD~1")
    commit("four", **{"b.yaml": "4"})
    _git(repo, "checkout", "-q", "main")
    _git(repo, "merge", "-q", "--no-commit", "-X", "ours", "evil")
    (maps / "b.yaml").write_text("evil", encoding="utf-8")  # the merge itself changes b against both parents
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "evil merge")
    _git(repo, "mv", "maps/c.yaml", "maps/renamed.yaml")
    _git(repo, "commit", "-q", "-m", "rename")
    (maps / "untracked.yaml").write_text("u", encoding="utf-8")

    names = ["a.yaml", "b.yaml", "één twee.yaml", "renamed.yaml", "untracked.yaml", "missing.yaml"]
    paths = [maps / name for name in names] + [maps / "sub" / "d.yaml"]
    expected = []
    for path in paths:
        line = _git(path.parent, "log", "-1", "--format=%h %cs", "--", path.name).strip()
        expected.append(FileVersion(*line.split(" ")) if line else None)
    assert expected[1] is not None and "evil" in _git(maps, "log", "-1", "--format=%s", "--", "b.yaml")
    got = file_versions(paths)
    for path, want, have in zip(paths, expected, got):
        if want is None:  # git does not know it: the modification date, or nothing for a missing file
            assert have.commit is None, path
            assert (have.date is None) == (not path.exists()), path
        else:
            assert have == want, path


def test_file_versions_without_git_fall_back_to_the_modification_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [tmp_path / "a.yaml", tmp_path / "b.yaml"]
    for path in paths:
        path.write_text("x", encoding="utf-8")
    monkeypatch.setenv("PATH", str(tmp_path / "no-git-here"))
    import datetime as dt

    versions = file_versions(paths)
    assert [v.commit for v in versions] == [None, None]
    assert all(v.date == dt.date.fromtimestamp(p.stat().st_mtime).isoformat() for v, p in zip(versions, paths))


def test_file_versions_take_names_as_names(tmp_path: Path) -> None:
    """A map named like a pathspec (``:(glob)*.yaml``) is that file, not every file the pattern matches."""
    import shutil

    if shutil.which("git") is None:
        pytest.skip("needs git")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "t@example.org")
    _git(tmp_path, "config", "user.name", "t")
    (tmp_path / "a.yaml").write_text("1", encoding="utf-8")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "a")
    magic = tmp_path / ":(glob)*.yaml"
    magic.write_text("untracked", encoding="utf-8")
    versions = file_versions([tmp_path / "a.yaml", magic])
    assert versions[0].commit is not None
    assert versions[1].commit is None and versions[1].date is not None
    assert file_version(magic).commit is None


def test_a_git_that_hangs_is_stopped_and_the_files_fall_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A git that does not answer (a network file system, a lock) is killed after the timeout: no commit for
    any file, rather than a report that never comes."""
    import sys
    import time

    from procesmap.render._document import _last_commits

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "git"
    fake.write_text(f"#!{sys.executable}\nimport time\nprint('\\x01abc1234 2024-01-01', flush=True)\ntime.sleep(30)\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    start = time.monotonic()
    assert _last_commits(tmp_path, ["a.yaml", "b.yaml"], timeout=0.5) == {}
    assert time.monotonic() - start < 10
