"""A map -> the body of a ZaakType for the ZGW Catalogi API 1.3 (``POST /zaaktypen``).

The fields the map has: ``identificatie`` (its ``zaaktype``, else its id), ``omschrijving`` (its name),
``doorlooptijd`` (its term), ``servicenorm``, ``verlengingMogelijk``/``verlengingstermijn`` (its
term_extension), ``opschortingEnAanhoudingMogelijk`` (a step suspends the term), ``toelichting`` (its
description), ``verantwoordelijke`` (the owner's role name). Durations are ISO 8601 in days (``P56D``).
The fields a map has no place for get a placeholder that :attr:`ZaakTypeExport.defaults` lists, so that
whoever posts the body knows what to fill in (``catalogus`` above all).
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from typing import Any

from procesmap.durations import iso_days
from procesmap.errors import LoadError

__all__ = ["ZaakTypeExport", "export_zaaktype", "iso_days", "PLACEHOLDER_CATALOGUS"]

PLACEHOLDER_CATALOGUS = "https://zaaksysteem.invalid/catalogi/api/v1/catalogussen/00000000-0000-0000-0000-000000000000"


@dataclass
class ZaakTypeExport:
    body: dict[str, Any]
    defaults: list[str] = field(default_factory=list)  # fields filled with a placeholder

    def json_text(self) -> str:
        return json.dumps(self.body, ensure_ascii=False, indent=2) + "\n"


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def export_zaaktype(process: Any, *, catalogus: str | None = None, date: _dt.date | None = None) -> ZaakTypeExport:
    """The ZaakType body of a map. Raises :class:`LoadError` at the map's ``id`` for a map without a term (a
    zaaktype needs its doorlooptijd)."""
    if process.term is None:  # a problem of the map: at its `id`, as the map has no `term` to point at
        line, column = process.source.locate(("id",), key=True)
        raise LoadError.single(
            process.file, line, column, "zgw.export.no_term", {"process": process.id}, "hint.zgw.export.no_term"
        )
    day = (date or _dt.date.today()).isoformat()
    name = process.name or process.id
    description = process.description or name
    owner_name = process.role_name(process.owner) if process.owner else None
    defaults = [
        "vertrouwelijkheidaanduiding",
        "indicatieInternOfExtern",
        "handelingInitiator",
        "handelingBehandelaar",
        "publicatieIndicatie",
        "productenOfDiensten",
        "besluittypen",
        "gerelateerdeZaaktypen",
        "beginGeldigheid",
        "versiedatum",
    ]
    if catalogus is None:
        defaults.insert(0, "catalogus")
    if not process.description:
        defaults += ["doel", "aanleiding"]
    if not owner_name or owner_name == "-":
        defaults.append("verantwoordelijke")
    extension = iso_days(process.term_extension)
    body: dict[str, Any] = {
        "identificatie": _cut(process.zaaktype or process.id, 50),
        "omschrijving": _cut(name, 80),
        "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
        "doel": description,
        "aanleiding": description,
        "toelichting": process.description or "",
        "indicatieInternOfExtern": "extern",
        "handelingInitiator": "Aanvragen",
        "onderwerp": _cut(name, 80),
        "handelingBehandelaar": "Behandelen",
        "doorlooptijd": iso_days(process.term),
        "servicenorm": iso_days(process.service_norm),
        "opschortingEnAanhoudingMogelijk": any(step.suspends_term for step in process.steps),
        "verlengingMogelijk": extension is not None,
        "verlengingstermijn": extension,
        "trefwoorden": [],
        "publicatieIndicatie": False,
        "publicatietekst": "",
        "verantwoordingsrelatie": [],
        "productenOfDiensten": [],
        "referentieproces": {"naam": _cut(name, 80)},
        "verantwoordelijke": _cut(owner_name if owner_name and owner_name != "-" else "-", 50),
        "catalogus": catalogus or PLACEHOLDER_CATALOGUS,
        "besluittypen": [],
        "deelzaaktypen": [],
        "gerelateerdeZaaktypen": [],
        "beginGeldigheid": day,
        "versiedatum": day,
    }
    return ZaakTypeExport(body, defaults)
