"""The PDF report: a real document (title page, contents, bookmarks, the sections of the HTML report).

Why ReportLab (+ svglib): both install from pip with no system library, ReportLab
embeds (subsets of) TrueType fonts and builds a table of contents and PDF outline,
and svglib turns the SVG of the charts into ReportLab vector drawings; the swimlane is
drawn as a ReportLab drawing directly (:func:`procesmap.diagrams.swimlane.swimlane_drawing`),
so the PDF stays vector and sharp in print. The font is DejaVu Sans, shipped with
procesmap (matplotlib's copies, see :data:`procesmap.diagrams.swimlane.FONT_FILES`), which has every Dutch character.

Sections and figures come from :mod:`procesmap.render._document`, the same model as
the HTML report. Every user text is XML-escaped before it goes into a ReportLab
``Paragraph`` (whose mini-markup would otherwise read ``<script>`` as a tag).
Output is deterministic (``invariant``): the same analysis gives the same bytes.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, Sequence
from xml.sax.saxutils import escape

from procesmap.colours import HANDOVER_COLOURS
from procesmap.render._document import (
    Bullets,
    Chart,
    Diagram,
    Facts,
    ProcessDoc,
    ReportDoc,
    Section,
    Table,
    Text,
    build_document,
    organisations,
    swimlane_drawing,
)
from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Paragraph,
    PageBreak,
    CondPageBreak,
    KeepTogether,
    NextPageTemplate,
    Spacer,
    Table as RLTable,
    TableStyle,
    BaseDocTemplate,
    Frame,
    PageTemplate,
)
from reportlab.platypus.flowables import Flowable
from procesmap.i18n import t, Count
from reportlab.pdfbase.pdfmetrics import stringWidth
from dataclasses import replace
from procesmap.render.charts import chart_svg
from reportlab.graphics.shapes import String, Drawing, Group, STATE_DEFAULTS
from reportlab.graphics import renderPDF
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
import math
from procesmap.diagrams.swimlane import register_fonts
from procesmap.diagrams.swimlane import swimlane_paper

if TYPE_CHECKING:
    from procesmap.analysis import Analysis

__all__ = ["render_pdf", "FONT", "FONT_BOLD"]

FONT, FONT_BOLD, FONT_ITALIC, FONT_MONO = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSansMono"
_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    FONT_MONO: "DejaVuSansMono.ttf",
}
_INK, _MUTED, _LINE, _SOFT, _BLUE = "#1f2328", "#5b6470", "#d0d7de", "#f4f6f8", "#2f6db5"
_KIND_COLOURS = {"error": "#c0392b", "warning": "#b26a00", "info": "#2f6db5", **HANDOVER_COLOURS}
_RACI_COLOURS = {"R": "#dcebf9", "A": "#fde7c8", "C": "#e5f3e0", "I": "#f1eef6"}


def _register_fonts() -> None:
    """Register DejaVu (embedded as subsets) once; ReportLab's standard fonts are never used."""

    register_fonts()


def _styles() -> dict[str, Any]:
    ink, muted = HexColor(_INK), HexColor(_MUTED)
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=13, textColor=ink)
    return {
        "base": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "cell_num": ParagraphStyle("cell_num", parent=base, fontSize=8, leading=10, alignment=2),
        "cell_code": ParagraphStyle("cell_code", parent=base, fontName=FONT_MONO, fontSize=7, leading=9),
        "cell_centre": ParagraphStyle(
            "cell_centre", parent=base, fontSize=8, leading=10, alignment=1, fontName=FONT_BOLD
        ),
        "head": ParagraphStyle("head", parent=base, fontSize=8, leading=10, fontName=FONT_BOLD),
        "head_num": ParagraphStyle("head_num", parent=base, fontSize=8, leading=10, fontName=FONT_BOLD, alignment=2),
        "head_small": ParagraphStyle(
            "head_small", parent=base, fontSize=6.5, leading=8, fontName=FONT_BOLD, alignment=1
        ),
        "note": ParagraphStyle(
            "note", parent=base, fontSize=8, leading=11, textColor=muted, spaceBefore=2, spaceAfter=6
        ),
        "kicker": ParagraphStyle("kicker", parent=base, fontSize=10, textColor=muted, spaceAfter=6),
        "cover": ParagraphStyle("cover", parent=base, fontName=FONT_BOLD, fontSize=24, leading=30, spaceAfter=10),
        "cover_sub": ParagraphStyle("cover_sub", parent=base, fontSize=12, leading=16, textColor=muted, spaceAfter=24),
        "h0": ParagraphStyle(
            "h0", parent=base, fontName=FONT_BOLD, fontSize=18, leading=23, spaceBefore=0, spaceAfter=8
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=14,
            leading=18,
            spaceBefore=14,
            spaceAfter=6,
            textColor=HexColor(_BLUE),
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=FONT_BOLD, fontSize=11, leading=14, spaceBefore=10, spaceAfter=4
        ),
        "h3": ParagraphStyle(
            "h3", parent=base, fontName=FONT_BOLD, fontSize=10, leading=13, spaceBefore=8, spaceAfter=3
        ),
        "toc": [
            ParagraphStyle(
                f"toc{i}",
                parent=base,
                fontName=FONT_BOLD if i == 0 else FONT,
                fontSize=10.5 - i,
                leading=14 - i,
                leftIndent=14 * i,
                firstLineIndent=0,
                spaceBefore=4 if i == 0 else 0,
            )
            for i in range(4)
        ],
    }


