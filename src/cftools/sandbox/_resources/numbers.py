"""Numbers and keywords: what is for sale, orders, leases and their inbound configs.

What is for sale is a fixed catalogue computed from the sandbox's seed: a few regions,
each with numbers under its prefix, and toll-free numbers. Ordering a number or a
keyword leases it (the order finishes at once); a leased number leaves the catalogue.
An IVR config keeps its ``dialplanXml`` (validated by the checks like every other).
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from typing import Any

from .._core import (
    ApiFault,
    Context,
    apply_update,
    body_dict,
    handles,
    limits,
    page,
    require,
    require_key,
    slice_page,
)
from .._store import Filter, between, contains_text, equals, has_item, one_of, starts_with

_DAY = 86_400_000
LEASE_DAYS = 30
SHORT_CODE = "67076"
LOCAL_PRICE, TOLL_FREE_PRICE, KEYWORD_PRICE = 1.0, 2.0, 10.0

REGIONS: tuple[dict[str, Any], ...] = (
    {
        "prefix": "1213555",
        "city": "LOS ANGELES",
        "state": "CA",
        "zipcode": "90012",
        "country": "US",
        "latitude": 34.05,
        "longitude": -118.24,
        "timeZone": "America/Los_Angeles",
    },
    {
        "prefix": "1310555",
        "city": "SANTA MONICA",
        "state": "CA",
        "zipcode": "90401",
        "country": "US",
        "latitude": 34.02,
        "longitude": -118.49,
        "timeZone": "America/Los_Angeles",
    },
    {
        "prefix": "1212555",
        "city": "NEW YORK",
        "state": "NY",
        "zipcode": "10007",
        "country": "US",
        "latitude": 40.71,
        "longitude": -74.01,
        "timeZone": "America/New_York",
    },
    {
        "prefix": "1312555",
        "city": "CHICAGO",
        "state": "IL",
        "zipcode": "60602",
        "country": "US",
        "latitude": 41.88,
        "longitude": -87.63,
        "timeZone": "America/Chicago",
    },
    {
        "prefix": "1512555",
        "city": "AUSTIN",
        "state": "TX",
        "zipcode": "78701",
        "country": "US",
        "latitude": 30.27,
        "longitude": -97.74,
        "timeZone": "America/Chicago",
    },
)
_PER_REGION = 40
_TOLL_FREE = 40


def _national(number: str) -> str:
    digits = number[-10:]
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"


@lru_cache(maxsize=8)
def catalogue(seed: int) -> tuple[dict[str, Any], ...]:
    """Every number for sale (leased or not), the same for the same seed."""
    rng = random.Random(f"numbers:{seed}")
    numbers = []
    for region in REGIONS:
        for suffix in sorted(rng.sample(range(10_000), _PER_REGION)):
            number = f"{region['prefix']}{suffix:04d}"
            numbers.append(
                {
                    "number": number,
                    "nationalFormat": _national(number),
                    "tollFree": False,
                    "region": dict(region),
                }
            )
    for area in ("1800", "1888", "1877", "1866"):
        for suffix in sorted(rng.sample(range(10_000_000), _TOLL_FREE // 4)):
            number = f"{area}{suffix:07d}"
            numbers.append(
                {
                    "number": number,
                    "nationalFormat": _national(number),
                    "tollFree": True,
                    "region": {"country": "US"},
                }
            )
    return tuple(numbers)


def _region_matches(ctx: Context, region: dict[str, Any]) -> bool:
    prefix = ctx.param("prefix")
    if (
        prefix
        and not str(region.get("prefix", "")).startswith(_with_country(prefix)[:7])
        and not (_with_country(prefix).startswith(str(region.get("prefix", ""))))
    ):
        return False
    for name in ("city", "state", "zipcode"):
        wanted = ctx.param(name)
        if wanted and str(region.get(name, "")).upper() != str(wanted).upper():
            return False
    return True


def _with_country(prefix: str) -> str:
    return prefix if prefix.startswith("1") else "1" + prefix


def _leased(ctx: Context) -> set[str]:
    return {doc["number"] for doc in ctx.tx.find("number_lease")[0]}


def _for_sale(ctx: Context, toll_free: bool) -> list[dict[str, Any]]:
    leased = _leased(ctx)
    return [
        n
        for n in catalogue(ctx.extra.get("seed", 0))
        if n["tollFree"] == toll_free and n["number"] not in leased
    ]


@handles("findNumbersLocal")
def find_numbers_local(ctx: Context) -> Any:
    limit, offset = limits(ctx)
    prefix = ctx.param("prefix")
    found = [
        n
        for n in _for_sale(ctx, False)
        if _region_matches(ctx, n["region"])
        and (not prefix or n["number"].startswith(_with_country(prefix)))
    ]
    return {"items": found[offset : offset + limit]}


@handles("findNumbersTollfree")
def find_numbers_toll_free(ctx: Context) -> Any:
    limit, _ = limits(ctx)
    pattern = ctx.param("pattern")
    found = _for_sale(ctx, True)
    if pattern:
        regex = re.compile(re.escape(_with_country(pattern)).replace("\\*", "[0-9]"))
        found = [n for n in found if regex.match(n["number"])]
    return {"items": found[:limit]}


@handles("findNumberRegions")
def find_number_regions(ctx: Context) -> Any:
    return slice_page(ctx, [dict(r) for r in REGIONS if _region_matches(ctx, r)])


# -- Orders ------------------------------------------------------------------------------


def _lease_number(ctx: Context, offer: dict[str, Any]) -> None:
    now = ctx.now
    lease = {
        "id": ctx.tx.next_id(),
        **offer,
        "leaseBegin": now,
        "leaseEnd": now + LEASE_DAYS * _DAY,
        "autoRenew": True,
        "status": "ACTIVE",
        "callFeatureStatus": "ENABLED",
        "textFeatureStatus": "UNSUPPORTED" if offer["tollFree"] else "ENABLED",
        "labels": [],
    }
    ctx.tx.put("number_lease", lease, key=offer["number"])


def _order(ctx: Context, **items: Any) -> dict[str, Any]:
    total = sum(item["ordered"] * item["unitCost"] for item in items.values())
    doc = {
        "id": ctx.tx.next_id(),
        "status": "FINISHED",
        "created": ctx.now,
        "totalCost": float(total),
        **items,
    }
    return ctx.tx.put("order", doc)


def _item(fulfilled: list[str], price: float) -> dict[str, Any]:
    return {"ordered": len(fulfilled), "unitCost": price, "fulfilled": fulfilled}


@handles("orderNumbers")
def order_numbers(ctx: Context) -> Any:
    body = body_dict(ctx)
    by_number = {n["number"]: n for n in catalogue(ctx.extra.get("seed", 0))}
    leased = _leased(ctx)
    chosen: list[dict[str, Any]] = []
    for number in body.get("numbers") or []:
        offer = by_number.get(str(number))
        if offer is None or offer["number"] in leased:
            raise ApiFault(400, f"number {number} is not available")
        chosen.append(offer)
    local_count = int(body.get("localCount") or 0)
    toll_free_count = int(body.get("tollFreeCount") or 0)
    if local_count:
        ctx.params.update({k: body.get(k) for k in ("prefix", "city", "state", "zipcode")})
        taken = {n["number"] for n in chosen}
        pool = [
            n
            for n in _for_sale(ctx, False)
            if _region_matches(ctx, n["region"]) and n["number"] not in taken
        ]
        if len(pool) < local_count:
            raise ApiFault(400, f"only {len(pool)} local numbers match; {local_count} ordered")
        chosen += pool[:local_count]
    if toll_free_count:
        pool = _for_sale(ctx, True)
        if len(pool) < toll_free_count:
            raise ApiFault(400, f"only {len(pool)} toll-free numbers left")
        chosen += pool[:toll_free_count]
    if not chosen:
        raise ApiFault(400, "order at least one number (numbers, localCount or tollFreeCount)")
    for offer in chosen:
        _lease_number(ctx, offer)
    local = [n["number"] for n in chosen if not n["tollFree"]]
    toll_free = [n["number"] for n in chosen if n["tollFree"]]
    doc = _order(
        ctx,
        localNumbers=_item(local, LOCAL_PRICE),
        tollFreeNumbers=_item(toll_free, TOLL_FREE_PRICE),
    )
    return {"id": doc["id"]}


_KEYWORD = re.compile(r"[A-Za-z0-9]{2,64}\Z")
_RESERVED = frozenset({"STOP", "HELP", "CANCEL", "END", "QUIT", "UNSUBSCRIBE", "INFO", "YES"})


def _keyword_available(ctx: Context, keyword: str) -> bool:
    return (
        bool(_KEYWORD.match(keyword))
        and keyword.upper() not in _RESERVED
        and ctx.tx.get_by_key("keyword_lease", keyword.upper()) is None
    )


@handles("orderKeywords")
def order_keywords(ctx: Context) -> Any:
    keywords = [str(k) for k in body_dict(ctx).get("keywords") or []]
    if not keywords:
        raise ApiFault(400, "order at least one keyword")
    for keyword in keywords:
        if not _keyword_available(ctx, keyword):
            raise ApiFault(400, f"keyword {keyword!r} is not available")
    now = ctx.now
    for keyword in keywords:
        lease = {
            "id": ctx.tx.next_id(),
            "keyword": keyword.upper(),
            "shortCode": SHORT_CODE,
            "leaseBegin": now,
            "leaseEnd": now + LEASE_DAYS * _DAY,
            "autoRenew": True,
            "status": "ACTIVE",
            "labels": [],
            "doubleOptInEnabled": False,
        }
        ctx.tx.put("keyword_lease", lease, key=keyword.upper())
    doc = _order(ctx, keywords=_item([k.upper() for k in keywords], KEYWORD_PRICE))
    return {"id": doc["id"]}


@handles("findOrders")
def find_orders(ctx: Context) -> Any:
    filters: list[Filter] = []
    if ctx.param("status"):
        filters.append(one_of("status", ctx.params["status"]))
    filters.extend(between("created", ctx.param("intervalBegin"), ctx.param("intervalEnd")))
    return page(ctx, "order", filters)


@handles("getOrder")
def get_order(ctx: Context) -> Any:
    return require(ctx, "order", ctx.params["id"], "order")


# -- Number leases and their configs ----------------------------------------------------


def _lease_filters(ctx: Context) -> list[Filter]:
    filters: list[Filter] = []
    if ctx.param("prefix"):
        filters.append(starts_with("number", _with_country(ctx.params["prefix"])))
    for name in ("city", "state", "zipcode"):
        if ctx.param(name):
            filters.append(equals(f"region.{name}", str(ctx.params[name]).upper()))
    if ctx.param("labelName"):
        filters.append(has_item("labels", ctx.params["labelName"]))
    if ctx.param("tollFree") is not None:
        filters.append(equals("tollFree", ctx.params["tollFree"]))
    return filters


def _public_lease(doc: dict[str, Any]) -> dict[str, Any]:
    """A number or keyword lease as the API shows it: keyed by its number or keyword,
    without the store's id."""
    return {k: v for k, v in doc.items() if k != "id"}


