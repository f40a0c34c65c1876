"""The dialplan object model: :class:`Element`, :class:`Comment` and :class:`Dialplan`.

The model is deliberately plain so that other tools (the simulator, the diagram
renderer, graph-based lint rules) can walk it without knowing the parser:

* An :class:`Element` has ``tag`` (the wire name, case as written), ``attrs`` (a dict
  of wire attribute names to string values, in source order), ``text`` (the element's
  value, i.e. its text content, raw as written; use :attr:`Element.value` for the
  trimmed form), ``children`` (a list of :class:`Element` and :class:`Comment`, in
  document order) and ``parent`` (``None`` for the root).
* ``line`` and ``column`` are the 1-based position of the tag's ``<`` in the source when
  the element came from :func:`cftools.dialplan.parse` (computed on first access, for
  the whole document at once); ``None`` when built in Python.
* A :class:`Dialplan` (the root) also keeps ``comments_before``/``comments_after`` (the
  comments outside the root element) and ``namespace`` (a default XML namespace the
  source declared, which element tags leave out).
* :attr:`Element.name` is the ``name`` attribute (the target of ``goto``),
  :attr:`Element.path` an XPath-like location (``/dialplan/menu[1]/keypress[2]``),
  :attr:`Element.spec` the tag's row in the language table (``None`` for unknown tags).
* Equality is structural: tag, attributes (order ignored), text and children (and, for
  a Dialplan, its outside comments and namespace); positions and parents are not
  compared, so ``parse(parse(x).to_xml()) == parse(x)``.

Elements are mutable so that the builder can grow them; parsed and built trees are the
same kind of object. Text in an element that also has children (mixed content, which
the language never needs) is kept as one trimmed string.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Literal, Protocol, TypeVar

from cftools.dialplan._builder import Builder, encode_attrs
from cftools.dialplan._findings import DialplanError, DialplanTypeError, Finding, Report
from cftools.dialplan._tags import TAGS, TagSpec

__all__ = [
    "MAX_DEPTH",
    "TOO_DEEP",
    "Comment",
    "Dialplan",
    "Element",
    "Node",
    "attach",
    "document_order",
    "malformed",
    "path_of",
]

#: The deepest nesting of elements (the root is level 1) that libxml2 reads without
#: ``huge_tree``: the parser's limit, and the serializer refuses to write deeper trees,
#: which could not be read back.
MAX_DEPTH = 256
TOO_DEEP = f"elements nested more than {MAX_DEPTH} deep, which no dialplan needs"

_E = TypeVar("_E", bound="Element")
_N = TypeVar("_N", bound="Element | Comment")

# Attribute values never shown in a repr.
_SECRET_ATTRS = frozenset({"password"})


class _Positioned:
    """Source position shared by elements and comments.

    ``line`` and ``column`` are resolved lazily for parsed documents: the parser attaches
    a locator that scans the source text the first time any position is read, so
    validating a clean document never pays for it.
    """

    __slots__ = ("_column", "_line", "_locator")

    _line: int | None
    _column: int | None
    _locator: _Locator | None

    @property
    def line(self) -> int | None:
        """1-based line of the node's ``<`` in the source, or ``None`` if built in Python."""
        if self._locator is not None:
            self._locator.resolve()
        return self._line

    @line.setter
    def line(self, value: int | None) -> None:
        if self._locator is not None:
            self._locator.resolve()
        self._line = value

    @property
    def column(self) -> int | None:
        """1-based column of the node's ``<`` in the source, or ``None``."""
        if self._locator is not None:
            self._locator.resolve()
        return self._column

    @column.setter
    def column(self, value: int | None) -> None:
        if self._locator is not None:
            self._locator.resolve()
        self._column = value


class _Locator(Protocol):
    def resolve(self) -> None:
        """Set ``_line``/``_column`` (and clear ``_locator``) on every node it covers."""


class Comment(_Positioned):
    """An XML comment kept in the tree (``<!-- text -->``), so formatting preserves it."""

    __slots__ = ("parent", "text")

    def __init__(self, text: str, *, line: int | None = None, column: int | None = None) -> None:
        self.text = text
        self._line = line
        self._column = column
        self._locator = None
        self.parent: Element | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Comment):
            return NotImplemented
        return self.text == other.text

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Comment({self.text!r})"


