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
from procesmap.render._document import (Bullets, Chart, Diagram, Facts, ProcessDoc, ReportDoc, Section, Table, Text,
                                        build_document, swimlane_drawing)

if TYPE_CHECKING:
    from procesmap.analysis import Analysis

__all__ = ["render_pdf", "FONT", "FONT_BOLD"]

FONT, FONT_BOLD, FONT_ITALIC, FONT_MONO = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSansMono"
_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf", FONT_ITALIC: "DejaVuSans-Oblique.ttf",
          "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf", FONT_MONO: "DejaVuSansMono.ttf"}
_INK, _MUTED, _LINE, _SOFT, _BLUE = "#1f2328", "#5b6470", "#d0d7de", "#f4f6f8", "#2f6db5"
_KIND_COLOURS = {"error": "#c0392b", "warning": "#b26a00", "info": "#2f6db5", **HANDOVER_COLOURS}
_RACI_COLOURS = {"R": "#dcebf9", "A": "#fde7c8", "C": "#e5f3e0", "I": "#f1eef6"}


def _register_fonts() -> None:
    """Register DejaVu (embedded as subsets) once; ReportLab's standard fonts are never used."""
    from procesmap.diagrams.swimlane import register_fonts

    register_fonts()


def _styles() -> dict[str, Any]:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    ink, muted = HexColor(_INK), HexColor(_MUTED)
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=13, textColor=ink)
    return {
        "base": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "cell_num": ParagraphStyle("cell_num", parent=base, fontSize=8, leading=10, alignment=2),
        "cell_code": ParagraphStyle("cell_code", parent=base, fontName=FONT_MONO, fontSize=7, leading=9),
        "cell_centre": ParagraphStyle("cell_centre", parent=base, fontSize=8, leading=10, alignment=1, fontName=FONT_BOLD),
        "head": ParagraphStyle("head", parent=base, fontSize=8, leading=10, fontName=FONT_BOLD),
        "head_num": ParagraphStyle("head_num", parent=base, fontSize=8, leading=10, fontName=FONT_BOLD, alignment=2),
        "head_small": ParagraphStyle("head_small", parent=base, fontSize=6.5, leading=8, fontName=FONT_BOLD, alignment=1),
        "note": ParagraphStyle("note", parent=base, fontSize=8, leading=11, textColor=muted, spaceBefore=2, spaceAfter=6),
        "kicker": ParagraphStyle("kicker", parent=base, fontSize=10, textColor=muted, spaceAfter=6),
        "cover": ParagraphStyle("cover", parent=base, fontName=FONT_BOLD, fontSize=24, leading=30, spaceAfter=10),
        "cover_sub": ParagraphStyle("cover_sub", parent=base, fontSize=12, leading=16, textColor=muted, spaceAfter=24),
        "h0": ParagraphStyle("h0", parent=base, fontName=FONT_BOLD, fontSize=18, leading=23, spaceBefore=0, spaceAfter=8),
        "h1": ParagraphStyle("h1", parent=base, fontName=FONT_BOLD, fontSize=14, leading=18, spaceBefore=14, spaceAfter=6,
                             textColor=HexColor(_BLUE)),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=11, leading=14, spaceBefore=10, spaceAfter=4),
        "h3": ParagraphStyle("h3", parent=base, fontName=FONT_BOLD, fontSize=10, leading=13, spaceBefore=8, spaceAfter=3),
        "toc": [ParagraphStyle(f"toc{i}", parent=base, fontName=FONT_BOLD if i == 0 else FONT, fontSize=10.5 - i,
                               leading=14 - i, leftIndent=14 * i, firstLineIndent=0, spaceBefore=4 if i == 0 else 0)
                for i in range(4)],
    }


def _p(text: str, style: Any) -> Any:
    """A Paragraph of plain user text: escaped, so that ``<script>`` shows as text; newlines kept."""
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text).replace("\n", "<br/>"), style)


