"""``cftools api OPERATION [name=value ...]``: any operation of the API from the shell.

In the spirit of ``gh api``: the operation by its operationId (``findCalls``) or its
Python name (``find_calls``), parameters as ``name=value`` with the API's own names (a
name given twice makes a list; ``name=@PATH`` uploads a file for a file parameter),
the JSON body with ``--body @FILE``, ``--body -`` (standard input) or ``--body JSON``.
Everything goes through :meth:`cftools.client.Client.invoke`, ``paginate`` or
``download``, so the parameters are checked exactly as the client checks them.

Output: the response as JSON; with ``--paginate`` every item of every page, one JSON
document per line; a binary download goes to ``--output FILE`` (``-`` for standard
output). Exit status: 0 success, 1 an API or network error (the error on standard
error), 2 bad usage or a request the checks refuse. Credentials come from
``CALLFIRE_USERNAME`` and ``CALLFIRE_PASSWORD``, and are never printed.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from typing import TYPE_CHECKING, Any

from cftools._errors import CftoolsError
from cftools._send_cli import BASE_URL_HELP, base_url_default

if TYPE_CHECKING:  # the client (and httpx) load only when the command runs
    from cftools.client import Client, Operation

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``api`` sub-command to ``subparsers``."""
    parser = subparsers.add_parser(
        "api",
        help="call any CallFire API operation, checked, with JSON out",
        description=(
            "Call any of the API's operations by operationId (findCalls) or Python name "
            "(find_calls), with name=value parameters checked as the client checks them. "
            "Credentials come from CALLFIRE_USERNAME and CALLFIRE_PASSWORD."
        ),
    )
    parser.add_argument("operation", metavar="OPERATION", help="operationId or snake_case name")
    _options(parser)
    # Parameters and options may come in any order after OPERATION: argparse cannot mix
    # optional arguments into a list of positionals, so the rest is parsed again by
    # _rest() with parse_intermixed_args.
    parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    parser.set_defaults(handler=run)


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("params", metavar="name=value", nargs="*", help="parameters")
    parser.add_argument("--body", metavar="@FILE|-|JSON", help="the JSON body")
    parser.add_argument("--fields", metavar="EXPR", help="the 'fields' partial-response filter")
    parser.add_argument(
        "--project", action="store_true", help="apply --fields client-side to the response too"
    )
    parser.add_argument(
        "--paginate", action="store_true", help="walk every page; one JSON item per line"
    )
    parser.add_argument("--max-items", type=int, metavar="N", help="with --paginate: at most N")
    parser.add_argument("--output", "-o", metavar="FILE", help="where a binary download goes")
    parser.add_argument("--compact", action="store_true", help="one-line JSON")
    parser.add_argument("--base-url", metavar="URL", help=BASE_URL_HELP)


def _rest(args: argparse.Namespace) -> argparse.Namespace:
    """``args`` completed with what follows OPERATION, options and parameters mixed."""
    inner = argparse.ArgumentParser(prog="cftools api OPERATION", add_help=False)
    _options(inner)
    rest = inner.parse_intermixed_args(args.rest)
    for name, value in vars(rest).items():
        if name == "params":
            args.params = [*args.params, *value]
        elif value != inner.get_default(name):
            setattr(args, name, value)
    return args


class _Usage(Exception):
    """Bad usage: exit status 2."""


def run(args: argparse.Namespace) -> int:
    """Run ``cftools api``; return the exit status."""
    from cftools.client import (
        ApiError,
        Client,
        ConfigurationError,
        RequestValidationError,
        TransportError,
    )

    args = _rest(args)
    try:
        operation = _operation(args.operation)
        params, files = _params(operation, args.params)
        if args.fields is not None:
            params["fields"] = args.fields
        body = _body(args.body)
        _check_usage(operation, args)
        with Client(base_url=base_url_default(args.base_url)) as client:
            return _call(client, operation, params, files, body, args)
    except _Usage as exc:
        print(f"cftools api: {exc}", file=sys.stderr)
        return 2
    except (RequestValidationError, ConfigurationError) as exc:
        print(f"cftools api: {exc}", file=sys.stderr)
        return 2
    except (ApiError, TransportError) as exc:
        print(f"cftools api: {exc}", file=sys.stderr)
        return 1
    except CftoolsError as exc:  # e.g. a malformed --fields expression
        print(f"cftools api: {exc}", file=sys.stderr)
        return 2


def _operation(name: str) -> Operation:
    from cftools.spec import UnknownOperationError, find_operation

    try:
        return find_operation(name)
    except UnknownOperationError as error:
        raise _Usage(str(error)) from None


def _params(operation: Operation, pairs: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    file_names = {p.name for p in operation.parameters if p.schema.type == "file"}
    params: dict[str, Any] = {}
    files: dict[str, Any] = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals or not name:
            raise _Usage(f"parameters are name=value, not {pair!r}")
        if name in file_names:
            if not value.startswith("@"):
                raise _Usage(f"{name} is a file: give it as {name}=@PATH")
            files[name] = pathlib.Path(value[1:])
            continue
        if name in params:
            previous = params[name]
            params[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            params[name] = value
    return params, files


def _body(spec: str | None) -> Any:
    if spec is None:
        return None
    try:
        if spec == "-":
            text = sys.stdin.read()
        elif spec.startswith("@"):
            with open(spec[1:], encoding="utf-8") as handle:
                text = handle.read()
        else:
            text = spec
    except (OSError, UnicodeDecodeError) as exc:
        raise _Usage(f"cannot read the body from {spec}: {exc}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Usage(f"the body is not JSON: {exc}") from None


def _check_usage(operation: Operation, args: argparse.Namespace) -> None:
    if args.paginate and not operation.paged:
        raise _Usage(f"{operation.operation_id} is not a paged list: drop --paginate")
    if args.max_items is not None and not args.paginate:
        raise _Usage("--max-items goes with --paginate")
    if args.project and args.fields is None:
        raise _Usage("--project applies --fields: give --fields EXPR")
    if operation.response == "binary" and args.output is None:
        raise _Usage(f"{operation.operation_id} returns a file: give --output FILE (or -)")
    if operation.response != "binary" and args.output is not None:
        raise _Usage(f"{operation.operation_id} does not return a file: drop --output")


def _call(
    client: Client,
    operation: Operation,
    params: dict[str, Any],
    files: dict[str, Any],
    body: Any,
    args: argparse.Namespace,
) -> int:
    op_id = operation.operation_id
    indent = None if args.compact else 2
    if operation.response == "binary":
        if args.output == "-":
            client.download(op_id, sys.stdout.buffer, **params)
        else:
            client.download(op_id, args.output, **params)
        return 0
    if args.paginate:
        for item in client.paginate(
            op_id, max_items=args.max_items, project=args.project, **params
        ):
            print(json.dumps(item), flush=False)
        sys.stdout.flush()
        return 0
    value = client.invoke(op_id, body=body, files=files or None, project=args.project, **params)
    if value is not None:
        print(json.dumps(value, indent=indent))
    return 0
