"""What the request checks cost, against a raw httpx request to a local server.

    PYTHONPATH=src python benchmarks/bench_checks.py [--rounds N]

For a few typical requests (a GET by id, a search with seven filters, sendCalls with ten
recipients, the seed's call broadcast and number config bodies) it times
``check_request`` alone, and the same request sent with a bare ``httpx.Client`` to a
local HTTP server started here; it prints both and their ratio. The client's budget
for everything it adds is 10% of the raw request.
"""

from __future__ import annotations

import argparse
import json
import threading
import timeit
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

from cftools.spec._checks import check_request
from cftools.spec._operations import OPERATIONS

SEED = Path(__file__).resolve().parent.parent / "tests" / "client" / "data" / "seed_requests.json"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        payload = b'{"items":[],"totalCount":0}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, format: str, *args: Any) -> None:
        return


def seed_body(operation_id: str) -> Any:
    examples = json.loads(SEED.read_text(encoding="utf-8"))
    return next(e["body"] for e in examples if e["operation_id"] == operation_id)


def cases() -> list[tuple[str, str, dict[str, Any], Any]]:
    recipient = {
        "phoneNumber": "12135551100",
        "liveMessage": "Hello, this is a live answer",
        "machineMessage": "Hello, this is a machine answer",
        "attributes": {"external_id": "30005044"},
    }
    return [
        ("getCall", "/calls/379506003", {"id": 379506003}, None),
        (
            "findCalls",
            "/calls",
            {
                "limit": 10,
                "offset": 0,
                "states": "READY,FINISHED",
                "fromNumber": "12135551126",
                "inbound": True,
                "id": [1, 2, 3],
                "campaignId": 5,
            },
            None,
        ),
        ("sendCalls", "/calls", {"defaultVoice": "MALE1"}, [recipient] * 10),
        ("createCallBroadcast", "/calls/broadcasts", {}, seed_body("createCallBroadcast")),
        (
            "updateNumberLeaseConfig",
            "/numbers/leases/configs/19206596476",
            {"number": "19206596476"},
            seed_body("updateNumberLeaseConfig"),
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2000)
    rounds = parser.parse_args().rounds
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/v2"
    print(f"{'request':26} {'raw httpx':>11} {'checks':>9} {'ratio':>7}")
    with httpx.Client(base_url=base) as client:
        for operation_id, path, params, body in cases():
            operation = OPERATIONS[operation_id]
            query = {k: v for k, v in params.items() if f"{{{k}}}" not in operation.path}

            def raw(
                method: str = operation.method,
                path: str = path,
                query: dict[str, Any] = query,
                body: Any = body,
            ) -> None:
                client.request(method, path, params=query, json=body).raise_for_status()

            def checks(
                operation: Any = operation, params: dict[str, Any] = params, body: Any = body
            ) -> None:
                check_request(operation, params, body=body)

            raw()
            checks()
            http_s = min(timeit.repeat(raw, number=rounds // 10, repeat=3)) / (rounds // 10)
            check_s = min(timeit.repeat(checks, number=rounds, repeat=3)) / rounds
            print(
                f"{operation_id:26} {http_s * 1e6:9.1f}us {check_s * 1e6:7.1f}us "
                f"{check_s / http_s:7.2%}"
            )
    server.shutdown()


if __name__ == "__main__":
    main()
