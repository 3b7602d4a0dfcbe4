"""The XES fast path (regular expression + numpy) returns exactly what the full lxml reader returns, or declines.

The oracle is the full reader (`_read_xes_full`, lxml's parser on every element), not the fast path's own
figures: on every shared log and on generated documents (escaped values, attribute order, whitespace, nested
attributes, empty traces, comments, chunk boundaries anywhere), `_read_xes` (fast path, falling back to the full
reader) gives the same table (values, nulls, column order) or the same error as the full reader alone.
"""

from __future__ import annotations

import gzip
import html
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from procesmap.eventlog import _xes
from tests.conftest import need_shared, shared_files

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1.0">\n'


def _outcome(read: Any, path: Path) -> tuple[str, Any]:
    try:
        table = read(path, None)
    except Exception as err:  # the same kind of error from both readers is what is compared
        return "error", (type(err).__name__, str(err))
    return "table", table


def _same(path: Path) -> Any:
    """Read ``path`` by ``_read_xes`` and by the full reader; they must agree. The fast path's result (or None)."""
    kind, full = _outcome(_xes._read_xes_full, path)
    kind_both, both = _outcome(_xes._read_xes, path)
    assert kind_both == kind
    if kind == "error":
        assert both == full
        assert _xes._read_xes_fast(path, None) is None  # the fast path never returns a table for a broken file
        return None
    assert both.column_names == full.column_names
    assert both.equals(full), (both.to_pydict(), full.to_pydict())
    return _xes._read_xes_fast(path, None)


@pytest.mark.parametrize("log", shared_files("event-logs/*.xes*"), ids=lambda p: p.name)
def test_every_shared_log_is_read_by_the_fast_path_with_the_full_readers_table(log: Path) -> None:
    need_shared(log)
    fast = _xes._read_xes_fast(log, None)
    assert fast is not None, "the shared logs (OpenXES, pm4py) have the regular shape"
    full = _xes._read_xes_full(log, None)
    assert fast.column_names == full.column_names
    assert fast.equals(full)


def test_small_chunks_cut_between_traces_anywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    running = need_shared("data", "event-logs", "running-example.xes")
    full = _xes._read_xes_full(running, None)
    for size in (1, 97, 1000, 4096):
        monkeypatch.setattr(_xes, "FAST_CHUNK", size)
        fast = _xes._read_xes_fast(running, None)
        assert fast is not None and fast.equals(full) and fast.column_names == full.column_names
    packed = tmp_path / "running.xes.gz"
    packed.write_bytes(gzip.compress(running.read_bytes()))
    assert _xes._read_xes_fast(packed, None).equals(full)


# -- generated documents ---------------------------------------------------------------------------------

TEXT = st.text(
    alphabet=st.sampled_from(list("ab Z09:-_.") + ["&", '"', "'", "<", ">", "é", "€", "\t", "\n", "\u00a0", "😀"]),
    max_size=8,
)
KEYS = st.sampled_from(["concept:name", "time:timestamp", "org:resource", "amount", "a&b", "é", "k 1", ""])
TYPES = st.sampled_from(["string", "date", "int", "float", "boolean", "id"])


@st.composite
def escaped(draw: Any, text: str) -> str:
    """``text`` as an XML attribute value, each special character escaped one of the legal ways."""
    out = []
    for char in text:
        if char in '&"<' or (char in "'>é€\t\n" and draw(st.booleans())):
            out.append(
                draw(
                    st.sampled_from(
                        [f"&#{ord(char)};", f"&#x{ord(char):X};"]
                        + ([html.escape(char, quote=True).replace("&#x27;", "&apos;")] if char in "&\"<>'" else [])
                    )
                )
            )
        else:
            out.append(char)
    return "".join(out)


