"""The typed builder: children returned, with blocks, wire names, encoding, refusals."""

from __future__ import annotations

import enum
from pathlib import Path

import pytest

import cftools.dialplan
from cftools import CftoolsError
from cftools.dialplan import Dialplan, DialplanError, DialplanTypeError, Element, parse, validate


class Voice(enum.Enum):
    FEMALE = "female1"


def build_menu() -> Dialplan:
    plan = Dialplan(name="Root")
    with plan.menu(name="main", max_digits=1, timeout=5000) as menu:
        menu.play("Press 1 for sales.", voice=Voice.FEMALE, cache=True)
        with menu.keypress(1) as one:
            one.transfer(
                ["15550001111", "15550002222"],
                continue_after=True,
                whisper_tts="Sales call",
                mode="waterfall",
                timeout=20,
            )
        menu.keypress("default").goto("main")
    plan.hangup()
    return plan


def test_methods_return_the_child_and_nest_with_blocks() -> None:
    plan = build_menu()
    menu = plan.elements[0]
    assert menu.tag == "menu"
    assert menu.parent is plan
    assert [e.tag for e in menu.elements] == ["play", "keypress", "keypress"]
    assert menu.elements[2].elements[0].value == "main"
    assert plan.elements[1].tag == "hangup"


def test_keywords_map_to_wire_names_and_values_are_encoded() -> None:
    plan = build_menu()
    menu = plan.elements[0]
    assert menu.attrs == {"name": "main", "maxDigits": "1", "timeout": "5000"}
    assert menu.elements[0].attrs == {"type": "tts", "voice": "female1", "cache": "true"}
    transfer = menu.elements[1].elements[0]
    assert transfer.attrs == {
        "continue-after": "true",
        "whisper-tts": "Sales call",
        "mode": "waterfall",
        "timeout": "20",
    }
    assert transfer.text == "15550001111,15550002222"


def test_built_dialplan_serializes_parses_back_equal_and_validates_clean() -> None:
    plan = build_menu()
    xml = plan.to_xml()
    assert '<menu name="main" timeout="5000" maxDigits="1">' in xml
    assert parse(xml) == plan
    assert validate(plan).findings == ()
    assert validate(xml).findings == ()


def test_every_builder_method_adds_its_tag() -> None:
    plan = Dialplan()
    plan.setvar("n", 0)
    plan.stash("field", "${n}")
    plan.record(name="vm", varname="vm_url", background=False, timeout=30)
    plan.get("https://example.org/?a=${n}", varname="g")
    plan.post("https://example.org/", varname="p")
    with plan.if_("${n} > 1") as cond:
        cond.wait(2)
        cond.else_().dnc(logging_enabled=True)
    plan.equal("${n}", "1").sms("hi", to="${call.callerid}")
    plan.not_equal("${n}", "1").text_message("hi", to="15550001111")
    with plan.amd() as amd:
        amd.live().dtmf("12#")
        amd.machine().goto_xml("https://example.org/next.xml")
    plan.catch("digit", "vm", value=0).analytics(account="UA-1", action="pressed")
    plan.gtalk("hello", username="u", password="secret", to="x@example.org")
    tags = [e.tag for e in plan.iter()]
    assert tags == [
        "dialplan", "setvar", "stash", "record", "get", "post", "if", "wait", "else", "dnc",
        "equal", "sms", "notEqual", "text", "amd", "live", "dtmf", "machine", "gotoXML",
        "catch", "analytics", "gtalk",
    ]  # fmt: skip
    assert parse(plan.to_xml()) == plan
    assert validate(plan).ok


def test_misplaced_child_is_refused_with_a_finding() -> None:
    plan = Dialplan()
    with pytest.raises(DialplanError) as exc:
        plan.keypress("1")
    assert exc.value.findings[0].code == "CF202"
    assert "menu" in str(exc.value)
    with pytest.raises(DialplanError):
        plan.play("x").hangup()  # action tags hold no children
    with pytest.raises(DialplanError):
        plan.else_()


def test_enumerations_are_checked_and_variables_pass() -> None:
    plan = Dialplan()
    with pytest.raises(DialplanError, match="one of: tts, callfireid, url"):
        plan.play("x", type="mp3")  # type: ignore[arg-type]
    with pytest.raises(DialplanError, match="ringall"):
        plan.transfer("1555", mode="sequential")  # type: ignore[arg-type]
    assert plan.play("x", type="URL").attrs["type"] == "URL"  # type: ignore[arg-type]
    assert plan.transfer("1555", musiconhold="Silent").attrs["musiconhold"] == "Silent"
    assert plan.play("x", voice="${voice}").attrs["voice"] == "${voice}"  # type: ignore[arg-type]


