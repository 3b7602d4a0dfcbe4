"""Catalogue entries of the reports' diagrams for the wall (issue 15, second round; merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_WALL: dict[str, dict[str, str]] = {
    "report.swimlane_html_key": {
        "en": "The whole map, too big to read as one picture: the dashed lines cut it into the {parts} parts below.",
        "nl": "De hele kaart, te groot om als één beeld te lezen: de streeplijnen knippen hem in de {parts} delen hieronder.",
    },
    "report.swimlane_html_part": {
        "en": "Part {part} of {parts}: every lane, the steps of its columns; an arrow that goes on elsewhere ends in the "
        "number of its part.",
        "nl": "Deel {part} van {parts}: alle banen, de stappen van zijn kolommen; een pijl die elders verdergaat eindigt "
        "in het nummer van zijn deel.",
    },
    "summary.findings_same": {
        "en": "(and the same kind of finding {count:plural:once more|# more times}, see below)",
        "nl": "(en nog {count:plural:# keer|# keer} dezelfde soort bevinding, zie hieronder)",
    },
    "report.organisations_picture": {
        "en": "Handovers between the organisations",
        "nl": "Overdrachten tussen de organisaties",
    },
    "report.swimlane_page": {
        "en": "Swimlane diagram, part {part} of {parts}: every lane, the steps of its columns (cut between columns)",
        "nl": "Zwembaandiagram, deel {part} van {parts}: alle banen, de stappen van zijn kolommen (geknipt tussen kolommen)",
    },
    "report.swimlane_sheet": {
        "en": "Swimlane diagram, part {part} of {parts}, sheet {sheet} of {sheets} (top to bottom, cut between lanes or "
        "rows of steps)",
        "nl": "Zwembaandiagram, deel {part} van {parts}, blad {sheet} van {sheets} (van boven naar onder, geknipt tussen "
        "banen of rijen stappen)",
    },
    "report.swimlane_pages_key": {
        "en": "The whole picture; at a readable size it takes the {parts} parts on the next pages, cut between columns "
        "where the dashed lines are.",
        "nl": "Het hele beeld; leesbaar groot staat het in de {parts} delen op de volgende pagina's, geknipt tussen de "
        "kolommen bij de streeplijnen.",
    },
}
