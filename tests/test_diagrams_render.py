"""The swimlane picture as a user gets it: SVG structure read back from the file, PNG resolution, PDF fonts."""

from __future__ import annotations

import base64
import io
import re
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from functools import lru_cache

import pytest

import procesmap
from procesmap.diagrams import render_swimlane
from procesmap.diagrams.sample import synthetic_map
from tests.conftest import ROOT, bundled, need_tool

SVG = "{http://www.w3.org/2000/svg}"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


@lru_cache(maxsize=None)
def analysis_of(name: str) -> procesmap.Analysis:
    if name.startswith("generated-"):
        _, steps, seed = name.split("-")
        return procesmap.analyse(procesmap.loads(synthetic_map(int(steps), int(seed))), cases=200)
    return procesmap.analyse(procesmap.load(ROOT / "processes" / f"{name}.yaml"))  # as the command does


@lru_cache(maxsize=None)
def svg_of(name: str, lang: str = "nl") -> str:
    return render_swimlane(analysis_of(name), "svg", lang).decode("utf-8")


def groups(root: ET.Element, prefix: str) -> dict[str, ET.Element]:
    return {g.get("id", "")[len(prefix) :]: g for g in root.iter(f"{SVG}g") if g.get("id", "").startswith(prefix)}


def path_box(group: ET.Element) -> tuple[float, float, float, float]:
    """Bounding box (x0, y0, x1, y1) of the path coordinates inside a group (SVG user units, y down)."""
    xs: list[float] = []
    ys: list[float] = []
    for path in group.iter(f"{SVG}path"):
        values = [float(v) for v in NUMBER.findall(path.get("d", ""))]
        xs += values[0::2]
        ys += values[1::2]
    assert xs and ys, ET.tostring(group)[:200]
    return (min(xs), min(ys), max(xs), max(ys))


def texts(group: ET.Element) -> str:
    return " ".join(" ".join(t.itertext()) for t in group.iter(f"{SVG}text"))


def check_svg(svg: str, analysis: procesmap.Analysis) -> None:
    root = ET.fromstring(svg)
    assert root.get("viewBox", "").startswith("0 0 ")
    nodes = groups(root, "node-")
    labels = groups(root, "label-")
    process = analysis.process
    assert set(nodes) == {s.id for s in process.steps}
    for step in process.steps:  # every step's full name is in the picture, as text
        assert " ".join(texts(labels[step.id]).split()).replace(" ", "") == step.label.replace(" ", ""), step.id
    boxes = {step: path_box(group) for step, group in nodes.items()}
    items = sorted(boxes.items())
    for i, (a, (ax0, ay0, ax1, ay1)) in enumerate(items):  # no two step shapes overlap
        assert ax1 - ax0 > 10 and ay1 - ay0 > 10
        for b, (bx0, by0, bx1, by1) in items[i + 1 :]:
            assert ax1 <= bx0 or bx1 <= ax0 or ay1 <= by0 or by1 <= ay0, f"{a} overlaps {b}"
    lanes = groups(root, "lane-")
    assert set(lanes) == set(process.roles) | ({"none"} if "none" in lanes else set())
    lane_labels = groups(root, "lanelabel-")
    for role_id, role in process.roles.items():
        assert " ".join(texts(lane_labels[role_id]).split()).replace(" ", "") == (role.name or role_id).replace(" ", "")
    assert "<script" not in svg.lower()


@pytest.mark.parametrize("file", bundled(), ids=lambda p: p.stem)
def test_svg_of_every_bundled_map(file: object) -> None:
    name = file.stem  # type: ignore[attr-defined]
    check_svg(svg_of(name), analysis_of(name))


def test_svg_of_a_60_step_map_in_english() -> None:
    svg = svg_of("generated-60-2", "en")
    check_svg(svg, analysis_of("generated-60-2"))
    assert "handover to another organisation" in svg and "Externe" not in svg


