"""Time the simulator and the diagram renderer against ``parse`` of the same documents,
in one run, and print the ratios.

    PYTHONPATH=src python benchmarks/bench_simulate.py [--rounds N]

Corpus: the whole-flow dialplans of ``tests/dialplan/data`` with scripted calls that walk
their main paths (JavaScript expressions included), and every bundled example for the
diagrams. Simulation time is dominated by QuickJS: each expression gets a fresh sandboxed
context, so the figure also reports the cost of one expression.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from cftools.dialplan import build_graph, parse, simulate, to_mermaid
from cftools.dialplan._js import evaluate

ROOT = Path(__file__).resolve().parent.parent
NOON = datetime(2026, 11, 25, 12, tzinfo=timezone.utc)
CALLS: dict[str, list[list[str]]] = {
    "survey.xml": [["5", "1"], ["7", "8", "9"], ["2", "1", "2"]],
    "appointment_confirmation.xml": [["1"], ["3", "9"], ["2"]],
    "transfer_tree.xml": [["1"], ["2", "*", "2", "0"], ["timeout"] * 5],
}


def best_of(rounds: int, function: Callable[[], object]) -> float:
    """Best wall time of ``function`` over ``rounds`` runs."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    data = ROOT / "tests" / "dialplan" / "data"
    flows = {name: (data / name).read_bytes() for name in CALLS}
    examples = [p.read_bytes() for p in sorted((ROOT / "examples" / "dialplans").glob("*.xml"))]
    plans = {name: parse(doc) for name, doc in flows.items()}
    calls = sum(len(v) for v in CALLS.values())

    def parse_flows() -> None:
        for doc in flows.values():
            parse(doc)

    def simulate_flows() -> None:
        for name, scripts in CALLS.items():
            for inputs in scripts:
                simulate(plans[name], inputs, now=NOON, http=lambda m, u: "OK", check=False)

    def draw_examples() -> None:
        for doc in examples:
            to_mermaid(build_graph(parse(doc)))

    def parse_examples() -> None:
        for doc in examples:
            parse(doc)

    simulate_flows()  # warm up: imports, the QuickJS module
    base_flows = best_of(args.rounds, parse_flows) / len(flows)
    sim = best_of(args.rounds, simulate_flows) / calls
    base_examples = best_of(args.rounds, parse_examples) / len(examples)
    draw = best_of(args.rounds, draw_examples) / len(examples)
    js = best_of(args.rounds * 10, lambda: evaluate("'${x}'.toLowerCase() == 'yes'"))
    print(f"{calls} scripted calls over {len(flows)} dialplans, best of {args.rounds} rounds")
    print(f"parse (baseline)        : {base_flows * 1e6:9.1f} us/doc")
    print(f"simulate one call       : {sim * 1e6:9.1f} us/call  ({sim / base_flows:.1f}x parse)")
    print(f"one JS expression       : {js * 1e6:9.1f} us")
    print(
        f"{len(examples)} examples: parse {base_examples * 1e6:.1f} us/doc, "
        f"parse + graph + Mermaid {draw * 1e6:.1f} us/doc ({draw / base_examples:.1f}x parse)"
    )


if __name__ == "__main__":
    main()