@st.composite
def attribute(draw: Any, nested: int = 1) -> str:
    kind = draw(TYPES)
    key = draw(escaped(draw(KEYS)))
    value = draw(escaped(draw(TEXT)))
    space = draw(st.sampled_from([" ", "  ", "\n\t", " \r\n "]))
    pairs = [f'key="{key}"', f'value="{value}"']
    if draw(st.integers(0, 9)) == 0:
        pairs.reverse()  # value before key: legal XML, not the usual shape
    if draw(st.integers(0, 9)) == 0:
        pairs[0] = pairs[0].replace('="', ' = "', 1)
    end = draw(st.sampled_from(["/>", "/>", " />", "\n/>"]))
    if nested and draw(st.integers(0, 5)) == 0:
        inner = "".join(draw(st.lists(attribute(nested - 1), max_size=3)))
        return f"<{kind} {pairs[0]}{space}{pairs[1]}>{inner}</{kind}>"
    return f"<{kind} {pairs[0]}{space}{pairs[1]}{end}"


@st.composite
def document(draw: Any) -> str:
    gap = draw(st.sampled_from(["", "\n", "\n\t\t", " "]))
    extra = draw(st.sampled_from(["", "", "", "<!-- c -->", "<![CDATA[x]]>", "tekst", "<?pi x?>"]))
    parts = [HEAD, '<string key="meta" value="x"/>\n' if draw(st.booleans()) else ""]
    for _trace in range(draw(st.integers(0, 4))):
        parts.append(f"{gap}<trace>")
        parts += [gap + a for a in draw(st.lists(attribute(), max_size=3))]
        for _event in range(draw(st.integers(0, 4))):
            attributes = draw(st.lists(attribute(2), max_size=4))
            if not attributes and draw(st.booleans()):
                parts.append(f"{gap}<event/>")
                continue
            parts.append(f"{gap}<event>" + "".join(gap + a for a in attributes) + f"{gap}</event>")
            if draw(st.integers(0, 6)) == 0:
                parts.append(extra)
        parts.append(f"{gap}</trace>")
    parts.append(f"{gap}</log>\n")
    return "".join(parts)


def _write(folder: Path, text: str, packed: bool) -> Path:
    path = folder / ("log.xes.gz" if packed else "log.xes")
    data = text.encode("utf-8", "surrogateescape")
    path.write_bytes(gzip.compress(data) if packed else data)
    return path


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=document(), packed=st.booleans(), chunk=st.sampled_from([1, 50, 300, 1 << 22]))
def test_generated_documents_read_the_same_by_both_readers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, packed: bool, chunk: int
) -> None:
    monkeypatch.setattr(_xes, "FAST_CHUNK", chunk)
    _same(_write(tmp_path, text, packed))


@st.composite
def regular_document(draw: Any) -> str:
    """Documents of the shape the fast path reads itself (references, no literal tabs or newlines in values, key
    before value, unique keys a trace and an event)."""
    plain = st.lists(
        st.sampled_from(
            list("ab Z09:-_.'>é€😀") + ["\u00a0", "&amp;", "&lt;", "&quot;", "&#233;", "&#x1F600;", "&#10;"]
        ),
        max_size=8,
    ).map("".join)
    gap = draw(st.sampled_from(["", "\n", "\n\t\t", " ", "\r\n"]))

    def attrs(
        count: int, nested: bool, pool: tuple[str, ...] = ("concept:name", "time:timestamp", "a", "b", "é", "")
    ) -> str:
        keys = draw(st.lists(st.sampled_from(pool), unique=True))
        out = []
        for key in keys[:count]:
            kind, value = draw(TYPES), draw(plain)
            space = draw(st.sampled_from([" ", "\n ", "  "]))
            if nested and draw(st.integers(0, 4)) == 0:
                inner = "".join(f'<string key="{k}" value="{draw(plain)}"/>' for k in draw(st.lists(st.just("n"))))
                out.append(f'{gap}<{kind} key="{key}"{space}value="{value}">{inner}{gap}</{kind}>')
            else:
                out.append(f'{gap}<{kind} key="{key}"{space}value="{value}"{draw(st.sampled_from(["/>", " />"]))}')
        return "".join(out)

    parts = [HEAD]
    for _trace in range(draw(st.integers(1, 4))):  # a log without traces goes to the full reader
        parts.append(f"{gap}<trace>{attrs(draw(st.integers(0, 2)), False)}")
        for _event in range(draw(st.integers(0, 3))):
            parts.append(f"{gap}<event>{attrs(draw(st.integers(0, 4)), True)}{gap}</event>")
        parts.append(f"{gap}{attrs(draw(st.integers(0, 1)), False, ('after events',))}</trace>")
    parts.append(f"{gap}</log>{gap}")
    return "".join(parts)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=regular_document(), packed=st.booleans(), chunk=st.sampled_from([1, 50, 300, 1 << 22]))
