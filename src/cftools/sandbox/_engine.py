"""The engine: calls and texts that move on the sandbox's clock, broadcasts that dial.

Everything it knows lives in the store, under private keys, so a sandbox kept in a
``--db`` file resumes where it stopped:

- ``_due`` (epoch ms) and ``_step`` on a call, a text or a broadcast: what happens to it
  next, and when. Steps of a call or text: ``dial`` (the attempt starts: the outcome is
  decided, the record computed and kept in ``_pending``), ``finish`` (the record is
  published: ``FINISHED``, or ``CALLBACK`` while a retry waits), ``requeue`` (a retry or a
  local-time window is due: back in its broadcast's queue). A broadcast's step runs its
  dialler.
- ``_queue`` (a broadcast id) on a call or text waiting for its broadcast to dial it; a
  broadcast keeps ``_active``, the number of its calls in progress.

The dialler of a ``RUNNING`` broadcast takes queued items in id order while fewer than
``maxActive`` (default: no limit) are in progress; an item outside its recipient's local
time window (``localTimeRestriction``) waits for the window to open. A finished call
frees its slot and wakes the dialler. When it has items and none is queued, in progress
or waiting, the broadcast is ``FINISHED`` (one started without recipients waits for
them). ``STOPPED`` stops dialling (calls in progress finish); starting
again resumes.

Retries (call broadcasts, ``retryConfig``): ``maxAttempts`` counts every attempt (the
default, 1, never retries); a finished attempt whose result is in ``retryResults`` waits
``minutesBetweenAttempts`` (default 60) in ``CALLBACK``. Attempt *n* > 0 dials the
contact's phone of type ``retryPhoneTypes[(n - 1) % len]`` (``FIRST_NUMBER``: the number
first dialled; a type the contact lacks: that too).

Answering machine config (default ``AM_AND_LIVE``), for a call the network answers:

==================  ==========================  =======================================
config              a person answers (``LA``)   a machine answers (``AM``)
==================  ==========================  =======================================
``AM_ONLY``         hung up at once, ``LA``     machine message (or dialplan), ``AM``
``AM_AND_LIVE``     live message or dialplan    machine message (or dialplan), ``AM``
``LIVE_WITH_AMD``   live message or dialplan    hung up at once, ``AM``
``LIVE_IMMEDIATE``  live message or dialplan    live message or dialplan, ``LA``
==================  ==========================  =======================================

A dialplan (the recipient's ``dialplanXml``, else the broadcast's) runs as
:mod:`cftools.sandbox._ivr` describes. Each record gets a note saying what was played.

Events (after the tick's transaction commits): ``OutboundCall``/``OutboundText``
``finished`` when a call or text reaches its final state, ``InboundCall``/``InboundText``
``finished``, ``CallBroadcast``/``TextBroadcast`` ``finished``. ``started``/``stopped``
come from the handlers that start and stop broadcasts.

A tick does nothing, in O(1), until the earliest ``_due`` (kept in memory, recomputed
from the store at start, after a reset and after any request changed something) has come.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from cftools.spec import OPERATIONS

from . import _outcomes as outcomes
from ._control import control, json_body
from ._core import ApiFault, Context, public
from ._events import Event
from ._ivr import RECORDING_SECONDS, IvrResult, run_ivr
from ._resources import audio
from ._resources.messages import create_message
from ._store import Change, Filter, Transaction, equals, one_of

if TYPE_CHECKING:
    from ._app import Sandbox

__all__ = ["Engine"]

logger = logging.getLogger("cftools.sandbox")

_WATCHED = frozenset({"call", "text", "call_broadcast", "text_broadcast"})
_CHUNK = 500  # steps per transaction: events go out, requests get in, between chunks
_SECOND = 1000
_PENDING_STATES = ["READY", "SELECTED", "CALLBACK"]
_RESOURCE = {"call": "OutboundCall", "text": "OutboundText"}
_INBOUND = {"call": "InboundCall", "text": "InboundText"}
_BROADCAST = {"call": "CallBroadcast", "text": "TextBroadcast"}
_PHONE_TYPES = {"HOME_PHONE": "homePhone", "WORK_PHONE": "workPhone", "MOBILE_PHONE": "mobilePhone"}


class _At:
    """A clock stopped at one instant: what a step sees as ``now``."""

    def __init__(self, now_ms: int) -> None:
        self._now = now_ms

    def now_ms(self) -> int:
        return self._now


def _queued(broadcast_id: int) -> Filter:
    return ("json_extract(private, '$._queue') = ?", (broadcast_id,))


class Engine:
    """Moves calls, texts and broadcasts on the sandbox's clock (see the module doc)."""

    def __init__(self, sandbox: Sandbox) -> None:
        self._sandbox = sandbox
        self._store = sandbox.store
        self._next: int | None = None
        self._dirty = True
        self._thread: int | None = None  # the thread running a tick, if any
        self._lock = threading.RLock()
        sandbox.add_ticker(self.tick)
        sandbox.on_reset(self._forget)
        sandbox.store.listen(self._changed)

    def __repr__(self) -> str:
        return f"<cftools.sandbox engine next_due={self._next}>"

    @property
    def next_due(self) -> int | None:
        """When something next happens (epoch ms), as far as the engine knows."""
        return self._next

    def _forget(self) -> None:
        self._next, self._dirty = None, True

    def _changed(self, changes: Sequence[Change]) -> None:
        if threading.get_ident() == self._thread:
            return  # the tick's own writes: it recomputes the next due time itself
        if any(change.kind in _WATCHED for change in changes):
            self._dirty = True

    # -- the clock's work ---------------------------------------------------------------

    def tick(self, now: int) -> None:
        """Run every step due at or before ``now``, in order of due time."""
        if not self._dirty and (self._next is None or now < self._next):
            return
        with self._lock:
            self._thread = threading.get_ident()
            try:
                self._dirty = False
                while self._run_chunk(now):
                    pass
            finally:
                self._thread = None

    def _run_chunk(self, now: int) -> bool:
        """Run up to ``_CHUNK`` due steps in one transaction; whether more may be due."""
        events: list[Event] = []
        steps = 0
        with self._store.transaction() as tx:
            while steps < _CHUNK:
                found = tx.earliest_due(now)
                if found is None:
                    break
                self._step(tx, *found, events)
                steps += 1
            self._next = tx.next_due()
        for event in events:
            self._sandbox.events.emit(event)
        return steps == _CHUNK

    def _step(
        self, tx: Transaction, kind: str, due: int, doc: dict[str, Any], events: list[Event]
    ) -> None:
        made: list[Event] = []
        id = int(doc["id"])
        try:
            with tx.savepoint():
                step = doc.pop("_step", None)
                doc.pop("_due", None)
                if kind in ("call_broadcast", "text_broadcast"):
                    self._dial_broadcast(tx, kind[:4], doc, due, made)
                elif step == "dial":
                    self._dial(tx, kind, doc, self._broadcast_of(tx, kind, doc), due, made)
                elif step == "finish":
                    self._finish(tx, kind, doc, due, made)
                elif step == "requeue":
                    doc["_queue"] = doc["campaignId"]
                    tx.put(kind, doc)
                    self._wake(tx, kind, doc["campaignId"], due)
                else:
                    tx.put(kind, doc)  # an unknown step: forget it
        except Exception as error:  # one broken step never stops the sandbox
            logger.exception("sandbox: the engine failed on %s %s", kind, id)
            note = f"the sandbox failed on this item: {error}"
            self._fail(tx, kind, id, due, note, events)
            return
        events.extend(made)

    def _fail(
        self, tx: Transaction, kind: str, id: int, now: int, note: str, events: list[Event]
    ) -> None:
        doc = tx.get(kind, id)
        if doc is None:
            return
        for key in ("_due", "_step", "_queue", "_pending"):
            doc.pop(key, None)
        if doc.pop("_slot", False):
            broadcast = self._broadcast_of(tx, kind, doc)
            if broadcast:
                self._free_slot(tx, kind, broadcast, now)
        if kind in ("call", "text"):
            doc["state"] = "FINISHED"
            doc[_result_key(kind)] = "INTERNAL_ERROR"
            doc["modified"] = now
            if kind == "call":
                doc.setdefault("notes", []).append({"created": now, "text": note[:500]})
            events.append(Event(_resource(doc, kind), "finished", public(doc), now))
        tx.put(kind, doc)

    # -- broadcasts ---------------------------------------------------------------------

    def _broadcast_of(self, tx: Transaction, kind: str, doc: Mapping[str, Any]) -> dict[str, Any]:
        if doc.get("inbound"):
            return {}
        return tx.get(f"{kind}_broadcast", int(doc.get("campaignId") or 0)) or {}

    def _wake(self, tx: Transaction, channel: str, broadcast_id: int, now: int) -> None:
        """Have a running broadcast's dialler run at ``now`` (sooner if it was due)."""
        broadcast = tx.get(f"{channel}_broadcast", broadcast_id)
        if broadcast is None or broadcast.get("status") != "RUNNING":
            return
        if broadcast.get("_due") is None or broadcast["_due"] > now:
            broadcast["_due"] = now
            tx.put(f"{channel}_broadcast", broadcast)

    def _dial_broadcast(
        self,
        tx: Transaction,
        channel: str,
        broadcast: dict[str, Any],
        now: int,
        events: list[Event],
    ) -> None:
        kind = f"{channel}_broadcast"
        if broadcast.get("status") != "RUNNING":
            tx.put(kind, broadcast)
            return
        limit = int(broadcast.get("maxActive") or 0) or None
        active = int(broadcast.get("_active") or 0)
        restriction = broadcast.get("localTimeRestriction") or {}
        while limit is None or active < limit:
            room = 500 if limit is None else min(500, limit - active)
            items = tx.take(channel, [_queued(broadcast["id"])], room)
            if not items:
                break
            for item in items:
                del item["_queue"]
                if item.get("state") not in ("READY", "CALLBACK"):
                    tx.put(channel, item)  # disabled while it waited
                    continue
                number = _number_for_attempt(tx, item, broadcast)
                offset = outcomes.local_offset_hours(number, item.get("attributes") or {})
                opens = outcomes.next_window(now, offset, restriction)
                if opens > now:
                    item["_due"], item["_step"] = opens, "requeue"
                    tx.put(channel, item)
                    continue
                if self._dial_one(tx, channel, item, broadcast, now, events):
                    active += 1
        broadcast["_active"] = active
        if active == 0 and self._is_done(tx, channel, broadcast["id"]):
            broadcast["status"] = "FINISHED"
            broadcast["lastModified"] = now
            events.append(Event(_BROADCAST[channel], "finished", public(broadcast), now))
        tx.put(kind, broadcast)

    def _dial_one(
        self,
        tx: Transaction,
        channel: str,
        item: dict[str, Any],
        broadcast: Mapping[str, Any],
        now: int,
        events: list[Event],
    ) -> bool:
        """Dial one item of a broadcast; one that fails ends in error, not the dialler."""
        made: list[Event] = []
        try:
            with tx.savepoint():
                started = self._dial(tx, channel, item, broadcast, now, made, slot=True)
        except Exception as error:
            logger.exception("sandbox: the engine failed to dial %s %s", channel, item["id"])
            self._fail(
                tx,
                channel,
                int(item["id"]),
                now,
                f"the sandbox failed on this item: {error}",
                events,
            )
            return False
        events.extend(made)
        return started

    def _free_slot(
        self, tx: Transaction, channel: str, broadcast: dict[str, Any], now: int
    ) -> None:
        """A call of ``broadcast`` ended: one fewer in progress; the dialler runs again if
        that slot is wanted (``maxActive``) or nothing is left in progress (to finish)."""
        active = max(0, int(broadcast.get("_active") or 0) - 1)
        broadcast["_active"] = active
        wanted = active == 0 or bool(broadcast.get("maxActive"))
        due = broadcast.get("_due")
        if wanted and broadcast.get("status") == "RUNNING" and (due is None or due > now):
            broadcast["_due"] = now
        tx.put(f"{channel}_broadcast", broadcast)

    def _is_done(self, tx: Transaction, channel: str, broadcast_id: int) -> bool:
        """Whether the broadcast has items and none is waiting or in progress (one
        started without recipients waits for them)."""
        mine = equals("campaignId", broadcast_id)
        if not tx.take(channel, [mine], 1):
            return False
        return not tx.take(channel, [mine, one_of("state", _PENDING_STATES)], 1)

    # -- one attempt ----------------------------------------------------------------------

    def _dial(
        self,
        tx: Transaction,
        channel: str,
        doc: dict[str, Any],
        broadcast: Mapping[str, Any],
        now: int,
        events: list[Event],
        *,
        slot: bool = False,
    ) -> bool:
        """Start an attempt of ``doc`` at ``now``; whether it is now in progress."""
        number = _number_for_attempt(tx, doc, broadcast)
        doc["modified"] = now
        dnc = tx.get_by_key("dnc", number)
        if dnc is not None and dnc.get(channel):
            return self._settle(
                tx, channel, doc, "DNC", "DNC" if channel == "call" else "DNT", now, events
            )
        if not outcomes.is_valid_number(number):
            return self._settle(tx, channel, doc, "INVALID", "UNDIALED", now, events)
        attempt = len(doc.get("records") or [])
        if channel == "call":
            record, finish, recordings = self._call_attempt(
                tx, doc, broadcast, number, attempt, now
            )
        else:
            record, finish = self._text_attempt(tx, doc, broadcast, number, attempt, now)
            recordings = []
        doc["state"] = "SELECTED"
        doc["_pending"] = {"record": record, "recordings": recordings}
        doc["_due"], doc["_step"] = finish, "finish"
        if slot:
            doc["_slot"] = True
        tx.put(channel, doc)
        return True

    def _settle(
        self,
        tx: Transaction,
        channel: str,
        doc: dict[str, Any],
        state: str,
        result: str,
        now: int,
        events: list[Event],
    ) -> bool:
        """End ``doc`` without dialling it (do-not-contact, invalid number)."""
        doc["state"] = state
        doc[_result_key(channel)] = result
        doc["modified"] = now
        tx.put(channel, doc)
        self._terminal(tx, channel, doc, now, events)
        return False

    def _terminal(
        self, tx: Transaction, channel: str, doc: Mapping[str, Any], now: int, events: list[Event]
    ) -> None:
        events.append(Event(_resource(doc, channel), "finished", public(dict(doc)), now))
        batch = tx.get("batch", int(doc.get("batchId") or 0))
        if batch is not None and batch.get("remaining"):
            batch["remaining"] -= 1
            tx.put("batch", batch)

    def _call_attempt(
        self,
        tx: Transaction,
        doc: dict[str, Any],
        broadcast: Mapping[str, Any],
        number: str,
        attempt: int,
        now: int,
    ) -> tuple[dict[str, Any], int, list[str]]:
        outcome = (
            "LA"
            if doc.get("inbound")
            else outcomes.call_outcome(self._sandbox.seed, number, attempt)
        )
        record: dict[str, Any] = {
            "id": tx.next_id(),
            "toNumber": number,
            "originateTime": now,
            "switchId": "sandbox",
            "callerName": "",
            "labels": [],
            "notes": [],
            "questionResponses": [],
            "recordings": [],
        }
        ring = (1 if doc.get("inbound") else outcomes.RING[outcome]) * _SECOND
        if outcome not in ("LA", "AM"):
            record.update(result=outcome, duration=0, billedAmount=0.0, finishTime=now + ring)
            return record, now + ring, []
        answer = now + ring
        talk = self._conversation(doc, broadcast, outcome, answer)
        record.update(
            answerTime=answer,
            duration=talk.seconds,
            finishTime=answer + talk.seconds * _SECOND,
            billedAmount=outcomes.call_price(talk.seconds),
            result=talk.result or outcome,
            questionResponses=talk.responses,
            notes=[{"created": answer, "text": note} for note in talk.notes],
        )
        if record["result"] == "INTERNAL_ERROR":
            record["billedAmount"] = 0.0
        return record, record["finishTime"], talk.recordings

    def _conversation(
        self, doc: dict[str, Any], broadcast: Mapping[str, Any], outcome: str, answer: int
    ) -> IvrResult:
        """What happens once the call is answered (the table in the module docstring)."""
        config = broadcast.get("answeringMachineConfig") or "AM_AND_LIVE"
        machine = outcome == "AM"
        if machine and config == "LIVE_WITH_AMD":
            return IvrResult(outcomes.HANGUP_SECONDS, notes=["machine detected: hung up"])
        if not machine and config == "AM_ONLY":
            return IvrResult(outcomes.HANGUP_SECONDS, notes=["live answer detected: hung up"])
        as_machine = machine and config != "LIVE_IMMEDIATE"
        xml = doc.get("_dialplanXml") or broadcast.get("dialplanXml")
        if xml:
            result = run_ivr(
                str(xml),
                doc.get("attributes") or {},
                _variables(doc),
                machine=machine,
                now_ms=answer,
            )
            if result.result is None and machine and not as_machine:
                result.result = "LA"
            return result
        which = "machine" if as_machine else "live"
        text = _message(doc, broadcast, which)
        return IvrResult(
            outcomes.speech_seconds(text),
            None if machine == as_machine else "LA",
            notes=[f"played the {which} message"],
        )

    def _text_attempt(
        self,
        tx: Transaction,
        doc: dict[str, Any],
        broadcast: Mapping[str, Any],
        number: str,
        attempt: int,
        now: int,
    ) -> tuple[dict[str, Any], int]:
        message = str(doc.get("message") or "")
        limit = outcomes.MAX_TEXT
        if broadcast.get("bigMessageStrategy") == "DO_NOT_SEND":
            limit = outcomes.SEGMENT
        if len(message) > limit:
            result, delay = "TOO_BIG", 0
        else:
            result = outcomes.text_outcome(self._sandbox.seed, number, attempt)
            delay = outcomes.TEXT_DELAY if result == "SENT" else 1
        finish = now + delay * _SECOND
        record = {
            "id": tx.next_id(),
            "toNumber": number,
            "message": message,
            "finishTime": finish,
            "billedAmount": (
                round(outcomes.TEXT_PRICE * outcomes.segments(message), 4)
                if result == "SENT"
                else 0.0
            ),
            "textResult": result,
            "switchId": "sandbox",
            "callerName": "",
            "labels": [],
        }
        return record, finish

    def _finish(
        self, tx: Transaction, channel: str, doc: dict[str, Any], now: int, events: list[Event]
    ) -> None:
        pending = doc.pop("_pending", None) or {}
        record = pending.get("record")
        if record is None:
            tx.put(channel, doc)
            return
        for name in pending.get("recordings") or []:
            record["recordings"].append(public(self._recording(tx, doc, name, now)))
        doc.setdefault("records", []).append(record)
        result = record.get("result") or record.get("textResult")
        doc[_result_key(channel)] = result
        doc["modified"] = now
        broadcast = self._broadcast_of(tx, channel, doc)
        if doc.pop("_slot", False) and broadcast:
            self._free_slot(tx, channel, broadcast, now)
        elif broadcast:  # sent with sendCalls(campaignId=...): may be its last one
            self._wake(tx, channel, broadcast["id"], now)
        retry = (broadcast.get("retryConfig") or {}) if channel == "call" else {}
        attempts = len(doc["records"])
        if result in (retry.get("retryResults") or []) and attempts < int(
            retry.get("maxAttempts") or 1
        ):
            doc["state"] = "CALLBACK"
            minutes = retry.get("minutesBetweenAttempts")
            doc["_due"] = now + int(60 if minutes is None else minutes) * 60 * _SECOND
            doc["_step"] = "requeue"
            tx.put(channel, doc)
        else:
            doc["state"] = "FINISHED"
            tx.put(channel, doc)
            self._terminal(tx, channel, doc, now, events)

    def _recording(
        self, tx: Transaction, call: Mapping[str, Any], name: str, now: int
    ) -> dict[str, Any]:
        recording = {
            "id": tx.next_id(),
            "callId": call["id"],
            "campaignId": call.get("campaignId"),
            "name": name,
            "created": now,
            "state": "READY",
            "lengthInSeconds": RECORDING_SECONDS,
            "lengthInBytes": len(audio.mp3(RECORDING_SECONDS)),
        }
        if self._sandbox.base_url is not None:  # what getCallRecordingMp3 serves
            recording["mp3Url"] = f"{self._sandbox.base_url}/calls/recordings/{recording['id']}.mp3"
        return tx.put("recording", recording)

    # -- inbound --------------------------------------------------------------------------

    def inbound_call(
        self, to_number: str, from_number: str, *, keys: str | Sequence[str] = ""
    ) -> dict[str, Any]:
        """A call from ``from_number`` to the leased ``to_number``: the number's IVR
        inbound config runs with the caller's ``keys`` (the ``sandbox.keys`` syntax, or a
        list of inputs). Returns the inbound call as the API shows it (in progress; it
        finishes on the clock). Raises :class:`ApiFault` 404 if the number is not leased."""
        script = keys if isinstance(keys, str) else " ".join(str(key) for key in keys)
        with self._lock, self._store.transaction() as tx:
            now = self._sandbox.clock.now_ms()
            if tx.get_by_key("number_lease", to_number) is None:
                raise ApiFault(404, f"number {to_number} is not leased in this sandbox")
            config = tx.get_by_key("number_config", to_number) or {}
            ctx = self._context(tx, now, "sendCalls")
            doc = create_message(
                ctx,
                "call",
                {"phoneNumber": from_number, "fromNumber": from_number, "attributes": {}},
                campaign_id=0,
                batch_id=0,
                defaults={},
                dial=False,
            )
            _make_inbound(doc, to_number)
            doc["attributes"] = {"sandbox.keys": script} if script else {}
            ivr = config.get("ivrInboundConfig") or {}
            if config.get("configType") == "IVR" and ivr.get("dialplanXml"):
                doc["_dialplanXml"] = ivr["dialplanXml"]
            record, finish, recordings = self._call_attempt(tx, doc, {}, to_number, 0, now)
            if not doc.get("_dialplanXml"):
                transfer = (config.get("callTrackingConfig") or {}).get("transferNumbers") or []
                note = f"forwarded to {', '.join(transfer)}" if transfer else "answered, no IVR"
                record["result"] = "XFER" if transfer else "LA"
                record["notes"] = [{"created": now, "text": note}]
            doc["state"] = "SELECTED"
            doc["_pending"] = {"record": record, "recordings": recordings}
            doc["_due"], doc["_step"] = finish, "finish"
            tx.put("call", doc)
        self._dirty = True
        return public(doc)

    def inbound_text(self, to_number: str, from_number: str, message: str) -> dict[str, Any]:
        """A text from ``from_number`` to the leased ``to_number`` (or to the short code,
        for a leased keyword): recorded as ``RECEIVED`` at once, and each matching
        auto-reply of that number is sent back as an outbound text. An auto-reply matches
        when its ``keyword`` (if set) is the message's first word and its ``match`` (if
        set) is in the message, ignoring case. Returns the inbound text."""
        events: list[Event] = []
        with self._lock, self._store.transaction() as tx:
            now = self._sandbox.clock.now_ms()
            words = message.split()
            first = words[0].upper() if words else ""
            leased = tx.get_by_key("number_lease", to_number) is not None or (
                to_number == _short_code() and tx.get_by_key("keyword_lease", first) is not None
            )
            if not leased:
                raise ApiFault(404, f"number {to_number} is not leased in this sandbox")
            ctx = self._context(tx, now, "sendTexts")
            doc = create_message(
                ctx,
                "text",
                {"phoneNumber": from_number, "fromNumber": from_number, "message": message},
                campaign_id=0,
                batch_id=0,
                defaults={},
                dial=False,
            )
            record = {
                "id": tx.next_id(),
                "toNumber": to_number,
                "message": message,
                "finishTime": now,
                "billedAmount": 0.0,
                "textResult": "RECEIVED",
                "switchId": "sandbox",
                "callerName": "",
                "labels": [],
            }
            _make_inbound(doc, to_number)
            doc.update(
                state="FINISHED",
                finalTextResult="RECEIVED",
                records=[record],
            )
            tx.put("text", doc)
            events.append(Event("InboundText", "finished", public(doc), now))
            replies, _ = tx.find("auto_reply", [equals("number", to_number)], newest_first=False)
            for reply in replies:
                keyword = str(reply.get("keyword") or "").upper()
                match = str(reply.get("match") or "").lower()
                if (keyword and keyword != first) or (match and match not in message.lower()):
                    continue
                create_message(
                    ctx,
                    "text",
                    {
                        "phoneNumber": from_number,
                        "fromNumber": to_number,
                        "message": reply["message"],
                    },
                    campaign_id=tx.next_id(),
                    batch_id=tx.next_id(),
                    defaults={},
                )
        self._dirty = True
        for event in events:
            self._sandbox.events.emit(event)
        return public(doc)

    def _context(self, tx: Transaction, now: int, operation_id: str) -> Context:
        """A handler's context for the engine's own writes (made "as" ``operation_id``)."""
        rng = random.Random(now)
        return Context(OPERATIONS[operation_id], {}, None, {}, tx, _At(now), rng)


