"""Places in TOML text: where a key is written, how deep arrays and tables nest, where tomllib's error is.

:mod:`tomllib` gives no positions, so :class:`KeyIndex` finds the line and column of a key in the
text itself: headers, dotted keys and inline tables, which is what people write in configuration
files. Used by :mod:`procesmap.config` for ``file:line:column`` in every configuration problem.
"""

from __future__ import annotations

import re

__all__ = ["KeyIndex", "too_deep", "toml_position", "toml_reason"]


def too_deep(text: str, limit: int) -> tuple[int, int] | None:
    """Where arrays and inline tables nest deeper than ``limit`` (line, column), else ``None``: one pass that
    skips strings and comments; a table header (``[a.b]`` at the start of a line) is no nesting."""
    depth = 0
    line, start = 1, 0
    index, size = 0, len(text)
    at_line_start = True
    while index < size:
        char = text[index]
        if char == "\n":
            line, start, index, at_line_start = line + 1, index + 1, index + 1, True
            continue
        if char in " \t\r":
            index += 1
            continue
        if char == "#":
            end = text.find("\n", index)
            index = size if end < 0 else end
            continue
        if at_line_start and depth == 0 and char == "[":  # a table header: to the end of the line
            end = text.find("\n", index)
            index = size if end < 0 else end
            continue
        at_line_start = False
        if char in "\"'":
            triple = text.startswith(char * 3, index)
            quote = char * 3 if triple else char
            position = index + len(quote)
            while True:
                end = text.find(quote, position)
                if end < 0:
                    return None  # unterminated: tomllib says where
                if char == '"' and _escaped(text, end):
                    position = end + 1
                    continue
                break
            newlines = text.count("\n", index, end)
            if newlines:
                line += newlines
                start = text.rfind("\n", index, end) + 1
            index = end + len(quote)
            continue
        if char in "[{":
            depth += 1
            if depth > limit:
                return (line, index - start + 1)
        elif char in "]}":
            depth = max(depth - 1, 0)
        index += 1
    return None


def _escaped(text: str, index: int) -> bool:
    """Whether the character at ``index`` is preceded by an odd number of backslashes."""
    count = 0
    while index - count - 1 >= 0 and text[index - count - 1] == "\\":
        count += 1
    return count % 2 == 1


_TOML_POSITION = re.compile(r"^(?P<reason>.*?)\s*\(at line (?P<line>\d+), column (?P<column>\d+)\)\s*$", re.DOTALL)


def toml_position(message: str, text: str) -> tuple[int, int, str]:
    match = _TOML_POSITION.match(message)
    if match:
        return int(match["line"]), int(match["column"]), match["reason"]
    if "end of document" in message:
        lines = text.split("\n")
        return len(lines), len(lines[-1]) + 1, message.split(" (at")[0]
    return 1, 1, message


#: tomllib's reasons (Python 3.11-3.13), each to its catalogue key; the group ``arg`` is the key or character named
_REASONS = [
    (re.compile(r"Cannot overwrite a value$"), "toml.overwrite"),
    (re.compile(r"Escaped character is not a Unicode scalar value$"), "toml.escape_scalar"),
    (re.compile(r"Expected '=' after a key in a key/value pair$"), "toml.expected_equals"),
    (re.compile(r"Expected '\]' at the end of a table declaration$"), "toml.expected_table_end"),
    (re.compile(r"Expected '\]\]' at the end of an array declaration$"), "toml.expected_array_end"),
    (re.compile(r"Expected newline or end of document after a statement$"), "toml.expected_newline"),
    (re.compile(r"Invalid date or datetime$"), "toml.bad_date"),
    (re.compile(r"Invalid hex value$"), "toml.bad_hex"),
    (re.compile(r"Invalid initial character for a key part$"), "toml.bad_key"),
    (re.compile(r"Invalid statement$"), "toml.bad_statement"),
    (re.compile(r"Invalid value$"), "toml.bad_value"),
    (re.compile(r"Unclosed array$"), "toml.unclosed_array"),
    (re.compile(r"Unclosed inline table$"), "toml.unclosed_table"),
    (re.compile(r"Unescaped '\\' in a string$"), "toml.backslash"),
    (re.compile(r"Unterminated string$"), "toml.unterminated"),
    (re.compile(r"Cannot declare (?P<key>.+) twice$"), "toml.declared_twice"),
    (re.compile(r"Cannot mutate immutable namespace (?P<key>.+)$"), "toml.immutable"),
    (re.compile(r"Cannot redefine namespace (?P<key>.+)$"), "toml.redefine"),
    (re.compile(r"Duplicate inline table key (?P<key>.+)$"), "toml.duplicate_inline"),
    (re.compile(r"(?:Found invalid|Illegal) character (?P<char>.+)$"), "toml.bad_character"),
]


