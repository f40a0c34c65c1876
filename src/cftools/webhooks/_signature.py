"""The signature of a webhook body: base64 of the HMAC-SHA1 of the raw bytes, keyed
with the webhook's secret, as CallFire sends it in ``X-CallFire-Signature``."""

from __future__ import annotations

import base64
import hashlib
import hmac

__all__ = ["sign", "verify"]


def _key(secret: str | bytes) -> bytes:
    return secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)


def sign(body: bytes, secret: str | bytes) -> str:
    """The ``X-CallFire-Signature`` value of ``body`` for ``secret``.

    ``body`` is the raw bytes exactly as sent: a payload re-serialized from parsed JSON
    would differ in spacing or key order and sign differently.
    """
    if not isinstance(body, (bytes, bytearray, memoryview)):
        raise TypeError(f"sign() takes the raw body as bytes, not {type(body).__name__}")
    digest = hmac.new(_key(secret), bytes(body), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def verify(body: bytes, signature: str | bytes, secret: str | bytes) -> bool:
    """Whether ``signature`` is ``body``'s signature for ``secret`` (constant time).

    Surrounding blanks of the header value are ignored; anything else that differs,
    an empty signature or an empty secret gives ``False``.
    """
    if not isinstance(body, (bytes, bytearray, memoryview)):
        raise TypeError(f"verify() takes the raw body as bytes, not {type(body).__name__}")
    given = signature.encode("ascii", "replace") if isinstance(signature, str) else signature
    given = given.strip()
    if not given or not _key(secret):
        return False
    expected = sign(body, secret).encode("ascii")
    return hmac.compare_digest(expected, given)
