"""Small pieces several resource modules share."""

from __future__ import annotations

from typing import Any

from .._core import ApiFault, Context, public, writable
from .._store import equals, of_kind

__all__ = [
    "DEFAULT_FROM",
    "PHONE_FIELDS",
    "contact_by_number",
    "new_contact",
    "public",
    "recipient_contact",
]

DEFAULT_FROM = "12132000384"
"""The caller id of calls and texts sent without a ``fromNumber``."""

PHONE_FIELDS = (
    "homePhone",
    "mobilePhone",
    "workPhone",
    "extraPhone1",
    "extraPhone2",
    "extraPhone3",
)


def new_contact(ctx: Context, values: dict[str, Any]) -> dict[str, Any]:
    """Store a contact made of the writable properties of ``values``; return it."""
    doc = {"id": ctx.tx.next_id(), **writable("Contact", values), "_lists": []}
    doc["properties"] = dict(doc.get("properties") or {})
    return ctx.tx.put("contact", doc)


def contact_by_number(ctx: Context, number: str) -> dict[str, Any]:
    """The contact with ``number`` among its phones, made (as its home phone) if none has."""
    # One indexed lookup per phone field (see Store.index): an OR of them scans them all.
    found = [
        doc
        for name in PHONE_FIELDS
        for doc in ctx.tx.take(
            "contact", [of_kind("contact"), equals(name, number)], 1, newest_first=True
        )
    ]
    if found:
        return max(found, key=lambda doc: int(doc["id"]))
    return new_contact(ctx, {"homePhone": number})


def recipient_contact(ctx: Context, recipient: dict[str, Any]) -> dict[str, Any]:
    """The contact a recipient names (by id, which must exist, or by number)."""
    contact_id = recipient.get("contactId")
    if contact_id is not None:
        contact = ctx.tx.get("contact", int(contact_id))
        if contact is None:
            raise ApiFault(404, f"contact {contact_id} not found")
        return contact
    return contact_by_number(ctx, str(recipient["phoneNumber"]))
