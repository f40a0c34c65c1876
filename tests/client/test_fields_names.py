"""``fields`` names looked up in the operation's response before a request is sent."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from cftools._cli import main
from cftools.client import Client, RequestValidationError
from cftools.spec import OPERATIONS, check_fields_names, check_request, response_shape


def test_a_close_miss_is_refused_with_a_did_you_mean_and_nothing_is_sent(
    client: Client, server: Any
) -> None:
    with pytest.raises(RequestValidationError) as caught:
        client.find_calls(fields="items(toNumbr)")
    assert server.count == 0
    (problem,) = caught.value.problems
    assert problem.location == "query.fields" and problem.code == "field-name"
    assert "'items/toNumbr'" in problem.message and "did you mean 'toNumber'?" in problem.message


def test_paginate_checks_the_names_too(client: Client, server: Any) -> None:
    with pytest.raises(RequestValidationError, match="did you mean 'finalCallResult'"):
        list(client.paginate("findCalls", fields="items(finalCallResutl)"))
    assert server.count == 0


def test_a_name_close_to_nothing_is_logged_and_the_request_goes_out(
    client: Client, server: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="cftools")
    client.find_calls(fields="items(id,brandNewField)")
    assert server.count == 1
    assert server.last.url.params["fields"] == "items(id,brandNewField)"
    logged = [r.getMessage() for r in caplog.records if r.name.startswith("cftools")]
    assert any("items/brandNewField" in line for line in logged), logged


def test_validate_false_skips_the_check(client: Client, server: Any) -> None:
    client.find_calls(fields="items(toNumbr)", validate=False)
    assert server.count == 1


def test_wildcards_free_form_maps_and_nested_models_are_accepted() -> None:
    operation = OPERATIONS["findCalls"]
    expression = "*,items(*,attributes(anyKey,other),contact(properties/x,homePhone))"
    assert check_fields_names(operation, expression) == ()
    deep = "items/records/recordings(id,mp3Url),items/contact/properties/custom"
    assert check_fields_names(operation, deep) == ()


def test_typos_deep_in_nested_models_are_found() -> None:
    (problem,) = check_fields_names(OPERATIONS["getCall"], "records/recordngs/id")
    assert "did you mean 'recordings'" in problem.message


def test_the_shape_follows_recursive_definitions_lazily() -> None:
    shape = response_shape(OPERATIONS["getAccount"])
    assert shape is not None
    assert "soaAccount" in shape and "id" in shape["soaAccount"]["soaAccount"]


def test_operations_without_a_json_object_have_no_shape() -> None:
    assert response_shape(OPERATIONS["deleteWebhook"]) is None
    assert check_fields_names(OPERATIONS["deleteWebhook"], "anything") == ()


def test_a_syntax_error_stays_one_fields_problem() -> None:
    with pytest.raises(RequestValidationError) as caught:
        check_request(OPERATIONS["findCalls"], {"fields": "items(id"})
    assert [p.code for p in caught.value.problems] == ["fields"]


def test_warnings_are_returned_by_check_request() -> None:
    warnings = check_request(OPERATIONS["findCalls"], {"fields": "zzqx"})
    assert [w.code for w in warnings] == ["field-unknown"]


# -- cftools fields --check EXPR --operation OPID -----------------------------------------


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["fields", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_valid_names(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["--check", "items(id,state)", "--operation", "findCalls"], capsys)
    assert status == 0 and "canonical form" in out


def test_cli_close_miss_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["--check", "items(toNumbr)", "--operation", "findCalls"], capsys)
    assert status == 1 and out == ""
    assert "did you mean 'toNumber'?" in err


def test_cli_far_miss_warns_and_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["--check", "items(zzqx)", "--operation", "findCalls"], capsys)
    assert status == 0 and "items/zzqx" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--check", "id", "--operation", "findCall"], "did you mean 'findCalls'?"),
        (["id", "--operation", "findCalls"], "--operation goes with --check"),
        (["--check", "id", "--operation", "deleteWebhook"], "no JSON object"),
        (["--check", "items(id", "--operation", "findCalls"], "unclosed"),
    ],
)
def test_cli_usage_errors_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(argv, capsys)
    assert status == 2 and message in err


def test_fields_on_an_operation_without_it_is_one_problem_whatever_its_syntax() -> None:
    # findKeywords documents no ``fields``: the value is refused as unknown, and its
    # syntax (unchecked) must not escape as a FieldsSyntaxError.
    for value in ("id", "0\r0", "items(("):
        with pytest.raises(RequestValidationError) as caught:
            check_request(OPERATIONS["findKeywords"], {"fields": value})
        (problem,) = caught.value.problems
        assert problem.location == "query.fields" and problem.code == "unknown"


@pytest.mark.parametrize("operation_id", ["createWebhook", "updateWebhook"])
def test_a_webhook_fields_is_checked_against_the_resource_it_reports(operation_id: str) -> None:
    operation = OPERATIONS[operation_id]
    params = {"id": 1} if operation_id == "updateWebhook" else {}
    body = {
        "name": "w",
        "resource": "OutboundCall",
        "events": ["finished"],
        "callback": "https://x",
    }
    assert check_request(operation, params, body={**body, "fields": "id,toNumber,records"}) == []
    with pytest.raises(RequestValidationError) as caught:
        check_request(operation, params, body={**body, "fields": "id,toNumbr"})
    (problem,) = caught.value.problems
    assert problem.location == "body.fields" and problem.code == "field-name"
    assert "Call resource" in problem.message and "did you mean 'toNumber'?" in problem.message
    (warning,) = check_request(operation, params, body={**body, "fields": "id,brandNewField"})
    assert warning.location == "body.fields" and warning.code == "field-unknown"
    # A resource type that carries no definition, or none given: nothing to check against.
    assert (
        check_request(operation, params, body={**body, "resource": "LowBalance", "fields": "zz"})
        == []
    )
    assert check_request(operation, params, body={"fields": "toNumbr"}) == []
