"""The typed builder: one method per tag, driven by the language table.

Each method adds a child to the element it is called on and returns the child, which is
a context manager, so nesting reads like the XML. Keyword arguments are snake case and
map to wire names through :mod:`cftools.dialplan._tags` (``max_digits`` ->
``maxDigits``, ``whisper_tts`` -> ``whisper-tts``); ``None`` leaves an attribute out.
Python values are encoded: ``True`` -> ``"true"``, ints -> decimal, enums -> their value.

The builder refuses, with :class:`~cftools.dialplan.DialplanError`, what the table
forbids outright, reading the same table as the validator: a tag its parent does not
allow (``keypress`` outside ``menu``); a value outside a closed enumeration; a number
that is none (``menu(timeout="soon")``); a keypress pattern, a catch key, a number of
seconds or a sound id of the wrong form; a boolean for a non-boolean attribute; a
required attribute or value that is empty. A required value given as ``None``
(``keypress(None)``) and a keyword the method does not take raise
:class:`~cftools.dialplan.DialplanTypeError` (also a ``TypeError``), the latter with a
did-you-mean (``menu(maxdigits=1)``: ``max_digits``); mypy reports such a keyword too,
since the methods collect unknown keywords as ``**misspelt: NoReturn``. A value holding
``${...}`` is known only when the call runs and is not checked. Attributes the table does
not know can still be written through the explicit escape hatch
``extra_attrs={"wire-name": "value"}``. Everything subtler (goto targets, keypress
overlaps, variables) is the validator's job: call ``dialplan.validate()`` on the result.

A test checks that every tag of the table has a method here whose keyword parameters are
exactly the tag's attributes, so the two cannot drift.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Mapping, Sequence
from typing import Generic, Literal, NoReturn, TypeVar

from cftools.dialplan._findings import DialplanError, DialplanTypeError, Finding
from cftools.dialplan._spelling import closest
from cftools.dialplan._tags import TAGS, AttrSpec, TagSpec
from cftools.dialplan._values import parse_pressed, whole_number

__all__ = ["BUILDER_METHODS", "Builder", "encode_attrs"]

PlayType = Literal["tts", "callfireid", "url"]
Voice = Literal["male1", "female1", "female2", "spanish1", "frenchcanadian1", "femaleSpanish"]
TransferMode = Literal["ringall", "waterfall"]
CatchType = Literal["hangup", "digit"]
Value = str | int | float | bool | enum.Enum | None
Extra = Mapping[str, str] | None

#: Tag wire name -> (builder method, name of the parameter holding the tag's text value).
BUILDER_METHODS: Mapping[str, tuple[str, str | None]] = {
    "menu": ("menu", None),
    "keypress": ("keypress", None),
    "play": ("play", "text"),
    "goto": ("goto", "target"),
    "hangup": ("hangup", None),
    "transfer": ("transfer", "numbers"),
    "setvar": ("setvar", "value"),
    "stash": ("stash", "value"),
    "record": ("record", None),
    "if": ("if_", None),
    "else": ("else_", None),
    "equal": ("equal", None),
    "notEqual": ("not_equal", None),
    "amd": ("amd", None),
    "live": ("live", None),
    "machine": ("machine", None),
    "catch": ("catch", None),
    "wait": ("wait", "seconds"),
    "get": ("get", "url"),
    "post": ("post", "url"),
    "dnc": ("dnc", "number"),
    "sms": ("sms", "message"),
    "text": ("text_message", "message"),
    "dtmf": ("dtmf", "digits"),
    "gotoXML": ("goto_xml", "url"),
    "analytics": ("analytics", None),
    "gtalk": ("gtalk", "message"),
}


def _refuse(code: str, message: str) -> DialplanError:
    return DialplanError((Finding(code, message),))


# Characters XML 1.0 cannot carry at all, not even escaped: most C0 controls, lone
# surrogates and the two non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_string(where: str, text: str) -> str:
    bad = _NOT_XML.search(text)
    if bad is not None:
        raise _refuse(
            "CF100",
            f"{where}: {bad.group()!r} at offset {bad.start()} cannot be written in XML; remove it",
        )
    return text


def _text(where: str, value: object) -> str:
    """Encode a Python value as XML text: a string as is, an int or a finite float in
    decimal, an enum member by its value, a bool as ``true``/``false``. A string with a
    character XML cannot carry (NUL, a lone surrogate) is refused."""
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _xml_string(where, value)
    if isinstance(value, int) or (isinstance(value, float) and math.isfinite(value)):
        return str(value)
    shown = repr(value) if isinstance(value, float) else type(value).__name__
    raise _refuse("CF300", f"{where}: cannot encode {shown}; pass a string or a number")


def _encode(tag: str, attr: AttrSpec, value: Value) -> str:
    """Encode one keyword argument into its wire value, checking it against the table."""
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, bool) and attr.type != "bool":
        raise _refuse("CF300", f"{tag}/@{attr.wire} takes no boolean; pass a string")
    text = _text(f"{tag}/@{attr.wire}", value)
    if "${" in text or (attr.required and not text.strip()):
        return text  # known only when the call runs, or refused as missing
    where = f"{tag}/@{attr.wire}={text!r}"
    if attr.enum and not attr.open_enum:
        canonical = attr.value_aliases.get(text, text)
        if canonical not in attr.enum:
            allowed = ", ".join(attr.enum)
            raise _refuse("CF300", f"{where} is not one of: {allowed}")
    elif attr.type == "int" and whole_number(text) is None:
        raise _refuse("CF301", f"{where} is not a whole number; pass an int such as 5")
    elif attr.type == "pressed":
        pattern = parse_pressed(text)
        if isinstance(pattern, str):
            raise _refuse("CF303" if pattern.startswith("range") else "CF302", pattern)
    elif attr.type == "digit" and (len(text) != 1 or text not in "0123456789*#"):
        raise _refuse("CF312", f"{where} is not one key; pass one of 0-9, * or #")
    return text


def _check_required(spec: TagSpec, attrs: dict[str, str], given: Mapping[str, Value]) -> None:
    """Refuse a required attribute left out (``None``: a DialplanTypeError) or empty."""
    for attr in spec.attrs:
        if attr.required_when is not None:
            other, wanted = attr.required_when
            if attrs.get(other, "").strip().lower() != wanted:
                continue
        elif not attr.required:
            continue
        if attrs.get(attr.wire, "").strip():
            continue
        when = (
            f" when {attr.required_when[0]}={attr.required_when[1]!r}" if attr.required_when else ""
        )
        what = attr.doc.rstrip(".")
        problem = f"<{spec.wire}> needs {attr.py}{when} ({what[:1].lower()}{what[1:]})"
        if given.get(attr.py) is None:
            raise DialplanTypeError(f"{problem}, not None")
        raise _refuse("CF208", f"{problem}; it cannot be empty")


def _check_text(spec: TagSpec, attrs: dict[str, str], text: str) -> None:
    """Refuse a required value left empty, and values of the wrong kind: a number of
    seconds that is none, a CallFire sound id that is not one."""
    value = text.strip()
    if spec.text == "required" and not value:
        raise _refuse("CF209", f"<{spec.wire}> needs a value; it cannot be empty")
    if not value or "${" in value:
        return
    if spec.text_type == "seconds" and not _SECONDS.fullmatch(value):
        raise _refuse("CF301", f"<{spec.wire}> takes a number of seconds, not {value!r}")
    callfireid = spec.wire == "play" and attrs.get("type", "").lower() == "callfireid"
    if callfireid and not (value.isascii() and value.isdigit()):
        raise _refuse("CF314", f'<play type="callfireid"> takes a numeric sound id, not {value!r}')


_SECONDS = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def encode_attrs(tag: str, extra_attrs: Extra = None, **kwargs: Value) -> dict[str, str]:
    """The wire attributes of a ``tag`` built from snake-case keywords (``None`` leaves
    one out) and ``extra_attrs``, whose names and values must be strings. A keyword the
    tag does not take raises :class:`~cftools.dialplan.DialplanTypeError` with a
    did-you-mean."""
    by_py = {a.py: a for a in TAGS[tag].attrs}
    for py in kwargs:
        if py not in by_py:
            raise _unknown_keyword(tag, py, by_py)
    attrs = {
        by_py[py].wire: _encode(tag, by_py[py], value)
        for py, value in kwargs.items()
        if value is not None
    }
    for wire, value in (extra_attrs or {}).items():
        if not isinstance(wire, str) or not isinstance(value, str):
            raise _refuse("CF300", f"extra_attrs[{wire!r}]: names and values must be strings")
        attrs[wire] = _xml_string(f"{tag}/@{wire}", value)
    return attrs


#: The type of the children a builder makes (:class:`~cftools.dialplan.Element`); a type
#: parameter, so that this module sits below the model and never imports it.
Child = TypeVar("Child")


def _unknown_keyword(tag: str, py: str, by_py: Mapping[str, AttrSpec]) -> DialplanTypeError:
    method = BUILDER_METHODS.get(tag, ("Dialplan", None))[0]
    close = closest(py, [*by_py, "extra_attrs"])
    hint = f"did you mean {close}=?" if close else f"it takes: {', '.join(by_py)}"
    return DialplanTypeError(f"{method}() got an unexpected keyword argument {py!r}; {hint}")


class Builder(Generic[Child]):
    """Mixin giving :class:`~cftools.dialplan.Element` one method per tag.

    ``Element`` derives from ``Builder["Element"]`` and supplies :meth:`_make_child`; the
    builder only encodes and checks values against the table."""

    __slots__ = ()

    tag: str

    def _make_child(self, tag: str, attrs: dict[str, str], text: str) -> Child:
        raise NotImplementedError  # provided by Element

    def _add(self, tag: str, text: Value = "", extra_attrs: Extra = None, **kwargs: Value) -> Child:
        parent = TAGS.get(self.tag)
        if parent is None or tag not in parent.allowed:
            where = "at the top of the dialplan" if self.tag == "dialplan" else f"in <{self.tag}>"
            allowed = sorted(parent.allowed) if parent else []
            hint = f"; <{self.tag}> accepts: {', '.join(allowed)}" if allowed else ""
            raise _refuse("CF202", f"<{tag}> is not allowed {where}{hint}")
        attrs = encode_attrs(tag, extra_attrs, **kwargs)
        spec = TAGS[tag]
        _check_required(spec, attrs, kwargs)
        if text is None and spec.text == "required":
            raise DialplanTypeError(f"<{tag}> needs a value, not None")
        value = "" if text is None else _text(f"<{tag}>", text)
        _check_text(spec, attrs, value)
        return self._make_child(tag, attrs, value)

    # -- core flow -------------------------------------------------------------------

    def menu(
        self,
        *,
        name: str | None = None,
        timeout: int | None = None,
        max_digits: int | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:
        """Add ``<menu>``: prompts (``play``) and branches (``keypress``).

        ``timeout`` over 1000 is milliseconds, otherwise seconds (CallFire's rule).
        """
        return self._add(
            "menu", "", extra_attrs, name=name, timeout=timeout, max_digits=max_digits, **misspelt
        )

    def keypress(
        self,
        pressed: str | int,
        *,
        name: str | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:
        """Add ``<keypress>``: ``pressed`` is a key (``"1"``, ``"#"``), a number, a range
        ``"4-6"``, ``"default"`` or ``"timeout"``."""
        return self._add("keypress", "", extra_attrs, name=name, pressed=pressed, **misspelt)

    def play(
        self,
        text: str | int,
        *,
        type: PlayType = "tts",
        voice: Voice | None = None,
        cache: bool | None = None,
        name: str | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:
        """Add ``<play>``: text to speak (``type="tts"``), a sound id (``"callfireid"``)
        or a sound URL (``"url"``)."""
        return self._add(
            "play", text, extra_attrs, name=name, type=type, voice=voice, cache=cache, **misspelt
        )

    def goto(
        self,
        target: str,
        *,
        name: str | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:
        """Add ``<goto>``: jump to the tag named ``target``."""
        return self._add("goto", target, extra_attrs, name=name, **misspelt)

    def hangup(
        self, *, name: str | None = None, extra_attrs: Extra = None, **misspelt: NoReturn
    ) -> Child:
        """Add ``<hangup/>``: end the call."""
        return self._add("hangup", "", extra_attrs, name=name, **misspelt)

    def transfer(
        self,
        numbers: str | int | Sequence[str | int],
        *,
        callerid: str | None = None,
        calleridalpha: str | None = None,
        musiconhold: str | None = None,
        continue_after: bool | None = None,
        mode: TransferMode | None = None,
        timeout: int | None = None,
        whisper_tts: str | None = None,
        name: str | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:
        """Add ``<transfer>`` to one number or several (joined with commas)."""
        if isinstance(numbers, (str, int)) or not isinstance(numbers, Sequence):
            value: Value = numbers
        else:
            value = ",".join(_text("<transfer>", number) for number in numbers)
        return self._add(
            "transfer",
            value,
            extra_attrs,
            name=name,
            callerid=callerid,
            calleridalpha=calleridalpha,
            musiconhold=musiconhold,
            continue_after=continue_after,
            mode=mode,
            timeout=timeout,
            whisper_tts=whisper_tts,
            **misspelt,
        )

    # -- data and variables ----------------------------------------------------------

    def setvar(
        self,
        varname: str,
        value: Value = "",
        *,
        name: str | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:
        """Add ``<setvar>``: set ``${varname}`` to a literal or expression."""
        return self._add("setvar", value, extra_attrs, name=name, varname=varname, **misspelt)

    def stash(
        self,
        varname: str,
        value: Value = "",
        *,
        name: str | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:
        """Add ``<stash>``: save ``value`` in the call report under ``varname``."""
        return self._add("stash", value, extra_attrs, name=name, varname=varname, **misspelt)

    def record(
        self,
        *,
        name: str | None = None,
        varname: str | None = None,
        background: bool | None = None,
        timeout: int | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:
        """Add ``<record/>``; ``varname`` receives the recording's URL."""
        return self._add(
            "record", "", extra_attrs,
            name=name, varname=varname, background=background, timeout=timeout, **misspelt,
        )  # fmt: skip

    def get(
        self, url: str, *, varname: str | None = None, name: str | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:  # fmt: skip
        """Add ``<get>``: HTTP GET ``url``; ``varname`` receives the response."""
        return self._add("get", url, extra_attrs, name=name, varname=varname, **misspelt)

    def post(
        self, url: str, *, varname: str | None = None, name: str | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:  # fmt: skip
        """Add ``<post>``: HTTP POST to ``url``; ``varname`` receives the response."""
        return self._add("post", url, extra_attrs, name=name, varname=varname, **misspelt)

    # -- conditions, detection, events -----------------------------------------------

    def if_(
        self, expr: str, *, name: str | None = None, extra_attrs: Extra = None, **misspelt: NoReturn
    ) -> Child:
        """Add ``<if expr=...>``; quote string operands: ``"'${x}' == 'yes'"``."""
        return self._add("if", "", extra_attrs, name=name, expr=expr, **misspelt)

    def else_(
        self, *, name: str | None = None, extra_attrs: Extra = None, **misspelt: NoReturn
    ) -> Child:
        """Add ``<else>`` to an ``<if>``."""
        return self._add("else", "", extra_attrs, name=name, **misspelt)

    def equal(
        self,
        var: str,
        expr: str,
        *,
        name: str | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:
        """Add ``<equal var=... expr=...>``."""
        return self._add("equal", "", extra_attrs, name=name, var=var, expr=expr, **misspelt)

    def not_equal(
        self,
        var: str,
        expr: str,
        *,
        name: str | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:
        """Add ``<notEqual var=... expr=...>`` (known only from the PHP SDK)."""
        return self._add("notEqual", "", extra_attrs, name=name, var=var, expr=expr, **misspelt)

    def amd(
        self, *, name: str | None = None, extra_attrs: Extra = None, **misspelt: NoReturn
    ) -> Child:
        """Add ``<amd>`` (outbound calls); give it one ``live()`` and one ``machine()``."""
        return self._add("amd", "", extra_attrs, name=name, **misspelt)

    def live(
        self, *, name: str | None = None, extra_attrs: Extra = None, **misspelt: NoReturn
    ) -> Child:
        """Add ``<live>`` to an ``<amd>``: what to do when a person answers."""
        return self._add("live", "", extra_attrs, name=name, **misspelt)

    def machine(
        self, *, name: str | None = None, extra_attrs: Extra = None, **misspelt: NoReturn
    ) -> Child:
        """Add ``<machine>`` to an ``<amd>``: what to do for an answering machine."""
        return self._add("machine", "", extra_attrs, name=name, **misspelt)

    def catch(
        self,
        type: CatchType,
        goto: str,
        *,
        value: str | int | None = None,
        name: str | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:
        """Add ``<catch>``: jump to ``goto`` on hang-up or when key ``value`` is pressed."""
        return self._add(
            "catch", "", extra_attrs, name=name, type=type, value=value, goto=goto, **misspelt
        )

    def wait(
        self,
        seconds: int | float | str,
        *,
        name: str | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:
        """Add ``<wait>``: a pause of ``seconds``."""
        return self._add("wait", seconds, extra_attrs, name=name, **misspelt)

    # -- messaging and legacy ----------------------------------------------------------

    def dnc(
        self, number: str = "", *, logging_enabled: bool | None = None,
        name: str | None = None, extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:  # fmt: skip
        """Add ``<dnc/>``: put the current number on the Do-Not-Call list."""
        return self._add(
            "dnc", number, extra_attrs, name=name, logging_enabled=logging_enabled, **misspelt
        )

    def sms(
        self, message: str, *, to: str | None = None, name: str | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:  # fmt: skip
        """Add ``<sms to=...>``: send ``message`` as a text during the call."""
        return self._add("sms", message, extra_attrs, name=name, to=to, **misspelt)

    def text_message(
        self, message: str, *, to: str | None = None, name: str | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:  # fmt: skip
        """Add ``<text to=...>``, the PHP SDK's spelling of ``<sms>`` (prefer :meth:`sms`)."""
        return self._add("text", message, extra_attrs, name=name, to=to, **misspelt)

    def dtmf(
        self,
        digits: str,
        *,
        name: str | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:
        """Add ``<dtmf>``: send touch-tones (SDK only)."""
        return self._add("dtmf", digits, extra_attrs, name=name, **misspelt)

    def goto_xml(
        self, url: str, *, name: str | None = None, extra_attrs: Extra = None, **misspelt: NoReturn
    ) -> Child:
        """Add ``<gotoXML>``: continue with the dialplan at ``url`` (SDK only)."""
        return self._add("gotoXML", url, extra_attrs, name=name, **misspelt)

    def analytics(
        self,
        *,
        account: str | None = None,
        domain: str | None = None,
        category: str | None = None,
        action: str | None = None,
        label: str | None = None,
        value: str | None = None,
        name: str | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:
        """Add ``<analytics>``: a Google Analytics event (SDK only)."""
        return self._add(
            "analytics", "", extra_attrs, name=name, account=account, domain=domain,
            category=category, action=action, label=label, value=value, **misspelt,
        )  # fmt: skip

    def gtalk(
        self,
        message: str = "",
        *,
        username: str | None = None,
        password: str | None = None,
        to: str | None = None,
        name: str | None = None,
        extra_attrs: Extra = None,
        **misspelt: NoReturn,
    ) -> Child:
        """Add ``<gtalk>`` (SDK only; the service is gone). The password is never shown
        in reprs."""
        return self._add(
            "gtalk",
            message,
            extra_attrs,
            name=name,
            username=username,
            password=password,
            to=to,
            **misspelt,
        )
