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

The construction itself lives in :mod:`cftools.dialplan._flow` (integer nodes and
adjacency lists, shared with the lint rules); this module turns it into the public
:class:`Graph` and draws it.
"""

from __future__ import annotations

import math
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from cftools._errors import CftoolsError
from cftools.dialplan._flow import _KIND_OF_TAG, _SKIPPED_CHILD, EdgeKind, Flow, NodeKind, label

# Re-exported: the simulator reads them from here.
from cftools.dialplan._flow import BRANCHES as BRANCHES
from cftools.dialplan._flow import canonical_tag as canonical_tag
from cftools.dialplan._model import Dialplan, Element
from cftools.dialplan._parse import load

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


def body_of(element: Element, tag_of: Callable[[Element], str] = canonical_tag) -> list[Element]:
    """The elements run, in order, when control enters ``element``: a menu's prompts (not
    its branches), an if's true branch (not its else), nothing for an amd (it picks a
    branch), every child element otherwise."""
    tag = tag_of(element)
    if tag == "amd":
        return []
    skip = _SKIPPED_CHILD.get(tag)
    return [e for e in element.elements if skip is None or tag_of(e) != skip]


def build_graph(dialplan: Dialplan | Element | str | bytes) -> Graph:
    """Return the control-flow graph of ``dialplan`` (a model, or XML text or bytes)."""
    return _graph_of(dialplan, "build_graph")


def _graph_of(dialplan: Dialplan | Element | str | bytes | Graph, function: str) -> Graph:
    if isinstance(dialplan, Graph):
        return dialplan
    plan = load(
        dialplan, Element, function, "a Dialplan, an Element, a Graph or XML (str or bytes)"
    )
    return _public_graph(Flow(plan, labels=True))


def _public_graph(flow: Flow) -> Graph:
    """The public :class:`Graph` of a flow: index ``i`` becomes node id ``n<i>``."""
    elements = flow.elements
    nodes = [GraphNode("start", "start", "call starts")]
    for i in flow.members:
        kind = _KIND_OF_TAG.get(flow.tags[i], "action")
        nodes.append(GraphNode(f"n{i}", kind, label(elements[i]), elements[i]))
    for i in flow.spinning:
        nodes.append(GraphNode(f"n{i}", "goto", label(elements[i]), elements[i]))
    if flow.has_end:
        nodes.append(GraphNode("stop", "end", "call ends"))
    ident = flow.node_id
    # Control never comes back to ``start``: an edge into node 0 (a root that is not a
    # <dialplan> but a menu, whose prompts lead to its decision) names the root itself.
    edges = [
        Edge(ident(source), ident(target) if target else "n0", kind, text, jump)
        for source, target, kind, text, jump in flow.edges
    ]
    return Graph(tuple(nodes), tuple(edges), flow.dynamic)


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
    # Mermaid entity codes: '#' first, since the others are written with it. A line
    # break would end the statement (a built element's name or key may hold one).
    text = " ".join(text.split()) if "\n" in text or "\r" in text else text
    for raw, code in (("#", "#35;"), ('"', "#quot;"), ("<", "#lt;"), (">", "#gt;")):
        text = text.replace(raw, code)
    return f'"{text}"'


def to_mermaid(dialplan: Dialplan | Element | str | bytes | Graph) -> str:
    """Return a Mermaid ``flowchart`` of ``dialplan`` (GitHub renders it in Markdown)."""
    graph = _graph_of(dialplan, "to_mermaid")
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
    return _dot(_graph_of(dialplan, "to_dot"))


def _dot(graph: Graph) -> str:
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

    Raises :class:`~cftools.CftoolsError` when ``dot`` is not installed or fails, or
    ``timeout`` (seconds ``dot`` may run) is not a positive number.
    """
    if timeout is not None and (  # None: no limit, as subprocess reads it
        isinstance(timeout, bool)
        or not isinstance(timeout, (int, float))
        or not 0 < timeout < math.inf
    ):
        raise CftoolsError(
            f"to_svg() timeout must be a positive number of seconds, not {timeout!r}"
        )
    source = _dot(_graph_of(dialplan, "to_svg"))
    dot = shutil.which("dot")
    if dot is None:
        raise CftoolsError(
            "SVG output needs Graphviz's 'dot' program, which is not installed "
            "(e.g. apt-get install graphviz); --format mermaid or dot needs nothing"
        )
    try:
        done = subprocess.run(
            [dot, "-Tsvg"],
            # A label may hold a lone surrogate (a built element's text), which UTF-8
            # cannot carry: it is drawn as "?".
            input=source.encode("utf-8", "replace"),
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
