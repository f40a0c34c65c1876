"""One pace for all the workers of a campaign: a shared, adaptive rate limiter.

Requests start ``1 / rate`` seconds apart, whichever worker sends them. The rate adapts
to the server's 429 answers, the way TCP's congestion control adapts to lost packets:

* **slow start**: from the initial rate, each success adds ``SLOW_START_STEP``
  requests a second (at r successes a second the rate doubles about every quarter
  second) until the first 429;
* **on 429**: the rate the server refused becomes the ``ceiling``; the rate drops by
  ``1 - CUT``, and every worker waits until the server's ``Retry-After`` has passed.
  Only a request sent after the last cut can cut again: the requests already in flight
  when the server began refusing do not each cut the pace. Dropping to the rate the
  server accepted lately would look smarter, but a client slowed by its own CPU then
  reads its own slowness as the server's limit and spirals down;
* **recovery**: each success closes part of the gap to the ceiling (at ``r`` successes
  a second, about 60% of it a second), so the pace is back near the ceiling quickly;
* **probing**: at or above the ceiling, each success adds ``STEP`` requests a second
  (1% a second at any rate), times the seconds since the last cut once past one, so a
  ceiling set too low by a stray 429 is left behind within seconds.

The rate only grows while the limiter is what holds requests back: a campaign limited
by its concurrency or the server's latency does not build up a rate it never uses.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

__all__ = ["RateLimiter"]

SLOW_START_STEP = 3.0
STEP = 0.01
CUT = 0.9
MIN_RATE = 0.2


class RateLimiter:
    """A pace shared by every worker of one event loop (see the module docstring)."""

    def __init__(
        self,
        rate: float = 5.0,
        *,
        max_rate: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
    ) -> None:
        self.rate = max(MIN_RATE, float(rate))
        self.max_rate = max_rate
        self.ceiling: float | None = None
        self._clock = clock
        self._sleep = sleep
        self._next = 0.0
        self._paused_until = 0.0
        self._last_cut = float("-inf")
        self._held = False

    @property
    def slow_start(self) -> bool:
        """True until the server first refuses a request."""
        return self.ceiling is None

    async def acquire(self) -> float:
        """Wait for this request's turn; return the time it was let go."""
        while True:
            now = self._clock()
            start = max(now, self._next, self._paused_until)
            self._next = start + 1.0 / self.rate
            if start <= now:
                return now
            self._held = True
            await self._sleep(start - now)
            now = self._clock()
            if self._paused_until <= now:
                return now
            # A 429 arrived while this request waited: queue again behind the pause.

    def success(self) -> None:
        """A request went through: recover or probe, if the pace is what limits."""
        if not self._held:
            return
        self._held = False
        if self.ceiling is None:
            self.rate += SLOW_START_STEP
        elif self.rate < self.ceiling:
            self.rate += max(STEP, (self.ceiling - self.rate) / self.rate)
        else:  # probing: bolder the longer the server has not refused anything
            self.rate += STEP * max(1.0, self._clock() - self._last_cut)
        if self.max_rate is not None:
            self.rate = min(self.rate, self.max_rate)

    def throttled(self, retry_after: float | None, sent_at: float | None = None) -> None:
        """The server answered 429 to a request let go at ``sent_at``: slow down, and
        honour its ``Retry-After``."""
        now = self._clock()
        if sent_at is None or sent_at >= self._last_cut:
            self._last_cut = now
            self.ceiling = self.rate
            self.rate = max(MIN_RATE, CUT * self.rate)
        wait = retry_after if retry_after is not None else 1.0 / self.rate
        self._paused_until = max(self._paused_until, now + wait)
