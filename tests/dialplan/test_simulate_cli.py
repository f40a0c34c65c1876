"""``cftools dialplan simulate`` and ``cftools dialplan graph`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cftools._cli import main

pytest.importorskip("quickjs", reason="the simulate extra (quickjs) is not installed")

DATA = Path(__file__).parent / "data"
TREE = str(DATA / "transfer_tree.xml")
APPOINTMENT = str(DATA / "appointment_confirmation.xml")
NOON = ["--var", "global.time.hour.military=12"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["dialplan", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_simulate_prints_a_readable_transcript(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "simulate", TREE, "--input", "1", *NOON)
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("play")
    assert "Welcome to Acme." in lines[0]
    assert lines[1].split() == ["input", "1", "(line", "11)"]
    assert lines[-1].startswith("end") and "transfer" in lines[-1]


def test_simulate_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "simulate", TREE, "-i", "1", "--transfer", "unanswered", "--format", "json",
        "--var", "call.callerid=12135551100", *NOON,
    )  # fmt: skip
    assert status == 0
    events = json.loads(out)
    assert events[1] == {"event": "input", "value": "1"}
    transfer = events[2]
    assert transfer["event"] == "transfer"
    assert transfer["numbers"] == ["15550101001", "15550101002"]
    assert transfer["callerid"] == "12135551100"
    assert transfer["answered"] is False
    assert events[-1] == {"event": "end", "reason": "hangup"}


def test_simulate_machine_and_http(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "simulate", APPOINTMENT, "--machine", "--format", "json")
    assert status == 0
    assert json.loads(out)[0] == {"event": "amd", "answered_by": "machine"}
    status, out, _ = run(
        capsys, "simulate", APPOINTMENT, "-i", "1", "--var", "appt_id=A1", "--format", "json",
        "--http", "https://clinic.example.org/confirm?id=A1", "OK",
    )  # fmt: skip
    assert status == 0
    assert [e["event"] for e in json.loads(out)].count("sms") == 1


def test_simulate_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    xml = b'<dialplan><play type="tts">Hi ${who}.</play></dialplan>'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(xml)))
    status, out, _ = run(capsys, "simulate", "-", "--var", "who=you")
    assert status == 0
    assert "'Hi you.'" in out


def test_simulate_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "simulate", str(tmp_path / "missing.xml"))
    assert status == 2 and "cannot read" in err

    bad = tmp_path / "bad.xml"
    bad.write_text("<dialplan><goto>nowhere</goto></dialplan>")
    status, _, err = run(capsys, "simulate", str(bad))
    assert status == 1 and "CF400" in err
    status, _, err = run(capsys, "simulate", str(bad), "--no-check")
    assert status == 1 and "no tag is named 'nowhere'" in err

    loop = tmp_path / "loop.xml"
    loop.write_text('<dialplan><play name="a" type="tts">x</play><goto>a</goto></dialplan>')
    status, _, err = run(capsys, "simulate", str(loop), "--max-steps", "10")
    assert status == 1 and "within 10 steps" in err
    status, _, err = run(capsys, "simulate", str(loop), "--max-steps", "0")
    assert status == 1 and "max_steps must be at least 1, not 0" in err  # not the default

    expr = tmp_path / "expr.xml"
    expr.write_text('<dialplan>\n<if expr="(">\n<hangup/></if></dialplan>')
    status, _, err = run(capsys, "simulate", str(expr))
    assert status == 1 and "line 2: <if>" in err

    status, _, err = run(capsys, "simulate", str(loop), "--input", "abc")
    assert status == 1 and "not a key sequence" in err

    with pytest.raises(SystemExit):
        main(["dialplan", "simulate", str(loop), "--var", "novalue"])
    with pytest.raises(SystemExit):
        main(["dialplan", "simulate", str(loop), "--transfer", "maybe"])


# -- the README stays true -----------------------------------------------------------------


def _readme_section() -> str:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- section: simulate -->")
    end = readme.index("<!-- section:", start + 1)
    return readme[start:end]


def _blocks(section: str, language: str) -> list[str]:
    parts = section.split(f"```{language}\n")[1:]
    return [part.split("```", 1)[0] for part in parts]


def test_readme_python_example_simulates_the_bundled_example() -> None:
    # tests/test_readme.py runs the snippet (from an empty directory, so the dialplan is
    # written out in it); here it stays the example the console output and diagram show.
    (code,) = _blocks(_readme_section(), "python")
    root = Path(__file__).resolve().parents[2]
    source = (root / "examples" / "dialplans" / "library_hours.xml").read_text(encoding="utf-8")
    assert f'PLAN = """\\\n{source}"""' in code


def test_readme_console_example_is_current(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    (console,) = _blocks(_readme_section(), "console")
    command, *expected = console.strip().splitlines()
    argv = command.removeprefix("$ cftools ").split()
    assert main(argv) == 0
    assert capsys.readouterr().out.splitlines() == expected


def test_readme_mermaid_diagram_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    from cftools.dialplan import to_mermaid

    root = Path(__file__).resolve().parents[2]
    (diagram,) = _blocks(_readme_section(), "mermaid")
    source = (root / "examples" / "dialplans" / "library_hours.xml").read_bytes()
    assert diagram == to_mermaid(source)


def test_graph_output_that_cannot_be_written_is_a_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # A regression: IsADirectoryError / FileNotFoundError tracebacks.
    for target in (tmp_path, tmp_path / "missing" / "flow.mmd"):
        status, out, err = run(capsys, "graph", TREE, "--output", str(target))
        assert status == 2 and out == ""
        assert err.startswith(f"cftools dialplan: cannot write {target}: ")
        assert "Traceback" not in err
    written = tmp_path / "flow.mmd"
    assert run(capsys, "graph", TREE, "-o", str(written))[0] == 0
    assert written.read_text(encoding="utf-8").startswith("flowchart TD")


# -- a dialplan with errors: say how to go on ---------------------------------------------

BROKEN = '<dialplan name="Root">\n  <play type="tts">Hi</play>\n  <goto>nowhere</goto>\n</dialplan>'


def test_simulate_refusing_a_plan_with_errors_says_how_to_go_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = tmp_path / "broken.xml"
    plan.write_text(BROKEN, encoding="utf-8")
    status, out, err = run(capsys, "simulate", str(plan))
    assert status == 1 and out == ""
    assert f"{plan}:3:3: error CF400" in err
    assert "not simulated: the dialplan has 1 error; fix them, or pass --no-check" in err


def test_graph_draws_a_plan_with_errors_and_warns(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = tmp_path / "broken.xml"
    plan.write_text(BROKEN, encoding="utf-8")
    status, out, err = run(capsys, "graph", str(plan))
    assert status == 0
    assert out.startswith("flowchart TD")
    assert f"{plan}:3:3: error CF400" in err
    assert f"{plan}: warning: the dialplan has 1 error; it is drawn as written" in err


def test_graph_of_a_clean_plan_says_nothing_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "graph", TREE)
    assert status == 0 and out.startswith("flowchart TD") and err == ""
