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

The rules run in the order of :data:`RULE_MODULES`, and within a module in the order
they are defined. The context and the registry live in
:mod:`cftools.dialplan._context`, below the rule modules, which this module imports:
every module of the package imports only downward. To add rules, write a module whose
functions carry ``@rule`` and add its import path to that tuple (it is imported on the
first validation); no existing rule needs to change. New finding codes go into
:data:`cftools.dialplan.CODES` (CF6xx is reserved for graph rules).
"""

from __future__ import annotations

import importlib

# The built-in rule modules, imported for the rules they register (in this order).
from cftools.dialplan import _graph_rules, _rules  # noqa: F401  (registration)
from cftools.dialplan._context import RULES, CallContext, Context, Rule, rule, spec_for_tag
from cftools.dialplan._findings import DialplanParseError, Finding, Report
from cftools.dialplan._model import Dialplan, Element, malformed
from cftools.dialplan._parse import parsed_elements, parsed_parents, read

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

#: Modules whose ``@rule`` functions make up the validator, in the order they run. The
#: built-in ones are imported above; a module added here (e.g. a project's own rules)
#: is imported on the first validation.
RULE_MODULES: tuple[str, ...] = ("cftools.dialplan._rules", "cftools.dialplan._graph_rules")


_ordered: tuple[tuple[str, ...], int, list[Rule]] | None = None


def _load_rules() -> list[Rule]:
    """Every registered rule, modules in :data:`RULE_MODULES` order (rules registered
    from elsewhere last), each module's rules in definition order."""
    global _ordered
    if _ordered is None or _ordered[:2] != (RULE_MODULES, len(RULES)):
        for module in RULE_MODULES:
            importlib.import_module(module)  # a no-op once imported
        rank = {module: i for i, module in enumerate(RULE_MODULES)}
        rules = sorted(RULES, key=lambda r: rank.get(r.__module__, len(rank)))
        _ordered = (RULE_MODULES, len(RULES), rules)
    return _ordered[2]


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
