"""Dutch ``--help``: every help text of the command line, keyed by its English text (gettext-style msgid).

The English text stays in the code, next to its option (``typer.Option(..., help="...")``, a command's docstring,
a group's ``help=``); :func:`procesmap.cli._translate_help` replaces it at start-up by the Dutch text below when
the language from the environment (``PROCESMAP_LANG``, else the locale) is Dutch. A key is the English text
exactly as typer shows it (a docstring as :func:`inspect.getdoc` gives it); tests/test_cli_help_nl.py checks that
every help text of every command, option and argument has an entry here and that no entry is stale.

Option names, file names, formats, placeholders in capitals (``FILE``, ``NAME``) and code literals stay as they
are. ``atomair``: the file is written whole or not at all (``procesmap._io.write_atomic``).
"""

from __future__ import annotations

#: The help texts of the commands, groups, options and arguments, English -> Dutch.
HELP_NL: dict[str, str] = {
    # -- procesmap ------------------------------------------------------------------------------------------------
    "Turn process maps from workshops into findings: handovers, ownership, waits and capacity.": (
        "Maak van proceskaarten uit workshops bevindingen: overdrachten, eigenaarschap, wachttijden en capaciteit."
    ),
    "Show the version and exit.": "Toon de versie en stop.",
    # -- analyse --------------------------------------------------------------------------------------------------
    "Analyse process maps and report handovers, ownership, time, capacity and findings.": (
        "Analyseer proceskaarten en rapporteer overdrachten, eigenaarschap, tijd, capaciteit en bevindingen."
    ),
    "Process files, or folders searched for *.yaml.": "Procesbestanden, of mappen waarin naar *.yaml wordt gezocht.",
    "terminal, markdown, json, html or pdf (default: from --output's suffix, else terminal).": (
        "terminal, markdown, json, html of pdf (standaard: volgens de extensie van --output, anders terminal)."
    ),
    "Write the report to this file (atomically) instead of the screen; never one of the inputs.": (
        "Schrijf het rapport naar dit bestand (atomair) in plaats van naar het scherm; nooit naar een van de "
        "invoerbestanden."
    ),
    "Report language (default: PROCESMAP_LANG, the configuration's `language`, the process's `language`).": (
        "Taal van het rapport (standaard: PROCESMAP_LANG, `language` in de configuratie, `language` van het proces)."
    ),
    "Exit 1 when a finding is at or above this severity (default: the configuration's fail_on, else error).": (
        "Exitcode 1 bij een bevinding van deze ernst of hoger (standaard: fail_on in de configuratie, anders error)."
    ),
    "Seed of the simulation: the same file and seed give the same report (default: configuration, else 0).": (
        "Seed van de simulatie: hetzelfde bestand met dezelfde seed geeft hetzelfde rapport (standaard: "
        "configuratie, anders 0)."
    ),
    "Number of simulated cases for percentiles and shares over the term (default: configuration, else 10000).": (
        "Aantal gesimuleerde zaken voor de percentielen en de aandelen over de termijn (standaard: configuratie, "
        "anders 10000)."
    ),
    "What-if: change the map without editing the file, e.g. --set roles.adviseur-odr.people=2 (repeatable).": (
        "Wat-als: wijzig de kaart zonder het bestand aan te passen, bijv. --set roles.adviseur-odr.people=2 "
        "(herhaalbaar)."
    ),
    "Use this procesmap.toml or pyproject.toml for every file instead of searching upwards from each file.": (
        "Gebruik deze procesmap.toml of pyproject.toml voor elk bestand, in plaats van vanaf elk bestand omhoog "
        "te zoeken."
    ),
    "Add 'What helps most': candidate interventions ranked by their effect (as `procesmap advise`; takes a few "
    "seconds per map).": (
        "Voeg 'Wat helpt het meest' toe: mogelijke maatregelen, gerangschikt naar hun effect (zoals "
        "`procesmap advise`; kost enkele seconden per kaart)."
    ),
    "PDF: the paper of the swimlane's landscape pages (the rest is A4); its text stays at least 6 pt, split over "
    "pages where it must.": (
        "PDF: het papierformaat van de liggende pagina's met het zwembaandiagram (de rest is A4); de tekst blijft "
        "minstens 6 pt, zo nodig verdeeld over meer pagina's."
    ),
    # -- rules, schema --------------------------------------------------------------------------------------------
    "List every finding rule, or explain one with its example.": (
        "Toon alle regels voor bevindingen, of licht er één toe met het bijbehorende voorbeeld."
    ),
    "A rule code (PM204) or name (single-point-of-failure) to explain.": (
        "De code (PM204) of naam (single-point-of-failure) van de regel die je toegelicht wilt zien."
    ),
    "Language of the explanation.": "Taal van de toelichting.",
    "Print the JSON Schema of process files (format 1), for editors with a YAML language server.": (
        "Toon het JSON Schema van procesbestanden (formaat 1), voor editors met een YAML language server."
    ),
    # -- advise ---------------------------------------------------------------------------------------------------
    "What helps most: candidate interventions (people, fte, back-ups, rework, handovers, waits), each scored by its\n"
    "effect on the share of cases over the term and on the cycle time, ranked, the ten best with their --set.": (
        "Wat helpt het meest: mogelijke maatregelen (mensen, fte, vervangers, herstelwerk, overdrachten, "
        "wachttijden), elk beoordeeld op het effect op het aandeel zaken over de termijn en op de doorlooptijd, "
        "gerangschikt; de tien beste met hun --set."
    ),
    "terminal, markdown, json or html (default: from --output's suffix, else terminal).": (
        "terminal, markdown, json of html (standaard: volgens de extensie van --output, anders terminal)."
    ),
    "Write to this file (atomically) instead of the screen; never one of the inputs.": (
        "Schrijf naar dit bestand (atomair) in plaats van naar het scherm; nooit naar een van de invoerbestanden."
    ),
    "Language (default: PROCESMAP_LANG, the configuration's `language`, the process's `language`).": (
        "Taal (standaard: PROCESMAP_LANG, `language` in de configuratie, `language` van het proces)."
    ),
    "Seed of the simulation, the same before and after every intervention (default: configuration, else 0).": (
        "Seed van de simulatie, dezelfde voor en na elke maatregel (standaard: configuratie, anders 0)."
    ),
    "Simulated cases of each full simulation (default: configuration, else 10000).": (
        "Gesimuleerde zaken per volledige simulatie (standaard: configuratie, anders 10000)."
    ),
    "Use this procesmap.toml or pyproject.toml for every file instead of searching upwards.": (
        "Gebruik deze procesmap.toml of pyproject.toml voor elk bestand, in plaats van omhoog te zoeken."
    ),
    # -- check ----------------------------------------------------------------------------------------------------
    "Check process maps for CI and pre-commit: one line per finding, exit 1 on findings at or above --fail-on.": (
        "Controleer proceskaarten voor CI en pre-commit: één regel per bevinding, exitcode 1 bij bevindingen van "
        "de ernst van --fail-on of hoger."
    ),
    "plain, github, gitlab or sarif.": "plain, github, gitlab of sarif.",
    "Write the output to this file (atomically); never one of the inputs.": (
        "Schrijf de uitvoer naar dit bestand (atomair); nooit naar een van de invoerbestanden."
    ),
    "Language of the messages (default: PROCESMAP_LANG, the configuration, the process).": (
        "Taal van de meldingen (standaard: PROCESMAP_LANG, de configuratie, het proces)."
    ),
    "Seed of the simulation (default: configuration, else 0).": (
        "Seed van de simulatie (standaard: configuratie, anders 0)."
    ),
    "Simulated cases (default: configuration, else 10000).": "Gesimuleerde zaken (standaard: configuratie, anders 10000).",
    "Skip YAML files without a top-level `procesmap:` key (for hooks that get every YAML file).": (
        "Sla YAML-bestanden zonder `procesmap:`-sleutel op het hoogste niveau over (voor hooks die elk "
        "YAML-bestand krijgen)."
    ),
    "Check each map against its zaaktype in this file (Catalogi API JSON or Open Zaak export ZIP): PM701-PM705. "
    "Default: the configuration's `zaaktypen`.": (
        "Vergelijk elke kaart met het bijbehorende zaaktype in dit bestand (JSON van de Catalogi API of een "
        "ZIP-export van Open Zaak): PM701-PM705. Standaard: `zaaktypen` in de configuratie."
    ),
    # -- diagram --------------------------------------------------------------------------------------------------
    "Use this procesmap.toml or pyproject.toml instead of searching upwards from the file (its rules, settings and language decide the findings drawn, as for analyse).": (
        "Gebruik deze procesmap.toml of pyproject.toml in plaats van vanaf het bestand omhoog te zoeken (de regels, "
        "instellingen en taal ervan bepalen welke bevindingen getekend worden, zoals bij analyse)."
    ),
    "Draw a process map as swimlanes (png, svg, pdf, editable drawio) or as a Mermaid flowchart, with its findings "
    "on it.": (
        "Teken een proceskaart als zwembaandiagram (png, svg, pdf, bewerkbaar drawio) of als Mermaid-stroomschema, "
        "met de bevindingen erop."
    ),
    "The process file (.yaml).": "Het procesbestand (.yaml).",
    "png, svg, pdf (swimlanes), drawio (editable swimlanes) or mermaid (default: from --output's suffix, else png).": (
        "png, svg, pdf (zwembanen), drawio (bewerkbare zwembanen) of mermaid (standaard: volgens de extensie van "
        "--output, anders png)."
    ),
    "Write the diagram to this file (atomically); never the map itself.": (
        "Schrijf het diagram naar dit bestand (atomair); nooit naar de kaart zelf."
    ),
    "Language of the labels (default: the process's `language`).": (
        "Taal van de labels (standaard: `language` van het proces)."
    ),
    "--pages: the map as readable pages, an overview with the cuts numbered, then each part with all lanes (pdf: "
    "one document; png/svg: NAME.png the overview, NAME-1.png, .. the parts). --single: one picture. Default: pages "
    "when one picture would be unreadable on a 1920x1080 screen (step names under 7 px).": (
        "--pages: de kaart als leesbare pagina's, een overzicht met genummerde snedes, dan elk deel met alle "
        "banen (pdf: één document; png/svg: NAME.png het overzicht, NAME-1.png, .. de delen). --single: één "
        "afbeelding. Standaard: pagina's als één afbeelding op een scherm van 1920x1080 onleesbaar zou zijn "
        "(stapnamen kleiner dan 7 px)."
    ),
    "Draw the map per organisation instead: one box per organisation (and the external parties), the handovers "
    "between them as arrows with how often a case takes them (png, svg, pdf).": (
        "Teken de kaart in plaats daarvan per organisatie: één blok per organisatie (en de externe partijen), de "
        "overdrachten ertussen als pijlen met hoe vaak een zaak ze neemt (png, svg, pdf)."
    ),
    "Draw every arrow of a dense map (a draft from `log discover`); by default it shows its most frequent ones and "
    "says how many it left out.": (
        "Teken elke pijl van een drukke kaart (een concept uit `log discover`); standaard staan alleen de meest "
        "gebruikte pijlen erop, met hoeveel er zijn weggelaten."
    ),
    "Resolution of a PNG (default 144: sharp on a screen or beamer; a map over 16 million pixels at less). 300 "
    "for print; the PDF is vector.": (
        "Resolutie van een PNG (standaard 144: scherp op een scherm of beamer; een kaart van meer dan 16 miljoen "
        "pixels met minder). 300 voor drukwerk; de PDF is vectorieel."
    ),
    # -- diff -----------------------------------------------------------------------------------------------------
    "Compare two versions of a map: changes in steps, roles, transitions and RACI, and in the figures.": (
        "Vergelijk twee versies van een kaart: wijzigingen in stappen, rollen, overgangen en RACI, en in de cijfers."
    ),
    "OLD NEW, or one FILE with --from/--to or --set.": "OLD NEW, of één FILE met --from/--to of --set.",
    "Git revision of the old map (e.g. HEAD~3, main).": "Git-revisie van de oude kaart (bijv. HEAD~3, main).",
    "Git revision of the new map (default: the working tree).": (
        "Git-revisie van de nieuwe kaart (standaard: de werkkopie)."
    ),
    "What-if on the new side: --set roles.adviseur-odr.people=2 (repeatable).": (
        "Wat-als aan de nieuwe kant: --set roles.adviseur-odr.people=2 (herhaalbaar)."
    ),
    "terminal, markdown or json (default: from --output's suffix, else terminal).": (
        "terminal, markdown of json (standaard: volgens de extensie van --output, anders terminal)."
    ),
    "Write the diff to this file (atomically); never one of the maps.": (
        "Schrijf de vergelijking naar dit bestand (atomair); nooit naar een van de kaarten."
    ),
    "Language (default: the process's `language`).": "Taal (standaard: `language` van het proces).",
    "Exit 1 when a NEW finding is at or above this severity.": (
        "Exitcode 1 bij een NIEUWE bevinding van deze ernst of hoger."
    ),
    "Seed of the simulation, the same for both sides.": "Seed van de simulatie, dezelfde voor beide kanten.",
    "Simulated cases, the same for both sides.": "Gesimuleerde zaken, evenveel voor beide kanten.",
    # -- fmt, new -------------------------------------------------------------------------------------------------
    "Lay out process files the canonical way (key order, indentation), keeping every comment.": (
        "Zet procesbestanden in de vaste opmaak (volgorde van de sleutels, inspringing), met behoud van al het "
        "commentaar."
    ),
    "Write nothing; exit 1 when a file would be reformatted (for CI).": (
        "Schrijf niets; exitcode 1 als een bestand anders opgemaakt zou worden (voor CI)."
    ),
    "Language of the messages.": "Taal van de meldingen.",
    "Write a commented starter map (start, a task, a decision, an end) that analyses as it is.": (
        "Schrijf een startkaart met toelichting in commentaar (start, een taak, een beslissing, een einde) die "
        "meteen te analyseren is."
    ),
    "The process id: a lower-case slug, e.g. omgevingsvergunning-2.": (
        "Het proces-id: kleine letters, cijfers, - en _ (een slug), bijv. omgevingsvergunning-2."
    ),
    "Language of the map and its comments (default: nl).": "Taal van de kaart en het commentaar erin (standaard: nl).",
    "Where to write (default: ./ID.yaml). Never overwrites.": (
        "Waar de kaart komt (standaard: ./ID.yaml). Overschrijft nooit een bestand."
    ),
    # -- overview -------------------------------------------------------------------------------------------------
    "Across processes: key figures per process, and per role and team the load of all processes together.": (
        "Over processen heen: kerncijfers per proces, en per rol en team de belasting van alle processen samen."
    ),
    "Write to this file (atomically); never one of the inputs.": (
        "Schrijf naar dit bestand (atomair); nooit naar een van de invoerbestanden."
    ),
    "Number of simulated cases (default: configuration, else 10000).": (
        "Aantal gesimuleerde zaken (standaard: configuratie, anders 10000)."
    ),
    # -- serve ----------------------------------------------------------------------------------------------------
    "Serve a live page of a map (or a folder of maps) that redraws on every save, with what-if controls.": (
        "Toon een live pagina van een kaart (of een map met kaarten) die bij elke keer opslaan opnieuw getekend "
        "wordt, met wat-als-knoppen."
    ),
    "A process file (.yaml), or a folder of them.": "Een procesbestand (.yaml), of een map met procesbestanden.",
    "Port to listen on (0: any free port).": "Poort om op te luisteren (0: een willekeurige vrije poort).",
    "Listen on this address instead of 127.0.0.1 only (e.g. 0.0.0.0); then a token printed once is required.": (
        "Luister op dit adres in plaats van alleen op 127.0.0.1 (bijv. 0.0.0.0); dan is een token nodig dat één "
        "keer getoond wordt."
    ),
    "Open the page in the default browser.": "Open de pagina in de standaardbrowser.",
    "Language of the page (default: PROCESMAP_LANG, the configuration's `language`, the map's `language`).": (
        "Taal van de pagina (standaard: PROCESMAP_LANG, `language` in de configuratie, `language` van de kaart)."
    ),
    "Use this procesmap.toml or pyproject.toml for every map.": (
        "Gebruik deze procesmap.toml of pyproject.toml voor elke kaart."
    ),
    # -- export ---------------------------------------------------------------------------------------------------
    "Export a process map to another tool's format.": "Exporteer een proceskaart naar het formaat van een ander programma.",
    "Export a process map as BPMN 2.0 XML, laid out, for Camunda Modeler, Signavio and bpmn-js.": (
        "Exporteer een proceskaart als BPMN 2.0-XML met diagramindeling, voor Camunda Modeler, Signavio en bpmn-js."
    ),
    "The process map (YAML).": "De proceskaart (YAML).",
    "Write the .bpmn file here (atomically); default: the screen. Never the map itself.": (
        "Schrijf het .bpmn-bestand hierheen (atomair); standaard: naar het scherm. Nooit naar de kaart zelf."
    ),
    "One pool per organisation, or a single pool with lanes.": "Eén pool per organisatie, of één pool met banen.",
    "External parties as their own pool (message flows) or as a lane.": (
        "Externe partijen als eigen pool (berichtstromen) of als baan."
    ),
    "Language of messages (default: PROCESMAP_LANG, the configuration's `language`, else the locale).": (
        "Taal van de meldingen (standaard: PROCESMAP_LANG, `language` in de configuratie, anders de locale)."
    ),
    "Export a map as an Excel workbook: steps (importable again), roles, RACI matrix, findings, key figures.": (
        "Exporteer een kaart als Excel-werkmap: stappen (weer te importeren), rollen, RACI-matrix, bevindingen, "
        "kerncijfers."
    ),
    "The process map (YAML); not with --template.": "De proceskaart (YAML); niet samen met --template.",
    "Write the workbook here (atomically). Never the map itself.": (
        "Schrijf de werkmap hierheen (atomair). Nooit naar de kaart zelf."
    ),
    "Write an empty workbook to fill in (the tables with their headers).": (
        "Schrijf een lege werkmap om in te vullen (de tabellen met hun kopjes)."
    ),
    "Language of sheet names, headers and findings "
    "(default: PROCESMAP_LANG, the configuration's `language`, the process's `language`).": (
        "Taal van de bladnamen, kopjes en bevindingen "
        "(standaard: PROCESMAP_LANG, `language` in de configuratie, `language` van het proces)."
    ),
    "Seed of the simulation behind the key figures (default: configuration, else 0).": (
        "Seed van de simulatie achter de kerncijfers (standaard: configuratie, anders 0)."
    ),
    "Simulated cases behind the key figures (default: configuration, else 10000).": (
        "Gesimuleerde zaken achter de kerncijfers (standaard: configuratie, anders 10000)."
    ),
    "Use this procesmap.toml or pyproject.toml instead of searching upwards from the map (its rules, settings and "
    "language decide the findings and key figures, as for analyse).": (
        "Gebruik deze procesmap.toml of pyproject.toml in plaats van vanaf de kaart omhoog te zoeken (de regels, "
        "instellingen en taal ervan bepalen de bevindingen en kerncijfers, zoals bij analyse)."
    ),
    "Export a process map as a ZaakType body of the ZGW Catalogi API 1.3 (durations as P56D).": (
        "Exporteer een proceskaart als ZaakType-body voor de ZGW Catalogi API 1.3 (tijdsduren als P56D)."
    ),
    "Write the ZaakType JSON here (atomically); default: the screen. Never the map itself.": (
        "Schrijf de ZaakType-JSON hierheen (atomair); standaard: naar het scherm. Nooit naar de kaart zelf."
    ),
    "URL of the catalogus in the Catalogi API (default: a placeholder to fill in).": (
        "URL van de catalogus in de Catalogi API (standaard: een plaatshouder om zelf in te vullen)."
    ),
    "beginGeldigheid and versiedatum, YYYY-MM-DD (default: today).": (
        "beginGeldigheid en versiedatum, YYYY-MM-DD (standaard: vandaag)."
    ),
    "Language of messages.": "Taal van de meldingen.",
    # -- import ---------------------------------------------------------------------------------------------------
    "Import a model from another tool as a draft process map.": (
        "Importeer een model uit een ander programma als conceptkaart."
    ),
    "Import a BPMN 2.0 model as a draft process map; what cannot be mapped is listed.": (
        "Importeer een BPMN 2.0-model als conceptkaart; wat niet overgenomen kan worden, staat in een lijst."
    ),
    "The BPMN 2.0 XML file (.bpmn).": "Het BPMN 2.0-XML-bestand (.bpmn).",
    "Write the draft map here (atomically); default: the screen.": (
        "Schrijf de conceptkaart hierheen (atomair); standaard: naar het scherm."
    ),
    "Overwrite --output if it exists.": "Overschrijf --output als dat bestand al bestaat.",
    "Language of messages, comments and the map (default: PROCESMAP_LANG, the configuration's `language`, else "
    "Dutch: a zaaktype is Dutch).": (
        "Taal van de meldingen, het commentaar en de kaart (standaard: PROCESMAP_LANG, `language` in de "
        "configuratie, anders Nederlands: een zaaktype is Nederlands)."
    ),
    "Language of messages, comments and the map (default: PROCESMAP_LANG, the configuration's `language`, else the "
    "locale).": (
        "Taal van de meldingen, het commentaar en de kaart (standaard: PROCESMAP_LANG, `language` in de "
        "configuratie, anders de locale)."
    ),
    "Import a process table from Excel as a map; problems as file!sheet!cell with a hint.": (
        "Importeer een procestabel uit Excel als kaart; problemen als bestand!blad!cel met een tip."
    ),
    "The process table (.xlsx): a row per step, Dutch or English column names.": (
        "De procestabel (.xlsx): een rij per stap, kolomnamen in het Nederlands of Engels."
    ),
    "Write the map here (atomically); default: the screen.": (
        "Schrijf de kaart hierheen (atomair); standaard: naar het scherm."
    ),
    "Language of messages and of the map (default: PROCESMAP_LANG, the configuration's `language`, the workbook's own, else the locale).": (
        "Taal van de meldingen en van de kaart (standaard: PROCESMAP_LANG, `language` in de configuratie, de taal "
        "van de werkmap zelf, anders de locale)."
    ),
    "Import a zaaktype of the zaaksysteem as a draft process map; what cannot be mapped is listed.": (
        "Importeer een zaaktype uit het zaaksysteem als conceptkaart; wat niet overgenomen kan worden, staat in "
        "een lijst."
    ),
    "A Catalogi API ZaakType JSON (one or a list) or an Open Zaak catalogue export (ZIP).": (
        "Een ZaakType-JSON van de Catalogi API (één of een lijst) of een catalogusexport van Open Zaak (ZIP)."
    ),
    "The zaaktype to import when the file holds several.": (
        "Het zaaktype om te importeren als het bestand er meer bevat."
    ),
    # -- log ------------------------------------------------------------------------------------------------------
    "Event logs (XES, CSV, Parquet): statistics, the map against the log, a draft map.": (
        "Eventlogs (XES, CSV, Parquet): statistieken, de kaart naast het log, een conceptkaart."
    ),
    "Cases, events, variants, case durations, directly-follows with waits, and handovers of one log.": (
        "Zaken, events, varianten, doorlooptijden van zaken, direct-gevolgd-door met wachttijden, en overdrachten "
        "van één log."
    ),
    "The event log: .xes, .xes.gz, .csv or .parquet.": "Het eventlog: .xes, .xes.gz, .csv of .parquet.",
    "Write the report to this file (atomically); never one of the inputs.": (
        "Schrijf het rapport naar dit bestand (atomair); nooit naar een van de invoerbestanden."
    ),
    "Report language (nl or en).": "Taal van het rapport (nl of en).",
    "Column with the case id (default: case:concept:name, case_id, ...).": (
        "Kolom met het zaak-id (standaard: case:concept:name, case_id, ...)."
    ),
    "Column with the activity (default: concept:name, activity, ...).": (
        "Kolom met de activiteit (standaard: concept:name, activity, ...)."
    ),
    "Column with the timestamp, ISO 8601 (default: time:timestamp, timestamp, ...).": (
        "Kolom met het tijdstip, ISO 8601 (standaard: time:timestamp, timestamp, ...)."
    ),
    "Column with the resource (default: org:resource, resource, ...).": (
        "Kolom met de medewerker of resource (standaard: org:resource, resource, ...)."
    ),
    "Column with the role or team (default: org:group, role, ...).": (
        "Kolom met de rol of het team (standaard: org:group, role, ...)."
    ),
    "Column with start/complete (default: lifecycle:transition).": (
        "Kolom met start/complete (standaard: lifecycle:transition)."
    ),
    "A resource -> role mapping: YAML {resource: role} or CSV resource,role.": (
        "Welke medewerker welke rol heeft: YAML {resource: role} of CSV resource,role."
    ),
    "Number of variants listed.": "Aantal varianten in de lijst.",
    "Hold a map against a log: fitness, routes the map lacks, rework, waits, cycle time, term, handovers (PM6xx).": (
        "Leg een kaart naast een log: fitness, routes die de kaart mist, herstelwerk, wachttijden, doorlooptijd, "
        "termijn, overdrachten (PM6xx)."
    ),
    "The process map (.yaml).": "De proceskaart (.yaml).",
    'Use this procesmap.toml or pyproject.toml instead of searching upwards from MAP ([rules] PM601 = "off", '
    "options of PM6xx).": (
        "Gebruik deze procesmap.toml of pyproject.toml in plaats van vanaf MAP omhoog te zoeken "
        '([rules] PM601 = "off", opties van PM6xx).'
    ),
    "Seed of the map's simulation (default: configuration, else 0).": (
        "Seed van de simulatie van de kaart (standaard: configuratie, anders 0)."
    ),
    "Simulated cases for the map's percentiles (default: configuration, else 10000).": (
        "Gesimuleerde zaken voor de percentielen van de kaart (standaard: configuratie, anders 10000)."
    ),
    "Instead of the comparison: suggest links from the steps no activity is linked to, to log activities (name "
    "similarity and place in the flow), for you to confirm.": (
        "In plaats van de vergelijking: stel koppelingen voor van de stappen waaraan nog geen activiteit gekoppeld "
        "is naar activiteiten in het log (op gelijkenis van de naam en plaats in de stroom), om zelf te bevestigen."
    ),
    "Write the suggested links into the map as `log:` names (comments kept, atomically), after showing them.": (
        "Schrijf de voorgestelde koppelingen als `log:`-namen in de kaart (commentaar blijft staan, atomair), nadat "
        "ze getoond zijn."
    ),
    "Suggest links scoring at least this (0-1; default 0.5); with --suggest-links or --write-links.": (
        "Stel koppelingen voor met minstens deze score (0-1; standaard 0.5); met --suggest-links of --write-links."
    ),
    "Write a draft map (format 1) from a log: the most frequent behaviour, decisions, loops, waits and roles.": (
        "Schrijf een conceptkaart (formaat 1) op basis van een log: het meest voorkomende gedrag, beslissingen, "
        "lussen, wachttijden en rollen."
    ),
    "Write the draft map here (atomically); else to the screen. An existing file needs --force.": (
        "Schrijf de conceptkaart hierheen (atomair); anders naar het scherm. Een bestaand bestand vraagt om --force."
    ),
    "Share of the cases the draft covers, by their variants, the most frequent first (0-1; 0.8 = 80%).": (
        "Aandeel van de zaken dat de conceptkaart dekt, per variant, de meest voorkomende eerst (0-1; 0.8 = 80%)."
    ),
    "Leave out activities in fewer than this share of the cases (0-1; default 0.05 = 5%).": (
        "Laat activiteiten weg die in minder dan dit aandeel van de zaken voorkomen (0-1; standaard 0.05 = 5%)."
    ),
    "The draft's process id (default: from the file name).": (
        "Het proces-id van de conceptkaart (standaard: afgeleid van de bestandsnaam)."
    ),
    "Disco-style: keep the activities that are in at least this share of the cases the most frequent activity is "
    "in (0-1; e.g. 0.7); replaces --min-activity-share.": (
        "Zoals in Disco: houd de activiteiten die voorkomen in minstens dit aandeel van de zaken waarin de meest "
        "voorkomende activiteit zit (0-1; bijv. 0.7); vervangt --min-activity-share."
    ),
    "Disco-style: keep the most frequent transitions until they hold this share of all (0-1; e.g. 0.5), and each "
    "step's main way in and out.": (
        "Zoals in Disco: houd de meest voorkomende overgangen tot ze dit aandeel van alle overgangen bevatten "
        "(0-1; bijv. 0.5), plus de belangrijkste weg in en uit elke stap."
    ),
}

#: The labels typer and click write themselves (the usage line, the section headings, the help option, the
#: notes after an option's help), English -> Dutch: see ``procesmap.cli._DutchFormatter``.
HELP_LABELS_NL: dict[str, str] = {
    "Usage: ": "Gebruik: ",
    "Options": "Opties",
    "Arguments": "Argumenten",
    "Commands": "Opdrachten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "required": "verplicht",
    "default: ": "standaard: ",
}
