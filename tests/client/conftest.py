"""Offline fixtures for the client tests: a scripted ``httpx.MockTransport`` that records
every request it receives, and clients wired to it (sleeping disabled, delays recorded).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from cftools.client import AsyncClient, Client

USERNAME = "api-login-7f3a"
PASSWORD = "s3cr3t-Pa55word-91"

Reply = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


class Server:
    """Answers requests from a script (one reply per request, the last one repeated)
    and keeps every request it saw, with its body read."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.replies: list[Reply] = [httpx.Response(200, json={})]
        self.delays: list[float] = []

    def reply(self, *replies: Reply) -> None:
        self.replies = list(replies)

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        index = min(len(self.requests) - 1, len(self.replies) - 1)
        reply = self.replies[index]
        if isinstance(reply, Exception):
            raise reply
        if callable(reply) and not isinstance(reply, httpx.Response):
            return reply(request)
        # A fresh response each time: a scripted one may be answered more than once.
        return httpx.Response(reply.status_code, headers=reply.headers, content=reply.content)

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        return self.handle(request)

    @property
    def count(self) -> int:
        return len(self.requests)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


@pytest.fixture
def server() -> Server:
    return Server()


@pytest.fixture
def client(server: Server) -> Iterator[Client]:
    with make_client(server) as c:
        yield c


@pytest.fixture
def new_client(server: Server) -> Callable[..., Client]:
    """A factory of clients on ``server`` with extra constructor options."""
    return lambda **options: make_client(server, **options)


@pytest.fixture
def new_async_client(server: Server) -> Callable[..., AsyncClient]:
    """A factory of async clients on ``server`` with extra constructor options."""
    return lambda **options: make_async_client(server, **options)


@pytest.fixture
def credentials() -> tuple[str, str]:
    return USERNAME, PASSWORD


def make_client(server: Server, **options: Any) -> Client:
    c = Client(USERNAME, PASSWORD, transport=httpx.MockTransport(server.handle), **options)
    c._sleep_for = server.delays.append
    return c


def make_async_client(server: Server, **options: Any) -> AsyncClient:
    c = AsyncClient(
        USERNAME, PASSWORD, transport=httpx.MockTransport(server.handle_async), **options
    )

    async def sleep(delay: float) -> None:
        server.delays.append(delay)

    c._async_sleep = sleep
    return c
