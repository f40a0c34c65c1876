"""A pytest plugin: a fresh local CallFire for each test that asks for one.

Registered through the ``pytest11`` entry point ``cftools_sandbox``, so installing
``cftools[sandbox]`` is enough. It lives outside :mod:`cftools.sandbox` and imports it
only inside the fixtures: a project that installed cftools without the extra still runs
pytest, and only a test that uses a fixture is told what to install.

Fixtures (function scope: every test starts from an empty sandbox):

- ``callfire_sandbox``: a sandbox served by uvicorn on a free loopback port, its clock
  running 60 times real time (``ScaledClock``, as ``cftools sandbox serve``);
- ``callfire_sandbox_inprocess``: the same without a socket (the app is called
  in-process through an httpx transport);
- ``callfire_sandbox_manual``: served like ``callfire_sandbox``, on a hand-driven clock
  (``ManualClock``): nothing moves until the test calls ``advance(seconds)``, so what
  happens over time is exact and instant.

Each gives a :class:`SandboxFixture`: the ``sandbox`` (its state, ``sandbox.faults``),
the ``url``, a ready ``client`` and ``async_client`` (closed after the test), and
``advance(seconds)``::

    def test_my_integration(callfire_sandbox):
        api = callfire_sandbox.client
        list_id = api.create_contact_list({"name": "VIP", "contactNumbers": ["12135551100"]})["id"]
        assert api.get_contact_list(id=list_id)["size"] == 1

    def test_a_day_later(callfire_sandbox_manual):
        callfire_sandbox_manual.sandbox.faults.configure(errors_after=0.1, seed=1)
        ...
        callfire_sandbox_manual.advance(24 * 3600)
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from cftools.client import AsyncClient, Client
    from cftools.sandbox import Sandbox

__all__ = [
    "SandboxFixture",
    "callfire_sandbox",
    "callfire_sandbox_inprocess",
    "callfire_sandbox_manual",
]


@dataclass(frozen=True)
class SandboxFixture:
    """A running sandbox and clients logged in to it."""

    sandbox: Sandbox
    url: str
    client: Client
    async_client: AsyncClient

    def advance(self, seconds: float) -> int:
        """Move the sandbox's clock forward and run what fell due; return the new time."""
        return self.sandbox.advance(seconds)


def _close_async(client: AsyncClient) -> None:
    # The test may have used it on an event loop that is gone by now; closing then
    # only drops connections, which the loop's end already did.
    with contextlib.suppress(Exception):
        asyncio.run(client.aclose())


@pytest.fixture
def callfire_sandbox() -> Iterator[SandboxFixture]:
    """A fresh sandbox served on a free 127.0.0.1 port, with a Client and an AsyncClient."""
    yield from _served(None)


@pytest.fixture
def callfire_sandbox_manual() -> Iterator[SandboxFixture]:
    """Like ``callfire_sandbox``, on a clock that moves only on ``advance(seconds)``."""
    sandbox_module = _import_sandbox()
    yield from _served(sandbox_module.ManualClock())


def _served(clock: Any) -> Iterator[SandboxFixture]:
    sandbox_module = _import_sandbox()
    with sandbox_module.SandboxServer(clock=clock) as server:
        client = server.client()
        async_client = server.async_client()
        try:
            yield SandboxFixture(server.sandbox, server.url, client, async_client)
        finally:
            client.close()
            _close_async(async_client)
            server.sandbox.close()


@pytest.fixture
def callfire_sandbox_inprocess() -> Iterator[SandboxFixture]:
    """A fresh sandbox called in-process (no socket), with a Client and an AsyncClient."""
    import httpx

    from cftools.client import AsyncClient, Client

    sandbox_module = _import_sandbox()
    sandbox = sandbox_module.Sandbox()
    url = "http://localhost/v2"
    username, password = sandbox.credentials
    transport = sandbox_module.SyncASGITransport(sandbox.app)
    client = Client(username, password, base_url=url, transport=transport)
    async_client = AsyncClient(
        username, password, base_url=url, transport=httpx.ASGITransport(app=sandbox.app)
    )
    try:
        yield SandboxFixture(sandbox, url, client, async_client)
    finally:
        client.close()
        _close_async(async_client)
        sandbox.close()


def _import_sandbox() -> Any:
    try:
        import cftools.sandbox
    except ImportError as error:
        pytest.skip(str(error))
    return cftools.sandbox
