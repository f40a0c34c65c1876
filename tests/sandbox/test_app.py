"""The generic layer: credentials, routing, bodies, the shared checks, fields, atomicity."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cftools import fields
from cftools.client import ApiError, BadRequestError, NotFoundError
from cftools.sandbox import HANDLERS, MAX_BODY
from cftools.spec import OPERATIONS

from .conftest import Local

PHONE = "12135551100"
ROOT = Path(__file__).resolve().parents[2]


def test_every_operation_of_the_table_has_a_handler() -> None:
    assert sorted(HANDLERS) == sorted(OPERATIONS)


def _error(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["httpStatusCode"] == status
    assert isinstance(body["internalCode"], int)
    message: str = body["message"]
    return message


# -- credentials ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer abc"},
        {"Authorization": "Basic !!!notbase64"},
        {"Authorization": "Basic " + "c2FuZGJveA=="},  # "sandbox" without a colon
        {"Authorization": httpx.BasicAuth("sandbox", "wrong")._auth_header},
        {"Authorization": httpx.BasicAuth("other", "sandbox")._auth_header},
    ],
)
def test_requests_without_valid_basic_credentials_get_401(
    local: Local, headers: dict[str, str]
) -> None:
    response = httpx.Client(base_url=str(local.http.base_url), transport=local.http._transport).get(
        "/calls", headers=headers
    )
    _error(response, 401)
    assert response.headers["www-authenticate"].startswith("Basic")
    assert "sandbox" not in response.json()["message"].replace("cftools sandbox", "")


def test_api_credentials_created_through_the_api_log_in_while_enabled(local: Local) -> None:
    credential = local.call("createApiCredential", body={"name": "ci"})
    auth = (credential["username"], credential["password"])
    assert local.http.get("/me/account", auth=auth).status_code == 200
    assert "password" not in local.call("getApiCredential", id=credential["id"])
    local.call("disableApiCredentials", id=credential["id"])
    _error(local.http.get("/me/account", auth=auth), 401)


# -- routing -------------------------------------------------------------------------


def test_unknown_paths_are_404_and_wrong_methods_405(local: Local) -> None:
    assert "no such resource" in _error(local.http.get("/nothing/here"), 404)
    assert "/v2" in _error(local.http.get("http://localhost/calls"), 404)
    message = _error(local.http.delete("/calls/123"), 405)
    assert "GET" in message
    _error(local.http.patch("/contacts/1"), 405)


def test_literal_routes_win_over_placeholders(local: Local) -> None:
    # /calls/broadcasts is findCallBroadcasts, not getCall with id "broadcasts"
    assert local.http.get("/calls/broadcasts").json()["items"] == []
    # /calls/recordings/{id}.mp3 before /calls/recordings/{id}
    assert "recording 5 not found" in _error(local.http.get("/calls/recordings/5.mp3"), 404)


def test_an_unknown_id_is_404_for_every_kind(local: Local) -> None:
    for path in (
        "/calls/5",
        "/texts/5",
        "/contacts/5",
        "/contacts/lists/5",
        "/webhooks/5",
        "/campaigns/sounds/5",
        "/media/5",
        "/orders/5",
        "/calls/broadcasts/5",
        "/texts/broadcasts/5",
        "/campaigns/batches/5",
        "/numbers/leases/12135550000",
        "/keywords/leases/NOPE",
        "/contacts/dncs/12135550000",
        "/me/api/credentials/5",
    ):
        _error(local.http.get(path), 404)


# -- bodies ---------------------------------------------------------------------------


def test_a_body_that_is_not_json_is_a_400(local: Local) -> None:
    response = local.http.post(
        "/contacts", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert "not valid JSON" in _error(response, 400)


def test_a_body_with_the_wrong_content_type_is_a_400(local: Local) -> None:
    response = local.http.post("/contacts", content=b"[]", headers={"Content-Type": "text/plain"})
    assert "application/json" in _error(response, 400)
    upload = local.http.post("/media", json={"file": "x"})
    assert "multipart/form-data" in _error(upload, 400)


@pytest.mark.parametrize("text", ["[NaN]", "[1e999999]", "[" * 100_000, '"\udc80"'])
def test_json_the_api_cannot_read_is_a_400(local: Local, text: str) -> None:
    response = local.http.post(
        "/contacts",
        content=text.encode("utf-8", "surrogatepass"),
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400, response.text


def test_a_50_mb_body_is_a_413_and_nothing_is_stored(local: Local) -> None:
    big = b"[" + b" " * (50 * 1024 * 1024) + b"]"
    response = local.http.post(
        "/contacts", content=big, headers={"Content-Type": "application/json"}
    )
    assert "too large" in _error(response, 413)
    # the same without a Content-Length (chunked): cut off while reading
    response = local.http.post(
        "/contacts",
        content=iter([b"[", b" " * (MAX_BODY + 1), b"]"]),
        headers={"Content-Type": "application/json"},
    )
    _error(response, 413)
    assert local.call("findContacts")["totalCount"] == 0


def test_a_malformed_multipart_body_is_a_400(local: Local) -> None:
    response = local.http.post(
        "/media", content=b"--xyz\r\ngarbage", headers={"Content-Type": "multipart/form-data"}
    )
    _error(response, 400)


def test_a_body_where_the_operation_takes_none_is_a_400(local: Local) -> None:
    response = local.http.post("/calls/broadcasts/1/start", json={"now": True})
    assert "takes no request body" in _error(response, 400)


# -- the client's checks, on the server -------------------------------------------------


def test_validate_false_gets_the_400_the_checks_would_have_raised(local: Local) -> None:
    bad = [{"phoneNumber": "(213) 555-1100", "voice": "ROBOT", "dialPlanXml": "<x/>"}]
    with pytest.raises(BadRequestError) as caught:
        local.client.send_calls(bad, fields="items(id,,state)", validate=False)
    message = str(caught.value)
    for piece in ("4 problems", "phoneNumber", "voice", "dialPlanXml", "query.fields"):
        assert piece in message
    assert local.call("findCalls")["totalCount"] == 0


def test_every_dialplan_error_is_listed_in_the_message(local: Local) -> None:
    broken = (
        '<dialplan><menu><keypress pressed="9-2"><goto>nowhere</goto></keypress></menu></dialplan>'
    )
    with pytest.raises(BadRequestError) as caught:
        local.client.send_calls([{"phoneNumber": PHONE, "dialplanXml": broken}], validate=False)
    message = str(caught.value)
    assert message.count("dialplan CF") >= 2 and "line 1" in message


def test_query_values_are_read_like_the_checks_read_them(local: Local) -> None:
    local.call("sendCalls", body=[{"phoneNumber": PHONE}])
    raw = local.http.get("/calls", params={"limit": " 1 ", "states": "READY, FINISHED"})
    assert raw.status_code == 200 and raw.json()["limit"] == 1
    _error(local.http.get("/calls", params={"limit": "ten"}), 400)
    _error(local.http.get("/calls", params={"limit": ["1", "2"]}), 400)
    _error(local.http.get("/calls", params={"fromNubmer": PHONE}), 400)
    assert "did you mean" in _error(local.http.get("/calls", params={"fromNubmer": PHONE}), 400)


@pytest.mark.parametrize("value", ["-1", "-100"])
def test_negative_paging_is_refused(local: Local, value: str) -> None:
    _error(local.http.get("/calls", params={"limit": value}), 400)
    _error(local.http.get("/calls", params={"offset": value}), 400)


# -- fields -------------------------------------------------------------------------------


def _seed_calls(local: Local) -> None:
    recipients = [
        {"phoneNumber": f"1213555{1100 + i}", "attributes": {"n": str(i)}} for i in range(4)
    ]
    local.call("sendCalls", body=recipients)


EXPRESSIONS = st.sampled_from(
    [
        "items(id,state)",
        "totalCount",
        "items/contact/homePhone",
        "!items",
        "items(*)",
        "items(contact(id),attributes)",
        "limit,offset",
        "items(records/id)",
        "nothing",
    ]
)


@given(EXPRESSIONS)
def test_fields_on_the_server_equal_the_client_side_projection(expression: str) -> None:
    from cftools.sandbox import Sandbox, SyncASGITransport

    sandbox = Sandbox()
    http = httpx.Client(
        base_url="http://localhost/v2",
        auth=("sandbox", "sandbox"),
        transport=SyncASGITransport(sandbox.app),
    )
    with http:
        http.post("/calls", json=[{"phoneNumber": PHONE}, {"phoneNumber": "12135551101"}])
        full = http.get("/calls").json()
        projected = http.get("/calls", params={"fields": expression}).json()
    assert projected == fields.project(full, expression)


def test_fields_apply_to_single_resources_and_lists(local: Local) -> None:
    _seed_calls(local)
    call_id = local.call("findCalls")["items"][0]["id"]
    assert local.call("getCall", id=call_id, fields="id,toNumber").keys() == {"id", "toNumber"}
    sent = local.call("sendCalls", body=[{"phoneNumber": PHONE}], fields="items(id)")
    assert list(sent["items"][0]) == ["id"]


# -- atomicity ----------------------------------------------------------------------------


def test_a_failing_request_leaves_no_partial_state(local: Local) -> None:
    before = local.call("findContacts")["totalCount"]
    with pytest.raises(NotFoundError):
        # the first recipient would create a contact and a call; the second fails
        local.call("sendCalls", body=[{"phoneNumber": PHONE}, {"contactId": 42}])
    assert local.call("findCalls")["totalCount"] == 0
    assert local.call("findContacts")["totalCount"] == before


def test_an_unexpected_error_is_a_500_with_the_error_body(local: Local, monkeypatch: Any) -> None:
    def boom(ctx: Any) -> Any:
        ctx.tx.put("contact", {"id": 1})
        raise RuntimeError("secret detail")

    monkeypatch.setitem(HANDLERS, "findContacts", boom)
    response = local.http.get("/contacts")
    message = _error(response, 500)
    assert "secret detail" not in message
    monkeypatch.undo()
    assert local.call("findContacts")["totalCount"] == 0  # the write was rolled back


def test_ids_are_64_bit_and_times_are_epoch_milliseconds(local: Local) -> None:
    from cftools.sandbox import ManualClock, Sandbox, SyncASGITransport

    clock = ManualClock(1_700_000_000_123)
    sandbox = Sandbox(clock=clock)
    http = httpx.Client(
        base_url="http://localhost/v2",
        auth=sandbox.credentials,
        transport=SyncASGITransport(sandbox.app),
    )
    with http:
        call = http.post("/calls", json=[{"phoneNumber": PHONE}]).json()["items"][0]
        assert call["id"] > 2**32 and call["created"] == 1_700_000_000_123
        clock.advance(5)
        list_id = http.post("/contacts/lists", json={"name": "x"}).json()["id"]
        assert http.get(f"/contacts/lists/{list_id}").json()["created"] == 1_700_000_000_128


def test_importing_the_sandbox_without_starlette_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['starlette'] = None\n"
        "try:\n    import cftools.sandbox\n"
        "except ImportError as e:\n    print(e)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
    )
    assert "pip install 'cftools[sandbox]'" in result.stdout, result.stderr


def test_the_error_of_a_client_is_typed(local: Local) -> None:
    with pytest.raises(ApiError) as caught:
        local.call("getContact", id=1)
    assert caught.value.status_code == 404
    assert json.loads(local.last.content)["message"] == "contact 1 not found"
