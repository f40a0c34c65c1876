"""Request checks: everything the client can tell is wrong before it sends a request.

:func:`check_request` takes an operation of the table, the parameters by their API names
and the body and files, and either returns the warnings (possibly none) or raises
:class:`RequestValidationError` listing **every** problem, each at its location::

    path.id: missing required parameter
    query.limit: expected integer (int32), got 'ten'
    query.fromNubmer: unknown parameter of findCalls; did you mean 'fromNumber'?
    body[3].phoneNumber: '213-555-1100' is not a phone number as the API takes it: ...
    body[0].dialPlanXml: unknown property of CallRecipient; did you mean 'dialplanXml'? ...

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
  then every name in it is looked up in the operation's response (see
  :func:`response_shape`): a name that is not there but close to one that is
  (``items(toNumbr)``) is a problem with a did-you-mean, a name close to nothing only a
  warning (the specification can lag the server); ``*`` and the keys of free-form maps
  are always accepted;
* every ``dialplanXml``, validated with :func:`cftools.dialplan.validate`: its errors are
  problems at the property's location, its warnings are returned.

Warnings (dialplan warnings, read-only properties the server ignores, ``fields`` names
the specification does not know) never refuse a request; the client logs them on the
``cftools`` logger.
"""

from __future__ import annotations

import difflib
import functools
import importlib
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cftools._errors import CftoolsError

from ._operation import Operation, Parameter
from ._schemas import MODELS, Model, Schema
from ._shapes import SHAPES, WEBHOOK_RESOURCE_MODELS

if TYPE_CHECKING:
    from cftools.fields import Projector

__all__ = [
    "Problem",
    "RequestValidationError",
    "check_fields_names",
    "check_request",
    "compile_fields",
    "find_unencodable",
    "response_shape",
    "unencodable",
]

