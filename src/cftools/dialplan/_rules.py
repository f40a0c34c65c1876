"""The built-in validation rules.

Each ``@rule`` function walks the :class:`~cftools.dialplan._context.Context` and
yields findings; the codes and their severities live in
:data:`cftools.dialplan.CODES`. Checks follow the language table: where the table marks
a fact as documented (``DOC``/``EX``) a violation is an error, where it rests on the SDK
or on inference it is a warning. Values holding ``${...}`` are only known at call time,
so type checks skip them.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterator

from cftools.dialplan._context import Context, rule, spec_for_tag
from cftools.dialplan._findings import Finding
from cftools.dialplan._model import Element
from cftools.dialplan._spelling import closest
from cftools.dialplan._tags import (
    BOOLEAN,
    STATEMENTS,
    TAGS,
    TOLERATED_ATTRS,
    AttrSpec,
    TagSpec,
    parents_of,
)
from cftools.dialplan._values import (
    PressedPattern,
    is_digits,
    keyword,
    parse_pressed,
    whole_number,
)
from cftools.dialplan._variables import scan

__all__ = ["scan_variables"]

_INT = re.compile(r"\s*[0-9]+\s*")
_SECONDS = re.compile(r"\s*[0-9]+(?:\.[0-9]+)?\s*")
_NAME = re.compile(r"[A-Za-z0-9_-]+")
_ODD_NAME = re.compile(r"[^A-Za-z0-9_\n-]|^$|\n\n|\n$", re.MULTILINE)
_VARNAME = re.compile(r"[A-Za-z0-9_]+")
_VARIABLE_PATH = re.compile(r"[A-Za-z0-9_.]+")
# The blanks and punctuation before the first digit exclude digits, so a long value that
# fails is rejected in linear time (not by trying every split of it).
_PHONE = re.compile(r"\+?[\s().-]*[0-9][0-9\s().-]*")
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S+")
_DTMF = re.compile(r"[0-9*#wWpP,]+")
_BUILTIN_PREFIXES = ("call.", "contact.", "global.")
_UNKNOWN_TAG_HINTS = {
    "say": 'use <play type="tts">',
    "ttsplay": 'use <play type="tts">',
    "tts": 'use <play type="tts">',
    "email": "CallFire XML cannot send e-mail; use <post> to a web service",
    "conference": "CallFire XML has no conference tag; use <transfer>",
    "variables": "set variables one by one with <setvar>",
    "vtml_speed": "VTML speech controls must be entity-escaped inside the <play> text",
}


# Per-tag tables derived once from the language table, for the hot loops below.
_PARENTS: dict[str, frozenset[str]] = {
    wire: frozenset(s.wire for s in TAGS.values() if wire in s.children) for wire in TAGS
}
_CANONICAL_ATTRS: dict[str, frozenset[str]] = {
    wire: frozenset(a.wire for a in spec.attrs) for wire, spec in TAGS.items()
}
_REQUIRED: dict[str, tuple[AttrSpec, ...]] = {
    wire: tuple(a for a in spec.attrs if a.required or a.required_when)
    for wire, spec in TAGS.items()
}
_CHECKED_TYPES = frozenset({"enum", "bool", "int", "varname", "phone", "digit", "expr"})


def _accepted(attr: AttrSpec) -> frozenset[str]:
    """Values that need no further look (the canonical enumeration and its aliases)."""
    if attr.type in ("enum", "bool"):
        return frozenset((*(attr.enum or BOOLEAN), *attr.value_aliases))
    return frozenset()


_TYPED: dict[str, tuple[tuple[str, AttrSpec, frozenset[str]], ...]] = {
    wire: tuple(
        (name, a, _accepted(a))
        for a in spec.attrs
        if a.type in _CHECKED_TYPES
        for name in (a.wire, *a.aliases)
    )
    for wire, spec in TAGS.items()
}


def _is_dynamic(value: str) -> bool:
    return "${" in value


# -- the document ------------------------------------------------------------------


@rule
def check_root(ctx: Context) -> Iterator[Finding]:
    """CF102 wrong root, CF103 empty dialplan, CF104 XML namespace."""
    root = ctx.dialplan
    if root.tag.lower() != "dialplan":  # <Dialplan> is reported as CF201 only
        yield ctx.finding(
            "CF102",
            root,
            f"the root element is <{root.tag}>; a dialplan must be wrapped in "
            '<dialplan name="Root">...</dialplan>',
        )
    elif not root.elements:
        yield ctx.finding("CF103", root, "the dialplan holds no tags; add at least a <play>")
    namespace = getattr(root, "namespace", None)
    if namespace:
        yield ctx.finding(
            "CF104",
            root,
            f"the dialplan declares xmlns={namespace!r}; CallFire's dialplans use no "
            "namespace, so remove it (tags were checked by their local names)",
        )


@rule
def check_call_context(ctx: Context) -> Iterator[Finding]:
    """CF216: ``<amd>`` in a dialplan meant for an inbound number."""
    if ctx.call_context == "inbound":
        for amd in ctx.tagged("amd"):
            yield ctx.finding(
                "CF216",
                amd,
                "<amd> detects answering machines on outbound calls only; on an inbound "
                "number keep just the <live> branch's tags",
            )


# -- tags, nesting, attributes -------------------------------------------------------


@rule
def check_elements(ctx: Context) -> Iterator[Finding]:
    """Everything the table says about one element, in one pass per tag group:
    CF200-CF201 and CF204 tags, CF202/CF203 placement, CF205-CF208, CF211 and CF217
    attributes, CF209/CF210 values, CF212-CF215 required children, CF300-CF305,
    CF312-CF314 and CF502 typed values."""
    for tag, group in ctx.by_tag.items():
        spec = spec_for_tag(tag)
        if spec is None:
            code, message = _unknown_tag(tag)
            for element in group:
                yield ctx.finding(code, element, message)
            continue
        wire = spec.wire
        if wire != tag:
            for element in group:
                yield ctx.finding(
                    "CF201", element, f"<{tag}>: tags are case-sensitive; write <{wire}>"
                )
        if spec.legacy:
            for element in group:
                yield ctx.finding("CF204", element, _legacy_message(spec.legacy))
        parents = _PARENTS[wire]
        canonical = _CANONICAL_ATTRS[wire]
        required = _REQUIRED[wire]
        typed = _TYPED[wire]
        text_mode = spec.text
        text_type = spec.text_type if spec.text_type in _CHECKED_TEXT else None
        structured = wire in ("menu", "amd", "if")
        missing = "CF209" if spec.text_evidence in ("DOC", "EX") else "CF211"
        for element in group:
            parent = element.parent
            if parent is not None and parent.tag not in parents:
                yield from _placement(ctx, element, spec, parent)
            attrs = element.attrs
            if attrs:
                if not attrs.keys() <= canonical:
                    yield from _odd_attributes(ctx, element, spec, canonical)
                for name, attr, accepted in typed:
                    value = attrs.get(name)
                    if value is None or value in accepted or _plainly_valid(attr.type, value):
                        continue
                    yield from _attribute_value(ctx, element, spec, attr, value)
            for attr in required:
                value = attrs.get(attr.wire)
                if value is None or attr.required_when or not value.strip():
                    yield from _missing_attributes(ctx, element, spec, (attr,))
            text = element.text
            if text_mode == "required":
                if (not text or text.isspace()) and not element.children:
                    yield ctx.finding(missing, element, _missing_value_message(spec))
            elif text_mode == "none" and text and not text.isspace():
                yield ctx.finding("CF210", element, _stray_text_message(spec, text))
            if text_type == "play":
                if attrs.get("type") not in _SPEECH:
                    yield from _text_value(ctx, element, spec)
            elif text_type is not None and text:
                yield from _text_value(ctx, element, spec)
            if structured:
                yield from _required_children(ctx, element, spec)


def _legacy_message(legacy: str) -> str:
    if "prefer" in legacy or "write" in legacy:
        return f"{legacy}, which CallFire documents"
    return f"{legacy}, so CallFire may not run it; test it on a real call or remove it"


def _plainly_valid(kind: str, value: str) -> bool:
    """Cheap acceptance of the common valid values, before the full check."""
    if kind == "int":
        return is_digits(value)
    if kind == "varname":
        return value.isascii() and value.replace("_", "a").isalnum()
    return False


def _placement(ctx: Context, element: Element, spec: TagSpec, parent: Element) -> Iterator[Finding]:
    parent_spec = spec_for_tag(parent.tag)
    if parent_spec is None or spec.wire in parent_spec.children:
        return
    if spec.wire in parent_spec.tolerated:
        yield ctx.finding(
            "CF203",
            element,
            f"<{spec.wire}> directly inside <{parent_spec.wire}> runs with the menu's prompts, "
            "before any key is read; if it should run after a key, move it into a <keypress> "
            "branch",
        )
    elif parent_spec.wire == "amd" and spec.wire in STATEMENTS:
        # CallFire documents what <amd> must hold (one <live>, one <machine>), not that
        # nothing else may stand beside them.
        yield ctx.finding(
            "CF203",
            element,
            f"<{spec.wire}> directly inside <amd> runs in neither branch as far as CallFire "
            "documents; move it into <live> or <machine>",
        )
    else:
        yield ctx.finding("CF202", element, _misplaced_message(spec, parent_spec))


def _unknown_tag(tag: str) -> tuple[str, str]:
    """CF200 (an error) for a tag that is surely a mistake: a near miss of a CallFire tag,
    or a name people expect that CallFire is known not to have (``<say>``); CF218 (a
    warning) for any other tag, whose fate CallFire does not document."""
    if tag.startswith("{"):  # lxml's {namespace}local form
        namespace, local = tag[1:].split("}", 1)
        return "CF218", (
            f"<{local}> is in the XML namespace {namespace!r}, which CallFire's dialplans do "
            "not use; remove its xmlns (or the tag)"
        )
    hint = _UNKNOWN_TAG_HINTS.get(tag.lower())
    if hint is not None:
        return "CF200", f"<{tag}> is not a CallFire XML tag; {hint}"
    close = closest(tag, TAGS)
    if close is not None:
        return "CF200", f"<{tag}> is not a CallFire XML tag; did you mean <{close}>?"
    return "CF218", (
        f"<{tag}> is not a tag CallFire documents, so CallFire will probably ignore or refuse "
        "it; remove it, or check the tag list in the README"
    )


def _misplaced_message(spec: TagSpec, parent: TagSpec) -> str:
    if parent.kind == "action":
        return (
            f"<{parent.wire}> holds only text, not tags; move <{spec.wire}> after </{parent.wire}>"
        )
    parents = sorted(parents_of(spec.wire))
    if spec.wire == "dialplan":
        return "<dialplan> must be the root element only; remove the nested one"
    if len(parents) <= 2:
        where = " or ".join(f"<{p}>" for p in parents)
        return (
            f"<{spec.wire}> is only allowed inside {where}, not inside <{parent.wire}>; "
            f"move it into {where}"
        )
    return f"<{spec.wire}> is not allowed inside <{parent.wire}>; move it out of <{parent.wire}>"


def _odd_attributes(
    ctx: Context, element: Element, spec: TagSpec, canonical: frozenset[str]
) -> Iterator[Finding]:
    for wire in element.attrs:
        if wire in canonical:
            continue
        attr = spec.attr(wire)
        if attr is not None:
            yield ctx.finding(
                "CF206",
                element,
                f"{spec.wire}/@{wire}: CallFire documents both spellings, but "
                f"{attr.wire!r} is the one its API examples use; write "
                f"{_attribute_text(attr.wire, element.attrs[wire])}",
            )
        elif wire in TOLERATED_ATTRS:
            yield ctx.finding(
                "CF207",
                element,
                f"{spec.wire}/@{wire} has no documented effect here (CallFire's pages list it "
                "on <keypress> and <if> by mistake, and only the PHP SDK gives it to <dnc>); "
                "remove it unless you know CallFire reads it",
            )
        elif close := next((a for a in spec.attrs if a.wire.lower() == wire.lower()), None):
            yield ctx.finding(
                "CF206",
                element,
                f"{spec.wire}/@{wire}: attribute names are case-sensitive; write "
                f"{_attribute_text(close.wire, element.attrs[wire])}",
            )
        elif wire.startswith("{"):  # xml:lang, xsi:schemaLocation: XML's, not CallFire's
            namespace, local = wire[1:].split("}", 1)
            yield ctx.finding(
                "CF104",
                element,
                f"{spec.wire}/@{local} is in the XML namespace {namespace!r}, not a CallFire "
                "attribute; CallFire's dialplans use no namespaces, so remove it",
            )
        else:
            yield _unknown_attribute(ctx, element, spec, wire)


def _unknown_attribute(ctx: Context, element: Element, spec: TagSpec, wire: str) -> Finding:
    """CF205 for a near miss of an attribute the tag documents (CallFire would silently
    ignore the misspelt one), CF217 for anything else: CallFire's attribute lists are
    not known to be complete (real dialplans carry ``screen`` on a transfer)."""
    close = _near_miss(wire, spec.attrs)
    if close is not None:
        code = "CF205" if close.strict else "CF217"
        return ctx.finding(
            code,
            element,
            f"<{spec.wire}> has no attribute {wire!r}; did you mean {close.wire!r}? CallFire "
            "would ignore the misspelt one, so write "
            + _attribute_text(close.wire, element.attrs[wire]),
        )
    elsewhere = sorted(t.wire for t in TAGS.values() if t.attr(wire) is not None)
    where = f" (it belongs to <{'>, <'.join(elsewhere)}>)" if elsewhere else ""
    return ctx.finding(
        "CF217",
        element,
        f"<{spec.wire}> has no documented attribute {wire!r}{where}; CallFire probably ignores "
        "it, so remove it unless you know CallFire reads it",
    )


def _near_miss(wire: str, attrs: tuple[AttrSpec, ...]) -> AttrSpec | None:
    """The attribute ``wire`` is most likely a misspelling of, if any (see
    :func:`~cftools.dialplan._spelling.closest`)."""
    spellings = {spelling: attr for attr in attrs for spelling in (attr.wire, *attr.aliases)}
    close = closest(wire, spellings)
    return spellings[close] if close is not None else None


def _attribute_text(wire: str, value: str) -> str:
    """``wire="value"`` as it would be written, the value clipped."""
    shown = value if len(value) <= 30 else value[:27] + "..."
    return f'{wire}="{shown}"' if '"' not in shown else f"{wire}='{shown}'"


def _missing_attributes(
    ctx: Context, element: Element, spec: TagSpec, attrs: tuple[AttrSpec, ...]
) -> Iterator[Finding]:
    for attr in attrs:
        required = attr.required
        if attr.required_when is not None:
            other, wanted = attr.required_when
            required = keyword(_lenient_attribute(element, other)) == wanted
        if not required or _lenient_attribute(element, attr.wire).strip():
            continue
        when = (
            f" when {attr.required_when[0]}={attr.required_when[1]!r}" if attr.required_when else ""
        )
        code = "CF208" if attr.strict else "CF211"
        yield ctx.finding(code, element, _missing_attribute_message(spec, attr, when))


# What to write for a missing attribute, where the table's description does not say it.
_ATTRIBUTE_EXAMPLES = {
    ("keypress", "pressed"): 'pressed="1" (a key, a range such as "4-6", "default" or "timeout")',
    ("catch", "value"): 'value="0" (the key to catch: 0-9 or *)',
    ("catch", "goto"): 'goto="..." naming the tag to jump to',
    ("if", "expr"): "expr=\"'${x}' == 'yes'\" (a JavaScript condition)",
    ("equal", "expr"): "expr=\"'yes'\" (the value to compare with)",
    ("notEqual", "expr"): "expr=\"'yes'\" (the value to compare with)",
}


def _missing_attribute_message(spec: TagSpec, attr: AttrSpec, when: str) -> str:
    example = _ATTRIBUTE_EXAMPLES.get((spec.wire, attr.wire))
    if example is None and attr.enum:
        example = f'{attr.wire}="{attr.enum[0]}" (one of: {", ".join(attr.enum)})'
    if example is None:
        what = attr.doc.rstrip(".").lower() if attr.doc else "its value"
        example = f'{attr.wire}="..." ({what})'
    probably = "" if attr.strict else "probably "
    return f"<{spec.wire}> {probably}needs a {attr.wire} attribute{when}; add {example}"


def _lenient_attribute(element: Element, wire: str) -> str:
    """An attribute by name, aliases and then any case (``Type=`` counts as ``type=``:
    the spelling is reported as CF206, not as a missing attribute)."""
    value = element.attribute(wire)
    if value is None:
        folded = wire.lower()
        value = next((v for k, v in element.attrs.items() if k.lower() == folded), None)
    return value or ""


def _stray_text_message(spec: TagSpec, text: str) -> str:
    value = text.strip()
    shown = value if len(value) <= 30 else value[:27] + "..."
    return (
        f"<{spec.wire}> takes no text; {shown!r} is ignored. Remove it, or put "
        'spoken text in a <play type="tts">'
    )


_CHECKED_TEXT = frozenset({"play", "seconds", "url", "phones", "digits"})
_SPEECH = frozenset({"tts", "TTS"})


_VALUE_HINTS = {
    "play": "the text to speak, the sound id or the sound URL",
    "goto": "the name of the tag to jump to",
    "transfer": "the phone number(s) to dial, comma separated",
    "wait": "the number of seconds to pause",
    "get": "the URL to request",
    "post": "the URL to post to",
    "sms": "the message to send",
    "text": "the message to send",
    "dtmf": "the digits to send",
    "gotoXML": "the URL of the dialplan to continue with",
}


def _missing_value_message(spec: TagSpec) -> str:
    what = _VALUE_HINTS.get(spec.wire, "a value")
    return f"<{spec.wire}> is empty; between <{spec.wire}> and </{spec.wire}>, write {what}"


def _required_children(ctx: Context, element: Element, spec: TagSpec) -> Iterator[Finding]:
    tags = [(ctx.spec(c) or _NO_SPEC).wire for c in element.elements]
    if spec.wire == "menu":
        if "play" not in tags:
            yield ctx.finding(
                "CF212",
                element,
                '<menu> needs a prompt: add a <play type="tts"> before the keypresses',
            )
        if "keypress" not in tags:
            yield ctx.finding(
                "CF213",
                element,
                "<menu> has no <keypress>, so it takes no input and the call goes on after "
                "its prompts. That is fine for a 'please hold' step (CallFire's own samples "
                'have one); to collect a key, add a <keypress pressed="..."> branch',
            )
    elif spec.wire == "amd":
        for branch in ("live", "machine"):
            count = tags.count(branch)
            if count != 1:
                fix = f"add a <{branch}> branch" if count == 0 else "merge them into one"
                problem = "has no" if count == 0 else f"has {count}"
                yield ctx.finding(
                    "CF214", element, f"<amd> {problem} <{branch}> but needs exactly one; {fix}"
                )
    elif spec.wire == "if" and "else" in tags:
        if tags.count("else") > 1:
            yield ctx.finding("CF215", element, "<if> has more than one <else>; merge them")
        elif tags[-1] != "else":
            yield ctx.finding(
                "CF215", element, "<else> is not the last child of <if>; move it to the end"
            )


_NO_SPEC = TagSpec("", "action", ())


# -- values ------------------------------------------------------------------------


def _attribute_value(
    ctx: Context, element: Element, spec: TagSpec, attr: AttrSpec, raw: str
) -> Iterator[Finding]:
    value = raw.strip()
    where = f"{spec.wire}/@{attr.wire}={raw!r}"
    if attr.type == "expr":
        if _looks_like_assignment(value):
            yield ctx.finding(
                "CF313",
                element,
                f"{where}: '=' assigns; compare with '==' (e.g. \"'${{x}}' == 'yes'\")",
            )
        return
    if _is_dynamic(value) or (not value and attr.type not in ("enum", "bool", "int")):
        return
    if attr.type in ("enum", "bool"):
        choices = attr.enum or BOOLEAN
        canonical = attr.value_aliases.get(value, value)
        if canonical in choices:
            if value != raw:
                yield ctx.finding("CF305", element, f"{where}: remove the spaces around {value!r}")
            return
        folded = next((c for c in choices if c.lower() == value.lower()), None)
        if folded is not None:
            yield ctx.finding(
                "CF305", element, f"{where}: write {folded!r} (values are case-sensitive)"
            )
        elif attr.open_enum or not attr.strict:
            yield ctx.finding(
                "CF304",
                element,
                f"{where} is not among the values CallFire documents; use one of: "
                f"{', '.join(choices)} (unless you know CallFire accepts it)",
            )
        else:
            yield ctx.finding(
                "CF300",
                element,
                f"{where} is not a value CallFire takes; write one of: " + ", ".join(choices),
            )
    elif attr.type == "int":
        if not _INT.fullmatch(value):
            code = "CF301" if attr.strict else "CF304"
            yield ctx.finding(code, element, f"{where} must be a whole number; write digits only")
    elif attr.type == "varname":
        if not _VARNAME.fullmatch(value):
            fixed = _NOT_IN_VARNAME.sub("_", value)
            yield ctx.finding(
                "CF502",
                element,
                f"{where}: CallFire's variable names hold only letters, digits and '_'; "
                f"write {_attribute_text(attr.wire, fixed)}",
            )
    elif attr.type == "phone":
        if not _PHONE.fullmatch(value):
            yield ctx.finding(
                "CF304",
                element,
                f"{where} does not look like a phone number; write digits (15551234567) or a "
                "${variable}",
            )
    elif attr.type == "digit":
        if keyword(element.attribute("type")) != "digit":
            return
        if value in "0123456789*" and len(value) == 1:
            return
        if value == "#":
            yield ctx.finding(
                "CF304", element, f"{where}: CallFire documents 0-9 and * only; use one of those"
            )
        else:
            yield ctx.finding("CF312", element, f"{where} is not one key; write one of 0-9 or *")


_NOT_IN_VARNAME = re.compile(r"[^A-Za-z0-9_]")
_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_ASSIGNMENT = re.compile(r"(?<![=!<>])=(?![=>])")


def _looks_like_assignment(expr: str) -> bool:
    return bool(_ASSIGNMENT.search(_STRINGS.sub("''", expr)))


def _text_value(ctx: Context, element: Element, spec: TagSpec) -> Iterator[Finding]:
    """Typed checks of an action tag's value (numbers, sound ids, URLs, phones)."""
    value = element.value
    if not value or (_is_dynamic(value) and spec.text_type not in ("phones",)):
        return
    kind = spec.text_type
    if kind == "play":
        kind_of = keyword(element.attribute("type"))
        if kind_of == "callfireid" and not _INT.fullmatch(value):
            yield ctx.finding(
                "CF314",
                element,
                f'<play type="callfireid"> holds a numeric sound id, not {_clip(value)}; '
                'for a URL use type="url", for speech type="tts"',
            )
        elif kind_of == "url" and not _URL.fullmatch(value):
            yield ctx.finding(
                "CF304",
                element,
                f'<play type="url"> value {_clip(value)} is not an absolute URL; write it with '
                "its scheme (https://...)",
            )
    elif kind == "seconds":
        if not _SECONDS.fullmatch(value):
            yield ctx.finding(
                "CF301",
                element,
                f"<{spec.wire}> holds a number of seconds, not {_clip(value)}; write e.g. "
                f"<{spec.wire}>2</{spec.wire}>",
            )
    elif kind == "url":
        if not _URL.fullmatch(value):
            yield ctx.finding(
                "CF304",
                element,
                f"<{spec.wire}> value {_clip(value)} is not an absolute URL; write it with its "
                "scheme (https://...)",
            )
    elif kind == "phones":
        for number in value.split(","):
            number = number.strip()
            if _is_dynamic(number):
                continue
            if not number:
                yield ctx.finding(
                    "CF304",
                    element,
                    f"<{spec.wire}> has an empty entry in its number list; remove the extra comma",
                )
            elif not _PHONE.fullmatch(number):
                yield ctx.finding(
                    "CF304",
                    element,
                    f"<{spec.wire}>: {_clip(number)} does not look like a phone number; write "
                    "digits (15551234567) or a ${variable}",
                )
    elif kind == "digits" and not _DTMF.fullmatch(value):
        yield ctx.finding(
            "CF304",
            element,
            f"<{spec.wire}>: {_clip(value)} is not a key sequence; write digits, * and # only",
        )


