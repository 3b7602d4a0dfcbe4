"""`procesmap check --format github|gitlab`: paths from the top of the git repository the check runs in (GitHub
annotations and GitLab's merge-request widget read paths from the repository's root), as SARIF's; outside a
repository relative to the current folder; a file outside the repository an absolute path; `plain` stays relative
to the current folder (docs/ci.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .conftest import ROOT, SHARED, invoke_cli, need_shared

MAP = ROOT / "processes" / "wmo-melding.yaml"
CODEQUALITY_SCHEMA = SHARED / "data" / "gitlab-codequality" / "codeclimate.json"


def _copy(target: Path, process_id: str) -> None:
    """The bundled WMO map under another process id (ids are unique among the maps of one check)."""
    text = MAP.read_text(encoding="utf-8")
    assert "\nid: wmo-melding\n" in text
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text.replace("\nid: wmo-melding\n", f"\nid: {process_id}\n"), encoding="utf-8")


def _gitlab_paths(*args: str, cwd: Path) -> set[str]:
    import jsonschema

    result = invoke_cli("check", *args, "--format", "gitlab", "--lang", "en", cwd=cwd)
    assert result.exit_code in (0, 1), result.output
    issues = json.loads(result.stdout)
    assert issues
    schema = json.loads(need_shared(CODEQUALITY_SCHEMA).read_text(encoding="utf-8"))
    for issue in issues:
        jsonschema.Draft7Validator(schema).validate(issue)
    return {issue["location"]["path"] for issue in issues}


def _github_paths(*args: str, cwd: Path) -> set[str]:
    result = invoke_cli("check", *args, "--format", "github", "--lang", "en", cwd=cwd)
    assert result.exit_code in (0, 1), result.output
    paths = {match.group(1) for match in re.finditer(r"^::\w+ file=([^,]*),line=", result.stdout, re.M)}
    assert paths
    return {path.replace("%3A", ":").replace("%2C", ",").replace("%25", "%") for path in paths}


def _plain_paths(*args: str, cwd: Path) -> set[str]:
    result = invoke_cli("check", *args, "--lang", "en", cwd=cwd)
    assert result.exit_code in (0, 1), result.output
    return {match.group(1) for match in re.finditer(r"^(.*?):\d+:\d+: ", result.stdout, re.M)}


def _repository(tmp_path: Path, git_file: bool = False) -> Path:
    repository = tmp_path / "repo"
    repository.mkdir()
    if git_file:  # a worktree or submodule: `.git` is a file
        (repository / ".git").write_text("gitdir: /elsewhere/.git/worktrees/repo\n", encoding="utf-8")
    else:
        (repository / ".git").mkdir()
    _copy(repository / "processen" / "wmo.yaml", "wmo")
    _copy(repository / "elders, met: spatie" / "wmo-één.yaml", "wmo-een")
    return repository


def test_in_a_subfolder_gitlab_and_github_paths_start_at_the_repository_top(tmp_path: Path) -> None:
    """`cd processen && procesmap check wmo.yaml "../elders, met: spatie/wmo-één.yaml"`: `processen/wmo.yaml` and
    `elders, met: spatie/wmo-één.yaml` (was `wmo.yaml` and `../elders, met: spatie/wmo-één.yaml`)."""
    repository = _repository(tmp_path)
    args = ("wmo.yaml", "../elders, met: spatie/wmo-één.yaml")
    expected = {"processen/wmo.yaml", "elders, met: spatie/wmo-één.yaml"}
    assert _gitlab_paths(*args, cwd=repository / "processen") == expected
    assert _github_paths(*args, cwd=repository / "processen") == expected
    # a folder argument and an absolute path give the same paths
    assert _gitlab_paths(".", str(repository / "elders, met: spatie"), cwd=repository / "processen") == expected
    # plain is for a human in the terminal: relative to the current folder, as before
    assert _plain_paths(*args, cwd=repository / "processen") == {"wmo.yaml", "../elders, met: spatie/wmo-één.yaml"}


def test_a_git_file_marks_the_top_too(tmp_path: Path) -> None:
    repository = _repository(tmp_path, git_file=True)
    assert _gitlab_paths("wmo.yaml", cwd=repository / "processen") == {"processen/wmo.yaml"}
    assert _github_paths("wmo.yaml", cwd=repository / "processen") == {"processen/wmo.yaml"}


def test_a_file_outside_the_repository_is_an_absolute_path(tmp_path: Path) -> None:
    """No path from the repository's root names it; `../buiten/wmo.yaml` would be read from the root and name
    another file: the absolute path (GitLab keeps the issue, unlinked; GitHub shows the annotation in the run)."""
    repository = _repository(tmp_path)
    outside = tmp_path / "buiten" / "wmo.yaml"
    _copy(outside, "wmo-buiten")
    args = ("wmo.yaml", "../../buiten/wmo.yaml")
    expected = {"processen/wmo.yaml", outside.as_posix()}
    assert _gitlab_paths(*args, cwd=repository / "processen") == expected
    assert _github_paths(*args, cwd=repository / "processen") == expected


def test_outside_a_repository_paths_are_relative_to_the_current_folder(tmp_path: Path) -> None:
    folder = tmp_path / "werk"
    _copy(folder / "processen" / "wmo.yaml", "wmo")
    assert not any((parent / ".git").exists() for parent in (folder, *folder.parents))
    assert _gitlab_paths("processen", cwd=folder) == {"processen/wmo.yaml"}
    assert _github_paths("processen/wmo.yaml", cwd=folder) == {"processen/wmo.yaml"}
    assert _plain_paths("processen/wmo.yaml", cwd=folder) == {"processen/wmo.yaml"}
