"""The campaign engine: check, plan, create, send in batches, settle, start. Async at
its core; :func:`send` runs it for a blocking :class:`~cftools.client.Client`.

Exactly once, without idempotency keys. Each batch is named from the job's token and
its position (``cftools-<job>-000042``), and the journal records it as ``sending``
before the POST and ``sent`` after. Any answer that leaves the outcome unknown (a 5xx,
a dropped connection, a timeout, a killed process) is settled by listing the
broadcast's batches and looking the name up: found, it is sent; absent, it is sent
again. The client's own retries are off (``max_retries=0`` is required), so nothing is
resent behind the engine's back; the listing is taken while no batch POST is in
flight, so a batch cannot be on its way while the listing says it is absent (after a
timeout, once the server has had as long again; a batch that lands later still is
disabled before the start). The broadcast itself is created the same way: its name
carries the job's token, the journal says ``creating`` before the POST, and an unknown
outcome is settled with ``findCallBroadcasts`` / ``findTextBroadcasts`` by that name.

Retries: a 429 is never the server doing the work: the shared :class:`RateLimiter` slows
down and waits out ``Retry-After``, then the request goes again. A 5xx or a network
failure is retried with the client's backoff (:class:`~cftools.client.RetryPolicy`:
``backoff`` seconds doubled each time, up to its ``max_delay``, less a random quarter),
at most ``max_attempts`` times, settling first
when the request was a POST. 401, 403 and 404 stop the job (:class:`CampaignAborted`);
another 4xx fails the batch, which ``resume`` tries again.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import secrets
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from cftools.campaigns._errors import (
    CampaignAborted,
    CampaignError,
    InvalidRecipientsError,
    JournalError,
)
from cftools.campaigns._input import check_reiterable
from cftools.campaigns._journal import Journal
from cftools.campaigns._limiter import RateLimiter
from cftools.campaigns._plan import Batch, plan
from cftools.campaigns._report import MAX_LISTED, FailedBatch, Progress, Report, Skipped
from cftools.client import (
    ApiError,
    AsyncClient,
    Client,
    ConfigurationError,
    ForbiddenError,
    NotFoundError,
    Pager,
    RateLimitError,
    RetryPolicy,
    ServerError,
    TransportError,
    UnauthorizedError,
)
from cftools.spec import OPERATIONS, RequestValidationError, check_request

__all__ = ["Broadcast", "send", "send_async"]

Kind = Literal["calls", "texts"]
ProgressCallback = Callable[[Progress], object]

MAX_THROTTLES = 1000
MIN_LATE = 1.0
"""After a timeout, the least time (seconds) a server is given to finish before a listing
may say that the batch is absent."""
PAGE = 100
DEFAULT_BATCH_SIZE = 500
DEFAULT_NAME = "cftools send"

_OPERATIONS: dict[str, dict[str, str]] = {
    "calls": {
        "create": "createCallBroadcast",
        "find": "findCallBroadcasts",
        "get": "getCallBroadcast",
        "add": "addCallBroadcastBatch",
        "list": "getCallBroadcastBatches",
        "start": "startVoiceBroadcast",
        "update_batch": "updateCampaignBatch",
    },
    "texts": {
        "create": "createTextBroadcast",
        "find": "findTextBroadcasts",
        "get": "getTextBroadcast",
        "add": "addTextBroadcastBatch",
        "list": "getTextBroadcastBatches",
        "start": "startTextBroadcast",
        "update_batch": "updateCampaignBatch",
    },
}
_STARTED = frozenset({"RUNNING", "START_PENDING", "VALIDATING_START", "FINISHED", "SCHEDULED"})
_FATAL = (UnauthorizedError, ForbiddenError, NotFoundError)


@dataclass(frozen=True)
class Broadcast:
    """The broadcast a campaign fills: an existing one (``id``) or a new one (``body``,
    as ``createCallBroadcast`` / ``createTextBroadcast`` take it). Build one with
    :meth:`calls`, :meth:`texts` or :meth:`existing`."""

    kind: Kind
    id: int | None = None
    body: Mapping[str, Any] | None = field(default=None, compare=False)

    @classmethod
    def calls(cls, body: Mapping[str, Any]) -> Broadcast:
        """A new call broadcast (voice messages in ``sounds``, or a ``dialplanXml``)."""
        return cls("calls", body=dict(body))

    @classmethod
    def texts(cls, body: Mapping[str, Any]) -> Broadcast:
        """A new text broadcast (``message``, ``fromNumber``...)."""
        return cls("texts", body=dict(body))

    @classmethod
    def existing(cls, kind: Kind, id: int) -> Broadcast:
        """A broadcast that already exists."""
        return cls(kind, id=id)

    def check(self) -> None:
        """Refuse, before any I/O, a broadcast that cannot be created."""
        if self.kind not in _OPERATIONS:
            raise ConfigurationError(f"a broadcast is 'calls' or 'texts', not {self.kind!r}")
        if (self.id is None) == (self.body is None):
            raise ConfigurationError("a Broadcast has either an id or a body")
        if self.id is not None:
            if isinstance(self.id, bool) or not isinstance(self.id, int) or self.id <= 0:
                raise ConfigurationError(f"a broadcast id is a positive integer, not {self.id!r}")
            return
        body = {**(self.body or {}), "name": "x"}
        check_request(OPERATIONS[_OPERATIONS[self.kind]["create"]], {}, body=body)

    def digest(self) -> str:
        """What the journal binds to: the id, or a digest of the body."""
        if self.id is not None:
            return f"id:{self.id}"
        text = json.dumps(self.body, sort_keys=True, separators=(",", ":"), default=str)
        return "body:" + hashlib.sha256(text.encode()).hexdigest()[:32]


class _Outcome:
    """What one request came to, as the engine sees it."""

    OK, THROTTLED, UNKNOWN, REFUSED = "ok", "throttled", "unknown", "refused"

    __slots__ = ("error", "kind", "value")

    def __init__(self, kind: str, value: Any = None, error: BaseException | None = None) -> None:
        self.kind = kind
        self.value = value
        self.error = error


class _Gate:
    """Batch POSTs pass in any number (shared); a settling listing passes alone, once
    the POSTs in flight are done (exclusive)."""

    def __init__(self) -> None:
        self._active = 0
        self._exclusive = False
        self._condition = asyncio.Condition()

    @contextlib.asynccontextmanager
    async def shared(self) -> AsyncIterator[None]:
        async with self._condition:
            await self._condition.wait_for(lambda: not self._exclusive)
            self._active += 1
        try:
            yield
        finally:
            async with self._condition:
                self._active -= 1
                self._condition.notify_all()

    @contextlib.asynccontextmanager
    async def exclusive(self) -> AsyncIterator[None]:
        async with self._condition:
            await self._condition.wait_for(lambda: not self._exclusive)
            self._exclusive = True
            await self._condition.wait_for(lambda: self._active == 0)
        try:
            yield
        finally:
            async with self._condition:
                self._exclusive = False
                self._condition.notify_all()


class _Fatal(Exception):
    """A request failed in a way that stops the whole job."""


class _Engine:
    """One job's sending side: the requests (paced, classified, retried), the
    broadcast (created and started exactly once), and the batches (sent by the workers,
    settled by lookup). The checking pass and the journal's plan come before it.

    It pages lists itself (:meth:`pages`) rather than through ``Client.paginate``, so
    that every page request is paced by the shared limiter and sees its 429s."""

    def __init__(
        self,
        call: Callable[..., Awaitable[Any]],
        broadcast: Broadcast,
        journal: Journal,
        report: Report,
        *,
        concurrency: int,
        limiter: RateLimiter,
        retry: RetryPolicy,
        progress: ProgressCallback | None,
        total: int,
        batches_total: int,
    ) -> None:
        self.call = call
        self.broadcast = broadcast
        self.ops = _OPERATIONS[broadcast.kind]
        self.journal = journal
        self.report = report
        self.concurrency = concurrency
        self.limiter = limiter
        self.retry = retry
        self.progress = progress
        self.total = total
        self.batches_total = batches_total
        self.gate = _Gate()
        self.broadcast_id = 0
        self.listing: tuple[float, dict[str, int]] = (float("-inf"), {})
        self.repeated: list[tuple[str, int]] = []
        self.uncertain = not journal.fresh  # a batch may be on the server twice
        self.began = time.monotonic()
        self.unsettled: list[FailedBatch] = []

    # -- one request ------------------------------------------------------------------

    async def request(
        self,
        key: str,
        body: Any = None,
        /,
        *,
        paced: bool = True,
        paced_at: float | None = None,
        **params: Any,
    ) -> _Outcome:
        """One try of operation ``key`` (the engine's table key), after waiting for its
        turn unless the caller already did (``paced=False``, at ``paced_at``)."""
        operation = self.ops[key]
        sent_at = await self.limiter.acquire() if paced else paced_at
        self.report.requests += 1
        try:
            value = await self.call(operation, body, params)
        except RateLimitError as error:
            self.report.throttled += 1
            self.limiter.throttled(error.retry_after, sent_at)
            return _Outcome(_Outcome.THROTTLED, error=error)
        except (ServerError, TransportError) as error:
            return _Outcome(_Outcome.UNKNOWN, error=error)
        except _FATAL as error:
            raise _Fatal(f"{operation}: {error}") from error
        except (ApiError, RequestValidationError) as error:
            if isinstance(error, ApiError) and error.status_code in (408, 409):
                return _Outcome(_Outcome.UNKNOWN, error=error)
            return _Outcome(_Outcome.REFUSED, error=error)
        self.limiter.success()
        return _Outcome(_Outcome.OK, value)

    async def get(self, key: str, /, body: Any = None, **params: Any) -> Any:
        """A read (or an idempotent write: a PUT with ``body``), retried until it
        succeeds or fails more than the policy allows."""
        attempts = throttles = 0
        while True:
            outcome = await self.request(key, body, **params)
            if outcome.kind == _Outcome.OK:
                return outcome.value
            if outcome.kind == _Outcome.THROTTLED:
                throttles += 1
                if throttles <= MAX_THROTTLES:
                    continue
            elif outcome.kind == _Outcome.UNKNOWN:
                attempts += 1
                if attempts <= self.retry.max_retries:
                    await self.pause(attempts)
                    continue
            assert outcome.error is not None
            raise outcome.error

    async def pages(self, key: str, /, **params: Any) -> AsyncIterator[dict[str, Any]]:
        """Every item of a paged list, page by page through :meth:`get` (so each page is
        paced), by the client's own paging rules (:class:`~cftools.client.Pager`): a
        page at another offset than asked, or the previous page again, stops the job
        rather than repeat items or page for ever."""
        operation = OPERATIONS[self.ops[key]]
        pager = Pager(operation, params, page_size=PAGE, max_items=None, projector=None,
                      project=False)  # fmt: skip
        while (request := pager.next_params()) is not None:
            items = pager.feed(await self.get(key, **request), request["limit"])
            if items is None:
                raise _Fatal(f"cannot read {operation.operation_id}: {pager.problem}")
            for item in items:
                yield item

    async def pause(self, attempt: int) -> None:
        self.report.retried += 1
        await asyncio.sleep(self.retry.backoff(attempt - 1))

    # -- the broadcast ------------------------------------------------------------------

    async def ensure_broadcast(self) -> int:
        """The broadcast's id: the one given, the one journaled, or a new one, created
        exactly once however many times the job is interrupted."""
        journal = self.journal
        if self.broadcast.id is not None:
            await self.get("get", id=self.broadcast.id, fields="id")
            return self.broadcast.id
        if journal.get("broadcast_state") == "created":
            return int(journal.get("broadcast_id") or 0)
        name = journal.get("broadcast_name") or DEFAULT_NAME
        # On resume, look first even without a journaled "creating": a machine that
        # lost power may have lost that commit after the POST went out.
        if journal.get("broadcast_state") == "creating" or not journal.fresh:
            found = await self.find_broadcast(name)
            if found is not None:
                return self.created(found)
        journal.set(broadcast_state="creating")
        body = {**(self.broadcast.body or {}), "name": name}
        attempts = throttles = 0
        while True:
            outcome = await self.request("create", body)
            if outcome.kind == _Outcome.OK:
                return self.created(int(outcome.value["id"]))
            if outcome.kind == _Outcome.THROTTLED and throttles < MAX_THROTTLES:
                throttles += 1
                continue
            if outcome.kind == _Outcome.UNKNOWN:
                found = await self.find_broadcast(name)
                if found is not None:
                    return self.created(found)
                attempts += 1
                if attempts <= self.retry.max_retries:
                    await self.pause(attempts)
                    continue
            raise _Fatal(f"cannot create the broadcast: {outcome.error}") from outcome.error

    def created(self, broadcast_id: int) -> int:
        self.journal.set(broadcast_state="created", broadcast_id=broadcast_id)
        return broadcast_id

    async def find_broadcast(self, name: str) -> int | None:
        found = [b["id"] async for b in self.pages("find", name=name) if b.get("name") == name]
        if len(found) > 1:
            raise _Fatal(f"{len(found)} broadcasts are named {name!r}; expected at most one")
        return int(found[0]) if found else None

    async def start(self) -> None:
        """Start the broadcast, once: an unknown outcome is settled by its status."""
        if self.journal.get("start_state") == "started":
            self.report.started = True
            return
        resumed = self.journal.get("start_state") == "starting" or not self.journal.fresh
        if resumed and await self.is_running():
            self.started()
            return
        self.journal.set(start_state="starting")
        attempts = throttles = 0
        while True:
            outcome = await self.request("start", id=self.broadcast_id)
            if outcome.kind == _Outcome.OK:
                self.started()
                return
            if outcome.kind == _Outcome.THROTTLED and throttles < MAX_THROTTLES:
                throttles += 1
                continue
            if outcome.kind == _Outcome.UNKNOWN:
                if await self.is_running():
                    self.started()
                    return
                attempts += 1
                if attempts <= self.retry.max_retries:
                    await self.pause(attempts)
                    continue
            raise _Fatal(f"cannot start the broadcast: {outcome.error}") from outcome.error

    async def is_running(self) -> bool:
        value = await self.get("get", id=self.broadcast_id, fields="status")
        return isinstance(value, dict) and value.get("status") in _STARTED

    def started(self) -> None:
        self.journal.set(start_state="started")
        self.report.started = True

    # -- batches ------------------------------------------------------------------------

    async def batches_on_server(self, since: float) -> dict[str, int]:
        """The broadcast's batches by name (the first of each name), listed after
        ``since`` (a listing taken later is reused; one asked for in the future is
        waited for) while no batch POST is in flight. Later batches of a name already
        seen are kept in :attr:`repeated`."""
        wait = since - time.monotonic()
        if wait > 0:
            await asyncio.sleep(wait)
        async with self.gate.exclusive():
            taken, names = self.listing
            if taken >= since:
                return names
            taken = time.monotonic()
            names, repeated = {}, []
            async for item in self.pages(
                "list", id=self.broadcast_id, fields="totalCount,items(id,name)"
            ):
                name = item.get("name")
                if not isinstance(name, str) or "id" not in item:
                    continue
                if name in names:
                    repeated.append((name, int(item["id"])))
                else:
                    names[name] = int(item["id"])
            self.listing, self.repeated = (taken, names), repeated
            return names

    async def disable_repeats(self, job: str) -> None:
        """Before any start: a batch of this job that the server holds twice (a POST that
        timed out, was settled as absent and sent again, and then landed after all) is
        disabled (``updateCampaignBatch``, ``enabled: false``), all but the one the
        journal knows, so that nobody is called or texted twice. Only a job that sent
        something again after an unknown outcome (or resumed one that may have) looks."""
        if not self.uncertain:
            return
        names = await self.batches_on_server(time.monotonic())
        prefix = batch_name(job, 0)[:-6]
        kept = {row[1]: row[7] for row in self.journal.batches("sent")}
        for name, batch_id in [(n, names[n]) for n, _ in self.repeated] + self.repeated:
            if not name.startswith(prefix) or batch_id == kept.get(name, names[name]):
                continue
            if batch_id in self.report.disabled:
                continue
            await self.get("update_batch", {"enabled": False}, id=batch_id)
            self.report.disabled.append(batch_id)

    async def settle_journal(self) -> None:
        """On resume: every batch not known as sent is looked up once, by name."""
        pending = [b for b in self.journal.batches() if b[6] != "sent"]
        if not pending:
            return
        names = await self.batches_on_server(time.monotonic())
        for index, name, *_ in pending:
            if name in names:
                self.journal.mark(index, "sent", batch_id=names[name])

    async def send_batch(self, batch: Batch, name: str) -> None:
        journal = self.journal
        journal.mark(batch.index, "sending")
        body = {"name": name, "recipients": list(batch.recipients)}
        attempts = throttles = 0
        while True:
            paced_at = await self.limiter.acquire()
            async with self.gate.shared():
                began = time.monotonic()
                outcome = await self.request(
                    "add", body, paced=False, paced_at=paced_at, id=self.broadcast_id
                )
                ended = time.monotonic()
            if outcome.kind == _Outcome.OK:
                return self.sent(batch, int(outcome.value["id"]))
            if outcome.kind == _Outcome.THROTTLED and throttles < MAX_THROTTLES:
                throttles += 1
                continue
            if outcome.kind == _Outcome.UNKNOWN:
                self.uncertain = True
                try:
                    names = await self.batches_on_server(_settle_after(outcome, began, ended))
                except (ApiError, TransportError) as error:
                    self.unsettled.append(_failed(batch, name, f"unknown outcome: {error}", False))
                    return None
                if name in names:
                    return self.sent(batch, names[name])
                attempts += 1
                if attempts <= self.retry.max_retries:
                    await self.pause(attempts)
                    continue
            journal.mark(batch.index, "failed", reason=str(outcome.error))
            self.tick()
            return None

    def sent(self, batch: Batch, batch_id: int) -> None:
        self.journal.mark(batch.index, "sent", batch_id=batch_id)
        self.report.sent_now += len(batch.recipients)
        self.tick()

    def tick(self) -> None:
        if self.progress is None:
            return
        totals = self.journal.totals()
        self.progress(
            Progress(
                total=self.total,
                sent=totals.get("sent", (0, 0))[1],
                failed=totals.get("failed", (0, 0))[1],
                batches_done=totals.get("sent", (0, 0))[0] + totals.get("failed", (0, 0))[0],
                batches_total=self.batches_total,
                elapsed=time.monotonic() - self.began,
                rate=self.limiter.rate,
            )
        )

    async def run(self, source: Iterable[Any], batch_size: int, job: str) -> None:
        queue: asyncio.Queue[Batch | None] = asyncio.Queue(maxsize=self.concurrency * 2)

        async def produce() -> None:
            for item in plan(self.broadcast.kind, source, batch_size):
                if isinstance(item, Skipped):
                    continue
                row = self.journal.batch(item.index)
                if row is None or row[5] != item.digest:
                    raise JournalError(
                        f"the input changed while the job ran (batch {item.index}, from "
                        f"line {item.first_line}); resume once it stays the same"
                    )
                if row[6] != "sent":
                    await queue.put(item)
            for _ in range(self.concurrency):
                await queue.put(None)

        async def work() -> None:
            while (batch := await queue.get()) is not None:
                await self.send_batch(batch, batch_name(job, batch.index))

        tasks = [asyncio.ensure_future(produce())]
        tasks += [asyncio.ensure_future(work()) for _ in range(self.concurrency)]
        try:
            await asyncio.gather(*tasks)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)


def _settle_after(outcome: _Outcome, began: float, ended: float) -> float:
    """When a listing can tell whether a batch POST that failed at ``ended`` did its work.

    A failure that came from the server (a 5xx, a dropped connection) means it is done
    with the request: a listing taken after it tells. A timeout (ours, or a gateway's 408
    or 504) means it may still be at work: it is given as long again as it already had
    (``MIN_LATE`` at least) before its absence counts; a batch that lands later still is
    disabled before the start (:meth:`_Engine.disable_repeats`)."""
    error = outcome.error
    late = (isinstance(error, TransportError) and error.timeout) or (
        isinstance(error, ApiError) and error.status_code in (408, 504)
    )
    return ended + max(MIN_LATE, ended - began) if late else ended


def batch_name(job: str, index: int) -> str:
    """The name of batch ``index`` of job ``job``: the key that makes it exactly once."""
    return f"cftools-{job}-{index:06d}"


def _failed(batch: Batch, name: str, reason: str, settled: bool) -> FailedBatch:
    return FailedBatch(
        batch.index, name, batch.first_line, batch.last_line, len(batch.recipients), reason, settled
    )


# -- the public entry points -------------------------------------------------------------


async def send_async(
    client: AsyncClient | None,
    broadcast: Broadcast,
    recipients: Iterable[Any],
    *,
    journal: str | os.PathLike[str],
    resume: bool = False,
    name: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    concurrency: int = 4,
    skip_invalid: bool = False,
    start: bool = True,
    dry_run: bool = False,
    rate: float = 5.0,
    max_rate: float | None = None,
    backoff: float | None = None,
    max_attempts: int = 6,
    progress: ProgressCallback | None = None,
) -> Report:
    """Add ``recipients`` to ``broadcast`` in named batches, exactly once, and start it.

    ``client`` must have ``max_retries=0`` (the campaign retries by itself, through its
    shared rate limiter, and settles unknown outcomes by lookup); it may be ``None`` for
    a ``dry_run``, which checks the input and plans the batches without any request.
    ``recipients`` is re-iterable (a list of mappings with the API's recipient
    properties, or :func:`read_recipients`); every row is checked before anything is
    sent. ``journal`` is the SQLite file that makes the job resumable: it must not
    exist unless ``resume`` is true, and then it must be this job's (same broadcast,
    same input). ``name`` names a new broadcast (the job's token is added to it).
    ``rate`` is the initial pace in requests a second (it adapts), ``max_rate`` a
    ceiling; a 5xx or a network failure is retried at most ``max_attempts`` times,
    after the client's backoff from ``backoff`` seconds (``None``: the client's own,
    see :class:`~cftools.client.RetryPolicy`); ``progress`` is called after every batch.

    Returns the :class:`Report`; raises :class:`InvalidRecipientsError` (nothing sent)
    when rows are invalid and ``skip_invalid`` is false, :class:`JournalError`,
    :class:`InputError`, ``ConfigurationError`` or ``RequestValidationError`` before
    any request, and :class:`CampaignAborted` when the job had to stop part-way.
    """
    if client is not None and not isinstance(client, AsyncClient):
        raise ConfigurationError("send_async() takes an AsyncClient; use send() with a Client")

    async def call(operation: str, body: Any, params: Mapping[str, Any]) -> Any:
        assert client is not None
        return await client.invoke(operation, body=body, validate=body is None, **params)

    return await _campaign(
        client,
        call,
        broadcast,
        recipients,
        journal=journal,
        resume=resume,
        name=name,
        batch_size=batch_size,
        concurrency=concurrency,
        skip_invalid=skip_invalid,
        start=start,
        dry_run=dry_run,
        rate=rate,
        max_rate=max_rate,
        backoff=backoff,
        max_attempts=max_attempts,
        progress=progress,
    )


def send(
    client: Client | None,
    broadcast: Broadcast,
    recipients: Iterable[Any],
    *,
    journal: str | os.PathLike[str],
    resume: bool = False,
    name: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    concurrency: int = 4,
    skip_invalid: bool = False,
    start: bool = True,
    dry_run: bool = False,
    rate: float = 5.0,
    max_rate: float | None = None,
    backoff: float | None = None,
    max_attempts: int = 6,
    progress: ProgressCallback | None = None,
) -> Report:
    """:func:`send_async` for a blocking :class:`~cftools.client.Client`: the same
    engine runs in an event loop of its own, each request in a worker thread."""
    if client is not None and not isinstance(client, Client):
        raise ConfigurationError("send() takes a Client; use send_async() with an AsyncClient")

    async def call(operation: str, body: Any, params: Mapping[str, Any]) -> Any:
        assert client is not None
        return await asyncio.to_thread(
            client.invoke, operation, body=body, validate=body is None, **params
        )

    return asyncio.run(
        _campaign(
            client,
            call,
            broadcast,
            recipients,
            journal=journal,
            resume=resume,
            name=name,
            batch_size=batch_size,
            concurrency=concurrency,
            skip_invalid=skip_invalid,
            start=start,
            dry_run=dry_run,
            rate=rate,
            max_rate=max_rate,
            backoff=backoff,
            max_attempts=max_attempts,
            progress=progress,
        )
    )


async def _campaign(
    client: AsyncClient | Client | None,
    call: Callable[..., Awaitable[Any]],
    broadcast: Broadcast,
    recipients: Iterable[Any],
    *,
    journal: str | os.PathLike[str],
    resume: bool,
    name: str | None,
    batch_size: int,
    concurrency: int,
    skip_invalid: bool,
    start: bool,
    dry_run: bool,
    rate: float,
    max_rate: float | None,
    backoff: float | None,
    max_attempts: int,
    progress: ProgressCallback | None,
) -> Report:
    _check_options(client, dry_run, batch_size, concurrency, rate, max_attempts)
    broadcast.check()
    check_reiterable(recipients)
    if dry_run:
        return _dry_run(broadcast, recipients, batch_size, skip_invalid)
    book = Journal(journal, resume=resume)
    try:
        job = book.get("job") or secrets.token_hex(5)
        title = f"{name or (broadcast.body or {}).get('name') or DEFAULT_NAME} [{job}]"
        try:
            book.bind(
                {"broadcast_name": title},
                job=job,
                kind=broadcast.kind,
                broadcast=broadcast.digest(),
                batch_size=batch_size,
            )
            report = Report(job, broadcast.kind, None)
            total, batches = _check_and_plan(
                book, broadcast, recipients, batch_size, skip_invalid, report, job
            )
        except CampaignError:
            if book.fresh:
                book.close()
                _discard(book.path)
            raise
        return await _send(
            call,
            broadcast,
            recipients,
            book,
            report,
            job,
            total,
            batches,
            batch_size=batch_size,
            concurrency=concurrency,
            start=start,
            rate=rate,
            max_rate=max_rate,
            backoff=backoff,
            max_attempts=max_attempts,
            progress=progress,
        )
    finally:
        book.close()


def _check_options(
    client: object, dry_run: bool, batch_size: int, concurrency: int, rate: float, attempts: int
) -> None:
    if client is None and not dry_run:
        raise ConfigurationError("a client is needed, unless dry_run=True")
    if client is not None and getattr(client, "max_retries", 0) != 0:
        raise ConfigurationError(
            "campaigns need a client built with max_retries=0: the campaign retries by "
            "itself, through its shared rate limiter, and must never let a batch POST "
            "be resent blindly"
        )
    for label, value, low in (
        ("batch_size", batch_size, 1),
        ("concurrency", concurrency, 1),
        ("max_attempts", attempts, 0),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise ConfigurationError(f"{label} must be an integer >= {low}, not {value!r}")
    if not isinstance(rate, (int, float)) or not rate > 0:
        raise ConfigurationError(f"rate must be a positive number of requests a second: {rate!r}")


def _note_skipped(report: Report, item: Skipped) -> None:
    report.skipped_count += 1
    if len(report.skipped) < MAX_LISTED:
        report.skipped.append(item)


def _dry_run(
    broadcast: Broadcast, recipients: Iterable[Any], batch_size: int, skip_invalid: bool
) -> Report:
    report = Report("dry-run", broadcast.kind, broadcast.id, dry_run=True)
    valid = 0
    for item in plan(broadcast.kind, recipients, batch_size):
        if isinstance(item, Skipped):
            _note_skipped(report, item)
        else:
            valid += len(item.recipients)
            report.batches += 1
    report.rows = valid + report.skipped_count
    if report.skipped_count and not skip_invalid:
        raise InvalidRecipientsError(report.skipped, report.skipped_count)
    return report


def _check_and_plan(
    book: Journal,
    broadcast: Broadcast,
    recipients: Iterable[Any],
    batch_size: int,
    skip_invalid: bool,
    report: Report,
    job: str,
) -> tuple[int, int]:
    """The checking pass: every row checked, the batches recorded (or compared with the
    journal); raises before anything is sent. Returns (valid recipients, batches)."""
    valid = batches = 0
    book.begin_plan()
    keep = False
    try:
        for item in plan(broadcast.kind, recipients, batch_size):
            if isinstance(item, Skipped):
                _note_skipped(report, item)
                continue
            book.plan_batch(
                item.index,
                batch_name(job, item.index),
                item.first_line,
                item.last_line,
                len(item.recipients),
                item.digest,
            )
            valid += len(item.recipients)
            batches += 1
        report.rows = valid + report.skipped_count
        if report.skipped_count and not skip_invalid:
            raise InvalidRecipientsError(
                report.skipped, report.skipped_count, resumed=not book.fresh
            )
        book.check_plan_size(batches)
        keep = True
    finally:
        with contextlib.suppress(Exception):
            book.end_plan(keep=keep)
    report.batches = batches
    return valid, batches


async def _send(
    call: Callable[..., Awaitable[Any]],
    broadcast: Broadcast,
    recipients: Iterable[Any],
    book: Journal,
    report: Report,
    job: str,
    total: int,
    batches: int,
    *,
    batch_size: int,
    concurrency: int,
    start: bool,
    rate: float,
    max_rate: float | None,
    backoff: float | None,
    max_attempts: int,
    progress: ProgressCallback | None,
) -> Report:
    limiter = RateLimiter(rate, max_rate=max_rate)
    engine = _Engine(
        call,
        broadcast,
        book,
        report,
        concurrency=concurrency,
        limiter=limiter,
        retry=RetryPolicy(max_attempts)
        if backoff is None
        else RetryPolicy(max_attempts, base_delay=backoff),
        progress=progress,
        total=total,
        batches_total=batches,
    )
    began = time.monotonic()
    try:
        if batches:
            engine.broadcast_id = report.broadcast_id = await engine.ensure_broadcast()
            if not book.fresh:
                await engine.settle_journal()
            engine.tick()
            await engine.run(recipients, batch_size, job)
            await engine.disable_repeats(job)
            _finish(book, report, engine)
            if start and report.ok:
                await engine.start()
    except _Fatal as error:
        _finish(book, report, engine)
        report.elapsed = time.monotonic() - began
        raise CampaignAborted(f"{error}; the journal {book.path} allows resuming", report) from (
            error.__cause__
        )
    report.elapsed = time.monotonic() - began
    return report


def _finish(book: Journal, report: Report, engine: _Engine) -> None:
    totals = book.totals()
    report.sent = totals.get("sent", (0, 0))[1]
    report.batch_ids = [row[7] for row in book.batches("sent") if row[7] is not None]
    unsettled = {f.index for f in engine.unsettled}
    report.failed = [
        FailedBatch(row[0], row[1], row[2], row[3], row[4], row[8] or "", True)
        for row in book.batches("failed")
    ] + engine.unsettled
    report.failed += [
        FailedBatch(row[0], row[1], row[2], row[3], row[4], "outcome unknown", False)
        for row in book.batches("sending")
        if row[0] not in unsettled
    ]
    report.failed.sort(key=lambda f: f.index)


def _discard(path: str) -> None:
    if path == ":memory:":
        return
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            os.unlink(path + suffix)