# -- Helpers -------------------------------------------------------------------------------


def _result_key(channel: str) -> str:
    return "finalCallResult" if channel == "call" else "finalTextResult"


def _resource(doc: Mapping[str, Any], channel: str) -> str:
    return (_INBOUND if doc.get("inbound") else _RESOURCE)[channel]


def _make_inbound(doc: dict[str, Any], to_number: str) -> None:
    doc.update(toNumber=to_number, inbound=True)
    for key in ("campaignId", "batchId"):
        del doc[key]


def _short_code() -> str:
    from ._resources.numbers import SHORT_CODE

    return SHORT_CODE


def _number_for_attempt(
    tx: Transaction, doc: Mapping[str, Any], broadcast: Mapping[str, Any]
) -> str:
    """The number an attempt dials (``retryPhoneTypes``, see the module docstring)."""
    number = str(doc.get("toNumber") or "")
    attempt = len(doc.get("records") or [])
    types = (broadcast.get("retryConfig") or {}).get("retryPhoneTypes") or []
    if attempt == 0 or not types:
        return number
    wanted = _PHONE_TYPES.get(str(types[(attempt - 1) % len(types)]))
    contact = doc.get("contact") or {}
    return str(contact.get(wanted) or number) if wanted else number


def _message(doc: Mapping[str, Any], broadcast: Mapping[str, Any], which: str) -> str | None:
    recipient = doc.get("_recipient") or {}
    sounds = broadcast.get("sounds") or {}
    return (
        recipient.get(f"{which}Message")
        or doc.get(f"_{which}Message")
        or sounds.get(f"{which}SoundText")
        or None
    )


