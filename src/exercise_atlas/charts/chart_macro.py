"""``{{ chart("id") }}``: one chart of the charts file, as a figure with its SVG, caption and table.

Registered in the macro catalogue like the built-in macros (importing this module registers it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..errors import did_you_mean
from ..markup.grammar import Value
from ..markup.macros import AlreadyReportedError, Param, macro, text
from .chart_svg import Art, icon_array, number, ranked_bars, scale, stages

if TYPE_CHECKING:
    from ..content.model import Site
    from ..markup.renderer import Renderer


def chart_id(value: Value, site: Site) -> str:
    value = text(value, site)
    if "charts" in site.unreadable:
        raise AlreadyReportedError(value)
    known = site.charts.get("charts", {})
    if value not in known:
        where = "" if known else " (the site has no charts_file, or it lists no charts)"
        raise ValueError(f"unknown chart '{value}'{did_you_mean(value, known)}{where}")
    return value


def art_of(chart: dict[str, Any], exercise: Callable[[str], tuple[str, str]]) -> Art:
    """The chart's drawing and tables, by its kind."""
    if chart["kind"] == "ranked-bars":
        return ranked_bars(chart, exercise)
    if chart["kind"] == "icon-array":
        return icon_array(chart)
    if chart["kind"] == "scale":
        return scale(chart)
    return stages(chart)


def description(chart: dict[str, Any], art: Art) -> str:
    """The SVG's words for a screen reader: what the chart shows and its extremes, not every number."""
    unit = chart.get("unit", "")
    items = [i for i in chart.get("items", []) if "value" in i]
    if chart["kind"] == "ranked-bars":
        first, last = art.tables[0].rows[0], art.tables[0].rows[-1]
        said = f"Highest: {first[0].text}, {first[1].text} {unit}. Lowest: {last[0].text}, {last[1].text} {unit}."
    elif chart["kind"] == "icon-array":
        said = art.words
    elif chart["kind"] == "scale":
        said = "; ".join(f"{i['label']}: {number(i['value'])} {unit}" for i in items) + "."
    else:
        said = f"{len(chart['stages'])} stages: " + ", ".join(s["label"] for s in chart["stages"]) + "."
    return f"{said} The table with the chart gives every number."


def sources(chart: dict[str, Any]) -> list[str]:
    """Every source the chart's numbers come from, in order of first use."""
    keys = [chart["source"]] if "source" in chart else []
    for item in chart.get("items", []):
        if "source" in item and item["source"] not in keys:
            keys.append(item["source"])
    return keys


@macro("chart", Param("id", chart_id))
def chart(r: Renderer, page: str | None, id: str) -> str:  # noqa: A002 - the macro's name
    data = r.site.charts["charts"][id]

    def exercise(exercise_id: str) -> tuple[str, str]:
        return r.site.exercises[exercise_id].name, r.exercise_url(exercise_id, page)

    art = art_of(data, exercise)
    refs = [r.site.references[key] for key in sources(data)]
    return r.template("chart.html", chart=data, art=art, desc=description(data, art), refs=refs)