def test_svg_shows_findings_omgevingsvergunning() -> None:
    svg = svg_of("omgevingsvergunning")
    root = ET.fromstring(svg)
    # the bottleneck with its utilisation, the single points of failure, waits with a decimal comma
    badges = {key: " ".join(texts(group).split()) for key, group in groups(root, "badge-").items()}
    assert badges == {
        "spof-teamleider-vth": "⚠ kwetsbaar: één persoon, geen vervanger",
        "spof-adviseur-milieu-odvr": "⚠ kwetsbaar: één persoon, geen vervanger",
        "bottleneck-adviseur-milieu-odvr": "▲ bottleneck: bezetting 91%",
    }
    wait = next(w for w in analysis_of("omgevingsvergunning").time.waits if w.step == "advies-milieu")
    assert round(wait.per_case, 1) == 16.1 and round(wait.share_of_cycle_time * 100) == 27  # with queueing
    # the label says the wait each time a case comes (per case / expected visits, from the graph) and how often
    visits = analysis_of("omgevingsvergunning").visits["advies-milieu"]
    assert round(visits, 2) == 0.42  # 0.93 reach the content check x 45% that need advice
    per_visit = f"{wait.per_case / visits:.1f}".replace(".", ",")
    assert texts(groups(root, "wait-")["advies-milieu"]) == f"wacht {per_visit} d/keer · 0,42×/zaak"
    # its badges: the finding about the step (PM305, numbered 1) and the workshop's knelpunt k2, both in the key
    assert {key for key in groups(root, "stepbadge-")} == {
        "advies-milieu-1",
        "advies-milieu-k2",
        "intake-odvr-k1",
        "volledigheid-k3",
        "ondertekenen-k4",
        "advies-brandveiligheid-k5",
        "adviezen-uitzetten-k6",
    }
    key_texts = {key: " ".join(texts(group).split()) for key, group in groups(root, "keytext-").items()}
    assert key_texts["1"].startswith("PM305 ") and "advies-milieu" in key_texts["1"]
    assert key_texts["k4"] == "Alle besluiten wachten op de paraaf van de teamleider; bij afwezigheid ligt alles stil."
    # org handovers red and thick (manual ones dashed as well), the rework loop through the applicant teal (external) and dotted, plain flow grey
    edges = groups(root, "edge-")

    def style(key: str) -> dict[str, str]:
        [path] = list(edges[key].iter(f"{SVG}path"))
        return dict(part.split(": ", 1) for part in path.get("style", "").split("; ") if part)

    org, manual = style("advies-brandveiligheid--adviezen-bundelen"), style("adviezen-uitzetten--intake-odvr")
    rework, flow = style("aanvullen--volledigheid"), style("conceptbesluit--collegiale-toets")
    assert org["stroke"] == manual["stroke"] == "#c62828" and float(org["stroke-width"]) > 2 * float(
        flow["stroke-width"]
    )
    assert "stroke-dasharray" not in org and "stroke-dasharray" in manual
    assert rework["stroke"] == "#00838f" and "stroke-dasharray" in rework  # a loop through an external party
    dots, gap = (float(v) for v in rework["stroke-dasharray"].split(","))
    dash, _ = (float(v) for v in manual["stroke-dasharray"].split(","))
    assert dots == gap and dots < dash  # dotted, not dashed
    assert flow["stroke"] == "#4a4a4a" and "stroke-dasharray" not in flow
    assert "30% · aanvraag onvolledig" in " ".join(texts(groups(root, "edgelabel-")["volledigheid--aanvullen"]).split())
    # to the applicant (external): as heavy as an organisation handover, in teal
    assert style("volledigheid--aanvullen")["stroke"] == "#00838f"
    assert float(style("volledigheid--aanvullen")["stroke-width"]) == float(org["stroke-width"])
    for key in (
        "start",
        "task",
        "decision",
        "parallel",
        "end",
        "flow",
        "team",
        "organisation",
        "external",
        "manual",
        "rework",
        "wait_bar",
        "spof",
        "bottleneck",
        "badge_finding",
        "badge_issue",
    ):
        assert key in groups(root, "legend-"), key
    # and only what it shows: no wait step, no overloaded role in this map (tests/test_diagrams_legend.py)
    assert "wait" not in groups(root, "legend-") and "overloaded" not in groups(root, "legend-")


def test_svg_embeds_its_font_with_the_dutch_characters() -> None:
    from fontTools.ttLib import TTFont

    svg = svg_of("generated-12-3")
    assert "één, ë, ï" in svg
    faces = re.findall(r"url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)", svg)
    assert len(faces) == 2  # regular and bold
    font = TTFont(io.BytesIO(base64.b64decode(faces[0])))
    cmap = font.getBestCmap()
    assert all(ord(c) in cmap for c in "ëéï%,0123456789")
    assert "font-family=\"'procesmap-sans', 'DejaVu Sans'" in svg


