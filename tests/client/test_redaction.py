"""Credentials never appear in a repr, a log line or an exception message."""

from __future__ import annotations

import asyncio
import base64
import html
import json
import logging
import urllib.parse
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
    from cftools.spec._checks import Problem

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


# -- text the client did not write: error bodies and transport messages ------------------

ODD_PASSWORD = "p@ss:w/rd%&?#é \"'"


def _echo(status: int, html: bool = False) -> Callable[[httpx.Request], httpx.Response]:
    """A server that repeats the request's Authorization header, and the credentials
    it decodes from it, in its error body."""

    def reply(request: httpx.Request) -> httpx.Response:
        header = request.headers["authorization"]
        login = base64.b64decode(header.split()[1]).decode()
        if html:
            return httpx.Response(status, html=f"<h1>Denied</h1><p>{header} ({login})</p>")
        return httpx.Response(
            status,
            json={"message": f"bad {header}", "developerMessage": login, "helpLink": header},
        )

    return reply


def _odd_secrets(username: str) -> list[str]:
    token = base64.b64encode(f"{username}:{ODD_PASSWORD}".encode()).decode()
    return [username, ODD_PASSWORD, token]


def _everything(exc: BaseException) -> str:
    """Every text an exception shows: message, repr, args, attributes, the traceback
    and its chained causes."""
    import traceback

    parts = ["".join(traceback.format_exception(exc))]
    while exc is not None:
        parts += [str(exc), repr(exc), repr(exc.args), repr(vars(exc))]
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return "\n".join(parts)


@pytest.mark.parametrize(("status", "html"), [(401, False), (403, False), (500, True)])
def test_an_error_body_echoing_the_credentials_is_redacted(
    server: Any, credentials: tuple[str, str], status: int, html: bool
) -> None:
    username = credentials[0]
    server.reply(_echo(status, html))
    transport = httpx.MockTransport(server.handle)
    client = Client(username, ODD_PASSWORD, transport=transport, max_retries=0)
    with client, pytest.raises(ApiError) as raised:
        client.get_call(1)
    assert raised.value.status_code == status
    assert "[redacted]" in str(raised.value)
    assert_clean(_everything(raised.value), _odd_secrets(username))


def test_an_undecodable_success_echoing_the_credentials_is_redacted(
    server: Any, credentials: tuple[str, str]
) -> None:
    username = credentials[0]
    server.reply(lambda request: httpx.Response(200, text="{" + request.headers["authorization"]))
    client = Client(username, ODD_PASSWORD, transport=httpx.MockTransport(server.handle))
    with client, pytest.raises(ApiError) as raised:
        client.get_call(1)
    assert_clean(_everything(raised.value), _odd_secrets(username))


def test_a_transport_error_message_with_the_credentials_is_redacted(
    server: Any, credentials: tuple[str, str]
) -> None:
    username = credentials[0]

    def fail(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"refused {request.headers['authorization']} {ODD_PASSWORD}")

    server.reply(fail)
    with Client(username, ODD_PASSWORD, transport=httpx.MockTransport(server.handle)) as client:
        client._sleep_for = server.delays.append
        with pytest.raises(TransportError) as raised:
            client.get_call(1)
    assert server.count == 3
    assert_clean(_everything(raised.value), _odd_secrets(username))


def test_async_errors_are_redacted_the_same_way(server: Any, credentials: tuple[str, str]) -> None:
    username = credentials[0]
    server.reply(_echo(401))

    async def run() -> ApiError:
        transport = httpx.MockTransport(server.handle_async)
        async with AsyncClient(username, ODD_PASSWORD, transport=transport) as client:
            with pytest.raises(ApiError) as raised:
                await client.get_call(1)
            return raised.value

    assert_clean(_everything(asyncio.run(run())), _odd_secrets(username))


