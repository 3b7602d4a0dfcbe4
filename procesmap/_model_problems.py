"""Loading, error mapping: what pydantic says about a map's values, as problems at their place in the file."""

from __future__ import annotations

import difflib
import re
from typing import Any, get_args, get_origin

from procesmap._language import with_decimal_point
from procesmap.i18n import Count
from procesmap.model import Process, SourceMap

from procesmap._collect import Collector as _Collector

Path_ = tuple[Any, ...]


# -- pydantic errors -> problems ------------------------------------------------------------

_TYPE_KEYS = {
    "string_type": "value.expected_text",
    "int_type": "value.expected_int",
    "int_parsing": "value.expected_int",
    "int_from_float": "value.expected_int",
    "float_type": "value.expected_number",
    "float_parsing": "value.expected_number",
    "bool_type": "value.expected_bool",
    "bool_parsing": "value.expected_bool",
    "list_type": "value.expected_list",
    "dict_type": "value.expected_mapping",
    "model_type": "value.expected_mapping",
    "model_attributes_type": "value.expected_mapping",
    "too_short": "value.empty",
    "greater_than_equal": "value.min",
    "greater_than": "value.above",
    "less_than_equal": "value.max",
    "less_than": "value.below",
    "finite_number": "value.expected_number",
}


def _validate(data: dict[Any, Any], source: SourceMap, out: _Collector) -> Process | None:
    from pydantic import ValidationError  # lazy: pydantic loads only when a model is validated

    try:
        return Process.model_validate(data, strict=True)  # no quoted numbers, no true as 1 (procesmap.model)
    except ValidationError as err:
        for error in err.errors(include_url=False):
            _report_pydantic(error, data, source, out)
        return None


def _resolve(loc: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    """Pydantic's ``loc`` with the data's own keys: it writes a key ``None`` or ``1`` as ``'None'``/``'1'``."""
    resolved: list[Any] = []
    current = data
    for part in loc:
        if isinstance(current, dict):
            if part not in current:
                part = next((k for k in current if str(k) == str(part)), part)
            resolved.append(part)
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            resolved.append(part)
            current = current[part]
        else:
            resolved.append(part)
            current = None
    return tuple(resolved)


def _report_pydantic(error: Any, data: dict[Any, Any], source: SourceMap, out: _Collector, model: Any = None) -> None:
    loc = _resolve(tuple(error["loc"]), data)
    kind = error["type"]
    ctx = error.get("ctx") or {}
    on_key = len(loc) > 1 and loc[-1] == "[key]"  # a mapping key that is not a valid id: point at the key
    if on_key:
        loc = loc[:-1]
    field = loc[-1] if loc else "-"
    split = _split_number(loc, data) if kind in ("invalid_key", "extra_forbidden") else None
    if split is not None:  # {people: 1, fte: 0,8}: YAML read fte: 0 and a key 8 without a value
        out.add(
            source.locate(loc, key=True),
            "value.unknown_key",
            "hint.yaml.flow_decimal_comma",
            field=str(field),
            number_key=split[0],
            example=split[1],
        )
        return
    if kind == "invalid_key":  # a key that is not text where only text keys are allowed
        out.add(
            source.locate(loc, key=True),
            "value.unknown_key",
            "hint.allowed_keys",
            field=str(field),
            allowed=", ".join(_allowed_keys(loc[:-1], model)),
        )
        return
    if kind == "missing":
        if loc in (("procesmap",), ("steps",)):
            return  # reported with a better hint above
        out.add(source.locate(loc[:-1]), "value.missing", "hint.value.missing", field=str(field))
        return
    if kind == "extra_forbidden":
        allowed = _allowed_keys(loc[:-1], model)
        if error.get("input") is None and isinstance(field, str) and " " in field.strip():
            out.add(source.locate(loc, key=True), "value.unknown_key", "hint.yaml.flow_comma", field=str(field))
            return
        close = difflib.get_close_matches(str(field), allowed, n=1, cutoff=0.6)
        if close:
            out.add(
                source.locate(loc, key=True),
                "value.unknown_key",
                "hint.did_you_mean",
                field=str(field),
                suggestion=close[0],
            )
        else:
            out.add(
                source.locate(loc, key=True),
                "value.unknown_key",
                "hint.allowed_keys",
                field=str(field),
                allowed=", ".join(allowed),
            )
        return
    position = source.locate(loc, key=on_key)
    if kind == "procesmap":
        args = {k: v for k, v in ctx.items() if k not in ("key", "hint_key", "at", "field")}
        at = ctx.get("at")
        if isinstance(at, (tuple, list)):  # inside a duration mapping: point at the bad item
            position = source.locate(loc + tuple(at))
        out.add(position, ctx["key"], ctx.get("hint_key"), field=str(field), **args)
        return
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        value = error.get("input")
        allowed = [part.strip() for part in expected.replace(" or ", ", ").split(",") if part.strip()]
        # `language: NL`, `type: End`: the value in another case is the one meant
        close = [a for a in allowed if a.lower() == str(value).strip().lower()]
        close = close or difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.5)
        if close:
            out.add(
                position,
                "value.not_allowed",
                "hint.did_you_mean",
                field=str(field),
                value=_describe(value),
                expected=expected,
                suggestion=close[0],
            )
        else:
            out.add(
                position,
                "value.not_allowed",
                "hint.allowed_values",
                field=str(field),
                value=_describe(value),
                expected=expected,
            )
        return
    key = _TYPE_KEYS.get(kind)
    if key is None:
        out.add(position, "value.invalid", "hint.value.invalid", field=str(field), detail=error.get("msg", kind))
        return
    limit = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt", ctx.get("min_length", "")))))
    if isinstance(limit, (int, float)) and not isinstance(limit, bool) and float(limit).is_integer():
        limit = Count(int(limit))  # written the language's way: 100.000 (nl), 1 rather than 1,0
    found = error.get("input")
    example = with_decimal_point(found) if key == "value.expected_number" and isinstance(found, str) else None
    if example is not None:
        out.add(position, key, "hint.value.decimal_comma", field=str(field), found=_describe(found), example=example)
        return
    unquoted = _unquoted(key, found)
    if unquoted is not None:  # `p: "0.3"`, `people: "3"`, `external: "true"`: a number or true/false in quotes
        out.add(position, key, "hint.value.unquote", field=str(field), found=_describe(found), example=unquoted)
        return
    share = _share(found) if _is_share(loc) else None
    if share is not None:  # `p: 30%`, `p: 30`: a percentage where a share from 0 to 1 goes
        out.add(
            position, key, "hint.value.p_percent", field=str(field), limit=limit, found=_describe(found), example=share
        )
        return
    if key == "value.expected_bool" and isinstance(found, str) and found.strip().lower() in _DUTCH_BOOLS:
        example = _DUTCH_BOOLS[found.strip().lower()]
        out.add(position, key, "hint.value.bool_dutch", field=str(field), found=_describe(found), example=example)
        return
    hint = _capacity_hint(loc) or ("hint.value.p" if _is_share(loc) else "hint.value.type")
    out.add(position, key, hint, field=str(field), limit=limit, found=_describe(found))


