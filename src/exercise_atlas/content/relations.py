"""Checks that span files: muscle ids, citation keys and the progression ladders.

Ladders must be mutual (if A progresses to B, B regresses to A) and free of cycles, because the
page draws them as a ladder: a reader following "harder" must never come back to the start.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, cast

from ..errors import Problem, did_you_mean
from ..figures import figure_problems
from ..markup.citations import text_problems, unknown_key
from ..markup.grammar import citation_keys
from .model import Exercise, Site

_TEXT_FIELDS: tuple[Literal["summary", "progress_when", "safety"], ...] = ("summary", "progress_when", "safety")
_TEXT_LISTS: tuple[Literal["steps", "cues", "mistakes"], ...] = ("steps", "cues", "mistakes")
_OPPOSITE: dict[Literal["regressions", "progressions"], Literal["regressions", "progressions"]] = {
    "regressions": "progressions",
    "progressions": "regressions",
}


def relation_problems(site: Site, docs_dir: str, muscles_file: str) -> list[Problem]:
    misspelt = _misspelt_muscle_ids(site)
    problems: list[Problem] = [
        Problem(
            muscles_file,
            site.muscle_lines.get(wrong),
            "id",
            f"'{wrong}' is named by no exercise, but {len(users)} exercises name '{meant}': "
            f"is the id in this file misspelt (did you mean '{meant}'?)",
        )
        for meant, (wrong, users) in misspelt.items()
    ]
    for exercise in site.exercises.values():
        problems += _image_problems(exercise, docs_dir)
        problems += figure_problems(exercise.path, cast(dict[str, Any], exercise.data), exercise.located)
        # A file that failed to load is reported once, not again for every id it would have held.
        if "muscles" not in site.unreadable:
            problems += _muscle_problems(exercise, site, misspelt)
        if "references" not in site.unreadable:
            problems += _citation_problems(exercise, site)
        problems += _ladder_problems(exercise, site)
    problems += _cycle_problems(site)
    problems += _alias_problems(site)
    return problems


def _misspelt_muscle_ids(site: Site) -> dict[str, tuple[str, list[str]]]:
    """Unknown ids that several exercises agree on, where the muscles file has a near miss that no
    exercise uses: the typo is in the muscles file, so blame its line, not every exercise."""
    users: dict[str, list[str]] = {}
    for exercise in site.exercises.values():
        for muscle in exercise.data["muscles"]["primary"] + exercise.data["muscles"]["secondary"]:
            users.setdefault(muscle, []).append(exercise.id)
    unused = [m for m in site.muscles if m not in users]
    found = {}
    for unknown, names in users.items():
        close = did_you_mean(unknown, unused)
        if unknown not in site.muscles and len(names) >= 2 and close:
            found[unknown] = (close.split("'")[1], names)
    return found


def _muscle_problems(exercise: Exercise, site: Site, misspelt: dict[str, tuple[str, list[str]]]) -> Iterator[Problem]:
    muscles = exercise.data["muscles"]
    for role in ("primary", "secondary"):
        for index, muscle in enumerate(muscles[role]):
            if muscle in misspelt:
                continue  # reported once, at the muscles file's line
            if muscle not in site.muscles:
                hint = did_you_mean(muscle, site.muscles)
                yield exercise.problem(("muscles", role, index), f"unknown muscle '{muscle}'{hint}")
            elif role == "secondary" and muscle in muscles["primary"]:
                yield exercise.problem(("muscles", role, index), f"'{muscle}' is already a primary muscle")


def _cited_text(exercise: Exercise, site: Site) -> Iterator[tuple[tuple[str | int, ...], str]]:
    data = exercise.data
    for name in _TEXT_FIELDS:
        yield (name,), data[name]
    section = site.vocabulary.card_section
    if section:  # the site's own field, checked by the schema to be text
        yield (section.field,), cast(dict[str, str], data)[section.field]
    for list_name in _TEXT_LISTS:
        for index, text in enumerate(data[list_name]):
            yield (list_name, index), text
    yield ("evidence", "summary"), data["evidence"]["summary"]


def _citation_problems(exercise: Exercise, site: Site) -> Iterator[Problem]:
    listed = exercise.data["references"]
    for index, key in enumerate(listed):
        message = unknown_key(key, site.references)
        if message:
            yield exercise.problem(("references", index), message)
    for path, text in _cited_text(exercise, site):
        for message in text_problems(text, site.references):
            yield exercise.problem(path, message)
        for key in citation_keys(text):
            if key in site.references and key not in listed:
                yield exercise.problem(path, f"cites '{key}', which is missing from 'references'")


def _ladder_problems(exercise: Exercise, site: Site) -> Iterator[Problem]:
    for kind, other_kind in _OPPOSITE.items():
        for index, other_id in enumerate(exercise.data[kind]):
            path = (kind, index)
            if other_id == exercise.id:
                yield exercise.problem(path, "an exercise cannot be its own regression or progression")
            elif other_id in site.broken_exercises:
                continue  # that file's own problems are reported; linking to it is not one more
            elif other_id not in site.exercises:
                yield exercise.problem(path, f"unknown exercise '{other_id}'{did_you_mean(other_id, site.exercises)}")
            elif exercise.id not in site.exercises[other_id].data[other_kind]:
                other = site.exercises[other_id].path
                yield exercise.problem(
                    path,
                    f"'{other_id}' does not list '{exercise.id}' in its {other_kind} ({other}); ladders must be mutual",
                )


def _image_problems(exercise: Exercise, docs_dir: str) -> Iterator[Problem]:
    """An image must be a file inside the docs folder: never a path that climbs out of it."""
    if "image" not in exercise.data:
        return
    src = exercise.data["image"]["src"]
    target = (Path(exercise.path).parent / src).resolve()
    if not target.is_relative_to(Path(docs_dir).resolve()):
        yield exercise.problem(("image", "src"), f"'{src}' points outside the docs folder ({docs_dir})")
    elif not target.is_file():
        yield exercise.problem(("image", "src"), f"no file at '{src}' (relative to {exercise.path})")


def _alias_problems(site: Site) -> Iterator[Problem]:
    """An alias is another name a reader may search for: it must lead to one exercise only."""
    owner = {exercise.name.casefold(): exercise for exercise in site.exercises.values()}
    for exercise_id in sorted(site.exercises):
        exercise = site.exercises[exercise_id]
        for index, alias in enumerate(exercise.data["aliases"]):
            other = owner.setdefault(alias.casefold(), exercise)
            if other is not exercise:
                yield exercise.problem(
                    ("aliases", index),
                    f"'{alias}' already names '{other.id}' ({other.path}); an alias must lead to one exercise",
                )


def _cycle_problems(site: Site) -> list[Problem]:
    """Depth-first search over 'progressions'; report each cycle once, at its first exercise.

    Iterative, not recursive: a ladder may be longer than Python's recursion limit.
    """
    state: dict[str, str] = {}
    problems: list[Problem] = []

    def harder(node: str) -> Iterator[str]:
        return (n for n in site.exercises[node].data["progressions"] if n in site.exercises and n != node)

    for root in sorted(site.exercises):
        if root in state:
            continue
        state[root] = "open"
        trail, stack = [root], [harder(root)]
        while stack:
            for nxt in stack[-1]:
                if state.get(nxt) == "open":
                    cycle = [*trail[trail.index(nxt) :], nxt]
                    problems.append(
                        site.exercises[cycle[0]].problem(
                            ("progressions",),
                            "progressions form a cycle: " + " -> ".join(cycle),
                        )
                    )
                elif nxt not in state:
                    state[nxt] = "open"
                    trail.append(nxt)
                    stack.append(harder(nxt))
                    break
            else:
                state[trail.pop()] = "done"
                stack.pop()
    return problems
