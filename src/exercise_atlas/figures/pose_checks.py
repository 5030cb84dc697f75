"""Anatomical sense: every angle within its normal range, every contact on its surface, and no
segment through the floor or a prop. Each problem names the data path of the value at fault, so
the caller can give its line."""

from __future__ import annotations

import math
from typing import Any

from ..errors import did_you_mean
from .body import POINTS, point_radius, segments
from .placing import (
    FOLLOWING,
    IN_PLANE,
    PIN_SURFACES,
    RESTED_ON,
    Figure,
    Placed,
    PlacedProp,
    find_prop,
    pose_figure,
    split_contact,
)
from .rom import RANGES, format_range
from .vectors import lerp

CONTACT_TOLERANCE = 2.0  # cm between a resting point's skin and its surface
SLIDE_TOLERANCE = 4.0  # cm a resting point may move between positions
PASS_TOLERANCE = 2.5  # cm a segment may press into a surface (soft tissue) before it passes through
_SAMPLES = 8

Path = tuple[str | int, ...]
Issue = tuple[Path, str]


def figure_issues(data: dict[str, Any]) -> list[Issue]:
    """Every problem with one exercise's ``figure`` data (already valid against its schema)."""
    issues: list[Issue] = []
    positions = data["positions"]
    if len(positions) < 2:
        issues.append(
            (("positions",), f"expected at least two key positions (like 'start' and 'end'), got {len(positions)}")
        )
    if "key" in data and data["key"] not in positions:
        issues.append((("key",), f"no position named '{data['key']}'{did_you_mean(data['key'], positions)}"))
    issues += _angle_issues(data["view"], positions)
    issues += _name_issues(data)
    if issues:
        return issues  # placing a body with unknown names or impossible angles explains nothing more
    figure = pose_figure(data)
    issues += figure.issues
    first = figure.positions[0]
    for p in figure.positions:
        issues += _contact_issues(figure, p.key, p.contacts, p.points, p.props)
        issues += _passing_issues(p.key, p.points, p.props)
        if p is not first:
            issues += _sliding_issues(figure, first, p)
    return issues


def _sliding_issues(figure: Figure, first: Placed, now: Placed) -> list[Issue]:
    """A point resting on the same fixed surface in the first position and this one stays put."""
    issues: list[Issue] = []
    before = dict(first.contacts)
    for index, (point, on) in enumerate(now.contacts):
        prop = find_prop(figure.props_data, on)
        if before.get(point) != on or (prop is not None and prop["type"] in FOLLOWING):
            continue
        a, b = first.points[point], now.points[point]
        moved = math.hypot(a[0] - b[0], a[2] - b[2])
        if moved > SLIDE_TOLERANCE:
            issues.append(
                (
                    ("positions", now.key, "contacts", index),
                    f"{point} slides {moved:.0f} cm along the {on} since '{first.key}'; a resting point stays put (put it on a slider if it slides)",
                )
            )
    return issues


def _angle_issues(view: str, positions: dict[str, Any]) -> list[Issue]:
    issues: list[Issue] = []
    for key, pos in positions.items():
        for name in ("trunk", "lean", "roll", "neck"):
            if name in pos:
                issues += _range_issue(("positions", key, name), name, pos[name])
        for group in ("both", "left", "right"):
            for name, value in (pos.get(group) or {}).items():
                joint = IN_PLANE[view].get(name, name)
                issues += _range_issue(("positions", key, group, name), joint, value)
    return issues


def _range_issue(path: Path, joint: str, value: float) -> list[Issue]:
    allowed = RANGES[joint]
    if allowed.low <= value <= allowed.high:
        return []
    return [(path, f"{value:g} degrees is outside the normal range of motion ({format_range(allowed)})")]


def _point_issue(path: Path, point: Any) -> list[Issue]:
    if point in POINTS:
        return []
    return [(path, f"unknown body point '{point}'{did_you_mean(point, POINTS)}")]


