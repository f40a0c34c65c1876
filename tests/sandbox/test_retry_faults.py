"""The client's retry rules against the sandbox's faults.

What must hold (``cftools.client._retry``): a POST that may have reached the server is
never sent again, so no call or text is placed twice, whatever fails after the work was
done; idempotent reads are retried through 503s, dropped connections and 429s, waiting
what ``Retry-After`` says.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

pytest.importorskip("starlette")

from cftools.client import (
    AsyncClient,
    Client,
    ServerError,
    TransportError,
)
from cftools.sandbox import Faults, Sandbox, SandboxServer, SyncASGITransport

DIALPLAN = '<dialplan name="Root"><play type="tts">Hello</play></dialplan>'


class FakeWall:
    """The wall clock of the rate limits, moved by the client's sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Api:
    sandbox: Sandbox
    client: Client
    wall: FakeWall
    delays: list[float] = field(default_factory=list)

    def count(self, kind: str) -> int:
        with self.sandbox.store.transaction(write=False) as tx:
            return tx.find(kind, limit=0)[1]

    def numbers(self, kind: str) -> list[str]:
        with self.sandbox.store.transaction(write=False) as tx:
            items, _ = tx.find(kind)
        return sorted(item["toNumber"] for item in items)


def _wire(api: Api) -> Api:
    api.sandbox.faults = Faults(monotonic=api.wall)

    def sleep(seconds: float) -> None:  # no real waiting: the rate window moves instead
        api.delays.append(seconds)
        api.wall.now += seconds

    api.client._sleep_for = sleep
    return api


@pytest.fixture(params=["uvicorn", "inprocess"])
def api(request: pytest.FixtureRequest) -> Iterator[Api]:
    if request.param == "uvicorn":
        with SandboxServer() as server, server.client(max_retries=3) as client:
            yield _wire(Api(server.sandbox, client, FakeWall()))
        server.sandbox.close()
    else:
        sandbox = Sandbox()
        username, password = sandbox.credentials
        transport = SyncASGITransport(sandbox.app)
        with Client(
            username, password, base_url="http://localhost/v2", transport=transport, max_retries=3
        ) as client:
            yield _wire(Api(sandbox, client, FakeWall()))
        sandbox.close()


def _seed_failing_first_only(share: float) -> int:
    """A seed whose first draw falls in a band of ``share`` and whose second does not."""
    for seed in range(1000):
        draws = random.Random(seed)
        if draws.random() < share <= draws.random():
            return seed
    raise AssertionError("no such seed")  # pragma: no cover


# -- POSTs are never repeated: nobody is called or texted twice --------------------------------

SENDS: dict[str, Callable[[Client, str], Any]] = {
    "sendCalls": lambda c, n: c.send_calls([{"phoneNumber": n, "dialplanXml": DIALPLAN}]),
    "sendTexts": lambda c, n: c.send_texts([{"phoneNumber": n, "message": "Hi"}]),
    "createCallBroadcast": lambda c, n: c.create_call_broadcast(
        {"name": "B", "dialplanXml": DIALPLAN, "recipients": [{"phoneNumber": n}]}
    ),
}
KIND = {"sendCalls": "call", "sendTexts": "text", "createCallBroadcast": "call"}


@pytest.mark.parametrize("operation", sorted(SENDS))
@pytest.mark.parametrize(
    ("fault", "error"), [("errors_after", ServerError), ("drop_after", TransportError)]
)
def test_a_send_that_failed_after_the_work_is_not_sent_again(
    api: Api, operation: str, fault: str, error: type[Exception]
) -> None:
    api.sandbox.faults.configure(**{fault: 1.0}, operations=[operation], seed=0)
    with pytest.raises(error):
        SENDS[operation](api.client, "12135551100")
    assert api.count(KIND[operation]) == 1  # placed once, by the one request
    assert api.sandbox.faults.status()["counts"]["requests"] == 1
    assert api.delays == []


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ("errors_before", ServerError),
        ("drop_before", TransportError),
    ],
)
def test_a_send_refused_before_the_work_is_not_retried_either(
    api: Api, fault: str, error: type[Exception]
) -> None:
    # The client cannot tell a 5xx or a drop before the work from one after it: it does
    # not guess.
    api.sandbox.faults.configure(**{fault: 1.0}, operations=["sendTexts"], seed=0)
    with pytest.raises(error):
        api.client.send_texts([{"phoneNumber": "12135551101", "message": "Hi"}])
    assert api.numbers("text") == []
    assert api.delays == []


def test_a_send_refused_by_the_rate_limit_is_sent_once_its_retry_after_has_passed(
    api: Api,
) -> None:
    # A 429 proves the server did nothing: the client waits as told and sends again.
    api.sandbox.faults.configure(rate_limit=1, operations=["sendTexts"])
    api.client.send_texts([{"phoneNumber": "12135551100", "message": "Hi"}])
    api.client.send_texts([{"phoneNumber": "12135551101", "message": "Hi"}])
    assert api.numbers("text") == ["12135551100", "12135551101"]
    assert api.delays == [1.0]
    assert api.sandbox.faults.status()["counts"]["rateLimited"] == 1


