"""The table of operations against the official specification, and the method names.

The conformance tests read ``<repo>/../shared/reference/callfire-v2-swagger.yaml`` and
fail on any operation, method, path, parameter (name, location, required, type, format,
enumeration, default, collection format), status, response kind, media type or body
model property that differs, in both directions. What the project knows beyond the
specification is listed here explicitly, so that every departure is deliberate.
"""

from __future__ import annotations

import keyword
import re
from pathlib import Path
from typing import Any

import pytest

from cftools.spec._naming import method_name
from cftools.spec._operation import Operation
from cftools.spec._operations import OPERATIONS
from cftools.spec._schemas import MODELS, Schema

SPEC_PATH = (
    Path(__file__).resolve().parents[3] / "shared" / "reference" / "callfire-v2-swagger.yaml"
)

# Parameters the reference pages document (or pass in their examples) and the
# specification lacks, with their schemas.
SEED_ONLY_PARAMETERS = {
    **{
        (op, name): Schema("string")
        for op in (
            "findNumberLeases",
            "findNumberLeaseConfigs",
            "findNumbersLocal",
            "findNumberRegions",
        )
        for name in ("lata", "rateCenter")
    },
    ("findNumbersLocal", "offset"): Schema("integer", "int32"),
}
SEED_ONLY_PROPERTIES = {("NumberPurchaseRequest", "lata"), ("NumberPurchaseRequest", "rateCenter")}

