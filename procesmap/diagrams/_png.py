"""PNG chunks: the print resolution and text entries of the PNG that resvg writes for the swimlane.

resvg writes the pixels; it records no resolution. The swimlane is drawn at a known resolution, so the
``pHYs`` chunk says so (a word processor then places it at its real size), and a ``tEXt``
chunk names the software. The format is the PNG specification's (ISO/IEC 15948): signature,
then chunks of length, type, data and CRC; ``pHYs`` and ``tEXt`` go right after ``IHDR``.
"""

from __future__ import annotations

import struct

from procesmap.diagrams._bands import SIGNATURE, chunk, chunks


def set_resolution(data: bytes, dpi: float, text: dict[str, str] | None = None) -> bytes:
    """PNG bytes with their print resolution (``pHYs``) set to ``dpi`` and Latin-1 ``text`` entries
    (earlier ``pHYs`` and ``tEXt`` chunks are dropped; every other chunk is kept as it is)."""
    per_metre = round(dpi / 0.0254)
    parts = [SIGNATURE]
    for kind, body in chunks(data):
        if kind in (b"pHYs", b"tEXt"):
            continue
        parts.append(chunk(kind, body))
        if kind == b"IHDR":
            parts.append(chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)))
            for key, value in (text or {}).items():
                parts.append(chunk(b"tEXt", key.encode("latin-1") + b"\0" + value.encode("latin-1", "replace")))
    return b"".join(parts)
