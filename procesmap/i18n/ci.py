"""Catalogue entries of the ci commands (merged into MESSAGES): check, configuration, suppression."""

from __future__ import annotations

MESSAGES_CI: dict[str, dict[str, str]] = {
    # -- check ---------------------------------------------------------------------------------
    "check.summary": {
        "en": "procesmap: files: {files}, findings: {findings} (error: {errors}, warning: {warnings}, info: {infos}), "
        "suppressed: {suppressed}",
        "nl": "procesmap: bestanden: {files}, bevindingen: {findings} (fout: {errors}, waarschuwing: {warnings}, "
        "info: {infos}), onderdrukt: {suppressed}",
    },
    "check.summary_invalid": {
        "en": "; invalid files: {invalid} (problems: {problems})",
        "nl": "; ongeldige bestanden: {invalid} (problemen: {problems})",
    },
    "check.suppressed_title": {"en": "Suppressed findings ({count})", "nl": "Onderdrukte bevindingen ({count})"},
    "check.reason": {"en": "reason", "nl": "reden"},
    "check.no_reason": {"en": "no reason given", "nl": "geen reden opgegeven"},
    "cli.check_bad_format": {"en": "unknown check format `{value}`", "nl": "onbekend check-formaat `{value}`"},
    "hint.cli.check_bad_format": {"en": "choose one of: {allowed}", "nl": "kies uit: {allowed}"},
    "cli.check_suffix": {
        "en": "--output {path}: check writes no {suffix} file; without --format it writes plain lines",
        "nl": "--output {path}: check schrijft geen {suffix}-bestand; zonder --format schrijft het gewone regels",
    },
    "hint.cli.check_suffix": {
        "en": "for GitHub code scanning name it .sarif (or give --format sarif); for GitLab Code Quality give "
        "--format gitlab (a .json); .txt for plain lines",
        "nl": "noem het .sarif voor GitHub code scanning (of geef --format sarif); geef --format gitlab voor GitLab "
        "Code Quality (een .json); .txt voor gewone regels",
    },
    # -- meta rules: PM000 (invalid input), PM001 (unused suppression) -------------------------------
    "PM000.title": {"en": "Invalid input", "nl": "Ongeldige invoer"},
    "PM000.summary": {
        "en": "a process file or configuration file could not be read or is invalid",
        "nl": "een procesbestand of configuratiebestand kan niet gelezen worden of is ongeldig",
    },
    "PM000.hint": {
        "en": "fix the file at the place named; the message says what is wrong",
        "nl": "herstel het bestand op de genoemde plek; de melding zegt wat er mis is",
    },
    "PM001.title": {"en": "Unused suppression", "nl": "Onderdrukking zonder effect"},
    "PM001.summary": {
        "en": "a `# procesmap: ignore[...]` comment suppresses nothing",
        "nl": "een commentaar `# procesmap: ignore[...]` onderdrukt niets",
    },
    "PM001.message": {
        "en": "ignore[{code}] suppresses nothing on this line or the next",
        "nl": "ignore[{code}] onderdrukt niets op deze regel of de volgende",
    },
    "PM001.message_file": {
        "en": "ignore-file[{code}] suppresses nothing in this file",
        "nl": "ignore-file[{code}] onderdrukt niets in dit bestand",
    },
    "PM001.hint": {
        "en": "remove the comment, or put it on (or just above) the line of the finding",
        "nl": "haal het commentaar weg, of zet het op (of direct boven) de regel van de bevinding",
    },
    "PM001.unknown_code": {
        "en": "`{code}` in a suppression comment is no rule code",
        "nl": "`{code}` in een onderdrukkingscommentaar is geen regelcode",
    },
    "PM001.hint_unknown_code": {
        "en": "did you mean `{suggestion}`? `procesmap rules` lists every code",
        "nl": "bedoel je `{suggestion}`? `procesmap rules` toont alle codes",
    },
    "PM001.malformed": {
        "en": "procesmap does not understand the comment `{comment}`",
        "nl": "procesmap begrijpt het commentaar `{comment}` niet",
    },
    "PM001.hint_malformed": {
        "en": "write `# procesmap: ignore[PM204] reason` or `# procesmap: ignore-file[PM102] reason`",
        "nl": "schrijf `# procesmap: ignore[PM204] reden` of `# procesmap: ignore-file[PM102] reden`",
    },
    "PM001.file_trailing": {
        "en": "`{comment}` must stand on a line of its own",
        "nl": "`{comment}` moet op een eigen regel staan",
    },
    "PM001.hint_file_trailing": {
        "en": "put `# procesmap: ignore-file[...]` on its own line at the top of the file",
        "nl": "zet `# procesmap: ignore-file[...]` op een eigen regel bovenaan het bestand",
    },
    # -- configuration ---------------------------------------------------------------------------
    "config.syntax": {"en": "this is not valid TOML: {reason}", "nl": "dit is geen geldige TOML: {reason}"},
    "config.hint.syntax": {
        "en": "check quotes, brackets and `key = value` at this place (https://toml.io)",
        "nl": "controleer aanhalingstekens, haken en `sleutel = waarde` op deze plek (https://toml.io)",
    },
    "config.binary": {
        "en": "this is a binary file, not a TOML configuration",
        "nl": "dit is een binair bestand, geen TOML-configuratie",
    },
    "config.hint.binary": {
        "en": "procesmap.toml is text with `key = value` lines and [sections], "
        'e.g. `language = "nl"` and `[rules]` with `PM102 = "off"`; see docs/ci.md',
        "nl": "procesmap.toml is tekst met regels `sleutel = waarde` en [secties], "
        'bijvoorbeeld `language = "nl"` en `[rules]` met `PM102 = "off"`; zie docs/ci.md',
    },
    "config.hint.encoding": {
        "en": "save the configuration file as UTF-8 text in your editor",
        "nl": "sla het configuratiebestand op als UTF-8-tekst in je editor",
    },
    "config.hint.missing": {
        "en": "check the path given with --config",
        "nl": "controleer het pad dat bij --config staat",
    },
    "config.hint.name_file": {
        "en": "name a procesmap.toml or pyproject.toml file",
        "nl": "noem een bestand procesmap.toml of pyproject.toml",
    },
    "config.unknown_key": {
        "en": "unknown setting `{name}` in [{section}]",
        "nl": "onbekende instelling `{name}` in [{section}]",
    },
    "config.unknown_top_key": {"en": "unknown setting `{name}`", "nl": "onbekende instelling `{name}`"},
    "config.unknown_rule": {
        "en": "`{name}` in [rules] is no rule code or name",
        "nl": "`{name}` in [rules] is geen regelcode of -naam",
    },
    "config.hint.did_you_mean": {"en": "did you mean `{suggestion}`?", "nl": "bedoel je `{suggestion}`?"},
    "config.hint.allowed_keys": {"en": "allowed here: {allowed}", "nl": "toegestaan op deze plek: {allowed}"},
    "config.hint.rules_list": {
        "en": "`procesmap rules` lists every code and name",
        "nl": "`procesmap rules` toont alle codes en namen",
    },
    **{
        f"config.type.{name}": {"en": name, "nl": dutch}
        for name, dutch in (
            ("boolean", "waar/onwaar (true/false)"),
            ("integer", "geheel getal"),
            ("number", "getal"),
            ("string", "tekst"),
            ("table", "tabel"),
            ("array", "lijst"),
        )
    },
    "config.wrong_type": {
        "en": "`{name}` must be of type {expected}, not {found}",
        "nl": "`{name}` moet een {expected} zijn, geen {found}",
    },
    "config.hint.table": {
        "en": "write it as a table: a line `[{name}]` with `name = value` lines below it",
        "nl": "schrijf het als tabel: een regel `[{name}]` met daaronder regels `naam = waarde`",
    },
    "config.hint.preset": {"en": "`extends` is one of: {allowed}", "nl": "`extends` is een van: {allowed}"},
    "config.hint.integer": {
        "en": "write a whole number of 0 or more, without quotes, e.g. `{name} = 10000`",
        "nl": "schrijf een geheel getal van 0 of meer, zonder aanhalingstekens, bijv. `{name} = 10000`",
    },
    "config.hint.severity": {
        "en": 'write `{name} = "warning"` (off, info, warning, error) or a table `{name} = {{ severity = "warning" }}`',
        "nl": 'schrijf `{name} = "warning"` (off, info, warning, error) of een tabel '
        '`{name} = {{ severity = "warning" }}`',
    },
    "config.hint.option_default": {"en": "the default is {default}", "nl": "de standaardwaarde is {default}"},
    "config.negative": {
        "en": "`{name}` must be 0 or more, not {found}",
        "nl": "`{name}` moet 0 of meer zijn, niet {found}",
    },
    "config.bad_number": {
        "en": "`{name}` must be a finite number of 0 or more, not {found}",
        "nl": "`{name}` moet een eindig getal van 0 of meer zijn, niet {found}",
    },
    "config.bad_preset": {
        "en": "unknown preset {found} in `extends`",
        "nl": "onbekende voorinstelling {found} in `extends`",
    },
    "config.bad_language": {"en": "unknown language {found}", "nl": "onbekende taal {found}"},
    "config.bad_fail_on": {
        "en": "unknown severity {found} for `fail_on`",
        "nl": "onbekende ernst {found} voor `fail_on`",
    },
    "config.bad_severity": {"en": "unknown severity {found}", "nl": "onbekende ernst {found}"},
    "config.hint.did_you_mean_value": {
        "en": 'did you mean "{suggestion}"? Allowed: {allowed}',
        "nl": 'bedoel je "{suggestion}"? Toegestaan: {allowed}',
    },
    "config.hint.allowed_values": {"en": "allowed: {allowed}", "nl": "toegestaan: {allowed}"},
    "config.no_options": {
        "en": "rule {code} has no option `{name}`; only `severity` can be set",
        "nl": "regel {code} heeft geen optie `{name}`; alleen `severity` kan ingesteld worden",
    },
    "config.hint.no_options": {
        "en": 'write `{code} = "warning"` (off, info, warning, error)',
        "nl": 'schrijf `{code} = "warning"` (off, info, warning, error)',
    },
    # -- the reasons tomllib gives for a procesmap.toml it cannot read (procesmap._toml.toml_reason)
    "toml.overwrite": {
        "en": "a value is set twice",
        "nl": "een waarde wordt twee keer gezet",
    },
    "toml.escape_scalar": {
        "en": "the escaped character is not a Unicode character",
        "nl": "het geëscapete teken is geen Unicode-teken",
    },
    "toml.expected_equals": {
        "en": "a key must be followed by `=` and a value",
        "nl": "na een sleutel horen `=` en een waarde",
    },
    "toml.expected_table_end": {
        "en": "the `[section]` header has no closing `]`",
        "nl": "de kop `[sectie]` mist de sluitende `]`",
    },
    "toml.expected_array_end": {
        "en": "the `[[section]]` header has no closing `]]`",
        "nl": "de kop `[[sectie]]` mist de sluitende `]]`",
    },
    "toml.expected_newline": {
        "en": "after `key = value` only a comment may follow on the line",
        "nl": "na `sleutel = waarde` mag op de regel alleen nog commentaar staan",
    },
    "toml.bad_date": {"en": "this is not a valid date or time", "nl": "dit is geen geldige datum of tijd"},
    "toml.bad_hex": {
        "en": "this is not a valid hexadecimal value",
        "nl": "dit is geen geldige hexadecimale waarde",
    },
    "toml.bad_key": {
        "en": "a key cannot start with this character",
        "nl": "een sleutel kan niet met dit teken beginnen",
    },
    "toml.bad_statement": {
        "en": "this line is neither `key = value` nor a `[section]` header",
        "nl": "deze regel is geen `sleutel = waarde` en geen kop `[sectie]`",
    },
    "toml.bad_value": {
        "en": 'this is not a TOML value (a text goes between quotes: "off")',
        "nl": 'dit is geen TOML-waarde (een tekst staat tussen aanhalingstekens: "off")',
    },
    "toml.unclosed_array": {"en": "the list `[...]` is not closed", "nl": "de lijst `[...]` is niet gesloten"},
    "toml.unclosed_table": {
        "en": "the inline table `{{...}}` is not closed",
        "nl": "de tabel `{{...}}` is niet gesloten",
    },
    "toml.backslash": {
        "en": "a `\\` in a text between double quotes must be written `\\\\` (or use single quotes)",
        "nl": "een `\\` in een tekst tussen dubbele aanhalingstekens schrijf je als `\\\\` (of gebruik enkele)",
    },
    "toml.unterminated": {
        "en": "the text is not closed by its quote",
        "nl": "de tekst wordt niet door zijn aanhalingsteken gesloten",
    },
    "toml.declared_twice": {"en": "`{key}` is declared twice", "nl": "`{key}` staat er twee keer"},
    "toml.immutable": {
        "en": "`{key}` is already set as a whole and cannot be extended here",
        "nl": "`{key}` is al in zijn geheel gezet en kan hier niet worden aangevuld",
    },
    "toml.redefine": {
        "en": "the section `{key}` is defined again",
        "nl": "de sectie `{key}` wordt opnieuw gedefinieerd",
    },
    "toml.duplicate_inline": {
        "en": "the key `{key}` is in the inline table twice",
        "nl": "de sleutel `{key}` staat twee keer in de tabel",
    },
    "toml.bad_character": {
        "en": "the character {char} is not allowed here",
        "nl": "het teken {char} mag hier niet staan",
    },
    # -- a rule configured twice in [rules]
    "config.rule_twice": {
        "en": "`{name}` in [rules] configures rule {code} a second time",
        "nl": "`{name}` in [rules] stelt regel {code} een tweede keer in",
    },
    "hint.config.rule_twice": {
        "en": "`{first}` (line {line}, column {column}) configures it already: keep one of the two "
        "(a code and its name are the same rule)",
        "nl": "`{first}` (regel {line}, kolom {column}) stelt hem al in: houd er één van de twee "
        "(een code en zijn naam zijn dezelfde regel)",
    },
}
