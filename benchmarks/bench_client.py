"""What cftools adds to a request, measured against raw httpx in the same run.

A local HTTP/1.1 server (a thread in this process, keep-alive) answers every request
with a realistic ``findCalls`` page. Every side makes the same request over a warm
connection and decodes the JSON:

* raw httpx, as one would write it: ``client.get(url, params=query).json()``;
* raw httpx, the leanest call there is: the URL with its query encoded once, outside the
  loop, so all per-call work of cftools (encoding included) counts against it;
* cftools: ``Client.find_calls(...)`` with validation on and ``project=True``.

Rounds alternate between the sides so drift affects all alike; each round gives the
mean wall-clock and CPU time per call, and the script prints the best and the median
round of each (the best is the least disturbed by other load, as with ``timeit``; CPU
time is not inflated by waiting for a busy machine). Target: ratio <= 1.10.

    PYTHONPATH=src python benchmarks/bench_client.py [--calls 300] [--rounds 15] [--items 20]
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from cftools.client import Client

FIELDS = "totalCount,items(id,fromNumber,toNumber,state,finalCallResult,created,contact/id)"
QUERY = {"limit": 20, "states": "FINISHED", "campaignId": 0, "fields": FIELDS}


def call(i: int) -> dict[str, Any]:
    """One call as CallFire describes it (the Call model of the spec)."""
    return {
        "id": 1_200_000_000 + i,
        "fromNumber": "12135551189",
        "toNumber": f"1213555{1000 + i:04d}",
        "state": "FINISHED",
        "campaignId": 0,
        "batchId": 4_500_001,
        "contact": {
            "id": 300_000 + i,
            "homePhone": f"1213555{1000 + i:04d}",
            "firstName": "Ada",
            "lastName": "Lovelace",
            "properties": {"segment": "b2b", "region": "west"},
        },
        "inbound": False,
        "created": 1_473_781_817_000 + i * 1000,
        "modified": 1_473_781_877_000 + i * 1000,
        "finalCallResult": "LA",
        "records": [
            {
                "id": 9_000_000 + i,
                "billedAmount": 1.1667,
                "finishTime": 1_473_781_877_000,
                "callResult": "LA",
                "questionResponses": [{"question": "Press 1", "response": "1"}],
                "originateTime": 1_473_781_817_000,
                "answerTime": 1_473_781_820_000,
                "duration": 57,
                "recordings": [],
            }
        ],
        "agentCall": False,
        "attributes": {"order": f"A-{i}"},
        "labels": ["reminders", "q3"],
    }


def page(items: int) -> bytes:
    body = {
        "items": [call(i) for i in range(items)],
        "limit": items,
        "offset": 0,
        "totalCount": 1845,
    }
    return json.dumps(body).encode()


def serve(body: bytes) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out as two writes

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def per_call(fn: Callable[[], Any], calls: int) -> tuple[float, float]:
    """Mean wall-clock and CPU seconds per call (CPU of the whole process, so the
    server thread's share, the same for every side, is included)."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - wall) / calls, (time.process_time() - cpu) / calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=300, help="calls per round and side")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--items", type=int, default=20, help="calls in the page")
    args = parser.parse_args()

    body = page(args.items)
    server = serve(body)
    base_url = f"http://127.0.0.1:{server.server_address[1]}/v2"
    raw = httpx.Client(auth=("bench-user", "bench-pass"), timeout=30.0)
    client = Client("bench-user", "bench-pass", base_url=base_url, timeout=30.0)
    url = str(httpx.URL(f"{base_url}/calls", params=QUERY))

    def raw_params() -> Any:
        response = raw.get(f"{base_url}/calls", params=QUERY)
        response.raise_for_status()
        return response.json()

    def raw_url() -> Any:  # the leanest raw call: the URL, query included, encoded once
        response = raw.get(url)
        response.raise_for_status()
        return response.json()

    def through_cftools() -> Any:
        return client.find_calls(
            limit=20, states="FINISHED", campaign_id=0, fields=FIELDS, project=True
        )

    sides: dict[str, Callable[[], Any]] = {
        "raw httpx: get(url, params=...).json()": raw_params,
        "raw httpx: get(encoded_url).json()": raw_url,
        "cftools: find_calls(..., project=True)": through_cftools,
    }
    assert len(through_cftools()["items"]) == args.items
    for fn in sides.values():  # warm up every path and the connections
        per_call(fn, 20)
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
    for _ in range(args.rounds):
        for name, fn in sides.items():
            results[name].append(per_call(fn, args.calls))
    raw.close()
    client.close()
    server.shutdown()

    def figures(name: str) -> tuple[float, float, float, float]:
        wall = [w for w, _ in results[name]]
        cpu = [c for _, c in results[name]]
        return min(wall), statistics.median(wall), min(cpu), statistics.median(cpu)

    print(f"findCalls page: {args.items} calls, {len(body)} bytes of JSON; validation on")
    print(f"{args.rounds} alternating rounds of {args.calls} calls per side; us per call")
    print(f"{'':42}{'wall best':>11}{'median':>9}{'CPU best':>10}{'median':>9}")
    for name in sides:
        print(
            f"{name:42}"
            + "".join(
                f"{v * 1e6:{w}.1f}" for v, w in zip(figures(name), (11, 9, 10, 9), strict=True)
            )
        )
    mine = figures(list(sides)[2])
    for name in list(sides)[:2]:
        base = figures(name)
        ratios = ", ".join(
            f"{label} {m / b:.3f}"
            for label, m, b in zip(
                ("wall best", "wall median", "CPU best", "CPU median"), mine, base, strict=True
            )
        )
        print(f"cftools / {name.split(':')[1].strip()}: {ratios}")
    print("target: cftools / raw <= 1.10")


if __name__ == "__main__":
    main()
