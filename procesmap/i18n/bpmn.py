"""Catalogue entries of the bpmn commands (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_BPMN: dict[str, dict[str, str]] = {
    # reading a BPMN file
    "bpmn.missing": {"en": "file {path} does not exist", "nl": "bestand {path} bestaat niet"},
    "bpmn.is_directory": {"en": "{path} is a folder, not a BPMN file", "nl": "{path} is een map, geen BPMN-bestand"},
    "bpmn.unreadable": {"en": "cannot read the file: {reason}", "nl": "kan het bestand niet lezen: {reason}"},
    "hint.bpmn.missing": {"en": "Give the path of one .bpmn file.", "nl": "Geef het pad van één .bpmn-bestand."},
    "bpmn.too_large": {
        "en": "the file is {size:plural:# byte|# bytes}; procesmap reads BPMN files up to "
        "{limit:plural:# byte|# bytes}",
        "nl": "het bestand is {size:plural:# byte|# bytes}; procesmap leest BPMN-bestanden tot "
        "{limit:plural:# byte|# bytes}",
    },
    "bpmn.too_many_elements": {
        "en": "the file has more than {limit:plural:# XML element|# XML elements}",
        "nl": "het bestand heeft meer dan {limit:plural:# XML-element|# XML-elementen}",
    },
    "hint.bpmn.too_large": {
        "en": "Split the model into smaller files, one process per file.",
        "nl": "Splits het model in kleinere bestanden, één proces per bestand.",
    },
    "bpmn.empty": {"en": "the file is empty", "nl": "het bestand is leeg"},
    "bpmn.doctype": {
        "en": "the file has a DOCTYPE or ENTITY declaration; procesmap does not read DTDs or entities",
        "nl": "het bestand heeft een DOCTYPE- of ENTITY-declaratie; procesmap leest geen DTD's of entiteiten",
    },
    "hint.bpmn.doctype": {
        "en": "BPMN files never need one. Remove the <!DOCTYPE ...> part (it can fetch other files or blow up in memory) and try again.",
        "nl": "BPMN-bestanden hebben die nooit nodig. Haal het <!DOCTYPE ...>-deel weg (het kan andere bestanden ophalen of het geheugen laten vollopen) en probeer het opnieuw.",
    },
    "bpmn.syntax": {"en": "not well-formed XML: {detail}", "nl": "geen geldige XML: {detail}"},
    "hint.bpmn.syntax": {
        "en": "Export the model again from the modeller; the file may be cut off or edited by hand.",
        "nl": "Exporteer het model opnieuw uit de modeler; het bestand is misschien afgekapt of met de hand bewerkt.",
    },
    "bpmn.not_bpmn": {
        "en": "this XML is not BPMN 2.0: its root element is <{root}>, not <definitions>",
        "nl": "deze XML is geen BPMN 2.0: het hoofdelement is <{root}>, niet <definitions>",
    },
    "hint.bpmn.not_bpmn": {
        "en": "Export the model as BPMN 2.0 XML (.bpmn) from the modeller (Camunda Modeler, Signavio, bpmn.io).",
        "nl": "Exporteer het model als BPMN 2.0 XML (.bpmn) uit de modeler (Camunda Modeler, Signavio, bpmn.io).",
    },
    "bpmn.namespace": {
        "en": "the file uses namespace {namespace}, not the BPMN 2.0 namespace {expected}",
        "nl": "het bestand gebruikt namespace {namespace}, niet de BPMN 2.0-namespace {expected}",
    },
    "hint.bpmn.namespace": {
        "en": "This is a draft or other version of BPMN; save it as BPMN 2.0 in the modeller.",
        "nl": "Dit is een conceptversie of andere versie van BPMN; sla het op als BPMN 2.0 in de modeler.",
    },
    "bpmn.no_steps": {
        "en": "the file has no task, event or gateway in any process: nothing to map",
        "nl": "het bestand heeft in geen enkel proces een taak, gebeurtenis of gateway: niets om over te nemen",
    },
    "hint.bpmn.no_steps": {
        "en": "A collaboration of collapsed pools only holds no process; export the model with its processes.",
        "nl": "Een samenwerking met alleen dichtgeklapte pools bevat geen proces; exporteer het model met de processen.",
    },
    "bpmn.import_invalid": {
        "en": "the imported map does not load: {detail}",
        "nl": "de overgenomen kaart laadt niet: {detail}",
    },
    "hint.bpmn.import_invalid": {
        "en": "This is a bug in procesmap; please report it with the BPMN file.",
        "nl": "Dit is een fout in procesmap; meld die graag, met het BPMN-bestand.",
    },
    # export
    "bpmn.bad_option": {"en": "{option} cannot be {value}", "nl": "{option} kan niet {value} zijn"},
    "hint.bpmn.bad_option": {"en": "Choose one of: {allowed}.", "nl": "Kies een van: {allowed}."},
    "bpmn.bad_character": {
        "en": "{where} holds character {code}, which an XML file cannot hold",
        "nl": "{where} bevat teken {code}, dat niet in een XML-bestand kan",
    },
    "hint.bpmn.bad_character": {
        "en": "Remove the control character from the text in the YAML file.",
        "nl": "Haal het stuurteken uit de tekst in het YAML-bestand.",
    },
    "bpmn.lane.no_role": {"en": "(no role)", "nl": "(geen rol)"},
    # import
    "bpmn.unknown_role.id": {"en": "unknown", "nl": "onbekend"},
    "bpmn.unknown_role.name": {"en": "Unknown (not in a lane)", "nl": "Onbekend (niet in een baan)"},
    "bpmn.unnamed_lane": {"en": "{pool}, lane {n}", "nl": "{pool}, baan {n}"},
    "bpmn.yaml.header": {
        "en": "Draft map imported from BPMN ({source}) by procesmap. Check roles, times and probabilities.",
        "nl": "Conceptkaart overgenomen uit BPMN ({source}) door procesmap. Controleer rollen, tijden en kansen.",
    },
    "bpmn.yaml.unmapped": {"en": "Not mapped ({count}):", "nl": "Niet overgenomen ({count}):"},
    "bpmn.yaml.all_mapped": {
        "en": "Everything in the BPMN file was mapped.",
        "nl": "Alles uit het BPMN-bestand is overgenomen.",
    },
    "bpmn.unmapped.collaboration_part": {
        "en": "part of the collaboration that a map has no place for",
        "nl": "onderdeel van de samenwerking waar een kaart geen plek voor heeft",
    },
    "bpmn.unmapped.definition": {
        "en": "a definition a map has no place for",
        "nl": "een definitie waar een kaart geen plek voor heeft",
    },
    "bpmn.unmapped.collapsed_pool": {
        "en": "collapsed pool without a process: no steps (its message flows are listed)",
        "nl": "dichtgeklapte pool zonder proces: geen stappen (de berichtstromen staan in deze lijst)",
    },
    "bpmn.unmapped.no_lane": {
        "en": "not in any lane: given role {role}",
        "nl": "staat in geen enkele baan: kreeg rol {role}",
    },
    "bpmn.unmapped.pool_as_role": {
        "en": "pool without lanes: its steps get role {role}",
        "nl": "pool zonder banen: de stappen krijgen rol {role}",
    },
    "bpmn.unmapped.boundary": {
        "en": "boundary event on {attached}: a map has no exceptions on a step",
        "nl": "randgebeurtenis op {attached}: een kaart kent geen uitzonderingen op een stap",
    },
    "bpmn.unmapped.data": {
        "en": "data element: a map has no data objects",
        "nl": "gegevenselement: een kaart kent geen gegevensobjecten",
    },
    "bpmn.unmapped.artifact": {
        "en": "annotation, association or group: not part of a map",
        "nl": "annotatie, associatie of groep: geen onderdeel van een kaart",
    },
    "bpmn.unmapped.element": {
        "en": "element a map has no place for",
        "nl": "element waar een kaart geen plek voor heeft",
    },
    "bpmn.unmapped.deep_lane": {
        "en": "lane nested below team lane {team}: the level is left out, its lanes become roles of {team}",
        "nl": "baan genest onder teambaan {team}: dat niveau vervalt, de banen worden rollen van {team}",
    },
    "bpmn.unmapped.unnamed_lane": {"en": "lane without a name: role {role}", "nl": "baan zonder naam: rol {role}"},
    "bpmn.unmapped.duplicate_step": {
        "en": "copied step (same procesmap id): it became step {step}",
        "nl": "gekopieerde stap (zelfde procesmap-id): het werd stap {step}",
    },
    "bpmn.unmapped.subprocess": {
        "en": "sub-process is one step; {count:plural:its # inner element is|its # inner elements are} not mapped",
        "nl": "subproces is één stap; {count:plural:het # element erin is|de # elementen erin zijn} niet overgenomen",
    },
    "bpmn.unmapped.gateway_kind": {
        "en": "mapped as decision {step} (one branch per case)",
        "nl": "overgenomen als beslissing {step} (één tak per zaak)",
    },
    "bpmn.unmapped.event_definition": {
        "en": "{kind} event: mapped as plain step {step}, the trigger is not kept",
        "nl": "{kind}-gebeurtenis: overgenomen als gewone stap {step}, de trigger niet",
    },
    "bpmn.unmapped.flow": {
        "en": "flow from {source} to {target}: one end is not a step",
        "nl": "stroom van {source} naar {target}: een van beide kanten is geen stap",
    },
    "bpmn.unmapped.message_flow": {
        "en": "message flow from {source} to {target}: one end is a pool or not a step, so it is no handover",
        "nl": "berichtstroom van {source} naar {target}: een kant is een pool of geen stap, dus geen overdracht",
    },
    "bpmn.unmapped.mixed_branches": {
        "en": "step {step} has a message flow and other flows: procesmap reads them as branches of which a case takes one; check its next",
        "nl": "stap {step} heeft een berichtstroom en andere stromen: procesmap leest die als takken waarvan een zaak er één neemt; controleer next",
    },
    "bpmn.unmapped.vendor": {
        "en": "{count:plural:# vendor extension element or attribute is|"
        "# vendor extension elements or attributes are} not read",
        "nl": "{count:plural:# extensie-element of -attribuut van de leverancier wordt|"
        "# extensie-elementen of -attributen van de leverancier worden} niet gelezen",
    },
    "bpmn.unmapped.issue_step": {
        "en": "knelpunt refers to step {step}, which is no longer in the model: step left out",
        "nl": "knelpunt verwijst naar stap {step}, die niet meer in het model staat: stap weggelaten",
    },
    # commands
    "bpmn.cli.exists": {"en": "{path} already exists", "nl": "{path} bestaat al"},
    "hint.bpmn.exists": {
        "en": "Choose another --output, or add --force to overwrite it.",
        "nl": "Kies een andere --output, of voeg --force toe om het te overschrijven.",
    },
    "bpmn.cli.write_failed": {"en": "cannot write {path}: {reason}", "nl": "kan {path} niet schrijven: {reason}"},
    "hint.bpmn.write_failed": {
        "en": "Check that the folder exists and that you may write there.",
        "nl": "Controleer of de map bestaat en of je daar mag schrijven.",
    },
    "bpmn.cli.written": {"en": "written: {path}", "nl": "geschreven: {path}"},
    "bpmn.cli.unmapped": {
        "en": "{count:plural:# BPMN element was not mapped; it is|# BPMN elements were not mapped; they are} "
        "listed at the top of the YAML:",
        "nl": "{count:plural:# BPMN-element is niet overgenomen; het staat|"
        "# BPMN-elementen zijn niet overgenomen; ze staan} bovenaan de YAML:",
    },
    # -- a BPMN file whose elements share an id; a second flow between the same two steps
    "bpmn.duplicate_id": {
        "en": "{element} has id `{id}`, which the element on line {line} has already: ids in a BPMN file are unique",
        "nl": "{element} heeft id `{id}`, dat het element op regel {line} al heeft: id's in een BPMN-bestand zijn uniek",
    },
    "hint.bpmn.duplicate_id": {
        "en": "give one of the two another id (and change the sourceRef/targetRef and bpmnElement that mean it), "
        "or export the model again from the modeller",
        "nl": "geef een van beide een ander id (en pas de sourceRef/targetRef en bpmnElement aan die het bedoelen), "
        "of exporteer het model opnieuw uit de modeller",
    },
    "bpmn.unmapped.flow_twice": {
        "en": "a second flow from step {step} to {to} without a name or a share of its own: left out, "
        "a case goes to {to} once",
        "nl": "een tweede stroom van stap {step} naar {to} zonder eigen naam of aandeel: weggelaten, "
        "een zaak gaat één keer naar {to}",
    },
}
