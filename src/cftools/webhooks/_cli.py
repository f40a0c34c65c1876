"""``cftools webhooks``: sign a webhook body, or verify its signature.

    cftools webhooks sign   (--secret S | --secret-env NAME) FILE
    cftools webhooks verify (--secret S | --secret-env NAME) --signature SIG FILE

FILE is the raw body (``-`` for standard input), read as bytes. ``sign`` prints the
``X-CallFire-Signature`` value; ``verify`` exits 0 when SIG matches, 1 when it does not,
and 2 for bad usage (no secret, unreadable file). ``--secret-env`` reads the secret from
an environment variable, which keeps it out of the shell history. The secret is never
printed.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from cftools.webhooks._signature import sign, verify

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``webhooks`` sub-command to ``subparsers``."""
    parser = subparsers.add_parser(
        "webhooks",
        help="sign a webhook body or verify its X-CallFire-Signature",
        description="Compute or check the X-CallFire-Signature of a webhook body.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name, text in (
        ("sign", "print the signature of FILE"),
        ("verify", "exit 0 if SIG is FILE's signature, 1 if not"),
    ):
        action = actions.add_parser(name, help=text, description=text)
        secret = action.add_mutually_exclusive_group(required=True)
        secret.add_argument("--secret", help="the webhook's secret")
        secret.add_argument(
            "--secret-env", metavar="NAME", help="read the secret from environment variable NAME"
        )
        if name == "verify":
            action.add_argument("--signature", required=True, metavar="SIG")
        action.add_argument("file", metavar="FILE", help="the raw body ('-' is stdin)")
        action.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handle ``cftools webhooks``; return the exit status."""
    secret = args.secret
    if args.secret_env is not None:
        secret = os.environ.get(args.secret_env)
        if secret is None:
            return _fail(f"environment variable {args.secret_env} is not set")
    if not secret:
        return _fail("the secret is empty")
    try:
        if args.file == "-":
            body = sys.stdin.buffer.read()
        else:
            with open(args.file, "rb") as handle:
                body = handle.read()
    except OSError as exc:
        return _fail(f"cannot read {args.file}: {exc.strerror or exc}")
    if args.action == "sign":
        print(sign(body, secret))
        return 0
    if verify(body, args.signature, secret):
        print("valid signature")
        return 0
    print("cftools webhooks: signature does not match the body and the secret", file=sys.stderr)
    return 1


def _fail(message: str) -> int:
    print(f"cftools webhooks: {message}", file=sys.stderr)
    return 2
