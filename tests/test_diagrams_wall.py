"""The swimlane as a workshop sees it on the wall (issue 15), measured from the layout's geometry.

Text is measured with DejaVu Sans's own advance widths (read with fontTools from the font files the
picture is drawn with), not with the layout's estimate: every name, label, wait text and badge fits
its box, no word is cut, nothing sits under an icon (envelope, badge), no two texts overlap; the text
is large enough when the picture is fitted to a 1920 x 1080 screen; lanes hold no empty bands.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

import procesmap
from procesmap.diagrams.layout import (
    BADGE_FONT,
    HEADER_WIDTH,
    LINE,
    ORG_BAND,
    ROLE_LABEL,
    TEAM_BAND,
    Box,
    SwimlaneLayout,
    overlap,
    swimlane_layout,
)
from procesmap.diagrams.sample import synthetic_map
from procesmap.diagrams.swimlane import MARGIN, TITLE_H, _key_badge_width, font_file, legend_plan
from tests.conftest import ROOT, bundled

NAMES = [p.stem for p in bundled()]


@lru_cache(maxsize=None)
def _advances(face: str) -> tuple[dict[int, int], int, float]:
    from fontTools.ttLib import TTFont

    font = TTFont(font_file(face))
    cmap = font.getBestCmap()
    hmtx = font["hmtx"].metrics
    widths = {code: hmtx[name][0] for code, name in cmap.items()}
    return widths, hmtx[".notdef"][0], float(font["head"].unitsPerEm)


def measured(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` in points as DejaVu Sans draws it (advance widths; no kerning, which only narrows)."""
    widths, missing, em = _advances("bold" if bold else "regular")
    return sum(widths.get(ord(c), missing) for c in text) * size / em


@lru_cache(maxsize=None)
def analysis_of(name: str) -> procesmap.Analysis:
    if name.startswith("generated-"):
        _, steps, seed = name.split("-")
        return procesmap.analyse(procesmap.loads(synthetic_map(int(steps), int(seed))), cases=200)
    return procesmap.analyse(procesmap.load(ROOT / "processes" / f"{name}.yaml"), cases=300)


CASES = NAMES + ["generated-30-4", "generated-60-2"]


def inside(inner: Box, outer: Box, slack: float = 0.3) -> bool:
    return (
        inner[0] >= outer[0] - slack
        and inner[1] >= outer[1] - slack
        and inner[0] + inner[2] <= outer[0] + outer[2] + slack
        and inner[1] + inner[3] <= outer[1] + outer[3] + slack
    )


def words_kept(original: str, lines: tuple[str, ...]) -> bool:
    """Wrapping kept every word whole (nothing cut, nothing lost)."""
    return " ".join(lines).split() == original.split()


def text_boxes(layout: SwimlaneLayout) -> list[tuple[str, Box]]:
    """Every box that holds text or an icon, with a name for the message."""
    boxes: list[tuple[str, Box]] = []
    for node in layout.nodes:
        boxes.append((f"name {node.step}", node.label_box))
        if node.wait_label:
            boxes.append((f"wait {node.step}", node.wait_box))
        boxes += [(f"badge {node.step} {b.key}", b.box) for b in node.badges]
        if node.small:
            boxes.append((f"shape {node.step}", (node.x, node.y, node.width, node.height)))
    for edge in layout.edges:
        if edge.label_box is not None:
            boxes.append((f"label {edge.source}->{edge.target}", edge.label_box))
        if edge.mark_box is not None:
            boxes.append((f"envelope {edge.source}->{edge.target}", edge.mark_box))
    return boxes