# Comma-separated filters whose members the specification gives only in prose; the table
# takes them from these response-model enumerations.
CSV_ENUM_SOURCES = {
    ("findCalls", "states"): [("Call", "state")],
    ("findCalls", "results"): [("Call", "finalCallResult"), ("Text", "finalTextResult")],
    ("findTexts", "states"): [("Text", "state")],
    ("findTexts", "results"): [("Text", "finalTextResult")],
    ("findOrders", "status"): [("NumberOrder", "status")],
}
# Array items whose values the specification gives in prose (checked against that prose).
PROSE_ITEM_ENUMS = {("RetryConfig", "retryPhoneTypes")}
DAYS_OF_WEEK = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
PROJECT_FORMATS = {"phone", "fields", "dialplan"}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    if not SPEC_PATH.is_file():
        pytest.skip(f"official specification not found at {SPEC_PATH} (../shared is absent)")
    yaml = pytest.importorskip("yaml")
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def spec_operations(spec: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any]]]:
    return {
        op["operationId"]: (method.upper(), path, op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
    }


def spec_shape(node: dict[str, Any]) -> Any:
    """The comparable facts of a spec schema (or non-body parameter)."""
    if "$ref" in node:
        return ("ref", node["$ref"].rsplit("/", 1)[-1])
    return (
        node.get("type"),
        node.get("format"),
        tuple(node["enum"]) if "enum" in node else None,
        spec_shape(node["items"]) if "items" in node else None,
        spec_shape(node["additionalProperties"]) if "additionalProperties" in node else None,
        bool(node.get("readOnly")),
        node.get("default"),
    )


def table_shape(schema: Schema, *, keep_enum: bool = True) -> Any:
    """The same facts of a table schema, without the project's own formats."""
    if schema.ref is not None:
        return ("ref", schema.ref)
    return (
        schema.type,
        None if schema.format in PROJECT_FORMATS else schema.format,
        schema.enum if keep_enum else None,
        table_shape(schema.items) if schema.items is not None else None,
        table_shape(schema.additional) if schema.additional is not None else None,
        schema.read_only,
        schema.default,
    )


def test_the_table_has_every_operation_of_the_spec_and_no_other(
    spec_operations: dict[str, Any],
) -> None:
    assert len(OPERATIONS) == 122
    assert set(OPERATIONS) == set(spec_operations)
    assert list(OPERATIONS) == list(spec_operations)


def test_method_path_tag_status_and_media_types_match(spec_operations: dict[str, Any]) -> None:
    for operation_id, (method, path, op) in spec_operations.items():
        entry = OPERATIONS[operation_id]
        assert entry.operation_id == operation_id
        assert (entry.method, entry.path, entry.tag) == (method, path, op["tags"][0]), operation_id
        assert entry.consumes == tuple(op["consumes"]), operation_id
        assert entry.produces == tuple(op["produces"]), operation_id
        ok = {int(code): r for code, r in op["responses"].items() if code.startswith("2")}
        if ok:
            assert entry.success_status in ok, operation_id
        else:
            assert entry.success_status is None, operation_id


def test_response_kinds_follow_the_success_schema(spec_operations: dict[str, Any]) -> None:
    for operation_id, (_, _, op) in spec_operations.items():
        ok = [r for code, r in op["responses"].items() if code.startswith("2")]
        schema = ok[0].get("schema", {}) if ok else {}
        ref = schema.get("$ref", "").rsplit("/", 1)[-1]
        expected = (
            "empty"
            if not schema
            else "boolean"
            if schema.get("type") == "boolean"
            else "binary"
            if ref in ("InputStream", "StreamingOutput")
            else "json"
        )
        assert OPERATIONS[operation_id].response == expected, operation_id


def test_parameters_match_in_both_directions(spec_operations: dict[str, Any]) -> None:
    for operation_id, (_, _, op) in spec_operations.items():
        entry = OPERATIONS[operation_id]
        spec_params = {(p["name"], p["in"]): p for p in op.get("parameters", [])}
        table_params = {(p.name, p.location): p for p in entry.parameters if not p.seed_only}
        assert set(table_params) == set(spec_params), operation_id
        assert len(entry.parameters) == len({p.name for p in entry.parameters}), operation_id
        for key, sp in spec_params.items():
            tp = table_params[key]
            where = f"{operation_id} {key}"
            assert tp.required == bool(sp.get("required")), where
            assert tp.collection_format == sp.get("collectionFormat"), where
            expected = spec_shape(sp["schema"]) if sp["in"] == "body" else spec_shape(sp)
            described = (operation_id, sp["name"]) in CSV_ENUM_SOURCES
            assert table_shape(tp.schema, keep_enum=not described) == expected, where


def test_seed_only_parameters_are_exactly_the_documented_extras() -> None:
    marked = {
        (op.operation_id, p.name)
        for op in OPERATIONS.values()
        for p in op.parameters
        if p.seed_only
    }
    assert marked == set(SEED_ONLY_PARAMETERS)
    for (operation_id, name), schema in SEED_ONLY_PARAMETERS.items():
        parameter = OPERATIONS[operation_id].parameter(name)
        assert parameter is not None
        assert (parameter.location, parameter.schema) == ("query", schema)
        assert not parameter.required


def test_comma_separated_filters_take_their_members_from_the_response_models(
    spec: dict[str, Any],
) -> None:
    definitions = spec["definitions"]
    separated = {
        (op.operation_id, p.name)
        for op in OPERATIONS.values()
        for p in op.parameters
        if p.schema.separator is not None and p.schema.enum is not None
    }
    assert separated == set(CSV_ENUM_SOURCES)
    for (operation_id, name), sources in CSV_ENUM_SOURCES.items():
        expected: list[str] = []
        for model, prop in sources:
            expected += [
                v for v in definitions[model]["properties"][prop]["enum"] if v not in expected
            ]
        parameter = OPERATIONS[operation_id].parameter(name)
        assert parameter is not None
        assert parameter.schema.enum == tuple(expected)
        # Every value the prose lists is accepted.
        prose = re.search(
            r"values: \[?([A-Z_, ]+)", parameter_description(spec, operation_id, name)
        )
        assert prose is not None
        listed = {v.strip() for v in prose.group(1).split(",") if v.strip()}
        assert listed <= set(expected), (operation_id, name, listed - set(expected))


def parameter_description(spec: dict[str, Any], operation_id: str, name: str) -> str:
    for item in spec["paths"].values():
        for op in item.values():
            if op["operationId"] == operation_id:
                for p in op["parameters"]:
                    if p["name"] == name:
                        return str(p.get("description", ""))
    raise AssertionError((operation_id, name))


def test_body_models_match_the_definitions(spec: dict[str, Any]) -> None:
    definitions = spec["definitions"]
    reachable = set()
    todo = [
        ref for op in OPERATIONS.values() for p in op.parameters for ref in schema_refs(p.schema)
    ]
    while todo:
        name = todo.pop()
        if name not in reachable:
            reachable.add(name)
            todo += [r for s in MODELS[name].properties.values() for r in schema_refs(s)]
    assert set(MODELS) == reachable
    for name, model in MODELS.items():
        assert model.name == name
        spec_props = definitions[name].get("properties", {})
        table_props = {p for p in model.properties if (name, p) not in SEED_ONLY_PROPERTIES}
        assert table_props == set(spec_props), name
        assert {(name, p) for p in model.seed_only} == {
            k for k in SEED_ONLY_PROPERTIES if k[0] == name
        }
        for prop, pspec in spec_props.items():
            schema = model.properties[prop]
            if (name, prop) in PROSE_ITEM_ENUMS or prop == "daysOfWeek":
                assert schema.items is not None and schema.items.enum is not None
                check_item_enum(name, prop, schema.items.enum, pspec)
                schema = Schema(
                    schema.type, items=Schema("string"), unique_items=schema.unique_items
                )
            assert table_shape(schema) == spec_shape(pspec), (name, prop)
            if schema.minimum is not None:
                assert f"{schema.minimum}-{schema.maximum}" in pspec["description"], (name, prop)


def check_item_enum(model: str, prop: str, values: tuple[str, ...], pspec: dict[str, Any]) -> None:
    if prop == "daysOfWeek":
        assert values == DAYS_OF_WEEK
    else:
        prose = pspec["description"].split("values:", 1)[1]
        assert values == tuple(v.strip() for v in prose.split(",")), (model, prop)


def schema_refs(schema: Schema | None) -> list[str]:
    if schema is None:
        return []
    found = [schema.ref] if schema.ref is not None else []
    return found + schema_refs(schema.items) + schema_refs(schema.additional)


def test_only_send_calls_has_a_documented_recipient_limit(spec_operations: dict[str, Any]) -> None:
    for operation_id, (_, _, op) in spec_operations.items():
        body = OPERATIONS[operation_id].body
        limit = re.search(
            r"Max number of \w+ objects is (\d+)",
            next((p.get("description", "") for p in op["parameters"] if p["in"] == "body"), ""),
        )
        expected = int(limit.group(1)) if limit else None
        assert (body.schema.max_items if body else None) == expected, operation_id
    assert OPERATIONS["sendCalls"].body is not None
    assert OPERATIONS["sendCalls"].body.schema.max_items == 10


def test_paged_operations_take_limit_and_offset() -> None:
    paged = [op for op in OPERATIONS.values() if op.paged]
    assert len(paged) == 24
    for op in paged:
        assert op.method == "GET" and op.response == "json"
        assert op.parameter("limit") is not None and op.parameter("offset") is not None
    assert not OPERATIONS["getContactHistory"].paged  # limit/offset, but not a page
    assert OPERATIONS["findCalls"].paged


def test_path_templates_name_exactly_the_path_parameters() -> None:
    for op in OPERATIONS.values():
        in_path = set(re.findall(r"\{(\w+)\}", op.path))
        declared = {p.name for p in op.parameters if p.location == "path"}
        assert in_path == declared, op.operation_id
        assert all(p.required for p in op.parameters if p.location == "path")


def test_every_operation_has_a_summary() -> None:
    for op in OPERATIONS.values():
        assert op.summary.endswith(".") and op.summary[0].isupper(), op.operation_id


# -- Method names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("operation_id", "expected"),
    [
        ("sendCalls", "send_calls"),
        ("getCallRecordingMp3ByName", "get_call_recording_mp3_by_name"),
        ("isKeywordAvailable", "is_keyword_available"),
        ("postTTSCampaignSound", "post_tts_campaign_sound"),
        ("sendVerificationCodeToCallerId", "send_verification_code_to_caller_id"),
        ("findTextAutoReplys", "find_text_auto_replys"),
        ("getCampaignSoundDataWav", "get_campaign_sound_data_wav"),
    ],
)
def test_method_name_examples(operation_id: str, expected: str) -> None:
    assert method_name(operation_id) == expected


