"""Everything ``Client`` and ``AsyncClient`` share that does no I/O.

A call goes through four steps, and only the third touches the network:

1. ``_prepare``: find the operation in the table, run the request checks (unless
   ``validate=False``), compile ``fields`` for projection, and build the HTTP parts.
   Any problem raises here, before a byte is sent.
2. ``_http_request``: turn the prepared call into an ``httpx.Request`` (with the
   client's default headers: user agent, ``Accept-Encoding``); done again for every
   retry, from the same parts.
3. sending, with the retry loop (in ``_client`` and ``_async``, using ``_retry_after_*``).
4. ``_finish``: decode the success by response kind and project it, or raise the
   matching ``ApiError``.

Credentials live only inside the ``httpx.BasicAuth`` that adds the ``Authorization``
header; the client keeps no other copy, and neither its repr nor its log lines nor its
exceptions show them.
"""

from __future__ import annotations

import base64
import contextlib
import html
import io
import ipaddress
import json
import logging
import os
import platform
import re
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, ClassVar
from urllib.parse import quote, quote_plus

import httpx

from cftools._version import __version__
from cftools.client._errors import ApiError, ConfigurationError, TransportError
from cftools.client._names import api_params, hint_keywords
from cftools.client._paging import Pager, check_integer
from cftools.client._retry import IDEMPOTENT_METHODS, NOT_SENT, RetryPolicy
from cftools.client._types import FilesArgument, TimeoutArgument
from cftools.client._wire import (
    DEFAULT_ACCEPT,
    WireRequest,
    api_error,
    decode_success,
    name_files,
    parse_retry_after,
    shown_path,
    to_wire,
)
from cftools.spec._checks import check_request, compile_fields, unencodable
from cftools.spec._naming import UnknownOperationError, find_operation
from cftools.spec._operation import Operation
from cftools.spec._operations import OPERATIONS

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_HEADERS",
    "DEFAULT_TIMEOUT",
    "USER_AGENT",
    "BaseClient",
    "OperationRef",
    "PreparedCall",
    "Redactor",
    "Sink",
    "check_transport",
]

DEFAULT_BASE_URL = "https://api.callfire.com/v2"
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
"""Explicit by default: 10 s to connect, 60 s for each read, write and pool wait."""

USER_AGENT = (
    f"cftools/{__version__} httpx/{httpx.__version__} "
    f"{platform.python_implementation()}/{platform.python_version()}"
)
DEFAULT_HEADERS = {"User-Agent": USER_AGENT, "Accept": DEFAULT_ACCEPT}
"""Headers on every request (an operation may override ``Accept``)."""

if TYPE_CHECKING:  # cftools.fields (and Lark) load only when fields are used
    from cftools.fields import Projector

logger = logging.getLogger("cftools.client")

_REDACTED = "[redacted]"
_SHORT_SECRET = 6
_SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})

OperationRef = str | Callable[..., Any]
"""An operationId (``"findCalls"``), a method name, or a named method of a client."""


