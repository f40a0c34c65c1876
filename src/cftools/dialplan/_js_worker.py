"""The process that runs dialplan JavaScript for :mod:`cftools.dialplan._js`.

It is started with ``python -c`` and a bootstrap that runs this file by path, so it
imports nothing of cftools (nor the caller's ``__main__``): only ``json``, ``sys`` and
``quickjs``. The protocol is one JSON line each way, on standard input and output:

* on start it writes ``["ready"]`` (or ``["error", message]`` when QuickJS is missing);
* each request ``[program, time_limit, memory_limit, stack_limit]`` is evaluated in a
  fresh QuickJS context with those limits, and answered with ``["ok", value]``,
  ``["js", message]`` (a JavaScript exception, or a limit the engine enforces),
  ``["stack", message]`` (the binding's stack overflow) or ``["error", message]``
  (anything else, such as text the engine cannot take);
* at the end of its input it exits.

Code QuickJS cannot interrupt (its regular-expression matcher, which checks no time
limit) is why this is a process: the caller kills it after its watchdog limit, and the
work stops with it.
"""

from __future__ import annotations

import importlib
import json
import sys
from typing import Any


def _answer(reply: list[Any]) -> None:
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()


def serve() -> None:
    """Answer requests from standard input until it closes."""
    try:
        quickjs: Any = importlib.import_module("quickjs")
    except ImportError as exc:
        _answer(["error", f"cannot import quickjs: {exc}"])
        return
    _answer(["ready"])
    for line in sys.stdin:
        program, time_limit, memory_limit, stack_limit = json.loads(line)
        context: Any = None
        try:
            context = quickjs.Context()
            context.set_time_limit(time_limit)
            context.set_memory_limit(memory_limit)
            context.set_max_stack_size(stack_limit)
            reply: list[Any] = ["ok", context.eval(program)]
        except quickjs.StackOverflow as exc:
            reply = ["stack", str(exc)]
        except quickjs.JSException as exc:
            reply = ["js", str(exc)]
        except Exception as exc:
            reply = ["error", f"{type(exc).__name__}: {exc}"]
        del context
        _answer(reply)


if __name__ == "__main__":
    serve()
