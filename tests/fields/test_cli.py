"""``cftools fields``: output, layout options, --check, and every error path (exit 2)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from cftools._cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "calls_page.json"


def run(
    argv: list[str], capsys: pytest.CaptureFixture[str], stdin: bytes = b""
) -> tuple[int, str, str]:
    old = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        status = main(["fields", *argv])
    finally:
        sys.stdin = old
    out, err = capsys.readouterr()
    return status, out, err


def test_projects_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["totalCount,items(id,finalCallResult)", str(EXAMPLE)], capsys)
    assert (status, err) == (0, "")
    assert json.loads(out) == {
        "items": [
            {"id": 13395, "finalCallResult": "LA"},
            {"id": 13394, "finalCallResult": "CARRIER_ERROR"},
        ],
        "totalCount": 7160,
    }
    assert out.startswith('{\n  "items": [')  # indent 2 by default


def test_reads_stdin_and_prints_compact(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["--compact", "a/b"], capsys, stdin=b'{"a": {"b": "\xc3\xa9", "c": 1}}')
    assert status == 0
    assert out == '{"a":{"b":"é"}}\n'


def test_indent_and_several_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    first.write_text('{"a": 1, "b": 2}')
    second.write_text('[{"a": 3}, "x"]')
    status, out, _ = run(["--indent", "0", "a", str(first), str(second)], capsys)
    assert status == 0
    assert out == '{\n"a": 1\n}\n[\n{\n"a": 3\n}\n]\n'  # the scalar element is dropped


def test_scalar_documents_pass_through(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["--compact", "a", "-"], capsys, stdin=b'"just text"')
    assert (status, out) == (0, '"just text"\n')


def test_bad_expression_shows_the_position_and_a_caret(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["items(id", str(EXAMPLE)], capsys)
    assert (status, out) == (2, "")
    assert (
        err
        == "cftools fields: invalid expression: unclosed '(' at position 5\n  items(id\n       ^\n"
    )


@pytest.mark.parametrize("expression", ["items(id", "a,,b", "!a,!b", "a*"])
def test_a_bad_expression_reads_the_same_with_and_without_check(
    capsys: pytest.CaptureFixture[str], expression: str
) -> None:
    projecting = run([expression], capsys, stdin=b"{}")
    checking = run(["--check", expression], capsys)
    assert projecting == checking
    assert projecting[0] == 2 and "^" in projecting[2]


def test_a_bang_before_each_item_is_explained_with_the_one_bang_form(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _, err = run(["--check", "!items/records,!items/contact"], capsys)
    assert status == 2
    assert "write '!items(records,contact)'" in err
    status, out, _ = run(["--compact", "!items(records,contact)"], capsys, stdin=CALL_PAGE)
    assert (status, out) == (0, '{"items":[{"id":1,"state":"A"}]}\n')


CALL_PAGE = b'{"items": [{"id": 1, "records": [], "contact": {"id": 2}, "state": "A"}]}'


def test_lines_projects_each_line_to_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    stdin = b'{"id": 1, "x": 2}\n\n{"id": 2, "y": [1]}\r\n[{"id": 3}]\n'
    status, out, err = run(["--lines", "id"], capsys, stdin=stdin)
    assert (status, err) == (0, "")
    assert out == '{"id":1}\n{"id":2}\n[{"id":3}]\n'
    calls = tmp_path / "calls.jsonl"
    calls.write_bytes(stdin)
    assert run(["id", str(calls)], capsys)[1] == out  # *.jsonl: lines without --lines


def test_a_bad_line_names_the_input_and_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["--lines", "id"], capsys, stdin=b'{"id": 1}\n{"id": \n')
    assert (status, out) == (2, "")
    assert err.startswith("cftools fields: <stdin>, line 2: invalid JSON: Expecting value")


def test_several_documents_without_lines_get_a_hint(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["id"], capsys, stdin=b'{"id": 1}\n{"id": 2}\n')
    assert status == 2
    assert "Extra data" in err and "use --lines" in err


def test_lines_and_indent_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["--lines", "--indent", "4", "id"], capsys, stdin=b"{}")
    assert status == 2 and "--indent does not apply" in err


def test_help_explains_lines_stdin_and_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["fields", "--help"])
    out = capsys.readouterr().out
    for words in ("--lines", "'-' is standard input", "*.jsonl", "indented by 2", "examples:"):
        assert words in out


def test_bad_json_names_the_file_and_position(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text('{"a": 1}')
    bad.write_text('{"a": [1,\n }')
    status, out, err = run(["a", str(good), str(bad)], capsys)
    assert (status, out) == (2, "")  # nothing printed for the good file either
    assert err.count("\n") == 1
    assert err.startswith(f"cftools fields: {bad}: invalid JSON: ")
    assert "line 2, column 2 (position 11)" in err


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        (b"\xff\xfe\x00", "invalid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b"", "Expecting value"),
    ],
)
def test_unusable_stdin(capsys: pytest.CaptureFixture[str], stdin: bytes, expected: str) -> None:
    status, _, err = run(["a"], capsys, stdin=stdin)
    assert status == 2
    assert err.startswith("cftools fields: <stdin>: ") and expected in err


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(["a", str(tmp_path / "nope.json")], capsys)
    assert status == 2
    assert "nope.json: cannot read: No such file or directory" in err


def test_check_valid_prints_the_canonical_form(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["--check", "items(id), items/contact/id"], capsys)
    assert (status, out) == (0, "valid; canonical form: 'items(contact/id,id)'\n")
    status, out, _ = run(["--check", "  "], capsys)
    assert (status, out) == (0, "valid; blank: no projection\n")


def test_check_explains_the_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["--check", "items(id,,x)"], capsys)
    assert (status, out) == (2, "")
    lines = err.splitlines()
    assert lines[0].endswith("found ',' at position 9")
    assert lines[2].index("^") == lines[1].index(",,") + 1


def test_check_takes_no_files(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(["--check", "a", str(EXAMPLE)], capsys)
    assert status == 2 and "only the expression" in err


def test_indent_and_compact_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        run(["--compact", "--indent", "3", "a"], capsys)
    assert info.value.code == 2


def test_lone_surrogates_are_printed_as_json_escapes(capsys: pytest.CaptureFixture[str]) -> None:
    # JSON allows "\ud800"; printing it raw used to end in a UnicodeEncodeError traceback.
    status, out, err = run(["--compact", "*"], capsys, stdin=b'{"a": "\\ud800", "\\udfff": 1}')
    assert (status, err) == (0, "")
    assert out == '{"a":"\\ud800","\\udfff":1}\n'
    assert json.loads(out) == {"a": "\ud800", "\udfff": 1}


def test_an_ascii_only_standard_output_gets_escapes(monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer, encoding="ascii"))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO('{"é": "ü"}'.encode())))
    assert main(["fields", "--compact", "*"]) == 0
    sys.stdout.flush()
    assert buffer.getvalue() == b'{"\\u00e9":"\\u00fc"}\n'


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_json_numbers_are_refused_not_printed_back(
    capsys: pytest.CaptureFixture[str], constant: str
) -> None:
    # json.loads took them and the output then held NaN, which no JSON parser reads.
    status, out, err = run(["a"], capsys, stdin=b'{"a": [1, ' + constant.encode() + b"]}")
    assert (status, out) == (2, "")
    assert err == f"cftools fields: <stdin>: invalid JSON: {constant} is not a JSON value\n"


def test_a_number_too_large_for_a_float_is_refused_not_printed_as_infinity(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(["a"], capsys, stdin=b'{"a": [1.5, -1e400]}')
    assert (status, out) == (2, "")
    assert (
        err == "cftools fields: <stdin>: invalid JSON: the number -1e400 is too large for a float\n"
    )


def test_an_integer_too_long_to_convert_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    # int() refuses more than 4300 digits with a ValueError json does not wrap: a traceback.
    status, out, err = run(["a"], capsys, stdin=b'{"a": ' + b"9" * 5000 + b"}")
    assert (status, out) == (2, "")
    assert err == (
        "cftools fields: <stdin>: invalid JSON: an integer too long to convert (over 4300 digits)\n"
    )


def test_a_negative_indent_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        run(["--indent", "-2", "a"], capsys, stdin=b"{}")
    assert raised.value.code == 2
    assert "--indent: must be 0 or more, not -2" in capsys.readouterr().err


def test_an_output_that_cannot_be_written_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A full disk (> /dev/full) ended in a traceback.
    class Full(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(sys, "stdout", Full())
    status, _, err = run(["a"], capsys, stdin=b'{"a": 1}')
    assert status == 2
    assert err == "cftools fields: cannot write the output: No space left on device\n"


def test_standard_input_named_twice_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    # The second read found nothing and reported 'Expecting value' on valid input.
    status, out, err = run(["a", "-", "-"], capsys, stdin=b'{"a": 1}')
    assert (status, out) == (2, "")
    assert err == "cftools fields: '-' (standard input) can be read only once\n"


def test_a_closed_standard_input_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Started with <&-, sys.stdin is None: an AttributeError traceback.
    monkeypatch.setattr(sys, "stdin", None)
    assert main(["fields", "a"]) == 2
    assert (
        capsys.readouterr().err
        == "cftools fields: <stdin>: cannot read: standard input is closed\n"
    )
