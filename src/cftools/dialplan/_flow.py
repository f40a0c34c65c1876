"""The core of the control-flow graph: integer nodes and adjacency lists.

:func:`cftools.dialplan.build_graph` (for diagrams) and the CF6xx lint rules (on every
validation) share this one construction, so both always see the same graph. The
semantics (which elements are nodes, which edges leave them, how a ``goto`` resolves)
are described in :mod:`cftools.dialplan._graph`; this module is about doing it cheaply:

* A node is the index of its element in document order (``elements[i]``). Index 0 is
  the dialplan (or the subtree given), which is never a node, so it stands for ``start``; the index
  one past the last element stands for ``stop``. No string ids, no per-node objects.
* Per-element facts (the table's tag, the parent, what runs inside a container, what
  runs next) live in lists indexed the same way, each computed once.
* An edge is a tuple ``(source, target, kind, label, jump)``. Labels are text for the
  diagrams only: unless the flow is built with ``labels=True`` the ones that cost
  anything to compute are left empty (the lint rules never read them).
* The reachability sets the rules need are computed once per flow and kept.

:mod:`cftools.dialplan._graph` turns a flow into the public
:class:`~cftools.dialplan.Graph`, mapping index ``i`` to node id ``n<i>``; this module
never imports it (the diagram labels, which the flow needs for labelled edges, live
here).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

from cftools.dialplan._model import Element, document_order
from cftools.dialplan._tags import TAGS
from cftools.dialplan._values import keyword

__all__ = [
    "BRANCHES",
    "EdgeKind",
    "Flow",
    "FlowEdge",
    "NodeKind",
    "canonical_tag",
    "canonical_wire",
    "label",
    "short",
]

NodeKind = Literal[
    "start", "end", "prompt", "menu", "condition", "amd", "catch", "transfer", "record",
    "http", "hangup", "set", "message", "action", "goto",
]  # fmt: skip
EdgeKind = Literal[
    "next", "key", "fallback", "true", "false", "live", "machine", "catch", "hangup",
    "answered", "unanswered", "end",
]  # fmt: skip

_LABEL_WIDTH = 48

#: Containers entered only through a decision (a key, a condition, the detection): they
#: are edge labels in the graph, and the simulator pushes them without running their parent.
BRANCHES = frozenset({"keypress", "else", "live", "machine"})
# What a container does not run when entered: a menu's branches, an if's else.
_SKIPPED_CHILD = {"menu": "keypress", "if": "else"}
_KIND_OF_TAG: dict[str, NodeKind] = {
    "play": "prompt",
    "menu": "menu",
    "if": "condition",
    "equal": "condition",
    "notEqual": "condition",
    "amd": "amd",
    "catch": "catch",
    "transfer": "transfer",
    "record": "record",
    "get": "http",
    "post": "http",
    "gotoXML": "http",
    "hangup": "hangup",
    "setvar": "set",
    "stash": "set",
    "sms": "message",
    "text": "message",
    "goto": "goto",
}

# Tags that are never nodes: the root and the branch containers (edge labels).
_NOT_NODES = BRANCHES | {"dialplan"}
# Tags whose entry is not the tag itself (a goto jumps, a menu starts with its prompts, a
# branch container with its first tag).
_ENTERED = _NOT_NODES | {"goto", "menu"}
# Node tags with edges other than one "next" edge to what follows.
_DECISIONS = frozenset(
    {"hangup", "goto", "menu", "gotoXML", "if", "equal", "notEqual", "amd", "catch", "transfer"}
)
_CANONICAL_TAG = {wire.lower(): wire for wire in TAGS}
# Tag as written -> the table's spelling; grows with the case variants met (bounded).
_WIRE_OF: dict[str, str] = {wire: wire for wire in TAGS}

#: One edge: source node, target node, kind, label ("" when not built with labels) and
#: whether it goes through a ``goto``.
FlowEdge = tuple[int, int, "EdgeKind", str, bool]
# (node, whether a goto was followed to reach it)
_Entry = tuple[int, bool]


def canonical_wire(tag: str) -> str:
    """The table's spelling of the tag written ``tag`` (``Play`` reads as ``play``)."""
    wire = _WIRE_OF.get(tag)
    if wire is None:
        wire = _CANONICAL_TAG.get(tag.lower(), tag)
        if len(_WIRE_OF) < 4096:  # bounded: unknown tags come from untrusted input
            _WIRE_OF[tag] = wire
    return wire


