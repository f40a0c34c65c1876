"""Run a dialplan offline, as CallFire would for one call, and return a :class:`Transcript`.

The simulator walks the element model directly (it needs runtime state: variables, the
scripted inputs, the enclosing catches). Execution follows the reference; where the
reference is silent this module picks the most plausible CallFire behaviour, and says so:

* **Order.** Tags run top to bottom; a container runs its children in order. Reaching the
  end of the dialplan ends the call (``"end of dialplan"``).
* **Menus.** A menu runs its non-``keypress`` children in order (prompts, ``setvar``,
  ``record``), then consumes the next scripted input: a digit string, ``"timeout"`` for
  silence, or ``"hangup"`` for a caller who hangs up there. When inputs run out the caller
  is taken to have hung up (``"inputs exhausted"``). With ``maxDigits`` set, only that many
  digits are collected. The first ``keypress`` in document order whose ``pressed`` matches
  runs: a key or number matches itself exactly, a range ``A-B`` any number from A to B;
  ``default`` (any case) matches any input no other branch matches, wherever it is
  written; ``timeout`` (any case) matches silence only. *Undocumented:* when nothing
  matches (silence without a ``timeout`` branch, or a key without a ``default``), no
  branch runs and the call goes on after the menu. After a branch, the call goes on after
  the menu. ``call.lastinput`` holds the digits (empty after a timeout).
* **goto** jumps to the element with that name, at any depth: into a menu's prompts (the
  rest of the menu then runs and collects input), into a branch (which then runs and
  leaves its menu), or to a container. The target may be built from variables.
* **Conditions.** ``if``'s ``expr`` and ``equal``/``notEqual``'s ``expr`` are JavaScript
  after ``${...}`` substitution (see :mod:`cftools.dialplan._js`). ``equal`` compares its
  substituted ``var`` with the expression using JavaScript's ``==`` (so ``05`` equals
  ``5``); ``notEqual`` is its negation.
* **setvar and stash values.** Substituted, then evaluated as JavaScript when they form a
  valid expression over known names (``${n}+1`` → ``3``); otherwise (``thank you``,
  ``yes``) kept as literal text. A plain number is kept as written, so ``0042``,
  ``12.50`` and long account numbers survive. An expression that is valid but fails
  (throws, or exceeds the sandbox's limits) is an :class:`ExpressionError`. ``stash``
  writes the call report only: as CallFire documents, it does not create a variable.
* **amd** runs ``live`` or ``machine`` according to ``answered_by``.
* **transfer** consumes the next scripted outcome (answered unless told otherwise). An
  answered transfer ends the call (``"transfer"``) unless ``continue-after="true"``, in
  which case the dialplan goes on once the transferred leg hangs up; an unanswered one goes
  on with the next element.
* **catch.** ``type="digit"``: an input collected by a menu inside the catch that begins
  with the digit jumps to the catch's ``goto`` instead of choosing a branch.
  ``type="hangup"``: when the caller hangs up inside the catch (scripted ``"hangup"`` or
  inputs exhausted), execution jumps to the ``goto`` target to run clean-up tags; the call
  then ends at the next menu or at the end of the dialplan, with the hang-up's reason.
  The dialplan's own ``<hangup/>`` does not fire a catch.
* **HTTP** (``get``/``post``) never touches the network: the ``http`` argument answers
  (a mapping from ``"METHOD url"`` or ``url`` to the body, or a function of method and
  URL). Without it every request gets an empty body.
* **record** saves ``<name>.mp3`` (the name, else the varname, else ``recording``) and
  puts that file name in ``varname``. **sms** goes to ``to`` or, by default, the caller.
* **Unknown variables** expand to the empty string.

Runaway loops stop after ``max_steps`` elements with a :class:`StepLimitError` that lists
the last steps. A text that grows past :data:`MAX_TEXT` characters, or expressions that
use more than :data:`JS_BUDGET` seconds in one call, stop it with a
:class:`SimulationError`.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from types import MappingProxyType
from typing import Literal

from cftools._errors import CftoolsError
from cftools.dialplan import _js
from cftools.dialplan._graph import BRANCHES, body_of, canonical_tag
from cftools.dialplan._model import Dialplan, Element
from cftools.dialplan._parse import load
from cftools.dialplan._tags import TAGS
from cftools.dialplan._transcript import (
    Amd,
    Dnc,
    Dtmf,
    End,
    Event,
    Hangup,
    Http,
    Input,
    Play,
    Record,
    Set,
    Skip,
    Sms,
    Transcript,
    Transfer,
    Wait,
)
from cftools.dialplan._values import keyword, parse_pressed, whole_number
from cftools.dialplan._variables import lookup_in, substitute

__all__ = [
    "DEFAULT_MAX_STEPS",
    "AnsweredBy",
    "ExpressionError",
    "HttpResponder",
    "SimulationError",
    "StepLimitError",
    "simulate",
]

#: Elements one simulated call may execute before it is declared endless.
DEFAULT_MAX_STEPS = 5000
#: The longest text a substitution may produce (a setvar that doubles a variable in a
#: loop would otherwise exhaust memory before the step limit).
MAX_TEXT = 1_000_000
#: Seconds of JavaScript one simulated call may spend in total (each expression is also
#: limited on its own, see :data:`cftools.dialplan._js.TIME_LIMIT`).
JS_BUDGET = 10.0

AnsweredBy = Literal["human", "machine"]

#: Answers the simulated HTTP requests: a mapping from ``"GET url"``/``"POST url"`` or
#: plain ``url`` to the response body, or a function ``(method, url) -> body``; a body
#: given as bytes is decoded as UTF-8.
HttpResponder = Mapping[str, str | bytes] | Callable[[str, str], str | bytes]

_INPUT = re.compile(r"[0-9*#]+")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_TRANSFER_OUTCOMES = {"answered": True, "unanswered": False, "not answered": False}


class SimulationError(CftoolsError):
    """A simulated call could not go on. ``tag`` and ``line`` locate the element at
    fault when there is one."""

    def __init__(self, message: str, *, tag: str | None = None, line: int | None = None):
        self.tag = tag
        self.line = line
        super().__init__(message)


class ExpressionError(SimulationError, ValueError):
    """A JavaScript expression that cannot be evaluated. ``expression`` is the source as
    written in the element, ``evaluated`` the text after ``${...}`` substitution."""

    def __init__(self, element: Element, expression: str, evaluated: str, detail: str):
        self.expression = expression
        self.evaluated = evaluated
        shown = repr(expression)
        if evaluated != expression:
            shown += f" (after substitution: {evaluated!r})"
        super().__init__(
            f"{_where(element)}: cannot evaluate {shown}: {detail}",
            tag=element.tag,
            line=element.line,
        )


class StepLimitError(SimulationError):
    """The call ran ``max_steps`` elements without ending; ``last_steps`` describes the
    final few (``line N <tag name="...">``), which usually show the loop."""

    def __init__(self, max_steps: int, last_steps: list[str]):
        self.max_steps = max_steps
        self.last_steps = last_steps
        trail = "\n  ".join(last_steps)
        super().__init__(
            f"the call did not end within {max_steps} steps (an endless loop?); "
            f"last steps:\n  {trail}"
        )


for _cls in (SimulationError, ExpressionError, StepLimitError):
    _cls.__module__ = "cftools.dialplan"


def simulate(
    dialplan: Dialplan | str | bytes,
    inputs: Iterable[str] = (),
    *,
    variables: Mapping[str, object] | None = None,
    answered_by: AnsweredBy = "human",
    transfers: Iterable[str | bool] = (),
    http: HttpResponder | None = None,
    max_steps: int = DEFAULT_MAX_STEPS,
    now: datetime | None = None,
    check: bool = True,
) -> Transcript:
    """Run ``dialplan`` for one call and return what happened.

    ``dialplan`` is a :class:`Dialplan` or its XML (text or bytes). ``inputs`` scripts the
    caller: one entry per menu reached, a digit string (``"1"``, ``"42#"``), ``"timeout"``
    or ``"hangup"`` (a single string is one entry, not one per character). ``variables``
    presets variables, built-in ones included (``{"call.callerid": "12135551100",
    "contact.firstName": "Ada"}``). ``now`` (default: the current time; a naive datetime
    is read as UTC) fills the ``global.date`` and ``global.time`` family, in UTC, unless
    given, and is what JavaScript's ``Date`` reads. ``answered_by`` drives ``amd``.
    ``transfers`` scripts each transfer reached, in order: ``"answered"``/``True`` or
    ``"unanswered"``/``False`` (answered once the list runs out; a single string or bool
    is one outcome). ``http`` answers ``get``/``post`` (see :data:`HttpResponder`).
    Arguments of the wrong type raise :class:`SimulationError` before anything runs.

    With ``check`` (the default) the dialplan is validated first and a
    :class:`~cftools.dialplan.DialplanError` raised if it has errors. The module
    docstring lists the execution rules. Raises :class:`SimulationError` (or its
    subclasses :class:`ExpressionError`, :class:`StepLimitError`) when the call cannot
    go on.
    """
    plan = load(dialplan, Dialplan, "simulate", "a Dialplan or its XML (str or bytes)")
    if check:
        from cftools.dialplan._validate import validate

        validate(plan).raise_for_errors()
    if answered_by not in ("human", "machine"):
        raise SimulationError(f"answered_by must be 'human' or 'machine', not {answered_by!r}")
    if not isinstance(max_steps, int) or isinstance(max_steps, bool):
        raise SimulationError(f"max_steps must be a whole number, not {max_steps!r}")
    if max_steps < 1:
        raise SimulationError(f"max_steps must be at least 1, not {max_steps}")
    if variables is not None and not isinstance(variables, Mapping):
        raise SimulationError(_wrong("variables", "a mapping of names to values", variables))
    if now is not None and not isinstance(now, datetime):
        raise SimulationError(_wrong("now", "a datetime", now))
    if http is not None and not (isinstance(http, Mapping) or callable(http)):
        raise SimulationError(_wrong("http", "a mapping of URLs to bodies or a function", http))
    moment = now or datetime.now(timezone.utc)
    moment = moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment
    moment = moment.astimezone(timezone.utc)
    run = _Run(
        plan,
        inputs=[_check_input(i) for i in _entries("inputs", inputs)],
        variables=_initial_variables(variables or {}, moment),
        answered_by=answered_by,
        transfers=[_check_transfer(t) for t in _entries("transfers", transfers)],
        http=http,
        max_steps=max_steps,
        now=moment,
    )
    return run.execute()


def _wrong(argument: str, expected: str, value: object) -> str:
    return f"{argument} must be {expected}, not {type(value).__name__}"


def _entries(argument: str, values: object) -> list[object]:
    """The entries of a script argument: a single string (or bool) is one entry."""
    if isinstance(values, (str, bool)):
        return [values]
    if isinstance(values, bytes) or not isinstance(values, Iterable):
        raise SimulationError(_wrong(argument, "a list of strings", values))
    return list(values)


def _check_input(value: object) -> str:
    text = str(value).strip()
    if text.lower() in ("timeout", "hangup"):
        return text.lower()
    if _INPUT.fullmatch(text):
        return text
    raise SimulationError(
        f"input {value!r} is not a key sequence (digits, * and #), 'timeout' or 'hangup'"
    )


def _check_transfer(outcome: object) -> bool:
    if isinstance(outcome, bool):
        return outcome
    answered = _TRANSFER_OUTCOMES.get(str(outcome).strip().lower())
    if answered is None:
        raise SimulationError(f"transfer outcome {outcome!r} is not 'answered' or 'unanswered'")
    return answered


def _text(value: object) -> str:
    """A preset variable or an HTTP answer as the text a variable holds: bytes (a
    response body as an HTTP library returns it) decoded as UTF-8, not shown as
    ``b'...'``; booleans as JavaScript writes them; ``None`` as nothing."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    return "" if value is None else str(value)