def test_method_names_are_unique_identifiers_and_not_keywords() -> None:
    names = [method_name(operation_id) for operation_id in OPERATIONS]
    assert len(set(names)) == len(OPERATIONS) == 122
    for name in names:
        assert name.isidentifier() and not keyword.iskeyword(name), name
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", name), name


def test_method_names_are_reversible_up_to_case() -> None:
    for operation_id in OPERATIONS:
        assert method_name(operation_id).replace("_", "") == operation_id.lower()


def test_operation_values_are_immutable() -> None:
    op: Operation = OPERATIONS["sendCalls"]
    with pytest.raises(AttributeError):
        op.path = "/elsewhere"  # type: ignore[misc]
    with pytest.raises(TypeError):
        OPERATIONS["x"] = op  # type: ignore[index]


def test_recipient_rules_come_from_the_definitions(spec: dict[str, Any]) -> None:
    """Models whose description requires a phone number or a contact id, and only those."""
    definitions = spec["definitions"]
    ruled = {name for name, model in MODELS.items() if model.one_of}
    assert ruled == {"Recipient", "CallRecipient", "TextRecipient"}
    for name in ruled:
        text = definitions[name]["description"].lower()
        assert "one of" in text or "either" in text, name
        assert set(MODELS[name].one_of) == {"phoneNumber", "contactId"}
