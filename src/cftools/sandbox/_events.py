"""What happens in the sandbox, as CallFire's webhooks name it.

The parts that make things happen (calls and texts finishing, broadcasts starting) emit
an :class:`Event` once the change is committed; the parts that react (webhook delivery)
subscribe to the :class:`EventBus`. A subscriber is called on the emitter's thread and
must return quickly: slow work (an HTTP POST) belongs on a worker of its own.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Event", "EventBus"]

logger = logging.getLogger("cftools.sandbox")


@dataclass(frozen=True, slots=True)
class Event:
    """One event: ``resource`` and ``event`` are the names webhooks use.

    ``resource`` is one of the webhook resources (``"CallBroadcast"``,
    ``"OutboundCall"``, ``"InboundText"``, ...), ``event`` one of its events
    (``"started"``, ``"finished"``, ...), ``doc`` the resource as the API shows it when
    the event happened (no private keys), ``at_ms`` the sandbox time of the event.
    """

    resource: str
    event: str
    doc: Mapping[str, Any]
    at_ms: int


class EventBus:
    """Hands every emitted :class:`Event` to each subscriber, in subscription order."""

    def __init__(self) -> None:
        self._subscribers: list[Callable[[Event], None]] = []
        self._lock = threading.Lock()

    def subscribe(self, subscriber: Callable[[Event], None]) -> None:
        """Call ``subscriber`` with every event emitted from now on."""
        with self._lock:
            self._subscribers.append(subscriber)

    def emit(self, event: Event) -> None:
        """Give ``event`` to every subscriber; one that raises is logged, not propagated
        (an event never fails the request or the tick that caused it)."""
        with self._lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            try:
                subscriber(event)
            except Exception:
                logger.exception(
                    "sandbox: a subscriber failed on %s.%s", event.resource, event.event
                )

    def __repr__(self) -> str:
        return f"<EventBus subscribers={len(self._subscribers)}>"
