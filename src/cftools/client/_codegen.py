"""Write ``_methods.py``: one typed, documented method per operation, from the table.

Run ``python -m cftools.client._codegen`` after the table of operations changes;
``tests/client/test_methods.py`` fails while the committed file is out of date.

The mapping, for every operation:

* the method name is :func:`~cftools.spec._naming.method_name` of the operationId
  (``findCalls`` -> ``find_calls``); parameter names go through the same rule
  (``campaignId`` -> ``campaign_id``) and are mapped back to the API's names;
* path parameters come first, positional, in the order of the path template; then the
  JSON body (``body``) or the file to upload (``file``), positional; everything else is
  keyword-only, ``None`` meaning "not given";
* operations that take ``fields`` also take ``project=``; all take ``validate=``;
* a JSON body is typed with the ``TypedDict`` of its definition in
  :mod:`cftools.spec.models` (``Sequence[CallRecipient]`` for an array of them);
* the return type follows the response kind: the ``TypedDict`` of the response's
  definition for JSON (``Any`` where the specification names none), ``None``,
  ``bytes``, ``bool``;
* ``paginate`` gets one ``@overload`` per paged operation whose items have a model
  (``paginate("findCalls")`` yields ``Call``), one per page model for a named method
  (``paginate(client.find_calls)``, whose ``CallPage`` holds ``Call`` items), and keeps
  the generic fallback:
  the overloads live in the ``SyncPaginate`` / ``AsyncPaginate`` protocols, which the
  clients' ``paginate`` takes on through the :func:`sync_paginate` /
  :func:`async_paginate` decorators (the identity at run time).

The models are imported for type checking only: at run time the methods return the plain
``dict`` and ``list`` values that JSON decodes, and importing the client costs nothing
more. Each method only forwards to ``self._call`` (sync) or ``await self._call``
(async); the behaviour lives in one place, ``Client`` / ``AsyncClient`` and their
shared base.
"""

from __future__ import annotations

import keyword
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from cftools.spec._naming import method_name
from cftools.spec._operation import Operation, Parameter
from cftools.spec._shapes import SHAPES

__all__ = ["generate", "main"]

TARGET = Path(__file__).with_name("_methods.py")

_RETURNS = {"json": "Any", "empty": "None", "binary": "bytes", "boolean": "bool"}
_RETURN_DOCS = {
    "json": "The decoded JSON response (projected with ``fields`` when ``project`` is set):",
    "empty": "``None``: the API answers with an empty success.",
    "binary": "The raw bytes of the file (see ``download`` to stream them to a file).",
    "boolean": "The boolean the API answers with.",
}
_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}

_HEADER = '''\
"""Named methods for every CallFire API v2 operation. GENERATED: do not edit.

Written by ``python -m cftools.client._codegen`` from the table of operations; see that
module for the mapping from operationIds and parameter names. Each method forwards to
``_call``, which ``Client`` and ``AsyncClient`` implement. Bodies and results are typed
with the models of :mod:`cftools.spec.models`, imported for type checking only; the
typed ``paginate`` overloads close the file.
"""

# ruff: noqa: E501
# fmt: off

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol, overload

from cftools.client._types import FileInput

if TYPE_CHECKING:
    from cftools.spec.models import (
{models}
    )

__all__ = [
    "AsyncOperations",
    "AsyncPaginate",
    "SyncOperations",
    "SyncPaginate",
    "async_paginate",
    "sync_paginate",
]

'''


def python_name(api_name: str) -> str:
    """The keyword argument name for an API parameter name."""
    name = method_name(api_name)
    if keyword.iskeyword(name) or not name.isidentifier():
        raise ValueError(f"no usable Python name for parameter {api_name!r}")
    return name


