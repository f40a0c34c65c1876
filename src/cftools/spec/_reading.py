"""Reading checked parameters into typed values, the way the server reads them.

:func:`check_request` is lenient about types because the API is: a query string carries
only text, and ``"2"``, ``"true"`` and ``"READY, FINISHED"`` are what a server receives.
Whoever serves the API needs the values those strings stand for, read exactly as the
checks accepted them; :func:`read_params` does that, so the reading and the checking are
driven by the same schemas and cannot disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._operation import Operation
from ._schemas import Schema

__all__ = ["read_params"]


def read_params(operation: Operation, params: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters of a request that passed :func:`check_request`, as typed values.

    Integers become ``int``, numbers ``float``, boolean words ``bool``; a ``multi``
    array given one value becomes a one-item list; a string with a separator (the
    ``states`` filters) becomes the list of its stripped members. ``None`` values are
    dropped; parameters the operation does not declare are kept as given. Values that
    do not read as their type (possible only for unchecked input) are kept as given.
    """
    declared = {p.name: p for p in operation.parameters}
    typed: dict[str, Any] = {}
    for name, value in params.items():
        if value is None:
            continue
        parameter = declared.get(name)
        if parameter is None or parameter.schema.type == "file":
            typed[name] = value
            continue
        schema = parameter.schema
        if schema.type == "array":
            items = value if isinstance(value, (list, tuple)) else [value]
            inner = schema.items if schema.items is not None else Schema()
            typed[name] = [read_value(inner, item) for item in items]
        else:
            typed[name] = read_value(schema, value)
    return typed


def read_value(schema: Schema, value: Any) -> Any:
    """One value read as ``schema`` says (see :func:`read_params`)."""
    kind = schema.type
    if isinstance(value, str):
        text = value.strip()
        if kind == "integer":
            try:
                return int(text)
            except ValueError:
                return value
        if kind == "number":
            try:
                return float(text)
            except ValueError:
                return value
        if kind == "boolean":
            word = text.lower()
            return True if word == "true" else False if word == "false" else value
        if schema.separator is not None:
            return [member.strip() for member in value.split(schema.separator) if member.strip()]
        return value
    if kind == "integer" and type(value) is float and value.is_integer():
        return int(value)
    return value
