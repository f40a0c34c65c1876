"""``cftools fields``: project JSON documents with a ``fields`` expression.

    cftools fields EXPR [FILE ...]     project each FILE (standard input without FILE or
                                       for "-") and print the results as JSON
    cftools fields --lines EXPR [FILE ...]
                                       JSON Lines: project each line, print one line each
    cftools fields --check EXPR        only validate EXPR: print its canonical form
    cftools fields --check EXPR --operation OPID
                                       also look up every name of EXPR in the response
                                       of the API operation OPID (exit 1 on a name the
                                       client would refuse, with a did-you-mean)

Each input is decoded straight into its projection (:meth:`Projector.decode`: only what
the expression keeps is decoded, where it can be), as standard JSON only: ``NaN``,
``Infinity`` and numbers beyond the float range are refused, since they could not be
printed back as JSON. Every input is read and projected before anything is printed, so
a bad file produces no partial output. A bad expression is reported the same way with
or without ``--check``: the message with its position, then the expression with a caret
under that position. Other errors are one line on standard error naming the input (and
line, for JSON Lines) and the position. The exit status is then 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, BinaryIO

from cftools.fields._errors import DecodeError, FieldsSyntaxError
from cftools.fields._projector import Projector, compile

__all__ = ["register"]

_STDIN = "-"
_LINES_SUFFIXES = (".jsonl", ".ndjson")
_DEFAULT_INDENT = 2

_EXAMPLES = """FILE '-' is standard input, which is also read when no FILE is given (only once).
Output: each result as JSON, indented by 2 spaces unless --indent or --compact says
otherwise; with --lines, one compact line per input line.

JSON Lines (one document per line) are read line by line with --lines, and always for
files named *.jsonl or *.ndjson; blank lines are skipped. Without it, a file holding
several documents is refused with a hint to use --lines.

examples:
  cftools fields 'totalCount,items(id,state)' page.json
  curl -s ... | cftools fields --compact 'items/id'
  cftools fields --lines 'id,contact/id' calls.jsonl      # one output line per input line
  cat a.jsonl b.jsonl | cftools fields --lines 'id' -
  cftools fields --check '!items/records,!items/contact'  # explains, suggests a fix