class _Builder:
    """Turns a :class:`ReportDoc` into ReportLab flowables (the 'story')."""

    def __init__(self, doc: ReportDoc, width: float, height: float):
        self.doc = doc
        self.width = width
        self.height = height
        self.styles = _styles()
        self.lang = doc.lang
        self.keys = 0
        self.entries: list[tuple[int, str, str]] = []

    def t(self, key: str, **args: Any) -> str:
        from procesmap.i18n import t

        return t(key, self.lang, **args)

    def heading(self, text: str, level: int) -> Any:
        """A heading that goes into the table of contents and the PDF outline (see ``_Template.afterFlowable``)."""
        paragraph = _p(text, self.styles[f"h{min(level, 3)}"])
        self.keys += 1
        paragraph._toc = (level, text, f"h{self.keys}")  # type: ignore[attr-defined]
        return paragraph

    def story(self) -> list[Any]:
        from reportlab.platypus import NextPageTemplate, PageBreak, Spacer

        s = self.styles
        doc = self.doc
        multi = len(doc.processes) > 1
        story: list[Any] = [Spacer(1, self.height * 0.18), _p(self.t("report.title"), s["kicker"])]
        if multi:
            story.append(_p(self.t("report.all_processes"), s["cover"]))
            story.append(_p(", ".join(p.title for p in doc.processes), s["cover_sub"]))
        else:
            pdoc = doc.processes[0]
            story += [_p(pdoc.title, s["cover"]), _p(pdoc.subtitle, s["cover_sub"]), self.facts(pdoc.facts)]
        story += [Spacer(1, 24), _p(self.t("report.made_with", version=doc.version), s["note"]),
                  NextPageTemplate("body"), PageBreak()]
        contents_at = len(story) + 1
        story += [_p(self.t("report.contents"), s["h0"]), PageBreak()]
        if multi and doc.overview is not None:
            story += [self.heading(self.t("report.overview"), 0), self.table(doc.overview), PageBreak()]
        for index, pdoc in enumerate(doc.processes):
            if index:
                story.append(PageBreak())
            story += self.process(pdoc, multi)
        # the contents: every heading is known now; its page number is filled in when it is placed
        self.entries = [entry for flowable in story for entry in _headings(flowable)]  # in the order of the pages
        story[contents_at:contents_at] = [_TocEntry(text, s["toc"][min(level, 3)], key)
                                          for level, text, key in self.entries]
        return story

    def process(self, pdoc: ProcessDoc, multi: bool) -> list[Any]:
        top = 1 if multi else 0
        flow: list[Any] = []
        if multi:
            flow += [self.heading(pdoc.title, 0), _p(pdoc.subtitle, self.styles["note"]), self.facts(pdoc.facts)]
        counts = ", ".join(self.t("report.count." + level, count=pdoc.counts[level])
                           for level in ("error", "warning", "info"))
        flow.append(_p(f"{self.t('report.findings')}: {counts}", self.styles["base"]))
        for section in pdoc.sections:
            flow += self.section(section, pdoc, top)
        return flow

    def section(self, section: Section, pdoc: ProcessDoc, level: int) -> list[Any]:
        from reportlab.platypus import KeepTogether, NextPageTemplate

        flow: list[Any] = []
        blocks: list[Any] = []
        for block in section.blocks:
            blocks += self.block(block, pdoc, level + 1)
        head = self.heading(section.title, level)
        if len(blocks) > 2 and isinstance(blocks[0], NextPageTemplate):
            # a block on a page of its own (the wide swimlane): its heading goes along
            return [blocks[0], blocks[1], head, *blocks[2:]]
        if blocks:
            # keep a heading with the start of what follows it
            flow.append(KeepTogether([head, blocks[0]]) if not isinstance(section.blocks[0], Section) else head)
            flow += blocks[1:] if not isinstance(section.blocks[0], Section) else blocks
        else:
            flow.append(head)
        return flow

    def block(self, block: Any, pdoc: ProcessDoc, level: int) -> list[Any]:
        from reportlab.platypus import Spacer

        s = self.styles
        if isinstance(block, Section):
            return self.section(block, pdoc, level)
        if isinstance(block, Table):
            return [self.table(block), Spacer(1, 6)]
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
        from reportlab.platypus import Table as RLTable
        from reportlab.platypus import TableStyle

        s = self.styles
        label = s["head"]
        rows = [[_p(k, label), _p(v, s["cell"])] for k, v in facts.items]
        table = RLTable(rows, colWidths=[self.width * 0.3, self.width * 0.7], hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), FONT), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 1)]))
        return table

    def _widths(self, table: Table) -> list[float]:
        columns = len(table.header)
        if table.kind == "raci":
            first = min(self.width * 0.34, self.width * 0.6 if columns <= 2 else self.width * 0.34)
            rest = (self.width - first) / max(columns - 1, 1)
            return [first] + [rest] * (columns - 1)
        # every column at least as wide as its longest word (measured in the font it is set in,
        # bold for the header, capped at 24 characters' worth), plus the cell padding;
        # what is left goes to the columns with long texts
        from reportlab.pdfbase.pdfmetrics import stringWidth

        minimum, extra = [], []
        for c in range(columns):
            texts = [table.header[c]] + [row[c] for row in table.rows]
            longest_word = max((len(w) for text in texts for w in text.split()), default=1)
            widest = max([stringWidth(w, FONT_BOLD, 8) for w in table.header[c].split()]
                         + [stringWidth(w, FONT, 8) for row in table.rows for w in row[c].split()] + [5.0])
            average = sum(len(text) for text in texts) / len(texts)
            minimum.append(min(widest, 24 * 5.0) + 13.0)
            extra.append(min(max(average - longest_word, 0.0), 60.0))
        if sum(minimum) >= self.width or not sum(extra):
            total = sum(minimum)
            return [self.width * w / total for w in minimum]
        left = self.width - sum(minimum)
        return [m + left * e / sum(extra) for m, e in zip(minimum, extra)]

    def table(self, table: Table) -> Any:
        from reportlab.lib.colors import HexColor
        from reportlab.platypus import Table as RLTable
        from reportlab.platypus import TableStyle

        s = self.styles
        raci = table.kind == "raci"
        header = []
        for c, text in enumerate(table.header):
            style = s["head_small"] if raci and c else s["head_num"] if c in table.numeric else s["head"]
            header.append(_p(text, style))
        rows = [header]
        for row in table.rows:
            cells = []
            for c, text in enumerate(row):
                style = (s["cell_centre"] if raci and c else s["cell_code"] if table.kind == "code" and c
                         else s["cell_num"] if c in table.numeric else s["cell"])
                cells.append(_p(text, style))
            rows.append(cells)
        result = RLTable(rows, colWidths=self._widths(table), repeatRows=1, hAlign="LEFT")
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("BACKGROUND", (0, 0), (-1, 0), HexColor(_SOFT)),
            ("LINEBELOW", (0, 0), (-1, 0), 1, HexColor(_LINE)),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, HexColor(_LINE)),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
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
        from reportlab.platypus import KeepTogether, Spacer

        from procesmap.render.charts import chart_svg

        if isinstance(block, Diagram):
            source, reason = swimlane_drawing(pdoc.analysis, self.lang)
            if source is None:
                return [_p(reason or "", self.styles["note"])]
            if source.width < source.height * 1.4:
                return [_fit(source, self.width, self.height * 0.8), Spacer(1, 6)]
            # a wide swimlane gets a landscape page of its own, at the largest scale that fits
            from reportlab.platypus import NextPageTemplate, PageBreak

            wide = _fit(source, self.height, self.width - 40)
            return [NextPageTemplate("landscape"), PageBreak(), wide, NextPageTemplate("body"), PageBreak()]
        svg = chart_svg(block.name, pdoc.analysis, self.lang)
        if svg is None:
            return []
        drawing = _drawing(svg.encode("utf-8"), self.width * 0.92, self.height * 0.45)
        caption = [_p(block.title, self.styles["note"])] if block.name in ("cycle_time_chart", "advice_chart") else []
        return [KeepTogether([drawing, *caption]), Spacer(1, 6)]


