"""IVR calls: a call's dialplan run by :func:`cftools.dialplan.simulate`, read as a record.

The callee's part is scripted by the recipient's ``attributes``:

- ``"sandbox.keys"``: what the callee does at each menu, separated by spaces, in the
  simulator's own input syntax: digits (``"1"``, ``"42#"``), ``"timeout"`` (silence) or
  ``"hangup"``. Default: nothing, so the callee hangs up at the first menu (the
  simulator's ``"inputs exhausted"``).
- ``"sandbox.transfers"``: each transfer's outcome, ``"answered"`` or ``"unanswered"``
  (default: answered).

An answering machine (``AM``) presses nothing. Variables: ``call.callerid`` and
``call.phonenumber`` are the number of the person on the line (the callee; for an
inbound call, the caller), ``contact.*`` the contact's properties, and the recipient's
other attributes by name. ``<get>``/``<post>`` receive empty bodies.
Talk time is the sum of :data:`EVENT_SECONDS` over the transcript (a prompt lasts as
long as its text takes to speak, a ``<wait>`` its seconds).

The record gets ``questionResponses`` from ``<stash>`` (question = varname, response =
the last value stashed), a recording per ``<record>`` (name = the element's name, varname
or ``recording``; :data:`RECORDING_SECONDS` long), a note per transfer, and the result
``XFER`` when a transfer was answered. A dialplan the validator refuses, or a simulation
that fails (an expression error, the step limit: an endless loop), gives
``INTERNAL_ERROR`` with a note saying why; the sandbox goes on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from cftools._errors import CftoolsError

from ._outcomes import speech_seconds

__all__ = ["EVENT_SECONDS", "RECORDING_SECONDS", "IvrResult", "run_ivr"]

EVENT_SECONDS = {"input": 3, "transfer": 30}
"""Seconds of talk time per menu input (a timeout: 2 s more) and answered transfer;
prompts, waits and recordings: see the docstring."""

RECORDING_SECONDS = 10
"""Length of every recording an IVR call makes."""

NOTE_LIMIT = 500
"""Characters kept of an error's message in a call's note."""


@dataclass(slots=True)
class IvrResult:
    """What an IVR call did: its talk time and what goes into its record."""

    seconds: int
    result: str | None = None  # None: the network's result stands (LA/AM)
    responses: list[dict[str, str]] = field(default_factory=list)
    recordings: list[str] = field(default_factory=list)  # names
    notes: list[str] = field(default_factory=list)


@lru_cache(maxsize=64)
def _plan(xml: str) -> Any:
    """The parsed and validated dialplan (each distinct text is checked once)."""
    from cftools.dialplan import parse, validate

    plan = parse(xml)
    validate(plan).raise_for_errors()
    return plan


def _error(note: str) -> IvrResult:
    return IvrResult(1, "INTERNAL_ERROR", notes=[note[:NOTE_LIMIT]])


def run_ivr(
    xml: str,
    attributes: Mapping[str, Any],
    variables: Mapping[str, object],
    *,
    machine: bool,
    now_ms: int,
) -> IvrResult:
    """Run ``xml`` for one answered call; never raises for a bad dialplan or script."""
    from datetime import datetime, timezone

    from cftools.dialplan import Input, Play, Record, Transfer, Wait, simulate

    keys = [] if machine else str(attributes.get("sandbox.keys") or "").split()
    transfers = str(attributes.get("sandbox.transfers") or "").split()
    try:
        plan = _plan(xml)
        transcript = simulate(
            plan,
            keys,
            variables=variables,
            answered_by="machine" if machine else "human",
            transfers=transfers,
            now=datetime.fromtimestamp(now_ms / 1000, tz=timezone.utc),
            check=False,
        )
    except CftoolsError as error:  # refused dialplan, bad script, expression, endless loop
        return _error(f"the dialplan failed: {error}")
    except RecursionError:
        return _error("the dialplan failed: nested too deeply")
    seconds = 0
    result = IvrResult(0)
    for event in transcript:
        if isinstance(event, Play):
            seconds += speech_seconds(event.text if event.type == "tts" else "")
        elif isinstance(event, Wait):
            seconds += _wait_seconds(event.seconds)
        elif isinstance(event, Input):
            seconds += EVENT_SECONDS["input"] + (2 if event.value == "timeout" else 0)
        elif isinstance(event, Transfer):
            numbers = ", ".join(event.numbers) or "nobody"
            outcome = "answered" if event.answered else "not answered"
            result.notes.append(f"transferred to {numbers}: {outcome}")
            if event.answered:
                seconds += EVENT_SECONDS["transfer"]
                result.result = "XFER"
        elif isinstance(event, Record):
            seconds += RECORDING_SECONDS
            url = event.url
            result.recordings.append(url[:-4] if url.endswith(".mp3") else url)
    result.responses = [
        {"question": name, "response": value} for name, value in transcript.stashed().items()
    ]
    result.seconds = max(1, seconds)
    return result


def _wait_seconds(text: str) -> int:
    try:
        value = float(text)
    except ValueError:
        return 0
    return int(min(max(value, 0), 600))
