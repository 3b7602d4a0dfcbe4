"""Catalogue entries of the zaaksysteem (ZGW zaaktypen, PM7xx) and of reading untrusted JSON/ZIP files
(merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_ZGW: dict[str, dict[str, str]] = {
    # reading a file (JSON, ZIP)
    "zgw.missing": {"en": "file {path} does not exist", "nl": "bestand {path} bestaat niet"},
    "zgw.is_directory": {"en": "{path} is a folder, not a file", "nl": "{path} is een map, geen bestand"},
    "hint.zgw.name_file": {"en": "Give the path of one file.", "nl": "Geef het pad van één bestand."},
    "zgw.unreadable": {"en": "cannot read the file: {reason}", "nl": "kan het bestand niet lezen: {reason}"},
    "hint.zgw.unreadable": {"en": "Check the file's permissions.", "nl": "Controleer de rechten op het bestand."},
    "zgw.too_large": {
        "en": "the file is {size:plural:# byte|# bytes}; procesmap reads up to {limit:plural:# byte|# bytes} "
        "here (not read)",
        "nl": "het bestand is {size:plural:# byte|# bytes}; procesmap leest hier tot "
        "{limit:plural:# byte|# bytes} (niet gelezen)",
    },
    "hint.zgw.too_large": {
        "en": "Export only the zaaktypen or the sheet you need; a catalogue or a process table "
        "is far smaller than this.",
        "nl": "Exporteer alleen de zaaktypen of het blad dat je nodig hebt; een catalogus of een "
        "procestabel is veel kleiner dan dit.",
    },
    "zgw.not_utf8": {
        "en": "the file is not UTF-8 text (byte {byte} at offset {offset})",
        "nl": "het bestand is geen UTF-8-tekst (byte {byte} op positie {offset})",
    },
    "hint.zgw.not_utf8": {
        "en": "Save the JSON as UTF-8, as the API returns it.",
        "nl": "Sla de JSON op als UTF-8, zoals de API die teruggeeft.",
    },
    "zgw.empty": {"en": "the file is empty", "nl": "het bestand is leeg"},
    "zgw.bad_json": {"en": "this is not valid JSON here", "nl": "dit is hier geen geldige JSON"},
    "zgw.too_deep": {"en": "the JSON is nested too deeply to read", "nl": "de JSON is te diep genest om te lezen"},
    "hint.zgw.not_json": {
        "en": "Save the answer of the Catalogi API (GET /zaaktypen) as it is, or use the catalogue "
        "export ZIP of Open Zaak.",
        "nl": "Sla het antwoord van de Catalogi API (GET /zaaktypen) op zoals het is, of gebruik de "
        "catalogus-export (ZIP) van Open Zaak.",
    },
    "zgw.bad_zip": {"en": "this is not a readable ZIP file", "nl": "dit is geen leesbaar ZIP-bestand"},
    "zgw.bad_zip_entry": {
        "en": "entry {name} of the ZIP file cannot be unpacked",
        "nl": "onderdeel {name} van het ZIP-bestand kan niet uitgepakt worden",
    },
    "zgw.zip_encrypted": {
        "en": "entry {name} of the ZIP file is encrypted",
        "nl": "onderdeel {name} van het ZIP-bestand is versleuteld",
    },
    "hint.zgw.bad_zip": {
        "en": "Export the catalogue again from the zaaksysteem, without a password.",
        "nl": "Exporteer de catalogus opnieuw uit het zaaksysteem, zonder wachtwoord.",
    },
    "zgw.zip_entries": {
        "en": "the ZIP file has {count:plural:# entry|# entries}; procesmap reads at most {limit}",
        "nl": "het ZIP-bestand heeft {count:plural:# onderdeel|# onderdelen}; procesmap leest er hoogstens {limit}",
    },
    "zgw.zip_bomb": {
        "en": "entry {name} of the ZIP file unpacks to more than {limit:plural:# byte|# bytes}: refused (a ZIP bomb?)",
        "nl": "onderdeel {name} van het ZIP-bestand pakt uit tot meer dan "
        "{limit:plural:# byte|# bytes}: geweigerd (een ZIP-bom?)",
    },
    "hint.zgw.zip_bomb": {
        "en": "A catalogue export is a few megabytes at most; use the export of the zaaksysteem itself.",
        "nl": "Een catalogus-export is hoogstens een paar megabyte; gebruik de export van het zaaksysteem zelf.",
    },
    "zgw.zip_slip": {
        "en": "the ZIP file holds entry {name}, whose path leaves the folder: refused",
        "nl": "het ZIP-bestand bevat onderdeel {name}, waarvan het pad de map verlaat: geweigerd",
    },
    "hint.zgw.zip_slip": {
        "en": "A real export never holds such a path; do not open this file elsewhere either.",
        "nl": "Een echte export bevat zo'n pad nooit; open dit bestand ook nergens anders.",
    },
    "zgw.no_zaaktype": {
        "en": "the file holds no zaaktype (an object with identificatie and doorlooptijd)",
        "nl": "het bestand bevat geen zaaktype (een object met identificatie en doorlooptijd)",
    },
    "hint.zgw.no_zaaktype": {
        "en": "Use the answer of GET /zaaktypen or /zaaktypen/{{uuid}}, or the catalogue export ZIP of Open Zaak.",
        "nl": "Gebruik het antwoord van GET /zaaktypen of /zaaktypen/{{uuid}}, of de "
        "catalogus-export (ZIP) van Open Zaak.",
    },
    "zgw.several": {
        "en": "the file holds {count} zaaktypen; which one?",
        "nl": "het bestand bevat {count} zaaktypen; welke?",
    },
    "zgw.not_found": {
        "en": "the file holds no zaaktype {zaaktype}",
        "nl": "het bestand bevat geen zaaktype {zaaktype}",
    },
    "hint.zgw.choose": {
        "en": "Name one with --identificatie: {choices}.",
        "nl": "Noem er een met --identificatie: {choices}.",
    },
    "zgw.import_invalid": {
        "en": "the imported map does not load: {detail}",
        "nl": "de overgenomen kaart laadt niet: {detail}",
    },
    "hint.zgw.import_invalid": {
        "en": "This is a bug in procesmap; please report it with the zaaktype file.",
        "nl": "Dit is een fout in procesmap; meld die graag, met het zaaktypebestand.",
    },
    # import: the YAML comments
    "zgw.yaml.header": {
        "en": "Draft map imported from zaaktype {zaaktype} ({source}) by procesmap. Add times, "
        "branches and roles from the workshop.",
        "nl": "Conceptkaart overgenomen uit zaaktype {zaaktype} ({source}) door procesmap. Vul tijden, "
        "vertakkingen en rollen aan uit de werksessie.",
    },
    "zgw.yaml.unmapped": {
        "en": "Not mapped, or not exactly ({count}):",
        "nl": "Niet of niet precies overgenomen ({count}):",
    },
    "zgw.note.bad_duration": {
        "en": "{field} {value} is no duration a map can hold",
        "nl": "{field} {value} is geen duur die een kaart kan bevatten",
    },
    "zgw.note.calendar_duration": {
        "en": "{field} {value} has no fixed length in days: written as {days}d",
        "nl": "{field} {value} heeft geen vaste lengte in dagen: geschreven als {days}d",
    },
    "zgw.note.no_doorlooptijd": {
        "en": "the zaaktype has no doorlooptijd: the map has no term",
        "nl": "het zaaktype heeft geen doorlooptijd: de kaart heeft geen termijn",
    },
    "zgw.note.extension_without_term": {
        "en": "verlengingMogelijk is true but there is no verlengingstermijn",
        "nl": "verlengingMogelijk is true maar er is geen verlengingstermijn",
    },
    "zgw.note.extension_not_allowed": {
        "en": "verlengingstermijn {value} is left out: verlengingMogelijk is false",
        "nl": "verlengingstermijn {value} is weggelaten: verlengingMogelijk is false",
    },
    "zgw.note.opschorting_yes": {
        "en": "opschortingEnAanhoudingMogelijk: true (mark the steps that suspend the term with suspends_term: true)",
        "nl": "opschortingEnAanhoudingMogelijk: true (markeer de stappen die de termijn "
        "opschorten met suspends_term: true)",
    },
    "zgw.note.opschorting_no": {
        "en": "opschortingEnAanhoudingMogelijk: false (no step may suspend the term)",
        "nl": "opschortingEnAanhoudingMogelijk: false (geen stap mag de termijn opschorten)",
    },
    "zgw.note.no_behandelaar": {
        "en": "no roltype behandelaar: the steps get role {role}",
        "nl": "geen roltype behandelaar: de stappen krijgen rol {role}",
    },
    "zgw.note.status_doorlooptijd": {
        "en": "statustype {status} has doorlooptijd {value}: a map has no norm per status",
        "nl": "statustype {status} heeft doorlooptijd {value}: een kaart kent geen norm per status",
    },
    "zgw.note.no_statustypen": {
        "en": "no statustype in the file ({count} named by URL): the map has a start and an end step only",
        "nl": "geen statustype in het bestand ({count} genoemd met een URL): de kaart heeft "
        "alleen een begin- en een eindstap",
    },
    "zgw.note.missing_statustypen": {
        "en": "{count} statustypen are named by URL but not in the file",
        "nl": "{count} statustypen worden met een URL genoemd maar staan niet in het bestand",
    },
    "zgw.note.field": {"en": "{field}: {value}", "nl": "{field}: {value}"},
    "zgw.note.other_objects": {
        "en": "{count} × {kind}: a map has no place for them",
        "nl": "{count} × {kind}: een kaart heeft er geen plek voor",
    },
    # export
    "zgw.export.no_term": {
        "en": "map {process} has no term: a zaaktype needs its doorlooptijd",
        "nl": "kaart {process} heeft geen termijn: een zaaktype heeft een doorlooptijd nodig",
    },
    "hint.zgw.export.no_term": {
        "en": "Add the legal term to the map, e.g. `term: 8w`.",
        "nl": "Zet de wettelijke termijn in de kaart, bijvoorbeeld `term: 8w`.",
    },
    "zgw.cli.written": {"en": "written: {path}", "nl": "geschreven: {path}"},
    "zgw.cli.unmapped": {
        "en": "not mapped, or not exactly ({count}; also at the top of the map):",
        "nl": "niet of niet precies overgenomen ({count}; ook bovenaan de kaart):",
    },
    "zgw.cli.defaults": {
        "en": "fields the map has no value for, filled with a placeholder: {fields}",
        "nl": "velden waar de kaart geen waarde voor heeft, ingevuld met een plaatsvervanger: {fields}",
    },
    "zgw.cli.bad_date": {
        "en": "--date {value} is not a date (YYYY-MM-DD)",
        "nl": "--date {value} is geen datum (JJJJ-MM-DD)",
    },
    "hint.zgw.cli.bad_date": {"en": "Write the date as 2026-01-31.", "nl": "Schrijf de datum als 2026-01-31."},
    "config.hint.zaaktypen": {
        "en": 'name the catalogue file, e.g. zaaktypen = "catalogus/export.zip"',
        "nl": 'noem het catalogusbestand, bijvoorbeeld zaaktypen = "catalogus/export.zip"',
    },
    "cli.rules_zaaktype_example": {
        "en": "Checked against this zaaktype (procesmap check MAP --zaaktype FILE):",
        "nl": "Gecontroleerd tegen dit zaaktype (procesmap check MAP --zaaktype FILE):",
    },
    # the rules
    "PM701.title": {"en": "Term differs from the zaaktype", "nl": "Termijn wijkt af van het zaaktype"},
    "PM701.summary": {
        "en": "the map's term is not the doorlooptijd of its zaaktype in the zaaksysteem",
        "nl": "de termijn van de kaart is niet de doorlooptijd van het zaaktype in het zaaksysteem",
    },
    "PM701.message": {
        "en": "the term is {term} ({days:plural:# day|# days}), but zaaktype {zaaktype} has doorlooptijd "
        "{doorlooptijd}",
        "nl": "de termijn is {term} ({days:plural:# dag|# dagen}), maar zaaktype {zaaktype} heeft "
        "doorlooptijd {doorlooptijd}",
    },
    "PM701.no_term": {
        "en": "the map has no term, but zaaktype {zaaktype} has doorlooptijd {doorlooptijd}",
        "nl": "de kaart heeft geen termijn, maar zaaktype {zaaktype} heeft doorlooptijd {doorlooptijd}",
    },
    "PM701.hint": {
        "en": "make the map's term the zaaktype's doorlooptijd, or have the catalogue corrected",
        "nl": "maak de termijn van de kaart gelijk aan de doorlooptijd van het zaaktype, of laat de "
        "catalogus verbeteren",
    },
    "PM702.title": {"en": "Suspension not allowed", "nl": "Opschorten niet toegestaan"},
    "PM702.summary": {
        "en": "a step suspends the term, but the zaaktype does not allow opschorting",
        "nl": "een stap schort de termijn op, maar het zaaktype staat opschorten niet toe",
    },
    "PM702.message": {
        "en": "step {step} suspends the term, but zaaktype {zaaktype} does not allow opschorting",
        "nl": "stap {step} schort de termijn op, maar zaaktype {zaaktype} staat opschorten niet toe",
    },
    "PM702.hint": {
        "en": "remove suspends_term, or have opschortingEnAanhoudingMogelijk set in the catalogue",
        "nl": "haal suspends_term weg, of laat opschortingEnAanhoudingMogelijk aanzetten in de catalogus",
    },
    "PM703.title": {"en": "Extension not allowed", "nl": "Verlenging niet toegestaan"},
    "PM703.summary": {
        "en": "the map extends the term where its zaaktype does not allow it, or longer",
        "nl": "de kaart verlengt de termijn waar het zaaktype dat niet toestaat, of langer",
    },
    "PM703.message": {
        "en": "the map has term_extension {extension}, but zaaktype {zaaktype} does not allow verlenging",
        "nl": "de kaart heeft term_extension {extension}, maar zaaktype {zaaktype} staat verlenging niet toe",
    },
    "PM703.too_long": {
        "en": "the map has term_extension {extension}, longer than the verlengingstermijn {allowed} of "
        "zaaktype {zaaktype}",
        "nl": "de kaart heeft term_extension {extension}, langer dan de verlengingstermijn {allowed} "
        "van zaaktype {zaaktype}",
    },
    "PM703.hint": {
        "en": "remove or shorten term_extension, or have the catalogue corrected",
        "nl": "haal term_extension weg of maak die korter, of laat de catalogus verbeteren",
    },
    "PM704.title": {"en": "Statustype without a step", "nl": "Statustype zonder stap"},
    "PM704.summary": {
        "en": "a statustype of the zaaktype is set by no step (`status:`)",
        "nl": "een statustype van het zaaktype wordt door geen stap gezet (`status:`)",
    },
    "PM704.message": {
        "en": 'statustype {number} "{status}" of zaaktype {zaaktype} is set by no step',
        "nl": 'statustype {number} "{status}" van zaaktype {zaaktype} wordt door geen stap gezet',
    },
    "PM704.hint": {
        "en": "write `status: {status}` on the step that reaches it, or add that step",
        "nl": "zet `status: {status}` bij de stap die hem bereikt, of voeg die stap toe",
    },
    "PM705.title": {"en": "Zaaktype not in the catalogue", "nl": "Zaaktype niet in de catalogus"},
    "PM705.summary": {
        "en": "the map names a zaaktype the catalogue does not hold, so PM701-PM704 cannot check it",
        "nl": "de kaart noemt een zaaktype dat niet in de catalogus staat, dus PM701-PM704 kunnen haar "
        "niet controleren",
    },
    "PM705.message": {
        "en": "zaaktype {zaaktype} is not in catalogue {catalogue}",
        "nl": "zaaktype {zaaktype} staat niet in catalogus {catalogue}",
    },
    "PM705.hint": {
        "en": "correct `zaaktype:` (did you mean {suggestion}?), or use the catalogue that holds it",
        "nl": "verbeter `zaaktype:` (bedoel je {suggestion}?), of gebruik de catalogus waar het in staat",
    },
}
