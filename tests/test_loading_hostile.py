"""Hostile and bad input for the loader: every problem with its exact key, line, column and a hint.

Workshop YAML is hand-written, so bad input is the normal case (docs/format.md: "an error
names the file, line and column"). Each case starts from one small valid process
(:data:`BASE`) and changes one thing; positions are computed from the changed text
itself (:func:`where`), so a test names exactly the character it expects.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from procesmap.errors import LoadError, Problem
from procesmap.loading import MAX_BYTES, MAX_DEPTH, MAX_NODES, decode, load, loads
from procesmap.model import Process

from .conftest import need

BASE = """\
procesmap: 1
id: test
name: Testproces
owner: teamleider
organisations:
  gemeente: {name: Gemeente}
teams:
  vth: {name: VTH, organisation: gemeente}
roles:
  behandelaar: {name: Behandelaar, team: vth, people: 3}
  teamleider: {name: Teamleider, team: vth, people: 1, backup: behandelaar}
  aanvrager: {name: Aanvrager, external: true}
systems:
  zaaksysteem: {name: Zaaksysteem}
  mail: {name: Mail, kind: manual}
steps:
  - id: ontvangst
    type: start
    role: behandelaar
    raci: {R: behandelaar, A: teamleider, C: [behandelaar], I: [aanvrager]}
    work: 15m
    system: zaaksysteem
    next: toets
  - id: toets
    type: decision
    role: behandelaar
    wait: 2d
    work: 1h
    via: mail
    next:
      - {to: besluit, p: 0.8}
      - {to: aanvullen, p: 0.2}
  - id: aanvullen
    role: aanvrager
    wait: {min: 1d, mode: 3d, max: 10d}
    next: [toets]
  - id: besluit
    type: end
    role: teamleider
    work: 30m
issues:
  - id: k1
    step: toets
    text: Te lang wachten.
    owner: teamleider
