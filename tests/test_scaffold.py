"""The new-exercise scaffold writes a file that passes the check and builds at once."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, build_with, problems

from exercise_atlas.scaffold import PLACEHOLDER

NEW = [sys.executable, "-m", "exercise_atlas", "new"]


def test_scaffold_builds_immediately(mini, tmp_path):
    result = subprocess.run([*NEW, "side-plank", 'Side "plank"'], cwd=mini, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote docs/exercises/side-plank.md.")
    assert problems() == []
    built = build_with("mkdocs", mini, tmp_path / "out")
    assert built.returncode == 0, built.stderr
    html = (tmp_path / "out/exercises/side-plank/index.html").read_text(encoding="utf-8")
    assert 'data-exercise="side-plank"' in html and 'Side "plank"</h1>' in html


def test_every_field_is_explained(mini):
    subprocess.run([*NEW, "side-plank", "Side plank"], cwd=mini, check=True, capture_output=True)
    text = (mini / "docs/exercises/side-plank.md").read_text(encoding="utf-8")
    assert "# Unique id; must equal the file name without .md." in text
    assert "# Why it matters in the running stride." in text


def test_scaffold_refuses_to_overwrite_or_take_a_bad_id(mini):
    taken = subprocess.run([*NEW, "ball-squeeze", "x"], cwd=mini, capture_output=True, text=True)
    assert (taken.returncode, taken.stderr) == (
        2,
        "docs/exercises/ball-squeeze.md already exists; choose another id or edit that file\n",
    )
    bad = subprocess.run([*NEW, "Side Plank", "x"], cwd=mini, capture_output=True, text=True)
    assert bad.returncode == 2
    assert bad.stderr == "id: expected lower-case words joined by hyphens, like 'copenhagen-plank', got 'Side Plank'\n"


def test_no_unfinished_scaffold_on_the_site():
    for path in (ROOT / "docs").rglob("*.md"):
        assert PLACEHOLDER not in path.read_text(encoding="utf-8"), f"{path}: replace every {PLACEHOLDER}"
