"""The errors of :mod:`cftools.webhooks`."""

from __future__ import annotations

from cftools._errors import CftoolsError

__all__ = ["WebhookError", "WebhookSignatureError"]


class WebhookError(CftoolsError, ValueError):
    """A webhook request that cannot be accepted: its body is not a CallFire payload
    (not JSON, not an object, no ``events`` list, ...). The message says what is wrong
    and where; it never contains the secret."""

    __module__ = "cftools.webhooks"


class WebhookSignatureError(WebhookError):
    """The ``X-CallFire-Signature`` of a webhook request is missing or does not match
    the body and the secret: the request may not come from CallFire, or the body was
    changed on the way (or re-serialized: sign and verify the raw bytes)."""

    __module__ = "cftools.webhooks"
