"""The terminal report's own table printer writes what rich's Table writes, character for character.

procesmap.render.terminal._Table skips rich's per-cell measuring; rich's ``Table`` itself is
the oracle here: random tables (long words, wrapping, right/centre columns, no-wrap columns,
styled cells, accents and wide characters) at random console widths, in colour and plain,
and every bundled map's whole report at several widths.
"""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

import procesmap
from procesmap.render import terminal
from procesmap.render.terminal import _Table
from tests.conftest import bundled

words = st.sampled_from(
    [
        "a",
        "Intake",
        "beoordelen",
        "Vergunningverlener",
        "zaak",
        "é",
        "ëën",
        "(dagen)",
        "x" * 30,
        "日本",
        "—",
        "30%",
        "1.840",
        "",
    ]
)
cells = st.lists(words, min_size=0, max_size=6).map(" ".join)


def _console(width: int, colour: bool) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(
        file=buffer,
        width=width,
        force_terminal=colour,
        color_system="standard" if colour else None,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    ), buffer


@settings(max_examples=400, deadline=None)
@given(
    st.integers(1, 6).flatmap(
        lambda n: st.tuples(
            st.lists(
                st.tuples(cells, st.sampled_from(["left", "right", "center"]), st.booleans()), min_size=n, max_size=n
            ),
            st.lists(
                st.lists(st.tuples(cells, st.sampled_from([None, "red", "bold"])), min_size=n, max_size=n), max_size=5
            ),
        )
    ),
    st.integers(8, 160),
    st.booleans(),
    st.sampled_from([1, 2]),
)
def test_same_output_as_rich_table(
    spec: tuple[list[tuple[str, str, bool]], list[list[tuple[str, str | None]]]], width: int, colour: bool, pad: int
) -> None:
    columns, rows = spec
    table = _Table(pad)
    for header, justify, no_wrap in columns:
        table.add_column(header, justify=justify, no_wrap=no_wrap)
    for row in rows:
        table.add_row(*(text if style is None else Text(text, style=style) for text, style in row))
    ours, ours_out = _console(width, colour)
    table.print(ours)
    theirs, theirs_out = _console(width, colour)
    theirs.print(table.rich_table())
    assert ours_out.getvalue() == theirs_out.getvalue()


def test_every_bundled_report_as_rich_would_print_it(monkeypatch: object) -> None:
    analyses = [procesmap.analyse(procesmap.load(path)) for path in bundled()]
    for width in (50, 80, 132):
        for colour in (False, True):
            ours = terminal.render_terminal(analyses, "nl", width=width, color=colour)
            monkeypatch.setattr(_Table, "print", lambda self, console: console.print(self.rich_table()))  # type: ignore[attr-defined]
            theirs = terminal.render_terminal(analyses, "nl", width=width, color=colour)
            monkeypatch.undo()  # type: ignore[attr-defined]
            assert ours == theirs, (width, colour)


def test_table_of_all_maps_keeps_every_map_id_whole_at_80_columns() -> None:
    """At 80 columns the maps are numbered in the table and named whole in a key under it (no "bezwa…")."""
    analyses = [procesmap.analyse(procesmap.load(path), cases=200) for path in bundled()]
    text = terminal.render_terminal(analyses, "nl", width=80)
    start = text.index("Alle kaarten in één oogopslag")
    block = text[start : text.index("\n\n", start)]
    assert all(len(line) <= 80 for line in block.splitlines())
    assert "…" not in block
    for number, analysis in enumerate(sorted(analyses, key=lambda a: a.process.id), 1):
        assert f"{number} = {analysis.process.id}" in " ".join(block.split())
    wide = terminal.render_terminal(analyses, "nl", width=120)
    start = wide.index("Alle kaarten in één oogopslag")
    assert all(a.process.id in wide[start : start + 3000] for a in analyses)  # from 100 columns: the ids in the table
