"""Two PNGs of horizontal bands of one picture joined into one PNG, without decoding a pixel or compressing anew.

resvg (its binding ``resvg``) holds Python's GIL while it draws, so two threads draw one after the other; two
processes draw at the same time. :mod:`procesmap.diagrams._raster` has the parent draw the top band of a big picture
while a child process (this file run as a script; it imports nothing of procesmap, only resvg) draws the bottom band, and
:func:`join` makes one PNG of the two. A PNG's pixels are one zlib stream of scanlines, each a filter-type byte and
the filtered bytes (ISO/IEC 15948, 'Filtering'); the two bands' deflate streams are put one after the other:

* The top band's stream ends with its final block. zlib's ``inflate`` with ``Z_BLOCK`` stops at every block
  boundary and says where it is to the bit (this is how zlib's own ``gzjoin`` example joins streams); the final
  block's 'last block' bit is cleared and an empty stored block follows, which ends on a byte boundary. Python's
  ``zlib`` module does not offer ``Z_BLOCK``, so the zlib library it is linked with is called through ``ctypes``
  (:func:`_libz`; where it cannot be loaded the picture is drawn in one piece).
* The bottom band's first scanline was filtered against a row of zeros (it was a picture's first row). Up (2)
  against zeros is None (0), Paeth (4) against zeros is Sub (1): only the type byte changes (Average (3) is undone
  and the row stored unfiltered). So the bottom band's stream is inflated only up to its first block boundary
  32 KB past that row (no later block can refer back to it), that part is deflated anew with the row changed, and
  the rest of the stream follows as it is, moved to the byte boundary.
* The zlib trailer's Adler-32 of the whole comes from the two bands' trailers (:func:`adler32_combine`, zlib's
  formula; the changed byte is accounted for), so no band is read twice.

The join's pixels are the pixels of the two bands; that they are the pixels of the picture drawn at once depends
on where the seam is (:func:`procesmap.diagrams._raster.seam`); the tests compare every pixel.
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys
import zlib
from typing import Any

SIGNATURE = b"\x89PNG\r\n\x1a\n"
FAMILY = "DejaVu Sans"
IDENTITY = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0)
"""resvg's transform of the picture as ``(a, b, c, d, e, f)``: x' = a x + b y + c, y' = d x + e y + f (none)."""
WINDOW = 32768
"""How far back a deflate stream may refer (bytes)."""
REDEFLATE_LEVEL = 6
"""zlib's level for the bottom band's start deflated anew (the child's critical path): on the 40-step map's band
(3.9 MB of scanlines up to the first block boundary past the window) 19 ms against 44 ms at level 9, for 500 bytes
more in a PNG of 0.46 MB."""
_BASE = 65521  # Adler-32's modulus


class Unjoinable(ValueError):
    """A band that cannot be joined this way (another PNG format, no zlib library to call): draw in one piece."""


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """The ``(type, body)`` chunks of PNG bytes (CRCs not checked)."""
    if data[:8] != SIGNATURE:
        raise Unjoinable("not a PNG file")
    found, offset = [], 8
    while offset + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        found.append((kind, data[offset + 8 : offset + 8 + length]))
        offset += 12 + length
    return found


def pixel_stream(png: bytes) -> tuple[int, int, bytes]:
    """Width, height and the zlib stream of an 8-bit RGBA PNG that is not interlaced (what resvg writes)."""
    found = chunks(png)
    if not found or found[0][0] != b"IHDR" or len(found[0][1]) != 13:
        raise Unjoinable("PNG without IHDR")
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", found[0][1])
    if (depth, colour, interlace) != (8, 6, 0):
        raise Unjoinable(f"PNG of depth {depth}, colour type {colour}, interlace {interlace}")
    return width, height, b"".join(body for kind, body in found if kind == b"IDAT")


# -- zlib through ctypes ----------------------------------------------------------------------------


