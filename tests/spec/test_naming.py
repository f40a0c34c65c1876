"""Looking an operation up by its operationId or its method name, one way for all."""

from __future__ import annotations

import pytest

from cftools.spec import OPERATIONS, UnknownOperationError, find_operation, method_name


def test_an_operation_by_either_name() -> None:
    assert find_operation("findCalls") is OPERATIONS["findCalls"]
    assert find_operation("find_calls") is OPERATIONS["findCalls"]
    for operation_id, operation in OPERATIONS.items():
        assert find_operation(method_name(operation_id)) is operation


def test_an_unknown_name_gets_the_closest_names() -> None:
    with pytest.raises(UnknownOperationError) as caught:
        find_operation("findCall")
    assert caught.value.suggestions[0] == "findCalls"
    assert str(caught.value).startswith("no operation 'findCall' in the CallFire API v2; ")
    assert "did you mean 'findCalls'" in str(caught.value)
    with pytest.raises(UnknownOperationError, match=r"v2\Z"):
        find_operation("zzzzzzzz")


def test_a_table_of_ones_own() -> None:
    table = {"findCalls": OPERATIONS["findCalls"]}
    assert find_operation("find_calls", table) is OPERATIONS["findCalls"]
    with pytest.raises(UnknownOperationError):
        find_operation("sendCalls", table)  # in the API, not in this table
