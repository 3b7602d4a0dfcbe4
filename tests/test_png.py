"""The PNG chunk writer of the swimlane (procesmap.diagrams._png): Pillow reads back the pixels unchanged,
and the resolution and text that were set; every CRC is right."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from PIL import Image

from procesmap.diagrams._png import SIGNATURE, set_resolution


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == SIGNATURE
    found, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        body = data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF, kind
        found.append((kind, body))
        offset += 12 + length
    return found


def _pillow_png(pixels: np.ndarray, dpi: float | None = None) -> bytes:
    out = io.BytesIO()
    Image.fromarray(pixels).save(out, "PNG", **({"dpi": (dpi, dpi)} if dpi else {}))
    return out.getvalue()


@settings(max_examples=60, deadline=None)
@given(
    arrays(np.uint8, st.tuples(st.integers(1, 17), st.integers(1, 23), st.sampled_from([3, 4]))),
    st.sampled_from([None, 72.0, 96.0]),
    st.floats(50, 600),
)
def test_pillow_reads_back_every_pixel_and_the_new_resolution(
    pixels: np.ndarray, old: float | None, dpi: float
) -> None:
    data = set_resolution(_pillow_png(pixels, old), dpi, {"Software": "procesmap"})
    image = Image.open(io.BytesIO(data))
    image.load()
    assert np.array_equal(np.asarray(image), pixels)
    assert abs(image.info["dpi"][0] - dpi) < 0.05 and image.info["Software"] == "procesmap"
    kinds = [kind for kind, _ in _chunks(data)]
    assert kinds.count(b"pHYs") == 1 and kinds.count(b"tEXt") == 1 and kinds[:3] == [b"IHDR", b"pHYs", b"tEXt"]


def test_chunks_resolution_and_text() -> None:
    data = set_resolution(_pillow_png(np.full((3, 5, 3), 255, dtype=np.uint8)), 200, {"Software": "procesmap"})
    body = dict(_chunks(data))
    assert struct.unpack(">IIBBBBB", body[b"IHDR"]) == (5, 3, 8, 2, 0, 0, 0)
    x, y, unit = struct.unpack(">IIB", body[b"pHYs"])
    assert x == y == round(200 / 0.0254) and unit == 1  # 7874 pixels per metre, by hand
    assert body[b"tEXt"] == b"Software\0procesmap"


def test_rejects_what_is_not_a_png() -> None:
    with pytest.raises(ValueError):
        set_resolution(b"GIF89a....", 200)
