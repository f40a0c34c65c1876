"""The campaign engine against the fake CallFire: the happy path, the errors, the faults."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest
from fake_callfire import FakeCallFire, Faults

from cftools.campaigns import (
    Broadcast,
    CampaignAborted,
    InputError,
    InvalidRecipientsError,
    JournalError,
    Progress,
    batch_name,
    send,
    send_async,
)
from cftools.client import (
    AsyncClient,
    Client,
    ConfigurationError,
    RequestValidationError,
    RetryPolicy,
)

TEXT = Broadcast.texts({"fromNumber": "12135551189", "message": "Hello"})
CALL = Broadcast.calls(
    {"fromNumber": "12135551189", "sounds": {"liveSoundText": "Hi", "machineSoundText": "Hi"}}
)
FAST = {"backoff": 0.001, "rate": 1000.0}


def people(n: int, start: int = 0) -> list[dict[str, Any]]:
    return [
        {"phoneNumber": f"1213{i:07d}", "attributes": {"n": str(i)}}
        for i in range(start, start + n)
    ]


def client_for(fake: FakeCallFire) -> Client:
    return Client(
        "user", "secret-pass", base_url="https://api.test/v2", transport=fake.transport(),
        max_retries=0,
    )  # fmt: skip


def async_client_for(fake: FakeCallFire) -> AsyncClient:
    return AsyncClient(
        "user", "secret-pass", base_url="https://api.test/v2", transport=fake.transport(),
        max_retries=0,
    )  # fmt: skip


def assert_exactly_once(fake: FakeCallFire, broadcast_id: int, expected: list[dict[str, Any]]):
    phones = fake.phones(broadcast_id)
    counts = Counter(phones)
    assert [p for p, c in counts.items() if c > 1] == []
    assert sorted(phones) == sorted(r["phoneNumber"] for r in expected)
    names = fake.batch_names(broadcast_id)
    assert len(names) == len(set(names))


def test_sends_every_recipient_once_and_starts(tmp_path: Path) -> None:
    fake = FakeCallFire()
    rows = people(1234)
    seen: list[Progress] = []
    report = send(
        client_for(fake), TEXT, rows, journal=tmp_path / "j", batch_size=100,
        progress=seen.append, **FAST,
    )  # fmt: skip
    assert report.ok and report.started
    assert report.sent == report.sent_now == 1234
    assert report.batches == 13 and len(report.batch_ids) == 13
    assert_exactly_once(fake, report.broadcast_id, rows)
    stored = fake.broadcasts[report.broadcast_id]
    assert stored.status == "RUNNING"
    assert stored.body["message"] == "Hello"
    assert stored.body["name"] == f"cftools send [{report.job}]"
    assert fake.batch_names(report.broadcast_id)[0] == batch_name(report.job, 0)
    assert seen[-1].sent == 1234 and seen[-1].batches_done == 13
    assert json.loads(report.to_json())["sent"] == 1234
    # nothing was uncertain: one create, 13 batches, one start, and no listing at all
    assert fake.requests == report.requests == 15


def test_async_core_with_call_broadcast(tmp_path: Path) -> None:
    fake = FakeCallFire()
    rows = people(250)

    async def main() -> Any:
        async with async_client_for(fake) as client:
            return await send_async(
                client, CALL, rows, journal=tmp_path / "j", batch_size=50, name="Promo", **FAST
            )

    report = asyncio.run(main())
    assert report.ok and report.sent == 250
    assert fake.broadcasts[report.broadcast_id].kind == "calls"
    assert fake.broadcasts[report.broadcast_id].body["name"] == f"Promo [{report.job}]"
    assert_exactly_once(fake, report.broadcast_id, rows)


def test_existing_broadcast(tmp_path: Path) -> None:
    fake = FakeCallFire()
    client = client_for(fake)
    broadcast_id = client.invoke("createTextBroadcast", body={"name": "mine", "message": "m"})["id"]
    report = send(
        client, Broadcast.existing("texts", broadcast_id), people(10), journal=tmp_path / "j",
        start=False, **FAST,
    )  # fmt: skip
    assert report.broadcast_id == broadcast_id and not report.started
    assert len(fake.broadcasts) == 1
    assert len(fake.phones(broadcast_id)) == 10


def test_faults_everywhere_still_exactly_once(tmp_path: Path) -> None:
    faults = Faults(error_before=0.1, error_after=0.1, drop_after=0.1, rate=400, burst=3, seed=7)
    fake = FakeCallFire(faults)
    rows = people(3000)
    report = send(
        client_for(fake), TEXT, rows, journal=tmp_path / "j", batch_size=50, concurrency=6,
        max_attempts=30, **FAST,
    )  # fmt: skip
    assert report.ok, report.failed
    assert fake.faulted > 10 and fake.throttled > 0
    assert_exactly_once(fake, report.broadcast_id, rows)
    assert len(fake.broadcasts) == 1


def test_retries_wait_by_the_clients_retry_policy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    waits: list[tuple[float, int]] = []

    def backoff(policy: RetryPolicy, attempt: int) -> float:
        waits.append((policy.base_delay, attempt))
        return 0.0

    monkeypatch.setattr(RetryPolicy, "backoff", backoff)
    posts = {"n": 0}

    def two_503s(endpoint: str, request: httpx.Request) -> str | None:
        posts["n"] += endpoint == "add_batch"
        return "error_before" if endpoint == "add_batch" and posts["n"] <= 2 else None

    fake = FakeCallFire(hook=two_503s)
    rows = people(40)
    report = send(
        client_for(fake), TEXT, rows, journal=tmp_path / "j", batch_size=5, rate=1e4,
        concurrency=1, backoff=0.125, max_attempts=20,
    )  # fmt: skip
    assert report.ok and report.retried == 2
    assert waits == [(0.125, 0), (0.125, 1)]  # the first batch, failed twice: longer
    assert_exactly_once(fake, report.broadcast_id, rows)


def test_invalid_rows_stop_the_job_before_any_request(tmp_path: Path) -> None:
    fake = FakeCallFire()
    rows = [*people(5), {"phoneNumber": "12"}, {"phoneNumber": "12135550000", "colour": "x"}]
    with pytest.raises(InvalidRecipientsError) as caught:
        send(client_for(fake), TEXT, rows, journal=tmp_path / "j", **FAST)
    assert [r.line for r in caught.value.rows] == [6, 7]
    assert "phoneNumber" in caught.value.rows[0].reason
    assert "colour" in caught.value.rows[1].reason
    assert fake.requests == 0
    assert not (tmp_path / "j").exists()  # a refused job leaves no journal behind


def test_skip_invalid_lists_the_rows(tmp_path: Path) -> None:
    fake = FakeCallFire()
    rows = [*people(5), {"phoneNumber": "12"}, "not a mapping"]
    report = send(client_for(fake), TEXT, rows, journal=tmp_path / "j", skip_invalid=True, **FAST)
    assert report.sent == 5 and report.skipped_count == 2
    assert [s.line for s in report.skipped] == [6, 7]
    assert "not a recipient mapping" in report.skipped[1].reason


def test_dry_run_sends_nothing(tmp_path: Path) -> None:
    report = send(None, TEXT, people(1001), journal=tmp_path / "j", dry_run=True, batch_size=100)
    assert report.dry_run and report.batches == 11 and report.rows == 1001
    assert not (tmp_path / "j").exists()


def test_refuses_a_client_that_retries_by_itself(tmp_path: Path) -> None:
    fake = FakeCallFire()
    client = Client("u", "p", base_url="https://api.test/v2", transport=fake.transport())
    with pytest.raises(ConfigurationError, match="max_retries=0"):
        send(client, TEXT, people(1), journal=tmp_path / "j")
    with pytest.raises(ConfigurationError, match="concurrency"):
        send(client_for(fake), TEXT, people(1), journal=tmp_path / "j", concurrency=0)
    with pytest.raises(ConfigurationError, match="AsyncClient"):
        send(async_client_for(fake), TEXT, people(1), journal=tmp_path / "j")  # type: ignore[arg-type]
    with pytest.raises(ConfigurationError, match="dry_run"):
        send(None, TEXT, people(1), journal=tmp_path / "j")


def test_refuses_a_one_shot_iterator_and_a_bad_broadcast(tmp_path: Path) -> None:
    fake = FakeCallFire()
    with pytest.raises(InputError, match="re-iterable"):
        send(client_for(fake), TEXT, iter(people(3)), journal=tmp_path / "j")
    with pytest.raises(RequestValidationError, match="messsage"):
        send(
            client_for(fake), Broadcast.texts({"messsage": "x"}), people(3), journal=tmp_path / "j"
        )
    assert fake.requests == 0


def test_journal_binds_to_its_job_and_input(tmp_path: Path) -> None:
    fake = FakeCallFire()
    journal = tmp_path / "j"
    report = send(client_for(fake), TEXT, people(300), journal=journal, batch_size=100, **FAST)
    with pytest.raises(JournalError, match="already exists"):
        send(client_for(fake), TEXT, people(300), journal=journal, batch_size=100, **FAST)
    with pytest.raises(JournalError, match="recipients differ"):
        send(client_for(fake), TEXT, people(300, 1), journal=journal, resume=True,
             batch_size=100, **FAST)  # fmt: skip
    with pytest.raises(JournalError, match="different input"):
        send(client_for(fake), TEXT, people(200), journal=journal, resume=True,
             batch_size=100, **FAST)  # fmt: skip
    with pytest.raises(JournalError, match="batch_size"):
        send(client_for(fake), TEXT, people(300), journal=journal, resume=True, **FAST)
    with pytest.raises(JournalError, match="another broadcast"):
        send(client_for(fake), Broadcast.texts({"message": "other"}), people(300),
             journal=journal, resume=True, batch_size=100, **FAST)  # fmt: skip
    with pytest.raises(JournalError, match="another job"):
        send(client_for(fake), CALL, people(300), journal=journal, resume=True,
             batch_size=100, **FAST)  # fmt: skip
    with pytest.raises(JournalError, match="nothing to resume"):
        send(client_for(fake), TEXT, people(3), journal=tmp_path / "none", resume=True)
    (tmp_path / "junk").write_text("not a database at all, really")
    with pytest.raises(JournalError, match="journal"):
        send(client_for(fake), TEXT, people(3), journal=tmp_path / "junk", resume=True)
    requests = fake.requests
    again = send(client_for(fake), TEXT, people(300), journal=journal, resume=True,
                 batch_size=100, **FAST)  # fmt: skip
    assert again.sent == 300 and again.sent_now == 0 and again.broadcast_id == report.broadcast_id
    assert fake.requests - requests <= 3  # a listing and the start check, nothing resent
    assert_exactly_once(fake, report.broadcast_id, people(300))


def test_credentials_refused_abort_with_a_report(tmp_path: Path) -> None:
    fake = FakeCallFire()

    def unauthorized(request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and request.url.path.endswith("/batches"):
            return httpx.Response(401, json={"httpStatusCode": 401, "message": "bad login"})
        return fake.handle(request)

    client = Client("login-abc", "secret-pass-123", base_url="https://api.test/v2",
                    transport=httpx.MockTransport(unauthorized), max_retries=0)  # fmt: skip
    with pytest.raises(CampaignAborted, match="resum") as caught:
        send(client, TEXT, people(20), journal=tmp_path / "j", batch_size=10, **FAST)
    assert caught.value.report.sent == 0 and caught.value.report.broadcast_id is not None
    shown = str(caught.value) + caught.value.report.to_json()
    assert "secret-pass-123" not in shown and "login-abc" not in shown


def test_a_refused_batch_fails_alone_and_is_retried_on_resume(tmp_path: Path) -> None:
    fake = FakeCallFire()
    refuse = {"on": True}

    def picky(request: httpx.Request) -> httpx.Response:
        if refuse["on"] and request.method == "POST" and b"12130000005" in request.content:
            return httpx.Response(400, json={"httpStatusCode": 400, "message": "nope"})
        return fake.handle(request)

    def make() -> Client:
        return Client("u", "p", base_url="https://api.test/v2",
                      transport=httpx.MockTransport(picky), max_retries=0)  # fmt: skip

    rows = people(30)
    report = send(make(), TEXT, rows, journal=tmp_path / "j", batch_size=10, **FAST)
    assert not report.ok and not report.started
    assert [(f.index, f.first_line, f.last_line, f.recipients) for f in report.failed] == [
        (0, 1, 10, 10)
    ]
    assert "nope" in report.failed[0].reason and report.sent == 20
    refuse["on"] = False
    again = send(make(), TEXT, rows, journal=tmp_path / "j", batch_size=10, resume=True, **FAST)
    assert again.ok and again.started and again.sent == 30 and again.sent_now == 10
    assert_exactly_once(fake, report.broadcast_id, rows)


def test_an_empty_input_creates_nothing(tmp_path: Path) -> None:
    fake = FakeCallFire()
    report = send(client_for(fake), TEXT, [], journal=tmp_path / "j", **FAST)
    assert report.sent == 0 and report.broadcast_id is None and fake.requests == 0


def test_a_batch_listing_that_ignores_offset_stops_the_job(tmp_path: Path) -> None:
    # Settling an unknown outcome lists the batches; a server that sends the same full
    # page whatever the offset, with a total far away, must not be paged for ever.
    fake = FakeCallFire()
    failed: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if request.method == "POST" and path.endswith("/batches") and not failed:
            failed.append(path)  # the first batch's outcome is unknown: settle by listing
            return httpx.Response(500, json={"httpStatusCode": 500, "message": "oops"})
        if request.method == "GET" and path.endswith("/batches"):
            items = [{"id": i, "name": f"other-{i}"} for i in range(100)]
            return httpx.Response(
                200, json={"items": items, "limit": 100, "offset": 0, "totalCount": 10**9}
            )
        return fake.handle(request)

    client = Client("user", "secret-pass", base_url="https://api.test/v2",
                    transport=httpx.MockTransport(handle), max_retries=0)  # fmt: skip
    with pytest.raises(CampaignAborted, match="does not page as asked"):
        send(client, TEXT, people(20), journal=tmp_path / "j", batch_size=10, **FAST)