def test_under_a_storm_of_faults_every_number_is_texted_at_most_once(api: Api) -> None:
    api.sandbox.faults.configure(
        errors_before=0.15, drop_before=0.15, errors_after=0.2, drop_after=0.2, seed=7
    )
    numbers = [f"1213555{n:04d}" for n in range(60)]
    failed = 0
    for number in numbers:
        try:
            api.client.send_texts([{"phoneNumber": number, "message": "Hi"}])
        except (ServerError, TransportError):
            failed += 1
    counts = api.sandbox.faults.status()["counts"]
    assert counts["requests"] == len(numbers)  # one request per send: no retry
    reached = len(numbers) - counts["errorsBefore"] - counts["dropsBefore"]
    texted = api.numbers("text")
    assert len(texted) == len(set(texted)) == reached  # nobody twice, all that reached it
    assert failed == sum(
        counts[k] for k in ("errorsBefore", "dropsBefore", "errorsAfter", "dropsAfter")
    )
    assert 0 < failed < len(numbers)


# -- idempotent reads are retried --------------------------------------------------------------


@pytest.mark.parametrize("fault", ["errors_before", "drop_before", "errors_after", "drop_after"])
def test_a_read_is_retried_through_errors_and_drops(api: Api, fault: str) -> None:
    seed = _seed_failing_first_only(0.5)
    api.sandbox.faults.configure(**{fault: 0.5}, operations=["get_account"], seed=seed)
    assert api.client.get_account()["status"] == "ACTIVE"
    counts = api.sandbox.faults.status()["counts"]
    assert counts["requests"] == 2
    assert len(api.delays) == 1 and 0 < api.delays[0] <= 0.5  # one backoff step


def test_a_read_waits_what_retry_after_says(api: Api) -> None:
    api.sandbox.faults.configure(rate_limit=2, operations=["getAccount"])
    api.client.get_account()
    api.wall.now += 0.25
    api.client.get_account()
    api.wall.now += 0.25  # the first leaves the window in 0.5 s: Retry-After rounds up to 1
    assert api.client.get_account()["status"] == "ACTIVE"
    assert api.delays == [1.0]
    assert api.sandbox.faults.status()["counts"]["rateLimited"] == 1


def test_a_read_gives_up_after_max_retries(api: Api) -> None:
    api.sandbox.faults.configure(errors_before=1.0, operations=["getAccount"], seed=0)
    with pytest.raises(ServerError) as caught:
        api.client.get_account()
    assert caught.value.status_code == 503
    assert api.sandbox.faults.status()["counts"]["requests"] == 4  # 1 + max_retries=3
    assert len(api.delays) == 3


def test_a_put_dropped_after_the_work_is_retried_harmlessly(api: Api) -> None:
    created = api.client.create_contact_list({"name": "A", "contactNumbers": ["12135551100"]})
    seed = _seed_failing_first_only(0.5)
    api.sandbox.faults.configure(drop_after=0.5, operations=["updateContactList"], seed=seed)
    api.client.update_contact_list(created["id"], {"name": "B"})
    assert api.client.get_contact_list(id=created["id"])["name"] == "B"
    assert api.sandbox.faults.status()["counts"]["dropsAfter"] == 1


def test_the_async_client_keeps_the_same_rules() -> None:
    sandbox = Sandbox()
    sandbox.faults.configure(drop_after=1.0, operations=["sendTexts"], seed=0)
    sandbox.faults.add(
        drop_before=0.5, operations=["getAccount"], seed=_seed_failing_first_only(0.5)
    )
    username, password = sandbox.credentials
    delays: list[float] = []

    async def run() -> None:
        async with AsyncClient(
            username,
            password,
            base_url="http://localhost/v2",
            transport=httpx.ASGITransport(app=sandbox.app),
        ) as client:

            async def sleep(seconds: float) -> None:
                delays.append(seconds)

            client._async_sleep = sleep
            assert (await client.get_account())["status"] == "ACTIVE"  # the seed's 1st draw
            with pytest.raises(TransportError):
                await client.send_texts([{"phoneNumber": "12135551100", "message": "Hi"}])

    asyncio.run(run())
    with sandbox.store.transaction(write=False) as tx:
        assert tx.find("text", limit=0)[1] == 1
    assert len(delays) == 1  # the read's one retry, none for the send
    sandbox.close()


def test_the_async_client_waits_what_retry_after_says() -> None:
    sandbox = Sandbox()
    wall = FakeWall()
    sandbox.faults = Faults(monotonic=wall)
    sandbox.faults.configure(rate_limit=1, operations=["getAccount"])
    username, password = sandbox.credentials
    delays: list[float] = []

    async def run() -> None:
        async with AsyncClient(
            username,
            password,
            base_url="http://localhost/v2",
            transport=httpx.ASGITransport(app=sandbox.app),
        ) as client:

            async def sleep(seconds: float) -> None:
                delays.append(seconds)
                wall.now += seconds

            client._async_sleep = sleep
            await client.get_account()
            wall.now += 0.2
            assert (await client.get_account())["status"] == "ACTIVE"

    asyncio.run(run())
    assert delays == [1.0]  # 0.8 s until the slot frees, rounded up to whole seconds
    sandbox.close()