@pytest.mark.parametrize("name", CASES)
def test_every_text_fits_its_box_measured_with_the_font(name: str) -> None:
    analysis = analysis_of(name)
    layout = swimlane_layout(analysis, "nl")
    process = analysis.process
    for node in layout.nodes:
        x, y, w, h = node.label_box
        assert words_kept(process.step(node.step).label, node.label_lines), node.step
        for line in node.label_lines:
            assert measured(line, node.label_size) <= w + 0.5, (node.step, line)
        assert len(node.label_lines) * node.label_size * LINE <= h + 0.5, node.step
        if not node.small:  # a task's name inside its box
            assert inside(node.label_box, (node.x, node.y, node.width, node.height)), node.step
        if node.wait_label:
            wx, wy, ww, wh = node.wait_box
            assert measured(node.wait_label, node.wait_size) + 3 <= ww + 0.5, (node.step, node.wait_label)
            assert node.wait_size * 1.0 <= wh + 0.5
        for badge in node.badges:
            bx, by, bw, bh = badge.box
            assert measured(badge.key, BADGE_FONT, bold=True) <= bw - 2, (node.step, badge.key)
    for edge in layout.edges:
        if edge.label_box is None:
            continue
        x, y, w, h = edge.label_box
        assert words_kept(edge.label or "", edge.label_lines), (edge.source, edge.target)
        for line in edge.label_lines:
            assert measured(line, edge.label_size) <= w - 1, (edge.source, edge.target, line)
        assert len(edge.label_lines) * edge.label_size * LINE <= h + 0.5
    for lane in layout.lanes:
        assert words_kept(lane.name or lane.label_lines and " ".join(lane.label_lines), lane.label_lines), lane.role
        for line in lane.label_lines:
            assert measured(line, lane.label_size, bold=True) <= ROLE_LABEL - 6, (lane.role, line)
        block = len(lane.label_lines) * lane.label_size * LINE
        block += sum(len(lines) for _, lines in lane.badges) * 6.8 * LINE
        assert block <= lane.height, lane.role
        for (_, lines), key in zip(lane.badges, lane.keys or (None,) * len(lane.badges)):
            shift = _key_badge_width(key) + 3 if key else 0.0  # a keyed mark's number sits before its text
            if key:
                assert measured(key, BADGE_FONT, bold=True) <= _key_badge_width(key) - 2, (lane.role, key)
            for line in lines:
                assert shift + measured(line, 6.8, bold=True) <= ROLE_LABEL - 6, (lane.role, line)
    for group in layout.groups:
        if not group.label_lines:
            continue
        name = group.name or " ".join(group.label_lines)
        assert words_kept(name, group.label_lines), group.id
        band = (ORG_BAND + TEAM_BAND if group.teamless else ORG_BAND) if group.kind == "organisation" else TEAM_BAND
        bold = group.kind == "organisation"
        # turned a quarter: a line's length runs along the group's height, the lines across the band
        for line in group.label_lines:
            assert measured(line, group.label_size, bold) <= group.height - 4, (group.id, line)
        assert len(group.label_lines) * 1.05 * group.label_size <= band - 2, group.id


@pytest.mark.parametrize("name", CASES)
def test_no_text_under_an_icon_or_another_text(name: str) -> None:
    layout = swimlane_layout(analysis_of(name), "nl")
    boxes = text_boxes(layout)
    for i, (name_a, a) in enumerate(boxes):
        for name_b, b in boxes[i + 1 :]:
            assert overlap(a, b) < 0.05, f"{name_a} overlaps {name_b}"
    # and no badge or branch label covers a task box
    tasks = [(n.step, (n.x, n.y, n.width, n.height)) for n in layout.nodes if not n.small]
    for what, box in boxes:
        if what.startswith(("badge", "label ", "envelope", "wait")):
            for step, task in tasks:
                assert overlap(box, task) < 0.05, f"{what} covers {step}"
    # everything inside the picture's body
    for what, box in boxes:
        assert inside(box, (HEADER_WIDTH, 0.0, layout.width - HEADER_WIDTH, layout.height), 0.5), what


def _fitted_scale(layout: SwimlaneLayout, lang: str = "nl") -> float:
    legend = legend_plan(layout, lang)
    width = layout.width + 2 * MARGIN
    height = TITLE_H + layout.height + 14 + legend.height + MARGIN
    return min(1920 / width, 1080 / height)


def test_text_size_fitted_to_a_screen() -> None:
    """Fitted to a 1920 x 1080 screen (title and legend included), step names are at least 7 pt in the picture
    and at least 5 px on the screen (median 5.5 px; 8 px on maps of up to ten columns). Measured before this
    layout (same maps, same screen): omgevingsvergunning 3.9 px smallest, 4.3 px median; bezwaarschrift 4.0 and
    4.1; wmo-melding 6.8 and 6.9; kcc-vraag-doorzetten 7.7 and 7.7."""
    import statistics

    for name in NAMES:
        layout = swimlane_layout(analysis_of(name), "nl")
        scale = _fitted_scale(layout)
        sizes = [n.label_size for n in layout.nodes]
        assert min(sizes) >= 7.0, name
        assert min(sizes) * scale >= 5.0, (name, round(min(sizes) * scale, 2))
        assert statistics.median(sizes) * scale >= (8.0 if layout.layers <= 10 else 5.5), name
        assert min(e.label_size for e in layout.edges) * scale >= 5.0, name


def _occupied(layout: SwimlaneLayout, lane_index: int) -> float:
    """How much of a lane's height is taken by what it shows: steps with their names, waits and badges, and
    the horizontal stretches of arrows (3 pt each side)."""
    lane = layout.lanes[lane_index]
    spans: list[tuple[float, float]] = []
    for node in layout.nodes:
        if node.lane != lane_index:
            continue
        top = node.wait_box[1] if node.wait_label else node.y
        bottom = max(
            [node.y + node.height, node.label_box[1] + node.label_box[3]] + [b.box[1] + b.box[3] for b in node.badges]
        )
        spans.append((top, bottom))
    for edge in layout.edges:
        for (x0, y0), (x1, y1) in zip(edge.points, edge.points[1:]):
            if abs(y0 - y1) < 0.01 and lane.y <= y0 <= lane.y + lane.height:
                spans.append((y0 - 3, y0 + 3))
    spans = sorted((max(a, lane.y), min(b, lane.y + lane.height)) for a, b in spans)
    total, end = 0.0, lane.y
    for a, b in spans:
        if b > end:
            total += b - max(a, end)
            end = b
    return total


