"""The simulator, one behaviour per test: each tag, each matching rule, each end reason,
each error path. Dialplans are written inline so the XML and the expectation sit together."""

from __future__ import annotations

import copy
import pickle
import re
from collections.abc import Callable
from datetime import datetime, timezone

import pytest

from cftools import CftoolsError
from cftools.dialplan import (
    Amd,
    Dialplan,
    DialplanError,
    DialplanTypeError,
    Dnc,
    Dtmf,
    End,
    ExpressionError,
    Hangup,
    Http,
    Input,
    Play,
    Record,
    Set,
    SimulationError,
    Skip,
    Sms,
    StepLimitError,
    Transcript,
    Transfer,
    Wait,
    parse,
    simulate,
    validate,
)
from cftools.dialplan._js import evaluate

pytest.importorskip("quickjs", reason="the simulate extra (quickjs) is not installed")


def plan(body: str) -> str:
    return f'<dialplan name="Root">\n{body}\n</dialplan>'


MENU = plan(
    """
  <menu name="main" maxDigits="1" timeout="5000">
    <play type="tts">Press 1 for hours, 4 to 6 for sales.</play>
    <keypress pressed="1"><play type="tts">Open nine to five.</play></keypress>
    <keypress pressed="4-6"><play type="tts">Sales, line ${call.lastinput}.</play></keypress>
    <keypress pressed="Default"><play type="tts">Not a choice.</play></keypress>
    <keypress pressed="TIMEOUT"><play type="tts">Nothing pressed.</play></keypress>
  </menu>
  <play type="tts">Goodbye.</play>"""
)


# -- play, order, end of dialplan --------------------------------------------------------


def test_tags_run_top_to_bottom_and_the_end_ends_the_call() -> None:
    transcript = simulate(plan('<play type="tts">One.</play><play type="tts">Two.</play>'))
    assert transcript.spoken() == ["One.", "Two."]
    assert transcript.end_reason == "end of dialplan"
    assert transcript[-1] == End("end of dialplan")


def test_play_text_is_substituted_and_whitespace_normalized() -> None:
    xml = plan(
        """<play type="tts" voice="female1">
        Hello   ${contact.firstName},
        your code is ${code}.
      </play>"""
    )
    transcript = simulate(xml, variables={"contact.firstName": "Ada", "code": 42})
    assert transcript[0] == Play("Hello Ada, your code is 42.", "tts", "female1")
    assert transcript[0].to_dict() == {
        "event": "play",
        "text": "Hello Ada, your code is 42.",
        "type": "tts",
        "voice": "female1",
    }


def test_play_types_keep_their_value_and_url_alias_is_normalized() -> None:
    xml = plan(
        '<play type="callfireid">4417</play>'
        '<play type="URL">https://audio.example.org/a.mp3?n=${n}</play>'
    )
    transcript = simulate(xml, variables={"n": "7"})
    assert transcript.of(Play) == [
        Play("4417", "callfireid"),
        Play("https://audio.example.org/a.mp3?n=7", "url"),
    ]


def test_events_remember_their_source_line() -> None:
    transcript = simulate(plan('<play type="tts">One.</play>\n<hangup/>'))
    assert [e.line for e in transcript] == [2, 3, 3]


# -- menus and keypress matching -------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ("1", "Open nine to five."),
        ("4", "Sales, line 4."),
        ("5", "Sales, line 5."),
        ("6", "Sales, line 6."),
        ("7", "Not a choice."),
        ("#", "Not a choice."),
        ("timeout", "Nothing pressed."),
    ],
)
def test_menu_runs_the_matching_branch_then_goes_on_after_the_menu(key: str, said: str) -> None:
    transcript = simulate(MENU, [key])
    assert transcript.spoken() == ["Press 1 for hours, 4 to 6 for sales.", said, "Goodbye."]
    assert transcript.inputs() == [key]


def test_first_matching_branch_wins_and_default_is_a_last_resort() -> None:
    xml = plan(
        """<menu>
      <play type="tts">Pick.</play>
      <keypress pressed="default"><play type="tts">default</play></keypress>
      <keypress pressed="1-3"><play type="tts">range</play></keypress>
      <keypress pressed="2"><play type="tts">two</play></keypress>
    </menu>"""
    )
    assert simulate(xml, ["2"]).spoken()[1:] == ["range"]
    assert simulate(xml, ["9"]).spoken()[1:] == ["default"]


