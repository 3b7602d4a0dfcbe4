"""Every rule: registry, docs, catalogue entries, and its documented examples run as tests."""

from __future__ import annotations

import re

import pytest

import procesmap
from procesmap.analysis import Severity
from procesmap.i18n import MESSAGES
from procesmap.rules import RULES, example_settings, example_yaml, get_rule, rule_doc
from procesmap.rules_docs import docs_filename, rule_markdown

from .conftest import ROOT

RULE_DIR = ROOT / "procesmap" / "rules"
DOCS = ROOT / "docs" / "rules"


def test_registry_matches_modules_and_docs() -> None:
    modules = {p.stem for p in RULE_DIR.glob("pm[0-9][0-9][0-9]_*.py")}
    registered = {m.__name__.rsplit(".", 1)[1] for m in RULES.values()}
    assert modules == registered
    pages = {p.name for p in DOCS.glob("PM*.md")}
    assert pages == {docs_filename(m) for m in RULES.values()}


def test_codes_names_and_severities() -> None:
    names = set()
    for code, module in RULES.items():
        assert re.fullmatch(r"PM\d{3}", code)
        assert module.__name__.rsplit(".", 1)[1].startswith(code.lower() + "_")
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", module.NAME)
        assert module.__name__.endswith(module.NAME.replace("-", "_"))
        assert isinstance(module.DEFAULT_SEVERITY, Severity)
        names.add(module.NAME)
    assert len(names) == len(RULES)
    expected = {
        "PM101",
        "PM102",
        "PM103",
        "PM104",
        "PM201",
        "PM202",
        "PM203",
        "PM204",
        "PM205",
        "PM206",
        "PM301",
        "PM302",
        "PM303",
        "PM304",
        "PM305",
        "PM306",
        "PM307",
        "PM308",
        "PM401",
        "PM402",
        "PM403",
        "PM404",
        "PM405",
        "PM501",
        "PM701",
        "PM702",
        "PM703",
        "PM704",
        "PM705",
    }
    assert set(RULES) == expected


@pytest.mark.parametrize("code", sorted(RULES))
def test_docstring_sections(code: str) -> None:
    doc = rule_doc(RULES[code])
    for section in ("Why this matters", "Waarom dit ertoe doet", "Example", "Use instead"):
        assert doc.get(section), f"{code} lacks {section}"
    text = RULES[code].__doc__ or ""
    assert text.index("Example\n") < text.index("Use instead\n")
    if RULES[code].OPTIONS:
        assert "Options" in doc


@pytest.mark.parametrize("code", sorted(RULES))
def test_catalogue_entries(code: str) -> None:
    for suffix in ("title", "summary", "message", "hint"):
        entry = MESSAGES[f"{code}.{suffix}"]
        assert entry["en"] and entry["nl"]


@pytest.mark.parametrize("code", sorted(RULES))
def test_documented_examples(code: str) -> None:
    module = RULES[code]
    settings = example_settings(module)  # the PM7xx rules: with the zaaktype of their docs
    failing = procesmap.analyse(procesmap.loads(example_yaml(module, "Example"), f"{code}-example.yaml"), settings)
    passing = procesmap.analyse(procesmap.loads(example_yaml(module, "Use instead"), f"{code}-fixed.yaml"), settings)
    assert [f for f in failing.findings if f.code == code], f"{code}: the failing example gives no finding"
    assert not [f for f in passing.findings if f.code == code], f"{code}: the passing example still gives it"
    for finding in failing.findings:
        assert finding.message("nl") and finding.message("en")
        assert "{" not in finding.message("en") and "{" not in finding.message("nl")


@pytest.mark.parametrize("code", sorted(RULES))
def test_docs_pages_are_generated(code: str) -> None:
    module = RULES[code]
    page = DOCS / docs_filename(module)
    assert page.read_text(encoding="utf-8") == rule_markdown(module), "run: python -m procesmap.rules_docs docs/rules"


def test_get_rule_by_code_and_name() -> None:
    assert get_rule("pm204") is RULES["PM204"]
    assert get_rule("single-point-of-failure") is RULES["PM204"]
    assert get_rule("PM999") is None


def _codes(text: str) -> list[tuple[str, str, int, int]]:
    analysis = procesmap.analyse(procesmap.loads(text, "t.yaml"), cases=1000)
    return [(f.code, f.subject, f.line, f.column) for f in analysis.findings]


def test_exact_handover_findings() -> None:
    found = _codes(example_yaml(RULES["PM101"], "Example"))
    assert ("PM101", "aanvraag -> advies", 12, 57) in found
    assert ("PM101", "advies -> besluit", 13, 50) in found
    assert "PM102" not in [c for c, *_ in found]  # organisation crossings are not reported twice