def canonical_tag(element: Element) -> str:
    """The table's spelling of ``element``'s tag (``Play`` reads as ``play``)."""
    return canonical_wire(element.tag)


class Flow:
    """The control-flow graph of one dialplan, on integer nodes (see the module docstring).

    ``elements`` (the plan's elements in document order), ``parents`` (the index of each
    one's parent, ``-1`` for the root) and ``names`` (each name -> the index of the first
    element carrying it) may pass what a caller already holds; ``labels`` asks for the
    diagram labels of the edges.
    """

    __slots__ = (
        "_after_cache", "_goto_cache", "_reached", "_resolving", "bodies", "children",
        "dynamic", "edges", "elements", "following", "hangup_jumps", "has_end", "labels",
        "members", "names", "nodes", "out", "parents", "plan", "spinning", "stop",
        "stop_edges", "tags",
    )  # fmt: skip

    def __init__(
        self,
        plan: Element,
        elements: list[Element] | None = None,
        *,
        parents: list[int] | None = None,
        names: Mapping[str, int] | None = None,
        labels: bool = False,
    ) -> None:
        self.plan = plan
        self.elements = elements = document_order(plan) if elements is None else elements
        self.labels = labels
        self.stop = stop = len(elements)
        # The table's tag of each element, its parent and the children of each container.
        wire_of = _WIRE_OF
        tags = [wire_of.get(e.tag) or canonical_wire(e.tag) for e in elements]
        if parents is None:
            index = {id(e): i for i, e in enumerate(elements)}
            parents = [index.get(id(e.parent), -1) for e in elements]
            parents[0] = -1
        children: dict[int, list[int]] = {}
        for i in range(1, stop):
            p = parents[i]
            group = children.get(p)
            if group is None:
                children[p] = [i]
            else:
                group.append(i)
        self.tags = tags
        self.parents = parents
        self.children = children
        # What runs when control enters a container, and what runs after each element.
        bodies: dict[int, list[int]] = {}
        following: dict[int, int] = {}
        for p, group in children.items():
            ptag = tags[p]
            if ptag == "amd":
                continue
            skip = _SKIPPED_CHILD.get(ptag)
            body = group if skip is None else [c for c in group if tags[c] != skip]
            bodies[p] = body
            for position in range(len(body) - 1):
                following[body[position]] = body[position + 1]
        self.bodies = bodies
        self.following = following
        # The first element carrying each name (the one a goto reaches).
        if names is None:
            first: dict[str, int] = {}
            for i, element in enumerate(elements):
                name = element.attrs.get("name")
                if name is not None:
                    first.setdefault(name.strip(), i)
            names = first
        self.names = names
        self.dynamic = False
        self.has_end = False
        self.spinning: dict[int, None] = {}  # gotos on a cycle that runs no other tag
        self._after_cache: dict[int, _Entry] = {}
        self._goto_cache: dict[int, _Entry] = {}
        self._resolving: set[int] = set()  # gotos whose chain is being followed
        self.edges: list[FlowEdge] = []
        #: Successors of each node that has any, in edge order.
        self.out: dict[int, list[int]] = {}
        #: Edges into ``stop`` (source, kind), in edge order; whether any edge has kind
        #: ``hangup`` (a hang-up catch's jump).
        self.stop_edges: list[tuple[int, EdgeKind]] = []
        self.hangup_jumps = False
        self.members = [i for i in range(1, stop) if tags[i] not in _NOT_NODES]
        gotos = [i for i in self.members if tags[i] == "goto"]
        if gotos:  # resolved gotos are edges, not nodes
            resolved = {i for i in gotos if self._goto_target(i) is not None}
            if resolved:
                self.members = [i for i in self.members if i not in resolved]
        self._build()
        self.nodes = self.members + list(self.spinning) if self.spinning else self.members
        self._reached: set[int] | None = None

    # -- which elements are nodes ------------------------------------------------------

    def _goto_target(self, i: int) -> int | None:
        name = self.elements[i].text.strip()
        if "${" in name:
            self.dynamic = True
            return None
        return self.names.get(name)

    def _catch_target(self, i: int) -> int | None:
        name = (self.elements[i].attribute("goto") or "").strip()
        if "${" in name:
            self.dynamic = True
            return None
        return self.names.get(name)

    # -- where control goes ------------------------------------------------------------

    def _entry(self, i: int) -> _Entry:
        """The node that runs first when control reaches element ``i``, and whether a
        goto was followed to get there."""
        tag = self.tags[i]
        if tag == "goto":
            return self._goto_entry(i)
        if tag == "menu":
            prompts = self.bodies.get(i)
            return self._first(prompts, i) if prompts else (i, False)
        if tag in BRANCHES or tag == "dialplan":
            return self._first(self.bodies.get(i), i)
        return i, False

    def _goto_entry(self, i: int) -> _Entry:
        """The entry of goto ``i``: where its chain of gotos ends. A chain is followed in
        a loop, not by recursion, and every goto on it keeps its answer, so each goto is
        resolved once whatever the number of ways into it (a chain of n gotos costs n,
        not n squared). A chain that comes back to a goto still being resolved (gotos
        that run no other tag) ends at that goto, which becomes a spinning node."""
        cache, resolving, tags = self._goto_cache, self._resolving, self.tags
        path: list[int] = []
        node = i
        while True:
            cached = cache.get(node)
            if cached is not None:
                end = cached[0]
                break
            target = self._goto_target(node)
            if target is None or node in resolving:
                if target is not None:  # a loop of gotos
                    self.spinning.setdefault(node)
                end = node
                if not path:
                    return node, False
                break
            path.append(node)
            resolving.add(node)
            if tags[target] == "goto":
                node = target
                continue
            try:
                end = self._entry(target)[0]
            finally:
                resolving.difference_update(path)
            break
        resolving.difference_update(path)
        for goto in path:
            cache[goto] = (end, True)
        return end, True

    def _first(self, body: list[int] | None, container: int) -> _Entry:
        """Entry of the first element of ``body``, or what follows ``container``."""
        if body:
            return self._entry(body[0])
        return self._after(container)

    def _after(self, i: int) -> _Entry:
        """The node that runs once element ``i`` has finished normally."""
        if self._resolving:  # inside a chain of gotos: the answer may depend on it
            return self._resolve_after(i)
        cached = self._after_cache.get(i)
        if cached is None:
            cached = self._after_cache[i] = self._resolve_after(i)
        return cached

    def _resolve_after(self, i: int) -> _Entry:
        parent = self.parents[i]
        if parent < 0:
            self.has_end = True
            return self.stop, False
        nxt = self.following.get(i)
        if nxt is not None:
            return self._entry(nxt)
        ptag = self.tags[parent]
        if ptag == "menu" and self.tags[i] != "keypress":
            return parent, False  # the prompts are done: the decision
        if parent == 0:
            self.has_end = True
            return self.stop, False
        if ptag in BRANCHES:
            grand = self.parents[parent]
            return self._after(grand if grand >= 0 else parent)
        return self._after(parent)

    def _inside(self, i: int) -> _Entry:
        """Entry of container ``i``'s body, or what follows it when the body is empty."""
        return self._first(self.bodies.get(i), i)

    # -- edges -------------------------------------------------------------------------

    def _edge(self, source: int, entry: _Entry, kind: EdgeKind, label: str = "") -> None:
        target, jump = entry
        if target == self.stop:
            if kind == "next":
                kind = "end"
            self.stop_edges.append((source, kind))
        elif kind == "hangup":
            self.hangup_jumps = True
        self.edges.append((source, target, kind, label, jump))
        targets = self.out.get(source)
        if targets is None:
            self.out[source] = [target]
        else:
            targets.append(target)

    def _build(self) -> None:
        self._edge(0, self._inside(0), "next")
        tags, following, edges, out = self.tags, self.following, self.edges, self.out
        for i in self.members:
            if tags[i] in _DECISIONS:
                self._edges_from(i)
                continue
            # A plain tag: control goes on to the next tag, which usually runs itself.
            nxt = following.get(i)
            if nxt is not None and tags[nxt] not in _ENTERED:
                edges.append((i, nxt, "next", "", False))
                out[i] = [nxt]
            else:
                self._edge(i, self._after(i), "next")
        for i in self.spinning:
            self.edges.append((i, i, "next", "", True))
            self.out[i] = [i]

    def _edges_from(self, i: int) -> None:
        tag = self.tags[i]
        if tag == "hangup" or tag == "goto":
            return  # the call ends here (or an unresolved goto: nowhere known)
        element = self.elements[i]
        labels = self.labels
        if tag == "menu":
            self._menu_edges(i)
        elif tag == "gotoXML":
            # Known only from the SDK: it probably hands the call to another dialplan, but
            # whether control ever comes back is unknown, so the graph allows both.
            self.has_end = True
            self._edge(i, (self.stop, False), "end", "gotoXML")
            self._edge(i, self._after(i), "next")
        elif tag == "if":
            expr = short(element.attribute("expr") or "") if labels else ""
            self._edge(i, self._inside(i), "true", expr)
            otherwise = self._child(i, "else")
            target = self._inside(otherwise) if otherwise is not None else self._after(i)
            self._edge(i, target, "false", "else")
        elif tag == "equal" or tag == "notEqual":
            self._edge(i, self._inside(i), "true", label(element) if labels else "")
            self._edge(i, self._after(i), "false", "otherwise")
        elif tag == "amd":
            for branch_tag in ("live", "machine"):
                branch = self._child(i, branch_tag)
                target = self._inside(branch) if branch is not None else self._after(i)
                self._edge(i, target, "live" if branch_tag == "live" else "machine", branch_tag)
        elif tag == "catch":
            self._edge(i, self._inside(i), "next")
            caught = self._catch_target(i)
            digit = keyword(element.attribute("type")) == "digit"
            if caught is not None and not (digit and self._holds_menu(element)):
                # menus carry digit catches
                text = label(element).removeprefix("catch ") if labels else ""
                self._edge(i, self._entry(caught), "catch" if digit else "hangup", text)
        elif tag == "transfer":
            stays = keyword(element.attribute("continue-after")) == "true"
            if stays:
                self._edge(i, self._after(i), "next", "after the call")
            else:
                self.has_end = True
                self._edge(i, (self.stop, False), "answered", "answered")
                self._edge(i, self._after(i), "unanswered", "no answer")
        else:
            self._edge(i, self._after(i), "next")

    def _child(self, i: int, tag: str) -> int | None:
        tags = self.tags
        return next((c for c in self.children.get(i, ()) if tags[c] == tag), None)

    def _holds_menu(self, element: Element) -> bool:
        return any(canonical_wire(e.tag) == "menu" for e in element.iter())

    def _menu_edges(self, i: int) -> None:
        keywords: set[str] = set()
        tags = self.tags
        for branch in self.children.get(i, ()):
            if tags[branch] != "keypress":
                continue
            pressed = (self.elements[branch].attribute("pressed") or "").strip()
            if pressed.lower() in ("default", "timeout"):
                pressed = pressed.lower()
                keywords.add(pressed)
            self._edge(i, self._inside(branch), "key", pressed)
        if len(keywords) < 2:
            missing = {"default", "timeout"} - keywords
            text = "timeout" if missing == {"timeout"} else "no match"
            text = "other keys" if missing == {"default"} else text
            self._edge(i, self._after(i), "fallback", text)
        ancestor = self.parents[i]
        while ancestor >= 0:
            catch = self.elements[ancestor]
            if tags[ancestor] == "catch" and keyword(catch.attribute("type")) == "digit":
                target = self._catch_target(ancestor)
                if target is not None:
                    digit = (catch.attribute("value") or "?").strip()
                    self._edge(i, self._entry(target), "catch", f"{digit} (catch)")
            ancestor = self.parents[ancestor]

    # -- analyses shared by the lint rules ---------------------------------------------

    def reachable(self, skip_hangup_jumps: bool = False) -> set[int]:
        """The nodes reachable from ``start`` (itself included); with
        ``skip_hangup_jumps``, not following a hang-up catch's jumps. Computed once."""
        if self._reached is not None and not (skip_hangup_jumps and self.hangup_jumps):
            return self._reached
        if skip_hangup_jumps and self.hangup_jumps:
            out: dict[int, list[int]] = {}
            for source, target, kind, _, _ in self.edges:
                if kind != "hangup":
                    out.setdefault(source, []).append(target)
            return _closure(out, 0)
        self._reached = _closure(self.out, 0)
        return self._reached

    def reaching(self, targets: Iterable[int]) -> set[int]:
        """The nodes from which some node of ``targets`` is reachable (those included)."""
        into: dict[int, list[int]] = {}
        for source, successors in self.out.items():
            for target in successors:
                sources = into.get(target)
                if sources is None:
                    into[target] = [source]
                else:
                    sources.append(source)
        seen = set(targets)
        todo = list(seen)
        while todo:
            for source in into.get(todo.pop(), ()):
                if source not in seen:
                    seen.add(source)
                    todo.append(source)
        return seen

    def kind(self, node: int) -> NodeKind:
        """The graph kind of ``node`` (``start``/``end`` for the two ends)."""
        if node == self.stop:
            return "end"
        if node == 0:
            return "start"
        return _KIND_OF_TAG.get(self.tags[node], "action")

    # -- node ids of the public graph (built by cftools.dialplan._graph) ----------------

    def node_id(self, node: int) -> str:
        """The public id of ``node``: ``start``, ``stop`` or ``n<index>``."""
        if node == self.stop:
            return "stop"
        return f"n{node}" if node else "start"


