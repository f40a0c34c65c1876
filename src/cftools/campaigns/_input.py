"""Reading recipients: CSV or JSON Lines files, or any re-iterable of mappings; no I/O
until iterated, and never more than one row in memory.

A campaign reads its recipients twice (first to check every row before anything is
sent, then to send), so a source must be re-iterable: a :class:`RecipientFile` reopens
its file on each pass; a list or any other iterable whose ``iter()`` starts afresh works
too. A one-shot iterator is refused with :class:`InputError`.

CSV: the first row is the header. One column holds the phone number, found leniently
(``phoneNumber``, ``phone``, ``Phone Number``, ``phone_number``, ``number``, ``mobile``,
``cell``, ``to``...: case, blanks, ``_`` and ``-`` are ignored); ``contactId`` and
``fromNumber`` columns map to those properties; every other column becomes a recipient
attribute named by its header. Empty cells are left out. Blanks, dots, dashes and
brackets are removed from phone numbers (``(213) 555-1100`` reads as ``2135551100``).

JSON Lines: one JSON object per line, with the API's own property names
(``{"phoneNumber": "12135551100", "attributes": {"name": "Ada"}}``); blank lines are
skipped. A line that is not a JSON object is an invalid row, not a fatal error.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from cftools.campaigns._errors import InputError

__all__ = ["RecipientFile", "Row", "read_recipients", "rows_of"]

Format = Literal["csv", "jsonl"]

_FOLD = re.compile(r"[\s_\-.]+")
_PHONE_NOISE = re.compile(r"[\s().\-]")
_PHONE_HEADERS = frozenset(
    {
        "phonenumber", "phone", "phoneno", "number", "tonumber", "to", "mobile",
        "mobilenumber", "mobilephone", "cell", "cellphone", "cellnumber", "msisdn",
    }
)  # fmt: skip
_PROPERTY_HEADERS = {"contactid": "contactId", "fromnumber": "fromNumber"}


@dataclass(frozen=True, slots=True)
class Row:
    """One input row: its 1-based line (item number for an iterable), and either the
    recipient it reads as or why it cannot be read (``error``)."""

    line: int
    recipient: dict[str, Any] | None
    error: str | None = None


class RecipientFile:
    """A CSV or JSON Lines file of recipients, re-read from disk on every iteration.

    ``format`` is ``"csv"`` or ``"jsonl"``; by default it follows the extension
    (``.jsonl``, ``.ndjson``, ``.json`` read as JSON Lines) and otherwise the first
    character (``{``: JSON Lines).
    """

    def __init__(self, path: str | os.PathLike[str], *, format: Format | None = None) -> None:
        self.path = os.fspath(path)
        if self.path == "-":
            raise InputError(
                "recipients cannot come from standard input: they are read twice "
                "(checked, then sent); save them to a file"
            )
        if not os.path.isfile(self.path):
            raise InputError("no such file", source=self.path)
        self.format: Format = format or _sniff(self.path)

    def __repr__(self) -> str:
        return f"RecipientFile({self.path!r}, format={self.format!r})"

    def __iter__(self) -> Iterator[Row]:
        try:
            with open(self.path, encoding="utf-8-sig", newline="") as handle:
                if self.format == "jsonl":
                    yield from _jsonl_rows(handle)
                else:
                    yield from _csv_rows(handle, self.path)
        except UnicodeDecodeError as exc:
            raise InputError(f"not UTF-8 text: {exc.reason}", source=self.path) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", source=self.path) from None


def read_recipients(path: str | os.PathLike[str], *, format: Format | None = None) -> RecipientFile:
    """The recipients of a CSV or JSON Lines file, for :func:`cftools.campaigns.send`."""
    return RecipientFile(path, format=format)


def rows_of(source: Iterable[Any]) -> Iterator[Row]:
    """The rows of any recipient source: a :class:`RecipientFile` gives them as they
    are; an iterable of mappings is numbered from 1."""
    if isinstance(source, RecipientFile):
        yield from source
        return
    for number, item in enumerate(source, 1):
        if isinstance(item, Row):
            yield item
        elif isinstance(item, Mapping):
            yield Row(number, dict(item))
        else:
            yield Row(number, None, f"not a recipient mapping: {type(item).__name__}")


def check_reiterable(source: object) -> None:
    """Refuse a one-shot iterator (it cannot be read twice)."""
    if not isinstance(source, Iterable) or isinstance(source, (str, bytes, Mapping)):
        raise InputError(
            f"recipients must be an iterable of mappings or a RecipientFile, "
            f"not {type(source).__name__}"
        )
    if iter(source) is source:
        raise InputError(
            "recipients must be re-iterable (a list, or read_recipients(path)): they are "
            "read twice, first to check every row before anything is sent, then to send"
        )


def _sniff(path: str) -> Format:
    extension = os.path.splitext(path)[1].lower()
    if extension in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if extension in (".csv", ".tsv", ".txt"):
        return "csv"
    try:
        with open(path, encoding="utf-8-sig") as handle:
            head = handle.read(4096).lstrip()
    except (OSError, UnicodeDecodeError):
        return "csv"
    return "jsonl" if head.startswith("{") else "csv"


def _jsonl_rows(handle: Iterable[str]) -> Iterator[Row]:
    for number, text in enumerate(handle, 1):
        if not text.strip():
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Row(number, None, f"not JSON: {exc.msg} at column {exc.colno}")
            continue
        if isinstance(value, dict):
            yield Row(number, value)
        else:
            yield Row(number, None, f"expected a JSON object, got {type(value).__name__}")


def _csv_rows(handle: Iterable[str], source: str) -> Iterator[Row]:
    reader = csv.reader(handle)
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise InputError(f"not CSV: {exc}", source=source, line=1) from None
    columns = _columns(header, source)
    width = len(header)
    previous_end = reader.line_num
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Row(previous_end + 1, None, f"not CSV: {exc}")
            previous_end = reader.line_num
            continue
        line, previous_end = previous_end + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != width:
            yield Row(line, None, f"{len(cells)} cells, but the header has {width}")
            continue
        yield Row(line, _recipient(columns, cells))


def _columns(header: list[str], source: str) -> list[tuple[str, str | None]]:
    """For each column, where its value goes: ``("phoneNumber", None)``,
    ``("contactId", None)``, or ``("attributes", key)``."""
    columns: list[tuple[str, str | None]] = []
    seen: dict[str, str] = {}
    for title in header:
        name = title.strip()
        folded = _FOLD.sub("", name).casefold()
        if not name:
            raise InputError(
                "a column has an empty header (attribute keys need names)", source=source, line=1
            )
        if folded in _PHONE_HEADERS:
            target: tuple[str, str | None] = ("phoneNumber", None)
        elif folded in _PROPERTY_HEADERS:
            target = (_PROPERTY_HEADERS[folded], None)
        else:
            target = ("attributes", name)
        key = target[1] or target[0]
        if key in seen:
            raise InputError(
                f"columns {seen[key]!r} and {title!r} both give {key}", source=source, line=1
            )
        seen[key] = title
        columns.append(target)
    if "phoneNumber" not in seen and "contactId" not in seen:
        raise InputError(
            f"no phone number column: name one phoneNumber (or phone, Phone Number, "
            f"phone_number, mobile...); the header is {header!r}",
            source=source,
            line=1,
        )
    return columns


def _recipient(columns: list[tuple[str, str | None]], cells: list[str]) -> dict[str, Any]:
    recipient: dict[str, Any] = {}
    attributes: dict[str, str] = {}
    for (target, key), cell in zip(columns, cells, strict=True):
        value = cell.strip()
        if not value:
            continue
        if key is not None:
            attributes[key] = value
        elif target == "phoneNumber" or target == "fromNumber":
            recipient[target] = _PHONE_NOISE.sub("", value)
        else:
            recipient[target] = value
    if attributes:
        recipient["attributes"] = attributes
    return recipient
