"""Shape-specialised code for long arrays of objects under a nested inclusion.

A page is an array of objects that nearly always share one key order, and whose
sub-objects and sub-arrays share theirs. For such an array and a node with at least one
sub-selection, this module writes, at run time, one function specialised to the *shape*
of a sample element (the first, unless the first few differ): the document order of the
selected keys at each inlined level, and whether each sub-selected value is an object
or an array of objects. That function builds every output object with a constant-key
dict display (no per-key test, no call per sub-object), the way a hand-written
comprehension would, and checks as it goes that each element really has the shape it
was written for:

* the elements themselves, 256 at a time, with one C-level comparison of all their keys
  against the sample's keys repeated (each dict has distinct keys, so equal sequences
  mean equal key tuples item by item); in a chunk that fails, each element is checked
  by its key tuple, and one whose selected keys come in the sample's order with some
  missing runs the same code with a membership test per key;
* sub-objects with two or more selected keys, by comparing their key tuple; with one
  selected key, order cannot matter and a membership test is enough;
* leaf values kept whole, by exact type, the sample's type first (containers are
  deep-copied).

Anything else (selected keys in another order, a value of another type, a scalar under
a sub-selection) is handed to the projector's general functions for that object alone,
so the result is exactly the general one. A sub-selection that yields *nothing* (its
key must vanish) cannot be expressed in a dict display: it raises :class:`Retry`, and
the object that holds it is redone by the general code.

Specialised functions are compiled once per shape, when :data:`COMPILE_AFTER` elements of
that shape have been met, and kept per projector (at most :data:`BUILDERS_LIMIT`; past
that, new shapes take the general path). Inlining stops
:data:`INLINE_DEPTH` levels down; deeper selections call the general functions.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable
from typing import Any, Final, TypeAlias

from cftools.fields._selection import ALL, Node

__all__ = ["BUILDERS_LIMIT", "CHUNK", "COMPILE_AFTER", "INLINE_DEPTH", "Retry", "Shapes"]

#: Elements checked together by one C-level key comparison.
CHUNK: Final = 256
#: Levels of sub-selection written inline below the array's own objects.
INLINE_DEPTH: Final = 3
#: Specialised functions kept per projector.
BUILDERS_LIMIT: Final = 64
#: A shape's function is compiled once this many elements of that shape have been seen
#: (in one array or over several calls); until then they take the general code.
COMPILE_AFTER = 256
# Leading elements looked at to choose the sample when the first one looks odd.
_SAMPLED: Final = 8

# What the sample says about a value under a sub-selection: None (unknown: general code),
# ("o", keys, children) for an object checked by its key tuple, ("p", present, children)
# for an object with at most one selected key (checked by membership), or ("l", object)
# for an array whose first element is an object. ``children`` holds the signatures of the
# sub-selected keys, in document order.
Signature: TypeAlias = tuple[Any, ...] | None
Builder: TypeAlias = Callable[[list[Any]], "list[Any] | None"]


class Retry(Exception):
    """Raised inside a specialised function when a value must vanish from its object."""


def subsequence(keys: tuple[str, ...], order: tuple[str, ...], memo: dict[Any, bool]) -> bool:
    """Whether ``keys`` (distinct) appear in ``order`` in the same relative order."""
    known = memo.get(keys)
    if known is None:
        remaining = iter(order)
        known = all(key in remaining for key in keys)
        if len(memo) < BUILDERS_LIMIT:
            memo[keys] = known
    return known


def _object_signature(node: Node, sample: dict[Any, Any], depth: int) -> Signature:
    if len(node.named) <= 1:
        present = tuple(k for k in node.named if k in sample)
        mode, keys = "p", present
    else:
        keys = tuple(sample)
        present = tuple(k for k in keys if k in node.named)
        mode = "o"
    children = tuple(
        _value_signature(sub, sample[k], depth + 1)
        for k in present
        if isinstance(sub := node.named[k], Node)
    )
    return (mode, keys, children)


def _value_signature(node: Node, sample: Any, depth: int) -> Signature:
    if depth > INLINE_DEPTH or node.wildcard is not None:
        return None
    if type(sample) is dict:
        return _object_signature(node, sample, depth)
    if type(sample) is list and sample and type(sample[0]) is dict:
        return ("l", _object_signature(node, sample[0], depth))
    return None


def _sample(items: list[dict[Any, Any]], node: Node) -> dict[Any, Any]:
    """The element to specialise for: the first, when the second, the middle one and the
    last have its keys; else, among the first few and those two, one with the most
    selected keys, and of those the commonest shape. (Elements lacking some selected
    keys still take the specialised code; elements with selected keys the sample lacks
    do not.) A heuristic for speed only: any choice gives the same results."""
    first = items[0]
    shape = tuple(first)
    others = (items[1], items[len(items) // 2], items[-1])
    if all(type(e) is dict and tuple(e) == shape for e in others):
        return first
    heads = [e for e in (*items[:_SAMPLED], *others[1:]) if type(e) is dict]
    shapes = [tuple(e) for e in heads]

    def score(i: int) -> tuple[int, int]:
        return sum(k in node.named for k in shapes[i]), shapes.count(shapes[i])

    return heads[max(range(len(heads)), key=score)]


class Shapes:
    """The specialised array functions of one projector.

    ``namespace`` is the projector's namespace (the general functions ``_o<n>``,
    ``_l<n>`` and ``_v<n>`` of every node live there, numbered by ``numbers``).
    """

    def __init__(self, namespace: dict[str, Any], numbers: dict[Node, int]) -> None:
        self.namespace = namespace
        self.numbers = numbers
        self.builders: dict[tuple[int, Signature], Builder] = {}
        # Elements projected the general way so far, per shape not yet compiled.
        self.seen: dict[tuple[int, Signature], int] = {}

    def runner(self, node: Node) -> Callable[[list[dict[Any, Any]]], list[Any] | None]:
        """The function that projects a long array of objects (all exact ``dict``) for
        ``node``, or returns ``None`` when the general code must do it."""
        number = self.numbers[node]
        builders = self.builders
        seen = self.seen

        def run(items: list[dict[Any, Any]]) -> list[Any] | None:
            sample = _sample(items, node)
            signature = _object_signature(node, sample, 0)
            key = (number, signature)
            build = builders.get(key)
            if build is None:
                # Compiling costs about as much as projecting a thousand elements the
                # general way: only for shapes that keep coming.
                total = seen.get(key, 0) + len(items)
                if total < COMPILE_AFTER or len(builders) >= BUILDERS_LIMIT:
                    if len(seen) >= 4 * BUILDERS_LIMIT:
                        seen.clear()
                    seen[key] = total
                    return None
                build = builders[key] = self._compile(node, signature, sample)
            return build(items)

        return run

    def _compile(self, node: Node, signature: Signature, sample: dict[Any, Any]) -> Builder:
        writer = _Writer(self.numbers)
        source = writer.array(node, signature, sample)
        scope: dict[str, Any] = {}
        exec(builtins.compile(source, "<cftools.fields shape>", "exec"), self.namespace, scope)
        build: Builder = scope["_make"](*writer.constants)
        return build


class _Writer:
    """Writes the source of one specialised function."""

    def __init__(self, numbers: dict[Node, int]) -> None:
        self.numbers = numbers
        self.lines: list[str] = []
        self.constants: list[Any] = []
        self.count = 0

    def constant(self, value: object) -> str:
        self.constants.append(value)
        return f"c{len(self.constants) - 1}"

    def name(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def emit(self, indent: int, line: str) -> None:
        self.lines.append("    " * indent + line)

    def array(self, node: Node, signature: Signature, sample: dict[Any, Any]) -> str:
        """The source of ``_make(c0, c1, ...)``, which returns the specialised function."""
        assert signature is not None
        mode, keys, _ = signature
        n = self.numbers[node]
        emit = self.emit
        emit(2, "out = []")
        emit(2, "app = out.append")
        if mode == "o":
            shape = self.constant(list(keys))
            full = self.constant(list(keys) * CHUNK)
            whole = self.constant(tuple(keys))
            order = tuple(k for k in keys if k in node.named)
            wanted = self.constant(frozenset(node.named).__contains__)
            ordered = self.constant(order)
            emit(2, f"for i in range(0, len(v), {CHUNK}):")
            emit(3, f"c = v[i:i + {CHUNK}]")
            emit(3, "same = DICTS.issuperset(map(type, c)) and list(chain(c)) == (")
            emit(4, f"{full} if len(c) == {CHUNK} else {shape} * len(c))")
            emit(3, "for e in c:")
            emit(4, "if not same:")
            emit(5, "if type(e) is not dict: return None")
            emit(5, f"if tuple(e) != {whole}:")
            # Another shape: if the selected keys it has come in the sample's order, the
            # same code with a membership test per key; else the general code.
            emit(6, f"s = tuple(filter({wanted}, e))")
            emit(6, f"if s != {ordered}:")
            memo = self.constant({})
            emit(7, f"if {self.constant(subsequence)}(s, {ordered}, {memo}):")
            self.item(node, signature, sample, "e", 8, f"app(_o{n}(e))", "app", self.present)
            emit(7, "else:")
            emit(8, f"app(_o{n}(e))")
            emit(7, "continue")
            self.item(node, signature, sample, "e", 4, f"app(_o{n}(e))", "app")
        else:
            emit(2, "for e in v:")
            emit(3, "if type(e) is not dict: return None")
            self.item(node, signature, sample, "e", 3, f"app(_o{n}(e))", "app")
        emit(2, "return out")
        header = ["def _make(" + ", ".join(f"c{i}" for i in range(len(self.constants))) + "):"]
        header.append("    def build(v):")
        return "\n".join([*header, *self.lines, "    return build", ""])

    def item(
        self,
        node: Node,
        signature: Signature,
        sample: Any,
        var: str,
        indent: int,
        fallback: str,
        app: str,
        write: Callable[[Node, Signature, Any, str, int], tuple[str, bool]] | None = None,
    ) -> None:
        """Append the projection of the object in ``var`` (whose shape is checked) with
        ``app``; on :class:`Retry`, run ``fallback`` (a statement) instead."""
        body: list[str] = []
        saved, self.lines = self.lines, body
        display, retries = (write or self.object)(node, signature, sample, var, indent + 1)
        self.lines = saved
        if retries:
            self.emit(indent, "try:")
            self.lines += body
            self.emit(indent, "except Retry:")
            self.emit(indent + 1, fallback)
            self.emit(indent + 1, "continue")
        else:
            self.lines += [line[4:] for line in body]
        self.emit(indent, f"{app}({display})")

    def object(
        self, node: Node, signature: Signature, sample: Any, var: str, indent: int
    ) -> tuple[str, bool]:
        """Emit the statements that compute the values of the object in ``var``; return
        the dict display that builds it, and whether the statements may raise Retry."""
        assert signature is not None
        mode, keys, children = signature
        if mode == "p":
            return self._single(node, keys, children, sample, var, indent)
        entries = []
        retries = False
        subs = iter(children)
        # The selection's own keys go into the source, never the document's key objects.
        selected = {key: key for key in node.named}
        for key in filter(selected.__contains__, keys):
            key = selected[key]
            sub = node.named[key]
            value = self.name("x")
            self.emit(indent, f"{value} = {var}[{key!r}]")
            if sub is ALL:
                self.leaf(value, type(sample[key]), indent)
            else:
                assert isinstance(sub, Node)
                retries |= self.value(sub, next(subs), sample[key], value, indent)
            entries.append(f"{key!r}: {value}")
        return "{" + ", ".join(entries) + "}", retries

    def present(
        self, node: Node, signature: Signature, sample: Any, var: str, indent: int
    ) -> tuple[str, bool]:
        """Like :meth:`object` for a shape-checked object, but for one that may lack some
        of the keys: each selected key is looked up, and the result built in order."""
        assert signature is not None
        _, keys, children = signature
        result = self.name("r")
        self.emit(indent, f"{result} = {{}}")
        retries = False
        subs = iter(children)
        selected = {key: key for key in node.named}
        for key in filter(selected.__contains__, keys):
            key = selected[key]
            sub = node.named[key]
            value = self.name("x")
            self.emit(indent, f"if {key!r} in {var}:")
            self.emit(indent + 1, f"{value} = {var}[{key!r}]")
            if sub is ALL:
                self.leaf(value, type(sample[key]), indent + 1)
            else:
                assert isinstance(sub, Node)
                retries |= self.value(sub, next(subs), sample[key], value, indent + 1)
            self.emit(indent + 1, f"{result}[{key!r}] = {value}")
        return result, retries

    def _single(
        self,
        node: Node,
        present: tuple[str, ...],
        children: tuple[Signature, ...],
        sample: Any,
        var: str,
        indent: int,
    ) -> tuple[str, bool]:
        """An object with at most one selected key: a membership test, no order check."""
        if not node.named:
            return "{}", False
        ((key, sub),) = node.named.items()
        result = self.name("r")
        value = self.name("x")
        self.emit(indent, f"if {key!r} in {var}:")
        self.emit(indent + 1, f"{value} = {var}[{key!r}]")
        retries = False
        if sub is ALL:
            self.leaf(value, type(sample.get(key)), indent + 1)
        else:
            assert isinstance(sub, Node)
            signature = children[0] if present else None
            retries = self.value(sub, signature, sample.get(key), value, indent + 1)
        self.emit(indent + 1, f"{result} = {{{key!r}: {value}}}")
        self.emit(indent, "else:")
        self.emit(indent + 1, f"{result} = {{}}")
        return result, retries

    def leaf(self, value: str, expected: type, indent: int) -> None:
        """Copy the value in ``value`` unless it is a leaf; the type the sample had there
        is tested first, by identity (twice as fast as the set lookup)."""
        test = f"type({value}) not in ATOMS"
        if expected in (str, int, float, bool):
            test = f"type({value}) is not {expected.__name__} and {test}"
        elif expected is type(None):
            test = f"{value} is not None and {test}"
        self.emit(indent, f"if {test}: {value} = copy({value})")

    def value(self, node: Node, signature: Signature, sample: Any, var: str, indent: int) -> bool:
        """Replace the value in ``var`` by its projection under ``node``; return whether
        this may raise Retry (the value vanishes)."""
        n = self.numbers[node]
        emit = self.emit
        general = [f"{var} = _v{n}({var})", f"if {var} is NOTHING: raise Retry"]
        if signature is None:
            for line in general:
                emit(indent, line)
            return True
        if signature[0] == "l":
            element = signature[1]
            out, q = self.name("y"), self.name("q")
            emit(indent, f"if type({var}) is list:")
            emit(indent + 1, f"{out} = []")
            emit(indent + 1, f"for {q} in {var}:")
            test = self._test(element, q)
            emit(indent + 2, f"if {test}:")
            fallback = f"{out}.append(_o{n}({q}))"
            self.item(node, element, sample[0], q, indent + 3, fallback, f"{out}.append")
            if element is not None and element[0] == "o":
                emit(indent + 2, f"elif type({q}) is dict:")
                emit(indent + 3, f"{out}.append(_o{n}({q}))")
            emit(indent + 2, "else:")
            emit(indent + 3, f"{out} = _l{n}({var})")
            emit(indent + 3, "break")
            emit(indent + 1, f"{var} = {out}")
        else:
            emit(indent, f"if {self._test(signature, var)}:")
            body: list[str] = []
            saved, self.lines = self.lines, body
            display, retries = self.object(node, signature, sample, var, indent + 2)
            self.lines = saved
            if retries:
                emit(indent + 1, "try:")
                self.lines += body
                emit(indent + 2, f"{var} = {display}")
                emit(indent + 1, "except Retry:")
                emit(indent + 2, f"{var} = _o{n}({var})")
            else:
                self.lines += [line[4:] for line in body]
                emit(indent + 1, f"{var} = {display}")
            if signature[0] == "o":
                emit(indent, f"elif type({var}) is dict:")
                emit(indent + 1, f"{var} = _o{n}({var})")
        emit(indent, "else:")
        for line in general:
            emit(indent + 1, line)
        return True

    def _test(self, signature: Signature, var: str) -> str:
        """The condition under which the object code for ``signature`` applies to ``var``."""
        assert signature is not None
        if signature[0] == "o":
            return f"type({var}) is dict and tuple({var}) == {self.constant(signature[1])}"
        return f"type({var}) is dict"