class Element(_Positioned, Builder["Element"]):
    """One tag of a dialplan. See the module docstring for the shape of the model.

    Build children with the tag methods (``menu()``, ``play()``, ...), which check the
    language table, add the child and return it; every element is also a context
    manager returning itself, so nesting reads like the XML::

        with dialplan.menu(name="main", max_digits=1) as menu:
            menu.play("Press 1 for sales.")
            with menu.keypress("1") as one:
                one.transfer("15550001111")
    """

    __slots__ = ("attrs", "children", "parent", "tag", "text")

    def __init__(
        self,
        tag: str,
        attrs: dict[str, str] | None = None,
        text: str = "",
        children: list[Node] | None = None,
        *,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.tag = tag
        self.attrs: dict[str, str] = dict(attrs or {})
        self.text = text
        self.children: list[Node] = []
        self._line = line
        self._column = column
        self._locator = None
        self.parent: Element | None = None
        for child in children or ():
            self.append(child)

    # -- structure -------------------------------------------------------------------

    def append(self, child: _N) -> _N:
        """Add ``child`` (an element or comment) as the last child and return it.

        A child that already has a parent is moved (taken out of its parent's children),
        so a node is never in two places. Only the child's kind is checked (anything else
        raises :class:`~cftools.dialplan.DialplanTypeError`) and that the tree stays a
        tree: appending an element to itself or to one of its descendants raises
        :class:`~cftools.dialplan.DialplanError`. The tag methods are the checked way to
        build.
        """
        if not isinstance(child, (Element, Comment)):
            raise DialplanTypeError(
                f"append() takes an Element or a Comment, not {type(child).__name__}"
            )
        if isinstance(child, Element) and any(node is child for node in _chain(self)):
            which = "the element" if child is self else "an ancestor of the element"
            message = (
                f"cannot append <{child.tag}> inside itself: it is {which} it would be "
                "appended to, which would make the dialplan endless; append a new element"
            )
            raise DialplanError((Finding("CF100", message, path=path_of(self)),))
        old = child.parent
        if old is not None:
            _detach(old, child)
        child.parent = self
        self.children.append(child)
        return child

    @property
    def elements(self) -> list[Element]:
        """The child elements (comments left out), in order."""
        return [c for c in self.children if isinstance(c, Element)]

    def iter(self) -> Iterator[Element]:
        """Yield this element and every descendant element, in document order."""
        return iter(document_order(self))

    def ancestors(self) -> Iterator[Element]:
        """Yield the parent, its parent, and so on up to the root (raises
        :class:`~cftools.dialplan.DialplanTypeError` if parents edited by hand loop)."""
        chain = _chain(self)
        next(chain)
        yield from chain

    # -- convenient views ------------------------------------------------------------

    @property
    def name(self) -> str | None:
        """The ``name`` attribute (the target of goto and catch), or ``None``."""
        return self.attrs.get("name")

    @property
    def value(self) -> str:
        """The text value with surrounding whitespace removed (how CallFire reads it)."""
        return self.text.strip()

    @property
    def spec(self) -> TagSpec | None:
        """The language table's row for this tag, or ``None`` for an unknown tag."""
        return TAGS.get(self.tag)

    def attribute(self, wire: str, default: str | None = None) -> str | None:
        """Return an attribute by wire name, accepting the table's documented aliases.

        ``menu.attribute("maxDigits")`` also finds a ``maxdigits`` attribute.
        """
        if wire in self.attrs:
            return self.attrs[wire]
        spec = self.spec
        attr = spec.attr(wire) if spec is not None else None
        if attr is not None:
            for wire in (attr.wire, *attr.aliases):
                if wire in self.attrs:
                    return self.attrs[wire]
        return default

    @property
    def path(self) -> str:
        """An XPath-like location, e.g. ``/dialplan/menu[1]/keypress[2]``."""
        return path_of(self)

    # -- protocol --------------------------------------------------------------------

    def __enter__(self: _E) -> _E:
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Element):
            return NotImplemented
        # Pairs still to compare, walked without recursion (built trees may be deep). A
        # pair met again (a model edited by hand into a loop) is not compared twice, so
        # the walk ends; the trees are equal when no pair differs.
        pairs: list[tuple[Element, Element]] = [(self, other)]
        compared: set[tuple[int, int]] = set()
        while pairs:
            left, right = pairs.pop()
            key = (id(left), id(right))
            if key in compared:
                continue
            compared.add(key)
            if (
                left.tag != right.tag
                or left.attrs != right.attrs
                or left.text != right.text
                or len(left.children) != len(right.children)
            ):
                return False
            for a, b in zip(left.children, right.children, strict=True):
                if isinstance(a, Element) and isinstance(b, Element):
                    pairs.append((a, b))
                elif a != b:  # comments, or a comment against an element
                    return False
        return True

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = " ".join(
            f"{k}={'***' if k in _SECRET_ATTRS else repr(v)}" for k, v in self.attrs.items()
        )
        where = f" line {self.line}" if self.line is not None else ""
        return f"<{type(self).__name__} {self.tag}{' ' + shown if shown else ''}{where}>"

    def _make_child(self, tag: str, attrs: dict[str, str], text: str) -> Element:
        return self.append(Element(tag, attrs, text))