def _variables(doc: Mapping[str, Any]) -> dict[str, object]:
    """The variables an IVR call starts with (see :mod:`cftools.sandbox._ivr`)."""
    found: dict[str, object] = {
        str(k): v
        for k, v in (doc.get("attributes") or {}).items()
        if not str(k).startswith("sandbox.")
    }
    for key, value in (doc.get("contact") or {}).items():
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            found[f"contact.{key}"] = value
    if doc.get("inbound"):
        found["call.callerid"] = doc.get("fromNumber", "")
        found["call.phonenumber"] = doc.get("fromNumber", "")
    else:
        found["call.callerid"] = doc.get("toNumber", "")
        found["call.phonenumber"] = doc.get("toNumber", "")
    return found


# -- Control endpoints ---------------------------------------------------------------------


def _phone(body: Mapping[str, Any], name: str) -> str:
    value = body.get(name)
    if not isinstance(value, str) or not value.strip() or outcomes.digits(value) != value.strip():
        raise ApiFault(400, f'give "{name}" as a phone number of digits, e.g. "12135550100"')
    return value.strip()


@control("POST", "/inbound/call")
async def inject_inbound_call(sandbox: Sandbox, request: Any) -> Any:
    """Inject a call to a leased number: ``{"to", "from", "keys"}`` (keys: "1 2 timeout")."""
    body = await json_body(request)
    to_number, from_number = _phone(body, "to"), _phone(body, "from")
    keys = body.get("keys", "")
    if not isinstance(keys, str) and not (
        isinstance(keys, list) and all(isinstance(key, str) for key in keys)
    ):
        raise ApiFault(400, 'give "keys" as a string ("1 2 timeout") or a list of strings')
    return sandbox.engine.inbound_call(to_number, from_number, keys=keys)


@control("POST", "/inbound/text")
async def inject_inbound_text(sandbox: Sandbox, request: Any) -> Any:
    """Inject a text to a leased number: ``{"to", "from", "message"}``; auto-replies answer."""
    body = await json_body(request)
    to_number, from_number = _phone(body, "to"), _phone(body, "from")
    message = body.get("message")
    if not isinstance(message, str) or not message.strip():
        raise ApiFault(400, 'give "message" as a non-empty string')
    return sandbox.engine.inbound_text(to_number, from_number, message)
