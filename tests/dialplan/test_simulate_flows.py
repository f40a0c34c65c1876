"""Whole calls through realistic dialplans (``tests/dialplan/data``): the way an IVR
developer would test theirs before anyone dials in."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from cftools.dialplan import Http, Record, Sms, Transfer, simulate, validate

pytest.importorskip("quickjs", reason="the simulate extra (quickjs) is not installed")

DATA = Path(__file__).parent / "data"
SURVEY = (DATA / "survey.xml").read_bytes()
APPOINTMENT = (DATA / "appointment_confirmation.xml").read_bytes()
TREE = (DATA / "transfer_tree.xml").read_bytes()

OFFICE_HOURS = datetime(2026, 11, 25, 14, 30, tzinfo=timezone.utc)
NIGHT = datetime(2026, 11, 25, 23, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize("source", [SURVEY, APPOINTMENT, TREE], ids=["survey", "appt", "tree"])
def test_flow_dialplans_validate_without_errors_or_graph_warnings(source: bytes) -> None:
    report = validate(source)
    assert report.ok
    assert not [f for f in report if f.code.startswith("CF6")]


# -- survey ----------------------------------------------------------------------------------


def test_survey_happy_path() -> None:
    transcript = simulate(
        SURVEY, ["5", "1"], variables={"contact.firstName": "Ada", "call.id": "c1"}
    )
    assert transcript.spoken() == [
        "Thanks for taking our two-minute survey, Ada.",
        "On a scale of 1 to 5, how was your visit?",
        "Would you recommend us to a friend? Press 1 for yes, 2 for no.",
        "Thank you, your answers help us improve. Goodbye.",
    ]
    assert transcript.stashed() == {"visit": "5", "recommend": "yes"}
    assert transcript.of(Http) == [
        Http("POST", "https://survey.example.org/results?call=c1&visit=5", "receipt")
    ]
    assert transcript.end_reason == "hangup"


def test_survey_low_score_asks_why() -> None:
    transcript = simulate(SURVEY, ["2", "1", "2"])
    assert transcript.spoken()[2].startswith("Sorry to hear that.")
    assert transcript.stashed() == {"visit": "2", "problem": "wait", "recommend": "no"}


def test_survey_retries_wrong_keys_then_gives_up() -> None:
    transcript = simulate(SURVEY, ["7", "8", "9"])
    assert transcript.spoken()[1:] == [
        "On a scale of 1 to 5, how was your visit?",
        "Please press a number from 1 to 5.",
        "On a scale of 1 to 5, how was your visit?",
        "Please press a number from 1 to 5.",
        "On a scale of 1 to 5, how was your visit?",
        "Sorry, we could not understand you. Goodbye.",
    ]
    assert transcript.variables["tries"] == "3"
    assert transcript.end_reason == "hangup"


def test_survey_reports_partial_answers_when_the_caller_hangs_up() -> None:
    transcript = simulate(SURVEY, ["4", "hangup"], variables={"call.id": "c9"})
    assert transcript.stashed() == {"visit": "4"}
    assert transcript.of(Http) == [
        Http("POST", "https://survey.example.org/partial?call=c9&visit=4")
    ]
    assert transcript.end_reason == "caller hangup"


def test_survey_silence_repeats_the_question() -> None:
    transcript = simulate(SURVEY, ["timeout", "timeout", "3", "timeout"])
    assert transcript.spoken().count("On a scale of 1 to 5, how was your visit?") == 3
    assert transcript.stashed() == {"visit": "3", "recommend": "no answer"}


# -- appointment confirmation -----------------------------------------------------------------

APPT_VARS = {
    "contact.firstName": "Sam",
    "appt_date": "December 3",
    "appt_time": "10 AM",
    "appt_id": "A17",
    "call.phonenumber": "12135550123",
}


def test_appointment_confirmed_by_a_person() -> None:
    transcript = simulate(
        APPOINTMENT,
        ["1"],
        variables=APPT_VARS,
        http={"https://clinic.example.org/confirm?id=A17": "OK"},
    )
    assert transcript.spoken()[0] == (
        "Hello Sam. This is Riverside Dental reminding you of your appointment on "
        "December 3 at 10 AM."
    )
    assert transcript.of(Sms) == [
        Sms("12135550123", "Confirmed: Riverside Dental, December 3 at 10 AM.")
    ]
    assert transcript.stashed() == {"status": "confirmed"}
    assert transcript.end_reason == "hangup"


def test_appointment_confirmation_fails_on_the_server() -> None:
    transcript = simulate(APPOINTMENT, ["1"], variables=APPT_VARS, http=lambda m, u: "ERROR")
    assert transcript.of(Sms) == []
    assert transcript.spoken()[-1].startswith("We could not record your answer.")


def test_appointment_reschedule_with_busy_front_desk_takes_a_message() -> None:
    transcript = simulate(APPOINTMENT, ["2"], variables=APPT_VARS, transfers=["unanswered"])
    assert transcript.of(Transfer)[0].attribute("callerid") == "12135550123"
    assert transcript.of(Record) == [Record("callback_url", "callback.mp3")]
    assert transcript.of(Http)[-1].url == (
        "https://clinic.example.org/callback?id=A17&audio=callback.mp3"
    )
    assert transcript.end_reason == "hangup"


def test_appointment_reschedule_answered_ends_in_the_transfer() -> None:
    transcript = simulate(APPOINTMENT, ["2"], variables=APPT_VARS)
    assert transcript.end_reason == "transfer"
    assert transcript.of(Record) == []


def test_appointment_repeat_then_opt_out() -> None:
    transcript = simulate(APPOINTMENT, ["3", "9"], variables=APPT_VARS)
    assert [e.event for e in transcript].count("dnc") == 1
    assert transcript.spoken().count(transcript.spoken()[0]) == 2  # the details, twice
    assert transcript.stashed() == {"status": "opted out"}


def test_appointment_answering_machine_gets_a_message() -> None:
    transcript = simulate(APPOINTMENT, variables=APPT_VARS, answered_by="machine")
    assert transcript.to_dicts()[:2] == [
        {"event": "amd", "answered_by": "machine"},
        {"event": "wait", "seconds": "1"},
    ]
    assert transcript.spoken() == [
        "Hello, this is Riverside Dental reminding Sam of an appointment on December 3 at "
        "10 AM. Please call 555 010 7000 to confirm."
    ]
    assert transcript.stashed() == {"status": "voicemail"}


# -- transfer tree ----------------------------------------------------------------------------


def test_tree_sales_answered() -> None:
    transcript = simulate(TREE, ["1"], now=OFFICE_HOURS, variables={"call.callerid": "1213"})
    assert transcript.of(Transfer)[0].numbers == ("15550101001", "15550101002")
    assert transcript.end_reason == "transfer"


def test_tree_sales_busy_goes_to_voicemail() -> None:
    transcript = simulate(TREE, ["1"], transfers=["unanswered"], now=OFFICE_HOURS)
    assert transcript.spoken()[-1] == "Sales is busy. Leave a message after the tone."
    assert transcript.of(Record) == [Record("vm", "sales_vm.mp3")]


def test_tree_billing_waterfall_falls_back_to_general_voicemail() -> None:
    transcript = simulate(TREE, ["2", "1"], transfers=["unanswered"], now=OFFICE_HOURS)
    transfer = transcript.of(Transfer)[0]
    assert transfer.attribute("mode") == "waterfall"
    assert transfer.attribute("whisper-tts") == "Billing call from the main line"
    assert transcript.spoken()[-1].startswith("Nobody could take your call.")
    assert transcript.of(Record) == [Record("vm", "general_vm.mp3")]


def test_tree_technical_support_continues_after_the_call() -> None:
    transcript = simulate(TREE, ["2", "2"], now=OFFICE_HOURS)
    assert transcript.spoken()[-1] == "Thanks for calling Acme support. Goodbye."
    assert transcript.end_reason == "hangup"


def test_tree_star_goes_back_and_zero_reaches_the_operator_from_a_sub_menu() -> None:
    transcript = simulate(TREE, ["2", "*", "2", "0"], now=OFFICE_HOURS)
    assert transcript.inputs() == ["2", "*", "2", "0"]
    assert transcript.of(Transfer)[0].numbers == ("15550100000",)
    assert transcript.end_reason == "transfer"


def test_tree_after_hours_takes_a_message() -> None:
    transcript = simulate(TREE, now=NIGHT, variables={"call.callerid": "1213"})
    assert transcript.spoken() == ["You have reached Acme after hours. Please leave a message."]
    assert transcript.of(Http)[0].url == (
        "https://acme.example.org/voicemail?from=1213&audio=after_hours.mp3"
    )
    assert transcript.end_reason == "hangup"


def test_tree_caller_who_never_answers_loops_until_inputs_run_out() -> None:
    transcript = simulate(TREE, ["timeout"] * 5, now=OFFICE_HOURS)
    assert len(transcript.inputs()) == 5
    assert transcript.end_reason == "inputs exhausted"
