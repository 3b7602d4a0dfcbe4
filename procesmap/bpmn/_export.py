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
  message flows between pools;
- everything BPMN has no place for goes into ``pm:`` extension elements (:mod:`._ext`),
  so that :func:`procesmap.bpmn.import_bpmn` gives the same process back;
- diagram interchange (BPMNDI): procesmap's swimlane layout, fitted into the pools and lanes
  (:mod:`._diagram`).

The output is deterministic: the same process gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from procesmap.bpmn._ext import encode
from procesmap.bpmn._xml import BPMN, BPMNDI, DC, DI, PM, XSI, q
from procesmap.errors import UsageError

if TYPE_CHECKING:
    from procesmap.bpmn._diagram import Placement
    from procesmap.model import Process, Step

__all__ = ["ExportOptions", "export_bpmn", "Pool", "Lane"]


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
        raise UsageError("bpmn.bad_option", "hint.bpmn.bad_option", option="pools", value=str(options.pools),
                         allowed="organisation, single")
    if options.external not in ("pool", "lane"):
        raise UsageError("bpmn.bad_option", "hint.bpmn.bad_option", option="external", value=str(options.external),
                         allowed="pool, lane")


def build_pools(process: "Process", options: ExportOptions,
                step_lane: dict[str, str | None] | None = None) -> tuple[list[Pool], dict[str, Pool], dict[str, str]]:
    """The pools and lane trees, the pool of every step, and the BPMN lane (or pool) id of every step.

    ``step_lane`` gives the role whose lane each step goes into (None: the "no role" lane);
    by default each step's own role.
    """
    from procesmap.i18n import t

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
        teams = list(process.teams) + sorted({process.roles[r].team for r in role_ids if process.roles[r].team}
                                             - set(process.teams))
        for team_id in teams:
            members = [r for r in role_ids if process.roles[r].team == team_id]
            if members:
                team = process.teams.get(team_id)
                lanes.append(Lane(f"Lane_{prefix}team_{team_id}", (team.name if team else None) or team_id,
                                  team=team_id, children=[role_lane(r) for r in members]))
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
                    main.lanes.append(Lane(f"Lane_org_{org}", name or org, organisation=org,
                                           children=team_lanes(by_org[org], f"{org}_")))
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
                pools.append(Pool(f"Pool_org_{org}", f"Process_org_{org}", name, organisation=org,
                                  lanes=team_lanes(by_org[org], "")))
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
            pools.append(Pool(f"Pool_role_{role_id}", f"Process_role_{role_id}",
                              process.roles[role_id].name or role_id, role=role_id))
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


