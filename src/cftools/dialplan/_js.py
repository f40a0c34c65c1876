"""A sandboxed JavaScript evaluator for the expressions of a dialplan.

CallFire evaluates ``if/@expr``, ``equal/@expr`` and the values of ``setvar`` and
``stash`` as JavaScript after replacing every ``${...}`` with its text. The simulator does
the same with a real engine, QuickJS (PyPI ``quickjs``), rather than a home-made
interpreter, so ``.toLowerCase()``, ``isNaN()``, ``parseInt()`` and the rest of the
standard library behave as they do in a browser.

The sandbox:

* exposes no I/O: the ``quickjs`` binding installs only the ECMAScript globals (no
  ``std``/``os`` modules, no ``print``, no module loader: ``import()`` rejects);
* runs each expression in a fresh context, so nothing leaks from one expression to the
  next and a context poisoned by an out-of-memory error is thrown away;
* limits each evaluation's time (:data:`TIME_LIMIT` seconds), memory
  (:data:`MEMORY_LIMIT` bytes) and stack (:data:`STACK_LIMIT` bytes); code the engine
  cannot interrupt (its regular-expression matcher) is abandoned after
  :data:`WATCHDOG_LIMIT` seconds, left running in a daemon thread;
* is deterministic: ``Date`` reads the simulated clock and answers in UTC, and
  ``Math.random`` has a fixed seed.

A source is evaluated as one *expression*, not as a script: it is wrapped in parentheses,
so ``https://example.org`` or ``var x = 1`` are syntax errors instead of a label followed
by a comment, or a silent ``undefined``.

``quickjs`` is an optional dependency (the ``simulate`` extra): it is imported only when
the first expression is evaluated, with an error telling how to install it.
"""

from __future__ import annotations

import importlib
import json
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from types import ModuleType
from typing import Any, Literal

from cftools._errors import CftoolsError

__all__ = [
    "MEMORY_LIMIT",
    "STACK_LIMIT",
    "TIME_LIMIT",
    "WATCHDOG_LIMIT",
    "JavaScriptError",
    "JsValue",
    "evaluate",
]

#: Seconds one expression may run before it is interrupted.
TIME_LIMIT = 0.25
#: Seconds after which an expression stuck where the engine cannot interrupt it (a
#: backtracking regular expression) is abandoned.
WATCHDOG_LIMIT = 2.0
#: Bytes of memory one expression's context may allocate.
MEMORY_LIMIT = 16 * 1024 * 1024
#: Bytes of native stack one expression may use (deep recursion stops here).
STACK_LIMIT = 256 * 1024

#: Why an evaluation failed: the JavaScript error class for errors the expression itself
#: raised, or one of the sandbox's limits.
FailureKind = Literal[
    "syntax", "reference", "type", "range", "thrown", "timeout", "memory", "stack"
]

# The expression's value is converted in JavaScript, not in Python, so that numbers,
# booleans and objects read exactly as ``String(value)`` writes them (``1e+21``,
# ``true``, ``[object Object]``). The source travels as a JSON string literal, never
# spliced into code.
#
# Before it, the prelude makes the context deterministic: ``Date`` reads the given clock
# (milliseconds since the epoch) and answers in UTC whatever the host's time zone, and
# ``Math.random`` is a fixed-seed generator, so a simulation gives the same transcript on
# every machine and every run.
_PRELUDE = """\
(function (clock) {
  var RealDate = Date;
  function FixedDate() {
    if (!(this instanceof FixedDate)) return new RealDate(clock).toUTCString();
    if (arguments.length === 0) return new RealDate(clock);
    if (arguments.length === 1) return new RealDate(arguments[0]);
    return new RealDate(RealDate.UTC.apply(null, arguments));
  }
  FixedDate.prototype = RealDate.prototype;
  FixedDate.now = function () { return clock; };
  FixedDate.UTC = RealDate.UTC;
  FixedDate.parse = RealDate.parse;
  var p = RealDate.prototype;
  ["FullYear", "Month", "Date", "Day", "Hours", "Minutes", "Seconds", "Milliseconds"]
    .forEach(function (part) { p["get" + part] = p["getUTC" + part]; });
  p.getTimezoneOffset = function () { return 0; };
  p.toString = p.toUTCString;
  globalThis.Date = FixedDate;
  var seed = 20240101;
  Math.random = function () {
    seed = (seed * 1103515245 + 12345) %% 2147483648;
    return seed / 2147483648;
  };
})(%s);
"""

_PROGRAM = """\
(function () {
  var __value = (0, eval)(%s);
  var __text;
  try { __text = String(__value); } catch (e) { __text = Object.prototype.toString.call(__value); }
  return JSON.stringify([typeof __value, __text, !!__value]);
})()"""


