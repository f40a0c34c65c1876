"""The tag table: complete against the reference, consistent, and driving the builder."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from cftools.dialplan import TAGS, Dialplan
from cftools.dialplan._builder import BUILDER_METHODS
from cftools.dialplan._tags import CONTAINERS, STATEMENTS, parents_of, snake_case

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "callfire-xml.md"


def reference_index() -> dict[str, set[str]]:
    """Tag -> attribute names, read from the reference's tag index table."""
    if not REFERENCE.is_file():
        pytest.skip(f"reference material not found at {REFERENCE}")
    text = REFERENCE.read_text(encoding="utf-8")
    section = text[text.index("## 2. Tag index") : text.index("## 3.")]
    index: dict[str, set[str]] = {}
    for match in re.finditer(r"^\| `(\w+)`[^|]*\| (\w+)[^|]*\| \d+ \| ([^|]+) \|", section, re.M):
        tag, _kind, attrs = match.groups()
        index[tag] = {a.strip() for a in attrs.split(",")}
    return index


def test_every_reference_tag_and_attribute_is_in_the_table() -> None:
    index = reference_index()
    assert len(index) == 28
    assert set(index) == set(TAGS)
    for tag, attrs in index.items():
        assert {a.wire for a in TAGS[tag].attrs} == attrs, tag


def test_kinds_match_the_reference() -> None:
    assert {
        "dialplan", "menu", "keypress", "if", "else", "equal", "notEqual", "amd", "live",
        "machine", "catch",
    } == CONTAINERS  # fmt: skip
    for spec in TAGS.values():
        if spec.kind == "action":
            assert not spec.allowed, spec.wire
        else:
            assert spec.text == "none", spec.wire


def test_restricted_tags_have_one_parent() -> None:
    assert parents_of("keypress") == {"menu"}
    assert parents_of("else") == {"if"}
    assert parents_of("live") == parents_of("machine") == {"amd"}
    assert parents_of("dialplan") == frozenset()
    # Statements are legal in every statement context.
    for tag in STATEMENTS:
        assert {"dialplan", "keypress", "if", "else", "live", "machine", "catch"} <= parents_of(tag)


@pytest.mark.parametrize(
    ("wire", "py"),
    [
        ("maxDigits", "max_digits"),
        ("whisper-tts", "whisper_tts"),
        ("continue-after", "continue_after"),
        ("loggingEnabled", "logging_enabled"),
        ("gotoXML", "goto_xml"),
        ("notEqual", "not_equal"),
        ("callerid", "callerid"),
    ],
)
def test_snake_case(wire: str, py: str) -> None:
    assert snake_case(wire) == py


def test_documented_spelling_variants_are_aliases() -> None:
    menu = TAGS["menu"]
    assert menu.attr("maxdigits") is menu.attr("maxDigits")
    play_type = TAGS["play"].attr("type")
    assert play_type is not None
    assert play_type.value_aliases["URL"] == "url"


@pytest.mark.parametrize("tag", sorted(TAGS))
def test_builder_method_parameters_are_the_tag_attributes(tag: str) -> None:
    if tag == "dialplan":
        params = set(inspect.signature(Dialplan.__init__).parameters) - {"self", "children"}
        assert params == {"name", "extra_attrs"}
        return
    method, content = BUILDER_METHODS[tag]
    signature = inspect.signature(getattr(Dialplan, method))
    params = {n for n, p in signature.parameters.items() if p.kind is not p.VAR_KEYWORD}
    params -= {"self", "extra_attrs"}
    if content is not None:
        assert content in params
        params.discard(content)
    assert params == {a.py for a in TAGS[tag].attrs}
    assert getattr(Dialplan, method).__doc__


def test_every_tag_and_attribute_is_documented() -> None:
    for spec in TAGS.values():
        assert spec.doc, spec.wire
        for attr in spec.attrs:
            assert attr.doc, f"{spec.wire}/@{attr.wire}"
