"""Helpers that generated projectors call: copies and the generic array walk.

A JSON value here is a ``dict`` (object), a ``list`` (array) or a leaf. Subclasses of
``dict`` and ``list`` count as objects and arrays (and come out as plain ``dict`` and
``list``); any other value is a leaf and is kept by reference, which is a copy for the
immutable ``str``, ``int``, ``float``, ``bool`` and ``None`` that JSON decoders produce.

Nothing here recurses without a bound: :func:`copy` switches to an explicit stack past
:data:`_RECURSION_LIMIT` levels, and :func:`walk` (arrays inside arrays) always uses one.
Both detect a container that contains itself and raise :class:`DocumentError` instead of
looping forever.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final

from cftools.fields._errors import DocumentError

__all__ = ["ATOMS", "DICTS", "NOTHING", "copy", "copy_values", "drop", "walk"]

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
