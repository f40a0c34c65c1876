"""From an operation and Python values to HTTP, and back; no I/O.

Requests: path parameters are substituted into the template and percent-encoded as a
single segment (``/`` included); query values are written the way the API reads them
(booleans as ``true``/``false``, ``multi`` arrays as repeated keys, other arrays
comma-joined); ``None`` means "not given" and is left out; the JSON body is passed
through; uploads become multipart parts read into memory up front, so a retry resends
the same bytes and a missing file fails before anything is sent.

Responses: a success is decoded by the operation's response kind (JSON, nothing,
bytes, or a JSON boolean); an error status becomes the matching :class:`ApiError`,
whatever the body holds (JSON, HTML, truncated, empty).
"""

from __future__ import annotations

import functools
import json
import mimetypes
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Protocol
from urllib.parse import quote

import httpx

from cftools.client._errors import ApiError, ConfigurationError, RateLimitError, error_class
from cftools.client._types import FileInput, FilesArgument
from cftools.spec._checks import Problem, RequestValidationError, find_unencodable
from cftools.spec._operation import Operation, Parameter
from cftools.spec._schemas import Schema

__all__ = [
    "DEFAULT_ACCEPT",
    "Redact",
    "WireRequest",
    "api_error",
    "decode_success",
    "name_files",
    "parse_retry_after",
    "read_file",
    "shown_path",
    "to_wire",
]

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True, slots=True)
class WireRequest:
    """The HTTP parts of one call, ready for ``httpx`` to send (and to resend)."""

    method: str
    path: str
    query: tuple[tuple[str, str], ...]
    headers: Mapping[str, str]
    json: Any = None
    has_json: bool = False
    content: bytes | None = None
    """The JSON body, encoded once (as httpx would) so every retry sends the same bytes."""
    data: Mapping[str, str] | None = None
    files: tuple[tuple[str, tuple[str, bytes, str]], ...] = ()

    @property
    def target(self) -> str:
        """The path and the percent-encoded query string, ready to append to the base
        URL (encoded here once, so httpx only has to parse it)."""
        if not self.query:
            return self.path
        return self.path + "?" + "&".join(f"{_quote(k)}={_quote(v)}" for k, v in self.query)


# Query keys and values repeat from call to call (names, enumerations, fields
# expressions): each distinct string is percent-encoded once. Everything but the
# unreserved characters is encoded, ``,()/`` included, as the official clients do.
_quote: Callable[[str], str] = functools.lru_cache(maxsize=4096)(functools.partial(quote, safe=""))


def to_wire(
    operation: Operation,
    params: Mapping[str, Any],
    *,
    body: Any = None,
    files: Mapping[str, FileInput] | None = None,
) -> WireRequest:
    """Build the HTTP parts of ``operation`` called with ``params`` (API names).

    Parameters the operation does not declare travel in the query string: the checks
    refuse them unless validation is off, and then they are the caller's escape hatch.
    """
    declared = _parameters(operation)
    path_values: dict[str, Any] = {}
    query: list[tuple[str, str]] = []
    data: dict[str, str] = {}
    for name, value in params.items():
        if value is None:
            continue
        parameter = declared.get(name)
        if parameter is not None:
            value = _as_read(value, _item_schema(parameter))
        location = parameter.location if parameter is not None else "query"
        if location == "path":
            path_values[name] = value
        elif location == "formData":
            data[name] = _scalar(value)
        else:
            query.extend(_query_items(name, value, parameter))
    parts = _file_parts(operation, files)
    _check_encodable(operation, path_values, query, data, parts)
    headers = _accept_header(operation)
    content = None
    if body is not None:
        content = _encode_json(operation, body)
        headers = {**headers, "Content-Type": "application/json"}
    return WireRequest(
        method=operation.method,
        path=_fill_path(operation, path_values),
        query=tuple(query),
        headers=headers,
        json=body,
        has_json=body is not None,
        content=content,
        data=data or None,
        files=parts,
    )


