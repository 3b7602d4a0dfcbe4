"""A step that names the same next step twice (`next: [e, e]`): a load error at the second one, unless the two
branches each say why (a `p` or a `when`) on a step that is not a parallel (docs/format.md, 'Steps')."""

from __future__ import annotations

from pathlib import Path

import pytest

from procesmap.errors import LoadError
from procesmap.loading import loads

from .conftest import run_procesmap

HEAD = """procesmap: 1
id: dubbel
owner: r
roles:
  r: {name: R, people: 2}
steps:
"""


def _problems(text: str) -> list[tuple[int, int, str, dict[str, object]]]:
    with pytest.raises(LoadError) as caught:
        loads(text, "dubbel.yaml")
    return [(p.line, p.column, p.key, p.args) for p in caught.value.problems]


def test_a_plain_id_twice_is_an_error_at_the_second() -> None:
    text = HEAD + (
        "  - {id: s, type: start, role: r, work: 1h, next: [e, e]}\n"  # line 7
        "  - {id: e, type: end, role: r, work: 1h}\n"
    )
    line = text.splitlines()[6]
    second = line.index(", e]") + 3
    assert _problems(text) == [(7, second, "ref.next_twice", {"step": "s", "to": "e"})]


def test_a_parallel_branch_twice_is_an_error_even_with_reasons() -> None:
    text = HEAD + (
        "  - {id: s, type: start, role: r, next: p}\n"
        "  - id: p\n"
        "    type: parallel\n"
        "    next:\n"
        "      - {to: a, when: eerste advies}\n"  # line 11
        "      - {to: a, when: tweede advies}\n"  # line 12
        "  - {id: a, role: r, work: 1h, next: j}\n"
        "  - {id: j, type: join, next: e}\n"
        "  - {id: e, type: end}\n"
    )
    assert [(line, column, key) for line, column, key, _ in _problems(text)] == [(12, 14, "ref.next_twice")]


@pytest.mark.parametrize(
    "branches",
    [
        ["{to: a}", "{to: a}"],  # no reason on either
        ["{to: a, p: 0.4}", "a"],  # the plain one says nothing
        ["a", "{to: a, when: onvolledig}"],  # the plain one says nothing
        ["{to: a, when: onvolledig}", "{to: a, when: ' onvolledig '}"],  # the same reason twice
    ],
)
def test_a_second_way_to_the_same_step_must_say_why(branches: list[str]) -> None:
    text = HEAD + (
        "  - id: s\n    type: start\n    role: r\n    next:\n"
        + "".join(f"      - {b}\n" for b in branches)
        + "      - {to: e}\n"
        "  - {id: a, role: r, work: 1h, next: e}\n"
        "  - {id: e, type: end}\n"
    )
    assert [(line, key) for line, _, key, _ in _problems(text)] == [(12, "ref.next_twice")]


def test_two_reasons_for_the_same_way_are_allowed_and_their_shares_add_up() -> None:
    """Documented: two branches to one step are one transition with their weights added."""
    from procesmap.pipeline import analyse

    text = HEAD + (
        "  - id: s\n    type: start\n    role: r\n    next:\n"
        "      - {to: a, p: 0.3, when: onvolledig}\n"
        "      - {to: a, p: 0.2, when: leges niet betaald}\n"
        "      - {to: e, p: 0.5}\n"
        "  - {id: a, role: r, work: 1h, next: e}\n"
        "  - {id: e, type: end}\n"
    )
    process = loads(text, "dubbel.yaml")
    visits = analyse(process).visits
    assert visits is not None
    assert visits["a"] == pytest.approx(0.3 + 0.2)
    assert visits["e"] == pytest.approx(1.0)


def test_the_command_line_says_where_and_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "dubbel.yaml"
    path.write_text(
        HEAD + "  - {id: s, type: start, role: r, next: [e, e]}\n  - {id: e, type: end, role: r}\n", encoding="utf-8"
    )
    for command in ("check", "analyse"):
        for lang, hint in (("en", "remove the second `e`"), ("nl", "haal de tweede `e` weg")):
            done = run_procesmap(command, str(path), env={"PROCESMAP_LANG": lang})
            assert done.returncode == 2, done.stdout + done.stderr
            output = done.stdout + done.stderr
            assert "Traceback" not in output
            assert f"{path}:7:" in output
            assert hint in output


BPMN = """<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">
  <process id="p" name="Twee">
    <startEvent id="s"/>
    <exclusiveGateway id="g" name="Volledig?"/>
    <task id="a" name="Aanvullen"/>
    <endEvent id="e"/>
    <sequenceFlow id="f1" sourceRef="s" targetRef="g"/>
    <sequenceFlow id="f2" sourceRef="g" targetRef="a" name="onvolledig"/>
    <sequenceFlow id="f3" sourceRef="g" targetRef="a" name="leges niet betaald"/>
    <sequenceFlow id="f4" sourceRef="g" targetRef="e"/>
    <sequenceFlow id="f5" sourceRef="a" targetRef="e"/>
    <sequenceFlow id="f6" sourceRef="a" targetRef="e"/>
  </process>
</definitions>
"""


def test_a_bpmn_import_leaves_a_repeated_flow_out_and_says_so() -> None:
    """Two unnamed flows a -> e are one way; two named flows g -> a are two reasons and stay (the draft loads)."""
    from procesmap.bpmn import import_bpmn

    result = import_bpmn(BPMN.encode(), lang="en", process_id="twee")
    process = loads(result.yaml_text, "twee.yaml")
    assert [b.to for b in process.step("aanvullen").next] == ["e"]
    assert [(b.to, b.when) for b in process.step("volledig").next] == [
        ("aanvullen", "onvolledig"),
        ("aanvullen", "leges niet betaald"),
        ("e", None),
    ]
    dropped = [u for u in result.unmapped if u.reason == "bpmn.unmapped.flow_twice"]
    assert [(u.id, u.args) for u in dropped] == [("f6", {"step": "aanvullen", "to": "e"})]


def test_a_spreadsheet_names_the_cell(tmp_path: Path) -> None:
    """`import xlsx`: a next cell with the same step on two lines is an error at that cell (no YAML line)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Steps"
    sheet.append(["id", "type", "role", "next", "work"])
    sheet.append(["a", "start", "clerk", "b\nb", "1h"])
    sheet.append(["b", "end", "clerk", None, "1h"])
    book.save(tmp_path / "dubbel.xlsx")
    done = run_procesmap(
        "import", "xlsx", str(tmp_path / "dubbel.xlsx"), "-o", str(tmp_path / "d.yaml"), env={"PROCESMAP_LANG": "en"}
    )
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == f"{tmp_path / 'dubbel.xlsx'}!Steps!D2: step `a` names `b` twice in `next`"
    assert not (tmp_path / "d.yaml").exists()