def toml_reason(reason: str) -> str:
    """tomllib's English reason as a catalogue message (:class:`procesmap.i18n.Message`), so that a Dutch run says
    it in Dutch; a reason this version of tomllib words otherwise stays as it is."""
    from procesmap.i18n import Message  # lazy: the catalogue loads when a message is made

    for pattern, key in _REASONS:
        match = pattern.match(reason)
        if match:
            names = dict(match.groupdict())
            if "key" in names:  # ('rules', 'PM204') or 'PM204': the dotted key as it is written
                parts = [a or b for a, b in re.findall(r"'([^']*)'|\"([^\"]*)\"", names["key"])]
                names["key"] = ".".join(parts) if parts else names["key"]
            return Message(key, **names)
    return reason


# -- positions of keys in TOML text --------------------------------------------------------------

_HEADER = re.compile(r"^\s*\[\[?\s*(?P<name>[^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = r'(?:[A-Za-z0-9_-]+|"[^"\n]*"|\'[^\'\n]*\')'
_ASSIGN = re.compile(rf"^(?P<indent>\s*)(?P<key>{_KEY}(?:\s*\.\s*{_KEY})*)\s*=\s*(?P<value>.*)$")
_INLINE_KEY = re.compile(rf"(?P<key>{_KEY})\s*=\s*")


def _split_key(key: str) -> tuple[str, ...]:
    parts = re.findall(_KEY, key)
    return tuple(p[1:-1] if p[:1] in "\"'" else p for p in parts)


class KeyIndex:
    """Where each key path of a TOML text is written: path -> (line, column) of the key and of its value."""

    def __init__(self, text: str):
        self.keys: dict[tuple[str, ...], tuple[int, int]] = {}
        self.values: dict[tuple[str, ...], tuple[int, int]] = {}
        table: tuple[str, ...] = ()
        in_string: str | None = None
        for number, line in enumerate(text.split("\n"), start=1):
            line = line.rstrip("\r")
            if in_string:
                if in_string in line:
                    in_string = None
                continue
            header = _HEADER.match(line)
            if header and not line.lstrip().startswith("#"):
                table = _split_key(header["name"])
                column = line.index("[") + 1
                self.keys.setdefault(table, (number, column))
                self.values.setdefault(table, (number, column))
                continue
            assign = _ASSIGN.match(line)
            if not assign:
                continue
            path = table + _split_key(assign["key"])
            self.keys.setdefault(path, (number, len(assign["indent"]) + 1))
            value_column = assign.start("value") + 1
            self.values.setdefault(path, (number, value_column))
            value = assign["value"]
            for quote in ('"""', "'''"):
                if value.startswith(quote) and value.count(quote) == 1:
                    in_string = quote
            if value.startswith("{"):
                self._inline(path, line, assign.start("value"), number)

    def _inline(self, path: tuple[str, ...], line: str, start: int, number: int) -> None:
        depth, position, stack = 0, start, [path]
        while position < len(line):
            char = line[position]
            if char in "\"'":
                end = line.find(char, position + 1)
                position = (end if end >= 0 else len(line)) + 1
                continue
            if char == "{":
                depth += 1
                position += 1
                match = _INLINE_KEY.match(line, _skip_space(line, position))
                if match:
                    position = self._inline_key(stack, match, number)
                continue
            if char == "}":
                depth -= 1
                stack.pop()
                if depth <= 0:
                    return
                position += 1
                continue
            if char == ",":
                match = _INLINE_KEY.match(line, _skip_space(line, position + 1))
                if match:
                    position = self._inline_key(stack, match, number)
                    continue
            position += 1

    def _inline_key(self, stack: list[tuple[str, ...]], match: re.Match[str], number: int) -> int:
        path = stack[-1] + _split_key(match["key"])
        self.keys.setdefault(path, (number, match.start("key") + 1))
        self.values.setdefault(path, (number, match.end() + 1))
        if match.end() < len(match.string) and match.string[match.end()] == "{":
            stack.append(path)
        return match.end()

    def locate(self, path: tuple[str, ...], *, value: bool = False) -> tuple[int, int]:
        """The place of ``path``, or of its nearest ancestor that is written, else 1:1."""
        places = self.values if value else self.keys
        while path:
            if path in places:
                return places[path]
            path = path[:-1]
        return (1, 1)


def _skip_space(line: str, position: int) -> int:
    while position < len(line) and line[position] in " \t":
        position += 1
    return position
