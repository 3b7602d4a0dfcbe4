"""Catalogue entries of issue 17 outside the zaaksysteem: BPMN from other modellers, spreadsheets and logs linked
to maps (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_TOOLS: dict[str, dict[str, str]] = {
    # BPMN import
    "bpmn.unmapped.team_lane_only": {
        "en": "in team lane {team} but in none of its lanes: given role {role}",
        "nl": "staat in teambaan {team} maar in geen van de banen daarin: kreeg rol {role}",
    },
    # spreadsheets: the workbook
    "sheet.yes": {"en": "yes", "nl": "ja"},
    "sheet.field": {"en": "field", "nl": "veld"},
    "sheet.value": {"en": "value", "nl": "waarde"},
    "sheet.step": {"en": "step", "nl": "stap"},
    "sheet.code": {"en": "code", "nl": "code"},
    "sheet.severity": {"en": "severity", "nl": "ernst"},
    "sheet.subject": {"en": "about", "nl": "over"},
    "sheet.message": {"en": "finding", "nl": "bevinding"},
    "sheet.hint": {"en": "hint", "nl": "tip"},
    "sheet.line": {"en": "line", "nl": "regel"},
    "sheet.figure": {"en": "key figure", "nl": "kengetal"},
    "sheet.stat.mean": {"en": "mean", "nl": "gemiddeld"},
    "sheet.figure.count.steps": {"en": "steps", "nl": "stappen"},
    "sheet.figure.count.roles": {"en": "roles", "nl": "rollen"},
    "sheet.figure.count.teams": {"en": "teams", "nl": "teams"},
    "sheet.figure.count.organisations": {"en": "organisations", "nl": "organisaties"},
    "sheet.figure.count.transitions": {"en": "transitions", "nl": "overgangen"},
    "sheet.figure.cycle_time": {"en": "cycle time, {stat} (days)", "nl": "doorlooptijd, {stat} (dagen)"},
    "sheet.figure.term_time": {"en": "term time, {stat} (days)", "nl": "termijntijd, {stat} (dagen)"},
    "sheet.figure.share_over_term": {"en": "cases over the term", "nl": "zaken over de termijn"},
    "sheet.figure.share_over_extended_term": {
        "en": "cases over term + extension",
        "nl": "zaken over termijn + verdaging",
    },
    "sheet.figure.handovers": {"en": "handovers per case: {level}", "nl": "overdrachten per zaak: {level}"},
    "sheet.figure.utilisation": {"en": "utilisation of {role}", "nl": "bezetting van {role}"},
    "sheet.level.role": {"en": "role", "nl": "rol"},
    "sheet.level.team": {"en": "team", "nl": "team"},
    "sheet.level.organisation": {"en": "organisation", "nl": "organisatie"},
    "sheet.level.external": {"en": "external", "nl": "extern"},
    "sheet.level.manual": {"en": "outside the case system", "nl": "buiten het zaaksysteem"},
    "sheet.help_title": {"en": "Help", "nl": "Uitleg"},
    "sheet.help": {
        "en": "How to fill in this workbook (procesmap import xlsx FILE -o map.yaml; docs/spreadsheet.md)\n"
        "\n"
        "Steps: one row per step, in the order of the process. Only id or name is needed; the id is made from "
        "the name when it is empty.\n"
        "type: start, task, decision, parallel, join, wait or end (default task).\n"
        "role, team, organisation: who does the step; a new name becomes a role (team, organisation).\n"
        "next: the next step's id or name; several on separate lines (Alt+Enter), each as "
        "`id (0.8): condition`, the share of cases in brackets.\n"
        "wait, work, lead: 15m, 2h, 1.5d, 8w; a range as `1d / 2d / 5d` (min / most likely / max); "
        "observed values as `[1d, 2d, 4d]`.\n"
        "R, A: one role; C, I: roles separated by commas. suspends term, extends term: yes.\n"
        "log: activity names in the event log, one a line. status: the statustype in the zaaksysteem.\n"
        "\n"
        "Process: term (legal term), term extension, service norm, volume (1200/year).\n"
        "Roles: people, fte, backup (role ids), external (yes).\n"
        "Formulas are not read: type values. Macro workbooks (.xlsm) are refused.",
        "nl": "Zo vul je deze werkmap in (procesmap import xlsx BESTAND -o kaart.yaml; docs/spreadsheet.md)\n"
        "\n"
        "Stappen: één regel per stap, in de volgorde van het proces. Alleen id of naam is nodig; de id wordt "
        "van de naam gemaakt als die leeg is.\n"
        "type: start, task, decision, parallel, join, wait of end (standaard task).\n"
        "rol, team, organisatie: wie de stap doet; een nieuwe naam wordt een rol (team, organisatie).\n"
        "volgende: id of naam van de volgende stap; meerdere op aparte regels (Alt+Enter), elk als "
        "`id (0,8): voorwaarde`, het aandeel zaken tussen haakjes.\n"
        "wachttijd, werk, looptijd: 15m, 2h, 1.5d, 8w; een bandbreedte als `1d / 2d / 5d` (min / meest "
        "waarschijnlijk / max); gemeten waarden als `[1d, 2d, 4d]`.\n"
        "R, A: één rol; C, I: rollen gescheiden door komma's. schort termijn op, verlengt termijn: ja.\n"
        "log: activiteitnamen in het event log, één per regel. status: het statustype in het zaaksysteem.\n"
        "\n"
        "Proces: termijn (wettelijke termijn), verdaging, servicenorm, volume (1200/jaar).\n"
        "Rollen: mensen, fte, vervanger (rol-id's), extern (ja).\n"
        "Formules worden niet gelezen: typ waarden. Werkmappen met macro's (.xlsm) worden geweigerd.",
    },
    "sheet.yaml.header": {
        "en": "Map imported from the spreadsheet {source} by procesmap.",
        "nl": "Kaart overgenomen uit de spreadsheet {source} door procesmap.",
    },
    "sheet.cli.written": {"en": "written: {path}", "nl": "geschreven: {path}"},
    "sheet.cli.no_map": {
        "en": "name a map, or give --template for an empty workbook",
        "nl": "noem een kaart, of geef --template voor een lege werkmap",
    },
    "hint.sheet.cli.no_map": {
        "en": "procesmap export xlsx MAP -o map.xlsx, or procesmap export xlsx --template -o template.xlsx",
        "nl": "procesmap export xlsx KAART -o kaart.xlsx, of procesmap export xlsx --template -o sjabloon.xlsx",
    },
    "sheet.cli.needs_output": {
        "en": "a workbook is binary: give --output FILE.xlsx",
        "nl": "een werkmap is binair: geef --output BESTAND.xlsx",
    },
    "hint.sheet.cli.needs_output": {"en": "e.g. -o map.xlsx", "nl": "bijvoorbeeld -o kaart.xlsx"},
    # spreadsheets: problems
    "sheet.old_format": {
        "en": "this is an old Excel file (.xls); procesmap reads .xlsx",
        "nl": "dit is een oud Excel-bestand (.xls); procesmap leest .xlsx",
    },
    "hint.sheet.old_format": {
        "en": "Save it in Excel as 'Excel Workbook (.xlsx)'.",
        "nl": "Sla het in Excel op als 'Excel-werkmap (.xlsx)'.",
    },
    "sheet.not_xlsx": {"en": "this is not an Excel workbook (.xlsx)", "nl": "dit is geen Excel-werkmap (.xlsx)"},
    "hint.sheet.not_xlsx": {
        "en": "Save the table in Excel or LibreOffice as .xlsx.",
        "nl": "Sla de tabel in Excel of LibreOffice op als .xlsx.",
    },
    "sheet.macros": {
        "en": "the workbook contains macros (VBA): refused",
        "nl": "de werkmap bevat macro's (VBA): geweigerd",
    },
    "hint.sheet.macros": {
        "en": "Save a copy as 'Excel Workbook (.xlsx)', which drops the macros, and import that.",
        "nl": "Sla een kopie op als 'Excel-werkmap (.xlsx)', zonder de macro's, en neem die over.",
    },
    "sheet.doctype": {
        "en": "part {name} of the workbook has a DOCTYPE or ENTITY declaration: refused",
        "nl": "onderdeel {name} van de werkmap heeft een DOCTYPE- of ENTITY-declaratie: geweigerd",
    },
    "sheet.external_links": {
        "en": "the workbook links to {count:plural:# other file|# other files} (external links); "
        "procesmap never fetches them",
        "nl": "de werkmap verwijst naar {count:plural:# ander bestand|# andere bestanden} "
        "(externe koppelingen); procesmap haalt die nooit op",
    },
    "hint.sheet.external_links": {
        "en": "Break the links in Excel (Data > Edit Links > Break Link) so that the cells "
        "hold values, and import again.",
        "nl": "Verbreek de koppelingen in Excel (Gegevens > Koppelingen bewerken > Koppeling "
        "verbreken) zodat de cellen waarden bevatten, en neem opnieuw over.",
    },
    "sheet.formula": {
        "en": "the cell holds a formula ({formula}); procesmap does not evaluate formulas",
        "nl": "de cel bevat een formule ({formula}); procesmap rekent geen formules uit",
    },
    "hint.sheet.formula": {
        "en": "Type the value, or copy the column and paste it as values.",
        "nl": "Typ de waarde, of kopieer de kolom en plak die als waarden.",
    },
    "sheet.too_many_rows": {
        "en": "the sheet has more than {limit} rows",
        "nl": "het blad heeft meer dan {limit} regels",
    },
    "hint.sheet.too_many_rows": {
        "en": "A process table has one row per step; split the process into subprocesses.",
        "nl": "Een procestabel heeft één regel per stap; splits het proces in deelprocessen.",
    },
    "sheet.unknown_column": {"en": 'unknown column "{name}"', "nl": 'onbekende kolom "{name}"'},
    "sheet.duplicate_column": {"en": 'column "{name}" appears twice', "nl": 'kolom "{name}" staat er twee keer'},
    "hint.sheet.columns": {
        "en": "The columns are: {columns} (Dutch or English names).",
        "nl": "De kolommen zijn: {columns} (Nederlandse of Engelse namen).",
    },
    "sheet.unknown_field": {"en": 'unknown field "{name}"', "nl": 'onbekend veld "{name}"'},
    "hint.sheet.fields": {"en": "The fields are: {fields}.", "nl": "De velden zijn: {fields}."},
    "sheet.bad_bool": {"en": '"{value}" is not yes or no', "nl": '"{value}" is geen ja of nee'},
    "hint.sheet.bad_bool": {
        "en": "Write yes (or leave the cell empty for no).",
        "nl": "Schrijf ja (of laat de cel leeg voor nee).",
    },
    "sheet.bad_number": {"en": '"{value}" is not a number', "nl": '"{value}" is geen getal'},
    "hint.sheet.bad_number": {
        "en": "Write a number, e.g. 3 or 2.5.",
        "nl": "Schrijf een getal, bijvoorbeeld 3 of 2,5.",
    },
    "sheet.duplicate_id": {"en": "id {id} appears twice", "nl": "id {id} staat er twee keer"},
    "hint.sheet.duplicate_id": {"en": "Give each row its own id.", "nl": "Geef elke regel een eigen id."},
    "sheet.no_id": {"en": "the row has neither an id nor a name", "nl": "de regel heeft geen id en geen naam"},
    "hint.sheet.no_id": {"en": "Fill in the id or the name of the step.", "nl": "Vul de id of de naam van de stap in."},
    "sheet.no_steps": {"en": "the workbook has no sheet with steps", "nl": "de werkmap heeft geen blad met stappen"},
    "hint.sheet.no_steps": {
        "en": "Name the sheet Steps (or Stappen), one row per step under a header row; "
        "`procesmap export xlsx --template` gives an empty one.",
        "nl": "Noem het blad Stappen (of Steps), één regel per stap onder een kopregel; "
        "`procesmap export xlsx --template` geeft een lege.",
    },
    "sheet.no_step_rows": {"en": "sheet {sheet} has no step", "nl": "blad {sheet} heeft geen stap"},
    "sheet.role_elsewhere": {
        "en": "role {role} is in {before} on an earlier row, here in {found}",
        "nl": "rol {role} hoort op een eerdere regel bij {before}, hier bij {found}",
    },
    "hint.sheet.role_elsewhere": {
        "en": "A role belongs to one team and organisation; use another role here, or correct one of the rows.",
        "nl": "Een rol hoort bij één team en organisatie; gebruik hier een andere rol, of verbeter een van de regels.",
    },
    "sheet.bad_next": {
        "en": '"{value}" cannot be read as next steps',
        "nl": '"{value}" is niet te lezen als volgende stappen',
    },
    "sheet.unknown_step": {"en": "there is no step {step}", "nl": "er is geen stap {step}"},
    "hint.sheet.unknown_step": {
        "en": "Use the id or name of a step in this sheet: {steps}.",
        "nl": "Gebruik de id of naam van een stap in dit blad: {steps}.",
    },
    "sheet.bad_p": {"en": 'share "{value}" is not a number', "nl": 'aandeel "{value}" is geen getal'},
    "hint.sheet.next": {
        "en": "One next step a line: `id`, or `id (0.8): condition`; the share as 0.8 or 80%.",
        "nl": "Eén volgende stap per regel: `id`, of `id (0,8): voorwaarde`; het aandeel als 0,8 of 80%.",
    },
    # logs linked to maps
    "loglinks.title": {
        "en": "Suggested links ({count} of {steps:plural:# step|# steps}); score = 0.8 name + 0.2 place:",
        "nl": "Voorgestelde koppelingen ({count} van {steps:plural:# stap|# stappen}); score = 0,8 naam + 0,2 plaats:",
    },
    "loglinks.line": {
        "en": '  {step}  <-  "{activity}"  (score {score}; name {name}; place {place}; {cases:plural:# case|# cases})',
        "nl": '  {step}  <-  "{activity}"  (score {score}; naam {name}; plaats {place}; {cases:plural:# zaak|# zaken})',
    },
    "loglinks.confirm": {
        "en": "Check them; `--write-links` writes them into {path} as log: names (comments kept).",
        "nl": "Controleer ze; `--write-links` schrijft ze in {path} als log:-namen (commentaar blijft).",
    },
    "loglinks.written": {
        "en": "wrote {count:plural:# link|# links} into {path}",
        "nl": "{count:plural:# koppeling|# koppelingen} geschreven in {path}",
    },
    "loglinks.changed": {
        "en": "adding the log: names to {path} would change more than those names; nothing written",
        "nl": "de log:-namen toevoegen aan {path} zou meer veranderen dan die namen; niets geschreven",
    },
    "hint.loglinks.changed": {
        "en": "Add the names by hand, or run `procesmap fmt` on the map first.",
        "nl": "Voeg de namen met de hand toe, of draai eerst `procesmap fmt` op de kaart.",
    },
    "loglinks.bad_score": {
        "en": "--min-score {value} is not between 0 and 1",
        "nl": "--min-score {value} ligt niet tussen 0 en 1",
    },
    "hint.loglinks.bad_score": {"en": "e.g. --min-score 0.6", "nl": "bijvoorbeeld --min-score 0.6"},
    # -- log compare --write-links on a map that may not be written
    "hint.loglinks.not_writable": {
        "en": "--write-links writes the log: names into the map: make the file writable (chmod u+w), or run as its "
        "owner; without --write-links nothing is written",
        "nl": "--write-links schrijft de log:-namen in de kaart: maak het bestand schrijfbaar (chmod u+w), of werk als "
        "de eigenaar; zonder --write-links wordt niets geschreven",
    },
    # -- procesmap log compare: options that do nothing with, or without, --suggest-links
    "loglinks.min_score_alone": {
        "en": "--min-score chooses which links --suggest-links and --write-links suggest, and neither was given",
        "nl": "--min-score kiest welke koppelingen --suggest-links en --write-links voorstellen, en geen van beide staat er",
    },
    "hint.loglinks.min_score_alone": {
        "en": "add --suggest-links to see the suggestions, or leave out --min-score for the comparison",
        "nl": "voeg --suggest-links toe om de voorstellen te zien, of laat --min-score weg voor de vergelijking",
    },
    "loglinks.no_report": {
        "en": "{option} is for the comparison's report; {links} prints its suggestions on the screen",
        "nl": "{option} is voor het rapport van de vergelijking; {links} zet de voorstellen op het scherm",
    },
    "hint.loglinks.no_report": {
        "en": "leave out {option}, or leave out {links} for the report (send the suggestions to a file with > FILE)",
        "nl": "laat {option} weg, of laat {links} weg voor het rapport (stuur de voorstellen naar een bestand met > BESTAND)",
    },
}
