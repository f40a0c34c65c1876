"""The control-flow graph of a dialplan, and its diagrams (Mermaid, Graphviz DOT, SVG).

One graph serves both the pictures and the graph-based lint rules
(:mod:`cftools.dialplan._graph_rules`). It has a node for every element a reader cares
about, and edges for every way control can move:

* **Nodes.** ``start`` (the call connects) and ``stop``, of kind ``end`` (the call ends
  without a hang-up tag: the dialplan ran out, or a transfer was answered), then one node
  per prompt, menu, condition (``if``, ``equal``, ``notEqual``), ``amd``, ``catch``,
  transfer, recording, HTTP call, hang-up and the other actions (``setvar``, ``stash``,
  ``sms``, ``dnc``, ``wait``...). ``goto`` is not a node but an edge to its target; so
  are the branch containers (``keypress``, ``else``, ``live``, ``machine``), which become
  the labels of the edges leaving their decision. A menu's prompts come before its
  decision node: entering a menu runs its prompts, then the diamond picks a branch.
* **Edges.** ``next`` (sequential flow, including leaving a branch for the tag after its
  menu or condition); ``key`` (one per keypress, labelled with ``pressed``);
  ``fallback`` (labelled ``timeout``, ``other keys`` or ``no match`` when the menu lacks
  a ``timeout`` branch, a ``default`` branch or both, since the call then goes on after
  the menu); ``true``/``false`` (labelled with the condition); ``live``/``machine``;
  ``catch`` (a digit catch's jump: from each menu inside it, or from the catch node if it
  holds no menu); ``hangup`` (a hang-up catch's jump, from the catch node);
  ``answered``/``unanswered`` from a transfer; and ``end`` (into the ``stop`` node).
  ``gotoXML``, known only from the SDK, gets both an ``end`` edge and a ``next`` edge,
  since whether the call comes back from the other dialplan is unknown.
  ``jump`` marks an edge that goes through a ``goto``: diagrams draw it dashed.

A ``goto`` on a cycle that runs nothing else becomes a node looping on itself. A ``goto``
whose target is unknown or built from a variable (``${...}``) cannot be resolved; it
becomes a node of its own with no outgoing edge, and
:attr:`Graph.dynamic` is set so that lint rules stay silent rather than guess.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from cftools._errors import CftoolsError
from cftools.dialplan._model import Dialplan, Element
from cftools.dialplan._tags import TAGS

__all__ = [
    "Edge",
    "EdgeKind",
    "Graph",
    "GraphNode",
    "NodeKind",
    "build_graph",
    "to_dot",
    "to_mermaid",
    "to_svg",
]

NodeKind = Literal[
    "start", "end", "prompt", "menu", "condition", "amd", "catch", "transfer", "record",
    "http", "hangup", "set", "message", "action", "goto",
]  # fmt: skip
EdgeKind = Literal[
    "next", "key", "fallback", "true", "false", "live", "machine", "catch", "hangup",
    "answered", "unanswered", "end",
]  # fmt: skip

_CANONICAL_TAG = {wire.lower(): wire for wire in TAGS}
#: Containers entered only through a decision (a key, a condition, the detection): they
#: are edge labels here, and the simulator pushes them without running their parent.
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
}
_LABEL_WIDTH = 48


@dataclass(frozen=True, slots=True)
class GraphNode:
    """One node: ``id`` (``start``, ``stop`` or ``n<k>``, stable for a given document),
    ``kind``, a short ``label`` and the ``element`` it stands for (``None`` for start
    and end)."""

    id: str
    kind: NodeKind
    label: str
    element: Element | None = field(default=None, compare=False, repr=False)

    @property
    def line(self) -> int | None:
        """The element's source line, if known."""
        return self.element.line if self.element is not None else None


@dataclass(frozen=True, slots=True)
class Edge:
    """A possible move of control from ``source`` to ``target`` (node ids)."""

    source: str
    target: str
    kind: EdgeKind = "next"
    label: str = ""
    jump: bool = False


