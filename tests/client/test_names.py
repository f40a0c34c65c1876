"""Parameter names as callers write them: a misspelt keyword on a named method gets a
suggestion (sync and async, every operation), and invoke, paginate and download take
both the API's names and the named methods' snake_case names."""

from __future__ import annotations

import asyncio
import inspect
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from cftools.client import (
    OPERATIONS,
    AsyncClient,
    Client,
    RequestValidationError,
    UnknownArgumentError,
    method_name,
)

from .conftest import Server

PAGE = {"items": [{"id": 1}], "totalCount": 1}
METHODS = sorted(method_name(op) for op in OPERATIONS)


# -- a misspelt keyword on a named method --------------------------------------------------


def test_a_misspelt_keyword_gets_the_suggestion_invoke_gives(client: Client, server: Any) -> None:
    with pytest.raises(UnknownArgumentError) as caught:
        client.find_calls(campain_id=5)
    error = caught.value
    assert isinstance(error, TypeError)  # what Python raised before, still caught alike
    assert isinstance(error, RequestValidationError)  # what invoke raises for a typo
    assert error.operation_id == "findCalls"
    [problem] = error.problems
    assert problem.location == "campain_id"
    assert problem.code == "unknown"
    assert "find_calls()" in problem.message
    assert "did you mean 'campaign_id'?" in problem.message
    assert server.count == 0
    # invoke says the same about the same typo, in the API's spelling.
    with pytest.raises(RequestValidationError, match="did you mean 'campaignId'"):
        client.invoke("findCalls", campainId=5)


def test_the_api_spelling_on_a_named_method_points_to_the_python_one(client: Client) -> None:
    with pytest.raises(UnknownArgumentError, match="did you mean 'campaign_id'"):
        client.find_calls(campaignId=5)  # type: ignore[call-arg]


def test_every_typo_is_listed(client: Client) -> None:
    with pytest.raises(UnknownArgumentError) as caught:
        client.find_calls(campain_id=5, stats="FINISHED", limit=2)
    assert [p.location for p in caught.value.problems] == ["campain_id", "stats"]
    assert "did you mean 'states'" in caught.value.problems[1].message


@pytest.mark.parametrize("name", METHODS)
def test_every_sync_method_suggests(name: str, client: Client, server: Any) -> None:
    with pytest.raises(UnknownArgumentError, match="did you mean 'validate'"):
        getattr(client, name)(validat=False)
    assert server.count == 0


@pytest.mark.parametrize("name", METHODS)
def test_every_async_method_suggests(
    name: str, new_async_client: Callable[..., AsyncClient], server: Any
) -> None:
    async def run() -> None:
        async with new_async_client() as aclient:
            with pytest.raises(UnknownArgumentError, match="did you mean 'validate'"):
                await getattr(aclient, name)(validat=False)

    asyncio.run(run())
    assert server.count == 0


def test_other_binding_errors_stay_pythons(client: Client) -> None:
    with pytest.raises(TypeError, match="positional") as caught:
        client.get_call(1, 2)  # type: ignore[call-arg]
    assert not isinstance(caught.value, UnknownArgumentError)
    with pytest.raises(TypeError, match="missing") as missing:
        client.get_call()  # type: ignore[call-arg]
    assert not isinstance(missing.value, UnknownArgumentError)


def test_a_type_error_from_inside_the_call_passes_through(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise TypeError("from deep inside")

    monkeypatch.setattr(client, "_call", broken)
    with pytest.raises(TypeError, match="from deep inside") as caught:
        client.find_calls(campaign_id=5)
    assert not isinstance(caught.value, UnknownArgumentError)


def test_wrapped_methods_keep_their_signature_name_and_doc() -> None:
    for cls in (Client, AsyncClient):
        method = cls.find_calls
        assert method.__name__ == "find_calls"
        assert "operationId ``findCalls``" in (method.__doc__ or "")
        assert "campaign_id" in inspect.signature(method).parameters
    assert inspect.iscoroutinefunction(AsyncClient.find_calls)
    assert not inspect.iscoroutinefunction(Client.find_calls)


def test_a_subclass_is_wrapped_once_and_its_overrides_too(server: Server) -> None:
    class Mine(Client):
        def get_account(self, *, validate: bool = True) -> Any:
            return "mine"

    assert Mine.find_calls is Client.find_calls  # not wrapped a second time
    with Mine("u", "p", transport=httpx.MockTransport(server.handle)) as mine:
        assert mine.get_account() == "mine"
        with pytest.raises(UnknownArgumentError, match="did you mean 'validate'"):
            mine.get_account(validat=True)  # type: ignore[call-arg]


@pytest.mark.slow
def test_mypy_still_rejects_the_typo(tmp_path: Path) -> None:
    """The wrapping is invisible to the type checker: the static signature stays exact."""
    source = tmp_path / "typo.py"
    source.write_text(
        textwrap.dedent(
            """
            from cftools.client import Client

            def f(client: Client) -> None:
                client.find_calls(campaign_id=5)
                client.find_calls(campain_id=5)
            """
        ),
        encoding="utf-8",
    )
    src = Path(__file__).resolve().parents[2] / "src"
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(source)],
        capture_output=True,
        text=True,
        env={"MYPYPATH": str(src), "PATH": ""},
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert 'Unexpected keyword argument "campain_id"' in result.stdout
    assert "typo.py:6:" in result.stdout
    assert result.stdout.count("error:") == 1, result.stdout


