"""The control endpoints: the sandbox's own API, beside CallFire's, under ``/_sandbox/``.

They drive what a real CallFire does on its own (time passing, calls coming in) and show
what it keeps to itself (the webhook deliveries). Each is a function registered with
:func:`control` for a method and a path below ``/_sandbox``; it gets the sandbox and the
request and answers with a JSON value (``None``: 204) or refuses with
:class:`~cftools.sandbox.ApiFault`. They take the same Basic credentials as the API.
``GET /_sandbox/`` lists them with the first line of their docstrings.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from starlette.requests import Request

from ._core import ApiFault, parse_json
from ._faults import FaultPlanError, FaultRule

if TYPE_CHECKING:
    from ._app import Sandbox

__all__ = ["CONTROL", "ControlHandler", "control", "json_body"]

ControlHandler = Callable[["Sandbox", Request], Awaitable[Any]]

CONTROL: dict[tuple[str, str], ControlHandler] = {}
"""Every control endpoint by ``(method, path below /_sandbox)``."""


def control(method: str, path: str) -> Callable[[ControlHandler], ControlHandler]:
    """Register the decorated coroutine as ``method /_sandbox{path}``."""

    def register(function: ControlHandler) -> ControlHandler:
        key = (method.upper(), path.rstrip("/") or "/")
        if key in CONTROL:
            raise RuntimeError(f"two control endpoints for {key}")
        CONTROL[key] = function
        return function

    return register


async def json_body(request: Request) -> dict[str, Any]:
    """The request's JSON object (an empty body reads as ``{}``), or a 400."""
    data = await request.body()
    if not data.strip():
        return {}
    value = parse_json(data)
    if not isinstance(value, dict):
        raise ApiFault(400, "the body must be a JSON object")
    return value


async def dispatch(sandbox: Sandbox, request: Request, path: str) -> Any:
    """Run the control endpoint for ``request`` (``path`` is below ``/_sandbox``)."""
    key = (request.method, path.rstrip("/") or "/")
    handler = CONTROL.get(key)
    if handler is None:
        methods = sorted(m for m, p in CONTROL if p == key[1])
        if methods:
            raise ApiFault(405, f"use {', '.join(methods)} on /_sandbox{key[1]}")
        raise ApiFault(404, f"no control endpoint /_sandbox{key[1]}; GET /_sandbox/ lists them")
    return await handler(sandbox, request)


# -- The endpoints every sandbox has -----------------------------------------------------


@control("GET", "/")
async def index(sandbox: Sandbox, request: Request) -> Any:
    """List the control endpoints."""
    return {
        "endpoints": [
            {
                "method": method,
                "path": "/_sandbox" + ("" if path == "/" else path),
                "description": (handler.__doc__ or "").strip().splitlines()[0],
            }
            for (method, path), handler in sorted(CONTROL.items(), key=lambda i: (i[0][1], i[0][0]))
        ]
    }


@control("GET", "/clock")
async def get_clock(sandbox: Sandbox, request: Request) -> Any:
    """The sandbox's time: ``{"now": epoch ms, "clock": kind}``."""
    return {"now": sandbox.clock.now_ms(), "clock": repr(sandbox.clock)}


@control("POST", "/clock/advance")
async def advance_clock(sandbox: Sandbox, request: Request) -> Any:
    """Move the clock forward by ``{"seconds": N}`` and run what fell due."""
    body = await json_body(request)
    seconds = body.get("seconds")
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds < 0:
        raise ApiFault(400, 'give {"seconds": N} with N a number of seconds, 0 or more')
    try:
        now = sandbox.advance(seconds)
    except TypeError as error:
        raise ApiFault(400, str(error)) from None
    return {"now": now}


@control("POST", "/reset")
async def reset(sandbox: Sandbox, request: Request) -> Any:
    """Forget every resource, delivery and fault: back to an empty sandbox."""
    sandbox.reset()
    return None


# -- Faults (cftools.sandbox._faults) ----------------------------------------------------


def _fault_rules(body: dict[str, Any]) -> tuple[list[FaultRule], int | None]:
    unknown = sorted(set(body) - {"rules", "seed"})
    if unknown:
        raise ApiFault(400, f"{unknown[0]}: not part of a fault plan; give rules and seed")
    rules = body.get("rules", [])
    if not isinstance(rules, list):
        raise ApiFault(400, 'rules: give a list of rules, like [{"errorsAfter": 0.1}]')
    seed = body.get("seed")
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise ApiFault(400, f"seed={seed!r}: a seed is a whole number")
    try:
        return [FaultRule.from_json(r, f"rules[{i}].") for i, r in enumerate(rules)], seed
    except FaultPlanError as error:
        raise ApiFault(400, str(error)) from None


@control("GET", "/faults")
async def get_faults(sandbox: Sandbox, request: Request) -> Any:
    """The fault plan and what it injected so far (counts per rule and in total)."""
    return sandbox.faults.status()


@control("PUT", "/faults")
async def put_faults(sandbox: Sandbox, request: Request) -> Any:
    """Replace the fault plan: ``{"rules": [{"rateLimit": N, ...}], "seed": S}``."""
    rules, seed = _fault_rules(await json_body(request))
    sandbox.faults.replace(rules, seed=seed)
    return sandbox.faults.status()


@control("POST", "/faults")
async def add_fault(sandbox: Sandbox, request: Request) -> Any:
    """Add one rule to the fault plan: ``{"errorsBefore": p, "operations": [...], ...}``."""
    body = await json_body(request)
    seed = body.pop("seed", None)
    rules, seed = _fault_rules({"rules": [body], "seed": seed})
    sandbox.faults.extend(rules, seed=seed)
    return sandbox.faults.status()


@control("DELETE", "/faults")
async def clear_faults(sandbox: Sandbox, request: Request) -> Any:
    """Clear the fault plan: every request is answered normally again."""
    sandbox.faults.clear()
    return None
