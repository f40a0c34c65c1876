"""Hypothesis strategies shared by the fields tests: JSON documents and expressions drawn
from one small set of keys, so expressions and documents actually meet."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

# Keys that need escaping, look like syntax, or are plain; both strategies use them.
KEYS = ["a", "b", "id", "items", "*", "a b", "x/y", "é", "(", "!"]
_SPECIAL = set(" \t\n\r\f\v,/()!*\\")

leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=False, allow_infinity=False, width=16),
    st.sampled_from(["", "a", "x y"]),
)


def containers(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(KEYS), children, max_size=5),
    )


#: Any JSON value (top-level scalars included).
json_values = st.recursive(leaves, containers, max_leaves=25)
#: JSON documents whose top level is an object or an array.
json_documents = containers(json_values)


def escape(key: str) -> str:
    return "".join("\\" + c if c in _SPECIAL else c for c in key)


@st.composite
def expressions(draw: st.DrawFn, depth: int = 3, single: bool = False, bang: bool = True) -> str:
    """Random valid expressions, with escapes, wildcards and odd spacing."""

    def segment() -> str:
        if draw(st.integers(0, 4)) == 0:
            return "*"
        return escape(draw(st.sampled_from(KEYS)))

    def items(level: int) -> str:
        out = []
        count = 1 if single and level == depth else draw(st.integers(1, 3))
        for _ in range(count):
            path = "/".join(segment() for _ in range(draw(st.integers(1, 2))))
            if level > 0 and draw(st.booleans()):
                path += draw(st.sampled_from(["(", " ( "])) + items(level - 1) + ")"
            out.append(path)
        return draw(st.sampled_from([",", " , ", ",\t"])).join(out)

    prefix = draw(st.sampled_from(["", "", "!", " ! "])) if bang and not single else ""
    return prefix + items(depth)


#: Expressions without a leading "!".
inclusions = expressions(bang=False)