def _initial_variables(given: Mapping[str, object], moment: datetime) -> dict[str, str]:
    hour12 = moment.hour % 12 or 12
    values = {
        "call.lastinput": "",
        "global.date": moment.strftime("%m/%d/%Y"),
        "global.time": moment.strftime("%H:%M:%S"),
        "global.time.hour": str(hour12),
        "global.time.hour.military": str(moment.hour),
        "global.date.month": str(moment.month),
        "global.date.day": str(moment.day),
        "global.date.dayOfWeek": str(moment.isoweekday() % 7 + 1),  # Sunday = 1
        "global.date.year": str(moment.year),
    }
    values.update({str(k): _text(v) for k, v in given.items()})
    return values


def _where(element: Element) -> str:
    name = f' name="{element.name}"' if element.name else ""
    line = f"line {element.line}: " if element.line is not None else ""
    return f"{line}<{element.tag}{name}> at {element.path}"


def _attr(element: Element, wire: str, default: str | None = None) -> str | None:
    """An attribute by its table name, also found under its documented aliases."""
    return element.attribute(wire, default)


def _normalize(text: str) -> str:
    return " ".join(text.split())


@dataclass
class _Frame:
    """A container being executed: ``body`` is what runs in it, ``index`` the next."""

    element: Element
    body: list[Element]
    index: int = 0

    @property
    def kind(self) -> str:
        return canonical_tag(self.element)


