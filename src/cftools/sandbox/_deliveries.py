"""Webhook deliveries: every matching webhook gets a signed POST when an event happens.

:class:`Deliveries` subscribes to the sandbox's events. For each :class:`Event`, every
webhook that is ``enabled``, watches the event's ``resource`` and lists its ``event`` gets
one delivery: a POST of CallFire's payload to its ``callback``::

    {"timestamp": <sandbox ms, when the delivery was made>, "webhookId": 17,
     "webhookName": "calls", "resourceType": "OutboundCall",
     "events": [{"timestamp": <sandbox ms of the event>, "eventType": "finished",
                 "resource": {...the resource, with the webhook's fields applied...}}]}

The resource goes through the webhook's ``fields`` with :mod:`cftools.fields`, exactly
as the API projects an answer; the body is compact JSON, and when the webhook has a
``secret`` the ``X-CallFire-Signature`` header is :func:`cftools.webhooks.sign` of those
very bytes (so :func:`cftools.webhooks.receive` accepts it). One event, one POST.

Never blocking a request. The subscriber runs on the thread that emitted the event (a
request, a tick): it only reads the matching webhooks, builds the body and queues the
delivery. One worker thread (started with the first delivery, stopped by
``Sandbox.close()``) makes the POSTs, one at a time in order, through an httpx
transport with short timeouts (``sandbox.deliveries.timeout``, default 5 s; 2 s to
connect: a dead receiver delays the deliveries queued behind it by that much). It reads
no proxy from the environment and never follows a redirect (a 3xx is a failed attempt):
deliveries go only to the webhook's own URL, and only to an ``http``/``https`` one (any
other callback is logged as a failed delivery, and nothing is sent). User info in the
callback (``https://user:password@host/``) is sent as Basic credentials. ``nonStrictSsl``
webhooks are posted without certificate checks, as CallFire documents.

Retries. An attempt fails on a connection error, a timeout or an answer other than
2xx. The next one is due :data:`RETRY_DELAYS_MS` later on the **sandbox clock**
(30 s, 1 min, 2 min, 4 min, 8 min after the failed attempt: 6 attempts in all), then the
delivery is ``failed``. Retries are started by a ticker, so a test with a
``ManualClock`` triggers each one with ``sandbox.advance(30)``, and a served sandbox
(``--speed 60``) retries every few wall seconds. A retry sends the same bytes (same
``timestamp``, same signature): a receiver can recognise it. Before each attempt the
webhook is read again: deleted or disabled, the delivery is ``cancelled``.
``singleUse`` webhooks are disabled (``enabled: false``, in the store) after their first
successful delivery; the deliveries still queued for them are then cancelled.

The log. Every delivery and each of its attempts is kept in memory (not in the store:
it is what the sandbox observed, not CallFire state, and the worker records attempts
without taking the request lock; a restart forgets it, and pending retries with it).
The newest :data:`MAX_LOG` deliveries are kept; ``sandbox.reset()`` clears the log and
every pending retry. Read it with :meth:`Deliveries.log` or the control endpoint::

    GET /_sandbox/webhooks/deliveries[?webhookId=ID][&status=STATUS]

which answers ``{"items": [delivery, ...], "totalCount": N}``, oldest first; each item
is :meth:`Delivery.to_json`: ``id``, ``webhookId``, ``webhookName``, ``resourceType``,
``eventType``, ``url``, ``status`` (``pending``, ``retrying``, ``delivered``,
``failed``, ``cancelled``), ``createdAt``, ``nextRetryAt``, ``error``, ``payload`` and
``attempts`` (``attempt``, ``at``, ``statusCode``, ``error``, ``durationMs``,
``nextRetryAt``). Times are sandbox epoch milliseconds, ``durationMs`` wall time. URLs are
shown without their user info or query values, and no secret is ever kept: only the
signature of each body.
"""

from __future__ import annotations

import base64
import heapq
import itertools
import json
import logging
import queue
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

import httpx
from starlette.requests import Request

from cftools._version import __version__
from cftools.fields import FieldsSyntaxError
from cftools.spec import compile_fields
from cftools.webhooks import SIGNATURE_HEADER, sign

from ._control import control
from ._core import ApiFault, public
from ._events import Event
from ._store import Change, equals, has_item

if TYPE_CHECKING:
    from ._app import Sandbox

__all__ = ["MAX_LOG", "RETRY_DELAYS_MS", "Deliveries", "Delivery", "DeliveryAttempt"]

