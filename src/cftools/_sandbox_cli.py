"""``cftools sandbox``: run a local CallFire, and drive a running one.

- ``serve``: serve the API until Ctrl-C, its clock running ``--speed`` times real time
  (default 60) or only when told to (``--manual-clock``), with faults from the start
  (``--fault-rate-limit``, ``--fault-errors-after``...).
- ``faults set|add|show|clear``, ``advance SECONDS``, ``reset``: talk to a running
  sandbox's control endpoints (``/_sandbox/...``) at ``--base-url`` (default:
  ``$CALLFIRE_BASE_URL``, else ``http://127.0.0.1:8080/v2``), with the credentials in
  ``CALLFIRE_USERNAME`` and ``CALLFIRE_PASSWORD`` (never printed).

Exit status: 0 done, 1 the sandbox could not be reached or refused the credentials,
2 bad usage (a bad flag, a plan the sandbox refused).

This module lives outside :mod:`cftools.sandbox` so that ``cftools --help`` works without
the ``sandbox`` extra; the sandbox itself is imported only when ``serve`` runs, and the
control commands need nothing but httpx.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sqlite3
import sys
from typing import Any

__all__ = ["DEFAULT_SANDBOX_URL", "register"]

DEFAULT_SANDBOX_URL = "http://127.0.0.1:8080/v2"
"""Where ``cftools sandbox serve`` listens by default, and where the control commands look."""

# The faults: (keyword of Faults.configure, JSON name, flag suffix, type, metavar, help).
# One table drives the flags of ``serve`` (--fault-...), of ``faults set|add`` and the
# JSON the latter send.
_FAULTS: tuple[tuple[str, str, str, type, str, str], ...] = (
    ("rate_limit", "rateLimit", "rate-limit", float, "N", "429 past N requests a second"),
    ("errors_before", "errorsBefore", "errors-before", float, "P", "share answered 503 first"),
    (
        "errors_after",
        "errorsAfter",
        "errors-after",
        float,
        "P",
        "share answered 502 once done",
    ),
    ("latency_ms", "latencyMs", "latency", int, "MS", "milliseconds added to each answer"),
    (
        "latency_after_ms",
        "latencyAfterMs",
        "latency-after",
        int,
        "MS",
        "milliseconds the answer waits once the work is done",
    ),
    ("drop_before", "dropBefore", "drop-before", float, "P", "share dropped before the work"),
    ("drop_after", "dropAfter", "drop-after", float, "P", "share dropped after the work"),
)


def register(subparsers: Any) -> None:
    """Add the ``sandbox`` command to the top-level parser."""
    parser = subparsers.add_parser(
        "sandbox",
        help="run a local CallFire that keeps state (needs cftools[sandbox])",
        description="A local CallFire for testing integrations offline.",
    )
    commands = parser.add_subparsers(dest="sandbox_command", metavar="COMMAND")
    _register_serve(commands)
    _register_control(commands)
    parser.set_defaults(handler=lambda args: _usage(parser))


def _register_serve(commands: Any) -> None:
    serve = commands.add_parser("serve", help="serve the API on a local port until Ctrl-C")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8080, help="port (default 8080; 0: any free)")
    serve.add_argument("--db", metavar="FILE", help="keep the state in this SQLite file")
    serve.add_argument("--username", default="sandbox", help="API login to accept")
    serve.add_argument("--password", help="API password to accept (default: a random one)")
    serve.add_argument("--seed", type=int, default=0, help="seed of the generated catalogues")
    clock = serve.add_argument_group("time").add_mutually_exclusive_group()
    clock.add_argument(
        "--speed",
        type=float,
        default=None,
        metavar="X",
        help="run the clock X times real time (default 60: a minute passes in a second)",
    )
    clock.add_argument(
        "--manual-clock",
        action="store_true",
        help="a clock that moves only when told to (cftools sandbox advance SECONDS)",
    )
    faults = serve.add_argument_group(
        "faults", "from the start; cftools sandbox faults ... changes them later"
    )
    _fault_flags(faults, "--fault-")
    faults.add_argument("--fault-seed", type=int, metavar="S", help="seed of the fault draws")
    serve.set_defaults(handler=_serve)


def _control_command(commands: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    sub: argparse.ArgumentParser = commands.add_parser(
        name,
        help=help_text,
        description=f"{help_text[0].upper()}{help_text[1:]}. "
        "Credentials come from CALLFIRE_USERNAME and CALLFIRE_PASSWORD.",
    )
    sub.add_argument(
        "--base-url",
        metavar="URL",
        help=f"the sandbox (default: $CALLFIRE_BASE_URL, else {DEFAULT_SANDBOX_URL})",
    )
    return sub


def _register_control(commands: Any) -> None:
    faults = commands.add_parser(
        "faults",
        help="show or change a running sandbox's faults",
        description="Show or change the faults of a running sandbox (/_sandbox/faults).",
    )
    actions = faults.add_subparsers(dest="faults_action", metavar="ACTION", required=True)
    for action, help_text in (
        ("set", "replace the fault plan of a running sandbox with one rule"),
        ("add", "add a rule to the fault plan of a running sandbox"),
    ):
        sub = _control_command(actions, action, help_text)
        _fault_flags(sub, "--")
        sub.add_argument("--seed", type=int, metavar="S", help="seed of the fault draws")
        sub.set_defaults(handler=_faults)
    for action, help_text in (
        ("show", "print a running sandbox's fault plan and what it injected, as JSON"),
        ("clear", "remove every fault of a running sandbox"),
    ):
        _control_command(actions, action, help_text).set_defaults(handler=_faults)
    advance = _control_command(
        commands, "advance", "move a running sandbox's clock forward and run what fell due"
    )
    advance.add_argument("seconds", type=float, metavar="SECONDS", help="how far, in seconds")
    advance.set_defaults(handler=_advance)
    reset = _control_command(
        commands, "reset", "forget every resource, delivery and fault of a running sandbox"
    )
    reset.set_defaults(handler=_reset)


def _fault_flags(group: Any, prefix: str) -> None:
    for _, _, flag, kind, metavar, help_text in _FAULTS:
        group.add_argument(prefix + flag, type=kind, metavar=metavar, help=help_text)
    group.add_argument(
        prefix + "operations",
        metavar="A,B",
        help="only these operations (operationIds or snake_case names; default: all)",
    )


def _fault_values(args: argparse.Namespace, prefix: str) -> dict[str, Any]:
    """The fault flags given, by keyword of ``Faults.configure``."""
    values: dict[str, Any] = {}
    for keyword, _, flag, *_ in _FAULTS:
        value = getattr(args, (prefix + flag).lstrip("-").replace("-", "_"))
        if value is not None:
            values[keyword] = value
    operations = getattr(args, (prefix + "operations").lstrip("-").replace("-", "_"))
    if operations is not None:
        values["operations"] = [name.strip() for name in operations.split(",")]
    return values


def _flag_names(prefix: str) -> dict[str, str]:
    names = {keyword: prefix + flag for keyword, _, flag, *_ in _FAULTS}
    names["operations"] = prefix + "operations"
    return names


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


# -- serve --------------------------------------------------------------------------------


def _serve(args: argparse.Namespace) -> int:
    try:
        from cftools.sandbox import (
            DEFAULT_SPEED,
            FaultPlanError,
            FaultRule,
            ManualClock,
            Sandbox,
            ScaledClock,
            serve,
        )
    except ImportError as error:
        print(f"cftools sandbox: {error}", file=sys.stderr)
        return 2
    if not 0 <= args.port <= 65535:
        print(f"cftools sandbox: --port must be 0..65535, not {args.port}", file=sys.stderr)
        return 2
    speed = DEFAULT_SPEED if args.speed is None else args.speed
    if not 0 < speed < float("inf"):
        print(f"cftools sandbox: --speed must be more than 0, not {speed:g}", file=sys.stderr)
        return 2
    clock = ManualClock() if args.manual_clock else ScaledClock(speed)
    try:
        faults = _fault_values(args, "--fault-")
        rule = FaultRule.build(**faults, names=_flag_names("--fault-")) if faults else None
    except FaultPlanError as error:
        print(f"cftools sandbox: {error}", file=sys.stderr)
        return 2
    password = args.password or secrets.token_urlsafe(12)
    try:
        sandbox = Sandbox(
            db=args.db, username=args.username, password=password, seed=args.seed, clock=clock
        )
    except (ValueError, OSError, sqlite3.Error) as error:  # a bad login, a bad --db file
        print(f"cftools sandbox: {error}", file=sys.stderr)
        return 2
    if rule is not None or args.fault_seed is not None:
        sandbox.faults.replace([rule] if rule is not None else [], seed=args.fault_seed)
    where = f"state in {args.db}" if args.db else "state in memory"
    when = "a manual clock" if args.manual_clock else f"clock at {speed:g}x"

    def ready(url: str) -> None:
        print(f"cftools sandbox: serving {url} ({where}, {when})")
        print(f"  CALLFIRE_BASE_URL={url}")
        print(f"  CALLFIRE_USERNAME={args.username}")
        print(f"  CALLFIRE_PASSWORD={password}")
        if rule is not None:
            print(f"  faults: {json.dumps(sandbox.faults.status()['rules'][0])}")
        print("Ctrl-C stops it.", flush=True)

    try:
        serve(sandbox, host=args.host, port=args.port, ready=ready)
    except KeyboardInterrupt:
        pass
    except OSError as error:
        print(f"cftools sandbox: cannot serve on {args.host}:{args.port}: {error}", file=sys.stderr)
        return 2
    finally:
        sandbox.close()
    print("cftools sandbox: stopped", flush=True)
    return 0


# -- the control commands -----------------------------------------------------------------


class _Failed(Exception):
    """A control command that failed: the message and the exit status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def _control(args: argparse.Namespace, method: str, path: str, body: Any = None) -> Any:
    """Call ``method /_sandbox{path}`` on the sandbox of ``args``; its JSON (``None``: 204)."""
    import httpx

    root = args.base_url or os.environ.get("CALLFIRE_BASE_URL") or DEFAULT_SANDBOX_URL
    root = root.rstrip("/").removesuffix("/v2")
    username = os.environ.get("CALLFIRE_USERNAME")
    password = os.environ.get("CALLFIRE_PASSWORD")
    if not username or not password:
        raise _Failed(
            "no credentials: set CALLFIRE_USERNAME and CALLFIRE_PASSWORD to those the "
            "sandbox printed when it started",
            2,
        )
    url = f"{root}/_sandbox{path}"
    try:
        with httpx.Client(auth=(username, password), timeout=30.0) as http:
            answer = http.request(method, url, json=body)
    except httpx.InvalidURL as error:
        raise _Failed(f"--base-url {root!r} is not a URL: {error}", 2) from None
    except httpx.HTTPError as error:
        raise _Failed(f"cannot reach the sandbox at {root}: {error}", 1) from None
    if answer.status_code == 401:
        raise _Failed(
            f"the sandbox at {root} refused the credentials "
            "(check CALLFIRE_USERNAME and CALLFIRE_PASSWORD)",
            1,
        )
    if answer.status_code == 204:
        return None
    try:
        value = answer.json()
    except ValueError:
        value = None
    if answer.status_code >= 400 or value is None:
        message = value.get("message") if isinstance(value, dict) else None
        shown = message or f"HTTP {answer.status_code} from {url} (is it a cftools sandbox?)"
        raise _Failed(str(shown), 2 if answer.status_code == 400 else 1)
    return value


