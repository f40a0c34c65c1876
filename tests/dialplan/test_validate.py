"""Every validation rule, the report API, positions, order and robustness."""

from __future__ import annotations

import json
import re

import pytest

from cftools.dialplan import (
    CODES,
    Comment,
    Dialplan,
    DialplanError,
    DialplanTypeError,
    Finding,
    Report,
    build_graph,
    parse,
    simulate,
    to_mermaid,
    validate,
)

MENU = '<menu name="m" maxDigits="1"><play type="tts">Pick.</play>{}</menu>'


def wrap(body: str) -> str:
    return f'<dialplan name="Root">{body}</dialplan>'


def menu(*keypresses: str, attrs: str = 'name="m" maxDigits="1"') -> str:
    inner = "".join(keypresses)
    fallback = '<keypress pressed="default"><hangup/></keypress>'
    return wrap(f'<menu {attrs}><play type="tts">Pick.</play>{inner}{fallback}</menu>')


def codes(xml: str | Dialplan) -> list[str]:
    return [f.code for f in validate(xml)]


# One document per code: (code, xml). Each must report the code.
CASES: list[tuple[str, str]] = [
    ("CF100", "<dialplan><play></dialplan>"),
    ("CF101", '<!DOCTYPE d [<!ENTITY x "y">]><dialplan>&x;</dialplan>'),
    ("CF102", "<Response><Say>Hello</Say></Response>"),
    ("CF103", '<dialplan name="Root"></dialplan>'),
    ("CF104", '<dialplan xmlns="urn:x"><hangup/></dialplan>'),
    ("CF200", wrap("<say>Hello</say>")),
    ("CF201", wrap("<Hangup/>")),
    ("CF202", wrap('<keypress pressed="1"><hangup/></keypress>')),
    ("CF202", wrap("<hangup><else/></hangup>")),
    (
        "CF203",
        menu('<keypress pressed="1"><hangup/></keypress>').replace(
            "<play", "<wait>1</wait><play", 1
        ),
    ),
    ("CF204", wrap("<dtmf>123</dtmf>")),
    ("CF218", wrap("<beep/>")),
    ("CF205", wrap('<play type="tts" voise="male1">Hi</play>')),
    ("CF217", wrap('<sms to="${call.ani}" from="67076">Thanks for calling</sms>')),
    ("CF206", menu('<keypress pressed="1"><hangup/></keypress>', attrs='name="m" maxdigits="1"')),
    ("CF206", wrap('<play TYPE="tts" type="tts">Hi</play>')),
    ("CF207", menu('<keypress pressed="1" loggingEnabled="true"><hangup/></keypress>')),
    ("CF208", wrap("<play>Hello</play>")),
    ("CF208", wrap('<catch type="digit" goto="Root"><hangup/></catch>')),
    ("CF209", wrap('<play type="tts">  </play>')),
    ("CF209", wrap("<goto></goto>")),
    ("CF210", wrap("<hangup>now</hangup>")),
    ("CF211", wrap("<sms></sms>")),
    ("CF212", wrap('<menu><keypress pressed="1"><hangup/></keypress></menu>')),
    ("CF213", wrap('<menu><play type="tts">Hi</play></menu>')),
    ("CF214", wrap("<amd><live><hangup/></live></amd>")),
    ("CF214", wrap("<amd><live/><live/><machine/></amd>")),
    ("CF215", wrap('<if expr="1"><else><hangup/></else><hangup/></if>')),
    ("CF215", wrap('<if expr="1"><else/><else/></if>')),
    ("CF300", wrap('<play type="mp3">x</play>')),
    ("CF300", wrap('<play type="tts" voice="robot">x</play>')),
    ("CF300", wrap('<transfer mode="sequential">15550001111</transfer>')),
    ("CF300", wrap('<transfer continue-after="yes">15550001111</transfer>')),
    ("CF300", wrap('<catch type="press" goto="Root"/>')),
    ("CF301", menu('<keypress pressed="1"><hangup/></keypress>', attrs='timeout="five"')),
    ("CF301", wrap("<wait>soon</wait>")),
    ("CF302", menu('<keypress pressed="one"><hangup/></keypress>')),
    ("CF302", menu('<keypress pressed="1,2"><hangup/></keypress>')),
    ("CF303", menu('<keypress pressed="6-4"><hangup/></keypress>')),
    ("CF304", wrap('<transfer musiconhold="Silent">15550001111</transfer>')),
    ("CF304", wrap('<record background="maybe"/>')),
    ("CF304", wrap('<play type="url">audio/promo.mp3</play>')),
    ("CF304", wrap("<transfer>call-me-maybe</transfer>")),
    ("CF304", wrap('<catch type="digit" value="#" goto="Root"/>')),
    ("CF304", menu('<keypress pressed="*9"><hangup/></keypress>', attrs='maxDigits="2"')),
    ("CF305", wrap('<play type="tts" voice="Female1">x</play>')),
    ("CF305", wrap('<play type=" tts">x</play>')),
    ("CF306", menu('<keypress pressed="12"><hangup/></keypress>')),
    ("CF306", menu('<keypress pressed="12"><hangup/></keypress>', attrs='name="m"')),
    ("CF307", menu('<keypress pressed="1"><hangup/></keypress>', attrs='timeout="1000"')),
    ("CF308", menu('<keypress pressed="1"><hangup/></keypress>', attrs='timeout="500"')),
    ("CF308", menu('<keypress pressed="1"><hangup/></keypress>', attrs='timeout="0"')),
    ("CF308", menu('<keypress pressed="1"><hangup/></keypress>', attrs='timeout="90000"')),
    (
        "CF309",
        menu(
            '<keypress pressed="1"><hangup/></keypress><keypress pressed="1-3"><hangup/></keypress>'
        ),
    ),
    ("CF309", menu('<keypress pressed="Default"><hangup/></keypress>')),
    (
        "CF310",
        wrap('<menu><play type="tts">x</play><keypress pressed="1"><hangup/></keypress></menu>'),
    ),
    ("CF311", wrap('<hangup name="the end"/>')),
    ("CF312", wrap('<catch type="digit" value="12" goto="Root"/>')),
    ("CF313", wrap('<if expr="${call.lastinput} = 1"><hangup/></if>')),
    ("CF314", wrap('<play type="callfireid">welcome.mp3</play>')),
    ("CF400", wrap("<goto>nowhere</goto>")),
    ("CF400", wrap('<catch type="hangup" goto="nowhere"><hangup/></catch>')),
    (
        "CF401",
        wrap('<play name="a" type="tts">1</play><play name="a" type="tts">2</play><goto>a</goto>'),
    ),
    ("CF402", wrap('<play name="a" type="tts">1</play><play name="a" type="tts">2</play>')),
    ("CF403", wrap('<hangup/><play type="tts">never</play>')),
    ("CF403", wrap('<play name="x" type="tts">a</play><goto>x</goto><wait>1</wait>')),
    ("CF404", wrap('<setvar varname="n">x</setvar><goto>${n}</goto>')),
    ("CF500", wrap('<play type="tts">Hello ${contact.firstName</play>')),
    ("CF500", wrap('<if expr="${a${b}"><hangup/></if>')),
    ("CF501", wrap('<play type="tts">Your code is ${code}</play>')),
    ("CF502", wrap('<setvar varname="my var">1</setvar>')),
    ("CF502", wrap('<play type="tts">${bad name}</play>')),
]


