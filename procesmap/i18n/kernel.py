"""Catalogue entries of the simulation loop setting ``PROCESMAP_SIMULATION_KERNEL`` (merged into MESSAGES)."""

from __future__ import annotations

MESSAGES_KERNEL: dict[str, dict[str, str]] = {
    "kernel.unknown": {
        "en": "PROCESMAP_SIMULATION_KERNEL={value} is not a simulation loop",
        "nl": "PROCESMAP_SIMULATION_KERNEL={value} is geen simulatielus",
    },
    "hint.kernel": {
        "en": "use compiled, python or auto (the default: the compiled loop where it is built, else the Python "
        "one; both give the same figures), or unset the variable; docs/queueing.md",
        "nl": "gebruik compiled, python of auto (de standaard: de gecompileerde lus waar die gebouwd is, anders "
        "die in Python; beide geven dezelfde cijfers), of haal de variabele weg; docs/queueing.md",
    },
    "kernel.not_built": {
        "en": "the compiled simulation loop is not built ({error})",
        "nl": "de gecompileerde simulatielus is niet gebouwd ({error})",
    },
    "kernel.stale": {
        "en": "the compiled simulation loop ({module}) was built from another version of {source}",
        "nl": "de gecompileerde simulatielus ({module}) is gebouwd uit een andere versie van {source}",
    },
    "hint.kernel_build": {
        "en": "pip install -e . builds it (a C compiler is needed); without PROCESMAP_SIMULATION_KERNEL=compiled "
        "procesmap runs the loop in Python, with the same figures",
        "nl": "pip install -e . bouwt hem (een C-compiler is nodig); zonder PROCESMAP_SIMULATION_KERNEL=compiled "
        "gebruikt procesmap de lus in Python, met dezelfde cijfers",
    },
}
