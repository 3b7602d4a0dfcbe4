"""A PNG drawn in two bands at once (procesmap.diagrams._raster, _bands) has the pixels of the picture drawn at once.

Every comparison decodes both PNGs with Pillow (an independent PNG reader) and compares every pixel; the filter
and checksum helpers are checked against zlib and a plain implementation of the PNG filters written here.
"""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import procesmap
from procesmap.diagrams import _bands, _raster
from procesmap.diagrams import swimlane as s
from procesmap.diagrams.sample import synthetic_map
from tests.conftest import ROOT

FONTS = [s.font_file("regular"), s.font_file("bold")]


def pixels(png: bytes) -> np.ndarray:
    from PIL import Image

    image = Image.open(io.BytesIO(png))
    image.load()  # decodes every row: a broken stream or checksum fails here
    return np.asarray(image.convert("RGBA"))


def one_piece(body: str, area: _raster.Canvas) -> bytes:
    return _bands.draw(_raster.band_svg(body, area, 0, area.pixels_high), FONTS)


def picture_of(text: str) -> s._Picture:
    return s._paint(procesmap.analyse(procesmap.loads(text)), "nl")


@pytest.mark.parametrize(
    "source",
    ["omgevingsvergunning", "wmo-melding", "kcc-vraag-doorzetten", "synthetic-40", "synthetic-23"],
)
def test_two_bands_have_the_pixels_of_one_piece(source: str) -> None:
    if source.startswith("synthetic-"):
        picture = picture_of(synthetic_map(int(source.split("-")[1]), 3))
    else:
        picture = picture_of((ROOT / "processes" / f"{source}.yaml").read_text(encoding="utf-8"))
    dpi = s.png_dpi(picture.width, picture.height)
    area = _raster.canvas(picture.width, picture.height, dpi)
    ringed = s._ringed(picture)
    body = s._svg_body(ringed, embed_fonts=False, exact_turn=True)
    row = _raster.seam(area, s._blockers(ringed, max(area.sx, area.sy)))
    assert row is not None, "no seam: the two-band way would not be tried"
    joined = _raster._two_bands(body, area, row, FONTS)
    assert joined is not None
    whole = pixels(one_piece(body, area))
    assert whole.shape == (area.pixels_high, area.pixels_wide, 4)
    assert np.array_equal(pixels(joined), whole)
    # and through the public path: the same pixels, the resolution recorded
    data = s._png(picture, band_pixels=1)
    assert np.array_equal(pixels(data), whole)
    assert dict(_bands.chunks(data))[b"tEXt"] == b"Software\0procesmap"


def test_a_hairline_across_the_picture_keeps_it_in_one_piece() -> None:
    """The 80-step map is drawn at 70 dpi (the pixel cap): its 0.8-point header line is under a pixel, a hairline,
    which resvg draws in pieces that depend on where a band cuts it (measured: 6 pixels one level off)."""
    picture = s._ringed(picture_of(synthetic_map(80, 1)))
    dpi = s.png_dpi(picture.width, picture.height)
    area = _raster.canvas(picture.width, picture.height, dpi)
    assert max(area.sx, area.sy) * 0.8 <= 1.0
    assert _raster.seam(area, s._blockers(picture, max(area.sx, area.sy))) is None


@pytest.mark.parametrize(("dpi", "in_bands"), [(None, False), (190, True)])
def test_only_a_picture_of_band_pixels_or_more_is_drawn_in_two_bands(
    monkeypatch: pytest.MonkeyPatch, dpi: int | None, in_bands: bool
) -> None:
    """The 40-step map at its default resolution (16 million pixels, the ``MAX_PIXELS`` cap) is under
    ``BAND_PIXELS``: one piece; asked at 190 dpi (about 42 million) it goes in two bands, with their pixels."""
    picture = picture_of(synthetic_map(40, 0))
    used: list[bytes | None] = []
    two_bands = _raster._two_bands

    def spy(*args: object) -> bytes | None:
        used.append(two_bands(*args))  # type: ignore[arg-type]
        return used[-1]

    monkeypatch.setattr(_raster, "_two_bands", spy)
    monkeypatch.setattr(_raster, "_cores", lambda: 2)
    data = s._png(picture, dpi=dpi)
    width, height = struct.unpack(">II", data[16:24])
    assert (width * height >= _raster.BAND_PIXELS) is in_bands
    if in_bands:
        assert len(used) == 1 and used[0] is not None
    else:
        assert used == []