def _clip(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:37] + "...")


# -- menus ---------------------------------------------------------------------------


class _Claimed:
    """The inputs a menu's branches have claimed so far: single numbers in a set while
    every branch is one number (the usual menu), then the numbers as sorted disjoint
    spans once a range appears (so a range costs the same whatever its width); other
    inputs as a set."""

    __slots__ = ("highs", "inputs", "lows", "singles")

    def __init__(self) -> None:
        self.lows: list[int] = []
        self.highs: list[int] = []
        self.inputs: set[str] = set()
        self.singles: set[int] | None = set()

    def overlaps(self, pattern: PressedPattern) -> bool:
        if pattern.inputs and not self.inputs.isdisjoint(pattern.inputs):
            return True
        low, high = pattern.low, pattern.high
        if low > high:
            return False
        if self.singles is not None:
            if low == high:
                return low in self.singles
            self._to_spans()
        # The last span starting at or before the pattern's end may reach into it.
        at = bisect.bisect_right(self.lows, high) - 1
        return at >= 0 and self.highs[at] >= low

    def add(self, pattern: PressedPattern) -> None:
        if pattern.inputs:
            self.inputs.update(pattern.inputs)
        low, high = pattern.low, pattern.high
        if low > high:
            return
        if self.singles is not None:
            if low == high:
                self.singles.add(low)
                return
            self._to_spans()
        self._add_span(low, high)

    def _to_spans(self) -> None:
        singles, self.singles = self.singles, None
        for number in sorted(singles or ()):
            self._add_span(number, number)

    def _add_span(self, low: int, high: int) -> None:
        # Merge with every span that overlaps or touches [low, high].
        first = bisect.bisect_left(self.highs, low - 1)
        last = bisect.bisect_right(self.lows, high + 1)
        if first < last:
            low = min(low, self.lows[first])
            high = max(high, self.highs[last - 1])
        self.lows[first:last] = [low]
        self.highs[first:last] = [high]


