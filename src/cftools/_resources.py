"""Locate the language definitions of ``grammars/``.

The repository keeps them at its top level; the wheel ships them inside the package as
``cftools/grammars``. This module finds them in either place, so source checkouts,
editable installs and wheels behave the same.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["grammar_path", "read_grammar"]

_PACKAGE_DIR = Path(__file__).resolve().parent
_CANDIDATES = (
    _PACKAGE_DIR / "grammars",  # installed wheel
    _PACKAGE_DIR.parent.parent / "grammars",  # source checkout (src layout)
)


def grammar_path(name: str) -> Path:
    """Return the path of the grammar file ``name`` (e.g. ``"fields.lark"``).

    Raises ``FileNotFoundError`` naming every place searched when it is missing, which
    only happens with a broken installation.
    """
    for directory in _CANDIDATES:
        candidate = directory / name
        if candidate.is_file():
            return candidate
    searched = ", ".join(str(d) for d in _CANDIDATES)
    raise FileNotFoundError(f"grammar {name!r} not found (searched {searched})")


@cache
def read_grammar(name: str) -> str:
    """Return the text of the grammar file ``name``, read once per process."""
    return grammar_path(name).read_text(encoding="utf-8")
