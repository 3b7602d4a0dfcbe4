"""Messages for a command line typer cannot read: an unknown option, a missing argument, a value of the wrong kind.

typer (its bundled click) writes these in English only; procesmap writes them in the user's language with a
hint, as every other message (procesmap/cli.py, ``usage_error``).
"""

from __future__ import annotations

MESSAGES_USAGE: dict[str, dict[str, str]] = {
    "usage.unknown_option": {
        "en": "{command}: unknown option `{option}`",
        "nl": "{command}: onbekende optie `{option}`",
    },
    "usage.unknown_command": {
        "en": "{command}: unknown command `{name}`",
        "nl": "{command}: onbekende opdracht `{name}`",
    },
    "usage.missing_argument": {"en": "{command}: {name} is missing", "nl": "{command}: {name} ontbreekt"},
    "usage.needs_value": {
        "en": "{command}: `{option}` needs a value",
        "nl": "{command}: `{option}` heeft een waarde nodig",
    },
    "usage.extra_argument": {
        "en": "{command}: unexpected argument `{value}`",
        "nl": "{command}: onverwacht argument `{value}`",
    },
    "usage.whole_number": {
        "en": "{command}: `{option}` takes a whole number, not `{value}`",
        "nl": "{command}: `{option}` verwacht een geheel getal, geen `{value}`",
    },
    "usage.number": {
        "en": "{command}: `{option}` takes a number, not `{value}`",
        "nl": "{command}: `{option}` verwacht een getal, geen `{value}`",
    },
    "usage.choice": {
        "en": "{command}: `{option}` is one of {choices}, not `{value}`",
        "nl": "{command}: `{option}` is een van {choices}, niet `{value}`",
    },
    "usage.other": {"en": "{command}: {detail}", "nl": "{command}: {detail}"},
    "hint.usage.help": {
        "en": "`{command} --help` shows what it takes",
        "nl": "`{command} --help` laat zien wat de opdracht verwacht",
    },
    "hint.usage.did_you_mean": {"en": "did you mean `{suggestion}`?", "nl": "bedoel je `{suggestion}`?"},
    "hint.usage.decimal_point": {
        "en": "write a number with a decimal point: `{option} {example}`",
        "nl": "schrijf een getal met een decimale punt, niet met een komma: `{option} {example}`",
    },
}
