"""The message catalogue: both languages for every key, the same placeholders, Dutch numbers."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from procesmap.i18n import MESSAGES, number, percent, t

from .conftest import ROOT


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert set(entry) == {"en", "nl"}, key
    assert entry["en"].strip() and entry["nl"].strip()
    assert _fields(entry["en"]) == _fields(entry["nl"]), key


def test_every_key_used_in_code_exists() -> None:
    used: set[str] = set()
    pattern = re.compile(r"^(load|value|ref|duration|volume|hint|report|cli|missing|label|kind)\.[a-z_.]+$")
    for path in (ROOT / "procesmap").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and pattern.match(node.value):
                used.add(node.value)
    missing = sorted(k for k in used if k not in MESSAGES and not k.endswith("."))
    assert not missing, missing


def test_dutch_numbers_use_a_decimal_comma() -> None:
    assert number(1234.5, "nl") == "1.234,5"
    assert number(1234.5, "en") == "1,234.5"
    assert number(None, "nl") == "-"
    assert percent(0.071, "nl", 1) == "7,1%"
    assert t("report.per_year", "nl", value=number(1200.0, "nl", 0)) == "1.200 zaken per jaar"


def test_unknown_key_shows_itself() -> None:
    assert t("no.such.key", "nl") == "no.such.key"


def test_arguments_that_are_messages_counts_or_plurals() -> None:
    from procesmap.i18n import Count, Message, plural

    assert t("load.yaml", "nl", detail=Message("yaml.problem.no_colon")) == "geen geldige YAML: de `:` na een sleutel ontbreekt"
    assert str(Message("yaml.problem.no_colon")) == "the `:` after a key is missing"
    assert t("report.count.error", "nl", count=Count(12345)) == "12.345 fouten"
    assert t("report.count.error", "en", count=1) == "1 error"
    assert [plural(n, "nl") for n in (0, 1, 2, 1.0, "1", "1,0", "geen")] == ["other", "one", "other", "other", "one",
                                                                             "other", "other"]