def _type(schema: Any) -> str:
    if schema is None:
        return "Any"
    if getattr(schema, "ref", None) is not None:
        return str(schema.ref)
    kind = schema.type
    if kind == "file":
        return "FileInput"
    if kind == "array":
        return f"Sequence[{_type(schema.items)}]"
    if kind == "object":
        return "Mapping[str, Any]"
    if kind == "string" and schema.enum:
        literal = "Literal[" + ", ".join(repr(v) for v in schema.enum) + "]"
        if schema.separator:
            return f"{literal} | Sequence[{literal}] | str"
        return literal
    if kind == "string" and schema.separator:
        return "str | Sequence[str]"
    return _SCALARS.get(kind or "", "Any")


# The project's own formats, in words (the checks behind them are in _checks).
_FORMATS = {
    "fields": "a ``fields`` partial-response expression (parsed with cftools.fields)",
    "phone": "a phone number, digits only (E.164 with country code, or a short code)",
    "dialplan": "CallFire IVR XML (validated with cftools.dialplan)",
}


def _describe(parameter: Parameter) -> str:
    schema = parameter.schema
    text = schema.describe() if schema is not None else "value"
    if schema is not None and schema.format in _FORMATS:
        text = _FORMATS[schema.format]
    notes: list[str] = [parameter.location if parameter.location != "formData" else "form field"]
    if parameter.required:
        notes.append("required")
    if schema is not None:
        if schema.enum:
            notes.append("one of " + ", ".join(schema.enum))
        if schema.separator:
            notes.append(f"several values joined by {schema.separator!r} (a list is joined)")
        if schema.minimum is not None:
            notes.append(f"minimum {schema.minimum}")
        if schema.maximum is not None:
            notes.append(f"maximum {schema.maximum}")
        if schema.max_items is not None:
            notes.append(f"at most {schema.max_items} items")
        if schema.default is not None:
            notes.append(f"API default {schema.default!r}")
    if parameter.collection_format == "multi":
        notes.append("sent as repeated query keys")
    return f"{text}; " + "; ".join(notes)


def _ordered(operation: Operation) -> tuple[list[Parameter], list[Parameter]]:
    """(positional, keyword-only) parameters in signature order."""
    path_order = [p for p in operation.parameters if p.location == "path"]
    path_order.sort(key=lambda p: operation.path.index("{" + p.name + "}"))
    leading = [p for p in operation.parameters if p.location == "body"]
    leading += [
        p
        for p in operation.parameters
        if p.location == "formData" and getattr(p.schema, "type", None) == "file"
    ]
    positional = path_order + leading
    rest = [p for p in operation.parameters if p not in positional]
    rest.sort(key=lambda p: not p.required)  # required keyword-only ones first
    return positional, rest


def _signature(operation: Operation) -> list[str]:
    positional, keyword_only = _ordered(operation)
    args: list[str] = []
    for p in positional:
        pyname = "body" if p.location == "body" else python_name(p.name)
        default = "" if p.required else " = None"
        optional = "" if p.required else " | None"
        args.append(f"{pyname}: {_type(p.schema)}{optional}{default}")
    args.append("*")
    for p in keyword_only:
        typ = _type(p.schema)
        args.append(
            f"{python_name(p.name)}: {typ}"
            if p.required
            else f"{python_name(p.name)}: {typ} | None = None"
        )
    if operation.parameter("fields") is not None:
        args.append("project: bool = False")
    args.append("validate: bool = True")
    return args


def _call_arguments(operation: Operation) -> str:
    params, body, files = [], "None", []
    for p in operation.parameters:
        if p.location == "body":
            body = "body"
        elif p.location == "formData" and getattr(p.schema, "type", None) == "file":
            files.append(f"{p.name!r}: {python_name(p.name)}")
        else:
            params.append(f"{p.name!r}: {python_name(p.name)}")
    parts = [repr(operation.operation_id), "{" + ", ".join(params) + "}"]
    parts.append(f"body={body}")
    parts.append("files={" + ", ".join(files) + "}" if files else "files=None")
    project = "project" if operation.parameter("fields") is not None else "False"
    parts += [f"project={project}", "validate=validate"]
    return ", ".join(parts)


