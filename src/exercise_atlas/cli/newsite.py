"""``exercise-atlas init``: a new site that builds at once, from the files in ``starter/``.

The starter is a real, small site (a muscles file, a BibTeX file, a vocabulary, one exercise, a
home page and the library), so a newcomer edits working files instead of reading a tutorial.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

SITE_NAME = "SITE_NAME"
_RENAMED = {"gitignore": ".gitignore"}  # a file named .gitignore would not travel in the wheel


def init_site(folder: Path, name: str) -> list[Path]:
    """Write the starter site into ``folder`` (new or empty); the files written, in order."""
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder.as_posix()} is not empty; choose a new folder")
    written: list[Path] = []
    _copy(files("exercise_atlas") / "starter", folder, name, written)
    return written


def _copy(source: Traversable, target: Path, name: str, written: list[Path]) -> None:
    for entry in sorted(source.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        destination = target / _RENAMED.get(entry.name, entry.name)
        if entry.is_dir():
            _copy(entry, destination, name, written)
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(entry.read_text(encoding="utf-8").replace(SITE_NAME, name), encoding="utf-8")
        written.append(destination)
