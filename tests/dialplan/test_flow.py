"""The control-flow core (``cftools.dialplan._flow``) against an independent oracle.

The CF6xx rules read the integer flow and share its reachability sets for speed; here a
plain re-statement of each rule over the public :class:`~cftools.dialplan.Graph` (string
ids, ``Graph.reachable``, no shortcuts) must find exactly the same elements on real
dialplans mutated at random: tags moved, removed, renamed, gotos, hang-ups, transfers
and catches added.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from cftools.dialplan import TAGS, Element, Graph, build_graph, parse, validate
from cftools.dialplan._model import document_order
from cftools.dialplan._parse import parsed_elements, parsed_parents
from cftools.dialplan._validate import Context

ROOT = Path(__file__).resolve().parents[2]
REAL = [
    p.read_bytes()
    for p in sorted((ROOT / "examples" / "dialplans").glob("*.xml"))
    + sorted((Path(__file__).parent / "data").glob("*.xml"))
]


# -- the oracle: each rule stated directly on the public graph -----------------------


_CANONICAL = {wire.lower(): wire for wire in TAGS}


def _wire(element: Element) -> str:
    """The table's tag, whatever the case written (as every rule reads tags)."""
    return _CANONICAL.get(element.tag.lower(), element.tag)


def _unreachable(graph: Graph) -> list[Element]:
    reached = graph.reachable("start")
    dead = [n.element for n in graph.nodes if n.element is not None and n.id not in reached]
    dead_ids = {id(e) for e in dead}
    found = []
    for element in dead:
        if any(id(a) in dead_ids for a in element.ancestors()):
            continue
        assert element.parent is not None
        siblings = element.parent.elements
        position = [id(s) for s in siblings].index(id(element))
        if position > 0:
            previous = siblings[position - 1]
            if id(previous) in dead_ids or _wire(previous) in ("hangup", "goto"):
                continue
        found.append(element)
    return found


def _endless(graph: Graph) -> list[Element]:
    reached = graph.reachable("start")
    exits = {
        n.id
        for n in graph.nodes
        if n.kind in ("end", "hangup")
        or (n.element is not None and n.element.tag == "gotoXML")
        or (n.kind == "goto" and not graph.successors(n.id))
    }
    can_exit = {n.id for n in graph.nodes if graph.reachable(n.id) & exits}
    trapped = {n.id for n in graph.nodes if n.id in reached and n.id not in can_exit}
    # Components by mutual reachability inside the trapped set (quadratic, plainly).
    inside = {i: graph.reachable(i) & trapped for i in trapped}
    components: list[set[str]] = []
    for node in trapped:
        component = {other for other in trapped if other in inside[node] and node in inside[other]}
        looping = len(component) > 1 or any(e.target == node for e in graph.successors(node))
        if looping and component not in components:
            components.append(component)

    def order(node_id: str) -> int:
        return int(node_id[1:])

    found = []
    for component in sorted(components, key=lambda c: min(order(i) for i in c)):
        nodes = [graph.node(i) for i in sorted(component, key=order)]
        menus = [n for n in nodes if n.kind == "menu"]
        if not menus and any(n.kind == "prompt" for n in nodes):
            continue
        head = (menus or nodes)[0].element
        assert head is not None
        found.append(head)
    return found


def _unfinished(graph: Graph) -> list[Element]:
    reached = graph.reachable("start")
    live_kinds = {"next", "key", "fallback", "true", "false", "live", "machine", "catch"}
    live = graph.reachable("start", follow=live_kinds | {"answered", "unanswered", "end"})

    def ends_call(node_id: str) -> bool:
        element = graph.node(node_id).element
        return element is not None and element.tag == "gotoXML"

    explicit = [
        n
        for n in graph.nodes
        if n.id in reached and (n.kind in ("hangup", "transfer") or ends_call(n.id))
    ]
    endings: list[str] = []
    for edge in graph.edges:
        if edge.target != "stop" or edge.kind in ("answered", "unanswered", "fallback"):
            continue
        source = edge.source
        if source != "start" and source in live and source not in endings:
            endings += [] if ends_call(source) else [source]
    if not explicit or len(endings) >= len(explicit):
        return []
    branch_tags = {"keypress", "else", "live", "machine", "if", "equal", "notEqual"}
    found = []
    for node_id in endings:
        node = graph.node(node_id)
        if node.kind in ("condition", "amd", "menu", "transfer", "catch"):
            continue
        assert node.element is not None
        if any(_wire(a) in branch_tags for a in node.element.ancestors()):
            found.append(node.element)
    return found


def oracle(xml: bytes) -> list[tuple[str, str]]:
    plan = parse(xml)
    if plan.tag != "dialplan":
        return []
    graph = build_graph(plan)
    if graph.dynamic:
        return []
    found = [("CF600", e.path) for e in _unreachable(graph)]
    found += [("CF601", e.path) for e in _endless(graph)]
    found += [("CF602", e.path) for e in _unfinished(graph)]
    return sorted(set(found))


# -- random structural mutations of real dialplans -----------------------------------