@pytest.mark.parametrize(("code", "xml"), CASES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(CASES)])
def test_each_rule_reports_its_code(code: str, xml: str) -> None:
    report = validate(xml)
    assert code in [f.code for f in report], [f.format() for f in report]
    finding = next(f for f in report if f.code == code)
    assert finding.severity == CODES[code].severity
    assert finding.message
    if code not in ("CF100", "CF101"):
        assert finding.line is not None and finding.column is not None
        assert finding.path.startswith("/")


@pytest.mark.parametrize(
    ("xml", "code"),
    [
        # A near miss of a documented attribute: CallFire would ignore it, surely a mistake.
        (wrap('<play type="tts" voise="male1">Hi</play>'), "CF205"),
        (menu('<keypress pressed="1"><hangup/></keypress>', attrs='maxdigit="1"'), "CF205"),
        (wrap('<transfer continue_after="true">15551234567</transfer>'), "CF205"),
        (wrap('<transfer tiemout="20">15551234567</transfer>'), "CF205"),
        # A near miss of an attribute known only from the SDK: a warning with the hint.
        (wrap('<record name="msg" backgroud="true"/>'), "CF217"),
        # Close to nothing the tag documents: CallFire's lists may be partial.
        (wrap('<play type="tts" loop="2">Hi</play>'), "CF217"),
        (wrap('<transfer ring="3">15551234567</transfer>'), "CF217"),
        (menu('<keypress pressed="1" label="x"><hangup/></keypress>'), "CF217"),
        (wrap('<record name="msg" beep="true"/>'), "CF217"),
        (wrap('<get varname="r" timeout="5">https://x.example/a</get>'), "CF217"),
        ('<dialplan name="Root" version="2"><hangup/></dialplan>', "CF217"),
        (wrap('<play name="p" type="tts">Hi</play><goto delay="1">p</goto>'), "CF217"),
    ],
)
def test_only_a_near_miss_of_a_documented_attribute_is_an_error(xml: str, code: str) -> None:
    report = validate(xml)
    assert [f.code for f in report] == [code], [f.format() for f in report]
    assert report.ok is (code == "CF217")
    if code == "CF205" or "backgroud" in xml:
        assert "did you mean" in report.findings[0].message


