"""Did-you-mean: which known name a misspelt one most likely stands for.

Shared by the validator (a misspelt tag or attribute, CF200/CF205) and the builder (a
misspelt keyword argument). A name is a near miss of a candidate when the two are the
same but for case, ``-`` and ``_`` (``continue_after``, ``maxdigits`` for
``max_digits``), or one or two typing slips apart (``voise``, ``maxdigit``, ``tiemout``),
the allowance growing with the length: at most one slip per four characters, none for
names under three characters. Costs are bounded by the candidate's length, however long
the misspelt name is.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["closest"]


def closest(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate ``name`` is most likely a misspelling of, or ``None``."""
    folded = _fold(name)
    best: tuple[int, str] | None = None
    for candidate in candidates:
        other = _fold(candidate)
        limit = 0 if min(len(folded), len(other)) < 3 else max(1, len(other) // 4)
        distance = _distance(folded, other, limit)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, candidate)
    return best[1] if best is not None else None


def _fold(name: str) -> str:
    return name.lower().replace("-", "").replace("_", "")


def _distance(a: str, b: str, limit: int) -> int:
    """The optimal-string-alignment distance of ``a`` and ``b`` (a transposition counts
    as one edit), or ``limit + 1`` once it is known to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
