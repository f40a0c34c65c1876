"""``cftools dialplan``: registration (sub-commands land with the CLI commit)."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``dialplan`` sub-command to ``subparsers``."""
