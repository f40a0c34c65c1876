"""The shared rate limiter, on a fake clock: pacing, cuts, Retry-After, recovery."""

from __future__ import annotations

import asyncio

from cftools.campaigns import RateLimiter
from cftools.campaigns._limiter import CUT, SLOW_START_STEP, STEP


class Clock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def limiter(rate: float, clock: Clock) -> RateLimiter:
    return RateLimiter(rate, clock=clock, sleep=clock.sleep)


def test_requests_are_spaced_by_the_rate() -> None:
    clock = Clock()
    pace = limiter(10.0, clock)

    async def run() -> list[float]:
        return [await pace.acquire() for _ in range(4)]

    times = asyncio.run(run())
    assert [round(t - times[0], 6) for t in times] == [0.0, 0.1, 0.2, 0.3]


def test_slow_start_grows_only_when_the_pace_holds_requests_back() -> None:
    clock = Clock()
    pace = limiter(10.0, clock)
    pace.success()
    assert pace.rate == 10.0  # nothing was held back: the pace is not the limit

    async def two() -> None:
        await pace.acquire()
        await pace.acquire()

    asyncio.run(two())
    pace.success()
    assert pace.rate == 10.0 + SLOW_START_STEP and pace.slow_start


def test_a_429_cuts_once_per_burst_and_honours_retry_after() -> None:
    clock = Clock()
    pace = limiter(50.0, clock)
    sent_before = clock.now - 0.01
    pace.throttled(2.5, sent_at=clock.now)
    assert pace.ceiling == 50.0 and not pace.slow_start
    assert pace.rate == CUT * 50.0
    cut = pace.rate
    pace.throttled(0.1, sent_at=sent_before)  # in flight before the cut: no second cut
    assert pace.rate == cut

    async def one() -> float:
        return await pace.acquire()

    assert asyncio.run(one()) >= clock.now - 0.001
    assert clock.slept[-1] >= 2.5 - 1e-9  # every worker waits out the Retry-After


def test_recovery_is_fast_below_the_ceiling_and_probing_slow_above() -> None:
    clock = Clock()
    pace = limiter(100.0, clock)
    pace.throttled(None)
    below = pace.rate
    assert below < 100.0

    def held_success() -> None:
        pace._held = True
        pace.success()

    for _ in range(int(below)):  # one second of successes at that pace
        held_success()
    assert pace.rate > below + 0.5 * (100.0 - below)
    while pace.rate < 100.0:
        held_success()
    before = pace.rate
    held_success()
    assert abs(pace.rate - before - STEP) < 1e-9


def test_max_rate_is_a_ceiling() -> None:
    clock = Clock()
    pace = RateLimiter(10.0, max_rate=10.5, clock=clock, sleep=clock.sleep)
    for _ in range(5):
        pace._held = True
        pace.success()
    assert pace.rate == 10.5
