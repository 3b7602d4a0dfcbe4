"""The PNG pages of a map drawn side by side (procesmap.diagrams._raster.render_pngs): whole pages shared between
this process and one child, each page byte for byte the PNG drawn alone in one piece, whatever goes wrong with the
child."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import procesmap
from procesmap.diagrams import _bands, _raster
from procesmap.diagrams import swimlane as s
from procesmap.diagrams.pages import cuts, split_layout
from procesmap.diagrams.sample import synthetic_map

FONTS = [s.font_file("regular"), s.font_file("bold")]
TEXT = {"Software": "procesmap"}


def stripes(width: float, height: float, shade: int) -> str:
    """A small SVG body whose pixels differ from page to page (a wrong page in a wrong place shows)."""
    return (
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>'
        f'<rect x="3.3" y="2.7" width="{width / 2}" height="{height / 3}" fill="#{shade:02x}4080"/>'
        f'<text x="5" y="{height - 4}" font-size="9">pagina {shade}</text>'
    )


def jobs_of(sizes: list[tuple[float, float]]) -> list[_raster.PngJob]:
    jobs = []
    for number, (width, height) in enumerate(sizes):
        jobs.append(_raster.PngJob(stripes(width, height, 10 * number + 5), _raster.canvas(width, height, 144), 144))
    return jobs


def alone(job: _raster.PngJob) -> bytes:
    """The page as it is drawn alone, in one piece (no bands, no child)."""
    return _raster.render_png(job.body, job.area, job.dpi, FONTS, job.blockers, TEXT, band_pixels=10**12)


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two cores, and small test pages shared as big ones would be (``SHARE_PIXELS`` off)."""
    monkeypatch.setattr(_raster, "_cores", lambda: 2)
    monkeypatch.setattr(_raster, "SHARE_PIXELS", 0)


PAGES = [(300.0, 120.0), (280.0, 110.0), (260.0, 130.0), (240.0, 120.0)]
"""Four pages the share splits two and two (144,000 + 115,200 and 135,200 + 123,200 pixels at 144 dpi)."""


@pytest.fixture
def from_child(monkeypatch: pytest.MonkeyPatch) -> list[bytes | None]:
    """What the child gave for each of its pages (None: nothing usable)."""
    given: list[bytes | None] = []
    real = _raster._read_png

    def spy(name: str, area: _raster.Canvas) -> bytes | None:
        given.append(real(name, area))
        return given[-1]

    monkeypatch.setattr(_raster, "_read_png", spy)
    return given


def test_pages_shared_with_a_child_are_the_pages_drawn_alone(two_cores: None, from_child: list[bytes | None]) -> None:
    jobs = jobs_of(PAGES)
    assert _raster.share([j.area.pixels_wide * j.area.pixels_high for j in jobs]) == ([0, 3], [1, 2])
    assert _raster.render_pngs(jobs, FONTS, TEXT) == [alone(job) for job in jobs]
    assert len(from_child) == 2 and all(data is not None for data in from_child)  # the child drew two of them


def test_pages_with_fewer_pixels_than_share_pixels_together_are_drawn_here(
    monkeypatch: pytest.MonkeyPatch, from_child: list[bytes | None]
) -> None:
    """Starting a child would cost more than it saves: no child, the same pages."""
    monkeypatch.setattr(_raster, "_cores", lambda: 2)
    jobs = jobs_of(PAGES)
    assert sum(j.area.pixels_wide * j.area.pixels_high for j in jobs) < _raster.SHARE_PIXELS
    assert _raster.render_pngs(jobs, FONTS, TEXT) == [alone(job) for job in jobs]
    assert from_child == []


@pytest.mark.parametrize("failure", ["no-worker", "child-fails", "wrong-size", "cannot-start"])
def test_a_failing_child_still_gives_every_page(
    monkeypatch: pytest.MonkeyPatch, two_cores: None, failure: str, tmp_path: Path, from_child: list[bytes | None]
) -> None:
    jobs = jobs_of(PAGES)
    if failure == "no-worker":
        monkeypatch.setattr(_raster, "WORKER", Path(os.devnull).with_name("no-such-procesmap-worker.py"))
    elif failure == "child-fails":
        monkeypatch.setattr(_raster, "CHILD", "import sys; sys.exit(3)")
    elif failure == "wrong-size":  # a child that writes a PNG of another size for every page
        other = alone(jobs_of([(50.0, 20.0)])[0])
        (tmp_path / "other.png").write_bytes(other)
        monkeypatch.setattr(
            _raster,
            "CHILD",
            "import shutil, sys; n = int(sys.argv[3]); "
            f"[shutil.copy({str(tmp_path / 'other.png')!r}, f[:-4] + '.png') for f in sys.argv[4:4 + n]]",
        )
    else:

        def no_process(*args: object, **kwargs: object) -> None:
            raise OSError("no processes left")

        monkeypatch.setattr(_raster.subprocess, "Popen", no_process)
    assert _raster.render_pngs(jobs, FONTS, TEXT) == [alone(job) for job in jobs]
    assert from_child == ([] if failure == "cannot-start" else [None, None])  # each page of the child drawn here