class _Earlier:
    """Finds an earlier branch that overlaps a pattern, for CF309's message, in
    logarithmic time (a search through every earlier branch made a menu of n
    overlapping branches cost n squared).

    Inputs matched as written (``#``, ``default``) are looked up in a dict. For numbers,
    an earlier pattern ``[a, b]`` overlaps ``[low, high]`` when ``a <= high`` and
    ``b >= low``: a Fenwick tree over the lower bounds (every ``low`` of the menu's
    patterns, known up front) keeps the largest ``b`` among the earlier patterns with
    ``a`` up to a point, so one prefix query answers.
    """

    __slots__ = ("best", "by_input", "lows", "owner")

    def __init__(self, menu: Element, seen: list[PressedPattern]) -> None:
        lows: set[int] = set()
        for keypress in menu.children:
            raw = keypress.attrs.get("pressed") if type(keypress) is Element else None
            pattern = _pattern(raw) if raw is not None and raw.strip() else None
            if isinstance(pattern, PressedPattern) and pattern.low <= pattern.high:
                lows.add(pattern.low)
        self.lows = sorted(lows)
        self.best = [-1] * (len(self.lows) + 1)
        self.owner: list[PressedPattern | None] = [None] * (len(self.lows) + 1)
        self.by_input: dict[str, PressedPattern] = {}
        for pattern in seen:
            self.add(pattern)

    def add(self, pattern: PressedPattern) -> None:
        for text in pattern.inputs:
            self.by_input.setdefault(text, pattern)
        if pattern.low > pattern.high:
            return
        at = bisect.bisect_left(self.lows, pattern.low)
        position = at + 1  # every pattern's low is in self.lows
        while position < len(self.best):
            if pattern.high > self.best[position]:
                self.best[position], self.owner[position] = pattern.high, pattern
            position += position & -position

    def find(self, pattern: PressedPattern) -> PressedPattern:
        for text in pattern.inputs:
            if text in self.by_input:
                return self.by_input[text]
        position = bisect.bisect_right(self.lows, pattern.high)
        high, owner = -1, None
        while position > 0:
            if self.best[position] > high:
                high, owner = self.best[position], self.owner[position]
            position -= position & -position
        if owner is None or high < pattern.low:  # pragma: no cover - an overlap exists
            raise AssertionError("no earlier branch overlaps")
        return owner


