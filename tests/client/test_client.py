"""Client and AsyncClient end to end over httpx.MockTransport: construction, requests on
the wire, response kinds, projection, and requests refused before any I/O."""

from __future__ import annotations

import asyncio
import base64
import decimal
import inspect
import io
import json
import threading
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any

import httpx
import pytest

import cftools
from cftools.client import (
    DEFAULT_TIMEOUT,
    OPERATIONS,
    AsyncClient,
    Client,
    ConfigurationError,
    Operation,
    Parameter,
    RequestValidationError,
    method_name,
)

PAGE = {
    "items": [
        {"id": 1, "fromNumber": "12135551100", "state": "FINISHED", "contact": {"id": 9}},
        {"id": 2, "fromNumber": "12135551101", "state": "READY", "contact": {"id": 8}},
    ],
    "limit": 2,
    "offset": 0,
    "totalCount": 2,
}


# -- construction -----------------------------------------------------------------------


def test_credentials_default_to_the_environment(
    monkeypatch: pytest.MonkeyPatch, server: Any
) -> None:
    monkeypatch.setenv("CALLFIRE_USERNAME", "env-user")
    monkeypatch.setenv("CALLFIRE_PASSWORD", "env-pass")
    with Client(transport=httpx.MockTransport(server.handle)) as client:
        client.get_account()
    token = base64.b64encode(b"env-user:env-pass").decode()
    assert server.last.headers["Authorization"] == f"Basic {token}"


def test_missing_credentials_are_refused_naming_the_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CALLFIRE_USERNAME", raising=False)
    monkeypatch.delenv("CALLFIRE_PASSWORD", raising=False)
    for cls in (Client, AsyncClient):
        with pytest.raises(ConfigurationError, match="CALLFIRE_USERNAME and CALLFIRE_PASSWORD"):
            cls()
        with pytest.raises(ConfigurationError):
            cls("only-user")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"base_url": "https://u:p@api.callfire.com/v2"}, "must not embed credentials"),
        ({"base_url": "ftp://api.callfire.com/v2"}, "http"),
        ({"max_retries": -1}, "max_retries"),
    ],
)
def test_unusable_settings_are_refused(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        Client("u", "p", **options)


def test_every_request_carries_basic_auth_user_agent_and_accept(
    client: Client, server: Any, credentials: tuple[str, str]
) -> None:
    client.get_call(42)
    request = server.last
    token = base64.b64encode(":".join(credentials).encode()).decode()
    assert request.headers["Authorization"] == f"Basic {token}"
    assert request.headers["User-Agent"].startswith(f"cftools/{cftools.__version__} ")
    assert request.headers["Accept"] == "application/json"
    assert str(request.url) == "https://api.callfire.com/v2/calls/42"


def test_timeouts_are_explicit_by_default(client: Client, server: Any) -> None:
    client.get_account()
    timeout = server.last.extensions["timeout"]
    assert timeout == DEFAULT_TIMEOUT.as_dict()
    assert all(value is not None for value in timeout.values())


def test_timeout_in_seconds_applies_to_every_phase(new_client: Any, server: Any) -> None:
    with new_client(timeout=3.5) as client:
        client.get_account()
    assert set(server.last.extensions["timeout"].values()) == {3.5}


@pytest.mark.parametrize(
    "timeout",
    ["30", -1, 0, float("nan"), float("inf"), True, [5], httpx.Timeout(5.0, read=-2)],
)
def test_a_timeout_that_cannot_work_is_refused_when_the_client_is_made(
    server: Any, timeout: Any
) -> None:
    # httpx.Timeout takes anything; the socket layer raised a bare TypeError or
    # ValueError at the first request (or timed out at once for 0).
    with pytest.raises(ConfigurationError, match="timeout must be"):
        Client("user-name", "pass-word", timeout=timeout)
    with pytest.raises(ConfigurationError, match="timeout must be"):
        AsyncClient("user-name", "pass-word", timeout=timeout)


def test_a_transport_of_the_wrong_kind_is_refused_when_the_client_is_made() -> None:
    # httpx took it and raised a bare AttributeError (no handle_request) at the first call.
    with pytest.raises(ConfigurationError, match="not AsyncHTTPTransport"):
        Client("user-name", "pass-word", transport=httpx.AsyncHTTPTransport())  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="not HTTPTransport"):
        AsyncClient("user-name", "pass-word", transport=httpx.HTTPTransport())  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match=r"such as httpx\.HTTPTransport"):
        Client("user-name", "pass-word", transport="http://proxy:3128")  # type: ignore[arg-type]