def _drawing(svg: bytes, max_width: float, max_height: float) -> Any:
    """SVG -> a ReportLab vector Drawing scaled to fit, with every text in the embedded DejaVu fonts."""
    return _fit(_svg_drawing(svg), max_width, max_height)


def _svg_drawing(svg: bytes) -> Any:
    from svglib.svglib import svg2rlg

    drawing = svg2rlg(io.BytesIO(svg))
    if drawing is None:
        raise ValueError("svg could not be read")
    _embed_fonts(drawing)
    return drawing


def _fit(drawing: Any, max_width: float, max_height: float) -> Any:
    """The drawing scaled to fit the box (at most 1.5 times its size), as a new Drawing."""
    from reportlab.graphics.shapes import Drawing

    scale = min(max_width / drawing.width if drawing.width else 1.0, max_height / drawing.height if drawing.height else 1.0, 1.5)
    result = Drawing(drawing.width * scale, drawing.height * scale)
    drawing.scale(scale, scale)
    result.add(drawing)
    result.hAlign = "CENTER"
    return result


def _embed_fonts(node: Any) -> None:
    """Replace PDF standard fonts (not embedded) in SVG text by DejaVu (embedded)."""
    from reportlab.graphics.shapes import String

    for child in getattr(node, "contents", []):
        if isinstance(child, String):
            name = child.fontName or ""
            bold = "Bold" in name
            italic = "Oblique" in name or "Italic" in name
            if "Courier" in name or "Mono" in name:
                child.fontName = FONT_MONO
            else:
                child.fontName = ("DejaVuSans-BoldOblique" if bold and italic else FONT_BOLD if bold
                                  else FONT_ITALIC if italic else FONT)
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
    from reportlab.lib.colors import HexColor

    canvas.beginForm(f"toc-{key}", lowerx=-TOC_NUMBER, lowery=-4, upperx=0, uppery=16)
    canvas.setFont(FONT, 9)
    canvas.setFillColor(HexColor(_INK))
    canvas.drawRightString(0, 0, str(page))
    canvas.endForm()


