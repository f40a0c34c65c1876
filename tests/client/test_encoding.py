"""Text UTF-8 cannot carry (a lone surrogate, as json.loads makes from half of an
escaped emoji pair) is refused before anything is sent, naming where it is, wherever it
would travel, with validation on or off; never a UnicodeEncodeError from deep inside."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from cftools import CftoolsError
from cftools.client import AsyncClient, Client, ConfigurationError, RequestValidationError

HALF = json.loads('"Hi \\ud83d"')  # what a cut emoji pair decodes to
assert HALF == "Hi \ud83d"

RECIPIENT = {"phoneNumber": "12135551100", "message": HALF}

# (where the text goes, the expected location, the call) for every place a value travels.
CASES: list[tuple[str, str, Callable[[Client, bool], Any]]] = [
    (
        "body",
        "body[0].message",
        lambda c, v: c.send_texts([RECIPIENT], validate=v),
    ),
    (
        "body key",
        "body[0].attributes['k\\ud83d']",
        lambda c, v: c.send_texts(
            [{"phoneNumber": "12135551100", "message": "hi", "attributes": {"k\ud83d": "v"}}],
            validate=v,
        ),
    ),
    (
        "body, free-form map",
        "body.properties.note",
        lambda c, v: c.update_contact(5, {"properties": {"note": HALF}}, validate=v),
    ),
    ("query", "query.label", lambda c, v: c.find_calls(label=HALF, validate=v)),
    ("fields", "query.fields", lambda c, v: c.find_calls(fields="items(\ud83d)", validate=v)),
    (
        "path",
        "path.name",
        lambda c, v: c.invoke("getCallRecordingByName", id=1, name=HALF, validate=v),
    ),
    (
        "form field",
        "formData.name",
        lambda c, v: c.invoke(
            "postFileCampaignSound", files={"file": ("a.mp3", b"ID3")}, name=HALF, validate=v
        ),
    ),
    (
        "file name",
        "files.file.filename",
        lambda c, v: c.invoke(
            "postFileCampaignSound", files={"file": ("a\ud83d.mp3", b"ID3")}, name="n", validate=v
        ),
    ),
    (
        "file content type (a header of its part)",
        "files.file.content_type",
        lambda c, v: c.invoke(
            "postFileCampaignSound",
            files={"file": ("a.mp3", b"ID3", "audio/\ud83d")},
            name="n",
            validate=v,
        ),
    ),
]


@pytest.mark.parametrize("validate", [True, False], ids=["checked", "unchecked"])
@pytest.mark.parametrize(("what", "location", "call"), CASES, ids=[c[0] for c in CASES])
def test_a_lone_surrogate_is_refused_naming_its_location(
    what: str, location: str, call: Callable[[Client, bool], Any], validate: bool,
    client: Client, server: Any,
) -> None:  # fmt: skip
    with pytest.raises(RequestValidationError) as caught:
        call(client, validate)
    error = caught.value
    assert isinstance(error, CftoolsError)
    [problem] = [p for p in error.problems if p.code == "encoding"]
    assert problem.location == location
    assert "lone surrogate" in problem.message and "'\\ud83d'" in problem.message
    # The message itself can be printed and logged: it holds no surrogate.
    str(error).encode("utf-8")
    assert server.count == 0


def test_with_the_checks_it_is_listed_with_the_other_problems(client: Client) -> None:
    with pytest.raises(RequestValidationError) as caught:
        client.send_texts([RECIPIENT, {"phoneNumber": "12", "message": "ok"}])
    codes = {p.location: p.code for p in caught.value.problems}
    assert codes == {"body[0].message": "encoding", "body[1].phoneNumber": "phone"}


def test_an_unknown_parameter_name_with_a_surrogate_can_be_printed(client: Client) -> None:
    for validate in (True, False):
        with pytest.raises(RequestValidationError) as caught:
            client.invoke("findCalls", validate=validate, **{"la\ud83d": "x"})
        assert caught.value.problems[0].location == "query['la\\ud83d']"
        str(caught.value).encode("utf-8")


def test_async_client_refuses_it_too(new_async_client: Callable[..., AsyncClient]) -> None:
    async def run() -> None:
        async with new_async_client() as aclient:
            with pytest.raises(RequestValidationError, match=r"body\[0\]\.message"):
                await aclient.send_texts([RECIPIENT], validate=False)
            with pytest.raises(RequestValidationError, match=r"files\.file\.filename"):
                await aclient.invoke(
                    "postFileCampaignSound", files={"file": ("\ud83d", b"x")}, name="n"
                )

    asyncio.run(run())


def test_paginate_refuses_it_on_the_first_page(client: Client, server: Any) -> None:
    for validate in (True, False):
        with pytest.raises(RequestValidationError, match=r"query\.label"):
            list(client.paginate("findCalls", label=HALF, validate=validate))
    assert server.count == 0


@pytest.mark.parametrize("field", ["username", "password"])
def test_credentials_with_a_surrogate_are_a_configuration_error(field: str) -> None:
    credentials = {"username": "api-login", "password": "s3cr3t-Pa55word"}
    credentials[field] += "\ud83d"
    with pytest.raises(ConfigurationError, match=f"the {field} contains a lone surrogate") as e:
        Client(**credentials, transport=httpx.MockTransport(lambda r: httpx.Response(200)))
    assert "s3cr3t" not in str(e.value) and "api-login" not in str(e.value)


def test_a_base_url_with_a_surrogate_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="base_url contains a lone surrogate"):
        Client("u", "p", base_url="https://api.example.org/v\ud83d")
