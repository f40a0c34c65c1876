"""Selection trees: what an expression means, independent of any document.

A tree is either :data:`ALL` ("the whole value") or a :class:`Node`: named entries and an
optional wildcard entry ("any key"). Lists of items combine by :func:`union`; the child
selection of a key is ``named[key] ⊔ wildcard``. Nodes are kept in a normal form, where
each named entry already includes the wildcard and entries equal to the wildcard are
dropped, so equal meanings give equal trees and one canonical printing.

Trees are at most :data:`MAX_DEPTH` levels deep (the parser enforces it), so the
recursive functions here cannot exhaust the stack.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Final, TypeAlias

from cftools.fields._errors import FieldsTypeError

__all__ = [
    "ALL",
    "MAX_DEPTH",
    "Node",
    "Selection",
    "Tree",
    "child",
    "intersection",
    "union",
]

#: The deepest selection accepted: segments along one path, counting through groups.
MAX_DEPTH: Final = 100

# Characters that must be escaped with a backslash when a key is printed as a name.
_SPECIAL: Final = frozenset(" \t\n\r\f\v,/()!*\\")


class _All:
    """The type of :data:`ALL`."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "ALL"

    def __reduce__(self) -> str:
        return "ALL"


#: The selection of a whole value.
ALL: Final = _All()


class Node:
    """An immutable selection node: named entries and an optional wildcard entry.

    Build nodes with :func:`node`, which puts them in normal form.
    """

    __slots__ = ("_hash", "named", "wildcard")

    named: Mapping[str, Tree]
    wildcard: Tree | None

    def __init__(self, named: Mapping[str, Tree], wildcard: Tree | None) -> None:
        self.named = named
        self.wildcard = wildcard
        self._hash = hash((frozenset(named.items()), wildcard))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Node):
            return NotImplemented
        return self is other or (
            self._hash == other._hash
            and self.wildcard == other.wildcard
            and self.named == other.named
        )

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return f"Node({dict(self.named)!r}, {self.wildcard!r})"


Tree: TypeAlias = "Node | _All"


def node(named: Mapping[str, Tree], wildcard: Tree | None = None) -> Node:
    """Return the normal-form node with these entries (``named`` is not kept)."""
    if wildcard is None:
        return Node(dict(sorted(named.items())), None)
    entries: dict[str, Tree] = {}
    for key in sorted(named):
        combined = union(named[key], wildcard)
        if combined != wildcard:
            entries[key] = combined
    return Node(entries, wildcard)


def child(tree: Node, key: str) -> Tree | None:
    """Return the selection of ``key`` under ``tree``, or ``None`` when it is not selected."""
    found = tree.named.get(key)
    return found if found is not None else tree.wildcard


def union(a: Tree, b: Tree) -> Tree:
    """Return ``a ⊔ b``: a path covers all its extensions, nodes merge entry by entry."""
    if a is ALL or b is ALL:
        return ALL
    assert isinstance(a, Node) and isinstance(b, Node)
    if a == b:
        return a
    wildcard = _union_optional(a.wildcard, b.wildcard)
    named = dict(a.named)
    for key, sub in b.named.items():
        named[key] = union(named[key], sub) if key in named else sub
    # Normal form lets a named entry stand for itself plus the wildcard; after the merge
    # each side's wildcard must reach the other side's names too.
    for key in named.keys() - b.named.keys():
        if b.wildcard is not None:
            named[key] = union(named[key], b.wildcard)
    for key in b.named.keys() - a.named.keys():
        if a.wildcard is not None:
            named[key] = union(named[key], a.wildcard)
    return node(named, wildcard)


def _union_optional(a: Tree | None, b: Tree | None) -> Tree | None:
    if a is None:
        return b
    if b is None:
        return a
    return union(a, b)


