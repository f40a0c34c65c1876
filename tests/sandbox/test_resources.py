"""A round trip per kind of resource: create, get, find (filters, fields), update, delete,
get again (404). Kinds the API cannot delete stop after the update."""

from __future__ import annotations

import pytest

from cftools.client import BadRequestError, NotFoundError

from .conftest import Local

PHONE = "12135551100"
DIALPLAN = '<dialplan name="Root"><play type="tts">Hi</play></dialplan>'


def test_contacts(local: Local) -> None:
    ids = [
        item["id"]
        for item in local.call(
            "createContacts",
            body=[
                {"firstName": "Ada", "homePhone": PHONE, "properties": {"tier": "gold"}},
                {
                    "firstName": "Grace",
                    "mobilePhone": "12135551101",
                    "properties": {"tier": "silver"},
                },
            ],
        )["items"]
    ]
    assert local.call("getContact", id=ids[0])["firstName"] == "Ada"
    found = local.call("findContacts", number=["12135551101"], fields="items(firstName),totalCount")
    assert found == {"items": [{"firstName": "Grace"}], "totalCount": 1}
    gold = local.call("findContacts", propertyName="tier", propertyValue="gold")
    assert [c["id"] for c in gold["items"]] == [ids[0]]
    assert local.call("findContacts", id=ids, limit=1, offset=1)["totalCount"] == 2
    local.call("updateContact", id=ids[0], body={"lastName": "Lovelace", "id": 5})
    updated = local.call("getContact", id=ids[0])
    assert updated["lastName"] == "Lovelace" and updated["firstName"] == "Ada"
    assert updated["id"] == ids[0]
    local.call("deleteContact", id=ids[0])
    with pytest.raises(NotFoundError):
        local.call("getContact", id=ids[0])


def test_contact_lists_and_their_members(local: Local) -> None:
    contact = local.call("createContacts", body=[{"homePhone": PHONE}])["items"][0]["id"]
    list_id = local.call(
        "createContactList",
        body={
            "name": "VIP",
            "contactIds": [contact],
            "contactNumbers": ["12135551101"],
            "contacts": [{"firstName": "New", "homePhone": "12135551102"}],
        },
    )["id"]
    assert local.call("getContactList", id=list_id)["size"] == 3
    assert local.call("findContactLists", name="vip", fields="items(name,size)") == {
        "items": [{"name": "VIP", "size": 3}]
    }
    members = local.call("findContacts", contactListId=list_id)["items"]
    assert {m.get("homePhone") for m in members} == {PHONE, "12135551101", "12135551102"}
    local.call("removeContactListItem", id=list_id, contactId=contact)
    assert local.call("getContactListItems", id=list_id)["totalCount"] == 2
    local.call("updateContactList", id=list_id, body={"name": "VIPs"})
    assert local.call("getContactList", id=list_id)["name"] == "VIPs"
    local.call("deleteContactList", id=list_id)
    with pytest.raises(NotFoundError):
        local.call("getContactList", id=list_id)
    assert local.call("getContact", id=contact)["id"] == contact  # members stay


def test_contact_list_from_a_csv_file(local: Local) -> None:
    csv_file = b"firstName,number,color\nAda,12135551100,red\nGrace,12135551101,blue\n"
    list_id = local.call("createContactListFromFile", files=("p.csv", csv_file), name="csv")["id"]
    members = local.call("getContactListItems", id=list_id)["items"]
    assert [(m["firstName"], m["homePhone"], m["properties"]) for m in members] == [
        ("Ada", "12135551100", {"color": "red"}),
        ("Grace", "12135551101", {"color": "blue"}),
    ]


def test_do_not_contacts(local: Local) -> None:
    local.call(
        "addDoNotContacts",
        body={"numbers": [PHONE, "12135551101"], "source": "web", "call": True, "text": False},
    )
    entry = local.call("getDoNotContact", number=PHONE)
    assert entry["call"] is True and entry["text"] is False and entry["source"] == "web"
    assert local.call("findDoNotContacts", prefix="1213555110", text=False)["totalCount"] == 2
    assert local.call("findDoNotContacts", number=[PHONE], fields="items(number)") == {
        "items": [{"number": PHONE}]
    }
    local.call("updateDoNotContact", number=PHONE, body={"text": True})
    assert local.call("getDoNotContact", number=PHONE)["text"] is True
    local.call("deleteDoNotContact", number=f"{PHONE},12135551101")
    with pytest.raises(NotFoundError):
        local.call("getDoNotContact", number=PHONE)


