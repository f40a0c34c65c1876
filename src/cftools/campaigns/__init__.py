"""Campaigns: one message or one IVR to many recipients, exactly once, as fast as
CallFire allows.

:func:`send` (blocking) and :func:`send_async` take a :class:`Broadcast` (an existing
one, or the body of a new call or text broadcast) and a re-iterable of recipients (a
list of mappings, or :func:`read_recipients` for a CSV or JSON Lines file), check every
recipient before anything is sent, add them in named batches with bounded concurrency
under one adaptive rate limiter, settle every uncertain outcome by looking the batch
up by name, and start the broadcast. A SQLite journal records each step, so a job
killed at any point resumes (``resume=True``) without sending a batch twice or losing a
recipient. The result is a :class:`Report` (also as JSON).

A request the client gave up on while the server may still be at work (a read
timeout, a gateway's 408 or 504) is looked up only once the server has had as long
again as it already had (a second at least); should that batch land later still, after
it was sent again, the server holds it twice, and the copy the journal does not know is
disabled (``updateCampaignBatch``) before the broadcast starts, so nobody is reached
twice (:attr:`Report.disabled`). What is left: a request that lands only after the
job's last listing (taken once every batch is settled, before the start), or a job
that adds to an existing broadcast already running, can reach its recipients twice; no
client of an API without idempotency keys can rule that out.
"""

from __future__ import annotations

from cftools.campaigns._engine import Broadcast, batch_name, send, send_async
from cftools.campaigns._errors import (
    CampaignAborted,
    CampaignError,
    InputError,
    InvalidRecipientsError,
    JournalError,
)
from cftools.campaigns._input import RecipientFile, Row, read_recipients
from cftools.campaigns._limiter import RateLimiter
from cftools.campaigns._report import FailedBatch, Progress, Report, Skipped

__all__ = [
    "Broadcast",
    "CampaignAborted",
    "CampaignError",
    "FailedBatch",
    "InputError",
    "InvalidRecipientsError",
    "JournalError",
    "Progress",
    "RateLimiter",
    "RecipientFile",
    "Report",
    "Row",
    "Skipped",
    "batch_name",
    "read_recipients",
    "send",
    "send_async",
]

for _cls in (Broadcast, FailedBatch, Progress, RateLimiter, RecipientFile, Report, Row, Skipped):
    _cls.__module__ = __name__
del _cls


def __dir__() -> list[str]:
    return list(__all__)
