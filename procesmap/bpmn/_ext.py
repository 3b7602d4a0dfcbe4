"""procesmap's own data inside BPMN: the ``pm:`` extension namespace (``https://procesmap.nl/bpmn/1``).

BPMN has no place for work, wait, lead, branch probabilities, RACI, systems,
calendars or knelpunten, so they travel in ``extensionElements`` of the
element they belong to. The encoding is generic and driven by the model's own
JSON dump, so that a new optional field of format 1 round-trips without a
change here:

- a scalar becomes an attribute (``work="15m"``, ``people="3"``, ``external="true"``);
- a long text (``description``, ``text``, ``solution``) becomes a child with text;
- a mapping becomes a child element (``<pm:raci A="..."/>``, ``<pm:wait min= mode= max=/>``);
- a list becomes repeated children (``<pm:C>role</pm:C>``, ``<pm:sample>2d</pm:sample>``);
- the id-keyed tables (organisations, teams, roles, systems) become ``<pm:role id="...">``.

Decoding gives back strings; pydantic's (lax) validation turns them into numbers and booleans.
"""

from __future__ import annotations

from typing import Any

from procesmap.bpmn._xml import PM, q

__all__ = ["encode", "decode", "TABLES"]

TABLES = {"organisations": "organisation", "teams": "team", "roles": "role", "systems": "system"}
_ITEM = {"issues": "issue", "samples": "sample", "backup": "backup", "C": "C", "I": "I", "log": "log", "next": "branch"}
_LIST_OF = {tag: key for key, tag in _ITEM.items()}
_TABLE_OF = {tag: key for key, tag in TABLES.items()}
_TEXT = {"description", "text", "solution"}


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def encode(parent: Any, tag: str, data: dict[str, Any]) -> Any:
    """Append ``<pm:tag>`` holding ``data`` (a JSON-like mapping) to ``parent``; returns it."""
    from lxml import etree  # lazy: lxml loads only when BPMN is read or written

    element = etree.SubElement(parent, q(PM, tag))
    _fill(element, data)
    return element


def _fill(element: Any, data: dict[str, Any]) -> None:
    from lxml import etree  # lazy: lxml loads only when BPMN is read or written

    for key, value in data.items():
        if value is None:
            continue
        if key in TABLES and isinstance(value, dict):
            for item_id, item in value.items():
                child = etree.SubElement(element, q(PM, TABLES[key]))
                child.set("id", str(item_id))
                _fill(child, item)
        elif isinstance(value, list):
            tag = _ITEM.get(key, key)
            for item in value:
                child = etree.SubElement(element, q(PM, tag))
                if isinstance(item, dict):
                    _fill(child, item)
                else:
                    child.text = _scalar(item)
        elif isinstance(value, dict):
            _fill(etree.SubElement(element, q(PM, key)), value)
        elif key in _TEXT:
            etree.SubElement(element, q(PM, key)).text = _scalar(value)
        else:
            element.set(key, _scalar(value))


def decode(element: Any) -> dict[str, Any]:
    """The mapping held by a ``pm:`` element (values as strings, lists and mappings)."""
    data: dict[str, Any] = dict(element.attrib)
    for child in element:
        if not isinstance(child.tag, str) or not child.tag.startswith("{" + PM + "}"):
            continue
        local = child.tag.split("}", 1)[1]
        if local in _TABLE_OF:
            item = decode(child)
            item_id = item.pop("id", "")
            data.setdefault(_TABLE_OF[local], {})[item_id] = item
        elif local in _LIST_OF:
            simple = not child.attrib and len(child) == 0
            data.setdefault(_LIST_OF[local], []).append((child.text or "") if simple else decode(child))
        elif local in _TEXT:
            data[local] = child.text or ""
        else:
            data[local] = decode(child)
    return data
