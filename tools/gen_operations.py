"""Generate the table of operations and the body models from the official specification.

    python tools/gen_operations.py [path/to/callfire-v2-swagger.yaml]

Writes ``src/cftools/spec/_operations.py``, the generated region of
``src/cftools/spec/_schemas.py``, the typed models ``src/cftools/spec/models.py`` and the
response shapes ``src/cftools/spec/_shapes.py``, then tidies them with ruff. The committed files are
the source of truth: the runtime never reads the specification, and
``tests/client/test_operations.py`` checks the table against it.

The specification supplies the facts (operations, parameters, types, enumerations,
defaults, statuses, media types). The tables at the top of this script add what the
project knows beyond it, each with its source: parameters that CallFire's reference pages
document but the specification dropped, enumerations and ranges that the specification
states only in prose, the recipient limit of ``sendCalls``, and which strings are phone
numbers, ``fields`` expressions or dialplans.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = ROOT.parent / "shared" / "reference" / "callfire-v2-swagger.yaml"
OPERATIONS_PY = ROOT / "src" / "cftools" / "spec" / "_operations.py"
SCHEMAS_PY = ROOT / "src" / "cftools" / "spec" / "_schemas.py"
MODELS_PY = ROOT / "src" / "cftools" / "spec" / "models.py"
SHAPES_PY = ROOT / "src" / "cftools" / "spec" / "_shapes.py"

# -- What the project adds to the specification ------------------------------------------

# Query parameters that the reference pages (seed) use and the specification lacks, with
# their schemas: lata and rateCenter are documented beside each number search; offset is
# passed to findNumbersLocal by both of its examples (curl and Python).
SEED_ONLY_PARAMETERS: dict[str, tuple[tuple[str, str], ...]] = {
    "findNumberLeases": (("lata", "STRING"), ("rateCenter", "STRING")),
    "findNumberLeaseConfigs": (("lata", "STRING"), ("rateCenter", "STRING")),
    "findNumbersLocal": (("lata", "STRING"), ("rateCenter", "STRING"), ("offset", "INT32")),
    "findNumberRegions": (("lata", "STRING"), ("rateCenter", "STRING")),
}
# Body properties that the reference pages document and the specification lacks.
SEED_ONLY_PROPERTIES: dict[str, tuple[str, ...]] = {
    "NumberPurchaseRequest": ("lata", "rateCenter"),
}

# Comma-separated query filters whose values the specification lists in prose; the
# members come from the enumerations of the matching response models (a superset of the
# prose), and from the prose itself where it names other values.
CSV_ENUMS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("findCalls", "states"): (("Call", "state"),),
    ("findCalls", "results"): (("Call", "finalCallResult"), ("Text", "finalTextResult")),
    ("findTexts", "states"): (("Text", "state"),),
    ("findTexts", "results"): (("Text", "finalTextResult"),),
    ("findOrders", "status"): (("NumberOrder", "status"),),
}

# Array items whose values the specification lists in prose (or, for days of the week,
# that the server parses as java.time.DayOfWeek, as the reference examples show).
ITEM_ENUMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("RetryConfig", "retryPhoneTypes"): (
        "FIRST_NUMBER",
        "HOME_PHONE",
        "WORK_PHONE",
        "MOBILE_PHONE",
    ),
    ("Schedule", "daysOfWeek"): (
        "MONDAY",
        "TUESDAY",
        "WEDNESDAY",
        "THURSDAY",
        "FRIDAY",
        "SATURDAY",
        "SUNDAY",
    ),
    ("WeeklySchedule", "daysOfWeek"): (
        "MONDAY",
        "TUESDAY",
        "WEDNESDAY",
        "THURSDAY",
        "FRIDAY",
        "SATURDAY",
        "SUNDAY",
    ),
}

# Ranges the specification states in prose ("Available values: 0-23").
RANGES: dict[tuple[str, str], tuple[int, int]] = {
    ("LocalTime", "hour"): (0, 23),
    ("LocalTime", "minute"): (0, 59),
    ("LocalTime", "second"): (0, 59),
    ("LocalDate", "month"): (1, 12),
    ("LocalDate", "day"): (1, 31),
}

# Array limits the specification states in prose ("Max number of CallRecipient objects is 10").
BODY_MAX_ITEMS: dict[str, int] = {"sendCalls": 10}

# Models where at least one of these properties identifies the recipient.
ONE_OF: dict[str, tuple[str, ...]] = {
    "Recipient": ("phoneNumber", "contactId"),
    "CallRecipient": ("phoneNumber", "contactId"),
    "TextRecipient": ("phoneNumber", "contactId"),
}

# Strings that are phone numbers (or short codes): body properties by model, query and
# path parameters by name. Array properties listed here hold phone numbers.
PHONE_PROPERTIES: dict[str, tuple[str, ...]] = {
    "AddContactListContactsRequest": ("contactNumbers",),
    "AddDoNotContactRequest": ("numbers",),
    "CallBroadcast": ("fromNumber",),
    "CallBroadcastSounds": ("transferNumber",),
    "CallCreateSound": ("toNumber",),
    "CallRecipient": ("phoneNumber", "fromNumber", "transferNumber"),
    "CallTrackingConfig": ("transferNumbers",),
    "Contact": (
        "homePhone",
        "mobilePhone",
        "workPhone",
        "extraPhone1",
        "extraPhone2",
        "extraPhone3",
    ),
    "CreateContactListRequest": ("contactNumbers",),
    "DoNotContact": ("number",),
    "NumberConfig": ("number",),
    "NumberLease": ("number",),
    "NumberPurchaseRequest": ("numbers",),
    "Recipient": ("phoneNumber", "fromNumber"),
    "TextAutoReply": ("number",),
    "TextBroadcast": ("fromNumber",),
    "TextInboundConfig": ("forwardNumber",),
    "TextRecipient": ("phoneNumber", "fromNumber"),
}
PHONE_PARAMETERS = frozenset({"fromNumber", "toNumber", "number", "callerid"})
# Path parameters that take several phone numbers joined by commas (per the reference pages).
PHONE_LIST_PARAMETERS: dict[str, str] = {"deleteDoNotContact": "number"}

DIALPLAN_PROPERTIES = frozenset({"dialplanXml"})
FIELDS_PROPERTIES: dict[str, tuple[str, ...]] = {"Webhook": ("fields",)}

# Shared schemas defined by name in _schemas.py, so the generated code stays readable.
NAMED_SCHEMAS = {
    "Schema('string')": "STRING",
    "Schema('string', 'fields')": "FIELDS",
    "Schema('boolean')": "BOOLEAN",
    "Schema('integer', 'int32')": "INT32",
    "Schema('integer', 'int64')": "INT64",
    "Schema('string', 'phone')": "PHONE",
    "Schema('file')": "FILE",
    "Schema('object', additional=STRING)": "STRING_MAP",
    "Schema('string', enum=('MALE1', 'FEMALE1', 'FEMALE2', 'SPANISH1', 'FRENCHCANADIAN1'))": (
        "VOICE"
    ),
}

BINARY_MODELS = frozenset({"InputStream", "StreamingOutput"})


# -- Rendering ---------------------------------------------------------------------------


def render_schema(fields: dict[str, Any]) -> str:
    """Render a schema as a constructor call, using the shared names where they fit."""
    args: list[str] = []
    positional = True
    for key in ("type", "format"):
        if fields.get(key) is not None and positional:
            args.append(repr(fields[key]))
        else:
            positional = False
            if fields.get(key) is not None:
                args.append(f"{key}={fields[key]!r}")
    for key in (
        "enum",
        "separator",
        "items",
        "ref",
        "additional",
        "minimum",
        "maximum",
        "max_items",
        "unique_items",
        "read_only",
        "default",
    ):
        value = fields.get(key)
        if value is None or (value is False and key != "default"):
            continue
        if key in ("items", "additional"):
            args.append(f"{key}={value}")
        elif key == "enum":
            args.append(f"enum={tuple(value)!r}")
        else:
            args.append(f"{key}={value!r}")
    text = f"Schema({', '.join(args)})"
    return NAMED_SCHEMAS.get(text, text)


def schema_fields(spec: dict[str, Any]) -> dict[str, Any]:
    """The schema fields of a spec schema or parameter (without project additions)."""
    if "$ref" in spec:
        return {"ref": spec["$ref"].rsplit("/", 1)[-1]}
    out: dict[str, Any] = {"type": spec.get("type"), "format": spec.get("format")}
    if "enum" in spec:
        out["enum"] = spec["enum"]
    if spec.get("type") == "array":
        out["items"] = render_schema(schema_fields(spec["items"]))
    if "additionalProperties" in spec:
        out["additional"] = render_schema(schema_fields(spec["additionalProperties"]))
    if spec.get("uniqueItems"):
        out["unique_items"] = True
    if spec.get("readOnly"):
        out["read_only"] = True
    if "default" in spec:
        out["default"] = spec["default"]
    return out


def phone_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Mark a string (or the items of an array of strings) as a phone number."""
    if fields.get("type") == "array":
        fields["items"] = "PHONE"
    else:
        assert fields.get("type") == "string", fields
        fields["format"] = "phone"
    return fields


