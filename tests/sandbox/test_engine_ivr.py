"""IVR calls run their dialplan in the simulator; inbound calls and texts."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

pytest.importorskip("starlette")

from cftools.dialplan import simulate
from cftools.sandbox._outcomes import QUEUE_DELAY

from .test_engine import World, broadcast, call, items, make_world, send_call

SURVEY = """<dialplan name="Root">
  <menu name="q1" maxDigits="1" timeout="3000">
    <play type="tts">Press 1 for yes, 2 for no.</play>
    <keypress pressed="1"><stash varname="likes">yes</stash></keypress>
    <keypress pressed="2"><stash varname="likes">no</stash></keypress>
    <keypress pressed="timeout"><stash varname="likes">silent</stash></keypress>
  </menu>
  <menu name="q2" maxDigits="2" timeout="3000">
    <play type="tts">Rate us from 1 to 10.</play>
    <keypress pressed="default"><stash varname="rating">${call.lastinput}</stash></keypress>
  </menu>
  <record varname="comment" name="comment"/>
  <play type="tts">Thank you ${contact.firstName}.</play>
</dialplan>"""

TRANSFER = """<dialplan name="Root">
  <menu name="main" maxDigits="1" timeout="3000">
    <play type="tts">Press 0 for an agent.</play>
    <keypress pressed="0"><transfer callerid="12135550000">12135559999</transfer></keypress>
  </menu>
  <play type="tts">Goodbye.</play>
</dialplan>"""

ENDLESS = """<dialplan name="Root">
  <play type="tts" name="again">Hello.</play>
  <goto>again</goto>
</dialplan>"""

BROKEN_EXPRESSION = """<dialplan name="Root">
  <setvar varname="x">(function(){ throw new Error("boom") })()</setvar>
