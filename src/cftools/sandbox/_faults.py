"""Faults on demand: the sandbox answers like a CallFire having a bad day.

A *plan* is a list of rules and a seed (``sandbox.faults``). Each rule applies to every
API operation or to the operations it names, and may hold any of:

============== ===========================================================================
``rate_limit`` More than N matching requests in a second (sliding window on the **wall**
               clock: the limit is about real request rates, whatever the sandbox's clock
               says) get **429** with CallFire's error body and ``Retry-After``: whole
               seconds, at least 1, until the oldest admitted request leaves the window.
               Refused requests do not use up the window.
``errors_before`` That share of matching requests gets **503** before the handler runs:
               nothing changed, trying again is safe.
``errors_after`` That share gets **502** after the handler ran and its transaction
               committed: the work is done and the client saw an error (the dangerous case).
``drop_before`` That share gets no answer at all: the request body is read, then the
               connection is closed. Nothing changed.
``drop_after`` That share is handled and committed, then the connection is closed
               without an answer.
``latency_ms`` Every matching request waits that long first (``asyncio.sleep``: other
               requests go on meanwhile).
``latency_after_ms`` Every matching request is handled and committed at once, and its
               answer waits that long: a client whose read timeout is shorter gives up
               on work that was done (the case a timeout cannot settle).
============== ===========================================================================

Shares are between 0 and 1 and, in one rule, add up to at most 1: for each matching
request a rule draws **one** number ``u`` from the plan's ``random.Random(seed)`` and the
shares are consecutive bands of ``[0, 1)`` in the order drop_before, errors_before,
drop_after, errors_after. A request refused by a rate limit draws nothing. Rules are
looked at in order; the first fault that one of them picks is the one served, latencies
add up. So a plan with a seed gives the same faults to the same sequence of requests.

A dropped connection, over uvicorn, is closed under the request: the client sees a
connection error (``httpx.RemoteProtocolError``: the server disconnected without sending a
response), never an HTTP status. In-process (``httpx.ASGITransport``,
:class:`~cftools.sandbox.SyncASGITransport`) the application raises
:class:`DroppedConnection`, an ``httpx.RemoteProtocolError``, which those transports hand
to the caller. Control endpoints (``/_sandbox/...``) and requests for paths the API does
not have are never faulted.

:meth:`Sandbox.reset` clears the plan and its counters.
"""

from __future__ import annotations

import asyncio
import collections
import json
import math
import random
import threading
import time
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import Any, TypeGuard

import httpx
from starlette.types import ASGIApp, Receive, Scope, Send

from cftools._errors import CftoolsError
from cftools.spec import OPERATIONS, UnknownOperationError, find_operation
from cftools.spec._checks import _did_you_mean as did_you_mean

from ._core import ApiFault

__all__ = [
    "AFTER_STATUS",
    "BEFORE_STATUS",
    "DroppedConnection",
    "FaultPlanError",
    "FaultRule",
    "Faults",
]

BEFORE_STATUS = 503
"""The status of an ``errors_before`` answer (Service Unavailable: nothing was done)."""
AFTER_STATUS = 502
"""The status of an ``errors_after`` answer (Bad Gateway: the answer was lost on its way)."""

_SHARES = ("drop_before", "errors_before", "drop_after", "errors_after")
"""The bands of one draw, in order."""

_JSON_NAMES = {
    "rate_limit": "rateLimit",
    "errors_before": "errorsBefore",
    "errors_after": "errorsAfter",
    "latency_ms": "latencyMs",
    "latency_after_ms": "latencyAfterMs",
    "drop_before": "dropBefore",
    "drop_after": "dropAfter",
    "operations": "operations",
}
_COUNTERS = (
    "requests",
    "rateLimited",
    "errorsBefore",
    "errorsAfter",
    "dropsBefore",
    "dropsAfter",
    "delayed",
    "delayedAfter",
)
_COUNTER_OF = {
    "drop_before": "dropsBefore",
    "errors_before": "errorsBefore",
    "drop_after": "dropsAfter",
    "errors_after": "errorsAfter",
}


