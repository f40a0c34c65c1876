"""Input type aliases shared by the client modules, kept in one place so signatures stay
readable."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import IO

import httpx

__all__ = ["FileContent", "FileInput", "FilesArgument", "TimeoutArgument"]

FileContent = bytes | IO[bytes]
"""The bytes of an upload, or a binary file object to read them from."""

FileInput = FileContent | os.PathLike[str] | tuple[str, FileContent] | tuple[str, FileContent, str]
"""One file to upload: its content (``bytes`` or a binary file object), a path
(``pathlib.Path``; plain strings are refused as ambiguous), or a tuple ``(filename,
content)`` or ``(filename, content, content_type)``."""

FilesArgument = FileInput | Mapping[str, FileInput]
"""``files=``: one file for the operation's only file parameter, or a mapping from the
API's form parameter name (``"file"``) to a file."""

TimeoutArgument = float | httpx.Timeout | None
"""A timeout in seconds for every phase, an ``httpx.Timeout``, or ``None`` to wait
forever (never the default)."""
