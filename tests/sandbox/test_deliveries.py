"""Webhooks fired by the sandbox, received by a real Starlette receiver on loopback.

The receiver is built with ``cftools.webhooks.receive`` (it verifies every signature)
and served by uvicorn in a thread; webhooks are created through the REST API with the
client; the sandbox runs on a hand-driven ``ManualClock``, so retries happen exactly
when a test advances the clock. Nothing here times anything: a slow receiver is shown
not to slow requests by answering them while the receiver is held.
"""

from __future__ import annotations

import base64
import importlib.util
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus, urlencode, urlsplit

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("starlette")

import anyio
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from cftools.client import BadRequestError, Client
from cftools.sandbox import (
    RETRY_DELAYS_MS,
    Event,
    ManualClock,
    Sandbox,
    SandboxServer,
    SyncASGITransport,
)
from cftools.sandbox._deliveries import _with_credentials_as_header, shown_url
from cftools.sandbox._server import _bind
from cftools.spec import compile_fields
from cftools.webhooks import WebhookError, parse, receive, sign

SECRET = "receiver-secret-9f2c"
START = 1_800_000_000_000
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "webhook_receiver.py"


# -- A receiver on loopback -----------------------------------------------------------------


@dataclass
class Got:
    body: bytes
    headers: dict[str, str]
    payload: Any


@dataclass
class Receiver:
    """A Starlette app checking signatures with cftools.webhooks, served by uvicorn."""

    secret: str | None = SECRET
    fail_first: int = 0  # answer 500 to the first N requests
    status: int = 204
    hold: threading.Event | None = None  # when set: wait for it before answering
    got: list[Got] = field(default_factory=list)
    requests: int = 0
    entered: threading.Event = field(default_factory=threading.Event)
    elsewhere: int = 0

    async def hook(self, request: Request) -> Response:
        self.requests += 1
        self.entered.set()
        if self.hold is not None:  # wait in a thread: the server goes on serving
            await anyio.to_thread.run_sync(self.hold.wait, 10.0)
        body = await request.body()
        try:
            if self.secret is None:
                payload = parse(body)
            else:
                payload = receive(body, request.headers, self.secret)
        except WebhookError as exc:
            return Response(str(exc), status_code=401)
        self.got.append(Got(body, dict(request.headers), payload))
        if self.requests <= self.fail_first:
            return Response("not now", status_code=500)
        if self.status in (301, 302, 307, 308):
            return RedirectResponse("/elsewhere", status_code=self.status)
        return Response(status_code=self.status)

    async def other(self, request: Request) -> Response:
        self.elsewhere += 1
        return Response(status_code=204)

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/hook", self.hook, methods=["POST"]),
                Route("/elsewhere", self.other, methods=["POST", "GET"]),
            ]
        )


class Served:
    """Any ASGI app served by uvicorn on a free 127.0.0.1 port, in a thread."""

    def __init__(self, app: Any) -> None:
        self._socket = _bind("127.0.0.1", 0)
        self.port = self._socket.getsockname()[1]
        config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )
        self._thread.start()
        for _ in range(1500):
            if self._server.started:
                break
            threading.Event().wait(0.01)
        assert self._server.started, "the receiver did not start"

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(10)
        self._socket.close()


@dataclass
class Env:
    sandbox: Sandbox
    clock: ManualClock
    api: Client
    http: httpx.Client  # raw, for the control endpoints
    receiver: Receiver
    served: Served

    def webhook(self, **body: Any) -> int:
        defaults = {
            "name": "lists",
            "resource": "ContactList",
            "events": ["validationFinished"],
            "callback": self.served.url(),
            "secret": SECRET,
        }
        return int(self.api.create_webhook({**defaults, **body})["id"])  # type: ignore[arg-type]

    def new_list(self, *numbers: str) -> int:
        body = {"name": "VIP", "contactNumbers": list(numbers or ["12135551100"])}
        return int(self.api.create_contact_list(body)["id"])  # type: ignore[arg-type]

    def settle(self) -> None:
        assert self.sandbox.deliveries.wait_idle(15), "deliveries did not settle"

    def deliveries(self, **query: Any) -> list[dict[str, Any]]:
        answer = self.http.get("/_sandbox/webhooks/deliveries", params=query)
        assert answer.status_code == 200, answer.text
        items: list[dict[str, Any]] = answer.json()["items"]
        return items


