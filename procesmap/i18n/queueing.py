"""Messages of the queueing model (issue #12): missing figures, the PM307 finding and the report section."""

from __future__ import annotations

MESSAGES_QUEUEING: dict[str, dict[str, str]] = {
    "missing.queue_too_costly": {
        "en": "queueing simulation: {cases} cases would draw more than {limit} step visits; the queues are computed "
              "by formula only and the time figures keep the declared waits (at most about {fits} cases fit)",
        "nl": "simulatie van wachtrijen: {cases} zaken zouden meer dan {limit} stapbezoeken trekken; de wachtrijen zijn "
              "alleen met de formule berekend en de tijdcijfers houden de opgegeven wachttijden (hoogstens ongeveer "
              "{fits} zaken passen)"},
    "PM307.title": {"en": "Queue exceeds the declared wait", "nl": "Wachtrij langer dan de opgegeven wachttijd"},
    "PM307.summary": {"en": "the queueing a role's capacity explains is well above the declared wait",
                      "nl": "de wachtrij die de capaciteit van een rol verklaart is veel langer dan de opgegeven wachttijd"},
    "PM307.message": {"en": "before step {step} the queue of role {role} alone takes {queue:plural:# day|# days}, "
                            "{ratio} times the declared wait of {declared:plural:# day|# days}",
                      "nl": "voor stap {step} duurt alleen de wachtrij van rol {role} al {queue:plural:# dag|# dagen}, "
                            "{ratio} keer de opgegeven wachttijd van {declared:plural:# dag|# dagen}"},
    "PM307.hint": {"en": "volume, work and people do not fit together: check the volume, the hours of `work` and the "
                         "role's `people`/`fte` with the team",
                   "nl": "volume, werk en mensen passen niet bij elkaar: controleer het volume, de uren `work` en "
                         "`people`/`fte` van de rol met het team"},
    "missing.queue_unstable": {
        "en": "queue of role {role}: utilisation {utilisation}% has no steady state; the backlog grows by about "
              "{backlog} cases a month, so its steps keep their declared waits in the time figures",
        "nl": "wachtrij van rol {role}: een bezetting van {utilisation}% heeft geen evenwicht; de achterstand groeit "
              "met ongeveer {backlog} zaken per maand, dus de stappen van deze rol houden hun opgegeven wachttijd "
              "in de tijdcijfers"},
}
