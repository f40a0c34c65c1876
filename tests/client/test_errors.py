"""Error responses become typed ApiErrors, whatever the body holds."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cftools
from cftools.client import (
    ApiError,
    AsyncClient,
    BadRequestError,
    Client,
    ConfigurationError,
    ForbiddenError,
    NotFoundError,
    RateLimitError,
    RequestValidationError,
    ServerError,
    TransportError,
    UnauthorizedError,
)
from cftools.client._wire import parse_retry_after

ERROR_BODY = {
    "httpStatusCode": 400,
    "internalCode": "0010",
    "message": "toNumber must be a valid phone number",
    "developerMessage": "validation failed on field toNumber",
    "helpLink": "https://developers.callfire.com/results-responses-errors.html",
}


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, UnauthorizedError),
        (403, ForbiddenError),
        (404, NotFoundError),
        (429, RateLimitError),
        (500, ServerError),
        (501, ServerError),
        (409, ApiError),
        (415, ApiError),
    ],
)
def test_each_status_has_its_class(
    new_client: Any, server: Any, status: int, cls: type[ApiError]
) -> None:
    server.reply(httpx.Response(status, json={**ERROR_BODY, "httpStatusCode": status}))
    with new_client(max_retries=0) as client, pytest.raises(ApiError) as info:
        client.get_call(7)
    error = info.value
    assert type(error) is cls
    assert isinstance(error, cftools.CftoolsError)
    assert error.status_code == status
    assert error.internal_code == "0010"
    assert error.message == ERROR_BODY["message"]
    assert error.developer_message == ERROR_BODY["developerMessage"]
    assert error.help_link == ERROR_BODY["helpLink"]
    assert error.operation_id == "getCall"
    assert str(error) == (
        f"getCall (GET /v2/calls/7): HTTP {status} [0010]: toNumber must be a valid phone number"
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"<html><body><h1>502 Bad Gateway</h1></body></html>", "502 Bad Gateway"),
        (b'{"message": "cut off in the mid', '{"message": "cut off in the mid'),
        (b"", "Not Found"),
        (b"\x00\xff\xfe binary \x07 junk", "binary junk"),
        (b"[1, 2, 3]", "[1, 2, 3]"),
        (b'{"message": null, "internalCode": ""}', '{"message": null, "internalCode": ""}'),
    ],
)
def test_non_json_or_truncated_bodies_still_give_a_clean_error(
    client: Client, server: Any, content: bytes, expected: str
) -> None:
    server.reply(httpx.Response(404, content=content))
    with pytest.raises(NotFoundError) as info:
        client.get_call(7)
    assert info.value.message.endswith(expected) or expected in info.value.message
    assert info.value.internal_code is None
    assert "\n" not in str(info.value)


def test_a_huge_error_body_is_cut_short(client: Client, server: Any) -> None:
    server.reply(httpx.Response(400, content=b"x" * 100_000))
    with pytest.raises(BadRequestError) as info:
        client.get_call(7)
    assert len(info.value.message) == 200
    assert info.value.message.endswith("…")


def test_a_huge_json_error_message_is_cut_short(client: Client, server: Any) -> None:
    # The JSON message went into the exception whole: megabytes in every log line.
    huge = {"message": "m" * 3_000_000, "developerMessage": "d" * 3_000_000}
    server.reply(httpx.Response(400, json=huge))
    with pytest.raises(BadRequestError) as info:
        client.get_call(7)
    assert len(info.value.message) == 1000
    assert info.value.message.endswith("…")
    assert info.value.developer_message is not None
    assert len(info.value.developer_message) == 1000


def test_a_json_error_message_is_one_printable_line(client: Client, server: Any) -> None:
    # It went into the exception (and log lines) as sent: newlines forged log lines and
    # terminal escapes could clear the screen.
    body = {"message": "bad number\n2026-01-01 INFO all good\x1b[2J", "internalCode": "0\r1"}
    server.reply(httpx.Response(400, json=body))
    with pytest.raises(BadRequestError) as info:
        client.get_call(7)
    assert info.value.message == "bad number 2026-01-01 INFO all good [2J"
    assert info.value.internal_code == "0 1"
    assert str(info.value).isprintable()


def test_a_path_value_with_control_characters_cannot_split_the_error_line(
    client: Client, server: Any
) -> None:
    # The path went into ApiError decoded: a CR/LF in a path value forged a log line.
    server.reply(httpx.Response(404, json={"message": "no such source"}))
    with pytest.raises(NotFoundError) as info:
        client.delete_do_not_contacts_by_source(source="web\r\nX-Forged: 1 é")
    assert info.value.path.endswith("/contacts/dncs/sources/web%0D%0AX-Forged: 1 é")
    assert str(info.value).isprintable()
    assert server.requests[0].url.path.endswith("/sources/web\r\nX-Forged: 1 é")


@pytest.mark.parametrize("status", [200, 400])
def test_json_nested_too_deeply_to_decode_is_an_api_error(
    client: Client, server: Any, status: int
) -> None:
    # json.loads raised a bare RecursionError for either a success or an error body.
    server.reply(httpx.Response(status, content=b"[" * 100_000 + b"]" * 100_000))
    with pytest.raises(ApiError) as info:
        client.get_call(7)
    assert info.value.status_code == status
    if status == 200:
        assert "nested too deeply" in info.value.message


def test_an_error_body_in_a_declared_charset_is_read_in_it(client: Client, server: Any) -> None:
    headers = {"Content-Type": "text/plain; charset=iso-8859-1"}
    server.reply(httpx.Response(400, content="Nummer ungültig".encode("latin-1"), headers=headers))
    with pytest.raises(BadRequestError, match=r"Nummer ungültig$"):
        client.get_call(7)
    body = json.dumps({"message": "Nummer ungültig"}).encode("utf-16")
    headers = {"Content-Type": "application/json; charset=utf-16"}
    server.reply(httpx.Response(400, content=body, headers=headers))
    with pytest.raises(BadRequestError, match=r"Nummer ungültig$"):
        client.get_call(7)


def test_a_success_in_a_declared_charset_is_read_in_it(client: Client, server: Any) -> None:
    # Only UTF-8/16/32 were tried, whatever the Content-Type said.
    headers = {"Content-Type": "application/json; charset=iso-8859-1"}
    content = json.dumps({"name": "Müller"}, ensure_ascii=False).encode("latin-1")
    server.reply(httpx.Response(200, content=content, headers=headers))
    assert client.get_contact(5) == {"name": "Müller"}
    # Bytes that are not in the declared charset are an error, not U+FFFD in the data.
    headers = {"Content-Type": "application/json; charset=utf-8"}
    server.reply(httpx.Response(200, content=b'{"name": "M\xfcller"}', headers=headers))
    with pytest.raises(ApiError, match="not JSON"):
        client.get_contact(5)


def test_developer_message_stands_in_for_a_missing_message(client: Client, server: Any) -> None:
    server.reply(httpx.Response(400, json={"developerMessage": "bad id"}))
    with pytest.raises(BadRequestError, match="bad id"):
        client.get_call(7)


def test_a_success_that_is_not_json_is_an_api_error(client: Client, server: Any) -> None:
    server.reply(httpx.Response(200, content=b"<html>maintenance</html>"))
    with pytest.raises(ApiError, match="not JSON") as info:
        client.get_account()
    assert info.value.status_code == 200


def test_a_boolean_operation_answering_something_else(client: Client, server: Any) -> None:
    server.reply(httpx.Response(200, json={"available": True}))
    with pytest.raises(ApiError, match="where a boolean was due"):
        client.is_keyword_available("HELLO")


@pytest.mark.parametrize("body", [b"", b"  ", b"null", b'"true"', b"1"])
def test_a_boolean_operation_never_returns_anything_but_a_bool(
    client: Client, server: Any, body: bytes
) -> None:
    # An empty body used to come back as None, which callers read as "not available".
    server.reply(httpx.Response(200, content=body))
    with pytest.raises(ApiError, match="where a boolean was due"):
        client.is_keyword_available("HELLO")
    assert server.count == 1


def test_the_exception_tree() -> None:
    for cls in (BadRequestError, UnauthorizedError, ForbiddenError, NotFoundError):
        assert issubclass(cls, ApiError)
    assert issubclass(RateLimitError, ApiError)
    assert issubclass(ServerError, ApiError)
    for cls in (ApiError, TransportError, ConfigurationError, RequestValidationError):
        assert issubclass(cls, cftools.CftoolsError)
        home = "cftools.spec" if cls is RequestValidationError else "cftools.client"
        assert cls.__module__ == home
    assert issubclass(ConfigurationError, ValueError)
    assert issubclass(RequestValidationError, ValueError)


# -- Retry-After ----------------------------------------------------------------------


def test_retry_after_in_seconds_and_as_a_date() -> None:
    assert parse_retry_after("12") == 12.0
    assert parse_retry_after(" 1.5 ") == 1.5
    assert parse_retry_after("-3") == 0.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    assert parse_retry_after("nan") is None
    later = datetime.now(timezone.utc) + timedelta(seconds=30)
    parsed = parse_retry_after(format_datetime(later, usegmt=True))
    assert parsed is not None and 25 <= parsed <= 31
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    # Not a delay in seconds: RateLimitError.retry_after was inf (time.sleep(inf) raises
    # OverflowError), and '1_0' or '1e1' waited 10 s.
    for text in ("inf", "Infinity", "-inf", "1e400", "1_0", "1e1", "0x10", "9" * 400):
        assert parse_retry_after(text) is None


@given(st.text(max_size=40))
def test_retry_after_never_raises_and_is_never_negative(value: str) -> None:
    parsed = parse_retry_after(value)
    assert parsed is None or parsed >= 0.0


def test_rate_limit_error_carries_retry_after(new_client: Any, server: Any) -> None:
    server.reply(httpx.Response(429, json={"message": "slow down"}, headers={"Retry-After": "2"}))
    with new_client(max_retries=0) as client, pytest.raises(RateLimitError) as info:
        client.find_calls()
    assert info.value.retry_after == 2.0
    assert json.loads(server.last.content or b"{}") == {}


def test_every_error_names_the_same_full_path(client: Client, server: Any) -> None:
    # TransportError and the not-a-page error used to show '/calls', ApiError '/v2/calls'.
    paths = []
    server.reply(httpx.Response(400))
    with pytest.raises(ApiError) as api:
        client.find_calls()
    paths.append(api.value.path)
    server.reply(httpx.ReadTimeout("slow"))
    with pytest.raises(TransportError, match=r"\(POST /v2/calls\) timed out"):
        client.send_calls([{"phoneNumber": "12135551100"}])
    server.reply(httpx.Response(200, json={"id": 1}))
    with pytest.raises(ApiError) as page:
        list(client.paginate("findCalls"))
    paths.append(page.value.path)
    assert paths == ["/v2/calls", "/v2/calls"]


def test_a_transport_error_says_what_to_do_and_what_may_have_happened(
    new_client: Any, server: Any
) -> None:
    # It named the httpx exception only: not which timeout to raise, nor that a POST
    # cut off by a read timeout may have reached the server (and was not retried).
    server.reply(httpx.ReadTimeout("timed out"))
    with new_client(timeout=httpx.Timeout(5.0, read=12.5)) as client:
        with pytest.raises(TransportError) as info:
            client.send_calls([{"phoneNumber": "12135551100"}])
        assert str(info.value).endswith(
            "ReadTimeout: timed out; the read timeout is 12.5 s; pass a larger timeout=; "
            "the server may have received the request, so it was not retried"
        )
        server.reply(httpx.ConnectError("refused"))
        with pytest.raises(TransportError) as info:
            client.get_call(1)
        assert str(info.value).endswith(
            "ConnectError: refused; check base_url (https://api.callfire.com/v2) and the network"
        )
    with new_client(timeout=None, max_retries=0) as client:  # a transport's own timeout
        server.reply(httpx.PoolTimeout("no connection free"))
        with pytest.raises(TransportError, match=r"PoolTimeout: no connection free$"):
            client.get_call(1)


def test_async_client_has_the_same_errors_and_paths(
    new_async_client: Callable[..., AsyncClient], server: Any
) -> None:
    async def run() -> list[BaseException]:
        raised: list[BaseException] = []
        async with new_async_client() as client:
            for reply, call in [
                (httpx.Response(200), lambda: client.is_keyword_available("HELLO")),
                (
                    httpx.ReadTimeout("slow"),
                    lambda: client.send_calls([{"phoneNumber": "12135551100"}]),
                ),
            ]:
                server.reply(reply)
                try:
                    await call()
                except (ApiError, TransportError) as exc:
                    raised.append(exc)
            server.reply(httpx.Response(200, json={"id": 1}))
            try:
                [item async for item in client.paginate("findCalls", limit="5")]
            except ApiError as exc:
                raised.append(exc)
        return raised

    boolean, timeout, page = asyncio.run(run())
    assert "empty body where a boolean was due" in str(boolean)
    assert "(POST /v2/calls) timed out" in str(timeout)
    assert isinstance(page, ApiError) and page.path == "/v2/calls"
    assert server.requests[-1].url.params["limit"] == "5"


def test_errors_survive_pickling_with_their_attributes() -> None:
    import copy
    import pickle

    limited = RateLimitError(
        "slow down", status_code=429, operation_id="findCalls", method="GET", path="/v2/calls"
    )
    limited.retry_after = 3.0
    timeout = TransportError("sendCalls timed out", operation_id="sendCalls", timeout=True)
    for error in (limited, timeout):
        for clone in (pickle.loads(pickle.dumps(error)), copy.copy(error)):
            assert type(clone) is type(error)
            assert str(clone) == str(error)
            assert vars(clone) == vars(error)


@pytest.mark.parametrize(
    ("content", "headers", "words"),
    [
        (b"[" * 100_000 + b"]" * 100_000, {}, "nested too deeply"),
        (b"<html>maintenance</html>", {}, "not JSON"),
        (b'{"items": [{"id": NaN}]}', {}, None),  # json.loads reads it: so does decode
        (
            '{"items": [{"id": 1, "name": "Müller"}]}'.encode("latin-1"),
            {"Content-Type": "application/json; charset=iso-8859-1"},
            None,
        ),
    ],
)
def test_a_projected_success_decodes_like_json_loads_and_fails_alike(
    client: Client, server: Any, content: bytes, headers: dict[str, str], words: str | None
) -> None:
    # project=True decodes through fields.decode (the fused path where it can).
    server.reply(httpx.Response(200, content=content, headers=headers))
    if words is None:
        result = client.find_calls(fields="items(id,name)", project=True)
        assert len(result["items"]) == 1
        return
    with pytest.raises(ApiError, match=words) as info:
        client.find_calls(fields="items(id)", project=True)
    assert info.value.status_code == 200
