"""Render macros to HTML elements through Jinja2 templates, and the built-in macros themselves.

Templates live in the package (``templates/``) and a site may override any of them by putting
a file of the same name in its ``templates_dir``. The environment autoescapes and is strict about
undefined names: MkDocs' theme environment does neither, so cards are never rendered there.
Output is parsed into ElementTree elements so MkDocs can rewrite and validate the links in it,
and its text is marked atomic so no Markdown or raw HTML inside contributor text is ever run.
The page being rendered is an argument, never state: one renderer serves every page of a build.
"""

from __future__ import annotations

import posixpath
import traceback
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import cache
from typing import Any, cast

import jinja2
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markdown.util import AtomicString
from markupsafe import Markup, escape

from ..content.model import Exercise, Settings, Site
from ..errors import Problem
from ..figures import figure_html, still_html
from .citations import cite_marker
from .grammar import CITATION_RE, Value, match_keys, parse_macro
from .ladder import ladder
from .links import relative_link
from .macros import Param, bind, exercise_id, macro, muscle_ids, one_of, text
from .musclemap import SHAPE_ID_PREFIX, build_map

_CARD_HEADING = {"page": 1, "full": 2, "compact": 3}
SPRITE_NAME = "muscle-map.svg"  # the muscle map's shared drawing (shared_svg.py)


