"""The validator: a registry of rule functions run over the parsed model.

A rule is a function ``rule(ctx: Context) -> Iterable[Finding]`` registered with the
:func:`rule` decorator. :func:`validate` parses the source once, builds one
:class:`Context` (document-order element list, name index, goto targets, resolved tag
specs) and runs every registered rule over it; the findings are de-duplicated and
sorted into document order.

Speed: validation is budgeted against the cost of parsing, so the Context makes a single
pass over the elements and records on the way everything several rules need (tag
groups, names, targets, the ``${...}`` uses, document-order and parent indexes); rules
then read those instead of walking the tree again. Work shared by several rules and too
costly to do up front (the control-flow graph of the CF6xx rules) is done by the first
rule that needs it and kept for the others in ``Context._shared`` for that validation
only. Nothing about a document outlives its validation; the only memo tables are small,
bounded maps of pure facts (a tag's table row, a parsed keypress pattern).

Rules create findings with :meth:`Context.finding`, which fills in the position and path
of the element concerned.

Rule modules are imported lazily, on the first validation, from :data:`RULE_MODULES`.
To add rules (e.g. graph-based reachability), write a module whose functions carry
``@rule`` and add its import path to that tuple; no existing rule needs to change. New
finding codes go into :data:`cftools.dialplan.CODES` (CF6xx is reserved for graph rules).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Literal

from cftools.dialplan._findings import CODES, DialplanParseError, Finding, Report
from cftools.dialplan._model import Dialplan, Element, document_order, malformed, path_of
from cftools.dialplan._parse import parsed_elements, parsed_parents, read
from cftools.dialplan._tags import TAGS, TagSpec

__all__ = [
    "RULES",
    "RULE_MODULES",
    "CallContext",
    "Context",
    "Rule",
    "rule",
    "spec_for_tag",
    "validate",
]

#: Modules whose ``@rule`` functions make up the validator, in the order they run.
RULE_MODULES: tuple[str, ...] = ("cftools.dialplan._rules", "cftools.dialplan._graph_rules")

Rule = Callable[["Context"], Iterable[Finding]]

#: Where a dialplan runs: a number's inbound IVR, or an outbound broadcast or call.
CallContext = Literal["inbound", "outbound"]

#: Every registered rule, in registration order.
RULES: list[Rule] = []

_loaded = False
_TAGS_BY_LOWER = {wire.lower(): spec for wire, spec in TAGS.items()}


def rule(function: Rule) -> Rule:
    """Register ``function`` as a validation rule (decorator); return it unchanged."""
    if function not in RULES:
        RULES.append(function)
    return function


def _load_rules() -> list[Rule]:
    global _loaded
    if not _loaded:
        for module in RULE_MODULES:
            importlib.import_module(module)
        _loaded = True
    return RULES


def spec_for_tag(tag: str) -> TagSpec | None:
    """The table row for ``tag``, tolerating case (``<Menu>``); ``None`` if unknown."""
    try:
        return _SPEC_BY_TAG[tag]
    except KeyError:
        spec = _TAGS_BY_LOWER.get(tag.lower())
        if len(_SPEC_BY_TAG) < 4096:  # bounded: unknown tags come from untrusted input
            _SPEC_BY_TAG[tag] = spec
        return spec


_SPEC_BY_TAG: dict[str, TagSpec | None] = dict(TAGS)


class Context:
    """What every rule sees: the dialplan and indexes computed once.

    * ``dialplan``: the root (a :class:`~cftools.dialplan.Dialplan`; its ``tag`` may
      not be ``dialplan`` when the document is wrong).
    * ``elements``: every element in document order, root first.
    * ``by_tag``: tag as written -> its elements in document order; :meth:`tagged`
      groups by table tag instead, merging case variants.
    * ``names``: ``name`` attribute (trimmed) -> elements carrying it, in order.
    * ``targets``: target name -> the ``goto`` elements and ``catch`` elements
      (``goto`` attribute) that jump there; variable targets (``${...}``) are left out,
      and ``dynamic_targets`` says whether there were any.
    * ``call_context``: ``"inbound"``, ``"outbound"`` or ``None`` (unknown), as given to
      :func:`validate`.
    * :meth:`spec`: the tag's table row, resolving a known tag written in another case
      (``<Menu>``); ``None`` for unknown tags.

    Rules should iterate ``by_tag``/``tagged()`` rather than ``elements`` where they
    can: validation is budgeted at a few times the cost of parsing.

    ``parents`` may pass what the caller already holds: the index in ``elements`` of
    each element's parent (-1 for the root), as the parser records it.
    """

    def __init__(
        self,
        dialplan: Element,
        elements: list[Element] | None = None,
        *,
        call_context: CallContext | None = None,
        parents: list[int] | None = None,
    ) -> None:
        self.dialplan = dialplan
        self.call_context = call_context
        self.elements: list[Element] = document_order(dialplan) if elements is None else elements
        if parents is None or len(parents) != len(self.elements):
            parents = _parent_indexes(self.elements)
        by_tag: dict[str, list[Element]] = {}
        names: dict[str, list[Element]] = {}
        first_named: dict[str, int] = {}
        variables: list[tuple[Element, str, str]] = []
        for index, element in enumerate(self.elements):
            tag = element.tag
            group = by_tag.get(tag)
            if group is None:
                by_tag[tag] = [element]
            else:
                group.append(element)
            text = element.text
            if text and "${" in text:
                variables.append((element, "", text))
            attrs = element.attrs
            if not attrs:
                continue
            for wire, value in attrs.items():
                if "${" in value:
                    variables.append((element, wire, value))
            name = attrs.get("name")
            if name is not None:
                name = name.strip()
                same = names.get(name)
                if same is None:
                    names[name] = [element]
                    first_named[name] = index
                else:
                    same.append(element)
        self.by_tag = by_tag
        self.names = names
        # Every text and attribute value holding "${", in document order: (element,
        # attribute name or "" for the text, value). Read by the variable rules.
        self._variables = variables
        # Document-order indexes: of each one's parent (-1 for the root; from the parser
        # when it recorded them) and each name -> the index of its first element. For the
        # graph rules. The index of each element (by id), for the order of findings, is
        # built on the first finding.
        self._index: dict[int, int] | None = None
        self._parents = parents
        self._first_named = first_named
        self._by_wire: dict[str, list[Element]] | None = None
        self.targets: dict[str, list[Element]] = {}
        self.dynamic_targets = False
        for element in self.tagged("goto"):
            self._add_target(element.value, element)
        for element in self.tagged("catch"):
            self._add_target((element.attrs.get("goto") or "").strip(), element)
        self._sequence = 0
        # Each element's index among its same-tag siblings, for paths (see path_of).
        self._sibling_indexes: dict[int, int] = {}
        # Work several rules share, done once per validation by the first rule that
        # needs it (e.g. the control-flow graph of the CF6xx rules).
        self._shared: dict[str, object] = {}

    def _add_target(self, target: str, element: Element) -> None:
        if "${" in target:
            self.dynamic_targets = True
        elif target:
            self.targets.setdefault(target, []).append(element)

    def tagged(self, wire: str) -> list[Element]:
        """The elements whose table tag is ``wire`` (case variants included)."""
        if self._by_wire is None:
            if all(tag in TAGS for tag in self.by_tag):  # the usual case: no case variants
                self._by_wire = self.by_tag
                return self.by_tag.get(wire, [])
            self._by_wire = {}
            for tag, group in self.by_tag.items():
                spec = spec_for_tag(tag)
                key = spec.wire if spec is not None else tag
                self._by_wire[key] = self._by_wire.get(key, []) + group
        return self._by_wire.get(wire, [])

    def spec(self, element: Element) -> TagSpec | None:
        """The element's row in the tag table (case-tolerant), or ``None``."""
        return spec_for_tag(element.tag)

    def finding(self, code: str, element: Element | None, message: str) -> Finding:
        """Create a finding about ``element`` (position and path filled in)."""
        if code not in CODES:
            raise KeyError(f"unknown finding code {code!r}: add it to CODES")
        self._sequence += 1
        if element is None:
            return Finding(code, message, order=(-1, self._sequence))
        if self._index is None:
            self._index = {id(e): i for i, e in enumerate(self.elements)}
        index = self._index.get(id(element), len(self.elements))
        return Finding(
            code,
            message,
            element.line,
            element.column,
            path_of(element, self._sibling_indexes),
            order=(index, self._sequence),
        )


