"""What every ``cftools dialplan`` sub-command shares: reading a file or standard input,
writing a file whole or not at all, and the form of help and errors.

Below both :mod:`cftools.dialplan._cli` and the modules that add sub-commands to it (such
as :mod:`cftools.dialplan._simulate_cli`), so neither imports the other.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["FILE_HELP", "cannot_read", "examples", "read_source", "write_output"]

#: The help of a FILE argument, the same for every sub-command.
FILE_HELP = "dialplan XML file; '-' reads standard input"


def examples(*lines: str) -> dict[str, Any]:
    """The keyword arguments of ``add_parser`` for a help that ends with examples (the
    description and the examples keep their line breaks)."""
    shown = "\n".join(f"  {line}" for line in lines)
    return {
        "formatter_class": argparse.RawDescriptionHelpFormatter,
        "epilog": f"examples:\n{shown}",
    }


def read_source(path: str) -> bytes:
    """Read a dialplan file (``-`` for standard input) as bytes; raises ``OSError``."""
    if path == "-":
        return sys.stdin.buffer.read()
    return Path(path).read_bytes()


def write_output(path: str, text: str) -> int:
    """Write ``text`` to the file ``path`` whole or not at all; return the exit status:
    0, or 2 after saying on stderr why ``path`` cannot be written.

    An existing file is replaced by renaming a finished copy over it (keeping its
    permissions; through a symbolic link, the file it points to), so a failure never
    leaves it half written; a new file is removed again if writing it fails."""
    target = Path(os.path.realpath(path))
    partial: str | None = None
    try:
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if target.exists():
            if not os.access(target, os.W_OK):  # renaming over it would work regardless
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
            mode = target.stat().st_mode & 0o7777
            handle, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
            os.chmod(partial, mode)
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                out.write(text)
            os.replace(partial, target)
        else:
            with open(target, "x", encoding="utf-8", newline="") as out:
                partial = str(target)  # ours to remove if the writing fails
                out.write(text)
        partial = None
    except OSError as exc:
        if partial is not None:
            with contextlib.suppress(OSError):
                os.unlink(partial)
        print(f"cftools dialplan: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0


def cannot_read(path: str, exc: OSError) -> int:
    """Say on stderr that ``path`` cannot be read; return exit status 2."""
    print(f"cftools dialplan: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
    return 2
