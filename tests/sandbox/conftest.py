"""Shared pieces of the sandbox tests: an in-process sandbox whose answers are recorded."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

pytest.importorskip("starlette")

from cftools.client import Client
from cftools.sandbox import ManualClock, Sandbox, SyncASGITransport

BASE_URL = "http://localhost/v2"


@dataclass
class Exchange:
    method: str
    path: str
    status: int
    content_type: str
    content: bytes


@dataclass
class Recorder(httpx.BaseTransport):
    """Passes requests to the in-process sandbox and keeps every answer."""

    inner: SyncASGITransport
    exchanges: list[Exchange] = field(default_factory=list)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        self.exchanges.append(
            Exchange(
                request.method,
                request.url.path,
                response.status_code,
                response.headers.get("content-type", ""),
                response.content,
            )
        )
        return response

    def close(self) -> None:
        self.inner.close()


@dataclass
class Local:
    sandbox: Sandbox
    client: Client
    recorder: Recorder
    http: httpx.Client  # raw requests (wrong bodies, headers), already authenticated

    @property
    def last(self) -> Exchange:
        return self.recorder.exchanges[-1]

    def call(self, operation_id: str, **kwargs: Any) -> Any:
        return self.client.invoke(operation_id, **kwargs)


@pytest.fixture
def local() -> Iterator[Local]:
    sandbox = Sandbox(seed=7, clock=ManualClock())  # time moves only when a test says so
    recorder = Recorder(SyncASGITransport(sandbox.app))
    client = Client("sandbox", "sandbox", base_url=BASE_URL, transport=recorder, max_retries=0)
    http = httpx.Client(
        base_url=BASE_URL, auth=("sandbox", "sandbox"), transport=SyncASGITransport(sandbox.app)
    )
    try:
        yield Local(sandbox, client, recorder, http)
    finally:
        client.close()
        http.close()
        sandbox.close()
