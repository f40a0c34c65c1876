"""Call and text broadcasts (campaigns), their batches and recipients.

Both channels share every handler; ``CHANNEL`` maps each operationId to its channel.
A broadcast is created in ``SETUP`` (``RUNNING`` with ``start=true``); start, stop and
archive move its status; recipients become calls or texts in a batch, ``READY``.
"""

from __future__ import annotations

from typing import Any

from .._core import (
    ApiFault,
    Context,
    apply_update,
    body_dict,
    body_list,
    handles,
    json_page,
    page,
    require,
    writable,
)
from .._store import Filter, between, contains_text, equals, has_item
from .common import public
from .messages import create_message

MODEL = {"call": "CallBroadcast", "text": "TextBroadcast"}
_ITEMS = {"call": "calls", "text": "texts"}


def _channel(ctx: Context) -> str:
    operation_id = ctx.operation.operation_id
    return "call" if ("Call" in operation_id or "Voice" in operation_id) else "text"


def _broadcast(ctx: Context) -> tuple[str, dict[str, Any]]:
    channel = _channel(ctx)
    return channel, require(ctx, f"{channel}_broadcast", ctx.params["id"], f"{channel} broadcast")


def _save(ctx: Context, channel: str, doc: dict[str, Any]) -> None:
    doc["lastModified"] = ctx.now
    ctx.tx.put(f"{channel}_broadcast", doc)


def add_batch(
    ctx: Context,
    channel: str,
    broadcast: dict[str, Any],
    recipients: list[dict[str, Any]],
    name: str | None = None,
) -> dict[str, Any]:
    """A new batch of ``broadcast`` with a call or text for each recipient."""
    batch_id = ctx.tx.next_id()
    defaults = {"fromNumber": broadcast.get("fromNumber"), "message": broadcast.get("message")}
    for recipient in recipients:
        create_message(
            ctx,
            channel,
            dict(recipient),
            campaign_id=broadcast["id"],
            batch_id=batch_id,
            defaults=defaults,
        )
    batch = {
        "id": batch_id,
        "name": name or f"batch {batch_id}",
        "broadcastId": broadcast["id"],
        "status": "ACTIVE",
        "size": len(recipients),
        "remaining": len(recipients),
        "enabled": True,
        "created": ctx.now,
    }
    return ctx.tx.put("batch", batch)


@handles("createCallBroadcast", "createTextBroadcast")
def create_broadcast(ctx: Context) -> Any:
    channel = _channel(ctx)
    body = body_dict(ctx)
    if channel == "text" and not body.get("message") and not body.get("recipients"):
        raise ApiFault(400, "a text broadcast needs a message (or recipients with messages)")
    now = ctx.now
    doc = {
        "id": ctx.tx.next_id(),
        **writable(MODEL[channel], body),
        "status": "RUNNING" if ctx.param("start") else "SETUP",
        "lastModified": now,
        "_created": now,
    }
    doc.setdefault("name", f"{channel} broadcast {doc['id']}")
    doc.setdefault("labels", [])
    recipients = doc.pop("recipients", None) or []
    ctx.tx.put(f"{channel}_broadcast", doc)
    if recipients:
        add_batch(ctx, channel, doc, recipients)
    return {"id": doc["id"]}


@handles("findCallBroadcasts", "findTextBroadcasts")
def find_broadcasts(ctx: Context) -> Any:
    channel = _channel(ctx)
    filters: list[Filter] = []
    if ctx.param("name"):
        filters.append(contains_text("name", ctx.params["name"]))
    if ctx.param("label"):
        filters.append(has_item("labels", ctx.params["label"]))
    if ctx.param("running") is not None:
        running = ("= 'RUNNING'", "!= 'RUNNING'")[not ctx.params["running"]]
        filters.append((f"json_extract(doc, '$.status') {running}", ()))
    if ctx.param("scheduled") is not None:
        test = "> 0" if ctx.params["scheduled"] else "= 0"
        filters.append((f"coalesce(json_array_length(doc, '$.schedules'), 0) {test}", ()))
    filters.extend(between("_created", ctx.param("intervalBegin"), ctx.param("intervalEnd")))
    return json_page(ctx, f"{channel}_broadcast", filters)


@handles("getCallBroadcast", "getTextBroadcast")
def get_broadcast(ctx: Context) -> Any:
    return public(_broadcast(ctx)[1])


@handles("updateCallBroadcast", "updateTextBroadcast")
def update_broadcast(ctx: Context) -> Any:
    channel, doc = _broadcast(ctx)
    body = {k: v for k, v in body_dict(ctx).items() if k != "recipients"}
    _save(ctx, channel, apply_update(doc, MODEL[channel], body))
    return {"id": doc["id"]} if channel == "text" else None


_MOVES = {"start": "RUNNING", "stop": "STOPPED", "archive": "ARCHIVED"}


@handles(
    "startVoiceBroadcast",
    "stopVoiceBroadcast",
    "archiveVoiceBroadcast",
    "startTextBroadcast",
    "stopTextBroadcast",
    "archiveTextBroadcast",
)
def move_broadcast(ctx: Context) -> Any:
    channel, doc = _broadcast(ctx)
    verb = ctx.operation.path.rsplit("/", 1)[1]
    if doc.get("status") == "ARCHIVED" and verb != "archive":
        raise ApiFault(400, f"{channel} broadcast {doc['id']} is archived; it cannot {verb}")
    doc["status"] = _MOVES[verb]
    _save(ctx, channel, doc)


