"""The HTML report in a real headless browser (Debian's chromium, driven by playwright's Python package).

Checked as a user would see it: the page loads with no console error and no page error,
no request leaves the page (every request is recorded and any that is not the file itself
is aborted and counted), no dialog opens (a hostile `<script>alert(1)</script>` step
stays text), and the page prints to PDF. `.ci/run` installs chromium and poppler-utils; without
them these tests skip with the reason (and fail under PROCESMAP_STRICT=1, as in CI).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any, Iterator

import pytest

import procesmap
from procesmap.render.html import render_html

from .conftest import bundled, need_tool
from .test_reports_html import HOSTILE_TEXTS, bundled_report, hostile_analysis

import playwright.sync_api as playwright  # noqa: E402  (a test extra: installed with .[test])

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium = CHROMIUM or need_tool("chromium", "apt-get install chromium; .ci/run installs Debian's chromium")
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=chromium,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield instance
        instance.close()


class Visit:
    """One page load with everything a user (or an attacker) could notice recorded."""

    def __init__(self, browser: Any, path: Path):
        self.url = path.resolve().as_uri()
        self.console: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1200, "height": 900}, java_script_enabled=True)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url, wait_until="load")
        self.page.wait_for_timeout(150)  # give a stray onerror/onload handler the chance to fire

    def _route(self, route: Any) -> None:
        if route.request.url == self.url:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_clean(self) -> None:
        assert [m for m in self.console if m[0] in ("error", "warning")] == []
        assert self.errors == []
        assert self.dialogs == []
        assert self.blocked == [] and set(self.requests) <= {self.url}

    def close(self) -> None:
        self.context.close()


def _write(tmp_path: Path, name: str, analyses: list[Any], lang: str = "nl") -> Path:
    path = tmp_path / name
    path.write_text(render_html(analyses, lang), encoding="utf-8")
    return path


@pytest.mark.parametrize("file", bundled(), ids=lambda p: p.stem)
def test_bundled_report_loads_clean_and_prints(browser: Any, file: Path, tmp_path: Path) -> None:
    analysis, html = bundled_report(file.stem, "nl")
    page_path = tmp_path / f"{file.stem}.html"
    page_path.write_text(html, encoding="utf-8")
    visit = Visit(browser, page_path)
    try:
        visit.assert_clean()
        page = visit.page
        assert page.evaluate("document.scripts.length") == 0
        # every step name is visible text on the page
        body = " ".join(page.inner_text("body").split())
        for step in analysis.process.steps:
            assert " ".join(step.label.split()) in body
        # the charts are drawn: inline SVG with a real size on screen
        sizes = page.evaluate(
            "[...document.querySelectorAll('figure.chart svg')].map(s => s.getBoundingClientRect().width)"
        )
        assert sizes and all(width > 200 for width in sizes)
        # nothing wider than the page on screen, except inside scrollable wrappers
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        pdf = page.pdf(format="A4", print_background=True)
        assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type/Page") >= 0
        _check_printed(pdf, tmp_path, [analysis.process.name or analysis.process.id])
    finally:
        visit.close()


def _check_printed(pdf: bytes, tmp_path: Path, expected: list[str]) -> None:
    """The printed page has pages and, where poppler is installed, holds the expected text."""
    path = tmp_path / "printed.pdf"
    path.write_bytes(pdf)
    pdfinfo = need_tool("pdfinfo", "apt-get install poppler-utils; .ci/run installs it")
    pdftotext = need_tool("pdftotext", "apt-get install poppler-utils; .ci/run installs it")
    info = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    assert pages >= 2
    text = subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    for item in expected:
        assert "".join(item.split()) in flat


def test_hostile_names_stay_text_in_the_browser(browser: Any, tmp_path: Path) -> None:
    analysis = hostile_analysis(tmp_path)
    visit = Visit(browser, _write(tmp_path, "hostile.html", [analysis], "en"))
    try:
        visit.assert_clean()
        page = visit.page
        assert page.evaluate("document.scripts.length") == 0
        assert page.evaluate("document.querySelectorAll('img, iframe, [onerror], [onload], [onclick]').length") == 0
        assert page.title().startswith("<script>alert(1)</script>")
        body = page.inner_text("body")
        for hostile in HOSTILE_TEXTS:
            assert hostile in body, hostile
        assert page.get_by_role("rowheader", name="<script>alert(1)</script>").count() >= 1
        pdf = page.pdf(format="A4")
        _check_printed(pdf, tmp_path, ["<script>alert(1)</script>"])
    finally:
        visit.close()


def test_overview_of_all_processes_in_the_browser(browser: Any, tmp_path: Path) -> None:
    analyses = [procesmap.analyse(procesmap.load(p)) for p in bundled()]
    visit = Visit(browser, _write(tmp_path, "all.html", analyses))
    try:
        visit.assert_clean()
        page = visit.page
        # the table of all maps opens the page, the contents (one link a map) follow it
        assert page.evaluate(
            "document.querySelector('section.overview').compareDocumentPosition("
            "document.querySelector('nav.toc')) & Node.DOCUMENT_POSITION_FOLLOWING"
        )
        links = page.evaluate("[...document.querySelectorAll('nav.toc a')].map(a => a.getAttribute('href'))")
        assert len(links) == len(analyses)
        for link in links:  # every link of the contents lands on an element of the page
            assert page.evaluate("id => document.getElementById(id) !== null", link[1:])
        assert page.locator("section.process").count() == len(analyses)
        pdf = page.pdf(format="A4")
        _check_printed(pdf, tmp_path, [a.process.name or a.process.id for a in analyses])
    finally:
        visit.close()
