"""Whatever arrives, the sandbox answers like a server, never with a 500 (property tests)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cftools.sandbox import Sandbox, SyncASGITransport
from cftools.sandbox._resources.audio import wav_seconds
from cftools.spec import OPERATIONS

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
# Property names the models really have, so the bodies reach deep into the handlers.
NAMES = st.sampled_from(
    ["phoneNumber", "contactId", "message", "name", "numbers", "recipients", "contactIds",
     "dialplanXml", "attributes", "events", "resource", "keywords", "labels", "enabled",
     "configType", "ivrInboundConfig", "textInboundConfig", "localCount", "fromNumber"]
)  # fmt: skip
OBJECTS = st.dictionaries(NAMES, JSON, max_size=5)
BODIES = OBJECTS | st.lists(OBJECTS, max_size=3) | JSON
WRITES = sorted(op for op, o in OPERATIONS.items() if o.body is not None)
ALLOWED = {200, 201, 204, 400, 404}


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    sandbox = Sandbox()
    transport = SyncASGITransport(sandbox.app)
    with httpx.Client(
        base_url="http://localhost/v2", auth=sandbox.credentials, transport=transport
    ) as client:
        # something to point at: a broadcast, a list, a leased number
        client.post("/calls/broadcasts", json={"name": "b"})
        client.post("/contacts/lists", json={"name": "l"})
        yield client
    sandbox.close()


def _path(operation_id: str) -> str:
    path = OPERATIONS[operation_id].path
    for name in ("id", "contactId"):
        path = path.replace("{" + name + "}", "1000000000001")
    return path.replace("{number}", "12135551100").replace("{keyword}", "PIZZA")


@settings(max_examples=300)
@given(operation_id=st.sampled_from(WRITES), body=BODIES)
def test_any_json_body_gets_an_answer_not_a_crash(
    http: httpx.Client, operation_id: str, body: object
) -> None:
    operation = OPERATIONS[operation_id]
    response = http.request(operation.method, _path(operation_id), json=body)
    assert response.status_code in ALLOWED, (operation_id, body, response.text)
    if response.status_code >= 400:
        assert set(response.json()) == {"httpStatusCode", "internalCode", "message"}


@settings(max_examples=200)
@given(
    operation_id=st.sampled_from(sorted(o for o, op in OPERATIONS.items() if op.method == "GET")),
    query=st.dictionaries(
        st.sampled_from(["limit", "offset", "fields", "id", "states", "number", "name", "x"]),
        st.text(max_size=12),
        max_size=3,
    ),
)
def test_any_query_gets_an_answer_not_a_crash(
    http: httpx.Client, operation_id: str, query: dict[str, str]
) -> None:
    response = http.get(_path(operation_id), params=query)
    assert response.status_code in ALLOWED, (operation_id, query, response.text)


@given(st.binary(max_size=200))
def test_any_upload_is_stored_or_refused_cleanly(data: bytes) -> None:
    sandbox = Sandbox()
    with httpx.Client(
        base_url="http://localhost/v2",
        auth=sandbox.credentials,
        transport=SyncASGITransport(sandbox.app),
    ) as http:
        for path in ("/campaigns/sounds/files", "/media", "/contacts/lists/upload"):
            response = http.post(path, files={"file": ("f.bin", data)})
            assert response.status_code in ALLOWED, (path, response.text)
    sandbox.close()


@given(st.binary(max_size=120).map(lambda tail: b"RIFF\x00\x00\x00\x00WAVE" + tail))
def test_reading_a_wav_header_never_fails(data: bytes) -> None:
    seconds = wav_seconds(data)
    assert seconds is None or seconds >= 0


def test_the_error_body_is_always_json(http: httpx.Client) -> None:
    response = http.get("/calls/abc")
    assert response.status_code == 400
    assert json.loads(response.content)["message"].startswith("getCall: request refused")
