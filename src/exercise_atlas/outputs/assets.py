"""The package's own CSS and JavaScript, copied into a site's docs folder by the extension itself.

Cards, maps, ladders and figures need their styles, and the library its filter script; they ship
inside the package and belong to the installed version. The extension writes them into the
site's ``assets_dir`` whenever a copy is missing or differs, so a site cannot run with a stale
copy, and checks that ``mkdocs.yml`` lists them, so a site cannot forget them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path, PurePosixPath

from ..content.model import Settings
from ..errors import Problem

# Which list of mkdocs.yml loads each kind of asset.
_LISTS = {".css": "extra_css", ".js": "extra_javascript"}


@cache
def packaged() -> dict[str, str]:
    """The package's assets by file name (read once: the extension is configured for every page)."""
    folder = files("exercise_atlas") / "assets"
    return {
        entry.name: entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if Path(entry.name).suffix in _LISTS
    }


def write_if_changed(path: Path, content: str) -> None:
    """Write a generated file into the docs folder only if it is missing or differs: an equal
    file is left untouched, so a live preview that watches the folder does not rebuild for nothing."""
    try:
        if path.read_text(encoding="utf-8") == content:
            return
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")


def refresh_assets(settings: Settings) -> None:
    """Write each asset whose copy is missing or differs."""
    if not settings.assets_dir:
        return
    folder = Path(settings.pages_dir) / settings.assets_dir
    for name, content in packaged().items():
        write_if_changed(folder / name, content)


def listing_problems(settings: Settings, extra_css: Sequence[str], extra_javascript: Sequence[str]) -> list[Problem]:
    """The site must load the assets: a card without its styles is a wall of unstyled text."""
    if not settings.assets_dir:
        return []
    folder = PurePosixPath(settings.assets_dir)
    listed = {"extra_css": extra_css, "extra_javascript": extra_javascript}
    problems = []
    for name in packaged():
        key, wanted = _LISTS[Path(name).suffix], str(folder / name)
        if wanted not in listed[key]:
            problems.append(Problem("mkdocs.yml", None, key, f"add '{wanted}' so cards, maps and the library work"))
    return problems
