"""The exercise library as one JSON file, for other tools, generated from the same exercise files.

It is committed inside the docs folder (so it is published with the site) and the check reports
it as stale whenever an exercise changes, so it cannot drift from the cards.
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import Problem
from .model import Settings, Site


def library_json(site: Site) -> str:
    exercises = [site.exercises[key].data for key in sorted(site.exercises)]
    document = {
        "description": "Every exercise in the library; each item follows schema/exercise.schema.json.",
        "count": len(exercises),
        "exercises": exercises,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def export_problems(site: Site, settings: Settings) -> list[Problem]:
    if not settings.export_file:
        return []
    path = Path(settings.export_file)
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if current != library_json(site):
        return [Problem(settings.export_file, None, "", "out of date with the exercise files; run `make generate`")]
    return []


def write_export(site: Site, settings: Settings) -> Path:
    path = Path(settings.export_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(library_json(site), encoding="utf-8")
    return path
