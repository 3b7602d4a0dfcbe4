"""Command modules: each registers its typer commands on :data:`procesmap.cli.app`.

One module per area (diagram, check, diff, fmt, new, log, bpmn), so that the
commands of one area live together and ``cli.py`` stays small. Modules import
heavy libraries inside their command functions only.
"""
