"""The swimlane in the HTML report, in headless chromium: fitted to the page's width, and one click on
"Vergroten" shows it at its natural size (1 viewBox unit a pixel, scrolling sideways), a second click fits
it again. No script: a checkbox and CSS (the page's policy forbids scripts). Skips without chromium
(fails under PROCESMAP_STRICT=1)."""

from __future__ import annotations

from typing import Any, Iterator

import pytest

import procesmap
from procesmap.render.html import render_html

from .conftest import ROOT
from .test_reports_html_browser import browser  # noqa: F401  (the browser fixture: chromium or skip)


@pytest.fixture()
def page(browser: Any, tmp_path: Any) -> Iterator[Any]:  # noqa: F811
    analysis = procesmap.analyse(procesmap.load(ROOT / "processes" / "omgevingsvergunning.yaml"), cases=300)
    path = tmp_path / "r.html"
    path.write_text(render_html([analysis], "nl"), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1200, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(path.as_uri(), wait_until="load")
    yield page
    context.close()


def test_swimlane_fits_the_width_and_zooms(page: Any) -> None:
    svg = page.locator("figure.wide .picture svg").first
    view_width = float(svg.get_attribute("viewBox").split()[2])
    column = page.evaluate("document.querySelector('figure.wide').getBoundingClientRect().width")
    fitted = svg.bounding_box()["width"]
    assert fitted == pytest.approx(column, abs=2) and fitted < view_width
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    label = page.locator("figure.wide label.zoom").first
    assert label.inner_text() == "Vergroten (schuif opzij)"
    label.click()
    assert svg.bounding_box()["width"] == pytest.approx(view_width, abs=2)
    scroller = "document.querySelector('figure.wide .picture')"
    assert page.evaluate(f"{scroller}.scrollWidth > {scroller}.clientWidth")  # scrolls sideways, the page does not
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert label.inner_text() == "Passend maken"
    label.click()
    assert svg.bounding_box()["width"] == pytest.approx(fitted, abs=1)
