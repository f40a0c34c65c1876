"""The shared rate limiter, on a fake clock: pacing, cuts, Retry-After, recovery, probing."""

from __future__ import annotations

import asyncio

from cftools.campaigns import RateLimiter
from cftools.campaigns._limiter import (
    CUT,
    MARGIN,
    MARGIN_STEP,
    NO_RETRY_AFTER,
    QUIET,
    SLACK,
    SLOW_START_STEP,
    STEP,
    WINDOW,
)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        await asyncio.sleep(0)  # let the other tasks run meanwhile
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


def held_success(pace: RateLimiter) -> None:
    pace._held = True
    pace.success()


def successes(pace: RateLimiter, clock: Clock, count: int, per_second: float) -> None:
    """``count`` successes ``1 / per_second`` apart, each let go by the limiter."""
    for _ in range(count):
        clock.now += 1.0 / per_second
        held_success(pace)


def test_a_rate_raised_while_a_request_waits_brings_its_turn_forward() -> None:
    clock = Clock()
    pace = limiter(1.0, clock)

    async def run() -> list[float]:
        first = await pace.acquire()
        waiting = asyncio.ensure_future(pace.acquire())
        await asyncio.sleep(0)
        pace.rate = 100.0  # as a slow start does while the next turn is a second away
        return [first, await waiting]

    first, second = asyncio.run(run())
    assert second - first <= 0.05 + 1e-9  # not the second booked at 1 req/s


def test_a_short_retry_after_cuts_once_per_burst_and_is_honoured() -> None:
    clock = Clock()
    pace = limiter(50.0, clock)
    sent_before = clock.now - 0.01
    pace.throttled(0.2, sent_at=clock.now)  # a token bucket's answer
    assert pace.ceiling == 50.0 and not pace.slow_start
    assert pace.rate == CUT * 50.0
    cut = pace.rate
    pace.throttled(0.1, sent_at=sent_before)  # in flight before the cut: no second cut
    assert pace.rate == cut

    async def one() -> float:
        return await pace.acquire()

    assert asyncio.run(one()) >= clock.now - 0.001
    assert clock.slept[-1] >= 0.2 - 1e-9  # every worker waits out the Retry-After


def test_a_long_retry_after_drops_to_what_the_server_accepted_over_the_window() -> None:
    clock = Clock()
    pace = limiter(5.0, clock)
    successes(pace, clock, 80, 100 / WINDOW)  # a slow start that overshot: 80 in a second
    refused = pace.rate
    assert refused > 1000
    pace.throttled(1.0, sent_at=clock.now)
    assert pace.ceiling == min(MARGIN * 80, 80 - SLACK) / WINDOW
    assert pace.rate == pace.ceiling  # not CUT * refused: one wait, not dozens

    async def one() -> float:
        return await pace.acquire()

    before = clock.now
    assert asyncio.run(one()) >= before + 1.0  # the whole second is waited out


def test_no_retry_after_reads_as_a_window_and_waits_a_second() -> None:
    clock = Clock()
    pace = limiter(20.0, clock)
    pace.throttled(None, sent_at=clock.now)
    assert pace.ceiling == pace.rate == CUT * 20.0  # nothing accepted yet to measure

    async def one() -> float:
        return await pace.acquire()

    before = clock.now
    assert asyncio.run(one()) >= before + NO_RETRY_AFTER


def test_probing_waits_longer_after_a_costly_429() -> None:
    clock = Clock()
    pace = limiter(5.0, clock)
    successes(pace, clock, 50, 50)
    pace.throttled(1.0, sent_at=clock.now)
    ceiling = pace.ceiling
    assert ceiling is not None
    clock.now += 1.0 + QUIET * 1.0 - 0.5  # the wait, and most of the quiet time
    for _ in range(200):
        held_success(pace)
    assert pace.rate == ceiling  # recovered to the ceiling, not past it
    clock.now += 1.0
    held_success(pace)
    assert pace.rate > ceiling  # quiet time over: probing


def test_recovery_is_fast_below_the_ceiling_and_probing_slow_above() -> None:
    clock = Clock()
    pace = limiter(100.0, clock)
    pace.throttled(0.01)
    below = pace.rate
    assert below < 100.0

    for _ in range(int(below)):  # one second of successes at that pace
        held_success(pace)
    assert pace.rate > below + 0.5 * (100.0 - below)
    while pace.rate < 100.0:
        held_success(pace)
    clock.now += 1.0  # the quiet time of a cheap 429 is long over
    before = pace.rate
    held_success(pace)
    assert abs(pace.rate - before - STEP) < 1e-9


def test_max_rate_is_a_ceiling() -> None:
    clock = Clock()
    pace = RateLimiter(10.0, max_rate=10.5, clock=clock, sleep=clock.sleep)
    for _ in range(5):
        held_success(pace)
    assert pace.rate == 10.5


def test_a_probe_that_finds_the_limit_where_it_was_looks_again_twice_as_late() -> None:
    clock = Clock()
    pace = limiter(5.0, clock)
    successes(pace, clock, 100, 100)
    pace.throttled(1.0, sent_at=clock.now)
    first = pace._quiet_until - clock.now
    assert first == 1.0 + QUIET * 1.0
    clock.now = pace._quiet_until
    successes(pace, clock, 100, 100)
    pace.throttled(1.0, sent_at=clock.now)  # the same 100 a second again
    assert pace._quiet_until - clock.now == 1.0 + 2 * QUIET * 1.0
    clock.now = pace._quiet_until
    successes(pace, clock, 150, 150)
    pace.throttled(1.0, sent_at=clock.now)  # the limit moved: back to the first quiet time
    assert pace._quiet_until - clock.now == first


def test_a_429_at_a_pace_taken_before_widens_the_margin() -> None:
    clock = Clock()
    pace = limiter(5.0, clock)
    successes(pace, clock, 200, 100)
    pace.throttled(1.0, sent_at=clock.now)
    assert pace.ceiling == min(MARGIN * 100, 100 - SLACK)
    clock.now += 1.0
    for _ in range(100):  # a second at the ceiling, and a 429 all the same
        clock.now += 0.01
        pace.success()
    assert pace.rate <= pace.ceiling
    pace.throttled(1.0, sent_at=clock.now)
    assert pace.ceiling == (MARGIN - MARGIN_STEP) * 100