"""

FILE = "proces.yaml"


def change(*pairs: str, text: str = BASE) -> str:
    """``BASE`` with each ``old`` (which must occur exactly once) replaced by its ``new``."""
    assert len(pairs) % 2 == 0
    for old, new in zip(pairs[::2], pairs[1::2]):
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
        text = text.replace(old, new)
    return text


def where(text: str, context: str, needle: str | None = None) -> tuple[int, int]:
    """1-based (line, column) of ``needle`` inside the one occurrence of ``context`` in ``text``."""
    assert text.count(context) == 1, f"{context!r} occurs {text.count(context)} times"
    index = text.index(context) + (context.index(needle) if needle else 0)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def problems_of(text: str, file: str = "<string>") -> list[Problem]:
    with pytest.raises(LoadError) as caught:
        loads(text, file)
    problems = caught.value.problems
    assert problems, "a LoadError must carry at least one problem"
    for problem in problems:  # every problem renders in both languages, with a hint
        assert problem.hint_key is not None
        for lang in ("en", "nl"):
            assert problem.format(lang).startswith(f"{problem.file}:{problem.line}:{problem.column}: ")
            assert problem.hint(lang)
    return problems


def only_problem(text: str) -> Problem:
    problems = problems_of(text)
    assert len(problems) == 1, [(p.line, p.column, p.key) for p in problems]
    return problems[0]


def assert_problem(problem: Problem, key: str, position: tuple[int, int], hint_key: str | None = None) -> None:
    assert (problem.key, (problem.line, problem.column)) == (key, position), problem.format()
    assert problem.hint_key is not None and problem.hint()
    if hint_key is not None:
        assert problem.hint_key == hint_key, problem.format()


def load_error(path: Path) -> list[Problem]:
    with pytest.raises(LoadError) as caught:
        load(path)
    return caught.value.problems


def test_base_is_valid() -> None:
    process = loads(BASE)
    assert isinstance(process, Process)
    assert [s.id for s in process.steps] == ["ontvangst", "toets", "aanvullen", "besluit"]


# -- unknown ids in every kind of reference ------------------------------------------------------

REFERENCES = [
    # (what is changed, into what, the bad id in it, the nearest valid id)
    pytest.param("    role: aanvrager\n", "    role: aanvrage\n", "aanvrage", "aanvrager", "role", id="step-role"),
    pytest.param("R: behandelaar", "R: behandelaa", "behandelaa", "behandelaar", "role", id="raci-R"),
    pytest.param("A: teamleider", "A: teamleidr", "teamleidr", "teamleider", "role", id="raci-A"),
    pytest.param("C: [behandelaar]", "C: [behandelaarr]", "behandelaarr", "behandelaar", "role", id="raci-C-list"),
    pytest.param("C: [behandelaar]", "C: behandelaarr", "behandelaarr", "behandelaar", "role", id="raci-C-one"),
    pytest.param("I: [aanvrager]", "I: [aanvragr]", "aanvragr", "aanvrager", "role", id="raci-I"),
    pytest.param("system: zaaksysteem", "system: zaaksystem", "zaaksystem", "zaaksysteem", "system", id="system"),
    pytest.param("via: mail", "via: mial", "mial", "mail", "system", id="via"),
    pytest.param("next: toets", "next: toest", "toest", "toets", "step", id="next-string"),
    pytest.param("next: [toets]", "next: [toest]", "toest", "toets", "step", id="next-list-of-strings"),
    pytest.param("{to: besluit, p: 0.8}", "{to: besluiit, p: 0.8}", "besluiit", "besluit", "step", id="next-branch-to"),
    pytest.param(
        "organisation: gemeente}",
        "organisation: gemente}",
        "gemente",
        "gemeente",
        "organisation",
        id="team-organisation",
    ),
    pytest.param("team: vth, people: 3", "team: vht, people: 3", "vht", "vth", "team", id="role-team"),
    pytest.param("backup: behandelaar", "backup: behandelar", "behandelar", "behandelaar", "role", id="role-backup"),
    pytest.param("    step: toets\n", "    step: tots\n", "tots", "toets", "step", id="issue-step"),
    pytest.param(
        "    owner: teamleider\n", "    owner: teamleier\n", "teamleier", "teamleider", "role", id="issue-owner"
    ),
]


@pytest.mark.parametrize("old, new, bad, nearest, kind", REFERENCES)
def test_unknown_id_names_the_nearest_id(old: str, new: str, bad: str, nearest: str, kind: str) -> None:
    text = change(old, new)
    problem = only_problem(text)
    assert_problem(problem, "ref.unknown", where(text, new, bad), "hint.did_you_mean_id")
    assert problem.args["id"] == bad
    assert problem.args["kind"] == f"kind.{kind}"
    assert problem.hint_args["suggestion"] == nearest
    assert f"`{nearest}`" in problem.hint("en")


def test_unknown_id_without_a_near_one_lists_the_known_ids() -> None:
    text = change("    role: aanvrager\n", "    role: xyz\n")
    problem = only_problem(text)
    assert_problem(problem, "ref.unknown", where(text, "    role: xyz\n", "xyz"), "hint.ref.valid_ids")
    assert "aanvrager" in problem.hint("en")


# -- durations ---------------------------------------------------------------------------------

DURATIONS = [
    # (value of `wait:` on the `toets` step, problem key, hint key, hint arguments that must be there)
    pytest.param("3 dagen", "duration.invalid", "hint.duration.did_you_mean", {"example": "3d"}, id="3-dagen"),
    pytest.param("-2d", "duration.negative", "hint.duration.negative", {}, id="negative"),
    pytest.param("1,5d", "duration.invalid", "hint.duration.did_you_mean", {"example": "1.5d"}, id="decimal-comma"),
    pytest.param("3", "duration.no_unit", "hint.duration.add_unit", {"example": "3d"}, id="bare-number"),
    pytest.param("P1M", "duration.iso_calendar", "hint.duration.iso_calendar", {}, id="iso-month"),
    pytest.param(
        "{min: 5d, mode: 2d, max: 1d}",
        "duration.triangle_order",
        "hint.duration.triangle_order",
        {},
        id="triangle-order",
    ),
    pytest.param("{samples: []}", "duration.samples_empty", "hint.duration.samples", {}, id="samples-empty"),
    pytest.param("{foo: 1d}", "duration.bad_mapping", "hint.duration.forms", {}, id="unknown-mapping"),
    pytest.param(".inf", "duration.invalid", "hint.duration.forms", {}, id="infinite"),
    pytest.param(".nan", "duration.invalid", "hint.duration.forms", {}, id="nan"),
    pytest.param("1" + "0" * 400, "duration.no_unit", "hint.duration.add_unit", {}, id="huge-integer"),
    pytest.param("P" + "9" * 400 + "W", "duration.invalid", "hint.duration.forms", {}, id="huge-iso"),
]


@pytest.mark.parametrize("value, key, hint_key, hint_args", DURATIONS)
def test_bad_duration(value: str, key: str, hint_key: str, hint_args: dict[str, str]) -> None:
    new = f"    wait: {value}\n"
    text = change("    wait: 2d\n", new)
    problem = only_problem(text)
    assert_problem(problem, key, where(text, new, value), hint_key)
    assert problem.args["field"] == "wait"
    for name, expected in hint_args.items():
        assert problem.hint_args[name] == expected
        assert f"`{expected}`" in problem.hint("en")


@pytest.mark.parametrize(
    "value, bad",
    [
        ("{samples: [1d, 2x, 3d]}", "2x"),
        ("{min: 1d, mode: -2d, max: 3d}", "-2d"),
        ("{min: 1d, mode: 2d, max: soon}", "soon"),
    ],
)
def test_bad_item_inside_a_duration_mapping_is_pointed_at(value: str, bad: str) -> None:
    new = f"    wait: {value}\n"
    text = change("    wait: 2d\n", new)
    problem = only_problem(text)
    assert (problem.line, problem.column) == where(text, new, bad)
    assert problem.key in ("duration.invalid", "duration.negative")
    assert problem.args["value"] == bad


# -- wrong types -------------------------------------------------------------------------------

TYPES = [
    # people says what it counts and which numbers it takes (tests/test_capacity_hints.py)
    pytest.param("people: 3", "people: veel", "veel", "value.expected_int", "hint.capacity.people", id="people-text"),
    pytest.param("people: 3", "people: 1.5", "1.5", "value.expected_int", "hint.capacity.people", id="people-fraction"),
    pytest.param(
        "external: true", "external: misschien", "misschien", "value.expected_bool", "hint.value.type", id="external"
    ),
    pytest.param("next: toets", "next: 5", "5", "value.expected_list", "hint.value.type", id="next-number"),
]


@pytest.mark.parametrize("old, new, bad, key, hint", TYPES)
def test_wrong_type(old: str, new: str, bad: str, key: str, hint: str) -> None:
    text = change(old, new)
    problem = only_problem(text)
    assert_problem(problem, key, where(text, new, bad), hint)


def test_steps_as_a_mapping() -> None:
    text = BASE[: BASE.index("steps:")] + "steps: {}\n"
    problem = only_problem(text)
    assert_problem(problem, "value.expected_list", where(text, "steps: {}", "{}"), "hint.value.type")


def test_steps_empty_list() -> None:
    text = BASE[: BASE.index("steps:")] + "steps: []\n"
    problem = only_problem(text)
    assert_problem(problem, "value.empty", where(text, "steps: []", "[]"), "hint.value.type")


def test_unknown_key_suggests_the_nearest() -> None:
    new = "    wiat: 2d\n"
    text = change("    wait: 2d\n", new)
    problem = only_problem(text)
    assert_problem(problem, "value.unknown_key", where(text, new, "wiat"), "hint.did_you_mean")
    assert problem.hint_args["suggestion"] == "wait"


def test_unknown_key_far_from_any_lists_the_allowed_keys() -> None:
    new = "    zzzzzz: 2d\n"
    text = change("    wait: 2d\n", new)
    problem = only_problem(text)
    assert_problem(problem, "value.unknown_key", where(text, new, "zzzzzz"), "hint.allowed_keys")
    assert "wait" in problem.hint("en")


def test_non_text_key_is_pointed_at() -> None:
    new = "12: twaalf\n"
    text = change("name: Testproces\n", "name: Testproces\n" + new)
    problem = only_problem(text)
    assert_problem(problem, "value.unknown_key", where(text, new), "hint.allowed_keys")


def test_flow_mapping_with_an_unquoted_comma() -> None:
    new = "  vth: {name: Vergunningen, toezicht en handhaving}\n"
    text = change("  vth: {name: VTH, organisation: gemeente}\n", new)
    problem = only_problem(text)
    assert_problem(problem, "value.unknown_key", where(text, new, "toezicht"), "hint.yaml.flow_comma")
    assert "Vergunningen, toezicht en handhaving" in problem.hint("en")


# -- duplicates ----------------------------------------------------------------------------------


def test_duplicate_keys_are_all_reported_with_the_first_line() -> None:
    text = change(
        "name: Testproces\n",
        "name: Testproces\nname: Dubbel\n",
        "  mail: {name: Mail, kind: manual}\n",
        "  mail: {name: Mail, kind: manual, name: Post}\n",
        "    work: 1h\n",
        "    work: 1h\n    wait: 3d\n    work: 2h\n",
    )
    problems = problems_of(text)
    found = [(p.key, p.line, p.column, p.args["key"], p.args["line"]) for p in problems]
    name_line = where(text, "name: Testproces\n")[0]
    mail_line = where(text, "kind: manual, name: Post")[0]
    wait_line = where(text, "    wait: 2d\n")[0]
    work_line = where(text, "    work: 1h\n")[0]
    assert found == [
        ("load.duplicate_key", name_line + 1, 1, "name", name_line),
        ("load.duplicate_key", mail_line, where(text, "name: Post")[1], "name", mail_line),
        ("load.duplicate_key", work_line + 1, 5, "wait", wait_line),
        ("load.duplicate_key", work_line + 2, 5, "work", work_line),
    ]
    assert all(p.hint_key == "hint.load.duplicate_key" for p in problems)
    assert f"line {name_line}" in problems[0].hint("en")


def test_duplicate_step_id() -> None:
    new = "  - id: besluit\n    type: end\nissues:"
    text = change("issues:", new)
    problem = only_problem(text)
    assert_problem(problem, "ref.duplicate_step", where(text, new, "besluit"), "hint.ref.duplicate_step")
    assert problem.args["line"] == where(text, "  - id: besluit\n    type: end\n    role")[0]


# -- YAML syntax ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "new, tab",
    [
        pytest.param("  \trole: aanvrager\n", "\t", id="after-spaces"),
        pytest.param("\t  role: aanvrager\n", "\t", id="first-character"),
    ],
)
def test_tab_in_indentation(new: str, tab: str) -> None:
    text = change("    role: aanvrager\n", new)
    assert_problem(only_problem(text), "load.tab", where(text, new, tab), "hint.load.tab")


def test_tab_inside_a_block_scalar_is_text_not_indentation() -> None:
    text = change("name: Testproces\n", "name: Testproces\ndescription: |\n  eerste regel\n  \tingesprongen\n")
    assert loads(text).description == "eerste regel\n\tingesprongen\n"


def test_colon_in_plain_text() -> None:
    new = "name: Advies: milieu\n"
    text = change("name: Testproces\n", new)
    problem = only_problem(text)
    assert_problem(problem, "load.yaml", where(text, new, ": milieu"), "hint.yaml.colon")


def test_control_character_is_located() -> None:
    new = "name: Café\x07\n"
    text = change("name: Testproces\n", new)
    assert_problem(only_problem(text), "load.yaml", where(text, new, "\x07"), "hint.yaml.control")


def test_two_documents() -> None:
    text = BASE + "---\nprocesmap: 1\n"
    problem = only_problem(text)
    assert_problem(problem, "load.many_documents", (BASE.count("\n") + 1, 1), "hint.load.many_documents")


@pytest.mark.parametrize(
    "tag",
    [
        pytest.param("!!python/object/apply:os.system ['touch {target}']", id="python-object-apply"),
        pytest.param("!!python/object/new:os.system ['touch {target}']", id="python-object-new"),
        pytest.param("!!python/name:os.system", id="python-name"),
        pytest.param("!foo bar", id="custom"),
    ],
)
def test_yaml_tags_are_refused_and_never_run(tag: str, tmp_path: Path) -> None:
    target = tmp_path / "pwned"
    value = tag.format(target=target)
    new = f"name: {value}\n"
    text = change("name: Testproces\n", new)
    problem = only_problem(text)
    assert_problem(problem, "load.tag", where(text, new, value), "hint.load.tag")
    assert problem.args["tag"] == value.split(" ")[0]
    assert not target.exists()


def test_tag_in_a_file_is_never_run(tmp_path: Path) -> None:
    target = tmp_path / "pwned"
    path = tmp_path / "proces.yaml"
    path.write_text(change("name: Testproces\n", f"name: !!python/object/apply:os.system ['touch {target}']\n"))
    [problem] = load_error(path)
    assert (problem.key, problem.line, problem.column) == ("load.tag", 3, 7)
    assert not target.exists()


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    names = "abcdefghijklmnopqrstuvwxyz"
    lines = [f"a: &a [{', '.join(['lol'] * width)}]"]
    for level in range(1, levels):
        aliases = ", ".join([f"*{names[level - 1]}"] * width)
        lines.append(f"{names[level]}: &{names[level]} [{aliases}]")
    return "\n".join(lines) + "\n"


def expanded_limit_position(text: str, width: int = 9) -> tuple[int, int]:
    """Where the bomb passes MAX_NODES, counting an alias as the whole of its anchored value."""
    total = 0
    size = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if number == 1:
            size = 1 + width
            total += 1 + size  # the key and the list
            continue
        total += 2  # the key and the list
        column = line.index("[") + 1
        for _ in range(width):
            total += size
            if total > MAX_NODES:
                return number, column + 1
            column = line.index("*", column) + 1 + 3  # past "*x, "
        size = 1 + width * size
    raise AssertionError("the bomb never passes the limit")


def test_alias_bomb_is_refused_quickly() -> None:
    text = billion_laughs()
    started = time.perf_counter()
    problem = only_problem(text)
    elapsed = time.perf_counter() - started
    assert_problem(problem, "load.too_many_nodes", expanded_limit_position(text), "hint.load.too_many_nodes")
    assert problem.args["limit"] == MAX_NODES
    assert elapsed < 5.0  # a safety check, not a benchmark: 9**9 values would never finish


def test_alias_bomb_inside_an_extension_key() -> None:
    bomb = billion_laughs()
    text = BASE + "x-bom:\n" + "".join("  " + line + "\n" for line in bomb.splitlines())
    problem = only_problem(text)
    line, column = expanded_limit_position(bomb)
    assert_problem(problem, "load.too_many_nodes", (BASE.count("\n") + 1 + line, column + 2))


@pytest.mark.parametrize(
    "text, position",
    [
        pytest.param("[" * 10000, (1, MAX_DEPTH + 1), id="brackets-10000"),
        pytest.param("{a: " * 10000, (1, 4 * MAX_DEPTH + 1), id="braces-10000"),
        pytest.param(
            "".join("  " * i + "- \n" for i in range(2000)),
            (MAX_DEPTH + 1, 2 * MAX_DEPTH + 1),
            id="block-sequences-2000",
        ),
    ],
)
@pytest.mark.parametrize("parser", ["libyaml", "python"])
def test_absurd_nesting_is_refused_without_recursion_error(
    text: str, position: tuple[int, int], parser: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Our own message at the place our limit is passed, whichever parser PyYAML has.

    libyaml 0.2.5+ (PyYAML 6.0.4's wheels) stops flow nesting at 1000 while scanning ahead, before
    it emits an event; the message and position must still be procesmap's own.
    """
    import yaml

    from procesmap import _decode

    if parser == "libyaml":
        need(getattr(yaml, "CSafeLoader", None), "PyYAML was built without libyaml (the wheels on PyPI have it)")
        monkeypatch.setattr(_decode, "_loader_class", lambda: yaml.CSafeLoader)
    else:
        monkeypatch.setattr(_decode, "_loader_class", lambda: yaml.SafeLoader)
    assert_problem(only_problem(text), "load.too_deep", position, "hint.load.too_deep")


