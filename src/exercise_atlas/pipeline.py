"""One build's state, shared by every page: the site's data, the problems found so far, and the
rules that need the whole site (a reference nobody cites, a published address with no page).

The build and ``exercise-atlas check`` run the same pipeline; the check only collects instead of
raising, so both report the same lines.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .assets import listing_problems, refresh_assets
from .errors import Problem
from .export import refresh_export
from .loader import load_site
from .model import Settings, Site
from .pages import page_url
from .render import Renderer, sprite_path
from .shared_svg import refresh_sprite
from .yamlsource import Located


@dataclass
class Build:
    token: object | None
    settings: Settings
    site: Site
    renderer: Renderer
    config_problems: list[Problem] = field(default_factory=list)
    page_problems: list[Problem] = field(default_factory=list)
    cited: set[str] = field(default_factory=set)
    rendered: set[str] = field(default_factory=set)
    pages: set[str] = field(default_factory=set)  # every page of this build, where the generator says
    expected: set[str] | None = None  # the pages with a body, which Python-Markdown will render
    published: set[str] | None = None
    parsed: dict[str, Located] = field(default_factory=dict)  # exercise files' front matter, by path

    def all_problems(self) -> list[Problem]:
        problems = self.config_problems + self.site.problems + self.page_problems
        if not self.site.problems:
            problems += site_problems(self.site, self.settings, self.cited, self.pages, self.published)
        return problems


def start_build(
    settings: Settings,
    token: object | None,
    generator_docs_dir: str | None,
    lists: tuple[list[str], list[str]] | None,
    link_origin: Callable[[str], str] | None = None,
) -> Build:
    """Load (or reuse) the data and check the options against the generator's own settings."""
    config_problems = []
    if generator_docs_dir is not None:
        if settings.docs_dir and Path(settings.docs_dir).resolve() != Path(generator_docs_dir).resolve():
            message = f"'{settings.docs_dir}' is not the site's docs_dir '{generator_docs_dir}'; remove the option"
            config_problems.append(Problem("mkdocs.yml", None, "exercise_atlas.docs_dir", message))
        settings = replace(settings, docs_dir=generator_docs_dir)
    site = load_site(settings, token)
    refresh_assets(settings)
    if lists is not None:
        config_problems += listing_problems(settings, *lists)
    if not site.problems:
        refresh_export(site, settings)
    renderer = Renderer(site, settings, link_origin)
    if not site.problems:
        refresh_sprite(renderer)
    build = Build(token, settings, site, renderer, config_problems)
    build.parsed = {exercise.path: exercise.located for exercise in site.exercises.values()}
    build.published = _published(settings)
    return build


def create_missing_files(settings: Settings) -> None:
    """On a fresh clone: write the export and the muscle map's drawing before the generator lists
    the files it will publish (a file it does not know about when it starts is not published)."""
    sprite = sprite_path(settings)
    missing_export = settings.export_file and not Path(settings.export_file).exists()
    missing_sprite = sprite and Path(settings.pages_dir).is_dir() and not (Path(settings.pages_dir) / sprite).exists()
    if missing_export or missing_sprite:
        site = load_site(settings)
        if not site.problems:
            refresh_export(site, settings)
            refresh_sprite(Renderer(site, settings))


def _published(settings: Settings) -> set[str] | None:
    if not settings.published_urls_file:
        return None
    path = Path(settings.published_urls_file)
    if not path.is_file():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def relative_to_cwd(path: str) -> str:
    """``path`` as a contributor types it: relative to the working directory where it can be."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()


def site_problems(
    site: Site, settings: Settings, cited_on_pages: set[str], pages: set[str], published: set[str] | None
) -> list[Problem]:
    """Rules that can only be judged once every page has been rendered."""
    return _uncited(site, settings, cited_on_pages) + _unpublished(settings, pages, published)


def _uncited(site: Site, settings: Settings, cited_on_pages: set[str]) -> list[Problem]:
    """Every reference must be used: the bibliography is the site's sources, not a reading list."""
    cited = set(cited_on_pages)
    for exercise in site.exercises.values():
        cited.update(exercise.data["references"])
    for muscle in site.muscles.values():
        cited.update(muscle.get("references", []))
    message = "not cited anywhere on the site; cite it with [@key] or remove it"
    return [
        Problem(settings.references_file, ref.line, key, message)
        for key, ref in site.references.items()
        if key not in cited
    ]


def _unpublished(settings: Settings, pages: set[str], published: set[str] | None) -> list[Problem]:
    """A published address must keep working: a page that moved leaves a redirect behind."""
    if published is None or not pages:
        return []
    served = {page_url(uri) for uri in pages}
    path = Path(settings.published_urls_file)
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    message = "this address was published but no page has it now; leave a redirect page (see CONTRIBUTING.md)"
    return [
        Problem(settings.published_urls_file, number, "", f"{line.strip()}: {message}")
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.startswith("#") and line.strip() not in served
    ]
