"""Shared test configuration: Hypothesis profiles, and the sandbox's pytest plugin.

``HYPOTHESIS_PROFILE=thorough`` runs many more examples (for local soak runs); the
default keeps the whole suite within CI's budget on a 2-core machine.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

import cftools._sandbox_pytest

settings.register_profile(
    "default",
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_configure(config: pytest.Config) -> None:
    # An installed cftools registers the plugin through its pytest11 entry point; a
    # checkout run with PYTHONPATH=src (or an older install) registers it here.
    if not config.pluginmanager.has_plugin("cftools_sandbox"):
        config.pluginmanager.register(cftools._sandbox_pytest, "cftools_sandbox")