@pytest.mark.parametrize(
    "text, position",
    [
        pytest.param("a: &a [*a]\n", (1, 4), id="self-alias-list"),
        pytest.param("a: &a {b: *a}\n", (1, 4), id="self-alias-mapping"),
        pytest.param("a: &a {<<: *a}\n", (1, 4), id="self-merge"),
    ],
)
def test_recursive_aliases_are_refused(text: str, position: tuple[int, int]) -> None:
    assert_problem(only_problem(text), "load.too_deep", position, "hint.load.too_deep")


def test_nested_merge_keys_are_applied() -> None:
    text = change(
        "steps:\n",
        "x-basis: &basis {role: behandelaar}\nx-taak: &taak {<<: *basis, work: 1h}\nsteps:\n",
        "  - id: aanvullen\n    role: aanvrager\n",
        "  - id: aanvullen\n    <<: *taak\n    role: aanvrager\n",
    )
    step = loads(text).step("aanvullen")
    assert step.role == "aanvrager"  # the explicit key wins
    assert step.work is not None


# -- whole files: empty, wrong shape, wrong version ------------------------------------------


@pytest.mark.parametrize(
    "text, key, kind",
    [
        pytest.param("", "load.empty", None, id="empty"),
        pytest.param("# alleen commentaar\n# nog meer\n", "load.empty", None, id="only-comments"),
        pytest.param("- ontvangst\n- besluit\n", "load.not_mapping", "kind.list", id="top-level-list"),
        pytest.param("ontvangst\n", "load.not_mapping", "kind.scalar", id="top-level-scalar"),
    ],
)
def test_not_a_process(text: str, key: str, kind: str | None) -> None:
    problem = only_problem(text)
    assert_problem(problem, key, (1, 1))
    if kind:
        assert problem.args["kind"] == kind


