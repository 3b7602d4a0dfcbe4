"""A Dutch decimal comma in a map (``fte: 0,8``) gets a hint that says how to write it, in both YAML styles.

Workshop maps are typed by Dutch staff, who write 0,8 fte. In block style YAML reads the text "0,8" (the hint
said only "see procesmap schema"); in a flow mapping ``{people: 1, fte: 0,8}`` it reads ``fte: 0`` and a key
``8`` without a value (the hint listed the allowed keys).
"""

from __future__ import annotations

import pytest

from procesmap.errors import LoadError
from procesmap.loading import loads

MAP = """procesmap: 1
id: test
name: Test
roles:
{roles}
steps:
  - {{id: a, type: start, role: mw, next: b}}
  - {{id: b, type: end, role: mw}}
"""


def problems(roles: str) -> list[tuple[int, int, str, str, str]]:
    with pytest.raises(LoadError) as caught:
        loads(MAP.format(roles=roles), "map.yaml")
    return [(p.line, p.column, p.message("en"), p.hint("en") or "", p.hint("nl") or "") for p in caught.value.problems]


def test_block_style_decimal_comma_says_to_write_a_point() -> None:
    [(line, column, message, hint, hint_nl)] = problems("  mw:\n    name: Medewerker\n    people: 2\n    fte: 0,8")
    assert (line, column) == (8, 10)  # the value 0,8
    assert message == "`fte` must be a number, not 0,8"
    assert hint == "write a number with a decimal point: `fte: 0.8`"
    assert "`fte: 0.8`" in hint_nl and "komma" in hint_nl


def test_flow_style_decimal_comma_names_the_number_it_split() -> None:
    found = problems("  mw: {name: Medewerker, people: 2, fte: 1,6}")
    unknown = [p for p in found if p[2] == "unknown key `6`"]
    assert len(unknown) == 1
    line, column, _, hint, hint_nl = unknown[0]
    assert (line, column) == (5, 44)  # the key 6
    assert hint == "a decimal comma inside {...} splits the number in two: write `fte: 1.6`"
    assert "`fte: 1.6`" in hint_nl


def test_flow_style_zero_comma_also_reports_the_zero() -> None:
    """``fte: 0,6`` reads as ``fte: 0``, which is itself wrong: both problems are listed, the key with the hint."""
    found = problems("  mw: {name: Medewerker, people: 2, fte: 0,6}")
    assert [p[2] for p in found] == ["`fte` must be more than 0, not 0", "unknown key `6`"]
    assert found[1][3].endswith("write `fte: 0.6`")


@pytest.mark.parametrize(
    "roles",
    [
        "  mw: {name: Medewerker, people: 2, 8: x}",  # a number key with a value: not a split number
        "  mw: {name: Medewerker, 8: }",  # after a text, not a number
        "  mw: {8: , name: Medewerker}",  # first key
    ],
)
def test_other_unknown_keys_keep_their_hint(roles: str) -> None:
    found = problems(roles)
    assert found and all("decimal comma" not in hint for _, _, _, hint, _ in found), found


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("0,8", "0.8"),
        (" 1,25 ", "1.25"),
        ("-0,5", "-0.5"),
        ("+2,0", "+2.0"),
        ("0.8", None),
        ("1.000,5", None),
        ("8", None),
        ("veel", None),
        ("0,8h", None),
        (",5", None),
    ],
)
def test_one_reading_of_a_decimal_comma_serves_the_map_set_and_the_command_line(text: str, meant: str | None) -> None:
    from procesmap._language import with_decimal_point

    assert with_decimal_point(text) == meant