@pytest.mark.parametrize("channel", ["call", "text"])
def test_broadcasts_batches_and_recipients(local: Local, channel: str) -> None:
    cap = channel.title()
    body = {
        "name": "Spring",
        "labels": ["promo"],
        "fromNumber": "12135551189",
        "recipients": [{"phoneNumber": PHONE}],
    }
    body.update({"dialplanXml": DIALPLAN} if channel == "call" else {"message": "Hello"})
    broadcast = local.call(f"create{cap}Broadcast", body=body)["id"]
    got = local.call(f"get{cap}Broadcast", id=broadcast)
    assert got["status"] == "SETUP" and got["name"] == "Spring" and "recipients" not in got
    found = local.call(f"find{cap}Broadcasts", label="promo", running=False, fields="items(id)")
    assert found == {"items": [{"id": broadcast}]}
    items = "Calls" if channel == "call" else "Texts"
    messages = local.call(f"get{cap}Broadcast{items}", id=broadcast)["items"]
    assert [(m["toNumber"], m["state"], m["campaignId"]) for m in messages] == [
        (PHONE, "READY", broadcast)
    ]
    assert messages[0]["fromNumber"] == "12135551189"
    batch = local.call(
        f"add{cap}BroadcastBatch",
        id=broadcast,
        body={"name": "b", "recipients": [{"phoneNumber": "12135551101"}]},
    )["id"]
    assert local.call("getCampaignBatch", id=batch)["size"] == 1
    assert local.call(f"get{cap}BroadcastBatches", id=broadcast)["totalCount"] == 2
    local.call(f"update{cap}Broadcast", id=broadcast, body={"name": "Summer"})
    assert local.call(f"get{cap}Broadcast", id=broadcast)["name"] == "Summer"
    start = "startVoiceBroadcast" if channel == "call" else "startTextBroadcast"
    local.call(start, id=broadcast)
    assert local.call(f"find{cap}Broadcasts", running=True)["totalCount"] == 1
    archive = start.replace("start", "archive")
    local.call(archive, id=broadcast)
    with pytest.raises(BadRequestError):
        local.call(start, id=broadcast)
    stats = local.call(f"get{cap}BroadcastStats", id=broadcast)
    assert stats["totalOutboundCount"] == 2 and stats["remainingOutboundCount"] == 2


def test_send_calls_reuses_contacts_and_finds_by_filters(local: Local) -> None:
    first = local.call("sendCalls", body=[{"phoneNumber": PHONE, "attributes": {"k": "v"}}])
    again = local.call("sendCalls", body=[{"phoneNumber": PHONE}], campaignId=None)
    assert first["items"][0]["contact"]["id"] == again["items"][0]["contact"]["id"]
    call = first["items"][0]
    assert local.call("findCalls", batchId=call["batchId"])["totalCount"] == 1
    assert local.call("findCalls", states="READY,FINISHED")["totalCount"] == 2
    assert local.call("findCalls", results="LA")["totalCount"] == 0
    assert local.call("findCalls", intervalBegin=call["created"] + 10**7)["totalCount"] == 0
    assert local.call("findCalls", id=[call["id"]], fields="items(attributes)") == {
        "items": [{"attributes": {"k": "v"}}]
    }
    history = local.call("getContactHistory", id=call["contact"]["id"])
    assert len(history["calls"]) == 2 and history["texts"] == []


def test_sounds(local: Local) -> None:
    sound = local.call("postTTSCampaignSound", body={"message": "Hello world", "voice": "MALE1"})
    assert sound["status"] == "ACTIVE" and sound["lengthInSeconds"] >= 1
    assert local.call("getCampaignSound", id=sound["id"])["name"] == "Hello world"
    assert local.call("findCampaignSounds", filter="hello", fields="items(id)") == {
        "items": [{"id": sound["id"]}]
    }
    uploaded = local.call("postFileCampaignSound", files=("a.wav", b"RIFFxxxxWAVE" + bytes(40)))
    assert local.call("getCampaignSoundDataWav", id=uploaded["id"]).startswith(b"RIFF")
    local.call("deleteCampaignSound", id=sound["id"])
    with pytest.raises(NotFoundError):
        local.call("getCampaignSound", id=sound["id"])


def test_media_bytes_round_trip(local: Local) -> None:
    data = b"GIF89a" + bytes(range(256))
    media = local.call("createMedia", files=("pic.gif", data, "image/gif"))["id"]
    got = local.call("getMedia", id=media)
    assert got["mediaType"] == "image/gif" and got["lengthInBytes"] == len(data)
    assert got["publicUrl"].endswith(".gif")
    assert local.call("getMediaData", id=media, extension="gif") == data
    assert local.call("getMediaDataBinary", id=media) == data
    with pytest.raises(NotFoundError):
        local.call("getMediaData", id=media, extension="png")
    assert local.call("findMedia", filter="PIC")["totalCount"] == 1


