"""Bad and hostile BPMN input: a clear message, exit code 2, never a traceback, bounded time and memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from procesmap.bpmn import import_bpmn
from procesmap.errors import LoadError

from .conftest import bundled, need_shared, run_procesmap

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE definitions [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <process id="p"><task id="t" name="&xxe;"/></process>
</definitions>"""

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <process id="p"><task id="t" name="&lol9;"/></process>
</definitions>"""

CASES = {
    "xxe": (XXE, "bpmn.doctype"),
    "billion-laughs": (LAUGHS, "bpmn.doctype"),
    "utf16-doctype": (
        LAUGHS.decode().replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>').encode("utf-16"),
        "bpmn.doctype",
    ),
    "not-bpmn": (b"<?xml version='1.0'?><html><body>hallo</body></html>", "bpmn.not_bpmn"),
    "old-namespace": (b"<definitions xmlns='http://www.omg.org/spec/BPMN/20100501/MODEL'/>", "bpmn.namespace"),
    "malformed": (b"<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'><process>", "bpmn.syntax"),
    "empty": (b"", "bpmn.empty"),
    "binary": (bytes(range(256)) * 4, "bpmn.syntax"),
    "yaml": (b"procesmap: 1\nid: x\n", "bpmn.syntax"),
    "deep": (
        b"<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'>"
        + b"<a>" * 100_000
        + b"</a>" * 100_000
        + b"</definitions>",
        "bpmn.syntax",
    ),
    "no-steps": (
        b"<definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL' id='d' targetNamespace='x'>"
        b"<collaboration id='c'><participant id='p' name='Burger'/></collaboration></definitions>",
        "bpmn.no_steps",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_a_clear_load_error(name: str) -> None:
    data, key = CASES[name]
    with pytest.raises(LoadError) as info:
        import_bpmn(data)
    assert [p.key for p in info.value.problems] == [key]
    problem = info.value.problems[0]
    assert problem.hint("nl") and problem.hint("en")
    assert "root:" not in info.value.format("en")  # /etc/passwd's first line


def test_xxe_content_never_appears(tmp_path: Path) -> None:
    """Even a parser that got past the DOCTYPE check could not resolve the entity."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    in_text = XXE.replace(b'<task id="t" name="&xxe;"/>', b'<task id="t"><documentation>&xxe;</documentation></task>')
    for data in (XXE, in_text):
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as err:
            assert "root:" not in str(err)
        else:
            assert "root:" not in etree.tostring(root).decode()
    file = tmp_path / "xxe.bpmn"
    file.write_bytes(XXE)
    result = run("import", "bpmn", str(file), "--output", str(tmp_path / "x.yaml"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "root:" not in result.stdout + result.stderr and not (tmp_path / "x.yaml").exists()


def test_file_size_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import procesmap.bpmn._xml as xml

    monkeypatch.setattr(xml, "MAX_BYTES", 1000)
    file = tmp_path / "big.bpmn"
    file.write_bytes(b"<definitions>" + b" " * 2000 + b"</definitions>")
    with pytest.raises(LoadError) as info:
        import_bpmn(file)
    assert info.value.problems[0].key == "bpmn.too_large"
    with pytest.raises(LoadError):
        import_bpmn(file.read_bytes())


def test_missing_file_and_folder(tmp_path: Path) -> None:
    for path, key in ((tmp_path / "nope.bpmn", "bpmn.missing"), (tmp_path, "bpmn.is_directory")):
        with pytest.raises(LoadError) as info:
            import_bpmn(path)
        assert info.value.problems[0].key == key


run = run_procesmap


@pytest.mark.parametrize("name", ["billion-laughs", "not-bpmn", "malformed"])
def test_cli_bad_input_exit_2_in_dutch(tmp_path: Path, name: str) -> None:
    file = tmp_path / f"{name}.bpmn"
    file.write_bytes(CASES[name][0])
    result = run("import", "bpmn", str(file), "--lang", "nl")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "tip:" in result.stderr
    assert str(file) in result.stderr


def test_cli_export_import_and_force(tmp_path: Path) -> None:
    source = next(p for p in bundled() if p.stem == "omgevingsvergunning")
    bpmn = tmp_path / "ov.bpmn"
    result = run("export", "bpmn", str(source), "--output", str(bpmn), "--pools", "single", "--external", "lane")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "ov.yaml"
    assert run("import", "bpmn", str(bpmn), "--output", str(out)).returncode == 0
    import procesmap

    assert procesmap.load(out).model_dump(mode="json") == procesmap.load(source).model_dump(mode="json")
    before = out.read_bytes()
    refused = run("import", "bpmn", str(bpmn), "--output", str(out), "--lang", "en")
    assert refused.returncode == 2 and "--force" in refused.stderr and out.read_bytes() == before
    assert run("import", "bpmn", str(bpmn), "--output", str(out), "--force").returncode == 0
    stdout = run("export", "bpmn", str(source))
    assert stdout.returncode == 0 and stdout.stdout.startswith("<?xml")


def test_cli_export_bad_map_and_bad_option(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.yaml"
    bad.write_text("procesmap: 1\nid: kapot\nsteps:\n  - {id: a, next: nergens}\n", encoding="utf-8")
    result = run("export", "bpmn", str(bad), "--output", str(tmp_path / "k.bpmn"))
    assert result.returncode == 2 and "kapot.yaml:4" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "k.bpmn").exists()
    result = run("export", "bpmn", str(bundled()[0]), "--pools", "alles")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_cli_import_foreign_file_lists_unmapped(tmp_path: Path) -> None:
    out = tmp_path / "kitchen.yaml"
    result = run(
        "import",
        "bpmn",
        str(need_shared("data", "bpmn", "bpmnjs-kitchen-sink.bpmn")),
        "--output",
        str(out),
        "--lang",
        "en",
    )
    assert result.returncode == 0, result.stderr
    assert "were not mapped" in result.stderr and "boundaryEvent" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Draft map imported from BPMN") and "id: bpmnjs-kitchen-sink" in text
