"""The registry is the one place a rule is: config, suppressions, docs links, SARIF, `log compare` and the overview read it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import procesmap
from procesmap.config import parse_config, preset_severities
from procesmap.errors import LoadError
from procesmap.eventlog.rules import LOG_RULES, example_blocks
from procesmap.findings import Finding, Severity, docs_path
from procesmap.rules import RULES
from procesmap.rules.registry import REGISTRY, get_spec, option, specs

from .conftest import ROOT, run_procesmap

RULE_FILES = {p.stem.split("_")[0].upper() for p in (ROOT / "procesmap" / "rules").glob("pm*.py")}
LOG_RULE_FILES = {p.stem.split("_")[0].upper() for p in (ROOT / "procesmap" / "eventlog" / "rules").glob("pm*.py")}


def test_every_code_once_with_its_module_and_family() -> None:
    assert set(REGISTRY) == RULE_FILES | LOG_RULE_FILES | {"PM000", "PM001"}
    assert list(REGISTRY) == sorted(REGISTRY)
    assert len({s.name for s in REGISTRY.values()}) == len(REGISTRY)
    for spec in REGISTRY.values():
        assert re.fullmatch(r"PM\d{3}", spec.code) and re.fullmatch(r"[a-z]+(-[a-z]+)*", spec.name)
        family = {"0": "meta", "6": "log", "7": "zaaktype"}.get(spec.code[2], "map")
        assert spec.family == family, spec.code
        if spec.module is None:
            assert spec.family == "meta" and spec.check is None
        else:
            assert (spec.module.CODE, spec.module.NAME, spec.module.DEFAULT_SEVERITY) == (
                spec.code,
                spec.name,
                spec.default_severity,
            )
            assert spec.defaults == spec.module.OPTIONS and callable(spec.check)
    # the older views are the registry's
    assert RULES == {s.code: s.module for s in specs("map", "zaaktype")}
    assert LOG_RULES == {s.code: s.module for s in specs("log")}
    assert get_spec("low-fitness") is REGISTRY["PM601"] and get_spec(" pm001 ") is REGISTRY["PM001"]


def test_every_docs_path_is_a_page_that_exists() -> None:
    for spec in REGISTRY.values():
        page, _, anchor = spec.docs.partition("#")
        assert (ROOT / page).is_file(), spec.docs
        if anchor:  # a heading of docs/ci.md, as GitHub makes anchors: "## PM001 unused-suppression"
            headings = [
                re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-")
                for h in re.findall(r"^#+ (.+)$", (ROOT / page).read_text(encoding="utf-8"), re.MULTILINE)
            ]
            assert anchor in headings, spec.docs


def test_docs_url_of_a_log_finding_is_its_page_in_docs_rules_log() -> None:
    """The bug: PM601 pointed at docs/rules/PM601-low-fitness.md; its page is in docs/rules/log/."""
    finding = Finding("PM601", "low-fitness", Severity.WARNING, "p", "p.yaml", 1, 1, "PM601.message")
    assert finding.docs_url == "docs/rules/log/PM601-low-fitness.md"
    assert (ROOT / finding.docs_url).is_file()
    assert (
        Finding("PM204", "single-point-of-failure", Severity.WARNING, "r", "f", 1, 1, "k").docs_url
        == "docs/rules/PM204-single-point-of-failure.md"
    )
    assert docs_path("PM000", "invalid-input") == "docs/ci.md#pm000-invalid-input"


def test_pm6xx_are_configured_like_every_rule() -> None:
    """The bug: `[rules] PM601 = "off"` was refused as "no rule code"."""
    config = parse_config('[rules]\nPM605 = { severity = "error", ratio = 2.5 }\nlow-fitness = "info"\n')
    assert config.severities == {"PM601": "info", "PM605": "error"}  # by name too (PM601 and low-fitness
    # together are one rule twice: a configuration error, tests/test_config_rule_twice.py)
    settings = config.settings()
    assert settings.severities["PM605"] == "error" and settings.options["PM605"] == {"ratio": 2.5}
    assert option("PM605", "ratio", settings) == 2.5 and option("PM605", "min_extra", settings) == 0.2
    with pytest.raises(LoadError) as err:
        parse_config('[rules]\nPM601 = { min_fitnes = 0.5 }\nPM602 = { min_share = -1 }\nPM606 = { ratio = "2" }\n')
    found = [(p.line, p.key) for p in err.value.problems]
    assert found == [(2, "config.unknown_key"), (3, "config.bad_number"), (4, "config.wrong_type")]
    assert preset_severities("all")["PM603"] == "warning"  # info raised to warning, as for every rule


_run = run_procesmap


def test_log_compare_reads_the_configuration(tmp_path: Path) -> None:
    map_text, log_text = example_blocks(LOG_RULES["PM601"], "Example")
    (tmp_path / "map.yaml").write_text(map_text, encoding="utf-8")
    (tmp_path / "log.csv").write_text(log_text, encoding="utf-8")
    plain = _run("log", "compare", "map.yaml", "log.csv", "--format", "json", "--cases", "200", cwd=tmp_path)
    codes = [f["code"] for f in json.loads(plain.stdout)["findings"]]
    assert "PM601" in codes
    docs = {f["code"]: f["docs"] for f in json.loads(plain.stdout)["findings"]}
    assert docs["PM601"] == "docs/rules/log/PM601-low-fitness.md"
    (tmp_path / "procesmap.toml").write_text('[rules]\nPM601 = "off"\n', encoding="utf-8")
    quiet = _run("log", "compare", "map.yaml", "log.csv", "--format", "json", "--cases", "200", cwd=tmp_path)
    assert quiet.returncode == 0, quiet.stderr
    assert "PM601" not in [f["code"] for f in json.loads(quiet.stdout)["findings"]]
    # an explicit --config wins over the one found beside the map; fail_on comes from it too
    (tmp_path / "strict.toml").write_text('fail_on = "warning"\n[rules]\nPM601 = "warning"\n', encoding="utf-8")
    strict = _run(
        "log",
        "compare",
        "map.yaml",
        "log.csv",
        "--format",
        "json",
        "--cases",
        "200",
        "--config",
        "strict.toml",
        cwd=tmp_path,
    )
    assert strict.returncode == 1 and "PM601" in [f["code"] for f in json.loads(strict.stdout)["findings"]]
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "procesmap.toml").write_text('[rules]\nPM601 = "of"\n', encoding="utf-8")
    (bad / "map.yaml").write_text(map_text, encoding="utf-8")
    refused = _run("log", "compare", "map.yaml", "../log.csv", cwd=bad)
    assert refused.returncode == 2 and "procesmap.toml:2:" in refused.stderr


def test_sarif_rules_come_from_the_registry(tmp_path: Path) -> None:
    from procesmap.render.ci import DOCS_BASE_URI, render_sarif

    rules = json.loads(render_sarif([], [], "en"))["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [s.code for s in specs("meta", "map", "zaaktype")]
    for rule in rules:
        spec = REGISTRY[rule["id"]]
        assert rule["name"] == spec.name and rule["helpUri"] == DOCS_BASE_URI + spec.docs


def test_overview_runs_the_rules_own_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cross-process findings are PM303's and PM304's check on the summed load, not a copy of it."""
    from procesmap.repository import overview
    from procesmap.rules import pm303_bottleneck
    from procesmap.settings import Settings

    def shared(pid: str) -> str:
        return (
            f"procesmap: 1\nid: {pid}\nowner: jurist\nvolume: 600/year\nroles:\n  jurist: {{people: 1}}\n"
            "steps:\n  - {id: a, type: start, role: jurist, work: 1h, next: b}\n"
            "  - {id: b, type: end, role: jurist, work: 30m}\n"
        )

    analyses = [procesmap.analyse(procesmap.loads(shared(pid), f"{pid}.yaml"), cases=200) for pid in ("x", "y")]
    role = overview(analyses).roles[0]
    # by hand: 600 cases x 1.5 h in each of two maps = 1800 h against one person's yearly hours
    assert role.demand_hours == pytest.approx(1800.0)
    utilisation = role.utilisation
    assert utilisation is not None and 0.5 < utilisation < 1.0
    # a PM303 threshold just below and just above the summed utilisation decides the finding
    below = Settings(cases=200, options={"PM303": {"threshold": utilisation - 0.01}})
    above = Settings(cases=200, options={"PM303": {"threshold": utilisation + 0.01}})
    found = overview(analyses, below).findings
    assert [(f.code, f.subject, f.message_key) for f in found] == [("PM303", "jurist", "PM303.message_across")]
    assert found[0].args["count"] == 2 and found[0].args["processes"] == "x, y"
    assert found[0].args["utilisation"] == pytest.approx(utilisation * 100.0)
    assert (found[0].file, found[0].line) == ("x.yaml", 6)  # the line of `jurist:` under roles
    assert overview(analyses, above).findings == []
    # PM304 from its own threshold; PM303 off leaves PM304 alone
    over = Settings(cases=200, severities={"PM303": "off"}, options={"PM304": {"threshold": utilisation - 0.01}})
    assert [f.code for f in overview(analyses, over).findings] == ["PM304"]
    calls: list[str] = []
    original = pm303_bottleneck.check

    def spy(ctx):  # type: ignore[no-untyped-def]
        calls.append(ctx.code)
        return original(ctx)

    monkeypatch.setattr(pm303_bottleneck, "check", spy)
    overview(analyses, below)
    assert calls == ["PM303"]
