"""Zaaktypen as the ZGW Catalogi API (1.3) gives them, read from a file.

What is read (docs/zaaksysteem.md):

- a Catalogi API ``ZaakType`` object, a list of them, or a paginated list (``{"count", "results"}``), as
  ``GET /zaaktypen`` returns them; ``StatusType`` and ``RolType`` objects may stand in the same list
  (``GET /statustypen`` and ``/roltypen``), and are linked to their zaaktype by its URL;
- an Open Zaak catalogue export: the ZIP of ``ZaakType.json``, ``StatusType.json``, ``RolType.json``, ...;
- an Open Zaak database fixture (``[{"model": "catalogi.zaaktype", "fields": {...}}, ...]``), whose field
  names are the database columns (``doorlooptijd_behandeling``); they are read as their API names.

Durations are ISO 8601 (``P56D``, ``P8W``, ``P1Y``): :func:`zgw_days` gives their length in days as a range,
because a year or a month has no fixed length.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from procesmap._io import open_regular
from procesmap._safe_text import strip_control
from procesmap.model import slugify
from procesmap.zgw._safe import MAX_JSON_BYTES, MAX_ZIP_BYTES, fail, parse_json, read_bytes, zip_members

__all__ = ["ZaakType", "StatusType", "RolType", "Catalogue", "read_catalogue", "zgw_days", "ZgwDuration"]

_ISO = re.compile(
    r"^P(?!$)(?:(?P<y>\d+)Y)?(?:(?P<mo>\d+)M)?(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?"
    r"(?:T(?=\d)(?:(?P<h>\d+)H)?(?:(?P<mi>\d+)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)


@dataclass(frozen=True)
class ZgwDuration:
    """An ISO 8601 duration of the API: its text and its length in days, as a range (years and months vary)."""

    text: str
    low: float
    high: float

    @property
    def exact(self) -> bool:
        return self.low == self.high


def zgw_days(text: Any) -> ZgwDuration | None:
    """``"P56D"`` -> 56 days; ``"P1Y"`` -> 365 to 366 days; ``"P2M"`` -> 56 to 62 days; ``None`` if not ISO 8601."""
    if not isinstance(text, str):
        return None
    match = _ISO.match(text.strip().upper())
    if not match:
        return None
    part = {k: float(v) if v else 0.0 for k, v in match.groupdict().items()}
    fixed = part["w"] * 7 + part["d"] + part["h"] / 24 + part["mi"] / 1440 + part["s"] / 86400
    low = fixed + part["y"] * 365 + part["mo"] * 28
    high = fixed + part["y"] * 366 + part["mo"] * 31
    return ZgwDuration(text.strip(), low, high)


@dataclass
class StatusType:
    omschrijving: str
    volgnummer: int
    url: str | None = None
    zaaktype: str | None = None
    doorlooptijd: str | None = None
    toelichting: str | None = None
    statustekst: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class RolType:
    omschrijving: str
    omschrijving_generiek: str | None = None
    url: str | None = None
    zaaktype: str | None = None


@dataclass
class ZaakType:
    """One zaaktype with the statustypen (in ``volgnummer`` order) and roltypen that belong to it."""

    identificatie: str
    omschrijving: str | None
    doorlooptijd: str | None
    servicenorm: str | None = None
    opschorting: bool | None = None
    verlenging: bool | None = None
    verlengingstermijn: str | None = None
    url: str | None = None
    toelichting: str | None = None
    doel: str | None = None
    aanleiding: str | None = None
    begin: str | None = None
    statustypen: list[StatusType] = field(default_factory=list)
    roltypen: list[RolType] = field(default_factory=list)
    status_urls: list[str] = field(default_factory=list)  # statustypen the zaaktype names by URL
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass
class Catalogue:
    """Zaaktypen read from one file, and what else it held (counted, for the unmapped list)."""

    file: str
    zaaktypen: list[ZaakType]
    other: dict[str, int] = field(default_factory=dict)  # kind (resultaattype, ...) -> count

    def identificaties(self) -> list[str]:
        return sorted({z.identificatie for z in self.zaaktypen})

    def get(self, identificatie: str) -> ZaakType | None:
        """The newest version (latest ``beginGeldigheid``) of a zaaktype, by identificatie (or omschrijving)."""
        wanted = identificatie.strip().lower()
        found = [z for z in self.zaaktypen if z.identificatie.lower() == wanted]
        if not found:
            found = [z for z in self.zaaktypen if (z.omschrijving or "").strip().lower() == wanted]
        if not found:
            return None
        return max(found, key=lambda z: z.begin or "")

    def match(self, process: Any) -> ZaakType | None:
        """The zaaktype a map stands for: the one its ``zaaktype:`` names; else the only one in the catalogue;
        else the one whose identificatie (as an id) or omschrijving is the map's id or name."""
        named = getattr(process, "zaaktype", None)
        if named:
            return self.get(named)
        if len(self.identificaties()) == 1:
            return self.get(self.identificaties()[0])
        for zaaktype in sorted(self.zaaktypen, key=lambda z: z.begin or "", reverse=True):
            if slugify(zaaktype.identificatie) == process.id:
                return zaaktype
            name = (process.name or "").strip().lower()
            if name and (zaaktype.omschrijving or "").strip().lower() == name:
                return zaaktype
        return None


