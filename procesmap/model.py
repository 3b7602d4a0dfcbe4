"""The typed model of a process file, format 1 (docs/format.md specifies it).

Pydantic models, so that validation errors carry a path we map back to
``file:line:column`` (:mod:`procesmap.loading`) and so that ``procesmap
schema`` can hand editors a JSON Schema generated from the same source.
References between ids are checked by the loader, not here: a model can be
built in a notebook without a file.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any, Literal
import unicodedata

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from procesmap.durations import (
    Calendar,
    Duration,
    DurationError,
    Fixed,
    bounded,
    format_duration,
    parse_duration,
)

__all__ = [
    "FORMAT_VERSION",
    "STEP_TYPES",
    "Process",
    "Step",
    "Branch",
    "Raci",
    "Role",
    "Team",
    "Organisation",
    "System",
    "Knelpunt",
    "CalendarModel",
    "Volume",
    "SourceMap",
]

FORMAT_VERSION = 1
STEP_TYPES = ("start", "task", "decision", "parallel", "join", "wait", "end")
SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$")


def _custom(key: str, hint_key: str | None = None, **args: Any) -> PydanticCustomError:
    """A validation error that carries catalogue keys (read back by the loader)."""
    return PydanticCustomError("procesmap", key, {"key": key, "hint_key": hint_key, **args})


def _plain_number(value: float) -> str:
    """``5.0`` -> ``5``, ``4.8`` -> ``4.8``: a number as the file wrote it."""
    return str(int(value)) if value == int(value) else repr(value)


def slugify(text: str) -> str:
    """What a mistyped id most likely meant: ``Advies ODR`` -> ``advies-odr``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9_]+", "-", ascii_text.lower()).strip("-_")
    return slug or "id"


def _check_slug(value: Any) -> Any:
    if isinstance(value, str) and not SLUG.match(value):
        raise _custom("value.bad_id", "hint.bad_id", value=value, example=slugify(value))
    return value


Id = Annotated[str, BeforeValidator(_check_slug), Field(json_schema_extra={"pattern": SLUG.pattern})]


#: Durations read before, by the text as written (``1d``) or the texts of a mapping (``{min: 1h, ...}``):
#: a map repeats the same few thousands of times; the durations are frozen, so one object serves them all.
_DURATIONS: dict[Any, Duration] = {}


def _duration_key(value: Any) -> Any:
    """``value`` as a memo key: text, or a mapping of texts to texts (numbers are left out: ``cv: 1`` is not ``cv: true``)."""
    if type(value) is str:
        return value
    if type(value) is dict:
        kinds = set(map(type, value.values()))
        if kinds <= {str} and set(map(type, value)) <= {str}:
            return tuple(value.items())
    return None


def _to_duration(value: Any) -> Duration:
    if isinstance(value, (Fixed,)) or type(value).__name__ in ("Triangular", "Samples", "Gamma"):
        parsed: Duration = value  # already parsed (models built in Python)
        return parsed
    key = _duration_key(value)
    if key is not None:
        known = _DURATIONS.get(key)
        if known is not None:
            return known
    try:
        duration = bounded(parse_duration(value), value)
    except DurationError as err:
        raise _custom(err.key, err.hint_key, **err.args_) from None
    if key is not None and len(_DURATIONS) < 10_000:
        _DURATIONS[key] = duration
    return duration


