"""BPMN export: schema-valid, laid out, deterministic, and export -> import -> export loses nothing."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

import procesmap
from procesmap.bpmn import ExportOptions, export_bpmn, import_bpmn
from procesmap.errors import UsageError

from .conftest import GOLDEN, SHARED, bundled, check_golden, need_shared

BPMN = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"
BPMNDI = "{http://www.omg.org/spec/BPMN/20100524/DI}"
OPTIONS = [ExportOptions(p, e) for p in ("organisation", "single") for e in ("pool", "lane")]
OPTION_IDS = [f"{o.pools}-{o.external}" for o in OPTIONS]


@functools.lru_cache(maxsize=1)
def schema():  # type: ignore[no-untyped-def]
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(need_shared(SHARED / "data" / "bpmn-xsd" / "BPMN20.xsd"))))


def validate(data: bytes) -> None:
    from lxml import etree

    doc = etree.fromstring(data)
    xsd = schema()
    assert xsd.validate(doc), [str(e) for e in xsd.error_log][:5]
    # libxml2 does not check element order inside a process (PROVENANCE-2.md): check it here
    for process in doc.iter(f"{BPMN}process"):
        tags = [child.tag for child in process]
        if f"{BPMN}laneSet" in tags:
            first_flow = min(
                i
                for i, t in enumerate(tags)
                if t not in (f"{BPMN}laneSet", f"{BPMN}extensionElements", f"{BPMN}documentation")
            )
            assert max(i for i, t in enumerate(tags) if t == f"{BPMN}laneSet") < first_flow


@functools.lru_cache(maxsize=None)
def loaded(path: Path) -> procesmap.Process:
    return procesmap.load(path)


@pytest.mark.parametrize("options", OPTIONS, ids=OPTION_IDS)
@pytest.mark.parametrize("path", bundled(), ids=lambda p: p.stem)
def test_export_validates_and_round_trips(path: Path, options: ExportOptions) -> None:
    process = loaded(path)
    first = export_bpmn(process, options)
    validate(first)
    result = import_bpmn(first)
    assert result.unmapped == []
    again = procesmap.loads(result.yaml_text)
    assert again.model_dump(mode="json") == process.model_dump(mode="json")
    assert [i.model_dump() for i in again.issues] == [i.model_dump() for i in process.issues]
    assert export_bpmn(again, options) == first  # byte-identical


def test_diagram_interchange_covers_every_element() -> None:
    from lxml import etree

    process = loaded(bundled()[0])
    doc = etree.fromstring(export_bpmn(process))
    semantic = {
        e.get("id") for tag in ("participant", "lane", "sequenceFlow", "messageFlow") for e in doc.iter(f"{BPMN}{tag}")
    }
    nodes = {
        e.get("id")
        for p in doc.iter(f"{BPMN}process")
        for e in p
        if etree.QName(e).localname not in ("laneSet", "sequenceFlow", "extensionElements")
    }
    relays = {e.getparent().getparent().get("id") for e in doc.iter("{https://procesmap.nl/bpmn/1}relay")}
    assert relays and relays < nodes  # bezwaarschrift hands over from and to gateways: message events added
    assert nodes - relays == {f"Step_{s.id}" for s in process.steps}
    semantic |= nodes
    drawn = {e.get("bpmnElement") for e in doc.iter(f"{BPMNDI}BPMNShape", f"{BPMNDI}BPMNEdge")}
    assert semantic == drawn
    for shape in doc.iter(f"{BPMNDI}BPMNShape"):
        bounds = shape[0]
        assert float(bounds.get("width")) > 0 and float(bounds.get("height")) > 0
    for edge in doc.iter(f"{BPMNDI}BPMNEdge"):
        assert len(edge) >= 2


def _pools_and_lanes(data: bytes) -> tuple[list[str], list[str]]:
    from lxml import etree

    doc = etree.fromstring(data)
    return (
        [p.get("name") for p in doc.iter(f"{BPMN}participant")],
        [lane.get("name") for lane in doc.iter(f"{BPMN}lane")],
    )


def test_pool_options() -> None:
    process = procesmap.load(next(p for p in bundled() if p.stem == "omgevingsvergunning"))
    pools, lanes = _pools_and_lanes(export_bpmn(process, ExportOptions("organisation", "pool")))
    assert pools == [
        "Gemeente Veenendijk",
        "Omgevingsdienst Veen en Rivieren",
        "Veiligheidsregio Rivierenland-Veen",
        "Commissie ruimtelijke kwaliteit (extern)",
        "Aanvrager / initiatiefnemer",
    ]
    assert "Klantcontactcentrum" in lanes and "Vergunningverlener bouwen" in lanes  # team lane, role lane
    pools, lanes = _pools_and_lanes(export_bpmn(process, ExportOptions("single", "lane")))
    assert pools == ["Omgevingsvergunning, reguliere procedure"]
    assert "Gemeente Veenendijk" in lanes and "Aanvrager / initiatiefnemer" in lanes
    single_pool = export_bpmn(process, ExportOptions("single", "pool"))
    assert b"<bpmn:messageFlow" in single_pool  # the applicant is a pool of its own
    assert b"<bpmn:messageFlow" not in export_bpmn(process, ExportOptions("single", "lane"))


def test_step_types_and_conditions() -> None:
    from lxml import etree

    process = procesmap.load(next(p for p in bundled() if p.stem == "omgevingsvergunning"))
    doc = etree.fromstring(export_bpmn(process, ExportOptions("single", "lane")))
    kinds = {e.get("id"): etree.QName(e).localname for e in doc.iter() if str(e.get("id", "")).startswith("Step_")}
    assert kinds["Step_ontvangst"] == "startEvent"
    assert kinds["Step_volledigheid"] == "exclusiveGateway"
    assert kinds["Step_adviezen-uitzetten"] == kinds["Step_adviezen-bundelen"] == "parallelGateway"
    assert kinds["Step_verzenden"] == "endEvent"
    assert kinds["Step_toewijzen"] == "userTask"
    assert kinds["Step_aanvullen"] == "task"  # an external party's step
    flow = doc.find(f".//{BPMN}sequenceFlow[@id='Flow_volledigheid_0']")
    assert flow.get("name") == "aanvraag onvolledig (tekeningen, berekeningen)"
    assert flow.find(f"{BPMN}conditionExpression").text == flow.get("name")
    branch = flow.find(f"{BPMN}extensionElements/{{https://procesmap.nl/bpmn/1}}branch")
    assert branch.get("p") == "0.3"


def test_minimal_map_without_roles_round_trips() -> None:
    process = procesmap.loads("""\