@pytest.mark.parametrize("name", CASES)
def test_lanes_are_compact(name: str) -> None:
    """A lane is as tall as what it holds: per track at most 26 pt of its height is empty (a corridor for arrows
    and the padding around the track) plus one corridor, unless its own name or its team's or organisation's
    name needs the height. (The old layout left 46 pt and more of a one-track lane empty.)"""
    layout = swimlane_layout(analysis_of(name), "nl")
    for index, lane in enumerate(layout.lanes):
        free = lane.height - _occupied(layout, index)
        label = len(lane.label_lines) * lane.label_size * LINE + sum(len(b) for _, b in lane.badges) * 6.8 * LINE
        held_by_a_name = any(
            g.y <= lane.y
            and lane.y + lane.height <= g.y + g.height
            and g.y + g.height - lane.y - lane.height < 1
            and g.label_lines
            and max(measured(x, g.label_size, g.kind == "organisation") for x in g.label_lines) + 10 >= 0.8 * g.height
            for g in layout.groups
        )
        if not lane.has_steps:
            assert lane.height <= label + 8 or held_by_a_name, (lane.role, lane.height)
            continue
        # per track at most the padding around it and one corridor; one corridor more above the first track
        assert free <= 16 + 26 * lane.tracks or lane.height <= label + 8 or held_by_a_name, (lane.role, round(free, 1))