_ISO_NUMBER = r"[0-9]+([.,][0-9]+)?"
_AMOUNT_SCHEMA = {
    "type": "string",
    # exactly what durations.parse_amount reads (tests/test_schema_spellings.py): spaces around the amount, the
    # short form with a lower-case unit, ISO 8601 in either case with decimals (P1.5D, PT1,5H), a T only before
    # a time part; ECMA-262 has no flags, so the letters of ISO are classes
    "pattern": rf"^\s*(([0-9]+(\.[0-9]+)?|\.[0-9]+)[mhdw]|[Pp](?!\s*$)({_ISO_NUMBER}[Ww])?({_ISO_NUMBER}[Dd])?"
    rf"([Tt](?=[0-9])({_ISO_NUMBER}[Hh])?({_ISO_NUMBER}[Mm])?({_ISO_NUMBER}[Ss])?)?)\s*$",
    "description": "A duration: a number and a unit (m, h, d, w), e.g. 15m, 1.5d, 8w; or ISO 8601 (P8W, PT30M).",
}
_DURATION_SCHEMA = {
    "anyOf": [
        _AMOUNT_SCHEMA,
        {
            "type": "object",
            "properties": {"min": _AMOUNT_SCHEMA, "mode": _AMOUNT_SCHEMA, "max": _AMOUNT_SCHEMA},
            "required": ["min", "mode", "max"],
            "additionalProperties": False,
            "description": "A triangular distribution.",
        },
        {
            "type": "object",
            "properties": {"samples": {"type": "array", "items": _AMOUNT_SCHEMA, "minItems": 1}},
            "required": ["samples"],
            "additionalProperties": False,
            "description": "Observed values, drawn from uniformly.",
        },
        {
            "type": "object",
            "properties": {
                "mean": _AMOUNT_SCHEMA,
                "cv": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 10,
                    "description": "Coefficient of variation: 1 exponential, 0 fixed.",
                },
            },
            "required": ["mean", "cv"],
            "additionalProperties": False,
            "description": "A gamma distribution with this mean and coefficient of variation (cv 1 is exponential, cv 0 fixed).",
        },
    ]
}

DurationField = Annotated[
    Any,
    BeforeValidator(_to_duration),
    PlainSerializer(format_duration, return_type=Any),
    WithJsonSchema(_DURATION_SCHEMA),
]


def _fixed_only(value: Any) -> Any:
    if isinstance(value, dict):
        raise _custom("duration.fixed_only", "hint.duration.fixed_only")
    return value


TermField = Annotated[DurationField, BeforeValidator(_fixed_only), WithJsonSchema(_AMOUNT_SCHEMA)]


def _as_list(value: Any) -> Any:
    """``C: adviseur`` is read as ``C: [adviseur]``: one role is a list of one."""
    if isinstance(value, str):
        return [value]
    return value


_ID_SCHEMA = {"type": "string", "pattern": SLUG.pattern}
RoleList = Annotated[
    list[Id],
    BeforeValidator(_as_list),
    WithJsonSchema({"anyOf": [_ID_SCHEMA, {"type": "array", "items": _ID_SCHEMA}]}),
]
TextList = Annotated[
    list[str],
    BeforeValidator(_as_list),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}),
]
_BRANCH_SCHEMA = {
    "type": "object",
    "properties": {
        "to": _ID_SCHEMA,
        "p": {"type": "number", "minimum": 0, "maximum": 1},
        "when": {"type": "string"},
        "return": {"enum": ["expected"]},
    },
    "required": ["to"],
    "additionalProperties": False,
}


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", populate_by_name=True, json_schema_extra={"patternProperties": {"^x-": {}}}
    )


def _whole(value: Any) -> Any:
    """``people: 3.0`` is 3 (as JSON Schema's integer takes it); any other value as it is, for the strict check."""
    if isinstance(value, float) and value.is_integer() and abs(value) <= 1e15:
        return int(value)
    return value


# A map read from a file is validated in strict mode (procesmap._model_problems._validate): a quoted `p: "0.3"`,
# `people: "3"` or `suspends_term: "yes"`, and `p: true` (1.0), are errors, as in the JSON Schema
# (tests/test_schema_spellings.py). Built in Python (a BPMN import's attributes are text), the model is lax.


class Organisation(_Model):
    name: str | None = None
    description: str | None = None


class Team(_Model):
    name: str | None = None
    organisation: Id | None = None
    description: str | None = None


