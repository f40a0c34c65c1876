"""Property tests: dialplans generated from the tag table serialize, parse back equal,
satisfy the schema and validate without errors; mutations never make validate raise,
and whatever the schema rejects the validator reports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from cftools.dialplan import TAGS, AttrSpec, Dialplan, Element, TagSpec, parse, validate
from cftools.dialplan._builder import BUILDER_METHODS

REPO = Path(__file__).resolve().parents[2]
SCHEMA = etree.RelaxNG(etree.parse(str(REPO / "grammars" / "dialplan.rng")))
EXAMPLES = [
    p.read_text(encoding="utf-8") for p in sorted((REPO / "examples" / "dialplans").glob("*.xml"))
]

# Free text: printable, XML-safe, with the characters that need escaping; "$" only in
# well-formed references to a variable the generated dialplan sets.
_CHARS = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="$\ufffe\uffff")
TEXT = st.builds(
    lambda a, v, b: f"{a}{v}{b}",
    st.text(_CHARS, max_size=12),
    st.sampled_from(["", "${count}", "${call.lastinput}"]),
    st.text(_CHARS, max_size=12),
).filter(lambda s: s.strip() != "")

_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "text": TEXT,
    "name": st.just(None),  # names are assigned afterwards, uniquely
    "ref": st.just("Root"),
    "int": st.integers(1, 60),
    "varname": st.sampled_from(["count", "answer", "vm_url"]),
    "expr": st.sampled_from(["1 == 1", "'${count}' == 'x'", "${count} > 2 && ${count} < 5"]),
    "phone": st.sampled_from(["15550001111", "${call.callerid}", "+1 (555) 000-2222"]),
    "digit": st.sampled_from(list("0123456789*")),
}
_TEXT_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "text": TEXT,
    "ref": st.just("Root"),
    "phones": st.sampled_from(["15550001111", "15550001111,15550002222", "${call.callerid}"]),
    "url": st.sampled_from(["https://example.org/a?x=1&y=${count}", "http://e.example/"]),
    "seconds": st.sampled_from([1, 2, "0.5"]),
    "expr": st.one_of(TEXT, st.just("${count}+1")),
    "digits": st.sampled_from(["123", "1#", "*9"]),
}


def attr_value(attr: AttrSpec) -> st.SearchStrategy[Any]:
    if attr.type in ("enum", "bool"):
        values: list[Any] = list(attr.enum)
        return st.sampled_from([v == "true" for v in values] if attr.type == "bool" else values)
    return _VALUES[attr.type]


@st.composite
def call(draw: st.DrawFn, spec: TagSpec) -> dict[str, Any]:
    """Keyword arguments for the builder method of ``spec``."""
    kwargs: dict[str, Any] = {}
    for attr in spec.attrs:
        if attr.type == "pressed" or attr.wire == "name":
            continue
        if attr.required or attr.required_when or draw(st.booleans()):
            kwargs[attr.py] = draw(attr_value(attr))
    if spec.wire == "catch" and kwargs["type"] == "digit":
        kwargs["value"] = draw(_VALUES["digit"])
    if spec.wire == "play":
        kind = kwargs["type"]
        kwargs["text"] = draw(
            {"tts": TEXT, "callfireid": st.integers(1, 99999), "url": _TEXT_VALUES["url"]}[kind]
        )
    else:
        content = BUILDER_METHODS[spec.wire][1]
        if content is not None and spec.text != "none":
            kwargs[content] = draw(_TEXT_VALUES[spec.text_type])
    return kwargs


STATEMENTS = sorted(t for t in TAGS["dialplan"].children if t not in ("goto", "hangup"))


@st.composite
def block(draw: st.DrawFn, parent: Element, depth: int) -> None:
    """Add 1-3 statements to ``parent`` (menus, amd and if get their required parts)."""
    for _ in range(draw(st.integers(1, 3))):
        choices = STATEMENTS if depth < 3 else [t for t in STATEMENTS if TAGS[t].kind == "action"]
        tag = draw(st.sampled_from(choices))
        spec = TAGS[tag]
        method = getattr(parent, BUILDER_METHODS[tag][0])
        child: Element = method(**draw(call(spec)))
        if tag == "menu":
            child.play(draw(TEXT))
            keys = draw(
                st.lists(
                    st.sampled_from(["1", "2", "#", "3-5", "timeout"]),
                    min_size=1,
                    max_size=3,
                    unique=True,
                )
            )
            for key in [*keys, "default"]:
                draw(block(child.keypress(key), depth + 1))
        elif tag == "amd":
            draw(block(child.live(), depth + 1))
            draw(block(child.machine(), depth + 1))
        elif tag == "if":
            draw(block(child, depth + 1))
            if draw(st.booleans()):
                draw(block(child.else_(), depth + 1))
        elif spec.kind == "container":
            draw(block(child, depth + 1))


@st.composite
def dialplans(draw: st.DrawFn) -> Dialplan:
    plan = Dialplan(name="Root")
    plan.setvar("count", 0)
    plan.setvar("answer", "")
    plan.record(varname="vm_url")
    draw(block(plan, 0))
    for number, element in enumerate(plan.iter()):
        if element is not plan and draw(st.booleans()):
            element.attrs = {"name": f"n{number}", **element.attrs}
    if draw(st.booleans()):
        plan.goto("Root")
    else:
        plan.hangup()
    return plan


@given(dialplans())
def test_generated_dialplans_round_trip_and_validate(plan: Dialplan) -> None:
    xml = plan.to_xml()
    back = parse(xml)
    assert back == plan
    assert back.to_xml() == xml
    assert parse(plan.to_xml(pretty=False)) == plan
    assert SCHEMA.validate(etree.fromstring(xml.encode())), SCHEMA.error_log
    report = validate(xml)
    # Only the SDK-only tags may warn: everything else generated is documented usage.
    # (Graph rules, CF6xx, judge the generated control flow and are tested on their own.)
    table_codes = {f.code for f in report if f.code < "CF600"}
    assert table_codes <= {"CF204"}, [f.format() for f in report]
    assert report.ok
    assert validate(plan).errors == ()


@given(dialplans(), st.booleans(), st.sampled_from(["", "<!-- <play> -->", "<![CDATA[<x>]]>"]))
def test_positions_point_at_each_tag(plan: Dialplan, pretty: bool, noise: str) -> None:
    xml = plan.to_xml(pretty=pretty)
    if noise:  # markup that looks like tags but is not, right after the root's start tag
        head, rest = xml.split(">", 1)
        xml = f"{head}>{noise}{rest}"
    lines = xml.split("\n")
    for element in parse(xml).iter():
        assert element.line is not None and element.column is not None
        here = lines[element.line - 1][element.column - 1 :]
        assert here.startswith(f"<{element.tag}"), (element, here[:30])


def _mutate(text: str, data: st.DataObject) -> str:
    operations = [
        lambda s, i: s[:i] + s[i + 1 :],  # delete a character
        lambda s, i: s[:i] + data.draw(st.sampled_from(list("<>/&\"'${}= \n#"))) + s[i:],
        lambda s, i: s[:i] + s[i:][::-1][: len(s) - i][::-1],  # identity (keeps valid docs)
        lambda s, i: s.replace(
            data.draw(
                st.sampled_from(["menu", "play", "keypress", "goto", "name", "type", "tts", "1"])
            ),
            data.draw(st.sampled_from(["Menu", "say", "", "x", "maxdigits", "${", "9-1"])),
            1,
        ),
    ]
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, max(len(text) - 1, 0)))
        text = data.draw(st.sampled_from(operations))(text, index)
    return text


@given(st.data())
def test_mutations_never_make_validate_raise(data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(EXAMPLES))
    mutated = _mutate(source, data)
    report = validate(mutated)
    for finding in report:
        assert finding.message and finding.code
    as_bytes = validate(mutated.encode("utf-8", "surrogatepass"))
    if "encoding=" not in mutated:  # a str ignores its declared encoding, bytes obey it
        assert [f.code for f in as_bytes] == [f.code for f in report]
    try:
        utf8 = etree.XMLParser(encoding="utf-8")  # how parse() reads a str
        tree = etree.fromstring(mutated.encode("utf-8", "surrogatepass"), utf8)
    except (etree.XMLSyntaxError, ValueError):
        assert not report.ok
        return
    if not SCHEMA.validate(tree):
        assert len(report) > 0, SCHEMA.error_log
