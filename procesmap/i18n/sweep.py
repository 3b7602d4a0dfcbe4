"""Catalogue entries of the user-eyed defect sweep (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_SWEEP: dict[str, dict[str, str]] = {
    "sweep.roles.twice": {
        "en": "resource `{resource}` is given a role twice",
        "nl": "medewerker `{resource}` krijgt twee keer een rol",
    },
    "hint.sweep.roles.twice": {
        "en": "`{resource}` is already on line {line} (role {role}); keep one line per resource",
        "nl": "`{resource}` staat al op regel {line} (rol {role}); houd één regel per medewerker",
    },
    "sweep.roles.not_text": {
        "en": "the role of resource `{resource}` must be one name, not {found}",
        "nl": "de rol van medewerker `{resource}` moet één naam zijn, geen {found}",
    },
    "sweep.roles.empty": {
        "en": "resource `{resource}` has no role",
        "nl": "medewerker `{resource}` heeft geen rol",
    },
    "hint.sweep.roles.value": {
        "en": "write one `resource: role` per line, e.g. `{resource}: behandelaar`; leave out a resource without a role",
        "nl": "schrijf één `medewerker: rol` per regel, bijvoorbeeld `{resource}: behandelaar`; laat een medewerker "
        "zonder rol weg",
    },
    "sweep.roles.no_header": {
        "en": "the first line `{first}` is a resource and its role, but a roles CSV starts with a header line",
        "nl": "de eerste regel `{first}` is een medewerker met zijn rol, maar een rollen-CSV begint met een kopregel",
    },
    "hint.sweep.roles.no_header": {
        "en": "add a first line `resource,role`: the first line is never read as a resource (role {role} is on "
        "line {line} as well)",
        "nl": "zet `medewerker,rol` als eerste regel: de eerste regel wordt nooit als medewerker gelezen (rol {role} "
        "staat ook op regel {line})",
    },
    "sweep.roles.a_list": {"en": "a list", "nl": "een lijst"},
    "sweep.roles.a_mapping": {"en": "a mapping", "nl": "een mapping"},
    "sweep.serve.bad_host": {
        "en": "cannot listen on {host}: {reason}",
        "nl": "kan niet luisteren op {host}: {reason}",
    },
    "hint.sweep.serve.bad_host": {
        "en": "give --host a name or address of this machine (0.0.0.0: every network), or leave --host out for "
        "127.0.0.1 (this machine only)",
        "nl": "geef --host een naam of adres van deze machine (0.0.0.0: elk netwerk), of laat --host weg voor "
        "127.0.0.1 (alleen deze machine)",
    },
    "hint.sweep.links_not_writable": {
        "en": "--write-links writes the log: names into the map: make the file writable (chmod u+w), or run as its "
        "owner; without --write-links nothing is written",
        "nl": "--write-links schrijft de log:-namen in de kaart: maak het bestand schrijfbaar (chmod u+w), of werk als "
        "de eigenaar; zonder --write-links wordt niets geschreven",
    },
    "hint.sweep.set.decimal": {
        "en": "write the number with a decimal point: --set {path}={value}",
        "nl": "schrijf het getal met een punt: --set {path}={value}",
    },
    "hint.sweep.set.quote_text": {
        "en": "a text with `: `, `[` or `{{` is read as YAML: put double quotes around it, inside the shell's quotes: "
        "--set '{path}=\"{text}\"'",
        "nl": "een tekst met `: `, `[` of `{{` wordt als YAML gelezen: zet er dubbele aanhalingstekens omheen, binnen "
        "die van de shell: --set '{path}=\"{text}\"'",
    },
}