def _closure(out: Mapping[int, list[int]], start: int) -> set[int]:
    """The nodes reachable from ``start`` along ``out`` (``start`` included)."""
    seen = {start}
    todo = [start]
    pop, push, add = todo.pop, todo.append, seen.add
    get = out.get
    while todo:
        for target in get(pop(), ()):
            if target not in seen:
                add(target)
                push(target)
    return seen


# -- diagram labels (built only for a flow made with labels=True) ------------------------


def short(text: str, width: int = _LABEL_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def label(element: Element) -> str:
    tag = canonical_tag(element)
    attr = element.attribute
    name = element.name
    if tag == "play":
        kind = (attr("type") or "tts").lower()
        body = short(element.value)
        return body if kind == "tts" else f"play {kind} {body}"
    if tag == "menu":
        return short(f"menu {name}" if name else "menu")
    if tag == "if":
        return short(attr("expr") or "")
    if tag in ("equal", "notEqual"):
        operator = "==" if tag == "equal" else "!="
        return short(f"{attr('var') or ''} {operator} {attr('expr') or ''}")
    if tag == "amd":
        return "human or machine?"
    if tag == "catch":
        event = keyword(attr("type")) or "?"
        return short(f"catch key {attr('value') or '?'}" if event == "digit" else f"catch {event}")
    if tag == "transfer":
        return short(f"transfer {element.value}")
    if tag == "record":
        target = attr("varname") or name
        return short(f"record {target}" if target else "record")
    if tag in ("get", "post", "gotoXML"):
        method = {"get": "GET", "post": "POST", "gotoXML": "gotoXML"}[tag]
        return short(f"{method} {element.value}")
    if tag in ("setvar", "stash"):
        verb = "" if tag == "setvar" else "stash "
        return short(f"{verb}{attr('varname') or '?'} = {element.value}")
    if tag in ("sms", "text"):
        return short(f"sms {attr('to') or 'caller'}: {element.value}")
    if tag == "goto":
        return short(f"goto {element.value}")
    if tag == "hangup":
        return "hang up"
    return short(f"{tag} {element.value}".strip())
