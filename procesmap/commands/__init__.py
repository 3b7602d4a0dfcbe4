"""Command modules: each registers its typer commands on :data:`procesmap.cli.app`.

One module per command or area (analyse, rules, schema, check, diagram, diff, fmt, new, log, bpmn, ...),
so that the commands of one area live together and ``cli.py`` holds only the application, the helpers
the commands share and the registration (:func:`procesmap.cli._register_commands`, which imports every
module here). Every command is registered the same way, with its name: ``@app.command("name")``, or on
a group (``import``, ``export``, ``log``) with ``@group.command("name")``. Modules import heavy libraries
inside their command functions only, so that ``procesmap --help`` starts fast.
"""