class JavaScriptError(CftoolsError, ValueError):
    """A JavaScript expression that cannot be evaluated.

    ``expression`` is the source as evaluated (after ``${...}`` substitution), ``kind`` a
    :data:`FailureKind` and ``detail`` the engine's message (e.g. ``'foo' is not
    defined``). The simulator re-raises it with the element and line that hold the
    expression.
    """

    __module__ = "cftools.dialplan"

    def __init__(self, expression: str, kind: FailureKind, detail: str) -> None:
        self.expression = expression
        self.kind = kind
        self.detail = detail
        super().__init__(f"{detail} (expression: {expression!r})")


@dataclass(frozen=True, slots=True)
class JsValue:
    """The result of an expression: its ``typeof``, its text as ``String(value)`` writes
    it, and its truthiness as ``if`` sees it."""

    type: str
    text: str
    truthy: bool


_module: ModuleType | None = None


def _quickjs() -> ModuleType:
    global _module
    if _module is None:
        try:
            _module = importlib.import_module("quickjs")
        except ImportError as exc:
            raise CftoolsError(
                "evaluating dialplan expressions needs the QuickJS engine; "
                "install it with: pip install 'cftools[simulate]'"
            ) from exc
    return _module


def evaluate(expression: str, *, now: datetime | None = None) -> JsValue:
    """Evaluate ``expression`` as one JavaScript expression in a fresh sandbox.

    ``now`` is what ``Date`` reads (default: the current time); dates answer in UTC and
    ``Math.random`` is seeded, so results do not depend on the host. Raises
    :class:`JavaScriptError` when the source is not an expression, throws, or exceeds a
    limit; the error never carries a traceback from inside the engine.
    """
    quickjs = _quickjs()
    # The newline keeps a trailing ``// comment`` from swallowing the parenthesis.
    moment = now if now is not None else datetime.now(timezone.utc)
    prelude = _PRELUDE % repr(round(moment.timestamp() * 1000))
    program = prelude + _PROGRAM % json.dumps(f"(\n{expression}\n)")
    outcome: list[tuple[bool, Any]] = []

    def run() -> None:
        # The context is made in the thread that runs it: QuickJS measures its stack
        # limit from the stack of the thread that creates the runtime.
        try:
            context: Any = quickjs.Context()
            context.set_time_limit(TIME_LIMIT)
            context.set_memory_limit(MEMORY_LIMIT)
            context.set_max_stack_size(STACK_LIMIT)
            outcome.append((True, context.eval(program)))
        except Exception as exc:  # re-raised below, in the caller's thread
            outcome.append((False, exc))

    # QuickJS checks its time limit between bytecodes only: a backtracking regular
    # expression or a huge Array.join runs in C and ignores it. The engine releases the
    # GIL, so it runs in a daemon thread and is abandoned (left to finish or to die
    # with the process) after WATCHDOG_LIMIT seconds.
    worker = threading.Thread(target=run, name="cftools-dialplan-js", daemon=True)
    worker.start()
    worker.join(WATCHDOG_LIMIT)
    if not outcome:
        raise JavaScriptError(
            expression,
            "timeout",
            f"took longer than {WATCHDOG_LIMIT:g} s in code the engine cannot interrupt "
            "(e.g. a backtracking regular expression); abandoned",
        )
    ok, result = outcome[0]
    try:
        if not ok:
            raise result
    except quickjs.StackOverflow as exc:
        raise JavaScriptError(expression, "stack", "too much recursion") from exc
    except quickjs.JSException as exc:
        kind, detail = _classify(str(exc))
        raise JavaScriptError(expression, kind, detail) from exc
    type_, text, truthy = json.loads(result)
    return JsValue(type=type_, text=text, truthy=truthy)


_PREFIXES: tuple[tuple[str, FailureKind], ...] = (
    ("SyntaxError:", "syntax"),
    ("ReferenceError:", "reference"),
    ("TypeError:", "type"),
    ("RangeError:", "range"),
)


def _classify(message: str) -> tuple[FailureKind, str]:
    """Map the engine's exception text to a failure kind and a one-line detail."""
    first = message.strip().splitlines()[0].strip() if message.strip() else ""
    if first == "InternalError: interrupted":
        return "timeout", f"took longer than {TIME_LIMIT:g} s (the sandbox's time limit)"
    if first in ("InternalError: out of memory", "null", ""):
        # QuickJS reports an allocation failure while building the error as ``null``.
        return "memory", f"needed more than {MEMORY_LIMIT // (1024 * 1024)} MiB"
    if first.startswith("InternalError: stack overflow"):
        return "stack", "too much recursion"
    for prefix, kind in _PREFIXES:
        if first.startswith(prefix):
            return kind, first
    return "thrown", f"threw {first}"