class _Run:
    """The state of one simulated call."""

    def __init__(
        self,
        plan: Dialplan,
        *,
        inputs: list[str],
        variables: dict[str, str],
        answered_by: AnsweredBy,
        transfers: list[bool],
        http: HttpResponder | None,
        max_steps: int,
        now: datetime,
    ) -> None:
        self.plan = plan
        self.now = now
        self.inputs = deque(inputs)
        self.vars = variables
        self.lookup = lookup_in(self.vars)
        self.answered_by = answered_by
        self.transfers = deque(transfers)
        self.http = http
        self.max_steps = max_steps
        self.events: list[Event] = []
        self.stack: list[_Frame] = [_Frame(plan, body_of(plan))]
        self.steps = 0
        self.trail: deque[str] = deque(maxlen=12)
        self.end_reason: str | None = None
        self.current: Element = plan  # the element running (for error messages)
        self.js_seconds = 0.0
        # Set once the caller has hung up (a hang-up catch may still run clean-up tags).
        self.gone: str | None = None

    # -- the loop --------------------------------------------------------------------

    def execute(self) -> Transcript:
        while self.end_reason is None:
            if not self.stack:
                self._end(self.gone or "end of dialplan")
                break
            frame = self.stack[-1]
            if frame.index >= len(frame.body):
                self.stack.pop()
                if frame.kind == "menu":
                    self._collect(frame.element)
                continue
            element = frame.body[frame.index]
            frame.index += 1
            self._step(element)
        return Transcript(tuple(self.events), MappingProxyType(dict(self.vars)))

    def _step(self, element: Element) -> None:
        self.current = element
        self.steps += 1
        name = f' name="{element.name}"' if element.name else ""
        self.trail.append(f"line {element.line} <{element.tag}{name}>")
        if self.steps > self.max_steps:
            raise StepLimitError(self.max_steps, list(self.trail))
        handler = _HANDLERS.get(canonical_tag(element))
        if handler is None:  # an unknown tag (only possible with check=False)
            self._emit(Skip(element.tag), element)
        else:
            handler(self, element)

    def _emit(self, event_: Event, element: Element | None = None) -> None:
        if element is not None and element.line is not None:
            event_ = dataclasses.replace(event_, line=element.line)
        self.events.append(event_)

    def _end(self, reason: str, element: Element | None = None) -> None:
        self._emit(End(reason), element)
        self.end_reason = reason

    def _push(self, element: Element) -> None:
        self.stack.append(_Frame(element, body_of(element)))

    # -- values ----------------------------------------------------------------------

    def _sub(self, text: str) -> str:
        result = substitute(text, self.lookup)
        if len(result) > MAX_TEXT:
            element = self.current
            raise SimulationError(
                f"{_where(element)}: substituting variables gave {len(result)} characters, "
                f"over the {MAX_TEXT} limit (a variable that keeps growing in a loop?)",
                tag=element.tag,
                line=element.line,
            )
        return result

    def _run_js(self, source: str) -> _js.JsValue:
        """Evaluate ``source`` in the sandbox, within the call's total JavaScript budget."""
        if self.js_seconds > JS_BUDGET:
            element = self.current
            raise SimulationError(
                f"{_where(element)}: expressions ran for more than {JS_BUDGET:g} s in "
                "total in this call; stopped",
                tag=element.tag,
                line=element.line,
            )
        started = time.perf_counter()
        try:
            return _js.evaluate(source, now=self.now)
        finally:
            self.js_seconds += time.perf_counter() - started

    def _evaluate(self, element: Element, expression: str) -> _js.JsValue:
        evaluated = self._sub(expression)
        try:
            return self._run_js(evaluated)
        except _js.JavaScriptError as exc:
            raise ExpressionError(element, expression, evaluated, exc.detail) from exc

    def _value(self, element: Element) -> str:
        """A setvar/stash value: an expression's result, or the literal text."""
        raw = element.value
        evaluated = self._sub(raw).strip()
        if not evaluated or _NUMBER.fullmatch(evaluated) or _js.plain_words(evaluated):
            return evaluated  # what an evaluation would refuse and keep as written
        try:
            return self._run_js(evaluated).text
        except _js.JavaScriptError as exc:
            if exc.kind in ("syntax", "reference"):
                return evaluated
            raise ExpressionError(element, raw, evaluated, exc.detail) from exc

    # -- control flow ----------------------------------------------------------------

    def _jump(self, target: Element) -> None:
        """Rebuild the stack so that ``target`` runs next, inside all its containers."""
        chain = [target, *target.ancestors()][::-1]
        stack: list[_Frame] = []
        for parent, child in itertools.pairwise(chain):
            if canonical_tag(child) in BRANCHES or canonical_tag(parent) == "amd":
                continue  # the decision is taken: the branch's own frame follows
            body = body_of(parent)
            position = next((i for i, e in enumerate(body) if e is child), len(body))
            stack.append(_Frame(parent, body, position + (0 if child is target else 1)))
        if canonical_tag(target) in BRANCHES or target is self.plan:
            stack.append(_Frame(target, body_of(target)))
        self.stack = stack

    def _goto(self, name: str, element: Element) -> None:
        target = self.plan.find(name)
        if target is None:
            raise SimulationError(
                f"{_where(element)}: no tag is named {name!r}", tag=element.tag, line=element.line
            )
        self._jump(target)

    def _catches(self, kind: str) -> Iterable[Element]:
        for frame in reversed(self.stack):
            if frame.kind == "catch" and keyword(_attr(frame.element, "type")) == kind:
                yield frame.element

    def _collect(self, menu: Element) -> None:
        """Take the caller's input for ``menu`` and run the matching branch."""
        self.current = menu
        if self.gone:
            self._end(self.gone, menu)
            return
        value = self.inputs.popleft() if self.inputs else None
        if value is None or value == "hangup":
            if value == "hangup":
                self._emit(Input("hangup"), menu)
            self._caller_hung_up("caller hangup" if value else "inputs exhausted", menu)
            return
        if value != "timeout":
            limit = whole_number(_attr(menu, "maxDigits") or "")
            if limit:
                value = value[:limit]
        self._emit(Input(value), menu)
        self.vars["call.lastinput"] = "" if value == "timeout" else value
        if value != "timeout":
            for catch in self._catches("digit"):
                digit = (_attr(catch, "value") or "").strip()
                if digit and value.startswith(digit):
                    self._goto(self._sub(_attr(catch, "goto") or ""), catch)
                    return
        branch = _match(menu, value)
        if branch is not None:
            self._push(branch)

    def _caller_hung_up(self, reason: str, element: Element) -> None:
        catch = next(iter(self._catches("hangup")), None)
        if catch is None:
            self._end(reason, element)
            return
        self.gone = reason
        self._goto(self._sub(_attr(catch, "goto") or ""), catch)

    # -- tags ------------------------------------------------------------------------

    def play(self, element: Element) -> None:
        kind = (_attr(element, "type") or "tts").strip()
        spec = TAGS["play"].attr("type")
        kind = spec.value_aliases.get(kind, kind) if spec is not None else kind
        self._emit(
            Play(_normalize(self._sub(element.text)), kind, _attr(element, "voice")), element
        )

    def goto(self, element: Element) -> None:
        self._goto(self._sub(element.value).strip(), element)

    def hangup(self, element: Element) -> None:
        if self.gone is None:
            self._emit(Hangup(), element)
        self._end(self.gone or "hangup", element)

    def transfer(self, element: Element) -> None:
        numbers = tuple(n.strip() for n in self._sub(element.value).split(",") if n.strip())
        attributes: list[tuple[str, str]] = []
        for spec in TAGS["transfer"].attrs:
            raw = _attr(element, spec.wire, spec.default)
            if spec.wire != "name" and raw is not None:
                attributes.append((spec.wire, self._sub(raw)))
        answered = self.transfers.popleft() if self.transfers else True
        self._emit(Transfer(numbers, answered, tuple(attributes)), element)
        stays = keyword(_attr(element, "continue-after")) == "true"
        if answered and not stays:
            self._end("transfer", element)

    def setvar(self, element: Element) -> None:
        varname = (_attr(element, "varname") or "").strip()
        value = self._value(element)
        self.vars[varname] = value
        self._emit(Set(varname, value, "setvar"), element)

    def stash(self, element: Element) -> None:
        self._emit(
            Set((_attr(element, "varname") or "").strip(), self._value(element), "stash"), element
        )

    def record(self, element: Element) -> None:
        varname = (_attr(element, "varname") or "").strip() or None
        url = f"{element.name or varname or 'recording'}.mp3"
        if varname:
            self.vars[varname] = url
        self._emit(Record(varname, url), element)

    def _http(self, element: Element, method: str) -> None:
        url = self._sub(element.value).strip()
        body = self._respond(method, url, element)
        varname = (_attr(element, "varname") or "").strip() or None
        if varname:
            self.vars[varname] = body
        self._emit(Http(method, url, varname), element)

    def _respond(self, method: str, url: str, element: Element) -> str:
        if self.http is None:
            return ""
        if callable(self.http):
            return _text(self.http(method, url))
        for key in (f"{method} {url}", url):
            if key in self.http:
                return _text(self.http[key])
        raise SimulationError(
            f"{_where(element)}: no scripted response for {method} {url}; "
            "add it to the http table (keyed by URL or 'METHOD URL')",
            tag=element.tag,
            line=element.line,
        )

    def get(self, element: Element) -> None:
        self._http(element, "GET")

    def post(self, element: Element) -> None:
        self._http(element, "POST")

    def wait(self, element: Element) -> None:
        self._emit(Wait(self._sub(element.value).strip()), element)

    def dnc(self, element: Element) -> None:
        self._emit(Dnc(), element)

    def sms(self, element: Element) -> None:
        to = _attr(element, "to")
        recipient = self._sub(to) if to is not None else self._caller()
        self._emit(Sms(recipient.strip(), _normalize(self._sub(element.text))), element)

    def _caller(self) -> str:
        return self.vars.get("call.callerid") or self.vars.get("call.phonenumber") or ""

    def dtmf(self, element: Element) -> None:
        self._emit(Dtmf(self._sub(element.value).strip()), element)

    def goto_xml(self, element: Element) -> None:
        self._emit(Http("GET", self._sub(element.value).strip()), element)
        self._end("gotoXML", element)

    def skip(self, element: Element) -> None:
        self._emit(Skip(canonical_tag(element)), element)

    def container(self, element: Element) -> None:
        """menu, catch and the branches (reached by goto): run the body."""
        if element is self.plan:
            self._jump(element)
        else:
            self._push(element)

    def if_(self, element: Element) -> None:
        if self._evaluate(element, _attr(element, "expr") or "").truthy:
            self._push(element)
            return
        otherwise = next((e for e in element.elements if canonical_tag(e) == "else"), None)
        if otherwise is not None:
            self._push(otherwise)

    def equal(self, element: Element) -> None:
        """equal/notEqual: the substituted ``var`` against ``expr`` with JavaScript ``==``."""
        left = self._sub(_attr(element, "var") or "").strip()
        right = self._evaluate(element, _attr(element, "expr") or "")
        if right.type == "string":
            same = self._run_js(f"{json.dumps(left)} == {json.dumps(right.text)}").truthy
        elif right.type in ("number", "boolean"):
            same = self._run_js(f"{json.dumps(left)} == {right.text}").truthy
        else:
            same = left == right.text
        if same == (canonical_tag(element) == "equal"):
            self._push(element)

    def amd(self, element: Element) -> None:
        self._emit(Amd(self.answered_by), element)
        wanted = "live" if self.answered_by == "human" else "machine"
        branch = next((e for e in element.elements if canonical_tag(e) == wanted), None)
        if branch is not None:
            self._push(branch)


