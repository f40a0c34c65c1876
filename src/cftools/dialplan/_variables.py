"""``${...}`` substitution, as CallFire does it before reading a value.

Grammar (braces are matched, so references nest)::

    text      := ( literal | reference )*
    reference := "${" ( literal-without-braces | reference )* "}"

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

__all__ = ["Lookup", "lookup_in", "substitute"]

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
    out: list[str] = []
    # A stack of partial reference names; ``out`` collects text outside any reference.
    stack: list[list[str]] = []
    i = 0
    n = len(text)
    while i < n:
        if text.startswith("${", i):
            stack.append([])
            i += 2
            continue
        char = text[i]
        if char == "}" and stack:
            name = "".join(stack.pop())
            value = lookup(name.strip())
            (stack[-1] if stack else out).append("" if value is None else value)
        else:
            (stack[-1] if stack else out).append(char)
        i += 1
    # Unclosed references are literal text: put back their ``${`` and what they collected.
    while stack:
        partial = "".join(stack.pop())
        (stack[-1] if stack else out).append("${" + partial)
    return "".join(out)
