"""Credentials never appear in a repr, a log line or an exception message."""

from __future__ import annotations

import asyncio
import base64
import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from cftools.client import (
    ApiError,
    AsyncClient,
    Client,
    RequestValidationError,
    TransportError,
)
from cftools.client._base import redact_headers


@pytest.fixture
def secrets(credentials: tuple[str, str]) -> list[str]:
    username, password = credentials
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return [username, password, token]


def assert_clean(text: str, secrets: list[str]) -> None:
    for secret in secrets:
        assert secret not in text


def test_repr_shows_the_base_url_and_no_credentials(
    client: Client, new_async_client: Callable[..., AsyncClient], secrets: list[str]
) -> None:
    text = repr(client)
    assert text.startswith("<cftools.client.Client base_url='https://api.callfire.com/v2'")
    assert "redacted" in text
    assert_clean(text, secrets)
    assert_clean(repr(new_async_client()), secrets)
    assert_clean(str(vars(client)), secrets)


def test_debug_logs_redact_authorization(
    client: Client, server: Any, secrets: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: cftools, httpx, httpcore
    server.reply(httpx.Response(503), httpx.Response(200, json={"id": 1}))
    client.get_call(1)
    cftools_lines = [r.getMessage() for r in caplog.records if r.name.startswith("cftools")]
    assert any("authorization" in line.lower() and "[redacted]" in line for line in cftools_lines)
    assert any("retry 1 of 2" in line for line in cftools_lines)
    assert_clean(caplog.text, secrets)
    assert_clean("\n".join(r.getMessage() for r in caplog.records), secrets)


def test_errors_do_not_carry_credentials(client: Client, server: Any, secrets: list[str]) -> None:
    messages = []
    server.reply(httpx.Response(401, json={"message": "bad credentials"}))
    with pytest.raises(ApiError) as api:
        client.get_account()
    messages.append(str(api.value))
    server.reply(httpx.ConnectError("refused"))
    with pytest.raises(TransportError) as transport:
        client.get_account()
    messages.append(str(transport.value))
    with pytest.raises(RequestValidationError) as invalid:
        client.find_calls(limit="x")
    messages.append(str(invalid.value))
    for message in messages:
        assert_clean(message, secrets)
    assert_clean(repr(api.value.__dict__), secrets)


def test_async_client_logs_are_clean_too(
    new_async_client: Callable[..., AsyncClient],
    server: Any,
    secrets: list[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)

    async def run() -> None:
        async with new_async_client() as client:
            await client.get_account()

    asyncio.run(run())
    assert "[redacted]" in caplog.text
    assert_clean(caplog.text, secrets)


def test_redact_headers_is_case_insensitive() -> None:
    headers = {"authorization": "Basic abc", "Cookie": "s=1", "Accept": "application/json"}
    assert redact_headers(headers) == {
        "authorization": "[redacted]",
        "Cookie": "[redacted]",
        "Accept": "application/json",
    }


def test_dialplan_warnings_are_logged_on_the_cftools_logger(
    client: Client, server: Any, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cftools.client import _base
    from cftools.client._checks import Problem

    def check(*args: Any, **kwargs: Any) -> list[Problem]:
        return [Problem("body[0].dialplanXml", "unreachable <play> after <hangup>", "dialplan")]

    monkeypatch.setattr(_base, "check_request", check)
    caplog.set_level(logging.WARNING, logger="cftools")
    client.send_calls([{"phoneNumber": "12135551100", "dialplanXml": "<dialplan/>"}])
    [record] = [r for r in caplog.records if r.name.startswith("cftools")]
    assert record.levelno == logging.WARNING
    assert record.getMessage() == (
        "sendCalls: body[0].dialplanXml: unreachable <play> after <hangup>"
    )
    assert server.count == 1