_TAGS = ["play", "goto", "hangup", "transfer", "menu", "keypress", "if", "else", "catch"]
_TAGS += ["setvar", "amd", "live", "gotoXML", "Hangup", "Menu", "KeyPress", "GOTO"]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    root = etree.fromstring(draw(st.sampled_from(REAL)))
    for _ in range(draw(st.integers(1, 5))):
        nodes = list(root.iter(etree.Element))
        names = [n.get("name") for n in nodes if n.get("name")] + ["nowhere", "Root"]
        node = draw(st.sampled_from(nodes))
        operations = ["remove", "rename", "move", "goto", "add", "catch", "loop"]
        operation = draw(st.sampled_from(operations))
        parent = node.getparent()
        if operation == "remove" and parent is not None:
            parent.remove(node)
        elif operation == "rename":
            node.tag = draw(st.sampled_from(_TAGS))
        elif operation == "move" and parent is not None:
            target = draw(st.sampled_from(nodes))
            if target is not node and node not in list(target.iterancestors()):
                target.insert(draw(st.integers(0, len(target))), node)
        elif operation == "goto":
            etree.SubElement(node, "goto").text = draw(st.sampled_from(names))
        elif operation == "loop":  # branches whose only way on is back up (CF601's case)
            for branch in node.iter("keypress"):
                named = [a.get("name") for a in branch.iterancestors() if a.get("name")]
                if named:
                    branch[:] = []
                    etree.SubElement(branch, "goto").text = named[0]
        elif operation == "add":
            child = etree.SubElement(node, draw(st.sampled_from(_TAGS)))
            if child.tag == "transfer":
                child.text = "15550001111"
                if draw(st.booleans()):
                    child.set("continue-after", "true")
        else:
            catch = etree.SubElement(node, "catch", type=draw(st.sampled_from(["digit", "hangup"])))
            catch.set("goto", draw(st.sampled_from(names)))
            catch.set("value", "0")
    return etree.tostring(root)


@settings(max_examples=150)
@given(mutated())
def test_graph_rules_agree_with_a_plain_oracle_on_the_public_graph(xml: bytes) -> None:
    found = sorted({(f.code, f.path) for f in validate(xml) if f.code.startswith("CF6")})
    assert found == oracle(xml)


def test_oracle_sees_what_the_rules_report_on_a_real_trap() -> None:
    xml = (
        b'<dialplan name="Root"><menu name="m" maxDigits="1" timeout="5000">'
        b'<play type="tts">Press 1.</play><keypress pressed="1"><goto>m</goto></keypress>'
        b'<keypress pressed="default"><goto>m</goto></keypress>'
        b'<keypress pressed="timeout"><goto>m</goto></keypress></menu>'
        b'<play type="tts">never</play></dialplan>'
    )
    expected = [("CF600", "/dialplan/play[1]"), ("CF601", "/dialplan/menu[1]")]
    assert oracle(xml) == expected
    assert sorted((f.code, f.path) for f in validate(xml) if f.code.startswith("CF6")) == expected


# -- what the flow takes from the parse and the context ------------------------------


def test_parsed_elements_are_the_document_order_with_comments_left_out() -> None:
    xml = (
        b"<!-- a --><dialplan><!-- b --><menu><play type='tts'>x</play><!-- c -->"
        b"<keypress pressed='1'><hangup/></keypress></menu><!-- d --><hangup/></dialplan>"
    )
    plan = parse(xml)
    elements = parsed_elements(plan)
    assert [id(e) for e in elements] == [id(e) for e in document_order(plan)]
    starts = [b"<dialplan", b"<menu", b"<play", b"<keypress", b"<hangup/></k", b"<hangup/></d"]
    assert [(e.line, e.column) for e in elements] == [(1, xml.index(s) + 1) for s in starts]
    menu = plan.elements[0]
    comments = [*plan.comments_before, plan.children[0], menu.children[1], plan.children[2]]
    assert [c.text for c in comments] == [" a ", " b ", " c ", " d "]  # type: ignore[union-attr]
    expected = [xml.index(b"<!--" + c.text.encode()) + 1 for c in comments]  # type: ignore[union-attr]
    assert [c.column for c in comments] == expected


def test_parsed_parents_index_each_parent_in_document_order() -> None:
    xml = (
        b"<dialplan><!-- b --><menu><play type='tts'>x</play><!-- c -->"
        b"<keypress pressed='1'><hangup/></keypress></menu><hangup/></dialplan>"
    )
    plan = parse(xml)
    elements = parsed_elements(plan)
    parents = parsed_parents(plan)
    assert parents == [-1, 0, 1, 1, 3, 0]
    assert all(elements[p] is e.parent for p, e in zip(parents[1:], elements[1:], strict=True))
    # The Context takes them, or works them out when not given: the same either way.
    assert Context(plan, elements, parents=parents)._parents == Context(plan)._parents
    assert plan.line == 1  # positions resolved: the parser's record is let go
    assert parsed_parents(plan) is None
    assert parsed_parents(Element("dialplan")) is None  # type: ignore[arg-type]


def test_context_records_dynamic_targets_and_variable_uses() -> None:
    plan = parse(
        b'<dialplan><setvar varname="t">${x}</setvar><goto>${t}</goto>'
        b'<catch type="hangup" goto="done"/><play type="tts" name="done">${y}</play></dialplan>'
    )
    ctx = Context(plan)
    assert ctx.dynamic_targets
    assert list(ctx.targets) == ["done"]
    assert [(e.tag, wire, value) for e, wire, value in ctx._variables] == [
        ("setvar", "", "${x}"),
        ("goto", "", "${t}"),
        ("play", "", "${y}"),
    ]
    static = Context(
        parse(b"<dialplan><goto>a</goto><play name='a' type='tts'>x</play></dialplan>")
    )
    assert not static.dynamic_targets
