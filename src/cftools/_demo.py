"""``cftools demo``: placeholder, filled in once all three parts exist."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``demo`` sub-command to ``subparsers``."""
