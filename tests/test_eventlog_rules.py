"""PM6xx: registry, docstrings, catalogue, documented examples run, generated docs pages; compare and discover."""

from __future__ import annotations

import re

import pytest

import procesmap
from procesmap.analysis import Severity
from procesmap.eventlog import compare, discover, read_log
from procesmap.eventlog.rules import LOG_RULES, example_blocks, run_example
from procesmap.eventlog.rules_docs import docs_filename, index_markdown, log_rule_markdown
from procesmap.i18n import MESSAGES
from procesmap.rules import RULES, rule_doc

from .conftest import ROOT, SHARED

RULE_DIR = ROOT / "procesmap" / "eventlog" / "rules"
DOCS = ROOT / "docs" / "rules" / "log"
LOGS = SHARED / "data" / "event-logs"


def test_registry_matches_modules_and_docs() -> None:
    modules = {p.stem for p in RULE_DIR.glob("pm[0-9][0-9][0-9]_*.py")}
    assert modules == {m.__name__.rsplit(".", 1)[1] for m in LOG_RULES.values()}
    assert {p.name for p in DOCS.glob("PM*.md")} == {docs_filename(m) for m in LOG_RULES.values()}
    assert not set(LOG_RULES) & set(RULES)
    for code, module in LOG_RULES.items():
        assert re.fullmatch(r"PM6\d\d", code)
        assert module.__name__.endswith(code.lower() + "_" + module.NAME.replace("-", "_"))
        assert isinstance(module.DEFAULT_SEVERITY, Severity)


@pytest.mark.parametrize("code", sorted(LOG_RULES))
def test_docstring_sections_and_catalogue(code: str) -> None:
    module = LOG_RULES[code]
    doc = rule_doc(module)
    for section in ("Why this matters", "Waarom dit ertoe doet", "Example", "Use instead"):
        assert doc.get(section), f"{code} lacks {section}"
    if module.OPTIONS:
        assert doc.get("Options")
    for section in ("Example", "Use instead"):
        map_text, log_text = example_blocks(module, section)
        assert map_text and log_text
    for suffix in ("title", "summary", "message", "hint"):
        assert MESSAGES[f"{code}.{suffix}"]["en"] and MESSAGES[f"{code}.{suffix}"]["nl"]


@pytest.mark.parametrize("code", sorted(LOG_RULES))
def test_documented_examples(code: str) -> None:
    failing = run_example(LOG_RULES[code], "Example")
    passing = run_example(LOG_RULES[code], "Use instead")
    assert [f for f in failing.findings if f.code == code], f"{code}: the failing example gives no finding"
    assert not [f for f in passing.findings if f.code == code], f"{code}: the passing example still gives it"
    for finding in failing.findings:
        for lang in ("en", "nl"):
            assert "{" not in finding.message(lang) and "{" not in finding.hint(lang).replace("{samples", "")


@pytest.mark.parametrize("code", sorted(LOG_RULES))
def test_docs_pages_are_generated(code: str) -> None:
    page = DOCS / docs_filename(LOG_RULES[code])
    assert page.read_text(encoding="utf-8") == log_rule_markdown(LOG_RULES[code]), \
        "run: python -m procesmap.eventlog.rules_docs docs/rules/log"
    assert (DOCS / "README.md").read_text(encoding="utf-8") == index_markdown()


def test_severity_and_options_from_settings() -> None:
    from procesmap.analysis import Settings

    module = LOG_RULES["PM601"]
    off = run_example(module, "Example")
    assert any(f.code == "PM601" for f in off.findings)
    map_text, _ = example_blocks(module, "Example")
    process = procesmap.loads(map_text, "x.yaml")
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.csv"
        path.write_text(example_blocks(module, "Example")[1], encoding="utf-8")
        log = read_log(path)
    quiet = compare(process, log, Settings(cases=500, severities={"PM601": "off"}, options={"PM602": {"min_share": 0.9}}))
    assert not [f for f in quiet.findings if f.code in ("PM601", "PM602")]