_PRESSED_CACHE: dict[str, PressedPattern | str] = {}


def _pattern(raw: str) -> PressedPattern | str:
    """:func:`parse_pressed`, remembered for the most common patterns (bounded)."""
    pattern = _PRESSED_CACHE.get(raw)
    if pattern is None:
        pattern = parse_pressed(raw)
        if len(_PRESSED_CACHE) < 1024:
            _PRESSED_CACHE[raw] = pattern
    return pattern


@rule
def check_menus(ctx: Context) -> Iterator[Finding]:
    """CF302/CF303 pressed syntax, CF304 unusual keys, CF306 too long, CF307/CF308
    timeouts, CF309 overlaps, CF310 no fallback branch."""
    for menu in ctx.tagged("menu"):
        yield from _check_menu(ctx, menu)


def _check_menu(ctx: Context, menu: Element) -> Iterator[Finding]:
    attrs = menu.attrs
    max_digits = whole_number(attrs.get("maxDigits") or attrs.get("maxdigits") or "")
    limit = max_digits if max_digits is not None else 1
    seen: list[PressedPattern] = []
    earlier_of: _Earlier | None = None  # built on the first overlap
    claimed = _Claimed()
    fallback = False
    for keypress in menu.children:
        if type(keypress) is not Element:
            continue
        tag = keypress.tag
        if tag != "keypress" and (spec_for_tag(tag) or _NO_SPEC).wire != "keypress":
            continue
        raw = keypress.attrs.get("pressed")
        if raw is None or not raw.strip():
            continue  # reported as a missing attribute
        pattern = _pattern(raw)
        if isinstance(pattern, str):
            code = "CF303" if pattern.startswith("range") else "CF302"
            yield ctx.finding(code, keypress, pattern)
            continue
        kind = pattern.kind
        if kind == "keyword":
            fallback = True
        elif kind == "keys" and not (is_digits(pattern.text) or len(pattern.text) == 1):
            yield ctx.finding(
                "CF304",
                keypress,
                f"pressed={raw!r}: CallFire documents digits, and # or * only alone; use digits "
                "or a single key",
            )
        elif kind == "dynamic":
            yield ctx.finding(
                "CF304",
                keypress,
                f"pressed={raw!r} uses a variable, so it cannot be checked; make sure it holds a "
                "key, a number or a range when the call runs",
            )
        if pattern.width > limit:
            if max_digits is None:
                problem = (
                    "the menu sets no maxDigits and CallFire does not document how many "
                    "digits it reads then"
                )
            else:
                problem = f"the menu's maxDigits is {max_digits}"
            yield ctx.finding(
                "CF306",
                keypress,
                f"pressed={raw!r} needs {pattern.width} digits but {problem}; set "
                f'maxDigits="{pattern.width}" (or more) on the <menu>',
            )
        if claimed.overlaps(pattern):
            if earlier_of is None:
                earlier_of = _Earlier(menu, seen)
            earlier = earlier_of.find(pattern)
            yield ctx.finding(
                "CF309",
                keypress,
                f"pressed={raw!r} overlaps the earlier branch pressed={earlier.text!r} and only "
                "the first matching branch runs; change or remove one of them",
            )
        claimed.add(pattern)
        seen.append(pattern)
        if earlier_of is not None:
            earlier_of.add(pattern)
    if seen and not fallback:
        yield ctx.finding(
            "CF310",
            menu,
            '<menu> has no pressed="default" or pressed="timeout" branch; what happens on '
            "a wrong key or silence is undocumented. Add one (e.g. a <goto> back to the menu)",
        )
    raw = attrs.get("timeout")  # the attribute has no other spelling
    if raw is not None:
        yield from _check_timeout(ctx, menu, raw.strip())


