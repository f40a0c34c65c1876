"""Check the names of a ``fields`` expression against the shape of a document.

A *shape* is a plain structure: a mapping from each key an object can have to the shape
of its value, ``None`` for a plain value (string, number, boolean: nothing below it).
Arrays are looked through, as ``fields`` looks through them, so a property holding a list
of objects has the shape of one object. The key ``"*"`` in a shape accepts any key, with
``shape["*"]`` as the shape below it (free-form maps such as ``attributes``). Shapes may
refer to themselves (a definition that contains itself): the walk goes only as deep as
the expression, never deeper.

:func:`check` walks a selection down a shape and reports every name that is not there,
with the closest name that is, if one is close. What to do with them is the caller's
choice: :mod:`cftools.spec` refuses a request over a close miss (surely a typo) and only
warns over a name close to nothing (the specification can lag the server).
``*`` in an expression is always accepted.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeAlias

from cftools.fields._parser import parse
from cftools.fields._selection import ALL, Node, Selection, _escape

__all__ = ["CLOSE", "Shape", "UnknownName", "check", "suggest"]

CLOSE = 0.8
"""How alike two names must be (:class:`difflib.SequenceMatcher` ratio) to count as a
typo of one another. Higher than difflib's default 0.6, because a close miss refuses a
request: ``toNumbr`` (0.93) and ``finalCallResutl`` (0.93) are typos, while ``name`` is
not one of ``number`` (0.6)."""

Shape: TypeAlias = "Mapping[str, Shape | None]"
"""The keys an object can have, each with the shape of its value (``None``: a plain value);
``"*"`` stands for any key."""


@dataclass(frozen=True, slots=True)
class UnknownName:
    """A name of the expression that the shape does not have.

    ``path`` is where it is, as an expression (``items/toNumbr``); ``name`` the name
    itself; ``suggestion`` the closest name the shape has there, or ``None`` when no
    name is close (see :data:`CLOSE`).
    """

    path: str
    name: str
    suggestion: str | None

    def __str__(self) -> str:
        hint = f"; did you mean {self.suggestion!r}?" if self.suggestion else ""
        return f"{self.path}: no such field{hint}"


def check(expression: str | Selection, shape: Shape) -> list[UnknownName]:
    """Every name of ``expression`` that ``shape`` lacks, in the canonical order.

    ``expression`` is a ``fields`` expression (an exclusion ``!...`` is checked the same
    way) or a parsed :class:`Selection`. Raises
    :class:`~cftools.fields.FieldsSyntaxError` for a malformed expression.
    """
    selection = expression if isinstance(expression, Selection) else parse(expression)
    found: list[UnknownName] = []
    if selection.tree is not None:
        _walk(selection.tree, shape, "", found)
    return found


def _walk(node: Node, shape: Shape | None, prefix: str, found: list[UnknownName]) -> None:
    for key, below in node.named.items():
        path = f"{prefix}/{_escape(key)}" if prefix else _escape(key)
        if shape is not None and "*" in shape:
            inner = shape["*"]
        elif shape is not None and key in shape:
            inner = shape[key]
        else:
            suggestion = suggest(key, shape or ())
            found.append(UnknownName(path, key, suggestion))
            continue
        if below is not ALL:
            assert isinstance(below, Node)
            _walk(below, inner, path, found)


def suggest(name: str, known: Iterable[str], *, cutoff: float = CLOSE) -> str | None:
    """The known name ``name`` is most likely a typo of, or ``None``.

    A name equal but for case wins; otherwise the closest whose
    :class:`difflib.SequenceMatcher` ratio reaches ``cutoff``.
    """
    candidates = [k for k in known if k != "*"]
    folded = name.casefold()
    for candidate in candidates:
        if candidate.casefold() == folded:
            return candidate
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=cutoff)
    return close[0] if close else None