def _docstring(operation: Operation, indent: str) -> str:
    summary = operation.summary.strip().rstrip(".") or operation.operation_id
    lines = [
        f"{summary}.",
        "",
        f"``{operation.method} {operation.path}`` (operationId ``{operation.operation_id}``, "
        f"tag ``{operation.tag}``).",
    ]
    if operation.paged:
        lines.append("A paged list: iterate every item with ``paginate(...)``.")
    positional, keyword_only = _ordered(operation)
    if positional or keyword_only:
        lines += ["", "Args:"]
        for p in positional + keyword_only:
            pyname = "body" if p.location == "body" else python_name(p.name)
            wire = "" if pyname == p.name else f" (``{p.name}``)"
            lines.append(f"    {pyname}{wire}: {_describe(p)}.")
    if operation.parameter("fields") is not None:
        lines.append("    project: apply ``fields`` to the response client-side too.")
    lines.append("    validate: check the request before sending it (default).")
    lines += ["", "Returns:", f"    {_return_doc(operation)}"]
    body = "\n".join(f"{indent}{line}" if line else "" for line in lines)
    return f'{indent}"""{body.lstrip()}\n{indent}"""'


def _returns(operation: Operation) -> str:
    if operation.response == "json" and operation.result is not None:
        return operation.result
    return _RETURNS[operation.response]


def _return_doc(operation: Operation) -> str:
    text = _RETURN_DOCS[operation.response]
    if operation.response == "json":
        model = operation.result
        text += f" a ``{model}``." if model is not None else " any JSON value."
    return text


def _item_model(operation: Operation) -> str | None:
    """The model of the items of a paged operation (``Call`` for ``findCalls``)."""
    if not operation.paged or operation.result is None:
        return None
    item = SHAPES[operation.result].get("items")
    return item if item is not None and item != "*" else None


def _method(operation: Operation, *, is_async: bool) -> str:
    args = _signature(operation)
    name = method_name(operation.operation_id)
    returns = _returns(operation)
    prefix = "async def" if is_async else "def"
    call = ("await " if is_async else "") + f"self._call({_call_arguments(operation)})"
    head = f"    {prefix} {name}(\n        self,\n"
    head += "".join(f"        {a},\n" for a in args)
    head += f"    ) -> {returns}:\n"
    if returns == "Any":
        statement = f"        return {call}"
    elif returns == "None":
        statement = f"        {call}"
    else:  # a typed local turns the Any that _call returns into the declared type
        statement = f"        result: {returns} = {call}\n        return result"
    return head + _docstring(operation, "        ") + "\n" + statement + "\n"


def _class(operations: Iterable[Operation], *, is_async: bool) -> str:
    name = "AsyncOperations" if is_async else "SyncOperations"
    what = "coroutine method, for ``AsyncClient``" if is_async else "method, for ``Client``"
    prefix = "async def" if is_async else "def"
    out = [
        f"class {name}:",
        f'    """One named {what}, per operation of the table."""',
        "",
        "    __slots__ = ()",
        "",
        f"    {prefix} _call(",
        "        self,",
        "        operation_id: str,",
        "        params: Mapping[str, Any],",
        "        *,",
        "        body: Any,",
        "        files: Mapping[str, FileInput] | None,",
        "        project: bool,",
        "        validate: bool,",
        "    ) -> Any:",
        "        raise NotImplementedError",
        "",
    ]
    for operation in sorted(operations, key=lambda o: method_name(o.operation_id)):
        out.append(_method(operation, is_async=is_async))
    return "\n".join(out)


_PAGINATE_ARGS = (
    "        /,\n"
    "        *,\n"
    "        max_items: int | None = None,\n"
    "        page_size: int | None = None,\n"
    "        project: bool = False,\n"
    "        validate: bool = True,\n"
    "        **params: Any,\n"
)