def test_downloads_and_pages_redact_echoed_credentials(
    server: Any, credentials: tuple[str, str], tmp_path: Any
) -> None:
    username = credentials[0]
    server.reply(_echo(404))
    with Client(username, ODD_PASSWORD, transport=httpx.MockTransport(server.handle)) as client:
        with pytest.raises(ApiError) as download:
            client.download("getCallRecordingMp3", tmp_path / "a.mp3", id=1)
        with pytest.raises(ApiError) as page:
            list(client.paginate("findCalls"))
    for error in (download.value, page.value):
        assert_clean(_everything(error), _odd_secrets(username))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "base_url",
    [
        "https://zed:Qpw9@api.example.com/v2",
        "https://:Qpw9@api.example.com/v2",
        "https://zed%3AQpw9@api.example.com/v2",
        "https://zed:Q/pw9@api.example.com/v2",  # httpx reads 'p' as a port
        "https://zed:Qpw9@[::1/v2",
    ],
)
def test_a_base_url_with_credentials_is_refused_without_repeating_them(base_url: str) -> None:
    from cftools.client import ConfigurationError

    with pytest.raises(ConfigurationError) as raised:
        Client("u", "p", base_url=base_url)
    assert raised.value.__cause__ is None
    assert_clean(_everything(raised.value), ["Qpw9", "Q/pw9", "zed"])


@pytest.mark.parametrize("base_url", ["https://h.example/v2#x", "https://h.example/v2?a=1"])
def test_a_base_url_with_a_query_or_fragment_is_refused(base_url: str, server: Any) -> None:
    # Paths appended after '?' or '#' would send every request to the root.
    from cftools.client import ConfigurationError

    with pytest.raises(ConfigurationError, match="query or a fragment"):
        Client("u", "p", base_url=base_url, transport=httpx.MockTransport(server.handle))


def test_short_credentials_are_redacted_where_they_stand_alone_only() -> None:
    from cftools.client._base import Redactor

    redact = Redactor("u", "dev")
    assert redact("Bad Request for user u (password dev) on device") == (
        "Bad Request for user [redacted] (password [redacted]) on device"
    )
    long = Redactor("api-login-7f3a", "s3cr3t-Pa55word-91")
    assert redact("") == ""
    assert long("xs3cr3t-Pa55word-91x api-login-7f3a") == "x[redacted]x [redacted]"
    assert "s3cr3t" not in repr(long)


def test_error_messages_stay_readable_with_short_credentials(server: Any) -> None:
    server.reply(httpx.Response(400, text="Bad Request"))
    client = Client("u", "p", transport=httpx.MockTransport(server.handle))
    with client, pytest.raises(ApiError, match=r"HTTP 400: Bad Request$"):
        client.get_call(1)


@pytest.mark.parametrize(
    ("username", "password", "problem"),
    [
        ("zed:Q9", "Qpw9-secret", "must not contain ':'"),
        ("zed-login", "Qpw9-secret\n", "password contains a control character"),
        ("zed-login\r", "Qpw9-secret", "username contains a control character"),
        (5, "Qpw9-secret", "username must be a str, not int"),
        ("zed-login", b"Qpw9-secret", "password must be a str, not bytes"),
    ],
)
def test_credentials_basic_auth_cannot_carry_are_refused_without_quoting_them(
    username: Any, password: Any, problem: str, server: Any
) -> None:
    from cftools.client import ConfigurationError

    with pytest.raises(ConfigurationError, match=problem) as raised:
        Client(username, password, transport=httpx.MockTransport(server.handle))
    assert_clean(_everything(raised.value), ["zed", "Qpw9"])
    assert server.count == 0


def test_printable_unicode_credentials_are_accepted(server: Any) -> None:
    with Client("zed é", "p\xa0w 🔑", transport=httpx.MockTransport(server.handle)) as client:
        client.get_account()
    token = server.last.headers["authorization"].split()[1]
    assert base64.b64decode(token).decode() == "zed é:p\xa0w 🔑"


def test_a_token_cut_by_the_excerpt_is_redacted_whole(server: Any, secrets: list[str]) -> None:
    # A non-JSON body is cut to 200 characters: redacting after the cut would leave
    # the first part of a token that straddles it.
    def reply(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, text="x" * 180 + " " + request.headers["authorization"])

    server.reply(reply)
    client = Client(*secrets[:2], transport=httpx.MockTransport(server.handle), max_retries=0)
    with client, pytest.raises(ApiError) as raised:
        client.get_call(1)
    assert str(raised.value).endswith("x Basic [redacted]")
    assert secrets[2][:8] not in str(raised.value)  # 12 of its characters were shown


