"""The handlers of every operation, one module per kind of resource.

Importing this package registers them all in :data:`cftools.sandbox._core.HANDLERS`.
"""

from __future__ import annotations

from . import broadcasts, contacts, dncs, files, me, messages, numbers, webhooks

__all__ = ["broadcasts", "contacts", "dncs", "files", "me", "messages", "numbers", "webhooks"]
