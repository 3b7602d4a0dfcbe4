"""The message catalogue: both languages for every key, the same placeholders, Dutch numbers."""

from __future__ import annotations

import ast
import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from procesmap.i18n import MESSAGES, number, percent, t

from .conftest import ROOT


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _catalogues() -> dict[str, dict[str, dict[str, str]]]:
    """Every catalogue module of procesmap/i18n/ (one per area, merged into MESSAGES by messages.py).

    messages.py's own table is what MESSAGES holds beyond the others; a new module is found by itself.
    """
    import importlib
    import pkgutil

    import procesmap.i18n as package

    found: dict[str, dict[str, dict[str, str]]] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"procesmap.i18n.{info.name}")
        for name, value in vars(module).items():
            if (
                name.isupper()
                and isinstance(value, dict)
                and value is not MESSAGES
                and value
                and all(isinstance(v, dict) and "en" in v for v in value.values())
            ):
                found[f"{info.name}.{name}"] = value
    others = {key for table in found.values() for key in table}
    found["messages.MESSAGES (own table)"] = {k: v for k, v in MESSAGES.items() if k not in others}
    return found


CATALOGUES = _catalogues()


def test_catalogues_are_found_and_merged_without_loss() -> None:
    assert len(CATALOGUES) >= 10, sorted(CATALOGUES)
    seen: dict[str, str] = {}
    clashes = []
    for name, table in CATALOGUES.items():
        for key, entry in table.items():
            if key in seen and MESSAGES[key] != entry:
                clashes.append(f"{key}: {seen[key]} and {name} differ")  # one of them is silently lost
            seen.setdefault(key, name)
            assert key in MESSAGES, f"{name}: {key} is not merged into MESSAGES"
    assert clashes == []


@pytest.mark.parametrize("catalogue", sorted(CATALOGUES))
def test_both_languages_same_placeholders(catalogue: str) -> None:
    """Every key of the catalogue has a Dutch and an English text, neither empty, with the same placeholders."""
    bad = []
    for key, entry in sorted(CATALOGUES[catalogue].items()):
        if set(entry) != {"en", "nl"}:
            bad.append(f"{key}: languages {sorted(entry)}")
        elif not entry["en"].strip() or not entry["nl"].strip():
            bad.append(f"{key}: empty text")
        elif _fields(entry["en"]) != _fields(entry["nl"]):
            bad.append(
                f"{key}: placeholders {sorted(_fields(entry['en']))} (en) vs {sorted(_fields(entry['nl']))} (nl)"
            )
    assert bad == []


def test_merge_refuses_a_key_defined_twice() -> None:
    """The catalogue's dicts are merged by messages.merge: a key in two of them stops the load (dict.update let the
    later dict silently replace the earlier one's text)."""
    from procesmap.i18n.messages import merge

    catalogue = {"a.one": {"en": "one", "nl": "een"}}
    with pytest.raises(ValueError, match=r"defined twice.*a\.one"):
        merge(catalogue, {"a.one": {"en": "one", "nl": "een"}})  # even with the same texts
    with pytest.raises(ValueError, match=r"defined twice.*b\.two"):
        merge(catalogue, {"b.two": {"en": "two", "nl": "twee"}}, {"b.two": {"en": "2", "nl": "2"}})
    merge(catalogue, {"c.three": {"en": "three", "nl": "drie"}})
    assert sorted(catalogue) == ["a.one", "b.two", "c.three"]  # the first part of the refused call went in


def test_no_key_is_written_twice_in_the_catalogue_modules() -> None:
    """Read from the source, as merge cannot see them: a key twice in one dict literal, or in two ``.update({...})``
    blocks of one module (limits.py), keeps only the last text."""
    places: dict[str, list[str]] = {}
    for path in sorted((ROOT / "procesmap" / "i18n").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values):
                    if (
                        isinstance(key, ast.Constant)
                        and isinstance(value, ast.Dict)
                        and any(isinstance(k, ast.Constant) and k.value == "en" for k in value.keys)
                    ):
                        places.setdefault(key.value, []).append(f"{path.name}:{key.lineno}")
    assert len(places) > 1000
    assert {key: where for key, where in places.items() if len(where) > 1} == {}
    assert set(places) <= set(MESSAGES)


def test_the_placeholder_check_can_fail() -> None:
    assert _fields("{count} zaken, {share}") != _fields("{count} cases")


KEY = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+$")
PREFIX = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*\.$")
FILE_NAME = re.compile(
    r"\.(?:j2|csv|xes|yaml|yml|json|toml|md|html|pdf|png|svg|bpmn|parquet|gz|zip|py|txt|xlsx|css|js|mjs|ttf|woff|woff2|ico|drawio|mmd)$"
)


def _used_in_code() -> tuple[set[str], set[str]]:
    """String constants that look like catalogue keys, and the constant heads of f-string keys (``f"report.level.{x}"``).

    A key is a dotted name whose first part is the first part of some catalogue key (``bpmn.``,
    ``versions.``, ``logreport.``, ``os.error.``, ``PM204.``, ...), so every area is covered.
    """
    families = {key.split(".")[0] for key in MESSAGES}
    keys: set[str] = set()
    heads: set[str] = set()
    for path in (ROOT / "procesmap").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.match(node.value):
                if node.value.split(".")[0] in families and not FILE_NAME.search(node.value):
                    keys.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                head = node.values[0].value
                if isinstance(head, str) and PREFIX.match(head) and head.split(".")[0] in families:
                    heads.add(head)
    return keys, heads


