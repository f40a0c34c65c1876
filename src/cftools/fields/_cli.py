"""``cftools fields``: placeholder registration, replaced by the fields implementation."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``fields`` sub-command to ``subparsers``."""
