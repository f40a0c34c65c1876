"""paginate(): lazily following limit/offset through totalCount, sync and async."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cftools.client import (
    ApiError,
    AsyncClient,
    Client,
    ConfigurationError,
    RequestValidationError,
)


def catalogue(
    total: int, *, report_total: bool = True, cap: int | None = None
) -> Callable[[httpx.Request], httpx.Response]:
    """A server holding ``total`` calls, paging like CallFire (optionally capping
    ``limit`` and hiding ``totalCount``), honouring no ``fields`` at all."""

    def handle(request: httpx.Request) -> httpx.Response:
        limit = int(request.url.params.get("limit", 100))
        offset = int(request.url.params.get("offset", 0))
        if cap is not None:
            limit = min(limit, cap)
        items = [
            {"id": i, "state": "FINISHED", "contact": {"id": 1000 + i}}
            for i in range(offset, min(total, offset + limit))
        ]
        page: dict[str, Any] = {"items": items, "limit": limit, "offset": offset}
        page["totalCount"] = total if report_total else -1
        return httpx.Response(200, json=page)

    return handle


def offsets(server: Any) -> list[tuple[int, int]]:
    return [(int(r.url.params["offset"]), int(r.url.params["limit"])) for r in server.requests]


def test_follows_offsets_until_total_count(client: Client, server: Any) -> None:
    server.reply(catalogue(7))
    ids = [call["id"] for call in client.paginate("findCalls", page_size=3)]
    assert ids == list(range(7))
    assert offsets(server) == [(0, 3), (3, 3), (6, 3)]


def test_exact_multiple_stops_without_an_empty_page(client: Client, server: Any) -> None:
    server.reply(catalogue(6))
    assert len(list(client.paginate("findCalls", page_size=3))) == 6
    assert server.count == 2


def test_is_lazy(client: Client, server: Any) -> None:
    server.reply(catalogue(100))
    iterator = client.paginate("findCalls", page_size=10)
    assert server.count == 0
    assert next(iterator)["id"] == 0
    assert server.count == 1
    for _ in range(10):
        next(iterator)
    assert server.count == 2


def test_max_items_stops_early_and_asks_only_for_what_is_left(client: Client, server: Any) -> None:
    server.reply(catalogue(100))
    ids = [c["id"] for c in client.paginate("findCalls", page_size=4, max_items=10)]
    assert ids == list(range(10))
    assert offsets(server) == [(0, 4), (4, 4), (8, 2)]


def test_max_items_zero_sends_nothing(client: Client, server: Any) -> None:
    assert list(client.paginate("findCalls", max_items=0)) == []
    assert server.count == 0


def test_unknown_total_uses_the_short_page_rule(client: Client, server: Any) -> None:
    server.reply(catalogue(5, report_total=False))
    assert len(list(client.paginate("findCalls", page_size=2))) == 5
    assert offsets(server) == [(0, 2), (2, 2), (4, 2)]


def test_a_server_capping_the_limit_is_followed_by_what_it_returns(
    client: Client, server: Any
) -> None:
    server.reply(catalogue(10, cap=4))
    ids = [c["id"] for c in client.paginate("findCalls", page_size=100)]
    assert ids == list(range(10))
    assert offsets(server) == [(0, 100), (4, 100), (8, 100)]


def test_a_capping_server_with_an_unknown_total_is_followed_through_its_page_limit(
    client: Client, server: Any
) -> None:
    # A full page of the capped size looked like a short last page: 4 of 10 items.
    server.reply(catalogue(10, report_total=False, cap=4))
    ids = [c["id"] for c in client.paginate("findCalls", page_size=100)]
    assert ids == list(range(10))
    assert offsets(server) == [(0, 100), (4, 100), (8, 100)]


def test_empty_list(client: Client, server: Any) -> None:
    server.reply(catalogue(0))
    assert list(client.paginate("findTexts")) == []
    assert offsets(server) == [(0, 100)]


def test_start_offset_limit_and_filters_are_kept(client: Client, server: Any) -> None:
    server.reply(catalogue(9))
    ids = [c["id"] for c in client.paginate("findCalls", limit=3, offset=5, campaignId=0)]
    assert ids == [5, 6, 7, 8]
    assert [r.url.params["campaignId"] for r in server.requests] == ["0", "0"]


def test_accepts_the_named_method_and_its_name(client: Client, server: Any) -> None:
    server.reply(catalogue(3))
    assert len(list(client.paginate(client.find_calls))) == 3
    assert len(list(client.paginate("find_calls"))) == 3
    assert {r.url.path for r in server.requests} == {"/v2/calls"}


# -- fields and paging keys ----------------------------------------------------------------


def test_an_inclusion_list_is_widened_to_keep_total_count(client: Client, server: Any) -> None:
    server.reply(catalogue(5))
    items = list(client.paginate("findCalls", page_size=2, fields="items(id)", project=True))
    assert items == [{"id": i} for i in range(5)]
    assert {r.url.params["fields"] for r in server.requests} == {"totalCount,items(id)"}


def test_an_expression_that_keeps_total_count_is_sent_unchanged(
    client: Client, server: Any
) -> None:
    server.reply(catalogue(2))
    list(client.paginate("findCalls", fields="totalCount,items(id)"))
    assert server.last.url.params["fields"] == "totalCount,items(id)"


def test_a_server_that_honours_fields_still_pages_correctly(client: Client, server: Any) -> None:
    """The server drops what the expression does not select: paging keys survive only
    because the pager asked for totalCount."""
    full = catalogue(5)

    def honouring(request: httpx.Request) -> httpx.Response:
        page = full(request).json()
        selected = request.url.params["fields"]
        kept = {"items": [{"id": item["id"]} for item in page["items"]]}
        if "totalCount" in selected:
            kept["totalCount"] = page["totalCount"]
        return httpx.Response(200, json=kept)

    server.reply(honouring)
    items = list(client.paginate("findCalls", page_size=2, fields="items(id)"))
    assert [i["id"] for i in items] == [0, 1, 2, 3, 4]
    assert server.count == 3


def test_project_without_fields_yields_items_as_sent(client: Client, server: Any) -> None:
    server.reply(catalogue(2))
    items = list(client.paginate("findCalls", project=True))
    assert items[0] == {"id": 0, "state": "FINISHED", "contact": {"id": 1000}}


def test_an_expression_removing_items_is_refused(client: Client, server: Any) -> None:
    with pytest.raises(ConfigurationError, match="removes 'items'"):
        client.paginate("findCalls", fields="totalCount")
    assert server.count == 0


def test_bad_arguments_are_refused_before_iteration(client: Client, server: Any) -> None:
    with pytest.raises(ConfigurationError, match="not a paged list operation"):
        client.paginate("getAccount")
    with pytest.raises(ConfigurationError, match="page_size"):
        client.paginate("findCalls", page_size=0)
    with pytest.raises(ConfigurationError, match="not both"):
        client.paginate("findCalls", page_size=5, limit=6)
    with pytest.raises(ConfigurationError, match="max_items"):
        client.paginate("findCalls", max_items=-1)
    with pytest.raises(ConfigurationError, match="offset"):
        client.paginate("findCalls", offset=-4)
    with pytest.raises(RequestValidationError, match="fromNubmer"):
        client.paginate("findCalls", fromNubmer="12135551100")
    with pytest.raises(RequestValidationError, match=r"query\.fields"):
        client.paginate("findCalls", fields="items(")
    assert server.count == 0


def test_limit_and_offset_take_digit_strings_like_the_other_integer_parameters(
    client: Client, server: Any
) -> None:
    # find_calls(limit="10") is accepted by the checks: paginate must not refuse it.
    server.reply(catalogue(30))
    assert len(list(client.paginate("findCalls", limit="10", offset="+5"))) == 25
    assert offsets(server) == [(5, 10), (15, 10), (25, 10)]


@pytest.mark.parametrize("text", ["\u00b2", "1\u00b2", "\u0661\u0662"])
def test_digits_python_reads_but_the_checks_do_not_are_refused_without_validation(
    client: Client, server: Any, text: str
) -> None:
    # str.isdigit() accepts a superscript two, on which int() raised a bare ValueError;
    # Arabic-Indic digits int() reads, but the request checks refuse as not an integer.
    with pytest.raises(ConfigurationError, match=f"limit must be a positive integer, not '{text}'"):
        client.paginate("findCalls", limit=text, validate=False)
    assert server.count == 0


@pytest.mark.parametrize(
    ("options", "name"),
    [
        ({"max_items": True}, "max_items"),
        ({"page_size": True}, "page_size"),
        ({"page_size": "10"}, "page_size"),
        ({"limit": "ten"}, "limit"),
        ({"limit": "0"}, "limit"),
        ({"offset": "-1"}, "offset"),
        ({"offset": 2.0}, "offset"),
    ],
)
def test_paging_options_of_the_wrong_type_are_named_in_the_error(
    client: Client, server: Any, options: dict[str, Any], name: str
) -> None:
    # The request checks see limit= first (page_size= is sent as limit=).
    with pytest.raises((ConfigurationError, RequestValidationError), match=name):
        client.paginate("findCalls", **options)
    assert server.count == 0


def test_a_response_that_is_not_a_page(client: Client, server: Any) -> None:
    server.reply(httpx.Response(200, json={"id": 1}))
    with pytest.raises(ApiError, match="not a page"):
        list(client.paginate("findCalls"))


def test_a_server_ignoring_offset_stops_the_iteration_with_an_error(
    client: Client, server: Any
) -> None:
    # A static page (a test double that ignores offset), its total unknown: following it
    # would repeat the same 100 items for ever.
    page = {"items": [{"id": i} for i in range(100)], "limit": 100, "offset": 0}
    server.reply(lambda request: httpx.Response(200, json={**page, "totalCount": -1}))
    produced = []
    with pytest.raises(ApiError, match=r"offset=100 came back with offset=0"):
        for call in client.paginate("findCalls"):
            produced.append(call["id"])
    assert produced == list(range(100))  # the first page was good
    assert offsets(server) == [(0, 100), (100, 100)]


# Prism's page for any list operation: one sample item, and the int32 minimum as limit,
# offset and totalCount (the contract tests in tests/contract page through it).
PRISM_PAGE = {
    "items": [{"id": 1}],
    "limit": -2147483648,
    "offset": -2147483648,
    "totalCount": -2147483648,
}


def test_a_negative_sample_offset_from_a_mock_server_is_no_offset(
    client: Client, server: Any
) -> None:
    server.reply(lambda request: httpx.Response(200, json=PRISM_PAGE))
    calls = list(client.paginate("findCalls", page_size=2, max_items=5, fields="items(id)"))
    assert calls == [{"id": 1}]  # a short page with no total: the last one
    assert server.count == 1


@pytest.mark.parametrize("total", [250, 10**9])
def test_a_server_ignoring_offset_with_a_total_stops_with_an_error(
    client: Client, server: Any, total: int
) -> None:
    # Issue 10: full pages, always from offset 0, and a total that says there is more:
    # this yielded the same 100 items again (for ever with a total of 10**9).
    page = {"items": [{"id": i} for i in range(100)], "limit": 100, "offset": 0}
    server.reply(lambda request: httpx.Response(200, json={**page, "totalCount": total}))
    produced = []
    with pytest.raises(ApiError, match=r"offset=100 came back with offset=0"):
        for call in client.paginate("findCalls"):
            produced.append(call["id"])
    assert produced == list(range(100))
    assert server.count == 2


def test_a_server_ignoring_offset_with_a_total_stops_the_async_iteration_too(
    new_async_client: Callable[..., AsyncClient], server: Any
) -> None:
    page = {"items": [{"id": 1}] * 5, "limit": 5, "offset": 0, "totalCount": 10**9}
    server.reply(lambda request: httpx.Response(200, json=page))

    async def run() -> list[Any]:
        async with new_async_client() as client:
            pages = client.paginate("findCalls", page_size=5, fields="items(id)", project=True)
            return [call async for call in pages]

    with pytest.raises(ApiError, match="does not page as asked"):
        asyncio.run(run())
    assert server.count == 2


def test_a_mock_filling_offset_with_a_sample_value_is_refused_even_with_a_total(
    client: Client, server: Any
) -> None:
    page = {"items": [{"id": 1}] * 5, "limit": 5, "offset": 7, "totalCount": 10}
    server.reply(lambda request: httpx.Response(200, json=page))
    with pytest.raises(ApiError, match=r"asked for at offset=0 came back with offset=7"):
        list(client.paginate("findCalls", page_size=5))


@pytest.mark.parametrize(
    ("fields", "project"), [(None, False), ("items(id)", True), ("items(id)", False)]
)
def test_a_server_repeating_a_page_without_an_offset_stops_with_an_error(
    client: Client, server: Any, fields: str | None, project: bool
) -> None:
    # No offset in the page (as a server honouring fields=items(id) sends it), offset
    # ignored, and a total far away: the same body comes back.
    page = {"items": [{"id": i, "state": "A"} for i in range(5)], "totalCount": 10**9}
    server.reply(lambda request: httpx.Response(200, json=page))
    params = {} if fields is None else {"fields": fields}
    produced = []
    with pytest.raises(ApiError, match=r"offset=5 repeats the previous page \(offset=0\)"):
        for call in client.paginate("findCalls", page_size=5, project=project, **params):
            produced.append(call["id"])
    assert produced == list(range(5))
    assert server.count == 2


@pytest.mark.parametrize(
    ("fields", "project"), [(None, False), ("items(id)", True), ("items(state)", True)]
)
def test_a_server_echoing_the_offset_but_sending_the_same_items_stops(
    client: Client, server: Any, fields: str | None, project: bool
) -> None:
    # With project=True the pages are decoded straight into the projection (the fused
    # path): the items are still compared as the server sent them.
    def handle(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params["offset"])
        items = [{"id": i, "state": "A"} for i in range(5)]
        return httpx.Response(200, json={"items": items, "offset": offset, "totalCount": 10**9})

    server.reply(handle)
    params = {} if fields is None else {"fields": fields}
    with pytest.raises(ApiError, match="repeats the previous page"):
        list(client.paginate("findCalls", page_size=5, project=project, **params))
    assert server.count == 2


def test_pages_that_differ_only_in_projected_values_are_not_repeats(
    client: Client, server: Any
) -> None:
    # Every item has the same state: the projections repeat, the pages do not.
    server.reply(catalogue(9))
    states = list(client.paginate("findCalls", page_size=3, fields="items(state)", project=True))
    assert states == [{"state": "FINISHED"}] * 9


def test_project_decodes_pages_straight_into_the_projection(client: Client, server: Any) -> None:
    server.reply(catalogue(5))
    pages = client.paginate("findCalls", page_size=2, fields="items(id,contact/id)", project=True)
    assert list(pages) == [{"id": i, "contact": {"id": 1000 + i}} for i in range(5)]


def test_a_page_the_fused_decoder_cannot_take_is_counted_whole(client: Client, server: Any) -> None:
    # Scalars among the items: the projection drops them, the offset counts them.
    def handle(request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params["offset"])
        items: list[Any] = [{"id": offset}, offset + 1] if offset < 4 else [{"id": offset}]
        return httpx.Response(200, json={"items": items, "offset": offset, "totalCount": 5})

    server.reply(handle)
    items = list(client.paginate("findCalls", page_size=2, fields="items(id)", project=True))
    assert items == [{"id": 0}, {"id": 2}, {"id": 4}]
    assert offsets(server) == [(0, 2), (2, 2), (4, 2)]


def test_a_server_ignoring_offset_stops_the_async_iteration_too(
    new_async_client: Callable[..., AsyncClient], server: Any
) -> None:
    page = {"items": [{"id": 1}] * 5, "limit": 5, "offset": 0, "totalCount": -1}
    server.reply(lambda request: httpx.Response(200, json=page))

    async def run() -> list[Any]:
        async with new_async_client() as client:
            return [call async for call in client.paginate("findCalls", page_size=5)]

    with pytest.raises(ApiError, match="does not page as asked"):
        asyncio.run(run())
    assert server.count == 2


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    total=st.integers(0, 60),
    page_size=st.integers(1, 25),
    max_items=st.none() | st.integers(0, 70),
    report_total=st.booleans(),
    cap=st.none() | st.integers(1, 30),
)
def test_every_item_exactly_once(
    client: Client,
    server: Any,
    total: int,
    page_size: int,
    max_items: int | None,
    report_total: bool,
    cap: int | None,
) -> None:
    server.reply(catalogue(total, report_total=report_total, cap=cap))
    pages = client.paginate("findCalls", page_size=page_size, max_items=max_items)
    ids = [c["id"] for c in pages]
    wanted = total if max_items is None else min(total, max_items)
    if not report_total and cap is not None and cap < page_size:
        # Without totalCount, a capped page looks like the last one (the API's own rule).
        assert ids == list(range(len(ids))) and len(ids) <= wanted
    else:
        assert ids == list(range(wanted))


# -- async -------------------------------------------------------------------------------


def test_async_paginate_is_an_async_iterator(
    new_async_client: Callable[..., AsyncClient], server: Any
) -> None:
    server.reply(catalogue(5))

    async def run() -> list[Any]:
        async with new_async_client() as client:
            pages = client.paginate(
                client.find_calls, page_size=2, fields="items(id)", project=True
            )
            assert server.count == 0
            return [item async for item in pages]

    assert asyncio.run(run()) == [{"id": i} for i in range(5)]
    assert offsets(server) == [(0, 2), (2, 2), (4, 2)]


def test_async_paginate_refuses_before_any_request(
    new_async_client: Callable[..., AsyncClient], server: Any
) -> None:
    async def run() -> None:
        async with new_async_client() as client:
            with pytest.raises(RequestValidationError):
                client.paginate("findCalls", limit="many")

    asyncio.run(run())
    assert server.count == 0


def test_an_exclusion_list_keeping_total_count_is_sent_unchanged(
    client: Client, server: Any
) -> None:
    server.reply(catalogue(3))
    items = list(client.paginate("findCalls", page_size=2, fields="!items/contact", project=True))
    assert items == [{"id": i, "state": "FINISHED"} for i in range(3)]
    assert {r.url.params["fields"] for r in server.requests} == {"!items/contact"}


def test_an_exclusion_list_dropping_total_count_falls_back_on_short_pages(
    client: Client, server: Any
) -> None:
    full = catalogue(5)

    def honouring(request: httpx.Request) -> httpx.Response:
        page = full(request).json()
        del page["totalCount"]  # what the server does with fields=!totalCount
        return httpx.Response(200, json=page)

    server.reply(honouring)
    items = list(client.paginate("findCalls", page_size=2, fields="!totalCount"))
    assert [i["id"] for i in items] == [0, 1, 2, 3, 4]
    assert server.last.url.params["fields"] == "!totalCount"
    assert offsets(server) == [(0, 2), (2, 2), (4, 2)]
