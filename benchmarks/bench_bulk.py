"""Bulk sending: the pace a campaign reaches under a server's rate limit, and its memory.

**Rate.** A sandbox (``cftools sandbox serve --fault-rate-limit R``, in a subprocess on
loopback) answers 429 with ``Retry-After`` (whole seconds, at least 1) past R requests
in any second. A campaign of ``--seconds * R`` one-recipient batches (so every batch is
one request) runs here with 8 workers; the figure is the number of requests the sandbox
accepted over the job's whole run, as a share of R (goal: >= 0.95). It is measured for
a short job (``--seconds``) and a long one (``--long``) from the default initial pace
(slow start included), and for the short job started at R. The sandbox's own counts
(``GET /_sandbox/faults``) say how many requests it accepted and refused.

**Memory.** ``cftools send texts FILE --dry-run`` over a generated CSV of ``--rows`` rows
(1,000,000 by default) in a subprocess: its peak RSS (``ru_maxrss``) against the peak
RSS of a subprocess that only imports cftools.campaigns, the baseline in the same run
(goal: under 100 MB in all). ``--full`` also sends the whole file through the engine in
a subprocess, to the fake CallFire of the tests (``tests/campaigns/fake_callfire.py``,
in-process, keeping batch sizes only, so the figure is the engine's): the sandbox would
hold a million texts and find each recipient's contact by scanning them all.

    PYTHONPATH=src python benchmarks/bench_bulk.py [--rate 100] [--seconds 20]
        [--long 60] [--rows 1000000] [--full] [--skip-rate] [--skip-memory]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import inspect
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

from cftools.campaigns import Broadcast, send_async
from cftools.client import AsyncClient

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RATE = inspect.signature(send_async).parameters["rate"].default
TEXT = Broadcast.texts({"fromNumber": "12135551189", "message": "Hello"})
PASSWORD = "bench-password"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


@contextlib.contextmanager
def sandbox(*flags: str) -> Iterator[str]:
    """``cftools sandbox serve`` in a subprocess on a free loopback port; its base URL."""
    argv = [sys.executable, "-m", "cftools", "sandbox", "serve", "--port", "0",
            "--password", PASSWORD, "--manual-clock", *flags]  # fmt: skip
    process = subprocess.Popen(argv, env=ENV, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # "cftools sandbox: serving URL (...)"
        if "serving" not in line:
            raise RuntimeError(f"the sandbox did not start: {line!r}")
        yield line.split("serving", 1)[1].split()[0]
    finally:
        process.terminate()
        process.wait(timeout=30)


def fault_counts(base_url: str) -> dict[str, Any]:
    url = base_url.removesuffix("/v2") + "/_sandbox/faults"
    counts: dict[str, Any] = httpx.get(url, auth=("sandbox", PASSWORD)).json()["counts"]
    return counts


def rate_share(rate: float, seconds: float, initial: float) -> tuple[float, int, float]:
    """(accepted requests a second / R, requests refused, seconds) for one job."""
    # A hundred numbers over and over: the sandbox finds (or makes) a contact for each
    # recipient by scanning its contacts, so distinct numbers would slow it down as
    # the job goes, and the figure would be the sandbox's speed, not the campaign's.
    rows = [{"phoneNumber": f"1213{i % 100:07d}"} for i in range(int(rate * seconds))]
    with sandbox("--fault-rate-limit", f"{rate:g}") as url:

        async def main() -> float:
            async with AsyncClient("sandbox", PASSWORD, base_url=url, max_retries=0) as client:
                with tempfile.TemporaryDirectory() as folder:
                    began = time.perf_counter()
                    report = await send_async(
                        client, TEXT, rows, journal=Path(folder) / "j", batch_size=1,
                        concurrency=8, rate=initial,
                    )  # fmt: skip
                    elapsed = time.perf_counter() - began
            assert report.ok and report.sent == len(rows), report.failed
            return elapsed

        elapsed = asyncio.run(main())
        counts = fault_counts(url)
    accepted = counts["requests"] - counts["rateLimited"]
    return accepted / elapsed / rate, counts["rateLimited"], elapsed


def peak_rss_mb(argv: list[str]) -> float:
    """Peak RSS in MB of a subprocess (ru_maxrss is in KiB on Linux)."""
    code = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *argv], env=ENV, capture_output=True, text=True, check=True
    )
    return int(out.stdout.split()[-1]) / 1024


FULL = """
import asyncio, sys
sys.path.insert(0, {tests!r})
from fake_callfire import FakeCallFire
from cftools.campaigns import Broadcast, read_recipients, send_async
from cftools.client import AsyncClient
async def main():
    fake = FakeCallFire(keep=False)
    async with AsyncClient("u", "p", base_url="https://api.test/v2",
                           transport=fake.transport(), max_retries=0) as client:
        report = await send_async(client, Broadcast.texts({{"message": "Hi"}}),
                                  read_recipients({path!r}), journal={journal!r},
                                  concurrency=8, rate=1e6)
    assert report.ok, report.failed
asyncio.run(main())
"""


def memory(rows: int, full: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "people.csv"
        with open(path, "w", encoding="utf-8") as out:
            out.write("Phone Number,First Name,Code\n")
            for i in range(rows):
                out.write(f"1213{i:07d},Person {i},{i % 97}\n")
        size = path.stat().st_size / 2**20
        floor = peak_rss_mb([sys.executable, "-c", "import cftools.campaigns, cftools.client"])
        send = [sys.executable, "-m", "cftools", "send", "texts", str(path), "--message", "Hi"]
        began = time.perf_counter()
        dry = peak_rss_mb([*send, "--dry-run"])
        took = time.perf_counter() - began
        print(f"memory: {rows:,} rows ({size:.0f} MB of CSV)")
        print(f"  baseline (import only)   peak RSS {floor:6.1f} MB")
        print(f"  --dry-run (check + plan) peak RSS {dry:6.1f} MB "
              f"({dry / floor:.2f} x baseline, {took:.1f} s)")  # fmt: skip
        if not full:
            return
        script = FULL.format(tests=str(ROOT / "tests" / "campaigns"), path=str(path),
                             journal=str(Path(folder) / "journal"))  # fmt: skip
        began = time.perf_counter()
        sent = peak_rss_mb([sys.executable, "-c", script])
        took = time.perf_counter() - began
        print(f"  full send (fast fake)    peak RSS {sent:6.1f} MB "
              f"({sent / floor:.2f} x baseline, {took:.1f} s)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--rate", type=float, default=100.0, help="the sandbox's limit R")
    parser.add_argument("--seconds", type=float, default=20.0, help="short job length at R")
    parser.add_argument("--long", type=float, default=60.0, help="long job length at R")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--full", action="store_true", help="also send the rows (slow)")
    parser.add_argument("--skip-rate", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()

    if not args.skip_rate:
        print(f"rate: sandbox limit R = {args.rate:g} req/s (sliding second, Retry-After "
              f"in whole seconds), one-recipient batches, 8 workers")  # fmt: skip
        for seconds, initial, label in (
            (args.seconds, DEFAULT_RATE, "short, default start"),
            (args.long, DEFAULT_RATE, "long, default start"),
            (args.seconds, args.rate, "short, started at R"),
        ):
            share, refused, took = rate_share(args.rate, seconds, initial)
            print(f"  {label:<22} {int(args.rate * seconds):>6} batches in {took:5.1f} s: "
                  f"achieved {share:.3f} x R ({refused} requests got 429)")  # fmt: skip

    if not args.skip_memory:
        memory(args.rows, args.full)


if __name__ == "__main__":
    main()
