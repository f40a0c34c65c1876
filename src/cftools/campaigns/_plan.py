"""From rows to checked, numbered batches; no I/O besides reading the source.

Every recipient is checked by :func:`cftools.spec.check_request` against the batch
operation's own recipient schema (``addCallBroadcastBatch`` or ``addTextBroadcastBatch``),
so the rules (phone numbers, property names and types, attribute values) are the
client's, not a copy. Rows are checked in chunks of ``CHECK_CHUNK`` (one call for many
rows is much faster than one per row) and each problem is brought back to its row by
its location (``body.recipients[3].phoneNumber``).

Valid recipients are cut into batches of ``batch_size`` in input order; a batch's
digest (SHA-256 of its recipients as canonical JSON) binds the journal to the input.
The same source always gives the same batches, which is what makes resuming possible.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from cftools.campaigns._input import Row, rows_of
from cftools.campaigns._report import Skipped
from cftools.spec import OPERATIONS, RequestValidationError, check_request

__all__ = ["BATCH_OPERATIONS", "CHECK_CHUNK", "Batch", "plan"]

CHECK_CHUNK = 256
BATCH_OPERATIONS = {"calls": "addCallBroadcastBatch", "texts": "addTextBroadcastBatch"}
_LOCATION = re.compile(r"body\.recipients\[(\d+)\]\.?(.*)\Z", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Batch:
    """A batch of valid recipients, numbered from 0 in input order."""

    index: int
    first_line: int
    last_line: int
    recipients: tuple[dict[str, Any], ...]
    digest: str


def plan(kind: str, source: Iterable[Any], batch_size: int) -> Iterator[Batch | Skipped]:
    """The batches of ``source`` and its invalid rows, in input order, streaming."""
    operation = OPERATIONS[BATCH_OPERATIONS[kind]]
    current: list[Row] = []
    index = 0
    for item in _checked_rows(operation, rows_of(source)):
        if isinstance(item, Skipped):
            yield item
            continue
        current.append(item)
        if len(current) == batch_size:
            yield _batch(index, current)
            index += 1
            current = []
    if current:
        yield _batch(index, current)


def _checked_rows(operation: Any, rows: Iterable[Row]) -> Iterator[Row | Skipped]:
    pending: list[Row] = []
    for row in rows:
        pending.append(row)
        if len(pending) == CHECK_CHUNK:
            yield from _checked(operation, pending)
            pending = []
    yield from _checked(operation, pending)


def _checked(operation: Any, rows: list[Row]) -> Iterator[Row | Skipped]:
    """``rows`` in order: valid ones as they are, invalid ones as :class:`Skipped`."""
    reasons: dict[int, list[str]] = {}
    body: list[dict[str, Any]] = []
    positions: list[int] = []
    for position, row in enumerate(rows):
        if row.recipient is None:
            reasons[position] = [row.error or "unreadable"]
        else:
            positions.append(position)
            body.append(row.recipient)
    if body:
        try:
            check_request(operation, {"id": 1}, body={"recipients": body})
        except RequestValidationError as error:
            for problem in error.problems:
                match = _LOCATION.match(problem.location)
                if match is None:  # not about one recipient: every row shares it
                    for position in positions:
                        reasons.setdefault(position, []).append(str(problem))
                    continue
                where = match[2]
                reason = f"{where}: {problem.message}" if where else problem.message
                reasons.setdefault(positions[int(match[1])], []).append(reason)
    for position, row in enumerate(rows):
        if position in reasons:
            yield Skipped(row.line, "; ".join(reasons[position]))
        else:
            yield row


def _batch(index: int, rows: list[Row]) -> Batch:
    digest = hashlib.sha256()
    recipients = []
    for row in rows:
        assert row.recipient is not None
        recipients.append(row.recipient)
        digest.update(json.dumps(row.recipient, sort_keys=True, separators=(",", ":")).encode())
        digest.update(b"\n")
    return Batch(index, rows[0].line, rows[-1].line, tuple(recipients), digest.hexdigest())