def test_every_key_used_in_code_exists() -> None:
    keys, heads = _used_in_code()
    assert {"bpmn", "versions", "logreport", "os", "PM204"} <= {k.split(".")[0] for k in keys}
    assert sorted(k for k in keys if k not in MESSAGES) == []
    # an f-string key: its family exists
    assert sorted(h for h in heads if not any(k.startswith(h) for k in MESSAGES)) == []


def test_every_key_built_from_a_known_set_exists() -> None:
    """f-string keys over sets the code knows: each member has its text."""
    from procesmap.analysis import LEVELS
    from procesmap.config import META_RULES
    from procesmap.eventlog.rules import LOG_RULES
    from procesmap.model import STEP_TYPES
    from procesmap.rules import RULES

    wanted = [f"report.level.{level}" for level in LEVELS] + [f"report.level_short.{level}" for level in LEVELS]
    wanted += [f"report.step_type.{kind}" for kind in STEP_TYPES]
    wanted += [f"label.{level}" for level in ("error", "warning", "info")]
    for code in [*RULES, *LOG_RULES]:
        wanted += [f"{code}.{part}" for part in ("message", "hint", "summary", "title")]
    for code in META_RULES:  # PM000, PM001: explained by `procesmap rules` from the catalogue
        wanted += [f"{code}.{part}" for part in ("title", "summary", "why")]
    assert sorted(k for k in wanted if k not in MESSAGES) == []


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

    assert (
        t("load.yaml", "nl", detail=Message("yaml.problem.no_colon"))
        == "geen geldige YAML: de `:` na een sleutel ontbreekt"
    )
    assert str(Message("yaml.problem.no_colon")) == "the `:` after a key is missing"
    assert t("report.count.error", "nl", count=Count(12345)) == "12.345 fouten"
    assert t("report.count.error", "en", count=1) == "1 error"
    assert [plural(n, "nl") for n in (0, 1, 2, 1.0, "1", "1,0", "geen")] == [
        "other",
        "one",
        "other",
        "other",
        "one",
        "other",
        "other",
    ]


@given(
    value=st.one_of(
        st.integers(min_value=-(10**12), max_value=10**12),
        st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
    ),
    digits=st.integers(min_value=0, max_value=3),
    lang=st.sampled_from(["nl", "en"]),
)
@settings(max_examples=300, deadline=None)
def test_numbers_are_what_babels_format_decimal_gives(value: float, digits: int, lang: str) -> None:
    """number() formats without Babel (speed); Babel's format_decimal is the oracle for its text."""
    from babel.numbers import format_decimal

    pattern = "#,##0" if isinstance(value, int) else "#,##0" + ("." + "0" * digits if digits else "")
    expected = format_decimal(value, format=pattern, locale={"nl": "nl_NL", "en": "en_GB"}[lang])
    assert number(value, lang, digits) == expected


@given(
    value=st.one_of(
        st.integers(min_value=-(10**6), max_value=10**6),
        st.integers(min_value=-3, max_value=3),
        st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**6), max_value=10**6),
        *(st.decimals(min_value=-2, max_value=2, places=places) for places in (0, 1, 2)),
        st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6),
        st.sampled_from([1.0, -1.0, 0.999999, 1.04, 1.05]),
        # texts of signs, digits and separators; a text that ends in its decimal separator ("1,") or has an
        # exponent ("1e0") Babel also reads as 1, procesmap does not (see plural())
        st.text("+-0123456789,. ", max_size=8).filter(lambda s: not s.strip().endswith((",", "."))),
        st.sampled_from(
            ["1", "+1", "-1", "01", "001", "-01", " 1 ", "1,0", "1.0", "1.000", "1,000", "10", "0", "geen"]
        ),
    ),
    lang=st.sampled_from(["nl", "en"]),
)
@settings(max_examples=500, deadline=None)
def test_plural_is_babels_cldr_rule(value: object, lang: str) -> None:
    """plural() decides Dutch and English without Babel (its import cost a tenth of a folder report); Babel's
    CLDR rule on the number as t() writes it is the oracle."""
    from babel import Locale
    from babel.numbers import NumberFormatError, parse_decimal

    from procesmap.i18n import plural

    locale = {"nl": "nl_NL", "en": "en_GB"}[lang]
    operand: object = value
    if isinstance(value, float):
        operand = number(value, lang)
    if isinstance(operand, str):
        try:
            operand = parse_decimal(operand.strip(), locale=locale, strict=True)
        except (NumberFormatError, ValueError, ArithmeticError):
            operand = None
    expected = "other" if operand is None else Locale.parse(locale).plural_form(operand)
    assert plural(value, lang) == expected, (value, operand)


def test_numbers_from_numpy_are_written_as_python_floats() -> None:
    import numpy as np

    assert number(np.float64(1234.55), "nl") == number(1234.55, "nl") == "1.234,6"
    assert number(np.float64(-0.125), "en", 2) == "-0.12"  # half to even, as Babel
