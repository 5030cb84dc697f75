"""What the schema cannot say about the charts file: every number has a source and a unit, a bar
names an exercise that exists, an interval holds its value. One problem per mistake, each on the
line of the value at fault, named by the chart's id rather than its place in the list."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..errors import Problem, did_you_mean
from ..markup.citations import text_problems, unknown_key

if TYPE_CHECKING:
    from ..content.model import Site
    from ..content.yamlsource import Located

Path_ = tuple[str | int, ...]
Issue = tuple[Path_, str]  # where in the chart, what is wrong

_NUMBERED = ("ranked-bars", "icon-array", "scale")  # kinds whose items are numbers
_NEEDS = {
    "ranked-bars": ("exercise", "value"),
    "icon-array": ("label", "value"),
    "scale": ("label",),
    "stages": ("label", "value"),  # the milestones drawn under the stages
}


def chart_issues(chart: dict[str, Any], site: Site) -> Iterator[Issue]:
    """Every problem with one chart (which has passed the schema)."""
    kind, items = chart["kind"], chart.get("items", [])
    if kind != "stages" and not items:
        yield ("items",), "expected at least one item with a number"
    if kind == "stages":
        yield from _stage_issues(chart)
    if items and "unit" not in chart:
        yield ("unit",), "missing: every number needs its unit, like unit: '% MVC'"
    if items and "where" not in chart and any("where" not in item for item in items):
        yield ("where",), "missing: say which table, figure or page of the source the numbers come from"
    if kind == "icon-array":
        yield from _icon_issues(chart)
    yield from _source_issues(chart, site)
    for index, item in enumerate(items):
        yield from _item_issues(kind, index, item, chart, site)


def _stage_issues(chart: dict[str, Any]) -> Iterator[Issue]:
    if "stages" not in chart:
        yield ("stages",), "missing: a stages chart lists its stages, each with a label and text"
    if "criterion" not in chart:
        yield ("criterion",), "missing: say when a reader moves on to the next stage"


def _icon_issues(chart: dict[str, Any]) -> Iterator[Issue]:
    for name, hint in (("per", "per: 100"), ("outcome", "outcome: 'reported a groin problem'")):
        if name not in chart:
            yield (name,), f"missing: an icon array needs {hint}"
    if len(chart.get("items", [])) != 2:
        yield ("items",), "expected two groups to compare, the first the one that did the programme"


def _source_issues(chart: dict[str, Any], site: Site) -> Iterator[Issue]:
    if "references" in site.unreadable:
        return
    if "source" in chart:
        message = unknown_key(chart["source"], site.references)
        if message:
            yield ("source",), message
    for message in text_problems(chart["caption"], site.references):
        yield ("caption",), message


def _item_issues(kind: str, index: int, item: dict[str, Any], chart: dict[str, Any], site: Site) -> Iterator[Issue]:
    at: Path_ = ("items", index)
    for name in _NEEDS[kind]:
        if name not in item:
            yield (*at, name), f"missing: each item of a {kind} chart needs '{name}'"
    if kind == "scale" and "value" not in item and not ("low" in item and "high" in item):
        yield (*at, "value"), "missing: give value, or low and high for a range"
    numbers = [name for name in ("value", "low", "high") if name in item]
    if numbers and "source" not in item and "source" not in chart:
        hint = "add source: <key> (a key of the references file) to this item or to the chart"
        yield (*at, numbers[0]), f"a number without a source; {hint}"
    if "source" in item and "references" not in site.unreadable:
        message = unknown_key(item["source"], site.references)
        if message:
            yield (*at, "source"), message
    yield from _interval_issues(at, item)
    if kind == "icon-array" and not 0 <= item.get("value", 0) <= chart.get("per", 100):
        yield (
            (*at, "value"),
            f"expected a number from 0 to {chart.get('per', 100)} (people in every {chart.get('per', 100)})",
        )
    if "exercise" in item:
        yield from _exercise_issues(at, item["exercise"], site)
    if kind != "ranked-bars" and "exercise" in item:
        yield (*at, "exercise"), "only ranked-bars charts link their labels to exercises; use label"


def _interval_issues(at: Path_, item: dict[str, Any]) -> Iterator[Issue]:
    low, value, high = item.get("low"), item.get("value"), item.get("high")
    if (low is None) != (high is None):
        yield (*at, "low" if low is None else "high"), "an interval needs both low and high"
    elif low is not None and high is not None and not low <= (value if value is not None else low) <= high:
        yield (*at, "low"), f"expected low <= value <= high; got {low}, {value}, {high}"


def _exercise_issues(at: Path_, exercise: str, site: Site) -> Iterator[Issue]:
    if exercise in site.broken_exercises or "vocabulary" in site.unreadable:
        return  # reported in the exercise's own file
    if exercise not in site.exercises:
        yield (*at, "exercise"), f"unknown exercise '{exercise}'{did_you_mean(exercise, site.exercises)}"


def named_by_id(problem: Problem, data: object) -> Problem:
    """``charts.activity.kind`` rather than ``charts.0.kind``: contributors know charts by id."""
    parts = problem.field.split(".")
    if len(parts) < 2 or parts[0] != "charts" or not parts[1].isdigit() or not isinstance(data, dict):
        return problem
    charts = data.get("charts")
    index = int(parts[1])
    chart = charts[index] if isinstance(charts, list) and index < len(charts) else None
    if not isinstance(chart, dict) or not isinstance(chart.get("id"), str):
        return problem
    return dataclasses.replace(problem, field=".".join(["charts", chart["id"], *parts[2:]]))


def problems_of(located: Located, shown: str, site: Site) -> list[Problem]:
    """Every chart's issues as one-line problems, plus charts that share an id."""
    problems: list[Problem] = []
    seen: set[str] = set()
    charts: list[dict[str, Any]] = located.data["charts"]  # type: ignore[index]  # the schema made it so
    for index, chart in enumerate(charts):
        name = chart["id"]
        if name in seen:
            problems.append(
                Problem(shown, located.line_of(("charts", index, "id")), "id", f"duplicate chart id '{name}'")
            )
        seen.add(name)
        for where, message in chart_issues(chart, site):
            line = located.line_of(("charts", index, *where))
            problems.append(Problem(shown, line, ".".join(str(p) for p in ("charts", name, *where)), message))
    return problems
