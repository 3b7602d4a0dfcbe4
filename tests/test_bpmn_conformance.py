"""BPMN connection rules in every exported file: where message flows and sequence flows may go.

BPMN 2.0 (section 9.4, "Message Flow connection rules", and 10.5 on events) and bpmn-js's
``BpmnRules.canConnectMessageFlow`` allow a message flow only between two pools: from a pool,
a task or sub-process, or a throwing message event, to a pool, a task or sub-process, or a
catching message event; never from or to a gateway, and an event at either end must have a
``messageEventDefinition``. The XSD and bpmn-moddle accept a gateway there, so this is checked
here. The export adds relays (a message end event after a step that cannot send, a message
start event before one that cannot receive); the import takes them out again.
"""

from __future__ import annotations

import functools
import pytest

import procesmap
from procesmap.bpmn import ExportOptions, export_bpmn, import_bpmn
from procesmap.diagrams.sample import synthetic_map

from .conftest import bundled
from .test_bpmn import validate

BPMN = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"
PM = "{https://procesmap.nl/bpmn/1}"
OPTIONS = [ExportOptions(p, e) for p in ("organisation", "single") for e in ("pool", "lane")]
OPTION_IDS = [f"{o.pools}-{o.external}" for o in OPTIONS]
ACTIVITIES = {
    "task",
    "userTask",
    "manualTask",
    "serviceTask",
    "sendTask",
    "receiveTask",
    "scriptTask",
    "businessRuleTask",
    "callActivity",
    "subProcess",
    "adHocSubProcess",
    "transaction",
}
THROW = {"endEvent", "intermediateThrowEvent"}
CATCH = {"startEvent", "intermediateCatchEvent"}

# every kind of handover across pools: start -> gateway (a relay at each end), decision -> task
# (send), task -> join (receive), parallel -> timer (both), timer -> task (send), a rework loop
# back to a decision in another pool (its relay lies after the decision), timer -> end (both)
HANDOVERS = """\
procesmap: 1
id: overdrachten
name: Overdrachten tussen organisaties
owner: a
organisations: {o1: {name: Gemeente}, o2: {name: Dienst}}
roles:
  a: {organisation: o1, people: 2}
  b: {organisation: o2, people: 2}
  x: {external: true, name: Burger}
  c: {external: true, name: Adviesbureau}
steps:
  - {id: begin, type: start, role: x, next: kies}
  - {id: kies, type: decision, role: a, next: [{to: splits, when: compleet, p: 0.7}, {to: aanvullen, when: "onvolledig, aanvullen", p: 0.3}]}
  - {id: aanvullen, role: x, next: kies}
  - {id: splits, type: parallel, role: a, next: [wachten, toets]}
  - {id: wachten, type: wait, wait: 2d, role: b, next: advies}
  - {id: advies, role: c, name: Advies geven, next: samen}
  - {id: toets, role: a, next: samen}
  - {id: samen, type: join, role: a, next: besluit}
  - {id: besluit, role: a, next: [{to: verzonden, p: 0.8}, {to: herzien, when: herzien, p: 0.2}]}
  - {id: herzien, role: b, next: kies}
  - {id: verzonden, type: wait, wait: 1d, role: a, next: klaar}
  - {id: klaar, type: end, role: x}
"""

# an end step that hands over (a message end event, no relay), and a step that hands back to
# the start of another organisation (a message start event). Only with a pool per organisation:
# in one pool, BPMN has no way to draw a flow out of an end event or into a start event
END_SENDS = """\
procesmap: 1
id: einde-stuurt
organisations: {o1: {name: A}, o2: {name: B}}
roles: {a: {organisation: o1}, b: {organisation: o2}}
steps:
  - {id: s, type: start, role: a, next: t}
  - {id: t, role: a, next: e}
  - {id: e, type: end, role: a, next: u}
  - {id: u, role: b, next: [{to: f, p: 0.9}, {to: s, when: opnieuw, p: 0.1}]}
  - {id: f, type: end, role: b}
"""

SYNTHETIC = [(steps, seed) for steps in (10, 25, 40, 60) for seed in (1, 2, 3, 4, 5, 6)]


@functools.lru_cache(maxsize=None)
def case(name: str) -> procesmap.Process:
    if name == "handovers":
        return procesmap.loads(HANDOVERS)
    if name == "end-sends":
        return procesmap.loads(END_SENDS)
    if name.startswith("synthetic-"):
        steps, seed = name.split("-")[1:]
        return procesmap.loads(synthetic_map(int(steps), int(seed)))
    return procesmap.load(next(p for p in bundled() if p.stem == name))