def test_real_transfer_attributes_give_no_error() -> None:
    # A real dialplan had 12 false errors for these.
    xml = wrap('<transfer screen="true" whisper-tts="Press 1 to accept">15551234567</transfer>')
    report = validate(xml)
    assert report.ok, [f.format() for f in report]
    [screen] = report.findings
    assert (screen.code, screen.severity) == ("CF217", "warning")
    assert "'screen'" in screen.message and "remove it" in screen.message


def test_a_misplaced_else_does_not_hide_dead_code_after_it() -> None:
    # Only an <if>'s <else> is another branch; one written straight under <dialplan>
    # (itself CF202) is an ordinary statement, and what follows the hangup is dead.
    xml = wrap('<hangup/><else><play type="tts">a</play></else><play type="tts">b</play>')
    report = validate(xml)
    assert "CF202" in [f.code for f in report.errors]
    assert [f.path for f in report if f.code == "CF403"] == ["/dialplan/else[1]"]
    # ...while an <if> whose true branch ends in a hangup keeps its else quiet.
    branch = wrap('<if expr="1"><hangup/><else><play type="tts">b</play></else></if>')
    assert "CF403" not in [f.code for f in validate(branch)]


def test_every_code_below_cf600_has_a_case() -> None:
    covered = {code for code, _ in CASES} | {"CF216"}  # CF216 needs context="inbound"
    assert covered == {code for code in CODES if code < "CF600"}