def model_source(name: str, spec: dict[str, Any]) -> str:
    props: list[str] = []
    for prop, pspec in sorted(spec.get("properties", {}).items()):
        fields = schema_fields(pspec)
        if prop in PHONE_PROPERTIES.get(name, ()):
            phone_fields(fields)
        if prop in DIALPLAN_PROPERTIES:
            fields["format"] = "dialplan"
        if prop in FIELDS_PROPERTIES.get(name, ()):
            fields["format"] = "fields"
        if (name, prop) in ITEM_ENUMS:
            fields["items"] = render_schema({"type": "string", "enum": ITEM_ENUMS[name, prop]})
        if (name, prop) in RANGES:
            fields["minimum"], fields["maximum"] = RANGES[name, prop]
        props.append(f"{prop!r}: {render_schema(fields)},")
    for prop in SEED_ONLY_PROPERTIES.get(name, ()):
        props.append(f"{prop!r}: STRING,")
    args = [repr(name), "{" + "\n".join(props) + "}"]
    if name in ONE_OF:
        args.append(f"one_of={ONE_OF[name]!r}")
    if name in SEED_ONLY_PROPERTIES:
        args.append(f"seed_only=frozenset({SEED_ONLY_PROPERTIES[name]!r})")
    return f"{name!r}: Model({', '.join(args)}),"


