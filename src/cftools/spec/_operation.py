"""The shape of one API operation, as the table of operations describes it.

This module holds only the value types; the table itself (every operation of the API,
with its parameters and body schema) lives in ``_operations.py`` and is the single
source of truth from which ``Client``, ``AsyncClient``, their docstrings and the request
checks are all derived.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ._schemas import ANY, Schema

__all__ = ["Operation", "Parameter", "ParameterLocation", "ResponseKind"]

ParameterLocation = Literal["path", "query", "body", "formData"]
"""Where a parameter travels: in the URL path, the query string, the JSON body, or a
multipart form field (files and their companions)."""

ResponseKind = Literal["json", "empty", "binary", "boolean"]
"""What a successful response holds: a JSON document, nothing (``None``), raw bytes
(audio, media), or a JSON boolean (the availability and verification checks)."""


@dataclass(frozen=True, slots=True)
class Parameter:
    """One parameter of an operation.

    ``schema`` is the :class:`~cftools.spec._schemas.Schema` of the value (types,
    enumerations, limits, references to body models; the empty schema accepts
    anything); ``collection_format`` is ``"multi"`` for query arrays sent as repeated
    keys. ``seed_only`` marks a parameter that CallFire's reference pages document but
    the official specification lacks (the server accepts it; the conformance test
    accounts for each one explicitly).
    """

    name: str
    location: ParameterLocation
    required: bool = False
    schema: Schema = ANY
    collection_format: str | None = None
    seed_only: bool = False


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation of the CallFire API v2.

    ``path`` is the template as the API writes it (``/calls/{id}``); ``success_status``
    is the documented status of a successful response (``None`` where the API documents
    none, i.e. any 2xx); ``paged`` marks list operations that accept ``limit`` and
    ``offset`` and answer with a page (``items`` and ``totalCount``). ``result`` names
    the definition of a JSON response (``CallPage``): its TypedDict in
    :mod:`cftools.spec.models`, its shape for ``fields`` checks.
    """

    operation_id: str
    method: Literal["GET", "POST", "PUT", "DELETE"]
    path: str
    tag: str
    parameters: tuple[Parameter, ...]
    response: ResponseKind
    success_status: int | None = None
    consumes: tuple[str, ...] = ("application/json",)
    produces: tuple[str, ...] = ("application/json",)
    paged: bool = False
    result: str | None = None
    summary: str = field(default="", compare=False)

    def parameter(self, name: str) -> Parameter | None:
        """Return the parameter called ``name``, or ``None``."""
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        return None

    @property
    def body(self) -> Parameter | None:
        """The JSON body parameter, if the operation takes one."""
        for parameter in self.parameters:
            if parameter.location == "body":
                return parameter
        return None
