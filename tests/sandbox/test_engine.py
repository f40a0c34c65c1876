"""The engine: calls and texts move on a hand-driven clock, with documented outcomes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

pytest.importorskip("starlette")

from hypothesis import given, settings
from hypothesis import strategies as st

from cftools.client import Client
from cftools.sandbox import Event, ManualClock, Sandbox, SyncASGITransport
from cftools.sandbox._outcomes import QUEUE_DELAY, RING, call_outcome, next_window

BASE_URL = "http://localhost/v2"
START = 1_700_000_000_000  # 2023-11-14 22:13:20 UTC


@dataclass
class World:
    sandbox: Sandbox
    clock: ManualClock
    api: Client
    http: httpx.Client  # for the control endpoints (root URL)
    events: list[Event] = field(default_factory=list)

    def advance(self, seconds: float) -> None:
        self.sandbox.advance(seconds)

    def names(self) -> list[tuple[str, str]]:
        return [(event.resource, event.event) for event in self.events]


def make_world(db: str | None = None, seed: int = 0, start: int = START) -> World:
    clock = ManualClock(start_ms=start)
    sandbox = Sandbox(db=db, seed=seed, clock=clock)
    transport = SyncASGITransport(sandbox.app)
    api = Client("sandbox", "sandbox", base_url=BASE_URL, transport=transport, max_retries=0)
    http = httpx.Client(
        base_url="http://localhost", auth=("sandbox", "sandbox"), transport=transport
    )
    world = World(sandbox, clock, api, http)
    sandbox.events.subscribe(world.events.append)
    return world


@pytest.fixture
def world() -> Iterator[World]:
    made = make_world()
    try:
        yield made
    finally:
        made.api.close()
        made.http.close()
        made.sandbox.close()


def send_call(world: World, number: str, **recipient: Any) -> int:
    sent = world.api.invoke("sendCalls", body=[{"phoneNumber": number, **recipient}])
    return int(sent["items"][0]["id"])


def call(world: World, id: int) -> dict[str, Any]:
    return dict(world.api.invoke("getCall", id=id))


# -- Outcomes by number ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "state", "result", "answered"),
    [
        ("12135550100", "FINISHED", "LA", True),
        ("12135550250", "FINISHED", "AM", True),
        ("12135550399", "FINISHED", "BUSY", False),
        ("12135550400", "FINISHED", "NO_ANS", False),
        ("12135550500", "FINISHED", "CARRIER_ERROR", False),
        ("12135550600", "FINISHED", "CARRIER_TEMP_ERROR", False),
        ("12135550700", "INVALID", "UNDIALED", False),
        ("2135550100", "FINISHED", "LA", True),  # 10 digits are fine
        ("22135550100", "INVALID", "UNDIALED", False),  # 11 digits must start with 1
        ("12135550800", "FINISHED", "BUSY", False),  # busy first, live on a retry
    ],
)
def test_each_row_of_the_outcome_table(
    world: World, number: str, state: str, result: str, answered: bool
) -> None:
    id = send_call(world, number)
    assert call(world, id)["state"] == "READY"
    world.advance(QUEUE_DELAY)
    assert call(world, id)["state"] == ("SELECTED" if state == "FINISHED" else state)
    world.advance(3600)
    got = call(world, id)
    assert (got["state"], got["finalCallResult"]) == (state, result)
    if state == "INVALID":
        assert got["records"] == []
    else:
        (record,) = got["records"]
        assert record["result"] == result and record["toNumber"] == number
        assert record["originateTime"] == START + QUEUE_DELAY * 1000
        assert ("answerTime" in record) is answered
        if answered:
            assert record["answerTime"] == record["originateTime"] + RING[result] * 1000
            assert record["finishTime"] == record["answerTime"] + record["duration"] * 1000
            assert record["billedAmount"] > 0
        else:
            assert record["duration"] == 0 and record["billedAmount"] == 0
            assert record["finishTime"] == record["originateTime"] + RING[result] * 1000
    assert world.names() == [("OutboundCall", "finished")]
    assert world.events[0].doc["id"] == id and "_pending" not in world.events[0].doc


def test_a_number_on_the_do_not_contact_list_is_not_dialled(world: World) -> None:
    world.api.invoke("addDoNotContacts", body={"numbers": ["12135550100"], "text": False})
    call_id = send_call(world, "12135550100")
    text = world.api.invoke("sendTexts", body=[{"phoneNumber": "12135550100", "message": "hi"}])
    world.advance(60)
    got = call(world, call_id)
    assert (got["state"], got["finalCallResult"], got["records"]) == ("DNC", "DNC", [])
    sent = world.api.invoke("getText", id=text["items"][0]["id"])
    assert sent["finalTextResult"] == "SENT"  # the entry's text flag is off
    world.api.invoke("addDoNotContacts", body={"numbers": ["12135550101"]})
    text = world.api.invoke("sendTexts", body=[{"phoneNumber": "12135550101", "message": "hi"}])
    world.advance(60)
    got = world.api.invoke("getText", id=text["items"][0]["id"])
    assert (got["state"], got["finalTextResult"]) == ("DNC", "DNT")


@pytest.mark.parametrize(
    ("number", "message", "result", "billed"),
    [
        ("12135550100", "hello", "SENT", 0.03),
        ("12135550100", "x" * 161, "SENT", 0.06),  # two segments
        ("12135550100", "x" * 1601, "TOO_BIG", 0.0),
        ("12135550500", "hello", "CARRIER_ERROR", 0.0),
        ("12135550600", "hello", "CARRIER_TEMP_ERROR", 0.0),
    ],
)
def test_texts_are_delivered_or_not(
    world: World, number: str, message: str, result: str, billed: float
) -> None:
    sent = world.api.invoke("sendTexts", body=[{"phoneNumber": number, "message": message}])
    id = sent["items"][0]["id"]
    world.advance(60)
    text = world.api.invoke("getText", id=id)
    assert (text["state"], text["finalTextResult"]) == ("FINISHED", result)
    assert text["records"][0]["textResult"] == result
    assert text["records"][0]["billedAmount"] == pytest.approx(billed)
    assert world.names() == [("OutboundText", "finished")]


def test_an_invalid_text_number_is_undialed(world: World) -> None:
    sent = world.api.invoke("sendTexts", body=[{"phoneNumber": "12135550777", "message": "x"}])
    world.advance(10)
    text = world.api.invoke("getText", id=sent["items"][0]["id"])
    assert (text["state"], text["finalTextResult"]) == ("INVALID", "UNDIALED")


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32), number=st.from_regex(r"1[2-9][0-9]{9}", fullmatch=True))
def test_any_number_ends_in_a_valid_terminal_state_the_same_way_twice(
    seed: int, number: str
) -> None:
    finals = []
    for _ in range(2):
        world = make_world(seed=seed)
        try:
            id = send_call(world, number)
            world.advance(3600)
            got = call(world, id)
            finals.append((got["state"], got["finalCallResult"], got["records"]))
        finally:
            world.sandbox.close()
    assert finals[0] == finals[1]
    state, result, _ = finals[0]
    assert state in ("FINISHED", "INVALID") and result in (
        "LA",
        "AM",
        "BUSY",
        "NO_ANS",
        "CARRIER_ERROR",
        "CARRIER_TEMP_ERROR",
        "UNDIALED",
    )


def test_the_seed_draws_the_other_numbers() -> None:
    numbers = [f"1213555{n:04d}" for n in range(2000, 2400)]
    first = [call_outcome(1, number, 0) for number in numbers]
    assert first == [call_outcome(1, number, 0) for number in numbers]
    assert first != [call_outcome(2, number, 0) for number in numbers]
    assert {"LA", "AM", "BUSY", "NO_ANS"} <= set(first)


# -- Broadcasts -------------------------------------------------------------------------


def broadcast(world: World, channel: str = "call", **body: Any) -> int:
    name = "createCallBroadcast" if channel == "call" else "createTextBroadcast"
    body.setdefault("name", "b")
    if channel == "text":
        body.setdefault("message", "hello")
    return int(world.api.invoke(name, body=body)["id"])


def items(world: World, id: int, channel: str = "call") -> list[dict[str, Any]]:
    name = "getCallBroadcastCalls" if channel == "call" else "getTextBroadcastTexts"
    return list(world.api.invoke(name, id=id, limit=1000)["items"])


def test_a_broadcast_runs_to_finished_with_events_and_stats(world: World) -> None:
    numbers = ["12135550100", "12135550200", "12135550300", "12135550400", "12135550700"]
    id = broadcast(world, recipients=[{"phoneNumber": n} for n in numbers])
    world.advance(60)
    assert {c["state"] for c in items(world, id)} == {"READY"}  # SETUP: nothing dials
    world.api.invoke("startVoiceBroadcast", id=id)
    assert world.names() == [("CallBroadcast", "started")]
    world.advance(QUEUE_DELAY)
    assert world.api.invoke("getCallBroadcast", id=id)["status"] == "RUNNING"
    world.advance(3600)
    assert world.api.invoke("getCallBroadcast", id=id)["status"] == "FINISHED"
    assert world.names()[-1] == ("CallBroadcast", "finished")
    assert world.names().count(("OutboundCall", "finished")) == 5
    stats = world.api.invoke("getCallBroadcastStats", id=id)
    expected = {
        "totalCount": 5,
        "remainingOutboundCount": 0,
        "callsPlaced": 4,
        "callsAttempted": 4,
        "liveCount": 1,
        "answeringMachineCount": 1,
        "busyCount": 1,
        "noAnswerCount": 1,
        "errorCount": 1,  # the invalid number: UNDIALED
        "billedAmount": 0.1,
    }
    assert {key: stats[key] for key in expected} == expected
    assert stats["callsDuration"] == sum(
        r["duration"] for c in items(world, id) for r in c["records"]
    )
    batch = world.api.invoke("getCallBroadcastBatches", id=id)["items"][0]
    assert batch["remaining"] == 0


def test_stop_stops_dialling_and_start_resumes(world: World) -> None:
    recipients = [{"phoneNumber": f"121355501{n:02d}"} for n in range(6)]
    id = broadcast(world, recipients=recipients, maxActive=2)
    world.api.invoke("startVoiceBroadcast", id=id)
    world.advance(QUEUE_DELAY)
    assert [c["state"] for c in items(world, id)].count("SELECTED") == 2
    world.api.invoke("stopVoiceBroadcast", id=id)
    world.advance(3600)
    states = [c["state"] for c in items(world, id)]
    assert states.count("FINISHED") == 2 and states.count("READY") == 4
    assert world.api.invoke("getCallBroadcast", id=id)["status"] == "STOPPED"
    world.api.invoke("startVoiceBroadcast", id=id)
    world.advance(3600)
    assert {c["state"] for c in items(world, id)} == {"FINISHED"}
    assert world.api.invoke("getCallBroadcast", id=id)["status"] == "FINISHED"
    assert [n for n in world.names() if n[0] == "CallBroadcast"] == [
        ("CallBroadcast", "started"),
        ("CallBroadcast", "stopped"),
        ("CallBroadcast", "started"),
        ("CallBroadcast", "finished"),
    ]


@pytest.mark.parametrize("channel", ["call", "text"])
def test_max_active_is_never_exceeded(world: World, channel: str) -> None:
    recipients = [{"phoneNumber": f"1213555{n:04d}"} for n in range(100, 130)]
    id = broadcast(world, channel, recipients=recipients, maxActive=3)
    world.api.invoke("startVoiceBroadcast" if channel == "call" else "startTextBroadcast", id=id)
    peak = 0
    for _ in range(400):
        world.advance(1)
        active = [c["state"] for c in items(world, id, channel)].count("SELECTED")
        assert active <= 3
        peak = max(peak, active)
    assert peak == 3
    assert {c["state"] for c in items(world, id, channel)} == {"FINISHED"}


def test_retries_follow_the_retry_config(world: World) -> None:
    id = broadcast(
        world,
        recipients=[{"phoneNumber": "12135550800"}, {"phoneNumber": "12135550300"}],
        retryConfig={"maxAttempts": 3, "minutesBetweenAttempts": 5, "retryResults": ["BUSY"]},
    )
    world.api.invoke("startVoiceBroadcast", id=id)
    world.advance(60)
    states = {c["toNumber"]: c["state"] for c in items(world, id)}
    assert states == {"12135550800": "CALLBACK", "12135550300": "CALLBACK"}
    stats = world.api.invoke("getCallBroadcastStats", id=id)
    assert stats["callsAwaitingRedial"] == 2
    world.advance(5 * 60)
    world.advance(60)
    got = {c["toNumber"]: c for c in items(world, id)}
    assert got["12135550800"]["state"] == "FINISHED"  # live on the second attempt
    assert [r["result"] for r in got["12135550800"]["records"]] == ["BUSY", "LA"]
    first, second = got["12135550800"]["records"]
    assert second["originateTime"] - first["finishTime"] == 5 * 60 * 1000
    world.advance(3600)
    busy = {c["toNumber"]: c for c in items(world, id)}["12135550300"]
    assert [r["result"] for r in busy["records"]] == ["BUSY"] * 3  # maxAttempts counts all
    assert busy["state"] == "FINISHED"
    assert world.api.invoke("getCallBroadcast", id=id)["status"] == "FINISHED"


def test_retries_dial_the_contacts_other_phones(world: World) -> None:
    contact = world.api.invoke(
        "createContacts", body=[{"homePhone": "12135550300", "mobilePhone": "12135550101"}]
    )["items"][0]["id"]
    id = broadcast(
        world,
        recipients=[{"contactId": contact}],
        retryConfig={
            "maxAttempts": 2,
            "minutesBetweenAttempts": 1,
            "retryResults": ["BUSY"],
            "retryPhoneTypes": ["MOBILE_PHONE"],
        },
    )
    world.api.invoke("startVoiceBroadcast", id=id)
    world.advance(3600)
    (got,) = items(world, id)
    assert [(r["toNumber"], r["result"]) for r in got["records"]] == [
        ("12135550300", "BUSY"),
        ("12135550101", "LA"),
    ]


@pytest.mark.parametrize(
    ("config", "live", "machine"),
    [
        ("AM_ONLY", ("LA", "hung up"), ("AM", "machine message")),
        ("AM_AND_LIVE", ("LA", "live message"), ("AM", "machine message")),
        ("LIVE_WITH_AMD", ("LA", "live message"), ("AM", "hung up")),
        ("LIVE_IMMEDIATE", ("LA", "live message"), ("LA", "live message")),
    ],
)
def test_the_answering_machine_config(
    world: World, config: str, live: tuple[str, str], machine: tuple[str, str]
) -> None:
    id = broadcast(
        world,
        answeringMachineConfig=config,
        sounds={"liveSoundText": "Hello live person", "machineSoundText": "x" * 150},
        recipients=[{"phoneNumber": "12135550100"}, {"phoneNumber": "12135550200"}],
    )
    world.api.invoke("startVoiceBroadcast", id=id)
    world.advance(600)
    got = {c["toNumber"]: c["records"][0] for c in items(world, id)}
    for number, (result, note) in (("12135550100", live), ("12135550200", machine)):
        record = got[number]
        assert record["result"] == result
        assert note in record["notes"][0]["text"]
        expected = {"hung up": 1, "live message": 2, "machine message": 10}[note]
        assert record["duration"] == expected


def test_a_local_time_restriction_holds_calls_until_the_window_opens(world: World) -> None:
    # START is 22:13 UTC: 17:13 in New York (212), 14:13 in Los Angeles (213).
    id = broadcast(
        world,
        localTimeRestriction={"enabled": True, "beginHour": 9, "endHour": 17},
        recipients=[
            {"phoneNumber": "12125550100"},
            {"phoneNumber": "12135550100"},
            {"phoneNumber": "14425550100", "attributes": {"sandbox.timeZone": "1"}},
        ],
    )
    world.api.invoke("startVoiceBroadcast", id=id)
    world.advance(600)
    got = {c["toNumber"]: c for c in items(world, id)}
    assert got["12135550100"]["state"] == "FINISHED"
    assert got["12125550100"]["state"] == "READY"
    assert got["14425550100"]["state"] == "READY"
    world.advance(24 * 3600)
    got = {c["toNumber"]: c for c in items(world, id)}
    new_york = got["12125550100"]["records"][0]["originateTime"]
    assert (new_york // 1000 - 5 * 3600) % 86400 == 9 * 3600  # 09:00 in New York
    other = got["14425550100"]["records"][0]["originateTime"]
    assert (other // 1000 + 3600) % 86400 == 9 * 3600
    assert world.api.invoke("getCallBroadcast", id=id)["status"] == "FINISHED"


def test_the_window_arithmetic() -> None:
    day = {"enabled": True, "beginHour": 9, "endHour": 17}
    nine = 9 * 3_600_000
    assert next_window(nine, 0, day) == nine
    assert next_window(nine - 1, 0, day) == nine
    assert next_window(17 * 3_600_000, 0, day) == nine + 86_400_000
    night = {"enabled": True, "beginHour": 22, "endHour": 6}
    assert next_window(23 * 3_600_000, 0, night) == 23 * 3_600_000
    assert next_window(12 * 3_600_000, 0, night) == 22 * 3_600_000
    assert next_window(5, 0, {"enabled": False, "beginHour": 9}) == 5


def test_a_text_broadcast_counts_its_results(world: World) -> None:
    id = broadcast(
        world,
        "text",
        recipients=[
            {"phoneNumber": "12135550100"},
            {"phoneNumber": "12135550500"},
            {"phoneNumber": "12135550700"},
            {"phoneNumber": "12135550101", "message": "y" * 200},
        ],
        bigMessageStrategy="DO_NOT_SEND",
    )
    world.api.invoke("startTextBroadcast", id=id)
    world.advance(60)
    stats = world.api.invoke("getTextBroadcastStats", id=id)
    assert stats == {
        "totalOutboundCount": 4,
        "remainingOutboundCount": 0,
        "sentCount": 1,
        "unsentCount": 3,
        "recievedCount": 0,
        "doNotTextCount": 0,
        "tooBigCount": 1,
        "errorCount": 2,
        "billedAmount": 0.03,
    }
    assert world.names()[-1] == ("TextBroadcast", "finished")


def test_a_started_broadcast_dials_recipients_added_later(world: World) -> None:
    id = broadcast(world, recipients=[{"phoneNumber": "12135550100"}])
    world.api.invoke("startVoiceBroadcast", id=id)
    world.advance(600)
    assert world.api.invoke("getCallBroadcast", id=id)["status"] == "FINISHED"
    world.api.invoke("startVoiceBroadcast", id=id)
    world.api.invoke("addCallBroadcastRecipients", id=id, body=[{"phoneNumber": "12135550101"}])
    world.advance(600)
    assert {c["state"] for c in items(world, id)} == {"FINISHED"}


def test_the_clock_advanced_over_http_moves_calls(world: World) -> None:
    id = send_call(world, "12135550100")
    answer = world.http.post("/_sandbox/clock/advance", json={"seconds": 600})
    assert answer.status_code == 200
    assert call(world, id)["finalCallResult"] == "LA"


def test_a_file_sandbox_resumes_after_a_restart(tmp_path: Any) -> None:
    db = str(tmp_path / "state.db")
    first = make_world(db=db)
    id = broadcast(
        first, recipients=[{"phoneNumber": f"121355501{n:02d}"} for n in range(4)], maxActive=1
    )
    first.api.invoke("startVoiceBroadcast", id=id)
    first.advance(QUEUE_DELAY + RING["LA"])
    now = first.clock.now_ms()
    first.api.close()
    first.sandbox.close()
    second = make_world(db=db, start=now)
    try:
        assert [c["state"] for c in items(second, id)].count("SELECTED") == 1
        second.advance(3600)
        assert {c["state"] for c in items(second, id)} == {"FINISHED"}
        assert second.api.invoke("getCallBroadcast", id=id)["status"] == "FINISHED"
        assert second.names()[-1] == ("CallBroadcast", "finished")
    finally:
        second.api.close()
        second.sandbox.close()


def test_reset_forgets_what_was_due(world: World) -> None:
    send_call(world, "12135550100")
    world.sandbox.reset()
    world.advance(600)
    assert world.events == []
    assert world.sandbox.engine.next_due is None


def test_an_idle_tick_does_not_touch_the_store(world: World) -> None:
    send_call(world, "12135550100")
    world.advance(600)
    world.sandbox.store.close()  # any query would now fail
    world.sandbox.run_due()


def test_the_documented_table_is_the_one_the_sandbox_uses() -> None:
    from pathlib import Path

    from cftools.sandbox import _outcomes

    page = (Path(__file__).parents[2] / "docs" / "sandbox-outcomes.md").read_text()
    rows = {}
    for line in page.splitlines():
        if line.startswith("| `0") and "`-`" in line:
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            rows[int(cells[0][1:5]) // 100] = (cells[1], cells[2])
    assert set(rows) == set(_outcomes.FIXED)
    for hundreds, (call_result, text_result) in _outcomes.FIXED.items():
        documented_call, documented_text = rows[hundreds]
        if call_result == "RETRY":
            assert documented_call.startswith("`BUSY` on the first attempt, `LA`")
            assert documented_text.startswith("`CARRIER_TEMP_ERROR`, then `SENT`")
        elif call_result == "INVALID":
            assert "`INVALID`" in documented_call and "`INVALID`" in documented_text
        else:
            assert f"`{call_result}`" in documented_call
            assert f"`{text_result}`" in documented_text
    for result, weight in (*_outcomes.CALL_WEIGHTS, *_outcomes.TEXT_WEIGHTS):
        assert f"`{result}` {weight} %" in page or f"{result}` {weight} %" in page
    flat = " ".join(page.split())
    groups: dict[int, list[str]] = {}
    for code, offset in _outcomes.AREA_CODES.items():
        groups.setdefault(offset, []).append(code)
    for offset, codes in groups.items():
        assert f"{', '.join(codes)}: {offset};" in flat


def test_a_broadcast_started_empty_waits_for_recipients(world: World) -> None:
    id = broadcast(world)
    world.api.invoke("startVoiceBroadcast", id=id)
    world.advance(600)
    assert world.api.invoke("getCallBroadcast", id=id)["status"] == "RUNNING"
    world.api.invoke("addCallBroadcastRecipients", id=id, body=[{"phoneNumber": "12135550100"}])
    world.advance(600)
    assert world.api.invoke("getCallBroadcast", id=id)["status"] == "FINISHED"


def test_toggled_recipients_are_skipped_then_dialled(world: World) -> None:
    id = broadcast(
        world, recipients=[{"phoneNumber": "12135550100"}, {"phoneNumber": "12135550101"}]
    )
    world.api.invoke(
        "toggleCallBroadcastRecipientsStatus",
        id=id,
        enable=False,
        body=[{"phoneNumber": "12135550101"}],
    )
    world.api.invoke("startVoiceBroadcast", id=id)
    world.advance(600)
    states = {c["toNumber"]: c["state"] for c in items(world, id)}
    assert states == {"12135550100": "FINISHED", "12135550101": "DISABLED"}
    assert world.api.invoke("getCallBroadcast", id=id)["status"] == "FINISHED"
    world.api.invoke("startVoiceBroadcast", id=id)
    world.api.invoke(
        "toggleCallBroadcastRecipientsStatus",
        id=id,
        enable=True,
        body=[{"phoneNumber": "12135550101"}],
    )
    world.advance(600)
    assert {c["state"] for c in items(world, id)} == {"FINISHED"}


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 1000),
    suffixes=st.lists(st.integers(0, 9999), min_size=1, max_size=8),
    max_active=st.integers(0, 3),
    retry=st.sampled_from([None, ["BUSY"], ["BUSY", "NO_ANS", "CARRIER_TEMP_ERROR"]]),
    window=st.booleans(),
)
def test_any_broadcast_runs_to_finished_within_its_limits(
    seed: int, suffixes: list[int], max_active: int, retry: list[str] | None, window: bool
) -> None:
    world = make_world(seed=seed)
    try:
        body: dict[str, Any] = {
            "recipients": [{"phoneNumber": f"1213555{s:04d}"} for s in suffixes],
            "maxActive": max_active or None,
        }
        if retry:
            body["retryConfig"] = {
                "maxAttempts": 2,
                "minutesBetweenAttempts": 1,
                "retryResults": retry,
            }
        if window:
            body["localTimeRestriction"] = {"enabled": True, "beginHour": 9, "endHour": 10}
        id = broadcast(world, **body)
        world.api.invoke("startVoiceBroadcast", id=id)
        for _ in range(60):
            world.advance(30 * 60 if window else 20)
            active = [c["state"] for c in items(world, id)].count("SELECTED")
            assert not max_active or active <= max_active
        calls = items(world, id)
        assert {c["state"] for c in calls} <= {"FINISHED", "INVALID", "DNC"}
        assert world.api.invoke("getCallBroadcast", id=id)["status"] == "FINISHED"
        for c in calls:
            assert len(c["records"]) <= (2 if retry else 1)
            times = [(r["originateTime"], r["finishTime"]) for r in c["records"]]
            assert all(start <= end for start, end in times)
            assert times == sorted(times)
        stats = world.api.invoke("getCallBroadcastStats", id=id)
        counted = sum(
            stats[k]
            for k in (
                "liveCount",
                "answeringMachineCount",
                "busyCount",
                "noAnswerCount",
                "transferCount",
                "doNotCallCount",
                "errorCount",
                "miscCount",
            )
        )
        assert counted == stats["totalCount"] == len(suffixes)
        assert stats["callsAttempted"] == sum(len(c["records"]) for c in calls)
        finished = [e for e in world.events if e.resource == "OutboundCall"]
        assert sorted(e.doc["id"] for e in finished) == sorted(c["id"] for c in calls)
    finally:
        world.api.close()
        world.sandbox.close()


@given(
    now=st.integers(0, 10**13),
    offset=st.sampled_from([-10, -8, -5, 0, 5.5, 9]),
    begin=st.integers(0, 23 * 60 + 59),
    end=st.integers(0, 23 * 60 + 59),
)
def test_the_window_opens_at_the_first_minute_inside_it(
    now: int, offset: float, begin: int, end: int
) -> None:
    restriction = {
        "enabled": True,
        "beginHour": begin // 60,
        "beginMinute": begin % 60,
        "endHour": end // 60,
        "endMinute": end % 60,
    }

    def inside(moment: int) -> bool:
        minute = ((moment + round(offset * 3_600_000)) // 60_000) % 1440
        if begin == end:
            return True
        return begin <= minute < end if begin < end else (minute >= begin or minute < end)

    opens = next_window(now, offset, restriction)
    assert opens >= now and inside(opens)
    assert opens - now < 86_400_000
    if opens > now:  # no earlier minute boundary was inside
        assert not inside(now)
        assert not inside(opens - 60_000) or opens - 60_000 < now


def test_a_disabled_batch_is_not_dialled_and_its_broadcast_finishes_without_it(
    world: World,
) -> None:
    id = broadcast(world, recipients=[{"phoneNumber": "12135550101"}])
    late = world.api.invoke(
        "addCallBroadcastBatch",
        id=id,
        body={"name": "late", "recipients": [{"phoneNumber": "12135550102"}]},
    )["id"]
    world.api.invoke("updateCampaignBatch", id=late, body={"enabled": False})
    world.api.invoke("startVoiceBroadcast", id=id)
    world.advance(QUEUE_DELAY)
    world.advance(3600)
    calls = {c["toNumber"]: c for c in items(world, id)}
    assert calls["12135550101"]["state"] == "FINISHED"
    assert calls["12135550102"]["state"] == "DISABLED"
    assert not calls["12135550102"]["records"]
    assert world.api.invoke("getCallBroadcast", id=id)["status"] == "FINISHED"
    assert world.names().count(("OutboundCall", "finished")) == 1


def test_enabling_a_batch_again_dials_what_disabling_held_back(world: World) -> None:
    id = broadcast(world, recipients=[{"phoneNumber": "12135550101"}], maxActive=1)
    batch = world.api.invoke(
        "addCallBroadcastBatch",
        id=id,
        body={"recipients": [{"phoneNumber": n} for n in ("12135550102", "12135550103")]},
    )["id"]
    world.api.invoke(
        "toggleCallBroadcastRecipientsStatus",
        id=id,
        enable=False,
        body=[{"phoneNumber": "12135550103"}],
    )
    world.api.invoke("updateCampaignBatch", id=batch, body={"enabled": False})
    world.api.invoke("startVoiceBroadcast", id=id)
    world.advance(QUEUE_DELAY)
    held = {c["toNumber"]: c["state"] for c in items(world, id)}
    assert held["12135550102"] == "DISABLED"  # held back while its batch is disabled
    assert world.api.invoke("getCallBroadcast", id=id)["status"] == "RUNNING"
    world.api.invoke("updateCampaignBatch", id=batch, body={"enabled": True})
    for _ in range(6):
        world.advance(600)
    calls = {c["toNumber"]: c["state"] for c in items(world, id)}
    # the batch's recipient comes back; the one disabled by hand stays disabled
    assert calls == {
        "12135550101": "FINISHED",
        "12135550102": "FINISHED",
        "12135550103": "DISABLED",
    }
