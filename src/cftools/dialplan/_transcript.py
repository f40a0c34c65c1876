"""What a simulated call did: a :class:`Transcript` of small immutable events.

Each event is a frozen, slotted dataclass whose ``to_dict()`` gives the JSON form, e.g.
``{"event": "play", "text": "Hello", "type": "tts", "voice": None}``. Every event also
keeps the source ``line`` of the element that produced it; the line is left out of
equality (so tests can compare with hand-written events) and of ``to_dict()``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar, overload

__all__ = [
    "Amd",
    "Dnc",
    "Dtmf",
    "End",
    "Event",
    "Hangup",
    "Http",
    "Input",
    "Play",
    "Record",
    "Set",
    "Skip",
    "Sms",
    "Transcript",
    "Transfer",
    "Wait",
]

_PUBLIC = "cftools.dialplan"


@dataclass(frozen=True, slots=True)
class Event:
    """Base class of transcript events. ``event`` names the kind in ``to_dict()``."""

    event: ClassVar[str] = ""
    line: int | None = field(default=None, compare=False, repr=False, kw_only=True)

    def to_dict(self) -> dict[str, Any]:
        """Return the event as a JSON-ready dict, ``"event"`` first."""
        out: dict[str, Any] = {"event": self.event}
        for f in fields(self):
            if f.name != "line":
                value = getattr(self, f.name)
                out[f.name] = list(value) if isinstance(value, tuple) else value
        return out

    def describe(self) -> str:
        """One human-readable line (used by :meth:`Transcript.__str__`)."""
        parts = [f"{k}={v!r}" for k, v in self.to_dict().items() if k != "event"]
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Play(Event):
    """A prompt: ``text`` is TTS text after substitution (whitespace normalized), or the
    sound's URL or CallFire id; ``type`` is ``tts``, ``url`` or ``callfireid``."""

    event: ClassVar[str] = "play"
    text: str
    type: str = "tts"
    voice: str | None = None

    def describe(self) -> str:
        extra = self.type if self.voice is None else f"{self.type}, {self.voice}"
        return f"{self.text!r} ({extra})"


@dataclass(frozen=True, slots=True)
class Input(Event):
    """What the caller did at a menu: the digits collected, ``"timeout"`` for silence, or
    ``"hangup"`` when the caller hung up instead of answering."""

    event: ClassVar[str] = "input"
    value: str

    def describe(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Transfer(Event):
    """A transfer attempt: the numbers dialled, whether someone ``answered``, and the
    element's other attributes (wire names, after substitution, defaults filled in)."""

    event: ClassVar[str] = "transfer"
    numbers: tuple[str, ...]
    answered: bool = True
    attributes: tuple[tuple[str, str], ...] = ()

    def attribute(self, wire: str) -> str | None:
        """The value of one attribute (wire name, e.g. ``continue-after``), if set."""
        return dict(self.attributes).get(wire)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"event": self.event, "numbers": list(self.numbers)}
        out.update(self.attributes)
        out["answered"] = self.answered
        return out

    def describe(self) -> str:
        outcome = "answered" if self.answered else "not answered"
        return f"{','.join(self.numbers)} ({outcome})"


@dataclass(frozen=True, slots=True)
class Record(Event):
    """A recording; ``varname`` (if any) received ``url``, the saved file's name."""

    event: ClassVar[str] = "record"
    varname: str | None
    url: str


@dataclass(frozen=True, slots=True)
class Set(Event):
    """A value stored by ``setvar`` (a variable) or ``stash`` (a call-report field):
    ``tag`` says which."""

    event: ClassVar[str] = "set"
    name: str
    value: str
    tag: str = "setvar"

    def describe(self) -> str:
        return f"{self.name} = {self.value!r}" + (" (stash)" if self.tag == "stash" else "")


@dataclass(frozen=True, slots=True)
class Http(Event):
    """An HTTP request made by ``get`` or ``post``; ``varname`` received the reply body."""

    event: ClassVar[str] = "http"
    method: str
    url: str
    varname: str | None = None

    def describe(self) -> str:
        target = f" -> {self.varname}" if self.varname else ""
        return f"{self.method} {self.url}{target}"


@dataclass(frozen=True, slots=True)
class Sms(Event):
    """A text message sent during the call."""

    event: ClassVar[str] = "sms"
    to: str
    text: str