# -- both spellings for invoke, paginate and download -------------------------------------


def test_invoke_takes_the_snake_case_name(client: Client, server: Any) -> None:
    client.invoke("findCalls", campaign_id=5, interval_begin=1)
    assert server.last.url.params.multi_items() == [("campaignId", "5"), ("intervalBegin", "1")]


def test_paginate_takes_the_snake_case_name(client: Client, server: Any) -> None:
    server.reply(httpx.Response(200, json=PAGE))
    assert list(client.paginate("findCalls", campaign_id=5)) == [{"id": 1}]
    assert server.last.url.params["campaignId"] == "5"


def test_download_takes_the_snake_case_name(client: Client, server: Any, tmp_path: Path) -> None:
    server.reply(httpx.Response(200, content=b"ID3", headers={"Content-Type": "audio/mpeg"}))
    # getCallRecordingMp3ByName has no camelCase parameter; a path template with one:
    target = tmp_path / "out.mp3"
    client.download("getCallRecordingMp3ByName", target, id=1, name="greeting")
    assert target.read_bytes() == b"ID3"


def test_async_invoke_and_paginate_take_the_snake_case_name(
    new_async_client: Callable[..., AsyncClient], server: Any
) -> None:
    server.reply(httpx.Response(200, json=PAGE))

    async def run() -> None:
        async with new_async_client() as aclient:
            await aclient.invoke("findCalls", campaign_id=5)
            assert server.last.url.params["campaignId"] == "5"
            items = [item async for item in aclient.paginate("findCalls", batch_id=7)]
            assert items == [{"id": 1}]
            assert server.last.url.params["batchId"] == "7"

    asyncio.run(run())


def test_both_spellings_with_two_values_is_a_clear_error(client: Client, server: Any) -> None:
    for call in (
        lambda: client.invoke("findCalls", campaignId=5, campaign_id=6),
        lambda: client.paginate("findCalls", campaign_id=6, campaignId=5),
        lambda: client.invoke("findCalls", campaignId=5, campaign_id=6, validate=False),
    ):
        with pytest.raises(RequestValidationError) as caught:
            call()
        [problem] = caught.value.problems
        assert problem.location == "query.campaignId"
        assert problem.code == "conflict"
        assert "campaignId=" in problem.message and "campaign_id=" in problem.message
    assert server.count == 0


def test_a_none_under_the_other_spelling_is_no_conflict(client: Client, server: Any) -> None:
    client.invoke("findCalls", campaignId=None, campaign_id=6)
    client.invoke("findCalls", campaign_id=7, campaignId=None)
    assert [r.url.params["campaignId"] for r in server.requests] == ["6", "7"]


def test_the_snake_case_name_of_a_path_parameter(client: Client, server: Any) -> None:
    operation = next(
        op
        for op in OPERATIONS.values()
        if any(p.location == "path" and method_name(p.name) != p.name for p in op.parameters)
        and op.method == "GET"
        and all(not p.required or p.location == "path" for p in op.parameters)
    )
    path_names = [p.name for p in operation.parameters if p.location == "path"]
    params = {method_name(name): "1" if name != "id" else 1 for name in path_names}
    client.invoke(operation.operation_id, validate=False, **params)
    for name in path_names:
        assert "{" not in server.last.url.path, (operation.operation_id, name)
