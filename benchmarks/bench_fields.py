"""How fast is a compiled ``fields`` projector? Run: ``python benchmarks/bench_fields.py``.

Builds a 10,000-item call page shaped like the "Find calls" example of the CallFire API
reference and times, in one run and on the same projections: hand-written dict/list
comprehensions (the limit), cftools, jmespath (compiled) and glom, and for sub-objects
kept whole, ``Projector(data, copy=False)`` against the copying call. Every output is
checked equal to the hand-written one, key order included, before anything is timed.
Prints the best of several repeats for each, and the ratio to the hand-written code;
then the cold cost of parse + compile for a typical expression and the cost of a cache
hit. ``--items N`` changes the page size, ``--repeat N`` the number of repeats.

Then JSON text to projection (``fields.decode``, issue 15), against ``json.loads``
alone on the same bytes: the time and the peak memory (tracemalloc) for three
selections, and ``Client.paginate(..., fields=..., project=True)`` over 100 pages
from a mock transport against the same walk decoded by ``json.loads`` + projector.
``--decode-only`` runs only this part.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import timeit
import tracemalloc
from collections.abc import Callable
from typing import Any

import glom
import jmespath

from cftools import fields
from cftools.fields import _decode, _parser, _projector

# The projection of the API reference's findCalls sample, and a nested one.
FLAT = "items(id,fromNumber,toNumber,modified,finalCallResult)"
NESTED = "totalCount,items(id,contact/homePhone,records(callResult,billedAmount))"
FLAT_KEYS = ("id", "fromNumber", "toNumber", "modified", "finalCallResult")
# Sub-objects and sub-arrays kept whole: what Projector(data, copy=False) is for.
KEPT = "items(id,contact,records)"
# One key of each item: the ids of a page.
IDS = "items/id"


def call_page(count: int, seed: int = 7) -> dict[str, Any]:
    """A findCalls page: every item has the keys of the reference's sample call."""
    rng = random.Random(seed)
    results = ["LA", "AM", "BUSY", "NO_ANS", "CARRIER_ERROR"]
    items = []
    for i in range(count):
        number = f"1213555{rng.randrange(10_000):04d}"
        result = rng.choice(results)
        items.append(
            {
                "id": 13_000 + i,
                "fromNumber": "12135551189",
                "toNumber": number,
                "state": "FINISHED",
                "campaignId": 10,
                "batchId": 6,
                "contact": {"id": 4_000 + i, "homePhone": number},
                "labels": ["survey 1"],
                "attributes": {"external_user_id": str(45_450_007_002 + i)},
                "inbound": False,
                "created": 1_443_373_386_000 + i,
                "modified": 1_443_373_412_000 + i,
                "finalCallResult": result,
                "records": [
                    {
                        "id": 10_000 + i,
                        "billedAmount": round(rng.random() * 2, 4),
                        "finishTime": 1_443_373_425_000 + i,
                        "callResult": result,
                        "questionResponses": [{"question": "Do you have a dog", "response": "Yes"}],
                    }
                ],
                "agentCall": False,
            }
        )
    return {"items": items, "limit": count, "offset": 0, "totalCount": 7160}


# --- hand-written equivalents (the limit) --------------------------------------------

_FLAT_SET = frozenset(FLAT_KEYS)


def hand_flat(page: dict[str, Any]) -> dict[str, Any]:
    return {"items": [{k: v for k, v in item.items() if k in _FLAT_SET} for item in page["items"]]}


_KEPT_SET = frozenset(("id", "contact", "records"))


def hand_kept(page: dict[str, Any]) -> dict[str, Any]:
    """Shares the kept sub-objects with the page, as copy=False may."""
    return {"items": [{k: v for k, v in item.items() if k in _KEPT_SET} for item in page["items"]]}


def hand_ids(page: dict[str, Any]) -> dict[str, Any]:
    return {"items": [{"id": item["id"]} for item in page["items"]]}


