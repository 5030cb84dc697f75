"""Load and cross-check all site data once: muscles, references and exercises.

Each build loads it once (``pipeline.open_build``), handing in the previous build's data, which is
reused when no data file's modification time or size changed: a rebuild under ``serve`` sees edits
and skips the reload when there are none. No data is kept by this module. Every problem in
every file is collected before anything fails, so one run reports them all.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from ..charts import load_charts
from ..errors import Problem
from ..markup.citations import text_problems, unknown_key
from ..markup.grammar import MACRO_LINE_RE, MacroSyntaxError, parse_macro
from .card_text import card_text_problems
from .glossary import load_glossary
from .model import Exercise, Settings, Site
from .records import ExerciseData, MuscleData
from .references import Reference, load_references
from .relations import relation_problems
from .schemas import exercise_schema, muscles_schema
from .validate import schema_problems
from .vocabulary import Vocabulary, load_vocabulary
from .yamlsource import load_yaml, read_text, split_front_matter


@dataclass(frozen=True)
class LoadedData:
    """A site's data with the fingerprint of the files it was read from: the next build of the same
    site (``serve`` after an edit to a page alone) reuses it instead of reading every file again."""

    stamp: tuple[Any, ...]
    site: Site


def load_site(settings: Settings, previous: LoadedData | None = None) -> LoadedData:
    """The site's data, re-read only when a data file changed since ``previous`` was read."""
    stamp = _fingerprint(settings)
    if previous is not None and previous.stamp == stamp:
        return previous
    return LoadedData(stamp, _load(settings))


def _fingerprint(settings: Settings) -> tuple[Any, ...]:
    stamps: list[Any] = []
    files = (settings.muscles_file, settings.references_file, settings.glossary_file, settings.vocabulary_file)
    for path in (*files, settings.charts_file):
        stamps.append(_stat(path))
    try:
        with os.scandir(settings.exercises_dir) as entries:
            stamps.extend(sorted((e.name, *_stamp(e.stat())) for e in entries))
    except OSError:
        stamps.append(None)
    return tuple(stamps)


def _stat(path: str) -> tuple[int, int] | None:
    try:
        return _stamp(os.stat(path))
    except OSError:
        return None


def _stamp(info: os.stat_result) -> tuple[int, int]:
    return (info.st_mtime_ns, info.st_size)


def _load(settings: Settings) -> Site:
    site = Site()
    site.references, problems = load_references(Path(settings.references_file), settings.references_file)
    site.problems += problems
    if problems:
        site.unreadable.add("references")
    site.glossary, problems = load_glossary(settings.glossary_file)
    site.problems += problems
    site.vocabulary, problems = load_vocabulary(settings.vocabulary_file)
    site.problems += problems
    if problems:  # every other file is read in the vocabulary's terms: fix it first, alone
        site.unreadable.update({"vocabulary", "muscles", "references"})
        return site
    site.muscles, site.muscle_lines, problems = _load_muscles(
        settings.muscles_file, site.references, "references" not in site.unreadable, site.vocabulary
    )
    site.problems += problems
    if not site.muscles:
        site.unreadable.add("muscles")
    for path in settings.exercise_files():
        exercise, problems = _load_exercise(path, site.vocabulary)
        site.problems += problems
        if exercise is None:
            if problems:  # no problems and no exercise: a redirect left where a page moved from
                site.broken_exercises.add(path.stem)
            continue
        site.exercises[exercise.id] = exercise  # ids are file names, so they are unique
    relations = relation_problems(site, settings.pages_dir, settings.muscles_file) + card_text_problems(site)
    site.problems += relations
    _set_aside_broken(site, {problem.path for problem in relations})
    site.charts, problems = load_charts(settings.charts_file, site)
    site.problems += problems
    if problems:
        site.unreadable.add("charts")
    return site


def _set_aside_broken(site: Site, files_with_problems: set[str]) -> None:
    """Exercises with problems are reported, not rendered: the rest of the site still renders, so
    every other problem is found in the same run."""
    for exercise_id, exercise in list(site.exercises.items()):
        muscles = exercise.data["muscles"]["primary"] + exercise.data["muscles"]["secondary"]
        if exercise.path in files_with_problems or any(m not in site.muscles for m in muscles):
            del site.exercises[exercise_id]
            site.broken_exercises.add(exercise_id)


