"""The sandbox's sense of time: every handler reads ``now`` from one clock object.

``created`` and ``modified`` are epoch milliseconds, as CallFire writes them. Tests (and
the state machines that will move calls and texts along) swap the system clock for a
:class:`ManualClock` and move time by hand.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol

__all__ = ["Clock", "ManualClock", "SystemClock"]


class Clock(Protocol):
    """Anything that tells the time in epoch milliseconds."""

    def now_ms(self) -> int:
        """The current time, in milliseconds since the epoch."""
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
