"""The shape-specialised code for long arrays under nested selections (``_shapes``):
results equal the independent oracle's on pages that mostly share one shape and break
it anywhere (in any chunk), at any depth, and the specialised code is really used."""

from __future__ import annotations

import copy
from typing import Any

import fields_oracle as oracle
import pytest
from fields_strategies import KEYS, inclusions, json_values
from hypothesis import given, settings
from hypothesis import strategies as st

from cftools.fields import Projector, parse, project
from cftools.fields import _runtime as runtime
from cftools.fields import _shapes as shapes


def ordered(value: Any) -> Any:
    """A form of ``value`` whose equality also compares key order."""
    if isinstance(value, dict):
        return [(k, ordered(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [ordered(v) for v in value]
    return (type(value).__name__, value)


def containers(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [value, *(c for v in value.values() for c in containers(v))]
    if isinstance(value, list):
        return [value, *(c for v in value for c in containers(v))]
    return []


def check(document: Any, expression: str) -> Any:
    """Project, compare with the oracle (key order included), check nothing is shared
    with the input and the input is unchanged; return the result."""
    before = copy.deepcopy(document)
    result = project(document, expression)
    assert ordered(result) == ordered(oracle.project(document, expression))
    assert not {id(c) for c in containers(document)} & {id(c) for c in containers(result)}
    assert ordered(document) == ordered(before), "the input was modified"
    assert ordered(project(document, expression, copy=False)) == ordered(result)
    assert ordered(document) == ordered(before), "the input was modified"
    return result


def builders(projector: Projector) -> dict[Any, Any]:
    table: dict[Any, Any] = projector._function.__globals__["SHAPES"].builders
    return table


def call(i: int) -> dict[str, Any]:
    return {
        "id": i,
        "state": "FINISHED",
        "contact": {"id": 40 + i, "homePhone": f"1213555{i:04d}", "address": {"city": "LA"}},
        "records": [
            {
                "id": 10 + i,
                "billedAmount": 0.5,
                "callResult": "LA",
                "questionResponses": [{"question": "dog?", "response": "Yes"}],
            }
        ],
        "labels": ["a"],
    }


PAGE_EXPRESSIONS = [
    "items(id,contact/homePhone,records(callResult,billedAmount))",
    "items(contact(address,homePhone),records(questionResponses(response)))",
    "items(records/questionResponses/question,labels)",
    "items(contact/address/city)",
    "items(id,records(id,questionResponses/response/x))",
    "items(labels/x,contact(id))",
]

# Ways of breaking the page's shape at one item (each the semantics must survive).
BREAKS: list[Any] = [
    lambda item: {k: item[k] for k in reversed(item)},  # another key order
    lambda item: {k: v for k, v in item.items() if k != "contact"},  # a missing key
    lambda item: {**item, "extra": 1},  # an extra key
    lambda item: {**item, "contact": None},
    lambda item: {**item, "contact": 5},  # a scalar under a sub-selection: vanishes
    lambda item: {**item, "contact": [{"homePhone": "1"}, None, 2]},
    lambda item: {**item, "contact": {"homePhone": {"n": [1]}}},  # a container kept whole
    lambda item: {**item, "records": None},
    lambda item: {**item, "records": "x"},
    lambda item: {**item, "records": []},
    lambda item: {**item, "records": [[{"callResult": "AM"}], 3, None]},
    lambda item: {**item, "records": [{"callResult": "AM", "billedAmount": 1}]},
    lambda item: {**item, "records": [{**item["records"][0], "questionResponses": 7}]},
    lambda item: {**item, "id": {"deep": [1]}},
    lambda item: {**item, "labels": [{"x": 1}, "y"]},
    lambda item: None,  # not an object at all
    lambda item: [item],
]


# Each example projects a page of up to two chunks through both the compiled code and
# the oracle: a quarter of the profile's examples keeps the default run under ~15 s
# while the thorough profile still runs hundreds.
@settings(max_examples=max(40, settings().max_examples // 4))
@given(
    st.sampled_from(PAGE_EXPRESSIONS),
    st.integers(shapes.CHUNK - 3, 2 * shapes.CHUNK + 5),
    st.lists(
        st.tuples(st.integers(0, 2 * shapes.CHUNK + 5), st.integers(0, len(BREAKS) - 1)),
        max_size=3,
    ),
)
def test_pages_broken_anywhere_agree_with_the_oracle(
    expression: str, count: int, breaks: list[tuple[int, int]]
) -> None:
    items: list[Any] = [call(i) for i in range(count)]
    for position, kind in breaks:
        if position < count:
            items[position] = BREAKS[kind](call(position))
    check({"items": items, "totalCount": count}, expression)


@given(st.lists(json_values, min_size=1, max_size=3), st.sampled_from(PAGE_EXPRESSIONS))
def test_any_values_in_a_page_agree_with_the_oracle(values: list[Any], expression: str) -> None:
    items: list[Any] = [call(i) for i in range(runtime.SHAPED_MINIMUM + 4)]
    keys = ["id", "contact", "records", "labels"]
    for i, value in enumerate(values):
        items[3 * i + 1][keys[i % len(keys)]] = value
    check({"items": items}, expression)


@given(
    st.dictionaries(st.sampled_from(KEYS), json_values, max_size=6),
    st.lists(st.tuples(st.integers(0, 30), json_values), max_size=4),
    inclusions,
)
def test_random_selections_on_long_arrays_agree_with_the_oracle(
    item: dict[str, Any], odd: list[tuple[int, Any]], expression: str
) -> None:
    """A random object repeated (so the specialised code applies), some elements
    replaced by random values, under random inclusions; at the top and one level down."""
    items: list[Any] = [copy.deepcopy(item) for _ in range(runtime.SHAPED_MINIMUM + 15)]
    for position, value in odd:
        items[position] = value
    check(items, expression)
    check({"items": items, "a": items}, f"items({expression}),a/b")


def test_a_uniform_page_uses_one_specialised_function() -> None:
    projector = Projector(parse(PAGE_EXPRESSIONS[0]))  # a fresh one, not the cached one
    result = projector({"items": [call(i) for i in range(600)]})
    assert result["items"][599] == {
        "id": 599,
        "contact": {"homePhone": "12135550599"},
        "records": [{"billedAmount": 0.5, "callResult": "LA"}],
    }
    assert len(builders(projector)) == 1
    projector({"items": [call(i) for i in range(600, 700)]})
    assert len(builders(projector)) == 1  # the same shape reuses it
    projector({"items": [call(i) for i in range(runtime.SHAPED_MINIMUM - 1)][::-1]})
    assert len(builders(projector)) == 1  # short arrays: general code only
    projector({"items": [{"records": [], **call(i)} for i in range(runtime.SHAPED_MINIMUM)]})
    assert len(builders(projector)) == 2  # another key order, another function


def test_leaves_of_another_type_than_the_first_elements_are_copied() -> None:
    first = {"id": None, "name": "a", "rate": 0.5, "on": True, "n": 1}
    items: list[Any] = [{**first, "c": {"x": dict(first)}} for _ in range(40)]
    for i, key in enumerate(first, start=1):
        items[i * 7] = {**first, key: {"deep": [i]}, "c": {"x": {**first, key: [i]}}}
    for expression in ("items(id,name,rate,on,n,c/x)", "items(n,c/x(id,name,rate,on,n))"):
        check({"items": items}, expression)


def test_elements_lacking_selected_keys_take_the_specialised_code() -> None:
    items: list[Any] = [call(i) for i in range(300)]
    for i in (0, 1, 5, 100, 299):  # the first two included: the sample must not be one
        del items[i]["contact"]
    for i in (7, 150):
        items[i] = {k: v for k, v in items[i].items() if k not in ("id", "records")}
    items[200] = {"records": [], **items[200]}  # another order: the general code
    projector = Projector(parse(PAGE_EXPRESSIONS[0]))
    expected = oracle.project({"items": items}, PAGE_EXPRESSIONS[0])
    assert ordered(projector({"items": items})) == ordered(expected)
    ((_, signature),) = builders(projector)
    assert signature[1] == tuple(call(0))  # specialised for the complete elements
    assert shapes.subsequence(("id", "records"), ("id", "contact", "records"), {})
    assert not shapes.subsequence(("records", "id"), ("id", "contact", "records"), {})


def test_a_shape_is_compiled_once_enough_of_its_elements_were_met(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(shapes, "COMPILE_AFTER", 100)
    projector = Projector(parse(PAGE_EXPRESSIONS[0]))
    page = {"items": [call(i) for i in range(40)]}
    expected = ordered(oracle.project(page, PAGE_EXPRESSIONS[0]))
    for _ in range(2):
        assert ordered(projector(page)) == expected
        assert not builders(projector)  # 40, then 80 elements: the general code
    assert ordered(projector(page)) == expected
    assert len(builders(projector)) == 1  # 120: compiled, and used from now on
    assert ordered(projector(page)) == expected
    assert len(builders(projector)) == 1


def test_first_element_sets_the_shape_and_others_are_checked() -> None:
    items: list[Any] = [call(i) for i in range(40)]
    items[0] = {"contact": {"homePhone": "1"}, "id": 0}  # an odd first element
    check({"items": items}, PAGE_EXPRESSIONS[0])
    items = [dict(reversed(call(i).items())) for i in range(40)]
    check({"items": items}, PAGE_EXPRESSIONS[0])  # another order for the whole page


def test_selections_deeper_than_the_inlined_levels() -> None:
    def nest(level: int, i: int) -> Any:
        if level == 0:
            return {"v": i, "w": -i}
        return {"k": [nest(level - 1, i)], "o": {"z": level, "k": nest(level - 1, i)}, "n": i}

    depth = shapes.INLINE_DEPTH + 3
    path = "(".join(["k"] * depth)
    items = [nest(depth, i) for i in range(30)]
    items[17] = nest(depth - 1, 17)  # shallower: the deepest selection meets a scalar
    expressions = [
        f"items({path}(v)" + ")" * depth,
        f"items(n,o/k/o/k/k(w,v),{path}/v" + ")" * depth,
    ]
    for expression in expressions:
        check({"items": items}, expression)


def test_the_number_of_specialised_functions_is_bounded() -> None:
    projector = Projector(parse("items(id,contact(homePhone,id))"))
    for n in range(shapes.BUILDERS_LIMIT + 5):
        items = [{f"s{n}": 1, **call(i)} for i in range(runtime.SHAPED_MINIMUM)]
        expected = oracle.project({"items": items}, str(projector.selection))
        assert ordered(projector({"items": items})) == ordered(expected)
    assert len(builders(projector)) == shapes.BUILDERS_LIMIT


def test_document_keys_never_reach_the_generated_source() -> None:
    class Sneaky(str):
        def __repr__(self) -> str:
            raise AssertionError("a document key was written into source code")

    items = [{Sneaky("id"): i, Sneaky("contact"): {Sneaky("x"): i, "y": 1}} for i in range(20)]
    result = project({"items": items}, "items(id,contact(x,y))")
    assert result == {"items": [{"id": i, "contact": {"x": i, "y": 1}} for i in range(20)]}