@pytest.fixture
def env() -> Iterator[Env]:
    clock = ManualClock(start_ms=START)
    sandbox = Sandbox(clock=clock)
    receiver = Receiver()
    served = Served(receiver.app())
    transport = SyncASGITransport(sandbox.app)
    api = Client(
        *sandbox.credentials, base_url="http://localhost/v2", max_retries=0, transport=transport
    )
    http = httpx.Client(
        base_url="http://localhost",
        auth=sandbox.credentials,
        transport=SyncASGITransport(sandbox.app),
    )
    try:
        yield Env(sandbox, clock, api, http, receiver, served)
    finally:
        if receiver.hold is not None:
            receiver.hold.set()
        api.close()
        http.close()
        sandbox.close()
        served.stop()


# -- Delivery -------------------------------------------------------------------------------


def test_a_signed_payload_reaches_the_receiver_and_verifies(env: Env) -> None:
    hook = env.webhook()
    list_id = env.new_list("12135551100", "12135551101")
    env.settle()
    (got,) = env.receiver.got
    assert got.headers["x-callfire-signature"] == sign(got.body, SECRET)
    assert got.headers["content-type"] == "application/json"
    payload = got.payload
    assert payload["timestamp"] == START
    assert (payload["webhookId"], payload["webhookName"]) == (hook, "lists")
    assert payload["resourceType"] == "ContactList"
    (event,) = payload["events"]
    assert (event["eventType"], event["timestamp"]) == ("validationFinished", START)
    assert event["resource"] == env.api.get_contact_list(list_id)
    assert event["resource"]["size"] == 2 and event["resource"]["status"] == "ACTIVE"
    (delivery,) = env.deliveries()
    assert delivery["status"] == "delivered" and delivery["payload"] == payload
    assert delivery["attempts"][0]["statusCode"] == 204


