"""Retries: which requests are tried again, after what, and how long the client waits."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from cftools.client import (
    AsyncClient,
    Client,
    RateLimitError,
    ServerError,
    TransportError,
)
from cftools.client._retry import BASE_DELAY, MAX_DELAY, MAX_RETRY_AFTER, RetryPolicy

OK = httpx.Response(200, json={"id": 1})


def _request(method: str = "GET") -> httpx.Request:
    return httpx.Request(method, "https://api.callfire.com/v2/calls")


# -- the policy alone --------------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_idempotent_methods_retry_on_the_transient_statuses(method: str, status: int) -> None:
    assert RetryPolicy(2).after_response(method, 0, status, None) is not None


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 500, 501])
def test_other_statuses_are_never_retried(status: int) -> None:
    assert RetryPolicy(2).after_response("GET", 0, status, None) is None


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_post_is_not_retried_after_an_error_answer(status: int) -> None:
    assert RetryPolicy(5).after_response("POST", 0, status, 0.0) is None


def test_post_is_retried_after_a_429_which_proves_nothing_was_done() -> None:
    policy = RetryPolicy(2, random=lambda: 0.0)
    assert policy.after_response("POST", 0, 429, 3.0) == 3.0
    assert policy.after_response("POST", 0, 429, None) == policy.backoff(0)
    assert policy.after_response("POST", 2, 429, 3.0) is None  # retries used up
    assert policy.after_response("POST", 0, 429, MAX_RETRY_AFTER + 1) is None


@pytest.mark.parametrize(
    "exc",
    [
        httpx.ConnectError("refused", request=_request("POST")),
        httpx.ConnectTimeout("slow", request=_request("POST")),
        httpx.PoolTimeout("busy", request=_request("POST")),
    ],
)
def test_post_is_retried_when_the_request_never_left(exc: Exception) -> None:
    assert RetryPolicy(2).after_exception("POST", 0, exc) is not None


@pytest.mark.parametrize(
    "exc",
    [
        httpx.ReadTimeout("slow", request=_request("POST")),
        httpx.WriteTimeout("slow", request=_request("POST")),
        httpx.ReadError("reset", request=_request("POST")),
        httpx.RemoteProtocolError("closed", request=_request("POST")),
    ],
)
def test_post_is_not_retried_once_the_request_may_have_arrived(exc: Exception) -> None:
    assert RetryPolicy(2).after_exception("POST", 0, exc) is None
    assert RetryPolicy(2).after_exception("GET", 0, exc) is not None


def test_unrecoverable_transport_errors_are_not_retried() -> None:
    exc = httpx.UnsupportedProtocol("gopher", request=_request())
    assert RetryPolicy(2).after_exception("GET", 0, exc) is None


def test_backoff_grows_exponentially_with_at_most_a_quarter_of_jitter() -> None:
    low, high = RetryPolicy(9, random=lambda: 0.999999), RetryPolicy(9, random=lambda: 0.0)
    for attempt in range(8):
        nominal = min(MAX_DELAY, BASE_DELAY * 2**attempt)
        assert high.backoff(attempt) == nominal
        assert 0.75 * nominal < low.backoff(attempt) < nominal
    assert high.backoff(20) == MAX_DELAY


def test_backoff_bounds_are_the_policys_own() -> None:
    policy = RetryPolicy(9, base_delay=0.01, max_delay=0.05, random=lambda: 0.0)
    assert [policy.backoff(a) for a in range(5)] == [0.01, 0.02, 0.04, 0.05, 0.05]
    assert "base_delay=0.01" in repr(policy)


def test_retry_after_is_honoured_exactly_up_to_the_limit() -> None:
    policy = RetryPolicy(2)
    assert policy.after_response("GET", 0, 429, 7.0) == 7.0
    assert policy.after_response("GET", 0, 503, 0.0) == 0.0
    assert policy.after_response("GET", 0, 429, MAX_RETRY_AFTER + 1) is None


def test_no_retry_once_the_budget_is_spent() -> None:
    policy = RetryPolicy(2)
    assert policy.after_response("GET", 2, 503, None) is None
    exc = httpx.ConnectError("refused", request=_request())
    assert policy.after_exception("GET", 2, exc) is None


# -- through the client --------------------------------------------------------------------


def test_get_is_retried_then_succeeds(client: Client, server: Any) -> None:
    server.reply(httpx.Response(503), httpx.Response(502), OK)
    assert client.get_call(1) == {"id": 1}
    assert server.count == 3
    assert len(server.delays) == 2
    assert server.delays[1] > server.delays[0] * 1.4  # exponential, jitter at most 25 %


def test_retries_stop_at_max_retries_and_raise_the_last_error(
    new_client: Callable[..., Client], server: Any
) -> None:
    server.reply(httpx.Response(503, json={"message": "busy", "internalCode": "X1"}))
    with new_client(max_retries=3) as client, pytest.raises(ServerError) as info:
        client.find_calls()
    assert server.count == 4
    assert info.value.status_code == 503
    assert info.value.internal_code == "X1"


def test_max_retries_zero_sends_once(new_client: Callable[..., Client], server: Any) -> None:
    server.reply(httpx.Response(503))
    with new_client(max_retries=0) as client, pytest.raises(ServerError):
        client.find_calls()
    assert server.count == 1


def test_retry_after_header_sets_the_delay(client: Client, server: Any) -> None:
    server.reply(httpx.Response(429, headers={"Retry-After": "3"}), OK)
    assert client.get_call(1) == {"id": 1}
    assert server.delays == [3.0]


def test_a_long_retry_after_is_not_waited_out(client: Client, server: Any) -> None:
    server.reply(httpx.Response(429, headers={"Retry-After": "3600"}))
    with pytest.raises(RateLimitError) as info:
        client.get_call(1)
    assert server.count == 1
    assert info.value.retry_after == 3600.0
    assert server.delays == []


def test_sending_calls_is_never_repeated_after_a_response(client: Client, server: Any) -> None:
    server.reply(httpx.Response(503), OK)
    with pytest.raises(ServerError):
        client.send_calls([{"phoneNumber": "12135551100", "liveMessage": "hi"}])
    assert server.count == 1


def test_sending_texts_is_never_repeated_after_a_read_timeout(client: Client, server: Any) -> None:
    server.reply(httpx.ReadTimeout("no answer"), OK)
    with pytest.raises(TransportError) as info:
        client.send_texts([{"phoneNumber": "12135551100", "message": "hi"}])
    assert server.count == 1
    assert info.value.timeout
    assert isinstance(info.value.__cause__, httpx.ReadTimeout)


def test_post_is_retried_when_the_connection_failed(client: Client, server: Any) -> None:
    server.reply(httpx.ConnectError("refused"), OK)
    assert client.send_texts([{"phoneNumber": "12135551100", "message": "hi"}]) == {"id": 1}
    assert server.count == 2


def test_network_errors_end_in_transport_error(client: Client, server: Any) -> None:
    server.reply(httpx.ConnectError("Connection refused"))
    with pytest.raises(TransportError, match=r"getCall .*failed: ConnectError") as info:
        client.get_call(1)
    assert server.count == 3
    assert not info.value.timeout
    assert info.value.operation_id == "getCall"


def test_async_client_retries_the_same_way(
    new_async_client: Callable[..., AsyncClient], server: Any
) -> None:
    server.reply(httpx.Response(504), httpx.ConnectError("refused"), OK)

    async def run() -> Any:
        async with new_async_client() as client:
            return await client.get_call(1)

    assert asyncio.run(run()) == {"id": 1}
    assert server.count == 3
    assert len(server.delays) == 2


def test_async_post_is_not_retried_after_a_response(
    new_async_client: Callable[..., AsyncClient], server: Any
) -> None:
    server.reply(httpx.Response(502), OK)

    async def run() -> None:
        async with new_async_client() as client:
            await client.create_webhook({"name": "w", "callback": "https://example.com/h"})

    with pytest.raises(ServerError):
        asyncio.run(run())
    assert server.count == 1


def test_a_body_that_cannot_be_decoded_is_a_transport_error(client: Client, server: Any) -> None:
    server.reply(httpx.DecodingError("bad gzip"))
    with pytest.raises(TransportError, match="DecodingError"):
        client.get_call(1)
    assert server.count == 1
