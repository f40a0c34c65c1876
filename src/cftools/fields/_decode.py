"""From JSON text to the projected document: ``Projector.decode`` and :func:`decode`.

The result is, for every text and every selection, the same as
``project(json.loads(raw), selection)`` (a :class:`DecodeError` where ``json.loads``
fails). Two paths give it:

* **fused**: the selection is compiled once into a msgspec schema of what it keeps,
  and msgspec decodes the text straight into it, skipping at C speed every key that is
  not selected (it is never turned into Python objects). A node of the selection is a
  ``Struct`` type whose fields are the node's names (any key: the field names are
  ``f0``, ``f1``... renamed to the keys), with a default of ``UNSET`` so that absent
  keys stay absent; a name kept whole (``ALL``) is typed ``Any``; a name with a
  sub-selection is typed ``Struct | list[Struct | None] | None`` (an object, an array
  of objects and nulls, or null, the shapes the semantics project without dropping
  anything). A node made only of a wildcard is a ``dict`` of that child type.
  ``msgspec.to_builtins`` then turns the structs into dicts, leaving out the ``UNSET``
  fields.
* **general**: ``json.loads`` and the compiled projector.

The fused path is taken only where it is exact, and the general path in every other
case, decided in two steps:

1. when compiling: an exclusion, the blank selection, and a node with both a wildcard
   and names (``*(id),x(name)``: "any other key" has no struct form) have no schema;
2. when decoding: the schema itself refuses every shape whose projection would differ,
   by failing to validate, and the text is then decoded again by the general path.
   These are a scalar where the selection has a sub-selection (the projection drops
   it), an array inside an array, a scalar at the top level, and every text msgspec
   does not read exactly as ``json.loads`` does (``NaN``/``Infinity``, numbers out
   of range, lone surrogates, a byte-order mark, UTF-16/32, invalid JSON).

Duplicate keys: ``json.loads`` keeps the last value (at the first key's place), and so
does msgspec for a struct field and for a ``dict``; a duplicate of a key that is not
selected is skipped either way.

Key order: the fused path gives every object built from a struct its keys in the
order of the selection's names (code-point order, as ``str(selection)`` prints them),
not the document's; the general path keeps the document's order. The results are
equal (``==``); only the order of keys in projected objects can differ. Values kept
whole (under ``ALL`` or a ``*`` node) keep the document's order on both paths.

msgspec is imported on first use, so importing :mod:`cftools.fields` (or the client)
does not load it; without msgspec installed, every decode takes the general path.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any, Final

from cftools.fields._errors import DecodeError
from cftools.fields._selection import ALL, Node, Selection, Tree

__all__ = ["Fused", "fused_decoder", "load"]

#: A fused decoder: the projected document of a text, or ``FALLBACK`` (take the
#: general path).
Fused = Callable[[bytes | str], Any]

FALLBACK: Final[Any] = object()


def load(raw: bytes | str, *, strict: bool = False) -> Any:
    """``json.loads(raw)``, with every failure turned into a :class:`DecodeError`.

    With ``strict``, what is not standard JSON is refused too: ``NaN``, ``Infinity``
    and ``-Infinity``, and numbers beyond the range of a float (which would become
    ``Infinity``).
    """
    if not isinstance(raw, (bytes, bytearray, memoryview, str)):
        raise DecodeError(f"a JSON text must be bytes or str, not {type(raw).__name__}", None)
    if isinstance(raw, memoryview):
        raw = bytes(raw)
    options: dict[str, Any] = (
        {"parse_constant": _not_json, "parse_float": _finite} if strict else {}
    )
    try:
        return json.loads(raw, **options)
    except _NotJson as exc:
        raise DecodeError(exc.args[0], None) from None
    except json.JSONDecodeError as exc:
        raise DecodeError(exc.msg, exc.pos, exc.lineno, exc.colno) from None
    except UnicodeDecodeError as exc:
        raise DecodeError("not UTF-8/16/32 text", exc.start, unit="byte") from None
    except RecursionError:
        raise DecodeError("nested too deeply to decode", None) from None
    except ValueError:  # int() refuses more than 4300 digits (sys.get_int_max_str_digits)
        raise DecodeError("an integer too long to convert (over 4300 digits)", None) from None


class _NotJson(Exception):
    pass


def _not_json(constant: str) -> Any:
    raise _NotJson(f"{constant} is not a JSON value")


def _finite(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise _NotJson(f"the number {text} is too large for a float")
    return value


# --- the fused path -----------------------------------------------------------------


def fused_decoder(selection: Selection) -> Fused | None:
    """The fused decoder of ``selection``, or ``None`` when it has no schema (step 1
    above) or msgspec is not installed."""
    tree = selection.tree
    if tree is None or selection.exclude:
        return None
    try:
        import msgspec
    except ImportError:  # an optional speed-up: the general path gives the same result
        return None
    root = _Schema(msgspec).child(tree)  # the top level may be an array too (5.4)
    if root is None:
        return None
    decoder = msgspec.json.Decoder(root)
    to_builtins = msgspec.to_builtins
    failures = (msgspec.DecodeError, msgspec.ValidationError, RecursionError, UnicodeEncodeError)

    def fused(raw: bytes | str) -> Any:
        try:
            return to_builtins(decoder.decode(raw))
        except failures:  # a shape or a text the schema cannot take exactly
            return FALLBACK

    return fused


class _Schema:
    """Builds the msgspec types of one selection (one struct per distinct node)."""

    def __init__(self, msgspec: Any) -> None:
        self.msgspec = msgspec
        self.types: dict[Node, Any] = {}

    def child(self, tree: Tree) -> Any:
        """The type of a value under a name: ``Any`` for ALL, else object-or-array-or-null."""
        if tree is ALL:
            return Any
        assert isinstance(tree, Node)
        shape = self.node(tree)
        if shape is None:
            return None
        return shape | list[shape | None] | None  # type: ignore[valid-type]

    def node(self, tree: Node) -> Any:
        """The type of an object projected by ``tree``, or ``None`` (no schema)."""
        if tree in self.types:
            return self.types[tree]
        if tree.wildcard is not None:
            if tree.named:  # "any other key" next to names: no struct says that
                return None
            value = self.child(tree.wildcard)
            shape = None if value is None else dict[str, value]  # type: ignore[valid-type]
        else:
            fields: list[tuple[str, Any, Any]] = []
            rename: dict[str, str] = {}
            for number, (key, sub) in enumerate(tree.named.items()):
                value = self.child(sub)
                if value is None:
                    return None
                name = f"f{number}"
                rename[name] = key
                fields.append((name, value, self.msgspec.UNSET))
            shape = self.msgspec.defstruct(
                f"Node{len(self.types)}", fields, rename=rename, module=__name__
            )
        self.types[tree] = shape
        return shape
