"""Lint rules read from the control-flow graph (:mod:`cftools.dialplan._graph`).

They report what a person reading the XML would miss, and only warnings: the graph over-
approximates what a call can do (every branch of every condition is assumed possible),
so each rule is written to stay silent when in doubt. All three are skipped when a
``goto`` or ``catch`` target is built from a variable, since control may then go
anywhere.

====== ==================== ==========================================================
CF600  unreachable          an element no path from the start of the call reaches
CF601  endless-loop         a menu, or a silent loop, that no path leads out of
CF602  unfinished-branch    a branch that runs off the end of the dialplan when most
                            of the dialplan's endings are a hang-up or a transfer
====== ==================== ==========================================================

CF600 leaves to CF403 the tags that directly follow a ``hangup`` or ``goto``, and
reports only the first element of each unreachable run.

CF601 counts the hang-up, a transfer, ``gotoXML``, running off the end and a catch's
jump as ways out, so a menu that repeats itself on timeout but whose keys lead on is
never flagged; a loop without a menu is reported only when it plays nothing (an
announcement repeated until the caller hangs up may be intended).

CF602 speaks only when running off the end is the exception (fewer such endings than
hang-ups and transfers), and then only about branches someone wrote (a keypress, an
``if``/``else`` body, ``live``/``machine``): not the main line, not an ``if`` without
``else`` that simply lets the call go on, not a menu's implicit fall-through (CF310's
business), not transfers that go unanswered, and not clean-up tags reached only through
a hang-up catch.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator

from cftools.dialplan._findings import Finding
from cftools.dialplan._graph import EdgeKind, Graph, GraphNode, build_graph
from cftools.dialplan._model import Element
from cftools.dialplan._validate import Context, rule

__all__ = ["endless_loops", "unfinished_branches", "unreachable"]

_graphs: weakref.WeakKeyDictionary[Context, Graph | None] = weakref.WeakKeyDictionary()


def _graph(ctx: Context) -> Graph | None:
    """The context's graph (built once), or ``None`` when the rules must stay silent."""
    if ctx not in _graphs:
        graph = None
        if ctx.dialplan.tag == "dialplan":
            graph = build_graph(ctx.dialplan)
            if graph.dynamic:
                graph = None
        _graphs[ctx] = graph
    return _graphs[ctx]


def _describe(node: GraphNode) -> str:
    element = node.element
    assert element is not None
    name = f' "{element.name}"' if element.name else ""
    return f"<{element.tag}>{name}"


@rule
def unreachable(ctx: Context) -> Iterator[Finding]:
    """CF600: elements that no path from the start of the call reaches."""
    graph = _graph(ctx)
    if graph is None:
        return
    reached = graph.reachable("start")
    dead = {
        id(node.element)
        for node in graph.nodes
        if node.element is not None and node.id not in reached
    }
    for node in graph.nodes:
        element = node.element
        if element is None or id(element) not in dead:
            continue
        if any(id(a) in dead for a in element.ancestors()):
            continue  # inside an unreachable container: the container is reported
        previous = _previous_sibling(element)
        if previous is not None and (id(previous) in dead or _ends_block(ctx, previous)):
            continue  # the rest of an unreachable run, or CF403's case
        yield ctx.finding(
            "CF600",
            element,
            f"{_describe(node)} can never run: no path from the start of the call reaches "
            "it; remove it, or give it a name and jump to it with <goto>",
        )


def _ends_block(ctx: Context, element: Element) -> bool:
    spec = ctx.spec(element)
    return spec is not None and spec.wire in ("hangup", "goto")


def _previous_sibling(element: Element) -> Element | None:
    parent = element.parent
    if parent is None:
        return None
    siblings = parent.elements
    position = next(i for i, e in enumerate(siblings) if e is element)
    return siblings[position - 1] if position > 0 else None


@rule
def endless_loops(ctx: Context) -> Iterator[Finding]:
    """CF601: loops with no way out: a menu whose every branch comes back, or a loop that
    takes no input and plays nothing (an announcement repeated forever may be meant)."""
    graph = _graph(ctx)
    if graph is None:
        return
    # Unresolved gotos count as exits: where they lead is unknown, so stay silent.
    exits = {
        node.id
        for node in graph.nodes
        if node.kind in ("end", "hangup")
        or _ends_call(node)
        or (node.kind == "goto" and not graph.successors(node.id))
    }
    can_exit = _backward(graph, exits)
    reached = graph.reachable("start")
    trapped = {n.id for n in graph.nodes if n.id in reached and n.id not in can_exit}
    for component in _cycles(graph, trapped):
        nodes = [graph.node(i) for i in sorted(component, key=_order)]
        menus = [n for n in nodes if n.kind == "menu"]
        if not menus and any(n.kind == "prompt" for n in nodes):
            continue  # an announcement repeated until the caller hangs up may be meant
        head = menus[0] if menus else nodes[0]
        if menus:
            message = (
                f"{_describe(head)} can loop forever: whatever the caller presses, no "
                "branch leads to a hang-up, a transfer or the end of the dialplan; give "
                "one key (or the timeout after a few tries) a way out"
            )
        else:
            message = (
                f"{_describe(head)} starts a loop that nothing leaves (it takes no input "
                "and no condition exits it), so the call never ends until the caller "
                "hangs up; add a way out"
            )
        yield ctx.finding("CF601", head.element, message)