# Each rule's documented failing example, and exactly what it must report: (subject, line, column).
# Worked out by reading the example (docs/rules/<code>-*.md): the place is the step's entry, the role's
# definition, the knelpunt's entry, or for the process the value the finding is about.
EXPECTED_FINDINGS = {
    "PM202": [("beoordelen", 8, 5)],  # a step with work and no role (events without work need none)
    "PM203": [("melding", 6, 5), ("afhandelen", 7, 5)],  # no owner to fall back on: every step with a doer
    "PM205": [("directeur", 5, 3)],  # the owner's role definition: it does no step and is A of none
    "PM301": [("vergunning", 4, 7)],  # 7w + 4h + 2w > 8w for every case (fixed waits): share 1 > 0.5; at `term`'s value
    # term time 7d + 4h + triangular(7d, 21d, 84d) > 56d when the wait > 48.83d: (84 - 48.83)^2 / (77 x 63) = 25%,
    # between 5% and 50%
    "PM302": [("vergunning", 4, 7)],
    "PM305": [("advies", 8, 5)],  # 10d of 12.25d waiting (82%); besluit's 2d is 16%, under 25%
    "PM306": [("terugbellen", 4, 15)],  # 3d 15m > 2d, at `service_norm`'s value
    "PM401": [("controleren", 8, 5)],  # nothing leads to it
    "PM402": [("beoordelen", 8, 5)],  # a task without next
    "PM403": [("melding", 7, 5)],  # 0.3 + 0.6 = 0.9
    "PM404": [("toetsen", 8, 5)],  # toetsen <-> aanvullen never reaches an end; subject: its first step
    "PM405": [("uitzetten", 8, 5)],  # a parallel whose branches meet at no join
    "PM501": [("K1", 10, 5)],  # the knelpunt's entry
}


@pytest.mark.parametrize("code", sorted(EXPECTED_FINDINGS))
def test_failing_example_gives_exactly_these_findings(code: str) -> None:
    found = [
        (subject, line, column)
        for c, subject, line, column in _codes(example_yaml(RULES[code], "Example"))
        if c == code
    ]
    assert found == EXPECTED_FINDINGS[code]


def test_exact_spof_and_owner_findings() -> None:
    found = _codes(example_yaml(RULES["PM204"], "Example"))
    assert ("PM204", "adviseur", 6, 3) in found
    found = _codes(example_yaml(RULES["PM201"], "Example"))
    assert ("PM201", "melding", 2, 5) in found


def test_owner_that_does_not_resolve_is_pm201_with_suggestion() -> None:
    text = example_yaml(RULES["PM201"], "Use instead").replace("owner: teamleider", "owner: teamleidr")
    analysis = procesmap.analyse(procesmap.loads(text, "t.yaml"), cases=100)
    finding = next(f for f in analysis.findings if f.code == "PM201")
    assert (finding.line, finding.column) == (3, 8)
    assert "teamleider" in finding.message("en")


def test_ping_pong_reported_once_per_loop() -> None:
    text = example_yaml(RULES["PM404"], "Use instead")
    text = text.replace("- {id: aanvullen, role: behandelaar", "- {id: aanvullen, role: aanvrager")
    text = text.replace("roles:\n", "roles:\n  aanvrager: {external: true}\n")
    found = [f for f in _codes(text) if f[0] == "PM104"]
    assert len(found) == 1


def test_rule_severity_override_and_off() -> None:
    from procesmap.analysis import Settings

    process = procesmap.loads(example_yaml(RULES["PM204"], "Example"), "t.yaml")
    off = procesmap.analyse(process, Settings(cases=100, severities={"PM204": "off"}))
    assert not [f for f in off.findings if f.code == "PM204"]
    raised = procesmap.analyse(process, Settings(cases=100, severities={"PM204": "error"}))
    assert [f.severity for f in raised.findings if f.code == "PM204"] == [Severity.ERROR]


def test_rule_options_change_thresholds() -> None:
    from procesmap.analysis import Settings

    process = procesmap.loads(example_yaml(RULES["PM303"], "Use instead"), "t.yaml")
    strict = procesmap.analyse(process, Settings(cases=100, options={"PM303": {"threshold": 0.5}}))
    assert [f.code for f in strict.findings if f.code == "PM303"] == ["PM303"]


def test_bottleneck_hands_over_to_overloaded_at_pm304s_threshold() -> None:
    from procesmap.analysis import Settings

    # 150/week x 30 min against 0.8 x 1840 h: 265% utilised
    process = procesmap.loads(example_yaml(RULES["PM304"], "Example"), "t.yaml")

    def codes(settings: Settings) -> list[str]:
        return [f.code for f in procesmap.analyse(process, settings).findings if f.code in ("PM303", "PM304")]

    assert codes(Settings(cases=10)) == ["PM304"]
    assert codes(Settings(cases=10, options={"PM304": {"threshold": 3.0}})) == ["PM303"]
    assert codes(Settings(cases=10, severities={"PM304": "off"})) == ["PM303"]
