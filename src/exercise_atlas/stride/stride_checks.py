"""The stride's rules beyond its shape: every number has a source, the five events come once each
and in order, the foot leaves the ground before half the stride (running has a flight), every
angle lies within the normal range of motion the exercise figures use (give or take ``MARGIN``),
muscles exist."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..errors import Problem, did_you_mean
from ..figures.catalogue import JOINTS as FIGURE_JOINTS
from ..figures.catalogue import format_range
from ..markup.citations import text_problems, unknown_key
from .stride_schema import EVENTS, JOINTS

if TYPE_CHECKING:
    from ..content.model import Site
    from ..content.yamlsource import Located

Issue = tuple[tuple[str | int, ...], str]
_RANGE_OF = {"hip": "hip_flexion", "knee": "knee", "ankle": "ankle"}
# The figures' ranges are normal values measured with the joint moved by an examiner; a measured
# running angle may pass them under body weight (the shared running data's ankle bends 23 degrees
# at mid-stance, past the 20 of the table). The stride's check allows this much beyond them, its
# own margin, and still catches a mistyped number.
MARGIN = 10.0


def stride_problems(located: Located, shown: str, site: Site) -> list[Problem]:
    """Every problem of the ``stride:`` section (which has passed the file's schema), each on its
    line, named by the speed's id."""
    stride: dict[str, Any] = located.data["stride"]  # type: ignore[index]  # the schema made it so
    issues = list(_caption_issues(stride, site))
    seen: set[str] = set()
    for index, speed in enumerate(stride["speeds"]):
        if speed["id"] in seen:
            issues.append((("speeds", index, "id"), f"duplicate speed id '{speed['id']}'"))
        seen.add(speed["id"])
        issues += [(("speeds", index, *where), message) for where, message in speed_issues(speed, site)]
    return [
        Problem(shown, located.line_of(("stride", *where)), stride_field(stride, where), message)
        for where, message in issues
    ]


def named_by_speed(problem: Problem, data: object) -> Problem:
    """A schema problem in the stride named as the stride's own checks name it."""
    if not problem.field.startswith("stride.") or not isinstance(data, dict):
        return problem
    parts = tuple(int(p) if p.isdigit() else p for p in problem.field.split(".")[1:])
    return dataclasses.replace(problem, field=stride_field(data.get("stride"), parts))


def stride_field(stride: object, where: tuple[str | int, ...]) -> str:
    """``stride.jogging.events.2.hip``: a speed is named by its id, where it has one."""
    parts: list[str | int] = ["stride", *where]
    if len(where) >= 2 and where[0] == "speeds" and isinstance(where[1], int) and isinstance(stride, dict):
        speeds = stride.get("speeds")
        speed = speeds[where[1]] if isinstance(speeds, list) and where[1] < len(speeds) else None
        if isinstance(speed, dict) and isinstance(speed.get("id"), str):
            parts = ["stride", speed["id"], *where[2:]]
    return ".".join(str(p) for p in parts)


def _caption_issues(stride: dict[str, Any], site: Site) -> Iterator[Issue]:
    if "references" not in site.unreadable:
        for message in text_problems(stride["caption"], site.references):
            yield ("caption",), message


def speed_issues(speed: dict[str, Any], site: Site) -> Iterator[Issue]:
    """One speed's problems: events, angles, sources and muscles."""
    yield from _source_issue((), speed, site)
    events = speed["events"]
    names = [e["event"] for e in events]
    if names != list(EVENTS):
        yield (
            ("events",),
            f"expected the events {', '.join(EVENTS)}, once each and in that order; got {', '.join(names) or 'none'}",
        )
    else:
        yield from _timing_issues(events)
    if "where" not in speed and any("where" not in e for e in events):
        yield ("where",), "missing: say which table, figure or page of the source the angles come from"
    for index, event in enumerate(events):
        yield from _event_issues(index, event, speed, site)
    for index, active in enumerate(speed.get("active", [])):
        yield from _active_issues(index, active, speed, site)


def _timing_issues(events: list[dict[str, Any]]) -> Iterator[Issue]:
    if events[0]["at"] != 0:
        yield ("events", 0, "at"), "initial contact starts the stride: expected at: 0"
    for index in range(1, len(events)):
        if events[index]["at"] <= events[index - 1]["at"]:
            yield (
                ("events", index, "at"),
                f"expected a time after {events[index - 1]['event']} ({events[index - 1]['at']} %)",
            )
    toe_off = events[EVENTS.index("toe-off")]["at"]
    if toe_off >= 50:
        yield (
            ("events", EVENTS.index("toe-off"), "at"),
            f"toe-off at {toe_off} % leaves no flight; in running the foot leaves the ground before 50 % of the stride",
        )


def _event_issues(index: int, event: dict[str, Any], speed: dict[str, Any], site: Site) -> Iterator[Issue]:
    at: tuple[str | int, ...] = ("events", index)
    if "source" not in event and "source" not in speed:
        hint = "add source: <key> (a key of the references file) to this event or to the speed"
        yield (*at, "hip"), f"a number without a source; {hint}"
    yield from _source_issue(at, event, site)
    for joint in JOINTS:
        allowed = FIGURE_JOINTS[_RANGE_OF[joint]]
        if not allowed.low - MARGIN <= event[joint] <= allowed.high + MARGIN:
            yield (*at, joint), f"{event[joint]:g} is more than {MARGIN:g} degrees outside {format_range(allowed)}"


def _active_issues(index: int, active: dict[str, Any], speed: dict[str, Any], site: Site) -> Iterator[Issue]:
    at: tuple[str | int, ...] = ("active", index)
    if "source" not in active and "source" not in speed:
        yield (
            (*at, "from"),
            "a number without a source; add source: <key> (a key of the references file) to this item or to the speed",
        )
    if "where" not in active and "where" not in speed:
        yield (*at, "where"), "missing: say which table, figure or page of the source the timing comes from"
    yield from _source_issue(at, active, site)
    if "muscles" not in site.unreadable and active["muscle"] not in site.muscles:
        yield (*at, "muscle"), f"unknown muscle '{active['muscle']}'{did_you_mean(active['muscle'], site.muscles)}"
    if active["from"] == active["to"]:
        yield (*at, "to"), "expected a stretch of the stride: from and to are the same"


def _source_issue(at: tuple[str | int, ...], item: dict[str, Any], site: Site) -> Iterator[Issue]:
    if "source" in item and "references" not in site.unreadable:
        message = unknown_key(item["source"], site.references)
        if message:
            yield (*at, "source"), message
