"""Catalogue entries of the six leftover defects of the previous session (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_LEFTOVERS: dict[str, dict[str, str]] = {
    # -- a step that names the same next step twice -----------------------------------------------
    "ref.next_twice": {
        "en": "step `{step}` names `{to}` twice in `next` (first at line {line}, column {column})",
        "nl": "stap `{step}` noemt `{to}` twee keer in `next` (eerst op regel {line}, kolom {column})",
    },
    "hint.ref.next_twice": {
        "en": "remove the second `{to}`; two reasons to go to the same step are two branches, each with its own "
        "`when` or `p` (e.g. `- {{to: {to}, p: 0.2, when: ...}}`)",
        "nl": "haal de tweede `{to}` weg; twee redenen om naar dezelfde stap te gaan zijn twee takken, elk met een "
        "eigen `when` of `p` (bijvoorbeeld `- {{to: {to}, p: 0.2, when: ...}}`)",
    },
    "hint.ref.next_twice_parallel": {
        "en": "a parallel starts each of its branches once: remove the second `{to}`; work done twice at the same "
        "time is two steps",
        "nl": "een parallel start elk van zijn takken één keer: haal de tweede `{to}` weg; werk dat twee keer "
        "tegelijk gebeurt is twee stappen",
    },
    "bpmn.unmapped.flow_twice": {
        "en": "a second flow from step {step} to {to} without a name or a share of its own: left out, "
        "a case goes to {to} once",
        "nl": "een tweede stroom van stap {step} naar {to} zonder eigen naam of aandeel: weggelaten, "
        "een zaak gaat één keer naar {to}",
    },
    # -- procesmap new --output FOLDER ---------------------------------------------------------
    "leftovers.new.output_folder": {
        "en": "--output {path} is a folder; `procesmap new` writes one file, the map",
        "nl": "--output {path} is een map; `procesmap new` schrijft één bestand, de kaart",
    },
    "hint.leftovers.new.output_folder": {
        "en": "name the file to write: --output {file}",
        "nl": "noem het bestand dat geschreven moet worden: --output {file}",
    },
    "leftovers.new.output_no_folder": {
        "en": "--output {path} ends in `/`, so it names a folder, and there is no such folder",
        "nl": "--output {path} eindigt op `/` en noemt dus een map, en die map bestaat niet",
    },
    "hint.leftovers.new.output_no_folder": {
        "en": "create the folder first, or name the file to write: --output {file}",
        "nl": "maak eerst de map, of noem het bestand dat geschreven moet worden: --output {file}",
    },
    # -- procesmap diff: the headers of the map's changes ---------------------------------------
    "leftovers.diff.id": {"en": "Id", "nl": "Id"},
    "leftovers.diff.details": {"en": "Details", "nl": "Details"},
}
