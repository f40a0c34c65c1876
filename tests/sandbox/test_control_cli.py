"""``cftools sandbox serve`` with its clock and fault flags, the commands that drive a
running sandbox (``faults``, ``advance``, ``reset``), and the hand-driven pytest fixture."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

pytest.importorskip("starlette")

from cftools._cli import main
from cftools._sandbox_pytest import SandboxFixture
from cftools.client import ServerError
from cftools.sandbox import ManualClock, SandboxServer

ROOT = Path(__file__).resolve().parents[2]
NEW_LIST = {"name": "VIP", "contactNumbers": ["12135551100"]}


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "cftools", "sandbox", *args]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CALLFIRE_")}
    return {**env, "PYTHONPATH": str(ROOT / "src"), **extra}


# -- serve ----------------------------------------------------------------------------------


def test_serve_starts_with_its_faults_and_clock_and_the_commands_drive_it() -> None:
    process = subprocess.Popen(
        _cli(
            "serve",
            "--port",
            "0",
            "--username",
            "me",
            "--password",
            "s3cret",
            "--manual-clock",
            "--fault-errors-before",
            "1",
            "--fault-operations",
            "get_account",
            "--fault-seed",
            "3",
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        match = re.search(
            r"serving (http://127\.0\.0\.1:\d+/v2) \(state in memory, a manual clock\)", first
        )
        assert match, first + (process.stderr.read() if process.stderr else "")
        url = match.group(1)
        banner = [process.stdout.readline() for _ in range(5)]
        assert any('"errorsBefore": 1.0' in line for line in banner), banner
        env = _env(CALLFIRE_BASE_URL=url, CALLFIRE_USERNAME="me", CALLFIRE_PASSWORD="s3cret")

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(_cli(*args), capture_output=True, text=True, timeout=60, env=env)

        with httpx.Client(base_url=url.removesuffix("/v2"), auth=("me", "s3cret")) as http:
            assert http.get("/v2/me/account").status_code == 503
            assert http.post("/v2/contacts/lists", json=NEW_LIST).status_code == 200
            shown = run("faults", "show")
            assert shown.returncode == 0, shown.stderr
            plan = json.loads(shown.stdout)
            assert plan["seed"] == 3
            assert plan["rules"][0]["operations"] == ["getAccount"]
            assert plan["counts"]["errorsBefore"] == 1

            changed = run(
                "faults", "set", "--errors-after", "1", "--operations", "createContactList"
            )
            assert changed.returncode == 0, changed.stderr
            assert http.get("/v2/me/account").status_code == 200
            assert http.post("/v2/contacts/lists", json=NEW_LIST).status_code == 502
            added = run("faults", "add", "--latency", "1", "--latency-after", "2", "--seed", "8")
            assert added.returncode == 0, added.stderr
            rules = json.loads(added.stdout)["rules"]
            assert [(r["latencyMs"], r["latencyAfterMs"]) for r in rules] == [(0, 0), (1, 2)]
            assert run("faults", "clear").returncode == 0
            assert http.post("/v2/contacts/lists", json=NEW_LIST).status_code == 200

            advanced = run("advance", "90")
            assert advanced.returncode == 0, advanced.stderr
            assert json.loads(advanced.stdout) == {"now": 1_700_000_090_000}
            assert http.get("/_sandbox/clock").json()["now"] == 1_700_000_090_000

            assert http.get("/v2/contacts/lists").json()["totalCount"] == 3
            assert run("reset").returncode == 0
            assert http.get("/v2/contacts/lists").json()["totalCount"] == 0
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "s3cret" not in shown.stdout + shown.stderr  # credentials never printed back


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--fault-errors-before", "2"], r"--fault-errors-before=2\.0: a share of requests"),
        (["--fault-rate-limit", "-1"], r"--fault-rate-limit=-1\.0: a rate limit"),
        (["--fault-latency", "-3"], r"--fault-latency=-3: a latency"),
        (["--fault-latency", "1.5"], r"invalid int value"),
        (["--fault-latency-after", "-1"], r"--fault-latency-after=-1: a latency"),
        (["--fault-operations", "sendCall"], r"did you mean 'sendCalls'"),
        (["--fault-errors-before", "0.7", "--fault-drop-after", "0.7"], r"add up to more than 1"),
        (["--speed", "0"], r"--speed must be more than 0, not 0"),
        (["--speed", "nan"], r"--speed must be more than 0"),
        (["--speed", "2", "--manual-clock"], r"not allowed with argument --speed"),
    ],
)
def test_serve_refuses_bad_flags_before_serving(args: list[str], message: str) -> None:
    result = subprocess.run(
        _cli("serve", "--port", "0", *args), capture_output=True, text=True, timeout=60, env=_env()
    )
    assert result.returncode == 2
    assert re.search(message, result.stderr), result.stderr
    assert "Traceback" not in result.stderr and "serving" not in result.stdout


def test_serve_runs_its_clock_at_the_speed_asked() -> None:
    process = subprocess.Popen(
        _cli("serve", "--port", "0", "--speed", "120", "--password", "pw"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        match = re.search(r"serving (\S+) \(state in memory, clock at 120x\)", first)
        assert match, first
        root = match.group(1).removesuffix("/v2")
        clock = httpx.get(root + "/_sandbox/clock", auth=("sandbox", "pw")).json()
        assert clock["clock"] == "ScaledClock(speed=120)"
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=20)


# -- the control commands, in-process against a served sandbox --------------------------------


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> Iterator[SandboxServer]:
    with SandboxServer(clock=ManualClock(start_ms=0)) as server:
        monkeypatch.setenv("CALLFIRE_BASE_URL", server.url)
        monkeypatch.setenv("CALLFIRE_USERNAME", "sandbox")
        monkeypatch.setenv("CALLFIRE_PASSWORD", "sandbox")
        yield server
        server.sandbox.close()


def test_faults_set_replaces_and_show_prints_json(
    served: SandboxServer, capsys: pytest.CaptureFixture[str]
) -> None:
    served.sandbox.faults.configure(latency_ms=5)
    status = main(
        ["sandbox", "faults", "set", "--rate-limit", "10", "--drop-after", "0.25", "--seed", "2"]
    )
    assert status == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == served.sandbox.faults.status()
    rule = served.sandbox.faults.rules[0]
    assert (rule.rate_limit, rule.drop_after, rule.latency_ms) == (10.0, 0.25, 0)
    assert main(["sandbox", "faults", "show"]) == 0
    assert json.loads(capsys.readouterr().out)["seed"] == 2


def test_the_base_url_flag_wins_and_takes_the_root_or_v2(
    served: SandboxServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CALLFIRE_BASE_URL", "http://127.0.0.1:9/v2")
    root = served.url.removesuffix("/v2")
    for count, url in enumerate((root, root + "/", served.url), 1):
        assert main(["sandbox", "advance", "1.5", "--base-url", url]) == 0
        assert json.loads(capsys.readouterr().out) == {"now": 1500 * count}


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["faults", "set"], 2, r"give at least one of --rate-limit"),
        (["faults", "add", "--errors-after", "3"], 2, r"--errors-after=3\.0: a share"),
        (["faults", "add", "--operations", "send_call"], 2, r"did you mean 'send_calls'"),
        (["advance", "--", "-5"], 2, r"SECONDS must be 0 or more"),
    ],
)
def test_bad_control_commands_exit_2_and_send_nothing(
    served: SandboxServer,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    status: int,
    message: str,
) -> None:
    served.sandbox.faults.configure(latency_ms=1)
    assert main(["sandbox", *argv]) == status
    assert re.search(message, capsys.readouterr().err)
    assert served.sandbox.faults.rules[0].latency_ms == 1
    assert served.sandbox.clock.now_ms() == 0


def test_a_plan_the_sandbox_refuses_is_exit_2_with_its_message(
    served: SandboxServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import cftools._sandbox_cli as cli

    monkeypatch.setattr(cli, "_refused", lambda values: None)  # as without cftools.sandbox here
    assert main(["sandbox", "faults", "set", "--drop-before", "5"]) == 2
    assert "rules[0].dropBefore=5.0: a share" in capsys.readouterr().err


def test_wrong_credentials_or_no_sandbox_exit_1_and_missing_ones_exit_2(
    served: SandboxServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CALLFIRE_PASSWORD", "wrong-secret")
    assert main(["sandbox", "reset"]) == 1
    err = capsys.readouterr().err
    assert "refused the credentials" in err and "wrong-secret" not in err
    monkeypatch.delenv("CALLFIRE_PASSWORD")
    assert main(["sandbox", "faults", "show"]) == 2
    assert "set CALLFIRE_USERNAME and CALLFIRE_PASSWORD" in capsys.readouterr().err
    monkeypatch.setenv("CALLFIRE_PASSWORD", "sandbox")
    assert main(["sandbox", "faults", "clear", "--base-url", "http://127.0.0.1:9/v2"]) == 1
    assert "cannot reach the sandbox at http://127.0.0.1:9" in capsys.readouterr().err
    assert main(["sandbox", "reset", "--base-url", "not a url"]) in (1, 2)
    assert "Traceback" not in capsys.readouterr().err


def test_something_else_than_a_sandbox_is_told_apart(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CALLFIRE_USERNAME", "u")
    monkeypatch.setenv("CALLFIRE_PASSWORD", "p")
    transport = httpx.MockTransport(lambda request: httpx.Response(404, text="<html>"))
    real = httpx.Client

    def mocked(**options: object) -> httpx.Client:
        return real(transport=transport, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(httpx, "Client", mocked)
    assert main(["sandbox", "faults", "show", "--base-url", "http://example.test"]) == 1
    assert "HTTP 404 from http://example.test/_sandbox/faults (is it a cftools sandbox?)" in (
        capsys.readouterr().err
    )


# -- the pytest plugin's hand-driven sandbox --------------------------------------------------


def test_the_manual_fixture_moves_only_when_told(callfire_sandbox_manual: SandboxFixture) -> None:
    fixture = callfire_sandbox_manual
    assert isinstance(fixture.sandbox.clock, ManualClock)
    before = fixture.sandbox.clock.now_ms()
    created = fixture.client.create_contact_list({"name": "a", "contactNumbers": ["12135551100"]})
    assert fixture.client.get_contact_list(id=created["id"])["created"] == before
    assert fixture.advance(60) == before + 60_000
    fixture.sandbox.faults.configure(errors_before=1.0, operations=["createContactList"])
    with pytest.raises(ServerError, match="503"):
        fixture.client.create_contact_list({"name": "b", "contactNumbers": ["12135551100"]})
