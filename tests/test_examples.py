"""The pictures in examples/ are what procesmap draws today: ``scripts/draw-examples`` (the README's commands) draws
them again into a temporary folder, and each must be the committed file. Before, nothing held them: a change to
the diagrams left them stale without a sign (the PNGs had kept the box corners of before 855cdbd).

SVG, Mermaid and PDF (ReportLab's ``invariant`` output) are deterministic: byte for byte. A PNG's pixels may move
by antialiasing between versions of the rasteriser, so a PNG must have the committed size in pixels and the same
picture: in every 4 x 4 block of pixels the mean of each channel within :data:`PNG_BLOCK_TOLERANCE` (an edge
pixel drawn a little lighter moves its block by a few units; a changed label, colour or arrow by far more)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from .conftest import ROOT

EXAMPLES = ROOT / "examples"
SCRIPT = ROOT / "scripts" / "draw-examples"
#: the largest difference of a 4 x 4 block's mean, per channel (0-255), that antialiasing may make
PNG_BLOCK_TOLERANCE = 16.0


@pytest.fixture(scope="module")
def drawn(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("examples")
    environment = {**os.environ, "PYTHON": sys.executable, "PROCESMAP_LANG": "en", "LANG": "C.UTF-8"}
    subprocess.run(["bash", str(SCRIPT), str(folder)], check=True, env=environment, capture_output=True, timeout=300)
    return folder


def test_the_script_draws_exactly_the_files_in_examples(drawn: Path) -> None:
    assert sorted(p.name for p in drawn.iterdir()) == sorted(p.name for p in EXAMPLES.iterdir())


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.iterdir() if p.suffix in (".svg", ".mmd", ".pdf")))
def test_deterministic_formats_are_byte_for_byte_the_committed_file(drawn: Path, name: str) -> None:
    assert (drawn / name).read_bytes() == (EXAMPLES / name).read_bytes(), (
        f"examples/{name} is stale: run scripts/draw-examples and look at the pictures"
    )


def _blocks(data: bytes) -> np.ndarray:
    """The picture's 4 x 4 blocks of pixels, each the mean of its RGBA channels."""
    from PIL import Image

    pixels = np.asarray(Image.open(io.BytesIO(data)).convert("RGBA"), dtype=float)
    height, width = pixels.shape[0] // 4 * 4, pixels.shape[1] // 4 * 4
    return pixels[:height, :width].reshape(height // 4, 4, width // 4, 4, 4).mean(axis=(1, 3))


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.iterdir() if p.suffix == ".png"))
def test_pngs_have_the_committed_size_and_picture(drawn: Path, name: str) -> None:
    from PIL import Image

    fresh, committed = (drawn / name).read_bytes(), (EXAMPLES / name).read_bytes()
    assert Image.open(io.BytesIO(fresh)).size == Image.open(io.BytesIO(committed)).size, f"examples/{name} is stale"
    worst = float(np.abs(_blocks(fresh) - _blocks(committed)).max())
    assert worst <= PNG_BLOCK_TOLERANCE, f"examples/{name} is stale (a block {worst:.0f} of 255 apart)"


def test_the_block_comparison_sees_a_changed_label() -> None:
    """The tolerance lets antialiasing through, not a picture with one letter of one label changed."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (400, 100), "white")
    ImageDraw.Draw(image).text((20, 40), "Gemeente Veenendijk", fill="black")
    changed = image.copy()
    ImageDraw.Draw(changed).rectangle((20, 40, 30, 52), fill="white")
    ImageDraw.Draw(changed).text((20, 40), "H", fill="black")
    before, after = io.BytesIO(), io.BytesIO()
    image.save(before, "PNG")
    changed.save(after, "PNG")
    assert float(np.abs(_blocks(before.getvalue()) - _blocks(after.getvalue())).max()) > PNG_BLOCK_TOLERANCE


def test_the_readme_names_the_script_and_its_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    script = SCRIPT.read_text(encoding="utf-8")
    assert "scripts/draw-examples" in readme
    assert "procesmap diagram processes/omgevingsvergunning.yaml --single" in readme
    assert "--single -o" in script and "--organisations" in script and "--organisations" in readme