logger = logging.getLogger("cftools.sandbox")

RETRY_DELAYS_MS: tuple[int, ...] = (30_000, 60_000, 120_000, 240_000, 480_000)
"""How long after a failed attempt the next one is due (sandbox milliseconds); after the
last, the delivery has failed. One first attempt plus one retry per delay."""

MAX_LOG = 10_000
"""How many deliveries the log keeps (the oldest finished ones are forgotten first)."""

Status = Literal["pending", "retrying", "delivered", "failed", "cancelled"]
STATUSES: tuple[Status, ...] = ("pending", "retrying", "delivered", "failed", "cancelled")
_FINAL = frozenset({"delivered", "failed", "cancelled"})
_USER_AGENT = f"cftools-sandbox/{__version__} (webhooks)"
_MAX_ANSWER = 64 * 1024  # past this much of an answer's body, drop the connection instead


@dataclass(frozen=True, slots=True)
class DeliveryAttempt:
    """One POST of a delivery: when (sandbox ms), what came back, how long it took."""

    attempt: int
    at_ms: int
    status_code: int | None
    error: str | None
    duration_ms: float
    next_retry_at: int | None

    @property
    def ok(self) -> bool:
        """Whether the receiver answered 2xx."""
        return self.error is None

    def to_json(self) -> dict[str, Any]:
        return {
            "attempt": self.attempt,
            "at": self.at_ms,
            "statusCode": self.status_code,
            "error": self.error,
            "durationMs": round(self.duration_ms, 3),
            "nextRetryAt": self.next_retry_at,
        }


@dataclass(frozen=True, slots=True)
class Delivery:
    """What the log knows of one delivery (a snapshot: it does not change afterwards)."""

    id: int
    webhook_id: int
    webhook_name: str
    resource: str
    event: str
    url: str  # shown without user info and query values
    status: Status
    created_at: int
    next_retry_at: int | None
    error: str | None
    payload: Mapping[str, Any] = field(repr=False)
    attempts: tuple[DeliveryAttempt, ...]

    def to_json(self) -> dict[str, Any]:
        """The delivery as the control endpoint shows it."""
        return {
            "id": self.id,
            "webhookId": self.webhook_id,
            "webhookName": self.webhook_name,
            "resourceType": self.resource,
            "eventType": self.event,
            "url": self.url,
            "status": self.status,
            "createdAt": self.created_at,
            "nextRetryAt": self.next_retry_at,
            "error": self.error,
            "payload": self.payload,
            "attempts": [attempt.to_json() for attempt in self.attempts],
        }


@dataclass(slots=True, eq=False)
class _Pending:
    """A delivery while the sandbox works on it (guarded by ``Deliveries._lock``)."""

    id: int
    generation: int
    webhook_id: int
    webhook_created: Any  # tells a webhook from a later one that reuses its id (reset)
    webhook_name: str
    resource: str
    event: str
    target: str = field(repr=False)  # the real URL (its query may hold a token): never shown
    url: str  # shown
    strict_ssl: bool
    body: bytes
    headers: dict[str, str] = field(repr=False)
    created_at: int
    status: Status = "pending"
    next_retry_at: int | None = None
    error: str | None = None
    attempts: list[DeliveryAttempt] = field(default_factory=list)

    def snapshot(self) -> Delivery:
        return Delivery(
            self.id,
            self.webhook_id,
            self.webhook_name,
            self.resource,
            self.event,
            self.url,
            self.status,
            self.created_at,
            self.next_retry_at,
            self.error,
            json.loads(self.body),
            tuple(self.attempts),
        )


