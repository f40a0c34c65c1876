"""Do-not-contact entries, keyed by number."""

from __future__ import annotations

from typing import Any

from .._core import ApiFault, Context, apply_update, body_dict, handles, page, require_key
from .._store import Filter, equals, one_of, starts_with

_FLAGS = ("call", "text", "inboundCall", "inboundText")


@handles("addDoNotContacts")
def add_do_not_contacts(ctx: Context) -> Any:
    body = body_dict(ctx)
    numbers = body.get("numbers") or []
    if not numbers:
        raise ApiFault(400, "give the numbers to add in numbers")
    for number in numbers:
        number = str(number)
        doc = ctx.tx.get_by_key("dnc", number) or {
            "id": ctx.tx.next_id(),
            "number": number,
            "created": ctx.now,
            **dict.fromkeys(_FLAGS, True),
        }
        for flag in _FLAGS:
            if body.get(flag) is not None:
                doc[flag] = body[flag] in (True, "true")
        if body.get("source"):
            doc["source"] = body["source"]
        ctx.tx.put("dnc", doc, key=number)


def _public(doc: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in doc.items() if key != "id"}


@handles("findDoNotContacts")
def find_do_not_contacts(ctx: Context) -> Any:
    filters: list[Filter] = []
    if ctx.param("prefix"):
        filters.append(starts_with("number", ctx.params["prefix"]))
    for name in ("campaignId", "source", *_FLAGS):
        if ctx.param(name) is not None:
            filters.append(equals(name, ctx.params[name]))
    if ctx.param("number"):
        filters.append(one_of("number", ctx.params["number"]))
    return page(ctx, "dnc", filters, shape=_public)


@handles("getDoNotContact")
def get_do_not_contact(ctx: Context) -> Any:
    return _public(require_key(ctx, "dnc", ctx.params["number"], "do-not-contact entry"))


@handles("updateDoNotContact")
def update_do_not_contact(ctx: Context) -> Any:
    number = ctx.params["number"]
    doc = require_key(ctx, "dnc", number, "do-not-contact entry")
    apply_update(doc, "DoNotContact", {k: v for k, v in body_dict(ctx).items() if k != "number"})
    ctx.tx.put("dnc", doc, key=number)


@handles("deleteDoNotContact")
def delete_do_not_contact(ctx: Context) -> Any:
    # The path may carry several numbers, comma-separated: all exist or nothing changes.
    numbers = ctx.params["number"]
    for number in numbers if isinstance(numbers, list) else [numbers]:
        doc = require_key(ctx, "dnc", str(number), "do-not-contact entry")
        ctx.tx.delete("dnc", doc["id"])


@handles("deleteDoNotContactsBySource")
def delete_by_source(ctx: Context) -> Any:
    for doc in ctx.tx.find("dnc", [equals("source", ctx.params["source"])])[0]:
        ctx.tx.delete("dnc", doc["id"])


@handles("getUniversalDoNotContacts")
def get_universal(ctx: Context) -> Any:
    doc = ctx.tx.get_by_key("dnc", ctx.params["toNumber"])
    if doc is None:
        return {"items": []}
    item = {
        "toNumber": doc["number"],
        "inboundCall": doc.get("inboundCall", False),
        "inboundText": doc.get("inboundText", False),
        "outboundCall": doc.get("call", False),
        "outboundText": doc.get("text", False),
    }
    if ctx.param("fromNumber"):
        item["fromNumber"] = ctx.params["fromNumber"]
    return {"items": [item]}
