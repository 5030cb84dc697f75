"""`exercise-atlas figure ID`: one page showing an exercise's figure while its author edits it.

The page shows the movement and the key positions side by side at once, the words a screen
reader hears, and every problem the check finds in the exercise, one line each, so an author
can change one number, save, and look again (with ``--watch`` the page is rewritten on every
save and reloads itself). It is a file on the author's machine, not part of the site.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader
from markupsafe import Markup, escape

from ..errors import Problem
from . import figure_html
from .pose_checks import figure_issues

_RELOAD = '<meta http-equiv="refresh" content="1">'


def _front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8-sig")
    if not text.startswith("---"):
        return {}
    data = yaml.safe_load(text.split("---", 2)[1])
    return data if isinstance(data, dict) else {}


def preview_html(
    exercise: dict[str, Any],
    problems: list[Problem],
    muscles: dict[str, dict[str, Any]],
    figure_regions: dict[str, tuple[str, ...]],
    reload: bool,
) -> str:
    """The preview page: the figure moving and still, its words, and the check's lines."""
    env = Environment(loader=PackageLoader("exercise_atlas", "templates"), autoescape=True)
    assets = files("exercise_atlas") / "assets"
    css = (assets / "exercise-atlas.css").read_text(encoding="utf-8")
    lines = "".join(f"<li><code>{escape(str(p))}</code></li>" for p in problems) or "<li>No problems.</li>"
    drawn: Markup | str = "<p>Fix the figure's problems above to see it drawn.</p>"
    if "figure" in exercise and not any(p.field.startswith("figure") and "positions" not in p.field for p in problems):
        try:
            figure = figure_html(env, exercise, muscles, figure_regions)
        except (KeyError, TypeError, ValueError) as exc:  # data the check has already refused
            figure = Markup(f"<p>Not drawn: {escape(exc)}</p>")
        moving = str(figure).replace('class="exercise-figure ', 'data-motion="on" class="exercise-figure ', 1)
        drawn = Markup(
            f'<div class="preview"><section><h2>Moving</h2>{moving}</section>'
            f"<section><h2>Key positions</h2>{figure}</section></div>"
        )
    title = escape(exercise.get("name", "Figure"))
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">{_RELOAD if reload else ""}'
        f"<title>Figure: {title}</title><style>{css}"
        "body{font-family:sans-serif;margin:1rem 2rem}.preview{display:flex;flex-wrap:wrap;gap:2rem}"
        ".preview section{flex:1 1 20rem}.exercise-figure{max-width:34rem}.exercise-figure__play{display:none}"
        f'</style></head><body class="md-typeset"><h1>Figure: {title}</h1><h2>The check</h2><ul>{lines}</ul>'
        f"{drawn}</body></html>"
    )


def write_preview(
    exercise_file: Path,
    out: Path,
    site_problems: Callable[[], tuple[list[Problem], dict[str, dict[str, Any]], dict[str, tuple[str, ...]]]],
    watch: bool,
) -> int:
    """Write the preview of ``exercise_file`` to ``out``; with ``watch``, again on every save."""
    seen = -1
    while True:
        stamp = exercise_file.stat().st_mtime_ns
        if stamp != seen:
            seen = stamp
            problems, muscles, regions = site_problems()
            exercise = _front_matter(exercise_file)
            mine = [p for p in problems if Path(p.path) == exercise_file]
            if not mine and isinstance(exercise.get("figure"), dict):
                mine = [Problem(str(exercise_file), None, "figure", m) for _, m in _safe_issues(exercise["figure"])]
            out.write_text(preview_html(exercise, mine, muscles, regions, watch), encoding="utf-8")
            for problem in mine:
                print(problem)
            print(f"Wrote {out} ({len(mine)} problem(s)); open it in a browser")
        if not watch:
            return 1 if mine else 0
        time.sleep(0.5)


def _safe_issues(figure: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    try:
        return figure_issues(figure)
    except (KeyError, TypeError, ValueError):
        return []
