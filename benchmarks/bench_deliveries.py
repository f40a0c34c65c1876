"""What webhook deliveries cost the sandbox, against baselines measured in the same run.

1. The cost an event pays on the thread that emits it (a request, a tick), per event:
   an ``EventBus`` with one subscriber that does nothing (the baseline), then the
   sandbox's bus with its ``Deliveries`` and no webhook, then with one matching webhook
   (whose callback is refused before any request, so only the subscriber's own work is
   timed: the store query, ``fields``, the JSON body, the signature, the log).
2. Deliveries per second to a receiver on loopback (a uvicorn process answering 204),
   against the same POSTs sent one after the other by a bare httpx transport.

    PYTHONPATH=src python benchmarks/bench_deliveries.py [--events N] [--posts N] [--rounds N]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

from cftools.sandbox import Event, EventBus, ManualClock, Sandbox

HERE = Path(__file__).resolve().parent


async def app(scope: dict[str, object], receive: object, send: object) -> None:
    """The receiver: 204 to everything (a raw ASGI app: nothing between it and uvicorn)."""
    if scope["type"] != "http":
        return
    while True:  # read the body
        message = await receive()  # type: ignore[operator]
        if not message.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 204, "headers": []})  # type: ignore[operator]
    await send({"type": "http.response.body", "body": b""})  # type: ignore[operator]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def doc(number: int) -> dict[str, object]:
    return {"id": number, "toNumber": "12135551100", "state": "FINISHED", "records": []}


def per_event(emit: object, events: int) -> float:
    started = time.perf_counter()
    for number in range(events):
        emit(Event("OutboundCall", "finished", doc(number), 0))  # type: ignore[operator]
    return (time.perf_counter() - started) / events


def hooked(callback: str) -> Sandbox:
    sandbox = Sandbox(clock=ManualClock())
    with sandbox.store.transaction() as tx:
        hook = {"id": 1, "name": "calls", "resource": "OutboundCall", "events": ["finished"]}
        hook.update(enabled=True, callback=callback, secret="bench-secret", fields="id,state")
        tx.put("webhook", hook)
    return sandbox


def emit_costs(events: int) -> None:
    bus = EventBus()
    bus.subscribe(lambda event: None)
    base = per_event(bus.emit, events)
    bare = Sandbox(clock=ManualClock())
    none = per_event(bare.events.emit, events)
    bare.close()
    matching = hooked("ftp://refused.invalid/")
    one = per_event(matching.events.emit, events)
    matching.close()
    print(f"emit, per event ({events} events):")
    print(f"  bus with a no-op subscriber   {base * 1e6:8.2f} us   1.00x")
    print(f"  sandbox, no webhook           {none * 1e6:8.2f} us   {none / base:6.2f}x")
    print(f"  sandbox, one matching webhook {one * 1e6:8.2f} us   {one / base:6.2f}x")


def bare_posts(url: str, posts: int) -> float:
    transport = httpx.HTTPTransport(retries=0)
    body = b'{"resourceType":"OutboundCall","events":[]}' * 4
    started = time.perf_counter()
    for _ in range(posts):
        response = transport.handle_request(httpx.Request("POST", url, content=body))
        response.read()  # so that the connection is kept
        response.close()
    rate = posts / (time.perf_counter() - started)
    transport.close()
    return rate


def sandbox_posts(url: str, posts: int) -> float:
    sandbox = hooked(url)
    started = time.perf_counter()
    for number in range(posts):
        sandbox.events.emit(Event("OutboundCall", "finished", doc(number), 0))
    assert sandbox.deliveries.wait_idle(120)
    rate = posts / (time.perf_counter() - started)
    delivered = len(sandbox.deliveries.log(status="delivered"))
    sandbox.close()
    assert delivered == posts, f"only {delivered} of {posts} delivered"
    return rate


def delivery_rate(posts: int, rounds: int) -> None:
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "--app-dir", str(HERE), "bench_deliveries:app"]
    command += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    server = subprocess.Popen(command)
    url = f"http://127.0.0.1:{port}/hook"
    try:
        for _ in range(200):  # until it listens
            try:
                bare_posts(url, 1)
                break
            except httpx.ConnectError:
                time.sleep(0.05)
        bare, ours = [], []
        for _ in range(rounds):  # alternated, so that drift affects both alike
            bare.append(bare_posts(url, posts))
            ours.append(sandbox_posts(url, posts))
        base, rate = statistics.median(bare), statistics.median(ours)
        print(f"POSTs per second to a loopback receiver ({posts} POSTs, median of {rounds}):")
        print(f"  bare httpx transport          {base:8.0f} /s   1.00x")
        print(f"  sandbox deliveries            {rate:8.0f} /s   {rate / base:6.2f}x")
    finally:
        server.terminate()
        server.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--posts", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    emit_costs(args.events)
    delivery_rate(args.posts, args.rounds)


if __name__ == "__main__":
    main()
