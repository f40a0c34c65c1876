"""The sandbox's clock, its tickers and events, and the control endpoints every sandbox has."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

pytest.importorskip("starlette")

from cftools.sandbox import (
    DEFAULT_SPEED,
    Event,
    EventBus,
    ManualClock,
    Sandbox,
    ScaledClock,
    SyncASGITransport,
    SystemClock,
)

ROOT = "http://localhost"


@pytest.fixture
def manual() -> Iterator[tuple[Sandbox, ManualClock, httpx.Client]]:
    clock = ManualClock(start_ms=1_000_000)
    sandbox = Sandbox(clock=clock)
    http = httpx.Client(
        base_url=ROOT, auth=("sandbox", "sandbox"), transport=SyncASGITransport(sandbox.app)
    )
    try:
        yield sandbox, clock, http
    finally:
        http.close()
        sandbox.close()


def test_a_scaled_clock_runs_faster_than_the_wall_and_jumps_ahead() -> None:
    clock = ScaledClock(speed=1000, start_ms=0)
    first = clock.now_ms()
    time.sleep(0.02)
    assert clock.now_ms() - first >= 20 * 1000 * 0.9
    before = clock.now_ms()
    assert clock.advance(60_000) >= before + 60_000
    with pytest.raises(ValueError, match="forward"):
        clock.advance(-1)
    with pytest.raises(ValueError, match="positive"):
        ScaledClock(speed=0)


def test_advancing_runs_every_ticker_at_the_new_time(manual) -> None:  # type: ignore[no-untyped-def]
    sandbox, _, _ = manual
    seen: list[int] = []
    sandbox.add_ticker(seen.append)
    assert sandbox.advance(2.5) == 1_002_500
    assert seen == [1_002_500]
    with pytest.raises(ValueError):
        sandbox.advance(-1)


def test_every_api_request_first_runs_what_fell_due(manual) -> None:  # type: ignore[no-untyped-def]
    sandbox, clock, http = manual
    seen: list[int] = []
    sandbox.add_ticker(seen.append)
    clock.advance(10)
    assert http.get("/v2/me/account").status_code == 200
    assert seen == [1_000_010]


def test_by_default_a_sandbox_runs_sixty_times_real_time_from_now() -> None:
    sandbox = Sandbox()
    try:
        assert isinstance(sandbox.clock, ScaledClock)
        assert sandbox.clock.speed == DEFAULT_SPEED == 60
        assert abs(sandbox.clock.now_ms() - time.time() * 1000) < 60_000
        assert sandbox.advance(30) >= time.time() * 1000 + 29_000
    finally:
        sandbox.close()


def test_the_system_clock_cannot_be_advanced() -> None:
    sandbox = Sandbox(clock=SystemClock())
    try:
        with pytest.raises(TypeError, match="cannot be advanced"):
            sandbox.advance(1)
        http = httpx.Client(
            base_url=ROOT, auth=("sandbox", "sandbox"), transport=SyncASGITransport(sandbox.app)
        )
        answer = http.post("/_sandbox/clock/advance", json={"seconds": 1})
        assert answer.status_code == 400
        assert "cannot be advanced" in answer.json()["message"]
        http.close()
    finally:
        sandbox.close()


def test_a_failing_subscriber_does_not_stop_the_others() -> None:
    bus = EventBus()
    got: list[str] = []

    def broken(event: Event) -> None:
        raise RuntimeError("boom")

    bus.subscribe(broken)
    bus.subscribe(lambda event: got.append(event.event))
    bus.emit(Event("CallBroadcast", "started", {"id": 1}, 0))
    assert got == ["started"]


def test_control_endpoints_are_listed_and_need_credentials(manual) -> None:  # type: ignore[no-untyped-def]
    _, _, http = manual
    listed = http.get("/_sandbox/").json()["endpoints"]
    paths = {(e["method"], e["path"]) for e in listed}
    assert {("GET", "/_sandbox/clock"), ("POST", "/_sandbox/clock/advance")} <= paths
    assert ("POST", "/_sandbox/reset") in paths
    assert all(e["description"] for e in listed)
    anonymous = httpx.Client(base_url=ROOT, transport=http._transport)
    assert anonymous.get("/_sandbox/clock").status_code == 401


def test_the_clock_is_read_and_advanced_over_http(manual) -> None:  # type: ignore[no-untyped-def]
    _, clock, http = manual
    assert http.get("/_sandbox/clock").json()["now"] == 1_000_000
    assert http.post("/_sandbox/clock/advance", json={"seconds": 90}).json() == {"now": 1_090_000}
    assert clock.now_ms() == 1_090_000


@pytest.mark.parametrize(
    ("body", "status"),
    [({"seconds": -1}, 400), ({"seconds": "ten"}, 400), ({}, 400), ({"seconds": True}, 400)],
)
def test_a_bad_advance_is_refused_and_moves_nothing(manual, body, status) -> None:  # type: ignore[no-untyped-def]
    _, clock, http = manual
    answer = http.post("/_sandbox/clock/advance", json=body)
    assert answer.status_code == status
    assert "seconds" in answer.json()["message"]
    assert clock.now_ms() == 1_000_000


def test_unknown_control_paths_and_methods(manual) -> None:  # type: ignore[no-untyped-def]
    _, _, http = manual
    assert http.get("/_sandbox/nothing").status_code == 404
    assert http.get("/_sandbox/reset").status_code == 405
    bad = http.post("/_sandbox/clock/advance", content=b"{not json")
    assert bad.status_code == 400


def test_reset_forgets_every_resource_and_restarts_ids(manual) -> None:  # type: ignore[no-untyped-def]
    sandbox, _, http = manual
    hooks: list[str] = []
    sandbox.on_reset(lambda: hooks.append("reset"))
    first = http.post("/v2/contacts/lists", json={"name": "a"}).json()["id"]
    http.post("/v2/contacts/lists", json={"name": "b"})
    assert http.post("/_sandbox/reset").status_code == 204
    assert http.get("/v2/contacts/lists").json()["totalCount"] == 0
    assert http.post("/v2/contacts/lists", json={"name": "c"}).json()["id"] == first
    assert hooks == ["reset"]


def test_events_of_a_request_are_emitted_after_its_commit_and_never_on_failure(manual) -> None:  # type: ignore[no-untyped-def]
    from cftools.sandbox import HANDLERS
    from cftools.sandbox._core import ApiFault, Context

    sandbox, _, http = manual
    seen: list[tuple[str, str, bool]] = []

    def subscriber(event: Event) -> None:
        with sandbox.store.transaction(write=False) as tx:  # the change is visible
            seen.append((event.resource, event.event, tx.get("contact_list", 1) is not None))

    sandbox.events.subscribe(subscriber)
    original = HANDLERS["getAccount"]
    fail = [True]

    def emitting(ctx: Context) -> object:
        ctx.tx.put("contact_list", {"id": 1, "_secret": "x"})
        ctx.emit("ContactList", "validationFinished", {"id": 1, "_secret": "x"})
        if fail[0]:
            raise ApiFault(400, "refused after emitting")
        return original(ctx)

    HANDLERS["getAccount"] = emitting
    try:
        refused = http.get("/v2/me/account")
        assert refused.json()["message"] == "refused after emitting"
        assert seen == []
        with sandbox.store.transaction(write=False) as tx:
            assert tx.get("contact_list", 1) is None  # rolled back
        fail[0] = False
        assert http.get("/v2/me/account").status_code == 200
    finally:
        HANDLERS["getAccount"] = original
    assert seen == [("ContactList", "validationFinished", True)]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"seconds": NaN}', "NaN is not JSON"),
        (b'{"seconds": Infinity}', "Infinity is not JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"seconds": "\xff"}', "not UTF-8"),
    ],
)
def test_a_control_body_is_read_as_strictly_as_an_api_body(manual, content, message) -> None:  # type: ignore[no-untyped-def]
    _, clock, http = manual
    answer = http.post("/_sandbox/clock/advance", content=content)
    assert answer.status_code == 400
    assert message in answer.json()["message"]
    assert clock.now_ms() == 1_000_000
