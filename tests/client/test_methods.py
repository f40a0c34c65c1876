"""The generated named methods: up to date with the table, complete, typed, documented."""

from __future__ import annotations

import inspect
import typing

import pytest

from cftools.client import OPERATIONS, AsyncClient, Client, _codegen, _methods, method_name
from cftools.spec import models

# The models are imported by _methods for type checking only: resolve hints with them.
HINTS_NAMESPACE = {**vars(_methods), **vars(models)}


def test_the_generated_file_is_up_to_date() -> None:
    expected = _codegen.generate(OPERATIONS)
    current = _codegen.TARGET.read_text(encoding="utf-8")
    assert current == expected, "run: python -m cftools.client._codegen"


def test_check_mode_reports_a_stale_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: typing.Any, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = tmp_path / "_methods.py"
    stale.write_text("# old\n", encoding="utf-8")
    monkeypatch.setattr(_codegen, "TARGET", stale)
    assert _codegen.main(["--check"]) == 1
    assert "out of date" in capsys.readouterr().out
    assert _codegen.main([]) == 0
    assert _codegen.main(["--check"]) == 0


def test_one_method_per_operation_and_nothing_else() -> None:
    public = {
        name
        for name, _ in inspect.getmembers(_methods.SyncOperations, inspect.isfunction)
        if not name.startswith("_")
    }
    assert public == {method_name(op) for op in OPERATIONS}


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_signature_covers_every_parameter(operation_id: str) -> None:
    operation = OPERATIONS[operation_id]
    method = getattr(Client, method_name(operation_id))
    signature = inspect.signature(method)
    names = set(signature.parameters) - {"self", "project", "validate"}
    expected = {
        "body" if p.location == "body" else _codegen.python_name(p.name)
        for p in operation.parameters
    }
    assert names == expected
    for parameter in operation.parameters:
        if parameter.location == "path":
            python = signature.parameters[_codegen.python_name(parameter.name)]
            assert python.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
            assert python.default is inspect.Parameter.empty
    assert ("project" in signature.parameters) == (operation.parameter("fields") is not None)
    hints = typing.get_type_hints(method, globalns=HINTS_NAMESPACE)
    model = getattr(models, operation.result or "", typing.Any)
    expected_return = {"json": model, "empty": type(None), "binary": bytes, "boolean": bool}
    assert hints["return"] == expected_return[operation.response]
    assert operation.path in (method.__doc__ or "")


def test_the_names_collide_nowhere() -> None:
    for operation_id in OPERATIONS:
        name = method_name(operation_id)
        assert not hasattr(object, name)
        assert name not in {"invoke", "paginate", "download", "close", "aclose"}
        assert getattr(AsyncClient, name) is not getattr(Client, name)


def test_generation_refuses_clashing_names() -> None:
    from dataclasses import replace

    operation = OPERATIONS["getCall"]
    clash = replace(operation, operation_id="getcall")
    with pytest.raises(ValueError, match="same method name"):
        _codegen.generate({"getCall": operation, "get_call": clash})
    twin = replace(operation, parameters=operation.parameters + operation.parameters[:1])
    with pytest.raises(ValueError, match="clash"):
        _codegen.generate({"getCall": twin})
