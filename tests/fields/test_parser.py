"""Parsing: the grammar of section 3, the selection trees of sections 4 and 8, and the
errors of section 9 (messages, exact positions), checked against the hand-written
recognizer of ``fields_oracle`` on random text."""

from __future__ import annotations

import time

import fields_oracle as oracle
import pytest
from fields_strategies import expressions
from hypothesis import example, given
from hypothesis import strategies as st

from cftools import CftoolsError
from cftools.fields import (
    MAX_DEPTH,
    MAX_LENGTH,
    FieldsSyntaxError,
    FieldsTypeError,
    Selection,
    parse,
)

# --- section 9.3, every row of the table --------------------------------------------

ERRORS = [
    ("a,,b", 2, "expected a field name or '*', found ','"),
    ("a,", 2, "expected a field name or '*', found end of input"),
    ("x(a,)", 4, "expected a field name or '*', found ')'"),
    ("a//b", 2, "expected a field name or '*', found '/'"),
    ("a/", 2, "expected a field name or '*', found end of input"),
    ("(a)", 0, "expected a field name or '*', found '('"),
    ("a/(b)", 2, "expected a field name or '*', found '('"),
    ("a()", 1, "empty '()'"),
    ("a(b(c)", 1, "unclosed '('"),
    ("a)", 1, "unmatched ')'"),
    ("a(b))", 4, "unmatched ')'"),
    ("a b", 2, "expected ',', '/', '(' or end of input, found name 'b'"),
    ("x(a b)", 4, "expected ',', '/', '(' or ')', found name 'b'"),
    ("a(b)c", 4, "expected ',' or end of input after a sub-selection, found name 'c'"),
    ("a(b)/c", 4, "expected ',' or end of input after a sub-selection, found '/'"),
    ("a(b)(c)", 4, "expected ',' or end of input after a sub-selection, found '('"),
    ("x(a(b)c)", 6, "expected ',' or ')' after a sub-selection, found name 'c'"),
    ("a,!b", 2, "'!' is only allowed at the start of the expression"),
    ("!!a", 1, "'!' is only allowed at the start of the expression"),
    ("a(!b)", 2, "'!' is only allowed at the start of the expression"),
    ("a!", 1, "'!' is only allowed at the start of the expression"),
    ("a*", 1, "'*' must be a whole path segment"),
    ("*a", 0, "'*' must be a whole path segment"),
    ("**", 0, "'*' must be a whole path segment"),
    ("\\**", 2, "'*' must be a whole path segment"),
    ("a\\", 1, "dangling '\\' escape"),
    # more shapes from section 3.2 and the position rules of 9.2
    (",a", 0, "expected a field name or '*', found ','"),
    ("/a", 0, "expected a field name or '*', found '/'"),
    ("a, ", 3, "expected a field name or '*', found end of input"),
    ("a(b,\t", 5, "expected a field name or '*', found end of input"),
    ("a( )", 1, "empty '()'"),
    ("a(b(c", 3, "unclosed '('"),
    ("a(b(c)) )", 8, "unmatched ')'"),
    ("!)", 1, "unmatched ')'"),
    ("a/*b", 2, "'*' must be a whole path segment"),
]


@pytest.mark.parametrize(("expression", "position", "message"), ERRORS)
def test_error_message_and_position(expression: str, position: int, message: str) -> None:
    with pytest.raises(FieldsSyntaxError) as info:
        parse(expression)
    error = info.value
    assert error.expression == expression
    assert error.position == position
    assert error.message.startswith(message)
    first_line = str(error).splitlines()[0]
    assert first_line.endswith(f"at position {position}")


def test_error_is_a_value_error_and_a_cftools_error() -> None:
    with pytest.raises(ValueError):
        parse("a,,b")
    with pytest.raises(CftoolsError):
        parse("a,,b")


def test_caret_points_at_the_position() -> None:
    error = _error("items(id,\tname b)")
    _, shown, caret = str(error).splitlines()
    assert shown == "  items(id, name b)"  # the tab is shown as a blank, keeping columns
    assert caret.index("^") == shown.index(" b)") + 1


def test_caret_window_of_a_long_expression() -> None:
    expression = "a," * 5000 + ")" + ",b" * 5000
    error = _error(expression)
    assert error.position == 10000
    _, shown, caret = str(error).splitlines()
    assert shown.startswith("  ...") and shown.endswith("...")
    assert shown[caret.index("^")] == ")"
    assert len(shown) < 100


def _error(expression: str) -> FieldsSyntaxError:
    with pytest.raises(FieldsSyntaxError) as info:
        parse(expression)
    return info.value


# --- valid shapes and the trees they build -------------------------------------------

