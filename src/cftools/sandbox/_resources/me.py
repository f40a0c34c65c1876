"""The account: its details, API credentials, billing figures and verified caller ids.

API credentials created here log in to the sandbox like the ones it was started with,
while they are enabled. A caller id is verified with the code ``123456`` (sent by
``sendVerificationCodeToCallerId``, as a real SMS would carry it).
"""

from __future__ import annotations

import secrets
from datetime import datetime, timezone
from typing import Any

from .._core import ApiFault, Context, body_dict, handles, page, require
from .._store import Filter, between, contains_text, equals

VERIFICATION_CODE = "123456"
ACCOUNT_ID = 1


def _iso(ms: int) -> str:
    moment = datetime.fromtimestamp(ms / 1000, tz=timezone.utc)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@handles("getAccount")
def get_account(ctx: Context) -> Any:
    return {
        "id": ACCOUNT_ID,
        "name": "cftools sandbox",
        "active": True,
        "status": "ACTIVE",
        "brand": "CALLFIRE",
        "country": "US",
        "countryOrDefault": "US",
        "trustLevel": "NORMAL",
        "allowedToCreateCampaign": True,
        "startCapable": True,
        "created": _iso(0),
    }


def _credential(doc: dict[str, Any], *, with_password: bool = False) -> dict[str, Any]:
    shown: dict[str, Any] = {k: doc[k] for k in ("id", "name", "username", "enabled") if k in doc}
    if with_password:
        shown["password"] = doc["_secret"]
    return shown


@handles("createApiCredential")
def create_api_credential(ctx: Context) -> Any:
    body = body_dict(ctx)
    id = ctx.tx.next_id()
    username = f"sandbox{id}"
    doc = {
        "id": id,
        "name": str(body.get("name") or f"credential {id}"),
        "username": username,
        "enabled": True,
        "_secret": secrets.token_urlsafe(18),
    }
    ctx.tx.put("api_credential", doc, key=username)
    return _credential(doc, with_password=True)


@handles("findApiCredentials")
def find_api_credentials(ctx: Context) -> Any:
    filters: list[Filter] = []
    if ctx.param("name"):
        filters.append(contains_text("name", ctx.params["name"]))
    return page(ctx, "api_credential", filters, shape=_credential)


@handles("getApiCredential")
def get_api_credential(ctx: Context) -> Any:
    return _credential(require(ctx, "api_credential", ctx.params["id"], "API credential"))


@handles("deleteApiCredential")
def delete_api_credential(ctx: Context) -> Any:
    require(ctx, "api_credential", ctx.params["id"], "API credential")
    ctx.tx.delete("api_credential", ctx.params["id"])


@handles("enableApiCredentials", "disableApiCredentials")
def toggle_api_credential(ctx: Context) -> Any:
    doc = require(ctx, "api_credential", ctx.params["id"], "API credential")
    doc["enabled"] = ctx.operation.operation_id.startswith("enable")
    ctx.tx.put("api_credential", doc, key=doc["username"])


@handles("getCreditUsage")
def get_credit_usage(ctx: Context) -> Any:
    begin, end = ctx.param("intervalBegin"), ctx.param("intervalEnd")
    _, texts = ctx.tx.find(
        "text", [equals("inbound", False), *between("created", begin, end)], limit=0
    )
    return {
        "intervalBegin": begin if begin is not None else 0,
        "intervalEnd": end if end is not None else ctx.now,
        "textsSent": texts,
        "callsDurationMinutes": 0,
        "creditsUsed": float(texts),
    }


@handles("getBillingPlanUsage")
def get_billing_plan_usage(ctx: Context) -> Any:
    now = ctx.now
    return {
        "intervalStart": now - now % 86_400_000,
        "intervalEnd": now - now % 86_400_000 + 30 * 86_400_000,
        "remainingPlanCredits": 1000.0,
        "remainingPayAsYouGoCredits": 0.0,
        "totalRemainingCredits": 1000.0,
    }


@handles("getCallerIds")
def get_caller_ids(ctx: Context) -> Any:
    items, _ = ctx.tx.find("caller_id", [equals("verified", True)], newest_first=False)
    return {"items": [{"phoneNumber": item["phoneNumber"]} for item in items]}


@handles("sendVerificationCodeToCallerId")
def send_verification_code(ctx: Context) -> Any:
    number = str(ctx.params["callerid"])
    if ctx.tx.get_by_key("caller_id", number) is None:
        doc = {"id": ctx.tx.next_id(), "phoneNumber": number, "verified": False}
        ctx.tx.put("caller_id", doc, key=number)


@handles("verifyCallerId")
def verify_caller_id(ctx: Context) -> Any:
    number = str(ctx.params["callerid"])
    doc = ctx.tx.get_by_key("caller_id", number)
    if doc is None:
        raise ApiFault(400, f"no verification code was sent to {number}; send one first")
    if str(body_dict(ctx).get("verificationCode", "")).strip() != VERIFICATION_CODE:
        return False
    doc["verified"] = True
    ctx.tx.put("caller_id", doc, key=number)
    return True
