"""The new-exercise scaffold writes a file whose only problems are the placeholders to fill in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, build_with, problems

from exercise_atlas.content.pages import PLACEHOLDER

NEW = [sys.executable, "-m", "exercise_atlas", "new"]


def test_scaffold_builds_once_its_placeholders_are_filled_in(mini: Path, tmp_path: Path) -> None:
    result = subprocess.run([*NEW, "side-plank", 'Side "plank"'], cwd=mini, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote docs/exercises/side-plank.md.")
    path = mini / "docs/exercises/side-plank.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    expected = [n for n, line in enumerate(lines, start=1) if PLACEHOLDER in line]
    assert len(expected) >= 8
    message = "PLACEHOLDER left from the scaffold: replace it with real text"
    assert problems() == [f"docs/exercises/side-plank.md:{n}: {message}" for n in expected]
    path.write_text(path.read_text(encoding="utf-8").replace(PLACEHOLDER, "Done"), encoding="utf-8")
    assert problems() == []
    built = build_with("mkdocs", mini, tmp_path / "out")
    assert built.returncode == 0, built.stderr
    html = (tmp_path / "out/exercises/side-plank/index.html").read_text(encoding="utf-8")
    assert 'data-exercise="side-plank"' in html and 'Side "plank"</h1>' in html


def test_every_field_is_explained(mini: Path) -> None:
    subprocess.run([*NEW, "side-plank", "Side plank"], cwd=mini, check=True, capture_output=True)
    text = (mini / "docs/exercises/side-plank.md").read_text(encoding="utf-8")
    assert "# Unique id; must equal the file name without .md." in text
    assert "# Why it matters in the running stride." in text


def test_scaffold_refuses_to_overwrite_or_take_a_bad_id(mini: Path) -> None:
    taken = subprocess.run([*NEW, "ball-squeeze", "x"], cwd=mini, capture_output=True, text=True)
    assert (taken.returncode, taken.stderr) == (
        2,
        "docs/exercises/ball-squeeze.md already exists; choose another id or edit that file\n",
    )
    bad = subprocess.run([*NEW, "Side Plank", "x"], cwd=mini, capture_output=True, text=True)
    assert bad.returncode == 2
    assert bad.stderr == "id: expected lower-case words joined by hyphens, like 'copenhagen-plank', got 'Side Plank'\n"


def test_no_unfinished_scaffold_on_the_site() -> None:
    for path in (ROOT / "docs").rglob("*.md"):
        assert PLACEHOLDER not in path.read_text(encoding="utf-8"), f"{path}: replace every {PLACEHOLDER}"
