"""The validator: a registry of rule functions run over the parsed model.

A rule is a function ``rule(ctx: Context) -> Iterable[Finding]`` registered with the
:func:`rule` decorator. :func:`validate` parses the source once, builds one
:class:`Context` (document-order element list, name index, goto targets, resolved tag
specs) and runs every registered rule over it; the findings are de-duplicated and
sorted into document order. Rules create findings with :meth:`Context.finding`, which
fills in the position and path of the element concerned.

Rule modules are imported lazily, on the first validation, from :data:`RULE_MODULES`.
To add rules (e.g. graph-based reachability), write a module whose functions carry
``@rule`` and add its import path to that tuple; no existing rule needs to change. New
finding codes go into :data:`cftools.dialplan.CODES` (CF6xx is reserved for graph rules).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import Any

from cftools.dialplan._findings import CODES, DialplanParseError, Finding, Report
from cftools.dialplan._model import Dialplan, Element
from cftools.dialplan._parse import read
from cftools.dialplan._tags import TAGS, TagSpec

__all__ = ["RULES", "RULE_MODULES", "Context", "Rule", "rule", "validate"]

#: Modules whose ``@rule`` functions make up the validator, in the order they run.
RULE_MODULES: tuple[str, ...] = ("cftools.dialplan._rules", "cftools.dialplan._graph_rules")

Rule = Callable[["Context"], Iterable[Finding]]

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


class Context:
    """What every rule sees: the dialplan and indexes computed once.

    * ``dialplan``: the root (a :class:`~cftools.dialplan.Dialplan`; its ``tag`` may
      not be ``dialplan`` when the document is wrong).
    * ``elements``: every element in document order, root first.
    * ``names``: ``name`` attribute -> elements carrying it, in document order.
    * ``targets``: target name -> the ``goto`` elements and ``catch`` elements
      (``goto`` attribute) that jump there; variable targets (``${...}``) are left out.
    * :meth:`spec`: the tag's table row, resolving a known tag written in another case
      (``<Menu>``); ``None`` for unknown tags.
    """

    def __init__(self, dialplan: Element) -> None:
        self.dialplan = dialplan
        self.elements: list[Element] = list(dialplan.iter())
        self._index = {id(e): i for i, e in enumerate(self.elements)}
        self._specs: dict[int, TagSpec | None] = {}
        self.names: dict[str, list[Element]] = {}
        self.targets: dict[str, list[Element]] = {}
        for element in self.elements:
            spec = TAGS.get(element.tag) or _TAGS_BY_LOWER.get(element.tag.lower())
            self._specs[id(element)] = spec
            name = element.attrs.get("name")
            if name is not None:
                self.names.setdefault(name.strip(), []).append(element)
            target = None
            if spec is not None and spec.wire == "goto":
                target = element.value
            elif spec is not None and spec.wire == "catch":
                target = (element.attrs.get("goto") or "").strip()
            if target and "${" not in target:
                self.targets.setdefault(target, []).append(element)
        self._sequence = 0

    def spec(self, element: Element) -> TagSpec | None:
        """The element's row in the tag table (case-tolerant), or ``None``."""
        return self._specs.get(id(element))

    def finding(self, code: str, element: Element | None, message: str) -> Finding:
        """Create a finding about ``element`` (position and path filled in)."""
        if code not in CODES:
            raise KeyError(f"unknown finding code {code!r}: add it to CODES")
        self._sequence += 1
        if element is None:
            return Finding(code, message, order=(-1, self._sequence))
        index = self._index.get(id(element), len(self.elements))
        return Finding(
            code,
            message,
            element.line,
            element.column,
            element.path,
            order=(index, self._sequence),
        )


def validate(source: str | bytes | Dialplan | Element, **options: Any) -> Report:
    """Check a dialplan and return every finding at once; never raises on bad input.

    ``source`` is XML text, XML bytes, or a dialplan built or parsed in Python.
    Unreadable XML gives a report holding the single parse finding (CF100/CF101).
    ``options`` are reserved for rule modules and currently unused.
    """
    if isinstance(source, Element):
        root: Element = source
    elif isinstance(source, (str, bytes)):
        try:
            root = read(source)
        except DialplanParseError as exc:
            return Report(exc.findings)
    else:
        kind = type(source).__name__
        return Report((Finding("CF100", f"cannot validate a {kind}: pass XML text or bytes"),))
    ctx = Context(root)
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