@handles("findNumberLeases")
def find_number_leases(ctx: Context) -> Any:
    return page(ctx, "number_lease", _lease_filters(ctx), shape=_public_lease)


@handles("getNumberLease")
def get_number_lease(ctx: Context) -> Any:
    return _public_lease(require_key(ctx, "number_lease", ctx.params["number"], "number lease"))


@handles("updateNumberLease")
def update_number_lease(ctx: Context) -> Any:
    doc = require_key(ctx, "number_lease", ctx.params["number"], "number lease")
    changes = {k: v for k, v in body_dict(ctx).items() if k in ("autoRenew", "labels")}
    ctx.tx.put("number_lease", apply_update(doc, "NumberLease", changes), key=doc["number"])


def _number_config(lease: dict[str, Any], config: dict[str, Any] | None) -> dict[str, Any]:
    if config is not None:
        return {k: v for k, v in config.items() if k != "id"}
    return {
        "number": lease["number"],
        "configType": "TRACKING",
        "callTrackingConfig": {"recorded": False, "transferNumbers": []},
    }


@handles("findNumberLeaseConfigs")
def find_number_lease_configs(ctx: Context) -> Any:
    result = page(ctx, "number_lease", _lease_filters(ctx))
    result["items"] = [
        _number_config(lease, ctx.tx.get_by_key("number_config", lease["number"]))
        for lease in result["items"]
    ]
    return result


