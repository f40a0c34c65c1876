"""What every handler works with: the request context, the answers, and the registry.

A handler is a plain function ``handler(ctx) -> answer`` registered for one or more
operationIds with :func:`handles`. It reads the checked, typed parameters, the body and
the uploads from its :class:`Context`, reads and writes the store through ``ctx.tx``
(one transaction per request), takes the time from ``ctx.now``, and answers with a JSON
value, a :class:`Binary`, or ``None`` for the operations that answer with nothing. It
refuses with :class:`ApiFault`, which becomes CallFire's error body.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cftools._errors import CftoolsError
from cftools.spec import MODELS, Operation

from ._clock import Clock
from ._events import Event
from ._store import Filter, Transaction

__all__ = [
    "HANDLERS",
    "ApiFault",
    "Binary",
    "Context",
    "Handler",
    "JsonPage",
    "Upload",
    "apply_update",
    "handles",
    "json_page",
    "page",
    "parse_json",
    "public",
    "require",
    "require_key",
]


class ApiFault(CftoolsError):
    """A refusal the way CallFire answers it: status, internal code and message.

    Raised by handlers; the application turns it into the error body.
    """

    def __init__(self, status: int, message: str, internal_code: int = 0) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.internal_code = internal_code

    def body(self) -> dict[str, Any]:
        """The error body (CallFire's ``ErrorResponse``)."""
        return {
            "httpStatusCode": self.status,
            "internalCode": self.internal_code,
            "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class Binary:
    """A file answer: its bytes and media type."""

    content: bytes
    media_type: str


@dataclass(frozen=True, slots=True)
class Upload:
    """One uploaded file of a multipart request."""

    filename: str
    content: bytes
    content_type: str


@dataclass(slots=True)
class Context:
    """One request, as a handler sees it."""

    operation: Operation
    params: dict[str, Any]
    body: Any
    files: Mapping[str, Upload]
    tx: Transaction
    clock: Clock
    rng: random.Random
    username: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)

    @property
    def now(self) -> int:
        """The current time in epoch milliseconds (from the sandbox's clock)."""
        return self.clock.now_ms()

    def emit(self, resource: str, event: str, doc: Mapping[str, Any]) -> None:
        """Announce ``event`` of ``resource`` (webhook names) about ``doc``, once this
        request's transaction commits (never if the handler fails)."""
        self.events.append(Event(resource, event, public(dict(doc)), self.now))

    def param(self, name: str, default: Any = None) -> Any:
        value = self.params.get(name)
        return default if value is None else value


Handler = Callable[[Context], Any]

HANDLERS: dict[str, Handler] = {}
"""The handler of every operationId (filled by the modules of ``_resources``)."""


def handles(*operation_ids: str) -> Callable[[Handler], Handler]:
    """Register the decorated function as the handler of ``operation_ids``."""

    def register(function: Handler) -> Handler:
        for operation_id in operation_ids:
            if operation_id in HANDLERS:
                raise RuntimeError(f"two handlers for {operation_id}")
            HANDLERS[operation_id] = function
        return function

    return register


# -- Helpers shared by the resource modules ----------------------------------------------


def require(ctx: Context, kind: str, id: int, what: str | None = None) -> dict[str, Any]:
    """The document ``kind``/``id``, or a 404 naming it."""
    doc = ctx.tx.get(kind, id)
    if doc is None:
        raise ApiFault(404, f"{what or kind} {id} not found")
    return doc


def require_key(ctx: Context, kind: str, key: str, what: str | None = None) -> dict[str, Any]:
    """The document ``kind`` with natural key ``key``, or a 404 naming it."""
    doc = ctx.tx.get_by_key(kind, key)
    if doc is None:
        raise ApiFault(404, f"{what or kind} {key} not found")
    return doc


@dataclass(frozen=True, slots=True)
class JsonPage:
    """A page of stored documents kept as their JSON text: answered without decoding
    them, unless ``fields`` asks for a projection (then :meth:`to_python`)."""

    items: list[str]
    limit: int
    offset: int
    total: int

    def to_python(self) -> dict[str, Any]:
        items = json.loads("[" + ",".join(self.items) + "]")
        return {
            "items": items,
            "limit": self.limit,
            "offset": self.offset,
            "totalCount": self.total,
        }

    def to_json(self) -> bytes:
        head = '{"items":[' + ",".join(self.items) + "]"
        tail = f',"limit":{self.limit},"offset":{self.offset},"totalCount":{self.total}}}'
        return (head + tail).encode()


def json_page(
    ctx: Context, kind: str, filters: Iterable[Filter] = (), *, newest_first: bool = True
) -> JsonPage:
    """One page of ``kind`` for a find that shows the documents as stored (the fast path:
    see :func:`page`)."""
    limit, offset = limits(ctx)
    items, total = ctx.tx.find_json(
        kind, list(filters), limit=limit, offset=offset, newest_first=newest_first
    )
    return JsonPage(items, limit, offset, total)


def page(
    ctx: Context,
    kind: str,
    filters: Iterable[Filter] = (),
    *,
    shape: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    newest_first: bool = True,
) -> dict[str, Any]:
    """One page of ``kind`` for a find: ``items``, ``limit``, ``offset``, ``totalCount``.

    ``limit`` defaults to the operation's documented default; negative values are refused
    as the server refuses them. Items are the public documents, passed through ``shape``.
    """
    result = json_page(ctx, kind, filters, newest_first=newest_first).to_python()
    if shape is not None:
        result["items"] = [shape(item) for item in result["items"]]
    return result


def public(doc: dict[str, Any]) -> dict[str, Any]:
    """``doc`` without the private keys (``_...``) the sandbox keeps beside the API's."""
    return {key: value for key, value in doc.items() if not key.startswith("_")}


def limits(ctx: Context) -> tuple[int, int]:
    """The ``limit`` and ``offset`` of a paged request, defaults applied and checked."""
    parameter = ctx.operation.parameter("limit")
    default = parameter.schema.default if parameter is not None else None
    limit = ctx.param("limit", default if default is not None else 100)
    offset = ctx.param("offset", 0)
    if limit < 0:
        raise ApiFault(400, f"limit must not be negative, got {limit}")
    if offset < 0:
        raise ApiFault(400, f"offset must not be negative, got {offset}")
    return int(limit), int(offset)


def slice_page(ctx: Context, items: list[Any]) -> dict[str, Any]:
    """A page cut from a list computed in memory (fixed catalogues)."""
    limit, offset = limits(ctx)
    return {
        "items": items[offset : offset + limit],
        "limit": limit,
        "offset": offset,
        "totalCount": len(items),
    }


def writable(model: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """The properties of ``values`` a request may set on a ``model`` (not null, not
    read-only, not ``id``)."""
    properties = MODELS[model].properties
    return {
        key: value
        for key, value in values.items()
        if value is not None and key != "id" and key in properties and not properties[key].read_only
    }


def apply_update(doc: dict[str, Any], model: str, body: Any) -> dict[str, Any]:
    """``doc`` with the writable properties of ``body`` set (a PUT changes only what it
    gives, as CallFire's updates do)."""
    if isinstance(body, Mapping):
        doc.update(writable(model, body))
    return doc


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_json(data: bytes) -> Any:
    """A request body as JSON (UTF-8, no ``NaN``/``Infinity``), or a 400 saying why."""
    try:
        return json.loads(data.decode("utf-8"), parse_constant=_reject_constant)
    except UnicodeDecodeError:
        raise ApiFault(400, "the body is not UTF-8 text") from None
    except RecursionError:
        raise ApiFault(400, "the JSON body is nested too deeply") from None
    except ValueError as error:
        raise ApiFault(400, f"the body is not valid JSON: {error}") from None


def body_dict(ctx: Context) -> dict[str, Any]:
    """The body as a mapping (an absent body reads as ``{}``)."""
    return dict(ctx.body) if isinstance(ctx.body, Mapping) else {}


def body_list(ctx: Context) -> list[Any]:
    """The body as a list (an absent body reads as ``[]``)."""
    return list(ctx.body) if isinstance(ctx.body, list) else []
