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
pass (lines are counted between consecutive tags with ``str.count``), paid only when
some position is first read (a clean validation never pays it).

The model is built in one recursive pass over the lxml tree, which also records the
elements in document order so that the validator need not walk the model again
(:func:`parsed_elements`).
"""

from __future__ import annotations

import codecs
import contextlib
import re
import threading
from typing import TypeVar, cast

from lxml import etree

from cftools.dialplan._findings import DialplanParseError, DialplanTypeError, Finding
from cftools.dialplan._model import (
    MAX_DEPTH,
    TOO_DEEP,
    Comment,
    Dialplan,
    Element,
    document_order,
    malformed,
)

__all__ = [
    "MAX_DEPTH",
    "MAX_SIZE",
    "TOO_DEEP",
    "decode",
    "load",
    "parse",
    "parsed_elements",
    "parsed_parents",
    "read",
]

#: The largest document accepted, in bytes (or characters for ``str`` input). Real
#: dialplans are a few kilobytes; this bounds memory and time on hostile input.
MAX_SIZE = 1_000_000


_local = threading.local()


def _parser(encoding: str | None) -> etree.XMLParser:
    """The one parser configuration used for dialplans (see the module docstring).

    Parsers are reused (building one costs as much as parsing a small dialplan) but
    never shared between threads, which lxml does not allow.
    """
    cache: dict[str | None, etree.XMLParser] | None = getattr(_local, "parsers", None)
    if cache is None:
        cache = _local.parsers = {}
    parser = cache.get(encoding)
    if parser is None:
        parser = cache[encoding] = etree.XMLParser(
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
    return parser


# One alternative per kind of markup opened by "<"; group "tag" is set for start tags
# and group "comment" for comments. Everything else is skipped. A DOCTYPE's quoted
# literals and its internal subset's comments, PIs and quoted default values may hold
# "]" or ">", so they are skipped whole. (Only well-formed sources are scanned.)
_QUOTED = r"\"[^\"]*\"|'[^']*'"
_SUBSET = rf"\[(?:<!--.*?-->|<\?.*?\?>|{_QUOTED}|[^\]\"'])*\]"
_MARKUP = re.compile(
    r"<(?:(?P<comment>!--.*?-->)|!\[CDATA\[.*?\]\]>|\?.*?\?>"
    rf"|!DOCTYPE(?:{_QUOTED}|{_SUBSET}|[^\[>\"'])*>|/|(?P<tag>[^\s/>]))",
    re.DOTALL,
)
# An XML declaration in one-byte characters that names a two- or four-byte encoding.
_WIDE_LABEL = re.compile(
    rb"(?:\xef\xbb\xbf)?<\?xml[^>]*encoding\s*=\s*[\"'](?:utf-?16|utf-?32|ucs-?2|ucs-?4)",
    re.IGNORECASE,
)
_ENTITIES_REFUSED = (
    "the DOCTYPE declares entities, which are refused because they enable entity-expansion "
    "and external-entity attacks; remove the DOCTYPE"
)
_POSITION_SUFFIX = re.compile(r",? line \d+, column \d+$")

_AMPERSAND = (
    "a raw '&' must be written &amp; (in a URL's query string, and each '&' of "
    "'&&' in an expression)"
)
# How to fix the mistakes libxml2 reports most, in CallFire's terms: (pattern of its
# message, hint added after it).
_SYNTAX_HINTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), hint)
    for pattern, hint in (
        (r"xmlParseEntityRef: no name|EntityRef: expecting ';'", _AMPERSAND),
        (
            r"Entity '[^']*' not defined",
            "XML defines only &amp; &lt; &gt; &quot; &apos;: write the character itself "
            "or its number (&#160; for &nbsp;), and a raw '&' as &amp;",
        ),
        (
            r"Unescaped '<' not allowed in attributes values",
            "write '<' as &lt; in an attribute (expr=\"${n} &lt; 3\")",
        ),
        (r"StartTag: invalid element name", "a '<' that starts no tag must be written &lt;"),
        (
            r"XML declaration allowed only at the start",
            "remove what comes before <?xml ...?>, blank lines included",
        ),
        (r"AttValue: \" or ' expected", 'put the attribute value in quotes (type="tts")'),
        (r"Double hyphen within comment", "'--' is not allowed inside a comment"),
        (
            r"Opening and ending tag mismatch|Premature end of data|EndTag: '</' not found",
            "close every tag with its end tag (<play>...</play>), innermost first, or "
            "write an empty one as <hangup/>",
        ),
        (r"Start tag expected", 'a dialplan starts with <dialplan name="Root">'),
        (r"Document is empty", 'write the dialplan: <dialplan name="Root">...</dialplan>'),
        (
            r"Extra content at the end of the document",
            "a dialplan is one <dialplan> element: nothing but comments may follow it",
        ),
    )
)


def _explain(message: str, source: str | bytes) -> str:
    """libxml2's ``message`` with a hint on how to fix it, when it is a usual mistake."""
    if message.startswith("Invalid bytes in character encoding"):
        if isinstance(source, str):  # only a lone surrogate fails to encode
            return "the text holds a lone surrogate (U+D800 to U+DFFF), which is no character"
        return (
            f"{message}: the file is not in the encoding its XML declaration names "
            "(UTF-8 when it names none); save it as UTF-8 or declare its encoding"
        )
    for pattern, hint in _SYNTAX_HINTS:
        if pattern.search(message):
            return f"{message}; {hint}"
    return message


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
        raise DialplanTypeError(f"parse() takes str or bytes, not {type(xml).__name__}")
    if len(xml) > MAX_SIZE:
        raise _error(
            "CF101",
            f"document is {len(xml)} {'bytes' if isinstance(xml, bytes) else 'characters'}, "
            f"over the {MAX_SIZE} limit; a dialplan this large is not plausible",
        )
    if isinstance(xml, bytes) and _WIDE_LABEL.match(xml):
        # One-byte text labelled UTF-16 or UTF-32, as .NET's XmlSerializer writes into a
        # string: it cannot be what it says. CallFire receives the dialplan as text and
        # never reads the label, so read the bytes as the UTF-8 they are, like a str.
        with contextlib.suppress(UnicodeDecodeError):  # else the parser reports it
            xml = xml.decode("utf-8-sig")
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
        message = _POSITION_SUFFIX.sub("", str(exc.msg or exc)).strip()
        if _contains(xml, "<!ENTITY"):
            # libxml2 stopped an entity bomb or unresolvable entity: say why we refuse.
            raise _error("CF101", f"{_ENTITIES_REFUSED} ({message})", line, column) from None
        if message.startswith("Excessive depth"):  # libxml2's limit names an lxml option
            message = TOO_DEEP
        message = _explain(message, xml)
        raise _error("CF100", f"malformed XML: {message}", line or None, column or None) from None
    except (ValueError, UnicodeError) as exc:  # e.g. unknown encoding, bad surrogates
        raise _error("CF100", f"unreadable XML: {exc}") from None
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD if root.getprevious() is not None or _has_doctype(xml) else None
    entities = list(dtd.iterentities()) if dtd is not None else []  # type: ignore[union-attr]
    if entities:
        names = ", ".join(sorted(str(e.name) for e in entities))
        raise _error("CF101", f"{_ENTITIES_REFUSED}; it declares {names}", 1, 1)
    encoding = None if isinstance(xml, str) else tree.docinfo.encoding
    locator = _Locator(xml, encoding)
    plan = _new(Dialplan)
    plan.comments_before = []
    plan.comments_after = []
    plan.namespace = None
    if root.tag[0] == "{":  # a default namespace: keep local names, remember the URI
        plan.namespace = etree.QName(root).namespace
        _strip_namespace(root, plan.namespace)
    if root.getprevious() is not None:
        before = [c for c in root.itersiblings(preceding=True) if type(c) is _COMMENT]
        plan.comments_before = [_comment(c, None, locator) for c in reversed(before)]
    _fill(plan, root, None, -1, locator)
    if root.getnext() is not None:
        after = [c for c in root.itersiblings() if type(c) is _COMMENT]
        plan.comments_after = [_comment(c, None, locator) for c in after]
    return plan