def test_multi_digit_input_and_ranges() -> None:
    xml = plan(
        """<menu maxDigits="3">
      <play type="tts">Enter your extension.</play>
      <keypress pressed="100-199"><play type="tts">Sales ${call.lastinput}.</play></keypress>
      <keypress pressed="123"><play type="tts">never: the range comes first</play></keypress>
    </menu>"""
    )
    assert simulate(xml, ["123"]).spoken()[1:] == ["Sales 123."]
    assert simulate(xml, ["1234"]).inputs() == ["123"]  # maxDigits stops collecting


def test_no_matching_branch_goes_on_after_the_menu() -> None:
    xml = plan(
        """<menu><play type="tts">Press 1.</play>
      <keypress pressed="1"><play type="tts">One.</play></keypress>
    </menu>
    <play type="tts">After.</play>"""
    )
    assert simulate(xml, ["timeout"]).spoken() == ["Press 1.", "After."]
    assert simulate(xml, ["5"]).spoken() == ["Press 1.", "After."]


def test_timeout_sets_lastinput_to_empty_and_default_does_not_catch_silence() -> None:
    xml = plan(
        """<menu><play type="tts">Press.</play>
      <keypress pressed="default"><play type="tts">default</play></keypress>
    </menu>
    <play type="tts">[${call.lastinput}]</play>"""
    )
    assert simulate(xml, ["timeout"]).spoken() == ["Press.", "[]"]
    assert simulate(xml, ["42"]).spoken() == ["Press.", "default", "[42]"]


def test_menu_runs_its_setvar_and_record_children_before_input() -> None:
    xml = plan(
        """<menu name="m">
      <setvar varname="tries">${tries}+1</setvar>
      <play type="tts">Try ${tries}.</play>
      <keypress pressed="timeout"><goto>m</goto></keypress>
    </menu>"""
    )
    transcript = simulate(xml, ["timeout", "timeout"])
    assert transcript.spoken() == ["Try 1.", "Try 2.", "Try 3."]
    assert transcript.end_reason == "inputs exhausted"


def test_inputs_exhausted_ends_the_call_at_the_next_menu() -> None:
    transcript = simulate(MENU, [])
    assert transcript.spoken() == ["Press 1 for hours, 4 to 6 for sales."]
    assert transcript.end_reason == "inputs exhausted"
    assert transcript.inputs() == []


def test_scripted_hangup_ends_the_call() -> None:
    transcript = simulate(MENU, ["hangup"])
    assert transcript.inputs() == ["hangup"]
    assert transcript.end_reason == "caller hangup"


# -- goto --------------------------------------------------------------------------------


def test_goto_repeats_a_menu() -> None:
    xml = plan(
        """<menu name="main"><play type="tts">Menu.</play>
      <keypress pressed="1"><play type="tts">Again.</play><goto>main</goto></keypress>
      <keypress pressed="2"><hangup/></keypress>
    </menu>"""
    )
    transcript = simulate(xml, ["1", "1", "2"])
    assert transcript.spoken() == ["Menu.", "Again.", "Menu.", "Again.", "Menu."]
    assert transcript.end_reason == "hangup"


def test_goto_into_a_menu_prompt_runs_the_rest_of_the_menu() -> None:
    xml = plan(
        """<menu name="rec">
      <play type="tts">Intro.</play>
      <play name="options" type="tts">Press 1 to hear it, 2 to keep it.</play>
      <keypress pressed="1"><play type="tts">Playing.</play><goto>options</goto></keypress>
      <keypress pressed="2"><play type="tts">Kept.</play></keypress>
    </menu>"""
    )
    transcript = simulate(xml, ["1", "2"])
    assert transcript.spoken() == [
        "Intro.",
        "Press 1 to hear it, 2 to keep it.",
        "Playing.",
        "Press 1 to hear it, 2 to keep it.",
        "Kept.",
    ]


def test_goto_into_a_branch_leaves_its_menu_afterwards() -> None:
    xml = plan(
        """<goto>later</goto>
    <menu><play type="tts">never</play>
      <keypress pressed="1"><play name="later" type="tts">In the branch.</play></keypress>
    </menu>
    <play type="tts">After the menu.</play>"""
    )
    assert simulate(xml).spoken() == ["In the branch.", "After the menu."]


def test_goto_to_a_keypress_runs_its_body() -> None:
    xml = plan(
        """<goto>one</goto>
    <menu><play type="tts">never</play>
      <keypress name="one" pressed="1"><play type="tts">One.</play></keypress>
    </menu>"""
    )
    assert simulate(xml).spoken() == ["One."]


def test_goto_target_may_come_from_a_variable() -> None:
    xml = plan(
        """<goto>${next}</goto><play type="tts">skipped</play>
    <play name="b" type="tts">B.</play>"""
    )
    assert simulate(xml, variables={"next": "b"}, check=False).spoken() == ["B."]