_HANDLERS: dict[str, Callable[[_Run, Element], None]] = {
    "play": _Run.play,
    "goto": _Run.goto,
    "hangup": _Run.hangup,
    "transfer": _Run.transfer,
    "setvar": _Run.setvar,
    "stash": _Run.stash,
    "record": _Run.record,
    "get": _Run.get,
    "post": _Run.post,
    "wait": _Run.wait,
    "dnc": _Run.dnc,
    "sms": _Run.sms,
    "text": _Run.sms,
    "dtmf": _Run.dtmf,
    "gotoXML": _Run.goto_xml,
    "analytics": _Run.skip,
    "gtalk": _Run.skip,
    "dialplan": _Run.container,
    "menu": _Run.container,
    "catch": _Run.container,
    "keypress": _Run.container,
    "else": _Run.container,
    "live": _Run.container,
    "machine": _Run.container,
    "if": _Run.if_,
    "equal": _Run.equal,
    "notEqual": _Run.equal,
    "amd": _Run.amd,
}


def _match(menu: Element, value: str) -> Element | None:
    """The keypress branch of ``menu`` that handles ``value`` (see the module docstring)."""
    branches = [e for e in menu.elements if canonical_tag(e) == "keypress"]

    def pressed(branch: Element) -> str:
        return keyword(_attr(branch, "pressed"))

    if value == "timeout":
        return next((b for b in branches if pressed(b) == "timeout"), None)
    for branch in branches:
        pattern = parse_pressed(_attr(branch, "pressed") or "")
        if not isinstance(pattern, str) and pattern.matches(value):
            return branch
    return next((b for b in branches if pressed(b) == "default"), None)
