"""The zaaksysteem: zaaktypen of the ZGW Catalogi API (issue 17).

::

    from procesmap.zgw import read_catalogue, import_zaaktype, export_zaaktype

    catalogue = read_catalogue("export.zip")            # Catalogi API JSON, Open Zaak export ZIP or fixture
    draft = import_zaaktype("zaaktype.json")            # draft.yaml_text, draft.unmapped
    body = export_zaaktype(procesmap.load("map.yaml")).body   # a ZaakType for POST /zaaktypen

The map against the catalogue is checked by the rules PM701-PM704 (``procesmap check MAP --zaaktype FILE``,
or the configuration's ``zaaktypen``). See docs/zaaksysteem.md.
"""

from __future__ import annotations

from procesmap.zgw._export import PLACEHOLDER_CATALOGUS, ZaakTypeExport, export_zaaktype, iso_days
from procesmap.zgw._import import Note, ZaakTypeImport, import_zaaktype, zaaktype_map
from procesmap.zgw._read import Catalogue, RolType, StatusType, ZaakType, ZgwDuration, read_catalogue, zgw_days

__all__ = [
    "Catalogue",
    "Note",
    "PLACEHOLDER_CATALOGUS",
    "RolType",
    "StatusType",
    "ZaakType",
    "ZaakTypeExport",
    "ZaakTypeImport",
    "ZgwDuration",
    "export_zaaktype",
    "import_zaaktype",
    "iso_days",
    "read_catalogue",
    "zaaktype_map",
    "zgw_days",
]
