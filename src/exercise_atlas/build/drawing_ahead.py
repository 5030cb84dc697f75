"""A large library's figures, drawn in other processes while the pages render.

A movement figure is a pure function of its exercise's data, and drawing them is most of what a
large library's build costs beyond stock MkDocs (about 4 ms a figure, 4 s at 1,000 exercises).
Every generator renders pages on one core, so when a build opens with many figures they are
handed to worker processes in the order of the exercise pages; a page takes its figure if it is
ready and otherwise draws it itself. The HTML is the same either way (the same function on the
same data), so a worker that cannot start or fails costs time, never output.

Workers start as fresh interpreters (``spawn``): the process may already run threads (the live
preview's server), which forking would copy half-held. Only figures go ahead: the library's
stills are all needed by one early page, before a worker has started.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, cast

from markupsafe import Markup

from ..content.model import Site
from ..figures import figure_html
from ..markup.renderer import environment

# Below this many figures a worker's start (a fresh interpreter importing the package, about a
# third of a second) is hardly won back.
AUTO_FROM = 200
# Figures a worker draws per task: few round trips, and a page rarely waits on a long batch.
_BATCH = 16
# Figures handed to the workers and not yet taken by their pages, at most.
_AHEAD = 8 * _BATCH


def worker_count(option: str, figures: int, cores: int | None = None) -> int:
    """How many processes draw ahead: ``option`` is ``auto`` or a whole number (``0``: none)."""
    if not figures:
        return 0
    if option != "auto":
        return int(option)
    cores = cores if cores is not None else (os.cpu_count() or 1)
    return max(0, min(cores - 1, 4)) if figures >= AUTO_FROM else 0


def _draw(
    templates_dir: str,
    exercises: list[dict[str, Any]],
    muscles: dict[str, dict[str, Any]],
    figure_regions: Mapping[str, Sequence[str]],
) -> list[str]:
    """In a worker: the figures of ``exercises``, as a page would draw them."""
    env = environment(templates_dir)
    return [str(figure_html(env, exercise, muscles, figure_regions)) for exercise in exercises]


class DrawingAhead:
    """The figures being drawn for one build; a page takes each one once.

    At most ``_AHEAD`` figures are drawn and not yet taken: a worker draws faster than pages
    render, and without a bound the drawn HTML would pile up in memory (about 6 MiB at 1,000)."""

    def __init__(self, site: Site, templates_dir: str, workers: int) -> None:
        context = multiprocessing.get_context("spawn")
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        self._site = site
        self._templates_dir = templates_dir
        self._muscles = cast(dict[str, dict[str, Any]], dict(site.muscles))
        self._regions = dict(site.vocabulary.figure_regions)
        self._waiting = deque(sorted(i for i, exercise in site.exercises.items() if "figure" in exercise.data))
        self._ready: dict[str, tuple[Future[list[str]], int]] = {}  # handed to a worker, not yet taken
        self._taken: set[str] = set()  # taken by a page before any worker had it
        self._top_up()

    def _top_up(self) -> None:
        while self._pool is not None and self._waiting and len(self._ready) + _BATCH <= _AHEAD:
            batch: list[str] = []
            while self._waiting and len(batch) < _BATCH:
                exercise_id = self._waiting.popleft()
                if exercise_id not in self._taken:
                    batch.append(exercise_id)
            if batch:
                data = [dict(self._site.exercises[i].data) for i in batch]
                future = self._pool.submit(_draw, self._templates_dir, data, self._muscles, self._regions)
                for index, exercise_id in enumerate(batch):
                    self._ready[exercise_id] = (future, index)

    def take(self, exercise_id: str) -> Markup | None:
        """The exercise's figure if a worker has drawn it, else None (the page draws it)."""
        found = self._ready.pop(exercise_id, None)
        drawn = None
        if found is None:
            self._taken.add(exercise_id)
        else:
            future, index = found
            if future.done() and not future.cancelled() and future.exception() is None:
                drawn = Markup(future.result()[index])
        self._top_up()
        if not self._ready and not self._waiting:  # every figure taken: the workers are done
            self.close()
        return drawn

    def close(self) -> None:
        """Stop the workers; a figure they have not drawn is drawn by its page."""
        if self._pool is not None:
            self._ready.clear()
            self._waiting.clear()
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
