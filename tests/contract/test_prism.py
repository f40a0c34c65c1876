"""Contract test: every operation, through Client and AsyncClient, against the Prism mock
server running the official specification.

Prism checks each request against the spec (path, query, headers, Basic auth, JSON
body) and, when one violates it, answers with an ``sl-violations`` header (and an
error status). A request counts as accepted when no violation is reported and the
status is what Prism gives a valid request: the documented success; for the
operations whose spec documents no success status, the first documented response
(400) without violations; for binary media types Prism cannot serialise, its own
``Cannot find serializer`` 500, which it produces only after validating the request.

Skips, saying what is missing, without Node, without Prism (``tools/dev.sh`` installs
it into ``.ci/node``) or without the spec in ``../shared``.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from cftools.client import OPERATIONS, ApiError, AsyncClient, Client, Operation, method_name

ROOT = Path(__file__).resolve().parents[2]
PRISM = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "prism"
SPEC = ROOT.parent / "shared" / "reference" / "callfire-v2-swagger.yaml"

pytestmark = pytest.mark.slow

PHONE = "12135551100"
DIALPLAN = '<dialplan name="Root"><play type="tts">Hello from cftools</play></dialplan>'

# One realistic body per body model of the API (facts: the spec's property names).
BODIES: dict[str, Any] = {
    "CallRecipient": [
        {"phoneNumber": PHONE, "liveMessage": "Hello", "machineMessage": "Hello"},
        {"phoneNumber": "12135551101", "dialplanXml": DIALPLAN},
    ],
    "Recipient": [{"phoneNumber": PHONE}, {"phoneNumber": "12135551101"}],
    "TextRecipient": [{"phoneNumber": PHONE, "message": "Hello"}],
    "Contact": {"firstName": "Ada", "lastName": "Lovelace", "homePhone": PHONE},
    "CallBroadcast": {
        "name": "Reminders",
        "fromNumber": "12135551189",
        "dialplanXml": DIALPLAN,
        "recipients": [{"phoneNumber": PHONE}],
    },
    "TextBroadcast": {
        "name": "Reminders",
        "message": "Hello",
        "recipients": [{"phoneNumber": PHONE}],
    },
    "BatchRequest": {"name": "more", "recipients": [{"phoneNumber": PHONE}]},
    "Batch": {"enabled": True},
    "CallCreateSound": {"name": "greeting", "toNumber": PHONE},
    "TextToSpeech": {"message": "Hello", "voice": "FEMALE1"},
    "AddDoNotContactRequest": {"numbers": [PHONE], "call": True, "text": True},
    "DoNotContact": {"number": PHONE, "call": True, "text": False},
    "CreateContactListRequest": {"name": "customers", "contactNumbers": [PHONE]},
    "UpdateContactListRequest": {"name": "customers 2"},
    "AddContactListContactsRequest": {"contactNumbers": [PHONE]},
    "KeywordConfig": {},
    "KeywordLease": {"autoRenew": False},
    "ApiCredential": {"name": "ci"},
    "CallerIdVerificationRequest": {"verificationCode": "123456"},
    "NumberConfig": {},
    "NumberLease": {"autoRenew": True},
    "KeywordPurchaseRequest": {"keywords": ["HELLO"]},
    "NumberPurchaseRequest": {"numbers": [PHONE]},
    "TextAutoReply": {"number": PHONE, "keyword": "HELLO", "message": "Thanks"},
    "Webhook": {
        "name": "hook",
        "resource": "CallBroadcast",
        "events": ["Started"],
        "callback": "https://example.com/hook",
    },
}

PATH_VALUES: dict[str, Any] = {
    "id": 1234,
    "contactId": 55,
    "number": PHONE,
    "toNumber": PHONE,
    "callerid": PHONE,
    "keyword": "HELLO",
    "name": "greeting",
    "extension": "mp3",
    "key": "a1b2c3",
    "source": "import",
    "resource": "CallBroadcast",
}

UPLOADS = {
    "postFileCampaignSound": (
        "hello.mp3",
        b"ID3\x03\x00\x00\x00\x00\x00\x00fake mp3",
        "audio/mpeg",
    ),
    "createContactListFromFile": (
        "list.csv",
        b"firstName,homePhone\nAda,12135551100\n",
        "text/csv",
    ),
    "createMedia": ("logo.png", b"\x89PNG\r\n\x1a\nfake png", "image/png"),
}


# -- the server -------------------------------------------------------------------


def _missing() -> str | None:
    if not SPEC.is_file():
        return f"the official spec is missing: {SPEC}"
    if shutil.which("node") is None:
        return "Node.js is not installed (no 'node' on PATH)"
    if not PRISM.exists():
        return (
            f"the Prism mock server is not installed: {PRISM} (bash tools/dev.sh test installs it)"
        )
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def prism_url() -> Iterator[str]:
    missing = _missing()
    if missing:
        pytest.skip(missing)
    port = _free_port()
    command = [str(PRISM), "mock", "--errors", "-h", "127.0.0.1", "-p", str(port), str(SPEC)]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_listening(process, port, log)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_listening(process: subprocess.Popen[bytes], port: int, log: Any) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            pytest.fail(f"Prism exited with {process.returncode}:\n{log.read().decode()[-2000:]}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.2)
    pytest.fail("Prism did not start listening within 90 s")


# -- recording what Prism said ------------------------------------------------------


@dataclass
class Exchange:
    method: str
    path: str
    status: int
    violations: str | None
    authorized: bool


class Recording(httpx.HTTPTransport):
    def __init__(self) -> None:
        super().__init__()
        self.exchanges: list[Exchange] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        self.exchanges.append(_exchange(request, response))
        return response


class AsyncRecording(httpx.AsyncHTTPTransport):
    def __init__(self) -> None:
        super().__init__()
        self.exchanges: list[Exchange] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        self.exchanges.append(_exchange(request, response))
        return response


def _exchange(request: httpx.Request, response: httpx.Response) -> Exchange:
    return Exchange(
        request.method,
        request.url.path,
        response.status_code,
        response.headers.get("sl-violations"),
        request.headers.get("Authorization", "").startswith("Basic "),
    )


# -- one call per operation -----------------------------------------------------------


def _arguments(operation: Operation) -> tuple[dict[str, Any], Any, Any]:
    params: dict[str, Any] = {}
    body: Any = None
    for parameter in operation.parameters:
        if parameter.location == "path":
            params[parameter.name] = PATH_VALUES[parameter.name]
        elif parameter.location == "body":
            schema = parameter.schema
            ref = schema.items.ref if schema.type == "array" and schema.items else schema.ref
            body = BODIES[ref]
            if schema.type != "array" and isinstance(body, list):
                body = body[0]
            elif schema.type == "array" and not isinstance(body, list):
                body = [body]
    if operation.parameter("fields") is not None and operation.response == "json":
        params["fields"] = "items(id,name),id,name,totalCount" if operation.paged else "id,name"
    if operation.paged:
        params["limit"] = 2
    if operation.operation_id == "getMediaData":
        params["extension"] = "png"
    files = UPLOADS.get(operation.operation_id)
    if files is not None:
        params["name"] = files[0]
    return params, body, files


def _accepted(operation: Operation, exchange: Exchange, error: ApiError | None) -> None:
    assert exchange.violations is None, f"{operation.operation_id}: {exchange.violations}"
    assert exchange.authorized
    if error is None:
        return
    no_success_documented = operation.success_status is None
    serializer = error.status_code == 500 and "serializer" in error.message
    assert (no_success_documented and error.status_code == 400) or (
        operation.response == "binary" and serializer
    ), f"{operation.operation_id}: unexpected {error!r}"


SAMPLE = sorted(OPERATIONS.values(), key=lambda op: op.operation_id)


@pytest.mark.parametrize("operation", SAMPLE, ids=[op.operation_id for op in SAMPLE])
def test_every_operation_through_client(prism_url: str, operation: Operation) -> None:
    transport = Recording()
    params, body, files = _arguments(operation)
    error: ApiError | None = None
    with Client("cftools", "secret", base_url=prism_url, transport=transport) as client:
        method = getattr(client, method_name(operation.operation_id))
        assert callable(method)
        try:
            result = client.invoke(operation.operation_id, body=body, files=files, **params)
        except ApiError as exc:
            error = exc
        else:
            _check_result(operation, result)
    assert len(transport.exchanges) == 1
    _accepted(operation, transport.exchanges[0], error)


@pytest.mark.parametrize("operation", SAMPLE, ids=[op.operation_id for op in SAMPLE])
def test_every_operation_through_async_client(prism_url: str, operation: Operation) -> None:
    transport = AsyncRecording()
    params, body, files = _arguments(operation)

    async def run() -> ApiError | None:
        async with AsyncClient(
            "cftools", "secret", base_url=prism_url, transport=transport
        ) as client:
            try:
                result = await client.invoke(
                    operation.operation_id, body=body, files=files, **params
                )
            except ApiError as exc:
                return exc
            _check_result(operation, result)
            return None

    error = asyncio.run(run())
    assert len(transport.exchanges) == 1
    _accepted(operation, transport.exchanges[0], error)


def _check_result(operation: Operation, result: Any) -> None:
    expected = {"json": (dict, list), "binary": bytes, "boolean": bool, "empty": type(None)}
    assert isinstance(result, expected[operation.response]), (operation.operation_id, result)


def test_the_sample_covers_every_tag_and_request_shape() -> None:
    tags = {op.tag for op in SAMPLE}
    assert tags == {
        "calls", "campaigns", "contacts", "keywords", "me", "media",
        "numbers", "orders", "reports", "texts", "webhooks",
    }  # fmt: skip
    bodies = {op.body.schema.type == "array" for op in SAMPLE if op.body is not None}
    assert bodies == {True, False}  # array bodies and object bodies
    assert {op.operation_id for op in SAMPLE if op.operation_id in UPLOADS} == set(UPLOADS)
    assert any(op.response == "binary" for op in SAMPLE)


def test_named_methods_paginate_and_project(prism_url: str) -> None:
    transport = Recording()
    with Client("cftools", "secret", base_url=prism_url, transport=transport) as client:
        calls = list(
            client.paginate(
                client.find_calls, page_size=2, max_items=5, fields="items(id)", project=True
            )
        )
        sent = client.send_calls(BODIES["CallRecipient"], fields="items(id,state)", project=True)
        assert client.is_keyword_available("HELLO") in (True, False)
    assert calls and all(set(call) <= {"id"} for call in calls)
    assert set(sent) == {"items"}
    assert all(set(item) <= {"id", "state"} for item in sent["items"])
    assert all(x.violations is None for x in transport.exchanges)


def test_download_streams_to_a_file_and_a_file_object(prism_url: str, tmp_path: Path) -> None:
    with Client("cftools", "secret", base_url=prism_url) as client:
        target = tmp_path / "recording.mp3"
        written = client.download("getCallRecordingMp3", target, id=1234)
        assert written == target.stat().st_size > 0
        buffer = io.BytesIO()
        assert client.download(client.get_call_recording_mp3, buffer, id=1234) == written
        assert buffer.getvalue() == target.read_bytes()
    assert os.listdir(tmp_path) == ["recording.mp3"]


def test_async_paginate_and_download(prism_url: str) -> None:
    async def run() -> tuple[list[Any], int]:
        async with AsyncClient("cftools", "secret", base_url=prism_url) as client:
            items = [item async for item in client.paginate("findTexts", page_size=2, max_items=3)]
            buffer = io.BytesIO()
            size = await client.download("getCallRecordingMp3", buffer, id=1234)
            return items, size

    items, size = asyncio.run(run())
    assert 0 < len(items) <= 3
    assert size > 0
