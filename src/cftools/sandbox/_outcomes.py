"""What happens to a call or a text, decided by its destination number: the sandbox's
"test card numbers", its timings, prices and time zones. Data first, a little code after.

Outcomes by the **last four digits** of the number dialled (whatever comes before them):

======================  ==========================  ===================================
last four digits        a call                      a text
======================  ==========================  ===================================
``0100``-``0199``       answered live (``LA``)      delivered (``SENT``)
``0200``-``0299``       answering machine (``AM``)  delivered (``SENT``)
``0300``-``0399``       busy (``BUSY``)             delivered (``SENT``)
``0400``-``0499``       never answers (``NO_ANS``)  delivered (``SENT``)
``0500``-``0599``       ``CARRIER_ERROR``           ``CARRIER_ERROR``
``0600``-``0699``       ``CARRIER_TEMP_ERROR``      ``CARRIER_TEMP_ERROR``
``0700``-``0799``       invalid number              invalid number
``0800``-``0899``       busy, then live on retries  temporary error, then ``SENT``
anything else           drawn from the seed         drawn from the seed
======================  ==========================  ===================================

An invalid number (the ``07xx`` range, or one that is not 10 or 11 digits, or 11 digits
not starting with ``1``) is never dialled: state ``INVALID``, result ``UNDIALED``. A number
on the do-not-contact list (for calls: its ``call`` flag; texts: its ``text`` flag) is not
dialled either: state ``DNC``, result ``DNC`` (calls) or ``DNT`` (texts). A text longer
than :data:`MAX_TEXT` characters (or than one segment, :data:`SEGMENT`, when its broadcast's
``bigMessageStrategy`` is ``DO_NOT_SEND``) is ``TOO_BIG``.

Any other number draws its outcome from :data:`CALL_WEIGHTS` / :data:`TEXT_WEIGHTS` with
a hash of the sandbox's seed, the channel, the number and the attempt: the same seed and
the same inputs always give the same outcomes, on every machine.

Timings (sandbox seconds, see :data:`RING` and friends): a call or text waits
:data:`QUEUE_DELAY` in ``READY`` before it is dialled (``SELECTED`` while in progress),
rings, talks, and finishes ``FINISHED`` (or ``CALLBACK`` while it waits for a retry).
Prices: :data:`CALL_PRICE` per started minute of an answered call, :data:`TEXT_PRICE`
per segment of a sent text.

Local time (``localTimeRestriction``): the recipient's time zone comes from the
``sandbox.timeZone`` attribute (an offset in hours, e.g. ``"-5"``), else from the area
code of the number (``1NPA...`` or ``NPA...``) in :data:`AREA_CODES` (standard time, no
daylight saving), else UTC.

``docs/sandbox-outcomes.md`` is this module's page for users (a test keeps its table
equal to :data:`FIXED`).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping
from typing import Any

__all__ = [
    "AREA_CODES",
    "CALL_PRICE",
    "CALL_WEIGHTS",
    "FIXED",
    "QUEUE_DELAY",
    "RING",
    "TEXT_PRICE",
    "TEXT_WEIGHTS",
    "call_outcome",
    "is_valid_number",
    "local_offset_hours",
    "next_window",
    "text_outcome",
]

# (call result, text result) by the hundreds of the last four digits.
FIXED: dict[int, tuple[str, str]] = {
    1: ("LA", "SENT"),
    2: ("AM", "SENT"),
    3: ("BUSY", "SENT"),
    4: ("NO_ANS", "SENT"),
    5: ("CARRIER_ERROR", "CARRIER_ERROR"),
    6: ("CARRIER_TEMP_ERROR", "CARRIER_TEMP_ERROR"),
    7: ("INVALID", "INVALID"),
    8: ("RETRY", "RETRY"),
}
"""The fixed outcomes: ``FIXED[(last four digits) // 100]``."""

CALL_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("LA", 60),
    ("AM", 20),
    ("NO_ANS", 10),
    ("BUSY", 7),
    ("CARRIER_TEMP_ERROR", 2),
    ("CARRIER_ERROR", 1),
)
"""How often each result comes up for the other numbers (percent)."""

TEXT_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("SENT", 97),
    ("CARRIER_TEMP_ERROR", 2),
    ("CARRIER_ERROR", 1),
)

QUEUE_DELAY = 1
"""Seconds a call or text stays ``READY`` after it is sent (or its broadcast starts)."""

RING: dict[str, int] = {
    "LA": 5,
    "AM": 5,
    "BUSY": 3,
    "NO_ANS": 30,
    "CARRIER_ERROR": 1,
    "CARRIER_TEMP_ERROR": 1,
}
"""Seconds from dialling to the answer (or to giving up) for each call result."""

TEXT_DELAY = 3
"""Seconds from sending a text to its delivery report."""

HANGUP_SECONDS = 1
"""Talk time of a call the sandbox hangs up at once (``AM_ONLY`` meeting a person,
``LIVE_WITH_AMD`` meeting a machine)."""

SOUND_SECONDS = 10
"""Talk time of a message given as a sound id (no text to time)."""

CHARACTERS_PER_SECOND = 15
"""How fast text-to-speech speaks (a message lasts at least 2 s)."""

CALL_PRICE = 0.05
"""Dollars per started minute of an answered call (``LA``, ``AM``, ``XFER``)."""