procesmap: 1
id: klein
steps:
  - {id: begin, type: start, next: klaar}
  - {id: klaar, type: end, description: "Twee regels\\nen een tab\\t."}
""")
    data = export_bpmn(process)
    validate(data)
    assert "(geen rol)".encode() in data
    again = procesmap.loads(import_bpmn(data).yaml_text)
    assert again.model_dump(mode="json") == process.model_dump(mode="json")


def test_text_xml_cannot_hold_is_a_clear_error() -> None:
    from procesmap.model import Process

    # the loader replaces control characters (issue #19); a Process built in Python may still hold one
    assert procesmap.loads('procesmap: 1\nid: x\nsteps:\n  - {id: a, name: "bel\\x07"}\n').steps[0].name == "bel\ufffd"
    process = Process.model_validate({"procesmap": 1, "id": "x", "steps": [{"id": "a", "name": "bel\x07"}]})
    with pytest.raises(UsageError) as info:
        export_bpmn(process)
    assert "U+0007" in info.value.format("en")


def test_bad_option_is_a_usage_error() -> None:
    process = loaded(bundled()[0])
    with pytest.raises(UsageError):
        export_bpmn(process, ExportOptions(pools="everything"))  # type: ignore[arg-type]


def test_golden_export() -> None:
    process = procesmap.load(next(p for p in bundled() if p.stem == "omgevingsvergunning"))
    data = export_bpmn(process)
    check_golden(GOLDEN / "bpmn" / "omgevingsvergunning.bpmn", data)