@handles("getCallBroadcastBatches", "getTextBroadcastBatches")
def get_batches(ctx: Context) -> Any:
    _, doc = _broadcast(ctx)
    return page(ctx, "batch", [equals("broadcastId", doc["id"])], newest_first=False)


@handles("addCallBroadcastBatch", "addTextBroadcastBatch")
def add_broadcast_batch(ctx: Context) -> Any:
    channel, doc = _broadcast(ctx)
    body = body_dict(ctx)
    recipients = [dict(r) for r in body.get("recipients") or []]
    list_id = body.get("contactListId")
    if list_id is not None:
        require(ctx, "contact_list", int(list_id), "contact list")
        contacts, _ = ctx.tx.find("contact", [has_item("_lists", int(list_id))], newest_first=False)
        recipients += [{"contactId": contact["id"]} for contact in contacts]
    if not recipients:
        raise ApiFault(400, "a batch needs recipients or a contactListId with contacts")
    if body.get("scrubDuplicates"):
        recipients = _unique(recipients)
    batch = add_batch(ctx, channel, doc, recipients, body.get("name"))
    _save(ctx, channel, doc)
    return {"id": batch["id"]}


def _unique(recipients: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[Any] = set()
    kept = []
    for recipient in recipients:
        key = recipient.get("phoneNumber") or ("contact", recipient.get("contactId"))
        if key not in seen:
            seen.add(key)
            kept.append(recipient)
    return kept


@handles("getCallBroadcastCalls", "getTextBroadcastTexts")
def get_broadcast_items(ctx: Context) -> Any:
    channel, doc = _broadcast(ctx)
    filters = [equals("campaignId", doc["id"])]
    if ctx.param("batchId") is not None:
        filters.append(equals("batchId", ctx.params["batchId"]))
    return json_page(ctx, channel, filters, newest_first=False)


@handles("addCallBroadcastRecipients", "addTextBroadcastRecipients")
def add_recipients(ctx: Context) -> Any:
    channel, doc = _broadcast(ctx)
    recipients = [dict(r) for r in body_list(ctx)]
    if not recipients:
        raise ApiFault(400, "give at least one recipient in the body")
    batch = add_batch(ctx, channel, doc, recipients)
    _save(ctx, channel, doc)
    items, _ = ctx.tx.find(channel, [equals("batchId", batch["id"])], newest_first=False)
    return {"items": [public(item) for item in items]}


@handles("toggleCallBroadcastRecipientsStatus", "toggleTextBroadcastRecipientsStatus")
def toggle_recipients(ctx: Context) -> Any:
    channel, doc = _broadcast(ctx)
    enable = ctx.param("enable", True)
    for recipient in body_list(ctx):
        number = recipient.get("phoneNumber")
        field = ("toNumber", number) if number else ("contact.id", recipient.get("contactId"))
        items, _ = ctx.tx.find(channel, [equals("campaignId", doc["id"]), equals(*field)])
        for item in items:
            if item["state"] in ("READY", "DISABLED"):
                item["state"] = "READY" if enable else "DISABLED"
                item["modified"] = ctx.now
                ctx.tx.put(channel, item)


@handles("getCallBroadcastStats", "getTextBroadcastStats")
def get_stats(ctx: Context) -> Any:
    channel, doc = _broadcast(ctx)
    filters = [equals("campaignId", doc["id"])]
    filters.extend(between("created", ctx.param("begin"), ctx.param("end")))
    items, total = ctx.tx.find(channel, filters)
    remaining = sum(1 for item in items if item["state"] == "READY")
    finished = sum(1 for item in items if item["state"] == "FINISHED")
    if channel == "text":
        return {
            "totalOutboundCount": total,
            "remainingOutboundCount": remaining,
            "sentCount": finished,
            "unsentCount": total - finished,
            "recievedCount": 0,
            "doNotTextCount": sum(1 for item in items if item["state"] == "DNC"),
            "tooBigCount": 0,
            "errorCount": 0,
            "billedAmount": 0.0,
        }
    return {
        "totalCount": total,
        "totalOutboundCount": total,
        "remainingOutboundCount": remaining,
        "callsRemaining": remaining,
        "callsPlaced": finished,
        "callsAttempted": finished,
        "dialedCount": finished,
        "callsAwaitingRedial": 0,
        "callsLiveAnswer": 0,
        "liveCount": 0,
        "answeringMachineCount": 0,
        "busyCount": 0,
        "noAnswerCount": 0,
        "transferCount": 0,
        "doNotCallCount": sum(1 for item in items if item["state"] == "DNC"),
        "errorCount": 0,
        "miscCount": 0,
        "callsDuration": 0,
        "billedDuration": 0,
        "billedAmount": 0.0,
        "responseRatePercent": 0,
    }


@handles("getCampaignBatch")
def get_campaign_batch(ctx: Context) -> Any:
    return require(ctx, "batch", ctx.params["id"], "batch")


@handles("updateCampaignBatch")
def update_campaign_batch(ctx: Context) -> Any:
    batch = require(ctx, "batch", ctx.params["id"], "batch")
    body = body_dict(ctx)
    if body.get("enabled") is not None:
        batch["enabled"] = body["enabled"] in (True, "true", "TRUE", "True")
    if body.get("name"):
        batch["name"] = body["name"]
    ctx.tx.put("batch", batch)
