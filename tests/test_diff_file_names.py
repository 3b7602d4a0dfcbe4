"""`procesmap diff FILE --from REV` on file names a workshop gives its maps."""

from __future__ import annotations

from pathlib import Path

import pytest

from procesmap.diff import read_revision

from .conftest import git


@pytest.mark.parametrize(
    "name",
    [
        "beëindiging.yaml",  # git quotes non-ASCII names ("be\303\253indiging.yaml") unless told not to
        "vergunning [concept].yaml",  # `[...]` is a pathspec character class
        'aanvraag "spoed".yaml',  # a double quote is quoted by git too
    ],
)
def test_revision_of_a_file_with_a_dutch_or_special_name(tmp_path: Path, name: str) -> None:
    (tmp_path / "kaarten").mkdir()
    target = tmp_path / "kaarten" / name
    committed = f"# {name}, versie 1\n".encode()
    target.write_bytes(committed)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "1")
    target.write_bytes(b"# versie 2\n")
    assert read_revision(target, "HEAD") == committed


def test_revision_of_a_name_that_is_a_pattern_reads_that_file_not_another(tmp_path: Path) -> None:
    # `kaart?.yaml` as a pathspec also matches kaart1.yaml, which git lists first
    (tmp_path / "kaart1.yaml").write_bytes(b"# de andere kaart\n")
    (tmp_path / "kaart?.yaml").write_bytes(b"# deze kaart\n")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "1")
    assert read_revision(tmp_path / "kaart?.yaml", "HEAD") == b"# deze kaart\n"


def test_revision_of_a_map_whose_folder_is_gone_from_the_working_tree(tmp_path: Path) -> None:
    # the map was moved or deleted with its folder; its history is still in git
    folder = tmp_path / "oude kaarten"
    folder.mkdir()
    target = folder / "kaart.yaml"
    target.write_bytes(b"# versie 1\n")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "1")
    git(tmp_path, "rm", "-q", "-r", "oude kaarten")
    assert not folder.exists()
    assert read_revision(target, "HEAD") == b"# versie 1\n"


def test_terminal_findings_wrap_under_their_text_at_80_columns() -> None:
    # a finding longer than the terminal: its second line is indented under the first, not at column 0
    from procesmap.diff import diff_paths
    from procesmap.render.diff import render_diff_terminal
    from procesmap.settings import Settings

    root = Path(__file__).resolve().parent.parent
    difference = diff_paths(
        [str(root / "processes" / "omgevingsvergunning.yaml")],
        assignments=["roles.adviseur-milieu-odvr.people=2"],
        settings=Settings(cases=500, seed=0),
    ).diff
    assert difference.resolved_findings or difference.new_findings
    text = render_diff_terminal(difference, "nl", width=80)
    block = text[text.index("Bevindingen:") :].splitlines()[1:]
    headings = {"Nieuw", "Opgelost"}
    body = [line for line in block if line and line not in headings]
    assert body and any(len(line) > 70 for line in body)  # the premise: some findings wrap
    assert all(line.startswith("  ") for line in body), body
    messages = [f.message("nl") for f in difference.new_findings + difference.resolved_findings]
    joined = " ".join(" ".join(line.split()) for line in body)
    for message in messages:
        assert " ".join(message.split()) in joined