def _run(args: argparse.Namespace, method: str, path: str, body: Any = None) -> int:
    try:
        value = _control(args, method, path, body)
    except _Failed as failure:
        print(f"cftools sandbox: {failure}", file=sys.stderr)
        return failure.status
    if value is not None:
        print(json.dumps(value, indent=2))
    return 0


def _faults(args: argparse.Namespace) -> int:
    action = args.faults_action
    if action == "show":
        return _run(args, "GET", "/faults")
    if action == "clear":
        status = _run(args, "DELETE", "/faults")
        if status == 0:
            print("cftools sandbox: no faults any more", file=sys.stderr)
        return status
    values = _fault_values(args, "--")
    if not values:
        flags = ", ".join(f"--{flag}" for _, _, flag, *_ in _FAULTS)
        print(f"cftools sandbox: faults {action}: give at least one of {flags}", file=sys.stderr)
        return 2
    refused = _refused(values)
    if refused:
        print(f"cftools sandbox: {refused}", file=sys.stderr)
        return 2
    rule = {json_name: values[k] for k, json_name, *_ in _FAULTS if k in values}
    if "operations" in values:
        rule["operations"] = values["operations"]
    if action == "set":
        return _run(args, "PUT", "/faults", {"rules": [rule], "seed": args.seed})
    return _run(args, "POST", "/faults", {**rule, "seed": args.seed})


def _refused(values: dict[str, Any]) -> str | None:
    """What is wrong with the flags, said with their names, before anything is sent; the
    sandbox checks again (and is the judge when cftools.sandbox is not installed here)."""
    try:
        from cftools.sandbox import FaultPlanError, FaultRule
    except ImportError:
        return None
    try:
        FaultRule.build(**values, names=_flag_names("--"))
    except FaultPlanError as error:
        return str(error)
    return None


def _advance(args: argparse.Namespace) -> int:
    if not args.seconds >= 0:
        print(f"cftools sandbox: SECONDS must be 0 or more, not {args.seconds:g}", file=sys.stderr)
        return 2
    return _run(args, "POST", "/clock/advance", {"seconds": args.seconds})


def _reset(args: argparse.Namespace) -> int:
    status = _run(args, "POST", "/reset")
    if status == 0:
        print("cftools sandbox: reset: no resources, deliveries or faults", file=sys.stderr)
    return status