</dialplan>"""


@pytest.fixture
def world() -> Iterator[World]:
    made = make_world(seed=3)
    try:
        yield made
    finally:
        made.api.close()
        made.http.close()
        made.sandbox.close()


def _script(rng: random.Random) -> str:
    first = rng.choice(["1", "2", "timeout", "hangup", "7"])
    if first == "hangup":
        return first
    return f"{first} {rng.choice(['10', '3', '42', 'timeout', '', '99'])}".strip()


def test_an_ivr_broadcast_to_100_recipients_records_what_the_simulator_says(
    world: World,
) -> None:
    rng = random.Random(13)
    scripts = {f"1213555{n:04d}": _script(rng) for n in range(100, 200)}  # all answer live
    recipients = [
        {"phoneNumber": number, "attributes": {"sandbox.keys": keys}}
        for number, keys in scripts.items()
    ]
    id = broadcast(world, recipients=recipients, dialplanXml=SURVEY, maxActive=25)
    world.api.invoke("startVoiceBroadcast", id=id)
    world.advance(3600)
    calls = items(world, id)
    assert len(calls) == 100 and {c["state"] for c in calls} == {"FINISHED"}
    for got in calls:
        keys = scripts[got["toNumber"]]
        expected = simulate(SURVEY, keys.split()).stashed()
        (record,) = got["records"]
        assert record["result"] == "LA"
        assert {r["question"]: r["response"] for r in record["questionResponses"]} == expected
        assert [r["question"] for r in record["questionResponses"]] == list(expected)
    assert world.api.invoke("getCallBroadcast", id=id)["status"] == "FINISHED"


def test_an_ivr_call_keeps_its_recordings(world: World) -> None:
    id = send_call(
        world,
        "12135550100",
        dialplanXml=SURVEY,
        attributes={"sandbox.keys": "1 8"},
    )
    world.advance(600)
    got = call(world, id)
    (record,) = got["records"]
    assert record["questionResponses"] == [
        {"question": "likes", "response": "yes"},
        {"question": "rating", "response": "8"},
    ]
    (recording,) = record["recordings"]
    assert recording["name"] == "comment" and recording["callId"] == id
    listed = world.api.invoke("getCallRecordings", id=id)["items"]
    assert [r["id"] for r in listed] == [recording["id"]]
    mp3 = world.http.get(f"/v2/calls/recordings/{recording['id']}.mp3")
    assert mp3.status_code == 200 and mp3.headers["content-type"] == "audio/mpeg"
    assert recording["mp3Url"] == f"http://localhost/v2/calls/recordings/{recording['id']}.mp3"
    assert world.http.get(recording["mp3Url"]).content == mp3.content
    by_name = world.http.get(f"/v2/calls/{id}/recordings/comment.mp3")
    assert by_name.status_code == 200 and by_name.content == mp3.content
    # talk time: two prompts, two inputs, the recording and the thank-you
    assert record["duration"] == 2 + 3 + 2 + 3 + 10 + 2


def test_a_person_who_presses_nothing_hangs_up_at_the_first_menu(world: World) -> None:
    id = send_call(world, "12135550100", dialplanXml=SURVEY)
    world.advance(600)
    record = call(world, id)["records"][0]
    assert record["result"] == "LA" and record["questionResponses"] == []


def test_a_machine_presses_nothing(world: World) -> None:
    id = send_call(world, "12135550200", dialplanXml=SURVEY, attributes={"sandbox.keys": "1 5"})
    world.advance(600)
    record = call(world, id)["records"][0]
    assert record["result"] == "AM" and record["questionResponses"] == []


@pytest.mark.parametrize(
    ("transfers", "result", "note"),
    [("", "XFER", "answered"), ("unanswered", "LA", "not answered")],
)
def test_a_transfer_shows_in_the_record(
    world: World, transfers: str, result: str, note: str
) -> None:
    attributes = {"sandbox.keys": "0", "sandbox.transfers": transfers}
    id = send_call(world, "12135550100", dialplanXml=TRANSFER, attributes=attributes)
    world.advance(600)
    got = call(world, id)
    record = got["records"][0]
    assert (got["finalCallResult"], record["result"]) == (result, result)
    assert record["notes"][0]["text"] == f"transferred to 12135559999: {note}"


@pytest.mark.parametrize(
    ("dialplan", "keys", "reason"),
    [
        (ENDLESS, "", "did not end within"),
        (BROKEN_EXPRESSION, "", "cannot evaluate"),
        (SURVEY, "1 banana", "is not a key sequence"),
    ],
)
def test_a_broken_or_endless_dialplan_gives_an_internal_error(
    world: World, dialplan: str, keys: str, reason: str
) -> None:
    id = send_call(world, "12135550100", dialplanXml=dialplan, attributes={"sandbox.keys": keys})
    after = send_call(world, "12135550101")
    world.advance(600)
    got = call(world, id)
    record = got["records"][0]
    assert (got["state"], got["finalCallResult"]) == ("FINISHED", "INTERNAL_ERROR")
    assert reason in record["notes"][0]["text"] and record["billedAmount"] == 0
    assert call(world, after)["finalCallResult"] == "LA"  # the sandbox went on


def test_a_dialplan_the_validator_refuses_gives_an_internal_error(world: World) -> None:
    # sent unchecked (the request checks would refuse it): stored as if it had passed
    id = send_call(world, "12135550100")
    with world.sandbox.store.transaction() as tx:
        doc = tx.get("call", id)
        assert doc is not None
        doc["_dialplanXml"] = "<dialplan><menu><keypress pressed='x'/></menu>"
        tx.put("call", doc)
    world.advance(600)
    got = call(world, id)
    assert got["finalCallResult"] == "INTERNAL_ERROR"
    assert "the dialplan failed" in got["records"][0]["notes"][0]["text"]


def test_a_failing_step_is_an_internal_error_not_a_stopped_sandbox(world: World) -> None:
    id = send_call(world, "12135550100")
    other = send_call(world, "12135550101")
    with world.sandbox.store.transaction() as tx:
        doc = tx.get("call", id)
        assert doc is not None
        doc["records"] = "not a list"  # corrupt: the dial step raises
        tx.put("call", doc)
    world.advance(600)
    got = call(world, id)
    assert got["finalCallResult"] == "INTERNAL_ERROR"
    assert "the sandbox failed on this item" in got["notes"][0]["text"]
    assert call(world, other)["finalCallResult"] == "LA"


# -- Inbound ----------------------------------------------------------------------------


def _lease(world: World) -> str:
    number = world.api.invoke("findNumbersLocal", limit=1)["items"][0]["number"]
    world.api.invoke("orderNumbers", body={"numbers": [number]})
    return str(number)


def test_an_inbound_call_runs_the_numbers_ivr(world: World) -> None:
    number = _lease(world)
    world.api.invoke(
        "updateNumberLeaseConfig",
        number=number,
        body={"configType": "IVR", "ivrInboundConfig": {"dialplanXml": SURVEY}},
    )
    answer = world.http.post(
        "/_sandbox/inbound/call", json={"to": number, "from": "12135550111", "keys": "2 7"}
    )
    assert answer.status_code == 200, answer.text
    injected = answer.json()
    assert injected["inbound"] is True and injected["state"] == "SELECTED"
    assert "campaignId" not in injected and "_pending" not in injected
    world.advance(600)
    got = call(world, injected["id"])
    assert got["state"] == "FINISHED" and got["fromNumber"] == "12135550111"
    assert got["toNumber"] == number
    assert got["records"][0]["questionResponses"] == [
        {"question": "likes", "response": "no"},
        {"question": "rating", "response": "7"},
    ]
    assert world.names() == [("InboundCall", "finished")]
    found = world.api.invoke("findCalls", inbound=True)["items"]
    assert [c["id"] for c in found] == [injected["id"]]


def test_an_inbound_call_without_an_ivr_is_answered_or_forwarded(world: World) -> None:
    number = _lease(world)
    injected = world.sandbox.engine.inbound_call(number, "12135550111", keys=["1"])
    world.advance(60)
    assert call(world, injected["id"])["finalCallResult"] == "LA"
    world.api.invoke(
        "updateNumberLeaseConfig",
        number=number,
        body={"configType": "TRACKING", "callTrackingConfig": {"transferNumbers": ["12135550999"]}},
    )
    injected = world.sandbox.engine.inbound_call(number, "12135550111")
    world.advance(60)
    got = call(world, injected["id"])
    assert got["finalCallResult"] == "XFER"
    assert got["records"][0]["notes"][0]["text"] == "forwarded to 12135550999"


def test_an_inbound_text_triggers_the_matching_auto_replies(world: World) -> None:
    number = _lease(world)
    for reply in (
        {"number": number, "keyword": "STOP", "message": "You are unsubscribed."},
        {"number": number, "match": "hours", "message": "We open at 9."},
        {"number": number, "message": "Thanks for your text."},
        {"number": "12135550000", "message": "Another number."},
    ):
        world.api.invoke("createTextAutoReply", body=reply)
    answer = world.http.post(
        "/_sandbox/inbound/text",
        json={"to": number, "from": "12135550111", "message": "what are your HOURS?"},
    )
    assert answer.status_code == 200, answer.text
    received = answer.json()
    assert (received["state"], received["finalTextResult"]) == ("FINISHED", "RECEIVED")
    assert received["inbound"] is True and received["message"] == "what are your HOURS?"
    assert world.names() == [("InboundText", "finished")]
    world.advance(QUEUE_DELAY + 60)
    replies = world.api.invoke("findTexts", inbound=False)["items"]
    assert sorted(r["message"] for r in replies) == ["Thanks for your text.", "We open at 9."]
    assert {(r["fromNumber"], r["toNumber"], r["state"]) for r in replies} == {
        (number, "12135550111", "FINISHED")
    }
    assert world.names().count(("OutboundText", "finished")) == 2
    world.sandbox.engine.inbound_text(number, "12135550111", "stop please")
    world.advance(60)
    messages = [r["message"] for r in world.api.invoke("findTexts", inbound=False)["items"]]
    assert "You are unsubscribed." in messages


@pytest.mark.parametrize(
    ("path", "body", "status", "says"),
    [
        ("/inbound/call", {"to": "12135550123", "from": "12135550111"}, 404, "not leased"),
        ("/inbound/text", {"to": "12135550123", "from": "1", "message": "x"}, 404, "not leased"),
        ("/inbound/call", {"from": "12135550111"}, 400, '"to"'),
        ("/inbound/call", {"to": "abc", "from": "12135550111"}, 400, '"to"'),
        ("/inbound/call", {"to": "12135550123", "from": 5}, 400, '"from"'),
        ("/inbound/call", {"to": "1", "from": "2", "keys": 3}, 400, '"keys"'),
        ("/inbound/text", {"to": "12135550123", "from": "12135550111"}, 400, '"message"'),
        ("/inbound/text", [1], 400, "JSON object"),
    ],
)
def test_bad_injections_are_refused_clearly(
    world: World, path: str, body: object, status: int, says: str
) -> None:
    answer = world.http.post("/_sandbox" + path, json=body)
    assert answer.status_code == status
    assert says in answer.json()["message"]
    assert world.api.invoke("findCalls")["totalCount"] == 0


def test_a_keyword_text_to_the_short_code(world: World) -> None:
    world.api.invoke("orderKeywords", body={"keywords": ["PIZZA"]})
    received = world.sandbox.engine.inbound_text("67076", "12135550111", "pizza tonight")
    assert received["finalTextResult"] == "RECEIVED"
    answer = world.http.post(
        "/_sandbox/inbound/text", json={"to": "67076", "from": "12135550111", "message": "taco"}
    )
    assert answer.status_code == 404


def test_a_broadcast_item_that_fails_does_not_stall_its_broadcast(world: World) -> None:
    recipients = [{"phoneNumber": "12135550100"}, {"phoneNumber": "12135550101"}]
    id = broadcast(world, recipients=recipients, maxActive=1)
    bad = items(world, id)[0]["id"]
    with world.sandbox.store.transaction() as tx:
        doc = tx.get("call", bad)
        assert doc is not None
        doc["records"] = "not a list"
        tx.put("call", doc)
    world.api.invoke("startVoiceBroadcast", id=id)
    world.advance(600)
    results = {c["id"]: c["finalCallResult"] for c in items(world, id)}
    assert results.pop(bad) == "INTERNAL_ERROR"
    assert list(results.values()) == ["LA"]
    assert world.api.invoke("getCallBroadcast", id=id)["status"] == "FINISHED"


def test_every_event_is_one_a_webhook_can_watch(world: World) -> None:
    from cftools.sandbox._resources.webhooks import RESOURCES

    number = _lease(world)
    world.api.invoke("createTextAutoReply", body={"number": number, "message": "Hi back"})
    for channel in ("call", "text"):
        id = broadcast(world, channel, recipients=[{"phoneNumber": "12135550100"}])
        start = "startVoiceBroadcast" if channel == "call" else "startTextBroadcast"
        world.api.invoke(start, id=id)
        world.api.invoke(start.replace("start", "stop"), id=id)
        world.api.invoke(start, id=id)
    world.sandbox.engine.inbound_call(number, "12135550111")
    world.sandbox.engine.inbound_text(number, "12135550111", "hello")
    world.advance(600)
    seen = set(world.names())
    assert len(seen) == 10
    assert all(event in RESOURCES[resource] for resource, event in seen)