@dataclass(frozen=True)
class Graph:
    """The control-flow graph of one dialplan (see the module docstring)."""

    nodes: tuple[GraphNode, ...]
    edges: tuple[Edge, ...]
    dynamic: bool = False

    def node(self, node_id: str) -> GraphNode:
        """The node with id ``node_id``."""
        return self._by_id[node_id]

    def node_of(self, element: Element) -> GraphNode | None:
        """The node standing for ``element``, if it has one."""
        return self._by_element.get(id(element))

    def successors(self, node_id: str) -> list[Edge]:
        """The edges leaving ``node_id``, in order."""
        return self._out.get(node_id, [])

    def reachable(
        self, start: str = "start", *, follow: Iterable[EdgeKind] | None = None
    ) -> set[str]:
        """Ids of the nodes reachable from ``start`` (itself included), optionally
        following only edges of the given kinds."""
        kinds = None if follow is None else frozenset(follow)
        seen = {start}
        todo = [start]
        while todo:
            for edge in self.successors(todo.pop()):
                if edge.target not in seen and (kinds is None or edge.kind in kinds):
                    seen.add(edge.target)
                    todo.append(edge.target)
        return seen

    def __post_init__(self) -> None:
        out: dict[str, list[Edge]] = {}
        for edge in self.edges:
            out.setdefault(edge.source, []).append(edge)
        by_element = {id(n.element): n for n in self.nodes if n.element is not None}
        object.__setattr__(self, "_by_id", {n.id: n for n in self.nodes})
        object.__setattr__(self, "_by_element", by_element)
        object.__setattr__(self, "_out", out)

    # Indexes, built once by __post_init__.
    _by_id: dict[str, GraphNode] = field(init=False, repr=False, compare=False)
    _by_element: dict[int, GraphNode] = field(init=False, repr=False, compare=False)
    _out: dict[str, list[Edge]] = field(init=False, repr=False, compare=False)


for _cls in (GraphNode, Edge, Graph):
    _cls.__module__ = "cftools.dialplan"


def canonical_tag(element: Element) -> str:
    """The table's spelling of ``element``'s tag (``Play`` reads as ``play``)."""
    return _CANONICAL_TAG.get(element.tag.lower(), element.tag)


def body_of(element: Element, tag_of: Callable[[Element], str] = canonical_tag) -> list[Element]:
    """The elements run, in order, when control enters ``element``: a menu's prompts (not
    its branches), an if's true branch (not its else), nothing for an amd (it picks a
    branch), every child element otherwise."""
    tag = tag_of(element)
    if tag == "amd":
        return []
    skip = _SKIPPED_CHILD.get(tag)
    return [e for e in element.elements if skip is None or tag_of(e) != skip]