_INT_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_PHONE = re.compile(r"\+?[0-9]{10,15}\Z|[0-9]{5,6}\Z")
_PHONE_NOISE = re.compile(r"[\s().\-]")
_BOOLEAN_WORDS = {"true": True, "false": False}


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding about a request: where it is, what is wrong, and a stable code.

    ``location`` reads like an access path into the request: ``path.id``,
    ``query.limit``, ``files.file``, ``body``, ``body[3].phoneNumber``,
    ``body.sounds.liveSoundTextVoice``. ``code`` is one of ``missing``, ``unknown``,
    ``type``, ``range``, ``enum``, ``phone``, ``too-many``, ``recipient``, ``fields``,
    ``field-name``, ``dialplan``, ``read-only``, ``encoding`` (text UTF-8 cannot carry),
    ``conflict``; among warnings also ``field-unknown``.
    """

    location: str
    message: str
    code: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class RequestValidationError(CftoolsError, ValueError):
    """A request refused before any I/O, with every problem found in it.

    ``problems`` lists them in a stable order: missing parameters, then the given
    parameters in the caller's order, files, and the body in document order.
    ``operation_id`` names the operation; ``str()`` shows one problem per line.
    """

    __module__ = "cftools.spec"

    def __init__(self, operation_id: str, problems: Sequence[Problem]) -> None:
        self.operation_id = operation_id
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(operation_id, self.problems)

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{self.operation_id}: request refused, {count} problem{'s' * (count != 1)}"
        return "\n  ".join([head + ":", *(str(p) for p in self.problems)])


# -- The collaborators: cftools.fields and cftools.dialplan, imported on first use ---------


@functools.lru_cache(maxsize=256)
def compile_fields(expression: str) -> Projector:
    """Compile a ``fields`` expression with :mod:`cftools.fields`, cached.

    The client calls this too (for ``project=True``), so an expression is parsed once.
    Raises :class:`cftools.fields.FieldsSyntaxError` on a malformed expression.
    """
    projector: Projector = importlib.import_module("cftools.fields").compile(expression)
    return projector


@functools.lru_cache(maxsize=64)
def _dialplan_report(xml: str) -> Any:
    return importlib.import_module("cftools.dialplan").validate(xml)


# -- Compiled checkers ---------------------------------------------------------------------
#
# Each schema is turned once into a checker function ``check(value, path, found)``; a
# request then costs one call per value and no string work unless something is wrong.
# ``path`` is a linked list of ``(parent, key)`` tuples ending in the root string
# (``"body"``, ``"query.id"``); it becomes ``body[3].phoneNumber`` only in a problem.

_Path = Any  # str | tuple[_Path, str | int]
_Checker = Callable[[Any, _Path, "_Findings"], None]


def _render(path: _Path) -> str:
    parts: list[str] = []
    while type(path) is tuple:
        path, key = path
        if type(key) is str and not key.isascii() and unencodable(key) is not None:
            parts.append(f"[{key!r}]")  # a lone surrogate cannot even be printed
        else:
            parts.append(f"[{key}]" if type(key) is int else f".{key}")
    return str(path) + "".join(reversed(parts))


class _Findings:
    """Collects problems and warnings during one check."""

    __slots__ = ("causes", "problems", "warnings")

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.causes: list[BaseException] = []

    def add(self, path: _Path, message: str, code: str) -> None:
        self.problems.append(Problem(_render(path), message, code))

    def names(self, problems: Iterable[Problem]) -> None:
        """File ``fields`` name problems: a near miss refuses the request, the rest warn."""
        for problem in problems:
            (self.problems if problem.code == "field-name" else self.warnings).append(problem)

    def warn(self, path: _Path, message: str, code: str) -> None:
        self.warnings.append(Problem(_render(path), message, code))

    def wrong_type(self, schema: Schema, value: Any, path: _Path) -> None:
        self.add(path, f"expected {schema.describe()}, got {_show(value)}", "type")


def unencodable(text: str) -> str | None:
    """Why ``text`` cannot be sent (it holds a lone surrogate, which UTF-8 cannot
    carry), or ``None`` when it can. ``json.loads`` makes such text from half of an
    escaped emoji pair (``"Hi \\ud83d"``)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return (
            f"contains a lone surrogate ({text[exc.start]!r} at index {exc.start}), half "
            "of a UTF-16 pair such as a cut emoji, which UTF-8 cannot carry; remove it "
            "or restore its other half"
        )
    return None


def find_unencodable(value: Any, root: Any) -> tuple[str, str] | None:
    """The location (``root`` then ``[3].key`` steps) and the reason of the first text in
    a JSON-like ``value`` (keys included) that cannot be sent, or ``None``. ``root`` is a
    name (``"body"``) or a ``(parent, key)`` pair of them (``("query", "label")``)."""
    stack: list[tuple[Any, _Path]] = [(value, root)]
    while stack:
        item, path = stack.pop()
        if type(item) is str or isinstance(item, str):
            reason = None if item.isascii() else unencodable(item)
            if reason is not None:
                return _render(path), reason
        elif isinstance(item, Mapping):
            for key, child in reversed(list(item.items())):
                if isinstance(key, str) and not key.isascii():
                    reason = unencodable(key)
                    if reason is not None:
                        return _render((path, key)), f"the key {reason}"
                stack.append((child, (path, key)))
        elif isinstance(item, (list, tuple)):
            stack.extend((child, (path, i)) for i, child in reversed(list(enumerate(item))))
    return None


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, (Mapping, list, tuple)):
        return type(value).__name__
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


_COMPILED: dict[int, tuple[Schema, _Checker]] = {}
_MODEL_CHECKERS: dict[str, _Checker] = {}


def _compile(schema: Schema) -> _Checker:
    """The checker of ``schema``, built once (keyed by identity: the tables are static)."""
    entry = _COMPILED.get(id(schema))
    if entry is None or entry[0] is not schema:
        entry = (schema, _build(schema))
        _COMPILED[id(schema)] = entry
    return entry[1]


def _build(schema: Schema) -> _Checker:
    if schema.ref is not None:
        return _model_checker(schema.ref)
    builder = _BUILDERS.get(schema.type or "")
    return builder(schema) if builder is not None else _accept


