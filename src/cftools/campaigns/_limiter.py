"""One pace for all the workers of a campaign: a shared, adaptive rate limiter.

Requests are let go ``1 / rate`` seconds apart, whichever worker sends them, first come
first served; the turn is reckoned from the pace when it comes, so a change of pace
applies at once to every waiting request. The rate adapts to the server's 429 answers,
the way TCP's congestion control adapts to lost packets:

* **slow start**: from the initial rate, each success adds ``SLOW_START_STEP``
  requests a second, so at ``r`` successes a second the rate doubles every
  ``ln 2 / SLOW_START_STEP`` seconds (about 50 ms) until the first 429. The limit is
  found within a second or so from any starting pace; a short job cannot afford a
  slower search, and the concurrency bounds what is in flight meanwhile;
* **on 429**: every worker waits until the server's ``Retry-After`` has passed (a
  second when it sends none), and the pace drops. How far depends on what the wait
  says about the server:

  - a **short** ``Retry-After`` (under ``WINDOW_HINT``) comes from a token bucket that
    refills continuously: the rate refused becomes the ``ceiling`` and the rate drops by
    ``1 - CUT``, as TCP halves its window (gentler, as a bucket forgives quickly);
  - a **long** one (whole seconds, or none) comes from a server that counts requests
    per window, typically a second: what it accepted over the last ``WINDOW`` seconds is
    its limit. The ``ceiling`` becomes ``MARGIN`` times that, and at least ``SLACK``
    requests less (the client counts answers as they come back, the server requests as
    they arrive: jitter must not put one too many in a window; each 429 at a pace below
    the ceiling, not a probe, widens the margin by ``MARGIN_STEP``), and the rate drops to
    it; by ``1 - CUT`` if the rate refused was not above it. Cutting by a fraction of
    the rate refused instead would take many one-second waits to come down from the
    overshoot of a slow start that such a server only notices once its window is full.

  Only a request let go after the last cut can cut again: the requests already in
  flight when the server began refusing do not each cut the pace;
* **recovery**: below the ceiling, each success closes part of the gap (at ``r``
  successes a second, about 60% of it a second), so the pace is back near the ceiling
  quickly;
* **probing**: at the ceiling the rate stays put for ``QUIET`` times the last wait (a
  429 that costs a second of everyone's time is not risked again for twenty seconds;
  one that costs a few milliseconds, at once), twice as long as last time when the
  last probe found the limit where it was (within ``SAME``), up to ``MAX_QUIET``
  seconds; then each success adds ``STEP`` requests a second (1% a second at any
  rate), times the seconds since the quiet time ended once past one, so a ceiling set
  too low is left behind within seconds.

The rate only grows while the limiter is what holds requests back: a campaign limited
by its concurrency or the server's latency does not build up a rate it never uses.
"""

from __future__ import annotations

import asyncio
import collections
import time
from collections.abc import Awaitable, Callable
from typing import Any

__all__ = ["RateLimiter"]

SLOW_START_STEP = 15.0
STEP = 0.01
CUT = 0.9
MIN_RATE = 0.2
REPLAN = 0.05
WINDOW_HINT = 0.5
"""A ``Retry-After`` this long or longer (seconds) says the server counts per window."""
WINDOW = 1.0
"""The window, in seconds, over which what the server accepted measures its limit."""
MARGIN = 0.98
MARGIN_STEP = 0.02
MIN_MARGIN = 0.8
SLACK = 2
QUIET = 20.0
SAME = 0.03
"""Ceilings this close (a share of the last) say the server's limit has not moved."""
MAX_QUIET = 120.0
NO_RETRY_AFTER = 1.0
"""The wait after a 429 without ``Retry-After``: a second, as the safe reading."""


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
        self._last = float("-inf")
        self._paused_until = 0.0
        self._last_cut = float("-inf")
        self._quiet_until = float("-inf")
        self._quiet = 0.0
        self._margin = MARGIN
        self._held = False
        self._queue = asyncio.Lock()
        self._accepted: collections.deque[float] = collections.deque()

    @property
    def slow_start(self) -> bool:
        """True until the server first refuses a request."""
        return self.ceiling is None

    async def acquire(self) -> float:
        """Wait for this request's turn; return the time it was let go.

        Waiters queue (first come, first served) and only the one at the head waits on
        the clock, for a turn reckoned from the pace *now*: a rate raised or cut while
        requests wait applies to them at once (within ``REPLAN`` seconds), rather than
        to a queue of turns booked at the old rate."""
        async with self._queue:
            while True:
                now = self._clock()
                paced = self._last + 1.0 / self.rate
                start = max(paced, self._paused_until)
                if start <= now:
                    # A turn taken late by less than one interval keeps the schedule
                    # (the sleeps' overshoot is not lost); a later one starts afresh.
                    self._last = start if now - start < 1.0 / self.rate else now
                    return now
                self._held = True
                # The turn is looked at again every REPLAN seconds at most: a rate
                # raised meanwhile (a slow start from 1 req/s) brings it forward.
                await self._sleep(min(start - now, REPLAN) if paced > now else start - now)

    def success(self) -> None:
        """A request went through: count it; recover or probe, if the pace is what
        limits."""
        now = self._clock()
        accepted = self._accepted
        accepted.append(now)
        while accepted[0] <= now - WINDOW:
            accepted.popleft()
        if not self._held:
            return
        self._held = False
        if self.ceiling is None:
            self.rate += SLOW_START_STEP
        elif self.rate < self.ceiling:
            self.rate += max(STEP, (self.ceiling - self.rate) / self.rate)
        elif now >= self._quiet_until:  # probing: bolder the longer nothing was refused
            self.rate += STEP * max(1.0, now - self._quiet_until)
        if self.max_rate is not None:
            self.rate = min(self.rate, self.max_rate)

    def throttled(self, retry_after: float | None, sent_at: float | None = None) -> None:
        """The server answered 429 to a request let go at ``sent_at``: slow down, and
        honour its ``Retry-After``."""
        now = self._clock()
        wait = NO_RETRY_AFTER if retry_after is None else max(0.0, retry_after)
        if sent_at is None or sent_at >= self._last_cut:
            self._last_cut = now
            refused, before = self.rate, self.ceiling
            self.rate = CUT * refused
            if wait < WINDOW_HINT:
                self.ceiling = refused
            else:
                while self._accepted and self._accepted[0] <= now - WINDOW:
                    self._accepted.popleft()
                accepted = len(self._accepted)
                if before is not None and refused <= before:
                    # Refused at a pace taken before, not probing: the server's count
                    # is noisier than the margin allows (its own stalls bunch arrivals).
                    self._margin = max(MIN_MARGIN, self._margin - MARGIN_STEP)
                if accepted > SLACK:
                    self.ceiling = min(self._margin * accepted, accepted - SLACK) / WINDOW
                    if self.ceiling < refused:  # straight to what the server took
                        self.rate = self.ceiling
                else:
                    self.ceiling = self.rate
            self.rate = max(MIN_RATE, self.rate)
            # A probe that found the limit where it was: look again twice as late.
            same = before is not None and abs(self.ceiling - before) <= SAME * before
            self._quiet = min(MAX_QUIET, 2 * self._quiet) if same else QUIET * wait
            self._quiet_until = now + wait + self._quiet
        self._paused_until = max(self._paused_until, now + wait)
