"""Catalogue entries of the work limits of drawing and exporting huge maps (drawings, PNG pages, the PDF report,
long tables and the RACI matrix of the HTML, Markdown and terminal reports, advice), of the roles file of the log
commands, and of lists in messages that are cut to their first items (issue #19). Every key starts with ``bounds.``."""

from __future__ import annotations

__all__ = ["MESSAGES_BOUNDS"]

MESSAGES_BOUNDS: dict[str, dict[str, str]] = {
    # -- a list in a message, cut to its first items (procesmap.findings.listing) ------------------------------
    "bounds.list_more": {
        "en": "{items} and {more:plural:# more|# more}",
        "nl": "{items} en nog {more}",
    },
    # -- the queueing simulation of a map of many steps (procesmap.analysis.queueing.MAX_QUEUE_DRAWS) ------
    "bounds.queue_too_many_steps": {
        "en": "queueing simulation: {cases} cases over {steps:plural:# step|# steps} would draw more than {limit} "
        "values in advance (every step draws its times for every case); the queues are computed by formula only "
        "and the time figures keep the declared waits (at most about {fits} cases fit; fewer steps, e.g. "
        "branches as `subprocess:` maps, let more fit)",
        "nl": "simulatie van wachtrijen: {cases} zaken over {steps:plural:# stap|# stappen} zouden vooraf meer dan "
        "{limit} waarden trekken (elke stap trekt zijn tijden voor elke zaak); de wachtrijen zijn alleen met de "
        "formule berekend en de tijdcijfers houden de opgegeven wachttijden (hoogstens ongeveer {fits} zaken "
        "passen; minder stappen, bijvoorbeeld takken als `subprocess:`-kaarten, laten er meer passen)",
    },
    # -- drawings (procesmap.diagrams.bounds) -------------------------------------------------------------
    "bounds.drawing_steps": {
        "en": "the map has {steps:plural:# step|# steps}: more than a swimlane drawing holds "
        "({limit}, MAX_DRAWN_STEPS); nothing is drawn",
        "nl": "de kaart heeft {steps:plural:# stap|# stappen}: meer dan een swimlanetekening bevat "
        "({limit}, MAX_DRAWN_STEPS); er is niets getekend",
    },
    "bounds.hint.drawing_steps": {
        "en": "split the process into `subprocess:` maps and draw each, or draw it as text with `-f mermaid`; "
        "the limits are in docs/format.md (Limits)",
        "nl": "splits het proces in `subprocess:`-kaarten en teken die elk, of teken het als tekst met "
        "`-f mermaid`; de grenzen staan in docs/format.md (Limits)",
    },
    "bounds.drawing_branches": {
        "en": "step {step} has {branches:plural:# branch|# branches}: more than a swimlane drawing holds for "
        "one step ({limit}, MAX_DRAWN_BRANCHES); nothing is drawn",
        "nl": "stap {step} heeft {branches:plural:# vertakking|# vertakkingen}: meer dan één swimlanetekening "
        "voor één stap bevat ({limit}, MAX_DRAWN_BRANCHES); er is niets getekend",
    },
    "bounds.hint.drawing_branches": {
        "en": "group the branches (one step per kind of case, or a `subprocess:` map), or draw it as text with "
        "`-f mermaid`; the limits are in docs/format.md (Limits)",
        "nl": "bundel de vertakkingen (één stap per soort zaak, of een `subprocess:`-kaart), of teken het als "
        "tekst met `-f mermaid`; de grenzen staan in docs/format.md (Limits)",
    },
    "bounds.drawing_area": {
        "en": "the swimlane picture would be {width} x {height} m ({area} million square points): more than a "
        "picture holds ({limit} million, MAX_PICTURE_AREA); nothing is drawn",
        "nl": "de swimlaneplaat zou {width} x {height} m worden ({area} miljoen vierkante punten): meer dan een "
        "plaat bevat ({limit} miljoen, MAX_PICTURE_AREA); er is niets getekend",
    },
    "bounds.hint.drawing_area": {
        "en": "fewer steps or lanes make it smaller: split the process into `subprocess:` maps, or give roles "
        "that share work one lane; `-f mermaid` draws any map as text; the limits are in docs/format.md (Limits)",
        "nl": "minder stappen of lanes maken haar kleiner: splits het proces in `subprocess:`-kaarten, of geef "
        "rollen die werk delen één lane; `-f mermaid` tekent elke kaart als tekst; de grenzen staan in "
        "docs/format.md (Limits)",
    },
    "bounds.report_picture_left_out": {
        "en": "The swimlane picture is left out: {reason}. Every figure of this report is complete without it.",
        "nl": "De swimlaneplaat is weggelaten: {reason}. Alle cijfers van dit rapport zijn zonder haar volledig.",
    },
    # -- the PDF report (procesmap.render.bounds) -----------------------------------------------------------
    "bounds.pdf_rows": {
        "en": "the PDF report of {process} would have a table of {rows} rows ({table}): more than a PDF report "
        "holds ({limit}, MAX_PDF_TABLE_ROWS); nothing is written",
        "nl": "het PDF-rapport van {process} zou een tabel van {rows} rijen ({table}) krijgen: meer dan een "
        "PDF-rapport bevat ({limit}, MAX_PDF_TABLE_ROWS); er is niets geschreven",
    },
    "bounds.pdf_raci": {
        "en": "the PDF report of {process} would have a RACI matrix of {roles} roles: more than a PDF page "
        "holds ({limit}, MAX_PDF_RACI_ROLES); nothing is written",
        "nl": "het PDF-rapport van {process} zou een RACI-matrix van {roles} rollen krijgen: meer dan een "
        "PDF-pagina bevat ({limit}, MAX_PDF_RACI_ROLES); er is niets geschreven",
    },
    "bounds.hint.pdf_rows": {
        "en": "write the report as `-f html`, `-f markdown` or `-f json`, which hold every figure of any map, or "
        "split the process into `subprocess:` maps; the limits are in docs/format.md (Limits)",
        "nl": "schrijf het rapport als `-f html`, `-f markdown` of `-f json`, die alle cijfers van elke kaart "
        "bevatten, of splits het proces in `subprocess:`-kaarten; de grenzen staan in docs/format.md (Limits)",
    },
    "bounds.table.steps": {"en": "steps", "nl": "stappen"},
    "bounds.table.handovers": {"en": "handovers", "nl": "overdrachten"},
    "bounds.table.findings": {"en": "findings", "nl": "bevindingen"},
    # -- advice (procesmap.advice_bounds) ------------------------------------------------------------------
    "bounds.advice_work": {
        "en": "advice for {process} would analyse the map {analyses} times over {steps:plural:# step|# steps} "
        "({work} step analyses): more than advice does ({limit}, MAX_ADVICE_WORK); nothing is written",
        "nl": "advies voor {process} zou de kaart {analyses} keer analyseren over {steps:plural:# stap|# stappen} "
        "({work} stapanalyses): meer dan advies doet ({limit}, MAX_ADVICE_WORK); er is niets geschreven",
    },
    "bounds.hint.advice_work": {
        "en": "ask advice for a part: split the process into `subprocess:` maps, or try one change with "
        "`procesmap analyse --set`; the limits are in docs/format.md (Limits)",
        "nl": "vraag advies voor een deel: splits het proces in `subprocess:`-kaarten, of probeer één wijziging met "
        "`procesmap analyse --set`; de grenzen staan in docs/format.md (Limits)",
    },
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
