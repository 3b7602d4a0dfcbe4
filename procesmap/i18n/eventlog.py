"""Catalogue entries of the eventlog commands (merged into MESSAGES).

Prefixes: ``log.*`` errors reading a log (``hint.log.*`` their hints), ``logreport.*``
headings and labels of ``procesmap log stats/compare/discover``, ``logdraft.*`` the
comments written into a discovered draft map, ``PM6xx.*`` the findings of ``log compare``.
"""

from __future__ import annotations

from typing import Any

__all__ = ["MESSAGES_EVENTLOG", "WholeNumbers"]


class WholeNumbers(str):
    """A catalogue text whose whole-number arguments are written the language's way: 12.345 (nl), 12,345 (en).

    :func:`procesmap.i18n.t` writes float arguments per language but leaves ints as they are (an int
    may be a line number or a year); the texts of the eventlog commands take counts of cases and events,
    so every one of them writes its ints with :func:`procesmap.i18n.number`. ``bool`` stays as it is, and so do
    ``line`` and ``column`` (a place in a file, not a count)."""

    __slots__ = ()

    def format_map(self, mapping: Any) -> str:  # type: ignore[override]
        return str.format_map(self, _Counts(mapping))


class _Counts:
    def __init__(self, args: Any):
        self.args = args

    def __getitem__(self, key: str) -> Any:
        value = self.args[key]
        if (
            isinstance(value, int) and not isinstance(value, bool) and key not in ("line", "column")
        ):  # a place, no count
            from procesmap.i18n import number  # lazy: the catalogue loads when a message is made

            return number(value, getattr(self.args, "lang", "en"))
        return value


