"""Catalogue entries that say in the user's language what a library or the system said in English.

Merged into the one catalogue by :mod:`procesmap.i18n`. Prefixes:

- ``yaml.problem.*`` / ``yaml.context.*``: what PyYAML (libyaml or the pure-Python parser)
  found and where the construct it was reading began; chosen by :func:`procesmap.reasons.yaml_detail`.
- ``os.error.*``: the common operating-system errors by errno name; chosen by
  :func:`procesmap.reasons.os_reason`.
- ``text.not_utf8``: a text file (an event log) that is not UTF-8.
- ``duration.too_long``, ``duration.work_too_long``, ``value.fte_over_people``: bounds of the model.
"""

from __future__ import annotations

MESSAGES_PROBLEMS: dict[str, dict[str, str]] = {
    # -- YAML: what the parser found -------------------------------------------------------------
    "yaml.with_context": {"en": "{problem} ({context})", "nl": "{problem} ({context})"},
    "yaml.problem.other": {"en": "{text}", "nl": "onvertaalde melding van de YAML-lezer ({text})"},
    "yaml.problem.list_item": {
        "en": "this line does not fit in the list above it: every item starts with `- `, indented as the others",
        "nl": "deze regel past niet in de lijst erboven: elk item begint met `- `, even ver ingesprongen als de andere",
    },
    "yaml.problem.key": {
        "en": "this line does not fit in the `key: value` lines above it: they all start at the same indentation",
        "nl": "deze regel past niet bij de regels `sleutel: waarde` erboven: die beginnen allemaal even "
        "ver ingesprongen",
    },
    "yaml.problem.block_end": {
        "en": "this line does not fit the indentation of the lines above",
        "nl": "deze regel past niet bij de inspringing van de regels erboven",
    },
    "yaml.problem.mapping_values": {
        "en": "a `key: value` cannot start here: is a text with `: ` in it not quoted, "
        "or is the line indented too far?",
        "nl": "hier kan geen `sleutel: waarde` beginnen: staat een tekst met `: ` erin niet "
        "tussen aanhalingstekens, of is de regel te ver ingesprongen?",
    },
    "yaml.problem.mapping_keys": {"en": "a `?` key cannot start here", "nl": "hier kan geen `?`-sleutel beginnen"},
    "yaml.problem.list_not_allowed": {
        "en": "a list item (`- `) cannot start here",
        "nl": "hier kan geen lijstitem (`- `) beginnen",
    },
    "yaml.problem.no_colon": {"en": "the `:` after a key is missing", "nl": "de `:` na een sleutel ontbreekt"},
    "yaml.problem.bad_start": {
        "en": "a value cannot start with the character {character}",
        "nl": "een waarde kan niet beginnen met het teken {character}",
    },
    "yaml.problem.tab": {"en": "a tab where YAML expects spaces", "nl": "een tab waar YAML spaties verwacht"},
    "yaml.problem.end_in_quote": {
        "en": "the file ends inside a quoted text: its closing quote is missing",
        "nl": "het bestand eindigt binnen een tekst tussen aanhalingstekens: het sluitende aanhalingsteken ontbreekt",
    },
    "yaml.problem.document_in_quote": {
        "en": "a `---` or `...` line inside a quoted text",
        "nl": "een regel `---` of `...` binnen een tekst tussen aanhalingstekens",
    },
    "yaml.problem.undefined_alias": {
        "en": "alias *{alias} refers to no anchor &{alias} above it",
        "nl": "alias *{alias} verwijst naar geen anker &{alias} erboven",
    },
    "yaml.problem.duplicate_anchor": {
        "en": "anchor &{anchor} is defined twice (first at line {line})",
        "nl": "anker &{anchor} is twee keer gedefinieerd (eerst op regel {line})",
    },
    "yaml.problem.flow_mapping": {
        "en": "a `{{...}}` is not closed with `}}`, or a comma is missing between its items",
        "nl": "een `{{...}}` is niet gesloten met `}}`, of er ontbreekt een komma tussen de onderdelen",
    },
    "yaml.problem.flow_sequence": {
        "en": "a `[...]` is not closed with `]`, or a comma is missing between its items",
        "nl": "een `[...]` is niet gesloten met `]`, of er ontbreekt een komma tussen de onderdelen",
    },
    "yaml.problem.escape": {
        "en": "an unknown escape (`\\` and a character) in a text between double quotes",
        "nl": "een onbekende escape (`\\` en een teken) in een tekst tussen dubbele aanhalingstekens",
    },
    "yaml.problem.node_content": {"en": "a value is missing here", "nl": "hier ontbreekt een waarde"},
    "yaml.problem.anchor_name": {
        "en": "an anchor or alias (&name, *name) needs a name of letters or digits",
        "nl": "een anker of alias (&naam, *naam) heeft een naam van letters of cijfers nodig",
    },
    "yaml.problem.tag_handle": {
        "en": "an unknown tag (a word after `!`)",
        "nl": "een onbekende tag (een woord na `!`)",
    },
    "yaml.problem.block_indicator": {
        "en": "the indentation number after `|` or `>` must be 1 to 9",
        "nl": "het inspringgetal na `|` of `>` moet 1 tot en met 9 zijn",
    },
    "yaml.problem.comment_or_break": {
        "en": "only a comment (`# ...`) may follow here on the same line",
        "nl": "hier mag op dezelfde regel alleen nog commentaar (`# ...`) volgen",
    },
    "yaml.problem.version": {
        "en": "the file declares a YAML version other than 1.x",
        "nl": "het bestand noemt een andere YAML-versie dan 1.x",
    },
    "yaml.problem.document_start": {
        "en": "expected the start of a document (`---`) here",
        "nl": "hier werd het begin van een document (`---`) verwacht",
    },
    "yaml.problem.control": {
        "en": "the invisible control character {code} is not allowed in YAML",
        "nl": "het onzichtbare stuurteken {code} is niet toegestaan in YAML",
    },
    # -- YAML: where the construct began ----------------------------------------------------------
    "yaml.context.list": {
        "en": "in the list that starts at line {line}",
        "nl": "in de lijst die begint op regel {line}",
    },
    "yaml.context.mapping": {
        "en": "in the `key: value` lines that start at line {line}",
        "nl": "in de regels `sleutel: waarde` die beginnen op regel {line}",
    },
    "yaml.context.flow_mapping": {
        "en": "in the `{{...}}` opened at line {line}, column {column}",
        "nl": "in de `{{...}}` geopend op regel {line}, kolom {column}",
    },
    "yaml.context.flow_sequence": {
        "en": "in the `[...]` opened at line {line}, column {column}",
        "nl": "in de `[...]` geopend op regel {line}, kolom {column}",
    },
    "yaml.context.quoted": {
        "en": "the quoted text starts at line {line}, column {column}",
        "nl": "de tekst tussen aanhalingstekens begint op regel {line}, kolom {column}",
    },
    "yaml.context.key": {
        "en": "for the key at line {line}, column {column}",
        "nl": "bij de sleutel op regel {line}, kolom {column}",
    },
    "yaml.context.text": {
        "en": "in the text that starts at line {line}, column {column}",
        "nl": "in de tekst die begint op regel {line}, kolom {column}",
    },
    "yaml.context.block_text": {
        "en": "in the block text (`|` or `>`) that starts at line {line}",
        "nl": "in de bloktekst (`|` of `>`) die begint op regel {line}",
    },
    "hint.yaml.start_character": {
        "en": 'put a text that starts with {character} in quotes, e.g. name: "{raw}..."',
        "nl": 'zet een tekst die begint met {character} tussen aanhalingstekens, bijvoorbeeld name: "{raw}..."',
    },
    "hint.yaml.anchor": {"en": "give every anchor (&name) its own name", "nl": "geef elk anker (&naam) een eigen naam"},
    "hint.yaml.escape": {
        "en": "use single quotes ('...'), in which `\\` is an ordinary character, or write `\\\\`",
        "nl": "gebruik enkele aanhalingstekens ('...'), waarin `\\` een gewoon teken is, of schrijf `\\\\`",
    },
    "hint.yaml.control": {
        "en": "remove the character (it is often pasted along from Word or a PDF)",
        "nl": "haal het teken weg (het komt vaak mee bij plakken uit Word of een pdf)",
    },
    # -- operating-system errors, by errno ---------------------------------------------------------
    "os.error.ENOENT": {"en": "no such file or folder", "nl": "bestand of map bestaat niet"},
    "os.error.EACCES": {"en": "permission denied", "nl": "geen toegang (onvoldoende rechten)"},
    "os.error.EPERM": {"en": "operation not permitted", "nl": "handeling niet toegestaan (onvoldoende rechten)"},
    "os.error.EISDIR": {"en": "it is a folder, not a file", "nl": "het is een map, geen bestand"},
    "os.error.ENOTDIR": {"en": "a part of the path is not a folder", "nl": "een deel van het pad is geen map"},
    "os.error.ENOSPC": {"en": "the disk is full", "nl": "de schijf is vol"},
    "os.error.EROFS": {"en": "the disk or folder is read-only", "nl": "de schijf of map is alleen-lezen"},
    "os.error.EEXIST": {"en": "the file already exists", "nl": "het bestand bestaat al"},
    "os.error.ENAMETOOLONG": {"en": "the file name is too long", "nl": "de bestandsnaam is te lang"},
    "os.error.other": {"en": "{text}", "nl": "fout van het besturingssysteem ({text})"},
    # -- text that is not UTF-8 (event logs) ---------------------------------------------------------
    "text.not_utf8": {
        "en": "{path}:{line}:{column}: the file is not UTF-8 text: byte {byte} (byte offset {offset})",
        "nl": "{path}:{line}:{column}: het bestand is geen UTF-8-tekst: byte {byte} (byte-positie {offset})",
    },
    "hint.text.not_utf8": {
        "en": "save the file as UTF-8 (in Excel: 'CSV UTF-8'); Excel and Word often save as Windows-1252",
        "nl": "sla het bestand op als UTF-8 (in Excel: 'CSV UTF-8'); Excel en Word slaan vaak op als Windows-1252",
    },
    "text.more_than": {"en": "more than {count}", "nl": "meer dan {count}"},
    # -- bounds of the model -------------------------------------------------------------------------
    "duration.too_long": {
        "en": "the duration `{value}` is longer than 10 years ({limit} days)",
        "nl": "de duur `{value}` is langer dan 10 jaar ({limit} dagen)",
    },
    "hint.duration.too_long": {
        "en": "check the number and the unit: m minutes, h hours, d days, w weeks",
        "nl": "controleer het getal en de eenheid: m minuten, h uren, d dagen, w weken",
    },
    "duration.work_too_long": {
        "en": "`work: {value}` is more than 10 years of working time ({limit} hours on this calendar)",
        "nl": "`work: {value}` is meer dan 10 jaar werktijd ({limit} uur met deze kalender)",
    },
    "hint.duration.work_too_long": {
        "en": "`work` is the effort of one person for one case, e.g. `2h` or `1.5d`",
        "nl": "`work` is de inspanning van één persoon voor één zaak, bijvoorbeeld `2h` of `1.5d`",
    },
    "value.fte_over_people": {
        "en": "`fte: {fte}` is more than `people: {people}`",
        "nl": "`fte: {fte}` is meer dan `people: {people}`",
    },
    "hint.value.fte_over_people": {
        "en": "fte counts full-time jobs of the calendar's week, at most one per person (e.g. people: 6, fte: 4.8); "
        "did you swap them?",
        "nl": "fte telt volledige banen van de kalenderweek, hoogstens één per persoon (bijvoorbeeld people: 6, fte: 4.8); "
        "zijn ze omgewisseld?",
    },
    "value.people_thousands": {
        "en": "`people: {value}` has a thousands point, but a point in a number is a decimal point",
        "nl": "`people: {value}` heeft een punt als duizendtalscheiding, maar een punt in een getal is een "
        "decimaalteken",
    },
    "hint.value.people_thousands": {
        "en": "write `people: {count}` ({count} persons), without the point",
        "nl": "schrijf `people: {count}` ({count} personen), zonder punt",
    },
    # the capacity of a role and the calendar: what the number means and its range, in place of "see the schema"
    "hint.capacity.people": {
        "en": "`people` counts the persons who do the role's work: a whole number from 1 to 100,000 (`people: 3`); "
        "part-time work goes in `fte` (`people: 2, fte: 1.5`); leave `people` out when it is not known, and write "
        "`external: true` for a party outside the organisation",
        "nl": "`people` telt de personen die het werk van de rol doen: een geheel getal van 1 tot 100.000 "
        "(`people: 3`); deeltijd komt in `fte` (`people: 2, fte: 1.5`); laat `people` weg als het niet bekend is, "
        "en schrijf `external: true` voor een partij buiten de organisatie",
    },
    "hint.capacity.fte": {
        "en": "`fte` is the full-time jobs the role's people work on the map's week: more than 0 and at most "
        "100,000 (`fte: 0.8` is one person four days of five); leave `fte` out when it is not known (it is then "
        "`people`), and write `external: true` for a party outside the organisation",
        "nl": "`fte` is het aantal volledige banen dat de mensen van de rol werken in de week van de kaart: meer dan 0 "
        "en hoogstens 100.000 (`fte: 0.8` is één persoon vier van de vijf dagen); laat `fte` weg als het niet bekend "
        "is (het is dan `people`), en schrijf `external: true` voor een partij buiten de organisatie",
    },
    "hint.capacity.hours_per_day": {
        "en": "`hours_per_day` is the working hours of one day: more than 0 and at most 24 (default 8)",
        "nl": "`hours_per_day` is het aantal werkuren van één dag: meer dan 0 en hoogstens 24 (standaard 8)",
    },
    "hint.capacity.days_per_week": {
        "en": "`days_per_week` is the working days of one week: more than 0 and at most 7 (default 5)",
        "nl": "`days_per_week` is het aantal werkdagen van één week: meer dan 0 en hoogstens 7 (standaard 5)",
    },
    "hint.capacity.weeks_per_year": {
        "en": "`weeks_per_year` is the productive weeks of one year, without holidays and leave: more than 0 and at "
        "most 53 (default 46)",
        "nl": "`weeks_per_year` is het aantal productieve weken van één jaar, zonder feestdagen en verlof: meer dan 0 "
        "en hoogstens 53 (standaard 46)",
    },
    "hint.value.p": {
        "en": "`p` is the share of the cases that take this branch: a number from 0 to 1 (`p: 0.3` is 30%)",
        "nl": "`p` is het aandeel van de zaken dat deze tak neemt: een getal van 0 tot 1 (`p: 0.3` is 30%)",
    },
    "hint.value.p_percent": {
        "en": "`p` is a share from 0 to 1, not a percentage: write `p: {example}`",
        "nl": "`p` is een aandeel van 0 tot 1, geen percentage: schrijf `p: {example}`",
    },
    "hint.value.bool_dutch": {
        "en": "YAML writes yes and no as true and false: write `{field}: {example}`",
        "nl": "YAML schrijft ja en nee als true en false: schrijf `{field}: {example}`",
    },
    "duration.clock": {
        "en": "`{value}` is a time of the clock, not a duration: YAML reads it as a number in base 60",
        "nl": "`{value}` is een tijd op de klok, geen duur: YAML leest het als een getal in het zestigtallig stelsel",
    },
    "hint.duration.clock": {
        "en": "write the duration with a unit: `{example}` (`{value}` as hours and minutes)",
        "nl": "schrijf de duur met een eenheid: `{example}` (`{value}` als uren en minuten)",
    },
    "hint.value.unquote": {
        "en": "a number or true/false in quotes is text: write `{field}: {example}`, without quotes",
        "nl": "een getal of true/false tussen aanhalingstekens is tekst: schrijf `{field}: {example}`, zonder "
        "aanhalingstekens",
    },
}