def _accept(value: Any, path: _Path, found: _Findings) -> None:
    return


def _model_checker(name: str) -> _Checker:
    checker = _MODEL_CHECKERS.get(name)
    if checker is None:
        # Install a forwarder first so that models referring to each other terminate.
        _MODEL_CHECKERS[name] = lambda value, path, found: _MODEL_CHECKERS[name](value, path, found)
        checker = _build_model(MODELS[name])
        _MODEL_CHECKERS[name] = checker
    return checker


def _build_model(model: Model) -> _Checker:
    # Per property: (read-only, checker, plain): a plain string property is settled by
    # a type test, without a call.
    properties = {
        key: (
            schema.read_only,
            _compile(schema),
            schema.type == "string" and schema.enum is None and schema.format is None,
        )
        for key, schema in model.properties.items()
    }
    one_of = model.one_of
    name = model.name

    def check(value: Any, path: _Path, found: _Findings) -> None:
        if type(value) is not dict and not isinstance(value, Mapping):
            found.add(path, f"expected {name} object, got {_show(value)}", "type")
            return
        for key, item in value.items():
            entry = properties.get(key)
            if entry is None:
                hint = _did_you_mean(str(key), properties)
                message = f"unknown property of {name}{hint} (the server ignores it silently)"
                found.add((path, key), message, "unknown")
            elif item is None or (entry[2] and type(item) is str and item.isascii()):
                continue
            elif entry[0]:
                message = "is set by the server; requests cannot change it"
                found.warn((path, key), message, "read-only")
            else:
                entry[1](item, (path, key), found)
        if one_of:
            for key in one_of:
                if value.get(key) is not None:
                    break
            else:
                found.add(path, f"names no recipient: set {' or '.join(one_of)}", "recipient")

    return check


def _build_string(schema: Schema) -> _Checker:
    text_check = _text_checker(schema)
    separator = schema.separator

    def check(value: Any, path: _Path, found: _Findings) -> None:
        kind = type(value)
        if kind is str:
            text = value
        elif kind is int or kind is float:
            text = str(value)  # the server reads a JSON number as its text
        elif separator is not None and (kind is list or kind is tuple):
            for index, item in enumerate(value):
                check(item, (path, index), found)
            return
        elif isinstance(value, (int, float, str)) and not isinstance(value, bool):
            text = str(value)
        else:
            found.wrong_type(schema, value, path)
            return
        if not text.isascii():
            reason = unencodable(text)
            if reason is not None:
                found.add(path, reason, "encoding")
                return
        if text_check is None:
            return
        if separator is None:
            text_check(text, path, found)
        else:
            for member in text.split(separator):
                text_check(member.strip(), path, found)

    return check


def _text_checker(schema: Schema) -> Callable[[str, _Path, _Findings], None] | None:
    enum = frozenset(schema.enum) if schema.enum is not None else None
    fmt = schema.format
    if enum is not None:
        assert schema.enum is not None
        listed = schema.enum

        def check_enum(text: str, path: _Path, found: _Findings) -> None:
            if text not in enum:
                hint = _did_you_mean(text, listed)
                shown = ", ".join(listed) if len(listed) <= 16 else f"{len(listed)} values"
                found.add(path, f"{_show(text)} is not one of {shown}{hint}", "enum")

        return check_enum
    return _FORMAT_CHECKERS.get(fmt) if fmt is not None else None


def _check_phone(text: str, path: _Path, found: _Findings) -> None:
    if _PHONE.match(text):
        return
    digits = _PHONE_NOISE.sub("", text)
    if digits != text and _PHONE.match(digits):
        found.add(
            path,
            f"{_show(text)} is not a phone number as the API takes it: write digits only, "
            f"e.g. {digits!r}",
            "phone",
        )
        return
    count = sum("0" <= c <= "9" for c in text)
    hint = " (is the area code missing?)" if count == 7 else ""
    found.add(
        path,
        f"{_show(text)} is not a phone number{hint}: use 10 to 15 digits (E.164 like "
        "12132000384, or a 10-digit North American number) or a 5-6 digit short code",
        "phone",
    )


