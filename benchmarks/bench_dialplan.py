"""Time full dialplan validation against a bare ``lxml.etree.fromstring`` of the same
documents, in one run, and print the ratio (the budget is 15x).

    PYTHONPATH=src python benchmarks/bench_dialplan.py [--rounds N] [--breakdown]

The corpora are every bundled example in ``examples/dialplans``; the real-world and
CallFire-style dialplans the tests keep (``tests/dialplan/data``: UTF-16 and Latin-1
files, CDATA, namespaces, multi-digit menus...); and one large generated dialplan (a
40-branch menu tree), so typical, awkward and long documents all count. Validation is
full: every rule, the CF6xx graph rules included, none weakened. Each corpus gets a PASS
or OVER line against the budget; the exit status is 1 when any is over.

It also shows the client's cache of validation results per distinct ``dialplanXml``
text: a ``sendCalls`` of 10 recipients sharing one IVR is checked with
``validate`` wrapped to count its calls, which must be 1.

Method: every round times ``fromstring``, ``parse`` and ``validate`` in turn over the
whole corpus (interleaved, so a busy machine slows them alike) and each keeps its best
round. Every call gets fresh input bytes and does the full work a user's call does:
nothing is cached between calls except the reusable lxml parser and the rule tables.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

import cftools.dialplan
from cftools.dialplan import Dialplan, parse, validate
from cftools.dialplan._parse import parsed_elements, parsed_parents
from cftools.dialplan._validate import Context, _load_rules

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 15.0
TESTS_DATA = ROOT / "tests" / "dialplan" / "data"


def bundled() -> list[bytes]:
    """The bundled examples, as bytes."""
    return [p.read_bytes() for p in sorted((ROOT / "examples" / "dialplans").glob("*.xml"))]


def tests_corpus() -> list[bytes]:
    """The dialplans the tests keep: real-world ones and CallFire-style samples."""
    return [p.read_bytes() for p in sorted(TESTS_DATA.rglob("*.xml"))]


def generated() -> bytes:
    """One generated large dialplan (a 40-menu tree), as bytes."""
    big = Dialplan(name="Root")
    big.setvar("tries", 0)
    for i in range(40):
        with big.menu(name=f"menu_{i}", max_digits=1, timeout=5000) as menu:
            menu.play(f"Menu {i}: press 1 to continue, 2 to hear this again, ${{tries}}.")
            with menu.keypress("1") as one:
                one.stash(f"answer_{i}", "${call.lastinput}")
            with menu.keypress("2") as two:
                two.setvar("tries", "${tries}+1")
                two.goto(f"menu_{i}")
            menu.keypress("default").goto(f"menu_{i}")
    big.hangup()
    return big.to_xml().encode()


def shared_ivr_validations() -> int:
    """How many times the client's request checks validate the one IVR that the 10
    recipients of a ``sendCalls`` share (its cache keeps one result per distinct text)."""
    from cftools.client._checks import _dialplan_report, check_request
    from cftools.client._operations import OPERATIONS

    xml = bundled()[0].decode("utf-8")
    recipients = [{"phoneNumber": f"1213555{1100 + i}", "dialplanXml": xml} for i in range(10)]
    calls = 0
    original = cftools.dialplan.validate

    def counting(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        return original(*args, **kwargs)  # type: ignore[arg-type]

    _dialplan_report.cache_clear()
    cftools.dialplan.validate = counting  # type: ignore[assignment]
    try:
        check_request(OPERATIONS["sendCalls"], {}, body=recipients)
    finally:
        cftools.dialplan.validate = original
        _dialplan_report.cache_clear()
    return calls


def best_of(
    rounds: int, functions: list[Callable[[bytes], object]], docs: list[bytes]
) -> list[float]:
    """Best wall time of each function over all documents; the functions take turns in
    every round, so a busy machine slows them alike instead of skewing the ratio."""
    best = [float("inf")] * len(functions)
    for _ in range(rounds):
        for index, function in enumerate(functions):
            start = time.perf_counter()
            for doc in docs:
                function(doc)
            best[index] = min(best[index], time.perf_counter() - start)
    return best


def report(label: str, docs: list[bytes], rounds: int) -> float:
    """Print the figures for one set of documents; return the validate ratio."""
    baseline, parsed, full = best_of(rounds, [etree.fromstring, parse, validate], docs)
    per = 1e6 / len(docs)
    size = sum(len(d) for d in docs)
    ratio = full / baseline
    print(f"{label}: {len(docs)} dialplans, {size} bytes, best of {rounds} rounds")
    print(f"  lxml.etree.fromstring : {baseline * per:8.1f} us/doc")
    print(f"  cftools parse         : {parsed * per:8.1f} us/doc  ({parsed / baseline:.2f}x)")
    print(f"  cftools validate      : {full * per:8.1f} us/doc  ({ratio:.2f}x)")
    verdict = "PASS" if ratio <= BUDGET else "OVER"
    print(f"  {verdict}: validate is {ratio:.2f}x fromstring (budget {BUDGET:.0f}x)")
    return ratio


def breakdown(docs: list[bytes], rounds: int) -> None:
    """Print what each stage of ``validate`` costs, as a multiple of ``fromstring``.

    Each round builds fresh contexts (untimed) and then times every rule over them in
    registration order, so work the rules share (the control-flow graph, built once per
    validation) is charged to the first rule that needs it, as in ``validate``.
    """

    def context(doc: bytes) -> Context:
        plan = parse(doc)
        return Context(plan, parsed_elements(plan), parents=parsed_parents(plan))

    rules = _load_rules()
    labels = ["fromstring", "parse (model build)", "Context", *(r.__name__ for r in rules)]
    best = dict.fromkeys(labels, float("inf"))
    for _ in range(max(rounds // 4, 5)):
        start = time.perf_counter()
        for doc in docs:
            etree.fromstring(doc)
        best["fromstring"] = min(best["fromstring"], time.perf_counter() - start)
        start = time.perf_counter()
        plans = [parse(doc) for doc in docs]
        best["parse (model build)"] = min(best["parse (model build)"], time.perf_counter() - start)
        start = time.perf_counter()
        for plan in plans:
            Context(plan, parsed_elements(plan), parents=parsed_parents(plan))
        best["Context"] = min(best["Context"], time.perf_counter() - start)
        contexts = [context(doc) for doc in docs]
        for check in rules:
            start = time.perf_counter()
            for ctx in contexts:
                for _finding in check(ctx):
                    pass
            best[check.__name__] = min(best[check.__name__], time.perf_counter() - start)
    baseline = best.pop("fromstring")
    print("  stage costs (x fromstring, best of each; rules on fresh contexts):")
    for label, seconds in best.items():
        print(f"    {label:22} {seconds / baseline:6.2f}x")
    print(f"    {'sum':22} {sum(best.values()) / baseline:6.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--breakdown", action="store_true", help="also time each stage")
    args = parser.parse_args()
    corpora = {
        "bundled examples": bundled(),
        "tests corpus (real-world and samples)": tests_corpus(),
        "generated 40-menu dialplan": [generated()],
    }
    docs = [doc for group in corpora.values() for doc in group]
    validate(docs[0])  # load the rule modules outside the timing
    ratios = {label: report(label, group, args.rounds) for label, group in corpora.items()}
    ratios["all"] = report("all", docs, args.rounds)
    if args.breakdown:
        breakdown(docs, args.rounds)
    calls = shared_ivr_validations()
    cached = "PASS" if calls == 1 else "FAIL"
    print(f"sendCalls, 10 recipients sharing one IVR: validated {calls} time(s): {cached}")
    over = [label for label, ratio in ratios.items() if ratio > BUDGET]
    worst = max(ratios.values())
    if over:
        print(f"OVER the {BUDGET:.0f}x budget: {', '.join(over)} (worst {worst:.2f}x)")
    else:
        print(f"PASS: every corpus within the {BUDGET:.0f}x budget (worst {worst:.2f}x)")
    sys.exit(1 if over or calls != 1 else 0)


if __name__ == "__main__":
    main()
