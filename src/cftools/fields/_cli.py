"""``cftools fields``: project JSON documents with a ``fields`` expression.

    cftools fields EXPR [FILE ...]     project each FILE (standard input without FILE or
                                       for "-") and print the results as JSON
    cftools fields --check EXPR        only validate EXPR: print its canonical form, or
                                       explain the error with a caret under its position
    cftools fields --check EXPR --operation OPID
                                       also look up every name of EXPR in the response
                                       of the API operation OPID (exit 1 on a name the
                                       client would refuse, with a did-you-mean)

Every input is read and projected before anything is printed, so a bad file produces
no partial output. Errors are one line on standard error naming the input (or the
expression) and the position; the exit status is then 2.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from typing import Any, BinaryIO

from cftools.fields._errors import FieldsSyntaxError
from cftools.fields._projector import compile

__all__ = ["register"]

_STDIN = "-"


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``fields`` sub-command to ``subparsers``."""
    parser = subparsers.add_parser(
        "fields",
        help="project JSON with a CallFire fields expression",
        description=(
            "Apply a CallFire 'fields' expression (e.g. 'totalCount,items(id,state)') "
            "to JSON documents, client-side. Without FILE, read standard input."
        ),
    )
    parser.add_argument("expression", metavar="EXPR", help="the fields expression")
    parser.add_argument("files", metavar="FILE", nargs="*", help="JSON files ('-' is stdin)")
    parser.add_argument(
        "--check", action="store_true", help="only validate EXPR and explain any error"
    )
    parser.add_argument(
        "--operation",
        metavar="OPID",
        help="with --check: look up the names in the response of this API operation",
    )
    layout = parser.add_mutually_exclusive_group()
    layout.add_argument(
        "--indent", type=_indent, default=2, metavar="N", help="indent the output by N (default 2)"
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
        return _fail(f"bad expression: {exc.message} at position {exc.position}")
    names = args.files or [_STDIN]
    if names.count(_STDIN) > 1:
        return _fail("'-' (standard input) can be read only once")
    results = []
    for name in names:
        document, error = _load(name)
        if error:
            return _fail(error)
        results.append(projector(document))
    if args.compact:
        options: dict[str, Any] = {"separators": (",", ":")}
    else:
        options = {"indent": args.indent}
    try:
        text = "".join(_dump(r, options) + "\n" for r in results)
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


def _check(expression: str, files: list[str]) -> int:
    if files:
        return _fail("--check takes only the expression, not files")
    try:
        selection = compile(expression).selection
    except FieldsSyntaxError as exc:
        print(f"cftools fields: invalid expression: {exc}", file=sys.stderr)
        return 2
    canonical = str(selection)
    print(f"valid; canonical form: {canonical!r}" if canonical else "valid; blank: no projection")
    return 0


def _load(name: str) -> tuple[Any, str]:
    """Return the document of input ``name`` and ``""``, or ``None`` and a one-line error."""
    label = "<stdin>" if name == _STDIN else name
    try:
        data = _read_stdin() if name == _STDIN else _read_file(name)
    except OSError as exc:
        return None, f"{label}: cannot read: {exc.strerror or exc}"
    try:
        document = json.loads(
            data, parse_constant=_not_json, parse_float=_finite, parse_int=_integer
        )
        return document, ""
    except _NotJson as exc:
        return None, f"{label}: invalid JSON: {exc.args[0]}"
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno} (position {exc.pos})"
        return None, f"{label}: invalid JSON: {exc.msg} at {where}"
    except UnicodeDecodeError as exc:
        return None, f"{label}: invalid JSON: not UTF-8/16/32 text at byte {exc.start}"
    except RecursionError:
        return None, f"{label}: invalid JSON: nested too deeply for Python's json module"


class _NotJson(Exception):
    pass


def _not_json(constant: str) -> Any:
    """``json`` reads ``NaN``, ``Infinity`` and ``-Infinity`` by default, and would print
    them back into output no JSON parser accepts."""
    raise _NotJson(f"{constant} is not a JSON value")


def _finite(text: str) -> float:
    """A JSON number as a float; one beyond its range (``1e400``) would become
    ``Infinity`` in the output, which is not JSON either."""
    value = float(text)
    if math.isinf(value):
        raise _NotJson(f"the number {text} is too large for a float")
    return value


def _integer(text: str) -> int:
    """A JSON integer; Python refuses to convert one of more than 4300 digits (a
    ``ValueError`` that is not a ``JSONDecodeError``)."""
    try:
        return int(text)
    except ValueError:
        raise _NotJson(f"an integer of {len(text)} digits is too long to convert") from None


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
