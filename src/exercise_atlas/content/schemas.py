"""The one definition of an exercise's fields, and of a muscle's.

``EXERCISE_SCHEMA`` is what the loader validates against; the published
``schema/exercise.schema.json`` is generated from it (``exercise-atlas schema``) and a test keeps
the two equal, so editors, docs and code can never disagree. Muscle ids and citation keys are
site data, not schema: they are checked against the muscles and BibTeX files.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from ..figures.figure_schema import FIGURE_SCHEMA
from .patterns import (
    ID_PATTERN,
    IMAGE_PATTERN,
    KEY_PATTERN,
    SVG_PATH_PATTERN,
    TEXT_PATTERN,
    URL_PATTERN,
)
from .vocabulary import DEFAULT, Vocabulary

# The muscle map's views, in the order drawn; their outlines live in templates/muscle_map.html.


def _text(description: str, max_length: int = 2000) -> dict[str, Any]:
    return {
        "type": "string",
        "minLength": 1,
        "maxLength": max_length,
        "pattern": TEXT_PATTERN,
        "description": description,
    }


def _text_list(description: str, min_items: int, max_items: int) -> dict[str, Any]:
    return {
        "type": "array",
        "description": description,
        "minItems": min_items,
        "maxItems": max_items,
        "items": _text("One item.", 600),
    }


def _ids(description: str, max_items: int = 12) -> dict[str, Any]:
    return {
        "type": "array",
        "description": description,
        "maxItems": max_items,
        "uniqueItems": True,
        "items": {"type": "string", "pattern": ID_PATTERN},
    }


@cache
def exercise_schema(vocabulary: Vocabulary = DEFAULT) -> dict[str, Any]:
    """The schema of an exercise file, with the site's vocabulary (and its card section, if any)."""
    schema = _exercise_schema(vocabulary)
    if not vocabulary.figure_required:  # a site requires figures in its vocabulary (figure_required)
        schema["required"].remove("figure")
    section = vocabulary.card_section
    if section:
        schema["required"].insert(schema["required"].index("safety"), section.field)
        fields = list(schema["properties"].items())
        at = [name for name, _ in fields].index("safety")
        fields.insert(at, (section.field, _text(section.description, 1200)))
        schema["properties"] = dict(fields)
    return schema


def _exercise_schema(vocabulary: Vocabulary) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Exercise card",
        "description": (
            "Front matter of one exercise file, docs/exercises/<id>.md. Text fields are plain text "
            "(escaped on the page); [@key] citations are allowed in them."
        ),
        "type": "object",
        "additionalProperties": False,
        "required": [
            "id",
            "name",
            "aliases",
            "summary",
            "level",
            "equipment",
            "muscles",
            "dose",
            "steps",
            "cues",
            "mistakes",
            "regressions",
            "progressions",
            "progress_when",
            "safety",
            "evidence",
            "references",
            "figure",
            "reviewed",
        ],
        "properties": {
            "id": {
                "type": "string",
                "pattern": ID_PATTERN,
                "description": "Unique id; must equal the file name without .md.",
                "examples": ["copenhagen-plank"],
            },
            "name": _text("Display name of the exercise.", 80),
            "aliases": {
                **_text_list("Other names people search for; each leads to this exercise only.", 0, 12),
                "uniqueItems": True,
            },
            "summary": _text("One plain-English sentence: what it is and why.", 300),
            "level": {"enum": vocabulary.ids("levels"), "description": "How demanding it is."},
            "kind": {
                "enum": vocabulary.ids("kinds"),
                "description": f"What kind of exercise it is (default {vocabulary.ids('kinds')[0]}).",
            },
            "equipment": {
                "type": "array",
                "description": "What you need; 'none' only for nothing at all (a towel or cushion counts).",
                "minItems": 1,
                "maxItems": 6,
                "uniqueItems": True,
                "items": {"enum": vocabulary.ids("equipment")},
            },
            "muscles": {
                "type": "object",
                "description": "Muscle ids from the muscles data file.",
                "additionalProperties": False,
                "required": ["primary", "secondary"],
                "properties": {
                    "primary": {**_ids("Muscles the exercise mainly trains."), "minItems": 1},
                    "secondary": _ids("Muscles that help."),
                },
            },
            "dose": {
                "type": "object",
                "description": "A sensible starting dose; give reps or hold (or both).",
                "additionalProperties": False,
                "required": ["sets", "rest", "frequency"],
                "anyOf": [{"required": ["reps"]}, {"required": ["hold"]}],
                "x-message": "expected 'reps' or 'hold' (or both)",
                "properties": {
                    "sets": _text("Number of sets, e.g. '2-3'.", 40),
                    "reps": _text("Repetitions per set, e.g. '6-10 each side'.", 60),
                    "hold": _text("Hold time per set, e.g. '15-30 s each side'.", 60),
                    "rest": _text("Rest between sets, e.g. '60-90 s'.", 40),
                    "frequency": _text("How often, e.g. '2 times a week'.", 80),
                },
            },
            "steps": _text_list("How to do it, in order.", 2, 12),
            "cues": _text_list("Short coaching cues.", 1, 8),
            "mistakes": _text_list("Common mistakes and their fix.", 1, 8),
            "regressions": _ids("Easier exercise ids (this exercise's lower rungs)."),
            "progressions": _ids("Harder exercise ids (the next rungs)."),
            "progress_when": _text("The criterion for moving to a progression.", 600),
            "safety": _text("When to stop, and when to see a professional.", 1200),
            "evidence": {
                "type": "object",
                "description": "The strongest evidence directly behind this card.",
                "additionalProperties": False,
                "required": ["type", "population", "summary"],
                "properties": {
                    "type": {"enum": vocabulary.ids("evidence"), "description": "Kind of evidence."},
                    "population": _text("Who the evidence comes from.", 200),
                    "summary": _text("What the studies found, with [@key] citations.", 2000),
                },
            },
            "references": {
                "type": "array",
                "description": "Citation keys (from the BibTeX file) behind this card.",
                "maxItems": 20,
                "uniqueItems": True,
                "items": {"type": "string", "pattern": KEY_PATTERN},
            },
            "links": {
                "type": "array",
                "description": "Optional further reading: http(s) addresses, or site pages relative to the docs folder (anatomy.md).",
                "maxItems": 8,
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["title", "url"],
                    "properties": {
                        "title": _text("What the link is.", 120),
                        "url": {"type": "string", "maxLength": 500, "pattern": URL_PATTERN},
                    },
                },
            },
            "image": {
                "type": "object",
                "description": "Optional original picture of the exercise, stored in the docs folder.",
                "additionalProperties": False,
                "required": ["src", "alt"],
                "properties": {
                    "src": {"type": "string", "maxLength": 300, "pattern": IMAGE_PATTERN},
                    "alt": _text("What the picture shows, for people who cannot see it.", 300),
                },
            },
            "figure": FIGURE_SCHEMA,
            "reviewed": {
                "type": "string",
                "format": "date",
                "description": "Date the card was last checked against its sources (YYYY-MM-DD).",
            },
        },
    }


