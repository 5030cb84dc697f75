"""Render macros to HTML elements through Jinja2 templates.

Templates live in the package (``templates/``) and a site may override any of them by putting
a file of the same name in its ``templates_dir``. The environment autoescapes and is strict about
undefined names: MkDocs' theme environment does neither, so cards are never rendered there.
Output is parsed into ElementTree elements so MkDocs can rewrite and validate the links in it,
and its text is marked atomic so no Markdown or raw HTML inside contributor text is ever run.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from functools import cache
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markdown.util import AtomicString
from markupsafe import Markup, escape

from .errors import did_you_mean
from .grammar import CITATION_RE, match_keys, parse_macro
from .ladder import ladder
from .macros import MacroError, bind
from .model import Exercise, Settings, Site
from .musclemap import build_map
from .pagecontext import relative_link
from .schema import EQUIPMENT, EQUIPMENT_LABELS, EVIDENCE_LABELS, EVIDENCE_TYPES, LEVELS

_CARD_HEADING = {"page": 1, "full": 2, "compact": 3}


@cache
def environment(templates_dir: str) -> Environment:
    """One compiled environment per override folder, shared by every page of a build."""
    loaders = [FileSystemLoader(templates_dir)] if templates_dir else []
    loaders.append(PackageLoader("exercise_atlas", "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["cite"] = cite_filter
    env.globals.update(equipment_labels=EQUIPMENT_LABELS, evidence_labels=EVIDENCE_LABELS)
    return env


def citation_marker(keys: list[str]) -> Markup:
    """The placeholder the citation tree-processor later numbers and links."""
    return Markup('<sup class="citation" data-cite="{}"></sup>').format(" ".join(keys))


def cite_filter(text: str) -> Markup:
    """Escape contributor text, turning ``[@key]`` into citation markers."""
    parts: list[Markup] = []
    last = 0
    for match in CITATION_RE.finditer(text):
        keys = match_keys(match)
        parts += [escape(text[last : match.start()]), citation_marker(keys)]
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


def to_element(html: str, template: str) -> ET.Element:
    try:
        element = ET.fromstring(html)
    except ET.ParseError as exc:
        raise MacroError(f"template '{template}' did not produce well-formed HTML: {exc}") from None
    for node in element.iter():
        node.text = AtomicString(node.text) if node.text else node.text
        node.tail = AtomicString(node.tail) if node.tail else node.tail
    return element


class _ExerciseLinks:
    """``exercises[id].name`` / ``.url`` for templates, computed only for the ids a card names
    (building a table of every exercise for every card made large libraries quadratic)."""

    def __init__(self, renderer: Renderer) -> None:
        self._renderer = renderer

    def __getitem__(self, exercise_id: str) -> dict[str, str]:
        exercise = self._renderer.site.exercises[exercise_id]
        return {"name": exercise.name, "url": self._renderer.exercise_url(exercise_id)}


class Renderer:
    """Renders one site's macros; the exercise-card macro is the heart of the project."""

    def __init__(self, site: Site, settings: Settings) -> None:
        self.site = site
        self.settings = settings
        self.env = environment(settings.templates_dir)
        self.page: str | None = None  # the page being rendered, for relative links

    def render_macro(self, inner: str, page: str | None = None) -> ET.Element:
        """Parse, check and render the text between ``{{`` and ``}}`` on ``page``."""
        call = parse_macro(inner)
        args = bind(call)
        self.page = page
        return to_element(*getattr(self, f"_{call.name}")(**args))

    def exercise_url(self, exercise_id: str) -> str:
        return relative_link(self.settings.exercise_url.format(id=exercise_id), self.page)

    def _template(self, name: str, **context: Any) -> tuple[str, str]:
        return self.env.get_template(name).render(**context), name

    def card_html(self, exercise_id: str, variant: str) -> str:
        if exercise_id not in self.site.exercises:
            hint = did_you_mean(exercise_id, self.site.exercises)
            raise MacroError(f"exercise_card(): unknown exercise '{exercise_id}'{hint}")
        exercise = self.site.exercises[exercise_id]
        worked = exercise.data["muscles"]
        return self.env.get_template("card.html").render(
            muscle_map=self.muscle_map_html(
                worked["primary"],
                worked["secondary"],
                f"muscles worked by {exercise.name}",
                compact=variant == "compact",
            ),
            image_src=self._image_src(exercise),
            link=self.link,
            ex=exercise.data,
            variant=variant,
            heading=_CARD_HEADING[variant],
            url=self.exercise_url(exercise_id),
            muscles=self.site.muscles,
            exercises=_ExerciseLinks(self),
            ladder=ladder(self.site.exercises, exercise_id) if variant != "compact" else [],
            references=self.site.references,
        )

    def muscle_map_html(self, primary: list[str], secondary: list[str], subject: str, **options: Any) -> Markup:
        """The map with ``primary`` strongly and ``secondary`` lightly highlighted."""
        muscle_map = build_map(self.site.muscles, primary, secondary, subject)
        return Markup(self.env.get_template("muscle_map.html").render(map=muscle_map, **options))

    def link(self, url: str) -> str:
        """A contributor's link: web addresses as they are, site links relative to this page."""
        return url if url.startswith(("http://", "https://")) else relative_link(url, self.page)

    def _image_src(self, exercise: Exercise) -> str:
        """The card's picture as a link from the page being rendered."""
        if "image" not in exercise.data:
            return ""
        in_docs = posixpath.normpath(posixpath.join(posixpath.dirname(exercise.path), exercise.data["image"]["src"]))
        return relative_link(posixpath.relpath(in_docs, self.settings.docs_dir), self.page)

    def _exercise_card(self, id: str, variant: str) -> tuple[str, str]:  # noqa: A002 - the macro's argument name
        return self.card_html(id, variant), "card.html"

    def _exercise_library(self) -> tuple[str, str]:
        exercises = sorted(self.site.exercises.values(), key=lambda e: e.name.lower())
        cards = [Markup(self.card_html(e.id, "compact")) for e in exercises]
        facets = self._facets(exercises)
        pickable = [value for facet in facets if facet["attr"] == "muscles" for value, _ in facet["options"]]
        picker = self.muscle_map_html([], [], "pick a muscle to filter by", pickable=pickable)
        return self._template("library.html", cards=cards, facets=facets, muscle_picker=picker)

    def _facets(self, exercises: list[Exercise]) -> list[dict[str, Any]]:
        """Filter options: only values some exercise has, in the data's own order."""
        used = {
            "muscles": {m for e in exercises for m in e.data["muscles"]["primary"] + e.data["muscles"]["secondary"]},
            "equipment": {item for e in exercises for item in e.data["equipment"]},
            "level": {e.data["level"] for e in exercises},
            "evidence": {e.data["evidence"]["type"] for e in exercises},
        }
        options = {
            "muscles": [(m, self.site.muscles[m]["name"]) for m in self.site.muscles if m in used["muscles"]],
            "equipment": [(q, EQUIPMENT_LABELS.get(q, q.capitalize())) for q in EQUIPMENT if q in used["equipment"]],
            "level": [(v, v.capitalize()) for v in LEVELS if v in used["level"]],
            "evidence": [(v, EVIDENCE_LABELS[v]) for v in EVIDENCE_TYPES if v in used["evidence"]],
        }
        legends = {"muscles": "Muscle worked", "equipment": "Equipment", "level": "Level", "evidence": "Evidence"}
        names = {"muscles": "muscle", "equipment": "equipment", "level": "level", "evidence": "evidence"}
        return [{"name": names[a], "attr": a, "legend": legends[a], "options": options[a]} for a in options]

    def _muscle_table(self, group: str) -> tuple[str, str]:
        rows = [m for m in self.site.muscles.values() if group == "all" or m["group"] == group]
        return self._template("muscle_table.html", muscles=rows)

    def _muscle_map(self, muscles: str, helpers: str, caption: str) -> tuple[str, str]:
        primary, secondary = self._muscle_ids(muscles, "muscles"), self._muscle_ids(helpers, "helpers")
        subject = ", ".join(self.site.muscles[m]["name"] for m in primary + secondary)
        return str(self.muscle_map_html(primary, secondary, subject, caption=caption, aside=True)), "muscle_map.html"

    def _muscle_ids(self, text: str, argument: str) -> list[str]:
        ids = text.split()
        if argument == "muscles" and not ids:
            raise MacroError("muscle_map(): muscles: expected at least one muscle id, like 'gracilis'")
        for muscle in ids:
            if muscle not in self.site.muscles:
                hint = did_you_mean(muscle, self.site.muscles)
                raise MacroError(f"muscle_map(): {argument}: unknown muscle '{muscle}'{hint}")
        return ids

    def _bibliography(self) -> tuple[str, str]:
        refs = sorted(self.site.references.values(), key=lambda r: r.sort_key)
        return self._template("bibliography.html", references=refs)

    def _glossary(self) -> tuple[str, str]:
        return self._template("glossary.html", terms=self.site.glossary)

    def references_list(self, keys: list[str], title: str) -> ET.Element:
        refs = [self.site.references[k] for k in keys]
        return to_element(*self._template("references_list.html", references=refs, title=title))
