"""Make the helper modules of this directory (the oracle, the strategies) importable, and
let long arrays take the shape-specialised code at once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cftools.fields import _shapes

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(autouse=True)
def compile_shapes_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Long arrays take the shape-specialised code at first sight in these tests (it
    normally waits for a few hundred elements of a shape), so the tests exercise it."""
    monkeypatch.setattr(_shapes, "COMPILE_AFTER", 0)
