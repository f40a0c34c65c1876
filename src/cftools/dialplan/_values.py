"""How the validator and the simulator read numbers and keypress patterns.

One reader per kind of value, so that what the validator accepts is exactly what the
simulator runs:

* :func:`whole_number`: a non-negative whole number written in ASCII digits
  (``maxDigits``, ``timeout``), surrounding blanks allowed. Python's ``str.isdigit``
  also accepts ``²`` (which ``int()`` refuses) and Arabic-Indic digits (which no keypad
  sends), so it is never used on its own.
* :func:`keyword`: an enumerated value (``catch/@type``, ``continue-after``) as it is
  acted on, whatever its case and surrounding blanks.
* :func:`parse_pressed`: a ``keypress/@pressed`` pattern (a key sequence, a range
  ``A-B``, ``default``/``timeout`` in any case, or a ``${...}`` the validator cannot
  check), and :meth:`PressedPattern.matches`, which says whether a caller's input
  selects that branch.
"""

from __future__ import annotations

import re

__all__ = [
    "MAX_NUMBER_DIGITS",
    "PressedPattern",
    "is_digits",
    "keyword",
    "parse_pressed",
    "whole_number",
]

_KEYS = re.compile(r"[0-9*#]+")
_RANGE = re.compile(r"([0-9]+)\s*-\s*([0-9]+)")


def is_digits(text: str) -> bool:
    """Whether ``text`` is one or more ASCII digits, nothing else."""
    return text.isascii() and text.isdigit()


def keyword(value: str | None) -> str:
    """An enumerated attribute value as it is acted on: trimmed and in lower case
    (``type=" Digit "`` is a digit catch; the validator warns about the spelling)."""
    return (value or "").strip().lower()


#: Significant digits a number may have to be read as one. More is no timeout, digit
#: count or key range anyone means, and ``int()`` refuses strings of over 4300 digits.
MAX_NUMBER_DIGITS = 18


def whole_number(text: str) -> int | None:
    """``text`` as a whole number if it is ASCII digits (blanks around allowed) with at
    most :data:`MAX_NUMBER_DIGITS` significant digits."""
    text = text.strip()
    if not is_digits(text):
        return None
    significant = text.lstrip("0") or "0"
    return int(significant) if len(significant) <= MAX_NUMBER_DIGITS else None


class PressedPattern:
    """A parsed ``keypress/@pressed``: ``kind`` is ``keyword``, ``keys``, ``range`` or
    ``dynamic``; ``low``/``high`` bound the numbers it matches (a range, or one number
    written in digits; ``low > high`` when it matches none); ``text`` is the normalized
    pattern; ``inputs`` the other inputs it matches (keywords match themselves, ``#``
    its key); ``width`` the most keys one matching input needs."""

    __slots__ = ("high", "inputs", "kind", "low", "text", "width")

    def __init__(self, kind: str, text: str, low: int = 1, high: int = 0) -> None:
        self.kind, self.text, self.low, self.high = kind, text, low, high
        self.inputs: frozenset[str] = frozenset()
        if kind == "range":
            self.width = max(len(str(low)), len(str(high)))
        elif kind == "keys":
            self.width = len(text)
            number = whole_number(text)
            if number is not None:
                self.low = self.high = number
            else:  # keys with * or #, or a number too long to read: matched as written
                self.inputs = frozenset({text})
        else:
            self.width = 0
            if kind != "dynamic":
                self.inputs = frozenset({text})

    def overlaps(self, other: PressedPattern) -> bool:
        """Whether some input would match both patterns."""
        if self.low <= other.high and other.low <= self.high:
            return self.low <= self.high and other.low <= other.high
        return not self.inputs.isdisjoint(other.inputs)

    def matches(self, keys: str) -> bool:
        """Whether the caller's ``keys`` select this branch by its own pattern: a key
        sequence as written, or a number inside a range. Keywords match nothing here
        (``default`` is the menu's fallback, ``timeout`` is silence)."""
        if self.kind == "range":
            number = whole_number(keys)
            return number is not None and self.low <= number <= self.high
        return self.kind != "keyword" and self.text == keys


def parse_pressed(raw: str) -> PressedPattern | str:
    """Parse a ``pressed`` value; return the pattern, or an error message explaining
    why it is not one. Keywords are case-insensitive (CallFire writes ``Default``)."""
    value = raw.strip()
    if value.lower() in ("default", "timeout"):
        return PressedPattern("keyword", value.lower())
    if "${" in value:
        return PressedPattern("dynamic", value)
    if _KEYS.fullmatch(value):
        return PressedPattern("keys", value)
    match = _RANGE.fullmatch(value)
    if match:
        low, high = whole_number(match.group(1)), whole_number(match.group(2))
        if low is None or high is None:
            return (
                f"pressed={raw!r} has a range bound of over {MAX_NUMBER_DIGITS} digits, more "
                "than a caller can type; write a shorter range"
            )
        if low > high:
            return f"range {value!r} runs backwards; write {high}-{low}"
        return PressedPattern("range", f"{low}-{high}", low, high)
    return (
        f"pressed={raw!r} is not a key or number, a range, 'default' or 'timeout'; write "
        "e.g. 1, 42, #, 4-6 or default"
    )