def test_webhooks(local: Local) -> None:
    body = {
        "name": "calls",
        "resource": "OutboundCall",
        "events": ["finished"],
        "callback": "https://example.com/cb",
    }
    hook = local.call("createWebhook", body=body)["id"]
    assert local.call("getWebhook", id=hook)["enabled"] is True
    assert local.call("findWebhooks", event="finished", fields="items(name)") == {
        "items": [{"name": "calls"}]
    }
    local.call("updateWebhook", id=hook, body={"enabled": False})
    assert local.call("findWebhooks", enabled=True)["totalCount"] == 0
    with pytest.raises(BadRequestError, match="supports finished"):
        local.call("createWebhook", body={**body, "events": ["started"]})
    local.call("deleteWebhook", id=hook)
    with pytest.raises(NotFoundError):
        local.call("getWebhook", id=hook)


def test_auto_replies(local: Local) -> None:
    reply = local.call(
        "createTextAutoReply", body={"number": "67076", "keyword": "HI", "message": "Hello!"}
    )["id"]
    assert local.call("getTextAutoReply", id=reply)["message"] == "Hello!"
    assert local.call("findTextAutoReplys", number="67076")["totalCount"] == 1
    local.call("deleteTextAutoReply", id=reply)
    with pytest.raises(NotFoundError):
        local.call("getTextAutoReply", id=reply)


def test_numbers_orders_leases_and_an_ivr_config(local: Local) -> None:
    offers = local.call("findNumbersLocal", city="Chicago", limit=3)["items"]
    assert len(offers) == 3 and all(o["region"]["state"] == "IL" for o in offers)
    number = offers[0]["number"]
    order = local.call("orderNumbers", body={"numbers": [number]})["id"]
    assert local.call("getOrder", id=order)["localNumbers"]["fulfilled"] == [number]
    assert number not in {
        o["number"] for o in local.call("findNumbersLocal", city="Chicago")["items"]
    }
    with pytest.raises(BadRequestError, match="not available"):
        local.call("orderNumbers", body={"numbers": [number]})
    assert local.call("getNumberLease", number=number)["status"] == "ACTIVE"
    local.call("updateNumberLease", number=number, body={"labels": ["support"]})
    assert local.call("findNumberLeases", labelName="support", fields="items(number)") == {
        "items": [{"number": number}]
    }
    config = {"configType": "IVR", "ivrInboundConfig": {"dialplanXml": DIALPLAN}}
    local.call("updateNumberLeaseConfig", number=number, body=config)
    got = local.call("getNumberLeaseConfig", number=number)
    assert got["ivrInboundConfig"]["dialplanXml"] == DIALPLAN
    broken = {
        "configType": "IVR",
        "ivrInboundConfig": {"dialplanXml": "<dialplan><goto/></dialplan>"},
    }
    with pytest.raises(BadRequestError, match="dialplan"):
        local.call("updateNumberLeaseConfig", number=number, body=broken, validate=False)
    assert (
        local.call("getNumberLeaseConfig", number=number)["ivrInboundConfig"]
        == config["ivrInboundConfig"]
    )


def test_keywords(local: Local) -> None:
    assert local.call("isKeywordAvailable", keyword="PIZZA") is True
    assert local.call("findKeywords", keywords=["PIZZA", "STOP"])["items"] == [
        {"keyword": "PIZZA", "shortCode": "67076"}
    ]
    local.call("orderKeywords", body={"keywords": ["pizza"]})
    assert local.call("isKeywordAvailable", keyword="PIZZA") is False
    lease = local.call("getKeywordLease", keyword="PIZZA")
    local.call("updateKeywordLease", keyword="PIZZA", body={"autoRenew": False})
    assert local.call("getKeywordLease", keyword="pizza")["autoRenew"] is False
    assert lease["status"] == "ACTIVE"
    assert local.call("findKeywordLeases", filter="piz")["totalCount"] == 1


def test_api_credentials(local: Local) -> None:
    created = local.call("createApiCredential", body={"name": "ci"})
    assert created["password"] and created["enabled"] is True
    assert local.call("findApiCredentials", name="ci", fields="items(name)") == {
        "items": [{"name": "ci"}]
    }
    local.call("disableApiCredentials", id=created["id"])
    assert local.call("getApiCredential", id=created["id"])["enabled"] is False
    local.call("deleteApiCredential", id=created["id"])
    with pytest.raises(NotFoundError):
        local.call("getApiCredential", id=created["id"])


def test_caller_ids_are_verified_with_the_documented_code(local: Local) -> None:
    local.call("sendVerificationCodeToCallerId", callerid=PHONE)
    assert (
        local.call("verifyCallerId", callerid=PHONE, body={"verificationCode": "000000"}) is False
    )
    assert local.call("getCallerIds")["items"] == []
    assert local.call("verifyCallerId", callerid=PHONE, body={"verificationCode": "123456"}) is True
    assert local.call("getCallerIds")["items"] == [{"phoneNumber": PHONE}]