MESSAGES_EVENTLOG: dict[str, dict[str, str]] = {
    # -- reading logs -------------------------------------------------------------------------
    "log.missing": {"en": "no such event log: {path}", "nl": "eventlog bestaat niet: {path}"},
    "hint.log.missing": {
        "en": "check the path; procesmap reads .xes, .xes.gz, .csv and .parquet files",
        "nl": "controleer het pad; procesmap leest .xes-, .xes.gz-, .csv- en .parquet-bestanden",
    },
    "log.is_directory": {"en": "{path} is a folder, not an event log", "nl": "{path} is een map, geen eventlog"},
    "hint.log.is_directory": {"en": "name one log file", "nl": "noem één logbestand"},
    "log.unknown_format": {"en": "{path}: unknown event log format", "nl": "{path}: onbekend eventlogformaat"},
    "hint.log.unknown_format": {
        "en": "use a file ending in .xes, .xes.gz, .csv or .parquet",
        "nl": "gebruik een bestand dat eindigt op .xes, .xes.gz, .csv of .parquet",
    },
    "log.unreadable": {"en": "cannot read {path}: {reason}", "nl": "{path} kan niet gelezen worden: {reason}"},
    "hint.log.unreadable": {"en": "check the file's permissions", "nl": "controleer de rechten op het bestand"},
    "log.corrupt": {
        "en": "{path} is not a readable event log: {reason}",
        "nl": "{path} is geen leesbaar eventlog: {reason}",
    },
    "hint.log.corrupt_xes": {
        "en": "export the log again from the case system as XES (IEEE 1849), or as CSV",
        "nl": "exporteer het log opnieuw uit het zaaksysteem als XES (IEEE 1849), of als CSV",
    },
    "hint.log.corrupt_csv": {
        "en": "save the CSV as UTF-8 with one header line (Excel: 'CSV UTF-8')",
        "nl": "sla de CSV op als UTF-8 met één kopregel (Excel: 'CSV UTF-8')",
    },
    "hint.log.corrupt_parquet": {
        "en": "write the Parquet file again; it may be truncated",
        "nl": "schrijf het Parquet-bestand opnieuw; het is misschien afgebroken",
    },
    "log.empty": {"en": "{path} holds no events", "nl": "{path} bevat geen events"},
    "hint.log.empty": {
        "en": "export the log again with at least one case",
        "nl": "exporteer het log opnieuw met minstens één zaak",
    },
    "log.duplicate_columns": {
        "en": "{path} has two columns with the same name",
        "nl": "{path} heeft twee kolommen met dezelfde naam",
    },
    "hint.log.duplicate_columns": {
        "en": "give every column in the header line its own name",
        "nl": "geef elke kolom in de kopregel een eigen naam",
    },
    "log.missing_column": {
        "en": "{path}: no column for {what} (columns: {columns})",
        "nl": "{path}: geen kolom voor {what} (kolommen: {columns})",
    },
    "hint.log.missing_column": {
        "en": 'name the column with {option}, e.g. {option} "Zaaknummer"',
        "nl": 'noem de kolom met {option}, bijvoorbeeld {option} "Zaaknummer"',
    },
    "log.no_column": {
        "en": "{path}: there is no column `{column}` for {what} (columns: {columns})",
        "nl": "{path}: er is geen kolom `{column}` voor {what} (kolommen: {columns})",
    },
    "hint.log.no_column": {
        "en": "copy the column name exactly from the file's header line",
        "nl": "neem de kolomnaam precies over uit de kopregel van het bestand",
    },
    "log.roles_unreadable": {
        "en": "cannot read the role mapping {path}: {reason}",
        "nl": "de rollentabel {path} kan niet gelezen worden: {reason}",
    },
    "hint.log.roles_unreadable": {
        "en": "check the path and the file's permissions",
        "nl": "controleer het pad en de rechten op het bestand",
    },
    "log.roles_yaml": {
        "en": "{path}:{line}:{column}: the role mapping is not valid YAML: {detail}",
        "nl": "{path}:{line}:{column}: de rollentabel is geen geldige YAML: {detail}",
    },
    # -- the roles file of `log stats`/`log compare`: a resource twice, a role not one name, no CSV header ------
    "log.roles.resource_twice": {
        "en": "resource `{resource}` is given a role twice",
        "nl": "medewerker `{resource}` krijgt twee keer een rol",
    },
    "hint.log.roles.resource_twice": {
        "en": "`{resource}` is already on line {line} (role {role}); keep one line per resource",
        "nl": "`{resource}` staat al op regel {line} (rol {role}); houd één regel per medewerker",
    },
    "log.roles.not_one_name": {
        "en": "the role of resource `{resource}` must be one name, not {found}",
        "nl": "de rol van medewerker `{resource}` moet één naam zijn, geen {found}",
    },
    "log.roles.no_role": {
        "en": "resource `{resource}` has no role",
        "nl": "medewerker `{resource}` heeft geen rol",
    },
    "hint.log.roles.one_name": {
        "en": "write one `resource: role` per line, e.g. `{resource}: behandelaar`; leave out a resource without a role",
        "nl": "schrijf één `medewerker: rol` per regel, bijvoorbeeld `{resource}: behandelaar`; laat een medewerker "
        "zonder rol weg",
    },
    "log.roles.no_header": {
        "en": "the first line `{first}` is a resource and its role, but a roles CSV starts with a header line",
        "nl": "de eerste regel `{first}` is een medewerker met zijn rol, maar een rollen-CSV begint met een kopregel",
    },
    "hint.log.roles.no_header": {
        "en": "add a first line `resource,role`: the first line is never read as a resource (role {role} is on "
        "line {line} as well)",
        "nl": "zet `medewerker,rol` als eerste regel: de eerste regel wordt nooit als medewerker gelezen (rol {role} "
        "staat ook op regel {line})",
    },
    "log.roles.a_list": {"en": "a list", "nl": "een lijst"},
    "log.roles.a_mapping": {"en": "a mapping", "nl": "een mapping"},
    "log.roles_not_mapping": {"en": "not a list of `resource: role`", "nl": "geen lijst van `medewerker: rol`"},
    "log.roles_empty": {"en": "it is empty", "nl": "hij is leeg"},
    "hint.log.roles": {
        "en": "write one `resource: role` per line (YAML), or a CSV with the columns resource,role",
        "nl": "schrijf per regel `medewerker: rol` (YAML), of een CSV met de kolommen resource,rol",
    },
    "log.no_instances": {
        "en": "{path}: no event has a case, an activity and a valid timestamp",
        "nl": "{path}: geen enkel event heeft een zaak, een activiteit en een geldig tijdstip",
    },
    "hint.log.no_instances": {
        "en": "check the timestamp column (--timestamp) and its format (ISO 8601)",
        "nl": "controleer de tijdstipkolom (--timestamp) en het formaat ervan (ISO 8601)",
    },
    "logreport.reading": {"en": "Reading {path}", "nl": "{path} lezen"},
    # -- log stats ----------------------------------------------------------------------------
    "logreport.stats_title": {"en": "Event log {file}", "nl": "Eventlog {file}"},
    "logreport.counts": {"en": "Counts", "nl": "Aantallen"},
    "logreport.cases": {"en": "cases", "nl": "zaken"},
    "logreport.events": {"en": "events", "nl": "events"},
    "logreport.instances": {"en": "activity instances", "nl": "uitvoeringen van activiteiten"},
    "logreport.activities": {"en": "activities", "nl": "activiteiten"},
    "logreport.resources": {"en": "resources", "nl": "medewerkers"},
    "logreport.roles": {"en": "roles/teams", "nl": "rollen/teams"},
    "logreport.variants": {"en": "variants", "nl": "varianten"},
    "logreport.quality": {"en": "Data quality", "nl": "Kwaliteit van de gegevens"},
    "logreport.without_activity": {
        "en": "events without activity (left out)",
        "nl": "events zonder activiteit (weggelaten)",
    },
    "logreport.without_timestamp": {
        "en": "events without timestamp (left out)",
        "nl": "events zonder tijdstip (weggelaten)",
    },
    "logreport.bad_timestamp": {
        "en": "events with an unreadable timestamp (left out)",
        "nl": "events met een onleesbaar tijdstip (weggelaten)",
    },
    "logreport.without_case": {"en": "events without case (left out)", "nl": "events zonder zaak (weggelaten)"},
    "logreport.without_resource": {"en": "events without resource", "nl": "events zonder medewerker"},
    "logreport.naive_timestamps": {
        "en": "timestamps without UTC offset (read as UTC)",
        "nl": "tijdstippen zonder UTC-verschil (gelezen als UTC)",
    },
    "logreport.utc_offsets": {"en": "UTC offsets seen", "nl": "gevonden UTC-verschillen"},
    "logreport.lifecycle": {"en": "lifecycle values", "nl": "lifecycle-waarden"},
    "logreport.other_lifecycle": {
        "en": "events with another lifecycle (left out)",
        "nl": "events met een andere lifecycle (weggelaten)",
    },
    "logreport.unclosed_starts": {"en": "start events without complete", "nl": "start-events zonder complete"},
    "logreport.case_duration": {"en": "Case duration (days)", "nl": "Doorlooptijd per zaak (dagen)"},
    "logreport.mean": {"en": "mean", "nl": "gemiddeld"},
    "logreport.median": {"en": "median", "nl": "mediaan"},
    "logreport.min": {"en": "min", "nl": "min"},
    "logreport.max": {"en": "max", "nl": "max"},
    "logreport.per_activity": {"en": "Activities", "nl": "Activiteiten"},
    "logreport.activity": {"en": "activity", "nl": "activiteit"},
    "logreport.share_of_cases": {"en": "share of cases", "nl": "aandeel zaken"},
    "logreport.service_time": {"en": "service time, mean (days)", "nl": "bewerkingstijd, gemiddeld (dagen)"},
    "logreport.dfg": {"en": "Directly follows (waits in days)", "nl": "Direct gevolgd door (wachttijd in dagen)"},
    "logreport.from": {"en": "from", "nl": "van"},
    "logreport.to": {"en": "to", "nl": "naar"},
    "logreport.count": {"en": "count", "nl": "aantal"},
    "logreport.wait_mean": {"en": "wait, mean", "nl": "wachttijd, gemiddeld"},
    "logreport.wait_median": {"en": "wait, median", "nl": "wachttijd, mediaan"},
    "logreport.handovers_resources": {
        "en": "Handover of work between resources",
        "nl": "Overdracht van werk tussen medewerkers",
    },
    "logreport.handovers_roles": {
        "en": "Handover of work between roles and teams",
        "nl": "Overdracht van werk tussen rollen en teams",
    },
    "logreport.handovers": {"en": "handovers", "nl": "overdrachten"},
    "logreport.figure": {"en": "figure", "nl": "kengetal"},
    "logreport.self_handovers": {
        "en": "self-handovers (same person continues)",
        "nl": "zelfoverdrachten (dezelfde persoon gaat door)",
    },
    "logreport.unknown_pairs": {"en": "pairs with an unknown side", "nl": "paren met een onbekende kant"},
    "logreport.per_case": {"en": "handovers per case", "nl": "overdrachten per zaak"},
    "logreport.variants_top": {"en": "Most frequent variants", "nl": "Meest voorkomende varianten"},
    "logreport.share": {"en": "share", "nl": "aandeel"},
    "logreport.more_rows": {
        "en": "... {count:plural:# more row|# more rows} (all in --format json)",
        "nl": "... nog {count:plural:# regel|# regels} (alle in --format json)",
    },
    "logreport.chart_durations": {"en": "Case durations (days)", "nl": "Doorlooptijden (dagen)"},
    "logreport.chart_activities": {"en": "Cases per activity", "nl": "Zaken per activiteit"},
    "logreport.none": {"en": "none", "nl": "geen"},
    # -- log compare --------------------------------------------------------------------------
    "logreport.compare_title": {"en": "Map {process} against log {file}", "nl": "Kaart {process} naast log {file}"},
    "logreport.fitness": {
        "en": "Fitness: how much of the log the map explains",
        "nl": "Fitness: hoeveel van het log de kaart verklaart",
    },
    "logreport.fitness_cases": {"en": "cases that follow the map", "nl": "zaken die de kaart volgen"},
    "logreport.fitness_transitions": {"en": "transitions the map explains", "nl": "overgangen die de kaart verklaart"},
    "logreport.links": {"en": "steps linked to log activities", "nl": "stappen gekoppeld aan logactiviteiten"},
    "logreport.not_on_map": {"en": "Activities not on the map", "nl": "Activiteiten die niet op de kaart staan"},
    "logreport.transitions_not_on_map": {
        "en": "Transitions in the log that the map does not have",
        "nl": "Overgangen in het log die niet op de kaart staan",
    },
    "logreport.never_observed": {
        "en": "Map transitions the log never shows",
        "nl": "Overgangen op de kaart die het log nooit laat zien",
    },
    "logreport.steps_not_observed": {
        "en": "steps whose log activities never occur",
        "nl": "stappen waarvan de logactiviteiten nooit voorkomen",
    },
    "logreport.visits": {"en": "Visits per case: observed vs map", "nl": "Bezoeken per zaak: waargenomen en kaart"},
    "logreport.step": {"en": "step", "nl": "stap"},
    "logreport.observed": {"en": "observed", "nl": "waargenomen"},
    "logreport.modelled": {"en": "map", "nl": "kaart"},
    "logreport.waits": {
        "en": "Wait before each step (days): observed vs map",
        "nl": "Wachttijd voor elke stap (dagen): waargenomen en kaart",
    },
    "logreport.observed_mean": {"en": "observed, mean", "nl": "waargenomen, gemiddeld"},
    "logreport.observed_median": {"en": "observed, median", "nl": "waargenomen, mediaan"},
    "logreport.measured": {"en": "measured", "nl": "gemeten"},
    "logreport.service_observed": {"en": "service time, observed", "nl": "bewerkingstijd, waargenomen"},
    "logreport.service_modelled": {"en": "service time, map", "nl": "bewerkingstijd, kaart"},
    "logreport.no_linked_steps": {
        "en": "no step of the map is linked to a log activity",
        "nl": "geen stap van de kaart is gekoppeld aan een logactiviteit",
    },
    # the same words as the analyse report (procesmap/i18n/report.py: report.time, report.term, report.share_over_*);
    # the heading of the term section takes report.term_value / report.term_with_extension as they are
    "logreport.time": {
        "en": "Cycle time and term time (days): observed vs map",
        "nl": "Doorlooptijd en termijntijd (dagen): waargenomen en kaart",
    },
    "logreport.cycle_time_row": {"en": "cycle time", "nl": "doorlooptijd"},
    "logreport.term_time_row": {"en": "term time", "nl": "termijntijd"},
    "logreport.term": {"en": "Legal term", "nl": "Wettelijke termijn"},
    "logreport.share_over_term": {"en": "cases over the term", "nl": "zaken over de termijn"},
    "logreport.share_over_extended_term": {"en": "cases over term + extension", "nl": "zaken over termijn + verdaging"},
    "logreport.not_modelled": {"en": "not on the map", "nl": "niet op de kaart"},
    "logreport.handover_compare": {
        "en": "Handovers per case: observed vs map",
        "nl": "Overdrachten per zaak: waargenomen en kaart",
    },
    "logreport.resource_handovers": {"en": "between people (resources)", "nl": "tussen mensen (medewerkers)"},
    "logreport.findings": {"en": "Findings", "nl": "Bevindingen"},
    "logreport.no_findings": {"en": "no findings", "nl": "geen bevindingen"},
    "logreport.severity": {"en": "severity", "nl": "ernst"},
    "logreport.severity.error": {"en": "error", "nl": "fout"},
    "logreport.severity.warning": {"en": "warning", "nl": "waarschuwing"},
    "logreport.severity.info": {"en": "info", "nl": "info"},
    "logreport.code": {"en": "code", "nl": "code"},
    "logreport.where": {"en": "where", "nl": "waar"},
    "logreport.message": {"en": "message", "nl": "melding"},
    "logreport.written": {"en": "written: {path}", "nl": "geschreven: {path}"},
    # -- log discover -------------------------------------------------------------------------
    "logdraft.header": {
        "en": "Draft map discovered from {file} by `procesmap log discover`: {cases} of {total:plural:# case|# cases} ({share}) in {variants:plural:# variant|# variants}.",
        "nl": "Conceptkaart gevonden in {file} door `procesmap log discover`: {cases} van {total:plural:# zaak|# zaken} ({share}) in {variants:plural:# variant|# varianten}.",
    },
    "logdraft.correct": {
        "en": "A starting point for the workshop: check every step, role, wait and probability.",
        "nl": "Een begin voor de workshop: controleer elke stap, rol, wachttijd en kans.",
    },
    "logdraft.dropped": {
        "en": "Left out: activities in fewer than {share} of the cases: {activities}",
        "nl": "Weggelaten: activiteiten in minder dan {share} van de zaken: {activities}",
    },
    "logdraft.term": {
        "en": "term: the legal decision term is not in the log; add it (e.g. term: 8w)",
        "nl": "term: de beslistermijn staat niet in het log; vul hem in (bijv. term: 8w)",
    },
    "logdraft.owner": {
        "en": "owner: the role with the most work in the log; confirm in the workshop",
        "nl": "owner: de rol met het meeste werk in het log; bevestig in de workshop",
    },
    "logdraft.no_roles": {
        "en": "The log names no roles (org:group); add roles, or pass --roles with a resource -> role mapping.",
        "nl": "Het log noemt geen rollen (org:group); vul rollen in, of geef --roles met een tabel medewerker -> rol.",
    },
    "logdraft.step": {
        "en": "{instances:plural:# time|# times} in {cases:plural:# case|# cases}; wait median {wait}, mean {wait_mean} (days)",
        "nl": "{instances} keer in {cases:plural:# zaak|# zaken}; wachttijd mediaan {wait}, gemiddeld {wait_mean} (dagen)",
    },
    "logdraft.volume": {
        "en": "volume: {cases:plural:# case|# cases} in {days:plural:# day|# days} of log",
        "nl": "volume: {cases:plural:# zaak|# zaken} in {days:plural:# dag|# dagen} log",
    },
    "logdraft.start": {
        "en": "cases start with different activities",
        "nl": "zaken beginnen met verschillende activiteiten",
    },
    "logdraft.end": {"en": "the case is closed", "nl": "de zaak is afgesloten"},
    "logdraft.role_people": {
        "en": "{people:plural:# person|# people} in the log",
        "nl": "{people:plural:# persoon|# mensen} in het log",
    },
    "logdraft.step_parallel": {
        "en": "{instances:plural:# time|# times} in {cases:plural:# case|# cases}; wait since the parallel block began: median {wait}, mean {wait_mean} (days)",
        "nl": "{instances} keer in {cases:plural:# zaak|# zaken}; wachttijd sinds het begin van het parallelle blok: mediaan {wait}, gemiddeld {wait_mean} (dagen)",
    },
    "logdraft.parallel_name": {"en": "In parallel: {activities}", "nl": "Tegelijk: {activities}"},
    "logdraft.parallel": {
        "en": "parallel work: {cases:plural:# case does|# cases do} each of these, in {orders:plural:# order|# different orders}",
        "nl": "parallel werk: {cases:plural:# zaak doet|# zaken doen} elk van deze, in {orders:plural:# volgorde|# verschillende volgordes}",
    },
    "logdraft.join_name": {"en": "Done: {activities}", "nl": "Klaar: {activities}"},
    "logdraft.join": {"en": "waits until every branch is done", "nl": "wacht tot elke tak klaar is"},
    # -- PM6xx --------------------------------------------------------------------------------
    "PM601.title": {"en": "Low fitness", "nl": "Lage fitness"},
    "PM601.summary": {
        "en": "Too few cases in the log follow the map.",
        "nl": "Te weinig zaken in het log volgen de kaart.",
    },
    "PM601.message": {
        "en": "only {share}% of the cases ({fitting} of {cases}) follow the map from start to end (at least {limit}% expected)",
        "nl": "maar {share}% van de zaken ({fitting} van {cases}) volgt de kaart van begin tot eind (minstens {limit}% verwacht)",
    },
    "PM601.hint": {
        "en": "look at the transitions and activities not on the map below, and add the routes that really happen",
        "nl": "bekijk hieronder de overgangen en activiteiten die niet op de kaart staan, en voeg de routes toe die echt voorkomen",
    },
    "PM602.title": {"en": "Transition not on the map", "nl": "Overgang niet op de kaart"},
    "PM602.summary": {
        "en": "Cases go from one step to another where the map has no route.",
        "nl": "Zaken gaan van de ene stap naar een andere waar de kaart geen route heeft.",
    },
    "PM602.message": {
        "en": "{cases:plural:# case|# cases} ({share}%) {cases:plural:goes|go} from `{step}` straight to `{target}`, which the map does not allow",
        "nl": "{cases:plural:# zaak|# zaken} ({share}%) {cases:plural:gaat|gaan} van `{step}` direct naar `{target}`, wat de kaart niet toestaat",
    },
    "PM602.hint": {
        "en": "add a branch `{step}` -> `{target}` with its probability, or find out why cases skip steps",
        "nl": "voeg een tak `{step}` -> `{target}` met zijn kans toe, of zoek uit waarom zaken stappen overslaan",
    },
    "PM603.title": {"en": "Map transition never observed", "nl": "Overgang op de kaart nooit gezien"},
    "PM603.summary": {
        "en": "A route on the map that no case in the log takes.",
        "nl": "Een route op de kaart die geen zaak in het log neemt.",
    },
    "PM603.message": {
        "en": "no case in the log goes from `{source}` to `{target}`",
        "nl": "geen zaak in het log gaat van `{source}` naar `{target}`",
    },
    "PM603.hint": {
        "en": "lower the branch's probability or remove it; check that both steps' `log:` names are right",
        "nl": "verlaag de kans van de tak of haal hem weg; controleer de `log:`-namen van beide stappen",
    },
    "PM604.title": {"en": "Activity not on the map", "nl": "Activiteit niet op de kaart"},
    "PM604.summary": {
        "en": "An activity in the log that no step stands for.",
        "nl": "Een activiteit in het log waar geen stap voor staat.",
    },
    "PM604.message": {
        "en": "activity `{activity}` occurs in {cases:plural:# case|# cases} ({share}%) but no step of the map stands for it",
        "nl": "activiteit `{activity}` komt voor in {cases:plural:# zaak|# zaken} ({share}%) maar geen stap van de kaart staat ervoor",
    },
    "PM604.hint": {
        "en": "add a step for it, or add `{activity}` to the `log:` list of the step it belongs to",
        "nl": "voeg er een stap voor toe, of zet `{activity}` in de `log:`-lijst van de stap waar het bij hoort",
    },
    "PM605.title": {"en": "Rework missed", "nl": "Herstelwerk gemist"},
    "PM605.summary": {
        "en": "A step is visited far more often in the log than on the map.",
        "nl": "Een stap wordt in het log veel vaker bezocht dan op de kaart.",
    },
    "PM605.message": {
        "en": "step `{step}` is visited {observed:plural:# time|# times} per case in the log, {modelled} on the map",
        "nl": "stap `{step}` wordt in het log {observed} keer per zaak bezocht, op de kaart {modelled} keer",
    },
    "PM605.hint": {
        "en": "model the loop back to `{step}` with the observed probability, and ask why cases come back",
        "nl": "neem de lus terug naar `{step}` op met de waargenomen kans, en vraag waarom zaken terugkomen",
    },
    "PM606.title": {"en": "Wait underestimated", "nl": "Wachttijd onderschat"},
    "PM606.summary": {
        "en": "Cases wait before a step much longer in the log than on the map.",
        "nl": "Zaken wachten voor een stap in het log veel langer dan op de kaart.",
    },
    "PM606.message": {
        "en": "cases wait {observed:plural:# day|# days} on average before `{step}` in the log; the map says {modelled}",
        "nl": "zaken wachten in het log gemiddeld {observed:plural:# dag|# dagen} voor `{step}`; de kaart zegt {modelled}",
    },
    "PM606.hint": {
        "en": "set `wait:` from the log (e.g. `{{samples: [...]}}`), then look at the queue's cause",
        "nl": "zet `wait:` volgens het log (bijv. `{{samples: [...]}}`), en kijk dan naar de oorzaak van de wachtrij",
    },
    "PM607.title": {"en": "Term exceeded in practice", "nl": "Termijn overschreden in de praktijk"},
    "PM607.summary": {
        "en": "Too many cases in the log took longer than the legal term.",
        "nl": "Te veel zaken in het log duurden langer dan de wettelijke termijn.",
    },
    "PM607.message": {
        "en": "{share}% of the cases in the log took longer than the term of {term:plural:# day|# days} (at most {limit}% accepted)",
        "nl": "{share}% van de zaken in het log duurde langer dan de termijn van {term:plural:# dag|# dagen} (hoogstens {limit}% aanvaard)",
    },
    "PM607.hint": {
        "en": "find where these cases wait (the waits table) and whether the term was suspended (`suspends_term`)",
        "nl": "zoek waar deze zaken wachten (de tabel met wachttijden) en of de termijn was opgeschort (`suspends_term`)",
    },
}
MESSAGES_EVENTLOG = {
    key: {lang: WholeNumbers(text) for lang, text in entry.items()} for key, entry in MESSAGES_EVENTLOG.items()
}
