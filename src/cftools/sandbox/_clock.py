"""The sandbox's sense of time: every handler reads ``now`` from one clock object.

``created`` and ``modified`` are epoch milliseconds, as CallFire writes them. Calls and
texts move through their states on this clock, so a sandbox can run time faster than the
wall clock (:class:`ScaledClock`, ``--speed``), or only when told to (:class:`ManualClock`,
which tests drive by hand). Both can be moved forward on demand (:meth:`advance`, the
``/_sandbox/clock/advance`` control endpoint).
"""

from __future__ import annotations

import threading
import time
from typing import Protocol, runtime_checkable

__all__ = [
    "DEFAULT_SPEED",
    "AdvanceableClock",
    "Clock",
    "ManualClock",
    "ScaledClock",
    "SystemClock",
]

DEFAULT_SPEED = 60.0
"""How much faster than real time a sandbox runs unless told otherwise (``Sandbox()``,
``cftools sandbox serve``): a minute of calling passes in a second."""


class Clock(Protocol):
    """Anything that tells the time in epoch milliseconds."""

    def now_ms(self) -> int:
        """The current time, in milliseconds since the epoch."""
        ...


@runtime_checkable
class AdvanceableClock(Protocol):
    """A clock that can also be moved forward on demand."""

    def now_ms(self) -> int:
        """The current time, in milliseconds since the epoch."""
        ...

    def advance(self, milliseconds: int) -> int:
        """Move the clock forward by ``milliseconds``; return the new time."""
        ...


class SystemClock:
    """The machine's wall clock."""

    def now_ms(self) -> int:
        return time.time_ns() // 1_000_000

    def __repr__(self) -> str:
        return "SystemClock()"


class ManualClock:
    """A clock that moves only when told to (thread-safe)."""

    def __init__(self, start_ms: int = 1_700_000_000_000) -> None:
        self._now = int(start_ms)
        self._lock = threading.Lock()

    def now_ms(self) -> int:
        with self._lock:
            return self._now

    def advance(self, milliseconds: int) -> int:
        """Move the clock forward; return the new time."""
        if milliseconds < 0:
            raise ValueError("a clock only moves forward")
        with self._lock:
            self._now += int(milliseconds)
            return self._now

    def __repr__(self) -> str:
        return f"ManualClock(start_ms={self._now})"


class ScaledClock:
    """Wall-clock time run ``speed`` times faster, from ``start_ms`` (default: now).

    ``speed=60`` makes a minute of calling pass in a second. :meth:`advance` jumps ahead
    on top of that (thread-safe); the clock never goes backwards.
    """

    def __init__(self, speed: float = DEFAULT_SPEED, start_ms: int | None = None) -> None:
        if not 0 < speed < float("inf"):
            raise ValueError(f"a clock's speed must be positive, not {speed}")
        self.speed = float(speed)
        self._origin_wall = time.monotonic_ns()
        self._origin = int(start_ms) if start_ms is not None else time.time_ns() // 1_000_000
        self._offset = 0
        self._lock = threading.Lock()

    def now_ms(self) -> int:
        elapsed_ms = (time.monotonic_ns() - self._origin_wall) / 1_000_000
        with self._lock:
            return self._origin + self._offset + int(elapsed_ms * self.speed)

    def advance(self, milliseconds: int) -> int:
        """Jump ahead by ``milliseconds``; return the new time."""
        if milliseconds < 0:
            raise ValueError("a clock only moves forward")
        with self._lock:
            self._offset += int(milliseconds)
        return self.now_ms()

    def __repr__(self) -> str:
        return f"ScaledClock(speed={self.speed:g})"
