"""The errors of :mod:`cftools.campaigns`, all under :class:`CampaignError`::

    CftoolsError
     └── CampaignError
          ├── InputError              the recipients cannot be read (a file, a header)
          ├── InvalidRecipientsError  rows refused by the checks; nothing was sent
          ├── JournalError            the journal cannot be used for this job
          └── CampaignAborted         the job stopped part-way (bad credentials, a
                                      broadcast gone); carries the report so far

Each is raised before any request when it can be; ``CampaignAborted`` alone comes
after requests were made, and then the journal says exactly what went out, so
``resume=True`` continues where it stopped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cftools._errors import CftoolsError

if TYPE_CHECKING:
    from cftools.campaigns._report import Report, Skipped

__all__ = [
    "CampaignAborted",
    "CampaignError",
    "InputError",
    "InvalidRecipientsError",
    "JournalError",
]


class CampaignError(CftoolsError):
    """Base class of the errors of a campaign."""

    __module__ = "cftools.campaigns"


class InputError(CampaignError, ValueError):
    """The recipients cannot be read: a missing file, a CSV without a phone column, a
    source that can be read only once. ``line`` is 1-based, or 0 for the whole input."""

    __module__ = "cftools.campaigns"

    def __init__(self, message: str, *, source: str = "", line: int = 0) -> None:
        where = f"{source}:{line}: " if source and line else (f"{source}: " if source else "")
        super().__init__(where + message)
        self.source = source
        self.line = line


class InvalidRecipientsError(CampaignError, ValueError):
    """Rows refused by the request checks; nothing was sent. ``rows`` lists them (line
    and reason), at most ``MAX_LISTED`` of them; ``count`` is how many there were."""

    __module__ = "cftools.campaigns"

    def __init__(self, rows: Sequence[Skipped], count: int, *, resumed: bool = False) -> None:
        self.rows = tuple(rows)
        self.count = count
        shown = "\n  ".join(f"line {r.line}: {r.reason}" for r in self.rows[:20])
        more = f"\n  ... and {count - 20} more" if count > 20 else ""
        nothing = "nothing more was sent" if resumed else "nothing was sent"
        super().__init__(
            f"{count} invalid recipient{'s' * (count != 1)}; {nothing} (fix them, "
            f"or skip them with skip_invalid / --skip-invalid):\n  {shown}{more}"
        )


class JournalError(CampaignError):
    """The journal cannot serve this job: it exists and ``resume`` was not asked for,
    it is missing on ``resume``, it belongs to another job or another input, or it is
    not a cftools journal. Raised before any request."""

    __module__ = "cftools.campaigns"


class CampaignAborted(CampaignError):
    """The job stopped part-way for a reason retrying cannot fix (credentials refused,
    the broadcast not found). ``report`` says what went out; the journal allows resuming."""

    __module__ = "cftools.campaigns"

    def __init__(self, message: str, report: Report) -> None:
        super().__init__(message)
        self.report = report
