"""Figures drawn ahead by other processes (build/drawing_ahead.py) are the figures a page draws.

A large library's figures are drawn by worker processes while the pages render; a page takes
its figure if it is ready and draws it itself otherwise. The output must not depend on which.
"""

from __future__ import annotations

import dataclasses
import re
import time
from pathlib import Path

import pytest
from conftest import GENERATORS, build_with, copy_mini, edit

from exercise_atlas.build.check import settings_from_config
from exercise_atlas.build.drawing_ahead import _AHEAD, AUTO_FROM, DrawingAhead, worker_count
from exercise_atlas.content.loader import load_site
from exercise_atlas.content.model import check_option
from exercise_atlas.figures import figure_html
from exercise_atlas.markup.renderer import environment


def test_how_many_workers() -> None:
    assert worker_count("auto", AUTO_FROM - 1, cores=8) == 0  # a worker's start is not won back
    assert worker_count("auto", AUTO_FROM, cores=2) == 1  # the page's own core is left to it
    assert worker_count("auto", 5000, cores=16) == 4
    assert worker_count("auto", 5000, cores=1) == 0
    assert worker_count("2", 3) == 2
    assert worker_count("0", 5000) == 0
    assert worker_count("3", 0) == 0  # nothing to draw


def test_the_option_takes_auto_or_a_number() -> None:
    assert check_option("figure_processes", 2) == "2"  # `figure_processes: 2` in mkdocs.yml
    assert check_option("figure_processes", "auto") == "auto"
    with pytest.raises(
        ValueError, match=r"^figure_processes: expected 'auto' or a whole number from 0 to 64, got 'many'$"
    ):
        check_option("figure_processes", "many")


def _wait(ahead: DrawingAhead, ids: list[str]) -> None:
    """Until the workers have drawn every figure (at most a minute)."""
    futures = {ahead._ready[i][0] for i in ids}
    deadline = time.monotonic() + 60
    while not all(f.done() for f in futures) and time.monotonic() < deadline:
        time.sleep(0.05)


def test_the_workers_draw_what_a_page_draws(mini: Path) -> None:
    site = load_site(settings_from_config("mkdocs.yml")).site
    ids = sorted(i for i, e in site.exercises.items() if "figure" in e.data)
    assert len(ids) >= 2
    ahead = DrawingAhead(site, "", 1)
    _wait(ahead, ids)
    env = environment("")
    regions = dict(site.vocabulary.figure_regions)
    for exercise_id in ids:
        expected = figure_html(env, dict(site.exercises[exercise_id].data), dict(site.muscles), regions)  # type: ignore[arg-type]
        drawn = ahead.take(exercise_id)
        assert drawn is not None, f"{exercise_id}: not drawn ahead"
        assert drawn == expected
    assert ahead._pool is None  # every figure taken: the workers have stopped
    assert ahead.take(ids[0]) is None  # taken once; the page draws it again if it is shown twice


def test_a_figure_a_worker_could_not_draw_is_left_to_the_page(mini: Path) -> None:
    site = load_site(settings_from_config("mkdocs.yml")).site
    broken = next(i for i, e in site.exercises.items() if "figure" in e.data)
    exercise = site.exercises[broken]
    data = {**exercise.data, "figure": {"view": "side"}}  # no positions: drawing it fails
    site.exercises[broken] = dataclasses.replace(exercise, data=data)  # type: ignore[arg-type]
    ahead = DrawingAhead(site, "", 1)
    _wait(ahead, [broken])
    assert ahead.take(broken) is None
    ahead.close()


def test_the_workers_keep_only_a_few_figures_ahead_of_the_pages(mini: Path) -> None:
    """Drawn HTML waits in memory until its page takes it: no more than a window of figures is
    handed out at once, and the window moves on as pages take theirs."""
    site = load_site(settings_from_config("mkdocs.yml")).site
    first = next(e for e in site.exercises.values() if "figure" in e.data)
    for n in range(_AHEAD + 40):
        site.exercises[f"many-{n:03d}"] = first
    ids = sorted(i for i, e in site.exercises.items() if "figure" in e.data)
    ahead = DrawingAhead(site, "", 1)
    assert len(ahead._ready) == _AHEAD and len(ahead._waiting) == len(ids) - _AHEAD
    assert ahead.take(ids[-1]) is None  # not handed out yet: its page draws it, and no worker will
    drawn = 0
    for exercise_id in ids[:-1]:
        _wait(ahead, [exercise_id])
        drawn += ahead.take(exercise_id) is not None
        assert len(ahead._ready) <= _AHEAD
    assert drawn == len(ids) - 1
    assert ahead._pool is None  # the last figure taken: the workers have stopped


def _pages(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): re.sub(r' data-build="[^"]*"', "", p.read_text(encoding="utf-8"))
        for p in sorted(site.rglob("*.html"))
    }


@pytest.mark.parametrize("generator", GENERATORS)
def test_every_generator_builds_the_same_site_with_workers(tmp_path: Path, generator: str) -> None:
    """Under MkDocs, ProperDocs and Zensical alike, a build that starts workers gives the pages of
    one that draws every figure itself. (Which figures the workers drew cannot be seen in the
    output, by design; the tests above check the drawing itself.)"""
    sites = {}
    for workers in ("0", "2"):
        mini = copy_mini(tmp_path / workers)
        edit(
            mini / "mkdocs.yml", "  - exercise_atlas:\n", f'  - exercise_atlas:\n      figure_processes: "{workers}"\n'
        )
        result = build_with(generator, mini, tmp_path / f"site-{workers}")
        assert result.returncode == 0, result.stdout + result.stderr
        sites[workers] = _pages(tmp_path / f"site-{workers}")
    assert any("exercise-figure" in html for html in sites["0"].values())
    assert sites["2"] == sites["0"]
