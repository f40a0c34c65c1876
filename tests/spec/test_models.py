"""The generated models and shapes: up to date with the specification, and complete."""

from __future__ import annotations

import importlib.util
import typing
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from cftools.client import models as client_models
from cftools.spec import OPERATIONS, models
from cftools.spec._shapes import SHAPES, WEBHOOK_RESOURCES

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT.parent / "shared" / "reference" / "callfire-v2-swagger.yaml"


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    if not SPEC_PATH.is_file():
        pytest.skip(f"official specification not found at {SPEC_PATH} (../shared is absent)")
    yaml = pytest.importorskip("yaml")
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    location = importlib.util.spec_from_file_location(
        "gen_operations", ROOT / "tools" / "gen_operations.py"
    )
    assert location is not None and location.loader is not None
    module = importlib.util.module_from_spec(location)
    location.loader.exec_module(module)
    return module


def test_models_py_is_what_the_generator_writes(spec: dict[str, Any], generator: Any) -> None:
    committed = (ROOT / "src" / "cftools" / "spec" / "models.py").read_text(encoding="utf-8")
    assert committed == generator.models_source(spec), "run: python tools/gen_operations.py"


def test_shapes_py_is_what_the_generator_writes(spec: dict[str, Any], generator: Any) -> None:
    committed = (ROOT / "src" / "cftools" / "spec" / "_shapes.py").read_text(encoding="utf-8")
    assert committed == generator.shapes_source(spec), "run: python tools/gen_operations.py"


def test_one_typeddict_per_definition_with_its_properties(
    spec: dict[str, Any], generator: Any
) -> None:
    for name in spec["definitions"]:
        cls = getattr(models, name)
        assert typing.is_typeddict(cls), name
        assert cls.__total__ is False and not cls.__required_keys__, name
        assert set(cls.__annotations__) == set(generator.flat_properties(spec, name)), name
        assert set(SHAPES[name]) == set(cls.__annotations__), name


def test_enumerations_are_literals_and_maps_are_dicts_of_strings() -> None:
    hints = typing.get_type_hints(models.Call)
    assert typing.get_origin(hints["state"]) is typing.Literal
    assert "FINISHED" in typing.get_args(hints["state"])
    assert hints["attributes"] == dict[str, str]
    assert hints["records"] == list[models.CallRecord]
    assert typing.get_type_hints(models.Contact)["properties"] == dict[str, str]


def test_composed_definitions_have_their_precise_item_types() -> None:
    assert typing.get_type_hints(models.CallPage)["items"] == list[models.Call]
    assert typing.get_type_hints(models.CallList)["items"] == list[models.Call]
    assert typing.get_type_hints(models.TextPage)["items"] == list[models.Text]
    assert typing.get_type_hints(models.StringList)["items"] == list[str]
    assert set(typing.get_type_hints(models.CallPage)) == {"items", "limit", "offset", "totalCount"}


def test_every_json_operation_names_a_model_or_none() -> None:
    for operation in OPERATIONS.values():
        if operation.result is not None:
            assert operation.response == "json"
            assert typing.is_typeddict(getattr(models, operation.result))
    assert OPERATIONS["findCalls"].result == "CallPage"
    assert OPERATIONS["sendCalls"].result == "CallList"


def test_webhook_payloads_are_typed_by_resource_type() -> None:
    assert set(WEBHOOK_RESOURCES) >= {"OutboundCall", "InboundText", "ContactList", "LowBalance"}
    for resource, events in WEBHOOK_RESOURCES.items():
        payload = getattr(models, f"{resource}WebhookPayload")
        hints = typing.get_type_hints(payload)
        assert typing.get_args(hints["resourceType"]) == (resource,)
        assert payload.__required_keys__ == {"resourceType", "events"}
        event = typing.get_args(hints["events"])[0]
        assert typing.get_args(typing.get_type_hints(event)["eventType"]) == events
    resource = typing.get_type_hints(models.OutboundCallWebhookEvent)["resource"]
    assert resource is models.Call
    assert typing.get_type_hints(models.LowBalanceWebhookEvent)["resource"] == dict[str, Any]
    assert len(typing.get_args(models.WebhookPayload)) == len(WEBHOOK_RESOURCES)


def test_the_client_reexports_the_same_classes() -> None:
    assert client_models.__all__ == models.__all__
    for name in models.__all__:
        assert getattr(client_models, name) is getattr(models, name)


def test_the_generator_refuses_a_definition_with_required_properties(generator: Any) -> None:
    spec = {"definitions": {"Thing": {"type": "object", "required": ["id"], "properties": {}}}}
    with pytest.raises(SystemExit, match="Thing declares required properties"):
        generator.model_class(spec, "Thing")


def test_webhook_resources_are_read_from_the_create_webhook_prose(
    spec: dict[str, Any], generator: Any
) -> None:
    assert generator.webhook_resources(spec) == dict(WEBHOOK_RESOURCES)
    assert WEBHOOK_RESOURCES["OutboundCall"] == ("finished",)
    assert WEBHOOK_RESOURCES["ContactList"] == ("validationFinished", "validationFailed")