def intersection(a: Tree, b: Tree) -> Tree | None:
    """Return what both ``a`` and ``b`` select, or ``None`` when that is nothing.

    Only meaningful for exclusions, where an empty node removes nothing and is therefore
    pruned like an absent entry.
    """
    if a is ALL:
        return b
    if b is ALL:
        return a
    assert isinstance(a, Node) and isinstance(b, Node)
    wildcard = None
    if a.wildcard is not None and b.wildcard is not None:
        wildcard = intersection(a.wildcard, b.wildcard)
    named: dict[str, Tree] = {}
    for key in a.named.keys() | b.named.keys():
        left, right = child(a, key), child(b, key)
        if left is not None and right is not None:
            common = intersection(left, right)
            if common is not None:
                named[key] = common
    if not named and wildcard is None:
        return None
    return node(named, wildcard)


def _escape(key: str) -> str:
    if _SPECIAL.isdisjoint(key):
        return key
    return "".join("\\" + c if c in _SPECIAL else c for c in key)


def _entries(tree: Node) -> Iterator[str]:
    if tree.wildcard is not None:
        yield _entry("*", tree.wildcard)
    for key, sub in tree.named.items():
        yield _entry(_escape(key), sub)


def _entry(segment: str, tree: Tree) -> str:
    if tree is ALL:
        return segment
    assert isinstance(tree, Node)
    entries = list(_entries(tree))
    if len(entries) == 1:
        return f"{segment}/{entries[0]}"
    return f"{segment}({','.join(entries)})"


def _depth(tree: Tree | None) -> int:
    if tree is None or tree is ALL:
        return 0
    assert isinstance(tree, Node)
    subs = [*tree.named.values(), tree.wildcard]
    return 1 + max(_depth(sub) for sub in subs)


class Selection:
    """What a ``fields`` expression selects: an immutable, hashable selection tree.

    Get one from :func:`cftools.fields.parse`. ``str()`` gives the canonical expression
    (names sorted, ``*`` first, groups only where a key has several entries, special
    characters escaped), which parses back to an equal selection. ``a | b`` keeps what
    either keeps: for two inclusions it is the union of section 4 of the semantics; for
    two exclusions it excludes only what both exclude; the blank selection (no
    projection) absorbs everything; an inclusion and an exclusion cannot be combined.
    """

    __module__ = "cftools.fields"
    __slots__ = ("_exclude", "_hash", "_tree")

    def __init__(self, tree: Node | None, *, exclude: bool = False) -> None:
        # ``tree is None`` is the blank expression: no projection at all.
        if tree is None and exclude:
            raise FieldsTypeError("an exclusion needs a selection tree")
        self._tree = tree
        self._exclude = exclude
        self._hash = hash((tree, exclude))

    @property
    def exclude(self) -> bool:
        """True for an exclusion (an expression starting with ``!``)."""
        return self._exclude

    @property
    def identity(self) -> bool:
        """True for the blank selection (``None``, ``""``, blanks): a plain deep copy."""
        return self._tree is None

    @property
    def tree(self) -> Node | None:
        """The root node (``None`` for the blank selection)."""
        return self._tree

    @property
    def depth(self) -> int:
        """The number of levels of the tree (0 for the blank selection)."""
        return _depth(self._tree)

    def __str__(self) -> str:
        if self._tree is None:
            return ""
        text = ",".join(_entries(self._tree))
        return "!" + text if self._exclude else text

    def __repr__(self) -> str:
        return f"cftools.fields.Selection({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Selection):
            return NotImplemented
        return self._exclude == other._exclude and self._tree == other._tree

    def __hash__(self) -> int:
        return self._hash

    def __or__(self, other: object) -> Selection:
        if not isinstance(other, Selection):
            return NotImplemented
        if self._tree is None:
            return self
        if other._tree is None:
            return other
        if self._exclude != other._exclude:
            raise FieldsTypeError(
                f"cannot combine an inclusion with an exclusion: {str(self)!r} | {str(other)!r}"
            )
        if not self._exclude:
            combined = union(self._tree, other._tree)
            assert isinstance(combined, Node)
            return Selection(combined)
        common = intersection(self._tree, other._tree)
        if common is None:
            return Selection(None)
        assert isinstance(common, Node)
        return Selection(common, exclude=True)

    def __reduce__(self) -> tuple[object, tuple[str]]:
        from cftools.fields._parser import parse

        return (parse, (str(self),))
