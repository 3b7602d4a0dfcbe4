"""Catalogue entries of ``procesmap log discover``: the shares its options take (``--coverage``,
``--activities``, ``--paths``, ``--min-activity-share``) and the notes it writes into a draft about the activities
and cases it left out (merged into MESSAGES).

Not in :mod:`procesmap.i18n.eventlog`: its texts write every whole number the language's way
(:class:`~procesmap.i18n.eventlog.WholeNumbers`); these write theirs as they are given.
"""

from __future__ import annotations

MESSAGES_DISCOVER: dict[str, dict[str, str]] = {
    "discover.share": {
        "en": "{option} is a share more than 0 and at most 1, not {value}",
        "nl": "{option} is een aandeel groter dan 0 en hoogstens 1, niet {value}",
    },
    "discover.share_from_zero": {
        "en": "{option} is a share from 0 to 1, not {value}",
        "nl": "{option} is een aandeel van 0 tot en met 1, niet {value}",
    },
    "hint.discover.percent": {
        "en": "a share, not a percentage: {option} {example}",
        "nl": "een aandeel, geen percentage: {option} {example}",
    },
    "hint.discover__coverage": {
        "en": "for example --coverage 0.8: the most frequent variants, until they hold 80% of the cases",
        "nl": "bijvoorbeeld --coverage 0.8: de meest voorkomende varianten, tot ze 80% van de zaken bevatten",
    },
    "hint.discover__activities": {
        "en": "for example --activities 0.7: the activities in at least 70% of the cases the most frequent "
        "activity is in",
        "nl": "bijvoorbeeld --activities 0.7: de activiteiten in minstens 70% van de zaken waarin de meest "
        "voorkomende activiteit zit",
    },
    "hint.discover__paths": {
        "en": "for example --paths 0.5: the most frequent transitions, until they hold half of all",
        "nl": "bijvoorbeeld --paths 0.5: de meest voorkomende overgangen, tot ze de helft van alle bevatten",
    },
    "hint.discover__min_activity_share": {
        "en": "for example --min-activity-share 0.05: leave out the activities in fewer than 5% of the cases",
        "nl": "bijvoorbeeld --min-activity-share 0.05: laat de activiteiten in minder dan 5% van de zaken weg",
    },
    "discover.both": {
        "en": "--activities and --min-activity-share both choose the activities: give one of them",
        "nl": "--activities en --min-activity-share kiezen allebei de activiteiten: geef er één",
    },
    "hint.discover.both": {
        "en": "--activities 0.7 keeps those in at least 70% of the cases the most frequent activity is in; "
        "--min-activity-share 0.05 those in at least 5% of all cases",
        "nl": "--activities 0.7 houdt die in minstens 70% van de zaken waarin de meest voorkomende activiteit zit; "
        "--min-activity-share 0.05 die in minstens 5% van alle zaken",
    },
    "discover.draft.dropped_top": {
        "en": "Left out (--activities): all but the {count:plural:activity|# activities} in the most cases: "
        "{activities}",
        "nl": "Weggelaten (--activities): alles behalve {count:plural:de activiteit|de # activiteiten} in de meeste "
        "zaken: {activities}",
    },
    "discover.draft.kept_most": {
        "en": "No activity is in at least {share} of the cases: the draft keeps the most frequent, {activity}",
        "nl": "Geen activiteit zit in minstens {share} van de zaken: de conceptkaart houdt de meest voorkomende, "
        "{activity}",
    },
    "discover.draft.cases_left_out": {
        "en": "{count} of the {total:plural:# case|# cases} in the log {count:plural:has|have} none of the "
        "activities kept: {count:plural:it is|they are} not in this draft",
        "nl": "{count} van de {total:plural:# zaak|# zaken} in het log {count:plural:heeft|hebben} geen van de "
        "behouden activiteiten: {count:plural:die zit|die zitten} niet in deze conceptkaart",
    },
}
