"""The message catalogue: every user-facing text, in English and Dutch.

Keys are grouped by prefix: ``load.*``/``value.*``/``ref.*``/``duration.*``
for load errors, ``hint.*`` for their hints, ``PMnnn.*`` for findings,
``report.*`` for report headings and labels, ``cli.*`` for the command line.
A test checks that every key has both languages and the same placeholders. The topical modules'
dicts are merged with :func:`merge`, which refuses a key defined twice.
"""

from __future__ import annotations

from procesmap.i18n.advice import MESSAGES_ADVICE
from procesmap.i18n.bounds import MESSAGES_BOUNDS
from procesmap.i18n.bpmn import MESSAGES_BPMN
from procesmap.i18n.ci import MESSAGES_CI
from procesmap.i18n.diagrams import MESSAGES_DIAGRAMS
from procesmap.i18n.discover import MESSAGES_DISCOVER
from procesmap.i18n.eventlog import MESSAGES_EVENTLOG
from procesmap.i18n.findings import FINDING_MESSAGES
from procesmap.i18n.fuzz import MESSAGES_FUZZ
from procesmap.i18n.legal import MESSAGES_LEGAL
from procesmap.i18n.png import MESSAGES_PNG
from procesmap.i18n.kernel import MESSAGES_KERNEL
from procesmap.i18n.limits import MESSAGES_LIMITS
from procesmap.i18n.scale import MESSAGES_SCALE
from procesmap.i18n.report import REPORT_MESSAGES
from procesmap.i18n.queueing import MESSAGES_QUEUEING
from procesmap.i18n.serve import MESSAGES_SERVE
from procesmap.i18n.summary import MESSAGES_SUMMARY
from procesmap.i18n.usage import MESSAGES_USAGE
from procesmap.i18n.versions import MESSAGES_VERSIONS
from procesmap.i18n.wall import MESSAGES_WALL
from procesmap.i18n.tools import MESSAGES_TOOLS
from procesmap.i18n.xes import MESSAGES_XES
from procesmap.i18n.zgw import MESSAGES_ZGW

