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
  (:data:`MEMORY_LIMIT` bytes) and stack (:data:`STACK_LIMIT` bytes);
* runs in a worker process (``_js_worker.py``, reused from one expression to the next),
  because code the engine cannot interrupt (its regular-expression matcher checks no
  time limit) can only be stopped from outside: after :data:`WATCHDOG_LIMIT` seconds
  without an answer the worker is killed, so the work really stops, and the next
  expression starts a new one;
* is deterministic: ``Date`` reads the simulated clock and answers in UTC, and
  ``Math.random`` has a fixed seed.

A source is evaluated as one *expression*, not as a script: it is wrapped in parentheses,
so ``https://example.org`` or ``var x = 1`` are syntax errors instead of a label followed
by a comment, or a silent ``undefined``.

``quickjs`` is an optional dependency (the ``simulate`` extra): it is imported only when
the first expression is evaluated, with an error telling how to install it.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import json
import os
import re
import select
import subprocess
import sys
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType
from typing import IO, Any, Literal

from cftools._errors import CftoolsError

__all__ = [
    "MEMORY_LIMIT",
    "STACK_LIMIT",
    "TIME_LIMIT",
    "WATCHDOG_LIMIT",
    "JavaScriptError",
    "JsValue",
    "evaluate",
    "plain_words",
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

#: Seconds a new worker process may take to start (not counted against any limit).
START_LIMIT = 30.0

#: Why an evaluation failed: the JavaScript error class for errors the expression itself
#: raised, one of the sandbox's limits, or ``crash`` when the engine's process died.
FailureKind = Literal[
    "syntax", "reference", "type", "range", "thrown", "timeout", "memory", "stack", "crash"
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
    # The newline keeps a trailing ``// comment`` from swallowing the parenthesis.
    moment = now if now is not None else datetime.now(timezone.utc)
    prelude = _PRELUDE % repr(round(moment.timestamp() * 1000))
    program = prelude + _PROGRAM % json.dumps(f"(\n{expression}\n)")
    reply = _run(expression, program)
    status, result = reply[0], reply[1]
    if status == "stack":
        raise JavaScriptError(expression, "stack", "too much recursion")
    if status == "js":
        kind, detail = _classify(result)
        raise JavaScriptError(expression, kind, detail)
    if status != "ok":  # the binding failed outside JavaScript
        raise JavaScriptError(expression, "crash", f"the engine failed: {result}")
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


# -- Words that no evaluation could turn into a value ------------------------------------

_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
# Every reserved and contextual word: next to another word, one of these could make a
# valid expression (``typeof x``, ``a in b``, ``new Date``), so it rules the shortcut out.
_KEYWORDS = frozenset(
    [
        "await",
        "break",
        "case",
        "catch",
        "class",
        "const",
        "continue",
        "debugger",
        "default",
        "delete",
        "do",
        "else",
        "enum",
        "export",
        "extends",
        "false",
        "finally",
        "for",
        "function",
        "if",
        "import",
        "in",
        "instanceof",
        "let",
        "new",
        "null",
        "of",
        "return",
        "static",
        "super",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "var",
        "void",
        "while",
        "with",
        "yield",
        "async",
        "get",
        "set",
        "as",
        "from",
        "target",
        "meta",
        "arguments",
        "eval",
        "implements",
        "interface",
        "package",
        "private",
        "protected",
        "public",
        "undefined",
        "NaN",
        "Infinity",
    ]
)
_global_names: frozenset[str] | None = None
_global_lock = threading.Lock()


def _names_in_scope() -> frozenset[str]:
    """Every name a bare identifier resolves to in the sandbox's global scope (the global
    object's properties, inherited ones included), asked of the engine itself once."""
    global _global_names
    if _global_names is not None:  # asked once; every stash word comes here
        return _global_names
    with _global_lock:
        if _global_names is None:
            listing = evaluate(
                "(function () { var names = [];"
                " for (var o = globalThis; o; o = Object.getPrototypeOf(o))"
                " names = names.concat(Object.getOwnPropertyNames(o));"
                " return names.join(' '); })()"
            ).text
            _global_names = frozenset(listing.split()) | _KEYWORDS
        return _global_names


def plain_words(text: str) -> bool:
    """Whether ``text`` is words that :func:`evaluate` could only refuse as a syntax or
    reference error: one identifier the global scope lacks (``yes``), or several plain
    identifiers, none a keyword, separated by single spaces (``thank you``).

    A caller that keeps such text as a literal on those errors can skip the evaluation
    (a round trip to the worker process) with the same result.
    """
    words = text.split(" ")
    if not all(_IDENTIFIER.fullmatch(word) for word in words):
        return False
    if len(words) > 1:
        return not any(word in _KEYWORDS for word in words)
    return words[0] not in _names_in_scope()


# -- The worker processes ------------------------------------------------------------------

# Run the worker file by path, with the directory quickjs was imported from first on the
# path instead of the current directory: the worker imports nothing of cftools, nor the
# caller's __main__ (as multiprocessing would), so it starts in about 50 ms.
_BOOTSTRAP = "; ".join(
    [
        "import runpy, sys",
        "sys.path[0] = sys.argv[2]",
        "runpy.run_path(sys.argv[1], run_name='__main__')",
    ]
)
_WORKER_FILE = str(Path(__file__).with_name("_js_worker.py"))
#: Idle workers kept for the next expressions (one per thread evaluating at once).
_MAX_IDLE = 4


class _Worker:
    """One worker process and its pipes; see ``_js_worker.py`` for the protocol."""

    def __init__(self, search_path: str) -> None:
        self.owner = os.getpid()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", _BOOTSTRAP, _WORKER_FILE, search_path],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError as exc:  # no usable sys.executable (an embedded interpreter?)
            raise CftoolsError(
                f"cannot start the JavaScript worker process ({sys.executable!r}): {exc}"
            ) from exc
        ready = self.read(START_LIMIT)
        if ready != ["ready"]:
            self.kill()
            why = ready[1] if ready and len(ready) > 1 else "it did not start"
            raise CftoolsError(f"the JavaScript worker process failed: {why}")

    def ask(self, request: list[Any], limit: float) -> list[Any] | None:
        """Send one request; its reply, or ``None`` if none came within ``limit`` s."""
        stdin = self.process.stdin
        assert stdin is not None
        try:
            stdin.write(json.dumps(request).encode("ascii") + b"\n")
            stdin.flush()
        except OSError:
            return ["crash", "the JavaScript engine's process exited"]
        return self.read(limit)

    def read(self, limit: float) -> list[Any] | None:
        stdout = self.process.stdout
        assert stdout is not None
        line = _read_line(stdout, limit)
        if line is None:
            return None
        if not line:
            return ["crash", "the JavaScript engine's process exited"]
        reply: list[Any] = json.loads(line)
        return reply

    def kill(self) -> None:
        """Stop the process now (whatever it is running) and reap it."""
        self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):  # unsent bytes to a dead process
                    stream.close()


def _read_line(stream: IO[bytes], limit: float) -> bytes | None:
    """The next line of ``stream`` (``b""`` at its end), or ``None`` after ``limit`` s."""
    if os.name == "posix":
        ready, _, _ = select.select([stream], [], [], limit)
        return stream.readline() if ready else None
    lines: list[bytes] = []  # elsewhere pipes cannot be polled: read in a thread
    reader = threading.Thread(target=lambda: lines.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(limit)
    return lines[0] if lines else None


_idle: list[_Worker] = []
_idle_lock = threading.Lock()


def _run(expression: str, program: str) -> list[Any]:
    """Evaluate ``program`` in a worker; the worker's reply, or raise on the watchdog."""
    quickjs = _quickjs()
    with _idle_lock:
        worker = _idle.pop() if _idle else None
    if worker is None or worker.owner != os.getpid():  # a fork's copy is not ours
        worker = _Worker(str(Path(str(quickjs.__file__)).resolve().parent.parent))
    try:
        reply = worker.ask([program, TIME_LIMIT, MEMORY_LIMIT, STACK_LIMIT], WATCHDOG_LIMIT)
    except BaseException:  # e.g. KeyboardInterrupt while waiting: the work stops too
        worker.kill()
        raise
    if reply is None or reply[0] == "crash":
        worker.kill()  # the runaway work stops here, with its process
        if reply is not None:
            raise JavaScriptError(expression, "crash", reply[1])
        raise JavaScriptError(
            expression,
            "timeout",
            f"took longer than {WATCHDOG_LIMIT:g} s in code the engine cannot interrupt "
            "(e.g. a backtracking regular expression); stopped",
        )
    with _idle_lock:
        keep = len(_idle) < _MAX_IDLE
        if keep:
            _idle.append(worker)
    if not keep:
        worker.kill()
    return reply


@atexit.register
def _stop_workers() -> None:
    with _idle_lock:
        workers, _idle[:] = list(_idle), []
    for worker in workers:
        if worker.owner == os.getpid():
            worker.kill()
