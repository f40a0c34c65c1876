"""Requests per second of the sandbox against Prism serving the same spec, in one run.

Both servers run as their own process on loopback: the sandbox as ``cftools sandbox serve``
(uvicorn) over a SQLite file seeded beforehand with ``--calls`` calls, Prism as
``prism mock`` over the official specification (it answers from the spec's examples and
keeps nothing). One load generator serves both: an ``httpx.AsyncClient`` with keep-alive
connections and ``--workers`` concurrent workers sending the same request for a fixed
``--seconds``; rounds alternate between the servers so drift affects both alike. For each
operation it prints the median requests per second of each server and their ratio
(target: sandbox / Prism >= 1.0, while the sandbox keeps state). Only 200 answers count.

    PYTHONPATH=src python benchmarks/bench_sandbox.py [--seconds 3] [--rounds 3] [--workers 8]

Prism comes from ``npm install --prefix .ci/node @stoplight/prism-cli@5`` (what
``tools/dev.sh test`` does); without it the script measures the sandbox alone.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
PRISM = ROOT / ".ci" / "node" / "node_modules" / ".bin" / "prism"
SPEC = ROOT.parent / "shared" / "reference" / "callfire-v2-swagger.yaml"
AUTH = ("bench", "bench-password")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def seed(db: str, calls: int) -> int:
    """Fill a sandbox file with ``calls`` calls (ten per sendCalls); return one call id."""
    from cftools.client import Client
    from cftools.sandbox import Sandbox, SyncASGITransport

    sandbox = Sandbox(db=db, username=AUTH[0], password=AUTH[1])
    transport = SyncASGITransport(sandbox.app)
    with Client(*AUTH, base_url="http://localhost/v2", transport=transport) as api:
        first = None
        for start in range(0, calls, 10):
            batch = [{"phoneNumber": f"1213555{(start + i) % 10000:04d}"} for i in range(10)]
            sent = api.send_calls(batch)
            first = first or sent["items"][0]["id"]
    sandbox.close()
    assert first is not None
    return int(first)


def wait_until_up(url: str, process: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server at {url} exited with {process.returncode}")
        try:
            httpx.get(url, auth=AUTH, timeout=1.0)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit(f"the server at {url} did not start within {timeout:.0f} s")


async def load(url: str, seconds: float, workers: int, cap: int) -> tuple[float, int]:
    """Requests per second answered with 200, and the number of other answers."""
    limits = httpx.Limits(max_connections=workers, max_keepalive_connections=workers)
    ok = bad = 0
    async with httpx.AsyncClient(auth=AUTH, limits=limits, timeout=10.0) as client:
        await client.get(url)  # open a connection before the clock starts
        deadline = time.perf_counter() + seconds
        start = time.perf_counter()

        async def worker() -> None:
            nonlocal ok, bad
            while time.perf_counter() < deadline and ok + bad < cap:
                response = await client.get(url)
                if response.status_code == 200:
                    ok += 1
                else:
                    bad += 1

        await asyncio.gather(*(worker() for _ in range(workers)))
        elapsed = time.perf_counter() - start
    return ok / elapsed, bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--calls", type=int, default=1000, help="calls stored in the sandbox")
    parser.add_argument("--cap", type=int, default=200_000, help="most requests per round")
    args = parser.parse_args()

    processes: list[subprocess.Popen[bytes]] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bench.db")
        call_id = seed(db, args.calls)
        sandbox_port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        command = [
            sys.executable,
            "-m",
            "cftools",
            "sandbox",
            "serve",
            "--port",
            str(sandbox_port),
            "--db",
            db,
            "--username",
            AUTH[0],
            "--password",
            AUTH[1],
        ]
        processes.append(subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL))
        servers = {"sandbox": f"http://127.0.0.1:{sandbox_port}/v2"}
        if PRISM.exists() and SPEC.exists():
            prism_port = free_port()
            prism = [str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(prism_port), str(SPEC)]
            processes.append(
                subprocess.Popen(prism, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            )
            servers["prism"] = (
                f"http://127.0.0.1:{prism_port}"  # Prism serves the paths at the root
            )
        else:
            print(f"Prism not found at {PRISM} (or no spec at {SPEC}): sandbox alone")
        try:
            for name, base in servers.items():
                wait_until_up(base + "/calls?limit=1", processes[list(servers).index(name)])
            paths = {"getCall": f"/calls/{call_id}", "findCalls limit=100": "/calls?limit=100"}
            print(
                f"{args.workers} workers, {args.seconds:g} s per round, {args.rounds} rounds, "
                f"{args.calls} calls stored in the sandbox\n"
            )
            print(
                f"{'operation':22} "
                + " ".join(f"{n + ' req/s':>15}" for n in servers)
                + ("   sandbox/prism" if "prism" in servers else "")
            )
            for label, path in paths.items():
                rates: dict[str, list[float]] = {name: [] for name in servers}
                for _ in range(args.rounds):
                    for name, base in servers.items():
                        rate, bad = asyncio.run(
                            load(base + path, args.seconds, args.workers, args.cap)
                        )
                        if bad:
                            print(f"  ({name} {label}: {bad} answers were not 200)")
                        rates[name].append(rate)
                medians = {name: statistics.median(values) for name, values in rates.items()}
                line = f"{label:22} " + " ".join(f"{medians[n]:15.0f}" for n in servers)
                if medians.get("prism"):
                    line += f"   {medians['sandbox'] / medians['prism']:14.2f}"
                print(line)
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()


if __name__ == "__main__":
    main()
