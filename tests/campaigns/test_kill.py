"""The real thing: ``cftools send`` in a subprocess against the fake CallFire served on
127.0.0.1 with every fault switched on, SIGKILLed at random points several times and
resumed each time; in the end every one of 10,000 recipients is in the broadcast
exactly once. Bounded: each run is killed or times out, the whole test within minutes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from fake_callfire import FakeCallFire, Faults, serve

ROOT = Path(__file__).resolve().parents[2]
RECIPIENTS = 10_000
KILLS = 5


def command(path: Path, journal: Path, resume: bool) -> list[str]:
    argv = [
        sys.executable, "-m", "cftools", "send", "texts", str(path), "--message", "Hello",
        "--from", "12135551189", "--journal", str(journal), "--batch-size", "100",
        "--concurrency", "4", "--rate", "30", "--report", str(journal) + ".report",
    ]  # fmt: skip
    return [*argv, "--resume"] if resume else argv


@pytest.mark.slow
def test_killed_and_resumed_many_times_every_recipient_once(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    with open(path, "w", encoding="utf-8") as out:
        out.write("Phone Number,First Name\n")
        for i in range(RECIPIENTS):
            out.write(f"1213{i:07d},Person {i}\n")
    journal = tmp_path / "people.journal"
    faults = Faults(error_before=0.03, error_after=0.03, drop_after=0.03, rate=40, burst=2, seed=3)
    fake = FakeCallFire(faults)
    chance = random.Random(14)
    with serve(fake) as base_url:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT / "src"),
            "CALLFIRE_USERNAME": "login",
            "CALLFIRE_PASSWORD": "pass-word-1",
            "CALLFIRE_BASE_URL": base_url,
        }
        kills = 0
        for _ in range(KILLS):
            process = subprocess.Popen(
                command(path, journal, journal.exists()), env=env,
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            )  # fmt: skip
            time.sleep(chance.uniform(0.8, 2.5))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                kills += 1
            process.communicate(timeout=30)
        final = subprocess.run(
            command(path, journal, journal.exists()), env=env, capture_output=True,
            text=True, timeout=240,
        )  # fmt: skip
    assert final.returncode == 0, final.stderr[-2000:]
    assert kills >= 3
    assert "pass-word-1" not in final.stderr
    assert len(fake.broadcasts) == 1
    (broadcast_id,) = fake.broadcasts
    phones = fake.phones(broadcast_id)
    assert len(phones) == RECIPIENTS
    assert max(Counter(phones).values()) == 1
    assert fake.broadcasts[broadcast_id].status == "RUNNING"
    assert fake.faulted > 0 and fake.throttled > 0


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_says_how_to_resume(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("phone\n" + "".join(f"1213{i:07d}\n" for i in range(6000)))
    journal = tmp_path / "j"
    fake = FakeCallFire(Faults(rate=10, burst=1))
    with serve(fake) as base_url:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT / "src"),
            "CALLFIRE_USERNAME": "login",
            "CALLFIRE_PASSWORD": "pass-word-1",
            "CALLFIRE_BASE_URL": base_url,
        }
        process = subprocess.Popen(
            command(path, journal, False), env=env, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while fake.accepted_posts < 3 and time.monotonic() < deadline:  # sending under way
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        assert process.returncode == 130, err
        assert "Resume with" in err and "--resume" in err and "pass-word-1" not in err
        final = subprocess.run(
            command(path, journal, True), env={**env}, capture_output=True, text=True,
            timeout=120,
        )  # fmt: skip
    assert final.returncode == 0, final.stderr[-2000:]
    (broadcast_id,) = fake.broadcasts
    phones = fake.phones(broadcast_id)
    assert len(phones) == 6000 and len(set(phones)) == 6000
