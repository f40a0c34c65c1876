"""``cftools dialplan simulate`` and ``cftools dialplan graph``.

Registered through :data:`cftools.dialplan._cli.COMMAND_MODULES`. Exit status: 0 success,
1 a dialplan with errors or a call that cannot go on (bad expression, endless loop),
2 unreadable input or bad usage (including ``--format svg`` without Graphviz).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cftools._errors import CftoolsError
from cftools.dialplan._cli_io import FILE_HELP, cannot_read, examples, read_source, write_output
from cftools.dialplan._findings import DialplanError, Report
from cftools.dialplan._validate import validate

__all__ = ["register"]


def register(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``simulate`` and ``graph`` to the ``dialplan`` sub-commands."""
    _register_simulate(commands)
    _register_graph(commands)


def _read(path: str) -> bytes | None:
    try:
        return read_source(path)
    except OSError as exc:
        cannot_read(path, exc)
        return None


def _pair(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name.strip(), value


# -- simulate --------------------------------------------------------------------------


def _register_simulate(commands: argparse._SubParsersAction[Any]) -> None:
    parser = commands.add_parser(
        "simulate",
        help="run a dialplan offline for one scripted call",
        description="Run FILE as CallFire would for one call and print what happened.\n"
        "Each --input answers the next menu reached: digits, 'timeout' (silence) or\n"
        "'hangup'; when the inputs run out the caller hangs up. Nothing is sent\n"
        "anywhere: HTTP requests are answered by --http. FILE is validated first and\n"
        "not simulated if it has errors (--no-check simulates it anyway).\n\n"
        "Exit status: 0 the call ran, 1 FILE has errors or the call cannot go on (a bad\n"
        "expression, an endless loop), 2 FILE cannot be read or bad usage.",
        **examples(
            "cftools dialplan simulate examples/dialplans/library_hours.xml --input 1 --input 0",
            "cftools dialplan simulate plan.xml -i 1234 --var call.callerid=12135551100",
            "cftools dialplan simulate plan.xml --transfer unanswered --machine",
            "cftools dialplan simulate plan.xml --http https://example.org/api '{\"ok\": true}'",
            "cftools dialplan simulate plan.xml --no-check --format json",
        ),
    )
    parser.add_argument("file", metavar="FILE", help=FILE_HELP)
    parser.add_argument(
        "--input", "-i", dest="inputs", action="append", default=[], metavar="KEYS",
        help="the caller's answer to the next menu (repeatable; default: none, so the "
        "caller hangs up at the first menu)",
    )  # fmt: skip
    parser.add_argument(
        "--var", dest="variables", action="append", default=[], type=_pair,
        metavar="NAME=VALUE",
        help="preset a variable, e.g. call.callerid=12135551100 (repeatable; default: none)",
    )  # fmt: skip
    parser.add_argument(
        "--machine", action="store_true",
        help="answering-machine detection finds a machine (default: a person)",
    )  # fmt: skip
    parser.add_argument(
        "--transfer", dest="transfers", action="append", default=[],
        choices=("answered", "unanswered"),
        help="outcome of the next transfer reached (repeatable; default: answered)",
    )  # fmt: skip
    parser.add_argument(
        "--http", dest="http", action="append", default=[], nargs=2, metavar=("URL", "BODY"),
        help="response BODY for a get/post URL (or 'GET URL' / 'POST URL'); repeatable; "
        "without any, every request gets an empty body",
    )  # fmt: skip
    parser.add_argument(
        "--max-steps", type=int, default=None, metavar="N",
        help="stop an endless dialplan after N steps (default: 5000)",
    )  # fmt: skip
    parser.add_argument(
        "--no-check", dest="check", action="store_false",
        help="simulate even if validation reports errors (default: refuse to)",
    )  # fmt: skip
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="output: one line per event, or a JSON array of events (default: text)",
    )
    parser.set_defaults(handler=_simulate)