VALID = [
    ("a/*/b", "a/*/b"),
    ("*(a,b)", "*(a,b)"),
    ("a/b(c/d(e))", "a/b/c/d/e"),
    ("a(*)", "a/*"),
    ("!a,b(c)", "!a,b/c"),
    ("! a , b ( c / d )", "!a,b/c/d"),
    ("!", "!*"),
    (" ! ", "!*"),
    ("!*", "!*"),
    ("items(id)", "items/id"),
    (
        "totalCount,items(id,fromNumber,created,message,contact/id)",
        "items(contact/id,created,fromNumber,id,message),totalCount",
    ),
    ("calls/fromNumber,calls/toNumber,texts/message", "calls(fromNumber,toNumber),texts/message"),
    # section 8
    ("a,a", "a"),
    ("a,a/b", "a"),
    ("a/b,a", "a"),
    ("a/b,a/c", "a(b,c)"),
    ("x(a),x(b)", "x(a,b)"),
    ("x(a/b),x/a", "x/a"),
    ("*,a/b", "*"),
    # section 7
    ("*,x/y", "*"),
    ("*(id),x(name)", "*/id,x(id,name)"),
    # names: everything that is not blank or reserved, escapes, Unicode spaces
    ("app.version,%2C,a+b,$ref,@id,[0],{x}", "$ref,%2C,@id,[0],a+b,app.version,{x}"),
    ("\\*", "\\*"),
    ("a\\,b", "a\\,b"),
    ("\\a\\b", "ab"),
    ("a\\ b", "a\\ b"),
    ("\\\\", "\\\\"),
    ("a\u00a0b", "a\u00a0b"),
    ("ключ(имя)", "ключ/имя"),
    ("\t\n a \r\f\v", "a"),
]


@pytest.mark.parametrize(("expression", "canonical"), VALID)
def test_canonical_form(expression: str, canonical: str) -> None:
    selection = parse(expression)
    assert str(selection) == canonical
    assert parse(canonical) == selection
    assert hash(parse(canonical)) == hash(selection)


@pytest.mark.parametrize("blank", [None, "", " ", " \t\r\n\f\v"])
def test_blank_means_no_projection(blank: str | None) -> None:
    selection = parse(blank)
    assert selection.identity and not selection.exclude
    assert str(selection) == ""
    assert selection == parse(None)


def test_unicode_space_is_a_name_character() -> None:
    # U+00A0 and U+2003 are not in the whitespace set of section 3.1.
    assert parse("\u2003") != parse(None)
    with pytest.raises(FieldsSyntaxError):
        parse("a \u2003b c")


def test_escaped_star_is_a_key_and_the_star_a_wildcard() -> None:
    assert parse("\\*") != parse("*")
    assert parse("*").tree is not None and parse("*").tree.wildcard is not None
    assert parse("\\*").tree is not None and "*" in parse("\\*").tree.named


@pytest.mark.parametrize("value", [1, b"items", ["items"], object()])
def test_non_string_expression_is_a_type_error(value: object) -> None:
    with pytest.raises(FieldsTypeError) as info:
        parse(value)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError) and isinstance(info.value, CftoolsError)


def test_selection_is_immutable_and_hashable() -> None:
    selection = parse("items(id)")
    with pytest.raises(AttributeError):
        selection.exclude = True  # type: ignore[misc]
    assert {selection: 1}[parse("items/id")] == 1
    assert repr(selection) == "cftools.fields.Selection('items/id')"
    assert repr(Selection) == "<class 'cftools.fields.Selection'>"


# --- union ----------------------------------------------------------------------------

UNIONS = [
    ("a", "a/b", "a"),
    ("a/b", "a/c", "a(b,c)"),
    ("*(id)", "x(name)", "*/id,x(id,name)"),
    ("*", "a/b", "*"),
    ("items(id)", "totalCount", "items/id,totalCount"),
    ("!a/x", "!a/y", ""),  # each keeps what the other removes: nothing is removed
    ("!a,b", "!a", "!a"),
    ("!*/x", "!a", "!a/x"),
    ("!", "!a", "!a"),
    ("", "a", ""),
    ("!a", "", ""),
]


@pytest.mark.parametrize(("left", "right", "expected"), UNIONS)
def test_union(left: str, right: str, expected: str) -> None:
    combined = parse(left) | parse(right)
    assert combined == parse(expected)
    assert parse(right) | parse(left) == combined


def test_inclusion_and_exclusion_do_not_combine() -> None:
    with pytest.raises(FieldsTypeError, match="inclusion with an exclusion"):
        parse("a") | parse("!b")
    assert parse("a").__or__("b") is NotImplemented


# --- hostile input --------------------------------------------------------------------


def test_ten_thousand_nested_parentheses() -> None:
    assert _error("(" * 10_000).position == 0
    deep = "a(" * 10_000 + "b" + ")" * 10_000
    error = _error(deep)
    assert error.position == 2 * MAX_DEPTH  # the first segment past the limit
    assert "deeper than" in error.message
    assert _error("a(" * 10_000).position == 20_000


