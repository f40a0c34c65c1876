"""Extract the request examples of CallFire's reference pages into golden test data.

    python tools/extract_seed_examples.py [path/to/seed.txt]

Reads every ``curl`` example of the seed (``../shared/seeds/000_7815b765f95ab488.txt``),
takes its method, URL, query string, JSON body and form fields, finds the operation of
the table whose method and path template match, and writes
``tests/client/data/seed_requests.json``. ``tests/client/test_seed_examples.py`` checks
every example against :func:`cftools.spec._checks.check_request` and, when the seed is
present, that this file is exactly what the seed holds.

Query values stay strings, as they travel; repeated keys become lists. Two bodies are not
strict JSON (a ``#`` comment, a bare key); they are normalised and the example says so in
its ``notes``.
"""

from __future__ import annotations

import ast
import json
import re
import shlex
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEED = ROOT.parent / "shared" / "seeds" / "000_7815b765f95ab488.txt"
OUTPUT = ROOT / "tests" / "client" / "data" / "seed_requests.json"
PYTHON_OUTPUT = ROOT / "tests" / "client" / "data" / "seed_python_calls.json"
BASE = "https://api.callfire.com/v2"

_URL_END = re.compile(r'"https://api\.callfire\.com/v2[^"]*"\s*$')
_BARE_KEY = re.compile(r"([{,]\s*)([A-Za-z_]\w*)(\s*:)")


def curl_commands(text: str) -> list[tuple[int, str]]:
    """Every curl command with its 1-based line, joined across lines until the URL."""
    lines = text.split("\n")
    found: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        if lines[index].startswith("curl "):
            start = index
            parts = [lines[index]]
            while not _URL_END.search(parts[-1]) and index + 1 < len(lines):
                index += 1
                parts.append(lines[index])
            found.append((start + 1, "\n".join(parts)))
        index += 1
    return found


def lenient_json(source: str) -> tuple[Any, list[str]]:
    """Parse a body the way a forgiving reader would, noting what had to be repaired."""
    notes: list[str] = []
    kept = [line for line in source.split("\n") if not line.strip().startswith("#")]
    if len(kept) != len(source.split("\n")):
        notes.append("removed '#' comment lines from the body")
    text = "\n".join(kept)
    try:
        return json.loads(text), notes
    except json.JSONDecodeError:
        pass
    quoted = _BARE_KEY.sub(lambda m: f'{m.group(1)}"{m.group(2)}"{m.group(3)}', text)
    notes.append("quoted bare object keys in the body")
    return json.loads(quoted), notes


def parse_curl(command: str) -> dict[str, Any]:
    tokens = shlex.split(command)
    method, body, url = "GET", None, ""
    form: dict[str, str] = {}
    files: list[str] = []
    index = 1
    while index < len(tokens):
        token = tokens[index]
        if token in ("-u", "-H"):
            index += 2
            continue
        if token == "-X":
            method = tokens[index + 1]
            index += 2
            continue
        if token == "-d":
            body = tokens[index + 1]
            index += 2
            continue
        if token == "-F":
            name, _, value = tokens[index + 1].partition("=")
            if value.startswith("@"):
                files.append(name)
            else:
                form[name] = value
            index += 2
            continue
        url = token
        index += 1
    return {"method": method, "url": url, "body": body, "form": form, "files": files}


def parse_query(query: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for pair in query.split("&"):
        if not pair:
            continue
        name, _, value = pair.partition("=")
        if name in values:
            previous = values[name]
            values[name] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            values[name] = value
    return values


def match_operation(method: str, path: str) -> tuple[str, dict[str, str]]:
    """The operation whose template matches, preferring the most literal template."""
    sys.path.insert(0, str(ROOT / "src"))
    from cftools.spec._operations import OPERATIONS

    best: tuple[int, str, dict[str, str]] | None = None
    for op in OPERATIONS.values():
        if op.method != method:
            continue
        pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/.]+)", re.escape(op.path))
        found = re.fullmatch(pattern, path)
        if found:
            literal = len(re.sub(r"\{\w+\}", "", op.path))
            if best is None or literal > best[0]:
                best = (literal, op.operation_id, found.groupdict())
    if best is None:
        raise ValueError(f"no operation matches {method} {path}")
    return best[1], best[2]


def extract(text: str) -> list[dict[str, Any]]:
    examples: list[dict[str, Any]] = []
    for line, command in curl_commands(text):
        curl = parse_curl(command)
        assert curl["url"].startswith(BASE), curl["url"]
        path, _, query = curl["url"][len(BASE) :].partition("?")
        operation_id, path_params = match_operation(curl["method"], path)
        example: dict[str, Any] = {
            "operation_id": operation_id,
            "seed_line": line,
            "method": curl["method"],
            "url": curl["url"],
            "path": path_params,
            "query": parse_query(query),
            "form": curl["form"],
            "files": curl["files"],
        }
        if curl["body"] is not None:
            example["body"], notes = lenient_json(curl["body"])
            if notes:
                example["notes"] = notes
        examples.append(example)
    return examples


_PY_CALL = re.compile(
    r"CallfireClient\('(?:api|account)-login', '(?:api|account)-password'\)\s+"
    r"(?:response = )?client\.(\w+)\.(\w+)\("
)


def python_calls(text: str) -> list[tuple[int, str, str]]:
    """Every call of the official Python SDK in the samples: (line, operationId, arguments)."""
    found: list[tuple[int, str, str]] = []
    for match in _PY_CALL.finditer(text):
        depth, index, quote = 1, match.end(), ""
        while depth:
            char = text[index]
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"":
                quote = char
            elif char == "#":
                index = text.index("\n", index) - 1
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
            index += 1
        line = text.count("\n", 0, match.start()) + 1
        found.append((line, match.group(2), text[match.end() : index - 1]))
    return found


def parse_python_call(operation_id: str, arguments: str) -> dict[str, Any]:
    lines = [ln for ln in arguments.split("\n") if not ln.strip().startswith("#")]
    call = ast.parse("f(" + "\n".join(lines) + ")", mode="eval").body
    assert isinstance(call, ast.Call) and not call.args, arguments
    sys.path.insert(0, str(ROOT / "src"))
    from cftools.spec._operations import OPERATIONS

    operation = OPERATIONS[operation_id]
    params: dict[str, Any] = {}
    files: list[str] = []
    body: Any = None
    for argument in call.keywords:
        assert argument.arg is not None
        if isinstance(argument.value, ast.Call):  # open('contacts.csv', 'r')
            files.append(argument.arg)
        elif argument.arg == "body":
            body = ast.literal_eval(argument.value)
        else:
            params[argument.arg] = ast.literal_eval(argument.value)
    example: dict[str, Any] = {"operation_id": operation.operation_id, "params": params}
    example["files"] = files
    if body is not None:
        example["body"] = body
    return example


def extract_python(text: str) -> list[dict[str, Any]]:
    examples = []
    for line, operation_id, arguments in python_calls(text):
        example = parse_python_call(operation_id, arguments)
        examples.append({"seed_line": line, **example})
    return examples


def main(argv: list[str]) -> int:
    seed = Path(argv[1]) if len(argv) > 1 else DEFAULT_SEED
    text = seed.read_text(encoding="utf-8")
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    for examples, output in ((extract(text), OUTPUT), (extract_python(text), PYTHON_OUTPUT)):
        output.write_text(json.dumps(examples, indent=1, ensure_ascii=False) + "\n", "utf-8")
        operations = {e["operation_id"] for e in examples}
        print(f"wrote {len(examples)} examples of {len(operations)} operations to {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
