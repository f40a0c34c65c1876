"""CallFire's ``fields`` partial-response language, parsed and applied client-side.

A ``fields`` expression such as ``totalCount,items(id,contact/homePhone)`` names the
parts of a response to keep; ``!`` in front of it names the parts to remove instead.
This package parses expressions with the Lark grammar ``grammars/fields.lark`` into an
immutable :class:`Selection`, and compiles selections into :class:`Projector` functions
(generated Python, as fast as a hand-written comprehension) that apply them to decoded
JSON exactly as the cftools fields semantics specify: absent keys omitted, arrays
traversed element-wise at any depth, document key order kept, the input never modified.

A blank expression (``None``, ``""`` or only whitespace) means "no projection": the
projector returns a deep copy of the document, and ``str()`` of its selection is ``""``.

Quick use::

    from cftools import fields

    fields.project(page, "totalCount,items(id,state)")   # one call
    keep = fields.compile("items(id,state)")             # cached, reusable
    keep(page)
    fields.parse("items/id") == fields.parse("items(id)")  # True
    fields.decode(raw_bytes, "items/id")  # JSON text to projection, skipping the rest

:func:`decode` (and :meth:`Projector.decode`) equals ``project(json.loads(raw), ...)``;
where the selection allows, msgspec decodes only what it keeps, and objects built by
the selection then list their keys in the selection's order (see ``_decode``).

Projection does not validate names (an unknown name selects nothing, as a misspelled
optional field would). :func:`check` does, against a shape given as a plain nested
mapping: :mod:`cftools.spec` gives the shape of every operation's response, and the
client checks ``fields`` with it before sending::

    fields.check("items(toNumbr)", {"items": {"toNumber": None}})
    # [UnknownName(path='items/toNumbr', name='toNumbr', suggestion='toNumber')]
"""

from __future__ import annotations

from cftools.fields._check import Shape, UnknownName, check
from cftools.fields._errors import (
    DecodeError,
    DocumentError,
    FieldsError,
    FieldsSyntaxError,
    FieldsTypeError,
)
from cftools.fields._parser import MAX_LENGTH, parse
from cftools.fields._projector import CACHE_SIZE, Projector, compile, decode, project
from cftools.fields._selection import MAX_DEPTH, Selection

__all__ = [
    "CACHE_SIZE",
    "MAX_DEPTH",
    "MAX_LENGTH",
    "DecodeError",
    "DocumentError",
    "FieldsError",
    "FieldsSyntaxError",
    "FieldsTypeError",
    "Projector",
    "Selection",
    "Shape",
    "UnknownName",
    "check",
    "compile",
    "decode",
    "parse",
    "project",
]