def export_bpmn(process: "Process", options: ExportOptions | None = None) -> bytes:
    """The process as a BPMN 2.0 XML file (UTF-8 bytes) that bpmn-js and Camunda Modeler open laid out."""
    from lxml import etree

    from procesmap._version import __version__
    from procesmap.bpmn._diagram import place, place_flow_labels, step_lanes, swimlane

    options = options or ExportOptions()
    _check_options(options)
    drawing = swimlane(process, options.lang)
    step_lane = step_lanes(drawing)
    pools, pool_of, home = build_pools(process, options, step_lane)
    places = place(pools, drawing, pool_of, {s.id: s.name if s.name is not None else s.id for s in process.steps})

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

    # flows: sequence flows inside a pool, message flows across pools
    flows: dict[str, list[tuple[str, "Step", int]]] = {pool.id: [] for pool in pools}
    message_flows: list[tuple[str, "Step", int]] = []
    incoming: dict[str, list[str]] = {}
    outgoing: dict[str, list[str]] = {}
    for step in process.steps:
        for index, branch in enumerate(step.next):
            flow_id = f"Flow_{step.id}_{index}"
            if pool_of[step.id] is pool_of[branch.to]:
                flows[pool_of[step.id].id].append((flow_id, step, index))
                outgoing.setdefault(step.id, []).append(flow_id)
                incoming.setdefault(branch.to, []).append(flow_id)
            else:
                message_flows.append((flow_id, step, index))

    def flow_element(parent: Any, tag: str, flow_id: str, step: "Step", index: int) -> Any:
        branch = step.next[index]
        element = sub(parent, tag, id=flow_id)
        if branch.when is not None:
            element.set("name", _check_text(branch.when, flow_id))
        element.set("sourceRef", f"Step_{step.id}")
        element.set("targetRef", f"Step_{branch.to}")
        data: dict[str, Any] = {"order": index}
        if branch.p is not None:
            data["p"] = branch.p
        encode(extension(element), "branch", data)
        return element

    for flow_id, step, index in message_flows:
        flow_element(collaboration, "messageFlow", flow_id, step, index)

    order = {s.id: i for i, s in enumerate(process.steps)}
    for pool in pools:
        proc = sub(root, "process", id=pool.process_id, name=pool.name, isExecutable="false")
        if pool.lanes:
            lane_set = sub(proc, "laneSet", id=f"LaneSet_{pool.process_id}")
            _lanes(sub, extension, lane_set, pool.lanes)
        members = sorted(_pool_steps(pool), key=order.__getitem__)
        for step_id in members:
            step = process.step(step_id)
            tag = _node_tag(process, step)
            node = sub(proc, tag, id=f"Step_{step.id}", name=step.name if step.name is not None else step.id)
            if step.description is not None:
                sub(node, "documentation").text = _check_text(step.description, step.id)
            data = step.model_dump(mode="json", exclude_defaults=True, exclude={"name", "description", "role", "next"})
            data["type"] = step.type
            data["order"] = order[step.id]
            if step.name is None:
                data["unnamed"] = True
            if step.role is None and step_lane[step.id] is not None:
                data["placed"] = home[step.id]  # no role of its own: drawn in a neighbour's lane
            _check_all(data, step.id)
            encode(extension(node), "step", data)
            for flow_id in incoming.get(step.id, []):
                sub(node, "incoming").text = flow_id
            for flow_id in outgoing.get(step.id, []):
                sub(node, "outgoing").text = flow_id
            if step.type == "wait":
                sub(node, "timerEventDefinition", id=f"Timer_{step.id}")
        for flow_id, step, index in flows[pool.id]:
            flow = flow_element(proc, "sequenceFlow", flow_id, step, index)
            branch = step.next[index]
            if branch.when is not None and step.type != "parallel" and len(step.next) > 1:
                condition = sub(flow, "conditionExpression")
                condition.set(q(XSI, "type"), "bpmn:tFormalExpression")
                condition.text = branch.when

    edges = [item for pool in pools for item in flows[pool.id]] + message_flows
    named = [(flow_id, (step.id, step.next[index].to), step.next[index].when or "") for flow_id, step, index in edges
             if step.next[index].when]
    _diagram(root, process, pools, places, edges, place_flow_labels(places, named))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


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


def _lanes(sub: Any, extension: Any, lane_set: Any, lanes: list[Lane]) -> None:
    for lane in lanes:
        element = sub(lane_set, "lane", id=lane.id, name=lane.name)
        info: dict[str, Any] = {"role": lane.role, "team": lane.team, "organisation": lane.organisation}
        if lane.none:
            info["none"] = True
        encode(extension(element), "lane", info)
        for step_id in lane.steps:
            sub(element, "flowNodeRef").text = f"Step_{step_id}"
        if lane.children:
            child_set = sub(element, "childLaneSet", id=f"LaneSet_{lane.id}")
            _lanes(sub, extension, child_set, lane.children)


def _diagram(root: Any, process: "Process", pools: list[Pool], places: "Placement",
             edges: list[tuple[str, "Step", int]], flow_labels: dict[str, tuple[int, int, int, int]]) -> None:
    from lxml import etree

    diagram = etree.SubElement(root, q(BPMNDI, "BPMNDiagram"), id="BPMNDiagram_1")
    plane = etree.SubElement(diagram, q(BPMNDI, "BPMNPlane"), id="BPMNPlane_1", bpmnElement="Collaboration_1")

    def bounds(parent: Any, box: tuple[int, int, int, int]) -> None:
        x, y, w, h = box
        etree.SubElement(parent, q(DC, "Bounds"), x=str(x), y=str(y), width=str(w), height=str(h))

    def label(parent: Any, box: tuple[int, int, int, int] | None) -> None:
        if box is not None:
            bounds(etree.SubElement(parent, q(BPMNDI, "BPMNLabel")), box)

    def shape(element_id: str, box: tuple[int, int, int, int], label_box: tuple[int, int, int, int] | None = None,
              **attrs: str) -> None:
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
    for step in process.steps:
        extra = {"isMarkerVisible": "true"} if step.type == "decision" else {}
        label_box = places.labels.get(step.id)
        shape(f"Step_{step.id}", places.nodes[step.id], label_box if label_box and label_box[2] else None, **extra)
    for flow_id, step, index in edges:
        edge = etree.SubElement(plane, q(BPMNDI, "BPMNEdge"), id=f"{flow_id}_di", bpmnElement=flow_id)
        for x, y in places.edges[(step.id, step.next[index].to)]:
            etree.SubElement(edge, q(DI, "waypoint"), x=str(x), y=str(y))
        label(edge, flow_labels.get(flow_id))
