"""``exercise-atlas init``: a new site that builds at once, from the files in ``starter/``.

The starter is a real, small site (a muscles file, a BibTeX file, a vocabulary, one exercise, a
home page and the library), so a newcomer edits working files instead of reading a tutorial.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

SITE_NAME = "SITE_NAME"
SITE_URL_LINE = "SITE_URL_LINE"
_NO_URL = "# site_url: https://example.org/my-site/   # where the site will live: links, sitemap, schema ids"
_RENAMED = {"gitignore": ".gitignore"}  # a file named .gitignore would not travel in the wheel


def init_site(folder: Path, name: str, url: str | None = None) -> list[Path]:
    """Write the starter site into ``folder`` (new or empty); the files written, in order.

    Every word and address in it is the author's: ``name`` everywhere the site names itself, and
    ``url`` (where the site will live) as its ``site_url``, or a commented line to fill in."""
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder.as_posix()} is not empty; choose a new folder")
    if url is not None and not url.startswith(("https://", "http://")):
        raise ValueError(
            f"--url: expected the address the site will live at, like https://example.org/my-site/; got '{url}'"
        )
    words = {SITE_NAME: name, SITE_URL_LINE: f"site_url: {url.rstrip('/')}/" if url else _NO_URL}
    written: list[Path] = []
    _copy(files("exercise_atlas") / "starter", folder, words, written)
    return written


def _copy(source: Traversable, target: Path, words: dict[str, str], written: list[Path]) -> None:
    for entry in sorted(source.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        destination = target / _RENAMED.get(entry.name, entry.name)
        if entry.is_dir():
            _copy(entry, destination, words, written)
            continue
        text = entry.read_text(encoding="utf-8")
        for marker, value in words.items():
            text = text.replace(marker, value)
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(text, encoding="utf-8")
        written.append(destination)
