"""The README's first command runs examples/demo.py: keep it working and telling the truth."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo.py"


def test_demo_runs_offline_and_shows_all_three_parts() -> None:
    env = {**os.environ, "PYTHONPATH": str(DEMO.parent.parent / "src")}
    env.pop("CALLFIRE_USERNAME", None)
    env.pop("CALLFIRE_PASSWORD", None)
    result = subprocess.run(
        [sys.executable, str(DEMO)], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # fields: a projection and a caret under the bad position
    assert '"totalCount": 7160' in out
    assert "found ',' at position 9" in out
    # dialplan: every bundled example validates without errors, the broken one does not
    example_lines = re.findall(r"^  \S+\.xml +(\d+) errors", out, flags=re.MULTILINE)
    assert len(example_lines) >= 7 and set(example_lines) == {"0"}
    assert "CF400" in out and "CF303" in out
    assert "{'event': 'end', 'reason': 'hangup'}" in out
    assert out.count("flowchart TD") == 1
    # client: the refused request sent nothing; credentials are never printed
    assert "request refused, 4 problems" in out
    assert "requests that reached the server: 0" in out
    assert "demo-secret" not in out and "demo-secret" not in result.stderr
    assert "NotFoundError" in out
    # ... answered by a real sandbox on loopback, which stored and projected the calls
    assert re.search(r"a sandbox serves http://127\.0\.0\.1:\d+/v2", out)
    assert "fields applied by the sandbox: {'items': [{'id': " in out
    assert "requests that reached the server: 4" in out
    # ... whose clock moved the IVR call through the simulator: the key scripted, stashed
    assert "'finalCallResult': 'LA'" in out
    assert "'questionResponses': [{'question': 'answer', 'response': 'confirmed'}]" in out
