"""Calls and texts: sent one by one or by broadcasts, found, read; recordings; auto-replies.

A call or a text is created ``READY``; the engine (:mod:`cftools.sandbox._engine`) moves
it through its states on the clock: one sent by ``sendCalls``/``sendTexts`` is due to be
dialled after :data:`~cftools.sandbox._outcomes.QUEUE_DELAY`, one of a broadcast waits in
its broadcast's queue. Each keeps what it was sent with (the recipient, its
``dialplanXml``, the default messages) under private keys that the API never shows.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from .._core import ApiFault, Binary, Context, body_list, handles, json_page, page, require
from .._outcomes import QUEUE_DELAY
from .._store import Filter, between, equals, has_item, one_of
from . import audio
from .common import DEFAULT_FROM, public, recipient_contact

CHANNELS = {"call": "finalCallResult", "text": "finalTextResult"}


def create_message(
    ctx: Context,
    channel: str,
    recipient: dict[str, Any],
    *,
    campaign_id: int,
    batch_id: int,
    defaults: dict[str, Any],
    queue: bool = False,
    dial: bool = True,
) -> dict[str, Any]:
    """Store one call or text for ``recipient`` (a checked recipient object) and return it.

    ``queue``: it waits in the queue of its broadcast (``campaign_id``) to be dialled;
    otherwise, with ``dial``, it is due to be dialled after the queue delay."""
    contact = recipient_contact(ctx, recipient)
    to_number = (
        recipient.get("phoneNumber")
        or contact.get("homePhone")
        or contact.get("mobilePhone")
        or contact.get("workPhone")
    )
    if not to_number:
        raise ApiFault(400, f"contact {contact['id']} has no phone number to {channel}")
    now = ctx.now
    doc: dict[str, Any] = {
        "id": ctx.tx.next_id(),
        "fromNumber": str(
            recipient.get("fromNumber") or defaults.get("fromNumber") or DEFAULT_FROM
        ),
        "toNumber": str(to_number),
        "state": "READY",
        "campaignId": campaign_id,
        "batchId": batch_id,
        "contact": public(contact),
        "inbound": False,
        "created": now,
        "modified": now,
        "attributes": dict(recipient.get("attributes") or {}),
        "labels": [],
        "records": [],
        "_recipient": recipient,
    }
    if channel == "text":
        message = recipient.get("message") or defaults.get("message")
        if not message:
            raise ApiFault(400, "a text needs a message: set message or defaultMessage")
        doc["message"] = str(message)
        doc["media"] = list(recipient.get("media") or [])
    else:
        doc["notes"] = []
        if recipient.get("dialplanXml"):
            doc["_dialplanXml"] = recipient["dialplanXml"]
        for which in ("live", "machine"):
            if defaults.get(f"{which}Message"):
                doc[f"_{which}Message"] = str(defaults[f"{which}Message"])
    if queue:
        doc["_queue"] = campaign_id
    elif dial:
        doc["_due"], doc["_step"] = now + QUEUE_DELAY * 1000, "dial"
    return ctx.tx.put(channel, doc)


def _send(ctx: Context, channel: str) -> dict[str, Any]:
    campaign_id = ctx.param("campaignId")
    broadcast_kind = f"{channel}_broadcast"
    if campaign_id is not None:
        require(ctx, broadcast_kind, campaign_id, f"{channel} broadcast")
    else:
        campaign_id = ctx.tx.next_id()
    batch_id = ctx.tx.next_id()
    defaults = {
        "message": ctx.param("defaultMessage"),
        "liveMessage": ctx.param("defaultLiveMessage"),
        "machineMessage": ctx.param("defaultMachineMessage"),
        "voice": ctx.param("defaultVoice"),
    }
    recipients = body_list(ctx)
    if not recipients:
        raise ApiFault(400, f"send{channel.title()}s needs at least one recipient in the body")
    items = [
        public(
            create_message(
                ctx, channel, dict(r), campaign_id=campaign_id, batch_id=batch_id, defaults=defaults
            )
        )
        for r in recipients
    ]
    return {"items": items}


@handles("sendCalls")
def send_calls(ctx: Context) -> Any:
    return _send(ctx, "call")


@handles("sendTexts")
def send_texts(ctx: Context) -> Any:
    return _send(ctx, "text")


def message_filters(ctx: Context, channel: str) -> list[Filter]:
    """The documented filters of findCalls and findTexts."""
    filters: list[Filter] = []
    if ctx.param("id"):
        filters.append(one_of("id", ctx.params["id"]))
    for name in ("campaignId", "batchId", "fromNumber", "toNumber", "inbound"):
        if ctx.param(name) is not None:
            filters.append(equals(name, ctx.params[name]))
    if ctx.param("label"):
        filters.append(has_item("labels", ctx.params["label"]))
    if ctx.param("states"):
        filters.append(one_of("state", ctx.params["states"]))
    if ctx.param("results"):
        filters.append(one_of(CHANNELS[channel], ctx.params["results"]))
    filters.extend(between("created", ctx.param("intervalBegin"), ctx.param("intervalEnd")))
    return filters


@handles("findCalls")
def find_calls(ctx: Context) -> Any:
    return json_page(ctx, "call", message_filters(ctx, "call"))


@handles("findTexts")
def find_texts(ctx: Context) -> Any:
    return json_page(ctx, "text", message_filters(ctx, "text"))


@handles("getCall")
def get_call(ctx: Context) -> Any:
    return public(require(ctx, "call", ctx.params["id"], "call"))


@handles("getText")
def get_text(ctx: Context) -> Any:
    return public(require(ctx, "text", ctx.params["id"], "text"))


# -- Recordings: made by IVR calls (none until calls run); read by id or by name --------


def _recording(ctx: Context) -> dict[str, Any]:
    if "name" in ctx.params:
        require(ctx, "call", ctx.params["id"], "call")
        found, _ = ctx.tx.find(
            "recording",
            [equals("callId", ctx.params["id"]), equals("name", ctx.params["name"])],
            limit=1,
        )
        if not found:
            raise ApiFault(404, f"call {ctx.params['id']} has no recording {ctx.params['name']!r}")
        return found[0]
    return require(ctx, "recording", ctx.params["id"], "recording")


@handles("getCallRecording", "getCallRecordingByName")
def get_recording(ctx: Context) -> Any:
    return public(_recording(ctx))


@handles("getCallRecordingMp3", "getCallRecordingMp3ByName")
def get_recording_mp3(ctx: Context) -> Any:
    recording = _recording(ctx)
    return Binary(audio.mp3(int(recording.get("lengthInSeconds") or 1)), "audio/mpeg")


@handles("getCallRecordings")
def get_call_recordings(ctx: Context) -> Any:
    require(ctx, "call", ctx.params["id"], "call")
    items, _ = ctx.tx.find("recording", [equals("callId", ctx.params["id"])], newest_first=False)
    return {"items": [public(item) for item in items]}


# -- Auto-replies ----------------------------------------------------------------------


@handles("createTextAutoReply")
def create_auto_reply(ctx: Context) -> Any:
    body = dict(ctx.body or {})
    if not body.get("number") or not body.get("message"):
        raise ApiFault(400, "an auto-reply needs a number and a message")
    doc = {"id": ctx.tx.next_id()}
    doc.update({k: body[k] for k in ("number", "keyword", "match", "message") if body.get(k)})
    ctx.tx.put("auto_reply", doc)
    return {"id": doc["id"]}


@handles("findTextAutoReplys")
def find_auto_replies(ctx: Context) -> Any:
    number = ctx.param("number")
    return page(ctx, "auto_reply", [equals("number", number)] if number else [])


@handles("getTextAutoReply")
def get_auto_reply(ctx: Context) -> Any:
    return require(ctx, "auto_reply", ctx.params["id"], "auto-reply")


@handles("deleteTextAutoReply")
def delete_auto_reply(ctx: Context) -> Any:
    require(ctx, "auto_reply", ctx.params["id"], "auto-reply")
    ctx.tx.delete("auto_reply", ctx.params["id"])


# -- Delivery reports: one per text sent ----------------------------------------------


@handles("getDeliveryReports")
def get_delivery_reports(ctx: Context) -> Any:
    filters: list[Filter] = [equals("inbound", False)]
    for name in ("campaignId", "fromNumber", "toNumber"):
        if ctx.param(name) is not None:
            filters.append(equals(name, ctx.params[name]))
    if ctx.param("messageText"):
        filters.append(equals("message", ctx.params["messageText"]))
    result = page(ctx, "text", filters)
    result["items"] = [_delivery_report(text) for text in result["items"]]
    category = ctx.param("deliveryCategory")
    if category and category != "NO_DATA":
        result["items"], result["totalCount"] = [], 0
    return result


def _delivery_report(text: dict[str, Any]) -> dict[str, Any]:
    updated = datetime.fromtimestamp(text["modified"] / 1000, tz=timezone.utc)
    return {
        "campaignId": text["campaignId"],
        "fromNumber": text["fromNumber"],
        "toNumber": text["toNumber"],
        "messageText": text.get("message", ""),
        "deliveryCategory": "NO_DATA",
        "updated": updated.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
    }
