"""The example responses of CallFire's reference pages, through the client and the models.

Each "Example Response" of the seed pages that is JSON is paired with the example
request just above it (``data/seed_requests.json``, extracted from the same pages). The
client must hand each back exactly as sent; and selecting every name it holds must never
be refused by the ``fields`` names check: real responses may carry names the
specification lacks (only warnings), but never a near-miss of one it has. Where the
examples depart from the specification is listed here, so that a change either way is
noticed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from cftools.client import Client
from cftools.spec import OPERATIONS, check_fields_names

from .conftest import PASSWORD, USERNAME

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_7815b765f95ab488.txt"
REQUESTS = json.loads(Path(__file__).with_name("data").joinpath("seed_requests.json").read_text())

# Names in the examples that the specification's response definitions lack.
UNKNOWN_NAMES = {
    "getAccount": {"email", "firstName", "lastName", "permissions"},
}
# Operations whose examples answer with a bare array where the specification declares
# an object with ``items`` (NumberList).
ARRAY_ANSWERS = {"findNumbersLocal", "findNumbersTollfree"}


def _examples() -> Iterator[tuple[int, dict[str, Any], Any]]:
    if not SEED.is_file():
        return
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for index, line in enumerate(lines):
        if line.strip() != "Example Response":
            continue
        start = index + 1
        while start < len(lines) and not lines[start].strip():
            start += 1
        end = start
        while end < len(lines) and lines[end].strip():
            end += 1
        try:
            document = json.loads("\n".join(lines[start:end]))
        except ValueError:
            continue  # "204 - No Content", binary files, and two examples that are not JSON
        near = [r for r in REQUESTS if index + 1 - 15 <= r["seed_line"] <= index + 1]
        if near:
            yield index + 1, near[-1], document


EXAMPLES = list(_examples())


def _paths(document: Any, prefix: str = "") -> Iterator[str]:
    if isinstance(document, list):
        for item in document:
            yield from _paths(item, prefix)
    elif isinstance(document, dict):
        for key, value in document.items():
            path = f"{prefix}/{key}" if prefix else key
            yield path
            yield from _paths(value, path)


def test_the_seed_pages_give_enough_examples() -> None:
    if not SEED.is_file():
        pytest.skip(f"seed pages not found at {SEED}")
    assert len(EXAMPLES) >= 50


@pytest.mark.parametrize(
    ("line", "request_", "document"), EXAMPLES, ids=[f"line{e[0]}" for e in EXAMPLES]
)
def test_the_client_returns_the_example_unchanged(
    line: int, request_: dict[str, Any], document: Any
) -> None:
    operation = OPERATIONS[request_["operation_id"]]
    answer = httpx.Response(200, content=json.dumps(document).encode())
    transport = httpx.MockTransport(lambda request: answer)
    with Client(USERNAME, PASSWORD, transport=transport) as client:
        result = client.invoke(operation.operation_id, validate=False, **request_["path"])
    assert result == document


@pytest.mark.parametrize(
    ("line", "request_", "document"), EXAMPLES, ids=[f"line{e[0]}" for e in EXAMPLES]
)
def test_selecting_what_the_example_holds_is_never_refused(
    line: int, request_: dict[str, Any], document: Any
) -> None:
    operation = OPERATIONS[request_["operation_id"]]
    if operation.response != "json":
        assert isinstance(document, bool) and operation.response == "boolean"
        return
    if not isinstance(document, dict):
        assert operation.operation_id in ARRAY_ANSWERS and isinstance(document, list)
        return
    names = sorted({p.replace(",", "\\,") for p in _paths(document)})
    problems = check_fields_names(operation, ",".join(names))
    assert [p for p in problems if p.code == "field-name"] == []
    unknown = {p.message.split("'")[1] for p in problems}
    assert unknown == UNKNOWN_NAMES.get(operation.operation_id, set())