def test_booleans_only_for_boolean_attributes() -> None:
    with pytest.raises(DialplanError, match="no boolean"):
        Dialplan().menu(timeout=True)
    with pytest.raises(DialplanError, match="cannot encode"):
        Dialplan().menu(timeout=[1])  # type: ignore[arg-type]


def test_unknown_attributes_need_the_escape_hatch() -> None:
    with pytest.raises(TypeError):
        Dialplan().play("x", colour="red")  # type: ignore[call-arg]
    play = Dialplan().play("x", extra_attrs={"loggingEnabled": "true"})
    assert play.attrs["loggingEnabled"] == "true"
    with pytest.raises(DialplanError):
        Dialplan().play("x", extra_attrs={"a": 1})  # type: ignore[dict-item]


def test_errors_are_cftools_value_errors() -> None:
    assert issubclass(DialplanError, CftoolsError)
    assert issubclass(DialplanError, ValueError)
    assert repr(DialplanError).startswith("<class 'cftools.dialplan.DialplanError'")


def test_password_never_shows_in_repr() -> None:
    gtalk = Dialplan().gtalk("hi", username="u", password="hunter2")
    assert "hunter2" not in repr(gtalk)
    assert "***" in repr(gtalk)


def test_phone_numbers_may_be_ints() -> None:
    # A regression: transfer(15550001111) and transfer(["1555", 1556]) raised TypeError
    # from str.join, although the builder encodes ints everywhere else.
    plan = Dialplan()
    assert plan.transfer(15550001111).text == "15550001111"
    assert plan.transfer(["15550001111", 15550002222]).text == "15550001111,15550002222"
    with pytest.raises(DialplanError, match="cannot encode"):
        plan.transfer([b"1555"])  # type: ignore[list-item]


@pytest.mark.parametrize(
    "build",
    [
        lambda: Dialplan().play(b"hello"),  # was written as "b'hello'"
        lambda: Dialplan().setvar("x", [1, 2]),  # was written as "[1, 2]"
        lambda: Dialplan().wait(float("nan")),  # was written as "nan"
        lambda: Dialplan(name=b"Root"),  # type: ignore[arg-type]
    ],
)
def test_values_are_encoded_alike_in_text_and_attributes(build: object) -> None:
    with pytest.raises(DialplanError, match="cannot encode"):
        build()  # type: ignore[operator]


def test_the_root_checks_its_attributes_like_every_tag() -> None:
    # A regression: Dialplan(name=5) or extra_attrs={"x": 5} were stored as ints and
    # failed later in to_xml() with lxml's TypeError.
    assert Dialplan(name=5).to_xml() == '<dialplan name="5"/>\n'  # type: ignore[arg-type]
    with pytest.raises(DialplanError, match="must be strings"):
        Dialplan(extra_attrs={"x": 5})  # type: ignore[dict-item]
    with pytest.raises(DialplanError, match="must be strings"):
        Dialplan().hangup(extra_attrs={1: "x"})  # type: ignore[dict-item]


@pytest.mark.parametrize("text", ["a\x00b", "a\ud800b", "\x1b[31m", "\uffff"])
def test_text_xml_cannot_carry_is_refused_when_built(text: str) -> None:
    # A regression: accepted by the builder, then refused by to_xml() much later.
    plan = Dialplan()
    with pytest.raises(DialplanError, match="cannot be written in XML"):
        plan.play(text)
    with pytest.raises(DialplanError, match="cannot be written in XML"):
        plan.play("ok", extra_attrs={"note": text})
    assert plan.children == []


def test_a_built_tree_too_deep_to_read_back_is_refused_by_to_xml() -> None:
    # A regression: RecursionError from to_xml() past ~1000 levels, and below that XML
    # that parse() refuses (it reads at most 256 levels).
    def nested(levels: int) -> Dialplan:
        plan = Dialplan()
        element: Element = plan
        for _ in range(levels - 2):
            element = element.if_("1")
        element.hangup()
        return plan

    fits = nested(256)
    assert parse(fits.to_xml()) == fits
    for levels in (257, 5000):
        with pytest.raises(DialplanError, match="nested more than 256 deep"):
            nested(levels).to_xml()
    assert nested(5000) == nested(5000)  # was a RecursionError too
    assert nested(5000) != nested(4999)


@pytest.mark.parametrize(
    "build",
    [
        lambda: Dialplan(children=["<hangup/>"]),  # type: ignore[list-item]
        lambda: Element("menu", children=[None]),  # type: ignore[list-item]
        lambda: Dialplan().append(5),  # type: ignore[type-var]
    ],
)
def test_only_elements_and_comments_can_be_children(build: object) -> None:
    # A regression: AttributeError "'str' object has no attribute 'parent'".
    with pytest.raises(DialplanTypeError, match=r"append\(\) takes an Element or a Comment"):
        build()  # type: ignore[operator]


