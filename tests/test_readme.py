"""Every Python snippet of the README runs as shown, from any directory.

Each ```python block is executed on its own, statement by statement, in a fresh
namespace and an empty temporary working directory. Where a comment shows what an
expression gives, it is checked:

* ``expr  # 'value'`` (or the comment on the lines right below) that reads as a Python
  literal must be ``repr(expr)`` exactly;
* ``# package.SomeError: message`` (continued on ``#`` lines) means the statement raises
  that exception with that text;
* any other comment is prose and is not checked.

Functions named ``test_*`` that a snippet defines are called, as pytest would. A snippet
that cannot run here (it needs CallFire credentials, a network or a server) is marked
in the README by an HTML comment on the line before its fence::

    <!-- readme-test: skip (why) -->

It is still compiled and checked by ruff for unused imports and undefined names. Use
the marker sparingly: a snippet that runs is documentation that cannot go stale.
"""

from __future__ import annotations

import ast
import io
import re
import shutil
import subprocess
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
_SKIP = re.compile(r"<!--\s*readme-test:\s*skip\b\s*(.*?)\s*-->")
_RAISES = re.compile(r"([A-Za-z_][\w.]*(?:Error|Exception|Warning)): (.*)", re.DOTALL)


@dataclass(frozen=True)
class Snippet:
    line: int  # of the first line of code in README.md
    code: str
    skip: str | None  # why it is not run


def _snippets() -> list[Snippet]:
    lines = README.read_text(encoding="utf-8").splitlines()
    found = []
    for index, line in enumerate(lines):
        if line.strip() != "```python":
            continue
        end = next(k for k in range(index + 1, len(lines)) if lines[k].strip() == "```")
        before = next((lines[k] for k in range(index - 1, -1, -1) if lines[k].strip()), "")
        marker = _SKIP.search(before)
        skip = (marker.group(1) or "marked in the README") if marker else None
        code = "\n".join(lines[index + 1 : end]) + "\n"
        found.append(Snippet(index + 2, code, skip))
    return found


SNIPPETS = _snippets()


def _comments(code: str) -> tuple[dict[int, str], set[int]]:
    """The comment of each line (without ``# ``), and the lines that hold nothing else."""
    comments: dict[int, str] = {}
    alone: set[int] = set()
    for token in tokenize.generate_tokens(io.StringIO(code).readline):
        if token.type == tokenize.COMMENT:
            text = token.string[1:]
            comments[token.start[0]] = text[1:] if text.startswith(" ") else text
            if not token.line[: token.start[1]].strip():
                alone.add(token.start[0])
    return comments, alone


def _expected(stmt: ast.stmt, comments: dict[int, str], alone: set[int]) -> str | None:
    """What the comment after ``stmt`` says it gives: the comment at the end of its
    last line, or the block of comment lines right below it."""
    end = stmt.end_lineno or stmt.lineno
    if end in comments and end not in alone:
        return comments[end]
    block = []
    line = end + 1
    while line in alone:
        block.append(comments[line])
        line += 1
    return "\n".join(block) if block else None


def _literal(text: str) -> bool:
    try:
        ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False
    return True


def _run(snippet: Snippet) -> dict[str, Any]:
    tree = ast.parse(snippet.code)
    comments, alone = _comments(snippet.code)
    namespace: dict[str, Any] = {"__name__": "__readme__"}
    for stmt in tree.body:
        expected = _expected(stmt, comments, alone)  # lines counted in the snippet
        ast.increment_lineno(stmt, snippet.line - 1)  # tracebacks point into README.md
        where = f"README.md line {stmt.lineno}"
        raises = _RAISES.fullmatch(expected) if expected is not None else None
        if raises is not None:
            with pytest.raises(Exception) as caught:
                _execute(stmt, namespace)
            name = raises.group(1).rsplit(".", 1)[-1]
            assert type(caught.value).__name__ == name, where
            assert str(caught.value) == raises.group(2), where
        elif expected is not None and isinstance(stmt, ast.Expr) and _literal(expected):
            value = _execute(stmt, namespace)
            assert repr(value) == expected, where
        else:
            _execute(stmt, namespace)
    return namespace


def _execute(stmt: ast.stmt, namespace: dict[str, Any]) -> Any:
    if isinstance(stmt, ast.Expr):
        expression = ast.Expression(stmt.value)
        return eval(compile(expression, str(README), "eval"), namespace)
    exec(compile(ast.Module([stmt], type_ignores=[]), str(README), "exec"), namespace)
    return None


def test_the_readme_has_python_snippets() -> None:
    assert len(SNIPPETS) >= 3
    assert [s for s in SNIPPETS if s.skip is None], "every snippet is skipped"


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[f"line{s.line}" for s in SNIPPETS])
def test_snippet_runs_as_shown(
    snippet: Snippet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compile(snippet.code, f"README.md:{snippet.line}", "exec")
    if snippet.skip is not None:
        pytest.skip(f"README.md line {snippet.line}: {snippet.skip}")
    monkeypatch.chdir(tmp_path)  # no snippet may depend on the working directory
    namespace = _run(snippet)
    for name, value in list(namespace.items()):
        if name.startswith("test_") and callable(value):
            value()


_RUFF = Path(sys.executable).with_name("ruff")
RUFF = str(_RUFF) if _RUFF.exists() else shutil.which("ruff")


@pytest.mark.skipif(RUFF is None, reason="ruff is not installed")
def test_snippets_import_nothing_unused_and_use_nothing_undefined(tmp_path: Path) -> None:
    assert RUFF is not None
    for snippet in SNIPPETS:
        (tmp_path / f"readme_line{snippet.line}.py").write_text(snippet.code, encoding="utf-8")
    result = subprocess.run(
        [RUFF, "check", "--isolated", "--no-cache", "--select", "F", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_shown_output_is_checked() -> None:
    """The harness itself: a wrong comment fails, a right one passes, prose is prose."""
    _run(Snippet(1, "1 + 1  # 2\nx = 'a'\nx.upper()\n# 'A'\n", None))
    _run(Snippet(1, "int('x')\n# ValueError: invalid literal for int() with base 10: 'x'\n", None))
    _run(Snippet(1, "print('hi')  # says hi\n", None))
    with pytest.raises(AssertionError):
        _run(Snippet(1, "1 + 1  # 3\n", None))
    with pytest.raises(AssertionError):
        _run(Snippet(1, "{'b': 1, 'a': 2}  # {'a': 2, 'b': 1}\n", None))  # order shown
    with pytest.raises(AssertionError):
        _run(Snippet(1, "int('x')\n# ValueError: something else\n", None))
    with pytest.raises(pytest.fail.Exception, match="DID NOT RAISE"):
        _run(Snippet(1, "int('1')\n# ValueError: expected but not raised\n", None))
