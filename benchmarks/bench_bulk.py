"""Bulk sending: the pace a campaign reaches under a server's rate limit, and its memory.

**Rate.** The fake CallFire of the tests (``tests/campaigns/fake_callfire.py``, in this
process through ``httpx.MockTransport``, no network) answers 429 with a precise
``Retry-After`` once requests come faster than R a second (a token bucket holding
``--burst`` tokens). A campaign of ``--seconds * R`` one-recipient batches (so every
batch is one request) runs with 8 workers; the figure is the rate of requests the
server accepted over the whole job, as a share of R (goal: >= 0.95), from the default
initial pace (5 req/s, slow start included) and from an initial pace of R.

**Memory.** ``cftools send texts FILE --dry-run`` over a generated CSV of ``--rows`` rows
(1,000,000 by default) in a subprocess: its peak RSS (``ru_maxrss``) against the peak
RSS of a subprocess that only imports cftools.campaigns, the baseline in the same run
(goal: under 100 MB in all). ``--full`` also sends the whole file through the engine in
a subprocess against a fast fake that keeps batch sizes only (the fake does not hold the
recipients, so the figure is the engine's).

    PYTHONPATH=src python benchmarks/bench_bulk.py [--rate 100] [--seconds 20]
        [--rows 1000000] [--full]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "campaigns"))

from fake_callfire import FakeCallFire, Faults  # noqa: E402

from cftools.campaigns import Broadcast, send_async  # noqa: E402
from cftools.client import AsyncClient  # noqa: E402

TEXT = Broadcast.texts({"fromNumber": "12135551189", "message": "Hello"})


def rate_share(rate: float, seconds: float, burst: float, initial: float) -> tuple[float, int]:
    fake = FakeCallFire(Faults(rate=rate, burst=burst), keep=False)
    rows = [{"phoneNumber": f"1213{i:07d}"} for i in range(int(rate * seconds))]

    async def main() -> float:
        async with AsyncClient(
            "u", "p", base_url="https://api.test/v2", transport=fake.transport(), max_retries=0
        ) as client:
            with tempfile.TemporaryDirectory() as folder:
                began = time.perf_counter()
                report = await send_async(
                    client, TEXT, rows, journal=Path(folder) / "j", batch_size=1,
                    concurrency=8, rate=initial,
                )  # fmt: skip
                elapsed = time.perf_counter() - began
        assert report.ok and report.sent == len(rows)
        return elapsed

    elapsed = asyncio.run(main())
    accepted = fake.requests - fake.throttled
    return accepted / elapsed / rate, fake.throttled


def peak_rss_mb(argv: list[str]) -> float:
    """Peak RSS in MB of a subprocess (ru_maxrss is in KiB on Linux)."""
    code = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run(
        [sys.executable, "-c", code, *argv], env=env, capture_output=True, text=True, check=True
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
    print(report.sent, file=sys.stderr)
asyncio.run(main())
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rate", type=float, default=100.0, help="the server's limit R")
    parser.add_argument("--burst", type=float, default=5.0, help="the server's bucket")
    parser.add_argument("--seconds", type=float, default=20.0, help="job length at R")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--full", action="store_true", help="also send the rows (slow)")
    parser.add_argument("--skip-rate", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()

    if not args.skip_rate:
        print(f"rate: server limit R = {args.rate:g} req/s, burst {args.burst:g}, "
              f"{int(args.rate * args.seconds)} batch requests, 8 workers")  # fmt: skip
        for initial, label in ((5.0, "from 5 req/s (default)"), (args.rate, "from R")):
            share, throttled = rate_share(args.rate, args.seconds, args.burst, initial)
            print(f"  {label:<24} achieved {share:.3f} x R  ({throttled} requests got 429)")

    if not args.skip_memory:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "people.csv"
            with open(path, "w", encoding="utf-8") as out:
                out.write("Phone Number,First Name,Code\n")
                for i in range(args.rows):
                    out.write(f"1213{i:07d},Person {i},{i % 97}\n")
            size = path.stat().st_size / 2**20
            floor = peak_rss_mb([sys.executable, "-c", "import cftools.campaigns, cftools.client"])
            began = time.perf_counter()
            dry = peak_rss_mb([sys.executable, "-m", "cftools", "send", "texts", str(path),
                               "--message", "Hi", "--dry-run"])  # fmt: skip
            took = time.perf_counter() - began
            print(f"memory: {args.rows:,} rows ({size:.0f} MB of CSV)")
            print(f"  baseline (import only)   peak RSS {floor:6.1f} MB")
            print(f"  --dry-run (check + plan) peak RSS {dry:6.1f} MB "
                  f"({dry / floor:.2f} x baseline, {took:.1f} s)")  # fmt: skip
            if args.full:
                script = FULL.format(
                    tests=str(ROOT / "tests" / "campaigns"), path=str(path),
                    journal=str(Path(folder) / "journal"),
                )  # fmt: skip
                began = time.perf_counter()
                full = peak_rss_mb([sys.executable, "-c", script])
                took = time.perf_counter() - began
                print(f"  full send (fast fake)    peak RSS {full:6.1f} MB "
                      f"({full / floor:.2f} x baseline, {took:.1f} s)")  # fmt: skip


if __name__ == "__main__":
    main()
