"""The package as it would be published: wheel and sdist, their metadata and contents, and the
dependency ranges tried at both ends (the lowest and the newest versions they allow).

Building needs setuptools from PyPI and the ends need their versions; without access to PyPI
these tests skip, except in CI.
"""

from __future__ import annotations

import email
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from conftest import need_pypi as _need_pypi

import exercise_atlas

FAST_TESTS = ["tests/test_render.py", "tests/test_golden.py", "tests/test_grammar.py", "tests/test_macros.py"]


def _wheel(dist: Path) -> Path:
    return next(dist.glob("exercise_atlas-*.whl"))


def test_twine_check_passes(dist: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, dist.iterdir())], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_wheel_carries_what_a_site_needs(dist: Path) -> None:
    names = set(zipfile.ZipFile(_wheel(dist)).namelist())
    version = exercise_atlas.__version__
    for name in (
        "exercise_atlas/py.typed",
        "exercise_atlas/templates/card.html",
        "exercise_atlas/templates/figure.html",
        "exercise_atlas/assets/exercise-atlas.css",
        "exercise_atlas/assets/exercise-atlas.js",
        f"exercise_atlas-{version}.dist-info/licenses/LICENSE",
    ):
        assert name in names, name
    assert not [n for n in names if n.startswith(("tests/", "docs/", "data/"))]


def test_metadata_is_fit_to_publish(dist: Path) -> None:
    with zipfile.ZipFile(_wheel(dist)) as wheel:
        info = next(n for n in wheel.namelist() if n.endswith("dist-info/METADATA"))
        metadata = email.message_from_bytes(wheel.read(info))
    assert metadata["Version"] == exercise_atlas.__version__  # one place: exercise_atlas.__version__
    assert metadata["License-Expression"] == "MIT"
    assert "Typing :: Typed" in metadata.get_all("Classifier", [])
    assert any(url.startswith("Source, https://") for url in metadata.get_all("Project-URL", []))
    requirements = metadata.get_all("Requires-Dist")
    assert requirements and all(re.search(r">=[\d.]+", r) and re.search(r"<\d", r) for r in requirements), requirements
    description = metadata.get_payload()
    assert isinstance(description, str)
    assert description.startswith("# exercise-atlas") and len(description) < 8000  # its own README
    with tarfile.open(next(dist.glob("exercise_atlas-*.tar.gz"))) as sdist:
        assert any(n.endswith("/LICENSE") for n in sdist.getnames())


def _lowest(requirement: str) -> str:
    name = re.match(r"[\w.-]+", requirement).group(0)  # type: ignore[union-attr]
    lowest = re.search(r">=([\d.]+)", requirement).group(1)  # type: ignore[union-attr]
    return f"{name}=={lowest}"


@pytest.mark.parametrize("end", ["lowest", "newest"])
def test_dependency_ranges_work_at_both_ends(dist: Path, tmp_path: Path, end: str) -> None:
    """Unit tests against the installed wheel with the lowest, then the newest, allowed versions."""
    with zipfile.ZipFile(_wheel(dist)) as wheel:
        info = next(n for n in wheel.namelist() if n.endswith("dist-info/METADATA"))
        requirements = email.message_from_bytes(wheel.read(info)).get_all("Requires-Dist", [])
    pins = [_lowest(r) for r in requirements] if end == "lowest" else requirements
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin/python")
    tools = ["pytest==9.2.0", "hypothesis==6.170.17"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the installed wheel, never src/
    installed = subprocess.run(
        [python, "-m", "pip", "install", "--quiet", str(_wheel(dist)), *pins, *tools],
        capture_output=True,
        text=True,
        env=env,
    )
    _need_pypi(installed, f"installing the {end} versions")
    result = subprocess.run(
        [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *FAST_TESTS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    where = subprocess.run(
        [python, "-c", "import exercise_atlas; print(exercise_atlas.__file__)"], capture_output=True, text=True, env=env
    )
    assert "site-packages" in where.stdout