def body_models(spec: dict[str, Any]) -> list[str]:
    """Every model reachable from a request body, in name order."""
    definitions = spec["definitions"]
    todo: list[str] = []
    for item in spec["paths"].values():
        for operation in item.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "body":
                    todo.extend(refs(parameter["schema"]))
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(refs(definitions[name]))
    return sorted(seen)


def refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"].rsplit("/", 1)[-1]] if "$ref" in node else []
        for value in node.values():
            found.extend(refs(value))
        return found
    if isinstance(node, list):
        return [name for value in node for name in refs(value)]
    return []


def property_names(spec: dict[str, Any], name: str) -> set[str]:
    """The property names of a definition, following ``allOf``."""
    model = spec["definitions"][name]
    names = set(model.get("properties", {}))
    for part in model.get("allOf", ()):
        names |= (
            property_names(spec, refs(part)[0])
            if "$ref" in part
            else set(part.get("properties", {}))
        )
    return names


def summary_of(operation_id: str) -> str:
    """A mechanical summary: the operationId as words (``Get call recording mp3 by name``)."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", operation_id)
    words = words.lower()
    return words[0].upper() + words[1:] + "."


def parameter_source(spec: dict[str, Any], operation_id: str, p: dict[str, Any]) -> str:
    name, where = p["name"], p["in"]
    if where == "body":
        fields = schema_fields(p["schema"])
        if operation_id in BODY_MAX_ITEMS:
            fields["max_items"] = BODY_MAX_ITEMS[operation_id]
    else:
        fields = schema_fields(p)
        if name == "fields":
            fields["format"] = "fields"
        if where in ("query", "path") and name in PHONE_PARAMETERS:
            phone_fields(fields)
        if PHONE_LIST_PARAMETERS.get(operation_id) == name:
            fields["separator"] = ","
        if (operation_id, name) in CSV_ENUMS:
            members: list[str] = []
            for model, prop in CSV_ENUMS[operation_id, name]:
                for value in spec["definitions"][model]["properties"][prop]["enum"]:
                    if value not in members:
                        members.append(value)
            fields["enum"] = members
            fields["separator"] = ","
    args = [repr(name), repr(where)]
    if p.get("required"):
        args.append("required=True")
    args.append(f"schema={render_schema(fields)}")
    if p.get("collectionFormat"):
        args.append(f"collection_format={p['collectionFormat']!r}")
    return f"Parameter({', '.join(args)}),"


def operation_source(spec: dict[str, Any], method: str, path: str, op: dict[str, Any]) -> str:
    operation_id = op["operationId"]
    parameters = [parameter_source(spec, operation_id, p) for p in op.get("parameters", [])]
    for name, schema in SEED_ONLY_PARAMETERS.get(operation_id, ()):
        parameters.append(f"Parameter({name!r}, 'query', schema={schema}, seed_only=True),")
    ok = {code: r for code, r in op["responses"].items() if code.startswith("2")}
    status: int | None = None
    response = "empty"
    page = False
    result: str | None = None
    if ok:
        code, answer = next(iter(ok.items()))
        status = int(code)
        schema = answer.get("schema", {})
        if schema.get("type") == "boolean":
            response = "boolean"
        elif refs(schema) and refs(schema)[0] in BINARY_MODELS:
            response = "binary"
        elif schema:
            response = "json"
            result = refs(schema)[0] if refs(schema) else None
            page = bool(refs(schema)) and {"items", "totalCount"} <= property_names(
                spec, refs(schema)[0]
            )
    query = {p["name"] for p in op.get("parameters", []) if p["in"] == "query"}
    paged = {"limit", "offset"} <= query and page
    args = [
        repr(operation_id),
        repr(method.upper()),
        repr(path),
        repr(op["tags"][0]),
        "(\n" + "\n".join(parameters) + "\n)",
        repr(response),
        f"success_status={status!r}",
    ]
    if tuple(op.get("consumes", ())) != ("application/json",):
        args.append(f"consumes={tuple(op['consumes'])!r}")
    if tuple(op.get("produces", ())) != ("application/json",):
        args.append(f"produces={tuple(op['produces'])!r}")
    if paged:
        args.append("paged=True")
    if result is not None:
        args.append(f"result={result!r}")
    args.append(f"summary={summary_of(operation_id)!r}")
    return f"Operation({', '.join(args)}),"


OPERATIONS_HEADER = '''"""The table of every CallFire API v2 operation.