@handles("getNumberLeaseConfig")
def get_number_lease_config(ctx: Context) -> Any:
    number = ctx.params["number"]
    lease = require_key(ctx, "number_lease", number, "number lease")
    return _number_config(lease, ctx.tx.get_by_key("number_config", number))


@handles("updateNumberLeaseConfig")
def update_number_lease_config(ctx: Context) -> Any:
    number = ctx.params["number"]
    lease = require_key(ctx, "number_lease", number, "number lease")
    stored = ctx.tx.get_by_key("number_config", number)
    config = _number_config(lease, stored)
    body = body_dict(ctx)
    kind = body.get("configType") or config["configType"]
    if kind == "IVR":
        ivr = body.get("ivrInboundConfig") or config.get("ivrInboundConfig") or {}
        if not ivr.get("dialplanXml"):
            raise ApiFault(400, "an IVR config needs ivrInboundConfig.dialplanXml")
        config = {"number": number, "configType": "IVR", "ivrInboundConfig": dict(ivr)}
    else:
        tracking = body.get("callTrackingConfig") or config.get("callTrackingConfig") or {}
        config = {"number": number, "configType": "TRACKING", "callTrackingConfig": dict(tracking)}
    text = body.get("textInboundConfig")
    if text is not None:
        config["textInboundConfig"] = dict(text)
    config["id"] = stored["id"] if stored else ctx.tx.next_id()
    ctx.tx.put("number_config", config, key=number)