def _check_fields(text: str, path: _Path, found: _Findings) -> None:
    try:
        compile_fields(text)
    except CftoolsError as error:
        first_line = str(error).split("\n", 1)[0]  # without the caret display
        found.add(path, f"invalid fields expression {_show(text)}: {first_line}", "fields")
        found.causes.append(error)


def _check_dialplan(text: str, path: _Path, found: _Findings) -> None:
    report = _dialplan_report(text)
    for finding in report.findings:
        where = f"line {finding.line}, column {finding.column}" if finding.line else "document"
        message = f"dialplan {finding.code} at {where}: {finding.message}"
        if finding.severity == "error":
            found.add(path, message, "dialplan")
        else:
            found.warn(path, message, "dialplan")


_FORMAT_CHECKERS: dict[str, Callable[[str, _Path, _Findings], None]] = {
    "phone": _check_phone,
    "fields": _check_fields,
    "dialplan": _check_dialplan,
}


def _build_integer(schema: Schema) -> _Checker:
    low, high = _INT_RANGES.get(schema.format or "int64", _INT_RANGES["int64"])
    if schema.minimum is not None:
        low = schema.minimum
    if schema.maximum is not None:
        high = schema.maximum

    def check(value: Any, path: _Path, found: _Findings) -> None:
        kind = type(value)
        if kind is int:
            number = value
        elif kind is bool:
            found.wrong_type(schema, value, path)
            return
        elif (
            (kind is str and _INTEGER.match(value.strip()))
            or (kind is float and value.is_integer())
            or isinstance(value, int)  # an int subclass such as an IntEnum member
        ):
            number = int(value)
        else:
            found.wrong_type(schema, value, path)
            return
        if not low <= number <= high:
            found.add(path, f"{number} is out of range {low}..{high}", "range")

    return check


def _build_number(schema: Schema) -> _Checker:
    def check(value: Any, path: _Path, found: _Findings) -> None:
        kind = type(value)
        if kind is int:
            return
        if kind is float:
            number = value
        elif kind is str:
            try:
                number = float(value)
            except ValueError:
                found.wrong_type(schema, value, path)
                return
        else:
            found.wrong_type(schema, value, path)
            return
        if not math.isfinite(number):
            found.add(path, f"{_show(value)} is not a finite number", "type")

    return check


def _build_boolean(schema: Schema) -> _Checker:
    def check(value: Any, path: _Path, found: _Findings) -> None:
        if value is True or value is False:
            return
        if type(value) is str and value.strip().lower() in _BOOLEAN_WORDS:
            return
        found.wrong_type(schema, value, path)

    return check


def _build_array(schema: Schema) -> _Checker:
    items = schema.items
    item_check = _compile(items) if items is not None else None
    limit = schema.max_items

    def check(value: Any, path: _Path, found: _Findings) -> None:
        if type(value) is not list and type(value) is not tuple:
            found.wrong_type(schema, value, path)
            return
        if limit is not None and len(value) > limit:
            message = f"has {len(value)} items; at most {limit} are allowed per request"
            found.add(path, message, "too-many")
        if item_check is None or items is None:
            return
        for index, item in enumerate(value):
            if item is None:
                found.wrong_type(items, item, (path, index))
            else:
                item_check(item, (path, index), found)

    return check


def _build_map(schema: Schema) -> _Checker:
    """A free-form map: any key, values of the ``additional`` schema (``null`` allowed)."""
    value_check = _compile(schema.additional) if schema.additional is not None else None

    def check(value: Any, path: _Path, found: _Findings) -> None:
        if type(value) is not dict and not isinstance(value, Mapping):
            found.wrong_type(schema, value, path)
            return
        for key, item in value.items():
            if type(key) is not str:
                found.add((path, key), f"map keys must be strings, got {_show(key)}", "type")
            elif not key.isascii() and (reason := unencodable(key)) is not None:
                found.add((path, key), f"the key {reason}", "encoding")
            elif item is not None and value_check is not None:
                value_check(item, (path, key), found)

    return check