class TemplateFailedError(Exception):
    """A template (usually a site's override) failed; carries the file and line to fix."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@cache
def environment(templates_dir: str) -> Environment:
    """One compiled environment per override folder, shared by every page of a build."""
    loaders: list[jinja2.BaseLoader] = [FileSystemLoader(templates_dir)] if templates_dir else []
    loaders.append(PackageLoader("exercise_atlas", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["cite"] = cite_filter
    env.globals.update(cite_marker=cite_marker)
    return env


def render_template(env: Environment, name: str, **context: Any) -> str:
    """Render one template; any failure is a problem naming the template file and line."""
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateFailedError(
            Problem(exc.filename or name, exc.lineno, "", f"template error: {exc.message}")
        ) from None
    except Exception as exc:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith((".html", ".xml", ".svg"))]
        where, line = (frames[-1].filename, frames[-1].lineno) if frames else (name, None)
        raise TemplateFailedError(Problem(where, line, "", f"template error: {exc}")) from None


def cite_filter(value: str) -> Markup:
    """Escape contributor text, turning ``[@key]`` into citation markers."""
    parts: list[Markup] = []
    last = 0
    for match in CITATION_RE.finditer(value):
        parts += [escape(value[last : match.start()]), cite_marker(match_keys(match))]
        last = match.end()
    parts.append(escape(value[last:]))
    return Markup("").join(parts)


def to_element(html: str, template: str) -> ET.Element:
    """The one element ``html`` is (a template's whole output)."""
    elements = to_elements(html, template)
    if len(elements) != 1:
        raise TemplateFailedError(
            Problem(template, None, "", f"template produced {len(elements)} elements; expected one")
        )
    return elements[0]


def to_elements(html: str, template: str) -> list[ET.Element]:
    """The elements ``html`` is, in order: a macro may put more than one on the page.

    Text is atomic: Python-Markdown's inline patterns never touch what a template escaped."""
    try:
        wrapper = ET.fromstring(f"<div>{html}</div>")
    except ET.ParseError as exc:
        raise TemplateFailedError(
            Problem(template, None, "", f"template did not produce well-formed HTML: {exc}")
        ) from None
    if (wrapper.text or "").strip() or any((node.tail or "").strip() for node in wrapper):
        raise TemplateFailedError(Problem(template, None, "", "template produced text outside any element"))
    for node in wrapper.iter():
        node.text = AtomicString(node.text) if node.text else node.text
        node.tail = AtomicString(node.tail) if node.tail else node.tail
    elements = list(wrapper)
    for element in elements:
        element.tail = None
    return elements


def sprite_path(settings: Settings) -> str | None:
    """The drawing's file, relative to the docs folder, or None if the site has no assets folder."""
    return f"{settings.assets_dir.strip('/')}/{SPRITE_NAME}" if settings.assets_dir else None


class _ExerciseLinks:
    """``exercises[id].name`` / ``.url`` for templates, computed only for the ids a card names
    (building a table of every exercise for every card made large libraries quadratic)."""

    def __init__(self, renderer: Renderer, page: str | None) -> None:
        self._renderer = renderer
        self._page = page

    def __getitem__(self, exercise_id: str) -> dict[str, str]:
        exercise = self._renderer.site.exercises[exercise_id]
        return {"name": exercise.name, "url": self._renderer.exercise_url(exercise_id, self._page)}


class Renderer:
    """Renders one site's macros; the exercise-card macro is the heart of the project."""

    def __init__(self, site: Site, settings: Settings, link_origin: Callable[[str], str] | None = None) -> None:
        """``link_origin``: where the generator resolves a page's plain relative links from
        (``pagecontext.link_origin``); without it, maps carry their drawing inline."""
        self.site = site
        self.settings = settings
        self.env = environment(settings.templates_dir)
        self.link_origin = link_origin
        self.inline_drawing: str | None = None  # the map's drawing for pages that hold it inline
        self.sprite = sprite_path(settings) if link_origin is not None else None
        # Figures drawn ahead by other processes (build/drawing_ahead.py): the exercise's figure,
        # or None for the page to draw it.
        self.drawn_ahead: Callable[[str], Markup | None] | None = None

    def render_macro(self, inner: str, page: str | None) -> list[ET.Element]:
        """Parse, check and render the text between ``{{`` and ``}}`` on ``page``: its elements."""
        found, args = bind(parse_macro(inner), self.site)
        return to_elements(found.render(self, page, **args), found.name)

    def template(self, name: str, **context: Any) -> str:
        return render_template(self.env, name, **context)

    def exercise_url(self, exercise_id: str, page: str | None) -> str:
        return relative_link(self.settings.exercise_url.format(id=exercise_id), page)

    def card_html(self, exercise_id: str, variant: str, page: str | None) -> str:
        exercise = self.site.exercises[exercise_id]
        worked = exercise.data["muscles"]
        return self.template(
            "card.html",
            muscle_map=Markup("")  # the library lists names and chips; the map is on the exercise's page
            if variant == "compact"
            else self.muscle_map_html(
                page, worked["primary"], worked["secondary"], f"muscles worked by {exercise.name}"
            ),
            image_src=self._image_src(exercise, page),
            figure=self._figure(exercise, variant),
            link=lambda url: url if url.startswith(("http://", "https://")) else relative_link(url, page),
            ex=exercise.data,
            variant=variant,
            heading=_CARD_HEADING[variant],
            url=self.exercise_url(exercise_id, page),
            muscles=self.site.muscles,
            words=self.site.vocabulary,
            exercises=_ExerciseLinks(self, page),
            ladder=ladder(self.site.exercises, exercise_id) if variant != "compact" else [],
        )

    def _figure(self, exercise: Exercise, variant: str) -> Markup:
        if variant != "compact" and self.drawn_ahead is not None:
            drawn = self.drawn_ahead(exercise.id)
            if drawn is not None:
                return drawn
        return (still_html if variant == "compact" else figure_html)(
            self.env,
            cast(dict[str, Any], exercise.data),
            cast(dict[str, dict[str, Any]], self.site.muscles),
            dict(self.site.vocabulary.figure_regions),
        )

    def muscle_map_html(
        self, page: str | None, primary: list[str], secondary: list[str], subject: str, **options: Any
    ) -> Markup:
        """The map with ``primary`` strongly and ``secondary`` lightly highlighted."""
        muscle_map = build_map(self.site.muscles, self.site.vocabulary.map_views, primary, secondary, subject)
        words = self.site.vocabulary
        sprite = ""
        if self.sprite is not None and self.link_origin is not None and page is not None:
            sprite = relative_link(self.sprite, self.link_origin(page))
        html = self.template(
            "muscle_map.html", map=muscle_map, shape_id_prefix=SHAPE_ID_PREFIX, words=words, sprite=sprite, **options
        )
        return Markup(html)

    def _image_src(self, exercise: Exercise, page: str | None) -> str:
        """The card's picture as a link from the page being rendered."""
        if "image" not in exercise.data:
            return ""
        in_docs = posixpath.normpath(posixpath.join(posixpath.dirname(exercise.path), exercise.data["image"]["src"]))
        return relative_link(posixpath.relpath(in_docs, self.settings.pages_dir), page)

    def references_list(self, keys: list[str]) -> ET.Element:
        refs = [self.site.references[k] for k in keys]
        html = self.template("references_list.html", references=refs, title=self.settings.references_title)
        return to_element(html, "references_list.html")


# The built-in macros. Each: its name and parameters, then the function that renders it.


@macro("exercise_card", Param("id", exercise_id), Param("variant", one_of("full", "compact", "page"), "full"))
def exercise_card(r: Renderer, page: str | None, id: str, variant: str) -> str:  # noqa: A002 - the macro's name
    return r.card_html(id, variant, page)


@macro("exercise_library")
def exercise_library(r: Renderer, page: str | None) -> str:
    # Easiest first, then by name: the order the filters keep when no muscle is chosen.
    levels = r.site.vocabulary.ids("levels")
    exercises = sorted(r.site.exercises.values(), key=lambda e: (levels.index(e.data["level"]), e.name.lower()))
    cards = [Markup(r.card_html(e.id, "compact", page)) for e in exercises]
    facets = _facets(r.site, exercises)
    pickable = [value for facet in facets if facet["attr"] == "muscles" for value, _ in facet["options"]]
    picker = r.muscle_map_html(page, [], [], "pick a muscle to filter by", pickable=pickable)
    return r.template("library.html", cards=cards, facets=facets, muscle_picker=picker)


def _facets(site: Site, exercises: list[Exercise]) -> list[dict[str, Any]]:
    """Filter options: only values some exercise has, in the data's own order."""
    words = site.vocabulary
    default_kind = words.ids("kinds")[0]
    used = {
        "kind": {e.data.get("kind", default_kind) for e in exercises},
        "muscles": {m for e in exercises for m in e.data["muscles"]["primary"] + e.data["muscles"]["secondary"]},
        "equipment": {item for e in exercises for item in e.data["equipment"]},
        "level": {e.data["level"] for e in exercises},
        "evidence": {e.data["evidence"]["type"] for e in exercises},
    }
    options = {
        "kind": [term for term in words.kinds if term[0] in used["kind"]],
        "muscles": [(m, site.muscles[m]["name"]) for m in site.muscles if m in used["muscles"]],
        "equipment": [term for term in words.equipment if term[0] in used["equipment"]],
        "level": [term for term in words.levels if term[0] in used["level"]],
        "evidence": [term for term in words.evidence if term[0] in used["evidence"]],
    }
    names = {"kind": "kind", "muscles": "muscle", "equipment": "equipment", "level": "level", "evidence": "evidence"}
    return [{"name": names[a], "attr": a, "options": options[a]} for a in options]


def _group(value: Value, site: Site) -> str:
    return one_of("all", *site.vocabulary.ids("muscle_groups"))(value, site)  # type: ignore[no-any-return]


@macro("muscle_table", Param("group", _group, "all"))
def muscle_table(r: Renderer, page: str | None, group: str) -> str:
    rows = [m for m in r.site.muscles.values() if group == "all" or m["group"] == group]
    return r.template("muscle_table.html", muscles=rows)


@macro(
    "muscle_map",
    Param("muscles", muscle_ids(at_least_one=True)),
    Param("helpers", muscle_ids(at_least_one=False), ""),
    Param("caption", text, ""),
)
def muscle_map(r: Renderer, page: str | None, muscles: list[str], helpers: list[str], caption: str) -> str:
    subject = ", ".join(r.site.muscles[m]["name"] for m in muscles + helpers)
    return str(r.muscle_map_html(page, muscles, helpers, subject, caption=caption, aside=True))


@macro("bibliography")
def bibliography(r: Renderer, page: str | None) -> str:
    refs = sorted(r.site.references.values(), key=lambda ref: ref.sort_key)
    return r.template("bibliography.html", references=refs)


@macro("glossary")
def glossary(r: Renderer, page: str | None) -> str:
    return r.template("glossary.html", terms=r.site.glossary)


# Macros of their own modules: importing one registers it, after the built-in ones, in the order
# the "known:" list of an unknown macro's message gives them (so kept out of import sorting).
# isort: off
from . import showcase as _showcase  # noqa: E402, F401 - registers {{ exercise_figures(...) }}
from ..charts import chart_macro as _charts  # noqa: E402, F401 - registers {{ chart(...) }}
from ..stride import stride_macro as _stride  # noqa: E402, F401 - registers {{ stride() }}
# isort: on