"""


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``fields`` sub-command to ``subparsers``."""
    parser = subparsers.add_parser(
        "fields",
        help="project JSON with a CallFire fields expression",
        description=(
            "Apply a CallFire 'fields' expression (e.g. 'totalCount,items(id,state)')\n"
            "to JSON documents, client-side. Without FILE, read standard input."
        ),
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("expression", metavar="EXPR", help="the fields expression")
    parser.add_argument(
        "files", metavar="FILE", nargs="*", help="JSON files ('-' or none: standard input)"
    )
    parser.add_argument(
        "--check", action="store_true", help="only validate EXPR and explain any error"
    )
    parser.add_argument(
        "--lines",
        action="store_true",
        help="JSON Lines: one document per line in, one result per line out "
        "(the default for *.jsonl and *.ndjson files)",
    )
    parser.add_argument(
        "--operation",
        metavar="OPID",
        help="with --check: look up the names in the response of this API operation",
    )
    layout = parser.add_mutually_exclusive_group()
    layout.add_argument(
        "--indent",
        type=_indent,
        default=None,
        metavar="N",
        help=f"indent the output by N spaces (default {_DEFAULT_INDENT})",
    )
    layout.add_argument("--compact", action="store_true", help="print each result on one line")
    parser.set_defaults(handler=run)


def _indent(text: str) -> int:
    """``--indent``: a number of spaces (``json`` takes a negative one as 0, silently)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of spaces: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def run(args: argparse.Namespace) -> int:
    """Handle ``cftools fields``; return the exit status."""
    if args.operation is not None:
        return _check_operation(args.expression, args.files, args.operation, args.check)
    if args.check:
        return _check(args.expression, args.files)
    try:
        projector = compile(args.expression)
    except FieldsSyntaxError as exc:
        return _fail(f"invalid expression: {exc}")
    if args.lines and args.indent is not None:
        return _fail("--lines prints one result per line: --indent does not apply")
    names = args.files or [_STDIN]
    if names.count(_STDIN) > 1:
        return _fail("'-' (standard input) can be read only once")
    compact: dict[str, Any] = {"separators": (",", ":")}
    indented: dict[str, Any] = {"indent": _DEFAULT_INDENT if args.indent is None else args.indent}
    results: list[tuple[Any, dict[str, Any]]] = []
    for name in names:
        lines = args.lines or name.lower().endswith(_LINES_SUFFIXES)
        projected, error = _load(name, projector, lines)
        if error:
            return _fail(error)
        options = compact if lines or args.compact else indented
        results += [(result, options) for result in projected]
    try:
        text = "".join(_dump(result, options) + "\n" for result, options in results)
    except RecursionError:
        return _fail("the result is nested too deeply to print")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise  # the reader has gone (``| head``): the command line ends quietly
    except OSError as exc:  # a full disk, an I/O error
        return _fail(f"cannot write the output: {exc.strerror or exc}")
    return 0


def _dump(result: Any, options: dict[str, Any]) -> str:
    """``result`` as JSON text that standard output can encode: characters as they are
    when it can, ``\\u`` escapes otherwise (an ASCII-only locale, or lone surrogates,
    which JSON's ``\\ud800`` escapes allow but no encoding does)."""
    text = json.dumps(result, ensure_ascii=False, **options)
    try:
        text.encode(sys.stdout.encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):  # LookupError: an unknown encoding
        return json.dumps(result, ensure_ascii=True, **options)
    return text


def _load(name: str, projector: Projector, lines: bool) -> tuple[list[Any], str]:
    """Return the projections of input ``name`` (one document, or one per line) and
    ``""``, or nothing and a one-line error."""
    label = "<stdin>" if name == _STDIN else name
    try:
        data = _read_stdin() if name == _STDIN else _read_file(name)
    except OSError as exc:
        return [], f"{label}: cannot read: {exc.strerror or exc}"
    if not lines:
        try:
            return [projector.decode(data, strict=True)], ""
        except DecodeError as exc:
            hint = ""
            if exc.message == "Extra data":
                hint = " (one document per line? use --lines)"
            return [], f"{label}: {exc}{hint}"
    results = []
    for number, line in enumerate(data.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            results.append(projector.decode(line, strict=True))
        except DecodeError as exc:
            return [], f"{label}, line {number}: {exc}"
    return results, ""


def _read(stream: BinaryIO) -> bytes:
    return stream.read()


def _read_stdin() -> bytes:
    if sys.stdin is None:  # started with standard input closed (<&-)
        raise OSError("standard input is closed")
    return _read(sys.stdin.buffer)


def _read_file(name: str) -> bytes:
    with open(name, "rb") as stream:
        return _read(stream)


def _fail(message: str) -> int:
    print(f"cftools fields: {message}", file=sys.stderr)
    return 2


def _check(expression: str, files: list[str]) -> int:
    """``--check EXPR``: print the canonical form, or explain the error with a caret."""
    try:
        projector = compile(expression)
    except FieldsSyntaxError as exc:
        return _fail(f"invalid expression: {exc}")
    if files:
        return _fail("--check takes only the expression, not files")
    canonical = str(projector.selection)
    print(f"valid; canonical form: {canonical!r}" if canonical else "valid; blank: no projection")
    return 0


def _check_operation(expression: str, files: list[str], operation_id: str, check: bool) -> int:
    """``--check EXPR --operation OPID``: the syntax, then every name against the response."""
    from cftools.fields._check import suggest
    from cftools.spec._checks import check_fields_names
    from cftools.spec._operations import OPERATIONS

    if not check:
        return _fail("--operation goes with --check")
    operation = OPERATIONS.get(operation_id)
    if operation is None:
        close = suggest(operation_id, OPERATIONS)
        hint = f"; did you mean {close!r}?" if close else ""
        return _fail(f"unknown operation {operation_id!r}{hint}")
    if operation.result is None:
        return _fail(f"{operation_id} answers with no JSON object: nothing to select")
    try:
        problems = check_fields_names(operation, expression)
    except FieldsSyntaxError:
        return _check(expression, files)  # explains the error, with a caret
    if files:
        return _check(expression, files)
    for problem in problems:
        print(f"cftools fields: {problem.message}", file=sys.stderr)
    if any(p.code == "field-name" for p in problems):
        return 1
    return _check(expression, files)  # valid: print the canonical form