CASES = [p.stem for p in bundled()] + ["handovers"] + [f"synthetic-{n}-{s}" for n, s in SYNTHETIC]


def problems(data: bytes) -> list[str]:
    """Where the file breaks BPMN's rules for message flows, sequence flows and events."""
    from lxml import etree

    doc = etree.fromstring(data)
    found: list[str] = []
    processes = {p.get("id"): p for p in doc.iter(f"{BPMN}process")}
    pool_of: dict[str, str] = {}  # participant or flow node id -> participant id
    nodes: dict[str, object] = {}
    for participant in doc.iter(f"{BPMN}participant"):
        pool_of[participant.get("id")] = participant.get("id")
        nodes[participant.get("id")] = participant
        for node in processes[participant.get("processRef")]:
            local = etree.QName(node).localname
            if node.get("id") and local not in ("laneSet", "sequenceFlow", "extensionElements", "documentation"):
                pool_of[node.get("id")] = participant.get("id")
                nodes[node.get("id")] = node

    def kind(node_id: str) -> str:
        return etree.QName(nodes[node_id]).localname  # type: ignore[arg-type]

    def has_message(node_id: str) -> bool:
        return nodes[node_id].find(f"{BPMN}messageEventDefinition") is not None  # type: ignore[attr-defined]

    attached: set[str] = set()
    for flow in doc.iter(f"{BPMN}messageFlow"):
        source, target = flow.get("sourceRef"), flow.get("targetRef")
        attached.update({source, target})
        if pool_of[source] == pool_of[target]:
            found.append(f"{flow.get('id')}: a message flow within pool {pool_of[source]}")
        for end, allowed_events in ((source, THROW), (target, CATCH)):
            local = kind(end)
            if local == "participant" or local in ACTIVITIES:
                continue
            if local in allowed_events and has_message(end):
                continue
            found.append(f"{flow.get('id')}: a message flow {'from' if end == source else 'to'} {local} {end}")
    incoming: dict[str, int] = {}
    outgoing: dict[str, int] = {}
    for process in processes.values():
        members = {n.get("id") for n in process if n.get("id")}
        for flow in process.findall(f"{BPMN}sequenceFlow"):
            source, target = flow.get("sourceRef"), flow.get("targetRef")
            if source not in members or target not in members:
                found.append(f"{flow.get('id')}: a sequence flow that leaves its process {process.get('id')}")
            outgoing[source] = outgoing.get(source, 0) + 1
            incoming[target] = incoming.get(target, 0) + 1
    for node_id, node in nodes.items():
        local = kind(node_id)
        if has_message(node_id) and node_id not in attached:
            found.append(f"{node_id}: a message event without a message flow")
        if local == "startEvent" and incoming.get(node_id):
            found.append(f"{node_id}: a start event with an incoming sequence flow")
        if local == "endEvent" and outgoing.get(node_id):
            found.append(f"{node_id}: an end event with an outgoing sequence flow")
        if local in ("intermediateCatchEvent", "intermediateThrowEvent") and not (
            incoming.get(node_id) and outgoing.get(node_id)
        ):
            found.append(f"{node_id}: an intermediate event without an incoming and an outgoing sequence flow")
        relay = node.find(f"{BPMN}extensionElements/{PM}relay")  # type: ignore[attr-defined]
        if relay is not None:  # a relay relays: one flow in, one out, one of them a message flow
            send = local == "endEvent"
            if local not in ("startEvent", "endEvent") or not has_message(node_id):
                found.append(f"{node_id}: a relay that is not a message start or end event")
            elif (incoming.get(node_id, 0), outgoing.get(node_id, 0)) != ((1, 0) if send else (0, 1)):
                found.append(f"{node_id}: a relay with other sequence flows")
    return found


def test_the_check_finds_a_message_flow_at_a_gateway() -> None:
    """The check itself: the kind of file the export wrote before relays breaks it."""
    from lxml import etree

    doc = etree.fromstring(export_bpmn(case("handovers")))
    flow = next(f for f in doc.iter(f"{BPMN}messageFlow") if f.get("sourceRef") == "Send_kies_1")
    flow.set("sourceRef", "Step_kies")
    timer = next(e for e in doc.iter(f"{BPMN}intermediateCatchEvent") if e.get("id") == "Step_wachten")
    flow.set("targetRef", "Step_wachten")
    found = problems(etree.tostring(doc))
    assert any("from exclusiveGateway Step_kies" in p for p in found), found
    assert any("to intermediateCatchEvent Step_wachten" in p for p in found), found
    timer.find(f"{BPMN}timerEventDefinition").tag = f"{BPMN}messageEventDefinition"
    assert not any("to intermediateCatchEvent" in p for p in problems(etree.tostring(doc)))


