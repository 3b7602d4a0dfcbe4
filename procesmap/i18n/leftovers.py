"""Catalogue entries of the six leftover defects of the previous session (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_LEFTOVERS: dict[str, dict[str, str]] = {
    # -- a step that names the same next step twice -----------------------------------------------
    "ref.next_twice": {
        "en": "step `{step}` names `{to}` twice in `next`",
        "nl": "stap `{step}` noemt `{to}` twee keer in `next`",
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
    # -- procesmap log discover: its options ----------------------------------------------------
    "leftovers.discover.share": {
        "en": "{option} is a share more than 0 and at most 1, not {value}",
        "nl": "{option} is een aandeel groter dan 0 en hoogstens 1, niet {value}",
    },
    "leftovers.discover.share_from_zero": {
        "en": "{option} is a share from 0 to 1, not {value}",
        "nl": "{option} is een aandeel van 0 tot en met 1, niet {value}",
    },
    "hint.leftovers.discover.percent": {
        "en": "a share, not a percentage: {option} {example}",
        "nl": "een aandeel, geen percentage: {option} {example}",
    },
    "hint.leftovers.discover__coverage": {
        "en": "for example --coverage 0.8: the most frequent variants, until they hold 80% of the cases",
        "nl": "bijvoorbeeld --coverage 0.8: de meest voorkomende varianten, tot ze 80% van de zaken bevatten",
    },
    "hint.leftovers.discover__activities": {
        "en": "for example --activities 0.7: the activities in at least 70% of the cases the most frequent "
        "activity is in",
        "nl": "bijvoorbeeld --activities 0.7: de activiteiten in minstens 70% van de zaken waarin de meest "
        "voorkomende activiteit zit",
    },
    "hint.leftovers.discover__paths": {
        "en": "for example --paths 0.5: the most frequent transitions, until they hold half of all",
        "nl": "bijvoorbeeld --paths 0.5: de meest voorkomende overgangen, tot ze de helft van alle bevatten",
    },
    "hint.leftovers.discover__min_activity_share": {
        "en": "for example --min-activity-share 0.05: leave out the activities in fewer than 5% of the cases",
        "nl": "bijvoorbeeld --min-activity-share 0.05: laat de activiteiten in minder dan 5% van de zaken weg",
    },
    "leftovers.discover.both": {
        "en": "--activities and --min-activity-share both choose the activities: give one of them",
        "nl": "--activities en --min-activity-share kiezen allebei de activiteiten: geef er één",
    },
    "hint.leftovers.discover.both": {
        "en": "--activities 0.7 keeps those in at least 70% of the cases the most frequent activity is in; "
        "--min-activity-share 0.05 those in at least 5% of all cases",
        "nl": "--activities 0.7 houdt die in minstens 70% van de zaken waarin de meest voorkomende activiteit zit; "
        "--min-activity-share 0.05 die in minstens 5% van alle zaken",
    },
    "leftovers.logdraft.dropped_top": {
        "en": "Left out (--activities): all but the {count:plural:activity|# activities} in the most cases: "
        "{activities}",
        "nl": "Weggelaten (--activities): alles behalve {count:plural:de activiteit|de # activiteiten} in de meeste "
        "zaken: {activities}",
    },
    "leftovers.logdraft.kept_most": {
        "en": "No activity is in at least {share} of the cases: the draft keeps the most frequent, {activity}",
        "nl": "Geen activiteit zit in minstens {share} van de zaken: de conceptkaart houdt de meest voorkomende, "
        "{activity}",
    },
    "leftovers.logdraft.cases_left_out": {
        "en": "{count} of the {total:plural:# case|# cases} in the log {count:plural:has|have} none of the "
        "activities kept: {count:plural:it is|they are} not in this draft",
        "nl": "{count} van de {total:plural:# zaak|# zaken} in het log {count:plural:heeft|hebben} geen van de "
        "behouden activiteiten: {count:plural:die zit|die zitten} niet in deze conceptkaart",
    },
}