def test_goto_to_an_unknown_name_is_an_error_naming_the_element() -> None:
    xml = plan("<goto>${next}</goto>")
    with pytest.raises(SimulationError, match=r"line 2: <goto> .*no tag is named 'nowhere'"):
        simulate(xml, variables={"next": "nowhere"}, check=False)


# -- conditions --------------------------------------------------------------------------


IF = plan(
    """<if expr="'${answer}'.toLowerCase() == 'yes'">
      <play type="tts">Yes.</play>
      <else><play type="tts">No.</play></else>
    </if>
    <play type="tts">Done.</play>"""
)


@pytest.mark.parametrize(("answer", "said"), [("YES", "Yes."), ("no", "No."), ("", "No.")])
def test_if_else(answer: str, said: str) -> None:
    assert simulate(IF, variables={"answer": answer}).spoken() == [said, "Done."]


def test_if_without_else_skips_its_body() -> None:
    xml = plan('<if expr="${n} &gt; 2"><play type="tts">big</play></if><hangup/>')
    assert simulate(xml, variables={"n": 1}).spoken() == []
    assert simulate(xml, variables={"n": 3}).spoken() == ["big"]


@pytest.mark.parametrize(
    ("tag", "value", "runs"),
    [
        ("equal", "5", True),
        ("equal", "05", True),  # JavaScript ==: '05' == 5
        ("equal", "6", False),
        ("notEqual", "5", False),
        ("notEqual", "6", True),
    ],
)
def test_equal_and_not_equal(tag: str, value: str, runs: bool) -> None:
    xml = plan(f'<{tag} var="${{v}}" expr="2+3"><play type="tts">body</play></{tag}>')
    spoken = simulate(xml, variables={"v": value}, check=False).spoken()
    assert spoken == (["body"] if runs else [])


def test_equal_compares_strings() -> None:
    xml = plan(
        """<equal var="${call.dnis}" expr="'18005550100'">
      <play type="tts">Sales line.</play></equal>"""
    )
    assert simulate(xml, variables={"call.dnis": "18005550100"}).spoken() == ["Sales line."]
    assert simulate(xml, variables={"call.dnis": "18005550199"}).spoken() == []


def test_unevaluable_expression_is_an_error_naming_element_and_line() -> None:
    xml = plan('<play type="tts">Hi.</play>\n<if name="check" expr="${n} &gt;"><hangup/></if>')
    with pytest.raises(ExpressionError) as info:
        simulate(xml, variables={"n": "1"})
    error = info.value
    assert error.line == 3
    assert error.tag == "if"
    assert error.expression == "${n} >"
    assert error.evaluated == "1 >"
    assert 'line 3: <if name="check">' in str(error)
    assert "SyntaxError" in str(error)
    assert isinstance(error, CftoolsError)


def test_endless_expression_hits_the_sandbox_time_limit() -> None:
    xml = plan('<if expr="(function () { for (;;) {} })()"><hangup/></if>')
    with pytest.raises(ExpressionError, match="time limit"):
        simulate(xml)


# -- variables ---------------------------------------------------------------------------


def test_setvar_evaluates_expressions_and_keeps_literals() -> None:
    xml = plan(
        """<setvar varname="n">2</setvar>
    <setvar varname="n">${n}+1</setvar>
    <setvar varname="greeting">thank you</setvar>
    <setvar varname="answer">yes</setvar>
    <setvar varname="flag">false</setvar>
    <setvar varname="zip">02139</setvar>
    <setvar varname="account">123456789012345678901</setvar>
    <setvar varname="joined">'${call.lastinput}' + ' 2 3'</setvar>
    <setvar varname="url">https://example.org/x</setvar>"""
    )
    transcript = simulate(xml, variables={"call.lastinput": "1"})
    assert [(e.name, e.value) for e in transcript.of(Set)] == [
        ("n", "2"),
        ("n", "3"),
        ("greeting", "thank you"),
        ("answer", "yes"),
        ("flag", "false"),
        ("zip", "02139"),
        ("account", "123456789012345678901"),
        ("joined", "1 2 3"),
        ("url", "https://example.org/x"),
    ]
    assert transcript.variables["n"] == "3"


def test_setvar_expression_that_throws_is_an_error() -> None:
    xml = plan('<setvar varname="x">null.length</setvar>')
    with pytest.raises(ExpressionError, match=r"line 2: <setvar> .*TypeError"):
        simulate(xml)


