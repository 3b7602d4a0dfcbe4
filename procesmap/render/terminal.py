"""The terminal report (rich): what a consultant reads right after the workshop."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, Sequence

from procesmap.colours import HANDOVER_COLOURS

if TYPE_CHECKING:
    from rich.console import Console, JustifyMethod

    from procesmap.analysis import Analysis
    from procesmap.render._document import ProcessDoc, Section, Table

__all__ = ["render_terminal", "print_terminal"]

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class _Table:
    """A table printed exactly as rich prints ``Table(show_edge=False, box=None, padding=(0, pad))``, faster.

    Rich measures every cell of a table two or three times (minimum and maximum width, then
    again at the chosen width) and renders each through its own console pipeline: for the
    RACI table of a 20-step map that was most of ``procesmap analyse``'s time. Here each
    cell's widths are taken once (its widest line and its longest word), the column widths
    follow rich's own rules (:meth:`rich.table.Table._collapse_widths`, ``ratio_reduce``),
    only a cell wider than its column is wrapped (by rich's ``Text.wrap``), and the lines go
    out as styled segments: the same characters and styles as rich's ``Table``
    (``tests/test_terminal_tables.py`` compares them on random tables and on every bundled
    report). Cells are text, never rich markup.
    """

    def __init__(self, pad: int = 2):
        self.pad = pad
        self.headers: list[str] = []
        self.justify: list["JustifyMethod"] = []
        self.no_wrap: list[bool] = []
        self.rows: list[list[Any]] = []

    def add_column(self, header: str = "", justify: "JustifyMethod" = "left", no_wrap: bool = False) -> None:
        self.headers.append(header)
        self.justify.append(justify)
        self.no_wrap.append(no_wrap)

    def add_row(self, *cells: Any) -> None:
        self.rows.append(list(cells))

    def rich_table(self) -> Any:
        """The same table as a rich ``Table`` (what this class must print alike)."""
        from rich.table import Table  # lazy: rich loads only for terminal output
        from rich.text import Text  # lazy: rich loads only for terminal output

        table = Table(show_edge=False, box=None, padding=(0, self.pad))
        for header, justify, no_wrap in zip(self.headers, self.justify, self.no_wrap):
            # a word wider than its column folds onto the next line: a name or id is never cut off with "…"
            table.add_column(Text(header), justify=justify, no_wrap=no_wrap, overflow="fold")  # type: ignore[arg-type]
        for row in self.rows:
            table.add_row(*(Text(c) if isinstance(c, str) else c for c in row))
        return table

    def widths(self, max_width: int) -> list[int] | None:
        """Column widths with padding, as rich chooses them; None where rich would do more than this does."""
        from rich._ratio import ratio_reduce  # lazy: rich loads only for terminal output
        from rich.cells import cell_len  # lazy: rich loads only for terminal output
        from rich.table import Table  # lazy: rich loads only for terminal output

        pad = 2 * self.pad
        if max_width - pad < 1:
            return None
        minimum, maximum = [], []
        for i, header in enumerate(self.headers):
            low = high = 0
            for text in [header] + [c if isinstance(c, str) else c.plain for c in (row[i] for row in self.rows)]:
                lines = text.splitlines()
                widest = max((cell_len(line) for line in lines), default=0)
                words = text.split()
                longest = max((cell_len(word) for word in words), default=widest)
                low = max(low, min(min(longest, max_width) + pad, max_width))
                high = max(high, min(min(widest, max_width) + pad, max_width))
            minimum.append(min(low, max_width))
            maximum.append(min(high, max_width))
        widths = [m or 1 for m in maximum]
        if any(w - pad < 1 for w in widths):
            return None  # an empty column: rich's own way
        if sum(widths) > max_width:
            widths = Table._collapse_widths(widths, [not no_wrap for no_wrap in self.no_wrap], max_width)
            if sum(widths) > max_width:
                widths = ratio_reduce(sum(widths) - max_width, [1] * len(widths), widths, widths)
            if any(w - pad < 1 for w in widths):
                return None
            widths = [min(high, w) for high, w in zip(maximum, widths)]
        return widths

    def print(self, console: "Console") -> None:
        from rich.cells import cell_len  # lazy: rich loads only for terminal output
        from rich.segment import Segment, Segments  # lazy: rich loads only for terminal output
        from rich.style import Style  # lazy: rich loads only for terminal output
        from rich.text import Text  # lazy: rich loads only for terminal output

        cells = [[(c, None) if isinstance(c, str) else (c.plain, c.style) for c in row] for row in self.rows]
        texts = [self.headers] + [[text for text, _ in row] for row in cells]
        widths = None
        if not any("\t" in text or "\r" in text or text != text.strip() for row in texts for text in row):
            widths = self.widths(console.width)
        if widths is None:
            console.print(self.rich_table())
            return
        header_style = console.get_style("table.header")
        space = " " * self.pad
        null = Style()
        segments: list[Any] = []

        def row_lines(row: list[tuple[str, Any]], style: Any, bottom: bool = False) -> None:
            """One row; cells of fewer lines are filled with blank lines below (a header's above)."""
            blocks: list[tuple[list[str], Any, int]] = []
            for (text, cell_style), width, justify, no_wrap in zip(row, widths, self.justify, self.no_wrap):
                inner = width - 2 * self.pad
                body = style
                if cell_style:
                    body = (style or null) + (
                        console.get_style(cell_style) if isinstance(cell_style, str) else cell_style
                    )
                if "\n" not in text and cell_len(text) <= inner:
                    excess = inner - cell_len(text)
                    if justify == "right":
                        text = " " * excess + text
                    elif justify == "center":
                        text = " " * (excess // 2) + text + " " * (excess - excess // 2)
                    else:
                        text += " " * excess
                    lines = [text]
                else:
                    wrapped = Text(text).wrap(
                        console,
                        inner,
                        justify=justify,
                        overflow="fold",  # type: ignore[arg-type]
                        no_wrap=no_wrap,
                    )
                    lines = [line.plain for line in wrapped]
                blocks.append((lines, body, width))  # the cell's own style is its text's, not its padding's
            height = max(len(lines) for lines, _, _ in blocks)
            for index in range(height):
                for lines, body, width in blocks:
                    at = index - (height - len(lines)) if bottom else index
                    if 0 <= at < len(lines):
                        segments.extend((Segment(space, style), Segment(lines[at], body), Segment(space, style)))
                    else:
                        segments.append(Segment(" " * width, style))
                segments.append(Segment.line())

        row_lines([(h, None) for h in self.headers], header_style, bottom=True)
        for row in cells:
            row_lines(row, None)
        console.print(Segments(segments))


def render_terminal(analyses: "Sequence[Analysis]", lang: str, *, width: int | None = None, color: bool = False) -> str:
    """Plain text (no colour) of the terminal report, e.g. for ``--output report.txt``."""
    from procesmap.render._console import make_console  # lazy: rich loads only for terminal output

    buffer = io.StringIO()
    print_terminal(analyses, lang, make_console(buffer, width=width, color=color))
    return buffer.getvalue()


#: The most rows the terminal report shows of a long table (the handover list, each severity's findings); the
#: rest is one line that says how many more and points to JSON and HTML, which list every one (docs/format.md).
MAX_TERMINAL_ROWS = 50
#: The largest RACI matrix (steps x roles) the terminal report draws; beyond it, a line points to the other formats.
MAX_TERMINAL_RACI_CELLS = 20_000
#: Sections the terminal leaves out: pictures, and the per-step table (the other formats have it).
TERMINAL_SKIP = frozenset({"swimlane", "steps"})

_ROW_STYLE = {
    "error": "bold red",
    "warning": "yellow",
    "info": "cyan",
    "muted": "dim",
    **{kind: colour for kind, colour in HANDOVER_COLOURS.items() if kind != "team"},
}


def print_terminal(analyses: "Sequence[Analysis]", lang: str, console: "Console") -> None:
    """The report of the section model (:func:`procesmap.render._document.build_document`) on a console:
    with several maps the table of all maps and the shared roles first, then each map, summary first."""
    from procesmap.render._document import (  # lazy: the report's sections load only when a report is rendered
        build_document,
    )

    doc = build_document(analyses, lang)
    if doc.overview_sections:
        from rich.text import Text  # lazy: rich loads only for terminal output

        from procesmap.i18n import t  # lazy: the catalogue loads when a message is made

        console.print(Text(t("report.all_processes", lang), style="bold"))
        for section in doc.overview_sections:
            _section(section, console, 1, lang)
    for index, pdoc in enumerate(doc.processes):
        if index or doc.overview_sections:
            console.rule()
        _process(pdoc, console, lang)
    if len(analyses) > 1:
        _summary(analyses, lang, console, doc.across_findings)


def _process(pdoc: "ProcessDoc", console: "Console", lang: str) -> None:
    """One map: the summary in a panel (the first screen), then the sections."""
    from rich.console import Group  # lazy: rich loads only for terminal output
    from rich.panel import Panel  # lazy: rich loads only for terminal output
    from rich.text import Text  # lazy: rich loads only for terminal output

    lb = pdoc.labels
    summary, rest = pdoc.sections[0], pdoc.sections[1:]
    counts = Text()
    for level in ("error", "warning", "info"):
        if pdoc.counts.get(level):
            counts.append(lb.t("report.count." + level, count=pdoc.counts[level]) + "  ", style=_STYLE[level])
    parts: list[Any] = []
    for block in summary.blocks:
        parts += _renderables(block, console, 2, lang)
    if counts:
        parts.append(counts)
    console.print(Panel(Group(*parts), title=Text(f"{pdoc.title} ({pdoc.subtitle})"), title_align="left"))
    for section in rest:
        if section.key == "advice" and getattr(pdoc.analysis, "advice", None) is not None:
            # the advice's own terminal table (render/advice.py, as `procesmap advise` prints it): the same
            # figures as the section, its long descriptions given the width
            from procesmap.render.advice import print_advice  # lazy: the advice section loads only with --advise

            print_advice([pdoc.analysis.advice], lang, console)
            console.print()
        elif section.key not in TERMINAL_SKIP:
            _section(section, console, 1, lang)


def _section(section: "Section", console: "Console", level: int, lang: str) -> None:
    from rich.text import Text  # lazy: rich loads only for terminal output

    from procesmap.render._document import (  # lazy: the report's sections load only when a report is rendered
        Chart,
        Diagram,
    )

    if section.blocks and all(isinstance(b, (Chart, Diagram)) for b in section.blocks):
        return  # a picture only
    style = {
        "severity-error": _STYLE["error"],
        "severity-warning": _STYLE["warning"],
        "severity-info": _STYLE["info"],
    }.get(section.kind, "bold" if level <= 1 else "bold dim")
    console.print(Text(section.title, style=style))
    for block in section.blocks:
        if isinstance(block, type(section)):
            _section(block, console, level + 1, lang)
        else:
            for renderable in _renderables(block, console, level + 1, lang):
                console.print(renderable)
    if level <= 1:
        console.print()


def _renderables(block: Any, console: "Console", level: int, lang: str) -> list[Any]:
    """What one block of the model prints as (rich renderables, or _Table)."""
    from rich.text import Text  # lazy: rich loads only for terminal output

    from procesmap.render._document import (  # lazy: the report's sections load only when a report is rendered
        Bullets,
        Chart,
        Diagram,
        Facts,
        Section,
        Table,
    )
    from procesmap.render._document import (  # lazy: the report's sections load only when a report is rendered
        Text as TextBlock,
    )

    if isinstance(block, Section):
        out: list[Any] = [Text(block.title, style="bold")]
        for inner in block.blocks:
            out += _renderables(inner, console, level + 1, lang)
        return out
    if isinstance(block, Facts):
        text = Text()
        for index, (label, value) in enumerate(block.items):
            if index:
                text.append("\n")
            text.append(f"{label}: ", style="bold")
            text.append(value)
        return [text]
    if isinstance(block, Bullets):
        return [Text("\n".join(f"- {item}" for item in block.items))]
    if isinstance(block, TextBlock):
        return [Text(block.text, style="dim" if block.kind == "note" else "")]
    if isinstance(block, Table):
        return _table(block, lang, console.width)
    if isinstance(block, (Chart, Diagram)):
        return []
    raise TypeError(type(block))


class _Printed:
    """A _Table as something ``console.print`` takes (it prints itself)."""

    def __init__(self, table: _Table):
        self.table = table

    def __rich_console__(self, console: "Console", options: Any) -> Any:
        self.table.print(console)
        return iter(())


def _table(block: "Table", lang: str, width: int = 120) -> list[Any]:
    from rich.text import Text  # lazy: rich loads only for terminal output

    from procesmap.i18n import Count, t  # lazy: the catalogue loads when a message is made

    if block.kind == "findings":
        return [_findings(block, lang)]
    if block.kind == "knelpunten":
        return [_knelpunten(block)]
    rows = list(range(len(block.rows)))
    more = 0
    if len(rows) > MAX_TERMINAL_ROWS and block.more_key:
        keep = sorted((block.order or rows)[:MAX_TERMINAL_ROWS])
        more, rows = len(rows) - len(keep) + block.left_out, keep  # with the rows the document left out
    if block.kind == "raci" and block.rows and len(block.rows) * (len(block.header) - 1) > MAX_TERMINAL_RACI_CELLS:
        return [
            Text(
                t(
                    "limits.raci_too_large",
                    lang,
                    steps=Count(len(block.rows)),
                    roles=Count(len(block.header) - 1),
                    limit=Count(MAX_TERMINAL_RACI_CELLS),
                ),
                style="dim",
            )
        ]
    header = list(block.short_header or block.header)
    table = _Table(1)  # one space each side: room for the names at 80 columns
    cells = [list(row) for row in block.rows]
    numbered: list[tuple[str, str]] = []
    if block.short_labels and width < 100:  # ids would be cut: numbers in the table, the ids whole in a key
        numbered = [(str(n), label) for n, label in enumerate(block.short_labels, 1)]
        cells = [[number] + row[1:] for (number, _), row in zip(numbered, cells)]
    elif block.short_labels:
        cells = [[label] + row[1:] for label, row in zip(block.short_labels, cells)]
    numeric = block.numeric
    if block.optional:  # columns whose figures another table shows (the queueing steps' role)
        keep = [c for c in range(len(header)) if c not in block.optional]
        header, cells = [header[c] for c in keep], [[row[c] for c in keep] for row in cells]
        numeric = frozenset(keep.index(c) for c in numeric if c in keep)
    if block.kind == "handovers":  # from and to in one column: "step → step" reads in one line at 80 columns
        header[:2] = [f"{header[0]} → {header[1]}"]
        cells = [[f"{row[0]} → {row[1]}"] + row[2:] for row in cells]
        numeric = frozenset(c - 1 for c in numeric)
    for c, title in enumerate(header):
        table.add_column(
            title,
            justify="center" if block.kind == "raci" and c else "right" if c in numeric else "left",
            no_wrap=bool(block.short_labels) and c == 0 and width >= 100,
        )  # ids whole
    if block.bars is not None:
        table.add_column("", no_wrap=True)
    for r in rows:
        row: list[Any] = cells[r]
        style = _ROW_STYLE.get(block.row_kinds[r], "") if block.row_kinds else ""
        if style and row:
            row[0] = Text(row[0], style=style)
        if block.bars is not None:  # 10 blocks a full role; beyond 1.5 an arrow
            value = block.bars[r] or 0.0
            row.append(
                Text(
                    "█" * min(int(round(value * 10)), 15) + ("▶" if value > 1.5 else ""),
                    style={"error": "red", "warning": "yellow"}.get(
                        block.row_kinds[r] if block.row_kinds else "", "green"
                    ),
                )
            )
        table.add_row(*row)
    out: list[Any] = [_Printed(table)]
    if more:
        out.append(Text(t(block.more_key, lang, count=Count(more)), style="dim"))
    if numbered:
        out.append(Text(" · ".join(f"{number} = {label}" for number, label in numbered), style="dim"))
    if block.key:
        out.append(Text(" · ".join(f"{short} = {name}" for short, name in block.key), style="dim"))
    return out


def _indented(text: Any, left: int) -> Any:
    """Text whose wrapped lines keep its indent (a hanging indent)."""
    from rich.padding import Padding  # lazy: rich loads only for terminal output

    return Padding(text, (0, 0, 0, left), expand=False)


def _knelpunten(block: "Table") -> Any:
    """Knelpunten one after the other (code, action, step, owner; then the text and the solution, indented):
    their long texts read as sentences, not as columns of fragments."""
    from rich.console import Group  # lazy: rich loads only for terminal output
    from rich.text import Text  # lazy: rich loads only for terminal output

    parts: list[Any] = []
    header = block.header
    for action, code, step, message, solution, owner in block.rows:
        line = Text()
        line.append(code, style="bold")
        line.append(f"  {action}" + (f" · {step}" if step else ""))
        if owner:
            line.append(f" · {header[5]}: {owner}", style="dim")
        parts += [_indented(line, 2), _indented(Text(message), 4)]
        if solution:
            parts.append(_indented(Text(f"{header[4]}: {solution}", style="dim"), 4))
    return Group(*parts)


def _findings(block: "Table", lang: str) -> Any:
    """A severity's findings, three lines each (code and place, message, hint), long texts wrapped under
    their own indent."""
    from rich.console import Group  # lazy: rich loads only for terminal output
    from rich.text import Text  # lazy: rich loads only for terminal output

    from procesmap.i18n import Count, t  # lazy: the catalogue loads when a message is made

    parts: list[Any] = []
    level = block.row_kinds[0] if block.row_kinds else "info"
    for code, where, message, hint in block.rows[:MAX_TERMINAL_ROWS]:
        number, _, rule = code.partition(" ")
        line = Text()
        line.append(number, style=_STYLE.get(level, ""))
        line.append(f" {rule}  ", style="dim")
        line.append(where, style="dim")
        parts += [
            _indented(line, 2),
            _indented(Text(message), 4),
            _indented(Text(f"{block.header[3]}: {hint}", style="dim"), 4),
        ]
    if len(block.rows) > MAX_TERMINAL_ROWS:
        parts.append(
            _indented(
                Text(
                    t("scale.more_findings", lang, count=Count(len(block.rows) - MAX_TERMINAL_ROWS + block.left_out)),
                    style="dim",
                ),
                2,
            )
        )
    return Group(*parts)


def _summary(analyses: "Sequence[Analysis]", lang: str, console: "Console", across: Sequence[Any] = ()) -> None:
    """The last line: the findings of every map and of the maps together, counted by severity."""
    from procesmap.i18n import t  # lazy: the catalogue loads when a message is made

    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in [f for analysis in analyses for f in analysis.findings] + list(across):
        counts[finding.severity.value] += 1
    console.rule()
    console.print(
        t(
            "report.summary",
            lang,
            processes=len(analyses),
            errors=counts["error"],
            warnings=counts["warning"],
            infos=counts["info"],
        )
    )