MESSAGES: dict[str, dict[str, str]] = {
    # -- labels --------------------------------------------------------------------------
    "label.hint": {"en": "hint", "nl": "tip"},
    "label.error": {"en": "error", "nl": "fout"},
    "label.warning": {"en": "warning", "nl": "waarschuwing"},
    "label.info": {"en": "info", "nl": "info"},
    "label.suppressed": {"en": "suppressed", "nl": "onderdrukt"},
    "kind.role": {"en": "role", "nl": "rol"},
    "kind.step": {"en": "step", "nl": "stap"},
    "kind.team": {"en": "team", "nl": "team"},
    "kind.organisation": {"en": "organisation", "nl": "organisatie"},
    "kind.system": {"en": "system", "nl": "systeem"},
    "kind.process": {"en": "process", "nl": "proces"},
    "kind.list": {"en": "list", "nl": "lijst"},
    "kind.scalar": {"en": "single value", "nl": "enkele waarde"},
    # -- reading files ---------------------------------------------------------------------
    "load.missing": {"en": "no such file or folder: {path}", "nl": "bestand of map bestaat niet: {path}"},
    "hint.load.missing": {
        "en": "check the path; a folder is searched for *.yaml files",
        "nl": "controleer het pad; in een map worden *.yaml-bestanden gezocht",
    },
    "load.is_directory": {
        "en": "{path} is a folder, not a process file",
        "nl": "{path} is een map, geen procesbestand",
    },
    "hint.load.is_directory": {
        "en": "pass the folder to `procesmap analyse`, or name one .yaml file",
        "nl": "geef de map aan `procesmap analyse`, of noem één .yaml-bestand",
    },
    "load.empty_folder": {
        "en": "no process files (*.yaml, *.yml) in {path}",
        "nl": "geen procesbestanden (*.yaml, *.yml) in {path}",
    },
    "hint.load.empty_folder": {
        "en": "start one with `procesmap new <id>` or copy one from processes/",
        "nl": "begin er een met `procesmap new <id>` of kopieer er een uit processes/",
    },
    "load.too_large": {
        "en": "file is too large for a process map ({size:plural:# byte|# bytes}; at most {limit})",
        "nl": "bestand is te groot voor een proceskaart ({size:plural:# byte|# bytes}; hoogstens {limit})",
    },
    "hint.load.too_large": {"en": "split the process into subprocesses", "nl": "splits het proces in deelprocessen"},
    "load.unreadable": {"en": "cannot read the file: {reason}", "nl": "bestand kan niet gelezen worden: {reason}"},
    "hint.load.unreadable": {"en": "check the file's permissions", "nl": "controleer de rechten op het bestand"},
    "load.unreadable_folder": {"en": "cannot read the folder: {reason}", "nl": "map kan niet gelezen worden: {reason}"},
    "hint.load.unreadable_folder": {"en": "check the folder's permissions", "nl": "controleer de rechten op de map"},
    "load.binary": {"en": "this is a binary file, not YAML text", "nl": "dit is een binair bestand, geen YAML-tekst"},
    "hint.load.binary": {
        "en": "name the .yaml file of the process map",
        "nl": "noem het .yaml-bestand van de proceskaart",
    },
    "load.encoding": {
        "en": "the file is not valid UTF-8 (byte {byte})",
        "nl": "het bestand is geen geldige UTF-8 (byte {byte})",
    },
    "hint.load.encoding": {
        "en": "save the file as UTF-8 in your editor (Word and Excel often save as Windows-1252)",
        "nl": "sla het bestand op als UTF-8 in je editor (Word en Excel slaan vaak op als Windows-1252)",
    },
    "load.empty": {"en": "the file is empty", "nl": "het bestand is leeg"},
    "hint.load.empty": {
        "en": "start from `procesmap new <id>` or a file in processes/",
        "nl": "begin met `procesmap new <id>` of een bestand uit processes/",
    },
    "load.tab": {"en": "a tab in the indentation", "nl": "een tab in de inspringing"},
    "hint.load.tab": {
        "en": "YAML indents with spaces only; replace the tab with spaces",
        "nl": "YAML springt alleen in met spaties; vervang de tab door spaties",
    },
    "load.yaml": {"en": "not valid YAML: {detail}", "nl": "geen geldige YAML: {detail}"},
    "hint.yaml.generic": {
        "en": "check the indentation and the quotes around this place",
        "nl": "controleer de inspringing en de aanhalingstekens rond deze plek",
    },
    "hint.yaml.colon": {
        "en": "a text with ': ' in it needs quotes: name: \"Advies: milieu\"",
        "nl": "een tekst met ': ' erin moet tussen aanhalingstekens: name: \"Advies: milieu\"",
    },
    "hint.yaml.indent": {
        "en": "every line is `key: value` or `- item`, indented the same as its neighbours",
        "nl": "elke regel is `sleutel: waarde` of `- item`, even ver ingesprongen als de buren",
    },
    "hint.yaml.flow_comma": {
        "en": "a comma inside {{...}} ends the value: put text with a comma in quotes, "
        'name: "Vergunningen, toezicht en handhaving"',
        "nl": "een komma binnen {{...}} beëindigt de waarde: zet tekst met een komma tussen "
        'aanhalingstekens, name: "Vergunningen, toezicht en handhaving"',
    },
    "hint.yaml.alias": {
        "en": "an alias (*name) must refer to an anchor (&name) defined earlier",
        "nl": "een alias (*naam) moet verwijzen naar een eerder gedefinieerd anker (&naam)",
    },
    "hint.yaml.quote": {
        "en": "a quote or bracket is not closed",
        "nl": "een aanhalingsteken of haakje is niet gesloten",
    },
    "load.too_deep": {
        "en": "nesting deeper than {limit:plural:# level|# levels}",
        "nl": "nesting dieper dan {limit:plural:# niveau|# niveaus}",
    },
    "hint.load.too_deep": {
        "en": "a process map needs only a few levels; is this the right file?",
        "nl": "een proceskaart heeft maar een paar niveaus nodig; is dit het juiste bestand?",
    },
    "load.too_many_nodes": {
        "en": "the file expands to more than {limit:plural:# value|# values} (an alias bomb?)",
        "nl": "het bestand groeit uit tot meer dan {limit:plural:# waarde|# waarden} (een alias-bom?)",
    },
    "hint.load.too_many_nodes": {
        "en": "use fewer anchors and aliases (&name / *name)",
        "nl": "gebruik minder ankers en aliassen (&naam / *naam)",
    },
    "load.many_documents": {
        "en": "more than one YAML document in the file",
        "nl": "meer dan één YAML-document in het bestand",
    },
    "hint.load.many_documents": {
        "en": "one process per file: remove the `---` line or split the file",
        "nl": "één proces per bestand: haal de regel `---` weg of splits het bestand",
    },
    "load.tag": {"en": "YAML tag {tag} is not allowed", "nl": "YAML-tag {tag} is niet toegestaan"},
    "hint.load.tag": {
        "en": "process files hold plain values only; tags that build objects are refused, never run",
        "nl": "procesbestanden bevatten alleen gewone waarden; tags die objecten maken worden geweigerd, nooit uitgevoerd",
    },
    "load.complex_key": {"en": "a key must be a plain value", "nl": "een sleutel moet een gewone waarde zijn"},
    "hint.load.complex_key": {"en": "write `key: value`", "nl": "schrijf `sleutel: waarde`"},
    "load.merge": {"en": "a merge key (<<) needs a mapping", "nl": "een merge-sleutel (<<) heeft een mapping nodig"},
    "hint.load.merge": {
        "en": "write `<<: *anchor` where the anchor is a mapping",
        "nl": "schrijf `<<: *anker` waarbij het anker een mapping is",
    },
    "load.duplicate_key": {"en": "duplicate key `{key}`", "nl": "dubbele sleutel `{key}`"},
    "hint.load.duplicate_key": {
        "en": "`{key}` is already given at line {line}; keep one of them",
        "nl": "`{key}` staat al op regel {line}; houd er één",
    },
    "load.not_mapping": {
        "en": "the file holds a {kind}, not a process (a mapping with `procesmap: 1`)",
        "nl": "het bestand bevat een {kind}, geen proces (een mapping met `procesmap: 1`)",
    },
    "hint.load.not_mapping": {
        "en": "a process file starts with `procesmap: 1`, `id:` and `steps:`",
        "nl": "een procesbestand begint met `procesmap: 1`, `id:` en `steps:`",
    },
    # -- a model of another tool where a map is expected
    "load.foreign": {
        "en": "this is {kind}, not a process map",
        "nl": "dit is {kind}, geen proceskaart",
    },
    "hint.load.foreign": {
        "en": "{command} makes a draft map of it; then name the .yaml file",
        "nl": "{command} maakt er een conceptkaart van; noem daarna het .yaml-bestand",
    },
    "load.foreign.bpmn": {"en": "a BPMN model", "nl": "een BPMN-model"},
    "load.foreign.xlsx": {"en": "an Excel workbook", "nl": "een Excel-werkmap"},
    "load.foreign.zaaktype": {
        "en": "a file of the zaaksysteem (a zaaktype?)",
        "nl": "een bestand uit het zaaksysteem (een zaaktype?)",
    },
    "load.foreign.log": {"en": "an event log", "nl": "een eventlog"},
    "load.no_version": {
        "en": "`procesmap:` (the format version) is missing",
        "nl": "`procesmap:` (de formaatversie) ontbreekt",
    },
    "hint.load.no_version": {
        "en": "add `procesmap: 1` as the first line",
        "nl": "zet `procesmap: 1` op de eerste regel",
    },
    "load.version": {
        "en": "format version {version} is not supported",
        "nl": "formaatversie {version} wordt niet ondersteund",
    },
    "hint.load.version": {
        "en": "this procesmap reads `procesmap: 1`; upgrade procesmap for newer formats",
        "nl": "deze procesmap leest `procesmap: 1`; installeer een nieuwere procesmap voor nieuwere formaten",
    },
    "load.no_steps": {"en": "`steps:` is missing", "nl": "`steps:` ontbreekt"},
    "hint.load.no_steps": {
        "en": "a process needs a list of steps, from a `type: start` to a `type: end`",
        "nl": "een proces heeft een lijst stappen nodig, van een `type: start` tot een `type: end`",
    },
    "load.organisation_file": {
        "en": "this is a shared organisation file (`kind: organisation`), not a process",
        "nl": "dit is een gedeeld organisatiebestand (`kind: organisation`), geen proces",
    },
    "hint.load.organisation_file": {
        "en": "analyse the folder or a process file; the maps in this folder use its definitions",
        "nl": "analyseer de map of een procesbestand; de kaarten in deze map gebruiken de definities",
    },
    "load.duplicate_process": {
        "en": "process id `{id}` is used by {other} too",
        "nl": "proces-id `{id}` wordt ook gebruikt door {other}",
    },
    "hint.load.duplicate_process": {
        "en": "process ids are unique in a repository; name the file after its id",
        "nl": "proces-id's zijn uniek in een repository; noem het bestand naar zijn id",
    },
    # -- values ----------------------------------------------------------------------------
    "value.missing": {"en": "required key `{field}` is missing", "nl": "verplichte sleutel `{field}` ontbreekt"},
    "hint.value.missing": {"en": "add `{field}:` here", "nl": "voeg `{field}:` hier toe"},
    "value.unknown_key": {"en": "unknown key `{field}`", "nl": "onbekende sleutel `{field}`"},
    "hint.did_you_mean": {"en": "did you mean `{suggestion}`?", "nl": "bedoel je `{suggestion}`?"},
    "hint.allowed_keys": {
        "en": "allowed here: {allowed} (own data: start the key with `x-`)",
        "nl": "toegestaan hier: {allowed} (eigen gegevens: begin de sleutel met `x-`)",
    },
    "value.not_allowed": {
        "en": "`{field}: {value}` is not one of {expected}",
        "nl": "`{field}: {value}` is niet een van {expected}",
    },
    "hint.allowed_values": {"en": "use one of {expected}", "nl": "gebruik een van {expected}"},
    "value.expected_text": {
        "en": "`{field}` must be text, not {found}",
        "nl": "`{field}` moet tekst zijn, geen {found}",
    },
    "value.expected_int": {
        "en": "`{field}` must be a whole number, not {found}",
        "nl": "`{field}` moet een geheel getal zijn, geen {found}",
    },
    "value.expected_number": {
        "en": "`{field}` must be a number, not {found}",
        "nl": "`{field}` moet een getal zijn, geen {found}",
    },
    "value.expected_bool": {
        "en": "`{field}` must be true or false, not {found}",
        "nl": "`{field}` moet true of false zijn, geen {found}",
    },
    "value.expected_list": {
        "en": "`{field}` must be a list, not {found}",
        "nl": "`{field}` moet een lijst zijn, geen {found}",
    },
    "value.expected_mapping": {
        "en": "`{field}` must be a mapping (key: value), not {found}",
        "nl": "`{field}` moet een mapping (sleutel: waarde) zijn, geen {found}",
    },
    "value.empty": {"en": "`{field}` must not be empty", "nl": "`{field}` mag niet leeg zijn"},
    "value.min": {
        "en": "`{field}` must be at least {limit}, not {found}",
        "nl": "`{field}` moet minstens {limit} zijn, niet {found}",
    },
    "value.above": {
        "en": "`{field}` must be more than {limit}, not {found}",
        "nl": "`{field}` moet meer dan {limit} zijn, niet {found}",
    },
    "value.max": {
        "en": "`{field}` must be at most {limit}, not {found}",
        "nl": "`{field}` mag hoogstens {limit} zijn, niet {found}",
    },
    "value.below": {
        "en": "`{field}` must be less than {limit}, not {found}",
        "nl": "`{field}` moet minder dan {limit} zijn, niet {found}",
    },
    "hint.value.type": {
        "en": "see `procesmap schema` or the example in processes/",
        "nl": "zie `procesmap schema` of het voorbeeld in processes/",
    },
    "hint.value.decimal_comma": {
        "en": "write a number with a decimal point: `{field}: {example}`",
        "nl": "schrijf een getal met een decimale punt, niet met een komma: `{field}: {example}`",
    },
    "hint.yaml.flow_decimal_comma": {
        "en": "a decimal comma inside {{...}} splits the number in two: write `{number_key}: {example}`",
        "nl": "een decimale komma binnen {{...}} knipt het getal in tweeën: schrijf `{number_key}: {example}`",
    },
    "value.invalid": {"en": "invalid `{field}`: {detail}", "nl": "ongeldige `{field}`: {detail}"},
    "hint.value.invalid": {"en": "see `procesmap schema`", "nl": "zie `procesmap schema`"},
    "value.bad_id": {
        "en": "`{value}` is not a valid id (lower-case letters, digits, hyphens and underscores)",
        "nl": "`{value}` is geen geldig id (kleine letters, cijfers, streepjes en liggende streepjes)",
    },
    "hint.bad_id": {"en": "write it as `{example}`", "nl": "schrijf het als `{example}`"},
    "volume.no_unit": {"en": "`volume` needs a unit of time", "nl": "`volume` heeft een tijdseenheid nodig"},
    # -- a volume written with a thousands point
    "volume.thousands": {
        "en": "`volume: {value}` has a thousands point, but a point in a number is a decimal point",
        "nl": "`volume: {value}` heeft een punt als duizendtalscheiding, maar een punt in een getal is een "
        "decimaalteken",
    },
    "hint.volume.thousands": {
        "en": "write `{example}` ({count} cases), without the point; a fraction takes a point: `1.5/day`",
        "nl": "schrijf `{example}` ({count} zaken), zonder punt; een breuk schrijf je met een punt: `1.5/day`",
    },
    "volume.invalid": {"en": "`volume: {value}` is not a volume", "nl": "`volume: {value}` is geen volume"},
    "hint.volume": {
        "en": "write it as `{example}` (also /month, /week, /day)",
        "nl": "schrijf het als `{example}` (ook /month, /week, /day)",
    },
    # -- durations ---------------------------------------------------------------------------
    "duration.invalid": {"en": "`{value}` is not a duration", "nl": "`{value}` is geen duur"},
    "duration.not_text": {"en": "`{value}` is not a duration", "nl": "`{value}` is geen duur"},
    "duration.no_unit": {"en": "the duration `{value}` has no unit", "nl": "de duur `{value}` heeft geen eenheid"},
    "duration.negative": {"en": "the duration `{value}` is negative", "nl": "de duur `{value}` is negatief"},
    "duration.iso_calendar": {
        "en": "`{value}`: months and years have no fixed length",
        "nl": "`{value}`: maanden en jaren hebben geen vaste lengte",
    },
    "duration.samples_empty": {
        "en": "`samples` must be a non-empty list of durations",
        "nl": "`samples` moet een niet-lege lijst met duren zijn",
    },
    "duration.triangle_order": {
        "en": "a triangular duration needs min <= mode <= max",
        "nl": "een driehoeksverdeling heeft min <= mode <= max nodig",
    },
    "duration.bad_mapping": {
        "en": "a duration mapping has {{min, mode, max}}, {{mean, cv}} or {{samples}}, not {keys}",
        "nl": "een duur als mapping heeft {{min, mode, max}}, {{mean, cv}} of {{samples}}, niet {keys}",
    },
    "duration.cv_missing": {
        "en": "`{{mean: ...}}` needs its `cv` (coefficient of variation)",
        "nl": "`{{mean: ...}}` heeft zijn `cv` (variatiecoëfficiënt) nodig",
    },
    "duration.cv_invalid": {
        "en": "`cv: {value}` is not a coefficient of variation (a number from 0 to {limit})",
        "nl": "`cv: {value}` is geen variatiecoëfficiënt (een getal van 0 tot en met {limit})",
    },
    "hint.duration.gamma": {
        "en": "write e.g. `{{mean: 3h, cv: 1}}`: cv 1 varies like an exponential, cv 0 is fixed, 0.5 in between",
        "nl": "schrijf bijvoorbeeld `{{mean: 3h, cv: 1}}`: cv 1 varieert als een exponentiële verdeling, cv 0 is vast, 0.5 ertussenin",
    },
    "duration.fixed_only": {"en": "a term is one fixed duration", "nl": "een termijn is één vaste duur"},
    "hint.duration.fixed_only": {"en": "write it as e.g. `8w`", "nl": "schrijf het als bijvoorbeeld `8w`"},
    "hint.duration.forms": {
        "en": "write e.g. `15m`, `2h`, `1.5d`, `8w`, `P8W`, `{{min: 1d, mode: 2d, max: 5d}}`",
        "nl": "schrijf bijvoorbeeld `15m`, `2h`, `1.5d`, `8w`, `P8W`, `{{min: 1d, mode: 2d, max: 5d}}`",
    },
    "hint.duration.add_unit": {
        "en": "add a unit: `{example}` (m, h, d or w)",
        "nl": "voeg een eenheid toe: `{example}` (m, h, d of w)",
    },
    "hint.duration.did_you_mean": {"en": "did you mean `{example}`?", "nl": "bedoel je `{example}`?"},
    "hint.duration.negative": {"en": "durations are zero or more", "nl": "een duur is nul of meer"},
    "hint.duration.iso_calendar": {
        "en": "use weeks or days, e.g. `P6W` or `6w`",
        "nl": "gebruik weken of dagen, bijvoorbeeld `P6W` of `6w`",
    },
    "hint.duration.samples": {"en": "write `{{samples: [2d, 3d, 8d]}}`", "nl": "schrijf `{{samples: [2d, 3d, 8d]}}`"},
    "hint.duration.triangle_order": {
        "en": "e.g. `{{min: 2d, mode: 5d, max: 14d}}`",
        "nl": "bijvoorbeeld `{{min: 2d, mode: 5d, max: 14d}}`",
    },
    # -- references ----------------------------------------------------------------------------
    "ref.unknown": {"en": "unknown {kind} `{id}`", "nl": "onbekende {kind} `{id}`"},
    "hint.did_you_mean_id": {"en": "did you mean `{suggestion}`?", "nl": "bedoel je `{suggestion}`?"},
    "hint.ref.valid_ids": {"en": "known ids: {valid}", "nl": "bekende id's: {valid}"},
    "hint.ref.none_defined": {"en": "define it under `{section}:`", "nl": "definieer het onder `{section}:`"},
    "ref.duplicate_step": {"en": "step id `{id}` is used twice", "nl": "stap-id `{id}` komt twee keer voor"},
    "hint.ref.duplicate_step": {
        "en": "the first is at line {line}; step ids are unique",
        "nl": "de eerste staat op regel {line}; stap-id's zijn uniek",
    },
    "ref.subprocess_path": {
        "en": "`subprocess: {id}` is a path; it may not leave the repository",
        "nl": "`subprocess: {id}` is een pad; het mag de repository niet verlaten",
    },
    "hint.ref.subprocess_path": {
        "en": "name another process of this folder by its id, e.g. `subprocess: advies-welstand`",
        "nl": "noem een ander proces uit deze map bij zijn id, bijvoorbeeld `subprocess: advies-welstand`",
    },
    "ref.subprocess_cycle": {
        "en": "subprocesses form a cycle: {chain}",
        "nl": "deelprocessen vormen een kring: {chain}",
    },
    "hint.ref.subprocess_cycle": {
        "en": "a process cannot contain itself, directly or through others",
        "nl": "een proces kan zichzelf niet bevatten, direct of via andere",
    },
    "ref.subprocess_conflict": {
        "en": "{kind} `{id}` is defined differently in {other}",
        "nl": "{kind} `{id}` is anders gedefinieerd in {other}",
    },
    "hint.ref.subprocess_conflict": {
        "en": "define it once, in a shared file with `kind: organisation`",
        "nl": "definieer het één keer, in een gedeeld bestand met `kind: organisation`",
    },
    "ref.shared_conflict": {
        "en": "`{id}` is also defined in {other}:{line}",
        "nl": "`{id}` is ook gedefinieerd in {other}:{line}",
    },
    "hint.ref.shared_conflict": {
        "en": "define it once: remove it here or from the shared organisation file",
        "nl": "definieer het één keer: haal het hier weg of uit het gedeelde organisatiebestand",
    },
    "ref.subprocess_self": {
        "en": "process `{id}` names itself as a subprocess",
        "nl": "proces `{id}` noemt zichzelf als deelproces",
    },
    "hint.ref.subprocess_self": {
        "en": "a subprocess is another process file",
        "nl": "een deelproces is een ander procesbestand",
    },
    # -- a step that names the same next step twice
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
    "hint.ref.subprocess_missing": {"en": "no {id}.yaml in {folder}", "nl": "geen {id}.yaml in {folder}"},
    # -- simulation settings (Settings, --cases/--seed, [simulation]) -------------------------------------------
    "settings.not_integer": {
        "en": "{name} must be a whole number, not {value}",
        "nl": "{name} moet een geheel getal zijn, niet {value}",
    },
    "settings.negative": {
        "en": "{name} must be 0 or more, not {value}",
        "nl": "{name} moet 0 of meer zijn, niet {value}",
    },
    "settings.too_many_cases": {
        "en": "{name} must be at most {limit}, not {value}",
        "nl": "{name} mag hoogstens {limit} zijn, niet {value}",
    },
    "hint.settings.cases": {
        "en": "the default, 10000, gives stable percentiles; at most {limit} cases are simulated "
        "(more do not fit in memory)",
        "nl": "de standaard, 10000, geeft stabiele percentielen; hoogstens {limit} zaken worden "
        "gesimuleerd (meer past niet in het geheugen)",
    },
    "hint.settings.seed": {
        "en": "use a whole number of 0 or more, e.g. 0 (the default); the same seed gives the same report",
        "nl": "gebruik een geheel getal van 0 of meer, bijvoorbeeld 0 (de standaard); "
        "dezelfde seed geeft hetzelfde rapport",
    },
    "config.too_many_cases": {
        "en": "`{name}` must be at most {limit}, not {found}",
        "nl": "`{name}` mag hoogstens {limit} zijn, niet {found}",
    },
    # -- command line: --output, --force ------------------------------------------------------------------------
    "cli.output_is_input": {
        "en": "--output {path} is the input {input}: writing it would replace the input",
        "nl": "--output {path} is de invoer {input}: schrijven zou de invoer vervangen",
    },
    "hint.cli.output_is_input": {
        "en": "choose another --output; the input is left as it is",
        "nl": "kies een andere --output; de invoer blijft zoals hij is",
    },
    "hint.cli.output_folder": {
        "en": "name a file in that folder: --output {path}/<name>",
        "nl": "noem een bestand in die map: --output {path}/<naam>",
    },
    # -- --output: what a command writes, and where
    "cli.pdf_needs_output": {
        "en": "a PDF report is binary and would fill the terminal with garbage: give --output FILE.pdf",
        "nl": "een PDF-rapport is binair en zou de terminal met onleesbare tekens vullen: geef --output BESTAND.pdf",
    },
    "hint.cli.pdf_needs_output": {
        "en": "e.g. -o report.pdf, or send it on: procesmap analyse MAP -f pdf > report.pdf",
        "nl": "bijvoorbeeld -o rapport.pdf, of stuur het door: procesmap analyse KAART -f pdf > rapport.pdf",
    },
    "cli.output_no_folder": {
        "en": "--output {path} ends in `/`, so it names a folder, and there is no such folder",
        "nl": "--output {path} eindigt op `/` en noemt dus een map, en die map bestaat niet",
    },
    "hint.cli.output_no_folder": {
        "en": "create the folder first (mkdir {path}), or name the file to write: --output {path}<name>",
        "nl": "maak eerst de map (mkdir {path}), of noem het bestand dat geschreven moet worden: --output {path}<naam>",
    },
    "cli.output_suffix": {
        "en": "--output {path}: this command writes no {suffix} file; without --format the suffix names the format",
        "nl": "--output {path}: deze opdracht schrijft geen {suffix}-bestand; zonder --format bepaalt de extensie "
        "het formaat",
    },
    "hint.cli.output_suffix": {
        "en": "name the file {allowed}, .txt for terminal text, or give --format ({formats})",
        "nl": "noem het bestand {allowed}, .txt voor terminaltekst, of geef --format ({formats})",
    },
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
    "cli.output_is_map": {
        "en": "--output {path} is a process map: writing the output there would replace the map",
        "nl": "--output {path} is een proceskaart: de uitvoer daar schrijven zou de kaart vervangen",
    },
    "hint.cli.output_is_map": {
        "en": "choose another --output (e.g. report.md); the map is left as it is",
        "nl": "kies een andere --output (bijv. rapport.md); de kaart blijft zoals hij is",
    },
    "cli.output_exists": {"en": "{path} already exists", "nl": "{path} bestaat al"},
    "hint.cli.output_exists": {
        "en": "Choose another --output, or add --force to overwrite it.",
        "nl": "Kies een andere --output, of voeg --force toe om het te overschrijven.",
    },
    # -- procesmap rules: the codes that are no rule module ------------------------------------------------------
    "cli.rules_found_by": {"en": "Reported by: {command}", "nl": "Gemeld door: {command}"},
    "cli.rules_log_example": {"en": "with this log (CSV):", "nl": "met dit log (CSV):"},
    "cli.rules_footnote": {
        "en": "PM000 and PM001 are reported by `procesmap check` and `analyse` (docs/ci.md); PM601-PM607 by "
        "`procesmap log compare MAP LOG` (docs/rules/log/). `procesmap rules CODE` explains one.",
        "nl": "PM000 en PM001 meldt `procesmap check` en `analyse` (docs/ci.md); PM601-PM607 meldt "
        "`procesmap log compare KAART LOG` (docs/rules/log/). `procesmap rules CODE` legt er één uit.",
    },
    "PM000.why": {
        "en": "Not a finding about the process but about the input: a process file or configuration file that "
        "cannot be read (missing, no permission, not UTF-8) or is invalid (YAML, an unknown key, an id that "
        "does not resolve, a bad duration). `procesmap check` reports it under this code where CI needs one "
        "(GitHub annotation title, GitLab check_name, SARIF ruleId), at the file, line and column with a hint, "
        "so that it shows up where the findings show up. It always means exit code 2; it cannot be switched "
        "off or suppressed. The other files are still checked.",
        "nl": "Geen bevinding over het proces maar over de invoer: een procesbestand of configuratiebestand dat niet "
        "gelezen kan worden (ontbreekt, geen rechten, geen UTF-8) of ongeldig is (YAML, een onbekende sleutel, "
        "een id dat nergens naar verwijst, een verkeerde duur). `procesmap check` meldt het onder deze code waar "
        "CI er een nodig heeft (titel van de GitHub-annotatie, GitLab check_name, SARIF ruleId), met bestand, "
        "regel, kolom en tip, zodat het verschijnt waar de bevindingen verschijnen. Het betekent altijd "
        "afsluitcode 2; het kan niet uitgezet of onderdrukt worden. De andere bestanden worden wel gecontroleerd.",
    },
    "PM001.why": {
        "en": "A suppression comment that suppresses nothing: the finding is gone, the code has a typo, the rule is "
        "off, or the comment is on the wrong line; also a `procesmap:` comment that is not understood and an "
        "ignore-file at the end of a line. A stale comment hides nothing today but would hide a new finding "
        'tomorrow: clean it up. Set it like any rule in the configuration (PM001 = "warning" or "off" '
        "under rules); it cannot itself be suppressed.",
        "nl": "Een onderdrukkingscommentaar dat niets onderdrukt: de bevinding is weg, de code heeft een typfout, de "
        "regel staat uit, of het commentaar staat op de verkeerde regel; ook een `procesmap:`-commentaar dat "
        "niet begrepen wordt en een ignore-file aan het eind van een regel. Een verouderd commentaar verbergt "
        "vandaag niets, maar morgen een nieuwe bevinding: ruim het op. Stel het in als elke regel in de "
        'configuratie (PM001 = "warning" of "off" onder rules); het kan zelf niet onderdrukt worden.',
    },
}


