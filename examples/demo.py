"""A short tour of cftools on the bundled examples, entirely offline.

Run it with ``bash tools/dev.sh demo`` (which sets up ``.venv`` first) or, in a ready
environment, ``python examples/demo.py``. It shows the three parts working alone and
together:

1. ``cftools.fields`` projects a bundled ``findCalls`` page and explains a bad expression;
2. ``cftools.dialplan`` builds an IVR, validates the bundled dialplans, simulates a call
   and draws the flow;
3. ``cftools.client`` talks to a local CallFire (:mod:`cftools.sandbox`, served by
   uvicorn on a loopback port, nothing leaves the machine): a request it can tell is
   wrong is refused before a byte is sent, a good one goes out with its IVR checked and
   is stored, the sandbox applies ``fields``, and a list is paged through.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cftools import client, dialplan, fields, sandbox

EXAMPLES = Path(__file__).resolve().parent
CALLS_PAGE: dict[str, Any] = json.loads((EXAMPLES / "calls_page.json").read_text("utf-8"))


def heading(title: str) -> None:
    print(f"\n=== {title} " + "=" * max(0, 70 - len(title)))


def show(value: Any) -> None:
    print(json.dumps(value, indent=2)[:1200])


def demo_fields() -> None:
    heading("fields: partial responses, client-side")
    expr = "totalCount, items(id, toNumber, finalCallResult, records/callResult)"
    print(f"project(calls_page.json, {expr!r}), first item:")
    projected = fields.project(CALLS_PAGE, expr)
    show({"items": projected["items"][:1], "totalCount": projected.get("totalCount")})
    print("\nexclusion keeps everything else: '!items' ->", fields.project(CALLS_PAGE, "!items"))
    union = fields.parse("items/id") | fields.parse("items(state)")
    print("union of 'items/id' and 'items(state)' prints canonically as:", str(union))
    try:
        fields.parse("items(id,,state)")
    except fields.FieldsSyntaxError as error:
        print("\na bad expression is refused with its position:\n" + str(error))


def build_ivr() -> dialplan.Dialplan:
    plan = dialplan.Dialplan(name="Root")
    with plan.menu(name="main", max_digits=1, timeout=5000) as menu:
        menu.play("Hello ${contact.firstName}. Press 1 to confirm, 2 to speak to us.")
        with menu.keypress("1") as confirm:
            confirm.stash("answer", "confirmed")
            confirm.play("Thank you, see you soon.")
            confirm.hangup()
        with menu.keypress("2") as agent:
            agent.transfer(["15550001111", "15550002222"], mode="waterfall")
            agent.play("Nobody is free right now, we will call you back.")
            agent.hangup()
        menu.keypress("timeout").goto("main")
    return plan


def demo_dialplan() -> dialplan.Dialplan:
    heading("dialplan: build, validate, simulate, draw")
    plan = build_ivr()
    print(plan.to_xml())
    print("our IVR validates:", "ok" if dialplan.validate(plan).ok else "errors")
    print("\nthe bundled dialplans (real-world shapes, quirks included):")
    for path in sorted((EXAMPLES / "dialplans").glob("*.xml")):
        report = dialplan.validate(path.read_bytes())
        print(f"  {path.name:28} {len(report.errors)} errors, {len(report.warnings)} warnings")
    broken = (
        '<dialplan><menu><keypress pressed="9-2"><goto>nowhere</goto></keypress></menu></dialplan>'
    )
    print("\na broken one, every finding with line and column:")
    for finding in dialplan.validate(broken):
        where = f"{finding.line}:{finding.column}"
        print(f"  {where}: {finding.severity} {finding.code}: {finding.message}")
    print(
        "\nsimulating a call where the caller stays silent once, then presses 2 (nobody answers):"
    )
    transcript = dialplan.simulate(
        plan,
        inputs=["timeout", "2"],
        variables={"contact.firstName": "Ada"},
        transfers=["unanswered"],
    )
    for event in transcript:
        print("  ", event.to_dict())
    print("\nthe flow as a Mermaid diagram:")
    print(dialplan.to_mermaid(plan))
    return plan


class RequestCounter:
    """ASGI middleware: counts the requests that reach the sandbox."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            REACHED.append(scope["path"])
        await self.app(scope, receive, send)


REACHED: list[str] = []


def demo_client(plan: dialplan.Dialplan) -> None:
    heading("client: checked before it is sent, answered by a local sandbox")
    # A hand-driven clock: calls move only when the demo says so (serve runs 60x real time).
    local = sandbox.Sandbox(
        username="demo-login", password="demo-secret", clock=sandbox.ManualClock()
    )
    local.app.add_middleware(RequestCounter)
    with sandbox.SandboxServer(local) as server, server.client() as api:
        print(f"a sandbox serves {server.url} (uvicorn on loopback, state in SQLite)")
        print(repr(api), "(credentials never shown)")
        bad = [
            {"phoneNumber": "(213) 555-1100", "dialPlanXml": plan.to_xml()},
            {"phoneNumber": "12135551101", "attributes": {"ref": "A-2"}, "voice": "ROBOT"},
        ]
        try:
            api.send_calls(bad, fields="items(id,,state)")
        except client.RequestValidationError as error:
            print("refused, every problem listed:\n" + str(error))
        print("requests that reached the server:", len(REACHED))

        good = [
            {
                "phoneNumber": "12135550101",  # ...01xx: answered live (docs/sandbox-outcomes.md)
                "dialplanXml": plan.to_xml(),
                "attributes": {"ref": "A-1", "sandbox.keys": "1"},  # the callee presses 1
            }
        ]
        sent = api.send_calls(good, fields="items(id,state)")
        print("\nsent with its IVR validated, fields applied by the sandbox:", sent)
        call_id = sent["items"][0]["id"]
        more = [{"phoneNumber": f"1213555110{i}"} for i in range(1, 5)]
        api.send_calls(more)
        first = list(
            api.paginate("findCalls", page_size=2, max_items=3, fields="items(id,toNumber)")
        )
        print("paged through findCalls two at a time, first three items:", first)
        print("requests that reached the server:", len(REACHED))
        local.advance(120)  # two minutes pass: the calls are dialled, the IVR runs
        done = api.get_call(call_id, fields="state,finalCallResult,records(questionResponses)")
        print("two minutes later, the IVR call ran in the simulator:", done)
        try:
            api.get_call(id=1)
        except client.NotFoundError as error:
            print("an error response maps to a typed exception:", repr(error))
    local.close()


def main() -> None:
    demo_fields()
    plan = demo_dialplan()
    demo_client(plan)


if __name__ == "__main__":
    main()
