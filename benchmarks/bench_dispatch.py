"""What the keyword-suggestion wrapper adds to a named-method call, in the same run.

Every named method of ``Client`` and ``AsyncClient`` is wrapped at class creation so a
misspelt keyword gets a suggestion (``cftools.client._names``). This measures that
wrapper on its own: the same ``find_calls(...)`` call through the wrapped method and
through the generated one it wraps (``__wrapped__``), with ``_call`` replaced by a stub
so nothing else is timed; then the same difference set against a whole call over
``httpx.MockTransport`` (checks, encoding, decoding, projection), which is what a user
pays per request without a network.

    PYTHONPATH=src python benchmarks/bench_dispatch.py [--calls 200000] [--rounds 7]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Callable
from typing import Any

import httpx

from cftools.client import AsyncClient, Client

PAGE = {"items": [{"id": i, "state": "FINISHED"} for i in range(20)], "totalCount": 20}


def _best(run: Callable[[int], None], calls: int, rounds: int) -> tuple[float, float]:
    """Best and median microseconds per call over ``rounds`` rounds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run(calls)
        times.append((time.perf_counter() - start) / calls * 1e6)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    def stub(*_: Any, **__: Any) -> None:
        return None

    async def astub(*_: Any, **__: Any) -> None:
        return None

    client = Client("u", "p", transport=httpx.MockTransport(lambda r: httpx.Response(200)))
    client._call = stub  # type: ignore[method-assign]
    wrapped = client.find_calls
    bare = Client.find_calls.__wrapped__  # type: ignore[attr-defined]

    def run_wrapped(n: int) -> None:
        for _ in range(n):
            wrapped(campaign_id=5, states="FINISHED", limit=20)

    def run_bare(n: int) -> None:
        for _ in range(n):
            bare(client, campaign_id=5, states="FINISHED", limit=20)

    aclient = AsyncClient("u", "p")
    aclient._call = astub  # type: ignore[method-assign]
    awrapped = aclient.find_calls
    abare = AsyncClient.find_calls.__wrapped__  # type: ignore[attr-defined]

    def run_async(method: Callable[..., Any], *first: Any) -> Callable[[int], None]:
        async def loop(n: int) -> None:
            for _ in range(n):
                await method(*first, campaign_id=5, states="FINISHED", limit=20)

        return lambda n: asyncio.run(loop(n))

    real = Client("u", "p", transport=httpx.MockTransport(lambda r: httpx.Response(200, json=PAGE)))

    def run_real(n: int) -> None:
        for _ in range(n):
            real.find_calls(campaign_id=5, states="FINISHED", limit=20, fields="items(id)")

    calls, rounds = args.calls, args.rounds
    rows = []
    for label, run, n in (
        ("sync, generated method (baseline)", run_bare, calls),
        ("sync, wrapped method", run_wrapped, calls),
        ("async, generated method (baseline)", run_async(abare, aclient), calls // 4),
        ("async, wrapped method", run_async(awrapped), calls // 4),
        ("sync, whole call over MockTransport", run_real, max(calls // 200, 200)),
    ):
        rows.append((label, *_best(run, n, rounds)))
    print(f"{rounds} rounds; us per call (best, median)")
    for label, best, median in rows:
        print(f"{label:40s} {best:9.3f} {median:9.3f}")
    sync_extra = rows[1][1] - rows[0][1]
    async_extra = rows[3][1] - rows[2][1]
    print(f"wrapped / generated, sync: {rows[1][1] / rows[0][1]:.2f} (+{sync_extra:.3f} us)")
    print(f"wrapped / generated, async: {rows[3][1] / rows[2][1]:.2f} (+{async_extra:.3f} us)")
    print(f"sync wrapper cost / whole call over MockTransport: {sync_extra / rows[4][1]:.4f}")


if __name__ == "__main__":
    main()