_E = TypeVar("_E", bound=Element)


def load(source: _E | str | bytes, kind: type[_E], function: str, expected: str) -> _E:
    """``source`` itself if it is a ``kind`` (an element or a dialplan), else the
    dialplan its XML text or bytes hold: how every function taking either reads it.
    Raises :class:`~cftools.dialplan.DialplanTypeError`, saying that ``function``
    takes ``expected``, for anything else, and for a model :func:`malformed` faults."""
    if isinstance(source, kind):
        problem = malformed(source)
        if problem is not None:
            raise DialplanTypeError(f"{function}(): {problem[1]}", problem[0])
        return source
    if isinstance(source, (str, bytes)):
        return cast(_E, read(source))
    raise DialplanTypeError(f"{function}() takes {expected}, not {type(source).__name__}")


def _strip_namespace(root: etree._Element, namespace: str | None) -> None:
    prefix = f"{{{namespace}}}"
    for node in root.iter(etree.Element):
        if node.tag.startswith(prefix):
            node.tag = node.tag[len(prefix) :]


def _has_doctype(xml: str | bytes) -> bool:
    # A DOCTYPE is not a sibling node in lxml; look for it in the prolog text.
    return _contains(xml, "<!DOCTYPE")


def _contains(xml: str | bytes, keyword: str) -> bool:
    """Whether the text of ``xml`` holds ``keyword`` (ASCII markup such as ``<!ENTITY``),
    decided on the decoded text, whatever encoding lxml read it in: bytes in UTF-16 or
    UTF-32, with or without a byte-order mark, are decoded first (in them the keyword's
    bytes differ); in the ASCII-compatible encodings (UTF-8, Latin-1, Windows-125x...)
    the keyword's bytes are its ASCII bytes, so the bytes are searched as they are."""
    if isinstance(xml, str):
        return keyword in xml
    codec = _wide_codec(xml)
    if codec is None:
        return keyword.encode("ascii") in xml
    return keyword in xml.decode(codec, "replace")