TEXT_PRICE = 0.03
"""Dollars per segment of a sent text."""

SEGMENT = 160
"""Characters in one text segment."""

MAX_TEXT = 1600
"""The longest text sent (10 segments); longer ones are ``TOO_BIG``."""

AREA_CODES: dict[str, int] = {
    **dict.fromkeys(("201", "202", "212", "305", "404", "617", "646", "718", "917"), -5),
    **dict.fromkeys(("214", "312", "512", "713", "773"), -6),
    **dict.fromkeys(("303", "602", "720"), -7),
    **dict.fromkeys(("213", "310", "323", "415", "619", "818"), -8),
    "907": -9,
    "808": -10,
}
"""Area code → UTC offset in hours (standard time) for local time restrictions."""


def digits(number: str) -> str:
    """The ASCII digits of ``number``."""
    return "".join(c for c in number if c in "0123456789")


def is_valid_number(number: str) -> bool:
    """Whether the sandbox dials ``number`` at all (see the table above)."""
    found = digits(number)
    if len(found) == 11 and not found.startswith("1"):
        return False
    if len(found) not in (10, 11) or found != number.strip().lstrip("+"):
        return False
    return FIXED.get(int(found[-4:]) // 100) != ("INVALID", "INVALID")


def _draw(seed: int, channel: str, number: str, attempt: int) -> float:
    key = f"{seed}:{channel}:{digits(number)}:{attempt}".encode()
    value = int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big")
    return value / 2**64


def _weighted(weights: tuple[tuple[str, int], ...], draw: float) -> str:
    total = sum(weight for _, weight in weights)
    point = draw * total
    for result, weight in weights:
        if point < weight:
            return result
        point -= weight
    return weights[-1][0]


def call_outcome(seed: int, number: str, attempt: int) -> str:
    """What the network does with a call to ``number`` (a valid one) on ``attempt``
    (0 for the first): ``LA``, ``AM``, ``BUSY``, ``NO_ANS`` or a carrier error."""
    fixed = FIXED.get(int(digits(number)[-4:]) // 100)
    if fixed is not None:
        if fixed[0] == "RETRY":
            return "BUSY" if attempt == 0 else "LA"
        return fixed[0]
    return _weighted(CALL_WEIGHTS, _draw(seed, "call", number, attempt))


def text_outcome(seed: int, number: str, attempt: int) -> str:
    """What the network does with a text to ``number`` (a valid one) on ``attempt``."""
    fixed = FIXED.get(int(digits(number)[-4:]) // 100)
    if fixed is not None:
        if fixed[1] == "RETRY":
            return "CARRIER_TEMP_ERROR" if attempt == 0 else "SENT"
        return fixed[1]
    return _weighted(TEXT_WEIGHTS, _draw(seed, "text", number, attempt))


def speech_seconds(text: str | None) -> int:
    """How long a message takes to play (a sound id without text: :data:`SOUND_SECONDS`)."""
    if not text:
        return SOUND_SECONDS
    return max(2, math.ceil(len(text) / CHARACTERS_PER_SECOND))


def call_price(duration: int) -> float:
    """The billed amount of an answered call of ``duration`` seconds."""
    return round(CALL_PRICE * max(1, math.ceil(duration / 60)), 4)


def billed_seconds(duration: int) -> int:
    """``duration`` rounded up to whole minutes (at least one)."""
    return 60 * max(1, math.ceil(duration / 60))


def segments(message: str) -> int:
    return max(1, math.ceil(len(message) / SEGMENT))


def local_offset_hours(number: str, attributes: Mapping[str, Any]) -> float:
    """The recipient's UTC offset in hours (see the module docstring)."""
    given = attributes.get("sandbox.timeZone")
    if given is not None:
        try:
            return float(given)
        except (TypeError, ValueError):
            pass
    found = digits(number)
    if len(found) == 11 and found.startswith("1"):
        return AREA_CODES.get(found[1:4], 0)
    if len(found) == 10:
        return AREA_CODES.get(found[:3], 0)
    return 0


_DAY_MINUTES = 24 * 60


def next_window(now_ms: int, offset_hours: float, restriction: Mapping[str, Any]) -> int:
    """The first time at or after ``now_ms`` that falls within ``restriction`` (a
    ``LocalTimeRestriction``) in the recipient's local time; ``now_ms`` itself when the
    restriction is not enabled. A window whose end is before its begin runs overnight;
    equal begin and end mean all day."""
    if not restriction.get("enabled"):
        return now_ms
    begin = int(restriction.get("beginHour") or 0) * 60 + int(restriction.get("beginMinute") or 0)
    end = int(restriction.get("endHour") or 0) * 60 + int(restriction.get("endMinute") or 0)
    begin, end = begin % _DAY_MINUTES, end % _DAY_MINUTES
    if begin == end:
        return now_ms
    local_ms = now_ms + round(offset_hours * 3_600_000)
    minute = (local_ms // 60_000) % _DAY_MINUTES
    inside = begin <= minute < end if begin < end else (minute >= begin or minute < end)
    if inside:
        return now_ms
    wait = (begin - minute) % _DAY_MINUTES
    start_of_minute = now_ms - (local_ms % 60_000)
    return start_of_minute + wait * 60_000
