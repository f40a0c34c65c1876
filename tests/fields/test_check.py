"""``fields.check``: every name of an expression looked up in a shape."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cftools import fields
from cftools.fields import FieldsSyntaxError, UnknownName

PAGE: dict[str, Any] = {
    "items": {"id": None, "toNumber": None, "attributes": {"*": None}},
    "totalCount": None,
}


def test_known_names_pass() -> None:
    assert fields.check("totalCount,items(id,toNumber)", PAGE) == []


def test_a_close_miss_has_a_suggestion_with_its_path() -> None:
    assert fields.check("items(toNumbr)", PAGE) == [
        UnknownName("items/toNumbr", "toNumbr", "toNumber")
    ]


def test_a_miss_in_the_wrong_case_suggests_the_right_case() -> None:
    assert fields.check("TOTALCOUNT", PAGE)[0].suggestion == "totalCount"


def test_a_name_close_to_nothing_has_no_suggestion() -> None:
    (found,) = fields.check("items/zzqx", PAGE)
    assert found.suggestion is None
    assert str(found) == "items/zzqx: no such field"


def test_str_shows_the_suggestion() -> None:
    (found,) = fields.check("items/toNumbr", PAGE)
    assert str(found) == "items/toNumbr: no such field; did you mean 'toNumber'?"


def test_every_miss_is_reported_and_nothing_below_it() -> None:
    found = fields.check("nope(a,b),items(idd,zz/deeper)", PAGE)
    assert [f.path for f in found] == ["items/idd", "items/zz", "nope"]


def test_the_wildcard_is_always_accepted() -> None:
    assert fields.check("*", PAGE) == []
    assert fields.check("items/*", PAGE) == []


def test_keys_of_a_free_form_map_are_accepted() -> None:
    assert fields.check("items/attributes(anything,at\\ all)", PAGE) == []


def test_a_name_below_a_plain_value_is_unknown() -> None:
    assert fields.check("items/id/x", PAGE) == [UnknownName("items/id/x", "x", None)]


def test_exclusions_are_checked_the_same_way() -> None:
    assert [f.path for f in fields.check("!items/toNumbr", PAGE)] == ["items/toNumbr"]


def test_a_blank_expression_names_nothing() -> None:
    assert fields.check("", PAGE) == []


def test_a_parsed_selection_is_accepted() -> None:
    assert fields.check(fields.parse("items/idd"), PAGE)[0].suggestion == "id"


def test_special_characters_are_escaped_in_the_path() -> None:
    (found,) = fields.check("items/a\\,b", PAGE)
    assert found.path == "items/a\\,b" and found.name == "a,b"


def test_a_malformed_expression_raises_the_syntax_error() -> None:
    with pytest.raises(FieldsSyntaxError):
        fields.check("items(id", PAGE)


def test_a_shape_that_contains_itself_is_walked_only_as_deep_as_the_expression() -> None:
    user: dict[str, Any] = {"name": None}
    user["account"] = {"owner": user, "id": None}
    assert fields.check("account/owner/account/owner/name", user) == []
    assert fields.check("account/owner/account/ownr", user)[0].suggestion == "owner"


# -- Property: every expression built from the shape's own names passes ------------------

_NAMES = st.text(alphabet="abcdefgh", min_size=1, max_size=6)
_SHAPES: st.SearchStrategy[Any] = st.recursive(
    st.none(),
    lambda inner: st.dictionaries(_NAMES, inner, min_size=1, max_size=4),
    max_leaves=12,
).filter(lambda s: isinstance(s, dict))


def _paths(shape: Mapping[str, Any], prefix: str = "") -> list[str]:
    out = []
    for key, below in shape.items():
        path = f"{prefix}/{key}" if prefix else key
        out.append(path)
        if isinstance(below, Mapping):
            out += _paths(below, path)
    return out


@given(shape=_SHAPES, data=st.data())
def test_names_taken_from_the_shape_always_pass(shape: dict[str, Any], data: Any) -> None:
    paths = data.draw(st.lists(st.sampled_from(_paths(shape)), min_size=1, max_size=5))
    assert fields.check(",".join(paths), shape) == []


@given(shape=_SHAPES, extra=st.text(alphabet="xyz", min_size=1, max_size=4))
def test_a_name_added_to_the_shape_is_reported_exactly_once(
    shape: dict[str, Any], extra: str
) -> None:
    path = _paths(shape)[0]
    found = (
        fields.check(f"{path}/{extra}", shape)
        if isinstance(_below(shape, path), Mapping)
        else fields.check(extra, shape)
    )
    assert len(found) == 1 and found[0].name == extra


def _below(shape: Mapping[str, Any], path: str) -> Any:
    node: Any = shape
    for key in path.split("/"):
        node = node[key]
    return node
