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
from .yamlsource import load_yaml, read_text

Term = tuple[str, str]  # (id, label)


@dataclass(frozen=True)
class CardSection:
    """A section a site adds to every full card, from one required text field of each exercise."""

    field: str
    heading: str
    description: str


@dataclass(frozen=True)
class Vocabulary:
    levels: tuple[Term, ...]
    equipment: tuple[Term, ...]
    evidence: tuple[Term, ...]
    muscle_groups: tuple[Term, ...] = ()  # empty: any id
    card_section: CardSection | None = None

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

    def terms(name: str) -> tuple[Term, ...]:
        return tuple((t["id"], t["label"]) for t in data[name]) if name in data else getattr(DEFAULT, name)

    vocabulary = Vocabulary(
        levels=terms("levels"),
        equipment=terms("equipment"),
        evidence=terms("evidence"),
        muscle_groups=terms("muscle_groups"),
        card_section=CardSection(**section) if section else None,
    )
    return vocabulary, []
