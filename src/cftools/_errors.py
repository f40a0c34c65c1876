"""The root of cftools' exception tree.

Each part defines its own exceptions under :class:`CftoolsError`:

* ``cftools.fields.FieldsSyntaxError`` (also a ``ValueError``): a malformed ``fields``
  expression; it carries the expression and the 0-based position.
* ``cftools.dialplan.DialplanError`` (also a ``ValueError``): a dialplan with errors;
  it carries every finding. ``DialplanParseError`` for XML that cannot be read safely.
* ``cftools.client.RequestValidationError`` (also a ``ValueError``): a request refused
  before any I/O; ``ApiError`` and its subclasses for error responses;
  ``TransportError`` for network failures and timeouts.

Catching ``CftoolsError`` catches every error the library raises on purpose; anything
else escaping the library is a bug.
"""

from __future__ import annotations

__all__ = ["CftoolsError"]


class CftoolsError(Exception):
    """Base class of every exception that cftools raises on purpose."""

    __module__ = "cftools"
