"""A seeded synthetic process map of any size, for layout tests and benchmarks.

Real maps from workshops have 5 to 60 steps; the bundled ones have 12 to 20. This
generator makes bigger ones with the same ingredients: three organisations, several
teams, external parties, decisions with rework loops, parallel advice blocks, waits,
manual handovers, a single point of failure. The same ``(steps, seed)`` always gives
the same YAML text.
"""

from __future__ import annotations

import random
from typing import Any

__all__ = ["synthetic_map"]

_ROLES = [
    # id, name, team, people, external
    ("kcc", "Medewerker KCC", "kcc", 6, False),
    ("behandelaar", "Behandelaar vergunningen", "vth", 5, False),
    ("jurist", "Jurist", "vth", 2, False),
    ("teamleider", "Teamleider VTH", "vth", 1, False),
    ("coordinator", "Zaakcoördinator", "od-intake", 3, False),
    ("adviseur", "Adviseur milieu (één persoon)", "od-milieu", 1, False),
    ("brandweer", "Adviseur brandveiligheid", "vr-risico", 2, False),
    ("aanvrager", "Aanvrager", None, None, True),
    ("commissie", "Welstandscommissie", None, None, True),
]
_WORDS = [
    "aanvraag",
    "toets",
    "advies",
    "besluit",
    "zienswijze",
    "dossier",
    "ontvangst",
    "controle",
    "beoordeling",
    "overleg",
    "verslag",
    "publicatie",
    "registratie",
    "aanvulling",
    "planning",
]


def synthetic_map(steps: int = 40, seed: int = 0) -> str:
    """The YAML text of a valid map with exactly ``steps`` steps (at least 5)."""
    if steps < 5:
        raise ValueError("a synthetic map has at least 5 steps")
    rng = random.Random(seed)
    internal = [r for r in _ROLES if not r[4]]
    lines = [
        "procesmap: 1",
        f"id: synthetisch-{steps}-{seed}",
        f"name: Synthetische kaart met {steps} stappen (één, ë, ï)",
        "owner: teamleider",
        "language: nl",
        "term: 8w",
        "term_extension: 6w",
        "volume: 900/year",
        "organisations:",
        "  gemeente: {name: Gemeente Zuidveen}",
        "  od: {name: Omgevingsdienst Zuidveen}",
        "  vr: {name: Veiligheidsregio Zuidveen}",
        "teams:",
        "  kcc: {name: Klantcontactcentrum, organisation: gemeente}",
        '  vth: {name: "Vergunningen, toezicht en handhaving", organisation: gemeente}',
        "  od-intake: {name: Intake, organisation: od}",
        "  od-milieu: {name: Team milieu, organisation: od}",
        "  vr-risico: {name: Risicobeheersing, organisation: vr}",
        "roles:",
    ]
    for rid, name, team, people, external in _ROLES:
        if external:
            lines.append(f"  {rid}: {{name: {name}, external: true}}")
        else:
            lines.append(f"  {rid}: {{name: {name}, team: {team}, people: {people}}}")
    lines += ["systems:", "  zaaksysteem: {name: Zaaksysteem}", "  mail: {name: E-mail, kind: manual}", "steps:"]

    body: list[dict[str, Any]] = []
    count = 0

    def new(kind: str, role: str) -> dict[str, Any]:
        nonlocal count
        count += 1
        word = rng.choice(_WORDS)
        step: dict[str, Any] = {
            "id": f"s{count:03d}",
            "type": kind,
            "role": role,
            "name": f"Stap {count}: {word} {rng.choice(_WORDS)} {rng.choice(['', 'en verwerking', 'met toelichting', 'in het zaaksysteem'])}".strip(),
            "next": [],
        }
        if kind not in ("start", "parallel", "join"):
            step["wait"] = f"{rng.randint(0, 6)}d"
        step["work"] = f"{rng.choice([15, 30, 45, 60, 90])}m"
        if rng.random() < 0.15:
            step["via"] = "mail"
        body.append(step)
        return step

    current = new("start", "kcc")
    budget = steps - 2  # leave room for the end step
    while count < budget:
        room = budget - count
        choice = rng.random()
        if choice < 0.2 and room >= 5:  # a parallel advice block
            par = new("parallel", rng.choice(internal)[0])
            current["next"].append({"to": par["id"]})  # type: ignore[union-attr]
            branches = rng.randint(2, 3) if room >= 6 else 2
            ends = []
            for _ in range(branches):
                first = new("task", rng.choice(_ROLES)[0])
                par["next"].append({"to": first["id"]})  # type: ignore[union-attr]
                ends.append(first)
            join = new("join", par["role"])  # type: ignore[arg-type]
            for end in ends:
                end["next"].append({"to": join["id"]})  # type: ignore[union-attr]
            current = join
        elif choice < 0.45 and room >= 3 and len(body) > 3:  # a decision with a rework loop
            dec = new("decision", rng.choice(internal)[0])
            current["next"].append({"to": dec["id"]})  # type: ignore[union-attr]
            fix = new("task", rng.choice(["aanvrager", "behandelaar", "jurist"]))
            back = rng.choice(body[max(1, len(body) - 8) : len(body) - 2])
            fix["next"].append({"to": back["id"]})  # type: ignore[union-attr]
            p = rng.choice([0.1, 0.2, 0.25, 0.3])
            dec["next"].append({"to": fix["id"], "p": p, "when": "onvolledig of afgekeurd"})  # type: ignore[union-attr]
            dec["pending_p"] = round(1 - p, 2)
            current = dec
        else:
            task = new("task", rng.choice(_ROLES)[0])
            if current.get("pending_p") is not None:
                current["next"].append({"to": task["id"], "p": current.pop("pending_p"), "when": "in orde"})  # type: ignore[union-attr]
            else:
                current["next"].append({"to": task["id"]})  # type: ignore[union-attr]
            current = task
    while count < steps - 1:
        task = new("task", rng.choice(internal)[0])
        if current.get("pending_p") is not None:
            current["next"].append({"to": task["id"], "p": current.pop("pending_p"), "when": "in orde"})  # type: ignore[union-attr]
        else:
            current["next"].append({"to": task["id"]})  # type: ignore[union-attr]
        current = task
    end = new("end", "teamleider")
    if current.get("pending_p") is not None:
        current["next"].append({"to": end["id"], "p": current.pop("pending_p"), "when": "in orde"})  # type: ignore[union-attr]
    else:
        current["next"].append({"to": end["id"]})  # type: ignore[union-attr]

    for step in body:
        lines.append(f"  - id: {step['id']}")
        lines.append(f'    name: "{step["name"]}"')
        lines.append(f"    type: {step['type']}")
        lines.append(f"    role: {step['role']}")
        for key in ("wait", "work", "via"):
            if key in step:
                lines.append(f"    {key}: {step[key]}")
        branches = step["next"]
        if branches:
            lines.append("    next:")
            for branch in branches:  # type: ignore[union-attr]
                parts = [f"to: {branch['to']}"]
                if "p" in branch:
                    parts.append(f"p: {branch['p']}")
                if "when" in branch:
                    parts.append(f"when: {branch['when']}")
                lines.append("      - {" + ", ".join(parts) + "}")
    return "\n".join(lines) + "\n"
