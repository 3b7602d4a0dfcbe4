"""BPMN 2.0 XML -> a draft procesmap map (YAML text), and the list of what could not be mapped.

Two kinds of input, one code path:

- a file procesmap exported: its ``pm:`` extension elements (:mod:`._ext`) give back
  every procesmap field, so the map comes back unchanged;
- any other BPMN file (Camunda Modeler, Signavio, bpmn-js, Trisotech...): pools become
  organisations, nested lanes teams, (leaf) lanes roles, tasks and events steps,
  gateways decisions/parallel/join, message flows between steps handovers,
  documentation descriptions. Whatever has no place in a map is listed in
  :attr:`ImportResult.unmapped` and in comments at the top of the YAML, never dropped
  silently.

Elements a modeller added to an exported file (a new lane, a new task) are read the
second way, so an exported map can be edited in a modeller and imported again. The message
events the export adds so that a message flow never ends at a gateway (``<pm:relay/>``, see
:class:`procesmap.bpmn._export.Relay`) are taken out again: the flows through one become the
one branch they were. Foreign files are read leniently: a message flow may end anywhere a step
is (a gateway too), and becomes a branch.
Only the semantic model is read; the diagram (BPMNDI) is not needed, so vertical and
horizontal lanes read the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from procesmap._references import repeated_next
from procesmap.bpmn._ext import decode
from procesmap.bpmn._xml import BPMN, BPMNDI, DC, DI, PM, XSI, q, read_bpmn
from procesmap.errors import LoadError
from procesmap.i18n import Count, Message, t
from procesmap.loading import loads
from procesmap.model import Process, slugify
from procesmap.bpmn._safety import MAX_IMPORT_STEPS

__all__ = ["ImportResult", "Unmapped", "import_bpmn"]

_TASKS = {
    "task",
    "userTask",
    "manualTask",
    "serviceTask",
    "scriptTask",
    "businessRuleTask",
    "sendTask",
    "receiveTask",
    "callActivity",
    "subProcess",
    "adHocSubProcess",
    "transaction",
}
_GATEWAYS = {"exclusiveGateway", "inclusiveGateway", "complexGateway", "eventBasedGateway", "parallelGateway"}
_EVENTS = {"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent"}
_KNOWN_NS = {BPMN, BPMNDI, DC, DI, PM, XSI, "http://www.w3.org/XML/1998/namespace"}
_MAX_ID = 48


@dataclass(frozen=True)
class Unmapped:
    """One BPMN element (or group of them) that has no place in the map, and why.

    ``reason`` is a catalogue key (``bpmn.unmapped.*``); :meth:`text` gives the sentence.
    """

    element: str
    id: str
    name: str | None
    reason: str
    args: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        label = f'{self.element} "{self.name}" ({self.id})' if self.name else f"{self.element} {self.id}"
        return f"{label}: {t(self.reason, lang, **self.args)}"


@dataclass
class ImportResult:
    """The draft map as YAML text (it loads with :func:`procesmap.loads`) and what was not mapped."""

    yaml_text: str
    unmapped: list[Unmapped]


def _local(element: Any) -> str:
    tag = element.tag
    return tag.split("}", 1)[1] if isinstance(tag, str) and tag.startswith("{") else str(tag)


def _is(element: Any, ns: str) -> bool:
    return isinstance(element.tag, str) and element.tag.startswith("{" + ns + "}")


def _clean(text: str | None) -> str | None:
    """Foreign names: line breaks (``&#10;``) and runs of spaces become one space."""
    if text is None:
        return None
    cleaned = " ".join(text.split())
    return cleaned or None


def _slug(text: str) -> str:
    slug = slugify(text)[:_MAX_ID].strip("-_")
    return slug or "id"


def _not_extension(slug: str) -> str:
    """A key starting with ``x-`` is the user's own extension, which the loader ignores: ``x-2`` -> ``x_2``."""
    return "x_" + slug[2:] if slug.startswith("x-") else slug


class _Ids:
    """Unique slugs: ``advies``, ``advies-2``, ..."""

    def __init__(self, taken: set[str] | None = None):
        self.taken = set(taken or ())
        self.counters: dict[str, int] = {}  # base -> the last number tried: n same names cost O(n), not O(n^2)

    def new(self, *candidates: str | None) -> str:
        base = next((_slug(c) for c in candidates if c and _slug(c) != "id"), "id")
        slug, n = _not_extension(base), self.counters.get(base, 1)
        while slug in self.taken:
            n += 1
            suffix = f"-{n}"
            slug = _not_extension(f"{base[: _MAX_ID - len(suffix)]}{suffix}")
        self.counters[base] = n
        self.taken.add(slug)
        return slug


def _ref(value: str | None) -> str:
    """An id reference. BPMN types ``processRef``, ``sourceRef`` and ``targetRef`` as QNames, so some modellers
    write them with a prefix (``bpmn2:_8R77``); an id has no colon, so the prefix is dropped."""
    text = (value or "").strip()
    return text.rsplit(":", 1)[-1] if ":" in text else text


def _pm(element: Any, local: str) -> Any | None:
    """The ``pm:local`` element inside ``element``'s extensionElements, if there is one."""
    for ext in element.findall(q(BPMN, "extensionElements")):
        found = ext.find(q(PM, local))
        if found is not None:
            return found
    return None


class _Importer:
    def __init__(self, root: Any, file: str, lang: str):
        self.t = t
        self.root = root
        self.file = file
        self.lang = lang
        self.unmapped: list[Unmapped] = []
        self.meta: dict[str, Any] | None = None
        self.organisations: dict[str, dict[str, Any]] = {}
        self.teams: dict[str, dict[str, Any]] = {}
        self.roles: dict[str, dict[str, Any]] = {}
        self.steps: dict[str, dict[str, Any]] = {}  # BPMN id -> step data (with private keys)
        self.step_of: dict[str, str] = {}  # BPMN id -> step id
        self.kind: dict[str, str] = {}  # BPMN id -> element name
        self.ids = _Ids()  # organisations
        self.team_ids = _Ids()
        self.role_ids = _Ids()
        self.step_ids = _Ids()
        self.unknown_role: str | None = None
        self.relays: dict[str, Any] = {}  # BPMN id of an export's relay -> its one outgoing flow
        self.team_lane_of: dict[str, str] = {}  # BPMN node id -> team of a team lane that lists it

    def skip(self, element: Any, reason: str, **args: Any) -> None:
        name = _clean(element.get("name")) if element is not None else None
        self.unmapped.append(Unmapped(_local(element), element.get("id") or "-", name, reason, args))

    # -- the whole file ------------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        collaborations = self.root.findall(q(BPMN, "collaboration"))
        processes = {p.get("id"): p for p in self.root.findall(q(BPMN, "process"))}
        for collaboration in collaborations:
            found = _pm(collaboration, "process")
            if found is not None and self.meta is None:
                self.meta = decode(found)
        if self.meta is not None:
            for table in ("organisations", "teams", "roles"):
                getattr(self, table).update(self.meta.get(table, {}))
            self.ids.taken.update(self.meta.get("organisations", {}))
            self.team_ids.taken.update(self.meta.get("teams", {}))
            self.role_ids.taken.update(self.meta.get("roles", {}))
        self._other_roots()

        pools: list[tuple[Any | None, Any | None]] = []  # (participant, process)
        referenced: set[str] = set()
        for collaboration in collaborations:
            for child in collaboration:
                if _is(child, BPMN) and _local(child) == "participant":
                    ref = _ref(child.get("processRef"))
                    referenced.add(ref)
                    pools.append((child, processes.get(ref)))
                elif _is(child, BPMN) and _local(child) not in ("messageFlow", "extensionElements", "documentation"):
                    self.skip(child, "bpmn.unmapped.collaboration_part")
        for process_id, process in processes.items():
            if process_id not in referenced:
                pools.append((None, process))
        self._relays(processes, collaborations)
        for participant, process in pools:
            self._pool(participant, process)
        if not self.steps:
            raise LoadError.single(self.file, 1, 1, "bpmn.no_steps", {}, "hint.bpmn.no_steps", {})
        branches = self._flows(processes, collaborations)
        self._vendor()
        return self._assemble(branches, processes, collaborations)

    def _relays(self, processes: dict[str, Any], collaborations: list[Any]) -> None:
        """The export's relays (events marked ``<pm:relay/>``) that still relay: one flow in, one out."""
        marked = {
            node.get("id"): node
            for process in processes.values()
            for node in process
            if _is(node, BPMN) and _local(node) in _EVENTS and _pm(node, "relay") is not None and node.get("id")
        }
        if not marked:
            return
        flows = [f for p in processes.values() for f in p.findall(q(BPMN, "sequenceFlow"))]
        flows += [f for c in collaborations for f in c.findall(q(BPMN, "messageFlow"))]
        into: dict[str, int] = {}
        out: dict[str, list[Any]] = {}
        for flow in flows:
            into[_ref(flow.get("targetRef"))] = into.get(_ref(flow.get("targetRef")), 0) + 1
            out.setdefault(_ref(flow.get("sourceRef")), []).append(flow)
        for node_id in marked:
            if into.get(node_id) == 1 and len(out.get(node_id, [])) == 1:
                self.relays[node_id] = out[node_id][0]

    def _other_roots(self) -> None:
        for child in self.root:
            if not _is(child, BPMN) and not _is(child, BPMNDI):
                continue  # foreign top-level elements are counted by _vendor
            local = _local(child)
            if local in ("collaboration", "process", "BPMNDiagram", "extensionElements", "documentation"):
                continue
            self.skip(child, "bpmn.unmapped.definition")

    # -- pools, lanes, nodes -------------------------------------------------------------
    def _pool(self, participant: Any | None, process: Any | None) -> None:
        info = (
            decode(_pm(participant, "pool"))
            if participant is not None and _pm(participant, "pool") is not None
            else None
        )
        organisation: str | None = None
        pool_role: str | None = None
        pool_name = _clean(participant.get("name")) if participant is not None else None
        if info is not None:
            organisation = info.get("organisation") if info.get("organisation") in self.organisations else None
            pool_role = info.get("role") if info.get("role") in self.roles else None
        elif participant is not None and self.meta is None:
            organisation = self.ids.new(pool_name, participant.get("id"))
            self.organisations[organisation] = {"name": pool_name or participant.get("id")}
            docs = self._documentation(participant, clean=True)
            if docs:
                self.organisations[organisation]["description"] = docs
        if process is None or not any(_local(c) in _TASKS | _GATEWAYS | _EVENTS for c in process if _is(c, BPMN)):
            if participant is not None:
                self.skip(participant, "bpmn.unmapped.collapsed_pool")
            return
        lane_role: dict[str, str | None] = {}  # BPMN node id -> role id (None: no role)
        lane_of: dict[str, str] = {}  # BPMN node id -> id of its (deepest) lane
        has_lanes = False
        for lane_set in process.findall(q(BPMN, "laneSet")):
            has_lanes = has_lanes or lane_set.find(q(BPMN, "lane")) is not None  # an empty <laneSet/> is no lanes
            self._lanes(lane_set, organisation, None, lane_role, lane_of, pool_name, depth=0)
        for node in process:
            if not _is(node, BPMN):
                continue
            local = _local(node)
            if local in _TASKS | _GATEWAYS | _EVENTS:
                node_id = node.get("id") or ""
                if node_id in self.relays:
                    continue  # the export's own message event: its flows are read as one branch
                if node_id in lane_role:
                    role = lane_role[node_id]
                elif pool_role is not None:
                    role = pool_role
                elif not has_lanes and participant is not None and self.meta is None:
                    role = self._pool_role(participant, organisation, pool_name)
                    pool_role = role
                else:
                    role = self._unknown()
                    if _pm(node, "step") is None and node_id in self.team_lane_of:
                        self.skip(node, "bpmn.unmapped.team_lane_only", role=role, team=self.team_lane_of[node_id])
                    elif _pm(node, "step") is None:
                        self.skip(node, "bpmn.unmapped.no_lane", role=role)
                where = lane_of.get(node_id) or (participant.get("id") if participant is not None else None)
                self._node(node, role, where)
            elif local in ("laneSet", "sequenceFlow", "extensionElements", "documentation"):
                continue
            elif local == "boundaryEvent":
                self.skip(node, "bpmn.unmapped.boundary", attached=node.get("attachedToRef") or "-")
            elif local in (
                "dataObject",
                "dataObjectReference",
                "dataStoreReference",
                "dataInput",
                "dataOutput",
                "ioSpecification",
                "property",
            ):
                self.skip(node, "bpmn.unmapped.data")
            elif local in ("textAnnotation", "association", "group"):
                self.skip(node, "bpmn.unmapped.artifact")
            else:
                self.skip(node, "bpmn.unmapped.element")

    def _pool_role(self, participant: Any, organisation: str | None, pool_name: str | None) -> str:
        role_id = self.role_ids.new(pool_name, participant.get("id"))
        self.roles[role_id] = {"name": pool_name or participant.get("id"), "organisation": organisation}
        self.unmapped.append(
            Unmapped(
                "participant", participant.get("id") or "-", pool_name, "bpmn.unmapped.pool_as_role", {"role": role_id}
            )
        )
        return role_id

    def _unknown(self) -> str:
        if self.unknown_role is None:
            self.unknown_role = self.role_ids.new(self.t("bpmn.unknown_role.id", self.lang))
            self.roles[self.unknown_role] = {"name": self.t("bpmn.unknown_role.name", self.lang)}
        return self.unknown_role

    def _lanes(
        self,
        lane_set: Any,
        organisation: str | None,
        team: str | None,
        lane_role: dict[str, str | None],
        lane_of: dict[str, str],
        pool_name: str | None,
        depth: int,
    ) -> None:
        for index, lane in enumerate(lane_set.findall(q(BPMN, "lane")), start=1):
            info = decode(_pm(lane, "lane")) if _pm(lane, "lane") is not None else None
            children = lane.findall(q(BPMN, "childLaneSet"))
            has_children = any(len(c.findall(q(BPMN, "lane"))) for c in children)
            name = _clean(lane.get("name"))
            role: str | None = None
            inner_team = team
            if info is not None and (
                info.get("role") in self.roles
                or info.get("none") == "true"
                or info.get("team") in self.teams
                or info.get("organisation") in self.organisations
            ):
                role = info.get("role") if info.get("role") in self.roles else None
                if info.get("team") in self.teams:
                    inner_team = info["team"]
                if info.get("organisation") in self.organisations:
                    organisation = info["organisation"]
            elif has_children:
                if team is not None:
                    self.skip(lane, "bpmn.unmapped.deep_lane", team=team)
                else:
                    inner_team = self.team_ids.new(name, lane.get("id"))
                    self.teams[inner_team] = {"name": name or lane.get("id"), "organisation": organisation}
                    docs = self._documentation(lane, clean=True)
                    if docs:
                        self.teams[inner_team]["description"] = docs
            if info is None and not has_children:
                # a leaf lane: a role (a lane with nested lanes is a team, also when it lists flow nodes itself:
                # modellers list the nodes of the nested lanes in the parent too)
                shown = name or self.t("bpmn.unnamed_lane", self.lang, pool=pool_name or "-", n=index)
                role = self.role_ids.new(name or shown, lane.get("id"))
                self.roles[role] = {
                    "name": shown,
                    "team": inner_team,
                    "organisation": organisation if inner_team is None else None,
                }
                docs = self._documentation(lane, clean=True)
                if docs:
                    self.roles[role]["description"] = docs
                if not name:
                    self.skip(lane, "bpmn.unmapped.unnamed_lane", role=role)
            for ref in lane.findall(q(BPMN, "flowNodeRef")):
                node_id = (ref.text or "").strip()
                if node_id and role is None and has_children and inner_team is not None:
                    self.team_lane_of.setdefault(node_id, inner_team)  # in the team lane; a nested lane may say more
                if node_id and (role is not None or (info is not None and info.get("none") == "true")):
                    lane_role[node_id] = role  # a deeper lane, read later, overrides
                    lane_of[node_id] = lane.get("id") or ""
            for child_set in children:
                self._lanes(child_set, organisation, inner_team, lane_role, lane_of, pool_name, depth + 1)

    def _documentation(self, element: Any, *, clean: bool) -> str | None:
        texts = [d.text or "" for d in element.findall(q(BPMN, "documentation"))]
        if not texts:
            return None
        if not clean:
            return texts[0]
        joined = "\n\n".join(t.strip() for t in texts if t.strip())
        return joined or None

    def _node(self, node: Any, role: str | None, where: str | None = None) -> None:
        """One flow node as a step of ``role``; ``where`` is the id of the lane (or pool) it is in."""
        local = _local(node)
        bpmn_id = node.get("id") or ""
        info = decode(_pm(node, "step")) if _pm(node, "step") is not None else None
        if info is not None:
            step: dict[str, Any] = dict(info)
            step_id = step.get("id") or ""
            if step_id in self.step_ids.taken or not step_id:
                step_id = self.step_ids.new(step_id, node.get("name"), bpmn_id)
                self.skip(node, "bpmn.unmapped.duplicate_step", step=step_id)
            else:
                self.step_ids.taken.add(step_id)
            step["id"] = step_id
            if step.pop("unnamed", None) != "true":
                step["name"] = node.get("name") if node.get("name") is not None else None
            description = self._documentation(node, clean=False)
            if description is not None:
                step["description"] = description
            step["type"] = step.get("type") or "task"
            if step.pop("placed", None) == where and where:
                role = None  # a step without a role, drawn in a neighbour's lane, and still there
            order = step.pop("order", None)
            step["_order"] = (0, int(order)) if order is not None and str(order).isdigit() else (1, len(self.steps))
        else:
            name = _clean(node.get("name"))
            step_id = self.step_ids.new(name, bpmn_id)
            step = {"id": step_id, "name": name, "type": self._type(node)}
            description = self._documentation(node, clean=True)
            if description:
                step["description"] = description
            step["_order"] = (1, len(self.steps))
            if local in ("subProcess", "adHocSubProcess", "transaction"):
                inner = [
                    c
                    for c in node
                    if _is(c, BPMN)
                    and _local(c) not in ("extensionElements", "documentation", "incoming", "outgoing", "laneSet")
                ]
                if inner:
                    self.skip(node, "bpmn.unmapped.subprocess", count=len(inner))
            elif local in ("inclusiveGateway", "complexGateway", "eventBasedGateway"):
                self.skip(node, "bpmn.unmapped.gateway_kind", step=step_id)
            if local in _EVENTS:
                for definition in node:
                    kind = _local(definition)
                    if kind.endswith("EventDefinition") and not (
                        kind == "timerEventDefinition" and local == "intermediateCatchEvent"
                    ):
                        self.skip(
                            node,
                            "bpmn.unmapped.event_definition",
                            kind=kind.replace("EventDefinition", ""),
                            step=step_id,
                        )
        step["role"] = role
        self.steps[bpmn_id] = step
        self.step_of[bpmn_id] = step_id
        self.kind[bpmn_id] = local

    def _type(self, node: Any) -> str:
        local = _local(node)
        if local == "startEvent":
            return "start"
        if local == "endEvent":
            return "end"
        if local in ("intermediateCatchEvent", "intermediateThrowEvent"):
            return "wait"
        if local == "parallelGateway":
            node_id = node.get("id")
            incoming, outgoing = self._flow_counts(node.getparent())
            return "join" if incoming.get(node_id, 0) > 1 and outgoing.get(node_id, 0) <= 1 else "parallel"
        if local in _GATEWAYS:
            return "decision"
        return "task"

    def _flow_counts(self, parent: Any) -> tuple[dict[str, int], dict[str, int]]:
        """Incoming and outgoing sequence flows per node id of ``parent``, counted once per parent (not once per
        gateway: 4,000 gateways took minutes)."""
        cache: dict[int, tuple[dict[str, int], dict[str, int]]] = self.__dict__.setdefault("_flow_count_cache", {})
        counts = cache.get(id(parent))
        if counts is None:
            incoming: dict[str, int] = {}
            outgoing: dict[str, int] = {}
            for flow in parent.findall(q(BPMN, "sequenceFlow")) if parent is not None else ():
                target, source = _ref(flow.get("targetRef")), _ref(flow.get("sourceRef"))
                incoming[target] = incoming.get(target, 0) + 1
                outgoing[source] = outgoing.get(source, 0) + 1
            counts = cache[id(parent)] = (incoming, outgoing)
        return counts

    # -- flows ---------------------------------------------------------------------------
    def _flows(
        self, processes: dict[str, Any], collaborations: list[Any]
    ) -> dict[str, list[tuple[tuple[int, int], dict[str, Any]]]]:
        branches: dict[str, list[tuple[tuple[int, int], dict[str, Any]]]] = {}
        mixed: set[str] = set()
        flow_of: dict[str, dict[int, Any]] = {}
        flows = [f for p in processes.values() for f in p.findall(q(BPMN, "sequenceFlow"))]
        flows += [f for c in collaborations for f in c.findall(q(BPMN, "messageFlow"))]
        for position, flow in enumerate(flows):
            source = _ref(flow.get("sourceRef"))
            target = _ref(flow.get("targetRef"))
            if source in self.relays:
                continue  # read as part of the flow into the relay
            seen: set[str] = set()
            while target in self.relays and target not in seen:  # through the export's relays
                seen.add(target)
                target = _ref(self.relays[target].get("targetRef"))
            if source not in self.steps or target not in self.steps:
                reason = "bpmn.unmapped.message_flow" if _local(flow) == "messageFlow" else "bpmn.unmapped.flow"
                self.skip(flow, reason, source=source or "-", target=target or "-")
                continue
            info = decode(_pm(flow, "branch")) if _pm(flow, "branch") is not None else None
            branch: dict[str, Any] = {"to": self.step_of[target]}
            if info is not None:
                if flow.get("name") is not None:
                    branch["when"] = flow.get("name")
                if "p" in info:
                    branch["p"] = info["p"]
                if info.get("return") == "expected":
                    branch["return"] = "expected"
                order = info.get("order")
                key = (0, int(order)) if order is not None and str(order).isdigit() else (1, position)
            else:
                condition = flow.find(q(BPMN, "conditionExpression"))
                when = _clean(flow.get("name")) or _clean(condition.text if condition is not None else None)
                if when:
                    branch["when"] = when
                key = (1, position)
            branches.setdefault(source, []).append((key, branch))
            flow_of.setdefault(source, {})[id(branch)] = flow
            if info is None and _local(flow) == "messageFlow":
                mixed.add(source)
        for source, found in flow_of.items():  # a flow that repeats one to the same step says nothing more
            ordered = sorted(branches[source], key=lambda item: item[0])
            parallel = self.steps[source].get("type") == "parallel"
            repeated = {index for index, _ in repeated_next([b for _, b in ordered], parallel=parallel)}
            for index in sorted(repeated):
                step = self.step_of[source]
                self.skip(
                    found[id(ordered[index][1])], "bpmn.unmapped.flow_twice", step=step, to=ordered[index][1]["to"]
                )
            branches[source] = [item for index, item in enumerate(ordered) if index not in repeated]
        for source in sorted(mixed, key=list(self.steps).index):
            if len(branches.get(source, [])) > 1:
                self.unmapped.append(
                    Unmapped(
                        self.kind[source],
                        source,
                        self.steps[source].get("name"),
                        "bpmn.unmapped.mixed_branches",
                        {"step": self.step_of[source]},
                    )
                )
        return branches

    def _vendor(self) -> None:
        """Foreign (vendor) elements and attributes, one entry per namespace."""
        counts: dict[str, int] = {}
        skip_inside: set[int] = set()
        for element in self.root.iter():
            if not isinstance(element.tag, str):
                continue
            parent = element.getparent()
            if parent is not None and id(parent) in skip_inside:
                skip_inside.add(id(element))
                continue
            namespace = element.tag[1:].split("}", 1)[0] if element.tag.startswith("{") else ""
            if namespace not in _KNOWN_NS:
                counts[namespace or "-"] = counts.get(namespace or "-", 0) + 1
                skip_inside.add(id(element))
            for attribute in element.attrib:
                if attribute.startswith("{"):
                    attr_ns = attribute[1:].split("}", 1)[0]
                    if attr_ns not in _KNOWN_NS:
                        counts[attr_ns] = counts.get(attr_ns, 0) + 1
        for namespace, count in counts.items():
            self.unmapped.append(Unmapped("extension", namespace, None, "bpmn.unmapped.vendor", {"count": count}))

    # -- the map -------------------------------------------------------------------------
    def _assemble(
        self,
        branches: dict[str, list[tuple[tuple[int, int], dict[str, Any]]]],
        processes: dict[str, Any],
        collaborations: list[Any],
    ) -> dict[str, Any]:
        steps = sorted(self.steps.items(), key=lambda item: item[1]["_order"])
        out_steps: list[dict[str, Any]] = []
        for bpmn_id, step in steps:
            step = {k: v for k, v in step.items() if not k.startswith("_")}
            step["next"] = [b for _, b in sorted(branches.get(bpmn_id, []), key=lambda item: item[0])]
            out_steps.append(step)
        if self.meta is not None:
            data = {k: v for k, v in self.meta.items()}
            data["procesmap"] = 1
            step_ids = {s["id"] for s in out_steps}
            for issue in data.get("issues", []):
                if isinstance(issue, dict) and issue.get("step") and issue["step"] not in step_ids:
                    self.unmapped.append(
                        Unmapped(
                            "issue", str(issue.get("id")), None, "bpmn.unmapped.issue_step", {"step": issue["step"]}
                        )
                    )
                    issue.pop("step")
        else:
            names = [self.root.get("name")] + [p.get("name") for p in processes.values()]
            names += [p.get("name") for c in collaborations for p in c.findall(q(BPMN, "participant"))]
            name = next((_clean(n) for n in names if _clean(n)), None)
            data = {"procesmap": 1, "id": _slug(name or "bpmn-import"), "name": name, "language": self.lang}
            docs = [self._documentation(p, clean=True) for p in processes.values()]
            description = next((d for d in docs if d), None)
            if description:
                data["description"] = description
        data["organisations"] = self.organisations
        data["teams"] = self.teams
        data["roles"] = self.roles
        data["steps"] = out_steps
        return data


def _yaml_text(data: dict[str, Any], unmapped: list[Unmapped], lang: str, source: str) -> str:
    import yaml  # lazy: PyYAML loads only when a draft map is written

    process = Process.model_validate(data)
    clean = process.model_dump(mode="json", exclude_defaults=True)
    for step in clean.get("steps", []):
        nxt = step.get("next")
        if isinstance(nxt, list) and len(nxt) == 1 and set(nxt[0]) == {"to"}:
            step["next"] = nxt[0]["to"]
    clean["procesmap"] = 1
    lines = [f"# {t('bpmn.yaml.header', lang, source=source)}"]
    if unmapped:
        lines.append(f"# {t('bpmn.yaml.unmapped', lang, count=len(unmapped))}")
        for item in unmapped:
            lines.append("#   - " + " ".join(item.text(lang).split()))
    else:
        lines.append(f"# {t('bpmn.yaml.all_mapped', lang)}")
    body: str = yaml.dump(
        clean,
        Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),  # libyaml: linear and fast
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return "\n".join(lines) + "\n" + body


def import_bpmn(
    source: bytes | str | Path, *, lang: str | None = None, process_id: str | None = None, display: str | None = None
) -> ImportResult:
    """Read a BPMN 2.0 file (a path, or its bytes/text) into a draft map.

    ``lang`` is the language of the texts procesmap adds (comments, the "unknown" role) and of
    the map's ``language`` for foreign files (default Dutch); ``process_id`` overrides the id of a
    foreign map (the CLI passes the file's stem). Raises :class:`LoadError` (exit code 2) for a
    file that is not BPMN 2.0, is unsafe (DOCTYPE/entities) or has no flow node at all.
    """
    language = lang if lang in ("nl", "en") else "nl"
    root, file = read_bpmn(source, display)
    from procesmap.bpmn._safety import (  # lazy: loads only for this step of a BPMN import or export
        check_steps,
        check_unique_ids,
    )

    check_steps(root, file)  # a model too large for one map is refused before the mapping starts
    check_unique_ids(root, file)  # two elements with one id: the second would silently replace the first
    importer = _Importer(root, file, language)
    data = importer.run()
    if process_id and importer.meta is None:
        data["id"] = _slug(process_id)
    shown = Path(file).name if not file.startswith("<") else file
    from procesmap.bpmn._safety import (  # lazy: loads only for this step of a BPMN import or export
        extension_problem,
        has_extension,
        validate_draft,
    )

    validate_draft(data, root, file)  # a bad pm: value is a problem at its line, never a traceback
    text = _yaml_text(data, importer.unmapped, language, shown)
    try:
        loads(text, file=f"{file}.yaml")
    except LoadError as err:
        first = err.problems[0]
        if first.key in ("limits.too_many_values", "load.too_many_nodes"):  # too large for one map: no bug
            raise LoadError.single(
                file,
                1,
                1,
                "limits.bpmn_too_many_steps",
                {"limit": Count(MAX_IMPORT_STEPS)},
                "limits.hint.bpmn_too_many_steps",
                {},
            ) from None
        if has_extension(root):  # values from the pm: extension (edited by hand?) that do not fit together
            raise LoadError([extension_problem(file, first.message(language))]) from None
        # a bug in the mapping: say so clearly, never a traceback
        raise LoadError.single(
            file,
            1,
            1,
            "bpmn.import_invalid",
            {"detail": Message(first.key, **first.args)},  # in the language of the run
            "hint.bpmn.import_invalid",
            {},
        ) from None
    return ImportResult(text, importer.unmapped)
