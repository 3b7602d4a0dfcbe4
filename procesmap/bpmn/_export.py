"""Process -> BPMN 2.0 XML: a collaboration with pools, lanes, flow nodes, flows and BPMNDI.

Mapping (docs/bpmn.md has the full table):

- pools: one per organisation (``pools="organisation"``) or one for the whole map
  (``pools="single"``, organisations then become the outer lanes when there are several);
- lanes: team lanes holding role lanes (nested lanes); every step goes into the lane the
  swimlane layout puts it in: its role's, else its RACI ``R``'s; an event or gateway without
  either goes into a neighbour's lane (``pm:step placed=`` says it has no role of its own),
  a task without either into a "no role" lane;
- external roles: a pool of their own, reached by message flows (``external="pool"``),
  or a lane (``external="lane"``);
- steps: start -> startEvent, end -> endEvent, decision -> exclusiveGateway,
  parallel/join -> parallelGateway, wait -> intermediate timer event, task -> userTask
  (``manualTask`` when its system is ``kind: manual``, ``task`` for an external party,
  ``callActivity`` for a ``subprocess``);
- transitions: sequence flows inside a pool (the ``when`` text as name and condition),
  message flows between pools. A message flow may only connect a task (or sub-process) or a
  message event with a pool or a step in another pool (BPMN 2.0 section 9.4, bpmn-js's
  ``canConnectMessageFlow``), so where a handover leaves from a gateway, a start event or a
  timer event, the export adds a message end event after it in its pool, and where one arrives
  at a gateway, an end event or a timer event, a message start event before it
  (:class:`Relay`, marked ``<pm:relay/>``, removed again by the import). An end event that
  sends, or a start event that receives, gets a ``messageEventDefinition`` itself;
- everything BPMN has no place for goes into ``pm:`` extension elements (:mod:`._ext`),
  so that :func:`procesmap.bpmn.import_bpmn` gives the same process back;
- diagram interchange (BPMNDI): procesmap's swimlane layout, fitted into the pools and lanes
  (:mod:`._diagram`).

The output is deterministic: the same process gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from procesmap._version import __version__
from procesmap.bpmn._ext import encode
from procesmap.bpmn._xml import BPMN, BPMNDI, DC, DI, PM, XSI, q
from procesmap.errors import UsageError
from procesmap.i18n import t

if TYPE_CHECKING:
    from procesmap.bpmn._diagram import Placement
    from procesmap.diagrams.layout import SwimlaneLayout
    from procesmap.model import Process, Step

__all__ = ["ExportOptions", "export_bpmn", "Pool", "Lane", "Relay", "Plan", "plan"]


@dataclass(frozen=True)
class ExportOptions:
    """How to draw the map in BPMN.

    - ``pools``: ``"organisation"`` (one pool per organisation) or ``"single"`` (one pool, lanes);
    - ``external``: ``"pool"`` (each external party its own pool, with message flows) or ``"lane"``;
    - ``lang``: language of the few texts procesmap adds itself (the "no role" lane).
    """

    pools: Literal["organisation", "single"] = "organisation"
    external: Literal["pool", "lane"] = "pool"
    lang: str | None = None


@dataclass
class Lane:
    id: str
    name: str
    role: str | None = None
    team: str | None = None
    organisation: str | None = None
    none: bool = False
    children: list["Lane"] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)


@dataclass
class Pool:
    id: str
    process_id: str
    name: str
    organisation: str | None = None
    role: str | None = None
    lanes: list[Lane] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)


def _check_options(options: ExportOptions) -> None:
    if options.pools not in ("organisation", "single"):
        raise UsageError(
            "bpmn.bad_option",
            "hint.bpmn.bad_option",
            option="pools",
            value=str(options.pools),
            allowed="organisation, single",
        )
    if options.external not in ("pool", "lane"):
        raise UsageError(
            "bpmn.bad_option",
            "hint.bpmn.bad_option",
            option="external",
            value=str(options.external),
            allowed="pool, lane",
        )


def build_pools(
    process: "Process", options: ExportOptions, step_lane: dict[str, str | None] | None = None
) -> tuple[list[Pool], dict[str, Pool], dict[str, str]]:
    """The pools and lane trees, the pool of every step, and the BPMN lane (or pool) id of every step.

    ``step_lane`` gives the role whose lane each step goes into (None: the "no role" lane);
    by default each step's own role.
    """
    lang = options.lang or process.language
    if step_lane is None:
        step_lane = {s.id: s.role for s in process.steps}
    used = {role for role in step_lane.values() if role}
    roles = [r for r in process.roles if r in used]
    internal = [r for r in roles if not process.roles[r].external]
    external = [r for r in roles if process.roles[r].external]
    title = process.name or process.id

    def role_lane(role_id: str) -> Lane:
        return Lane(f"Lane_role_{role_id}", process.roles[role_id].name or role_id, role=role_id)

    def team_lanes(role_ids: list[str], prefix: str) -> list[Lane]:
        """Team lanes (with role lanes inside), then role lanes of roles without a team."""
        lanes: list[Lane] = []
        teams = list(process.teams) + sorted(
            {t for t in (process.roles[r].team for r in role_ids) if t} - set(process.teams)
        )
        for team_id in teams:
            members = [r for r in role_ids if process.roles[r].team == team_id]
            if members:
                team = process.teams.get(team_id)
                lanes.append(
                    Lane(
                        f"Lane_{prefix}team_{team_id}",
                        (team.name if team else None) or team_id,
                        team=team_id,
                        children=[role_lane(r) for r in members],
                    )
                )
        lanes.extend(role_lane(r) for r in role_ids if not process.roles[r].team)
        return lanes

    organisations = list(process.organisations)
    by_org: dict[str | None, list[str]] = {}
    for role_id in internal:
        by_org.setdefault(process.organisation_of(role_id), []).append(role_id)
    org_order = [o for o in organisations if o in by_org] + sorted(o for o in by_org if o and o not in organisations)
    if None in by_org:
        org_order.append(None)  # type: ignore[arg-type]

    pools: list[Pool] = []
    if options.pools == "single":
        main = Pool("Pool_main", "Process_main", title)
        if len(org_order) > 1:
            for org in org_order:
                if org is None:
                    main.lanes.extend(team_lanes(by_org[org], ""))
                else:
                    name = (process.organisations[org].name if org in process.organisations else None) or org
                    main.lanes.append(
                        Lane(
                            f"Lane_org_{org}",
                            name or org,
                            organisation=org,
                            children=team_lanes(by_org[org], f"{org}_"),
                        )
                    )
        elif org_order:
            main.organisation = org_order[0]
            main.lanes.extend(team_lanes(by_org[org_order[0]], ""))
        pools.append(main)
    else:
        for org in org_order:
            if org is None:
                pools.append(Pool("Pool_main", "Process_main", title, lanes=team_lanes(by_org[org], "")))
            else:
                name = (process.organisations[org].name if org in process.organisations else None) or org
                pools.append(
                    Pool(
                        f"Pool_org_{org}",
                        f"Process_org_{org}",
                        name,
                        organisation=org,
                        lanes=team_lanes(by_org[org], ""),
                    )
                )
    owner_org = process.organisation_of(process.owner)
    main_pool = next((p for p in pools if p.organisation == owner_org and owner_org), pools[0] if pools else None)
    no_role = None in step_lane.values()
    needs_main = no_role or bool(external and options.external == "lane")
    if main_pool is None and needs_main:
        main_pool = Pool("Pool_main", "Process_main", title)
        pools.insert(0, main_pool)
    for role_id in external:
        if options.external == "lane":
            assert main_pool is not None
            main_pool.lanes.append(role_lane(role_id))
        else:
            pools.append(
                Pool(
                    f"Pool_role_{role_id}",
                    f"Process_role_{role_id}",
                    process.roles[role_id].name or role_id,
                    role=role_id,
                )
            )
    if no_role:
        assert main_pool is not None
        main_pool.lanes.append(Lane("Lane_no_role", t("bpmn.lane.no_role", lang), none=True))

    # every step into its leaf lane (or its role's lane-less pool)
    leaf: dict[str | None, tuple[Pool, Lane | None]] = {}

    def walk(pool: Pool, lanes: list[Lane]) -> None:
        for lane in lanes:
            if lane.children:
                walk(pool, lane.children)
            elif lane.none:
                leaf[None] = (pool, lane)
            else:
                leaf[lane.role] = (pool, lane)

    for pool in pools:
        walk(pool, pool.lanes)
        if pool.role:
            leaf[pool.role] = (pool, None)
    pool_of: dict[str, Pool] = {}
    home: dict[str, str] = {}
    for step in process.steps:
        pool, lane = leaf[step_lane[step.id]]
        (lane.steps if lane is not None else pool.steps).append(step.id)
        pool_of[step.id] = pool
        home[step.id] = lane.id if lane is not None else pool.id
    return pools, pool_of, home


def _node_tag(process: "Process", step: "Step") -> str:
    if step.type == "start":
        return "startEvent"
    if step.type == "end":
        return "endEvent"
    if step.type == "decision":
        return "exclusiveGateway"
    if step.type in ("parallel", "join"):
        return "parallelGateway"
    if step.type == "wait":
        return "intermediateCatchEvent"
    if step.subprocess:
        return "callActivity"
    if process.is_external(step.role):
        return "task"
    if process.is_manual(step.system):
        return "manualTask"
    return "userTask"


def _check_text(value: str, where: str) -> str:
    for character in value:
        code = ord(character)
        if (code < 0x20 and character not in "\t\n\r") or 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
            raise UsageError("bpmn.bad_character", "hint.bpmn.bad_character", where=where, code=f"U+{code:04X}")
    return value


def _can_send(step: "Step") -> bool:
    """Whether the step's BPMN element may be the source of a message flow: a task, or an end event
    (which then becomes a message end event)."""
    return step.type in ("task", "end")


def _can_receive(step: "Step") -> bool:
    """Whether the step's BPMN element may be the target of a message flow: a task, or a start event
    (which then becomes a message start event)."""
    return step.type in ("task", "start")


@dataclass(frozen=True)
class Relay:
    """A message event the export adds to a handover across pools, so that its message flow ends where BPMN allows.

    ``send``: a message end event after a step that cannot send a message flow itself (a gateway,
    a start event, a timer event), in that step's lane; ``receive``: a message start event before a
    step that cannot receive one (a gateway, an end event, a timer event), in that step's lane.
    BPMN requires an intermediate event to have an incoming and an outgoing sequence flow, which
    these never have: the handover leaves the pool at a ``send`` and enters it at a ``receive``.
    ``step`` and ``index`` name the branch (``step.next[index]``) it belongs to; ``node`` is its id
    in the layout, a step id the map does not use.
    """

    kind: Literal["send", "receive"]
    step: str
    index: int
    node: str

    @property
    def element_id(self) -> str:
        return f"{'Send' if self.kind == 'send' else 'Receive'}_{self.step}_{self.index}"


@dataclass
class Plan:
    """What the export draws and where: pools and lanes, relays, and the swimlane layout behind the diagram.

    A *node* is a step id or a relay's :attr:`Relay.node`.
    """

    layout: "SwimlaneLayout"
    pools: list[Pool]
    pool_of: dict[str, Pool]  # node -> its pool
    home: dict[str, str]  # node -> the BPMN lane (or pool) it is in
    step_lane: dict[str, str | None]  # node -> the role of its lane (None: "no role")
    relays: dict[str, Relay]  # relay node -> relay
    chains: dict[tuple[str, int], list[str]]  # (step, branch) -> the nodes from the step to its target
    element: dict[str, str] = field(default_factory=dict)  # node -> BPMN id


def plan(process: "Process", options: ExportOptions | None = None) -> Plan:
    """Pools, lanes, relays and layout of the export of ``process``.

    The pools come from the swimlane layout of the map (:func:`._diagram.step_lanes` puts a step
    without a role in a neighbour's lane). When a handover across pools needs relays, the diagram
    is the swimlane layout of the map with the relays as small steps added (each in the lane of its
    step, so a relay gets a column of its own right after the step it follows, or right before the
    step it leads to); every step keeps its lane, so the pools do not change.
    """
    from procesmap.bpmn._diagram import (  # lazy: loads only for this step of a BPMN import or export
        step_lanes,
        swimlane,
        swimlane_with_relays,
    )

    options = options or ExportOptions()
    _check_options(options)
    layout = swimlane(process, options.lang)
    step_lane = step_lanes(layout)
    pools, pool_of, home = build_pools(process, options, step_lane)
    taken = {s.id for s in process.steps}
    relays: dict[str, Relay] = {}
    chains: dict[tuple[str, int], list[str]] = {}

    def relay(kind: Literal["send", "receive"], step_id: str, index: int) -> str:
        base = f"{step_id}--{kind}-{index}"
        node, n = base, 1
        while node in taken:
            n += 1
            node = f"{base}-{n}"
        taken.add(node)
        relays[node] = Relay(kind, step_id, index, node)
        return node

    for step in process.steps:
        for index, branch in enumerate(step.next):
            chain = [step.id]
            if pool_of[step.id] is not pool_of[branch.to]:
                if not _can_send(step):
                    chain.append(relay("send", step.id, index))
                if not _can_receive(process.step(branch.to)):
                    chain.append(relay("receive", step.id, index))
            chain.append(branch.to)
            chains[(step.id, index)] = chain
    element = {s.id: f"Step_{s.id}" for s in process.steps}
    element.update({node: r.element_id for node, r in relays.items()})
    if not relays:
        return Plan(layout, pools, pool_of, home, step_lane, relays, chains, element)
    relay_lane = {
        node: step_lane[r.step if r.kind == "send" else chains[(r.step, r.index)][-1]] for node, r in relays.items()
    }
    drawn, layout = swimlane_with_relays(process, chains, relay_lane, step_lane, options.lang)
    lanes = step_lanes(layout)
    if any(lanes[node] != lane for node, lane in {**step_lane, **relay_lane}.items()):  # pragma: no cover
        raise AssertionError("a step changed lanes when relays were added")  # every lane is pinned
    pools, pool_of, home = build_pools(drawn, options, lanes)
    return Plan(layout, pools, pool_of, home, lanes, relays, chains, element)


def export_bpmn(process: "Process", options: ExportOptions | None = None) -> bytes:
    """The process as a BPMN 2.0 XML file (UTF-8 bytes) that bpmn-js and Camunda Modeler open laid out."""
    from lxml import etree  # lazy: lxml loads only when BPMN is read or written

    from procesmap.bpmn._diagram import (  # lazy: loads only for this step of a BPMN import or export
        place,
        place_flow_labels,
    )

    options = options or ExportOptions()
    drawing = plan(process, options)
    pools, pool_of, home, element = drawing.pools, drawing.pool_of, drawing.home, drawing.element
    names = {s.id: s.name if s.name is not None else s.id for s in process.steps}
    names.update({node: "" for node in drawing.relays})
    places = place(pools, drawing.layout, pool_of, names)

    nsmap = {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI, "xsi": XSI, "pm": PM}
    root = etree.Element(q(BPMN, "definitions"), nsmap=nsmap)
    root.set("id", f"Definitions_{process.id}")
    root.set("targetNamespace", "https://procesmap.nl/bpmn")
    root.set("exporter", "procesmap")
    root.set("exporterVersion", __version__)

    def sub(parent: Any, tag: str, **attrs: str) -> Any:
        element = etree.SubElement(parent, q(BPMN, tag))
        for key, value in attrs.items():
            element.set(key, _check_text(value, key))
        return element

    def extension(parent: Any) -> Any:
        return sub(parent, "extensionElements")

    collaboration = sub(root, "collaboration", id="Collaboration_1")
    meta = process.model_dump(mode="json", exclude_defaults=True, exclude={"steps"})
    meta["procesmap"] = 1
    _check_all(meta, "process")
    encode(extension(collaboration), "process", meta)
    for pool in pools:
        participant = sub(collaboration, "participant", id=pool.id, name=pool.name, processRef=pool.process_id)
        info = {"organisation": pool.organisation, "role": pool.role}
        if any(info.values()):
            encode(extension(participant), "pool", info)

    # flows: every branch is one flow, or (with relays) a chain of flows; sequence flows inside
    # a pool, message flows across pools. The first flow of a chain carries the branch's data.
    flows: dict[str, list[Segment]] = {pool.id: [] for pool in pools}
    message_flows: list[Segment] = []
    incoming: dict[str, list[str]] = {}
    outgoing: dict[str, list[str]] = {}
    messages: set[str] = set()  # start and end events that receive or send a message flow
    relay_flow: dict[str, str] = {}  # relay node -> the id of its branch's first flow
    for step in process.steps:
        for index in range(len(step.next)):
            chain = drawing.chains[(step.id, index)]
            first = f"Flow_{step.id}_{index}"
            for hop, (source, target) in enumerate(zip(chain, chain[1:])):
                inside = pool_of[source] is pool_of[target]
                flow_id = first if hop == 0 else f"{first}_message" if not inside else f"{first}_receive"
                segment = Segment(flow_id, source, target, step, index, hop == 0)
                for node in (source, target):
                    if node in drawing.relays:
                        relay_flow[node] = first
                if inside:
                    flows[pool_of[source].id].append(segment)
                    outgoing.setdefault(source, []).append(flow_id)
                    incoming.setdefault(target, []).append(flow_id)
                else:
                    message_flows.append(segment)
                    messages.update({source, target})

    def flow_element(parent: Any, tag: str, segment: Segment) -> Any:
        flow = sub(parent, tag, id=segment.id)
        branch = segment.step.next[segment.index]
        if segment.first and branch.when is not None:
            flow.set("name", _check_text(branch.when, segment.id))
        flow.set("sourceRef", element[segment.source])
        flow.set("targetRef", element[segment.target])
        if segment.first:
            data: dict[str, Any] = {"order": segment.index}
            if branch.p is not None:
                data["p"] = branch.p
            if branch.return_ is not None:
                data["return"] = branch.return_
            encode(extension(flow), "branch", data)
        return flow

    for segment in message_flows:
        flow_element(collaboration, "messageFlow", segment)

    order = {s.id: i for i, s in enumerate(process.steps)}
    order.update({node: len(order) + i for i, node in enumerate(drawing.relays)})
    for pool in pools:
        proc = sub(root, "process", id=pool.process_id, name=pool.name, isExecutable="false")
        if pool.lanes:
            lane_set = sub(proc, "laneSet", id=f"LaneSet_{pool.process_id}")
            _lanes(sub, extension, lane_set, pool.lanes, element)
        members = sorted(_pool_steps(pool), key=order.__getitem__)
        for node_id in members:
            relay = drawing.relays.get(node_id)
            if relay is not None:
                node = sub(proc, "endEvent" if relay.kind == "send" else "startEvent", id=element[node_id])
                marker = etree.SubElement(extension(node), q(PM, "relay"))
                marker.set("flow", relay_flow[node_id])
            else:
                step = process.step(node_id)
                tag = _node_tag(process, step)
                node = sub(proc, tag, id=element[node_id], name=step.name if step.name is not None else step.id)
                if step.description is not None:
                    sub(node, "documentation").text = _check_text(step.description, step.id)
                data = step.model_dump(
                    mode="json", exclude_defaults=True, exclude={"name", "description", "role", "next"}
                )
                data["type"] = step.type
                data["order"] = order[step.id]
                if step.name is None:
                    data["unnamed"] = True
                if step.role is None and drawing.step_lane[step.id] is not None:
                    data["placed"] = home[step.id]  # no role of its own: drawn in a neighbour's lane
                _check_all(data, step.id)
                encode(extension(node), "step", data)
            for flow_id in incoming.get(node_id, []):
                sub(node, "incoming").text = flow_id
            for flow_id in outgoing.get(node_id, []):
                sub(node, "outgoing").text = flow_id
            step_type = process.step(node_id).type if relay is None else None
            if step_type == "wait":
                sub(node, "timerEventDefinition", id=f"Timer_{node_id}")
            elif relay is not None or (node_id in messages and step_type in ("start", "end")):
                sub(node, "messageEventDefinition", id=f"MessageEventDefinition_{element[node_id]}")
        for segment in flows[pool.id]:
            flow = flow_element(proc, "sequenceFlow", segment)
            step, branch = segment.step, segment.step.next[segment.index]
            if segment.first and branch.when is not None and step.type != "parallel" and len(step.next) > 1:
                condition = sub(flow, "conditionExpression")
                condition.set(q(XSI, "type"), "bpmn:tFormalExpression")
                condition.text = branch.when

    edges = [segment for pool in pools for segment in flows[pool.id]] + message_flows
    named = [
        (segment.id, (segment.source, segment.target), segment.step.next[segment.index].when or "")
        for segment in edges
        if segment.first and segment.step.next[segment.index].when
    ]
    nodes = [s.id for s in process.steps] + list(drawing.relays)
    _diagram(root, process, pools, places, nodes, element, edges, place_flow_labels(places, named))
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return xml


@dataclass(frozen=True)
class Segment:
    """One BPMN flow: a whole branch, or one hop of a branch's chain through relays."""

    id: str
    source: str  # node
    target: str  # node
    step: "Step"  # the step whose branch it is...
    index: int  # ...and which one
    first: bool  # the hop out of the step: it carries the branch's name, condition and pm:branch


def _check_all(data: Any, where: str) -> None:
    if isinstance(data, str):
        _check_text(data, where)
    elif isinstance(data, dict):
        for key, value in data.items():
            _check_text(str(key), where)
            _check_all(value, where)
    elif isinstance(data, list):
        for value in data:
            _check_all(value, where)


def _pool_steps(pool: Pool) -> list[str]:
    found = list(pool.steps)

    def walk(lanes: list[Lane]) -> None:
        for lane in lanes:
            found.extend(lane.steps)
            walk(lane.children)

    walk(pool.lanes)
    return found


def _lanes(sub: Any, extension: Any, lane_set: Any, lanes: list[Lane], element: dict[str, str]) -> None:
    for lane in lanes:
        lane_element = sub(lane_set, "lane", id=lane.id, name=lane.name)
        info: dict[str, Any] = {"role": lane.role, "team": lane.team, "organisation": lane.organisation}
        if lane.none:
            info["none"] = True
        encode(extension(lane_element), "lane", info)
        for node in lane.steps:
            sub(lane_element, "flowNodeRef").text = element[node]
        if lane.children:
            child_set = sub(lane_element, "childLaneSet", id=f"LaneSet_{lane.id}")
            _lanes(sub, extension, child_set, lane.children, element)


def _diagram(
    root: Any,
    process: "Process",
    pools: list[Pool],
    places: "Placement",
    nodes: list[str],
    element: dict[str, str],
    edges: list[Segment],
    flow_labels: dict[str, tuple[int, int, int, int]],
) -> None:
    from lxml import etree  # lazy: lxml loads only when BPMN is read or written

    diagram = etree.SubElement(root, q(BPMNDI, "BPMNDiagram"), id="BPMNDiagram_1")
    plane = etree.SubElement(diagram, q(BPMNDI, "BPMNPlane"), id="BPMNPlane_1", bpmnElement="Collaboration_1")

    def bounds(parent: Any, box: tuple[int, int, int, int]) -> None:
        x, y, w, h = box
        etree.SubElement(parent, q(DC, "Bounds"), x=str(x), y=str(y), width=str(w), height=str(h))

    def label(parent: Any, box: tuple[int, int, int, int] | None) -> None:
        if box is not None:
            bounds(etree.SubElement(parent, q(BPMNDI, "BPMNLabel")), box)

    def shape(
        element_id: str,
        box: tuple[int, int, int, int],
        label_box: tuple[int, int, int, int] | None = None,
        **attrs: str,
    ) -> None:
        element = etree.SubElement(plane, q(BPMNDI, "BPMNShape"), id=f"{element_id}_di", bpmnElement=element_id)
        for key, value in attrs.items():
            element.set(key, value)
        bounds(element, box)
        label(element, label_box)

    def lane_shapes(lanes: list[Lane]) -> None:
        for lane in lanes:
            shape(lane.id, places.lanes[lane.id], isHorizontal="true")
            lane_shapes(lane.children)

    for pool in pools:
        shape(pool.id, places.pools[pool.id], isHorizontal="true")
        lane_shapes(pool.lanes)
    steps = process.steps_by_id
    for node in nodes:
        step = steps.get(node)
        extra = {"isMarkerVisible": "true"} if step is not None and step.type == "decision" else {}
        label_box = places.labels.get(node)
        shape(element[node], places.nodes[node], label_box if label_box and label_box[2] else None, **extra)
    for segment in edges:
        edge = etree.SubElement(plane, q(BPMNDI, "BPMNEdge"), id=f"{segment.id}_di", bpmnElement=segment.id)
        for x, y in places.edges[(segment.source, segment.target)]:
            etree.SubElement(edge, q(DI, "waypoint"), x=str(x), y=str(y))
        label(edge, flow_labels.get(segment.id))
