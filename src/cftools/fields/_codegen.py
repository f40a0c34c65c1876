"""Turn a :class:`Selection` into Python source, and the source into a function.

Each node of the tree becomes three small functions, generated once per distinct node
(identical subtrees share them):

* ``_o<i>(d)`` projects an object: one C-level dict comprehension keeps the selected
  keys in document order, containers kept whole are deep-copied only when some value is
  not a plain leaf (checked with ``ATOMS.issuperset(map(type, ...))``), and each key with
  a sub-selection is then replaced in place by its projection (unrolled per key);
* ``_l<i>(v)`` projects an array. A long array of objects (the page case) gets code
  specialised to its shape: for a node with sub-selections, a function written at run
  time for the shape of the first element (``_shapes``); for a node whose keys are all
  kept whole, column by column (:func:`shaped_list`). Otherwise an array of objects is
  one comprehension (the object code inlined when every key is kept whole), and other
  arrays go through the generic :func:`walk`;
* ``_v<i>(v)`` dispatches on the type of a value.

Nodes with a wildcard entry get a loop over the document's keys with a per-key table of
child functions. The root function handles the top level (section 5.4). Keys appear in
the source only as ``repr()`` literals; everything else is passed in the namespace.

A projector that may share kept subtrees with its input (``share``) is the same code
with ``copy`` and ``copy_values`` bound to no-ops.

The semantics implemented here are sections 5 (inclusion) and 6 (exclusion) of the
fields semantics; the tests check them against an independent interpreter.
"""

from __future__ import annotations

import builtins
import itertools
from collections.abc import Callable
from typing import Any

from cftools.fields import _runtime, _shapes
from cftools.fields._selection import ALL, Node, Selection, Tree

__all__ = ["generate"]

_ROOT_NAME = "project"


def generate(selection: Selection, *, share: bool = False) -> tuple[Callable[[Any], Any], str]:
    """Return the projection function of ``selection`` and its generated source.

    With ``share``, subtrees kept whole are the input's own (not copied); the containers
    the projection builds are still new.
    """
    tree = selection.tree
    if tree is None:
        return (
            (_runtime.share, "project = share\n") if share else (_runtime.copy, "project = copy\n")
        )
    emitter = _Emitter(exclude=selection.exclude, share=share)
    root = emitter.node(tree)
    emitter.lines += [
        f"def {_ROOT_NAME}(v):",
        "    t = type(v)",
        f"    if t is dict: return _o{root}(v)",
        f"    if t is list: return _l{root}(v)",
        f"    if isinstance(v, dict): return _o{root}(v)",
        f"    if isinstance(v, list): return _l{root}(v)",
        "    return v",
    ]
    source = "\n".join(emitter.lines) + "\n"
    namespace = emitter.namespace
    code = builtins.compile(source, f"<cftools.fields {str(selection)[:60]!r}>", "exec")
    exec(code, namespace)
    emitter.resolve()
    function: Callable[[Any], Any] = namespace[_ROOT_NAME]
    return function, source


