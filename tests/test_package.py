"""The package surface: version, error root, lazy subpackages, grammar lookup, CLI frame."""

from __future__ import annotations

import subprocess
import sys

import pytest

import cftools
from cftools import _resources
from cftools._cli import main


def test_version_is_a_release_string() -> None:
    parts = cftools.__version__.split(".")
    assert len(parts) == 3
    assert all(p.isdigit() for p in parts)


def test_all_matches_dir() -> None:
    assert sorted(dir(cftools)) == sorted(cftools.__all__)
    for name in cftools.__all__:
        assert getattr(cftools, name) is not None


def test_error_root_is_an_exception_named_in_the_package() -> None:
    assert issubclass(cftools.CftoolsError, Exception)
    assert repr(cftools.CftoolsError).startswith("<class 'cftools.CftoolsError'")


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        cftools.nope  # noqa: B018


def test_subpackages_load_lazily() -> None:
    code = "import sys, cftools; assert 'cftools.client' not in sys.modules; cftools.client"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_missing_grammar_names_every_place_searched() -> None:
    with pytest.raises(FileNotFoundError, match="searched"):
        _resources.grammar_path("no-such-grammar.lark")


def test_cli_without_command_prints_help_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: cftools" in capsys.readouterr().err


def test_cli_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert cftools.__version__ in capsys.readouterr().out