# -- a big map as pages ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["generated-120-3", "omgevingsvergunning"])
def test_a_wide_map_splits_into_pages_that_keep_everything(name: str) -> None:
    from procesmap.diagrams.pages import PAGE_BODY, cuts, split_layout

    layout = swimlane_layout(analysis_of(name), "nl")
    parts = split_layout(layout)
    positions = cuts(layout)
    assert len(parts) == len(positions) + 1 >= 2
    body = layout.width - HEADER_WIDTH
    assert len(parts) <= -(-body // PAGE_BODY) + 1  # about as few pages as the width needs
    seen: dict[str, int] = {}
    for part in parts:
        assert part.part is not None and part.part[1] == len(parts)
        assert part.width - HEADER_WIDTH <= PAGE_BODY + 80  # each page about PAGE_BODY of map at most
        assert [lane.role for lane in part.lanes] == [lane.role for lane in layout.lanes]  # every lane on every page
        for node in part.nodes:
            seen[node.step] = seen.get(node.step, 0) + 1
            for what, box in [("shape", (node.x, node.y, node.width, node.height)), ("name", node.label_box)]:
                assert inside(box, (HEADER_WIDTH, 0.0, part.width - HEADER_WIDTH, part.height), 0.5), (node.step, what)
        for edge in part.edges:
            if edge.label_box is not None:
                assert inside(edge.label_box, (HEADER_WIDTH, 0.0, part.width - HEADER_WIDTH, part.height), 1.0)
            for x, _ in edge.points:
                assert HEADER_WIDTH <= x <= part.width + 0.01
            number = part.part[0]
            assert edge.continues_to in (None, number - 1, number + 1)
            assert edge.continued_from in (None, number - 1, number + 1)
        shown = {n.step for n in part.nodes}
        assert {m.step for m in part.findings if m.kind != "role"} <= shown  # the key lists the badges of this page
    assert seen == {n.step: 1 for n in layout.nodes}  # every step on exactly one page
    # every arrow is drawn whole over the pages: its pieces add up to its horizontal length (a page's lanes are
    # compacted, so vertical runs may be shorter), with one arrowhead, at its target's side
    for edge in layout.edges:
        pieces = [e for part in parts for e in part.edges if (e.source, e.target) == (edge.source, edge.target)]
        across = sum(abs(x1 - x0) for p in pieces for (x0, _), (x1, _) in zip(p.points, p.points[1:]))
        assert across == pytest.approx(
            sum(abs(x1 - x0) for (x0, _), (x1, _) in zip(edge.points, edge.points[1:])), abs=0.5
        )
        ends = [p for p in pieces if p.continues_to is None]
        assert len(ends) == 1
        page_of_target = next(part for part in parts if any(n.step == edge.target for n in part.nodes))
        assert ends[0] in page_of_target.edges
        target = page_of_target.node(edge.target)
        x, y = ends[0].points[-1]
        assert x == pytest.approx(target.x) and target.y <= y <= target.y + target.height
    # a page's lanes are compacted: no page is taller than the whole, and lanes stack without gaps
    for part in parts:
        assert part.height <= layout.height + 0.01
        y = 0.0
        for lane in part.lanes:
            assert lane.y == pytest.approx(y) and lane.height > 0
            y += lane.height
            label = len(lane.label_lines) * lane.label_size * LINE + sum(len(b) for _, b in lane.badges) * 6.8 * LINE
            assert label <= lane.height, (part.part, lane.role)  # its name and badges still fit
        for group in part.groups:  # and every team's and organisation's name
            for line in group.label_lines:
                assert measured(line, group.label_size, group.kind == "organisation") <= group.height - 4, (
                    part.part,
                    group.id,
                    line,
                )
        # nothing of a page overlaps after compaction
        boxes = text_boxes(part) + [
            (f"task {n.step}", (n.x, n.y, n.width, n.height)) for n in part.nodes if not n.small
        ]
        for i, (name_a, box_a) in enumerate(boxes):
            for name_b, box_b in boxes[i + 1 :]:
                if name_a.split()[-1] == name_b.split()[-1] and "task" in (name_a.split()[0], name_b.split()[0]):
                    continue  # a task's own name inside it
                assert overlap(box_a, box_b) < 0.05, (part.part, name_a, name_b)


def test_pages_from_the_command_line(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from procesmap.diagrams.pages import split_layout

    env = {**os.environ, "PROCESMAP_LANG": "", "LANG": "C.UTF-8"}
    source = str(ROOT / "processes" / "omgevingsvergunning.yaml")
    parts = len(split_layout(swimlane_layout(analysis_of("omgevingsvergunning"), "nl")))

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, "-m", "procesmap", "diagram", source, *args],
            capture_output=True,
            env=env,
            timeout=300,
            cwd=tmp_path,
        )

    result = run("--pages", "-o", str(tmp_path / "plan.pdf"))
    assert result.returncode == 0, result.stderr
    pdf = (tmp_path / "plan.pdf").read_bytes()
    # the organisations as boxes, the whole map with the cuts, the parts
    assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type /Page/") == parts + 2
    result = run("--pages", "-o", str(tmp_path / "plan.png"))
    assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in tmp_path.glob("plan*.png"))
    assert files == sorted(["plan.png"] + [f"plan-{n}.png" for n in range(1, parts + 1)])  # the overview, the parts
    assert all((tmp_path / f).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for f in files)
    # without --pages the same: one picture would be unreadable on a screen (step names under READABLE_PX)
    from procesmap.diagrams.swimlane import READABLE_PX, readable

    assert readable(analysis_of("omgevingsvergunning"), "nl") < READABLE_PX == 7.0
    result = run("-o", str(tmp_path / "auto.svg"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.glob("auto*.svg")) == sorted(
        ["auto.svg"] + [f"auto-{n}.svg" for n in range(1, parts + 1)]
    )
    # --single keeps one picture; so does a picture to a pipe (one stream holds one picture)
    result = run("--single", "-o", str(tmp_path / "one.svg"))
    assert result.returncode == 0 and sorted(p.name for p in tmp_path.glob("one*.svg")) == ["one.svg"]
    piped = run("--format", "svg")
    assert piped.returncode == 0 and piped.stdout.startswith(b"<?xml") and piped.stdout.count(b"<svg") == 1
    assert b"deel 1 van" not in piped.stdout
    # a map that reads well as one picture stays one
    small = subprocess.run(
        [sys.executable, "-m", "procesmap", "diagram", str(ROOT / "processes" / "wmo-melding.yaml"), "-o", "w.svg"],
        capture_output=True,
        env=env,
        timeout=300,
        cwd=tmp_path,
    )
    assert small.returncode == 0 and sorted(p.name for p in tmp_path.glob("w*.svg")) == ["w.svg"]
    assert readable(analysis_of("wmo-melding"), "nl") >= READABLE_PX
    result = run("--pages", "--format", "mermaid")
    assert result.returncode == 2 and b"--pages" in result.stderr and b"Traceback" not in result.stderr


# -- the key: identical findings grouped, the lanes' marks numbered ------------------------------------------


def _no_roles_map(tasks: int) -> str:
    steps = ["  - {id: begin, type: start, next: t1}"]
    for i in range(1, tasks + 1):
        nxt = f"t{i + 1}" if i < tasks else "klaar"
        steps.append(f"  - {{id: t{i}, name: Taak {i}, work: 1h, next: {nxt}}}")
    steps.append("  - {id: klaar, type: end}")
    return "procesmap: 1\nid: draft\nname: Concept\nlanguage: nl\nsteps:\n" + "\n".join(steps) + "\n"


def test_identical_findings_share_one_key_line() -> None:
    """A draft without roles: PM202 on each of its 20 tasks is one key line (one number on every task) that names
    the steps, not twenty lines; a finding that is about one step keeps its own line."""
    from procesmap.diagrams.swimlane import KEY_NAMES, key_text, swimlane_svg

    analysis = procesmap.analyse(procesmap.loads(_no_roles_map(20)), cases=100)
    layout = swimlane_layout(analysis, "nl")
    pm202 = [m for m in layout.findings if m.text.startswith("PM202")]
    assert len(pm202) == 1
    mark = pm202[0]
    tasks = [f"t{i}" for i in range(1, 21)]  # by construction: every task lacks a role, the events need none
    assert sorted(mark.steps) == sorted(tasks) and mark.kind == "finding"
    for step in tasks:
        assert [b.key for b in layout.node(step).badges].count(mark.key) == 1, step
    for step in ("begin", "klaar"):
        assert all(b.key != mark.key for b in layout.node(step).badges)
    line = key_text(mark, "nl")
    assert "bij 20 stappen" in line and "Taak 1, Taak 2," in line and "en 8 meer" in line  # 20 - KEY_NAMES
    assert KEY_NAMES == 12
    svg = swimlane_svg(analysis, "nl")
    assert svg.count('id="keytext-') == len([m for m in layout.findings if m.kind != "issue"]) + len(
        [m for m in layout.findings if m.kind == "issue"]
    )
    assert svg.count("PM202") == 1
    # on pages, each part's key names only its own steps
    from procesmap.diagrams.pages import split_layout

    parts = split_layout(layout, 400.0)
    assert len(parts) >= 2
    named = []
    for part in parts:
        shown = {n.step for n in part.nodes}
        for m in part.findings:
            if m.text.startswith("PM202"):
                assert set(m.steps) <= shown and len(m.names) == len(m.steps)
                named += m.steps
    assert sorted(named) == sorted(tasks)


def test_two_findings_are_not_grouped() -> None:
    from procesmap.diagrams.layout import GROUP_FROM

    assert GROUP_FROM == 3
    analysis = procesmap.analyse(procesmap.loads(_no_roles_map(2)), cases=100)
    layout = swimlane_layout(analysis, "nl")
    pm202 = [m for m in layout.findings if m.text.startswith("PM202")]
    assert len(pm202) == 2 and all(len(m.steps) == 1 for m in pm202)
    assert {m.step for m in pm202} == {"t1", "t2"}


@pytest.mark.parametrize("name", ["omgevingsvergunning", "team-dienstverlening-geen-backup"])
def test_lane_marks_are_numbered_and_keyed(name: str) -> None:
    """Every mark on a lane that a finding makes (PM204 single point of failure, PM303 bottleneck, PM304
    overloaded) has a number on the lane, after the steps' numbers, and a line in the key with the finding."""
    from procesmap.diagrams.swimlane import legend_plan, swimlane_svg

    analysis = analysis_of(name)
    layout = swimlane_layout(analysis, "nl")
    expected = {}
    for finding in analysis.findings:  # the findings about roles whose mark the lane shows
        if finding.code == "PM204" or (
            finding.code in ("PM303", "PM304") and finding.subject in analysis.capacity.marks
        ):
            kind = {"PM204": "spof", "PM303": "bottleneck", "PM304": "overloaded"}[finding.code]
            expected[(finding.subject, kind)] = finding
    assert expected
    keyed = {}
    for lane in layout.lanes:
        assert len(lane.keys) == len(lane.badges)
        for (kind, _), key in zip(lane.badges, lane.keys):
            if (lane.role, kind) in expected:
                assert key is not None, (lane.role, kind)
                keyed[key] = expected[(lane.role, kind)]
            else:
                assert key is None and kind == "highest", (lane.role, kind)
    assert len(keyed) == len(expected)
    step_numbers = [int(m.key) for m in layout.findings if m.kind == "finding"]
    role_numbers = sorted(int(k) for k in keyed)
    assert role_numbers == list(range(len(step_numbers) + 1, len(step_numbers) + len(keyed) + 1))
    plan = legend_plan(layout, "nl")
    blocks = {kind: entries for _, entries, kind in plan.key_blocks}
    assert sorted(k for k, _ in blocks["role"]) == sorted(keyed)
    for key, lines in blocks["role"]:
        finding = keyed[key]
        assert " ".join(lines).split() == f"{finding.code} {finding.message('nl')}".split()
    svg = swimlane_svg(analysis, "nl")
    for key, finding in keyed.items():
        assert f'id="lanebadge-{finding.subject}-{key}"' in svg
        assert f'id="keytext-{key}"' in svg


# -- a dense draft: only its most frequent arrows --------------------------------------------------------------


def _dense_map(steps: int, fan: int, seed: int) -> str:
    """A draft as `log discover` makes them: every decision goes to ``fan`` other steps (forward and back)."""
    import random

    rng = random.Random(seed)
    lines = ["procesmap: 1", "id: dense", "name: Dicht concept", "language: nl", "steps:"]
    lines.append("  - {id: s0, type: start, next: s1}")
    for i in range(1, steps - 1):
        targets = sorted(rng.sample([j for j in range(1, steps) if j != i], fan), key=lambda j: (j <= i, j))
        if i + 1 not in targets:
            targets[0] = i + 1
        weights = [rng.random() + (3.0 if j == i + 1 else 0.0) for j in targets]
        total = sum(weights)
        ps = [round(w / total, 3) for w in weights]
        ps[0] = round(1.0 - sum(ps[1:]), 3)
        nxt = ", ".join(f"{{to: s{j}, p: {p}}}" for j, p in zip(targets, ps))
        lines.append(f"  - {{id: s{i}, type: decision, next: [{nxt}]}}")
    lines.append(f"  - {{id: s{steps - 1}, type: end}}")
    return "\n".join(lines) + "\n"


def test_a_dense_draft_shows_its_most_frequent_arrows() -> None:
    """40 steps with 6 ways out each (228 arrows, 5.7 a step): the picture keeps each step's most frequent way in and
    out and then the most frequent others, 1.5 a step (60), and its title says how many it left out and their share
    of the flow; every step is drawn; with all_arrows every arrow is. Computed here from the map and the visits."""
    from procesmap.diagrams.layout import THIN_FROM, THIN_KEEP

    analysis = procesmap.analyse(procesmap.loads(_dense_map(40, 6, 7)), cases=200)
    process = analysis.process
    arrows = {}
    for step in process.steps:
        for branch in step.next:
            arrows[(step.id, branch.to)] = arrows.get((step.id, branch.to), 0.0) + analysis.visits[step.id] * (
                branch.p if branch.p is not None else 1.0
            )
    assert len(arrows) > THIN_FROM * len(process.steps)
    order = list(arrows)
    rank = sorted(order, key=lambda a: (-arrows[a], order.index(a)))
    must = set()
    for step in process.steps:
        for side in (0, 1):
            mine = [a for a in rank if a[side] == step.id]
            if mine:
                must.add(mine[0])
    expected = set(must)
    for a in rank:
        if len(expected) >= max(len(must), int(THIN_KEEP * len(process.steps))):
            break
        expected.add(a)
    layout = swimlane_layout(analysis, "nl", thin=True)
    assert {(e.source, e.target) for e in layout.edges} == expected
    hidden, share, total = layout.hidden
    assert total == len(arrows) and hidden == len(arrows) - len(expected)
    assert share == pytest.approx(sum(v for a, v in arrows.items() if a not in expected) / sum(arrows.values()))
    assert {n.step for n in layout.nodes} == {s.id for s in process.steps}
    full = swimlane_layout(analysis, "nl")
    assert len(full.edges) == len(arrows) and full.hidden[0] == 0
    from procesmap.diagrams.swimlane import swimlane_svg

    svg = swimlane_svg(analysis, "nl")
    assert f"{len(expected)} van {len(arrows)} pijlen getekend" in svg and f"{hidden} zeldzame weggelaten" in svg


def test_pages_of_a_dense_draft_parsed_back_hold_every_step_lane_and_arrow() -> None:
    """The SVG pages of a dense draft, parsed back: every step on exactly one part, every lane on every part, every
    drawn arrow on some part (in pieces where it crosses a cut), the overview holds them all; a hand-made map is
    never thinned."""
    import re

    from procesmap.diagrams.swimlane import render_swimlane_pages

    analysis = procesmap.analyse(procesmap.loads(_dense_map(60, 5, 3)), cases=200)
    layout = swimlane_layout(analysis, "nl", thin=True)
    pages = [p.decode("utf-8") for p in render_swimlane_pages(analysis, "svg", "nl")]
    assert len(pages) >= 3
    overview, parts = pages[0], pages[1:]

    def ids(svg: str, prefix: str) -> list[str]:
        return re.findall(rf'id="{prefix}([^"]+)"', svg)

    steps = {n.step for n in layout.nodes}
    assert set(ids(overview, "node-")) == steps
    seen = [s for part in parts for s in ids(part, "node-")]
    assert sorted(seen) == sorted(steps)
    lanes = {f"{lane.role or 'none'}" for lane in layout.lanes}
    for part in parts:
        assert set(ids(part, "lane-")) == lanes
    arrows = {f"{e.source}--{e.target}" for e in layout.edges}
    assert set(ids(overview, "edge-")) == arrows
    on_parts = {re.sub(r"-[\d.]+-[\d.]+$", "", x) for part in parts for x in ids(part, "edge-")}
    assert on_parts == arrows
    for name in NAMES:  # hand-made maps: never thinned
        assert swimlane_layout(analysis_of(name), "nl", thin=True).hidden[0] == 0


# -- the map per organisation ------------------------------------------------------------------------------------


def _box_of_role(process: procesmap.Process, role: str | None) -> str:
    if role is None:
        return "__none__"
    if process.roles[role].external:
        return "__external__"
    return process.organisation_of(role) or "__none__"


@pytest.mark.parametrize("name", NAMES)
def test_the_overview_per_organisation(name: str) -> None:
    """One box per organisation of the map (and one for the external parties), every step in one box, each role's
    steps in its organisation's box; an arrow for each pair that hands cases over, with the handovers per case summed
    here from the map (visits x probability of each transition between steps of two boxes); every text fits its box
    (DejaVu's widths), no label covers a box or another label, no two runs at one height overlap."""
    from procesmap.diagrams.overview import BOX_W, DETAIL_FONT, LABEL_FONT, NAME_FONT, PAD, organisation_overview

    analysis = analysis_of(name)
    process = analysis.process
    overview = organisation_overview(analysis, "nl")
    expected_boxes = {_box_of_role(process, r) for r in process.roles}
    if any(s.role is None and s.type in ("task", "decision") for s in process.steps):
        expected_boxes.add("__none__")
    if len(expected_boxes) < 2:
        assert overview is None
        return
    assert overview is not None
    assert {b.key for b in overview.boxes} == expected_boxes
    box_of_step = {s: b.key for b in overview.boxes for s in b.steps}
    assert sorted(box_of_step) == sorted(s.id for s in process.steps)  # every step in exactly one box
    for step in process.steps:
        if step.role is not None:
            assert box_of_step[step.id] == _box_of_role(process, step.role), step.id
    flows: dict[tuple[str, str], float] = {}
    for step in process.steps:
        for branch in step.next:
            a, b = box_of_step[step.id], box_of_step[branch.to]
            if a != b and step.role is not None and process.step(branch.to).role is not None:
                p = branch.p if branch.p is not None else 1.0
                flows[(a, b)] = flows.get((a, b), 0.0) + analysis.visits[step.id] * p
    drawn = {(a.source, a.target): a.per_case for a in overview.arrows}
    assert set(drawn) == {k for k, v in flows.items() if v > 0}
    for pair, value in drawn.items():
        assert value == pytest.approx(flows[pair], rel=1e-6), pair
    # geometry
    picture = (0.0, 0.0, overview.width, overview.height)
    for box in overview.boxes:
        assert box.width == BOX_W and inside((box.x, box.y, box.width, box.height), picture)
        for line in box.name_lines:
            assert measured(line, NAME_FONT, bold=True) <= BOX_W - 2 * PAD + 0.5, (box.key, line)
        assert measured(box.detail, DETAIL_FONT) <= BOX_W - 2 * PAD
        assert words_kept(box.name, box.name_lines)
    boxes = [(b.key, (b.x, b.y, b.width, b.height)) for b in overview.boxes]
    labels = [(f"{a.source}->{a.target}", a.label_box) for a in overview.arrows]
    for arrow in overview.arrows:
        assert measured(arrow.label, LABEL_FONT) <= arrow.label_box[2], arrow.label
    for what, label in labels:
        assert inside(label, picture), what
        for key, box in boxes:
            assert overlap(label, box) < 0.05, (what, key)
    for i, (a, box_a) in enumerate(labels):
        for b, box_b in labels[i + 1 :]:
            assert overlap(box_a, box_b) < 0.05, (a, b)
    runs = [
        (a.points[1][1], min(a.points[1][0], a.points[2][0]), max(a.points[1][0], a.points[2][0]))
        for a in overview.arrows
    ]
    for i, (y, x0, x1) in enumerate(runs):
        for y2, u0, u1 in runs[i + 1 :]:
            assert abs(y - y2) > 1 or x1 < u0 or u1 < x0  # a height of its own where two runs would meet
    for arrow in overview.arrows:  # each arrow from its source box's edge to its target box's edge
        source = next(b for b in overview.boxes if b.key == arrow.source)
        target = next(b for b in overview.boxes if b.key == arrow.target)
        (x0, y0), (x1, y1) = arrow.points[0], arrow.points[-1]
        assert source.x < x0 < source.x + source.width and y0 in (source.y, source.y + source.height)
        assert target.x < x1 < target.x + target.width and y1 in (target.y, target.y + target.height)


def test_the_overview_from_the_command_line(tmp_path: Path) -> None:
    import os
    import re
    import subprocess
    import sys

    env = {**os.environ, "PROCESMAP_LANG": "", "LANG": "C.UTF-8"}

    def run(name: str, *args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, "-m", "procesmap", "diagram", str(ROOT / "processes" / f"{name}.yaml"), *args],
            capture_output=True,
            env=env,
            timeout=300,
            cwd=tmp_path,
        )

    result = run("wmo-melding", "--organisations", "-o", str(tmp_path / "org.svg"))
    assert result.returncode == 0, result.stderr
    svg = (tmp_path / "org.svg").read_text("utf-8")
    overview = __import__("procesmap.diagrams.overview", fromlist=["x"]).organisation_overview(
        analysis_of("wmo-melding"), "nl"
    )
    assert sorted(re.findall(r'id="orgbox-([^"]+)"', svg)) == sorted(b.key for b in overview.boxes)
    assert sorted(re.findall(r'id="orgarrow-([^"]+)"', svg)) == sorted(
        f"{a.source}--{a.target}" for a in overview.arrows
    )
    assert "Gemeente Veenendijk" in svg and "per zaak" in svg
    draft = tmp_path / "draft.yaml"
    draft.write_text(_no_roles_map(3), "utf-8")  # no roles: one box, nothing to draw as organisations
    one = subprocess.run(
        [sys.executable, "-m", "procesmap", "diagram", str(draft), "--organisations", "-o", str(tmp_path / "one.png")],
        capture_output=True,
        env=env,
        timeout=300,
        cwd=tmp_path,
    )
    assert one.returncode == 2 and b"--organisations" in one.stderr and b"Traceback" not in one.stderr
    assert not (tmp_path / "one.png").exists()
    wrong = run("wmo-melding", "--organisations", "--format", "mermaid")
    assert wrong.returncode == 2 and b"--organisations" in wrong.stderr and b"Traceback" not in wrong.stderr