def _encode_json(operation: Operation, body: Any) -> bytes:
    """``body`` as httpx would encode it, or a ``ConfigurationError`` naming what JSON
    cannot carry (NaN, a ``Decimal``, a ``set``, a cycle) before anything is sent."""
    try:
        text = json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError, RecursionError) as exc:
        raise ConfigurationError(
            f"{operation.operation_id}: the body cannot be sent as JSON: {exc}"
        ) from None
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        found = find_unencodable(body, "body")
        location, reason = found if found is not None else ("body", "cannot be sent as UTF-8")
        raise _unencodable(operation, location, reason) from None


# Text that UTF-8 cannot carry (a lone surrogate) is refused wherever it would travel,
# validate=False included: the checks find it in typed values first, with the other
# problems; this finds it everywhere, as a RequestValidationError naming the location.


def _unencodable(operation: Operation, location: str, reason: str) -> RequestValidationError:
    return RequestValidationError(operation.operation_id, [Problem(location, reason, "encoding")])


def _check_encodable(
    operation: Operation,
    path_values: Mapping[str, Any],
    query: list[tuple[str, str]],
    data: Mapping[str, str],
    parts: tuple[tuple[str, tuple[str, bytes, str]], ...],
) -> None:
    # Locations as the checks write them: ("query", "label") reads query.label. Nothing
    # is built unless a text is not ASCII (the common case costs one test per text).
    texts: list[tuple[Any, str]] = []
    for key, value in path_values.items():
        text = _scalar(value)
        if not text.isascii():
            texts.append((("path", key), text))
    for key, text in query:
        if not (key.isascii() and text.isascii()):
            texts += [(("query", key), key), (("query", key), text)]
    for key, text in data.items():
        if not text.isascii():
            texts.append((("formData", key), text))
    for name, (filename, _, content_type) in parts:
        texts += [((("files", name), "filename"), filename)]
        texts += [((("files", name), "content_type"), content_type)]
    for where, text in texts:
        found = find_unencodable(text, where)
        if found is not None:
            raise _unencodable(operation, *found)


_DECLARED: dict[str, tuple[Operation, dict[str, Parameter]]] = {}


def _parameters(operation: Operation) -> dict[str, Parameter]:
    """The operation's parameters by name (built once per operation)."""
    cached = _DECLARED.get(operation.operation_id)
    if cached is None or cached[0] is not operation:
        cached = (operation, {p.name: p for p in operation.parameters})
        _DECLARED[operation.operation_id] = cached
    return cached[1]


DEFAULT_ACCEPT = "application/json"
"""The ``Accept`` header the clients send by default; operations answering with other
media types override it."""


def _accept_header(operation: Operation) -> Mapping[str, str]:
    accept = ", ".join(operation.produces)
    if operation.response == "binary":  # the spec's media types for files are incomplete
        accept += ", */*;q=0.1"
    return {} if accept == DEFAULT_ACCEPT else {"Accept": accept}


def _fill_path(operation: Operation, values: Mapping[str, Any]) -> str:
    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise ConfigurationError(
                f"{operation.operation_id}: missing path parameter {name!r} (in {operation.path})"
            )
        text = _scalar(values[name])
        if not text:
            raise ConfigurationError(
                f"{operation.operation_id}: path parameter {name!r} must not be empty"
            )
        encoded = quote(text, safe="")
        # "." and ".." would be resolved away by URL normalisation, changing the target.
        return encoded.replace(".", "%2E") if encoded in (".", "..") else encoded

    if "{" not in operation.path:
        return operation.path
    return _PLACEHOLDER.sub(substitute, operation.path)


def _item_schema(parameter: Parameter) -> Schema:
    """The schema of the parameter's values (of its items, for an array)."""
    schema = parameter.schema
    if schema.type == "array" and schema.items is not None:
        return schema.items
    return schema


