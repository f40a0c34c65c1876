"""Request checks: everything the client can tell is wrong before it sends a request.

:func:`check_request` takes an operation of the table, the parameters by their API names
and the body and files, and either returns the warnings (possibly none) or raises
:class:`RequestValidationError` listing **every** problem, each at its location::

    path.id: missing required parameter
    query.limit: expected integer (int32), got 'ten'
    query.fromNubmer: unknown parameter; did you mean 'fromNumber'?
    body[3].phoneNumber: '213-555-1100' is not a phone number: write digits only ...
    body[0].dialPlanXml: unknown property of CallRecipient; did you mean 'dialplanXml'?

What is checked, all driven by the schemas of the table:

* required path, query and form parameters and files are present; nothing is given that
  the operation does not know (query parameters, form fields, files, body properties
  outside free-form maps such as ``attributes``), with a did-you-mean;
* types, leniently as the server reads JSON and query strings: a string that reads as
  the right type is fine (``"true"``, ``"2"``), numbers are fine where a string is
  expected, ``None`` means "not given" for a parameter and ``null`` for a property;
  integers must fit their format (int32/int64) and the documented ranges;
* enumerations (voices, answering machine configs, statuses, the comma-separated
  ``states`` and ``results`` filters), case-sensitive as the server is;
* phone numbers: digits only, optionally after ``+``: 10 to 15 digits (a 10-digit North
  American number or an E.164 number with its country code) or a 5 or 6 digit short code;
* array limits (``sendCalls`` takes at most 10 recipients) and recipients that name
  neither a phone number nor a contact;
* ``fields`` expressions, compiled with :func:`cftools.fields.compile`; a
  :class:`~cftools.fields.FieldsSyntaxError` becomes one problem of the request (at
  ``query.fields``), the original exception chained as the error's ``__cause__``;
* every ``dialplanXml``, validated with :func:`cftools.dialplan.validate`: its errors are
  problems at the property's location, its warnings are returned.

Warnings (dialplan warnings, read-only properties the server ignores) never refuse a
request; the client logs them on the ``cftools`` logger.
"""

from __future__ import annotations

import difflib
import functools
import importlib
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from cftools._errors import CftoolsError

from ._operation import Operation, Parameter
from ._schemas import MODELS, Model, Schema

__all__ = ["Problem", "RequestValidationError", "check_request", "compile_fields"]

