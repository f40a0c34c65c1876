"""Contacts, contact lists (with their members) and a contact's history.

A contact remembers the lists it belongs to under a private key (``_lists``), so a
list's members and its size are one indexed query away.

Validation. CallFire validates a list it creates (from contact ids, numbers, contacts
or a file) and tells webhooks on ``ContactList`` how it went. The sandbox validates at
once, in the creating request: a list whose every member has a phone number is
``ACTIVE`` and emits ``validationFinished``; a list with a member that has none (a CSV
row without a number, a contact given without phones) is kept with status ``ERRORS`` and
emits ``validationFailed``. A file that is not CSV text is refused (400) before any list
exists, so it emits nothing. Adding members to an existing list validates nothing.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from .._core import (
    ApiFault,
    Context,
    apply_update,
    body_dict,
    body_list,
    handles,
    json_page,
    limits,
    page,
    require,
)
from .._store import Filter, any_of, contains_text, equals, has_item, one_of
from .common import PHONE_FIELDS, contact_by_number, new_contact, public


@handles("createContacts")
def create_contacts(ctx: Context) -> Any:
    contacts = body_list(ctx)
    if not contacts:
        raise ApiFault(400, "give at least one contact in the body")
    return {"items": [{"id": new_contact(ctx, dict(c))["id"]} for c in contacts]}


@handles("findContacts")
def find_contacts(ctx: Context) -> Any:
    filters: list[Filter] = []
    if ctx.param("id"):
        filters.append(one_of("id", ctx.params["id"]))
    if ctx.param("number"):
        numbers = ctx.params["number"]
        filters.append(any_of([one_of(name, numbers) for name in PHONE_FIELDS]))
    if ctx.param("contactListId") is not None:
        filters.append(has_item("_lists", ctx.params["contactListId"]))
    name, value = ctx.param("propertyName"), ctx.param("propertyValue")
    if name:
        if value is None:
            filters.append(("json_extract(doc, ?) IS NOT NULL", (_property_path(name),)))
        else:
            filters.append(("json_extract(doc, ?) = ?", (_property_path(name), value)))
    return json_page(ctx, "contact", filters)


def _property_path(name: str) -> str:
    return '$.properties."' + name.replace('"', "") + '"'


@handles("getContact")
def get_contact(ctx: Context) -> Any:
    return public(require(ctx, "contact", ctx.params["id"], "contact"))


@handles("updateContact")
def update_contact(ctx: Context) -> Any:
    doc = require(ctx, "contact", ctx.params["id"], "contact")
    ctx.tx.put("contact", apply_update(doc, "Contact", ctx.body))


@handles("deleteContact")
def delete_contact(ctx: Context) -> Any:
    require(ctx, "contact", ctx.params["id"], "contact")
    ctx.tx.delete("contact", ctx.params["id"])


@handles("getContactHistory")
def get_contact_history(ctx: Context) -> Any:
    contact = require(ctx, "contact", ctx.params["id"], "contact")
    limit, offset = limits(ctx)
    history: dict[str, Any] = {"id": contact["id"]}
    for kind, key in (("call", "calls"), ("text", "texts")):
        items, _ = ctx.tx.find(
            kind, [equals("contact.id", contact["id"])], limit=limit, offset=offset
        )
        history[key] = [public(item) for item in items]
    return history


# -- Lists ------------------------------------------------------------------------------


def _list(ctx: Context) -> dict[str, Any]:
    return require(ctx, "contact_list", ctx.params["id"], "contact list")


def _with_size(ctx: Context, doc: dict[str, Any]) -> dict[str, Any]:
    _, size = ctx.tx.find("contact", [has_item("_lists", doc["id"])], limit=0)
    return {**doc, "size": size}


def _add_members(ctx: Context, list_id: int, request: dict[str, Any]) -> list[dict[str, Any]]:
    """Add the contacts a Create/AddContactList request names to list ``list_id``;
    return them."""
    contacts: list[dict[str, Any]] = []
    for contact_id in request.get("contactIds") or []:
        found = ctx.tx.get("contact", int(contact_id))
        if found is None:
            raise ApiFault(404, f"contact {contact_id} not found")
        contacts.append(found)
    for number in request.get("contactNumbers") or []:
        contacts.append(contact_by_number(ctx, str(number)))
    for values in request.get("contacts") or []:
        contacts.append(new_contact(ctx, dict(values)))
    for contact in contacts:
        if list_id not in contact["_lists"]:
            contact["_lists"].append(list_id)
            ctx.tx.put("contact", contact)
    return contacts


def _validate(ctx: Context, doc: dict[str, Any], members: list[dict[str, Any]]) -> None:
    """Set a new list's status from its members and tell the ``ContactList`` webhooks."""
    valid = all(any(member.get(name) for name in PHONE_FIELDS) for member in members)
    if not valid:
        doc["status"] = "ERRORS"
        ctx.tx.put("contact_list", doc)
    event = "validationFinished" if valid else "validationFailed"
    ctx.emit("ContactList", event, _with_size(ctx, doc))


