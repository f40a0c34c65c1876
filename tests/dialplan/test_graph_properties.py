"""Property tests over random dialplans: the graph is always well formed, the lint rules
never fail, and every simulated call (whatever the caller presses) is a path in the
graph. The simulator walks the model and the graph builder resolves flow statically, so
each is an oracle for the other."""

from __future__ import annotations

import contextlib
import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cftools import CftoolsError
from cftools.dialplan import (
    Dialplan,
    Element,
    End,
    Graph,
    SimulationError,
    build_graph,
    parse,
    simulate,
    to_dot,
    to_mermaid,
    validate,
)

pytest.importorskip("quickjs", reason="the simulate extra (quickjs) is not installed")

NAMES = ["a", "b", "c", "d"]
KEYS = st.sampled_from(["1", "2", "3", "9", "timeout", "hangup"])
_line = itertools.count(1)


def _element(tag: str, attrs: dict[str, str] | None = None, text: str = "") -> Element:
    # Each element gets its own line so transcript events map back to graph nodes.
    return Element(tag, attrs or {}, text, line=next(_line))


@st.composite
def statements(draw: st.DrawFn, depth: int = 0) -> list[Element]:
    count = draw(st.integers(0 if depth else 1, 3))
    body = [draw(statement(depth)) for _ in range(count)]
    return body


@st.composite
def statement(draw: st.DrawFn, depth: int) -> Element:
    kinds = ["play", "play", "setvar", "goto", "hangup", "transfer"]
    if depth < 3:
        kinds += ["menu", "menu", "if", "catch", "amd"]
    kind = draw(st.sampled_from(kinds))
    name = draw(st.one_of(st.none(), st.sampled_from(NAMES)))
    attrs = {"name": name} if name else {}
    if kind == "play":
        return _element("play", {**attrs, "type": "tts"}, draw(st.sampled_from(["Hi", "Bye"])))
    if kind == "setvar":
        return _element("setvar", {**attrs, "varname": "n"}, "${n}+1")
    if kind == "goto":
        return _element("goto", attrs, draw(st.sampled_from(NAMES)))
    if kind == "hangup":
        return _element("hangup", attrs)
    if kind == "transfer":
        extra = {"continue-after": "true"} if draw(st.booleans()) else {}
        return _element("transfer", {**attrs, **extra}, "15550001111")
    if kind == "menu":
        menu = _element("menu", attrs)
        menu.append(_element("play", {"type": "tts"}, "Choose"))
        pressed = draw(
            st.lists(
                st.sampled_from(["1", "2", "1-3", "default", "timeout"]),
                min_size=1,
                max_size=4,
                unique=True,
            )
        )
        for key in pressed:
            branch = _element("keypress", {"pressed": key})
            for child in draw(statements(depth + 1)):
                branch.append(child)
            menu.append(branch)
        return menu
    if kind == "if":
        condition = _element("if", {**attrs, "expr": draw(st.sampled_from(["${n} < 2", "true"]))})
        for child in draw(statements(depth + 1)):
            condition.append(child)
        if draw(st.booleans()):
            otherwise = _element("else")
            for child in draw(statements(depth + 1)):
                otherwise.append(child)
            condition.append(otherwise)
        return condition
    if kind == "catch":
        event = draw(st.sampled_from(["hangup", "digit"]))
        catch_attrs = {**attrs, "type": event, "goto": draw(st.sampled_from(NAMES))}
        if event == "digit":
            catch_attrs["value"] = "9"
        catch = _element("catch", catch_attrs)
        for child in draw(statements(depth + 1)):
            catch.append(child)
        return catch
    amd = _element("amd", attrs)
    for branch_tag in ("live", "machine"):
        branch = _element(branch_tag)
        for child in draw(statements(depth + 1)):
            branch.append(child)
        amd.append(branch)
    return amd


@st.composite
def dialplans(draw: st.DrawFn) -> Dialplan:
    plan = Dialplan(name="Root")
    plan.line = next(_line)
    plan.append(_element("setvar", {"varname": "n"}, "0"))
    for child in draw(statements()):
        plan.append(child)
    # Make every goto and catch target exist, as a named prompt at the end if need be.
    named = {e.name for e in plan.iter() if e.name}
    for name in NAMES:
        if name not in named:
            plan.append(_element("play", {"name": name, "type": "tts"}, name))
    return plan


