"""A site's own words: its levels, equipment, kinds of evidence, muscle groups and the section its
cards add. Nothing about one body region or one kind of reader is built into the package.

A site lists them in a YAML file (option ``vocabulary_file``); without one the package's general
defaults below apply. The exercise and muscles schemas are made from the vocabulary, so a value
outside it is the usual one-line error with "did you mean".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .errors import Problem
from .figures.tint import REGIONS as FIGURE_REGIONS
from .yamlsource import load_yaml, read_text

Term = tuple[str, str]  # (id, label)
# SVG path data: starts with a move, then only path commands and numbers (no markup can hide in it).
SVG_PATH = r"^[Mm][0-9MmLlHhVvCcSsQqTtAaZz ,.eE+-]*$"


@dataclass(frozen=True)
class CardSection:
    """A section a site adds to every full card, from one required text field of each exercise."""

    field: str
    heading: str
    description: str


@dataclass(frozen=True)
class MapView:
    """One view of the muscle map: its box, its label, and the body's outline in it (SVG path data).

    ``mirror``: the view shows both sides of the body; muscle regions are given for the subject's
    right side on the left half of the box, and drawn mirrored for the other side.
    """

    id: str
    label: str
    width: int
    skin: str
    line: str
    marks: str = ""
    mirror: bool = False
    height: int = 340


# The package's own views: an original schematic of the hips and thighs, seen from the front (both
# legs) and from the inner side of the right leg. A site draws its own in its vocabulary file.
HIPS_AND_THIGHS = (
    MapView(
        "front",
        "Front",
        200,
        skin="M100 6 L56 6 C52 26 46 44 42 62 C36 82 32 98 33 114 C34 150 42 210 50 258 C52 272 52 286 54 300 "
        "L56 334 L84 334 C84 310 86 296 89 282 C91 272 90 266 89 258 C92 224 96 190 98 162 C99 156 100 150 100 148 Z",
        line="M56 6 C52 26 46 44 42 62 C36 82 32 98 33 114 C34 150 42 210 50 258 C52 272 52 286 54 300 L56 334 "
        "M84 334 C84 310 86 296 89 282 C91 272 90 266 89 258 C92 224 96 190 98 162 C99 156 100 150 100 148",
        marks="M47 80 C62 100 80 118 94 130 M62 262 a8 10 0 1 0 16 0 a8 10 0 1 0 -16 0",
        mirror=True,
    ),
    MapView(
        "medial",
        "Inner side, right leg",
        160,
        skin="M44 6 C34 44 24 84 27 112 C29 134 38 150 41 170 C42 202 45 236 50 264 C46 286 44 306 46 334 L94 334 "
        "C96 306 102 288 110 268 C118 240 120 200 118 170 C117 150 115 136 116 124 C120 90 120 50 116 6 Z",
        line="M44 6 C34 44 24 84 27 112 C29 134 38 150 41 170 C42 202 45 236 50 264 C46 286 44 306 46 334 "
        "M94 334 C96 306 102 288 110 268 C118 240 120 200 118 170 C117 150 115 136 116 124 C120 90 120 50 116 6",
        marks="M34 130 C56 134 86 132 114 124 M70 262 C80 268 92 268 100 262",
    ),
)
VIEW_GAP = 20  # between two views, in SVG units


@dataclass(frozen=True)
class Vocabulary:
    levels: tuple[Term, ...]
    equipment: tuple[Term, ...]
    evidence: tuple[Term, ...]
    muscle_groups: tuple[Term, ...] = ()  # empty: any id
    card_section: CardSection | None = None
    map_views: tuple[MapView, ...] = HIPS_AND_THIGHS
    # What a screen reader hears first about every map (then which muscles are highlighted).
    map_description: str = "Schematic front and inner views of the hips and thighs."
    # Where each muscle is tinted on the movement figures: a body region and the muscle or muscle
    # group ids drawn there (figures/tint.py).
    figure_regions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Whether every exercise must have a movement figure (a new site may add them later).
    figure_required: bool = False

    def view_ids(self) -> list[str]:
        return [view.id for view in self.map_views]

    def map_width(self) -> int:
        return sum(view.width for view in self.map_views) + VIEW_GAP * (len(self.map_views) - 1)

    def map_height(self) -> int:
        return max(view.height for view in self.map_views)

    def view_x(self, view_id: str) -> int:
        """Where a view's box starts in the map, left to right in the vocabulary's order."""
        x = 0
        for view in self.map_views:
            if view.id == view_id:
                return x
            x += view.width + VIEW_GAP
        raise KeyError(view_id)

    def ids(self, name: str) -> list[str]:
        return [term_id for term_id, _ in getattr(self, name)]

    def label(self, name: str, term_id: str) -> str:
        """What a reader sees for a value (the id itself, capitalised, if the site gave no label)."""
        terms: dict[str, str] = dict(getattr(self, name))
        return terms.get(term_id, term_id.replace("-", " ").capitalize())


DEFAULT = Vocabulary(
    levels=(("beginner", "Beginner"), ("intermediate", "Intermediate"), ("advanced", "Advanced")),
    equipment=(
        ("none", "No equipment"), ("mat", "Mat"), ("bench", "Bench"), ("step", "Step"), ("box", "Box"),
        ("wall", "Wall"), ("band", "Elastic band"), ("cable", "Cable machine"), ("machine", "Machine"),
        ("ball", "Ball"), ("slider", "Slider"), ("dumbbell", "Dumbbell"), ("kettlebell", "Kettlebell"),
        ("barbell", "Barbell"), ("partner", "Partner"),
    ),
    evidence=(
        ("meta-analysis", "Systematic review / meta-analysis"),
        ("randomised-trial", "Randomised controlled trial"),
        ("non-randomised-trial", "Non-randomised trial"),
        ("cohort", "Cohort study"),
        ("emg", "EMG study (muscle activity)"),
        ("practice", "Practical experience (no direct study)"),
    ),
)  # fmt: skip

_TERMS = {
    "type": "array",
    "minItems": 1,
    "uniqueItems": True,
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "label"],
        "properties": {
            "id": {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},
            "label": {"type": "string", "minLength": 1, "maxLength": 80},
        },
    },
}

VOCABULARY_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "A site's vocabulary",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "levels": {**_TERMS, "description": "How demanding an exercise is, easiest first."},
        "equipment": {**_TERMS, "description": "What an exercise may need, with the label readers see."},
        "evidence": {**_TERMS, "description": "Kinds of evidence behind a card, strongest first."},
        "muscle_groups": {**_TERMS, "description": "Groups a muscle may belong to (muscle_table shows one)."},
        "map_views": {
            "type": "array",
            "description": "The muscle map's views, left to right, each with the body's outline as SVG path data.",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "label", "width", "skin", "line"],
                "properties": {
                    "id": {"type": "string", "pattern": r"^[a-z][a-z0-9]*$"},
                    "label": {"type": "string", "minLength": 1, "maxLength": 60},
                    "width": {"type": "integer", "minimum": 20, "maximum": 1000},
                    "height": {"type": "integer", "minimum": 20, "maximum": 1000},
                    "mirror": {"type": "boolean"},
                    "skin": {"type": "string", "pattern": SVG_PATH, "maxLength": 4000},
                    "line": {"type": "string", "pattern": SVG_PATH, "maxLength": 4000},
                    "marks": {"type": "string", "pattern": SVG_PATH, "maxLength": 4000},
                },
            },
        },
        "map_description": {
            "type": "string",
            "description": "What a screen reader hears first about every map, e.g. 'Schematic back view of both calves.'",
            "minLength": 1,
            "maxLength": 200,
        },
        "figure_regions": {
            "type": "object",
            "description": "Where the movement figures tint each working muscle: a body region and the muscle ids or muscle group ids drawn there.",
            "propertyNames": {"enum": list(FIGURE_REGIONS)},
            "additionalProperties": {
                "type": "array",
                "items": {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},
            },
        },
        "figure_required": {
            "type": "boolean",
            "description": "Whether every exercise must have a movement figure (default false).",
        },
        "card_section": {
            "type": "object",
            "description": "A section every full card adds, from one required text field of each exercise.",
            "additionalProperties": False,
            "required": ["field", "heading", "description"],
            "properties": {
                "field": {"type": "string", "pattern": r"^[a-z][a-z0-9_]*$"},
                "heading": {"type": "string", "minLength": 1, "maxLength": 80},
                "description": {"type": "string", "minLength": 1, "maxLength": 200},
            },
        },
    },
}


def _describe(views: tuple[MapView, ...]) -> str:
    if views == HIPS_AND_THIGHS:
        return DEFAULT.map_description
    labels = [view.label for view in views]
    return f"Schematic {' and '.join(labels).lower()} view{'s' if len(labels) > 1 else ''} of the body."


def load_vocabulary(path: str) -> tuple[Vocabulary, list[Problem]]:
    """The site's vocabulary; the defaults fill whatever it leaves out."""
    if not path:
        return DEFAULT, []
    return _load(path, *_stamp(path))


