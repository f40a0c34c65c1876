"""One pace for all the workers of a campaign: a shared, adaptive rate limiter.

Requests start ``1 / rate`` seconds apart, whichever worker sends them. The rate adapts
the way TCP's congestion control does, driven by the server's 429 answers:

* **slow start**: from the initial rate, each success adds ``SLOW_START_STEP``
  requests a second (the rate roughly doubles every second) until the first 429;
* **avoidance**: then each success adds ``STEP`` requests a second (at ``r``
  successes a second, the rate grows by ``STEP * r``: 1% a second), probing gently;
* **on 429**: the rate is cut by ``CUT`` (once per ``COOLDOWN`` seconds, however many
  workers saw a 429 together) and every worker waits until the ``Retry-After`` the
  server asked for has passed.

The rate only grows while the limiter is what holds requests back: a campaign limited
by its concurrency or the server's latency does not build up a rate it never uses.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

__all__ = ["RateLimiter"]

SLOW_START_STEP = 0.7
STEP = 0.01
CUT = 0.93
COOLDOWN = 0.5
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
        self.slow_start = True
        self._clock = clock
        self._sleep = sleep
        self._next = 0.0
        self._paused_until = 0.0
        self._last_cut = float("-inf")
        self._held = False

    async def acquire(self) -> None:
        """Wait for this request's turn."""
        while True:
            now = self._clock()
            start = max(now, self._next, self._paused_until)
            self._next = start + 1.0 / self.rate
            if start <= now:
                return
            self._held = True
            await self._sleep(start - now)
            if self._paused_until <= self._clock():
                return
            # A 429 arrived while this request waited: queue again behind the pause.

    def success(self) -> None:
        """A request went through: probe for more, if the pace is what limits."""
        if not self._held:
            return
        self._held = False
        self.rate += SLOW_START_STEP if self.slow_start else STEP
        if self.max_rate is not None:
            self.rate = min(self.rate, self.max_rate)

    def throttled(self, retry_after: float | None) -> None:
        """The server answered 429: slow down, and honour its ``Retry-After``."""
        now = self._clock()
        if now - self._last_cut >= COOLDOWN:
            self._last_cut = now
            self.slow_start = False
            self.rate = max(MIN_RATE, self.rate * CUT)
        wait = retry_after if retry_after is not None else 1.0 / self.rate
        self._paused_until = max(self._paused_until, now + wait)