@pytest.mark.parametrize(
    "xml",
    [
        wrap('<play type="URL">https://x.example/a.mp3</play>'),
        menu('<keypress pressed="Timeout"><hangup/></keypress>'),
        menu('<keypress pressed="#"><hangup/></keypress>'),
        menu('<keypress pressed="*"><hangup/></keypress>'),
        menu('<keypress pressed=" 4-6 "><hangup/></keypress>'),
        menu('<keypress pressed="123"><hangup/></keypress>', attrs='maxDigits="3"'),
        wrap(
            '<if expr="${n} > 2 &amp;&amp; ${n} &lt; 5"><hangup/></if>'.replace(
                "${n}", "${call.lastinput}"
            )
        ),
        wrap("<if expr=\"'${call.callerid}'.toLowerCase() == 'blocked'\"><hangup/></if>"),
        wrap('<if expr="a != b &amp;&amp; c >= d"><hangup/></if>'),
        wrap("<transfer>\n   15550001111, +1 (555) 000-2222\n</transfer>"),
        wrap(
            '<setvar varname="n">0</setvar><setvar varname="c${n}">1</setvar>'
            '<play type="tts">${c${n}}</play>'
        ),
        wrap(
            '<play type="tts">${contact.firstName} ${contact.B} ${global.date.dayOfWeek} '
            "${call.field.e}</play>"
        ),
        wrap('<record name="myrecording"/><play type="url">${myrecording}</play>'),
        wrap('<stash varname="q2">${call.lastinput}</stash><play type="tts">${q2}</play>'),
        wrap(
            '<catch type="hangup" goto="bye"><hangup/></catch><post name="bye">https://e.example/?a=1&amp;b=2</post>'
        ),
        wrap('<if expr="1"><hangup></hangup></if><hangup />'),
        wrap('<setvar varname="x"></setvar>'),
        wrap("<wait>\n  2.5\n</wait>"),
        wrap(
            '<play type="callfireid"> 4417 </play><play type="callfireid">${sound}</play>'
        ).replace("${sound}", "${call.id}"),
    ],
)
def test_real_world_spellings_raise_no_finding(xml: str) -> None:
    assert [f.format() for f in validate(xml)] == []


def test_amd_on_an_inbound_number_warns() -> None:
    xml = wrap("<amd><live><hangup/></live><machine><hangup/></machine></amd>")
    assert codes(xml) == []
    assert [f.code for f in validate(xml, context="outbound")] == []
    assert [f.code for f in validate(xml, context="inbound")] == ["CF216"]
    assert [f.code for f in parse(xml).validate(context="inbound")] == ["CF216"]


def test_attribute_in_another_case_is_a_spelling_not_a_missing_attribute() -> None:
    assert codes(wrap('<play Type="tts">Hi</play>')) == ["CF206"]
    assert codes(menu('<keypress Pressed="1"><hangup/></keypress>')) == ["CF206"]


def test_root_in_another_case_only_warns() -> None:
    assert codes("<Dialplan><hangup/></Dialplan>") == ["CF201"]
    assert codes("<dialplan><Dialplan/></dialplan>") == ["CF201", "CF202"]


def test_nested_variables_count_the_inner_name_only() -> None:
    found = codes(wrap('<play type="tts">${choice${num}}</play>'))
    assert found == ["CF501"]
    assert "num" in validate(wrap('<play type="tts">${choice${num}}</play>')).findings[0].message


def test_deeply_nested_variables_do_not_exhaust_the_stack() -> None:
    # A regression: references were matched by recursion, one frame per "${".
    depth = 100_000
    closed = validate(wrap(f'<play type="tts">{"${a" * depth}{"}" * depth}</play>'))
    assert [f.code for f in closed] == ["CF501"]  # the innermost "a"; the rest are dynamic
    unclosed = validate(wrap(f'<play type="tts">x {"${" * depth}</play>'))
    assert [f.code for f in unclosed] == ["CF500"]
    assert "offset 2 " in unclosed.findings[0].message


