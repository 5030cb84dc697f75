"""``{{ exercise_figures("id id ...") }}``: a few exercises' moving figures in a row, each named and
linked to its page, and a link on to the library: a page that shows before it tells.

The figures are the exercises' own (figures/), so a showcase never drifts from the cards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from markupsafe import Markup

from .errors import did_you_mean
from .figures import figure_html
from .grammar import Value
from .macros import AlreadyReportedError, MacroError, Param, macro, text
from .pagecontext import relative_link

if TYPE_CHECKING:
    from .model import Site
    from .render import Renderer


def drawn_exercises(value: Value, site: Site) -> list[str]:
    """Space-separated exercise ids, each one with a figure; every other id is one problem."""
    ids = text(value, site).split()
    if not 1 <= len(ids) <= 6:
        raise ValueError(f"expected one to six exercise ids, like 'copenhagen-plank'; got {len(ids)}")
    if any(i in site.broken_exercises for i in ids) or "vocabulary" in site.unreadable:
        raise AlreadyReportedError(value)
    problems = []
    for exercise_id in ids:
        exercise = site.exercises.get(exercise_id)
        if exercise is None:
            problems.append(f"unknown exercise '{exercise_id}'{did_you_mean(exercise_id, site.exercises)}")
        elif "figure" not in exercise.data:
            problems.append(f"'{exercise_id}' has no figure to show")
    if problems:
        raise MacroError(*problems)
    return ids


@macro("exercise_figures", Param("ids", drawn_exercises), Param("library", text, "exercises/index.md"))
def exercise_figures(r: Renderer, page: str | None, ids: list[str], library: str) -> str:
    items = []
    for exercise_id in ids:
        data = cast(dict[str, Any], r.site.exercises[exercise_id].data)
        muscles = cast(dict[str, dict[str, Any]], r.site.muscles)
        figure = figure_html(r.env, data, muscles, dict(r.site.vocabulary.figure_regions))
        items.append({"figure": Markup(figure), "name": data["name"], "url": r.exercise_url(exercise_id, page)})
    return r.template("showcase.html", items=items, library=relative_link(library, page))