def hand_nested(page: dict[str, Any]) -> dict[str, Any]:
    return {
        "items": [
            {
                "id": item["id"],
                "contact": {"homePhone": item["contact"]["homePhone"]},
                "records": [
                    {"billedAmount": r["billedAmount"], "callResult": r["callResult"]}
                    for r in item["records"]
                ],
            }
            for item in page["items"]
        ],
        "totalCount": page["totalCount"],
    }


# --- the other libraries --------------------------------------------------------------

_JMES_FLAT = jmespath.compile(
    "{items: items[*].{" + ", ".join(f"{k}: {k}" for k in FLAT_KEYS) + "}}"
)
_JMES_IDS = jmespath.compile("{items: items[*].{id: id}}")
_JMES_KEPT = jmespath.compile("{items: items[*].{id: id, contact: contact, records: records}}")
_JMES_NESTED = jmespath.compile(
    "{items: items[*].{id: id, contact: {homePhone: contact.homePhone},"
    " records: records[*].{billedAmount: billedAmount, callResult: callResult}},"
    " totalCount: totalCount}"
)
_GLOM_FLAT = {"items": ("items", [{k: k for k in FLAT_KEYS}])}
_GLOM_NESTED = {
    "items": (
        "items",
        [
            {
                "id": "id",
                "contact": {"homePhone": "contact.homePhone"},
                "records": (
                    "records",
                    [{"billedAmount": "billedAmount", "callResult": "callResult"}],
                ),
            }
        ],
    ),
    "totalCount": "totalCount",
}


