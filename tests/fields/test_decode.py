"""``decode``: JSON text to projection, equal to ``project(json.loads(raw), expression)``
for every text and expression, whichever of the fused (msgspec) and general paths runs.

The properties draw documents and expressions from the strategies of the projector tests
and write the documents as JSON in several ways (ASCII escapes or not, blanks, bytes or
str), then also as texts ``json.dumps`` cannot write: duplicate keys and mangled text.
An independent predicate (``fits``) says when the fused path must be taken, so the tests
prove both that it runs for plain selections and that every odd shape falls back.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import fields_oracle as oracle
import pytest
from fields_strategies import KEYS, escape, expressions, json_documents, json_values, leaves
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cftools import fields
from cftools.fields import DecodeError, compile, decode, parse, project
from cftools.fields._selection import ALL, Node

GOLDEN = Path(__file__).parent / "golden"
LONG = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def ordered(value: Any) -> Any:
    """A form of ``value`` whose equality also compares key order."""
    if isinstance(value, dict):
        return [(k, ordered(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [ordered(v) for v in value]
    return (type(value).__name__, value)


def typed(value: Any) -> Any:
    """A form of ``value`` whose equality ignores key order but not types (``1`` is not
    ``1.0``), nor the sign of ``-0.0``, and holds for NaN."""
    if isinstance(value, dict):
        return sorted((k, typed(v)) for k, v in value.items())
    if isinstance(value, list):
        return [typed(v) for v in value]
    return (type(value).__name__, repr(value))


def same(a: Any, b: Any) -> bool:
    """Equal, with the same leaf types, key order aside."""
    return bool(typed(a) == typed(b))


def has_schema(tree: Node | None, exclude: bool) -> bool:
    """Whether the selection can be compiled into a msgspec schema (step 1)."""
    if tree is None or exclude:
        return False

    def ok(node: Node) -> bool:
        if node.wildcard is not None and node.named:
            return False
        subs = [*node.named.values(), node.wildcard]
        return all(sub is None or sub is ALL or ok(sub) for sub in subs)  # type: ignore[arg-type]

    return ok(tree)


def fits(tree: Any, value: Any) -> bool:
    """Whether projecting ``value`` by ``tree`` keeps every array's length and meets no
    scalar under a sub-selection: the documents the fused path must take."""
    if tree is ALL:
        return True
    if value is None:
        return True
    if isinstance(value, dict):
        return all(fits(sub, value[key]) for key, sub in _children(tree, value))
    if isinstance(value, list):
        return all(e is None or (isinstance(e, dict) and fits(tree, e)) for e in value)
    return False


def _children(tree: Node, value: dict[str, Any]) -> list[tuple[str, Any]]:
    out = []
    for key in value:
        sub = tree.named.get(key, tree.wildcard)
        if sub is not None:
            out.append((key, sub))
    return out


def texts(document: Any) -> list[bytes | str]:
    """Ways to write the same document."""
    return [
        json.dumps(document),
        json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass"),
        json.dumps(document, indent=1, ensure_ascii=False),
        json.dumps(document, separators=(",", ":")).encode(),
    ]


def check(raw: bytes | str, expression: str | None) -> bool:
    """Assert decode == project(json.loads); return True when the fused path ran."""
    try:
        expected = project(json.loads(raw), expression)
    except ValueError:  # json.loads refuses the text: so does decode
        with pytest.raises(DecodeError):
            decode(raw, expression)
        return False
    projector = compile(expression)
    result, fused, document = projector.decode_document(raw)
    assert same(result, expected)
    assert same(decode(raw, expression), expected)
    if not fused:  # the general path keeps the document's key order
        assert same(ordered(result), ordered(expected))
        assert same(document, json.loads(raw))
    return fused


@LONG
@given(json_values, expressions())
def test_decode_equals_project_of_json_loads(document: Any, expression: str) -> None:
    selection = parse(expression)
    schema = has_schema(selection.tree, selection.exclude)
    for raw in texts(document):
        fused = check(raw, expression)
        if not schema:
            assert not fused
        elif isinstance(document, (dict, list)) or document is None:
            assert fused == fits(selection.tree, document), (raw, expression)
        else:
            assert not fused  # a top-level scalar is returned as it is: general path


# Plain selections (names and groups, no '*', no '!') over documents that fit them:
# the fused path must run, not only be allowed to.
@st.composite
def plain_cases(draw: st.DrawFn) -> tuple[Any, str]:
    expression = draw(expressions(bang=False))
    expression = expression.replace("\\*", "\x00").replace("*", "id").replace("\x00", "\\*")
    tree = parse(expression).tree
    return draw(fitting(tree)), expression


def fitting(tree: Any) -> st.SearchStrategy[Any]:
    """Values that ``tree`` projects on the fused path, with unselected keys around
    (the expression's depth bounds the recursion)."""
    if tree is ALL:
        return json_values
    assert isinstance(tree, Node)

    @st.composite
    def objects(draw: st.DrawFn) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in draw(st.permutations([*KEYS, "extra", "zz"])):
            if key in tree.named:
                if draw(st.integers(0, 4)):
                    out[key] = draw(fitting(tree.named[key]))
            elif draw(st.booleans()):
                out[key] = draw(json_values)
        return out

    return st.one_of(st.none(), objects(), st.lists(st.one_of(st.none(), objects()), max_size=3))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plain_cases())
