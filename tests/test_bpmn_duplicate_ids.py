"""`import bpmn` of a file where two BPMN elements share an id: hand-edited or merged files
have them; the second element silently replaced the first (a step and its flows lost, "everything was mapped").
Now it is a problem at the second element's line, naming the first's, with a hint, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from procesmap.bpmn import import_bpmn
from procesmap.errors import LoadError

from .conftest import need_shared, run_procesmap, shared_files

B = "http://www.omg.org/spec/BPMN/20100524/MODEL"
MODEL = f"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="{B}" id="d" targetNamespace="http://example.org">
  <bpmn:process id="p" name="Loket">
    <bpmn:startEvent id="s" name="Begin" />
    <bpmn:task id="t" name="Aanvraag beoordelen" />
    <bpmn:endEvent id="{{end}}" name="Klaar" />
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" />
    <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="{{end}}" />
  </bpmn:process>
</bpmn:definitions>
"""


def test_two_elements_with_one_id_are_a_problem_at_the_second() -> None:
    with pytest.raises(LoadError) as caught:
        import_bpmn(MODEL.format(end="t").encode(), display="loket.bpmn")
    (problem,) = caught.value.problems
    # the endEvent on line 6 reuses the id of the task on line 5 (counted in MODEL above)
    assert (problem.file, problem.line) == ("loket.bpmn", 6)
    assert "`t`" in problem.message("en") and "5" in problem.message("en")
    assert "`t`" in problem.message("nl") and problem.hint("nl")


def test_the_cli_refuses_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "loket.bpmn").write_text(MODEL.format(end="t"), encoding="utf-8")
    result = run_procesmap(
        "import", "bpmn", "loket.bpmn", "-o", "loket.yaml", cwd=tmp_path, env={"PROCESMAP_LANG": "en"}
    )
    assert result.returncode == 2
    assert result.stderr.startswith("loket.bpmn:6:"), result.stderr
    assert "hint: " in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "loket.yaml").exists()


def test_unique_ids_import_as_before() -> None:
    result = import_bpmn(MODEL.format(end="e").encode(), display="loket.bpmn")
    text = result.yaml_text
    assert text.count("\n- id: ") == 3  # three flow nodes, three steps
    assert "name: Begin" in text and "name: Aanvraag beoordelen" in text and "name: Klaar" in text


def test_the_shared_models_have_no_duplicate_ids() -> None:
    files = shared_files("bpmn/*.bpmn", "bpmn-miwg/*.bpmn")
    for path in files:
        need_shared(path)
    for path in files:
        import_bpmn(path)  # none raises: their ids are unique (the XSD, which makes them xs:ID, passes them)
