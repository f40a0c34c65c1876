"""Reading a webhook body into a typed payload, leniently."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from cftools.spec._shapes import WEBHOOK_RESOURCES
from cftools.webhooks._errors import WebhookError

if TYPE_CHECKING:
    from cftools.spec.models import WebhookPayload

__all__ = ["RESOURCE_TYPES", "parse"]

RESOURCE_TYPES: Mapping[str, tuple[str, ...]] = WEBHOOK_RESOURCES
"""Every resource type the specification lists for webhooks, with its event types."""


def parse(body: bytes | str) -> WebhookPayload:
    """The payload of a webhook request, typed by its ``resourceType``.

    At run time it is the plain ``dict`` that JSON decodes: keys the specification does
    not name, resource and event types it does not list, and integers of any size come
    through unchanged. Narrow the type by comparing ``payload["resourceType"]``.

    Raises :class:`WebhookError` for a body that is not UTF-8 JSON, or not a payload:
    an object with a string ``resourceType`` and an ``events`` list of objects.
    """
    if isinstance(body, (bytes, bytearray, memoryview)):
        try:
            text = bytes(body).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise WebhookError(f"webhook body is not UTF-8 text (byte {exc.start})") from None
    elif isinstance(body, str):
        text = body
    else:
        raise TypeError(f"parse() takes the body as bytes or str, not {type(body).__name__}")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise WebhookError(
            f"webhook body is not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise WebhookError("webhook body is nested too deeply") from None
    except ValueError as exc:  # an integer of more digits than int() converts
        raise WebhookError(f"webhook body cannot be read: {exc}") from None
    return cast("WebhookPayload", _checked(document))


def _checked(document: Any) -> dict[str, Any]:
    if not isinstance(document, dict):
        raise WebhookError(
            f"webhook body is a JSON {_kind(document)}, not an object with "
            "'resourceType' and 'events'"
        )
    resource_type = document.get("resourceType")
    if not isinstance(resource_type, str):
        what = "missing" if resource_type is None else f"a {_kind(resource_type)}"
        raise WebhookError(f"webhook payload: 'resourceType' is {what}, not a string")
    events = document.get("events")
    if not isinstance(events, list):
        what = "missing" if events is None else f"a {_kind(events)}"
        raise WebhookError(f"webhook payload: 'events' is {what}, not a list")
    for index, event in enumerate(events):
        if not isinstance(event, dict):
            raise WebhookError(
                f"webhook payload: events[{index}] is a {_kind(event)}, not an object"
            )
    return document


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {dict: "object", list: "array", str: "string", bool: "boolean"}.get(
        type(value), "number"
    )