def test_depth_limit_is_exact() -> None:
    assert parse("a/" * (MAX_DEPTH - 1) + "a").depth == MAX_DEPTH
    assert parse("a(" * (MAX_DEPTH - 1) + "a" + ")" * (MAX_DEPTH - 1)).depth == MAX_DEPTH
    assert _error("a/" * MAX_DEPTH + "a").position == 2 * MAX_DEPTH


def test_syntax_errors_come_before_the_depth_limit() -> None:
    assert "unclosed" in _error("a(" * 200 + "b").message


def test_one_megabyte_expression_is_refused_at_once() -> None:
    start = time.perf_counter()
    error = _error("a," * 500_000)
    assert error.position == MAX_LENGTH
    assert time.perf_counter() - start < 1


def test_longest_accepted_expression_parses() -> None:
    expression = ",".join(f"k{i}" for i in range(MAX_LENGTH // 8))
    assert len(expression) <= MAX_LENGTH
    assert len(parse(expression).tree.named) == MAX_LENGTH // 8  # type: ignore[union-attr]


def test_wildcard_expansion_is_bounded() -> None:
    # Each named sibling absorbs the wildcard's entries: 5000 x 5000 would be 25 million.
    wide = (
        "*("
        + ",".join(f"a{i}" for i in range(5000))
        + "),"
        + ",".join(f"b{i}/x" for i in range(5000))
    )
    error = _error(wide)
    assert error.position == 0 and "too large" in error.message


# --- properties -----------------------------------------------------------------------

TEXT = st.text(alphabet=st.sampled_from([*list("ab*!,/()\\ \t"), "\xa0"]), max_size=14)


@given(TEXT)
@example("a(b,")
@example("*\\")
@example("a(b)\\")
@example("!)")
def test_agrees_with_the_oracle(expression: str) -> None:
    try:
        expected = oracle.parse(expression)
    except oracle.OracleError as exc:
        with pytest.raises(FieldsSyntaxError) as info:
            parse(expression)
        assert info.value.position == exc.position
        assert exc.kind in info.value.message
        return
    selection = parse(expression)
    if expected is None:
        assert selection.identity
    else:
        assert selection.exclude == expected[0]


@given(st.text(max_size=60))
def test_any_text_parses_or_raises_a_syntax_error(expression: str) -> None:
    try:
        selection = parse(expression)
    except FieldsSyntaxError as exc:
        assert 0 <= exc.position <= len(expression)
        assert str(exc).splitlines()[0].endswith(f"at position {exc.position}")
    else:
        assert parse(str(selection)) == selection


@given(expressions())
def test_canonical_printing_round_trips(expression: str) -> None:
    selection = parse(expression)
    canonical = str(selection)
    assert parse(canonical) == selection
    assert str(parse(canonical)) == canonical


@given(expressions(), expressions())
def test_union_is_commutative_associative_and_idempotent(left: str, right: str) -> None:
    a, b = parse(left.lstrip(" !")), parse(right.lstrip(" !"))
    assert a | b == b | a
    assert (a | b) | a == a | b
    assert a | a == a


@given(expressions(single=True))
def test_sub_selector_equals_path(item: str) -> None:
    assert parse(f"items({item})") == parse(f"items/{item}")
    assert parse(f"!items({item})") == parse(f"!items/{item}")


def test_selections_and_errors_pickle() -> None:
    import pickle

    selection = parse("!items(id,contact/homePhone),*/x")
    assert pickle.loads(pickle.dumps(selection)) == selection
    error = _error("a(b")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.message, copy.expression, copy.position) == (error.message, "a(b", 1)


@pytest.mark.parametrize(
    ("expression", "suggestion"),
    [
        ("!items/records,!items/contact", "!items(records,contact)"),
        ("! a , !b/c, !b/d/e,!b/d/f", "!a,b(c,d(e,f))"),
        ("!a,!a/b", "!a"),
        ("!x(b,a),!y", "!x(a,b),y"),
        ("!a\\ b,!c", "!a\\ b,c"),
    ],
)
def test_a_bang_before_every_item_suggests_the_one_bang_form(
    expression: str, suggestion: str
) -> None:
    with pytest.raises(FieldsSyntaxError) as info:
        parse(expression)
    assert info.value.message.startswith("'!' is only allowed at the start of the expression")
    assert f"write {suggestion!r}" in info.value.message
    assert parse(suggestion) == parse(expression.replace(",!", ",").replace(", !", ", "))


@pytest.mark.parametrize("expression", ["a,!b", "!a(!b)", "!!a", "!a,!b\\"])
def test_no_suggestion_where_the_bang_is_not_before_each_item(expression: str) -> None:
    with pytest.raises(FieldsSyntaxError) as info:
        parse(expression)
    assert "write" not in info.value.message
