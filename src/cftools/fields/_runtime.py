"""Helpers that generated projectors call: copies, the generic array walk, and the
column-wise fast path for pages (long arrays of same-shaped objects).

A JSON value here is a ``dict`` (object), a ``list`` (array) or a leaf. Subclasses of
``dict`` and ``list`` count as objects and arrays (and come out as plain ``dict`` and
``list``); any other value is a leaf and is kept by reference, which is a copy for the
immutable ``str``, ``int``, ``float``, ``bool`` and ``None`` that JSON decoders produce.

Nothing here recurses without a bound: :func:`copy` switches to an explicit stack past
:data:`_RECURSION_LIMIT` levels, and :func:`walk` (arrays inside arrays) always uses one.
Both detect a container that contains itself and raise :class:`DocumentError` instead of
looping forever.

The fast paths test "no container here" by hashing (dicts and lists are unhashable);
the one input this misjudges is a subclass of ``dict`` or ``list`` that defines
``__hash__``, which would be kept by reference instead of copied.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from operator import itemgetter
from typing import Any, Final

from cftools.fields._errors import DocumentError

__all__ = [
    "ATOMS",
    "DICTS",
    "NOTHING",
    "copy",
    "copy_values",
    "drop",
    "keep_values",
    "leaves_only",
    "shaped_list",
    "share",
    "walk",
]

#: Leaf types that need no copy (exact types; checked with ``type(x) in ATOMS``).
ATOMS: Final = frozenset({str, int, float, bool, type(None)})
#: ``DICTS.issuperset(map(type, xs))`` tells, at C speed, that ``xs`` holds only dicts.
DICTS: Final = frozenset({dict})

# Levels copied by plain recursion before the explicit-stack copy takes over.
_RECURSION_LIMIT: Final = 48


class _Nothing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "NOTHING"


#: What a projection returns for a value that must not appear in the output.
NOTHING: Final[Any] = _Nothing()


def drop(value: object) -> Any:
    """A child projection that removes its value (exclusion of a whole key)."""
    return NOTHING


def copy(value: Any, depth: int = 0) -> Any:
    """Return a deep copy of a JSON value (new containers, leaves shared)."""
    cls = type(value)
    if cls is dict or (cls is not list and isinstance(value, dict)):
        if depth >= _RECURSION_LIMIT:
            return _copy_deep(value)
        depth += 1
        return {k: x if type(x) in ATOMS else copy(x, depth) for k, x in value.items()}
    if cls is list or isinstance(value, list):
        if depth >= _RECURSION_LIMIT:
            return _copy_deep(value)
        depth += 1
        return [x if type(x) in ATOMS else copy(x, depth) for x in value]
    return value


def share(value: Any) -> Any:
    """Stands in for :func:`copy` in projectors that may share kept subtrees with the
    input (``Projector(data, copy=False)``): the value itself."""
    return value


def keep_values(target: dict[Any, Any], skip: frozenset[Any]) -> None:
    """Stands in for :func:`copy_values` in projectors that may share kept subtrees."""


def copy_values(target: dict[Any, Any], skip: frozenset[Any]) -> None:
    """Replace, in place, every container value of ``target`` by a deep copy, except under
    the keys in ``skip`` (whose values a sub-selection replaces anyway)."""
    for key, value in list(target.items()):
        if type(value) not in ATOMS and key not in skip:
            target[key] = copy(value)


def _copy_deep(value: Any) -> Any:
    """:func:`copy` with an explicit stack, for documents of any depth."""
    root, children = _shell(value)
    # Each frame: the remaining children of one container, where to put them, and the id
    # of the source container (to detect cycles along the current path).
    stack: list[tuple[Iterator[tuple[Any, Any]], Any, int]] = [(children, root, id(value))]
    on_path = {id(value)}
    while stack:
        children, target, ident = stack[-1]
        for key, child in children:
            if type(child) in ATOMS or not isinstance(child, (dict, list)):
                _put(target, key, child)
                continue
            if id(child) in on_path:
                raise DocumentError("the document contains itself (a reference cycle)")
            shell, grandchildren = _shell(child)
            _put(target, key, shell)
            on_path.add(id(child))
            stack.append((grandchildren, shell, id(child)))
            break
        else:
            stack.pop()
            on_path.discard(ident)
    return root


def _shell(value: Any) -> tuple[Any, Iterator[tuple[Any, Any]]]:
    if isinstance(value, dict):
        return {}, iter(list(value.items()))
    return [], iter(list(enumerate(value)))


def _put(target: Any, key: Any, value: Any) -> None:
    if type(target) is dict:
        target[key] = value
    else:
        target.append(value)


def walk(items: list[Any], project: Callable[[Any], Any], keep_leaves: bool) -> list[Any]:
    """Project an array that is not simply a list of objects: objects go through
    ``project``, nested arrays are walked the same way (to any depth), ``None`` stays,
    and other leaves stay only if ``keep_leaves`` (exclusion) and are dropped otherwise
    (inclusion of a sub-selection)."""
    out: list[Any] = []
    stack: list[tuple[Iterator[Any], list[Any], int]] = [(iter(items), out, id(items))]
    on_path = {id(items)}
    while stack:
        elements, target, ident = stack[-1]
        for element in elements:
            cls = type(element)
            if cls is dict or (cls is not list and isinstance(element, dict)):
                target.append(project(element))
            elif cls is list or isinstance(element, list):
                if id(element) in on_path:
                    raise DocumentError("the document contains itself (a reference cycle)")
                inner: list[Any] = []
                target.append(inner)
                on_path.add(id(element))
                stack.append((iter(element), inner, id(element)))
                break
            elif element is None or keep_leaves:
                target.append(element)
        else:
            stack.pop()
            on_path.discard(ident)
    return out


# --- the fast path for pages: a long array of same-shaped objects ---------------------

#: Arrays shorter than this take the general path (the fast one has a fixed set-up cost).
SHAPED_MINIMUM: Final = 16
_BUILDERS: dict[tuple[str, ...], Callable[[list[Any]], list[dict[str, Any]]]] = {}
_BUILDERS_LIMIT: Final = 256


def leaves_only(rows: list[dict[Any, Any]]) -> bool:
    """True when no value of these objects is a container (so none needs a copy).

    Hashing is the C-speed test: dicts and lists are unhashable, JSON leaves hashable.
    Any failure (an unhashable leaf such as a tuple holding a list, a leaf object whose
    ``__hash__`` raises) just answers False and sends the caller to the exact path.
    """
    try:
        hash(tuple(map(tuple, map(dict.values, rows))))
    except Exception:
        return False
    return True


def shaped_list(
    items: list[dict[Any, Any]], keys: frozenset[Any], share: bool = False
) -> list[dict[Any, Any]] | None:
    """Project ``items`` (objects only) for an inclusion node whose selected ``keys`` are
    all kept whole, column by column; return ``None`` when this does not apply and the
    caller must go item by item.

    It applies when every item has the same keys in the same order (one C-level tuple
    per item to check) and no selected value is a container (hashing them is the C-speed
    test: dicts and lists are unhashable). The selected values are then read with one
    ``itemgetter`` per item and the rows built by a comprehension compiled for that key
    order, a constant-key dict display with no per-key test. (Nodes with sub-selections
    have their own shape-specialised code, in ``_shapes``.) With ``share`` (a projector
    that may share kept subtrees with its input) containers are fine and not looked for.

    One selected key (``items/id``) needs no shape at all, since key order cannot
    matter: the values are read with one ``itemgetter`` pass, and the page applies when
    every item has the key and (unless ``share``) every value is a JSON leaf.
    """
    if len(keys) == 1:
        (key,) = keys
        try:
            values = list(map(itemgetter(key), items))
        except KeyError:  # some item lacks it: the general path leaves that one empty
            return None
        if not share and not ATOMS.issuperset(map(type, values)):
            return None
        return [{key: value} for value in values]
    shape = tuple(items[0])
    if not all(map(shape.__eq__, map(tuple, items))):
        return None
    order = tuple(k for k in shape if k in keys)
    if not order:
        return [{} for _ in items]
    if not all(type(k) is str for k in order):
        return None
    values = list(map(itemgetter(*order), items))
    if share:
        return _builder(order)(values)
    try:
        hash(tuple(values))
    except Exception:  # a container, or an odd leaf: the general path decides
        return None
    return _builder(order)(values)


def _builder(order: tuple[str, ...]) -> Callable[[list[Any]], list[dict[str, Any]]]:
    """A comprehension building one dict per row, compiled for this key order, from rows
    of values (what ``itemgetter`` returns: a value for one key, a tuple for several)."""
    build = _BUILDERS.get(order)
    if build is None:
        names = [f"a{i}" for i in range(len(order))]
        entries = ", ".join(f"{key!r}: {name}" for key, name in zip(order, names, strict=True))
        source = f"lambda rows: [{{{entries}}} for {', '.join(names)} in rows]"
        # Keys appear only as repr() literals of exact str; no builtin is needed.
        build = eval(source, {"__builtins__": {}})
        if len(_BUILDERS) >= _BUILDERS_LIMIT:
            _BUILDERS.clear()
        _BUILDERS[order] = build
    return build
