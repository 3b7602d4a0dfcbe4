"""`procesmap fmt` on a step with a comment after a flow value. docs/versions.md promised the
canonical key order; fmt keeps the author's order there (and `fmt --check` passes). The limitation is now documented;
this test holds the documented behaviour."""

from __future__ import annotations

from procesmap.fmt import format_text


def test_fmt_keeps_the_order_of_a_step_with_a_comment_after_a_flow_value_as_documented() -> None:
    # docs/versions.md, known limitations: a step with `log: [B]   # ...` keeps its key order (fmt --check said
    # nothing, and the docs promised the canonical order); with the comment above the key the order is canonical
    head = "procesmap: 1\nid: ws\nname: W\nowner: tl\nroles:\n  tl: {people: 1}\nsteps:\n"
    step = "  - id: a\n    next: b\n    type: start\n    role: tl\n{log}"
    end = "  - {id: b, type: end, role: tl}\n"
    commented = head + step.format(log="    log: [A]   # logactiviteit\n") + end
    assert format_text(commented) == commented
    above = head + step.format(log="    # logactiviteit\n    log: [A]\n") + end
    expected = head + "  - id: a\n    type: start\n    role: tl\n    next: b\n    # logactiviteit\n    log: [A]\n" + end
    assert format_text(above) == expected
