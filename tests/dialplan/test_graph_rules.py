"""CF600-CF602, the lint rules read from the control-flow graph: each fires where a person
would miss something, and stays silent on sound dialplans (real ones included)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cftools.dialplan import CODES, validate

ROOT = Path(__file__).resolve().parents[2]
REAL = sorted((ROOT / "examples" / "dialplans").glob("*.xml")) + sorted(
    (Path(__file__).parent / "data").glob("*.xml")
)


def graph_findings(xml: str) -> list[tuple[str, int | None]]:
    report = validate(xml)
    return [(f.code, f.line) for f in report if f.code.startswith("CF6")]


def test_codes_are_registered_as_warnings() -> None:
    for code, slug in (
        ("CF600", "unreachable"),
        ("CF601", "endless-loop"),
        ("CF602", "unfinished-branch"),
    ):
        assert CODES[code].severity == "warning"
        assert CODES[code].slug == slug


@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_real_dialplans_have_no_errors_from_graph_rules(path: Path) -> None:
    report = validate(path.read_bytes())
    assert all(f.severity == "warning" for f in report if f.code.startswith("CF6"))
    assert not [f for f in report if f.code in ("CF600", "CF601")]


# -- CF600 unreachable ---------------------------------------------------------------------


def test_element_after_a_menu_whose_branches_all_jump_away() -> None:
    xml = """<dialplan>
<menu name="m"><play type="tts">Press 1.</play>
  <keypress pressed="1"><hangup/></keypress>
  <keypress pressed="default"><goto>m</goto></keypress>
  <keypress pressed="timeout"><goto>m</goto></keypress>
</menu>
<play type="tts">Never heard.</play>
<play type="tts">Nor this.</play>
</dialplan>"""
    assert graph_findings(xml) == [("CF600", 7)]


def test_unreachable_report_names_the_element_and_how_to_fix() -> None:
    xml = """<dialplan>
<if expr="true"><hangup/><else><hangup/></else></if>
<menu name="orphan"><play type="tts">x</play><keypress pressed="1"><hangup/></keypress></menu>
</dialplan>"""
    findings = [f for f in validate(xml) if f.code == "CF600"]
    assert len(findings) == 1  # the menu, not its prompt or branch as well
    assert findings[0].line == 3
    assert '<menu> "orphan" can never run' in findings[0].message
    assert "<goto>" in findings[0].message


def test_tag_after_a_block_that_never_falls_through() -> None:
    xml = """<dialplan>
<catch type="hangup" goto="wrapup">
  <menu name="m"><play type="tts">Hi</play>
    <keypress pressed="default"><hangup/></keypress>
    <keypress pressed="timeout"><hangup/></keypress>
  </menu>
</catch>
<hangup/>
<post name="wrapup">https://x.example/done</post>
</dialplan>"""
    assert graph_findings(xml) == [("CF600", 8)]


def test_tags_after_hangup_are_left_to_cf403() -> None:
    xml = '<dialplan>\n<hangup/>\n<play type="tts">dead</play>\n</dialplan>'
    codes = [f.code for f in validate(xml)]
    assert "CF403" in codes and "CF600" not in codes


def test_goto_and_catch_targets_are_reachable() -> None:
    xml = """<dialplan>
<catch type="hangup" goto="wrapup">
  <menu name="m"><play type="tts">Hi</play>
    <keypress pressed="1"><goto>second</goto></keypress>
    <keypress pressed="default"><play type="tts">Bye.</play></keypress>
    <keypress pressed="timeout"><hangup/></keypress>
  </menu>
</catch>
<hangup/>
<play name="second" type="tts">Second.</play>
<hangup/>
<post name="wrapup">https://x.example/done</post>
</dialplan>"""
    assert graph_findings(xml) == []


# -- CF601 endless loops ---------------------------------------------------------------------


def test_menu_that_always_comes_back_is_an_endless_loop() -> None:
    xml = """<dialplan>
<menu name="m"><play type="tts">Press any key.</play>
  <keypress pressed="1"><play type="tts">One.</play><goto>m</goto></keypress>
  <keypress pressed="default"><goto>m</goto></keypress>
  <keypress pressed="timeout"><goto>m</goto></keypress>
