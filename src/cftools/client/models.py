"""Typed models of the CallFire API v2, for the editor and for mypy.

One ``TypedDict`` per definition of the official specification, under the
specification's own name (``Call``, ``CallRecipient``, ``CallPage``, ``Contact``,
``Text``, ``Webhook``, ...), plus the webhook payloads. They are generated into
:mod:`cftools.spec.models`, shared with everything that serves or reads the API; this
module re-exports them, so that a client user writes::

    from cftools.client.models import Call, CallRecipient

    recipients: list[CallRecipient] = [{"phoneNumber": "12135551100"}]
    calls = client.send_calls(recipients)          # a CallList
    for call in client.paginate("findCalls"):      # each a Call
        print(call.get("finalCallResult"))

Every key is optional (``fields`` can drop any), and nothing is checked at run time:
responses are the plain dicts and lists that JSON decodes, unknown keys and enumeration
values included. See :mod:`cftools.spec.models` for the rules.
"""

from __future__ import annotations

from cftools.spec.models import *  # noqa: F403
from cftools.spec.models import __all__ as __all__
