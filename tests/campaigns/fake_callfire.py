"""A small, stateful, fault-injecting fake of the CallFire broadcast endpoints (test-only).

It serves just what :mod:`cftools.campaigns` uses, with the API's paths and shapes:

* ``POST /calls/broadcasts``, ``POST /texts/broadcasts``: create (201 ``{"id": n}``);
* ``GET /calls/broadcasts``, ``GET /texts/broadcasts``: find, with the ``name`` filter;
* ``GET /{kind}/broadcasts/{id}``: get one;
* ``POST /{kind}/broadcasts/{id}/batches``: add a named batch (201 ``{"id": n}``);
* ``GET /{kind}/broadcasts/{id}/batches``: list batches, paged by ``limit``/``offset``;
* ``POST /calls/broadcasts/{id}/start``, ``POST /texts/broadcasts/{id}/start``: start;
* ``PUT /campaigns/batches/{id}``: update a batch (``enabled``);
* ``GET /calls/recordings/{id}.mp3``: a few bytes, for ``cftools api --output``.

Faults, each chosen per request from a seeded random generator (or forced by a hook):

* **429** with a ``Retry-After`` (decimal seconds) when requests come faster than
  ``rate`` a second (a token bucket holding ``burst`` tokens);
* **5xx before the work**: 503, nothing stored;
* **5xx after the work**: the work is done and stored, the client sees 500;
* **dropped connection after the work**: the work is done, the client sees
  ``httpx.RemoteProtocolError`` or ``httpx.ConnectError`` raised by the transport;
* **late** (forced by a hook only, as ``"late:SECONDS"``): the client's read times out
  (``httpx.ReadTimeout``) and the work is done that many seconds later, as by a server
  still busy with the request when the client gave up;
* **killed** (forced by a hook only): ``KilledProcess``, a ``BaseException``, is raised
  before or after the work, as if the client process died with the request in flight.

The same :meth:`FakeCallFire.handle` serves an ``httpx.MockTransport`` (which works for
``Client`` and ``AsyncClient`` alike) and a loopback HTTP server (:func:`serve`), so a
test can SIGKILL a job in a subprocess and still read what the "server" holds. It is
meant to be swapped for the stateful sandbox once that exists.
"""

from __future__ import annotations

import json
import random
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

__all__ = ["FakeCallFire", "Faults", "KilledProcess", "serve"]

_BROADCASTS = re.compile(r"/(calls|texts)/broadcasts\Z")
_ONE = re.compile(r"/(calls|texts)/broadcasts/(\d+)\Z")
_BATCHES = re.compile(r"/(calls|texts)/broadcasts/(\d+)/batches\Z")
_START = re.compile(r"/(calls|texts)/broadcasts/(\d+)/start\Z")
_RECORDING = re.compile(r"/(calls)/recordings/(\d+)\.mp3\Z")
_BATCH = re.compile(r"/(campaigns)/batches/(\d+)\Z")
RECORDING = b"ID3\x03\x00fake mp3 bytes"

Hook = Callable[[str, httpx.Request], "str | None"]
"""``hook(endpoint, request)`` returns a forced fault name or ``None`` (random faults)."""


class KilledProcess(BaseException):
    """Raised by the ``kill_before`` and ``kill_after`` faults: the client process dies
    with the request in flight (before or after the server did the work)."""


@dataclass
class Faults:
    """Fault probabilities per request (each 0..1) and the rate limit."""

    error_before: float = 0.0
    error_after: float = 0.0
    drop_after: float = 0.0
    rate: float | None = None
    burst: float = 1.0
    seed: int = 0


@dataclass
class _Broadcast:
    id: int
    kind: str
    body: dict[str, Any]
    status: str = "SETUP"
    batches: list[dict[str, Any]] = field(default_factory=list)


