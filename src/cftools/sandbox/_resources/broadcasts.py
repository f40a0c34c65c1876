"""Call and text broadcasts (campaigns), their batches and recipients.

Both channels share every handler; ``CHANNEL`` maps each operationId to its channel.
A broadcast is created in ``SETUP`` (``RUNNING`` with ``start=true``); start, stop and
archive move its status; recipients become calls or texts in a batch, ``READY``, queued
for the broadcast's dialler (:mod:`cftools.sandbox._engine`), which a start wakes after
:data:`~cftools.sandbox._outcomes.QUEUE_DELAY`. Statistics are counted from the calls'
and texts' states and records.
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
from .._outcomes import QUEUE_DELAY, billed_seconds
from .._store import Filter, between, contains_text, equals, has_item
from .common import public
from .messages import create_message

MODEL = {"call": "CallBroadcast", "text": "TextBroadcast"}
_RESOURCE = MODEL  # the webhook resource names are the model names
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


def _wake(ctx: Context, doc: dict[str, Any]) -> None:
    """Have a running broadcast's dialler run after the queue delay."""
    if doc.get("status") == "RUNNING":
        due = ctx.now + QUEUE_DELAY * 1000
        doc["_due"] = min(due, doc.get("_due") or due)


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
            queue=True,
        )
    _wake(ctx, broadcast)
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
    if recipients:
        add_batch(ctx, channel, doc, recipients)
    _wake(ctx, doc)
    ctx.tx.put(f"{channel}_broadcast", doc)
    if doc["status"] == "RUNNING":
        ctx.emit(_RESOURCE[channel], "started", doc)
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
    before = doc.get("status")
    doc["status"] = _MOVES[verb]
    if verb == "start":
        _wake(ctx, doc)
    else:
        doc.pop("_due", None)
    _save(ctx, channel, doc)
    if verb == "start" and before != "RUNNING":
        ctx.emit(_RESOURCE[channel], "started", doc)
    elif verb == "stop" and before == "RUNNING":
        ctx.emit(_RESOURCE[channel], "stopped", doc)


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
                if enable:
                    item["_queue"] = doc["id"]
                ctx.tx.put(channel, item)
    if enable:
        _wake(ctx, doc)
        _save(ctx, channel, doc)


@handles("getCallBroadcastStats", "getTextBroadcastStats")
def get_stats(ctx: Context) -> Any:
    channel, doc = _broadcast(ctx)
    filters = [equals("campaignId", doc["id"])]
    filters.extend(between("created", ctx.param("begin"), ctx.param("end")))
    items, _ = ctx.tx.find(channel, filters)
    return (call_stats if channel == "call" else text_stats)(items)


_ERRORS = ("INTERNAL_ERROR", "CARRIER_ERROR", "CARRIER_TEMP_ERROR", "UNDIALED")


def _count(items: list[dict[str, Any]], key: str, *values: str) -> int:
    return sum(1 for item in items if item.get(key) in values)


def call_stats(calls: list[dict[str, Any]]) -> dict[str, Any]:
    """``CallBroadcastStats`` of ``calls``: states, final results and every record."""
    records = [record for call in calls for record in call.get("records") or []]
    answered = [r for r in records if r.get("answerTime") is not None]
    placed = sum(1 for call in calls if call.get("records"))
    live = _count(calls, "finalCallResult", "LA")
    transferred = _count(calls, "finalCallResult", "XFER")
    remaining = _count(calls, "state", "READY", "CALLBACK")
    known = ("LA", "AM", "BUSY", "NO_ANS", "XFER", "DNC", *_ERRORS)
    return {
        "totalCount": len(calls),
        "totalOutboundCount": len(calls),
        "remainingOutboundCount": remaining,
        "callsRemaining": remaining,
        "callsPlaced": placed,
        "callsAttempted": len(records),
        "dialedCount": placed,
        "callsAwaitingRedial": _count(calls, "state", "CALLBACK"),
        "callsLiveAnswer": live,
        "liveCount": live,
        "answeringMachineCount": _count(calls, "finalCallResult", "AM"),
        "busyCount": _count(calls, "finalCallResult", "BUSY"),
        "noAnswerCount": _count(calls, "finalCallResult", "NO_ANS"),
        "transferCount": transferred,
        "doNotCallCount": _count(calls, "finalCallResult", "DNC"),
        "errorCount": _count(calls, "finalCallResult", *_ERRORS),
        "miscCount": sum(
            1
            for call in calls
            if call.get("finalCallResult") is not None and call["finalCallResult"] not in known
        ),
        "callsDuration": sum(int(r.get("duration") or 0) for r in records),
        "billedDuration": sum(billed_seconds(int(r.get("duration") or 0)) for r in answered),
        "billedAmount": round(sum(float(r.get("billedAmount") or 0) for r in records), 4),
        "responseRatePercent": (100 * (live + transferred)) // placed if placed else 0,
    }


def text_stats(texts: list[dict[str, Any]]) -> dict[str, Any]:
    """``TextBroadcastStats`` of ``texts``."""
    records = [record for text in texts for record in text.get("records") or []]
    sent = _count(texts, "finalTextResult", "SENT")
    return {
        "totalOutboundCount": len(texts),
        "remainingOutboundCount": _count(texts, "state", "READY", "CALLBACK"),
        "sentCount": sent,
        "unsentCount": len(texts) - sent,
        "recievedCount": _count(texts, "finalTextResult", "RECEIVED"),
        "doNotTextCount": _count(texts, "finalTextResult", "DNT"),
        "tooBigCount": _count(texts, "finalTextResult", "TOO_BIG"),
        "errorCount": _count(texts, "finalTextResult", *_ERRORS),
        "billedAmount": round(sum(float(r.get("billedAmount") or 0) for r in records), 4),
    }


@handles("getCampaignBatch")
def get_campaign_batch(ctx: Context) -> Any:
    return require(ctx, "batch", ctx.params["id"], "batch")


@handles("updateCampaignBatch")
def update_campaign_batch(ctx: Context) -> Any:
    batch = require(ctx, "batch", ctx.params["id"], "batch")
    body = body_dict(ctx)
    if body.get("enabled") is not None:
        enabled = body["enabled"] in (True, "true", "TRUE", "True")
        if enabled != batch.get("enabled", True):
            _hold_batch(ctx, batch, held=not enabled)
        batch["enabled"] = enabled
    if body.get("name"):
        batch["name"] = body["name"]
    ctx.tx.put("batch", batch)


def _hold_batch(ctx: Context, batch: dict[str, Any], *, held: bool) -> None:
    """Disabling a batch takes its recipients not yet dialled out of the queue
    (``DISABLED``, so the broadcast can finish without them); enabling it puts back
    those it took, and wakes the broadcast. Calls in progress or waiting for a retry
    go on; recipients disabled one by one stay disabled."""
    for channel in ("call", "text"):
        broadcast = ctx.tx.get(f"{channel}_broadcast", int(batch["broadcastId"]))
        if broadcast is None:
            continue
        items, _ = ctx.tx.find(channel, [equals("batchId", batch["id"])], newest_first=False)
        for item in items:
            if held and item.get("state") == "READY" and "_queue" in item:
                del item["_queue"]
                item["state"], item["_heldByBatch"] = "DISABLED", True
            elif not held and item.pop("_heldByBatch", False):
                item["state"], item["_queue"] = "READY", broadcast["id"]
            else:
                continue
            item["modified"] = ctx.now
            ctx.tx.put(channel, item)
        _wake(ctx, broadcast)
        _save(ctx, channel, broadcast)