def _p(text: str, style: Any) -> Any:
    """A Paragraph of plain user text: escaped, so that ``<script>`` shows as text; newlines kept."""

    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _fits_a_page(text: str, width: float, height: float, size: float = 8.0) -> str:
    """``text`` cut (at a word, with " …") to what a table cell ``width`` points wide can show in half a page
    ``height``: ReportLab cannot split a table row over pages, and a taller cell (a finding that names 2,000 steps)
    ended the report in a LayoutError. The JSON, HTML and Markdown reports keep the whole text."""
    per_line = max(int((width - 6) / (size * 0.6)), 8)  # a generous average character width
    budget = per_line * max(int(height * 0.5 / (size * 1.25)), 4)
    if len(text) <= budget:
        return text
    cut = text[:budget]
    return (cut.rsplit(" ", 1)[0] if " " in cut[budget // 2 :] else cut) + " …"


def _cell_size(table: Table) -> float:
    """The font size of a table's cells: 8 points, 7 for a table of nine columns or more (not the RACI matrix)."""
    return 7.0 if len(table.header) > 8 and table.kind != "raci" else 8.0


def _smaller(style: Any) -> Any:
    return ParagraphStyle(f"{style.name}_7", parent=style, fontSize=7.0, leading=8.8)


def _flowable_base() -> Any:
    return Flowable


#: The room a heading needs below it on its page (the heading and a few lines of what follows), else it starts
#: the next page: no heading is the last line of a page.
KEEP_WITH_NEXT = 110.0


class _Builder:
    """Turns a :class:`ReportDoc` into ReportLab flowables (the 'story')."""

    def __init__(self, doc: ReportDoc, width: float, height: float):
        self.doc = doc
        self.width = width
        self.height = height
        self.styles = _styles()
        self.lang = doc.lang
        self.keys = 0
        self.wide_frame: tuple[float, float] = (height, width)
        self.a4_frame: tuple[float, float] = (height, width)
        self.entries: list[tuple[int, str, str]] = []

    def t(self, key: str, **args: Any) -> str:
        return t(key, self.lang, **args)

    def heading(self, text: str, level: int) -> Any:
        """A heading that goes into the table of contents and the PDF outline (see ``_Template.afterFlowable``)."""
        paragraph = _p(text, self.styles[f"h{min(level, 3)}"])
        self.keys += 1
        paragraph._toc = (level, text, f"h{self.keys}")  # type: ignore[attr-defined]
        return paragraph

    def story(self) -> list[Any]:
        """Page 1 opens with the summary (one map) or the table of all maps and their shared roles (a folder);
        only a folder's report, many pages long, has contents, and they follow that first screen."""

        s = self.styles
        doc = self.doc
        multi = len(doc.processes) > 1
        story: list[Any] = [_p(self.t("report.title"), s["kicker"])]
        contents_at = None
        if multi:
            story.append(_p(self.t("report.all_processes"), s["cover"]))
            first = doc.processes[0]
            for section in doc.overview_sections:
                story += self.section(section, first, 0)
            story += [PageBreak(), _p(self.t("report.contents"), s["h0"])]
            contents_at = len(story)
            story.append(PageBreak())
        for index, pdoc in enumerate(doc.processes):
            if index:
                story.append(PageBreak())
            # the closing line goes before the last map's swimlane pages (after them it took a page of its own)
            made_with = _p(self.t("report.made_with", version=doc.version), s["note"])
            story += self.process(pdoc, multi, made_with if index == len(doc.processes) - 1 else None)
        # the contents: every heading is known now; its page number is filled in when it is placed
        self.entries = [entry for flowable in story for entry in _headings(flowable)]  # in the order of the pages
        if contents_at is not None:
            story[contents_at:contents_at] = [
                _TocEntry(text, s["toc"][min(level, 3)], key) for level, text, key in self.entries if level <= 1
            ]
        return story

    def process(self, pdoc: ProcessDoc, multi: bool, closing: Any = None) -> list[Any]:
        """One map: its title, the summary with the findings' counts, then every section."""
        top = 1
        source = " · ".join([pdoc.subtitle, pdoc.analysis.process.file, pdoc.version.text(self.lang)])
        flow: list[Any] = [self.heading(pdoc.title, 0), _p(source, self.styles["note"])]
        counts = ", ".join(
            self.t("report.count." + level, count=pdoc.counts[level]) for level in ("error", "warning", "info")
        )
        # the findings follow the summary on page 1; the swimlane, on landscape pages of its own, ends the chapter
        # (in its place it would leave the page before it half empty)
        sections = [section for section in pdoc.sections if section.key != "swimlane"]
        sections += [section for section in pdoc.sections if section.key == "swimlane"]
        for index, section in enumerate(sections):
            if closing is not None and section.key == "swimlane":
                flow.append(closing)
                closing = None
            flow += self.section(section, pdoc, top)
            if index == 0:
                flow.append(_p(f"{self.t('report.findings')}: {counts}", self.styles["base"]))
        return flow + ([closing] if closing is not None else [])

    def section(self, section: Section, pdoc: ProcessDoc, level: int, guarded: bool = False) -> list[Any]:
        """A heading and its blocks. A heading never ends a page: it starts a new page when less than
        :data:`KEEP_WITH_NEXT` is left below it (room for the heading and the first lines of what follows),
        and a heading whose section starts with a picture moves with the picture. Nested headings at the
        start of a section share their parent's guard. Tables split over pages (their header repeated), so
        a long table never pushes a half-empty page ahead of it."""

        head = self.heading(section.title, level)
        blocks: list[Any] = []
        for index, block in enumerate(section.blocks):
            if isinstance(block, Section):
                blocks += self.section(block, pdoc, level + 1, guarded=index == 0)
                continue
            made = self.block(block, pdoc, level + 1)
            after_chart = index and isinstance(section.blocks[index - 1], Chart) and len(blocks) >= 2
            if (
                isinstance(block, Text)
                and block.kind == "note"
                and after_chart
                and isinstance(blocks[-2], KeepTogether)
            ):
                # a note on a chart stays on the chart's page (alone on the next page it would leave that page empty)
                blocks[-2] = KeepTogether([*blocks[-2]._content, *made])
                continue
            blocks += made
        if blocks and isinstance(blocks[0], NextPageTemplate):
            # a block on a page of its own (the wide swimlane): its heading goes along
            return [blocks[0], blocks[1], head, *blocks[2:]]
        guard = [] if guarded else [CondPageBreak(KEEP_WITH_NEXT)]
        if section.blocks and isinstance(section.blocks[0], (Chart, Diagram)) and blocks:
            # one level: a KeepTogether inside a KeepTogether measures as endless (ReportLab forces its split), so
            # the outer one always started a new page and left the page before it half empty
            first = blocks[0]._content if isinstance(blocks[0], KeepTogether) else [blocks[0]]
            return guard + [KeepTogether([head, *first]), *blocks[1:]]
        return guard + [head, *blocks]

    def block(self, block: Any, pdoc: ProcessDoc, level: int) -> list[Any]:
        s = self.styles
        if isinstance(block, Section):
            return self.section(block, pdoc, level)
        if isinstance(block, Table):
            key = [_p(" · ".join(f"{short} = {name}" for short, name in block.key), s["note"])] if block.key else []
            return [self.table(block), *key, Spacer(1, 6)]
        if isinstance(block, Text):
            return [_p(block.text, s["note"] if block.kind == "note" else s["base"])]
        if isinstance(block, Bullets):
            return [_p("• " + item, s["base"]) for item in block.items]
        if isinstance(block, Facts):
            return [self.facts(block), Spacer(1, 4)]
        if isinstance(block, (Chart, Diagram)):
            return self.picture(block, pdoc)
        raise TypeError(type(block))

    def facts(self, facts: Facts) -> Any:
        s = self.styles
        label = s["head"]
        rows = [[_p(k, label), _p(_fits_a_page(v, self.width * 0.7, self.height), s["cell"])] for k, v in facts.items]
        table = RLTable(rows, colWidths=[self.width * 0.3, self.width * 0.7], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        return table

    def _widths(self, table: Table) -> list[float]:
        columns = len(table.header)
        if table.kind == "raci":
            # role initials (keyed under the table) in narrow columns; the step names get the rest

            rest = max([stringWidth(h, FONT_BOLD, 6.5) + 8.0 for h in table.header[1:]] + [26.0])
            rest = min(rest, (self.width * 0.66) / max(columns - 1, 1))
            return [self.width - rest * (columns - 1)] + [rest] * (columns - 1)
        # every column at least as wide as its longest word (measured in the font it is set in,
        # bold for the header, capped at 24 characters' worth), plus the cell padding;
        # what is left goes to the columns with long texts

        size = _cell_size(table)
        minimum, extra = [], []
        for c in range(columns):
            texts = [table.header[c]] + [row[c] for row in table.rows]
            longest_word = max((len(w) for text in texts for w in text.split()), default=1)
            # a figure ("499 / 103") is never broken: its column is as wide as the whole cell
            cells = [[row[c]] if c in table.numeric else row[c].split() for row in table.rows]
            widest = max(
                [stringWidth(w, FONT_BOLD, size) for w in table.header[c].split()]
                + [stringWidth(w, FONT, size) for words in cells for w in words]
                + [5.0]
            )
            average = sum(len(text) for text in texts) / len(texts)
            minimum.append(min(widest, 24 * 5.0) + 13.0)
            extra.append(min(max(average - longest_word, 0.0), 60.0))
        if sum(minimum) >= self.width:
            # too wide: figures keep their width (a number is never broken), the text columns share the rest
            fixed = sum(minimum[c] for c in table.numeric if c < columns)
            text = [c for c in range(columns) if c not in table.numeric]
            room = self.width - fixed
            if text and room > 30.0 * len(text):
                total = sum(minimum[c] for c in text)
                return [minimum[c] if c in table.numeric else room * minimum[c] / total for c in range(columns)]
        if sum(minimum) >= self.width or not sum(extra):
            total = sum(minimum)
            return [self.width * w / total for w in minimum]
        left = self.width - sum(minimum)
        return [m + left * e / sum(extra) for m, e in zip(minimum, extra)]

    def table(self, table: Table) -> Any:
        if table.short_header and len(table.header) > 7:
            # a wide table (all maps at a glance) takes its short header: no header word broken over lines

            table = replace(table, header=list(table.short_header), short_header=None)

        s = self.styles
        if _cell_size(table) < 8.0:  # nine columns or more (all maps at a glance): 7-point cells, no word broken
            s = {**s, **{key: _smaller(s[key]) for key in ("cell", "cell_num", "head", "head_num")}}
        raci = table.kind == "raci"
        header = []
        for c, text in enumerate(table.header):
            style = s["head_small"] if raci and c else s["head_num"] if c in table.numeric else s["head"]
            header.append(_p(text, style))
        rows = [header]
        widths = self._widths(table)
        for row in table.rows:
            cells = []
            for c, text in enumerate(row):
                style = (
                    s["cell_centre"]
                    if raci and c
                    else s["cell_code"]
                    if table.kind == "code" and c
                    else s["cell_num"]
                    if c in table.numeric
                    else s["cell"]
                )
                cells.append(_p(_fits_a_page(text, widths[c], self.height), style))
            rows.append(cells)
        result = RLTable(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("BACKGROUND", (0, 0), (-1, 0), HexColor(_SOFT)),
            ("LINEBELOW", (0, 0), (-1, 0), 1, HexColor(_LINE)),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, HexColor(_LINE)),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        for r, kind in enumerate(table.row_kinds or [], start=1):
            colour = _KIND_COLOURS.get(kind)
            if colour:
                commands.append(("LINEBEFORE", (0, r), (0, r), 3, HexColor(colour)))
        if raci:
            for r, row in enumerate(table.rows, start=1):
                for c, text in enumerate(row[1:], start=1):
                    if text and text[0] in _RACI_COLOURS:
                        commands.append(("BACKGROUND", (c, r), (c, r), HexColor(_RACI_COLOURS[text[0]])))
        result.setStyle(TableStyle(commands))
        return result

    def picture(self, block: Chart | Diagram, pdoc: ProcessDoc) -> list[Any]:
        if isinstance(block, Diagram) and block.name == "organisations":
            # one box per organisation, its boxes narrowed to the page so its 8-point text stays above 6 pt
            boxes = organisations(pdoc.analysis, self.lang, "drawing", fit_width=self.width / ORGANISATIONS_SCALE)
            if boxes is None:
                return []
            inline = _fit(boxes, self.width, self.height * 0.6, largest=1.0)
            if (_smallest_font(boxes) or MIN_TEXT_PT) * inline.width / boxes.width >= MIN_TEXT_PT:
                return [inline, Spacer(1, 6)]
            # five organisations or more: on a landscape A4 page of its own, the tables after it on the next page
            width, height = self.a4_frame
            boxes = organisations(pdoc.analysis, self.lang, "drawing", fit_width=width / ORGANISATIONS_SCALE)
            return [
                NextPageTemplate("a4wide"),
                PageBreak(),
                _fit(boxes, width, height - HEADING_ROOM, largest=1.0),
                NextPageTemplate("body"),
                PageBreak(),
            ]
        if isinstance(block, Diagram):
            source, reason = swimlane_drawing(pdoc.analysis, self.lang)
            if source is None:
                return [_p(reason or "", self.styles["note"])]
            smallest = _smallest_font(source) or MIN_TEXT_PT
            inline = _fit(source, self.width, self.height * 0.8)
            if source.width < source.height * 1.4 and smallest * inline.width / source.width >= MIN_TEXT_PT:
                return [inline, Spacer(1, 6)]
            return self.wide_picture(source, smallest, pdoc.analysis)
        svg = chart_svg(block.name, pdoc.analysis, self.lang)
        if svg is None:
            return []
        drawing = _drawing(svg.encode("utf-8"), self.width * 0.92, self.height * 0.45)
        caption = [_p(block.title, self.styles["note"])] if block.name in ("cycle_time_chart", "advice_chart") else []
        return [KeepTogether([drawing, *caption]), Spacer(1, 6)]

    def wide_picture(self, source: Any, smallest: float, analysis: "Analysis | None" = None) -> list[Any]:
        """The swimlane on landscape pages of the chosen paper (A3 unless ``--paper a4``): one page at the largest
        scale that fits, or, where that would set text below :data:`MIN_TEXT_PT`, the parts ``procesmap diagram
        --pages`` makes (cut between columns, every lane with its name on each, arrows that cross a cut ending in
        the number of the page where they go on), as narrow as the paper needs, after a key page with the whole
        picture and its cuts. A part too tall for its page goes over sheets cut between lanes."""

        width, height = self.wide_frame
        height -= HEADING_ROOM
        plan = swimlane_plan(source.width, source.height, smallest, width, height)
        if len(plan.tiles) == 1 or analysis is None:
            return [
                NextPageTemplate("wide"),
                PageBreak(),
                _fit(source, width, height, largest=plan.scale),
                NextPageTemplate("body"),
            ]
        least = MIN_TEXT_PT / smallest
        if len(plan.tiles) > MAX_SWIMLANE_PAGES:  # checked before a part is drawn (each is the work of a picture)
            return [self._too_many(len(plan.tiles))]
        body = paper_body(width, least)
        for _ in range(6):  # narrower parts until each fits the page's width at the least scale
            whole, parts = swimlane_paper(analysis, self.lang, body)
            if all(part.drawing.width * least <= width + 0.01 for part in parts):
                break
            body *= 0.85
        # after the key page a part's page holds only its one-line note: the picture gets the heading's room too
        room = height + HEADING_ROOM - NOTE_ROOM if len(parts) > 1 else height
        sheets = [(index, part, sheet) for index, part in enumerate(parts, 1) for sheet in _sheets(part, width, room)]
        if len(sheets) > MAX_SWIMLANE_PAGES:
            return [self._too_many(len(sheets))]
        flow: list[Any] = [NextPageTemplate("wide"), PageBreak()]
        if len(parts) > 1:  # a key first: the whole picture on one page, the cuts dashed and the parts numbered
            flow += [
                _p(self.t("report.swimlane_pages_key", parts=len(parts)), self.styles["note"]),
                _fit(whole, width, height - 20),
            ]
        for number, part, (scale, top, bottom, sheet, count) in sheets:
            if len(parts) > 1 or number > 1 or sheet > 1:
                flow.append(PageBreak())
            if count > 1:
                note = self.t("report.swimlane_sheet", part=number, parts=len(parts), sheet=sheet, sheets=count)
            else:
                note = self.t("report.swimlane_page", part=number, parts=len(parts))
            flow.append(_p(note, self.styles["note"]))
            drawing = part.sheet(top, bottom) if count > 1 else part.drawing
            scaled = _fit(drawing, drawing.width * scale, drawing.height * scale, largest=scale)
            flow.append(_Tile(scaled, 0.0, top * scale, scaled.width, (bottom - top) * scale))
        return flow + [NextPageTemplate("body")]  # the next chapter starts with a page break of its own

    def _too_many(self, count: int) -> Any:
        return _p(
            self.t("limits.pdf_swimlane_pages", parts=Count(count), limit=Count(MAX_SWIMLANE_PAGES)),
            self.styles["note"],
        )


def paper_body(frame_width: float, least: float) -> float:
    """The points of map (right of the lane names) a part may hold so that, with the lane names and margins, it
    fits ``frame_width`` at scale ``least`` (:data:`procesmap.diagrams.pages.PAGE_BODY` at most; the splitter may
    make a part up to 60 points wider than its mean)."""
    from procesmap.diagrams.layout import HEADER_WIDTH  # lazy: the diagram code loads only when a map is drawn
    from procesmap.diagrams.pages import PAGE_BODY  # lazy: the diagram code loads only when a map is drawn
    from procesmap.diagrams.swimlane import MARGIN  # lazy: the diagram code loads only when a map is drawn

    return min(PAGE_BODY, frame_width / least - HEADER_WIDTH - 8.0 - 2 * MARGIN - 60.0)


def _sheets(part: Any, frame_width: float, frame_height: float) -> list[tuple[float, float, float, int, int]]:
    """How one part goes on pages: (scale, top, bottom (points of the drawing, from its top), sheet, sheets). The
    whole part on one page at the largest scale that fits (at most 1.5) when that keeps its text readable; else cut
    between lanes into sheets: the fewest sheets at a scale from the page's width down to the least readable one,
    then the largest such scale; cuts at seams that cross no name (else the fewest)."""
    drawing = part.drawing
    across = min(frame_width / drawing.width, 1.5)
    fit = min(across, frame_height / drawing.height)
    least = MIN_TEXT_PT / (_smallest_font(drawing) or MIN_TEXT_PT)
    if fit >= least - 1e-9:
        return [(fit, 0.0, drawing.height, 1, 1)]
    best: list[tuple[float, float]] = []
    chosen = across
    steps = 8
    for k in range(steps + 1):
        scale = across - (across - least) * k / steps if across > least else across
        cuts = _cut_rows(part, frame_height / scale)
        if not best or len(cuts) < len(best):
            best, chosen = cuts, scale
    return [(chosen, a, b, index, len(best)) for index, (a, b) in enumerate(best, 1)]


def _cut_rows(part: Any, room: float) -> list[tuple[float, float]]:
    """The part's drawing cut across into rows no taller than ``room`` (points): at each step the lowest seam that
    fits and crosses the fewest names (a lane taller than ``room`` is cut where the room ends)."""
    height = part.drawing.height
    rows: list[tuple[float, float]] = []
    top = 0.0
    while height - top > room + 0.01:
        fitting = [(y, crossed) for y, crossed in part.seams if top + 40.0 < y <= top + room]
        if fitting:
            fewest = min(crossed for _, crossed in fitting)
            y = max(y for y, crossed in fitting if crossed == fewest)
        else:
            y = top + room
        rows.append((top, y))
        top = y
    rows.append((top, height))
    return rows


#: The most pages the swimlane of one map takes in a PDF (docs/format.md, limits): every page draws the whole
#: picture clipped to its part, so the work grows with pages x shapes (a 500-step chain: 124 pages, 46 s of 60 s);
#: beyond it the report says so and points to `procesmap diagram` and the HTML report.
MAX_SWIMLANE_PAGES = 24
#: The smallest text the PDF sets in the swimlane, at 100% (points): below it the picture goes over several pages.
MIN_TEXT_PT = 6.0
#: The per-organisation picture is drawn for a page this much wider than the frame, then fitted: its 8-point labels
#: come out at 6.4 points.
ORGANISATIONS_SCALE = 0.8
#: Room kept on a swimlane page for its heading or part title (points).
HEADING_ROOM = 60.0
#: Room kept on a page of a part of the swimlane (after the key page) for its one-line note (points).
NOTE_ROOM = 24.0


class SwimlanePlan:
    """How the swimlane goes on paper: its ``scale`` and the offsets (x from the left, y from the top, in
    scaled points) of the part each page shows."""

    def __init__(self, scale: float, tiles: list[tuple[float, float]], part: tuple[float, float] | None = None):
        self.scale, self.tiles = scale, tiles
        self.part = part  # the size of each part (scaled points); None: the whole picture on one page


def swimlane_plan(
    width: float, height: float, smallest: float, frame_width: float, frame_height: float
) -> SwimlanePlan:
    """The largest scale (at most 1.5) at which a ``width`` x ``height`` drawing fits one frame, unless its smallest
    text (``smallest`` points) would then be under :data:`MIN_TEXT_PT`: then as few frames across and down as the
    drawing needs with that text at exactly that size, and the largest scale at which the drawing still fits those
    frames (the parts fill the pages across or down)."""

    fit = min(frame_width / width, frame_height / height, 1.5)
    least = MIN_TEXT_PT / smallest
    if fit >= least:
        return SwimlanePlan(fit, [(0.0, 0.0)])
    across = math.ceil(width * least / frame_width - 1e-9)
    down = math.ceil(height * least / frame_height - 1e-9)
    # as few pages as the text size allows, then as large as those pages take it: the parts fill the pages
    # across or down (the grid stays the same), so no page is half empty and the text grows where it can
    scale = max(least, min(across * frame_width / width, down * frame_height / height))
    # equal parts: no page with only a sliver of the picture
    part_width, part_height = width * scale / across, height * scale / down
    return SwimlanePlan(
        scale,
        [(col * part_width, row * part_height) for row in range(down) for col in range(across)],
        (part_width, part_height),
    )


def _smallest_font(node: Any) -> float | None:
    """The smallest font size of the texts in a ReportLab drawing (points, before scaling)."""

    sizes = []
    for child in getattr(node, "contents", []):
        if isinstance(child, String):
            sizes.append(float(child.fontSize))
        else:
            inner = _smallest_font(child)
            if inner is not None:
                sizes.append(inner)
    return min(sizes) if sizes else None


class _Tile(_flowable_base()):  # type: ignore[misc]
    """The part of a (scaled) drawing from ``x`` (left) and ``y`` (top), ``width`` x ``height`` points, clipped."""

    def __init__(self, drawing: Any, x: float, y: float, width: float, height: float):
        super().__init__()
        self.drawing, self.x, self.y = drawing, x, y
        self.width, self.height = width, height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(0, 0, self.width, self.height)
        canvas.clipPath(path, stroke=0, fill=0)
        renderPDF.draw(self.drawing, canvas, -self.x, self.height - (self.drawing.height - self.y))
        canvas.restoreState()


def _drawing(svg: bytes, max_width: float, max_height: float) -> Any:
    """SVG -> a ReportLab vector Drawing scaled to fit, with every text in the embedded DejaVu fonts."""
    return _fit(_svg_drawing(svg), max_width, max_height)


def _svg_drawing(svg: bytes) -> Any:
    from svglib.svglib import svg2rlg  # lazy: svglib loads only when a chart goes into a PDF

    drawing = svg2rlg(io.BytesIO(svg))
    if drawing is None:
        raise ValueError("svg could not be read")
    _embed_fonts(drawing)
    return drawing


def _fit(drawing: Any, max_width: float, max_height: float, largest: float = 1.5) -> Any:
    """The drawing scaled to fit the box (at most ``largest`` times its size), as a new Drawing."""

    scale = min(
        max_width / drawing.width if drawing.width else 1.0,
        max_height / drawing.height if drawing.height else 1.0,
        largest,
    )

    result = Drawing(drawing.width * scale, drawing.height * scale)
    result.add(Group(drawing, transform=(scale, 0, 0, scale, 0, 0)))  # the drawing itself stays as it was
    result.hAlign = "CENTER"
    return result


def _embed_fonts(node: Any) -> None:
    """Replace PDF standard fonts (not embedded) in SVG text by DejaVu (embedded)."""

    for child in getattr(node, "contents", []):
        if isinstance(child, String):
            name = child.fontName or ""
            bold = "Bold" in name
            italic = "Oblique" in name or "Italic" in name
            if "Courier" in name or "Mono" in name:
                child.fontName = FONT_MONO
            else:
                child.fontName = (
                    "DejaVuSans-BoldOblique"
                    if bold and italic
                    else FONT_BOLD
                    if bold
                    else FONT_ITALIC
                    if italic
                    else FONT
                )
        else:
            _embed_fonts(child)


def _headings(flowable: Any) -> list[tuple[int, str, str]]:
    """The headings (level, text, key) in a flowable, also inside a KeepTogether."""
    entry = getattr(flowable, "_toc", None)
    if entry is not None:
        return [entry]
    return [e for inner in getattr(flowable, "_content", None) or [] for e in _headings(inner)]


TOC_NUMBER = 36.0  # the width kept for a page number at the right of the contents


def _page_number_form(canvas: Any, key: str, page: int) -> None:
    """Define the form ``toc-<key>``: the page number, right-aligned on x = 0."""

    canvas.beginForm(f"toc-{key}", lowerx=-TOC_NUMBER, lowery=-4, upperx=0, uppery=16)
    canvas.setFont(FONT, 9)
    canvas.setFillColor(HexColor(_INK))
    canvas.drawRightString(0, 0, str(page))
    canvas.endForm()


def _flowable() -> Any:
    return Flowable


class _TocEntry(_flowable()):  # type: ignore[misc]
    """One entry of the contents: the heading (a link to it), dot leaders, and its page number as a form
    that the heading defines when it is placed (see :func:`_page_number_form`)."""

    def __init__(self, text: str, style: Any, key: str):
        super().__init__()
        self.text, self.style, self.key = text, style, key

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.paragraph = Paragraph(
            f'<a href="#{self.key}">{escape(self.text)}</a>'
            f'<onDraw name="procesmapTocEnd" label="{self.key}|{available_width:.2f}"/>',
            self.style,
        )
        _, height = self.paragraph.wrap(available_width, available_height)
        self.width, self.height = available_width, height + self.style.spaceBefore
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setNamedCB("procesmapTocEnd", _toc_end)
        self.paragraph.drawOn(self.canv, 0, 0)


def _toc_end(canvas: Any, kind: str, label: str) -> None:
    """After an entry's text: dots up to the page number's room, then the page number's form."""

    key, width_text = label.split("|")
    width = float(width_text)
    x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]
    dot = " . "
    room = width - TOC_NUMBER + 8
    count = int(max(room - x, 0) / stringWidth(dot, FONT, 9))
    canvas.saveState()
    canvas.setFont(FONT, 9)
    canvas.drawRightString(room, y, dot * count)
    canvas.translate(width, y)
    canvas.doForm(f"toc-{key}")
    canvas.restoreState()


class _DefineMissing(_flowable()):  # type: ignore[misc]
    """At the very end: a heading that was never placed still gets a (blank) page-number form."""

    def __init__(self, keys: list[str]):
        super().__init__()
        self.keys = keys
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        placed = getattr(self.canv, "_doctemplate", None)
        done: set[str] = getattr(placed, "placed", set())
        for key in self.keys:
            if key not in done:
                self.canv.beginForm(f"toc-{key}")
                self.canv.endForm()


PAPERS = ("a3", "a4")


def _template(buffer: io.BytesIO, doc: ReportDoc, paper: str = "a3") -> Any:
    class _Template(BaseDocTemplate):  # type: ignore[misc]
        def afterFlowable(self, flowable: Any) -> None:
            entry = getattr(flowable, "_toc", None)
            if entry is None:
                return
            level, text, key = entry
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
            _page_number_form(self.canv, key, self.page)
            self.placed.add(key)

    margin = 18 * mm
    width, height = A4
    frame, footer = _page(doc, width, height, "body", title_chars=90, margin=margin, rule=True)

    template = _Template(
        buffer,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=f"{doc.title} – {t('report.title', doc.lang)}",
        author="procesmap",
        subject=t("report.title", doc.lang),
        creator=f"procesmap {doc.version}",
        lang=doc.lang,
        invariant=1,
        initialFontName=FONT,
    )
    # the swimlane's pages: landscape, A3 (or A4 with --paper a4), with a smaller margin
    wide_h, wide_w = A3 if paper == "a3" else A4
    landscape_frame, landscape_footer = _page(doc, wide_w, wide_h, "wide", title_chars=160)
    template.wide_frame = (landscape_frame._width, landscape_frame._height)
    # a picture too wide for a portrait page but no swimlane (the organisations of a map with five or more):
    # landscape A4 whatever the paper, so the strip of boxes fills the page's width without leaving most of an A3 empty
    a4_h, a4_w = A4
    a4_frame, a4_footer = _page(doc, a4_w, a4_h, "a4wide", title_chars=120)
    template.a4_frame = (a4_frame._width, a4_frame._height)

    template.placed = set()
    template.addPageTemplates(
        [
            PageTemplate(id="body", frames=[frame], onPage=footer, pagesize=A4),
            PageTemplate(id="wide", frames=[landscape_frame], onPage=landscape_footer, pagesize=(wide_w, wide_h)),
            PageTemplate(id="a4wide", frames=[a4_frame], onPage=a4_footer, pagesize=(a4_w, a4_h)),
        ]
    )
    return template


def _page(
    doc: Any,
    width: float,
    height: float,
    frame_id: str,
    title_chars: int,
    margin: float = 12 * mm,
    rule: bool = False,
) -> tuple[Any, Any]:
    """A page of ``width`` x ``height`` points: its frame (``margin`` all round, room for the footer) and its
    footer (the report's title, cut at ``title_chars``, the page number, and with ``rule`` a line above them).
    The portrait body pages have an 18 mm margin and the line; the landscape ones 12 mm and no line."""
    frame = Frame(
        margin,
        margin + 6 * mm,
        width - 2 * margin,
        height - 2 * margin - 6 * mm,
        id=frame_id,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

    def footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(HexColor(_MUTED))
        canvas.drawString(margin, margin - 2 * mm, doc.title[:title_chars])
        canvas.drawRightString(width - margin, margin - 2 * mm, t("report.page", doc.lang, page=document.page))
        if rule:
            canvas.setStrokeColor(HexColor(_LINE))
            canvas.line(margin, margin + 2 * mm, width - margin, margin + 2 * mm)
        canvas.restoreState()

    return frame, footer


def render_pdf(analyses: "Sequence[Analysis]", lang: str, paper: str = "a3") -> bytes:
    """The PDF report of one or more analyses (several: an overview and one chapter per process).

    The pages are A4 portrait; the swimlane goes on landscape pages of ``paper`` (``a3``, the default, or ``a4``)
    at a size where its text is at least :data:`MIN_TEXT_PT` at 100%.
    """

    if paper not in PAPERS:
        raise ValueError(paper)
    from procesmap.render.bounds import check_pdf_report  # lazy: only when a PDF report is made

    check_pdf_report(analyses)  # its work limits, before any page work (ReportTooLarge)
    _register_fonts()
    doc = build_document(analyses, lang)
    buffer = io.BytesIO()
    template = _template(buffer, doc, paper)
    builder = _Builder(doc, template.width, template.height)
    builder.wide_frame = template.wide_frame
    builder.a4_frame = template.a4_frame
    # Drawings start from ReportLab's graphics state, whose font is Helvetica (a standard font,
    # never embedded); for the length of this build it is DejaVu, so that every font is embedded.
    previous = STATE_DEFAULTS["fontName"]
    STATE_DEFAULTS["fontName"] = FONT
    story = builder.story()
    # one pass: the contents refer to page numbers as PDF forms that each heading defines when it
    # is placed (ReportLab's TableOfContents needs multiBuild: three passes over the whole report)
    story.append(_DefineMissing([key for _, _, key in builder.entries]))
    try:
        template.build(story)
    finally:
        STATE_DEFAULTS["fontName"] = previous
    return buffer.getvalue()