def test_wrong_format_version() -> None:
    text = change("procesmap: 1\n", "procesmap: 2\n")
    problem = only_problem(text)
    assert_problem(problem, "load.version", (1, 12), "hint.load.version")
    assert problem.args["version"] == "2"


def test_missing_format_version() -> None:
    text = change("procesmap: 1\n", "")
    assert_problem(only_problem(text), "load.no_version", (1, 1), "hint.load.no_version")


def test_missing_steps() -> None:
    text = BASE[: BASE.index("steps:")]
    assert_problem(only_problem(text), "load.no_steps", (1, 1), "hint.load.no_steps")


# -- bytes and files ---------------------------------------------------------------------------


def test_bom_and_crlf_load_fine(tmp_path: Path) -> None:
    path = tmp_path / "proces.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.replace("\n", "\r\n").encode("utf-8"))
    process = load(path)
    assert process.id == "test" and len(process.steps) == 4


def test_bom_and_crlf_keep_positions(tmp_path: Path) -> None:
    new = "    role: aanvrage\n"
    text = change("    role: aanvrager\n", new)
    path = tmp_path / "proces.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    [problem] = load_error(path)
    assert (problem.key, (problem.line, problem.column)) == ("ref.unknown", where(text, new, "aanvrage"))
    assert problem.file == str(path)