def _wide_codec(data: bytes) -> str | None:
    """The codec of bytes in a two- or four-byte encoding, told by the byte-order mark
    or, without one, by where the zero bytes of the first characters fall (as XML's
    appendix F describes); ``None`` for an ASCII-compatible encoding."""
    head = data[:4]
    if 0 not in head and head[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        return None  # the usual case: no zero byte, no two-byte mark
    for bom, codec in _WIDE_BOMS:
        if data.startswith(bom):
            return codec
    if len(head) < 4:
        return None
    if head[0] == 0 and head[1] == 0:
        return "utf-32-be"
    if head[0] != 0 and head[1] == 0 and head[2] == 0 and head[3] == 0:
        return "utf-32-le"
    return "utf-16-be" if head[0] == 0 else "utf-16-le"


# UTF-32's marks before UTF-16's: the little-endian UTF-16 mark begins UTF-32's.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def parsed_elements(plan: Dialplan) -> list[Element]:
    """The elements of a freshly parsed, unmodified ``plan`` in document order, taken
    from the parser's record instead of walking the tree again."""
    locator = plan._locator
    if not isinstance(locator, _Locator):
        return document_order(plan)
    return list(locator.elements)


def parsed_parents(plan: Dialplan) -> list[int] | None:
    """For a freshly parsed, unmodified ``plan``: the index in :func:`parsed_elements`
    of each element's parent (-1 for the root), as the parser recorded it; ``None``
    when the plan was not parsed or its positions were already resolved."""
    locator = plan._locator
    if not isinstance(locator, _Locator):
        return None
    return list(locator.parents)


# Byte-order marks and the codec that reads past each; UTF-32's before UTF-16's, whose
# little-endian mark is a prefix of it. lxml reports "UTF-8" for a UTF-16 document that
# has a mark but no declaration, so the mark decides first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(source: str | bytes, encoding: str | None = None) -> str:
    """The text of an XML source as an XML processor sees it: decoded by its byte-order
    mark, else by ``encoding`` (the one the parser found; UTF-8 when unknown), without
    the mark, which is not part of the document (so it takes no column)."""
    if isinstance(source, str):
        return source.removeprefix("\ufeff")
    for bom, codec in _BOMS:
        if source.startswith(bom):
            return source.decode(codec, "replace")
    try:
        return source.decode(encoding or "utf-8", "replace")
    except LookupError:
        return source.decode("utf-8", "replace")


def _error(
    code: str, message: str, line: int | None = None, column: int | None = None
) -> Exception:
    return DialplanParseError(Finding(code, message, line, column))


class _Locator:
    """Resolve the (line, column) of every parsed node on first request.

    The parser records the elements in document order (``elements``, also what
    :func:`parsed_elements` returns) and the comments apart, each with its place in the
    sequence of all nodes (``comments``); :meth:`resolve` scans the source once and pairs
    that sequence with the markup found.
    """

    __slots__ = ("comments", "elements", "encoding", "parents", "source")

    def __init__(self, source: str | bytes, encoding: str | None) -> None:
        self.source: str | bytes | None = source
        self.encoding = encoding
        self.elements: list[Element] = []
        # The index in ``elements`` of each element's parent (-1 for the root).
        self.parents: list[int] = []
        self.comments: list[tuple[int, Comment]] = []

    def resolve(self) -> None:
        source, self.source = self.source, None
        if source is None:  # pragma: no cover - resolved already
            return
        text = decode(source, self.encoding)
        if "\r" in text:  # XML ends a line at CR, LF or CRLF; count them all as LF
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        sequence: list[Element | Comment] = list(self.elements)
        for place, comment in self.comments:  # in increasing order of place
            sequence.insert(place, comment)
        nodes = iter(sequence)
        # Lines are counted between consecutive tags, in C, rather than indexed up front;
        # the start of the line is looked for only between the two tags, so a document on
        # one line costs no more than one on many.
        count, rfind = text.count, text.rfind
        line, previous, line_end = 1, 0, -1  # line_end: offset of the last "\n" passed
        for match in _MARKUP.finditer(text):
            if match.lastindex is None:  # a closing tag, CDATA, PI or DOCTYPE
                continue
            node = next(nodes, None)
            if node is None:
                break
            offset = match.start()
            newlines = count("\n", previous, offset)
            if newlines:
                line += newlines
                line_end = rfind("\n", previous, offset)
            previous = offset
            node._line, node._column = line, offset - line_end
            node._locator = None
        for node in nodes:  # only if the scan and the tree disagree: leave them unknown
            node._line = node._column = None
            node._locator = None


_new = object.__new__


def _comment(node: etree._Element, parent: Element | None, locator: _Locator) -> Comment:
    comment: Comment = _new(Comment)
    comment.text, comment.parent = str(node.text or ""), parent
    comment._locator = locator
    locator.comments.append((len(locator.elements) + len(locator.comments), comment))
    return comment


def _fill(
    element: Element,
    node: etree._Element,
    parent: Element | None,
    parent_index: int,
    locator: _Locator,
) -> None:
    """Fill ``element`` from the lxml ``node`` and recurse (lxml bounds the depth).

    This is the hot path of both :func:`parse` and ``validate``: one Python object per
    element, the attribute dict copied once, positions left to the locator, which also
    records the element and its parent's index.
    """
    tag = node.tag
    element.tag = tag if type(tag) is str else str(tag)
    element.attrs = dict(node.items())  # type: ignore[arg-type]
    element.parent = parent
    element._locator = locator
    elements = locator.elements
    index = len(elements)
    elements.append(element)
    locator.parents.append(parent_index)
    if not len(node):
        element.children = []
        element.text = node.text or ""
        return
    children: list[Element | Comment] = []
    texts = [node.text or ""]
    for child in node:
        if type(child) is _COMMENT:
            children.append(_comment(child, element, locator))
        elif type(child) is _ENTITY:  # never unless a DOCTYPE slipped past the checks
            raise _error(
                "CF101",
                f"the document uses the entity {child.text}, declared in an external DTD "
                "that is never read (entities enable entity-expansion and external-entity "
                "attacks); remove the DOCTYPE and write the text itself",
            )
        else:
            sub: Element = _new(Element)
            _fill(sub, child, element, index, locator)
            children.append(sub)
        texts.append(child.tail or "")
    element.children = children
    text = "".join(texts)
    element.text = "" if not text or text.isspace() else text.strip()


_COMMENT = etree._Comment
_ENTITY = etree._Entity
