"""A thin httpx client, sync and async, for every operation of the CallFire API v2.

One table of the API's 122 operations (method, path, parameters, body models, response
kind) drives everything here: :class:`Client` and :class:`AsyncClient` have a named,
typed, documented method per operation (``client.send_calls(...)``, mechanically named
from the operationId ``sendCalls``), :meth:`Client.invoke` reaches any operation by
its operationId with the API's own parameter names (or the methods' snake_case ones),
and :meth:`Client.paginate` walks any paged list. Before a request is sent, it is
checked against the table: parameter and body types, enumerations and limits, phone
numbers, unknown keys (with a suggestion), ``fields`` (with :mod:`cftools.fields`)
and every ``dialplanXml`` (with :mod:`cftools.dialplan`); a refused request raises
:class:`RequestValidationError` and sends nothing. ``validate=False`` turns the checks
off for one call.

Error responses raise :class:`ApiError` subclasses by status; network failures and
timeouts raise :class:`TransportError`. Idempotent requests are retried with backoff
on 429/502/503/504 and network errors; a POST only after a 429 or when the connection
failed before the request left. Credentials never appear in a repr, a log line or an exception.

This is not an official CallFire library, and it does no I/O until a method is called.
"""

from __future__ import annotations

from cftools.client._async import AsyncClient
from cftools.client._base import DEFAULT_BASE_URL, DEFAULT_TIMEOUT
from cftools.client._client import Client
from cftools.client._errors import (
    ApiError,
    BadRequestError,
    ConfigurationError,
    ForbiddenError,
    NotFoundError,
    RateLimitError,
    ServerError,
    TransportError,
    UnauthorizedError,
    UnknownArgumentError,
)
from cftools.client._paging import Pager
from cftools.client._retry import RetryPolicy
from cftools.client._types import FileInput, FilesArgument
from cftools.spec._checks import RequestValidationError
from cftools.spec._naming import method_name
from cftools.spec._operation import Operation, Parameter
from cftools.spec._operations import OPERATIONS

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "OPERATIONS",
    "ApiError",
    "AsyncClient",
    "BadRequestError",
    "Client",
    "ConfigurationError",
    "FileInput",
    "FilesArgument",
    "ForbiddenError",
    "NotFoundError",
    "Operation",
    "Pager",
    "Parameter",
    "RateLimitError",
    "RequestValidationError",
    "RetryPolicy",
    "ServerError",
    "TransportError",
    "UnauthorizedError",
    "UnknownArgumentError",
    "method_name",
]

for _cls in (AsyncClient, Client, Pager, RetryPolicy):
    _cls.__module__ = __name__
del _cls


def __dir__() -> list[str]:
    return list(__all__)
