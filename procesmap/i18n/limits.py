"""Catalogue entries of input limits and file safety: special files, size and nesting limits of every
reader, work limits of the analysis, and ``--output`` guards. Every key starts with ``limits.``."""

from __future__ import annotations

__all__ = ["MESSAGES_LIMITS"]

MESSAGES_LIMITS: dict[str, dict[str, str]] = {
    # -- special files ------------------------------------------------------------------------------
    "limits.not_regular": {
        "en": "{path} is not a regular file but a {kind}: it is not read",
        "nl": "{path} is geen gewoon bestand maar een {kind}: het wordt niet gelezen",
    },
    "limits.hint.not_regular": {
        "en": "name a file on disk; a pipe or a device (/dev/...) could block or never end",
        "nl": "noem een bestand op schijf; een pipe of apparaat (/dev/...) kan blijven hangen of nooit eindigen",
    },
    "limits.kind.fifo": {"en": "named pipe (FIFO)", "nl": "named pipe (FIFO)"},
    "limits.kind.character-device": {"en": "character device", "nl": "apparaatbestand"},
    "limits.kind.block-device": {"en": "block device", "nl": "blokapparaat"},
    "limits.kind.socket": {"en": "socket", "nl": "socket"},
    "limits.kind.directory": {"en": "folder", "nl": "map"},
    "limits.kind.special": {"en": "special file", "nl": "speciaal bestand"},
    "limits.too_large": {
        "en": "the file is larger than {limit:plural:# byte|# bytes}, the limit for {what}",
        "nl": "het bestand is groter dan {limit:plural:# byte|# bytes}, de grens voor {what}",
    },
    "limits.hint.too_large": {
        "en": "is this the right file? the limits are listed in docs/format.md (Limits)",
        "nl": "is dit het juiste bestand? de grenzen staan in docs/format.md (Limits)",
    },
    # -- YAML maps ---------------------------------------------------------------------------------
    "limits.too_many_values": {
        "en": "the map has more than {limit:plural:# value|# values}, the limit for one map",
        "nl": "de kaart heeft meer dan {limit:plural:# waarde|# waarden}, de grens voor één kaart",
    },
    "limits.too_many_steps": {
        "en": "the map has more than {limit:plural:# step|# steps}, the limit for one map (MAX_STEPS)",
        "nl": "de kaart heeft meer dan {limit:plural:# stap|# stappen}, de grens voor één kaart (MAX_STEPS)",
    },
    "limits.hint.too_many_steps": {
        "en": "the analysis, the reports and the swimlane grow with the steps; split the process into "
        "subprocesses (`subprocess: other-id`) in files of their own",
        "nl": "de analyse, de rapporten en de swimlane groeien met het aantal stappen; splits het proces in "
        "deelprocessen (`subprocess: ander-id`) in eigen bestanden",
    },
    "limits.hint.too_many_values": {
        "en": "split the process into subprocesses (`subprocess: other-id`) in files of their own",
        "nl": "splits het proces in deelprocessen (`subprocess: ander-id`) in eigen bestanden",
    },
}
MESSAGES_LIMITS.update(
    {
        "limits.what.config": {"en": "a configuration file", "nl": "een configuratiebestand"},
        "limits.what.map": {"en": "a process map", "nl": "een proceskaart"},
        "limits.what.roles": {"en": "a roles file", "nl": "een rollenbestand"},
        "limits.what.bpmn": {"en": "a BPMN file", "nl": "een BPMN-bestand"},
        "limits.what.log": {"en": "an event log", "nl": "een event log"},
        "limits.hint.config_depth": {
            "en": "a configuration needs at most a table in a table; is this the right file?",
            "nl": "een configuratie heeft hoogstens een tabel in een tabel nodig; is dit het juiste bestand?",
        },
    }
)
MESSAGES_LIMITS.update(
    {
        "limits.unpacked_too_large": {
            "en": "the compressed log unpacks to more than {limit:plural:# byte|# bytes}",
            "nl": "het gecomprimeerde log pakt uit tot meer dan {limit:plural:# byte|# bytes}",
        },
        "limits.hint.unpacked_too_large": {
            "en": "is this the right file? a real event log compresses about 10 to 30 times; "
            "export a shorter period, or convert the log to Parquet",
            "nl": "is dit het juiste bestand? een echt event log comprimeert zo'n 10 tot 30 keer; "
            "exporteer een kortere periode, of zet het log om naar Parquet",
        },
    }
)
MESSAGES_LIMITS.update(
    {
        "limits.reason.read_only": {"en": "the file is read-only", "nl": "het bestand is alleen-lezen"},
        "limits.reason.no_permission": {
            "en": "no permission to write the file",
            "nl": "geen recht om het bestand te schrijven",
        },
        "limits.reason.owner": {
            "en": "the file belongs to another user or group, and replacing it would change that",
            "nl": "het bestand is van een andere gebruiker of groep, en vervangen zou dat veranderen",
        },
        "limits.reason.not_regular": {"en": "not a regular file", "nl": "geen gewoon bestand"},
        "limits.reason.is_folder": {
            "en": "it is a folder; --output names the file to write, e.g. FOLDER/report.html",
            "nl": "het is een map; --output noemt het bestand dat geschreven wordt, bijvoorbeeld MAP/rapport.html",
        },
        "limits.hint.fmt_not_writable": {
            "en": "fmt rewrites files in place: make the file writable (chmod u+w), or run as its owner; "
            "`procesmap fmt --check` only reads",
            "nl": "fmt herschrijft bestanden ter plekke: maak het bestand schrijfbaar (chmod u+w), of werk als de "
            "eigenaar; `procesmap fmt --check` leest alleen",
        },
    }
)
MESSAGES_LIMITS.update(
    {
        "limits.simulation_work": {
            "en": "percentiles and shares over the term: simulation skipped, {cases:plural:# case|# cases} x "
            "{visits} expected step visits per case is more than the limit of {limit} step visits "
            "(MAX_SIMULATION_WORK); lower --cases (at most {fits} for this map), or check the loop "
            "probabilities: a loop taken with p close to 1 makes a case visit its steps very often",
            "nl": "percentielen en aandelen over de termijn: simulatie overgeslagen, {cases:plural:# zaak|# zaken} x "
            "{visits} verwachte stapbezoeken per zaak is meer dan de grens van {limit} stapbezoeken "
            "(MAX_SIMULATION_WORK); verlaag --cases (hoogstens {fits} voor deze kaart), of controleer de "
            "kansen van lussen: een lus met p dicht bij 1 laat een zaak zijn stappen heel vaak bezoeken",
        },
        "limits.simulation_work_loop": {
            "en": "percentiles and shares over the term: simulation skipped, one case alone is expected to make "
            "{visits} step visits, more than the limit of {limit} for a whole simulation (MAX_SIMULATION_WORK); "
            "check the loop probabilities: a loop taken with p close to 1 makes a case visit its steps very often",
            "nl": "percentielen en aandelen over de termijn: simulatie overgeslagen, één zaak maakt naar verwachting al "
            "{visits} stapbezoeken, meer dan de grens van {limit} voor een hele simulatie (MAX_SIMULATION_WORK); "
            "controleer de kansen van lussen: een lus met p dicht bij 1 laat een zaak zijn stappen heel vaak bezoeken",
        },
    }
)
MESSAGES_LIMITS.update(
    {
        "limits.bpmn_pm_invalid": {
            "en": "the procesmap extension (pm:) in this file does not make a valid map: {detail}",
            "nl": "de procesmap-uitbreiding (pm:) in dit bestand geeft geen geldige kaart: {detail}",
        },
        "limits.hint.bpmn_pm_invalid": {
            "en": "the pm: elements are written by `procesmap export bpmn`; correct the value, or remove the pm: "
            "elements to import the model as any other BPMN file",
            "nl": "de pm:-elementen schrijft `procesmap export bpmn`; verbeter de waarde, of verwijder de pm:-elementen "
            "om het model als elk ander BPMN-bestand over te nemen",
        },
    }
)
MESSAGES_LIMITS.update(
    {
        "limits.log_column_type": {
            "en": "{path}: column `{column}` holds {type} values; procesmap reads ids, names and times as text, "
            "numbers or timestamps",
            "nl": "{path}: kolom `{column}` bevat waarden van het type {type}; procesmap leest id's, namen en tijden als "
            "tekst, getallen of tijdstempels",
        },
        "limits.log_column_value": {
            "en": "{path}: column `{column}` ({type}) holds a value that is no text: {reason}",
            "nl": "{path}: kolom `{column}` ({type}) bevat een waarde die geen tekst is: {reason}",
        },
        "limits.hint.log_column_type": {
            "en": "choose another column with --case, --activity, --timestamp, --resource or --role, or export the "
            "column as text",
            "nl": "kies een andere kolom met --case, --activity, --timestamp, --resource of --role, of exporteer de "
            "kolom als tekst",
        },
        "limits.log_engine": {
            "en": "{path}: the log could not be processed: {reason}",
            "nl": "{path}: het log kon niet verwerkt worden: {reason}",
        },
        "limits.hint.log_engine": {
            "en": "the log may be too large for this machine's memory, or hold values of an unusual type; try a "
            "shorter period, or fewer columns",
            "nl": "het log is misschien te groot voor het geheugen van deze computer, of bevat waarden van een "
            "ongebruikelijk type; probeer een kortere periode, of minder kolommen",
        },
        "limits.pdf_swimlane_pages": {
            "en": "The swimlane is left out of this PDF: it would take {parts:plural:# page|# pages}, more than the limit of "
            "{limit} (MAX_SWIMLANE_PAGES; each page is a part of the map drawn for itself). Draw it with `procesmap diagram` "
            "(SVG or PNG), or open the HTML report, which shows it whole.",
            "nl": "De swimlane staat niet in deze PDF: hij zou {parts:plural:# pagina|# pagina's} beslaan, meer dan de "
            "grens van {limit} (MAX_SWIMLANE_PAGES; elke pagina is een deel van de kaart, apart getekend). Teken hem met "
            "`procesmap diagram` (SVG of PNG), of open het HTML-rapport, dat hem helemaal toont.",
        },
        "limits.log_events": {
            "en": "the log holds {events:plural:# event|# events}, more than the limit of {limit} ({name})",
            "nl": "het log bevat {events:plural:# gebeurtenis|# gebeurtenissen}, meer dan de grens van {limit} ({name})",
        },
        "limits.hint.log_events": {
            "en": "read a shorter period or a part of the cases: filter the log in the zaaksysteem or in a "
            "spreadsheet before exporting it, and read the parts one by one",
            "nl": "lees een kortere periode of een deel van de zaken: filter het log in het zaaksysteem of in een "
            "spreadsheet voordat je het exporteert, en lees de delen een voor een",
        },
        "limits.xes_keys": {
            "en": "the events and traces use more than {limit:plural:# different attribute key|# different attribute "
            "keys}, the limit for one log (MAX_XES_KEYS)",
            "nl": "de gebeurtenissen en zaken gebruiken meer dan {limit:plural:# verschillende attribuutsleutel|"
            "# verschillende attribuutsleutels}, de grens voor één log (MAX_XES_KEYS)",
        },
        "limits.hint.xes_keys": {
            "en": "every attribute key is a column of the log; export only the attributes of the events (case, activity, "
            "time, resource, ...), or export the log as CSV or Parquet",
            "nl": "elke attribuutsleutel is een kolom van het log; exporteer alleen de attributen van de gebeurtenissen "
            "(zaak, activiteit, tijd, medewerker, ...), of exporteer het log als CSV of Parquet",
        },
        "limits.log_columns": {
            "en": "{path}: the header has more than {limit:plural:# column|# columns}",
            "nl": "{path}: de kopregel heeft meer dan {limit:plural:# kolom|# kolommen}",
        },
        "limits.hint.log_columns": {
            "en": "is this an event log? export only the columns of the events (case, activity, time, resource, ...)",
            "nl": "is dit een event log? exporteer alleen de kolommen van de gebeurtenissen (zaak, activiteit, tijd, "
            "medewerker, ...)",
        },
        "limits.negative_top": {
            "en": "--top must be 0 or more, not {value}",
            "nl": "--top moet 0 of meer zijn, niet {value}",
        },
        "limits.hint.negative_top": {
            "en": "--top is the number of variants listed, e.g. --top 20",
            "nl": "--top is het aantal varianten in de lijst, bijvoorbeeld --top 20",
        },
    }
)
MESSAGES_LIMITS.update(
    {
        "limits.raci_too_large": {
            "en": "RACI matrix: {steps:plural:# step|# steps} x {roles:plural:# role|# roles} is more than the terminal "
            "draws ({limit} cells); see --format markdown, html or json",
            "nl": "RACI-matrix: {steps:plural:# stap|# stappen} x {roles:plural:# rol|# rollen} is meer dan de terminal "
            "tekent ({limit} cellen); zie --format markdown, html of json",
        },
    }
)
MESSAGES_LIMITS.update(
    {
        "limits.bpmn_too_many_steps": {
            "en": "the model has more than {limit:plural:# flow node|# flow nodes} (tasks, events, gateways), more than "
            "one map can hold",
            "nl": "het model heeft meer dan {limit:plural:# stroomelement|# stroomelementen} (taken, gebeurtenissen, "
            "gateways), meer dan één kaart kan bevatten",
        },
        "limits.hint.bpmn_too_many_steps": {
            "en": "split the model into sub-processes in files of their own (one process per file)",
            "nl": "splits het model in deelprocessen in eigen bestanden (één proces per bestand)",
        },
    }
)
MESSAGES_LIMITS.update(
    {
        "limits.simulation_cases": {
            "en": "percentiles and shares over the term: simulation skipped, {cases:plural:# case|# cases} is more than "
            "one simulation holds in memory ({limit}, MAX_SIMULATED_CASES); lower --cases: 10,000 already give "
            "stable percentiles",
            "nl": "percentielen en aandelen over de termijn: simulatie overgeslagen, {cases:plural:# zaak|# zaken} is meer "
            "dan één simulatie in het geheugen houdt ({limit}, MAX_SIMULATED_CASES); verlaag --cases: 10.000 geven "
            "al stabiele percentielen",
        },
    }
)
