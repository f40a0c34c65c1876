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
import contextlib
import errno
import importlib
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cftools.dialplan._findings import DialplanError, Report
from cftools.dialplan._parse import decode, read
from cftools.dialplan._validate import validate

__all__ = ["COMMAND_MODULES", "cannot_read", "read_source", "register", "write_output"]

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


def read_source(path: str) -> bytes:
    """Read a dialplan file (``-`` for standard input) as bytes; raises ``OSError``."""
    if path == "-":
        return sys.stdin.buffer.read()
    return Path(path).read_bytes()


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def write_output(path: str, text: str) -> int:
    """Write ``text`` to the file ``path`` whole or not at all; return the exit status:
    0, or 2 after saying on stderr why ``path`` cannot be written.

    An existing file is replaced by renaming a finished copy over it (keeping its
    permissions; through a symbolic link, the file it points to), so a failure never
    leaves it half written; a new file is removed again if writing it fails."""
    target = Path(os.path.realpath(path))
    partial: str | None = None
    try:
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if target.exists():
            if not os.access(target, os.W_OK):  # renaming over it would work regardless
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
            mode = target.stat().st_mode & 0o7777
            handle, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
            os.chmod(partial, mode)
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                out.write(text)
            os.replace(partial, target)
        else:
            with open(target, "x", encoding="utf-8", newline="") as out:
                partial = str(target)  # ours to remove if the writing fails
                out.write(text)
        partial = None
    except OSError as exc:
        if partial is not None:
            with contextlib.suppress(OSError):
                os.unlink(partial)
        print(f"cftools dialplan: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0


def cannot_read(path: str, exc: OSError) -> int:
    """Say on stderr that ``path`` cannot be read; return exit status 2."""
    print(f"cftools dialplan: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
    return 2


# -- fmt -------------------------------------------------------------------------------


def _register_fmt(commands: SubParsers) -> None:
    parser = commands.add_parser(
        "fmt",
        help="rewrite a dialplan in canonical form",
        description="Print FILE in canonical form: two-space indentation, attributes in "
        "the documented order, comments kept. Values are never changed.",
    )
    parser.add_argument("file", metavar="FILE", help="dialplan XML file ('-' for stdin)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", "-w", action="store_true", help="rewrite FILE in place")
    mode.add_argument(
        "--check", action="store_true", help="exit 1 if FILE is not in canonical form"
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
    if args.check:
        if text.encode("utf-8") != data:
            print(f"{args.file}: not in canonical form", file=sys.stderr)
            return 1
        return 0
    if args.write and args.file != "-":
        if text.encode("utf-8") != data:
            return write_output(args.file, text)
        return 0
    sys.stdout.write(text)
    return 0


# -- validate ----------------------------------------------------------------------------


def _register_validate(commands: SubParsers) -> None:
    parser = commands.add_parser(
        "validate",
        help="check dialplans and print every finding",
        description="Check each FILE and print its findings as "
        "'file:line:col: severity CODE: message'. Exit status 1 if any file has errors.",
    )
    parser.add_argument("files", metavar="FILE", nargs="+", help="dialplan XML files")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
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
        report = validate(data)
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