@pytest.mark.parametrize(
    "escape",
    [
        html.escape,
        lambda text: json.dumps(text),
        lambda text: json.dumps(text, ensure_ascii=False),
        lambda text: json.dumps(text).replace("/", "\\/"),
        lambda text: urllib.parse.quote_plus(text, safe=""),
    ],
)
def test_credentials_echoed_in_an_escaped_form_are_redacted(
    server: Any, escape: Callable[[str], str]
) -> None:
    # An HTML page escapes them, a JSON body that is not CallFire's error quotes them,
    # a form echo writes '+' for a blank: the plain text was never found there.
    password = "p@ss:w/rd%&?#é \"'<x>"
    token = base64.b64encode(f"zed-login:{password}".encode()).decode()
    body = f"denied {escape(password)} ({escape('Basic ' + token)})"
    server.reply(httpx.Response(500, text=body))
    client = Client("zed-login", password, transport=httpx.MockTransport(server.handle))
    with client, pytest.raises(ApiError) as raised:
        client.get_call(1)
    message = str(raised.value)
    assert message.count("[redacted]") == 2, message
    for fragment in ("p@ss", "w/rd", "ss%3A", "&amp;", token[:8]):
        assert fragment not in message


@pytest.mark.parametrize("secret", [0, 1, 2])
@pytest.mark.parametrize("shown", [1, 5, 12])
def test_a_credential_cut_by_the_end_of_the_window_read_is_redacted(
    server: Any, secrets: list[str], secret: int, shown: int
) -> None:
    # Only the first 800 bytes of a long body are read; a tag there shrinks to nothing,
    # so the start of a credential cut off at byte 800 reached the message.
    text = secrets[secret]
    prefix = "<p " + "a" * (800 - 4 - shown) + ">"
    body = prefix + text + " " + "z" * 1000
    server.reply(httpx.Response(500, text=body))
    client = Client(*secrets[:2], transport=httpx.MockTransport(server.handle), max_retries=0)
    with client, pytest.raises(ApiError) as raised:
        client.get_call(1)
    assert str(raised.value).endswith("HTTP 500: [redacted]")


def test_a_window_merely_ending_like_a_credential_start_stays_readable() -> None:
    from cftools.client._base import Redactor

    redact = Redactor("api-login-7f3a", "s3cr3t-Pa55word-91")
    assert redact.truncated("Service down, retry later") == "Service down, retry later"
    assert redact.truncated("login api-log") == "login [redacted]"
    assert redact.truncated("x s3cr3t-Pa55word-91") == "x [redacted]"


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_redirects_are_not_followed(client: Client, server: Any, status: int) -> None:
    # Following one, to another host, would at best lose and at worst leak the login.
    server.reply(httpx.Response(status, headers={"Location": "https://evil.example/v2/calls/1"}))
    with pytest.raises(ApiError) as raised:
        client.get_call(1)
    assert raised.value.status_code == status
    assert [r.url.host for r in server.requests] == ["api.callfire.com"]
    # What happened and what to do, not just the reason phrase ('Found').
    assert raised.value.message == (
        "redirected to https://evil.example/v2/calls/1, which is not followed "
        "(a redirect could carry the credentials elsewhere); check base_url"
    )


def test_a_not_modified_answer_is_not_taken_for_a_redirect(client: Client, server: Any) -> None:
    server.reply(httpx.Response(304))
    with pytest.raises(ApiError, match=r"HTTP 304: Not Modified$"):
        client.get_call(1)


@pytest.mark.parametrize(
    ("base_url", "warned"),
    [
        ("http://api.callfire.com/v2", True),
        ("http://10.0.0.1:4010", True),
        ("http://localhost.example.com/v2", True),
        ("http://localhost:4010", False),
        ("http://127.0.0.1:4010/v2", False),
        ("http://[::1]:4010", False),
        ("https://api.callfire.com/v2", False),
    ],
)
def test_plain_http_to_a_remote_host_is_warned_about(
    base_url: str, warned: bool, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="cftools")
    Client("zed-login", "Qpw9-secret", base_url=base_url).close()
    messages = [r.getMessage() for r in caplog.records if r.name.startswith("cftools")]
    assert any("credentials travel in clear" in m for m in messages) is warned
    assert_clean(caplog.text, ["zed-login", "Qpw9-secret"])