Generated by ``tools/gen_operations.py`` from the official specification, then committed:
this file is the source of truth at runtime (the specification is never read), and
``tests/client/test_operations.py`` fails on any difference from the specification.

Each entry is an :class:`~cftools.spec._operation.Operation`: method, path template,
parameters with their schemas (see :mod:`cftools.spec._schemas`), response kind,
documented success status, media types, and whether it answers with a page.
Parameters marked ``seed_only`` are documented by CallFire's reference pages but absent
from the specification; the server accepts them.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ._operation import Operation, Parameter
from ._schemas import {imports}

__all__ = ["OPERATIONS"]

_TABLE: tuple[Operation, ...] = (
'''

OPERATIONS_FOOTER = '''
)

OPERATIONS: Mapping[str, Operation] = MappingProxyType({op.operation_id: op for op in _TABLE})
"""Every operation of the API, by operationId, in the specification's order."""
'''


# -- Typed models and response shapes ----------------------------------------------------

# What a webhook delivers for each resource type: the definition of the resource that
# the events carry (the specification lists resource types and events only in the prose
# of createWebhook; this maps them to its definitions). Resource types without an entry
# (CccCampaign, MonthlyRenewal, LowBalance) have no definition: their resource is a dict.
WEBHOOK_RESOURCE_MODELS: dict[str, str] = {
    "CallBroadcast": "CallBroadcast",
    "TextBroadcast": "TextBroadcast",
    "OutboundCall": "Call",
    "InboundCall": "Call",
    "OutboundText": "Text",
    "InboundText": "Text",
    "ContactList": "ContactList",
}
_PROSE_RESOURCES = re.compile(r"'(\w+)': \[([^\]]*)\]")


def webhook_resources(spec: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Resource types and their events, read from the prose of ``createWebhook``."""
    for item in spec["paths"].values():
        for op in item.values():
            if op["operationId"] == "createWebhook":
                found = {
                    name: tuple(re.findall(r"'(\w+)'", events))
                    for name, events in _PROSE_RESOURCES.findall(op["description"])
                }
                assert found and set(WEBHOOK_RESOURCE_MODELS) <= set(found), found
                return found
    raise AssertionError("createWebhook not found")


def flat_properties(spec: dict[str, Any], name: str) -> dict[str, Any]:
    """The properties of a definition, ``allOf`` parts merged in order (later wins)."""
    model = spec["definitions"][name]
    merged: dict[str, Any] = {}
    for part in model.get("allOf", ()):
        if "$ref" in part:
            merged.update(flat_properties(spec, refs(part)[0]))
        else:
            merged.update(part.get("properties", {}))
    merged.update(model.get("properties", {}))
    return merged


def python_type(node: dict[str, Any]) -> str:
    """The annotation of a spec schema in ``models.py``."""
    if "$ref" in node:
        return str(node["$ref"].rsplit("/", 1)[-1])
    kind = node.get("type")
    if kind == "array":
        return f"list[{python_type(node['items'])}]"
    if kind == "object":
        if "additionalProperties" in node:
            return f"dict[str, {python_type(node['additionalProperties'])}]"
        return "dict[str, Any]"
    if kind == "string" and "enum" in node:
        return "Literal[" + ", ".join(repr(v) for v in node["enum"]) + "]"
    return {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}[kind]


def _doc(text: str | None, width: int = 88) -> str:
    """The first sentence of a description, for a docstring (``~`` means none)."""
    text = " ".join((text or "").split())
    if not text or text == "~":
        return ""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)  # markdown links: keep the words
    first = re.split(r"(?<=[a-z0-9)])\. ", text, maxsplit=1)[0].rstrip(".")
    first = first.replace("\\", "\\\\").replace('"', "'")
    if len(first) > width:
        first = first[: width - 3].rstrip() + "..."
    return first + "."


def model_class(spec: dict[str, Any], name: str) -> str:
    definition = spec["definitions"][name]
    properties = flat_properties(spec, name)
    if definition.get("required"):
        raise SystemExit(
            f"{name} declares required properties: models.py assumes none do (see its "
            "docstring); generate a request variant before going on"
        )
    lines = [f"class {name}(TypedDict, total=False):"]
    doc = _doc(definition.get("description")) or f"The ``{name}`` definition of the API."
    parts = [refs(part)[0] for part in definition.get("allOf", ()) if "$ref" in part]
    item = shape_of(properties.get("items", {}))
    article = "An" if parts and parts[0][0] in "AEIOU" else "A"
    if parts and item is not None:
        doc = f"{article} ``{parts[0]}`` of ``{item}`` items."
    elif parts:
        doc = f"{article} ``{parts[0]}`` of plain values."
    lines.append(f'    """{doc}"""')
    if properties:
        lines.append("")
    for prop, pspec in sorted(properties.items()):
        lines.append(f"    {prop}: {python_type(pspec)}")
        described = _doc(pspec.get("description"))
        if pspec.get("readOnly"):
            described = (described + " Read-only: set by the server.").strip()
        if described:
            lines.append(f'    """{described}"""')
    return "\n".join(lines) + "\n"


def webhook_classes(spec: dict[str, Any]) -> tuple[str, list[str]]:
    """The payload TypedDicts, one per resource type, and their names."""
    out: list[str] = []
    names: list[str] = []
    resources = webhook_resources(spec)
    for resource, events in resources.items():
        model = WEBHOOK_RESOURCE_MODELS.get(resource)
        resource_type = model if model is not None else "dict[str, Any]"
        event_literal = "Literal[" + ", ".join(repr(e) for e in events) + "]"
        listed = "``, ``".join(events)
        out.append(
            f"class {resource}WebhookEvent(TypedDict, total=False):\n"
            f'    """One ``{resource}`` event: ``{listed}``."""\n\n'
            "    timestamp: int\n"
            '    """When the event happened, in unix time milliseconds."""\n'
            f"    eventType: {event_literal}\n"
            '    """What happened to the resource."""\n'
            f"    resource: {resource_type}\n"
            '    """The resource, as it was when the event happened."""\n'
        )
        out.append(
            f"class _{resource}WebhookPayloadKeys(TypedDict):\n"
            f"    resourceType: Literal[{resource!r}]\n"
            f"    events: list[{resource}WebhookEvent]\n\n\n"
            f"class {resource}WebhookPayload(_{resource}WebhookPayloadKeys, total=False):\n"
            f'    """What a webhook on ``{resource}`` receives."""\n\n'
            "    timestamp: int\n"
            '    """When the payload was sent, in unix time milliseconds."""\n'
            "    webhookId: int\n"
            '    """The id of the webhook that sent it."""\n'
            "    webhookName: str\n"
            '    """The name of the webhook that sent it."""\n'
        )
        names += [f"{resource}WebhookEvent", f"{resource}WebhookPayload"]
    union = " | ".join(f"{r}WebhookPayload" for r in resources)
    out.append(
        f"WebhookPayload: TypeAlias = {union}\n"
        '"""A webhook payload, by ``resourceType`` (compare it to narrow the union)."""\n'
    )
    names.append("WebhookPayload")
    return "\n\n".join(out), names


MODELS_HEADER = '''"""Typed models of the CallFire API v2: a TypedDict per definition of the spec.

GENERATED by ``tools/gen_operations.py`` from the official specification: do not edit;
``tests/test_models.py`` regenerates it and fails on any difference. The public names are
re-exported by :mod:`cftools.client.models`.

These are types for the editor and for mypy; at run time every value is the plain
``dict`` or ``list`` that ``json`` decodes, and nothing is checked against them: unknown
keys, enumeration values the specification does not list and large integers all come
through unchanged.

The rules:

* every definition becomes a ``TypedDict`` of the same name, its enumerations
  ``Literal`` types, its free-form maps (``attributes``, ``properties``)
  ``dict[str, str]``;
* every key is optional (``total=False``). For responses this is the rule: a ``fields``
  expression can drop any key. For request bodies it is what the specification says:
  it marks no property of any definition as required (the one rule that spans keys, a
  recipient's ``phoneNumber`` or ``contactId``, cannot be written as a required key and
  is checked at run time). So one class serves a definition used both ways, and a
  resource fetched with ``get_...`` can be edited and sent back as it is. Read-only
  properties stay in the class: the server ignores them in a request, and the request
  check warns about them. The generator refuses to run should the specification ever
  mark a property required, so that this rule is revisited then;
* composed definitions (``CallPage`` is ``Page`` with items of ``Call``, ``CallList`` is
  ``ItemList`` with items of ``Call``) are flattened into classes of their own names with
  the precise item types;
* webhook payloads (``OutboundCallWebhookPayload``, ...) are typed from the resource
  types and events that the specification lists for ``createWebhook``, the resource of
  each event typed by its definition (a ``dict`` where there is none);
  :data:`WebhookPayload` is their union, tagged by ``resourceType``.
"""