FIGURE_MAP = """\
procesmap: 1
id: schade
owner: behandelaar
term: 7d
roles:
  kcc: {people: 3}
  behandelaar: {people: 2}
steps:
  - {id: registreren, type: start, role: kcc, log: [register request], next: onderzoek}
  - id: onderzoek
    type: parallel
    next: [kort, grondig, ticket]
  - {id: kort, role: behandelaar, wait: 1d, log: [examine casually], next: samen}
  - {id: grondig, role: behandelaar, wait: 1d, log: [examine thoroughly], next: samen}
  - {id: ticket, role: kcc, wait: 1d, log: [check ticket], next: samen}
  - {id: samen, type: join, next: beslissen}
  - id: beslissen
    role: behandelaar
    wait: 2d
    log: [decide]
    next: [{to: betalen, p: 0.5}, {to: afwijzen, p: 0.3}, {to: opnieuw, p: 0.2}]
  - {id: opnieuw, role: behandelaar, log: [reinitiate request], next: onderzoek}
  - {id: betalen, type: end, role: kcc, wait: 3d, log: [pay compensation]}
  - {id: afwijzen, type: end, role: kcc, wait: 1d, log: [reject request]}
"""


@pytest.mark.skipif(not LOGS.exists(), reason="shared event logs not present")
def test_compare_figures_against_plain_pandas() -> None:
    """Fitness, visits and waits of a comparison, recomputed by hand from the running example."""
    import pandas as pd

    process = procesmap.loads(FIGURE_MAP, "schade.yaml")
    log = read_log(LOGS / "running-example.csv")
    result = compare(process, log).to_dict()
    frame = pd.read_csv(LOGS / "running-example.csv")
    frame["t"] = pd.to_datetime(frame["time:timestamp"], utc=True)
    frame = frame.sort_values(["case:concept:name", "t"], kind="stable")
    # with the parallel block every interleaving of examine/check is allowed: all 6 cases fit
    assert result["fitness"]["cases"] == 1.0 and result["fitness"]["transitions"] == 1.0
    visits = {v["step"]: v["observed"] for v in result["visits"]}
    per_activity = frame.groupby("concept:name").size() / frame["case:concept:name"].nunique()
    assert visits["beslissen"] == pytest.approx(per_activity["decide"])
    assert visits["opnieuw"] == pytest.approx(per_activity["reinitiate request"])
    frame["prev"] = frame.groupby("case:concept:name")["t"].shift()
    waits = frame[frame["concept:name"] == "decide"].eval("t - prev").dt.total_seconds() / 86400
    got = {w["step"]: w for w in result["waits"]}
    assert got["beslissen"]["observed_mean"] == pytest.approx(waits.mean())
    durations = frame.groupby("case:concept:name")["t"].agg(lambda s: (s.max() - s.min()).total_seconds() / 86400)
    assert result["term"]["observed_share_over_term"] == pytest.approx((durations > 7).mean())
    assert result["cycle_time"]["observed"]["mean"] == pytest.approx(durations.mean())
    assert result["counts"]["activities_linked"] == 8 and result["activities_not_on_map"] == []
    codes = {f["code"] for f in result["findings"]}
    assert "PM607" in codes and "PM601" not in codes


@pytest.mark.skipif(not LOGS.exists(), reason="shared event logs not present")
@pytest.mark.parametrize("name", ["running-example.xes", "receipt.xes", "repairExample.xes.gz", "BPIC15_1.xes.gz",
                                  "CoSeLoG_WABO_1.xes.gz"])
def test_discover_gives_a_valid_map_that_analyses(name: str) -> None:
    log = read_log(LOGS / name)
    text = discover(log, coverage=0.8, lang="nl")
    process = procesmap.loads(text, "draft.yaml")
    analysis = procesmap.analyse(process, cases=500)
    assert analysis.visits is not None
    assert not [f for f in analysis.findings if f.code in ("PM401", "PM403", "PM404", "PM405")]
    assert text.startswith("# ") and "procesmap: 1" in text
    back = compare(process, log).to_dict()
    assert back["fitness"]["cases"] >= 0.8 or back["activities_not_on_map"]


@pytest.mark.skipif(not LOGS.exists(), reason="shared event logs not present")
def test_discover_roles_and_probabilities() -> None:
    text = discover(read_log(LOGS / "receipt.xes"), coverage=0.9, lang="en")
    process = procesmap.loads(text, "receipt.yaml")
    assert process.roles and process.owner in process.roles
    for step in process.steps:
        given = [b.p for b in step.next if b.p is not None]
        if len(step.next) > 1 and step.type != "parallel":  # a parallel step takes every branch: no p
            assert sum(given) == pytest.approx(1.0, abs=1e-9)