class FaultPlanError(CftoolsError, ValueError):
    """A fault plan that cannot be followed: says which value, where, and what is allowed.

    The control endpoints answer it with a 400; the CLI exits with status 2.
    """


class DroppedConnection(httpx.RemoteProtocolError):
    """Raised in-process where a server would close the connection without an answer."""


def _operation_id(name: object, where: str) -> str:
    """The operationId for an operationId or its snake_case name, or a FaultPlanError."""
    try:
        return find_operation(name if isinstance(name, str) else repr(name)).operation_id
    except UnknownOperationError as error:
        raise FaultPlanError(f"{where}: {error}") from None


@dataclass(frozen=True, slots=True)
class FaultRule:
    """One rule of a fault plan (see the module's table); checked when built.

    ``operations`` holds operationIds (``None``: every operation).
    """

    rate_limit: float | None = None
    errors_before: float = 0.0
    errors_after: float = 0.0
    latency_ms: int = 0
    drop_before: float = 0.0
    drop_after: float = 0.0
    operations: frozenset[str] | None = None
    latency_after_ms: int = 0

    def __post_init__(self) -> None:
        shares = {key: getattr(self, key) for key in _SHARES}
        latencies = {"latency_ms": self.latency_ms, "latency_after_ms": self.latency_after_ms}
        _check(self.rate_limit, shares, latencies, {k: k for k in _JSON_NAMES})
        if self.operations is not None and (
            not isinstance(self.operations, frozenset) or not self.operations <= OPERATIONS.keys()
        ):
            raise FaultPlanError(
                f"operations={self.operations!r}: a frozenset of operationIds "
                "(FaultRule.build also takes snake_case names)"
            )

    @classmethod
    def build(
        cls,
        *,
        rate_limit: float | None = None,
        errors_before: float = 0.0,
        errors_after: float = 0.0,
        latency_ms: int = 0,
        drop_before: float = 0.0,
        drop_after: float = 0.0,
        operations: Iterable[str] | None = None,
        latency_after_ms: int = 0,
        where: str = "",
        names: Mapping[str, str] | None = None,
    ) -> FaultRule:
        """Check every value and build the rule; ``operations`` may use snake_case names.

        ``where`` prefixes the location in errors (``rules[0].``); ``names`` shows each
        keyword as the caller wrote it (``errorsBefore`` for JSON).
        """
        shown = {k: where + (names or {}).get(k, k) for k in _JSON_NAMES}
        shares = {
            "errors_before": errors_before,
            "errors_after": errors_after,
            "drop_before": drop_before,
            "drop_after": drop_after,
        }
        latencies = {"latency_ms": latency_ms, "latency_after_ms": latency_after_ms}
        _check(rate_limit, shares, latencies, shown)
        ids: frozenset[str] | None = None
        if operations is not None:
            if isinstance(operations, str):
                operations = operations.split(",")
            names_given = list(operations)
            if not names_given:
                raise FaultPlanError(
                    f"{shown['operations']}=[]: name at least one operation, or leave it out "
                    "for every operation"
                )
            ids = frozenset(
                _operation_id(n.strip() if isinstance(n, str) else n, shown["operations"])
                for n in names_given
            )
        return cls(
            None if rate_limit is None else float(rate_limit),
            float(errors_before),
            float(errors_after),
            latency_ms,
            float(drop_before),
            float(drop_after),
            ids,
            latency_after_ms,
        )

    @classmethod
    def from_json(cls, value: object, where: str) -> FaultRule:
        """The rule in a JSON object with camelCase keys (``rateLimit``, ``errorsBefore``...)."""
        if not isinstance(value, dict):
            raise FaultPlanError(f"{where.rstrip('.')}: a rule is a JSON object")
        keywords = {v: k for k, v in _JSON_NAMES.items()}
        arguments: dict[str, Any] = {}
        for key, item in value.items():
            if key not in keywords:
                hint = did_you_mean(str(key), keywords)
                raise FaultPlanError(f"{where}{key}: not a fault{hint}")
            if item is not None:
                arguments[keywords[key]] = item
        operations = arguments.get("operations")
        if operations is not None and not isinstance(operations, list):
            raise FaultPlanError(f"{where}operations: give a list of operation names")
        return cls.build(**arguments, where=where, names=_JSON_NAMES)

    def matches(self, operation_id: str) -> bool:
        """Whether the rule applies to ``operation_id``."""
        return self.operations is None or operation_id in self.operations

    def to_json(self) -> dict[str, Any]:
        """The rule with camelCase keys, as the control endpoints show it."""
        return {
            "rateLimit": self.rate_limit,
            "errorsBefore": self.errors_before,
            "errorsAfter": self.errors_after,
            "latencyMs": self.latency_ms,
            "latencyAfterMs": self.latency_after_ms,
            "dropBefore": self.drop_before,
            "dropAfter": self.drop_after,
            "operations": None if self.operations is None else sorted(self.operations),
        }

    @property
    def draws(self) -> bool:
        """Whether the rule draws a number for each request (it has a share)."""
        return any(getattr(self, key) for key in _SHARES)

    def pick(self, u: float) -> str | None:
        """The fault of the band ``u`` falls in (``drop_before``...), or ``None``."""
        edge = 0.0
        for key in _SHARES:
            share: float = getattr(self, key)
            edge += share
            if share and u < edge:
                return key
        return None


