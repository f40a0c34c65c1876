"""The CallFire XML language as one declarative table.

Every consumer reads this table and nothing else: the builder (which keyword arguments a
tag method takes and how they map to wire names), the parser (which text to keep), the
serializer (canonical attribute order), the validator (allowed children, required
attributes, types and enumerations, severities) and the RELAX NG schema in ``grammars/``
(generated from it; a test keeps the file equal to the generated text).

Rules of this file:

* A tag is a :class:`TagSpec`; an attribute is an :class:`AttrSpec`. ``TAGS`` maps the
  wire name (as written in XML, case included) to its spec, in the reference's order.
* ``evidence`` records how sure we are, using the reference's marks: ``DOC`` (stated in
  CallFire's documentation), ``EX`` (shown in an official example), ``SDK`` (named only by
  CallFire's PHP SDK) and ``INF`` (our inference). Checks that rest on ``SDK`` or ``INF``
  facts report warnings, never errors: a false error on a real dialplan is a defect.
  A tag's own ``evidence`` is ``DOC`` only when a CallFire page documents it with its
  attribute table; an attribute missing from the table is then an error (CF205), and on
  other tags, whose attribute lists come from examples or the SDK, a warning (CF217).
* ``children`` lists the tags a container allows without comment; ``tolerated`` those it
  accepts with a warning (e.g. a ``<transfer>`` directly inside a ``<menu>``).
* Spelling variants documented by CallFire (``maxdigits`` for ``maxDigits``, ``URL`` for
  ``url``, ``Default`` for ``default``) are listed as aliases so they validate cleanly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "BOOLEAN",
    "CONTAINERS",
    "STATEMENTS",
    "TAGS",
    "TOLERATED_ATTRS",
    "AttrSpec",
    "AttrType",
    "Evidence",
    "TagSpec",
    "TextType",
    "parents_of",
    "snake_case",
]

Evidence = Literal["DOC", "EX", "SDK", "INF"]

#: How an attribute value is read. ``text``: anything; ``name``: a tag name (goto target
#: namespace); ``ref``: the name of another tag; ``int``: a non-negative integer;
#: ``bool``: ``true``/``false``; ``enum``: one of ``AttrSpec.enum``; ``varname``: a
#: variable name; ``expr``: a JavaScript expression after ``${...}`` substitution;
#: ``phone``: a phone number; ``pressed``: a keypress pattern; ``digit``: one key.
AttrType = Literal[
    "text", "name", "ref", "int", "bool", "enum", "varname", "expr", "phone", "pressed", "digit"
]

#: How the text between an action tag's start and end tags (its *value*) is read.
#: ``none``: no text; ``text``: free text (TTS, SMS body); ``ref``: a tag name;
#: ``phones``: comma-separated phone numbers; ``url``: an absolute URL; ``seconds``: a
#: number; ``expr``: a literal or JavaScript expression; ``digits``: touch-tones;
#: ``play``: depends on ``play/@type``.
TextType = Literal["none", "text", "ref", "phones", "url", "seconds", "expr", "digits", "play"]

BOOLEAN = ("true", "false")

_SNAKE_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def snake_case(wire: str) -> str:
    """Return the Python keyword for a wire name: ``maxDigits`` -> ``max_digits``,
    ``whisper-tts`` -> ``whisper_tts``, ``gotoXML`` -> ``goto_xml``."""
    return _SNAKE_BOUNDARY.sub("_", wire).replace("-", "_").lower()


@dataclass(frozen=True)
class AttrSpec:
    """One attribute of a tag.

    ``wire`` is the canonical spelling written by the serializer; ``aliases`` are other
    spellings CallFire's own pages use (accepted with a warning). ``enum`` lists the
    canonical values; ``value_aliases`` maps documented variant spellings to them.
    ``open_enum`` marks lists the docs say "may change": unknown values warn instead of
    failing. ``required_when`` makes the attribute required only when another attribute
    has a given value (``catch/@value`` when ``type="digit"``).
    """

    wire: str
    type: AttrType = "text"
    required: bool = False
    enum: tuple[str, ...] = ()
    default: str | None = None
    evidence: Evidence = "DOC"
    aliases: tuple[str, ...] = ()
    value_aliases: Mapping[str, str] = field(default_factory=dict)
    open_enum: bool = False
    required_when: tuple[str, str] | None = None
    doc: str = ""

    @property
    def py(self) -> str:
        """The Python keyword argument for this attribute (snake case)."""
        return snake_case(self.wire)

    @property
    def strict(self) -> bool:
        """Whether facts about this attribute are documented well enough to be errors."""
        return self.evidence in ("DOC", "EX")


@dataclass(frozen=True)
class TagSpec:
    """One tag of the language.

    ``kind`` is ``container`` (holds tags) or ``action`` (holds only text, its value).
    ``text`` says whether the value is ``required``, ``optional`` or must be empty
    (``none``), and ``text_type`` how it is read. ``legacy`` is the warning given when
    the tag is used at all (tags known only from the SDK).
    """

    wire: str
    kind: Literal["container", "action"]
    attrs: tuple[AttrSpec, ...]
    text: Literal["none", "optional", "required"] = "none"
    text_type: TextType = "none"
    children: frozenset[str] = frozenset()
    tolerated: frozenset[str] = frozenset()
    evidence: Evidence = "DOC"
    text_evidence: Evidence = "DOC"
    legacy: str | None = None
    doc: str = ""
    _index: dict[str, AttrSpec] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, AttrSpec] = {}
        for spec in self.attrs:
            index[spec.wire] = spec
            for alias in spec.aliases:
                index[alias] = spec
        object.__setattr__(self, "_index", index)

    def attr(self, wire: str) -> AttrSpec | None:
        """Return the spec of attribute ``wire`` (canonical spelling or alias), if known."""
        return self._index.get(wire)

    @property
    def allowed(self) -> frozenset[str]:
        """Every child tag accepted (with or without a warning)."""
        return self.children | self.tolerated


_NAME = AttrSpec("name", "name", doc="A unique name for the tag: the target of goto and catch.")

# Tags legal wherever the reference says "statement context" (its section 8.2).
STATEMENTS: frozenset[str] = frozenset(
    {
        "play", "goto", "hangup", "transfer", "setvar", "stash", "record", "get", "post",
        "wait", "dnc", "sms", "text", "dtmf", "gotoXML", "analytics", "gtalk", "menu", "if",
        "equal", "notEqual", "amd", "catch",
    }
)  # fmt: skip

_MENU_CHILDREN = frozenset({"play", "keypress", "setvar", "record"})

_VOICES = ("male1", "female1", "female2", "spanish1", "frenchcanadian1", "femaleSpanish")
_MUSIC_ON_HOLD = (
    "ringing", "default", "silence", "alternative", "blues", "celtic", "classical", "country",
    "instrumental", "jazz", "neopunk", "new_age", "pop", "rock", "swing", "techno",
)  # fmt: skip


def _tags(*specs: TagSpec) -> dict[str, TagSpec]:
    return {spec.wire: spec for spec in specs}


TAGS: Mapping[str, TagSpec] = _tags(
    TagSpec(
        "dialplan", "container", (_NAME,), children=STATEMENTS, evidence="EX",
        doc="The root: its children run in order when the call connects.",
    ),
    TagSpec(
        "menu", "container",
        (
            _NAME,
            AttrSpec("timeout", "int", doc="Input timeout: over 1000 is ms, else s."),
            AttrSpec("maxDigits", "int", aliases=("maxdigits",), doc="Most digits in one input."),
        ),
        children=_MENU_CHILDREN, tolerated=STATEMENTS - _MENU_CHILDREN,
        doc="Play prompts, collect digits and run the first matching keypress.",
    ),
    TagSpec(
        "keypress", "container",
        (
            _NAME,
            AttrSpec("pressed", "pressed", required=True,
                     doc="A key or number, a range A-B, 'default' or 'timeout'."),
        ),
        children=STATEMENTS, doc="One branch of a menu.",
    ),
    TagSpec(
        "play", "action",
        (
            _NAME,
            AttrSpec("type", "enum", required=True, enum=("tts", "callfireid", "url"),
                     value_aliases={"URL": "url", "TTS": "tts", "CALLFIREID": "callfireid"},
                     doc="What the value is: text to speak, a sound id or a URL."),
            AttrSpec("voice", "enum", enum=_VOICES, doc="Text-to-speech voice."),
            AttrSpec("cache", "bool", enum=BOOLEAN, doc="Refetch the sound each call?"),
        ),
        text="required", text_type="play",
        doc="Play a stored sound, a sound from a URL, or text-to-speech.",
    ),
    TagSpec(
        "goto", "action", (_NAME,), text="required", text_type="ref", evidence="EX",
        text_evidence="EX", doc="Jump to the tag whose name is the value.",
    ),
    TagSpec("hangup", "action", (_NAME,), evidence="EX", doc="End the call."),
    TagSpec(
        "transfer", "action",
        (
            _NAME,
            AttrSpec("callerid", "phone", default="${call.callerid}",
                     doc="Caller ID shown to the transfer target."),
            AttrSpec("calleridalpha", evidence="SDK", doc="Alphanumeric caller ID (SDK only)."),
            AttrSpec("musiconhold", "enum", enum=_MUSIC_ON_HOLD, default="ringing", open_enum=True,
                     doc="What the caller hears while the transfer rings."),
            AttrSpec("continue-after", "bool", enum=BOOLEAN, default="false",
                     doc="Return to the dialplan after the transferred leg hangs up."),
            AttrSpec("mode", "enum", enum=("ringall", "waterfall"), default="ringall",
                     doc="Ring every number at once, or one after another."),
            AttrSpec("timeout", "int", doc="Seconds before giving up and going on."),
            AttrSpec("whisper-tts", doc="Text spoken only to the answering party."),
        ),
        text="required", text_type="phones",
        doc="Dial one or more numbers (comma separated) and bridge the caller.",
    ),
    TagSpec(
        "setvar", "action",
        (_NAME, AttrSpec("varname", "varname", required=True, evidence="INF",
                         doc="The variable to set.")),
        text="optional", text_type="expr", evidence="EX",
        doc="Set a variable to a literal or an evaluated expression.",
    ),
    TagSpec(
        "stash", "action",
        (_NAME, AttrSpec("varname", "text", required=True, doc="Field name in the call report.")),
        text="optional", text_type="expr", doc="Save a value into the call detail report.",
    ),
    TagSpec(
        "record", "action",
        (
            _NAME,
            AttrSpec("varname", "varname", evidence="EX",
                     doc="Variable that receives the recording's URL."),
            AttrSpec("background", "bool", enum=BOOLEAN, evidence="SDK",
                     doc="Record while the dialplan goes on (SDK only)."),
            AttrSpec("timeout", "int", evidence="SDK", doc="Recording limit (SDK; unit unknown)."),
        ),
        evidence="EX", doc="Record the caller; the name is also the sound file's name.",
    ),
    TagSpec(
        "if", "container",
        (_NAME, AttrSpec("expr", "expr", required=True, doc="JavaScript condition.")),
        children=STATEMENTS | {"else"}, doc="Run the children when the expression is true.",
    ),
    TagSpec(
        "else", "container", (_NAME,), children=STATEMENTS,
        doc="The false branch of the enclosing if.",
    ),
    TagSpec(
        "equal", "container",
        (
            _NAME,
            AttrSpec("var", "text", required=True, doc="Left-hand value."),
            AttrSpec("expr", "expr", required=True, doc="Right-hand expression."),
        ),
        children=STATEMENTS, doc="Run the children when var equals expr.",
    ),
    TagSpec(
        "notEqual", "container",
        (
            _NAME,
            AttrSpec("var", "text", required=True, evidence="SDK", doc="Left-hand value."),
            AttrSpec("expr", "expr", required=True, evidence="SDK", doc="Right-hand expression."),
        ),
        children=STATEMENTS, evidence="SDK",
        legacy="<notEqual> is known only from CallFire's PHP SDK; "
        "prefer <if expr=\"'${x}' != 'y'\">",
        doc="Run the children when var differs from expr (SDK only).",
    ),
    TagSpec(
        "amd", "container", (_NAME,), children=frozenset({"live", "machine"}),
        doc="Answering-machine detection (outbound calls): runs live or machine.",
    ),
    TagSpec("live", "container", (_NAME,), children=STATEMENTS,
            doc="What to do when a person answers."),
    TagSpec("machine", "container", (_NAME,), children=STATEMENTS,
            doc="What to do when an answering machine answers."),
    TagSpec(
        "catch", "container",
        (
            _NAME,
            AttrSpec("type", "enum", required=True, enum=("hangup", "digit"),
                     doc="The event to catch."),
            AttrSpec("value", "digit", required_when=("type", "digit"),
                     doc="The key to catch when type is digit."),
            AttrSpec("goto", "ref", required=True, doc="The tag to jump to."),
        ),
        children=STATEMENTS, doc="Jump to a tag when the caller hangs up or presses a key.",
    ),
    TagSpec("wait", "action", (_NAME,), text="required", text_type="seconds",
            doc="Pause for a number of seconds."),
    TagSpec(
        "get", "action",
        (_NAME, AttrSpec("varname", "varname", evidence="SDK",
                         doc="Variable that receives the response body.")),
        text="required", text_type="url", evidence="EX", text_evidence="EX",
        doc="HTTP GET a URL during the call.",
    ),
    TagSpec(
        "post", "action",
        (_NAME, AttrSpec("varname", "varname", evidence="EX",
                         doc="Variable that receives the response body.")),
        text="required", text_type="url", evidence="EX", text_evidence="EX",
        doc="HTTP POST to a URL during the call.",
    ),
    TagSpec(
        "dnc", "action",
        (_NAME, AttrSpec("loggingEnabled", "bool", enum=BOOLEAN, evidence="SDK",
                         doc="Undocumented (SDK only).")),
        text="optional", text_type="phones", evidence="SDK", text_evidence="INF",
        doc="Add the current number to the Do-Not-Call list.",
    ),
    TagSpec(
        "sms", "action",
        (_NAME, AttrSpec("to", "phone", evidence="INF", doc="Recipient phone number.")),
        text="required", text_type="text", evidence="EX", text_evidence="INF",
        doc="Send a text message during the call.",
    ),
    TagSpec(
        "text", "action",
        (_NAME, AttrSpec("to", "phone", evidence="SDK", doc="Recipient phone number.")),
        text="required", text_type="text", evidence="SDK", text_evidence="INF",
        legacy="<text> is the PHP SDK's spelling; CallFire's own scripts write <sms>",
        doc="Send a text message (the SDK's spelling of sms).",
    ),
    TagSpec(
        "dtmf", "action", (_NAME,), text="required", text_type="digits", evidence="SDK",
        text_evidence="INF", legacy="<dtmf> is known only from CallFire's PHP SDK",
        doc="Send touch-tones down the line (SDK only).",
    ),
    TagSpec(
        "gotoXML", "action", (_NAME,), text="required", text_type="url", evidence="SDK",
        text_evidence="INF", legacy="<gotoXML> is known only from CallFire's PHP SDK",
        doc="Continue with a dialplan fetched from a URL (SDK only).",
    ),
    TagSpec(
        "analytics", "action",
        (
            _NAME,
            AttrSpec("account", evidence="SDK", doc="Analytics account id (SDK only)."),
            AttrSpec("domain", evidence="SDK", doc="Analytics domain (SDK only)."),
            AttrSpec("category", evidence="SDK", doc="Event category (SDK only)."),
            AttrSpec("action", evidence="SDK", doc="Event action (SDK only)."),
            AttrSpec("label", evidence="SDK", doc="Event label (SDK only)."),
            AttrSpec("value", evidence="SDK", doc="Event value (SDK only)."),
        ),
        evidence="SDK", legacy="<analytics> is known only from CallFire's PHP SDK",
        doc="Send a Google Analytics event (SDK only).",
    ),
    TagSpec(
        "gtalk", "action",
        (
            _NAME,
            AttrSpec("username", evidence="SDK", doc="Google Talk account (SDK only)."),
            AttrSpec("password", evidence="SDK", doc="Its password; never shown in reprs."),
            AttrSpec("to", evidence="SDK", doc="Recipient address (SDK only)."),
        ),
        text="optional", text_type="text", evidence="SDK", text_evidence="INF",
        legacy="<gtalk> is known only from CallFire's PHP SDK, and Google Talk is gone",
        doc="Send a Google Talk message (SDK only; the service no longer exists).",
    ),
)  # fmt: skip

#: Tags that hold other tags.
CONTAINERS: frozenset[str] = frozenset(t.wire for t in TAGS.values() if t.kind == "container")

#: Attribute names tolerated on any tag with a warning: CallFire's attribute tables list
#: ``loggingEnabled`` by mistake on keypress and if (reference section 9.1).
TOLERATED_ATTRS: frozenset[str] = frozenset({"loggingEnabled"})


def parents_of(tag: str) -> frozenset[str]:
    """Return the tags that accept ``tag`` as a child (with or without a warning)."""
    return frozenset(spec.wire for spec in TAGS.values() if tag in spec.allowed)


for _cls in (AttrSpec, TagSpec):
    _cls.__module__ = "cftools.dialplan"