def _new_list(ctx: Context, name: str | None) -> dict[str, Any]:
    doc = {"id": ctx.tx.next_id(), "status": "ACTIVE", "created": ctx.now}
    doc["name"] = name or f"list {doc['id']}"
    return ctx.tx.put("contact_list", doc)


@handles("createContactList")
def create_contact_list(ctx: Context) -> Any:
    body = body_dict(ctx)
    doc = _new_list(ctx, body.get("name"))
    _validate(ctx, doc, _add_members(ctx, doc["id"], body))
    return {"id": doc["id"]}


@handles("createContactListFromFile")
def create_contact_list_from_file(ctx: Context) -> Any:
    upload = ctx.files["file"]
    try:
        rows = list(csv.DictReader(io.StringIO(upload.content.decode("utf-8-sig"))))
    except (UnicodeDecodeError, csv.Error) as error:
        raise ApiFault(400, f"the file is not a CSV of contacts: {error}") from None
    doc = _new_list(ctx, ctx.param("name") or upload.filename)
    contacts = []
    for row in rows:
        values = {key.strip(): (value or "").strip() for key, value in row.items() if key}
        number = values.pop("number", None) or values.pop("phone", None)
        if number and not values.get("homePhone"):
            values["homePhone"] = number
        known = {k: v for k, v in values.items() if k in _CONTACT_COLUMNS and v}
        extra = {k: v for k, v in values.items() if k not in _CONTACT_COLUMNS and v}
        if extra and ctx.param("useCustomFields", True):
            known["properties"] = extra
        contacts.append(known)
    _validate(ctx, doc, _add_members(ctx, doc["id"], {"contacts": contacts}))
    return {"id": doc["id"]}


_CONTACT_COLUMNS = frozenset(
    {"firstName", "lastName", "zipcode", "externalId", "externalSystem", *PHONE_FIELDS}
)


@handles("findContactLists")
def find_contact_lists(ctx: Context) -> Any:
    filters: list[Filter] = []
    if ctx.param("name"):
        filters.append(contains_text("name", ctx.params["name"]))
    result = page(ctx, "contact_list", filters)
    result["items"] = [_with_size(ctx, item) for item in result["items"]]
    return result


@handles("getContactList")
def get_contact_list(ctx: Context) -> Any:
    return _with_size(ctx, _list(ctx))


@handles("updateContactList")
def update_contact_list(ctx: Context) -> Any:
    doc = _list(ctx)
    name = body_dict(ctx).get("name")
    if name:
        doc["name"] = name
    ctx.tx.put("contact_list", doc)


@handles("deleteContactList")
def delete_contact_list(ctx: Context) -> Any:
    doc = _list(ctx)
    _remove_members(ctx, doc["id"], None)
    ctx.tx.delete("contact_list", doc["id"])


def _remove_members(ctx: Context, list_id: int, contact_ids: list[int] | None) -> None:
    filters = [has_item("_lists", list_id)]
    if contact_ids is not None:
        filters.append(one_of("id", contact_ids))
    for contact in ctx.tx.find("contact", filters)[0]:
        contact["_lists"].remove(list_id)
        ctx.tx.put("contact", contact)


@handles("getContactListItems")
def get_contact_list_items(ctx: Context) -> Any:
    doc = _list(ctx)
    return json_page(ctx, "contact", [has_item("_lists", doc["id"])], newest_first=False)


@handles("addContactListItems")
def add_contact_list_items(ctx: Context) -> Any:
    doc = _list(ctx)
    _add_members(ctx, doc["id"], body_dict(ctx))


@handles("removeContactListItems")
def remove_contact_list_items(ctx: Context) -> Any:
    doc = _list(ctx)
    _remove_members(ctx, doc["id"], list(ctx.param("contactId", [])))


@handles("removeContactListItem")
def remove_contact_list_item(ctx: Context) -> Any:
    doc = _list(ctx)
    _remove_members(ctx, doc["id"], [ctx.params["contactId"]])