# ruff: noqa: E501
# fmt: off

from __future__ import annotations

from typing import Any, Literal, TypeAlias, TypedDict

__all__ = {names}


'''


def models_source(spec: dict[str, Any]) -> str:
    names = sorted(spec["definitions"])
    classes = [model_class(spec, name) for name in names]
    webhooks, webhook_names = webhook_classes(spec)
    public = sorted([*names, *webhook_names])
    header = MODELS_HEADER.replace("{names}", repr(public))
    return header + "\n\n".join([*classes, webhooks]).rstrip("\n") + "\n"


def shape_of(node: dict[str, Any]) -> str | None:
    """What a property holds, for ``fields`` checks: a definition, a map, or nothing below."""
    if "$ref" in node:
        return str(node["$ref"].rsplit("/", 1)[-1])
    if node.get("type") == "array":
        return shape_of(node["items"])
    if node.get("type") == "object":
        return "*"  # a free-form map, or the untyped items of Page and ItemList
    return None


SHAPES_HEADER = '''"""The shape of every definition, to check the names in ``fields`` expressions.

GENERATED by ``tools/gen_operations.py`` from the official specification: do not edit.
For each definition, its property names and what each holds: the name of another
definition (arrays are looked through, as ``fields`` does), ``"*"`` for a free-form map
(any key), or ``None`` for a plain value. Also the webhook resource types and their
events, as the specification lists them for ``createWebhook``, and the definition of
the resource each type carries.
"""