#: what a Dutch writer types for true and false (YAML 1.1 reads yes/no/on/off itself, not these)
_DUTCH_BOOLS = {"ja": "true", "j": "true", "waar": "true", "nee": "false", "n": "false", "onwaar": "false"}
_PERCENT = re.compile(r"\s*([0-9]+(?:[.,][0-9]+)?)\s*%\s*")


_BOOL_WORDS = {"true": "true", "yes": "true", "on": "true", "false": "false", "no": "false", "off": "false"}


def _unquoted(key: str, found: Any) -> str | None:
    """What to write without quotes for a number or true/false written as text: ``"0.3"`` -> ``0.3``, ``"yes"``
    -> ``true``; None for any other value."""
    if not isinstance(found, str):
        return None
    text = found.strip()
    if key == "value.expected_bool":
        return _BOOL_WORDS.get(text.lower())
    if key in ("value.expected_number", "value.expected_int") and re.fullmatch(r"[-+]?[0-9]+(\.[0-9]+)?", text):
        return text
    return None


def _is_share(loc: tuple[Any, ...]) -> bool:
    """``loc`` is the ``p`` of a branch (``steps[i].next[j].p``)."""
    return len(loc) == 5 and loc[0] == "steps" and loc[2] == "next" and loc[4] == "p"


def _share(found: Any) -> str | None:
    """The share a percentage means: ``"30%"``, ``"12,5%"`` or ``30`` -> ``"0.3"``; None for anything else (``0.3``,
    ``1.5``, ``-1``, ``veel``, ``250``)."""
    if isinstance(found, str):
        match = _PERCENT.fullmatch(found)
        if match is None:
            return None
        number = float(match[1].replace(",", "."))
    elif isinstance(found, (int, float)) and not isinstance(found, bool) and 2 <= found <= 100:  # not 1.5
        number = float(found)
    else:
        return None
    return f"{number / 100:.10g}" if number <= 100 else None


def _capacity_hint(loc: tuple[Any, ...]) -> str | None:
    """The hint that says what a role's ``people`` or ``fte``, or a ``calendar`` field, means and which values it
    takes (``fte: 0``, ``people: 1.5``, ``hours_per_day: 25``); None for any other field."""
    if len(loc) == 3 and loc[0] == "roles" and loc[2] in ("people", "fte"):
        return f"hint.capacity.{loc[2]}"
    if len(loc) == 2 and loc[0] == "calendar" and loc[1] in ("hours_per_day", "days_per_week", "weeks_per_year"):
        return f"hint.capacity.{loc[1]}"
    return None


def _split_number(loc: tuple[Any, ...], data: Any) -> tuple[str, str] | None:
    """``(field, number)`` when the unknown key at ``loc`` is the decimals of the number before it: in a flow mapping
    ``{fte: 0,8}`` YAML reads ``fte: 0`` and a key ``8`` without a value. None for any other unknown key."""
    field = loc[-1] if loc else None
    if not isinstance(field, (int, str)) or isinstance(field, bool) or not str(field).isdigit():
        return None
    parent: Any = data
    for part in loc[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return None
    if not isinstance(parent, dict) or parent.get(field, "") is not None:
        return None
    keys = list(parent)
    index = keys.index(field)
    if index == 0:
        return None
    before = keys[index - 1]
    value = parent[before]
    if not isinstance(before, str) or not isinstance(value, int) or isinstance(value, bool):
        return None
    return before, f"{value}.{field}"


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if value is None:
        return "null"
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _allowed_keys(loc: tuple[Any, ...], model: Any = None) -> list[str]:
    """The keys a mapping at ``loc`` may have, by walking the model classes."""
    from pydantic import BaseModel  # lazy: pydantic loads only when a model is validated

    current: Any = model or Process
    for part in loc:
        current = _strip(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part) if isinstance(part, str) else None
            if field is None:
                return []
            current = field.annotation
        elif get_origin(current) in (list, dict):
            current = get_args(current)[-1]
        else:
            return []
    current = _strip(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _strip(annotation: Any) -> Any:
    """Optional[X] / Annotated[X, ...] -> X (lists and dicts are kept)."""
    for _ in range(8):
        origin = get_origin(annotation)
        if origin in (list, dict) or origin is None:
            return annotation
        args = [a for a in get_args(annotation) if a is not type(None)]
        if not args:
            return annotation
        annotation = args[0]
    return annotation
