"""The generic layer: from the table of operations to an ASGI application.

One route per operation of :data:`cftools.spec.OPERATIONS`, under ``/v2``, matched on
the raw path (so ``%2F`` inside a segment stays inside it), the most literal template
first (``/calls/recordings/{id}.mp3`` before ``/calls/recordings/{id}``). For each
request, in order:

1. Basic credentials (401 without valid ones);
2. the route: 404 for a path the API does not have, 405 for a method it has elsewhere;
3. the body: size (413 past :data:`MAX_BODY`), media type, JSON or multipart syntax (400);
4. :func:`cftools.spec.check_request`, the client's own checks (400 with every problem);
5. the handler, inside one store transaction (nothing is written unless it succeeds);
6. ``fields``, applied with :mod:`cftools.fields`, exactly as the client projects.

Before each request, whatever fell due on the clock runs (:meth:`Sandbox.run_due`: calls
and texts moving on, webhook retries), so what a request reads is current. Paths under
``/_sandbox/`` are the control endpoints (:mod:`cftools.sandbox._control`).

Faults (:mod:`cftools.sandbox._faults`, ``sandbox.faults``) act outside all of this, in the
application's own ``__call__``, ahead of Starlette's middleware: a dropped connection must
reach the server's connection itself.

Handlers run on the event loop's thread: they are short, synchronous SQLite work, and a
single writer keeps the transactions simple; the store's lock also covers callers from
other threads (the in-process transports, tests reading the state).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import logging
import random
import re
import threading
from collections.abc import AsyncGenerator, Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, unquote

from starlette.applications import Starlette
from starlette.datastructures import Headers, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from cftools.spec import (
    OPERATIONS,
    Operation,
    RequestValidationError,
    check_request,
    compile_fields,
    read_params,
)

from . import _control
from ._clock import DEFAULT_SPEED, AdvanceableClock, Clock, ScaledClock
from ._core import HANDLERS, ApiFault, Binary, Context, JsonPage, Upload, parse_json
from ._deliveries import Deliveries
from ._engine import Engine
from ._events import EventBus
from ._faults import Faults
from ._resources.common import PHONE_FIELDS
from ._store import Store

__all__ = ["MAX_BODY", "Sandbox"]

logger = logging.getLogger("cftools.sandbox")

MAX_BODY = 16 * 1024 * 1024
"""The largest request body the sandbox reads (16 MiB); a larger one is a 413."""

_METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
_MATCHED = "cftools.sandbox.route"  # scope key: the route the fault layer already matched


@dataclass(frozen=True, slots=True)
class _Route:
    operation: Operation
    pattern: re.Pattern[str]
    literal: int  # characters outside placeholders: more is more specific


def _compile_routes(operations: Mapping[str, Operation]) -> list[_Route]:
    routes = []
    for operation in operations.values():
        pattern, position = "", 0
        for match in _PLACEHOLDER.finditer(operation.path):
            pattern += re.escape(operation.path[position : match.start()])
            pattern += f"(?P<{match.group(1)}>[^/]+?)"
            position = match.end()
        pattern += re.escape(operation.path[position:])
        literal = len(_PLACEHOLDER.sub("", operation.path))
        routes.append(_Route(operation, re.compile(pattern + r"\Z"), literal))
    routes.sort(key=lambda route: -route.literal)
    return routes


class _App(Starlette):
    """Starlette, with the sandbox's faults applied before its middleware stack."""

    def __init__(self, sandbox: Sandbox, **options: Any) -> None:
        super().__init__(**options)
        self._sandbox = sandbox

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        inner: ASGIApp = super().__call__
        faults = self._sandbox.faults
        if faults.active and scope["type"] == "http":
            operation = self._sandbox._operation_of(scope)
            if operation is not None:
                await faults.serve(operation.operation_id, inner, scope, receive, send)
                return
        await inner(scope, receive, send)