def _as_read(value: Any, schema: Schema) -> Any:
    """``value`` written the way the checks read it, for a parameter of this schema.

    The checks are lenient where the server is not: an integral float (``3.0``) is an
    integer, but the server's parsing refuses the ``3.0`` that ``str`` writes; blanks
    around a number, a boolean word or the members of a comma-separated list
    (``" 5 "``, ``" True"``, ``"READY, FINISHED"``) are ignored, but the server refuses
    the number and the member and reads the word as false. What the checks accepted
    travels as the server expects it; anything else goes as given.
    """
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_as_read(v, schema) for v in value]
    kind = schema.type
    if kind == "integer":
        if type(value) is float and value.is_integer():
            return int(value)
        if type(value) is str:
            return value.strip()
    elif kind == "boolean" and type(value) is str:
        word = value.strip().lower()
        return word if word in ("true", "false") else value
    elif schema.separator is not None and type(value) is str:
        return schema.separator.join(m.strip() for m in value.split(schema.separator))
    return value


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _query_items(name: str, value: Any, parameter: Parameter | None) -> list[tuple[str, str]]:
    if isinstance(value, (list, tuple, set, frozenset)):
        values = [_scalar(v) for v in value if v is not None]
        if parameter is not None and parameter.collection_format == "multi":
            return [(name, v) for v in values]
        separator = getattr(parameter.schema, "separator", None) if parameter else None
        return [(name, (separator or ",").join(values))] if values else []
    return [(name, _scalar(value))]


def _file_parameters(operation: Operation) -> list[str]:
    return [
        p.name
        for p in operation.parameters
        if p.location == "formData" and getattr(p.schema, "type", None) == "file"
    ]


def name_files(operation: Operation, files: FilesArgument | None) -> Mapping[str, FileInput] | None:
    """``files=`` as a mapping from file parameter names to files.

    A single file (not a mapping) goes to the operation's only file parameter.
    """
    if files is None or isinstance(files, Mapping):
        return files
    names = _file_parameters(operation)
    if len(names) != 1:
        raise ConfigurationError(
            f"{operation.operation_id} takes no file upload"
            if not names
            else f"{operation.operation_id}: name the file parameters {names} in files="
        )
    return {names[0]: files}


def _file_parts(
    operation: Operation, files: Mapping[str, FileInput] | None
) -> tuple[tuple[str, tuple[str, bytes, str]], ...]:
    if not files:
        return ()
    names = _file_parameters(operation)
    parts = []
    for name, item in files.items():
        if item is None:
            continue
        if name not in names:
            raise ConfigurationError(
                f"{operation.operation_id}: no file parameter {name!r} (it takes {names or 'none'})"
            )
        parts.append((name, read_file(item, default_name=name)))
    return tuple(parts)


def read_file(item: FileInput, *, default_name: str) -> tuple[str, bytes, str]:
    """Read one upload into ``(filename, content, content_type)``."""
    content_type: str | None = None
    if isinstance(item, tuple):
        if len(item) == 3:
            filename, source, content_type = item
        elif len(item) == 2:
            filename, source = item
        else:
            raise ConfigurationError(
                "a file tuple is (filename, content) or (filename, content, content_type)"
            )
        if not isinstance(filename, str):
            raise ConfigurationError(
                f"the filename of an upload tuple must be a str, not {type(filename).__name__}"
            )
        content = _read_content(source)
    elif isinstance(item, os.PathLike):
        path = os.fspath(item)
        try:
            with open(path, "rb") as handle:
                content = handle.read()
        except OSError as exc:
            raise ConfigurationError(f"cannot read the file to upload: {exc}") from exc
        filename = os.path.basename(path)
    else:
        content = _read_content(item)
        raw_name = getattr(item, "name", None)
        filename = os.path.basename(raw_name) if isinstance(raw_name, str) else default_name
    if content_type is None:
        content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    elif not isinstance(content_type, str) or _CONTROL.search(content_type):
        # It becomes a header line of the multipart body: a CR or LF would add headers.
        raise ConfigurationError(
            f"the content type of an upload must be a str without control characters, "
            f"such as 'audio/mpeg', not {content_type!r}"
        )
    return filename, content, content_type


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _read_content(source: Any) -> bytes:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source)
    if isinstance(source, str):
        raise ConfigurationError(
            "a file to upload must be bytes, a binary file object or a pathlib.Path; "
            "a str is ambiguous (wrap a path in pathlib.Path)"
        )
    read = getattr(source, "read", None)
    if read is None:
        raise ConfigurationError(
            f"cannot upload a {type(source).__name__}: pass bytes, a binary file object "
            "or a pathlib.Path"
        )
    try:
        content = read()
    except OSError as exc:
        raise ConfigurationError(f"cannot read the file to upload: {exc}") from exc
    if isinstance(content, str):
        raise ConfigurationError("the file object is in text mode; open it with 'rb'")
    return bytes(content)


