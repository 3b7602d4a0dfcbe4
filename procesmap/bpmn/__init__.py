"""BPMN 2.0 export and import (issue 7).

::

    from procesmap.bpmn import ExportOptions, export_bpmn, import_bpmn

    data = export_bpmn(process, ExportOptions(pools="organisation", external="pool"))  # bytes
    result = import_bpmn("model.bpmn")           # ImportResult(yaml_text, unmapped)

The export is a collaboration with pools, (nested) lanes, flow nodes, flows and full
diagram interchange (procesmap's swimlane layout, as ``procesmap diagram`` draws it);
procesmap's own fields travel in the ``pm:`` extension namespace
(``https://procesmap.nl/bpmn/1``), so export -> import gives the same map back. The
import also reads BPMN from other tools into a draft map and lists what it could not
map. See docs/bpmn.md. lxml is imported only when a function runs.
"""

from __future__ import annotations

from procesmap.bpmn._export import ExportOptions, export_bpmn
from procesmap.bpmn._import import ImportResult, Unmapped, import_bpmn
from procesmap.bpmn._xml import MAX_BYTES, PM

__all__ = ["ExportOptions", "ImportResult", "MAX_BYTES", "PM", "Unmapped", "export_bpmn", "import_bpmn"]
