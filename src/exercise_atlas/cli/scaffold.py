"""Write a new exercise file that is valid at once, every field explained by a comment.

The comments are the schema's own descriptions, so the scaffold can never drift from what the
check enforces. Placeholder text carries PLACEHOLDER so that a test can keep unfinished cards
off the main branch while the new file still builds for a first preview.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from ..content.model import Settings, Site
from ..content.pages import PLACEHOLDER, page_url
from ..content.schemas import exercise_schema


def _describe_in(field: str, schema: dict[str, Any]) -> str:
    return str(schema["properties"][field].get("description", ""))


def _scalar(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def _figure_lines(figure: dict[str, Any]) -> list[str]:
    """A figure of someone standing still: valid at once, to be posed like the exercise."""
    fields = figure["properties"]
    feet = "contacts: [left.foot on floor, right.foot on floor]"
    return [
        f"figure:  # {figure['description']}",
        f"  # {PLACEHOLDER}: pose the body like the exercise; these positions only stand still.",
        f"  view: side  # {fields['view']['description']} One of: {', '.join(fields['view']['enum'])}.",
        f"  working: left  # {fields['working']['description']}",
        f"  positions:  # {fields['positions']['description']}",
        "    start:",
        f"      {feet}  # body points resting on a surface; the first places the body",
        "    end:",
        "      both: {hip: 0, knee: 0}  # joint angles in degrees, 0 = standing (side view: hip + bends forwards)",
        f"      {feet}",
    ]


def scaffold_text(exercise_id: str, name: str, site: Site) -> str:
    muscle = next(iter(site.muscles), "PLACEHOLDER-muscle-id")
    todo = f"{PLACEHOLDER}: "
    words = site.vocabulary
    schema = exercise_schema(words)
    props = schema["properties"]

    def _describe(field: str) -> str:
        return _describe_in(field, schema)

    section = words.card_section
    site_section = (
        [f"{section.field}: {_scalar(todo + section.description)}  # {_describe(section.field)}"] if section else []
    )
    lines = [
        "---",
        "# New exercise. Replace every PLACEHOLDER; `exercise-atlas check` explains any problem.",
        f"# Vocabularies: level {'/'.join(words.ids('levels'))};",
        f"# equipment {', '.join(words.ids('equipment'))}; evidence.type {', '.join(words.ids('evidence'))}.",
        f"id: {exercise_id}  # {_describe('id')}",
        f"name: {_scalar(name)}  # {_describe('name')}",
        f"aliases: []  # {_describe('aliases')}",
        f"summary: {_scalar(todo + 'one sentence on what it is and why')}  # {_describe('summary')}",
        f"level: {words.ids('levels')[0]}  # {_describe('level')}",
        f"equipment: [{words.ids('equipment')[0]}]  # {_describe('equipment')}",
        f"muscles:  # {_describe('muscles')} (see data/muscles.yml)",
        f"  primary: [{muscle}]  # {props['muscles']['properties']['primary']['description']}",
        f"  secondary: []  # {props['muscles']['properties']['secondary']['description']}",
        f"dose:  # {_describe('dose')}",
        '  sets: "2-3"',
        '  reps: "8-12"',
        '  rest: "60-90 s"',
        '  frequency: "2 times a week"',
        f"steps:  # {_describe('steps')}",
        f"  - {_scalar(todo + 'first step')}",
        f"  - {_scalar(todo + 'second step')}",
        f"cues:  # {_describe('cues')}",
        f"  - {_scalar(todo + 'a short cue')}",
        f"mistakes:  # {_describe('mistakes')}",
        f"  - {_scalar(todo + 'a common mistake and its fix')}",
        f"regressions: []  # {_describe('regressions')} Links must be mutual.",
        f"progressions: []  # {_describe('progressions')}",
        f"progress_when: {_scalar(todo + 'when to move up')}  # {_describe('progress_when')}",
        *site_section,
        f"safety: {_scalar(todo + 'when to stop; when to see a physiotherapist or doctor')}  # {_describe('safety')}",
        f"evidence:  # {_describe('evidence')}",
        f"  type: {words.ids('evidence')[-1]}",
        '  population: "No direct study"',
        f"  summary: {_scalar(todo + 'what studies found (cite each: an @ sign and the BibTeX key in square brackets), or say it rests on practice')}",
        f"references: []  # {_describe('references')}",
        *_figure_lines(props["figure"]),
        f"reviewed: {date.today().isoformat()}  # {_describe('reviewed')}",
        "---",
        "",
        f'{{{{ exercise_card("{exercise_id}", variant="page") }}}}',
        "",
        "## More detail",
        "",
        f"{PLACEHOLDER}: longer explanation in Markdown (variations, how it fits a running week).",
        "",
    ]
    return "\n".join(lines)


def new_exercise(exercise_id: str, name: str, settings: Settings, site: Site) -> Path:
    """Create ``<exercises_dir>/<id>.md`` and list its address as published; refuses to overwrite."""
    path = Path(settings.exercises_dir) / f"{exercise_id}.md"
    if path.exists():
        raise FileExistsError(f"{path.as_posix()} already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold_text(exercise_id, name, site), encoding="utf-8")
    if settings.published_urls_file and path.resolve().is_relative_to(Path(settings.pages_dir).resolve()):
        address = page_url(path.relative_to(settings.pages_dir).as_posix())
        with open(settings.published_urls_file, "a", encoding="utf-8") as published:
            published.write(f"{address}\n")
    return path