# -- Keywords ---------------------------------------------------------------------------


@handles("findKeywords")
def find_keywords(ctx: Context) -> Any:
    keywords = [str(k) for k in ctx.param("keywords", [])]
    return {
        "items": [
            {"keyword": k.upper(), "shortCode": SHORT_CODE}
            for k in keywords
            if _keyword_available(ctx, k)
        ]
    }


@handles("isKeywordAvailable")
def is_keyword_available(ctx: Context) -> Any:
    return _keyword_available(ctx, str(ctx.params["keyword"]))


def _keyword_filters(ctx: Context) -> list[Filter]:
    filters: list[Filter] = []
    if ctx.param("filter"):
        filters.append(contains_text("keyword", ctx.params["filter"]))
    if ctx.param("labelName"):
        filters.append(has_item("labels", ctx.params["labelName"]))
    return filters


@handles("findKeywordLeases")
def find_keyword_leases(ctx: Context) -> Any:
    return page(ctx, "keyword_lease", _keyword_filters(ctx), shape=_public_lease)


@handles("getKeywordLease")
def get_keyword_lease(ctx: Context) -> Any:
    key = str(ctx.params["keyword"]).upper()
    return _public_lease(require_key(ctx, "keyword_lease", key, "keyword lease"))


@handles("getKeywordLeaseById")
def get_keyword_lease_by_id(ctx: Context) -> Any:
    return _public_lease(require(ctx, "keyword_lease", ctx.params["id"], "keyword lease"))


@handles("updateKeywordLease")
def update_keyword_lease(ctx: Context) -> Any:
    key = str(ctx.params["keyword"]).upper()
    doc = require_key(ctx, "keyword_lease", key, "keyword lease")
    allowed = (
        "autoRenew",
        "labels",
        "doubleOptInEnabled",
        "optInConfirmationMessage",
        "contactListId",
    )
    changes = {k: v for k, v in body_dict(ctx).items() if k in allowed}
    ctx.tx.put("keyword_lease", apply_update(doc, "KeywordLease", changes), key=key)


def _keyword_config(lease: dict[str, Any], config: dict[str, Any] | None) -> dict[str, Any]:
    if config is not None:
        return {k: v for k, v in config.items() if k != "id"}
    return {"keyword": lease["keyword"], "textInboundConfig": {"forwardEnabled": False}}


@handles("findKeywordLeaseConfigs")
def find_keyword_lease_configs(ctx: Context) -> Any:
    result = page(ctx, "keyword_lease", _keyword_filters(ctx))
    result["items"] = [
        _keyword_config(lease, ctx.tx.get_by_key("keyword_config", lease["keyword"]))
        for lease in result["items"]
    ]
    return result


@handles("getKeywordLeaseConfig")
def get_keyword_lease_config(ctx: Context) -> Any:
    key = str(ctx.params["keyword"]).upper()
    lease = require_key(ctx, "keyword_lease", key, "keyword lease")
    return _keyword_config(lease, ctx.tx.get_by_key("keyword_config", key))


@handles("updateKeywordLeaseConfig")
def update_keyword_lease_config(ctx: Context) -> Any:
    key = str(ctx.params["keyword"]).upper()
    require_key(ctx, "keyword_lease", key, "keyword lease")
    stored = ctx.tx.get_by_key("keyword_config", key)
    inbound = body_dict(ctx).get("textInboundConfig") or {}
    config = {
        "id": stored["id"] if stored else ctx.tx.next_id(),
        "keyword": key,
        "textInboundConfig": dict(inbound),
    }
    ctx.tx.put("keyword_config", config, key=key)
