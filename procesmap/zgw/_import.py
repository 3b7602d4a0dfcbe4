"""A zaaktype -> a draft map (YAML text) and the list of what it could not map.

- ``term`` from ``doorlooptijd``, ``service_norm`` from ``servicenorm``, ``term_extension`` from
  ``verlengingstermijn`` when ``verlengingMogelijk``; ``zaaktype`` is its ``identificatie``;
- one step per statustype, in ``volgnummer`` order (the first a start, the last an end), each with
  ``status:`` naming its statustype; the steps are done by the behandelaar's role;
- one role per roltype (initiator, belanghebbende and mede-initiator are external);
- descriptions (``toelichting``) kept.

Whatever has no place in a map (whether opschorting is allowed, the statustype's own doorlooptijd, a year or
month that has no fixed length, resultaattypen, ...) is listed as a comment at the top, never dropped.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from procesmap.errors import LoadError
from procesmap.i18n import Message, t
from procesmap.loading import loads
from procesmap.zgw._read import Catalogue, ZaakType, read_catalogue, safe_text, zgw_days

__all__ = ["ZaakTypeImport", "import_zaaktype", "zaaktype_map"]

_EXTERNAL = {"initiator", "belanghebbende", "mede_initiator", "klantcontacter"}


@dataclass
class Note:
    """One thing about the zaaktype that has no exact place in the map: a catalogue key and its arguments."""

    key: str
    args: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        return t(self.key, lang, **self.args)


@dataclass
class ZaakTypeImport:
    """The draft map as YAML text (it loads with :func:`procesmap.loads`), its data and the notes."""

    yaml_text: str
    data: dict[str, Any]
    unmapped: list[Note]
    zaaktype: ZaakType


def _term(value: str | None, field_name: str, notes: list[Note]) -> str | None:
    """An API duration as a map duration: whole days (``56d``); years and months become days, noted."""
    if value is None:
        return None
    length = zgw_days(value)
    if length is None:
        notes.append(Note("zgw.note.bad_duration", {"field": field_name, "value": value}))
        return None
    days = length.low
    if not length.exact:
        days = round((length.low + length.high) / 2) if "Y" not in value.upper() else round(length.low)
        notes.append(Note("zgw.note.calendar_duration", {"field": field_name, "value": value, "days": int(days)}))
    if days > 3650:
        notes.append(Note("zgw.note.bad_duration", {"field": field_name, "value": value}))
        return None
    whole = int(days) if float(days).is_integer() else None
    if whole is not None:
        return f"{whole}d"
    hours = round(days * 24, 4)
    return f"{int(hours) if float(hours).is_integer() else hours}h"


def zaaktype_map(
    zaaktype: ZaakType, catalogue: Catalogue | None = None, *, lang: str = "nl", process_id: str | None = None
) -> tuple[dict[str, Any], list[Note]]:
    """The map data of one zaaktype, and the notes on what it could not map."""
    from procesmap.bpmn._import import _Ids, _slug  # lazy: loads only for this step of a zaaktype import or export

    notes: list[Note] = []
    data: dict[str, Any] = {
        "procesmap": 1,
        "id": _slug(process_id or zaaktype.identificatie),
        "name": zaaktype.omschrijving or zaaktype.identificatie,
        "language": lang,
    }
    description = zaaktype.toelichting or zaaktype.doel
    if description:
        data["description"] = description
    data["zaaktype"] = zaaktype.identificatie
    term = _term(zaaktype.doorlooptijd, "doorlooptijd", notes)
    if term:
        data["term"] = term
    elif zaaktype.doorlooptijd is None:
        notes.append(Note("zgw.note.no_doorlooptijd"))
    if zaaktype.verlenging:
        extension = _term(zaaktype.verlengingstermijn, "verlengingstermijn", notes)
        if extension:
            data["term_extension"] = extension
        else:
            notes.append(Note("zgw.note.extension_without_term"))
    elif zaaktype.verlengingstermijn:
        notes.append(Note("zgw.note.extension_not_allowed", {"value": zaaktype.verlengingstermijn}))
    norm = _term(zaaktype.servicenorm, "servicenorm", notes)
    if norm:
        data["service_norm"] = norm
    if zaaktype.opschorting is not None:
        notes.append(Note("zgw.note.opschorting_yes" if zaaktype.opschorting else "zgw.note.opschorting_no"))
    # roles
    role_ids = _Ids()
    roles: dict[str, dict[str, Any]] = {}
    worker: str | None = None
    for role in zaaktype.roltypen:
        role_id = role_ids.new(role.omschrijving)
        entry: dict[str, Any] = {"name": role.omschrijving}
        generic = (role.omschrijving_generiek or "").lower()
        if generic in _EXTERNAL:
            entry["external"] = True
        if role.omschrijving_generiek:
            entry["description"] = f"roltype: {role.omschrijving_generiek}"
        roles[role_id] = entry
        if worker is None and generic == "behandelaar":
            worker = role_id
    if worker is None:
        worker = next((rid for rid, r in roles.items() if not r.get("external")), None)
    if worker is None:
        worker = role_ids.new("behandelaar")
        roles[worker] = {"name": "Behandelaar"}
        notes.append(Note("zgw.note.no_behandelaar", {"role": worker}))
    data["owner"] = worker
    data["roles"] = roles
    # steps
    step_ids = _Ids()
    statuses = zaaktype.statustypen
    steps: list[dict[str, Any]] = []
    for index, status in enumerate(statuses):
        step: dict[str, Any] = {"id": step_ids.new(status.omschrijving), "name": status.omschrijving}
        step["type"] = (
            "start" if index == 0 and len(statuses) > 1 else ("end" if index == len(statuses) - 1 else "task")
        )
        step["role"] = worker
        step["status"] = status.omschrijving
        if status.toelichting:
            step["description"] = status.toelichting
        if status.doorlooptijd:
            notes.append(
                Note("zgw.note.status_doorlooptijd", {"status": status.omschrijving, "value": status.doorlooptijd})
            )
        steps.append(step)
    if not steps:
        notes.append(Note("zgw.note.no_statustypen", {"count": len(zaaktype.status_urls)}))
        start = {
            "id": "start",
            "name": zaaktype.omschrijving or zaaktype.identificatie,
            "type": "start",
            "role": worker,
        }
        end = {"id": "einde" if lang == "nl" else "end", "type": "end", "role": worker}
        steps = [start, end]
    elif len(zaaktype.status_urls) > len(statuses):
        notes.append(Note("zgw.note.missing_statustypen", {"count": len(zaaktype.status_urls) - len(statuses)}))
    for current, following in zip(steps, steps[1:]):
        current["next"] = following["id"]
    data["steps"] = steps
    for name, value in (
        ("handelingBehandelaar", zaaktype.raw.get("handelingBehandelaar")),
        ("verantwoordelijke", zaaktype.raw.get("verantwoordelijke")),
        ("doel", zaaktype.doel if zaaktype.toelichting else None),
        ("aanleiding", zaaktype.aanleiding),
    ):
        if value:
            notes.append(Note("zgw.note.field", {"field": name, "value": " ".join(str(value).split())[:200]}))
    if catalogue is not None:
        for kind, count in sorted(catalogue.other.items()):
            notes.append(Note("zgw.note.other_objects", {"kind": kind, "count": count}))
    return data, notes


def _yaml_text(data: dict[str, Any], notes: list[Note], lang: str, source: str, identificatie: str) -> str:
    import yaml  # lazy: PyYAML loads only when a draft map is written

    header = t("zgw.yaml.header", lang, source=source, zaaktype=identificatie)
    lines = ["# " + " ".join(safe_text(header).split())]  # a file name may hold a line break
    if notes:
        lines.append(f"# {t('zgw.yaml.unmapped', lang, count=len(notes))}")
        for note in notes:
            lines.append("#   - " + " ".join(safe_text(note.text(lang)).split()))  # raw values and ZIP names too
    body: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    return "\n".join(lines) + "\n" + body


def import_zaaktype(
    source: str | os.PathLike[str] | bytes | Catalogue,
    *,
    identificatie: str | None = None,
    lang: str | None = None,
    display: str | None = None,
    process_id: str | None = None,
) -> ZaakTypeImport:
    """Read a zaaktype (a Catalogi API JSON, an Open Zaak export ZIP or fixture) into a draft map.

    With several zaaktypen in the file, ``identificatie`` picks one (else :class:`LoadError` naming them).
    Raises :class:`LoadError` (exit code 2) for a file that cannot be read.
    """
    language = lang if lang in ("nl", "en") else "nl"
    catalogue = source if isinstance(source, Catalogue) else read_catalogue(source, display)
    file = catalogue.file
    if identificatie is not None:
        zaaktype = catalogue.get(identificatie)
        if zaaktype is None:
            raise LoadError.single(
                file,
                1,
                1,
                "zgw.not_found",
                {"zaaktype": identificatie},
                "hint.zgw.choose",
                {"choices": ", ".join(catalogue.identificaties())},
            )
    elif len(catalogue.identificaties()) > 1:
        raise LoadError.single(
            file,
            1,
            1,
            "zgw.several",
            {"count": len(catalogue.identificaties())},
            "hint.zgw.choose",
            {"choices": ", ".join(catalogue.identificaties())},
        )
    else:
        zaaktype = catalogue.get(catalogue.identificaties()[0])
    assert zaaktype is not None
    data, notes = zaaktype_map(zaaktype, catalogue, lang=language, process_id=process_id)
    shown = os.path.basename(file) if not file.startswith("<") else file
    text = _yaml_text(data, notes, language, shown, zaaktype.identificatie)
    try:
        loads(text, file=f"{file}.yaml")
    except LoadError as err:  # a bug in the mapping: say so clearly, never a traceback
        raise LoadError.single(
            file,
            1,
            1,
            "zgw.import_invalid",
            {"detail": Message(err.problems[0].key, **err.problems[0].args)},  # in the language of the run
            "hint.zgw.import_invalid",
            {},
        ) from None
    return ZaakTypeImport(text, data, notes, zaaktype)
