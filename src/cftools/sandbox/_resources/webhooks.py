"""Webhooks and the resources they can watch.

The sandbox stores and checks webhooks (a resource and events the specification lists,
a name, a callback; ``check_request`` has already checked a ``fields`` expression
against the resource); firing them when an event happens is
:mod:`cftools.sandbox._deliveries`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cftools.spec._shapes import WEBHOOK_RESOURCES

from .._core import ApiFault, Context, apply_update, body_dict, handles, page, require, writable
from .._store import Filter, equals, has_item

RESOURCES: Mapping[str, tuple[str, ...]] = WEBHOOK_RESOURCES
"""Each resource a webhook can watch, with the events it sends (from the specification)."""


def _check(doc: dict[str, Any]) -> None:
    resource = doc.get("resource")
    if not isinstance(resource, str) or resource not in RESOURCES:
        known = ", ".join(RESOURCES)
        raise ApiFault(400, f"webhook resource {resource!r} is not one of {known}")
    unknown = [e for e in doc.get("events") or [] if e not in RESOURCES[resource]]
    if unknown or not doc.get("events"):
        supported = ", ".join(RESOURCES[resource])
        what = f"unsupported events {unknown}" if unknown else "no events"
        raise ApiFault(400, f"webhook for {resource} has {what}; it supports {supported}")
    for name in ("name", "callback"):
        if not doc.get(name):
            raise ApiFault(400, f"a webhook needs a {name}")


@handles("createWebhook")
def create_webhook(ctx: Context) -> Any:
    now = ctx.now
    doc = {"id": ctx.tx.next_id(), "enabled": True, **writable("Webhook", body_dict(ctx))}
    doc.update(createdAt=now, updatedAt=now)
    _check(doc)
    ctx.tx.put("webhook", doc)
    return {"id": doc["id"]}


@handles("findWebhooks")
def find_webhooks(ctx: Context) -> Any:
    filters: list[Filter] = []
    for name in ("name", "resource", "callback", "enabled"):
        if ctx.param(name) is not None:
            filters.append(equals(name, ctx.params[name]))
    if ctx.param("event"):
        filters.append(has_item("events", ctx.params["event"]))
    return page(ctx, "webhook", filters)


@handles("getWebhook")
def get_webhook(ctx: Context) -> Any:
    return require(ctx, "webhook", ctx.params["id"], "webhook")


@handles("updateWebhook")
def update_webhook(ctx: Context) -> Any:
    doc = require(ctx, "webhook", ctx.params["id"], "webhook")
    apply_update(doc, "Webhook", ctx.body)
    doc["updatedAt"] = ctx.now
    _check(doc)
    ctx.tx.put("webhook", doc)


@handles("deleteWebhook")
def delete_webhook(ctx: Context) -> Any:
    require(ctx, "webhook", ctx.params["id"], "webhook")
    ctx.tx.delete("webhook", ctx.params["id"])


def _resource(name: str) -> dict[str, Any]:
    return {"resource": name, "supportedEvents": list(RESOURCES[name])}


@handles("findWebhookResources")
def find_webhook_resources(ctx: Context) -> Any:
    return {"items": [_resource(name) for name in RESOURCES]}


@handles("getWebhookResource")
def get_webhook_resource(ctx: Context) -> Any:
    name = ctx.params["resource"]
    if name not in RESOURCES:
        raise ApiFault(404, f"webhook resource {name!r} not found")
    return _resource(name)