def _best_of(contenders: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Best time of each contender, taking turns so that load changes hit all alike.

    A contender over 50 times slower than the first one (glom) runs only 3 times, after
    the others, so it neither dominates the run nor disturbs their caches.
    """
    best = dict.fromkeys(contenders, float("inf"))
    slow = {name for name in contenders if "glom" in name}
    for _ in range(repeat):
        for name, function in contenders.items():
            if name not in slow:
                best[name] = min(best[name], timeit.timeit(function, number=1))
    for name in slow:
        best[name] = min(timeit.repeat(contenders[name], number=1, repeat=3))
    return best


def _same(a: Any, b: Any) -> bool:
    return json.dumps(a) == json.dumps(b)  # key order included


def bench_projection(
    title: str,
    page: dict[str, Any],
    expression: str,
    contenders: dict[str, Callable[[], Any]],
    repeat: int,
    measured: str = "cftools compiled projector",
) -> float:
    print(f"\n{title}: fields={expression!r}, {len(page['items'])} items (best of {repeat})")
    reference = contenders["hand-written comprehension"]()
    for name, run in contenders.items():
        if not _same(run(), reference):
            sys.exit(f"{name}: output differs from the hand-written comprehension")
    best = _best_of(contenders, repeat)
    base = best["hand-written comprehension"]
    ratio = best[measured] / base
    for name, seconds in best.items():
        print(f"  {name:32s} {seconds * 1000:9.2f} ms   {seconds / base:6.2f}x")
    speedup = best["jmespath (compiled)"] / best[measured]
    print(f"  {measured}: {ratio:.2f}x hand-written, {speedup:.1f}x faster than jmespath")
    return ratio


# --- JSON text to projection -----------------------------------------------------------

#: The selections of issue 15: one key per item, the nested one, sub-objects kept whole.
DECODED = (IDS, "items(id,fromNumber,contact/id,records(callResult)),totalCount", KEPT)


def _general(expression: str) -> Callable[[bytes], Any]:
    """The general path: json.loads, then the projector (sharing, as decode does)."""
    projector = fields.Projector(fields.parse(expression))
    return lambda raw: projector(json.loads(raw), copy=False)


def _peak(function: Callable[[], Any]) -> int:
    """Peak bytes allocated while ``function`` runs and its result is alive."""
    tracemalloc.start()
    try:
        result = function()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del result
    return peak


def bench_decode(page: dict[str, Any], repeat: int) -> dict[str, tuple[float, float]]:
    raw = json.dumps(page).encode()
    print(f"\nJSON text to projection: {len(raw) / 1e6:.1f} MB, {len(page['items'])} items")
    print(f"  ratios to json.loads alone on the same bytes (time: best of {repeat})")
    figures = {}
    for expression in DECODED:
        projector = fields.compile(expression)
        general = _general(expression)
        fused, fused_taken, _ = projector.decode_document(raw)
        if not fused_taken or not fused == general(raw) == fields.project(page, expression):
            sys.exit(f"decode({expression!r}) differs from project(json.loads)")
        best = _best_of(
            {
                "json.loads": lambda: json.loads(raw),
                "decode": lambda: projector.decode(raw),  # noqa: B023
                "general": lambda: general(raw),  # noqa: B023
            },
            repeat,
        )
        base = best["json.loads"]
        memory = _peak(lambda: json.loads(raw))
        decoded = _peak(lambda: projector.decode(raw))  # noqa: B023
        figures[expression] = (best["decode"] / base, decoded / memory)
        print(f"  fields={expression!r}")
        print(
            f"    time:   json.loads {base * 1000:7.1f} ms; decode {best['decode'] / base:5.2f}x; "
            f"json.loads + project {best['general'] / base:5.2f}x"
        )
        print(f"    memory: json.loads {memory / 1e6:7.1f} MB; decode {decoded / memory:5.2f}x")
    return figures


def bench_paginate(pages: int, per_page: int, expression: str, repeat: int) -> float:
    """paginate() over ``pages`` pages from a mock transport, fused decode against the
    same walk with json.loads + projector (the fused decoder switched off)."""
    import httpx

    from cftools.client import Client
    from cftools.spec import _checks

    bodies = {}
    for number in range(pages):
        body = call_page(per_page, seed=number)
        body.update(offset=number * per_page, totalCount=pages * per_page)
        bodies[number * per_page] = json.dumps(body).encode()

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=bodies[int(request.url.params["offset"])])

    client = Client("user", "password", transport=httpx.MockTransport(handle))

    def walk() -> list[Any]:
        items = client.paginate(
            "findCalls", page_size=per_page, fields=expression, project=True, validate=False
        )
        return list(items)

    def fresh() -> None:  # projectors cache their decoder: compile again
        _projector._compile_text.cache_clear()
        _projector._compile_selection.cache_clear()
        _checks.compile_fields.cache_clear()  # the client's own cache of projectors

    fused = walk()
    real = _decode.fused_decoder
    try:
        _decode.fused_decoder = lambda selection: None  # type: ignore[assignment]
        _projector.fused_decoder = _decode.fused_decoder  # type: ignore[assignment]
        fresh()
        general = walk()
        time_general = min(timeit.repeat(walk, number=1, repeat=repeat))
    finally:
        _decode.fused_decoder = real  # type: ignore[assignment]
        _projector.fused_decoder = real  # type: ignore[assignment]
        fresh()
    if fused != general or len(fused) != pages * per_page:
        sys.exit("paginate: the fused walk differs from the general one")
    time_fused = min(timeit.repeat(walk, number=1, repeat=repeat))
    ratio = time_fused / time_general
    print(
        f"\npaginate('findCalls', fields={expression!r}, project=True): {pages} pages of "
        f"{per_page} items from a mock transport (best of {repeat})"
    )
    print(
        f"  json.loads + projector {time_general * 1000:8.1f} ms; "
        f"fused decode {time_fused * 1000:8.1f} ms = {ratio:.2f}x"
    )
    return ratio


def main(argv: list[str] | None = None) -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--items", type=int, default=10_000)
    options.add_argument("--repeat", type=int, default=40)
    options.add_argument("--decode-only", action="store_true")
    args = options.parse_args(argv)
    page = call_page(args.items)
    print(
        f"Python {sys.version.split()[0]}, jmespath {jmespath.__version__}, glom {glom.__version__}"
    )
    if args.decode_only:
        _decode_part(page, args.repeat)
        return

    flat = fields.compile(FLAT)
    ratio = bench_projection(
        "Flat projection (the reference's findCalls sample)",
        page,
        FLAT,
        {
            "hand-written comprehension": lambda: hand_flat(page),
            "cftools compiled projector": lambda: flat(page),
            "cftools project(data, expr)": lambda: fields.project(page, FLAT),
            "jmespath (compiled)": lambda: _JMES_FLAT.search(page),
            "glom": lambda: glom.glom(page, _GLOM_FLAT),
        },
        args.repeat,
    )
    nested = fields.compile(NESTED)
    nested_ratio = bench_projection(
        "Nested projection",
        page,
        NESTED,
        {
            "hand-written comprehension": lambda: hand_nested(page),
            "cftools compiled projector": lambda: nested(page),
            "jmespath (compiled)": lambda: _JMES_NESTED.search(page),
            "glom": lambda: glom.glom(page, _GLOM_NESTED),
        },
        args.repeat,
    )
    ids = fields.compile(IDS)
    ids_ratio = bench_projection(
        "One key per item",
        page,
        IDS,
        {
            "hand-written comprehension": lambda: hand_ids(page),
            "cftools compiled projector": lambda: ids(page),
            "jmespath (compiled)": lambda: _JMES_IDS.search(page),
        },
        args.repeat,
    )
    kept = fields.compile(KEPT)
    bench_projection(
        "Sub-objects kept whole (the hand-written code and jmespath share them)",
        page,
        KEPT,
        {
            "hand-written comprehension": lambda: hand_kept(page),
            "cftools projector(copy=False)": lambda: kept(page, copy=False),
            "cftools projector (copies)": lambda: kept(page),
            "jmespath (compiled)": lambda: _JMES_KEPT.search(page),
        },
        args.repeat,
        measured="cftools projector(copy=False)",
    )

    def cold() -> None:
        _parser._parse_cached.cache_clear()
        _projector._compile_text.cache_clear()
        _projector._compile_selection.cache_clear()
        fields.compile(NESTED)

    cold_seconds = min(timeit.repeat(cold, number=20, repeat=5)) / 20
    fields.compile(NESTED)
    hit_seconds = (
        min(timeit.repeat(lambda: fields.compile(NESTED), number=100_000, repeat=5)) / 100_000
    )
    print(f"\nparse + compile, cold (fields={NESTED!r}): {cold_seconds * 1e6:8.1f} us")
    print(f"compile, cache hit:                       {hit_seconds * 1e9:8.1f} ns")
    print()
    for name, value in (("flat", ratio), ("nested", nested_ratio), ("one-key", ids_ratio)):
        verdict = "within" if value <= 1.5 else "OUTSIDE"
        print(f"cftools {name} projection: {value:.2f}x the hand-written code ({verdict} 1.5x)")
    _decode_part(page, args.repeat)


def _decode_part(page: dict[str, Any], repeat: int) -> None:
    figures = bench_decode(page, max(3, repeat // 4))
    walk = bench_paginate(100, 1_000, DECODED[1], max(3, repeat // 10))
    print()
    for expression, goal in ((DECODED[0], 0.5), (DECODED[1], 0.5)):
        verdict = "within" if figures[expression][0] <= goal else "OUTSIDE"
        print(
            f"decode {expression!r}: {figures[expression][0]:.2f}x json.loads ({verdict} {goal}x)"
        )
    memory = figures[IDS][1]
    verdict = "within" if memory <= 0.3 else "OUTSIDE"
    print(f"decode {IDS!r} peak memory: {memory:.2f}x json.loads ({verdict} 0.3x)")
    print(f"paginate with fields, fused: {walk:.2f}x the json.loads + projector walk")


if __name__ == "__main__":
    main()