# -- responses ---------------------------------------------------------------------


_NOT_JSON = object()


class Redact(Protocol):
    """Removes the credentials from text a server wrote (see ``_base.Redactor``)."""

    def __call__(self, text: str) -> str:
        """``text`` with every credential replaced."""

    def truncated(self, text: str) -> str:
        """The same for a text cut short, which may end with the start of a credential."""


class _NoRedaction:
    def __call__(self, text: str) -> str:
        return text

    def truncated(self, text: str) -> str:
        return text


_same: Redact = _NoRedaction()


def decode_success(
    operation: Operation,
    response: httpx.Response,
    redact: Redact = _same,
    decode: Callable[[bytes | str], Any] | None = None,
) -> Any:
    """The value of a successful response, by the operation's response kind; ``redact``
    cleans the body excerpt of an undecodable one. ``decode`` stands in for
    ``json.loads`` on a JSON body (a projector's ``decode``, which decodes only what it
    keeps); it raises ``ValueError`` for a body that is not JSON."""
    kind = operation.response
    if kind == "binary":
        return response.content
    if kind == "empty":
        return None
    content = response.content
    if not content.strip():
        if kind == "boolean":  # a check answers true or false, never nothing
            raise _undecodable(operation, response, "an empty body where a boolean was due", redact)
        return None
    value = _json(_text(response, content, "strict"), decode)  # data is never silently altered
    if value is _NOT_JSON:  # raised outside the handler: the decoder's error holds the body
        raise _undecodable(operation, response, "a body that is not JSON", redact)
    if value is _TOO_DEEP:
        raise _undecodable(operation, response, "JSON nested too deeply to decode", redact)
    if kind == "boolean" and not isinstance(value, bool):
        what = f"{type(value).__name__} where a boolean was due"
        raise _undecodable(operation, response, what, redact)
    return value


_TOO_DEEP = object()


def _json(content: bytes | str, decode: Callable[[bytes | str], Any] | None = None) -> Any:
    """The decoded JSON, ``_NOT_JSON``, or ``_TOO_DEEP`` for nesting the decoder cannot
    follow (``json`` raises ``RecursionError`` on a body of a few thousand ``[``; a
    projector's ``decode`` turns it into a ``ValueError`` raised while handling it)."""
    try:
        return json.loads(content) if decode is None else decode(content)
    except ValueError as exc:
        return _TOO_DEEP if isinstance(exc.__context__, RecursionError) else _NOT_JSON
    except RecursionError:
        return _TOO_DEEP


def _undecodable(
    operation: Operation, response: httpx.Response, what: str, redact: Redact
) -> ApiError:
    return ApiError(
        f"the server answered {what}: {_excerpt(response, redact)}",
        status_code=response.status_code,
        operation_id=operation.operation_id,
        method=operation.method,
        path=shown_path(response.request.url),
    )