def _check_timeout(ctx: Context, menu: Element, raw: str) -> Iterator[Finding]:
    timeout = whole_number(raw)
    if timeout is None:
        return
    if timeout == 1000:
        yield ctx.finding(
            "CF307",
            menu,
            'timeout="1000" is ambiguous: CallFire reads values over 1000 as milliseconds and '
            'others as seconds. Write "1001" or more for milliseconds, "1" to "60" for seconds',
        )
        return
    seconds = timeout / 1000 if timeout > 1000 else timeout
    if seconds < 1:
        yield ctx.finding(
            "CF308", menu, f'timeout="{raw}" gives the caller no time to answer; try "5"'
        )
    elif seconds > 60:
        unit = "milliseconds" if timeout > 1000 else "seconds (values up to 1000 are seconds)"
        yield ctx.finding(
            "CF308",
            menu,
            f'timeout="{raw}" is read as {raw} {unit}, over a minute of silence; '
            'for 5 seconds write "5" or "5000"',
        )


# -- names and flow ------------------------------------------------------------------


_MAX_SUGGESTIONS = 50


@rule
def check_names(ctx: Context) -> Iterator[Finding]:
    """CF311 odd names, CF400 unknown targets, CF401 ambiguous targets, CF402 duplicate
    names, CF404 dynamic targets."""
    if _ODD_NAME.search("\n".join(ctx.names)):
        for name, elements in ctx.names.items():
            if not _NAME.fullmatch(name):
                for element in elements:
                    yield ctx.finding(
                        "CF311",
                        element,
                        f"name={name!r}: use only letters, digits, '_' and '-' in names so "
                        "gotos can reach it",
                    )
    for name, elements in ctx.names.items():
        if len(elements) < 2 or not name:
            continue
        code = "CF401" if name in ctx.targets else "CF402"
        first = elements[0]
        where = f"line {first.line}" if first.line is not None else first.path
        for element in elements[1:]:
            yield ctx.finding(
                code,
                element,
                f"name {name!r} is already used by <{first.tag}> ({where}) and names must be "
                "unique"
                + (", or the goto that targets it is ambiguous" if code == "CF401" else "")
                + "; rename one of them",
            )
    suggestions = 0
    for element in ctx.tagged("goto") + ctx.tagged("catch"):
        spec = ctx.spec(element)
        assert spec is not None
        target = element.value if spec.wire == "goto" else (element.attribute("goto") or "").strip()
        if not target:
            continue
        label = f"<goto>{target}</goto>" if spec.wire == "goto" else f'catch goto="{target}"'
        if _is_dynamic(target):
            yield ctx.finding(
                "CF404",
                element,
                f"{label} is built from a variable, so it cannot be checked; make sure it names "
                "a tag when the call runs",
            )
        elif target not in ctx.names:
            # Each suggestion compares the target with every name: offer at most a few
            # per document, or thousands of broken gotos would take quadratic time.
            suggest = suggestions < _MAX_SUGGESTIONS
            suggestions += 1
            close = (
                difflib.get_close_matches(target, list(ctx.names), n=1, cutoff=0.6)
                if suggest
                else []
            )
            hint = f"did you mean {close[0]!r}?" if close else 'add name="..." to the target tag'
            yield ctx.finding("CF400", element, f"{label}: no tag is named {target!r}; {hint}")