def _stamp(path: str) -> tuple[int, int]:
    try:
        info = Path(path).stat()
    except OSError:
        return (0, 0)
    return (info.st_mtime_ns, info.st_size)


@cache
def _load(path: str, *_stamp: int) -> tuple[Vocabulary, list[Problem]]:
    from .validate import schema_problems  # validate imports the schema, which imports this

    text, problems = read_text(Path(path), path)
    if text is None:
        return DEFAULT, problems
    located, problems = load_yaml(text, path)
    if located is None:
        return DEFAULT, problems
    if not isinstance(located.data, dict | None):
        return DEFAULT, [Problem(path, 1, "", "expected a mapping of lists: levels, equipment, evidence, ...")]
    data: dict[str, Any] = located.data or {}
    problems = schema_problems(located, VOCABULARY_SCHEMA, path)
    if problems:
        return DEFAULT, problems
    section = data.get("card_section")
    views = tuple(MapView(**view) for view in data["map_views"]) if "map_views" in data else HIPS_AND_THIGHS

    def terms(name: str) -> tuple[Term, ...]:
        return tuple((t["id"], t["label"]) for t in data[name]) if name in data else getattr(DEFAULT, name)

    vocabulary = Vocabulary(
        levels=terms("levels"),
        equipment=terms("equipment"),
        evidence=terms("evidence"),
        muscle_groups=terms("muscle_groups"),
        card_section=CardSection(**section) if section else None,
        map_views=views,
        map_description=data.get("map_description") or _describe(views),
        figure_regions=tuple((region, tuple(ids)) for region, ids in (data.get("figure_regions") or {}).items()),
        figure_required=bool(data.get("figure_required", False)),
    )
    return vocabulary, []
