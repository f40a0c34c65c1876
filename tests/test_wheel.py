"""The wheel is complete: built from this checkout, installed into a fresh virtualenv,
it parses an expression with the grammar it carries (``cftools/grammars/fields.lark``),
not with the one of the source tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import lark
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # No isolation: hatchling comes from the test environment, so no network is needed.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("cftools-*.whl")
    return built


@pytest.mark.slow
def test_wheel_contains_the_grammar_and_the_type_marker(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "cftools/grammars/fields.lark" in names
    assert "cftools/py.typed" in names
    assert "cftools/fields/__init__.py" in names
    assert "cftools/dialplan/_js_worker.py" in names  # run by path, not imported
    grammar = zipfile.ZipFile(wheel).read("cftools/grammars/fields.lark").decode()
    assert grammar == (ROOT / "grammars" / "fields.lark").read_text(encoding="utf-8")


@pytest.mark.slow
def test_installed_wheel_parses_with_its_own_grammar(wheel: Path, tmp_path: Path) -> None:
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=False).create(env)
    python = env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    # The only third-party module cftools.fields needs is lark: expose just that one
    # (offline), so nothing else from the test environment, the source tree included,
    # can be imported by mistake.
    deps = tmp_path / "deps"
    deps.mkdir()
    (deps / "lark").symlink_to(Path(lark.__file__).parent, target_is_directory=True)
    code = (
        "import json, cftools, cftools.fields as f\n"
        "from cftools import _resources\n"
        "s = f.parse('totalCount, items(id,contact/homePhone)')\n"
        "try:\n"
        "    f.parse('items(id')\n"
        "except f.FieldsSyntaxError as e:\n"
        "    position = e.position\n"
        "print(json.dumps({'module': cftools.__file__, 'canonical': str(s),\n"
        "    'grammar': str(_resources.grammar_path('fields.lark')), 'position': position,\n"
        "    'projected': f.project({'items': [{'id': 1, 'x': 2}], 'totalCount': 1}, s)}))\n"
    )
    result = subprocess.run(
        [str(python), "-c", code],
        check=True,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(deps), "PATH": os.environ.get("PATH", "")},
        cwd=tmp_path,
    )
    report = json.loads(result.stdout)
    site = env.resolve()
    assert Path(report["module"]).resolve().is_relative_to(site)
    assert Path(report["grammar"]).resolve().is_relative_to(site)
    assert Path(report["grammar"]).parts[-3:] == ("cftools", "grammars", "fields.lark")
    assert report["canonical"] == "items(contact/homePhone,id),totalCount"
    assert report["position"] == 5
    assert report["projected"] == {"items": [{"id": 1}], "totalCount": 1}