@pytest.mark.parametrize(
    "data, position, byte",
    [
        pytest.param(BASE.encode().replace(b"name: Testproces", b"name: Caf\xe9"), (3, 10), "0xe9", id="latin-1"),
        pytest.param(
            BASE.encode().replace(b"name: Testproces", "name: Ünï caf".encode() + b"\xe9"),
            (3, len("name: Ünï caf") + 1),
            "0xe9",
            id="column-in-characters",
        ),
        pytest.param(b"\xef\xbb\xbfname: \xff\n", (1, 7), "0xff", id="after-bom"),
        pytest.param(b"a: b\n\xed\xa0\x80\n", (2, 1), "0xed", id="encoded-surrogate"),
    ],
)
def test_invalid_utf8_names_the_bad_byte(data: bytes, position: tuple[int, int], byte: str, tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        decode(data, "proces.yaml")
    path = tmp_path / "proces.yaml"
    path.write_bytes(data)
    for problems in (caught.value.problems, load_error(path)):
        [problem] = problems
        assert_problem(problem, "load.encoding", position, "hint.load.encoding")
        assert problem.args["byte"] == byte


def test_lone_surrogate_in_text() -> None:
    text = change("name: Testproces\n", "name: a\ud800b\n")
    assert_problem(only_problem(text), "load.encoding", (3, 8), "hint.load.encoding")


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "plaatje.yaml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
    [problem] = load_error(path)
    assert_problem(problem, "load.binary", (3, 1), "hint.load.binary")


def test_directory(tmp_path: Path) -> None:
    [problem] = load_error(tmp_path)
    assert_problem(problem, "load.is_directory", (1, 1), "hint.load.is_directory")


def test_missing_file(tmp_path: Path) -> None:
    [problem] = load_error(tmp_path / "bestaat-niet.yaml")
    assert_problem(problem, "load.missing", (1, 1), "hint.load.missing")


@pytest.mark.parametrize(
    "name", [pytest.param("a\x00b.yaml", id="nul-in-path"), pytest.param("x" * 5000 + ".yaml", id="name-too-long")]
)
def test_impossible_path(name: str, tmp_path: Path) -> None:
    [problem] = load_error(tmp_path / name)
    assert problem.key in ("load.unreadable", "load.missing")
    assert (problem.line, problem.column) == (1, 1)


# -- subprocesses -------------------------------------------------------------------------------


def test_subprocess_path_may_not_leave_the_repository(tmp_path: Path) -> None:
    new = "    subprocess: ../../etc/passwd\n"
    text = change("    role: aanvrager\n", "    role: aanvrager\n" + new)
    path = tmp_path / "test.yaml"
    path.write_text(text)
    [problem] = load_error(path)
    assert_problem(problem, "ref.subprocess_path", where(text, new, "../"), "hint.ref.subprocess_path")


def test_unknown_subprocess(tmp_path: Path) -> None:
    new = "    subprocess: unknown-id\n"
    text = change("    role: aanvrager\n", "    role: aanvrager\n" + new)
    path = tmp_path / "test.yaml"
    path.write_text(text)
    [problem] = load_error(path)
    assert_problem(problem, "ref.unknown", where(text, new, "unknown-id"), "hint.ref.subprocess_missing")
    assert problem.args["kind"] == "kind.process"


def test_misspelt_subprocess_names_the_nearest_file(tmp_path: Path) -> None:
    (tmp_path / "advies-welstand.yaml").write_text(BASE)
    new = "    subprocess: advies-welstnd\n"
    text = change("    role: aanvrager\n", "    role: aanvrager\n" + new)
    path = tmp_path / "test.yaml"
    path.write_text(text)
    [problem] = load_error(path)
    assert_problem(problem, "ref.unknown", where(text, new, "advies-welstnd"), "hint.did_you_mean_id")
    assert problem.hint_args["suggestion"] == "advies-welstand"


# -- every problem, not only the first --------------------------------------------------------


SEVERAL = change(
    "R: behandelaar",
    "R: behandelaa",
    "    wait: 2d\n",
    "    wait: 3 dagen\n",
    "via: mail",
    "via: mial",
    "    role: aanvrager\n",
    "    role: aanvrage\n",
)


def test_several_problems_are_all_reported_sorted_by_line() -> None:
    problems = problems_of(SEVERAL)
    assert [(p.key, p.line, p.column) for p in problems] == [
        ("ref.unknown", *where(SEVERAL, "R: behandelaa", "behandelaa")),
        ("duration.invalid", *where(SEVERAL, "wait: 3 dagen", "3 dagen")),
        ("ref.unknown", *where(SEVERAL, "via: mial", "mial")),
        ("ref.unknown", *where(SEVERAL, "role: aanvrage\n", "aanvrage")),
    ]
    assert [p.line for p in problems] == sorted(p.line for p in problems)


# -- through the command line -----------------------------------------------------------------

CLI_CASES = [
    pytest.param(
        change("via: mail", "via: mial"), where(change("via: mail", "via: mial"), "via: mial", "mial"), id="unknown-id"
    ),
    pytest.param(
        change("    wait: 2d\n", "    wait: 3 dagen\n"),
        where(change("    wait: 2d\n", "    wait: 3 dagen\n"), "wait: 3 dagen", "3 dagen"),
        id="duration",
    ),
    pytest.param(
        change("name: Testproces\n", "name: !!python/object/apply:os.system ['echo pwned']\n"), (3, 7), id="python-tag"
    ),
    pytest.param(billion_laughs(), expanded_limit_position(billion_laughs()), id="alias-bomb"),
    pytest.param("[" * 10000, (1, MAX_DEPTH + 1), id="deep"),
    pytest.param(change("    role: aanvrager\n", "  \trole: aanvrager\n"), (34, 3), id="tab"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", (3, 1), id="binary"),
    pytest.param(b"procesmap: 1\nname: Caf\xe9\n", (2, 10), id="latin-1"),
    pytest.param("", (1, 1), id="empty"),
]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PROCESMAP_LANG="en", PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "procesmap", "analyse", *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.mark.parametrize("content, position", CLI_CASES)
def test_cli_reports_file_line_column_and_exits_2(
    content: str | bytes, position: tuple[int, int], tmp_path: Path
) -> None:
    path = tmp_path / "proces.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = run_cli(str(path))
    assert result.returncode == 2, result.stderr
    assert f"{path}:{position[0]}:{position[1]}:" in result.stderr
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


def test_cli_reports_every_file_and_every_problem(tmp_path: Path) -> None:
    several = tmp_path / "several.yaml"
    several.write_text(SEVERAL)
    empty = tmp_path / "leeg.yaml"
    empty.write_text("")
    result = run_cli(str(several), str(empty), str(tmp_path / "missing.yaml"), str(tmp_path))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    for problem in problems_of(SEVERAL):
        assert f"{several}:{problem.line}:{problem.column}:" in result.stderr
    assert f"{empty}:1:1:" in result.stderr
    assert f"{tmp_path / 'missing.yaml'}:1:1:" in result.stderr


def test_cli_duplicate_key(tmp_path: Path) -> None:
    path = tmp_path / "proces.yaml"
    path.write_text(change("name: Testproces\n", "name: Testproces\nname: Dubbel\n"))
    result = run_cli(str(path))
    assert result.returncode == 2
    assert f"{path}:4:1:" in result.stderr and "Traceback" not in result.stderr


def test_endless_device_is_refused_unread() -> None:
    need(Path("/dev/zero").exists(), "needs /dev/zero (a POSIX system)")
    started = time.perf_counter()
    [problem] = load_error(Path("/dev/zero"))  # a device is no map: refused before a byte is read (#19)
    assert_problem(problem, "limits.not_regular", (1, 1), "limits.hint.not_regular")
    assert time.perf_counter() - started < 5.0


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "groot.yaml"
    path.write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    [problem] = load_error(path)
    assert_problem(problem, "load.too_large", (1, 1), "hint.load.too_large")
