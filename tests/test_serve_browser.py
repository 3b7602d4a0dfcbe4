"""``procesmap serve`` in a real browser: Debian's chromium driven by playwright, against a real server.

As the room would see it: the page loads with no console error and no request that leaves it; a
save redraws the page within 2 s and keeps the scroll position; a broken file shows its
``file:line:column`` error over the last good, dimmed diagram until it is fixed; the what-if
controls change the figures (checked against the figures computed by hand) and leave the file
byte-identical; the write button writes the scenario, comments kept; hostile names stay text.
Without chromium or playwright these tests skip locally and fail under PROCESMAP_STRICT=1.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

import procesmap
from procesmap.fmt import comments

from ._serve import MAP, Server, running, utilisation_behandelaar
from .conftest import need

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REDRAW_S = 2.0


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    need(CHROMIUM is not None, "chromium is not installed (apt-get install chromium; .ci/run installs it)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need(False, "the playwright package is not installed (pip install -e '.[test]')")
        raise
    profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh --user-data-dir
    with sync_playwright() as p:
        browser = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=FLAGS, headless=True, viewport={"width": 1400, "height": 900}
        )
        try:
            yield browser
        finally:
            browser.close()


class Visit:
    """One page of the live server, with everything a user (or an attacker) could notice recorded."""

    def __init__(self, context: Any, server: Server, url: str | None = None):
        self.server = server
        self.console: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page = context.new_page()
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.response = self.page.goto(url or server.url, wait_until="load")
        self.wait(
            "document.querySelector('#live') && !document.querySelector('#live').classList.contains('offline')"
            " && (!document.querySelector('#diagram') || document.querySelector('#diagram').naturalWidth > 0)"
        )

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def wait(self, script: str, arg: Any = None, timeout: float = 10.0) -> float:
        """Wait until ``script`` is true in the page; the seconds it took."""
        start = time.monotonic()
        if not script.lstrip().startswith("("):
            script = f"() => ({script})"  # a function, not a string to evaluate: the page's CSP forbids eval
        self.page.wait_for_function(script, arg=arg, timeout=timeout * 1000, polling=20)
        return time.monotonic() - start

    def utilisation(self, role: str) -> str:
        return self.page.inner_text(f'tr[data-role="{role}"] .pct').strip()

    def assert_clean(self) -> None:
        assert [m for m in self.console if m[0] in ("error", "warning")] == []
        assert self.errors == [] and self.dialogs == []
        assert all(url.startswith(self.server.base + "/") for url in self.requests), self.requests

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def mapfile(tmp_path: Path) -> Path:
    path = tmp_path / "test.yaml"
    path.write_text(MAP, encoding="utf-8")
    return path


@pytest.fixture
def server(mapfile: Path) -> Iterator[Server]:
    yield from running(mapfile)


def _save(path: Path, text: str) -> None:
    """Save as an editor does: a new file renamed over the old one."""
    temp = path.with_name(f".{path.name}.swp")
    temp.write_text(text, encoding="utf-8")
    os.replace(temp, path)


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def test_page_loads_clean_and_hostile_names_stay_text(context: Any, server: Server) -> None:
    visit = Visit(context, server)
    try:
        assert visit.response.status == 200
        body = visit.page.inner_text("body")
        assert "<script>alert(1)</script>" in body  # the decision's name, as text
        assert "<img src=x onerror=alert(2)>" in body  # the role's name, as text
        assert visit.page.evaluate("document.querySelectorAll('script').length") == 1
        assert visit.page.evaluate("document.querySelectorAll('img[src=x]').length") == 0
        assert visit.utilisation("behandelaar") == _pct(utilisation_behandelaar(1, 0.25))
        assert visit.page.evaluate("document.querySelector('#diagram').naturalWidth") > 500
        visit.page.wait_for_timeout(200)
        visit.assert_clean()
    finally:
        visit.close()


def test_save_redraws_within_two_seconds_and_keeps_scroll(context: Any, server: Server, mapfile: Path) -> None:
    visit = Visit(context, server)
    try:
        visit.page.set_viewport_size({"width": 1000, "height": 500})
        visit.page.evaluate("window.scrollTo(0, 350)")
        scrolled = visit.page.evaluate("window.scrollY")
        assert scrolled > 100
        generation = int(visit.page.evaluate("document.body.dataset.generation"))
        _save(mapfile, MAP.replace("people: 1}", "people: 2}"))
        expected = _pct(utilisation_behandelaar(2, 0.25))
        took = visit.wait(
            f"document.querySelector('tr[data-role=behandelaar] .pct').textContent.trim() === {expected!r}",
            timeout=REDRAW_S,
        )
        redrawn = visit.wait(
            "(g) => { const i = document.querySelector('#diagram'); return Number(document.body."
            "dataset.generation) > g && i.dataset.generation === document.body.dataset.generation"
            " && i.complete && i.naturalWidth > 0; }",
            generation,
            timeout=REDRAW_S,
        )
        print(f"save to new figures {took:.2f} s, to new diagram +{redrawn:.2f} s")
        assert took < REDRAW_S
        assert visit.page.evaluate("window.scrollY") == scrolled
        visit.assert_clean()
    finally:
        visit.close()


def test_broken_file_shows_error_over_last_good_diagram(context: Any, server: Server, mapfile: Path) -> None:
    visit = Visit(context, server)
    try:
        good_src = visit.page.get_attribute("#diagram", "src")
        broken = MAP.replace("people: 2}", "people: two}")
        line = next(i for i, text in enumerate(broken.splitlines(), 1) if "people: two" in text)
        column = broken.splitlines()[line - 1].index("two") + 1
        _save(mapfile, broken)
        visit.wait("document.querySelector('#status .error') !== null", timeout=REDRAW_S)
        error = visit.page.inner_text("#status")
        assert f"{mapfile}:{line}:{column}:" in error
        assert "whole number" in error and "hint:" in error
        assert visit.page.evaluate("document.querySelector('#main').classList.contains('stale')")
        assert visit.page.get_attribute("#diagram", "src") == good_src  # the last good picture stays
        assert visit.page.evaluate("document.querySelector('#diagram').naturalWidth") > 500
        opacity = float(visit.page.evaluate("getComputedStyle(document.querySelector('#diagram-box')).opacity"))
        assert opacity < 0.5  # dimmed
        box = visit.page.evaluate("document.querySelector('#status .error').getBoundingClientRect().height")
        assert box > 0 and visit.page.is_visible("#status .error")
        assert visit.utilisation("behandelaar") == _pct(utilisation_behandelaar(1, 0.25))  # last good figures
        _save(mapfile, MAP)
        visit.wait(
            "document.querySelector('#status .error') === null && "
            "!document.querySelector('#main').classList.contains('stale')",
            timeout=REDRAW_S,
        )
        visit.assert_clean()
    finally:
        visit.close()


def test_broken_at_start_then_fixed(context: Any, mapfile: Path) -> None:
    mapfile.write_text(MAP.replace("steps:", "steps: [", 1), encoding="utf-8")
    for server in running(mapfile):
        visit = Visit(context, server)
        try:
            assert "test.yaml:" in visit.page.inner_text("#status")
            visit.page.wait_for_timeout(2500)  # the consultant reads the error, then fixes the file
            _save(mapfile, MAP)
            visit.wait(
                "document.querySelector('#status .error') === null && document.querySelector('#diagram')"
                " && document.querySelector('#diagram').naturalWidth > 0",
                timeout=REDRAW_S,
            )
            assert visit.utilisation("behandelaar") == _pct(utilisation_behandelaar(1, 0.25))
            visit.assert_clean()
        finally:
            visit.close()


def test_whatif_changes_figures_and_not_the_file(context: Any, server: Server, mapfile: Path) -> None:
    before = mapfile.read_bytes()
    visit = Visit(context, server)
    try:
        visit.page.fill('input[data-path="roles.behandelaar.people"]', "2")
        expected = _pct(utilisation_behandelaar(2, 0.25))
        visit.wait(f"document.querySelector('tr[data-role=behandelaar] .pct').textContent.trim() === {expected!r}")
        assert "--set roles.behandelaar.people=2" in visit.page.inner_text("#command")
        assert visit.page.is_visible("#scenario-banner")
        visit.page.fill('input[data-path="steps.beoordelen.next.extra.p"]', "0.5")
        assert visit.page.input_value('input[data-path="steps.beoordelen.next.klaar.p"]') == "0.5"  # the other branch
        expected = _pct(utilisation_behandelaar(2, 0.5))
        visit.wait(f"document.querySelector('tr[data-role=behandelaar] .pct').textContent.trim() === {expected!r}")
        command = visit.page.inner_text("#command")
        assert "steps.beoordelen.next.extra.p=0.5" in command and "steps.beoordelen.next.klaar.p=0.5" in command
        visit.wait("document.querySelector('#diagram').getAttribute('src').includes('set=')")
        assert mapfile.read_bytes() == before
        visit.page.click("#reset")
        expected = _pct(utilisation_behandelaar(1, 0.25))
        visit.wait(f"document.querySelector('tr[data-role=behandelaar] .pct').textContent.trim() === {expected!r}")
        assert mapfile.read_bytes() == before
        visit.assert_clean()
    finally:
        visit.close()


def test_write_button_writes_the_scenario(context: Any, server: Server, mapfile: Path) -> None:
    visit = Visit(context, server)
    try:
        visit.page.fill('input[data-path="roles.behandelaar.people"]', "3")
        visit.wait("!document.querySelector('#write').disabled")
        visit.page.click("#write")  # first click only asks
        assert mapfile.read_text(encoding="utf-8") == MAP
        visit.page.click("#write")
        visit.wait("document.querySelector('#write-status').textContent.includes('Written')")
        written = mapfile.read_text(encoding="utf-8")
        assert procesmap.load(mapfile).roles["behandelaar"].people == 3
        assert comments(written) == comments(MAP)
        expected = _pct(utilisation_behandelaar(3, 0.25))
        visit.wait(
            f"document.querySelector('tr[data-role=behandelaar] .pct').textContent.trim() === {expected!r}"
            " && document.querySelector('#scenario-banner').hidden"
        )  # the file is the scenario now
        visit.assert_clean()
    finally:
        visit.close()


def test_with_token_the_page_works_and_without_it_is_refused(context: Any, mapfile: Path) -> None:
    for server in running(mapfile, "--host", "127.0.0.1"):
        assert server.token
        bare = context.new_page()
        try:
            assert bare.goto(server.base + "/").status == 403
        finally:
            bare.close()
        visit = Visit(context, server)  # the printed URL, with the token
        try:
            assert "token" not in visit.page.url  # taken out of the address bar (projector)
            assert visit.utilisation("behandelaar") == _pct(utilisation_behandelaar(1, 0.25))
            _save(mapfile, MAP.replace("people: 1}", "people: 2}"))
            expected = _pct(utilisation_behandelaar(2, 0.25))
            visit.wait(
                f"document.querySelector('tr[data-role=behandelaar] .pct').textContent.trim() === {expected!r}",
                timeout=REDRAW_S,
            )
            visit.assert_clean()
        finally:
            visit.close()
        context.clear_cookies()


def test_folder_index_lists_maps_and_follows_saves(context: Any, tmp_path: Path) -> None:
    first, second = tmp_path / "een.yaml", tmp_path / "twee.yaml"
    first.write_text(MAP, encoding="utf-8")
    second.write_text(
        MAP.replace("id: serve-test", "id: serve-twee").replace("name: Aanvraag behandelen", "name: Tweede proces"),
        encoding="utf-8",
    )
    for server in running(tmp_path):
        visit = Visit(context, server)
        try:
            text = visit.page.inner_text("#index")
            assert "Aanvraag behandelen" in text and "Tweede proces" in text
            _save(second, second.read_text(encoding="utf-8").replace("name: Tweede proces", "name: Derde naam"))
            visit.wait("document.querySelector('#index').textContent.includes('Derde naam')", timeout=REDRAW_S)
            visit.page.click("text=Aanvraag behandelen")
            visit.page.wait_for_url("**/map/een.yaml")
            visit.wait("document.querySelector('#diagram') && document.querySelector('#diagram').naturalWidth > 0")
            assert visit.utilisation("behandelaar") == _pct(utilisation_behandelaar(1, 0.25))
            visit.assert_clean()
        finally:
            visit.close()
