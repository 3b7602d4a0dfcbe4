"""The swimlane's PNG writer (procesmap.diagrams._png): what it writes, Pillow reads back exactly."""

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

from procesmap.diagrams._png import SIGNATURE, encode_png


def _chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == SIGNATURE
    found, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length:offset + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF, kind
        found.append((kind, body))
        offset += 12 + length
    return found


@settings(max_examples=60, deadline=None)
@given(arrays(np.uint8, st.tuples(st.integers(1, 17), st.integers(1, 23), st.just(4))), st.booleans())
def test_pillow_reads_back_every_pixel(rgba: np.ndarray, opaque: bool) -> None:
    if opaque:
        rgba = rgba.copy()
        rgba[..., 3] = 255
    data = encode_png(rgba, 200)
    image = Image.open(io.BytesIO(data))
    image.load()
    expected = rgba[..., :3] if bool((rgba[..., 3] == 255).all()) else rgba
    assert image.mode == ("RGB" if expected.shape[2] == 3 else "RGBA")
    assert np.array_equal(np.asarray(image), expected)


def test_chunks_resolution_and_text() -> None:
    rgba = np.full((3, 5, 4), 255, dtype=np.uint8)
    data = encode_png(rgba, 200, {"Software": "procesmap"})
    kinds = [kind for kind, _ in _chunks(data)]
    assert kinds == [b"IHDR", b"pHYs", b"tEXt", b"IDAT", b"IEND"]
    body = dict(_chunks(data))
    assert struct.unpack(">IIBBBBB", body[b"IHDR"]) == (5, 3, 8, 2, 0, 0, 0)
    x, y, unit = struct.unpack(">IIB", body[b"pHYs"])
    assert x == y == round(200 / 0.0254) and unit == 1
    assert body[b"tEXt"] == b"Software\0procesmap"
    assert Image.open(io.BytesIO(data)).info["Software"] == "procesmap"


def test_rejects_what_is_not_rgba() -> None:
    with pytest.raises(ValueError):
        encode_png(np.zeros((2, 2, 3), dtype=np.uint8), 200)
    with pytest.raises(ValueError):
        encode_png(np.zeros((2, 2, 4), dtype=np.float32), 200)