def test_documents_of_the_regular_shape_take_the_fast_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, packed: bool, chunk: int
) -> None:
    monkeypatch.setattr(_xes, "FAST_CHUNK", chunk)
    path = _write(tmp_path, text, packed)
    assert _same(path) is not None, text


GOOD = (
    HEAD + '<trace><string key="concept:name" value="z1"/>\n<event><string key="concept:name" value="a"/>'
    '<date key="time:timestamp" value="2024-01-01T09:00:00Z"/></event>\n</trace>\n</log>\n'
)
UNUSUAL = {
    "comment between events": GOOD.replace("</event>\n", "</event><!-- x -->\n"),
    "undefined entity": GOOD.replace('value="a"', 'value="a &nbsp; b"'),
    "reference to no XML character": GOOD.replace('value="a"', 'value="a&#0;"'),
    "reference to a surrogate": GOOD.replace('value="a"', 'value="a&#xD800;"'),
    "capital X in a character reference": GOOD.replace('value="a"', 'value="&#X41;"'),
    "reference without ;": GOOD.replace('value="a"', 'value="&amp b"'),
    "reference in a nested value": GOOD.replace('value="a"/>', 'value="a"><string key="n" value="&bad;"/></string>'),
    "tab in a value (normalised to a space)": GOOD.replace('value="a"', 'value="a\tb"'),
    "value before key": GOOD.replace('key="concept:name" value="a"', 'value="a" key="concept:name"'),
    "single quotes": GOOD.replace('value="a"', "value='a'"),
    "key twice in an event": GOOD.replace("</event>", '<string key="concept:name" value="b"/></event>'),
    "attributes nested two deep": GOOD.replace(
        'value="a"/>', 'value="a"><string key="n" value="m"><string key="o" value="p"/></string></string>'
    ),
    "DOCTYPE": GOOD.replace("<log ", '<!DOCTYPE log [<!ENTITY e "x">]><log '),
    "Latin-1": GOOD.replace("UTF-8", "ISO-8859-1").replace('value="a"', 'value="\xe9"'),
    "prefixed tags": GOOD.replace("<log ", '<x:log xmlns:x="urn:x" ').replace("</log>", "</x:log>"),
    "event directly in the log": GOOD.replace("<trace>", "<event/><trace>", 1),
    "empty event tag": GOOD.replace("</trace>", "<event/></trace>"),
    "text after the log": GOOD + "<!-- end -->\n",
    "tag mismatch": GOOD.replace("</event>", "</evnt>"),
    "less-than in a value": GOOD.replace('value="a"', 'value="a < b"'),
    "less-than in a nested value": GOOD.replace('value="a"/>', 'value="a"><string key="n" value="<e"/></string>'),
    "newline in a value": GOOD.replace('value="a"', 'value="a\nb"'),
    "control character in a value": GOOD.replace('value="a"', 'value="a\x01b"'),
    "bare ampersand": GOOD.replace('value="a"', 'value="a & b"'),
    "U+FFFF in a value": GOOD.replace('value="a"', 'value="a\uffffb"'),
    "invalid UTF-8": GOOD.replace('value="a"', 'value="a\udcff"'),
    "cut off": GOOD[:-20],
}


@pytest.mark.parametrize("what", list(UNUSUAL))
def test_anything_unusual_goes_to_the_full_reader(tmp_path: Path, what: str) -> None:
    path = _write(tmp_path, UNUSUAL[what], False)
    assert _xes._read_xes_fast(path, None) is None
    _same(path)


