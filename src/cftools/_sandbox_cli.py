"""``cftools sandbox serve``: run a local CallFire until Ctrl-C.

This module lives outside :mod:`cftools.sandbox` so that ``cftools --help`` works without
the ``sandbox`` extra; the sandbox itself is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import secrets
import sqlite3
import sys
from typing import Any

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add the ``sandbox`` command to the top-level parser."""
    parser = subparsers.add_parser(
        "sandbox",
        help="run a local CallFire that keeps state (needs cftools[sandbox])",
        description="A local CallFire for testing integrations offline.",
    )
    commands = parser.add_subparsers(dest="sandbox_command", metavar="COMMAND")
    serve = commands.add_parser("serve", help="serve the API on a local port until Ctrl-C")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8080, help="port (default 8080; 0: any free)")
    serve.add_argument("--db", metavar="FILE", help="keep the state in this SQLite file")
    serve.add_argument("--username", default="sandbox", help="API login to accept")
    serve.add_argument("--password", help="API password to accept (default: a random one)")
    serve.add_argument("--seed", type=int, default=0, help="seed of the generated catalogues")
    serve.set_defaults(handler=_serve)
    parser.set_defaults(handler=lambda args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _serve(args: argparse.Namespace) -> int:
    try:
        from cftools.sandbox import Sandbox, serve
    except ImportError as error:
        print(f"cftools sandbox: {error}", file=sys.stderr)
        return 2
    if not 0 <= args.port <= 65535:
        print(f"cftools sandbox: --port must be 0..65535, not {args.port}", file=sys.stderr)
        return 2
    password = args.password or secrets.token_urlsafe(12)
    try:
        sandbox = Sandbox(db=args.db, username=args.username, password=password, seed=args.seed)
    except (ValueError, OSError, sqlite3.Error) as error:  # a bad login, a bad --db file
        print(f"cftools sandbox: {error}", file=sys.stderr)
        return 2
    where = f"state in {args.db}" if args.db else "state in memory"

    def ready(url: str) -> None:
        print(f"cftools sandbox: serving {url} ({where})")
        print(f"  CALLFIRE_BASE_URL={url}")
        print(f"  CALLFIRE_USERNAME={args.username}")
        print(f"  CALLFIRE_PASSWORD={password}")
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
