"""Findings, reports and the dialplan exceptions.

Every finding code is listed once, in :data:`CODES`, with its severity and a short slug;
the README's table of codes is checked against it by a test. Codes are grouped by
hundreds:

====== ===================================================================
CF1xx  the document: well-formedness, safety, root
CF2xx  structure: tags, nesting, attributes, required values
CF3xx  values: enumerations, numbers, keypress patterns, menu settings
CF4xx  names and flow: goto targets, duplicate names, dead code
CF5xx  variables: ``${...}`` syntax and use
CF6xx  reserved for graph-based rules (reachability, loops, endings)
====== ===================================================================

Each code has one severity. An error rests on something CallFire documents (an
attribute table, an enumeration, a documented sentence) or on something that certainly
breaks the call (malformed XML, a goto to nowhere); anything inferred is a warning.
Where one check can rest on either, it has two codes (e.g. CF304 beside the CF300/CF301
errors, CF217 beside CF205). ``docs/dialplan-severities.md`` gives the fact behind
every error code.

Exceptions::

    CftoolsError
    └── DialplanError (also ValueError)     a dialplan with errors; carries .findings
        ├── DialplanParseError               XML that cannot be read safely; .line, .column
        └── DialplanTypeError (also TypeError)  something that is no dialplan at all
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from cftools._errors import CftoolsError

__all__ = [
    "CODES",
    "CodeInfo",
    "DialplanError",
    "DialplanParseError",
    "DialplanTypeError",
    "Finding",
    "Report",
    "Severity",
]

Severity = Literal["error", "warning"]


class CodeInfo(NamedTuple):
    """The fixed facts about one finding code."""

    severity: Severity
    slug: str
    summary: str


CODES: Mapping[str, CodeInfo] = {
    "CF100": CodeInfo("error", "malformed-xml", "the document is not well-formed XML"),
    "CF101": CodeInfo(
        "error", "unsafe-xml", "entity declarations, or a document over the size limit"
    ),
    "CF102": CodeInfo("error", "wrong-root", "the root element is not <dialplan>"),
    "CF103": CodeInfo("warning", "empty-dialplan", "the dialplan holds no tags"),
    "CF104": CodeInfo("warning", "xml-namespace", "the dialplan uses an XML namespace"),
    "CF200": CodeInfo(
        "error", "unknown-tag", "a misspelt tag, or a name CallFire is known not to have (<say>)"
    ),
    "CF201": CodeInfo("warning", "tag-case", "a known tag written in the wrong case"),
    "CF202": CodeInfo("error", "misplaced-tag", "a tag its parent does not allow"),
    "CF203": CodeInfo("warning", "unusual-child", "a tag its parent accepts but no example shows"),
    "CF204": CodeInfo("warning", "legacy-tag", "a tag known only from CallFire's PHP SDK"),
    "CF205": CodeInfo(
        "error", "unknown-attribute", "a misspelling of an attribute the tag documents (voise)"
    ),
    "CF206": CodeInfo("warning", "attribute-spelling", "a variant spelling of a known attribute"),
    "CF207": CodeInfo("warning", "ignored-attribute", "an attribute CallFire documents by mistake"),
    "CF208": CodeInfo("error", "missing-attribute", "a required attribute is absent or empty"),
    "CF209": CodeInfo("error", "missing-value", "a required tag value (text) is empty"),
    "CF210": CodeInfo("warning", "unexpected-text", "text where the tag takes none"),
    "CF211": CodeInfo(
        "warning", "uncertain-requirement", "an attribute or value is probably needed"
    ),
    "CF212": CodeInfo("error", "menu-without-prompt", "a <menu> with no <play>"),
    "CF213": CodeInfo("warning", "menu-without-keypress", "a <menu> with no <keypress>"),
    "CF214": CodeInfo("error", "amd-branches", "an <amd> without exactly one <live> and <machine>"),
    "CF215": CodeInfo("warning", "else-placement", "more than one <else>, or an <else> not last"),
    "CF216": CodeInfo("warning", "amd-inbound", "answering-machine detection on an inbound number"),
    "CF217": CodeInfo(
        "warning", "undocumented-attribute", "an attribute CallFire documents nowhere for the tag"
    ),
    "CF218": CodeInfo("warning", "undocumented-tag", "a tag CallFire documents nowhere"),
    "CF300": CodeInfo("error", "bad-enum", "a value outside the attribute's enumeration"),
    "CF301": CodeInfo("error", "bad-number", "a value that must be a number is not"),
    "CF302": CodeInfo(
        "error", "bad-pressed", "a keypress pattern that is not a key, range or keyword"
    ),
    "CF303": CodeInfo("warning", "bad-range", "a keypress range A-B with A > B"),
    "CF304": CodeInfo("warning", "doubtful-value", "a value the docs do not confirm"),
    "CF305": CodeInfo("warning", "value-spelling", "an enumerated value in another case or padded"),
    "CF306": CodeInfo("warning", "pressed-too-long", "a keypress longer than the menu's maxDigits"),
    "CF307": CodeInfo("warning", "ambiguous-timeout", "a menu timeout of exactly 1000"),
    "CF308": CodeInfo("warning", "implausible-timeout", "a menu timeout that is too short or long"),
    "CF309": CodeInfo(
        "warning", "overlapping-keypress", "two keypress branches match the same input"
    ),
    "CF310": CodeInfo(
        "warning", "menu-without-fallback", "a menu with no default or timeout branch"
    ),
    "CF311": CodeInfo("warning", "odd-name", "a tag name with characters outside [A-Za-z0-9_-]"),
    "CF312": CodeInfo("error", "bad-digit", "a catch value that is not one key"),
    "CF313": CodeInfo("warning", "assignment-in-condition", "'=' where '==' was probably meant"),
    "CF314": CodeInfo("error", "bad-sound", "a callfireid play whose value is not a sound id"),
    "CF400": CodeInfo("error", "unknown-target", "a goto or catch target that no tag names"),
    "CF401": CodeInfo("error", "ambiguous-target", "a goto or catch target named by several tags"),
    "CF402": CodeInfo("warning", "duplicate-name", "several tags share a name no goto targets"),
    "CF403": CodeInfo("warning", "dead-code", "tags after <hangup> or <goto> that cannot run"),
    "CF404": CodeInfo("warning", "dynamic-target", "a goto target built from a variable"),
    "CF500": CodeInfo("warning", "unbalanced-variable", "a '${' without its closing '}'"),
    "CF501": CodeInfo("warning", "unset-variable", "a variable read but never set"),
    "CF502": CodeInfo("warning", "bad-variable-name", "a variable name outside [A-Za-z0-9_.]"),
    "CF600": CodeInfo("warning", "unreachable", "an element no path from the start reaches"),
    "CF601": CodeInfo("warning", "endless-loop", "a loop, usually a menu, with no way out"),
    "CF602": CodeInfo("warning", "unfinished-branch", "a branch that ends unlike most others"),
}


@dataclass(frozen=True)
class Finding:
    """One problem found in a dialplan.

    ``code`` is a stable identifier from :data:`CODES` (which also fixes ``severity``);
    ``message`` says what is wrong and how to fix it. ``line`` and ``column`` are
    1-based positions of the offending tag's ``<`` in the source (``None`` for a dialplan
    built in Python); ``path`` is an XPath-like location such as
    ``/dialplan/menu[1]/keypress[2]`` (empty when the document could not be read).
    """

    code: str
    message: str
    line: int | None = None
    column: int | None = None
    path: str = ""
    order: tuple[int, int] = field(default=(0, 0), compare=False, repr=False)

    @property
    def severity(self) -> Severity:
        """``"error"`` or ``"warning"``, fixed by the code."""
        return CODES[self.code].severity

    @property
    def slug(self) -> str:
        """The code's readable name, e.g. ``unknown-tag``."""
        return CODES[self.code].slug

    def __str__(self) -> str:
        """``line:col: severity CODE: message``; without a position (a dialplan built in
        Python), the path stands in its place: ``/dialplan/menu[1]: error CF213: ...``."""
        if self.line is not None:
            where = f"{self.line}:{self.column if self.column is not None else 0}: "
        else:
            where = f"{self.path}: " if self.path else ""
        return f"{where}{self.severity} {self.code}: {self.message}"

    def format(self, filename: str = "<dialplan>") -> str:
        """Return ``file:line:col: severity CODE: message`` (the CLI's text format)."""
        line = self.line if self.line is not None else 0
        column = self.column if self.column is not None else 0
        return f"{filename}:{line}:{column}: {self.severity} {self.code}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary of the finding."""
        return {
            "code": self.code,
            "slug": self.slug,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "path": self.path,
        }


