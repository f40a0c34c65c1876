"""Generate the RELAX NG schema ``grammars/dialplan.rng`` from the tag table.

The schema states the structural language: which tags exist, where each may appear,
which attributes it takes (documented spellings included), the enumerations, and number
and keypress syntax. Values holding ``${...}`` are accepted wherever a typed value is,
since they are only known at call time. Counting rules (a menu needs a play and a
keypress), names, gotos and variables are the validator's job, not the schema's.

The schema is the documented language, so it is stricter than the validator in what the
validator only warns about: an undocumented tag (CF218) or attribute (CF217), and a
namespace on the elements (CF104). Attributes tolerated on any tag
(:data:`~cftools.dialplan._tags.TOLERATED_ATTRS`, such as ``loggingEnabled``, which
CallFire's own samples put on ``<dialplan>``) are in the schema, on every tag.
``cftools dialplan validate`` is the check that accepts everything CallFire does.

The file in ``grammars/`` is this module's output, checked by a test so the two cannot
drift. Regenerate it with ``python -m cftools.dialplan._schema > grammars/dialplan.rng``.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from cftools.dialplan._tags import BOOLEAN, TAGS, TOLERATED_ATTRS, AttrSpec, TagSpec

__all__ = ["generate_rng"]

_RNG = "http://relaxng.org/ns/structure/1.0"
_XSD_TYPES = "http://www.w3.org/2001/XMLSchema-datatypes"
# XSD regular expressions: no anchors; '$' is an ordinary character.
_VARIABLE = r"[\s\S]*$\{[\s\S]*"
_PATTERNS = {
    "int": r"\s*[0-9]+\s*",
    "pressed": r"\s*([0-9*#]+|[0-9]+\s*-\s*[0-9]+|[Dd][Ee][Ff][Aa][Uu][Ll][Tt]"
    r"|[Tt][Ii][Mm][Ee][Oo][Uu][Tt])\s*",
}


def _el(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{_RNG}}}{tag}", attrs)


def _pattern(parent: etree._Element, pattern: str) -> None:
    data = _el(parent, "data", type="string")
    _el(data, "param", name="pattern").text = pattern


def _value(parent: etree._Element, attr: AttrSpec) -> None:
    """Write the value pattern of ``attr``: enumerations and typed values also accept
    a ``${...}`` variable; everything else is text."""
    if attr.type in ("enum", "bool") and not attr.open_enum:
        choice = _el(parent, "choice")
        for value in (*(attr.enum or BOOLEAN), *attr.value_aliases):
            _el(choice, "value", type="string").text = value
        _pattern(choice, _VARIABLE)
    elif attr.type in _PATTERNS:
        choice = _el(parent, "choice")
        _pattern(choice, _PATTERNS[attr.type])
        _pattern(choice, _VARIABLE)
    else:
        _el(parent, "text")


def _attribute(parent: etree._Element, attr: AttrSpec) -> None:
    holder = parent if attr.required and attr.strict else _el(parent, "optional")
    spellings = (attr.wire, *attr.aliases)
    if len(spellings) > 1:
        holder = _el(holder, "choice")
    for wire in spellings:
        _value(_el(holder, "attribute", name=wire), attr)


def _define(grammar: etree._Element, spec: TagSpec) -> None:
    define = _el(grammar, "define", name=_ref_name(spec.wire))
    element = _el(define, "element", name=spec.wire)
    for attr in spec.attrs:
        _attribute(element, attr)
    own = {wire for attr in spec.attrs for wire in (attr.wire, *attr.aliases)}
    for name in sorted(TOLERATED_ATTRS - own):
        _el(_el(element, "optional"), "attribute", name=name)  # any text, as the validator
    if spec.kind == "action":
        _el(element, "text")
        return
    allowed = sorted(spec.allowed)
    if not allowed:
        _el(element, "empty")
        return
    choice = _el(_el(element, "zeroOrMore"), "choice")
    for child in allowed:
        _el(choice, "ref", name=_ref_name(child))


def _ref_name(tag: str) -> str:
    return f"tag.{tag}"


def generate_rng() -> str:
    """Return the RELAX NG schema text for the whole tag table."""
    # lxml-stubs do not model the default namespace's None key.
    nsmap: dict[Any, str] = {None: _RNG}
    grammar = etree.Element(f"{{{_RNG}}}grammar", nsmap=nsmap, datatypeLibrary=_XSD_TYPES)
    grammar.append(
        etree.Comment(
            " Generated from cftools.dialplan._tags by cftools.dialplan._schema; do not edit. "
        )
    )
    _el(_el(grammar, "start"), "ref", name=_ref_name("dialplan"))
    for spec in TAGS.values():
        _define(grammar, spec)
    etree.indent(grammar, space="  ")
    return etree.tostring(grammar, encoding="unicode", xml_declaration=False) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(generate_rng(), end="")