def _well_formed(graph: Graph) -> None:
    ids = [n.id for n in graph.nodes]
    assert len(ids) == len(set(ids))
    for edge in graph.edges:
        assert edge.source in ids and edge.target in ids


@settings(max_examples=60)
@given(dialplans())
def test_graph_is_well_formed_and_renders(plan: Dialplan) -> None:
    graph = build_graph(plan)
    _well_formed(graph)
    mermaid = to_mermaid(graph)
    assert sum(" -->" in line or " -.->" in line for line in mermaid.splitlines()) == len(
        graph.edges
    )
    assert to_dot(graph).count(" -> ") == len(graph.edges)
    report = validate(plan)  # the graph rules must never fail, whatever the shape
    assert all(f.severity == "warning" for f in report if f.code.startswith("CF6"))


_SILENT = {"condition", "catch", "goto"}


def _path_exists(graph: Graph, source: str, target: str) -> bool:
    seen = {source}
    todo = [source]
    while todo:
        for edge in graph.successors(todo.pop()):
            if edge.target == target:
                return True
            if edge.target not in seen and graph.node(edge.target).kind in _SILENT:
                seen.add(edge.target)
                todo.append(edge.target)
    return False


def _caller_left(graph: Graph, before: str, after: str) -> bool:
    element = graph.node(before).element
    around = {id(a) for a in element.ancestors()} if element is not None else set()
    for edge in graph.edges:
        catch = graph.node(edge.source).element
        jumps = edge.kind == "hangup" and catch is not None and id(catch) in around
        if jumps and (edge.target == after or _path_exists(graph, edge.target, after)):
            return True
    return False


@settings(max_examples=100)
@given(
    dialplans(),
    st.lists(KEYS, max_size=6),
    st.lists(st.booleans(), max_size=3),
    st.sampled_from(["human", "machine"]),
)
def test_every_simulated_call_is_a_path_in_the_graph(
    plan: Dialplan, inputs: list[str], transfers: list[bool], answered_by: str
) -> None:
    graph = build_graph(plan)
    by_line = {n.line: n.id for n in graph.nodes if n.line is not None}
    try:
        transcript = simulate(
            plan,
            inputs,
            transfers=transfers,
            answered_by=answered_by,  # type: ignore[arg-type]
            max_steps=300,
            check=False,
        )
    except SimulationError:
        # Only endless loops may stop a call here; the graph must show a cycle then.
        assert any(graph.reachable(e.target) >= {e.source} for e in graph.edges)
        return
    visited = ["start"]
    for event in transcript:
        if isinstance(event, End) or event.line is None:
            continue
        node = by_line[event.line]
        if node != visited[-1]:
            visited.append(node)
    for before, after in itertools.pairwise(visited):
        assert _path_exists(graph, before, after) or _caller_left(graph, before, after), (
            before,
            after,
        )


# -- robustness: damaged documents ----------------------------------------------------------

EXAMPLES = sorted(
    (Path(__file__).resolve().parents[2] / "examples" / "dialplans").glob("*.xml")
) + sorted((Path(__file__).parent / "data").glob("*.xml"))
ATTRIBUTE = re.compile(r'(\w[\w-]*)="[^"]*"')


@settings(max_examples=150)
@given(
    st.sampled_from(EXAMPLES),
    st.data(),
    st.lists(KEYS, max_size=5),
)
def test_damaged_attributes_give_typed_errors_only(
    path: Path, data: st.DataObject, inputs: list[str]
) -> None:
    """Whatever value an attribute holds, simulating (unchecked) and drawing either work or
    raise a CftoolsError: never a traceback from deep inside."""
    text = path.read_text(encoding="utf-8")
    spots = list(ATTRIBUTE.finditer(text))
    for match in data.draw(st.lists(st.sampled_from(spots), max_size=4)):
        junk = data.draw(st.sampled_from(["", "abc", "-1", "0", "${x", "${x}", "9999999", "1-"]))
        text = text.replace(match.group(0), f'{match.group(1)}="{junk}"', 1)
    try:
        plan = parse(text)
    except CftoolsError:
        return
    build_graph(plan)
    validate(plan)
    with contextlib.suppress(CftoolsError):
        simulate(plan, inputs, max_steps=300, check=False)
