"""``fmt`` never harms what a user owns (issue #19): it reads a map as ``analyse`` does (the folder's shared
organisation file), keeps owner, group and mode, refuses a read-only file, formats the target of a symbolic
link and keeps the link, and refuses FIFOs and devices without blocking."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from procesmap._io import NotWritable, write_atomic
from procesmap.errors import UsageError
from procesmap.fmt import format_file, format_paths

from .test_output_guard import ORGANISATION, PARENT, SUB
from .conftest import need

UNFORMATTED = """\
steps:
  - {type: start, id: aanvraag, role: behandelaar, work: 1h, next: besluit}
  - {id: besluit, type: end, role: behandelaar, work: 2h}
owner: behandelaar
id: los
procesmap: 1
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "organisatie.yaml").write_text(ORGANISATION, encoding="utf-8")
    (tmp_path / "vergunning.yaml").write_text(PARENT, encoding="utf-8")
    (tmp_path / "advies-welstand.yaml").write_text(SUB, encoding="utf-8")
    (tmp_path / "los.yaml").write_text(UNFORMATTED, encoding="utf-8")
    return tmp_path


def test_roles_from_the_shared_organisation_file_are_known(repo: Path) -> None:
    results, problems = format_paths([repo])
    assert problems == []
    assert {Path(r.path).name for r in results} == {
        "organisatie.yaml",
        "vergunning.yaml",
        "advies-welstand.yaml",
        "los.yaml",
    }
    assert (repo / "los.yaml").read_text(encoding="utf-8").startswith("procesmap: 1\nid: los\nowner: behandelaar\n")
    result = format_file(repo / "vergunning.yaml")  # one file named alone: its folder's shared file is read too
    assert result.path.endswith("vergunning.yaml")


def test_mode_is_kept_and_a_read_only_file_is_refused(repo: Path) -> None:
    target = repo / "los.yaml"
    os.chmod(target, 0o640)
    format_file(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    target.write_text(UNFORMATTED, encoding="utf-8")
    os.chmod(target, 0o444)
    with pytest.raises(UsageError) as caught:
        format_file(target)
    assert "read-only" in caught.value.format("en") and "alleen-lezen" in caught.value.format("nl")
    assert target.read_text(encoding="utf-8") == UNFORMATTED and stat.S_IMODE(target.stat().st_mode) == 0o444
    assert format_file(target, check=True).changed  # --check only reads: fine on a read-only file


def test_owner_and_group_are_kept(repo: Path) -> None:
    need(hasattr(os, "geteuid") and os.geteuid() == 0, "needs root to give a file away (chown); .ci/run runs as root")
    target = repo / "los.yaml"
    os.chown(target, 65534, 65534)
    format_file(target)
    info = target.stat()
    assert (info.st_uid, info.st_gid) == (65534, 65534)
    assert target.read_text(encoding="utf-8").startswith("procesmap: 1\n")


def test_an_owner_that_cannot_be_kept_leaves_the_file_alone(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = repo / "los.yaml"
    real_stat = os.stat

    def other_owner(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        info = real_stat(path, *args, **kwargs)
        if str(path) == str(target):
            values = list(info)
            values[4], values[5] = info.st_uid + 1, info.st_gid + 1  # st_uid, st_gid: "another user"
            return os.stat_result(values)
        return info

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "stat", other_owner)
    monkeypatch.setattr(os, "chown", refuse)
    with pytest.raises(NotWritable):
        write_atomic(target, "changed\n")
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == UNFORMATTED
    assert [p.name for p in repo.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_a_symbolic_link_stays_and_its_target_is_formatted(repo: Path) -> None:
    link = repo / "link.yaml"
    link.symlink_to("los.yaml")
    format_file(link)
    assert link.is_symlink() and os.readlink(link) == "los.yaml"
    assert (repo / "los.yaml").read_text(encoding="utf-8").startswith("procesmap: 1\nid: los\n")


def test_fifo_and_device_are_refused_without_blocking(repo: Path) -> None:
    fifo = repo / "pipe.yaml"
    os.mkfifo(fifo)
    outcome: list[object] = []

    def run() -> None:
        outcome.append(format_paths([fifo]))
        outcome.append(format_paths(["/dev/zero"]))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():
        with open(fifo, "wb"):  # unblock the reader so the test process can end
            pass
        pytest.fail("fmt blocked on a FIFO")
    (_, fifo_problems), (_, device_problems) = outcome  # type: ignore[misc]
    assert [p.key for p in fifo_problems] == ["limits.not_regular"]
    assert [p.key for p in device_problems] == ["limits.not_regular"]
