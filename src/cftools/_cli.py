"""The ``cftools`` command line.

Each part of the library contributes its own sub-command from a private ``_cli``
module exposing ``register(subparsers)``; this module only assembles them. Every
handler returns the process exit status: 0 success, 1 findings (e.g. validation
errors), 2 bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from cftools._version import __version__

__all__ = ["main"]

# The modules that contribute sub-commands, in the order ``--help`` lists them.
_COMMAND_MODULES = (
    "cftools.fields._cli",
    "cftools.dialplan._cli",
    "cftools.webhooks._cli",
    "cftools._sandbox_cli",
    "cftools._send_cli",
    "cftools._api_cli",
)


def build_parser() -> argparse.ArgumentParser:
    """Return the complete argument parser (all sub-commands registered)."""
    parser = argparse.ArgumentParser(
        prog="cftools",
        description=(
            "Tools for the CallFire API v2: fields expressions and IVR dialplans "
            "(the HTTP client is the Python API cftools.client)."
        ),
    )
    parser.add_argument("--version", action="version", version=f"cftools {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in _COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        status: int = handler(args)
    except BrokenPipeError:  # e.g. ``cftools fields ... | head``
        return 0
    except KeyboardInterrupt:
        return 130
    return status