#: A child of an element: another element or a comment.
Node = Element | Comment


def path_of(element: Element, memo: dict[int, int] | None = None) -> str:
    """:attr:`Element.path`. With a ``memo`` (kept by the caller while the tree does not
    change), each element's index among its same-tag siblings is recorded for all of
    them at once, so paths for many siblings cost one pass over them, not one each."""
    steps: list[str] = []
    node = element
    seen: set[int] | None = None
    while node.parent is not None:
        if len(steps) >= MAX_DEPTH:  # deeper than any parsed tree: check for a loop
            seen = seen if seen is not None else set()
            if id(node) in seen:
                raise DialplanTypeError(_LOOP, "")
            seen.add(id(node))
        parent = node.parent
        index = memo.get(id(node)) if memo is not None else None
        if index is None:
            counts: dict[str, int] = {}
            for child in parent.children:
                if isinstance(child, Element):
                    counts[child.tag] = count = counts.get(child.tag, 0) + 1
                    if memo is not None:
                        memo[id(child)] = count
                    elif child is node:
                        index = count
                        break
            index = memo.get(id(node)) if memo is not None else index
        steps.append(f"{node.tag}[{index if index is not None else '?'}]")
        node = parent
    steps.append(node.tag)
    return "/" + "/".join(reversed(steps))


def document_order(root: Element) -> list[Element]:
    """Return ``root`` and all its descendant elements in document order (no recursion).

    Raises :class:`~cftools.dialplan.DialplanTypeError` when an element turns up twice
    (a child list edited by hand to hold an ancestor, or one element in two places),
    rather than walking forever."""
    order: list[Element] = []
    stack: list[Element] = [root]
    seen: set[int] = set()
    pop, push, add, mark = stack.pop, stack.extend, order.append, seen.add
    while stack:
        element = pop()
        key = id(element)
        if key in seen:
            raise DialplanTypeError(_LOOP, path_of(element))
        mark(key)
        add(element)
        children = element.children
        if children:
            push([c for c in reversed(children) if type(c) is not Comment])  # type: ignore[misc]
    return order


_LOOP = (
    "the model is no tree: an element is its own ancestor or stands in two places (a "
    "children list or a parent edited by hand); rebuild that part with append()"
)


def _chain(element: Element) -> Iterator[Element]:
    """``element``, its parent, and so on up to the root; raises
    :class:`~cftools.dialplan.DialplanTypeError` if the parents loop."""
    seen: set[int] = set()
    node: Element | None = element
    while node is not None:
        if id(node) in seen:
            raise DialplanTypeError(_LOOP)
        seen.add(id(node))
        yield node
        node = node.parent


def _detach(parent: Element, child: Node) -> None:
    """Take ``child`` out of ``parent``'s children (by identity: ``==`` is structural)."""
    children = parent.children
    for index in range(len(children) - 1, -1, -1):
        if children[index] is child:
            del children[index]
            return


def malformed(root: Element) -> tuple[str, str] | None:
    """``(path, "path: problem")`` for the first node of ``root``'s tree that breaks the model's
    types (a child that is no element or comment, a tag, attribute or text that is no
    string), that is no tree (a loop, a node in two places) or that is nested deeper than
    :data:`MAX_DEPTH`, as code that edits the model directly (or builds that deep) may
    leave it; ``None`` when sound.
    Parsed and built trees always are; this guards what the functions taking a model
    do with it."""
    found = _ill_typed(root)
    return None if found is None else (found[0], f"{found[0]}: {found[1]}")


# Where a node sits, as a linked list of the tags above it: (tag, depth, parent place);
# the path string is only built for the node reported.
_Place = tuple[str, int, "_Place | None"] | None


def _where(place: _Place) -> str:
    tags: list[str] = []
    while place is not None:
        tags.append(place[0])
        place = place[2]
    return "/" + "/".join(reversed(tags)) if tags else "/"