def api_error(operation: Operation, response: httpx.Response, redact: Redact = _same) -> ApiError:
    """The exception for an error response, whatever its body holds; ``redact`` cleans
    the excerpt of a body that is not CallFire's JSON error."""
    info = {
        key: _cut(_one_line(redact(text)), _MESSAGE) for key, text in _error_body(response).items()
    }
    message = info.get("message") or info.get("developerMessage") or _excerpt(response, redact)
    if response.has_redirect_location:
        message = _redirect_message(response, redact)
    cls = error_class(response.status_code)
    error = cls(
        message,
        status_code=response.status_code,
        operation_id=operation.operation_id,
        method=operation.method,
        path=shown_path(response.request.url),
        internal_code=info.get("internalCode"),
        developer_message=info.get("developerMessage"),
        help_link=info.get("helpLink"),
    )
    if isinstance(error, RateLimitError):
        error.retry_after = parse_retry_after(response.headers.get("Retry-After"))
    return error


def _redirect_message(response: httpx.Response, redact: Redact) -> str:
    """What a redirect means for the caller: the client never follows one (to another
    host it would carry the credentials there), so the base URL is likely wrong."""
    location = _cut(_one_line(redact(response.headers["Location"])), _EXCERPT)
    return (
        f"redirected to {location}, which is not followed (a redirect could carry the "
        "credentials elsewhere); check base_url"
    )


def _error_body(response: httpx.Response) -> dict[str, str]:
    data = _json(_text(response, response.content))
    if not isinstance(data, dict):
        return {}
    keys = ("message", "internalCode", "developerMessage", "helpLink")
    return {k: str(data[k]) for k in keys if data.get(k) not in (None, "")}


def _text(response: httpx.Response, content: bytes, errors: str = "replace") -> bytes | str:
    """``content`` decoded with the charset the response declares; left as bytes (for
    ``json`` to detect the UTF flavour, or for UTF-8) when it declares none or an
    unknown one, or (``errors="strict"``) when the bytes are not in that charset."""
    charset = response.charset_encoding
    if charset is None:
        return content
    try:
        return content.decode(charset, errors=errors)
    except (LookupError, UnicodeDecodeError):
        return content


_EXCERPT = 200
_MESSAGE = 1000  # a JSON error message longer than this is cut (a server may send megabytes)


def _one_line(text: str) -> str:
    """``text`` on one line of printable characters: what a server wrote goes into
    messages and log lines, where a newline or a terminal escape would forge or hide
    lines."""
    text = "".join(ch if ch.isprintable() and ch != "\ufffd" else " " for ch in text)
    return " ".join(text.split())


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _excerpt(response: httpx.Response, redact: Redact) -> str:
    """A short, single-line, printable excerpt of a body, or the reason phrase,
    redacted before it is cut (a secret cut in half would escape the redaction)."""
    window = response.content[: _EXCERPT * 4]
    decoded = _text(response, window)
    text = decoded if isinstance(decoded, str) else decoded.decode("utf-8", errors="replace")
    # A body longer than the window may continue a credential past its end.
    text = redact.truncated(text) if len(response.content) > len(window) else redact(text)
    text = re.sub(r"<[^>]*>", " ", text)  # HTML error pages: keep the words
    text = redact(_one_line(text))
    if not text:
        return response.reason_phrase or "no error body"
    return _cut(text, _EXCERPT)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date)."""
    if value is None:
        return None
    value = value.strip()
    if _SECONDS.fullmatch(value):
        # Digits only: float() would also take 'inf', 'nan', '1e9' and '1_0'.
        seconds = float(value)
    else:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - datetime.now(timezone.utc)).total_seconds()
    return max(0.0, seconds)


_SECONDS = re.compile(r"[+-]?[0-9]{1,12}(?:\.[0-9]{1,6})?")


def shown_path(url: httpx.URL) -> str:
    """The path of ``url`` as errors show it: percent-escapes decoded, except for the
    characters that cannot be shown (a CR/LF in a path value must not split the log
    line an error lands in), which stay escaped."""
    path = url.path
    if path.isprintable():
        return path
    return "".join(c if c.isprintable() else quote(c, safe="") for c in path)