def _ends_call(node: GraphNode) -> bool:
    element = node.element
    return element is not None and element.tag == "gotoXML"


def _order(node_id: str) -> int:
    return int(node_id[1:]) if node_id.startswith("n") else -1


def _backward(graph: Graph, targets: set[str]) -> set[str]:
    """Ids of the nodes from which some node of ``targets`` is reachable."""
    into: dict[str, list[str]] = {}
    for edge in graph.edges:
        into.setdefault(edge.target, []).append(edge.source)
    seen = set(targets)
    todo = list(targets)
    while todo:
        for source in into.get(todo.pop(), ()):
            if source not in seen:
                seen.add(source)
                todo.append(source)
    return seen


def _cycles(graph: Graph, within: set[str]) -> list[set[str]]:
    """The strongly connected components of the subgraph on ``within`` that hold a
    cycle (Tarjan's algorithm, iterative), in document order of their first node."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[set[str]] = []
    counter = 0
    for root in sorted(within, key=_order):
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            successors = [e.target for e in graph.successors(node) if e.target in within]
            if position < len(successors):
                work.append((node, position + 1))
                nxt = successors[position]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component: set[str] = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                looping = len(component) > 1 or any(
                    e.target == node for e in graph.successors(node)
                )
                if looping:
                    found.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return sorted(found, key=lambda c: min(_order(i) for i in c))


@rule
def unfinished_branches(ctx: Context) -> Iterator[Finding]:
    """CF602: branches that run off the end while the dialplan's other endings are
    explicit (a hang-up or a transfer)."""
    graph = _graph(ctx)
    if graph is None:
        return
    reached = graph.reachable("start")
    # Clean-up tags reached only after the caller hung up are meant to run off the end.
    live = graph.reachable("start", follow=_LIVE_EDGES)
    explicit = [
        n
        for n in graph.nodes
        if n.id in reached and (n.kind in ("hangup", "transfer") or _ends_call(n))
    ]
    # Every ending that runs off the end (main line and implicit ones included), and
    # among them the written branches, which are what this rule reports.
    endings: list[str] = []
    for edge in graph.edges:
        if edge.target != "stop" or edge.kind in ("answered", "unanswered", "fallback"):
            continue
        if edge.source == "start" or edge.source not in live or edge.source in endings:
            continue
        if not _ends_call(graph.node(edge.source)):
            endings.append(edge.source)
    # Only when running off the end is the exception: fewer such endings than explicit ones.
    if not explicit or len(endings) >= len(explicit):
        return
    falling = [
        node_id
        for node_id in endings
        if graph.node(node_id).kind not in _NOT_BRANCH_ENDS
        and _in_branch(ctx, graph.node(node_id).element)
    ]
    for node_id in falling:
        node = graph.node(node_id)
        yield ctx.finding(
            "CF602",
            node.element,
            f"the call ends after {_describe(node)} by running off the end of the dialplan, "
            "while its other branches end with <hangup/> or a transfer; end this branch "
            "the same way (or <goto> back to a menu)",
        )


# A decision that falls off the end (an if without else) wrote no branch; a transfer is
# an ending of its own.
_NOT_BRANCH_ENDS = frozenset({"condition", "amd", "menu", "transfer", "catch"})
_BRANCH_TAGS = frozenset({"keypress", "else", "live", "machine", "if", "equal", "notEqual"})


def _in_branch(ctx: Context, element: Element | None) -> bool:
    """Whether ``element`` sits in a written branch (not the dialplan's main line)."""
    if element is None:
        return False
    for ancestor in element.ancestors():
        spec = ctx.spec(ancestor)
        if spec is not None and spec.wire in _BRANCH_TAGS:
            return True
    return False


_LIVE_EDGES: tuple[EdgeKind, ...] = (
    "next", "key", "fallback", "true", "false", "live", "machine", "catch", "answered",
    "unanswered", "end",
)  # fmt: skip
