"""What cftools adds to a request, measured against raw httpx in the same run.

A local HTTP/1.1 server (a thread in this process, keep-alive) answers every request
with a realistic ``findCalls`` page. Both sides make the same request over a warm
connection and decode the JSON:

* baseline: ``httpx.Client.get(url).json()`` with Basic auth, the URL encoded once;
* cftools:  ``Client.find_calls(...)`` with validation on and ``project=True``.

Rounds alternate between the two so drift affects both alike; each round gives the mean
time per call, and the script prints the best and the median round of each side (the
best is the least disturbed by other load, as with ``timeit``). Target: ratio <= 1.10.

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


def per_call(fn: Callable[[], Any], calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - start) / calls


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

    # The baseline's URL, query included, is encoded once: the leanest raw call there is,
    # so everything cftools does per call (encoding, checks, projection) counts against it.
    url = str(httpx.URL(f"{base_url}/calls", params=QUERY))

    def baseline() -> Any:
        response = raw.get(url)
        response.raise_for_status()
        return response.json()

    def through_cftools() -> Any:
        return client.find_calls(
            limit=20, states="FINISHED", campaign_id=0, fields=FIELDS, project=True
        )

    assert len(through_cftools()["items"]) == args.items  # warm both connections
    baseline()
    raw_times, cf_times = [], []
    for _ in range(args.rounds):
        raw_times.append(per_call(baseline, args.calls))
        cf_times.append(per_call(through_cftools, args.calls))
    raw.close()
    client.close()
    server.shutdown()

    print(f"findCalls page: {args.items} calls, {len(body)} bytes of JSON")
    print(f"rounds: {args.rounds} x {args.calls} calls per side, alternating")
    print(f"{'':42}{'best':>10}{'median':>10}  (us/call)")
    for label, times in (
        ("raw httpx.Client.get(url).json()", raw_times),
        ("cftools find_calls (checked, projected)", cf_times),
    ):
        print(f"{label:42}{min(times) * 1e6:10.1f}{statistics.median(times) * 1e6:10.1f}")
    best = min(cf_times) / min(raw_times)
    typical = statistics.median(cf_times) / statistics.median(raw_times)
    print(f"ratio cftools / raw: best {best:.3f}, median {typical:.3f}  (target <= 1.10)")


if __name__ == "__main__":
    main()