def test_the_overview_of_a_map_over_the_drawing_limits_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--organisations lays out the swimlane for its boxes: a map over the layout's work limit is refused with
    exit 2 and the limit's message (procesmap.diagrams.bounds), no traceback, nothing written."""
    from typer.testing import CliRunner

    from procesmap.cli import app
    from procesmap.diagrams import bounds

    monkeypatch.setattr(bounds, "MAX_DRAWN_STEPS", 3)
    out = tmp_path / "org.png"
    result = CliRunner().invoke(
        app,
        ["diagram", str(ROOT / "processes" / "wmo-melding.yaml"), "--organisations", "-o", str(out), "--lang", "en"],
    )
    assert result.exit_code == 2, result.output
    assert "MAX_DRAWN_STEPS" in result.output and "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.parametrize("name", ["omgevingsvergunning", "bezwaarschrift", "generated-120-3"])
def test_every_page_reads_on_a_screen(name: str) -> None:
    """A map too small to read as one picture (median step name under READABLE_PX fitted to 1920 x 1080, title and
    legend included) reads on each of its pages: every part's median step name at READABLE_PX or more. Measured when
    written: omgevingsvergunning 6.0 px as one picture, its parts 7.2 and 8.1; bezwaarschrift 5.7, parts 8.4-10.7."""
    import statistics

    from procesmap.diagrams.pages import split_layout
    from procesmap.diagrams.swimlane import READABLE_PX, readable

    analysis = analysis_of(name)
    assert readable(analysis, "nl") < READABLE_PX
    layout = swimlane_layout(analysis, "nl", thin=True)
    for part in split_layout(layout):
        scale = _fitted_scale(part)
        assert statistics.median(n.label_size for n in part.nodes) * scale >= READABLE_PX, part.part


