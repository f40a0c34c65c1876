"""A local CallFire that keeps state, for testing integrations offline.

``cftools.sandbox`` serves every operation of the CallFire API v2 from the same parts
the client is made of: the table of operations and the request checks
(:mod:`cftools.spec`), the ``fields`` projector (:mod:`cftools.fields`) and the
dialplan validator (:mod:`cftools.dialplan`). What is created can be read, found,
updated and deleted; state lives in SQLite (in memory, or in a file that survives a
restart); a bad request is refused with CallFire's error body.

Calls and texts move through CallFire's states on the sandbox's clock (its engine): the
number dialled decides the outcome (a documented table: ``docs/sandbox-outcomes.md``,
the rest follows the seed), broadcasts dial within ``maxActive``, local time windows and
their retry and answering machine configs, IVR calls run their dialplan in
:func:`cftools.dialplan.simulate` with keys scripted by the recipient's
``"sandbox.keys"`` attribute, and inbound calls and texts are injected with
``sandbox.engine`` or the ``/_sandbox/inbound/...`` control endpoints.

It is not CallFire: nothing is dialled or sent, prices and catalogues are made up. It
needs the ``sandbox`` extra::

    pip install 'cftools[sandbox]'

- :class:`Sandbox`: the state and the ASGI application (``sandbox.app``).
- :class:`SandboxServer`: a sandbox served by uvicorn on a loopback port, in a thread.
- :func:`serve`: serve a sandbox in the foreground until Ctrl-C.
- :class:`SyncASGITransport`: an ``httpx`` transport that calls the app in-process,
  for the synchronous :class:`cftools.client.Client` (use ``httpx.ASGITransport`` for the
  ``AsyncClient``).
- :class:`ManualClock`, :class:`ScaledClock`, :class:`SystemClock`: the clock the
  sandbox reads the time from (by hand, N times real time, real time); by default
  ``ScaledClock(DEFAULT_SPEED)``, 60 times real time.
- :class:`Event`, :class:`EventBus`: what happens in the sandbox (``sandbox.events``).
- :class:`Faults` (``sandbox.faults``), :class:`FaultRule`, :class:`FaultPlanError`,
  :class:`DroppedConnection`: rate limits, 5xx answers before or after the work, added
  latency and dropped connections on demand.
- :class:`Deliveries`, :class:`Delivery`, :class:`DeliveryAttempt`: the webhooks fired for
  the sandbox's events, and their log (``sandbox.deliveries``; retried after
  :data:`RETRY_DELAYS_MS`).
- :class:`Engine`: moves calls, texts and broadcasts on the clock, takes inbound calls
  and texts (``sandbox.engine``).
- :data:`HANDLERS`: the handler of every operationId.
"""

from __future__ import annotations

try:
    import starlette  # noqa: F401
    import uvicorn  # noqa: F401
except ImportError as _missing:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        f"cftools.sandbox needs {_missing.name}, which is not installed: "
        "pip install 'cftools[sandbox]'"
    ) from _missing

from cftools.sandbox import _resources  # registers every handler
from cftools.sandbox._app import MAX_BODY, Sandbox
from cftools.sandbox._clock import (
    DEFAULT_SPEED,
    AdvanceableClock,
    Clock,
    ManualClock,
    ScaledClock,
    SystemClock,
)
from cftools.sandbox._core import HANDLERS, ApiFault
from cftools.sandbox._deliveries import RETRY_DELAYS_MS, Deliveries, Delivery, DeliveryAttempt
from cftools.sandbox._engine import Engine
from cftools.sandbox._events import Event, EventBus
from cftools.sandbox._faults import DroppedConnection, FaultPlanError, FaultRule, Faults
from cftools.sandbox._server import SandboxServer, SyncASGITransport, serve
from cftools.sandbox._store import Change, Store

__all__ = [
    "DEFAULT_SPEED",
    "HANDLERS",
    "MAX_BODY",
    "RETRY_DELAYS_MS",
    "AdvanceableClock",
    "ApiFault",
    "Change",
    "Clock",
    "Deliveries",
    "Delivery",
    "DeliveryAttempt",
    "DroppedConnection",
    "Engine",
    "Event",
    "EventBus",
    "FaultPlanError",
    "FaultRule",
    "Faults",
    "ManualClock",
    "Sandbox",
    "SandboxServer",
    "ScaledClock",
    "Store",
    "SyncASGITransport",
    "SystemClock",
    "serve",
]

del _resources

for _cls in (
    ApiFault,
    Change,
    Deliveries,
    Delivery,
    DeliveryAttempt,
    DroppedConnection,
    Engine,
    Event,
    EventBus,
    FaultPlanError,
    FaultRule,
    Faults,
    ManualClock,
    Sandbox,
    SandboxServer,
    ScaledClock,
    Store,
    SyncASGITransport,
    SystemClock,
):
    _cls.__module__ = __name__
del _cls


def __dir__() -> list[str]:
    return list(__all__)
