"""``${...}`` substitution, as CallFire does it before reading a value.

Grammar (braces are matched, so references nest)::

    text      := ( literal | reference )*
    reference := "${" ( any-character-but-"}" | reference )* "}"

A reference is resolved inside out: in ``${choice${num}}`` the inner ``${num}`` is replaced
first (say by ``2``), then ``choice2`` is looked up. A ``${`` without its closing brace is
kept as written, as is a lone ``$`` or ``}``. A value is inserted as it is, never scanned
again, so a caller who types ``${x}`` cannot make the dialplan read ``x``.

What an unknown variable expands to is not documented; like most template engines of its
kind (and because ``'${x}' == ''`` is the idiom CallFire's own examples use to test for
"no value") it expands to the empty string here.

Names are looked up exactly (user variables are case-sensitive). Contact columns are the
one exception: the documentation writes both ``${contact.a}`` and ``${contact.A}``, so a
``contact.`` name that is not found exactly is retried without regard to case.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

__all__ = ["Lookup", "lookup_in", "scan", "substitute"]

#: Resolves a variable name to its text, or ``None`` when the variable is not set.
Lookup = Callable[[str], "str | None"]


def lookup_in(variables: Mapping[str, str]) -> Lookup:
    """Return a :data:`Lookup` over ``variables`` with the contact-column case rule."""

    def lookup(name: str) -> str | None:
        value = variables.get(name)
        if value is None and name[:8].lower() == "contact.":
            folded = name.lower()
            for key, candidate in variables.items():
                if key.lower() == folded:
                    return candidate
        return value

    return lookup


def substitute(text: str, lookup: Lookup) -> str:
    """Return ``text`` with every ``${...}`` reference replaced by its value.

    >>> substitute("press ${choice${n}}", lookup_in({"n": "2", "choice2": "two"}))
    'press two'
    """
    if "${" not in text:
        return text

    def resolve(name: str, _prefix: str, _dynamic: bool) -> str:
        value = lookup(name.strip())
        return "" if value is None else value

    return _walk(text, resolve)[0]


def scan(text: str) -> tuple[list[tuple[str, bool]], int | None]:
    """Find the ``${...}`` references in ``text``, read as :func:`substitute` reads them.

    Returns ``(references, unclosed)``. Each reference is ``(name, dynamic)``: a dynamic
    name contains another reference and is given up to it (``${choice${n}}``: ``n`` is
    static, ``choice`` dynamic), so the names together are never longer than ``text``.
    ``unclosed`` is the offset of the first ``${`` that is never closed, or ``None``.

    >>> scan("${a} ${choice${n}} ${b")
    ([('a', False), ('n', False), ('choice', True)], 19)
    """
    references: list[tuple[str, bool]] = []

    def record(_name: str, prefix: str, dynamic: bool) -> str:
        references.append((prefix, dynamic))
        return ""

    return references, _walk(text, record)[1]


#: Called when a reference closes, with its name after inner substitution, its raw text
#: up to the first inner reference, and whether it had one; returns the replacement.
_OnReference = Callable[[str, str, bool], str]


def _walk(text: str, on_reference: _OnReference) -> tuple[str, int | None]:
    """The one reader of the grammar above, shared by :func:`substitute` and :func:`scan`.

    Returns the text with each reference replaced by what ``on_reference`` returns, and
    the offset of the first ``${`` left unclosed (kept as literal text), or ``None``. A
    stack, not recursion, so ``${${${...`` nested a million deep is no danger.
    """
    out: list[str] = []
    # One frame per open reference, innermost last: [parts, body start, first inner "${"].
    stack: list[tuple[list[str], int, list[int]]] = []
    i = text.find("${")
    if i < 0:
        return text, None
    out.append(text[:i])
    n = len(text)
    while i < n:
        if text.startswith("${", i):
            if stack and stack[-1][2][0] < 0:
                stack[-1][2][0] = i
            stack.append(([], i + 2, [-1]))
            i += 2
            continue
        char = text[i]
        if char == "}" and stack:
            parts, body, inner = stack.pop()
            prefix = text[body : i if inner[0] < 0 else inner[0]]
            value = on_reference("".join(parts), prefix, inner[0] >= 0)
            (stack[-1][0] if stack else out).append(value)
            if not stack:  # outside any reference: copy up to the next one at once
                j = text.find("${", i + 1)
                j = n if j < 0 else j
                out.append(text[i + 1 : j])
                i = j
                continue
        else:
            (stack[-1][0] if stack else out).append(char)
        i += 1
    unclosed = stack[0][1] - 2 if stack else None
    # Unclosed references are literal text: put back their ``${`` and what they collected.
    while stack:
        partial = "".join(stack.pop()[0])
        (stack[-1][0] if stack else out).append("${" + partial)
    return "".join(out), unclosed