@rule
def check_dead_code(ctx: Context) -> Iterator[Finding]:
    """CF403: tags after a hangup or goto in the same block, unless a goto reaches them."""
    enders = ctx.tagged("hangup") + ctx.tagged("goto")
    if not enders:
        return
    reachable = _targeted_subtrees(ctx)
    seen: set[int] = set()
    for ender in enders:
        parent = ender.parent
        if parent is None or id(parent) in seen:
            continue
        seen.add(id(parent))
        in_if = (spec_for_tag(parent.tag) or _NO_SPEC).wire == "if"
        dead_after: Element | None = None
        for child in parent.children:
            if type(child) is not Element:
                continue
            wire = (spec_for_tag(child.tag) or _NO_SPEC).wire
            if wire == "else" and in_if:  # the if's other branch, not the next statement
                break
            if id(child) in reachable:
                dead_after = None
            elif dead_after is not None:
                yield ctx.finding(
                    "CF403",
                    child,
                    f"<{child.tag}> can never run: it follows <{dead_after.tag}> and no goto "
                    "or catch targets it; remove it or give it a name and jump to it",
                )
                break
            if wire in ("hangup", "goto"):
                dead_after = child


def _targeted_subtrees(ctx: Context) -> set[int]:
    marked: set[int] = set()
    for name in ctx.targets:
        for element in ctx.names.get(name, ()):
            node: Element | None = element
            while node is not None and id(node) not in marked:
                marked.add(id(node))
                node = node.parent
    return marked