</menu>
</dialplan>"""
    findings = [f for f in validate(xml) if f.code.startswith("CF6")]
    assert [(f.code, f.line) for f in findings] == [("CF601", 2)]
    assert "can loop forever" in findings[0].message


def test_menu_repeating_on_timeout_but_exiting_on_a_key_is_fine() -> None:
    xml = """<dialplan>
<menu name="m"><play type="tts">Press 1 to continue.</play>
  <keypress pressed="1"><play type="tts">Thanks.</play><hangup/></keypress>
  <keypress pressed="default"><goto>m</goto></keypress>
  <keypress pressed="timeout"><goto>m</goto></keypress>
</menu>
</dialplan>"""
    assert graph_findings(xml) == []


def test_retry_counter_is_a_way_out() -> None:
    xml = """<dialplan>
<setvar varname="n">0</setvar>
<menu name="m"><play type="tts">Press 1.</play>
  <keypress pressed="1"><goto>m</goto></keypress>
  <keypress pressed="default">
    <setvar varname="n">${n}+1</setvar>
    <if expr="${n} &lt; 3"><goto>m</goto><else><hangup/></else></if>
  </keypress>
  <keypress pressed="timeout"><goto>m</goto></keypress>
</menu>
</dialplan>"""
    assert graph_findings(xml) == []


def test_a_digit_catch_is_a_way_out() -> None:
    xml = """<dialplan>
<catch type="digit" value="0" goto="op">
  <menu name="m"><play type="tts">Press 0 for a person.</play>
    <keypress pressed="default"><goto>m</goto></keypress>
    <keypress pressed="timeout"><goto>m</goto></keypress>
  </menu>
</catch>
<transfer name="op">15550001111</transfer>
</dialplan>"""
    assert graph_findings(xml) == []


def test_silent_loop_without_input_is_reported_once() -> None:
    xml = """<dialplan>
<setvar name="spin" varname="n">${n}+1</setvar>
<wait>5</wait>
<goto>spin</goto>
</dialplan>"""
    findings = [f for f in validate(xml) if f.code == "CF601"]
    assert [(f.line, "nothing leaves" in f.message) for f in findings] == [(2, True)]


def test_repeated_announcement_is_not_reported() -> None:
    xml = """<dialplan>
<play name="closed" type="tts">We are closed. Please call again tomorrow.</play>
<wait>3</wait>
<goto>closed</goto>
</dialplan>"""
    assert graph_findings(xml) == []


def test_goto_xml_counts_as_an_ending() -> None:
    xml = """<dialplan>
<menu><play type="tts">1 or 2.</play>
  <keypress pressed="1"><gotoXML>https://x.example/next.xml</gotoXML></keypress>
  <keypress pressed="2"><hangup/></keypress>
  <keypress pressed="default"><hangup/></keypress>
  <keypress pressed="timeout"><hangup/></keypress>
</menu>
<play type="tts">Maybe back from the other dialplan.</play>
<hangup/>
</dialplan>"""
    assert graph_findings(xml) == []


def test_two_separate_traps_are_both_reported() -> None:
    xml = """<dialplan>
<menu name="a"><play type="tts">A</play>
  <keypress pressed="1"><goto>b</goto></keypress>
  <keypress pressed="default"><goto>a</goto></keypress>
  <keypress pressed="timeout"><goto>a</goto></keypress>
</menu>
<menu name="b"><play type="tts">B</play>
  <keypress pressed="default"><goto>b</goto></keypress>
  <keypress pressed="timeout"><goto>b</goto></keypress>
</menu>
</dialplan>"""
    assert [c for c, _ in graph_findings(xml)] == ["CF601", "CF601"]


def test_pure_goto_cycle_is_an_endless_loop() -> None:
    xml = '<dialplan>\n<goto name="a">b</goto>\n<goto name="b">a</goto>\n</dialplan>'
    assert ("CF601", 2) in graph_findings(xml)


# -- CF602 unfinished branches -------------------------------------------------------------


def test_branch_that_runs_off_the_end_unlike_the_others() -> None:
    xml = """<dialplan>
