"""Catalogue entries of the XES reader's syntax errors (merged into MESSAGES).

libxml2 (through lxml) says what is wrong in English; the common messages have a Dutch and
an English text of their own here (``xes.syntax.<name>``), any other keeps libxml2's text,
in Dutch marked as English.
"""

from __future__ import annotations

MESSAGES_XES: dict[str, dict[str, str]] = {
    "log.xes_syntax": {
        "en": "{path}:{line}:{column}: the XES file is not well-formed XML: {reason}",
        "nl": "{path}:{line}:{column}: het XES-bestand is geen geldige XML: {reason}",
    },
    "hint.log.xes_syntax": {
        "en": "open the file at this line in a text editor and repair it, or export the log again from the case "
        "system as XES (IEEE 1849) or CSV",
        "nl": "open het bestand op deze regel in een teksteditor en herstel het, of exporteer het log opnieuw uit "
        "het zaaksysteem als XES (IEEE 1849) of CSV",
    },
    "xes.syntax.tag_mismatch": {
        "en": "<{open}> (opened on line {opened}) is closed by </{close}>",
        "nl": "<{open}> (geopend op regel {opened}) wordt gesloten met </{close}>",
    },
    "xes.syntax.premature_end": {
        "en": "the file ends inside <{tag}> (opened on line {opened}); it may be cut off",
        "nl": "het bestand houdt op binnen <{tag}> (geopend op regel {opened}); misschien is het afgekapt",
    },
    "xes.syntax.unclosed_tag": {
        "en": "the tag <{tag} ...> is not closed with > or />",
        "nl": "de tag <{tag} ...> wordt niet afgesloten met > of />",
    },
    "xes.syntax.extra_content": {
        "en": "there is more after the end of the <log> element",
        "nl": "er staat nog iets na het einde van het <log>-element",
    },
    "xes.syntax.empty": {"en": "the file is empty or holds no XML", "nl": "het bestand is leeg of bevat geen XML"},
    "xes.syntax.ampersand": {
        "en": "an & that does not start an entity (write &amp; for a plain &)",
        "nl": "een & die geen entiteit begint (schrijf &amp; voor een gewone &)",
    },
    "xes.syntax.quote": {
        "en": 'an attribute value without quotes (write key="...")',
        "nl": 'een attribuutwaarde zonder aanhalingstekens (schrijf key="...")',
    },
    "xes.syntax.less_than": {
        "en": "a < inside an attribute value (write &lt;)",
        "nl": "een < in een attribuutwaarde (schrijf &lt;)",
    },
    "xes.syntax.other": {"en": "{text}", "nl": "{text} (melding van de XML-parser, in het Engels)"},
    "xes.syntax.limit": {
        "en": "a value longer than 10,000,000 characters, or elements nested deeper than 256 levels (the limits of the "
        "XML parser; an XES value is a name, a time or a number)",
        "nl": "een waarde van meer dan 10.000.000 tekens, of elementen dieper genest dan 256 niveaus (de grenzen van de "
        "XML-parser; een XES-waarde is een naam, een tijd of een getal)",
    },
}
