"""The real thing, against the sandbox: ``cftools send texts`` in a subprocess, pointed
with ``--base-url`` at a :class:`~cftools.sandbox.SandboxServer` on 127.0.0.1 whose
campaign operations refuse past a rate limit (429 with ``Retry-After``), fail before
and after doing the work (503, 502) and drop connections before and after it; the
process is SIGKILLed at random points several times and resumed each time. In the end,
read back through the API with the faults off, every one of 10,000 recipients is in the
one broadcast exactly once, in batches named once each.

The sandbox keeps its state in a SQLite file (``db``) and runs on a hand-moved clock, so
nothing moves on its own while the job runs. Bounded: each run is killed or times out.

Ctrl-C is tested here too, and batches whose answers come too late for the client's read
timeout (the sandbox's ``latency_after_ms``: the work is done, the answer waits). What the
sandbox cannot do is tested against the fake CallFire of ``test_faults.py``: a fault
forced at exactly the n-th request, a process "killed" with each request in flight or at
each journal write, and a request whose work lands seconds after the client gave up on it.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

sandbox = pytest.importorskip("cftools.sandbox")

ROOT = Path(__file__).resolve().parents[2]
RECIPIENTS = 10_000
KILLS = 5
CAMPAIGN_OPERATIONS = [
    "createTextBroadcast",
    "findTextBroadcasts",
    "getTextBroadcast",
    "addTextBroadcastBatch",
    "getTextBroadcastBatches",
    "startTextBroadcast",
]


def command(path: Path, journal: Path, base_url: str, resume: bool) -> list[str]:
    argv = [
        sys.executable, "-m", "cftools", "send", "texts", str(path), "--message", "Hello",
        "--from", "12135551189", "--journal", str(journal), "--batch-size", "100",
        "--concurrency", "4", "--base-url", base_url, "--report", str(journal) + ".report",
    ]  # fmt: skip
    return [*argv, "--resume"] if resume else argv


def people(path: Path, count: int) -> list[str]:
    phones = [f"1213{i:07d}" for i in range(count)]
    with open(path, "w", encoding="utf-8") as out:
        out.write("Phone Number,First Name\n")
        out.writelines(f"{phone},Person {i}\n" for i, phone in enumerate(phones))
    return phones


def environment(password: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src"), "CALLFIRE_USERNAME": "sandbox",
            "CALLFIRE_PASSWORD": password}  # fmt: skip


def on_server(server: sandbox.SandboxServer) -> tuple[list[str], list[str], list[str]]:
    """(broadcast statuses, batch names, recipient numbers) read through the API."""
    with server.client(max_retries=0) as api:
        broadcasts = list(api.paginate("findTextBroadcasts", fields="items(id,status)"))
        names, phones = [], []
        for broadcast in broadcasts:
            batches = api.paginate("getTextBroadcastBatches", id=broadcast["id"])
            names += [batch["name"] for batch in batches]
            texts = api.paginate("findTexts", campaignId=broadcast["id"],
                                 fields="items(toNumber)")  # fmt: skip
            phones += [text["toNumber"] for text in texts]
    return [b["status"] for b in broadcasts], names, phones


@pytest.mark.slow
def test_killed_and_resumed_against_a_faulty_sandbox_every_recipient_once(
    tmp_path: Path,
) -> None:
    phones = people(tmp_path / "people.csv", RECIPIENTS)
    journal = tmp_path / "people.journal"
    server = sandbox.SandboxServer(
        db=str(tmp_path / "sandbox.db"), password="pass-word-1", clock=sandbox.ManualClock()
    )
    server.sandbox.faults.configure(
        rate_limit=2, errors_before=0.03, errors_after=0.03, drop_before=0.02,
        drop_after=0.03, operations=CAMPAIGN_OPERATIONS, seed=3,
    )  # fmt: skip
    chance = random.Random(14)
    env = environment("pass-word-1")
    with server:
        kills = 0
        for _ in range(KILLS):
            process = subprocess.Popen(
                command(tmp_path / "people.csv", journal, server.url, journal.exists()),
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            time.sleep(chance.uniform(0.8, 4.0))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                kills += 1
            process.wait(timeout=30)
        final = subprocess.run(
            command(tmp_path / "people.csv", journal, server.url, journal.exists()),
            env=env, capture_output=True, text=True, timeout=900,
        )  # fmt: skip
        counts = server.sandbox.faults.status()["counts"]
        server.sandbox.faults.clear()
        statuses, names, sent = on_server(server)
    assert final.returncode == 0, final.stderr[-2000:]
    assert kills >= 3
    assert "pass-word-1" not in final.stderr
    assert statuses == ["RUNNING"]  # one broadcast, started once
    assert len(names) == RECIPIENTS // 100 and max(Counter(names).values()) == 1
    assert len(sent) == RECIPIENTS and Counter(sent) == Counter(phones)
    for fault in ("rateLimited", "errorsBefore", "errorsAfter", "dropsBefore", "dropsAfter"):
        assert counts[fault] > 0, counts


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_says_how_to_resume(tmp_path: Path) -> None:
    phones = people(tmp_path / "people.csv", 3000)
    journal = tmp_path / "j"
    server = sandbox.SandboxServer(password="pass-word-1", clock=sandbox.ManualClock())
    server.sandbox.faults.configure(rate_limit=5, operations=["addTextBroadcastBatch"])
    env = environment("pass-word-1")
    with server:
        process = subprocess.Popen(
            command(tmp_path / "people.csv", journal, server.url, False), env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # until sending is under way
            if server.sandbox.faults.status()["counts"]["requests"] >= 3:
                break
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        assert process.returncode == 130, err
        assert "Resume with" in err and "--resume" in err and "pass-word-1" not in err
        final = subprocess.run(
            command(tmp_path / "people.csv", journal, server.url, True), env=env,
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert final.returncode == 0, final.stderr[-2000:]
        server.sandbox.faults.clear()
        statuses, names, sent = on_server(server)
    assert statuses == ["RUNNING"] and len(names) == len(set(names)) == 30
    assert Counter(sent) == Counter(phones)


def test_batches_whose_answers_outlast_the_read_timeout_are_settled_not_sent_again(
    tmp_path: Path,
) -> None:
    from cftools.campaigns import Broadcast, send

    rows = [{"phoneNumber": f"1213555{i:04d}"} for i in range(9)]
    server = sandbox.SandboxServer(clock=sandbox.ManualClock())
    # Every batch is added and committed at once; its answer comes after the client's
    # read timeout, so each outcome is unknown and must be settled by name.
    server.sandbox.faults.configure(latency_after_ms=400, operations=["addTextBroadcastBatch"])
    timeout = httpx.Timeout(5.0, read=0.1)
    with server, server.client(max_retries=0, timeout=timeout) as client:
        report = send(
            client, Broadcast.texts({"fromNumber": "12135551189", "message": "Hello"}), rows,
            journal=tmp_path / "j", batch_size=3, concurrency=2, rate=1e4,
        )  # fmt: skip
        delayed = server.sandbox.faults.status()["counts"]["delayedAfter"]
        server.sandbox.faults.clear()
        statuses, names, sent = on_server(server)
    assert delayed == 3  # each batch's answer came too late, and none was sent again
    assert report.ok and report.started and report.disabled == []
    assert statuses == ["RUNNING"] and len(names) == len(set(names)) == 3
    assert Counter(sent) == Counter(row["phoneNumber"] for row in rows)
