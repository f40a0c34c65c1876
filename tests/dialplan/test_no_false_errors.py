"""Issue 9: no false errors on real dialplans.

An error must rest on something CallFire documents or on something that certainly breaks
the call; everything inferred is a warning. ``data/samples/`` holds CallFire-style
dialplans written from the documented language (a menu holding only a prompt and a
transfer, a screened transfer, ``loggingEnabled``, ``record/@background``, VTML in
CDATA, multi-digit keys without ``maxDigits``...): none may get an error.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cftools.dialplan import CODES, parse, validate

SAMPLES = sorted((Path(__file__).parent / "data" / "samples").glob("*.xml"))


def wrap(body: str, attrs: str = 'name="Root"') -> str:
    return f"<dialplan {attrs}>{body}</dialplan>"


def findings(xml: str) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in validate(xml)]


def test_the_samples_are_there() -> None:
    assert len(SAMPLES) >= 8


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_callfire_style_sample_has_no_error(path: Path) -> None:
    report = validate(path.read_bytes())
    assert report.errors == (), [f.format(path.name) for f in report.errors]
    assert parse(parse(path.read_bytes()).to_xml()) == parse(path.read_bytes())


def test_a_menu_holding_only_a_prompt_and_a_transfer_is_a_warning() -> None:
    xml = wrap(
        '<menu name="hold"><play type="tts">Please hold.</play>'
        "<transfer>15550001111</transfer></menu>"
    )
    report = validate(xml)
    assert report.ok
    [cf213] = [f for f in report if f.code == "CF213"]
    assert cf213.severity == CODES["CF213"].severity == "warning"
    assert "please hold" in cf213.message and "add a <keypress" in cf213.message
    [cf203] = [f for f in report if f.code == "CF203"]
    assert "no CallFire example" not in cf203.message  # CallFire's samples do this


@pytest.mark.parametrize(
    "xml",
    [
        wrap('<play type="tts">Hi</play>', attrs='name="Root" loggingEnabled="true"'),
        wrap('<record name="r" background="true"/>'),
        wrap('<setvar varname="first-name">x</setvar><play type="tts">${first-name}</play>'),
        wrap('<play type="tts"><![CDATA[<vtml_speed value="70">Hi</vtml_speed>]]></play>'),
        wrap(
            '<menu name="m"><play type="tts">PIN?</play>'
            '<keypress pressed="1234"><hangup/></keypress>'
            '<keypress pressed="default"><goto>m</goto></keypress></menu>'
        ),
        wrap(
            '<menu name="m" maxDigits="1"><setvar varname="n">1</setvar>'
            '<record varname="r"/><play type="tts">Hi</play>'
            '<keypress pressed="1"><hangup/></keypress></menu>'
        ),
        wrap(
            '<catch type="hangup" goto="eq"><play type="tts">Hi</play></catch>'
            '<equal name="eq" var="${call.dnis}" expr="\'1\'"><hangup/></equal>'
        ),
        wrap('<transfer screen="true" whisper-tts="Press 1 to accept">15551234567</transfer>'),
        wrap('<play type="tts">Hi ${{call.dnis}}</play>'),
        wrap('<play type="tts">Hello ${contact.firstName</play>'),
        wrap("<setvar>1</setvar>"),
        wrap("<beep/>"),
        wrap(
            '<amd><play type="tts">Hi</play><live><hangup/></live>'
            "<machine><hangup/></machine></amd>"
        ),
        wrap(
            '<menu name="m" maxDigits="1"><play type="tts">Hi</play>'
            '<keypress pressed="6-4"><hangup/></keypress></menu>'
        ),
    ],
)
def test_not_an_error(xml: str) -> None:
    report = validate(xml)
    assert report.ok, [f.format() for f in report.errors]


def test_the_multi_digit_warning_claims_no_default() -> None:
    xml = wrap(
        '<menu name="m"><play type="tts">PIN?</play>'
        '<keypress pressed="1234"><hangup/></keypress></menu>'
    )
    [cf306] = [f for f in validate(xml) if f.code == "CF306"]
    assert "default is" not in cf306.message and "probably 1" not in cf306.message
    assert 'maxDigits="4"' in cf306.message


def test_a_message_quotes_the_source_as_written() -> None:
    xml = wrap('<play type="tts">Hi ${{call.dnis}}, welcome.</play>')
    [cf502] = [f for f in validate(xml) if f.code == "CF502"]
    assert "'${{call.dnis}}'" in cf502.message
    assert "write ${call.dnis}" in cf502.message


@pytest.mark.parametrize(
    ("xml", "code"),
    [
        (wrap("<mneu/>"), "CF200"),  # a near miss of <menu>
        (wrap("<say>Hi</say>"), "CF200"),  # a name CallFire is known not to have
        (wrap('<play type="tts" voise="male1">Hi</play>'), "CF205"),
        (wrap('<play type="tts" maxDigits="1">Hi</play>'), "CF217"),
        (wrap("<beep/>"), "CF218"),
    ],
)
def test_unknown_names_are_errors_only_when_surely_a_mistake(xml: str, code: str) -> None:
    report = validate(xml)
    [finding] = [f for f in report if f.code == code]
    assert finding.severity == ("error" if code in ("CF200", "CF205") else "warning")


def test_an_attribute_of_another_tag_says_where_it_belongs() -> None:
    [finding] = validate(wrap('<play type="tts" maxDigits="1">Hi</play>')).findings
    assert "<menu>" in finding.message


# Every message says how to fix the problem: it names an action.
_FIX_WORDS = (
    "add", "write", "remove", "move", "use", "set", "rename", "change", "merge", "close",
    "make sure", "put", "give", "end", "correct", "check", "declare", "save", "test", "keep",
    "close", "starts with",
)  # fmt: skip


@pytest.mark.parametrize(
    "xml",
    [
        wrap("<play>Hello</play>"),
        wrap('<keypress pressed="1"/>'),
        wrap("<stash>x</stash>"),
        wrap('<catch type="digit" goto="Root"><hangup/></catch>'),
        wrap("<if><hangup/></if>"),
        wrap("<amd><live/></amd>"),
        wrap("<dtmf>12</dtmf>"),
        wrap("<wait>soon</wait>"),
        wrap('<transfer mode="all">1555,,x</transfer>'),
        wrap('<menu name="m"><play type="tts">a</play><keypress pressed="abc"/></menu>'),
        wrap("<goto>${x}</goto>"),
        wrap('<play name="a" type="tts">a</play><play name="a" type="tts">b</play>'),
        wrap('<play type="tts">${a b}</play>'),
        wrap('<catch type="digit" value="12" goto="Root"><hangup/></catch>'),
        "<dialplan><play>Hi</dialplan>",
        "<dialplan><play>Hi",
        "hello",
    ],
)
def test_every_message_says_how_to_fix_it(xml: str) -> None:
    for finding in validate(xml):
        assert any(word in finding.message for word in _FIX_WORDS), finding.format()


def test_a_missing_attribute_says_what_to_write() -> None:
    [finding] = [f for f in validate(wrap("<play>Hello</play>")) if f.code == "CF208"]
    assert finding.message == (
        '<play> needs a type attribute; add type="tts" (one of: tts, callfireid, url)'
    )