def test_svg_escapes_hostile_names() -> None:
    text = """\
procesmap: 1
id: vijandig
owner: a
roles: {a: {name: "<b>Rol</b> & co", people: 2}}
steps:
  - {id: s1, type: start, role: a, name: "<script>alert(1)</script>", next: s2}
  - {id: s2, type: end, role: a, name: "Kosten $5 en $6 \\"quotes\\""}
"""
    analysis = procesmap.analyse(procesmap.loads(text), cases=100)
    svg = render_swimlane(analysis, "svg", "nl").decode("utf-8")
    assert "<script" not in svg and "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert "Kosten $5 en $6" in svg  # no mathtext
    check_svg(svg, analysis)


def png_facts(data: bytes) -> tuple[int, int, float]:
    """Width and height in pixels (``IHDR``) and the recorded resolution in dpi (``pHYs``), read from the chunks."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks = {}
    offset = 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        chunks[kind] = data[offset + 8 : offset + 8 + length]
        offset += 12 + length
    width, height = struct.unpack(">II", chunks[b"IHDR"][:8])
    x_ppm, y_ppm, unit = struct.unpack(">IIB", chunks[b"pHYs"])
    assert unit == 1 and x_ppm == y_ppm  # pixels a metre
    return width, height, x_ppm * 0.0254


def viewbox(analysis: procesmap.Analysis) -> tuple[float, float]:
    """The picture's size in points, from its SVG."""
    root = ET.fromstring(render_swimlane(analysis, "svg", "nl"))
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    return width, height


def test_png_is_drawn_at_two_pixels_a_point_and_says_so() -> None:
    """The default, 144 dpi: 2 pixels for each point of the SVG (resvg rounds to whole pixels), recorded in ``pHYs``
    so a word processor places it at its size."""
    analysis = analysis_of("wmo-melding")
    width, height, dpi = png_facts(render_swimlane(analysis, "png", "nl"))
    points_wide, points_high = viewbox(analysis)
    assert dpi == pytest.approx(144, abs=0.02)
    assert abs(width - 2 * points_wide) <= 1 and abs(height - 2 * points_high) <= 1
    from PIL import Image

    image = Image.open(io.BytesIO(render_swimlane(analysis, "png", "nl")))
    image.verify()


def test_png_at_an_asked_resolution() -> None:
    """``dpi=300`` (``diagram --dpi 300``): print quality, 300/72 pixels a point, also past the screen cap."""
    from PIL import Image

    from procesmap.diagrams.swimlane import MAX_PIXELS

    analysis = analysis_of("wmo-melding")
    data = render_swimlane(analysis, "png", "nl", dpi=300)
    width, height, dpi = png_facts(data)
    points_wide, points_high = viewbox(analysis)
    assert dpi == pytest.approx(300, abs=0.02)
    assert abs(width - points_wide * 300 / 72) <= 1 and abs(height - points_high * 300 / 72) <= 1
    assert width * height > MAX_PIXELS  # asked for: not lowered to a screen's pixels
    assert Image.open(io.BytesIO(data)).info["dpi"][0] == pytest.approx(300, abs=0.02)


