"""An independent reading of the fields semantics, used only by the tests as an oracle.

It shares no code with ``cftools.fields``: a character-level recursive-descent
recognizer (section 3 and the error rules of section 9), a plain dict selection tree
with the union of section 4, and literal, recursive transcriptions of the inclusion
(5.1, 5.4) and exclusion (6.2) rules. It is slow and recursive on purpose: it is meant
to be obviously right on small inputs.
"""

from __future__ import annotations

import copy
from typing import Any

WHITESPACE = " \t\n\r\f\v"
RESERVED = ",/()!*\\"
ALL = "ALL"

# Kinds of error, named after the rows of the table in section 9.3.
EXPECTED_SEGMENT = "expected a field name or '*'"
EMPTY_PARENS = "empty '()'"
UNCLOSED = "unclosed '('"
UNMATCHED = "unmatched ')'"
AFTER_SEGMENT = "expected ',', '/', '('"
AFTER_GROUP = "after a sub-selection"
BANG = "'!' is only allowed"
STAR = "'*' must be a whole path segment"
DANGLING = "dangling '\\' escape"


class OracleError(Exception):
    def __init__(self, kind: str, position: int) -> None:
        super().__init__(kind, position)
        self.kind = kind
        self.position = position


def new_node() -> dict[str, Any]:
    return {"named": {}, "wild": None}


def union(a: Any, b: Any) -> Any:
    if a == ALL or b == ALL:
        return ALL
    named = dict(a["named"])
    for key, sub in b["named"].items():
        named[key] = union(named[key], sub) if key in named else sub
    wild = (
        a["wild"]
        if b["wild"] is None
        else b["wild"]
        if a["wild"] is None
        else union(a["wild"], b["wild"])
    )
    return {"named": named, "wild": wild}


def child(tree: Any, key: str) -> Any:
    named, wild = tree["named"].get(key), tree["wild"]
    if named is None:
        return wild
    return named if wild is None else union(named, wild)


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.opens: list[int] = []

    def peek(self) -> str | None:
        while self.i < len(self.text) and self.text[self.i] in WHITESPACE:
            self.i += 1
        return self.text[self.i] if self.i < len(self.text) else None

    def fail(self, kind: str, at: int | None = None) -> OracleError:
        return OracleError(kind, self.i if at is None else at)

    def expression(self) -> tuple[bool, Any]:
        exclude = self.peek() == "!"
        if exclude:
            self.i += 1
            if self.peek() is None:
                return True, {"named": {}, "wild": ALL}
        tree = self.items()
        return exclude, tree

    def items(self) -> Any:
        """list = item {"," item}; returns at the closing ')' (consumed) or at the end."""
        tree: Any = new_node()
        while True:
            item, ended_with_group = self.item()
            tree = union(tree, item)
            c = self.peek()
            if c == ",":
                self.i += 1
                continue
            if c == ")":
                if not self.opens:
                    raise self.fail(UNMATCHED)
                self.opens.pop()
                self.i += 1
                return tree
            if c is None:
                if self.opens:
                    raise self.fail(UNCLOSED, self.opens[-1])
                return tree
            if c == "!":
                raise self.fail(BANG)
            if c == "\\" and self.i == len(self.text) - 1:
                raise self.fail(DANGLING)
            raise self.fail(AFTER_GROUP if ended_with_group else AFTER_SEGMENT)

    def item(self) -> tuple[Any, bool]:
        segments = [self.segment()]
        while True:
            c = self.peek()
            if c == "/":
                self.i += 1
                segments.append(self.segment())
                continue
            break
        if c == "(":
            opened = self.i
            self.opens.append(opened)
            self.i += 1
            if self.peek() == ")":
                raise self.fail(EMPTY_PARENS, opened)
            inner, group = self.items(), True
        else:
            inner, group = ALL, False
        for segment in reversed(segments):
            node = new_node()
            if segment is None:
                node["wild"] = inner
            else:
                node["named"][segment] = inner
            inner = node
        return inner, group

    def segment(self) -> str | None:
        c = self.peek()
        if c is None:
            raise self.fail(EXPECTED_SEGMENT, len(self.text))
        if c == "!":
            raise self.fail(BANG)
        if c == ")" and not self.opens:
            raise self.fail(UNMATCHED)
        if c in ",/()":
            raise self.fail(EXPECTED_SEGMENT)
        start = self.i
        if c == "*":
            nxt = self.text[start + 1 : start + 2]
            glued = nxt == "*" or (nxt and nxt not in WHITESPACE and nxt not in RESERVED)
            if glued or (nxt == "\\" and start + 2 < len(self.text)):
                raise self.fail(STAR, start)
            self.i += 1
            return None
        name = []
        while self.i < len(self.text):
            c = self.text[self.i]
            if c == "\\":
                if self.i + 1 == len(self.text):
                    raise self.fail(DANGLING)
                name.append(self.text[self.i + 1])
                self.i += 2
            elif c in WHITESPACE or c in RESERVED:
                break
            else:
                name.append(c)
                self.i += 1
        if self.i < len(self.text) and self.text[self.i] == "*":
            raise self.fail(STAR)
        return "".join(name)


def parse(text: str | None) -> tuple[bool, Any] | None:
    """Return ``(exclude, tree)``, ``None`` for a blank expression, or raise OracleError."""
    if text is None or not text.strip(WHITESPACE):
        return None
    return _Parser(text).expression()


NOTHING = object()


def include(tree: Any, value: Any) -> Any:
    if tree == ALL:
        return copy.deepcopy(value)
    if isinstance(value, dict):
        out = {}
        for key, sub in value.items():
            selected = child(tree, key)
            if selected is not None:
                result = include(selected, sub)
                if result is not NOTHING:
                    out[key] = result
        return out
    if isinstance(value, list):
        results = [include(tree, element) for element in value]
        return [r for r in results if r is not NOTHING]
    if value is None:
        return None
    return NOTHING


def exclude(tree: Any, value: Any) -> Any:
    if isinstance(value, dict):
        out = {}
        for key, sub in value.items():
            selected = child(tree, key)
            if selected is None:
                out[key] = copy.deepcopy(sub)
            elif selected != ALL:
                out[key] = exclude(selected, sub)
        return out
    if isinstance(value, list):
        return [exclude(tree, element) for element in value]
    return value


def project(document: Any, text: str | None) -> Any:
    parsed = parse(text)
    if parsed is None:
        return copy.deepcopy(document)
    negate, tree = parsed
    if not isinstance(document, (dict, list)):
        return document
    return exclude(tree, document) if negate else include(tree, document)
