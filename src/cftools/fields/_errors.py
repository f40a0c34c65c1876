"""The exceptions of :mod:`cftools.fields`.

* :class:`FieldsError` is the base of them all (a :class:`cftools.CftoolsError`).
* :class:`FieldsSyntaxError` (also a ``ValueError``): a malformed expression, or one
  nested deeper than :data:`MAX_DEPTH`. It carries the expression, the 0-based position
  of the problem and a message; ``str()`` adds the expression with a caret under it.
* :class:`FieldsTypeError` (also a ``TypeError``): an expression that is neither a
  string nor ``None``, or ``|`` between an inclusion and an exclusion.
* :class:`DocumentError` (also a ``ValueError``): a document that cannot be projected
  because it contains itself (only possible for objects built in Python; decoded JSON
  never does).
* :class:`DecodeError` (a :class:`DocumentError`): a text given to ``decode`` that is
  not JSON. It carries the message and, when known, the position (a character index
  of the decoded text, or a byte index for bytes that are no UTF-8/16/32 text), line
  and column.
"""

from __future__ import annotations

from cftools._errors import CftoolsError

__all__ = ["DecodeError", "DocumentError", "FieldsError", "FieldsSyntaxError", "FieldsTypeError"]

# How many characters of the expression the caret display shows on each side of the
# position; longer expressions are cut with an ellipsis so a 1 MB expression still gives
# a readable three-line error.
_CONTEXT = 40
_BLANKS = str.maketrans("\t\n\r\f\v", "     ")


class FieldsError(CftoolsError):
    """Base class of the errors raised by :mod:`cftools.fields`."""

    __module__ = "cftools.fields"


class FieldsSyntaxError(FieldsError, ValueError):
    """A ``fields`` expression that does not follow the grammar.

    Attributes:
        expression: the expression exactly as given.
        position: 0-based index (in code points) of the problem; ``len(expression)``
            when the problem is that the expression ends too early.
        message: what is wrong, without the position.
    """

    __module__ = "cftools.fields"

    def __init__(self, message: str, expression: str, position: int) -> None:
        super().__init__(message, expression, position)
        self.message = message
        self.expression = expression
        self.position = position

    def __str__(self) -> str:
        return f"{self.message} at position {self.position}\n{self.caret()}"

    def caret(self) -> str:
        """Return two lines: the expression (or a window of it) and a caret under the position.

        Whitespace control characters are shown as blanks so the caret stays aligned.
        """
        start = max(0, self.position - _CONTEXT)
        end = min(len(self.expression), self.position + _CONTEXT)
        prefix = "..." if start > 0 else ""
        suffix = "..." if end < len(self.expression) else ""
        shown = self.expression[start:end].translate(_BLANKS)
        column = len(prefix) + self.position - start
        return f"  {prefix}{shown}{suffix}\n  {' ' * column}^"


class FieldsTypeError(FieldsError, TypeError):
    """A value of the wrong type: an expression that is not a string (nor ``None``), or an
    inclusion combined with an exclusion by ``|``."""

    __module__ = "cftools.fields"


class DocumentError(FieldsError, ValueError):
    """A document that cannot be projected: it contains itself (a reference cycle)."""

    __module__ = "cftools.fields"


class DecodeError(DocumentError):
    """A text given to :func:`cftools.fields.decode` that is not JSON, whichever path
    decoded it.

    Attributes:
        message: what is wrong, without the position.
        position: 0-based index of the problem (in characters of the decoded text, or
            in bytes when ``unit`` is ``"byte"``), or ``None`` when it has no single
            place (nesting too deep, a number out of range in a strict decode).
        line, column: 1-based line and column of ``position`` (``None`` with it, and
            for a byte position).
        unit: ``"character"`` or ``"byte"``.
    """

    __module__ = "cftools.fields"

    def __init__(
        self,
        message: str,
        position: int | None,
        line: int | None = None,
        column: int | None = None,
        *,
        unit: str = "character",
    ) -> None:
        super().__init__(message, position, line, column)
        self.message = message
        self.position = position
        self.line = line
        self.column = column
        self.unit = unit

    def __str__(self) -> str:
        if self.position is None:
            return f"invalid JSON: {self.message}"
        if self.unit == "byte":
            return f"invalid JSON: {self.message} at byte {self.position}"
        return (
            f"invalid JSON: {self.message} at line {self.line}, column {self.column} "
            f"(position {self.position})"
        )