@pytest.mark.parametrize("name, body", [("omgevingsvergunning", 623.0), ("bezwaarschrift", 400.0)])
def test_a_narrow_part_keeps_its_title_whole(name: str, body: float) -> None:
    """The parts the PDF report prints (A4: about 620 points of map a part) may be narrower than the map's title
    and subtitle: the picture widens to them, measured with DejaVu's advance widths from the SVG's own texts."""
    import xml.etree.ElementTree as ET

    from procesmap.diagrams.pages import split_layout
    from procesmap.diagrams.swimlane import _paint_layout, _svg

    analysis = analysis_of(name)
    parts = split_layout(swimlane_layout(analysis, "nl"), body)
    assert len(parts) >= 3
    svg = "{http://www.w3.org/2000/svg}"
    for part in parts:
        picture = _paint_layout(analysis, part, "nl")
        root = ET.fromstring(_svg(picture, embed_fonts=False))
        width = float(root.get("viewBox", "0 0 0 0").split()[2])
        for gid, size, bold in (("title", 16.0, True), ("subtitle", 10.0, False)):
            group = next(g for g in root.iter(f"{svg}g") if g.get("id") == gid)
            text = "".join(next(group.iter(f"{svg}text")).itertext())
            assert MARGIN + measured(text, size, bold) <= width, (part.part, gid, text)