def test_a_timeout_may_wait_forever_per_phase_or_in_whole(new_client: Any, server: Any) -> None:
    with new_client(timeout=None) as client:
        client.get_account()
    assert set(server.last.extensions["timeout"].values()) == {None}
    with new_client(timeout=httpx.Timeout(5, read=None)) as client:
        client.get_account()
    assert server.last.extensions["timeout"]["read"] is None


def test_base_url_is_respected(new_client: Any, server: Any) -> None:
    with new_client(base_url="http://127.0.0.1:9/v2/") as client:
        client.find_calls(limit=1)
    assert str(server.last.url) == "http://127.0.0.1:9/v2/calls?limit=1"
    assert client.base_url == "http://127.0.0.1:9/v2"


def test_clients_are_context_managers_that_close(server: Any) -> None:
    client = Client("u", "p", transport=httpx.MockTransport(server.handle))
    with client as entered:
        assert entered is client
    # A cftools error (httpx's own RuntimeError used to escape), before any I/O.
    with pytest.raises(ConfigurationError, match="the client is closed"):
        client.get_account()

    async def run() -> None:
        aclient = AsyncClient("u", "p", transport=httpx.MockTransport(server.handle_async))
        async with aclient as entered:
            assert entered is aclient
        with pytest.raises(ConfigurationError, match="the client is closed"):
            await aclient.get_account()

    asyncio.run(run())
    assert server.count == 0


# -- named methods and invoke -----------------------------------------------------------


def test_every_operation_is_a_named_method_on_both_clients() -> None:
    for operation_id in OPERATIONS:
        name = method_name(operation_id)
        sync, coro = getattr(Client, name), getattr(AsyncClient, name)
        assert not inspect.iscoroutinefunction(sync)
        assert inspect.iscoroutinefunction(coro)
        assert f"operationId ``{operation_id}``" in (sync.__doc__ or "")
        assert inspect.signature(sync) == inspect.signature(coro)


def test_named_method_maps_python_names_to_the_api_names(client: Client, server: Any) -> None:
    client.find_calls(campaign_id=5, interval_begin=1, inbound=False, id=[3, 4])
    assert server.last.url.params.multi_items() == [
        ("id", "3"),
        ("id", "4"),
        ("campaignId", "5"),
        ("inbound", "false"),
        ("intervalBegin", "1"),
    ]


def test_invoke_uses_the_api_names_and_returns_decoded_json(client: Client, server: Any) -> None:
    server.reply(httpx.Response(200, json=PAGE))
    assert client.invoke("findCalls", campaignId=5, limit=2) == PAGE
    assert server.last.url.params["campaignId"] == "5"


def test_invoke_accepts_a_method_name_too(client: Client, server: Any) -> None:
    client.invoke("get_account")
    assert server.last.url.path == "/v2/me/account"


def test_unknown_operation_suggests_the_closest(client: Client, server: Any) -> None:
    with pytest.raises(ConfigurationError, match="did you mean 'findCalls'"):
        client.invoke("findCall")
    assert server.count == 0


def test_json_body_is_sent_as_json(client: Client, server: Any) -> None:
    recipients = [{"phoneNumber": "12135551100", "liveMessage": "Hello"}]
    client.send_calls(recipients, campaign_id=7)
    request = server.last
    assert request.method == "POST"
    assert request.headers["Content-Type"] == "application/json"
    assert json.loads(request.content) == recipients


def test_object_body_for_put(client: Client, server: Any) -> None:
    server.reply(httpx.Response(204))
    assert client.update_contact(5, {"firstName": "Ada"}) is None
    assert server.last.method == "PUT"
    assert json.loads(server.last.content) == {"firstName": "Ada"}


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (httpx.Response(200, json=True), True),
        (httpx.Response(200, content=b"false"), False),
    ],
)
def test_boolean_operations_return_a_bool(
    client: Client, server: Any, reply: httpx.Response, expected: bool
) -> None:
    server.reply(reply)
    assert client.is_keyword_available("HELLO") is expected


def test_empty_success_returns_none(client: Client, server: Any) -> None:
    server.reply(httpx.Response(204))
    assert client.delete_contact(5) is None
    server.reply(httpx.Response(200, content=b'{"ignored": true}'))
    assert client.start_voice_broadcast(5) is None


