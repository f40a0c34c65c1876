"""Typed, yet lenient at run time: responses come back exactly as the server sent them."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx

from cftools.client import Client

from .conftest import make_async_client

# A call as a real server may send it: keys the spec does not name, an enumeration
# value it does not list, ids above 2**53, and a record result under another name.
DRIFTED_CALL: dict[str, Any] = {
    "id": 2**53 + 1,
    "fromNumber": "12135551189",
    "toNumber": "12135551100",
    "state": "QUEUED_SOMEWHERE_NEW",
    "finalCallResult": "MACHINE_BEEP",
    "records": [{"id": 2**63 - 1, "result": "LA", "callResult": "LA", "durationMs": 1}],
    "contact": {"id": 9, "properties": {"a": "b"}, "brandNew": [1, 2]},
    "attributes": {"k": "v"},
    "serverOnly": {"nested": None},
}


def raw(document: Any) -> httpx.Response:
    # json.dumps keeps big integers exact; the client must decode them exactly too.
    return httpx.Response(
        200, content=json.dumps(document).encode(), headers={"content-type": "application/json"}
    )


def test_a_drifted_response_comes_back_unchanged(client: Client, server: Any) -> None:
    server.reply(raw(DRIFTED_CALL))
    call = client.get_call(1)
    assert call == DRIFTED_CALL
    assert type(call) is dict
    assert call["id"] == 2**53 + 1 and type(call["id"]) is int


def test_pages_and_paginate_keep_unknown_items_and_keys(client: Client, server: Any) -> None:
    page = {
        "items": [DRIFTED_CALL, {"id": 2, "x": 1}],
        "limit": 100,
        "offset": 0,
        "totalCount": 2,
        "more": True,
    }
    server.reply(raw(page))
    assert client.find_calls() == page
    assert list(client.paginate("findCalls")) == page["items"]


def test_sent_calls_come_back_as_the_server_wrote_them(client: Client, server: Any) -> None:
    server.reply(raw({"items": [DRIFTED_CALL]}))
    assert client.send_calls([{"phoneNumber": "12135551100"}]) == {"items": [DRIFTED_CALL]}


def test_the_async_client_is_just_as_lenient(server: Any) -> None:
    server.reply(raw(DRIFTED_CALL))

    async def go() -> Any:
        async with make_async_client(server) as client:
            return await client.get_call(1)

    assert asyncio.run(go()) == DRIFTED_CALL