@pytest.mark.parametrize("options", OPTIONS, ids=OPTION_IDS)
@pytest.mark.parametrize("name", CASES)
def test_message_flows_connect_only_what_bpmn_allows(name: str, options: ExportOptions) -> None:
    data = export_bpmn(case(name), options)
    assert problems(data) == []


@pytest.mark.parametrize("options", OPTIONS, ids=OPTION_IDS)
@pytest.mark.parametrize("name", ["handovers", "end-sends"] + [f"synthetic-{n}-{s}" for n, s in SYNTHETIC[::4]])
def test_relays_validate_and_the_import_takes_them_out(name: str, options: ExportOptions) -> None:
    process = case(name)
    data = export_bpmn(process, options)
    validate(data)
    result = import_bpmn(data)
    assert result.unmapped == []
    again = procesmap.loads(result.yaml_text)
    assert again.model_dump(mode="json") == process.model_dump(mode="json")
    assert export_bpmn(again, options) == data


def test_relays_in_the_handovers_map() -> None:
    """Which ends get a relay, which a message definition of their own, and where a branch's data goes."""
    from lxml import etree

    doc = etree.fromstring(export_bpmn(case("handovers")))
    by_id = {e.get("id"): e for e in doc.iter() if isinstance(e.tag, str) and e.get("id")}
    kinds = {i: etree.QName(e).localname for i, e in by_id.items()}
    relays = {i for i, e in by_id.items() if e.find(f"{BPMN}extensionElements/{PM}relay") is not None}
    assert relays == {
        "Send_begin_0",
        "Receive_begin_0",
        "Send_kies_1",
        "Receive_aanvullen_0",
        "Send_splits_0",
        "Receive_splits_0",
        "Send_wachten_0",
        "Receive_advies_0",
        "Receive_herzien_0",
        "Send_verzonden_0",
        "Receive_verzonden_0",
    }
    assert all(kinds[r] == ("endEvent" if r.startswith("Send_") else "startEvent") for r in relays)
    messages = {(f.get("sourceRef"), f.get("targetRef")) for f in doc.iter(f"{BPMN}messageFlow")}
    assert ("Send_kies_1", "Step_aanvullen") in messages  # decision -> task: a relay at the decision
    assert ("Step_aanvullen", "Receive_aanvullen_0") in messages  # task -> decision: a relay at the decision
    assert ("Send_splits_0", "Receive_splits_0") in messages  # parallel -> timer: both ends
    assert ("Send_wachten_0", "Step_advies") in messages  # timer -> task
    assert ("Step_herzien", "Receive_herzien_0") in messages  # a rework loop back to the decision
    assert by_id["Step_kies"].find(f"{BPMN}messageEventDefinition") is None
    # the branch's name, condition and pm:branch stay on the flow out of the step
    flow = by_id["Flow_kies_1"]
    assert kinds["Flow_kies_1"] == "sequenceFlow" and flow.get("targetRef") == "Send_kies_1"
    assert flow.get("name") == "onvolledig, aanvullen"
    assert flow.find(f"{BPMN}conditionExpression").text == "onvolledig, aanvullen"
    assert flow.find(f"{BPMN}extensionElements/{PM}branch").get("p") == "0.3"
    assert by_id["Flow_kies_1_message"].get("name") is None
    assert by_id["Send_kies_1"].find(f"{BPMN}extensionElements/{PM}relay").get("flow") == "Flow_kies_1"
    # a plain import gives the branch back
    again = procesmap.loads(import_bpmn(etree.tostring(doc)).yaml_text)
    assert [(b.to, b.when, b.p) for b in again.step("kies").next] == [
        ("splits", "compleet", 0.7),
        ("aanvullen", "onvolledig, aanvullen", 0.3),
    ]