def test_stash_writes_the_report_but_not_a_variable() -> None:
    xml = plan(
        """<stash varname="rating">${score}*2</stash>
    <play type="tts">[${rating}]</play>"""
    )
    transcript = simulate(xml, variables={"score": 4})
    assert transcript[0] == Set("rating", "8", "stash")
    assert transcript.stashed() == {"rating": "8"}
    assert transcript.spoken() == ["[]"]
    assert "rating" not in transcript.variables


def test_nested_variables_resolve_inside_out() -> None:
    xml = plan(
        """<setvar varname="choice2">the blue one</setvar>
    <menu><play type="tts">Pick.</play>
      <keypress pressed="default">
        <setvar varname="num">${call.lastinput}</setvar>
        <play type="tts">You chose ${choice${num}}.</play>
      </keypress>
    </menu>"""
    )
    assert simulate(xml, ["2"]).spoken() == ["Pick.", "You chose the blue one."]


def test_unknown_variables_expand_to_nothing_and_contact_columns_ignore_case() -> None:
    xml = plan('<play type="tts">[${nope}] [${contact.b}] [${contact.B}]</play>')
    assert simulate(xml, variables={"contact.B": "x"}).spoken() == ["[] [x] [x]"]


def test_global_date_variables_come_from_now() -> None:
    xml = plan(
        '<play type="tts">${global.date} ${global.time} ${global.time.hour} '
        "${global.time.hour.military} ${global.date.dayOfWeek} ${global.date.year}</play>"
    )
    now = datetime(2026, 11, 29, 15, 4, 5, tzinfo=timezone.utc)  # a Sunday
    assert simulate(xml, now=now).spoken() == ["11/29/2026 15:04:05 3 15 1 2026"]


def test_variables_override_built_ins() -> None:
    xml = plan('<play type="tts">${global.date.year}</play>')
    assert simulate(xml, variables={"global.date.year": "1999"}).spoken() == ["1999"]


# -- record, http, sms, dnc, wait, dtmf ---------------------------------------------------


def test_record_saves_a_file_named_after_the_tag() -> None:
    xml = plan(
        """<record name="vm_box" varname="vm_url"/>
    <record/>
    <play type="url">${vm_url}</play>"""
    )
    transcript = simulate(xml)
    assert transcript.of(Record) == [Record("vm_url", "vm_box.mp3"), Record(None, "recording.mp3")]
    assert transcript.spoken() == ["vm_box.mp3"]
    assert transcript[0].to_dict() == {"event": "record", "varname": "vm_url", "url": "vm_box.mp3"}


HTTP = plan(
    """<get varname="balance">https://api.example.org/b?acct=${acct}&amp;c=${call.callerid}</get>
    <post varname="ticket">https://crm.example.org/t</post>
    <play type="tts">Balance ${balance}, ticket ${ticket}.</play>"""
)


def test_http_answers_from_a_table() -> None:
    table = {
        "https://api.example.org/b?acct=7&c=555": "12.50",
        "POST https://crm.example.org/t": "T-1",
    }
    transcript = simulate(HTTP, variables={"acct": 7, "call.callerid": "555"}, http=table)
    assert transcript.spoken() == ["Balance 12.50, ticket T-1."]
    assert transcript.of(Http) == [
        Http("GET", "https://api.example.org/b?acct=7&c=555", "balance"),
        Http("POST", "https://crm.example.org/t", "ticket"),
    ]
    assert transcript[1].to_dict() == {
        "event": "http",
        "method": "POST",
        "url": "https://crm.example.org/t",
        "varname": "ticket",
    }


def test_http_answers_from_a_function() -> None:
    seen: list[tuple[str, str]] = []

    def answer(method: str, url: str) -> str:
        seen.append((method, url))
        return method.lower()

    transcript = simulate(HTTP, http=answer)
    assert transcript.spoken() == ["Balance get, ticket post."]
    assert [m for m, _ in seen] == ["GET", "POST"]


def test_http_without_responder_gets_empty_bodies() -> None:
    assert simulate(HTTP).spoken() == ["Balance , ticket ."]


def test_http_table_miss_is_an_error_naming_the_request() -> None:
    with pytest.raises(SimulationError, match=r"line 2: <get> .*no scripted response for GET"):
        simulate(HTTP, http={})


def test_sms_dnc_wait_dtmf_and_skipped_tags() -> None:
    xml = plan(
        """<sms to="${number}">Your code is ${code}.</sms>
    <sms>Thanks!</sms>
    <dnc/>
    <wait>2</wait>
    <dtmf>1234#</dtmf>
    <analytics category="ivr"/>"""
    )
    transcript = simulate(
        xml, variables={"number": "15550001", "code": 9, "call.callerid": "1213"}, check=False
    )
    assert list(transcript)[:-1] == [
        Sms("15550001", "Your code is 9."),
        Sms("1213", "Thanks!"),
        Dnc(),
        Wait("2"),
        Dtmf("1234#"),
        Skip("analytics"),
    ]
    assert [e.to_dict() for e in transcript][:3] == [
        {"event": "sms", "to": "15550001", "text": "Your code is 9."},
        {"event": "sms", "to": "1213", "text": "Thanks!"},
        {"event": "dnc"},
    ]


