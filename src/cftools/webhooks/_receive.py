"""Verify, then parse: the one call a webhook endpoint makes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from cftools.webhooks._errors import WebhookSignatureError
from cftools.webhooks._payload import parse
from cftools.webhooks._signature import verify

if TYPE_CHECKING:
    from cftools.spec.models import WebhookPayload

__all__ = ["SIGNATURE_HEADER", "receive"]

SIGNATURE_HEADER = "X-CallFire-Signature"
"""The header that carries the signature (looked up without regard to case)."""


def receive(body: bytes, headers: Mapping[str, str], secret: str | bytes) -> WebhookPayload:
    """Check the signature of a webhook request, then parse its body.

    ``body`` is the raw request body; ``headers`` any mapping of header names to values
    (a dict, Starlette's or Django's headers, ``flask.request.headers``), searched
    without regard to case. Raises :class:`WebhookSignatureError` for a missing or wrong
    signature, before the body is read as JSON; :class:`WebhookError` for a body that
    is not a payload.
    """
    signature = _header(headers, SIGNATURE_HEADER)
    if signature is None:
        raise WebhookSignatureError(f"webhook request has no {SIGNATURE_HEADER} header")
    if not verify(body, signature, secret):
        raise WebhookSignatureError(
            f"webhook request's {SIGNATURE_HEADER} does not match its body and the secret"
        )
    return parse(body)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is not None:
        return value
    folded = name.casefold()
    for key, candidate in headers.items():
        if isinstance(key, str) and key.casefold() == folded:
            return candidate
    return None
