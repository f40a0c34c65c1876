"""Requests per second of the sandbox against Prism serving the same spec, in one run;
and simulated IVR calls completed per second of CPU by the sandbox's engine.

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

The engine figure (``--figure engine``): a ``--recipients`` (10,000) IVR broadcast on a
hand-driven clock, started and run to ``FINISHED`` by one ``advance``; the CPU time is
this process's (``time.process_time``) plus that of the JavaScript worker process the
simulator evaluates expressions in (read from ``/proc``; Linux only, else not counted,
and the script says so). The baseline, measured in the same run: the bare
``cftools.dialplan.simulate`` of the same calls (the same scripts), without the sandbox.
It runs for a dialplan whose ``<stash>`` values are plain numbers (no JavaScript) and for
one whose values are words (each one a JavaScript evaluation: the simulator tries a
value as an expression first).

    PYTHONPATH=src python benchmarks/bench_sandbox.py --figure engine [--recipients 10000]
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


SURVEY = """<dialplan name="Root">
  <menu name="q1" maxDigits="1" timeout="3000">
    <play type="tts">Press 1 for yes, 2 for no.</play>
    <keypress pressed="default"><stash varname="likes">0</stash></keypress>
    <keypress pressed="1"><stash varname="likes">YES</stash></keypress>
    <keypress pressed="2"><stash varname="likes">NO</stash></keypress>
  </menu>
  <menu name="q2" maxDigits="2" timeout="3000">
    <play type="tts">Rate us from 1 to 10.</play>
    <keypress pressed="default"><stash varname="rating">${call.lastinput}</stash></keypress>
    <keypress pressed="timeout"><stash varname="rating">0</stash></keypress>
  </menu>
  <play type="tts">Thank you.</play>
</dialplan>"""
DIALPLANS = {
    "numbers only": SURVEY.replace("YES", "1").replace("NO", "2"),
    "words (JavaScript)": SURVEY.replace("YES", "yes").replace("NO", "no"),
}


def worker_cpu() -> dict[int, float]:
    """CPU seconds used so far by each idle JavaScript worker process (Linux)."""
    from cftools.dialplan import _js

    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    found = {}
    for worker in list(_js._idle):
        try:
            with open(f"/proc/{worker.process.pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[worker.process.pid] = (int(fields[11]) + int(fields[12])) / ticks
    return found


def cpu_now() -> tuple[float, dict[int, float]]:
    return time.process_time(), worker_cpu()


def cpu_since(start: tuple[float, dict[int, float]]) -> tuple[float, float]:
    """(this process's CPU seconds, the workers' CPU seconds) since ``start``."""
    own, workers = start
    now = worker_cpu()
    return time.process_time() - own, sum(v - workers.get(pid, 0.0) for pid, v in now.items())


def engine_figure(recipients: int) -> None:
    """Simulated IVR calls completed per CPU second, against bare ``simulate``."""
    import random

    from cftools.client import Client
    from cftools.dialplan import parse, simulate
    from cftools.sandbox import ManualClock, Sandbox, SyncASGITransport

    rng = random.Random(1)
    scripts = [f"{rng.choice('12')} {rng.randint(1, 10)}" for _ in range(recipients)]
    counted = os.path.exists("/proc/self/stat")
    print(
        f"engine: a {recipients}-recipient IVR broadcast, CPU of this process"
        + (" + the JavaScript worker" if counted else " only (no /proc: worker not counted)")
    )
    print(
        f"{'dialplan':20} {'sandbox calls/CPU-s':>20} {'simulate() calls/CPU-s':>23} {'ratio':>7}"
    )
    for label, xml in DIALPLANS.items():
        plan = parse(xml)
        simulate(plan, ["1", "5"], check=False)  # start the worker before the clock
        start = cpu_now()
        for script in scripts:
            simulate(plan, script.split(), check=False)
        bare = sum(cpu_since(start))

        sandbox = Sandbox(clock=ManualClock(), seed=0)
        transport = SyncASGITransport(sandbox.app)
        with Client(
            "sandbox", "sandbox", base_url="http://localhost/v2", transport=transport
        ) as api:
            keys = [{"sandbox.keys": script} for script in scripts]
            body = {
                "name": "bench",
                "dialplanXml": xml,
                "recipients": [
                    # 0100-0199: answered live, so every call runs the dialplan
                    {"phoneNumber": f"1213{500 + n // 100}01{n % 100:02d}", "attributes": keys[n]}
                    for n in range(recipients)
                ],
            }
            id = api.create_call_broadcast(body)["id"]
            api.start_voice_broadcast(id)
            start = cpu_now()
            sandbox.advance(24 * 3600)
            spent = sum(cpu_since(start))
            assert api.get_call_broadcast(id)["status"] == "FINISHED"
            stats = api.get_call_broadcast_stats(id)
            assert stats["remainingOutboundCount"] == 0, stats
        sandbox.close()
        line = f"{label:20} {recipients / spent:20.0f} {recipients / bare:23.0f}"
        print(line + f" {(recipients / spent) / (recipients / bare):7.2f}")
        assert stats["liveCount"] == recipients, stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--figure", choices=("all", "http", "engine"), default="all")
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--calls", type=int, default=1000, help="calls stored in the sandbox")
    parser.add_argument("--cap", type=int, default=200_000, help="most requests per round")
    args = parser.parse_args()
    if args.figure in ("all", "engine"):
        engine_figure(args.recipients)
        if args.figure == "engine":
            return
        print()

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
