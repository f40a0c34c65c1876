"""CallFire webhooks: verify the signature of a callback, and read its payload, typed.

CallFire POSTs a JSON payload to a webhook's callback URL when an event of its resource
happens (a call finished, a broadcast started, ...). When the webhook has a secret, the
``X-CallFire-Signature`` header holds the base64 HMAC-SHA1 of the raw body, keyed with
the secret. This package:

- :func:`verify` checks a signature on the raw body bytes, in constant time;
  :func:`sign` computes one (the same code, so a test server signs as CallFire does);
- :func:`parse` reads a body into a :data:`~cftools.spec.models.WebhookPayload`,
  typed by ``resourceType`` (an ``OutboundCall`` event carries a ``Call``, an
  ``OutboundText`` event a ``Text``, ...), lenient like the client: unknown resource
  types, event types and keys come through unchanged as plain dicts;
- :func:`receive` does both, in that order: a bad or missing signature is refused
  before the body is parsed.

Errors: :class:`WebhookError` (a ``CftoolsError`` and ``ValueError``) for a body that is
not a payload; :class:`WebhookSignatureError`, its subclass, for a bad or missing
signature. Neither ever shows the secret.

It knows nothing of HTTP servers: plug :func:`receive` into any framework with the raw
body and the headers (see the README and ``examples/webhook_receiver.py``).
"""

from __future__ import annotations

from cftools.webhooks._errors import WebhookError, WebhookSignatureError
from cftools.webhooks._payload import RESOURCE_TYPES, parse
from cftools.webhooks._receive import SIGNATURE_HEADER, receive
from cftools.webhooks._signature import sign, verify

__all__ = [
    "RESOURCE_TYPES",
    "SIGNATURE_HEADER",
    "WebhookError",
    "WebhookSignatureError",
    "parse",
    "receive",
    "sign",
    "verify",
]


def __dir__() -> list[str]:
    return list(__all__)