# ruff: noqa: E501
# fmt: off

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["SHAPES", "WEBHOOK_RESOURCES", "WEBHOOK_RESOURCE_MODELS"]

'''


def shapes_source(spec: dict[str, Any]) -> str:
    rows = []
    for name in sorted(spec["definitions"]):
        props = flat_properties(spec, name)
        inner = ", ".join(f"{k!r}: {shape_of(v)!r}" for k, v in sorted(props.items()))
        rows.append(f"{name!r}: MappingProxyType({{{inner}}}),")
    resources = webhook_resources(spec)
    return (
        SHAPES_HEADER
        + "SHAPES: Mapping[str, Mapping[str, str | None]] = MappingProxyType({\n"
        + "\n".join(rows)
        + "\n})\n\n"
        + "WEBHOOK_RESOURCES: Mapping[str, tuple[str, ...]] = MappingProxyType(\n"
        + repr(resources)
        + "\n)\n"
        + '"""Each webhook resource type and its events."""\n\n'
        + "WEBHOOK_RESOURCE_MODELS: Mapping[str, str] = MappingProxyType(\n"
        + repr(WEBHOOK_RESOURCE_MODELS)
        + "\n)\n"
        + '"""The definition of the resource each webhook resource type carries (types '
        + 'without one carry a free-form object)."""\n'
    )


def main(argv: list[str]) -> int:
    spec_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_SPEC
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    operations = [
        operation_source(spec, method, path, op)
        for path, item in spec["paths"].items()
        for method, op in item.items()
    ]
    body = "\n".join(operations)
    used = sorted(n for n in [*NAMED_SCHEMAS.values(), "Schema"] if re.search(rf"\b{n}\b", body))
    header = OPERATIONS_HEADER.replace("{imports}", ", ".join(used))
    OPERATIONS_PY.write_text(header + body + OPERATIONS_FOOTER)

    models = [model_source(name, spec["definitions"][name]) for name in body_models(spec)]
    text = SCHEMAS_PY.read_text(encoding="utf-8")
    begin = "# BEGIN GENERATED MODELS (tools/gen_operations.py)\n"
    end = "# END GENERATED MODELS\n"
    head, rest = text.split(begin)
    _, tail = rest.split(end)
    region = "MODELS: Mapping[str, Model] = MappingProxyType({\n" + "\n".join(models) + "\n})\n"
    SCHEMAS_PY.write_text(head + begin + region + end + tail)

    MODELS_PY.write_text(models_source(spec))
    SHAPES_PY.write_text(shapes_source(spec))

    ruff = Path(sys.executable).parent / "ruff"
    files = [str(OPERATIONS_PY), str(SCHEMAS_PY), str(MODELS_PY), str(SHAPES_PY)]
    subprocess.run([str(ruff), "format", "--quiet", *files], check=True)
    subprocess.run([str(ruff), "check", "--fix", "--quiet", *files], check=True)
    subprocess.run([str(ruff), "format", "--quiet", *files], check=True)
    print(
        f"wrote {len(operations)} operations, {len(models)} body models and "
        f"{len(spec['definitions'])} typed models"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