# -- variables -----------------------------------------------------------------------


_SIMPLE_REFERENCE = re.compile(r"\$\{([^${}]*)\}")


def scan_variables(text: str) -> tuple[list[tuple[str, bool]], int | None]:
    """Find the ``${...}`` references in ``text``: :func:`._variables.scan`, which reads
    them exactly as the simulator's substitution does, behind a fast path for the
    common text whose references neither nest nor stay open."""
    simple = _SIMPLE_REFERENCE.findall(text)
    if len(simple) == text.count("${"):  # no nesting, nothing unclosed
        return [(name, False) for name in simple], None
    return scan(text)


@rule
def check_variables(ctx: Context) -> Iterator[Finding]:
    """CF500 unbalanced ``${``, CF501 variables never set, CF502 odd variable names."""
    found = ctx._variables  # collected by the Context's one pass over the elements
    if not found:
        return
    assigned = _assigned_variables(ctx)
    reported: set[str] = set()
    balanced: set[str] = set()  # texts already scanned: their names are all handled
    for element, wire, text in found:
        if text in balanced:
            continue
        where = f"{element.tag}/@{wire}" if wire else f"<{element.tag}> value"
        references, unbalanced = scan_variables(text)
        if unbalanced is not None:
            yield ctx.finding(
                "CF500",
                element,
                f"{where}: '${{' at offset {unbalanced} has no closing '}}' "
                f"in {_clip(text[unbalanced:])}; close the variable with '}}'",
            )
        else:
            balanced.add(text)
        for name, dynamic in references:
            if dynamic or name in assigned or name in reported:
                continue
            if not _VARIABLE_PATH.fullmatch(name):
                reported.add(name)
                yield ctx.finding("CF502", element, _bad_reference_message(where, text, name))
            elif not name.lower().startswith(_BUILTIN_PREFIXES):
                reported.add(name)
                yield ctx.finding(
                    "CF501",
                    element,
                    f'{where}: ${{{name}}} is never set; add <setvar varname="{name}"> '
                    "(or a record/get/post varname) before it, or check the spelling",
                )


