"""Golden tests: every request example of CallFire's reference pages passes the checks.

``data/seed_requests.json`` holds the 89 curl examples (query strings and JSON bodies
exactly as written, values still strings) and ``data/seed_python_calls.json`` the 88 calls
of the official Python SDK samples (one per documented operation), both extracted by
``tools/extract_seed_examples.py``. When the seed is present, a test re-extracts it and
requires the data files to match.

One example is refused on purpose: the curl example of ``findCalls`` spells ``inbound``
as ``inboubd``, a parameter the server would ignore silently (the Python sample of the
same operation spells it right and passes).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from cftools.spec._checks import RequestValidationError, check_request
from cftools.spec._operations import OPERATIONS

DATA = Path(__file__).resolve().parent / "data"
REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "seeds" / "000_7815b765f95ab488.txt"

CURL = json.loads((DATA / "seed_requests.json").read_text(encoding="utf-8"))
PYTHON = json.loads((DATA / "seed_python_calls.json").read_text(encoding="utf-8"))

# Examples the checks refuse, with the locations of their problems.
REFUSED = {("findCalls", 635): ["query.inboubd"]}


def curl_request(example: dict[str, Any]) -> tuple[dict[str, Any], Any, dict[str, bytes]]:
    params = {**example["path"], **example["query"], **example["form"]}
    files = dict.fromkeys(example["files"], b"content")
    return params, example.get("body"), files


@pytest.mark.parametrize(
    "example", CURL, ids=[f"{e['operation_id']}@{e['seed_line']}" for e in CURL]
)
def test_curl_example_passes(example: dict[str, Any]) -> None:
    operation = OPERATIONS[example["operation_id"]]
    params, body, files = curl_request(example)
    refused = REFUSED.get((operation.operation_id, example["seed_line"]))
    if refused is None:
        check_request(operation, params, body=body, files=files)
        return
    with pytest.raises(RequestValidationError) as caught:
        check_request(operation, params, body=body, files=files)
    assert [p.location for p in caught.value.problems] == refused
    assert "did you mean 'inbound'?" in str(caught.value)


@pytest.mark.parametrize(
    "example", PYTHON, ids=[f"{e['operation_id']}@{e['seed_line']}" for e in PYTHON]
)
def test_python_sample_passes(example: dict[str, Any]) -> None:
    operation = OPERATIONS[example["operation_id"]]
    files = dict.fromkeys(example["files"], b"content")
    check_request(operation, example["params"], body=example.get("body"), files=files)


def test_the_examples_cover_every_documented_operation() -> None:
    assert len(CURL) == 89
    assert len({e["operation_id"] for e in CURL}) == 83
    assert len(PYTHON) == 88
    assert len({e["operation_id"] for e in PYTHON}) == 88


def test_the_examples_keep_the_loose_forms_the_server_accepts() -> None:
    """Guard against normalising the data: strings for booleans and numbers, 10 digits."""
    bodies = json.dumps([e.get("body") for e in CURL])
    assert '"resumeNextDay": "true"' in bodies
    assert '"localCount": "2"' in bodies
    assert '"phoneNumber": "2134441133"' in bodies
    assert '"custom_external_id": 30005044' in bodies
    queries = [e["query"] for e in CURL]
    assert {"lata": "123", "rateCenter": "123"}.items() <= next(
        q for q in queries if "lata" in q
    ).items()
    assert any(q.get("limit") == "10" for q in queries)


def test_the_data_files_are_what_the_seed_holds() -> None:
    if not SEED.is_file():
        pytest.skip(f"seed not found at {SEED} (../shared is absent)")
    spec = importlib.util.spec_from_file_location(
        "extract_seed_examples", REPO / "tools" / "extract_seed_examples.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = SEED.read_text(encoding="utf-8")
    assert module.extract(text) == CURL
    assert module.extract_python(text) == PYTHON