def _name_issues(data: dict[str, Any]) -> list[Issue]:
    issues: list[Issue] = []
    props = list(data.get("props") or [])
    surfaces = ["floor"] + [p.get("id", p["type"]) for p in props]
    needs = {"bench": ("height", "at"), "band": ("at",), "cable": ("at",), "slider": ("at",), "pad": ("at",)}
    needs |= {"hands": ("at",), "wall": ("at",), "ball": ("between",), "kettlebell": ("between",)}
    for index, prop in enumerate(props):
        for name in needs[prop["type"]]:
            if name not in prop:
                issues.append((("props", index, name), f"a {prop['type']} needs '{name}'"))
        if "at" in prop:
            issues += _point_issue(("props", index, "at"), prop["at"])
        for j, point in enumerate(prop.get("between") or []):
            issues += _point_issue(("props", index, "between", j), point)
    for key, pos in data["positions"].items():
        for index, contact in enumerate(pos.get("contacts") or []):
            path: Path = ("positions", key, "contacts", index)
            point, on = split_contact(contact)
            issues += _point_issue(path, point)
            if on not in surfaces and find_prop(props, on) is None:
                issues.append((path, f"unknown surface '{on}'{did_you_mean(on, surfaces)}; add it to 'props'"))
            elif index == 0 and on != "floor" and (find_prop(props, on) or {}).get("type") not in PIN_SURFACES:
                issues.append(
                    (path, "the first contact places the body: it must rest on the floor, a bench or a slider")
                )
    return issues


def surface_distance(
    figure: Figure, on: str, point: tuple[float, float, float], props: list[PlacedProp]
) -> tuple[float, PlacedProp | None]:
    if on == "floor":
        return point[1], None
    spec = find_prop(figure.props_data, on)
    index = figure.props_data.index(spec) if spec is not None else -1
    prop = props[index]
    if prop.centre is not None:
        return math.dist(point, prop.centre) - prop.radius, prop
    if prop.box is not None:
        return prop.box.distance(point), prop
    if prop.line is not None:  # resting on a band: distance to its anchor line's end
        return math.dist(point, prop.line[1]), prop
    return 0.0, prop


def _contact_issues(
    figure: Figure, key: str, contacts: list[tuple[str, str]], points: dict[str, Any], props: list[PlacedProp]
) -> list[Issue]:
    issues: list[Issue] = []
    for index, (point, on) in enumerate(contacts):
        if index == 0:
            continue  # the first contact places the body on its surface
        gap, prop = surface_distance(figure, on, points[point], props)
        off = gap - point_radius(point)
        path: Path = ("positions", key, "contacts", index)
        if prop is not None and prop.type == "ball":
            if off > CONTACT_TOLERANCE:
                issues.append(
                    (path, f"{point} is {off:.0f} cm away from the {on} (more than {CONTACT_TOLERANCE:g} cm)")
                )
            continue  # a ball may be squeezed
        if off > CONTACT_TOLERANCE:
            issues.append((path, f"{point} is {off:.0f} cm off the {on} (more than {CONTACT_TOLERANCE:g} cm)"))
        elif off < -CONTACT_TOLERANCE:
            issues.append((path, f"{point} sinks {-off:.0f} cm into the {on} (more than {CONTACT_TOLERANCE:g} cm)"))
        elif prop is not None and prop.type in RESTED_ON and prop.box is not None:
            below = prop.box.high[1] - points[point][1]
            if below > 0:
                where = f"from below or the side ({below:.0f} cm under its top)"
                issues.append((path, f"{point} touches the {on} {where}; it must rest on top"))
    return issues


def _passing_issues(key: str, points: dict[str, Any], props: list[PlacedProp]) -> list[Issue]:
    issues: list[Issue] = []
    solids = [("floor", None)] + [(p.name, p) for p in props if p.solid and p.type not in FOLLOWING]
    for name, a, b, radius in segments():
        for surface, prop in solids:
            depth = 0.0
            for i in range(_SAMPLES + 1):
                sample = lerp(points[a], points[b], i / _SAMPLES)
                distance = sample[1] if prop is None or prop.box is None else prop.box.distance(sample)
                depth = max(depth, radius - distance)
            if depth > PASS_TOLERANCE:
                issues.append((("positions", key), f"{name} passes {depth:.0f} cm into the {surface}"))
    for prop in props:
        if prop.type == "kettlebell" and prop.centre is not None:
            depth = prop.radius - prop.centre[1]
            if depth > PASS_TOLERANCE:
                issues.append((("positions", key), f"the {prop.name} passes {depth:.0f} cm into the floor"))
    head = points["head"]
    if 10.5 - head[1] > PASS_TOLERANCE:
        issues.append((("positions", key), f"head passes {10.5 - head[1]:.0f} cm into the floor"))
    return issues