class Role(_Model):
    name: str | None = None
    team: Id | None = None
    organisation: Id | None = Field(None, description="Extension: the organisation of a role that belongs to no team.")
    people: Annotated[int | None, BeforeValidator(_whole)] = Field(None, ge=1, le=100_000)
    fte: float | None = Field(None, gt=0, le=100_000, allow_inf_nan=False)
    backup: RoleList = Field(default_factory=list, description="One role id or a list of them.")
    external: bool = False
    description: str | None = None

    @model_validator(mode="after")
    def _fte_within_people(self) -> "Role":
        """``fte`` counts full-time jobs of the calendar's week: at most one per person (docs/format.md, 'Organisations, teams, roles and systems')."""
        if self.people is not None and self.fte is not None and self.fte > self.people + 1e-9:
            raise _custom(
                "value.fte_over_people",
                "hint.value.fte_over_people",
                at=("fte",),
                fte=_plain_number(self.fte),
                people=self.people,
            )
        return self


class System(_Model):
    name: str | None = None
    kind: Literal["digital", "manual"] = Field(
        "digital", description="`manual`: a medium outside the case system (mail, paper, phone)."
    )
    description: str | None = None


class Raci(_Model):
    R: Id | None = Field(None, description="Responsible; defaults to the step's role.")
    A: Id | None = Field(None, description="Accountable: one role; defaults to the process owner.")
    C: RoleList = Field(default_factory=list, description="Consulted.")
    I: RoleList = Field(default_factory=list, description="Informed.")  # noqa: E741


class Branch(_Model):
    model_config = ConfigDict(serialize_by_alias=True)

    to: Id
    p: float | None = Field(None, ge=0, le=1, allow_inf_nan=False)
    when: str | None = None
    return_: Literal["expected"] | None = Field(
        None,
        alias="return",
        description="`expected`: a return the law prescribes (e.g. zienswijze, Awb 4:7), not ping-pong.",
    )


def _as_branches(value: Any) -> Any:
    if isinstance(value, str):
        return [{"to": value}]
    if isinstance(value, list):
        return [{"to": item} if isinstance(item, str) else item for item in value]
    return value


class Step(_Model):
    id: Id
    name: str | None = None
    type: Literal["start", "task", "decision", "parallel", "join", "wait", "end"] = "task"
    role: Id | None = None
    raci: Raci = Field(default_factory=Raci)
    work: DurationField | None = Field(None, description="Effort of one person for one case.")
    wait: DurationField | None = Field(None, description="Queue time before the step starts (elapsed).")
    lead: DurationField | None = Field(None, description="Elapsed time of the step; defaults to work.")
    system: Id | None = None
    via: Id | None = Field(None, description="The medium of the handover into this step.")
    next: Annotated[
        list[Branch],
        BeforeValidator(_as_branches),
        WithJsonSchema({"anyOf": [_ID_SCHEMA, {"type": "array", "items": {"anyOf": [_ID_SCHEMA, _BRANCH_SCHEMA]}}]}),
    ] = Field(default_factory=list, description="A step id, or a list of branches {to, p, when}.")
    suspends_term: bool = Field(False, description="Opschorting (Awb 4:15): the term clock pauses during this step.")
    extends_term: bool = Field(
        False, description="The verdagingsbesluit: cases that pass this step get term + term_extension."
    )
    log: TextList = Field(default_factory=list, description="Activity names of this step in an event log.")
    status: str | None = Field(
        None,
        description="The statustype (its omschrijving) of the zaaktype that this step "
        "sets in the zaaksysteem (ZGW Catalogi API).",
    )
    subprocess: str | None = Field(None, description="The id of another process in the same repository.")
    description: str | None = None

    @property
    def label(self) -> str:
        return self.name or self.id