def test_overlaps_are_found_beyond_ten_thousand_and_wide_ranges_are_cheap() -> None:
    # Ranges used to be expanded into at most 10 001 inputs: slow, and blind above that.
    wide = menu(
        '<keypress pressed="1000-99999"><hangup/></keypress>',
        '<keypress pressed="50000"><hangup/></keypress>',
        attrs='name="m" maxDigits="5"',
    )
    assert codes(wide) == ["CF309"]
    adjacent = menu(
        '<keypress pressed="1-3"><hangup/></keypress>',
        '<keypress pressed="4-6"><hangup/></keypress>',
        '<keypress pressed="7"><hangup/></keypress>',
        '<keypress pressed="2-4"><hangup/></keypress>',
    )
    [finding] = validate(adjacent).findings
    assert finding.code == "CF309"
    # It overlaps both; the message names one of them (found without a linear search).
    assert re.search(
        r"pressed='2-4' overlaps the earlier branch pressed='(1-3|4-6)'", finding.message
    )
    many = "".join(
        f'<keypress pressed="{n * 1000}-{n * 1000 + 999999}"><hangup/></keypress>'
        for n in range(300)
    )
    assert codes(menu(many, attrs='name="m" maxDigits="9"')).count("CF309") == 299


def test_attributes_in_another_namespace_only_warn() -> None:
    # Editors add xsi:noNamespaceSchemaLocation or xml:space; they were CF205 errors
    # named in Clark notation ('{http://...}lang').
    xml = (
        '<dialplan name="Root" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        ' xsi:noNamespaceSchemaLocation="dialplan.xsd">'
        '<play type="tts" xml:lang="en">Hi</play><hangup/></dialplan>'
    )
    found = validate(xml).findings
    assert [(f.code, f.severity) for f in found] == [("CF104", "warning")] * 2
    assert "dialplan/@noNamespaceSchemaLocation is in the XML namespace" in found[0].message
    assert "play/@lang" in found[1].message and "{" not in found[1].message


def test_report_api() -> None:
    report = validate(wrap('<goto>x</goto><play type="tts">${y}</play>'))
    assert isinstance(report, Report)
    assert not report.ok
    assert [f.code for f in report.errors] == ["CF400"]
    assert [f.code for f in report.warnings] == ["CF403", "CF501"]
    assert list(report) == list(report.findings)
    assert len(report) == 3
    with pytest.raises(DialplanError) as exc:
        report.raise_for_errors()
    assert exc.value.findings == report.findings
    assert "CF400" in str(exc.value)
    data = json.loads(report.to_json("f.xml"))
    assert data["file"] == "f.xml"
    assert data["findings"][0]["code"] == "CF400"
    assert data["findings"][0]["slug"] == "unknown-target"
    assert repr(report) == "<Report ok=False errors=1 warnings=2>"
    validate(wrap("<hangup/>")).raise_for_errors()


def test_findings_come_in_document_order_with_positions() -> None:
    xml = (
        '<dialplan name="Root">\n'
        "  <goto>nowhere</goto>\n"
        '  <menu name="m">\n'
        '    <play type="mp3">x</play>\n'
        '    <keypress pressed="9-1"/>\n'
        "  </menu>\n"
        "</dialplan>\n"
    )
    found = [(f.code, f.line, f.column, f.path) for f in validate(xml)]
    assert found[0] == ("CF400", 2, 3, "/dialplan/goto[1]")
    assert ("CF300", 4, 5, "/dialplan/menu[1]/play[1]") in found
    assert ("CF303", 5, 5, "/dialplan/menu[1]/keypress[1]") in found
    assert [f[1] for f in found] == sorted(f[1] for f in found)


def test_finding_format() -> None:
    finding = Finding("CF400", "no tag is named 'x'", 3, 7, "/dialplan/goto[1]")
    assert finding.format("plan.xml") == "plan.xml:3:7: error CF400: no tag is named 'x'"
    assert Finding("CF103", "empty").format() == "<dialplan>:0:0: warning CF103: empty"


def test_built_dialplans_validate_without_positions() -> None:
    plan = Dialplan(name="Root")
    plan.goto("nowhere")
    (finding,) = validate(plan)
    assert (finding.code, finding.line, finding.path) == ("CF400", None, "/dialplan/goto[1]")
    assert plan.validate().findings == (finding,)