def test_plain_selections_take_the_fused_path(case: tuple[Any, str]) -> None:
    document, expression = case
    assert compile(expression).fused
    for raw in texts(document):
        assert check(raw, expression), (raw, expression)


# --- texts json.dumps does not write ----------------------------------------------


@st.composite
def duplicated(draw: st.DrawFn, depth: int = 0) -> str:
    """JSON text whose objects may repeat keys (objects only, no scalars at the top)."""
    kind = draw(st.sampled_from(["object", "array", "leaf"] if depth else ["object", "array"]))
    if kind == "leaf" or depth > 3:
        return json.dumps(draw(leaves))
    if kind == "array":
        return "[" + ",".join(draw(st.lists(duplicated(depth + 1), max_size=3))) + "]"
    keys = draw(st.lists(st.sampled_from(KEYS[:4]), max_size=6))
    members = [f"{json.dumps(k)}:{draw(duplicated(depth + 1))}" for k in keys]
    return "{" + ",".join(members) + "}"


@LONG
@given(duplicated(), expressions())
def test_duplicate_keys_decode_as_json_loads_reads_them(raw: str, expression: str) -> None:
    check(raw, expression)
    check(raw.encode(), expression)


@LONG
@given(json_documents, expressions(), st.data())
def test_invalid_text_raises_decode_error_like_json_loads(
    document: Any, expression: str, data: st.DataObject
) -> None:
    text = json.dumps(document)
    at = data.draw(st.integers(0, len(text)))
    junk = data.draw(st.sampled_from(["", ",", "}", "]", "{", '"', "x", "NaN", "1e999", "\\"]))
    cut = data.draw(st.integers(0, 2))
    raw = text[:at] + junk + text[at + cut :]
    try:
        expected = project(json.loads(raw), expression)
    except ValueError as exc:
        with pytest.raises(DecodeError) as info:
            decode(raw, expression)
        assert info.value.position == getattr(exc, "pos", None)
        return
    assert same(decode(raw, expression), expected)


# --- odd texts, one by one ----------------------------------------------------------

NESTED = "items(id,fromNumber,contact/id,records(callResult)),totalCount"
ODD = [
    # (text, expression): shapes the fused path must refuse, and texts msgspec reads
    # differently from json.loads (so must leave to it)
    ('{"items": [{"id": 1}, 5]}', "items/id"),  # scalar under a sub-selection
    ('{"items": 3}', "items/id"),
    ('{"items": [[{"id": 1}], null]}', "items/id"),  # array of arrays
    ('{"items": null}', "items/id"),  # null under a sub-selection stays
    ('{"items": [{"id": 1, "id": {"x": 2}}]}', "items/id"),  # duplicates: last wins
    ('{"items": [{"id": {"x": 2}, "id": 1}]}', "items(id/x)"),
    ('{"a": {"b": 1}, "a": 5}', "a/b"),
    ('{"a": 5, "a": {"b": 1}}', "a/b"),
    ('{"a b": {"x/y": 1, "(": 2}}', "a\\ b(x\\/y,\\()"),  # keys that are not names
    ('{"\\u0069d": 1, "id": 2}', "id"),  # escaped key, duplicated
    ('{"a": NaN, "b": Infinity}', "a,b"),
    ('{"a": 1e999}', "a"),
    ('{"a": 123456789012345678901234567890}', "a"),
    ('{"a": "\\ud800"}', "a"),  # a lone surrogate
    ("\ufeff{}", "a"),
    ("5", "a"),  # a top-level scalar is returned as it is
    ("null", "a"),
    ('[{"a": 1}, null, {"b": 2}]', "a"),  # a top-level array
    ('{"x": {"id": 1, "n": 2}, "y": 3}', "*(id),x(n)"),  # wildcard next to names
    ('{"x": {"id": 1, "n": 2}, "y": 3}', "*(id)"),
    ('{"x": {"id": 1, "n": 2}, "y": 3}', "!x/id"),
    ('{"x": 1}', "*"),
    ('{"f0": 1, "f1": {"f0": 2}, "a": 3}', "a,f1/a"),  # the struct's own field names
    ('{"a": {"b": [{"c": 1}, null]}, "a": {"b": {"c": 2}}}', "a/b/c"),
]


@pytest.mark.parametrize(("raw", "expression"), ODD)
def test_odd_texts(raw: str, expression: str) -> None:
    check(raw, expression)
    check(raw.encode("utf-8", "surrogatepass"), expression)
    for encoding in ("utf-16", "utf-32-le"):
        check(raw.encode(encoding, "surrogatepass"), expression)