@dataclass(frozen=True, slots=True)
class PreparedCall:
    """A checked call, ready to send (and resend) and to finish."""

    operation: Operation
    wire: WireRequest
    projector: Projector | None


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A copy of ``headers`` with every credential-bearing value replaced."""
    return {k: (_REDACTED if k.lower() in _SECRET_HEADERS else v) for k, v in headers.items()}


class Redactor:
    """Removes the credentials from text the client did not write: an error body
    that echoes the ``Authorization`` header or the login, the message of an
    exception raised by a transport.

    It holds the username, the password and the Basic token they make (also
    percent-encoded), and shows none of them in its repr.
    """

    __slots__ = ("_forms", "_secrets", "_short")

    def __init__(self, username: str, password: str) -> None:
        token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
        forms = {form for value in (token, username, password) for form in _escaped(value)}
        ordered = sorted(forms, key=len, reverse=True)
        self._forms = tuple(ordered)
        self._secrets = tuple(f for f in ordered if len(f) >= _SHORT_SECRET)
        # A short secret ('u', 'dev') also occurs inside ordinary words ('Bad Request'):
        # it is replaced only where it stands alone, not between letters or digits.
        short = [re.escape(f) for f in ordered if len(f) < _SHORT_SECRET]
        self._short = re.compile(rf"(?<![^\W_])(?:{'|'.join(short)})(?![^\W_])") if short else None

    def __repr__(self) -> str:
        return "<Redactor [redacted]>"

    def __call__(self, text: str) -> str:
        """``text`` with every credential replaced by ``[redacted]``."""
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, _REDACTED)
        if self._short is not None:
            text = self._short.sub(_REDACTED, text)
        return text

    def truncated(self, text: str) -> str:
        """:meth:`__call__` for a text cut off from a longer one: the first part of a
        credential at its very end, whose rest was cut away, is replaced too."""
        text = self(text)
        cut = 0
        for secret in self._forms:
            for length in range(min(len(secret) - 1, len(text)), cut, -1):
                if text.endswith(secret[:length]):
                    cut = length
                    break
        return text[: len(text) - cut] + _REDACTED if cut else text

    def scrub(self, exc: BaseException) -> None:
        """Redact, in place, ``exc`` and every exception reachable from it (``__cause__``,
        ``__context__``, or held in an argument or attribute): their messages, their
        attributes (strings, bytes and the containers holding them, the ``OSError``
        fields), and the request an ``httpx`` exception keeps, whose ``Authorization``
        header is replaced."""
        seen: set[int] = set()
        pending: list[BaseException | None] = [exc]
        while pending:
            current = pending.pop()
            if current is None or id(current) in seen:
                continue
            seen.add(id(current))
            current.args = self._clean(current.args, pending)
            for name, value in list(vars(current).items()):
                cleaned = self._clean(value, pending)
                if cleaned is not value:
                    setattr(current, name, cleaned)
            for name in _EXCEPTION_FIELDS:
                value = getattr(current, name, None)
                if isinstance(value, (str, bytes)):
                    with contextlib.suppress(AttributeError, TypeError):
                        setattr(current, name, self._clean(value, pending))
            if isinstance(current, httpx.RequestError):
                try:
                    request = current.request
                except RuntimeError:  # no request attached
                    pass
                else:
                    current.request = self._clean_request(request)
            pending += [current.__cause__, current.__context__]

    def _clean(self, value: Any, exceptions: list[BaseException | None], depth: int = 0) -> Any:
        """``value`` without credentials: strings and bytes redacted, tuples, lists and
        dicts rebuilt when something inside changed, exceptions inside added to
        ``exceptions`` (to be scrubbed in place); anything else as it is. Containers
        nested deeper than ``_MAX_NESTING`` (a list that holds itself) are dropped."""
        if depth > _MAX_NESTING:
            return None
        if isinstance(value, str):
            cleaned = self(value)
            return value if cleaned == value else cleaned
        if isinstance(value, (bytes, bytearray)):
            text = bytes(value).decode("utf-8", "surrogateescape")
            cleaned = self(text)
            return value if cleaned == text else cleaned.encode("utf-8", "surrogateescape")
        if isinstance(value, BaseException):
            exceptions.append(value)
            return value
        if isinstance(value, (tuple, list)):
            items = [self._clean(v, exceptions, depth + 1) for v in value]
            if all(a is b for a, b in zip(items, value, strict=True)):
                return value
            return type(value)(items) if type(value) in (tuple, list) else items
        if isinstance(value, dict):
            pairs = {}
            changed = False
            for key, item in value.items():
                new_key = self._clean(key, exceptions, depth + 1)
                new_item = self._clean(item, exceptions, depth + 1)
                changed = changed or new_key is not key or new_item is not item
                pairs[new_key] = new_item
            return pairs if changed else value
        if isinstance(value, httpx.Request):
            return self._clean_request(value)
        return value

    def _clean_request(self, request: httpx.Request) -> httpx.Request:
        """A copy of ``request`` with its secret headers replaced and its body redacted."""
        headers = {k: self(v) for k, v in redact_headers(request.headers).items()}
        try:
            content: bytes | None = self._clean(request.content, [])
        except httpx.RequestNotRead:
            content = None  # a stream not read: not kept
        return httpx.Request(
            request.method, httpx.URL(self(str(request.url))), headers=headers, content=content
        )


_MAX_NESTING = 32
# The fields of built-in exceptions that live outside ``vars()``.
_EXCEPTION_FIELDS = ("strerror", "filename", "filename2", "msg", "doc", "reason", "object")


def _escaped(value: str) -> set[str]:
    """``value`` and the forms a server may echo it in: percent-encoded (``%20`` or ``+``
    for a blank), HTML-escaped, and as the inside of a JSON string (with or without
    ``\\u`` escapes, with or without ``\\/`` for ``/``, as some Java serialisers write)."""
    forms = {value, quote(value, safe=""), quote_plus(value, safe=""), html.escape(value)}
    forms.add(html.escape(value, quote=False))
    for ascii_only in (True, False):
        inside = json.dumps(value, ensure_ascii=ascii_only)[1:-1]
        forms |= {inside, inside.replace("/", "\\/")}
    return forms


def _check_credentials(username: str, password: str) -> None:
    """Refuse credentials HTTP Basic cannot carry (RFC 7617), never quoting them."""
    for name, value in (("username", username), ("password", password)):
        if not isinstance(value, str):
            raise ConfigurationError(f"the {name} must be a str, not {type(value).__name__}")
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
            raise ConfigurationError(
                f"the {name} contains a control character (a trailing newline from a file?)"
            )
        if not value.isascii() and unencodable(value) is not None:
            raise ConfigurationError(
                f"the {name} contains a lone surrogate (half of a UTF-16 pair), which "
                "HTTP Basic cannot carry"
            )
    if ":" in username:
        raise ConfigurationError("the username must not contain ':' (HTTP Basic cannot carry it)")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _checked_base_url(base_url: str) -> str:
    """``base_url`` without a trailing ``/``, or a ``ConfigurationError`` that never
    repeats a URL which may embed credentials."""
    if not isinstance(base_url, str):
        raise ConfigurationError(f"base_url must be a str, not {type(base_url).__name__}")
    if not base_url.isascii() and unencodable(base_url) is not None:
        raise ConfigurationError(
            "base_url contains a lone surrogate (half of a UTF-16 pair), which no URL can "
            "carry; give an http(s) URL such as https://api.callfire.com/v2"
        )
    try:
        url = httpx.URL(base_url)
    except httpx.InvalidURL:
        # httpx's message quotes parts of the URL, a password included: not repeated.
        raise ConfigurationError(
            "base_url is not a valid URL; give an http(s) URL without credentials, "
            "such as https://api.callfire.com/v2"
        ) from None
    if url.userinfo:
        raise ConfigurationError(
            "base_url must not embed credentials; pass username= and password= instead"
        )
    if url.scheme not in ("http", "https") or not url.host:
        raise ConfigurationError(f"base_url must be an http(s) URL, not {str(url)!r}")
    if url.scheme == "http" and not _is_loopback(url.host):
        # Allowed (a mock server in another container), but never silently.
        logger.warning(
            "base_url uses plain http: the credentials travel in clear to %s; use https",
            url.host,
        )
    if url.query or url.fragment or "?" in base_url or "#" in base_url:
        # Operation paths are appended to the base URL: after a '?' or '#' they would
        # land in the query or the fragment, and the request would go to the root.
        bare = str(url.copy_with(query=None, fragment=None))
        raise ConfigurationError(f"base_url must not have a query or a fragment: {bare!r}")
    return str(url).rstrip("/")


def _checked_timeout(timeout: TimeoutArgument) -> httpx.Timeout:
    """``timeout`` as an ``httpx.Timeout`` whose every phase is a positive, finite number
    of seconds or ``None``; anything else would only fail (or never time out) once a
    request is under way, deep inside the socket layer."""
    if isinstance(timeout, httpx.Timeout):
        value = timeout
    elif timeout is None or _is_seconds(timeout):
        value = httpx.Timeout(timeout)
    else:
        raise ConfigurationError(
            f"timeout must be a number of seconds, an httpx.Timeout or None, not {timeout!r}"
        )
    for phase in ("connect", "read", "write", "pool"):
        seconds = getattr(value, phase)
        if seconds is not None and not (_is_seconds(seconds) and seconds > 0):
            raise ConfigurationError(
                f"the {phase} timeout must be a positive number of seconds or None, not {seconds!r}"
            )
    return value


def check_transport(transport: object, method: str, client: str, example: str) -> None:
    """Refuse a transport the client cannot send through (an async one for ``Client``, a
    proxy URL, ...), which httpx would only find out at the first request, with an
    ``AttributeError``. ``method`` is the one httpx calls on it."""
    if transport is not None and not callable(getattr(transport, method, None)):
        raise ConfigurationError(
            f"{client} needs a transport with {method}() such as {example} or "
            f"httpx.MockTransport, not {type(transport).__name__}"
        )


def _is_seconds(value: object) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and value == value
        and value not in (float("inf"), float("-inf"))
    )


class BaseClient:
    """Configuration and the I/O-free steps of a call; see the module docstring."""

    operations: ClassVar[Mapping[str, Operation]] = OPERATIONS
    """The table the client serves (the full API)."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # A misspelt keyword on a named method gets a suggestion (see _names).
        hint_keywords(cls, cls.operations)

    def __init__(
        self,
        username: str | None = None,
        password: str | None = None,
        *,
        base_url: str | None = None,
        timeout: TimeoutArgument = DEFAULT_TIMEOUT,
        max_retries: int = 2,
    ) -> None:
        username = username if username is not None else os.environ.get("CALLFIRE_USERNAME")
        password = password if password is not None else os.environ.get("CALLFIRE_PASSWORD")
        if not username or not password:
            raise ConfigurationError(
                "no CallFire API credentials: pass username= and password=, or set "
                "CALLFIRE_USERNAME and CALLFIRE_PASSWORD"
            )
        _check_credentials(username, password)
        if base_url is None:  # e.g. a local sandbox: CALLFIRE_BASE_URL=http://127.0.0.1:8080/v2
            base_url = os.environ.get("CALLFIRE_BASE_URL") or DEFAULT_BASE_URL
        self._base_url = _checked_base_url(base_url)
        if not isinstance(max_retries, int) or isinstance(max_retries, bool) or max_retries < 0:
            raise ConfigurationError(f"max_retries must be a non-negative integer: {max_retries!r}")
        self._auth = httpx.BasicAuth(username, password)
        self._redact = Redactor(username, password)
        self._timeout = _checked_timeout(timeout)
        self._retry = RetryPolicy(max_retries)
        self._sleep_for: Callable[[float], Any] = time.sleep

    @property
    def base_url(self) -> str:
        """The API root every operation path is appended to."""
        return self._base_url

    @property
    def max_retries(self) -> int:
        """How many times a failed request may be retried (see :mod:`._retry`)."""
        return self._retry.max_retries

    def __repr__(self) -> str:
        # The API login is half of the credential pair: it is never shown.
        return (
            f"<{type(self).__module__}.{type(self).__qualname__} "
            f"base_url={getattr(self, '_base_url', None)!r} "
            f"auth=<basic, redacted>>"
        )

    # -- step 1: prepare ------------------------------------------------------------

    def _operation(self, ref: OperationRef) -> Operation:
        """The operation for an operationId, a method name or a named method."""
        name = ref if isinstance(ref, str) else getattr(ref, "__name__", None)
        if not isinstance(name, str):
            raise ConfigurationError(f"not an operation: {ref!r}")
        try:
            return find_operation(name, self.operations)
        except UnknownOperationError as error:
            raise ConfigurationError(str(error)) from None

    @staticmethod
    def _api_params(operation: Operation, params: Mapping[str, Any]) -> Mapping[str, Any]:
        """``params`` by API names; ``campaign_id=`` is taken for ``campaignId=``."""
        return api_params(operation, params)

    def _binary_operation(self, ref: OperationRef) -> Operation:
        operation = self._operation(ref)
        if operation.response != "binary":
            raise ConfigurationError(f"{operation.operation_id} does not return a file to download")
        return operation

    def _prepare(
        self,
        operation: Operation,
        params: Mapping[str, Any],
        *,
        body: Any,
        files: FilesArgument | None,
        project: bool,
        validate: bool,
    ) -> PreparedCall:
        named_files = name_files(operation, files)
        if validate:
            self._check(operation, params, body=body, files=named_files)
        projector = None
        fields = params.get("fields")
        if project and isinstance(fields, str):
            projector = compile_fields(fields)
        wire = to_wire(operation, params, body=body, files=named_files)
        return PreparedCall(operation, wire, projector)

    @staticmethod
    def _check(
        operation: Operation,
        params: Mapping[str, Any],
        *,
        body: Any = None,
        files: Mapping[str, Any] | None = None,
    ) -> None:
        for warning in check_request(operation, params, body=body, files=files):
            logger.warning("%s: %s", operation.operation_id, warning)

    def _pager(
        self,
        ref: OperationRef,
        params: Mapping[str, Any],
        *,
        page_size: int | None,
        max_items: int | None,
        project: bool,
        validate: bool,
    ) -> tuple[Operation, Pager]:
        """Resolve, check (as the first page would be sent) and start a pagination."""
        operation = self._operation(ref)
        params = self._api_params(operation, params)
        if page_size is not None:  # named as given, before the checks see it as limit=
            check_integer("page_size", page_size, minimum=1, strings=False)
        if validate:
            first = dict(params)
            if page_size is not None:
                first.setdefault("limit", page_size)
            self._check(operation, first)
        fields = params.get("fields")
        projector = compile_fields(fields) if isinstance(fields, str) else None
        pager = Pager(
            operation,
            params,
            page_size=page_size,
            max_items=max_items,
            projector=projector,
            project=project,
            compile_fields=compile_fields,
        )
        return operation, pager

    # -- step 2: the httpx request ----------------------------------------------------

    def _http_request(
        self, http: httpx.Client | httpx.AsyncClient, call: PreparedCall
    ) -> httpx.Request:
        """The request, built by ``http`` so that its defaults (headers such as
        ``Accept-Encoding``, the timeout) apply."""
        wire = call.wire
        return http.build_request(
            wire.method,
            self._base_url + wire.target,
            headers=wire.headers or None,
            content=wire.content,
            data=wire.data,
            files=list(wire.files) or None,
        )

    @staticmethod
    def _log_request(request: httpx.Request) -> None:
        """Log a request as it leaves (an httpx event hook: after authentication, so the
        ``Authorization`` header is there, and shown redacted)."""
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s headers=%s", request.method, request.url, redact_headers(request.headers)
            )

    # -- step 3 helpers: retry decisions -----------------------------------------------

    @staticmethod
    def _check_open(http: httpx.Client | httpx.AsyncClient) -> None:
        if http.is_closed:
            raise ConfigurationError("the client is closed; create a new one")

    def _retry_after_exception(self, call: PreparedCall, attempt: int, exc: Exception) -> float:
        """The delay before retrying after ``exc``; raises ``TransportError`` when the
        request must not (or may no longer) be retried."""
        delay = self._retry.after_exception(call.operation.method, attempt, exc)
        if delay is None:
            raise self._transport_error(call, exc) from exc
        self._log_retry(call, attempt, delay, type(exc).__name__)
        return delay

    def _transport_error(self, call: PreparedCall, exc: Exception) -> TransportError:
        """The ``TransportError`` for a request that got no (complete) response. The
        exception the transport raised (an httpx one, or anything a custom transport
        raises) becomes its ``__cause__``, scrubbed with its whole chain and the request
        it holds: a custom transport may put anything there."""
        self._redact.scrub(exc)
        operation = call.operation
        timeout = isinstance(exc, httpx.TimeoutException)
        what = "timed out" if timeout else "failed"
        foreign = "" if isinstance(exc, httpx.HTTPError) else " (raised by the transport)"
        return TransportError(
            f"{operation.operation_id} ({operation.method} {self._url_path(call)}) {what}: "
            f"{type(exc).__name__}{foreign}: {exc}{self._transport_hint(call, exc)}",
            operation_id=operation.operation_id,
            timeout=timeout,
        )

    def _transport_hint(self, call: PreparedCall, exc: Exception) -> str:
        """What the caller can do about ``exc``, or should know before trying again."""
        hints = []
        phase = _TIMEOUT_PHASES.get(type(exc))
        seconds = getattr(self._timeout, phase) if phase is not None else None
        if seconds is not None:
            hints.append(f"the {phase} timeout is {seconds:g} s; pass a larger timeout=")
        elif isinstance(exc, httpx.ConnectError):
            hints.append(f"check base_url ({self._base_url}) and the network")
        if call.operation.method not in IDEMPOTENT_METHODS and not isinstance(exc, NOT_SENT):
            hints.append("the server may have received the request, so it was not retried")
        return "".join(f"; {hint}" for hint in hints)

    def _retry_after_response(
        self, call: PreparedCall, attempt: int, response: httpx.Response
    ) -> float | None:
        """The delay before retrying after an error response, or ``None``."""
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        delay = self._retry.after_response(
            call.operation.method, attempt, response.status_code, retry_after
        )
        if delay is not None:
            self._log_retry(call, attempt, delay, f"HTTP {response.status_code}")
        return delay

    def _log_retry(self, call: PreparedCall, attempt: int, delay: float, why: str) -> None:
        logger.info(
            "%s: retry %d of %d in %.2fs after %s",
            call.operation.operation_id,
            attempt + 1,
            self._retry.max_retries,
            delay,
            why,
        )

    def _url_path(self, call: PreparedCall) -> str:
        """The path the request went to, as ``ApiError.path`` shows it (base URL
        included, percent-escapes decoded except for characters that cannot be shown:
        a CR/LF in a path value must not split the log line an error lands in)."""
        return shown_path(httpx.URL(self._base_url + call.wire.path))

    def _not_a_page(self, call: PreparedCall, problem: str) -> ApiError:
        """The error for a list response the pager cannot use (``problem`` says why)."""
        return ApiError(
            problem,
            status_code=200,
            operation_id=call.operation.operation_id,
            method=call.operation.method,
            path=self._url_path(call),
        )

    # -- step 4: finish ---------------------------------------------------------------

    def _finish(
        self,
        call: PreparedCall,
        response: httpx.Response,
        decode: Callable[[bytes | str], Any] | None = None,
    ) -> Any:
        """The value of ``response``, or the matching ``ApiError``. A JSON body is
        decoded by ``decode`` when given (a pager's), else by the call's projector
        (decoding only what it keeps), else by ``json.loads``."""
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s: HTTP %d, %d bytes",
                call.operation.operation_id,
                response.status_code,
                len(response.content),
            )
        if not response.is_success:
            error = api_error(call.operation, response, self._redact)
            self._redact.scrub(error)  # a server may echo the Authorization header
            raise error
        if decode is None and call.projector is not None:
            decode = call.projector.decode
        try:
            return decode_success(call.operation, response, self._redact, decode)
        except ApiError as exc:
            self._redact.scrub(exc)
            raise