@cache
def muscles_schema(vocabulary: Vocabulary = DEFAULT) -> dict[str, Any]:
    """The schema of the muscles file; a muscle's group is one of the site's, if it lists any."""
    groups = vocabulary.ids("muscle_groups")
    views = vocabulary.view_ids()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Muscles",
        "type": "array",
        "minItems": 1,
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["id", "name", "group", "origin", "insertion", "innervation", "actions", "map"],
            "properties": {
                "id": {"type": "string", "pattern": ID_PATTERN},
                "name": _text("Display name.", 80),
                "other_names": {**_text_list("Other names.", 0, 12), "uniqueItems": True},
                "group": {"enum": groups} if groups else {"type": "string", "pattern": ID_PATTERN},
                "origin": _text("Where it starts."),
                "insertion": _text("Where it attaches."),
                "innervation": _text("Nerve supply."),
                "actions": _text_list("What it does.", 1, 10),
                "notes": _text("Notes for runners."),
                "map": {
                    "type": "object",
                    "description": " ".join(
                        [
                            "The muscle's region on the muscle map, as SVG path data per view, in that",
                            "view's box:",
                            *(
                                f"{v.id}: {v.width} x {v.height}"
                                + (
                                    ", the subject's right side on the left half (mirrored for the other);"
                                    if v.mirror
                                    else ";"
                                )
                                for v in vocabulary.map_views
                            ),
                            "deep: true for a muscle that lies under others; it is drawn only when",
                            "highlighted, with a dashed outline.",
                        ]
                    ),
                    "additionalProperties": False,
                    "properties": {
                        **{view: {"type": "string", "pattern": SVG_PATH_PATTERN, "maxLength": 2000} for view in views},
                        "deep": {"type": "boolean"},
                    },
                    "anyOf": [{"required": [view]} for view in views],
                    "x-message": "expected a region on at least one view: " + " or ".join(f"'{v}'" for v in views),
                },
                "references": {
                    "type": "array",
                    "uniqueItems": True,
                    "items": {"type": "string", "pattern": KEY_PATTERN},
                },
            },
        },
    }


EXERCISE_SCHEMA = exercise_schema()
MUSCLES_SCHEMA = muscles_schema()


def published_schemas(vocabulary: Vocabulary = DEFAULT, site_url: str | None = None) -> dict[str, dict[str, Any]]:
    """The schema files a site publishes, made with its vocabulary; each identified (``$id``) by an
    address under the site's own ``site_url``, never another site's, or by none without one."""
    schemas = {"exercise.schema.json": exercise_schema(vocabulary), "muscles.schema.json": muscles_schema(vocabulary)}
    if not site_url:
        return schemas
    base = site_url.rstrip("/") + "/schema/"
    return {name: {"$schema": schema["$schema"], "$id": base + name, **schema} for name, schema in schemas.items()}


def schema_json(schema: dict[str, Any]) -> str:
    """A published schema file's exact text."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def fields_markdown(schema: dict[str, Any] = EXERCISE_SCHEMA, prefix: str = "") -> str:
    """A Markdown table of every exercise field, for CONTRIBUTING.md (kept equal by a test)."""
    rows = ["| field | required | what it holds |", "|---|---|---|"] if not prefix else []
    required = set(schema.get("required", []))
    for name, spec in schema["properties"].items():
        choices = spec.get("enum") or spec.get("items", {}).get("enum")
        text = spec.get("description", "") + (f" One of: {', '.join(choices)}." if choices else "")
        rows.append(f"| `{prefix}{name}` | {'yes' if name in required else 'no'} | {text.strip()} |")
        if spec.get("type") == "object" and "properties" in spec:
            rows.append(fields_markdown(spec, f"{prefix}{name}.") if spec.get("properties") else "")
    return "\n".join(row for row in rows if row)