# -- hangup, transfer, amd --------------------------------------------------------------


def test_hangup_ends_the_call() -> None:
    transcript = simulate(plan('<hangup/><play type="tts">never</play>'), check=False)
    assert list(transcript) == [Hangup(), End("hangup")]
    assert transcript.to_dicts() == [{"event": "hangup"}, {"event": "end", "reason": "hangup"}]


TRANSFER = plan(
    """<transfer callerid="${call.callerid}" timeout="20" mode="waterfall">
      15550002222, 15550003333
    </transfer>
    <play type="tts">Nobody is free right now.</play>"""
)


def test_answered_transfer_ends_the_call() -> None:
    transcript = simulate(TRANSFER, variables={"call.callerid": "12135551100"})
    event = transcript[0]
    assert isinstance(event, Transfer)
    assert event.numbers == ("15550002222", "15550003333")
    assert event.to_dict() == {
        "event": "transfer",
        "numbers": ["15550002222", "15550003333"],
        "callerid": "12135551100",
        "musiconhold": "ringing",
        "continue-after": "false",
        "mode": "waterfall",
        "timeout": "20",
        "answered": True,
    }
    assert transcript.end_reason == "transfer"
    assert transcript.spoken() == []


def test_unanswered_transfer_goes_on() -> None:
    for outcome in ("unanswered", False):
        transcript = simulate(TRANSFER, transfers=[outcome])
        assert transcript.of(Transfer)[0].answered is False
        assert transcript.spoken() == ["Nobody is free right now."]
        assert transcript.end_reason == "end of dialplan"


def test_continue_after_returns_to_the_dialplan() -> None:
    xml = plan(
        """<transfer continue-after="true">15550002222</transfer>
    <play type="tts">Welcome back.</play>"""
    )
    assert simulate(xml).spoken() == ["Welcome back."]


def test_transfer_outcomes_are_consumed_in_order() -> None:
    xml = plan("""<transfer>1</transfer><transfer>2</transfer><transfer>3</transfer>""")
    transcript = simulate(xml, transfers=["unanswered", "unanswered"])
    assert [t.answered for t in transcript.of(Transfer)] == [False, False, True]


@pytest.mark.parametrize(("answered_by", "said"), [("human", "Hi there."), ("machine", "Call us.")])
def test_amd_runs_live_or_machine(answered_by: str, said: str) -> None:
    xml = plan(
        """<amd>
      <live><play type="tts">Hi there.</play></live>
      <machine><play type="tts">Call us.</play></machine>
    </amd>"""
    )
    transcript = simulate(xml, answered_by=answered_by)  # type: ignore[arg-type]
    assert transcript[0] == Amd(answered_by)
    assert transcript.spoken() == [said]


# -- catch -------------------------------------------------------------------------------


CATCH = plan(
    """<catch type="digit" value="0" goto="operator">
      <menu name="main"><play type="tts">Press 1 for billing, 0 for an operator.</play>
        <keypress pressed="1"><play type="tts">Billing.</play></keypress>
        <keypress pressed="0"><play type="tts">never: the catch fires first</play></keypress>
      </menu>
    </catch>
    <hangup/>
    <transfer name="operator">15550004444</transfer>"""
)


def test_digit_catch_jumps_when_its_key_is_pressed() -> None:
    transcript = simulate(CATCH, ["0"])
    assert transcript.spoken() == ["Press 1 for billing, 0 for an operator."]
    assert transcript.of(Transfer)[0].numbers == ("15550004444",)
    assert transcript.end_reason == "transfer"


def test_digit_catch_lets_other_keys_through() -> None:
    transcript = simulate(CATCH, ["1"])
    assert transcript.spoken()[1:] == ["Billing."]
    assert transcript.end_reason == "hangup"


def test_digit_catch_does_not_apply_outside_its_body() -> None:
    xml = plan(
        """<catch type="digit" value="0" goto="op"><play type="tts">Hi.</play></catch>
    <menu><play type="tts">Press.</play>
      <keypress pressed="0"><play type="tts">Zero.</play></keypress></menu>
    <play name="op" type="tts">Operator.</play>"""
    )
    assert simulate(xml, ["0"]).spoken() == ["Hi.", "Press.", "Zero.", "Operator."]


