"""`exercise-atlas init` writes a site that checks clean and builds at once, strictly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import BIN

INIT = [sys.executable, "-m", "exercise_atlas", "init"]


def test_init_writes_a_site_that_builds(tmp_path: Path):
    folder = tmp_path / "calf-atlas"
    made = subprocess.run([*INIT, str(folder), "--name", "Calf Atlas"], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"Wrote 9 files in {folder.as_posix()}. Next:")
    assert (folder / ".gitignore").is_file() and "Calf Atlas" in (folder / "mkdocs.yml").read_text()
    checked = subprocess.run(
        [sys.executable, "-m", "exercise_atlas", "check"], cwd=folder, capture_output=True, text=True
    )
    assert (checked.returncode, checked.stdout) == (0, "OK: 1 exercises, 2 muscles, 1 references, 3 pages checked.\n")
    built = subprocess.run([str(BIN / "mkdocs"), "build", "--strict"], cwd=folder, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    page = (folder / "site/exercises/ball-squeeze/index.html").read_text(encoding="utf-8")
    assert 'id="where-you-use-it">\n<h2>Where you use it</h2>' in page and 'class="exercise-figure ' in page
    assert (folder / "site/assets/exercise-atlas/exercise-atlas.js").is_file()
    assert (folder / "site/data/exercises.json").is_file()


def test_init_refuses_a_folder_with_files(tmp_path: Path):
    (tmp_path / "keep.txt").write_text("mine")
    refused = subprocess.run([*INIT, str(tmp_path)], capture_output=True, text=True)
    assert (refused.returncode, refused.stderr) == (2, f"{tmp_path.as_posix()} is not empty; choose a new folder\n")
