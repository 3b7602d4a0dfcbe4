"""BPMN import of real files from other tools: every one becomes a map that loads; nothing is dropped silently."""

from __future__ import annotations

from pathlib import Path

import pytest

import procesmap
from procesmap.bpmn import import_bpmn

from .conftest import GOLDEN, SHARED, check_golden, need_shared, shared_files

FILES = shared_files("bpmn/*.bpmn", "bpmn-miwg/*.bpmn")
BPMN = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"


def test_the_third_party_files_are_there() -> None:
    need_shared(SHARED / "data" / "bpmn")
    assert len(FILES) == 11


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_imports_into_a_map_that_loads(path: Path) -> None:
    need_shared(path)
    from lxml import etree

    result = import_bpmn(path, lang="en", process_id=path.stem)
    process = procesmap.loads(result.yaml_text)
    doc = etree.parse(str(path))
    # every task, event and gateway of a process (not inside a sub-process) became a step
    kinds = {
        "task",
        "subProcess",
        "adHocSubProcess",
        "callActivity",
        "transaction",
        "startEvent",
        "endEvent",
        "intermediateCatchEvent",
        "intermediateThrowEvent",
    }
    nodes = [
        e
        for p in doc.iter(f"{BPMN}process")
        for e in p
        if isinstance(e.tag, str)
        and e.tag.startswith(BPMN)
        and (e.tag[len(BPMN) :] in kinds or e.tag.endswith("Task") or e.tag.endswith("Gateway"))
    ]
    assert len(process.steps) == len(nodes)
    # every unmapped item is written as a comment at the top of the YAML
    header = result.yaml_text.split("procesmap: 1", 1)[0]
    assert header.count("\n#   - ") == len(result.unmapped)
    for item in result.unmapped:
        assert item.id in header
    procesmap.analyse(procesmap.loads(result.yaml_text), procesmap.Settings(cases=200))  # it may have findings


def _shared(name: str) -> Path:
    """One of the third-party BPMN files by name; skips (fails under PROCESMAP_STRICT=1) without the data set."""
    need_shared(SHARED / "data" / "bpmn")
    return next(p for p in FILES if p.name == name)


def _imported(name: str) -> tuple[procesmap.Process, list]:  # type: ignore[type-arg]
    path = _shared(name)
    result = import_bpmn(path, lang="en", process_id=path.stem)
    return procesmap.loads(result.yaml_text), result.unmapped


def test_nested_lanes_become_teams() -> None:
    process, _ = _imported("bpmnjs-lanes-nested.bpmn")
    assert process.teams["lane_a"].organisation == "participant_lane"
    assert {r for r, role in process.roles.items() if role.team == "lane_a"} == {
        "nested_lane_a",
        "nested_lane_b",
        "nested_lane_c",
    }
    assert process.roles["lane_b"].organisation == "participant_lane"


def test_vertical_lanes_read_like_horizontal_ones() -> None:
    process, _ = _imported("bpmnjs-lanes-vertical.bpmn")
    assert process.teams and all(step.role for step in process.steps)


def test_default_namespace_lanes_documentation() -> None:
    process, unmapped = _imported("camunda-invoice.v2.bpmn")
    assert process.id == "camunda-invoice-v2" and process.name == "Invoice Receipt"
    assert set(process.roles) == {"team-assistant", "approver", "accountant"}
    assert process.step("approve-invoice").description == "Approve the invoice (or not)."
    decision = next(s for s in process.steps if s.type == "decision" and len(s.next) == 2)
    assert all(b.when for b in decision.next)
    assert any(u.reason == "bpmn.unmapped.vendor" and "camunda" in u.id for u in unmapped)
    assert any(u.element == "dataStoreReference" for u in unmapped)


