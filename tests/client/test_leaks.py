"""No exception the client raises holds the credentials anywhere a caller can reach:
its message, its attributes, the exceptions chained to it (``__cause__``,
``__context__``) and their attributes, such as the ``httpx.Request`` an httpx exception
keeps (whose headers carried the ``Authorization``), walked as an object graph.

Tracebacks are not walked: their frames hold the client itself, which must keep the
credentials to send them."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import html
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import httpx
import pytest

from cftools import CftoolsError
from cftools.client import AsyncClient, Client, TransportError

USERNAME = "zed-login"
PASSWORD = "p@ss:w/rd%&?#é \"'<x>"
TOKEN = base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()


def _forms(value: str) -> set[str]:
    """The forms the redaction knows: raw, percent- and form-encoded, HTML-escaped and
    JSON-quoted (ASCII or not, with or without an escaped '/')."""
    forms = {value, quote(value, safe=""), quote_plus(value, safe=""), html.escape(value)}
    forms.add(html.escape(value, quote=False))
    for ascii_only in (True, False):
        inside = json.dumps(value, ensure_ascii=ascii_only)[1:-1]
        forms |= {inside, inside.replace("/", "\\/")}
    return forms


FORBIDDEN = sorted(_forms(PASSWORD) | _forms(TOKEN), key=len, reverse=True)


def _reachable(root: object) -> Iterator[tuple[str, object]]:
    """Every object reachable from ``root`` through exception links, attributes and
    containers, with the path that reaches it (tracebacks and frames excluded)."""
    seen: set[int] = set()
    pending: list[tuple[str, object]] = [("error", root)]
    while pending:
        path, value = pending.pop()
        if id(value) in seen or value is None:
            continue
        seen.add(id(value))
        yield path, value
        if isinstance(value, (str, bytes, int, float, bool)):
            continue
        if isinstance(value, (list, tuple, set, frozenset)):
            pending += [(f"{path}[{i}]", v) for i, v in enumerate(value)]
            continue
        if isinstance(value, dict):
            pending += [(f"{path}[{k!r}]", v) for k, v in value.items()]
            pending += [(f"{path}.key", k) for k in value]
            continue
        if isinstance(value, httpx.Headers):
            pending += [(f"{path}.raw", list(value.raw))]
            continue
        if isinstance(value, httpx.URL):
            pending.append((f"{path}.str", str(value)))
            continue
        if isinstance(value, httpx.Request):
            pending += [(f"{path}.headers", value.headers), (f"{path}.url", value.url)]
            with contextlib.suppress(httpx.RequestNotRead):
                pending.append((f"{path}.content", value.content))
        if isinstance(value, BaseException):
            pending += [
                (f"{path}.__cause__", value.__cause__),
                (f"{path}.__context__", value.__context__),
                (f"{path}.args", value.args),
                (f"{path}.__notes__", getattr(value, "__notes__", None)),
            ]
            for name in ("strerror", "filename", "filename2", "request", "response"):
                with contextlib.suppress(RuntimeError):  # httpx: no request attached
                    pending.append((f"{path}.{name}", getattr(value, name, None)))
        attributes = getattr(value, "__dict__", None)
        if isinstance(attributes, dict):
            pending += [(f"{path}.{k}", v) for k, v in attributes.items()]


def assert_no_credentials(error: BaseException) -> None:
    for path, value in _reachable(error):
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if isinstance(value, str):
            for form in FORBIDDEN:
                assert form not in value, f"{path} holds a credential: {value!r}"


class Leaky(Exception):
    """What a careless custom transport may raise: credentials in attributes too."""

    def __init__(self, message: str, request: httpx.Request) -> None:
        super().__init__(message)
        self.header = request.headers["authorization"]
        self.details = {"login": [PASSWORD, html.escape(PASSWORD)], "raw": TOKEN.encode()}
        self.sent = request


def _raise(make: Callable[[httpx.Request], BaseException]) -> Callable[[httpx.Request], Any]:
    def handler(request: httpx.Request) -> httpx.Response:
        raise make(request)

    return handler


def _chained(request: httpx.Request) -> BaseException:
    try:
        raise KeyError(f"Basic {TOKEN}")
    except KeyError:
        try:
            raise OSError(104, f"reset while sending {json.dumps(PASSWORD)}", quote(PASSWORD))
        except OSError as inner:
            return ValueError(f"transport broke: {quote_plus(PASSWORD)}", inner)


FAILURES: dict[str, Callable[[httpx.Request], BaseException]] = {
    # httpx attaches the request (and its Authorization header) to its own exceptions.
    "httpx error": lambda request: httpx.ConnectError("refused"),
    "httpx error echoing": lambda request: httpx.ReadError(
        f"reset after {request.headers['authorization']}"
    ),
    "OSError": lambda request: OSError(111, f"refused for {PASSWORD}", PASSWORD),
    "ValueError, chained": _chained,
    "custom attributes": lambda request: Leaky(f"no {html.escape(PASSWORD)}", request),
}


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_a_failing_transport_leaks_no_credentials(failure: str) -> None:
    transport = httpx.MockTransport(_raise(FAILURES[failure]))
    with Client(USERNAME, PASSWORD, transport=transport) as client:
        client._sleep_for = lambda delay: None
        with pytest.raises(TransportError) as raised:
            client.get_call(1)
    error = raised.value
    assert error.__cause__ is not None
    assert type(error.__cause__).__name__ in str(error)
    assert_no_credentials(error)


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_a_failing_async_transport_leaks_no_credentials(failure: str) -> None:
    make = FAILURES[failure]

    async def handler(request: httpx.Request) -> httpx.Response:
        raise make(request)

    async def run() -> BaseException:
        transport = httpx.MockTransport(handler)
        async with AsyncClient(USERNAME, PASSWORD, transport=transport) as client:

            async def no_sleep(delay: float) -> None:
                return None

            client._async_sleep = no_sleep
            with pytest.raises(TransportError) as raised:
                await client.get_call(1)
            return raised.value

    assert_no_credentials(asyncio.run(run()))


def test_the_request_kept_by_the_cause_has_its_authorization_redacted() -> None:
    transport = httpx.MockTransport(_raise(lambda request: httpx.ConnectError("refused")))
    with (
        Client(USERNAME, PASSWORD, transport=transport, max_retries=0) as client,
        pytest.raises(TransportError) as raised,
    ):
        client.get_call(1)
    cause = raised.value.__cause__
    assert isinstance(cause, httpx.ConnectError)
    assert cause.request.headers["authorization"] == "[redacted]"
    assert cause.request.url.path.endswith("/calls/1")  # still useful for debugging


def test_a_foreign_exception_is_a_transport_error_and_not_retried() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise ValueError("the transport's own bug")

    client = Client(USERNAME, PASSWORD, transport=httpx.MockTransport(handler))
    with client, pytest.raises(TransportError, match=r"ValueError \(raised by the transport\)"):
        client.get_call(1)
    assert len(calls) == 1


class _Stream(httpx.SyncByteStream):
    def __iter__(self) -> Iterator[bytes]:
        yield b"ID3"
        raise OSError(f"connection lost, auth was Basic {TOKEN}")


def test_a_download_failing_mid_stream_leaks_no_credentials(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=_Stream(), headers={"Content-Type": "audio/mpeg"})

    with (
        Client(USERNAME, PASSWORD, transport=httpx.MockTransport(handler)) as client,
        pytest.raises(TransportError) as raised,
    ):
        client.download("getCallRecordingMp3", tmp_path / "a.mp3", id=1)
    assert_no_credentials(raised.value)
    assert list(tmp_path.iterdir()) == []


def test_an_error_response_echoing_the_credentials_leaks_nothing() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        header = request.headers["authorization"]
        return httpx.Response(401, json={"message": f"bad {header} {PASSWORD}"})

    with (
        Client(USERNAME, PASSWORD, transport=httpx.MockTransport(handler)) as client,
        pytest.raises(CftoolsError) as raised,
    ):
        client.get_call(1)
    assert_no_credentials(raised.value)


def test_the_walk_finds_a_credential_where_one_is() -> None:
    """The checker itself: it must see into causes, attributes and requests."""
    request = httpx.Request("GET", "https://x.example", headers={"Authorization": TOKEN})
    error = TransportError("failed", operation_id="getCall")
    error.__cause__ = httpx.ConnectError("refused", request=request)
    with pytest.raises(AssertionError, match=r"__cause__\.(_)?request\.headers"):
        assert_no_credentials(error)
    nested = ValueError("x")
    nested.__context__ = OSError(1, "e", quote_plus(PASSWORD))
    with pytest.raises(AssertionError, match=r"__context__\.filename"):
        assert_no_credentials(nested)


def test_the_repr_of_a_client_whose_construction_failed_does_not_raise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A debugger or pytest shows `self` of a failed __init__: it used to raise there.
    monkeypatch.delenv("CALLFIRE_USERNAME", raising=False)
    client = Client.__new__(Client)
    assert repr(client).startswith("<cftools.client.Client base_url=None")


def test_a_container_that_holds_itself_is_scrubbed_without_recursing_forever() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        loop: list[Any] = [PASSWORD]
        loop.append(loop)
        raise ValueError(loop)

    client = Client(USERNAME, PASSWORD, transport=httpx.MockTransport(handler))
    with client, pytest.raises(TransportError) as raised:
        client.get_call(1)
    assert_no_credentials(raised.value)
