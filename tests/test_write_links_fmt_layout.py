"""`procesmap log compare MAP LOG --write-links` on a map in `procesmap fmt`'s layout. The new
`log:` of a step whose last key is a block `next:` list went before `next:`, and `procesmap fmt --check` in CI
then failed on the map (shown on the bundled omgevingsvergunning with the CoSeLoG WABO log)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_procesmap

MAP = """\
procesmap: 1
id: melding
name: Melding
owner: r
volume: 100/year
roles:
  r: {people: 2}
steps:
  - id: ontvangst
    name: Melding ontvangen
    type: decision
    role: r
    work: 1h
    next:  # twee routes
      - {to: beoordelen, p: 0.5}
      - {to: besluit, p: 0.5}

  - id: beoordelen
    name: Melding beoordelen
    role: r
    work: 1h
    next: besluit

  - id: besluit
    name: Besluit verzonden
    type: end
    role: r
"""
EXPECTED = MAP.replace(
    "      - {to: besluit, p: 0.5}\n\n", "      - {to: besluit, p: 0.5}\n    log: [Melding ontvangen bij balie]\n\n"
)
LOG = "case,activity,timestamp\n" + "".join(
    f"{c},Melding ontvangen bij balie,2024-01-0{c}T09:00:00\n{c},Besluit,2024-01-0{c}T12:00:00\n" for c in range(1, 5)
)


def test_write_links_keeps_a_map_in_fmt_layout(tmp_path: Path) -> None:
    (tmp_path / "melding.yaml").write_text(MAP, encoding="utf-8")
    (tmp_path / "log.csv").write_text(LOG, encoding="utf-8")
    assert run_procesmap("fmt", "--check", "melding.yaml", cwd=tmp_path).returncode == 0  # in fmt's layout before
    result = run_procesmap(
        "log", "compare", "melding.yaml", "log.csv", "--write-links", "--lang", "en", "--cases", "200", cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # the one link (step ontvangst, activity "Melding ontvangen bij balie") after `next:`, where fmt puts `log`
    assert (tmp_path / "melding.yaml").read_text(encoding="utf-8") == EXPECTED
    check = run_procesmap("fmt", "--check", "melding.yaml", cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr


def test_write_links_keeps_the_authors_layout_otherwise(tmp_path: Path) -> None:
    authors = MAP.replace("name: Melding\nowner: r\n", "owner: r\nname: Melding\n")  # not fmt's key order
    (tmp_path / "melding.yaml").write_text(authors, encoding="utf-8")
    (tmp_path / "log.csv").write_text(LOG, encoding="utf-8")
    result = run_procesmap(
        "log", "compare", "melding.yaml", "log.csv", "--write-links", "--lang", "en", "--cases", "200", cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = (tmp_path / "melding.yaml").read_text(encoding="utf-8")
    assert text.startswith("procesmap: 1\nid: melding\nowner: r\nname: Melding\n")  # nothing else reordered
    assert "log: [Melding ontvangen bij balie]" in text


def test_fmt_keeps_the_blank_line_between_steps_when_log_moves_after_a_list_of_flow_branches(tmp_path: Path) -> None:
    # `procesmap fmt` moved `log:` after `next:` but left the blank line before the next step behind `next:`'s
    # last `- {...}`: the blank line landed inside the step, above `log:`, and none was left between the steps
    author = MAP.replace("    next:  # twee", "    log: [Melding ontvangen]\n    next:  # twee")
    (tmp_path / "melding.yaml").write_text(author, encoding="utf-8")
    result = run_procesmap("fmt", "melding.yaml", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    expected = MAP.replace(
        "      - {to: besluit, p: 0.5}\n\n", "      - {to: besluit, p: 0.5}\n    log: [Melding ontvangen]\n\n"
    )
    assert (tmp_path / "melding.yaml").read_text(encoding="utf-8") == expected
    assert run_procesmap("fmt", "--check", "melding.yaml", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (("--min-score", "0.3"), "--min-score chooses which links --suggest-links and --write-links suggest"),
        (("--suggest-links", "-o", "links.md"), "--output is for the comparison's report; --suggest-links prints"),
        (("--suggest-links", "-f", "json"), "--format is for the comparison's report; --suggest-links prints"),
        (("--write-links", "--fail-on", "info"), "--fail-on is for the comparison's report; --write-links prints"),
    ],
)
def test_options_that_would_do_nothing_beside_or_without_suggest_links_are_refused(
    tmp_path: Path, extra: tuple[str, ...], said: str
) -> None:
    # `log compare MAP LOG --suggest-links -o links.md` printed the suggestions, wrote no links.md and exited 0
    (tmp_path / "melding.yaml").write_text(MAP, encoding="utf-8")
    (tmp_path / "log.csv").write_text(LOG, encoding="utf-8")
    result = run_procesmap("log", "compare", "melding.yaml", "log.csv", *extra, "--lang", "en", cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert said in result.stderr and "  hint: " in result.stderr, result.stderr
    assert (tmp_path / "melding.yaml").read_text(encoding="utf-8") == MAP  # --write-links wrote nothing
    assert not (tmp_path / "links.md").exists()


def test_min_score_still_works_with_suggest_links(tmp_path: Path) -> None:
    (tmp_path / "melding.yaml").write_text(MAP, encoding="utf-8")
    (tmp_path / "log.csv").write_text(LOG, encoding="utf-8")
    high = run_procesmap(
        "log", "compare", "melding.yaml", "log.csv", "--suggest-links", "--min-score", "1", "--lang", "en", cwd=tmp_path
    )
    low = run_procesmap("log", "compare", "melding.yaml", "log.csv", "--suggest-links", "--lang", "en", cwd=tmp_path)
    assert high.returncode == 0 and low.returncode == 0
    assert "Melding ontvangen bij balie" not in high.stdout  # a name score below 1 is not suggested at --min-score 1
    assert '"Melding ontvangen bij balie"' in low.stdout  # the default, 0.5, suggests it