def test_an_end_step_that_hands_over_is_a_message_end_event_a_start_step_a_message_start_event() -> None:
    from lxml import etree

    data = export_bpmn(case("end-sends"))
    assert problems(data) == []
    validate(data)
    doc = etree.fromstring(data)
    assert {(f.get("sourceRef"), f.get("targetRef")) for f in doc.iter(f"{BPMN}messageFlow")} == {
        ("Step_e", "Step_u"),
        ("Step_u", "Step_s"),
    }
    for step in ("Step_e", "Step_s"):
        event = next(e for e in doc.iter(f"{BPMN}endEvent", f"{BPMN}startEvent") if e.get("id") == step)
        assert event.find(f"{BPMN}messageEventDefinition") is not None
    assert (
        next(e for e in doc.iter(f"{BPMN}endEvent") if e.get("id") == "Step_f").find(f"{BPMN}messageEventDefinition")
        is None
    )
    assert not any(e.find(f"{BPMN}extensionElements/{PM}relay") is not None for e in doc.iter())


def test_a_relay_that_no_longer_relays_is_read_as_an_event_of_its_own() -> None:
    """A modeller connected a relay further: the import keeps it as a step (and says what it dropped)."""
    from lxml import etree

    doc = etree.fromstring(export_bpmn(case("handovers")))
    process = next(p for p in doc.iter(f"{BPMN}process") if p.find(f"{BPMN}endEvent[@id='Send_kies_1']") is not None)
    etree.SubElement(process, f"{BPMN}sequenceFlow", id="Flow_extra", sourceRef="Step_kies", targetRef="Send_kies_1")
    result = import_bpmn(etree.tostring(doc))
    again = procesmap.loads(result.yaml_text)
    relay = next(s for s in again.steps if s.type == "end" and s.id != "klaar")
    assert {b.to for b in again.step("kies").next} == {"splits", relay.id}
    assert {b.to for b in relay.next} == {"aanvullen"}
    assert any(u.reason == "bpmn.unmapped.event_definition" for u in result.unmapped)


FOREIGN = """\
<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <collaboration id="c">
    <participant id="pa" name="Gemeente" processRef="A"/>
    <participant id="pb" name="Dienst" processRef="B"/>
    <messageFlow id="m1" name="advies vragen" sourceRef="gw" targetRef="advies"/>
    <messageFlow id="m2" sourceRef="advies" targetRef="join"/>
    <messageFlow id="m3" sourceRef="split" targetRef="b-gw"/>
  </collaboration>
  <process id="A">
    <startEvent id="start"/>
    <exclusiveGateway id="gw" name="Advies nodig?"/>
    <task id="zelf" name="Zelf beoordelen"/>
    <parallelGateway id="split"/>
    <parallelGateway id="join"/>
    <endEvent id="end"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="gw"/>
    <sequenceFlow id="f2" name="nee" sourceRef="gw" targetRef="zelf"/>
    <sequenceFlow id="f3" sourceRef="zelf" targetRef="split"/>
    <sequenceFlow id="f4" sourceRef="split" targetRef="join"/>
    <sequenceFlow id="f5" sourceRef="join" targetRef="end"/>
  </process>
  <process id="B">
    <task id="advies" name="Advies geven"/>
    <exclusiveGateway id="b-gw" name="Ontvangen"/>
    <task id="archief" name="Archiveren"/>
    <sequenceFlow id="f6" sourceRef="b-gw" targetRef="archief"/>
  </process>
</definitions>
"""


def test_foreign_message_flows_at_gateways_still_import() -> None:
    """Lenient on input: a message flow from or to a gateway is a handover like any other."""
    result = import_bpmn(FOREIGN.encode(), lang="en", process_id="foreign")
    process = procesmap.loads(result.yaml_text)
    ids = {s.name: s.id for s in process.steps if s.name}
    gateway = process.step(ids["Advies nodig?"])
    assert {(b.to, b.when) for b in gateway.next} == {
        (ids["Zelf beoordelen"], "nee"),
        (ids["Advies geven"], "advies vragen"),
    }
    advice = process.step(ids["Advies geven"])
    assert [b.to for b in advice.next] == ["join"]
    assert {b.to for b in process.step("split").next} == {"join", ids["Ontvangen"]}
    assert process.step(ids["Advies geven"]).role != gateway.role  # another pool, another organisation
    # nothing silently dropped: the mixed branches of the two gateways are listed
    assert {u.id for u in result.unmapped if u.reason == "bpmn.unmapped.mixed_branches"} == {"gw", "split"}


def test_export_of_an_imported_foreign_file_follows_the_rules() -> None:
    """Strict on output: what came in with message flows at gateways goes out with relays."""
    process = procesmap.loads(import_bpmn(FOREIGN.encode(), lang="en", process_id="foreign").yaml_text)
    for options in OPTIONS:
        data = export_bpmn(process, options)
        validate(data)
        assert problems(data) == []