@dataclass(frozen=True, slots=True)
class Dnc(Event):
    """The number was put on the Do-Not-Call list."""

    event: ClassVar[str] = "dnc"

    def describe(self) -> str:
        return ""


@dataclass(frozen=True, slots=True)
class Hangup(Event):
    """The dialplan hung up."""

    event: ClassVar[str] = "hangup"

    def describe(self) -> str:
        return ""


@dataclass(frozen=True, slots=True)
class Wait(Event):
    """A pause of ``seconds`` (as written, after substitution)."""

    event: ClassVar[str] = "wait"
    seconds: str

    def describe(self) -> str:
        return f"{self.seconds} s"


@dataclass(frozen=True, slots=True)
class Amd(Event):
    """Answering-machine detection decided the call was answered by ``human`` or
    ``machine``."""

    event: ClassVar[str] = "amd"
    answered_by: str

    def describe(self) -> str:
        return self.answered_by


@dataclass(frozen=True, slots=True)
class Dtmf(Event):
    """Touch-tones sent down the line (``dtmf``, known only from the SDK)."""

    event: ClassVar[str] = "dtmf"
    digits: str

    def describe(self) -> str:
        return self.digits


@dataclass(frozen=True, slots=True)
class Skip(Event):
    """A tag the simulator does not model (``analytics``, ``gtalk``): it ran with no
    effect on the call."""

    event: ClassVar[str] = "skip"
    tag: str

    def describe(self) -> str:
        return f"<{self.tag}>"


@dataclass(frozen=True, slots=True)
class End(Event):
    """The end of the call; ``reason`` is ``hangup``, ``end of dialplan``, ``inputs
    exhausted``, ``caller hangup``, ``transfer`` or ``gotoXML``."""

    event: ClassVar[str] = "end"
    reason: str

    def describe(self) -> str:
        return self.reason


_EVENTS = (Event, Play, Input, Transfer, Record, Set, Http, Sms, Dnc, Hangup, Wait, Amd, Dtmf)
for _cls in (*_EVENTS, Skip, End):
    _cls.__module__ = _PUBLIC

_E = TypeVar("_E", bound=Event)


@dataclass(frozen=True, slots=True)
class Transcript(Sequence[Event]):
    """The events of one simulated call, in order, ending with an :class:`End`.

    It is a sequence of events; the helpers read like the call (``spoken()``,
    ``inputs()``) so IVR tests read naturally::

        assert simulate(plan, inputs=["1"]).spoken() == ["Welcome.", "You pressed one."]

    ``variables`` holds every variable at the end of the call (user variables and the
    built-in ``call.*``/``contact.*`` ones).
    """

    events: tuple[Event, ...]
    variables: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    @overload
    def __getitem__(self, index: int) -> Event: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Event]: ...
    def __getitem__(self, index: int | slice) -> Event | Sequence[Event]:
        return self.events[index]

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def of(self, kind: type[_E]) -> list[_E]:
        """Return the events of one kind, e.g. ``transcript.of(Transfer)``."""
        return [e for e in self.events if isinstance(e, kind)]

    def spoken(self) -> list[str]:
        """The text of every prompt played, in order (TTS text, or a sound's URL or id)."""
        return [e.text for e in self.of(Play)]

    def inputs(self) -> list[str]:
        """What the caller did at each menu, in order."""
        return [e.value for e in self.of(Input)]

    def stashed(self) -> dict[str, str]:
        """The call-report fields written by ``stash`` (the last value of each)."""
        return {e.name: e.value for e in self.of(Set) if e.tag == "stash"}

    @property
    def end_reason(self) -> str:
        """Why the call ended (the :class:`End` event's reason)."""
        last = self.events[-1] if self.events else None
        return last.reason if isinstance(last, End) else ""

    def to_dicts(self) -> list[dict[str, Any]]:
        """Every event's ``to_dict()``: the JSON form of the transcript."""
        return [e.to_dict() for e in self.events]

    def to_json(self, *, indent: int | None = 2) -> str:
        """The transcript as a JSON array of events."""
        return json.dumps(self.to_dicts(), indent=indent, ensure_ascii=False)

    def __str__(self) -> str:
        width = max((len(e.event) for e in self.events), default=0)
        lines = []
        for e in self.events:
            where = f"  (line {e.line})" if e.line is not None else ""
            body = e.describe()
            lines.append(
                (f"{e.event.ljust(width)}  {body}" if body else e.event.ljust(width)) + where
            )
        return "\n".join(lines)


Transcript.__module__ = _PUBLIC