def _simulate(args: argparse.Namespace) -> int:
    from cftools.dialplan._simulate import DEFAULT_MAX_STEPS, SimulationError, simulate

    data = _read(args.file)
    if data is None:
        return 2
    try:
        transcript = simulate(
            data,
            args.inputs,
            variables=dict(args.variables),
            answered_by="machine" if args.machine else "human",
            transfers=args.transfers,
            http=dict(args.http) if args.http else None,
            max_steps=DEFAULT_MAX_STEPS if args.max_steps is None else args.max_steps,
            check=args.check,
        )
    except DialplanError as exc:
        errors = [f for f in exc.findings if f.severity == "error"]
        for finding in errors:
            print(finding.format(args.file), file=sys.stderr)
        count = f"{len(errors)} error{'s' * (len(errors) != 1)}"
        print(
            f"{args.file}: not simulated: the dialplan has {count}; fix them, or pass "
            "--no-check to simulate it anyway (CallFire would refuse it)",
            file=sys.stderr,
        )
        return 1
    except SimulationError as exc:
        print(f"{args.file}: {exc}", file=sys.stderr)
        return 1
    except CftoolsError as exc:  # e.g. the JavaScript engine is not installed
        print(f"cftools dialplan: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(transcript.to_json())
    else:
        print(transcript)
    return 0


# -- graph -----------------------------------------------------------------------------


def _register_graph(commands: argparse._SubParsersAction[Any]) -> None:
    parser = commands.add_parser(
        "graph",
        help="draw a dialplan's call flow (Mermaid, DOT or SVG)",
        description="Print the call flow of FILE: one node per prompt, menu, condition,\n"
        "transfer, recording, HTTP call and hang-up; one edge per key. SVG needs\n"
        "Graphviz's 'dot' program. A dialplan with errors is drawn as written, with\n"
        "its errors listed on standard error.\n\n"
        "Exit status: 0 drawn (errors in FILE included), 2 FILE cannot be read or is\n"
        "not XML, or the output cannot be written.",
        **examples(
            "cftools dialplan graph examples/dialplans/library_hours.xml   # Mermaid",
            "cftools dialplan graph --format svg -o flow.svg plan.xml",
            "cftools dialplan graph --format dot plan.xml | dot -Tpng > flow.png",
        ),
    )
    parser.add_argument("file", metavar="FILE", help=FILE_HELP)
    parser.add_argument(
        "--format",
        choices=("mermaid", "dot", "svg"),
        default="mermaid",
        help="output format (default: mermaid)",
    )
    parser.add_argument(
        "--output", "-o", metavar="PATH", help="write to PATH (default: standard output)"
    )
    parser.set_defaults(handler=_graph)


def _graph(args: argparse.Namespace) -> int:
    from cftools.dialplan._graph import build_graph, to_dot, to_mermaid, to_svg
    from cftools.dialplan._parse import read

    data = _read(args.file)
    if data is None:
        return 2
    try:
        dialplan = read(data)
        graph = build_graph(dialplan)
        render = {"mermaid": to_mermaid, "dot": to_dot, "svg": to_svg}[args.format]
        text = render(graph)
    except DialplanError as exc:
        for finding in exc.findings:
            print(finding.format(args.file), file=sys.stderr)
        return 2
    except CftoolsError as exc:
        print(f"cftools dialplan: {exc}", file=sys.stderr)
        return 2
    _warn_errors(args.file, validate(dialplan))
    if args.output:
        return write_output(args.output, text)
    sys.stdout.write(text)
    return 0


def _warn_errors(path: str, report: Report) -> None:
    """List ``report``'s errors on stderr, with a word on what the drawing shows."""
    if report.ok:
        return
    for finding in report.errors:
        print(finding.format(path), file=sys.stderr)
    count = f"{len(report.errors)} error{'s' * (len(report.errors) != 1)}"
    print(
        f"{path}: warning: the dialplan has {count}; it is drawn as written, but "
        "CallFire would refuse it",
        file=sys.stderr,
    )