def _flowable() -> Any:
    from reportlab.platypus.flowables import Flowable

    return Flowable


class _TocEntry(_flowable()):  # type: ignore[misc]
    """One entry of the contents: the heading (a link to it), dot leaders, and its page number as a form
    that the heading defines when it is placed (see :func:`_page_number_form`)."""

    def __init__(self, text: str, style: Any, key: str):
        super().__init__()
        self.text, self.style, self.key = text, style, key

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        from reportlab.platypus import Paragraph

        self.paragraph = Paragraph(f'<a href="#{self.key}">{escape(self.text)}</a>'
                                   f'<onDraw name="procesmapTocEnd" label="{self.key}|{available_width:.2f}"/>',
                                   self.style)
        _, height = self.paragraph.wrap(available_width, available_height)
        self.width, self.height = available_width, height + self.style.spaceBefore
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setNamedCB("procesmapTocEnd", _toc_end)
        self.paragraph.drawOn(self.canv, 0, 0)


def _toc_end(canvas: Any, kind: str, label: str) -> None:
    """After an entry's text: dots up to the page number's room, then the page number's form."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

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
        done = getattr(placed, "placed", set())
        for key in self.keys:
            if key not in done:
                self.canv.beginForm(f"toc-{key}")
                self.canv.endForm()


def _template(buffer: io.BytesIO, doc: ReportDoc) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from procesmap.i18n import t

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
    frame = Frame(margin, margin + 6 * mm, width - 2 * margin, height - 2 * margin - 6 * mm, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(HexColor(_MUTED))
        canvas.drawString(margin, margin - 2 * mm, doc.title[:90])
        canvas.drawRightString(width - margin, margin - 2 * mm, t("report.page", doc.lang, page=document.page))
        canvas.setStrokeColor(HexColor(_LINE))
        canvas.line(margin, margin + 2 * mm, width - margin, margin + 2 * mm)
        canvas.restoreState()

    template = _Template(buffer, pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin,
                         title=f"{doc.title} – {t('report.title', doc.lang)}", author="procesmap",
                         subject=t("report.title", doc.lang), creator=f"procesmap {doc.version}", lang=doc.lang,
                         invariant=1, initialFontName=FONT)
    landscape_frame = Frame(margin, margin + 6 * mm, height - 2 * margin, width - 2 * margin - 6 * mm, id="wide",
                            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def landscape_footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(HexColor(_MUTED))
        canvas.drawString(margin, margin - 2 * mm, doc.title[:120])
        canvas.drawRightString(height - margin, margin - 2 * mm, t("report.page", doc.lang, page=document.page))
        canvas.restoreState()

    template.placed = set()
    template.addPageTemplates([PageTemplate(id="cover", frames=[frame], pagesize=A4),
                               PageTemplate(id="body", frames=[frame], onPage=footer, pagesize=A4),
                               PageTemplate(id="landscape", frames=[landscape_frame], onPage=landscape_footer,
                                            pagesize=(height, width))])
    return template


def render_pdf(analyses: "Sequence[Analysis]", lang: str) -> bytes:
    """The PDF report of one or more analyses (several: an overview and one chapter per process)."""
    from reportlab.graphics.shapes import STATE_DEFAULTS

    _register_fonts()
    doc = build_document(analyses, lang)
    buffer = io.BytesIO()
    template = _template(buffer, doc)
    builder = _Builder(doc, template.width, template.height)
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