def test_findings_are_not_repeated() -> None:
    report = validate(wrap('<play type="tts">${a} ${a} ${a}</play><play type="tts">${a}</play>'))
    assert [f.code for f in report] == ["CF501"]


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"\x00\xff",
        "<",
        "<dialplan>" * 300 + "</dialplan>" * 300,
        "<?xml version='1.0' encoding='bogus'?><a/>",
        "\ud800",
    ],
)
def test_validate_never_raises(garbage: str | bytes) -> None:
    report = validate(garbage)
    assert not report.ok


def test_deep_nesting_is_bounded() -> None:
    depth = 5000
    xml = "<dialplan>" + '<if expr="1">' * depth + "</if>" * depth + "</dialplan>"
    assert not validate(xml).ok
    shallow = wrap('<if expr="1">' * 100 + "<hangup/>" + "</if>" * 100)
    assert parse(shallow).elements[0].tag == "if"


@pytest.mark.parametrize(
    "xml",
    [
        menu('<keypress pressed="1"><hangup/></keypress>', attrs='name="m" maxDigits="²"'),
        menu('<keypress pressed="1"><hangup/></keypress>', attrs='name="m" timeout="²"'),
        menu('<keypress pressed="²"><hangup/></keypress>'),
        wrap('<transfer timeout="²">15550001111</transfer>'),
    ],
)
def test_numbers_in_other_scripts_are_findings_not_crashes(xml: str) -> None:
    # A regression: str.isdigit() accepts "²", which int() then refused with a ValueError.
    report = validate(xml)
    assert not report.ok
    assert {f.code for f in report.errors} <= {"CF301", "CF302"}


def test_a_pressed_key_no_keypad_sends_is_an_error() -> None:
    # "\u0661" (Arabic-Indic one) passed as key 1 although no phone can send it.
    assert "CF302" in codes(menu('<keypress pressed="\u0661"><hangup/></keypress>'))
    assert codes(menu('<keypress pressed="\u0663-\u0665"><hangup/></keypress>')) == ["CF302"]


def test_a_long_value_that_is_no_phone_number_is_rejected_in_linear_time() -> None:
    # A regression: the phone pattern backtracked over every split of the digits, so
    # 80 000 digits and a letter took 40 s (a 1 MB document, hours).
    digits = "1" * 200_000
    report = validate(wrap(f'<transfer callerid="{digits}x">{digits}x</transfer>'))
    assert [f.code for f in report] == ["CF304", "CF304"]


def test_a_spelling_finding_shows_the_attribute_as_it_should_be_written() -> None:
    # The message ended in a bare 'write maxDigits=', without the value.
    xml = menu('<keypress pressed="1"><hangup/></keypress>', attrs='maxdigits="4" Timeout="5"')
    messages = [f.message for f in validate(xml) if f.code == "CF206"]
    assert [m.rsplit("; ", 1)[1] for m in messages] == ['write maxDigits="4"', 'write timeout="5"']


@pytest.mark.parametrize("context", ["Inbound", "sideways", 1])
def test_an_unknown_call_context_is_reported_not_ignored(context: object) -> None:
    # A regression: context="Inbound" silently turned the CF216 check off.
    xml = wrap("<amd><live><hangup/></live><machine><hangup/></machine></amd>")
    [finding] = validate(xml, context=context).findings  # type: ignore[arg-type]
    assert finding.code == "CF100"
    assert f"not {context!r}" in finding.message
    assert codes(xml) == [] and [f.code for f in validate(xml, context="inbound")] == ["CF216"]


def _ill_typed_models() -> list[tuple[Dialplan, str]]:
    cases: list[tuple[Dialplan, str]] = []
    plan = Dialplan(name="R")
    plan.menu().play("x").attrs["cache"] = True  # type: ignore[assignment]
    cases.append((plan, "/dialplan/menu/play: attributes must be"))
    plan = Dialplan(name="R")
    plan.play("x").text = None  # type: ignore[assignment]
    cases.append((plan, "/dialplan/play: the text is a NoneType"))
    plan = Dialplan(name="R")
    plan.children.append("oops")  # type: ignore[arg-type]
    cases.append((plan, "/dialplan: a child is a str"))
    plan = Dialplan(name="R")
    plan.comments_before.append(Comment(5))  # type: ignore[arg-type]
    cases.append((plan, "a comment's text is a int"))
    return cases


