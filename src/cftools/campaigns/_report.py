"""What a campaign tells its caller: progress while it runs, a report at the end."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["MAX_LISTED", "FailedBatch", "Progress", "Report", "Skipped"]

MAX_LISTED = 10_000
"""At most this many skipped rows are listed one by one (memory stays bounded); the
counts are always exact."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input row that was not sent: its 1-based line (or item number) and why."""

    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class FailedBatch:
    """A batch the server refused, or whose outcome stayed unknown (``settled`` false:
    the next ``resume`` looks it up before anything else)."""

    index: int
    name: str
    first_line: int
    last_line: int
    recipients: int
    reason: str
    settled: bool = True


@dataclass(frozen=True, slots=True)
class Progress:
    """A snapshot passed to the ``progress`` callback after every batch."""

    total: int
    """Valid recipients in the input (known after the checking pass)."""
    sent: int
    """Recipients in batches the server holds (this run and earlier ones)."""
    failed: int
    """Recipients in failed batches."""
    batches_done: int
    batches_total: int
    elapsed: float
    """Seconds since sending began."""
    rate: float
    """The rate limiter's current pace, in requests a second."""


@dataclass
class Report:
    """The outcome of a campaign, as a value and as JSON (:meth:`to_json`)."""

    job: str
    kind: str
    broadcast_id: int | None
    dry_run: bool = False
    rows: int = 0
    """Input rows read (valid and invalid)."""
    sent: int = 0
    """Recipients the broadcast holds from this job (this run and earlier ones)."""
    sent_now: int = 0
    """Of those, recipients sent by this run."""
    skipped_count: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[FailedBatch] = field(default_factory=list)
    batch_ids: list[int] = field(default_factory=list)
    disabled: list[int] = field(default_factory=list)
    """Batches the server held twice (a request that timed out and landed after it was
    sent again), disabled before the start: their recipients are in ``batch_ids``."""
    batches: int = 0
    started: bool = False
    requests: int = 0
    throttled: int = 0
    retried: int = 0
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        """True when every valid recipient is in the broadcast (skipped rows aside)."""
        return not self.failed

    def as_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready values."""
        data = asdict(self)
        data["ok"] = self.ok
        return data

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as a JSON document."""
        return json.dumps(self.as_dict(), indent=indent)