def _short(text: str, width: int = _LABEL_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _label(element: Element) -> str:
    tag = canonical_tag(element)
    attr = element.attribute
    name = element.name
    if tag == "play":
        kind = (attr("type") or "tts").lower()
        body = _short(element.value)
        return body if kind == "tts" else f"play {kind} {body}"
    if tag == "menu":
        return f"menu {name}" if name else "menu"
    if tag == "if":
        return _short(attr("expr") or "")
    if tag in ("equal", "notEqual"):
        operator = "==" if tag == "equal" else "!="
        return _short(f"{attr('var') or ''} {operator} {attr('expr') or ''}")
    if tag == "amd":
        return "human or machine?"
    if tag == "catch":
        event = attr("type") or "?"
        return f"catch key {attr('value') or '?'}" if event == "digit" else f"catch {event}"
    if tag == "transfer":
        return _short(f"transfer {element.value}")
    if tag == "record":
        target = attr("varname") or name
        return f"record {target}" if target else "record"
    if tag in ("get", "post", "gotoXML"):
        method = {"get": "GET", "post": "POST", "gotoXML": "gotoXML"}[tag]
        return _short(f"{method} {element.value}")
    if tag in ("setvar", "stash"):
        verb = "" if tag == "setvar" else "stash "
        return _short(f"{verb}{attr('varname') or '?'} = {element.value}")
    if tag in ("sms", "text"):
        return _short(f"sms {attr('to') or 'caller'}: {element.value}")
    if tag == "goto":
        return _short(f"goto {element.value}")
    if tag == "hangup":
        return "hang up"
    return _short(f"{tag} {element.value}".strip())


class _Builder:
    """Builds a :class:`Graph` with the ``entry``/``after`` resolution of the docstring."""

    def __init__(self, plan: Element) -> None:
        self.plan = plan
        self.elements = list(plan.iter())
        self.names: dict[str, Element] = {}
        for element in self.elements:
            if element.name is not None:
                self.names.setdefault(element.name.strip(), element)
        self.ids = {id(e): f"n{i}" for i, e in enumerate(self.elements)}
        # Per element, computed once: the table's tag, what runs inside it, what follows it.
        self.tags = {id(e): canonical_tag(e) for e in self.elements}
        self.bodies = {id(e): body_of(e, self._tag) for e in self.elements}
        self.following: dict[int, Element | None] = {}
        for element in self.elements:
            body = self.bodies[id(element)]
            for position, current in enumerate(body):
                self.following[id(current)] = (
                    body[position + 1] if position + 1 < len(body) else None
                )
        self.after_cache: dict[int, tuple[str, bool]] = {}
        self.nodes: list[GraphNode] = [GraphNode("start", "start", "call starts")]
        self.edges: list[Edge] = []
        self.dynamic = False
        self.has_end = False
        # Gotos on a cycle that runs no other tag: each becomes a node looping on itself.
        self.spinning: dict[int, Element] = {}

    def _tag(self, element: Element) -> str:
        return self.tags[id(element)]

    def _body(self, element: Element | None) -> list[Element]:
        return [] if element is None else self.bodies[id(element)]

    def build(self) -> Graph:
        members = [e for e in self.elements[1:] if self._is_node(e)]
        for element in members:
            tag = self._tag(element)
            kind = "goto" if tag == "goto" else _KIND_OF_TAG.get(tag, "action")
            self.nodes.append(GraphNode(self.ids[id(element)], kind, _label(element), element))
        self._edge("start", self._first(self._body(self.plan), self.plan), "next")
        for element in members:
            self._edges_from(element)
        for element in self.spinning.values():
            node_id = self.ids[id(element)]
            self.nodes.append(GraphNode(node_id, "goto", _label(element), element))
            self.edges.append(Edge(node_id, node_id, "next", "", True))
        if self.has_end:
            self.nodes.append(GraphNode("stop", "end", "call ends"))
        return Graph(tuple(self.nodes), tuple(self.edges), self.dynamic)

    # -- which elements are nodes ------------------------------------------------------

    def _is_node(self, element: Element) -> bool:
        tag = self._tag(element)
        if tag in BRANCHES or tag == "dialplan" or element.parent is None:
            return False
        if tag == "goto":
            return self._goto_target(element) is None
        return True

    def _goto_target(self, element: Element) -> Element | None:
        name = element.value
        if "${" in name:
            self.dynamic = True
            return None
        return self.names.get(name)

    # -- where control goes ------------------------------------------------------------

    def _entry(self, element: Element, seen: frozenset[int] = frozenset()) -> tuple[str, bool]:
        """The node that runs first when control reaches ``element``, and whether a
        goto was followed to get there."""
        tag = self._tag(element)
        if tag == "goto":
            target = self._goto_target(element)
            if target is None:
                return self.ids[id(element)], False
            if id(element) in seen:  # gotos that only lead back to themselves
                self.spinning.setdefault(id(element), element)
                return self.ids[id(element)], False
            node, _ = self._entry(target, seen | {id(element)})
            return node, True
        if tag == "menu":
            prompts = self._body(element)
            return (
                self._first(prompts, element, seen) if prompts else (self.ids[id(element)], False)
            )
        if tag in BRANCHES or tag == "dialplan":
            return self._first(self._body(element), element, seen)
        return self.ids[id(element)], False

    def _first(
        self, body: list[Element], container: Element, seen: frozenset[int] = frozenset()
    ) -> tuple[str, bool]:
        """Entry of the first element of ``body``, or what follows ``container``."""
        if body:
            return self._entry(body[0], seen)
        return self._after(container, seen)

    def _after(self, element: Element, seen: frozenset[int] = frozenset()) -> tuple[str, bool]:
        """The node that runs once ``element`` has finished normally."""
        if seen:  # resolving a chain of gotos: no caching, the cycle check needs ``seen``
            return self._resolve_after(element, seen)
        cached = self.after_cache.get(id(element))
        if cached is None:
            cached = self.after_cache[id(element)] = self._resolve_after(element, seen)
        return cached

    def _resolve_after(self, element: Element, seen: frozenset[int]) -> tuple[str, bool]:
        parent = element.parent
        if parent is None:
            self.has_end = True
            return "stop", False
        ptag = self._tag(parent)
        nxt = self.following.get(id(element))
        if nxt is not None:
            return self._entry(nxt, seen)
        if ptag == "menu" and self._tag(element) != "keypress":
            return self.ids[id(parent)], False  # the prompts are done: the decision
        if parent is self.plan:
            self.has_end = True
            return "stop", False
        if ptag in ("keypress", "live", "machine", "else"):
            return self._after(parent.parent or parent, seen)
        return self._after(parent, seen)

    def _catch_target(self, catch: Element) -> Element | None:
        name = (catch.attribute("goto") or "").strip()
        if "${" in name:
            self.dynamic = True
            return None
        return self.names.get(name)

    def _edge(self, source: str, entry: tuple[str, bool], kind: EdgeKind, label: str = "") -> None:
        target, jump = entry
        if target == "stop":
            kind = "end" if kind == "next" else kind
        self.edges.append(Edge(source, target, kind, label, jump))

    def _edges_from(self, element: Element) -> None:
        source = self.ids[id(element)]
        tag = self._tag(element)
        if tag in ("hangup", "goto"):
            return  # the call ends here (or an unresolved goto: nowhere known)
        if tag == "gotoXML":
            # Known only from the SDK: it probably hands the call to another dialplan, but
            # whether control ever comes back is unknown, so the graph allows both.
            self.has_end = True
            self._edge(source, ("stop", False), "end", "gotoXML")
            self._edge(source, self._after(element), "next")
            return
        if tag == "menu":
            self._menu_edges(source, element)
        elif tag == "if":
            self._edge(
                source,
                self._first(self._body(element), element),
                "true",
                _short(element.attribute("expr") or ""),
            )
            otherwise = next((e for e in element.elements if self._tag(e) == "else"), None)
            target = (
                self._first(self._body(otherwise), otherwise)
                if otherwise is not None
                else self._after(element)
            )
            self._edge(source, target, "false", "else")
        elif tag in ("equal", "notEqual"):
            self._edge(source, self._first(self._body(element), element), "true", _label(element))
            self._edge(source, self._after(element), "false", "otherwise")
        elif tag == "amd":
            for branch_tag in ("live", "machine"):
                branch = next((e for e in element.elements if self._tag(e) == branch_tag), None)
                target = (
                    self._first(self._body(branch), branch)
                    if branch is not None
                    else self._after(element)
                )
                self._edge(
                    source, target, "live" if branch_tag == "live" else "machine", branch_tag
                )
        elif tag == "catch":
            self._edge(source, self._first(self._body(element), element), "next")
            caught = self._catch_target(element)
            digit = (element.attribute("type") or "").strip() == "digit"
            has_menu = any(self._tag(e) == "menu" for e in element.iter())
            if caught is not None and not (digit and has_menu):  # menus carry digit catches
                label = _label(element).removeprefix("catch ")
                self._edge(source, self._entry(caught), "catch" if digit else "hangup", label)
        elif tag == "transfer":
            stays = (element.attribute("continue-after") or "").strip().lower() == "true"
            if stays:
                self._edge(source, self._after(element), "next", "after the call")
            else:
                self.has_end = True
                self._edge(source, ("stop", False), "answered", "answered")
                self._edge(source, self._after(element), "unanswered", "no answer")
        else:
            self._edge(source, self._after(element), "next")

    def _menu_edges(self, source: str, menu: Element) -> None:
        keywords: set[str] = set()
        for branch in (e for e in menu.elements if self._tag(e) == "keypress"):
            pressed = (branch.attribute("pressed") or "").strip()
            if pressed.lower() in ("default", "timeout"):
                pressed = pressed.lower()
                keywords.add(pressed)
            self._edge(source, self._first(self._body(branch), branch), "key", pressed)
        missing = {"default", "timeout"} - keywords
        if missing:
            label = "timeout" if missing == {"timeout"} else "no match"
            label = "other keys" if missing == {"default"} else label
            self._edge(source, self._after(menu), "fallback", label)
        for catch in menu.ancestors():
            if self._tag(catch) == "catch" and (catch.attribute("type") or "").strip() == "digit":
                target = self._catch_target(catch)
                if target is not None:
                    digit = (catch.attribute("value") or "?").strip()
                    self._edge(source, self._entry(target), "catch", f"{digit} (catch)")


def build_graph(dialplan: Dialplan | Element | str | bytes) -> Graph:
    """Return the control-flow graph of ``dialplan`` (a model, or XML text or bytes)."""
    plan = _coerce(dialplan)
    return _Builder(plan).build()


def _coerce(dialplan: Dialplan | Element | str | bytes) -> Element:
    if isinstance(dialplan, Element):
        return dialplan
    if isinstance(dialplan, (str, bytes)):
        from cftools.dialplan._parse import parse

        return parse(dialplan)
    raise TypeError(f"expected a Dialplan, str or bytes, not {type(dialplan).__name__}")


# Fill colours by kind, shared by both formats: decisions blue, conditions yellow,
# endings red, transfers green, data grey.
_FILLS: dict[NodeKind, str] = {
    "start": "#eeeeee",
    "end": "#eeeeee",
    "menu": "#dbe9f6",
    "condition": "#fdf3d0",
    "amd": "#fdf3d0",
    "catch": "#f3e5f5",
    "transfer": "#dcf1dc",
    "hangup": "#f8d7d3",
    "http": "#eeeeee",
    "record": "#eeeeee",
    "set": "#f7f7f7",
    "goto": "#f8d7d3",
}


# -- Mermaid ---------------------------------------------------------------------------

_MERMAID_SHAPES: dict[NodeKind, tuple[str, str]] = {
    "start": ("([", "])"),
    "end": ("([", "])"),
    "menu": ("{", "}"),
    "condition": ("{", "}"),
    "amd": ("{", "}"),
    "catch": ("{{", "}}"),
    "transfer": ("[[", "]]"),
    "record": ("[(", ")]"),
    "http": ("[/", "/]"),
    "hangup": ("((", "))"),
    "message": (">", "]"),
    "goto": ("[\\", "\\]"),
}


def _mermaid_text(text: str) -> str:
    # Mermaid entity codes: '#' first, since the others are written with it.
    for raw, code in (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;")):
        text = text.replace(raw, code)
    return f'"{text}"'


def to_mermaid(dialplan: Dialplan | Element | str | bytes | Graph) -> str:
    """Return a Mermaid ``flowchart`` of ``dialplan`` (GitHub renders it in Markdown)."""
    graph = dialplan if isinstance(dialplan, Graph) else build_graph(dialplan)
    lines = ["flowchart TD"]
    for node in graph.nodes:
        left, right = _MERMAID_SHAPES.get(node.kind, ("[", "]"))
        lines.append(f"    {node.id}{left}{_mermaid_text(node.label)}{right}")
    for edge in graph.edges:
        arrow = "-.->" if edge.jump else "-->"
        label = f"|{_mermaid_text(edge.label)}|" if edge.label else ""
        lines.append(f"    {edge.source} {arrow}{label} {edge.target}")
    # Styling: one class per node kind present (colours from _FILLS), grey fall-throughs.
    kinds = sorted({n.kind for n in graph.nodes if n.kind in _FILLS})
    for kind in kinds:
        # ``end`` is a Mermaid keyword, hence the prefix.
        lines.append(f"    classDef kind_{kind} fill:{_FILLS[kind]},stroke:#555555")
    for kind in kinds:
        members = ",".join(n.id for n in graph.nodes if n.kind == kind)
        lines.append(f"    class {members} kind_{kind}")
    fallbacks = [str(i) for i, e in enumerate(graph.edges) if e.kind == "fallback"]
    if fallbacks:
        lines.append(f"    linkStyle {','.join(fallbacks)} stroke:#777777,stroke-dasharray:2 3")
    return "\n".join(lines) + "\n"


# -- Graphviz --------------------------------------------------------------------------

_DOT_SHAPES: dict[NodeKind, str] = {
    "start": "oval",
    "end": "oval",
    "menu": "diamond",
    "condition": "diamond",
    "amd": "diamond",
    "catch": "hexagon",
    "transfer": "box3d",
    "record": "cylinder",
    "http": "parallelogram",
    "hangup": "doublecircle",
    "message": "note",
    "goto": "cds",
}


def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(dialplan: Dialplan | Element | str | bytes | Graph) -> str:
    """Return a Graphviz DOT ``digraph`` of ``dialplan``."""
    graph = dialplan if isinstance(dialplan, Graph) else build_graph(dialplan)
    lines = [
        "digraph dialplan {",
        '    graph [rankdir=TB, fontname="Helvetica"];',
        '    node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica",'
        " fontsize=11];",
        '    edge [fontname="Helvetica", fontsize=10];',
    ]
    for node in graph.nodes:
        shape = _DOT_SHAPES.get(node.kind, "box")
        fill = _FILLS.get(node.kind, "#ffffff")
        label = _dot_text(node.label)
        lines.append(f'    {node.id} [label={label}, shape={shape}, fillcolor="{fill}"];')
    for edge in graph.edges:
        attrs = [f"label={_dot_text(edge.label)}"] if edge.label else []
        if edge.jump:
            attrs.append("style=dashed")
        elif edge.kind == "fallback":  # no branch for this case: the call goes on
            attrs.extend(("style=dotted", 'color="#777777"', 'fontcolor="#777777"'))
        suffix = f" [{', '.join(attrs)}]" if attrs else ""
        lines.append(f"    {edge.source} -> {edge.target}{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_svg(dialplan: Dialplan | Element | str | bytes | Graph, *, timeout: float = 30.0) -> str:
    """Render ``dialplan`` to SVG with Graphviz's ``dot`` program.

    Raises :class:`~cftools.CftoolsError` when ``dot`` is not installed or fails.
    """
    dot = shutil.which("dot")
    if dot is None:
        raise CftoolsError(
            "SVG output needs Graphviz's 'dot' program, which is not installed "
            "(e.g. apt-get install graphviz); --format mermaid or dot needs nothing"
        )
    try:
        done = subprocess.run(
            [dot, "-Tsvg"],
            input=to_dot(dialplan).encode(),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise CftoolsError(f"Graphviz 'dot' did not finish within {timeout:g} s") from exc
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip()
        raise CftoolsError(f"Graphviz 'dot' failed: {message}")
    return done.stdout.decode()