class FakeCallFire:
    """The fake server's state and its request handler (thread-safe)."""

    def __init__(
        self, faults: Faults | None = None, *, hook: Hook | None = None, keep: bool = True
    ) -> None:
        self.faults = faults or Faults()
        self.keep = keep  # False: batches keep their size, not their recipients (benchmarks)
        self.hook = hook
        self.broadcasts: dict[int, _Broadcast] = {}
        self.requests = 0
        self.throttled = 0
        self.faulted = 0
        self.accepted_posts = 0
        self._next_id = 1000
        self._lock = threading.Lock()
        self._random = random.Random(self.faults.seed)
        self._tokens = self.faults.burst
        self._refilled = time.monotonic()

    # -- inspection ---------------------------------------------------------------------

    def phones(self, broadcast_id: int) -> list[str]:
        """Every recipient phone number stored in the broadcast's batches, in order."""
        with self._lock:
            stored = self.broadcasts[broadcast_id]
            return [r["phoneNumber"] for b in stored.batches for r in b["recipients"]]

    def enabled_phones(self, broadcast_id: int) -> list[str]:
        """The phone numbers of the broadcast's enabled batches: who will be reached."""
        with self._lock:
            stored = self.broadcasts[broadcast_id]
            return [
                r["phoneNumber"] for b in stored.batches if b["enabled"] for r in b["recipients"]
            ]

    def batch_names(self, broadcast_id: int) -> list[str]:
        with self._lock:
            return [b["name"] for b in self.broadcasts[broadcast_id].batches]

    # -- transports -----------------------------------------------------------------------

    def transport(self) -> httpx.MockTransport:
        """A transport for ``Client`` or ``AsyncClient`` (MockTransport serves both)."""
        return httpx.MockTransport(self.handle)

    # -- the handler ------------------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer one request, or raise the transport error of a dropped connection."""
        path = request.url.path
        if path.startswith("/v2"):
            path = path[3:]
        endpoint, match = _route(request.method, path)
        with self._lock:
            self.requests += 1
            if endpoint is None or match is None:
                return _error(404, f"no such endpoint: {request.method} {path}")
            forced = self.hook(endpoint, request) if self.hook else None
            wait = self._throttle()
            if forced == "throttle" or (forced is None and wait is not None):
                self.throttled += 1
                return httpx.Response(
                    429,
                    headers={"Retry-After": f"{wait if wait is not None else 0.01:.3f}"},
                    json={"httpStatusCode": 429, "internalCode": 0, "message": "slow down"},
                )
            fault = forced if forced is not None else self._random_fault(request.method)
            if fault is not None and fault.startswith("late:"):
                work = getattr(self, "_" + endpoint)
                timer = threading.Timer(float(fault[5:]), self._late, (work, request, match))
                timer.daemon = True
                timer.start()
                raise httpx.ReadTimeout("the server is still at work", request=request)
            if fault == "kill_before":
                raise KilledProcess(endpoint)
            if fault == "error_before":
                self.faulted += 1
                return _error(503, "service unavailable (nothing done)")
            response = getattr(self, "_" + endpoint)(request, match)
            if request.method == "POST" and response.is_success:
                self.accepted_posts += 1
            if fault == "kill_after":
                raise KilledProcess(endpoint)
            if fault == "error_after":
                self.faulted += 1
                return _error(500, "internal error (after the work was done)")
            if fault in ("drop_after", "connect_after"):
                self.faulted += 1
                error = (
                    httpx.ConnectError if fault == "connect_after" else httpx.RemoteProtocolError
                )
                raise error("the connection dropped after the work", request=request)
            return response

    def _late(self, work: Callable[..., httpx.Response], *args: Any) -> None:
        with self._lock:
            work(*args)

    def _random_fault(self, method: str) -> str | None:
        f = self.faults
        roll = self._random.random()
        if roll < f.error_before:
            return "error_before"
        roll -= f.error_before
        if roll < f.error_after:
            return "error_after"
        roll -= f.error_after
        if roll < f.drop_after:
            return self._random.choice(("drop_after", "connect_after"))
        return None

    def _throttle(self) -> float | None:
        """Take a token from the bucket; the seconds until one is free when empty."""
        rate = self.faults.rate
        if rate is None:
            return None
        now = time.monotonic()
        self._tokens = min(self.faults.burst, self._tokens + (now - self._refilled) * rate)
        self._refilled = now
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return None
        return max(0.001, (1.0 - self._tokens) / rate)

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    # -- endpoints ------------------------------------------------------------------------

    def _create(self, request: httpx.Request, match: re.Match[str]) -> httpx.Response:
        body = json.loads(request.content or b"{}")
        broadcast = _Broadcast(self._new_id(), match[1], body)
        self.broadcasts[broadcast.id] = broadcast
        return httpx.Response(201, json={"id": broadcast.id})

    def _find(self, request: httpx.Request, match: re.Match[str]) -> httpx.Response:
        name = request.url.params.get("name")
        found = [
            {**b.body, "id": b.id, "status": b.status}
            for b in self.broadcasts.values()
            if b.kind == match[1] and (name is None or name in str(b.body.get("name", "")))
        ]
        return _page(request, found)

    def _get(self, request: httpx.Request, match: re.Match[str]) -> httpx.Response:
        broadcast = self._broadcast(match)
        if broadcast is None:
            return _error(404, "no such broadcast")
        return httpx.Response(
            200, json={**broadcast.body, "id": broadcast.id, "status": broadcast.status}
        )

    def _add_batch(self, request: httpx.Request, match: re.Match[str]) -> httpx.Response:
        broadcast = self._broadcast(match)
        if broadcast is None:
            return _error(404, "no such broadcast")
        body = json.loads(request.content or b"{}")
        recipients = body.get("recipients") or []
        if not recipients:
            return _error(400, "a batch needs recipients")
        batch = {
            "id": self._new_id(),
            "name": body.get("name"),
            "broadcastId": broadcast.id,
            "status": "ACTIVE",
            "size": len(recipients),
            "remaining": len(recipients),
            "enabled": True,
            "created": int(time.time() * 1000),
            "recipients": recipients if self.keep else [],
        }
        broadcast.batches.append(batch)
        return httpx.Response(201, json={"id": batch["id"]})

    def _batches(self, request: httpx.Request, match: re.Match[str]) -> httpx.Response:
        broadcast = self._broadcast(match)
        if broadcast is None:
            return _error(404, "no such broadcast")
        shown = [{k: v for k, v in b.items() if k != "recipients"} for b in broadcast.batches]
        return _page(request, shown)

    def _start(self, request: httpx.Request, match: re.Match[str]) -> httpx.Response:
        broadcast = self._broadcast(match)
        if broadcast is None:
            return _error(404, "no such broadcast")
        broadcast.status = "RUNNING"
        return httpx.Response(204)

    def _update_batch(self, request: httpx.Request, match: re.Match[str]) -> httpx.Response:
        for broadcast in self.broadcasts.values():
            for batch in broadcast.batches:
                if batch["id"] == int(match[2]):
                    body = json.loads(request.content or b"{}")
                    if "enabled" in body:
                        batch["enabled"] = bool(body["enabled"])
                    return httpx.Response(204)
        return _error(404, "no such batch")

    def _recording(self, request: httpx.Request, match: re.Match[str]) -> httpx.Response:
        return httpx.Response(200, content=RECORDING, headers={"Content-Type": "audio/mpeg"})

    def _broadcast(self, match: re.Match[str]) -> _Broadcast | None:
        broadcast = self.broadcasts.get(int(match[2]))
        return broadcast if broadcast is not None and broadcast.kind == match[1] else None