HANGUP_CATCH = plan(
    """<catch type="hangup" goto="wrapup">
      <menu><play type="tts">Rate us.</play>
        <keypress pressed="default"><stash varname="rating">${call.lastinput}</stash></keypress>
      </menu>
      <menu><play type="tts">Anything else?</play>
        <keypress pressed="1"><play type="tts">OK.</play></keypress>
      </menu>
    </catch>
    <hangup/>
    <post name="wrapup">https://hooks.example.org/done?r=${call.lastinput}</post>
    <menu><play type="tts">Never asked: the caller is gone.</play>
      <keypress pressed="1"><play type="tts">x</play></keypress></menu>"""
)


def test_hangup_catch_runs_clean_up_when_the_caller_leaves() -> None:
    transcript = simulate(HANGUP_CATCH, ["4"])  # then the inputs run out
    assert transcript.stashed() == {"rating": "4"}
    assert transcript.of(Http) == [Http("POST", "https://hooks.example.org/done?r=4")]
    assert transcript.end_reason == "inputs exhausted"


def test_hangup_catch_on_a_scripted_hangup() -> None:
    transcript = simulate(HANGUP_CATCH, ["4", "hangup"])
    assert transcript.inputs() == ["4", "hangup"]
    assert len(transcript.of(Http)) == 1
    assert transcript.end_reason == "caller hangup"


def test_own_hangup_does_not_fire_the_hangup_catch() -> None:
    transcript = simulate(HANGUP_CATCH, ["4", "1"])
    assert transcript.of(Http) == []
    assert transcript.end_reason == "hangup"


# -- loops and limits ----------------------------------------------------------------------


def test_endless_loop_stops_with_the_last_steps() -> None:
    xml = plan(
        """<play name="top" type="tts">Please hold.</play>
    <wait>1</wait>
    <goto>top</goto>"""
    )
    with pytest.raises(StepLimitError) as info:
        simulate(xml, max_steps=50)
    error = info.value
    assert error.max_steps == 50
    assert error.last_steps == ['line 2 <play name="top">', "line 3 <wait>", "line 4 <goto>"] * 4
    assert "within 50 steps" in str(error)
    assert 'line 2 <play name="top">' in str(error)


def test_default_step_limit_allows_long_but_finite_calls() -> None:
    xml = plan(
        """<setvar varname="i">0</setvar>
    <setvar name="loop" varname="i">${i}+1</setvar>
    <if expr="${i} &lt; 300"><goto>loop</goto></if>
    <play type="tts">Counted to ${i}.</play>"""
    )
    assert simulate(xml).spoken() == ["Counted to 300."]


# -- arguments ---------------------------------------------------------------------------


def test_accepts_a_model_text_or_bytes() -> None:
    xml = plan('<play type="tts">Hi.</play>')
    built = Dialplan(name="Root")
    built.play("Hi.", type="tts")
    for source in (xml, xml.encode(), parse(xml), built):
        assert simulate(source).spoken() == ["Hi."]


def test_dialplans_with_errors_are_refused_unless_check_is_off() -> None:
    xml = plan("<goto>nowhere</goto>")
    with pytest.raises(DialplanError) as info:
        simulate(xml)
    assert [f.code for f in info.value.findings if f.severity == "error"] == ["CF400"]
    with pytest.raises(SimulationError, match="no tag is named 'nowhere'"):
        simulate(xml, check=False)


@pytest.mark.parametrize("bad", ["12a", "", "time out", "-1"])
def test_bad_inputs_are_refused_before_running(bad: str) -> None:
    with pytest.raises(SimulationError, match="is not a key sequence"):
        simulate(MENU, ["1", bad])


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(SimulationError, match="answered_by"):
        simulate(MENU, answered_by="robot")  # type: ignore[arg-type]
    with pytest.raises(SimulationError, match="max_steps"):
        simulate(MENU, max_steps=0)
    with pytest.raises(SimulationError, match="transfer outcome"):
        simulate(MENU, transfers=["maybe"])
    with pytest.raises(DialplanTypeError, match=r"simulate\(\) takes a Dialplan"):
        simulate(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        ({"max_steps": "100"}, "max_steps must be a whole number"),
        ({"max_steps": True}, "max_steps must be a whole number"),
        ({"inputs": None}, "inputs must be a list of strings, not NoneType"),
        ({"inputs": b"1"}, "inputs must be a list of strings, not bytes"),
        ({"transfers": 3}, "transfers must be a list of strings, not int"),
        ({"variables": [("a", "b")]}, "variables must be a mapping"),
        ({"now": "2024-01-01"}, "now must be a datetime, not str"),
        ({"http": ["https://x.example"]}, "http must be a mapping of URLs to bodies or a function"),
    ],
)
def test_arguments_of_the_wrong_type_are_simulation_errors(
    arguments: dict[str, object], words: str
) -> None:
    # A regression: TypeError or AttributeError from deep inside, or (http) a misleading
    # "no scripted response" once a request was reached.
    with pytest.raises(SimulationError, match=re.escape(words)):
        simulate(MENU, **arguments)  # type: ignore[arg-type]


