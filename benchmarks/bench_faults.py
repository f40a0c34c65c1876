"""What the fault layer costs a request that it lets through, in one run.

The sandbox is called in-process (``httpx.ASGITransport``, no socket, so the figure is
the application's own work) with ``getAccount`` for a fixed ``--seconds``, under four
plans: none (the baseline: the layer is skipped), a rule that matches and injects
nothing, a rate limit that never refuses (the sliding window kept for every request),
and a rule for another operation. Rounds alternate between the plans so drift affects
all alike; it prints the median requests per CPU second of each and its ratio to
the baseline (target: >= 0.95 for each).

    PYTHONPATH=src python benchmarks/bench_faults.py [--seconds 2] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Callable

import httpx

from cftools.sandbox import Faults, Sandbox

PLANS: dict[str, Callable[[Faults], None]] = {
    "no plan (baseline)": lambda faults: faults.clear(),
    "a rule injecting nothing": lambda faults: faults.configure(seed=1),
    "rate limit never reached": lambda faults: faults.configure(rate_limit=1e9, seed=1),
    "a rule for another operation": lambda faults: faults.configure(
        errors_before=1.0, operations=["sendCalls"], seed=1
    ),
}


async def rate(sandbox: Sandbox, seconds: float) -> float:
    """Requests answered 200 by ``sandbox`` per second of this process's CPU time, over
    ``seconds`` of wall time (CPU time: the machine's other load does not count)."""
    transport = httpx.ASGITransport(app=sandbox.app)
    async with httpx.AsyncClient(
        base_url="http://localhost", auth=sandbox.credentials, transport=transport
    ) as http:
        done = 0
        deadline = time.perf_counter() + seconds
        cpu = time.process_time()
        while time.perf_counter() < deadline:
            answer = await http.get("/v2/me/account")
            assert answer.status_code == 200, answer.text
            done += 1
        return done / (time.process_time() - cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sandbox = Sandbox()
    rates: dict[str, list[float]] = {name: [] for name in PLANS}
    for _ in range(args.rounds):
        for name, plan in PLANS.items():
            plan(sandbox.faults)
            rates[name].append(asyncio.run(rate(sandbox, args.seconds)))
    baseline = statistics.median(rates["no plan (baseline)"])
    print(f"getAccount in-process, {args.rounds} rounds of {args.seconds:g} s, median:")
    for name, values in rates.items():
        median = statistics.median(values)
        print(f"  {name:<30} {median:8.0f} req/CPU-s   x{median / baseline:.2f}")
    sandbox.close()


if __name__ == "__main__":
    main()
