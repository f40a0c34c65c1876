"""``${...}`` substitution (``cftools.dialplan._variables``): nesting, literals, safety."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cftools.dialplan import validate
from cftools.dialplan._rules import scan_variables
from cftools.dialplan._variables import lookup_in, scan, substitute

NAMES = st.from_regex(r"[A-Za-z_][A-Za-z0-9_.]{0,12}", fullmatch=True)
VALUES = st.text(max_size=12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no variables", "no variables"),
        ("${a}", "A"),
        ("[${a}] [${b}]", "[A] [B]"),
        ("${choice${n}}", "two"),
        ("${choice${n}}${n}", "two2"),
        ("${${inner}}", "A"),  # the whole name comes from a variable
        ("${ a }", "A"),  # surrounding spaces in a name are ignored
        ("${missing}", ""),
        ("${", "${"),  # unterminated: kept as written
        ("a ${b", "a ${b"),
        ("${x${n}", "${x2"),  # inner references still resolve
        ("$a {b} }", "$a {b} }"),
        ("$${a}", "$A"),
        ("${tricky}", "${a}"),  # a value is never scanned again
        ("${contact.FIRSTNAME}", "Ada"),  # contact columns ignore case
        ("${CONTACT.firstName}", "Ada"),
    ],
)
def test_substitute(text: str, expected: str) -> None:
    variables = {
        "a": "A",
        "b": "B",
        "n": "2",
        "choice2": "two",
        "inner": "a",
        "tricky": "${a}",
        "contact.firstName": "Ada",
    }
    assert substitute(text, lookup_in(variables)) == expected


def test_user_variables_are_case_sensitive() -> None:
    assert substitute("${Name}|${name}", lookup_in({"name": "x"})) == "|x"


@given(st.text().filter(lambda t: "${" not in t))
def test_text_without_references_is_unchanged(text: str) -> None:
    assert substitute(text, lookup_in({})) == text


@given(st.lists(st.tuples(NAMES, VALUES), max_size=5), st.text(max_size=20))
def test_each_reference_is_replaced_by_its_value(pairs: list[tuple[str, str]], filler: str) -> None:
    variables = dict(pairs)
    filler = filler.replace("$", "").replace("{", "").replace("}", "")
    text = filler.join(f"${{{name}}}" for name in variables)
    expected = filler.join(variables.values())
    assert substitute(text, lookup_in(variables)) == expected


@given(NAMES, NAMES, VALUES)
def test_nested_reference_resolves_inside_out(outer: str, inner: str, value: str) -> None:
    variables = {"k": inner, f"{outer}{inner}": value}
    assert substitute(f"${{{outer}${{k}}}}", lookup_in(variables)) == value


@given(st.text(alphabet="${}ab", max_size=40))
def test_never_fails_and_never_invents_text(text: str) -> None:
    result = substitute(text, lookup_in({"a": "", "b": ""}))
    # With every variable empty, output characters all come from the input, in order.
    it = iter(text)
    assert all(char in it for char in result)


# The validator (CF500-CF502) and the simulator read ``${...}`` with one tokenizer, so
# what validation reports is what a call would look up.


@given(st.text(alphabet="${}ab .", max_size=40))
def test_scan_reports_exactly_the_references_substitution_looks_up(text: str) -> None:
    looked_up: list[str] = []

    def lookup(name: str) -> str | None:
        looked_up.append(name)
        return None

    substitute(text, lookup)
    references, unclosed = scan(text)
    # Both close references in the same order, innermost first.
    assert len(references) == len(looked_up)
    for (name, dynamic), looked in zip(references, looked_up, strict=True):
        if not dynamic:
            assert looked == name.strip()
    # Every "${" either closes a reference or stays open.
    assert (unclosed is None) == (len(references) == text.count("${"))
    assert scan_variables(text) == (references, unclosed)


def test_a_plain_brace_inside_a_reference_is_read_alike_by_both() -> None:
    assert scan("${a{b}}") == ([("a{b", False)], None)
    assert substitute("${a{b}}", lookup_in({"a{b": "x"})) == "x}"
    report = validate('<dialplan><play type="tts">${a{b}}</play></dialplan>')
    (finding,) = [f for f in report if f.code.startswith("CF5")]
    assert finding.code == "CF502" and "a{b" in finding.message


def test_the_first_unclosed_reference_is_reported_where_it_opens() -> None:
    assert scan("ok ${a} then ${b ${c}") == ([("a", False), ("c", False)], 13)
    assert substitute("ok ${a} then ${b ${c}", lookup_in({"a": "1", "c": "2"})) == (
        "ok 1 then ${b 2"
    )
