"""What every validation rule sees: the :class:`Context` and the rule registry.

A rule is a function ``rule(ctx: Context) -> Iterable[Finding]`` registered with the
:func:`rule` decorator. The :class:`Context` is built once per validation by
:func:`cftools.dialplan.validate` (see :mod:`cftools.dialplan._validate` for the order of
work) and indexes the document in one pass, so that rules read indexes instead of
walking the tree again.

This module sits below the rule modules (``_rules``, ``_graph_rules``), which import it
to register themselves; :mod:`cftools.dialplan._validate` imports those modules and runs
them. Nothing here imports a rule module, so the package has no import cycle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal

from cftools.dialplan._findings import CODES, Finding
from cftools.dialplan._model import Element, document_order, path_of
from cftools.dialplan._tags import TAGS, TagSpec

__all__ = ["RULES", "CallContext", "Context", "Rule", "rule", "spec_for_tag"]

Rule = Callable[["Context"], Iterable[Finding]]

#: Where a dialplan runs: a number's inbound IVR, or an outbound broadcast or call.
CallContext = Literal["inbound", "outbound"]

#: Every registered rule, in registration order.
RULES: list[Rule] = []

_TAGS_BY_LOWER = {wire.lower(): spec for wire, spec in TAGS.items()}


def rule(function: Rule) -> Rule:
    """Register ``function`` as a validation rule (decorator); return it unchanged."""
    if function not in RULES:
        RULES.append(function)
    return function


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
                self._by_wire.setdefault(key, []).extend(group)
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


Context.__module__ = "cftools.dialplan"
