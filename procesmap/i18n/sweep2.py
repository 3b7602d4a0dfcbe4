"""Catalogue entries of the second user-eyed defect sweep (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_SWEEP2: dict[str, dict[str, str]] = {
    "sweep2.volume.thousands": {
        "en": "`volume: {value}` has a thousands point, but a point in a number is a decimal point",
        "nl": "`volume: {value}` heeft een punt als duizendtalscheiding, maar een punt in een getal is een "
        "decimaalteken",
    },
    "hint.sweep2.volume.thousands": {
        "en": "write `{example}` ({count} cases), without the point; a fraction takes a point: `1.5/day`",
        "nl": "schrijf `{example}` ({count} zaken), zonder punt; een breuk schrijf je met een punt: `1.5/day`",
    },
    "sweep2.pdf_needs_output": {
        "en": "a PDF report is binary and would fill the terminal with garbage: give --output FILE.pdf",
        "nl": "een PDF-rapport is binair en zou de terminal met onleesbare tekens vullen: geef --output BESTAND.pdf",
    },
    "hint.sweep2.pdf_needs_output": {
        "en": "e.g. -o report.pdf, or send it on: procesmap analyse MAP -f pdf > report.pdf",
        "nl": "bijvoorbeeld -o rapport.pdf, of stuur het door: procesmap analyse KAART -f pdf > rapport.pdf",
    },
    "sweep2.reason.is_folder": {
        "en": "it is a folder; --output names the file to write, e.g. FOLDER/report.html",
        "nl": "het is een map; --output noemt het bestand dat geschreven wordt, bijvoorbeeld MAP/rapport.html",
    },
    "sweep2.bpmn.duplicate_id": {
        "en": "{element} has id `{id}`, which the element on line {line} has already: ids in a BPMN file are unique",
        "nl": "{element} heeft id `{id}`, dat het element op regel {line} al heeft: id's in een BPMN-bestand zijn uniek",
    },
    "hint.sweep2.bpmn.duplicate_id": {
        "en": "give one of the two another id (and change the sourceRef/targetRef and bpmnElement that mean it), "
        "or export the model again from the modeller",
        "nl": "geef een van beide een ander id (en pas de sourceRef/targetRef en bpmnElement aan die het bedoelen), "
        "of exporteer het model opnieuw uit de modeller",
    },
    "sweep2.stat.mean": {"en": "mean", "nl": "gemiddeld"},
    "sweep2.foreign": {
        "en": "this is {kind}, not a process map",
        "nl": "dit is {kind}, geen proceskaart",
    },
    "hint.sweep2.foreign": {
        "en": "{command} makes a draft map of it; then name the .yaml file",
        "nl": "{command} maakt er een conceptkaart van; noem daarna het .yaml-bestand",
    },
    "sweep2.foreign.bpmn": {"en": "a BPMN model", "nl": "een BPMN-model"},
    "sweep2.foreign.xlsx": {"en": "an Excel workbook", "nl": "een Excel-werkmap"},
    "sweep2.foreign.zaaktype": {
        "en": "a file of the zaaksysteem (a zaaktype?)",
        "nl": "een bestand uit het zaaksysteem (een zaaktype?)",
    },
    "sweep2.foreign.log": {"en": "an event log", "nl": "een eventlog"},
    "sweep2.output_suffix": {
        "en": "--output {path}: this command writes no {suffix} file; without --format the suffix names the format",
        "nl": "--output {path}: deze opdracht schrijft geen {suffix}-bestand; zonder --format bepaalt de extensie "
        "het formaat",
    },
    "hint.sweep2.output_suffix": {
        "en": "name the file {allowed}, .txt for terminal text, or give --format ({formats})",
        "nl": "noem het bestand {allowed}, .txt voor terminaltekst, of geef --format ({formats})",
    },
    "sweep2.check_suffix": {
        "en": "--output {path}: check writes no {suffix} file; without --format it writes plain lines",
        "nl": "--output {path}: check schrijft geen {suffix}-bestand; zonder --format schrijft het gewone regels",
    },
    "hint.sweep2.check_suffix": {
        "en": "for GitHub code scanning name it .sarif (or give --format sarif); for GitLab Code Quality give "
        "--format gitlab (a .json); .txt for plain lines",
        "nl": "noem het .sarif voor GitHub code scanning (of geef --format sarif); geef --format gitlab voor GitLab "
        "Code Quality (een .json); .txt voor gewone regels",
    },
}
