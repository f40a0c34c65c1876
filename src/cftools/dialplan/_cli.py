"""``cftools dialplan``: format, validate, simulate and draw dialplan files.

``cftools dialplan`` has its own sub-commands. Each is registered by a function taking
the ``dialplan`` sub-parsers; the built-in ones are listed in ``_REGISTRARS`` and other
modules (e.g. the simulator's) contribute theirs by exposing ``register(subparsers)``
and being named in :data:`COMMAND_MODULES`. A handler receives the parsed arguments and
returns the exit status: 0 success, 1 findings with errors (or, for ``fmt --check``, a
file that would change), 2 unreadable input.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cftools.dialplan._cli_io import FILE_HELP, cannot_read, examples, read_source, write_output
from cftools.dialplan._findings import DialplanError, Report
from cftools.dialplan._parse import decode, read
from cftools.dialplan._validate import validate

__all__ = [
    "COMMAND_MODULES",
    "FILE_HELP",
    "cannot_read",
    "examples",
    "read_source",
    "register",
    "write_output",
]

#: Modules that add ``cftools dialplan`` sub-commands through ``register(subparsers)``.
COMMAND_MODULES: tuple[str, ...] = ("cftools.dialplan._simulate_cli",)

if TYPE_CHECKING:
    SubParsers = argparse._SubParsersAction[Any]


def register(subparsers: SubParsers) -> None:
    """Add the ``dialplan`` command and its sub-commands to ``subparsers``."""
    parser = subparsers.add_parser(
        "dialplan",
        help="format, validate, simulate and draw CallFire IVR XML (dialplanXml)",
        description="Work with CallFire IVR XML (dialplanXml) files.",
    )
    commands = parser.add_subparsers(dest="dialplan_command", metavar="SUBCOMMAND")
    for registrar in _REGISTRARS:
        registrar(commands)
    for module in COMMAND_MODULES:
        importlib.import_module(module).register(commands)
    parser.set_defaults(handler=lambda _args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


# -- fmt -------------------------------------------------------------------------------


def _register_fmt(commands: SubParsers) -> None:
    parser = commands.add_parser(
        "fmt",
        help="rewrite a dialplan in canonical form",
        description="Print FILE in canonical form: two-space indentation, attributes in\n"
        "the documented order, comments kept. Values are never changed. By default the\n"
        "canonical text goes to standard output and FILE is left alone.\n\n"
        "Exit status: 0 done (or, with --check, already canonical), 1 FILE is not in\n"
        "canonical form (--check), 2 FILE cannot be read or is not XML.",
        **examples(
            "cftools dialplan fmt plan.xml               # print the canonical form",
            "cftools dialplan fmt --write plan.xml       # rewrite plan.xml in place",
            "cftools dialplan fmt --check --diff plan.xml  # what would change; exit 1 if any",
            "curl -s https://example.org/plan.xml | cftools dialplan fmt -",
        ),
    )
    parser.add_argument("file", metavar="FILE", help=FILE_HELP)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", "-w", action="store_true", help="rewrite FILE in place")
    mode.add_argument(
        "--check",
        action="store_true",
        help="only check: exit 1 if FILE is not in canonical form, print nothing on stdout "
        "(unless --diff)",
    )
    parser.add_argument(
        "--diff",
        action="store_true",
        help="print a unified diff from FILE to its canonical form instead of the text "
        "(empty when FILE is canonical)",
    )
    parser.set_defaults(handler=_fmt)


def _fmt(args: argparse.Namespace) -> int:
    try:
        data = read_source(args.file)
    except OSError as exc:
        return cannot_read(args.file, exc)
    try:
        dialplan = read(data)
    except DialplanError as exc:
        for finding in exc.findings:
            print(finding.format(args.file), file=sys.stderr)
        return 2
    declaration = decode(data).lstrip().startswith("<?xml")
    try:
        text = dialplan.to_xml(pretty=True, xml_declaration=declaration)
    except DialplanError as exc:  # pragma: no cover - parsed trees always serialize
        print(f"cftools dialplan: {exc}", file=sys.stderr)
        return 2
    if args.write and args.diff:
        print("cftools dialplan fmt: --diff cannot be combined with --write", file=sys.stderr)
        return 2
    changed = text.encode("utf-8") != data
    if args.diff and changed:
        sys.stdout.writelines(_diff(args.file, decode(data), text))
    if args.check:
        if changed:
            print(f"{args.file}: not in canonical form", file=sys.stderr)
            return 1
        return 0
    if args.diff:
        return 0
    if args.write and args.file != "-":
        if text.encode("utf-8") != data:
            return write_output(args.file, text)
        return 0
    sys.stdout.write(text)
    return 0


def _diff(path: str, before: str, after: str) -> list[str]:
    """A unified diff from ``before`` to ``after``, every line ending in a newline."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=path,
        tofile=f"{path} (canonical)",
    )
    return [
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    ]


# -- validate ----------------------------------------------------------------------------


def _register_validate(commands: SubParsers) -> None:
    parser = commands.add_parser(
        "validate",
        help="check dialplans and print every finding",
        description="Check each FILE and print its findings as\n"
        "'file:line:col: severity CODE: message', then a count on standard error.\n\n"
        "Exit status: 0 no errors (warnings allowed), 1 a file has errors, 2 a file\n"
        "cannot be read.",
        **examples(
            "cftools dialplan validate examples/dialplans/*.xml",
            "cftools dialplan validate --context inbound ivr.xml   # a number's IVR",
            "cftools dialplan validate --format json plan.xml > findings.json",
            "cat plan.xml | cftools dialplan validate -",
        ),
    )
    parser.add_argument("files", metavar="FILE", nargs="+", help=FILE_HELP)
    parser.add_argument(
        "--context",
        choices=("inbound", "outbound"),
        default=None,
        help="where the dialplans will run: 'inbound' (a number's IVR, where answering-"
        "machine detection makes no sense) or 'outbound' (a broadcast or a call); "
        "default: unknown, so the rules that depend on it stay silent",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="output format (default: text)",
    )
    parser.set_defaults(handler=_validate)


def _validate(args: argparse.Namespace) -> int:
    status = 0
    reports: list[tuple[str, Report]] = []
    for path in args.files:
        try:
            data = read_source(path)
        except OSError as exc:
            status = max(status, cannot_read(path, exc))
            continue
        report = validate(data, context=args.context)
        reports.append((path, report))
        if not report.ok:
            status = max(status, 1)
    if args.format == "json":
        documents = [json.loads(report.to_json(path)) for path, report in reports]
        print(json.dumps(documents, indent=2))
    else:
        for path, report in reports:
            for finding in report:
                print(finding.format(path))
        errors = sum(len(r.errors) for _, r in reports)
        warnings = sum(len(r.warnings) for _, r in reports)
        print(
            f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
            f"in {len(reports)} file{'s' * (len(reports) != 1)}",
            file=sys.stderr,
        )
    return status


_REGISTRARS: tuple[Callable[[SubParsers], None], ...] = (_register_fmt, _register_validate)
