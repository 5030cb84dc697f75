"""An exercise's whole ladder, easiest first, from its regressions and progressions.

A card only stores its neighbours one rung away; a reader wants to see where the exercise sits
on the whole ladder. The ladders are checked to be mutual and free of cycles before this runs.
"""

from __future__ import annotations

from typing import Literal

from ..content.model import Exercise

MAX_RUNGS = 4  # each way; a longer ladder shows its nearest rungs


def ladder(exercises: dict[str, Exercise], exercise_id: str) -> list[tuple[int, list[str]]]:
    """``(offset, ids)`` per rung, easiest first; offset 0 is the exercise itself.

    Each exercise appears once, at its nearest rung; several at one rung are alternatives.
    """
    easier = _rungs(exercises, exercise_id, "regressions")
    harder = _rungs(exercises, exercise_id, "progressions")
    return (
        [(-distance, ids) for distance, ids in reversed(list(enumerate(easier, 1)))]
        + [(0, [exercise_id])]
        + list(enumerate(harder, 1))
    )


def _rungs(
    exercises: dict[str, Exercise], start: str, field: Literal["regressions", "progressions"]
) -> list[list[str]]:
    seen = {start}
    rungs: list[list[str]] = []
    frontier = [start]
    while frontier and len(rungs) < MAX_RUNGS:
        step = []
        for current in frontier:
            for neighbour in exercises[current].data[field]:
                if neighbour in exercises and neighbour not in seen:
                    seen.add(neighbour)
                    step.append(neighbour)
        if step:
            rungs.append(step)
        frontier = step
    return rungs
