"""The README's dialplan section: its code table matches CODES and its example runs."""

from __future__ import annotations

import re
import types
from pathlib import Path

import cftools.dialplan as dialplan
from cftools.dialplan import CODES, validate

README = Path(__file__).resolve().parents[2] / "README.md"


def section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("<!-- section: dialplan -->")
    end = text.index("<!-- section:", start + 1)
    return text[start:end]


def test_code_table_matches_codes() -> None:
    rows = re.findall(r"^\| (CF\d{3}) \| (\w+) \| `([\w-]+)` \|", section(), re.M)
    listed = {code: (severity, slug) for code, severity, slug in rows}
    assert len(listed) == len(rows)
    expected = {c: (i.severity, i.slug) for c, i in CODES.items() if c < "CF600"}
    assert listed == expected


def test_python_example_runs_and_validates_clean() -> None:
    (code,) = re.findall(r"```python\n(.*?)```", section(), re.S)
    namespace: dict[str, object] = {"print": lambda *a: None}
    exec(code, namespace)
    plan = namespace["plan"]
    assert isinstance(plan, dialplan.Dialplan)
    assert validate(plan).findings == ()


def test_public_names() -> None:
    assert sorted(dialplan.__all__) == sorted(set(dialplan.__all__))
    for name in dialplan.__all__:
        obj = getattr(dialplan, name)
        if isinstance(obj, type) and not isinstance(obj, types.GenericAlias):
            assert obj.__module__ == "cftools.dialplan", name
    assert issubclass(dialplan.DialplanParseError, dialplan.DialplanError)
