"""The typing of the client, seen by a user: mypy --strict over scripts in ``typed_usage/``.

``good.py`` uses the models (assert_type on method results, pages, paginate, webhooks)
and must check clean; ``bad.py`` misspells a body key and a response key, among others,
and mypy must report exactly the lines marked ``# error:``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

api = pytest.importorskip("mypy.api")

HERE = Path(__file__).with_name("typed_usage")
SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    cache = tmp_path_factory.mktemp("mypy-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MYPYPATH", str(SRC))  # this tree's cftools, whatever is installed
        out, err, _ = api.run(
            [
                "--strict",
                "--python-version",
                "3.10",  # the oldest Python cftools supports
                "--no-error-summary",
                "--show-error-codes",
                "--cache-dir",
                str(cache),
                "--config-file",
                "",
                str(HERE / "good.py"),
                str(HERE / "bad.py"),
            ]
        )
    assert not err, err
    return out


def _errors(report: str, name: str) -> dict[int, str]:
    found: dict[int, str] = {}
    for line in report.splitlines():
        match = re.match(rf".*{name}:(\d+): error: (.*)", line)
        if match:
            found[int(match.group(1))] = match.group(2)
    return found


def test_the_typed_usage_checks_clean(report: str) -> None:
    assert _errors(report, "good.py") == {}, report


def test_misspelt_keys_and_bad_values_are_mypy_errors(report: str) -> None:
    source = (HERE / "bad.py").read_text(encoding="utf-8").splitlines()
    marked = {n for n, line in enumerate(source, 1) if "  # error:" in line}
    found = _errors(report, "bad.py")
    assert set(found) == marked, report
    assert "phonNumber" in found[9] and "finalCallResutl" in found[11]
    assert 'Did you mean "toNumber"' in report or "toNumbr" in found[14]


def test_paginate_is_overloaded_for_each_paged_operation_with_a_model() -> None:
    from cftools.client import AsyncClient, Client, _codegen
    from cftools.spec import OPERATIONS

    source = _codegen.TARGET.read_text(encoding="utf-8")
    typed = [op for op in OPERATIONS.values() if _codegen._item_model(op) is not None]
    assert {op.operation_id for op in typed} >= {"findCalls", "findTexts", "findContacts"}
    for operation in typed:
        assert source.count(f"operation: Literal[{operation.operation_id!r}]") == 2  # sync, async
    # The decorators change nothing at run time.
    assert Client.paginate.__qualname__ == "Client.paginate"
    assert AsyncClient.paginate.__qualname__ == "AsyncClient.paginate"