def _issue_id(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


class Knelpunt(_Model):
    """An issue (knelpunt) named in the workshop (``issues:``)."""

    id: Annotated[str, BeforeValidator(_issue_id)]
    step: Id | None = None
    text: str
    level: Literal["operational", "tactical", "strategic"] | None = None
    solution: str | None = None
    action: Literal["start", "stop", "continue"] | None = None
    owner: Id | None = None


class CalendarModel(_Model):
    hours_per_day: float = Field(8.0, gt=0, le=24, allow_inf_nan=False)
    days_per_week: float = Field(5.0, gt=0, le=7, allow_inf_nan=False)
    weeks_per_year: float = Field(46.0, gt=0, le=53, allow_inf_nan=False)

    def calendar(self) -> Calendar:
        return Calendar(self.hours_per_day, self.days_per_week, self.weeks_per_year)


# ASCII digits and letters, as the JSON Schema below (an editor's \d is [0-9]); the unit in any case (`30/Week`)
_VOLUME = re.compile(r"^\s*(?P<num>[0-9]+(?:\.[0-9]+)?)\s*/\s*(?P<unit>[A-Za-z]+)\s*$")
# `1.000/jaar`, `12.000/year`: a Dutch thousands point (a decimal point never has a group of exactly three digits
# after a number that does not start with 0 in a workshop's volume), and `1,5/dag`: a Dutch decimal comma
_VOLUME_THOUSANDS = re.compile(r"^\s*(?P<num>[1-9][0-9]{0,2}(?:\.[0-9]{3})+)\s*/\s*(?P<unit>[A-Za-z]+)\s*$")
_VOLUME_COMMA = re.compile(r"^\s*(?P<num>[0-9]+,[0-9]+)\s*/\s*(?P<unit>[A-Za-z]+)\s*$")
_VOLUME_UNITS = {
    "year": "year",
    "jaar": "year",
    "month": "month",
    "maand": "month",
    "week": "week",
    "day": "day",
    "dag": "day",
}


class Volume(_Model):
    """Arrivals per unit of time; ``1200/year``, also ``/month``, ``/week``, ``/day``."""

    amount: float
    unit: Literal["year", "month", "week", "day"]

    def per_year(self, calendar: Calendar) -> float:
        factor = {"year": 1.0, "month": 12.0, "week": 52.0, "day": calendar.days_per_week * 52.0}
        return self.amount * factor[self.unit]

    def __str__(self) -> str:
        amount = int(self.amount) if self.amount == int(self.amount) else self.amount
        return f"{amount}/{self.unit}"


def _to_volume(value: Any) -> Any:
    if isinstance(value, Volume):
        return value
    if isinstance(value, dict):  # not in the format (docs/format.md) nor in the schema: `volume` is text
        raise _custom("volume.invalid", "hint.volume", value="{...}", example="1200/year")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        example = f"{value}/year" if math.isfinite(value) and abs(value) < 1e12 else "1200/year"
        raise _custom("volume.no_unit", "hint.volume", example=example)
    if isinstance(value, str):
        thousands = _VOLUME_THOUSANDS.match(value)
        if thousands and thousands["unit"].lower() in _VOLUME_UNITS:
            count = thousands["num"].replace(".", "")
            example = f"{count}/{thousands['unit'].lower()}"
            raise _custom("volume.thousands", "hint.volume.thousands", value=value, example=example, count=count)
        comma = _VOLUME_COMMA.match(value)
        if comma and comma["unit"].lower() in _VOLUME_UNITS:
            example = f"{comma['num'].replace(',', '.')}/{comma['unit'].lower()}"
            raise _custom("volume.invalid", "hint.volume", value=str(value), example=example)
        match = _VOLUME.match(value)
        if match and match["unit"].lower() in _VOLUME_UNITS and len(match["num"]) <= 12:
            return Volume(amount=float(match["num"]), unit=_VOLUME_UNITS[match["unit"].lower()])
    raise _custom("volume.invalid", "hint.volume", value=str(value), example="1200/year")


VolumeField = Annotated[
    Volume,
    BeforeValidator(_to_volume),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            # exactly what _to_volume takes (tests/test_schema_spellings.py): Dutch units in any case, spaces
            # around the slash, at most 12 characters of number, but not a thousands point (`1.000/jaar`)
            "pattern": r"^\s*(?![1-9][0-9]{0,2}(\.[0-9]{3})+\s*/)(?![0-9.]{13})[0-9]+(\.[0-9]+)?\s*/\s*("
            + "|".join("".join(f"[{c.upper()}{c}]" for c in unit) for unit in _VOLUME_UNITS)
            + r")\s*$",
            "description": "Arrivals, e.g. 1200/year, 100/month, 25/week, 5/day.",
        }
    ),
]