_BUILDERS: dict[str, Callable[[Schema], _Checker]] = {
    "string": _build_string,
    "integer": _build_integer,
    "number": _build_number,
    "boolean": _build_boolean,
    "array": _build_array,
    "object": _build_map,
    "file": lambda schema: _accept,  # presence is checked with the required parameters
}


# -- Precomputed lookups per operation ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Plan:
    operation: Operation
    params: Mapping[str, tuple[str, _Checker, _Checker | None]]  # root, check, single item
    files: frozenset[str]
    required: tuple[tuple[str, bool, str], ...]  # name, is a file, root location
    body: _Checker | None
    body_names: frozenset[str]


_PLANS: dict[str, _Plan] = {}


def _plan(operation: Operation) -> _Plan:
    plan = _PLANS.get(operation.operation_id)
    if plan is None or plan.operation is not operation:
        plan = _build_plan(operation)
        _PLANS[operation.operation_id] = plan
    return plan


def _build_plan(operation: Operation) -> _Plan:
    params: dict[str, tuple[str, _Checker, _Checker | None]] = {}
    files: set[str] = set()
    body: Parameter | None = None
    for parameter in operation.parameters:
        schema = parameter.schema
        if parameter.location == "body":
            body = parameter
        elif schema.type == "file":
            files.add(parameter.name)
        else:
            single = None
            if parameter.collection_format == "multi" and schema.items is not None:
                single = _compile(schema.items)  # one value standing for a one-item array
            root = f"{parameter.location}.{parameter.name}"
            params[parameter.name] = (root, _compile(schema), single)
    body_names: frozenset[str] = frozenset()
    if body is not None:
        inner = body.schema.items if body.schema.type == "array" else body.schema
        if inner is not None and inner.ref is not None:
            body_names = frozenset(MODELS[inner.ref].properties)
    required = tuple(
        (p.name, p.name in files, "files" if p.name in files else p.location)
        for p in operation.parameters
        if p.required and p.location != "body"
    )
    body_check = _compile(body.schema) if body is not None else None
    return _Plan(operation, params, frozenset(files), required, body_check, body_names)


# -- The check ---------------------------------------------------------------------------


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
    for name, is_file, where in plan.required:
        source = files if is_file else params
        if source is None or source.get(name) is None:
            found.add(f"{where}.{name}", "missing required parameter", "missing")
    known = plan.params
    for name, value in params.items():
        if value is None:
            continue
        entry = known.get(name)
        if entry is None:
            _unknown_parameter(plan, name, found)
            continue
        root, check, single = entry
        if single is not None and type(value) is not list and type(value) is not tuple:
            single(value, root, found)
        else:
            check(value, root, found)
    expression = params.get("fields")
    if (
        type(expression) is str
        and "fields" in known  # else it was refused as unknown, its syntax unchecked
        and not found.causes
        and operation.result is not None
    ):
        found.names(check_fields_names(operation, expression))
    if files:
        for name, value in files.items():
            if name not in plan.files and value is not None:
                hint = _did_you_mean(name, plan.files)
                found.add(f"files.{name}", f"unknown file parameter{hint}", "unknown")
    if body is not None:
        if plan.body is None:
            found.add("body", f"{operation.operation_id} takes no body", "unknown")
        else:
            plan.body(body, "body", found)
            if not found.causes and _carries_webhook(operation):
                _check_webhook_fields(body, found)
    if found.problems:
        error = RequestValidationError(operation.operation_id, found.problems)
        if found.causes:
            raise error from found.causes[0]
        raise error
    return found.warnings


def _carries_webhook(operation: Operation) -> bool:
    body = operation.body
    return body is not None and body.schema is not None and body.schema.ref == "Webhook"


