"""The exercise library as one JSON file, for other tools, generated from the same exercise files.

It is never committed: every build (and every check) writes it into the docs folder when its
content would change, so it cannot go stale and a contributor never runs a second command. A
file the generator does not know about when it starts is not published, so a missing export is
written when a build opens (``pipeline.write_generated_files``) and by ``exercise-atlas prepare``.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..content.model import Settings, Site
from .assets import write_if_changed


def library_json(site: Site) -> str:
    exercises = [site.exercises[key].data for key in sorted(site.exercises)]
    document = {
        "description": "Every exercise in the library; each item follows schema/exercise.schema.json.",
        "count": len(exercises),
        "exercises": exercises,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def refresh_export(site: Site, settings: Settings) -> None:
    """Write the export if its content changed."""
    if settings.export_file:
        write_if_changed(Path(settings.export_file), library_json(site))
