"""``procesmap schema``: the JSON Schema of process files (:func:`procesmap.model.json_schema`)."""

from __future__ import annotations

import sys
import json

from procesmap.cli import app

__all__ = ["schema"]


@app.command("schema")
def schema() -> None:
    """Print the JSON Schema of process files (format 1), for editors with a YAML language server."""
    from procesmap.model import json_schema  # lazy: keeps `procesmap --help` fast

    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
