"""`--set` values as a consultant types them in a workshop: the hint says what to type."""

from __future__ import annotations

from pathlib import Path

import pytest

from procesmap.errors import UsageError
from procesmap.loading import load
from procesmap.whatif import apply_overrides

ROOT = Path(__file__).resolve().parent.parent
MAP = ROOT / "processes" / "omgevingsvergunning.yaml"


def _hint(assignment: str, lang: str = "en") -> str:
    with pytest.raises(UsageError) as caught:
        apply_overrides(load(MAP), [assignment])
    lines = caught.value.format(lang).splitlines()
    assert len(lines) == 2, lines
    return lines[1]


@pytest.mark.parametrize("path", ["roles.adviseur-milieu-odvr.fte", "steps.volledigheid.next.aanvullen.p"])
def test_a_dutch_decimal_comma_gets_a_hint_with_the_point(path: str) -> None:
    for lang in ("en", "nl"):
        hint = _hint(f"{path}=0,8", lang)
        assert f"--set {path}=0.8" in hint, hint


def test_a_text_that_yaml_reads_as_a_mapping_gets_a_hint_to_quote_it() -> None:
    # `Team: BRP` is a mapping in YAML; the consultant meant the name
    hint = _hint("roles.adviseur-milieu-odvr.name=Team: BRP")
    assert "'roles.adviseur-milieu-odvr.name=\"Team: BRP\"'" in hint, hint


def test_a_text_that_yaml_reads_as_a_list_gets_a_hint_to_quote_it() -> None:
    hint = _hint("roles.adviseur-milieu-odvr.name=[BRP] team")
    assert "'roles.adviseur-milieu-odvr.name=\"[BRP] team\"'" in hint, hint
