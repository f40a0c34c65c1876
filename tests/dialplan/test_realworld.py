"""Golden tests on dialplans written the way CallFire customers write them.

``data/realworld/`` holds reminders, surveys, PIN entry, answering-machine detection,
transfers, HTTP calls with ``&amp;`` query strings, JavaScript conditions written with
``&gt;``, ``&lt;`` and ``&amp;&amp;``, CDATA, capitalised keywords, ``maxdigits``, tabs,
CRLF line endings, a byte-order mark, a namespace and a DOCTYPE. None may get an error,
each must round-trip, format idempotently and simulate without a stray exception.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cftools._errors import CftoolsError
from cftools.dialplan import parse, simulate, validate

DATA = Path(__file__).parent / "data" / "realworld"
PLANS = sorted(DATA.glob("*.xml"))


def test_the_corpus_is_there() -> None:
    assert len(PLANS) >= 15


@pytest.mark.parametrize("path", PLANS, ids=[p.name for p in PLANS])
def test_realworld_dialplan_has_no_errors(path: Path) -> None:
    report = validate(path.read_bytes())
    assert report.errors == (), [f.format(path.name) for f in report.errors]
    assert validate(path.read_bytes().decode("utf-8-sig")).findings == report.findings


@pytest.mark.parametrize("path", PLANS, ids=[p.name for p in PLANS])
def test_realworld_dialplan_round_trips(path: Path) -> None:
    plan = parse(path.read_bytes())
    canonical = plan.to_xml()
    assert parse(canonical) == plan
    assert parse(canonical).to_xml() == canonical
    codes = [f.code for f in validate(path.read_bytes())]
    assert [f.code for f in validate(canonical)] == codes


@pytest.mark.parametrize("path", PLANS, ids=[p.name for p in PLANS])
@pytest.mark.parametrize("inputs", [[], ["1"], ["2", "1"], ["timeout", "9"], ["hangup"]])
def test_realworld_dialplan_simulates(path: Path, inputs: list[str]) -> None:
    def answer(method: str, url: str) -> str:
        assert method in ("GET", "POST") and url.startswith("http")
        return "OK"

    try:
        transcript = simulate(path.read_bytes(), inputs, http=answer)
    except CftoolsError as exc:  # a typed, explained stop is fine; nothing else is
        assert str(exc)
        return
    assert transcript.end_reason


def test_positions_count_tabs_and_crlf_as_one_column_and_one_line() -> None:
    plan = parse((DATA / "11_crlf_tabs.xml").read_bytes())
    wait = plan.children[1]
    assert (wait.tag, wait.line, wait.column) == ("wait", 4, 2)
    assert wait.value == "2"
