"""The CallFire API v2 as data: the table of operations, the body models and the request checks.

This package knows nothing of HTTP. It is shared, as equals, by the client
(:mod:`cftools.client`), which checks a request before it sends it, and by anything that
serves or reads the API, which checks a request when it receives it: one table of the
API's 122 operations (method, path, parameters, body models, response kind), generated
from the official specification by ``tools/gen_operations.py`` and committed, and one set
of checks over it.

- :data:`OPERATIONS`: every operation by operationId, as :class:`Operation` values.
- :func:`check_request`: every problem of a request at once, as a
  :class:`RequestValidationError` listing :class:`Problem` values; warnings returned.
- :func:`method_name`: the snake_case Python name of an operationId, and
  :func:`find_operation`: the operation of an operationId or a method name (else an
  :class:`UnknownOperationError` with suggestions).
- :func:`response_shape` and :func:`check_fields_names`: the shape of an operation's
  response, and the names of a ``fields`` expression that it lacks.
- :mod:`cftools.spec.models`: a ``TypedDict`` per definition (imported on demand;
  re-exported by :mod:`cftools.client.models`).
- :func:`read_params`: the parameters of a checked request as typed values, read as a
  server reads its query string (used by :mod:`cftools.sandbox`).
"""

from __future__ import annotations

from cftools.spec._checks import (
    Problem,
    RequestValidationError,
    check_fields_names,
    check_request,
    compile_fields,
    response_shape,
)
from cftools.spec._naming import UnknownOperationError, find_operation, method_name
from cftools.spec._operation import Operation, Parameter
from cftools.spec._operations import OPERATIONS
from cftools.spec._reading import read_params
from cftools.spec._schemas import MODELS, Model, Schema

__all__ = [
    "MODELS",
    "OPERATIONS",
    "Model",
    "Operation",
    "Parameter",
    "Problem",
    "RequestValidationError",
    "Schema",
    "UnknownOperationError",
    "check_fields_names",
    "check_request",
    "compile_fields",
    "find_operation",
    "method_name",
    "read_params",
    "response_shape",
]

for _cls in (Operation, Parameter, Problem, UnknownOperationError):
    _cls.__module__ = __name__
del _cls


def __dir__() -> list[str]:
    return list(__all__)
