"""One build's state, shared by every page: the site's data, the problems found so far, and the
rules that need the whole site (a reference nobody cites, a published address with no page),
judged from the sources before any page renders so that every generator applies them.

The build and ``exercise-atlas check`` open a build the same way; the check only collects instead
of raising, so both report the same lines.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..content.loader import LoadedData, load_site
from ..content.model import Settings, Site
from ..content.page_text import Anchor, anchor_problems, link_problem, page_text_problems
from ..content.pages import Page, page_problems, page_url, read_page
from ..content.sources import cited_in_pages, has_body, page_files
from ..content.yamlsource import Located
from ..errors import Problem
from ..markup.map_drawing import refresh_sprite
from ..markup.renderer import Renderer, sprite_path
from ..outputs.assets import listing_problems, packaged, refresh_assets, write_if_changed
from ..outputs.export import refresh_export
from .drawing_ahead import DrawingAhead, worker_count
from .generators import GeneratorFacts
from .preview import serving

# An element's id in rendered HTML: where a link's #anchor can land.
_ID_RE = re.compile(r"""\bid=["']([^"']+)["']""")


@dataclass
class Build:
    """One build of the site: its data, what it renders, and every problem found so far.

    Made by ``open_build`` and handed to whatever needs it: the extension on each page (through
    ``OpenBuilds`` under a generator, which makes a new Markdown instance for every page) and the
    check, which makes one itself.
    """

    settings: Settings
    data: LoadedData  # the site's data, and the fingerprint of the files it came from
    renderer: Renderer
    pages: dict[str, str] | None  # every page and its file, or None outside a site
    raises: bool = True  # fail the build (a generator) or only collect (the check)
    config_problems: list[Problem] = field(default_factory=list)
    site_problems: list[Problem] = field(default_factory=list)  # rules of the whole site, from its sources
    page_problems: list[Problem] = field(default_factory=list)  # of pages Python-Markdown never sees
    rendered_problems: list[list[Problem]] = field(default_factory=list)  # a list per page, in order
    _last_page: Page | None = None
    rendered: set[str] = field(default_factory=set)
    expected: set[str] = field(default_factory=set)  # the pages with a body, which Python-Markdown renders
    published: set[str] | None = None
    parsed: dict[str, Located] = field(default_factory=dict)  # exercise files' front matter, by path
    drafts: bool = False  # the live preview: a draft's placeholders are shown, not refused (preview.py)
    drafts_named: bool = False  # the preview's warning about them is printed once a build
    anchors: list[Anchor] = field(default_factory=list)  # links to a part of a page, judged at the end
    ids: dict[str, set[str]] = field(default_factory=dict)  # the ids on each rendered page
    ahead: DrawingAhead | None = None  # figures drawn by other processes while pages render

    def close(self) -> None:
        """Stop what the build still has running (the figures' workers): it failed or is replaced."""
        if self.ahead is not None:
            self.ahead.close()

    @property
    def site(self) -> Site:
        return self.data.site

    def all_problems(self) -> list[Problem]:
        rendered = [problem for problems in self.rendered_problems for problem in problems]
        anchors = anchor_problems(self.anchors, self.ids) if self.expected <= self.rendered else []
        return self.config_problems + self.site.problems + self.site_problems + self.page_problems + rendered + anchors

    def finish_page(self, page: Page, html: str = "") -> list[Problem]:
        """Record a rendered page; the problems to fail with now, if this build fails now.

        Inside a site it fails once, after the last page, with every problem of the site (as the
        check prints them); outside one (plain Python-Markdown) at the end of each page. Called
        again for the same page (the table of contents runs the postprocessors on each heading),
        it counts the page once."""
        if page is self._last_page:
            self.rendered_problems[-1] = list(page.problems)
        else:
            self.rendered_problems.append(list(page.problems))
            self._last_page = page
        if page.src_uri:
            self.rendered.add(page.src_uri)
            self.ids[page.src_uri] = set(_ID_RE.findall(html))
        if not self.raises:
            return []
        if self.pages is None:
            return self.config_problems + self.site.problems + page.problems
        return self.all_problems() if self.expected <= self.rendered else []

    def read_page(self, uri: str, path: str) -> Page:
        """A page's file, with the page rules applied."""
        shown = relative_to_cwd(path)
        page = read_page(Path(path), shown, uri, self.parsed.get(shown))
        exercise_page = Path(path).resolve().parent == Path(self.settings.exercises_dir).resolve()
        page.problems += page_problems(page, self.settings, exercise_page, self.published)
        if self.pages is not None and page.text:
            args = (page.shown, page.text, page.body_line, uri, set(self.pages), self.settings.pages_dir)
            problems, anchors = page_text_problems(*args)
            page.problems += problems
            self.anchors += anchors
        return page


def open_build(
    settings: Settings,
    facts: GeneratorFacts,
    in_site: bool,
    raises: bool = True,
    previous: LoadedData | None = None,
) -> Build:
    """The one way a build starts, for a generator and for the check alike.

    Loads (or reuses) the data, checks the options against the generator's own settings, writes
    the files the build publishes but nobody authors (the package's assets, the export, the
    map's drawing), and, ``in_site``, judges the rules of the whole site from its sources before
    any page renders. ``previous``: the last build's data, reused if no data file changed."""
    config_problems = []
    if facts.docs_dir is not None:
        if settings.docs_dir and Path(settings.docs_dir).resolve() != Path(facts.docs_dir).resolve():
            message = f"'{settings.docs_dir}' is not the site's docs_dir '{facts.docs_dir}'; remove the option"
            config_problems.append(Problem("mkdocs.yml", None, "exercise_atlas.docs_dir", message))
        settings = replace(settings, docs_dir=facts.docs_dir)
    data = load_site(settings, previous)
    site = data.site
    renderer = Renderer(site, settings, facts.link_origin)
    ahead = None
    if in_site:  # a site's build or check renders every page; a lone conversion, one
        figures = sum("figure" in exercise.data for exercise in site.exercises.values())
        workers = worker_count(settings.figure_processes, figures)
        ahead = DrawingAhead(site, settings.templates_dir, workers) if workers else None
        renderer.drawn_ahead = ahead.take if ahead is not None else None
        written = write_generated_files(site, settings, renderer, facts.site_dir)
        config_problems += written if raises else []  # the check publishes nothing
    if facts.lists is not None:
        config_problems += listing_problems(settings, *facts.lists)
    pages = page_files(settings.pages_dir) if in_site else None
    build = Build(settings, data, renderer, pages, raises, config_problems, drafts=raises and in_site and serving())
    build.ahead = ahead
    build.parsed = {exercise.path: exercise.located for exercise in site.exercises.values()}
    build.published = _published(settings)
    if pages is not None:
        build.page_problems += _exercise_link_problems(build, set(pages))
        for uri, path in pages.items():
            if has_body(path):
                build.expected.add(uri)
            else:  # never handed to Python-Markdown: its page rules are applied here, once
                build.page_problems += build.read_page(uri, path).problems
        if not site.problems:
            build.site_problems = site_problems(site, settings, cited_in_pages(pages), set(pages), build.published)
    return build


def write_generated_files(
    site: Site, settings: Settings, renderer: Renderer, site_dir: str | None = None
) -> list[Problem]:
    """Write the generated files that are missing or differ.

    A generator publishes only the files it found when it started. One that was missing then (a
    fresh clone built without `make build`, which writes them first) is also written straight into
    ``site_dir`` where the generator names it; where it does not, it is reported: the next build
    publishes it."""
    missing = [path for path in generated_paths(settings) if not path.exists()]
    refresh_assets(settings)
    if not site.problems:
        refresh_export(site, settings)
        refresh_sprite(renderer)
    problems = []
    for path in (path for path in missing if path.exists()):
        if site_dir is not None:
            write_if_changed(Path(site_dir) / path.relative_to(settings.pages_dir), path.read_text(encoding="utf-8"))
        else:
            message = "was missing, so this build cannot publish it; it is written now: build again"
            problems.append(Problem(relative_to_cwd(str(path)), None, "", message))
    return problems


def generated_paths(settings: Settings) -> list[Path]:
    """The files ``write_generated_files`` writes for this site."""
    paths = (
        [Path(settings.pages_dir) / settings.assets_dir / name for name in packaged()] if settings.assets_dir else []
    )
    if settings.export_file:
        paths.append(Path(settings.export_file))
    sprite = sprite_path(settings)
    if sprite is not None:
        paths.append(Path(settings.pages_dir) / sprite)
    return paths


class OpenBuilds:
    """The build each site has open in this process, for the extension made anew on every page.

    A generator renders every page of a build once, so a page rendered again begins the next
    build (`serve` after an edit). Outside a site (no page) every conversion is a build of its own.
    A new build is handed the last one's data, which it reuses if no data file changed: this is
    the only state the package keeps between builds.
    """

    def __init__(self) -> None:
        self._open: dict[tuple[str, Settings, GeneratorFacts, bool], Build] = {}

    def for_page(self, settings: Settings, facts: GeneratorFacts, uri: str | None) -> Build:
        key = (os.getcwd(), settings, facts, uri is not None)
        build = self._open.get(key)
        if build is None or uri is None or uri in build.rendered:
            previous = build.data if build is not None else None
            if build is not None:
                build.close()
            build = self._open[key] = open_build(settings, facts, in_site=uri is not None, previous=previous)
        return build


def _exercise_link_problems(build: Build, pages: set[str]) -> list[Problem]:
    """An exercise's ``links:`` name site pages relative to the docs folder; each must exist."""
    problems = []
    for exercise in build.site.exercises.values():
        for index, link in enumerate(exercise.data.get("links") or []):
            line = exercise.located.line_of(("links", index, "url"))
            docs = build.settings.pages_dir
            found = link_problem(link["url"], "", pages, docs, exercise.path, line, f"links.{index}.url")
            problems += found[0]
            build.anchors += found[1]
    return problems


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
    """Rules that need the whole site."""
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
