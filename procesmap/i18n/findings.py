"""Catalogue entries for the findings (PMnnn.*) and for figures that could not be computed (missing.*)."""

from __future__ import annotations

FINDING_MESSAGES: dict[str, dict[str, str]] = {
    "PM101.title": {"en": "Organisation handover", "nl": "Overdracht tussen organisaties"},
    "PM101.summary": {
        "en": "a transition crosses organisations",
        "nl": "een overgang gaat over de grens van een organisatie",
    },
    "PM101.message": {
        "en": "{source} -> {target} crosses from {from_org} to {to_org} ({per_case:plural:# time|# times} per case)",
        "nl": "{source} -> {target} gaat van {from_org} naar {to_org} ({per_case} keer per zaak)",
    },
    "PM101.hint": {
        "en": "agree who watches the case across the boundary, and hand it over in the case system",
        "nl": "spreek af wie de zaak over de grens heen bewaakt, en draag over in het zaaksysteem",
    },
    "PM102.title": {"en": "Team handover", "nl": "Overdracht tussen teams"},
    "PM102.summary": {"en": "a transition crosses teams", "nl": "een overgang gaat van het ene team naar het andere"},
    "PM102.message": {
        "en": "{source} -> {target} passes the case from team {from_team} to team {to_team}",
        "nl": "{source} -> {target} draagt de zaak over van team {from_team} aan team {to_team}",
    },
    "PM102.hint": {
        "en": "check whether one team could do both steps, or agree what a complete handover holds",
        "nl": "kijk of één team beide stappen kan doen, of spreek af wat een volledige overdracht bevat",
    },
    "PM103.title": {"en": "Manual handover", "nl": "Handmatige overdracht"},
    "PM103.summary": {
        "en": "a handover goes outside the case system",
        "nl": "een overdracht gaat buiten het zaaksysteem om",
    },
    "PM103.message": {
        "en": "{source} -> {target} goes via {system}, outside the case system",
        "nl": "{source} -> {target} loopt via {system}, buiten het zaaksysteem om",
    },
    "PM103.hint": {
        "en": "hand the case over in the case system, so that its status stays visible",
        "nl": "draag de zaak over in het zaaksysteem, zodat de status zichtbaar blijft",
    },
    "PM104.title": {"en": "Ping-pong", "nl": "Pingpong"},
    "PM104.summary": {
        "en": "a case goes A -> B -> A between two roles",
        "nl": "een zaak gaat heen en weer tussen twee rollen (A -> B -> A)",
    },
    "PM104.message": {
        "en": "the case goes back from {role_b} to {role_a} ({first} -> {source} -> {target})",
        "nl": "de zaak gaat terug van {role_b} naar {role_a} ({first} -> {source} -> {target})",
    },
    "PM104.hint": {
        "en": "agree what information the first handover must hold, so the case need not come back",
        "nl": "spreek af welke informatie de eerste overdracht moet bevatten, zodat de zaak niet terug hoeft",
    },
    "PM201.title": {"en": "No process owner", "nl": "Geen proceseigenaar"},
    "PM201.summary": {
        "en": "the process has no owner, or it does not resolve",
        "nl": "het proces heeft geen eigenaar, of die bestaat niet",
    },
    "PM201.message": {"en": "process {process} has no owner", "nl": "proces {process} heeft geen eigenaar"},
    "PM201.message_unknown": {
        "en": "process owner `{owner}` is not a role of this process (did you mean `{suggestion}`?)",
        "nl": "proceseigenaar `{owner}` is geen rol in dit proces (bedoel je `{suggestion}`?)",
    },
    "PM201.message_external": {
        "en": "process owner `{owner}` is an external party",
        "nl": "proceseigenaar `{owner}` is een externe partij",
    },
    "PM201.hint": {
        "en": "name the internal role that answers for the whole process: `owner: <role id>`",
        "nl": "noem de interne rol die verantwoordelijk is voor het hele proces: `owner: <rol-id>`",
    },
    "PM202.title": {"en": "No responsible role", "nl": "Geen uitvoerende rol"},
    "PM202.summary": {"en": "a step where work is done has no role", "nl": "een stap met werk heeft geen rol"},
    "PM202.message": {
        "en": "step {step} has no role: nobody does it",
        "nl": "stap {step} heeft geen rol: niemand voert hem uit",
    },
    "PM202.hint": {"en": "add `role: <role id>` to the step", "nl": "voeg `role: <rol-id>` toe aan de stap"},
    "PM203.title": {"en": "No accountable role", "nl": "Geen eindverantwoordelijke"},
    "PM203.summary": {
        "en": "a step has no A and there is no process owner",
        "nl": "een stap heeft geen A en er is geen proceseigenaar",
    },
    "PM203.message": {
        "en": "nobody is accountable for step {step}",
        "nl": "niemand is eindverantwoordelijk voor stap {step}",
    },
    "PM203.hint": {
        "en": "add `raci: {{A: <role id>}}` or an `owner` for the process",
        "nl": "voeg `raci: {{A: <rol-id>}}` toe of een `owner` voor het proces",
    },
    "PM204.title": {"en": "Single point of failure", "nl": "Kwetsbare rol zonder vervanging"},
    "PM204.summary": {
        "en": "a role with one person and no backup does a step",
        "nl": "een rol met één persoon en geen vervanger voert een stap uit",
    },
    "PM204.message": {
        "en": "role {role} is one person without a backup, and does: {steps}",
        "nl": "rol {role} is één persoon zonder vervanger, en doet: {steps}",
    },
    "PM204.hint": {
        "en": "name a backup (`backup: <role id>`) or train a second person",
        "nl": "wijs een vervanger aan (`backup: <rol-id>`) of leid een tweede persoon op",
    },
    "PM205.title": {"en": "Owner outside the process", "nl": "Eigenaar buiten het proces"},
    "PM205.summary": {
        "en": "the process owner does no step and is A of none",
        "nl": "de proceseigenaar doet geen stap en is nergens A",
    },
    "PM205.message": {
        "en": "process owner {role} does no step and is explicitly accountable for none",
        "nl": "proceseigenaar {role} doet geen stap en is nergens expliciet eindverantwoordelijk",
    },
    "PM205.hint": {
        "en": "make the owner accountable (`raci: {{A: ...}}`) for the decisive steps",
        "nl": "maak de eigenaar eindverantwoordelijk (`raci: {{A: ...}}`) voor de beslissende stappen",
    },
    "PM303.title": {"en": "Bottleneck", "nl": "Bottleneck (hoge bezetting)"},
    "PM303.summary": {"en": "a role's utilisation is at least 85%", "nl": "de bezetting van een rol is minstens 85%"},
    "PM303.message": {
        "en": "role {role} is {utilisation}% utilised (from {threshold}% waits grow steeply)",
        "nl": "rol {role} is voor {utilisation}% bezet (vanaf {threshold}% lopen wachttijden snel op)",
    },
    "PM303.hint": {
        "en": "add capacity, move work to another role, or remove work from the process",
        "nl": "voeg capaciteit toe, verschuif werk naar een andere rol, of haal werk uit het proces",
    },
    "PM304.title": {"en": "Overloaded", "nl": "Overbelast"},
    "PM304.summary": {"en": "a role's utilisation is at least 100%", "nl": "de bezetting van een rol is 100% of meer"},
    "PM304.message": {
        "en": "role {role} is {utilisation}% utilised: {demand:plural:# hour|# hours} of work a year against "
        "{capacity:plural:# hour|# hours}",
        "nl": "rol {role} is voor {utilisation}% bezet: {demand} uur werk per jaar tegen {capacity} uur",
    },
    "PM304.message_across": {
        "en": "role {role} is {utilisation}% utilised across {count:plural:# process|# processes} ({processes})",
        "nl": "rol {role} is over {count:plural:# proces|# processen} samen voor {utilisation}% bezet ({processes})",
    },
    "PM303.message_across": {
        "en": "role {role} is {utilisation}% utilised across {count:plural:# process|# processes} ({processes})",
        "nl": "rol {role} is over {count:plural:# proces|# processen} samen voor {utilisation}% bezet ({processes})",
    },
    "PM304.hint": {
        "en": "the backlog (work in progress) will keep growing: add capacity or take work out",
        "nl": "de werkvoorraad blijft groeien: voeg capaciteit toe of haal werk weg",
    },
    "PM305.title": {"en": "Long wait", "nl": "Lange wachttijd"},
    "PM305.summary": {
        "en": "one step's waits take at least 25% of the cycle time",
        "nl": "de wachttijd voor één stap is minstens 25% van de doorlooptijd",
    },
    "PM305.message": {
        "en": "cases wait {days:plural:# day|# days} before step {step}: {share}% of the cycle time",
        "nl": "zaken wachten {days:plural:# dag|# dagen} voor stap {step}: {share}% van de doorlooptijd",
    },
    "PM305.hint": {
        "en": "shorten this queue first: a fixed slot, a smaller backlog, or fewer handovers",
        "nl": "verkort eerst deze wachtrij: een vast moment, een kleinere werkvoorraad, of minder overdrachten",
    },
    "PM306.title": {"en": "Service norm missed", "nl": "Servicenorm niet gehaald"},
    "PM306.summary": {
        "en": "the mean cycle time exceeds the service norm",
        "nl": "de gemiddelde doorlooptijd is langer dan de servicenorm",
    },
    "PM306.message": {
        "en": "the mean cycle time is {mean:plural:# day|# days}, more than the service norm of "
        "{norm:plural:# day|# days}",
        "nl": "de gemiddelde doorlooptijd is {mean:plural:# dag|# dagen}, langer dan de servicenorm van "
        "{norm:plural:# dag|# dagen}",
    },
    "PM306.hint": {
        "en": "shorten the waits, or make a promise the process can keep",
        "nl": "verkort de wachttijden, of doe een belofte die het proces kan waarmaken",
    },
    "PM401.title": {"en": "Unreachable step", "nl": "Onbereikbare stap"},
    "PM401.summary": {
        "en": "a step cannot be reached from the start",
        "nl": "een stap is niet te bereiken vanaf het begin",
    },
    "PM401.message": {
        "en": "step {step} cannot be reached from {start}",
        "nl": "stap {step} is niet te bereiken vanaf {start}",
    },
    "PM401.hint": {
        "en": "add the missing `next` that leads here, or remove the step",
        "nl": "voeg de ontbrekende `next` toe die hierheen leidt, of verwijder de stap",
    },
    "PM402.title": {"en": "Dead end", "nl": "Doodlopende stap"},
    "PM402.summary": {"en": "a non-end step has no next", "nl": "een stap die geen eind is heeft geen next"},
    "PM402.message": {
        "en": "step {step} has no `next` and is not an end",
        "nl": "stap {step} heeft geen `next` en is geen eind",
    },
    "PM402.hint": {"en": "add `next:`, or make it `type: end`", "nl": "voeg `next:` toe, of maak het `type: end`"},
    "PM403.title": {"en": "Branch probabilities", "nl": "Kansen van vertakkingen"},
    "PM403.summary": {
        "en": "a decision's p values are missing or do not sum to 1",
        "nl": "de p-waarden van een beslissing ontbreken of tellen niet op tot 1",
    },
    "PM403.message": {
        "en": "the branch probabilities of step {step} sum to {total}, not 1",
        "nl": "de kansen van de vertakkingen van stap {step} tellen op tot {total}, niet 1",
    },
    "PM403.message_missing": {
        "en": "step {step} has branches without `p`: they share what is left equally",
        "nl": "stap {step} heeft vertakkingen zonder `p`: die delen wat over is gelijk",
    },
    "PM403.hint": {"en": "give every branch a `p`, adding up to 1", "nl": "geef elke vertakking een `p`, samen 1"},
    "PM404.title": {"en": "Endless loop", "nl": "Eindeloze lus"},
    "PM404.summary": {
        "en": "a set of steps has no way to an end",
        "nl": "een groep stappen heeft geen weg naar een eind",
    },
    "PM404.message": {
        "en": "cases in {steps} can never reach an end",
        "nl": "zaken in {steps} komen nooit bij een eind",
    },
    "PM404.hint": {
        "en": "add a branch out of the loop (with `p` > 0)",
        "nl": "voeg een vertakking uit de lus toe (met `p` > 0)",
    },
    "PM405.title": {"en": "Unmatched parallel", "nl": "Parallel zonder join"},
    "PM405.summary": {
        "en": "a parallel has no matching join, or a join no parallel",
        "nl": "een parallel heeft geen bijbehorende join, of een join geen parallel",
    },
    "PM405.message": {
        "en": "the branches of parallel step {step} do not meet in one `join`",
        "nl": "de takken van parallelle stap {step} komen niet samen in één `join`",
    },
    "PM405.message_join": {
        "en": "join step {step} closes no `parallel`",
        "nl": "join-stap {step} sluit geen `parallel` af",
    },
    "PM405.hint": {
        "en": "let every branch of the parallel lead to one step of `type: join`",
        "nl": "laat elke tak van de parallel uitkomen bij één stap van `type: join`",
    },
    "PM501.title": {"en": "Knelpunt without owner", "nl": "Knelpunt zonder eigenaar"},
    "PM501.summary": {"en": "a workshop issue has no owner", "nl": "een knelpunt uit de workshop heeft geen eigenaar"},
    "PM501.message": {
        "en": "knelpunt {issue} has no owner: {text}",
        "nl": "knelpunt {issue} heeft geen eigenaar: {text}",
    },
    "PM501.hint": {"en": "add `owner: <role id>` to the issue", "nl": "voeg `owner: <rol-id>` toe aan het knelpunt"},
    # -- figures that could not be computed ------------------------------------------------
    "missing.term": {
        "en": "share over the term: the process has no `term`",
        "nl": "aandeel over de termijn: het proces heeft geen `term`",
    },
    "missing.term_extension": {
        "en": "share over the extended term: the process has no `term_extension`",
        "nl": "aandeel over de verlengde termijn: het proces heeft geen `term_extension`",
    },
    "missing.volume": {
        "en": "utilisation and work in progress: the process has no `volume`",
        "nl": "bezetting en werkvoorraad: het proces heeft geen `volume`",
    },
    "missing.wip_volume": {
        "en": "work in progress: the process has no `volume`",
        "nl": "werkvoorraad: het proces heeft geen `volume`",
    },
    "missing.capacity_external": {"en": "capacity of role {role}: external", "nl": "capaciteit van rol {role}: extern"},
    "missing.capacity_people": {
        "en": "capacity of role {role}: no `people` or `fte`",
        "nl": "capaciteit van rol {role}: geen `people` of `fte`",
    },
    "missing.capacity_no_visits": {
        "en": "utilisation: visits could not be computed",
        "nl": "bezetting: bezoeken konden niet berekend worden",
    },
    "missing.time_no_visits": {
        "en": "cycle and term time: visits could not be computed",
        "nl": "doorloop- en termijntijd: bezoeken konden niet berekend worden",
    },
    "missing.time_unmatched": {
        "en": "cycle and term time: unmatched parallel/join at {steps}",
        "nl": "doorloop- en termijntijd: parallel/join zonder tegenhanger bij {steps}",
    },
    "missing.simulation_too_long": {
        "en": "percentiles: simulated cases did not finish within {rounds:plural:# move|# moves}",
        "nl": "percentielen: gesimuleerde zaken waren niet klaar binnen {rounds:plural:# stap|# stappen}",
    },
    "missing.simulation_off": {
        "en": "percentiles and shares over the term: simulation turned off (--cases 0)",
        "nl": "percentielen en aandelen over de termijn: simulatie uitgezet (--cases 0)",
    },
    "missing.flow_efficiency_zero": {
        "en": "flow efficiency: the mean cycle time is 0",
        "nl": "stroomefficiëntie: de gemiddelde doorlooptijd is 0",
    },
    "missing.visits_probabilities": {
        "en": "visits: the branch probabilities of step {step} sum to {total}, not 1",
        "nl": "bezoeken: de kansen van de vertakkingen van stap {step} tellen op tot {total}, niet 1",
    },
    "missing.visits_endless": {
        "en": "visits: cases in {steps} never reach an end",
        "nl": "bezoeken: zaken in {steps} komen nooit bij een eind",
    },
    "missing.visits_singular": {
        "en": "visits: the routing has no solution",
        "nl": "bezoeken: de routering heeft geen oplossing",
    },
}
