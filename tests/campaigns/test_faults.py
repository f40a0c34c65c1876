"""A fault at every possible point of the protocol, one at a time: every request of a
small job answered with each fault, and the process "killed" before and after each
journal write and with each request in flight; then resumed. Whatever happened, every
recipient is in the broadcast exactly once, and there is exactly one broadcast."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from fake_callfire import FakeCallFire, KilledProcess

from cftools.campaigns import Broadcast, _engine, send
from cftools.campaigns._journal import Journal
from cftools.client import Client

TEXT = Broadcast.texts({"fromNumber": "12135551189", "message": "Hello"})
ROWS = [{"phoneNumber": f"1213555{i:04d}"} for i in range(7)]
OPTIONS: dict[str, Any] = {"batch_size": 3, "concurrency": 2, "backoff": 0.0005, "rate": 1e4}
REQUEST_FAULTS = ("error_before", "error_after", "drop_after", "connect_after", "throttle")


def run(fake: FakeCallFire, journal: Path, *, resume: bool = False) -> Any:
    client = Client("u", "p", base_url="https://api.test/v2", transport=fake.transport(),
                    max_retries=0)  # fmt: skip
    with client:
        return send(client, TEXT, ROWS, journal=journal, resume=resume, **OPTIONS)


def check(fake: FakeCallFire) -> None:
    assert len(fake.broadcasts) == 1
    (broadcast_id,) = fake.broadcasts
    phones = fake.phones(broadcast_id)
    assert max(Counter(phones).values()) == 1, phones
    assert sorted(phones) == sorted(r["phoneNumber"] for r in ROWS)
    assert fake.broadcasts[broadcast_id].status == "RUNNING"


def at_request(number: int, fault: str) -> Callable[[str, httpx.Request], str | None]:
    seen = {"n": 0}

    def hook(endpoint: str, request: httpx.Request) -> str | None:
        seen["n"] += 1
        return fault if seen["n"] == number else None

    return hook


def clean_requests() -> int:
    fake = FakeCallFire()
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        run(fake, Path(folder) / "j")
    return fake.requests


REQUESTS = clean_requests()


@pytest.mark.parametrize("fault", REQUEST_FAULTS)
def test_each_request_fault_at_each_request(tmp_path: Path, fault: str) -> None:
    for number in range(1, REQUESTS + 3):
        fake = FakeCallFire(hook=at_request(number, fault))
        report = run(fake, tmp_path / f"j{number}")
        assert report.ok and report.started, (fault, number, report.failed)
        check(fake)


@pytest.mark.parametrize("when", ["kill_before", "kill_after"])
def test_killed_with_each_request_in_flight(tmp_path: Path, when: str) -> None:
    for number in range(1, REQUESTS + 1):
        fake = FakeCallFire(hook=at_request(number, when))
        journal = tmp_path / f"j{number}"
        with pytest.raises(KilledProcess):
            run(fake, journal)
        fake.hook = None
        report = run(fake, journal, resume=journal.exists())
        assert report.ok and report.started, (when, number)
        check(fake)


@pytest.mark.parametrize("method", ["set", "mark", "end_plan"])
@pytest.mark.parametrize("after", [False, True], ids=["before-write", "after-write"])
def test_killed_at_each_journal_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, method: str, after: bool
) -> None:
    original = getattr(Journal, method)
    number = 0
    while True:
        number += 1
        calls = {"n": 0}

        def wrapped(
            self: Journal, *args: Any, _n: int = number, _calls: dict[str, int] = calls, **kw: Any
        ) -> Any:
            _calls["n"] += 1
            if _calls["n"] == _n and not after:
                raise KilledProcess(method)
            result = original(self, *args, **kw)
            if _calls["n"] == _n and after:
                raise KilledProcess(method)
            return result

        monkeypatch.setattr(Journal, method, wrapped)
        fake = FakeCallFire()
        journal = tmp_path / f"j{number}"
        try:
            run(fake, journal)
        except KilledProcess:
            killed = True
        else:
            killed = False
        monkeypatch.setattr(Journal, method, original)
        if not killed:  # past the last write of this kind: every point was covered
            assert number > 1
            check(fake)
            return
        report = run(fake, journal, resume=journal.exists())
        assert report.ok and report.started, (method, number, after)
        check(fake)


@pytest.mark.parametrize("number", range(1, 6))
def test_journal_writes_lost_to_a_power_cut_are_recovered_by_lookup(
    tmp_path: Path, number: int
) -> None:
    # synchronous=NORMAL may lose the last commits on a power cut (never on a kill):
    # here every progress mark is lost after the kill; resuming still sends nothing twice.
    import sqlite3

    fake = FakeCallFire(hook=at_request(number, "kill_after"))
    journal = tmp_path / "j"
    with pytest.raises(KilledProcess):
        run(fake, journal)
    db = sqlite3.connect(journal)
    with db:
        db.execute("UPDATE batches SET state='planned', batch_id=NULL")
        db.execute(
            "DELETE FROM meta WHERE key IN ('broadcast_state', 'broadcast_id', 'start_state')"
        )
    db.close()
    fake.hook = None
    report = run(fake, journal, resume=True)
    assert report.ok and report.started
    check(fake)


def first_batch_late(seconds: float) -> Callable[[str, httpx.Request], str | None]:
    seen = {"n": 0}

    def hook(endpoint: str, request: httpx.Request) -> str | None:
        if endpoint != "add_batch":
            return None
        seen["n"] += 1
        return f"late:{seconds}" if seen["n"] == 1 else None

    return hook


def test_a_timed_out_batch_that_lands_soon_after_is_not_sent_again(tmp_path: Path) -> None:
    # The server gives up on nothing: the client's read timed out while it was still
    # at work. A listing taken at once would say "absent" and the batch would go twice.
    fake = FakeCallFire(hook=first_batch_late(0.3))
    report = run(fake, tmp_path / "j")
    time.sleep(0.5)  # whatever was late has landed
    assert report.ok and report.started and report.disabled == []
    check(fake)
    (broadcast_id,) = fake.broadcasts
    assert len(fake.batch_names(broadcast_id)) == 3


def test_a_timed_out_batch_that_lands_after_it_was_sent_again_is_disabled_before_the_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_engine, "MIN_LATE", 0.05)  # the server outlasts the wait
    fake = FakeCallFire(hook=first_batch_late(0.5))
    rows = [{"phoneNumber": f"1213555{i:04d}"} for i in range(30)]
    client = Client("u", "p", base_url="https://api.test/v2", transport=fake.transport(),
                    max_retries=0)  # fmt: skip
    with client:  # 30 one-recipient batches at 20 a second: the job outlasts the landing
        report = send(client, TEXT, rows, journal=tmp_path / "j", batch_size=1, rate=20,
                      max_rate=20, backoff=0.001)  # fmt: skip
    (broadcast_id,) = fake.broadcasts
    names = fake.batch_names(broadcast_id)
    assert len(names) == 31 and len(set(names)) == 30  # the server holds one twice...
    assert report.ok and report.started and len(report.disabled) == 1
    enabled = fake.enabled_phones(broadcast_id)  # ...but only one of them is enabled
    assert sorted(enabled) == sorted(r["phoneNumber"] for r in rows)
    assert report.disabled[0] not in report.batch_ids