def _check(
    rate_limit: object,
    shares: Mapping[str, object],
    latencies: Mapping[str, object],
    shown: Mapping[str, str],
) -> None:
    """Refuse a rate, a share or a latency out of range, naming it as ``shown`` says."""
    if rate_limit is not None and (
        not _is_number(rate_limit) or not rate_limit > 0 or math.isinf(rate_limit)
    ):
        raise FaultPlanError(
            f"{shown['rate_limit']}={rate_limit!r}: a rate limit is a number of "
            "requests a second, more than 0 (use errors_before=1 to refuse everything)"
        )
    total = 0.0
    for key, share in shares.items():
        if not _is_number(share) or not 0 <= share <= 1:
            raise FaultPlanError(
                f"{shown[key]}={share!r}: a share of requests is a number from 0 to 1 "
                "(0.1 is one request in ten)"
            )
        total += share
    if total > 1 + 1e-9:
        listed = ", ".join(f"{shown[k]}={v:g}" for k, v in shares.items() if v)
        raise FaultPlanError(
            f"{listed}: the shares of one rule add up to more than 1; lower them, "
            "or put them in separate rules"
        )
    for key, latency in latencies.items():
        if isinstance(latency, bool) or not isinstance(latency, int) or latency < 0:
            raise FaultPlanError(
                f"{shown[key]}={latency!r}: a latency is a whole number of milliseconds, 0 or more"
            )


def _checked(rule: object) -> FaultRule:
    if not isinstance(rule, FaultRule):
        raise FaultPlanError(f"{rule!r}: not a FaultRule (build one with FaultRule.build)")
    return rule


def _seed(seed: object) -> int:
    if seed is None:
        return random.SystemRandom().randrange(2**32)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise FaultPlanError(f"seed={seed!r}: a seed is a whole number")
    return seed


def _is_number(value: object) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


@dataclass(slots=True)
class _Active:
    """A rule in force: its sliding window and what it injected."""

    rule: FaultRule
    window: collections.deque[float] = field(default_factory=collections.deque)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_COUNTERS, 0))

    def admit(self, now: float) -> float | None:
        """Record a request under the rate limit; or the seconds until a slot frees."""
        limit = self.rule.rate_limit
        if limit is None:
            return None
        capacity = max(1, math.floor(limit))
        span = capacity / limit  # N a second; below 1 a second, one per 1/N seconds
        while self.window and self.window[0] <= now - span:
            self.window.popleft()
        if len(self.window) < capacity:
            self.window.append(now)
            return None
        return self.window[0] + span - now


@dataclass(frozen=True, slots=True)
class _Verdict:
    latency: float = 0.0
    latency_after: float = 0.0
    retry_after: float | None = None  # set: refused by a rate limit
    before: str | None = None  # "drop_before" or "errors_before"
    after: str | None = None  # "drop_after" or "errors_after"


_NOTHING = _Verdict()


