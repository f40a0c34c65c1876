"""The client's exceptions: what went wrong talking to CallFire.

Every class derives from :class:`cftools.CftoolsError`::

    CftoolsError
    ├── RequestValidationError   a request refused before any I/O (see _checks)
    │   └── UnknownArgumentError  a named method given a keyword it does not take
    ├── ConfigurationError       unusable settings or arguments (credentials, base URL,
    │                            an unknown operation, a file, paging options)
    ├── TransportError           the network failed or timed out; no response
    └── ApiError                 CallFire answered with an error status
        ├── BadRequestError      400: the request was malformed or rejected
        ├── UnauthorizedError    401: missing or wrong API credentials
        ├── ForbiddenError       403: the credentials lack a permission
        ├── NotFoundError        404: no such resource
        ├── RateLimitError       429: too many requests; carries ``retry_after``
        └── ServerError          5xx: CallFire failed

``ApiError`` itself is raised for the other error statuses (409, 415, ...) and for a
successful status whose body cannot be decoded. Messages name the operation, the
method and the path, never the credentials: the client sends them only in the
``Authorization`` header, which no message, repr or log line reproduces.
"""

from __future__ import annotations

from cftools._errors import CftoolsError
from cftools.spec._checks import RequestValidationError

__all__ = [
    "ApiError",
    "BadRequestError",
    "ConfigurationError",
    "ForbiddenError",
    "NotFoundError",
    "RateLimitError",
    "ServerError",
    "TransportError",
    "UnauthorizedError",
    "UnknownArgumentError",
]


class ConfigurationError(CftoolsError, ValueError):
    """The client cannot work with what it was given: no credentials, a base URL that
    embeds credentials, an unknown operation, a file argument of the wrong type or a
    file that cannot be read, paging options out of range, a download target that
    cannot be written, a client already closed.

    Raised before any request is sent.
    """

    __module__ = "cftools.client"


class UnknownArgumentError(RequestValidationError, TypeError):
    """A named method called with a keyword argument it does not take
    (``client.find_calls(campain_id=5)``): each problem names the keyword and suggests
    the closest one the method takes. A ``TypeError``, as Python's own would be, and a
    :class:`RequestValidationError`, as ``invoke`` raises for an unknown parameter.

    Raised before any request is sent.
    """

    __module__ = "cftools.client"


class TransportError(CftoolsError):
    """The request did not get a response: connection refused or reset, DNS failure,
    a protocol error, or a timeout (``timeout`` is then true).

    Raised after the retries allowed for the operation are spent. The underlying
    ``httpx`` exception is the ``__cause__``.
    """

    __module__ = "cftools.client"

    def __init__(self, message: str, *, operation_id: str, timeout: bool = False) -> None:
        super().__init__(message)
        self.operation_id = operation_id
        self.timeout = timeout


class ApiError(CftoolsError):
    """CallFire answered with an error status.

    ``status_code`` is the HTTP status; ``internal_code`` and ``message`` come from
    CallFire's error body (``internalCode`` and ``message``) when it is JSON, and
    ``message`` falls back to a short excerpt of the body, or the reason phrase, when
    it is not. ``developer_message`` and ``help_link`` are kept when present.
    """

    __module__ = "cftools.client"

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        operation_id: str,
        method: str,
        path: str,
        internal_code: str | None = None,
        developer_message: str | None = None,
        help_link: str | None = None,
    ) -> None:
        self.message = message
        self.status_code = status_code
        self.operation_id = operation_id
        self.method = method
        self.path = path
        self.internal_code = internal_code
        self.developer_message = developer_message
        self.help_link = help_link
        code = f" [{internal_code}]" if internal_code else ""
        super().__init__(f"{operation_id} ({method} {path}): HTTP {status_code}{code}: {message}")


class BadRequestError(ApiError):
    """HTTP 400: CallFire rejected the request as malformed or invalid."""

    __module__ = "cftools.client"


class UnauthorizedError(ApiError):
    """HTTP 401: the API credentials are missing or wrong."""

    __module__ = "cftools.client"


class ForbiddenError(ApiError):
    """HTTP 403: the credentials are valid but lack the permission needed."""

    __module__ = "cftools.client"


class NotFoundError(ApiError):
    """HTTP 404: the resource does not exist (or is not visible to this account)."""

    __module__ = "cftools.client"


class RateLimitError(ApiError):
    """HTTP 429: too many requests. ``retry_after`` holds the delay in seconds that
    CallFire asked for (``Retry-After``), or ``None``."""

    __module__ = "cftools.client"

    retry_after: float | None = None


class ServerError(ApiError):
    """HTTP 5xx: CallFire failed to handle the request."""

    __module__ = "cftools.client"


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: UnauthorizedError,
    403: ForbiddenError,
    404: NotFoundError,
    429: RateLimitError,
}


def error_class(status_code: int) -> type[ApiError]:
    """The exception class for an error status."""
    if status_code >= 500:
        return ServerError
    return _BY_STATUS.get(status_code, ApiError)
