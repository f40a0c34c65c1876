"""What importing a module costs, against another checkout measured in the same run.

    python benchmarks/bench_import.py --baseline /path/to/other/checkout/src [--module M] [--runs N]

Each run starts a fresh interpreter (``python -X importtime -c "import M"``) with
``PYTHONPATH`` set to this tree's ``src`` or to the baseline's, alternating, and reads
the cumulative import time of ``M`` from the ``-X importtime`` report; the best of N runs
of each is printed with their difference and ratio, and so is the CPU time of the whole
interpreter run (start-up included, the same for both), which a busy machine disturbs
less than wall time. Byte code is cached as an installed
package has it (``PYTHONPYCACHEPREFIX`` in a temporary directory, one per tree, so that
neither tree is written to; ``PYTHONDONTWRITEBYTECODE`` is lifted), and a first run of
each, which compiles, is not counted. ``--compile`` measures without byte code instead:
every import compiles its sources, as in a tree where nothing may be written. The budget
for the typed models and webhooks (issue 11) is 50 ms more for ``cftools.client`` than
before them.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"


def import_us(src: Path, module: str, cache: Path | None) -> tuple[int, int]:
    """The cumulative microseconds ``-X importtime`` reports for ``module``, and the
    CPU microseconds (user and system) of the whole interpreter run."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    if cache is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    else:
        env["PYTHONPYCACHEPREFIX"] = str(cache)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\s*)(\S+)$", line)
        if match and match.group(3) == module:
            return int(match.group(1)), round(cpu * 1e6)
    raise SystemExit(f"{module} not in the -X importtime report of {src}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", type=Path, required=True, help="the other tree's src/")
    parser.add_argument("--module", default="cftools.client")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--compile", action="store_true", help="without byte code")
    args = parser.parse_args()
    ours: list[tuple[int, int]] = []
    theirs: list[tuple[int, int]] = []
    with tempfile.TemporaryDirectory() as temp:
        mine: Path | None = Path(temp, "this")
        other: Path | None = Path(temp, "baseline")
        if args.compile:
            mine = other = None
        import_us(SRC, args.module, mine)  # compile and cache the byte code
        import_us(args.baseline, args.module, other)
        for _ in range(args.runs):
            ours.append(import_us(SRC, args.module, mine))
            theirs.append(import_us(args.baseline, args.module, other))
    how = "compiling every source" if args.compile else "byte code cached"
    print(f"import {args.module}, best of {args.runs} fresh interpreters, {how}:")
    for index, what in ((0, "-X importtime, wall"), (1, "interpreter CPU time")):
        best = min(run[index] for run in ours)
        base = min(run[index] for run in theirs)
        print(f"  {what}:")
        print(f"    baseline  {base / 1000:8.1f} ms  ({args.baseline})")
        print(f"    this tree {best / 1000:8.1f} ms  ({SRC})")
        print(f"    difference {(best - base) / 1000:+.1f} ms, ratio {best / base:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
