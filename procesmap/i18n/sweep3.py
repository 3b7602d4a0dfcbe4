"""Catalogue entries of the third user-eyed defect sweep (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_SWEEP3: dict[str, dict[str, str]] = {
    "hint.sweep3.output_no_folder": {
        "en": "create the folder first (mkdir {path}), or name the file to write: --output {path}<name>",
        "nl": "maak eerst de map (mkdir {path}), of noem het bestand dat geschreven moet worden: --output {path}<naam>",
    },
    # -- the reasons tomllib gives for a procesmap.toml it cannot read (procesmap._toml.toml_reason) ----------------
    "sweep3.toml.overwrite": {
        "en": "a value is set twice",
        "nl": "een waarde wordt twee keer gezet",
    },
    "sweep3.toml.escape_scalar": {
        "en": "the escaped character is not a Unicode character",
        "nl": "het geëscapete teken is geen Unicode-teken",
    },
    "sweep3.toml.expected_equals": {
        "en": "a key must be followed by `=` and a value",
        "nl": "na een sleutel horen `=` en een waarde",
    },
    "sweep3.toml.expected_table_end": {
        "en": "the `[section]` header has no closing `]`",
        "nl": "de kop `[sectie]` mist de sluitende `]`",
    },
    "sweep3.toml.expected_array_end": {
        "en": "the `[[section]]` header has no closing `]]`",
        "nl": "de kop `[[sectie]]` mist de sluitende `]]`",
    },
    "sweep3.toml.expected_newline": {
        "en": "after `key = value` only a comment may follow on the line",
        "nl": "na `sleutel = waarde` mag op de regel alleen nog commentaar staan",
    },
    "sweep3.toml.bad_date": {"en": "this is not a valid date or time", "nl": "dit is geen geldige datum of tijd"},
    "sweep3.toml.bad_hex": {
        "en": "this is not a valid hexadecimal value",
        "nl": "dit is geen geldige hexadecimale waarde",
    },
    "sweep3.toml.bad_key": {
        "en": "a key cannot start with this character",
        "nl": "een sleutel kan niet met dit teken beginnen",
    },
    "sweep3.toml.bad_statement": {
        "en": "this line is neither `key = value` nor a `[section]` header",
        "nl": "deze regel is geen `sleutel = waarde` en geen kop `[sectie]`",
    },
    "sweep3.toml.bad_value": {
        "en": 'this is not a TOML value (a text goes between quotes: "off")',
        "nl": 'dit is geen TOML-waarde (een tekst staat tussen aanhalingstekens: "off")',
    },
    "sweep3.toml.unclosed_array": {"en": "the list `[...]` is not closed", "nl": "de lijst `[...]` is niet gesloten"},
    "sweep3.toml.unclosed_table": {
        "en": "the inline table `{{...}}` is not closed",
        "nl": "de tabel `{{...}}` is niet gesloten",
    },
    "sweep3.toml.backslash": {
        "en": "a `\\` in a text between double quotes must be written `\\\\` (or use single quotes)",
        "nl": "een `\\` in een tekst tussen dubbele aanhalingstekens schrijf je als `\\\\` (of gebruik enkele)",
    },
    "sweep3.toml.unterminated": {
        "en": "the text is not closed by its quote",
        "nl": "de tekst wordt niet door zijn aanhalingsteken gesloten",
    },
    "sweep3.toml.declared_twice": {"en": "`{key}` is declared twice", "nl": "`{key}` staat er twee keer"},
    "sweep3.toml.immutable": {
        "en": "`{key}` is already set as a whole and cannot be extended here",
        "nl": "`{key}` is al in zijn geheel gezet en kan hier niet worden aangevuld",
    },
    "sweep3.toml.redefine": {
        "en": "the section `{key}` is defined again",
        "nl": "de sectie `{key}` wordt opnieuw gedefinieerd",
    },
    "sweep3.toml.duplicate_inline": {
        "en": "the key `{key}` is in the inline table twice",
        "nl": "de sleutel `{key}` staat twee keer in de tabel",
    },
    "sweep3.toml.bad_character": {
        "en": "the character {char} is not allowed here",
        "nl": "het teken {char} mag hier niet staan",
    },
    # -- procesmap log compare: options that do nothing with, or without, --suggest-links ------------------------
    "sweep3.links.min_score_alone": {
        "en": "--min-score chooses which links --suggest-links and --write-links suggest, and neither was given",
        "nl": "--min-score kiest welke koppelingen --suggest-links en --write-links voorstellen, en geen van beide staat er",
    },
    "hint.sweep3.links.min_score_alone": {
        "en": "add --suggest-links to see the suggestions, or leave out --min-score for the comparison",
        "nl": "voeg --suggest-links toe om de voorstellen te zien, of laat --min-score weg voor de vergelijking",
    },
    "sweep3.links.no_report": {
        "en": "{option} is for the comparison's report; {links} prints its suggestions on the screen",
        "nl": "{option} is voor het rapport van de vergelijking; {links} zet de voorstellen op het scherm",
    },
    "hint.sweep3.links.no_report": {
        "en": "leave out {option}, or leave out {links} for the report (send the suggestions to a file with > FILE)",
        "nl": "laat {option} weg, of laat {links} weg voor het rapport (stuur de voorstellen naar een bestand met > BESTAND)",
    },
    "sweep3.serve.token_loopback": {
        "en": "Reachable from this computer only (--host is a loopback address); the token is required all the same. "
        "For another computer, start with --host 0.0.0.0 or this computer's address on the network.",
        "nl": "Alleen bereikbaar vanaf deze computer (--host is een loopback-adres); het token is toch nodig. "
        "Voor een andere computer: start met --host 0.0.0.0 of het adres van deze computer in het netwerk.",
    },
}