def test_one_core_or_one_page_draws_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    jobs = jobs_of([(300.0, 120.0), (280.0, 110.0)])
    calls: list[int] = []
    real = _raster.render_png

    def spy(*args: object, **kwargs: object) -> bytes:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_raster, "render_png", spy)
    monkeypatch.setattr(_raster, "_cores", lambda: 1)
    monkeypatch.setattr(_raster, "_whole_pictures", lambda *a: pytest.fail("a child on one core"))
    assert len(_raster.render_pngs(jobs, FONTS, TEXT)) == 2 and len(calls) == 2
    monkeypatch.setattr(_raster, "_cores", lambda: 2)
    assert _raster.render_pngs(jobs[:1], FONTS, TEXT) == [alone(jobs[0])]


def test_one_page_much_bigger_than_the_rest_is_drawn_in_bands(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_raster, "_cores", lambda: 2)
    monkeypatch.setattr(_raster, "_whole_pictures", lambda *a: pytest.fail("pages shared although one outweighs"))
    jobs = jobs_of([(600.0, 300.0), (60.0, 30.0), (50.0, 30.0)])  # the first has over 60% of the pixels
    assert _raster.render_pngs(jobs, FONTS, TEXT) == [
        _raster.render_png(j.body, j.area, j.dpi, FONTS, j.blockers, TEXT) for j in jobs
    ]


@given(st.lists(st.integers(min_value=1, max_value=10**7), min_size=1, max_size=12))
def test_the_share_gives_every_page_once_and_balances(sizes: list[int]) -> None:
    mine, theirs = _raster.share(sizes)
    assert sorted(mine + theirs) == list(range(len(sizes)))
    loads = [sum(sizes[i] for i in side) for side in (mine, theirs)]
    assert abs(loads[0] - loads[1]) <= max(sizes)  # largest first to the lighter side: within one page
    assert sizes.index(max(sizes)) in mine  # the largest (the first of equals) goes to this process


def test_the_child_writes_each_page_whole(tmp_path: Path) -> None:
    jobs = jobs_of([(120.0, 60.0), (100.0, 50.0)])
    files = []
    for number, job in enumerate(jobs):
        name = tmp_path / f"{number}.svg"
        name.write_text(_raster.band_svg(job.body, job.area, 0, job.area.pixels_high), encoding="utf-8")
        files.append(str(name))
    assert _bands._main([_bands.WHOLE, str(len(files)), *files, *FONTS]) == 0
    for name, job in zip(files, jobs):
        data = Path(name[:-4] + ".png").read_bytes()
        assert struct.unpack(">II", data[16:24]) == (job.area.pixels_wide, job.area.pixels_high)
        assert data == _bands.draw(_raster.band_svg(job.body, job.area, 0, job.area.pixels_high), FONTS)
    assert not list(tmp_path.glob("*.part"))


def test_a_split_map_as_png_pages_keeps_every_page(two_cores: None) -> None:
    analysis = procesmap.analyse(procesmap.loads(synthetic_map(26, 1)))
    pages = s.render_swimlane_pages(analysis, "png", "nl", dpi=40)
    layout = s._layout(analysis, "nl", True)
    parts = split_layout(layout)
    assert len(parts) > 1 and len(pages) == len(parts) + 1
    pictures = [s._paint_layout(analysis, layout, "nl", cuts(layout))]
    pictures += [s._paint_layout(analysis, part, "nl") for part in parts]
    assert pages == [s._png(picture, 40, band_pixels=10**12) for picture in pictures]


def test_pages_side_by_side_never_look_for_a_seam(monkeypatch: pytest.MonkeyPatch, two_cores: None) -> None:
    """Where a seam may go is found only for a picture drawn in two bands (10-20 ms a page otherwise spent before the
    child starts); a big single picture still finds it."""
    analysis = procesmap.analyse(procesmap.loads(synthetic_map(26, 1)))
    found: list[int] = []
    real = s._blockers

    def spy(picture: s._Picture, scale: float) -> list[tuple[float, float]]:
        found.append(1)
        return real(picture, scale)

    monkeypatch.setattr(s, "_blockers", spy)
    monkeypatch.setattr(_raster, "MAX_SHARE", 1.0)  # whole pages, however they share
    pages = s.render_swimlane_pages(analysis, "png", "nl", dpi=40)
    assert len(pages) > 2 and found == []
    s._png(s._paint(analysis, "nl"), 144, band_pixels=1)
    assert found == [1]