class Sandbox:
    """A local CallFire: the state, the credentials, the clock, and the ASGI app.

    ``db`` is a SQLite file (``None``: in memory); ``username``/``password`` are the
    Basic credentials it accepts (API credentials created through the API are accepted
    too); ``seed`` makes the generated catalogues (numbers for sale) and keys
    reproducible; ``clock`` tells the time (``created``/``modified``, and when calls
    and texts move on). The default is ``ScaledClock(60)``: from the wall clock's now,
    a minute passes every second, as with ``cftools sandbox serve``; pass
    ``ManualClock()`` for a clock that moves only on :meth:`advance` (tests) or
    ``SystemClock()`` for real time.

    ``events`` is the :class:`~cftools.sandbox._events.EventBus` of what happens;
    parts that act over time register with :meth:`add_ticker`, :meth:`on_reset` and
    :meth:`on_close`. ``deliveries`` posts the events to the webhooks and keeps the
    delivery log (:class:`~cftools.sandbox._deliveries.Deliveries`).
    ``faults`` is the :class:`~cftools.sandbox.Faults` plan (rate limits, 5xx, drops).
    ``engine`` moves calls, texts and broadcasts on the clock and takes inbound calls
    and texts (``engine.inbound_call``, ``engine.inbound_text``).
    """

    def __init__(
        self,
        *,
        db: str | None = None,
        username: str = "sandbox",
        password: str = "sandbox",
        seed: int = 0,
        clock: Clock | None = None,
    ) -> None:
        if not username or not password or ":" in username:
            raise ValueError("the sandbox needs a username (without ':') and a password")
        self.store = Store(db)
        for field in PHONE_FIELDS:  # contacts are looked up by number for every recipient
            self.store.index("contact", field)
        self.clock: Clock = clock if clock is not None else ScaledClock(DEFAULT_SPEED)
        self.seed = seed
        self._username = username
        self._password = password
        self._rng = random.Random(seed)
        self._routes = _compile_routes(OPERATIONS)
        self.events = EventBus()
        self.base_url: str | None = None
        """The API's URL as the latest request reached it (``None`` before the first):
        where URLs the sandbox hands out (a recording's ``mp3Url``) point."""
        self._tickers: list[Callable[[int], None]] = []
        self._resets: list[Callable[[], None]] = []
        self._closers: list[Callable[[], None]] = []
        self._tick_lock = threading.RLock()
        self._ticking = False
        self.faults = Faults()
        self.on_reset(self.faults.clear)
        self.app: Starlette = _App(
            self, routes=[Route("/{path:path}", self._endpoint, methods=list(_METHODS))]
        )
        self.deliveries = Deliveries(self)
        self.engine = Engine(self)

    @property
    def username(self) -> str:
        """The login the sandbox accepts."""
        return self._username

    @property
    def credentials(self) -> tuple[str, str]:
        """The ``(username, password)`` pair to give a client."""
        return self._username, self._password

    def __repr__(self) -> str:
        return f"<cftools.sandbox.Sandbox db={self.store.path!r} auth=<basic, redacted>>"

    def close(self) -> None:
        """Stop the parts that work in the background, then close the store (a file
        store keeps what was committed)."""
        for hook in self._closers:
            try:
                hook()
            except Exception:
                logger.exception("sandbox: a close hook failed")
        self.store.close()

    # -- time -------------------------------------------------------------------------

    def add_ticker(self, ticker: Callable[[int], None]) -> None:
        """Call ``ticker(now_ms)`` whenever the sandbox runs what fell due.

        A ticker must be cheap when nothing is due: it runs before every request.
        """
        self._tickers.append(ticker)

    def on_reset(self, hook: Callable[[], None]) -> None:
        """Call ``hook`` when the sandbox is reset (to forget state kept outside the store)."""
        self._resets.append(hook)

    def on_close(self, hook: Callable[[], None]) -> None:
        """Call ``hook`` when the sandbox is closed, before its store (to stop a thread)."""
        self._closers.append(hook)

    def run_due(self) -> int:
        """Run every ticker at the clock's current time; return that time.

        Re-entrant calls (a ticker causing a tick) return at once.
        """
        with self._tick_lock:
            now = self.clock.now_ms()
            if self._ticking:
                return now
            self._ticking = True
            try:
                for ticker in self._tickers:
                    ticker(now)
            finally:
                self._ticking = False
            return now

    def advance(self, seconds: float) -> int:
        """Move the clock forward by ``seconds`` and run what fell due; return the new time.

        Raises ``TypeError`` if the clock cannot be moved (a ``SystemClock``).
        """
        if seconds < 0:
            raise ValueError("the sandbox's clock only moves forward")
        if not isinstance(self.clock, AdvanceableClock):
            raise TypeError(
                f"the sandbox's clock ({self.clock!r}) cannot be advanced; "
                "use a ManualClock or a ScaledClock (cftools sandbox serve --speed)"
            )
        self.clock.advance(round(seconds * 1000))
        return self.run_due()

    def reset(self) -> None:
        """Forget everything: resources, files, ids, and what the parts keep in memory."""
        with self._tick_lock:
            self.store.clear()
            self._rng.seed(self.seed)
            for hook in self._resets:
                hook()

    # -- ASGI -------------------------------------------------------------------------

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.app(scope, receive, send)

    async def _endpoint(self, request: Request) -> Response:
        try:
            path = _raw_path(request.scope)
            if path == "/_sandbox" or path.startswith("/_sandbox/"):
                return await self._control(request, unquote(path[len("/_sandbox") :]))
            self.run_due()
            return await self._handle(request)
        except ApiFault as fault:
            return _error(fault)
        except Exception:  # never crash, never leak a traceback to the client
            logger.exception("sandbox: unexpected error on %s %s", request.method, request.url.path)
            return _error(ApiFault(500, "internal error in the sandbox (see its log)"))

    async def _control(self, request: Request, path: str) -> Response:
        self._authenticate(request.headers.get("authorization"))
        answer = await _control.dispatch(self, request, path)
        if answer is None:
            return Response(status_code=204)
        if isinstance(answer, Response):
            return answer
        content = json.dumps(answer, separators=(",", ":"), ensure_ascii=False).encode()
        return Response(content, 200, media_type="application/json")

    async def _handle(self, request: Request) -> Response:
        username = self._authenticate(request.headers.get("authorization"))
        operation, path_params = self._route(request)
        params: dict[str, Any] = dict(path_params)
        _read_query(operation, request.scope.get("query_string", b""), params)
        data = await _read_body(request)
        body: Any = None
        files: dict[str, Upload] = {}
        if "multipart/form-data" in operation.consumes:
            await _read_form(operation, request.headers, data, params, files)
        elif data.strip():
            body = _read_json(operation, request.headers, data)
        try:
            warnings = check_request(operation, params, body=body, files=files or None)
        except RequestValidationError as error:
            raise ApiFault(400, str(error)) from None
        for warning in warnings:
            logger.info("%s: %s", operation.operation_id, warning)
        typed = read_params(operation, params)
        answer = self._run(operation, typed, body, files, username, request)
        return self._respond(operation, typed, answer)

    def _run(
        self,
        operation: Operation,
        params: dict[str, Any],
        body: Any,
        files: Mapping[str, Upload],
        username: str,
        request: Request,
    ) -> Any:
        handler = HANDLERS.get(operation.operation_id)
        if handler is None:  # pragma: no cover - a test asserts every operation has one
            raise ApiFault(501, f"{operation.operation_id} is not served by the sandbox")
        write = operation.method != "GET"
        base_url = f"{request.url.scheme}://{request.url.netloc}/v2"
        self.base_url = base_url
        with self.store.transaction(write=write) as tx:
            ctx = Context(
                operation,
                params,
                body,
                files,
                tx,
                self.clock,
                self._rng,
                username,
                {"base_url": base_url, "seed": self.seed},
            )
            answer = handler(ctx)
        for event in ctx.events:
            self.events.emit(event)
        return answer

    def _respond(self, operation: Operation, params: Mapping[str, Any], answer: Any) -> Response:
        status = operation.success_status or (204 if operation.response == "empty" else 200)
        if isinstance(answer, Binary):
            return Response(answer.content, status, media_type=answer.media_type)
        if operation.response == "empty" or (answer is None and status == 204):
            return Response(status_code=204)
        fields = params.get("fields")
        projected = isinstance(fields, str) and bool(fields.strip())
        if isinstance(answer, JsonPage):
            if not projected:
                return Response(answer.to_json(), status, media_type="application/json")
            answer = answer.to_python()
        if projected and isinstance(answer, (dict, list)):
            answer = compile_fields(fields)(answer, copy=False)
        content = json.dumps(answer, separators=(",", ":"), ensure_ascii=False).encode()
        return Response(content, status, media_type="application/json")

    # -- steps ------------------------------------------------------------------------

    def _authenticate(self, header: str | None) -> str:
        refused = ApiFault(401, "authentication required: send HTTP Basic credentials")
        if not header or not header[:6].lower() == "basic ":
            raise refused
        try:
            decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise refused from None
        username, colon, password = decoded.partition(":")
        if not colon:
            raise refused
        if hmac.compare_digest(username.encode(), self._username.encode()) and hmac.compare_digest(
            password.encode(), self._password.encode()
        ):
            return username
        with self.store.transaction(write=False) as tx:
            credential = tx.get_by_key("api_credential", username)
        if (
            credential is not None
            and credential.get("enabled")
            and hmac.compare_digest(password.encode(), str(credential.get("_secret", "")).encode())
        ):
            return username
        raise ApiFault(401, "invalid credentials")

    def _operation_of(self, scope: Scope) -> Operation | None:
        """The operation an HTTP request is for, or ``None`` (not an API path); the match
        is kept in the scope for :meth:`_route`."""
        try:
            matched = self._match(scope["method"], _raw_path(scope))
        except ApiFault:
            return None
        scope[_MATCHED] = matched
        return matched[0]

    def _route(self, request: Request) -> tuple[Operation, dict[str, str]]:
        matched: tuple[Operation, dict[str, str]] | None = request.scope.get(_MATCHED)
        if matched is not None:
            return matched
        return self._match(request.method, _raw_path(request.scope))

    def _match(self, method: str, path: str) -> tuple[Operation, dict[str, str]]:
        """The operation and path parameters for ``path`` as sent (still %-encoded)."""
        if not path.startswith("/v2/"):
            raise ApiFault(404, f"no such resource: {unquote(path)} (the API lives under /v2)")
        path = path[3:]
        allowed: list[str] = []
        for route in self._routes:
            match = route.pattern.match(path)
            if match is None:
                continue
            if route.operation.method == method:
                values = {k: unquote(v) for k, v in match.groupdict().items()}
                return route.operation, values
            allowed.append(route.operation.method)
        if allowed:
            methods = ", ".join(sorted(set(allowed)))
            raise ApiFault(405, f"method {method} is not allowed here; use {methods}")
        raise ApiFault(404, f"no such resource: /v2{unquote(path)}")


