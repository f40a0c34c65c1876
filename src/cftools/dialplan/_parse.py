"""Read dialplan XML safely into the object model.

Safety is by construction: lxml never loads a DTD, never resolves an entity, never
touches the network and keeps its default depth and size limits (``huge_tree=False``);
on top of that a document over :data:`MAX_SIZE` is refused before parsing and a
document whose DOCTYPE declares entities (billion laughs, XXE) is refused after a
parse that expanded nothing. Either way the caller gets a
:class:`~cftools.dialplan.DialplanParseError` naming the problem, never a partial tree.

Positions: lxml reports for each element the line on which its start tag *ends*, and no
column. We therefore scan the source once with a regular expression that finds every
``<`` opening markup. In well-formed XML a ``<`` cannot occur in text or attribute
values, so after skipping comments, CDATA sections, processing instructions and the
DOCTYPE, the n-th start tag in the source is the n-th element in document order. That
gives the exact line and column of each tag's ``<`` for the cost of one C-level regex
pass.
"""

from __future__ import annotations

import bisect
import re

from lxml import etree

from cftools.dialplan._findings import DialplanParseError, Finding
from cftools.dialplan._model import Comment, Dialplan, Element, Node

__all__ = ["MAX_SIZE", "parse", "read"]

#: The largest document accepted, in bytes (or characters for ``str`` input). Real
#: dialplans are a few kilobytes; this bounds memory and time on hostile input.
MAX_SIZE = 1_000_000


def _parser(encoding: str | None) -> etree.XMLParser:
    """The one parser configuration used for dialplans (see the module docstring)."""
    return etree.XMLParser(
        encoding=encoding,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_blank_text=False,
        remove_comments=False,
        remove_pis=True,
        strip_cdata=True,
    )


# One alternative per kind of markup opened by "<"; group "tag" is set for start tags
# and group "comment" for comments. Everything else is skipped.
_MARKUP = re.compile(
    r"<(?:(?P<comment>!--.*?-->)|!\[CDATA\[.*?\]\]>|\?.*?\?>"
    r"|!DOCTYPE(?:[^\[>]|\[.*?\])*>|/|(?P<tag>[^\s/>]+))",
    re.DOTALL,
)
_POSITION_SUFFIX = re.compile(r",? line \d+, column \d+$")


def parse(xml: str | bytes) -> Dialplan:
    """Read ``xml`` (text or bytes) into a :class:`~cftools.dialplan.Dialplan`.

    Comments are kept, including those before and after the root element
    (``Dialplan.comments_before``/``comments_after``); processing instructions and the
    XML declaration are dropped. A root other than
    ``<dialplan>`` is not refused here (``validate`` reports it). Raises
    :class:`~cftools.dialplan.DialplanParseError` for malformed, oversized or
    entity-declaring XML.
    """
    return read(xml)


def read(xml: str | bytes) -> Dialplan:
    """The implementation of :func:`parse`, shared with the validator."""
    if not isinstance(xml, (str, bytes)):
        raise TypeError(f"parse() takes str or bytes, not {type(xml).__name__}")
    if len(xml) > MAX_SIZE:
        raise _error(
            "CF101",
            f"document is {len(xml)} {'bytes' if isinstance(xml, bytes) else 'characters'}, "
            f"over the {MAX_SIZE} limit; a dialplan this large is not plausible",
        )
    if isinstance(xml, str):
        # A str is already decoded: ignore any encoding the XML declaration names.
        parser = _parser("utf-8")
        data = xml.encode("utf-8", "surrogatepass")
    else:
        parser = _parser(None)
        data = xml
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        message = _POSITION_SUFFIX.sub("", str(exc.msg or exc))
        raise _error("CF100", f"malformed XML: {message}", line or None, column or None) from None
    except (ValueError, UnicodeError) as exc:  # e.g. unknown encoding, bad surrogates
        raise _error("CF100", f"unreadable XML: {exc}") from None
    dtd = root.getroottree().docinfo.internalDTD
    entities = list(dtd.iterentities()) if dtd is not None else []  # type: ignore[union-attr]
    if entities:
        names = ", ".join(sorted(str(e.name) for e in entities))
        raise _error(
            "CF101",
            f"the DOCTYPE declares entities ({names}); entities are refused because they "
            "enable entity-expansion and external-entity attacks. Remove the DOCTYPE",
            1,
            1,
        )
    positions = _Positions(xml if isinstance(xml, str) else _decode(xml, root))
    before = [_comment(c, positions) for c in reversed(list(root.itersiblings(preceding=True)))]
    plan = Dialplan._from_root(_build(root, positions))
    plan.comments_before = [c for c in before if c is not None]
    after = [_comment(c, positions) for c in root.itersiblings()]
    plan.comments_after = [c for c in after if c is not None]
    return plan


def _comment(node: etree._Element, positions: _Positions) -> Comment | None:
    if not isinstance(node, etree._Comment):
        return None
    line, column = positions.next("comment")
    return Comment(str(node.text or ""), line=line, column=column)


def _decode(data: bytes, root: etree._Element) -> str:
    encoding = root.getroottree().docinfo.encoding or "utf-8"
    try:
        return data.decode(encoding, "replace")
    except LookupError:
        return data.decode("utf-8", "replace")


def _error(
    code: str, message: str, line: int | None = None, column: int | None = None
) -> Exception:
    return DialplanParseError(Finding(code, message, line, column))


class _Positions:
    """Hand out the (line, column) of each element and comment in document order."""

    def __init__(self, text: str) -> None:
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        marks: list[tuple[str, int]] = []
        for match in _MARKUP.finditer(text):
            if match.group("tag") is not None:
                marks.append(("element", match.start()))
            elif match.group("comment") is not None:
                marks.append(("comment", match.start()))
        self._marks = iter(marks)

    def next(self, kind: str) -> tuple[int | None, int | None]:
        for mark_kind, offset in self._marks:
            if mark_kind == kind:
                line = bisect.bisect_right(self._line_starts, offset)
                return line, offset - self._line_starts[line - 1] + 1
        return None, None


def _build(node: etree._Element, positions: _Positions) -> Element:
    line, column = positions.next("element")
    tag = node.tag if isinstance(node.tag, str) else str(node.tag)
    element = Element(
        tag, {str(k): str(v) for k, v in node.attrib.items()}, line=line, column=column
    )
    children = list(node)
    if not children:
        element.text = node.text or ""
        return element
    pieces = [node.text or ""]
    for child in children:
        pieces.append(child.tail or "")
        built: Node
        if isinstance(child, etree._Comment):
            built = Comment(str(child.text or ""), line=None)
            built.line, built.column = positions.next("comment")
        elif isinstance(child.tag, str):
            built = _build(child, positions)
        else:  # entity references cannot occur (refused above); skip anything else
            continue
        element.append(built)
    element.text = "".join(pieces).strip()
    return element