def test_the_example_receiver_accepts_what_the_sandbox_sends(env: Env) -> None:
    spec = importlib.util.spec_from_file_location("webhook_receiver_example", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    app = module.create_app(SECRET)
    served = Served(app)
    try:
        env.webhook(callback=served.url("/callfire"))
        env.webhook(callback=served.url("/callfire"), secret="not the receiver's")
        env.new_list()
        env.settle()
        (payload,) = app.state.received  # the wrongly signed one was refused with 401
        assert payload["resourceType"] == "ContactList"
        codes = sorted(d["attempts"][0]["statusCode"] for d in env.deliveries())
        assert codes == [204, 401]
    finally:
        served.stop()


def test_a_webhook_without_a_secret_sends_no_signature(env: Env) -> None:
    env.receiver.secret = None
    env.api.create_webhook(
        {
            "name": "plain",
            "resource": "ContactList",
            "events": ["validationFinished"],
            "callback": env.served.url(),
        }
    )
    env.new_list()
    env.settle()
    (got,) = env.receiver.got
    assert "x-callfire-signature" not in got.headers


def test_the_webhook_fields_are_applied_as_the_api_applies_them(env: Env) -> None:
    env.webhook(fields="id,name,size")
    list_id = env.new_list()
    env.settle()
    (got,) = env.receiver.got
    resource = got.payload["events"][0]["resource"]
    assert resource == env.api.get_contact_list(list_id, fields="id,name,size")
    assert resource == compile_fields("id,name,size")(env.api.get_contact_list(list_id))
    assert set(resource) == {"id", "name", "size"}


def test_a_malformed_fields_expression_is_refused_when_saved(env: Env) -> None:
    body = {"name": "n", "resource": "ContactList", "events": ["validationFinished"]}
    body["callback"] = env.served.url()
    for fields in ("id,(name", "items("):
        answer = env.http.post("/v2/webhooks", json={**body, "fields": fields})
        assert answer.status_code == 400 and "invalid fields expression" in answer.text
    hook = env.webhook()
    answer = env.http.put(f"/v2/webhooks/{hook}", json={"fields": "a(b"})
    assert answer.status_code == 400


def test_webhook_resources_are_the_specifications() -> None:
    from cftools.sandbox._resources.webhooks import RESOURCES
    from cftools.webhooks import RESOURCE_TYPES

    assert RESOURCES is RESOURCE_TYPES
    assert RESOURCES["MonthlyRenewal"] == ("failed", "finished")


def test_only_enabled_webhooks_watching_the_resource_and_event_get_it(env: Env) -> None:
    failed_only = env.webhook(events=["validationFailed"])
    calls = env.webhook(resource="OutboundCall", events=["finished"])
    disabled = env.webhook()
    env.api.update_webhook(disabled, {"enabled": False})
    env.new_list()
    env.settle()
    assert env.receiver.got == [] and env.deliveries() == []
    env.sandbox.events.emit(Event("OutboundCall", "finished", {"id": 5}, START))
    env.settle()
    (got,) = env.receiver.got
    assert got.payload["webhookId"] == calls
    assert [d["webhookId"] for d in env.deliveries()] == [calls]
    assert failed_only not in [d["webhookId"] for d in env.deliveries()]


def test_every_matching_webhook_gets_its_own_delivery(env: Env) -> None:
    first = env.webhook(name="one")
    second = env.webhook(name="two", fields="id")
    env.new_list()
    env.settle()
    by_hook = {g.payload["webhookId"]: g.payload for g in env.receiver.got}
    assert set(by_hook) == {first, second}
    assert by_hook[second]["webhookName"] == "two"
    assert set(by_hook[second]["events"][0]["resource"]) == {"id"}


# -- ContactList validation -----------------------------------------------------------------


def test_a_list_with_a_member_without_a_number_fails_validation(env: Env) -> None:
    finished = env.webhook(events=["validationFinished"])
    failed = env.webhook(events=["validationFailed"])
    csv = b"firstName,number\nAda,12135551100\nGrace,\n"
    list_id = env.api.create_contact_list_from_file(("p.csv", csv), name="csv")["id"]
    env.settle()
    assert env.api.get_contact_list(list_id)["status"] == "ERRORS"
    (got,) = env.receiver.got
    assert got.payload["webhookId"] == failed
    assert got.payload["events"][0]["eventType"] == "validationFailed"
    good = b"firstName,number\nAda,12135551100\n"
    list_id = env.api.create_contact_list_from_file(("q.csv", good), name="ok")["id"]
    env.settle()
    assert env.api.get_contact_list(list_id)["status"] == "ACTIVE"
    assert env.receiver.got[-1].payload["webhookId"] == finished


def test_a_file_that_is_not_csv_is_refused_and_sends_nothing(env: Env) -> None:
    env.webhook(events=["validationFinished", "validationFailed"])
    with pytest.raises(BadRequestError):
        env.api.create_contact_list_from_file(("p.csv", b"\xff\xfe\x00bad"), name="x")
    env.settle()
    assert env.deliveries() == []


# -- Retries on the sandbox clock ----------------------------------------------------------


def test_failed_attempts_are_retried_with_backoff_on_the_sandbox_clock(env: Env) -> None:
    env.receiver.fail_first = 2
    hook = env.webhook()
    env.new_list()
    env.settle()
    (delivery,) = env.deliveries()
    assert delivery["status"] == "retrying"
    assert delivery["nextRetryAt"] == START + RETRY_DELAYS_MS[0]
    env.sandbox.advance(RETRY_DELAYS_MS[0] / 1000 - 1)
    env.settle()
    assert env.receiver.requests == 1  # not due yet
    env.sandbox.advance(1)
    env.settle()
    assert env.receiver.requests == 2
    env.sandbox.advance(RETRY_DELAYS_MS[1] / 1000)
    env.settle()
    (delivery,) = env.deliveries(webhookId=hook)
    assert delivery["status"] == "delivered" and delivery["nextRetryAt"] is None
    attempts = [(a["attempt"], a["at"], a["statusCode"]) for a in delivery["attempts"]]
    second = START + RETRY_DELAYS_MS[0]
    assert attempts == [(1, START, 500), (2, second, 500), (3, second + RETRY_DELAYS_MS[1], 204)]
    assert [a["error"] for a in delivery["attempts"]] == ["HTTP 500", "HTTP 500", None]
    assert delivery["attempts"][0]["nextRetryAt"] == second
    assert len({g.body for g in env.receiver.got}) == 1  # a retry sends the same bytes
    env.sandbox.advance(3600)
    env.settle()
    assert env.receiver.requests == 3


def test_a_delivery_gives_up_after_the_last_retry(env: Env) -> None:
    env.receiver.status = 503
    env.webhook()
    env.new_list()
    env.settle()
    for delay in RETRY_DELAYS_MS:
        env.sandbox.advance(delay / 1000)
        env.settle()
    (delivery,) = env.deliveries()
    assert delivery["status"] == "failed" and delivery["error"] == "HTTP 503"
    assert len(delivery["attempts"]) == len(RETRY_DELAYS_MS) + 1
    assert delivery["attempts"][-1]["nextRetryAt"] is None
    env.sandbox.advance(86_400)
    env.settle()
    assert env.receiver.requests == len(RETRY_DELAYS_MS) + 1


def test_a_dead_receiver_is_a_connection_error_and_is_retried(env: Env) -> None:
    dead = Served(Receiver().app())
    url = dead.url()
    dead.stop()  # nothing listens on that port any more
    env.webhook(callback=url)
    env.new_list()
    env.settle()
    (delivery,) = env.deliveries()
    assert delivery["status"] == "retrying"
    assert delivery["attempts"][0]["statusCode"] is None
    assert "ConnectError" in delivery["error"]


def test_a_receiver_that_does_not_answer_in_time_times_out(env: Env) -> None:
    env.sandbox.deliveries.timeout = 0.3
    env.receiver.hold = threading.Event()
    env.webhook()
    env.new_list()
    env.settle()  # returns once the attempt timed out, while the receiver is still held
    (delivery,) = env.deliveries()
    assert delivery["status"] == "retrying" and "timed out" in delivery["error"]


def test_a_redirect_is_not_followed(env: Env) -> None:
    env.receiver.status = 307
    env.webhook()
    env.new_list()
    env.settle()
    (delivery,) = env.deliveries()
    assert delivery["attempts"][0]["statusCode"] == 307
    assert "redirects are not followed" in delivery["error"]
    assert env.receiver.elsewhere == 0


@pytest.mark.parametrize(
    "callback", ["ftp://127.0.0.1/hook", "file:///etc/passwd", "http:///no-host", "hook"]
)
def test_only_http_callbacks_are_posted_to(env: Env, callback: str) -> None:
    env.webhook(callback=callback)
    env.new_list()
    env.settle()
    (delivery,) = env.deliveries(status="failed")
    assert delivery["attempts"] == [] and "not an http(s) URL" in delivery["error"]


# -- singleUse, deleted and disabled webhooks ----------------------------------------------


def test_a_single_use_webhook_is_disabled_after_its_first_delivery(env: Env) -> None:
    hook = env.webhook(singleUse=True)
    env.new_list()
    env.settle()
    assert env.api.get_webhook(hook)["enabled"] is False
    env.new_list()
    env.settle()
    assert len(env.receiver.got) == 1 and len(env.deliveries()) == 1


def test_a_single_use_webhook_delivers_once_even_with_deliveries_queued(env: Env) -> None:
    env.receiver.hold = threading.Event()
    hook = env.webhook(singleUse=True)
    env.new_list()
    assert env.receiver.entered.wait(10)
    env.new_list()  # queued behind the held one, while the webhook is still enabled
    env.receiver.hold.set()
    env.settle()
    assert [d["status"] for d in env.deliveries()] == ["delivered", "cancelled"]
    assert env.deliveries()[1]["error"] == f"webhook {hook} was disabled"
    assert len(env.receiver.got) == 1


def test_a_single_use_webhook_stays_enabled_until_a_delivery_succeeds(env: Env) -> None:
    env.receiver.fail_first = 1
    hook = env.webhook(singleUse=True)
    env.new_list()
    env.settle()
    assert env.api.get_webhook(hook)["enabled"] is True
    env.sandbox.advance(RETRY_DELAYS_MS[0] / 1000)
    env.settle()
    assert env.api.get_webhook(hook)["enabled"] is False


def test_a_retry_for_a_deleted_webhook_is_cancelled(env: Env) -> None:
    env.receiver.status = 500
    hook = env.webhook()
    env.new_list()
    env.settle()
    env.api.delete_webhook(hook)
    env.sandbox.advance(RETRY_DELAYS_MS[0] / 1000)
    env.settle()
    (delivery,) = env.deliveries()
    assert delivery["status"] == "cancelled"
    assert delivery["error"] == f"webhook {hook} was deleted"
    assert env.receiver.requests == 1


# -- Never blocking ---------------------------------------------------------------------------


def test_a_held_receiver_never_holds_up_api_requests() -> None:
    hold = threading.Event()
    receiver = Receiver(hold=hold)
    served = Served(receiver.app())
    try:
        with SandboxServer(clock=ManualClock(START)) as server, server.client() as api:
            api.create_webhook(
                {
                    "name": "slow",
                    "resource": "ContactList",
                    "events": ["validationFinished"],
                    "callback": served.url(),
                    "secret": SECRET,
                }
            )
            first = api.create_contact_list({"name": "a", "contactNumbers": ["12135551100"]})
            assert receiver.entered.wait(10)  # the POST is under way, and held
            # While the receiver holds the delivery, the API answers (the sandbox's
            # worker is the one waiting), and queues the next delivery behind it.
            second = api.create_contact_list({"name": "b", "contactNumbers": ["12135551101"]})
            assert api.get_contact_list(first["id"])["size"] == 1
            assert not hold.is_set() and receiver.got == []
            statuses = [d.status for d in server.sandbox.deliveries.log()]
            assert statuses == ["pending", "pending"]
            hold.set()
            assert server.sandbox.deliveries.wait_idle(15)
            got = [g.payload["events"][0]["resource"]["id"] for g in receiver.got]
            assert got == [first["id"], second["id"]]
    finally:
        hold.set()
        served.stop()


# -- The log, reset and close ---------------------------------------------------------------


def test_the_log_is_filtered_by_webhook_and_status(env: Env) -> None:
    good = env.webhook(name="good")
    bad = env.webhook(name="bad", callback="ftp://nowhere")
    env.new_list()
    env.settle()
    assert [d["webhookId"] for d in env.deliveries(webhookId=bad)] == [bad]
    assert [d["webhookId"] for d in env.deliveries(status="delivered")] == [good]
    assert env.deliveries(status="retrying") == []
    assert [d.webhook_id for d in env.sandbox.deliveries.log(status="failed")] == [bad]
    assert env.http.get("/_sandbox/webhooks/deliveries?webhookId=x").status_code == 400
    answer = env.http.get("/_sandbox/webhooks/deliveries?status=lost")
    assert answer.status_code == 400 and "delivered" in answer.json()["message"]
    with pytest.raises(ValueError, match="no delivery status"):
        env.sandbox.deliveries.log(status="lost")
    listed = env.http.get("/_sandbox/").json()["endpoints"]
    assert {"GET", "/_sandbox/webhooks/deliveries"} <= {
        v for e in listed if e["path"].endswith("deliveries") for v in (e["method"], e["path"])
    }
    anonymous = httpx.Client(
        base_url="http://localhost", transport=SyncASGITransport(env.sandbox.app)
    )
    assert anonymous.get("/_sandbox/webhooks/deliveries").status_code == 401
    anonymous.close()


def test_reset_forgets_the_log_and_every_pending_retry(env: Env) -> None:
    env.receiver.status = 500
    env.webhook()
    env.new_list()
    env.settle()
    assert env.http.post("/_sandbox/reset").status_code == 204
    assert env.deliveries() == [] and env.sandbox.deliveries.log() == []
    env.sandbox.advance(3600)
    env.settle()
    assert env.receiver.requests == 1
    env.webhook()  # ids start again after a reset
    env.new_list()
    env.settle()
    assert [d["id"] for d in env.deliveries()] == [1]


def test_close_stops_the_worker_and_later_events_are_dropped(env: Env) -> None:
    env.webhook()
    env.new_list()
    env.settle()
    worker = env.sandbox.deliveries._worker
    assert worker is not None and worker.is_alive()
    env.sandbox.close()
    assert not worker.is_alive()
    env.sandbox.close()  # twice is harmless
    env.sandbox.events.emit(Event("ContactList", "validationFinished", {"id": 3}, START))
    assert len(env.sandbox.deliveries.log()) == 1


def test_no_worker_thread_until_something_is_posted() -> None:
    sandbox = Sandbox(clock=ManualClock(START))
    try:
        with sandbox.store.transaction() as tx:
            tx.put("webhook", {"id": 1, "resource": "OutboundCall", "events": ["finished"],
                               "enabled": True, "callback": "ftp://x", "name": "n"})  # fmt: skip
        sandbox.events.emit(Event("OutboundCall", "finished", {"id": 2}, START))
        assert [d.status for d in sandbox.deliveries.log()] == ["failed"]
        assert sandbox.deliveries._worker is None
    finally:
        sandbox.close()


# -- Secrets ----------------------------------------------------------------------------------


def test_secrets_and_url_credentials_never_reach_reprs_or_logs(
    env: Env, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "s3cret-hunter2-value"
    env.receiver.secret = secret
    env.receiver.status = 500
    url = env.served.url().replace("http://", "http://ada:pa55w0rd-xyz@") + "?token=t0k3n-abc"
    env.webhook(callback=url, secret=secret)
    env.new_list()
    env.settle()
    (delivery,) = env.sandbox.deliveries.log()
    assert delivery.url == env.served.url().replace("http://", "http://***@") + "?token=***"
    shown = " ".join(
        [
            repr(env.sandbox.deliveries),
            repr(delivery),
            repr(env.sandbox.deliveries._log[delivery.id]),  # the record the worker keeps
            str(delivery.to_json()),
            env.http.get("/_sandbox/webhooks/deliveries").text,
            caplog.text,
        ]
    )
    for hidden in (secret, "pa55w0rd-xyz", "t0k3n-abc", sign(env.receiver.got[0].body, secret)):
        assert hidden not in shown
    got = env.receiver.got[0]
    assert got.payload["resourceType"] == "ContactList"  # it was signed with the secret
    assert got.headers["authorization"] == "Basic " + base64.b64encode(b"ada:pa55w0rd-xyz").decode()


def test_the_log_forgets_its_oldest_finished_deliveries_past_its_size(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cftools.sandbox._deliveries.MAX_LOG", 10)
    env.webhook(callback="ftp://nowhere")  # fails at once, without a request
    for number in range(12):
        env.sandbox.events.emit(Event("ContactList", "validationFinished", {"id": number}, START))
    ids = [d.id for d in env.sandbox.deliveries.log()]
    assert ids == list(range(3, 13))  # past 10, the oldest are dropped down to 9, then one more


def test_a_webhook_change_is_seen_by_the_very_next_event(env: Env) -> None:
    def emit() -> None:
        env.sandbox.events.emit(Event("ContactList", "validationFinished", {"id": 1}, START))
        env.settle()

    emit()  # no webhook yet
    hook = env.webhook()
    emit()
    env.api.update_webhook(hook, {"events": ["validationFailed"]})
    emit()
    env.api.update_webhook(hook, {"events": ["validationFinished"]})
    emit()
    env.sandbox.reset()  # the webhook is gone with everything else
    emit()
    assert len(env.receiver.got) == 2 and env.deliveries() == []


_SAFE = st.text("abcdefghij0123456789-._~", min_size=0, max_size=8)


@given(
    scheme=st.sampled_from(["http", "https", "HTTP"]),
    user=st.text(min_size=0, max_size=8),
    password=st.text(min_size=1, max_size=12),
    host=st.sampled_from(["127.0.0.1", "example.com", "[::1]", "h.test:8443"]),
    path=_SAFE,
    query=st.lists(st.tuples(_SAFE, st.text(min_size=1, max_size=12)), max_size=3),
)
def test_a_shown_url_keeps_no_password_or_query_value(
    scheme: str,
    user: str,
    password: str,
    host: str,
    path: str,
    query: list[tuple[str, str]],
) -> None:
    secret_password = "PW" + password  # marked, so it cannot hide inside the host or path
    values = [(name, "QV" + value) for name, value in query]
    userinfo = quote(user, safe="") + ":" + quote(secret_password, safe="")
    url = f"{scheme}://{userinfo}@{host}/{path}"
    if values:
        url += "?" + urlencode(values)
    shown = shown_url(url)
    assert shown.startswith(f"{scheme.lower()}://***@{host}/{path}")
    for hidden in (secret_password, *(value for _, value in values)):
        assert hidden not in shown and quote(hidden, safe="") not in shown
        assert quote_plus(hidden) not in shown
    headers: dict[str, str] = {}
    target = _with_credentials_as_header(url, headers)
    assert "@" not in urlsplit(target).netloc
    decoded = base64.b64decode(headers["Authorization"].removeprefix("Basic ")).decode()
    assert decoded == f"{user}:{secret_password}"


def test_the_next_retry_counts_from_the_end_of_a_slow_attempt(env: Env) -> None:
    env.receiver.hold = threading.Event()
    env.receiver.status = 500
    env.webhook()
    env.new_list()
    assert env.receiver.entered.wait(10)
    env.clock.advance(100_000)  # sandbox time passes while the receiver takes its time
    env.receiver.hold.set()
    env.settle()
    (attempt,) = env.sandbox.deliveries.log()[0].attempts
    assert attempt.at_ms == START
    assert attempt.next_retry_at == START + 100_000 + RETRY_DELAYS_MS[0]


# -- The whole path: calls that run, webhooks that fire ---------------------------------------

SURVEY = (
    '<dialplan name="Root"><menu name="q" maxDigits="1" timeout="3000">'
    '<play type="tts">1 or 2?</play>'
    '<keypress pressed="1"><stash varname="likes">yes</stash></keypress>'
    '<keypress pressed="2"><stash varname="likes">no</stash></keypress>'
    "</menu></dialplan>"
)


def test_a_running_ivr_broadcast_fires_signed_projected_webhooks_for_its_calls(env: Env) -> None:
    """The engine's events reach the delivery worker: each finished call and the
    broadcast's start and finish arrive signed, cut to the webhook's fields, and agree
    with what the API says of the same resources."""
    call_fields = "id,campaignId,finalCallResult,records(questionResponses)"
    env.webhook(name="calls", resource="OutboundCall", events=["finished"], fields=call_fields)
    env.webhook(name="broadcasts", resource="CallBroadcast", events=["started", "finished"])
    keys = {"12135550101": "1", "12135550102": "2", "12135550103": "1"}
    recipients = [{"phoneNumber": n, "attributes": {"sandbox.keys": k}} for n, k in keys.items()]
    body = {"name": "survey", "dialplanXml": SURVEY, "recipients": recipients}
    broadcast_id = int(env.api.create_call_broadcast(body, start=True)["id"])  # type: ignore[arg-type]
    for _ in range(10):
        env.sandbox.advance(600)
    assert env.api.get_call_broadcast(broadcast_id)["status"] == "FINISHED"
    env.settle()

    by_type: dict[str, list[Any]] = {}
    for got in env.receiver.got:  # every one verified by cftools.webhooks.receive
        assert got.headers["x-callfire-signature"] == sign(got.body, SECRET)
        by_type.setdefault(got.payload["resourceType"], []).append(got.payload)
    broadcast_events = [p["events"][0]["eventType"] for p in by_type["CallBroadcast"]]
    assert broadcast_events == ["started", "finished"]
    assert all(p["events"][0]["resource"]["id"] == broadcast_id for p in by_type["CallBroadcast"])

    calls = env.api.get_call_broadcast_calls(broadcast_id)["items"]
    assert len(by_type["OutboundCall"]) == len(calls) == 3
    for payload in by_type["OutboundCall"]:
        assert payload["webhookName"] == "calls"
        (event,) = payload["events"]
        resource = event["resource"]
        call = next(c for c in calls if c["id"] == resource["id"])
        assert resource == compile_fields(call_fields)(call)  # what the API projects
        assert set(resource) <= {"id", "campaignId", "finalCallResult", "records"}
        answer = {"1": "yes", "2": "no"}[keys[call["toNumber"]]]
        responses = resource["records"][-1]["questionResponses"]
        assert responses == [{"question": "likes", "response": answer}]
    assert all(d["status"] == "delivered" for d in env.deliveries())