class _ZStream(ctypes.Structure):
    """zlib's ``z_stream`` (zlib.h)."""

    _fields_ = [
        ("next_in", ctypes.c_void_p),
        ("avail_in", ctypes.c_uint),
        ("total_in", ctypes.c_ulong),
        ("next_out", ctypes.c_void_p),
        ("avail_out", ctypes.c_uint),
        ("total_out", ctypes.c_ulong),
        ("msg", ctypes.c_char_p),
        ("state", ctypes.c_void_p),
        ("zalloc", ctypes.c_void_p),
        ("zfree", ctypes.c_void_p),
        ("opaque", ctypes.c_void_p),
        ("data_type", ctypes.c_int),
        ("adler", ctypes.c_ulong),
        ("reserved", ctypes.c_ulong),
    ]


_Z_OK, _Z_STREAM_END, _Z_BUF_ERROR, _Z_BLOCK = 0, 1, -5, 5
_LIBZ: list[Any] = []


def _libz() -> Any:
    """The zlib library, loaded once (the one Python's zlib module uses on Linux; on macOS the system's)."""
    if not _LIBZ:
        library = None
        for name in ("libz.so.1", "libz.dylib", "libz.so"):
            try:
                library = ctypes.CDLL(name)
                break
            except OSError:
                continue
        if library is None:
            raise Unjoinable("no zlib library to call")
        library.zlibVersion.restype = ctypes.c_char_p
        library.inflateInit2_.argtypes = [ctypes.POINTER(_ZStream), ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        library.inflate.argtypes = [ctypes.POINTER(_ZStream), ctypes.c_int]
        library.inflateEnd.argtypes = [ctypes.POINTER(_ZStream)]
        _LIBZ.append(library)
    return _LIBZ[0]


def blocks(stream: bytes, keep: int = 0) -> tuple[list[tuple[int, int, bool]], bytes]:
    """The block boundaries of a zlib ``stream``: (bit from the stream's start, bytes put out so far, whether the
    block that ends there was the last), the first one where the first block starts, the last one where the final
    block ends; and what was put out up to the first boundary at least ``keep`` bytes out. The whole stream is inflated (about 4 ms a million pixels)."""
    library = _libz()
    state = _ZStream()
    if library.inflateInit2_(ctypes.byref(state), 15, library.zlibVersion(), ctypes.sizeof(_ZStream)) != _Z_OK:
        raise Unjoinable("zlib's inflateInit2 failed")
    source = ctypes.create_string_buffer(stream, len(stream))
    sink = ctypes.create_string_buffer(1 << 20)
    state.next_in = ctypes.addressof(source)
    state.avail_in = len(stream)
    found: list[tuple[int, int, bool]] = []
    kept: list[bytes] = []
    keeping = keep > 0
    try:
        while True:
            state.next_out = ctypes.addressof(sink)
            state.avail_out = len(sink)
            code = library.inflate(ctypes.byref(state), _Z_BLOCK)
            if keeping:
                kept.append(sink.raw[: len(sink) - state.avail_out])
            if code == _Z_STREAM_END:
                if state.total_in != len(stream) or not found or not found[-1][2]:
                    raise Unjoinable("a zlib stream that does not end with its final block")
                return found, b"".join(kept)
            if code not in (_Z_OK, _Z_BUF_ERROR) or (code == _Z_BUF_ERROR and state.avail_in == 0):
                raise Unjoinable(f"zlib's inflate failed ({code})")
            if state.data_type & 128:  # at a block boundary (or just after the zlib header)
                bit = state.total_in * 8 - (state.data_type & 63)
                if not found or found[-1][0] != bit:
                    found.append((bit, state.total_out, bool(state.data_type & 64)))
                keeping = keeping and state.total_out < keep
    finally:
        library.inflateEnd(ctypes.byref(state))


# -- the join ------------------------------------------------------------------------------------------


def adler32_combine(first: int, second: int, second_length: int) -> int:
    """The Adler-32 of two byte strings one after the other, from each one's and the second's length (zlib's
    ``adler32_combine``)."""
    remainder = second_length % _BASE
    sum1 = first & 0xFFFF
    sum2 = (remainder * sum1) % _BASE
    sum1 = (sum1 + (second & 0xFFFF) + _BASE - 1) % _BASE
    sum2 = (sum2 + ((first >> 16) & 0xFFFF) + ((second >> 16) & 0xFFFF) + _BASE - remainder) % _BASE
    return sum1 | (sum2 << 16)


def _adler32_changed(checksum: int, length: int, old: int, new: int) -> int:
    """The Adler-32 of ``length`` bytes whose first byte goes from ``old`` to ``new`` (it is in every partial sum)."""
    delta = new - old
    sum1 = ((checksum & 0xFFFF) + delta) % _BASE
    sum2 = ((checksum >> 16) + delta * length) % _BASE
    return sum1 | (sum2 << 16)


def unprimed(row: bytes) -> bytes:
    """A scanline filtered against a row of zeros (a picture's first row) as one that needs no row above it."""
    kind = row[0]
    if kind in (0, 1):  # None, Sub: the row above is not used
        return row
    if kind == 2:  # Up against zeros is None
        return b"\x00" + row[1:]
    if kind == 4:  # Paeth against zeros predicts the left byte: Sub
        return b"\x01" + row[1:]
    if kind != 3:
        raise Unjoinable(f"unknown PNG filter type {kind}")
    pixels = bytearray(row[1:])  # Average against zeros: half the left byte
    for i in range(4, len(pixels)):
        pixels[i] = (pixels[i] + (pixels[i - 4] >> 1)) & 0xFF
    return b"\x00" + bytes(pixels)


def open_end(stream: bytes) -> bytes:
    """The deflate data of a zlib ``stream`` (header and trailer off) with its final block made not final and an
    empty stored block after it: it ends on a byte boundary, and more deflate data may follow."""
    found, _ = blocks(stream)
    if len(found) < 2:
        raise Unjoinable("no final block found")
    last_start, end = found[-2][0], found[-1][0]
    data = bytearray(stream[2 : (end + 7) // 8])
    data[last_start // 8 - 2] &= ~(1 << (last_start % 8)) & 0xFF
    used = end % 8
    if used:
        data[-1] &= (1 << used) - 1  # after the last block: zeros, the stored block's header bits
    if used == 0 or used > 5:  # the stored block's three header bits (not last, type 00) start a new byte
        data.append(0)
    return bytes(data) + b"\x00\x00\xff\xff"  # to the byte boundary, LEN 0, NLEN


def unprimed_start(stream: bytes, width: int) -> tuple[bytes, int]:
    """The deflate data of a zlib ``stream`` of ``width``-pixel scanlines (header and trailer off) with its first
    scanline :func:`unprimed`, and the Adler-32 of what it puts out: the stream up to its first block boundary
    :data:`WINDOW` bytes past that row is deflated anew, the rest follows as it is, moved to the byte boundary."""
    stride = 4 * width + 1
    found, head = blocks(stream, keep=stride + WINDOW)
    first = unprimed(head[:stride])
    total = found[-1][1]
    adler = _adler32_changed(struct.unpack(">I", stream[-4:])[0], total, head[0], first[0])
    compressor = zlib.compressobj(REDEFLATE_LEVEL, zlib.DEFLATED, -15)
    cut = next(((bit, out) for bit, out, _ in found[1:-1] if out >= stride + WINDOW), None)
    if cut is None:  # one stretch: deflate it anew, final
        whole = zlib.decompress(stream)
        return compressor.compress(first + whole[stride:]) + compressor.flush(zlib.Z_FINISH), adler
    bit, out = cut
    new = compressor.compress(first + head[stride:out]) + compressor.flush(zlib.Z_SYNC_FLUSH)
    end = found[-1][0]
    rest = stream[bit // 8 : (end + 7) // 8]
    shift = bit % 8
    if shift:  # deflate's bits fill each byte from its lowest bit: the stream read as one little-endian number
        rest = (int.from_bytes(rest, "little") >> shift).to_bytes(len(rest), "little")
    return new + rest[: (end - bit + 7) // 8], adler


def join_pieces(width: int, top: tuple[bytes, int, int], bottom: tuple[bytes, int, int, int]) -> bytes:
    """One PNG from the top band's ``(open_end data, Adler-32 of its stream, height)`` and the bottom band's
    ``(unprimed_start data, Adler-32, length of its scanlines, height)``."""
    adler = adler32_combine(top[1], bottom[1], bottom[2])
    stream = b"\x78\x9c" + top[0] + bottom[0] + struct.pack(">I", adler)
    header = struct.pack(">IIBBBBB", width, top[2] + bottom[3], 8, 6, 0, 0, 0)
    return SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", stream) + chunk(b"IEND", b"")


def top_piece(png: bytes) -> tuple[int, tuple[bytes, int, int]]:
    """The width and the join's piece of a top band's PNG."""
    width, height, stream = pixel_stream(png)
    return width, (open_end(stream), struct.unpack(">I", stream[-4:])[0], height)


def bottom_piece(png: bytes) -> tuple[int, tuple[bytes, int, int, int]]:
    """The width and the join's piece of a bottom band's PNG."""
    width, height, stream = pixel_stream(png)
    data, adler = unprimed_start(stream, width)
    return width, (data, adler, (4 * width + 1) * height, height)


def join(top: bytes, bottom: bytes) -> bytes:
    """One PNG of the 8-bit RGBA PNGs ``top`` and ``bottom`` (as wide) one above the other."""
    width, upper = top_piece(top)
    bottom_width, lower = bottom_piece(bottom)
    if bottom_width != width:
        raise Unjoinable("bands of different widths")
    return join_pieces(width, upper, lower)


def chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk: length, type, data and the CRC of type and data."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def draw(svg: str, fonts: list[str]) -> bytes:
    """The SVG drawn by resvg at its own size (one unit a pixel), text in DejaVu Sans from ``fonts``: the PNG's bytes.

    No system font is loaded (``Options.default()`` has none): the picture is the same on every machine.
    """
    import resvg  # lazy: resvg loads only when a PNG is drawn

    options = resvg.usvg.Options.default()
    for font in fonts:
        options.load_font_file(font)
    options.font_family = FAMILY
    tree = resvg.usvg.Tree.from_str(svg, options)
    return bytes(resvg.render(tree, IDENTITY))


WHOLE = "--whole"
"""The child's first argument when it draws whole pictures: ``--whole N SVG-FILE.. FONT..``."""


def _main(argv: list[str]) -> int:
    """The child: ``_bands.py SVG-FILE FONT..``: the join's piece of the bottom band on standard output, after a
    header of width, Adler-32, length and height. ``_bands.py --whole N SVG-FILE.. FONT..``: each of the N SVG
    files drawn whole, as the file of the same name ending in ``.png`` (written under a temporary name, then
    renamed: a PNG file that is there is complete)."""
    if argv and argv[0] == WHOLE:
        count = int(argv[1])
        files, fonts = argv[2 : 2 + count], argv[2 + count :]
        for name in files:
            with open(name, encoding="utf-8") as handle:
                data = draw(handle.read(), fonts)
            target = name.removesuffix(".svg") + ".png"
            with open(target + ".part", "wb") as out:
                out.write(data)
            os.replace(target + ".part", target)
        return 0
    with open(argv[0], encoding="utf-8") as handle:
        svg = handle.read()
    width, (data, adler, length, height) = bottom_piece(draw(svg, argv[1:]))
    sys.stdout.buffer.write(struct.pack(">IIQI", width, adler, length, height) + data)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
