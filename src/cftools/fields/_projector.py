"""Projectors: compiled selections, and the cached :func:`compile` / :func:`project`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Final

from cftools.fields._codegen import generate
from cftools.fields._decode import FALLBACK, Fused, fused_decoder, load
from cftools.fields._parser import CACHED_LENGTH, parse
from cftools.fields._selection import Selection

__all__ = ["CACHE_SIZE", "Projector", "compile", "decode", "project"]

#: How many compiled expressions :func:`compile` keeps (least recently used go first).
CACHE_SIZE: Final = 256


class Projector:
    """A compiled selection: call it with a decoded JSON document to project it.

    The call builds a new document (input never modified, nothing shared with it) whose
    objects keep the document's key order. Get projectors from :func:`compile`, which
    caches them; ``Projector(selection)`` compiles without the cache.

    :meth:`decode` goes from JSON text to the projection, decoding only what the
    selection keeps where it can.
    """

    __module__ = "cftools.fields"
    __slots__ = ("_function", "_fused", "_sharing", "selection", "source")

    selection: Selection
    """The selection this projector applies."""
    source: str
    """The generated Python source (for inspection and debugging)."""

    def __init__(self, selection: Selection) -> None:
        function, source = generate(selection)
        self.selection = selection
        self.source = source
        self._function = function
        self._sharing: Callable[[Any], Any] | None = None
        self._fused: Fused | object | None = _UNBUILT

    def __call__(self, data: Any, *, copy: bool = True) -> Any:
        """Return the projection of ``data`` (a decoded JSON document).

        With ``copy=False`` the result may share with ``data`` the subtrees it keeps
        whole (a selected object or array, everything under a ``*`` or left by an
        exclusion, the whole document for a blank expression), which saves copying them
        when the caller owns ``data`` and will not use it otherwise, e.g. a response it
        has just decoded. The result is equal to the copying one; the objects and arrays
        the projection builds are new, and ``data`` is never modified either way.

        Raises :class:`DocumentError` only for a document that contains itself (with
        ``copy=False``, only where the projection walks into the cycle).
        """
        if copy:
            return self._function(data)
        sharing = self._sharing
        if sharing is None:  # generated on first use: most projectors never need it
            sharing = self._sharing = generate(self.selection, share=True)[0]
        return sharing(data)

    def decode(self, raw: bytes | str, *, strict: bool = False) -> Any:
        """Return the projection of the JSON text ``raw``: equal to
        ``self(json.loads(raw))`` for every text (see the key order below).

        Where the selection allows it, the text is decoded straight into the projection
        (msgspec, skipping what is not selected: the fused path); otherwise, or when the
        document has a shape the fused path cannot project exactly, ``json.loads`` and
        this projector do it (the general path). On the fused path, objects built by
        the selection list their keys in the selection's order (names in code-point
        order) instead of the document's; the results are equal either way. Raises
        :class:`DecodeError` for a text that is not JSON, whichever path ran; with
        ``strict``, also for ``NaN``, ``Infinity`` and numbers beyond the float range,
        which ``json.loads`` accepts.
        """
        return self.decode_document(raw, strict=strict)[0]

    def decode_document(self, raw: bytes | str, *, strict: bool = False) -> tuple[Any, bool, Any]:
        """:meth:`decode`, as ``(projection, fused, document)``: whether the fused path
        ran, and the whole decoded document when the general path did (``None`` after
        the fused path, which decodes nothing else).

        On the fused path every array the selection walks keeps its length (a shape
        that would lose elements takes the general path), which a pager relies on to
        count the items of a page it never decoded whole.
        """
        fused = self._fused
        if fused is _UNBUILT:
            fused = self._fused = fused_decoder(self.selection)
        if fused is not None and type(raw) in _TEXTS:
            result = fused(raw)  # type: ignore[operator]
            if result is not FALLBACK:
                return result, True, None
        document = load(raw, strict=strict)
        return self(document, copy=False), False, document  # the document is ours alone

    @property
    def fused(self) -> bool:
        """True when :meth:`decode` has a fused path for this selection (an inclusion
        without ``*`` next to names; msgspec installed)."""
        if self._fused is _UNBUILT:
            self._fused = fused_decoder(self.selection)
        return self._fused is not None

    def __repr__(self) -> str:
        return f"<cftools.fields.Projector {str(self.selection)!r}>"

    def __reduce__(self) -> tuple[object, tuple[Selection]]:
        # The generated functions cannot be pickled (multiprocessing sends projectors to
        # worker processes): the selection travels, and is compiled again there.
        return (compile, (self.selection,))


_UNBUILT: Any = object()
_TEXTS = (bytes, str)


def compile(expression: str | Selection | None) -> Projector:
    """Return the projector of ``expression`` (a string, a :class:`Selection` or ``None``).

    Projectors are cached by expression and by selection (at most :data:`CACHE_SIZE`
    of each, least recently used dropped first), so calling this for every request is
    cheap; expressions over 4096 characters are compiled afresh each time. Raises
    :class:`FieldsSyntaxError` / :class:`FieldsTypeError` like :func:`parse`.
    """
    if isinstance(expression, Selection):
        return _compile_selection(expression)
    if expression is None or (type(expression) is str and len(expression) <= CACHED_LENGTH):
        return _compile_text(expression)
    return Projector(parse(expression))  # too long to cache, or not a str (parse raises)


@functools.lru_cache(maxsize=CACHE_SIZE)
def _compile_text(expression: str | None) -> Projector:
    return _compile_selection(parse(expression))


@functools.lru_cache(maxsize=CACHE_SIZE)
def _compile_selection(selection: Selection) -> Projector:
    return Projector(selection)


def project(data: Any, expression: str | Selection | None, *, copy: bool = True) -> Any:
    """Return ``data`` projected by ``expression``: ``compile(expression)(data, copy=copy)``
    (see :meth:`Projector.__call__` for ``copy=False``)."""
    return compile(expression)(data, copy=copy)


def decode(raw: bytes | str, expression: str | Selection | None, *, strict: bool = False) -> Any:
    """Return the JSON text ``raw`` decoded and projected by ``expression``:
    ``compile(expression).decode(raw, strict=strict)``, equal to
    ``project(json.loads(raw), expression)`` but faster and lighter where the selection
    allows (see :meth:`Projector.decode`). Raises :class:`DecodeError` for a text that
    is not JSON, and :class:`FieldsSyntaxError` for a malformed expression."""
    return compile(expression).decode(raw, strict=strict)
