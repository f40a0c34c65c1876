"""Serving a sandbox: in the foreground, in a background thread, or in-process.

:func:`serve` runs uvicorn until Ctrl-C. :class:`SandboxServer` runs it in a thread on
a loopback port chosen by the system (the socket is bound before the thread starts, so
there is no race for the port) and hands out ready clients. :class:`SyncASGITransport`
lets the synchronous client call the application without any socket.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx
import uvicorn

from ._app import Sandbox

logger = logging.getLogger("cftools.sandbox")

if TYPE_CHECKING:
    from cftools.client import AsyncClient, Client

__all__ = ["SandboxServer", "SyncASGITransport", "serve"]

_START_TIMEOUT = 15.0
_TICK_SECONDS = 0.05


class _Ticker:
    """Runs the sandbox's due work every ``interval`` seconds of wall time, in a thread,
    so calls finish and webhooks fire while no request arrives."""

    def __init__(self, sandbox: Sandbox, interval: float = _TICK_SECONDS) -> None:
        self._sandbox = sandbox
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="cftools-sandbox-tick", daemon=True)

    def start(self) -> _Ticker:
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                self._sandbox.run_due()
            except Exception:  # a closed store at shutdown; logged by the tickers themselves
                if self._stop.is_set():
                    return
                logger.exception("sandbox: a tick failed")

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=_START_TIMEOUT)


def _config(sandbox: Sandbox, host: str, port: int, log_level: str) -> uvicorn.Config:
    return uvicorn.Config(
        sandbox.app,
        host=host,
        port=port,
        log_level=log_level,
        access_log=False,
        lifespan="off",
        server_header=False,
    )


def serve(
    sandbox: Sandbox,
    *,
    host: str = "127.0.0.1",
    port: int = 8080,
    log_level: str = "warning",
    ready: Callable[[str], None] | None = None,
) -> None:
    """Serve ``sandbox`` with uvicorn in the foreground until interrupted (Ctrl-C).

    ``ready`` is called with the base URL once the server listens.
    """
    sock = _bind(host, port)
    server = uvicorn.Server(_config(sandbox, host, sock.getsockname()[1], log_level))
    if ready is not None:
        url = _base_url(host, sock.getsockname()[1])
        original = server.startup

        async def startup(sockets: Any = None) -> None:
            await original(sockets=sockets)
            if server.started:
                ready(url)

        server.startup = startup  # type: ignore[method-assign]
    ticker = _Ticker(sandbox).start()
    try:
        server.run(sockets=[sock])
    finally:
        ticker.stop()
        sock.close()


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP: asyncio sets TCP_NODELAY only on sockets that say they are TCP
    # (accepted sockets inherit it); without it every answer waits ~40 ms for an ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _base_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/v2"


class SandboxServer:
    """A sandbox served by uvicorn in a background thread, on loopback by default.

    Use it as a context manager (or call :meth:`start` and :meth:`stop`)::

        with SandboxServer() as server:
            with server.client() as api:
                api.find_calls()

    ``port=0`` (the default) lets the system choose a free port. Keyword arguments
    other than ``host``/``port`` build the :class:`Sandbox` when none is given.
    """

    def __init__(
        self,
        sandbox: Sandbox | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        **options: Any,
    ) -> None:
        self.sandbox = sandbox if sandbox is not None else Sandbox(**options)
        self.host = host
        self._port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None
        self._ticker: _Ticker | None = None

    @property
    def url(self) -> str:
        """The base URL (``http://127.0.0.1:PORT/v2``), once started."""
        return _base_url(self.host, self._port)

    def start(self) -> SandboxServer:
        """Bind, start serving in a thread, and wait until requests are answered."""
        if self._thread is not None:
            return self
        sock = _bind(self.host, self._port)
        self._socket = sock
        self._port = sock.getsockname()[1]
        server = uvicorn.Server(_config(self.sandbox, self.host, self._port, "warning"))
        self._server = server
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="cftools-sandbox", daemon=True
        )
        self._thread = thread
        thread.start()
        self._ticker = _Ticker(self.sandbox).start()
        waited = 0.0
        while not server.started:
            if not thread.is_alive() or waited > _START_TIMEOUT:
                self.stop()
                raise RuntimeError(f"the sandbox server did not start on {self.url}")
            threading.Event().wait(0.01)
            waited += 0.01
        return self

    def stop(self) -> None:
        """Stop serving and wait for the thread (the sandbox's state is kept)."""
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=_START_TIMEOUT)
        if self._socket is not None:
            self._socket.close()
        self._server = self._thread = self._socket = None

    def client(self, **options: Any) -> Client:
        """A :class:`cftools.client.Client` for this server, with its credentials."""
        from cftools.client import Client

        username, password = self.sandbox.credentials
        return Client(username, password, base_url=self.url, **options)

    def async_client(self, **options: Any) -> AsyncClient:
        """A :class:`cftools.client.AsyncClient` for this server, with its credentials."""
        from cftools.client import AsyncClient

        username, password = self.sandbox.credentials
        return AsyncClient(username, password, base_url=self.url, **options)

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self._thread is not None else "stopped"
        return f"<cftools.sandbox.SandboxServer {self.url} {state}>"


class SyncASGITransport(httpx.BaseTransport):
    """Calls an ASGI application in-process from synchronous httpx code.

    The application runs through ``httpx.ASGITransport`` on an event loop in a daemon
    helper thread (so a transport that is never closed cannot hold the process open);
    :meth:`close` stops the thread::

        transport = SyncASGITransport(sandbox.app)
        Client("sandbox", "sandbox", base_url="http://localhost/v2", transport=transport)
    """

    def __init__(self, app: Any) -> None:
        self._asgi = httpx.ASGITransport(app=app)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="cftools-sandbox-asgi", daemon=True
        )
        self._thread.start()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._loop.is_closed():
            raise RuntimeError("this SyncASGITransport is closed")
        content = request.read()
        inner = httpx.Request(request.method, request.url, headers=request.headers, content=content)

        async def call() -> tuple[int, list[tuple[bytes, bytes]], bytes]:
            response = await self._asgi.handle_async_request(inner)
            body = b"".join([chunk async for chunk in response.stream])  # type: ignore[union-attr]
            return response.status_code, response.headers.raw, body

        status, headers, body = asyncio.run_coroutine_threadsafe(call(), self._loop).result()
        return httpx.Response(status, headers=headers, content=body, request=request)

    def close(self) -> None:
        if self._loop.is_closed():
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=_START_TIMEOUT)
        self._loop.close()
