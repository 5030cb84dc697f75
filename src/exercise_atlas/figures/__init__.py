"""Movement figures: a drawing of each exercise generated from a few lines of its front matter.

One standard body (segment lengths from Winter's anthropometric table, see :mod:`.body`) is
posed by joint angles and placed by forward kinematics and its contacts (:mod:`.placing`); every
angle is checked against normal ranges of motion (:mod:`.catalogue`, the one table of joints
and props) and every contact against its
surface (:mod:`.pose_checks`); :mod:`.svg_figure` turns the result into SVG shapes for
``templates/figure.html``, tinting the regions the site's vocabulary gives its muscles
(:mod:`.tint`), timed as the figure declares (:mod:`.timing`). The data format is documented in
CONTRIBUTING.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from ..errors import Problem
from ..yamlsource import Located
from .figure_schema import FIGURE_SCHEMA
from .pose_checks import figure_issues
from .svg_figure import figure_drawing, still_drawing
from .tint import tinted_regions

__all__ = ["FIGURE_SCHEMA", "figure_html", "figure_problems", "still_html"]


def figure_problems(path: str, data: dict[str, Any], located: Located) -> list[Problem]:
    """Problems with one exercise's figure, each on the line of the value at fault."""
    figure = data.get("figure")
    if not isinstance(figure, dict):
        return []
    problems = []
    for where, message in figure_issues(figure):
        full = ("figure", *where)
        problems.append(Problem(path, located.line_of(full), ".".join(str(p) for p in full), message))
    return problems


def figure_html(
    env: Environment,
    exercise: dict[str, Any],
    muscles: dict[str, dict[str, Any]],
    figure_regions: Mapping[str, Sequence[str]],
) -> Markup:
    """The full figure of an exercise (empty if it has none)."""
    if "figure" not in exercise:
        return Markup("")
    regions = tinted_regions(exercise["muscles"]["primary"], muscles, figure_regions)
    art = figure_drawing(exercise["figure"], exercise["name"], regions)
    html = env.get_template("figure.html").render(art=art, ex=exercise, view=exercise["figure"]["view"])
    return Markup(html.strip())


def still_html(
    env: Environment,
    exercise: dict[str, Any],
    muscles: dict[str, dict[str, Any]],
    figure_regions: Mapping[str, Sequence[str]],
) -> Markup:
    """The compact card's still of the key position (empty if the exercise has no figure)."""
    if "figure" not in exercise:
        return Markup("")
    regions = tinted_regions(exercise["muscles"]["primary"], muscles, figure_regions)
    art = still_drawing(exercise["figure"], regions)
    return Markup(env.get_template("figure_still.html").render(art=art).strip())
