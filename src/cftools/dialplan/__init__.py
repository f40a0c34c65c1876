"""Author, read and validate CallFire IVR XML (``dialplanXml``).

A dialplan is the XML script CallFire runs on an IVR call: menus, key presses,
text-to-speech, transfers, variables. This package describes that language in one table
(:data:`TAGS`) and uses it everywhere:

* **Build** with a typed builder: ``Dialplan(name="Root")`` and one method per tag
  (``menu()``, ``keypress()``, ``play()``...), each returning the new child, usable as a
  ``with`` block. :meth:`Dialplan.to_xml` writes canonical XML.
* **Read** with :func:`parse`, which is safe by construction (no DTD, no entities, no
  network, a size limit) and keeps comments and source positions.
* **Validate** with :func:`validate`, which never raises on bad input and returns a
  :class:`Report` of :class:`Finding` objects, each with a stable code (see
  :data:`CODES`), a severity, a message saying how to fix it, and a line, column and
  path.
* **Draw** with :func:`to_mermaid`, :func:`to_dot` and :func:`to_svg`, all read from one
  control-flow graph (:func:`build_graph`), which also feeds the CF6xx lint rules
  (unreachable tags, endless menus, branches that end unlike the others).
* **Simulate** a call offline with :func:`simulate`: scripted key presses, transfer
  outcomes and HTTP answers in, a :class:`Transcript` of small immutable events out.
  Expressions run in a sandboxed JavaScript engine (QuickJS, the ``simulate`` extra).

The object model (:class:`Element`, :class:`Comment`, :class:`Dialplan`) is plain and
documented so other tools can walk it; validation rules are a registry of functions
(:func:`rule`) so more can be added without touching the built-in ones.

This package does not talk to CallFire; :mod:`cftools.client` calls :func:`validate`
before sending a ``dialplanXml``.
"""

from __future__ import annotations

from cftools.dialplan import _model, _serialize
from cftools.dialplan._findings import (
    CODES,
    CodeInfo,
    DialplanError,
    DialplanParseError,
    DialplanTypeError,
    Finding,
    Report,
)
from cftools.dialplan._graph import Edge, Graph, GraphNode, build_graph, to_dot, to_mermaid, to_svg
from cftools.dialplan._js import JavaScriptError
from cftools.dialplan._model import Comment, Dialplan, Element, Node
from cftools.dialplan._parse import MAX_SIZE, parse
from cftools.dialplan._simulate import ExpressionError, SimulationError, StepLimitError, simulate
from cftools.dialplan._tags import TAGS, AttrSpec, TagSpec
from cftools.dialplan._transcript import (
    Amd,
    Dnc,
    Dtmf,
    End,
    Event,
    Hangup,
    Http,
    Input,
    Play,
    Record,
    Set,
    Skip,
    Sms,
    Transcript,
    Transfer,
    Wait,
)  # fmt: skip
from cftools.dialplan._validate import RULE_MODULES, CallContext, Context, Rule, rule, validate

# Dialplan.to_xml() and Dialplan.validate() run the serializer and the validator, which
# sit above the model; the model takes them from here rather than importing them.
_model.attach(
    to_xml=lambda root, pretty, declaration: _serialize.to_xml(
        root, pretty=pretty, xml_declaration=declaration
    ),
    validate=lambda root, context: validate(root, context=context),
)

__all__ = [
    "CODES",
    "MAX_SIZE",
    "RULE_MODULES",
    "TAGS",
    "AttrSpec",
    "CallContext",
    "CodeInfo",
    "Comment",
    "Context",
    "Dialplan",
    "DialplanError",
    "DialplanParseError",
    "DialplanTypeError",
    "Element",
    "Finding",
    "Node",
    "Report",
    "Rule",
    "TagSpec",
    "parse",
    "rule",
    "validate",
]

# Drawing and simulation (kept apart so that the two lists merge independently).
__all__ += [
    "Amd", "Dnc", "Dtmf", "Edge", "End", "Event", "ExpressionError", "Graph", "GraphNode",
    "Hangup", "Http", "Input", "JavaScriptError", "Play", "Record", "Set", "SimulationError",
    "Skip", "Sms", "StepLimitError", "Transcript", "Transfer", "Wait", "build_graph",
    "simulate", "to_dot", "to_mermaid", "to_svg",
]  # fmt: skip
