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

A full page whose own ``offset`` is not the one asked for, when the total is unknown
(a server, or a test double, that ignores ``offset``), ends the iteration with an
error: following it would repeat the same items for ever. Mock servers that fill
``offset`` with sample values still page, since a known total or a short page ends the
walk first.

The paging keys are read from the raw page, before any client-side projection. A
``fields`` expression travels to the server too, and there it may drop them: an
inclusion list such as ``items(id)`` returns only ``items``. The pager therefore sends
``totalCount,`` in front of an inclusion expression that would lose it (the union with
a top-level key never changes the items), and falls back on the short-page rule when an
exclusion expression removes it. An expression that removes ``items`` itself leaves
nothing to iterate and is refused before any request.
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
    iteration is over); ``feed(page)`` takes the decoded page and returns the items to
    produce, projected when ``project`` is set.
    """

    __slots__ = (
        "_base", "_done", "_max_items", "_offset", "_page_size", "_produced", "_project",
        "problem",
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
        #: Why the last page fed could not be used (``feed`` returned ``None``).
        self.problem = "the response is not a page: it has no 'items' list"

    def next_params(self) -> dict[str, Any] | None:
        """The parameters of the next page request, or ``None`` when done."""
        if self._done:
            return None
        limit = self._page_size
        if self._max_items is not None:
            limit = min(limit, self._max_items - self._produced)
        return {**self._base, "limit": limit, "offset": self._offset}

    def feed(self, page: Any, limit: int) -> list[Any] | None:
        """Take a decoded page fetched with ``limit``; return the items to produce, or
        ``None`` when the page cannot be used (``problem`` says why)."""
        raw = page.get("items") if isinstance(page, dict) else None
        if not isinstance(raw, list):
            self._done = True
            return None
        count = len(raw)
        total = page.get("totalCount")
        known = _count(total) and total >= 0
        # A server that caps the page size says so in the page's own limit: a page of
        # that many items is full, not the last one.
        served = page.get("limit")
        if _count(served) and 0 < served < limit:
            limit = served
        echoed = page.get("offset")
        if count and not known and count >= limit and _count(echoed) and echoed != self._offset:
            # Only the total could end this walk, and the server does not say it.
            self._done = True
            self.problem = (
                f"the page asked for at offset={self._offset} came back with "
                f"offset={echoed}: the server does not page as asked, and with no "
                "total to stop at, paging stops here rather than repeat items for ever"
            )
            return None
        items = raw
        if self._project is not None:
            projected = self._project(page, copy=False)  # the page was decoded for us
            items = projected.get("items", []) if isinstance(projected, dict) else []
        self._offset += count
        if count == 0 or (known and self._offset >= total) or (not known and count < limit):
            self._done = True
        if self._max_items is not None:
            items = items[: self._max_items - self._produced]
            self._produced += len(items)
            if self._produced >= self._max_items:
                self._done = True
        return list(items)


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
