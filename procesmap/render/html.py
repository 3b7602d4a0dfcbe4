"""The HTML report: one self-contained, printable file (inline CSS, inline SVG, no script, no network).

Why this shape: a gemeente mails the file around, opens it offline, prints it
for the next workshop. So everything is inside the file, a Content Security
Policy forbids scripts and every request, and print CSS gives page breaks per
process. Sections and figures come from :mod:`procesmap.render._document`
(shared with the PDF); Jinja2 autoescapes every user text, and inline SVG (the
charts and the swimlane) is cleaned: no script, no event handlers, no external
links, ids made unique per picture so that several pictures share one page.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any, Sequence

from procesmap.colours import HANDOVER_COLOURS
from procesmap.render._document import (
    Bullets,
    Chart,
    Diagram,
    Facts,
    ProcessDoc,
    Section,
    Table,
    Text,
    build_document,
    organisations,
    swimlane_pages,
)
from procesmap.i18n import t
import hashlib

if TYPE_CHECKING:
    from markupsafe import Markup

    from procesmap.analysis import Analysis

__all__ = ["render_html", "inline_svg"]

_SVG = "http://www.w3.org/2000/svg"
_XLINK = "http://www.w3.org/1999/xlink"
_DROP = {
    "script",
    "foreignObject",
    "iframe",
    "object",
    "embed",
    "metadata",
    "image",
    "animate",
    "set",
    "animateTransform",
    "animateMotion",
    "handler",
    "listener",
}
_URL_REF = re.compile(r"url\(\s*#([^)\s]+)\s*\)")
#: The report's column (``body`` 1,120 px less its padding, 1,064 px) in points: the per-organisation picture is drawn
#: for it, so its 8-point labels show at about 10 px instead of 6 to 7 (four or five organisations side by side).
COLUMN_PT = 798.0


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def inline_svg(
    svg: str | bytes, prefix: str, label: str, natural: bool = False, seen_faces: set[str] | None = None
) -> "Markup":
    """SVG text made safe to inline in an HTML page.

    Drops scripts, foreign objects, embedded images and animations, every ``on*``
    attribute and every link that leaves the picture; prefixes ids (and the
    ``url(#..)``/``#..`` references to them) with ``prefix``. Scales to the page width,
    or with ``natural`` keeps one viewBox unit a pixel on screen (a wide swimlane stays
    readable and scrolls; print CSS fits it to the page).
    ``seen_faces`` (one set per page) drops an embedded font that an earlier picture on the
    page already declared: the same glyphs are sent once.
    """
    from markupsafe import Markup  # lazy: markupsafe loads only when HTML is rendered

    ET.register_namespace("", _SVG)
    ET.register_namespace("xlink", _XLINK)
    root = ET.fromstring(svg.encode("utf-8") if isinstance(svg, str) else svg)
    if _local(root.tag) != "svg":
        raise ValueError("not an SVG document")
    for parent in list(root.iter()):
        for child in list(parent):
            if not isinstance(child.tag, str) or _local(child.tag) in _DROP:
                parent.remove(child)
    for element in root.iter():
        for name in list(element.attrib):
            local, value = _local(name), element.attrib[name]
            if local.lower().startswith("on"):
                del element.attrib[name]
            elif local == "href":
                if value.startswith("#"):
                    element.attrib[name] = f"#{prefix}-{value[1:]}"
                else:
                    del element.attrib[name]
            elif local == "id":
                element.attrib[name] = f"{prefix}-{value}"
            elif "url(" in value:
                if re.search(r"url\(\s*['\"]?(?!#)", value):
                    del element.attrib[name]
                else:
                    element.attrib[name] = _URL_REF.sub(lambda m: f"url(#{prefix}-{m.group(1)})", value)
        if _local(element.tag) == "style" and element.text:
            element.text = re.sub(
                r"@import[^;]*;?", "", _URL_REF.sub(lambda m: f"url(#{prefix}-{m.group(1)})", element.text)
            )
    _own_font_families(root, seen_faces if seen_faces is not None else set())
    style = root.attrib.get("style", "")
    size = "max-width:100%;height:auto"
    box = root.attrib.get("viewBox", "").replace(",", " ").split()
    if natural and len(box) == 4:
        try:
            size = f"width:{float(box[2]):.0f}px;max-width:none;height:auto"
        except ValueError:
            pass
    root.attrib["style"] = (style + ";" if style else "") + size
    root.attrib["role"] = "img"
    root.attrib["aria-label"] = label
    return Markup(ET.tostring(root, encoding="unicode", short_empty_elements=True))


_FACE_FAMILY = re.compile(r"@font-face\s*\{[^}]*?font-family\s*:\s*(['\"]?)([^;'\"}]+)\1", re.S)


_FACE_RULE = re.compile(r"@font-face\s*\{[^}]*\}", re.S)


def _own_font_families(root: ET.Element, seen: set[str]) -> None:
    """Name the font families a picture embeds (``@font-face``) after their content.

    Each picture embeds only the glyphs it uses; two pictures declaring the same family
    name with other glyphs would share the last declaration and lose glyphs. Named after a
    hash of their ``@font-face`` rules, equal fonts get equal names, and a rule already in
    ``seen`` (declared by an earlier picture on the page) is dropped here.
    """

    styles = [e for e in root.iter() if _local(e.tag) == "style" and e.text]
    rules: dict[str, list[str]] = {}
    for element in styles:
        for rule in _FACE_RULE.findall(element.text or ""):
            match = _FACE_FAMILY.search(rule)
            if match:
                rules.setdefault(match.group(2).strip(), []).append(rule)
    if not rules:
        return
    names = {
        family: "pm-font-" + hashlib.sha256("".join(found).encode("utf-8")).hexdigest()[:12]
        for family, found in rules.items()
    }
    pattern = re.compile(
        r"(['\"]?)(" + "|".join(re.escape(f) for f in sorted(names, key=len, reverse=True)) + r")\1(?=\s*[,;}'\"]|\s*$)"
    )

    def rename(text: str) -> str:
        return pattern.sub(lambda m: f"'{names[m.group(2)]}'", text)

    def once(rule: re.Match[str]) -> str:
        if rule.group(0) in seen:
            return ""
        seen.add(rule.group(0))
        return rule.group(0)

    for element in root.iter():
        if element in styles:
            element.text = _FACE_RULE.sub(once, rename(element.text or ""))
        for name in ("style", "font-family"):
            if name in element.attrib:
                element.attrib[name] = rename(element.attrib[name])


def _environment() -> Any:
    from jinja2 import (  # lazy: Jinja2 loads only when HTML is rendered
        Environment,
        PackageLoader,
        StrictUndefined,
        select_autoescape,
    )

    env = Environment(
        loader=PackageLoader("procesmap", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


_KINDS = {
    Table: "table",
    Text: "text",
    Bullets: "bullets",
    Facts: "facts",
    Chart: "chart",
    Diagram: "diagram",
    Section: "section",
}


def render_html(analyses: "Sequence[Analysis]", lang: str, sections: Sequence[str] | None = None) -> str:
    """The HTML report of one or more analyses (several: with an overview across all processes).

    ``sections`` keeps only the sections with those keys (``("advice",)`` for ``procesmap advise``).
    """
    from procesmap.render.charts import chart_svg  # lazy: the charts load only for an HTML or PDF report

    doc = build_document(analyses, lang)
    if sections is not None:
        for pdoc in doc.processes:
            pdoc.sections = [s for s in pdoc.sections if s.key in sections]
    counter = itertools.count(1)
    seen_faces: set[str] = set()

    def picture(pdoc: ProcessDoc, block: Chart | Diagram) -> dict[str, Any]:
        """The inline SVG of a chart or the swimlane, or the sentence saying why there is none."""
        prefix = f"{pdoc.anchor}-g{next(counter)}"
        if isinstance(block, Diagram) and block.name == "organisations":
            # one box per organisation: fitted to the page's width, never larger than drawn (no zoom needed)
            boxes = organisations(pdoc.analysis, lang, "svg", fit_width=COLUMN_PT)
            if boxes is None:
                return {"svg": None, "reason": None}
            return {"svg": inline_svg(boxes, prefix, block.title, seen_faces=seen_faces), "reason": None}
        if isinstance(block, Diagram):
            pages, reason = swimlane_pages(pdoc.analysis, lang)
            if not pages:
                return {"svg": None, "reason": reason}
            # fitted to the page's width; the checkbox before it (no script: the page's policy forbids one)
            # shows it at its natural size, scrolling sideways. A map too big to read as one picture: the whole
            # with its cuts numbered, then each part as its own figure (as `procesmap diagram` draws it)
            parts = []
            for number, data in enumerate(pages[1:], 1):
                part = f"{prefix}-p{number}"
                parts.append(
                    {
                        "svg": inline_svg(data, part, block.title, natural=True, seen_faces=seen_faces),
                        "zoom": f"{part}-zoom",
                        "caption": t("report.swimlane_html_part", lang, part=number, parts=len(pages) - 1),
                    }
                )
            return {
                "svg": inline_svg(pages[0], prefix, block.title, natural=True, seen_faces=seen_faces),
                "reason": None,
                "zoom": f"{prefix}-zoom",
                "parts": parts,
                "caption": t("report.swimlane_html_key", lang, parts=len(parts)) if parts else None,
            }
        svg = chart_svg(block.name, pdoc.analysis, lang)
        return {"svg": inline_svg(svg, prefix, block.title, seen_faces=seen_faces) if svg else None, "reason": None}

    text = (
        _environment()
        .get_template("report.html.j2")
        .render(
            doc=doc,
            t=lambda key, **args: t(key, lang, **args),
            kind=lambda block: _KINDS[type(block)],
            picture=picture,
            handover_colours=HANDOVER_COLOURS,
        )
    )
    return re.sub(r"\n\s*\n+", "\n", text).strip() + "\n"