def _parent_indexes(elements: list[Element]) -> list[int]:
    """The index in ``elements`` of each element's parent; -1 for the first element and
    for elements whose parent is not in the list."""
    index_of: dict[int, int] = {}
    parents: list[int] = []
    for index, element in enumerate(elements):
        index_of[id(element)] = index
        parent = element.parent
        parents.append(-1 if parent is None else index_of.get(id(parent), -1))
    return parents


def validate(
    source: str | bytes | Dialplan | Element, *, context: CallContext | None = None
) -> Report:
    """Check a dialplan and return every finding at once; never raises on bad input.

    ``source`` is XML text, XML bytes, or a dialplan built or parsed in Python.
    Unreadable XML gives a report holding the single parse finding (CF100/CF101).
    ``context`` says where the dialplan will run when known: ``"inbound"`` (a number's
    IVR configuration, where answering-machine detection makes no sense) or
    ``"outbound"`` (a broadcast or a call); any other value gives a report holding one
    CF100 finding that says so, as a source that is not XML does.
    """
    if context not in (None, "inbound", "outbound"):
        message = f"context must be 'inbound', 'outbound' or None, not {context!r}"
        return Report((Finding("CF100", f"cannot validate: {message}"),))
    elements: list[Element] | None = None
    parents: list[int] | None = None
    if isinstance(source, Element):
        problem = malformed(source)
        if problem is not None:
            return Report((Finding("CF100", f"cannot validate: {problem[1]}", path=problem[0]),))
        root: Element = source
    elif isinstance(source, (str, bytes)):
        try:
            root = read(source)
        except DialplanParseError as exc:
            return Report(exc.findings)
        elements = parsed_elements(root)
        parents = parsed_parents(root)
    else:
        kind = type(source).__name__
        return Report((Finding("CF100", f"cannot validate a {kind}: pass XML text or bytes"),))
    ctx = Context(root, elements, call_context=context, parents=parents)
    seen: set[tuple[str, str, str]] = set()
    findings: list[Finding] = []
    for check in _load_rules():
        for finding in check(ctx):
            key = (finding.code, finding.path, finding.message)
            if key not in seen:
                seen.add(key)
                findings.append(finding)
    findings.sort(key=lambda f: f.order)
    return Report(tuple(findings))


Context.__module__ = "cftools.dialplan"