def test_a_map_over_the_pixel_cap_is_drawn_at_the_resolution_that_fills_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Over :data:`MAX_PIXELS` (16 million) at 144 dpi: the resolution that gives exactly that many; an asked
    resolution is kept; both give way to the work limit of PNG pixels (``bounds.MAX_PNG_PIXELS``)."""
    from procesmap.diagrams import bounds

    analysis = analysis_of("generated-40-0")  # about 4,500 x 1,300 points: 24 million pixels at 144 dpi
    points_wide, points_high = viewbox(analysis)
    square_inches = points_wide / 72 * points_high / 72
    width, height, dpi = png_facts(render_swimlane(analysis, "png", "nl"))
    assert dpi == pytest.approx((16_000_000 / square_inches) ** 0.5, abs=0.02) and dpi < 144
    # pHYs holds whole pixels a metre (dpi to 0.013) and resvg rounds the size: within 2 pixels
    assert abs(width - points_wide * dpi / 72) <= 2 and abs(height - points_high * dpi / 72) <= 2
    assert width * height <= 16_000_000 * 1.002  # whole pixels round up a little
    asked_width, _, asked = png_facts(render_swimlane(analysis, "png", "nl", dpi=72))
    assert asked == pytest.approx(72, abs=0.02) and abs(asked_width - points_wide) <= 1

    small = analysis_of("wmo-melding")
    small_wide, small_high = viewbox(small)
    monkeypatch.setattr(bounds, "MAX_PNG_PIXELS", 400_000)
    for asked_dpi in (None, 300):
        width, height, dpi = png_facts(render_swimlane(small, "png", "nl", dpi=asked_dpi))
        assert dpi == pytest.approx((400_000 / (small_wide / 72 * small_high / 72)) ** 0.5, abs=0.02)
        assert width * height <= 400_000 * 1.01


def test_pdf_is_vector_with_embedded_truetype_fonts(tmp_path: object) -> None:
    data = render_swimlane(analysis_of("bezwaarschrift"), "pdf", "nl")
    assert data.startswith(b"%PDF-")
    assert b"/FontFile2" in data  # TrueType embedded (pdf.fonttype 42)
    assert b"/Subtype /Image" not in data  # vectors, not a bitmap
    pdffonts = need_tool("pdffonts", "apt-get install poppler-utils; .ci/run installs it")
    path = tmp_path / "b.pdf"  # type: ignore[operator]
    path.write_bytes(data)
    out = subprocess.run([pdffonts, str(path)], capture_output=True, text=True, timeout=60, check=True).stdout
    rows = [line for line in out.splitlines()[2:] if line.strip()]
    assert rows and all(" yes " in row and "TrueType" in row for row in rows), out


def test_bad_format_is_refused() -> None:
    with pytest.raises(ValueError):
        render_swimlane(analysis_of("wmo-melding"), "gif", "nl")


def test_font_subset_is_cached_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from procesmap.diagrams import swimlane

    monkeypatch.setenv("PROCESMAP_CACHE_DIR", str(tmp_path))
    swimlane._subset_font.cache_clear()
    made = swimlane._subset_font(False, "abc")
    files = list((tmp_path / "fonts").glob("*.woff"))
    assert made and made[:4] == b"wOFF" and len(files) == 1 and files[0].read_bytes() == made
    assert not list((tmp_path / "fonts").glob(".*"))  # written atomically, no temporary file left behind
    # read back from disk, not made again
    swimlane._subset_font.cache_clear()
    monkeypatch.setattr(swimlane, "_make_subset", lambda *a: pytest.fail("subset made again"))
    assert swimlane._subset_font(False, "abc") == made
    # a damaged cache file is made again, not used
    monkeypatch.undo()
    monkeypatch.setenv("PROCESMAP_CACHE_DIR", str(tmp_path))
    files[0].write_bytes(b"garbage")
    swimlane._subset_font.cache_clear()
    assert swimlane._subset_font(False, "abc") == made and files[0].read_bytes() == made
    swimlane._subset_font.cache_clear()


def test_font_cache_that_cannot_be_written_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from procesmap.diagrams import swimlane

    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PROCESMAP_CACHE_DIR", str(blocked))
    swimlane._subset_font.cache_clear()
    assert (swimlane._subset_font(True, "xyz") or b"")[:4] == b"wOFF"
    monkeypatch.setenv("PROCESMAP_CACHE_DIR", "")
    assert swimlane.cache_folder() is None
    swimlane._subset_font.cache_clear()
    assert (swimlane._subset_font(True, "xyz") or b"")[:4] == b"wOFF"
    swimlane._subset_font.cache_clear()


@pytest.mark.parametrize("face", ["regular", "bold", "italic", "bold-italic", "mono"])
def test_font_files_are_dejavu_from_matplotlib_without_importing_it(face: str) -> None:
    """The fonts come from the matplotlib package on disk (procesmap commits no third-party files);
    finding them must not import matplotlib (0.3-0.6 s of start-up)."""
    code = (
        "import sys\n"
        "from procesmap.diagrams.swimlane import font_file\n"
        f"path = font_file({face!r})\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib was imported'\n"
        "from fontTools.ttLib import TTFont\n"
        "names = TTFont(path)['name']\n"
        "print(path); print(names.getDebugName(1)); print(names.getDebugName(2))"
    )
    import sys

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    path, family, style = done.stdout.splitlines()
    assert "/matplotlib/mpl-data/fonts/ttf/" in path
    expected = {
        "regular": ("DejaVu Sans", "Book"),
        "bold": ("DejaVu Sans", "Bold"),
        "italic": ("DejaVu Sans", "Oblique"),
        "bold-italic": ("DejaVu Sans", "Bold Oblique"),
        "mono": ("DejaVu Sans Mono", "Book"),
    }[face]
    assert (family, style) == expected
