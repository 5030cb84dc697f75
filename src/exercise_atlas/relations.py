"""Checks that span files: muscle ids, citation keys and the progression ladders.

Ladders must be mutual (if A progresses to B, B regresses to A) and free of cycles, because the
page draws them as a ladder: a reader following "harder" must never come back to the start.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .errors import Problem, did_you_mean
from .grammar import citation_keys
from .model import Exercise, Site

_TEXT_FIELDS = ("summary", "progress_when", "for_runners", "safety")
_TEXT_LISTS = ("steps", "cues", "mistakes")


def relation_problems(site: Site, docs_dir: str) -> list[Problem]:
    problems: list[Problem] = []
    for exercise in site.exercises.values():
        problems += _image_problems(exercise, docs_dir)
        # A file that failed to load is reported once, not again for every id it would have held.
        if "muscles" not in site.unreadable:
            problems += _muscle_problems(exercise, site)
        if "references" not in site.unreadable:
            problems += _citation_problems(exercise, site)
        problems += _ladder_problems(exercise, site)
    problems += _cycle_problems(site)
    return problems


def _problem(exercise: Exercise, path: tuple[str | int, ...], message: str) -> Problem:
    field = ".".join(str(p) for p in path)
    return Problem(exercise.path, exercise.located.line_of(path), field, message)


def _muscle_problems(exercise: Exercise, site: Site) -> Iterator[Problem]:
    muscles = exercise.data["muscles"]
    for role in ("primary", "secondary"):
        for index, muscle in enumerate(muscles[role]):
            if muscle not in site.muscles:
                hint = did_you_mean(muscle, site.muscles)
                yield _problem(exercise, ("muscles", role, index), f"unknown muscle '{muscle}'{hint}")
            elif role == "secondary" and muscle in muscles["primary"]:
                yield _problem(exercise, ("muscles", role, index), f"'{muscle}' is already a primary muscle")


def _cited_text(exercise: Exercise) -> Iterator[tuple[tuple[str | int, ...], str]]:
    data = exercise.data
    for name in _TEXT_FIELDS:
        yield (name,), data[name]
    for name in _TEXT_LISTS:
        for index, text in enumerate(data[name]):
            yield (name, index), text
    yield ("evidence", "summary"), data["evidence"]["summary"]


def _citation_problems(exercise: Exercise, site: Site) -> Iterator[Problem]:
    listed = exercise.data["references"]
    for index, key in enumerate(listed):
        if key not in site.references:
            yield _problem(
                exercise, ("references", index), f"unknown citation key '{key}'{did_you_mean(key, site.references)}"
            )
    for path, text in _cited_text(exercise):
        for key in citation_keys(text):
            if key not in site.references:
                yield _problem(exercise, path, f"unknown citation key '{key}'{did_you_mean(key, site.references)}")
            elif key not in listed:
                yield _problem(exercise, path, f"cites '{key}', which is missing from 'references'")


def _ladder_problems(exercise: Exercise, site: Site) -> Iterator[Problem]:
    opposite = {"regressions": "progressions", "progressions": "regressions"}
    for kind, other_kind in opposite.items():
        for index, other_id in enumerate(exercise.data[kind]):
            path = (kind, index)
            if other_id == exercise.id:
                yield _problem(exercise, path, "an exercise cannot be its own regression or progression")
            elif other_id in site.broken_exercises:
                continue  # that file's own problems are reported; linking to it is not one more
            elif other_id not in site.exercises:
                yield _problem(exercise, path, f"unknown exercise '{other_id}'{did_you_mean(other_id, site.exercises)}")
            elif exercise.id not in site.exercises[other_id].data[other_kind]:
                other = site.exercises[other_id].path
                yield _problem(
                    exercise,
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
        yield _problem(exercise, ("image", "src"), f"'{src}' points outside the docs folder ({docs_dir})")
    elif not target.is_file():
        yield _problem(exercise, ("image", "src"), f"no file at '{src}' (relative to {exercise.path})")


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
                        _problem(
                            site.exercises[cycle[0]],
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
