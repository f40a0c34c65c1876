"""``cftools dialplan fmt`` and ``cftools dialplan validate``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cftools._cli import main

MESSY = (
    '<dialplan name="Root"><menu maxDigits="1" name="m"><play type="tts">Hi &amp; bye</play>\n'
    '<keypress pressed="1"><hangup/></keypress><!-- keep me --></menu></dialplan>'
)
CANONICAL = """<dialplan name="Root">
  <menu name="m" maxDigits="1">
    <play type="tts">Hi &amp; bye</play>
    <keypress pressed="1">
      <hangup/>
    </keypress>
    <!-- keep me -->
  </menu>
</dialplan>
"""


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    path = tmp_path / "plan.xml"
    path.write_text(MESSY, encoding="utf-8")
    return path


def test_fmt_prints_canonical_form(messy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dialplan", "fmt", str(messy)]) == 0
    assert capsys.readouterr().out == CANONICAL
    assert messy.read_text(encoding="utf-8") == MESSY


def test_fmt_write_and_check(messy: Path) -> None:
    assert main(["dialplan", "fmt", "--check", str(messy)]) == 1
    assert main(["dialplan", "fmt", "--write", str(messy)]) == 0
    assert messy.read_text(encoding="utf-8") == CANONICAL
    assert main(["dialplan", "fmt", "--check", str(messy)]) == 0


def test_fmt_keeps_the_xml_declaration(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.xml"
    path.write_text('<?xml version="1.0"?><dialplan><hangup/></dialplan>', encoding="utf-8")
    assert main(["dialplan", "fmt", str(path)]) == 0
    assert capsys.readouterr().out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<dialplan>')


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_fmt_keeps_the_xml_declaration_after_a_byte_order_mark(
    tmp_path: Path, encoding: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # A regression: the declaration was looked for in the raw bytes, before the mark.
    path = tmp_path / "d.xml"
    declared = "UTF-8" if encoding == "utf-8-sig" else "UTF-16"
    xml = f'<?xml version="1.0" encoding="{declared}"?><dialplan><hangup/></dialplan>'
    path.write_bytes(xml.encode(encoding))
    assert main(["dialplan", "fmt", str(path)]) == 0
    assert capsys.readouterr().out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<dialplan>')


def test_fmt_refuses_unreadable_xml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.xml"
    path.write_text("<dialplan>\n<play>", encoding="utf-8")
    assert main(["dialplan", "fmt", "--write", str(path)]) == 2
    assert f"{path}:2:" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "<dialplan>\n<play>"
    assert main(["dialplan", "fmt", str(tmp_path / "missing.xml")]) == 2


def test_validate_text_output_and_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.xml"
    good.write_text('<dialplan name="Root"><hangup/></dialplan>', encoding="utf-8")
    bad = tmp_path / "bad.xml"
    bad.write_text('<dialplan name="Root">\n  <goto>nowhere</goto>\n</dialplan>', encoding="utf-8")
    assert main(["dialplan", "validate", str(good)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "0 errors, 0 warnings in 1 file" in captured.err
    assert main(["dialplan", "validate", str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{bad}:2:3: error CF400: <goto>nowhere</goto>: no tag is named")


def test_validate_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<dialplan><say>hi</say></dialplan>", encoding="utf-8")
    assert main(["dialplan", "validate", "--format", "json", str(bad)]) == 1
    (document,) = json.loads(capsys.readouterr().out)
    assert document["file"] == str(bad)
    assert document["ok"] is False
    assert document["findings"][0]["code"] == "CF200"
    assert document["findings"][0]["line"] == 1


def test_validate_missing_file_is_usage_error(tmp_path: Path) -> None:
    assert main(["dialplan", "validate", str(tmp_path / "nope.xml")]) == 2


def test_validate_bundled_examples_pass() -> None:
    examples = sorted(
        (Path(__file__).resolve().parents[2] / "examples" / "dialplans").glob("*.xml")
    )
    assert main(["dialplan", "validate", *map(str, examples)]) == 0


def test_dialplan_without_subcommand_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dialplan"]) == 2
    assert "fmt" in capsys.readouterr().err


def test_fmt_write_replaces_the_file_whole_or_not_at_all(
    messy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A regression: the file was truncated and rewritten in place, and a failure
    # surfaced as a traceback, possibly after leaving it half written.
    messy.chmod(0o640)

    def refuse(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", refuse)
        assert main(["dialplan", "fmt", "--write", str(messy)]) == 2
    assert capsys.readouterr().err == (
        f"cftools dialplan: cannot write {messy}: No space left on device\n"
    )
    assert messy.read_text(encoding="utf-8") == MESSY
    assert [p.name for p in messy.parent.iterdir()] == [messy.name]  # no leftovers
    assert main(["dialplan", "fmt", "--write", str(messy)]) == 0
    assert messy.read_text(encoding="utf-8") == CANONICAL
    assert messy.stat().st_mode & 0o777 == 0o640


def test_fmt_write_through_a_symbolic_link_keeps_the_link(messy: Path) -> None:
    link = messy.parent / "link.xml"
    link.symlink_to(messy.name)
    assert main(["dialplan", "fmt", "--write", str(link)]) == 0
    assert link.is_symlink()
    assert messy.read_text(encoding="utf-8") == CANONICAL


# -- what a new user needs: stdin, defaults, examples, context, diffs ------------------------


@pytest.mark.parametrize("command", ["fmt", "validate", "simulate", "graph"])
def test_help_says_how_to_read_stdin_the_defaults_and_shows_examples(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["dialplan", command, "--help"])
    assert exited.value.code == 0
    text = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
    assert "'-' reads standard input" in text
    assert "Exit status: 0" in text
    assert "examples: cftools dialplan " + command in text
    if command != "fmt":  # fmt's options are all switches
        assert "(default: " in text


AMD = (
    '<dialplan name="Root"><amd><live><hangup/></live><machine><hangup/></machine></amd></dialplan>'
)


@pytest.mark.parametrize(
    ("context", "warned"), [(None, False), ("outbound", False), ("inbound", True)]
)
def test_validate_context(
    context: str | None, warned: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "amd.xml"
    plan.write_text(AMD, encoding="utf-8")
    argv = ["dialplan", "validate", str(plan)] + (["--context", context] if context else [])
    assert main(argv) == 0  # CF216 is a warning
    assert ("CF216" in capsys.readouterr().out) == warned


def test_validate_refuses_an_unknown_context(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["dialplan", "validate", "--context", "inbuond", str(tmp_path / "x.xml")])
    assert exited.value.code == 2
    assert "invalid choice: 'inbuond'" in capsys.readouterr().err


def test_validate_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    xml = b'<dialplan name="Root">\n  <goto>nowhere</goto>\n</dialplan>'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(xml)))
    assert main(["dialplan", "validate", "-"]) == 1
    assert capsys.readouterr().out.startswith("-:2:3: error CF400:")


def test_fmt_diff_shows_what_would_change(messy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dialplan", "fmt", "--diff", str(messy)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"--- {messy}\n+++ {messy} (canonical)\n@@ ")
    assert '+  <menu name="m" maxDigits="1">\n' in out
    assert "\\ No newline at end of file\n" in out  # MESSY has no final newline
    assert messy.read_text(encoding="utf-8") == MESSY

    assert main(["dialplan", "fmt", "--check", "--diff", str(messy)]) == 1
    captured = capsys.readouterr()
    assert captured.out == out
    assert "not in canonical form" in captured.err


def test_fmt_diff_of_a_canonical_file_is_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.xml"
    plan.write_text(CANONICAL, encoding="utf-8")
    assert main(["dialplan", "fmt", "--check", "--diff", str(plan)]) == 0
    assert main(["dialplan", "fmt", "--diff", str(plan)]) == 0
    assert capsys.readouterr() == ("", "")


def test_fmt_diff_and_write_together_are_refused(
    messy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["dialplan", "fmt", "--diff", "--write", str(messy)]) == 2
    assert "--diff cannot be combined with --write" in capsys.readouterr().err
    assert messy.read_text(encoding="utf-8") == MESSY