def _route(method: str, path: str) -> tuple[str | None, re.Match[str] | None]:
    for pattern, by_method in (
        (_BROADCASTS, {"POST": "create", "GET": "find"}),
        (_ONE, {"GET": "get"}),
        (_BATCHES, {"POST": "add_batch", "GET": "batches"}),
        (_START, {"POST": "start"}),
        (_RECORDING, {"GET": "recording"}),
        (_BATCH, {"PUT": "update_batch"}),
    ):
        match = pattern.match(path)
        if match is not None:
            return by_method.get(method), match
    return None, None


def _page(request: httpx.Request, items: list[Any]) -> httpx.Response:
    limit = int(request.url.params.get("limit", 100))
    offset = int(request.url.params.get("offset", 0))
    return httpx.Response(
        200,
        json={
            "items": items[offset : offset + limit],
            "limit": limit,
            "offset": offset,
            "totalCount": len(items),
        },
    )


def _error(status: int, message: str) -> httpx.Response:
    return httpx.Response(
        status, json={"httpStatusCode": status, "internalCode": 0, "message": message}
    )


# -- a loopback HTTP server around the same handler ---------------------------------------


@contextmanager
def serve(fake: FakeCallFire) -> Iterator[str]:
    """Serve ``fake`` on 127.0.0.1 (a free port) in a thread; yield its base URL."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            content = self.rfile.read(length) if length else b""
            url = f"http://127.0.0.1{self.path}"
            request = httpx.Request(self.command, url, headers=dict(self.headers), content=content)
            try:
                response = fake.handle(request)
            except httpx.TransportError:
                self.close_connection = True  # dropped: no response at all
                return
            body = response.content
            self.send_response(response.status_code)
            for name, value in response.headers.items():
                if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = _serve

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v2"
    finally:
        server.shutdown()
        server.server_close()