<menu><play type="tts">1 for hours, 2 for sales, 3 to quit.</play>
  <keypress pressed="1"><play type="tts">Nine to five.</play></keypress>
  <keypress pressed="2"><transfer>15550001111</transfer><hangup/></keypress>
  <keypress pressed="3"><hangup/></keypress>
  <keypress pressed="default"><hangup/></keypress>
  <keypress pressed="timeout"><hangup/></keypress>
</menu>
</dialplan>"""
    findings = [f for f in validate(xml) if f.code == "CF602"]
    assert [f.line for f in findings] == [3]
    assert "<play>" in findings[0].message and "<hangup/>" in findings[0].message


def test_dialplans_that_simply_end_are_fine() -> None:
    xml = """<dialplan>
<menu><play type="tts">1 or 2.</play>
  <keypress pressed="1"><play type="tts">One.</play></keypress>
  <keypress pressed="2"><play type="tts">Two.</play></keypress>
</menu>
<play type="tts">Goodbye.</play>
</dialplan>"""
    assert graph_findings(xml) == []


def test_clean_up_after_a_caller_hangup_may_run_off_the_end() -> None:
    xml = """<dialplan>
<catch type="hangup" goto="report">
  <play type="tts">Hello.</play>
</catch>
<hangup/>
<post name="report">https://x.example/r</post>
</dialplan>"""
    assert graph_findings(xml) == []


def test_unanswered_transfers_and_menu_fallthrough_are_not_cf602() -> None:
    xml = """<dialplan>
<menu><play type="tts">1 or 2.</play>
  <keypress pressed="1"><transfer>1555</transfer></keypress>
  <keypress pressed="2"><hangup/></keypress>
</menu>
</dialplan>"""
    assert graph_findings(xml) == []


# -- staying silent --------------------------------------------------------------------------


def test_dynamic_targets_silence_the_graph_rules() -> None:
    xml = """<dialplan>
<goto>${next}</goto>
<play name="a" type="tts">A</play>
<play name="b" type="tts">B</play><goto>b</goto>
</dialplan>"""
    assert graph_findings(xml) == []


def test_wrong_root_silences_the_graph_rules() -> None:
    assert graph_findings("<menu><hangup/><play type='tts'>x</play></menu>") == []


def test_guard_conditions_and_the_main_line_are_not_branches() -> None:
    guard = "<dialplan>\n<if expr=\"'${call.callerid}' == 'blocked'\"><hangup/></if>\n</dialplan>"
    assert graph_findings(guard) == []
    main_line = """<dialplan>
<menu><play type="tts">1 to quit.</play>
  <keypress pressed="1"><hangup/></keypress>
  <keypress pressed="2"><hangup/></keypress>
</menu>
<play type="tts">Goodbye.</play>
</dialplan>"""
    assert graph_findings(main_line) == []


def test_reference_examples_raise_no_graph_findings() -> None:
    import re

    reference = ROOT.parent / "shared" / "reference" / "callfire-xml.md"
    if not reference.is_file():
        pytest.skip(f"reference material not found at {reference}")
    blocks = re.findall(r"```xml\n(.*?)```", reference.read_text(encoding="utf-8"), re.S)
    whole = [b for b in blocks if b.lstrip().startswith("<dialplan")]
    assert whole
    for block in whole:
        assert graph_findings(block) == [], block


def test_readme_table_matches_codes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("<!-- section: simulate -->") :]
    rows = [line.split("|") for line in section.splitlines() if line.startswith("| CF6")]
    table = {r[1].strip(): (r[2].strip(), r[3].strip().strip("`")) for r in rows}
    expected = {c: (i.severity, i.slug) for c, i in CODES.items() if c >= "CF600"}
    assert table == expected


def test_cf602_stays_silent_when_running_off_the_end_is_common() -> None:
    xml = """<dialplan>
<menu><play type="tts">1, 2 or 3.</play>
  <keypress pressed="1"><play type="tts">One.</play></keypress>
  <keypress pressed="2"><play type="tts">Two.</play></keypress>
  <keypress pressed="3"><hangup/></keypress>
  <keypress pressed="default"><play type="tts">Other.</play></keypress>
  <keypress pressed="timeout"><hangup/></keypress>
</menu>
</dialplan>"""
    assert graph_findings(xml) == []