def _paginate(operations: Iterable[Operation], *, is_async: bool) -> str:
    """The ``paginate`` overloads: a protocol, and the decorator that applies it."""
    iterator = "AsyncIterator" if is_async else "Iterator"
    name = "AsyncPaginate" if is_async else "SyncPaginate"
    client = "AsyncClient" if is_async else "Client"
    decorator = "async_paginate" if is_async else "sync_paginate"
    out = [
        f"class {name}(Protocol):",
        f'    """``{client}.paginate``, typed: the items of each paged operation by its model."""',
        "",
    ]
    typed = [op for op in operations if _item_model(op) is not None]
    for operation in sorted(typed, key=lambda o: o.operation_id):
        out.append(
            "    @overload\n    def __call__(\n        self,\n"
            f"        operation: Literal[{operation.operation_id!r}],\n"
            + _PAGINATE_ARGS
            + f"    ) -> {iterator}[{_item_model(operation)}]: ...\n"
        )
    pages = sorted({str(op.result) for op in typed})
    for page in pages:  # a named method: its page model gives the items
        item = next(_item_model(op) for op in typed if op.result == page)
        returned = f"Awaitable[{page}]" if is_async else page
        out.append(
            "    @overload\n    def __call__(\n        self,\n"
            f"        operation: Callable[..., {returned}],\n"
            + _PAGINATE_ARGS
            + f"    ) -> {iterator}[{item}]: ...\n"
        )
    out.append(
        "    @overload\n    def __call__(\n        self,\n"
        "        operation: str | Callable[..., Any],\n"
        + _PAGINATE_ARGS
        + f"    ) -> {iterator}[Any]: ...\n"
    )
    out += [
        "",
        f"class _{name}Attribute(Protocol):",
        f"    def __get__(self, instance: object, owner: type[Any] | None = None) -> {name}: ...",
        "",
        "",
        f"def {decorator}(method: Callable[..., {iterator}[Any]]) -> _{name}Attribute:",
        f'    """Give ``{client}.paginate`` the overloads of :class:`{name}` (the identity)."""',
        "    return method",
        "",
    ]
    return "\n".join(out)


def generate(operations: Mapping[str, Operation]) -> str:
    """The source of ``_methods.py`` for ``operations``."""
    names = [method_name(op_id) for op_id in operations]
    if len(set(names)) != len(names):
        raise ValueError("two operations map to the same method name")
    for operation in operations.values():
        pynames = [
            "body" if p.location == "body" else python_name(p.name) for p in operation.parameters
        ]
        reserved = {"self", "project", "validate"}
        clashes = (len(set(pynames)) != len(pynames)) or (reserved & set(pynames))
        if clashes:
            raise ValueError(f"{operation.operation_id}: parameter names clash: {pynames}")
    values = list(operations.values())
    models = sorted(
        {op.result for op in values if op.response == "json" and op.result is not None}
        | {str(p.schema.ref) for op in values for p in op.parameters if p.schema.ref}
        | {
            str(p.schema.items.ref)
            for op in values
            for p in op.parameters
            if p.schema.items is not None and p.schema.items.ref
        }
        | {str(_item_model(op)) for op in values if _item_model(op) is not None},
        key=str.casefold,  # the order of isort, so that ruff leaves the file alone
    )
    header = _HEADER.replace("{models}", "\n".join(f"        {m}," for m in models))
    return "\n\n".join(
        [
            header + _class(values, is_async=False),
            _class(values, is_async=True),
            _paginate(values, is_async=False),
            _paginate(values, is_async=True),
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check``, compare) ``_methods.py``; return an exit status."""
    from cftools.spec._operations import OPERATIONS

    source = generate(OPERATIONS)
    args = sys.argv[1:] if argv is None else argv
    if "--check" in args:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != source:
            print(f"{TARGET} is out of date: run python -m cftools.client._codegen")
            return 1
        return 0
    TARGET.write_text(source, encoding="utf-8")
    print(f"wrote {TARGET} ({len(OPERATIONS)} operations)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