def test_json_operation_with_empty_body_returns_none(client: Client, server: Any) -> None:
    server.reply(httpx.Response(200, content=b""))
    assert client.get_account() is None


def test_binary_download_returns_bytes(client: Client, server: Any) -> None:
    audio = bytes(range(256)) * 10
    server.reply(httpx.Response(200, content=audio, headers={"Content-Type": "audio/mpeg"}))
    assert client.get_call_recording_mp3(12) == audio
    assert server.last.url.path == "/v2/calls/recordings/12.mp3"


# -- uploads ------------------------------------------------------------------------------


def _parts(request: httpx.Request) -> str:
    assert request.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    return request.content.decode("latin-1")


def test_upload_from_bytes_tuple_with_form_fields(client: Client, server: Any) -> None:
    client.create_contact_list_from_file(
        ("list.csv", b"number\n12135551100\n"), name="customers", use_custom_fields=True
    )
    body = _parts(server.last)
    assert 'name="file"; filename="list.csv"' in body
    assert "Content-Type: text/csv" in body
    assert "number\n12135551100\n" in body
    assert 'name="name"\r\n\r\ncustomers' in body
    assert 'name="useCustomFields"\r\n\r\ntrue' in body


def test_upload_from_a_path_and_a_file_object(client: Client, server: Any, tmp_path: Path) -> None:
    path = tmp_path / "hello.mp3"
    path.write_bytes(b"ID3-fake-audio")
    client.post_file_campaign_sound(path, name="hello")
    assert 'filename="hello.mp3"' in _parts(server.last)
    assert "Content-Type: audio/mpeg" in _parts(server.last)
    with path.open("rb") as handle:
        client.invoke("createMedia", files={"file": handle})
    assert 'filename="hello.mp3"' in _parts(server.last)
    assert "ID3-fake-audio" in _parts(server.last)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ("hello.mp3", "a str is ambiguous"),
        (12, "cannot upload a int"),
        (("a", b"b", "c", "d"), "a file tuple is"),
        ((b"a.csv", b"b"), "filename of an upload tuple must be a str"),
        ((None, b"b"), "filename of an upload tuple must be a str"),
        (("a.csv", b"b", "text/csv\r\nX-Injected: 1"), "without control characters"),
        (("a.csv", b"b", b"text/csv"), "without control characters"),
        ({"attachment": b"x"}, "unknown file parameter"),
    ],
)
def test_bad_file_arguments_send_nothing(
    client: Client, server: Any, files: Any, message: str
) -> None:
    with pytest.raises((ConfigurationError, RequestValidationError), match=message):
        client.invoke("createMedia", files=files)
    assert server.count == 0


def test_missing_upload_file_sends_nothing(client: Client, server: Any, tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="cannot read the file"):
        client.create_media(tmp_path / "absent.png")
    with pytest.raises(RequestValidationError, match=r"files\.file"):
        client.invoke("createMedia", name="x")
    assert server.count == 0


def test_a_file_object_that_fails_to_read_is_a_configuration_error(
    client: Client, server: Any
) -> None:
    class Unreadable(io.RawIOBase):
        name = "gone.mp3"

        def read(self, size: int = -1) -> bytes:
            raise OSError("Input/output error")

    with pytest.raises(ConfigurationError, match="cannot read the file to upload: Input/output"):
        client.create_media(Unreadable())
    assert server.count == 0


def test_files_on_an_operation_without_upload(client: Client, server: Any) -> None:
    with pytest.raises(ConfigurationError, match="takes no file upload"):
        client.invoke("getAccount", files=b"x")
    assert server.count == 0


# -- fields and projection ----------------------------------------------------------------


def test_fields_travel_unchanged_and_project_shapes_the_response(
    client: Client, server: Any
) -> None:
    server.reply(httpx.Response(200, json=PAGE))  # the server ignored fields
    result = client.find_calls(fields="items(id,contact/id)", project=True)
    assert server.last.url.params["fields"] == "items(id,contact/id)"
    assert result == {"items": [{"id": 1, "contact": {"id": 9}}, {"id": 2, "contact": {"id": 8}}]}


def test_without_project_the_response_is_returned_as_sent(client: Client, server: Any) -> None:
    server.reply(httpx.Response(200, json=PAGE))
    assert client.find_calls(fields="items(id)") == PAGE


