"""Faults on demand: rate limits, 5xx before and after the work, latency, dropped connections.

Every kind is checked over a real uvicorn server and in-process; the draws are checked
against an independent ``random.Random`` with the same seed.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

pytest.importorskip("starlette")

from cftools.sandbox import (
    DroppedConnection,
    FaultPlanError,
    FaultRule,
    Faults,
    Sandbox,
    SandboxServer,
    SyncASGITransport,
)

NEW_LIST = {"name": "VIP", "contactNumbers": ["12135551100"]}


@dataclass
class Site:
    sandbox: Sandbox
    http: httpx.Client  # authenticated, base URL ends in /v2's parent

    def count(self, kind: str) -> int:
        with self.sandbox.store.transaction(write=False) as tx:
            return tx.find(kind, limit=0)[1]


@pytest.fixture(params=["uvicorn", "inprocess"])
def site(request: pytest.FixtureRequest) -> Iterator[Site]:
    if request.param == "uvicorn":
        with SandboxServer() as server:
            root = server.url.removesuffix("/v2")
            with httpx.Client(base_url=root, auth=server.sandbox.credentials) as http:
                yield Site(server.sandbox, http)
            server.sandbox.close()
    else:
        sandbox = Sandbox()
        transport = SyncASGITransport(sandbox.app)
        with httpx.Client(
            base_url="http://localhost", auth=sandbox.credentials, transport=transport
        ) as http:
            yield Site(sandbox, http)
        sandbox.close()


@pytest.fixture
def local() -> Iterator[Site]:
    sandbox = Sandbox()
    transport = SyncASGITransport(sandbox.app)
    with httpx.Client(
        base_url="http://localhost", auth=sandbox.credentials, transport=transport
    ) as http:
        yield Site(sandbox, http)
    sandbox.close()


# -- every kind, over uvicorn and in-process ----------------------------------------------


def test_errors_before_answer_503_and_change_nothing(site: Site) -> None:
    site.sandbox.faults.configure(errors_before=1.0, seed=1)
    answer = site.http.post("/v2/contacts/lists", json=NEW_LIST)
    assert answer.status_code == 503
    assert answer.json() == {
        "httpStatusCode": 503,
        "internalCode": 0,
        "message": "service unavailable (a fault injected before the request was handled)",
    }
    assert site.count("contact_list") == 0
    assert site.sandbox.faults.status()["counts"]["errorsBefore"] == 1


def test_errors_after_answer_502_once_the_work_is_committed(site: Site) -> None:
    site.sandbox.faults.configure(errors_after=1.0, seed=1)
    answer = site.http.post("/v2/contacts/lists", json=NEW_LIST)
    assert answer.status_code == 502
    assert answer.json()["httpStatusCode"] == 502
    assert site.count("contact_list") == 1
    assert site.sandbox.faults.status()["counts"]["errorsAfter"] == 1


def test_drop_before_closes_the_connection_without_an_answer(site: Site) -> None:
    site.sandbox.faults.configure(drop_before=1.0, seed=1)
    with pytest.raises(httpx.RemoteProtocolError):
        site.http.post("/v2/contacts/lists", json=NEW_LIST)
    assert site.count("contact_list") == 0
    site.sandbox.faults.clear()
    assert site.http.get("/v2/me/account").status_code == 200  # the server lives on


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_drop_after_closes_the_connection_once_the_work_is_committed(site: Site) -> None:
    site.sandbox.faults.configure(drop_after=1.0, seed=1)
    server_log = Records()  # uvicorn's loggers do not propagate to caplog's
    logging.getLogger("uvicorn.error").addHandler(server_log)
    try:
        with pytest.raises(httpx.RemoteProtocolError):
            site.http.post("/v2/contacts/lists", json=NEW_LIST)
    finally:
        logging.getLogger("uvicorn.error").removeHandler(server_log)
    assert site.count("contact_list") == 1
    assert site.sandbox.faults.status()["counts"]["dropsAfter"] == 1
    site.sandbox.faults.clear()
    assert site.http.get("/v2/me/account").status_code == 200  # a new connection is fine
    assert server_log.records == []  # uvicorn saw a lost connection, not an error


def test_latency_delays_the_answer(site: Site) -> None:
    site.sandbox.faults.configure(latency_ms=150)
    started = time.monotonic()
    answer = site.http.get("/v2/me/account")
    assert answer.status_code == 200
    assert time.monotonic() - started >= 0.15
    assert site.sandbox.faults.status()["counts"]["delayed"] == 1


def test_latency_after_answers_late_for_work_already_done(site: Site) -> None:
    site.sandbox.faults.configure(latency_after_ms=150, operations=["createContactList"])
    started = time.monotonic()
    answer = site.http.post("/v2/contacts/lists", json={"name": "late"})
    assert answer.status_code == 200 and "id" in answer.json()
    assert time.monotonic() - started >= 0.15
    assert site.count("contact_list") == 1
    counts = site.sandbox.faults.status()["counts"]
    assert (counts["delayedAfter"], counts["delayed"]) == (1, 0)


def test_a_client_that_gives_up_during_latency_after_leaves_the_work_done() -> None:
    # The case a read timeout cannot settle: the client saw nothing, the server did it.
    with SandboxServer() as server:
        server.sandbox.faults.configure(latency_after_ms=600, operations=["createContactList"])
        root = server.url.removesuffix("/v2")
        timeout = httpx.Timeout(5.0, read=0.1)
        auth = server.sandbox.credentials
        with (
            httpx.Client(base_url=root, auth=auth, timeout=timeout) as http,
            pytest.raises(httpx.ReadTimeout),
        ):
            http.post("/v2/contacts/lists", json={"name": "done anyway"})
        with server.sandbox.store.transaction(write=False) as tx:
            (made,), _ = tx.find("contact_list")
        assert made["name"] == "done anyway"
        server.sandbox.close()


def test_latency_after_also_delays_an_error_after_the_work(local: Site) -> None:
    local.sandbox.faults.configure(latency_after_ms=100, errors_after=1.0, seed=1)
    started = time.monotonic()
    assert local.http.post("/v2/contacts/lists", json={"name": "x"}).status_code == 502
    assert time.monotonic() - started >= 0.1
    assert local.count("contact_list") == 1


def test_a_rate_limit_answers_429_with_an_honest_retry_after(site: Site) -> None:
    site.sandbox.faults.configure(rate_limit=3)
    answers = [site.http.get("/v2/me/account") for _ in range(5)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429, 429]
    refused = answers[3]
    assert refused.headers["Retry-After"] == "1"
    assert refused.json()["httpStatusCode"] == 429
    assert "try again in 1 s" in refused.json()["message"]
    assert site.sandbox.faults.status()["counts"]["rateLimited"] == 2


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        ({"errors_before": 1.0}, 503),
        ({"errors_after": 1.0}, 502),
        ({"rate_limit": 1}, 429),
        ({"drop_before": 1.0}, httpx.RemoteProtocolError),
        ({"drop_after": 1.0}, httpx.RemoteProtocolError),
    ],
)
def test_a_large_body_gets_its_fault_like_any_other(
    site: Site, fault: dict[str, float], expected: int | type[Exception]
) -> None:
    # The sandbox reads the body before answering early or dropping: the client sees the
    # fault, not a reset in the middle of its write.
    body = json.dumps({"name": "x" * 3_000_000, "contactNumbers": ["12135551100"]}).encode()
    headers = {"Content-Type": "application/json"}
    site.sandbox.faults.configure(**fault, operations=["createContactList"])  # type: ignore[arg-type]
    if fault == {"rate_limit": 1}:
        site.http.post("/v2/contacts/lists", json=NEW_LIST)
    http = httpx.Client(
        base_url=site.http.base_url,
        auth=site.sandbox.credentials,
        transport=site.http._transport,
        timeout=10,
    )
    if isinstance(expected, int):
        assert (
            http.post("/v2/contacts/lists", content=body, headers=headers).status_code == expected
        )
    else:
        with pytest.raises(expected):
            http.post("/v2/contacts/lists", content=body, headers=headers)


def test_control_endpoints_are_never_faulted(site: Site) -> None:
    site.sandbox.faults.configure(errors_before=1.0, rate_limit=1)
    for _ in range(3):
        assert site.http.get("/_sandbox/faults").status_code == 200
    assert site.http.get("/v2/no/such/path").status_code == 404
    assert site.sandbox.faults.status()["counts"]["requests"] == 0


def test_the_async_transport_sees_a_drop_as_a_protocol_error() -> None:
    sandbox = Sandbox()
    sandbox.faults.configure(drop_after=1.0)

    async def run() -> None:
        transport = httpx.ASGITransport(app=sandbox.app)
        async with httpx.AsyncClient(
            base_url="http://localhost", auth=sandbox.credentials, transport=transport
        ) as http:
            with pytest.raises(DroppedConnection) as caught:
                await http.post("/v2/contacts/lists", json=NEW_LIST)
            assert isinstance(caught.value, httpx.RemoteProtocolError)
            assert "createContactList" in str(caught.value)

    asyncio.run(run())
    with sandbox.store.transaction(write=False) as tx:
        assert tx.find("contact_list", limit=0)[1] == 1
    sandbox.close()


# -- the plan: draws, counters, scope, reset ----------------------------------------------


def test_draws_follow_the_seed_exactly(local: Site) -> None:
    local.sandbox.faults.configure(errors_before=0.2, errors_after=0.3, seed=42)
    statuses = [local.http.get("/v2/me/account").status_code for _ in range(40)]
    draws = random.Random(42)
    expected = []
    for _ in range(40):
        u = draws.random()
        expected.append(503 if u < 0.2 else 502 if u < 0.5 else 200)
    assert statuses == expected
    counts = local.sandbox.faults.status()["counts"]
    assert counts["requests"] == 40
    assert counts["errorsBefore"] == expected.count(503)
    assert counts["errorsAfter"] == expected.count(502)
    assert local.sandbox.faults.status()["seed"] == 42


def test_bands_follow_the_documented_order() -> None:
    rule = FaultRule.build(drop_before=0.1, errors_before=0.1, drop_after=0.1, errors_after=0.1)
    assert [rule.pick(u) for u in (0.05, 0.15, 0.25, 0.35, 0.45)] == [
        "drop_before",
        "errors_before",
        "drop_after",
        "errors_after",
        None,
    ]


def test_a_random_seed_is_shown_so_a_run_can_be_replayed() -> None:
    faults = Faults()
    faults.configure(errors_before=0.5)
    seed = faults.status()["seed"]
    assert isinstance(seed, int)
    first = [faults._decide("getAccount").before for _ in range(20)]
    faults.configure(errors_before=0.5, seed=seed)
    assert [faults._decide("getAccount").before for _ in range(20)] == first


def test_rules_apply_to_the_operations_they_name(local: Site) -> None:
    faults = local.sandbox.faults
    faults.configure(errors_before=1.0, operations=["create_contact_list"])
    assert local.http.get("/v2/me/account").status_code == 200
    assert local.http.post("/v2/contacts/lists", json=NEW_LIST).status_code == 503
    assert faults.rules[0].operations == frozenset({"createContactList"})
    assert faults.status()["counts"]["requests"] == 1


def test_several_rules_stack(local: Site) -> None:
    faults = local.sandbox.faults
    faults.configure(latency_ms=1, seed=3)
    faults.add(errors_after=1.0, operations=["createContactList"])
    assert local.http.get("/v2/me/account").status_code == 200
    assert local.http.post("/v2/contacts/lists", json=NEW_LIST).status_code == 502
    status = faults.status()
    assert [rule["counts"]["requests"] for rule in status["rules"]] == [2, 1]
    assert status["counts"] == {
        "requests": 3,
        "rateLimited": 0,
        "errorsBefore": 0,
        "errorsAfter": 1,
        "dropsBefore": 0,
        "dropsAfter": 0,
        "delayed": 2,
        "delayedAfter": 0,
    }


def test_the_first_rule_that_picks_a_fault_wins() -> None:
    faults = Faults()
    faults.configure(errors_before=1.0, seed=0)
    faults.add(drop_after=1.0)
    verdict = faults._decide("getAccount")
    assert (verdict.before, verdict.after) == ("errors_before", None)
    assert [rule["counts"]["requests"] for rule in faults.status()["rules"]] == [1, 1]


def test_reset_clears_the_faults(local: Site) -> None:
    local.sandbox.faults.configure(errors_before=1.0)
    local.sandbox.reset()
    assert not local.sandbox.faults.active
    assert local.http.get("/v2/me/account").status_code == 200
    local.sandbox.faults.configure(errors_before=1.0)
    assert local.http.post("/_sandbox/reset").status_code == 204
    assert local.sandbox.faults.status()["rules"] == []


class FakeWall:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_rate_window_slides_and_retry_after_is_when_a_slot_frees() -> None:
    wall = FakeWall()
    faults = Faults(monotonic=wall)
    faults.configure(rate_limit=2)
    assert faults._decide("getAccount").retry_after is None  # t=100.0
    wall.now = 100.6
    assert faults._decide("getAccount").retry_after is None
    wall.now = 100.7
    assert faults._decide("getAccount").retry_after == pytest.approx(0.3)
    wall.now = 101.0  # the first left the window
    assert faults._decide("getAccount").retry_after is None
    assert faults._decide("getAccount").retry_after == pytest.approx(0.6)
    assert faults.status()["counts"]["rateLimited"] == 2


def test_a_rate_below_one_a_second_allows_one_request_per_period() -> None:
    wall = FakeWall()
    faults = Faults(monotonic=wall)
    faults.configure(rate_limit=0.25)  # one every 4 seconds
    assert faults._decide("getAccount").retry_after is None
    wall.now += 3
    assert faults._decide("getAccount").retry_after == pytest.approx(1.0)
    wall.now += 1
    assert faults._decide("getAccount").retry_after is None


# -- refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keywords", "message"),
    [
        ({"errors_before": 1.5}, r"errors_before=1\.5: a share of requests is a number from 0"),
        ({"drop_after": -0.1}, r"drop_after=-0\.1: a share"),
        ({"errors_after": True}, r"errors_after=True: a share"),
        ({"errors_before": 0.6, "errors_after": 0.6}, r"add up to more than 1"),
        ({"rate_limit": -1}, r"rate_limit=-1: a rate limit is a number of requests a second"),
        ({"rate_limit": 0}, r"rate_limit=0: .*more than 0"),
        ({"rate_limit": float("inf")}, r"rate_limit=inf"),
        ({"latency_ms": -5}, r"latency_ms=-5: a latency is a whole number"),
        ({"latency_ms": 1.5}, r"latency_ms=1\.5"),
        ({"latency_after_ms": -2}, r"latency_after_ms=-2: a latency is a whole number"),
        ({"operations": ["sendCall"]}, r"no operation 'sendCall'.*did you mean 'sendCalls'"),
        ({"operations": ["send_call"]}, r"did you mean [^?]*'send_calls'"),
        ({"operations": []}, r"name at least one operation"),
        ({"seed": "x"}, r"seed='x': a seed is a whole number"),
    ],
)
def test_a_bad_plan_is_refused_and_changes_nothing(
    keywords: dict[str, object], message: str
) -> None:
    faults = Faults()
    faults.configure(latency_ms=1, seed=5)
    with pytest.raises(FaultPlanError, match=message):
        faults.configure(**keywords)  # type: ignore[arg-type]
    with pytest.raises(FaultPlanError, match=message):
        faults.add(**keywords)  # type: ignore[arg-type]
    assert faults.rules == (FaultRule(latency_ms=1),)
    assert faults.status()["seed"] == 5


def test_a_rule_built_directly_is_checked_too() -> None:
    with pytest.raises(FaultPlanError, match=r"errors_before=2: a share"):
        FaultRule(errors_before=2)
    with pytest.raises(FaultPlanError, match=r"latency_ms=-1"):
        FaultRule(latency_ms=-1)
    with pytest.raises(FaultPlanError, match=r"a frozenset of operationIds"):
        FaultRule(operations=frozenset({"send_calls"}))
    assert FaultRule(operations=frozenset({"sendCalls"})).matches("sendCalls")


def test_only_fault_rules_make_a_plan() -> None:
    with pytest.raises(FaultPlanError, match="not a FaultRule"):
        Faults().replace([{"errorsBefore": 1}])  # type: ignore[list-item]


# -- the control endpoints ----------------------------------------------------------------


def test_put_replaces_the_plan_and_get_shows_it(local: Site) -> None:
    plan = {
        "rules": [
            {"rateLimit": 50},
            {"errorsAfter": 1, "operations": ["createContactList"]},
        ],
        "seed": 9,
    }
    answer = local.http.put("/_sandbox/faults", json=plan)
    assert answer.status_code == 200
    assert local.http.post("/v2/contacts/lists", json=NEW_LIST).status_code == 502
    shown = local.http.get("/_sandbox/faults").json()
    assert shown["seed"] == 9
    assert shown["rules"][0]["rateLimit"] == 50
    assert shown["rules"][1]["operations"] == ["createContactList"]
    assert shown["rules"][1]["counts"]["errorsAfter"] == 1
    assert shown["counts"]["requests"] == 2
    emptied = local.http.put("/_sandbox/faults", json={})
    assert emptied.json()["rules"] == [] and not local.sandbox.faults.active


def test_post_adds_a_rule_and_delete_clears(local: Site) -> None:
    assert local.http.post("/_sandbox/faults", json={"latencyMs": 1}).status_code == 200
    answer = local.http.post("/_sandbox/faults", json={"errorsBefore": 1, "seed": 4})
    assert len(answer.json()["rules"]) == 2
    assert answer.json()["seed"] == 4
    assert local.http.get("/v2/me/account").status_code == 503
    assert local.http.delete("/_sandbox/faults").status_code == 204
    assert local.http.get("/v2/me/account").status_code == 200
    assert local.http.get("/_sandbox/faults").json()["rules"] == []


@pytest.mark.parametrize(
    ("method", "body", "message"),
    [
        ("PUT", {"rules": [{"errorsBefore": 2}]}, r"rules\[0\]\.errorsBefore=2: a share"),
        ("PUT", {"rules": [{}, {"rateLimit": -3}]}, r"rules\[1\]\.rateLimit=-3"),
        ("PUT", {"rules": [{"errorBefore": 1}]}, r"errorBefore: not a fault; did you mean"),
        ("PUT", {"rules": [{"operations": ["sendCall"]}]}, r"did you mean 'sendCalls'"),
        ("PUT", {"rules": [{"operations": "sendCalls"}]}, r"give a list of operation names"),
        ("PUT", {"rules": ["x"]}, r"rules\[0\]: a rule is a JSON object"),
        ("PUT", {"rules": {"errorsBefore": 1}}, r"rules: give a list"),
        ("PUT", {"rule": []}, r"rule: not part of a fault plan"),
        ("PUT", {"seed": 1.5}, r"seed=1\.5: a seed is a whole number"),
        ("POST", {"dropAfter": "half"}, r"dropAfter='half': a share"),
        ("POST", {"latencyMs": -1}, r"latencyMs=-1"),
        ("POST", {"latencyAfterMs": 0.5}, r"latencyAfterMs=0\.5"),
    ],
)
def test_a_bad_plan_is_a_400_that_says_where(
    local: Site, method: str, body: dict[str, object], message: str
) -> None:
    local.sandbox.faults.configure(latency_ms=1)
    answer = local.http.request(method, "/_sandbox/faults", json=body)
    assert answer.status_code == 400
    assert answer.json()["httpStatusCode"] == 400
    assert re.search(message, answer.json()["message"]), answer.json()["message"]
    assert local.sandbox.faults.rules == (FaultRule(latency_ms=1),)


def test_the_index_lists_the_fault_endpoints(local: Site) -> None:
    listed = {(e["method"], e["path"]) for e in local.http.get("/_sandbox/").json()["endpoints"]}
    assert {
        ("GET", "/_sandbox/faults"),
        ("PUT", "/_sandbox/faults"),
        ("POST", "/_sandbox/faults"),
        ("DELETE", "/_sandbox/faults"),
    } <= listed