def stripes(width: float, height: float) -> str:
    """An SVG body of axis-aligned shapes only (every edge crossing a seam is vertical), half-transparent ones too,
    none of whose horizontal edges falls on a whole pixel."""
    parts = [f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>']
    y = 0.3
    colours = ["#1f5fa8", "#c62828", "#f9c784", "#4a4a4a"]
    i = 0
    while y < height:
        parts.append(
            f'<path d="M 0.7 {y:.2f} L {width - 1.3:.2f} {y:.2f} L {width - 1.3:.2f} {y + 0.45:.2f} L 0.7 {y + 0.45:.2f} Z" '
            f'style="fill: {colours[i % 4]}; fill-opacity: 0.6"/>'
        )
        y += 1.37
        i += 1
    for x in (1.4, width / 3 + 0.21, width / 2 + 0.77, width - 4.1):  # tall bars across every seam
        parts.append(
            f'<path d="M {x:.2f} 0.5 L {x:.2f} {height - 0.4:.2f}" style="fill: none; stroke: #2b2b2b; '
            f'stroke-width: 1.3; stroke-linecap: butt; stroke-linejoin: miter; stroke-dasharray: 2,1"/>'
        )
    return "\n".join(parts)


@pytest.mark.parametrize(("width", "height", "dpi"), [(60.0, 33.0, 144), (41.3, 7.1, 150), (333.3, 101.7, 117)])
def test_any_seam_of_odd_sizes_joins_to_one_piece(width: float, height: float, dpi: float) -> None:
    area = _raster.canvas(width, height, dpi)
    body = stripes(width, height)
    whole = pixels(one_piece(body, area))
    assert whole.shape[:2] == (area.pixels_high, area.pixels_wide)
    rows = sorted({1, 2, area.pixels_high // 2, area.pixels_high // 2 + 1, area.pixels_high - 1})
    for row in rows:
        top = _bands.draw(_raster.band_svg(body, area, 0, row), FONTS)
        bottom = _bands.draw(_raster.band_svg(body, area, row, area.pixels_high), FONTS)
        assert np.array_equal(pixels(_bands.join(top, bottom)), whole), row
        joined = _raster._two_bands(body, area, row, FONTS)  # the child process draws the bottom
        assert joined is not None and np.array_equal(pixels(joined), whole), row


def patchwork(width: float, height: float) -> str:
    """Many small axis-aligned boxes of seeded colours: a picture whose PNG stream has many deflate blocks."""
    parts = [stripes(width, height)]
    state = 12345
    y = 0.35
    while y < height - 7:
        x = 0.55
        while x < width - 10:
            state = (state * 1103515245 + 12345) % 2**31
            parts.append(f'<rect x="{x:.2f}" y="{y:.2f}" width="9.1" height="6.3" fill="#{state % 0xFFFFFF:06x}"/>')
            x += 10.0
        y += 7.0
    return "\n".join(parts)


def test_a_big_band_keeps_most_of_its_stream_and_joins() -> None:
    """Bands of more than 32 KB of scanlines: the bottom stream is cut at a block boundary and moved to the byte."""
    width, height = 1200.0, 400.0
    area = _raster.canvas(width, height, 144)
    body = patchwork(width, height)
    row = area.pixels_high // 2 + 3
    top = _bands.draw(_raster.band_svg(body, area, 0, row), FONTS)
    bottom = _bands.draw(_raster.band_svg(body, area, row, area.pixels_high), FONTS)
    _, _, stream = _bands.pixel_stream(bottom)
    found, _ = _bands.blocks(stream)
    assert len(found) > 3, "one block only: the cut is not exercised"
    assert np.array_equal(pixels(_bands.join(top, bottom)), pixels(one_piece(body, area)))


def test_a_picture_one_pixel_high() -> None:
    area = _raster.canvas(50.0, 1.0, 72)
    assert area.pixels_high == 1
    body = stripes(50.0, 1.0)
    data = _raster.render_png(body, area, 72, FONTS, band_pixels=1)  # no seam in one row: one piece
    assert pixels(data).shape == (1, area.pixels_wide, 4)
    assert np.array_equal(pixels(data), pixels(one_piece(body, area)))
    two = _raster.canvas(50.0, 1.0, 144)  # two rows, one a band
    assert two.pixels_high == 2
    body = stripes(50.0, 1.0)
    top = _bands.draw(_raster.band_svg(body, two, 0, 1), FONTS)
    bottom = _bands.draw(_raster.band_svg(body, two, 1, 2), FONTS)
    assert np.array_equal(pixels(_bands.join(top, bottom)), pixels(one_piece(body, two)))


@pytest.mark.parametrize("failure", ["worker", "zlib", "child-output"])
def test_a_failing_band_still_gives_the_whole_picture(monkeypatch: pytest.MonkeyPatch, failure: str) -> None:
    width, height = 300.0, 120.0
    area = _raster.canvas(width, height, 144)
    body = stripes(width, height)
    if failure == "worker":
        monkeypatch.setattr(_raster, "WORKER", Path(os.devnull).with_name("no-such-procesmap-worker.py"))
    elif failure == "zlib":

        def no_zlib() -> None:
            raise _bands.Unjoinable("no zlib library to call")

        monkeypatch.setattr(_bands, "_libz", no_zlib)
    else:
        real = _bands.join_pieces

        def broken(width: int, top: tuple[bytes, int, int], bottom: tuple[bytes, int, int, int]) -> bytes:
            raise _bands.Unjoinable("a band of another format")

        monkeypatch.setattr(_bands, "join_pieces", broken)
        assert real is not broken
    monkeypatch.setattr(_raster, "_cores", lambda: 2)
    monkeypatch.setattr(_raster, "seam", lambda area, blockers, share=0.52: area.pixels_high // 2)
    assert _raster._two_bands(body, area, area.pixels_high // 2, FONTS) is None
    data = _raster.render_png(body, area, 144, FONTS, band_pixels=1)
    assert np.array_equal(pixels(data), pixels(one_piece(body, area)))
    assert struct.unpack(">II", data[16:24]) == (area.pixels_wide, area.pixels_high)


def test_the_seam_keeps_clear_of_every_blocker() -> None:
    area = _raster.Canvas(100, 1000, 2.0, 2.0)  # 2 pixels a point
    assert _raster.seam(area, []) == 520  # TOP_SHARE of the height
    row = _raster.seam(area, [(200.0, 270.0), (255.0, 300.0)])
    assert row is not None and row >= 300 * 2 + _raster.SEAM_ROOM + 1  # past the blocked 400-600 pixels
    assert _raster.seam(area, [(100.0, 400.0)]) is None  # nothing free within 30-70%
    assert _raster.seam(_raster.Canvas(10, 1, 1.0, 1.0), []) is None


def test_blockers_of_shapes() -> None:
    vertical = s._Path([("M", 10.0, 5.0), ("L", 10.0, 95.0)], stroke="#000000", width=1.0)
    ranges = s._path_blockers(vertical, 2.0)
    assert all(b - a < 10 for a, b in ranges)  # only its ends, where the stroke ends in a horizontal edge
    assert any(a <= 5 <= b for a, b in ranges) and any(a <= 95 <= b for a, b in ranges)
    assert not any(a <= 50 <= b for a, b in ranges)
    slanted = s._Path([("M", 10.0, 5.0), ("L", 12.0, 95.0)], stroke="#000000", width=1.0)
    assert any(a <= 50 <= b for a, b in s._path_blockers(slanted, 2.0))
    box = s._Path(s._rounded(0.0, 10.0, 50.0, 80.0, 4.0), fill="#ffffff", stroke="#000000")
    assert any(a <= 50 <= b for a, b in s._path_blockers(box, 2.0))  # curves: the whole box
    rect = s._Path(s._rect(0.0, 10.0, 50.0, 80.0), fill="#ffffff", stroke="#000000")
    assert not any(a <= 50 <= b for a, b in s._path_blockers(rect, 2.0))
    round_end = s._Path([("M", 10.0, 5.0), ("L", 10.0, 95.0)], stroke="#000000", cap="round")
    assert any(a <= 50 <= b for a, b in s._path_blockers(round_end, 2.0))
    # a line of a pixel or less is a hairline: resvg draws it in pieces that depend on where it is cut
    assert any(a <= 50 <= b for a, b in s._path_blockers(vertical, 1.0))
    # a filled quarter circle blocks only its own rows; a ring (the PNG's box border) likewise
    filled = s._Path(s._rounded(0.0, 10.0, 50.0, 80.0, 4.0), fill="#ffffff")
    assert not any(a <= 50 <= b for a, b in s._path_blockers(filled, 2.0))
    assert any(a <= 12 <= b for a, b in s._path_blockers(filled, 2.0))


def test_a_box_border_is_a_ring_of_the_same_shape() -> None:
    picture = s._Picture(100.0, 100.0)
    box = s._rounded(10.0, 20.0, 50.0, 40.0, 6.0)
    picture.items.append(s._Item(1, [s._Path(box, fill="#fff8e1", stroke="#2b2b2b", width=1.2)], "node-a"))
    ringed = s._ringed(picture)
    fill, ring = ringed.items[0].elements
    assert fill.commands == box and fill.fill == "#fff8e1" and fill.stroke is None
    assert ring.evenodd and ring.fill == "#2b2b2b" and ring.stroke is None
    xs = [c[i] for c in ring.commands for i in range(1, len(c), 2)]
    ys = [c[i] for c in ring.commands for i in range(2, len(c), 2)]
    assert (min(xs), max(xs), min(ys), max(ys)) == pytest.approx((9.4, 60.6, 19.4, 60.6))  # half a width out
    assert ring.commands[10:] == s._rounded(10.6, 20.6, 48.8, 38.8, 5.4)  # and half a width in
    # drawn, the ring covers what resvg's stroke covers, to a level of anti-aliasing
    area = _raster.canvas(100.0, 100.0, 144)
    stroked = pixels(one_piece(s._svg_body(picture, False, True), area)).astype(int)
    filled = pixels(one_piece(s._svg_body(ringed, False, True), area)).astype(int)
    assert np.abs(stroked - filled).max() <= 40
    assert (np.abs(stroked - filled).max(axis=2) > 8).sum() < 0.01 * stroked.shape[0] * stroked.shape[1]


def unfilter(row: bytes, prior: bytes) -> bytes:
    """A PNG scanline of 4 bytes a pixel decoded against ``prior`` (ISO/IEC 15948, 9.2), written plainly."""
    kind, data = row[0], row[1:]
    out = bytearray(len(data))
    for i, value in enumerate(data):
        a = out[i - 4] if i >= 4 else 0
        b = prior[i]
        c = prior[i - 4] if i >= 4 else 0
        if kind == 0:
            predictor = 0
        elif kind == 1:
            predictor = a
        elif kind == 2:
            predictor = b
        elif kind == 3:
            predictor = (a + b) // 2
        else:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            predictor = a if pa <= pb and pa <= pc else b if pb <= pc else c
        out[i] = (value + predictor) & 0xFF
    return bytes(out)


@settings(max_examples=200, deadline=None)
@given(
    kind=st.integers(0, 4),
    data=st.binary(min_size=12, max_size=12),
    prior=st.binary(min_size=12, max_size=12),
)
def test_a_first_row_unprimed_decodes_the_same_under_any_row(kind: int, data: bytes, prior: bytes) -> None:
    row = bytes([kind]) + data
    expected = unfilter(row, bytes(12))  # a first row: filtered against zeros
    fixed = _bands.unprimed(row)
    assert fixed[0] in (0, 1)
    assert unfilter(fixed, prior) == expected


@settings(max_examples=100, deadline=None)
@given(first=st.binary(max_size=300), second=st.binary(min_size=1, max_size=300), new=st.integers(0, 255))
def test_adler32_combined_and_changed(first: bytes, second: bytes, new: int) -> None:
    assert _bands.adler32_combine(zlib.adler32(first), zlib.adler32(second), len(second)) == zlib.adler32(
        first + second
    )
    changed = bytes([new]) + second[1:]
    assert _bands._adler32_changed(zlib.adler32(second), len(second), second[0], new) == zlib.adler32(changed)


def test_adler32_combined_over_the_modulus() -> None:
    big = bytes(range(256)) * 600  # 153,600 bytes: past 65,521
    assert _bands.adler32_combine(zlib.adler32(big), zlib.adler32(big[::-1]), len(big)) == zlib.adler32(big + big[::-1])


def test_the_worker_imports_nothing_of_procesmap() -> None:
    source = Path(_bands.__file__).read_text(encoding="utf-8")
    assert "import procesmap" not in source and "from procesmap" not in source