_TIMEOUT_PHASES: dict[type[Exception], str] = {
    httpx.ConnectTimeout: "connect",
    httpx.ReadTimeout: "read",
    httpx.WriteTimeout: "write",
    httpx.PoolTimeout: "pool",
}


def _mode_for(path: str) -> int:
    """The permissions a download written to ``path`` gets: those of the file it
    replaces, or what ``open()`` would give a new file under the current umask (the
    temporary file it is written through is private, mode 0600)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it where the system allows (Linux);
    elsewhere it is swapped for a moment with the strictest value, so a file another
    thread creates meanwhile gets fewer permissions, never more (``os.umask(0)`` would
    make it world-writable)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _check_writable(destination: object) -> None:
    """Refuse, before any request, a file object a download cannot be written to (the
    error would otherwise come from its ``write`` once the response is arriving)."""
    if isinstance(destination, io.TextIOBase):
        raise ConfigurationError(
            "the download destination is a text file; open it in binary mode ('wb')"
        )
    if not callable(getattr(destination, "write", None)):
        raise ConfigurationError(
            f"cannot download to a {type(destination).__name__}: pass a path or a binary "
            "file object"
        )
    if getattr(destination, "closed", False) is True:
        raise ConfigurationError("the download destination is a closed file")
    writable = getattr(destination, "writable", None)
    if callable(writable) and not writable():
        raise ConfigurationError("the download destination is not open for writing")


class Sink:
    """Where a download goes: a binary file object, or a path written atomically.

    A path is written to a temporary file in the same directory and renamed over the
    path only when the ``with`` block completes, so a failed download leaves nothing.
    """

    def __init__(self, destination: str | os.PathLike[str] | IO[bytes]) -> None:
        self.written = 0
        self._path: str | None = None
        self._temporary: str | None = None
        if isinstance(destination, (str, os.PathLike)):
            self._path = os.fspath(destination)
            if os.path.isdir(self._path):
                raise ConfigurationError(
                    f"the download destination {self._path} is a directory; name the file"
                )
            directory = os.path.dirname(os.path.abspath(self._path))
            try:
                handle, self._temporary = tempfile.mkstemp(
                    dir=directory, prefix=".cftools-", suffix=".part"
                )
            except OSError as exc:
                raise ConfigurationError(
                    f"cannot write the download beside {self._path}: {exc}"
                ) from exc

            self._out: IO[bytes] = os.fdopen(handle, "wb")
        else:
            _check_writable(destination)
            self._out = destination

    def __enter__(self) -> Sink:
        return self

    def write(self, chunk: bytes) -> None:
        """Write one chunk."""
        try:
            self._out.write(chunk)
        except (OSError, ValueError) as exc:  # a full disk, a closed pipe or file
            where = self._path if self._path is not None else "the download destination"
            raise ConfigurationError(f"cannot write the download to {where}: {exc}") from exc
        self.written += len(chunk)

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        if self._temporary is None or self._path is None:
            return
        self._out.close()
        if exc_type is None:
            try:
                os.chmod(self._temporary, _mode_for(self._path))
                os.replace(self._temporary, self._path)
            except OSError as exc:  # e.g. a directory created there meanwhile
                os.unlink(self._temporary)
                raise ConfigurationError(
                    f"cannot write the download to {self._path}: {exc}"
                ) from exc
        else:
            os.unlink(self._temporary)