@LONG
@given(
    st.one_of(
        st.floats(allow_nan=False, allow_infinity=False),
        st.integers(),
        st.integers(-(2**200), 2**200),
    ),
    st.sampled_from(["a,b", "a,b/x", "*", "b/*"]),
)
def test_numbers_decode_exactly_as_json_loads_reads_them(number: Any, expression: str) -> None:
    raw = json.dumps({"a": number, "b": [number, {"x": number}], "c": number})
    # under b/x and b/* a number meets a sub-selection: the general path
    assert check(raw, expression) == (expression in ("a,b", "*"))


any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=6)
wide_values = st.recursive(
    st.one_of(leaves, any_text),
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), any_text), children, max_size=4),
    ),
    max_leaves=15,
)


@LONG
@given(wide_values, expressions())
def test_any_strings_decode_as_json_loads_reads_them(document: Any, expression: str) -> None:
    # Escapes, quotes, control characters, astral planes and lone surrogates in keys and
    # values: msgspec must read them as json.loads does, or leave them to it.
    for raw in texts(document):
        check(raw, expression)


def test_surrogates_encoded_in_utf8_bytes_read_as_json_loads_reads_them() -> None:
    check(b'{"a": "\xed\xa0\x80"}', "a")


@pytest.mark.parametrize(
    ("raw", "position", "words"),
    [
        (b'{"a": ', 6, "line 1, column 7 (position 6)"),
        ('{"a":\n 1,}', 9, "line 2, column 4"),
        (b'{"a": "\xff"}', 7, "at byte 7"),
        (b"[" * 100_000 + b"]" * 100_000, None, "nested too deeply"),
        (b"9" * 5000, None, "too long to convert"),
    ],
)
def test_errors_say_where(raw: bytes | str, position: int | None, words: str) -> None:
    for expression in ("a", "!a", None):
        with pytest.raises(DecodeError) as info:
            decode(raw, expression)
        assert info.value.position == position
        assert words in str(info.value)
        assert isinstance(info.value, fields.DocumentError)
        assert isinstance(info.value, ValueError)


def test_strict_refuses_what_is_not_standard_json() -> None:
    for raw in ('{"a": NaN}', '{"a": -Infinity}', '{"a": 1e400}'):
        assert decode(raw, "a") is not None  # json.loads takes them
        with pytest.raises(DecodeError, match=r"not a JSON value|too large"):
            decode(raw, "a", strict=True)
    assert decode('{"a": 1.5}', "a", strict=True) == {"a": 1.5}


def test_not_a_text_is_a_decode_error() -> None:
    with pytest.raises(DecodeError, match="bytes or str, not int"):
        decode(5, "a")  # type: ignore[arg-type]
    assert decode(bytearray(b'{"a": 1}'), "a") == {"a": 1}
    assert decode(memoryview(b'{"a": 1}'), "a") == {"a": 1}  # type: ignore[arg-type]


def test_fused_key_order_is_the_selections() -> None:
    raw = b'{"z": 1, "items": [{"state": "A", "id": 2, "k": {"b": 1, "a": 2}}]}'
    result, fused, _ = compile("z,items(state,id,k)").decode_document(raw)
    assert fused
    assert list(result) == ["items", "z"]
    assert list(result["items"][0]) == ["id", "k", "state"]
    assert list(result["items"][0]["k"]) == ["b", "a"]  # kept whole: the document's order


def test_without_msgspec_every_decode_takes_the_general_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "msgspec", None)  # import msgspec now fails
    projector = fields.Projector(parse("items/id"))
    assert not projector.fused
    assert projector.decode_document(b'{"items": [{"id": 1}]}') == (
        {"items": [{"id": 1}]},
        False,
        {"items": [{"id": 1}]},
    )


def test_the_decoder_is_compiled_once_per_projector() -> None:
    projector = compile("items(id,contact/id)")
    assert projector.fused
    first = projector._fused
    projector.decode(b'{"items": []}')
    assert projector._fused is first
    assert compile("items(id,contact/id)") is projector


def _golden_cases() -> list[Any]:
    cases = []
    for path in sorted(GOLDEN.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        raw = json.dumps(data["document"]).encode()
        for case in data["cases"]:
            cases.append(
                pytest.param(
                    raw, case["fields"], case["expected"], id=f"{path.stem}:{case['fields']}"
                )
            )
    return cases


@pytest.mark.parametrize(("raw", "expression", "expected"), _golden_cases())
def test_golden_from_bytes(raw: bytes, expression: str, expected: Any) -> None:
    result = decode(raw, expression)
    assert result == expected
    assert result == oracle.project(json.loads(raw), expression)


def test_golden_page_decodes_on_the_fused_path() -> None:
    raw = (GOLDEN / "calls_page.json").read_bytes()
    document = json.loads(raw)["document"]
    text = json.dumps(document).encode()
    result, fused, _ = compile(NESTED).decode_document(text)
    assert fused
    assert result == project(document, NESTED)


def test_escape_helper_roundtrip() -> None:  # the strategies' escapes are what parse reads
    assert parse(escape("a b")) == parse("a\\ b")
