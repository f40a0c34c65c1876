"""The mechanical mapping from an operationId to a Python method name.

The rule: split the camelCase operationId before every capital that starts a new word
(after a lowercase letter or a digit, or where a run of capitals meets a capitalised
word) and join the lowercased words with underscores::

    sendCalls                  -> send_calls
    getCallRecordingMp3ByName  -> get_call_recording_mp3_by_name
    postTTSCampaignSound       -> post_tts_campaign_sound
    isKeywordAvailable         -> is_keyword_available

Digits stay with the word they follow (``Mp3``). The mapping is injective over the API's
122 operationIds; ``tests/client/test_operations.py`` checks that every name is a unique
identifier and not a Python keyword.

:func:`find_operation` goes the other way: an operation by its operationId or its method
name, or an :class:`UnknownOperationError` with the closest names (the client's
``invoke`` and ``cftools api`` both look operations up with it).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from cftools._errors import CftoolsError

if TYPE_CHECKING:
    from ._operation import Operation

__all__ = ["UnknownOperationError", "find_operation", "method_name"]

_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def method_name(operation_id: str) -> str:
    """Return the snake_case method name for ``operation_id`` (``sendCalls`` -> ``send_calls``)."""
    return _WORD_BOUNDARY.sub("_", operation_id).lower()


class UnknownOperationError(CftoolsError, LookupError):
    """No operation has this operationId or method name; ``suggestions`` are the closest
    names (at most three)."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(map(repr, suggestions))}?" if suggestions else ""
        super().__init__(f"no operation {name!r} in the CallFire API v2{hint}")


_BY_METHOD_NAME: dict[int, tuple[Mapping[str, Operation], dict[str, Operation]]] = {}
"""Per table (by identity, the table kept alive with it): its operations by method name."""


def find_operation(name: str, operations: Mapping[str, Operation] | None = None) -> Operation:
    """The operation of ``operations`` (default: the whole API) whose operationId or
    method name is ``name``; raises :class:`UnknownOperationError` with suggestions."""
    if operations is None:
        from ._operations import OPERATIONS

        operations = OPERATIONS
    table = operations
    cached = _BY_METHOD_NAME.get(id(table))
    if cached is None or cached[0] is not table:
        cached = (table, {method_name(op_id): op for op_id, op in table.items()})
        _BY_METHOD_NAME[id(table)] = cached
    by_method = cached[1]
    operation = table.get(name) or by_method.get(name)
    if operation is not None:
        return operation
    raise UnknownOperationError(name, difflib.get_close_matches(name, [*table, *by_method], n=3))