class Deliveries:
    """Delivers the sandbox's events to its webhooks (see the module's docstring).

    Built by :class:`~cftools.sandbox.Sandbox` as ``sandbox.deliveries``. ``timeout`` is
    the longest wait, in wall seconds, for a receiver to answer (at most 2 s of it to
    connect); it can be changed at any time and counts from the next attempt.
    """

    def __init__(self, sandbox: Sandbox, *, timeout: float = 5.0) -> None:
        self._sandbox = sandbox
        self.timeout = timeout
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._log: dict[int, _Pending] = {}
        self._ids = itertools.count(1)
        self._retries: list[tuple[int, int, _Pending]] = []  # a heap by due time
        self._generation = 0
        self._outstanding = 0  # queued or being attempted
        self._queue: queue.SimpleQueue[_Pending | None] = queue.SimpleQueue()
        self._worker: threading.Thread | None = None
        self._closed = False
        # The enabled webhooks by (resource, event), forgotten whenever a webhook changes:
        # most events have no webhook, and then cost one dict lookup.
        self._watching: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self._webhooks_version = 0
        sandbox.store.listen(self._on_changes)
        sandbox.events.subscribe(self._on_event)
        sandbox.add_ticker(self._tick)
        sandbox.on_reset(self._reset)
        sandbox.on_close(self.close)

    def __repr__(self) -> str:
        with self._lock:
            counts = dict.fromkeys(STATUSES, 0)
            for pending in self._log.values():
                counts[pending.status] += 1
        shown = " ".join(f"{status}={count}" for status, count in counts.items() if count)
        return f"<Deliveries {shown or 'none'}>"

    # -- reading the log -----------------------------------------------------------------

    def log(self, *, webhook_id: int | None = None, status: str | None = None) -> list[Delivery]:
        """The deliveries, oldest first, of one webhook and/or in one status."""
        if status is not None and status not in STATUSES:
            raise ValueError(f"no delivery status {status!r}; use one of {', '.join(STATUSES)}")
        with self._lock:
            return [
                pending.snapshot()
                for pending in self._log.values()
                if (webhook_id is None or pending.webhook_id == webhook_id)
                and (status is None or pending.status == status)
            ]

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Wait until no delivery is queued or being attempted; ``False`` on timeout.

        Retries that are not due yet do not count: move the clock to make them due.
        """
        with self._idle:
            return self._idle.wait_for(lambda: self._outstanding == 0, timeout)

    # -- from events to deliveries -------------------------------------------------------

    def _on_changes(self, changes: Sequence[Change]) -> None:
        if any(change.kind == "webhook" for change in changes):
            with self._lock:
                self._watching.clear()
                self._webhooks_version += 1

    def _watchers(self, resource: str, event: str) -> list[dict[str, Any]]:
        """The enabled webhooks watching ``event`` of ``resource``, oldest first."""
        key = (resource, event)
        with self._lock:
            found = self._watching.get(key)
            version = self._webhooks_version
        if found is not None:
            return found
        with self._sandbox.store.transaction(write=False) as tx:
            found, _ = tx.find(
                "webhook",
                [equals("resource", resource), has_item("events", event), equals("enabled", True)],
                newest_first=False,
            )
        with self._lock:
            if version == self._webhooks_version:  # no webhook changed meanwhile
                self._watching[key] = found
        return found

    def _on_event(self, event: Event) -> None:
        if self._closed:
            return
        hooks = self._watchers(event.resource, event.event)
        if not hooks:
            return
        now = self._sandbox.clock.now_ms()
        for hook in hooks:
            pending = self._prepare(hook, event, now)
            with self._lock:
                self._remember(pending)
                if pending.status == "pending":
                    self._enqueue(pending)

    def _prepare(self, hook: Mapping[str, Any], event: Event, now: int) -> _Pending:
        """The delivery of ``event`` to ``hook``: its body, headers, and where it goes."""
        resource: Any = public(dict(event.doc))  # an event emitted by hand may hold some
        error = None
        fields = hook.get("fields")
        if isinstance(fields, str) and fields.strip():
            try:
                resource = compile_fields(fields)(resource, copy=True)
            except FieldsSyntaxError as exc:
                error = f"the webhook's fields expression is malformed: {exc}"
        payload = {
            "timestamp": now,
            "webhookId": hook["id"],
            "webhookName": hook.get("name", ""),
            "resourceType": event.resource,
            "events": [{"timestamp": event.at_ms, "eventType": event.event, "resource": resource}],
        }
        body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
        headers = {"Content-Type": "application/json", "User-Agent": _USER_AGENT}
        secret = hook.get("secret")
        if secret:
            headers[SIGNATURE_HEADER] = sign(body, str(secret))
        target = str(hook.get("callback") or "")
        shown = shown_url(target)
        if error is None and not _is_http(target):
            error = "the callback is not an http(s) URL with a host; nothing was sent"
        elif error is None:
            target = _with_credentials_as_header(target, headers)
        pending = _Pending(
            id=0,
            generation=0,
            webhook_id=int(hook["id"]),
            webhook_created=hook.get("createdAt"),
            webhook_name=str(hook.get("name", "")),
            resource=event.resource,
            event=event.event,
            target=target,
            url=shown,
            strict_ssl=not hook.get("nonStrictSsl"),
            body=body,
            headers=headers,
            created_at=now,
        )
        if error is not None:
            pending.status, pending.error = "failed", error
        return pending

    def _remember(self, pending: _Pending) -> None:
        """Give ``pending`` its id and put it in the log (with the lock held)."""
        pending.id = next(self._ids)
        pending.generation = self._generation
        self._log[pending.id] = pending
        if len(self._log) > MAX_LOG:  # forget a tenth at once: a full log costs no more
            excess = len(self._log) - MAX_LOG * 9 // 10
            for old in [p for p in self._log.values() if p.status in _FINAL][:excess]:
                del self._log[old.id]

    def _enqueue(self, pending: _Pending) -> None:
        """Hand ``pending`` to the worker (with the lock held)."""
        if self._closed:
            return
        self._outstanding += 1
        if self._worker is None:
            self._worker = threading.Thread(
                target=self._work, name="cftools-sandbox-webhooks", daemon=True
            )
            self._worker.start()
        self._queue.put(pending)

    def _tick(self, now: int) -> None:
        """Queue the retries that fell due (a ticker: cheap when none did)."""
        if not self._retries:
            return
        with self._lock:
            while self._retries and self._retries[0][0] <= now:
                _, _, pending = heapq.heappop(self._retries)
                if pending.generation == self._generation and pending.status == "retrying":
                    self._enqueue(pending)

    # -- the worker ----------------------------------------------------------------------

    def _work(self) -> None:
        transports: dict[bool, httpx.HTTPTransport] = {}
        try:
            while True:
                pending = self._queue.get()
                if pending is None:
                    return
                try:
                    self._attempt(pending, transports)
                except Exception:  # a closed store at shutdown, a bug: never kill the worker
                    if self._closed:
                        return
                    logger.exception("sandbox: webhook delivery %s failed", pending.id)
                finally:
                    with self._idle:
                        self._outstanding -= 1
                        self._idle.notify_all()
        finally:
            for transport in transports.values():
                transport.close()

    @staticmethod
    def _transport(
        transports: dict[bool, httpx.HTTPTransport], strict_ssl: bool
    ) -> httpx.HTTPTransport:
        # A transport, not a Client: it follows no redirect, reads no proxy from the
        # environment, and logs no URL (httpx.Client logs each one, query included).
        transport = transports.get(strict_ssl)
        if transport is None:
            transport = httpx.HTTPTransport(verify=strict_ssl, retries=0)
            transports[strict_ssl] = transport
        return transport

    def _attempt(self, pending: _Pending, transports: dict[bool, httpx.HTTPTransport]) -> None:
        with self._lock:
            if pending.generation != self._generation or pending.status in _FINAL:
                return
        why = self._cancelled(pending)
        if why is not None:
            with self._lock:
                if pending.generation == self._generation:
                    pending.status, pending.error, pending.next_retry_at = "cancelled", why, None
            return
        at = self._sandbox.clock.now_ms()
        started = time.perf_counter()
        status_code, error = self._post(pending, self._transport(transports, pending.strict_ssl))
        duration = (time.perf_counter() - started) * 1000
        ended = self._sandbox.clock.now_ms()  # a fast clock may have moved a lot meanwhile
        with self._lock:
            if pending.generation != self._generation:
                return  # the sandbox was reset meanwhile
            number = len(pending.attempts) + 1
            next_at = None
            if error is not None and number <= len(RETRY_DELAYS_MS):
                next_at = ended + RETRY_DELAYS_MS[number - 1]
                heapq.heappush(self._retries, (next_at, pending.id, pending))
            pending.attempts.append(
                DeliveryAttempt(number, at, status_code, error, duration, next_at)
            )
            pending.error, pending.next_retry_at = error, next_at
            if error is None:
                pending.status = "delivered"
            else:
                pending.status = "retrying" if next_at is not None else "failed"
        logger.info(
            "sandbox: webhook %s %s.%s to %s, attempt %d: %s",
            pending.webhook_id,
            pending.resource,
            pending.event,
            pending.url,
            number,
            error or status_code,
        )
        if error is None:
            self._used(pending)

    def _post(
        self, pending: _Pending, transport: httpx.HTTPTransport
    ) -> tuple[int | None, str | None]:
        seconds = self.timeout
        timeout = httpx.Timeout(seconds, connect=min(seconds, 2.0))
        try:
            request = httpx.Request(
                "POST",
                pending.target,
                content=pending.body,
                headers=pending.headers,
                extensions={"timeout": timeout.as_dict()},
            )
            response = transport.handle_request(request)
            try:  # read (a little of) the answer, so that the connection can be kept
                read = 0
                for chunk in response.iter_raw():
                    read += len(chunk)
                    if read > _MAX_ANSWER:
                        break
            finally:
                response.close()
        except httpx.TimeoutException:
            return None, f"timed out (no answer within {seconds:g} s)"
        except (httpx.HTTPError, httpx.InvalidURL, OSError) as exc:
            message = str(exc).replace(pending.target, pending.url)
            return None, f"{type(exc).__name__}: {message}" if message else type(exc).__name__
        code = response.status_code
        if 200 <= code < 300:
            return code, None
        if 300 <= code < 400:
            return code, f"HTTP {code}: redirects are not followed"
        return code, f"HTTP {code}"

    def _cancelled(self, pending: _Pending) -> str | None:
        """Why ``pending`` must not be attempted (its webhook is gone or disabled), or None."""
        with self._sandbox.store.transaction(write=False) as tx:
            hook = tx.get("webhook", pending.webhook_id)
        if hook is None or hook.get("createdAt") != pending.webhook_created:
            return f"webhook {pending.webhook_id} was deleted"
        if not hook.get("enabled", True):
            return f"webhook {pending.webhook_id} was disabled"
        return None

    def _used(self, pending: _Pending) -> None:
        """Disable a ``singleUse`` webhook after its first successful delivery."""
        with self._sandbox.store.transaction() as tx:
            hook = tx.get("webhook", pending.webhook_id)
            if (
                hook is None
                or hook.get("createdAt") != pending.webhook_created
                or not hook.get("singleUse")
                or not hook.get("enabled", True)
            ):
                return
            hook["enabled"] = False
            hook["updatedAt"] = self._sandbox.clock.now_ms()
            tx.put("webhook", hook)

    # -- reset and close -----------------------------------------------------------------

    def _reset(self) -> None:
        with self._lock:
            self._generation += 1
            self._watching.clear()
            self._webhooks_version += 1
            self._log.clear()
            self._retries.clear()
            self._ids = itertools.count(1)

    def close(self, timeout: float = 1.0) -> None:
        """Stop the worker: what is queued is dropped; an attempt under way may finish
        (its thread is a daemon, waited for ``timeout`` seconds)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._generation += 1
            worker = self._worker
        self._queue.put(None)
        if worker is not None:
            worker.join(timeout)