@pytest.mark.parametrize(("plan", "words"), _ill_typed_models())
def test_a_model_edited_into_wrong_types_is_reported_not_a_crash(
    plan: Dialplan, words: str
) -> None:
    # A regression: validate() (which never raises), to_xml(), the drawings and the
    # simulator failed with TypeError or AttributeError from deep inside.
    [finding] = validate(plan).findings
    assert finding.code == "CF100" and words in finding.message
    with pytest.raises(DialplanError, match=re.escape(words)):
        plan.to_xml()
    for function in (to_mermaid, build_graph):
        with pytest.raises(DialplanTypeError, match=re.escape(words)):
            function(plan)


def test_many_findings_on_siblings_cost_linear_time() -> None:
    # Regressions: each finding's path scanned all its siblings, and each unreachable
    # sibling searched the sibling list for its predecessor, so 100 000 <Hangup/> tags
    # (under 1 MB) took minutes. Now a fraction of a second; the path is unchanged.
    count = 100_000
    report = validate("<dialplan>" + "<Hangup/>" * count + "</dialplan>")
    assert [f.code for f in report].count("CF201") == count
    assert report.findings[-1].path == f"/dialplan/Hangup[{count}]"


def test_target_suggestions_are_bounded_per_document() -> None:
    # A regression: one difflib search over every name per broken goto, quadratic in
    # the number of gotos (16 000 named tags and 16 000 broken gotos took minutes).
    count = 16_000
    named = "".join(f'<play name="a{i}" type="tts">x</play>' for i in range(count))
    broken = "".join(f"<goto>a{i}x</goto>" for i in range(count))
    report = validate(f"<dialplan>{named}{broken}</dialplan>")
    unknown = [f.message for f in report if f.code == "CF400"]
    assert len(unknown) == count
    assert unknown[0].endswith("did you mean 'a0'?")
    assert unknown[-1].endswith('add name="..." to the target tag')


@pytest.mark.parametrize(
    "attrs, key",
    [
        (f'maxDigits="{"1" * 5000}"', "1"),
        (f'timeout="{"1" * 5000}"', "1"),
        ('maxDigits="9"', "1" * 5000),
        ('maxDigits="9"', f"1-{'9' * 5000}"),
    ],
)
def test_numbers_too_long_for_int_are_findings_not_crashes(attrs: str, key: str) -> None:
    # A regression: int() refuses strings of over 4300 digits with a ValueError.
    xml = menu(f'<keypress pressed="{key}"><hangup/></keypress>', attrs=attrs)
    report = validate(xml)
    assert {f.code for f in report.errors} <= {"CF302"}
    assert simulate(xml, ["1", "1" * 5000], check=False).end_reason


def test_an_empty_value_message_ends_with_what_to_write() -> None:
    # It read "write the phone number(s) to dial, comma separated between <transfer>
    # and </transfer>", as if the commas went between the tags.
    [finding] = validate(wrap("<transfer></transfer>")).findings
    assert finding.message == (
        "<transfer> is empty; between <transfer> and </transfer>, write the phone "
        "number(s) to dial, comma separated"
    )


def test_str_of_a_finding_is_one_line_with_its_position() -> None:
    report = validate(wrap("\n  <goto>nowhere</goto>"))
    [finding] = report.errors
    assert str(finding) == f"2:3: error CF400: {finding.message}"
    assert repr(finding).startswith("Finding(code='CF400'")
    built = Dialplan(name="Root")
    built.goto("nowhere")
    [finding] = validate(built).errors
    assert str(finding) == f"/dialplan/goto[1]: error CF400: {finding.message}"
