"""Walking a list operation page by page; no I/O.

CallFire pages with ``limit`` and ``offset`` and answers ``{"items": [...], "limit",
"offset", "totalCount"}``, where ``totalCount`` is ``-1`` when unknown. The pager asks
for the next page until one of these holds:

* a page comes back empty;
* ``offset`` has reached a known ``totalCount`` (the offset advances by the number of
  items actually returned, so a server that caps ``limit`` lower is followed
  correctly);
* ``totalCount`` is unknown or absent and a page holds fewer items than asked for
  (the rule the API documents for ``Page.limit``), or than the page's own ``limit``
  says the server served when it caps the page size;
* ``max_items`` items have been produced (the last request asks only for what is
  still wanted).

Two checks keep a walk from repeating items or running for ever, whatever
``totalCount`` claims; each ends the iteration with an error saying what the server
did, after the items of the good pages:

* a page whose own ``offset`` is not the one asked for (a server that ignores
  ``offset``). A negative ``offset`` is no offset at all and is not compared: it is
  what mock servers such as Prism fill in from the spec's int32 type;
* a page that repeats the previous one: the same body, byte for byte, or, when the
  page was decoded whole, the same items. A server that sends no usable ``offset`` is
  caught by this one.

Each page moves the offset on by the number of items it holds, and an empty page ends
the walk. A ``project=True`` page decoded straight into its projection is compared by the
text of its whole ``items`` as sent (projected items may repeat legitimately, so they are
not what is compared).

The paging keys are read before any client-side projection. With ``project=True`` and
an inclusion list, each page is decoded straight into its projection
(:meth:`cftools.fields.Projector.decode`) by the user's expression widened with
``limit``, ``offset`` and ``totalCount``, which never changes the items; the items are
counted in it (a projection that would drop some takes the general path, which hands
the whole page back).

A ``fields`` expression travels to the server too, and there it may drop the paging
keys: an inclusion list such as ``items(id)`` returns only ``items``. The pager therefore
sends ``totalCount,`` in front of an inclusion expression that would lose it (the union
with a top-level key never changes the items), and falls back on the short-page rule
when an exclusion expression removes it. An expression that removes ``items`` itself
leaves nothing to iterate and is refused before any request.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from cftools.client._errors import ConfigurationError
from cftools.spec._operation import Operation

if TYPE_CHECKING:  # cftools.fields (and Lark) load only when fields are used
    from cftools.fields import Projector

__all__ = ["DEFAULT_PAGE_SIZE", "Pager", "check_integer"]

DEFAULT_PAGE_SIZE = 100
_DIGITS = re.compile(r"\+?[0-9]+")  # ASCII only: str.isdigit() also takes '²', int() not
_PROBE_PAGE: dict[str, Any] = {"items": [{}], "limit": 1, "offset": 0, "totalCount": 1}


class Pager:
    """The state of one iteration over a list operation.

    ``next_params()`` gives the parameters of the next request (or ``None`` when the
    iteration is over); ``feed(page, limit, body)`` takes the decoded page (by
    ``decode`` when that is set) and its body, and returns the items to produce,
    projected when ``project`` is set.
    """

    __slots__ = (
        "_base", "_decoder", "_done", "_max_items", "_offset", "_page_size", "_previous",
        "_produced", "_project", "_whole", "decode", "problem",
    )  # fmt: skip

    def __init__(
        self,
        operation: Operation,
        params: Mapping[str, Any],
        *,
        page_size: int | None,
        max_items: int | None,
        projector: Projector | None,
        project: bool,
        compile_fields: Callable[[str], Projector] | None = None,
    ) -> None:
        if not operation.paged:
            raise ConfigurationError(
                f"{operation.operation_id} is not a paged list operation; call it directly"
            )
        base = {k: v for k, v in params.items() if v is not None}
        # limit= and offset= are API parameters: like every integer parameter they may
        # be given as digit strings ("100"), which the checks accept too.
        limit = check_integer("limit", base.pop("limit", None), minimum=1)
        offset = check_integer("offset", base.pop("offset", 0), minimum=0)
        if page_size is not None and limit is not None and page_size != limit:
            raise ConfigurationError("give the page size as page_size= or limit=, not both")
        if page_size is not None:
            check_integer("page_size", page_size, minimum=1, strings=False)
        size = page_size if page_size is not None else limit
        size = DEFAULT_PAGE_SIZE if size is None else size
        if max_items is not None:
            check_integer("max_items", max_items, minimum=0, strings=False)
        fields = base.get("fields")
        if projector is not None and isinstance(fields, str):
            base["fields"] = _server_fields(operation, fields, projector, compile_fields)
        self._base = base
        self._page_size = size
        self._max_items = max_items
        self._offset = offset
        self._produced = 0
        self._done = max_items == 0
        self._project = projector if project else None
        self._decoder = None
        if self._project is not None and compile_fields is not None:
            self._decoder = _page_decoder(fields, compile_fields)
        #: What the client decodes a page body with, or ``None`` for ``json.loads``.
        self.decode: Callable[[bytes | str], Any] | None = (
            None if self._decoder is None else self._decode
        )
        self._whole: Any = None  # the last page decoded whole by ``decode``, if any
        self._previous: tuple[bytes, list[Any] | None] | None = None
        #: Why the last page fed could not be used (``feed`` returned ``None``).
        self.problem = "the response is not a page: it has no 'items' list"

    def _decode(self, body: bytes | str) -> Any:
        assert self._decoder is not None
        projected, _, self._whole = self._decoder.decode_document(body)
        return projected

    def next_params(self) -> dict[str, Any] | None:
        """The parameters of the next page request, or ``None`` when done."""
        if self._done:
            return None
        limit = self._page_size
        if self._max_items is not None:
            limit = min(limit, self._max_items - self._produced)
        return {**self._base, "limit": limit, "offset": self._offset}

    def feed(self, page: Any, limit: int, body: bytes = b"") -> list[Any] | None:
        """Take a page fetched with ``limit`` (decoded by :attr:`decode` when set, from
        ``body``); return the items to produce, or ``None`` when the page cannot be used
        (``problem`` says why)."""
        projected: Any = None
        if self._decoder is not None:  # the page is the projection; the whole page or None
            projected, page = page, self._whole
            self._whole = None
        source: Any = projected if page is None else page
        raw = source.get("items") if isinstance(source, dict) else None
        if not isinstance(raw, list):
            self._done = True
            return None
        count = len(raw)
        total = source.get("totalCount")
        known = _count(total) and total >= 0
        # A server that caps the page size says so in the page's own limit: a page of
        # that many items is full, not the last one.
        served = source.get("limit")
        if _count(served) and 0 < served < limit:
            limit = served
        problem = self._check_progress(source.get("offset"), count, body, page)
        if problem:
            self._done = True
            self.problem = problem
            return None
        if projected is not None:
            items = projected.get("items", []) if isinstance(projected, dict) else []
        elif self._project is not None:
            kept = self._project(page, copy=False)  # the page was decoded for us
            items = kept.get("items", []) if isinstance(kept, dict) else []
        else:
            items = raw
        self._offset += count
        if count == 0 or (known and self._offset >= total) or (not known and count < limit):
            self._done = True
        if self._max_items is not None:
            items = items[: self._max_items - self._produced]
            self._produced += len(items)
            if self._produced >= self._max_items:
                self._done = True
        return list(items)

    def _check_progress(self, echoed: Any, count: int, body: bytes, page: Any) -> str:
        """Why this page cannot be followed (another offset than asked, or the previous
        page again), or ``""``."""
        if _count(echoed) and echoed >= 0 and echoed != self._offset:
            return (
                f"the page asked for at offset={self._offset} came back with "
                f"offset={echoed}: the server does not page as asked, so paging stops "
                "here rather than repeat items"
            )
        items: Any = page.get("items") if isinstance(page, dict) else None
        if page is None and body:  # decoded straight into its projection: compare the
            items = _raw_items(body)  # text of the whole items, not the projected ones
        previous, self._previous = self._previous, (body, items)
        if count and previous is not None:
            same_body = bool(body) and body == previous[0]
            if same_body or (items is not None and items == previous[1]):
                return (
                    f"the page at offset={self._offset} repeats the previous page "
                    f"(offset={self._offset - count}): the server ignores offset, so "
                    "paging stops here rather than repeat items"
                )
        return ""


def _raw_items(body: bytes | str) -> bytes | None:
    """The JSON text of the page's ``items``, as sent (``None`` when it cannot be read).

    Only a page the fused decoder took comes here, so msgspec is there and the body is
    one JSON object; its members are skipped over, not built."""
    import msgspec

    try:
        members = msgspec.json.decode(body, type=dict[str, msgspec.Raw])
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None
    items = members.get("items")
    return None if items is None else bytes(items)


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_integer(name: str, value: Any, *, minimum: int, strings: bool = True) -> Any:
    """``value`` as an ``int`` (``None`` passes), or a ``ConfigurationError``."""
    if value is None:
        return None
    if strings and isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        what = "a positive" if minimum == 1 else "a non-negative"
        raise ConfigurationError(f"{name} must be {what} integer, not {value!r}")
    return value


def _server_fields(
    operation: Operation,
    fields: str,
    projector: Projector,
    compile_fields: Callable[[str], Projector] | None,
) -> str:
    """The ``fields`` to send so that pages keep what paging needs.

    The projector itself is the judge: it is tried on a tiny page to see what the
    expression keeps, so no part of the ``fields`` language is re-implemented here.
    """
    kept = projector(_PROBE_PAGE)
    if not isinstance(kept, dict) or "items" not in kept:
        raise ConfigurationError(
            f"{operation.operation_id}: fields={fields!r} removes 'items', so there is "
            "nothing to paginate; select items(...) instead"
        )
    if "totalCount" in kept or compile_fields is None:
        return fields
    candidate = f"totalCount,{fields}"
    try:
        widened = compile_fields(candidate)(_PROBE_PAGE)
    except ValueError:  # an exclusion list cannot be widened: the short-page rule holds
        return fields
    return candidate if isinstance(widened, dict) and "totalCount" in widened else fields


def _page_decoder(fields: Any, compile_fields: Callable[[str], Projector]) -> Projector | None:
    """The projector pages are decoded with: the user's inclusion list widened with the
    paging keys (a union with top-level keys, which never changes the items), or
    ``None`` for an exclusion list or no expression (decoded whole, projected after)."""
    if not isinstance(fields, str):
        return None
    projector = compile_fields(fields)
    selection = projector.selection
    if selection.exclude or selection.identity:
        return None
    widened: Projector = compile_fields(str(selection | compile_fields(_PAGING).selection))
    return widened


_PAGING = "limit,offset,totalCount"