class _Emitter:
    """Accumulates the source and the namespace of one projector."""

    def __init__(self, *, exclude: bool, share: bool) -> None:
        self.exclude = exclude
        self.share = share
        self.lines: list[str] = []
        self.namespace: dict[str, Any] = {
            "__builtins__": builtins,
            "NOTHING": _runtime.NOTHING,
            "ATOMS": _runtime.ATOMS,
            "DICTS": _runtime.DICTS,
            # Sharing projectors keep whole subtrees by reference: the same code with
            # these two names bound to no-ops.
            "copy": _runtime.share if share else _runtime.copy,
            "copy_values": _runtime.keep_values if share else _runtime.copy_values,
            "drop": _runtime.drop,
            "walk": _runtime.walk,
            "shaped_list": _runtime.shaped_list,
            "leaves_only": _runtime.leaves_only,
            "EMPTY": frozenset(),
            "chain": itertools.chain.from_iterable,
            "Retry": _shapes.Retry,
        }
        self.numbers: dict[Node, int] = {}
        self.shapes = self.namespace["SHAPES"] = _shapes.Shapes(self.namespace, self.numbers)
        self.tables: list[str] = []

    def resolve(self) -> None:
        """After exec: turn the function names of the wildcard tables into functions."""
        for table in self.tables:
            names = self.namespace[table]
            self.namespace[table] = {key: self._lookup(name) for key, name in names.items()}

    def _lookup(self, name: str | tuple[str, ...]) -> Any:
        if isinstance(name, tuple):
            return tuple(self.namespace[n] for n in name)
        return self.namespace[name]

    def constant(self, prefix: str, value: object) -> str:
        name = f"{prefix}{len(self.namespace)}"
        self.namespace[name] = value
        return name

    def child(self, tree: Tree) -> str:
        """The name of the value function for a child selection."""
        if tree is ALL:
            return "drop" if self.exclude else "copy"
        assert isinstance(tree, Node)
        return f"_v{self.node(tree)}"

    def node(self, tree: Node) -> int:
        """Emit the functions of ``tree`` (and of its subtrees) once; return its number."""
        number = self.numbers.get(tree)
        if number is not None:
            return number
        number = self.numbers[tree] = len(self.numbers)
        # Children first, so their numbers exist; depth is bounded by MAX_DEPTH.
        children = {key: self.child(sub) for key, sub in tree.named.items()}
        wildcard = None if tree.wildcard is None else self.child(tree.wildcard)
        if self.exclude:
            self._exclude_object(number, tree, children, wildcard)
        else:
            self._include_object(number, tree, children, wildcard)
        self._array(number, tree)
        self._value(number)
        return number

    # --- objects -----------------------------------------------------------------------

    def _include_object(
        self, n: int, tree: Node, children: dict[str, str], wildcard: str | None
    ) -> None:
        emit = self.lines.append
        emit(f"def _o{n}(d):")
        if tree.wildcard is ALL:
            emit("    r = dict(d)")
            emit("    if not ATOMS.issuperset(map(type, r.values())): copy_values(r, EMPTY)")
            emit("    return r")
            return
        if wildcard is not None:
            self._wildcard_loop(tree, children, wildcard)
            return
        if len(tree.named) == 1:
            ((key, sub),) = tree.named.items()
            emit(f"    x = d.get({key!r}, NOTHING)")
            emit("    if x is NOTHING: return {}")
            if sub is ALL:
                emit(f"    return {{{key!r}: x if type(x) in ATOMS else copy(x)}}")
                return
            emit(f"    y = {children[key]}(x)")
            emit(f"    return {{}} if y is NOTHING else {{{key!r}: y}}")
            return
        keys = self.constant("K", frozenset(tree.named))
        emit(f"    r = {{k: x for k, x in d.items() if k in {keys}}}")
        self._fix_up(tree, children, removable=True)

    def _exclude_object(
        self, n: int, tree: Node, children: dict[str, str], wildcard: str | None
    ) -> None:
        emit = self.lines.append
        emit(f"def _o{n}(d):")
        if tree.wildcard is ALL:
            emit("    return {}")
            return
        if wildcard is not None:
            self._wildcard_loop(tree, children, wildcard)
            return
        dropped = frozenset(key for key, sub in tree.named.items() if sub is ALL)
        if dropped:
            name = self.constant("D", dropped)
            emit(f"    r = {{k: x for k, x in d.items() if k not in {name}}}")
        else:
            emit("    r = dict(d)")
        self._fix_up(tree, children, removable=False, copy_all=True)

    def _fix_up(
        self, tree: Node, children: dict[str, str], *, removable: bool, copy_all: bool = False
    ) -> None:
        """Emit the end of an object function: copy kept containers, then replace each
        key that has a sub-selection by its projection (``removable``: it may vanish)."""
        emit = self.lines.append
        nested = [key for key, sub in tree.named.items() if sub is not ALL]
        skip = self.constant("S", frozenset(nested)) if nested else "EMPTY"
        if copy_all:  # exclusion: every value not under a sub-selection is kept whole
            emit(f"    if not ATOMS.issuperset(map(type, r.values())): copy_values(r, {skip})")
        elif len(nested) < len(tree.named):  # inclusion: the keys selected whole
            whole = tuple(key for key, sub in tree.named.items() if sub is ALL)
            if nested:
                keys = self.constant("W", whole)
                emit(f"    if not ATOMS.issuperset(map(type, map(r.get, {keys}))):")
                emit(f"        copy_values(r, {skip})")
            else:
                emit("    if not ATOMS.issuperset(map(type, r.values())): copy_values(r, EMPTY)")
        for key in nested:
            number = self.numbers[tree.named[key]]  # type: ignore[index]
            emit(f"    x = r.get({key!r}, NOTHING)")
            emit("    if x is not NOTHING:")
            emit("        t = type(x)")
            call = f"_o{number}(x) if t is dict else _l{number}(x) if t is list else _v{number}(x)"
            if removable:
                emit(f"        y = {call}")
                emit(f"        if y is NOTHING: del r[{key!r}]")
                emit(f"        else: r[{key!r}] = y")
            else:
                emit(f"        r[{key!r}] = {call}")
        emit("    return r")

    def _wildcard_loop(self, tree: Node, children: dict[str, str], wildcard: str) -> None:
        # The table holds function names until exec defines them (see ``resolve``).
        table = self.constant("C", dict(children))
        self.tables.append(table)
        emit = self.lines.append
        emit("    r = {}")
        emit(f"    g = {table}.get")
        emit("    for k, x in d.items():")
        emit(f"        y = g(k, {wildcard})(x)")
        emit("        if y is not NOTHING: r[k] = y")
        emit("    return r")

    # --- arrays and values -------------------------------------------------------------

    def _array(self, n: int, tree: Node) -> None:
        emit = self.lines.append
        emit(f"def _l{n}(v):")
        nested = any(isinstance(sub, Node) for sub in tree.named.values())
        if not self.exclude and tree.wildcard is None and nested:
            # Sub-selections: code specialised to the shape of the elements (_shapes).
            runner = self.constant("R", self.shapes.runner(tree))
            emit("    if type(v) is list:")
            emit(f"        if len(v) >= {_runtime.SHAPED_MINIMUM} and type(v[0]) is dict:")
            emit(f"            r = {runner}(v)")
            emit("            if r is not None: return r")
            emit(f"        if DICTS.issuperset(map(type, v)): return [_o{n}(e) for e in v]")
            emit(f"    return walk(v, _o{n}, False)")
            return
        emit("    if type(v) is list and DICTS.issuperset(map(type, v)):")
        if not self.exclude and tree.wildcard is None:
            # Every key kept whole: column by column for a long array, else the object
            # code inlined.
            whole = self.constant("K", frozenset(tree.named))
            emit(f"        if len(v) >= {_runtime.SHAPED_MINIMUM}:")
            emit(f"            r = shaped_list(v, {whole}, {self.share})")
            emit("            if r is not None: return r")
            emit(f"        r = [{{k: x for k, x in e.items() if k in {whole}}} for e in v]")
            if self.share:
                emit("        return r")
                emit(f"    return walk(v, _o{n}, {self.exclude})")
                return
            emit("        if not leaves_only(r):")
            emit("            for e in r: copy_values(e, EMPTY)")
            emit("        return r")
        else:
            emit(f"        return [_o{n}(e) for e in v]")
        emit(f"    return walk(v, _o{n}, {self.exclude})")

    def _value(self, n: int) -> None:
        emit = self.lines.append
        emit(f"def _v{n}(v):")
        emit("    t = type(v)")
        emit(f"    if t is dict: return _o{n}(v)")
        emit(f"    if t is list: return _l{n}(v)")
        if self.exclude:
            emit("    if t in ATOMS: return v")
        else:
            emit("    if v is None: return None")
            emit("    if t in ATOMS: return NOTHING")
        emit(f"    if isinstance(v, dict): return _o{n}(v)")
        emit(f"    if isinstance(v, list): return _l{n}(v)")
        emit(f"    return {'v' if self.exclude else 'NOTHING'}")
