"""PM6xx: registry, docstrings, catalogue, documented examples run, generated docs pages; compare and discover."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import procesmap
from procesmap.analysis import Severity
from procesmap.eventlog import compare, discover, read_log
from procesmap.eventlog.rules import LOG_RULES, example_blocks
from procesmap.eventlog.rules_docs import docs_filename, index_markdown, log_rule_markdown, run_example
from procesmap.i18n import MESSAGES
from procesmap.rules import RULES, rule_doc

from .conftest import ROOT, SHARED, need_shared

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
    assert page.read_text(encoding="utf-8") == log_rule_markdown(LOG_RULES[code]), (
        "run: python -m procesmap.eventlog.rules_docs docs/rules/log"
    )
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
    quiet = compare(
        process, log, Settings(cases=500, severities={"PM601": "off"}, options={"PM602": {"min_share": 0.9}})
    )
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


def test_compare_figures_against_plain_pandas() -> None:
    """Fitness, visits and waits of a comparison, recomputed by hand from the running example."""
    need_shared(LOGS)
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


def _xes_sequences(path: Path) -> list[list[str]]:
    """Per case: the activities of its complete events in time order, read with plain lxml (not procesmap's reader)."""
    import gzip

    from lxml import etree

    opener = gzip.open if path.name.endswith(".gz") else open
    cases = []
    with opener(path, "rb") as handle:
        for _, trace in etree.iterparse(handle, tag="{*}trace"):
            events = []
            for position, event in enumerate(trace.iterfind("{*}event")):
                attrs = {a.get("key"): a.get("value") for a in event}
                if attrs.get("lifecycle:transition", "complete").lower() == "complete" and attrs.get("concept:name"):
                    events.append((attrs.get("time:timestamp", ""), position, attrs["concept:name"]))
            cases.append([name for _, _, name in sorted(events)])
            trace.clear()
    return cases


def _fitness_bounds(cases: list[list[str]], on_map: set[str], coverage: float) -> tuple[float, float]:
    """Bounds on the case fitness of a map discovered with `coverage`, from the log alone (docs/eventlog.md).

    Upper: a case with an activity no step claims never fits. Lower: discover keeps the most frequent
    variants (over the activities it keeps, repeats collapsed) until they cover `coverage` of the
    cases and builds the map from them, so those cases fit when they have no left-out activity.
    """
    from collections import Counter

    def collapse(seq: list[str]) -> tuple[str, ...]:
        return tuple(a for i, a in enumerate(seq) if i == 0 or seq[i - 1] != a)

    only_map = [all(a in on_map for a in seq) for seq in cases]
    variants = [collapse([a for a in seq if a in on_map]) for seq in cases]
    covered: set[tuple[str, ...]] = set()
    running = 0
    for variant, count in sorted(Counter(variants).items(), key=lambda item: -item[1]):
        if running >= coverage * len(cases):
            break
        covered.add(variant)
        running += count
    lower = sum(ok and v in covered for v, ok in zip(variants, only_map)) / len(cases)
    return lower, sum(only_map) / len(cases)


@pytest.mark.parametrize(
    "name", ["running-example.xes", "receipt.xes", "repairExample.xes.gz", "BPIC15_1.xes.gz", "CoSeLoG_WABO_1.xes.gz"]
)
def test_discover_gives_a_valid_map_that_analyses(name: str) -> None:
    need_shared(LOGS)
    log = read_log(LOGS / name)
    text = discover(log, coverage=0.8, lang="nl")
    process = procesmap.loads(text, "draft.yaml")
    analysis = procesmap.analyse(process, cases=500)
    assert analysis.visits is not None
    assert not [f for f in analysis.findings if f.code in ("PM401", "PM403", "PM404", "PM405")]
    assert text.startswith("# ") and "procesmap: 1" in text
    fitness = compare(process, log).to_dict()["fitness"]["cases"]
    lower, upper = _fitness_bounds(_xes_sequences(LOGS / name), {a for s in process.steps for a in s.log}, 0.8)
    assert fitness <= upper + 1e-12, (fitness, upper)
    if not any(s.type == "parallel" for s in process.steps):
        # without parallel blocks every covered case fits (with them, interleavings that repeat an
        # activity of the block are dropped from the map, so some covered cases may not)
        assert fitness >= lower - 1e-12, (fitness, lower)
        assert lower >= 0.7  # the bound means something: most cases are covered and fit


def test_discover_roles_and_probabilities() -> None:
    need_shared(LOGS)
    text = discover(read_log(LOGS / "receipt.xes"), coverage=0.9, lang="en")
    process = procesmap.loads(text, "receipt.yaml")
    assert process.roles and process.owner in process.roles
    for step in process.steps:
        given = [b.p for b in step.next if b.p is not None]
        if len(step.next) > 1 and step.type != "parallel":  # a parallel step takes every branch: no p
            assert sum(given) == pytest.approx(1.0, abs=1e-9)


# -- the map's figures in `log compare` are the analysis's (issue: "-" in the map column) -------------------------

OMGEVING = ROOT / "processes" / "omgevingsvergunning.yaml"

# Two cases of the bundled omgevingsvergunning map, in its `log:` names. Case 1 goes back to the applicant
# (`aanvullen` suspends the term: 10 days); case 2 asks the three advices (the parallel block, interleaved).
OMGEVING_LOG = """\
case,activity,timestamp,resource
1,Aanvraag ontvangen,2024-03-01T09:00:00+01:00,Anna
1,Zaak aangemaakt,2024-03-01T10:00:00+01:00,Anna
1,Zaak toegewezen,2024-03-02T09:00:00+01:00,Tom
1,Volledigheid getoetst,2024-03-04T09:00:00+01:00,Vera
1,Aanvulling ontvangen,2024-03-14T09:00:00+01:00,Aanvrager
1,Volledigheid getoetst,2024-03-15T09:00:00+01:00,Vera
1,Inhoudelijke toets,2024-03-21T09:00:00+01:00,Vera
1,Conceptbesluit opgesteld,2024-03-31T09:00:00+01:00,Vera
1,Besluit ondertekend,2024-04-05T09:00:00+01:00,Tom
1,Besluit verzonden,2024-04-06T09:00:00+01:00,Ad
2,Aanvraag ontvangen,2024-03-01T09:00:00+01:00,Anna
2,Zaak toegewezen,2024-03-03T09:00:00+01:00,Tom
2,Volledigheid getoetst,2024-03-05T09:00:00+01:00,Vera
2,Inhoudelijke toets,2024-03-11T09:00:00+01:00,Vera
2,Adviesverzoeken verstuurd,2024-03-12T09:00:00+01:00,Vera
2,Advies brandveiligheid uitgebracht,2024-03-21T09:00:00+01:00,Bas
2,Advies milieu uitgebracht,2024-03-31T09:00:00+01:00,Mila
2,Welstandsadvies ontvangen,2024-04-10T09:00:00+01:00,Commissie
2,Conceptbesluit opgesteld,2024-04-20T09:00:00+01:00,Vera
2,Besluit ondertekend,2024-04-30T09:00:00+01:00,Tom
2,Besluit verzonden,2024-05-10T09:00:00+01:00,Ad
"""


@pytest.fixture(scope="module")
def omgeving(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("log") / "omgeving.csv"
    path.write_text(OMGEVING_LOG, encoding="utf-8")
    process = procesmap.load(OMGEVING)
    return process, procesmap.analyse(process), compare(process, read_log(path))


def test_compare_map_figures_are_the_analysis_figures(omgeving) -> None:  # type: ignore[no-untyped-def]
    """Every modelled figure of `log compare` is the one `procesmap analyse` gives for the same map (same defaults)."""
    process, analysis, comparison = omgeving
    data = comparison.to_dict()
    time = analysis.time
    assert time.share_over_extended_term is not None and time.term_time["mean"] is not None
    term = data["term"]
    assert term["modelled_share_over_term"] == time.share_over_term
    assert term["modelled_share_over_extended_term"] == time.share_over_extended_term
    assert term["modelled_term_time"] == {k: time.term_time[k] for k in ("mean", "p50", "p85", "p95")}
    assert data["cycle_time"]["modelled"] == {k: time.cycle_time[k] for k in ("mean", "p50", "p85", "p95")}
    assert (term["term"], term["term_extension"]) == (time.term, time.term_extension) == (56.0, 42.0)
    assert data["handovers"]["modelled_per_case"] == analysis.handovers.expected_per_case
    assert data["handovers"]["modelled_role_per_case"] == analysis.handovers.expected_per_case["role"]
    assert {v["step"]: v["modelled"] for v in data["visits"]} == {
        s: analysis.visits[s] for s, names in comparison.links.items() if names
    }  # type: ignore[index]
    # and those figures are right: visits and handovers of the map worked out by hand from its routing
    # (volledigheid loops back with p 0.3; 65% go on to inhoudelijke-toets, 45% of those to the three
    # parallel advices; conceptbesluit is reached again from zienswijze-verwerken with 0.12 x 0.35)
    inhoudelijk = 0.65 / 0.7
    concept = inhoudelijk / (1 - 0.12 * 0.35)
    modelled = {v["step"]: v["modelled"] for v in data["visits"]}
    for step, by_hand in (
        ("volledigheid", 1 / 0.7),
        ("inhoudelijke-toets", inhoudelijk),
        ("advies-milieu", 0.45 * inhoudelijk),
        ("conceptbesluit", concept),
        ("zienswijze-aanvrager", 0.12 * concept),
    ):
        if step in modelled:
            assert modelled[step] == pytest.approx(by_hand, rel=1e-9), step
    assert "volledigheid" in modelled and "conceptbesluit" in modelled
    # mail into intake-odvr and advies-welstand (once per parallel block each), and into zienswijze-aanvrager
    assert data["handovers"]["modelled_per_case"]["manual"] == pytest.approx(2 * 0.45 * inhoudelijk + 0.12 * concept)


def test_compare_observed_term_time_and_handovers_by_hand(omgeving) -> None:  # type: ignore[no-untyped-def]
    """Observed figures of the two cases above, worked out by hand from the map's roles, teams and `via`."""
    _, _, comparison = omgeving
    data = comparison.to_dict()
    assert data["fitness"]["cases"] == 1.0 and data["fitness"]["transitions"] == 1.0
    term = data["term"]
    # case 1: 36 days, less 10 days with the applicant (suspends the term); case 2: 70 days
    assert term["observed_term_time"]["mean"] == pytest.approx((26 + 70) / 2)
    assert data["cycle_time"]["observed"]["mean"] == pytest.approx((36 + 70) / 2)
    assert term["observed_share_over_term"] == 0.5 and term["observed_share_over_extended_term"] == 0.0
    # case 1: 6 role, 1 team (kcc -> vth), 2 external (to and from the applicant);
    # case 2: 8 role, 3 team and 2 organisation (to and between the advisers), 2 external, 1 manual (welstand by mail)
    assert data["handovers"]["observed_per_case"] == pytest.approx(
        {"role": 7.0, "team": 2.0, "organisation": 1.0, "external": 2.0, "manual": 0.5}
    )
    assert data["handovers"]["observed_role_per_case"] == 7.0
    # every finding's text is filled in, also PM603 on a succession through steps the log never shows
    assert {f["code"] for f in data["findings"]} >= {"PM603", "PM607"}
    for finding in data["findings"]:
        text = finding["message"] + finding["message_nl"] + finding["hint"] + finding["hint_nl"]
        assert "{" not in text.replace("{samples", ""), finding


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_compare_report_shows_the_map_figures(omgeving, lang: str) -> None:  # type: ignore[no-untyped-def]
    """No "-" in the map column where the analysis has a figure; the analyse report's words."""
    from procesmap.eventlog._render import compare_sections, render
    from procesmap.i18n import number, percent

    _, analysis, comparison = omgeving
    data = comparison.to_dict()
    _, sections = compare_sections(data, lang)
    by_title = {s.title: s for s in sections}
    heading = {
        "nl": "Wettelijke termijn: 56 dagen (+ 42 dagen verdaging)",
        "en": "Legal term: 56 days (+ 42 days extension)",
    }[lang]
    term_rows = {row[0]: row[1:] for row in by_title[heading].rows}
    extended = {"nl": "zaken over termijn + verdaging", "en": "cases over term + extension"}[lang]
    assert term_rows[extended] == [
        "0" + ("," if lang == "nl" else ".") + "0%",
        percent(analysis.time.share_over_extended_term, lang, 1),
    ]
    time_rows = {row[0]: row[1:] for row in by_title[MESSAGES["logreport.time"][lang]].rows}
    map_term = time_rows[MESSAGES["logreport.term_time_row"][lang] + ", " + MESSAGES["logreport.modelled"][lang]]
    assert map_term[0] == number(analysis.time.term_time["mean"], lang, 2)
    for section in sections:
        if MESSAGES["logreport.modelled"][lang] in section.headers:
            column = section.headers.index(MESSAGES["logreport.modelled"][lang])
            assert "-" not in [row[column] for row in section.rows], section.title
    text = render(data, "markdown", lang)
    assert "verlenging" not in text and "Beslistermijn" not in text


def test_log_report_words_are_the_analyse_reports() -> None:
    """The log reports name the same things as the analyse report (procesmap/i18n/report.py), in both languages."""
    same = {
        "logreport.term": "report.term",
        "logreport.share_over_term": "report.share_over_term",
        "logreport.share_over_extended_term": "report.share_over_extended_term",
        "logreport.cycle_time_row": "report.cycle_time",
        "logreport.term_time_row": "report.term_time",
    }
    for ours, theirs in same.items():
        for lang in ("nl", "en"):
            assert MESSAGES[ours][lang].casefold() == MESSAGES[theirs][lang].casefold(), (ours, lang)
    dutch = " ".join(v["nl"] for k, v in MESSAGES.items() if k.startswith("logreport.")).casefold()
    for word in ("verlenging", "beslistermijn", "verlengde termijn", "utilisatie"):
        assert word not in dutch, word
    for word in ("termijntijd", "doorlooptijd", "wachttijd", "overdracht", "verdaging"):
        assert word in dutch, word


def test_compare_waits_leave_out_first_visits(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A visit without a visit before it has no wait: it is not counted as a wait of 0 days."""
    process = procesmap.loads(
        """\
procesmap: 1
id: kort
owner: x
roles: {x: {people: 1}}
steps:
  - {id: a, type: start, role: x, log: [A], next: b}
  - {id: b, type: end, role: x, wait: 1d, log: [B]}
""",
        "kort.yaml",
    )
    path = tmp_path / "log.csv"
    path.write_text(
        "case,activity,timestamp\n"
        "1,A,2024-01-01T00:00:00Z\n1,B,2024-01-03T00:00:00Z\n"
        "2,B,2024-01-01T00:00:00Z\n2,A,2024-01-02T00:00:00Z\n2,B,2024-01-05T00:00:00Z\n",
        encoding="utf-8",
    )
    waits = {
        w["step"]: w
        for w in compare(process, read_log(path), procesmap.analysis.Settings(cases=100)).to_dict()["waits"]
    }
    assert waits["b"]["measured"] == 2 and waits["b"]["observed_mean"] == pytest.approx(2.5)
    assert waits["b"]["observed_median"] == pytest.approx(2.5)
    assert waits["a"]["measured"] == 1 and waits["a"]["observed_mean"] == pytest.approx(1.0)


def test_compare_report_says_none_instead_of_empty_tables() -> None:
    """A log with nothing in common with the map: the sections say so instead of showing bare headers."""
    from procesmap.eventlog._render import compare_sections, render

    process = procesmap.load(OMGEVING)
    need_shared(LOGS)
    data = compare(process, read_log(LOGS / "running-example.csv")).to_dict()
    _, sections = compare_sections(data, "nl")
    for section in sections:
        assert section.rows or section.empty, section.title
    visits = next(s for s in sections if s.title == MESSAGES["logreport.visits"]["nl"])
    assert visits.empty == "geen stap van de kaart is gekoppeld aan een logactiviteit"
    assert data["handovers"]["observed_role_per_case"] is None  # nothing linked: nothing observed, not 0
    page = render(data, "html", "nl")
    from procesmap.i18n import percent

    share = percent(procesmap.analyse(process).time.share_over_extended_term, "nl", 1)
    assert '<p class="none">geen</p>' in page and f'<td class="n">{share}</td>' in page
    assert "<code>check ticket</code>" in page
