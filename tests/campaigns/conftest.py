"""Fixtures for the campaign tests: the fake CallFire (``fake_callfire.py`` beside this
file, importable as ``fake_callfire``) and clients wired to it."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
