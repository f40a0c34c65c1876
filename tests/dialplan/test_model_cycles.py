"""Issue 10 (2): a model is always a tree, and no walk over it can run forever.

``append()`` refuses to make a loop; a loop made by editing ``children`` or ``parent``
directly is reported by every function that walks the model instead of hanging it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cftools.dialplan import (
    Dialplan,
    DialplanError,
    DialplanTypeError,
    Element,
    build_graph,
    simulate,
    to_mermaid,
    validate,
)


def small() -> tuple[Dialplan, Element, Element]:
    plan = Dialplan(name="Root")
    menu = plan.menu(name="m", max_digits=1)
    menu.play("Pick.")
    one = menu.keypress("1")
    one.hangup()
    return plan, menu, one


@pytest.mark.parametrize("which", ["plan", "menu", "self"])
def test_append_refuses_an_ancestor_or_the_element_itself(which: str) -> None:
    plan, menu, one = small()
    target = {"plan": plan, "menu": menu, "self": one}[which]
    with pytest.raises(DialplanError) as info:
        one.append(target)
    assert "inside itself" in str(info.value)
    assert [c.tag for c in one.elements] == ["hangup"]  # unchanged
    assert validate(plan).ok


def test_the_constructor_refuses_a_loop_too() -> None:
    outer = Element("keypress", {"pressed": "1"})
    inner = Element("menu", children=[outer])
    with pytest.raises(DialplanError):
        outer.append(inner)


def test_append_moves_an_element_that_has_a_parent() -> None:
    plan, _menu, one = small()
    hangup = one.elements[0]
    plan.append(hangup)
    assert hangup.parent is plan and one.elements == []
    assert [e.tag for e in plan.elements] == ["menu", "hangup"]
    assert plan.to_xml().count("<hangup/>") == 1


def hand_made_loop() -> tuple[Dialplan, Element]:
    plan, menu, one = small()
    one.children.append(menu)  # bypasses append(): now menu holds itself
    return plan, one


WALKS: dict[str, Callable[[Dialplan], object]] = {
    "iter": lambda plan: list(plan.iter()),
    "find": lambda plan: plan.find("nowhere"),
    "to_xml": lambda plan: plan.to_xml(),
    "build_graph": build_graph,
    "to_mermaid": to_mermaid,
    "simulate": lambda plan: simulate(plan, ["1"]),
}


@pytest.mark.parametrize("walk", sorted(WALKS))
def test_every_walk_over_a_hand_made_loop_stops_with_an_error(walk: str) -> None:
    plan, _one = hand_made_loop()
    with pytest.raises(DialplanError) as info:
        WALKS[walk](plan)
    assert "no tree" in str(info.value)


def test_validate_reports_a_hand_made_loop() -> None:
    plan, _one = hand_made_loop()
    report = validate(plan)
    assert [f.code for f in report] == ["CF100"]
    assert "no tree" in report.findings[0].message


def test_equality_of_hand_made_loops_ends() -> None:
    left, _ = hand_made_loop()
    right, _ = hand_made_loop()
    assert left == right
    plain, _, _ = small()
    assert left != plain


def test_a_parent_loop_made_by_hand_is_reported() -> None:
    _plan, menu, one = small()
    menu.parent = one  # one's parent is menu: a loop of parents
    with pytest.raises(DialplanTypeError):
        list(one.ancestors())
    with pytest.raises(DialplanTypeError):
        _ = one.path


def test_the_same_element_in_two_places_is_reported() -> None:
    plan, _menu, one = small()
    plan.children.append(one)  # one now stands in the menu and at the top
    assert not validate(plan).ok
    with pytest.raises(DialplanTypeError):
        list(plan.iter())


def test_a_model_nested_deeper_than_xml_can_be_read_is_reported_once() -> None:
    # Every finding's path in such a model is as long as the nesting: validating a
    # model 4000 deep built 4000 paths of 4000 steps. No parser reads it back and
    # to_xml() refuses to write it, so validate() reports that, once.
    plan = Dialplan(name="Root")
    node: Element = plan
    for _ in range(4000):
        node = node.if_("1")
        node.play("x", extra_attrs={"colour": "red"})
    report = validate(plan)
    assert [f.code for f in report] == ["CF100"]
    assert "nested more than 256 deep" in report.findings[0].message
    with pytest.raises(DialplanTypeError):
        build_graph(plan)
