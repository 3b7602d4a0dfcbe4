"""Catalogue entries of the versions area: ``diff``, what-if (``--set``), ``fmt`` and ``new``.

Every key starts with ``versions.``. :mod:`procesmap.i18n.messages` merges them into the one
catalogue; this module imports nothing of the catalogue (the import runs one way).
"""

from __future__ import annotations

__all__ = ["MESSAGES_VERSIONS"]

MESSAGES_VERSIONS: dict[str, dict[str, str]] = {
    # -- what-if (--set) -------------------------------------------------------------------------
    "versions.set.no_equals": {
        "en": "--set `{assignment}` has no `=`",
        "nl": "--set `{assignment}` heeft geen `=`",
    },
    "versions.hint.set.form": {
        "en": "write PATH=VALUE, e.g. --set roles.adviseur-odr.people=2 or --set steps.advies.via=zaaksysteem",
        "nl": "schrijf PAD=WAARDE, bijvoorbeeld --set roles.adviseur-odr.people=2 of --set steps.advies.via=zaaksysteem",
    },
    "versions.set.unknown_path": {
        "en": "{file}: --set `{path}` names nothing in this map",
        "nl": "{file}: --set `{path}` verwijst naar niets in deze kaart",
    },
    "versions.hint.set.nearest": {
        "en": "did you mean `{suggestion}`?",
        "nl": "bedoel je `{suggestion}`?",
    },
    "versions.hint.set.valid": {
        "en": "valid here: {valid}",
        "nl": "hier mogelijk: {valid}",
    },
    "versions.set.bad_value": {
        "en": "--set `{assignment}`: the value is not valid YAML ({detail})",
        "nl": "--set `{assignment}`: de waarde is geen geldige YAML ({detail})",
    },
    "versions.hint.set.quote": {
        "en": "put the value in quotes in the shell, e.g. --set 'steps.advies.wait={{min: 1d, mode: 2d, max: 5d}}'",
        "nl": "zet de waarde tussen aanhalingstekens in de shell, bijvoorbeeld --set 'steps.advies.wait={{min: 1d, mode: 2d, max: 5d}}'",
    },
    "versions.set.invalid": {
        "en": "{file}: --set `{assignment}`: {problem}",
        "nl": "{file}: --set `{assignment}`: {problem}",
    },
    # -- diff ------------------------------------------------------------------------------------
    "versions.diff.need_two": {
        "en": "diff needs two maps: OLD NEW, or FILE with --from REV, or FILE with --set",
        "nl": "diff heeft twee kaarten nodig: OUD NIEUW, of BESTAND met --from REV, of BESTAND met --set",
    },
    "versions.hint.diff.usage": {
        "en": "e.g. procesmap diff processes/x.yaml --from HEAD~3, or procesmap diff old.yaml new.yaml",
        "nl": "bijvoorbeeld procesmap diff processes/x.yaml --from HEAD~3, of procesmap diff oud.yaml nieuw.yaml",
    },
    "versions.diff.too_many": {
        "en": "diff compares one file at two revisions or two files; got {count:plural:# path|# paths}",
        "nl": "diff vergelijkt één bestand op twee revisies of twee bestanden; kreeg {count:plural:# pad|# paden}",
    },
    "versions.diff.from_and_new": {
        "en": "--from/--to compare one file at two revisions; do not name a second file",
        "nl": "--from/--to vergelijken één bestand op twee revisies; noem geen tweede bestand",
    },
    "versions.diff.to_without_from": {
        "en": "--to needs --from",
        "nl": "--to heeft --from nodig",
    },
    "versions.hint.diff.to_without_from": {
        "en": "e.g. --from HEAD~3 --to HEAD; without --to the working tree is compared",
        "nl": "bijvoorbeeld --from HEAD~3 --to HEAD; zonder --to wordt de werkmap vergeleken",
    },
    "versions.diff.bad_format": {
        "en": "unknown format `{value}`",
        "nl": "onbekend formaat `{value}`",
    },
    "versions.hint.diff.formats": {
        "en": "choose one of: {allowed}",
        "nl": "kies uit: {allowed}",
    },
    "versions.git.missing": {
        "en": "git is not installed or not on the PATH",
        "nl": "git is niet geïnstalleerd of staat niet in het PATH",
    },
    "versions.hint.git.missing": {
        "en": "install git, or compare two files: procesmap diff old.yaml new.yaml",
        "nl": "installeer git, of vergelijk twee bestanden: procesmap diff oud.yaml nieuw.yaml",
    },
    "versions.git.not_repo": {
        "en": "{path} is not in a git repository",
        "nl": "{path} staat niet in een git-repository",
    },
    "versions.hint.git.not_repo": {
        "en": "--from and --to read revisions from git; compare two files instead: procesmap diff old.yaml new.yaml",
        "nl": "--from en --to lezen revisies uit git; vergelijk anders twee bestanden: procesmap diff oud.yaml nieuw.yaml",
    },
    "versions.git.bad_revision": {
        "en": "unknown revision `{revision}`",
        "nl": "onbekende revisie `{revision}`",
    },
    "versions.hint.git.bad_revision": {
        "en": "use a branch, tag or commit that exists, e.g. HEAD~1 or main (see `git log --oneline`)",
        "nl": "gebruik een branch, tag of commit die bestaat, bijvoorbeeld HEAD~1 of main (zie `git log --oneline`)",
    },
    "versions.git.not_in_revision": {
        "en": "{path} does not exist in revision `{revision}`",
        "nl": "{path} bestaat niet in revisie `{revision}`",
    },
    "versions.hint.git.not_in_revision": {
        "en": "was the file added or renamed later? `git log --follow -- {path}` shows its history",
        "nl": "is het bestand later toegevoegd of hernoemd? `git log --follow -- {path}` toont de geschiedenis",
    },
    "versions.git.failed": {
        "en": "git failed: {detail}",
        "nl": "git mislukte: {detail}",
    },
    "versions.hint.git.failed": {
        "en": "run the same git command yourself to see what is wrong",
        "nl": "voer hetzelfde git-commando zelf uit om te zien wat er mis is",
    },
    "versions.diff.title": {"en": "Changes in {process}", "nl": "Wijzigingen in {process}"},
    "versions.diff.compared": {"en": "{old} → {new}", "nl": "{old} → {new}"},
    "versions.diff.no_changes": {
        "en": "No changes: the map and every figure are the same.",
        "nl": "Geen wijzigingen: de kaart en alle cijfers zijn gelijk.",
    },
    "versions.diff.summary": {"en": "Summary", "nl": "Samenvatting"},
    "versions.diff.map": {"en": "Changes in the map", "nl": "Wijzigingen in de kaart"},
    "versions.diff.map_none": {"en": "The map itself did not change.", "nl": "De kaart zelf is niet gewijzigd."},
    "versions.diff.figures": {"en": "What it did to the figures", "nl": "Wat het met de cijfers deed"},
    "versions.diff.figures_none": {"en": "No figure changed.", "nl": "Geen enkel cijfer is veranderd."},
    "versions.diff.findings": {"en": "Findings", "nl": "Bevindingen"},
    "versions.diff.what": {"en": "What", "nl": "Wat"},
    # -- the headers of the map's changes
    "versions.diff.id": {"en": "Id", "nl": "Id"},
    "versions.diff.details": {"en": "Details", "nl": "Details"},
    "versions.diff.change": {"en": "Change", "nl": "Wijziging"},
    "versions.diff.figure": {"en": "Figure", "nl": "Cijfer"},
    "versions.diff.before": {"en": "Before", "nl": "Voor"},
    "versions.diff.after": {"en": "After", "nl": "Na"},
    "versions.diff.delta": {"en": "Change", "nl": "Verschil"},
    "versions.diff.added": {"en": "added", "nl": "toegevoegd"},
    "versions.diff.removed": {"en": "removed", "nl": "verwijderd"},
    "versions.diff.changed": {"en": "changed", "nl": "gewijzigd"},
    "versions.diff.kind.process": {"en": "process", "nl": "proces"},
    "versions.diff.kind.organisations": {"en": "organisation", "nl": "organisatie"},
    "versions.diff.kind.teams": {"en": "team", "nl": "team"},
    "versions.diff.kind.roles": {"en": "role", "nl": "rol"},
    "versions.diff.kind.systems": {"en": "system", "nl": "systeem"},
    "versions.diff.kind.steps": {"en": "step", "nl": "stap"},
    "versions.diff.kind.issues": {"en": "knelpunt", "nl": "knelpunt"},
    "versions.diff.kind.transition": {"en": "transition", "nl": "overgang"},
    "versions.diff.kind.raci": {"en": "RACI", "nl": "RACI"},
    "versions.diff.field_change": {"en": "{field}: {before} → {after}", "nl": "{field}: {before} → {after}"},
    "versions.diff.unset": {"en": "(not set)", "nl": "(niet gezet)"},
    "versions.diff.handovers_per_case": {"en": "Handovers per case, {level}", "nl": "Overdrachten per zaak, {level}"},
    "versions.diff.cycle_time": {"en": "Cycle time {stat} (days)", "nl": "Doorlooptijd {stat} (dagen)"},
    "versions.diff.term_time": {"en": "Term time {stat} (days)", "nl": "Termijntijd {stat} (dagen)"},
    "versions.diff.share_over_term": {"en": "Cases over the term", "nl": "Zaken over de termijn"},
    "versions.diff.share_over_extended_term": {
        "en": "Cases over term + extension",
        "nl": "Zaken over termijn + verdaging",
    },
    "versions.diff.flow_efficiency": {"en": "Flow efficiency", "nl": "Stroomefficiëntie"},
    "versions.diff.work_per_case_hours": {"en": "Work per case (hours)", "nl": "Werk per zaak (uren)"},
    "versions.diff.wip_total": {"en": "Open cases on an average day", "nl": "Openstaande zaken op een gemiddelde dag"},
    "versions.diff.utilisation": {"en": "Utilisation of {role}", "nl": "Bezetting van {role}"},
    "versions.diff.bottleneck": {"en": "Bottleneck (PM303/PM304)", "nl": "Bottleneck (PM303/PM304)"},
    "versions.diff.findings_new": {"en": "New", "nl": "Nieuw"},
    "versions.diff.findings_resolved": {"en": "Resolved", "nl": "Opgelost"},
    "versions.diff.findings_unchanged": {"en": "Unchanged", "nl": "Ongewijzigd"},
    "versions.diff.findings_counts": {
        "en": "{new} new, {resolved} resolved, {unchanged} unchanged",
        "nl": "{new} nieuw, {resolved} opgelost, {unchanged} ongewijzigd",
    },
    "versions.diff.map_counts": {"en": "Changes in the map: {count}", "nl": "Wijzigingen in de kaart: {count}"},
    "versions.diff.none": {"en": "none", "nl": "geen"},
    # -- fmt -------------------------------------------------------------------------------------
    "versions.fmt.would_change": {"en": "{path}: would be reformatted", "nl": "{path}: zou opnieuw opgemaakt worden"},
    "versions.fmt.changed": {"en": "{path}: reformatted", "nl": "{path}: opnieuw opgemaakt"},
    "versions.fmt.summary": {
        "en": "{changed} of {total:plural:# file|# files} reformatted",
        "nl": "{changed} van {total:plural:# bestand|# bestanden} opnieuw opgemaakt",
    },
    "versions.fmt.summary_check": {
        "en": "{changed} of {total:plural:# file|# files} would be reformatted",
        "nl": "{changed} van {total:plural:# bestand|# bestanden} {changed:plural:zou|zouden} opnieuw opgemaakt worden",
    },
    "versions.fmt.meaning": {
        "en": "{path}: not reformatted: the canonical layout would read differently ({detail})",
        "nl": "{path}: niet opgemaakt: de standaardopmaak zou anders gelezen worden ({detail})",
    },
    "versions.hint.fmt.meaning": {
        "en": "the file is left as it is; please report this with the file attached",
        "nl": "het bestand blijft zoals het is; meld dit graag, met het bestand erbij",
    },
    "versions.fmt.write_failed": {"en": "cannot write {path}: {reason}", "nl": "kan {path} niet schrijven: {reason}"},
    "versions.hint.fmt.write_failed": {
        "en": "check that the folder exists and that you may write in it; the file is unchanged",
        "nl": "controleer of de map bestaat en of je erin mag schrijven; het bestand is ongewijzigd",
    },
    # -- new -------------------------------------------------------------------------------------
    "versions.new.bad_id": {"en": "`{id}` is not a valid process id", "nl": "`{id}` is geen geldige proces-id"},
    "versions.hint.new.bad_id": {
        "en": "use lower-case letters, digits, hyphens and underscores, starting and ending with a letter or digit, "
        "e.g. `{example}`",
        "nl": "gebruik kleine letters, cijfers, streepjes en liggende streepjes, met een letter of cijfer aan begin "
        "en eind, bijvoorbeeld `{example}`",
    },
    "versions.new.exists": {
        "en": "{path} already exists; it is left as it is",
        "nl": "{path} bestaat al; het blijft zoals het is",
    },
    "versions.hint.new.exists": {
        "en": "choose another id, or write elsewhere with --output PATH",
        "nl": "kies een andere id, of schrijf ergens anders heen met --output PAD",
    },
    "versions.new.written": {
        "en": "wrote {path}: fill it in during the workshop, then run `procesmap analyse {path}`",
        "nl": "{path} geschreven: vul het in tijdens de workshop en draai dan `procesmap analyse {path}`",
    },
    # -- procesmap new --output FOLDER/ or an existing file
    "versions.new.output_folder": {
        "en": "--output {path} is a folder; `procesmap new` writes one file, the map",
        "nl": "--output {path} is een map; `procesmap new` schrijft één bestand, de kaart",
    },
    "versions.hint.new.output_folder": {
        "en": "name the file to write: --output {file}",
        "nl": "noem het bestand dat geschreven moet worden: --output {file}",
    },
    "versions.hint.new.output_no_folder": {
        "en": "create the folder first, or name the file to write: --output {file}",
        "nl": "maak eerst de map, of noem het bestand dat geschreven moet worden: --output {file}",
    },
    "versions.hint.new.output_exists": {
        "en": "`new` never overwrites: give --output another file name, or move {path} out of the way first",
        "nl": "`new` overschrijft nooit: geef --output een andere bestandsnaam, of zet {path} eerst ergens anders",
    },
    # -- --set values as a workshop types them
    "versions.hint.set.decimal": {
        "en": "write the number with a decimal point: --set {path}={value}",
        "nl": "schrijf het getal met een punt: --set {path}={value}",
    },
    "versions.hint.set.quote_text": {
        "en": "a text with `: `, `[` or `{{` is read as YAML: put double quotes around it, inside the shell's quotes: "
        "--set '{path}=\"{text}\"'",
        "nl": "een tekst met `: `, `[` of `{{` wordt als YAML gelezen: zet er dubbele aanhalingstekens omheen, binnen "
        "die van de shell: --set '{path}=\"{text}\"'",
    },
}