def merge(catalogue: dict[str, dict[str, str]], *parts: dict[str, dict[str, str]]) -> None:
    """Add the entries of ``parts`` to ``catalogue``; a key that is already there (or in two parts) is an error,
    raised when the catalogue loads: one key, one text, and no part silently replaces another's."""
    for part in parts:
        twice = sorted(catalogue.keys() & part.keys())
        if twice:
            raise ValueError(f"message keys defined twice in the catalogue: {', '.join(twice)}")
        catalogue.update(part)


merge(
    MESSAGES,
    FINDING_MESSAGES,
    REPORT_MESSAGES,
    MESSAGES_DIAGRAMS,
    MESSAGES_CI,
    MESSAGES_EVENTLOG,
    MESSAGES_BPMN,
    MESSAGES_VERSIONS,
    MESSAGES_LIMITS,
    MESSAGES_SCALE,
    MESSAGES_LEGAL,
    MESSAGES_ZGW,
    MESSAGES_TOOLS,
    MESSAGES_ADVICE,
    MESSAGES_QUEUEING,
    MESSAGES_XES,
    MESSAGES_BOUNDS,
    MESSAGES_WALL,
    MESSAGES_FUZZ,
    MESSAGES_PNG,
    MESSAGES_KERNEL,
    MESSAGES_USAGE,
    MESSAGES_DISCOVER,
    MESSAGES_SERVE,
    MESSAGES_SUMMARY,
)