def test_malformed_fields_send_nothing(client: Client, server: Any) -> None:
    for project in (False, True):
        with pytest.raises(RequestValidationError, match=r"query\.fields") as info:
            client.find_calls(fields="items(id", project=project)
        assert isinstance(info.value.__cause__, cftools.CftoolsError)
    assert server.count == 0


# -- checked before sending --------------------------------------------------------------

REFUSED: list[tuple[str, dict[str, Any]]] = [
    ("findCalls", {"limit": "ten"}),
    ("findCalls", {"fromNubmer": "12135551100"}),
    ("getCall", {}),
    ("sendCalls", {"body": [{"phoneNumber": "213-555-1100"}]}),
    ("sendCalls", {"body": [{"phoneNumber": "12135551100"}] * 11}),
    ("sendCalls", {"body": [{"phoneNumber": "12135551100", "dialPlanXml": "<dialplan/>"}]}),
    ("postTTSCampaignSound", {"body": {"message": "hi", "voice": "ROBOT"}}),
    ("getAccount", {"body": {"x": 1}}),
]


@pytest.mark.parametrize(("operation_id", "arguments"), REFUSED)
def test_refused_requests_send_zero_bytes(
    client: Client, server: Any, operation_id: str, arguments: dict[str, Any]
) -> None:
    with pytest.raises(RequestValidationError) as info:
        client.invoke(operation_id, **arguments)
    assert info.value.operation_id == operation_id
    assert info.value.problems
    assert server.count == 0


@pytest.mark.parametrize(("operation_id", "arguments"), REFUSED)
def test_refused_requests_send_zero_bytes_async(
    new_async_client: Callable[..., AsyncClient],
    server: Any,
    operation_id: str,
    arguments: dict[str, Any],
) -> None:
    async def run() -> None:
        async with new_async_client() as client:
            with pytest.raises(RequestValidationError):
                await client.invoke(operation_id, **arguments)

    asyncio.run(run())
    assert server.count == 0


def test_validate_false_sends_what_it_is_given(client: Client, server: Any) -> None:
    client.invoke("findCalls", limit="ten", fromNubmer="1", validate=False)
    assert server.last.url.params.multi_items() == [("limit", "ten"), ("fromNubmer", "1")]
    client.send_calls([{"phoneNumber": "213-555-1100"}], validate=False)
    assert json.loads(server.last.content) == [{"phoneNumber": "213-555-1100"}]
    assert server.count == 2


def test_validate_false_still_cannot_build_a_path_without_its_parameter(
    client: Client, server: Any
) -> None:
    with pytest.raises(ConfigurationError, match="missing path parameter 'id'"):
        client.invoke("getCall", validate=False)
    assert server.count == 0


# -- path and query encoding ---------------------------------------------------------------


def test_path_values_are_percent_encoded_as_one_segment(client: Client, server: Any) -> None:
    client.invoke("getKeywordLease", keyword="A/B ?#%", validate=False)
    assert server.last.url.raw_path == b"/v2/keywords/leases/A%2FB%20%3F%23%25"


def test_separated_enumerations_accept_a_list(client: Client, server: Any) -> None:
    client.find_calls(states=["READY", "FINISHED"])
    assert server.last.url.params["states"] == "READY,FINISHED"


# -- the async twin -------------------------------------------------------------------------


def test_async_client_does_what_the_sync_client_does(
    new_async_client: Callable[..., AsyncClient], server: Any
) -> None:
    server.reply(httpx.Response(200, json=PAGE))

    async def run() -> Any:
        async with new_async_client() as client:
            named = await client.find_calls(fields="items(id)", project=True, campaign_id=3)
            invoked = await client.invoke("findCalls", campaignId=3)
            return named, invoked

    named, invoked = asyncio.run(run())
    assert named == {"items": [{"id": 1}, {"id": 2}]}
    assert invoked == PAGE
    assert [r.url.params["campaignId"] for r in server.requests] == ["3", "3"]