# -- Issues 9 and 10: the builder checks every value the table constrains ----------------


@pytest.mark.parametrize(
    ("build", "code"),
    [
        (lambda p: p.menu(timeout="soon"), "CF301"),
        (lambda p: p.menu(max_digits="one"), "CF301"),
        (lambda p: p.menu(max_digits=1.5), "CF301"),
        (lambda p: p.transfer("15550001111", timeout="later"), "CF301"),
        (lambda p: p.play("x", cache="yes"), "CF300"),  # type: ignore[arg-type]
        (lambda p: p.transfer("15550001111", mode="all"), "CF300"),  # type: ignore[arg-type]
        (lambda p: p.menu().keypress("abc"), "CF302"),
        (lambda p: p.menu().keypress("6-4"), "CF303"),
        (lambda p: p.menu().keypress(""), "CF208"),
        (lambda p: p.catch("digit", "x", value="12"), "CF312"),
        (lambda p: p.stash("", "v"), "CF208"),
        (lambda p: p.if_(""), "CF208"),
        (lambda p: p.play(""), "CF209"),
        (lambda p: p.goto(""), "CF209"),
        (lambda p: p.wait("soon"), "CF301"),
        (lambda p: p.play("hello.wav", type="callfireid"), "CF314"),
    ],
)
def test_the_builder_refuses_values_the_table_forbids(build: object, code: str) -> None:
    plan = Dialplan(name="Root")
    with pytest.raises(DialplanError) as info:
        build(plan)  # type: ignore[operator]
    assert [f.code for f in info.value.findings] == [code]


@pytest.mark.parametrize(
    "build",
    [
        lambda p: p.menu().keypress(None),  # type: ignore[arg-type]
        lambda p: p.setvar(None, "1"),  # type: ignore[arg-type]
        lambda p: p.stash(None, "v"),  # type: ignore[arg-type]
        lambda p: p.catch(type=None, goto=None),  # type: ignore[arg-type]
        lambda p: p.catch("hangup", None),  # type: ignore[arg-type]
        lambda p: p.catch("digit", "x"),
        lambda p: p.play("x", type=None),  # type: ignore[arg-type]
        lambda p: p.equal(None, "1"),  # type: ignore[arg-type]
        lambda p: p.goto(None),  # type: ignore[arg-type]
    ],
)
def test_the_builder_refuses_a_missing_required_value(build: object) -> None:
    plan = Dialplan(name="Root")
    with pytest.raises(DialplanTypeError):
        build(plan)  # type: ignore[operator]
    assert {e.tag for e in plan.iter()} <= {"dialplan", "menu"}  # nothing half-built


def test_the_builder_still_takes_variables_and_documented_spellings() -> None:
    plan = Dialplan(name="Root")
    with plan.menu(timeout="${t}", max_digits="${n}") as menu:
        menu.play("Hi", type="URL")  # type: ignore[arg-type]
        menu.keypress("Default").hangup()
        menu.keypress("${key}").hangup()
    plan.wait("1.5")
    plan.catch("digit", "x", value="#").hangup()
    plan.play("${sound}", type="callfireid")
    assert plan.elements[0].attrs == {"timeout": "${t}", "maxDigits": "${n}"}


def test_a_misspelt_keyword_gets_did_you_mean() -> None:
    plan = Dialplan(name="Root")
    with pytest.raises(DialplanTypeError, match=r"'maxdigits'; did you mean max_digits="):
        plan.menu(maxdigits=1)  # type: ignore[arg-type]
    with pytest.raises(DialplanTypeError, match=r"did you mean continue_after="):
        plan.transfer("15550001111", continue_afer=True)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"'colour'; it takes: name, type, voice, cache"):
        plan.play("x", colour="red")  # type: ignore[arg-type]
    assert plan.children == []


@pytest.mark.slow
def test_a_misspelt_keyword_stays_an_error_for_mypy(tmp_path: Path) -> None:
    api = pytest.importorskip("mypy.api")
    code = (
        "from cftools.dialplan import Dialplan\n"
        'Dialplan(name="Root").menu(maxdigits=1)\n'
        'Dialplan(name="Root").menu(max_digits=1).keypress("1").hangup()\n'
    )
    src = Path(cftools.dialplan.__file__).parents[2]
    env = {"MYPYPATH": str(src)}
    with pytest.MonkeyPatch.context() as patch:
        for key, value in env.items():
            patch.setenv(key, value)
        patch.chdir(tmp_path)  # away from the project's [tool.mypy] files setting
        out, _err, status = api.run(
            ["--strict", "--follow-imports=silent", "--cache-dir", str(tmp_path / "cache"),
             "--config-file", "", "-c", code]
        )  # fmt: skip
    assert status == 1, out
    assert out.count("error:") == 1 and '"maxdigits" to "menu"' in out, out