def test_semantic_prefix_message_flows_become_handovers() -> None:
    process, unmapped = _imported("pizza-collaboration.bpmn")
    assert set(process.organisations) == {"pizza-customer", "pizza-vendor"}
    order = process.step("order-a-pizza")
    assert "order-received" in [b.to for b in order.next]  # the message flow: a handover to the vendor
    assert process.organisation_of(order.role) != process.organisation_of(process.step("order-received").role)
    assert any(u.reason == "bpmn.unmapped.mixed_branches" for u in unmapped)
    assert any(u.reason == "bpmn.unmapped.pool_as_role" for u in unmapped)


def test_collapsed_pools_subprocesses_and_unnamed_lanes_are_listed() -> None:
    _, unmapped = _imported("bpmnjs-kitchen-sink.bpmn")
    reasons = {u.reason for u in unmapped}
    assert {
        "bpmn.unmapped.collapsed_pool",
        "bpmn.unmapped.subprocess",
        "bpmn.unmapped.unnamed_lane",
        "bpmn.unmapped.boundary",
        "bpmn.unmapped.data",
        "bpmn.unmapped.gateway_kind",
    } <= reasons
    process, unmapped = _imported("bpmnjs-complex-recruiting.bpmn")
    assert sum(u.reason == "bpmn.unmapped.collapsed_pool" for u in unmapped) == 8
    assert all("\n" not in (s.name or "") for s in process.steps)  # &#10; in names became spaces


def test_intermediate_timer_is_a_wait_step() -> None:
    process, _ = _imported("pizza-collaboration.bpmn")
    assert process.step("60-minutes").type == "wait"


def test_dutch_import_names_the_unknown_role_in_dutch() -> None:
    data = b"""<?xml version="1.0"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <process id="p"><laneSet id="ls"><lane id="l1" name="Behandelaar"><flowNodeRef>t1</flowNodeRef></lane></laneSet>
    <startEvent id="s"/><task id="t1" name="Toetsen"/><task id="t2" name="Zonder baan"/><endEvent id="e"/>
    <sequenceFlow id="f1" sourceRef="s" targetRef="t1"/><sequenceFlow id="f2" sourceRef="t1" targetRef="t2"/>
    <sequenceFlow id="f3" sourceRef="t2" targetRef="e"/><sequenceFlow id="f4" sourceRef="t2" targetRef="missing"/>
  </process>
</definitions>"""
    result = import_bpmn(data, lang="nl")
    process = procesmap.loads(result.yaml_text)
    assert process.step("zonder-baan").role == "onbekend"
    assert process.roles["onbekend"].name.startswith("Onbekend")
    assert "niet overgenomen" in result.yaml_text.lower()
    assert {u.reason for u in result.unmapped} >= {"bpmn.unmapped.no_lane", "bpmn.unmapped.flow"}


def test_golden_import() -> None:
    path = _shared("pizza-collaboration.bpmn")
    text = import_bpmn(path, lang="en", process_id=path.stem).yaml_text
    check_golden(GOLDEN / "bpmn" / "pizza-collaboration.yaml", text)


def test_a_draft_that_does_not_load_is_reported_in_the_language_of_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bug path: the draft's own problem in the run's language, not the draft's (Dutch here)."""
    from procesmap.bpmn import _import
    from procesmap.errors import LoadError, Problem

    def refuse(text: str, file: str = "<string>", **_: object) -> None:
        raise LoadError([Problem(file, 3, 1, "load.no_steps", {}, "hint.load.no_steps", {})])

    monkeypatch.setattr(_import, "loads", refuse)
    data = b"""<?xml version="1.0"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <process id="p"><startEvent id="s"/><task id="t1" name="Toetsen"/><endEvent id="e"/>
    <sequenceFlow id="f1" sourceRef="s" targetRef="t1"/><sequenceFlow id="f2" sourceRef="t1" targetRef="e"/>
  </process>
</definitions>"""
    with pytest.raises(LoadError) as raised:
        import_bpmn(data, lang="nl")
    problem = raised.value.problems[0]
    assert problem.key == "bpmn.import_invalid"
    assert problem.message("en") == "the imported map does not load: " + procesmap.i18n.t("load.no_steps", "en")
    assert problem.message("nl") == "de overgenomen kaart laadt niet: " + procesmap.i18n.t("load.no_steps", "nl")
