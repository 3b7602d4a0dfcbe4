"""BPMN from every modeller (issue 17): constructs found in real exports, each in a small file of our own."""

from __future__ import annotations

import procesmap
from procesmap.bpmn import import_bpmn

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" '
    'targetNamespace="http://example.org/x">\n'
)


def _load(xml: str) -> tuple[procesmap.Process, list[str]]:
    result = import_bpmn(xml.encode("utf-8"), lang="en", display="model.bpmn")
    return procesmap.loads(result.yaml_text, "draft.yaml"), [u.text("en") for u in result.unmapped]


def test_empty_lane_set_gives_the_pools_role() -> None:
    xml = (
        HEAD
        + """
  <bpmn2:collaboration id="c">
    <bpmn2:participant id="p" name="Gemeente Voorbeeld" processRef="proc"/>
  </bpmn2:collaboration>
  <bpmn2:process id="proc">
    <bpmn2:laneSet id="ls"/>
    <bpmn2:startEvent id="s" name="Aanvraag"/>
    <bpmn2:task id="t" name="Beoordelen"/>
    <bpmn2:endEvent id="e" name="Besluit"/>
    <bpmn2:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
    <bpmn2:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
  </bpmn2:process>
</bpmn2:definitions>"""
    )
    process, unmapped = _load(xml)
    roles = {step.role for step in process.steps}
    assert roles == {"gemeente-voorbeeld"}
    assert process.roles["gemeente-voorbeeld"].name == "Gemeente Voorbeeld"
    assert process.organisation_of("gemeente-voorbeeld") == "gemeente-voorbeeld"
    assert not any("not in any lane" in text for text in unmapped)
    assert "unknown" not in process.roles


def test_prefixed_qnames_in_references() -> None:
    xml = (
        HEAD
        + """
  <bpmn2:collaboration id="c">
    <bpmn2:participant id="p1" name="Gemeente" processRef="bpmn2:_8R77a"/>
    <bpmn2:participant id="p2" name="Omgevingsdienst" processRef="bpmn2:_8R77b"/>
    <bpmn2:messageFlow id="m1" sourceRef="bpmn2:vraag" targetRef="bpmn2:advies"/>
    <bpmn2:messageFlow id="m2" sourceRef="bpmn2:advies" targetRef="bpmn2:besluit"/>
  </bpmn2:collaboration>
  <bpmn2:process id="_8R77a">
    <bpmn2:laneSet id="ls1"><bpmn2:lane id="l1" name="Vergunningverlener">
      <bpmn2:flowNodeRef>s</bpmn2:flowNodeRef><bpmn2:flowNodeRef>vraag</bpmn2:flowNodeRef>
      <bpmn2:flowNodeRef>besluit</bpmn2:flowNodeRef>
    </bpmn2:lane></bpmn2:laneSet>
    <bpmn2:startEvent id="s" name="Aanvraag"/>
    <bpmn2:task id="vraag" name="Advies vragen"/>
    <bpmn2:endEvent id="besluit" name="Besluit"/>
    <bpmn2:sequenceFlow id="f1" sourceRef="bpmn2:s" targetRef="bpmn2:vraag"/>
  </bpmn2:process>
  <bpmn2:process id="_8R77b">
    <bpmn2:laneSet id="ls2"><bpmn2:lane id="l2" name="Adviseur">
      <bpmn2:flowNodeRef>advies</bpmn2:flowNodeRef>
    </bpmn2:lane></bpmn2:laneSet>
    <bpmn2:task id="advies" name="Advies geven"/>
  </bpmn2:process>
</bpmn2:definitions>"""
    )
    process, unmapped = _load(xml)
    assert not any("collapsed" in text for text in unmapped), unmapped
    assert not any("message flow" in text.lower() for text in unmapped), unmapped
    steps = {s.id: s for s in process.steps}
    assert [b.to for b in steps["aanvraag"].next] == ["advies-vragen"]
    assert [b.to for b in steps["advies-vragen"].next] == ["advies-geven"]  # the message flows are handovers
    assert [b.to for b in steps["advies-geven"].next] == ["besluit"]
    assert process.organisation_of("adviseur") == "omgevingsdienst"
    assert process.organisation_of("vergunningverlener") == "gemeente"


def test_parent_lane_with_flow_nodes_is_a_team_only() -> None:
    xml = (
        HEAD
        + """
  <bpmn2:collaboration id="c"><bpmn2:participant id="p" name="Gemeente" processRef="proc"/></bpmn2:collaboration>
  <bpmn2:process id="proc">
    <bpmn2:laneSet id="ls">
      <bpmn2:lane id="team" name="Team Vergunningen">
        <bpmn2:flowNodeRef>s</bpmn2:flowNodeRef><bpmn2:flowNodeRef>t1</bpmn2:flowNodeRef>
        <bpmn2:flowNodeRef>t2</bpmn2:flowNodeRef><bpmn2:flowNodeRef>e</bpmn2:flowNodeRef>
        <bpmn2:flowNodeRef>loose</bpmn2:flowNodeRef>
        <bpmn2:childLaneSet id="cls">
          <bpmn2:lane id="a" name="Behandelaar">
            <bpmn2:flowNodeRef>s</bpmn2:flowNodeRef><bpmn2:flowNodeRef>t1</bpmn2:flowNodeRef>
          </bpmn2:lane>
          <bpmn2:lane id="b" name="Jurist">
            <bpmn2:flowNodeRef>t2</bpmn2:flowNodeRef><bpmn2:flowNodeRef>e</bpmn2:flowNodeRef>
          </bpmn2:lane>
        </bpmn2:childLaneSet>
      </bpmn2:lane>
    </bpmn2:laneSet>
    <bpmn2:startEvent id="s" name="Aanvraag"/>
    <bpmn2:task id="t1" name="Beoordelen"/>
    <bpmn2:task id="loose" name="Archiveren"/>
    <bpmn2:task id="t2" name="Toetsen"/>
    <bpmn2:endEvent id="e" name="Besluit"/>
    <bpmn2:sequenceFlow id="f1" sourceRef="s" targetRef="t1"/>
    <bpmn2:sequenceFlow id="f2" sourceRef="t1" targetRef="t2"/>
    <bpmn2:sequenceFlow id="f3" sourceRef="t2" targetRef="loose"/>
    <bpmn2:sequenceFlow id="f4" sourceRef="loose" targetRef="e"/>
  </bpmn2:process>
</bpmn2:definitions>"""
    )
    process, unmapped = _load(xml)
    assert set(process.teams) == {"team-vergunningen"}
    assert set(process.roles) == {"behandelaar", "jurist", "unknown"}  # no role "Team Vergunningen"
    assert process.team_of("behandelaar") == process.team_of("jurist") == "team-vergunningen"
    roles = {s.id: s.role for s in process.steps}
    assert roles == {
        "aanvraag": "behandelaar",
        "beoordelen": "behandelaar",
        "toetsen": "jurist",
        "besluit": "jurist",
        "archiveren": "unknown",
    }
    assert any("in team lane team-vergunningen but in none of its lanes" in text for text in unmapped), unmapped
