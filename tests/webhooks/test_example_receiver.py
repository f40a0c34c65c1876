"""examples/webhook_receiver.py, driven in process through httpx's ASGITransport (no network)."""

from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path
from typing import Any

import httpx
import pytest

from cftools.webhooks import sign

pytest.importorskip("starlette")

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "webhook_receiver.py"
DATA = Path(__file__).with_name("data")
SECRET = "receiver-secret"


def post(app: Any, body: bytes, headers: dict[str, str]) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://receiver") as http:
            return await http.post("/callfire", content=body, headers=headers)

    return asyncio.run(go())


@pytest.fixture
def app() -> Any:
    spec = importlib.util.spec_from_file_location("webhook_receiver", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.create_app(SECRET)


def test_a_signed_payload_is_accepted_and_parsed(app: Any) -> None:
    raw = (DATA / "outbound_call_finished.json").read_bytes()
    reply = post(app, raw, {"x-callfire-signature": sign(raw, SECRET)})
    assert reply.status_code == 204
    (payload,) = app.state.received
    assert payload["events"][0]["resource"]["id"] == 2**53 + 3


@pytest.mark.parametrize("signature", [None, "AAAA", sign(b"other body", SECRET)])
def test_a_missing_or_wrong_signature_gets_401(app: Any, signature: str | None) -> None:
    headers = {} if signature is None else {"X-CallFire-Signature": signature}
    reply = post(app, b'{"resourceType": "x", "events": []}', headers)
    assert reply.status_code == 401 and app.state.received == []


def test_a_signed_body_that_is_not_a_payload_gets_400(app: Any) -> None:
    reply = post(app, b"[]", {"X-CallFire-Signature": sign(b"[]", SECRET)})
    assert reply.status_code == 400 and "not an object" in reply.text
