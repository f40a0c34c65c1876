"""Every operation of the table, called on the sandbox, answers as the spec says.

One scenario drives all 122 operations with valid requests through the real Client
(so the checks, the wire format and the decoding are the client's own), over an
in-process transport that records every answer. Then:

* each operation was called and answered with its documented success status (204 for
  the operations that document none and answer with nothing);
* each JSON answer validates against the spec's response schema, converted from Swagger
  2.0 to JSON Schema below (``allOf`` pages merged into one object, and every object
  closed with ``additionalProperties: false`` so a misspelt or private property fails);
* each binary answer has the documented media type and a valid file signature.

Leniency, where the spec contradicts the server (each one is listed here, nowhere else):

* ``ErrorResponse.internalCode`` is a string in the spec but a number in CallFire's
  answers (``"internalCode": 0``); the sandbox answers like the server.
* ``Page`` (the answer of ``findKeywordLeaseConfigs``) has items of a bare ``object``:
  those stay open (only objects that list their properties are closed).
* ``createContactList`` documents a ``ContactList`` answer; the server answers with the
  new id only (a ``ContactList`` with one property, which validates anyway).
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from cftools.spec import OPERATIONS

from .conftest import Local

SPEC = Path(__file__).resolve().parents[3] / "shared" / "reference" / "callfire-v2-swagger.yaml"
DIALPLAN = '<dialplan name="Root"><play type="tts">Hello from the sandbox</play></dialplan>'
PHONE = "12135551100"


def _swagger() -> dict[str, Any]:
    if not SPEC.exists():
        pytest.skip(f"the official spec is not at {SPEC}")
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text("utf-8"))
    return loaded


def _close(schema: Any, definitions: dict[str, Any]) -> Any:
    """Swagger 2.0 → JSON Schema: resolve ``allOf`` into one object, close every object."""
    if isinstance(schema, list):
        return [_close(item, definitions) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if "allOf" in schema:
        merged: dict[str, Any] = {"type": "object", "properties": {}}
        for part in schema["allOf"]:
            if "$ref" in part:
                part = definitions[part["$ref"].rsplit("/", 1)[1]]
            merged["properties"].update(part.get("properties", {}))
        schema = merged
    converted = {k: _close(v, definitions) for k, v in schema.items() if k not in ("readOnly",)}
    if converted.get("type") == "object" and converted.get("properties"):
        converted.setdefault("additionalProperties", False)
    if schema.get("format") in ("int32", "int64"):
        converted.pop("format")
    return converted


@pytest.fixture(scope="module")
def schemas() -> dict[str, Any]:
    spec = _swagger()
    definitions = spec["definitions"]
    closed = {name: _close(schema, definitions) for name, schema in definitions.items()}
    # Leniency (see the module docstring): the server's internalCode is a number.
    closed["ErrorResponse"]["properties"]["internalCode"] = {"type": ["string", "integer"]}
    responses: dict[str, Any] = {}
    for path_item in spec["paths"].values():
        for method, operation in path_item.items():
            if method == "parameters":
                continue
            for status, response in operation.get("responses", {}).items():
                if str(status).startswith("2") and "schema" in response:
                    responses[operation["operationId"]] = {
                        **_close(response["schema"], definitions),
                        "definitions": closed,
                    }
    responses["__error__"] = {"$ref": "#/definitions/ErrorResponse", "definitions": closed}
    return responses


def _validate(document: Any, schema: dict[str, Any]) -> None:
    # The schema was built by _close from a checked spec: skip the (slow) meta-check.
    jsonschema.Draft4Validator(schema).validate(document)


def _wav() -> bytes:
    from cftools.sandbox._resources import audio

    return audio.wav(2)


def run_scenario(local: Local) -> dict[str, Any]:
    """Call every operation once (or more) with valid requests; return some ids."""
    call = local.call
    ids: dict[str, Any] = {}
    # contacts and lists
    contacts = call(
        "createContacts",
        body=[{"firstName": "Ada", "homePhone": PHONE, "properties": {"tier": "gold"}}],
    )
    ids["contact"] = contact = contacts["items"][0]["id"]
    call("findContacts", number=[PHONE], fields="items(id,firstName)")
    call("getContact", id=contact)
    call("updateContact", id=contact, body={"lastName": "Lovelace"})
    ids["list"] = lst = call("createContactList", body={"name": "VIP", "contactIds": [contact]})[
        "id"
    ]
    csv_file = ("people.csv", b"firstName,homePhone,color\nGrace,12135551102,blue\n", "text/csv")
    call("createContactListFromFile", files=csv_file, name="From CSV")
    call("findContactLists", name="VIP")
    call("getContactList", id=lst)
    call("updateContactList", id=lst, body={"name": "VIPs"})
    call("addContactListItems", id=lst, body={"contactNumbers": ["12135551103"]})
    call("getContactListItems", id=lst)
    items = call("getContactListItems", id=lst)["items"]
    call("removeContactListItem", id=lst, contactId=items[-1]["id"])
    call("removeContactListItems", id=lst, contactId=[999])
    # calls, broadcasts, batches
    sent = call("sendCalls", body=[{"phoneNumber": PHONE, "dialplanXml": DIALPLAN}])
    ids["call"] = sent["items"][0]["id"]
    call("findCalls", states="READY", limit=5)
    call("getCall", id=ids["call"])
    ids["call_broadcast"] = cb = call(
        "createCallBroadcast",
        body={"name": "Reminders", "dialplanXml": DIALPLAN, "recipients": [{"phoneNumber": PHONE}]},
    )["id"]
    call("findCallBroadcasts", name="remind")
    call("getCallBroadcast", id=cb)
    call("updateCallBroadcast", id=cb, body={"name": "Reminders 2"})
    ids["batch"] = call("addCallBroadcastBatch", id=cb, body={"name": "b2", "contactListId": lst})[
        "id"
    ]
    call("getCallBroadcastBatches", id=cb)
    call("getCallBroadcastCalls", id=cb)
    call("addCallBroadcastRecipients", id=cb, body=[{"phoneNumber": "12135551104"}])
    call(
        "toggleCallBroadcastRecipientsStatus",
        id=cb,
        enable=False,
        body=[{"phoneNumber": "12135551104"}],
    )
    call("startVoiceBroadcast", id=cb)
    call("getCallBroadcastStats", id=cb)
    call("stopVoiceBroadcast", id=cb)
    call("archiveVoiceBroadcast", id=cb)
    call("getCampaignBatch", id=ids["batch"])
    call("updateCampaignBatch", id=ids["batch"], body={"enabled": False})
    call("getContactHistory", id=contact)
    # recordings: made by calls as they run (a later issue); put one in place by hand
    with local.sandbox.store.transaction() as tx:
        tx.put(
            "recording",
            {
                "id": 77,
                "callId": ids["call"],
                "name": "greeting",
                "state": "READY",
                "lengthInSeconds": 2,
                "created": 1,
            },
        )
    call("getCallRecordings", id=ids["call"])
    call("getCallRecording", id=77)
    call("getCallRecordingByName", id=ids["call"], name="greeting")
    call("getCallRecordingMp3", id=77)
    call("getCallRecordingMp3ByName", id=ids["call"], name="greeting")
    # texts
    ids["text"] = call("sendTexts", body=[{"phoneNumber": PHONE, "message": "Hi"}])["items"][0][
        "id"
    ]
    call("findTexts", toNumber=PHONE)
    call("getText", id=ids["text"])
    tb = call("createTextBroadcast", body={"name": "News", "message": "Hello"})["id"]
    call("findTextBroadcasts")
    call("getTextBroadcast", id=tb)
    call("updateTextBroadcast", id=tb, body={"message": "Hello again"})
    call("addTextBroadcastBatch", id=tb, body={"recipients": [{"phoneNumber": PHONE}]})
    call("getTextBroadcastBatches", id=tb)
    call("addTextBroadcastRecipients", id=tb, body=[{"phoneNumber": "12135551105"}])
    call("getTextBroadcastTexts", id=tb)
    call("toggleTextBroadcastRecipientsStatus", id=tb, body=[{"phoneNumber": PHONE}])
    call("startTextBroadcast", id=tb)
    call("getTextBroadcastStats", id=tb)
    call("stopTextBroadcast", id=tb)
    call("archiveTextBroadcast", id=tb)
    auto = call("createTextAutoReply", body={"number": "12135551189", "message": "Thanks"})["id"]
    call("findTextAutoReplys", number="12135551189")
    call("getTextAutoReply", id=auto)
    call("deleteTextAutoReply", id=auto)
    call("getDeliveryReports")
    # do-not-contact
    call("addDoNotContacts", body={"numbers": ["12135551199"], "source": "test", "call": True})
    call("findDoNotContacts", source="test")
    call("getDoNotContact", number="12135551199")
    call("updateDoNotContact", number="12135551199", body={"text": False})
    call("getUniversalDoNotContacts", toNumber="12135551199")
    call("deleteDoNotContact", number="12135551199")
    call("addDoNotContacts", body={"numbers": ["12135551198"], "source": "gone"})
    call("deleteDoNotContactsBySource", source="gone")
    # sounds and media
    sound = call("postTTSCampaignSound", body={"message": "Hello there", "voice": "FEMALE1"})["id"]
    call("postFileCampaignSound", files=("hello.wav", _wav(), "audio/wav"), name="hello")
    call("postCallCampaignSound", body={"name": "by phone", "toNumber": PHONE})
    call("findCampaignSounds")
    call("getCampaignSound", id=sound)
    call("getCampaignSoundDataMp3", id=sound)
    call("getCampaignSoundDataWav", id=sound)
    call("deleteCampaignSound", id=sound)
    png = b"\x89PNG\r\n\x1a\n" + bytes(24)
    media = call("createMedia", files=("logo.png", png, "image/png"), name="logo")["id"]
    call("findMedia")
    found = call("getMedia", id=media)
    call("getMediaData", id=media, extension="png")
    call("getMediaDataBinary", id=media)
    key, extension = found["publicUrl"].rsplit("/", 1)[1].split(".")
    call("getMediaDataByKey", key=key, extension=extension)
    # webhooks
    hook = call(
        "createWebhook",
        body={
            "name": "done",
            "resource": "OutboundCall",
            "events": ["finished"],
            "callback": "https://example.com/h",
        },
    )["id"]
    call("findWebhooks", resource="OutboundCall")
    call("getWebhook", id=hook)
    call("updateWebhook", id=hook, body={"enabled": False})
    call("findWebhookResources")
    call("getWebhookResource", resource="OutboundCall")
    call("deleteWebhook", id=hook)
    # numbers, keywords, orders
    local_numbers = call("findNumbersLocal", prefix="1213", limit=2)["items"]
    call("findNumbersTollfree", limit=2)
    call("findNumberRegions", state="CA")
    order = call(
        "orderNumbers", body={"numbers": [local_numbers[0]["number"]], "tollFreeCount": 1}
    )["id"]
    number = local_numbers[0]["number"]
    call("getOrder", id=order)
    call("findNumberLeases")
    call("getNumberLease", number=number)
    call("updateNumberLease", number=number, body={"labels": ["main"]})
    call("findNumberLeaseConfigs")
    call(
        "updateNumberLeaseConfig",
        number=number,
        body={"number": number, "configType": "IVR", "ivrInboundConfig": {"dialplanXml": DIALPLAN}},
    )
    call("getNumberLeaseConfig", number=number)
    call("findKeywords", keywords=["PIZZA", "STOP"])
    call("isKeywordAvailable", keyword="PIZZA")
    call("orderKeywords", body={"keywords": ["PIZZA"]})
    call("findOrders", status=["FINISHED"])
    call("findKeywordLeases")
    lease = call("getKeywordLease", keyword="PIZZA")
    leases = local.sandbox.store.transaction(write=False)
    with leases as tx:
        lease_id = tx.get_by_key("keyword_lease", "PIZZA")["id"]
    call("getKeywordLeaseById", id=lease_id)
    call("updateKeywordLease", keyword=lease["keyword"], body={"autoRenew": False})
    call("findKeywordLeaseConfigs")
    call(
        "updateKeywordLeaseConfig",
        keyword="PIZZA",
        body={
            "keyword": "PIZZA",
            "textInboundConfig": {"forwardEnabled": True, "forwardNumber": PHONE},
        },
    )
    call("getKeywordLeaseConfig", keyword="PIZZA")
    # the account
    call("getAccount")
    credential = call("createApiCredential", body={"name": "ci"})
    call("findApiCredentials")
    call("getApiCredential", id=credential["id"])
    call("disableApiCredentials", id=credential["id"])
    call("enableApiCredentials", id=credential["id"])
    call("deleteApiCredential", id=credential["id"])
    call("getCreditUsage")
    call("getBillingPlanUsage")
    call("sendVerificationCodeToCallerId", callerid=PHONE)
    call("verifyCallerId", callerid=PHONE, body={"verificationCode": "123456"})
    call("getCallerIds")
    call("deleteContactList", id=lst)
    call("deleteContact", id=contact)
    return ids


_SIGNATURES = {
    "audio/mpeg": b"\xff\xfb",
    "audio/wav": b"RIFF",
    "image/png": b"\x89PNG",
    "application/binary": b"\x89PNG",
}


def test_every_operation_answers_with_its_documented_status_and_shape(
    local: Local, schemas: dict[str, Any]
) -> None:
    run_scenario(local)
    exchanges = local.recorder.exchanges
    called: dict[str, int] = {}
    for exchange, operation_id in zip(exchanges, _operation_ids(exchanges), strict=True):
        operation = OPERATIONS[operation_id]
        called[operation_id] = called.get(operation_id, 0) + 1
        expected = operation.success_status or (204 if operation.response == "empty" else 200)
        assert exchange.status == expected, (operation_id, exchange.content[:300])
        if operation.response == "binary":
            media_type = exchange.content_type.split(";")[0]
            assert media_type in operation.produces or operation.produces == ("application/json",)
            assert exchange.content.startswith(_SIGNATURES[media_type]), operation_id
        elif operation.response == "empty":
            assert exchange.content == b""
        else:
            document = json.loads(exchange.content)
            schema = schemas.get(operation_id)
            assert schema is not None or operation.response == "boolean", operation_id
            if schema is not None:
                _validate(document, schema)
    assert sorted(set(OPERATIONS) - set(called)) == []


def _operation_ids(exchanges: list[Any]) -> list[str]:
    from cftools.sandbox._app import _compile_routes

    routes = _compile_routes(OPERATIONS)
    found = []
    for exchange in exchanges:
        path = exchange.path[len("/v2") :]
        for route in routes:
            if route.operation.method == exchange.method and route.pattern.match(path):
                found.append(route.operation.operation_id)
                break
    return found


def test_error_answers_match_the_error_schema(local: Local, schemas: dict[str, Any]) -> None:
    for response in (
        local.http.get("/calls/12345"),
        local.http.get("/calls", params={"limit": "ten"}),
        local.http.delete("/calls/1"),
        local.http.get("/nowhere"),
        local.http.get("/calls", auth=("sandbox", "wrong")),
    ):
        _validate(response.json(), schemas["__error__"])
        assert response.json()["httpStatusCode"] == response.status_code


def test_a_page_is_closed_against_unknown_properties(schemas: dict[str, Any]) -> None:
    # The conversion really closes objects: a private key of the sandbox would fail.
    page = {"items": [{"id": 1, "_recipient": {}}], "totalCount": 1}
    with pytest.raises(jsonschema.ValidationError):
        _validate(page, schemas["findCalls"])


def test_wav_and_mp3_downloads_are_real_files(local: Local) -> None:
    import wave

    sound = local.call("postTTSCampaignSound", body={"message": "one two three four five"})
    data = local.call("getCampaignSoundDataWav", id=sound["id"])
    with wave.open(io.BytesIO(data)) as reader:
        assert reader.getnchannels() == 1 and reader.getframerate() == 8000
        assert reader.getnframes() == 2 * 8000  # 5 words read in 2 seconds
    mp3 = local.call("getCampaignSoundDataMp3", id=sound["id"])
    assert len(mp3) % 104 == 0 and mp3[:4] == b"\xff\xfb\x10\xc4"