def test_one_string_is_one_scripted_entry() -> None:
    # A regression: a bare string was iterated, "12" becoming two inputs "1" and "2",
    # and transfers="unanswered" failing on the outcome 'u'.
    xml = (
        '<dialplan><menu maxDigits="2"><play type="tts">Pick.</play>'
        '<keypress pressed="12"><transfer>15550001111</transfer></keypress>'
        '<keypress pressed="default"><hangup/></keypress></menu>'
        '<play type="tts">Nobody answered.</play></dialplan>'
    )
    transcript = simulate(xml, "12", transfers="unanswered")
    assert transcript.inputs() == ["12"]
    assert transcript.spoken()[-1] == "Nobody answered."


def test_keyword_inputs_are_case_insensitive() -> None:
    assert simulate(MENU, ["TimeOut"]).inputs() == ["timeout"]


# -- the transcript ------------------------------------------------------------------------


def test_transcript_reads_as_text_and_json() -> None:
    transcript = simulate(MENU, ["1"])
    assert isinstance(transcript, Transcript)
    text = str(transcript)
    assert text.splitlines()[0].startswith("play ")
    assert "input" in text and "end" in text.splitlines()[-1]
    import json

    assert json.loads(transcript.to_json()) == transcript.to_dicts()
    assert transcript.to_dicts()[1] == {"event": "input", "value": "1"}
    assert transcript.to_dicts()[-1] == {"event": "end", "reason": "end of dialplan"}
    assert len(transcript) == len(transcript.to_dicts())
    assert transcript.of(Input) == [Input("1")]


def test_events_are_immutable() -> None:
    event = Play("Hi.")
    with pytest.raises(AttributeError):
        event.text = "Bye."  # type: ignore[misc]
    assert repr(event) == "Play(text='Hi.', type='tts', voice=None)"
    assert type(event).__module__ == "cftools.dialplan"


def test_goto_the_root_restarts_the_dialplan() -> None:
    xml = plan(
        """<play type="tts">Top.</play>
    <menu><play type="tts">Again?</play>
      <keypress pressed="1"><goto>Root</goto></keypress></menu>"""
    )
    assert simulate(xml, ["1", "2"]).spoken() == ["Top.", "Again?", "Top.", "Again?"]


def test_numbers_in_setvar_are_kept_as_written() -> None:
    xml = plan(
        '<setvar varname="a">12.50</setvar><setvar varname="b">-3</setvar>'
        '<setvar varname="c">1.5 * 2</setvar>'
    )
    assert [e.value for e in simulate(xml).of(Set)] == ["12.50", "-3", "3"]


def test_a_variable_that_keeps_growing_is_stopped() -> None:
    xml = plan(
        """<setvar varname="x">words</setvar>
    <setvar name="grow" varname="x">${x} ${x}</setvar>
    <goto>grow</goto>"""
    )
    with pytest.raises(SimulationError, match=r"line 3: <setvar name=\"grow\">.*over the"):
        simulate(xml, check=False)


def test_expressions_share_a_time_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    from cftools.dialplan import _simulate

    monkeypatch.setattr(_simulate, "JS_BUDGET", 0.0)
    with pytest.raises(
        SimulationError, match=r"line 3: <if> at .*: expressions ran for more than 0 s"
    ):
        simulate(plan('<if expr="1 + 1 == 3"><hangup/></if>\n<if expr="true"><hangup/></if>'))


def test_office_hours_in_javascript_follow_the_simulated_clock() -> None:
    xml = plan(
        """<if expr="new Date().getHours() &gt;= 9 &amp;&amp; new Date().getHours() &lt; 17">
      <play type="tts">Open.</play><else><play type="tts">Closed.</play></else></if>"""
    )
    morning = datetime(2026, 11, 25, 10, tzinfo=timezone.utc)
    night = datetime(2026, 11, 25, 22, tzinfo=timezone.utc)
    assert simulate(xml, now=morning).spoken() == ["Open."]
    assert simulate(xml, now=night).spoken() == ["Closed."]


