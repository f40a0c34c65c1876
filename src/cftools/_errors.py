"""The root of cftools' exception tree.

Each part defines its own exceptions under :class:`CftoolsError`:

* ``cftools.fields.FieldsSyntaxError`` (also a ``ValueError``): a malformed ``fields``
  expression; it carries the expression and the 0-based position.
* ``cftools.dialplan.DialplanError`` (also a ``ValueError``): a dialplan with errors;
  it carries every finding. ``DialplanParseError`` for XML that cannot be read safely.
* ``cftools.client.RequestValidationError`` (also a ``ValueError``): a request refused
  before any I/O; ``ApiError`` and its subclasses for error responses;
  ``TransportError`` for network failures and timeouts.
* ``cftools.campaigns.CampaignError``: a campaign that cannot start or go on
  (``InputError``, ``InvalidRecipientsError``, ``JournalError``, ``CampaignAborted``).

Catching ``CftoolsError`` catches every error the library raises on purpose; anything
else escaping the library is a bug. Every one pickles and copies with its attributes,
so it can cross a multiprocessing pool or a task queue.
"""

from __future__ import annotations

__all__ = ["CftoolsError"]


def _restore(
    cls: type[BaseException], args: tuple[object, ...], state: dict[str, object]
) -> BaseException:
    """Rebuild a pickled or copied exception without calling its ``__init__``."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class CftoolsError(Exception):
    """Base class of every exception that cftools raises on purpose."""

    __module__ = "cftools"

    def __reduce__(self) -> tuple[object, ...]:
        # The default protocol calls ``__init__`` with ``args`` alone, which subclasses
        # taking keyword-only or structured arguments (findings, status codes) refuse.
        return (_restore, (type(self), self.args, dict(self.__dict__)))