def _check_webhook_fields(body: Any, found: _Findings) -> None:
    """A webhook's ``fields`` projects the resource it reports: check its names against
    the definition that resource type carries (as ``query.fields`` is checked against
    the response)."""
    if not isinstance(body, Mapping):
        return
    expression, resource = body.get("fields"), body.get("resource")
    model = WEBHOOK_RESOURCE_MODELS.get(resource) if isinstance(resource, str) else None
    if type(expression) is not str or model is None:
        return
    found.names(_names_problems(model, expression, "body.fields", "resource"))


def _unknown_parameter(plan: _Plan, name: str, found: _Findings) -> None:
    location = _render(("query", name))
    if name in plan.files:
        found.add(location, "is a file: pass it in files=", "unknown")
    elif name in plan.body_names:
        found.add(location, "is a property of the body: pass it inside body=", "unknown")
    else:
        hint = _did_you_mean(name, plan.params)
        found.add(location, f"unknown parameter of {plan.operation.operation_id}{hint}", "unknown")


def _did_you_mean(name: str, known: Iterable[str]) -> str:
    candidates = list(known)
    folded = name.casefold()
    for candidate in candidates:
        if candidate.casefold() == folded:
            return f"; did you mean {candidate!r}?"
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


# -- The names of ``fields`` against the response ------------------------------------------


class _Shape(Mapping[str, "_Shape | None"]):
    """The shape of a definition for :func:`cftools.fields.check`, resolved on access.

    Definitions refer to each other (and to themselves), so the nested mapping is built
    lazily from the flat table ``SHAPES``, one view per definition.
    """

    __slots__ = ("_properties",)

    def __init__(self, properties: Mapping[str, str | None]) -> None:
        self._properties = properties

    def __getitem__(self, key: str) -> _Shape | None:
        target = self._properties[key]
        return None if target is None else _shape(target)

    def __iter__(self) -> Iterator[str]:
        return iter(self._properties)

    def __len__(self) -> int:
        return len(self._properties)


_FREE: Mapping[str, str | None] = {"*": "*"}  # any key, and anything below it


@functools.cache
def _shape(name: str) -> _Shape:
    return _Shape(_FREE if name == "*" else SHAPES[name])


def response_shape(operation: Operation) -> Mapping[str, Any] | None:
    """The shape of ``operation``'s JSON response for :func:`cftools.fields.check`.

    ``None`` when the operation answers with no JSON object (empty, bytes, a boolean).
    The mapping is read-only and resolved lazily (definitions refer to themselves).
    """
    return _shape(operation.result) if operation.result is not None else None


def check_fields_names(operation: Operation, expression: str) -> tuple[Problem, ...]:
    """The names of ``expression`` that ``operation``'s response lacks, as problems.

    A name close to one the response has is a ``field-name`` problem with a
    did-you-mean (a request with it is refused); a name close to nothing is a
    ``field-unknown`` warning. Raises :class:`cftools.fields.FieldsSyntaxError` for a
    malformed expression; returns nothing for an operation without a JSON response.
    """
    if operation.result is None:
        return ()
    return _names_problems(operation.result, expression)


@functools.lru_cache(maxsize=512)
def _names_problems(
    definition: str, expression: str, location: str = "query.fields", what: str = "response"
) -> tuple[Problem, ...]:
    """The names of ``expression`` that ``definition`` lacks, as problems at ``location``
    (``what`` says what the definition is there: the ``response``, a webhook's
    ``resource``)."""
    fields = importlib.import_module("cftools.fields")
    found: list[Problem] = []
    for unknown in fields.check(expression, _shape(definition)):
        if unknown.suggestion is not None:
            message = (
                f"unknown field {unknown.path!r} in the {definition} {what}; "
                f"did you mean {unknown.suggestion!r}?"
            )
            found.append(Problem(location, message, "field-name"))
        else:
            message = (
                f"unknown field {unknown.path!r} in the {definition} {what} (sent anyway: "
                "the specification may lag the server)"
            )
            found.append(Problem(location, message, "field-unknown"))
    return tuple(found)