# -- objects of the API (camelCase) and of the database fixture (snake_case) ----------------------------------

_FIXTURE_FIELDS = {
    "catalogi.zaaktype": {
        "zaaktype_omschrijving": "omschrijving",
        "doorlooptijd_behandeling": "doorlooptijd",
        "servicenorm_behandeling": "servicenorm",
        "opschorting_en_aanhouding_mogelijk": "opschortingEnAanhoudingMogelijk",
        "verlenging_mogelijk": "verlengingMogelijk",
        "datum_begin_geldigheid": "beginGeldigheid",
    },
    "catalogi.statustype": {"statustype_omschrijving": "omschrijving", "statustypevolgnummer": "volgnummer"},
    "catalogi.roltype": {"omschrijving_generiek": "omschrijvingGeneriek"},
}
_KINDS = {"catalogi.zaaktype": "zaaktype", "catalogi.statustype": "statustype", "catalogi.roltype": "roltype"}


def _kind(obj: dict[str, Any]) -> str | None:
    """What an API object is, from its fields (the API has no type field)."""
    if "volgnummer" in obj and "omschrijving" in obj:
        return "statustype"
    if "doorlooptijd" in obj and "identificatie" in obj:
        return "zaaktype"
    if "omschrijvingGeneriek" in obj and "omschrijving" in obj and "zaaktype" in obj:
        return "roltype"
    return None


#: What JSON may hold and a YAML file may not (besides the control characters of :func:`strip_control`): a lone
#: surrogate (``"\\ud800"``) and the non-characters U+FFFE and U+FFFF.
_NOT_YAML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def safe_text(text: str) -> str:
    """``text`` with every character a YAML file cannot hold replaced by U+FFFD (control characters, lone
    surrogates, U+FFFE/U+FFFF): a zaaktype's texts go into a draft map and its comments."""
    text = strip_control(text)
    return _NOT_YAML.sub("\ufffd", text) if _NOT_YAML.search(text) else text


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = safe_text(str(value).replace("\r\n", "\n").replace("\r", "\n")).strip()
    return text or None


