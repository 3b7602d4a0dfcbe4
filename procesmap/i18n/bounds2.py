"""Catalogue entries of the bounds of the HTML, Markdown and terminal reports (long tables and the RACI matrix,
:mod:`procesmap.render.bounds`) and of the roles file (issue #19). Every key starts with ``bounds.``."""

from __future__ import annotations

__all__ = ["MESSAGES_BOUNDS2"]

MESSAGES_BOUNDS2: dict[str, dict[str, str]] = {
    # -- a table longer than a report shows (procesmap.render._document, MAX_REPORT_TABLE_ROWS) ---------------
    "bounds.report_rows_left_out": {
        "en": "{table}: this table shows {shown} of its {rows} rows, {order}; a report shows at most {limit} rows "
        "in one table (MAX_REPORT_TABLE_ROWS). The {more} rows left out are all in the JSON report (`-f json`).",
        "nl": "{table}: deze tabel toont {shown} van de {rows} rijen, {order}; een rapport toont hoogstens {limit} "
        "rijen in één tabel (MAX_REPORT_TABLE_ROWS). De {more} weggelaten rijen staan alle in het JSON-rapport "
        "(`-f json`).",
    },
    "bounds.report_rows_first": {"en": "the first ones", "nl": "de eerste"},
    "bounds.report_rows_most": {"en": "the ones that weigh most", "nl": "die het zwaarst wegen"},
    # -- a RACI matrix larger than a report shows (MAX_REPORT_RACI_CELLS) -----------------------------------
    "bounds.raci_as_list": {
        "en": "The RACI matrix would have {steps:plural:# step|# steps} x {roles:plural:# role|# roles} ({cells} "
        "cells): more than a report shows as a matrix ({limit}, MAX_REPORT_RACI_CELLS). Each step's roles are "
        "listed instead; the JSON report (`-f json`) holds the RACI of every step.",
        "nl": "De RACI-matrix zou {steps:plural:# stap|# stappen} x {roles:plural:# rol|# rollen} krijgen ({cells} "
        "cellen): meer dan een rapport als matrix toont ({limit}, MAX_REPORT_RACI_CELLS). De rollen van elke stap "
        "staan hieronder als lijst; het JSON-rapport (`-f json`) bevat de RACI van elke stap.",
    },
    "bounds.more_raci_steps": {
        "en": "… and {count} more steps; `--format json` lists the RACI of every step",
        "nl": "… en nog {count} stappen; `--format json` toont de RACI van elke stap",
    },
    # -- the roles file of `log stats` and `log compare` (procesmap.eventlog._read.MAX_ROLES_ENTRIES) ---------
    "bounds.roles_too_many": {
        "en": "the roles file names more than {limit} resources (MAX_ROLES_ENTRIES); this is the first one past "
        "the limit; nothing is read",
        "nl": "het rollenbestand noemt meer dan {limit} medewerkers (MAX_ROLES_ENTRIES); dit is de eerste voorbij "
        "de grens; er is niets gelezen",
    },
    "bounds.hint.roles_too_many": {
        "en": "a roles file maps the resources of one event log to their roles: keep only the resources the log "
        "names, or give the role as a column of the log (`--role`); the limits are in docs/format.md (Limits)",
        "nl": "een rollenbestand koppelt de medewerkers van één eventlog aan hun rol: houd alleen de medewerkers "
        "die het log noemt, of geef de rol als kolom van het log (`--role`); de grenzen staan in docs/format.md "
        "(Limits)",
    },
    # -- the PNG pages of a map drawn as pages (procesmap.diagrams.bounds.MAX_PNG_PIXELS) --------------------
    "bounds.png_pixels": {
        "en": "the map would be drawn as {pictures:plural:# PNG picture|# PNG pictures} of {pixels} million pixels "
        "together: more than a drawing holds as PNG ({limit} million, MAX_PNG_PIXELS); nothing is drawn",
        "nl": "de kaart zou getekend worden als {pictures:plural:# PNG-plaat|# PNG-platen} van samen {pixels} "
        "miljoen pixels: meer dan een tekening als PNG bevat ({limit} miljoen, MAX_PNG_PIXELS); er is niets "
        "getekend",
    },
    "bounds.hint.png_pixels": {
        "en": "draw the pages as one PDF (`-f pdf`) or as SVG (`-f svg`), which take seconds, or one picture "
        "with `--single`; or split the process into `subprocess:` maps; the limits are in docs/format.md (Limits)",
        "nl": "teken de pagina's als één PDF (`-f pdf`) of als SVG (`-f svg`), dat duurt seconden, of als één "
        "plaat met `--single`; of splits het proces in `subprocess:`-kaarten; de grenzen staan in docs/format.md "
        "(Limits)",
    },
}
