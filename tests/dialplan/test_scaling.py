"""Issue 10 (3): every validation rule is linear or n log n in the size of the document.

Each case builds a large dialplan that stresses one rule (or the positions of findings),
doubles it twice and checks that the time of the rules (the Context, every rule and the
positions of the findings; parsing excluded, it is lxml's) grows by less than 3.5 per
doubling: about 2 for linear work, 4 for quadratic. Each figure is the best of three
runs of CPU time (``process_time``: time lost to other processes on a busy machine is not
counted), and a doubling that looks too slow is measured again, so a busy machine does
not fail the test; a quadratic rule fails it on every try. No absolute time is asserted.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from cftools.dialplan._parse import parsed_elements, parsed_parents, read
from cftools.dialplan._validate import Context, _load_rules

RATIO = 3.5


def wrap(body: str) -> str:
    return f'<dialplan name="Root">{body}</dialplan>'


def _menu(branches: str, attrs: str = 'name="m" maxDigits="9"') -> str:
    return wrap(f'<menu {attrs}><play type="tts">Pick.</play>{branches}</menu>')


# name -> (make a document of size n, the smallest n)
CASES: dict[str, tuple[Callable[[int], str], int]] = {
    # CF602: n branches ending by running off the end, one with a hang-up.
    "unfinished-branches": (
        lambda n: _menu(
            "".join(f'<keypress pressed="{i}"><dnc/></keypress>' for i in range(1, n + 1))
            + '<keypress pressed="0"><hangup/></keypress>'
        ),
        3000,
    ),
    # CF309: n branches overlapping the last of n others.
    "overlapping-keys": (
        lambda n: _menu(
            "".join(f'<keypress pressed="{i}"><hangup/></keypress>' for i in range(n))
            + f'<keypress pressed="{n - 1}"><hangup/></keypress>' * n
        ),
        700,
    ),
    # A chain of gotos, each to the next (the flow followed it once per way in).
    "goto-chain": (
        lambda n: wrap(
            "".join(f'<play type="tts">p</play><goto name="g{i}">g{i + 1}</goto>' for i in range(n))
            + f'<hangup name="g{n}"/>'
        ),
        100,
    ),
    # CF601 on a menu of n branches that all come back.
    "endless-menu": (
        lambda n: _menu('<keypress pressed="1"><goto>m</goto></keypress>' * n),
        1500,
    ),
    # CF600/CF403 on a long unreachable run.
    "unreachable-run": (lambda n: wrap("<hangup/>" + '<play type="tts">x</play>' * n), 1500),
    # CF400 with suggestions, CF402/CF401 duplicate names.
    "names-and-targets": (
        lambda n: wrap(
            "".join(f'<play name="n{i}" type="tts">x</play><goto>q{i}</goto>' for i in range(n))
            + '<play name="d" type="tts">x</play>' * n
        ),
        700,
    ),
    # CF500/CF501 on many variables.
    "variables": (
        lambda n: wrap("".join(f'<play type="tts">${{v{i}}} ${{x</play>' for i in range(n))),
        1000,
    ),
    # CF602 through hang-up catches.
    "catches": (
        lambda n: wrap(
            '<catch type="hangup" goto="e"><play type="tts">x</play></catch>' * n
            + '<hangup name="e"/>'
        ),
        1000,
    ),
}


def rules_time(xml: str) -> float:
    """Best of three: the Context, every rule, and the findings' positions. The garbage
    collector is paused while timing: its full passes cost more the more objects live,
    which would add a growth of its own to the rules'."""
    rules = _load_rules()
    best = float("inf")
    for _ in range(3):
        plan = read(xml)
        elements, parents = parsed_elements(plan), parsed_parents(plan)
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            ctx = Context(plan, elements, parents=parents)
            for check in rules:
                for finding in check(ctx):
                    assert finding.line is not None
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def positions_time(xml: str) -> float:
    """Best of three: finding the line and column of every tag (done all at once, the
    first time a position is read)."""
    best = float("inf")
    for _ in range(3):
        plan = read(xml)
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            assert plan.line == 1
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def assert_grows_linearly(
    case: str, make: Callable[[int], str], n: int, measure: Callable[[str], float]
) -> None:
    previous = measure(make(n))
    for size in (2 * n, 4 * n):
        ratios = []
        for _attempt in range(3):  # a busy machine may slow one measurement down
            current = measure(make(size))
            ratios.append(current / previous)
            if ratios[-1] < RATIO:
                break
            previous = min(previous, measure(make(size // 2)))
        assert min(ratios) < RATIO, f"{case}: n={size // 2} -> {size}: ratios {ratios}"
        previous = current


@pytest.mark.parametrize("case", sorted(CASES))
def test_doubling_the_input_at_most_doubles_the_rules_time(case: str) -> None:
    make, n = CASES[case]
    assert_grows_linearly(case, make, n, rules_time)


def test_positions_on_a_document_of_one_line_grow_linearly() -> None:
    # Each tag's column was found by searching back to the start of its line: on a
    # document of one line, a search through all of it per tag.
    assert_grows_linearly("one-line", lambda n: wrap("<hangup/>" * n), 25000, positions_time)
