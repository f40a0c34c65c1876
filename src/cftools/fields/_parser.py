"""From expression text to a :class:`Selection`: Lark does the parsing, this module
builds the tree and turns Lark's errors into the messages and positions of the
semantics (section 9).

The grammar is ``grammars/fields.lark`` (LALR, basic lexer). Lark detects an error at
the first token that cannot continue a valid prefix, so the offending token is exact;
what Lark's exception does not say well (the "expected" set is blurred by LALR state
merging, and ``$END`` carries the position of the last real token), is recovered by
re-lexing the text in front of the error: the previous token and the open parentheses
decide the message.

The parse tree is walked with an explicit stack, so nesting depth never reaches Python's
recursion limit; trees deeper than :data:`MAX_DEPTH` levels are refused with a
:class:`FieldsSyntaxError` at the first segment that goes too deep.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Final, TypeAlias

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

from cftools._resources import read_grammar
from cftools.fields._errors import FieldsSyntaxError, FieldsTypeError
from cftools.fields._selection import ALL, MAX_DEPTH, Node, Selection, _All, node

__all__ = ["MAX_LENGTH", "MAX_NODES", "parse"]

#: The largest selection tree accepted, in entries, after the wildcard entries have been
#: combined with their named siblings (see :meth:`_Builder.expanded_size`).
MAX_NODES: Final = 200_000

#: The longest expression accepted, in characters. Real ones are a few hundred at most;
#: the limit bounds the work a hostile expression can cause (section 9 error at this
#: position).
MAX_LENGTH: Final = 100_000

_WHITESPACE: Final = " \t\n\r\f\v"
_ESCAPE: Final = re.compile(r"\\(.)", re.DOTALL)
# Tokens after which the grammar needs a segment (a name or ``*``).
_NEEDS_SEGMENT: Final = frozenset({"BANG", "COMMA", "SLASH", "LPAR"})


@functools.cache
def _lark() -> Lark:
    return Lark(
        read_grammar("fields.lark"),
        parser="lalr",
        lexer="basic",
        maybe_placeholders=True,
    )


def parse(expression: str | None) -> Selection:
    """Parse a ``fields`` expression into a :class:`Selection`.

    ``None``, ``""`` and whitespace-only strings give the blank selection (no
    projection: the document is returned as a deep copy). Raises
    :class:`FieldsSyntaxError` for a malformed expression and :class:`FieldsTypeError`
    when ``expression`` is neither a string nor ``None``.
    """
    if expression is None:
        return Selection(None)
    if not isinstance(expression, str):
        raise FieldsTypeError(
            f"a fields expression must be a str or None, not {type(expression).__name__}"
        )
    if len(expression) > CACHED_LENGTH:
        return _parse(expression)
    return _parse_cached(expression)


#: Expressions up to this length are cached (512 of them); longer ones, which only a
#: hostile caller sends, are parsed each time so the cache cannot hoard memory.
CACHED_LENGTH: Final = 4096


def _parse(expression: str) -> Selection:
    if len(expression) > MAX_LENGTH:
        raise FieldsSyntaxError(
            f"expression longer than {MAX_LENGTH} characters", expression, MAX_LENGTH
        )
    if not expression.strip(_WHITESPACE):
        return Selection(None)
    try:
        tree = _lark().parse(expression)
    except (UnexpectedToken, UnexpectedCharacters, UnexpectedEOF) as exc:
        raise _translate(expression, exc) from None
    exclude = tree.data == "exclude"
    selection = tree.children[-1]
    if selection is None:  # "!" alone means "!*"
        return Selection(node({}, ALL), exclude=True)
    assert isinstance(selection, Tree)
    return Selection(_build(expression, selection), exclude=exclude)


_parse_cached = functools.lru_cache(maxsize=512)(_parse)


# --- building the tree ---------------------------------------------------------------


class _Builder:
    """A mutable selection node, filled while walking the parse tree."""

    __slots__ = ("named", "star_at", "wildcard")

    def __init__(self) -> None:
        self.named: dict[str, _Builder | _All] = {}
        self.wildcard: _Builder | _All | None = None
        self.star_at = -1  # position of the first '*' that made the wildcard entry

    def freeze(self) -> Node:
        named = {
            key: sub if isinstance(sub, _All) else sub.freeze() for key, sub in self.named.items()
        }
        wildcard = self.wildcard
        frozen = wildcard if wildcard is None or isinstance(wildcard, _All) else wildcard.freeze()
        return node(named, frozen)

    def expanded_size(self, expression: str) -> tuple[int, int]:
        """Return an upper bound of the size of the normal form, and the position of the
        first '*' inside; refuse trees whose normal form would exceed :data:`MAX_NODES`.

        The normal form copies the wildcard entry into every named sibling, so a large
        ``*(...)`` next to many names would grow quadratically with the text.
        """
        star_at = self.star_at
        wildcard = 0
        if isinstance(self.wildcard, _Builder):
            wildcard, inner = self.wildcard.expanded_size(expression)
            star_at = min(star_at, inner) if inner >= 0 else star_at
        elif self.wildcard is not None:
            wildcard = 1
        total = 1 + wildcard
        for sub in self.named.values():
            size = 1
            if isinstance(sub, _Builder):
                size, inner = sub.expanded_size(expression)
                if inner >= 0 and (star_at < 0 or inner < star_at):
                    star_at = inner
            total += size + wildcard
        if total > MAX_NODES:
            raise FieldsSyntaxError(
                f"selection too large: the wildcard makes more than {MAX_NODES} entries",
                expression,
                max(star_at, 0),
            )
        return total, star_at


_Slot: TypeAlias = "_Builder | _All | None"


def _build(expression: str, selection: Tree[Token]) -> Node:
    """Return the normal-form tree of the ``selection`` parse tree (iteratively)."""
    root = _Builder()
    # Work items in text order: (item subtree, node it adds to or None once covered by
    # an ALL, depth of that node). Each item's group is handled before its next sibling.
    stack: list[tuple[Tree[Token], _Builder | None, int]] = [
        (item, root, 0) for item in reversed(selection.children) if isinstance(item, Tree)
    ]
    while stack:
        item, target, depth = stack.pop()
        path, group = item.children
        assert isinstance(path, Tree)
        segments = [segment.children[0] for segment in path.children if isinstance(segment, Tree)]
        for index, token in enumerate(segments):
            assert isinstance(token, Token)
            if depth + index + 1 > MAX_DEPTH:
                raise FieldsSyntaxError(
                    f"selection nested deeper than {MAX_DEPTH} levels",
                    expression,
                    token.start_pos or 0,
                )
            if target is None:
                continue
            last = index == len(segments) - 1 and group is None
            target = _descend(target, _key(token), last, token.start_pos or 0)
        if group is not None:
            assert isinstance(group, Tree)
            inner = group.children[0]
            assert isinstance(inner, Tree)
            deeper = depth + len(segments)
            stack.extend(
                (sub, target, deeper) for sub in reversed(inner.children) if isinstance(sub, Tree)
            )
    root.expanded_size(expression)
    return root.freeze()


def _key(token: Token) -> str | None:
    """The key a segment names, or ``None`` for the wildcard."""
    if token.type == "STAR":
        return None
    text = str(token)
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def _descend(target: _Builder, key: str | None, last: bool, at: int) -> _Builder | None:
    """Add one segment under ``target``; return the node to continue in, or ``None``
    when the rest is covered by an ALL (``last`` makes this segment an ALL)."""
    existing: _Slot = target.wildcard if key is None else target.named.get(key)
    if isinstance(existing, _All):
        return None
    if last:
        new: _Builder | _All = ALL
    elif existing is None:
        new = _Builder()
    else:
        return existing
    if key is None:
        target.wildcard = new
        if target.star_at < 0:
            target.star_at = at
    else:
        target.named[key] = new
    return new if isinstance(new, _Builder) else None


# --- errors ----------------------------------------------------------------------------


def _translate(
    expression: str, exc: UnexpectedToken | UnexpectedCharacters | UnexpectedEOF
) -> FieldsSyntaxError:
    """Turn a Lark error into the message and position that section 9 prescribes."""
    if isinstance(exc, UnexpectedCharacters):
        # Every character but a lone backslash at the very end starts some token.
        return FieldsSyntaxError("dangling '\\' escape", expression, exc.pos_in_stream or 0)
    token = exc.token if isinstance(exc, UnexpectedToken) else None
    if token is None or token.type == "$END":
        token = None
        position, kind = len(expression), "$END"
    else:
        position, kind = token.start_pos or 0, token.type
    at_end = token is None

    previous: Token | None = None
    open_parens: list[int] = []
    for before in _lark().lex(expression):
        if (before.start_pos or 0) >= position:
            break
        if before.type == "LPAR":
            open_parens.append(before.start_pos or 0)
        elif before.type == "RPAR":
            open_parens.pop()
        previous = before
    inside = bool(open_parens)

    def error(message: str, at: int = position) -> FieldsSyntaxError:
        return FieldsSyntaxError(message, expression, at)

    found = "end of input" if token is None else _describe(token)
    if kind == "BANG":
        message = "'!' is only allowed at the start of the expression"
        single = _one_bang(expression)
        if single is not None:  # '!a/b,!a/c': the per-item '!' of other APIs
            message += f" (it excludes the whole list after it: write {single!r})"
        return error(message)
    if kind == "RPAR" and not inside:
        return error("unmatched ')'")
    if previous is None or previous.type in _NEEDS_SEGMENT:
        if kind == "RPAR" and previous is not None and previous.type == "LPAR":
            return error("empty '()'", previous.start_pos or 0)
        return error(f"expected a field name or '*', found {found}")
    if at_end:  # the text is complete but for a ')'
        return error("unclosed '('", open_parens[-1])
    if previous.type in ("NAME", "STAR"):
        glued = previous.end_pos == position
        if glued and (kind == "STAR" or previous.type == "STAR"):
            at = (previous.start_pos or 0) if previous.type == "STAR" else position
            return error(
                "'*' must be a whole path segment (write '\\*' for a literal asterisk)", at
            )
        close = "')'" if inside else "end of input"
        return error(f"expected ',', '/', '(' or {close}, found {found}")
    # after the ')' of a sub-selection
    close = "')'" if inside else "end of input"
    return error(f"expected ',' or {close} after a sub-selection, found {found}")


def _describe(token: Token) -> str:
    if token.type == "NAME":
        text = str(token)
        return f"name {text if len(text) <= 40 else text[:37] + '...'!r}"
    return f"'{token}'"


def _one_bang(expression: str) -> str | None:
    """The one-``!`` form of an expression that puts a ``!`` before each of its items
    (``!items/records,!items/contact`` gives ``!items(records,contact)``, names in the
    order written), or ``None`` when the expression is not of that kind."""
    try:
        tokens = list(_lark().lex(expression))
    except Exception:  # a dangling escape: no suggestion
        return None
    if not tokens or tokens[0].type != "BANG":
        return None
    items: list[list[Token]] = [[]]
    depth = 0
    for previous, token in zip([None, *tokens], tokens, strict=False):
        if token.type == "BANG":
            if depth or (previous is not None and previous.type != "COMMA"):
                return None  # a '!' inside a group or a path: not this habit
            continue
        depth += {"LPAR": 1, "RPAR": -1}.get(token.type, 0)
        if token.type == "COMMA" and depth == 0:
            items.append([])
        else:
            items[-1].append(token)
    text = "!" + ",".join("".join(str(t) for t in item) for item in items)
    try:
        selection = _parse(text)
    except FieldsSyntaxError:
        return None
    if any(t.type in ("LPAR", "RPAR") for item in items for t in item):
        return str(selection)  # groups already: the canonical form
    trie: dict[str, Any] = {}
    for item in items:
        node: dict[str, Any] | None = trie
        names = [str(t) for t in item if t.type != "SLASH"]
        for index, name in enumerate(names):
            assert node is not None
            if index == len(names) - 1:
                node[name] = None  # the whole value: covers anything deeper
            elif node.get(name, {}) is None:
                break  # already covered
            else:
                node = node.setdefault(name, {})
    return "!" + _grouped(trie)


def _grouped(trie: dict[str, Any]) -> str:
    entries = []
    for name, sub in trie.items():
        if sub is None:
            entries.append(name)
        elif len(sub) == 1:
            entries.append(f"{name}/{_grouped(sub)}")
        else:
            entries.append(f"{name}({_grouped(sub)})")
    return ",".join(entries)