def _flag(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def _zaaktype(obj: dict[str, Any]) -> ZaakType | None:
    identificatie = _text(obj.get("identificatie"))
    if identificatie is None:
        return None
    listed = obj.get("statustypen")
    urls: list[Any] = listed if isinstance(listed, list) else []
    return ZaakType(
        identificatie=identificatie,
        omschrijving=_text(obj.get("omschrijving")),
        doorlooptijd=_text(obj.get("doorlooptijd")),
        servicenorm=_text(obj.get("servicenorm")),
        opschorting=_flag(obj.get("opschortingEnAanhoudingMogelijk")),
        verlenging=_flag(obj.get("verlengingMogelijk")),
        verlengingstermijn=_text(obj.get("verlengingstermijn")),
        url=_text(obj.get("url")),
        toelichting=_text(obj.get("toelichting")),
        doel=_text(obj.get("doel")),
        aanleiding=_text(obj.get("aanleiding")),
        begin=_text(obj.get("beginGeldigheid")),
        status_urls=[u for u in urls if isinstance(u, str)],
        raw=obj,
    )


def _statustype(obj: dict[str, Any]) -> StatusType | None:
    name = _text(obj.get("omschrijving"))
    number = obj.get("volgnummer")
    if name is None or isinstance(number, bool) or not isinstance(number, int):
        return None
    return StatusType(
        name,
        number,
        _text(obj.get("url")),
        _text(obj.get("zaaktype")),
        _text(obj.get("doorlooptijd")),
        _text(obj.get("toelichting")),
        _text(obj.get("statustekst")),
    )


def _roltype(obj: dict[str, Any]) -> RolType | None:
    name = _text(obj.get("omschrijving"))
    if name is None:
        return None
    return RolType(name, _text(obj.get("omschrijvingGeneriek")), _text(obj.get("url")), _text(obj.get("zaaktype")))


class _Collect:
    def __init__(self) -> None:
        self.zaaktypen: list[ZaakType] = []
        self.statustypen: list[StatusType] = []
        self.roltypen: list[RolType] = []
        self.other: dict[str, int] = {}

    def add(self, obj: Any, kind: str | None = None) -> None:
        if not isinstance(obj, dict):
            self.other["-"] = self.other.get("-", 0) + 1
            return
        if "model" in obj and isinstance(obj.get("fields"), dict):  # a database fixture
            model = str(obj["model"])
            fields = {_FIXTURE_FIELDS.get(model, {}).get(k, k): v for k, v in obj["fields"].items()}
            key = obj.get("pk")
            if model in _KINDS:
                fields.setdefault("url", f"pk:{model}:{key}")
                if model != "catalogi.zaaktype" and "zaaktype" in fields:
                    fields["zaaktype"] = f"pk:catalogi.zaaktype:{fields['zaaktype']}"
                kind = _KINDS[model]
            else:
                name = model.split(".")[-1]
                self.other[name] = self.other.get(name, 0) + 1
                return
            obj = fields
        kind = kind or _kind(obj)
        made: Any = None
        if kind == "zaaktype":
            made = _zaaktype(obj)
            if made is not None:
                self.zaaktypen.append(made)
        elif kind == "statustype":
            made = _statustype(obj)
            if made is not None:
                self.statustypen.append(made)
        elif kind == "roltype":
            made = _roltype(obj)
            if made is not None:
                self.roltypen.append(made)
        if made is None:
            name = kind or "-"
            self.other[name] = self.other.get(name, 0) + 1

    def add_document(self, data: Any, kind: str | None = None) -> None:
        if isinstance(data, dict) and isinstance(data.get("results"), list):
            data = data["results"]  # a paginated list
        if isinstance(data, list):
            for item in data:
                self.add(item, kind)
        else:
            self.add(data, kind)

    def link(self, file: str) -> Catalogue:
        by_url = {z.url: z for z in self.zaaktypen if z.url}
        single = self.zaaktypen[0] if len(self.zaaktypen) == 1 else None
        for status in self.statustypen:
            owner = by_url.get(status.zaaktype or "")
            if owner is None:
                owner = next((z for z in self.zaaktypen if status.url and status.url in z.status_urls), None)
            if owner is None and single is not None and not status.zaaktype:
                owner = single
            if owner is not None:
                owner.statustypen.append(status)
            else:
                self.other["statustype"] = self.other.get("statustype", 0) + 1
        for role in self.roltypen:
            owner = by_url.get(role.zaaktype or "") or (single if single is not None and not role.zaaktype else None)
            if owner is not None:
                owner.roltypen.append(role)
            else:
                self.other["roltype"] = self.other.get("roltype", 0) + 1
        for zaaktype in self.zaaktypen:
            zaaktype.statustypen.sort(key=lambda s: s.volgnummer)
        return Catalogue(file, self.zaaktypen, self.other)


#: Open Zaak export entries -> the kind of object in them
_ZIP_ENTRIES = {"zaaktype.json": "zaaktype", "statustype.json": "statustype", "roltype.json": "roltype"}


def read_catalogue(source: str | os.PathLike[str] | bytes, display: str | None = None) -> Catalogue:
    """Read zaaktypen from a Catalogi API JSON file, an Open Zaak export ZIP or an Open Zaak fixture.

    ``source`` is a path or the file's bytes. Raises :class:`~procesmap.errors.LoadError` (exit code 2) for a
    file that is missing, too large, not JSON, an unsafe ZIP, or holds no zaaktype.
    """
    if isinstance(source, (bytes, bytearray)):
        file = display or "<zaaktype>"
        data = bytes(source)
        if len(data) > max(MAX_JSON_BYTES, MAX_ZIP_BYTES):
            raise fail(file, "zgw.too_large", "hint.zgw.too_large", size=len(data), limit=MAX_ZIP_BYTES)
    else:
        file = display or str(source)
        limit = MAX_ZIP_BYTES if Path(source).suffix.lower() == ".zip" else MAX_JSON_BYTES
        data = read_bytes(source, file, max(limit, MAX_JSON_BYTES) if _is_zip_file(source) else limit)
    collect = _Collect()
    if data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06":
        members = zip_members(data, file, lambda name: name.lower().endswith(".json"))
        for name, content in sorted(members.items()):
            base = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
            kind = _ZIP_ENTRIES.get(base)
            if kind is None:
                stem = base.removesuffix(".json")
                collect.other[stem] = collect.other.get(stem, 0) + _count(parse_json(content, f"{file}!{name}"))
                continue
            collect.add_document(parse_json(content, f"{file}!{name}"), kind)
    else:
        collect.add_document(parse_json(data, file))
    catalogue = collect.link(file)
    if not catalogue.zaaktypen:
        raise fail(file, "zgw.no_zaaktype", "hint.zgw.no_zaaktype")
    return catalogue


def _is_zip_file(source: Any) -> bool:
    try:
        with open_regular(source, record=False) as handle:
            return handle.read(4) in (b"PK\x03\x04", b"PK\x05\x06")
    except (OSError, ValueError):
        return False


def _count(data: Any) -> int:
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        return len(data["results"])
    return len(data) if isinstance(data, list) else 1