class SourceMap:
    """Where each value of a process came from: path in the data -> (line, column), 1-based."""

    def __init__(
        self,
        file: str,
        values: dict[tuple[Any, ...], tuple[int, int]] | None = None,
        keys: dict[tuple[Any, ...], tuple[int, int]] | None = None,
    ):
        self.file = file
        self.values = values or {}
        self.keys = keys or {}

    def locate(self, path: tuple[Any, ...], *, key: bool = False) -> tuple[int, int]:
        """The place of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            if key and path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            if not path:
                return (1, 1)
            path = path[:-1]


class _FileModel(_Model):
    """A model read from a file: it knows where each of its values came from."""

    _source: SourceMap = PrivateAttr(default_factory=lambda: SourceMap("<memory>"))

    @property
    def file(self) -> str:
        return self._source.file

    @property
    def source(self) -> SourceMap:
        return self._source


class Process(_FileModel):
    """One process map (one file)."""

    procesmap: Literal[1] = Field(description="Format version; this tool reads format 1.")
    kind: Literal["process"] = Field(
        "process", description="`process` (the default) or, in a shared file, `organisation`."
    )
    id: Id
    name: str | None = None
    owner: str | None = Field(None, description="The process owner: a role id.")
    language: Literal["nl", "en"] = "nl"
    description: str | None = None
    term: TermField | None = Field(None, description="Legal decision term (beslistermijn), elapsed.")
    term_extension: TermField | None = Field(None, description="Allowed extension (verdaging).")
    service_norm: TermField | None = Field(None, description="The organisation's own promise.")
    zaaktype: str | None = Field(
        None,
        description="The identificatie of this process's zaaktype in the zaaksysteem's catalogue (ZGW Catalogi API).",
    )
    volume: VolumeField | None = None
    calendar: CalendarModel = Field(default_factory=CalendarModel)
    organisations: dict[Id, Organisation] = Field(default_factory=dict)
    teams: dict[Id, Team] = Field(default_factory=dict)
    roles: dict[Id, Role] = Field(default_factory=dict)
    systems: dict[Id, System] = Field(default_factory=dict)
    steps: list[Step] = Field(min_length=1)
    issues: list[Knelpunt] = Field(default_factory=list)

    # where definitions that come from another file live: (section, id) -> (file, line, column)
    _origins: dict[tuple[str, str], tuple[str, int, int]] = PrivateAttr(default_factory=dict)
    _index: Any = PrivateAttr(default=None)
    # a scenario (``--set``) remembers the map it started from: its queueing split is kept (analysis/queueing.py)
    _baseline: Any = PrivateAttr(default=None)
    _queue_cache: dict[Any, Any] = PrivateAttr(default_factory=dict)

    @property
    def baseline(self) -> "Process | None":
        """The map this scenario was made from by :func:`procesmap.whatif.apply_overrides`, else ``None``."""
        baseline: Process | None = self._baseline
        return baseline

    def origin(self, section: str, item_id: str) -> tuple[str, int, int] | None:
        """File, line and column of a definition that comes from another file (shared or subprocess)."""
        return self._origins.get((section, item_id))

    def step(self, step_id: str) -> Step:
        return self.steps_by_id[step_id]

    @property
    def steps_by_id(self) -> dict[str, Step]:
        return self._step_index()[0]

    def step_index(self, step_id: str) -> int:
        return self._step_index()[1][step_id]

    def _step_index(self) -> tuple[dict[str, Step], dict[str, int]]:
        """Steps by id and their positions, rebuilt whenever ``steps`` is another list (model_copy)."""
        cached = self._index
        if cached is None or cached[0] is not self.steps or len(cached[1]) != len(self.steps):
            by_id: dict[str, Step] = {}
            positions: dict[str, int] = {}
            for index, step in enumerate(self.steps):
                by_id.setdefault(step.id, step)
                positions.setdefault(step.id, index)
            cached = (self.steps, by_id, positions)
            self._index = cached
        return cached[1], cached[2]

    def team_of(self, role_id: str | None) -> str | None:
        role = self.roles.get(role_id or "")
        return role.team if role else None

    def organisation_of(self, role_id: str | None) -> str | None:
        role = self.roles.get(role_id or "")
        if role is None:
            return None
        if role.team and role.team in self.teams:
            return self.teams[role.team].organisation or role.organisation
        return role.organisation

    def is_external(self, role_id: str | None) -> bool:
        role = self.roles.get(role_id or "")
        return bool(role and role.external)

    def is_manual(self, system_id: str | None) -> bool:
        system = self.systems.get(system_id or "")
        return bool(system and system.kind == "manual")

    def role_name(self, role_id: str | None) -> str:
        role = self.roles.get(role_id or "")
        return (role.name if role and role.name else role_id) or "-"

    def where_step(self, step_id: str) -> tuple[str, int, int]:
        """File, line and column of a step, also for steps expanded from a subprocess."""
        origin = self.origin("steps", step_id)
        if origin:
            return origin
        return (self.file, *self.locate_step(step_id))

    def where_role(self, role_id: str) -> tuple[str, int, int]:
        """File, line and column of a role, also for roles defined in a shared organisation file."""
        origin = self.origin("roles", role_id)
        if origin:
            return origin
        return (self.file, *self.locate_role(role_id))

    def locate_step(self, step_id: str) -> tuple[int, int]:
        try:
            return self._source.locate(("steps", self.step_index(step_id)))
        except KeyError:
            return (1, 1)

    def locate_role(self, role_id: str) -> tuple[int, int]:
        return self._source.locate(("roles", role_id), key=True)

    def where_transition(self, source: str, target: str) -> tuple[str, int, int]:
        """File, line and column of the arrow source -> target (its ``next`` entry)."""
        origin = self.origin("steps", source)
        if origin:
            return origin
        return (self.file, *self.locate_transition(source, target))

    def locate_transition(self, source: str, target: str) -> tuple[int, int]:
        index = self.step_index(source)
        for j, branch in enumerate(self.steps[index].next):
            if branch.to == target:
                return self._source.locate(("steps", index, "next", j, "to"))
        return self.locate_step(source)


class OrganisationFile(_FileModel):
    """A shared file (``kind: organisation``) with organisations, teams, roles and systems used by several maps."""

    procesmap: Literal[1] = Field(description="Format version; this tool reads format 1.")
    kind: Literal["organisation"]
    description: str | None = None
    organisations: dict[Id, Organisation] = Field(default_factory=dict)
    teams: dict[Id, Team] = Field(default_factory=dict)
    roles: dict[Id, Role] = Field(default_factory=dict)
    systems: dict[Id, System] = Field(default_factory=dict)


SHARED_SECTIONS = ("organisations", "teams", "roles", "systems")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of format 1, for editors with a YAML language server."""
    schema = Process.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://procesmap.nl/schema/format-1.json"
    schema["title"] = "procesmap process file, format 1"
    schema.setdefault("patternProperties", {})["^x-"] = {}
    return schema
