"""Catalogue entries of ``procesmap serve``: the live page, its what-if panel and the command (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_SERVE: dict[str, dict[str, str]] = {
    # -- the command ---------------------------------------------------------------------------------
    "serve.listening": {"en": "procesmap serve: {url}  (Ctrl+C stops)", "nl": "procesmap serve: {url}  (Ctrl+C stopt)"},
    "serve.token_notice": {
        "en": "Reachable from other machines: open the address above, with its token, on the projector's computer. "
        "The token is shown only now; without it every page answers 403.",
        "nl": "Bereikbaar vanaf andere computers: open het adres hierboven, met het token, op de computer aan de beamer. "
        "Het token staat alleen hier; zonder token geeft elke pagina 403.",
    },
    "serve.token_loopback": {
        "en": "Reachable from this computer only (--host is a loopback address); the token is required all the same. "
        "For another computer, start with --host 0.0.0.0 or this computer's address on the network.",
        "nl": "Alleen bereikbaar vanaf deze computer (--host is een loopback-adres); het token is toch nodig. "
        "Voor een andere computer: start met --host 0.0.0.0 of het adres van deze computer in het netwerk.",
    },
    "serve.preliminary": {
        "en": "Quick figures from {cases} simulated cases, right after the save; the figures from every case follow in "
        "a few seconds.",
        "nl": "Snelle cijfers uit {cases} gesimuleerde zaken, direct na het opslaan; de cijfers uit alle zaken volgen "
        "over een paar seconden.",
    },
    "serve.stopped": {"en": "procesmap serve stopped", "nl": "procesmap serve gestopt"},
    "serve.port_in_use": {
        "en": "cannot listen on {host}:{port}: {reason}",
        "nl": "kan niet luisteren op {host}:{port}: {reason}",
    },
    "serve.hint.port_in_use": {
        "en": "choose another port with --port N (--port 0 picks a free one)",
        "nl": "kies een andere poort met --port N (--port 0 kiest een vrije)",
    },
    "serve.bad_port": {
        "en": "--port {port} is not a port (0 to 65535)",
        "nl": "--port {port} is geen poort (0 tot 65535)",
    },
    "serve.hint.bad_port": {
        "en": "leave --port out for 8765, or give 0 for any free port",
        "nl": "laat --port weg voor 8765, of geef 0 voor een vrije poort",
    },
    "serve.missing_path": {"en": "{path}: no such file or folder", "nl": "{path}: bestand of map bestaat niet"},
    "serve.hint.missing_path": {
        "en": "give a process file (.yaml) or a folder of them",
        "nl": "geef een procesbestand (.yaml) of een map daarmee",
    },
    # -- answers that are no page --------------------------------------------------------------------
    "serve.forbidden": {
        "en": "403: this page needs the token that `procesmap serve` printed when it started",
        "nl": "403: deze pagina heeft het token nodig dat `procesmap serve` bij het starten liet zien",
    },
    "serve.bad_host": {
        "en": "403: this server answers only under its own address",
        "nl": "403: deze server antwoordt alleen onder zijn eigen adres",
    },
    "serve.bad_origin": {
        "en": "403: only the procesmap page itself may write the file",
        "nl": "403: alleen de procesmap-pagina zelf mag het bestand schrijven",
    },
    "serve.not_found": {"en": "404: procesmap serves no such page", "nl": "404: deze pagina bestaat niet in procesmap"},
    "serve.bad_request": {
        "en": "400: this request does not fit the page",
        "nl": "400: dit verzoek past niet bij de pagina",
    },
    # -- the page ------------------------------------------------------------------------------------
    "serve.live": {"en": "live", "nl": "live"},
    "serve.offline": {"en": "connection lost, retrying", "nl": "verbinding weg, opnieuw proberen"},
    "serve.index": {"en": "All maps", "nl": "Alle kaarten"},
    "serve.index_title": {"en": "Process maps in {folder}", "nl": "Proceskaarten in {folder}"},
    "serve.diagram_alt": {"en": "Swimlane diagram of {name}", "nl": "Zwembaandiagram van {name}"},
    "serve.broken": {
        "en": "The file cannot be read. This is the last good version, until the file is fixed:",
        "nl": "Het bestand is niet te lezen. Hieronder de laatste goede versie, tot het bestand hersteld is:",
    },
    "serve.broken_never": {
        "en": "The file cannot be read, and there is no earlier good version to show:",
        "nl": "Het bestand is niet te lezen, en er is geen eerdere goede versie om te tonen:",
    },
    "serve.figures": {"en": "Key figures", "nl": "Kerncijfers"},
    "serve.cycle_time": {"en": "Cycle time (days)", "nl": "Doorlooptijd (dagen)"},
    "serve.mean": {"en": "mean {value}", "nl": "gemiddeld {value}"},
    "serve.term": {"en": "Over the term", "nl": "Over de termijn"},
    "serve.term_of": {"en": "term {days} days", "nl": "termijn {days} dagen"},
    "serve.over_extension": {"en": "over term + extension: {share}", "nl": "over termijn + verlenging: {share}"},
    "serve.late_per_year": {"en": "about {count} cases a year late", "nl": "ongeveer {count} zaken per jaar te laat"},
    "serve.no_term": {"en": "no term in the map", "nl": "geen termijn in de kaart"},
    "serve.handovers": {"en": "Handovers per case", "nl": "Overdrachten per zaak"},
    "serve.handovers_detail": {
        "en": "between organisations {organisation} · outside the case system {manual}",
        "nl": "tussen organisaties {organisation} · buiten het zaaksysteem {manual}",
    },
    "serve.findings_count": {"en": "Findings", "nl": "Bevindingen"},
    "serve.findings_detail": {
        "en": "{error:plural:# error|# errors} · {warning:plural:# warning|# warnings} · {info} info",
        "nl": "{error:plural:# fout|# fouten} · {warning:plural:# waarschuwing|# waarschuwingen} · {info} info",
    },
    "serve.was": {"en": "file: {value}", "nl": "bestand: {value}"},
    "serve.roles": {"en": "Utilisation per role", "nl": "Bezetting per rol"},
    "serve.people": {"en": "people", "nl": "mensen"},
    "serve.fte": {"en": "fte", "nl": "fte"},
    "serve.queueing": {"en": "queue (days)", "nl": "wachtrij (dagen)"},
    "serve.backlog": {"en": "grows {count}/month", "nl": "groeit {count}/maand"},
    "serve.no_roles": {
        "en": "No utilisation: the map needs a volume and work per step.",
        "nl": "Geen bezetting: de kaart heeft een volume en werk per stap nodig.",
    },
    "serve.findings": {"en": "Findings", "nl": "Bevindingen"},
    "serve.no_findings": {"en": "No findings.", "nl": "Geen bevindingen."},
    "serve.missing": {"en": "Not computed", "nl": "Niet berekend"},
    # -- what-if -------------------------------------------------------------------------------------
    "serve.whatif": {"en": "What if…", "nl": "Wat als…"},
    "serve.whatif_intro": {
        "en": "Try a change here: the figures follow, the file stays as it is.",
        "nl": "Probeer hier een wijziging: de cijfers volgen, het bestand blijft zoals het is.",
    },
    "serve.whatif_roles": {"en": "Roles", "nl": "Rollen"},
    "serve.whatif_decisions": {"en": "Decisions (probability per branch)", "nl": "Beslissingen (kans per tak)"},
    "serve.whatif_none": {
        "en": "This map has no roles or decisions to vary.",
        "nl": "Deze kaart heeft geen rollen of beslissingen om te variëren.",
    },
    "serve.scenario": {"en": "Scenario: not in the file", "nl": "Scenario: niet in het bestand"},
    "serve.command": {"en": "The same scenario on the command line:", "nl": "Hetzelfde scenario op de opdrachtregel:"},
    "serve.reset": {"en": "Back to the file", "nl": "Terug naar het bestand"},
    "serve.write": {"en": "Write this scenario into the file", "nl": "Schrijf dit scenario in het bestand"},
    "serve.write_confirm": {
        "en": "Sure? Click again to write the file",
        "nl": "Zeker? Klik nogmaals om het bestand te schrijven",
    },
    "serve.written": {"en": "Written to {file}.", "nl": "Geschreven naar {file}."},
    "serve.write_conflict": {
        "en": "{file} changed since this page read it; nothing written",
        "nl": "{file} is gewijzigd sinds deze pagina het las; niets geschreven",
    },
    "serve.hint.write_conflict": {
        "en": "look at the new version, then set the scenario again",
        "nl": "bekijk de nieuwe versie en stel het scenario opnieuw in",
    },
    "serve.write_failed": {"en": "cannot write {file}: {reason}", "nl": "kan {file} niet schrijven: {reason}"},
    "serve.write.not_in_file": {
        "en": "{file}: `{path}` is not written in this file (is it in a shared organisation file?)",
        "nl": "{file}: `{path}` staat niet in dit bestand (staat het in een gedeeld organisatiebestand?)",
    },
    "serve.hint.write.not_in_file": {
        "en": "change it in the file that defines it",
        "nl": "wijzig het in het bestand waar het gedefinieerd is",
    },
    "serve.bad_assignment": {
        "en": "the page can only vary people, fte and branch probabilities ({assignment})",
        "nl": "de pagina kan alleen mensen, fte en kansen per tak variëren ({assignment})",
    },
    # -- the folder index ----------------------------------------------------------------------------
    "serve.team": {"en": "Team", "nl": "Team"},
    "serve.maps": {"en": "Maps", "nl": "Kaarten"},
    "serve.map_broken": {"en": "cannot be read", "nl": "niet te lezen"},
    "serve.across": {"en": "Load per role across all maps", "nl": "Belasting per rol over alle kaarten"},
    "serve.across_findings": {"en": "Findings across maps", "nl": "Bevindingen over de kaarten heen"},
    "serve.folder_problems": {"en": "Files that cannot be read", "nl": "Bestanden die niet te lezen zijn"},
    # -- procesmap serve --host that this machine cannot listen on
    "serve.cannot_listen": {
        "en": "cannot listen on {host}: {reason}",
        "nl": "kan niet luisteren op {host}: {reason}",
    },
    "serve.hint.cannot_listen": {
        "en": "give --host a name or address of this machine (0.0.0.0: every network), or leave --host out for "
        "127.0.0.1 (this machine only)",
        "nl": "geef --host een naam of adres van deze machine (0.0.0.0: elk netwerk), of laat --host weg voor "
        "127.0.0.1 (alleen deze machine)",
    },
}
