"""YAML text -> :class:`~procesmap.model.Process`, with ``file:line:column`` on every problem.

Workshop YAML is hand-written, so bad input is the normal case. The loader, each step in a module of its own:

1. reads bytes and refuses what is not a UTF-8 text file (binary, invalid UTF-8, empty); a BOM and
   CRLF line endings are fine (:mod:`procesmap._decode`, which also places PyYAML's errors);
2. refuses tabs in indentation, absurd nesting, more than one document and too many values or steps
   with one streaming pass over the parser events, bounded in time and memory (:mod:`procesmap._scan`);
3. turns the text into plain data with the place of every value (:mod:`procesmap._compose`): no YAML
   tag ever builds a Python object, aliases may expand to at most :data:`MAX_NODES` values (alias
   bombs are refused), duplicate keys are errors. Plain YAML (nearly every map) skips step 2: one
   pass over the parser's events builds the same data and places; a file it does not take (anchors,
   tags, an error, a limit) is scanned and composed;
4. validates with the pydantic model, reads work with the map's calendar and checks every reference
   between ids (:mod:`procesmap._map_text`, with :mod:`procesmap._model_problems` and
   :mod:`procesmap._references`);
5. reads a map with the files around it: the shared organisation files of its folder and the maps of
   its ``subprocess:`` steps (:mod:`procesmap._files`, :mod:`procesmap.subprocesses`).

Every problem found in steps 3-5 is reported, not only the first. This module is the public face:
"""

from __future__ import annotations

from procesmap._decode import MAX_BYTES, decode
from procesmap._files import discover, load, load_many
from procesmap._map_text import loads
from procesmap._scan import MAX_DEPTH, MAX_NODES, MAX_STEPS, scan_limits

__all__ = [
    "load",
    "loads",
    "load_many",
    "discover",
    "decode",
    "scan_limits",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "MAX_STEPS",
]
