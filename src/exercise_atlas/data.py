"""The shape of validated data: an exercise's front matter and a muscle's entry.

The field a site adds to every card (its vocabulary's card section) is not typed here, as its
name is the site's. These TypedDicts describe data that has passed the JSON Schema in ``schema.py``; a test keeps the
two equal (tests/test_model.py). No ``from __future__ import annotations`` here: TypedDict reads
``NotRequired`` from real annotations, not from strings.
"""

from typing import Any, NotRequired, TypedDict


class Muscles(TypedDict):
    primary: list[str]
    secondary: list[str]


class Dose(TypedDict):
    sets: str
    reps: NotRequired[str]
    hold: NotRequired[str]
    rest: str
    frequency: str


class Evidence(TypedDict):
    type: str
    population: str
    summary: str


class Link(TypedDict):
    title: str
    url: str


class Image(TypedDict):
    src: str
    alt: str


class ExerciseData(TypedDict):
    """One exercise's front matter after validation."""

    id: str
    name: str
    aliases: list[str]
    summary: str
    level: str
    equipment: list[str]
    muscles: Muscles
    dose: Dose
    steps: list[str]
    cues: list[str]
    mistakes: list[str]
    regressions: list[str]
    progressions: list[str]
    progress_when: str
    safety: str
    evidence: Evidence
    references: list[str]
    links: NotRequired[list[Link]]
    image: NotRequired[Image]
    figure: NotRequired[dict[str, Any]]  # checked and typed by the figures package; required where the vocabulary says
    reviewed: str


class MuscleData(TypedDict):
    """One entry of the muscles file after validation."""

    id: str
    name: str
    other_names: NotRequired[list[str]]
    group: str
    origin: str
    insertion: str
    innervation: str
    actions: list[str]
    notes: NotRequired[str]
    map: dict[str, Any]  # SVG path data per view of the site's vocabulary, and `deep: true`
    references: NotRequired[list[str]]
