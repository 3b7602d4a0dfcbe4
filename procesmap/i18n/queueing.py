"""Messages of the queueing model (issue #12): missing figures, the PM307 finding and the report section."""

from __future__ import annotations

MESSAGES_QUEUEING: dict[str, dict[str, str]] = {
    "missing.queue_too_costly": {
        "en": "queueing simulation: {cases} cases would draw more than {limit} step visits; the queues are computed "
        "by formula only and the time figures keep the declared waits (at most about {fits} cases fit)",
        "nl": "simulatie van wachtrijen: {cases} zaken zouden meer dan {limit} stapbezoeken trekken; de wachtrijen zijn "
        "alleen met de formule berekend en de tijdcijfers houden de opgegeven wachttijden (hoogstens ongeveer "
        "{fits} zaken passen)",
    },
    "missing.queue_cases_reduced": {
        "en": "queueing simulation: {cases} cases would draw more than {limit} step visits per pass; {simulated} cases "
        "were simulated, so the percentiles and shares vary more from seed to seed",
        "nl": "simulatie van wachtrijen: {cases} zaken zouden meer dan {limit} stapbezoeken per ronde trekken; er zijn "
        "{simulated} zaken gesimuleerd, dus de percentielen en aandelen wisselen meer per seed",
    },
    "PM307.title": {"en": "Queue exceeds the declared wait", "nl": "Wachtrij langer dan de opgegeven wachttijd"},
    "PM307.summary": {
        "en": "the queueing a role's capacity explains is well above the declared wait",
        "nl": "de wachtrij die de capaciteit van een rol verklaart is veel langer dan de opgegeven wachttijd",
    },
    "PM307.message": {
        "en": "before step {step} the queue of role {role} alone takes {queue:plural:# day|# days}, "
        "{ratio} times the declared wait of {declared:plural:# day|# days}",
        "nl": "voor stap {step} duurt alleen de wachtrij van rol {role} al {queue:plural:# dag|# dagen}, "
        "{ratio} keer de opgegeven wachttijd van {declared:plural:# dag|# dagen}",
    },
    "PM307.hint": {
        "en": "volume, work and people do not fit together: check the volume, the hours of `work` and the "
        "role's `people`/`fte` with the team",
        "nl": "volume, werk en mensen passen niet bij elkaar: controleer het volume, de uren `work` en "
        "`people`/`fte` van de rol met het team",
    },
    "missing.queue_unstable": {
        "en": "queue of role {role}: utilisation {utilisation}% has no steady state; the backlog grows by about "
        "{backlog} cases a month, so its steps keep their declared waits in the time figures",
        "nl": "wachtrij van rol {role}: een bezetting van {utilisation}% heeft geen evenwicht; de achterstand groeit "
        "met ongeveer {backlog} zaken per maand, dus de stappen van deze rol houden hun opgegeven wachttijd "
        "in de tijdcijfers",
    },
    "report.means.queues": {"en": "simulated (queues)", "nl": "gesimuleerd (wachtrijen)"},
    # -- the report section ---------------------------------------------------------------------
    "report.queueing": {"en": "Queueing: what capacity explains", "nl": "Wachtrijen: wat de capaciteit verklaart"},
    "report.queueing.none": {
        "en": "No queues: no role with `people` does `work` here, or the process has no `volume`.",
        "nl": "Geen wachtrijen: geen rol met `people` doet hier `work`, of het proces heeft geen `volume`.",
    },
    "report.queueing.note_simulation": {
        "en": "Each role with people is one queue (first come, first served) worked in the calendar's working hours; "
        "queues in days per visit from {cases} simulated cases (seed {seed}), beside the analytic figure "
        "(Erlang C / Allen-Cunneen). A queue includes waiting for the next working hour. Other wait = "
        "declared wait - queue: what capacity does not explain.",
        "nl": "Elke rol met mensen is één wachtrij (wie eerst komt, eerst geholpen), gewerkt in de werkuren van de "
        "kalender; wachtrijen in dagen per bezoek uit {cases} gesimuleerde zaken (seed {seed}), naast het "
        "analytische cijfer (Erlang C / Allen-Cunneen). Een wachtrij telt het wachten op het volgende werkuur "
        "mee. Overige wachttijd = opgegeven wachttijd - wachtrij: wat de capaciteit niet verklaart.",
    },
    "report.queueing.note_analytic": {
        "en": "Queues computed by formula only (Erlang C / Allen-Cunneen, days per visit): no simulation ran.",
        "nl": "Wachtrijen alleen met de formule berekend (Erlang C / Allen-Cunneen, dagen per bezoek): er liep geen simulatie.",
    },
    "report.queueing.people": {"en": "People", "nl": "Mensen"},
    "report.queueing.simulated_utilisation": {"en": "Simulated", "nl": "Gesimuleerd"},
    "report.queueing.queue_mean": {"en": "Queue, mean (days)", "nl": "Wachtrij, gemiddeld (dagen)"},
    "report.queueing.queue_p85": {"en": "Queue, p85 (days)", "nl": "Wachtrij, p85 (dagen)"},
    "report.queueing.analytic": {"en": "Analytic queue (days)", "nl": "Analytische wachtrij (dagen)"},
    "report.queueing.declared": {"en": "Declared wait (days)", "nl": "Opgegeven wachttijd (dagen)"},
    "report.queueing.other_wait": {"en": "Other wait (days)", "nl": "Overige wachttijd (dagen)"},
    "report.queueing.explains": {"en": "Capacity explains it", "nl": "Capaciteit verklaart het"},
    "report.queueing.yes": {"en": "yes", "nl": "ja"},
    "report.queueing.no": {"en": "no", "nl": "nee"},
    "report.queueing.unstable": {
        "en": "{role}: more work than capacity, no steady state: the backlog grows by about "
        "{backlog} cases a month, so no queue is given",
        "nl": "{role}: meer werk dan capaciteit, geen evenwicht: de achterstand groeit met "
        "ongeveer {backlog} zaken per maand, dus is er geen wachtrij te berekenen",
    },
    "report.queueing.util_short": {"en": "Util.", "nl": "Bezet"},
    "report.queueing.sim_short": {"en": "Sim.", "nl": "Sim."},
    "report.queueing.queue_short": {"en": "Queue", "nl": "Wachtrij"},
    "report.queueing.analytic_short": {"en": "Formula", "nl": "Formule"},
    "report.queueing.declared_short": {"en": "Declared", "nl": "Opgegeven"},
    "report.queueing.other_short": {"en": "Other", "nl": "Overig"},
    "report.queueing.explains_short": {"en": "Explained", "nl": "Verklaard"},
    "report.queueing.explained": {
        "en": "Capacity explains at least half of the declared wait at: {steps}.",
        "nl": "De capaciteit verklaart minstens de helft van de opgegeven wachttijd bij: {steps}.",
    },
    "report.queueing.not_explained": {
        "en": "Capacity explains less than half of the declared wait at: {steps} (priorities, batching, other duties, "
        "a fixed meeting).",
        "nl": "De capaciteit verklaart minder dan de helft van de opgegeven wachttijd bij: {steps} (prioriteiten, "
        "bundelen, ander werk, een vast overleg).",
    },
}