class Report:
    """Every finding of one validation, in document order.

    Iterating a report yields its findings; ``ok`` is true when none is an error.
    """

    __slots__ = ("findings",)

    def __init__(self, findings: tuple[Finding, ...] = ()) -> None:
        self.findings: tuple[Finding, ...] = findings

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity ``error``."""
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity ``warning``."""
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def ok(self) -> bool:
        """True when the report holds no error (warnings allowed)."""
        return not any(f.severity == "error" for f in self.findings)

    def raise_for_errors(self) -> None:
        """Raise :class:`DialplanError` carrying every finding if any is an error."""
        if not self.ok:
            raise DialplanError(self.findings)

    def to_json(self, filename: str | None = None) -> str:
        """Return the report as a JSON document (used by ``--format json``)."""
        data: dict[str, Any] = {
            "ok": self.ok,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "findings": [f.as_dict() for f in self.findings],
        }
        if filename is not None:
            data = {"file": filename, **data}
        return json.dumps(data, indent=2)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __repr__(self) -> str:
        return f"<Report ok={self.ok} errors={len(self.errors)} warnings={len(self.warnings)}>"


class DialplanError(CftoolsError, ValueError):
    """A dialplan has errors. ``findings`` holds every finding (warnings included)."""

    def __init__(self, findings: tuple[Finding, ...] | list[Finding]) -> None:
        self.findings: tuple[Finding, ...] = tuple(findings)
        errors = [f for f in self.findings if f.severity == "error"] or list(self.findings)
        shown = "; ".join(_short(f) for f in errors[:3])
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        noun = "error" if len(errors) == 1 else "errors"
        super().__init__(f"dialplan has {len(errors)} {noun}: {shown}{more}")


class DialplanParseError(DialplanError):
    """The XML cannot be read safely: malformed, too large, or declaring entities.

    ``line`` and ``column`` (1-based) point at the problem when known.
    """

    def __init__(self, finding: Finding) -> None:
        super().__init__((finding,))
        self.line = finding.line
        self.column = finding.column

    def __str__(self) -> str:
        f = self.findings[0]
        where = f"line {f.line}, column {f.column}: " if f.line is not None else ""
        return f"{where}{f.message}"


class DialplanTypeError(DialplanError, TypeError):
    """A dialplan function was given something that is no dialplan (``parse(42)``,
    ``to_mermaid(None)``), or a model holding something other than elements, comments
    and strings; the one finding (CF100) says what is wrong."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__((Finding("CF100", message, path=path),))

    def __str__(self) -> str:
        return self.findings[0].message


def _short(finding: Finding) -> str:
    where = f"line {finding.line}: " if finding.line is not None else ""
    return f"{where}{finding.code} {finding.message}"


for _cls in (Finding, Report, DialplanError, DialplanParseError, DialplanTypeError, CodeInfo):
    _cls.__module__ = "cftools.dialplan"