def test_now_is_read_in_utc() -> None:
    from datetime import timedelta

    xml = plan('<play type="tts">${global.time.hour.military} ${global.date.day}</play>')
    pacific = datetime(2026, 11, 25, 17, 30, tzinfo=timezone(timedelta(hours=-8)))
    assert simulate(xml, now=pacific).spoken() == ["1 26"]
    assert simulate(xml, now=datetime(2026, 11, 25, 17, 30)).spoken() == ["17 25"]  # naive: UTC


def test_without_quickjs_only_expressions_need_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from cftools.dialplan import _js

    real = importlib.import_module

    def no_quickjs(name: str, *args: object) -> object:
        if name == "quickjs":
            raise ImportError("no quickjs")
        return real(name)

    monkeypatch.setattr(_js, "_module", None)
    monkeypatch.setattr(_js.importlib, "import_module", no_quickjs)
    assert simulate(MENU, ["1"]).spoken()[-1] == "Goodbye."
    assert simulate(plan('<setvar varname="n">42</setvar>')).variables["n"] == "42"
    with pytest.raises(CftoolsError, match=r"pip install 'cftools\[simulate\]'"):
        simulate(plan('<if expr="1 == 1"><hangup/></if>'))


def test_a_max_digits_in_another_script_is_ignored_not_a_crash() -> None:
    # A regression: "²".isdigit() is true but int("²") raises ValueError.
    xml = (
        '<dialplan><menu maxDigits="²"><play type="tts">Pick.</play>'
        '<keypress pressed="12"><hangup/></keypress></menu></dialplan>'
    )
    assert simulate(xml, ["12"], check=False).end_reason == "hangup"


def test_simulated_branches_match_as_the_validator_reads_pressed() -> None:
    xml = (
        '<dialplan><menu maxDigits="2"><play type="tts">Pick.</play>'
        '<keypress pressed=" 10 - 12 "><play type="tts">range</play></keypress>'
        '<keypress pressed="\u0661"><play type="tts">not a key</play></keypress>'
        '<keypress pressed="Default"><play type="tts">other</play></keypress></menu></dialplan>'
    )
    assert simulate(xml, ["11"], check=False).spoken() == ["Pick.", "range"]
    assert simulate(xml, ["1"], check=False).spoken() == ["Pick.", "other"]


def test_targets_resolve_as_the_validator_resolves_them() -> None:
    # A regression: validate() matched name=" main " and goto=" op " trimmed, as CallFire
    # trims values, but the simulator compared them as written: "no tag is named".
    xml = (
        '<dialplan><catch type=" Digit " value="0" goto=" op ">'
        '<menu name=" main "><play type="tts">Pick.</play>'
        '<keypress pressed="1"><goto>main</goto></keypress>'
        '<keypress pressed="default"><hangup/></keypress></menu></catch>'
        '<transfer name="op">15550001111</transfer></dialplan>'
    )
    assert validate(xml).ok
    assert simulate(xml, ["1", "0"]).inputs() == ["1", "0"]
    assert simulate(xml, ["1", "0"]).end_reason == "transfer"
    plan = parse(xml)
    assert plan.find("op ") is plan.find("op") is plan.elements[1]


def _raised(function: Callable[[], object]) -> BaseException:
    with pytest.raises(CftoolsError) as exc:
        function()
    return exc.value


@pytest.mark.parametrize(
    "function",
    [
        lambda: validate("<dialplan><play/></dialplan>").raise_for_errors(),
        lambda: parse("<dialplan>\n<play>"),
        lambda: parse(42),  # type: ignore[arg-type]
        lambda: simulate(plan('<play name="a" type="tts">x</play><goto>a</goto>'), max_steps=5),
        lambda: simulate(plan('<if expr="("><hangup/></if>'), check=False),
        lambda: simulate(plan("<goto>${x}</goto>"), check=False),
        lambda: evaluate("("),
    ],
)
def test_errors_pickle_and_copy_with_their_attributes(function: Callable[[], object]) -> None:
    # A regression: the default protocol called __init__ with the message alone, which
    # these classes do not take (TypeError), or rebuilt DialplanError with findings made
    # of the message's characters (AttributeError), e.g. across a multiprocessing pool.
    error = _raised(function)
    for twin in (pickle.loads(pickle.dumps(error)), copy.copy(error)):
        assert type(twin) is type(error)
        assert str(twin) == str(error)
        assert vars(twin) == vars(error)


def test_bytes_from_an_http_answer_or_a_preset_are_decoded() -> None:
    # A regression: a body returned as bytes (requests' .content) became "b'42'".
    xml = plan('<get varname="n">https://x.example/n</get><play type="tts">${n} ${m}</play>')
    transcript = simulate(xml, http=lambda _method, _url: b"42", variables={"m": "é".encode()})
    assert transcript.spoken() == ["42 é"]
