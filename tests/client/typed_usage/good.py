"""A user's script: typed bodies, typed results, typed pages and webhooks (mypy --strict clean)."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Iterator
from typing import Any

from cftools.client import AsyncClient, Client
from cftools.client.models import (
    Call,
    CallList,
    CallPage,
    CallRecipient,
    Contact,
    OutboundCallWebhookEvent,
    Text,
    Webhook,
)
from cftools.webhooks import receive

if sys.version_info >= (3, 11):
    from typing import assert_type
else:
    from typing_extensions import assert_type


def sync_usage(client: Client) -> None:
    recipients: list[CallRecipient] = [
        {"phoneNumber": "12135551100", "attributes": {"order": "A-1"}},
        {"contactId": 42, "liveMessage": "Hello", "voice": "FEMALE1"},
    ]
    sent = client.send_calls(recipients, campaign_id=7)
    assert_type(sent, CallList)
    for call in sent.get("items", []):
        assert_type(call, Call)
    assert_type(client.get_call(1), Call)
    page = client.find_calls(states=["FINISHED"], fields="items(id,finalCallResult)")
    assert_type(page, CallPage)
    result = page["items"][0].get("finalCallResult")
    if result == "LA":
        print("live answer")
    for item in client.paginate("findCalls", max_items=10):
        assert_type(item, Call)
    for text in client.paginate("findTexts"):
        assert_type(text, Text)
    for anything in client.paginate("someFutureOperation"):
        assert_type(anything, Any)
    assert_type(client.paginate("findCalls"), Iterator[Call])
    assert_type(client.paginate(client.find_calls, states="FINISHED"), Iterator[Call])
    assert_type(client.paginate(client.get_call_broadcast_calls, id=3), Iterator[Call])
    assert_type(client.paginate(client.find_contacts), Iterator[Contact])
    assert_type(client.get_call_recording_mp3(3), bytes)
    assert_type(client.delete_webhook(4), None)
    assert_type(client.get_contact(5), Contact)
    hook: Webhook = {"name": "calls", "resource": "OutboundCall", "callback": "https://x/y"}
    client.create_webhook(hook)


async def async_usage(client: AsyncClient) -> None:
    assert_type(await client.get_call(1), Call)
    assert_type(client.paginate("findCalls"), AsyncIterator[Call])
    assert_type(client.paginate(client.find_texts), AsyncIterator[Text])
    async for call in client.paginate("findCalls"):
        assert_type(call, Call)


def webhook_usage(body: bytes, headers: dict[str, str]) -> None:
    payload = receive(body, headers, "secret")
    if payload["resourceType"] == "OutboundCall":
        for event in payload["events"]:
            assert_type(event, OutboundCallWebhookEvent)
            assert_type(event["resource"], Call)