def _load_muscles(
    shown: str, references: dict[str, Reference], references_ok: bool, vocabulary: Vocabulary
) -> tuple[dict[str, MuscleData], dict[str, int], list[Problem]]:
    text, problems = read_text(Path(shown), shown)
    if text is None:
        return {}, {}, problems
    located, problems = load_yaml(text, shown)
    if located is None:
        return {}, {}, problems
    problems += [
        _named_by_id(problem, located.data) for problem in schema_problems(located, muscles_schema(vocabulary), shown)
    ]
    if problems:
        return {}, {}, problems
    muscles: dict[str, MuscleData] = {}
    lines: dict[str, int] = {}
    for index, muscle in enumerate(cast(list[MuscleData], located.data)):
        line = located.line_of((index, "id"))
        if muscle["id"] in muscles:
            problems.append(Problem(shown, line, "id", f"duplicate muscle id '{muscle['id']}'"))
        muscles[muscle["id"]], lines[muscle["id"]] = muscle, line
        if not references_ok:
            continue
        for key in muscle.get("references", []):
            message = unknown_key(key, references)
            if message:
                problems.append(Problem(shown, line, f"{muscle['id']}.references", message))
        for message in text_problems(muscle.get("notes", ""), references):
            problems.append(Problem(shown, located.line_of((index, "notes")), f"{muscle['id']}.notes", message))
    return muscles, lines, problems


def _named_by_id(problem: Problem, entries: object) -> Problem:
    """'adductor-longus.map' rather than '0.map': contributors know muscles by id, not position."""
    index, _, rest = problem.field.partition(".")
    if not index.isdigit() or not isinstance(entries, list) or int(index) >= len(entries):
        return problem
    entry = entries[int(index)]
    muscle_id = entry.get("id") if isinstance(entry, dict) else None
    if not isinstance(muscle_id, str) or not muscle_id:
        return problem
    return dataclasses.replace(problem, field=f"{muscle_id}.{rest}" if rest else muscle_id)


def _load_exercise(path: Path, vocabulary: Vocabulary) -> tuple[Exercise | None, list[Problem]]:
    shown = path.as_posix()
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    parts = split_front_matter(text)
    if parts is None:
        return None, [Problem(shown, 1, "", "expected YAML front matter between '---' lines at the top of the file")]
    front, front_line, body, body_line = parts
    located, problems = load_yaml(front, shown, front_line)
    if located is None:
        return None, problems
    if not isinstance(located.data, dict):
        return None, [Problem(shown, front_line, "", "expected the front matter to be a mapping of fields")]
    if "redirect" in located.data:
        return None, []  # checked with every other page by the page check
    problems += schema_problems(located, exercise_schema(vocabulary), shown)
    expected_id = path.stem
    if located.data.get("id") not in (None, expected_id) and isinstance(located.data.get("id"), str):
        problems.append(
            Problem(
                shown,
                located.line_of(("id",)),
                "id",
                f"'{located.data['id']}' does not match the file name (expected '{expected_id}')",
            )
        )
    problems += _page_card_problems(body, body_line, expected_id, shown)
    if problems:
        return None, problems
    return Exercise(expected_id, cast(ExerciseData, located.data), shown, located), []


def _page_card_problems(body: str, first_line: int, exercise_id: str, shown: str) -> list[Problem]:
    """An exercise page must show its own full card, first: the card is what readers come for,
    and the exercise's name it opens with is the page's title (the tab, links, search)."""
    card = f'{{{{ exercise_card("{exercise_id}", variant="page") }}}}'
    for match in MACRO_LINE_RE.finditer(body):
        try:
            call = parse_macro(match.group("inner"))
        except MacroSyntaxError:
            continue  # reported by the page check with its line
        if call.name == "exercise_card" and call.args[:1] == (exercise_id,) and call.kwargs.get("variant") == "page":
            if body[: match.start()].strip():
                line = first_line + body.count("\n", 0, match.start())
                message = f"put the page card {card} first, before any other text: its name is the page's title"
                return [Problem(shown, line, "body", message)]
            return []
    line = first_line + max(len(body.splitlines()) - 1, 0)
    return [Problem(shown, line, "body", f"expected the page card {card} on a line of its own")]