def _ill_typed(root: Element) -> tuple[str, str] | None:
    stack: list[tuple[object, _Place]] = [(root, None)]
    if isinstance(root, Dialplan):
        outside = [*root.comments_before, *root.comments_after]
        stack.extend((comment, None) for comment in outside)
    seen: set[int] = set()
    while stack:
        node, place = stack.pop()
        if id(node) in seen:
            return _where(place), _LOOP
        seen.add(id(node))
        if isinstance(node, Comment):
            if not isinstance(node.text, str):
                return _where(place), f"a comment's text is a {type(node.text).__name__}, not a str"
            continue
        if not isinstance(node, Element):
            return _where(place), f"a child is a {type(node).__name__}, not an Element or Comment"
        if not isinstance(node.tag, str):
            return _where(place), f"a tag is a {type(node.tag).__name__}, not a str"
        depth = place[1] + 1 if place is not None else 1
        here: _Place = (node.tag, depth, place)
        if depth > MAX_DEPTH:  # what no parser reads back, nor to_xml() writes
            return _where(here), TOO_DEEP
        attrs = node.attrs
        if not isinstance(attrs, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in attrs.items()
        ):
            return _where(here), "attributes must be a dict of str names to str values"
        if not isinstance(node.text, str):
            return _where(here), f"the text is a {type(node.text).__name__}, not a str"
        if not isinstance(node.children, list):
            return _where(here), f"children is a {type(node.children).__name__}, not a list"
        stack.extend((child, here) for child in reversed(node.children))
    return None


class Dialplan(Element):
    """A whole dialplan: the root ``<dialplan>`` element plus whole-document helpers.

    Build one with ``Dialplan(name="Root")`` and the tag methods, or read one with
    :func:`cftools.dialplan.parse`. A parsed document whose root is not ``<dialplan>``
    still gives a ``Dialplan`` (with that ``tag``) so that it can be validated.
    """

    __slots__ = ("comments_after", "comments_before", "namespace")

    def __init__(
        self,
        name: str | None = None,
        *,
        extra_attrs: dict[str, str] | None = None,
        children: list[Node] | None = None,
    ) -> None:
        super().__init__("dialplan", encode_attrs("dialplan", extra_attrs, name=name), "", children)
        #: Comments outside the root element, before and after it.
        self.comments_before: list[Comment] = []
        self.comments_after: list[Comment] = []
        #: The default XML namespace the source declared on its root, if any. CallFire's
        #: examples use none; tags are kept without it and it is written back on output.
        self.namespace: str | None = None

    @classmethod
    def _from_root(cls, root: Element) -> Dialplan:
        """Re-home a parsed root element (any tag) as a Dialplan."""
        plan = cls()
        plan.tag, plan.attrs, plan.text = root.tag, root.attrs, root.text
        plan._line, plan._column, plan._locator = root._line, root._column, root._locator
        for child in list(root.children):  # append() moves each out of root.children
            plan.append(child)
        return plan

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Dialplan) and (
            self.comments_before != other.comments_before
            or self.comments_after != other.comments_after
            or self.namespace != other.namespace
        ):
            return False
        return super().__eq__(other)

    __hash__ = None

    def to_xml(self, pretty: bool = True, *, xml_declaration: bool = False) -> str:
        """Serialize in canonical form: table attribute order, two-space indentation
        when ``pretty``, comments kept, text and attributes escaped by lxml."""
        return _attached.to_xml(self, pretty, xml_declaration)

    def validate(self, *, context: Literal["inbound", "outbound"] | None = None) -> Report:
        """Validate this dialplan; shorthand for :func:`cftools.dialplan.validate`."""
        return _attached.validate(self, context)

    def find(self, name: str) -> Element | None:
        """Return the first element whose ``name`` attribute is ``name``, if any; blanks
        around either are ignored, as the validator does when it resolves a goto."""
        name = name.strip()
        return next((e for e in self.iter() if e.name is not None and e.name.strip() == name), None)


# The whole-document operations behind Dialplan.to_xml() and Dialplan.validate() live in
# modules above the model (the serializer, the validator), which import it. The model
# imports neither: the package's __init__ attaches them when it is imported, which
# always happens first (importing any cftools.dialplan module imports the package).
_ToXml = Callable[[Element, bool, bool], str]
_Validate = Callable[[Element, Literal["inbound", "outbound"] | None], Report]


class _Attached:
    __slots__ = ("to_xml", "validate")

    to_xml: _ToXml
    validate: _Validate


_attached = _Attached()


def attach(*, to_xml: _ToXml, validate: _Validate) -> None:
    """Install the functions behind :meth:`Dialplan.to_xml` (called as
    ``to_xml(root, pretty, xml_declaration)``) and :meth:`Dialplan.validate`
    (``validate(root, context)``)."""
    _attached.to_xml = to_xml
    _attached.validate = validate


for _cls in (Comment, Element, Dialplan):
    _cls.__module__ = "cftools.dialplan"
