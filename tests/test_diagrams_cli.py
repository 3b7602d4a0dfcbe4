"""``procesmap diagram`` as a user runs it: where the diagram goes, formats, languages, bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

MAP = str(ROOT / "processes" / "wmo-melding.yaml")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PROCESMAP_LANG": "", "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "procesmap", *args], cwd=cwd, capture_output=True, env=env, timeout=180
    )


def test_output_suffix_decides_the_format(tmp_path: Path) -> None:
    for name, magic in (("plan.svg", b"<?xml"), ("plan.mmd", b"%% Wmo-melding")):
        result = run("diagram", MAP, "--output", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        assert (tmp_path / name).read_bytes().startswith(magic)
        assert result.stdout == b""
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically, nothing left behind


def test_text_formats_go_to_stdout_and_png_to_a_file_named_after_the_process(tmp_path: Path) -> None:
    result = run("diagram", MAP, "--format", "mermaid", "--lang", "en")
    assert result.returncode == 0
    assert result.stdout.decode("utf-8").splitlines()[1] == "flowchart LR"
    import procesmap
    from procesmap.i18n import number

    analysis = procesmap.analyse(procesmap.load(MAP))
    longest = max(analysis.time.waits, key=lambda w: w.per_case)
    assert f"waits {number(longest.per_case, 'en', 1)} d" in result.stdout.decode("utf-8")
    # stdout is a pipe here: PNG bytes go to it
    result = run("diagram", MAP, cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith(b"\x89PNG")


def test_png_on_a_terminal_is_written_to_process_id_png(tmp_path: Path) -> None:
    code = (
        "import sys; sys.stdout.isatty = lambda: True; sys.argv = ['procesmap', 'diagram', %r, '--format', 'pdf'];"
        "from procesmap.cli import main; main()" % MAP
    )
    env = {**os.environ, "PROCESMAP_LANG": "", "LANG": "C.UTF-8"}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, env=env, timeout=180)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "wmo-melding.pdf").read_bytes().startswith(b"%PDF-")
    assert b"wmo-melding.pdf" in result.stderr and b"Traceback" not in result.stderr


def test_bad_map_gives_file_line_column_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.yaml"
    bad.write_text("procesmap: 1\nid: kapot\nsteps:\n  - {id: a, role: onbekend}\n", encoding="utf-8")
    result = run("diagram", str(bad), "--lang", "nl")
    assert result.returncode == 2
    err = result.stderr.decode("utf-8")
    assert f"{bad}:4:" in err and "Traceback" not in err
    missing = run("diagram", str(tmp_path / "bestaat-niet.yaml"), "--lang", "en")
    assert missing.returncode == 2 and b"no such file" in missing.stderr and b"Traceback" not in missing.stderr


def test_bad_options_exit_2_without_traceback(tmp_path: Path) -> None:
    result = run("diagram", MAP, "--format", "gif")
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    mismatch = run("diagram", MAP, "--format", "svg", "--output", str(tmp_path / "x.png"), "--lang", "en")
    assert mismatch.returncode == 2
    assert b"--format svg does not match the suffix" in mismatch.stderr and b"hint:" in mismatch.stderr
    unwritable = run("diagram", MAP, "--output", str(tmp_path / "geen-map" / "x.svg"), "--lang", "en")
    assert unwritable.returncode == 2 and b"Traceback" not in unwritable.stderr


def test_dpi_sets_the_png_resolution_and_is_refused_where_it_means_nothing(tmp_path: Path) -> None:
    from PIL import Image

    default, asked, organisations = tmp_path / "plan.png", tmp_path / "plan96.png", tmp_path / "org.png"
    assert run("diagram", MAP, "--single", "--output", str(default)).returncode == 0
    result = run("diagram", MAP, "--single", "--dpi", "96", "--output", str(asked))
    assert result.returncode == 0, result.stderr
    with Image.open(default) as first, Image.open(asked) as second:
        assert first.info["dpi"][0] == pytest.approx(144, abs=0.02)
        assert second.info["dpi"][0] == pytest.approx(96, abs=0.02)
        assert abs(second.size[0] - first.size[0] * 96 / 144) <= 1  # the same picture, 2/3 of the pixels a side
    result = run("diagram", MAP, "--organisations", "--dpi", "72", "--output", str(organisations))
    assert result.returncode == 0, result.stderr
    with Image.open(organisations) as image:
        assert image.info["dpi"][0] == pytest.approx(72, abs=0.02)
    svg = run("diagram", MAP, "--dpi", "300", "--output", str(tmp_path / "plan.svg"), "--lang", "en")
    assert svg.returncode == 2 and b"--dpi sets the resolution of a PNG picture, not of svg" in svg.stderr
    assert b"hint:" in svg.stderr and b"Traceback" not in svg.stderr and not (tmp_path / "plan.svg").exists()
    low = run("diagram", MAP, "--dpi", "5", "--output", str(tmp_path / "laag.png"), "--lang", "nl")
    assert low.returncode == 2 and b"--dpi 5 valt buiten 36 tot 1200" in low.stderr and b"tip:" in low.stderr
    assert b"Traceback" not in low.stderr and not (tmp_path / "laag.png").exists()


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys; from procesmap.cli import app; import procesmap.commands.diagram;"
        "print(sorted(m for m in ('numpy', 'pandas', 'matplotlib', 'networkx', 'pydantic') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr
    assert b"diagram" in run("--help").stdout