def test_an_async_client_is_refused_in_a_second_event_loop(
    new_async_client: Callable[..., AsyncClient], server: Any
) -> None:
    # Its pooled connections belong to the first loop: httpx raised a bare
    # RuntimeError('Event loop is closed') from deep inside on a real network.
    client = new_async_client()
    assert asyncio.run(client.get_account()) == {}
    with pytest.raises(ConfigurationError, match="first used in another event loop"):
        asyncio.run(client.get_account())
    assert server.count == 1

    async def twice() -> None:  # one loop, any number of calls
        await client.get_account()
        await client.get_account()

    with pytest.raises(ConfigurationError, match="another event loop"):
        asyncio.run(twice())
    loop = asyncio.new_event_loop()
    try:
        other = new_async_client()
        loop.run_until_complete(other.get_account())
        loop.run_until_complete(other.get_account())
        loop.run_until_complete(other.aclose())
    finally:
        loop.close()
    assert server.count == 3


def test_async_upload_reads_the_file_off_the_event_loop(
    new_async_client: Callable[..., AsyncClient], server: Any
) -> None:
    # A 100 MB media file was read by the event loop's thread, stalling every task.
    readers: set[int] = set()

    class Recorder(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            readers.add(threading.get_ident())
            return super().read(size)

    async def run() -> int:
        async with new_async_client() as client:
            await client.create_media(Recorder(b"ID3-audio"), name="hello")
        return threading.get_ident()

    loop_thread = asyncio.run(run())
    assert readers and loop_thread not in readers
    assert "ID3-audio" in _parts(server.last)


def test_async_upload(new_async_client: Callable[..., AsyncClient], server: Any) -> None:
    async def run() -> None:
        async with new_async_client() as client:
            await client.create_media(("a.png", b"\x89PNG", "image/png"), name="logo")

    asyncio.run(run())
    assert 'filename="a.png"' in _parts(server.last)


# -- the table is data ---------------------------------------------------------------------


def test_a_client_serves_whatever_table_it_is_given(server: Any) -> None:
    """The runtime interprets Operation values; nothing is specific to one operation."""
    from cftools.spec._schemas import Schema

    ping = Operation(
        "pingWidget",
        "GET",
        "/widgets/{id}/ping",
        "widgets",
        (
            Parameter("id", "path", required=True, schema=Schema("integer", "int64")),
            Parameter("loud", "query", schema=Schema("boolean")),
        ),
        "boolean",
        200,
    )

    class WidgetClient(Client):
        operations = MappingProxyType({"pingWidget": ping})

    server.reply(httpx.Response(200, json=True))
    with WidgetClient("u", "p", transport=httpx.MockTransport(server.handle)) as widgets:
        assert widgets.invoke("pingWidget", id=3, loud=True) is True
        assert widgets.invoke("ping_widget", id=4) is True
        with pytest.raises(RequestValidationError, match=r"path\.id"):
            widgets.invoke("pingWidget", id="three")
        with pytest.raises(ConfigurationError, match="did you mean 'pingWidget'"):
            widgets.invoke("pingWidgets", id=3)
    assert [str(r.url) for r in server.requests] == [
        "https://api.callfire.com/v2/widgets/3/ping?loud=true",
        "https://api.callfire.com/v2/widgets/4/ping",
    ]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (float("nan"), "Out of range float"),
        (decimal.Decimal("1.5"), "Decimal is not JSON serializable"),
        ({1, 2}, "set is not JSON serializable"),
    ],
)
@pytest.mark.parametrize("validate", [True, False])
def test_a_body_json_cannot_carry_is_refused_before_sending(
    client: Client, server: Any, value: Any, problem: str, validate: bool
) -> None:
    # It used to escape from httpx as a bare ValueError / TypeError. The checks may
    # refuse it first (a Decimal is not a string); without them the encoder does.
    body = [{"firstName": "A", "homePhone": "12135551111", "properties": {"k": value}}]
    with pytest.raises((ConfigurationError, RequestValidationError)) as raised:
        client.create_contacts(body, validate=validate)
    if isinstance(raised.value, ConfigurationError):
        assert "createContacts: the body cannot be sent as JSON" in str(raised.value)
        assert problem in str(raised.value)
    else:
        assert validate
        assert [p.location for p in raised.value.problems] == ["body[0].properties.k"]
    assert server.count == 0


def test_the_json_body_is_sent_as_httpx_would_encode_it(client: Client, server: Any) -> None:
    body = [{"phoneNumber": "12135551100", "liveMessage": "Grüße \u2603"}]
    client.send_calls(body)
    expected = httpx.Request("POST", "https://x", json=body)
    assert server.last.content == expected.read()
    assert server.last.headers["content-type"] == "application/json"
    assert server.last.headers["content-length"] == str(len(expected.content))
