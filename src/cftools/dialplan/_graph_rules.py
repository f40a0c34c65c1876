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

The rules read the integer flow of :mod:`cftools.dialplan._flow` (the core that
:func:`~cftools.dialplan.build_graph` also uses), built once per validation without the
diagram labels, and share its reachability sets. It is not built at all when some
``goto`` or ``catch`` target is a variable (the Context records that while indexing
targets), since the rules would be silent anyway.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from cftools.dialplan._context import Context, rule
from cftools.dialplan._findings import Finding
from cftools.dialplan._flow import Flow
from cftools.dialplan._model import Element

__all__ = ["endless_loops", "unfinished_branches", "unreachable"]


def _flow(ctx: Context) -> Flow | None:
    """The context's flow (built once, kept in the context for the other two rules), or
    ``None`` when the rules must stay silent."""
    shared = ctx._shared
    if "flow" not in shared:
        flow = None
        if ctx.dialplan.tag == "dialplan" and not ctx.dynamic_targets:
            flow = Flow(ctx.dialplan, ctx.elements, parents=ctx._parents, names=ctx._first_named)
            if flow.dynamic:  # pragma: no cover - ruled out by ctx.dynamic_targets
                flow = None
        shared["flow"] = flow
    return shared["flow"]  # type: ignore[return-value]


def _describe(element: Element) -> str:
    name = f' "{element.name}"' if element.name else ""
    return f"<{element.tag}>{name}"


@rule
def unreachable(ctx: Context) -> Iterator[Finding]:
    """CF600: elements that no path from the start of the call reaches."""
    flow = _flow(ctx)
    if flow is None:
        return
    reached = flow.reachable()
    dead = [node for node in flow.nodes if node not in reached]
    if not dead:
        return
    dead_set = set(dead)
    tags = flow.tags
    # Each element's previous sibling, found in one pass (not a search per dead node,
    # which made a long run of unreachable siblings quadratic).
    previous_of = {
        after: before
        for siblings in flow.children.values()
        for before, after in itertools.pairwise(siblings)
    }
    inside_dead = _inside(flow, dead_set)
    for node in dead:
        if inside_dead[node]:
            continue  # inside an unreachable container: the container is reported
        previous = previous_of.get(node)
        if previous is not None and (previous in dead_set or tags[previous] in ("hangup", "goto")):
            continue  # the rest of an unreachable run, or CF403's case
        element = flow.elements[node]
        yield ctx.finding(
            "CF600",
            element,
            f"{_describe(element)} can never run: no path from the start of the call reaches "
            "it; remove it, or give it a name and jump to it with <goto>",
        )


def _inside(flow: Flow, containers: set[int] | frozenset[int]) -> list[bool]:
    """For each element, whether one of its ancestors is in ``containers``: one pass in
    document order (a parent comes before its children), not a walk up per element."""
    parents = flow.parents
    inside = [False] * len(flow.elements)
    for node in range(1, len(inside)):
        parent = parents[node]
        if parent >= 0:
            inside[node] = inside[parent] or parent in containers
    return inside


def _endings(flow: Flow) -> list[int]:
    """The nodes that end the call explicitly: a hang-up, a transfer, ``gotoXML``."""
    tags, elements = flow.tags, flow.elements
    return [
        node
        for node in flow.nodes
        if tags[node] in ("hangup", "transfer") or elements[node].tag == "gotoXML"
    ]


@rule
def endless_loops(ctx: Context) -> Iterator[Finding]:
    """CF601: loops with no way out: a menu whose every branch comes back, or a loop that
    takes no input and plays nothing (an announcement repeated forever may be meant)."""
    flow = _flow(ctx)
    if flow is None:
        return
    reached = flow.reachable()
    tags, elements, out = flow.tags, flow.elements, flow.out
    # Unresolved gotos count as exits: where they lead is unknown, so stay silent.
    exits = [
        node
        for node in flow.nodes
        if tags[node] == "hangup"
        or elements[node].tag == "gotoXML"
        or (tags[node] == "goto" and node not in out)
    ]
    if flow.has_end:
        exits.append(flow.stop)
    trapped = reached - flow.reaching(exits)
    if not trapped:
        return
    for component in _cycles(flow, trapped):
        nodes = sorted(component)
        menus = [n for n in nodes if flow.kind(n) == "menu"]
        if not menus and any(flow.kind(n) == "prompt" for n in nodes):
            continue  # an announcement repeated until the caller hangs up may be meant
        head = flow.elements[menus[0] if menus else nodes[0]]
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
        yield ctx.finding("CF601", head, message)


def _cycles(flow: Flow, within: set[int]) -> list[set[int]]:
    """The strongly connected components of the subgraph on ``within`` that hold a
    cycle (Tarjan's algorithm, iterative), in document order of their first node."""
    out = flow.out
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[int] = []
    found: list[set[int]] = []
    counter = 0
    # Each node's successors inside ``within``, listed once (not once per step of the
    # walk, which made a menu of n branches cost n squared).
    successors_of: dict[int, list[int]] = {}
    for root in sorted(within):
        if root in index:
            continue
        work: list[tuple[int, int]] = [(root, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            successors = successors_of.get(node)
            if successors is None:
                successors = successors_of[node] = [t for t in out.get(node, ()) if t in within]
            if position < len(successors):
                work.append((node, position + 1))
                nxt = successors[position]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component: set[int] = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1 or node in out.get(node, ()):
                    found.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return sorted(found, key=min)


@rule
def unfinished_branches(ctx: Context) -> Iterator[Finding]:
    """CF602: branches that run off the end while the dialplan's other endings are
    explicit (a hang-up or a transfer)."""
    flow = _flow(ctx)
    if flow is None:
        return
    reached = flow.reachable()
    explicit = sum(1 for node in _endings(flow) if node in reached)
    if not explicit:
        return
    # Clean-up tags reached only after the caller hung up are meant to run off the end.
    live = flow.reachable(skip_hangup_jumps=True)
    # Every ending that runs off the end (main line and implicit ones included), and
    # among them the written branches, which are what this rule reports.
    elements = flow.elements
    endings: dict[int, None] = {}  # in edge order; a dict, so membership is O(1)
    for source, kind in flow.stop_edges:
        if kind in ("answered", "unanswered", "fallback"):
            continue
        if source == 0 or source not in live or source in endings:
            continue
        if elements[source].tag != "gotoXML":
            endings[source] = None
    # Only when running off the end is the exception: fewer such endings than explicit ones.
    if len(endings) >= explicit:
        return
    in_branch = _inside(flow, _branches(flow))
    for node in endings:
        if flow.kind(node) in _NOT_BRANCH_ENDS or not in_branch[node]:
            continue
        element = elements[node]
        yield ctx.finding(
            "CF602",
            element,
            f"the call ends after {_describe(element)} by running off the end of the "
            "dialplan, while its other branches end with <hangup/> or a transfer; end this "
            "branch the same way (or <goto> back to a menu)",
        )


# A decision that falls off the end (an if without else) wrote no branch; a transfer is
# an ending of its own.
_NOT_BRANCH_ENDS = frozenset({"condition", "amd", "menu", "transfer", "catch"})
_BRANCH_TAGS = frozenset({"keypress", "else", "live", "machine", "if", "equal", "notEqual"})


def _branches(flow: Flow) -> frozenset[int]:
    """The written branches: elements inside one are not on the dialplan's main line."""
    tags = flow.tags
    return frozenset(i for i in range(1, len(tags)) if tags[i] in _BRANCH_TAGS)
