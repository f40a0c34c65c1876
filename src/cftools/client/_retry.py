"""When to try a request again, and how long to wait first; no I/O.

The rules, from the caller's point of view:

* GET, PUT and DELETE are idempotent: they are retried on 429, 502, 503 and 504 and on
  any network failure or timeout.
* POST sends calls and texts, buys numbers, creates things: it is retried only when
  the server cannot have acted on it: the connection failed before the request left
  (``ConnectError``, ``ConnectTimeout``, ``PoolTimeout``), or the answer is 429 (the
  rate limit refused it). Never after another error answer, a dropped connection or a
  read timeout, so nobody is called twice by accident.
* The wait grows exponentially from ``BASE_DELAY`` up to ``MAX_DELAY``, less a random
  quarter (jitter), unless the server sent ``Retry-After``: that delay is honoured
  exactly. A ``Retry-After`` longer than ``MAX_RETRY_AFTER`` is not waited out: the
  error is raised with its ``retry_after`` for the caller to decide.

:class:`RetryPolicy` is public (``cftools.client.RetryPolicy``) so that code retrying on
its own, such as :mod:`cftools.campaigns`, waits by the same rules as the client.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import httpx

__all__ = [
    "BASE_DELAY",
    "IDEMPOTENT_METHODS",
    "MAX_DELAY",
    "MAX_RETRY_AFTER",
    "NOT_SENT",
    "RetryPolicy",
]

BASE_DELAY = 0.5
MAX_DELAY = 8.0
MAX_RETRY_AFTER = 60.0

RETRY_STATUSES = frozenset({429, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "PUT", "DELETE", "HEAD", "OPTIONS"})
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
"""Failures that prove the request never left: safe to retry whatever the method."""
_RETRYABLE_NETWORK = (httpx.NetworkError, httpx.TimeoutException, httpx.RemoteProtocolError)


class RetryPolicy:
    """Retry decisions for one client (``max_retries`` retries after the first try); no
    I/O. ``base_delay`` and ``max_delay`` bound the backoff (see the module docstring);
    ``random`` draws the jitter."""

    __slots__ = ("base_delay", "max_delay", "max_retries", "random")

    def __init__(
        self,
        max_retries: int,
        *,
        base_delay: float = BASE_DELAY,
        max_delay: float = MAX_DELAY,
        random: Callable[[], float] = random.random,
    ) -> None:
        self.max_retries = max_retries
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.random = random

    def __repr__(self) -> str:
        return (
            f"RetryPolicy({self.max_retries}, base_delay={self.base_delay!r}, "
            f"max_delay={self.max_delay!r})"
        )

    def after_exception(self, method: str, attempt: int, exc: Exception) -> float | None:
        """Seconds to wait before retry number ``attempt + 1`` after ``exc``, or ``None``
        for no retry. ``attempt`` counts retries already made."""
        if attempt >= self.max_retries:
            return None
        if isinstance(exc, NOT_SENT):
            return self.backoff(attempt)
        if method in IDEMPOTENT_METHODS and isinstance(exc, _RETRYABLE_NETWORK):
            return self.backoff(attempt)
        return None

    def after_response(
        self, method: str, attempt: int, status_code: int, retry_after: float | None
    ) -> float | None:
        """Seconds to wait before retrying after an error status, or ``None``."""
        if attempt >= self.max_retries or status_code not in RETRY_STATUSES:
            return None
        if method not in IDEMPOTENT_METHODS and status_code != 429:
            return None  # the server may have done the work before failing
        if retry_after is not None:
            return retry_after if retry_after <= MAX_RETRY_AFTER else None
        return self.backoff(attempt)

    def backoff(self, attempt: int) -> float:
        """Exponential backoff with jitter for retry number ``attempt + 1``."""
        delay = min(self.max_delay, self.base_delay * 2.0**attempt)
        return delay * (1.0 - 0.25 * self.random())
