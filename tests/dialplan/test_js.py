"""The JavaScript sandbox: real JavaScript semantics, no I/O, hard limits, clear errors."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cftools import CftoolsError
from cftools.dialplan import _js
from cftools.dialplan._js import JavaScriptError, JsValue, evaluate

pytest.importorskip("quickjs", reason="the simulate extra (quickjs) is not installed")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("1+2", JsValue("number", "3", True)),
        ("1+45 / 50 + 9 == 10", JsValue("boolean", "false", False)),
        ("'abc' == 'abc'", JsValue("boolean", "true", True)),
        ("'${x}' + ' 2 3'".replace("${x}", "1"), JsValue("string", "1 2 3", True)),
        ("'Blocked'.toLowerCase() == 'blocked'", JsValue("boolean", "true", True)),
        ("isNaN('12a')", JsValue("boolean", "true", True)),
        ("parseInt('042', 10) + 1", JsValue("number", "43", True)),
        ("1e21", JsValue("number", "1e+21", True)),
        ("0.1 + 0.2", JsValue("number", "0.30000000000000004", True)),
        ("''", JsValue("string", "", False)),
        ("0", JsValue("number", "0", False)),
        ("null", JsValue("object", "null", False)),
        ("undefined", JsValue("undefined", "undefined", False)),
        ("[1, 2]", JsValue("object", "1,2", True)),
        ("({})", JsValue("object", "[object Object]", True)),
        ("1 // a trailing comment", JsValue("number", "1", True)),
        ("3 > 2 && 1 < 2", JsValue("boolean", "true", True)),
    ],
)
def test_expressions_evaluate_as_javascript(source: str, expected: JsValue) -> None:
    assert evaluate(source) == expected


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("1 +", "syntax"),
        ("https://example.org/a", "syntax"),  # not a label and a comment
        ("var x = 1", "syntax"),  # statements are not expressions
        ("while (true) {}", "syntax"),
        ("foo > 2", "reference"),
        ("null.x", "type"),
        ("new Array(-1)", "range"),
        ("(function () { throw 'boom' })()", "thrown"),
        ("(function f() { return f() })()", "stack"),
        ("'x'.repeat(1e9)", "memory"),
        (
            "(function () { var a = []; for (;;) a.push('xxxxxxxxxxxxxxxx' + a.length) })()",
            "memory",
        ),
    ],
)
def test_failures_are_typed_errors(source: str, kind: str) -> None:
    with pytest.raises(JavaScriptError) as info:
        evaluate(source)
    assert info.value.kind == kind
    assert info.value.expression == source
    assert isinstance(info.value, CftoolsError)
    assert "\n" not in str(info.value)


def test_endless_loop_stops_at_the_time_limit() -> None:
    start = time.perf_counter()
    with pytest.raises(JavaScriptError) as info:
        evaluate("(function () { for (;;) {} })()")
    assert info.value.kind == "timeout"
    assert time.perf_counter() - start < _js.TIME_LIMIT * 8


def _state(pid: int) -> str | None:
    """The scheduler state of a process (``R`` running, ``S`` sleeping...), or ``None``
    once it is gone (Linux's /proc)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return None
    return stat.rsplit(")", 1)[1].split()[0]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads Linux's /proc")
def test_code_the_engine_cannot_interrupt_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    # QuickJS's time limit is not checked inside its regular-expression matcher: this
    # backtracking pattern runs for 2**40 steps, i.e. forever. It used to be abandoned
    # in a thread that kept one core busy for the life of the process, one more thread
    # for every such expression; now the worker process that runs it is killed.
    monkeypatch.setattr(_js, "WATCHDOG_LIMIT", 0.3)
    started: list[_js._Worker] = []
    real_init = _js._Worker.__init__

    def spy(self: _js._Worker, search_path: str) -> None:
        real_init(self, search_path)
        started.append(self)

    monkeypatch.setattr(_js._Worker, "__init__", spy)
    _js._stop_workers()  # every worker from here on is seen starting
    evaluate("1")  # a worker is up before the threads are counted
    threads = threading.active_count()
    for _ in range(3):
        with pytest.raises(JavaScriptError) as info:
            evaluate('/(a+)+b/.test("' + "a" * 40 + '")')
        assert info.value.kind == "timeout" and "cannot interrupt" in info.value.detail
    assert threading.active_count() == threads
    # Each runaway worker was killed and reaped: no process is left running the regex.
    runaway = [w for w in started if w.process.returncode is not None]
    assert len(runaway) == 3
    assert all(_state(w.process.pid) is None for w in runaway)
    # What is left is idle, blocked reading its next request (state S), not working.
    for worker in _js._idle:
        assert _state(worker.process.pid) == "S"
    assert evaluate("'still' + ' works'").text == "still works"


def test_a_crashed_worker_is_an_error_and_replaced() -> None:
    evaluate("1")
    with _js._idle_lock:
        worker = _js._idle[-1]
    worker.process.kill()
    worker.process.wait()
    with pytest.raises(JavaScriptError) as info:
        evaluate("2")
    assert info.value.kind == "crash" and "exited" in info.value.detail
    assert evaluate("3").text == "3"


@pytest.mark.parametrize(
    "probe",
    [
        "typeof require",
        "typeof std",
        "typeof os",
        "typeof print",
        "typeof console",
        "typeof fetch",
        "typeof XMLHttpRequest",
        "typeof setTimeout",
        "typeof process",
    ],
)
def test_no_io_is_exposed(probe: str) -> None:
    assert evaluate(probe).text == "undefined"


def test_modules_cannot_be_loaded() -> None:
    # There is no module loader (import() can only reject), and the sandbox never runs
    # pending jobs, so no asynchronous code runs at all.
    assert evaluate("import('os')").text == "[object Promise]"
    probe = "(function () { var s = 'a'; Promise.resolve().then(() => { s = 'b' }); return s })()"
    assert evaluate(probe).text == "a"


def test_each_expression_gets_a_fresh_context() -> None:
    evaluate("(globalThis.leak = 1)")
    assert evaluate("typeof leak").text == "undefined"
    # An out-of-memory error does not poison later evaluations.
    with pytest.raises(JavaScriptError):
        evaluate("'x'.repeat(1e9)")
    assert evaluate("1 + 1").text == "2"


def test_missing_engine_gives_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    real = importlib.import_module

    def fake(name: str, *args: object) -> object:
        if name == "quickjs":
            raise ImportError("no quickjs")
        return real(name)

    monkeypatch.setattr(_js, "_module", None)
    monkeypatch.setattr(_js.importlib, "import_module", fake)
    with pytest.raises(CftoolsError, match=r"pip install 'cftools\[simulate\]'"):
        evaluate("1")


@given(st.integers(min_value=-(2**53), max_value=2**53))
def test_integers_read_back_exactly(n: int) -> None:
    assert evaluate(str(n) if n >= 0 else f"({n})").text == str(n)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_any_string_literal_round_trips(text: str) -> None:
    import json

    assert evaluate(json.dumps(text)).text == text


def test_the_clock_is_the_given_time_in_utc() -> None:
    from datetime import datetime, timedelta, timezone

    now = datetime(2026, 11, 25, 17, 30, tzinfo=timezone(timedelta(hours=-8)))  # 01:30 UTC
    assert evaluate("new Date().getHours()", now=now).text == "1"
    assert evaluate("new Date().getDate()", now=now).text == "26"
    assert evaluate("Date.now()", now=now).text == str(int(now.timestamp() * 1000))
    assert evaluate("new Date().getTimezoneOffset()", now=now).text == "0"
    assert evaluate("new Date(2020, 0, 1).getFullYear()", now=now).text == "2020"
    assert evaluate("new Date(0).toISOString()", now=now).text == "1970-01-01T00:00:00.000Z"
    assert evaluate("new Date() instanceof Date", now=now).truthy


def test_random_is_reproducible() -> None:
    first = evaluate("[Math.random(), Math.random()].join()").text
    assert first == evaluate("[Math.random(), Math.random()].join()").text
    values = [float(v) for v in first.split(",")]
    assert all(0 <= v < 1 for v in values) and values[0] != values[1]


def test_the_prelude_leaves_no_names_behind() -> None:
    assert evaluate("typeof RealDate + typeof clock + typeof seed").text == "undefined" * 3


def test_an_interrupted_wait_kills_the_worker_too(monkeypatch: pytest.MonkeyPatch) -> None:
    evaluate("1")
    with _js._idle_lock:
        worker = _js._idle[-1]

    def interrupted(stream: object, limit: float) -> bytes | None:
        raise KeyboardInterrupt

    monkeypatch.setattr(_js, "_read_line", interrupted)
    with pytest.raises(KeyboardInterrupt):
        evaluate("2")
    assert worker.process.returncode is not None  # killed and reaped, not left working
    monkeypatch.undo()
    assert evaluate("3").text == "3"


def test_a_worker_that_cannot_start_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _js._stop_workers()
    monkeypatch.setattr(_js.sys, "executable", "/nonexistent/python")
    with pytest.raises(CftoolsError, match="cannot start the JavaScript worker process"):
        evaluate("1")


# -- Plain words: what the simulator keeps as written without asking the engine -----------

_WORDS = st.one_of(
    st.sampled_from(sorted(_js._KEYWORDS | {"Math", "Date", "toString", "yes", "no", "x1"})),
    st.from_regex(r"[A-Za-z_$][A-Za-z0-9_$]{0,6}", fullmatch=True),
)


def _refused_as_literal(text: str) -> bool:
    try:
        evaluate(text)
    except JavaScriptError as exc:
        return exc.kind in ("syntax", "reference")
    return False


@given(st.lists(_WORDS, min_size=1, max_size=3))
def test_plain_words_are_exactly_what_the_engine_refuses_as_literal(words: list[str]) -> None:
    text = " ".join(words)
    if _js.plain_words(text):  # the shortcut may only claim what the engine confirms
        assert _refused_as_literal(text), text


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("yes", True),
        ("thank you", True),
        ("Thanks so much", True),
        ("Math", False),  # a global: evaluates to an object
        ("toString", False),  # inherited by the global object
        ("this", False),
        ("true", False),
        ("typeof x", False),  # a keyword makes an expression of it
        ("a in b", False),
        ("yes  no", False),  # not single spaces: left to the engine
        ("yes\nno", False),
        ("1abc", False),
        ("", False),
    ],
)
def test_plain_words_examples(text: str, plain: bool) -> None:
    assert _js.plain_words(text) is plain