@pytest.mark.parametrize(
    "name, body", [("omgevingsvergunning", 623.0), ("bezwaarschrift", 623.0), ("wmo-melding", 400.0)]
)
def test_part_numbers_of_the_whole_do_not_touch_the_subtitle(name: str, body: float) -> None:
    """The whole picture of a split map numbers its parts above the map ("deel 1 van 3"): on a line of its own,
    under the subtitle (with the narrow parts of an A4 PDF, 623 points of map, "deel 1 van 5" sat on the subtitle;
    boxes from the SVG's baselines and DejaVu's advance widths)."""
    import xml.etree.ElementTree as ET

    from procesmap.diagrams.pages import cuts
    from procesmap.diagrams.swimlane import _paint_layout, _svg

    svg = "{http://www.w3.org/2000/svg}"
    analysis = analysis_of(name)
    layout = swimlane_layout(analysis, "nl")
    root = ET.fromstring(_svg(_paint_layout(analysis, layout, "nl", cuts(layout, body)), embed_fonts=False))
    boxes = {}
    for group in root.iter(f"{svg}g"):
        gid = group.get("id", "")
        if gid == "subtitle" or gid.startswith("part-"):
            text = next(group.iter(f"{svg}text"))
            x, y, size = float(text.get("x", 0)), float(text.get("y", 0)), float(text.get("font-size", "10"))
            width = measured("".join(text.itertext()), size, text.get("font-weight") == "bold")
            left = x - width / 2 if text.get("text-anchor") == "middle" else x
            boxes[gid] = (left, y - 0.93 * size, width, 1.17 * size)  # DejaVu's ascent and descent
    parts = [gid for gid in boxes if gid.startswith("part-")]
    assert len(parts) >= 2 and "subtitle" in boxes
    for gid in parts:
        assert overlap(boxes[gid], boxes["subtitle"]) == 0, gid