class Faults:
    """The fault plan of one sandbox (``sandbox.faults``): thread-safe.

    ``monotonic`` is the wall clock the rate limits count on (a test may pass its own).
    """

    def __init__(self, *, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._rules: list[_Active] = []
        self._seed = 0
        self._random = random.Random(0)

    # -- the plan -----------------------------------------------------------------------

    def configure(
        self,
        *,
        rate_limit: float | None = None,
        errors_before: float = 0.0,
        errors_after: float = 0.0,
        latency_ms: int = 0,
        drop_before: float = 0.0,
        drop_after: float = 0.0,
        operations: Iterable[str] | None = None,
        latency_after_ms: int = 0,
        seed: int | None = None,
    ) -> None:
        """Replace the plan with one rule (see the module's table for each fault).

        ``operations`` names the operations it applies to (operationIds or snake_case
        names; ``None``: all). ``seed`` seeds the draws (``None``: a random seed, shown
        by :meth:`status` so that a run can be replayed). Raises :class:`FaultPlanError`.
        """
        rule = FaultRule.build(
            rate_limit=rate_limit,
            errors_before=errors_before,
            errors_after=errors_after,
            latency_ms=latency_ms,
            drop_before=drop_before,
            drop_after=drop_after,
            operations=operations,
            latency_after_ms=latency_after_ms,
        )
        self.replace([rule], seed=seed)

    def add(
        self,
        *,
        rate_limit: float | None = None,
        errors_before: float = 0.0,
        errors_after: float = 0.0,
        latency_ms: int = 0,
        drop_before: float = 0.0,
        drop_after: float = 0.0,
        operations: Iterable[str] | None = None,
        latency_after_ms: int = 0,
        seed: int | None = None,
    ) -> None:
        """Add a rule after the others (same keywords as :meth:`configure`).

        ``seed``, when given, restarts the plan's draws from it.
        """
        rule = FaultRule.build(
            rate_limit=rate_limit,
            errors_before=errors_before,
            errors_after=errors_after,
            latency_ms=latency_ms,
            drop_before=drop_before,
            drop_after=drop_after,
            operations=operations,
            latency_after_ms=latency_after_ms,
        )
        self.extend([rule], seed=seed)

    def replace(self, rules: Iterable[FaultRule], *, seed: int | None = None) -> None:
        """Replace the plan with ``rules``, counters at zero, draws from ``seed``
        (``None``: a random seed)."""
        active = [_Active(_checked(rule)) for rule in rules]
        seed = _seed(seed)
        with self._lock:
            self._rules = active
            self._seed = seed
            self._random.seed(seed)

    def extend(self, rules: Iterable[FaultRule], *, seed: int | None = None) -> None:
        """Add ``rules`` after the others; ``seed``, when given, restarts the draws."""
        active = [_Active(_checked(rule)) for rule in rules]
        if seed is not None:
            seed = _seed(seed)
        with self._lock:
            self._rules.extend(active)
            if seed is not None:
                self._seed = seed
                self._random.seed(seed)

    def clear(self) -> None:
        """No faults any more (the counters go too)."""
        self.replace([])

    @property
    def active(self) -> bool:
        """Whether the plan has any rule."""
        return bool(self._rules)

    @property
    def rules(self) -> tuple[FaultRule, ...]:
        """The rules in force, in order."""
        with self._lock:
            return tuple(active.rule for active in self._rules)

    def status(self) -> dict[str, Any]:
        """The plan and what it injected: ``{"seed", "rules": [... "counts"], "counts"}``.

        ``counts`` (per rule and in total): ``requests`` that matched, ``rateLimited``,
        ``errorsBefore``, ``errorsAfter``, ``dropsBefore``, ``dropsAfter``, ``delayed``,
        ``delayedAfter``.
        """
        with self._lock:
            totals = dict.fromkeys(_COUNTERS, 0)
            rules = []
            for active in self._rules:
                for key, count in active.counts.items():
                    totals[key] += count
                rules.append({**active.rule.to_json(), "counts": dict(active.counts)})
            return {"seed": self._seed, "rules": rules, "counts": totals}

    # -- serving ------------------------------------------------------------------------

    def _decide(self, operation_id: str) -> _Verdict:
        """What happens to one request for ``operation_id`` (counts it)."""
        if not self._rules:
            return _NOTHING
        with self._lock:
            now = self._monotonic()
            matching = [a for a in self._rules if a.rule.matches(operation_id)]
            latency = later = 0.0
            for active in matching:
                active.counts["requests"] += 1
                if active.rule.latency_ms:
                    active.counts["delayed"] += 1
                    latency += active.rule.latency_ms / 1000
                if active.rule.latency_after_ms:
                    active.counts["delayedAfter"] += 1
                    later += active.rule.latency_after_ms / 1000
            for active in matching:
                wait = active.admit(now)
                if wait is not None:
                    active.counts["rateLimited"] += 1
                    return _Verdict(latency, retry_after=wait)
            picked: str | None = None
            for active in matching:
                if not active.rule.draws:
                    continue
                fault = active.rule.pick(self._random.random())
                if fault is not None and picked is None:
                    picked = fault
                    active.counts[_COUNTER_OF[fault]] += 1
            if picked is None:
                return _Verdict(latency, later) if latency or later else _NOTHING
            if picked.endswith("_before"):
                return _Verdict(latency, before=picked)
            return _Verdict(latency, later, after=picked)

    async def serve(
        self, operation_id: str, app: ASGIApp, scope: Scope, receive: Receive, send: Send
    ) -> None:
        """Serve one HTTP request for ``operation_id`` through ``app``, with its faults."""
        verdict = self._decide(operation_id)
        if verdict.latency:
            await asyncio.sleep(verdict.latency)
        if verdict.before is not None or verdict.retry_after is not None:
            # Read the request first, as the server would have: a drop then closes a
            # connection with nothing unread (a FIN the client reads as "disconnected
            # without a response", not a reset that may reach it as a failed write).
            await _drain(receive)
        if verdict.retry_after is not None:
            seconds = max(1, math.ceil(verdict.retry_after))
            fault = ApiFault(429, f"too many requests; try again in {seconds} s")
            await _answer(send, fault, {"retry-after": str(seconds)})
        elif verdict.before == "errors_before":
            message = "service unavailable (a fault injected before the request was handled)"
            await _answer(send, ApiFault(BEFORE_STATUS, message), {})
        elif verdict.before == "drop_before":
            await _drop(send, operation_id)
        elif verdict.after is None and not verdict.latency_after:
            await app(scope, receive, send)
        elif verdict.after is None:
            answer: list[MutableMapping[str, Any]] = []

            async def keep(message: MutableMapping[str, Any]) -> None:
                answer.append(message)

            await app(scope, receive, keep)  # the work is done and committed now
            await asyncio.sleep(verdict.latency_after)
            for part in answer:
                await send(part)
        else:
            await app(scope, receive, _swallow)
            await asyncio.sleep(verdict.latency_after)
            if verdict.after == "drop_after":
                await _drop(send, operation_id)
            else:
                message = "bad gateway (a fault injected after the request was handled)"
                await _answer(send, ApiFault(AFTER_STATUS, message), {})


async def _answer(send: Send, fault: ApiFault, headers: Mapping[str, str]) -> None:
    body = json.dumps(fault.body()).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw += [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": fault.status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


async def _swallow(message: MutableMapping[str, Any]) -> None:
    """A ``send`` that loses the answer on its way."""


async def _drain(receive: Receive) -> None:
    """Read the request body to its end (a drop then closes a quiet connection)."""
    while True:
        message = await receive()
        if message.get("type") != "http.request" or not message.get("more_body"):
            return


async def _drop(send: Send, operation_id: str) -> None:
    """Close the connection without an answer.

    uvicorn's ``send`` is a method of the request's cycle, which holds the asyncio
    transport: closing it is what a dying server does. The one ``sleep(0)`` lets the
    server see the connection lost before the application returns, so it neither logs
    an error nor tries a 500 on it. Anywhere else (``httpx.ASGITransport``) the drop is
    raised as :class:`DroppedConnection`, which the transport hands to its caller.
    """
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    close = getattr(transport, "close", None)
    if callable(close):
        close()
        await asyncio.sleep(0)
        return
    raise DroppedConnection(
        f"the sandbox dropped the connection ({operation_id}: a fault injected on purpose)"
    )