def _bad_reference_message(where: str, text: str, name: str) -> str:
    """CF502 about ``${name}`` in ``text``, quoting the reference as the source writes it
    (``${{call.dnis}}`` stays that, not the ``${{call.dnis}`` the scanner read)."""
    start = text.find("${" + name + "}")
    if start < 0:
        written = "${" + name + "}"
    else:
        end = start + len(name) + 3
        while end < len(text) and text[end] == "}":
            end += 1
        written = text[start:end]
    fixed = _NOT_IN_NAME.sub("", name.replace(" ", "_"))
    fix = f"write ${{{fixed}}}" if fixed else "correct the name"
    return (
        f"{where}: {_clip(written)} does not name a variable (names hold only letters, "
        f"digits, '_' and '.'); {fix}"
    )


_NOT_IN_NAME = re.compile(r"[^A-Za-z0-9_.]")


def _assigned_variables(ctx: Context) -> set[str]:
    """Names that some tag sets: setvar/record/get/post varname; also stash varname and
    record name, which CallFire's own examples read back (reference sections 9.12-13)."""
    assigned: set[str] = set()
    for wire in ("setvar", "record", "get", "post", "stash"):
        for element in ctx.tagged(wire):
            varname = (element.attrs.get("varname") or "").strip()
            if varname:
                assigned.add(varname)
            if wire == "record" and element.name:
                assigned.add(element.name.strip())
    return assigned
