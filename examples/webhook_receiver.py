"""A CallFire webhook receiver: a small Starlette app around ``cftools.webhooks.receive``.

    CALLFIRE_WEBHOOK_SECRET=... uvicorn examples.webhook_receiver:app --port 8000

Create the webhook with the same secret (``client.create_webhook({"name": ...,
"resource": "OutboundCall", "events": ["finished"], "callback": "https://.../callfire",
"secret": ...})``). Each POST to ``/callfire`` is verified on its raw body, then parsed;
a bad signature gets 401, a body that is not a payload 400, anything else 204 at once
(CallFire wants a quick answer: do slow work in a queue). Starlette is needed only for
this example; cftools itself does not depend on it.

To try it without CallFire, point a sandbox webhook at it: the sandbox signs with the
same code (``cftools.webhooks.sign``) and fires ``ContactList`` events when a list is
created::

    cftools sandbox serve --port 8080        # in another terminal (prints the password)
    client.create_webhook({"name": "lists", "resource": "ContactList",
                           "events": ["validationFinished"], "secret": ...,
                           "callback": "http://127.0.0.1:8000/callfire"})
    client.create_contact_list({"name": "VIP", "contactNumbers": ["12135551100"]})

and read what was delivered at ``GET http://127.0.0.1:8080/_sandbox/webhooks/deliveries``.
"""

from __future__ import annotations

import logging
import os

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from cftools.webhooks import WebhookError, WebhookSignatureError, receive

log = logging.getLogger("webhook_receiver")


def create_app(secret: str) -> Starlette:
    """The receiver app for webhooks signed with ``secret``."""
    received = []

    async def callfire(request: Request) -> Response:
        body = await request.body()  # the raw bytes: the signature covers exactly these
        try:
            payload = receive(body, request.headers, secret)
        except WebhookSignatureError:
            return PlainTextResponse("bad signature", status_code=401)
        except WebhookError as exc:
            return PlainTextResponse(str(exc), status_code=400)
        if payload["resourceType"] == "OutboundCall":
            for event in payload["events"]:
                call = event.get("resource", {})
                log.info(
                    "call %s to %s: %s",
                    call.get("id"),
                    call.get("toNumber"),
                    call.get("finalCallResult"),
                )
        received.append(payload)
        return Response(status_code=204)

    app = Starlette(routes=[Route("/callfire", callfire, methods=["POST"])])
    app.state.received = received
    return app


app = create_app(os.environ.get("CALLFIRE_WEBHOOK_SECRET", ""))
