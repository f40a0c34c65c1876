"""Write the object model as XML, in canonical form.

Canonical form: attributes in the language table's order (``name`` first), unknown
attributes after them in their original order; with ``pretty``, one tag per line and
two spaces per level; an action tag's text written exactly as held (it is the tag's
value and may carry meaningful spaces); comments kept. lxml does the escaping, so
``&``, ``<`` and quotes in text, ``${...}`` variables and JavaScript in attributes come
out well-formed and read back unchanged.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from cftools.dialplan._findings import DialplanError, Finding
from cftools.dialplan._model import MAX_DEPTH, TOO_DEEP, Comment, Element, malformed
from cftools.dialplan._tags import TAGS

__all__ = ["canonical_attrs", "to_xml"]

_INDENT = "  "


def canonical_attrs(element: Element) -> list[tuple[str, str]]:
    """Return the element's attributes in canonical order."""
    spec = TAGS.get(element.tag)
    if spec is None:
        return list(element.attrs.items())
    rank: dict[str, int] = {}
    for index, attr in enumerate(spec.attrs):
        for wire in (attr.wire, *attr.aliases):
            rank[wire] = index
    known = sorted((k for k in element.attrs if k in rank), key=lambda k: rank[k])
    return [(k, element.attrs[k]) for k in known] + [
        (k, v) for k, v in element.attrs.items() if k not in rank
    ]


def to_xml(root: Element, *, pretty: bool = True, xml_declaration: bool = False) -> str:
    """Serialize ``root`` and its subtree; see the module docstring for the form."""
    namespace = getattr(root, "namespace", None)
    problem = malformed(root)
    if problem is not None:
        raise DialplanError((Finding("CF100", f"cannot serialize: {problem[1]}", path=problem[0]),))
    try:
        tree = _convert(root, 0, pretty)
        if namespace:
            tree = _qualify(tree, namespace)
    except ValueError as exc:  # lxml refuses invalid names or characters
        raise DialplanError(
            (Finding("CF100", f"cannot serialize: {exc}", path=root.path),)
        ) from None
    text = etree.tostring(tree, encoding="unicode")
    before = getattr(root, "comments_before", [])
    after = getattr(root, "comments_after", [])
    sep = "\n" if pretty else ""
    try:
        prolog = "".join(_comment(c) + sep for c in before)
        epilog = "".join(sep + _comment(c) for c in after)
    except ValueError as exc:
        raise DialplanError((Finding("CF100", f"cannot serialize: {exc}"),)) from None
    text = prolog + text + epilog
    if xml_declaration:
        text = '<?xml version="1.0" encoding="UTF-8"?>' + sep + text
    return text + sep


def _qualify(tree: etree._Element, namespace: str) -> etree._Element:
    """Put every element of ``tree`` in the default namespace ``namespace``."""
    nsmap: dict[Any, str] = {None: namespace}  # lxml-stubs do not model the None key
    qualified = etree.Element(f"{{{namespace}}}{tree.tag}", nsmap=nsmap)
    qualified.text = tree.text
    for key, value in tree.attrib.items():
        qualified.set(key, value)
    for child in list(tree):
        qualified.append(child)
    for node in qualified.iter(etree.Element):
        if node is not qualified and not node.tag.startswith("{"):  # not in another one
            node.tag = f"{{{namespace}}}{node.tag}"
    return qualified


def _comment(comment: Comment) -> str:
    return etree.tostring(etree.Comment(comment.text), encoding="unicode")


def _convert(element: Element, depth: int, pretty: bool) -> etree._Element:
    if depth >= MAX_DEPTH:  # what parse() could not read back (nor Python recurse into)
        raise DialplanError((Finding("CF100", f"cannot serialize: {TOO_DEEP}", path=element.path),))
    node = etree.Element(element.tag)
    for key, value in canonical_attrs(element):
        node.set(key, value)
    if not element.children:
        node.text = element.text or None
        return node
    inner = "\n" + _INDENT * (depth + 1) if pretty else ""
    outer = "\n" + _INDENT * depth if pretty else ""
    node.text = (element.text or "") + inner or None
    last: etree._Element | None = None
    for child in element.children:
        if isinstance(child, Comment):
            last = etree.Comment(child.text)
            node.append(last)
        else:
            last = _convert(child, depth + 1, pretty)
            node.append(last)
        last.tail = inner or None
    if last is not None:
        last.tail = outer or None
    return node