def _raw_path(scope: Scope) -> str:
    """The request's path as sent, still %-encoded (so ``%2F`` stays inside a segment)."""
    raw: bytes = scope.get("raw_path") or scope["path"].encode()
    return raw.split(b"?", 1)[0].decode("latin-1")


def _error(fault: ApiFault) -> Response:
    content = json.dumps(fault.body(), ensure_ascii=False).encode()
    headers = {}
    if fault.status == 401:
        headers["WWW-Authenticate"] = 'Basic realm="cftools sandbox"'
    return Response(content, fault.status, headers=headers, media_type="application/json")


def _read_query(operation: Operation, query: bytes, params: dict[str, Any]) -> None:
    try:
        pairs = parse_qsl(query.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except UnicodeDecodeError:
        raise ApiFault(400, "the query string is not UTF-8") from None
    for name, value in pairs:
        if name in params and name in {
            p.name for p in operation.parameters if p.location == "path"
        }:
            raise ApiFault(400, f"{name!r} is a path parameter; it cannot be given in the query")
        previous = params.get(name)
        if previous is None:
            parameter = operation.parameter(name)
            is_multi = parameter is not None and parameter.collection_format == "multi"
            params[name] = [value] if is_multi else value
        elif isinstance(previous, list):
            previous.append(value)
        else:
            params[name] = [previous, value]


async def _read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY:
        raise ApiFault(413, f"the request body is too large ({declared} bytes; at most {MAX_BODY})")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise ApiFault(413, f"the request body is too large (more than {MAX_BODY} bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def _media_type(headers: Headers) -> str:
    return headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _read_json(operation: Operation, headers: Headers, data: bytes) -> Any:
    if operation.body is None:
        raise ApiFault(400, f"{operation.operation_id} takes no request body")
    media_type = _media_type(headers)
    if media_type != "application/json" and not media_type.endswith("+json"):
        shown = media_type or "none"
        raise ApiFault(400, f"the body must be application/json (Content-Type was {shown})")
    return parse_json(data)


async def _once(data: bytes) -> AsyncGenerator[bytes, None]:
    yield data


async def _read_form(
    operation: Operation,
    headers: Headers,
    data: bytes,
    params: dict[str, Any],
    files: dict[str, Upload],
) -> None:
    if _media_type(headers) != "multipart/form-data":
        shown = _media_type(headers) or "none"
        raise ApiFault(
            400, f"{operation.operation_id} takes multipart/form-data (Content-Type was {shown})"
        )
    parser = MultiPartParser(headers, _once(data), max_files=8, max_fields=64)
    try:
        form = await parser.parse()
    except MultiPartException as error:
        raise ApiFault(400, f"the multipart body is malformed: {error.message}") from None
    for name, value in form.multi_items():
        if isinstance(value, UploadFile):
            content = await value.read()
            files[name] = Upload(
                value.filename or name, content, value.content_type or "application/octet-stream"
            )
        else:
            params[name] = value