_INT_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
_INTEGER = re.compile(r"[+-]?\d+\Z")
_PHONE = re.compile(r"\+?\d{10,15}\Z|\d{5,6}\Z")
_PHONE_NOISE = re.compile(r"[\s().\-]")
_BOOLEAN_WORDS = {"true": True, "false": False}


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding about a request: where it is, what is wrong, and a stable code.

    ``location`` reads like an access path into the request: ``path.id``,
    ``query.limit``, ``files.file``, ``body``, ``body[3].phoneNumber``,
    ``body.sounds.liveSoundTextVoice``. ``code`` is one of ``missing``, ``unknown``,
    ``type``, ``range``, ``enum``, ``phone``, ``too-many``, ``recipient``, ``fields``,
    ``dialplan``, ``read-only``.
    """

    location: str
    message: str
    code: str = "invalid"

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class RequestValidationError(CftoolsError, ValueError):
    """A request refused before any I/O, with every problem found in it.

    ``problems`` lists them in request order (path, query, form, files, body);
    ``operation_id`` names the operation. ``str()`` shows one problem per line.
    """

    __module__ = "cftools.client"

    def __init__(self, operation_id: str, problems: Sequence[Problem]) -> None:
        self.operation_id = operation_id
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(operation_id, self.problems)

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{self.operation_id}: request refused, {count} problem{'s' * (count != 1)}"
        return "\n  ".join([head + ":", *(str(p) for p in self.problems)])


# -- The optional collaborators: cftools.fields and cftools.dialplan ----------------------


@functools.lru_cache(maxsize=256)
def compile_fields(expression: str) -> Any:
    """Compile a ``fields`` expression with :mod:`cftools.fields`, cached.

    The client calls this too (for ``project=True``), so an expression is parsed once.
    Raises :class:`cftools.fields.FieldsSyntaxError` on a malformed expression.
    """
    return importlib.import_module("cftools.fields").compile(expression)


@functools.lru_cache(maxsize=64)
def _dialplan_report(xml: str) -> Any:
    return importlib.import_module("cftools.dialplan").validate(xml)


@functools.cache
def _has(module: str, name: str) -> bool:
    """Whether ``cftools.<module>`` provides ``name`` (the parts may be built later)."""
    return callable(getattr(importlib.import_module(f"cftools.{module}"), name, None))


# -- Precomputed lookups per operation ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Plan:
    operation: Operation
    params: Mapping[str, Parameter]
    files: Mapping[str, Parameter]
    required: tuple[Parameter, ...]
    body: Parameter | None
    body_names: frozenset[str]


_PLANS: dict[str, _Plan] = {}


def _plan(operation: Operation) -> _Plan:
    plan = _PLANS.get(operation.operation_id)
    if plan is None or plan.operation is not operation:
        plan = _build_plan(operation)
        _PLANS[operation.operation_id] = plan
    return plan


def _build_plan(operation: Operation) -> _Plan:
    params: dict[str, Parameter] = {}
    files: dict[str, Parameter] = {}
    body: Parameter | None = None
    for parameter in operation.parameters:
        if parameter.location == "body":
            body = parameter
        elif parameter.schema is not None and parameter.schema.type == "file":
            files[parameter.name] = parameter
        else:
            params[parameter.name] = parameter
    body_names: frozenset[str] = frozenset()
    if body is not None:
        schema = body.schema.items if body.schema.type == "array" else body.schema
        if schema is not None and schema.ref is not None:
            body_names = frozenset(MODELS[schema.ref].properties)
    required = tuple(p for p in operation.parameters if p.required and p.location != "body")
    return _Plan(operation, params, files, required, body, body_names)


# -- The check ---------------------------------------------------------------------------


class _Findings:
    """Collects problems and warnings during one check."""

    __slots__ = ("causes", "problems", "warnings")

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.causes: list[BaseException] = []

    def add(self, location: str, message: str, code: str) -> None:
        self.problems.append(Problem(location, message, code))


def check_request(
    operation: Operation,
    params: Mapping[str, Any],
    *,
    body: Any = None,
    files: Mapping[str, Any] | None = None,
) -> list[Problem]:
    """Check one request before it is sent; return its warnings or raise with every problem.

    ``params`` holds the path, query and (non-file) form parameters by their API names;
    a ``None`` value means "not given". ``body`` is the JSON body as Python values
    (``None``: no body); ``files`` maps the names of file parameters to their content
    (any non-``None`` value; the client decides the accepted forms).

    Raises :class:`RequestValidationError` listing every problem; nothing is sent then.
    Returns the warnings (a possibly empty list of :class:`Problem`) for the caller to log.
    """
    plan = _plan(operation)
    found = _Findings()
    for needed in plan.required:
        source = files if needed.name in plan.files else params
        if source is None or source.get(needed.name) is None:
            where = "files" if needed.name in plan.files else needed.location
            found.add(f"{where}.{needed.name}", "missing required parameter", "missing")
    for name, value in params.items():
        if value is None:
            continue
        parameter = plan.params.get(name)
        if parameter is None:
            _unknown_parameter(plan, name, found)
            continue
        location = f"{parameter.location}.{name}"
        if parameter.collection_format == "multi":
            _check_multi(parameter.schema, value, location, found)
        else:
            _check(parameter.schema, value, location, found)
    if files:
        for name, value in files.items():
            if name not in plan.files and value is not None:
                hint = _did_you_mean(name, plan.files)
                found.add(f"files.{name}", f"unknown file parameter{hint}", "unknown")
    if body is not None:
        if plan.body is None:
            found.add("body", f"{operation.operation_id} takes no body", "unknown")
        else:
            _check(plan.body.schema, body, "body", found)
    if found.problems:
        error = RequestValidationError(operation.operation_id, found.problems)
        if found.causes:
            raise error from found.causes[0]
        raise error
    return found.warnings


def _unknown_parameter(plan: _Plan, name: str, found: _Findings) -> None:
    location = f"query.{name}"
    if name in plan.files:
        found.add(location, "is a file: pass it in files=", "unknown")
    elif name in plan.body_names:
        found.add(location, "is a property of the body: pass it inside body=", "unknown")
    else:
        hint = _did_you_mean(name, plan.params)
        found.add(location, f"unknown parameter of {plan.operation.operation_id}{hint}", "unknown")


def _did_you_mean(name: str, known: Mapping[str, Any] | frozenset[str]) -> str:
    folded = name.casefold()
    for candidate in known:
        if candidate.casefold() == folded:
            return f"; did you mean {candidate!r}?"
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _check_multi(schema: Schema, value: Any, location: str, found: _Findings) -> None:
    """A query array sent as repeated keys: a sequence, or one value standing alone."""
    if isinstance(value, (list, tuple)):
        _check(schema, value, location, found)
    elif schema.items is not None:
        _check(schema.items, value, location, found)


def _check(schema: Schema, value: Any, location: str, found: _Findings) -> None:
    """Check ``value`` against ``schema``; ``None`` is handled by the caller."""
    if schema.ref is not None:
        _check_object(MODELS[schema.ref], value, location, found)
        return
    kind = schema.type
    checker = _CHECKERS.get(kind) if kind is not None else None
    if checker is not None:
        checker(schema, value, location, found)


def _type_problem(schema: Schema, value: Any, location: str, found: _Findings) -> None:
    found.add(location, f"expected {schema.describe()}, got {_show(value)}", "type")


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, (Mapping, list, tuple)):
        return type(value).__name__
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _check_string(schema: Schema, value: Any, location: str, found: _Findings) -> None:
    if isinstance(value, str):
        text = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        text = str(value)  # the server reads a JSON number as its text
    elif schema.separator is not None and isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _check_string(schema, item, f"{location}[{index}]", found)
        return
    else:
        _type_problem(schema, value, location, found)
        return
    if schema.separator is not None:
        members = [m.strip() for m in text.split(schema.separator)]
        for member in members:
            _check_text(schema, member, location, found)
    else:
        _check_text(schema, text, location, found)


def _check_text(schema: Schema, text: str, location: str, found: _Findings) -> None:
    if schema.enum is not None and text not in schema.enum:
        hint = _did_you_mean(text, frozenset(schema.enum))
        shown = ", ".join(schema.enum) if len(schema.enum) <= 16 else f"{len(schema.enum)} values"
        found.add(location, f"{text!r} is not one of {shown}{hint}", "enum")
        return
    fmt = schema.format
    if fmt == "phone":
        _check_phone(text, location, found)
    elif fmt == "fields":
        _check_fields(text, location, found)
    elif fmt == "dialplan":
        _check_dialplan(text, location, found)


def _check_phone(text: str, location: str, found: _Findings) -> None:
    if _PHONE.match(text):
        return
    digits = _PHONE_NOISE.sub("", text)
    if digits != text and _PHONE.match(digits):
        found.add(
            location,
            f"{text!r} is not a phone number as the API takes it: write digits only, "
            f"e.g. {digits!r}",
            "phone",
        )
        return
    count = sum(c.isdigit() for c in text)
    hint = " (is the area code missing?)" if count == 7 else ""
    found.add(
        location,
        f"{text!r} is not a phone number{hint}: use 10 to 15 digits (E.164 like "
        "12132000384, or a 10-digit North American number) or a 5-6 digit short code",
        "phone",
    )


def _check_fields(text: str, location: str, found: _Findings) -> None:
    if not _has("fields", "compile"):
        return
    try:
        compile_fields(text)
    except CftoolsError as error:
        found.add(location, f"invalid fields expression: {error}", "fields")
        found.causes.append(error)


def _check_dialplan(text: str, location: str, found: _Findings) -> None:
    if not _has("dialplan", "validate"):
        return
    report = _dialplan_report(text)
    for finding in report.findings:
        where = f"line {finding.line}, column {finding.column}" if finding.line else "document"
        problem = Problem(
            location, f"dialplan {finding.code} at {where}: {finding.message}", "dialplan"
        )
        if finding.severity == "error":
            found.problems.append(problem)
        else:
            found.warnings.append(problem)


def _check_integer(schema: Schema, value: Any, location: str, found: _Findings) -> None:
    if isinstance(value, bool):
        _type_problem(schema, value, location, found)
        return
    if isinstance(value, int):
        number = value
    elif (isinstance(value, str) and _INTEGER.match(value.strip())) or (
        isinstance(value, float) and value.is_integer()
    ):
        number = int(value)
    else:
        _type_problem(schema, value, location, found)
        return
    low, high = _INT_RANGES.get(schema.format or "int64", _INT_RANGES["int64"])
    if schema.minimum is not None:
        low = schema.minimum
    if schema.maximum is not None:
        high = schema.maximum
    if not low <= number <= high:
        found.add(location, f"{number} is out of range {low}..{high}", "range")


def _check_number(schema: Schema, value: Any, location: str, found: _Findings) -> None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            _type_problem(schema, value, location, found)
            return
    else:
        _type_problem(schema, value, location, found)
        return
    if not math.isfinite(number):
        found.add(location, f"{_show(value)} is not a finite number", "type")


def _check_boolean(schema: Schema, value: Any, location: str, found: _Findings) -> None:
    if isinstance(value, bool):
        return
    if isinstance(value, str) and value.strip().lower() in _BOOLEAN_WORDS:
        return
    _type_problem(schema, value, location, found)


def _check_array(schema: Schema, value: Any, location: str, found: _Findings) -> None:
    if not isinstance(value, (list, tuple)):
        _type_problem(schema, value, location, found)
        return
    if schema.max_items is not None and len(value) > schema.max_items:
        found.add(
            location,
            f"has {len(value)} items; at most {schema.max_items} are allowed per request",
            "too-many",
        )
    items = schema.items
    if items is None:
        return
    for index, item in enumerate(value):
        where = f"{location}[{index}]"
        if item is None:
            _type_problem(items, item, where, found)
        else:
            _check(items, item, where, found)


def _check_map(schema: Schema, value: Any, location: str, found: _Findings) -> None:
    """A free-form map: any key, values of the ``additional`` schema (``null`` allowed)."""
    if not isinstance(value, Mapping):
        _type_problem(schema, value, location, found)
        return
    values = schema.additional
    for key, item in value.items():
        where = f"{location}.{key}"
        if not isinstance(key, str):
            found.add(where, f"map keys must be strings, got {_show(key)}", "type")
        elif item is not None and values is not None:
            _check(values, item, where, found)


def _check_file(schema: Schema, value: Any, location: str, found: _Findings) -> None:
    return  # presence is checked with the required parameters


def _check_object(model: Model, value: Any, location: str, found: _Findings) -> None:
    if not isinstance(value, Mapping):
        found.add(location, f"expected {model.name} object, got {_show(value)}", "type")
        return
    properties = model.properties
    for key, item in value.items():
        where = f"{location}.{key}"
        schema = properties.get(key)
        if schema is None:
            hint = _did_you_mean(str(key), properties)
            found.add(
                where,
                f"unknown property of {model.name}{hint} (the server ignores it silently)",
                "unknown",
            )
        elif item is None:
            continue
        elif schema.read_only:
            found.warnings.append(
                Problem(where, "is set by the server; requests cannot change it", "read-only")
            )
        else:
            _check(schema, item, where, found)
    if model.one_of and all(value.get(name) is None for name in model.one_of):
        found.add(
            location,
            f"names no recipient: set {' or '.join(model.one_of)}",
            "recipient",
        )


_CHECKERS: dict[str, Callable[[Schema, Any, str, _Findings], None]] = {
    "string": _check_string,
    "integer": _check_integer,
    "number": _check_number,
    "boolean": _check_boolean,
    "array": _check_array,
    "object": _check_map,
    "file": _check_file,
}
