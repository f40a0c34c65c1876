"""Golden tests on dialplans written the way CallFire customers write them.

``data/realworld/`` holds reminders, surveys, PIN entry, answering-machine detection,
transfers, HTTP calls with ``&amp;`` query strings, JavaScript conditions written with
``&gt;``, ``&lt;`` and ``&amp;&amp;``, CDATA, capitalised keywords, ``maxdigits``, tabs,
CRLF line endings, a byte-order mark, Latin-1 and UTF-16 files, a namespace and a
DOCTYPE. None may get an error,
each must round-trip, format idempotently and simulate without a stray exception.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cftools._errors import CftoolsError
from cftools.dialplan import parse, simulate, validate
from cftools.dialplan._parse import decode

DATA = Path(__file__).parent / "data" / "realworld"
PLANS = sorted(DATA.glob("*.xml"))


def test_the_corpus_is_there() -> None:
    assert len(PLANS) >= 15


@pytest.mark.parametrize("path", PLANS, ids=[p.name for p in PLANS])
def test_realworld_dialplan_has_no_errors(path: Path) -> None:
    report = validate(path.read_bytes())
    assert report.errors == (), [f.format(path.name) for f in report.errors]
    # The same text as str gives the same findings at the same positions.
    assert validate(decode(path.read_bytes(), encoding(path))).findings == report.findings


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


def encoding(path: Path) -> str | None:
    """The encoding a file's XML declaration names, if any."""
    head = path.read_bytes()[:200].replace(b"\x00", b"")
    found = re.search(rb'encoding="([^"]+)"', head)
    return found.group(1).decode() if found else None


@pytest.mark.parametrize(
    ("name", "tags"),
    [
        ("21_latin1_spanish.xml", [("menu", 6, 7), ("play", 7, 9), ("keypress", 8, 9)]),
        ("22_utf16_pharmacy.xml", [("play", 4, 2), ("menu", 5, 2), ("play", 6, 3)]),
    ],
)
def test_positions_in_files_that_are_not_utf8(name: str, tags: list[tuple[str, int, int]]) -> None:
    plan = parse((DATA / name).read_bytes())
    found = [
        (e.tag, e.line, e.column) for e in plan.iter() if e.tag in ("menu", "play", "keypress")
    ]
    assert found[:3] == tags


def test_positions_count_tabs_and_crlf_as_one_column_and_one_line() -> None:
    plan = parse((DATA / "11_crlf_tabs.xml").read_bytes())
    wait = plan.children[1]
    assert (wait.tag, wait.line, wait.column) == ("wait", 4, 2)
    assert wait.value == "2"
