"""cftools: a toolkit for the CallFire API v2.

Three parts, each usable on its own:

* :mod:`cftools.fields` parses CallFire's ``fields`` partial-response language and
  applies it to JSON on the client side, exactly as the server would.
* :mod:`cftools.dialplan` builds, reads, validates, draws and simulates CallFire IVR
  XML (``dialplanXml``).
* :mod:`cftools.client` is a thin httpx client, sync and async, for every operation
  of the API, which checks ``fields``, ``dialplanXml`` and payloads before sending.
* :mod:`cftools.spec` is the API as data (the table of operations, the body models and
  the request checks), shared by the client and anything that serves the API.
* :mod:`cftools.webhooks` verifies the signature of CallFire's webhook callbacks and
  reads their payloads, typed.
* :mod:`cftools.sandbox` is a local CallFire that keeps state, for testing integrations
  offline (needs the ``sandbox`` extra: ``pip install 'cftools[sandbox]'``).
* :mod:`cftools.campaigns` sends one message or one IVR to many recipients through
  the client: checked first, in journaled batches, exactly once, as fast as allowed.

cftools is not an official CallFire product and does not talk to the network unless
you call a client method.

Every exception the library raises on purpose derives from :class:`CftoolsError`.
The subpackages are imported lazily: ``import cftools`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from cftools._errors import CftoolsError
from cftools._version import __version__

if TYPE_CHECKING:
    from cftools import campaigns, client, dialplan, fields, sandbox, spec, webhooks

__all__ = [
    "CftoolsError",
    "__version__",
    "campaigns",
    "client",
    "dialplan",
    "fields",
    "sandbox",
    "spec",
    "webhooks",
]

_SUBPACKAGES = frozenset(
    {"campaigns", "client", "dialplan", "fields", "sandbox", "spec", "webhooks"}
)


def __getattr__(name: str) -> Any:
    if name in _SUBPACKAGES:
        return importlib.import_module(f"cftools.{name}")
    raise AttributeError(f"module 'cftools' has no attribute {name!r}")


def __dir__() -> list[str]:
    return list(__all__)