REFERENCES = {  # the value as written -> the value the parser gives
    "a &amp; b": "a & b",
    "&lt;&gt;&quot;&apos;": "<>\"'",
    "caf&#233; &#xE9;&#xe9;": "café éé",
    "&#9;tab&#10;&#13;": "\ttab\n\r",
    "&amp;lt;": "&lt;",
    "&#128512;": "😀",
}


@pytest.mark.parametrize("written", list(REFERENCES))
def test_references_are_read_by_the_fast_path_as_the_parser_reads_them(tmp_path: Path, written: str) -> None:
    text = GOOD.replace('value="a"', f'value="{written}"').replace(
        '"concept:name" value="z1"', f'"k&amp;" value="{written}"'
    )
    path = _write(tmp_path, text, False)
    table = _same(path)
    assert table is not None
    assert table.column("concept:name").to_pylist() == [REFERENCES[written]]  # by hand, from the XML rules
    assert table.column("case:k&").to_pylist() == [REFERENCES[written]]


def test_the_regular_example_itself_takes_the_fast_path(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD, False)
    table = _same(path)
    assert table is not None
    assert table.to_pydict() == {
        "concept:name": ["a"],
        "time:timestamp": ["2024-01-01T09:00:00Z"],
        "case:concept:name": ["z1"],
    }


def test_a_key_twice_in_an_event_or_trace_the_last_value_counts(tmp_path: Path) -> None:
    """As pm4py's reader (a dict per event): before, the column of that key shifted by one for later events."""
    text = GOOD.replace("</event>", '<string key="concept:name" value="b"/></event>').replace(
        '<string key="concept:name" value="z1"/>',
        '<string key="concept:name" value="z0"/><string key="concept:name" value="z1"/>',
    )
    text = text.replace("</trace>", '<event><string key="concept:name" value="c"/></event></trace>')
    path = _write(tmp_path, text, False)
    assert _xes._read_xes_fast(path, None) is None
    assert _xes._read_xes_full(path, None).to_pydict() == {
        "concept:name": ["b", "c"],
        "time:timestamp": ["2024-01-01T09:00:00Z", None],
        "case:concept:name": ["z1", "z1"],
    }


@pytest.mark.parametrize("regular", [True, False], ids=["fast path", "full reader"])
def test_an_xes_gzip_bomb_is_refused_while_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, regular: bool
) -> None:
    """``.xes.gz`` is not unpacked twice (once to count, once to read): the reader counts as it unpacks."""
    from procesmap.errors import LoadError
    from procesmap.eventlog import _gzip, read_log

    monkeypatch.setattr(_gzip, "MAX_LOG_UNPACKED", 1_000_000)
    trace = GOOD[len(HEAD) : GOOD.index("</log>")]  # one trace of one event
    trace = trace if regular else trace.replace("<event>", "<!-- x --><event>")
    bomb = tmp_path / "bom.xes.gz"
    bomb.write_bytes(gzip.compress((HEAD + trace * (1_200_000 // len(trace)) + "</log>\n").encode()))
    assert bomb.stat().st_size < 50_000
    with pytest.raises(LoadError) as err:
        read_log(bomb)
    assert "unpacks to more than 1,000,000 bytes" in err.value.format("en")
    small = tmp_path / "klein.xes.gz"
    small.write_bytes(gzip.compress((HEAD + trace * (900_000 // len(trace)) + "</log>\n").encode()))
    assert read_log(small).events == 900_000 // len(trace)
    assert (_xes._read_xes_fast(small, None) is not None) == regular


def test_a_gzip_bomb_of_zeros_is_refused_as_a_bomb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from procesmap.errors import LoadError
    from procesmap.eventlog import _gzip, read_log

    monkeypatch.setattr(_gzip, "MAX_LOG_UNPACKED", 1_000_000)
    bomb = tmp_path / "nullen.xes.gz"
    bomb.write_bytes(gzip.compress(b"\0" * 2_000_000))
    with pytest.raises(LoadError) as err:
        read_log(bomb)
    assert "unpacks to more than 1,000,000 bytes" in err.value.format("en")
