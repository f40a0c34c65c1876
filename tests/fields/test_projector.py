"""Projection: the rules of sections 5 to 8 and the guarantees of section 10, on the
semantics' own tables, on real CallFire response shapes (``golden/*.json``: documents
from the API reference, expected results worked out by hand from the semantics), and as
properties over generated documents, checked against the independent ``fields_oracle``."""

from __future__ import annotations

import collections
import copy
import json
from pathlib import Path
from typing import Any

import fields_oracle as oracle
import pytest
from fields_strategies import expressions, inclusions, json_documents, json_values
from hypothesis import given
from hypothesis import strategies as st

from cftools.fields import (
    CACHE_SIZE,
    DocumentError,
    Projector,
    compile,
    parse,
    project,
)
from cftools.fields import _runtime as runtime

GOLDEN = Path(__file__).parent / "golden"


def ordered(value: Any) -> Any:
    """A form of ``value`` whose equality also compares key order."""
    if isinstance(value, dict):
        return [(k, ordered(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [ordered(v) for v in value]
    return (type(value).__name__, value)


def assert_projects(document: Any, expression: str | None, expected: Any) -> None:
    before = copy.deepcopy(document)
    result = project(document, expression)
    assert ordered(result) == ordered(expected)
    assert ordered(document) == ordered(before), "the input was modified"


# --- the semantics' illustration tables (5.3 and 6.3), verbatim -------------------------

WEBHOOKS = json.loads(
    """{"items": [{"id": 301, "name": "finished calls", "resource": "OutboundCall",
            "events": ["Finished"], "enabled": true},
           {"id": 302, "name": "inbound texts", "resource": "InboundText",
            "events": ["Finished", "Started"], "enabled": false, "secret": null}],
 "limit": 2, "offset": 0, "totalCount": 9}"""
)

TABLES = [
    # 5.3
    ("totalCount, items/name",
     '{"items": [{"name": "finished calls"}, {"name": "inbound texts"}], "totalCount": 9}'),
    ("items(id,events)",
     '{"items": [{"id": 301, "events": ["Finished"]}, '
     '{"id": 302, "events": ["Finished", "Started"]}]}'),
    ("items(secret/value)", '{"items": [{}, {"secret": null}]}'),
    ("items(events/type)", '{"items": [{"events": []}, {"events": []}]}'),
    ("items(name/first)", '{"items": [{}, {}]}'),
    # 6.3
    ("!items", '{"limit": 2, "offset": 0, "totalCount": 9}'),
    ("!limit,offset,items(resource,secret)",
     '{"items": [{"id": 301, "name": "finished calls", "events": ["Finished"], "enabled": true}, '
     '{"id": 302, "name": "inbound texts", "events": ["Finished", "Started"], "enabled": false}], '
     '"totalCount": 9}'),
    ("!items/*", '{"items": [{}, {}], "limit": 2, "offset": 0, "totalCount": 9}'),
    ("!", "{}"),
]  # fmt: skip


@pytest.mark.parametrize(("expression", "expected"), TABLES)
def test_semantics_tables(expression: str, expected: str) -> None:
    assert_projects(WEBHOOKS, expression, json.loads(expected))


# --- golden tests on CallFire responses ------------------------------------------------


def _golden_cases() -> list[Any]:
    cases = []
    for path in sorted(GOLDEN.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            cases.append(
                pytest.param(
                    data["document"],
                    case["fields"],
                    case["expected"],
                    id=f"{path.stem}:{case['fields']}",
                )
            )
    return cases


@pytest.mark.parametrize(("document", "expression", "expected"), _golden_cases())
def test_golden(document: Any, expression: str, expected: Any) -> None:
    assert_projects(document, expression, expected)
    assert ordered(oracle.project(document, expression)) == ordered(expected)
    assert ordered(project(expected, expression)) == ordered(expected)  # idempotence


def test_golden_files_cover_every_response_shape() -> None:
    names = {path.stem for path in GOLDEN.glob("*.json")}
    assert {"calls_page", "texts_page", "contacts_page", "number_leases_page"} <= names
    assert all(len(json.loads((GOLDEN / f"{n}.json").read_text())["cases"]) >= 3 for n in names)


# --- single rules -----------------------------------------------------------------------

RULES = [
    # absent keys are omitted; enclosing containers survive (5.2)
    ({"contact": {"id": 1}}, "contact/firstName", {"contact": {}}),
    ({"a": 1}, "b", {}),
    # scalar under a sub-selection is dropped, falsy ones too; null stays (5.2)
    ({"a": 0, "b": False, "c": "", "d": None, "e": 5}, "a/x,b/x,c/x,d/x,e/x", {"d": None}),
    # arrays of arrays, at any depth, mixed elements (5.1 rule 3)
    ({"m": [[{"a": 1, "b": 2}, 3, None, [{"a": 4}]], "s", {"b": 5}]}, "m/a",
     {"m": [[{"a": 1}, None, [{"a": 4}]], {}]}),
    ({"m": [[{"a": 1}], 2]}, "m", {"m": [[{"a": 1}], 2]}),
    # wildcard (section 7)
    ({"x": {"id": 1, "name": 2}, "y": {"id": 3, "name": 4}, "z": 5}, "*(id),x(name)",
     {"x": {"id": 1, "name": 2}, "y": {"id": 3}}),
    ({"o": {"k": 1}, "l": [1, 2], "s": 3, "n": None}, "*/*", {"o": {"k": 1}, "l": [], "n": None}),
    ({"a": {"b": 1}, "c": 2}, "*,a/b", {"a": {"b": 1}, "c": 2}),
    ({"*": 1, "a": 2}, "\\*", {"*": 1}),
    # overlaps (section 8)
    ({"a": {"b": 1, "c": 2, "d": 3}}, "a/b,a/c", {"a": {"b": 1, "c": 2}}),
    ({"a": {"b": 1, "c": 2}}, "a/b,a", {"a": {"b": 1, "c": 2}}),
    ({"x": [{"a": {"b": 1, "c": 2}}]}, "x(a/b),x/a", {"x": [{"a": {"b": 1, "c": 2}}]}),
    # exclusion (section 6)
    ({"a": {"b": 1, "c": 2}}, "!a,a/b", {}),
    ({"a": 1, "b": None}, "!a/x,b/x,c", {"a": 1, "b": None}),
    ({"a": {"b": 1}}, "!a/b", {"a": {}}),
    ([1, {"a": 1}, None, [2, {"b": 1}]], "!", [1, {}, None, [2, {}]]),
    # top level (5.4)
    ([{"items": 1}, {"id": 2}], "items(id)", [{}, {}]),
    ([1, "a", None, {"a": 1}], "a", [None, {"a": 1}]),
    # key order is the document's
    ({"z": 1, "a": 2, "m": 3}, "m,a,z", {"z": 1, "a": 2, "m": 3}),
]  # fmt: skip


@pytest.mark.parametrize(("document", "expression", "expected"), RULES)
def test_rule(document: Any, expression: str, expected: Any) -> None:
    assert_projects(document, expression, expected)
    assert ordered(oracle.project(document, expression)) == ordered(expected)


@pytest.mark.parametrize("scalar", [None, 0, 1.5, "text", True])
@pytest.mark.parametrize("expression", ["items(id)", "!items", "!", "*", "", None])
def test_top_level_null_and_scalars_are_returned_unchanged(
    scalar: Any, expression: str | None
) -> None:
    assert project(scalar, expression) is scalar


@pytest.mark.parametrize("blank", [None, "", "  \t"])
def test_blank_expression_returns_a_deep_copy(blank: str | None) -> None:
    document = {"a": [{"b": {"c": [1]}}], "d": None}
    result = project(document, blank)
    assert result == document
    assert result is not document and result["a"][0]["b"] is not document["a"][0]["b"]
    assert str(compile(blank).selection) == ""


def test_output_shares_no_container_with_the_input() -> None:
    document = {"a": {"b": [1, {"c": 2}]}, "l": [[{"x": {}}]], "e": {}, "f": []}
    for expression in ["a,l,e,f", "*", "!x", "a/b,l/x", "!a/b/c", "", "*/*"]:
        result = project(document, expression)
        inputs = {id(c) for c in _containers(document)}
        assert not inputs & {id(c) for c in _containers(result)}, expression


def test_without_copy_kept_subtrees_are_shared_and_built_containers_new() -> None:
    document = {"a": {"b": [1, {"c": 2}]}, "l": [[{"x": {}}]], "e": {}, "f": [], "n": 1}
    result = project(document, "a,l/x,f", copy=False)
    assert ordered(result) == ordered(project(document, "a,l/x,f"))
    assert result["a"] is document["a"] and result["f"] is document["f"]
    assert result["l"][0][0]["x"] is document["l"][0][0]["x"]
    assert result is not document and result["l"] is not document["l"]
    assert result["l"][0][0] is not document["l"][0][0]
    assert project(document, "!n", copy=False)["a"] is document["a"]
    assert project(document, "*", copy=False)["a"] is document["a"]
    assert project(document, "  ", copy=False) is document
    assert project(document, "a")["a"] is not document["a"]  # the default still copies
    projector = compile("a,l/x,f")
    assert projector(document, copy=False)["a"] is document["a"]  # the same, cached
    assert projector(document)["a"] is not document["a"]


@given(json_values, expressions())
def test_without_copy_the_result_is_the_same(document: Any, expression: str) -> None:
    before = copy.deepcopy(document)
    shared = project(document, expression, copy=False)
    assert ordered(shared) == ordered(project(document, expression))
    assert ordered(document) == ordered(before)


def _containers(value: Any) -> list[Any]:
    found = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            found.append(item)
            stack.extend(item)
    return found


def test_dict_and_list_subclasses_are_containers() -> None:
    document = collections.OrderedDict(
        [("b", collections.UserList), ("a", collections.OrderedDict(x=1, y=2))]
    )
    result = project(document, "a/x")
    assert result == {"a": {"x": 1}} and type(result) is dict and type(result["a"]) is dict

    class Items(list[Any]):
        pass

    assert project({"i": Items([{"a": 1, "b": 2}, 3])}, "i/a") == {"i": [{"a": 1}]}
    assert project(Items([{"a": [1]}]), "a") == [{"a": [1]}]


def test_other_values_are_leaves_kept_by_reference() -> None:
    marker = object()
    assert project({"a": marker, "b": 1}, "a")["a"] is marker
    assert project({"a": marker}, "a/x") == {}
    assert project({"a": marker}, "!a/x")["a"] is marker
    assert project({"a": (1, 2)}, "!b") == {"a": (1, 2)}


# --- deep and hostile documents -------------------------------------------------------


def _nested_lists(depth: int, leaf: Any) -> Any:
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


def _nested_dicts(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = {"k": value}
    return value


@pytest.mark.parametrize("expression", ["", "d", "!x", "*", "!d/k/k/x"])
def test_very_deep_documents(expression: str) -> None:
    document = {"d": _nested_dicts(100_000), "l": _nested_lists(100_000, {"a": 1, "b": 2})}
    result = project(document, expression)
    assert isinstance(result, dict)
    if expression in ("", "*", "!x"):
        assert _depth(result["d"]) == 100_000
        assert _depth(result["l"]) == 100_001


def test_arrays_of_arrays_at_any_depth_under_a_sub_selection() -> None:
    result = project({"l": _nested_lists(50_000, {"a": 1, "b": 2})}, "l/a")
    assert _depth(result["l"]) == 50_001
    inner = result["l"]
    while isinstance(inner, list):
        inner = inner[0]
    assert inner == {"a": 1}


def _depth(value: Any) -> int:
    depth = 0
    while isinstance(value, (dict, list)) and value:
        value = next(iter(value.values())) if isinstance(value, dict) else value[0]
        depth += 1
    return depth


def test_documents_that_contain_themselves_are_refused() -> None:
    loop: dict[str, Any] = {"a": 1}
    loop["self"] = loop
    for expression in ["", "self", "!a"]:
        with pytest.raises(DocumentError, match="cycle"):
            project(loop, expression)
    assert project(loop, "self/a") == {"self": {"a": 1}}  # a bounded selection terminates
    ring: list[Any] = []
    ring.append(ring)
    with pytest.raises(DocumentError):
        project({"r": ring}, "r/x")


# --- compile and the cache ---------------------------------------------------------------


def test_compile_is_cached_by_expression_and_by_selection() -> None:
    assert compile("items(id)") is compile("items(id)")
    assert compile("items(id)") is compile("items/id")  # same selection, same projector
    assert compile(parse("items(id)")) is compile("items(id)")
    assert compile(None) is compile("")


def test_projector_shape() -> None:
    projector = compile("totalCount,items(id)")
    assert isinstance(projector, Projector)
    assert projector.selection == parse("items/id,totalCount")
    assert repr(projector) == "<cftools.fields.Projector 'items/id,totalCount'>"
    assert "def project(v)" in projector.source
    assert projector({"totalCount": 3, "items": [{"id": 1, "x": 2}]}) == {
        "totalCount": 3,
        "items": [{"id": 1}],
    }


def test_cache_is_bounded() -> None:
    for i in range(CACHE_SIZE + 10):
        compile(f"k{i}")
    from cftools.fields import _projector

    info = _projector._compile_text.cache_info()
    assert info.maxsize == CACHE_SIZE and info.currsize <= CACHE_SIZE


def test_keys_cannot_inject_code() -> None:
    key = "'); import os; ('"
    expression = "\\'\\);\\ import\\ os;\\ \\(\\',b"
    assert parse(expression).tree.named.keys() == {key, "b"}  # type: ignore[union-attr]
    assert project({key: 1, "b": 2, "c": 3}, expression) == {key: 1, "b": 2}


# --- properties -------------------------------------------------------------------------


@given(json_values, expressions())
def test_agrees_with_the_oracle(document: Any, expression: str) -> None:
    before = copy.deepcopy(document)
    result = project(document, expression)
    assert ordered(result) == ordered(oracle.project(document, expression))
    assert ordered(document) == ordered(before)


@given(json_values, expressions())
def test_projecting_twice_equals_projecting_once(document: Any, expression: str) -> None:
    once = project(document, expression)
    assert ordered(project(once, expression)) == ordered(once)


@given(json_values, expressions())
def test_canonical_expression_projects_the_same(document: Any, expression: str) -> None:
    assert ordered(project(document, str(parse(expression)))) == ordered(
        project(document, expression)
    )


@given(json_values, inclusions)
def test_inclusion_result_is_a_sub_document(document: Any, expression: str) -> None:
    assert is_sub_document(project(document, expression), document)


def is_sub_document(part: Any, whole: Any) -> bool:
    """``part`` keeps a subset of ``whole``: same types, keys in the same order, array
    elements a subsequence (scalars may be dropped under a sub-selection)."""
    if isinstance(whole, dict):
        if not isinstance(part, dict):
            return False
        keys = [k for k in whole if k in part]
        return keys == list(part) and all(is_sub_document(part[k], whole[k]) for k in part)
    if isinstance(whole, list):
        if not isinstance(part, list):
            return False
        j = 0
        for element in whole:
            if j < len(part) and is_sub_document(part[j], element):
                j += 1
        return j == len(part)
    return type(part) is type(whole) and part == whole


@given(json_documents, expressions(), expressions())
def test_union_is_the_deep_merge_of_the_projections(document: Any, left: str, right: str) -> None:
    a, b = parse(left), parse(right)
    if a.exclude != b.exclude:
        return  # an inclusion and an exclusion do not combine (FieldsTypeError)
    merged = merge(project(document, a), project(document, b), document)
    assert ordered(project(document, a | b)) == ordered(merged)


def merge(x: Any, y: Any, source: Any) -> Any:
    """Deep merge of two projections ``x`` and ``y`` of ``source``, guided by it: keys in
    the source's order; an array element is present in a projection if it is not a
    scalar, or if that projection kept the whole array (same length)."""
    if isinstance(source, dict):
        out = {}
        for key, value in source.items():
            if key in x and key in y:
                out[key] = merge(x[key], y[key], value)
            elif key in x or key in y:
                out[key] = x[key] if key in x else y[key]
        return out
    if isinstance(source, list):
        out_list = []
        xi = yi = 0
        x_whole, y_whole = len(x) == len(source), len(y) == len(source)
        for element in source:
            leaf = element is not None and not isinstance(element, (dict, list))
            in_x, in_y = not leaf or x_whole, not leaf or y_whole
            if in_x and in_y:
                out_list.append(merge(x[xi], y[yi], element))
            elif in_x or in_y:
                out_list.append(x[xi] if in_x else y[yi])
            xi += in_x
            yi += in_y
        return out_list
    return x


@given(json_documents, inclusions)
def test_inclusion_and_its_exclusion_split_the_leaves(document: Any, expression: str) -> None:
    """Every non-null scalar leaf of ``d`` is kept by exactly one of ``project(d, s)`` and
    ``project(d, "!" + str(s))``.

    ``s`` ranges over inclusions: for an exclusion ``"!" + str(s)`` starts with ``!!``,
    which is not an expression. Restricted to documents whose top level is an object or
    an array: section 5.4 returns a top-level scalar unchanged whatever the expression,
    so both halves keep it (see ``test_top_level_null_and_scalars_are_returned_unchanged``
    and ``test_where_the_halves_overlap``). ``null`` leaves
    and empty containers are not counted: a ``null`` under a sub-selection stays on both
    sides (5.1 rule 4, 6.2 rule 3), and a container emptied by either side stays as
    ``{}`` or ``[]`` (5.2, 6.2)."""
    selection = parse(expression)
    kept = leaves(project(document, selection)) + leaves(project(document, "!" + str(selection)))
    assert sorted(kept) == sorted(leaves(document))


def test_where_the_halves_overlap() -> None:
    """The two boundaries of the property above, as the semantics define them."""
    # a top-level scalar is returned unchanged by both halves (5.4)
    assert project(7, "a") == project(7, "!a") == 7
    # the blank selection keeps everything, and "!" alone keeps the scalar elements of a
    # top-level array (6.2); with an object at the top the blank selection splits fine
    assert project([1, {"a": 2}], "") == [1, {"a": 2}]
    assert project([1, {"a": 2}], "!") == [1, {}]
    assert project({"a": [1]}, "") == {"a": [1]} and project({"a": [1]}, "!") == {}


def leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The non-null scalar leaves of ``value``, with their paths (array positions are
    left out of the path because inclusion may drop scalar elements and shift them)."""
    if isinstance(value, dict):
        return [leaf for key, sub in value.items() for leaf in leaves(sub, (*path, key))]
    if isinstance(value, list):
        return [leaf for sub in value for leaf in leaves(sub, (*path, "[]"))]
    if value is None:
        return []
    return [(*path, repr(value))]


# --- the fast path for long arrays of same-shaped objects (runtime.shaped_list) -----------

PAGE_KEYS = ["id", "state", "contact", "labels", "n"]
_page_leaves = st.one_of(st.integers(0, 3), st.sampled_from(["a", ""]), st.none(), st.booleans())
_page_containers = st.one_of(
    st.lists(st.integers(0, 2), max_size=2),
    st.dictionaries(st.sampled_from(["x"]), st.integers(0, 2)),
)
# Containers are rare, so that whole pages of leaves (the fast path) are common.
page_values = st.integers(0, 99).flatmap(lambda n: _page_containers if n == 0 else _page_leaves)


@st.composite
def pages(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Arrays long enough for the fast path: items of one to three key orders."""
    shapes = [
        draw(st.permutations(PAGE_KEYS))[: draw(st.integers(1, 5))]
        for _ in range(draw(st.sampled_from([1, 1, 2, 3])))
    ]
    count = draw(st.integers(runtime.SHAPED_MINIMUM, runtime.SHAPED_MINIMUM + 20))
    return [{k: draw(page_values) for k in draw(st.sampled_from(shapes))} for _ in range(count)]


@given(pages(), st.lists(st.sampled_from(PAGE_KEYS), min_size=1, max_size=4))
def test_long_arrays_agree_with_the_oracle(items: list[dict[str, Any]], keys: list[str]) -> None:
    document = {"items": items}
    expression = f"items({','.join(keys)})"
    result = project(document, expression)
    assert ordered(result) == ordered(oracle.project(document, expression))
    assert ordered(project(document, expression, copy=False)) == ordered(result)
    inputs = {id(c) for c in _containers(document)}
    assert not inputs & {id(c) for c in _containers(result)}


def test_fast_path_is_taken_for_a_uniform_page_and_refused_otherwise() -> None:
    keys = frozenset({"id", "state"})
    uniform = [{"id": i, "state": "READY", "contact": {"id": i}} for i in range(20)]
    assert runtime.shaped_list(uniform, keys) == [{"id": i, "state": "READY"} for i in range(20)]
    reordered = [*uniform[:-1], {"state": "READY", "id": 19, "contact": {}}]
    assert runtime.shaped_list(reordered, keys) is None
    with_container = [*uniform[:-1], {"id": [19], "state": "READY", "contact": {}}]
    assert runtime.shaped_list(with_container, keys) is None
    odd_leaf = [*uniform[:-1], {"id": ([],), "state": "READY", "contact": {}}]
    assert runtime.shaped_list(odd_leaf, keys) is None
    assert runtime.shaped_list([{1: "a", "id": 2}] * 20, frozenset({1, "id"})) is None
    # ... and the projection is right in every one of these cases
    for items in (uniform, reordered, with_container, odd_leaf):
        result = project({"items": items}, "items(id,state)")
        assert ordered(result) == ordered(oracle.project({"items": items}, "items(id,state)"))
    assert project({"i": [{1: "a", "id": 2}] * 20}, "i/id") == {"i": [{"id": 2}] * 20}


def test_one_selected_key_needs_no_common_shape() -> None:
    key = frozenset({"id"})
    mixed = [{"id": i, "n": i} if i % 2 else {"n": i, "id": i, "x": None} for i in range(20)]
    assert runtime.shaped_list(mixed, key) == [{"id": i} for i in range(20)]
    missing = [*mixed[:-1], {"n": 19}]
    assert runtime.shaped_list(missing, key) is None
    nested = [*mixed[:-1], {"id": [19]}]
    assert runtime.shaped_list(nested, key) is None  # a container: copied by the general path
    shared = runtime.shaped_list(nested, key, share=True)
    assert shared is not None and shared[-1]["id"] is nested[-1]["id"]
    for items in (mixed, missing, nested):
        result = project({"items": items}, "items/id")
        assert result == oracle.project({"items": items}, "items/id")
        assert result["items"][-1] in ({}, {"id": 19}, {"id": [19]})
    assert project({"items": nested}, "items/id")["items"][-1]["id"] is not nested[-1]["id"]


@st.composite
def nested_pages(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Long arrays of call-like items whose sub-objects and sub-arrays vary a little."""
    orders = [
        draw(st.permutations(["id", "contact", "records"]))
        for _ in range(draw(st.sampled_from([1, 1, 2])))
    ]
    leaf = st.one_of(st.integers(0, 3), st.sampled_from(["a", ""]), st.none())
    rare = st.integers(0, 49).map(lambda n: n == 0)
    items = []
    for _ in range(draw(st.integers(runtime.SHAPED_MINIMUM, runtime.SHAPED_MINIMUM + 10))):
        contact: Any = {"x": draw(leaf), "y": draw(leaf)}
        if draw(rare):
            contact = draw(st.sampled_from([None, 5, [{"x": 1}], {"x": [1]}]))
        record = st.fixed_dictionaries({"a": leaf, "b": leaf})
        records: Any = draw(st.lists(record, min_size=1, max_size=2 if draw(rare) else 1))
        if draw(rare):
            records = draw(st.sampled_from([None, [], [[{"a": 1}]], [{"a": 1}, 3]]))
        values = {"id": draw(leaf), "contact": contact, "records": records}
        items.append({k: values[k] for k in draw(st.sampled_from(orders))})
    return items


NESTED_EXPRESSIONS = [
    "items(id,contact/x,records(a))",
    "items(contact,records/b)",
    "items(records/a/z)",
    "items(id,contact(x,y),records(a,b))",
    "items(*)",
    "items/contact/x",
    "items(records)",
]


@given(nested_pages(), st.sampled_from(NESTED_EXPRESSIONS))
def test_long_nested_arrays_agree_with_the_oracle(
    items: list[dict[str, Any]], expression: str
) -> None:
    document = {"items": items}
    result = project(document, expression)
    assert ordered(result) == ordered(oracle.project(document, expression))
    inputs = {id(c) for c in _containers(document)}
    assert not inputs & {id(c) for c in _containers(result)}


def test_long_expressions_are_not_cached() -> None:
    from cftools.fields import _parser

    expression = ",".join(f"k{i}" for i in range(_parser.CACHED_LENGTH // 4))
    assert len(expression) > _parser.CACHED_LENGTH
    assert compile(expression) is not compile(expression)  # parsed again, same meaning
    assert compile(expression).selection == compile(expression).selection


def test_projectors_pickle_for_worker_processes() -> None:
    # multiprocessing sends the projector to its workers; the generated function made
    # pickle fail with "attribute lookup project on __main__ failed".
    import pickle

    from cftools import fields

    for expression in ("totalCount,items(id,contact/id)", "!items/*", ""):
        projector = fields.compile(expression)
        restored = pickle.loads(pickle.dumps(projector))
        assert restored.selection == projector.selection
        page = {"items": [{"id": 1, "contact": {"id": 2, "x": 3}}], "totalCount": 1}
        assert restored(page) == projector(page)
