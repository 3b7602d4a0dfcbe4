"""Catalogue entries of the leftover defects fixed in the second leftovers session (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_LEFTOVERS2: dict[str, dict[str, str]] = {
    # -- a rule configured twice in [rules] ---------------------------------------------------------
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
    # -- --force without --output ---------------------------------------------------------------
    "cli.force_without_output": {
        "en": "--force overwrites the file --output names, and no --output was given",
        "nl": "--force overschrijft het bestand dat bij --output staat, en er staat geen --output",
    },
    "hint.cli.force_without_output": {
        "en": "add `--output FILE` to write the draft to a file (--force lets it replace a file that exists), "
        "or leave out --force to see the draft on the screen",
        "nl": "voeg `--output BESTAND` toe om het concept naar een bestand te schrijven (--force laat het een "
        "bestaand bestand vervangen), of laat --force weg om het concept op het scherm te zien",
    },
    # -- headers of the log compare tables whose rows carry a label ------------------------------
    "leftovers2.log.figure": {"en": "figure", "nl": "kengetal"},
    "leftovers2.log.handovers": {"en": "handovers", "nl": "overdrachten"},
    # -- procesmap new ID --output EXISTING ------------------------------------------------------
    "hint.leftovers2.new.output_exists": {
        "en": "`new` never overwrites: give --output another file name, or move {path} out of the way first",
        "nl": "`new` overschrijft nooit: geef --output een andere bestandsnaam, of zet {path} eerst ergens anders",
    },
}