def _is_http(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _with_credentials_as_header(url: str, headers: dict[str, str]) -> str:
    """``url`` without its user info, which goes into ``headers`` as Basic credentials
    (as a browser sends ``https://user:password@host/``)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    userinfo, host = parts.netloc.rsplit("@", 1)
    user, _, password = userinfo.partition(":")
    token = f"{unquote(user)}:{unquote(password)}".encode()
    headers["Authorization"] = "Basic " + base64.b64encode(token).decode("ascii")
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def shown_url(url: str) -> str:
    """``url`` fit for a log: no user info (``***@``), each query value ``***``."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            netloc = "***@" + netloc.rsplit("@", 1)[1]
        query = parts.query
        if query:
            pairs = parse_qsl(query, keep_blank_values=True)
            query = urlencode([(name, "***") for name, _ in pairs], safe="*")
        return urlunsplit((parts.scheme, netloc, parts.path, query, ""))
    except ValueError:
        return "<not a URL>"


# -- The control endpoint ------------------------------------------------------------------


@control("GET", "/webhooks/deliveries")
async def list_deliveries(sandbox: Sandbox, request: Request) -> Any:
    """The webhook delivery log, oldest first (filters: ``webhookId``, ``status``)."""
    query = request.query_params
    webhook_id: int | None = None
    raw = query.get("webhookId")
    if raw is not None:
        try:
            webhook_id = int(raw)
        except ValueError:
            raise ApiFault(400, f"webhookId must be an integer, not {raw!r}") from None
    status = query.get("status")
    if status is not None and status not in STATUSES:
        raise ApiFault(400, f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    items = [d.to_json() for d in sandbox.deliveries.log(webhook_id=webhook_id, status=status)]
    return {"items": items, "totalCount": len(items)}
