"""Shared fixtures: a tiny, valid site that each test copies and then breaks on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest

from exercise_atlas.check import check
from exercise_atlas.model import Settings

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def mini(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the mini site, as the working directory."""
    root = tmp_path / "mini"
    shutil.copytree(FIXTURE, root)
    monkeypatch.chdir(root)
    return root


def render(source: str, **config: str) -> str:
    return markdown.markdown(source, extensions=["exercise_atlas"], extension_configs={"exercise_atlas": config})


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems() -> list[str]:
    """Every problem the standalone check reports for the site in the working directory."""
    return [str(p) for p in check(Settings())[1]]
